"""Entities stage: one table per phenomenon, on sentences written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

import newsparse
from newsparse._names import CAP, INITIAL, POSS, UPPER, Tokens, _add_slow, tokenize
from newsparse.entities import EntityLexicon, _gazetteer, extract_entities, iter_mentions
from newsparse.model import Article, Entity, Mention


def _entities(text: str, lexicon: EntityLexicon | None = None) -> tuple[Entity, ...]:
    return extract_entities(Article(text), lexicon=lexicon).entities


def _by_name(text: str, name: str) -> Entity:
    found = [e for e in _entities(text) if e.name == name]
    assert len(found) == 1, [(e.name, e.type) for e in _entities(text)]
    return found[0]


def _named(entity: Entity) -> list[str]:
    return [m.text for m in entity.mentions if m.kind != "nominal"]


# --- people: titles, honorifics and roles split off ------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "titles", "affiliation"),
    [
        pytest.param(
            "Pakistan's Defense Minister Khawaja Muhammad Asif spoke on Monday.",
            "Khawaja Muhammad Asif",
            ("Defense Minister",),
            "Pakistan",
            id="possessive-country-and-title",
        ),
        pytest.param(
            "Pakistan's Defense Minister and former Foreign Minister Khawaja Muhammad Asif "
            "arrived in Moscow.",
            "Khawaja Muhammad Asif",
            ("Defense Minister", "former Foreign Minister"),
            "Pakistan",
            id="coordinated-titles",
        ),
        pytest.param(
            "Chief Financial Officer Kevan Parekh said revenue would grow.",
            "Kevan Parekh",
            ("Chief Financial Officer",),
            None,
            id="chief-financial-officer",
        ),
        pytest.param(
            "Labour MP Diane Abbott told the Commons she was worried.",
            "Diane Abbott",
            ("Labour MP",),
            None,
            id="british-mp",
        ),
        pytest.param(
            "AP Economics Writer Paul Wiseman contributed to this report.",
            "Paul Wiseman",
            ("AP Economics Writer",),
            "Associated Press",
            id="capitalised-writer-before-a-name",
        ),
        pytest.param(
            "The plan drew criticism from former U.S. President Donald Trump on Friday.",
            "Donald Trump",
            ("former U.S. President",),
            "United States",
            id="former-us-president",
        ),
        pytest.param(
            "Mr. Alain Dupont met the mayor on Tuesday.",
            "Alain Dupont",
            ("Mr.",),
            None,
            id="mr",
        ),
        pytest.param(
            "Mrs. Maria Lopez and her husband left early.", "Maria Lopez", ("Mrs.",), None, id="mrs"
        ),
        pytest.param(
            "The report was written by Dr. Anthony Fauci on Monday.",
            "Anthony Fauci",
            ("Dr.",),
            None,
            id="dr-and-no-day-in-name",
        ),
        pytest.param(
            "Gen. Mark Milley said the drills would go on.",
            "Mark Milley",
            ("Gen.",),
            None,
            id="gen",
        ),
        pytest.param(
            "Sen. Thom Tillis (R-N.C.) said the bill would pass.",
            "Thom Tillis",
            ("Sen.",),
            "Republican Party",
            id="sen-with-party-state",
        ),
        pytest.param(
            '"We want this fixed," said Sen. Kyrsten Sinema, I-Ariz.',
            "Kyrsten Sinema",
            ("Sen.",),
            "independent",
            id="party-state-ending-the-sentence",
        ),
        pytest.param(
            "Rep. Alma Adams (D-N.C.) voted against it.",
            "Alma Adams",
            ("Rep.",),
            "Democratic Party",
            id="rep-with-party-state",
        ),
        pytest.param(
            "Sen. Marco Rubio, R-Fla., criticized the meeting.",
            "Marco Rubio",
            ("Sen.",),
            "Republican Party",
            id="sen-with-comma-party-state",
        ),
        pytest.param(
            "Rep. Ana Ruiz (D-San Diego) voted against it.",
            "Ana Ruiz",
            ("Rep.",),
            "Democratic Party",
            id="party-and-district",
        ),
        pytest.param(
            "Sheikh Tamim bin Hamad Al Thani received the envoy.",
            "Tamim bin Hamad Al Thani",
            ("Sheikh",),
            None,
            id="sheikh-with-particles",
        ),
        pytest.param(
            "President Emmanuel Macron called for calm.",
            "Emmanuel Macron",
            ("President",),
            None,
            id="president",
        ),
        pytest.param(
            "Prime Minister Narendra Modi visited the site.",
            "Narendra Modi",
            ("Prime Minister",),
            None,
            id="prime-minister",
        ),
        pytest.param(
            "Israel's defense minister Yoav Gallant met the envoys.",
            "Yoav Gallant",
            ("defense minister",),
            "Israel",
            id="lower-case-title",
        ),
        pytest.param(
            "The film stars actor Tom Hanks as a pilot.",
            "Tom Hanks",
            ("actor",),
            None,
            id="role",
        ),
        pytest.param(
            "Secretary of State John Kerry met the envoy.",
            "John Kerry",
            ("Secretary of State",),
            None,
            id="title-with-of",
        ),
        pytest.param(
            "District Attorney Ana Ruiz filed the charges on Monday.",
            "Ana Ruiz",
            ("District Attorney",),
            None,
            id="district-attorney",
        ),
        pytest.param(
            "Martin Luther King Jr. led the march.",
            "Martin Luther King Jr",
            (),
            None,
            id="surname-like-a-title-before-a-suffix",
        ),
        pytest.param(
            "The train stopped. Witness Ana Lopez said she saw the car.",
            "Ana Lopez",
            ("Witness",),
            None,
            id="role-opening-the-sentence",
        ),
        pytest.param(
            "Her neighbor, Sen. John Park, remembers the flood.",
            "John Park",
            ("Sen.",),
            None,
            id="surname-that-is-a-place-word",
        ),
        pytest.param(
            "Sen. Jane Green of Ohio voted against the bill.",
            "Jane Green",
            ("Sen.",),
            "Ohio",
            id="title-name-of-state",
        ),
        pytest.param(
            "Professor Ana Ruiz of Lakeside University led the study.",
            "Ana Ruiz",
            ("Professor",),
            "Lakeside University",
            id="title-name-of-university",
        ),
        pytest.param(
            "Minister of Education Stefania Rinaldi defended the reform.",
            "Stefania Rinaldi",
            ("Minister of Education",),
            None,
            id="minister-of-portfolio",
        ),
        pytest.param(
            "Health Secretary Sajid Javid spoke.",
            "Sajid Javid",
            ("Health Secretary",),
            None,
            id="portfolio-secretary",
        ),
        pytest.param(
            "The letter reached Ms Lopez on Friday.", "Lopez", ("Ms",), None, id="ms-without-period"
        ),
        pytest.param(
            "Khawaja Asif, Pakistan's defense minister, said the talks failed.",
            "Khawaja Asif",
            ("defense minister",),
            "Pakistan",
            id="appositive-with-owner",
        ),
        pytest.param(
            "Jane Okoro, 45, a spokeswoman for the ministry, declined to comment.",
            "Jane Okoro",
            ("spokeswoman",),
            None,
            id="appositive-after-age",
        ),
        pytest.param(
            "Tom Baker, the former mayor of the town, spoke.",
            "Tom Baker",
            ("former mayor",),
            None,
            id="appositive-former",
        ),
        pytest.param(
            "Republican Donald Trump spoke first.",
            "Donald Trump",
            ("Republican",),
            None,
            id="party-before-name",
        ),
        pytest.param(
            "Shadow Home Secretary Yvonne Carter criticised the plan.",
            "Yvonne Carter",
            ("Shadow Home Secretary",),
            None,
            id="unknown-modifier-before-title",
        ),
        pytest.param(
            "Delegate Ana Ruiz voted against the bill.",
            "Ana Ruiz",
            ("Delegate",),
            None,
            id="delegate",
        ),
    ],
)
def test_titles_split_off(
    text: str, name: str, titles: tuple[str, ...], affiliation: str | None
) -> None:
    person = _by_name(text, name)
    assert person.type == "PER"
    assert person.titles == titles
    assert person.affiliation == affiliation
    assert _named(person)[0] == name


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        pytest.param("Pakistan's army moved.", ["Pakistan"], id="straight-s"),
        pytest.param("Pakistan’s army moved.", ["Pakistan"], id="curly-s"),
        pytest.param("Hamas’ leaders met.", ["Hamas"], id="s-apostrophe"),
        pytest.param("Hamas' leaders met.", ["Hamas"], id="s-straight-apostrophe"),
        pytest.param("PAKISTAN'S ARMY MOVES", ["PAKISTAN"], id="all-caps-s"),
        pytest.param(
            "Donald Trump’s comments were criticised.", ["Donald Trump"], id="person-possessive"
        ),
    ],
)
def test_possessives_stay_outside(text: str, mentions: list[str]) -> None:
    assert [m.text for m in iter_mentions(text)] == mentions


# --- people: later mentions join the full name -------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        pytest.param(
            "Ana Ruiz won the vote. Ruiz said she was pleased.",
            "Ana Ruiz",
            ["Ana Ruiz", "Ruiz"],
            id="surname",
        ),
        pytest.param(
            "Ruiz thanked voters, said Ana Ruiz, the new mayor. Later Ruiz left.",
            "Ana Ruiz",
            ["Ruiz", "Ana Ruiz", "Ruiz"],
            id="surname-before-full-name",
        ),
        pytest.param(
            "Daniel Okafor joined in 2010. Friends called Daniel a loyal colleague.",
            "Daniel Okafor",
            ["Daniel Okafor", "Daniel"],
            id="first-name",
        ),
        pytest.param(
            "Mr. Alain Juppé met reporters. Juppe said the talks went well.",
            "Alain Juppé",
            ["Alain Juppé", "Juppe"],
            id="without-diacritics",
        ),
        pytest.param(
            "Former Foreign Minister Sergei Lavrov spoke; Lavrov’s aides agreed.",
            "Sergei Lavrov",
            ["Sergei Lavrov", "Lavrov"],
            id="possessive-surname",
        ),
        pytest.param(
            "Ben Chan and Gary Chan spoke. Ben Chan left first, then Chan said goodbye.",
            "Ben Chan",
            ["Ben Chan", "Ben Chan", "Chan"],
            id="shared-surname-goes-to-the-latest",
        ),
        pytest.param(
            "Robert Downey Jr. starred in the film. Downey won the award.",
            "Robert Downey Jr",
            ["Robert Downey Jr", "Downey"],
            id="surname-before-a-suffix",
        ),
    ],
)
def test_short_mentions_join_the_full_name(text: str, name: str, mentions: list[str]) -> None:
    assert _named(_by_name(text, name)) == mentions


@pytest.mark.parametrize(
    ("text", "name", "nominal"),
    [
        pytest.param(
            "Defense Minister Khawaja Asif spoke. The minister said talks failed.",
            "Khawaja Asif",
            "The minister",
            id="the-minister",
        ),
        pytest.param(
            "President Joe Biden will decide. The president declined to comment.",
            "Joe Biden",
            "The president",
            id="the-president",
        ),
        pytest.param(
            "Prime Minister Narendra Modi visited. The prime minister left on Tuesday.",
            "Narendra Modi",
            "The prime minister",
            id="with-modifier",
        ),
        pytest.param(
            "Défense Minister Khawaja Asif spoke. The ministér said talks failed.",
            "Khawaja Asif",
            "The ministér",
            id="accented-title-word",
        ),
        pytest.param(
            "Mayor Ana Ruiz spoke. “The mayor is right,” said a resident of Juárez.",
            "Ana Ruiz",
            "The mayor",
            id="curly-quotes-and-accents",
        ),
    ],
)
def test_nominal_mentions(text: str, name: str, nominal: str) -> None:
    person = _by_name(text, name)
    assert [(m.text, m.rule) for m in person.mentions if m.kind == "nominal"] == [
        (nominal, "entity.nominal")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Ngozi said the plan would work.", [("Ngozi", "PER")], id="speaker"),
        pytest.param(
            "The record shows that Okafor testified twice.", [("Okafor", "PER")], id="testified"
        ),
        pytest.param("Officials said the plan would work.", [], id="plural-speaker"),
        pytest.param("Yesterday the plan failed.", [], id="common-word"),
    ],
)
def test_sentence_initial_single_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.name, e.type) for e in _entities(text)] == expected


def test_one_name_typed_two_ways_is_one_entity() -> None:
    text = "The Retired Warriors Trust met. Later Retired Warriors Trust said it would appeal."
    assert [(e.name, e.type, len(e.mentions)) for e in _entities(text)] == [
        ("Retired Warriors Trust", "ORG", 2)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Later, the Obama administration said more, and Lee agreed with Obama.",
            [("Obama", "PER", 2), ("Lee", "PER", 1)],
            id="the-x-administration-is-a-person",
        ),
        pytest.param(
            "Lee won two state Senate races in a white district.",
            [("Senate", "ORG", 1)],
            id="lower-case-title-before-an-institution",
        ),
    ],
)
def test_context_types(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert [(e.name, e.type, len(e.mentions)) for e in _entities(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Donald J. Trump spoke. Later, Donald Trump left.",
            [("Donald J. Trump", "PER", 2)],
            id="a-middle-initial-is-the-same-person",
        ),
        pytest.param(
            "George W. Bush met George H. W. Bush.",
            [("George W. Bush", "PER", 1), ("George H. W. Bush", "PER", 1)],
            id="other-initials-are-another-person",
        ),
        pytest.param(
            "Apple Inc. reported revenue. Apple shares rose.",
            [("Apple Inc.", "ORG", 2)],
            id="a-legal-form-is-the-same-company",
        ),
        pytest.param(
            "The Fed raised rates. The Federal Reserve said inflation fell.",
            [("Federal Reserve", "ORG", 2)],
            id="fed-is-the-federal-reserve",
        ),
        pytest.param(
            "Analysts at Morgan Stanley wrote a note.",
            [("Morgan Stanley", "ORG", 1)],
            id="a-bank-named-like-a-person",
        ),
        pytest.param(
            "The Dow Jones Industrial Average fell.",
            [("Dow Jones Industrial Average", "ORG", 1)],
            id="a-known-name-that-goes-on",
        ),
        pytest.param(
            "At the Washington Post Trump said no.",
            [("The Washington Post", "ORG", 1), ("Trump", "PER", 1)],
            id="a-known-name-then-a-person",
        ),
    ],
)
def test_one_entity_or_two(text: str, expected: list[tuple[str, str, int]]) -> None:
    assert [(e.name, e.type, len(e.mentions)) for e in _entities(text)] == expected


def test_appositive_needs_a_name() -> None:
    text = "Ana Ruiz said Monday, the former mayor, that she would return."
    assert [(e.name, e.titles) for e in _entities(text)] == [("Ana Ruiz", ())]


def test_transcript_speaker_labels_join_the_person() -> None:
    text = "Moderator Chris Wallace asked Gov. Mike Pence about taxes.\n\nPENCE: We will cut them."
    pence = _by_name(text, "Mike Pence")
    assert [(m.text, m.kind) for m in pence.mentions] == [
        ("Mike Pence", "name"),
        ("PENCE", "name"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("The talks (CROSSTALK) went on.", [], id="shouted-word"),
        pytest.param(
            "He advised Vice President Joseph R. Biden, Jr., on trade.",
            [("Joseph R. Biden", "PER")],
            id="suffix-after-a-comma",
        ),
        pytest.param("The talks, I’ve heard, went on.", [], id="contraction"),
        pytest.param("The update came at 5:12 PM EST on Aug. 3.", [], id="time-zone-and-month"),
        pytest.param("Brent rose by 1:30 p.m. ET (1730 GMT).", [], id="eastern-time"),
        pytest.param(
            "In a post on X, the former chancellor Ann Hale said so.",
            [("Ann Hale", "PER")],
            id="the-platform-x-is-no-person",
        ),
        pytest.param(
            "Follow Pam Okoye on Twitter.",
            [("Pam Okoye", "PER"), ("Twitter", "ORG")],
            id="web-boilerplate-verb",
        ),
    ],
)
def test_capitalised_words_that_name_nothing(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.name, e.type) for e in _entities(text)] == expected


def test_nominal_needs_an_earlier_holder() -> None:
    text = "The minister spoke first. Later, Defense Minister Khawaja Asif arrived."
    assert all(m.kind != "nominal" for e in _entities(text) for m in e.mentions)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Mayor Ana Ruiz spoke. Later the the former mayor left, and the mayor said no.",
            id="overlapping-the",
        ),
        pytest.param(
            "Mayor Ana Ruiz spoke. Reporters asked the city's new deputy mayor; the mayor left.",
            id="apostrophe-cuts-the-match",
        ),
        pytest.param(
            "Mayor Ana Ruiz spoke. In 2020 the mayor won; 3 the mayoral race the mayor lost.",
            id="digits-and-longer-words",
        ),
        pytest.param(
            "Mayor Ana Ruiz spoke. "
            + "the long-winded acting interim " * 4
            + "then the long-winded acting mayor said.",
            id="head-far-after-the",
        ),
    ],
)
def test_nominal_windows_scan_as_the_whole_text(text: str) -> None:
    # the spans around the head words find the matches that hold a head word exactly as
    # one scan of the whole text does
    from newsparse.entities import _NOMINAL, _WORD, _nominal_windows  # noqa: PLC0415

    whole = [
        m.span()
        for m in _NOMINAL.finditer(text)
        if "mayor" in [w.lower() for w in _WORD.findall(text, m.start("words"), m.end("words"))]
    ]
    windows = _nominal_windows(text, 0, len(text), text.lower(), ["mayor"])
    spans = [m.span() for lo, hi in windows for m in _NOMINAL.finditer(text, lo, hi)]
    assert [s for s in spans if s in whole] == whole
    assert whole


# --- organisations -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The Labour Party and the Ministry of Finance disagreed.",
            [("Labour Party", "ORG"), ("Ministry of Finance", "ORG")],
            id="heads-party-ministry",
        ),
        pytest.param(
            "Acme Corp. sued Apple Inc. on Monday.",
            [("Acme Corp.", "ORG"), ("Apple Inc.", "ORG")],
            id="heads-corp-inc",
        ),
        pytest.param(
            "Boeing Co and Dart Group Corp hired Nikko Securities and Dominion Resources.",
            [
                ("Boeing Co", "ORG"),
                ("Dart Group Corp", "ORG"),
                ("Nikko Securities", "ORG"),
                ("Dominion Resources", "ORG"),
            ],
            id="heads-wire-style-companies",
        ),
        pytest.param(
            "The photo came from Getty Images and Reuters Pictures.",
            [("Getty Images", "ORG"), ("Reuters Pictures", "ORG")],
            id="heads-photo-agencies",
        ),
        pytest.param(
            "The carmaker said Toyota Europe would cut jobs.",
            [("Toyota Europe", "ORG")],
            id="company-and-region",
        ),
        pytest.param(
            "She studied at Makerere University before joining the Central Bank.",
            [("Makerere University", "ORG"), ("Central Bank", "ORG")],
            id="heads-university-bank",
        ),
        pytest.param(
            "Energy Transfer Partners and Siemens AG signed.",
            [("Energy Transfer Partners", "ORG"), ("Siemens AG", "ORG")],
            id="company-suffixes-not-titles",
        ),
        pytest.param(
            "The Municipality of Livorno appealed.",
            [("Municipality of Livorno", "ORG")],
            id="municipality",
        ),
        pytest.param(
            "The Supreme Court and the Security Council met.",
            [("Supreme Court", "ORG"), ("Security Council", "ORG")],
            id="heads-court-council",
        ),
        pytest.param(
            "The Chairman of the Iodine Council resigned.",
            [("Iodine Council", "ORG")],
            id="title-of-organisation-is-no-person",
        ),
        pytest.param(
            "Leaders of the Taliban, Hamas and NATO were named.",
            [("Taliban", "ORG"), ("Hamas", "ORG"), ("NATO", "ORG")],
            id="movements-from-lexicon",
        ),
        pytest.param(
            "Officials of the Khyber Farmers Union (KFU) said KFU members would strike.",
            [("Khyber Farmers Union", "ORG")],
            id="acronym-defined-in-text",
        ),
        pytest.param(
            "The Tehrik-e-Taliban Pakistan (TTP) claimed it.",
            [("Tehrik-e-Taliban Pakistan", "ORG")],
            id="acronym-ttp",
        ),
    ],
)
def test_organisations(text: str, expected: list[tuple[str, str]]) -> None:
    found = [(e.name, e.type) for e in _entities(text) if e.type == "ORG"]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "canonical", "forms"),
    [
        pytest.param(
            "Analysts compared al-Qaida, al-Qaeda and Al Qaeda.",
            "al-Qaida",
            ["al-Qaida", "al-Qaeda", "Al Qaeda"],
            id="al-qaida-spellings",
        ),
        pytest.param(
            "Daesh, also called ISIS or Islamic State, lost ground.",
            "Islamic State",
            ["Daesh", "ISIS", "Islamic State"],
            id="islamic-state-aliases",
        ),
        pytest.param(
            "The World Health Organisation (WHO) said WHO staff would help.",
            "World Health Organization",
            ["World Health Organisation", "WHO", "WHO"],
            id="who",
        ),
        pytest.param(
            "Officials of the Khyber Farmers Union (KFU) said KFU members would strike.",
            "Khyber Farmers Union",
            ["Khyber Farmers Union", "KFU", "KFU"],
            id="acronym-defined-in-text",
        ),
    ],
)
def test_organisation_variants_share_one_entity(
    text: str, canonical: str, forms: list[str]
) -> None:
    assert _named(_by_name(text, canonical)) == forms


# --- places --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical", "forms"),
    [
        pytest.param(
            "The U.S. and the US, or the United States, or America.",
            "United States",
            ["U.S.", "US", "United States", "America"],
            id="united-states",
        ),
        pytest.param("The UK, or Britain, voted.", "United Kingdom", ["UK", "Britain"], id="uk"),
        pytest.param(
            "Turkey, now Türkiye, and TURKIYE in capitals.",
            "Türkiye",
            ["Turkey", "Türkiye", "TURKIYE"],
            id="turkiye",
        ),
        pytest.param(
            "Ivory Coast, or Côte d’Ivoire, or Cote d'Ivoire.",
            "Côte d’Ivoire",
            ["Ivory Coast", "Côte d’Ivoire", "Cote d'Ivoire"],
            id="ivory-coast",
        ),
        pytest.param(
            "Flights from L.A. and Los Angeles resumed.",
            "Los Angeles",
            ["L.A.", "Los Angeles"],
            id="los-angeles",
        ),
        pytest.param(
            "She flew from Raleigh, N.C., to Austin, Texas.",
            "North Carolina",
            ["N.C."],
            id="ap-state-abbreviation",
        ),
    ],
)
def test_place_variants(text: str, canonical: str, forms: list[str]) -> None:
    place = _by_name(text, canonical)
    assert place.type == "LOC"
    assert _named(place) == forms


@pytest.mark.parametrize(
    ("text", "demonym", "country"),
    [
        pytest.param("Most were Afghans, not Pakistanis.", "Afghans", "Afghanistan", id="afghans"),
        pytest.param("An Afghan official spoke.", "Afghan", "Afghanistan", id="afghan"),
        pytest.param("A Pakistani court ruled.", "Pakistani", "Pakistan", id="pakistani"),
        pytest.param("Israeli troops withdrew.", "Israeli", "Israel", id="israeli"),
        pytest.param("Belgians voted on Sunday.", "Belgians", "Belgium", id="belgians"),
        pytest.param("The Palestinian envoy spoke.", "Palestinian", "Palestine", id="palestinian"),
    ],
)
def test_demonyms_are_mentions_of_the_country(text: str, demonym: str, country: str) -> None:
    place = _by_name(text, country)
    assert place.type == "LOC"
    assert [(m.text, m.kind) for m in place.mentions] == [(demonym, "demonym")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "WOODSIDE, Calif. (AP) — Talks resumed.",
            [
                ("WOODSIDE", "Woodside", "entity.dateline"),
                ("Calif.", "California", "entity.lexicon"),
            ],
            id="unknown-place",
        ),
        pytest.param(
            "KABUL, Afghanistan (AP) — Talks resumed.",
            [
                ("KABUL", "Kabul", "entity.lexicon"),
                ("Afghanistan", "Afghanistan", "entity.lexicon"),
            ],
            id="known-place",
        ),
        pytest.param(
            "NEW DELHI (Reuters) - Talks resumed.",
            [("NEW DELHI", "New Delhi", "entity.lexicon")],
            id="two-words-and-agency",
        ),
    ],
)
def test_dateline_places(text: str, expected: list[tuple[str, str, str]]) -> None:
    got = [(m.text, e.name, m.rule) for e in _entities(text) for m in e.mentions if e.type == "LOC"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Fires spread across Northern California and East Los Angeles.",
            [("Northern California", "LOC"), ("East Los Angeles", "LOC")],
            id="direction-and-place",
        ),
        pytest.param(
            "Officials in Ontario, Quebec and Brindlewood agreed.",
            [("Ontario", "LOC"), ("Quebec", "LOC"), ("Brindlewood", "LOC")],
            id="coordinated-with-places",
        ),
        pytest.param(
            "The dispute reached Brindlewood.",
            [("Brindlewood", "MISC")],
            id="unknown-alone-is-misc",
        ),
    ],
)
def test_place_typing(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.name, e.type) for e in _entities(text)] == expected


def test_ambiguous_abbreviation_needs_a_place_before_it() -> None:
    assert [e.name for e in _entities("Ind. voters and Mass. turnout.")] == []
    assert [e.name for e in _entities("He lives in Gary, Ind., now.")][-1] == "Indiana"


# --- folding: capitals, diacritics, apostrophes, hyphens -------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "PAKISTAN WARNS KABUL OVER ATTACKS",
            [("PAKISTAN", "Pakistan"), ("KABUL", "Kabul")],
            id="all-caps-headline",
        ),
        pytest.param(
            "Ruiz Wins Vote In Berlin\n\nAna Ruiz won in Berlin on Sunday.",
            [
                ("Ruiz", "Ana Ruiz"),
                ("Berlin", "Berlin"),
                ("Ana Ruiz", "Ana Ruiz"),
                ("Berlin", "Berlin"),
            ],
            id="title-case-headline-matches-known-names-only",
        ),
        pytest.param(
            "Fighters of al‐Qaida and al–Qaida.",
            [("al‐Qaida", "al-Qaida"), ("al–Qaida", "al-Qaida")],
            id="hyphen-variants",
        ),
        pytest.param(
            "Talks in Cote d’Ivoire and Côte d'Ivoire.",
            [("Cote d’Ivoire", "Côte d’Ivoire"), ("Côte d'Ivoire", "Côte d’Ivoire")],
            id="apostrophes-and-diacritics",
        ),
        pytest.param(
            "The Taliban-led government and Kabul-based groups.",
            [("Taliban", "Taliban"), ("Kabul", "Kabul")],
            id="hyphenated-compounds",
        ),
    ],
)
def test_folded_forms_match(text: str, expected: list[tuple[str, str]]) -> None:
    entities = _entities(text)
    got = sorted(
        ((m.start, m.text, e.name) for e in entities for m in e.mentions), key=lambda x: x[0]
    )
    assert [(t, n) for _, t, n in got] == expected
    for e in entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


# --- the same string, two entities -----------------------------------------------------------


def test_country_as_team_and_as_place() -> None:
    text = (
        "Belgium beat Panama 3-0 in their World Cup match, with two goals in the second half. "
        "Fans later celebrated across Belgium and in Brussels."
    )
    kinds = {(e.name, e.type) for e in _entities(text)}
    assert ("Belgium (team)", "ORG") in kinds
    assert ("Belgium", "LOC") in kinds


def test_city_and_team() -> None:
    text = "The New York Yankees won again in New York."
    assert [(e.name, e.type) for e in _entities(text)] == [
        ("New York Yankees", "ORG"),
        ("New York", "LOC"),
    ]


@pytest.mark.parametrize(
    ("text", "name", "forms"),
    [
        pytest.param(
            "The Andy Warhol Foundation for the Visual Arts gave prints; the Andy Warhol "
            "Foundation said more would follow.",
            "Andy Warhol Foundation for the Visual Arts",
            ["Andy Warhol Foundation for the Visual Arts", "Andy Warhol Foundation"],
            id="shorter-name",
        ),
        pytest.param(
            "The Hill Valley Council met. The Council voted to close the road.",
            "Hill Valley Council",
            ["Hill Valley Council", "Council"],
            id="head-word-alone",
        ),
    ],
)
def test_organisation_short_forms(text: str, name: str, forms: list[str]) -> None:
    assert _named(_by_name(text, name)) == forms


def test_match_report_teams_stay_teams() -> None:
    text = (
        "Sweden beat Mexico in the World Cup match. The goalkeeper saved a penalty and the "
        "striker scored two goals. Sweden now lead the group."
    )
    assert {(e.name, e.type) for e in _entities(text)} >= {
        ("Sweden (team)", "ORG"),
        ("Mexico (team)", "ORG"),
    }
    sweden = _by_name(text, "Sweden (team)")
    assert _named(sweden) == ["Sweden", "Sweden"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The University of Sheffield hired him.",
            [("University of Sheffield", "ORG"), ("Sheffield", "LOC")],
            id="university-of-place",
        ),
        pytest.param(
            "The Municipality of Brindlewood appealed.",
            [("Municipality of Brindlewood", "ORG"), ("Brindlewood", "LOC")],
            id="unknown-place-after-of",
        ),
        pytest.param(
            "The Ministry of Defence agreed.",
            [("Ministry of Defence", "ORG")],
            id="no-place-after-ministry-of",
        ),
        pytest.param(
            "Fans watched the FIFA World Cup final.",
            [("FIFA World Cup", "MISC"), ("FIFA", "ORG")],
            id="organisation-inside-an-event",
        ),
        pytest.param("Apple Inc. grew.", [("Apple Inc.", "ORG")], id="no-organisation-inside-one"),
    ],
)
def test_names_inside_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.name, e.type) for e in _entities(text)] == expected


def test_person_inside_an_organisation_name() -> None:
    text = "Funding came from the Andy Warhol Foundation for the Visual Arts."
    assert [(e.name, e.type) for e in _entities(text)] == [
        ("Andy Warhol Foundation for the Visual Arts", "ORG"),
        ("Andy Warhol", "PER"),
    ]


def test_place_named_like_a_person() -> None:
    text = "Paris Hilton arrived late. Later, Paris said she was tired."
    person = _by_name(text, "Paris Hilton")
    assert _named(person) == ["Paris Hilton", "Paris"]


# --- user lexicons ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lexicon", "text", "expected"),
    [
        pytest.param(
            EntityLexicon(people=["Zola Budd"]),
            "Zola Budd ran.",
            [("Zola Budd", "PER")],
            id="person",
        ),
        pytest.param(
            EntityLexicon(people=["Zola Budd"]),
            "Zola Budd ran. Later, Budd said she was tired.",
            [("Zola Budd", "PER")],
            id="person-and-surname",
        ),
        pytest.param(
            EntityLexicon(organisations=["Acme Widgets"], aliases={"AW": "Acme Widgets"}),
            "AW, formerly Acme Widgets, grew.",
            [("Acme Widgets", "ORG")],
            id="organisation-and-alias",
        ),
        pytest.param(
            EntityLexicon(places=["Little Rock"], aliases=[("LR", "Little Rock")]),
            "Rain in LR and Little Rock.",
            [("Little Rock", "LOC")],
            id="place-and-alias-pairs",
        ),
        pytest.param(
            EntityLexicon(aliases={"Moscow": "Moskva"}),
            "Moscow said no.",
            [("Moskva", "ORG")],
            id="alias-to-unknown-name-is-an-organisation",
        ),
        pytest.param(
            EntityLexicon(titles=["Alderwoman"]),
            "Alderwoman Rita Okoye spoke.",
            [("Rita Okoye", "PER")],
            id="title",
        ),
    ],
)
def test_entity_lexicon(lexicon: EntityLexicon, text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.name, e.type) for e in _entities(text, lexicon)] == expected


def test_entity_lexicon_is_hashable_and_typed() -> None:
    lex = EntityLexicon(people="Zola Budd", aliases={"AW": "Acme"})
    assert lex.people == ("Zola Budd",)
    assert lex.aliases == (("AW", "Acme"),)
    assert hash(lex) == hash(EntityLexicon(people=("Zola Budd",), aliases=[("AW", "Acme")]))


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"aliases": ["AW"]}, id="alias-not-a-pair"),
        pytest.param({"aliases": [("AW", 3)]}, id="alias-not-a-string"),
        pytest.param({"people": [3]}, id="name-not-a-string"),
    ],
)
def test_entity_lexicon_rejects_wrong_types(kwargs: dict[str, object]) -> None:
    with pytest.raises(TypeError, match="EntityLexicon"):
        EntityLexicon(**kwargs)  # type: ignore[arg-type]


# --- text-level API, offsets, odd input --------------------------------------------------------


def test_iter_mentions_respects_start_and_end() -> None:
    text = "Kabul and Islamabad and Moscow."
    assert [m.text for m in iter_mentions(text, start=6, end=20)] == ["Islamabad"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   \n\n  ", id="blank"),
        pytest.param("'s ’s s’ - – ( ) (D-) (R-N.C.)", id="punctuation"),
        pytest.param("A" * 5000, id="one-long-word"),
        pytest.param("The The The. Mr. Mr. Dr.", id="titles-without-names"),
        pytest.param("Kabul " * 3000, id="one-long-run-of-places"),
        pytest.param("Ana Ruiz, the mayor, " * 500, id="many-appositives"),
        pytest.param("(D-N.C.) " * 500, id="many-party-tags"),
    ],
)
def test_odd_input_never_raises(text: str) -> None:
    article = extract_entities(Article(text))
    for e in article.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_ids_follow_first_mentions() -> None:
    entities = _entities("Kabul, Moscow and Kabul again; then Ana Ruiz.")
    assert [(e.id, e.name) for e in entities] == [
        ("e1", "Kabul"),
        ("e2", "Moscow"),
        ("e3", "Ana Ruiz"),
    ]


# --- the seed article ----------------------------------------------------------------------------


def test_seed_people(seed_text: str) -> None:
    entities = extract_entities(Article(seed_text)).entities
    asif = next(e for e in entities if e.name == "Khawaja Muhammad Asif")
    assert asif.type == "PER"
    assert asif.titles == ("Defense Minister", "former Foreign Minister")
    assert asif.affiliation == "Pakistan"
    every = {m.start() for m in re.finditer(r"\bAsif\b", seed_text)}
    covered = {m.start + m.text.rfind("Asif") for m in asif.mentions if "Asif" in m.text}
    assert every <= covered
    assert [m.text for m in asif.mentions if m.kind == "nominal"] == ["The minister"]
    trump = next(e for e in entities if e.name == "Donald Trump")
    assert trump.titles == ("former U.S. President",)
    assert trump.affiliation == "United States"


def test_seed_aliases(seed_text: str) -> None:
    entities = extract_entities(Article(seed_text)).entities
    names = {m.text: e.name for e in entities for m in e.mentions}
    assert names["TTP"] == "Tehrik-e-Taliban Pakistan"
    assert names["U.S."] == "United States"
    assert names["Afghans"] == "Afghanistan"
    assert names["Pakistanis"] == "Pakistan"
    assert names["Palestinian"] == "Palestine"
    assert names["Türkiye"] == "Türkiye"
    assert names["al-Qaida"] == "al-Qaida"
    assert names["Daesh"] == "Islamic State"


# --- tokens: the fast path (plain words) and the full pattern give one definition --------

_FLAG_NAMES = ((CAP, "CAP"), (UPPER, "UPPER"), (POSS, "POSS"), (INITIAL, "INITIAL"))


def _tokens(text: str) -> list[tuple[str, str, str]]:
    g = _gazetteer(None)
    t = tokenize(text, 0, len(text), g.abbrevs, g.phrases)
    return [
        (
            text[t.starts[i] : t.ends[i]],
            t.keys[i],
            "|".join(name for bit, name in _FLAG_NAMES if t.flags[i] & bit),
        )
        for i in range(len(t))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Pakistan's envoy met the Joneses' lawyer and NATO's chief.",
            [
                ("Pakistan", "pakistan", "CAP|POSS"),
                ("envoy", "envoy", ""),
                ("met", "met", ""),
                ("the", "the", ""),
                ("Joneses", "joneses", "CAP|POSS"),
                ("lawyer", "lawyer", ""),
                ("and", "and", ""),
                ("NATO", "nato", "CAP|UPPER|POSS"),
                ("chief", "chief", ""),
            ],
            id="possessives",
        ),
        pytest.param(
            "Mr. J. Doe of Acme Corp. flew to the U.S. at 9 a.m. today.",
            [
                ("Mr.", "mr.", "CAP"),
                ("J.", "j.", "CAP|INITIAL"),
                ("Doe", "doe", "CAP"),
                ("of", "of", ""),
                ("Acme", "acme", "CAP"),
                ("Corp.", "corp.", "CAP"),
                ("flew", "flew", ""),
                ("to", "to", ""),
                ("the", "the", ""),
                ("U.S.", "u.s.", "CAP|UPPER"),
                ("at", "at", ""),
                ("9", "9", ""),
                ("a", "a", ""),
                ("m", "m", ""),
                ("today", "today", ""),
            ],
            id="abbreviations-and-initials",
        ),
        pytest.param(
            "The Taliban-led government and al-Amr's long-term plan.",
            [
                ("The", "the", "CAP"),
                ("Taliban", "taliban", "CAP"),
                ("government", "government", ""),
                ("and", "and", ""),
                ("al-Amr", "al-amr", "CAP|POSS"),
                ("long-term", "long-term", ""),
                ("plan", "plan", ""),
            ],
            id="hyphens",
        ),
        pytest.param(
            "They don't know O’Brien’s d'Ivoire friends.",
            [
                ("They", "they", "CAP"),
                ("don't", "don't", ""),
                ("know", "know", ""),
                ("O’Brien", "o'brien", "CAP|POSS"),
                ("d'Ivoire", "d'ivoire", ""),
                ("friends", "friends", ""),
            ],
            id="apostrophes",
        ),
        pytest.param(
            "Shares rose 1.5 percent to $35.20 in 2019.",
            [
                ("Shares", "shares", "CAP"),
                ("rose", "rose", ""),
                ("1", "1", ""),
                ("5", "5", ""),
                ("percent", "percent", ""),
                ("to", "to", ""),
                ("35", "35", ""),
                ("20", "20", ""),
                ("in", "in", ""),
                ("2019", "2019", ""),
            ],
            id="numbers",
        ),
    ],
)
def test_tokens(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _tokens(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Pakistan's envoy met the Joneses' lawyer and NATO's chief.", id="plain"),
        pytest.param("Mr. J. Doe of Acme Corp. flew to the U.S. at 9 a.m. today...", id="dots"),
        pytest.param("They don’t know O’Brien’s Taliban‐led d'Ivoire friends.", id="curly"),
        pytest.param("A long-term, U.N.-backed plan–and 1.5% of $35.20 in 2019.", id="dashes"),
    ],
)
def test_ascii_and_unicode_paths_give_one_tokenisation(text: str) -> None:
    # a letter outside ASCII at the end sends the whole text down the Unicode path
    assert _tokens(text + " Zoë")[:-1] == _tokens(text)


@pytest.mark.parametrize(
    "word",
    [
        pytest.param(w, id=w)
        for w in [
            "don't",
            "O’Brien",
            "rock'n'roll",
            "it's",
            "a's'b",
            "U.S.",
            "W.Va.",
            "U.S.-backed",
            "1.5",
            "12.125",
            "1.2.3",
            "Jones's",
            "Corp.'s",
            "Mr.",
            "J.",
            "said.",
            "Taliban-led",
            "al-Amr",
        ]
    ],
)
def test_short_paths_read_a_word_as_the_full_pattern_does(word: str) -> None:
    g = _gazetteer(None)
    text = f"We met {word} there"
    fast = tokenize(text, 0, len(text), g.abbrevs, g.phrases)
    slow = Tokens()
    _add_slow(slow, text, 0, len(text), abbrevs=g.abbrevs, phrases=g.phrases)
    assert (fast.starts, fast.ends, fast.keys, fast.flags) == (
        slow.starts,
        slow.ends,
        slow.keys,
        slow.flags,
    )


@pytest.mark.parametrize(
    ("text", "links"),
    [
        pytest.param("New\u00a0York  City\nmayor", [True, True, False, False], id="spaces"),
        pytest.param("Pakistan's envoy", [False, False], id="possessive"),
        pytest.param("Mr. Doe. He left", [True, False, True, False], id="periods"),
        pytest.param("U.S. Army, Taliban-led forces", [True, False, False, False], id="pattern"),
    ],
)
def test_token_links(text: str, links: list[bool]) -> None:
    g = _gazetteer(None)
    assert tokenize(text, 0, len(text), g.abbrevs, g.phrases).links == links


def test_mentions_pass_the_model_checks() -> None:
    text = Path(__file__).parents[1].joinpath("seeds", "000_aadee0b4fd7fab13.txt").read_text()
    entities = _entities(text)
    mentions = [m for e in entities for m in e.mentions]
    assert len(mentions) > 20
    for m in mentions:
        attrs.validate(m)
        assert m == Mention(m.start, m.end, m.text, m.kind, m.rule)
        assert hash(m) == hash(Mention(m.start, m.end, m.text, m.kind, m.rule))
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Hurricane Sandy flooded the tunnels.", "Hurricane Sandy", id="hurricane"),
        pytest.param("Typhoon Haiyan struck the coast.", "Typhoon Haiyan", id="typhoon"),
        pytest.param("Operation Desert Storm began.", "Operation Desert Storm", id="operation"),
    ],
)
def test_named_events_are_misc(text: str, expected: str) -> None:
    assert [(e.name, e.type) for e in _entities(text)] == [(expected, "MISC")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Ana Hill said the river rose.", [("Ana Hill", "PER")], id="given-name-hill"),
        pytest.param(
            "They live near Jackson Hill.", [("Jackson Hill", "LOC")], id="place-after-near"
        ),
        pytest.param("He walked in Hyde Park.", [("Hyde Park", "LOC")], id="no-given-name"),
    ],
)
def test_place_word_surnames(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e.name, e.type) for e in _entities(text)] == expected


def test_byline_and_credit_names_are_people() -> None:
    text = (
        "Oil prices climb\n\nBy Arathy Somasekhar and Florence Tan\n\n"
        "Oil prices rose on Wednesday, traders said.\n\n"
        "Reporting by Florence Tan in Singapore; Editing by Nick Zieminski"
    )
    people = [
        (e.name, [m.rule for m in e.mentions])
        for e in newsparse.parse_article(text).entities
        if e.type == "PER"
    ]
    assert people == [
        ("Arathy Somasekhar", ["entity.byline"]),
        ("Florence Tan", ["entity.byline", "entity.byline"]),
        ("Nick Zieminski", ["entity.byline"]),
    ]
