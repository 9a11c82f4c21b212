from __future__ import annotations

import datetime as dt
import importlib
import os
import pathlib
import typing
from typing import Any

import pytest

from newsparse import parse_article
from newsparse.model import (
    Article,
    Byline,
    Dateline,
    DateMention,
    Entity,
    Mention,
    Quote,
    Span,
    Speaker,
)
from newsparse.records import SCHEMAS, Table, columns, iter_records, to_records

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
DOCS = pathlib.Path(__file__).resolve().parent.parent / "docs"


def recipe(name: str) -> str:
    """The Python block after ``<!-- recipe: NAME -->`` in docs/etl.md."""
    text = (DOCS / "etl.md").read_text(encoding="utf-8")
    after = text[text.index(f"<!-- recipe: {name} -->") :]
    start = after.index("```python\n") + len("```python\n")
    return after[start : after.index("```\n", start)]


def need(module: str) -> None:
    """Skip without *module*, except in CI, where a missing extra must fail the run."""
    if not IN_CI:
        pytest.importorskip(module, reason=f"{module} is not installed")


TEXT = 'Port reopens\nBy Lee Park\n\nSPRINGFIELD - "We are open," Mayor Ana Ruiz said on Feb. 3.'
Q = TEXT.index("We are open,")
S = TEXT.index("Mayor Ana Ruiz")
N = TEXT.index("Ana Ruiz")
C = TEXT.index("said")
D = TEXT.index("Feb. 3")
B = TEXT.index("By Lee Park")
ARTICLE = Article(
    text=TEXT,
    published=dt.date(2020, 2, 4),
    headline=Span.of(TEXT, 0, 12),
    bylines=(Byline(B, B + 11, TEXT[B : B + 11], name="Lee Park", rule="byline.by"),),
    dateline=Dateline(
        B + 13, B + 27, TEXT[B + 13 : B + 27], location="SPRINGFIELD", rule="dateline.dash"
    ),
    paragraphs=(Span.of(TEXT, B + 13, len(TEXT)),),
    quotes=(
        Quote(
            Q,
            Q + 12,
            TEXT[Q : Q + 12],
            kind="direct",
            rule="quote.pair",
            speaker=Speaker(S, S + 14, TEXT[S : S + 14], name="Ana Ruiz", entity="e1"),
            cue=Span.of(TEXT, C, C + 4),
        ),
    ),
    dates=(
        DateMention(
            D,
            D + 6,
            TEXT[D : D + 6],
            type="DATE",
            value="2020-02-03",
            rule="date.md",
            resolved=dt.date(2020, 2, 3),
            granularity="day",
        ),
    ),
    entities=(
        Entity(
            "e1",
            "Ana Ruiz",
            "PER",
            mentions=(Mention(N, N + 8, "Ana Ruiz", kind="name", rule="ent.title"),),
            titles=("Mayor",),
            aliases=("Ruiz",),
        ),
    ),
)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        pytest.param(
            "quotes",
            {
                "article": "p1",
                "index": 0,
                "start": Q,
                "end": Q + 12,
                "text": "We are open,",
                "kind": "direct",
                "rule": "quote.pair",
                "group": None,
                "speaker_text": "Mayor Ana Ruiz",
                "speaker_name": "Ana Ruiz",
                "speaker_entity": "e1",
                "speaker_start": S,
                "speaker_end": S + 14,
                "cue": "said",
                "cue_start": C,
                "cue_end": C + 4,
            },
            id="quotes",
        ),
        pytest.param(
            "dates",
            {
                "article": "p1",
                "index": 0,
                "start": D,
                "end": D + 6,
                "text": "Feb. 3",
                "type": "DATE",
                "value": "2020-02-03",
                "resolved": "2020-02-03",
                "granularity": "day",
                "rule": "date.md",
            },
            id="dates",
        ),
        pytest.param(
            "entities",
            {
                "article": "p1",
                "entity": "e1",
                "name": "Ana Ruiz",
                "type": "PER",
                "titles": ["Mayor"],
                "aliases": ["Ruiz"],
                "affiliation": None,
                "mentions": 1,
                "first_start": N,
            },
            id="entities",
        ),
        pytest.param(
            "mentions",
            {
                "article": "p1",
                "entity": "e1",
                "name": "Ana Ruiz",
                "type": "PER",
                "start": N,
                "end": N + 8,
                "text": "Ana Ruiz",
                "kind": "name",
                "rule": "ent.title",
            },
            id="mentions",
        ),
        pytest.param(
            "bylines",
            {
                "article": "p1",
                "index": 0,
                "start": B,
                "end": B + 11,
                "text": "By Lee Park",
                "name": "Lee Park",
                "affiliation": None,
                "rule": "byline.by",
            },
            id="bylines",
        ),
        pytest.param(
            "articles",
            {
                "article": "p1",
                "published": "2020-02-04",
                "reference_date": "2020-02-04",
                "headline": "Port reopens",
                "deck": None,
                "bylines": ["Lee Park"],
                "dateline": "SPRINGFIELD - ",
                "dateline_location": "SPRINGFIELD",
                "dateline_agency": None,
                "dateline_date": None,
                "paragraphs": 1,
                "quotes": 1,
                "dates": 1,
                "entities": 1,
                "diagnostics": 0,
                "length": len(TEXT),
            },
            id="articles",
        ),
    ],
)
def test_records(table: Table, expected: dict[str, Any]) -> None:
    [record] = to_records([ARTICLE], table, ids=["p1"])
    assert record == expected
    assert list(record) == columns(table)


