"""Private helpers of the entities stage: word keys, tokens and the compiled gazetteer.

Nothing here rewrites the input. Tokens are offsets into the text; their *keys* (folded
copies used only for dictionary look-ups) are never indexed back into the text, so a fold
that changes length (``"ß".casefold()``) cannot shift an offset.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping

import attrs
import regex

from newsparse._lexicons import load_set, load_table
from newsparse.model import EntityType, MentionKind

__all__ = [
    "CAP",
    "INITIAL",
    "POSS",
    "UPPER",
    "Entry",
    "Gazetteer",
    "Tokens",
    "ascii_words",
    "build_gazetteer",
    "fold",
    "tokenize",
]

# Apostrophe and hyphen variants fold to their ASCII forms (one code point each).
_FOLD = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
        "−": "-",
    }
)


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Return the look-up key of *word*: case, diacritics, apostrophes and hyphens folded.

    >>> fold("Juppé"), fold("TÜRKIYE"), fold("d’Ivoire"), fold("al‐Qaida")
    ('juppe', 'turkiye', "d'ivoire", 'al-qaida')
    """
    key = word.translate(_FOLD)
    if not key.isascii():
        key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    return key.casefold()


# A dotted abbreviation (U.S., N.C., W.Va., U.S.A.) or a word: letters, marks and digits,
# joined by apostrophes or hyphens (O’Brien, Tehrik-e-Taliban, Chung-tai), then a possessive
# ('s, ’s, s’) and a period, captured apart.
_TOKEN = regex.compile(
    r"(?P<abbr>\p{Lu}\.(?:\p{Lu}\p{Ll}{0,2}\.){1,3})"
    r"|(?P<word>[\p{L}\p{N}][\p{L}\p{M}\p{N}]*+"
    r"(?:(?:[\-‐‑–]|['’](?![sS](?![\p{L}\p{M}\p{N}])))[\p{L}\p{N}][\p{L}\p{M}\p{N}]*+){0,8}+)"
    r"(?P<poss>['’][sS](?![\p{L}\p{M}\p{N}])|(?<=[sS])['’](?![\p{L}\p{M}\p{N}]))?+"
    r"(?P<dot>\.)?+"
)
# The gaps that join two words of one name: one to three spaces or no-break spaces.
_LINK_GAPS = frozenset(
    "".join(p) for k in (1, 2, 3) for p in itertools.product(" \u00a0", repeat=k)
)
# A stretch of word characters, apostrophes, hyphens and periods: one or more tokens.
_STRETCH = regex.compile(r"([\p{L}\p{N}][\p{L}\p{M}\p{N}\-‐‑–'’.]*+)")
# The same stretch in a text whose letters, digits and marks are all ASCII (most news
# text; curly quotes and dashes are no word characters): the classes are plain ASCII, so
# the standard ``re`` module reads them exactly as ``regex`` does, and splits 2.5x faster.
# (Possessive where ``re`` has it, Python 3.11 on: nothing follows the class, so greedy and
# possessive match alike, but the possessive loop keeps no backtracking state and splits
# 10% faster; Python 3.10 gets the greedy one.)
_ASCII_STRETCH = re.compile(
    r"([A-Za-z0-9][A-Za-z0-9\-‐‑–'’.]*" + ("+" if sys.version_info >= (3, 11) else "") + ")"
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def ascii_words(text: str, start: int = 0, end: int | None = None) -> bool:
    """True if every letter, digit and combining mark of ``text[start:end]`` is ASCII.

    Quotation marks, dashes and spaces outside ASCII do not count: they are in no word.

    >>> ascii_words("“Hi,” he said — twice."), ascii_words("Zoë said")
    (True, False)
    """
    segment = text[start:end]
    if segment.isascii():
        return True
    return not any(unicodedata.category(c)[0] in "LMN" for c in set(_NON_ASCII.findall(segment)))


# A stretch that is one token of words joined by hyphens (as _TOKEN's word group).
_HYPHENATED = regex.compile(
    r"[\p{L}\p{N}][\p{L}\p{M}\p{N}]*+(?:[\-‐‑–][\p{L}\p{N}][\p{L}\p{M}\p{N}]*+){1,8}+"
)
# The same in a text whose letters and digits are all ASCII (see _ASCII_STRETCH): the
# standard ``re`` module, whose calls cost less on short words.
_ASCII_HYPHENATED = re.compile(r"[A-Za-z0-9]+(?:[\-‐‑–][A-Za-z0-9]+){1,8}")
# The other hyphens of a word to "-" (one character each: offsets and lengths kept).
_ONE_HYPHEN = str.maketrans(dict.fromkeys("‐‑–", "-"))
# Lower-case parts that make a hyphenated word a compound after a name: Taliban-led,
# Kabul-based (anti-Israel, pro-Beijing stay adjectives).
_SUFFIXES = frozenset(
    [
        "led",
        "based",
        "backed",
        "born",
        "owned",
        "run",
        "made",
        "funded",
        "allied",
        "controlled",
        "linked",
        "bound",
        "wide",
        "style",
        "era",
        "friendly",
        "aligned",
        "affiliated",
        "dominated",
        "sponsored",
        "supported",
        "inspired",
        "occupied",
        "held",
        "annexed",
        "area",
        "level",
        "type",
        "like",
        "only",
        "specific",
        "related",
        "centric",
        "focused",
    ]
)
# Lower-case name particles that may begin a capitalised hyphenated surname (al-Amr).
_PARTICLES = frozenset(["al", "el", "ad", "ash", "as", "at", "az", "ar", "an", "bin", "ibn", "abu"])

CAP = 1  # starts with a capital (or a particle and a capital: al-Amr)
UPPER = 2  # all its letters are capitals, at least two letters (NATO, U.S.)
POSS = 4  # followed by a possessive 's, ’s or s’ (left outside the token)
INITIAL = 8  # a single capital and a period (L. Ron Hubbard)


@attrs.define
class Tokens:
    """Parallel lists: token offsets, look-up keys and flags."""

    starts: list[int] = attrs.Factory(list)
    ends: list[int] = attrs.Factory(list)
    keys: list[str] = attrs.Factory(list)
    flags: list[int] = attrs.Factory(list)
    # links[i]: tokens i and i + 1 are separated by one to three spaces only
    links: list[bool] = attrs.Factory(list)

    def __len__(self) -> int:
        return len(self.starts)


# Byte translation table: an ASCII capital letter to 1, any other byte to 0.
_CAP_BYTES = bytes(int(65 <= b <= 90) for b in range(256))  # noqa: PLR2004 - "A".."Z"

# A dotted abbreviation: the first branch of _TOKEN, alone (and its ASCII form).
_ABBREVIATION = regex.compile(r"\p{Lu}\.(?:\p{Lu}\p{Ll}{0,2}\.){1,3}")
_ASCII_ABBREVIATION = re.compile(r"[A-Z]\.(?:[A-Z][a-z]{0,2}\.){1,3}")


def _one_word(word: str) -> bool:
    """True if _TOKEN reads the stretch *word* as one plain word ("don't", "O’Brien").

    That is: letters and digits joined by apostrophes (at most nine parts), with no part
    after an apostrophe that is a lone s (a possessive).
    """
    parts = word.replace("’", "'").split("'")
    return (
        1 < len(parts) <= 9  # noqa: PLR2004
        and all(map(str.isalnum, parts))
        and "s" not in parts[1:]
        and "S" not in parts[1:]
    )


def _two_letters(word: str) -> bool:
    """True if *word* has two letters or more (a word of letters only: its length)."""
    return (len(word) > 1 and word.isalpha()) or sum(map(str.isalpha, word)) >= 2  # noqa: PLR2004


def _split_compound(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Return the name part of a compound like ``Taliban-led`` / ``anti-Israel``, or None."""
    word = text[start:end]
    if not word.isascii():
        word = word.translate(_ONE_HYPHEN)
    cut = word.rfind("-")  # the last part: after the last hyphen
    if cut < 0:
        return None
    if word[cut + 1 :] in _SUFFIXES and word[:1].isupper():  # (the first part's first letter)
        return start, start + cut
    return None


def _add_slow(
    toks: Tokens,
    text: str,
    start: int,
    end: int,
    *,
    abbrevs: frozenset[str],
    phrases: Mapping[str, object],
) -> None:
    """Tokenise ``text[start:end]`` with the full pattern (possessives, dots, compounds)."""
    starts, ends, keys, flags = toks.starts, toks.ends, toks.keys, toks.flags
    for m in _TOKEN.finditer(text, start, end):
        abbr, word, poss, dot = m.groups()
        if word is None:  # a dotted abbreviation
            starts.append(m.start())
            ends.append(m.end())
            keys.append(fold(abbr))
            flags.append(CAP | UPPER)
            continue
        s, e = m.span(2)
        f = POSS if poss else 0
        key = fold(word)
        if dot and not poss:
            if e - s == 1 and word.isupper():
                e += 1
                f = INITIAL
                key += "."
            elif key in abbrevs:
                e += 1
                key += "."
        if ("-" in word or "‐" in word or "–" in word) and key not in phrases:
            part = _split_compound(text, s, e)
            if part is not None:
                s, e = part
                word = text[s:e]
                key = fold(word)
                f = 0
        if word[0].isupper():
            f |= CAP
            if word.isupper() and _two_letters(word):
                f |= UPPER
        elif "-" in word:
            head, _, rest = word.partition("-")
            if head.casefold() in _PARTICLES and rest[:1].isupper():
                f |= CAP
        starts.append(s)
        ends.append(e)
        keys.append(key)
        flags.append(f)


# Splices done in place (each moves the tokens after it) while their count times the
# number of tokens is at most this; beyond, the token lists are rebuilt once.
_MOVE_BUDGET = 1 << 14


def _respelled(
    text: str,
    start: int,
    end: int,
    *,
    link: bool,
    abbrevs: frozenset[str],
    phrases: Mapping[str, object],
) -> tuple[list[int], list[int], list[str], list[int], list[bool]]:
    """The tokens of the stretch ``text[start:end]`` by the full token pattern, as lists.

    *link*: whether one to three spaces alone come after the stretch.
    """
    whole, _, fraction = text[start:end].partition(".")
    # "1.5." at the end of a sentence: its last period is no part of a number
    cut = fraction[-1:] == "." and fold(fraction[:-1]) not in abbrevs
    if cut:
        fraction = fraction[:-1]
    if whole.isdecimal() and fraction.isdecimal() and fold(whole) not in abbrevs:
        # "1.5": two numbers, as the full pattern reads it
        s = start + len(whole)
        e = end - 1 if cut else end
        keys = [fold(whole), fold(fraction)]
        return [start, s + 1], [s, e], keys, [0, 0], [False, link and not cut]
    piece = Tokens()
    _add_slow(piece, text, start, end, abbrevs=abbrevs, phrases=phrases)
    piece.links.extend(
        text[piece.ends[p] : piece.starts[p + 1]] in _LINK_GAPS for p in range(len(piece) - 1)
    )
    if len(piece):
        piece.links.append(link and piece.ends[-1] == end)
    return piece.starts, piece.ends, piece.keys, piece.flags, piece.links


def tokenize(
    text: str, start: int, end: int, abbrevs: frozenset[str], phrases: Mapping[str, object]
) -> Tokens:
    """Split ``text[start:end]`` into word tokens (possessives and trailing periods handled).

    One C-level split finds the stretches of word characters; the plain ones (letters and
    digits only, most of them) are tokens as they are, the others (with an apostrophe, a
    hyphen, a period or a combining mark) go through the full token pattern.

    >>> t = tokenize("Pakistan's U.S. envoy, Mr. al-Amr.", 0, 34, frozenset({"mr"}), {})
    >>> [(t.starts[i], t.ends[i], t.keys[i], t.flags[i]) for i in range(len(t))]
    ... # doctest: +NORMALIZE_WHITESPACE
    [(0, 8, 'pakistan', 5), (11, 15, 'u.s.', 3), (16, 21, 'envoy', 0), (23, 26, 'mr.', 1),
     (27, 33, 'al-amr', 1)]
    """
    segment = text[start:end]
    plain = ascii_words(segment)
    parts = (_ASCII_STRETCH if plain else _STRETCH).split(segment)
    words = parts[1::2]
    offsets = list(itertools.accumulate(map(len, parts), initial=start))
    # the first letter of every word, gathered from the text by one C-level item getter
    # (a getter of one index returns that letter alone: the same string)
    word_starts = offsets[1:-1:2]
    initials = operator.itemgetter(*word_starts)(text) if words else ""
    if plain:
        # every word starts with an ASCII letter or digit: CAP by one translation of
        # the first letters (A-Z -> 1, the rest -> 0)
        firsts = "".join(initials).encode("ascii").translate(_CAP_BYTES)
    else:
        firsts = bytes(map(str.isupper, initials))
    toks = Tokens(
        word_starts,
        offsets[2::2],
        # an ASCII word's key is the word in lower case (fold() does the rest)
        list(map(str.lower if segment.isascii() else fold, words)),
        # CAP from the first letter (the short paths below add their flags to it)
        list(firsts),
        list(map(_LINK_GAPS.__contains__, parts[2::2])),
    )
    starts, ends, keys, flags, links = toks.starts, toks.ends, toks.keys, toks.flags, toks.links
    spliced: list[int] = []
    hyphenated = (_ASCII_HYPHENATED if plain else _HYPHENATED).fullmatch
    abbreviation = (_ASCII_ABBREVIATION if plain else _ABBREVIATION).fullmatch
    for i in [i for i, word in enumerate(words) if not word.isalnum()]:
        word = words[i]
        last = word[-1]
        if last in "'’" and word[-2] in "'’":  # a closing quote mark: "delay''", "home.''"
            core = word.rstrip("'’")
            if core.isalnum() or (core[-1] == "." and core[:-1].isalnum()):
                # the word (and its period) is read as if the marks were not there, but
                # for a possessive: the first mark after an s ("Files''")
                cut = len(word) - len(core)
                ends[i] -= cut
                keys[i] = keys[i][:-cut]
                links[i] = False  # a quote mark follows
                word = core
                last = word[-1]
                if last != ".":  # (a word and a period: read as "word." below)
                    if last in "sS":
                        flags[i] |= POSS
                        if word.isupper() and word[0].isupper() and _two_letters(word):
                            flags[i] = POSS | UPPER | CAP
                    continue
        # (a key is folded character by character: fold(w + ".") is fold(w) + ".")
        if last == "." and word[:-1].isalnum():  # "word." / "Mr." / "J."
            if len(word) == 2 and word[0].isupper():  # noqa: PLR2004
                flags[i] = INITIAL | CAP  # the period is part of it
            elif keys[i][:-1] not in abbrevs:
                ends[i] -= 1
                keys[i] = keys[i][:-1]
                links[i] = False  # a period follows
            continue
        if last.isdecimal():
            whole, _, fraction = word.partition(".")
            if whole.isdecimal() and fraction.isdecimal():  # "1.5": spliced in below
                spliced.append(i)
                continue
        if len(word) > 1 and (
            (last in "sS" and word[-2] in "'’" and word[:-2].isalnum())
            or (last in "'’" and word[-2] in "sS" and word[:-1].isalnum())
        ):  # a possessive: "Pakistan's", "Jones'"
            cut = 2 if last in "sS" else 1
            word = word[:-cut]
            ends[i] -= cut
            keys[i] = keys[i][:-cut]
            flags[i] |= POSS
            if word.isupper() and word[0].isupper() and _two_letters(word):
                flags[i] = POSS | UPPER | CAP
        # (a hyphenated word has no period; a dotted abbreviation has one)
        elif "." not in word and hyphenated(word) is not None:  # "long-term", "al-Amr"
            if (
                word[0].isupper()
                and ("-" in word or "‐" in word or "–" in word)
                and keys[i] not in phrases
            ):  # (a compound's name part is capitalised)
                part = _split_compound(text, starts[i], ends[i])
                if part is not None:
                    ends[i] = part[1]
                    word = text[part[0] : part[1]]
                    keys[i] = fold(word)
                    if word.isupper() and _two_letters(word):
                        flags[i] = UPPER | CAP  # (its first letter is a capital)
            if "-" in word and not word[0].isupper():
                head, _, rest = word.partition("-")
                if head.casefold() in _PARTICLES and rest[:1].isupper():
                    flags[i] = CAP
        elif "." in word and abbreviation(word) is not None:  # "U.S.", "W.Va.": one token
            flags[i] = CAP | UPPER
        elif not _one_word(word):  # "O'Brien's", "1.5", "a.m.": the full pattern
            spliced.append(i)
            continue
        if ends[i] != offsets[2 * i + 2]:
            links[i] = False  # a period or a possessive follows
    # UPPER for words in capitals (possessives done above), which start with a capital
    caps = list(itertools.compress(range(len(words)), firsts))
    for i in itertools.compress(caps, map(str.isupper, map(words.__getitem__, caps))):
        word = words[i]
        if len(word) > 1 and flags[i] & (CAP | POSS) == CAP and _two_letters(word):
            flags[i] |= UPPER
    # the rest through the full token pattern, spliced in: a few in place, from the last
    # one (each slice assignment moves the tokens after it), many by one rebuild of the
    # lists (a slice assignment per token would be quadratic on a page of "U.S." and "a.m.")
    if len(spliced) * len(starts) <= _MOVE_BUDGET:
        for i in reversed(spliced):
            p_starts, p_ends, p_keys, p_flags, p_links = _respelled(
                text, starts[i], offsets[2 * i + 2], link=links[i], abbrevs=abbrevs, phrases=phrases
            )
            starts[i : i + 1] = p_starts
            ends[i : i + 1] = p_ends
            keys[i : i + 1] = p_keys
            flags[i : i + 1] = p_flags
            links[i : i + 1] = p_links
    else:
        out = Tokens()
        done = 0
        for i in spliced:
            p_starts, p_ends, p_keys, p_flags, p_links = _respelled(
                text, starts[i], offsets[2 * i + 2], link=links[i], abbrevs=abbrevs, phrases=phrases
            )
            out.starts.extend(starts[done:i])
            out.starts += p_starts
            out.ends.extend(ends[done:i])
            out.ends += p_ends
            out.keys.extend(keys[done:i])
            out.keys += p_keys
            out.flags.extend(flags[done:i])
            out.flags += p_flags
            out.links.extend(links[done:i])
            out.links += p_links
            done = i + 1
        out.starts += starts[done:]
        out.ends += ends[done:]
        out.keys += keys[done:]
        out.flags += flags[done:]
        out.links += links[done:]
        toks = out
    if toks.links:
        toks.links[-1] = False
    return toks


_HEAD_TYPES: dict[str, EntityType] = {"ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


@attrs.frozen
class Entry:
    """What a gazetteer phrase names."""

    canonical: str
    type: EntityType
    kind: MentionKind = "name"
    klass: str = ""
    upper: bool = False  # listed as an acronym: the text must be in capitals too
    lower_ok: bool = False  # listed with a lower-case first letter (al-Qaida)


@attrs.frozen(eq=False)
class Gazetteer:
    """The compiled lexicons: phrase keys (folded words joined by spaces) to entries."""

    phrases: Mapping[str, Entry]
    first_words: frozenset[str]  # first word of every phrase
    prefixes: frozenset[str]  # the first words of every phrase longer than them
    lower_first: frozenset[str]  # first word of phrases listed in lower case (al-Qaida)
    maxlen: int
    titles: Mapping[str, str]
    title_maxlen: int
    title_prefixes: frozenset[str]
    heads: Mapping[str, EntityType]
    first_names: frozenset[str]
    stop: frozenset[str]
    abbrevs: frozenset[str]
    not_names: frozenset[str]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """Return the folded words of a lexicon phrase (commas dropped).

    >>> phrase_key("Washington, D.C.")
    ('washington', 'd.c.')
    """
    return tuple(fold(w.strip(",")) for w in phrase.split() if w.strip(","))


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)  # noqa: PLR2004


def _prefixes(keys: Iterable[str]) -> frozenset[str]:
    """Every key's first words that a longer key continues: "new york city" -> "new york"."""
    out: set[str] = set()
    for key in keys:
        words = key.split(" ")
        out.update(" ".join(words[:k]) for k in range(1, len(words)))
    return frozenset(out)


def build_gazetteer(
    people: tuple[str, ...] = (),
    organisations: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
    aliases: tuple[tuple[str, str], ...] = (),
    titles: tuple[str, ...] = (),
) -> Gazetteer:
    """Compile the packaged lexicons plus a user's extra entries (theirs win)."""
    phrases: dict[str, Entry] = {}
    abbrevs: set[str] = set()

    def put(name: str, entry: Entry) -> None:
        words = phrase_key(name)
        if not words:
            return
        for w in words:
            if w.endswith(".") and w.count(".") == 1:
                abbrevs.add(w[:-1])
        first = name.lstrip()[:1]
        phrases[" ".join(words)] = attrs.evolve(
            entry, upper=_is_acronym(name), lower_ok=first.islower()
        )

    for row in load_table("entities_places.tsv"):
        put(row[0], Entry(row[1], "LOC", "name", row[2] if len(row) > 2 else ""))  # noqa: PLR2004
    for row in load_table("entities_organisations.tsv"):
        etype: EntityType = "LOC" if len(row) > 2 and row[2] == "LOC" else "ORG"  # noqa: PLR2004
        put(row[0], Entry(row[1], etype, "name", "org"))
    for row in load_table("entities_demonyms.tsv"):
        dtype: EntityType = "MISC" if len(row) > 2 and row[2] == "MISC" else "LOC"  # noqa: PLR2004
        put(row[0], Entry(row[1], dtype, "demonym", "demonym"))
    known = {e.canonical: e for e in phrases.values() if e.kind == "name"}
    for name in places:
        put(name, Entry(name, "LOC", "name", "user"))
        known[name] = phrases[" ".join(phrase_key(name))]
    for name in organisations:
        put(name, Entry(name, "ORG", "name", "user"))
        known[name] = phrases[" ".join(phrase_key(name))]
    for name in people:
        put(name, Entry(name, "PER", "name", "person"))
        known[name] = phrases[" ".join(phrase_key(name))]
    for alias, canonical in aliases:
        target = known.get(canonical)
        etype2: EntityType = target.type if target is not None else "ORG"
        klass = target.klass if target is not None else "user"
        put(alias, Entry(canonical, etype2, "name", klass))

    title_map: dict[str, str] = {}
    for row in load_table("entities_titles.tsv"):
        title_map[" ".join(phrase_key(row[0]))] = row[1]
    for t in titles:
        title_map[" ".join(phrase_key(t))] = "head"
    for key in title_map:
        for w in key.split():
            if w.endswith(".") and w.count(".") == 1:
                abbrevs.add(w[:-1])
    stop = load_set("entities_stopwords.txt")
    abbrevs.update(w[:-1] for w in stop if w.endswith("."))
    heads: dict[str, EntityType] = {}
    for row in load_table("entities_heads.tsv"):
        heads[fold(row[0])] = _HEAD_TYPES.get(row[1], "ORG")
        if row[0].endswith("."):
            abbrevs.add(fold(row[0])[:-1])
    return Gazetteer(
        phrases=phrases,
        first_words=frozenset(k.split(" ", 1)[0] for k in phrases),
        prefixes=_prefixes(phrases),
        lower_first=frozenset(k.split(" ", 1)[0] for k, e in phrases.items() if e.lower_ok),
        maxlen=max(len(k.split()) for k in phrases),
        titles=title_map,
        title_maxlen=max(len(k.split()) for k in title_map),
        title_prefixes=_prefixes(title_map),
        heads=heads,
        first_names=frozenset(fold(n) for n in load_set("entities_first_names.txt")),
        stop=stop,
        abbrevs=frozenset(abbrevs),
        not_names=frozenset(fold(w) for w in load_set("entities_not_names.txt")),
    )
