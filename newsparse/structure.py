"""Structure stage: headline, deck, bylines, dateline, captions, body paragraphs, credits.

The stage reads the text as a sequence of *units*: the blank-line separated blocks, split
into lines, with the hard-wrapped lines of fixed-width wire copy joined back into one unit.
Each unit is classified on its own (page furniture, date line, byline, caption, photo
credit, credit line, text), then one pass over the units places them: the headline, the
head matter that follows it (deck, bylines, captions, a dateline line), the first body
paragraph (which may open with a dateline) and the rest of the body. Nothing is lost:
every non-blank line ends up in the headline, deck, a byline, the dateline, a caption, a
credit line, a body paragraph, or a :class:`~newsparse.model.Diagnostic` (page furniture).

Rule ids are listed in ``docs/structure.md``.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import string
from typing import TYPE_CHECKING

import attrs
import regex

from newsparse._lexicons import load_set
from newsparse._text import iter_blocks, iter_lines, strip_span
from newsparse.dates import iter_dates
from newsparse.model import (
    Article,
    Byline,
    Caption,
    Credit,
    Dateline,
    Diagnostic,
    Span,
    Timestamp,
    TimestampRole,
    _replace,
    _unchecked_span,
    timestamp_reference,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["iter_paragraphs", "iter_units", "split_structure"]

# ---------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------

_WRAP_MIN = 40  # narrowest and widest line of a hard-wrapped (fixed-width) block
_WRAP_MAX = 100
_WRAP_FULL = 0.6  # a line at least this share of the block width runs on into the next
_BULLET = regex.compile(r"[*•·▪►]\s|[-–]\s|\d{1,2}[.)]\s")
_LOWER_START = regex.compile(r"[\"'“‘(]?[\p{Ll}\d]")
_BY_START = regex.compile(r"(?:By|BY)\s+\p{Lu}")


def _block_is_wrapped(text: str, lines: list[tuple[int, int]], width: int) -> bool:
    """Tell whether a block of several lines is one hard-wrapped paragraph (or more)."""
    if not _WRAP_MIN <= width <= _WRAP_MAX:
        return False
    for (ps, pe), (ns, _ne) in itertools.pairwise(lines):
        if _BULLET.match(text, ps) or _BULLET.match(text, ns):
            return False
        if pe - ps >= _WRAP_FULL * width and _LOWER_START.match(text, ns):
            return True
    return False


def _add_block(
    text: str, lines: list[tuple[int, int]], indents: list[int], out: list[tuple[int, int]]
) -> None:
    """Append the units of one block, given its non-blank lines and their indents."""
    if len(lines) == 1:
        out.append(lines[0])
        return
    width = max(e - s for s, e in lines)
    if not _block_is_wrapped(text, lines, width):
        out.extend(lines)
        return
    base = min(indents)
    cur_s, cur_e = lines[0]
    for i in range(1, len(lines)):
        ps, pe = lines[i - 1]
        ns, ne = lines[i]
        joins = (
            pe - ps >= _WRAP_FULL * width
            and indents[i] <= base
            and not _BULLET.match(text, ns)
            and not _BY_START.match(text, ns)
        )
        if joins:
            cur_e = ne
        else:
            out.append((cur_s, cur_e))
            cur_s, cur_e = ns, ne
    out.append((cur_s, cur_e))


def _has_other_break(part: str) -> bool:
    """Tell whether ``part`` has a line break other than "\\n" (or U+001F).

    Text without them is split into lines by ``str.split``, giving the blocks of
    :func:`~newsparse._text.iter_blocks` (U+001F is white space but not a blank line's).
    """
    return (
        "\r" in part
        or "\x0b" in part
        or "\x0c" in part
        or "\x1c" in part
        or "\x1d" in part
        or "\x1e" in part
        or "\x1f" in part
        or "\x85" in part
        or "\u2028" in part
        or "\u2029" in part
    )


def _unit_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the spans :func:`iter_units` yields."""
    stop = len(text) if end is None else min(end, len(text))
    part = text if start == 0 and stop == len(text) else text[start:stop]
    out: list[tuple[int, int]] = []
    lines: list[tuple[int, int]] = []
    indents: list[int] = []
    if start < 0 or stop < 0 or _has_other_break(part):
        for bs, be in iter_blocks(text, start, end):
            for ls, le in iter_lines(text, bs, be):
                s, e = strip_span(text, ls, le)
                if s < e:
                    lines.append((s, e))
                    indents.append(s - ls)
            _add_block(text, lines, indents, out)
            lines = []
            indents = []
        return out
    # Only "\n" breaks: a line that is blank after stripping is all white space (no U+001F),
    # so it ends a block. A block's first line has indent 0 (iter_blocks strips the block).
    pos = start
    for line in part.split("\n"):
        body = line.strip()
        if body:
            lead = 0 if line[0] == body[0] else len(line) - len(line.lstrip())
            s = pos + lead
            lines.append((s, s + len(body)))
            indents.append(lead if indents else 0)
        elif lines:
            if len(lines) == 1:
                out.append(lines[0])
            else:
                _add_block(text, lines, indents, out)
            lines = []
            indents = []
        pos += len(line) + 1
    if lines:
        _add_block(text, lines, indents, out)
    return out


def iter_units(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each unit: a line, or the hard-wrapped lines of one paragraph.

    Blocks are separated by blank lines. In a block of fixed-width lines (40 to 100
    characters wide) a line that fills most of the width runs on into the next one,
    unless the next line is indented or a list item; other blocks give one unit a line.

    >>> t = "HEAD\\n\\nLONDON, March 2 - The plan was agreed late on Monday\\nby all member states."
    >>> [t[s:e] for s, e in iter_units(t)][1]
    'LONDON, March 2 - The plan was agreed late on Monday\\nby all member states.'
    """
    yield from _unit_spans(text, start, end)


def iter_paragraphs(text: str, *, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Yield the paragraphs of ``text[start:end]`` as spans, hard-wrapped lines rejoined.

    Works on any string; it does not tell body from head matter (see
    :func:`split_structure` for that).

    >>> [p.text for p in iter_paragraphs("A.\\n\\nB.")]
    ['A.', 'B.']
    """
    for s, e in iter_units(text, start, end):
        yield Span.of(text, s, e)


# ---------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------


def _agencies() -> frozenset[str]:
    return load_set("structure_agencies.txt")


def _photo_credits() -> frozenset[str]:
    return load_set("structure_photo_credits.txt")


def _junk_lines() -> frozenset[str]:
    return load_set("structure_junk.txt")


def _social_words() -> frozenset[str]:
    return load_set("structure_social_words.txt")


def _nonname_words() -> frozenset[str]:
    return load_set("structure_nonname_words.txt")


def _roles() -> frozenset[str]:
    return load_set("structure_roles.txt")


def _outlet_words() -> frozenset[str]:
    return load_set("structure_outlet_words.txt")


def _outlet(name: str) -> bool:
    """Say whether a credited name is a news outlet ("USA TODAY", "Reuters"), not a person.

    A given name first makes it a person ("John Post").
    """
    low = name.casefold()
    if low in _agencies():
        return True
    words = low.split()
    return words[-1] in _outlet_words() and words[0] not in load_set("entities_first_names.txt")


# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------

_MONTH = (
    r"(?i:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Febr|Mar|Marc|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?"
_WORD = regex.compile(r"[\p{L}\p{M}\d][\p{L}\p{M}\d'’.\-]*+")
_WORD_FIRST = regex.compile(r"([\p{L}\p{M}\d])[\p{L}\p{M}\d'’.\-]*+")  # _WORD, first character
_LETTERS = regex.compile(r"\p{L}")
_LOWER = regex.compile(r"\p{Ll}")
_ASCII_LOWER = frozenset(string.ascii_lowercase)  # all \p{Ll}
_SENTENCE_END = regex.compile(r"[.!?:][\"'”’»)\]]{0,3}$|[\"”’»]$")
_ELLIPSIS_END = regex.compile(r"(?:\.\.\.|…)[\"'”’)\]]{0,2}$")
_EDGE_PUNCT = " \t*+•·▪►|×:;.,!?-–—_=~#()[]{}\"'“”‘’"

_URL = regex.compile(r"(?:https?://|www\.)\S++$", regex.IGNORECASE)
_NUMBERS = regex.compile(r"[\d\s,.:/+%-]++$")
_COUNTER = regex.compile(
    r"(?i)[*•\s]*+(?:image|photo|slide|picture)?\s*+\d{1,3}\s*+(?:/|of|of\s*/)\s*+\d{1,3}"
    r"(?:\s*+\p{L}{0,12})?$"
)
_GLUED_COUNTER = regex.compile(r"\d{1,3}of\d{1,3}(?=\p{Lu})")
_READ_MORE = regex.compile(
    r"(?i)[*•\s]*+(?:(?:read|see|watch|listen)(?:\s+(?:more|next|also|now|again))?|more\s+(?:from|on)|"
    r"related(?:\s+(?:stories|articles|coverage|content|links|topics))?|recommended|also\s+read|"
    r"filed\s+under|tags|topics|categories|more\s+on)\s*+:"
    r"|(?:eds?|editors?['’]?s?\s+note)\s*+:"
    r"|\d{1,3}\s*+min(?:ute)?s?\s+read$|[\d,.]++\s*+(?:views|comments|shares|likes)$"
    r"|[*•\s]*+(?:scroll\s+down\s+for\s+(?:video|more)|click\s+here\s+to\b)"
)
_VIDEO_LABEL = regex.compile(r"(?i)video(?:\s*[\d:]{0,12}|\s+player)?$")
_HIGHLIGHTS = regex.compile(r"(?i)(?:story\s+)?(?:highlights|key points|in brief|at a glance)$")
_DATE_LABEL = regex.compile(
    r"(?i)[*•\s]*+(?:last\s+updated|updated(?:\s+on)?|published(?:\s+on)?|posted(?:\s+on)?|"
    r"originally\s+published|first\s+published|modified|date)\b"
)
_DATE_START = regex.compile(
    rf"(?i)[*•\s]*+(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}\b|\d{{1,2}}\s+{_MONTH}(?:,?\s|\d|$)"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}|\d{1,2}\s*(?:a\.?m|p\.?m)\b"
    rf"|{_WEEKDAY}\s+\d{{1,2}}\s+{_MONTH})"
)
_DATE_SHORT = 60
_DATE_LONG = 110
_COLUMNS = regex.compile(r"\S[ \t]{2,}+(?=\S)")
_TABLE_GAPS = 3
_DECK_START = regex.compile(r"[\"'“‘]?\p{Lu}")
_DASH_TEXT = regex.compile(r"\s[-–—_]{1,3}\s+[\p{L}(\"“]")

# Bylines.
_BY_PREFIX = regex.compile(r"[*•\s]*+(?:By|BY|by)(?:\s*:\s*|\s+|(?=\p{Lu}\p{Ll}))(?=\S)")
_BY_ALONE = regex.compile(r"[*•\s]*+(?:By|BY|by):?$")
_NAME_STOP = regex.compile(
    rf"\s*+(?:\||@|\[email|\S+@\S+\.\w+|\d|\b{_MONTH}\s+\d|\b(?:Updated|Published|Follow|Posted)\b)"
    rf"|\s++(?:[-–—/•]\s|(?:on|at)\s++(?:{_WEEKDAY}|{_MONTH})\b)"
)
_AUTHOR_SPLIT = regex.compile(r"\s*+[,;]\s*+|\s++(?:and|AND|And|&)\s++")
_NAME_TOKEN = regex.compile(
    r"\p{Lu}\.(?:\s?\p{Lu}\.){0,3}|\p{Lu}[\p{L}\p{M}'’\-]*+\.?|\([\p{L}. ]{1,12}\)|"
    r"(?:de|da|do|dos|das|del|della|der|den|van|von|di|du|le|la|bin|binti|al|el|ibn|y|st\.?)(?=\s)"
)
_CAMEL = regex.compile(r"(?<=\p{Lu}\p{Ll}{3,})(?=\p{Lu})")
_ORG_COLLECTIVE = regex.compile(
    r"(?i)(?:staff|staffers|correspondents?|reporters|staff\s+reports?|staff\s+writers?"
    r"|and\s+agencies|news\s+service|wire\s+reports|wire\s+staff)$"
)
_NAME_AGENCY = regex.compile(
    r"[^|,/]{3,40}(?:\s\|\s|,\s)(?:Reuters|REUTERS|AP|AFP|Associated Press)$"
)
_BULLET_PREFIX = regex.compile(r"[*•]\s+")
_LEAD_WORD = regex.compile(r"\p{Lu}?\p{Ll}++|\p{Lu}++(?!\p{Ll})|[\p{L}\-]++")
_AGENCY_DATE = regex.compile(rf"\s*+(?:$|[,|\-–—]|{_MONTH}\s*+\d|\d{{1,2}}\s+{_MONTH}|{_WEEKDAY})")
_SLASH_PART = regex.compile(r"[^/]++")
_HANDLE = regex.compile(r"\s*+@\w")
# Bounded and possessive: a line of nothing but "@" costs one pass, never a cubic search.
_EMAIL = regex.compile(r"[^\s@]{1,64}+@(?:[\w-]{1,63}+\.){1,8}\w{2,24}+|\[email\s*+protected\]")

# Captions and photo credits.
_CAPTION_LABEL = regex.compile(
    r"(?i)(?:image|media|photo|video)\s+caption\b[:\s]*+|caption\s*:\s*+|file\s+photo\s*:\s*+"
)
_CREDIT_ONLY = regex.compile(
    r"(?:©|\(c\)\s|Image\s+copyright\b|Image\s+Copyright\b|IMAGE\s+COPYRIGHT\b|Photo\s+credit\b"
    r"|(?:Photo|Photograph|Picture|Image|Photos|Pictures|Illustration)s?\s*:|Credits?\s*:|"
    r"Credit\s+(?=\p{Lu})|Credit(?=\p{Lu})|(?:Photo|Photograph|Picture|Illustration)\s+by\s+\p{Lu})"
)
_CREDIT_AFTER = regex.compile(
    r"[(\[]|(?:Photo|Photograph|Image|Picture|Illustration)(?:\s+by\b|\s*:)|[^©]{1,60}/"
)
_TRAILING_LABEL = regex.compile(
    r"(?:(?<=[.!?”\"’)\]]\s{0,3})|(?<=\p{Ll}))(?:Image\s+copyright|Credit(?:Credit)?|"
    r"(?:Photo|Photograph|Picture|Image|Source|Illustration)s?\s*:|Credits?\s*:|©|"
    r"(?:Photo|Photograph|Picture)\s+by\s)"
)
_TRAILING_PAREN = regex.compile(r"[(\[]([^()\[\]\n]{2,160})[)\]]\s*$")
_AGENCY_SLASH = regex.compile(
    r"(?<![\p{L}])(?:REUTERS|Reuters|AFP|AP|EPA|EPA-EFE|XINHUA|Xinhua|SANA|ANADOLU)\s*/\s*\p{Lu}"
)
_SLASH_CREDIT = regex.compile(r"\p{L}\s*(?:/|\s\|\s)\s*\p{L}")
_CREDIT_WORDS = regex.compile(
    r"(?i)\b(?:photo|photos|photograph|image|images|credit|getty|via|file|handout|courtesy|"
    r"pictures?|illustration|video by|supplied|pool)\b"
)
_PHOTO_WORD = regex.compile(
    r"(?i)\b(?:getty|ap|afp|reuters|epa|images?|photos?|photograph|shutterstock|file)\b"
)
_RIGHTS_RESERVED = regex.compile(r"(?i)\ball\s+rights\s+reserved\b")
_COPYRIGHT_NOTICE = regex.compile(r"(?i)©\s*\d{4}|\brights\s+reserved\b|\bcopyright\s+\d{4}")
_CREDIT_NAME = r"\p{Lu}[\p{L}.'’\-]*+(?:\s[\p{L}.'’\-]++){0,4}+"
_NAME_SLASH = regex.compile(rf"{_CREDIT_NAME}\s*+/\s*+{_CREDIT_NAME}(?:\s*+/\s*+{_CREDIT_NAME})?+$")
_SENT_BREAK = regex.compile(r"(?:[.!?][\"”’)]?\s?|(?<=\p{Ll}\d?)(?=\p{Lu}\p{Ll}+\s\p{Lu}))")

# Credit lines.
_CREDIT_BY = regex.compile(
    r"(?i)[(\[]?\s*+(?:[-–—]\s*+)?(?:(?:(?:additional|further|extra)\s+)?"
    r"(?:reporting|writing|editing|research|compiled|edited|written|reported|translated|"
    r"graphics|production|produced|fact-checking|photography)\s+by\b\s*:?"
    r"|contribut(?:ing|ors?)\s*+:)"
)
_CREDIT_CONTRIB = regex.compile(
    r"(?i)\bcontributed(?:\s+(?:reporting|to))?\s+(?:to\s+)?(?:this|the)\s+"
    r"(?:report|story|article|reporting)\b[.)\]]*+$"
)
_CREDIT_SOURCE = regex.compile(
    r"(?i)(?:this\s+(?:article|story|report|piece)\s+(?:was|has\s+been|is|first)\s+"
    r"(?:originally\s+|first\s+)?(?:published|adapted|republished|produced|appeared)"
    r"(?!\s+(?:at|on)\s+\d)|via\s+\S+\.\w{2,6}$)"
)
# Reuters' "REUTER" and an AFP desk's initials ("bur/jc", "dk/tc/sst")
_SIGNOFF = regex.compile(r"(?:Reuter|REUTER|[a-z]{2,4}+(?:/[a-z]{2,4}+){1,4}+)$")
_SEPARATOR = regex.compile(r"(?:_\s*+){3,}$")
_CREDIT_SEGMENT = regex.compile(
    r"(?i)(?:(?P<role>(?:(?:additional|further|extra)\s+)?(?:reporting|writing|editing|"
    r"research|compiled|edited|written|reported|translated|graphics|production|produced|"
    r"fact-checking|photography))\s+by\s*:?|(?P<role>contributing|contributors?)\s*+:)"
    r"\s*(?P<names>[^;()\[\]]{1,300})"
)
_IN_PLACE = regex.compile(r"\s+in\s+\p{Lu}[^,]*+$")

# Datelines.
_LOC_WORD = (
    r"(?:\p{Lu}[\p{L}\p{M}'’.\-]*+|(?:de|da|do|del|la|le|of|upon|on|am|an|der|es|al|au)(?=\s))"
)
_REGION = rf"(?!{_MONTH}\s+\d)\p{{Lu}}[\p{{L}}\p{{M}}'’.\-]*+(?:\s{_LOC_WORD}){{0,3}}"
_DATELINE = regex.compile(
    r"(?P<pre>\*{0,6}+\s*+)"
    rf"(?:(?P<loc>(?!{_MONTH}\s+\d)(?P<city>\p{{L}}[\p{{L}}\p{{M}}'’.\-]*+(?:/\p{{L}}[\p{{L}}\p{{M}}'’.\-]*+)?+(?:\s{_LOC_WORD}){{0,3}})"
    rf"(?P<regions>(?:,\s*{_REGION}){{0,2}}))"
    rf"(?:,\s*(?P<date>{_MONTH}\s?\d{{1,2}}(?:,\s*\d{{4}})?)(?:,\s*(?:Reuters?|REUTERS?))?)?"
    rf"|(?P<date_only>{_MONTH}\s?\d{{1,2}}(?:,\s*\d{{4}})?)|(?=\())"
    # the agency in brackets, "(Reuters)", or between slashes, "/PRNewswire/"
    r"(?:,?\s*\((?P<agency>[^()\n]{1,40})\)|\s+/(?P<agency>\p{L}[^/\n]{0,38})/)?"
    r"(?:(?P<dash>\s*(?:-{1,3}|–|—|_)\s+|\s*:\s+)|(?P<glued>(?<=\))\s*(?=[\p{Lu}\"“‘'])))"
)
_AGENCY_PLACE = regex.compile(
    r"[*•\s]*+(?P<agency>[\p{L}][\p{L}.\- ]{1,40}?)\s*,\s*(?P<loc>\p{Lu}[\p{L}.\- ]{1,40}?)\s*,?$"
)
_SOURCE_DATELINE = regex.compile(
    r"(?P<agency>\p{L}[\p{L}\d\-]{1,40}\.(?:Net|net|com|Com|org|info|ru|am|in|co\.uk|ge|az|ir))"
    r"(?P<dash>\s+[-–—]\s+)"
)
_STRONG_DATELINE = regex.compile(
    r"\*{0,6}+\s*+\p{Lu}{2}[\p{Lu}\p{M}'’.\-]*+(?:/\p{Lu}[\p{Lu}\p{M}'’.\-]*+)?+"
    r"(?:\s\p{Lu}[\p{Lu}\p{M}'’.\-]*+){0,4}+"
    r"(?:,\s*+[\p{L}.\-]++(?:\s[\p{L}.\-]++){0,3}+){0,2}+(?:\s*+\([^()\n]{1,40}+\))?+"
    r"\s*+(?:-{1,3}+|–|—|_)\s"
)
_NOT_PLACES = frozenset(
    {
        "UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION", "COMMENT", "NOTE",
        "WARNING", "CORRECTION", "EDITORS", "EDITOR'S", "WATCH", "VIDEO", "PHOTOS", "LIVE",
        "REFILE", "RPT", "REPEAT", "URGENT", "FLASH", "BULLETIN", "ADVISORY", "FACTBOX", "WRAPUP",
        "INSIGHT", "FEATURE", "PREVIEW", "REVIEW", "QUOTE", "QUOTES", "SPORTS", "SPORT", "TOP",
        "A", "I", "THE", "IN", "ON", "AT", "BY", "AN", "IT", "WE", "HE", "SHE", "THEY", "AND",
        "US", "UK", "EU", "UN", "Q", "ATTENTION", "CORRECTED", "SUMMARY", "BRIEF", "BRIEFS",
    }
)  # fmt: skip

# ---------------------------------------------------------------------------------------------
# Unit records and classification
# ---------------------------------------------------------------------------------------------

TEXT = "text"
JUNK = "junk"
DATE = "date"
BYLINE = "byline"
BY_ALONE = "by_alone"
CAPTION = "caption"
CREDIT_ONLY = "credit_only"
COUNTER = "counter"
TRAILER = "trailer"
LIST = "list"
TABLE = "table"


# Sets of unit kinds tested in loops over the units.
_TEXT_LIST = frozenset({TEXT, LIST})
_SKIPPED_KINDS = frozenset({JUNK, COUNTER, CAPTION, TABLE})
_JUNK_TEXT = frozenset({JUNK, TEXT})
_TEXT_CREDIT = frozenset({TEXT, CREDIT_ONLY})
_FURNITURE_KINDS = frozenset({JUNK, DATE, COUNTER})
_BYLINE_KINDS = frozenset({BYLINE, BY_ALONE})
_HEAD_KINDS = frozenset({TEXT, LIST, BYLINE, CAPTION, CREDIT_ONLY, BY_ALONE})
_TEXT_CAPTION = frozenset({TEXT, CAPTION})
_HEAD_STRUCTURE_KINDS = frozenset({BYLINE, BY_ALONE, CAPTION, CREDIT_ONLY})
_STORY_KINDS = frozenset({TEXT, LIST, TABLE, DATE, BY_ALONE})
_JUNK_COUNTER = frozenset({JUNK, COUNTER})
_PICTURE_KINDS = frozenset({CAPTION, CREDIT_ONLY, COUNTER})  # what _place_captions acts on


@attrs.define
class _Unit:
    start: int
    end: int
    kind: str = TEXT
    words: int = -1  # _word_count, once counted (see _words and _has_words)
    prose: bool = False
    cap_end: int = 0  # CAPTION: where the caption text ends and the credit begins
    cap_credit: int = 0
    cap_rule: str = ""
    claimed: bool = False
    gallery: bool = False
    after_picture: bool = False  # CREDIT_ONLY: printed after its caption ("(Name/AP)")
    dateline_done: bool = False  # dateline: _match_dateline of the unit, once tried
    dateline: regex.Match[str] | None = None


_COUNT_SPAN = 600
_TAIL = 8
_NOTICE_CHARS = 400
_CONTRIB_TAIL = 80  # characters that can hold a sentence end and its closing quotes
_SOCIAL_CHARS = 120
_SHORT_LINE = 200


def _norm(text: str, s: int, e: int) -> str:
    return text[s:e].strip(_EDGE_PUNCT).casefold()


def _word_count(text: str, s: int, e: int) -> int:
    """Count the white-space separated words of ``text[s:e]`` (at most its first 600 chars)."""
    return len(text[s : min(e, s + _COUNT_SPAN)].split())


_CLOSERS = frozenset("\"'”’»)]")  # after the stop in _SENTENCE_END
_ELLIPSIS_CLOSERS = frozenset("\"'”’)]")  # after the dots in _ELLIPSIS_END


def _words(text: str, u: _Unit) -> int:
    """:func:`_word_count` of a unit, counted once."""
    if u.words < 0:
        u.words = _word_count(text, u.start, u.end)
    return u.words


_CHARS_PER_WORD = 12  # a generous probe: most text has a word every 6 or 7 characters


def _has_words(text: str, u: _Unit, k: int) -> bool:
    """Tell whether ``_words(text, u) >= k``, counting only as far as needed.

    A prefix of the counted text never has more words than the whole (a word cut short
    still counts once), so k words in a short prefix settle it.
    """
    if u.words < 0:
        s = u.start
        probe = s + _CHARS_PER_WORD * k
        if probe < min(u.end, s + _COUNT_SPAN) and len(text[s:probe].split(None, k - 1)) >= k:
            return True
        u.words = _word_count(text, s, u.end)
    return u.words >= k


def _ends_sentence(text: str, s: int, e: int) -> bool:
    """Tell whether ``text[s:e]`` ends with a full stop, ? or !, or a closing quote.

    ``_SENTENCE_END.search(text, max(s, e - _TAIL), e)``, without the regex engine.
    """
    if e > s and text[e - 1] == "\n":  # "$" also matches before a final line break
        return _SENTENCE_END.search(text, max(s, e - _TAIL), e) is not None
    lo = max(s, e - _TAIL)
    if e <= lo:
        return False
    if text[e - 1] in '"”’»':
        return True
    j = e - 1
    while j >= lo and e - j <= 4 and text[j] in _CLOSERS:  # noqa: PLR2004 - at most 3 closers
        j -= 1
    return j >= lo and e - j <= 4 and text[j] in ".!?:"  # noqa: PLR2004


def _ends_ellipsis(text: str, s: int, e: int) -> bool:
    """``_ELLIPSIS_END.search(text, max(s, e - _TAIL), e)``, without the regex engine."""
    if e > s and text[e - 1] == "\n":
        return _ELLIPSIS_END.search(text, max(s, e - _TAIL), e) is not None
    lo = max(s, e - _TAIL)
    j = e - 1
    while j >= lo and e - j <= 3 and text[j] in _ELLIPSIS_CLOSERS:  # noqa: PLR2004 - at most 2
        j -= 1
    if j < lo or e - j > 3:  # noqa: PLR2004
        return False
    return text[j] == "…" or (j - 2 >= lo and text[j - 2 : j + 1] == "...")


def _is_social(text: str, s: int, e: int) -> bool:
    if e - s > _SOCIAL_CHARS:
        return False
    vocab = _social_words()
    count = 0
    long_word = False
    for m in _WORD.finditer(text, s, e):
        word = m.group().casefold().strip(".'’-")
        if word not in vocab:
            return False  # most lines stop at their first word
        count += 1
        long_word = long_word or len(word) > 3  # noqa: PLR2004
    return 0 < count <= 12 and long_word  # noqa: PLR2004 - share lines are short


# What a unit's first two characters can be for each pattern matched at the unit's start:
# a unit whose start is outside a pattern's gate cannot match it, so the pattern is not
# tried. Each gate is a superset of the pattern's possible starts (a prefix character, or
# the first two letters of one of its words), written with the pattern's own case flags so
# that case-folded letters (ſ, İ, K) are covered alike.
_F_COUNTER = 1 << 0
_F_SIGNOFF = 1 << 1
_F_SEPARATOR = 1 << 2
_F_CREDIT_BY = 1 << 3
_F_SOURCE = 1 << 4
_F_URL = 1 << 5
_F_READ_MORE = 1 << 6
_F_BY = 1 << 7
_F_CAPTION_LABEL = 1 << 8
_F_CREDIT_ONLY = 1 << 9
_F_BULLET = 1 << 10
_START_GATES = tuple(
    (bit, regex.compile(gate))
    for bit, gate in (
        (_F_COUNTER, r"(?i)[*•\s\d]|im|ph|sl|pi"),  # image, photo, slide, picture
        (_F_SIGNOFF, r"R[eE]|[a-z]{2}"),
        (_F_SEPARATOR, r"_"),
        # additional, further, extra; reporting, writing, editing, research, compiled, ...
        (_F_CREDIT_BY, r"(?i)[(\[\s\-–—]|ad|fu|ex|re|wr|ed|co|tr|gr|pr|fa|ph"),
        (_F_SOURCE, r"(?i)th|vi"),  # this ..., via ...
        (_F_URL, r"(?i)ht|ww"),
        # read, see, watch, listen, more, related, recommended, also, filed, tags, topics,
        # categories; eds, editors; scroll, click; a number
        (_F_READ_MORE, r"(?i)[*•\s\d,.]|re|se|wa|li|mo|al|fi|ta|to|ca|ed|sc|cl"),
        (_F_BY, r"[*•\s]|[Bb][yY]"),
        (_F_CAPTION_LABEL, r"(?i)im|me|ph|vi|ca|fi"),  # image, media, photo, video, caption, file
        (_F_CREDIT_ONLY, r"©|\(c|I[mMl]|P[hi]|Cr"),
        (_F_BULLET, r"[*•·▪►\-–\d]"),
    )
)
_START_MASKS: dict[str, int] = {}  # cache for ASCII starts


def _start_mask(text: str, s: int) -> int:
    """Bit set of the start patterns a unit opening at ``s`` can match."""
    key = text[s : s + 2]
    mask = _START_MASKS.get(key)
    if mask is None:
        mask = 0
        for bit, gate in _START_GATES:
            if gate.match(key):
                mask |= bit
        if key.isascii():
            _START_MASKS[key] = mask
    return mask


@functools.cache
def _junk_chars() -> int:
    """Length of the longest page-furniture line of the lexicon."""
    return max(map(len, _junk_lines()), default=0)


# Last characters: a unit ends with no white space, so an end-anchored pattern can only
# match when the unit's last character is one of these.
_SENT_LAST = frozenset(".!?:\"'”’»)]")  # _SENTENCE_END
_ELLIPSIS_LAST = frozenset(".…\"'”’)]")  # _ELLIPSIS_END
_CONTRIB_LAST = frozenset(".)]tTyYeEgG")  # _CREDIT_CONTRIB: report, story, article, ...
_PAREN_LAST = frozenset(")]")  # _TRAILING_PAREN


def _may_be_short(text: str, s: int, e: int, limit: int) -> bool:
    """Tell whether ``_norm(text, s, e)`` may have at most ``limit`` characters.

    False only when it surely has more: the first and the last character that ``_norm``
    keeps lie ``limit`` apart or more (casefolding never shortens a string).
    """
    if e - s <= limit:
        return True
    p = s
    while text[p] in _EDGE_PUNCT:
        p += 1
        if p == e:
            return True
    q = e - 1
    while text[q] in _EDGE_PUNCT:  # text[p] is not, so this stops
        q -= 1
    return q - p < limit


def _is_junk(text: str, s: int, e: int, *, first: int, has_letters: bool) -> bool:
    if _may_be_short(text, s, e, _junk_chars()):
        norm = _norm(text, s, e)
        if not norm or norm in _junk_lines():
            return True
    if not has_letters:
        return True
    # _NUMBERS cannot match a unit that has a letter
    if (first & _F_URL and _URL.match(text, s, e)) or (
        first & _F_READ_MORE and _READ_MORE.match(text, s, e)
    ):
        return True
    return _is_social(text, s, e)


def _is_trailer(text: str, s: int, e: int, first: int) -> bool:
    """Tell whether :func:`_trailer_role` gives a role (the same tests, fewer tried)."""
    if (first & _F_SIGNOFF and _SIGNOFF.match(text, s, e)) or (
        first & _F_SEPARATOR and _SEPARATOR.match(text, s, e)
    ):
        return True
    if e - s > 400:  # noqa: PLR2004
        return False
    if first & _F_CREDIT_BY and _CREDIT_BY.match(text, s, e):
        return True
    tail = max(s, e - _CONTRIB_TAIL)
    if (
        text[e - 1] in _CONTRIB_LAST
        and "buted" in text[tail:e].lower()  # "contributed" (b, u, t, e, d fold only to themselves)
        and _CREDIT_CONTRIB.search(text, tail, e)
    ):
        return True
    return bool(first & _F_SOURCE and _CREDIT_SOURCE.match(text, s, e))


def _is_date_line(text: str, s: int, e: int) -> bool:
    n = e - s
    if n > _DATE_LONG:
        return False
    labelled = _DATE_LABEL.match(text, s, e) is not None
    if not labelled and (n > _DATE_SHORT or not _DATE_START.match(text, s, e)):
        return False
    if _DASH_TEXT.search(text, s, e):
        return False
    if labelled:
        return True
    # a date start with little else: at most a few words that are not dates or times
    return _word_count(text, s, e) <= 12  # noqa: PLR2004


_TRAILER_START = _F_SIGNOFF | _F_SEPARATOR | _F_CREDIT_BY | _F_SOURCE
_JUNK_START = _F_URL | _F_READ_MORE
_CAPTION_START = _F_CAPTION_LABEL | _F_CREDIT_ONLY
_TRAILER_CHARS = 400  # longest credit line (_trailer_role)
_TAIL_CHARS = 120  # end of a unit searched for a trailing photo credit


def _classify(text: str, u: _Unit) -> None:
    s, e = u.start, u.end
    n = e - s
    first = _START_MASKS.get(text[s : s + 2])
    if first is None:
        first = _start_mask(text, s)
    last = text[e - 1]
    if first & _F_COUNTER and _COUNTER.match(text, s, e):
        u.kind = COUNTER
        return
    # Each test below is tried only when it can succeed (see the functions it calls).
    # "contributed", "rights reserved", "copyright" in the unit: look for "buted", "erved",
    # "copyr" in ``low`` (lower() of a part of the unit is a part of it; these letters match
    # only themselves case-insensitively, unlike i and s, which also match İ and ſ).
    low = text[s:e].lower() if n <= _TRAILER_CHARS else ""
    if (first & _TRAILER_START or (last in _CONTRIB_LAST and "buted" in low)) and _is_trailer(
        text, s, e, first
    ):
        u.kind = TRAILER
        return
    # most units have a lower-case letter second ("The", "He"): no pattern call for those
    has_lower = (n > 1 and text[s + 1] in _ASCII_LOWER) or _LOWER.search(text, s, e) is not None
    has_letters = has_lower or _LETTERS.search(text, s, e) is not None
    if (
        not has_letters
        or first & _JUNK_START
        or n <= _SOCIAL_CHARS
        or (
            # _may_be_short is false at once when neither the first nor both last characters
            # are edge punctuation in a unit this long
            (
                text[s] in _EDGE_PUNCT
                or (last in _EDGE_PUNCT and text[e - 2] in _EDGE_PUNCT)
                or n - 2 < _junk_chars()
            )
            and _may_be_short(text, s, e, _junk_chars())
        )
    ) and _is_junk(text, s, e, first=first, has_letters=has_letters):
        u.kind = JUNK
        return
    if (
        n < _NOTICE_CHARS
        and ("©" in low or "erved" in low or "copyr" in low)
        and _COPYRIGHT_NOTICE.search(text, s, e) is not None
    ):
        u.kind = JUNK
        return
    if first & _F_BY and _BY_ALONE.match(text, s, e):
        u.kind = BY_ALONE
        return
    if n <= _DATE_LONG and _is_date_line(text, s, e):
        u.kind = DATE
        return
    by = _BY_PREFIX.match(text, s, e) if first & _F_BY else None
    if by is not None and _parse_people(text, by.end(), e) is not None:
        u.kind = BYLINE
        return
    # _ends_sentence is true at once for a full stop
    ends = last == "." or (last in _SENT_LAST and _ends_sentence(text, s, e))
    tail = text[e - _TAIL_CHARS : e] if n > _TAIL_CHARS else text[s:e]
    if (
        first & _CAPTION_START
        or not ends
        or last in _PAREN_LAST
        or "/" in tail
        or "Image" in tail
        or "Credit" in tail
        or "Photo" in tail
        or "Picture" in tail
        or "Source" in tail
        or "Illustration" in tail
        or "©" in tail
    ):
        cap = _caption_parts(text, u, first=first, ends=ends)
        if cap is not None:
            u.cap_end, u.cap_credit, u.cap_rule = cap
            u.kind = CREDIT_ONLY if u.cap_end == s or _NAME_AGENCY.match(text, s, e) else CAPTION
            u.after_picture = u.kind == CREDIT_ONLY and _CREDIT_AFTER.match(text, s, e) is not None
            return
    bullet = _BULLET.match(text, s, e) if first & _F_BULLET else None
    if bullet is not None:
        u.kind = LIST if _has_words(text, u, 5) else JUNK  # menu items are short
        if u.kind == JUNK and _person(text, bullet.end(), e) == strip_span(text, bullet.end(), e):
            u.kind = TEXT  # "* Hazel Ortiz": an author in a list of article details
        return
    if text.find("  ", s, e) >= 0 and len(_COLUMNS.findall(text, s, e)) >= _TABLE_GAPS:
        u.kind = TABLE  # columns of figures: part of the body, but not running text
        return
    # _is_prose, with the tests above reused; a full stop ends "..." or nothing
    if not has_lower:
        u.prose = False
    elif last == ".":
        # _has_words(text, u, 4), with the usual case inline
        u.prose = (
            (
                (n > 48 and len(text[s : s + 48].split(None, 3)) == 4)  # noqa: PLR2004
                or _has_words(text, u, 4)
            )
            and text[e - 3 : e] != "..."
        )
    elif last in _ELLIPSIS_LAST and _ends_ellipsis(text, s, e):
        u.prose = False
    else:
        u.prose = _has_words(text, u, 4) if ends else _has_words(text, u, 25)


# ---------------------------------------------------------------------------------------------
# Captions
# ---------------------------------------------------------------------------------------------


def _credit_like(content: str) -> bool:
    """Tell whether the text in brackets at the end of a line is a photo credit."""
    if _CREDIT_WORDS.search(content) or _SLASH_CREDIT.search(content):
        return not regex.search(r"\d{3,}", content) or "/" in content
    return content.strip().casefold() in _agencies() or content.strip().casefold() in (
        _photo_credits()
    )


def _caption_parts(text: str, u: _Unit, *, first: int, ends: bool) -> tuple[int, int, str] | None:
    """Return ``(text_end, credit_start, rule)`` when the unit is a caption or a photo credit.

    ``text_end == s`` means the unit is only a credit; ``credit_start == e`` means a caption
    without a credit. ``first`` is :func:`_start_mask` of its start, ``ends`` whether it
    :func:`_ends_sentence`.
    """
    s, e = u.start, u.end
    label = _CAPTION_LABEL.match(text, s, e) if first & _F_CAPTION_LABEL else None
    if first & _F_CREDIT_ONLY and _CREDIT_ONLY.match(text, s, e) and not _has_words(text, u, 15):
        return s, s, "caption.credit_only"
    if text[e - 1] in _PAREN_LAST:
        m = _TRAILING_PAREN.search(text, max(s, e - 170), e)
        if m is not None and _credit_like(m.group(1)):
            if m.start() == s:
                return s, s, "caption.credit_only"
            return strip_span(text, s, m.start())[1], m.start(), "caption.trailing_credit"
    # "... treatment. Credit: EPA", "...underground.CreditCreditName/The Times"
    tail_from = max(s, e - 120)
    tail = text[tail_from:e]
    if (
        "Image" in tail
        or "Credit" in tail
        or "Photo" in tail
        or "Picture" in tail
        or "Source" in tail
        or "Illustration" in tail
        or "©" in tail
    ):
        for m2 in _TRAILING_LABEL.finditer(text, tail_from, e):
            if _word_count(text, m2.start(), e) <= 14 and m2.start() > s:  # noqa: PLR2004
                return strip_span(text, s, m2.start())[1], m2.start(), "caption.trailing_credit"
    m3 = _AGENCY_SLASH.search(text, tail_from, e) if "/" in tail else None
    if m3 is not None and _word_count(text, m3.start(), e) <= 10:  # noqa: PLR2004
        if m3.start() == s:
            return s, s, "caption.credit_only"
        return strip_span(text, s, m3.start())[1], m3.start(), "caption.trailing_credit"
    if not ends:
        credit = _photo_credit_tail(text, s, e)
        if credit is not None:
            if credit == s:
                if e - s < _SHORT_LINE and not _has_words(text, u, 9):
                    return s, s, "caption.credit_only"
            else:
                return strip_span(text, s, credit)[1], credit, "caption.trailing_credit"
    if label is not None:
        return e, e, "caption.label"
    return None


_CREDIT_WORDS_MAX = 10  # words in a photo credit after a caption
_CREDIT_LINE_WORDS = 6  # words in a line that is only a photo credit


@functools.cache
def _photo_credit_tuple() -> tuple[str, ...]:
    return tuple(_photo_credits())


def _photo_credit_tail(text: str, s: int, e: int) -> int | None:
    """Find a trailing photo credit ("Name/AFP/Getty Images", "Getty Images") of a line."""
    # the last sentence break (or the line start) before a short slash credit
    known = _photo_credits()
    lo = max(s, e - 120)
    if _WORD.search(text, lo, e) is None:
        return None
    words: list[regex.Match[str]] | None = None  # the words of text[lo:e], found when needed
    # "... as they should be Getty Images": a known credit at the very end (only when the
    # end, edge punctuation aside, ends with one)
    if text[lo:e].rstrip(_EDGE_PUNCT).casefold().endswith(_photo_credit_tuple()):
        words = list(_WORD.finditer(text, lo, e))
        for k in (3, 2, 1):
            if len(words) >= k:
                start = words[-k].start()
                if text[start:e].strip(_EDGE_PUNCT).casefold() in known:
                    head = text[s:start].rstrip()
                    if len(words) <= _CREDIT_LINE_WORDS and words[0].start() == s:
                        return s  # "Paul Morigi/Getty Images", "2011 Getty Images"
                    if not head or not _SENTENCE_END.search(head):
                        return start
    # _SLASH_CREDIT and _NAME_SLASH need a "/" (or a "|")
    if text.find("/", s, e) >= 0 or text.find("|", s, e) >= 0:
        # "... the capital. Fethi Belaid/AFP/Getty Images", "2019.J. Scott Applewhite / AP file"
        for m in _SENT_BREAK.finditer(text, max(s, e - 100), e):
            cand = m.end()
            if cand >= e or not text[cand].isupper():
                continue
            seg = text[cand:e]
            short = _word_count(text, cand, e) <= _CREDIT_WORDS_MAX
            if short and _SLASH_CREDIT.search(seg) and _PHOTO_WORD.search(seg):
                return cand
        short = _word_count(text, s, e) <= _CREDIT_LINE_WORDS
        if short and _SLASH_CREDIT.search(text, s, e) and _PHOTO_WORD.search(text, s, e):
            return s
        if _NAME_SLASH.match(text, s, e):
            words = words if words is not None else list(_WORD.finditer(text, lo, e))
            if len(words) <= _CREDIT_LINE_WORDS and _LOWER.search(text, s, e):
                return s  # "Olena Ruiz/Quanta Magazine", "Burberry/Testino"
    # "Al Goldis, Associated Press", "ITV, ASSOCIATED PRESS"
    comma = text.rfind(",", s, e)
    if comma > s and text[comma + 1 : e].strip().casefold() in known:
        words = words if words is not None else list(_WORD.finditer(text, lo, e))
        return s if len(words) <= _CREDIT_LINE_WORDS else None
    return None


# ---------------------------------------------------------------------------------------------
# Bylines
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class _People:
    names: tuple[tuple[int, int], ...]
    affiliation: str | None
    org: tuple[int, int] | None = None  # an organisation byline, when there is no person
    collective: bool = False


def _name_tokens(text: str, s: int, e: int) -> list[tuple[int, int]] | None:
    """Return the token spans of a person's name filling ``text[s:e]``, or None."""
    toks: list[tuple[int, int]] = []
    pos = s
    nonname = _nonname_words()
    while pos < e:
        while pos < e and text[pos].isspace():
            pos += 1
        if pos >= e:
            break
        m = _NAME_TOKEN.match(text, pos, e)
        if m is None:
            return None
        word = m.group().strip(".'’()").casefold()
        if word in nonname:
            return None
        toks.append(m.span())
        pos = m.end()
        if pos < e and not text[pos].isspace():
            return None
    return toks


def _person(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Return the span of a person's name at the start of ``text[s:e]``, or None."""
    s, e = strip_span(text, s, e)
    while e > s and text[e - 1] in ".,;:":
        e -= 1
    cut = _CAMEL.search(text, s, e)
    if cut is not None:
        e = cut.start()
    toks = _name_tokens(text, s, e)
    if toks is None or len(toks) < 2:  # noqa: PLR2004
        return None
    agencies = _agencies()
    if text[toks[-1][0] : toks[-1][1]].casefold() in agencies and len(toks) > 2:  # noqa: PLR2004
        toks = toks[:-1]  # "Brad Schade Reuters"
    if len(toks) > 4:  # noqa: PLR2004 - a name with an outlet glued on: keep given + family
        keep = 3 if text[toks[1][0] : toks[1][1]].endswith(".") else 2
        toks = toks[:keep]
    if not all(text[a].isupper() or text[a] == "(" for a, _ in (toks[0], toks[-1])):
        return None
    return toks[0][0], toks[-1][1]


_AGENCY_WORDS = 3


def _agency_suffix(text: str, s: int, e: int) -> int | None:
    """Return where a news agency's name ends a byline after a space, not a comma.

    "LISA MASCARO and MARY CLARE JALONICK Associated Press" gives the start of "Associated
    Press". At least two words must stay before it for a name.
    """
    words = list(itertools.islice(_WORD.finditer(text, s, e), 40))
    agencies = _agencies()
    for k in range(min(_AGENCY_WORDS, len(words) - 2), 0, -1):
        start = words[-k].start()
        if text[start - 1] not in " \t\u00a0":
            continue
        name = text[start:e].strip(_EDGE_PUNCT).casefold()
        if name in agencies or name.removeprefix("the ") in agencies:
            return start
    return None


def _parse_people(text: str, s: int, e: int) -> _People | None:
    """Parse the authors of a byline's text (after ``By``): names, affiliation, organisation."""
    s, e = strip_span(text, s, e)
    if s >= e:
        return None
    stop = _NAME_STOP.search(text, s, e)
    body_end = stop.start() if stop is not None else e
    rest_start = stop.end() if stop is not None else e
    names: list[tuple[int, int]] = []
    affiliation: str | None = None
    agency = _agency_suffix(text, s, body_end)
    if agency is not None:
        # "By LISA MASCARO and MARY CLARE JALONICK Associated Press": no comma before it
        affiliation = text[agency:body_end].strip(_EDGE_PUNCT)
        body_end = agency
    pos = s
    for sep in [*_AUTHOR_SPLIT.finditer(text, s, body_end), None]:
        seg_end = sep.start() if sep is not None else body_end
        person = _person(text, pos, seg_end)
        if person is not None and (not names or affiliation is None or agency is not None):
            names.append(person)
            tail = text[person[1] : seg_end].strip(_EDGE_PUNCT)
            if tail and affiliation is None:
                affiliation = tail
                break
        elif names:
            seg = text[pos:seg_end].strip(_EDGE_PUNCT)
            if seg and affiliation is None:
                affiliation = seg
            break
        else:
            break
        if sep is None:
            break
        pos = sep.end()
    if names:
        if (
            affiliation is None
            and stop is not None
            and text[stop.start() : stop.end()].strip()
            in (
                "|",
                "-",
                "–",
                "—",
            )
        ):
            seg = text[rest_start:e].strip(_EDGE_PUNCT)
            if seg and _LETTERS.search(seg) and not _DATE_START.match(seg):
                affiliation = seg
        return _People(tuple(names), affiliation)
    return _parse_org(text, s, body_end)


_ORG_WORDS = 6


def _parse_org(text: str, s: int, e: int) -> _People | None:
    """Parse an organisation byline: "The Associated Press", "dpa correspondents"."""
    s, e = strip_span(text, s, e)
    while e > s and text[e - 1] in ".,;:":
        e -= 1
    if s >= e or e - s > 60 or not text[s].isalpha():  # noqa: PLR2004
        return None
    raw = text[s:e]
    agencies = _agencies()
    collective = _ORG_COLLECTIVE.search(raw)
    core = raw[: collective.start()].strip() if collective else raw
    core_low = core.casefold()
    if core_low.startswith("the "):
        bare = core_low[4:]
        if bare in agencies or core_low in agencies:
            return _People((), core, (s, e), collective=True)
    if core_low in agencies:
        return _People((), core, (s, e), collective=collective is not None)
    if collective is not None and core and core[0].isupper():
        return _People((), core, (s, e), collective=True)
    # a named organisation credited as author: "European Space Agency", "CBS News"
    words = [m.group() for m in _WORD.finditer(text, s, e)]
    if 1 <= len(words) <= _ORG_WORDS and all(
        w[0].isupper() or w in {"of", "and", "the", "for"} for w in words
    ):
        return _People((), None, (s, e))
    return None


# ---------------------------------------------------------------------------------------------
# Credit lines
# ---------------------------------------------------------------------------------------------


def _trailer_role(text: str, s: int, e: int) -> str | None:
    if _SIGNOFF.match(text, s, e):
        return "signoff"
    if _SEPARATOR.match(text, s, e):
        return "separator"
    if e - s > 400:  # noqa: PLR2004
        return None
    if _CREDIT_BY.match(text, s, e):
        return "credits"
    if _CREDIT_CONTRIB.search(text, max(s, e - _CONTRIB_TAIL), e):
        return "contributed"
    if _CREDIT_SOURCE.match(text, s, e):
        return "source"
    return None


def _credit_names(text: str, s: int, e: int, role: str) -> tuple[str, tuple[str, ...]]:
    """Return the role(s) and names of a credit line."""
    if role in {"signoff", "separator", "source"}:
        return role, ()
    roles: list[str] = []
    names: list[str] = []
    if role == "contributed":
        m = _CREDIT_CONTRIB.search(text, max(s, e - _CONTRIB_TAIL), e)
        head_end = m.start() if m is not None else e
        chunks = _AUTHOR_SPLIT.split(text[s:head_end])
        role_words = _roles()
        for chunk in chunks:
            chunk = _IN_PLACE.sub("", chunk).strip(_EDGE_PUNCT)  # noqa: PLW2901
            words = chunk.split()
            for k in range(len(words) - 1, -1, -1):
                if words[k].casefold() in role_words:
                    words = words[k + 1 :]
                    break
            if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):  # noqa: PLR2004
                names.append(" ".join(words))
        return "contributed", tuple(names)
    for m in _CREDIT_SEGMENT.finditer(text, s, e):
        r = m.group("role").casefold()
        r = " ".join(r.split())
        if r not in roles:
            roles.append(r)
        for chunk in _AUTHOR_SPLIT.split(m.group("names")):
            name = _IN_PLACE.sub("", chunk).strip(_EDGE_PUNCT)
            if name.casefold().startswith(("additional ", "editing ", "reporting ")):
                continue
            if name and name[0].isupper() and len(name.split()) <= 5 and not _outlet(name):  # noqa: PLR2004
                names.append(name)
    return ", ".join(roles) or role, tuple(names)


# ---------------------------------------------------------------------------------------------
# Datelines
# ---------------------------------------------------------------------------------------------


def _match_dateline(text: str, s: int, e: int) -> regex.Match[str] | None:
    m = _DATELINE.match(text, s, e)
    if m is None:
        return None
    city = m.group("city")
    if city is not None:
        first = city.split()[0].strip(".,")
        caps = city.upper() == city and sum(c.isalpha() for c in city) >= 2  # noqa: PLR2004
        if city.upper() in _NOT_PLACES or (
            first.upper() in _NOT_PLACES and (" " not in city or first.upper() != "THE")
        ):
            return None
        strong = m.group("date") or m.group("agency") or m.group("regions")
        if not city[0].isupper() and not m.group("date"):
            return None  # "chicago, June 18 -" keeps its date; a lower-case word alone is text
        if not caps and not strong:
            return None  # "Roger Federer - ..." is not a dateline
        if not strong and " " not in city and len(city) < 4:  # noqa: PLR2004
            return None  # "EMI - the music group - ..." is a company, not a place
        colon = m.group("dash") is not None and ":" in m.group("dash")
        if colon and not (m.group("regions") or (caps and len(city) >= 4)):  # noqa: PLR2004
            return None  # "BT: ..." is not a dateline; "NEW DELHI: ..." is
        if len(city.split()) > 3 and not caps:  # noqa: PLR2004
            return None
    if m.group("glued") is not None and m.group("agency") is None:
        return None
    if (
        city is None
        and m.group("date_only") is None
        and (m.group("agency") is None or m.group("dash") is None)
    ):
        return None  # "(AP) -- ..." needs its dash
    agency = m.group("agency")
    if agency is not None and not agency[:1].isupper() and agency.casefold() not in _agencies():
        return None
    return m


def _unit_dateline(text: str, u: _Unit) -> regex.Match[str] | None:
    """:func:`_match_dateline` of a unit, tried once."""
    if not u.dateline_done:
        u.dateline = _match_dateline(text, u.start, u.end)
        u.dateline_done = True
    return u.dateline


def _dateline_from(text: str, m: regex.Match[str], reference: dt.date | None) -> Dateline:
    loc = m.group("loc")
    end = m.end()
    if m.group("dash") is not None:
        end = strip_span(text, m.start(), m.end())[1]
    if loc is not None:
        start = m.start("loc")
    elif m.group("date_only") is not None:
        start = m.start("date_only")
    else:
        start = m.start("agency") - 1
    date_span = m.span("date") if m.group("date") else m.span("date_only")
    date = None
    if date_span[0] >= 0:
        for d in iter_dates(text, start=date_span[0], end=date_span[1], reference=reference):
            date = d
            break
    rule = "dateline.wire"
    if m.group("glued") is not None:
        rule = "dateline.glued"
    elif m.group("dash") is not None and ":" in m.group("dash"):
        rule = "dateline.colon"
    elif loc is None and m.group("date_only") is not None:
        rule = "dateline.date_only"
    elif loc is None:
        rule = "dateline.agency_only"
    location = " ".join(loc.split()) if loc else None
    return Dateline(start, end, text[start:end], location, m.group("agency"), date, rule)


# ---------------------------------------------------------------------------------------------
# The stage
# ---------------------------------------------------------------------------------------------

_HEAD_SCAN = 80  # units searched for the headline and the head matter
_KICKER_WORDS = 4
_TITLE_CASE = 0.7
_DATELINE_REACH = 8
_HEADLINE_WORDS = 5
_MAX_HEADLINE_WORDS = 40
_LONG_PROSE = 60  # words: a "caption" this long in a text with no headline is a story
_DECK_REACH = 3
_IMPLICIT_REACH = 6


@attrs.define
class _State:
    text: str
    units: list[_Unit]
    published: dt.date | None = None
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    bylines: list[Byline] = attrs.Factory(list)
    captions: list[Caption] = attrs.Factory(list)
    credits: list[Credit] = attrs.Factory(list)
    dateline: Dateline | None = None

    def junk(self, u: _Unit, code: str, message: str) -> None:
        u.claimed = True
        self.diagnostics.append(Diagnostic(code, message, u.start, u.end, "info"))


def _headline_candidate(text: str, u: _Unit) -> bool:
    if u.kind != TEXT or not 1 <= _words(text, u) <= _MAX_HEADLINE_WORDS:
        return False
    if text[u.start] in "—–-" or _pull_quote(text, u):
        return False  # an attribution line or a pull quote
    return _words(text, u) > 2 or _person(text, u.start, u.end) is None  # noqa: PLR2004


# ASCII text for _caps_share: a word character (_WORD) becomes "u" (a capital or a digit) or
# "l", the other characters a word may hold ("'", ".", "-") "b", anything else a space.
_CAPS_CLASSES = str.maketrans(
    {
        **{chr(i): " " for i in range(128)},
        **dict.fromkeys(string.ascii_lowercase, "l"),
        **dict.fromkeys(string.ascii_uppercase + string.digits, "u"),
        **dict.fromkeys("'.-", "b"),
    }
)


def _caps_share(text: str, u: _Unit) -> float:
    """Share of the words that start with a capital or a digit (Title Case gives 0.7+)."""
    part = text[u.start : u.end]
    if part.isascii():
        # each _WORD is a run of "u", "l" and "b" that holds a "u" or an "l"; without the
        # "b"s, a word starts where a space is followed by its first "u" or "l"
        classes = " " + part.translate(_CAPS_CLASSES).replace("b", "")
        caps = classes.count(" u")
        words = caps + classes.count(" l")
        return caps / words if words else 0.0
    firsts = _WORD_FIRST.findall(part)  # the first character of each word
    if not firsts:
        return 0.0
    caps = sum(map(str.isupper, firsts)) + sum(map(str.isdigit, firsts))
    return caps / len(firsts)


def _pull_quote(text: str, u: _Unit) -> bool:
    """Tell whether a unit is a quotation on its own, from its opening to its closing mark."""
    return text[u.start] in "\"“‘'" and text[u.end - 1] in "\"”’'"


def _title_like(text: str, u: _Unit) -> bool:
    if _caps_share(text, u) >= _TITLE_CASE:
        return True
    return not _ends_sentence(text, u.start, u.end)


def _find_headline(text: str, units: list[_Unit]) -> int | None:
    limit = min(len(units), _HEAD_SCAN)
    cands: list[int] = []
    for i in range(limit):
        u = units[i]
        if u.kind == BYLINE:
            break
        if i > 0 and cands and u.kind == TEXT and _unit_dateline(text, u):
            break
        if cands and u.kind == TEXT and u.prose and _caps_share(text, u) < _TITLE_CASE:
            break  # running text: the body has begun
        if _headline_candidate(text, u):
            cands.append(i)
        elif (
            not cands
            and u.kind == TEXT
            and u.prose
            and _has_words(text, u, _MAX_HEADLINE_WORDS + 1)
        ):
            break  # a long paragraph of running text first: no headline, the body has begun
    if not cands:
        for i in range(limit):
            if units[i].kind in _TEXT_LIST:
                if units[i].prose and _has_words(text, units[i], _MAX_HEADLINE_WORDS + 1):
                    return None  # running text from the first line: no headline at all
                return i
        return None
    # a section name or kicker ("Business News", "Dancing With the Stars") before the title
    chosen = cands[0]
    u = units[chosen]
    words = _words(text, u)
    if (
        words <= 2  # noqa: PLR2004
        or (words <= _KICKER_WORDS and text[u.start : u.end].upper() != text[u.start : u.end])
    ):
        least = 3 if words <= 2 else _HEADLINE_WORDS  # noqa: PLR2004
        last_text = max((i for i, w in enumerate(units) if w.kind in _TEXT_LIST), default=-1)
        # "Storm batters coast" in sentence case is a headline, and a sentence-case line right
        # after it its deck: there a kicker of three or four words gives way only to a
        # title-case title
        sentence_case = words > 2 and _caps_share(text, u) < _TITLE_CASE  # noqa: PLR2004
        for i in cands[1:]:
            v = units[i]
            deck_next = sentence_case and i == chosen + 1
            titled = _caps_share(text, v) >= _TITLE_CASE or (
                not deck_next and not v.prose and _title_like(text, v)
            )
            if _has_words(text, v, least) and i < last_text and titled:
                chosen = i
                break
    # "New York|Manhole Fires ..." followed later by "Manhole Fires ...": take the clean copy
    head = text[units[chosen].start : units[chosen].end]
    for i in cands:
        if i > chosen:
            t = text[units[i].start : units[i].end]
            if len(t) < len(head) and head.endswith(t) and _has_words(text, units[i], 3):
                return i
    return chosen


def _next_significant(units: list[_Unit], i: int) -> int | None:
    for j in range(i + 1, len(units)):
        u = units[j]
        if u.kind not in _SKIPPED_KINDS and not (u.kind == CREDIT_ONLY and not u.after_picture):
            return j
    return None


# What _VIDEO_LABEL ("video") and _HIGHLIGHTS ("story highlights", "key points", "in brief",
# "at a glance") can start with, as their case-insensitive match sees it.
_PROMO_FIRST = frozenset("vVsSſhHkK\u212aiI\u0130aA")
_PROMO_ASCII = frozenset(
    c for c in map(chr, range(128)) if c in _EDGE_PUNCT or c.casefold()[0] in _PROMO_FIRST
)


def _may_be_promo(text: str, u: _Unit) -> bool:
    """Tell whether a unit may be a video or highlights label, or is a gallery counter."""
    c = text[u.start]
    if c.isascii():
        return c in _PROMO_ASCII or u.kind == COUNTER
    return c in _EDGE_PUNCT or c.casefold()[0] in _PROMO_FIRST or u.kind == COUNTER


def _mark_promos(text: str, units: list[_Unit], candidates: list[int]) -> None:
    """Mark video promos, highlight boxes and gallery items, which are never the body.

    ``candidates`` are the indexes of the units :func:`_may_be_promo` accepts, in order; the
    other units need nothing here.
    """
    n = len(units)
    for i in candidates:
        u = units[i]
        c = text[u.start]
        norm = (
            _norm(text, u.start, u.end)
            if u.kind in _JUNK_TEXT and (c in _EDGE_PUNCT or c.casefold()[0] in _PROMO_FIRST)
            else None
        )  # None: not a video or highlights label (see _PROMO_FIRST)
        if norm is not None and u.kind in _JUNK_TEXT and _VIDEO_LABEL.match(norm):
            u.kind = JUNK
            j = i + 1
            while j < n and units[j].kind == JUNK:
                j += 1
            if j < n and units[j].kind == TEXT and not units[j].prose:
                units[j].kind = JUNK  # the video's title
                j += 1
            if j + 1 < n and units[j].kind == TEXT and units[j].prose and units[j + 1].prose:
                units[j].kind = JUNK  # its blurb
        elif norm is not None and u.kind == TEXT and _HIGHLIGHTS.match(norm):
            u.kind = JUNK
            if i + 1 < n and units[i + 1].kind in _TEXT_LIST:
                units[i + 1].kind = JUNK
        elif u.kind == COUNTER and i + 1 < n and units[i + 1].kind == TEXT:
            # a gallery item: its caption, sometimes printed twice (short, then long)
            units[i + 1].gallery = True
            if i + 3 < n and units[i + 2].kind == TEXT and units[i + 3].kind == CREDIT_ONLY:
                units[i + 2].gallery = True


def _find_body(text: str, units: list[_Unit], h: int) -> int | None:
    for i in range(h + 1, len(units)):
        u = units[i]
        if u.kind != TEXT or u.gallery:
            continue
        if _opens_with_dateline(text, u):
            return i
        if u.prose and _next_is_prose(units, i):
            # a dateline paragraph a little further on is where the story starts
            seen = 0
            for j in range(i + 1, len(units)):
                v = units[j]
                if v.kind != TEXT:
                    continue
                # _STRONG_DATELINE opens with "*" or two capitals (\p{Lu} is upper case);
                # then _opens_with_dateline
                c = text[v.start : v.start + 2]
                if (
                    (c[:1] == "*" or c.isupper())
                    and _STRONG_DATELINE.match(text, v.start, v.end)
                    and _has_words(text, v, 4)
                    and _unit_dateline(text, v) is not None
                ):
                    return j
                seen += 1
                if seen >= _DATELINE_REACH:
                    break
            return i
    return None


def _opens_with_dateline(text: str, u: _Unit) -> bool:
    return _has_words(text, u, 4) and _unit_dateline(text, u) is not None


def _next_is_prose(units: list[_Unit], i: int) -> bool:
    """Tell whether running text follows unit *i* (page furniture, captions, tables skipped)."""
    j = _next_significant(units, i)
    n = len(units)
    while j is not None and j + 1 < n and units[j + 1].kind == CREDIT_ONLY:
        if not units[j + 1].after_picture:
            break
        j = _next_significant(units, j + 1)  # a caption with its credit after it: look past
    if j is None:
        return True
    nxt = units[j]
    if nxt.kind == TRAILER:
        return True  # a one-paragraph story, then its credit line
    return nxt.kind == TEXT and nxt.prose and not nxt.gallery


def _fallback_body(text: str, units: list[_Unit], h: int) -> int | None:
    for i in range(h + 1, len(units)):
        u = units[i]
        if u.kind == TEXT and (u.prose or _unit_dateline(text, u)):
            return i
    for i in range(h + 1, len(units)):
        if units[i].kind in _TEXT_LIST:
            return i
    return None


def _add_people(st: _State, people: _People, rule: str, extra_aff: str | None = None) -> None:
    text = st.text
    aff = people.affiliation or extra_aff
    if people.names:
        seen = {b.name for b in st.bylines}
        for a, b in people.names:
            name = " ".join(text[a:b].split())
            if name in seen:
                continue
            seen.add(name)
            st.bylines.append(Byline(a, b, text[a:b], name, aff, rule))
    elif people.org is not None:
        a, b = people.org
        org_name = None if people.collective else " ".join(text[a:b].split())
        org_aff = people.affiliation if people.collective else None
        st.bylines.append(Byline(a, b, text[a:b], org_name, org_aff, "byline.org"))


def _affiliation_line(text: str, u: _Unit) -> bool:
    """Tell whether a short line after a byline is the author's affiliation or job title."""
    if u.kind not in _TEXT_CREDIT or _has_words(text, u, 8) or u.prose:
        return False
    raw = text[u.start : u.end].strip(_EDGE_PUNCT)
    low = raw.casefold()
    if low in _agencies() or low.startswith("the "):
        return True
    words = low.split()
    roles = _roles()
    short = len(words) <= _KICKER_WORDS
    if any(w in roles for w in words):
        return True
    # an outlet: "Fox News", "Los Angeles Times", "The Denver Post"
    return short and raw[:1].isupper() and ("news" in words or words[-1] in _outlet_words())


def _agency_prefix(text: str, s: int, e: int) -> int | None:
    """Return where a news agency's name that opens ``text[s:e]`` ends, or None."""
    agencies = _agencies()
    best = None
    words = list(_LEAD_WORD.finditer(text, s, min(e, s + 60)))
    for k in range(1, min(len(words), 4) + 1):
        if text[s : words[k - 1].end()].casefold() in agencies:
            best = words[k - 1].end()
    return best


def _implicit_byline(st: _State, head: list[int], i: int) -> bool:
    """Try a byline without "By": a name line with a cue (handle, role, agency, date next)."""
    text, units = st.text, st.units
    u = units[i]
    e = u.end
    bullet = _BULLET_PREFIX.match(text, u.start, e)
    s = bullet.end() if bullet is not None else u.start
    # "Reuters, Washington," / "PTI, New Delhi": agency and place
    ap = _AGENCY_PLACE.match(text, s, e)
    if ap is not None and ap.group("agency").strip().casefold() in _agencies():
        a0, a1 = ap.span("agency")
        st.bylines.append(Byline(a0, a1, text[a0:a1], text[a0:a1], None, "byline.agency_place"))
        l0, l1 = ap.span("loc")
        st.dateline = Dateline(
            a0, l1, text[a0:l1], text[l0:l1], text[a0:a1], None, "dateline.agency_place"
        )
        return True
    low = text[s:e].strip(_EDGE_PUNCT).casefold()
    nxt = next((units[j] for j in head if j > i), None)
    next_is_date = nxt is not None and nxt.kind == DATE
    next_is_role = nxt is not None and (
        _affiliation_line(text, nxt) or _agency_prefix(text, nxt.start, nxt.end) is not None
    )
    # "REUTERS", "AFP/The Local - [email protected]"
    first_word = regex.match(r"[\p{L}]+", text[s:e])
    if low in _agencies() and (next_is_date or not _has_words(text, u, 3)):
        st.bylines.append(
            Byline(s, e, text[s:e], " ".join(text[s:e].split()), None, "byline.agency")
        )
        return True
    lead = _agency_prefix(text, s, e)
    if lead is not None and lead < e and _AGENCY_DATE.match(text, lead, e):
        # "Associated Press November 19, 2019, 9:02 AM"
        st.bylines.append(
            Byline(s, lead, text[s:lead], " ".join(text[s:lead].split()), None, "byline.agency")
        )
        return True
    if first_word is not None and first_word.group().casefold() in _agencies() and "/" in text[s:e]:
        cut = _NAME_STOP.search(text, s, e)
        for part in _SLASH_PART.finditer(text, s, cut.start() if cut is not None else e):
            a, b = strip_span(text, part.start(), part.end())
            if a < b:
                st.bylines.append(
                    Byline(a, b, text[a:b], " ".join(text[a:b].split()), None, "byline.agency")
                )
        return True
    stop = _NAME_STOP.search(text, s, e)
    seg_end = stop.start() if stop is not None else e
    split = _AUTHOR_SPLIT.search(text, s, seg_end)
    person = _person(text, s, split.start() if split is not None else seg_end)
    if person is None:
        return False
    after = text[person[1] : e]
    cue = (
        _HANDLE.match(after) is not None
        or _EMAIL.search(text, person[1], e) is not None
        or next_is_date
        or next_is_role
    )
    rest = after.strip(_EDGE_PUNCT)
    if rest:
        rest_low = rest.casefold()
        roles = _roles()
        if any(w in roles for w in rest_low.split()) or rest_low in _agencies():
            cue = True
        if rest.upper() == rest and _LETTERS.search(rest):
            cue = True
    if not cue and not rest and not _has_words(text, u, 5):
        cue = nxt is None or nxt.kind in _FURNITURE_KINDS
    if not cue:
        return False
    people = _parse_people(text, s, e)
    if people is None or not people.names:
        return False
    aff = text[nxt.start : nxt.end] if next_is_role and nxt is not None else None
    _add_people(st, people, "byline.implicit", aff)
    if next_is_role and nxt is not None:
        st.junk(nxt, "structure.byline_extra", "the author's job title or outlet")
    return True


def _head_matter(st: _State, h: int, b: int) -> int | None:
    """Place the units between the headline and the body. Return the deck's index."""
    text, units = st.text, st.units
    head = list(range(h + 1, b))
    deck: int | None = None
    significant = 0
    explicit = any(units[i].kind in _BYLINE_KINDS for i in head)
    byline_done = False
    for pos, i in enumerate(head):
        u = units[i]
        if u.claimed:
            continue
        if u.kind == BYLINE and not byline_done:
            m = _BY_PREFIX.match(text, u.start, u.end)
            people = _parse_people(text, m.end(), u.end) if m is not None else None
            if people is not None:
                nxt = units[head[pos + 1]] if pos + 1 < len(head) else None
                aff = None
                if nxt is not None and not people.affiliation and _affiliation_line(text, nxt):
                    aff = text[nxt.start : nxt.end]
                    st.junk(nxt, "structure.byline_extra", "the author's job title or outlet")
                _add_people(st, people, "byline.by", aff)
                u.claimed = True
                byline_done = True
                significant += 1
                continue
        if u.kind == BY_ALONE and not byline_done:
            u.claimed = True
            nxt = units[head[pos + 1]] if pos + 1 < len(head) else None
            if nxt is not None and nxt.kind == TEXT:
                people = _parse_people(text, nxt.start, nxt.end)
                if people is not None and people.names:
                    _add_people(st, people, "byline.by_next_line")
                    st.junk(u, "structure.byline_extra", "'By' on its own line")
                    nxt.claimed = True
                    byline_done = True
                    # the name printed again, then a job title or outlet
                    for j in head[pos + 2 : pos + 5]:
                        w = units[j]
                        if w.kind == TEXT and (
                            text[w.start : w.end] == text[nxt.start : nxt.end]
                            or _affiliation_line(text, w)
                        ):
                            w.claimed = True
                            st.diagnostics.append(
                                Diagnostic(
                                    "structure.byline_extra",
                                    "byline detail",
                                    w.start,
                                    w.end,
                                    "info",
                                )
                            )
                        else:
                            break
                    continue
            st.diagnostics.append(
                Diagnostic("structure.empty_byline", "'By' with no name", u.start, u.end, "info")
            )
            continue
        implicit_ok = not explicit and not byline_done and significant < _IMPLICIT_REACH
        name_credit = (
            u.kind == CREDIT_ONLY
            and significant == 0
            and (
                _NAME_AGENCY.match(text, u.start, u.end) is not None
                or _agency_prefix(text, u.start, u.end) is not None
            )
        )
        if (u.kind == TEXT or name_credit) and implicit_ok and _implicit_byline(st, head, i):
            u.claimed = True
            byline_done = True
            significant += 1
            continue
        if u.kind == TEXT and text[u.start : u.end] == text[units[h].start : units[h].end]:
            st.junk(u, "structure.repeat", "headline printed again")
            continue
        if u.kind == TEXT and st.dateline is None:
            m = _unit_dateline(text, u)
            if m is not None and m.end() >= u.end - 1:
                st.dateline = _dateline_from(text, m, st.published)
                u.claimed = True
                continue
        if u.kind in _HEAD_KINDS:
            if (
                deck is None
                and u.kind == TEXT
                and significant < _DECK_REACH
                and (
                    _has_words(text, u, 10)
                    or (_has_words(text, u, 5) and _ends_sentence(text, u.start, u.end))
                    or (pos == 0 and i == h + 1 and _has_words(text, u, 6))
                )
                and _LOWER.search(text, u.start, u.end)
                and not _ends_ellipsis(text, u.start, u.end)
                and not _followed_by_credit(units, i)
                and not _after_credit(units, i, h)
                and units[i - 1].kind != JUNK
                and _DECK_START.match(text, u.start, u.end)
                and not _pull_quote(text, u)
            ):
                deck = i
                u.claimed = True
            significant += 1
    return deck


def _followed_by_credit(units: list[_Unit], i: int) -> bool:
    return i + 1 < len(units) and units[i + 1].kind == CREDIT_ONLY


def _after_credit(units: list[_Unit], i: int, h: int) -> bool:
    return i - 1 > h and units[i - 1].kind == CREDIT_ONLY


def _place_captions(st: _State, first: int, b: int) -> None:
    """Turn caption units, photo credits and gallery items into captions."""
    text, units = st.text, st.units
    n = len(units)
    gallery_next = False
    for i in range(first, n):
        u = units[i]
        if u.claimed:
            continue
        if u.kind == COUNTER:
            st.junk(u, "structure.junk", "gallery counter")
            gallery_next = True
            continue
        if u.kind == CAPTION:
            _caption(st, u, (u.start, u.cap_end), (u.cap_credit, u.end), u.cap_rule)
            gallery_next = False
            continue
        if (gallery_next or u.gallery) and u.kind == TEXT:
            if i + 1 < n and units[i + 1].kind == CREDIT_ONLY and not units[i + 1].claimed:
                c = units[i + 1]
                _caption(st, u, (u.start, u.end), (c.start, c.end), "caption.gallery")
                c.claimed = True
            else:
                _caption(st, u, (u.start, u.end), (u.end, u.end), "caption.gallery")
            gallery_next = False
            continue
        gallery_next = False
        if u.kind != CREDIT_ONLY:
            continue
        prev = units[i - 1] if i > first else None
        nxt = units[i + 1] if i + 1 < n else None
        if (
            nxt is not None
            and not nxt.claimed
            and nxt.kind in _TEXT_CAPTION
            and (_CAPTION_LABEL.match(text, nxt.start, nxt.end))
        ):
            end = nxt.cap_end if nxt.kind == CAPTION else nxt.end
            credit = _credit_span(text, u.start, u.end)
            st.captions.append(
                Caption(
                    nxt.start,
                    end,
                    text[nxt.start : end],
                    None if credit is None else credit.text,
                    "caption.credit_before",
                    credit,
                )
            )
            nxt.claimed = True
            st.junk(u, "structure.caption_credit", "photo credit on its own line")
            continue
        if (
            prev is not None
            and prev.kind == TEXT
            and not prev.claimed
            and (i - 1 < b or not prev.prose or _CREDIT_AFTER.match(text, u.start, u.end))
            and _unit_dateline(text, prev) is None
        ):
            _caption(st, prev, (prev.start, prev.end), (u.start, u.end), "caption.credit_after")
            u.claimed = True
            continue
        if (
            nxt is not None
            and nxt.kind == TEXT
            and not nxt.claimed
            and i + 1 < b
            and _has_words(text, nxt, 5)
        ):
            _caption(st, nxt, (nxt.start, nxt.end), (u.start, u.end), "caption.credit_before")
            u.claimed = True
            continue
        credit = _credit_span(text, u.start, u.end)
        st.captions.append(
            Caption(
                u.start,
                u.start,
                "",
                None if credit is None else credit.text,
                "caption.credit_only",
                credit,
            )
        )
        u.claimed = True


def _credit_span(text: str, s: int, e: int) -> Span | None:
    s, e = strip_span(text, s, e)
    return Span.of(text, s, e) if s < e else None


def _caption(
    st: _State, u: _Unit, span: tuple[int, int], credit_span: tuple[int, int], rule: str
) -> None:
    text = st.text
    s, e = strip_span(text, *span)
    cs, ce = credit_span
    credit = _credit_span(text, cs, ce)
    if s >= e and credit is None:
        return
    if s >= e:
        s = e = cs
    credit_text = None if credit is None else credit.text
    st.captions.append(Caption(s, e, text[s:e], credit_text, rule, credit))
    u.claimed = True
    if cs < ce and not u.start <= cs < u.end and (s, e) != (cs, cs):
        st.diagnostics.append(
            Diagnostic("structure.caption_credit", "photo credit on its own line", cs, ce, "info")
        )


_STAMP_LABEL = regex.compile(
    r"(?i)\b(?:(last\s+)?updated|modified|(?:first\s+|originally\s+)?published|posted|original)\b"
)
_STAMP_JOIN = regex.compile(r"[\s,|/•·@-]{0,4}+(?:at\s++)?")
_MAX_STAMPS = 4


_STAMP_OUTLET = regex.compile(
    r"[ \t]*+[/|][ \t]*+(?P<org>\p{Lu}[\p{L}&.'’-]{0,20}(?:[ \t]\p{Lu}[\p{L}&.'’-]{0,20}){0,3})"
    r"[ \t]*+$",
    regex.MULTILINE,
)


def _outlet_after_stamp(st: _State, units: list[_Unit], stamps: tuple[Timestamp, ...]) -> None:
    """A page with no byline that signs its timestamp: "Nov. 19, 2019 / 10:07 AM / CBS News"."""
    text = st.text
    for stamp in stamps:
        unit = next((u for u in units if u.start <= stamp.start and stamp.end <= u.end), None)
        if unit is None:
            continue
        m = _STAMP_OUTLET.match(text, stamp.end, unit.end)
        if m is not None:
            a, b = m.span("org")
            st.bylines.append(Byline(a, b, text[a:b], text[a:b], None, "byline.stamp"))
            return


def _labelled_stamp(text: str, u: _Unit) -> bool:
    """A short head line with a date label inside: "TNN | Updated: May 27, 2023, 08:12 IST"."""
    return (
        u.end - u.start <= _DATE_LONG
        and _STAMP_LABEL.search(text, u.start, min(u.end, u.start + 40)) is not None
    )


def _timestamps(
    text: str, units: list[_Unit], body_from: int, bylines: list[Byline]
) -> tuple[Timestamp, ...]:
    """Find the dates printed in the head matter: date lines and dates after a byline.

    Only full calendar dates count (``Nov. 19, 2019``, ``2019-11-19``); a time right after
    one joins it (``Nov. 19, 2019 8:21 am ET``). The nearest label before a date in its line
    gives the role: "Updated"/"Modified" make an update, anything else ("Published",
    "Posted", no label) the publication.
    """
    stamps: list[Timestamp] = []
    named = [(b.start, b.end) for b in bylines]
    for u in units[:body_from]:
        by = any(u.start <= a and b <= u.end for a, b in named)  # "Associated Press Nov. 19…"
        if u.kind not in {DATE, BYLINE} and not by and not _labelled_stamp(text, u):
            continue
        mentions = list(iter_dates(text, start=u.start, end=u.end, fallback=False))
        for i, d in enumerate(mentions):
            if d.granularity not in {"day", "time"} or d.resolved is None:
                continue
            end = d.end
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if nxt is not None and nxt.type == "TIME":
                gap = _STAMP_JOIN.match(text, d.end, nxt.start)
                if gap is not None and gap.end() == nxt.start:
                    end = nxt.end
            label_from = stamps[-1].end if stamps and stamps[-1].end > u.start else u.start
            labels = list(_STAMP_LABEL.finditer(text, label_from, d.start))
            if labels and labels[-1].group().casefold().startswith(("updated", "last", "mod")):
                role: TimestampRole = "updated"
            else:
                role = "published"
            rule = "timestamp.byline" if u.kind == BYLINE or by else "timestamp.line"
            stamps.append(Timestamp(d.start, end, text[d.start : end], role, d, rule))
            if len(stamps) >= _MAX_STAMPS:
                return tuple(stamps)
    return tuple(stamps)


_BIO = regex.compile(
    r"(?P<name>[^\n]{3,60}?)(?:\s\(@\w{1,30}\))?\sis\s(?:an?|the)\s[^\n.]{0,80}?"
    r"\b(?i:reporter|writer|correspondent|editor|contributor|columnist|producer|journalist"
    r"|critic|photographer|anchor|host)\b"
)
_BIO_OUTLET = regex.compile(
    r"\s(?:for|at|with)\s(?P<outlet>(?:the\s)?\p{Lu}[\w.&'’-]{0,30}(?:\s\p{Lu}[\w.&'’-]{0,30}){0,5})"
)
_BIO_HINT = regex.compile(
    r" is (?:an?|the) [^\n.]{0,80}?\b(?i:reporter|writer|correspondent|editor|contributor"
    r"|columnist|producer|journalist|critic|photographer|anchor|host)\b"
)
_BIO_REACH = 12  # trailing paragraphs where an author's bio may stand (or the last half)
_BIO_LENGTH = 600
_MAX_BIOS = 3


def _bio_bylines(st: _State, paragraphs: list[Span]) -> None:
    """Add the author of a closing bio ("Ana Ruiz is a reporter for NBC News.") as a byline.

    Only names not already in the bylines, from short paragraphs among the last few (or the
    last half), and only when the sentence names a newsroom job in the present tense
    ("is a reporter", "is a Staff Writer at WIRED"): a story about a journalist says "was".
    """
    text = st.text
    seen = {b.name for b in st.bylines}
    reach = max(_BIO_REACH, len(paragraphs) // 2)
    tail = paragraphs[-reach:]
    if not tail or _BIO_HINT.search(text, tail[0].start) is None:
        return  # one scan at C speed: most articles name no newsroom job after " is a"
    found = 0
    for para in tail:
        if para.end - para.start > _BIO_LENGTH or found >= _MAX_BIOS:
            continue
        if text.find(" is ", para.start, min(para.end, para.start + 100)) < 0:
            continue  # most paragraphs have no " is " near the start
        m = _BIO.match(text, para.start, para.end)
        if m is None:
            continue
        person = _person(text, *m.span("name"))
        if person is None or person[1] != m.end("name"):
            continue
        name = " ".join(text[person[0] : person[1]].split())
        if name in seen:
            continue
        seen.add(name)
        outlet = _BIO_OUTLET.search(text, m.end("name"), min(para.end, m.end() + 80))
        aff = None if outlet is None else outlet.group("outlet").rstrip(".")
        st.bylines.append(
            Byline(person[0], person[1], text[person[0] : person[1]], name, aff, "byline.bio")
        )
        found += 1


def _dated_by_timestamp(
    text: str,
    dateline: Dateline | None,
    published: dt.date | None,
    timestamps: tuple[Timestamp, ...],
) -> Dateline | None:
    """Resolve a dateline's "March 3" against the page's timestamp when no date was given."""
    if published is not None or dateline is None or dateline.date is None or not timestamps:
        return dateline
    reference = timestamp_reference(timestamps)
    date = dateline.date
    if reference is None or not date.value.startswith("XXXX"):
        return dateline
    again = next(iter_dates(text, start=date.start, end=date.end, reference=reference), None)
    if again is None or again.start != date.start or again.end != date.end:
        return dateline
    return attrs.evolve(dateline, date=again)


def split_structure(article: Article) -> Article:
    """Stage: fill headline, deck, bylines, dateline, captions, paragraphs and credits.

    >>> text = (
    ...     "Flood waters recede in river town\\n\\n"
    ...     "By Ana Ruiz, Reuters\\n\\n"
    ...     "MEMPHIS, March 2 (Reuters) - Flood waters began to recede on Monday.\\n\\n"
    ...     "Residents returned to their homes.\\n\\n"
    ...     "(Reporting by Ana Ruiz; Editing by Tom Berg)"
    ... )
    >>> a = split_structure(Article(text))
    >>> a.headline.text, [(b.name, b.affiliation) for b in a.bylines]
    ('Flood waters recede in river town', [('Ana Ruiz', 'Reuters')])
    >>> a.dateline.location, a.dateline.agency, a.dateline.date.text
    ('MEMPHIS', 'Reuters', 'March 2')
    >>> [p.text for p in a.paragraphs]
    ['Flood waters began to recede on Monday.', 'Residents returned to their homes.']
    >>> [(c.role, c.names) for c in a.credits]
    [('reporting, editing', ('Ana Ruiz', 'Tom Berg'))]
    """
    text = article.text
    units = [_Unit(s, e) for s, e in _unit_spans(text)]
    promos: list[int] = []
    pictures = False  # a caption, photo credit or gallery counter (kinds that stay)
    for i, u in enumerate(units):
        _classify(text, u)
        if _may_be_promo(text, u):
            promos.append(i)
        pictures = pictures or u.kind in _PICTURE_KINDS
    _mark_promos(text, units, promos)
    st = _State(text, units, article.published)
    h = _find_headline(text, units)
    if h is None:
        return _headless(article, st)
    headline_unit = units[h]
    headline_unit.claimed = True
    headline = _unit_span(text, headline_unit)
    b = _find_body(text, units, h)
    if b is None:
        b = _fallback_body(text, units, h)
    elif not any(units[i].kind in _FURNITURE_KINDS or units[i].prose for i in range(h + 1, b)):
        # clean text with no page furniture: the body starts at its first text
        alt = _fallback_body(text, units, h)
        if alt is not None and alt < b and not _head_structure(units, h, alt):
            b = alt
    n = len(units)
    body_from = b if b is not None else n
    deck_i = _head_matter(st, h, body_from)
    deck = _unit_span(text, units[deck_i]) if deck_i is not None else None
    if pictures:
        _place_captions(st, 0, body_from)
    for i in range(h):
        u = units[i]
        if not u.claimed:
            st.junk(u, "structure.junk", "line before the headline")
    for i in range(h + 1, body_from):
        u = units[i]
        if not u.claimed:
            st.junk(u, "structure.head", "head matter that is not headline, deck or byline")
    paragraphs = _body(st, body_from)
    _bio_bylines(st, paragraphs)
    timestamps = _timestamps(text, units, body_from, st.bylines)
    if not st.bylines:
        _outlet_after_stamp(st, units, timestamps)
    return _replace(
        article,
        headline=headline,
        deck=deck,
        bylines=tuple(st.bylines),
        dateline=_dated_by_timestamp(text, st.dateline, article.published, timestamps),
        timestamps=timestamps,
        captions=tuple(sorted(st.captions, key=lambda c: (c.start, c.end))),
        paragraphs=tuple(paragraphs),
        credits=tuple(st.credits),
        diagnostics=(*article.diagnostics, *sorted(st.diagnostics, key=lambda d: d.start)),
    )


def _unit_span(text: str, u: _Unit) -> Span:
    return _unchecked_span(u.start, u.end, text[u.start : u.end])


def _head_structure(units: list[_Unit], h: int, alt: int) -> bool:
    """Tell whether a byline, caption or credit sits between the headline and *alt*."""
    return any(units[i].kind in _HEAD_STRUCTURE_KINDS for i in range(h + 1, alt)) and alt > h + 1


def _headless(article: Article, st: _State) -> Article:
    """Structure an article with no headline: running text from its first line.

    Wire copy or a story pasted as one paragraph: the body starts at the first text, its
    dateline included.
    """
    text = st.text
    for u in st.units:
        if u.kind == CAPTION and _has_words(text, u, _LONG_PROSE):
            u.kind = TEXT  # "MOSCOW (AP)_ The mayor …" with a credit-like tail: a story
    first = next((i for i, u in enumerate(st.units) if u.kind in _TEXT_LIST), None)
    if first is None:
        return _replace(article, diagnostics=(*article.diagnostics, *_junk_all(st)))
    for u in st.units[:first]:
        st.junk(u, "structure.junk", "line before the body")
    paragraphs = _body(st, first)
    _bio_bylines(st, paragraphs)
    return _replace(
        article,
        bylines=tuple(st.bylines),
        dateline=st.dateline,
        paragraphs=tuple(paragraphs),
        credits=tuple(st.credits),
        diagnostics=(*article.diagnostics, *sorted(st.diagnostics, key=lambda d: d.start)),
    )


def _junk_all(st: _State) -> list[Diagnostic]:
    return [
        Diagnostic("structure.junk", "page furniture", u.start, u.end, "info")
        for u in st.units
        if u.kind == JUNK
    ]


def _body(st: _State, b: int) -> list[Span]:
    text, units = st.text, st.units
    paragraphs: list[Span] = []
    first = True
    ended = False  # after a credit line or "All rights reserved": the page, not the story
    for i in range(b, len(units)):
        u = units[i]
        if u.claimed:
            continue
        if ended and u.kind in _STORY_KINDS:
            st.junk(u, "structure.after_story", "page text after the end of the story")
            continue
        if u.kind == TRAILER:
            role = _trailer_role(text, u.start, u.end) or "credits"
            if role == "separator" and not _ends_story(units, i):
                st.junk(u, "structure.separator", "section separator inside the story")
                continue
            roles, names = _credit_names(text, u.start, u.end, role)
            rule = {"signoff": "credit.signoff", "separator": "credit.separator"}.get(
                role, f"credit.{role}" if role in {"contributed", "source"} else "credit.by"
            )
            st.credits.append(Credit(u.start, u.end, text[u.start : u.end], roles, names, rule))
            u.claimed = True
            ended = not first
            continue
        if u.kind == JUNK and _RIGHTS_RESERVED.search(text, u.start, min(u.end, u.start + 400)):
            ended = not first
        if u.kind in _JUNK_COUNTER or (u.kind == DATE and _DATE_LABEL.match(text, u.start, u.end)):
            st.junk(u, "structure.junk", "page furniture")
            continue
        if u.kind == BY_ALONE:
            st.junk(u, "structure.empty_byline", "'By' with no name")
            continue
        s = u.start
        if first:
            first = False
            if st.dateline is None:
                s = _take_dateline(st, u)
        paragraphs.append(_unchecked_span(s, u.end, text[s : u.end]))
        u.claimed = True
    return paragraphs


def _ends_story(units: list[_Unit], i: int) -> bool:
    """Tell whether only credit lines (or nothing) follow unit *i*: a trailing separator."""
    j = _next_significant(units, i)
    return j is None or units[j].kind == TRAILER


def _take_dateline(st: _State, u: _Unit) -> int:
    """Split the dateline off the first body paragraph; return where the paragraph starts."""
    text = st.text
    m = _unit_dateline(text, u)
    if m is not None:
        st.dateline = _dateline_from(text, m, st.published)
        return strip_span(text, m.end(), u.end)[0]
    src = _SOURCE_DATELINE.match(text, u.start, u.end)
    if src is not None:
        a0, a1 = src.span("agency")
        st.dateline = Dateline(a0, a1, text[a0:a1], None, text[a0:a1], None, "dateline.source")
        return strip_span(text, src.end(), u.end)[0]
    return u.start
