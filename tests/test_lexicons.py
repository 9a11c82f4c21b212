"""Data integrity of every word list under newsparse/lexicons/."""

from __future__ import annotations

from importlib import resources

import pytest

LEXICONS = sorted(
    p.name for p in resources.files("newsparse").joinpath("lexicons").iterdir() if p.is_file()
)


def _entries(name: str) -> list[str]:
    raw = resources.files("newsparse").joinpath("lexicons", name).read_text(encoding="utf-8")
    return [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("name", LEXICONS)
def test_lexicon_has_a_header_comment(name: str) -> None:
    raw = resources.files("newsparse").joinpath("lexicons", name).read_text(encoding="utf-8")
    assert raw.startswith("#"), f"{name}: start with a '#' comment saying what belongs here"


@pytest.mark.parametrize("name", LEXICONS)
def test_lexicon_entries_are_clean_and_unique(name: str) -> None:
    entries = _entries(name)
    assert entries, f"{name} is empty"
    for line in entries:
        assert line == line.strip(), f"{name}: stray white space in {line!r}"
    keys = [line.split("\t", 1)[0] for line in entries]
    assert len(keys) == len(set(keys)), f"{name}: duplicate first column"


@pytest.mark.parametrize("name", [n for n in LEXICONS if n.endswith(".txt")])
def test_word_lists_are_sorted(name: str) -> None:
    entries = _entries(name)
    assert entries == sorted(entries, key=str.casefold), f"{name}: keep it sorted"
