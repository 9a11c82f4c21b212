"""Dates stage: find temporal expressions and resolve them to TIMEX3 values.

``iter_dates`` works on any string; ``resolve_dates`` is the :class:`Article` stage, which
resolves against ``Article.published`` or, failing that, the dateline's date. Nothing here
reads the clock. ``dateparser`` is imported lazily, only for forms the resolver here does
not cover.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs
import regex

from newsparse.model import Article, DateMention

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["iter_dates", "resolve_dates"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_CALENDAR = regex.compile(
    rf"\b(?:{_MONTH}\s(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s(?P<year>[12]\d{{3}}))?"
    r"|(?P<iy>[12]\d{3})-(?P<im>[01]\d)-(?P<id>[0-3]\d))\b"
)


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".").casefold()[:3]]


def iter_dates(
    text: str, *, start: int = 0, end: int | None = None, reference: dt.date | None = None
) -> Iterator[DateMention]:
    """Yield the date expressions of ``text[start:end]`` with TIMEX3 values.

    >>> [(d.text, d.value) for d in iter_dates("Talks began Feb. 20, 2018 in Moscow.")]
    [('Feb. 20, 2018', '2018-02-20')]
    """
    stop = len(text) if end is None else end
    for m in _CALENDAR.finditer(text, start, stop):
        if m.group("iy"):
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
            rule = "date.iso"
        else:
            mo, d = _month_number(m.group("month")), int(m.group("day"))
            rule = "date.month_day_year"
            if m.group("year"):
                y = int(m.group("year"))
            elif reference is not None:
                y = reference.year
                rule = "date.month_day"
            else:
                value = f"XXXX-{mo:02d}-{d:02d}"
                yield DateMention(m.start(), m.end(), m.group(), "DATE", value, "date.month_day")
                continue
        try:
            day = dt.date(y, mo, d)
        except ValueError:
            continue
        yield DateMention(m.start(), m.end(), m.group(), "DATE", day.isoformat(), rule, day, "day")


def resolve_dates(article: Article) -> Article:
    """Stage: fill ``dates`` from the whole text, resolved against the reference date."""
    found = tuple(iter_dates(article.text, reference=article.reference_date))
    return attrs.evolve(article, dates=found)
