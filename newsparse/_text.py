"""Text helpers shared by the stages. Nothing here rewrites the input: all results are offsets."""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "LINE_BREAK",
    "common_char_class",
    "is_common",
    "iter_blocks",
    "iter_lines",
    "strip_span",
]

# Every line terminator str.splitlines() knows, with \r\n as one break.
LINE_BREAK = regex.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# A blank line: a break, then only horizontal space, then another break.
# The breaks are atomic, so the \r and \n of one \r\n never count as two breaks.
_BLOCK_BREAK = regex.compile(
    r"(?>\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])"
    r"(?:[^\S\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]*+(?>\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]))++"
    r"|\u2029"
)


# Latin-1 and General Punctuation (curly quotes, dashes, "…"): most news text has no other
# character. For such text a stage may spell its `regex` classes out character by character
# and scan with the standard library's `re`, which is faster on these simple patterns.
_UNCOMMON = re.compile(r"[^\x00-\xff\u2000-\u206f]")


def is_common(text: str) -> bool:
    """Tell whether *text* holds only Latin-1 and General Punctuation characters.

    >>> is_common("“Yes,” she said — in Zürich."), is_common("ещё")
    (True, False)
    """
    return text.isascii() or _UNCOMMON.search(text) is None


def common_char_class(test: regex.Pattern[str]) -> str:
    """Return a `re` class of the common characters that *test* matches, as ranges.

    >>> re.findall(common_char_class(regex.compile("[uü]")), "Zürich uber ущелье")
    ['ü', 'u']
    """
    codes = [c for c in (*range(0x100), *range(0x2000, 0x2070)) if test.fullmatch(chr(c))]
    out: list[str] = []
    for _, run in itertools.groupby(enumerate(codes), key=lambda ic: ic[1] - ic[0]):
        first, *rest = (c for _, c in run)
        last = rest[-1] if rest else first
        out.append(f"\\u{first:04x}" + (f"-\\u{last:04x}" if last != first else ""))
    return "[" + "".join(out) + "]"


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
