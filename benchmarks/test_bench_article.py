"""The whole ``parse_article`` pipeline on the seed and on synthetic articles of every size.

Run by hand with timings (see benchmarks/README.md); CI runs each once with
``--benchmark-disable`` to keep the assertions honest.
"""

from __future__ import annotations

import gc
import time
from typing import TYPE_CHECKING

import pytest

import newsparse
from benchmarks.conftest import SEED
from benchmarks.corpus import Sample, corpus, long_article, short_article, very_long_article

if TYPE_CHECKING:
    from pytest_benchmark.fixture import BenchmarkFixture

# Built once at import: generating is not what is measured.
SHORT = short_article()
MEDIUM = corpus(1, seed=11, paragraphs=(14, 14))[0]
LONG = long_article()
VERY_LONG = very_long_article()
LINEAR = corpus(64, seed=5)
JOINED = "\n\n".join(s.text.strip() for s in LINEAR)
PUBLISHED = LINEAR[0].published


def _direct_and_partial(article: newsparse.Article) -> int:
    return sum(1 for q in article.quotes if q.kind != "indirect")


@pytest.mark.benchmark(group="article")
def test_parse_seed(benchmark: BenchmarkFixture) -> None:
    article = benchmark(newsparse.parse_article, SEED, published="2025-11-01")
    assert article.headline is not None
    assert article.headline.text == (
        "Pakistan defense minister warns Kabul over cross-border terror"
    )
    assert len(article.quotes) >= 20


@pytest.mark.benchmark(group="article")
@pytest.mark.parametrize(
    "sample",
    [
        pytest.param(SHORT, id="short-1KB"),
        pytest.param(MEDIUM, id="medium-4KB"),
        pytest.param(LONG, id="long-20KB"),
        pytest.param(VERY_LONG, id="very-long-340KB"),
    ],
)
def test_parse_synthetic(benchmark: BenchmarkFixture, sample: Sample) -> None:
    article = benchmark(newsparse.parse_article, sample.text, published=sample.published)
    assert article.headline is not None
    assert _direct_and_partial(article) == sample.quotes
    assert len(article.dates) >= sample.dates


@pytest.mark.benchmark(group="article")
def test_parse_seed_repeated(benchmark: BenchmarkFixture) -> None:
    body = SEED.split("\n", 1)[1]
    text = SEED + ("\n\n" + body) * 20
    article = benchmark(newsparse.parse_article, text, published="2025-11-01")
    assert len(article.quotes) >= 20 * 20


def _parse_alone() -> int:
    return sum(
        _direct_and_partial(newsparse.parse_article(s.text, published=PUBLISHED)) for s in LINEAR
    )


def _parse_joined() -> int:
    return _direct_and_partial(newsparse.parse_article(JOINED, published=PUBLISHED))


@pytest.mark.benchmark(group="linear")
def test_linear_64_alone(benchmark: BenchmarkFixture) -> None:
    assert benchmark(_parse_alone) == sum(s.quotes for s in LINEAR)


@pytest.mark.benchmark(group="linear")
def test_linear_64_joined(benchmark: BenchmarkFixture) -> None:
    assert benchmark(_parse_joined) == sum(s.quotes for s in LINEAR)


def _best_of(repeat: int, func: object) -> float:
    assert callable(func)
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0 = time.process_time()
        func()
        best = min(best, time.process_time() - t0)
    return best


def _linear_ratio() -> float:
    """CPU time of the 64 articles joined into one text over that of the 64 parsed alone."""
    return _best_of(5, _parse_joined) / _best_of(5, _parse_alone)


@pytest.mark.benchmark(group="linear")
def test_linear_cost_ratio(benchmark: BenchmarkFixture) -> None:
    """Cost is linear in length: one long text is no dearer than its parts (bar <= 1.2x)."""
    if benchmark.disabled:  # CI: the two benchmarks above already checked the results
        pytest.skip("a timing check: run the benchmarks without --benchmark-disable")
    ratio = benchmark.pedantic(_linear_ratio, rounds=1, iterations=1)  # type: ignore[no-untyped-call]
    assert ratio <= 1.2, f"joined/alone = {ratio:.2f}"
