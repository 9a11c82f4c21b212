"""Quotes stage: direct, partial and reported speech, with speaker and cue.

The stage works paragraph by paragraph, in one left-to-right pass each:

1. *Pairing*: quotation marks are classified by their neighbours (an opening mark has
   white space or a bracket before it and a letter after it; a closing mark the reverse),
   so that straight, curly, mixed (straight open, curly close), ``''…''``, ``«…»`` and
   ``„…“`` pairs all work, and apostrophes (don’t, Hamas’ emergence, the ’90s,
   rock ’n’ roll) are never marks. Single quotes inside double quotes are part of the
   content. A paragraph that ends inside a quote, followed by one that opens again,
   continues the quote (pieces linked by ``group``). A stray or missing mark gives a
   :class:`~newsparse.model.Diagnostic` and spoils nothing else.
2. *Sentences* are split around the quotes (never inside one).
3. *Classification and attribution*: see ``docs/quotes.md`` for every rule id.
4. *Reported speech* ("X said (that) CLAUSE", "CLAUSE, X said", "according to X, CLAUSE").
5. *Resolution*: ``speaker.text`` stays the literal mention ("he"); ``speaker.name`` and
   ``speaker.entity`` come from the entities stage (or, without it, from names in the text).
"""

from __future__ import annotations

import bisect
import contextvars
import functools
import itertools
import operator
import re
import sys
from typing import TYPE_CHECKING

import attrs
import regex

from newsparse._lexicons import load_set, load_table
from newsparse._sentences import iter_sentences
from newsparse._text import common_char_class, is_common, iter_blocks, strip_span
from newsparse.model import (
    Article,
    Diagnostic,
    Entity,
    Mention,
    Quote,
    QuoteKind,
    Speaker,
    _replace,
    _unchecked_mention,
    _unchecked_quote,
    _unchecked_span,
    _unchecked_speaker,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from collections.abc import Set as AbstractSet

__all__ = ["extract_quotes", "iter_quotes"]

# ---------------------------------------------------------------------------------------------
# Quotation marks

_MARK = regex.compile(r"''++|``|[\"“”„«»‘’'‚]")
_MARK_CHAR = re.compile(r"[\"“”„«»‘’'‚`]")  # the characters `_MARK` matches start with
# `_MARK_CHAR` less the single marks between two letters or digits (`[^\W_]`: `str.isalnum`),
# the apostrophes of "don’t" and "Hamas’s" that pairing passes over anyway (the class comes
# first, so that `re` scans for it fast)
_MARK_CHAR_NOT_INNER = re.compile(r"[\"“”„«»`‘’'‚](?:(?<=[\"“”„«»`])|(?<![^\W_].)|(?![^\W_]))")
_DOUBLE_OPEN = frozenset("“„«")
_DOUBLE_CLOSE = frozenset("”»")
_STYLE = {"“": "curly", "”": "curly", "„": "curly", "«": "guillemet", "»": "guillemet"}
_OPEN_CONTEXT = frozenset("([{—–―-/\u00a0")
_CLOSE_CONTEXT = frozenset(".,;:!?)]}—–―-…")
_CLOSE_NOT_DASH = _CLOSE_CONTEXT.difference("-—–―")
_MIN_SINGLE = 2  # a single-quoted top-level quote needs at least this many characters
_SINGLE_MARKS = frozenset("‘’'‚")


@attrs.define
class _Raw:
    """A paired quotation: marks at ``[open_at, close_end)``, content ``[start, end)``."""

    open_at: int
    start: int
    end: int
    close_end: int
    double: bool
    chain: int | None = None  # multi-paragraph chain id
    continues: bool = False  # the quote goes on in the next paragraph
    continued: bool = False  # the quote comes from the previous paragraph


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch == ""


def _flanks(text: str, i: int, j: int, lo: int, hi: int) -> tuple[bool, bool, str, str]:
    """Return (left-flanking, right-flanking, previous char, next char) of the mark [i, j)."""
    prev = text[i - 1] if i > lo else ""
    nxt = text[j] if j < hi else ""
    # `_is_space` of each, written out: this runs for every quotation mark
    prev_space = not prev or prev.isspace()
    next_space = not nxt or nxt.isspace()
    left = not next_space and nxt not in _CLOSE_NOT_DASH
    left = left and (prev_space or prev in _OPEN_CONTEXT or prev in "\"“„«‘'")
    right = not prev_space and prev not in _OPEN_CONTEXT
    right = right and (next_space or nxt in _CLOSE_CONTEXT or nxt in "\"”»’'")
    return left, right, prev, nxt


_TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,5000}>")  # an HTML or XML tag left in scraped text


def _tag_spans(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of each markup tag in ``text[lo:hi]``, in order."""
    return [m.span() for m in _TAG.finditer(text, lo, hi)]


def _in_spans(spans: list[tuple[int, int]], i: int) -> bool:
    """Say whether offset *i* lies inside one of the sorted, disjoint *spans*."""
    k = bisect.bisect_right(spans, (i, sys.maxsize)) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


def _ascii_mark_starts(text: str, lo: int, hi: int) -> list[int]:
    """Return where the quotation mark characters of ASCII ``text[lo:hi]`` are, in order.

    `_MARK_CHAR` there is ``"``, ``'`` and `````: three `str.find` runs are faster than a
    class scan.
    """
    out: list[int] = []
    for ch in "\"'`":
        i = text.find(ch, lo, hi)
        while i >= 0:
            out.append(i)
            i = text.find(ch, i + 1, hi)
    out.sort()
    return out


def _pair_marks(
    text: str, paragraphs: Sequence[tuple[int, int]]
) -> tuple[list[list[_Raw]], list[Diagnostic]]:
    """Pair the quotation marks of each paragraph (one linear pass over the marks)."""
    out: list[list[_Raw]] = []
    diags: list[Diagnostic] = []
    carry: tuple[int, int | None] | None = None  # (chain id, 1 if it goes on without a mark)
    chains = 0
    # the marks of an ASCII text (a flag of the string: no scan), found once for all paragraphs
    every_mark = _ascii_mark_starts(text, 0, len(text)) if text.isascii() else None
    for index, (lo, hi) in enumerate(paragraphs):
        found: list[_Raw] = []
        d_open: tuple[int, int] | None = None  # (mark start, content start)
        d_chain: int | None = None
        s_open: tuple[int, int] | None = None
        d_style = "straight"
        d_continued = False
        nested: list[str] = []
        first_mark = True
        if carry is not None:
            d_chain = carry[0]
            if carry[1] is not None:
                # the quote carries on from the paragraph before without a new mark
                d_open = (lo, lo)
                d_continued = True
                carry = None
                first_mark = False
        after = lo  # the end of the last mark: `_MARK` matches never overlap
        # what `_MARK.finditer` finds, from where its characters are (faster than it)
        if every_mark is not None:
            marks = every_mark[
                bisect.bisect_left(every_mark, lo) : bisect.bisect_left(every_mark, hi)
            ]
        else:
            # the first mark of a carried-on quote counts even between letters, and the
            # scan's look-behind would see the character before *lo*: else skip apostrophes
            # between letters unseen (the test below passes over them)
            scan = (
                _MARK_CHAR_NOT_INNER
                if carry is None and (lo == 0 or not text[lo - 1].isalnum())
                else _MARK_CHAR
            )
            marks = [m.start() for m in scan.finditer(text, lo, hi)]
        tags = _tag_spans(text, lo, hi) if text.find("<", lo, hi) >= 0 else None
        for i in marks:
            if i < after:
                continue  # inside a run of "'" taken whole
            if tags is not None and _in_spans(tags, i):
                continue  # an attribute's quotes in left-over markup: <tweet author="…">
            mark = text[i]
            j = i + 1
            if mark == "'":
                while j < hi and text[j] == "'":
                    j += 1
                if j > i + 1:
                    mark = text[i:j]  # ''
            elif mark == "`":
                if j == hi or text[j] != "`":
                    continue  # a lone backtick is no mark
                j += 1
                mark = "``"
            after = j
            if (
                mark in _SINGLE_MARKS
                and (carry is None or not first_mark)
                and (
                    d_open is not None
                    or (lo < i and j < hi and text[i - 1].isalnum() and text[j].isalnum())
                )
            ):
                first_mark = False
                continue  # an apostrophe (don’t) or a single mark inside a double quote: below
            left, right, prev, nxt = _flanks(text, i, j, lo, hi)
            is_double = mark in {'"', "“", "”", "„", "«", "»", "``"} or len(mark) >= 2  # noqa: PLR2004
            if carry is not None and first_mark:
                first_mark = False
                if is_double and i == lo and not right:
                    d_open = (i, j)  # the reopening mark of a continued quote
                    d_continued = True
                    carry = None
                    continue
                carry = None
                d_chain = None
            first_mark = False
            if is_double:
                if mark in _DOUBLE_OPEN or mark == "``":
                    role = "close" if (d_open is not None and right and not left) else "open"
                elif mark in _DOUBLE_CLOSE:
                    role = "open" if (d_open is None and left and not right) else "close"
                elif left and not right:
                    role = "open"
                elif right and not left:
                    role = "close"
                else:
                    role = "close" if d_open is not None else "open"
                style = _STYLE.get(mark[0], "straight")
                if role == "open" and d_open is not None and style != d_style and len(nested) < 3:  # noqa: PLR2004
                    nested.append(style)  # “He said "go" twice”: a quote inside the quote
                    continue
                if role == "close" and nested:
                    nested.pop()
                    continue
                if role == "open":
                    if d_open is not None:
                        diags.append(
                            Diagnostic(
                                "quote.unclosed",
                                "a quotation mark opens again before the quote closes",
                                d_open[0],
                                i,
                            )
                        )
                        d_chain = None
                    d_open = (i, j)
                    d_style = style
                    d_continued = False
                    s_open = None
                    continue
                if d_open is None:
                    diags.append(
                        Diagnostic("quote.stray", "a closing mark with no opening mark", i, j)
                    )
                    continue
                s, e = strip_span(text, d_open[1], i)
                if s < e:
                    found.append(
                        _Raw(d_open[0], s, e, j, double=True, chain=d_chain, continued=d_continued)
                    )
                d_continued = False
                d_open = None
                d_chain = None
                continue
            # single marks: apostrophes are never quotation marks
            if d_open is not None:
                continue  # nested single quotes are part of the double-quoted content
            if prev.isalnum() and nxt.isalnum():
                continue  # don't, rock’n’roll
            if mark in "‘'‚" and left and not nxt.isdigit() and s_open is None:
                if mark == "'" and prev.isalnum():
                    continue
                s_open = (i, j)
                continue
            if mark in "’'" and right and s_open is not None:
                s, e = strip_span(text, s_open[1], i)
                if e - s >= _MIN_SINGLE and text[s].isalnum():
                    found.append(_Raw(s_open[0], s, e, j, double=False))
                s_open = None
        if d_open is not None:
            gap = (
                _MISSING_CLOSE.search(text, d_open[1], hi)
                if d_chain is None and (d_open[0] == lo or not text[d_open[0] - 1].isalnum())
                else None
            )
            if gap is not None:
                # `"We are close, Lee said on Monday.`: the closing mark is missing before
                # the attribution, which no quote runs through
                s, e = strip_span(text, d_open[1], gap.start() + 1)
                if s < e:
                    found.append(_Raw(d_open[0], s, e, gap.start() + 1, double=True))
                diags.append(
                    Diagnostic(
                        "quote.unclosed",
                        "the closing mark seems missing before the attribution",
                        d_open[0],
                        gap.end(),
                    )
                )
                out.append(found)
                continue
            nxt_para = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            reopens = nxt_para is not None and _opens_with_quote(text, *nxt_para)
            wraps = (
                not reopens
                and nxt_para is not None
                and d_style != "guillemet"
                and _closes_first(text, *nxt_para)
            )
            s, e = strip_span(text, d_open[1], hi)
            if (reopens or wraps) and s < e:
                if d_chain is None:
                    chains += 1
                    d_chain = chains
                found.append(
                    _Raw(
                        d_open[0], s, e, hi, double=True, chain=d_chain,
                        continues=True, continued=d_continued,
                    )
                )  # fmt: skip
                carry = (d_chain, 1 if wraps else None)
            else:
                if d_chain is not None and s < e:
                    # the last piece of a chain whose closing mark is missing
                    found.append(
                        _Raw(d_open[0], s, e, hi, double=True, chain=d_chain, continued=True)
                    )
                diags.append(
                    Diagnostic(
                        "quote.unclosed",
                        "a quotation mark opens but the paragraph ends first",
                        d_open[0],
                        hi,
                    )
                )
        out.append(found)
    return out, diags


_DOUBLE_MARKS = frozenset({'"', "“", "”", "„", "«", "»", "``", "''"})
# an attribution inside a quote that never closes: `"We are close, Lee said on Monday.`
_MISSING_CLOSE = regex.compile(
    r",[ ](?:he|she|they|\p{Lu}[\p{L}.’'\-]*+(?:[ ]\p{Lu}[\p{L}.’'\-]*+){0,3}+)"
    r"[ ](?:said|says|told|added|asked|explained|wrote|insisted|argued)\b"
)


def _closes_first(text: str, lo: int, hi: int) -> bool:
    """Return True if the first double mark of ``[lo, hi)`` closes a quote.

    A quote that runs over a line break without a new opening mark (`He said, "One.` /
    `Two." Then …`) closes in the next paragraph before anything opens there.
    """
    for m in _MARK.finditer(text, lo, hi):
        mark = m.group()
        if mark not in _DOUBLE_MARKS:
            continue
        if mark in _DOUBLE_CLOSE:
            return True
        if mark in _DOUBLE_OPEN or mark == "``":
            return False
        left, right, _, _ = _flanks(text, m.start(), m.end(), lo, hi)
        return right and not left
    return False


def _opens_with_quote(text: str, lo: int, hi: int) -> bool:
    """Return True if the paragraph ``[lo, hi)`` starts with an opening double mark."""
    m = _MARK.match(text, lo, hi)
    if m is None:
        return False
    mark = m.group()
    if mark in _DOUBLE_CLOSE:
        return False
    if mark in "‘’'‚":
        return False
    left, right, _, _ = _flanks(text, m.start(), m.end(), lo, hi)
    return left or not right


# ---------------------------------------------------------------------------------------------
# Tokens and word lists

_TOKEN = regex.compile(
    r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*+(?:\.[\p{L}\p{N}][\p{L}\p{M}\p{N}]*+)*+|[^\s\p{L}\p{N}]"
)
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it"})
_OBJECT_PRONOUNS = frozenset({"me", "him", "her", "us", "them", "you", "it"})
_ARTICLES = frozenset({"the", "a", "an"})
_DETERMINERS = frozenset(
    {"the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "this", "that",
     "my", "your", "some", "several", "many", "most", "other"}
)  # fmt: skip
_AUX = frozenset(
    {
        "has", "have", "had", "was", "were", "is", "are", "be", "been", "would", "will",
        "could", "should", "may", "might", "did", "does", "do", "also", "later", "then",
        "once", "again", "further", "still", "even", "just", "not", "never", "often",
        "first", "last", "earlier", "quoted", "as", "reportedly", "already",
        "didn't", "didn’t", "doesn't", "doesn’t", "don't", "don’t", "won't", "won’t",
        "wouldn't", "wouldn’t", "hasn't", "hasn’t", "haven't", "haven’t", "hadn't", "hadn’t",
        "wasn't", "wasn’t", "isn't", "isn’t",
    }
)  # fmt: skip
_STOP = frozenset(
    {
        "that", "and", "but", "because", "while", "when", "if", "as", "since", "although",
        "though", "after", "before", "so", "or", "where", "which", "than", "what", "how",
        "why", "whether", "nor", "yet", "who", "whom", "whose", "to", "said", "says", "not",
        "having",
        "is", "was", "are", "were", "be", "been", "has", "have", "had",
    }
)  # fmt: skip
_FORWARD_STOP = frozenset(
    {
        "in", "at", "on", "during", "after", "before", "when", "while", "who", "which", "as",
        "to", "from", "for", "with", "that", "and", "but", "last", "this", "yesterday",
        "today", "tonight", "earlier", "later", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "by", "about", "of", "recently", "adding", "saying",
        "told", "said", "says", "then", "also", "is", "was", "has", "had", "will", "would",
        "because", "since", "if", "into", "than", "his", "her", "their", "its",
        "have", "are", "were", "could", "should", "can", "may", "might", "must",
    }
)  # fmt: skip
_TELL = frozenset(
    {"tell", "tells", "told", "telling", "informed", "informs", "assured", "assures",
     "reminded", "reminds", "warned", "warns", "urged", "urges", "asked", "asks", "promised",
     "promises"}
)  # fmt: skip
_NOT_CLAUSE_CUES = frozenset(
    {"cite", "cited", "cites",
     "call", "called", "calls", "calling", "describe", "described", "describes", "describing",
     "condemn", "condemned", "condemns", "condemning", "criticize", "criticized",
     "criticizes", "criticizing", "dismiss", "dismissed", "dismisses", "dismissing",
     "accuse", "accused", "accuses", "accusing", "demand", "demanded", "demands",
     "demanding", "answer", "answered", "answers", "answering", "post", "posted", "posts",
     "posting",
     "continue", "continued", "continues", "ruled",
     "continuing", "point", "points", "pointed", "pointing", "repeat", "repeated",
     "repeats", "repeating", "mention", "mentioned", "mentions", "mentioning", "comment",
     "commented", "comments", "commenting", "respond", "responded", "responds",
     "responding", "protest", "protested", "protests", "protesting", "report", "reports",
     "read", "reads", "sing", "sang", "sings", "singing", "chant", "chanted", "chants",
     "chanting", "scold", "scolded", "scolds", "scolding", "remark", "remarks", "states",
     "state", "claims", "estimates", "notes", "promise",
     "promises", "vow", "vows", "counter", "counters", "stress"}
)  # fmt: skip
_MODALS = frozenset({"will", "would", "to", "should", "could", "can", "may", "might", "must"})
_QUOTE_CHARS = frozenset("\"“”„«»‘’'‚")
_DASHES = frozenset("—–―-")
_MAX_NP = 10
_WINDOW = 60  # tokens looked at around a quote or a cue: keeps every search bounded
_NAME_JOINERS = frozenset({"of", "de", "da", "del", "van", "von", "bin", "al", "la", "le", "du"})
_MAX_REST = 8
_MAX_TAIL_REST = 4
_MIN_CLAUSE_WORDS = 4  # words after an attribution that still make it "only an attribution"
_TRANSCRIPT = regex.compile(
    r"[\"“]?+(?P<name>\p{Lu}[\p{Lu}'’.\-]++(?:[ ]\p{Lu}[\p{Lu}'’.\-]++){0,3}+):[ \t]++"
)
_NOT_SPEAKERS = frozenset(
    {"update", "note", "correction", "editor's note", "editor’s note", "watch", "read",
     "video", "photo", "photos", "related", "advertisement", "source", "sources", "q", "a",
     "clarification", "warning", "breaking", "exclusive", "live", "opinion", "analysis"}
)  # fmt: skip
_MAX_TAIL = 24
_MAX_APPOSITIONS = 2
_TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "yesterday", "today", "tonight", "earlier", "later", "recently", "last", "this",
     "week", "month", "year", "night", "morning", "afternoon", "evening", "on", "in", "at",
     "a", "an", "the", "statement", "interview", "email", "briefing", "conference", "news",
     "press", "release", "speech", "phone", "telephone", "post", "tweet", "letter"}
)  # fmt: skip


# Cue verbs a caller adds (``extract_quotes(..., cue_verbs=...)``), set for the duration of
# one call only: a context variable, so threads and async tasks never see each other's.
_EXTRA_CUES: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "newsparse_extra_cues", default=frozenset()
)


@functools.lru_cache(maxsize=16)
def _cues_with(extra: frozenset[str]) -> frozenset[str]:
    return load_set("cue_verbs.txt") | extra


def _cues() -> frozenset[str]:
    return _cues_with(_EXTRA_CUES.get())


@functools.lru_cache(maxsize=16)
def _cues_according_with(extra: frozenset[str]) -> frozenset[str]:
    return _cues_with(extra) | {"according"}


def _cues_according() -> frozenset[str]:
    """Return the cue verbs and "according": the words that start reported speech."""
    return _cues_according_with(_EXTRA_CUES.get())


@functools.lru_cache(maxsize=16)
def _lead_words_with(extra: frozenset[str]) -> frozenset[str]:
    return _cues_according_with(extra) | {"words", "put"}


def _lead_words() -> frozenset[str]:
    """The words a quote's lead cue may be: cues, "according", "words", "put".

    "according to X", "in the words of X", "as X put it".
    """
    return _lead_words_with(_EXTRA_CUES.get())


def _extract_with_cues(
    cue_verbs: Iterable[str],
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    entities: Sequence[Entity] = (),
    *,
    indirect: bool,
    headline: tuple[int, int] | None = None,
) -> tuple[list[Quote], list[Diagnostic], dict[str, list[Mention]]]:
    if cue_verbs == () and not _EXTRA_CUES.get():  # the stage's usual call: nothing to set
        return _extract(text, paragraphs, entities, indirect=indirect, headline=headline)
    token = _EXTRA_CUES.set(frozenset(v.strip().casefold() for v in cue_verbs if v.strip()))
    try:
        return _extract(text, paragraphs, entities, indirect=indirect, headline=headline)
    finally:
        _EXTRA_CUES.reset(token)


class _Toks:
    """Tokens as parallel lists: token *i* is ``text[start[i]:end[i]]``.

    A word (``word[i]``) or one punctuation character, with its casefolded form ``low[i]``
    and ``cap[i]`` (starts with a capital or a digit). ``word`` and ``cap`` are bytes of 0
    and 1 (a byte per token: true or false as a bool would be). Everything is built at C
    speed (see :func:`_tokens`): the stage reads most paragraphs, so no per-token Python
    code or object.
    """

    __slots__ = ("cap", "end", "low", "start", "text", "word")

    def __init__(  # noqa: PLR0917 - the six parallel lists
        self,
        start: list[int],
        end: list[int],
        text: list[str],
        low: list[str],
        word: bytes,
        cap: bytes,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.low = low
        self.word = word
        self.cap = cap

    def __len__(self) -> int:
        return len(self.start)

    def head(self, n: int) -> _Toks:
        """Return the first *n* tokens."""
        return _Toks(
            self.start[:n], self.end[:n], self.text[:n], self.low[:n], self.word[:n], self.cap[:n]
        )


# the token pattern as a separator: `split` returns [gap, token, gap, token, ..., gap] (the gaps
# are white space), so the offsets are running sums of the lengths (no per-token Python code)
_TOKEN_SPLIT = regex.compile("(" + _TOKEN.pattern + ")")


# Text of common characters only (`_text.is_common`): the `_TOKEN_SPLIT` classes spelled
# out for the standard library's `re`, about 2.5x faster per token.
@functools.cache
def _common_token_classes() -> tuple[str, str, str, str]:
    """The `_TOKEN_SPLIT` classes spelled out for `re` on common characters.

    A word's first character, its inner characters, a character after a dot inside it
    ("U.S"), and a punctuation token.
    """
    return (
        common_char_class(regex.compile(r"[\p{L}\p{N}]")),
        common_char_class(regex.compile(r"[\p{L}\p{M}\p{N}'’\-]")),
        common_char_class(regex.compile(r"[\p{L}\p{M}\p{N}]")),
        common_char_class(regex.compile(r"[^\s\p{L}\p{N}]")),
    )


@functools.cache
def _common_split(*, dotted: bool = True) -> re.Pattern[str]:
    """`_TOKEN_SPLIT` for text of common characters only (classes from the `regex` module).

    With *dotted* False, for text where no word character is followed by a period and a
    letter or digit (`_dotted_word`): the pattern without the dotted part ("U.S", "3.5"),
    which never matches there, and which costs `re` a group repetition at every word.
    """
    start, inner, after_dot, punct = _common_token_classes()
    # no possessive `*+` (the `re` module has them from Python 3.11 on): nothing follows the
    # repetitions inside the group, so the greedy ones match the same
    dots = f"(?:\\.{start}{after_dot}*)*" if dotted else ""
    return re.compile(f"({start}{inner}*{dots}|{punct})")


@functools.cache
def _common_splits() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Return `_common_split` without and with the dotted part (index: dotted)."""
    return _common_split(dotted=False), _common_split(dotted=True)


@functools.cache
def _dotted_word() -> re.Pattern[str]:
    """Find a period between a word character and a letter or digit (where "U.S" goes on).

    It starts with a literal, which `re` looks for fast.
    """
    start, inner, _, _ = _common_token_classes()
    return re.compile(f"\\.(?<={inner}\\.)(?={start})")


# per Latin-1 byte: 1 for a letter or digit (`word`), for a capital or digit (`cap`); the
# General Punctuation block (U+2000-U+206F, the rest of the common characters) has neither
_WORD_FLAGS = bytes(chr(b).isalnum() for b in range(256))
_CAP_FLAGS = bytes(chr(b).isupper() or chr(b).isdigit() for b in range(256))


def _tokens(text: str, lo: int, hi: int) -> _Toks:
    """Return the tokens of ``text[lo:hi]`` (what ``_TOKEN.finditer`` finds there)."""
    # `split` takes no pos/endpos: one C-level copy of the range (no look-arounds in _TOKEN)
    chunk = text[lo:hi]
    ascii_only = chunk.isascii()
    common = ascii_only or is_common(chunk)
    split: re.Pattern[str] | regex.Pattern[str] = (
        _common_splits()[_dotted_word().search(chunk) is not None] if common else _TOKEN_SPLIT
    )
    parts: list[str] = split.split(chunk)
    pos = list(itertools.accumulate(map(len, parts), initial=lo))
    texts = parts[1::2]
    if not texts:
        return _Toks([], [], [], [], b"", b"")
    starts = pos[1:-1:2]
    # the first character of each token, picked from the text by one C-level item getter
    # (of a single index, it returns that character alone: the same string)
    firsts = "".join(operator.itemgetter(*starts)(text))
    if ascii_only and "\0" not in chunk:
        # `lower` is `casefold` on ASCII: one call on the tokens joined by a character that
        # none holds, cut there again, is faster than a call per token
        low = "\0".join(texts).lower().split("\0")
    else:
        low = list(map(str.casefold, texts))
    if common:
        # one byte per token (General Punctuation becomes "?"), classified by two tables
        codes = firsts.encode("latin-1", "replace")
        word, cap = codes.translate(_WORD_FLAGS), codes.translate(_CAP_FLAGS)
    else:
        word = bytes(map(str.isalnum, firsts))
        cap = bytes(map(operator.or_, map(str.isupper, firsts), map(str.isdigit, firsts)))
    return _Toks(starts, pos[2::2], texts, low, word, cap)


def _head_tokens(text: str, lo: int, hi: int, n: int) -> _Toks:
    """Return the first *n* tokens of ``text[lo:hi]`` (all of them if there are fewer)."""
    # tokens never hold white space: cut the range at a space far enough for *n* tokens (news
    # text has about 5.3 characters per token; try twice that if the first cut is too short)
    for chars in (6 * n, 12 * n):
        cut = text.find(" ", min(hi, lo + chars), hi)
        if cut < 0:
            break
        toks = _tokens(text, lo, cut)
        if len(toks) >= n:
            return toks.head(n)
    return _tokens(text, lo, hi).head(n)


# ---------------------------------------------------------------------------------------------
# Speakers found in the text (before resolution)


@attrs.define
class _Spk:
    start: int
    end: int
    possessive: bool = False  # "Trump’s comments": the possessor spoke


@attrs.define
class _Attr:
    speaker: _Spk | None
    cue: tuple[int, int] | None
    rule: str


_HEAD_PREPOSITIONS = frozenset({"for", "from", "of", "on", "at", "in", "with", "close"})


def _np_is_plausible(toks: _Toks, i: int, e: int) -> bool:
    """Return True if tokens ``[i, e]`` can be a speaker ("the minister", "officials")."""
    if i == e:  # one token, the usual case ("he", "Lee"): the tests below for one word
        if not toks.word[i]:
            return False
        w = toks.low[i]
        return w in _PRONOUNS or w in _DETERMINERS or toks.cap[i] == 1 or w.endswith("s")
    words = list(itertools.compress(range(i, e + 1), toks.word[i : e + 1]))
    if not words or len(words) > _MAX_NP:
        return False
    low = toks.low
    if len(words) == 1 and low[words[0]] in _PRONOUNS:
        return True
    cap = toks.cap
    if any(map(cap.__getitem__, words[1:])):
        return True  # "panel Chairman Rep. Jason Chaffetz"
    first = words[0]
    if low[first] in _DETERMINERS or cap[first]:
        return True
    # bare plurals: "officials", "experts", "analysts"
    if len(words) <= 3 and low[words[-1]].endswith("s"):  # noqa: PLR2004
        return True
    # a plural head and its complement: "attorneys for the family", "officials from both parties"
    return any(
        low[words[h]].endswith("s") and low[words[h + 1]] in _HEAD_PREPOSITIONS
        for h in range(min(2, len(words) - 1))
    )


def _np_backward(toks: _Toks, j: int, lo_index: int) -> tuple[int, int] | None:
    """Return token indexes [i, j] of the noun phrase ending at token *j*, or None."""
    tok, word, low = toks.text, toks.word, toks.low
    cues = _cues()
    i = j
    words = 0
    while i >= lo_index:
        t = tok[i]
        if t == ")":
            k = i - 1
            while k >= lo_index and k > i - 8 and tok[k] != "(":
                k -= 1
            if k < lo_index or tok[k] != "(":
                break
            i = k - 1
            continue
        if t == "." and i > lo_index and word[i - 1] and i - 1 >= lo_index:
            i -= 1  # "Rep." "Jr."
            continue
        if not word[i]:
            if t in "’'" and i > lo_index and word[i - 1]:
                i -= 1  # a possessive "Pakistan’s"
                continue
            break
        if i > lo_index + 1 and tok[i - 1] == "&" and toks.cap[i] and toks.cap[i - 2]:
            words += 2
            i -= 3  # "AT&T", "Florida Power & Light spokesman Tom Lee": both sides are in
            continue
        w = low[i]
        if w in _STOP or (w in cues and i != j and not toks.cap[i]):
            break
        words += 1
        if words > _MAX_NP:
            return None
        i -= 1
    i += 1
    while i <= j and not word[i] and tok[i] != "(":
        i += 1
    if i > j:
        return None
    if low[i] in _PP_STARTS and not tok[i].isupper():  # "AT&T" is no "at"
        # "who in 2010 said": a prepositional phrase is no speaker; after one that opens the
        # sentence without its comma, the name that ends it is ("In a 2016 meeting Trump
        # said" is Trump's)
        if not toks.cap[i]:
            return None
        if toks.cap[j]:
            n = j
            while (
                n > i + 1
                and toks.cap[n - 1]
                and word[n - 1]
                and low[n - 1] not in _DATE_NAMES
                and not low[n - 1][0].isdigit()
            ):
                n -= 1  # not "In March Ecuador said", "On February 20 Jose Sarney said"
            return n, j
    return i, j


_DATE_NAMES = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
     "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
     "saturday", "sunday"}
)  # fmt: skip


