"""Quotes stage: every convention of docs/quotes.md, on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsparse import parse_article
from newsparse.model import Article, Entity, Mention, Quote, Span
from newsparse.quotes import extract_quotes, iter_quotes


def _quotes(text: str, *, indirect: bool = False) -> list[Quote]:
    return list(iter_quotes(text, indirect=indirect))


def _speaker(q: Quote) -> str | None:
    return None if q.speaker is None else q.speaker.text


# -- marks ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param('"We are ready," Ruiz said.', ["We are ready,"], id="straight"),
        pytest.param("“Prices will rise,” Ruiz said.", ["Prices will rise,"], id="curly"),
        pytest.param('"Prices will rise,” Ruiz said.', ["Prices will rise,"], id="straight-curly"),
        pytest.param(
            "“He told me ‘never again’ twice,” Lee said.",
            ["He told me ‘never again’ twice,"],
            id="single-inside-double",
        ),
        pytest.param(
            '“The word "sorry" never came,” Lee said.',
            ['The word "sorry" never came,'],
            id="straight-inside-curly",
        ),
        pytest.param(
            "‘We will not back down’, Mayor Lee says.",
            ["We will not back down"],
            id="headline-single",
        ),
        pytest.param("«We stay», Lee said.", ["We stay"], id="guillemets"),
        pytest.param("„We stay“, Lee said.", ["We stay"], id="low-high"),
        pytest.param(
            "''We are not leaving,'' Mr. Lee said.", ["We are not leaving,"], id="two-apostrophes"
        ),
        pytest.param(
            "“It’s rock ’n’ roll from the ’90s,” Lee said of Hamas’ rise.",
            ["It’s rock ’n’ roll from the ’90s,"],
            id="apostrophes-are-not-marks",
        ),
        pytest.param("Lee’s band played rock ’n’ roll in the ’90s.", [], id="no-quote-at-all"),
        pytest.param(
            "``We are not leaving,''' Mr. Lee said.", ["We are not leaving,"], id="typewriter"
        ),
        pytest.param("Type `ls` first. ``We stay,`` Lee said.", ["We stay,"], id="lone-backticks"),
    ],
)
def test_mark_styles(text: str, expected: list[str]) -> None:
    assert [q.text for q in _quotes(text)] == expected


def test_stray_mark_spoils_nothing_else() -> None:
    text = 'The 6" pipe burst.\n\n"We fixed it," Lee said.\n\n”Odd mark.'
    article = _article(text)
    assert [q.text for q in article.quotes] == ["We fixed it,"]
    assert [d.code for d in article.diagnostics] == ["quote.stray", "quote.unclosed"]


def test_unclosed_quote_gives_a_diagnostic() -> None:
    text = 'Lee said "we will stay.\n\nThe council met. "We fixed it," Lee said.'
    article = _article(text)
    assert [q.text for q in article.quotes if q.kind == "direct"] == ["We fixed it,"]
    assert [d.code for d in article.diagnostics] == ["quote.unclosed"]


def test_closing_mark_missing_before_the_attribution() -> None:
    text = '"We are close, Lee said on Monday.\n\n"We will not sign," said Ruiz.'
    article = _article(text)
    assert [(q.text, _speaker(q), q.rule) for q in article.quotes] == [
        ("We are close,", "Lee", "quote.direct"),
        ("We will not sign,", "Ruiz", "quote.direct"),
    ]
    (diag,) = article.diagnostics
    assert (diag.code, text[diag.start : diag.end]) == ("quote.unclosed", '"We are close, Lee said')


def test_a_mark_between_letters_opens_no_repaired_quote() -> None:
    text = 'Also, some of Venezuela"s heavy grades were outside the system, he said.'
    assert [q.kind for q in _article(text).quotes] == ["indirect"]


# -- kinds ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"One," she said, "two."',
            [("One,", "direct", "she"), ("two.", "direct", "she")],
            id="interrupted",
        ),
        pytest.param(
            'Ruiz said the city has "no money left" for repairs.',
            [("no money left", "partial", "Ruiz")],
            id="partial-in-reported-speech",
        ),
        pytest.param(
            'He described the deal as "a disaster," adding that talks were over.',
            [("a disaster,", "partial", "He")],
            id="partial-described-as",
        ),
        pytest.param(
            'Rebels seized the so-called "green zone" on Monday.', [], id="scare-so-called"
        ),
        pytest.param('She starred in a film called "Fury" last year.', [], id="title-called"),
        pytest.param('He read "War and Peace" twice.', [], id="title-read"),
        pytest.param('The "reform" hurts farmers in the south.', [], id="scare-without-cue"),
        pytest.param(
            'Lee said he would appear on her show, "Morning Talk," on Friday.',
            [],
            id="title-in-apposition",
        ),
        pytest.param(
            '<post author="ana" text="It is safe">\n\n"We are ready," Lee said.',
            [("We are ready,", "direct", "Lee")],
            id="marks-inside-left-over-markup",
        ),
        pytest.param(
            'On July 6, Lee made the following comment: "The bridge is safe."',
            [("The bridge is safe.", "direct", "Lee")],
            id="subject-of-a-light-verb",
        ),
        pytest.param(
            '"We will fight," said the newly appointed minister.',
            [("We will fight,", "direct", "the newly appointed minister")],
            id="adjective-past-form-in-the-speaker",
        ),
        pytest.param(
            'Asked about the series, "It was fun," Lee said.',
            [("It was fun,", "direct", "Lee")],
            id="a-sentence-after-a-title-noun-is-speech",
        ),
        pytest.param(
            'As the storm hit, she put it in the car: "We are leaving."',
            [("We are leaving.", "direct", "she")],
            id="put-it-without-as-before-the-subject",
        ),
        pytest.param(
            'As the mayor put it, "We will rebuild the bridge."',
            [("We will rebuild the bridge.", "direct", "the mayor")],
            id="as-x-put-it",
        ),
        pytest.param("She put it on the table and left.", [], id="put-it-without-as"),
        pytest.param(
            '"You know, I admire Lee," he said, but "on energy he has been wrong for years."',
            [
                ("You know, I admire Lee,", "direct", "he"),
                ("on energy he has been wrong for years.", "direct", "he"),
            ],
            id="second-piece-after-but",
        ),
        pytest.param(
            '"You know, I admire Lee," he said, but "wrong" is the word he used.',
            [("You know, I admire Lee,", "direct", "he"), ("wrong", "partial", "he")],
            id="fragment-after-but-stays-partial",
        ),
        pytest.param(
            '"We are ready," Lee said.\n\n"(LAUGHTER.)"',
            [("We are ready,", "direct", "Lee")],
            id="bracketed-stage-direction",
        ),
        pytest.param(
            "\"We are ready,\" Lee said.\n\n'Legend in the Coal Fields.'\n\nThe mine closed.",
            [("We are ready,", "direct", "Lee")],
            id="quoted-subhead",
        ),
        pytest.param(
            '"We are ready," Lee said.\n\n"Nobody Sleeps Tonight, not one of us."',
            [
                ("We are ready,", "direct", "Lee"),
                ("Nobody Sleeps Tonight, not one of us.", "direct", "Lee"),
            ],
            id="quote-paragraph-not-title-case",
        ),
        pytest.param(
            'Lee dismissed what he called "a witch hunt."',
            [("a witch hunt.", "partial", "he")],
            id="what-he-called-is-speech",
        ),
        pytest.param(
            'Ruiz said: "We are ready for the storm."',
            [("We are ready for the storm.", "direct", "Ruiz")],
            id="said-colon",
        ),
        pytest.param(
            'Ruiz said: "We are ready.\n\n"(CROSSTALK.)\n\n"The storm is coming."',
            [("We are ready.", "direct", "Ruiz"), ("The storm is coming.", "direct", "Ruiz")],
            id="stage-direction-inside-a-multi-paragraph-quote",
        ),
        pytest.param(
            'Ruiz said: "We are ready.\n\n"Follow Ana Ruiz on Twitter @anaruiz.',
            [("We are ready.", "direct", "Ruiz")],
            id="follow-us-line-closing-a-quoted-passage",
        ),
        pytest.param(
            'Kane said, "It felt good.\n\nWe could have scored more." Then he left.',
            [("It felt good.", "direct", "Kane"), ("We could have scored more.", "direct", "Kane")],
            id="quote-running-over-a-line-break-without-a-new-mark",
        ),
        pytest.param(
            '"We will rebuild the port."\n\n— Carla Sanchez, harbor master',
            [("We will rebuild the port.", "direct", "Carla Sanchez")],
            id="dash-signature-on-the-next-line",
        ),
        pytest.param(
            '"PENCE: We will cut taxes.\n\n"But the plan works.\n\n"KAINE: No, it does not."',
            [
                ("We will cut taxes.", "direct", "PENCE"),
                ("But the plan works.", "direct", "PENCE"),
                ("No, it does not.", "direct", "KAINE"),
            ],
            id="quoted-transcript-continued-over-paragraphs",
        ),
        pytest.param(
            "''It is a fine plan,'' Mr. Lee said. ''The real issue is the cost. It is high.''",
            [
                ("It is a fine plan,", "direct", "Mr. Lee"),
                ("The real issue is the cost. It is high.", "direct", "Mr. Lee"),
            ],
            id="typewriter-double-apostrophes-open-a-sentence",
        ),
        pytest.param(
            'Lee said that for voters under 20, "the real jobless rate is 51 percent."',
            [("the real jobless rate is 51 percent.", "partial", "Lee")],
            id="said-that-then-comma-is-partial",
        ),
        pytest.param(
            'The judges agreed that, at this stage, "It is too early to rule."',
            [("It is too early to rule.", "direct", "The judges")],
            id="said-that-then-comma-whole-sentence-is-direct",
        ),
        pytest.param(
            'The council "has run out of money for the bridge," Mayor Ana Ruiz said.',
            [('The council "has run out of money for the bridge,"', "direct", "Mayor Ana Ruiz")],
            id="subject-then-quoted-predicate-is-direct",
        ),
        pytest.param(
            'The "reform" hurts farmers, Lee said.',
            [("reform", "partial", "Lee")],
            id="short-quote-after-subject-stays-partial",
        ),
        pytest.param(
            'But "given the surplus, there is no cause for concern," the report said.',
            [("given the surplus, there is no cause for concern,", "partial", "the report")],
            id="conjunction-then-quote-is-no-subject",
        ),
        pytest.param(
            'Lee said the town has "waited for years. We are done waiting" for the bridge.',
            [("waited for years. We are done waiting", "direct", "Lee")],
            id="fragment-holding-two-sentences-is-direct",
        ),
        pytest.param(
            "The chancellor said the plan was 'dead in the water' after the vote.",
            [("dead in the water", "partial", "The chancellor")],
            id="british-style-single-marks-carry-speech",
        ),
        pytest.param(
            "\"Soon,\" Lee said. The chancellor said the plan was 'dead in the water' now.",
            [("Soon,", "direct", "Lee")],
            id="single-marks-mid-sentence-in-a-double-mark-article",
        ),
        pytest.param(
            'Lee tweeted that, "the jobless rate is 51 percent."',
            [('that, "the jobless rate is 51 percent."', "direct", "Lee")],
            id="said-that-comma-is-the-whole-clause",
        ),
    ],
)
def test_kinds(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert [(q.text, q.kind, _speaker(q)) for q in _quotes(text)] == expected


@pytest.mark.parametrize(
    ("text", "kind", "rule"),
    [
        pytest.param(
            'Lee said that "the bridge will reopen in May."', "direct", "quote.clause", id="that"
        ),
        pytest.param(
            'Lee declared "the bridge will reopen in May."', "direct", "quote.clause", id="cue"
        ),
        pytest.param(
            'Lee said the bridge "will reopen in May."', "partial", "quote.partial", id="fragment"
        ),
    ],
)
def test_whole_clause_in_marks_is_direct(text: str, kind: str, rule: str) -> None:
    (q,) = _quotes(text)
    assert (q.kind, q.rule) == (kind, rule)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'Lee said that "the bridge will reopen in May."',
            ('that "the bridge will reopen in May."', "direct", "quote.clause"),
            id="that-is-kept",
        ),
        pytest.param(
            "Lee tweeted that, “the trucks are out on every road.”",
            ("that, “the trucks are out on every road.”", "direct", "quote.clause"),
            id="that-comma",
        ),
        pytest.param(
            'The senator said he would "introduce a bill in the next session."',
            ('he would "introduce a bill in the next session."', "direct", "quote.clause"),
            id="two-words-before-the-mark",
        ),
        pytest.param(
            'Protesters marched through the streets and chanted "What curfew?" until dawn.',
            ("What curfew?", "direct", "quote.clause"),
            id="chanted-words-are-whole",
        ),
        pytest.param(
            'The senator said the plan, in his view, was "a waste of time and money."',
            ("a waste of time and money.", "partial", "quote.partial"),
            id="more-words-before-stay-partial",
        ),
        pytest.param(
            'Lee said the bridge "will reopen," and left the room without a word.',
            ("will reopen,", "partial", "quote.partial"),
            id="sentence-goes-on",
        ),
    ],
)
def test_quoted_clause_span(text: str, expected: tuple[str, str, str]) -> None:
    quotes = [q for q in _quotes(text, indirect=True) if q.kind != "indirect"]
    assert [(q.text, q.kind, q.rule) for q in quotes] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "In an August speech, Trump attacked “the hateful ideology of radical Islam.”",
            [("the hateful ideology of radical Islam.", "direct", "quote.object", "Trump")],
            id="object-of-a-verb-that-is-no-cue",
        ),
        pytest.param(
            'Another critic likened the rules to "burning the Constitution."',
            [("burning the Constitution.", "direct", "quote.object", None)],
            id="no-named-subject-no-speaker",
        ),
        pytest.param(
            "She missed “the quiet evenings by the old harbour.”",
            [("the quiet evenings by the old harbour.", "direct", "quote.object", "She")],
            id="pronoun-subject",
        ),
        pytest.param('The "reform" hurts farmers in the south.', [], id="scare-quote-goes-on"),
        pytest.param('Farmers hated the "new reform."', [], id="two-words-are-a-scare-quote"),
        pytest.param(
            "The band came back on stage to perform “Takin’ It to the Streets.”",
            [],
            id="title-case-is-a-title",
        ),
    ],
)
def test_quote_closing_a_sentence_without_a_cue(
    text: str, expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert [(q.text, q.kind, q.rule, _speaker(q)) for q in _quotes(text)] == expected


def test_cue_word_before_a_copula_is_a_noun() -> None:
    text = 'President Ana Ruiz said the mayor\'s mental state is "spiraling out of control."'
    assert [(q.text, _speaker(q)) for q in _quotes(text)] == [
        ("spiraling out of control.", "President Ana Ruiz")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "He thanked Stevie Wonder, who joked that the museum was too big.",
            [("that the museum was too big", "who", "Stevie Wonder")],
            id="who-after-a-name",
        ),
        pytest.param(
            'He thanked Stevie Wonder, who joked, "I have not seen it yet, but I will."',
            [("I have not seen it yet, but I will.", "who", "Stevie Wonder")],
            id="who-before-a-direct-quote",
        ),
        pytest.param(
            "She took calls from listeners who said they had doubts about the plan.",
            [("they had doubts about the plan", "who", None)],
            id="who-after-a-noun-has-no-name",
        ),
    ],
)
def test_relative_who_reports_speech(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    quotes = parse_article("Title\n\n" + text).quotes
    got = [(q.text, _speaker(q), q.speaker.name if q.speaker else None) for q in quotes]
    assert got == expected


def test_participle_clause_with_a_partial_quote_after_a_direct_quote() -> None:
    text = (
        '"We see no link to terrorism," the mayor said, adding that it would take '
        '"more hours" before details emerge.'
    )
    got = [(q.kind, q.text, _speaker(q)) for q in _quotes(text, indirect=True)]
    assert got == [
        ("direct", "We see no link to terrorism,", "the mayor"),
        ("indirect", 'that it would take "more hours" before details emerge', "the mayor"),
        ("partial", "more hours", "the mayor"),
    ]


def test_reported_clause_ending_with_its_partial_quote_keeps_the_closing_mark() -> None:
    text = 'Asif warned that Islamabad will respond "in kind" if such incursions continue.'
    got = [(q.kind, q.text) for q in _quotes(text, indirect=True)]
    assert got == [
        ("indirect", 'that Islamabad will respond "in kind"'),
        ("partial", "in kind"),
    ]


def test_relative_who_is_no_speaker_of_a_later_participle() -> None:
    text = (
        "Lee mocked an architect who said he was never paid, saying, "
        "\u201cMaybe he didn\u2019t do a good job.\u201d"
    )
    direct = [q for q in _quotes(text, indirect=True) if q.kind == "direct"]
    assert [(q.text, _speaker(q)) for q in direct] == [("Maybe he didn’t do a good job.", "Lee")]


def test_prepositional_phrase_is_no_speaker() -> None:
    text = "The mayor, who in 2010 said that the bridge was safe, resigned."
    assert [_speaker(q) for q in _quotes(text, indirect=True)] == []


def test_attribution_sentence_with_a_quote_of_its_own_stays_apart() -> None:
    text = (
        'Japan branded the North an "outlaw nation in the neighborhood." '
        'Russia insisted that Pyongyang "stop its dangerous escapades."'
    )
    assert [(q.text, _speaker(q)) for q in _quotes(text)] == [
        ("outlaw nation in the neighborhood.", "Japan"),
        ("stop its dangerous escapades.", "Russia"),
    ]


def test_nickname_in_a_closing_attribution_is_no_quote_of_its_own() -> None:
    text = '"This is a big year!" His niece, Del. Marcia "Cia" Price, shouted to the crowd.'
    assert [(q.text, _speaker(q)) for q in _quotes(text)] == [
        ("This is a big year!", 'His niece, Del. Marcia "Cia" Price')
    ]


def test_partial_quote_takes_its_closing_attribution() -> None:
    text = 'Ruiz said the dam held because "the engineers never slept," Lee said.'
    (q,) = _quotes(text)
    assert (q.text, _speaker(q)) == ("the engineers never slept,", "Lee")


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        pytest.param(
            "Ruiz: Bridge Will Reopen in May", ("Bridge Will Reopen in May", "Ruiz"), id="colon"
        ),
        pytest.param(
            "Mayor Ruiz Says Bridge Will Reopen", ("Bridge Will Reopen", "Mayor Ruiz"), id="says"
        ),
        pytest.param(
            "Economy Will Slow, Fed Chair Warns",
            ("Economy Will Slow", "Fed Chair"),
            id="attribution-closes-the-headline",
        ),
        pytest.param(
            "A lesson from Loretta Lynch: 'Be the voice that people hear.'",
            ("Be the voice that people hear.", "Loretta Lynch"),
            id="words-quoted-whole-after-the-colon",
        ),
        pytest.param(
            "Trump on NATO: 'It's obsolete'",
            ("It's obsolete", "Trump"),
            id="quoted-after-the-colon-name-before-on",
        ),
        pytest.param(
            "COCOA BUFFER STOCK ACCORD CLOSER, DELEGATES SAY",
            ("COCOA BUFFER STOCK ACCORD CLOSER", "DELEGATES"),
            id="wire-headline-in-capitals",
        ),
    ],
)
def test_headline_attribution(headline: str, expected: tuple[str, str]) -> None:
    text = headline + "\n\nThe bridge closed in March."
    article = extract_quotes(
        Article(
            text=text,
            headline=Span.of(text, 0, len(headline)),
            paragraphs=(Span.of(text, len(headline) + 2, len(text)),),
        )
    )
    (q,) = article.quotes
    assert (q.text, _speaker(q), q.rule) == (*expected, "quote.headline")


@pytest.mark.parametrize(
    "headline",
    [
        pytest.param("Interview: The Mayor on the Port", id="interview"),
        pytest.param("Analysis: Why the Bridge Closed", id="analysis"),
        pytest.param("The Latest: Bridge Closes Again", id="the-latest"),
    ],
)
def test_headline_labels_are_no_speakers(headline: str) -> None:
    text = headline + "\n\nThe bridge closed in March."
    article = extract_quotes(
        Article(
            text=text,
            headline=Span.of(text, 0, len(headline)),
            paragraphs=(Span.of(text, len(headline) + 2, len(text)),),
        )
    )
    assert article.quotes == ()


def test_interrupted_pieces_share_a_group() -> None:
    first, second = _quotes('"One," she said, "two."')
    assert first.group is not None
    assert first.group == second.group
    assert first.rule == "quote.direct"
    assert second.rule == "quote.interrupted"


def test_multi_paragraph_quote_is_linked() -> None:
    text = (
        "Lee spoke at length.\n\n"
        '"We waited for years. Nobody came.\n\n'
        '"Now we build it ourselves," said Lee.'
    )
    quotes = _quotes(text)
    assert [(q.text, q.group, _speaker(q)) for q in quotes] == [
        ("We waited for years. Nobody came.", 0, "Lee"),
        ("Now we build it ourselves,", 0, "Lee"),
    ]
    assert quotes[1].rule == "quote.multi-paragraph"


# -- attribution --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "rule"),
    [
        pytest.param('"We are ready," he said.', "he", "said", "quote.direct", id="after"),
        pytest.param(
            '"We are ready," said Ana Ruiz.', "Ana Ruiz", "said", "quote.direct", id="inverted"
        ),
        pytest.param(
            '"We are ready," said the minister, speaking on television.',
            "the minister",
            "said",
            "quote.direct",
            id="inverted-description",
        ),
        pytest.param(
            '"It was a mistake," Kenneth Baer, a former official, said.',
            "Kenneth Baer",
            "said",
            "quote.direct",
            id="apposition",
        ),
        pytest.param(
            '"It was a mistake," Rep. Ann Lee (D-Ohio) told reporters.',
            "Rep. Ann Lee (D-Ohio)",
            "told",
            "quote.direct",
            id="party-tag",
        ),
        pytest.param(
            '"We will win," Lee was quoted as saying.',
            "Lee",
            "was quoted as saying",
            "quote.direct",
            id="quoted-as-saying",
        ),
        pytest.param(
            '"We will win," according to Lee.',
            "Lee",
            "according to",
            "quote.direct",
            id="according-to",
        ),
        pytest.param(
            "Lee wrote in a statement: “We will appeal.”",
            "Lee",
            "wrote",
            "quote.direct",
            id="wrote-in-a-statement",
        ),
        pytest.param(
            "“Build the wall around the stadium.” ― Carla Sanchez",
            "Carla Sanchez",
            None,
            "quote.direct",
            id="dash",
        ),
        pytest.param(
            "“Why did nobody warn us?” Lee asked.", "Lee", "asked", "quote.direct", id="question"
        ),
        pytest.param(
            "Lee tweeted, “Proud of our team tonight.”",
            "Lee",
            "tweeted",
            "quote.direct",
            id="tweeted",
        ),
        pytest.param(
            "“It is an overreach,” Ann Lee, the attorney general of Ohio, one of the states"
            " suing the agency, said on Monday.",
            "Ann Lee",
            "said",
            "quote.direct",
            id="two-appositions-and-a-noun-cue",
        ),
        pytest.param(
            "“Nobody listened to us,” said 9/11 widow Carla Sanchez.",
            "9/11 widow Carla Sanchez",
            "said",
            "quote.direct",
            id="inverted-number-modifier",
        ),
        pytest.param(
            "The ad ends with footage of Lee saying at a rally, “That makes me smart.”",
            "Lee",
            "saying",
            "quote.direct",
            id="participle-takes-the-name-before-it",
        ),
        pytest.param(
            'He instead said: "I took the call."',
            "He",
            "said",
            "quote.direct",
            id="adverb-between-subject-and-cue",
        ),
        pytest.param(
            '"We are close," Sen. James Lankford, R-Okla., the lead negotiator, told reporters.',
            "Sen. James Lankford",
            "told",
            "quote.direct",
            id="party-and-state-then-a-description",
        ),
        pytest.param(
            '"We have crews out," Florida Power & Light spokesman Tom Lee told reporters.',
            "Florida Power & Light spokesman Tom Lee",
            "told",
            "quote.direct",
            id="ampersand-in-the-speaker",
        ),
        pytest.param(
            'In the words of Mark Tedeschi, "the child spent months crying."',
            "Mark Tedeschi",
            "In the words of",
            "quote.direct",
            id="in-the-words-of",
        ),
    ],
)
def test_attribution(text: str, speaker: str, cue: str | None, rule: str) -> None:
    (q,) = _quotes(text)
    assert _speaker(q) == speaker
    assert (None if q.cue is None else q.cue.text) == cue
    assert q.rule == rule


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'Ana Ruiz spoke first. "We are ready," she said. "The trucks are out."',
            [("We are ready,", "she"), ("The trucks are out.", "she")],
            id="next-sentence",
        ),
        pytest.param(
            'Ruiz arrived late. She didn’t say when the bridge would reopen. "We are still'
            ' counting the damage."',
            [("We are still counting the damage.", "She")],
            id="previous-sentence-negated-cue",
        ),
        pytest.param(
            'Ana Ruiz said: \n\n"We are ready for the storm."',
            [("We are ready for the storm.", "Ana Ruiz")],
            id="previous-paragraph-colon",
        ),
        pytest.param(
            "The council weighed this statement by Ana Ruiz on June 11:\n\n"
            '"We are ready for the storm."',
            [("We are ready for the storm.", "Ana Ruiz")],
            id="colon-after-a-statement-by",
        ),
        pytest.param(
            '"The bill is dead," said Thomas "Tip" O\'Neill.',
            [("The bill is dead,", 'Thomas "Tip" O\'Neill')],
            id="nickname-inside-the-speaker",
        ),
        pytest.param(
            '"We won," Lee\'s aide, Del. Ana "Annie" Ruiz, said.',
            [("We won,", "Lee's aide")],
            id="nickname-inside-an-apposition",
        ),
        pytest.param(
            '"We won," the aide, Ana Ruiz, said.',
            [("We won,", "the aide, Ana Ruiz")],
            id="name-in-apposition-to-a-role",
        ),
        pytest.param(
            '"We won," the mayor, a former teacher, said.',
            [("We won,", "the mayor")],
            id="role-with-an-apposition",
        ),
        pytest.param(
            '"We are ready," Ruiz said.\n\n"The trucks are out and the roads are closed."',
            [("We are ready,", "Ruiz"), ("The trucks are out and the roads are closed.", "Ruiz")],
            id="quote-only-paragraph",
        ),
        pytest.param(
            'The bridge is safe, Ruiz said. "We checked every bolt."',
            [("We checked every bolt.", "Ruiz")],
            id="after-reported-speech",
        ),
        pytest.param(
            'When the mayor asked, I laughed and said, "Nobody told us."',
            [("Nobody told us.", "I")],
            id="coordinated-verbs",
        ),
        pytest.param(
            "WALLACE: Do you see those two as equal?\n\nPENCE: I do not.",
            [("Do you see those two as equal?", "WALLACE"), ("I do not.", "PENCE")],
            id="transcript",
        ),
        pytest.param(
            'Prices fell, he said.\n\nOn "Market Watch," Sen. Ana Ruiz (Ohio), who sits on the'
            ' panel, doubted the fall would last. "It will not go on," Ruiz added. "Never."',
            [("It will not go on,", "Ruiz"), ("Never.", "Ruiz")],
            id="named-subject-of-the-sentence-before",
        ),
        pytest.param(
            'Prices fell, he said.\n\nSen. Ana Ruiz (Ohio) doubted the fall would last. "It'
            ' will not go on."',
            [("It will not go on.", "Sen. Ana Ruiz (Ohio)")],
            id="quote-after-a-paraphrase",
        ),
    ],
)
def test_attribution_across_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(q.text, _speaker(q)) for q in _quotes(text)] == expected


# -- reported speech --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The mayor said that the bridge would reopen in May.",
            [("that the bridge would reopen in May", "The mayor", "said")],
            id="said-that",
        ),
        pytest.param(
            "Ruiz said Tuesday the bridge would reopen in May.",
            [("the bridge would reopen in May", "Ruiz", "said")],
            id="said-no-that",
        ),
        pytest.param(
            "The bridge would reopen in May, the mayor said.",
            [("The bridge would reopen in May", "the mayor", "said")],
            id="clause-then-attribution",
        ),
        pytest.param(
            "The bridge would reopen in May, said Ana Ruiz.",
            [("The bridge would reopen in May", "Ana Ruiz", "said")],
            id="clause-then-inverted",
        ),
        pytest.param(
            "According to the ministry, the bridge would reopen in May.",
            [("the bridge would reopen in May", "the ministry", "According to")],
            id="according-to-first",
        ),
        pytest.param(
            "Ruiz told reporters the bridge would reopen in May.",
            [("the bridge would reopen in May", "Ruiz", "told")],
            id="told-reporters",
        ),
        pytest.param(
            "Ruiz spoke for an hour, saying the bridge would reopen in May.",
            [("the bridge would reopen in May", "Ruiz", "saying")],
            id="participle",
        ),
        pytest.param("The said bridge reopened in May.", [], id="said-as-adjective"),
        pytest.param(
            "Ruiz said the mayor was at the bridge, which she was inspecting when it cracked.",
            [
                (
                    "the mayor was at the bridge, which she was inspecting when it cracked",
                    "Ruiz",
                    "said",
                )
            ],
            id="relative-clause-stays-in-the-content",
        ),
        pytest.param(
            "The city says the campaign broke federal and state law by using the photos.",
            [("the campaign broke federal and state law by using the photos", "The city", "says")],
            id="bare-cue-verb-after-and-is-not-a-second-cue",
        ),
        pytest.param(
            "Ruiz said the bridge is safe and warned that the river is rising.",
            [
                ("the bridge is safe", "Ruiz", "said"),
                ("that the river is rising", "Ruiz", "warned"),
            ],
            id="coordinated-second-cue",
        ),
        pytest.param(
            "The river is rising, council members said Friday afternoon, as they met again.",
            [("The river is rising", "council members", "said")],
            id="part-of-day-after-the-cue",
        ),
        pytest.param(
            "Ruiz told Radio Norte’s “Morning Show” on Friday that the bridge would reopen.",
            [("that the bridge would reopen", "Ruiz", "told")],
            id="tell-a-show-in-quotation-marks",
        ),
        pytest.param(
            "Ruiz said that “nobody knows” when the bridge will reopen.",
            [("that “nobody knows” when the bridge will reopen", "Ruiz", "said")],
            id="partial-quote-inside-the-clause",
        ),
        pytest.param(
            "The bridge stayed shut on Sunday, attorneys for the family said.",
            [("The bridge stayed shut on Sunday", "attorneys for the family", "said")],
            id="plural-head-with-a-complement",
        ),
        pytest.param(
            "Experts on Peru and water policy said the dam could fail.",
            [("the dam could fail", "Experts on Peru and water policy", "said")],
            id="coordinated-subject",
        ),
        pytest.param(
            "Ana Ruiz -- the mayor since 2010 -- said the bridge would reopen in May.",
            [("the bridge would reopen in May", "Ana Ruiz", "said")],
            id="apposition-between-dashes",
        ),
        pytest.param(
            "The mayor -- a teacher until 2010 -- said the bridge would reopen in May.",
            [("the bridge would reopen in May", "The mayor", "said")],
            id="role-and-apposition-between-dashes",
        ),
        pytest.param(
            "Ana Ruiz, the head of Ora Media -- a studio in Lima -- said the deal was done.",
            [("the deal was done", "Ana Ruiz", "said")],
            id="name-role-and-apposition-between-dashes",
        ),
        pytest.param(
            "Prime Minister Theresa May said this week that the country would leave.",
            [("that the country would leave", "Prime Minister Theresa May", "said")],
            id="a-name-that-is-also-a-modal",
        ),
        pytest.param(
            "Lee said he had watched the bridge rise and thought of the days before it.",
            [("he had watched the bridge rise and thought of the days before it", "Lee", "said")],
            id="thought-of-is-not-a-second-cue",
        ),
        pytest.param(
            "Republicans said the vote was rigged and Democrats accused them of stalling.",
            [
                ("the vote was rigged", "Republicans", "said"),
                ("them of stalling", "Democrats", "accused"),
            ],
            id="a-new-subject-and-cue-ends-the-clause",
        ),
        pytest.param(
            "The river rose 2 meters overnight, according to local officials.",
            [("The river rose 2 meters overnight", "local officials", "according to")],
            id="according-to-a-lower-case-source",
        ),
        pytest.param(
            "According to a report by the ministry, the river rose 2 meters overnight.",
            [
                (
                    "the river rose 2 meters overnight",
                    "a report by the ministry",
                    "According to",
                )
            ],
            id="according-to-a-source-with-a-complement",
        ),
        pytest.param(
            'Lee said "budget reforms" and new taxes would pay for the bridge.',
            [('"budget reforms" and new taxes would pay for the bridge', "Lee", "said")],
            id="a-clause-that-opens-with-a-partial-quote",
        ),
        pytest.param(
            'The bridge is "perfectly safe," the mayor said.',
            [],
            id="a-partial-quote-before-the-attribution-is-no-clause",
        ),
        pytest.param(
            "She responded that the vote was rigged.",
            [("that the vote was rigged", "She", "responded")],
            id="an-object-cue-before-a-that-clause",
        ),
        pytest.param(
            "The Ledger reports that the bridge will close.",
            [("that the bridge will close", "The Ledger", "reports")],
            id="a-name-reports-that",
        ),
        pytest.param("Lee repeated that claim on Tuesday.", [], id="that-as-a-determiner"),
        pytest.param("The reports that the bridge fell were false.", [], id="reports-as-a-noun"),
        pytest.param(
            "Lee said he and his staff told the mayor the bridge was unsafe.",
            [("he and his staff told the mayor the bridge was unsafe", "Lee", "said")],
            id="compound-subject-in-the-clause",
        ),
        pytest.param('Lee said "we will win" before leaving.', [], id="quote-then-before"),
        pytest.param('He replied "No Comment" Tuesday.', [], id="quote-then-a-day"),
        pytest.param("Everything went according to plan.", [], id="according-to-plan"),
        pytest.param(
            "It went according to schedule, and the bridge reopened.",
            [],
            id="according-to-schedule-and",
        ),
        pytest.param(
            "According to police the bridge was closed for hours, and traffic backed up.",
            [],
            id="according-to-without-a-comma",
        ),
        pytest.param(
            "Lee's posts that the vote was rigged were removed.", [], id="possessive-noun"
        ),
        pytest.param(
            "The bridge is safe, the aide, Ana Ruiz, said.",
            [("The bridge is safe", "the aide, Ana Ruiz", "said")],
            id="role-and-name-after-the-clause",
        ),
        pytest.param(
            "Lee cited the cost of the repairs.",
            [("the cost of the repairs", "Lee", "cited")],
            id="cited-an-object",
        ),
        pytest.param(
            "The mayor closed the bridge, citing the risk of a collapse.",
            [("the risk of a collapse", "The mayor", "citing")],
            id="citing-after-the-main-clause",
        ),
        pytest.param(
            "Democratic presidential nominee Ana Ruiz chimed in, saying the video was painful.",
            [("the video was painful", "Democratic presidential nominee Ana Ruiz", "saying")],
            id="lower-case-title-run-inside-a-name",
        ),
        pytest.param(
            "Ruiz, 56, who has served on the committee for a decade, told reporters that "
            "the plan would fail.",
            [("that the plan would fail", "Ruiz", "told")],
            id="age-in-apposition",
        ),
        pytest.param(
            "Lee claimed that paying no taxes was smart, although he refused to say more.",
            [("that paying no taxes was smart", "Lee", "claimed")],
            id="concessive-clause-is-the-writers",
        ),
        pytest.param(
            "McAuliffe has said about 20 people want the seat, but he refuses to name them.",
            [("about 20 people want the seat", "McAuliffe", "said")],
            id="contrast-after-a-comma-is-the-writers",
        ),
        pytest.param(
            "Ruiz said at a campaign stop in Toledo, Ohio, that the plant would stay open.",
            [("that the plant would stay open", "Ruiz", "said")],
            id="place-phrase-before-that",
        ),
        pytest.param(
            "Ruiz wrote in 2014 for people in that spot.",
            [],
            id="that-as-a-determiner-after-a-place-phrase",
        ),
        pytest.param(
            "Lee said Ruiz has “enormous respect” for the army and his comment was a joke.",
            [
                (
                    "Ruiz has “enormous respect” for the army and his comment was a joke",
                    "Lee",
                    "said",
                )
            ],
            id="noun-comment-before-was-is-no-new-attribution",
        ),
        pytest.param(
            "Lee said the videos are unclear, which he said were taken at night.",
            [("the videos are unclear", "Lee", "said"), ("were taken at night", "he", "said")],
            id="said-before-were-is-still-a-verb",
        ),
        pytest.param(
            "The senator said in a statement to reporters that the bill would pass.",
            [("that the bill would pass", "The senator", "said")],
            id="phrase-with-to-before-that",
        ),
        pytest.param(
            "Lee wrote in an op-ed published Tuesday that the talks had failed.",
            [("that the talks had failed", "Lee", "wrote")],
            id="a-participle-in-the-phrase-before-that",
        ),
        pytest.param(
            "Lee said in a speech at the United Nations General Assembly in New York on "
            "Tuesday that the talks had failed.",
            [("that the talks had failed", "Lee", "said")],
            id="a-long-phrase-before-that",
        ),
        pytest.param(
            "A spokeswoman said via email that the company would appeal.",
            [("that the company would appeal", "A spokeswoman", "said")],
            id="phrase-with-via-before-that",
        ),
        pytest.param(
            "Officials said during a hearing that shelters had opened.",
            [("that shelters had opened", "Officials", "said")],
            id="ing-noun-in-the-phrase-and-a-bare-subject",
        ),
        pytest.param(
            "Officials said at the meeting that 12 people died.",
            [("that 12 people died", "Officials", "said")],
            id="number-opens-the-clause",
        ),
        pytest.param(
            "He spoke at a meeting that was held in May.",
            [],
            id="relative-that-after-a-phrase-is-no-speech",
        ),
        pytest.param(
            "According to the county's emergency office, at least 12 shelters had opened.",
            [("at least 12 shelters had opened", "the county's emergency office", "According to")],
            id="according-to-then-at-least",
        ),
        pytest.param(
            "Police said at least two people were hurt.",
            [("at least two people were hurt", "Police", "said")],
            id="said-at-least",
        ),
        pytest.param(
            "In a 2016 meeting Trump said that the alliance was obsolete.",
            [("that the alliance was obsolete", "Trump", "said")],
            id="opening-phrase-without-comma-is-no-speaker",
        ),
        pytest.param(
            "On February 20 President Jose Sarney said that Brazil would suspend payments.",
            [("that Brazil would suspend payments", "President Jose Sarney", "said")],
            id="opening-date-is-no-part-of-the-speaker",
        ),
        pytest.param(
            "Stocks fell. The Dow fell 102.2 points, or 0.36%, to 27,934.02, the index said.",
            [("The Dow fell 102.2 points, or 0.36%, to 27,934.02", "the index", "said")],
            id="a-cue-word-after-a-count-is-a-noun",
        ),
        pytest.param(
            "The Nasdaq added 20.72 points, or 0.24%, to 8,570.66.",
            [],
            id="added-and-a-count-is-a-gain",
        ),
        pytest.param(
            "In all, the bombings claimed at least 217 lives.",
            [],
            id="at-least-without-a-verb-is-no-clause",
        ),
        pytest.param(
            "Police said 12 people died.",
            [("12 people died", "Police", "said")],
            id="said-and-a-count",
        ),
        pytest.param(
            "Joe Smith, 67, told the council he could not afford another tax increase.",
            [("he could not afford another tax increase", "Joe Smith", "told")],
            id="told-an-object-then-a-pronoun",
        ),
        pytest.param(
            "Smith told the board the plan was dead.",
            [("the plan was dead", "Smith", "told")],
            id="told-an-object-then-an-article",
        ),
        pytest.param(
            "He told a press conference Brazil had to reconsider its plans.",
            [("Brazil had to reconsider its plans", "He", "told")],
            id="told-an-object-then-a-name",
        ),
        pytest.param(
            "Officials told Reuters MHI is the largest shipbuilder.",
            [("MHI is the largest shipbuilder", "Officials", "told")],
            id="told-an-outlet-then-a-name",
        ),
        pytest.param(
            "Volcker warned a further fall might force the Fed to act.",
            [("a further fall might force the Fed to act", "Volcker", "warned")],
            id="warned-a-subject-not-an-object",
        ),
        pytest.param(
            "He warned the Bank may miss the boat.",
            [("the Bank may miss the boat", "He", "warned")],
            id="warned-a-named-subject",
        ),
        pytest.param(
            "Sources said that Britain, France and Spain continue to oppose the tax.",
            [("that Britain, France and Spain continue to oppose the tax", "Sources", "said")],
            id="continue-to-is-no-new-attribution",
        ),
        pytest.param(
            "A spokesperson said only that the figures would be published.",
            [("that the figures would be published", "A spokesperson", "said")],
            id="adverb-before-that",
        ),
        pytest.param(
            "James Lankford, R-Okla., the lead negotiator, said the deal was close.",
            [("the deal was close", "James Lankford", "said")],
            id="party-and-state-apposition",
        ),
        pytest.param(
            "The talks will go on, according to people familiar with the negotiations.",
            [
                (
                    "The talks will go on",
                    "people familiar with the negotiations",
                    "according to",
                )
            ],
            id="according-to-a-source-that-runs-on",
        ),
        pytest.param(
            'Lee called the vote "a disgrace," and walked out.',
            [('the vote "a disgrace,"', "Lee", "called")],
            id="and-a-past-form-is-the-speakers-own-deed",
        ),
        pytest.param(
            "Lee said the bill passed, and the Senate agreed.",
            [("the bill passed", "Lee", "said")],
            id="and-a-new-subject-ends-at-the-comma-too",
        ),
        pytest.param(
            "The Trump campaign called the charges unsubstantiated.",
            [("the charges unsubstantiated", "The Trump campaign", "called")],
            id="called-after-a-phrase-with-a-name",
        ),
        pytest.param(
            "Ana Moore, a senior adviser, called the remarks a wake-up call.",
            [("the remarks a wake-up call", "Ana Moore", "called")],
            id="called-after-a-name-and-its-apposition",
        ),
        pytest.param("His surrogates called him a genius.", [], id="called-after-a-noun"),
        pytest.param(
            "Crane officials didn't return phone calls seeking comment.",
            [],
            id="calls-after-a-noun-is-a-noun",
        ),
        pytest.param(
            "She pointed out that the bill had failed.",
            [("that the bill had failed", "She", "pointed")],
            id="pointed-out-that",
        ),
        pytest.param(
            "Oz said in an interview that aired on Thursday, and was light on details.",
            [],
            id="relative-that-after-an-interview",
        ),
        pytest.param("Lee said on Twitter.", [], id="on-a-platform-is-no-clause"),
        pytest.param(
            "She called into the radio program when she was home sick.",
            [],
            id="called-into-is-a-phone-call",
        ),
        pytest.param(
            "Dauster said on his return from London that no decisions would be made.",
            [("that no decisions would be made", "Dauster", "said")],
            id="quantifier-opens-the-clause",
        ),
        pytest.param(
            "The judge ruled that the law was unconstitutional.",
            [("that the law was unconstitutional", "The judge", "ruled")],
            id="ruled-that",
        ),
        pytest.param("He ruled out a run for office.", [], id="ruled-out-is-no-speech"),
        pytest.param("Smith pleaded not guilty.", [], id="a-plea-is-no-speech"),
        pytest.param(
            "Smith pleaded with the court to show mercy.",
            [("the court to show mercy", "Smith", "pleaded")],
            id="pleaded-with",
        ),
        pytest.param(
            "She says this winter is the worst she has seen.",
            [("this winter is the worst she has seen", "She", "says")],
            id="a-time-that-is-the-subject-is-kept",
        ),
        pytest.param(
            "According to the team's coach, Ali Mehr, in their first match, the robot won.",
            [
                (
                    "in their first match, the robot won",
                    "the team's coach, Ali Mehr",
                    "According to",
                )
            ],
            id="according-to-a-role-and-its-name-then-a-phrase",
        ),
        pytest.param(
            "According to press reports, Caridad Gonzalez, the eldest, came first.",
            [("Caridad Gonzalez, the eldest, came first", "press reports", "According to")],
            id="according-to-then-a-named-subject",
        ),
        pytest.param(
            "He used the Scientology device called the E-meter to test them.",
            [],
            id="a-device-called-is-a-name-given",
        ),
        pytest.param(
            "In Italy, several towns have started asking schools to pay taxes.",
            [("schools to pay taxes", "several towns", "asking")],
            id="an-auxiliary-ends-the-subject",
        ),
        pytest.param("In his opening remarks, Lee thanked voters.", [], id="his-remarks-noun"),
        pytest.param(
            "The wife recorded her pleading with officers not to shoot.",
            [("officers not to shoot", "The wife", "pleading")],
            id="her-is-no-possessive-before-a-cue",
        ),
        pytest.param(
            "AT&T said it would appeal.",
            [("it would appeal", "AT&T", "said")],
            id="ampersand-in-a-name",
        ),
        pytest.param(
            'The Bank of England raised rates on Thursday, saying inflation was "far too high".',
            [('inflation was "far too high"', "The Bank of England", "saying")],
            id="past-form-after-a-name-ends-the-subject",
        ),
    ],
)
def test_reported_speech(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [
        (q.text, _speaker(q), None if q.cue is None else q.cue.text)
        for q in _quotes(text, indirect=True)
        if q.kind == "indirect"
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("She called for", [], id="called-for"),
        pytest.param("Lee called on", [], id="called-on"),
        pytest.param(
            "The plan was late, she called for", ["The plan was late"], id="after-a-clause"
        ),
    ],
)
def test_a_cue_and_preposition_that_end_the_text(text: str, expected: list[str]) -> None:
    # these raised IndexError: the skip over "for"/"on" ran past the end of the sentence
    assert [q.text for q in _quotes(text, indirect=True)] == expected
    article = parse_article(f"Headline\n\n{text}")
    assert [q.text for q in article.quotes] == expected
    assert [d.code for d in article.diagnostics if d.severity == "error"] == []


def test_indirect_can_be_switched_off() -> None:
    text = "The mayor said that the bridge would reopen in May."
    assert _quotes(text, indirect=False) == []


# -- resolution ---------------------------------------------------------------------------------


def _article(text: str, entities: tuple[Entity, ...] = ()) -> Article:
    paragraphs = tuple(Span.of(text, s, e) for s, e in _blocks(text))
    return extract_quotes(Article(text=text, paragraphs=paragraphs, entities=entities))


def _blocks(text: str) -> list[tuple[int, int]]:
    from newsparse._text import iter_blocks  # noqa: PLC0415 - test helper

    return list(iter_blocks(text))


def test_pronoun_resolves_to_the_entity_and_is_added_as_a_mention() -> None:
    text = 'Interior Minister Ana Ruiz visited Kabul.\n\n"We are ready," she said.'
    ruiz = Entity(
        "e1", "Ana Ruiz", "PER", (Mention(18, 26, "Ana Ruiz"),), titles=("Interior Minister",)
    )
    article = _article(text, (ruiz,))
    (q,) = article.quotes
    assert q.speaker is not None
    assert (q.speaker.text, q.speaker.name, q.speaker.entity) == ("she", "Ana Ruiz", "e1")
    (entity,) = article.entities
    assert [m.kind for m in entity.mentions] == ["name", "pronoun"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            'Interior Minister Ana Ruiz visited Kabul.\n\n"We are ready," the minister said.',
            "Ana Ruiz",
            id="role-description",
        ),
        pytest.param(
            'Interior Minister Ana Ruiz visited Kabul.\n\n"We are ready," Ruiz said.',
            "Ana Ruiz",
            id="surname",
        ),
        pytest.param(
            'Ana Ruiz met Tom Lee.\n\nLee said the talks failed. "We tried," he said.',
            "Tom Lee",
            id="pronoun-most-recent-speaker",
        ),
    ],
)
def test_names_without_entities(text: str, name: str) -> None:
    quotes = [q for q in _article(text).quotes if q.kind == "direct"]
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.name == name


def test_possessor_speaks_a_partial_quote() -> None:
    text = (
        "Responding to former President Tom Lee’s comments suggesting troops should "
        '"leave at once," Ruiz said no such plan existed.'
    )
    (q,) = [q for q in _quotes(text) if q.kind == "partial"]
    assert q.speaker is not None
    assert (q.text, q.speaker.text, q.speaker.name) == (
        "leave at once,",
        "President Tom Lee",
        "Tom Lee",
    )


# -- seed -------------------------------------------------------------------------------------


def test_seed_quotes_and_speakers(seed_text: str) -> None:
    article = parse_article(seed_text)
    marked = [q for q in article.quotes if q.kind != "indirect"]
    assert len(marked) == 24
    assert sum(q.kind == "partial" for q in marked) == 9
    names = {q.speaker.name for q in marked if q.speaker is not None}
    assert names == {"Khawaja Muhammad Asif", "Donald Trump"}
    (trump,) = [q for q in marked if q.speaker and q.speaker.name == "Donald Trump"]
    assert trump.text == "dismantle Hamas,"


def test_offsets_are_lossless(seed_text: str) -> None:
    for q in parse_article(seed_text).quotes:
        assert seed_text[q.start : q.end] == q.text
        if q.speaker is not None:
            assert seed_text[q.speaker.start : q.speaker.end] == q.speaker.text


# -- tokens: the fast path for common characters splits exactly like the `regex` pattern ------

_COMMON_CHARS = [chr(c) for c in (*range(0x100), *range(0x2000, 0x2070))]


@pytest.mark.parametrize(
    "template",
    [
        pytest.param("{c}", id="alone"),
        pytest.param("a{c}b", id="inside-word"),
        pytest.param("{c}a ", id="before-word"),
        pytest.param(" a{c}", id="after-word"),
        pytest.param("U.S.{c}x", id="after-dotted"),
        pytest.param("a.{c}b", id="after-dot"),
        pytest.param("1,{c}{c}2", id="doubled"),
        pytest.param("rock’n{c}roll", id="apostrophes"),
    ],
)
def test_common_character_split_matches_the_token_pattern(template: str) -> None:
    from newsparse.quotes import _TOKEN_SPLIT, _common_split  # noqa: PLC0415 - private check

    fast = _common_split()
    differ = [
        c
        for c in _COMMON_CHARS
        if fast.split(template.format(c=c)) != _TOKEN_SPLIT.split(template.format(c=c))
    ]
    assert differ == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Gov. Ana Ruiz’s aide said: “It’s over.”",
            ["Gov", ".", "Ana", "Ruiz’s", "aide", "said", ":", "“", "It’s", "over", ".", "”"],
            id="curly-common",
        ),
        pytest.param(
            "Zoë Ærø said it — twice…",
            ["Zoë", "Ærø", "said", "it", "—", "twice", "…"],
            id="latin-1",
        ),
        pytest.param(
            "Иван Петров said 1.5 ½",
            ["Иван", "Петров", "said", "1.5", "½"],
            id="cyrillic-uses-regex",
        ),
        pytest.param("Cafe\u0301 e\u0301clair", ["Cafe\u0301", "e\u0301clair"], id="marks"),
    ],
)
def test_tokens(text: str, expected: list[str]) -> None:
    from newsparse.quotes import _tokens  # noqa: PLC0415 - private check

    toks = _tokens(text, 0, len(text))
    assert toks.text == expected
    assert [text[s:e] for s, e in zip(toks.start, toks.end, strict=True)] == expected


def test_speaker_is_the_entity_named_not_a_namesake() -> None:
    text = (
        "Protests grow in Seoul\n\nBy Stella Kim\n\nSEOUL — Protests grew on Friday.\n\n"
        '"Resign now," Seoul resident Margie Kim said.'
    )
    article = parse_article(text)
    [quote] = [q for q in article.quotes if q.kind == "direct"]
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.name) == ("Seoul resident Margie Kim", "Margie Kim")
    entity = article.entity(quote.speaker.entity or "")
    assert entity is not None
    assert entity.name == "Margie Kim"


@pytest.mark.parametrize(
    ("text", "cue_verbs", "expected"),
    [
        pytest.param(
            "Mayor Ana Ruiz bellowed that the budget was a joke.",
            ("bellowed",),
            [("that the budget was a joke", "Mayor Ana Ruiz", "bellowed")],
            id="ascii-extra-cue",
        ),
        pytest.param("Mayor Ana Ruiz bellowed that the budget was a joke.", (), [], id="not-a-cue"),
        pytest.param(
            "The senator pooh-poohed that the plan would cost jobs.",
            ("pooh-poohed",),
            [("that the plan would cost jobs", "The senator", "pooh-poohed")],
            id="hyphenated-extra-cue",
        ),
        pytest.param(
            "Der Minister äußerte, the plan would fail.",
            ("äußerte",),
            [("the plan would fail", "Der Minister", "äußerte")],
            id="accented-extra-cue",
        ),
    ],
)
def test_extra_cue_verbs_start_reported_speech(
    text: str, cue_verbs: tuple[str, ...], expected: list[tuple[str, str, str]]
) -> None:
    quotes = list(iter_quotes(text, cue_verbs=cue_verbs))
    assert [(q.text, _speaker(q), q.cue.text if q.cue else None) for q in quotes] == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param(
            'Mayor Ana Ruiz met Gov. John Smith on Monday. "We agreed," she said.',
            "Ana Ruiz",
            id="she-skips-a-man-named-later",
        ),
        pytest.param(
            'Gov. John Smith met Mayor Ana Ruiz on Monday. "We agreed," he said.',
            "John Smith",
            id="he-skips-a-woman-named-later",
        ),
        pytest.param(
            'Mrs. Lee met Mr. Park on Monday. "We agreed," she said.', "Lee", id="honorifics"
        ),
        pytest.param(
            'Mayor Ana Ruiz met Sen. Taylor Quinn on Monday. "We agreed," she said.',
            "Taylor Quinn",
            id="unknown-gender-fits-either",
        ),
    ],
)
def test_pronoun_goes_to_the_nearest_compatible_person(text: str, name: str) -> None:
    article = parse_article("Leaders meet\n\n" + text)
    [quote] = article.quotes
    assert quote.speaker is not None
    assert quote.speaker.name == name


@pytest.mark.parametrize(
    "template",
    [
        pytest.param("Go{c} Now", id="after-word"),
        pytest.param("Go.{c} Now", id="after-dot"),
        pytest.param("Go{c}{c}{c} Ann", id="run"),
        pytest.param("Go. {c}Ann", id="before-capital"),
        pytest.param("Go.” {c}A", id="after-closing-mark"),
        pytest.param("x {c}. 9 {c}", id="before-dot"),
        pytest.param("No?!{c} “{c}Yes", id="mixed-run"),
    ],
)
def test_common_boundary_matches_the_regex_pattern(template: str) -> None:
    from newsparse._sentences import _BOUNDARY, _common_boundary  # noqa: PLC0415 - private check

    fast = _common_boundary()
    differ = [
        c
        for c in _COMMON_CHARS
        if c != "\n"
        and [m.span() for m in fast.finditer(template.format(c=c))]
        != [m.span() for m in _BOUNDARY.finditer(template.format(c=c))]
    ]
    assert differ == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("It rained. Lee said it rained.", ["said"], id="one"),
        pytest.param("Said Lee: they told us. SAID!", ["Said", "told", "SAID"], id="any-case"),
        pytest.param("He-said, she-said; saidx said", ["said", "said", "said"], id="word-parts"),
        pytest.param("Zoë said ½ — Ана said", ["said", "said"], id="non-ascii"),
        pytest.param("It rained all day.", [], id="none"),
    ],
)
def test_cue_starts_find_the_words_has_cue_looks_for(text: str, expected: list[str]) -> None:
    from newsparse.quotes import _cue_starts, _has_cue  # noqa: PLC0415 - private check

    starts = _cue_starts(text, 0, len(text))
    assert starts is not None
    assert [text[p : p + len(w)] for p, w in zip(starts, expected, strict=True)] == expected
    ends = [p + len(w) for p, w in zip(starts, expected, strict=True)]
    assert not any(text[e : e + 1].isalnum() for e in ends)
    assert _has_cue(text, 0, len(text)) == bool(expected)


def test_cue_starts_defer_to_has_cue_on_letters_that_fold_to_ascii() -> None:
    from newsparse.quotes import _cue_starts  # noqa: PLC0415 - private check

    assert _cue_starts("Straße said", 0, 11) is None


def test_a_direct_quote_never_holds_another_quote() -> None:
    # found by the fuzzer: a reported clause whose lead holds a single-quoted fragment
    text = (
        "Talks resume\n\ufffdBy Ana Ruiz\n\nBERL said.\n\n\ufffd\ufffd\ufffdWe are ready,\u201d"
        ' Omar told r\u201d"\u2018\u2019\u200d\ufffd"\u00ab\u2018\u00ab\u2018\ufffd,'
        '\ufffd\ufffdfter a long pause," Ruiz said.'
    )
    quotes = parse_article(text).quotes
    for q in quotes:
        for other in quotes:
            if other is not q and q.start <= other.start and other.end <= q.end:
                assert q.kind == "indirect", (q, other)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Keir Starmer spoke on Monday. A Downing Street spokeswoman said Starmer would "
            'act within days. "He has full confidence in the team," she said.',
            [("A Downing Street spokeswoman", None), ("she", None)],
            id="she-is-the-unnamed-spokeswoman",
        ),
        pytest.param(
            "Finance Minister Domingo Cordovez said talks had begun. A senior official said "
            'payments would stop. "It is a cash problem," the official said. He said banks had '
            "been told.",
            [
                ("Finance Minister Domingo Cordovez", "Domingo Cordovez"),
                ("A senior official", None),
                ("the official", None),
                ("He", None),
            ],
            id="the-official-and-he-are-the-unnamed-official",
        ),
        pytest.param(
            "Donald Trump spoke in Ohio. The New York businessman said the state was his. "
            '"We will win big," he said.',
            [("The New York businessman", None), ("he", "Donald Trump")],
            id="a-definite-description-is-no-new-unnamed-speaker",
        ),
        pytest.param(
            'Mayor Ana Ruiz said Taylor Quinn would run. "We agreed," she said.',
            [("Mayor Ana Ruiz", "Ana Ruiz"), ("she", "Ana Ruiz")],
            id="the-last-speaker-known-to-fit-beats-a-name-of-unknown-gender",
        ),
    ],
)
def test_speakers_described_but_never_named(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    article = parse_article("Headline\n\n" + text)
    got = [(q.speaker.text, q.speaker.name) for q in article.quotes if q.speaker is not None]
    assert sorted(set(got)) == sorted(set(expected))


def test_speakers_with_one_last_word_are_not_one_person() -> None:
    text = "South Korea said the broadcasts would go on. North Korea said it would attack them."
    got = [(q.speaker.text, q.speaker.name) for q in _quotes(text, indirect=True) if q.speaker]
    assert got == [("South Korea", "South Korea"), ("North Korea", "North Korea")]


def test_a_passive_cue_gives_no_speaker_of_its_own() -> None:
    text = (
        'According to Yonhap, the military has been told to prepare a "quasi-state of war" '
        "by Friday."
    )
    speakers = {q.speaker.text for q in _quotes(text, indirect=True) if q.speaker is not None}
    assert speakers == {"Yonhap"}


def test_a_quote_that_opens_in_lower_case_starts_a_sentence() -> None:
    text = (
        '"We are pleased," Tim Cook told analysts on a call. "iPhone 16 is off to a great start."'
    )
    got = [(q.text, q.rule, _speaker(q)) for q in _quotes(text)]
    assert got == [
        ("We are pleased,", "quote.direct", "Tim Cook"),
        ("iPhone 16 is off to a great start.", "quote.continued", "Tim Cook"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'Analysts wrote in a note that the results were "solid but unspectacular."',
            [("solid but unspectacular.", "partial", "Analysts")],
            id="a-note-is-no-cue",
        ),
    ],
)
def test_a_cue_word_after_an_article_or_possessive_is_a_noun(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    got = [(q.text, q.kind, _speaker(q)) for q in _quotes(text) if q.kind != "indirect"]
    assert got == expected
