"""Entities stage: people, organisations and places, normalised within the article."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import regex

from newsparse.model import Article, Entity, Mention

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["extract_entities", "iter_mentions"]

# Two or more capitalised words in a row (apostrophe-s possessives left outside).
_NAME_SEQ = regex.compile(r"\b\p{Lu}\p{Ll}++(?:[ ]\p{Lu}\p{Ll}++)++\b")


def iter_mentions(text: str, *, start: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Yield capitalised name sequences of ``text[start:end]`` as name mentions.

    >>> [m.text for m in iter_mentions("He met Khawaja Muhammad Asif in Moscow.")]
    ['Khawaja Muhammad Asif']
    """
    stop = len(text) if end is None else end
    for m in _NAME_SEQ.finditer(text, start, stop):
        yield Mention(m.start(), m.end(), m.group(), "name", "entity.capitalised")


def extract_entities(article: Article) -> Article:
    """Stage: group name mentions by their text into entities."""
    groups: dict[str, list[Mention]] = {}
    for mention in iter_mentions(article.text):
        groups.setdefault(mention.text, []).append(mention)
    entities = tuple(
        Entity(id=f"e{i}", name=name, type="MISC", mentions=tuple(mentions))
        for i, (name, mentions) in enumerate(groups.items(), start=1)
    )
    return attrs.evolve(article, entities=entities)
