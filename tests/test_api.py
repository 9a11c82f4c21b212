from __future__ import annotations

import datetime as dt
import json
import pickle
import subprocess
import sys
from typing import Any

import pytest

import newsparse
from newsparse import Article, parse_article


def _items(article: Article) -> list[Any]:
    """Every item of the article that covers text, nested ones included."""
    out: list[Any] = [article.headline, article.deck, article.dateline]
    out += [*article.bylines, *article.captions, *article.paragraphs, *article.credits]
    out += [c.credit_span for c in article.captions]
    out += list(article.dates)
    if article.dateline is not None:
        out.append(article.dateline.date)
    for q in article.quotes:
        out += [q, q.speaker, q.cue]
    for e in article.entities:
        out += list(e.mentions)
    return [i for i in out if i is not None]


def test_seed_items_lie_inside_the_text(seed_text: str) -> None:
    article = parse_article(seed_text)
    items = _items(article)
    assert len(items) > 50
    for item in items:
        assert 0 <= item.start <= item.end <= len(seed_text)
        assert item.text == seed_text[item.start : item.end]


def test_seed_headline_and_body(seed_text: str) -> None:
    article = parse_article(seed_text)
    assert article.headline is not None
    assert article.headline.text == "Pakistan defense minister warns Kabul over cross-border terror"
    assert article.paragraphs[-1].text.startswith("Asif concluded by calling for regional peace")


def test_seed_quotes_nest_and_never_cross(seed_text: str) -> None:
    quotes = sorted(parse_article(seed_text).quotes, key=lambda q: (q.start, -q.end))
    for i, outer in enumerate(quotes):
        for inner in quotes[i + 1 :]:
            if inner.start >= outer.end:
                break
            assert inner.end <= outer.end, f"{outer.text!r} crosses {inner.text!r}"
            assert outer.kind == "indirect", f"{inner.text!r} inside {outer.kind} {outer.text!r}"


def test_seed_caption_and_its_credit(seed_text: str) -> None:
    (caption,) = parse_article(seed_text).captions
    assert caption.text.startswith("Pakistan's Defense Minister and former Foreign Minister")
    assert caption.text.endswith("Feb. 20, 2018.")
    assert caption.credit == "(AP Photo)"
    assert caption.credit_span is not None
    assert seed_text[caption.credit_span.start : caption.credit_span.end] == "(AP Photo)"


def test_seed_round_trips_through_json(seed_text: str) -> None:
    article = parse_article(seed_text, published="2025-11-01")
    as_json = json.dumps(article.to_dict(), ensure_ascii=False)
    again = Article.from_dict(json.loads(as_json))
    assert again == article


def test_seed_pickles(seed_text: str) -> None:
    article = parse_article(seed_text, published=dt.datetime(2025, 11, 1, 9, 30, tzinfo=dt.UTC))
    assert pickle.loads(pickle.dumps(article)) == article  # noqa: S301 - our own data


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        pytest.param(None, None, id="none"),
        pytest.param("2018-02-20", dt.date(2018, 2, 20), id="iso-date"),
        pytest.param(dt.date(2018, 2, 20), dt.date(2018, 2, 20), id="date"),
        pytest.param(
            "2018-02-20T15:01:01",
            dt.datetime(2018, 2, 20, 15, 1, 1),  # noqa: DTZ001 - naive in, naive out
            id="iso-datetime",
        ),
        pytest.param(
            "2018-02-20T15:01:01Z",
            dt.datetime(2018, 2, 20, 15, 1, 1, tzinfo=dt.UTC),
            id="iso-datetime-z",
        ),
    ],
)
def test_published_forms(published: Any, expected: dt.date | None) -> None:
    assert parse_article("Title", published=published).published == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(b"Headline", "decode bytes first", id="bytes"),
        pytest.param(None, "got NoneType", id="none"),
        pytest.param(42, "got int", id="int"),
        pytest.param(["a"], "got list", id="list"),
    ],
)
def test_non_str_text_raises_type_error(text: Any, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        parse_article(text)


@pytest.mark.parametrize(
    ("published", "error"),
    [
        pytest.param("20/02/2018", ValueError, id="not-iso"),
        pytest.param("2018-02-30", ValueError, id="impossible-day"),
        pytest.param("yesterday", ValueError, id="word"),
        pytest.param(20180220, TypeError, id="int"),
    ],
)
def test_bad_published_raises(published: Any, error: type[Exception]) -> None:
    with pytest.raises(error, match="published"):
        parse_article("Title", published=published)


@pytest.mark.parametrize(
    "text",
    ["", " ", "\n\n\n", '"', "“”", "\x00\x01", "\ud800", "a" * 10_000, '"' * 1000],
    ids=[
        "empty",
        "space",
        "newlines",
        "one-mark",
        "empty-quote",
        "nul",
        "surrogate",
        "long",
        "marks",
    ],
)
def test_any_str_gives_an_article(text: str) -> None:
    article = parse_article(text)
    assert article.text is text
    for item in _items(article):
        assert item.text == text[item.start : item.end]


def test_import_does_not_load_dateparser() -> None:
    code = "import sys, newsparse; print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_all_names_resolve() -> None:
    for name in newsparse.__all__:
        assert getattr(newsparse, name) is not None


def _broken(_article: newsparse.Article) -> newsparse.Article:
    raise IndexError(_BROKEN)


_BROKEN = "list index out of range"


def test_a_failing_stage_leaves_the_article_and_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    stages = newsparse.build_stages(newsparse.Options())
    monkeypatch.setattr(newsparse, "_default_stages", lambda: (stages[0], _broken, *stages[2:]))
    article = newsparse.parse_article("Mayor vows to reopen port\n\nLee said on Feb. 3 it was.")
    assert article.headline is not None
    assert article.dates == ()
    assert [(d.code, d.severity) for d in article.diagnostics] == [("stage.failed", "error")]
    assert article.diagnostics[0].message.startswith(
        "_broken failed (IndexError: list index out of range)"
    )


def test_a_failing_stage_of_your_own_raises() -> None:
    with pytest.raises(IndexError):
        newsparse.parse_article("Headline\n\nText.", stages=(_broken,))
