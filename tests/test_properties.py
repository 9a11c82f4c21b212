"""Property tests: for any ``str``, a valid Article whose offsets match, deterministically.

Two hypothesis profiles (see ``docs/reliability.md``):

- ``ci`` (default): 150 examples a test, part of every ``pytest`` run.
- ``nightly``: 10,000 examples a test (``HYPOTHESIS_PROFILE=nightly``).
- ``long``: 100,000 examples a test, selected with ``HYPOTHESIS_PROFILE=long``::

      HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_properties.py -p no:randomly
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.adversarial import INPUTS, check_article, news_like
from newsparse import Article, EntityLexicon, Options, Quote, parse_article

if TYPE_CHECKING:
    from collections.abc import Sequence

    from newsparse.model import QuoteKind

settings.register_profile("ci", max_examples=150, deadline=None, database=None, print_blob=True)
settings.register_profile(
    "nightly",
    max_examples=10_000,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=100_000,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Every code point, lone surrogates and unassigned ones included.
ANY_CHAR = st.characters(codec=None, exclude_categories=())

_WORDS = """
the a of to in and on at by with from for as
said says told added warned according asked insisted noted
he she they it we officials the minister a spokesman police
Ana Ruiz Omar Khalid Berlin Lagos Senate Ministry Reuters AP AFP
January February March May June September December
Jan. Feb. Mar. Sept. Dec. Monday Tuesday Friday Sunday
yesterday today tomorrow last next week month year ago later
"""
_TOKENS = (
    *_WORDS.split(),
    "Mr.", "Mrs.", "Dr.", "Gen.", "Sen.", "U.S.", "U.N.", "St.", "No.", "a.m.", "p.m.",
    "2018", "20", "3", "1990s", "10:30", "2018-02-20", "20/02/2018", "21st", "$5", "5%",
    '"', "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›",
    " ", " ", " ", " ", ", ", ". ", "; ", ": ", " - ", " — ", "...", "(", ")", "[", "]",
    "\n", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\t", "\x0c",
    "By ", "By Ana Ruiz", "and", "WASHINGTON, ", "LAGOS (Reuters) - ", "(AP) — ",
    "Photo: ", "AP Photo/Ana Ruiz", "Reporting by ", "Editing by ", "Copyright",
    "&nbsp;", "<br>", "&#8220;", "&amp;", "<p>", "</p>",
    "\x00", "\u200b", "\u200e", "\u202e", "\ufeff", "\u00ad", "\ud800", "\udfff",
)  # fmt: skip

NEWS_LIKE = st.lists(
    st.one_of(
        st.sampled_from(_TOKENS),
        st.sampled_from(_TOKENS),
        st.sampled_from(_TOKENS),
        st.text(ANY_CHAR, max_size=3),
        st.integers(0, 3000).map(str),
    ),
    max_size=120,
).map("".join)

PUBLISHED = st.one_of(
    st.none(),
    st.dates(),
    st.dates().map(dt.date.isoformat),
    st.datetimes(timezones=st.sampled_from([None, dt.UTC, dt.timezone(dt.timedelta(hours=-11))])),
)

OPTIONS = st.sampled_from(
    [
        None,
        Options(indirect_quotes=False),
        Options(
            lexicon=EntityLexicon(
                people=["Ana Ruiz", "Omar"], places=["Lagos"], aliases={"UN": "United Nations"}
            ),
            cue_verbs=("bellowed", "bellows"),
        ),
    ]
)


def _assert_valid(
    text: str, published: dt.date | str | None = None, options: Options | None = None
) -> Article:
    article = parse_article(text, published=published, options=options)
    problems = check_article(text, article)
    assert problems == [], f"{problems[:5]} for {text!r:.200}"
    return article


@PROFILE
@given(text=st.text(ANY_CHAR, max_size=400))
def test_any_text_gives_a_valid_article(text: str) -> None:
    _assert_valid(text)


@PROFILE
@given(text=NEWS_LIKE, published=PUBLISHED, options=OPTIONS)
def test_news_like_text_gives_a_valid_article(
    text: str, published: dt.date | str | None, options: Options | None
) -> None:
    _assert_valid(text, published, options)


@PROFILE
@given(text=NEWS_LIKE)
def test_parsing_twice_gives_the_same_article(text: str) -> None:
    assert parse_article(text) == parse_article(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Title\n\nBody.", [], id="valid"),
        pytest.param("", [], id="empty"),
    ],
)
def test_check_article_accepts_valid_articles(text: str, expected: list[str]) -> None:
    assert check_article(text, parse_article(text)) == expected


def test_check_article_reports_a_mismatched_offset() -> None:
    text = "Title\n\nBody one.\n\nBody two."
    good = parse_article(text)
    assert good.paragraphs
    shifted = [p.__class__(p.start + 1, p.end + 1, p.text) for p in good.paragraphs[:1]]
    bad = Article(text=text, headline=good.headline, paragraphs=(*shifted,))
    assert check_article(text, bad, round_trip=False) == [
        (
            f"paragraph [{shifted[0].start},{shifted[0].end}) text 'Body one.' "
            f"!= input {text[shifted[0].start : shifted[0].end]!r}"
        )
    ]


def test_check_article_reports_overlapping_paragraphs() -> None:
    text = "Title\n\nBody one.\n\nBody two."
    good = parse_article(text)
    first = good.paragraphs[0]
    bad = Article(text=text, paragraphs=(first, first))
    assert check_article(text, bad, round_trip=False) == [
        (
            f"paragraphs [{first.start},{first.end}) and [{first.start},{first.end}) "
            "overlap or are out of order"
        )
    ]


# --- the same output in other processes, hash seeds and time zones -------------------------

_CHILD = """
import hashlib, json, sys
from newsparse import parse_article
cases = json.loads(sys.stdin.read())
for text, published in cases:
    data = parse_article(text, published=published).to_dict()
    print(hashlib.sha256(json.dumps(data, sort_keys=True).encode("ascii")).hexdigest())
