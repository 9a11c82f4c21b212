"""Flat records for DataFrames: one row per quote, date, entity, mention, byline or article.

Every record of a table has the same keys, in the order of :data:`SCHEMAS`, and only flat
values: ``str``, ``int``, ``None`` and lists of strings; dates are ISO-8601 strings, so a
column never mixes ``date`` and ``datetime`` and converts to Arrow as it is. The first
column, ``article``, is the article's id: its position in the input unless you pass
``ids``. ``docs/etl.md`` has a pandas example.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, get_args

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable, Hashable, Iterable, Iterator

    from newsparse.model import Article

__all__ = ["SCHEMAS", "ColumnType", "Record", "Table", "columns", "iter_records", "to_records"]

Table: TypeAlias = Literal["articles", "quotes", "dates", "entities", "mentions", "bylines"]
"""What a record stands for: one article, quote, date mention, entity, entity mention or byline."""

ColumnType: TypeAlias = Literal["string", "int", "list<string>"]
"""The type of a column's non-null values."""

Record: TypeAlias = dict[str, Any]

SCHEMAS: dict[Table, tuple[tuple[str, ColumnType], ...]] = {
    "articles": (
        ("article", "string"),
        ("published", "string"),
        ("reference_date", "string"),
        ("headline", "string"),
        ("deck", "string"),
        ("bylines", "list<string>"),
        ("dateline", "string"),
        ("dateline_location", "string"),
        ("dateline_agency", "string"),
        ("dateline_date", "string"),
        ("paragraphs", "int"),
        ("quotes", "int"),
        ("dates", "int"),
        ("entities", "int"),
        ("diagnostics", "int"),
        ("length", "int"),
    ),
    "quotes": (
        ("article", "string"),
        ("index", "int"),
        ("start", "int"),
        ("end", "int"),
        ("text", "string"),
        ("kind", "string"),
        ("rule", "string"),
        ("group", "int"),
        ("speaker_text", "string"),
        ("speaker_name", "string"),
        ("speaker_entity", "string"),
        ("speaker_start", "int"),
        ("speaker_end", "int"),
        ("cue", "string"),
        ("cue_start", "int"),
        ("cue_end", "int"),
    ),
    "dates": (
        ("article", "string"),
        ("index", "int"),
        ("start", "int"),
        ("end", "int"),
        ("text", "string"),
        ("type", "string"),
        ("value", "string"),
        ("resolved", "string"),
        ("granularity", "string"),
        ("rule", "string"),
    ),
    "entities": (
        ("article", "string"),
        ("entity", "string"),
        ("name", "string"),
        ("type", "string"),
        ("titles", "list<string>"),
        ("aliases", "list<string>"),
        ("affiliation", "string"),
        ("mentions", "int"),
        ("first_start", "int"),
    ),
    "mentions": (
        ("article", "string"),
        ("entity", "string"),
        ("name", "string"),
        ("type", "string"),
        ("start", "int"),
        ("end", "int"),
        ("text", "string"),
        ("kind", "string"),
        ("rule", "string"),
    ),
    "bylines": (
        ("article", "string"),
        ("index", "int"),
        ("start", "int"),
        ("end", "int"),
        ("text", "string"),
        ("name", "string"),
        ("affiliation", "string"),
        ("rule", "string"),
    ),
}
"""Each table's columns, in order, with the type of their values (any may be null).

``article`` is typed ``string`` because ids usually are; it holds whatever id you pass.
"""


def columns(table: Table) -> list[str]:
    """Return the column names of *table*, in order.

    >>> columns("bylines")
    ['article', 'index', 'start', 'end', 'text', 'name', 'affiliation', 'rule']
    """
    return [name for name, _ in SCHEMAS[table]]


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _articles(key: object, a: Article) -> Iterator[Record]:
    dl = a.dateline
    yield {
        "article": key,
        "published": _iso(a.published),
        "reference_date": _iso(a.reference_date),
        "headline": None if a.headline is None else a.headline.text,
        "deck": None if a.deck is None else a.deck.text,
        "bylines": [b.name or b.text for b in a.bylines],
        "dateline": None if dl is None else dl.text,
        "dateline_location": None if dl is None else dl.location,
        "dateline_agency": None if dl is None else dl.agency,
        "dateline_date": None if dl is None or dl.date is None else dl.date.value,
        "paragraphs": len(a.paragraphs),
        "quotes": len(a.quotes),
        "dates": len(a.dates),
        "entities": len(a.entities),
        "diagnostics": len(a.diagnostics),
        "length": len(a.text),
    }


