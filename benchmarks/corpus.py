"""Realistic synthetic news articles for benchmarks, built from sentences written for them.

No evaluation data is used here: every sentence, name and place below was written for this
module. The articles follow the conventions of the seed article (a headline line, a photo
caption with a credit in parentheses, blank-line separated paragraphs, quotations opened
with a straight mark and closed with a curly one, ``Feb. 20, 2018``-style dates, "he said"
attributions) and mix in other common wire conventions (a byline, a dateline with an
agency, fully curly or fully straight quotation marks, weekday and relative dates).

Generation is deterministic: the same arguments always give the same text.

Run it as a script to write JSON Lines (``{"id", "text", "published"}`` per line), e.g.
for the CLI streaming check::

    .venv/bin/python -m benchmarks.corpus 100000 > /tmp/synthetic.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = [
    "Sample",
    "corpus",
    "iter_corpus",
    "long_article",
    "make_article",
    "short_article",
    "very_long_article",
]

QuoteStyle = Literal["seed", "curly", "straight"]

# Invented people: (full name, surname, title, pronoun).
_PEOPLE = (
    ("Maria Delgado Ruiz", "Delgado", "Finance Minister", "she"),
    ("Tomasz Wrona", "Wrona", "port authority chairman", "he"),
    ("Amina Okafor", "Okafor", "Health Commissioner", "she"),
    ("Henrik Sandvold", "Sandvold", "union leader", "he"),
    ("Leila Haddad", "Haddad", "Foreign Minister", "she"),
    ("Rajiv Menon", "Menon", "city council member", "he"),
    ("Claire Fontaine", "Fontaine", "chief economist", "she"),
    ("Oluwaseun Adebayo", "Adebayo", "Interior Minister", "he"),
    ("Ingrid Bakke", "Bakke", "mayor", "she"),
    ("Kenji Mori", "Mori", "Trade Minister", "he"),
)
_PLACES = (
    "Lisbon",
    "Gdansk",
    "Nairobi",
    "Bergen",
    "Beirut",
    "Kochi",
    "Lyon",
    "Abuja",
    "Tromso",
    "Osaka",
)
_DATELINES = ("LISBON", "GDANSK, Poland", "NAIROBI, Kenya", "BERGEN, Norway", "OSAKA, Japan")
_AGENCIES = ("AP", "Reuters", "AFP")
_ORGS = (
    ("the Atlantic Ports Federation", "APF"),
    ("the National Health Service Board", "NHSB"),
    ("the Regional Development Bank", "RDB"),
    ("the Coastal Workers Union", "CWU"),
    ("the Ministry of Trade and Industry", "MTI"),
)
_TOPICS = (
    "the port strike",
    "the new budget",
    "the flood defences",
    "the trade agreement",
    "the hospital reforms",
    "the fuel subsidy",
)
_MONTHS = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_CUES = ("said", "said", "said", "told reporters", "added", "warned", "insisted")
_HEADLINES = (
    "{place} braces for {topic} as talks stall",
    "{title_cap} {surname} warns of delays over {topic}",
    "{org_acr} rejects plan on {topic}, calls for new vote",
    "Talks on {topic} resume in {place} after weekend of protests",
)
_CAPTIONS = (
    "{name} speaks to reporters in {place}, {date}. ({agency} Photo)",
    "Workers gather outside the harbour office in {place}, {date}. (Photo by {name2})",
    "{name} arrives for a meeting of {org} in {place}, {date}. ({agency} Photo/{name2})",
)
# Quotations: content only, the marks are added according to the style.
_QUOTES = (
    "We will not sign anything until the workers have seen the final text",
    "The numbers simply do not add up, and everyone in this room knows it",
    "This is the most serious crisis the harbour has faced in a generation",
    "We have asked for a meeting every week since the summer, and nobody has answered",
    "Nobody wants a strike, but nobody wants to work for less than last year either",
    "If the water rises again this winter, the lower town will flood within hours",
    "The government has the money. What it lacks is the will to spend it here",
    "I hope and pray that common sense will win before the deadline",
    "We expect the first ships to return by the end of the month",
    "There is no plan B. There is only this agreement, or nothing at all",
)
_PARTIALS = (
    "deeply irresponsible",
    "a betrayal of trust",
    "fragile but holding",
    "the last chance",
    "very robust",
)
_NARRATIVE = (
    "{Org} said on {weekday} that the talks on {topic} would resume next week.",
    "The dispute began on {date}, when dock workers walked out over pay and safety rules.",
    "Officials in {place} said the cost of {topic} had risen by 12 percent since {month_year}.",
    "{title_cap} {name} met representatives of {org} ({org_acr}) for three hours on {weekday}.",
    "Shipping traffic through {place} fell sharply last month, according to {org}.",
    "The {org_acr} has repeatedly called for an independent review of {topic}.",
    "Around 4,000 people marched through the centre of {place} on {date} to protest.",
    "A spokesperson for {org} declined to comment on the negotiations.",
    "The strike, now in its third week, has cost the region an estimated $40 million.",
    "Union members will vote on the offer at 3 p.m. on {weekday}, {org_acr} officials said.",
    "{surname} has led the negotiations for four years.",
    "{surname} did not say when a final agreement could be signed.",
    "Earlier this year, the council approved a budget of $2.4 billion for {topic}.",
    "The measure is expected to take effect on {date}, two weeks later than planned.",
    "Talks collapsed in {place} last Thursday after {surname} left the room.",
)


@dataclass(frozen=True)
class Sample:
    """One synthetic article, the publication date to parse it with, and what it holds.

    ``quotes`` counts the quotations written into it (direct and partial, each a pair of
    quotation marks); ``dates`` counts its full calendar dates (``Feb. 20, 2018``).
    """

    id: str
    text: str
    published: str
    quotes: int
    dates: int


class _Writer:
    """Fills templates with names, places and dates drawn from one ``random.Random``."""

    def __init__(self, rng: random.Random, style: QuoteStyle, year: int) -> None:
        self.rng = rng
        self.style = style
        self.year = year
        self.cast = rng.sample(_PEOPLE, 3)
        self.place = rng.choice(_PLACES)
        self.org = rng.choice(_ORGS)
        self.quotes = 0
        self.dates = 0

    def date(self) -> str:
        self.dates += 1
        return f"{self.rng.choice(_MONTHS)} {self.rng.randint(1, 28)}, {self.year}"

    def fill(self, template: str) -> str:
        name, surname, title, _ = self.rng.choice(self.cast)
        return template.format(
            name=name,
            name2=self.rng.choice(_PEOPLE)[0],
            surname=surname,
            title_cap=title[0].upper() + title[1:],
            place=self.place,
            org=self.org[0],
            Org=self.org[0][0].upper() + self.org[0][1:],
            org_acr=self.org[1],
            topic=self.rng.choice(_TOPICS),
            date=self.date() if "{date}" in template else "",
            month_year=f"{self.rng.choice(_MONTHS)} {self.year - 1}",
            weekday=self.rng.choice(_WEEKDAYS),
            agency=self.rng.choice(_AGENCIES),
        )

    def quote(self, content: str, *, close: str = ",") -> str:
        self.quotes += 1
        body = content + close
        if self.style == "curly":
            return f"“{body}”"
        if self.style == "straight":
            return f'"{body}"'
        return f'"{body}”'  # the seed's convention: straight open, curly close

    def paragraph(self) -> str:
        rng = self.rng
        name, surname, title, pronoun = rng.choice(self.cast)
        cue = rng.choice(_CUES)
        kind = rng.randrange(6)
        if kind == 0:
            return f"{self.quote(rng.choice(_QUOTES))} {surname} {cue}."
        if kind == 1:
            first, second = rng.sample(_QUOTES, 2)
            return (
                f"{self.quote(first)} {pronoun} {cue}. {self.quote(second, close='.')}"
                f" {self.fill(rng.choice(_NARRATIVE))}"
            )
        if kind == 2:
            partial = self.quote(rng.choice(_PARTIALS))
            return (
                f"{title[0].upper() + title[1:]} {name} described {rng.choice(_TOPICS)} as"
                f" {partial} adding that talks would go on. {self.fill(rng.choice(_NARRATIVE))}"
            )
        if kind == 3:
            return f"{name}, the {title}, {cue}: {self.quote(rng.choice(_QUOTES), close='.')}"
        return " ".join(self.fill(rng.choice(_NARRATIVE)) for _ in range(rng.randint(1, 3)))


def make_article(
    seed: int = 0,
    *,
    paragraphs: int = 14,
    style: QuoteStyle | None = None,
    byline: bool | None = None,
    dateline: bool | None = None,
) -> Sample:
    """Return one deterministic synthetic article of about ``paragraphs`` body paragraphs.

    ``style``, ``byline`` and ``dateline`` are drawn at random (from *seed*) when None.
    A 14-paragraph article is about the seed's size (4 KB).
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible text, not cryptography
    year = rng.randint(2015, 2025)
    styles: tuple[QuoteStyle, ...] = ("seed", "seed", "curly", "straight")
    chosen: QuoteStyle = style if style is not None else rng.choice(styles)
    w = _Writer(rng, chosen, year)
    lines = [w.fill(rng.choice(_HEADLINES)), w.fill(rng.choice(_CAPTIONS)), ""]
    if byline if byline is not None else rng.random() < 0.5:
        lines += [f"By {rng.choice(_PEOPLE)[0]}", ""]
    body = [w.paragraph() for _ in range(max(1, paragraphs))]
    if dateline if dateline is not None else rng.random() < 0.5:
        body[0] = f"{rng.choice(_DATELINES)} ({rng.choice(_AGENCIES)}) — {body[0]}"
    text = "\n".join(lines) + "\n" + "\n\n".join(body) + "\n"
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return Sample(f"synthetic-{seed}", text, published, quotes=w.quotes, dates=w.dates)