_PP_STARTS = frozenset(
    {"in", "on", "at", "by", "with", "without", "during", "including", "from", "for", "of",
     "into", "over", "under", "after", "before", "since", "until", "amid", "to", "via",
     "through", "across", "near", "outside", "inside", "aboard", "toward", "towards"}
)  # fmt: skip


_VERB_ADVERBS = frozenset(
    {"also", "again", "instead", "later", "then", "too", "still", "once", "now", "earlier",
     "further", "meanwhile", "separately", "nonetheless", "however", "previously", "often"}
)  # fmt: skip


_LIGHT_VERBS = frozenset(
    {"made", "makes", "issued", "issues", "gave", "gives", "offered", "offers", "released",
     "releases", "delivered", "delivers"}
)  # fmt: skip
# adverbs between a cue and its "that": "said only that", "said repeatedly that"
_THAT_ADVERBS = _VERB_ADVERBS | {"only", "simply", "merely", "just", "privately", "publicly"}
_READ = frozenset({"read", "reads", "reading"})  # a title after them is no speech
_PLEAD = frozenset({"plead", "pleads", "pleaded", "pled", "pleading"})
_PLEAS = frozenset({"guilty", "not", "no", "innocent"})
_LY_NOUNS = frozenset(
    {"family", "ally", "assembly", "rally", "supply", "monopoly", "bully", "reply", "anomaly"}
)


def _is_possessive(toks: _Toks, j: int) -> bool:
    """Say whether token *j* ends a possessive: "Lee's", "Jones'", the "s" of "Lee ’ s"."""
    low = toks.low[j]
    return low.endswith(("'s", "’s", "'", "’")) or (
        low == "s" and j > 0 and toks.text[j - 1] in "'’"
    )


def _subject_before(toks: _Toks, k: int, lo_index: int, *, relative: bool = False) -> _Spk | None:
    """Return the subject of the cue verb at token *k* ("Asif", "the minister", "he").

    With *relative*, a relative "who" is a subject too ("Stevie Wonder, who joked that …":
    the speaker's text is "who", resolved to the name before it).
    """
    word, low = toks.word, toks.low
    j = k - 1
    while j >= lo_index and word[j] and low[j] in _AUX and not toks.cap[j]:  # not "Theresa May"
        j -= 1
    while (
        j >= lo_index
        and word[j]
        and not toks.cap[j]
        and (low[j] in _VERB_ADVERBS or (low[j].endswith("ly") and low[j] not in _LY_NOUNS))
        and not (j > lo_index and (low[j - 1] in _DETERMINERS or _is_possessive(toks, j - 1)))
    ):
        j -= 1  # "He instead said", "Lee later said"; not "the family said"
    if j < lo_index:
        return None
    if relative and low[j] == "who" and word[j]:
        return _Spk(toks.start[j], toks.end[j])
    if toks.text[j] in _DASHES:
        return _before_dashes(toks, j, lo_index)
    if toks.text[j] == ",":
        # apposition: "Kenneth Baer, a former official, said"; up to two of them: "Ann Lee,
        # the attorney general of Ohio, one of the states suing, said"
        for _ in range(_MAX_APPOSITIONS):
            found = _before_apposition(toks, j, lo_index, _COMMA, _MAX_COMMA_APPOSITION)
            if found is None:
                return None
            c, i, e = found
            if (i == e and toks.text[i].isdigit()) or _PARTY_STATE.fullmatch(toks.text[i]):
                # an age, a year or a party and state: "Schiff, 56, who …, told", "since
                # Jan. 1, 2015, shows", "James Lankford, R-Okla., the lead negotiator, said"
                j = c
                continue
            if toks.low[i] in _DETERMINERS and _np_is_plausible(toks, i, e):
                # "the aide, Ana Ruiz, said" is Ana Ruiz (the whole phrase is the mention);
                # "the mayor, a teacher, said" is the mayor, unless that phrase is itself an
                # apposition ("Scott Pruitt, the attorney general, one of …, said")
                name = None
                if toks.cap[c + 1] and toks.low[c + 1] not in _DETERMINERS:
                    name = _np_forward(toks, c + 1, j)
                if name is not None:
                    return _Spk(toks.start[i], name.end)
                if i == lo_index or toks.text[i - 1] != ",":
                    return _Spk(toks.start[i], toks.end[e])
            if toks.cap[i] and toks.low[i] not in _PRONOUNS:
                return _Spk(toks.start[i], toks.end[e])
            j = c
        return None
    span = _np_backward(toks, j, lo_index)
    if span is None:
        return None
    i, e = span
    for v in range(i + 1, e):
        if toks.low[v] in _LIGHT_VERBS and not toks.cap[v] and toks.low[v + 1] in _DETERMINERS:
            # "Sanders made the following comment:" is Sanders's; "a poll released Friday"
            # keeps its words (no determiner after the verb)
            e = v - 1
            break
    if toks.low[e] in _DETERMINERS:
        return None
    if not _np_is_plausible(toks, i, e):
        # "Experts on North Korea and nuclear nonproliferation said": one conjunct is not
        # a speaker, the whole phrase is
        if i - 2 < lo_index or toks.low[i - 1] not in {"and", "or"}:
            return None
        left = _np_backward(toks, i - 2, lo_index)
        if left is None or not toks.cap[left[0]] or toks.low[left[0]] in _PRONOUNS:
            return None
        i = left[0]
    return _Spk(toks.start[i], toks.end[e])


_COMMA = frozenset(",")
# a party and state after a US lawmaker's name: "R-Okla", "D-N.Y", "I-Vt"
_PARTY_STATE = re.compile(r"[RDI]-[A-Z][A-Za-z.]{1,12}")
_MAX_COMMA_APPOSITION = 20  # tokens between the commas of "Baer, a former official, said"
_MAX_DASH_APPOSITION = 25  # tokens between the dashes of "Kall -- co-editor of … -- said"


def _before_apposition(
    toks: _Toks, j: int, lo_index: int, delims: AbstractSet[str], window: int
) -> tuple[int, int, int] | None:
    """Find the apposition the delimiter at token *j* closes, and the noun phrase before it.

    Return ``(c, i, e)``: *c* the token that opens the apposition, ``[i, e]`` the noun phrase
    that ends right before it ("Kenneth Baer" in "Kenneth Baer, a former official, said"),
    or None. The delimiters are commas or dashes ("--" is two tokens): the opening one lies
    within *window* tokens, with no quotation mark (a nickname's aside: Marcia "Cia"
    Price), no semicolon and no colon in between.
    """
    c = j - 1
    while c > lo_index and toks.text[c] in delims:
        c -= 1
    while c >= lo_index and c > j - window and toks.text[c] not in delims:
        mark = toks.text[c] in _QUOTE_CHARS and not _between_names(toks, c)
        if mark or toks.text[c] in ";:":
            return None
        c -= 1
    if c < lo_index or toks.text[c] not in delims:
        return None
    while c > lo_index and toks.text[c - 1] in delims:
        c -= 1
    span = _np_backward(toks, c - 1, lo_index)
    return None if span is None else (c, *span)


def _before_dashes(toks: _Toks, j: int, lo_index: int) -> _Spk | None:
    """Return X in "X -- a co-editor of the book -- said" (token *j* is the closing dash)."""
    found = _before_apposition(toks, j, lo_index, _DASHES, _MAX_DASH_APPOSITION)
    if found is None:
        return None
    _, i, e = found
    role = toks.low[i] in _DETERMINERS and _np_is_plausible(toks, i, e)  # "the mayor -- …"
    if role and i - 2 >= lo_index and toks.text[i - 1] == ",":
        # "John Dickey, the chief executive of Ora Media -- the company that … -- told me"
        name = _np_backward(toks, i - 2, lo_index)
        if name is not None and toks.cap[name[0]] and toks.low[name[0]] not in _PRONOUNS:
            return _Spk(toks.start[name[0]], toks.end[name[1]])
    if not (role or toks.cap[i]) or toks.low[i] in _PRONOUNS:
        return None
    return _Spk(toks.start[i], toks.end[e])


