"""Sentence boundaries inside a paragraph, never inside a quotation (private helper).

A boundary is a run of ``.``, ``!``, ``?`` or ``…`` (with any closing quotation marks and
brackets after it), then white space, then something that can start a sentence: a capital
or a digit, after up to two opening marks (``"‘We``, or the ``''We`` of typewriter style), or
any letter after an opening double mark (``"iPhone 16 is …``). A period
after a known abbreviation ("Mr.", "Sen.") or a single capital initial ("G.") is not a
boundary. Callers pass the quotation spans they found, and no boundary falls inside one.
"""

from __future__ import annotations

import bisect
import functools
import re

import regex

from newsparse._lexicons import load_set
from newsparse._text import common_char_class, is_common

__all__ = ["iter_sentences"]

_BOUNDARY = regex.compile(
    # a run of `.!?` is tried from its first character only (`\G`: where the scan starts),
    # so a long run costs linear time: a later start in the run ends where the first does
    r"(?:(?:(?<![.!?])|\G)[.!?]++|…)[\"”’'»)\]]{0,3}+"
    r"(?=\s{1,20}+(?:[\"“‘'«„(\[]{0,2}+[\p{Lu}\d]|[\"“«„]{1,2}+\p{Ll}))"
    # a line that opens a quote; the look-behind keeps the pattern anchored on the line break,
    # so the scan only stops at `.!?…` and line breaks (not at every space)
    r"|(?<=\S[ \t\u00a0]{0,20}+)\r?\n(?=[ \t]{0,20}+[\"“«„])"
)


# Text of common characters only (`_text.is_common`): the `_BOUNDARY` classes spelled out
# for the standard library's `re`, about twice as fast here.
@functools.cache
def _common_boundary(first: str = "[.!?…]") -> re.Pattern[str]:
    """`_BOUNDARY` for text of common characters with no line break (its first branch only).

    The same matches: the first character is a class (`re` scans for it fast), a run of
    ``.!?`` is consumed after its first character only (``…`` stands alone), and no
    repetition can give back a character that the rest of the pattern would accept.
    *first* ``\\.`` is the pattern for text with no ``!?…``: a literal first character,
    which `re` looks for faster still.
    """
    space = common_char_class(regex.compile(r"\s"))
    start = common_char_class(regex.compile(r"[\p{Lu}\d]"))
    lower = common_char_class(regex.compile(r"\p{Ll}"))
    return re.compile(
        first + r"(?<![.!?][.!?])(?:(?<=[.!?])[.!?]*)?[\"”’'»)\]]{0,3}"
        f'(?={space}{{1,20}}(?:["“‘\'«„(\\[]{{0,2}}{start}|["“«„]{{1,2}}{lower}))'
    )


def _is_abbreviation(text: str, dot: int, lo: int) -> bool:
    """Return True if the period at *dot* ends an abbreviation or an initial."""
    seg = text[max(lo, dot - 16) : dot]
    if not seg or not (seg[-1].isalpha() or seg[-1] == "."):
        return False
    # the word is the run of letters and periods that ends *seg*: within its last chunk
    # without white space, and most often all of it ("said")
    word = seg.rsplit(maxsplit=1)[-1]
    if not word.isalpha():
        i = len(word)
        while i > 0 and (word[i - 1].isalpha() or word[i - 1] == "."):
            i -= 1
        word = word[i:]
    if not word[0].isalpha():
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "G. K. Butterfield"
    if "." in word:
        return True  # "U.S.", "D.C." (a sentence ending in one is rare and harmless)
    return word.casefold() in load_set("quotes_abbreviations.txt")


def iter_sentences(
    text: str,
    start: int,
    end: int,
    protected: list[tuple[int, int]] | None = None,
    until: int | None = None,
) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence of ``text[start:end]``.

    *protected* is a sorted list of non-overlapping ``(start, end)`` spans (quotations,
    marks included) that no boundary may split. With *until*, stop after the sentence that
    holds that position (the sentences after it are not looked for).

    >>> t = 'Mr. Lee spoke. "Go. Now," he said. It ended.'
    >>> [t[s:e] for s, e in iter_sentences(t, 0, len(t), [(15, 25)])]
    ['Mr. Lee spoke.', '"Go. Now," he said.', 'It ended.']
    """
    spans = protected or []
    starts = [s for s, _ in spans] if spans else spans
    out: list[tuple[int, int]] = []
    pos = start
    pattern: regex.Pattern[str] | re.Pattern[str] = _BOUNDARY
    chunk = text[start:end]  # one C-level copy: the tests below run at C speed
    if (
        "\n" not in chunk
        and is_common(chunk)
        and (start == 0 or text[start - 1] not in ".!?")  # `re` has no `\G`
    ):
        dots_only = "!" not in chunk and "?" not in chunk and "…" not in chunk
        pattern = _common_boundary(r"\." if dots_only else "[.!?…]")
    for m in pattern.finditer(text, start, end):
        cut = m.end()
        if spans:
            i = bisect.bisect_right(starts, cut - 1) - 1
            if i >= 0 and spans[i][0] < cut < spans[i][1]:
                continue
        dot = m.start()
        if text[dot] == "." and _is_abbreviation(text, dot, start):
            continue
        out.append((pos, cut))
        if until is not None and cut > until:
            return out
        pos = cut
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        out.append((pos, end))
    return out
