"""The stdlib ``re`` fast paths of the entities stage read ASCII text as their ``regex`` forms.

Each ASCII pattern is used only on text whose letters and digits are all ASCII; on such
text it must find exactly what the ``regex`` pattern finds (same spans, same groups).
"""

from __future__ import annotations

import random

import pytest
import regex

from newsparse import _names, entities

# Characters an appositive, a word or a token is made of, and some it stops at (curly
# quotes and dashes outside ASCII do occur in ASCII-word text).
_ALPHABET = [
    *"aAbBsSzZmMeE09 ,.'’-‐–",
    ", the ",
    ", a ",
    ", former ",
    ", then ",
    "'s ",
    "’s ",
    " minister",
    " Mayor",
    ", 45, ",
    "U.S.",
    "W.Va.",
    "al-",
    "-led",
    ", Pakistan's ",
    ", New ",
    "York’s ",
    "U.S.'s ",
]


def _samples(seed: int, count: int = 3000) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    out = []
    for _ in range(count):
        text = "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(1, 24)))
        out.append(text)
    return out


_FIXED = [
    ", the city's mayor, said",
    ", Pakistan's defense minister,",
    ", 45, a former state senator",
    ", then-governor of Texas",
    ", Ana Ruiz's long-time spokesman for the",
    ", a spokesman",
    ", " + "x" * 40 + " minister",
    ", The Latest",
    ", New York's former mayor",
    ", A B C D E's chief",
    ", " + "A" * 35 + "'s minister",
    ", the U.S.'s top-ranking diplomat and",
    ", 1234, minister",
]


def _groups(m: object) -> object:
    if m is None:
        return None
    return (m.span(), m.groupdict(), [m.span(k) for k in m.groupdict()])  # type: ignore[attr-defined]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_ascii_appositive_matches_as_regex_does(seed: int) -> None:
    for text in _FIXED + _samples(seed):
        for pos in range(min(len(text), 4)):
            fast = entities._ASCII_APPOSITIVE.match(text, pos)
            slow = entities._APPOSITIVE.match(text, pos)
            assert _groups(fast) == _groups(slow), text


@pytest.mark.parametrize("seed", [0, 1])
def test_ascii_word_finds_as_regex_does(seed: int) -> None:
    for text in _FIXED + _samples(seed) + ["a" * 50 + "-b", "-ab c-d e"]:
        fast = [m.span() for m in entities._ASCII_WORD.finditer(text)]
        slow = [m.span() for m in entities._WORD.finditer(text)]
        assert fast == slow, text


@pytest.mark.parametrize("seed", [0, 1])
def test_ascii_token_shapes_match_as_regex_does(seed: int) -> None:
    words = [w for text in _FIXED + _samples(seed) for w in text.split()]
    words += ["long-term", "a-b-c-d-e-f-g-h-i", "a-b-c-d-e-f-g-h-i-j", "U.S.", "W.Va.", "U.Sa."]
    words += ["a-", "-a", "a--b", "al‐Amr", "x–y", "A.B.C.D.", "A.B.C.D.E.", "A.bcd."]
    for word in words:
        assert (_names._ASCII_HYPHENATED.fullmatch(word) is None) == (
            _names._HYPHENATED.fullmatch(word) is None
        ), word
        assert (_names._ASCII_ABBREVIATION.fullmatch(word) is None) == (
            _names._ABBREVIATION.fullmatch(word) is None
        ), word


# --- nominal mentions ("the minister") ----------------------------------------------------

_NOMINAL_FIXED = [
    "the minister said",
    "The former prime minister, the president and THE Acting-Chief-Of-Staff left.",
    "bathe the cat; _the dog; 9the x; the a; the " + "b" * 30 + " c",
    "- the  minister -the deputy-minister the",
]


def _nominal_samples(seed: int) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    parts = [*"aAtTzZ 9_-,.’", "the ", "The ", "THE ", "tHe ", " minister", "-led "]
    return ["".join(rng.choice(parts) for _ in range(rng.randint(1, 16))) for _ in range(3000)]


@pytest.mark.parametrize("seed", [0, 1])
def test_ascii_nominal_finds_as_regex_does(seed: int) -> None:
    for text in _NOMINAL_FIXED + _nominal_samples(seed):
        for lo in range(min(len(text), 3)):
            fast = [_groups(m) for m in entities._ASCII_NOMINAL.finditer(text, lo)]
            slow = [_groups(m) for m in entities._NOMINAL.finditer(text, lo)]
            assert fast == slow, text


@pytest.mark.parametrize("seed", [0, 1])
def test_ascii_nominal_barriers_as_regex_finds_them(seed: int) -> None:
    # what the window search uses: the last character before p and the first one from p
    # that no nominal holds (regex ``[^\p{L}\- ]``, backwards and forwards)
    back = regex.compile(r"(?r)[^\p{L}\- ]")
    forward = regex.compile(r"[^\p{L}\- ]")
    for text in _NOMINAL_FIXED + _nominal_samples(seed):
        for p in range(len(text) + 1):
            found = back.search(text, 0, p)
            stripped = len(text[:p].rstrip(entities._ASCII_IN_NOMINAL))
            assert stripped == (found.end() if found is not None else 0), text
            fast = entities._ASCII_NOT_IN_NOMINAL.search(text, p)
            slow = forward.search(text, p)
            assert (fast and fast.start()) == (slow and slow.start()), text
