"""Text helpers shared by the stages. Nothing here rewrites the input: all results are offsets."""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["LINE_BREAK", "iter_blocks", "iter_lines", "strip_span"]

# Every line terminator str.splitlines() knows, with \r\n as one break.
LINE_BREAK = regex.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# A blank line: a break, then only horizontal space, then another break.
# The breaks are atomic, so the \r and \n of one \r\n never count as two breaks.
_BLOCK_BREAK = regex.compile(
    r"(?>\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])"
    r"(?:[^\S\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]*+(?>\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]))++"
    r"|\u2029"
)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Return ``(start, end)`` narrowed so that ``text[start:end]`` has no edge white space.

    >>> strip_span("  ab c \\n", 0, 8)
    (2, 6)
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def iter_lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each line in ``text[start:end]``, without its terminator.

    >>> list(iter_lines("a\\r\\nbc\\n\\nd"))
    [(0, 1), (3, 5), (6, 6), (7, 8)]
    """
    stop = len(text) if end is None else end
    pos = start
    for m in LINE_BREAK.finditer(text, start, stop):
        yield pos, m.start()
        pos = m.end()
    if pos < stop:
        yield pos, stop


def iter_blocks(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each blank-line separated block, white space trimmed.

    >>> t = "One.\\n\\n  Two,\\nstill two.\\n \\nThree."
    >>> [t[s:e] for s, e in iter_blocks(t)]
    ['One.', 'Two,\\nstill two.', 'Three.']
    >>> u = t.replace("\\n", "\\r\\n")
    >>> [u[s:e] for s, e in iter_blocks(u)]
    ['One.', 'Two,\\r\\nstill two.', 'Three.']
    """
    stop = len(text) if end is None else end
    pos = start
    for m in _BLOCK_BREAK.finditer(text, start, stop):
        s, e = strip_span(text, pos, m.start())
        if s < e:
            yield s, e
        pos = m.end()
    s, e = strip_span(text, pos, stop)
    if s < e:
        yield s, e
