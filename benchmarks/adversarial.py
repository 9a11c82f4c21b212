"""Adversarial inputs for newsparse, the invariants every parse must keep, and a timing script.

Each generator in :data:`INPUTS` takes a size in code points and returns a deterministic
string of about that size (seeded ``random.Random``, never the clock). :func:`check_article`
lists every broken invariant of a parse (empty list: all good); the unit tests, the
benchmark and the fuzz target share it.

Run as a script to time each 1 MB input against 1 MB of ordinary news (the seed article
repeated) and print the ratios::

    .venv/bin/python -m benchmarks.adversarial            # every input, 1 MB each
    .venv/bin/python -m benchmarks.adversarial --size 200000 --only said,quotes-curly
    .venv/bin/python -m benchmarks.adversarial --regex    # per-pattern scaling audit
"""

from __future__ import annotations

import argparse
import itertools
import json
import pathlib
import random
import sys
import time
from typing import TYPE_CHECKING, Any

import regex

import newsparse
from newsparse import Article

if TYPE_CHECKING:
    import re
    from collections.abc import Callable, Sequence

__all__ = [
    "BAR",
    "EXTRA",
    "INPUTS",
    "MB",
    "check_article",
    "items_of",
    "news_like",
    "ordinary_news",
]

MB = 1_000_000
BAR = 3.0
"""Each 1 MB adversarial input must parse within ``BAR`` times 1 MB of ordinary news."""

SEED_FILE = pathlib.Path(__file__).resolve().parent.parent / "seeds" / "000_aadee0b4fd7fab13.txt"


def _words(text: str) -> list[str]:
    return text.split()


# Vocabulary written for these tests (no evaluation data).
_WORDS = _words(
    "the a of to in and said says told officials minister police city council "
    "on Tuesday after talks over water prices would rise next year he she they "
    "we it was is not according spokesman reporters statement added warned"
)
_CAPS = _words(
    "Ana Ruiz Khalid Omar Maria Chen Berlin Lagos Quito Senate Council Ministry "
    "Defense United Nations Reuters Associated Press Kabul Moscow Tuesday March"
)
_MONTHS = _words(
    "January February March April May June July August September October November December "
    "Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sept. Sep. Oct. Nov. Dec."
)
_WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon. Tue. Wed.")
_QUOTE_MARKS = "\"'“”‘’«»„‚‹›「」"
_CONTROL = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)])
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u00ad"  # noqa: E501
_LINE_ENDS = ("\r\n", "\r", "\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c")