_PYTHON_TYPES = {"string": (str,), "int": (int,), "list<string>": (list,)}


@pytest.mark.parametrize("table", typing.get_args(Table))
def test_seed_records_fit_their_schema(table: Table, seed_text: str) -> None:
    records = to_records([parse_article(seed_text, published="2025-11-01")], table)
    assert records or table == "bylines"
    for record in records:
        assert list(record) == columns(table)
        for name, kind in SCHEMAS[table]:
            value = record[name]
            if name == "article":
                assert value == 0
            elif value is not None:
                assert isinstance(value, _PYTHON_TYPES[kind]), (name, value)


def test_default_ids_are_positions() -> None:
    records = to_records([ARTICLE, Article(text="x"), ARTICLE], "quotes")
    assert [r["article"] for r in records] == [0, 2]


def test_iter_records_is_lazy() -> None:
    def endless() -> typing.Iterator[Article]:
        while True:
            yield ARTICLE

    records = iter_records(endless(), "dates")
    assert [next(records)["article"] for _ in range(3)] == [0, 1, 2]


def test_ids_must_match_the_articles() -> None:
    with pytest.raises(ValueError, match="zip"):
        to_records([ARTICLE, ARTICLE], "quotes", ids=["only-one"])


def test_unknown_table() -> None:
    with pytest.raises(ValueError, match="table must be one of articles, quotes"):
        to_records([ARTICLE], "sentences")  # type: ignore[arg-type]


def test_pandas_frame() -> None:
    need("pandas")
    import pandas as pd  # noqa: PLC0415 - optional dependency

    frame = pd.DataFrame(to_records([ARTICLE], "quotes", ids=["p1"]), columns=columns("quotes"))
    assert frame.loc[0, "speaker_name"] == "Ana Ruiz"
    empty = pd.DataFrame(to_records([], "quotes"), columns=columns("quotes"))
    assert list(empty.columns) == columns("quotes")


def test_arrow_table() -> None:
    need("pyarrow")
    pa = importlib.import_module("pyarrow")  # optional; untyped

    table = pa.Table.from_pylist(to_records([ARTICLE, ARTICLE], "entities"))
    assert table.column_names == columns("entities")
    assert table.column("titles").to_pylist() == [["Mayor"], ["Mayor"]]
    assert str(table.schema.field("titles").type) == "list<item: string>"


def _recipe_texts() -> dict[str, str]:
    return {
        "port": 'Port reopens\n\n"We are open again," Mayor Ana Ruiz said on Feb. 3, 2020.',
        "storm": 'Storm hits\n\n"The sea wall held," said harbour master Tom Reyes on Tuesday.',
    }


def test_pandas_recipe_in_the_docs(capsys: pytest.CaptureFixture[str]) -> None:
    need("pandas")
    scope: dict[str, Any] = {}
    exec(recipe("pandas"), scope)  # noqa: S102 - the documented recipe, run as written
    texts = _recipe_texts()
    assert scope["texts"] == texts
    expected = [
        (key, q.text)
        for key, text in texts.items()
        for q in parse_article(text, published="2020-02-05").quotes
    ]
    assert list(zip(scope["quotes"]["article"], scope["quotes"]["text"], strict=True)) == expected
    assert len(expected) == 2
    assert "We are open again," in capsys.readouterr().out


def test_dask_recipe_in_the_docs() -> None:
    need("dask")
    import dask  # noqa: PLC0415 - optional dependency

    scope: dict[str, Any] = {}
    with dask.config.set(scheduler="synchronous"):
        exec(recipe("dask"), scope)  # noqa: S102 - the documented recipe, run as written
    texts = list(_recipe_texts().values())
    expected = [
        (i, q.text, q.start) for i, text in enumerate(texts) for q in parse_article(text).quotes
    ]
    assert [(r["article"], r["text"], r["start"]) for r in scope["rows"]] == expected
    assert len(expected) == 2
