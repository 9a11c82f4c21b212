"""newsparse: parse plain news text into a typed, lossless structure.

>>> import newsparse
>>> article = newsparse.parse_article(
...     'Rain returns\\n\\nIt rained on Feb. 3, 2020, "at last,” a farmer said.',
...     published="2020-02-04",
... )
>>> article.headline.text
'Rain returns'
>>> [d.value for d in article.dates]
['2020-02-03']
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
from typing import TYPE_CHECKING, Any

import attrs

from newsparse.model import (
    Article,
    Byline,
    Caption,
    Credit,
    Dateline,
    DateMention,
    Diagnostic,
    Entity,
    Mention,
    Quote,
    Span,
    Speaker,
    Stage,
    Timestamp,
)
from newsparse.options import Options, build_stages

if TYPE_CHECKING:
    from newsparse.batch import parse_many
    from newsparse.dates import iter_dates, resolve_dates
    from newsparse.entities import EntityLexicon, extract_entities, iter_mentions
    from newsparse.html import render_html
    from newsparse.quotes import extract_quotes, iter_quotes
    from newsparse.records import iter_records, to_records
    from newsparse.structure import split_structure

# The stage modules compile their patterns when first imported. They load on first use,
# so that `import newsparse` stays cheap for tools that may never parse (PEP 562).
_LAZY = {
    "EntityLexicon": "newsparse.entities",
    "extract_entities": "newsparse.entities",
    "extract_quotes": "newsparse.quotes",
    "iter_dates": "newsparse.dates",
    "iter_mentions": "newsparse.entities",
    "iter_quotes": "newsparse.quotes",
    "iter_records": "newsparse.records",
    "parse_many": "newsparse.batch",
    "render_html": "newsparse.html",
    "resolve_dates": "newsparse.dates",
    "split_structure": "newsparse.structure",
    "to_records": "newsparse.records",
}

__all__ = [
    "DEFAULT_STAGES",
    "STAGE_FAILED",
    "Article",
    "Byline",
    "Caption",
    "Credit",
    "DateMention",
    "Dateline",
    "Diagnostic",
    "Entity",
    "EntityLexicon",
    "Mention",
    "Options",
    "Quote",
    "Span",
    "Speaker",
    "Stage",
    "Timestamp",
    "__version__",
    "build_stages",
    "extract_entities",
    "extract_quotes",
    "iter_dates",
    "iter_mentions",
    "iter_quotes",
    "iter_records",
    "parse_article",
    "parse_many",
    "parse_published",
    "render_html",
    "resolve_dates",
    "split_structure",
    "to_records",
]


def __getattr__(name: str) -> Any:  # noqa: ANN401 - PEP 562 hook: whatever is asked for
    """Load stage functions, ``DEFAULT_STAGES`` and ``__version__`` on first use."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif name == "DEFAULT_STAGES":
        value = build_stages(Options())
    elif name == "__version__":
        from importlib import metadata  # noqa: PLC0415 - keeps `import newsparse` cheap

        try:
            value = metadata.version("newsparse")
        except metadata.PackageNotFoundError:  # pragma: no cover - not installed
            value = "0.0.0"
    else:
        msg = f"module 'newsparse' has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:
    DEFAULT_STAGES: tuple[Stage, ...]
    """The stages ``parse_article`` runs, in order (each sees the results of those before)."""
    __version__: str


def parse_published(value: dt.date | str | None) -> dt.date | None:
    """Check and normalise a ``published`` argument.

    Accepts a ``date``, a ``datetime`` (kept as it is) or an ISO-8601 string
    (``"2018-02-20"``, ``"2018-02-20T15:01:01"``, a trailing ``Z`` allowed).

    >>> parse_published("2018-02-20")
    datetime.date(2018, 2, 20)
    >>> parse_published("2018-02-20T15:01:01Z")
    datetime.datetime(2018, 2, 20, 15, 1, 1, tzinfo=datetime.timezone.utc)

    Raises:
        TypeError: *value* is not a date, datetime, string or None.
        ValueError: *value* is a string that is not an ISO-8601 date or date-time.
    """
    if value is None or isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        msg = (
            "published must be a datetime.date, a datetime.datetime, an ISO-8601 string "
            f"such as '2018-02-20', or None; got {type(value).__name__}"
        )
        raise TypeError(msg)
    raw = value.strip()
    try:
        if len(raw) == 10:  # noqa: PLR2004 - YYYY-MM-DD
            return dt.date.fromisoformat(raw)
        if raw.endswith(("Z", "z")):
            raw = raw[:-1] + "+00:00"
        return dt.datetime.fromisoformat(raw)
    except ValueError:
        msg = f"published={value!r} is not an ISO-8601 date such as '2018-02-20'"
        raise ValueError(msg) from None


