"""Entities stage: people, organisations and places, normalised within the article.

The stage is rule-based and linear in the length of the text:

1. The text is split into word tokens (possessives ``'s ’s s’`` left outside, dotted
   abbreviations such as ``U.S.`` kept whole). Each token gets a folded *key* (case,
   diacritics, curly apostrophes and hyphen variants folded) used only for look-ups.
2. Capitalised tokens are grouped into *runs* ("Defense Minister Khawaja Muhammad Asif",
   "University of Texas"), with the lexicons' multiword names kept whole.
3. Each run is split into titles, gazetteer names (places, organisations, demonyms) and a
   name, which is typed by its head word (Party, University, River...), a title, a known
   first name, or its context.
4. Mentions are grouped into entities: same canonical name, a surname or first name of a
   person named in full, an acronym defined in the text, "the minister" for the person
   holding that title.

ALL-CAPS lines and Title-Case headlines only match the lexicons and names found elsewhere.
Users extend the lexicons with :class:`EntityLexicon`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import string
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs
import regex

from newsparse._names import (
    CAP,
    INITIAL,
    POSS,
    UPPER,
    Entry,
    Gazetteer,
    ascii_words,
    build_gazetteer,
    fold,
    tokenize,
)
from newsparse.model import (
    Article,
    Entity,
    EntityType,
    Mention,
    MentionKind,
    _replace,
    _unchecked_mention,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["EntityLexicon", "extract_entities", "iter_mentions"]


def _pairs(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    out = []
    for item in items:
        if (
            not isinstance(item, tuple)
            or len(item) != 2  # noqa: PLR2004
            or not all(isinstance(x, str) for x in item)
        ):
            msg = (
                "EntityLexicon(aliases=...) takes a mapping {alias: canonical name} or "
                f"(alias, canonical name) pairs of strings; got {item!r}"
            )
            raise TypeError(msg)
        out.append((item[0], item[1]))
    return tuple(out)


def _names(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    out = tuple(value)
    if not all(isinstance(x, str) for x in out):
        msg = f"EntityLexicon names must be strings; got {out!r}"
        raise TypeError(msg)
    return out


@attrs.frozen
class EntityLexicon:
    """Extra names for the entities stage, on top of the packaged lexicons.

    Args:
        people: Full names of people ("Ana Ruiz"): always a person, even without a title.
        organisations: Organisation names ("Acme Widgets").
        places: Place names ("Little Rock").
        aliases: Other forms, mapped to a canonical name (``{"AW": "Acme Widgets"}``);
            the type is the canonical name's, or ORG when it is unknown.
        titles: Extra title words split off person names ("Alderman").

    >>> lex = EntityLexicon(people=["Ana Ruiz"], aliases={"AW": "Acme Widgets"},
    ...                     organisations=["Acme Widgets"])
    >>> a = extract_entities(Article("AW hired Ana Ruiz, AW said."), lexicon=lex)
    >>> [(e.name, e.type, len(e.mentions)) for e in a.entities]
    [('Acme Widgets', 'ORG', 2), ('Ana Ruiz', 'PER', 1)]
    """

    people: tuple[str, ...] = attrs.field(default=(), converter=_names)
    organisations: tuple[str, ...] = attrs.field(default=(), converter=_names)
    places: tuple[str, ...] = attrs.field(default=(), converter=_names)
    aliases: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_pairs)
    titles: tuple[str, ...] = attrs.field(default=(), converter=_names)


@functools.lru_cache(maxsize=32)
def _gazetteer(lexicon: EntityLexicon | None) -> Gazetteer:
    if lexicon is None:
        return build_gazetteer()
    return build_gazetteer(
        lexicon.people, lexicon.organisations, lexicon.places, lexicon.aliases, lexicon.titles
    )


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


# Words that may join capitalised words inside one name.
_PARTICLE_LINKS = frozenset(
    [
        "de",
        "del",
        "della",
        "der",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "du",
        "van",
        "von",
        "den",
        "ter",
        "la",
        "le",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
    ]
)
_OF_LINKS = frozenset({"of", "for", "on"})
# Words after which "of" continues a name even though they are no head word.
_OF_WORDS = frozenset(
    [
        "republic",
        "kingdom",
        "museum",
        "house",
        "isle",
        "cape",
        "daughters",
        "sons",
        "friends",
        "order",
        "emirate",
        "duchy",
        "commonwealth",
        "state",
        "states",
        "city",
        "secretary",
        "minister",
        "university",
        "bank",
    ]
)
# Lower-case words before a title that belong to it: "former Foreign Minister".
_PRE_MODIFIERS = frozenset(
    [
        "former",
        "acting",
        "interim",
        "then",
        "late",
        "outgoing",
        "incoming",
        "new",
        "deputy",
        "vice",
        "chief",
        "senior",
        "top",
        "then-",
    ]
)
# First words that make a run a place: Mount Everest, Lake Victoria.
_LOC_FIRST = frozenset({"mount", "lake", "fort", "camp", "port", "cape"})
_ORG_FIRST = frozenset({"daily", "radio"})
# Place head words that are common surnames: after a given name they name a person.
_SURNAME_HEADS = frozenset(
    {"park", "hill", "hall", "field", "fields", "lake", "wood", "woods", "ford",
     "brook", "brooks", "bridge", "bridges", "banks", "rivers", "castle", "grove"}
)  # fmt: skip
# First words that make a run an event: Hurricane Sandy, Operation Desert Storm.
_MISC_FIRST = frozenset({"hurricane", "typhoon", "cyclone", "tropical", "superstorm", "operation"})
_NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def _surname_key(words: tuple[str, ...]) -> str:
    """The folded surname of a person's name words: "Harry F. Byrd Sr." gives "byrd"."""
    if len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        return words[-2]
    return words[-1]


_LOCATIVE = frozenset(
    [
        "in",
        "at",
        "from",
        "near",
        "into",
        "across",
        "throughout",
        "outside",
        "inside",
        "around",
        "via",
        "toward",
        "towards",
        "across",
    ]
)
_SPEECH = frozenset(
    [
        "said",
        "says",
        "told",
        "added",
        "explained",
        "stated",
        "noted",
        "claimed",
        "wrote",
        "argued",
        "asked",
        "tweeted",
        "announced",
        "replied",
        "insisted",
        "warned",
        "talked",
        "spoke",
        "testified",
        "acknowledged",
        "admitted",
        "conceded",
        "recalled",
        "vowed",
        "pledged",
        "promised",
        "denied",
    ]
)
# Words that show a sentence is about a match: its countries are national teams.
_SPORT_CUES = _words(
    "match goal goals scored striker midfielder goalkeeper penalty tournament kick-off "
    "fifa uefa semifinal semi-final quarterfinal quarter-final squad teammates "
    "world-cup innings wicket"
)
# Words that are in the names of things and places, never of people.
_DIRECTIONS = _words(
    "north south east west northern southern eastern western central upper lower greater "
    "northeast northwest southeast southwest northeastern northwestern southeastern "
    "southwestern"
)
_NOT_PERSON = _words(
    "new north south east west northern southern eastern western central great united "
    "national international global world royal grand federal greater upper lower old "
    "saint st. san santa los las el"
)
# An appositive after a name: ", Pakistan's defense minister," / ", a spokesman for ...".
_APPOSITIVE = regex.compile(
    r",[ ](?:\d{1,3}+,[ ])?(?:(?:the|a|an)[ ])?(?P<pre>(?:[Ff]ormer|[Tt]hen)[ ])?"
    r"(?:(?P<owner>\p{Lu}[\p{L}.\-]{0,30}+(?:[ ]\p{Lu}[\p{L}.\-]{0,30}+){0,3})['’]s?[ ])?"
    r"(?P<title>[\p{Ll}\-]{2,30}+(?:[ ][\p{Ll}\-]{2,30}+){0,3})"
)
# The same pattern for a text whose letters and digits are all ASCII, in the standard
# ``re`` module (cheaper calls), with the letter classes in ASCII. Greedy, not possessive
# (Python 3.10's ``re`` has no possessive quantifiers), which matches alike: a run given
# back leaves a letter where a space, an apostrophe or a comma must come.
_ASCII_APPOSITIVE = re.compile(
    r",[ ](?:\d{1,3},[ ])?(?:(?:the|a|an)[ ])?(?P<pre>(?:[Ff]ormer|[Tt]hen)[ ])?"
    r"(?:(?P<owner>[A-Z][A-Za-z.\-]{0,30}(?:[ ][A-Z][A-Za-z.\-]{0,30}){0,3})['’]s?[ ])?"
    r"(?P<title>[a-z\-]{2,30}(?:[ ][a-z\-]{2,30}){0,3})"
)
# Heads whose "of" names a place: the University of Sheffield, the Municipality of Livorno.
_PLACE_OF = _words(
    "university municipality city county province region district republic kingdom state "
    "prefecture governorate diocese archdiocese mayor port"
)
# The longest run of capitalised words taken as one name (longer runs are cut).
_MAX_RUN = 12