"""


def _cases() -> list[tuple[str, str | None]]:
    rng = random.Random(8)  # noqa: S311 - reproducible test data
    cases: list[tuple[str, str | None]] = [
        (
            (
                "Talks resume\n\nBy Ana Ruiz\n\nBERLIN, March 2 (Reuters) - Talks resumed on "
                'Tuesday, "after a long pause," Ruiz said, a week after the Feb. 20 meeting.'
            ),
            "2018-03-02",
        ),
        ("Last Friday, the council met; next month it votes.", None),
    ]
    cases += [(make(2000), None) for make in INPUTS.values()]
    dates = [None, "2018-02-20", "1999-12-31T23:30:00+14:00", "2024-02-29"]
    cases += [(news_like(rng, 120), rng.choice(dates)) for _ in range(60)]
    return cases


def _digests_here(cases: Sequence[tuple[str, str | None]]) -> list[str]:
    out = []
    for text, published in cases:
        data = parse_article(text, published=published).to_dict()
        out.append(hashlib.sha256(json.dumps(data, sort_keys=True).encode("ascii")).hexdigest())
    return out


@pytest.mark.parametrize(
    ("hash_seed", "tz"),
    [
        pytest.param("0", "UTC", id="seed0-utc"),
        pytest.param("1", "Pacific/Kiritimati", id="seed1-kiritimati"),
        pytest.param("4242", "America/St_Johns", id="seed4242-st-johns"),
        pytest.param("random", "Pacific/Pago_Pago", id="random-pago-pago"),
    ],
)
def test_same_output_in_other_processes(hash_seed: str, tz: str) -> None:
    cases = _cases()
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "TZ": tz}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    theirs = done.stdout.split()
    ours = _digests_here(cases)
    differ = [i for i, (a, b) in enumerate(zip(ours, theirs, strict=True)) if a != b]
    assert differ == [], f"{len(differ)} differ, first {cases[differ[0]]!r:.300}"


_REPORT = "Ruiz said that the port would reopen “within weeks, not months” on Monday."


def _quote(start: int, end: int, kind: QuoteKind) -> Quote:
    return Quote(start, end, _REPORT[start:end], kind)


@pytest.mark.parametrize(
    ("quotes", "expected"),
    [
        pytest.param([(10, 61, "indirect"), (40, 61, "partial")], [], id="partial-in-indirect"),
        pytest.param([(0, 4, "direct"), (10, 20, "direct")], [], id="apart"),
        pytest.param(
            [(0, 61, "indirect"), (10, 61, "indirect"), (40, 61, "partial")],
            [],
            id="attribution-in-attribution",
        ),
        pytest.param(
            [(40, 61, "partial"), (40, 61, "direct")],
            ["quotes [40,61) partial and [40,61) direct have the same span"],
            id="same-span",
        ),
        pytest.param(
            [(10, 50, "indirect"), (40, 61, "partial")],
            ["quotes [10,50) indirect and [40,61) partial cross"],
            id="crossing",
        ),
        pytest.param(
            [(10, 61, "direct"), (40, 61, "partial")],
            [
                (
                    "quotes [10,61) direct and [40,61) partial overlap "
                    "(only an indirect quote may contain one)"
                )
            ],
            id="partial-in-direct",
        ),
        pytest.param(
            [(10, 70, "indirect"), (40, 55, "partial"), (50, 61, "partial")],
            ["quotes [40,55) partial and [50,61) partial cross"],
            id="nested-crossing",
        ),
    ],
)
def test_check_article_quote_overlaps(
    quotes: list[tuple[int, int, QuoteKind]], expected: list[str]
) -> None:
    article = Article(text=_REPORT, quotes=tuple(_quote(*q) for q in quotes))
    assert check_article(_REPORT, article, round_trip=False, tolerate=frozenset()) == expected


def test_crossing_quotes_are_reported_by_default() -> None:
    # F5 (a partial quote crossing the end of its reported clause) is fixed: no tolerance.
    article = Article(text=_REPORT, quotes=(_quote(10, 50, "indirect"), _quote(40, 61, "partial")))
    assert check_article(_REPORT, article, round_trip=False) == [
        "quotes [10,50) indirect and [40,61) partial cross"
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\ud800\udfff", id="surrogate-pair-as-two-code-points"),
        pytest.param("Title\n\n\udfff\ud800 said.", id="reversed-pair"),
    ],
)
def test_to_dict_round_trips_without_json(text: str) -> None:
    article = parse_article(text)
    assert Article.from_dict(article.to_dict()) == article
    assert check_article(text, article) == []
