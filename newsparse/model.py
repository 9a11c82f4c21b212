"""The typed, immutable result model.

Every item that covers text carries ``start`` and ``end`` (half-open Python ``str``
offsets into :attr:`Article.text`) and ``text`` (always ``Article.text[start:end]``).
All classes are frozen attrs classes with slots; sequences are tuples, so an
:class:`Article` is hashable, comparable, picklable and safe to share between threads.

``to_dict()`` gives plain JSON types in the shape documented in ``docs/model.md``;
``from_dict()`` is its exact inverse.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Iterable, Mapping
from operator import attrgetter
from typing import Any, Literal, TypeAlias, TypeVar

import attrs

__all__ = [
    "Article",
    "Byline",
    "Caption",
    "Credit",
    "DateMention",
    "DateType",
    "Dateline",
    "Diagnostic",
    "Entity",
    "EntityType",
    "Granularity",
    "Mention",
    "MentionKind",
    "Quote",
    "QuoteKind",
    "Severity",
    "Span",
    "Speaker",
    "Stage",
    "Timestamp",
    "TimestampRole",
    "timestamp_reference",
]

QuoteKind: TypeAlias = Literal["direct", "partial", "indirect"]
DateType: TypeAlias = Literal["DATE", "TIME", "DURATION", "SET"]
EntityType: TypeAlias = Literal["PER", "ORG", "LOC", "MISC"]
MentionKind: TypeAlias = Literal["name", "acronym", "demonym", "nominal", "pronoun"]
Severity: TypeAlias = Literal["info", "warning", "error"]
TimestampRole: TypeAlias = Literal["published", "updated"]
Granularity: TypeAlias = Literal[
    "century", "decade", "year", "half", "quarter", "season", "month", "week", "day", "time"
]

JSON: TypeAlias = dict[str, Any]
_T = TypeVar("_T")


def _check_span(instance: Any, _attribute: attrs.Attribute[str], text: str) -> None:
    """Validate ``start``, ``end`` and ``text`` together: one call per item, on the hot path.

    ``0 <= start <= end`` (both ints) and ``len(text) == end - start``, so that
    ``text == input[start:end]`` can hold.
    """
    start, end = instance.start, instance.end
    if (
        type(start) is int
        and type(end) is int
        and type(text) is str
        and start >= 0
        and len(text) == end - start
    ):
        return  # the common case: one test, no isinstance calls
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(text, str)):
        msg = (
            "start and end must be int and text str, got "
            f"{type(start).__name__}, {type(end).__name__}, {type(text).__name__}"
        )
        raise TypeError(msg)
    if start < 0:
        msg = f"start must be >= 0, got {start}"
        raise ValueError(msg)
    if end < start:
        msg = f"end {end} < start {start}"
        raise ValueError(msg)
    if len(text) != end - start:
        msg = (
            f"text of length {len(text)} does not fit span [{start}, {end}) of length {end - start}"
        )
        raise ValueError(msg)


def _start() -> Any:
    return attrs.field()


def _end() -> Any:
    return attrs.field()


def _text() -> Any:
    return attrs.field(validator=_check_span)


def _opt(value: Mapping[str, Any] | None, make: Callable[[Mapping[str, Any]], _T]) -> _T | None:
    return None if value is None else make(value)


def _many(
    values: Iterable[Mapping[str, Any]] | None, make: Callable[[Mapping[str, Any]], _T]
) -> tuple[_T, ...]:
    return tuple(make(v) for v in values or ())


@attrs.frozen(order=True)
class Span:
    """A piece of the input: half-open ``[start, end)`` code-point offsets and its text.

    >>> text = "Mayor Ana Ruiz said on Tuesday."
    >>> Span.of(text, 6, 14)
    Span(start=6, end=14, text='Ana Ruiz')
    """

    start: int = _start()
    end: int = _end()
    text: str = _text()

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """Build the span ``[start, end)`` of *source*, taking its text from *source*."""
        return cls(start, end, source[start:end])

    def to_dict(self) -> JSON:
        """Return ``{"start", "end", "text"}``."""
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        """Inverse of :meth:`to_dict`."""
        return cls(data["start"], data["end"], data["text"])


@attrs.frozen
class Diagnostic:
    """Something the parser noticed and worked around: never an exception.

    ``code`` is a stable dotted identifier (``"quote.unclosed"``); ``start``/``end``
    locate it in the input (both 0 for whole-document notes).
    """

    code: str
    message: str
    start: int = 0
    end: int = 0
    severity: Severity = "warning"

    def to_dict(self) -> JSON:
        """Return a plain-JSON dict."""
        return {
            "code": self.code,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "severity": self.severity,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Diagnostic:
        """Inverse of :meth:`to_dict`."""
        return cls(
            data["code"],
            data["message"],
            data["start"],
            data["end"],
            data.get("severity", "warning"),
        )


@attrs.frozen
class Byline:
    """One author of the article: ``name`` is a person, or None for an organisation byline."""

    start: int = _start()
    end: int = _end()
    text: str = _text()
    name: str | None = None
    affiliation: str | None = None
    rule: str = ""

    def to_dict(self) -> JSON:
        """Return a plain-JSON dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": self.name,
            "affiliation": self.affiliation,
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Byline:
        """Inverse of :meth:`to_dict`."""
        return cls(
            data["start"],
            data["end"],
            data["text"],
            data.get("name"),
            data.get("affiliation"),
            data.get("rule", ""),
        )


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _from_iso(value: str | None) -> dt.date | dt.datetime | None:
    if value is None:
        return None
    if "T" in value or " " in value:
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value)


