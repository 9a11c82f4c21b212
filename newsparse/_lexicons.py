"""Load the word lists under ``newsparse/lexicons/``: once, on first use.

A lexicon is a UTF-8 text file: one entry per line, ``#`` starts a comment, blank lines
are ignored. A ``.tsv`` lexicon has tab-separated columns.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["load_set", "load_table", "read_lines"]


@functools.cache
def read_lines(name: str) -> tuple[str, ...]:
    """Return the entries of lexicon *name* (a file name under ``lexicons/``), in file order.

    >>> "said" in read_lines("cue_verbs.txt")
    True
    """
    raw = resources.files("newsparse").joinpath("lexicons", name).read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        entry = line.split("#", 1)[0].rstrip() if not line.startswith("#") else ""
        if entry.strip():
            out.append(entry)
    return tuple(out)


@functools.cache
def load_set(name: str, *, casefold: bool = True) -> frozenset[str]:
    """Return the entries of a one-column lexicon as a set (casefolded by default)."""
    lines = read_lines(name)
    return frozenset(line.strip().casefold() if casefold else line.strip() for line in lines)


@functools.cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Return the rows of a tab-separated lexicon, each a tuple of stripped columns."""
    return tuple(tuple(col.strip() for col in line.split("\t")) for line in read_lines(name))
