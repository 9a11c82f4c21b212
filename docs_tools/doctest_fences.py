"""Griffe extension for the docs site: show docstring ``>>>`` examples as code blocks.

Our docstrings carry doctests as plain ``>>>`` paragraphs (pytest runs them); Markdown
would render them as text and read ``[...]`` in them as links. This wraps each run of
``>>>``/``...`` lines and the output lines after them in a ``pycon`` fence.
"""

from __future__ import annotations

from typing import Any

import griffe

_PROMPTS = (">>>", "...")


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
    """Fence the doctests of every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:  # noqa: ARG002, ANN401
        """Rewrite the object's docstring, if it has doctests."""
        if obj.docstring is not None and ">>>" in obj.docstring.value:
            obj.docstring.value = fence_doctests(obj.docstring.value)