@attrs.frozen
class DateMention:
    """A temporal expression: TIMEX3 ``type`` and ``value``.

    ``resolved`` is a Python ``date`` (or ``datetime`` for times) when the value names a
    calendar point; ``granularity`` says how much of it is meaningful ("month" for
    ``2018-02``, whose ``resolved`` is the first of the month).
    """

    start: int = _start()
    end: int = _end()
    text: str = _text()
    type: DateType = "DATE"
    value: str = ""
    rule: str = ""
    resolved: dt.date | None = None
    granularity: Granularity | None = None

    def to_dict(self) -> JSON:
        """Return a plain-JSON dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "rule": self.rule,
            "resolved": _iso(self.resolved),
            "granularity": self.granularity,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DateMention:
        """Inverse of :meth:`to_dict`."""
        return cls(
            data["start"],
            data["end"],
            data["text"],
            data.get("type", "DATE"),
            data.get("value", ""),
            data.get("rule", ""),
            _from_iso(data.get("resolved")),
            data.get("granularity"),
        )


@attrs.frozen
class Dateline:
    """The dateline that opens a wire story: ``WASHINGTON, March 2 (Reuters) -``."""

    start: int = _start()
    end: int = _end()
    text: str = _text()
    location: str | None = None
    agency: str | None = None
    date: DateMention | None = None
    rule: str = ""

    def to_dict(self) -> JSON:
        """Return a plain-JSON dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "location": self.location,
            "agency": self.agency,
            "date": None if self.date is None else self.date.to_dict(),
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Dateline:
        """Inverse of :meth:`to_dict`."""
        return cls(
            data["start"],
            data["end"],
            data["text"],
            data.get("location"),
            data.get("agency"),
            _opt(data.get("date"), DateMention.from_dict),
            data.get("rule", ""),
        )


