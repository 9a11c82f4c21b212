"""Structure stage: headline, deck, bylines, dateline, captions, body paragraphs, credits.

The stage never loses a character: every non-blank line of the input ends up in exactly
one of headline, deck, byline, dateline, caption, credit, a body paragraph, or a
diagnostic (junk line).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from newsparse._text import iter_blocks, iter_lines, strip_span
from newsparse.model import Article, Span

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["iter_paragraphs", "split_structure"]


def iter_paragraphs(text: str, *, start: int = 0, end: int | None = None) -> Iterator[Span]:
    """Yield the blank-line separated blocks of ``text[start:end]`` as spans.

    >>> [p.text for p in iter_paragraphs("A.\\n\\nB.")]
    ['A.', 'B.']
    """
    for s, e in iter_blocks(text, start, end):
        yield Span.of(text, s, e)


def split_structure(article: Article) -> Article:
    """Stage: fill ``headline`` and ``paragraphs``.

    The headline is the first non-empty line; the body is every blank-line separated
    block after it.

    >>> a = split_structure(Article("Title\\n\\nFirst.\\n\\nSecond."))
    >>> a.headline.text, [p.text for p in a.paragraphs]
    ('Title', ['First.', 'Second.'])
    """
    text = article.text
    headline: Span | None = None
    body_start = 0
    for line_start, line_end in iter_lines(text):
        s, e = strip_span(text, line_start, line_end)
        if s < e:
            headline = Span.of(text, s, e)
            body_start = e
            break
    paragraphs = tuple(iter_paragraphs(text, start=body_start))
    return attrs.evolve(article, headline=headline, paragraphs=paragraphs)
