"""The tokenizer splices re-read stretches in place or by one rebuild: the same tokens."""

from __future__ import annotations

import pytest

from newsparse import _names

TEXTS = [
    "Shares rose 1.5% to 10.75, then 2.25; O'Brien's U.S.-led fund said.'' At 3 p.m. it fell.",
    "Dr. J. Smith (1.5.3) met Jones' 1990s. group 4-year-old. 9.9. Ana's team.",
    " ".join(f"{k}.{k + 1} Ruiz's ``{k}.'' " for k in range(40)),  # many splices
    "1.5",
    "",
]


def _tokens(text: str) -> tuple[list[int], list[int], list[str], list[int], list[bool]]:
    t = _names.tokenize(text, 0, len(text), frozenset({"dr", "p.m"}), {})
    return t.starts, t.ends, t.keys, t.flags, t.links


@pytest.mark.parametrize("text", TEXTS)
def test_in_place_and_rebuilt_splices_agree(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    default = _tokens(text)
    monkeypatch.setattr(_names, "_MOVE_BUDGET", 0)  # always rebuild
    rebuilt = _tokens(text)
    monkeypatch.setattr(_names, "_MOVE_BUDGET", 1 << 40)  # always in place
    in_place = _tokens(text)
    assert default == rebuilt == in_place


def test_a_decimal_is_two_numbers() -> None:
    starts, ends, keys, _flags, links = _tokens("up 1.5 pct")
    assert list(zip(starts, ends, keys, links, strict=True)) == [
        (0, 2, "up", True),
        (3, 4, "1", False),
        (5, 6, "5", True),
        (7, 10, "pct", False),
    ]
