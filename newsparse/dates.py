"""Dates stage: find temporal expressions and resolve them to TIMEX3 values.

``iter_dates`` works on any string; ``resolve_dates`` is the :class:`Article` stage, which
resolves against ``Article.reference_date`` (``published``, else the dateline's day). Nothing
here reads the clock. Spans follow TimeML/TempEval-3: a leading "on", "in", "from" or "at" is
left out, "the", "last", "about", "early" are kept in.

The finder (see :mod:`newsparse._timex`) keeps, in a few C-level passes, the words that may
start an expression and tries only the rules that may start with each; values come from a
small calendar resolver. ``dateparser`` is imported lazily and only for
forms the resolver does not read itself (day-first dotted dates such as ``20.02.2018``), with
fixed settings and a cache.
"""

from __future__ import annotations

import datetime as dt
import functools
from operator import attrgetter
from typing import TYPE_CHECKING

from newsparse._timex import Context, Found, scan, value_to_calendar
from newsparse.model import Article, DateMention, Diagnostic, _replace, _unchecked_date

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["iter_dates", "resolve_dates"]

_START = attrgetter("start")


@functools.lru_cache(maxsize=1024)
def _dateparser(text: str, reference: dt.date | None) -> dt.date | None:
    """Parse *text* with dateparser (imported here, on first use), relative to *reference*."""
    import dateparser  # noqa: PLC0415 - heavy import, needed only for rare forms

    base = dt.datetime(2000, 1, 1) if reference is None else dt.datetime(*reference.timetuple()[:3])  # noqa: DTZ001
    settings: dict[str, object] = {
        "RELATIVE_BASE": base,
        "TIMEZONE": "UTC",
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": "DMY",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "STRICT_PARSING": True,
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, TypeError, OverflowError):  # pragma: no cover - dateparser internals
        return None
    return None if parsed is None else parsed.date()


def _day_of(reference: dt.date | None) -> dt.date | None:
    if isinstance(reference, dt.datetime):
        return reference.date()
    return reference


def iter_dates(
    text: str,
    *,
    start: int = 0,
    end: int | None = None,
    reference: dt.date | None = None,
    fallback: bool = True,
) -> Iterator[DateMention]:
    """Yield the temporal expressions of ``text[start:end]`` with TIMEX3 types and values.

    Args:
        text: Any string; offsets in the results index into it.
        start: Where to start looking.
        end: Where to stop looking (default: the end of *text*).
        reference: The date relative expressions resolve against ("yesterday", "Friday",
            "Sept. 30"). Without it their values stay underspecified (``XXXX-WXX-5``).
        fallback: Hand the few forms the resolver does not read (``20.02.2018``) to
            dateparser; False skips them.

    >>> ref = dt.date(2018, 2, 23)
    >>> text = "On Tuesday, two weeks after Feb. 6, 2018, prices rose 3% from last year."
    >>> for d in iter_dates(text, reference=ref):
    ...     print(d.text, d.type, d.value, d.granularity)
    Tuesday DATE 2018-02-20 day
    two weeks DURATION P2W None
    Feb. 6, 2018 DATE 2018-02-06 day
    last year DATE 2017 year
    >>> [d.value for d in iter_dates("Talks resume on Tuesday.")]
    ['XXXX-WXX-2']
    """
    stop = len(text) if end is None else min(end, len(text))
    ctx = Context(text, _day_of(reference), fallback=_dateparser if fallback else None)
    for rule, handler, m in scan(text, start, stop):
        try:
            founds = handler(m, ctx)
        except (ValueError, OverflowError):  # a calendar overflow near year 1 or 9999
            continue
        for found in founds:
            yield _mention(text, found, rule)


def _mention(text: str, found: Found, rule: str) -> DateMention:
    resolved, granularity = value_to_calendar(found.value)
    return DateMention(
        found.start,
        found.end,
        text[found.start : found.end],
        found.type,
        found.value,
        rule,
        resolved,
        granularity,
    )


def _all_dates(text: str, reference: dt.date | None) -> list[DateMention]:
    """What ``list(iter_dates(text, reference=reference))`` gives, without a generator."""
    ctx = Context(text, _day_of(reference), fallback=_dateparser)
    found: list[DateMention] = []
    append = found.append
    for rule, handler, m in scan(text, 0, len(text)):
        try:
            founds = handler(m, ctx)
        except (ValueError, OverflowError):  # a calendar overflow near year 1 or 9999
            continue
        for start, end, kind, value in founds:  # _mention, inline
            resolved, granularity = value_to_calendar(value)
            append(
                _unchecked_date(  # a span of *text*, by construction
                    start, end, text[start:end], kind, value, rule, resolved, granularity
                )
            )
    return found


def resolve_dates(article: Article) -> Article:
    """Stage: fill ``dates`` from the whole text, resolved against ``article.reference_date``.

    Headline, captions and body are all scanned. Without a reference date, relative
    expressions keep underspecified values and one ``dates.no_reference`` diagnostic says so.

    >>> a = resolve_dates(Article(text="Rain fell yesterday.", published=dt.date(2020, 2, 4)))
    >>> [(d.text, d.value, d.resolved) for d in a.dates]
    [('yesterday', '2020-02-03', datetime.date(2020, 2, 3))]
    """
    reference = article.reference_date
    found = sorted(_all_dates(article.text, reference), key=_START)
    diagnostics = article.diagnostics
    if reference is None:
        vague = next((d for d in found if "X" in d.value and d.value[:1] in "XT"), None)
        if vague is not None:
            note = Diagnostic(
                "dates.no_reference",
                f"no publication or dateline date: {vague.text!r} and other relative dates "
                "keep underspecified values",
                vague.start,
                vague.end,
                "info",
            )
            diagnostics = (*diagnostics, note)
    return _replace(article, dates=tuple(found), diagnostics=diagnostics)
