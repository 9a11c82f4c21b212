"""The ``newsparse`` command: parse article files or JSON Lines into JSON, CSV or TSV.

    newsparse ARTICLE.txt [MORE.txt ...]     one JSON object per file
    newsparse - < article.txt                the same for standard input
    newsparse --jsonl articles.jsonl         {"id", "text", "published"} in, an article a line out
    newsparse --jsonl --format csv x.jsonl   one CSV row per quote, for spreadsheets

JSON Lines are read and written as a stream: memory stays flat however long the input.
Exit status: 0 on success, 1 when some JSON Lines records were bad (each reported on
stderr with its line number and skipped), 2 when an input cannot be read at all or the
options are wrong, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import collections
import csv
import functools
import importlib
import io
import json
import os
import stat
import sys
import time
from typing import IO, TYPE_CHECKING, Any, Literal, TypeAlias

from newsparse import __version__, parse_article, parse_published
from newsparse.batch import DEFAULT_CHUNKSIZE, imap

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator, Sequence

    from newsparse.model import Article

__all__ = ["ARTICLE_FIELDS", "QUOTE_COLUMNS", "main"]

EXIT_OK = 0
EXIT_BAD_RECORDS = 1
EXIT_UNREADABLE = 2
EXIT_INTERRUPTED = 130

ARTICLE_FIELDS = (
    "text",
    "published",
    "headline",
    "deck",
    "bylines",
    "dateline",
    "timestamps",
    "captions",
    "paragraphs",
    "credits",
    "quotes",
    "dates",
    "entities",
    "diagnostics",
)
"""The keys of ``Article.to_dict()``: what ``--fields`` may name."""

QUOTE_COLUMNS = (
    "id",
    "quote_index",
    "speaker_name",
    "speaker_mention",
    "cue",
    "kind",
    "quote",
    "start",
    "end",
)
"""The columns of ``--format csv|tsv``: one row per quote."""

Format: TypeAlias = Literal["json", "csv", "tsv"]
_Job: TypeAlias = "tuple[object, str, dt.date | str | None, str]"
"""A record to parse: its id, text, publication date and where it came from (for messages)."""


class InputError(Exception):
    """An input that cannot be read: reported in one line, exit status 2."""


def _build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsparse",
        description="Parse plain news text into JSON: structure, quotes, dates, entities.",
        epilog="Exit status: 0 ok, 1 some JSON Lines records skipped, 2 unreadable input "
        "or bad options, 130 interrupted.",
    )
    p.add_argument("inputs", nargs="*", metavar="FILE", help="article files; '-' for stdin")
    p.add_argument(
        "--jsonl",
        action="store_true",
        help='inputs are JSON Lines of {"id", "text", "published"}; output is JSON Lines '
        "(implied when every FILE ends in .jsonl or .ndjson)",
    )
    p.add_argument("--text-field", default="text", metavar="KEY", help="JSON Lines text key")
    p.add_argument("--id-field", default="id", metavar="KEY", help="JSON Lines id key")
    p.add_argument(
        "--published-field", default="published", metavar="KEY", help="JSON Lines date key"
    )
    p.add_argument("--published", metavar="DATE", help="publication date (ISO 8601) for all")
    p.add_argument(
        "--fields",
        metavar="LIST",
        help="comma-separated article keys to output besides id (e.g. quotes,dates)",
    )
    p.add_argument(
        "--format",
        choices=("json", "csv", "tsv"),
        default="json",
        help="json (default): one object a line; csv/tsv: one row per quote",
    )
    p.add_argument("--indent", type=int, default=None, metavar="N", help="pretty-print JSON")
    p.add_argument(
        "--processes",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1; 0 = one per CPU)",
    )
    p.add_argument(
        "--chunksize", type=int, default=DEFAULT_CHUNKSIZE, metavar="N", help=argparse.SUPPRESS
    )
    bar = p.add_mutually_exclusive_group()
    bar.add_argument(
        "--progress",
        action="store_true",
        help="show a progress bar on stderr even when it is not a terminal",
    )
    bar.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="invalid UTF-8: stop with an error (strict) or replace bad bytes (replace)",
    )
    p.add_argument("--version", action="version", version=f"newsparse {__version__}")
    return p


# -- reading ----------------------------------------------------------------------------


def _open(name: str) -> IO[bytes]:
    if name == "-":
        return sys.stdin.buffer
    if os.path.isdir(name):
        msg = f"{name}: is a directory"
        raise InputError(msg)
    try:
        return open(name, "rb")
    except OSError as exc:
        msg = f"{name}: {exc.strerror or exc}"
        raise InputError(msg) from None


def _read_bytes(name: str) -> bytes:
    fh = _open(name)
    try:
        return fh.read()
    except OSError as exc:
        msg = f"{name}: {exc.strerror or exc}"
        raise InputError(msg) from None
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()


def _decode(data: bytes, name: str, errors: str) -> str:
    try:
        return data.decode("utf-8-sig", errors=errors)
    except UnicodeDecodeError as exc:
        msg = (
            f"{name}: invalid UTF-8 at byte offset {exc.start}; "
            "pass --errors replace to substitute U+FFFD and go on"
        )
        raise InputError(msg) from None


def _input_size(names: Sequence[str]) -> int | None:
    """Total bytes of the inputs when all are regular files, for the progress bar's ETA."""
    total = 0
    for name in names:
        try:
            info = os.stat(sys.stdin.fileno() if name == "-" else name)
        except (OSError, ValueError):
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        total += info.st_size
    return total