def _roman(key: str) -> bool:
    """True if *key* is a Roman numeral of one to eight letters i, v, x, l and c ("iii")."""
    return 0 < len(key) <= 8 and not key.strip("ivxlc")  # noqa: PLR2004


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# Nominal mentions: "the minister", "the former president".
_NOMINAL = regex.compile(
    r"\b(?:[Tt]he|THE)[ ]"
    r"(?P<words>(?P<w1>\p{L}[\p{L}\-]{1,20}+)(?:[ ]\p{L}[\p{L}\-]{1,20}+){0,2})"
)
_WORD = regex.compile(r"\p{L}[\p{L}\-]{1,20}+")
# The same two for a text all in ASCII, in the standard ``re`` module (cheaper calls): its
# letters are ASCII, and its word characters, which \b tests, are those of ``regex``. (No
# possessive quantifiers: nothing after them can fail, so greedy ones match alike.)
_ASCII_NOMINAL = re.compile(
    r"\b(?:[Tt]he|THE)[ ]"
    r"(?P<words>(?P<w1>[A-Za-z][A-Za-z\-]{1,20})(?:[ ][A-Za-z][A-Za-z\-]{1,20}){0,2})"
)
_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z\-]{1,20}")
# The characters a _NOMINAL match holds (letters, hyphens and spaces), and any other one,
# in a text whose letters are all ASCII (its other characters are no letters).
_ASCII_IN_NOMINAL = string.ascii_letters + "- "
_ASCII_NOT_IN_NOMINAL = re.compile(r"[^A-Za-z\- ]")
# A congressional party-state tag: Rep. Jane Doe (D-N.C.); a district of up to three words
# (Del. Ana Ruiz (D-Newport News)).
_PARTY_STATE = regex.compile(
    r"(?:\(|,[ ])(?P<party>[DRI])[\-‐–]"
    r"(?P<state>\p{Lu}[\p{L}.]{1,12}+(?:[ ]\p{Lu}[\p{L}.]{1,12}+){0,2}+)"
    r"(?:(?=[),])|(?<=\.)(?=\s|$))"  # "(I-Vt.)", ", D-Ohio,", or "…, said Sen. X, I-Ariz."
)
# What every party-state tag holds: a party letter and a hyphen. One pattern per hyphen,
# the hyphen first: stdlib ``re`` finds a literal first character fast (ten times faster
# than a class first), and a text all in ASCII holds only the first hyphen.
_PARTY_HYPHENS = tuple(re.compile(f"{h}(?<=[DRI]{h})") for h in "-‐–")
# A wire dateline: a place in capitals at the start of a line ("WOODSIDE, Calif. (AP) —").
# (Matched at line starts only: after a line feed, as the (?m)^ anchor did.)
_DATELINE = regex.compile(
    r"[ \t]{0,8}+(?P<place>\p{Lu}{2,}+(?:[ \-]\p{Lu}{2,}+){0,3}+)(?=,[ ]|[ ]\(|[ ][—–-])"
)
# The same for a text whose letters are all ASCII, in the standard ``re`` module (cheaper
# calls). Greedy, not possessive (Python 3.10's ``re``), which matches alike: a run given
# back leaves a capital, a space or a hyphen where the look-ahead needs ", ", " (" or " —".
_ASCII_DATELINE = re.compile(
    r"[ \t]{0,8}(?P<place>[A-Z]{2,}(?:[ \-][A-Z]{2,}){0,3})(?=,[ ]|[ ]\(|[ ][—–-])"
)
# A line feed before a line that may hold a dateline: a blank or two capitals first (as
# _DATELINE needs), and the same for a text whose letters are all ASCII (stdlib ``re``).
_LINE_HEAD = regex.compile(r"\n(?=[ \t]|\p{Lu}{2})")
_ASCII_LINE_HEAD = re.compile(r"\n(?=[ \t]|[A-Z]{2})")
_PARTIES = {"D": "Democratic Party", "R": "Republican Party", "I": "independent"}
# Characters between two words that end a sentence or open a quotation or an aside.
_SENTENCE_GAP = frozenset('.!?:;\n\r"“”‘([\u2029\u2028')
_WORD_SPLIT = regex.compile(r"[\s\-]+")  # the words of a name, for its initials
# A sentence's end: ".", "!" or "?" before white space or at the end. In the standard ``re``
# module, with the white space of ``regex``'s \s spelled out (``re``'s \s also takes
# \x1c-\x1f).
_TERMINAL = re.compile(
    r"[.!?](?:[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]|$)"
)


# Byte translation tables of token flags: 1 where the CAP bit is set / not set.
_CAP_BIT = bytes(int(bool(b & CAP)) for b in range(256))
_NO_CAP_BIT = bytes(int(not b & CAP) for b in range(256))

_FIRST = operator.itemgetter(0)
_START = operator.attrgetter("start")
_FIRST_START = operator.attrgetter("first")  # of an entity being built: its first mention
_END = operator.attrgetter("end")
_SPAN = operator.attrgetter("start", "end")


class _Cand:
    """A name found in a run, before entities are formed.

    A plain slotted class, not attrs: the stage builds one per capitalised run.
    """

    __slots__ = (
        "acronym_of",
        "affiliation",
        "canonical",
        "end",
        "evidence",
        "kind",
        "klass",
        "nested",
        "rule",
        "sentence_start",
        "start",
        "titles",
        "type",
        "words",
    )

    def __init__(  # noqa: PLR0917 - the fields, in order (hot paths pass all)
        self,
        start: int,
        end: int,
        type: EntityType | None,  # noqa: A002 - the field's name
        canonical: str | None = None,
        kind: MentionKind = "name",
        rule: str = "",
        evidence: str = "",
        words: tuple[str, ...] = (),
        klass: str = "",
        sentence_start: bool = False,  # noqa: FBT001, FBT002 - a field
    ) -> None:
        self.start = start
        self.end = end
        self.type = type  # None: decided when entities are formed
        self.canonical = canonical  # from a lexicon
        self.kind = kind
        self.rule = rule
        self.evidence = evidence  # "title", "first-name", "head", "context-loc"...
        self.words = words  # folded words of the name
        self.klass = klass  # the lexicon entry's class: country, city, state...
        self.sentence_start = sentence_start
        self.titles: tuple[str, ...] = ()
        self.affiliation: str | None = None
        self.nested = False
        self.acronym_of: int | None = None  # index of the candidate this acronym defines


