from __future__ import annotations

from typing import Any

import pytest

import newsparse
from newsparse import EntityLexicon, Options, parse_article

STORY = (
    "Council backs new bridge\n\n"
    '"We will build it by spring," Mayor Ana Ruiz bellowed on Tuesday.\n\n'
    "AW, the contractor, said the steel had already been ordered."
)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param(
            None,
            [
                ("We will build it by spring,", None, None),
                ("the steel had already been ordered", "AW", "said"),
            ],
            id="defaults",
        ),
        pytest.param(
            Options(cue_verbs=("bellowed",)),
            [
                ("We will build it by spring,", "Ana Ruiz", "bellowed"),
                ("the steel had already been ordered", "AW", "said"),
            ],
            id="extra-cue-verb",
        ),
        pytest.param(
            Options(cue_verbs="bellowed", indirect_quotes=False),
            [("We will build it by spring,", "Ana Ruiz", "bellowed")],
            id="no-reported-speech",
        ),
    ],
)
def test_quote_options(
    options: Options | None, expected: list[tuple[str, str | None, str | None]]
) -> None:
    article = parse_article(STORY, options=options)
    got = [(q.text, q.speaker and q.speaker.name, q.cue and q.cue.text) for q in article.quotes]
    assert got == expected


def test_lexicon_aliases_and_titles() -> None:
    lexicon = EntityLexicon(
        organisations=["Acme Works"], aliases={"AW": "Acme Works"}, titles=["Alderman"]
    )
    text = STORY.replace("Mayor", "Alderman")
    article = parse_article(text, options=Options(lexicon=lexicon))
    by_name = {e.name: e for e in article.entities}
    assert by_name["Acme Works"].type == "ORG"
    assert [m.text for m in by_name["Acme Works"].mentions] == ["AW"]
    assert by_name["Ana Ruiz"].titles == ("Alderman",)


def test_options_are_hashable_and_cached() -> None:
    a = Options(cue_verbs=("quipped", "bellowed"))
    b = Options(cue_verbs=["bellowed", "quipped"])
    assert a == b
    assert hash(a) == hash(b)
    assert newsparse.build_stages(a) is newsparse.build_stages(b)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        pytest.param({"options": {"cue_verbs": []}}, TypeError, "newsparse.Options", id="dict"),
        pytest.param(
            {"options": Options(), "stages": newsparse.DEFAULT_STAGES},
            ValueError,
            "not both",
            id="options-and-stages",
        ),
    ],
)
def test_bad_options(kwargs: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        parse_article("Title", **kwargs)


def test_cue_verbs_must_be_strings() -> None:
    with pytest.raises(TypeError, match="cue_verbs"):
        Options(cue_verbs=3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"stages": "abc"}, "sequence of functions", id="stages-str"),
        pytest.param({"stages": [1]}, "sequence of functions", id="stages-not-callable"),
        pytest.param(
            {"stages": (lambda _article: None,)},
            "returned NoneType, not an Article",
            id="bad-stage",
        ),
    ],
)
def test_bad_stages(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        parse_article("Title", **kwargs)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"indirect_quotes": "no"}, "indirect_quotes must be True or False", id="bool"),
        pytest.param({"lexicon": {"people": ["A"]}}, "EntityLexicon", id="lexicon-dict"),
    ],
)
def test_bad_option_values(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(TypeError, match=message):
        Options(**kwargs)
