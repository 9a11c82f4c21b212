"""Structure stage benchmarks: the seed, a wire story, a web page, and long inputs."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from benchmarks.conftest import SEED
from newsparse.model import Article
from newsparse.structure import split_structure

if TYPE_CHECKING:
    from pytest_benchmark.fixture import BenchmarkFixture

WIRE = (
    "FLOOD WATERS RECEDE IN RIVER TOWN\n\n"
    "By MARTA LINDQVIST AND OWEN PRICE, REUTERS\n\n"
    "MEMPHIS, Tenn., March 2 (Reuters) - Flood waters began to recede on Monday after\n"
    "a week of rain, and by just 1.0 pct of homes were still cut off, officials said.\n\n"
    + "Residents returned to their homes, and the mayor said the town would rebuild.\n\n" * 40
    + "(Reporting by Dana Whitfield in Memphis; Editing by Tom Berg)\n\nReuter\n"
)
WEB = (
    "World\n\nFerry service resumes after the winter storms\n\n"
    "The crossing had been closed for nine days while crews repaired the pier.\n\n"
    "By Lena Ostrova | Harbour Times\n\nPublished March 3, 2021 at 9:40 am\n\n"
    "* Facebook\n\n* Twitter\n\nAdvertisement\n\n"
    "Passengers board the first ferry on Tuesday. (AP Photo/Jonas Berg)\n\n"
    "HELSINKI, Finland (AP) — The first ferry in nine days left the harbour on Tuesday.\n\n"
    + "“We are glad to be moving again,” the captain said as the ship left.\n\nAdvertisement\n\n"
    * 30
)
LONG = SEED + ("\n\n" + SEED.split("\n", 1)[1]) * 50  # about 400 KB


@pytest.mark.benchmark(group="structure")
def test_split_structure_seed(benchmark: BenchmarkFixture) -> None:
    result = benchmark(split_structure, Article(SEED))
    assert len(result.paragraphs) == 19
    assert [c.credit for c in result.captions] == ["(AP Photo)"]


@pytest.mark.benchmark(group="structure")
def test_split_structure_wire(benchmark: BenchmarkFixture) -> None:
    result = benchmark(split_structure, Article(WIRE))
    assert len(result.bylines) == 2
    assert len(result.paragraphs) == 41
    assert len(result.credits) == 2


@pytest.mark.benchmark(group="structure")
def test_split_structure_web(benchmark: BenchmarkFixture) -> None:
    result = benchmark(split_structure, Article(WEB))
    assert result.dateline is not None
    assert len(result.paragraphs) == 31


@pytest.mark.benchmark(group="structure")
def test_split_structure_long(benchmark: BenchmarkFixture) -> None:
    result = benchmark(split_structure, Article(LONG))
    assert len(result.paragraphs) > 19 * 50
