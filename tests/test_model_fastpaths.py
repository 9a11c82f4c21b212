"""The stages' unvalidated constructors build the same items as the validated ones."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest

from newsparse import Article, DateMention, Mention, Quote, Span, Speaker, parse_article
from newsparse.model import (
    _replace,
    _unchecked_date,
    _unchecked_mention,
    _unchecked_quote,
    _unchecked_span,
    _unchecked_speaker,
)

SPEAKER_ARGS = (10, 13, "Ana", "Ana Ruiz", "e1")
SPAN_ARGS = (14, 18, "said")
CASES = [
    pytest.param(Span, _unchecked_span, SPAN_ARGS, id="span"),
    pytest.param(Mention, _unchecked_mention, (0, 3, "Ana", "name", "ent.x"), id="mention"),
    pytest.param(
        DateMention,
        _unchecked_date,
        (4, 8, "2020", "DATE", "2020", "date.year", dt.date(2020, 1, 1), "year"),
        id="date",
    ),
    pytest.param(Speaker, _unchecked_speaker, SPEAKER_ARGS, id="speaker"),
    pytest.param(
        Quote,
        _unchecked_quote,
        (1, 3, "hi", "direct", "q.x", Speaker(*SPEAKER_ARGS), Span(*SPAN_ARGS), 2),
        id="quote",
    ),
]


@pytest.mark.parametrize(("cls", "unchecked", "args"), CASES)
def test_unchecked_equals_validated(cls: type, unchecked: object, args: tuple[object, ...]) -> None:
    assert callable(unchecked)
    fast = unchecked(*args)
    slow = cls(*args)
    assert type(fast) is cls
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert fast.to_dict() == slow.to_dict()  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(fast)) == slow  # noqa: S301 - our own data
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.start = 0  # type: ignore[attr-defined]


def test_replace_equals_evolve() -> None:
    article = parse_article("Rain ends\n\nIt rained on Feb. 3, 2020.", published="2020-02-04")
    fast = _replace(article, dates=(), diagnostics=(), headline=None)
    assert type(fast) is Article
    assert fast == attrs.evolve(article, dates=(), diagnostics=(), headline=None)
    assert _replace(article) == article
    assert pickle.loads(pickle.dumps(fast)) == fast  # noqa: S301 - our own data
    assert Article.from_dict(fast.to_dict()) == fast
    span = Span(0, 4, "Rain")
    assert _replace(span, end=2, text="Ra") == Span(0, 2, "Ra")


def test_replace_rejects_unknown_fields_and_validates() -> None:
    with pytest.raises(TypeError, match="no field 'nope'"):
        _replace(Article("x"), nope=1)
    with pytest.raises(ValueError, match="does not fit"):
        _replace(Span(0, 4, "Rain"), end=2)
    with pytest.raises(TypeError):
        _replace(Article("x"), text=b"x")