def short_article(seed: int = 1) -> Sample:
    """A short wire brief: four paragraphs, about 1 KB."""
    return make_article(seed, paragraphs=4)


def long_article(seed: int = 2) -> Sample:
    """A long feature: 120 paragraphs, about 20 KB."""
    return make_article(seed, paragraphs=120)


def very_long_article(seed: int = 3) -> Sample:
    """A very long document (a live blog or a transcript): 2,000 paragraphs, about 350 KB."""
    return make_article(seed, paragraphs=2000)


def iter_corpus(
    n: int, *, seed: int = 0, paragraphs: tuple[int, int] = (4, 30)
) -> Iterator[Sample]:
    """Yield *n* articles of varied length (``paragraphs`` is an inclusive range)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible text, not cryptography
    for i in range(n):
        yield make_article(seed * 1_000_003 + i, paragraphs=rng.randint(*paragraphs))


def corpus(n: int, *, seed: int = 0, paragraphs: tuple[int, int] = (4, 30)) -> list[Sample]:
    """Return *n* articles of varied length, as :func:`iter_corpus` yields them."""
    return list(iter_corpus(n, seed=seed, paragraphs=paragraphs))


def main(argv: list[str] | None = None) -> int:
    """Write ``N`` synthetic articles as JSON Lines to standard output."""
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 100
    out = sys.stdout
    for sample in iter_corpus(n):
        out.write(json.dumps({"id": sample.id, "text": sample.text, "published": sample.published}))
        out.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