def _fill(size: int, make: Callable[[random.Random], str], seed: int = 8) -> str:
    """Concatenate ``make(rng)`` pieces until *size* code points, then cut to *size*."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not crypto
    parts: list[str] = []
    n = 0
    while n < size:
        piece = make(rng)
        parts.append(piece)
        n += len(piece)
    return "".join(parts)[:size]


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: (unit * (size // len(unit) + 1))[:size]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(6, 18))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"{rng.choice(_CAPS)} {rng.choice(_CAPS)}")
    return " ".join(words) + ". "


def _nested_quotes(size: int) -> str:
    depth = 50
    unit = '“‘"' * depth + "word" + '"’”' * depth + " "
    return _repeat(unit)(size)


def _nested_parens(size: int) -> str:
    half = size // 2
    return "(" * half + ")" * (size - half)


def _byline_dateline(rng: random.Random) -> str:
    name = f"{rng.choice(_CAPS)} {rng.choice(_CAPS)}"
    place = rng.choice(_CAPS).upper()
    month = rng.choice(_MONTHS)
    return (
        f"By {name}\nBy {name} and {rng.choice(_CAPS)} {rng.choice(_CAPS)}, Reuters\n"
        f"{place}, {month} {rng.randint(1, 31)} (Reuters) - "
        f"{place} (AP) — {place}, {month} {rng.randint(1, 31)}, {rng.randint(1990, 2030)} -\n"
    )


def _html(rng: random.Random) -> str:
    return rng.choice(
        [
            "&nbsp;",
            "<br>",
            "<br/>",
            "<p>",
            "</p>",
            "&#8220;",
            "&#8221;",
            "&#x201C;",
            "&amp;",
            "&quot;",
            '&lt;div class="x"&gt;',
            '<a href="https://example.org/a?b=1&amp;c=2">',
            "</a>",
            "&#8220;We will appeal,&#8221; she said.&nbsp;",
            '<script>var s = "said";</script>',
            " ",
            rng.choice(_WORDS),
            "\n",
        ]
    )


INPUTS: dict[str, Callable[[int], str]] = {
    "quotes-straight": _repeat('"'),
    "quotes-curly": _repeat("“”"),
    "quotes-open-only": _repeat("“"),
    "quotes-mixed": lambda size: _fill(size, lambda r: r.choice(_QUOTE_MARKS)),
    "quotes-nested": _nested_quotes,
    "quotes-with-words": lambda size: _fill(
        size, lambda r: r.choice(_QUOTE_MARKS) + r.choice(_WORDS) + r.choice(" ,.")
    ),
    "said": _repeat("said "),
    "said-in-open-quote": lambda size: "“" + _repeat("he said, ")(size - 1),
    "capitalised": lambda size: _fill(size, lambda r: r.choice(_CAPS) + " "),
    "capitalised-no-space": lambda size: _fill(size, lambda r: r.choice(_CAPS)),
    "digits-slashes": lambda size: _fill(size, lambda r: r.choice("0123456789/")),
    "digits": _repeat("2024"),
    "months-weekdays": lambda size: _fill(
        size, lambda r: r.choice(_MONTHS + _WEEKDAYS) + r.choice([" ", ", ", " 3, ", " 2020 "])
    ),
    "nested-parens": _nested_parens,
    "parens-reuters": _repeat("(Reuters) ("),
    "one-line": lambda size: _fill(size, _sentence),
    "newlines": _repeat("\n"),
    "blank-lines-spaces": _repeat(" \n \n"),
    "spaces": _repeat(" "),
    "no-spaces": lambda size: _fill(size, lambda r: r.choice(_WORDS + _CAPS) + r.choice(",.“”")),
    "one-letter": _repeat("a"),
    "dots": _repeat("."),
    "bylines-datelines": lambda size: _fill(size, _byline_dateline),
    "abbreviations": _repeat("Mr. U.S. Gen. Sen. Dr. St. Jan. No. Inc. Co. a.m. "),
    "control-chars": lambda size: _fill(size, lambda r: r.choice(_CONTROL) + r.choice(_WORDS)),
    "nul": _repeat("\x00"),
    "zero-width-bidi": lambda size: _fill(
        size, lambda r: r.choice(_INVISIBLE) + r.choice(_WORDS + _CAPS) + r.choice(_INVISIBLE)
    ),
    "lone-surrogates": lambda size: _fill(
        size, lambda r: chr(r.randint(0xD800, 0xDFFF)) + r.choice([*_WORDS, "“", "\n"])
    ),
    "line-ends": lambda size: _fill(size, lambda r: _sentence(r) + r.choice(_LINE_ENDS)),
    "crlf-paragraphs": lambda size: _fill(size, lambda r: _sentence(r) + "\r\n\r\n"),
    "cr-only": lambda size: _fill(size, lambda r: _sentence(r) + "\r"),
    "html-remnants": lambda size: _fill(size, _html),
    "tiny-paragraphs": _repeat("A.\n\n"),
    "quote-punctuation": lambda size: ("“No,” she said" + _repeat("!?.")(size))[:size],
}
"""name -> generator of an adversarial input of the given size (code points)."""

EXTRA = frozenset({"tiny-paragraphs"})
"""Inputs outside the issue's list: timed and checked, but not held to :data:`BAR`."""

OPEN_INPUTS: dict[str, str] = {}
"""Inputs with an open finding in the notes: skipped by the tests and by default here."""


def ordinary_news(size: int) -> str:
    """About *size* code points of ordinary news: the seed article, its body repeated."""
    seed = SEED_FILE.read_text(encoding="utf-8")
    _, _, body = seed.partition("\n")
    parts = [seed]
    n = len(seed)
    while n < size:
        parts.append("\n\n" + body)
        n += len(body) + 2
    return "".join(parts)


def news_like(rng: random.Random, n_tokens: int = 60) -> str:
    """A random news-like string: words, names, marks, dates, digits and line breaks."""
    pool: Sequence[Callable[[], str]] = (
        lambda: rng.choice(_WORDS),
        lambda: rng.choice(_CAPS),
        lambda: rng.choice(_MONTHS),
        lambda: rng.choice(_WEEKDAYS),
        lambda: rng.choice(_QUOTE_MARKS),
        lambda: str(rng.randint(0, 3000)),
        lambda: rng.choice([" ", " ", " ", ", ", ". ", "\n", "\n\n", " - ", " (Reuters) "]),
        lambda: rng.choice(["By ", "Mr. ", "U.S. ", "said ", "told ", "&nbsp;", "<br>"]),
        lambda: chr(rng.randint(0, 0x2FFF)),
    )
    return "".join(rng.choice(pool)() for _ in range(n_tokens))


