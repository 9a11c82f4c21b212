from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import newsparse
from benchmarks.adversarial import INPUTS, check_article, ordinary_news

if TYPE_CHECKING:
    from pytest_benchmark.fixture import BenchmarkFixture

SIZE = 200_000
"""Code points per input here; ``python -m benchmarks.adversarial`` times the 1 MB ones."""


@pytest.mark.benchmark(group="adversarial")
def test_parse_ordinary_news(benchmark: BenchmarkFixture) -> None:
    text = ordinary_news(SIZE)
    article = benchmark(newsparse.parse_article, text)
    assert check_article(text, article, round_trip=False) == []
    assert len(article.paragraphs) > 100


@pytest.mark.benchmark(group="adversarial")
@pytest.mark.parametrize("name", [pytest.param(name, id=name) for name in INPUTS])
def test_parse_adversarial(benchmark: BenchmarkFixture, name: str) -> None:
    text = INPUTS[name](SIZE)
    article = benchmark(newsparse.parse_article, text)
    assert article.text is text
    assert check_article(text, article, round_trip=False) == []
