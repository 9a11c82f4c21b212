"""Quotes stage: direct, partial and reported speech, with speaker and cue."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import regex

from newsparse.model import Article, Quote

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["extract_quotes", "iter_quotes"]

# An opening mark (straight or curly), content without marks or paragraph breaks, a closing
# mark (straight or curly): covers the seed's straight-open, curly-close pairs.
_PAIR = regex.compile(r'["“](?P<content>[^"“”\n]{1,10000}+)["”]')


def iter_quotes(text: str, *, start: int = 0, end: int | None = None) -> Iterator[Quote]:
    """Yield the quoted passages of ``text[start:end]`` (content without the marks).

    >>> [q.text for q in iter_quotes('He said "we are ready” today.')]
    ['we are ready']
    """
    stop = len(text) if end is None else end
    for m in _PAIR.finditer(text, start, stop):
        s, e = m.span("content")
        yield Quote(s, e, m.group("content"), "direct", "quote.pair")


def extract_quotes(article: Article) -> Article:
    """Stage: fill ``quotes`` from the body paragraphs."""
    found: list[Quote] = []
    for p in article.paragraphs:
        found.extend(iter_quotes(article.text, start=p.start, end=p.end))
    return attrs.evolve(article, quotes=tuple(found))
