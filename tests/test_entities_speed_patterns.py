"""The entities stage's standard-``re`` patterns find what the ``regex`` patterns they
stand for find (fuzzed over the characters that matter, at every start and end)."""

from __future__ import annotations

import random

import regex

from newsparse import _names, entities

# the patterns as they were written for ``regex``
_TERMINAL = regex.compile(r"[.!?](?:\s|$)")
_DATELINE = regex.compile(
    r"[ \t]{0,8}+(?P<place>\p{Lu}{2,}+(?:[ \-]\p{Lu}{2,}+){0,3}+)(?=,[ ]|[ ]\(|[ ][—–-])"
)
_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u200a\u200b\u2028\u2029\u202f\u205f\u3000"
)


def _strings(alphabet: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)  # noqa: S311 - a fuzz test, no secret
    return ["".join(rng.choices(alphabet, k=rng.randint(0, 14))) for _ in range(count)]


def test_terminal_as_regex_reads_it() -> None:
    found = 0
    for text in _strings(".!?a" + _SPACES, 3000, 1):
        for lo in range(len(text) + 1):
            for hi in range(lo, len(text) + 1):
                old = _TERMINAL.search(text, lo, hi)
                new = entities._TERMINAL.search(text, lo, hi)
                assert (old and old.span()) == (new and new.span()), (text, lo, hi)
                found += old is not None
    assert found > 1000  # (the fuzz finds some)


def test_ascii_dateline_as_regex_reads_it() -> None:
    found = 0
    texts = _strings("AABBZ a \t,,((—–--\n", 20000, 2)
    for text in [*texts, "WOODSIDE, Calif.", "  NEW YORK (AP) —", "ABÉ, x"]:
        if not _names.ascii_words(text):
            continue
        for lo in range(len(text) + 1):
            old = _DATELINE.match(text, lo)
            new = entities._ASCII_DATELINE.match(text, lo)
            assert (old and old.span("place")) == (new and new.span("place")), (text, lo)
            found += old is not None
    assert found > 100  # (the fuzz finds some)


def _split_compound_by_regex(text: str, start: int, end: int) -> tuple[int, int] | None:
    """_names._split_compound as it was written, with a ``regex`` split at the hyphens."""
    parts = regex.split(r"[\-‐‑–]", text[start:end])
    if len(parts) < 2:
        return None
    if parts[-1] in _names._SUFFIXES and parts[0][:1].isupper():
        return start, end - len(parts[-1]) - 1
    return None


def test_compound_split_as_regex_reads_it() -> None:
    rng = random.Random(3)  # noqa: S311 - a fuzz test, no secret
    pieces = ["-", "‐", "‑", "–", "Ta", "led", "based", "x", "A", "é", "-led", "Kabul"]
    found = 0
    for _ in range(20000):
        word = "".join(rng.choices(pieces, k=rng.randint(0, 5)))
        text = f"ab {word} cd"
        old = _split_compound_by_regex(text, 3, 3 + len(word))
        assert _names._split_compound(text, 3, 3 + len(word)) == old, word
        found += old is not None
    assert found > 100  # (the fuzz finds some)


def test_roman_numerals_as_regex_reads_them() -> None:
    roman = regex.compile(r"[ivxlc]{1,8}+")
    rng = random.Random(4)  # noqa: S311 - a fuzz test, no secret
    words = ["".join(rng.choices("ivxlcIaé.", k=rng.randint(0, 10))) for _ in range(20000)]
    for word in words:
        assert entities._roman(word) == (roman.fullmatch(word) is not None), word
    assert sum(map(entities._roman, words)) > 100  # (the fuzz finds some)


def test_display_form_as_split_and_join_give_it() -> None:
    rng = random.Random(5)  # noqa: S311 - a fuzz test, no secret
    for _ in range(20000):
        name = "".join(rng.choices("Ab " + _SPACES, k=rng.randint(0, 8)))
        assert entities._display(name) == " ".join(name.split()), name
