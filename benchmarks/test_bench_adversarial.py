from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import newsparse
from benchmarks.adversarial import INPUTS, OPEN_INPUTS, check_article, ordinary_news

if TYPE_CHECKING:
    from _pytest.mark import ParameterSet
    from pytest_benchmark.fixture import BenchmarkFixture

SIZE = 200_000
"""Code points per input here; ``python -m benchmarks.adversarial`` times the 1 MB ones."""


def _param(name: str) -> ParameterSet:
    marks = [pytest.mark.skip(reason=OPEN_INPUTS[name])] if name in OPEN_INPUTS else []
    return pytest.param(name, id=name, marks=marks)


@pytest.mark.benchmark(group="adversarial")
def test_parse_ordinary_news(benchmark: BenchmarkFixture) -> None:
    text = ordinary_news(SIZE)
    article = benchmark(newsparse.parse_article, text)
    assert check_article(text, article, round_trip=False) == []
    assert len(article.paragraphs) > 100


@pytest.mark.benchmark(group="adversarial")
@pytest.mark.parametrize("name", [_param(name) for name in INPUTS])
def test_parse_adversarial(benchmark: BenchmarkFixture, name: str) -> None:
    text = INPUTS[name](SIZE)
    article = benchmark(newsparse.parse_article, text)
    assert article.text is text
    assert check_article(text, article, round_trip=False) == []
