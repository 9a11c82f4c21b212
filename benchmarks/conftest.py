from __future__ import annotations

import pathlib

import pytest

import newsparse

SEED = (
    pathlib.Path(__file__).resolve().parent.parent / "seeds" / "000_aadee0b4fd7fab13.txt"
).read_text(encoding="utf-8")


@pytest.fixture(scope="session", autouse=True)
def _warm_up() -> None:
    """Load lexicons and compile patterns before anything is timed."""
    newsparse.parse_article(SEED, published="2025-11-01")
