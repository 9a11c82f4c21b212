"""The dates scanner's speed-ups of round 5 find what the plain checks find."""

from __future__ import annotations

import sys

import pytest
import regex

from newsparse import _timex
from newsparse._timex import scan

_WHITE = regex.compile(r"\s")


def test_str_split_splits_at_every_white_space_the_rules_read() -> None:
    # _try_rules reads the window's white space as spaces with str.split()
    missed = [
        hex(code)
        for code in range(sys.maxunicode + 1)
        if _WHITE.match(chr(code)) and not chr(code).isspace()
    ]
    assert missed == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("It took two years, two\nweeks and two\u00a0days.", id="white-space"),
        pytest.param("Three\tmonths later, the\u2028first six\rhours.", id="line-breaks"),
        pytest.param("A 6-year-old boy, on Sunday, and 5 years; nearly 10 days.", id="hyphen"),
        pytest.param("The past  two  decades, the first\u3000quarter of a century.", id="runs"),
    ],
)
def test_spaced_units_find_what_unit_stems_find(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def spans() -> list[tuple[str, int, int]]:
        return [(rule, m.start(), m.end()) for rule, _, m in scan(text, 0, len(text))]

    spaced = spans()
    monkeypatch.setattr(_timex, "_UNIT_AFTER_SPACE", frozenset())
    monkeypatch.setattr(_timex, "_PLANS", {})
    assert spans() == spaced
    assert any(rule == "duration.num" for rule, _, _ in spaced)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Sales fell. Then, on Friday; it rose: 5%!\nThe end.\n\nMore, " * 6, id="marks"
        ),
        pytest.param(("word " * 13 + ".\n") * 9, id="newline-after-a-mark"),
        pytest.param("a,\tb.\u00a0c;\u2028d" * 30, id="other-white-space"),
        pytest.param("no breaks at all " * 20, id="none"),
    ],
)
def test_clause_starts_are_what_the_pattern_finds(text: str) -> None:
    def expected(start: int, span: int) -> int:
        lo = max(0, start - span)
        last = _timex._CLAUSE_START.search(text, lo, start)
        return lo if last is None else last.end()

    for span in (60, _timex._CLAUSE_SPAN):
        ctx = _timex.Context(text, None)
        assert [ctx._clause_start(i, span) for i in range(len(text) + 1)] == [
            expected(i, span) for i in range(len(text) + 1)
        ]
    ctx = _timex.Context(text, None)  # both spans from the same remembered breaks
    for i in range(len(text) + 1):
        assert ctx._clause_start(i) == expected(i, _timex._CLAUSE_SPAN)
        assert ctx._clause_start(i, 60) == expected(i, 60)
