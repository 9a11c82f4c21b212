"""Quotes stage: the fast paths give what the general code gives (speed work, no new rules)."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import pytest

from newsparse import quotes
from newsparse.quotes import iter_quotes

if TYPE_CHECKING:
    from newsparse.model import Quote

_PIECES = [
    "Ana Ruiz", "said", "says", "told", "reporters", "according to", "the minister", "he",
    "she", "warned", "that", "the bridge", "is safe", "on Tuesday", ",", ".", ";", ":", "and",
    "added", "said-so", "e.said", "SAID", "Said", "Zürich", "ſaid", "résumé", "don't", "Hamas’",
    "rock’n’roll", '"', "“", "”", "‘", "’", "'", "''", "``", "«", "»", "„", "(", ")", "—",
    "Mr.", "U.S.", "9/11", "x_y", "ещё", "\n", "\n\n", "?", "!", "…", "calling", "called for",
]  # fmt: skip


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)  # noqa: S311 - a fixed test sample
    out = []
    for _ in range(n):
        words = [rnd.choice(_PIECES) for _ in range(rnd.randrange(3, 40))]
        glue = [rnd.choice([" ", " ", " ", ""]) for _ in words]
        out.append("".join(w + g for w, g in zip(words, glue, strict=True)))
    return out


def test_mark_scan_skips_only_inner_apostrophes() -> None:
    """`_MARK_CHAR_NOT_INNER` finds `_MARK_CHAR`'s marks less the single ones between letters."""
    alphabet = "ab9é_ж '\"’‘‚`“”«»„.-"
    rnd = random.Random(7)  # noqa: S311 - a fixed test sample
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 12)))
        for lo in range(len(text) + 1):
            if lo > 0 and text[lo - 1].isalnum():
                continue  # the scan is only used where its look-behind cannot see a letter
            expected = [
                m.start()
                for m in quotes._MARK_CHAR.finditer(text, lo)
                if not (
                    m.group() in "‘’'‚"
                    and 0 < m.start() < len(text) - 1
                    and text[m.start() - 1].isalnum()
                    and text[m.start() + 1].isalnum()
                )
            ]
            found = [m.start() for m in quotes._MARK_CHAR_NOT_INNER.finditer(text, lo)]
            assert found == expected, (text, lo)


def _outcome(text: str) -> list[Quote] | str:
    try:
        return list(iter_quotes(text))
    except IndexError as e:  # the same failure either way (a clause cue at the very end)
        return repr(e)


@pytest.mark.parametrize("seed", range(4))
def test_cue_positions_match_the_general_path(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Plain paragraphs read through `_cue_starts` give what the per-sentence test gives."""
    texts = _texts(400, seed)
    fast = [_outcome(t) for t in texts]
    monkeypatch.setattr(quotes, "_cue_starts", lambda *_: None)
    assert [_outcome(t) for t in texts] == fast


def test_ascii_mark_starts_are_the_mark_scan() -> None:
    """On ASCII text, `_ascii_mark_starts` finds where `_MARK_CHAR` matches."""
    rnd = random.Random(5)  # noqa: S311 - reproducible test data
    alphabet = "ab9 '\"`.-_\n"
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 14)))
        for lo in range(len(text) + 1):
            for hi in range(lo, len(text) + 1):
                expected = [m.start() for m in quotes._MARK_CHAR.finditer(text, lo, hi)]
                assert quotes._ascii_mark_starts(text, lo, hi) == expected


def test_undotted_split_where_no_word_goes_on_after_a_period() -> None:
    """`_common_split(dotted=False)` tokenises as `_TOKEN_SPLIT` where `_dotted_word` finds none."""
    common = [chr(c) for c in (*range(0x100), *range(0x2000, 0x2070))]
    rnd = random.Random(3)  # noqa: S311 - reproducible test data
    plain, dotted = quotes._common_split(dotted=False), quotes._dotted_word()
    checked = 0
    for _ in range(30000):
        text = "".join(
            rnd.choice(common) if rnd.random() < 0.3 else rnd.choice("a.’-'1 ")
            for _ in range(rnd.randrange(0, 9))
        )
        if dotted.search(text) is None:
            checked += 1
            assert plain.split(text) == quotes._TOKEN_SPLIT.split(text), text
        else:
            assert quotes._common_split().split(text) == quotes._TOKEN_SPLIT.split(text), text
    assert checked > 10000


def test_tokens_are_the_token_pattern() -> None:
    """`_tokens` gives what `_TOKEN.finditer` finds: offsets, text, folded form and flags."""
    rnd = random.Random(11)  # noqa: S311 - reproducible test data
    alphabet = "aZ9 .'’-\"“,\0\n\tÉé—ж"
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 16)))
        lo = rnd.randrange(0, len(text) + 1)
        hi = rnd.randrange(lo, len(text) + 1)
        found = list(quotes._TOKEN.finditer(text, lo, hi))
        toks = quotes._tokens(text, lo, hi)
        assert toks.start == [m.start() for m in found], (text, lo, hi)
        assert toks.end == [m.end() for m in found]
        assert toks.text == [m.group() for m in found]
        assert toks.low == [m.group().casefold() for m in found]
        assert toks.word == bytes(m.group()[0].isalnum() for m in found)
        assert toks.cap == bytes(m.group()[0].isupper() or m.group()[0].isdigit() for m in found)