def _np_forward(toks: _Toks, i: int, hi_index: int) -> _Spk | None:
    """Return the noun phrase starting at token *i* ("said Asif", "said the minister")."""
    if i >= hi_index or not toks.word[i]:
        return None
    if (toks.low[i] in _FORWARD_STOP and toks.low[i] not in _DETERMINERS) or toks.low[i] == "that":
        return None
    if (
        toks.low[i] in _STOP or toks.low[i] in _OPENERS
    ):  # "Though she said …" has no subject "Though"
        return None
    if not (toks.cap[i] or toks.low[i] in _DETERMINERS or toks.low[i] in _PRONOUNS):
        return None
    if toks.low[i] in _PRONOUNS:
        return _Spk(toks.start[i], toks.end[i])  # "she", not "she put it"
    j = i
    words = 0
    last = i
    name_led = toks.cap[i] and toks.low[i] not in _DETERMINERS and not toks.text[i][0].isdigit()
    while j < hi_index:
        if toks.text[j] == "/" and j > i and j + 1 < hi_index and toks.word[j + 1]:
            last = j  # "9/11 widow Terry Strada"
            j += 1
            continue
        if toks.text[j] == "(":
            k = j + 1
            while k < hi_index and k < j + 8 and toks.text[k] != ")":
                k += 1
            if k >= hi_index or toks.text[k] != ")":
                break
            last = k
            j = k + 1
            continue
        if toks.text[j] == "." and j > i and toks.word[j - 1] and len(toks.text[j - 1]) <= 3:  # noqa: PLR2004
            if j + 1 < hi_index and toks.word[j + 1] and toks.cap[j + 1]:
                last = j
                j += 1
                continue
            break
        if toks.text[j] in "’'" and j + 1 < hi_index and toks.low[j + 1] == "s":
            last = j + 1
            j += 2
            continue
        if toks.text[j] == "&" and j > i and j + 1 < hi_index and toks.cap[j + 1]:
            j += 1  # "a spokesman for Procter & Gamble"
            continue
        if name_led and j > i and toks.text[j] in _NICKNAME_OPEN:
            close = _nickname_close(toks, j, hi_index)
            if close is None:
                break
            j = close + 1  # Marcia "Cia" Price
            continue
        if not toks.word[j]:
            break
        if j > i and (
            toks.low[j] in _FORWARD_STOP and not (toks.low[j] == "of" and _next_cap(toks, j))
        ):
            break
        if (
            j > i
            and name_led
            and not toks.cap[j]
            and toks.low[j] not in _NAME_JOINERS
            and (toks.low[j] not in load_set("quotes_titles.txt") or not _next_cap(toks, j))
        ):
            t = _title_run_end(toks, j, hi_index)
            if t is None:
                break  # "Ruiz spoke": a name ends at the first lower-case word
            words += t - j
            j = t  # "Democratic presidential nominee Hillary Clinton"
            continue
        if (
            j > i + 1
            and not name_led
            and not toks.cap[j]
            and _is_past_form(toks.low[j])
            and _verb_follows(toks, j, hi_index)
        ):
            break  # "the mayor closed the bridge", "the man accused of": a verb ends it
        words += 1
        if words > _MAX_NP:
            return None
        last = j
        j += 1
    if last < i:
        return None
    return _Spk(toks.start[i], toks.end[last])


_MAX_TITLE_RUN = 3


def _title_run_end(toks: _Toks, j: int, hi_index: int) -> int | None:
    """Return the index of the title that ends a lower-case run at token *j* before a name.

    "Democratic presidential nominee Hillary Clinton": the words "presidential nominee" end
    in a title and a capitalised word follows, so the name goes on.
    """
    k = j
    while k < min(hi_index, j + _MAX_TITLE_RUN) and toks.word[k] and not toks.cap[k]:
        if toks.low[k] in _FORWARD_STOP or toks.low[k] in _STOP:
            return None
        if toks.low[k] in load_set("quotes_titles.txt") and _next_cap(toks, k):
            return k
        k += 1
    return None


def _between_names(toks: _Toks, c: int) -> bool:
    """Say whether the mark at token *c* has capitalised words on both sides: Marcia "Cia" Price."""
    return 0 < c < len(toks) - 1 and bool(
        toks.word[c - 1] and toks.cap[c - 1] and toks.word[c + 1] and toks.cap[c + 1]
    )


_NICKNAME_OPEN = frozenset('"“‘')
_NICKNAME_CLOSE = frozenset('"”’')
_MAX_NICKNAME_WORDS = 3


def _nickname_close(toks: _Toks, j: int, hi_index: int) -> int | None:
    """Return the closing mark of a nickname opened at token *j*, or None: Thomas "Tip" O'Neill.

    A given name (`lexicons/entities_first_names.txt`) before the opening mark, one to
    three capitalised words, then the closing mark and a capitalised word.
    """
    if (
        j == 0
        or toks.text[j] not in _NICKNAME_OPEN
        or not (toks.word[j - 1] and toks.cap[j - 1])
        or toks.low[j - 1] not in load_set("entities_first_names.txt")
    ):
        return None
    for c in range(j + 1, min(hi_index - 1, j + 2 + _MAX_NICKNAME_WORDS)):
        if toks.text[c] in _NICKNAME_CLOSE:
            return c if c > j + 1 and toks.word[c + 1] and toks.cap[c + 1] else None
        if not (toks.word[c] and toks.cap[c]):
            return None
    return None


def _verb_follows(toks: _Toks, j: int, hi_index: int) -> bool:
    """Say whether the past form at token *j* acts as a verb.

    It does after a name ("The Bank of England raised rates") or before an object or
    "of"/"by"; not after an adverb, a number or a determiner ("the newly appointed
    minister", "the two unnamed officials"), where it is an adjective.
    """
    before = toks.low[j - 1]
    if (
        before.endswith("ly")
        or before in _DETERMINERS
        or before in _NUMBER_WORDS
        or before[:1].isdigit()
    ):
        return False
    if j + 1 >= hi_index or toks.cap[j - 1]:
        return True  # after a name: "The Bank of England raised rates"
    after = toks.low[j + 1]
    return after in _DETERMINERS or after in _OBJECT_PRONOUNS or after in {"of", "by", "in"}


_NUMBER_WORDS = frozenset(
    {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "few"}
)


def _is_past_form(low: str) -> bool:
    """Say whether a lower-case word reads as a past tense or participle ("closed")."""
    return len(low) > 4 and low.endswith("ed") and not low.endswith(("eed", "hundred"))  # noqa: PLR2004


def _next_cap(toks: _Toks, j: int) -> bool:
    return j + 1 < len(toks) and toks.word[j + 1] == 1 and toks.cap[j + 1] == 1


def _is_participle(low: str) -> bool:
    return low.endswith("ing")


def _possessor(toks: _Toks, k: int, lo_index: int) -> _Spk | None:
    """Return X in "X’s comments (suggesting)" when token *k* follows a possessed speech noun."""
    j = k - 1 if _is_participle(toks.low[k]) or toks.low[k] == "that" else k
    if j < lo_index or not toks.word[j] or toks.low[j] not in load_set("quotes_speech_nouns.txt"):
        return None
    owner = j - 1
    if owner < lo_index or not toks.low[owner].endswith(("’s", "'s", "s’", "s'")):
        return None
    span = _np_backward(toks, owner, lo_index)
    if span is None:
        return None
    i, e = span
    while i < e and not toks.cap[i]:
        i += 1  # "former U.S. President Donald Trump’s"
    if not toks.cap[i]:
        return None
    end = toks.end[e] - (2 if toks.low[e].endswith(("’s", "'s")) else 1)
    return _Spk(toks.start[i], end, possessive=True)


# ---------------------------------------------------------------------------------------------
# Attribution around one quote


def _tail_attribution(toks: _Toks, k: int, hi_index: int) -> _Attr | None:
    """Attribution right after a closing mark: `, he said`, `, said Asif`, `— Carla Sanchez`."""
    dash = False
    while k < hi_index and not toks.word[k]:
        if toks.text[k] in _DASHES:
            dash = True
        stop = toks.text[k] in '(["“”„«»' or toks.text[k] in ".!?;:"
        if stop and not (toks.text[k] in ".!?" and dash):
            return None
        k += 1
    if k >= hi_index:
        return None
    if toks.low[k] == "according" and k + 1 < hi_index and toks.low[k + 1] == "to":
        spk = _np_forward(toks, k + 2, hi_index)
        return _Attr(spk, (toks.start[k], toks.end[k + 1]), "quote.according-to")
    cues = _cues()
    if toks.low[k] in cues and not _is_participle(toks.low[k]):
        spk = _np_forward(toks, k + 1, hi_index)
        if spk is not None:
            return _Attr(spk, (toks.start[k], toks.end[k]), "quote.inverted")
        if not toks.cap[k]:
            return None
    # speaker first: find the cue within a few tokens
    tok, word, low, cap = toks.text, toks.word, toks.low, toks.cap
    for c in range(k, min(hi_index, k + _MAX_TAIL)):
        t = tok[c]
        if (t in _QUOTE_CHARS and not _between_names(toks, c)) or (
            t in ".!?;:" and not _abbrev_dot(toks, c)
        ):
            break
        if word[c] and c > k and not cap[c] and low[c] in cues:
            if low[c - 1] in _DETERMINERS:
                continue  # a noun: "one of the states suing", "the claims"
            spk = _subject_before(toks, c, k)
            if spk is not None and (
                spk.start == toks.start[k] or _named_in_apposition(toks, k, spk)
            ):
                cue_start = toks.start[c]
                if toks.low[c] == "saying" and c >= 2 and toks.low[c - 2] == "quoted":  # noqa: PLR2004
                    cue_start = toks.start[c - 3] if toks.low[c - 3] in {"was", "is"} else cue_start
                return _Attr(spk, (cue_start, toks.end[c]), "quote.attributed-after")
            if spk is not None:
                break  # the cue has a subject of its own: not an attribution of this quote
    if dash:
        spk = _np_forward(toks, k, hi_index)
        if spk is not None and toks.cap[k]:
            return _Attr(spk, None, "quote.dash")
    return None


def _named_in_apposition(toks: _Toks, k: int, spk: _Spk) -> bool:
    """Say whether *spk* is the name after a head that opens at token *k*: "the aide, Ana Ruiz"."""
    if toks.low[k] not in _DETERMINERS:
        return False
    c = _index_at(toks, spk.start, k, len(toks))
    return c - 1 > k and toks.text[c - 1] == "," and "," not in toks.text[k : c - 1]


def _abbrev_dot(toks: _Toks, c: int) -> bool:
    """Return True if the period at token *c* ends "Rep.", "E." or "(D-Md.)", not a sentence."""
    if c == 0 or not toks.word[c - 1] or not toks.cap[c - 1]:
        return False
    if len(toks.text[c - 1]) <= 3:  # noqa: PLR2004
        return True
    return c + 1 < len(toks) and toks.text[c + 1] in "),"


def _lead_cue(toks: _Toks, lo_index: int, k: int) -> int | None:
    """Return the index of the nearest cue verb before token *k* (not inside quotes)."""
    cues = _cues()
    low = toks.low
    first = max(lo_index, k - 40)
    # only a cue verb, "according" or "words" can answer: pick them at C speed, nearest first
    hits = list(itertools.compress(range(first, k), map(_lead_words().__contains__, low[first:k])))
    for c in reversed(hits):
        if toks.word[c] and low[c] in cues and not (toks.cap[c] and c != lo_index):
            if _after_modal(toks, c, lo_index) or _noun_cue(toks, c, k):
                continue  # "will say"; "Kim's mental state is": no speech
            if (
                c > lo_index
                and (toks.low[c - 1] in _ARTICLES or _possessed_noun(toks, c, lo_index))
                and toks.text[c + 1] != ":"
            ):
                continue  # "wrote in a note that": a noun ("changed my answer:" introduces)
            return c
        if low[c] == "according" and c + 1 < k and low[c + 1] == "to":
            return c
        if _in_the_words_of(toks, c, lo_index, k) or _as_x_put_it(toks, c, lo_index, k):
            return c
    return None


_COPULAS = frozenset({"is", "was", "are", "were", "has", "had", "will", "would"})


def _noun_cue(toks: _Toks, c: int, hi: int) -> bool:
    """Say whether the cue word at token *c* is a noun: "Kim's mental state is", "his comment was".

    A past form before a copula is still a verb, of a clause inside a clause: "which he said
    were at his side".
    """
    return (
        c + 1 < hi
        and toks.low[c + 1] in _COPULAS
        and not toks.low[c].endswith("ed")
        and toks.low[c] not in _IRREGULAR_PAST
    )


# past forms that do not end in -ed
_IRREGULAR_PAST = frozenset(
    {"said", "sang", "told", "wrote", "written", "spoke", "thought", "felt", "knew", "found",
     "died", "hurt", "fell", "rose", "lost", "won", "left", "made", "took", "came", "went",
     "got", "gave", "paid", "sold", "cut", "hit", "ran", "began", "grew", "led", "kept", "held",
     "met", "spent", "fled", "struck", "shot", "stole", "broke", "built", "sent", "brought"}
)  # fmt: skip


def _after_modal(toks: _Toks, c: int, lo: int) -> bool:
    """Say whether the cue at token *c* follows a modal ("will say"): no speech yet.

    A capitalised modal is a name: "Theresa May said".
    """
    return c > lo and toks.low[c - 1] in _MODALS and not toks.cap[c - 1]


def _as_x_put_it(toks: _Toks, c: int, lo_index: int, k: int) -> bool:
    """Return True at "put" of "as X put it": an attribution like "according to"."""
    if toks.low[c] != "put" or c + 1 >= k or toks.low[c + 1] != "it":
        return False
    # "as" right before the subject: only the words of a noun phrase between them (not "As
    # the storm hit, she put it in the car")
    j = c - 1
    while j > lo_index and j > c - _MAX_NP and toks.low[j] != "as":
        if not toks.word[j] and toks.text[j] not in ".’'":
            return False
        j -= 1
    return toks.low[j] == "as" and j < c - 1


def _in_the_words_of(toks: _Toks, c: int, lo_index: int, k: int) -> bool:
    """Return True at "words" of "in the words of X": an attribution like "according to"."""
    return (
        toks.low[c] == "words"
        and c + 1 < k
        and toks.low[c + 1] == "of"
        and c - 2 >= lo_index
        and toks.low[c - 1] == "the"
        and toks.low[c - 2] == "in"
    )


# ---------------------------------------------------------------------------------------------
# One paragraph


@attrs.define
class _Found:
    start: int
    end: int
    kind: QuoteKind
    rule: str
    attr: _Attr | None
    chain: int | None = None
    link: _Found | None = None  # an earlier piece of the same utterance
    sentence: int = 0


@attrs.define
class _Paragraph:
    quotes: list[_Found]
    last_speaker: _Attr | None = None
    colon_intro: _Attr | None = None  # the paragraph ends "X said:"
    carried: list[_Found] = attrs.Factory(list)  # chain heads passed over an aside


_DOUBLE_MARK_CHARS = frozenset('"“”„«»')  # a lead (the words before a quote) leaves them out


def _masked(starts: list[int], spans: list[tuple[int, int]]) -> list[bool]:
    """Return, per token start, whether it lies inside a quotation span (marks excluded).

    *spans* are sorted and disjoint, so each one covers a run of tokens found by bisection.
    """
    out = [False] * len(starts)
    for s, e in spans:
        a = bisect.bisect_left(starts, s)
        b = bisect.bisect_left(starts, e)
        out[a:b] = [True] * (b - a)
    return out


_TITLE_NOUNS = frozenset(
    {"album", "book", "column", "documentary", "film", "movie", "novel", "play", "podcast",
     "poem", "program", "programme", "series", "show", "song"}
)  # fmt: skip
_MAX_TITLE_WORDS = 6
_TITLE_SMALL_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})


def _scare(text: str, toks: _Toks, k: int, lo_index: int, raw: _Raw) -> bool:
    """Return True if the quote is a name, title or scare quote ("the so-called ‘caliphate’")."""
    if k - 1 < lo_index:
        return False
    markers = load_set("quotes_scare_markers.txt")
    word = toks.low[k - 1]
    if _nickname_close(toks, k, len(toks)) is not None:
        return True  # a nickname inside a name
    if toks.text[k - 1] == "," and k - 2 >= lo_index and toks.low[k - 2] in _TITLE_NOUNS:
        # a title in apposition: "on Mr. King's show, ‘Politicking.’": a few words in title
        # case (not "Asked about the series, "It was fun," Lee said.")
        words = text[raw.start : raw.end].split()
        return 0 < len(words) <= _MAX_TITLE_WORDS and all(
            w[0].isupper() or (i > 0 and w in _TITLE_SMALL_WORDS) for i, w in enumerate(words)
        )
    if toks.text[k - 1] in ",:" or not toks.word[k - 1]:
        return False
    if word == "known" or (word == "as" and k - 2 >= lo_index and toks.low[k - 2] == "known"):
        return True
    if word not in markers:
        return False
    if word in {"called", "named", "dubbed", "termed", "labeled", "labelled", "branded"}:
        b = k - 2
        if b >= lo_index and (toks.low[b] in _PRONOUNS or toks.cap[b] or toks.low[b] == "it"):
            return False  # "what he called ‘a disaster’" is speech
    return True


# what may follow the first capital of a `_TRANSCRIPT` name
_TRANSCRIPT_SECOND = frozenset("'’.-")


def _may_be_transcript(text: str, lo: int, hi: int) -> bool:
    """Return False if `_TRANSCRIPT` cannot match at *lo* (a cheap test of its first characters).

    A transcript name opens with a capital followed by another capital or ``'’.-``
    (after an optional opening mark); most paragraphs fail on the second character.
    """
    i = lo + 1 if lo < hi and text[lo] in '"“' else lo
    if i + 1 >= hi or not text[i].isupper():
        return False
    second = text[i + 1]
    return second.isupper() or second in _TRANSCRIPT_SECOND


