"""newsparse.spark on a local[2] Spark session (pyspark from the ``spark`` extra, Java 17+).

Skipped when pyspark is not installed, unless CI is set: in CI it must run.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from typing import TYPE_CHECKING, Any

import pytest

from newsparse import parse_article
from newsparse.records import columns

if TYPE_CHECKING:
    from collections.abc import Iterator

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
if not IN_CI:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install '.[spark]')")

pytestmark = pytest.mark.slow

STORM = 'Storm hits coast\n\n"The sea wall held," said Tom Reyes on Feb. 3, 2020.'


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession  # noqa: PLC0415 - optional dependency

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsparse-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def parsed(spark: Any, seed_text: str) -> dict[str, Any]:
    from newsparse.spark import parse_dataframe  # noqa: PLC0415 - optional dependency

    df = spark.createDataFrame(
        [
            ("seed", seed_text, dt.date(2025, 11, 1)),
            ("storm", STORM, None),
            ("empty", None, None),
        ],
        "id string, text string, published date",
    )
    rows = parse_dataframe(df, published_col="published").collect()
    return {row["id"]: row for row in rows}


def _quote_tuples(quotes: Any) -> list[tuple[Any, ...]]:
    return [(q.text, q.start, q.end, q.kind, q.speaker_name, q.cue) for q in quotes]


def test_seed_quotes_match_parse_article(parsed: dict[str, Any], seed_text: str) -> None:
    article = parse_article(seed_text, published=dt.date(2025, 11, 1))
    row = parsed["seed"]
    expected = [
        (
            q.text,
            q.start,
            q.end,
            q.kind,
            None if q.speaker is None else q.speaker.name,
            None if q.cue is None else q.cue.text,
        )
        for q in article.quotes
    ]
    assert _quote_tuples(row.quotes) == expected
    assert len(expected) >= 20


def test_seed_structure_dates_and_entities(parsed: dict[str, Any], seed_text: str) -> None:
    article = parse_article(seed_text, published=dt.date(2025, 11, 1))
    row = parsed["seed"]
    assert row.text == seed_text
    assert row.structure.published == "2025-11-01"
    assert row.structure.headline == (None if article.headline is None else article.headline.text)
    assert [(p.start, p.end) for p in row.structure.paragraphs] == [
        (p.start, p.end) for p in article.paragraphs
    ]
    assert [(d.text, d.value, d.resolved) for d in row.dates] == [
        (d.text, d.value, None if d.resolved is None else d.resolved.isoformat())
        for d in article.dates
    ]
    assert [(e.id, e.name, e.type, len(e.mentions)) for e in row.entities] == [
        (e.id, e.name, e.type, len(e.mentions)) for e in article.entities
    ]


def test_dates_struct_has_the_record_columns(parsed: dict[str, Any]) -> None:
    row = parsed["storm"]
    assert list(row.dates[0].asDict()) == [
        c for c in columns("dates") if c not in {"article", "index"}
    ]
    assert [d.value for d in row.dates] == [d.value for d in parse_article(STORM).dates]


def test_null_text_gives_null_columns(parsed: dict[str, Any]) -> None:
    row = parsed["empty"]
    assert (row.structure, row.quotes, row.dates, row.entities) == (None, None, None, None)


def test_prefix_and_clashes(spark: Any) -> None:
    from newsparse.spark import parse_dataframe  # noqa: PLC0415 - optional dependency

    df = spark.createDataFrame([("x", STORM)], "quotes string, body string")
    with pytest.raises(ValueError, match="already has quotes"):
        parse_dataframe(df, text_col="body")
    with pytest.raises(ValueError, match="no column 'text'"):
        parse_dataframe(df)
    out = parse_dataframe(df, text_col="body", prefix="np_")
    assert out.columns == ["quotes", "body", "np_structure", "np_quotes", "np_dates", "np_entities"]
    first = out.first()
    assert first is not None
    assert first["np_quotes"][0]["text"] == parse_article(STORM).quotes[0].text


def test_spark_recipe_in_the_docs(spark: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.test_records import recipe  # noqa: PLC0415 - shared helper

    scope: dict[str, Any] = {"spark": spark}
    exec(recipe("spark"), scope)  # noqa: S102 - the documented recipe, run as written
    text = 'Port reopens\n\n"We are open again," Mayor Ana Ruiz said.'
    expected = [
        ("a1", q.speaker.name if q.speaker else None, q.text) for q in parse_article(text).quotes
    ]
    assert [tuple(r) for r in scope["quotes"].collect()] == expected
    assert len(expected) == 1
    assert "We are open again," in capsys.readouterr().out