def parse_article(
    text: str,
    *,
    published: dt.date | str | None = None,
    options: Options | None = None,
    stages: tuple[Stage, ...] | None = None,
) -> Article:
    """Parse the plain text of a news article.

    Args:
        text: The article as plain text (headline, lines, paragraphs). Never altered:
            every offset in the result indexes into it.
        published: The publication date or date-time (``date``, ``datetime`` or ISO-8601
            string). Relative dates ("last Tuesday") resolve against it; without it, the
            dateline's date is used, and without that they stay underspecified.
        options: Lexicon extensions and switches (:class:`Options`); the defaults
            when None.
        stages: A pipeline of your own (each stage ``Article -> Article``), instead of
            the one *options* configures; give one or the other, not both.

    Returns:
        The parsed :class:`Article`.

    Never raises on odd text: should one of newsparse's own stages fail on it (a bug), the
    article comes back without that stage's results and with an error diagnostic whose
    code is :data:`STAGE_FAILED`. Stages passed in *stages* are not guarded.

    Raises:
        TypeError: *text* is not a ``str`` (decode ``bytes`` first), *published* or
            *options* has a wrong type, or a stage is not a function returning an Article.
        ValueError: *published* is a malformed string, or both *options* and
            *stages* were given.

    >>> parse_article("Headline\\n\\nBody.").paragraphs[0].text
    'Body.'
    """
    if not isinstance(text, str):
        hint = (
            "; decode bytes first, e.g. data.decode('utf-8')"
            if isinstance(text, (bytes, bytearray, memoryview))
            else ""
        )
        msg = f"parse_article() needs the article text as a str, got {type(text).__name__}{hint}"
        raise TypeError(msg)
    if options is not None and not isinstance(options, Options):
        msg = f"options must be a newsparse.Options, got {type(options).__name__}"
        raise TypeError(msg)
    guarded = stages is None  # our own stages: a bug in one must not lose the article
    if stages is None:
        stages = _default_stages() if options is None else build_stages(options)
    elif options is not None:
        msg = "pass either options= or stages=, not both: build stages with build_stages(options)"
        raise ValueError(msg)
    elif isinstance(stages, (str, bytes)) or not all(callable(s) for s in stages):
        msg = (
            "stages must be a sequence of functions Article -> Article "
            f"(see newsparse.DEFAULT_STAGES and build_stages), got {stages!r:.80}"
        )
        raise TypeError(msg)
    article = Article(text=text, published=parse_published(published))
    for stage in stages:
        article = _run_guarded(stage, article) if guarded else stage(article)
        if not isinstance(article, Article):
            name = getattr(stage, "__name__", repr(stage))
            msg = f"stage {name} returned {type(article).__name__}, not an Article"
            raise TypeError(msg)
    return article


@functools.cache
def _default_stages() -> tuple[Stage, ...]:
    """``build_stages(Options())``, made once (it costs more than parsing a short line)."""
    return build_stages(Options())


STAGE_FAILED = "stage.failed"
"""The code of the diagnostic an article gets when one of newsparse's own stages fails."""


def _run_guarded(stage: Stage, article: Article) -> Article:
    """Run one of newsparse's own stages; if it raises, keep the article and say so.

    A text that trips a bug must not stop a job over millions of articles: the article
    goes on without that stage's results and carries an error diagnostic (code
    :data:`STAGE_FAILED`) naming the stage and the exception, to be reported as a bug.
    """
    try:
        return stage(article)
    except Exception as exc:  # noqa: BLE001 - turned into a diagnostic, see the docstring
        name = getattr(stage, "__name__", None) or getattr(
            getattr(stage, "func", None), "__name__", repr(stage)
        )
        note = Diagnostic(
            STAGE_FAILED,
            f"{name} failed ({type(exc).__name__}: {exc}); its results are missing. "
            "This is a bug in newsparse: please report it with the text.",
            severity="error",
        )
        return attrs.evolve(article, diagnostics=(*article.diagnostics, note))