def _analyse_paragraph(
    text: str,
    lo: int,
    hi: int,
    raws: list[_Raw],
    *,
    previous: _Paragraph | None,
    indirect: bool,
    reported: list[_Found],
    single_style: bool = False,
) -> _Paragraph:
    """Classify and attribute the quotes of one paragraph; add reported speech to *reported*."""
    transcript = _TRANSCRIPT.match(text, lo, hi) if _may_be_transcript(text, lo, hi) else None
    if transcript is not None and transcript.group("name").casefold() not in _NOT_SPEAKERS:
        # "WALLACE: Do you really…": the rest of the paragraph is the speaker's
        said = _content(text, transcript.end(), hi, trim=False)
        para = _Paragraph([])
        if said is not None:
            who = _Attr(_Spk(*transcript.span("name")), None, "quote.transcript")
            # `"PENCE: Well, …` may open a quote that the next paragraphs continue
            opened = raws[0] if raws and raws[0].open_at == lo else None
            chain = None if opened is None else opened.chain
            end = said[1] if opened is None else min(said[1], max(opened.end, said[0]))
            para.quotes.append(_Found(said[0], end, "direct", "quote.transcript", who, chain=chain))
            para.last_speaker = who
        return para
    if not raws:
        return _plain_paragraph(text, lo, hi, indirect=indirect, reported=reported)
    protected = [(r.open_at, r.close_end) for r in raws]
    toks = _tokens(text, lo, hi)
    starts = toks.start
    sentences = _merge_attributions(
        toks, starts, iter_sentences(text, lo, hi, protected), {r.close_end for r in raws}
    )
    inside = _masked(starts, [(r.start, r.end) for r in raws])
    cues = _cues()
    para = _Paragraph([])
    found_by_raw: dict[int, _Found] = {}
    sent_starts = [s for s, _ in sentences]
    sent_first_tok = [bisect.bisect_left(starts, s) for s, _ in sentences]
    sent_end_tok = [bisect.bisect_left(starts, e) for _, e in sentences]
    last_attr: _Attr | None = None
    last_found: _Found | None = None
    sentence_subject: dict[int, _Attr] = {}

    for ri, raw in enumerate(raws):
        si = max(0, bisect.bisect_right(sent_starts, raw.open_at) - 1)
        t_lo, t_hi = sent_first_tok[si], sent_end_tok[si]
        k_open = bisect.bisect_left(starts, raw.open_at)
        k_close = bisect.bisect_left(starts, raw.close_end)
        # the lead: tokens of this sentence before the quote, outside quotes
        lead = [
            c
            for c in range(max(t_lo, k_open - _WINDOW), k_open)
            if not inside[c] and toks.text[c] not in _DOUBLE_MARK_CHARS
        ]
        lead_words = [c for c in lead if toks.word[c]]
        at_start = not lead_words or raw.open_at == lo
        prev_raw_close = raws[ri - 1].close_end if ri > 0 else -1
        after_prev_quote = prev_raw_close >= 0 and prev_raw_close >= sentences[si][0]
        if after_prev_quote:
            lead_words = [c for c in lead_words if toks.start[c] >= prev_raw_close]
        last_lead = lead[-1] if lead else None
        colon_or_comma = last_lead is not None and toks.text[last_lead] in ",:"
        tail = _tail_attribution(toks, k_close, t_hi) if not raw.continues else None
        if raw.continued and previous is not None:
            # a later piece of a multi-paragraph quote: the speaker of the first piece
            first = next(
                (
                    q
                    for q in itertools.chain(reversed(previous.quotes), previous.carried)
                    if q.chain == raw.chain
                ),
                None,
            )
            if _aside(text, raw):
                # `"(CROSSTALK.)` inside a quoted transcript is no one's words
                if first is not None:
                    para.carried.append(first)
                continue
            f = _Found(
                raw.start, raw.end, "direct", "quote.multi-paragraph",
                first.attr if first else None, chain=raw.chain, sentence=si,
            )  # fmt: skip
            f.link = first
            if first is not None and first.attr is not None and tail is None:
                f.attr = first.attr
            elif tail is not None:
                f.attr = tail
                if first is not None and first.attr is None:
                    first.attr = tail
            para.quotes.append(f)
            found_by_raw[ri] = f
            last_attr = f.attr or last_attr
            last_found = f
            continue
        if (
            not raw.double
            and not single_style
            and not at_start
            and not colon_or_comma
            and lead_words
        ):
            # single quotes mid-sentence are names or scare quotes more often than speech
            continue
        if _scare(text, toks, k_open, t_lo, raw):
            continue
        lead_cue = _lead_cue(toks, t_lo if not after_prev_quote else k_open - len(lead), k_open)
        lead_cue = lead_cue if lead_cue is None or not inside[lead_cue] else None
        direct = at_start or (colon_or_comma and (lead_cue is not None or after_prev_quote))
        if (
            direct
            and not at_start
            and lead_cue is not None
            and not text[raw.start : raw.start + 1].isupper()
            and _inside_that_clause(toks, lead_cue, last_lead)  # type: ignore[arg-type]
        ):
            direct = False  # `said that for young voters, “the rate … is 51 percent.”`
        if not direct and colon_or_comma and toks.text[last_lead] == ":" and lead_words:  # type: ignore[index]
            direct = True
        if (
            not direct
            and after_prev_quote
            and last_found is not None
            and last_found.kind == "direct"
            and last_found.sentence == si
            and tail is None
            and _conjoined_piece(toks, lead_words, last_found.attr)
            and _no_word_in(toks, k_close, t_hi)
        ):
            direct = True  # `"I love Larry," he said, but "on energy he is wrong."`
        attr: _Attr | None = None
        if direct:
            rule = "quote.direct"
            if tail is not None and tail.speaker is not None:
                attr = tail
            elif lead_cue is not None and (colon_or_comma or at_start):
                attr = _attr_from_cue(
                    toks, lead_cue, t_lo, k_open, sentence_subject.get(si), relative=True
                )
            elif after_prev_quote and last_found is not None:
                attr = last_found.attr
            elif last_lead is not None and toks.text[last_lead] == ":" and lead_words:
                np = _sentence_subject(toks, t_lo, k_open)
                attr = None if np is None else _Attr(np, None, "quote.colon")
            f = _Found(raw.start, raw.end, "direct", rule, attr, chain=raw.chain, sentence=si)
            if (
                lead_cue is not None
                and raw.chain is None
                and last_lead is not None
                and last_lead - 1 >= t_lo
                and toks.text[last_lead] == ","
                and toks.low[last_lead - 1] == "that"
            ):
                # `tweeted that, “…”`: the reported clause keeps its "that", marks and all
                f.start, f.end, f.rule = toks.start[last_lead - 1], raw.close_end, "quote.clause"
            if attr is None:
                # no attribution in the sentence: continue the paragraph's last speaker, or
                # the previous paragraph's for a quote-only paragraph
                prior: _Attr | None = None
                if si > 0 and (last_found is None or last_found.sentence < si - 1):
                    prior = _sentence_attribution(
                        toks, sent_first_tok[si - 1], sent_end_tok[si - 1]
                    )
                if prior is not None:
                    f.attr = prior  # `…, Schiff said. "The other factor …"`
                    f.rule = "quote.previous-sentence"
                elif last_found is not None and last_found.attr is not None:
                    f.attr = last_found.attr
                    f.link = last_found
                    f.rule = "quote.continued"
                elif last_attr is not None:
                    f.attr = last_attr
                    f.rule = "quote.previous-sentence"
                elif (
                    si > 0
                    and last_found is None
                    and (named := _named_subject_of(toks, sent_first_tok[si - 1], k_open))
                    is not None
                ):
                    # `Sen. Ann Lee (Vt.) blamed the rules. "The younger people …"`: the
                    # person the sentence before is about
                    f.attr = _Attr(named, None, "quote.previous-sentence")
                    f.rule = "quote.previous-sentence"
                elif previous is not None and (previous.colon_intro or previous.last_speaker):
                    f.attr = previous.colon_intro or previous.last_speaker
                    f.rule = "quote.previous-paragraph"
                if (
                    at_start
                    and tail is None
                    and (
                        not _utterance_like(text, raw, toks, k_close, t_hi)
                        or _aside_or_heading(text, raw, lo, hi)
                    )
                ):
                    continue  # "‘Fury’ opens on Friday": a title at the start of a sentence
            elif after_prev_quote and last_found is not None and last_found.attr is not None:
                if attr is last_found.attr or (tail is None and lead_cue is not None):
                    f.link = last_found
                    f.rule = "quote.interrupted"
            elif (
                last_found is not None
                and tail is None
                and last_found.attr is attr
                and last_found.sentence == si - 1
            ):
                f.link = last_found
            if (
                tail is not None
                and last_found is not None
                and last_found.sentence == si
                and (last_found.attr is None or last_found.attr is tail)
            ):
                last_found.attr = tail
                f.link = last_found
                f.rule = "quote.interrupted"
            para.quotes.append(f)
            found_by_raw[ri] = f
            if f.attr is not None:
                last_attr = f.attr
                sentence_subject.setdefault(si, f.attr)
            last_found = f
            continue
        # partial: a fragment inside a sentence
        poss = None if lead_cue is None else _possessor(toks, lead_cue, t_lo)
        if (
            poss is None
            and tail is not None
            and tail.speaker is not None
            and _ends_sentence(toks, tail, t_hi)
        ):
            attr = tail  # `… because “most people don’t know,” she said.`
        elif lead_cue is not None:
            poss = _possessor(toks, lead_cue, t_lo)
            if poss is not None:
                attr = _Attr(poss, (toks.start[lead_cue], toks.end[lead_cue]), "quote.partial")
            else:
                attr = _attr_from_cue(toks, lead_cue, t_lo, k_open, sentence_subject.get(si))
        if attr is None and tail is not None:
            attr = tail
        if attr is None:
            k_tail = _late_cue(toks, k_close, t_hi, inside, cues)
            if k_tail is not None:
                attr = _attr_from_cue(toks, k_tail, t_lo, t_hi, sentence_subject.get(si))
        if attr is None:
            if _object_quote(text, raw, toks, k_close, t_hi):
                # `Trump attacked “the hateful ideology of radical Islam.”`: no cue verb, but
                # the quoted words close the sentence: someone's words, quoted whole
                np = _object_quote_speaker(toks, t_lo, k_open)
                f = _Found(
                    raw.start, raw.end, "direct", "quote.object",
                    None if np is None else _Attr(np, None, "quote.object"), sentence=si,
                )  # fmt: skip
                para.quotes.append(f)
                found_by_raw[ri] = f
                last_found = f
            continue  # no speech in the sentence: a scare quote or a title
        if (
            lead_cue is not None
            and lead_cue == k_open - 1
            and toks.low[lead_cue] in _READ
            and _title_case(text[raw.start : raw.end].rstrip(".!?,").split())
        ):
            continue  # `He read "War and Peace" twice`: a title
        f = _Found(raw.start, raw.end, "partial", "quote.partial", attr, sentence=si)
        if lead_cue is not None and lead_cue == k_open - 1 and toks.low[lead_cue] in _PERFORMED:
            f.kind, f.rule = "direct", "quote.clause"  # `chanted "What curfew?"`: all of it
        if _whole_clause(text, toks, (k_open, k_close, t_hi), raw):
            f.kind, f.rule = "direct", "quote.clause"
            j = k_open - 2 if toks.text[k_open - 1] == "," else k_open - 1
            if j >= t_lo and toks.low[j] == "that":
                # the reported clause keeps its "that", marks and all: `that “…”`
                f.start, f.end = toks.start[j], raw.close_end
        elif len(iter_sentences(text, raw.start, raw.end)) > 1:
            f.kind, f.rule = "direct", "quote.sentences"  # `that "… see that. They're …"`
        elif (
            attr is tail
            and not after_prev_quote
            and _subject_then_quote(text, toks, lead_words, t_lo, raw)
        ):
            # `Clinton “is the only candidate who …,” Newton said.`: the quote and the
            # subject before it make the whole utterance
            f.kind, f.rule = "direct", "quote.clause"
            f.start, f.end = toks.start[lead_words[0]], raw.close_end
        para.quotes.append(f)
        found_by_raw[ri] = f
        sentence_subject.setdefault(si, attr)
        last_attr = attr
        if attr is tail:
            last_found = f
    para.last_speaker = last_attr
    if indirect:
        _reported(text, toks, inside, sentences, sent_first_tok, sent_end_tok, raws, para, reported)
        _quoted_clauses(text, para, reported)
    if sentences:
        s_lo, s_hi = sentences[-1]
        e = s_hi
        while e > s_lo and text[e - 1].isspace():
            e -= 1
        if e > s_lo and text[e - 1] == ":":
            para.colon_intro = _colon_intro(toks, sent_first_tok[-1], sent_end_tok[-1])
    if para.last_speaker is None and reported:
        last = reported[-1]
        if last.start >= lo:
            para.last_speaker = last.attr
    return para


# the characters a sentence boundary ends with: each one is a token of its own
_BOUNDARY_END = frozenset(".!?…\"”’'»)]")
_WORD_TOKEN = regex.compile(
    r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-]*+(?:\.[\p{L}\p{N}][\p{L}\p{M}\p{N}]*+)*+"
)


# ASCII letters and digits lower-cased, every other byte a space: in ASCII text a token that
# is a cue word is exactly one run of letters, i.e. one word of `translate(...).split()`
_ASCII_WORDS = bytes(ord(chr(b).lower()) if chr(b).isalnum() else 32 for b in range(128)) + bytes(
    [32] * 128
)

# the non-ASCII characters whose case folding has an ASCII letter ("ß" -> "ss", "ﬁ" -> "fi"):
# a word holding one of them may fold to a cue word
_FOLDS_TO_ASCII = regex.compile(
    "[\xdf\u0130\u0149\u017f\u01f0\u1e96-\u1e9a\u1e9e\u212a\ufb00-\ufb06]"
)


