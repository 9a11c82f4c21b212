"""The dates scanner's speed-ups of round 5 find what the plain checks find."""

from __future__ import annotations

import itertools
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


@pytest.mark.parametrize(
    "words",
    [
        ["a", "an", "the"],
        ["an", "a", "the"],
        ["ab", "b", "a", "ac"],
        ["seventeen", "seventy", "seven", "six"],
        ["at\\s++least", "at\\s++most", "at", "about"],
        ["n", "nab", "na", "b", "nb"],
    ],
)
def test_a_trie_of_words_matches_as_the_words(words: list[str]) -> None:
    plain = "(?:" + "|".join(words) + ")"
    factored = _timex._factor_alternations(plain)
    assert factored != plain
    strings = ["".join(p) for n in range(6) for p in itertools.product("abn t", repeat=n)]
    for tail in ("", "(n)", "(b|a)\\b"):  # what follows makes the engine backtrack into it
        one = regex.compile(f"(?-f){plain}{tail}", regex.IGNORECASE | regex.VERSION1)
        other = regex.compile(f"(?-f){factored}{tail}", regex.IGNORECASE | regex.VERSION1)
        for s in strings:
            for text in (s, s.upper()):
                a, b = one.match(text), other.match(text)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text


_SENTENCES = (
    "About two weeks ago, nearly 300 people met; the past few years, the first nine months "
    "and a couple of days later. Some seventeen years. At least twenty-five minutes. "
    "Last Friday morning, early Wednesday, every Monday and this past weekend; "
    "the third quarter of 1989, the year-earlier period and fiscal 1990. "
    "On Sept. 30, 2018, at 3 p.m. EST Friday, noon Feb. 3; the 1990s and the early nineties. "
    "Now, currently, in the near future, as soon as possible; recently and lately. "
    "Twice a day, daily and quarterly; for weeks, decades ago; the days ahead. "
    "Last summer, the winter of 1994; Christmas Eve; nineteen eighty-four; year-end. "
    "A 6-year-old boy, a two-year deal, decade-long talks; the end of the year, that same day."
)


@pytest.mark.parametrize(("name", "source"), _timex._RULES, ids=[n for n, _ in _timex._RULES])
def test_factored_rules_match_as_written(name: str, source: str) -> None:
    plain = regex.compile("(?-f)" + source, regex.IGNORECASE | regex.VERSION1)
    factored = _timex._rule_pattern(name)
    for text in (_SENTENCES, _SENTENCES.upper(), _SENTENCES.lower()):
        for at in range(len(text)):
            a, b = plain.match(text, at), factored.match(text, at)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), at
            assert (plain.match(text, at, partial=True) is None) == (
                factored.match(text, at, partial=True) is None
            )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "About 3,000 people, the 1988 period, a 16-hour flight, the 6-year-old, about 72% "
            "and nearly 1.8 million; until 5 p.m. at 10 a.m., more 20 or the 20 February.",
            id="ascii",
        ),
        pytest.param("The 1990s, the '90s, THE 2 weeks; at 10:30 GMT, over 2 years", id="forms"),
        pytest.param("Café: the 1990s, about 2 weeks, the 2é and a 3 days’ wait", id="not-ascii"),
    ],
)
def test_a_function_word_before_a_number_is_refined_as_the_scanner_does(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def spans() -> list[tuple[str, int, int]]:
        return [(rule, m.start(), m.end()) for rule, _, m in scan(text, 0, len(text))]

    first = spans()
    assert spans() == first  # again, with the plans of the word and number pairs known
    monkeypatch.setattr(_timex, "_refine", lambda names, *_: names)
    monkeypatch.setattr(_timex, "_REFINED", {})
    monkeypatch.setattr(_timex, "_REFINED_BYTES", {})
    monkeypatch.setattr(_timex, "_DEAD_PAIRS", set(_timex._SECOND_PAIRS))
    assert spans() == first
    assert first