def items_of(article: Article) -> list[tuple[str, Any]]:
    """Every item of *article* that covers text, nested ones included, with a label."""
    out: list[tuple[str, Any]] = [
        ("headline", article.headline),
        ("deck", article.deck),
        ("dateline", article.dateline),
    ]
    if article.dateline is not None:
        out.append(("dateline.date", article.dateline.date))
    out += [("byline", b) for b in article.bylines]
    out += [("caption", c) for c in article.captions]
    out += [("paragraph", p) for p in article.paragraphs]
    out += [("credit", c) for c in article.credits]
    out += [("date", d) for d in article.dates]
    for q in article.quotes:
        out += [("quote", q), ("quote.speaker", q.speaker), ("quote.cue", q.cue)]
    for e in article.entities:
        out += [(f"entity {e.id} mention", m) for m in e.mentions]
    return [(label, item) for label, item in out if item is not None]


OPEN_FINDINGS: frozenset[str] = frozenset()
"""Problem kinds with an open finding in the notes, tolerated by default until fixed.

None open now (``quote-crossing``, finding F5, was fixed in the quotes stage).
"""

_SURROGATE_PAIR = regex.compile(r"[\ud800-\udbff][\udc00-\udfff]")


def _paragraph_order(paragraphs: Sequence[Any]) -> list[str]:
    return [
        f"paragraphs [{prev.start},{prev.end}) and [{cur.start},{cur.end}) "
        "overlap or are out of order"
        for prev, cur in itertools.pairwise(paragraphs)
        if cur.start < prev.end
    ]


def _quote_overlaps(quotes: Sequence[Any], tolerate: frozenset[str]) -> list[str]:
    """Quotes must be disjoint or nest inside an indirect quote; they never cross.

    Reported speech may contain a partial quote (``that it would respond "in kind"``) or
    another attribution (``Ruiz told reporters the port would close, officials said``).
    """
    problems: list[str] = []
    open_quotes: list[Any] = []
    for q in sorted(quotes, key=lambda q: (q.start, -q.end)):
        while open_quotes and open_quotes[-1].end <= q.start:
            open_quotes.pop()
        if open_quotes:
            outer = open_quotes[-1]
            span = f"[{outer.start},{outer.end}) {outer.kind} and [{q.start},{q.end}) {q.kind}"
            if q.end > outer.end:
                if "quote-crossing" not in tolerate:
                    problems.append(f"quotes {span} cross")
                continue
            if (q.start, q.end) == (outer.start, outer.end):
                problems.append(f"quotes {span} have the same span")
            elif outer.kind != "indirect":
                problems.append(f"quotes {span} overlap (only an indirect quote may contain one)")
        open_quotes.append(q)
    return problems


def _serialisation(article: Article) -> list[str]:
    data = article.to_dict()
    try:
        as_json = json.dumps(data)
    except (TypeError, ValueError) as exc:
        return [f"to_dict is not JSON-serialisable: {exc!r}"]
    if Article.from_dict(data) != article:
        return ["Article.from_dict(a.to_dict()) != a"]
    # JSON cannot tell a surrogate pair written as two code points from the character it
    # encodes ("\ud800\udfff" loads as "\U00010000"): documented, not checked.
    if _SURROGATE_PAIR.search(article.text) is None and (
        Article.from_dict(json.loads(as_json)) != article
    ):
        return ["Article.from_dict(json.loads(json.dumps(a.to_dict()))) != a"]
    return []