@attrs.frozen
class Timestamp:
    """A date printed in the head matter: ``Published November 20, 2019 - 07:50 GMT``.

    ``text`` is the date itself; ``role`` says whether the page labels it an update
    ("Updated", "Last modified") or the publication ("Published", "Posted", or no label).
    ``date`` is the date as the dates stage reads it.
    """

    start: int = _start()
    end: int = _end()
    text: str = _text()
    role: TimestampRole = "published"
    date: DateMention | None = None
    rule: str = ""

    def to_dict(self) -> JSON:
        """Return a plain-JSON dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "role": self.role,
            "date": None if self.date is None else self.date.to_dict(),
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Timestamp:
        """Inverse of :meth:`to_dict`."""
        return cls(
            data["start"],
            data["end"],
            data["text"],
            data.get("role", "published"),
            _opt(data.get("date"), DateMention.from_dict),
            data.get("rule", ""),
        )


def timestamp_reference(timestamps: Iterable[Timestamp]) -> dt.date | None:
    """The day (or time) of the first publication timestamp, else of the first update.

    >>> day = dt.date(2019, 11, 19)
    >>> d = DateMention(0, 13, "Nov. 19, 2019", "DATE", "2019-11-19", "", day, "day")
    >>> timestamp_reference([Timestamp(0, 13, "Nov. 19, 2019", "updated", d)])
    datetime.date(2019, 11, 19)
    """
    stamps = list(timestamps)
    for role in ("published", "updated"):
        for stamp in stamps:
            date = stamp.date
            if (
                stamp.role == role
                and date is not None
                and date.resolved is not None
                and date.granularity in {"day", "time"}
            ):
                return date.resolved
    return None


@attrs.frozen
class Caption:
    """A photo caption line, with its ``credit`` ("AP Photo") when it has one.

    ``text`` is the caption without its credit; ``credit`` is the credit as printed and
    ``credit_span`` where it stands (on the caption's line, or a line of its own).
    """

    start: int = _start()
    end: int = _end()
    text: str = _text()
    credit: str | None = None
    rule: str = ""
    credit_span: Span | None = None

    def to_dict(self) -> JSON:
        """Return a plain-JSON dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "credit": self.credit,
            "rule": self.rule,
            "credit_span": None if self.credit_span is None else self.credit_span.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Caption:
        """Inverse of :meth:`to_dict`."""
        return cls(
            data["start"],
            data["end"],
            data["text"],
            data.get("credit"),
            data.get("rule", ""),
            _opt(data.get("credit_span"), Span.from_dict),
        )


@attrs.frozen
class Credit:
    """A trailing credit line: ``role`` ("reporting", "editing", "signoff"...) and ``names``."""

    start: int = _start()
    end: int = _end()
    text: str = _text()
    role: str = ""
    names: tuple[str, ...] = ()
    rule: str = ""

    def to_dict(self) -> JSON:
        """Return a plain-JSON dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "role": self.role,
            "names": list(self.names),
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Credit:
        """Inverse of :meth:`to_dict`."""
        return cls(
            data["start"],
            data["end"],
            data["text"],
            data.get("role", ""),
            tuple(data.get("names") or ()),
            data.get("rule", ""),
        )


@attrs.frozen
class Speaker:
    """Who a quote is attributed to.

    ``text`` is the literal mention ("he", "the minister", "Asif"); ``name`` is the
    person's canonical name and ``entity`` the id of their :class:`Entity`, when known.
    """

    start: int = _start()
    end: int = _end()
    text: str = _text()
    name: str | None = None
    entity: str | None = None

    def to_dict(self) -> JSON:
        """Return a plain-JSON dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": self.name,
            "entity": self.entity,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Speaker:
        """Inverse of :meth:`to_dict`."""
        return cls(data["start"], data["end"], data["text"], data.get("name"), data.get("entity"))


@attrs.frozen
class Quote:
    """A quotation: the content span (without quotation marks), its speaker and cue.

    ``kind`` is "direct" (a whole quoted utterance), "partial" (a quoted fragment
    inside reported speech) or "indirect" (reported speech, no marks).
    ``group`` links the pieces of one interrupted or multi-paragraph quote.
    """

    start: int = _start()
    end: int = _end()
    text: str = _text()
    kind: QuoteKind = "direct"
    rule: str = ""
    speaker: Speaker | None = None
    cue: Span | None = None
    group: int | None = None

    def to_dict(self) -> JSON:
        """Return a plain-JSON dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "rule": self.rule,
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "cue": None if self.cue is None else self.cue.to_dict(),
            "group": self.group,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Inverse of :meth:`to_dict`."""
        return cls(
            data["start"],
            data["end"],
            data["text"],
            data.get("kind", "direct"),
            data.get("rule", ""),
            _opt(data.get("speaker"), Speaker.from_dict),
            _opt(data.get("cue"), Span.from_dict),
            data.get("group"),
        )


@attrs.frozen
class Mention:
    """One place in the text where an :class:`Entity` is mentioned."""

    start: int = _start()
    end: int = _end()
    text: str = _text()
    kind: MentionKind = "name"
    rule: str = ""

    def to_dict(self) -> JSON:
        """Return a plain-JSON dict."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        """Inverse of :meth:`to_dict`."""
        return cls(
            data["start"], data["end"], data["text"], data.get("kind", "name"), data.get("rule", "")
        )


@attrs.frozen
class Entity:
    """A person, organisation or place, normalised within the article.

    ``name`` is the canonical (fullest) form; ``aliases`` the other forms seen or known;
    ``titles`` the titles and roles split off person names; ``affiliation`` a country
    or organisation the text ties the entity to ("Pakistan's Defense Minister ...").
    """

    id: str
    name: str
    type: EntityType
    mentions: tuple[Mention, ...] = ()
    titles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None

    def to_dict(self) -> JSON:
        """Return a plain-JSON dict."""
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "titles": list(self.titles),
            "aliases": list(self.aliases),
            "affiliation": self.affiliation,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entity:
        """Inverse of :meth:`to_dict`."""
        return cls(
            data["id"],
            data["name"],
            data["type"],
            _many(data.get("mentions"), Mention.from_dict),
            tuple(data.get("titles") or ()),
            tuple(data.get("aliases") or ()),
            data.get("affiliation"),
        )


def _published(value: str | None) -> dt.date | None:
    return _from_iso(value)


@attrs.frozen
class Article:
    """A parsed article. ``text`` is the input, never altered; every offset indexes into it.

    >>> from newsparse import parse_article
    >>> a = parse_article("Rain ends\\n\\nIt rained on Feb. 3, 2020.", published="2020-02-04")
    >>> a.headline.text
    'Rain ends'
    >>> [p.text for p in a.paragraphs]
    ['It rained on Feb. 3, 2020.']
    >>> Article.from_dict(a.to_dict()) == a
    True
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    published: dt.date | None = None
    headline: Span | None = None
    deck: Span | None = None
    bylines: tuple[Byline, ...] = ()
    dateline: Dateline | None = None
    timestamps: tuple[Timestamp, ...] = ()
    captions: tuple[Caption, ...] = ()
    paragraphs: tuple[Span, ...] = ()
    credits: tuple[Credit, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[Entity, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def reference_date(self) -> dt.date | None:
        """The date relative expressions resolve against.

        ``published`` when given; else the first publication timestamp printed in the head
        matter, else the first update timestamp (both to the day); else the dateline's date.
        """
        if self.published is not None:
            return self.published
        stamped = timestamp_reference(self.timestamps)
        if stamped is not None:
            return stamped
        if self.dateline is not None and self.dateline.date is not None:
            resolved = self.dateline.date.resolved
            if resolved is not None and self.dateline.date.granularity == "day":
                return resolved
        return None

    def _repr_html_(self) -> str:
        """Jupyter display: the article with quotes, speakers, dates and entities highlighted."""
        from newsparse.html import render_fragment  # noqa: PLC0415 - only notebooks need it

        return render_fragment(self)

    def entity(self, entity_id: str) -> Entity | None:
        """Return the entity with id *entity_id*, or None."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def to_dict(self) -> JSON:
        """Return the article as plain JSON types (the shape in ``docs/model.md``)."""
        return {
            "text": self.text,
            "published": _iso(self.published),
            "headline": None if self.headline is None else self.headline.to_dict(),
            "deck": None if self.deck is None else self.deck.to_dict(),
            "bylines": [b.to_dict() for b in self.bylines],
            "dateline": None if self.dateline is None else self.dateline.to_dict(),
            "timestamps": [t.to_dict() for t in self.timestamps],
            "captions": [c.to_dict() for c in self.captions],
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "credits": [c.to_dict() for c in self.credits],
            "quotes": [q.to_dict() for q in self.quotes],
            "dates": [d.to_dict() for d in self.dates],
            "entities": [e.to_dict() for e in self.entities],
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Inverse of :meth:`to_dict`: ``Article.from_dict(a.to_dict()) == a``."""
        return cls(
            text=data["text"],
            published=_published(data.get("published")),
            headline=_opt(data.get("headline"), Span.from_dict),
            deck=_opt(data.get("deck"), Span.from_dict),
            bylines=_many(data.get("bylines"), Byline.from_dict),
            dateline=_opt(data.get("dateline"), Dateline.from_dict),
            timestamps=_many(data.get("timestamps"), Timestamp.from_dict),
            captions=_many(data.get("captions"), Caption.from_dict),
            paragraphs=_many(data.get("paragraphs"), Span.from_dict),
            credits=_many(data.get("credits"), Credit.from_dict),
            quotes=_many(data.get("quotes"), Quote.from_dict),
            dates=_many(data.get("dates"), DateMention.from_dict),
            entities=_many(data.get("entities"), Entity.from_dict),
            diagnostics=_many(data.get("diagnostics"), Diagnostic.from_dict),
        )


Stage: TypeAlias = Callable[[Article], Article]
"""A pipeline stage: a pure function from an article to an enriched copy of it."""


# ---------------------------------------------------------------------------------------------
# Fast paths for the stages (internal, not API). A stage builds thousands of items whose
# spans it knows to be valid (each ``text`` sliced from the article at its offsets); the
# ``_unchecked_*`` functions set the slots directly, without attrs' generic ``__init__`` and
# the span validator, at about 60% of the cost. The items are equal to (and pickle like)
# those the validated constructors build; anything built from user input goes through those.
# ``_replace`` is a cheaper ``attrs.evolve`` (validated).

_new = object.__new__
_M = TypeVar("_M", bound=attrs.AttrsInstance)


def _slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...] | None:
    """The ``__set__`` of each field's slot of the attrs class *cls*, in field order.

    Calling a slot's own ``__set__`` skips the frozen class's ``__setattr__`` guard that
    ``object.__setattr__`` would look up by name. None if a field has no slot (only the
    constructor can set it then). The article codec of :mod:`newsparse.batch` uses these too.
    """
    setters = []
    for field in attrs.fields(cls):
        slot = getattr(cls, field.name, None)
        if not isinstance(slot, types.MemberDescriptorType):
            return None
        setters.append(slot.__set__)
    return tuple(setters)


def _own_slot_setters(cls: type) -> tuple[Callable[[Any, Any], None], ...]:
    """:func:`_slot_setters` of a model class (slotted, so never None)."""
    setters = _slot_setters(cls)
    if setters is None:  # pragma: no cover - every model class is a slotted attrs class
        msg = f"{cls.__name__} has a field without a slot"
        raise TypeError(msg)
    return setters


_SPAN_SLOTS = _own_slot_setters(Span)
_MENTION_SLOTS = _own_slot_setters(Mention)
_DATE_SLOTS = _own_slot_setters(DateMention)
_SPEAKER_SLOTS = _own_slot_setters(Speaker)
_QUOTE_SLOTS = _own_slot_setters(Quote)


def _unchecked_span(start: int, end: int, text: str) -> Span:
    """``Span(start, end, text)`` for a span known to be valid: no validation."""
    span = _new(Span)
    set_start, set_end, set_text = _SPAN_SLOTS
    set_start(span, start)
    set_end(span, end)
    set_text(span, text)
    return span


def _unchecked_mention(start: int, end: int, text: str, kind: MentionKind, rule: str) -> Mention:
    """``Mention(start, end, text, kind, rule)`` for a span known to be valid: no validation."""
    mention = _new(Mention)
    set_start, set_end, set_text, set_kind, set_rule = _MENTION_SLOTS
    set_start(mention, start)
    set_end(mention, end)
    set_text(mention, text)
    set_kind(mention, kind)
    set_rule(mention, rule)
    return mention


def _unchecked_date(  # noqa: PLR0917 - the fields of DateMention, in order
    start: int,
    end: int,
    text: str,
    kind: DateType,
    value: str,
    rule: str,
    resolved: dt.date | None,
    granularity: Granularity | None,
) -> DateMention:
    """``DateMention(start, end, text, ...)`` for a span known to be valid: no validation."""
    date = _new(DateMention)
    set_start, set_end, set_text, set_type, set_value, set_rule, set_resolved, set_gran = (
        _DATE_SLOTS
    )
    set_start(date, start)
    set_end(date, end)
    set_text(date, text)
    set_type(date, kind)
    set_value(date, value)
    set_rule(date, rule)
    set_resolved(date, resolved)
    set_gran(date, granularity)
    return date


def _unchecked_speaker(
    start: int, end: int, text: str, name: str | None, entity: str | None
) -> Speaker:
    """``Speaker(start, end, text, name, entity)`` for a span known to be valid: no validation."""
    speaker = _new(Speaker)
    set_start, set_end, set_text, set_name, set_entity = _SPEAKER_SLOTS
    set_start(speaker, start)
    set_end(speaker, end)
    set_text(speaker, text)
    set_name(speaker, name)
    set_entity(speaker, entity)
    return speaker


def _unchecked_quote(  # noqa: PLR0917 - the fields of Quote, in order
    start: int,
    end: int,
    text: str,
    kind: QuoteKind,
    rule: str,
    speaker: Speaker | None,
    cue: Span | None,
    group: int | None,
) -> Quote:
    """``Quote(start, end, text, ...)`` for a span known to be valid: no validation."""
    quote = _new(Quote)
    set_start, set_end, set_text, set_kind, set_rule, set_speaker, set_cue, set_group = _QUOTE_SLOTS
    set_start(quote, start)
    set_end(quote, end)
    set_text(quote, text)
    set_kind(quote, kind)
    set_rule(quote, rule)
    set_speaker(quote, speaker)
    set_cue(quote, cue)
    set_group(quote, group)
    return quote


# For _replace: each class's field indexes by name and a getter of all its values (a tuple:
# every model class has several fields).
_LAYOUTS: dict[type, tuple[dict[str, int], Callable[[Any], tuple[Any, ...]]]] = {}


def _replace(item: _M, **changes: Any) -> _M:
    """``attrs.evolve(item, **changes)``, about a third cheaper: a stage's enriched article.

    The values go to the class's constructor by position, so the validators run as usual.
    A name that is not a field raises ``TypeError``, as ``evolve`` does.
    """
    cls = type(item)
    layout = _LAYOUTS.get(cls)
    if layout is None:
        names = tuple(field.name for field in attrs.fields(cls))
        layout = _LAYOUTS[cls] = ({name: i for i, name in enumerate(names)}, attrgetter(*names))
    index, get_values = layout
    values = list(get_values(item))
    for name, value in changes.items():
        i = index.get(name)
        if i is None:
            msg = f"{cls.__name__} has no field {name!r}"
            raise TypeError(msg)
        values[i] = value
    return cls(*values)