class _Doc:
    """Working state of one call: tokens, lines and candidates."""

    def __init__(
        self, text: str, start: int, end: int, g: Gazetteer, headline: tuple[int, int]
    ) -> None:
        self.text = text
        self.g = g
        toks = self.toks = tokenize(text, start, end, g.abbrevs, g.phrases)
        n = self.n = len(toks)
        flags, keys = toks.flags, toks.keys
        self.shout = [False] * n  # token in an ALL-CAPS or Title-Case line
        self.shout_lines: list[tuple[int, int]] = []  # token ranges of those lines
        self.skip = [False] * n
        self.cands: list[_Cand] = []
        self.acronym_defs = False  # some candidate is an acronym defined in the text
        self.party_tags: list[tuple[int, int, str, int, int]] = []
        self.links = toks.links  # tokens i and i + 1 are separated by spaces only
        self.keys, self.flags, self.first_words = keys, flags, g.first_words  # (for gaz)
        # (flags are small ints: one byte translation tests a bit of every flag)
        flag_bytes = bytes(flags)
        self.cap_idx = list(itertools.compress(range(n), flag_bytes.translate(_CAP_BIT)))
        self._mark_lines(start, end, headline)
        self.sent = [False] * n
        sent = self.sent
        t_starts, t_ends, titles, links = toks.starts, toks.ends, g.titles, toks.links
        # a capitalised word starts a sentence after sentence punctuation, or after a
        # period that ends no title, initial or abbreviation (spaces alone after a word,
        # the common case, start none)
        for i in self.cap_idx:
            if not i:
                sent[i] = True
                continue
            prev_end = t_ends[i - 1]
            if not links[i - 1] and not _SENTENCE_GAP.isdisjoint(text[prev_end : t_starts[i]]):
                sent[i] = True  # (linked words have one to three spaces between them)
            elif text[prev_end - 1] == "." and not flags[i - 1] & INITIAL:
                key = keys[i - 1]
                sent[i] = key not in titles and "." not in key[:-1]
        lower = flag_bytes.translate(_NO_CAP_BIT)
        if self.shout_lines:
            mask = bytearray(lower)
            for lo, hi in self.shout_lines:
                mask[lo:hi] = bytes(hi - lo)
            lower = bytes(mask)
        self.lower_keys: set[str] = set(itertools.compress(keys, lower))
        self.datelines: dict[int, int] = {}  # first token -> end token of a dateline place
        # a dateline starts a line with two capitals or a blank: the first line (if it
        # starts one) and the lines after a line feed that start so (one search)
        lines = [start] if start == 0 or text[start - 1] == "\n" else []
        ascii_ok = ascii_words(text, start, end)
        line_head = _ASCII_LINE_HEAD if ascii_ok else _LINE_HEAD
        dateline: re.Pattern[str] | regex.Pattern[str] = _ASCII_DATELINE if ascii_ok else _DATELINE
        lines += [m.end() for m in line_head.finditer(text, start, end)]
        for line in lines:
            m = dateline.match(text, line, end)
            if m is not None:
                idx = self.tokens_in(*m.span("place"))
                if idx:
                    self.datelines[idx.start] = idx.stop
        hyphens = _PARTY_HYPHENS[:1] if text.isascii() else _PARTY_HYPHENS
        has_tag = any(p.search(text, start, end) is not None for p in hyphens)  # (cheap first)
        for m in _PARTY_STATE.finditer(text, start, end) if has_tag else ():
            s, e = m.span()
            st = m.span("state")
            self.party_tags.append((s, e, m.group("party"), st[0], st[1]))
            for i in self.tokens_in(s, e):
                self.skip[i] = True

    def tokens_in(self, s: int, e: int) -> range:
        lo = bisect.bisect_left(self.toks.starts, s)
        hi = bisect.bisect_left(self.toks.starts, e)
        return range(lo, hi)

    def _mark_lines(self, start: int, end: int, headline: tuple[int, int]) -> None:
        """Mark the tokens of ALL-CAPS lines and of short Title-Case lines."""
        toks, text = self.toks, self.text
        starts, ends, flags, cap_idx = toks.starts, toks.ends, toks.flags, self.cap_idx
        # (every word in capitals is a capitalised word)
        uppers = list(
            itertools.compress(
                self.cap_idx,
                map(operator.and_, map(flags.__getitem__, self.cap_idx), itertools.repeat(UPPER)),
            )
        )
        # the lines, as str.splitlines() cuts them (the breaks of _text.iter_lines)
        segment = text[start:end]
        lines = segment.splitlines()
        if "\r\n" in segment:
            line_starts = list(
                itertools.accumulate(map(len, segment.splitlines(keepends=True)), initial=start)
            )
        else:  # every line break is one character: a line starts one after the last ends
            # (the last start is one past the end unless a line break ends the segment:
            # past every token either way)
            line_starts = list(
                itertools.accumulate(map((1).__add__, map(len, lines)), initial=start)
            )
        line_ends = list(map(operator.add, line_starts, map(len, lines)))
        # only short lines (not empty) and lines with two words in capitals can be marked
        todo = set(
            itertools.compress(
                range(len(line_ends)),
                map(range(1, 160).__contains__, map(operator.sub, line_ends, line_starts)),
            )
        )
        upper_lines = [bisect.bisect_right(line_starts, starts[i]) for i in uppers]
        todo.update(k - 1 for k, k2 in itertools.pairwise(upper_lines) if k == k2)
        lo = 0
        for k in sorted(todo):
            ls, le = line_starts[k], line_ends[k]
            lo = bisect.bisect_left(starts, ls, lo)
            hi = bisect.bisect_left(starts, le, lo)
            if lo == hi:
                continue
            shout = False
            # an ALL-CAPS line has at least two words in capitals (cheap test first); every
            # word in capitals starts with a letter, so it is one of the line's words
            upper = bisect.bisect_left(uppers, hi) - bisect.bisect_left(uppers, lo)
            if upper >= 2:  # noqa: PLR2004
                # (the words among the first few tokens already outnumber the words in
                # capitals in most lines of prose: no need to count them all)
                few = min(hi, lo + upper + upper // 4 + 2)
                n_words = sum(map(str.isalpha, map(text.__getitem__, starts[lo:few])))
                if few < hi and upper >= 0.8 * n_words:
                    n_words = sum(map(str.isalpha, map(text.__getitem__, starts[lo:hi])))
                shout = n_words >= 2 and upper >= 0.8 * n_words  # noqa: PLR2004
            title_case = False
            if (
                not shout
                and le - ls < 160  # noqa: PLR2004
                # (a Title-Case line has three capitalised words at least)
                and bisect.bisect_left(cap_idx, hi) - bisect.bisect_left(cap_idx, lo) >= 3  # noqa: PLR2004
            ):
                in_head = headline[1] > headline[0] and (
                    headline[0] <= ls < headline[1] or ls <= headline[0] < le
                )
                if in_head or _TERMINAL.search(text, ls, le) is None:
                    words = [i for i in range(lo, hi) if text[starts[i]].isalpha()]
                    long_words = [i for i in words if ends[i] - starts[i] >= 4]  # noqa: PLR2004
                    caps = sum(1 for i in long_words if flags[i] & CAP)
                    title_case = len(long_words) >= 3 and caps >= 0.8 * len(long_words)  # noqa: PLR2004
            if shout or title_case:
                self.shout[lo:hi] = [True] * (hi - lo)
                self.shout_lines.append((lo, hi))

    # -- look-ups ---------------------------------------------------------------------
    def linked(self, i: int, j: int) -> bool:
        """True if tokens i and j (j = i + 1) are separated by spaces only."""
        return j == i + 1 and j < self.n and self.links[i]

    def gaz(self, i: int, stop: int) -> tuple[int, Entry] | None:
        """Longest gazetteer phrase starting at token i and ending before *stop*."""
        keys = self.keys
        key = keys[i]
        if key not in self.first_words or self.skip[i]:
            return None
        g, flags, links = self.g, self.flags, self.links
        phrases, prefixes = g.phrases, g.prefixes
        last = i + g.maxlen - 1  # the last token a phrase may end with
        if last >= stop:
            last = stop - 1
        best: tuple[int, Entry] | None = None
        j = i
        while True:
            entry = phrases.get(key)
            # the words fit the entry: an acronym in capitals, a name capitalised (unless
            # listed in lower case), never ending in a word in capitals that is no name
            if entry is not None and (
                all(map(UPPER.__and__, flags[i : j + 1]))
                if entry.upper
                else (flags[i] & CAP or entry.lower_ok)
                and not (flags[j] & UPPER and not flags[j] & CAP)
            ):
                best = (j + 1, entry)
            if j >= last or key not in prefixes or not links[j]:
                break
            j += 1
            key = key + " " + keys[j]
        return best

    def title_at(self, i: int, stop: int) -> int:
        """End (exclusive) of the longest title phrase at token i, or i."""
        g, keys, links = self.g, self.keys, self.links
        titles, prefixes = g.titles, g.title_prefixes
        last = i + g.title_maxlen - 1  # the last token a title may end with
        if last >= stop:
            last = stop - 1
        key = keys[i]
        best = i
        j = i
        while True:
            # a role noun ("actor", "witness") is a title in lower case, or capitalised only
            # because it opens the sentence: "Witness Ana Lopez said"
            cls = titles.get(key)
            if cls is not None and (cls != "role" or (j == i and self.sent[i])):
                best = j + 1
            if j >= last or key not in prefixes or not links[j]:
                break
            j += 1
            key = key + " " + keys[j]
        return best


def _title_end(doc: _Doc, i: int, stop: int) -> tuple[int, bool]:
    """Scan a title region from token i: return (end, ends_with_a_title_word)."""
    k = i
    last = i
    while k < stop:
        t = doc.title_at(k, stop)
        if t > k:
            k = t
            last = k
            continue
        found = doc.gaz(k, stop)
        if found is not None:
            k = found[0]
            continue
        if doc.toks.keys[k] in _PRE_MODIFIERS:
            k += 1
            continue
        if doc.toks.keys[k] in _OF_LINKS | {"the"} and k + 1 < stop:
            k += 1
            continue
        break
    return last, last > i


def _pre_title(doc: _Doc, i: int) -> int:
    """First of the lower-case title words and modifiers just before token i ("former")."""
    toks, g = doc.toks, doc.g
    k = i
    while k > 0 and doc.linked(k - 1, k):
        key = toks.keys[k - 1]
        if toks.flags[k - 1] & CAP:
            break
        if key in _PRE_MODIFIERS or key in g.titles:
            k -= 1
            continue
        break
    return k


def _owner(doc: _Doc, k: int) -> str | None:
    """Canonical name of a possessive place or organisation just before token k."""
    if k == 0:
        return None
    toks = doc.toks
    p = k - 1
    if not toks.flags[p] & POSS:
        return None
    gap = doc.text[toks.ends[p] : toks.starts[k]]
    if len(gap) > 4 or "\n" in gap:  # noqa: PLR2004
        return None
    # find the gazetteer phrase that ends at p
    for s in range(max(0, p - doc.g.maxlen + 1), p + 1):
        found = doc.gaz(s, p + 1)
        if found is not None and found[0] == p + 1:
            return found[1].canonical if found[1].kind != "demonym" else None
    return None


def _title_text(doc: _Doc, a: int, b: int) -> str:
    return doc.text[doc.toks.starts[a] : doc.toks.ends[b - 1]]


def _title_region(doc: _Doc, i: int, j: int, *, need_head: bool = True) -> tuple[int, bool]:
    """End of the title words of run [i, j): "Shadow Home Secretary | Yvette Cooper".

    The title is the run up to its last title phrase (at most three other words before
    the first title word), provided a name without title words follows. Unless
    *need_head* is false, it must have a title noun or honorific, not only modifiers
    ("Energy Transfer Partners" has none).
    """
    toks, g = doc.toks, doc.g
    run = toks.keys[i:j]
    if g.titles.keys().isdisjoint(run) and g.title_prefixes.isdisjoint(run):
        return i, False  # no title phrase starts in the run
    k = i
    first_title = -1
    last = i
    while k < j:
        t = doc.title_at(k, j)
        if t > k:
            if first_title < 0:
                first_title = k
            k = t
            last = k
            continue
        if toks.keys[k] in _PRE_MODIFIERS:
            k += 1
            continue
        k += 1
    if first_title < 0:
        return i, False
    if need_head and not any(
        doc.g.titles.get(doc.toks.keys[k]) in {"head", "honorific"}
        or (
            k == i
            and doc.sent[k]
            and doc.g.titles.get(doc.toks.keys[k]) == "role"
            and k + 1 < j
            and doc.toks.keys[k + 1] in doc.g.first_names  # "Witness Ana Lopez"
        )
        for k in range(i, min(last, j))
    ):
        return i, False
    if last >= j:
        return j, True  # a title alone: "Prime Minister"
    if first_title - i > 3:  # noqa: PLR2004
        return i, False
    return last, True


def _affiliations(doc: _Doc, i: int, t_end: int) -> str | None:
    """Add the places and organisations named inside a title; return the first one."""
    affiliation = None
    k = i
    while k < t_end:
        found = doc.gaz(k, t_end)
        if found is not None:
            if affiliation is None:
                affiliation = found[1].canonical
            _add_gaz(doc, k, found[0], found[1], "entity.lexicon", nested=True)
            k = found[0]
            continue
        key = doc.toks.keys[k]
        if key in doc.g.heads and k > i and key not in doc.g.titles:  # not "Chief Financial"
            cand = _Cand(doc.toks.starts[i], doc.toks.ends[k], doc.g.heads[doc.toks.keys[k]])
            cand.rule = "entity.head"
            cand.evidence = "head"
            cand.words = tuple(doc.toks.keys[i : k + 1])
            doc.cands.append(cand)
            affiliation = affiliation or _display(doc.text[cand.start : cand.end])
        k += 1
    return affiliation


# last words that keep a known organisation's name going ("Dow Jones Industrial Average")
_ORG_TAILS = frozenset(
    {"average", "index", "report", "markets", "capital", "international", "group",
     "securities", "fund", "funds", "holdings", "partners", "foundation", "perspective"}
)  # fmt: skip


def _analyse_run(doc: _Doc, i: int, j: int) -> None:
    """Turn the run of tokens [i, j) into candidates."""
    toks, g = doc.toks, doc.g
    # strip leading determiners and, at a sentence start, a common word
    while i < j and (
        toks.keys[i] in _DETERMINERS
        or (doc.sent[i] and toks.keys[i] in g.stop and j - i > 1)
        or (
            doc.sent[i]
            and j - i > 1
            and toks.keys[i] in doc.lower_keys
            and toks.keys[i] not in g.titles
            and toks.keys[i] not in _PRE_MODIFIERS
            and not doc.gaz(i, j)
        )
    ):
        if doc.sent[i] and i + 1 < j:
            doc.sent[i + 1] = True  # "The Latest": still the start of a sentence
        i += 1
    if i < j and all(k in g.not_names for k in toks.keys[i:j]):
        return  # "5:12 PM PT": words that name nothing, together too
    if i >= j:
        return
    whole = doc.gaz(i, j)
    if whole is not None and whole[0] == j:
        _add_gaz(doc, i, j, whole[1], "entity.lexicon")
        return
    if j == i + 1 and toks.keys[i] in _NAME_SUFFIXES:
        return  # "Joseph R. Biden, Jr.": the suffix after a comma names no one
    if j == i + 1:  # one word: no region, head word or title to split off
        if g.titles.get(toks.keys[i]) not in {"head", "honorific"} and not _person_after_titles(
            doc, i, j
        ):  # (a title word alone is no name)
            _add_single(doc, i)
        return
    if toks.keys[i] in _DIRECTIONS and i + 1 < j:
        inner = doc.gaz(i + 1, j)
        if (
            inner is not None
            and inner[0] == j
            and inner[1].type == "LOC"
            and inner[1].kind == "name"
        ):
            _add_named(doc, i, j, "LOC", "entity.region")  # Southern Indiana, East Los Angeles
            return
    # "Secretary of State John Kerry", "Chairman of the Iodine Council": a title + "of"
    t = doc.title_at(i, j) if toks.keys[i] in g.titles or toks.keys[i] in g.title_prefixes else i
    if i < t < j - 1 and toks.keys[t] in _OF_LINKS and g.titles.get(toks.keys[i]) != "honorific":
        r = t + 1
        if toks.keys[r] == "the" and r + 1 < j:
            r += 1
        t2, has = _title_region(doc, r, j, need_head=False)
        if has and r < t2 < j and all(k == r or toks.keys[k] in g.titles for k in range(r, t2)):
            pre = _pre_title(doc, i)
            affiliation = _owner(doc, pre)
            _add_person(
                doc,
                t2,
                j,
                titles=[_title_text(doc, pre, t2)],
                affiliation=affiliation,
                rule="entity.title",
            )
            return
        _analyse_run(doc, r, j)
        return
    last_key = toks.keys[j - 1]
    head_type = g.heads.get(last_key)
    if head_type is None and j - i > 1 and toks.keys[i] in _LOC_FIRST:
        head_type = "LOC"
    if head_type is None and j - i > 1 and toks.keys[i] in _ORG_FIRST:
        head_type = "ORG"
    if head_type is None and j - i > 1 and toks.keys[i] in _MISC_FIRST:
        head_type = "MISC"  # "Hurricane Sandy", "Operation Desert Storm"
    if (
        head_type is None
        and j - i == 2  # noqa: PLR2004 - one word and a country
        and toks.keys[i] not in g.first_names
        and doc.gaz(i, i + 1) is None
    ):
        tail = doc.gaz(i + 1, j)
        if tail is not None and tail[0] == j and tail[1].klass in {"country", "region"}:
            head_type = "ORG"  # "Yahoo Japan", "Toyota Europe": a company's national arm
    if head_type is None:
        for k in range(i, j - 1):
            if toks.keys[k] in g.heads and toks.keys[k + 1] in _OF_LINKS:
                head_type = g.heads[toks.keys[k]]
                break
    if (
        head_type is not None
        and j - i == 2  # noqa: PLR2004 - a given name and one word
        and toks.keys[i] in g.first_names
        and toks.keys[j - 1] in _SURNAME_HEADS
        and not (i > 0 and doc.links[i - 1] and toks.keys[i - 1] in _LOCATIVE)
    ):
        head_type = None  # "John Park", "Ana Hill": a surname that is also a place word
    if (
        head_type is not None
        and j - i > 1
        and g.titles.get(toks.keys[i]) != "honorific"
        and not (g.titles.get(toks.keys[i]) == "head" and toks.keys[i + 1] in g.first_names)
    ):  # but "Professor Jane Green of Oxford University" is a person first
        _add_named(doc, i, j, head_type, "entity.head")
        return
    # titles: the last title phrase of the run, the name after it
    t_end, has_title = _title_region(doc, i, j)
    if has_title and t_end < j and all(toks.keys[k] in _NAME_SUFFIXES for k in range(t_end, j)):
        has_title = False  # "Martin Luther King Jr.": "King" is the surname, no title
    if has_title and t_end < j:
        name_start = t_end
        pre = _pre_title(doc, i)
        titles = [_title_text(doc, pre, t_end)]
        affiliation = _affiliations(doc, i, t_end)
        owner = _owner(doc, pre)
        affiliation = owner or affiliation
        extra, extra_aff = _coordinated_titles(doc, pre)
        titles = extra + titles
        affiliation = affiliation or extra_aff
        end = _name_before_of(doc, name_start, j)
        if end < j:
            # "Sen. Jane Green of Ohio", "Prof Jane Green of Oxford University": the person,
            # then where they are from, which is a name of its own
            r = end + 1
            if toks.keys[r] == "the" and r + 1 < j:
                r += 1
            before = len(doc.cands)
            _analyse_run(doc, r, j)
            for cand in doc.cands[before:]:
                if cand.start == toks.starts[r] and cand.type in {None, "PER"} and not cand.titles:
                    cand.type, cand.rule = "LOC", "entity.context"  # "Mayor X of Springfield"
            affiliation = affiliation or _display(doc.text[toks.starts[r] : toks.ends[j - 1]])
        _add_person(
            doc, name_start, end, titles=titles, affiliation=affiliation, rule="entity.title"
        )
        return
    if has_title and t_end == j:
        return  # a title alone ("Prime Minister"): no name
    # a gazetteer name at the start, then more words
    first = whole  # the longest lexicon name at i
    if first is not None and not (
        first[0] - i == 1 and toks.keys[i] in g.first_names and first[1].kind != "demonym"
    ):
        entry = first[1]
        rest = j - first[0]
        if (
            entry.type == "LOC"
            and entry.klass in {"city", "state", "country"}
            and 1 <= rest <= 2  # noqa: PLR2004
            and toks.keys[j - 1].endswith("s")
            and not toks.flags[j - 1] & UPPER
            and doc.gaz(first[0], j) is None
            and toks.keys[first[0]] not in g.first_names
            and toks.keys[first[0]] not in g.titles
        ):  # a team: New York Yankees, Chicago Bulls
            _add_named(doc, i, j, "ORG", "entity.team")
            return
        if (
            entry.type == "LOC"
            and entry.kind == "name"
            and first[0] - i == 1
            and rest == 1
            and not toks.flags[i] & UPPER
            and not toks.flags[j - 1] & UPPER
            and doc.gaz(j - 1, j) is None
            and toks.keys[j - 1] not in g.titles
        ):  # Paris Hilton, Jordan Peterson: a person, if the surname comes back alone
            cand = _Cand(toks.starts[i], toks.ends[j - 1], None, entry.canonical)
            cand.rule = "entity.name"
            cand.evidence = "place-first"
            cand.klass = entry.klass
            cand.words = tuple(toks.keys[i:j])
            cand.sentence_start = doc.sent[i]
            doc.cands.append(cand)
            return
        if (
            entry.type == "ORG"
            and first[0] - i > 1
            and (toks.keys[j - 1] in g.heads or toks.keys[j - 1] in _ORG_TAILS)
            and doc.gaz(first[0], j) is None
        ):
            # a company's longer name or arm: "Morgan Stanley Capital International",
            # "Dow Jones Industrial Average"; not "the Washington Post Trump said"
            _add_named(doc, i, j, "ORG", "entity.lexicon-prefix")
            return
        _add_gaz(doc, i, first[0], entry, "entity.lexicon")
        _analyse_run(doc, first[0], j)
        return
    if _person_after_titles(doc, i, j):
        return
    if j - i == 1:
        _add_single(doc, i)
        return
    cand = _Cand(toks.starts[i], toks.ends[j - 1], None, rule="entity.name")
    cand.words = tuple(toks.keys[i:j])
    cand.sentence_start = doc.sent[i]
    if toks.keys[i] in g.first_names:
        cand.type = "PER"
        cand.evidence = "first-name"
    _context(doc, i, j, cand)
    doc.cands.append(cand)


def _name_before_of(doc: _Doc, i: int, j: int) -> int:
    """Return where the personal name of tokens [i, j) ends before an "of" (or j).

    "Jane Green of Ohio" ends at "of" when at least two name words come before it and a
    capitalised word after it ("of the" allowed); "Duke of York" (one word) keeps its "of".
    """
    toks = doc.toks
    for k in range(i + 2, j - 1):
        if toks.keys[k] == "of":
            r = k + 2 if toks.keys[k + 1] == "the" else k + 1
            if r < j and toks.flags[r] & CAP:
                return k
            break
    return j


def _person_after_titles(doc: _Doc, i: int, j: int) -> bool:
    """Lower-case title words just before ("defense minister Khawaja Asif", "actor Tom Hanks")."""
    toks, g = doc.toks, doc.g
    if not (
        i > 0
        and doc.links[i - 1]
        and not toks.flags[i - 1] & CAP
        and (toks.keys[i - 1] in _PRE_MODIFIERS or toks.keys[i - 1] in g.titles)
    ):
        return False  # (the first test of _pre_title)
    if g.heads.get(toks.keys[j - 1]) is not None:
        return False  # "state Senate", "federal Reserve Bank": an institution, no person
    pre = _pre_title(doc, i)
    if pre < i and any(toks.keys[k] in g.titles for k in range(pre, i)):
        while pre < i and toks.keys[pre] not in g.titles and toks.keys[pre] not in _PRE_MODIFIERS:
            pre += 1
        titles = [doc.text[toks.starts[pre] : toks.ends[i - 1]]]
        affiliation = _owner(doc, pre)
        _add_person(doc, i, j, titles=titles, affiliation=affiliation, rule="entity.title")
        return True
    return False


def _coordinated_titles(doc: _Doc, pre: int) -> tuple[list[str], str | None]:
    """Titles of an earlier title-only run joined by "and": "Defense Minister and former ..."."""
    toks, text = doc.toks, doc.text
    if pre < 2 or toks.keys[pre - 1] != "and" or not doc.linked(pre - 2, pre - 1):  # noqa: PLR2004
        return [], None
    e = pre - 1
    s = e
    while s > 0 and doc.linked(s - 1, s) and toks.flags[s - 1] & CAP:
        s -= 1
    if s == e:
        return [], None
    t_end, has = _title_end(doc, s, e)
    if not has or t_end != e:
        return [], None
    p2 = _pre_title(doc, s)
    return [text[toks.starts[p2] : toks.ends[e - 1]]], _owner(doc, p2)


_PERSONAL_AFTER_THE = frozenset({"administration", "presidency", "family", "household"})


def _evidence(keys: list[str], links: list[bool], i: int, j: int, n: int) -> str:
    """What the words around the name at tokens [i, j) say it is ("" when nothing).

    "in Riverton": a place; "Ngozi said": a person; "the Taliban": an organisation (people's
    names take no article; "the Obama administration" is no run of its own).
    """
    prev = keys[i - 1] if i > 0 and links[i - 1] else ""
    if prev in _LOCATIVE:
        return "context-loc"
    if j < n and links[j - 1] and keys[j] in _SPEECH:
        return "context-per"
    if prev != "the":
        return ""
    if j < n and links[j - 1] and keys[j] in _PERSONAL_AFTER_THE:
        return "context-per"  # "the Obama administration", "the Kennedy family"
    return "context-the"


def _context(doc: _Doc, i: int, j: int, cand: _Cand) -> None:
    """Evidence from the words around a name, unless it has some already."""
    if cand.evidence:
        return
    cand.evidence = _evidence(doc.toks.keys, doc.links, i, j, doc.n)


def _add_gaz(doc: _Doc, i: int, j: int, entry: Entry, rule: str, *, nested: bool = False) -> None:
    toks = doc.toks
    kind = entry.kind
    if kind == "name" and entry.upper and entry.type != "PER":
        kind = "acronym"
    if entry.klass == "state-abbreviation":
        prev = i - 1
        if prev < 0 or doc.text[toks.ends[prev] : toks.starts[i]].strip() != ",":
            return
    cand = _Cand(
        toks.starts[i],
        toks.ends[j - 1],
        entry.type,
        entry.canonical,
        kind,
        rule if kind != "demonym" else "entity.demonym",
        _evidence(toks.keys, doc.links, i, j, doc.n),
        tuple(toks.keys[i:j]),
        entry.klass,
    )
    cand.nested = nested
    doc.cands.append(cand)


def _add_named(doc: _Doc, i: int, j: int, etype: EntityType, rule: str) -> None:
    toks = doc.toks
    cand = _Cand(toks.starts[i], toks.ends[j - 1], etype, rule=rule, evidence="head")
    cand.words = tuple(toks.keys[i:j])
    doc.cands.append(cand)
    # a person at the start of an organisation name: the Andy Warhol Foundation
    if etype == "ORG" and j - i >= 3 and toks.keys[i] in doc.g.first_names:  # noqa: PLR2004
        e = i + 1
        if toks.flags[e] & INITIAL and e + 1 < j - 1:
            e += 1
        if toks.flags[e] & CAP and toks.keys[e] not in doc.g.heads and e < j - 1:
            person = _Cand(toks.starts[i], toks.ends[e], "PER", rule="entity.first-name")
            person.evidence = "first-name"
            person.nested = True
            person.words = tuple(toks.keys[i : e + 1])
            doc.cands.append(person)
    # places and organisations named inside a name: University of Texas, FIFA World Cup
    k = i
    while k < j:
        found = doc.gaz(k, j)
        if (
            found is not None
            and found[1].type == "ORG"
            and found[1].kind in {"name", "acronym"}
            and found[1].klass != "person"
            and etype != "ORG"  # "Apple Inc." is one organisation
        ):
            if not (k == i and found[0] == j):
                _add_gaz(doc, k, found[0], found[1], "entity.lexicon", nested=True)
            k = found[0]
            continue
        if found is None and k == i + 1 and toks.keys[i] in _PLACE_OF and toks.keys[k] == "of":
            # the University of Sheffield, the Municipality of Livorno: a place after "of"
            r = k + 1
            if r < j and toks.keys[r] == "the":
                r += 1
            if (
                1 <= j - r <= 2  # noqa: PLR2004 - one or two words
                and all(
                    toks.flags[x] & CAP and toks.keys[x] not in doc.g.heads for x in range(r, j)
                )
                and doc.gaz(r, j) is None
            ):
                place = _Cand(toks.starts[r], toks.ends[j - 1], "LOC", rule="entity.head")
                place.evidence = "head"
                place.nested = True
                place.words = tuple(toks.keys[r:j])
                doc.cands.append(place)
                return
        if found is not None and found[1].type == "LOC" and found[1].kind == "name":
            if k > i and toks.keys[k - 1] in _DIRECTIONS and toks.flags[k - 1] & CAP:
                region = _Cand(toks.starts[k - 1], toks.ends[found[0] - 1], "LOC")
                region.rule = "entity.region"
                region.evidence = "head"
                region.nested = True
                region.words = tuple(toks.keys[k - 1 : found[0]])
                doc.cands.append(region)
            elif not (k == i and found[0] == j):
                _add_gaz(doc, k, found[0], found[1], "entity.lexicon", nested=True)
            k = found[0]
        else:
            k += 1


def _add_person(
    doc: _Doc, i: int, j: int, *, titles: list[str], affiliation: str | None, rule: str
) -> None:
    toks = doc.toks
    # a gazetteer organisation or place after a title is no person: "President of Ghana"
    cand = _Cand(toks.starts[i], toks.ends[j - 1], "PER", rule=rule, evidence="title")
    cand.titles = tuple(titles)
    cand.affiliation = affiliation
    cand.words = tuple(toks.keys[i:j])
    doc.cands.append(cand)


def _add_single(doc: _Doc, i: int) -> None:
    toks = doc.toks
    key = toks.keys[i]
    etype: EntityType | None = None
    kind: MentionKind = "name"
    rule = "entity.name"
    if toks.flags[i] & UPPER:
        etype = "MISC" if any(ch.isdigit() for ch in key) else "ORG"
        kind, rule = "acronym", "entity.acronym"
    evidence = _evidence(toks.keys, doc.links, i, i + 1, doc.n)
    cand = _Cand(toks.starts[i], toks.ends[i], etype, None, kind, rule, evidence, (key,))
    cand.sentence_start = doc.sent[i]
    doc.cands.append(cand)


def _dateline_place(doc: _Doc, i: int, j: int) -> None:
    """The capitalised place of a dateline: a lexicon place, else a new place."""
    found = doc.gaz(i, j)
    if found is not None and found[0] == j:
        _add_gaz(doc, i, j, found[1], "entity.lexicon")
        return
    toks = doc.toks
    surface = doc.text[toks.starts[i] : toks.ends[j - 1]]
    name = " ".join(w.capitalize() for w in surface.split())
    cand = _Cand(toks.starts[i], toks.ends[j - 1], "LOC", name, rule="entity.dateline")
    cand.words = tuple(toks.keys[i:j])
    doc.cands.append(cand)


def _scan(doc: _Doc) -> None:
    """Find candidates in ordinary lines (pass 1).

    Only three kinds of token start a candidate: a capitalised word, the first word of a
    lexicon name listed in lower case (al-Qaida) and the place of a dateline. A capitalised
    word starts a *run* (its name's words, linked by spaces): the run is analysed whole,
    and a run of one word (most of them) takes a short path to the same result.
    """
    toks, g = doc.toks, doc.g
    n = doc.n
    keys, flags, links, skip, shout = toks.keys, toks.flags, doc.links, doc.skip, doc.shout
    starts, ends, sent, cands = toks.starts, toks.ends, doc.sent, doc.cands
    heads_like = _heads_like(g)
    titles, stop, first_words = g.titles, g.stop, g.first_words
    datelines = doc.datelines
    seeds = doc.cap_idx  # (in order)
    lower_seeds = not g.lower_first.isdisjoint(doc.lower_keys)
    if lower_seeds or datelines:
        more = set(seeds)
        if lower_seeds:  # (elsewhere such a word is skipped)
            more.update(itertools.compress(range(n), map(g.lower_first.__contains__, keys)))
        more.update(datelines)
        seeds = sorted(more)
    i = 0
    for s in seeds:
        if s < i:
            continue
        i = s
        if datelines and i in datelines:
            j = datelines[i]
            _dateline_place(doc, i, j)
            i = j
            continue
        if skip[i] or shout[i]:
            continue
        if not flags[i] & CAP:
            found = doc.gaz(i, n) if keys[i] in g.lower_first else None
            if found is not None:
                _add_gaz(doc, i, found[0], found[1], "entity.lexicon")
                i = found[0]
            continue
        # the end (exclusive) of the capitalised run starting at token i
        key = keys[i]
        j = i
        must = i + 1
        first = doc.gaz(i, n) if key in first_words else None
        if first is not None:
            must = first[0]
        has_head = key in heads_like
        while j + 1 < n and links[j] and not skip[j + 1]:
            nk = j + 1
            if nk - i >= _MAX_RUN and nk >= must:
                break  # no name is this long: a list or a shouted line
            if nk < must:
                j = nk
                continue
            flag = flags[nk]
            nkey = keys[nk]
            if flag & (CAP | INITIAL) and not shout[nk]:
                if nkey in stop and not flag & UPPER:
                    break
                j = nk
            elif (
                nkey in _PARTICLE_LINKS
                and nk + 1 < n
                and links[nk]
                and flags[nk + 1] & CAP
                and not flag & CAP
            ):
                j = nk + 1
            elif nkey in _OF_LINKS and has_head and nk + 1 < n and links[nk]:
                k = nk + 1
                if keys[k] == "the" and k + 1 < n and links[k]:
                    k += 1
                if not flags[k] & CAP or keys[k] in stop:
                    break
                if nkey == "on" and keys[j] not in g.heads:
                    break
                j = k
            else:
                break
            if keys[j] in heads_like:
                has_head = True
            found = doc.gaz(j, n) if keys[j] in first_words else None
            if found is not None:
                must = max(must, found[0])
        if j > i:
            _analyse_run(doc, i, j + 1)
            i = j + 1
            continue
        # a run of one word: as _analyse_run does it, without its multiword steps
        if first is not None and first[0] != i + 1:
            first = doc.gaz(i, i + 1)  # the longer name was cut (a party tag follows)
        i += 1
        if key in _DETERMINERS or key in _NAME_SUFFIXES:
            continue  # ("Joseph R. Biden, Jr.": the suffix after a comma names no one)
        if first is not None:  # its lexicon entry (a longer one would make a longer run)
            entry = first[1]
            if entry.klass == "state-abbreviation" or entry.kind != "name" or entry.upper:
                _add_gaz(doc, i - 1, i, entry, "entity.lexicon")
                continue
            cands.append(  # _add_gaz, inlined
                _Cand(
                    starts[i - 1],
                    ends[i - 1],
                    entry.type,
                    entry.canonical,
                    "name",
                    "entity.lexicon",
                    _evidence(keys, links, i - 1, i, n),
                    (key,),
                    entry.klass,
                )
            )
        elif titles.get(key) not in {"head", "honorific"} and not (
            i > 1
            and links[i - 2]
            and not flags[i - 2] & CAP
            and (keys[i - 2] in _PRE_MODIFIERS or keys[i - 2] in titles)
            and _person_after_titles(doc, i - 1, i)
        ):  # (a title word alone is no name): _add_single, inlined
            if flags[i - 1] & UPPER:
                cand = _Cand(
                    starts[i - 1],
                    ends[i - 1],
                    "MISC" if any(ch.isdigit() for ch in key) else "ORG",
                    None,
                    "acronym",
                    "entity.acronym",
                    _evidence(keys, links, i - 1, i, n),
                    (key,),
                )
                cand.sentence_start = sent[i - 1]
            else:
                cand = _Cand(
                    starts[i - 1],
                    ends[i - 1],
                    None,
                    None,
                    "name",
                    "entity.name",
                    _evidence(keys, links, i - 1, i, n),
                    (key,),
                    "",
                    sent[i - 1],
                )
            cands.append(cand)


@functools.lru_cache(maxsize=32)
def _heads_like(g: Gazetteer) -> frozenset[str]:
    """Words that let "of" continue a run: head words, titles and _OF_WORDS."""
    return frozenset(g.heads) | frozenset(g.titles) | _OF_WORDS


def _scan_shouting(doc: _Doc, known: Mapping[str, tuple[EntityType, str | None]]) -> None:
    """ALL-CAPS and Title-Case lines: only lexicon names and names found elsewhere (pass 2)."""
    n = doc.n
    i = 0
    for lo, hi in doc.shout_lines:
        i = max(i, lo)
        while i < hi:
            i = _shouted_at(doc, known, i, n)


def _shouted_at(
    doc: _Doc, known: Mapping[str, tuple[EntityType, str | None]], i: int, n: int
) -> int:
    """The candidate at token i of a shouted line, if any; return the next token to look at."""
    toks = doc.toks
    if doc.skip[i]:
        return i + 1
    found = doc.gaz(i, n)
    if found is not None:
        _add_gaz(doc, i, found[0], found[1], "entity.lexicon")
        return found[0]
    best = 0
    key = toks.keys[i]
    j = i
    while True:
        if key in known:
            best = j + 1
        if j + 1 >= n or j + 1 - i >= 4 or not doc.linked(j, j + 1):  # noqa: PLR2004
            break
        j += 1
        key = key + " " + toks.keys[j]
    if best:
        etype, canonical = known[" ".join(toks.keys[i:best])]
        cand = _Cand(toks.starts[i], toks.ends[best - 1], etype, canonical, rule="entity.known")
        cand.words = tuple(toks.keys[i:best])
        doc.cands.append(cand)
        return best
    return i + 1


def _spells(acronym: str, initials: str) -> bool:
    """True if *acronym* starts like *initials* and its letters follow them in order."""
    letters = [ch for ch in acronym if ch.isalpha()]
    if not letters or not initials or letters[0] != initials[0]:
        return False
    k = 0
    for ch in initials:
        if k < len(letters) and ch == letters[k]:
            k += 1
    return k == len(letters)


def _acronyms(doc: _Doc) -> None:
    """Mark "Name (ACR)" definitions: the acronym names the same thing."""
    text = doc.text
    by_end: dict[int, int] | None = None  # candidate end -> index, built on first need
    for k, c in enumerate(doc.cands):
        if c.kind != "acronym" or c.canonical is not None:
            continue
        # "(TTP)": the candidate just before the opening parenthesis
        s = c.start
        if s < 2 or text[s - 1] != "(" or text[c.end : c.end + 1] != ")":  # noqa: PLR2004
            continue
        prev_end = s - 1
        while prev_end > 0 and text[prev_end - 1] == " ":
            prev_end -= 1
        if by_end is None:
            by_end = {c.end: k for k, c in enumerate(doc.cands)}
        owner = by_end.get(prev_end)
        if owner is None or owner == k:
            continue
        o = doc.cands[owner]
        if o.kind == "demonym":
            continue
        initials = "".join(map(_FIRST, filter(None, _WORD_SPLIT.split(text[o.start : o.end]))))
        if not _spells(c.words[0], fold(initials)):
            continue
        c.acronym_of = owner
        doc.acronym_defs = True
        if o.type is None or (o.evidence not in {"title", "first-name"} and o.type == "PER"):
            o.type = "ORG"
            o.evidence = "acronym-defined"
        c.type = o.type


class _Ent:
    """An entity being built (a plain slotted class: one is made per new name)."""

    __slots__ = (
        "affiliation",
        "canonical",
        "first",
        "forms",
        "mentions",
        "name",
        "strength",
        "titles",
        "type",
        "words",
    )

    def __init__(self, type: EntityType, name: str, *, canonical: bool) -> None:  # noqa: A002 - the field's name
        self.type = type
        self.name = name
        self.canonical = canonical  # the name comes from a lexicon: keep it
        self.mentions: list[Mention] = []
        self.first = sys.maxsize  # the start of its first mention (in text order)
        self.titles: list[str] = []
        self.forms: list[str] = []
        self.affiliation: str | None = None
        self.words: tuple[str, ...] = ()
        self.strength = 0  # how sure the type is: 0 default, 1 context, 2 other evidence


_STRENGTH = {"entity.default": 0, "entity.context": 1, "entity.coordination": 1}


def _multi_type(doc: _Doc, c: _Cand, alone: Mapping[str, int]) -> tuple[EntityType, str]:
    """Type and rule of a multiword name with no lexicon entry, head word or title."""
    if c.type is not None:
        return c.type, "entity." + (c.evidence or "name")
    g = doc.g
    words = c.words
    if not (_NOT_PERSON.isdisjoint(words) and g.not_names.isdisjoint(words)):
        return "MISC", "entity.default"
    if not g.first_names.issuperset(doc.lower_keys.intersection(words)):
        return "MISC", "entity.default"  # a common word that is no given name
    if c.evidence == "context-loc":
        return "LOC", "entity.context"
    if c.evidence == "context-per":
        return "PER", "entity.context"
    if c.evidence == "context-the":
        return "ORG", "entity.context"  # "the Sea Org": people's names take no article
    if alone.get(c.words[-1], 0) or alone.get(c.words[0], 0):
        return "PER", "entity.name-part"  # "Ana Ruiz ... Ruiz said"
    if len(c.words) <= 3:  # noqa: PLR2004
        return "PER", "entity.default"
    return "MISC", "entity.default"


def _single_type(c: _Cand, g: Gazetteer) -> tuple[EntityType, str]:
    """Type and rule of a lone capitalised word that names nothing known."""
    w = c.words[0]
    if c.type is not None:
        return c.type, c.rule
    if w in g.first_names:
        return "PER", "entity.first-name"
    if g.heads.get(w) == "ORG":
        return "ORG", "entity.head"
    if c.evidence == "context-loc":
        return "LOC", "entity.context"
    if c.evidence == "context-per":
        return "PER", "entity.context"
    if c.evidence == "context-the":
        return "ORG", "entity.context"
    return "MISC", "entity.default"


def _sports_teams(doc: _Doc) -> None:
    """Countries in sentences about a match name national teams (ORG), not places."""
    toks = doc.toks
    if (
        _SPORT_CUES.isdisjoint(doc.lower_keys)
        and _SPORT_CUES.isdisjoint(map(toks.keys.__getitem__, doc.cap_idx))
        and not doc.shout_lines
    ):  # no cue word in the text (a quick test of every token: lower, capitalised, shouted)
        return
    is_cue = list(map(_SPORT_CUES.__contains__, toks.keys))
    if sum(is_cue) < 2:  # noqa: PLR2004
        return
    # the sentence of every token: the sentence starts up to it (token 0 opens sentence 0)
    sent_of = list(itertools.accumulate(doc.sent[1:], initial=0))
    cues: dict[int, int] = {}  # sentence -> its cue words
    for i in itertools.compress(range(len(toks)), is_cue):
        cues[sent_of[i]] = cues.get(sent_of[i], 0) + 1
    if sum(cues.values()) < 2:  # noqa: PLR2004
        return
    countries = [
        c
        for c in doc.cands
        if c.type == "LOC" and c.klass == "country" and c.kind == "name" and not c.nested
    ]
    teams: set[str | None] = set()
    for c in countries:
        k = bisect.bisect_left(toks.starts, c.start)
        if cues.get(sent_of[k], 0):
            teams.add(c.canonical)
    # in a match report (several cue words), a team is a team all along
    whole = sum(cues.values()) >= 4  # noqa: PLR2004
    for c in countries:
        k = bisect.bisect_left(toks.starts, c.start)
        if cues.get(sent_of[k], 0) or (whole and c.canonical in teams):
            c.type = "ORG"
            c.rule = "entity.team"
            c.canonical = f"{c.canonical} (team)"


def _name_words(name: str) -> list[str]:
    """The words of *name* split at white space and hyphens (for its initials)."""
    if name.isascii() and name.isprintable():  # (a space and a hyphen: its only separators)
        return name.replace("-", " ").split()
    return list(filter(None, _WORD_SPLIT.split(name)))


def _split_place_first(c: _Cand, text: str) -> _Cand:
    """The place of a "Paris Hilton" candidate whose second word never comes back alone."""
    first_word = text[c.start : c.end].split(maxsplit=1)[0]
    place = _Cand(c.start, c.start + len(first_word), "LOC", c.canonical, rule="entity.lexicon")
    place.klass = c.klass
    place.words = c.words[:1]
    return place


# What joins the names of a list: a comma (with a space, "and" or "or"), or "and" / "or"
# between spaces (the strings that ``,[ ]?(?:and[ ]|or[ ])?|[ ](?:and|or)[ ]`` matches).
_COORDINATIONS = frozenset({",", ", ", ",and ", ",or ", ", and ", ", or ", " and ", " or "})


def _coordinated_type(
    text: str, cands: list[_Cand], k: int, etype: EntityType, rule: str
) -> tuple[EntityType, str]:
    """The type of a name listed with others: "South Australia, Western Australia and X"."""
    for other in (k - 1, k + 1):
        if not 0 <= other < len(cands):
            continue
        o = cands[other]
        if o.nested or o.type not in {"LOC", "ORG", "PER"} or o.kind == "demonym":
            continue
        a, b = (o.end, cands[k].start) if other < k else (cands[k].end, o.start)
        if 0 < b - a <= 6 and text[a:b] in _COORDINATIONS:  # noqa: PLR2004
            return o.type, "entity.coordination"
    return etype, rule


_MAX_SAME_HEAD = 64  # organisations sharing a head word compared with a new one


def _shorter_or_longer(
    words: tuple[str, ...], candidates: list[int], ents: list[_Ent]
) -> int | None:
    """An organisation whose name contains *words*, or is contained in them, in order.

    Only the latest organisations with the same head word are compared: an article never
    has more than a few, and the bound keeps a page of capitalised junk linear.
    """
    joined = " " + " ".join(words) + " "
    for idx in itertools.islice(reversed(candidates), _MAX_SAME_HEAD):
        other = ents[idx].words
        if len(other) < 2:  # noqa: PLR2004
            continue
        theirs = " " + " ".join(other) + " "
        if theirs in joined or joined in theirs:
            return idx
    return None


# a company's legal form after its name ("Apple Inc.", "Toyota Motor Corp")
_CORP_SUFFIXES = frozenset(
    {"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag", "sa", "nv", "gmbh", "lp"}
)


def _initials_aside(words: tuple[str, ...]) -> tuple[tuple[str, str], tuple[str, ...]] | None:
    """Return a full name's first and last word and its middle initials, or None.

    "donald j. trump" gives (("donald", "trump"), ("j.",)); a middle word that is no
    initial ("hillary rodham clinton") gives None.
    """
    if len(words) < 2 or len(words) > 4:  # noqa: PLR2004
        return None
    middle = words[1:-1]
    if not all(len(w.rstrip(".")) == 1 for w in middle):
        return None
    return (words[0], words[-1]), middle


def _build(doc: _Doc) -> list[_Ent]:
    """Group candidates into entities (in order of first mention)."""
    text, g = doc.text, doc.g
    # by start, the longer first: two stable sorts on C-level keys
    cands = sorted(doc.cands, key=_END, reverse=True)
    cands.sort(key=_START)
    ents: list[_Ent] = []
    by_key: dict[tuple[str, str], int] = {}
    surname: dict[str, list[tuple[int, int]]] = {}  # key -> [(start, entity index)]
    firstname: dict[str, list[tuple[int, int]]] = {}
    org_first: dict[str, int] = {}
    org_heads: dict[str, list[int]] = {}  # head word -> organisations (in order of creation)
    initials: dict[str, int] = {}
    # mention span -> entity index (looked up for the acronyms defined in the text only)
    at: dict[tuple[int, int], int] = {}
    spans = doc.acronym_defs
    alone: dict[str, int] = {}
    speakers: set[str] = set()
    for c in cands:
        if len(c.words) == 1:
            if c.canonical is None and not c.sentence_start:
                alone[c.words[0]] = alone.get(c.words[0], 0) + 1
            if c.evidence == "context-per":
                speakers.add(c.words[0])

    def ent_for(
        key: tuple[str, str], etype: EntityType, c: _Cand, canonical: str | None = None
    ) -> int:
        """The entity of *key*, made (named after *canonical*, else *c*) if it is new."""
        idx = by_key.get(key)
        if idx is None:
            idx = len(ents)
            if canonical is None:
                ents.append(_Ent(etype, _display(text[c.start : c.end]), canonical=False))
            else:
                ents.append(_Ent(etype, canonical, canonical=True))
            by_key[key] = idx
        return idx

    def add(idx: int, c: _Cand) -> None:
        e = ents[idx]
        start, end = c.start, c.end
        surface = text[start:end]  # (its span is valid: no validation)
        e.mentions.append(_unchecked_mention(start, end, surface, c.kind, c.rule))
        if start < e.first:  # noqa: PLR1730 - (cheaper than a min() call per mention)
            e.first = start
        if spans:
            at[start, end] = idx
        if surface not in e.forms:
            e.forms.append(surface)
        for t in c.titles:
            if t.strip() and t not in e.titles:
                e.titles.append(t)
        if e.affiliation is None and c.affiliation is not None:
            e.affiliation = c.affiliation
        if not e.canonical and c.kind == "name" and len(c.words) > len(e.words):
            e.name = _display(surface)
            e.words = c.words

    # pass A: names of several words (and headed names) that no lexicon knows
    # (first and last word) -> (entity, middle initials) of a person's full name
    person_base: dict[tuple[str, str], tuple[int, tuple[str, ...]]] = {}
    singles: list[_Cand] = []
    single_at: list[int] = []  # the single's index in cands, or -1
    listed: list[_Cand] = []
    for k, c in enumerate(cands):
        if c.evidence == "place-first":
            if not alone.get(c.words[-1], 0) and c.words[0] not in speakers:
                listed.append(_split_place_first(c, text))
                singles.append(_Cand(c.end - len(text[c.start : c.end].split()[-1]), c.end, None))
                singles[-1].words = c.words[-1:]
                singles[-1].rule = "entity.name"
                single_at.append(-1)
                continue
            c.canonical = None
            c.type = "PER"
            c.evidence = "name-part"
        if c.canonical is not None:
            listed.append(c)
            continue
        if len(c.words) == 1 and c.evidence != "head":
            singles.append(c)
            single_at.append(k)
            continue
        etype, rule = _multi_type(doc, c, alone)
        c.type = etype
        if c.rule in {"entity.name", ""}:
            c.rule = rule
        key = (etype, " ".join(c.words))
        if etype == "ORG" and len(c.words) > 1 and c.words[-1].rstrip(".") in _CORP_SUFFIXES:
            key = (etype, " ".join(c.words[:-1]))  # "Apple Inc." is "Apple"
        strength = _STRENGTH.get(c.rule, 2)
        same_words = by_key.get(("*", key[1]))
        if key not in by_key and same_words is not None:
            # one name, typed two ways ("the Retired Warriors" / "Retired Warriors said"):
            # one entity, of the type with the better evidence
            by_key[key] = same_words
            if strength > ents[same_words].strength:
                ents[same_words].type = etype
                ents[same_words].strength = strength
        if etype == "ORG" and key not in by_key:
            same = _shorter_or_longer(c.words, org_heads.get(c.words[-1], []), ents)
            if same is not None:
                by_key[key] = same  # "Andy Warhol Foundation" ... "for the Visual Arts"
        base = _initials_aside(c.words) if etype == "PER" else None
        if base is not None and key not in by_key:
            known = person_base.get(base[0])
            if known is not None and (not known[1] or not base[1] or known[1] == base[1]):
                by_key[key] = known[0]  # "Donald J. Trump" ... "Donald Trump"
        idx = ent_for(key, etype, c)
        if base is not None:
            person_base.setdefault(base[0], (idx, base[1]))
        by_key.setdefault(("*", key[1]), idx)
        ents[idx].strength = max(ents[idx].strength, strength)
        add(idx, c)
        if etype == "ORG" and idx not in org_heads.setdefault(c.words[-1], []):
            org_heads[c.words[-1]].append(idx)
            for w in c.words[1:-1]:
                if w in g.heads and idx not in org_heads.setdefault(w, []):
                    org_heads[w].append(idx)
        if etype == "PER":
            bisect.insort(surname.setdefault(_surname_key(c.words), []), (c.start, idx))
            bisect.insort(firstname.setdefault(c.words[0], []), (c.start, idx))
        elif etype == "ORG":
            org_first.setdefault(c.words[0], idx)
            ini = "".join(map(_FIRST, _name_words(" ".join(c.words))))
            initials.setdefault(ini, idx)
            caps = "".join(filter(str.isupper, text[c.start : c.end])).casefold()
            initials.setdefault(caps, idx)

    def nearest(entries: list[tuple[int, int]], pos: int) -> int:
        """The person named last before *pos*, else the first one after it."""
        k = bisect.bisect_right(entries, (pos, len(ents)))
        return entries[k - 1][1] if k else entries[0][1]

    # pass B: lexicon names; a lone city that is also a person's name is that person
    for c in listed:
        w = c.words[0] if len(c.words) == 1 else ""
        if (
            w
            and c.type == "LOC"
            and c.kind == "name"
            and c.evidence != "context-loc"
            and (w in surname or w in firstname)
        ):
            idx = nearest(surname.get(w) or firstname[w], c.start)
            c.rule = "entity.name-part"
            add(idx, c)
            continue
        etype = c.type or "MISC"
        canonical = c.canonical or ""
        idx = ent_for((etype, fold(canonical)), etype, c, canonical)
        add(idx, c)
        if not ents[idx].words:
            ents[idx].words = tuple(fold(canonical).split())
        if etype == "ORG" and c.kind == "name" and len(c.words) > 1:
            initials.setdefault("".join(w[0] for w in c.words), idx)
        if etype == "PER" and len(c.words) > 1:  # a person from the user's lexicon
            bisect.insort(surname.setdefault(_surname_key(c.words), []), (c.start, idx))
            bisect.insort(firstname.setdefault(c.words[0], []), (c.start, idx))

    # pass C: single words: surname / first name of a person, acronym, or a new entity
    for c, k in zip(singles, single_at, strict=True):
        w = c.words[0]
        hit: int | None = None
        if c.acronym_of is not None:
            owner = doc.cands[c.acronym_of]
            hit = at.get((owner.start, owner.end))
            if hit is not None:
                c.rule = "entity.acronym-defined"
        if (
            hit is None
            and (c.type in {None, "PER"} or (c.kind == "acronym" and c.acronym_of is None))
            and (w in surname or w in firstname)
        ):  # "Asif", and "PENCE:" in a transcript
            c.type = "PER"
            c.kind = "name"
            hit = nearest(surname.get(w) or firstname[w], c.start)
            c.rule = "entity.name-part"
        if hit is None and c.kind == "acronym" and w.replace(".", "") in initials:
            hit = initials[w.replace(".", "")]
            c.rule = "entity.acronym-initials"
        if hit is None and w in org_first and c.type in {None, "ORG"}:
            hit = org_first[w]
            c.rule = "entity.name-part"
        if hit is None and g.heads.get(w) == "ORG" and org_heads.get(w) and c.type is None:
            hit = org_heads[w][-1]  # "the Council": the last council named
            c.rule = "entity.name-part"
        if hit is None:
            if c.type is None and (w in g.stop or w in doc.lower_keys or w in g.not_names):
                continue
            if (
                c.sentence_start
                and c.type is None
                and not alone.get(w, 0)
                and (c.evidence != "context-per" or w.endswith("s"))
            ):
                continue  # "Smith said ..." may open a sentence; "Officials said" may not
            if c.kind == "acronym" and (
                w in g.stop or w in g.not_names or _roman(w) or sum(ch.isalpha() for ch in w) > 5  # noqa: PLR2004 - a shouted word
            ):
                continue
            etype, rule = _single_type(c, g)
            if rule == "entity.default" and k >= 0:
                etype, rule = _coordinated_type(text, cands, k, etype, rule)
            c.type = etype
            c.rule = rule
            hit = ent_for((etype, w), etype, c)
            if etype == "PER":
                bisect.insort(surname.setdefault(w, []), (c.start, hit))
        add(hit, c)
    return ents


def _display(surface: str) -> str:
    """A name as shown: one space between words."""
    if surface.isprintable() and "  " not in f" {surface} ":
        return surface  # (its only white space: single spaces between words)
    return " ".join(surface.split())


def _nominals(doc: _Doc, ents: list[_Ent], start: int, end: int) -> None:
    """Add "the minister" mentions to the person most recently named with that title."""
    holders: dict[str, list[tuple[int, int]]] = {}
    for k, e in enumerate(ents):
        if e.type != "PER":
            continue
        for t in e.titles:
            if not t.split():
                continue
            head = fold(t.split()[-1]).rstrip(".")
            holders.setdefault(head, []).append((e.first, k))
    if not holders:
        return
    windows = [(start, end)]
    if ascii_words(doc.text, start, end):
        # a word of ASCII letters has itself in lower case as key: no head word, no nominal
        lowered = doc.text[start:end].lower()
        if not any(head in lowered for head in holders):
            return
        windows = _nominal_windows(doc.text, start, end, lowered, holders)
    for v in holders.values():
        v.sort()
    firsts = {head: [s for s, _ in v] for head, v in holders.items()}
    text, titles = doc.text, doc.g.titles
    openers = holders.keys() | _modifiers(doc.g)
    nominal, word = (_ASCII_NOMINAL, _ASCII_WORD) if text.isascii() else (_NOMINAL, _WORD)
    for m in (m for lo, hi in windows for m in nominal.finditer(text, lo, hi)):
        w1 = m.group("w1")
        key = fold(w1)
        if key not in openers or (
            (key not in holders or w1[:1].isupper())
            and key not in _PRE_MODIFIERS
            and titles.get(key) != "modifier"
        ):
            continue  # the first word is no title and no modifier: the common case
        head_end = -1
        head = ""
        for w in word.finditer(text, m.start("words"), m.end("words")):
            key = fold(w.group())
            if key in holders and not w.group()[:1].isupper():
                head_end, head = w.end(), key
                break
            if key not in _PRE_MODIFIERS and doc.g.titles.get(key) != "modifier":
                break
        if head_end < 0:
            continue
        after = text[head_end : head_end + 2].lstrip()
        if after[:1].isupper():
            continue  # "the minister Khawaja Asif": a title before a name
        n_before = bisect.bisect_left(firsts[head], m.start())
        if not n_before:
            continue
        e = ents[holders[head][n_before - 1][1]]
        e.mentions.append(
            _unchecked_mention(
                m.start(), head_end, text[m.start() : head_end], "nominal", "entity.nominal"
            )
        )


def _nominal_windows(
    text: str, start: int, end: int, lowered: str, heads: Iterable[str]
) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` that hold every _NOMINAL match with a head word in it.

    *lowered* is ``text[start:end].lower()`` (the text's letters are ASCII, so its offsets
    are the text's). A match holds only letters, hyphens and spaces, so it never crosses
    any other character: each span starts at *start*, at the end of the span before, or
    just after such a character, and ends at one, so ``_NOMINAL.finditer`` over the spans
    finds exactly the matches that a scan of the whole text finds there. (Its letters being
    ASCII, the characters that are no letter, hyphen or space are found by a plain class.)
    """
    spots = []
    for head in heads:
        k = lowered.find(head)
        while k >= 0:
            spots.append(start + k)
            k = lowered.find(head, k + 1)
    spots.sort()
    windows = []
    done = start
    for p in spots:
        if p < done:
            continue  # (inside the span before)
        # (a match that holds the word at p starts after the last such character before p:
        # the letters, hyphens and spaces before p stripped off, and ends before the next)
        lo = done + len(text[done:p].rstrip(_ASCII_IN_NOMINAL))
        barrier = _ASCII_NOT_IN_NOMINAL.search(text, p, end)
        done = barrier.start() if barrier is not None else end
        windows.append((lo, done))
    return windows


@functools.lru_cache(maxsize=32)
def _modifiers(g: Gazetteer) -> frozenset[str]:
    """Words that may come between "the" and a title: "the former", "the acting"."""
    return _PRE_MODIFIERS | {key for key, cls in g.titles.items() if cls == "modifier"}


def _party_tags(doc: _Doc, ents: list[_Ent]) -> None:
    """(D-N.C.) after a name: the state is a place, the party the person's affiliation."""
    g = doc.g
    if not doc.party_tags:
        return
    person_at = {m.end: e for e in ents if e.type == "PER" for m in e.mentions}
    places = {e.name: e for e in ents if e.type == "LOC"}
    for s, _e, party, ss, se in doc.party_tags:
        state = doc.text[ss:se]
        entry = g.phrases.get(fold(state))
        person = person_at.get(s) or person_at.get(s - 1) or person_at.get(s - 2)
        if person is not None and person.affiliation is None:
            person.affiliation = _PARTIES[party]
        if entry is None or entry.type != "LOC":
            continue
        target = places.get(entry.canonical)
        if target is None:
            target = places[entry.canonical] = _Ent("LOC", entry.canonical, canonical=True)
            ents.append(target)
        kind: MentionKind = "acronym" if "." in state or state.isupper() else "name"
        target.mentions.append(_unchecked_mention(ss, se, state, kind, "entity.party-state"))
        target.first = min(target.first, ss)
        if state not in target.forms:
            target.forms.append(state)


def _appositives(doc: _Doc) -> None:
    """Titles in an appositive after a person's name: "Ana Ruiz, the city's mayor, said"."""
    g, text = doc.g, doc.text
    pattern: re.Pattern[str] | regex.Pattern[str] | None = None
    word: re.Pattern[str] | regex.Pattern[str] = _WORD
    for c in doc.cands:
        if (
            c.canonical is not None
            or c.nested
            or c.type not in {None, "PER"}
            or text[c.end : c.end + 2] != ", "
        ):
            continue  # an appositive starts with a comma and a space
        if len(c.words) == 1 and (
            c.words[0] in g.stop or c.words[0] in doc.lower_keys or c.words[0] in g.not_names
        ):
            continue  # "said Monday, the former president": no name
        if pattern is None:  # (on the first candidate that needs it)
            ascii_ok = ascii_words(text)
            pattern, word = (_ASCII_APPOSITIVE, _ASCII_WORD) if ascii_ok else (_APPOSITIVE, _WORD)
        m = pattern.match(text, c.end)
        if m is None:
            continue
        end = -1
        for w in word.finditer(text, m.start("title"), m.end("title")):
            key = fold(w.group())
            cls = g.titles.get(key)
            if cls in {"head", "role"}:
                end = w.end()
            elif key not in _PRE_MODIFIERS and cls != "modifier":
                break
        if end < 0:
            continue
        start = m.start("pre") if m.group("pre") and not m.group("owner") else m.start("title")
        c.titles = (*c.titles, text[start:end])
        c.type = "PER"
        c.evidence = c.evidence if c.evidence in {"title", "first-name"} else "title"
        if c.rule in {"entity.name", ""}:
            c.rule = "entity.appositive"
        owner = m.group("owner")
        if owner and c.affiliation is None:
            entry = g.phrases.get(" ".join(fold(w) for w in owner.split()))
            if entry is not None and entry.kind == "name":
                c.affiliation = entry.canonical


def _find(
    text: str,
    start: int,
    end: int,
    g: Gazetteer,
    headline: tuple[int, int] = (0, 0),
    *,
    authors: Sequence[tuple[int, int]] = (),
) -> list[_Ent]:
    doc = _Doc(text, start, end, g, headline)
    _scan(doc)
    if doc.shout_lines:  # names found elsewhere, for the shouted lines
        known: dict[str, tuple[EntityType, str | None]] = {}
        for c in doc.cands:
            if c.type is not None or len(c.words) > 1:
                etype = c.type or "PER"
                known.setdefault(" ".join(c.words), (etype, None))
                if etype == "PER" and len(c.words) > 1:
                    known.setdefault(c.words[-1], ("PER", None))
        _scan_shouting(doc, known)
    _appositives(doc)
    _acronyms(doc)
    _sports_teams(doc)
    if authors:
        _authors(doc, authors)
    ents = _build(doc)
    _nominals(doc, ents, start, end)
    _party_tags(doc, ents)
    return [e for e in ents if e.mentions]


def _authors(doc: _Doc, spans: Sequence[tuple[int, int]]) -> None:
    """Make the byline's and credit lines' names people (rule ``entity.byline``).

    The structure stage found them as names: "Florence Tan" is no place Florence.
    """
    for s, e in spans:
        idx = doc.tokens_in(s, e)
        if not idx:
            continue
        doc.cands = [c for c in doc.cands if c.end <= s or c.start >= e]
        _add_person(doc, idx.start, idx.stop, titles=[], affiliation=None, rule="entity.byline")


def _author_spans(article: Article) -> list[tuple[int, int]]:
    """Where the names of the bylines and credit lines stand in the text."""
    text = article.text
    spans = []
    named: list[tuple[int, int, tuple[str, ...]]] = [
        (b.start, b.end, (b.name,)) for b in article.bylines if b.name
    ]
    named += [(c.start, c.end, c.names) for c in article.credits if c.names]
    for lo, hi, names in named:
        at = lo
        for name in names:
            i = text.find(name, at, hi)
            if i >= 0:
                spans.append((i, i + len(name)))
                at = i + len(name)
    return spans


def _entities(found: list[_Ent]) -> tuple[Entity, ...]:
    out = []
    ordered = sorted(found, key=_FIRST_START)
    for n, e in enumerate(ordered, start=1):
        if len(e.mentions) == 1:
            mentions: tuple[Mention, ...] = (e.mentions[0],)
        else:
            unique: dict[tuple[int, int], Mention] = {}
            for m in e.mentions:
                unique.setdefault((m.start, m.end), m)
            mentions = tuple(sorted(unique.values(), key=_SPAN))
        aliases = tuple(filter(e.name.__ne__, e.forms))
        # (id, name, type, mentions, titles, aliases, affiliation: positional, cheaper)
        out.append(
            Entity(f"e{n}", e.name, e.type, mentions, tuple(e.titles), aliases, e.affiliation)
        )
    return tuple(out)


def iter_mentions(
    text: str,
    *,
    start: int = 0,
    end: int | None = None,
    lexicon: EntityLexicon | None = None,
) -> Iterator[Mention]:
    """Yield the entity mentions of ``text[start:end]`` in text order.

    Names, acronyms, demonyms and nominal mentions ("the minister"); use
    :func:`extract_entities` to get them grouped into entities.

    >>> t = "Pakistan's Defense Minister Khawaja Muhammad Asif met Afghans in Kabul."
    >>> [(m.text, m.kind) for m in iter_mentions(t)]  # doctest: +NORMALIZE_WHITESPACE
    [('Pakistan', 'name'), ('Khawaja Muhammad Asif', 'name'), ('Afghans', 'demonym'),
     ('Kabul', 'name')]
    """
    stop = len(text) if end is None else end
    found = _find(text, start, stop, _gazetteer(lexicon))
    unique: dict[tuple[int, int], Mention] = {}
    for e in found:
        for m in e.mentions:
            unique.setdefault((m.start, m.end), m)
    yield from sorted(unique.values(), key=lambda m: (m.start, m.end))


def extract_entities(article: Article, *, lexicon: EntityLexicon | None = None) -> Article:
    """Stage: find the people, organisations and places of *article* and group them.

    Args:
        article: The article; its ``headline`` (when the structure stage found one) is
            matched like an ALL-CAPS line if it is in Title Case.
        lexicon: Extra people, organisations, places, aliases and titles
            (:class:`EntityLexicon`), on top of the packaged lexicons.

    Returns:
        A copy of *article* with ``entities`` filled in: ids ``e1``, ``e2``... in order of
        first mention.

    >>> a = extract_entities(Article("Former U.S. President Donald Trump spoke. Trump left."))
    >>> [(e.name, e.type, e.titles, e.affiliation)
    ...  for e in a.entities]  # doctest: +NORMALIZE_WHITESPACE
    [('United States', 'LOC', (), None),
     ('Donald Trump', 'PER', ('Former U.S. President',), 'United States')]
    >>> [m.text for m in a.entities[1].mentions]
    ['Donald Trump', 'Trump']
    """
    head = article.headline
    headline = (head.start, head.end) if head is not None else (0, 0)
    found = _find(
        article.text, 0, len(article.text), _gazetteer(lexicon), headline,
        authors=_author_spans(article),
    )  # fmt: skip
    return _replace(article, entities=_entities(found))
