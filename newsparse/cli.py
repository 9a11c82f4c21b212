"""The ``newsparse`` command: parse article files or JSON Lines into JSON.

    newsparse ARTICLE.txt [MORE.txt ...]     one JSON object per file
    newsparse - < article.txt                the same for standard input
    newsparse --jsonl articles.jsonl         {"id", "text", "published"} in, an article a line out

Exit status: 0 on success, 1 when some JSON Lines records were bad (each reported on
stderr with its line number and skipped), 2 when an input cannot be read at all.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import IO, TYPE_CHECKING, Any

from newsparse import __version__, parse_article, parse_published

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterator, Sequence

__all__ = ["main"]

EXIT_OK = 0
EXIT_BAD_RECORDS = 1
EXIT_UNREADABLE = 2


class InputError(Exception):
    """An input that cannot be read: reported in one line, exit status 2."""


def _build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newsparse",
        description="Parse plain news text into JSON: structure, quotes, dates, entities.",
    )
    p.add_argument("inputs", nargs="*", metavar="FILE", help="article files; '-' for stdin")
    p.add_argument(
        "--jsonl",
        action="store_true",
        help='inputs are JSON Lines of {"id", "text", "published"}; output is JSON Lines',
    )
    p.add_argument("--published", metavar="DATE", help="publication date (ISO 8601) for all")
    p.add_argument("--indent", type=int, default=None, metavar="N", help="pretty-print JSON")
    p.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="invalid UTF-8: stop with an error (strict) or replace bad bytes (replace)",
    )
    p.add_argument("--version", action="version", version=f"newsparse {__version__}")
    return p


def _read_bytes(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    if os.path.isdir(name):
        msg = f"{name}: is a directory"
        raise InputError(msg)
    try:
        with open(name, "rb") as fh:
            return fh.read()
    except OSError as exc:
        msg = f"{name}: {exc.strerror or exc}"
        raise InputError(msg) from None


def _decode(data: bytes, name: str, errors: str) -> str:
    try:
        return data.decode("utf-8-sig", errors=errors)
    except UnicodeDecodeError as exc:
        msg = (
            f"{name}: invalid UTF-8 at byte offset {exc.start}; "
            "pass --errors replace to substitute U+FFFD and go on"
        )
        raise InputError(msg) from None


def _emit(out: IO[str], obj: dict[str, Any], indent: int | None) -> None:
    # One complete line per write: never a partial JSON record on the stream.
    out.write(json.dumps(obj, ensure_ascii=False, indent=indent) + "\n")


def _records(text: str, name: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """Yield ``(line number, record)``, or ``(line number, error message)`` for a bad line."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield lineno, f"{name}:{lineno}: not valid JSON ({exc.msg})"
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield lineno, f'{name}:{lineno}: expected an object with a string "text"'
            continue
        yield lineno, rec


def _run_jsonl(args: argparse.Namespace, default_published: dt.date | None, out: IO[str]) -> int:
    status = EXIT_OK
    for name in args.inputs or ["-"]:
        text = _decode(_read_bytes(name), name, args.errors)
        for lineno, rec in _records(text, name):
            if isinstance(rec, str):
                print(f"newsparse: {rec}; skipped", file=sys.stderr)
                status = EXIT_BAD_RECORDS
                continue
            try:
                published = parse_published(rec.get("published")) or default_published
                article = parse_article(rec["text"], published=published)
            except (TypeError, ValueError) as exc:
                print(f"newsparse: {name}:{lineno}: {exc}; skipped", file=sys.stderr)
                status = EXIT_BAD_RECORDS
                continue
            _emit(out, {"id": rec.get("id"), **article.to_dict()}, args.indent)
    return status


def _run_files(args: argparse.Namespace, published: dt.date | None, out: IO[str]) -> int:
    for name in args.inputs:
        text = _decode(_read_bytes(name), name, args.errors)
        article = parse_article(text, published=published)
        _emit(out, {"id": name, **article.to_dict()}, args.indent)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _build_parser().parse_args(argv)
    try:
        published = parse_published(args.published)
    except ValueError as exc:
        print(f"newsparse: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if not args.jsonl and not args.inputs:
        print("newsparse: name at least one FILE, or '-' for standard input", file=sys.stderr)
        return EXIT_UNREADABLE
    out = sys.stdout
    try:
        if args.jsonl:
            return _run_jsonl(args, published, out)
        return _run_files(args, published, out)
    except InputError as exc:
        print(f"newsparse: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        return 130