def check_article(
    text: str,
    article: Article,
    *,
    round_trip: bool = True,
    tolerate: frozenset[str] = OPEN_FINDINGS,
) -> list[str]:
    """Return every broken invariant of *article* parsed from *text* (empty: all good).

    *tolerate* names problem kinds not to report (by default those with an open finding);
    pass ``frozenset()`` for the strict check.

    >>> check_article("Hi\\n\\nThere.", newsparse.parse_article("Hi\\n\\nThere."))
    []
    """
    problems: list[str] = []
    if article.text != text:
        problems.append("article.text differs from the input")
    n = len(text)
    for label, item in items_of(article):
        if not (0 <= item.start <= item.end <= n):
            problems.append(f"{label} [{item.start},{item.end}) outside [0,{n}]")
        elif item.text != text[item.start : item.end]:
            problems.append(
                f"{label} [{item.start},{item.end}) text {item.text!r:.60} "
                f"!= input {text[item.start : item.end]!r:.60}"
            )
    problems += [
        f"diagnostic {d.code} [{d.start},{d.end}) outside [0,{n}]"
        for d in article.diagnostics
        if not (0 <= d.start <= d.end <= n)
    ]
    problems += [d.message for d in article.diagnostics if d.code == newsparse.STAGE_FAILED]
    problems += _paragraph_order(article.paragraphs)
    problems += _quote_overlaps(article.quotes, tolerate)
    if round_trip:
        problems += _serialisation(article)
    return problems


def _time_parse(text: str, repeat: int) -> tuple[float, Article]:
    best = float("inf")
    article = newsparse.parse_article(text)
    for _ in range(repeat):
        t0 = time.perf_counter()
        article = newsparse.parse_article(text)
        best = min(best, time.perf_counter() - t0)
    return best, article


def _time_finditer(pattern: regex.Pattern[str] | re.Pattern[str], text: str, guard: float) -> float:
    """Seconds to run *pattern* over *text*; ``inf`` past *guard* (``regex`` patterns only)."""
    t0 = time.perf_counter()
    try:
        if isinstance(pattern, regex.Pattern):
            for _ in pattern.finditer(text, timeout=guard):
                pass
        else:
            for _ in pattern.finditer(text):
                pass
    except TimeoutError:
        return float("inf")
    return time.perf_counter() - t0


def _regex_scaling(sizes: tuple[int, int], guard: float = 5.0) -> int:
    """Print each module-level pattern's worst input and time at two sizes.

    A ratio near ``sizes[1] / sizes[0]`` is linear; its square is quadratic; ``inf`` means
    the larger run went past *guard* seconds.
    """
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))
    from tests.test_regex_audit import discover_patterns, worst_inputs  # noqa: PLC0415

    print(f"{'pattern':55} {'worst input':28} {sizes[0]:>9} {sizes[1]:>9} ratio", flush=True)
    for name, pattern in discover_patterns():
        worst = ("", 0.0, 0.0)
        for label, make in worst_inputs(pattern).items():
            small = _time_finditer(pattern, make(sizes[0]), guard)
            big = _time_finditer(pattern, make(sizes[1]), guard) if small < guard else small
            if big > worst[2]:
                worst = (label, small, big)
        ratio = worst[2] / worst[1] if worst[1] else 0.0
        print(
            f"{name:55.55} {worst[0]:28.28} {worst[1]:9.4f} {worst[2]:9.4f} {ratio:5.1f}",
            flush=True,
        )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Time every adversarial input against ordinary news and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size", type=int, default=MB, help="code points per input")
    parser.add_argument("--only", default="", help="comma-separated input names")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per input (best)")
    parser.add_argument("--regex", action="store_true", help="per-pattern scaling audit")
    args = parser.parse_args(argv)
    if args.regex:
        return _regex_scaling((2_000, 8_000))
    names = [n for n in args.only.split(",") if n] or [n for n in INPUTS if n not in OPEN_INPUTS]
    newsparse.parse_article(SEED_FILE.read_text(encoding="utf-8"))  # warm up lexicons
    base_text = ordinary_news(args.size)
    base, base_article = _time_parse(base_text, args.repeat)
    print(f"ordinary news: {len(base_text):,} code points in {base:.3f} s")
    print(f"\n| input | code points | seconds | ratio to news | within {BAR:g}x | invariants |")
    print("|---|---:|---:|---:|---|---|")
    failed = bool(check_article(base_text, base_article))
    for name in names:
        text = INPUTS[name](args.size)
        seconds, article = _time_parse(text, args.repeat)
        problems = check_article(text, article, round_trip=False)
        ratio = seconds / base
        ok = ratio <= BAR or name in EXTRA
        failed |= bool(problems) or not ok
        verdict = "ok" if not problems else f"{len(problems)} broken: {problems[0]}"
        print(
            f"| {name}{' (extra)' if name in EXTRA else ''} | {len(text):,} | "
            f"{seconds:.3f} | {ratio:.2f} | "
            f"{'yes' if ok else 'NO'} | {verdict} |",
            flush=True,
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
