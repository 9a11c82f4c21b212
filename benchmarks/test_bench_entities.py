from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import newsparse
from benchmarks.conftest import SEED

if TYPE_CHECKING:
    from pytest_benchmark.fixture import BenchmarkFixture


@pytest.mark.benchmark(group="entities")
def test_extract_entities_seed(benchmark: BenchmarkFixture) -> None:
    article = newsparse.Article(text=SEED)
    result = benchmark(newsparse.extract_entities, article)
    names = {e.name for e in result.entities}
    assert {"Khawaja Muhammad Asif", "Donald Trump", "Tehrik-e-Taliban Pakistan"} <= names


@pytest.mark.benchmark(group="entities")
def test_extract_entities_long(benchmark: BenchmarkFixture) -> None:
    body = SEED.split("\n", 1)[1]
    article = newsparse.Article(text=SEED + ("\n\n" + body) * 20)
    result = benchmark(newsparse.extract_entities, article)
    asif = next(e for e in result.entities if e.name == "Khawaja Muhammad Asif")
    assert sum(m.text == "Asif" for m in asif.mentions) == 21 * 11