# -- the work done per article (in the worker processes with --processes) ---------------


@functools.cache
def _csv_dialect(fmt: Format) -> type[csv.Dialect]:
    return csv.excel_tab if fmt == "tsv" else csv.excel


def _quote_rows(key: object, article: Article) -> Iterator[list[object]]:
    for i, q in enumerate(article.quotes):
        speaker = q.speaker
        yield [
            "" if key is None else key,
            i,
            "" if speaker is None or speaker.name is None else speaker.name,
            "" if speaker is None else speaker.text,
            "" if q.cue is None else q.cue.text,
            q.kind,
            q.text,
            q.start,
            q.end,
        ]


def _render(
    job: _Job,
    *,
    fmt: Format,
    fields: tuple[str, ...] | None,
    indent: int | None,
) -> tuple[bool, str]:
    """Parse one record and render its output; ``(False, message)`` when it cannot be parsed."""
    key, text, published, where = job
    try:
        article = parse_article(text, published=published)
    except (TypeError, ValueError) as exc:
        return False, f"{where}: {exc}"
    if fmt != "json":
        buf = io.StringIO()
        csv.writer(buf, dialect=_csv_dialect(fmt)).writerows(_quote_rows(key, article))
        return True, buf.getvalue()
    data = article.to_dict()
    obj = {"id": key, **(data if fields is None else {f: data[f] for f in fields})}
    # One complete line (or block, with --indent) per write: never a partial JSON record.
    return True, json.dumps(obj, ensure_ascii=False, indent=indent) + "\n"


# -- progress ---------------------------------------------------------------------------


class _Progress:
    """A progress line on stderr: tqdm when installed (extra ``progress``), else a plain one."""

    def __init__(self, total_bytes: int | None, *, enabled: bool) -> None:
        self.enabled = enabled
        self.total = total_bytes
        self.articles = 0
        self.done_bytes = 0
        self.started = time.monotonic()
        self.shown = 0.0
        self.bar: Any = None
        if not enabled:
            return
        try:
            tqdm = importlib.import_module("tqdm").tqdm  # optional extra "progress"
        except ImportError:
            return
        # A terminal that reports no size (some ptys) would get no bar at all: use 80x24.
        try:
            sized = os.get_terminal_size(sys.stderr.fileno()).columns > 0
        except (OSError, ValueError):
            sized = False
        width: dict[str, Any] = {"dynamic_ncols": True} if sized else {"ncols": 80, "nrows": 24}
        if total_bytes is None:
            self.bar = tqdm(unit=" articles", file=sys.stderr, **width)
        else:
            self.bar = tqdm(
                total=total_bytes,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                file=sys.stderr,
                **width,
            )

    def update(self, nbytes: int) -> None:
        if not self.enabled:
            return
        self.articles += 1
        self.done_bytes += nbytes
        if self.bar is not None:
            if self.total is None:
                self.bar.update(1)
            else:
                self.bar.update(nbytes)
                if self.articles % 64 == 1:
                    self.bar.set_postfix_str(f"{self.articles:,} articles", refresh=False)
            return
        now = time.monotonic()
        if now - self.shown >= 0.2:  # noqa: PLR2004 - five redraws a second at most
            self.shown = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.started, 1e-9)
        line = f"{self.articles:,} articles, {self.articles / elapsed:,.0f}/s"
        if self.total:
            share = min(self.done_bytes / self.total, 1.0)
            left = elapsed / share - elapsed if share > 0 else 0.0
            line += f", {share:.0%}, ETA {int(left) // 60}:{int(left) % 60:02d}"
        sys.stderr.write(f"\r{line}\x1b[K")
        sys.stderr.flush()

    def close(self) -> None:
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.set_postfix_str(f"{self.articles:,} articles", refresh=False)
            self.bar.close()
            return
        self._draw(time.monotonic())
        sys.stderr.write("\n")
        sys.stderr.flush()


