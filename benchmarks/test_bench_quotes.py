"""Quotes stage benchmarks: ordinary text, and the adversarial inputs that must stay linear."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from benchmarks.conftest import SEED
from newsparse.model import Article, Span
from newsparse.quotes import extract_quotes

if TYPE_CHECKING:
    from pytest_benchmark.fixture import BenchmarkFixture

ORDINARY = (
    '"We will appeal the ruling," Ruiz said. Officials declined to comment, '
    "saying the case was under review.\n\n"
) * 2000
MARKS = ('"' * 70 + "\n\n") * 15000  # about 1 MB of unmatched marks
SAID = ("said " * 200 + "\n\n") * 1000  # about 1 MB of "said said said"


def _article(text: str) -> Article:
    paragraphs: list[Span] = []
    pos = 0
    for block in text.split("\n\n"):
        if block:
            paragraphs.append(Span.of(text, pos, pos + len(block)))
        pos += len(block) + 2
    return Article(text=text, paragraphs=tuple(paragraphs))


@pytest.mark.benchmark(group="quotes")
def test_extract_quotes_seed(benchmark: BenchmarkFixture) -> None:
    article = _article(SEED)
    result = benchmark(extract_quotes, article)
    assert sum(q.kind != "indirect" for q in result.quotes) >= 20


@pytest.mark.benchmark(group="quotes")
def test_extract_quotes_ordinary(benchmark: BenchmarkFixture) -> None:
    article = _article(ORDINARY)
    result = benchmark(extract_quotes, article)
    assert sum(q.kind == "direct" for q in result.quotes) == 2000


@pytest.mark.benchmark(group="quotes")
def test_extract_quotes_unmatched_marks(benchmark: BenchmarkFixture) -> None:
    article = _article(MARKS)
    result = benchmark(extract_quotes, article)
    assert len(MARKS) > 1_000_000
    assert all(q.kind != "indirect" for q in result.quotes)


@pytest.mark.benchmark(group="quotes")
def test_extract_quotes_said_said_said(benchmark: BenchmarkFixture) -> None:
    article = _article(SAID)
    result = benchmark(extract_quotes, article)
    assert len(SAID) > 1_000_000
    assert result.quotes == ()
