"""Benchmarks of the dates stage, and newsparse side by side with dateparser's search_dates.

Run by hand with ``.venv/bin/python -m pytest benchmarks/test_bench_dates.py`` (add
``--benchmark-autosave`` to keep the figures): the group ``dates-vs-dateparser`` times the
whole ``parse_article`` and ``dateparser.search.search_dates`` alone on the same articles, so
the ratio the issue asks for (at least 10x) reads straight off the table.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

import newsparse
from benchmarks.conftest import SEED
from newsparse.dates import iter_dates

if TYPE_CHECKING:
    from pytest_benchmark.fixture import BenchmarkFixture

PUBLISHED = "2013-03-22"
REFERENCE = dt.date(2013, 3, 22)

# Sentences written for this benchmark: every common form, plus words that must not be dates.
_SENTENCES = (
    "The ministry said on Feb. 20, 2018 that talks with the rebels would resume next month.",
    "Voters went to the polls on 20 February 2018, and turnout was lower than in the 1990s.",
    "Profit fell 12% in the third quarter, from $4.2 million a year earlier, the bank said.",
    "Police cleared the square Tuesday morning after protesters camped there for two weeks.",
    "The council meets tonight at 7 p.m. EST and will vote again every Monday until May.",
    "He was arrested two weeks ago and spent 18 months in prison in the past decade.",
    "Exports grew this year, but prices may fall in the coming months, analysts said.",
    "The paper, published weekly since 1989, is now sold for $13 with a 43% discount.",
    "Militants killed in recent weeks were mostly foreigners, the minister said on Sunday.",
    "The march began at dawn; we counted 2,000 people and a 1.5 second delay on the feed.",
    "Sales rose in fiscal 1989 and the plant should open by mid-2019, the company said.",
    "Officials said yesterday that the bridge, built in the 19th century, was safe.",
)
ARTICLE = "Talks to resume next month\n\n" + "\n\n".join(
    " ".join(_SENTENCES[i:] + _SENTENCES[:i]) for i in range(len(_SENTENCES))
)
TEXTS = (ARTICLE, SEED, ARTICLE + "\n\n" + SEED)


@pytest.fixture(scope="module", autouse=True)
def _warm_up_dates() -> None:
    """Compile every rule this module's texts reach before anything is timed."""
    for text in TEXTS:
        newsparse.parse_article(text, published=PUBLISHED)


@pytest.mark.benchmark(group="dates")
def test_iter_dates_article(benchmark: BenchmarkFixture) -> None:
    found = benchmark(lambda: list(iter_dates(ARTICLE, reference=REFERENCE)))
    assert len(found) >= 12 * 20
    assert {d.value for d in found} >= {"2018-02-20", "2013-04", "P2W", "PAST_REF", "199"}


@pytest.mark.benchmark(group="dates")
def test_iter_dates_long(benchmark: BenchmarkFixture) -> None:
    text = "\n\n".join([ARTICLE] * 20)
    found = benchmark(lambda: list(iter_dates(text, reference=REFERENCE)))
    assert len(found) == 20 * len(list(iter_dates(ARTICLE, reference=REFERENCE)))


@pytest.mark.benchmark(group="dates")
def test_resolve_dates_stage(benchmark: BenchmarkFixture) -> None:
    article = newsparse.Article(text=SEED, published=dt.date(2025, 11, 1))
    result = benchmark(newsparse.resolve_dates, article)
    assert {d.value for d in result.dates} >= {"2018-02-20", "PAST_REF"}


@pytest.mark.benchmark(group="dates-vs-dateparser")
def test_parse_article_same_texts(benchmark: BenchmarkFixture) -> None:
    def run() -> int:
        return sum(len(newsparse.parse_article(t, published=PUBLISHED).dates) for t in TEXTS)

    assert benchmark(run) > 12 * 20


@pytest.mark.benchmark(group="dates-vs-dateparser")
def test_dateparser_search_dates_same_texts(benchmark: BenchmarkFixture) -> None:
    from dateparser.search import search_dates  # noqa: PLC0415 - the peer, imported for this only

    settings = {
        "RELATIVE_BASE": dt.datetime(2013, 3, 22),  # noqa: DTZ001 - what dateparser expects
        "TIMEZONE": "UTC",
        "PREFER_DATES_FROM": "past",
    }
    search_dates(ARTICLE, languages=["en"], settings=settings)  # warm-up: its first call loads data

    def run() -> int:
        return sum(len(search_dates(t, languages=["en"], settings=settings) or ()) for t in TEXTS)

    assert benchmark(run) > 0
