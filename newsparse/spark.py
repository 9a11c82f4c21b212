"""Parse a Spark DataFrame of articles: :func:`parse_dataframe` (optional extra ``spark``).

The articles are parsed on the executors, a partition at a time, with ``mapInPandas``;
the result keeps every input column and adds four, under the declared schema
:func:`parsed_schema`:

- ``structure``: headline, deck, bylines, dateline, captions, paragraph spans, credits;
- ``quotes``: one struct per quote (the columns of ``records.SCHEMAS["quotes"]``);
- ``dates``: one struct per temporal expression (``records.SCHEMAS["dates"]``);
- ``entities``: one struct per entity, with its mentions.

Install with ``pip install 'newsparse[spark]'`` (pyspark, pandas, pyarrow; Spark needs
Java 17 or later). Importing this module does not import pyspark; calling it does.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from newsparse.records import SCHEMAS, ColumnType, Table

if TYPE_CHECKING:
    from collections.abc import Iterator

    import pandas as pd
    from pyspark.sql import DataFrame
    from pyspark.sql.types import DataType, StructType

    from newsparse.model import Article

__all__ = ["PARSED_COLUMNS", "parse_dataframe", "parsed_schema"]

PARSED_COLUMNS = ("structure", "quotes", "dates", "entities")
"""The columns :func:`parse_dataframe` adds (each behind the optional ``prefix``)."""

_ITEM_TABLES: dict[str, Table] = {"quotes": "quotes", "dates": "dates"}


def _spark_type(kind: ColumnType) -> DataType:
    from pyspark.sql import types as T  # noqa: N812, PLC0415 - optional dependency

    if kind == "int":
        return T.IntegerType()
    if kind == "list<string>":
        return T.ArrayType(T.StringType())
    return T.StringType()


def _items(table: Table) -> StructType:
    """The struct of one quote or date: its record's columns without article and index."""
    from pyspark.sql import types as T  # noqa: N812, PLC0415 - optional dependency

    return T.StructType(
        [
            T.StructField(name, _spark_type(kind))
            for name, kind in SCHEMAS[table]
            if name not in {"article", "index"}
        ]
    )


def parsed_schema() -> StructType:
    """Return the Spark schema of the columns :func:`parse_dataframe` adds (no prefix).

    >>> [f.name for f in parsed_schema().fields]  # doctest: +SKIP
    ['structure', 'quotes', 'dates', 'entities']
    """
    from pyspark.sql import types as T  # noqa: N812, PLC0415 - optional dependency

    s, i = T.StringType(), T.IntegerType()

    def struct(*fields: tuple[str, DataType]) -> StructType:
        return T.StructType([T.StructField(name, kind) for name, kind in fields])

    strings = T.ArrayType(s)
    structure = struct(
        ("published", s),
        ("reference_date", s),
        ("headline", s),
        ("deck", s),
        ("bylines", T.ArrayType(struct(("text", s), ("name", s), ("affiliation", s)))),
        ("dateline", struct(("text", s), ("location", s), ("agency", s), ("date", s))),
        ("captions", T.ArrayType(struct(("text", s), ("credit", s)))),
        ("paragraphs", T.ArrayType(struct(("start", i), ("end", i)))),
        ("credits", T.ArrayType(struct(("role", s), ("names", strings), ("text", s)))),
    )
    mention = struct(("start", i), ("end", i), ("text", s), ("kind", s), ("rule", s))
    entity = struct(
        ("id", s),
        ("name", s),
        ("type", s),
        ("titles", strings),
        ("aliases", strings),
        ("affiliation", s),
        ("mentions", T.ArrayType(mention)),
    )
    return struct(
        ("structure", structure),
        ("quotes", T.ArrayType(_items("quotes"))),
        ("dates", T.ArrayType(_items("dates"))),
        ("entities", T.ArrayType(entity)),
    )


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _row(article: Article) -> dict[str, Any]:
    """The four parsed columns of one article, as plain Python values."""
    from newsparse.records import iter_records  # noqa: PLC0415 - keep import light

    a = article
    dl = a.dateline
    structure = {
        "published": _iso(a.published),
        "reference_date": _iso(a.reference_date),
        "headline": None if a.headline is None else a.headline.text,
        "deck": None if a.deck is None else a.deck.text,
        "bylines": [
            {"text": b.text, "name": b.name, "affiliation": b.affiliation} for b in a.bylines
        ],
        "dateline": None
        if dl is None
        else {
            "text": dl.text,
            "location": dl.location,
            "agency": dl.agency,
            "date": None if dl.date is None else dl.date.value,
        },
        "captions": [{"text": c.text, "credit": c.credit} for c in a.captions],
        "paragraphs": [{"start": p.start, "end": p.end} for p in a.paragraphs],
        "credits": [{"role": c.role, "names": list(c.names), "text": c.text} for c in a.credits],
    }
    row: dict[str, Any] = {"structure": structure}
    for column, table in _ITEM_TABLES.items():
        row[column] = [
            {k: v for k, v in r.items() if k not in {"article", "index"}}
            for r in iter_records([a], table)
        ]
    row["entities"] = [
        {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "titles": list(e.titles),
            "aliases": list(e.aliases),
            "affiliation": e.affiliation,
            "mentions": [
                {"start": m.start, "end": m.end, "text": m.text, "kind": m.kind, "rule": m.rule}
                for m in e.mentions
            ],
        }
        for e in a.entities
    ]
    return row


