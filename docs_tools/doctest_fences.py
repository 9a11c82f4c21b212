"""Griffe extension for the docs site: docstrings written for pytest and Sphinx, in Markdown.

Our docstrings carry doctests as plain ``>>>`` paragraphs (pytest runs them); Markdown
would render them as text and read ``[...]`` in them as links. This wraps each run of
``>>>``/``...`` lines and the output lines after them in a ``pycon`` fence, and turns
Sphinx roles (``:class:`~newsparse.Article```) into code spans.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|data|attr|mod|exc|obj):`~?([^`\n]{1,200})`")


def plain_roles(text: str) -> str:
    """Return *text* with Sphinx cross-reference roles as Markdown code spans.

    >>> plain_roles("See :class:`~newsparse.Article` and :func:`parse_article`.")
    'See `newsparse.Article` and `parse_article`.'
    """
    return _ROLE.sub(r"`\1`", text)


def fence_doctests(text: str) -> str:
    """Return *text* with every doctest block fenced.

    >>> fence_doctests("Intro.\\n\\n>>> 1 + 1\\n2\\n\\nAfter.").splitlines()
    ['Intro.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'After.']
    """
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if not stripped.startswith(">>>"):
            out.append(line)
            i += 1
            continue
        indent = line[: len(line) - len(stripped)]
        out.append(f"{indent}```pycon")
        while i < len(lines) and lines[i].strip() and lines[i].startswith(indent):
            out.append(lines[i])
            i += 1
        out.append(f"{indent}```")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence the doctests and plain the roles of every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:  # noqa: ARG002, ANN401
        """Rewrite the object's docstring, if it has doctests."""
        if obj.docstring is not None:
            obj.docstring.value = plain_roles(fence_doctests(obj.docstring.value))