@functools.lru_cache(maxsize=16)
def _gates_with(extra: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Return the words that may start (reported speech, a headline attribution)."""
    # `_reported` skips these cue words, and `_headline_quotes` skips participles as well;
    # their past and -s forms may still start a clause before "that" (`_that_clause_follows`:
    # "responded that", "The Post reports that"), their bare forms are left out as too
    # common a word ("state", "report", "post") to be worth the look
    never = frozenset(
        c
        for c in _NOT_CLAUSE_CUES - _OBJECT_CUES
        if not c.endswith(("ed", "s")) and c not in _IRREGULAR_PAST
    )
    headline = frozenset(
        c for c in _cues_with(extra) if not _is_participle(c) and c not in _NOT_CLAUSE_CUES
    )
    return _cues_according_with(extra) - never, headline


@functools.lru_cache(maxsize=16)
def _ascii_gates_with(extra: frozenset[str]) -> tuple[frozenset[bytes] | None, ...]:
    """Return `_gates_with` as bytes, or None for a gate with a word not ASCII letters."""
    # a caller's cue with a hyphen or accent: use the token pattern
    return tuple(
        frozenset(c.encode() for c in words)
        if all(c.isascii() and c.isalnum() for c in words)
        else None
        for words in _gates_with(extra)
    )


_REPORTED = 0  # `_has_cue` gates
_HEADLINE = 1


def _has_cue(text: str, lo: int, hi: int, which: int = _REPORTED) -> bool:
    """Return True if a word of ``text[lo:hi]`` (any case) may start reported speech.

    *which* picks the words: `_REPORTED` (the cue verbs `_reported` reads, and "according")
    or `_HEADLINE` (the finite cue verbs `_headline_quotes` reads). May say True for
    "he-said" (a cheap pre-check); never says False wrongly.
    """
    chunk = text[lo:hi]  # one C-level copy: the ASCII test and translation run at C speed
    extra = _EXTRA_CUES.get()
    ascii_cues = _ascii_gates_with(extra)[which]
    if ascii_cues is not None and (chunk.isascii() or _FOLDS_TO_ASCII.search(chunk) is None):
        # other characters become "?" (a separator): they cannot be part of a cue word
        raw = chunk.encode("ascii", "replace")
        return not ascii_cues.isdisjoint(raw.translate(_ASCII_WORDS).split())
    words = map(str.casefold, _WORD_TOKEN.findall(text, lo, hi))
    return not _gates_with(extra)[which].isdisjoint(words)


def _cue_starts(text: str, lo: int, hi: int) -> list[int] | None:
    """Return where the words `_has_cue` looks for start in ``text[lo:hi]``, in order.

    The words are found as `_has_cue` finds them (ASCII text at C speed); None when that
    way does not apply (a caller's cue that is not ASCII letters, or a character that folds
    to ASCII letters): then ask `_has_cue` per range.
    """
    chunk = text[lo:hi]
    ascii_cues = _ascii_gates_with(_EXTRA_CUES.get())[_REPORTED]
    if ascii_cues is None or not (chunk.isascii() or _FOLDS_TO_ASCII.search(chunk) is None):
        return None
    # one byte per character, so byte offsets are character offsets
    words = chunk.encode("ascii", "replace").translate(_ASCII_WORDS)
    hits = ascii_cues.intersection(words.split())
    if not hits:
        return []
    padded = b" " + words + b" "  # a word is a run between two spaces
    out: list[int] = []
    for w in hits:
        needle = b" " + w + b" "
        i = padded.find(needle)
        while i >= 0:
            out.append(lo + i)  # padded[i + 1] is chunk[i]
            i = padded.find(needle, i + len(w) + 1)
    out.sort()
    return out


def _plain_paragraph(
    text: str, lo: int, hi: int, *, indirect: bool, reported: list[_Found]
) -> _Paragraph:
    """A paragraph without quotation marks: reported speech and a closing "X said:" only.

    Only the sentences with a cue word (and a last sentence ending in ``:``) are tokenised,
    each with the token before it (what the paragraph-wide rules may look back at).
    """
    para = _Paragraph([])
    e = hi
    while e > lo and text[e - 1].isspace():
        e -= 1
    cue_known = False  # the paragraph has a cue word (known without a look)
    cue_at = _cue_starts(text, lo, hi) if indirect else None  # where cue words start
    until = None  # where the sentences that matter end
    if not (e > lo and text[e - 1] == ":"):
        if not indirect or (not cue_at if cue_at is not None else not _has_cue(text, lo, hi)):
            return para  # nothing to read: no cue word and no closing "X said:"
        cue_known = True
        if cue_at:
            until = cue_at[-1]  # no sentence after the last cue word's is read
    sentences = iter_sentences(text, lo, hi, None, until)
    last = len(sentences) - 1
    if until is not None and sentences[-1][1] != hi:
        last = -1  # cut short after the last cue word: the paragraph's last sentence is not here
    cue_known = cue_known and last == 0 and sentences[0] == (lo, hi)  # one sentence: the same
    for si, (s_lo, s_hi) in enumerate(sentences):
        colon = False
        if si == last:
            e = s_hi
            while e > s_lo and text[e - 1].isspace():
                e -= 1
            colon = e > s_lo and text[e - 1] == ":"
        if not colon:
            if not indirect:
                continue
            if cue_at is not None:
                i = bisect.bisect_left(cue_at, s_lo)
                if i == len(cue_at) or cue_at[i] >= s_hi:
                    continue  # no cue word in the sentence
            elif not (cue_known or _has_cue(text, s_lo, s_hi)):
                continue
        start = s_lo
        if si > 0:
            k = s_lo
            while k > lo and text[k - 1].isspace():
                k -= 1
            # the previous token: one boundary character, else the whole previous sentence
            start = k - 1 if text[k - 1] in _BOUNDARY_END else sentences[si - 1][0]
        toks = _tokens(text, start, s_hi)
        t_lo = bisect.bisect_left(toks.start, s_lo)
        if indirect:
            _reported(
                text, toks, [False] * len(toks), [(s_lo, s_hi)], [t_lo], [len(toks)], [], para,
                reported, None if cue_at is None else _cue_tokens(toks, cue_at, s_lo, s_hi),
            )  # fmt: skip
        if colon:
            para.colon_intro = _colon_intro(toks, t_lo, len(toks))
    if reported:
        para.last_speaker = reported[-1].attr
    return para


def _cue_tokens(toks: _Toks, cue_at: list[int], lo: int, hi: int) -> list[int]:
    """Return the tokens that may start reported speech in ``[lo, hi)``, from `_cue_starts`.

    The tokens `_reported` would pick (folded form in `_cues_according`) there, less the
    cues it passes over anyway (`_gates_with`): a word token that folds to an ASCII word
    is that word of `_cue_starts` (which holds no character folding to ASCII letters).
    """
    starters = _cues_according()
    out: list[int] = []
    for i in range(bisect.bisect_left(cue_at, lo), bisect.bisect_left(cue_at, hi)):
        c = bisect.bisect_left(toks.start, cue_at[i])
        if c < len(toks) and toks.start[c] == cue_at[i] and toks.low[c] in starters:
            out.append(c)
    return out


# chanted, sung or shouted words are quoted whole: the quote right after the verb is direct
_PERFORMED = frozenset(
    {"chant", "chanted", "chanting", "chants", "sang", "sing", "singing", "sings", "sung",
     "shout", "shouted", "shouting", "shouts", "yell", "yelled", "yelling", "yells"}
)  # fmt: skip
_MAX_CLAUSE_LEAD = 2  # unquoted words a quoted clause may start with: `he would “…”`


def _quoted_clauses(text: str, para: _Paragraph, reported: list[_Found]) -> None:
    """Make a reported clause that is all quoted but a word or two a direct quote.

    `The senator said he would “introduce a bill next session.”`: the quote closes the
    clause and the sentence, so the clause (`he would “…`) is the utterance (rule
    `quote.clause`, the partial quote and the reported clause become one direct quote).
    """
    for f in para.quotes:
        if f.kind != "partial" or not _words_at_least(text, f.start, f.end, _MIN_CLAUSE_WORDS):
            continue
        after = f.end + 1
        if after < len(text) and text[after] in ".!?":
            after += 1
        if after < len(text) and not text[after].isspace():
            continue  # the sentence goes on after the closing mark
        host = next(
            (h for h in reported if h.start < f.start and f.end - 2 <= h.end <= f.end + 1), None
        )
        if host is None or _words_at_least(text, host.start, f.start, _MAX_CLAUSE_LEAD + 2):
            continue
        if any(o is not f and host.start <= o.start < f.start for o in para.quotes):
            continue  # another quote in the lead: a direct quote holds none
        close = _MARK.match(text, f.end)
        f.kind, f.rule, f.start = "direct", "quote.clause", host.start
        f.end = f.end if close is None else close.end()
        if f.attr is None:
            f.attr = host.attr
        reported.remove(host)


def _colon_intro(toks: _Toks, lo: int, hi: int) -> _Attr | None:
    """Return who speaks in a sentence ending in ``:`` ("Asif said:", "The minister:")."""
    k = _lead_cue(toks, lo, hi)
    if k is not None:
        return _attr_from_cue(toks, k, lo, hi, None)
    nouns = load_set("quotes_speech_nouns.txt")
    for j in range(lo, hi - 2):
        # "… how the website rated this statement by Trump on June 11:"
        if toks.low[j] in nouns and toks.low[j + 1] in {"by", "from"} and toks.cap[j + 2]:
            np = _np_forward(toks, j + 2, hi)
            if np is not None:
                return _Attr(np, (toks.start[j], toks.end[j + 1]), "quote.colon")
    np = _np_forward(toks, lo, hi)
    return None if np is None else _Attr(np, None, "quote.colon")


def _conjoined_piece(toks: _Toks, lead_words: list[int], attr: _Attr | None) -> bool:
    """Return True if only "and"/"but" (and one more word) follow the attribution before."""
    if attr is None or attr.speaker is None:
        return False
    stop = max(attr.speaker.end, attr.cue[1] if attr.cue else 0)
    after = [c for c in lead_words if toks.start[c] >= stop]
    return 0 < len(after) <= 2 and toks.low[after[0]] in {"and", "but"}  # noqa: PLR2004


def _sentence_attribution(toks: _Toks, lo: int, hi: int) -> _Attr | None:
    """Return the attribution of a sentence of reported speech ("Lee said the bridge is safe")."""
    k = _lead_cue(toks, lo, hi)
    if k is None or _is_participle(toks.low[k]) or toks.low[k] in _NOT_CLAUSE_CUES:
        return None
    attr = _attr_from_cue(toks, k, lo, hi, None)
    return attr if attr is not None and attr.speaker is not None else None


def _ends_sentence(toks: _Toks, attr: _Attr, t_hi: int) -> bool:
    """Return True if at most a few words follow the attribution in its sentence."""
    stop = max(attr.speaker.end if attr.speaker else 0, attr.cue[1] if attr.cue else 0)
    words = 0
    k = t_hi - 1
    while k >= 0 and toks.start[k] >= stop:
        words += toks.word[k]
        if words > _MAX_TAIL_REST:
            return False
        k -= 1
    return True


def _whole_clause(text: str, toks: _Toks, at: tuple[int, int, int], raw: _Raw) -> bool:
    """Return True for `said that "FULL CLAUSE."` or `declared "FULL CLAUSE."` ending a sentence.

    Such a quote is the whole reported utterance, so it is direct rather than partial.
    """
    k_open, k_close, t_hi = at
    if any(toks.word[k_close : min(t_hi, k_close + _WINDOW)]):
        return False
    if not _words_at_least(text, raw.start, raw.end, _MIN_CLAUSE_WORDS) or k_open == 0:
        return False
    cues = _cues()
    if (
        toks.word[k_open - 1]
        and toks.low[k_open - 1] in cues
        and not _is_participle(toks.low[k_open - 1])
    ):
        return True
    if toks.low[k_open - 1] != "that":
        return False
    return any(
        toks.word[j] and toks.low[j] in cues and not toks.cap[j]
        for j in range(max(0, k_open - 8), k_open - 1)
    )


_NOT_SUBJECTS = frozenset(
    {"and", "but", "or", "so", "yet", "still", "also", "then", "now", "however", "because",
     "if", "when", "while", "as", "that", "though", "although", "since"}
)  # fmt: skip


def _subject_then_quote(
    text: str, toks: _Toks, lead_words: list[int], t_lo: int, raw: _Raw
) -> bool:
    """Return True for `SUBJECT “predicate …,” X said`: a short subject, then the quote.

    The sentence opens with one or two words outside the marks, and the quote carries on
    from them in lower case and ends with the comma before its attribution.
    """
    if not 0 < len(lead_words) <= _MAX_CLAUSE_LEAD or lead_words[0] != t_lo:
        return False
    if any(toks.low[c] in _cues() or toks.low[c] in _NOT_SUBJECTS for c in lead_words):
        return False
    if text[toks.end[lead_words[-1]] : raw.open_at].strip():
        return False  # only white space between the subject and the opening mark
    content = text[raw.start : raw.end]
    return (
        content[:1].islower()
        and content.endswith(",")
        and len(content.split()) >= _MIN_CLAUSE_WORDS
    )


def _merge_attributions(
    toks: _Toks, starts: list[int], sentences: list[tuple[int, int]], closes: set[int]
) -> list[tuple[int, int]]:
    """Join a sentence that is only an attribution to the quote before it ("?” Lee asked.").

    A sentence with a quote of its own after the cue is not only an attribution (`…
    neighborhood." Russia insisted that Pyongyang "stop."`); a nickname in the speaker's
    name is no quote of its own (`." Del. Marcia "Cia" Price shouted.`).
    """
    out: list[tuple[int, int]] = []
    ordered: list[int] | None = None  # the closes in order, for the test below (made once)
    for s, e in sentences:
        if out and out[-1][1] in closes:
            k, hi = bisect.bisect_left(starts, s), bisect.bisect_left(starts, e)
            attr = _tail_attribution(toks, k, hi) if k < hi and toks.word[k] else None
            if attr is not None and attr.speaker is not None:
                stop = max(attr.speaker.end, attr.cue[1] if attr.cue else 0)
                if ordered is None:
                    ordered = sorted(closes)
                i = bisect.bisect_right(ordered, stop)
                if i < len(ordered) and ordered[i] <= e:
                    out.append((s, e))  # a close after the cue: a quote of its own
                    continue
                rest = sum(1 for x in range(k, hi) if toks.word[x] and toks.start[x] >= stop)
                if rest <= _MAX_REST:
                    out[-1] = (out[-1][0], e)
                    continue
        out.append((s, e))
    return out


def _utterance_like(text: str, raw: _Raw, toks: _Toks, k_close: int, t_hi: int) -> bool:
    """Return True if a sentence-initial quote reads as speech rather than a name."""
    last = text[raw.end - 1]
    if last in ".,!?…;:—–-":
        return True
    rest = any(toks.word[k_close : min(t_hi, k_close + _WINDOW)])
    return not rest or _words_at_least(text, raw.start, raw.end, 4)


_SMALL_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with",
     "from", "as", "is", "are", "be", "vs", "via"}
)  # fmt: skip
_MAX_HEADING_WORDS = 8


def _aside(text: str, raw: _Raw) -> bool:
    """Return True for a quoted stage direction (`"(CROSSTALK.)"`) or a follow-us line.

    Transcripts quoted paragraph by paragraph carry bracketed directions, and the
    paragraph that closes a quoted passage is sometimes the outlet's own
    "Follow … on Twitter @handle" line: neither is anyone's speech.
    """
    content = text[raw.start : raw.end].rstrip(".!?")
    if content.startswith("(") and content.endswith(")"):
        return True
    return _FOLLOW_LINE.fullmatch(content) is not None


_FOLLOW_LINE = regex.compile(
    r"(?i:follow)\s[^\n]{1,80}?\s(?i:on)\s(?:Twitter|X|Facebook|Instagram|Threads|Bluesky)"
    r"(?:\s*(?::\s*)?@\w{1,30})?"
)


def _inside_that_clause(toks: _Toks, cue: int, last_lead: int) -> bool:
    """Return True if the cue opens a `that` clause which the quote continues.

    In `said that for young voters, “the rate …”` the quote is a fragment of the reported
    clause (partial), unlike `tweeted that, “…”` where the quote is the whole clause. The
    caller keeps a quote that opens with a capital (`agreed that, at this stage, “It is …”`)
    direct: that is a whole sentence.
    """
    that = cue + 1
    return that < last_lead - 1 and toks.low[that] == "that" and toks.text[last_lead] == ","


_OBJECT_QUOTE_WORDS = 3
_IMPERSONAL = frozenset({"that's", "that’s", "it", "it's", "it’s", "there", "this"})
_PERSONAL_PRONOUNS = _PRONOUNS - {"it", "you"}


def _object_quote(text: str, raw: _Raw, toks: _Toks, k_close: int, t_hi: int) -> bool:
    """Return True for a quote with no cue in its sentence that is still someone's words.

    The quote closes its sentence with its own final mark and has three words or more
    (`Trump attacked “the hateful ideology of radical Islam.”`, `Tribe likened the rules to
    "burning the Constitution."`). A scare quote or a name is shorter or goes on
    (`The "reform" hurts farmers.`); a title is in title case (`to perform “Takin’ It to
    the Streets.”`).
    """
    if text[raw.end - 1] not in ".!?" or not _no_word_in(toks, k_close, t_hi):
        return False
    if not _words_at_least(text, raw.start, raw.end, _OBJECT_QUOTE_WORDS):
        return False
    return not _title_case(text[raw.start : raw.end].rstrip(".!?").split())


def _words_of(toks: _Toks, spk: _Spk, lo: int, hi: int) -> list[int]:
    """Return the indexes of the word tokens of *spk*, which lies in tokens ``[lo, hi)``."""
    i = bisect.bisect_left(toks.start, spk.start, lo, hi)
    e = bisect.bisect_left(toks.start, spk.end, lo, hi)
    return [c for c in range(i, e) if toks.word[c]]


def _no_word_in(toks: _Toks, lo: int, hi: int) -> bool:
    """Say whether tokens ``[lo, hi)`` hold no word (stops at the first: no slice copied)."""
    word = toks.word
    return not any(word[c] for c in range(lo, hi))


def _object_quote_speaker(toks: _Toks, lo: int, hi: int) -> _Spk | None:
    """The subject of a `quote.object` sentence when it is a name or a personal pronoun."""
    spk = _sentence_subject(toks, lo, hi)
    if spk is None:
        return None
    words = _words_of(toks, spk, lo, hi)
    if not words or toks.low[words[0]] in _NOT_SUBJECTS or toks.low[words[0]] in _IMPERSONAL:
        return None
    if len(words) == 1 and toks.low[words[0]] in _PERSONAL_PRONOUNS:
        return spk
    if toks.low[words[0]] in _DETERMINERS or not all(toks.cap[c] for c in words):
        return None
    return spk


def _title_case(words: list[str]) -> bool:
    """Return True if every word is capitalised or a small word ("of", "the", "vs")."""
    return all(w[:1].isupper() or w.casefold() in _SMALL_WORDS for w in words)


def _aside_or_heading(text: str, raw: _Raw, lo: int, hi: int) -> bool:
    """Return True for a quoted stage direction or a quoted subhead, not speech.

    `"(CROSSTALK.)"` is all in brackets; `'Legend in the Coal Fields.'` is a paragraph of its
    own in title case.
    """
    if _aside(text, raw):
        return True
    content = text[raw.start : raw.end].rstrip(".!?")
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    if raw.open_at != lo or raw.close_end != hi:
        return False
    words = content.split()
    if not 1 < len(words) <= _MAX_HEADING_WORDS:
        return False
    return _title_case(words)


def _late_cue(toks: _Toks, k: int, hi: int, inside: list[bool], cues: frozenset[str]) -> int | None:
    for c in range(k, min(hi, k + 30)):
        if not inside[c] and toks.word[c] and toks.low[c] in cues and not toks.cap[c]:
            return c
    return None


def _attr_from_cue(
    toks: _Toks, c: int, lo_index: int, hi_index: int, main: _Attr | None, *, relative: bool = False
) -> _Attr | None:
    """Return the speaker and cue of the cue verb at token *c* (*relative*: `_subject_before`)."""
    if toks.low[c] == "according":
        spk = _np_forward(toks, c + 2, hi_index)
        return _Attr(spk, (toks.start[c], toks.end[c + 1]), "quote.according-to")
    if toks.low[c] == "words" and c >= 2 and toks.low[c + 1] == "of":  # noqa: PLR2004
        spk = _np_forward(toks, c + 2, hi_index)  # "in the words of the prosecutor, …"
        return _Attr(spk, (toks.start[c - 2], toks.end[c + 1]), "quote.according-to")
    if toks.low[c] == "put" and c + 1 < hi_index and toks.low[c + 1] == "it":
        spk = _subject_before(toks, c, lo_index)  # "as the mayor put it, …"
        return _Attr(spk, (toks.start[c], toks.end[c + 1]), "quote.according-to")
    cue = (toks.start[c], toks.end[c])
    if c > lo_index and toks.low[c - 1] in _PASSIVE_AUX and not _is_participle(toks.low[c]):
        # "the military has been told to prepare": its subject is told, someone else speaks
        return None if main is None else _Attr(main.speaker, cue, "quote.cue")
    if _is_participle(toks.low[c]) and not (
        c > 0 and toks.low[c - 1] in {"was", "is", "were", "are"}
    ):
        poss = _possessor(toks, c, lo_index)
        if poss is not None:
            return _Attr(poss, cue, "quote.possessor")
        if toks.low[c] == "saying" and c >= 2 and toks.low[c - 2 : c] == ["quoted", "as"]:  # noqa: PLR2004
            spk = _subject_before(toks, c, lo_index)
            return _Attr(spk, cue, "quote.cue")
        if c - 1 >= lo_index and toks.word[c - 1] and toks.cap[c - 1]:
            # the name right before the participle, not a longer phrase ending in it
            # ("The spot ends with footage of Trump saying, …" is Trump's)
            i = c - 1
            while i > lo_index and i > c - _MAX_NP and (toks.cap[i - 1] or toks.text[i - 1] == "."):
                i -= 1
            while not toks.word[i]:
                i += 1
            if toks.low[i] not in _DAYS and toks.low[i] not in _DETERMINERS:
                return _Attr(_Spk(toks.start[i], toks.end[c - 1]), cue, "quote.participle")
        if main is not None:
            return _Attr(main.speaker, cue, "quote.participle")
        k = _first_finite_cue(toks, lo_index, c)
        if k is not None:
            spk = _subject_before(toks, k, lo_index)
            if spk is not None:
                return _Attr(spk, cue, "quote.participle")
        spk = _sentence_subject(toks, lo_index, c)
        return _Attr(spk, cue, "quote.participle") if spk is not None else None
    if toks.cap[c] and c == lo_index:
        spk = _np_forward(toks, c + 1, hi_index)  # "Said Ellis: …"
        return _Attr(spk, cue, "quote.inverted") if spk is not None else None
    spk = _subject_before(toks, c, lo_index, relative=relative)
    if spk is None:
        j = c - 1
        while j > lo_index and toks.word[j] and toks.low[j] in _AUX:
            j -= 1
        if j >= lo_index and toks.low[j] in {"and", "but"}:
            spk = None
            if j - 1 > lo_index and toks.word[j - 1] and not toks.cap[j - 1]:
                spk = _subject_before(toks, j - 1, lo_index)  # "I laughed and said, …"
            if spk is None:
                spk = _sentence_subject(toks, lo_index, j)
            return None if spk is None else _Attr(spk, cue, "quote.cue")
        spk = _np_forward(toks, c + 1, hi_index)
        if spk is not None:
            return _Attr(spk, cue, "quote.inverted")
        return None
    return _Attr(spk, cue, "quote.cue")


def _index_at(toks: _Toks, pos: int, lo: int, hi: int) -> int:
    """Return the first token index in ``[lo, hi)`` starting at or after *pos* (short scans)."""
    k = lo
    while k < hi and toks.start[k] < pos:
        k += 1
    return k


def _index_back(toks: _Toks, pos: int, lo: int, hi: int) -> int:
    """Return the index of the token starting at *pos*, scanning back from *hi*."""
    k = hi
    while k > lo and toks.start[k - 1] >= pos:
        k -= 1
    return k


def _first_finite_cue(toks: _Toks, lo: int, hi: int) -> int | None:
    cues = _cues()
    for c in range(max(lo, hi - _WINDOW), hi):
        if (
            toks.word[c]
            and toks.low[c] in cues
            and not _is_participle(toks.low[c])
            and not toks.cap[c]
        ):
            return c
    return None


_OPENERS = frozenset(
    {"in", "on", "at", "after", "before", "when", "while", "as", "with", "for", "during",
     "despite", "since", "although", "though", "if", "because", "until", "from", "by", "to",
     "amid", "without", "once", "unlike", "like", "under", "over", "following", "earlier",
     "later", "meanwhile", "still", "yet", "but", "and", "so", "instead", "asked", "pressed",
     "according"}
)  # fmt: skip


def _named_subject_of(toks: _Toks, lo: int, hi: int) -> _Spk | None:
    """The subject of the sentence at ``[lo, hi)`` when it is a name, not a pronoun or a noun.

    "On “Face the Nation,” Sen. Ann Lee (Vt.), who lost, identified …" gives "Sen. Ann Lee
    (Vt.)": every word capitalised (a title and a name), at least two of them.
    """
    spk = _sentence_subject(toks, lo, hi)
    if spk is None:
        # a leading phrase that ends inside quotation marks: `On "Face the Nation," Sen. …`
        c = next((c for c in range(lo, min(hi, lo + 25)) if toks.text[c] == ","), None)
        if c is None:
            return None
        c += 1
        while c < hi and toks.text[c] in _QUOTE_CHARS:
            c += 1
        spk = _np_forward(toks, c, hi)
        if spk is None:
            return None
    words = [c for c in _words_of(toks, spk, lo, hi) if toks.text[c - 1 : c] != ["("]]
    if len(words) < 2 or not all(toks.cap[c] for c in words):  # noqa: PLR2004
        return None
    if toks.low[words[0]] in _PRONOUNS or toks.low[words[0]] in _DETERMINERS:
        return None
    return spk


def _sentence_subject(toks: _Toks, lo: int, hi: int) -> _Spk | None:
    """Return the noun phrase that opens the main clause, after a leading phrase and comma.

    "Worried about turnout, President Lee is rolling out …" gives "President Lee".
    """
    start = lo
    if (
        lo < hi
        and toks.word[lo]
        and (
            toks.low[lo] in _OPENERS or _is_participle(toks.low[lo]) or toks.low[lo].endswith("ed")
        )
    ):
        for c in range(lo, min(hi, lo + 25)):
            if toks.text[c] == ",":
                start = c + 1
                break
    spk = _np_forward(toks, start, hi)
    if spk is None and start != lo:
        spk = _np_forward(toks, lo, hi)
    return spk


# ---------------------------------------------------------------------------------------------
# Reported speech


_NO_INDEXES: frozenset[int] = frozenset()


def _reported(  # noqa: PLR0917 - private helper fed by one caller
    text: str,
    toks: _Toks,
    inside: list[bool],
    sentences: list[tuple[int, int]],
    first_tok: list[int],
    end_tok: list[int],
    raws: list[_Raw],
    para: _Paragraph,
    out: list[_Found],
    candidates: list[int] | None = None,
) -> None:
    """Find reported speech in each sentence and append it to *out*.

    *candidates*, for a single sentence: the tokens that may start it (`_cue_tokens`);
    else the tokens with a folded form in `_cues_according` are looked at.
    """
    cues = _cues()
    starters = _cues_according()
    opens: AbstractSet[int] = _NO_INDEXES
    direct: dict[int, int] = {}  # sentence -> the end of its last direct quote
    mains: dict[int, _Attr] = {}
    closes: list[int] = []
    if raws or para.quotes:  # not a plain paragraph
        opens = {r.open_at for r in raws}
        for q in para.quotes:
            if q.kind == "direct":
                direct[q.sentence] = max(direct.get(q.sentence, 0), q.end)
        for q in para.quotes:
            if q.attr is not None:
                mains.setdefault(q.sentence, q.attr)
        closes = sorted(r.close_end for r in raws)
    for si in range(len(sentences)):
        t_lo, t_hi = first_tok[si], end_tok[si]
        if t_lo >= t_hi:
            continue
        if si in direct:
            # a sentence with a direct quote: only a participle clause after it is reported
            # (it may hold a partial quote of its own: `, adding that it would take "hours"`)
            i = bisect.bisect_left(closes, direct[si])
            last_mark = closes[i] if i < len(closes) else direct[si]
            main = mains.get(si)
            if main is not None:
                _participle_after_direct(
                    text, toks, inside, (t_lo, t_hi, last_mark), main, out, opens
                )
            continue
        # only the cue verbs and "according" can start reported speech: pick them at C speed
        hits = (
            itertools.compress(range(t_lo, t_hi), map(starters.__contains__, toks.low[t_lo:t_hi]))
            if candidates is None
            else candidates
        )
        resume = 0
        last: _Attr | None = None
        for c in hits:
            if inside[c] or not toks.word[c] or toks.start[c] < resume:
                continue
            if toks.low[c] == "according" and c + 1 < t_hi and toks.low[c + 1] == "to":
                f = _according(text, toks, c, t_lo, t_hi)
                if f is not None:
                    out.append(f)
                    resume = max(f.end, toks.end[c + 1])
                continue
            if toks.low[c] not in cues or toks.cap[c]:
                continue
            if (
                toks.low[c] in _NOT_CLAUSE_CUES
                and (toks.low[c] not in _OBJECT_CUES or not _named_subject(toks, c, t_lo))
                and not _that_clause_follows(toks, c, t_lo, t_hi)
            ):
                continue
            if c + 1 < t_hi and toks.low[c + 1] in _NO_CLAUSE_AFTER:
                continue  # "said to be", "told by", "warned of"
            if _after_modal(toks, c, t_lo):
                continue
            if _counted_noun(toks, c, t_lo) or _possessed_noun(toks, c, t_lo):
                continue  # "fell 102.2 points", "in her opening remarks": nouns
            attr = None
            if last is not None:
                # "said X and warned Y": the second cue is the same speaker's
                j = c - 1
                while j > t_lo and toks.word[j] and toks.low[j] in _AUX:
                    j -= 1
                if j >= t_lo and toks.low[j] in {"and", "but"}:
                    attr = _Attr(last.speaker, (toks.start[c], toks.end[c]), "quote.cue")
            if attr is None:
                attr = _attr_from_cue(toks, c, t_lo, t_hi, None, relative=True)
            if (attr is None or attr.speaker is None) and c > t_lo and toks.text[c - 1] == ",":
                # a long apposition: "Dr. Ann Lee, who ... as a rear admiral, said that …"
                np = _sentence_subject(toks, t_lo, c)
                attr = None if np is None else _Attr(np, (toks.start[c], toks.end[c]), "quote.cue")
            if attr is None or attr.speaker is None:
                continue
            before = None
            if attr.rule == "quote.inverted":
                f = _clause_before(text, toks, c, t_lo, attr)
            else:
                f = _clause_after(text, toks, c, t_hi, attr, opens)
                if f is None:
                    f = _clause_before(text, toks, c, t_lo, attr, whole=True)
                elif c + 1 < t_hi and toks.text[c + 1] == ",":
                    # "Even if it fails, Mr. Lee said, the work is done": two pieces
                    before = _clause_before(text, toks, c, t_lo, attr)
            if before is not None and f is not None and before.end < f.start:
                out.append(before)
                f.link = before
            if f is not None:
                out.append(f)
                resume = max(f.end, toks.end[c])
                last = attr


@functools.lru_cache(maxsize=16)
def _participle_cues_with(extra: frozenset[str]) -> frozenset[str]:
    """Return the cue participles that may open a clause: "adding", "saying"."""
    return frozenset(
        c for c in _cues_with(extra) if _is_participle(c) and c not in _NOT_CLAUSE_CUES
    )


def _participle_after_direct(  # noqa: PLR0917 - private helper fed by one caller
    text: str,
    toks: _Toks,
    inside: list[bool],
    bounds: tuple[int, int, int],
    main: _Attr,
    out: list[_Found],
    opens: AbstractSet[int],
) -> None:
    """Reported speech after a direct quote: `"…," he said, adding that CLAUSE`."""
    t_lo, t_hi, last_mark = bounds
    gate = _participle_cues_with(_EXTRA_CUES.get())  # picks the candidates at C speed
    for c in itertools.compress(range(t_lo, t_hi), map(gate.__contains__, toks.low[t_lo:t_hi])):
        if inside[c] or toks.start[c] < last_mark or not toks.word[c] or toks.text[c - 1] != ",":
            continue
        attr = _Attr(main.speaker, (toks.start[c], toks.end[c]), "quote.participle")
        f = _clause_after(text, toks, c, t_hi, attr, opens)
        if f is not None:
            out.append(f)
        return


def _words_at_least(text: str, s: int, e: int, n: int) -> bool:
    """Return True if ``text[s:e]`` has at least *n* white-space separated words."""
    return len(text[s:e].split(maxsplit=n - 1)) >= n  # stops splitting after n - 1 cuts


def _content(text: str, s: int, e: int, *, trim: bool = True) -> tuple[int, int] | None:
    s, e = strip_span(text, s, e)
    while trim and e > s and text[e - 1] in ".!?,;:":
        e -= 1
    s, e = strip_span(text, s, e)
    if s >= e or (text.find(" ", s, e) < 0 and _WHITE_SPACE.search(text, s, e) is None):
        return None  # fewer than two words (the span has no white space at its edges)
    return s, e


# what `str.split()` splits at (the `regex` module's `\s` differs on a few control characters)
_WHITE_SPACE = re.compile(r"\s")


def _clause_after(  # noqa: PLR0917 - private helper fed by two callers
    text: str,
    toks: _Toks,
    c: int,
    t_hi: int,
    attr: _Attr,
    opens: AbstractSet[int],
) -> _Found | None:
    """Reported content after the cue: "X said (that) CLAUSE"."""
    k = c + 1
    if toks.low[c] in _TELL and k < t_hi:
        obj = _np_forward(toks, k, t_hi)
        if k < t_hi and toks.low[k] in _OBJECT_PRONOUNS:
            k += 1
        elif obj is not None:
            k = _object_end(toks, k, _index_at(toks, obj.end, k, t_hi))
        elif toks.word[k] and toks.low[k] in {"reporters", "journalists", "lawmakers", "voters"}:
            k += 1
    # skip time and place adverbials before "that": "said Tuesday that", "said in a statement
    # that", "said at an event in Colorado Springs that"
    pp = k < t_hi and toks.low[k] in _PP_STARTS
    for j in range(k, min(t_hi, k + _MAX_ADVERBIAL)):
        if toks.low[j] == "that":
            plain = (
                toks.low[x] in _TIME_WORDS
                or toks.cap[x]
                or toks.text[x] in _SKIPPABLE
                or toks.low[x] in _THAT_ADVERBS
                or (toks.low[x].endswith("ly") and toks.low[x] not in _LY_NOUNS)
                for x in range(k, j)
            )
            if (all(plain) and not _relative_that(toks, j + 1, t_hi)) or (
                pp
                and _starts_clause(toks, j + 1, t_hi)
                and all(
                    toks.low[x] in _TIME_WORDS
                    or toks.cap[x]
                    or toks.text[x] in _SKIPPABLE
                    or _in_place_phrase(toks, x)
                    for x in range(k, j)
                )
            ):
                k = j
            break
        if not toks.word[j] and toks.text[j] not in _SKIPPABLE:
            break  # a show's title may come in marks: "told “Morning Joe” that"
    while k < t_hi:
        if toks.low[k] in _PARTS_OF_DAY and toks.low[k - 1] in _DAYS:
            k += 1  # "said Friday afternoon"
        elif k + 1 < t_hi and toks.word[k + 1] and _is_time(toks, k):
            step = 2 if toks.low[k] in {"on", "last", "this", "next", "late", "early"} else 1
            if k + step < t_hi and toks.low[k + step] in _CLAUSE_VERBS:
                break  # the time is the clause's subject: "says this winter is the worst"
            k += step
        else:
            break
    if k >= t_hi:
        return None
    if toks.text[k] == "," and k + 1 < t_hi and toks.word[k + 1]:
        k += 1  # "Lee said, the bridge is safe"
    if toks.low[c] in _OBJECT_CUES and k < t_hi and toks.low[k] == "into":
        return None  # "called into the radio show": a phone call
    if toks.low[c] in _PLEAD and k < t_hi:
        if toks.low[k] in _PLEAS:
            return None  # "pleaded not guilty": a plea, no speech reported
        if toks.low[k] == "with":
            k += 1  # "pleaded with the court to show mercy"
    if toks.low[c] in _OBJECT_CUES and k < t_hi and toks.low[k] in {"for", "on", "out"}:
        k += 1  # "called for talks", "called on Lee to resign", "pointed out that"
        if k >= t_hi:
            return None  # "She called for" ends the sentence
    first = k + 1 if toks.low[k] == "that" and k + 1 < t_hi else k
    if toks.text[first] in '"“„«' and toks.start[first] in opens and _quote_ends(toks, first, t_hi):
        return None  # a direct quote after "said:" is handled as direct
    if not toks.word[k] and not _quoted_subject(toks, k, t_hi, opens):
        return None
    if _not_clause_start(toks, k, t_hi):
        return None  # "said in his interview.", "said as much", ", he said, and …"
    if toks.low[c] in _ADD and toks.low[k][:1].isdigit():
        return None  # "the Nasdaq added 20.72 points", "added 200 jobs": a gain, no speech
    end = toks.end[t_hi - 1]
    low = toks.low
    # only these tokens can end the clause: visit them alone (picked at C speed)
    stops = map(_CLAUSE_ENDS.__contains__, low[k + 1 : t_hi])
    for j in itertools.compress(range(k + 1, t_hi), stops):
        tj = low[j]
        if tj == ";":
            end = toks.start[j]
            break
        if tj == ",":
            if j + 1 < t_hi and toks.word[j + 1]:
                nxt = low[j + 1]
                if (_is_participle(nxt) and nxt in _cues()) or nxt in _CONTRASTS:
                    end = toks.start[j]  # ", adding that"; ", but he refused": the writer's
                    break
                if _attribution_follows(toks, j + 1, t_hi):
                    end = toks.start[j]
                    break
            continue
        if tj in _CLOSING_MARKS:
            if _attribution_follows(toks, j + 1, t_hi):
                end = toks.start[j]
                break
            continue
        if tj == "and" and j + 1 < t_hi and _writer_predicate(toks, j + 1):
            comma = j - 2 if low[j - 1] in _CLOSING_MARKS else j - 1
            if comma > k and low[comma] == ",":
                # ", and walked out": the speaker's own deed, not what was said
                end = toks.start[comma] if comma == j - 1 else toks.end[j - 1]
                break
        if (
            j + 1 < t_hi
            and (  # "and", "but"
                _coordinated_cue(toks, j + 1, t_hi)
                or (  # not "said he and his staff told": a clause before "and", not a subject
                    sum(toks.word[k:j]) >= _MIN_CLAUSE_WORDS
                    and _attribution_follows(toks, j + 1, t_hi)
                )
            )
        ):
            # "said X and warned Y", "said X and Democrats accused Y": the second cue has its
            # own clause
            end = toks.start[j]
            break
    span = _content(text, toks.start[k], end)
    if span is None:
        return None
    return _Found(span[0], span[1], "indirect", "quote.reported", attr)


# after a comma, these open a clause of the writer's: "said X, but he refused to …"
_CONTRASTS = frozenset({"although", "though", "whereas", "but", "yet"})
_MAX_ADVERBIAL = 16  # tokens between a cue and its "that"


def _writer_predicate(toks: _Toks, k: int) -> bool:
    """Say whether ", and" before token *k* goes on with the speaker's own deed.

    A past form right after the comma and "and" has the sentence's subject: "called the vote
    a disgrace, and walked out". A subject first ("and the bill passed") goes on reporting.
    """
    low = toks.low[k]
    return bool(toks.word[k]) and not toks.cap[k] and (_is_past_form(low) or low in _IRREGULAR_PAST)


def _relative_that(toks: _Toks, k: int, t_hi: int) -> bool:
    """Say whether "that" before token *k* opens a relative clause: a verb follows it.

    "in an interview that aired on Thursday", "in a statement that was released".
    """
    if k >= t_hi or not toks.word[k] or toks.cap[k]:
        return False
    low = toks.low[k]
    return low in _CLAUSE_VERBS or _is_past_form(low) or low in _IRREGULAR_PAST


def _object_end(toks: _Toks, k: int, end: int) -> int:
    """Where the object of "told"/"warned" that spans tokens [*k*, *end*) ends.

    It ends where the clause's subject starts ("told the council he could not pay", "told the
    board the plan was dead"). When an auxiliary follows, the subject is a name after a noun
    ("told a news conference Brazil had to …"), else there was no object: "warned a further
    fall might force …" reports "a further fall might force …".
    """
    for j in range(k + 1, end):
        if not toks.word[j] or toks.cap[j]:
            continue
        low = toks.low[j]
        if low in _CLAUSE_VERBS:
            end = j
            break
        if low in _PRONOUNS or low in _ARTICLES:
            return j
    else:
        if end >= len(toks) or toks.low[end] not in _CLAUSE_VERBS:
            return end
    # an auxiliary follows: the clause's subject is the name after a noun ("told a news
    # conference Brazil had to", "told Reuters MHI is"), else the whole phrase
    if toks.low[k] in _NEWS_OUTLETS and k + 1 < end and toks.cap[k + 1]:
        return k + 1
    for j in range(k + 1, end):
        after_noun = (
            toks.word[j - 1] and not toks.cap[j - 1] and toks.low[j - 1] not in _DETERMINERS
        )
        if toks.cap[j] and toks.word[j] and after_noun:
            return j
    return k


# outlets told things in wire copy ("told Reuters MHI is …")
_NEWS_OUTLETS = frozenset(
    {"reuters", "afp", "ap", "bloomberg", "cnn", "nbc", "cbs", "abc", "msnbc", "npr", "bbc"}
)


def _starts_clause(toks: _Toks, j: int, t_hi: int) -> bool:
    """Say whether token *j* can open a clause after "that": a name, pronoun, article, mark."""
    if j >= t_hi:
        return False
    low = toks.low[j]
    return bool(
        toks.cap[j]
        or low in _PRONOUNS
        or low in _DETERMINERS
        or low in _QUANTIFIERS
        or low == "there"
        or toks.text[j] in _NICKNAME_OPEN
        or low[:1].isdigit()  # "that 12 people died"
        or (  # a bare noun and its verb: "that shelters had opened", "that prices will rise"
            j + 1 < t_hi
            and toks.word[j]
            and toks.low[j + 1] in _CLAUSE_VERBS
            and not low.endswith("ed")
        )
    )


_QUANTIFIERS = frozenset({"no", "all", "every", "each", "both", "any", "none", "neither"})
# auxiliaries and modals that follow a bare subject: "that prices will rise"
_CLAUSE_VERBS = frozenset(
    {"has", "have", "had", "was", "were", "is", "are", "would", "will", "could", "should",
     "may", "might", "can", "must"}
)  # fmt: skip


def _in_place_phrase(toks: _Toks, x: int) -> bool:
    """Say whether token *x* can be a word of a phrase like "at a campaign stop in Toledo".

    Prepositions, determiners and nouns go (a word right after a determiner, even in -ing or
    -ed: "at a briefing", "in an op-ed", and a noun's participle before a time or a
    preposition: "published Tuesday"); another verb form (a cue, a word in -ed or -ing)
    does not.
    """
    low = toks.low[x]
    if not toks.word[x]:
        return False
    if x > 0 and toks.low[x - 1] in _DETERMINERS:
        return True  # a noun or adjective: "at a briefing", "in an op-ed", "the embattled"
    if (
        _is_past_form(low)
        and x > 0
        and toks.word[x - 1]
        and toks.low[x - 1] not in _STOP
        and x + 2 < len(toks)
        and (_is_time(toks, x + 1) or toks.low[x + 1] in _PP_STARTS)
    ):
        return True  # a noun's participle: "in an op-ed published Tuesday", "posted on X"
    return (
        low in _PP_STARTS
        or low in _DETERMINERS
        or (low not in _cues() and not low.endswith(("ed", "ing")) and low not in _STOP)
    )


def _quoted_subject(toks: _Toks, k: int, t_hi: int, opens: AbstractSet[int]) -> bool:
    """Say whether the quote opened at token *k* starts a reported clause as its subject.

    `said "budget reforms" and new taxes would pay`: words follow the closing mark, the
    quote does not end in punctuation (`said "We will win," and smiled`) and what follows
    is no preposition or time (`said "we will win" before leaving`, `"No Comment" Tuesday`).
    """
    if toks.text[k] not in '"“„«' or toks.start[k] not in opens:
        return False
    for j in range(k + 1, t_hi - 1):
        if toks.text[j] in _CLOSING_MARKS:
            nxt = toks.low[j + 1]
            return (
                toks.text[j - 1] not in ",.!?"
                and bool(toks.word[j + 1])
                and (nxt == "and" or nxt not in _FORWARD_STOP)
                and nxt not in _TIME_WORDS
            )
    return False


def _quote_ends(toks: _Toks, k: int, t_hi: int) -> bool:
    """Say whether the quote opened at token *k* ends its sentence (no word after its close).

    "said that “it is over.”" is a direct quote; "said that “exactly who did it” remains
    open" is reported speech with a partial quote in it.
    """
    for j in range(k + 1, t_hi):
        if toks.text[j] in _CLOSING_MARKS:
            return not any(toks.word[j + 1 : t_hi])
    return True


_NOT_CLAUSE_STARTS = frozenset({"in", "at", "on", "during", "as", "and", "but", "so", "or"})
_QUANTIFIER_AFTER_AT = frozenset({"least", "most"})


def _not_clause_start(toks: _Toks, k: int, t_hi: int) -> bool:
    """Say whether token *k* cannot open reported content ("in", "as", "and", …).

    "at least" and "at most" can, before a verb: they count a subject ("at least 12 shelters
    had opened").
    """
    low = toks.low[k]
    if low not in _NOT_CLAUSE_STARTS:
        return False
    return not (
        low == "at"
        and k + 1 < t_hi
        and toks.low[k + 1] in _QUANTIFIER_AFTER_AT
        and _aux_near(toks, k + 2, t_hi)
    )


def _counted_noun(toks: _Toks, c: int, lo: int) -> bool:
    """Say whether the cue word at token *c* is a plural noun after a number.

    "102.2 points" and "3 claims" are nouns; "in 2001 ruled" and "Doe, 56, says" are verbs.
    """
    low = toks.low[c]
    return c > lo and toks.low[c - 1][:1].isdigit() and low.endswith("s") and low != "says"


_ADD = frozenset({"add", "adds", "added", "adding"})


def _possessed_noun(toks: _Toks, c: int, lo: int) -> bool:
    """Say whether the cue word at token *c* is a noun right after a possessive.

    "his remarks"; not "their supporters say", where the possessive goes with another noun.
    """
    return c > lo and toks.low[c - 1] in _POSSESSIVES


# possessive determiners ("her" is left out: "her pleading with officers", "heard her say")
_POSSESSIVES = frozenset({"his", "their", "its", "our", "my", "your"})


def _aux_near(toks: _Toks, k: int, t_hi: int) -> bool:
    """Say whether an auxiliary or modal comes within 12 tokens of *k*.

    "said at least 12 shelters had opened" is speech; "claimed at least 217 lives" is not.
    """
    return any(toks.low[j] in _CLAUSE_VERBS for j in range(k, min(t_hi, k + 12)))


_TITLE_MARKS = frozenset('"“”‘’')
_SKIPPABLE = _TITLE_MARKS | {","}
_CLOSING_MARKS = frozenset('”"»')
_CLAUSE_ENDS = _CLOSING_MARKS | {
    ";",
    ",",
    "and",
    "but",
}  # the folded tokens `_clause_after` stops at
_OBJECT_CUES = frozenset(
    {"cited", "cites",
     "called", "calls", "described", "describes", "accused", "accuses", "criticized",
     "criticizes", "condemned", "condemns", "demanded", "demands", "urged", "urges",
     "dismissed", "dismisses", "pointed", "points"}
)  # fmt: skip


def _that_clause_follows(toks: _Toks, c: int, lo: int, hi: int) -> bool:
    """Say whether a cue that mostly takes an object introduces a clause here.

    "She responded that the vote…", "The Post reports that Clinton…": the cue is followed by
    "that" and the start of a clause (a name, a pronoun, a determiner), and a present-tense
    form ("reports", "states", also nouns) has a name or a pronoun before it. Not "repeated
    that claim", not "the reports that".
    """
    if c + 2 >= hi or toks.low[c + 1] != "that" or not toks.word[c + 2]:
        return False
    nxt = toks.low[c + 2]
    if not (toks.cap[c + 2] or nxt in _PRONOUNS or (nxt in _DETERMINERS and nxt != "that")):
        return False
    low = toks.low[c]
    if low.endswith("ed") or low in _IRREGULAR_PAST:
        return True
    if c > lo and _is_possessive(toks, c - 1):
        return False  # "Lee's posts that the vote was rigged": a noun
    return _named_subject(toks, c, lo)


_MAX_NAMED_PHRASE = 4  # words of "The Trump campaign"-like subjects


def _named_subject(toks: _Toks, c: int, lo: int) -> bool:
    """Return True if the cue at *c* has a name or a personal pronoun for its subject.

    Right before it ("Cruz called", "she called"), before an apposition ("Minyon Moore, a
    senior adviser, called"), or a noun phrase with a name in it ("The Trump campaign
    called"); not "His surrogates called", "the band leader called".
    """
    j = c - 1
    while j >= lo and toks.word[j] and (toks.low[j] in _AUX or toks.low[j].endswith("ly")):
        j -= 1
    if j < lo:
        return False
    if toks.word[j] and (
        toks.low[j] in {"he", "she", "they", "we", "i"}
        or (toks.cap[j] == 1 and toks.low[j] not in _DETERMINERS)
    ):
        return True
    spk = _subject_before(toks, c, lo)
    if spk is None:
        return False
    words = _words_of(toks, spk, lo, c)
    if not words:
        return False
    first, low = words[0], toks.low[words[0]]
    if toks.text[j] == ",":  # a name before its apposition
        return bool(toks.cap[first]) and low not in _DETERMINERS and low not in _PRONOUNS
    # "The Trump campaign": an article, a name, a noun or two, opening the sentence or a
    # clause (not "the Scientology device called the E-meter": a name given)
    return (
        low == "the"
        and 2 <= len(words) <= _MAX_NAMED_PHRASE  # noqa: PLR2004
        and (first == lo or toks.text[first - 1] in {",", ";"})
        and toks.cap[words[1]] == 1
        and not toks.text[words[1]][0].isdigit()
        and not any(_is_past_form(toks.low[x]) for x in words)
    )


def _coordinated_cue(toks: _Toks, k: int, t_hi: int) -> bool:
    """Return True at "(also) warned" after "and"/"but": a second cue of the same speaker.

    A bare verb form needs a modal before it ("and would warn"): without one it is not a
    finite verb of the subject but a noun or an adjective ("federal and state law").
    """
    modal = False
    while k < t_hi and toks.word[k] and toks.low[k] in _AUX:
        modal = toks.low[k] in _BEFORE_BARE
        k += 1
    if k >= t_hi:
        return False
    low = toks.low[k]
    return (
        toks.word[k] == 1
        and not toks.cap[k]
        and low in _cues()
        and not _is_participle(low)
        and (modal or not _is_bare(low))
        and not (k + 1 < t_hi and toks.low[k + 1] in _NOT_AFTER_CUE)  # "thought of"
    )


_NO_CLAUSE_AFTER = frozenset({"to", "by", "of"})  # after a cue: "said to be", "warned of"
_NOT_AFTER_CUE = _NO_CLAUSE_AFTER | {"about"}  # …and after a second cue: "thought about"


_BEFORE_BARE = _MODALS | {
    "did", "does", "do", "didn't", "didn’t", "doesn't", "doesn’t", "don't", "don’t", "won't",
    "won’t",
}  # fmt: skip


def _is_bare(low: str) -> bool:
    """Say whether a cue verb is in its bare form ("warn", "state"), not "warns", "warned"."""
    return not low.endswith(("s", "ed")) and low not in _IRREGULAR_PAST


def _attribution_follows(toks: _Toks, k: int, t_hi: int) -> bool:
    """Return True if tokens from *k* read "NP CUE" (a new attribution: ", Asif said")."""
    cues = _cues()
    for c in range(k + 1, min(t_hi, k + 10)):
        if not toks.word[c] and toks.text[c] not in ",.()’'":
            return False
        if (
            toks.word[c]
            and toks.low[c] in cues
            and not toks.cap[c]
            and not _is_participle(toks.low[c])
            and not _noun_cue(toks, c, t_hi)
        ):
            if c + 1 < t_hi and toks.low[c + 1] == "to":
                return False  # "the Netherlands and Germany continue to have": no speech
            return _subject_before(toks, c, k) is not None
    return False


_DAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     "yesterday", "today", "tonight", "earlier", "later", "recently", "previously"}
)  # fmt: skip


_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})


def _is_time(toks: _Toks, k: int) -> bool:
    """Return True at "Tuesday", "on Tuesday", "last week" right after a cue verb."""
    low = toks.low[k]
    if low in _DAYS:
        return True
    nxt = toks.low[k + 1]
    if low == "on" and nxt in _DAYS:
        return True
    return low in {"last", "this", "next", "late", "early"} and nxt in {
        "week", "month", "year", "night", "weekend", "spring", "summer", "fall", "winter",
    }  # fmt: skip


def _clause_before(
    text: str, toks: _Toks, c: int, t_lo: int, attr: _Attr, *, whole: bool = False
) -> _Found | None:
    """Reported content before a final attribution: "CLAUSE, X said" / "CLAUSE, said X".

    With *whole*, the content is all there is (nothing reported after the cue): a short
    opening phrase is then no clause ("In all, the bombings claimed …"); it is the first
    piece of an interrupted clause ("In the coming weeks, the source said, Democrats …").
    """
    spk = attr.speaker
    first = c
    if spk is not None and spk.start < toks.start[c]:
        first = _index_back(toks, spk.start, t_lo, c)
    if first - 1 < t_lo or toks.text[first - 1] != ",":
        return None
    if whole and toks.low[t_lo] in _PP_STARTS and first - 1 - t_lo <= _MAX_OPENING_PHRASE:
        return None
    span = _content(text, toks.start[t_lo], toks.start[first - 1])
    if span is None:
        return None
    return _Found(span[0], span[1], "indirect", "quote.reported-before", attr)


_MAX_OPENING_PHRASE = 4  # tokens of a phrase like "In several other countries,"


def _source_tail_end(toks: _Toks, j: int, t_hi: int) -> int:
    """Return the token after the words that run on a source from its preposition at *j*.

    "a new report by Politico", "people close to the president".
    """
    limit = min(t_hi, j + _MAX_SOURCE_TAIL)
    j += 1
    while j < limit and (toks.word[j] or toks.text[j] in ".’'") and toks.low[j] not in _STOP:
        j += 1
    if toks.text[j - 1] == "." and (j == t_hi or not toks.word[j]):
        j -= 1  # the sentence's full stop
    return j


_AFTER_CONTENT = _DASHES | {","}  # what ends the content before "according to"
_MAX_SOURCE_TAIL = 8  # words a source may run on after its noun phrase
_MAX_SOURCE_WORDS = 5


def _source_forward(toks: _Toks, i: int, hi_index: int) -> _Spk | None:
    """Return a lower-case source after "according to": "federal statistics", "police".

    A few words ending in a plural or a word of `_SOURCE_NOUNS`, not "according to plan":
    the phrase stops at a determiner or a past form ("federal statistics released Tuesday").
    """
    j = i
    while (
        j < hi_index
        and j < i + _MAX_SOURCE_WORDS
        and toks.word[j]
        and toks.low[j] not in _FORWARD_STOP
        and toks.low[j] not in _STOP
        and (j == i or (toks.low[j] not in _DETERMINERS and not _is_past_form(toks.low[j])))
    ):
        j += 1
    if j == i:
        return None
    head = toks.low[j - 1]
    # a plural or source noun heads it, or opens it: "people familiar with the matter"
    if not (head.endswith("s") or head in _SOURCE_NOUNS or toks.low[i] in _SOURCE_NOUNS):
        return None
    return _Spk(toks.start[i], toks.end[j - 1])


_SOURCE_NOUNS = frozenset(
    {"police", "data", "media", "staff", "military", "government", "intelligence", "research",
     "census", "management", "leadership", "prosecution", "defense", "defence", "people",
     "officials", "sources"}
)  # fmt: skip
# "a report by X, …", "people familiar with the matter", "people close to him"
_SOURCE_TAIL = frozenset({"by", "from", "of", "in", "at", "for", "on", "with", "to"})


def _according(text: str, toks: _Toks, c: int, t_lo: int, t_hi: int) -> _Found | None:
    spk = _np_forward(toks, c + 2, t_hi) or _source_forward(toks, c + 2, t_hi)
    if spk is None:
        return None
    cue = (toks.start[c], toks.end[c + 1])
    attr = _Attr(spk, cue, "quote.according-to")
    if c > t_lo and toks.text[c - 1] in _AFTER_CONTENT:
        span = _content(text, toks.start[t_lo], toks.start[c - 1])
        j = _index_at(toks, spk.end, c, t_hi)
        if j < t_hi and toks.low[j] in _SOURCE_TAIL:
            # the source runs on: "…, according to people familiar with the matter."
            end = _source_tail_end(toks, j, t_hi)
            attr = _Attr(_Spk(spk.start, toks.end[end - 1]), cue, "quote.according-to")
    else:
        j = _index_at(toks, spk.end, c, t_hi)
        if j < t_hi and toks.low[j] in _SOURCE_TAIL:
            # the source runs on to the comma: "According to a new report by Politico, …"
            j = _source_tail_end(toks, j, t_hi)
        if j >= t_hi or toks.text[j] != ",":
            return None
        name_end = _name_apposition(toks, j, t_hi)
        if name_end is not None and toks.low[j - 1] in load_set("quotes_titles.txt"):
            j = name_end  # "According to the team's coach, Alireza Mehraban, …"
        if toks.start[j - 1] >= spk.end:
            attr = _Attr(_Spk(spk.start, toks.end[j - 1]), cue, "quote.according-to")
        if (
            j + 1 < t_hi
            and _not_clause_start(toks, j + 1, t_hi)
            and not _phrase_then_clause(toks, j + 1, t_hi)
        ):
            return None  # "according to the schedule, and the bridge reopened"
        span = _content(text, toks.end[j], toks.end[t_hi - 1])
    if span is None:
        return None
    return _Found(span[0], span[1], "indirect", "quote.according-to", attr)


def _name_apposition(toks: _Toks, j: int, t_hi: int) -> int | None:
    """Return the comma that closes a name in apposition after the comma at *j*, or None.

    "the team's coach, Alireza Mehraban, …": up to four capitalised words between commas
    (the caller checks that a role comes before: "According to press reports, Ana Ruiz, the
    eldest, was …" names the clause's subject).
    """
    k = j + 1
    while k < t_hi and k <= j + _MAX_NAME_WORDS and toks.word[k] and toks.cap[k]:
        k += 1
    if k == j + 1 or k >= t_hi or toks.text[k] != ",":
        return None
    return k


def _phrase_then_clause(toks: _Toks, k: int, t_hi: int) -> bool:
    """Say whether a phrase opening at *k* ("in their first match,") leads to a clause."""
    if toks.low[k] not in _PP_STARTS:
        return False
    for c in range(k + 1, min(t_hi - 1, k + _MAX_OPENING_PHRASE * 2)):
        if toks.text[c] == ",":
            return _starts_clause(toks, c + 1, t_hi)
        if not toks.word[c]:
            return False
    return False


_MAX_NAME_WORDS = 4


# ---------------------------------------------------------------------------------------------
# Resolution


@attrs.define
class _Person:
    name: str
    entity: str | None
    roles: set[str] = attrs.field(factory=set)
    gender: str | None = None  # "f", "m" or unknown: which of "she" and "he" may be them


@functools.cache
def _genders() -> dict[str, str]:
    """Given names, honorifics and gendered nouns (lexicons/quotes_gender.tsv) to f or m."""
    return {row[0].casefold(): row[1] for row in load_table("quotes_gender.tsv")}


def _gender_of(name: str, titles: Iterable[str]) -> str | None:
    """Tell from a person's titles ("Mrs.", "spokeswoman") or given name who they are."""
    genders = _genders()
    for title in titles:
        for word in title.split():
            g = genders.get(word.casefold())
            if g is not None:
                return g
    parts = name.split()
    if len(parts) > 1:
        return genders.get(parts[0].casefold())
    return None


def _other_first_name(name: str, known: str) -> bool:
    """Say whether two names of two words or more start differently.

    "Bill Clinton" is not "Hillary Clinton"; a middle initial does not count ("Donald J.
    Trump" is "Donald Trump").
    """
    a, b = name.split(), known.split()
    return len(a) > 1 and len(b) > 1 and a[0].casefold() != b[0].casefold()


_INDEFINITE = frozenset({"a", "an", "one", "another"})
_PASSIVE_AUX = frozenset({"be", "been", "being", "was", "were"})  # "was told", "be asked"
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


_NAME_SEQ = regex.compile(
    r"(?:\p{Lu}[\p{Ll}\p{Lu}'’\-]*+\.?|\p{Lu}\.)"
    r"(?:[ \u00a0](?:\p{Lu}[\p{Ll}\p{Lu}'’\-]*+\.?|\p{Lu}\.|al-\p{Lu}\p{Ll}++|bin|de|van|von))"
    r"{0,5}+"
)


_MAX_WHO_GAP = 3  # characters between a name and its relative "who": ", "


class _Resolver:
    """Resolve literal speaker mentions to people: names, pronouns and role descriptions."""

    def __init__(self, text: str, entities: Sequence[Entity]) -> None:
        self.text = text
        self.titles = load_set("quotes_titles.txt")
        people = [e for e in entities if e.type == "PER"]
        mentions = [(m.start, m.end, i) for i, e in enumerate(people) for m in e.mentions]
        mentions.sort()
        self.mentions: list[tuple[int, int, int]] = mentions
        self.mention_starts = [m[0] for m in mentions]
        self.people = people
        # surname -> person; an int is entity *i* whose person is made on first use (most
        # entities are never looked up), see `_surname`
        self.by_surname: dict[str, _Person | int] = {}
        self.by_entity: dict[str, _Person] = {}
        self.history: list[tuple[int, _Person]] = []
        # role look-ups fall back on the entities' titles: folded on first use, cached per
        # head word
        self._folded: list[tuple[str, ...]] | None = None
        self._made: dict[int, _Person] = {}
        self.title_holder: dict[str, int | None] = {}
        for i, e in enumerate(people):
            for alias in (e.name, *e.aliases):
                parts = alias.split()
                if parts:
                    self.by_surname.setdefault(parts[-1].casefold(), i)

    @property
    def folded_titles(self) -> list[tuple[str, ...]]:
        """Each person's titles, casefolded (computed once, on first use)."""
        if self._folded is None:
            self._folded = [tuple(t.casefold() for t in e.titles) for e in self.people]
        return self._folded

    def _surname(self, key: str) -> _Person | None:
        """The person remembered under *key* (made now for an entity not looked up yet)."""
        p = self.by_surname.get(key)
        if isinstance(p, int):
            made = self._made.get(p)
            if made is None:
                e = self.people[p]
                made = _Person(e.name, e.id, set(self.folded_titles[p]))
                self._made[p] = made
            self.by_surname[key] = made
            return made
        return p

    def _entity_at(self, start: int, end: int) -> _Person | None:
        starts = self.mention_starts
        i = bisect.bisect_right(starts, end) - 1
        first = max(0, bisect.bisect_right(starts, start) - 3)
        mentions = self.mentions
        while i >= first:
            s, e, idx = mentions[i]
            if s < end and e > start:
                return self._of_entity(idx)  # the entity itself, never a namesake
            i -= 1
        return None

    def _of_entity(self, idx: int) -> _Person:
        """The person for entity *idx*: the entity itself, never a namesake with its surname."""
        ent = self.people[idx]
        person = self.by_entity.get(ent.id)
        if person is None:
            roles = set(self.folded_titles[idx])
            person = _Person(ent.name, ent.id, roles, _gender_of(ent.name, ent.titles))
            self.by_entity[ent.id] = person
            self.by_surname.setdefault(ent.name.rsplit(maxsplit=1)[-1].casefold(), person)
        return person

    def _person(self, name: str, entity: str | None, roles: set[str]) -> _Person:
        key = name.rsplit(maxsplit=1)[-1].casefold()
        p = self._surname(key)
        if p is None or (p.name != name and len(name) > len(p.name)):
            p = _Person(name, entity, roles, _gender_of(name, roles))
            self.by_surname[key] = p
        p.roles |= roles
        if p.gender is None and roles:
            p.gender = _gender_of("", roles)
        return p

    def _split_name(self, start: int, end: int) -> tuple[str, set[str]] | None:
        """Return the personal name inside a mention and the role words before it."""
        words = self.text[start:end]
        cut = max(words.rfind("’s "), words.rfind("'s "))
        if cut >= 0:
            words = words[cut + 3 :]
        paren = words.find(" (")
        if paren >= 0:
            words = words[:paren]
        toks = words.split()
        roles: list[str] = []
        while toks and (
            toks[0].casefold() in self.titles
            or not toks[0][:1].isupper()
            or (toks[0].count(".") >= 2 and toks[0].isupper())  # noqa: PLR2004 - "U.S."
        ):
            roles.append(toks.pop(0).casefold())
        if not toks or not all(t[:1].isupper() for t in toks):
            return None
        if len(toks[-1]) > 2 and toks[-1].endswith("."):  # noqa: PLR2004 - "Lee." but not "R."
            toks[-1] = toks[-1][:-1]
        return " ".join(toks), {r for r in roles if r in self.titles and r.rstrip(".") == r}

    def resolve(self, spk: _Spk) -> tuple[str | None, str | None]:
        """Return (name, entity id) for a speaker mention, and remember it."""
        person = self._entity_at(spk.start, spk.end) if self.mentions else None
        if person is None:
            person = self._unnamed(spk)
        if person is None:
            person = self._nameless(spk)
            if person is not None:
                self.history.append((spk.start, person))
            return None, None
        self.history.append((spk.start, person))
        if not person.name:
            return None, None  # a pronoun for a speaker with no name: "a spokeswoman … she"
        return person.name, person.entity

    def _nameless(self, spk: _Spk) -> _Person | None:
        """A new speaker described but not named ("A Downing Street spokeswoman"), or None.

        Remembered without a name, so that a later "she" or "the spokeswoman" goes to her,
        not to someone named before her. Only an indefinite description introduces one: "the
        New York businessman" may well be someone named before.
        """
        words = self.text[spk.start : spk.end].casefold().split()
        if len(words) < 2 or words[0] not in _INDEFINITE:  # noqa: PLR2004
            return None
        head = words[-1]
        if head not in self.titles:
            return None
        return _Person("", None, {head}, _gender_of("", (head,)))

    def _unnamed(self, spk: _Spk) -> _Person | None:
        """Resolve a mention that no entity mention covers: a pronoun, a role, a name."""
        low = self.text[spk.start : spk.end].casefold()
        if low in _PRONOUNS:
            return self._recent(spk.start, low) if low in {"he", "she"} else None
        if low == "who":
            return self._antecedent(spk.start)
        words = low.split()
        if words[0] in {"the", "a"} and len(words) <= 4:  # noqa: PLR2004
            return self._role(words[-1], spk.start)
        split = self._split_name(spk.start, spk.end)
        if split is None:
            return None
        name, roles = split
        person = self._surname(name.split()[-1].casefold())
        if person is not None and _other_first_name(name, person.name):
            # "North Korea" is not "South Korea", "Ana Lee" not "Bo Lee": someone new
            person = _Person(name, None, roles, _gender_of(name, roles))
            self.by_surname[name.split()[-1].casefold()] = person
            return person
        if person is None or (len(name) > len(person.name) and person.entity is None):
            person = self._person(name, None, roles)
        person.roles |= roles
        return person

    def note_names(self, lo: int, hi: int) -> None:
        """Remember the multi-word names of ``text[lo:hi]`` as people (fallback resolution)."""
        if self.people:
            return
        for m in _NAME_SEQ.finditer(self.text, lo, hi):
            if " " not in m.group():
                continue
            split = self._split_name(m.start(), m.end())
            if split is None:
                continue
            name, roles = split
            if " " in name:
                p = self._person(name, None, roles)
                if roles:
                    self.history.append((m.start(), p))

    def _antecedent(self, pos: int) -> _Person | None:
        """The person named right before a relative "who" at *pos* ("Stevie Wonder, who")."""
        i = bisect.bisect_left(self.mention_starts, pos) - 1
        if i < 0:
            return None
        _, end, idx = self.mentions[i]
        between = self.text[end:pos]
        if len(between) > _MAX_WHO_GAP or between.strip(" ,\u00a0"):
            return None  # "an architect who said": no name to go back to
        return self._of_entity(idx)

    def _recent(self, pos: int, pronoun: str = "") -> _Person | None:
        """The most recent person before *pos* whom *pronoun* may name ("she": no "Mr.")."""
        want = _PRONOUN_GENDER.get(pronoun)
        found: list[tuple[int, _Person]] = []
        i = bisect.bisect_left(self.mention_starts, pos) - 1
        for k in range(i, max(-1, i - _WINDOW), -1):
            s, _, idx = self.mentions[k]
            found.append((s, self._of_entity(idx)))
            if want is None or found[-1][1].gender in {None, want}:
                break  # nothing earlier can be nearer and fit
        for s, p in reversed(self.history[-_WINDOW:]):
            if s < pos:
                found.append((s, p))
                if want is None or p.gender in {None, want}:
                    break
        found.sort(key=lambda sp: -sp[0])
        for _, p in found:
            if want is None or p.gender == want:
                return p
            if p.gender is None:
                # a name of unknown gender; the last speaker, known to fit, goes first ("a
                # spokeswoman said Starmer would …. "…," she said.")
                last = next((h for s, h in reversed(self.history) if s < pos), None)
                return last if last is not None and last.gender == want else p
        return None

    def _role(self, head: str, pos: int) -> _Person | None:
        for s, p in reversed(self.history[-_WINDOW:]):
            if s < pos and p.roles and any(head in r for r in p.roles):
                return p
        if head not in self.title_holder:  # the first entity whose titles hold *head*
            titles = self.folded_titles
            self.title_holder[head] = next(
                (i for i, ts in enumerate(titles) if any(head in t for t in ts)), None
            )
        i = self.title_holder[head]
        if i is None:
            return None
        e = self.people[i]
        return self._person(e.name, e.id, set())


# ---------------------------------------------------------------------------------------------
# Public API


_HEADLINE_COLON = regex.compile(
    r"(?P<name>\p{Lu}[\p{L}.’'\-]{0,30}+(?:[ ]\p{Lu}[\p{L}.’'\-]{0,30}+){0,3}+):[ ]++(?P<rest>\S)"
)
_NOT_HEADLINE_SPEAKERS = frozenset(
    {"the latest", "update", "watch", "analysis", "opinion", "exclusive", "breaking", "live",
     "photos", "video", "editorial", "review", "explainer", "timeline", "factbox", "interview",
     "q&a", "podcast", "listen", "fact check", "comment", "letters", "obituary", "profile",
     "special report", "quiz", "recap", "preview", "column"}
)  # fmt: skip


def _headline_quotes(text: str, lo: int, hi: int) -> list[_Found]:
    """Reported speech in a headline: "Lee: Talks Have Failed", "Lee Says Talks Failed"."""
    m = _HEADLINE_COLON.match(text, lo, hi)
    if m is not None and m.group("name").casefold() not in _NOT_HEADLINE_SPEAKERS:
        span = _content(text, m.start("rest"), hi, trim=False)
        if span is not None:
            attr = _Attr(_Spk(*m.span("name")), None, "quote.headline")
            return [_Found(span[0], span[1], "indirect", "quote.headline", attr)]
    found = _headline_colon_quote(text, lo, hi)
    if found is not None:
        return [found]
    # the first _WINDOW + 2 tokens lie within as many white-space separated chunks
    rest = text[lo:hi].split(maxsplit=_WINDOW + 2)
    cut = hi - len(rest[-1]) if len(rest) > _WINDOW + 2 else hi
    if not _has_cue(text, lo, cut, _HEADLINE):
        return []
    toks = _head_tokens(text, lo, cut, _WINDOW + 2)
    cues = _cues()
    for c in range(1, min(len(toks), _WINDOW)):
        if (
            not toks.word[c]
            or toks.low[c] not in cues
            or _is_participle(toks.low[c])
            or toks.low[c] in _NOT_CLAUSE_CUES
        ):
            continue
        if not toks.word[c - 1] or not toks.cap[c - 1]:
            continue
        i = c - 1
        while i > 0 and toks.word[i - 1] and toks.cap[i - 1] and c - i < _MAX_NP:
            i -= 1
        attr = _Attr(
            _Spk(toks.start[i], toks.end[c - 1]), (toks.start[c], toks.end[c]), "quote.headline"
        )
        k = c + 1
        if k < len(toks) and toks.low[k] == "that":
            k += 1
        if not any(toks.word[k:]):
            # "Economy Will Slow, Fed Chair Warns": the attribution closes the headline
            if i < 2 or toks.text[i - 1] != ",":  # noqa: PLR2004
                return []
            span = _content(text, lo, toks.start[i - 1])
        else:
            span = _content(text, toks.start[k], hi)
        if span is None:
            return []
        return [_Found(span[0], span[1], "indirect", "quote.headline", attr)]
    return []


# "A lesson from Loretta Lynch: 'Be the voice that people hear.'": words quoted whole after
# a colon; the speaker is the capitalised run before the colon, or before "on" in "Trump
# on NATO: …"
_HEADLINE_QUOTE = regex.compile(
    r"(?P<head>[^:\n]{3,120}?)[ ]?:[ ]++[\"“‘'«](?P<quote>[^\"“”‘«»\n]{3,300}?)[\"”’'»][.!?]?[ ]*+"
)
_CAPITAL_RUN = regex.compile(r"\p{Lu}[\p{L}.’'\-]*+(?:[ ]\p{Lu}[\p{L}.’'\-]*+){0,5}+")


def _headline_colon_quote(text: str, lo: int, hi: int) -> _Found | None:
    """A headline that ends in words quoted whole after its colon (`quote.headline`)."""
    m = _HEADLINE_QUOTE.fullmatch(text, lo, hi)
    if m is None:
        return None
    head_lo, head_hi = m.span("head")
    on = text.find(" on ", head_lo, head_hi)
    if on >= 0:
        head_hi = on  # "Trump on NATO: 'It is obsolete'"
    runs = [r for r in _CAPITAL_RUN.finditer(text, head_lo, head_hi) if r.end() == head_hi]
    spk = _Spk(*runs[0].span()) if runs else None
    span = _content(text, *m.span("quote"), trim=False)
    if span is None:
        return None
    attr = _Attr(spk, None, "quote.headline") if spk is not None else None
    return _Found(span[0], span[1], "indirect", "quote.headline", attr)


_DASH_LINE = regex.compile(r"[—–―]|--?(?=[ \u00a0])")
_DASH_LINE_FIRST = frozenset("—–―-")  # what a `_DASH_LINE` match starts with


def _dash_signature(text: str, lo: int, hi: int, previous: _Paragraph) -> bool:
    """Give the quote that ends the paragraph before to the name on a dash line after it.

    `"We will rebuild the port."` / `— Carla Sanchez, harbor master`: the dash line names
    the speaker of a quote with no attribution of its own (rule `quote.dash`).
    """
    m = _DASH_LINE.match(text, lo, hi) if lo < hi and text[lo] in _DASH_LINE_FIRST else None
    if m is None or not previous.quotes or hi - lo > _MAX_SIGNATURE:
        return False
    last = previous.quotes[-1]
    if last.attr is not None and last.rule != "quote.previous-paragraph":
        return False
    toks = _tokens(text, m.end(), hi)
    k = 0
    while k < len(toks) and not toks.word[k]:
        k += 1
    if k >= len(toks) or not toks.cap[k]:
        return False
    spk = _np_forward(toks, k, len(toks))
    if spk is None:
        return False
    last.attr = _Attr(spk, None, "quote.dash")
    previous.last_speaker = last.attr
    return True


_MAX_SIGNATURE = 120  # characters of a dash line that signs a quote


def _extract(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    entities: Sequence[Entity] = (),
    *,
    indirect: bool = True,
    headline: tuple[int, int] | None = None,
) -> tuple[list[Quote], list[Diagnostic], dict[str, list[Mention]]]:
    raws, diags = _pair_marks(text, paragraphs)
    # British style: an article that quotes in single marks only gives them the weight of
    # double marks (elsewhere a single-quoted phrase mid-sentence is a name or a scare quote)
    single_style = not any(r.double for para_raws in raws for r in para_raws)
    found: list[_Found] = []
    if headline is not None and indirect:
        found.extend(_headline_quotes(text, *headline))
    previous: _Paragraph | None = None
    for (lo, hi), para_raws in zip(paragraphs, raws, strict=True):
        if (
            not para_raws
            and previous is not None
            and text[lo : lo + 1] in _DASH_LINE_FIRST  # (what the function looks at first)
            and _dash_signature(text, lo, hi, previous)
        ):
            continue  # "— Carla Sanchez, harbor master" under a quote: attributed it
        reported: list[_Found] = []
        if para_raws or _may_be_transcript(text, lo, hi):
            para = _analyse_paragraph(
                text,
                lo,
                hi,
                para_raws,
                previous=previous,
                indirect=indirect,
                reported=reported,
                single_style=single_style,
            )
        else:  # what `_analyse_paragraph` does with it, without its large frame
            para = _plain_paragraph(text, lo, hi, indirect=indirect, reported=reported)
        found.extend(para.quotes)
        found.extend(reported)
        previous = para
    if not found:
        return [], diags, {}
    found.sort(key=_START_END)
    _close_crossings(text, found)
    found = _distinct(found)
    resolver = _Resolver(text, entities)
    quotes: list[Quote] = []
    pronouns: dict[str, list[Mention]] = {}
    speakers: dict[int, Speaker] = {}
    last_names = 0
    groups = _groups(found)
    for f in found:
        if not resolver.people:  # names from the text only without entities
            resolver.note_names(last_names, f.start)
        last_names = max(last_names, f.start)
        speaker = None
        cue = None
        if f.attr is not None:
            if f.attr.speaker is not None:
                key = id(f.attr.speaker)
                speaker = speakers.get(key)
                if speaker is None:
                    s = f.attr.speaker
                    name, entity = resolver.resolve(s)
                    # spans of *text*, by construction: no validation (`model._unchecked_*`)
                    speaker = _unchecked_speaker(
                        s.start, s.end, text[s.start : s.end], name, entity
                    )
                    speakers[key] = speaker
                    if entity is not None and speaker.text.casefold() in _PRONOUNS:
                        pronouns.setdefault(entity, []).append(
                            _unchecked_mention(
                                s.start, s.end, speaker.text, "pronoun", "quote.speaker"
                            )
                        )
            if f.attr.cue is not None:
                c_start, c_end = f.attr.cue
                cue = _unchecked_span(c_start, c_end, text[c_start:c_end])
        quotes.append(
            _unchecked_quote(
                f.start, f.end, text[f.start : f.end], f.kind, f.rule, speaker, cue,
                groups.get(id(f)),
            )
        )  # fmt: skip
    return quotes, diags, pronouns


_START_END = operator.attrgetter("start", "end")


def _distinct(found: list[_Found]) -> list[_Found]:
    """Drop a quote whose span and kind repeat an earlier one's.

    Widening reported clauses over the quotes they end in (:func:`_close_crossings`) can
    make two clauses one span (`“he said, he said, …`): the first one stays.
    """
    seen: set[tuple[int, int, str]] = set()
    out: list[_Found] = []
    for f in found:
        key = (f.start, f.end, f.kind)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _close_crossings(text: str, found: list[_Found]) -> None:
    """Extend reported speech that ends inside a quotation to the quotation's end.

    A reported clause whose last words are quoted ("should "dismantle Hamas,” Asif said",
    "will respond "in kind” if …" cut before "if") must cover the quoted part and its
    closing mark, so that quotes nest and never cross.
    *found* is sorted by start; only quotations starting inside a clause are looked at.
    """
    for i, outer in enumerate(found):
        if outer.kind != "indirect":
            continue
        for j in range(i + 1, len(found)):
            inner = found[j]
            if inner.start >= outer.end:
                break
            if inner.end >= outer.end:  # also when both end together: `respond "in kind`
                end = inner.end
                while end < len(text) and end < inner.end + 2 and text[end] in _QUOTE_CHARS:
                    end += 1
                outer.end = end


def _groups(found: list[_Found]) -> dict[int, int]:
    """Number the utterances with two or more linked pieces, in text order."""
    if all(f.link is None for f in found):
        return {}  # no piece links to another: no groups
    root: dict[int, int] = {}

    def find(key: int) -> int:
        while root.get(key, key) != key:
            key = root[key]
        return key

    for f in found:
        if f.link is not None:
            root[find(id(f))] = find(id(f.link))
    sizes: dict[int, int] = {}
    for f in found:
        r = find(id(f))
        sizes[r] = sizes.get(r, 0) + 1
    out: dict[int, int] = {}
    numbers: dict[int, int] = {}
    for f in found:
        r = find(id(f))
        if sizes[r] > 1:
            out[id(f)] = numbers.setdefault(r, len(numbers))
    return out


def iter_quotes(
    text: str,
    *,
    start: int = 0,
    end: int | None = None,
    indirect: bool = True,
    cue_verbs: Iterable[str] = (),
) -> Iterator[Quote]:
    """Yield the quotes of ``text[start:end]``: direct, partial and (optionally) reported.

    Paragraphs are the blank-line separated blocks. Speakers resolve to the names seen in
    the text (the :func:`extract_quotes` stage uses the entities stage instead).

    Args:
        text: Any text.
        start: Where to start looking.
        end: Where to stop (default: the end of *text*).
        indirect: Also yield reported speech (kind ``"indirect"``).
        cue_verbs: Extra speech verbs, each inflected form spelled out
            (``("quipped", "quips")``), on top of ``lexicons/cue_verbs.txt``.

    >>> t = 'Ana Ruiz, the mayor, spoke. "We are ready,” she said.'
    >>> [(q.text, q.kind, q.speaker.text, q.speaker.name) for q in iter_quotes(t)]
    [('We are ready,', 'direct', 'she', None)]
    """
    stop = len(text) if end is None else end
    blocks = list(iter_blocks(text, start, stop))
    quotes, _, _ = _extract_with_cues(cue_verbs, text, blocks, indirect=indirect)
    yield from quotes


def extract_quotes(
    article: Article, *, indirect: bool = True, cue_verbs: Iterable[str] = ()
) -> Article:
    """Stage: fill ``quotes`` from the body paragraphs, speakers resolved to ``entities``.

    Args:
        article: The article so far (paragraphs and entities are read).
        indirect: Also extract reported speech (kind ``"indirect"``).
        cue_verbs: Extra speech verbs, each inflected form spelled out, on top of
            ``lexicons/cue_verbs.txt``.

    Returns:
        A copy with ``quotes`` filled, diagnostics added for stray or unclosed marks and
        pronoun mentions added to the entities their quotes resolved to.

    >>> from newsparse.model import Article, Span
    >>> text = 'Asif said Kabul must act. "We are ready,” he said.'
    >>> a = extract_quotes(Article(text=text, paragraphs=(Span.of(text, 0, len(text)),)))
    >>> [(q.kind, q.text, q.speaker.text) for q in a.quotes]
    [('indirect', 'Kabul must act', 'Asif'), ('direct', 'We are ready,', 'he')]
    """
    paragraphs = [(p.start, p.end) for p in article.paragraphs]
    head = None if article.headline is None else (article.headline.start, article.headline.end)
    quotes, diags, pronouns = _extract_with_cues(
        cue_verbs, article.text, paragraphs, article.entities, indirect=indirect, headline=head
    )
    entities = article.entities
    if pronouns:
        entities = tuple(
            _replace(e, mentions=_merge_mentions(e.mentions, pronouns[e.id]))
            if e.id in pronouns
            else e
            for e in entities
        )
    return _replace(
        article,
        quotes=tuple(quotes),
        entities=entities,
        diagnostics=article.diagnostics + tuple(diags),
    )


def _merge_mentions(old: Iterable[Mention], new: Iterable[Mention]) -> tuple[Mention, ...]:
    taken = {(m.start, m.end) for m in old}
    merged = list(old) + [m for m in new if (m.start, m.end) not in taken]
    return tuple(sorted(merged, key=lambda m: (m.start, m.end)))
