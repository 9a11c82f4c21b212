"""Regex audit: every compiled pattern newsparse keeps runs on its worst inputs without hanging.

The audit finds each ``regex.Pattern`` and ``re.Pattern`` at module level in every
``newsparse`` module, inside module-level tuples, lists, sets and dicts, and returned by
module-level zero-argument cached functions (lexicon-built patterns). Each is run with
``finditer`` over long runs of the characters it is likely to loop on: generic classes
(letters, spaces, quote marks, dots, digits, capitalised words, newlines...) and runs built
from the literal characters and words of the pattern's own source.

The only timing is a hang guard: ``regex`` patterns get the module's ``timeout=`` argument,
``re`` patterns run in a subprocess with a timeout. A pattern that backtracks catastrophically
fails the test instead of hanging the suite. Scaling (linear or not) is measured by hand with
``python -m benchmarks.adversarial --regex``.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import re
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
import regex

import newsparse

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

AnyPattern = regex.Pattern[str] | re.Pattern[str]

SIZE = 4096
"""Code points per audit input: enough for quadratic or exponential blow-ups to hang."""
HANG_GUARD = 20.0
"""Seconds one pattern may take on one input before it counts as hung (generous)."""

_GENERIC: dict[str, str] = {
    "letters": "a",
    "word-space": "word ",
    "capitalised": "Ana ",
    "capitalised-no-space": "Ana",
    "caps": "A",
    "caps-dot": "A.",
    "caps-dot-space": "A. ",
    "abbrev": "Mr. U.S. Gen. ",
    "spaces": " ",
    "tabs-spaces": " \t",
    "newlines": "\n",
    "crlf": "\r\n",
    "blank-lines": "\n \n",
    "line-sep": "\u2028",
    "dots": ".",
    "commas": ", ",
    "hyphens": "-",
    "dashes": " — ",
    "digits": "1",
    "digits-space": "12 ",
    "digits-slash": "1/",
    "digits-dot": "1.",
    "digits-colon": "1:",
    "straight-quotes": '"',
    "single-quotes": "'",
    "curly-open": "“",
    "curly-pairs": "“”",
    "curly-single": "‘’",
    "guillemets": "«»",
    "quoted-word": '"a ',
    "parens": "(",
    "parens-words": "(Ana ",
    "said": "said ",
    "said-comma": ", said ",
    "by": "By Ana ",
    "month-day": "March 3 ",
    "month-comma": "Jan. 3, ",
    "weekday": "Tuesday ",
    "apostrophe-s": "Ana's ",
    "nul": "\x00",
    "zero-width": "a\u200b",
    "surrogate": "\ud800",
}


def _run(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


_WORD = regex.compile(r"[A-Za-z]{2,20}+")


def worst_inputs(pattern: AnyPattern) -> dict[str, Callable[[int], str]]:
    """Input classes to audit *pattern* with: label -> generator of a string of a given size.

    >>> sorted(worst_inputs(regex.compile(r"ab+")))[:3]
    ['abbrev', 'apostrophe-s', 'blank-lines']
    """
    out = {label: _run(unit) for label, unit in _GENERIC.items()}
    source = pattern.pattern
    for ch in sorted(set(source)):
        if ch.isprintable() and not ch.isspace():
            out.setdefault(f"char {ch!r}", _run(ch))
            out.setdefault(f"char {ch!r} space", _run(ch + " "))
    for word in sorted(set(_WORD.findall(source)))[:80]:
        out.setdefault(f"word {word}", _run(word + " "))
        out.setdefault(f"word {word}.", _run(word + ". "))
    return out


def _patterns_in(value: Any, name: str, depth: int = 0) -> Iterator[tuple[str, AnyPattern]]:
    if isinstance(value, (regex.Pattern, re.Pattern)) and isinstance(value.pattern, str):
        yield name, value
    elif depth < 3 and isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{name}[{key!r}]", depth + 1)
    elif depth < 3 and isinstance(value, (tuple, list, set, frozenset)):
        seq = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        for i, item in enumerate(seq):
            yield from _patterns_in(item, f"{name}[{i}]", depth + 1)


def _zero_arg_cached(obj: Any) -> bool:
    if not isinstance(obj, functools._lru_cache_wrapper):
        return False
    try:
        params = inspect.signature(obj).parameters.values()
    except (TypeError, ValueError):
        return False
    return all(
        p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params
    )


def discover_patterns() -> list[tuple[str, AnyPattern]]:
    """Every compiled pattern newsparse keeps at module level, as ``(dotted name, pattern)``.

    >>> any(name == "newsparse._text.LINE_BREAK" for name, _ in discover_patterns())
    True
    """
    found: dict[int, tuple[str, AnyPattern]] = {}
    modules = [newsparse.__name__] + [
        info.name for info in pkgutil.walk_packages(newsparse.__path__, "newsparse.")
    ]
    for module_name in sorted(modules):
        module = importlib.import_module(module_name)
        for attr, value in sorted(vars(module).items()):
            if inspect.ismodule(value):
                continue
            if _zero_arg_cached(value):
                value = value()  # noqa: PLW2901 - audit what the cached builder returns
            for name, pattern in _patterns_in(value, f"{module_name}.{attr}"):
                found.setdefault(id(pattern), (name, pattern))
    return sorted(found.values(), key=lambda item: item[0])


PATTERNS = discover_patterns()

KNOWN_SLOW: dict[str, str] = {}
"""Patterns with an open finding: skipped here until the stage's owner fixes them."""


