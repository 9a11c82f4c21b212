"""Adversarial inputs: each parses to a valid Article whose offsets match the input.

The generators live in ``benchmarks/adversarial.py`` (which also times them at 1 MB against
ordinary news); here each runs at 50,000 code points to keep the suite fast. The timing bar is
checked by ``python -m benchmarks.adversarial``, never in unit tests.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from benchmarks.adversarial import INPUTS, OPEN_INPUTS, check_article, items_of
from newsparse import parse_article

SIZE = 50_000


def _param(name: str) -> Any:
    marks = [pytest.mark.skip(reason=OPEN_INPUTS[name])] if name in OPEN_INPUTS else []
    return pytest.param(name, id=name, marks=marks)


@pytest.mark.parametrize("name", [_param(name) for name in INPUTS])
def test_adversarial_input_gives_a_valid_article(name: str) -> None:
    text = INPUTS[name](SIZE)
    assert len(text) == SIZE
    article = parse_article(text, published="2018-02-20")
    assert article.text is text
    assert check_article(text, article) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(" " * 1000, id="spaces"),
        pytest.param("\n" * 1000, id="newlines"),
        pytest.param("\r\n \t\r\u2028\u2029\x85\x0b\x0c" * 100, id="mixed-breaks"),
        pytest.param("\u3000\u00a0\u2009" * 100, id="unicode-spaces"),
    ],
)
def test_white_space_only_gives_no_items(text: str) -> None:
    article = parse_article(text)
    assert items_of(article) == []
    assert article.quotes == ()
    assert article.entities == ()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param(
            "Council votes\n\nThe council voted&nbsp;on Tuesday.<br>It passed.",
            ["&nbsp;", "<br>"],
            id="nbsp-br",
        ),
        pytest.param(
            "Council votes\n\n&#8220;We won,&#8221; the mayor said.",
            ["&#8220;", "&#8221;"],
            id="numeric-entities",
        ),
        pytest.param(
            "Council votes\n\n<p>The mayor &amp; the council met.</p>",
            ["<p>", "&amp;", "</p>"],
            id="tags-amp",
        ),
    ],
)
def test_html_remnants_are_kept_verbatim(text: str, kept: list[str]) -> None:
    """newsparse decodes no HTML: the remnants stay in the paragraphs, offsets stay true."""
    article = parse_article(text)
    assert check_article(text, article) == []
    body = " ".join(p.text for p in article.paragraphs)
    assert [k for k in kept if k in body] == kept


@pytest.mark.parametrize(
    ("text", "first_paragraph"),
    [
        pytest.param("Title\r\n\r\nBody line.\r\n", "Body line.", id="crlf"),
        pytest.param("Title\r\rBody line.\r", "Body line.", id="cr"),
        pytest.param("Title\u2029Body line.", "Body line.", id="paragraph-separator"),
    ],
)
def test_other_line_ends_split_paragraphs(text: str, first_paragraph: str) -> None:
    article = parse_article(text)
    assert check_article(text, article) == []
    assert article.headline is not None
    assert article.headline.text == "Title"
    assert [p.text for p in article.paragraphs][:1] == [first_paragraph]


class _Text(str):
    __slots__ = ()


def test_a_str_subclass_is_accepted() -> None:
    text = _Text("Title\n\nBody.")
    assert check_article(text, parse_article(text)) == []


# --- bad arguments not covered by tests/test_api.py --------------------------------------


@pytest.mark.parametrize(
    ("published", "error", "message"),
    [
        pytest.param("", ValueError, "ISO-8601", id="empty-string"),
        pytest.param("2018-13-01", ValueError, "ISO-8601", id="month-13"),
        pytest.param("2019-02-29", ValueError, "ISO-8601", id="not-a-leap-year"),
        pytest.param("2018-02-20T25:00", ValueError, "ISO-8601", id="hour-25"),
        pytest.param(True, TypeError, "datetime.date", id="bool"),
        pytest.param(3.5, TypeError, "got float", id="float"),
        pytest.param(dt.time(12, 0), TypeError, "got time", id="time"),
        pytest.param(b"2018-02-20", TypeError, "got bytes", id="bytes"),
    ],
)
def test_bad_published_says_what_to_pass(
    published: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        parse_article("Title", published=published)


def test_unknown_option_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'language'"):
        parse_article("Title", language="en")  # type: ignore[call-arg]


def test_published_is_keyword_only() -> None:
    with pytest.raises(TypeError, match="positional argument"):
        parse_article("Title", "2018-02-20")  # type: ignore[call-arg]
