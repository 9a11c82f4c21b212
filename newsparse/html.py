"""HTML rendering of a parsed article (notebooks, standalone pages)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsparse.model import Article

__all__ = ["render_fragment"]


def render_fragment(article: Article) -> str:
    """Return an HTML fragment showing the article text (highlighting comes later).

    >>> from newsparse import parse_article
    >>> render_fragment(parse_article("A & B"))
    '<div class="newsparse"><pre>A &amp; B</pre></div>'
    """
    return f'<div class="newsparse"><pre>{html.escape(article.text)}</pre></div>'
