from __future__ import annotations

import datetime as dt

import attrs
import pytest

from newsparse import Article, DateMention, Entity, Mention, Quote, Span, Speaker


def test_span_of_takes_text_from_source() -> None:
    assert Span.of("Mayor Ana Ruiz said.", 6, 14) == Span(6, 14, "Ana Ruiz")


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        pytest.param(-1, 2, "abc", id="negative-start"),
        pytest.param(5, 4, "", id="end-before-start"),
        pytest.param(0, 3, "ab", id="text-length-mismatch"),
    ],
)
def test_span_validation(start: int, end: int, text: str) -> None:
    with pytest.raises(ValueError, match=r"end|text|start|must be >= 0"):
        Span(start, end, text)


def test_items_are_frozen() -> None:
    span = Span(0, 1, "a")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 3  # type: ignore[misc]


def test_full_article_round_trip() -> None:
    text = "He said “yes” on March 3."
    speaker = Speaker(0, 2, "He", "Ana Ruiz", "e1")
    quote = Quote(9, 12, "yes", "direct", "quote.pair", speaker, Span(3, 7, "said"), 1)
    date = DateMention(
        17, 24, "March 3", "DATE", "2020-03-03", "date.month_day", dt.date(2020, 3, 3), "day"
    )
    entity = Entity("e1", "Ana Ruiz", "PER", (Mention(0, 2, "He", "pronoun", "quote.pronoun"),))
    article = Article(text, dt.date(2020, 3, 4), quotes=(quote,), dates=(date,), entities=(entity,))
    assert Article.from_dict(article.to_dict()) == article
    assert article.to_dict()["quotes"][0]["speaker"]["name"] == "Ana Ruiz"
    assert article.to_dict()["dates"][0]["resolved"] == "2020-03-03"


def test_reference_date_prefers_published() -> None:
    assert Article("x", published=dt.date(2020, 1, 2)).reference_date == dt.date(2020, 1, 2)
    assert Article("x").reference_date is None


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        pytest.param(0.0, 1, "a", id="float-start"),
        pytest.param(0, "1", "a", id="str-end"),
        pytest.param(0, 1, b"a", id="bytes-text"),
    ],
)
def test_span_types(start: object, end: object, text: object) -> None:
    with pytest.raises(TypeError, match="start and end must be int and text str"):
        Span(start, end, text)  # type: ignore[arg-type]
