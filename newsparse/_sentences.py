"""Sentence boundaries inside a paragraph, never inside a quotation (private helper).

A boundary is a run of ``.``, ``!``, ``?`` or ``…`` (with any closing quotation marks and
brackets after it), then white space, then something that can start a sentence: a capital
or a digit, after up to two opening marks (``"‘We``, or the ``''We`` of typewriter style). A period
after a known abbreviation ("Mr.", "Sen.") or a single capital initial ("G.") is not a
boundary. Callers pass the quotation spans they found, and no boundary falls inside one.
"""

from __future__ import annotations

import bisect

import regex

from newsparse._lexicons import load_set

__all__ = ["iter_sentences"]

_BOUNDARY = regex.compile(
    r"(?:[.!?]++|…)[\"”’'»)\]]{0,3}+(?=\s{1,20}+[\"“‘'«„(\[]{0,2}+[\p{Lu}\d])"
    # a line that opens a quote; the look-behind keeps the pattern anchored on the line break,
    # so the scan only stops at `.!?…` and line breaks (not at every space)
    r"|(?<=\S[ \t\u00a0]{0,20}+)\r?\n(?=[ \t]{0,20}+[\"“«„])"
)


def _is_abbreviation(text: str, dot: int, lo: int) -> bool:
    """Return True if the period at *dot* ends an abbreviation or an initial."""
    i = dot
    stop = max(lo, dot - 16)
    while i > stop and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot]
    if not word or not word[0].isalpha():
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "G. K. Butterfield"
    if "." in word:
        return True  # "U.S.", "D.C." (a sentence ending in one is rare and harmless)
    return word.casefold() in load_set("quotes_abbreviations.txt")


def iter_sentences(
    text: str, start: int, end: int, protected: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of each sentence of ``text[start:end]``.

    *protected* is a sorted list of non-overlapping ``(start, end)`` spans (quotations,
    marks included) that no boundary may split.

    >>> t = 'Mr. Lee spoke. "Go. Now," he said. It ended.'
    >>> [t[s:e] for s, e in iter_sentences(t, 0, len(t), [(15, 25)])]
    ['Mr. Lee spoke.', '"Go. Now," he said.', 'It ended.']
    """
    spans = protected or []
    starts = [s for s, _ in spans]
    out: list[tuple[int, int]] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        if spans:
            i = bisect.bisect_right(starts, cut - 1) - 1
            if i >= 0 and spans[i][0] < cut < spans[i][1]:
                continue
        dot = m.start()
        if text[dot] == "." and _is_abbreviation(text, dot, start):
            continue
        out.append((pos, cut))
        pos = cut
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end:
        out.append((pos, end))
    return out
