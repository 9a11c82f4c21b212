"""Sentence splitting: the fast paths give what the plain definitions give (speed work)."""

from __future__ import annotations

import random

from newsparse._lexicons import load_set
from newsparse._sentences import _common_boundary, _is_abbreviation


def _abbreviation_by_definition(text: str, dot: int, lo: int) -> bool:
    """The run of letters and periods before *dot* (at most 16 characters, not before *lo*)."""
    i = dot
    stop = max(lo, dot - 16)
    while i > stop and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot]
    if not word or not word[0].isalpha():
        return False
    if len(word) == 1 and word.isupper():
        return True
    return "." in word or word.casefold() in load_set("quotes_abbreviations.txt")


def test_abbreviation_test_matches_its_definition() -> None:
    rnd = random.Random(11)  # noqa: S311 - reproducible test data
    pieces = ["Mr", "mr", "Sen", "G", "U.S", "D.C", "said", "é", "ß", "9", " ", "\n", "(", ".", "-"]
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 8))) + "."
        dot = len(text) - 1
        for lo in range(dot + 1):
            assert _is_abbreviation(text, dot, lo) == _abbreviation_by_definition(text, dot, lo)


def test_dot_boundary_is_the_boundary_without_other_stops() -> None:
    """With no ``!?…`` in the text, the literal-dot pattern finds the class pattern's matches."""
    rnd = random.Random(12)  # noqa: S311 - reproducible test data
    pieces = ["Mr", "A", "b", "9", ".", "..", " ", "  ", '"', "”", "’", ")", "“", "(", "é", "É"]
    dot, any_stop = _common_boundary(r"\."), _common_boundary()
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 10)))
        for lo in range(len(text)):
            assert [m.span() for m in dot.finditer(text, lo)] == [
                m.span() for m in any_stop.finditer(text, lo)
            ]
