from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import newsparse
from benchmarks.conftest import SEED

if TYPE_CHECKING:
    from pytest_benchmark.fixture import BenchmarkFixture


@pytest.mark.benchmark(group="article")
def test_parse_seed(benchmark: BenchmarkFixture) -> None:
    article = benchmark(newsparse.parse_article, SEED, published="2025-11-01")
    assert article.headline is not None
    assert len(article.quotes) >= 20


@pytest.mark.benchmark(group="article")
def test_parse_long(benchmark: BenchmarkFixture) -> None:
    body = SEED.split("\n", 1)[1]
    text = SEED + ("\n\n" + body) * 20
    article = benchmark(newsparse.parse_article, text, published="2025-11-01")
    assert len(article.quotes) >= 20 * 20