def _param(name: str, pattern: AnyPattern) -> Any:
    marks = [pytest.mark.skip(reason=KNOWN_SLOW[name])] if name in KNOWN_SLOW else []
    return pytest.param(name, pattern, id=name, marks=marks)


def test_the_audit_finds_patterns() -> None:
    names = [name for name, _ in PATTERNS]
    assert "newsparse._text.LINE_BREAK" in names
    assert len(names) >= 3


def test_discovery_looks_inside_containers() -> None:
    a, b = regex.compile("a"), re.compile("b")
    found = list(_patterns_in({"x": (a, [b])}, "m.TABLE"))
    assert found == [("m.TABLE['x'][0]", a), ("m.TABLE['x'][1][0]", b)]


_RE_CHILD = """
import importlib, re, sys
name, flags, source = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pattern = re.compile(source, flags)
units = sys.stdin.read().split("\\x1f")
for unit in units:
    text = (unit * (SIZE // len(unit) + 1))[:SIZE]
    for _ in pattern.finditer(text):
        pass
print("done")
""".replace("SIZE", str(SIZE))


def hangs(pattern: regex.Pattern[str], *, size: int = SIZE, guard: float = HANG_GUARD) -> list[str]:
    """Labels of the worst inputs on which *pattern* runs past the hang guard.

    >>> hangs(regex.compile(r"\\b\\p{Lu}\\p{Ll}++(?:[ ]\\p{Lu}\\p{Ll}++)++\\b"))
    []
    """
    return [
        label
        for label, make in worst_inputs(pattern).items()
        if not _finishes(pattern, make(size), guard)
    ]


def _finishes(pattern: regex.Pattern[str], text: str, guard: float) -> bool:
    try:
        for _ in pattern.finditer(text, timeout=guard):
            pass
    except TimeoutError:
        return False
    return True


def test_the_guard_catches_a_catastrophic_pattern() -> None:
    assert "letters" in hangs(regex.compile(r"(?:a|a)+b"), size=200, guard=0.2)


@pytest.mark.parametrize(("name", "pattern"), [_param(n, p) for n, p in PATTERNS])
def test_pattern_survives_worst_inputs(name: str, pattern: AnyPattern) -> None:
    if isinstance(pattern, re.Pattern):
        inputs = worst_inputs(pattern)
        units = "\x1f".join(make(64) for make in inputs.values() if "\ud800" not in make(1))
        done = subprocess.run(
            [sys.executable, "-c", _RE_CHILD, name, str(pattern.flags), pattern.pattern],
            input=units,
            capture_output=True,
            text=True,
            timeout=HANG_GUARD * 4,
            check=False,
        )
        assert done.stdout.strip() == "done", done.stderr
        return
    assert hangs(pattern) == [], f"{name} backtracks catastrophically on these inputs"