def _published_value(value: object) -> dt.date | str | None:
    """A cell of the published column as parse_article takes it (None for nulls)."""
    import pandas as pd  # noqa: PLC0415 - optional dependency

    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else dt.datetime.fromisoformat(value.isoformat())
    if isinstance(value, (str, dt.date)):
        return value
    if value is None or bool(pd.isna(value)):
        return None
    return str(value)


def _parse_batches(
    batches: Iterator[pd.DataFrame],
    *,
    text_col: str,
    published_col: str | None,
    names: dict[str, str],
) -> Iterator[pd.DataFrame]:
    """Executor side: parse each pandas batch and add the parsed columns."""
    from newsparse import parse_article  # noqa: PLC0415 - imported on the executor

    for batch in batches:
        texts = batch[text_col].tolist()
        dates = [None] * len(texts) if published_col is None else batch[published_col].tolist()
        rows: list[dict[str, Any] | None] = [
            _row(parse_article(text, published=_published_value(when)))
            if isinstance(text, str)
            else None
            for text, when in zip(texts, dates, strict=True)
        ]
        out = batch.copy()
        for column in PARSED_COLUMNS:
            out[names[column]] = [None if r is None else r[column] for r in rows]
        yield out


def parse_dataframe(
    df: DataFrame,
    *,
    text_col: str = "text",
    published_col: str | None = None,
    prefix: str = "",
) -> DataFrame:
    """Parse the articles of a Spark DataFrame; return it with the parsed columns added.

    Args:
        df: A DataFrame with a string column of article texts.
        text_col: The name of that column.
        published_col: A column of publication dates (date, timestamp or ISO-8601
            string), or None. A null date means none for that row.
        prefix: Put before the added column names (``"np_"`` gives ``np_quotes``...).

    Returns:
        A DataFrame with every column of *df* and ``structure``, ``quotes``, ``dates`` and
        ``entities`` (see :func:`parsed_schema`); rows with a null text get nulls there.

    Raises:
        ValueError: A named column is missing, or an added column would clash with one of
            *df*'s.

    >>> df = spark.createDataFrame([("a", text)], ["id", "text"])  # doctest: +SKIP
    >>> parse_dataframe(df).select("id", "quotes.text").first()  # doctest: +SKIP
    """
    from pyspark.sql import types as T  # noqa: N812, PLC0415 - optional dependency

    for name in (text_col, published_col):
        if name is not None and name not in df.columns:
            msg = f"no column {name!r} in the DataFrame (it has {', '.join(df.columns)})"
            raise ValueError(msg)
    names = {column: prefix + column for column in PARSED_COLUMNS}
    clash = sorted(set(names.values()) & set(df.columns))
    if clash:
        msg = f"the DataFrame already has {', '.join(clash)}; pass prefix= to rename the output"
        raise ValueError(msg)
    fields = [T.StructField(names[f.name], f.dataType) for f in parsed_schema().fields]
    schema = T.StructType([*df.schema.fields, *fields])

    def parse(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        return _parse_batches(batches, text_col=text_col, published_col=published_col, names=names)

    result: DataFrame = df.mapInPandas(parse, schema)
    return result
