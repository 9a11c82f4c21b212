"""Coverage-guided fuzz target for ``newsparse.parse_article`` (atheris / libFuzzer).

Every input is turned into a ``str`` (lone surrogates included) and an optional
``published`` date; the parse must not raise and must keep every invariant of
``benchmarks.adversarial.check_article``. Any violation raises, which libFuzzer reports
as a crash and saves as ``crash-<sha1>``. See ``tests/fuzz/README.md``.

    .venv/bin/python tests/fuzz/fuzz_parse.py tests/fuzz/corpus -max_total_time=60
"""

from __future__ import annotations

import datetime as dt
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


class InvariantError(AssertionError):
    """A parse broke one of the invariants newsparse promises."""


def _published(code: int) -> dt.date | None:
    """Map a fuzzed integer to None or a date anywhere in the calendar."""
    if code % 4 == 0:
        return None
    return dt.date.min + dt.timedelta(days=code % (dt.date.max - dt.date.min).days)


def check_one(data: bytes) -> None:
    """Parse *data* as text and raise :class:`InvariantError` when an invariant breaks.

    >>> check_one("Title\\n\\n\\u201cYes,\\u201d she said on March 3.".encode())
    """
    import newsparse  # noqa: PLC0415 - imported under atheris instrumentation
    from benchmarks.adversarial import check_article  # noqa: PLC0415

    published = _published(int.from_bytes(data[:3], "little")) if data else None
    # surrogatepass keeps lone surrogates (ED A0 80 -> "\ud800"); replace the rest.
    text = (
        data[3:].decode("utf-8", "surrogatepass")
        if _valid(data[3:])
        else data[3:].decode("utf-8", "replace")
    )
    article = newsparse.parse_article(text, published=published)
    problems = check_article(text, article)
    if problems:
        msg = f"{problems[:3]} for published={published!r} text={text!r:.300}"
        raise InvariantError(msg)


def _valid(raw: bytes) -> bool:
    try:
        raw.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return False
    return True


def main(argv: list[str]) -> None:
    """Run libFuzzer on :func:`check_one` with the arguments in *argv*."""
    import atheris  # noqa: PLC0415 - optional: only the fuzz run needs it

    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    with atheris.instrument_imports(include=["newsparse"]):
        import newsparse  # noqa: F401, PLC0415 - instrument the package before the run

    newsparse_warm = ROOT / "seeds" / "000_aadee0b4fd7fab13.txt"
    check_one(b"\0\0\0" + newsparse_warm.read_bytes())  # load lexicons outside the fuzz loop
    atheris.Setup(argv, check_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