# -- the runs ---------------------------------------------------------------------------


class _Run:
    """State of one command run: options, the records in flight, the exit status."""

    def __init__(self, args: argparse.Namespace, published: dt.date | None) -> None:
        self.args = args
        self.published = published
        self.status = EXIT_OK
        # (record size in bytes) of each job handed to the pool and not yet written out;
        # bounded by the pool's window, so memory stays flat.
        self.in_flight: collections.deque[int] = collections.deque()

    def skip(self, message: str) -> None:
        print(f"newsparse: {message}; skipped", file=sys.stderr)
        self.status = EXIT_BAD_RECORDS

    def jsonl_jobs(self) -> Iterator[_Job]:
        args = self.args
        for name in args.inputs or ["-"]:
            fh = _open(name)
            try:
                yield from self._jobs_of(fh, name)
            finally:
                if fh is not sys.stdin.buffer:
                    fh.close()

    def _jobs_of(self, fh: IO[bytes], name: str) -> Iterator[_Job]:
        args = self.args
        for lineno, raw in enumerate(fh, start=1):
            size = len(raw)
            try:
                line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8", errors=args.errors)
            except UnicodeDecodeError as exc:
                self.skip(
                    f"{name}:{lineno}: invalid UTF-8 at byte offset {exc.start} of the line "
                    "(--errors replace substitutes U+FFFD)"
                )
                continue
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                self.skip(f"{name}:{lineno}: not valid JSON ({exc.msg})")
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get(args.text_field), str):
                self.skip(f'{name}:{lineno}: expected an object with a string "{args.text_field}"')
                continue
            try:
                published = parse_published(rec.get(args.published_field)) or self.published
            except (TypeError, ValueError) as exc:
                self.skip(f"{name}:{lineno}: {exc}")
                continue
            self.in_flight.append(size)
            yield rec.get(args.id_field), rec[args.text_field], published, f"{name}:{lineno}"

    def file_jobs(self) -> Iterator[_Job]:
        for name in self.args.inputs:
            data = _read_bytes(name)
            self.in_flight.append(len(data))
            yield name, _decode(data, name, self.args.errors), self.published, name


def _write_all(
    run: _Run,
    jobs: Iterable[_Job],
    out: IO[str],
    progress: _Progress,
) -> None:
    args = run.args
    fields = None if args.fields is None else tuple(args.fields.split(","))
    work = functools.partial(_render, fmt=args.format, fields=fields, indent=args.indent)
    if args.format != "json":
        csv.writer(out, dialect=_csv_dialect(args.format)).writerow(QUOTE_COLUMNS)
    processes = None if args.processes == 0 else args.processes
    for ok, payload in imap(work, jobs, processes=processes, chunksize=args.chunksize):
        progress.update(run.in_flight.popleft())
        if ok:
            out.write(payload)
        else:
            run.skip(payload)


_JSONL_SUFFIXES = (".jsonl", ".ndjson")


def _check_args(args: argparse.Namespace) -> str | None:
    """Return a one-line complaint about the options, or None."""
    if not args.jsonl and not args.inputs:
        return "name at least one FILE, or '-' for standard input"
    if args.processes < 0:
        return f"--processes must be 0 (one per CPU) or more, got {args.processes}"
    if args.chunksize < 1:
        return f"--chunksize must be 1 or more, got {args.chunksize}"
    if args.fields is not None:
        if args.format != "json":
            return "--fields applies to --format json only (csv/tsv have fixed columns)"
        unknown = [f for f in args.fields.split(",") if f not in ARTICLE_FIELDS]
        if unknown:
            return f"--fields: unknown field {unknown[0]!r}; choose from {','.join(ARTICLE_FIELDS)}"
    if args.indent is not None and args.format != "json":
        return "--indent applies to --format json only"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _build_parser().parse_args(argv)
    if args.inputs and all(name.lower().endswith(_JSONL_SUFFIXES) for name in args.inputs):
        args.jsonl = True  # `newsparse articles.jsonl` means what it says
    complaint = _check_args(args)
    if complaint is not None:
        print(f"newsparse: {complaint}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        published = parse_published(args.published)
    except ValueError as exc:
        print(f"newsparse: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    run = _Run(args, published)
    show = not args.quiet and (args.progress or sys.stderr.isatty())
    names = args.inputs or ["-"]
    progress = _Progress(_input_size(names) if show else None, enabled=show)
    out = sys.stdout
    try:
        jobs = run.jsonl_jobs() if args.jsonl else run.file_jobs()
        _write_all(run, jobs, out, progress)
        out.flush()
    except InputError as exc:
        progress.close()
        print(f"newsparse: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return run.status
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    progress.close()
    return run.status
