"""The tokenizer's short paths for a word before a closing quote mark ('') and for a number
at the end of a sentence ("1.5.") read them as the full token pattern does (offsets, keys,
flags and links)."""

from __future__ import annotations

import pytest

from newsparse import _names
from newsparse.entities import _gazetteer

WORDS = [
    "delay''",
    "Delay''",
    "DELAY''",
    "Files''",
    "FILES''",
    "files''",
    "s''",
    "S''",
    "A''",
    "NATO''",
    "home.''",
    "Home.''",
    "HOME.''",
    "Corp.''",
    "Mr.''",
    "J.''",
    "j.''",
    "9.''",
    "1990''",
    "1990s''",
    "it’’",
    "Jones’’",
    "Jones.’'",
    "word'''",
    "U.S.''",
    "1.5''",
    "O'Brien''",
    "Taliban-led''",
    "a''b",
    # numbers at the end of a sentence
    "1.5.",
    "10.25.",
    "1.5..",
    "1.5.3.",
    "1.5.''",
    "1.",
]


def _slow(
    text: str, start: int, end: int
) -> tuple[list[int], list[int], list[str], list[int], list[bool]]:
    g = _gazetteer(None)
    piece = _names.Tokens()
    _names._add_slow(piece, text, start, end, abbrevs=g.abbrevs, phrases=g.phrases)
    links = [
        text[piece.ends[p] : piece.starts[p + 1]] in _names._LINK_GAPS
        for p in range(len(piece) - 1)
    ]
    return piece.starts, piece.ends, piece.keys, piece.flags, links


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("after", [" there", "", ", there"])
def test_closing_quote_words_read_as_the_full_pattern(word: str, after: str) -> None:
    g = _gazetteer(None)
    text = f"We met {word}{after}"
    fast = _names.tokenize(text, 0, len(text), g.abbrevs, g.phrases)
    slow = _slow(text, 0, len(text))
    slow_links = [*slow[4], False]  # (the last token links to nothing)
    assert (fast.starts, fast.ends, fast.keys, fast.flags, fast.links) == (*slow[:4], slow_links)


@pytest.mark.parametrize("abbrevs", [frozenset(), frozenset({"5"}), frozenset({"1"})])
@pytest.mark.parametrize("text", ["up 1.5. Then", "up 1.5.", "up 1.5 then", "1.5.''"])
def test_sentence_end_numbers_with_abbreviations(abbrevs: frozenset[str], text: str) -> None:
    fast = _names.tokenize(text, 0, len(text), abbrevs, {})
    slow = _names.Tokens()
    _names._add_slow(slow, text, 0, len(text), abbrevs=abbrevs, phrases={})
    links = [
        text[slow.ends[p] : slow.starts[p + 1]] in _names._LINK_GAPS for p in range(len(slow) - 1)
    ]
    assert (fast.starts, fast.ends, fast.keys, fast.flags, fast.links) == (
        slow.starts,
        slow.ends,
        slow.keys,
        slow.flags,
        [*links, False],
    )