def _quotes(key: object, a: Article) -> Iterator[Record]:
    for i, q in enumerate(a.quotes):
        s, cue = q.speaker, q.cue
        yield {
            "article": key,
            "index": i,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "kind": q.kind,
            "rule": q.rule,
            "group": q.group,
            "speaker_text": None if s is None else s.text,
            "speaker_name": None if s is None else s.name,
            "speaker_entity": None if s is None else s.entity,
            "speaker_start": None if s is None else s.start,
            "speaker_end": None if s is None else s.end,
            "cue": None if cue is None else cue.text,
            "cue_start": None if cue is None else cue.start,
            "cue_end": None if cue is None else cue.end,
        }


def _dates(key: object, a: Article) -> Iterator[Record]:
    for i, d in enumerate(a.dates):
        yield {
            "article": key,
            "index": i,
            "start": d.start,
            "end": d.end,
            "text": d.text,
            "type": d.type,
            "value": d.value,
            "resolved": _iso(d.resolved),
            "granularity": d.granularity,
            "rule": d.rule,
        }


def _entities(key: object, a: Article) -> Iterator[Record]:
    for e in a.entities:
        yield {
            "article": key,
            "entity": e.id,
            "name": e.name,
            "type": e.type,
            "titles": list(e.titles),
            "aliases": list(e.aliases),
            "affiliation": e.affiliation,
            "mentions": len(e.mentions),
            "first_start": min((m.start for m in e.mentions), default=None),
        }


def _mentions(key: object, a: Article) -> Iterator[Record]:
    for e in a.entities:
        for m in e.mentions:
            yield {
                "article": key,
                "entity": e.id,
                "name": e.name,
                "type": e.type,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "kind": m.kind,
                "rule": m.rule,
            }


def _bylines(key: object, a: Article) -> Iterator[Record]:
    for i, b in enumerate(a.bylines):
        yield {
            "article": key,
            "index": i,
            "start": b.start,
            "end": b.end,
            "text": b.text,
            "name": b.name,
            "affiliation": b.affiliation,
            "rule": b.rule,
        }


_MAKERS: dict[Table, Callable[[object, Article], Iterator[Record]]] = {
    "articles": _articles,
    "quotes": _quotes,
    "dates": _dates,
    "entities": _entities,
    "mentions": _mentions,
    "bylines": _bylines,
}


def iter_records(
    articles: Iterable[Article], table: Table, *, ids: Iterable[Hashable] | None = None
) -> Iterator[Record]:
    """Yield the flat records of *table* for each article, lazily (for streams and batches).

    Args:
        articles: Parsed articles (a list, or :func:`~newsparse.batch.parse_many`'s output).
        table: Which records: ``"articles"``, ``"quotes"``, ``"dates"``, ``"entities"``,
            ``"mentions"`` or ``"bylines"`` (see :data:`SCHEMAS`).
        ids: The articles' ids, in the same order; by default their positions 0, 1, 2...

    Yields:
        Dicts with the keys of ``columns(table)``, in that order.

    Raises:
        ValueError: *table* is not one of the tables.

    >>> from newsparse import parse_article
    >>> a = parse_article("It rained on Feb. 3, 2020.")
    >>> [(r["article"], r["text"], r["value"]) for r in iter_records([a], "dates", ids=["x"])]
    [('x', 'Feb. 3, 2020', '2020-02-03')]
    """
    make = _MAKERS.get(table)
    if make is None:
        msg = f"table must be one of {', '.join(get_args(Table))}; got {table!r}"
        raise ValueError(msg)
    keys: Iterable[Hashable] = itertools.count() if ids is None else ids
    for key, article in zip(keys, articles, strict=ids is not None):
        yield from make(key, article)


def to_records(
    articles: Iterable[Article], table: Table, *, ids: Iterable[Hashable] | None = None
) -> list[Record]:
    """Return the flat records of *table* for the articles, as a list (see :func:`iter_records`).

    ``pandas.DataFrame(to_records(articles, "quotes"), columns=columns("quotes"))`` or
    ``pyarrow.Table.from_pylist(...)`` turns them into a table.

    >>> from newsparse import parse_article
    >>> a = parse_article("It rained on Feb. 3, 2020.")
    >>> to_records([a], "articles")[0]["dates"]
    1
    """
    return list(iter_records(articles, table, ids=ids))
