from __future__ import annotations

import pathlib

import pytest

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"
SEED_FILE = SEEDS / "000_aadee0b4fd7fab13.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article, as the project was created from it."""
    return SEED_FILE.read_text(encoding="utf-8")
