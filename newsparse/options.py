"""Typed options for :func:`newsparse.parse_article`: extend the lexicons without editing them."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from newsparse.entities import EntityLexicon  # noqa: TC004 - stage modules load lazily
    from newsparse.model import Stage

__all__ = ["Options", "build_stages"]


def _words(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, (tuple, list, set, frozenset)):
        msg = f"cue_verbs must be a sequence of strings, got {type(value).__name__}"
        raise TypeError(msg)
    return tuple(sorted({str(v) for v in value}))


def _check_lexicon(
    _instance: object, _attribute: attrs.Attribute[EntityLexicon | None], value: object
) -> None:
    if value is None:
        return
    from newsparse.entities import EntityLexicon  # noqa: PLC0415 - stage modules load lazily

    if not isinstance(value, EntityLexicon):
        msg = (
            f"lexicon must be a newsparse.EntityLexicon or None, got {type(value).__name__}; "
            "build one with EntityLexicon(people=[...], aliases={...})"
        )
        raise TypeError(msg)


def _check_bool(_instance: object, attribute: attrs.Attribute[bool], value: bool) -> None:  # noqa: FBT001
    if not isinstance(value, bool):
        msg = f"{attribute.name} must be True or False, got {value!r}"
        raise TypeError(msg)


@attrs.frozen
class Options:
    """What to add to the packaged lexicons, and which optional outputs to produce.

    Args:
        lexicon: Extra people, organisations, places, aliases and titles for the entities
            stage (an :class:`~newsparse.entities.EntityLexicon`); quote speakers resolve to
            these people too.
        cue_verbs: Extra speech verbs for the quotes stage, each inflected form spelled out
            (``("bellowed", "bellows")``).
        indirect_quotes: Also extract reported speech (quotes of kind ``"indirect"``).

    Options are immutable and hashable, so one value can be shared by every worker of a
    process pool or a Spark job.

    >>> import newsparse
    >>> opts = newsparse.Options(
    ...     lexicon=newsparse.EntityLexicon(people=["Ana Ruiz"], aliases={"AW": "Acme Widgets"}),
    ...     cue_verbs=("bellowed",),
    ... )
    >>> text = 'Team wins\\n\\n"We will win," Ana Ruiz bellowed.'
    >>> a = newsparse.parse_article(text, options=opts)
    >>> [(q.text, q.speaker.name, q.cue.text) for q in a.quotes]
    [('We will win,', 'Ana Ruiz', 'bellowed')]
    """

    lexicon: EntityLexicon | None = attrs.field(default=None, validator=_check_lexicon)
    cue_verbs: tuple[str, ...] = attrs.field(default=(), converter=_words)
    indirect_quotes: bool = attrs.field(default=True, validator=_check_bool)


@functools.lru_cache(maxsize=32)
def build_stages(options: Options) -> tuple[Stage, ...]:
    """Return the default pipeline configured by *options* (cached per options value).

    >>> import newsparse
    >>> newsparse.build_stages(newsparse.Options())[0].__name__
    'split_structure'
    """
    # The stage modules compile their patterns on import: load them on first use only.
    from newsparse.dates import resolve_dates  # noqa: PLC0415
    from newsparse.entities import extract_entities  # noqa: PLC0415
    from newsparse.quotes import extract_quotes  # noqa: PLC0415
    from newsparse.structure import split_structure  # noqa: PLC0415

    if options == Options():
        return (split_structure, resolve_dates, extract_entities, extract_quotes)
    return (
        split_structure,
        resolve_dates,
        functools.partial(extract_entities, lexicon=options.lexicon),
        functools.partial(
            extract_quotes, indirect=options.indirect_quotes, cue_verbs=options.cue_verbs
        ),
    )
