"""Structure stage: one table per convention of issue 3, in sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

from newsparse import Article, parse_article
from newsparse.structure import iter_paragraphs, iter_units, split_structure


def _split(text: str, published: dt.date | None = None) -> Article:
    return split_structure(Article(text=text, published=published))


def _covered(article: Article) -> list[tuple[int, int]]:
    heads = (article.headline, article.deck, article.dateline)
    spans = [(item.start, item.end) for item in heads if item is not None]
    for many in (article.bylines, article.captions, article.paragraphs, article.credits):
        spans += [(i.start, i.end) for i in many]
    spans += [(d.start, d.end) for d in article.diagnostics]
    return spans


WIRE = (
    "FLOOD WATERS RECEDE IN RIVER TOWN\n\n"
    "By MARTA LINDQVIST AND OWEN PRICE, REUTERS\n\n"
    "MEMPHIS, Tenn., March 2 (Reuters) - Flood waters began to recede on Monday after\n"
    "a week of rain, and by just 1.0 pct of homes were still cut off, officials said.\n\n"
    "Residents returned to their homes.\n\n"
    "(Reporting by Dana Whitfield in Memphis; Editing by Tom Berg)\n\n"
    "Reuter\n"
)

WEB = (
    "World\n\n"
    "Ferry service resumes after the winter storms\n\n"
    "The crossing had been closed for nine days while crews repaired the pier.\n\n"
    "By Lena Ostrova | Harbour Times\n\n"
    "Published March 3, 2021 at 9:40 am\n\n"
    "* Facebook\n\n"
    "* Twitter\n\n"
    "Advertisement\n\n"
    "Passengers board the first ferry on Tuesday. (AP Photo/Jonas Berg)\n\n"
    "HELSINKI, Finland (AP) — The first ferry in nine days left the harbour on Tuesday.\n\n"
    "Read more: Storm damage along the coast\n\n"
    "“We are glad to be moving again,” the captain said.\n\n"
    "Associated Press writer Nils Aho in Turku contributed to this report.\n"
)


# --- headline and deck -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "headline", "deck"),
    [
        pytest.param(WIRE, "FLOOD WATERS RECEDE IN RIVER TOWN", None, id="wire"),
        pytest.param(
            WEB,
            "Ferry service resumes after the winter storms",
            "The crossing had been closed for nine days while crews repaired the pier.",
            id="section-kicker-then-headline-and-deck",
        ),
        pytest.param("Title\n\nBody line.", "Title", None, id="two-lines"),
        pytest.param(
            "Storm batters coast\nThousands without power as winds top 100 mph\n\n"
            "By Ana Ruiz\n\nThe storm made landfall on Thursday, officials said.",
            "Storm batters coast",
            "Thousands without power as winds top 100 mph",
            id="short-sentence-case-headline-then-deck",
        ),
        pytest.param(
            "Wildfire forces thousands to flee\nCrews battle the blaze as winds pick up\n\n"
            "By Ana Ruiz\n\nA wildfire forced 4,000 people to leave on Friday, officials said.",
            "Wildfire forces thousands to flee",
            "Crews battle the blaze as winds pick up",
            id="deck-right-under-the-headline",
        ),
        pytest.param(
            "Council votes\n\nThe mayor and the council met on Monday.",
            "Council votes",
            None,
            id="short-headline",
        ),
        pytest.param(
            "Published 2 hours ago\n\nTown hall reopens after repairs\n\n"
            "The hall reopened on Monday. Visitors queued outside.\n\nIt had been shut a year.",
            "Town hall reopens after repairs",
            None,
            id="date-line-first",
        ),
        pytest.param(
            "TOP STORY\n\nBridge closes for repairs on Friday\n\nBy Ana Ruiz\n\n"
            "The bridge will close on Friday, the city said.\n\nIt reopens in May.",
            "Bridge closes for repairs on Friday",
            None,
            id="caps-kicker",
        ),
        pytest.param(
            '"We will not pay for the wall."\n\n— A senator on Sunday, in an interview\n\n'
            "What does the wall cost?\n\nBy Ana Ruiz\n\nThe wall would cost billions, analysts say."
            "\n\nThe senator did not say.",
            "What does the wall cost?",
            None,
            id="pull-quote-before-headline",
        ),
    ],
)
def test_headline_and_deck(text: str, headline: str, deck: str | None) -> None:
    article = _split(text)
    assert article.headline is not None
    assert article.headline.text == headline
    assert (article.deck.text if article.deck else None) == deck


# --- bylines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            "By MARTA LINDQVIST AND OWEN PRICE, REUTERS",
            [("MARTA LINDQVIST", "REUTERS"), ("OWEN PRICE", "REUTERS")],
            id="two-authors-caps",
        ),
        pytest.param("By Dana Whitfield, Reuters", [("Dana Whitfield", "Reuters")], id="comma"),
        pytest.param("By Noel Harker Reuters", [("Noel Harker", "Reuters")], id="no-comma"),
        pytest.param(
            "By MARTA LINDQVIST and OWEN PRICE Associated Press",
            [("MARTA LINDQVIST", "Associated Press"), ("OWEN PRICE", "Associated Press")],
            id="two-authors-then-agency-without-comma",
        ),
        pytest.param(
            "By Ines Varga, The Lakeside Courier",
            [("Ines Varga", "The Lakeside Courier")],
            id="newspaper",
        ),
        pytest.param(
            "By GRETA HOLM\n\nAP Sports Writer",
            [("GRETA HOLM", "AP Sports Writer")],
            id="title-next",
        ),
        pytest.param("Miriam Osei | Reuters", [("Miriam Osei", "Reuters")], id="pipe-no-by"),
        pytest.param("ByLena Ostrova", [("Lena Ostrova", None)], id="glued-by"),
        pytest.param("By Paul VarenFOXNews", [("Paul Varen", "FOXNews")], id="glued-outlet"),
        pytest.param(
            "By Ada Kroll, Ben Ortiz and Cy Lund",
            [("Ada Kroll", None), ("Ben Ortiz", None), ("Cy Lund", None)],
            id="three-authors",
        ),
        pytest.param("By\n\nSara J. Moreno", [("Sara J. Moreno", None)], id="by-alone"),
        pytest.param(
            "by Tomas Rehn @tomasrehn March 2, 2021", [("Tomas Rehn", None)], id="handle-date"
        ),
        pytest.param(
            "By Maria Lopez and James Chen\nLos Angeles Times",
            [("Maria Lopez", "Los Angeles Times"), ("James Chen", "Los Angeles Times")],
            id="outlet-next-line",
        ),
        pytest.param("By The Associated Press", [(None, "The Associated Press")], id="org-ap"),
        pytest.param("By dpa correspondents", [(None, "dpa")], id="org-dpa"),
    ],
)
def test_bylines(lines: str, expected: list[tuple[str | None, str | None]]) -> None:
    text = f"Harbour fees rise for cargo ships\n\n{lines}\n\n"
    text += "Port fees rose on Monday, the port said.\n\nShippers were not pleased."
    article = _split(text)
    assert [(b.name, b.affiliation) for b in article.bylines] == expected
    for b in article.bylines:
        assert b.text == text[b.start : b.end]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Solar forecast\n\nBy 2025, 40% of new homes will carry solar panels, a study says.\n\n"
            "The study was published on Monday.",
            id="by-year",
        ),
        pytest.param(
            "Factory output\n\nOutput rose in March, the agency said, and the index rose\n"
            "by just 1.0 pct from the month before, well below forecasts of economists.",
            id="by-in-wrapped-line",
        ),
        pytest.param(
            "Federer wins\n\nRoger Federer - the Swiss great - won again on Sunday.\n\n"
            "He dropped one set.",
            id="name-dash",
        ),
        pytest.param(
            "Phone sales\n\nBT: The firm said it was pleased with the quarter.\n\nSales rose.",
            id="short-caps-colon",
        ),
        pytest.param(
            "Music profits\n\nEMI - the music group - said profits fell.\n\nShares fell.",
            id="company-acronym-dash",
        ),
        pytest.param(
            "Talks fail\n\nBREAKING NEWS - The talks have failed, officials said.\n\nMore.",
            id="breaking-news",
        ),
        pytest.param(
            "Pakistan warns Kabul\n\nThe minister said talks had failed. (AP Photo)\n\n"
            "The minister spoke in Moscow on Tuesday.",
            id="caption-not-byline",
        ),
    ],
)
def test_no_false_byline_or_dateline(text: str) -> None:
    article = _split(text)
    assert article.bylines == ()
    assert article.dateline is None


# --- datelines -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "location", "agency", "date", "rest"),
    [
        pytest.param(
            "WASHINGTON, March 2 (Reuters) - ",
            "WASHINGTON",
            "Reuters",
            "March 2",
            "T",
            id="reuters",
        ),
        pytest.param("ISLAMABAD (AP) — ", "ISLAMABAD", "AP", None, "T", id="ap"),
        pytest.param(
            "BUENOS AIRES, Argentina (AP) _ ",
            "BUENOS AIRES, Argentina",
            "AP",
            None,
            "T",
            id="ap-underscore",
        ),
        pytest.param("Berlin (dpa) - ", "Berlin", "dpa", None, "T", id="dpa"),
        pytest.param(
            "NEW YORK, March 2, 2021 /PRNewswire/ -- ",
            "NEW YORK",
            "PRNewswire",
            "March 2, 2021",
            "T",
            id="press-release-agency-between-slashes",
        ),
        pytest.param(
            "PALO ALTO, Calif., March 2 - ", "PALO ALTO, Calif.", None, "March 2", "T", id="state"
        ),
        pytest.param("Jan 30 (Reuters) - ", None, "Reuters", "Jan 30", "T", id="date-only"),
        pytest.param("LONDON, England (CNN) -- ", "LONDON, England", "CNN", None, "T", id="cnn"),
        pytest.param("SALVADOR, Feb 26 - ", "SALVADOR", None, "Feb 26", "T", id="old-reuters"),
        pytest.param("CLEVELAND, Ohio – ", "CLEVELAND, Ohio", None, None, "T", id="en-dash"),
        pytest.param("Lakeview, Ill. — ", "Lakeview, Ill.", None, None, "T", id="title-case-state"),
        pytest.param(
            "Washington, DC, United States: ",
            "Washington, DC, United States",
            None,
            None,
            "T",
            id="colon",
        ),
        pytest.param(
            "Hong Kong (CNN Business)", "Hong Kong", "CNN Business", None, "T", id="glued"
        ),
        pytest.param("NEW DELHI: ", "NEW DELHI", None, None, "T", id="caps-colon"),
        pytest.param("ROME - ", "ROME", None, None, "T", id="caps-city-dash"),
        pytest.param("THE HAGUE, March 2 - ", "THE HAGUE", None, "March 2", "T", id="the-hague"),
        pytest.param("(AP) -- ", None, "AP", None, "T", id="agency-only"),
        pytest.param(
            "HOUSTON/SINGAPORE, March 2 (Reuters) - ",
            "HOUSTON/SINGAPORE",
            "Reuters",
            "March 2",
            "T",
            id="two-places-with-a-slash",
        ),
    ],
)
def test_datelines(
    opening: str, location: str | None, agency: str | None, date: str | None, rest: str
) -> None:
    text = f"Markets rally\n\n{opening}{rest}he markets rallied on Monday.\n\nTraders cheered."
    article = _split(text, dt.date(2021, 3, 3))
    dl = article.dateline
    assert dl is not None
    assert (dl.location, dl.agency) == (location, agency)
    assert (dl.date.text if dl.date else None) == date
    assert article.paragraphs[0].text == "The markets rallied on Monday."
    assert dl.text == text[dl.start : dl.end]


def test_dateline_date_resolves_against_published() -> None:
    text = (
        "Markets rally\n\nWASHINGTON, March 2 (Reuters) - The markets rallied.\n\nTraders cheered."
    )
    dl = _split(text, dt.date(2021, 3, 3)).dateline
    assert dl is not None
    assert dl.date is not None
    assert dl.date.value == "2021-03-02"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(
            "* Hazel Ortiz\n\n* Friday 25 December 2015\n\n* 0 comments",
            [("Hazel Ortiz", None)],
            id="bullet-name-then-date",
        ),
        pytest.param(
            "AFP/The Harbour Times - [email protected]",
            [("AFP", None), ("The Harbour Times", None)],
            id="agency-slash-outlet",
        ),
        pytest.param(
            "Sanjay Mehta @sanjaymehta / 2 days", [("Sanjay Mehta", None)], id="name-handle"
        ),
        pytest.param(
            "Tomas Krall, AP Auto Writer\n\nUpdated 1:39 am EST, Wednesday, November 20, 2019",
            [("Tomas Krall", "AP Auto Writer")],
            id="name-job-title",
        ),
        pytest.param("REUTERS\n\n19 NOV 2019", [("REUTERS", None)], id="agency-before-date"),
        pytest.param(
            "Associated Press November 19, 2019, 9:02 AM",
            [("Associated Press", None)],
            id="agency-and-date",
        ),
        pytest.param(
            "NADIA VOLKOVA\n\nAssociated PressDecember 2, 2016",
            [("NADIA VOLKOVA", "Associated PressDecember 2, 2016")],
            id="name-then-agency-line",
        ),
        pytest.param("Most Popular\n\nBreaking News Emails", [], id="not-names"),
        pytest.param("Sarah Miller\nUSA TODAY", [("Sarah Miller", "USA TODAY")], id="outlet-next"),
    ],
)
def test_bylines_without_by(head: str, expected: list[tuple[str | None, str | None]]) -> None:
    text = (
        f"Harbour fees rise for cargo ships\n\n{head}\n\n"
        "Port fees rose on Monday, the port said.\n\nShippers were not pleased."
    )
    article = _split(text)
    assert [(b.name, b.affiliation) for b in article.bylines] == expected


def test_pull_quote_is_not_a_deck() -> None:
    text = (
        "Harbour fees rise\n\nNovember 18, 2019\n\nShare\n\n"
        "“Fees will rise for every ship that docks here,” the port said.\n\n"
        "Source: Port statement, October 25, 2019\n\n"
        "Port fees rose on Monday, the port said.\n\nShippers were not pleased."
    )
    article = _split(text)
    assert article.deck is None
    assert article.paragraphs[0].text == "Port fees rose on Monday, the port said."


def test_agency_and_place_line_is_byline_and_dateline() -> None:
    text = (
        "Talks stall\n\nShare permalink\n\nReuters, Geneva,\n\n* Nov 20 2019, 11:06am ist\n\n"
        "Talks stalled on Wednesday, diplomats said.\n\nNo date was set."
    )
    article = _split(text)
    assert [b.name for b in article.bylines] == ["Reuters"]
    assert article.dateline is not None
    assert (article.dateline.location, article.dateline.agency) == ("Geneva", "Reuters")


# --- captions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        pytest.param(
            "The minister in Moscow on Tuesday. (AP Photo)",
            [("The minister in Moscow on Tuesday.", "(AP Photo)")],
            id="ap-photo",
        ),
        pytest.param(
            "Police guard the square. (AP Photo/Sana Qadir)",
            [("Police guard the square.", "(AP Photo/Sana Qadir)")],
            id="ap-photo-name",
        ),
        pytest.param(
            "Traders work on the floor. REUTERS/Ola Brandt",
            [("Traders work on the floor.", "REUTERS/Ola Brandt")],
            id="reuters-slash",
        ),
        pytest.param(
            "A convoy enters the town. REUTERS/SANA/Handout via Reuters",
            [("A convoy enters the town.", "REUTERS/SANA/Handout via Reuters")],
            id="reuters-handout",
        ),
        pytest.param(
            "The singer on stage. (Photo by Kim Yates/Getty Images)",
            [("The singer on stage.", "(Photo by Kim Yates/Getty Images)")],
            id="photo-by",
        ),
        pytest.param(
            "Rescuers at the site. Photo: Ivo Marek",
            [("Rescuers at the site.", "Photo: Ivo Marek")],
            id="photo-colon",
        ),
        pytest.param(
            "Doctors check a patient after the new treatmentCredit: EPA",
            [("Doctors check a patient after the new treatment", "Credit: EPA")],
            id="glued-credit",
        ),
        pytest.param(
            "Image copyright EPA\n\nImage caption Rescuers search the rubble",
            [("Image caption Rescuers search the rubble", "Image copyright EPA")],
            id="credit-before-caption",
        ),
        pytest.param(
            "Media caption The mayor speaks to reporters",
            [("Media caption The mayor speaks to reporters", None)],
            id="media-caption",
        ),
        pytest.param(
            "FILE PHOTO: A tanker at sea. REUTERS/Ola Brandt",
            [("FILE PHOTO: A tanker at sea.", "REUTERS/Ola Brandt")],
            id="file-photo",
        ),
        pytest.param(
            "The new stadium at night.\n\n(Ruth Lee / Associated Press)",
            [("The new stadium at night.", "(Ruth Lee / Associated Press)")],
            id="credit-next-line",
        ),
        pytest.param("© Lars Moen", [("", "© Lars Moen")], id="credit-alone"),
    ],
)
def test_captions_between_paragraphs(lines: str, expected: list[tuple[str, str | None]]) -> None:
    text = (
        "Rescue goes on\n\nRescuers worked through the night, officials said.\n\n"
        f"{lines}\n\nThe search will go on until Friday, they said.\n\nNo one was hurt."
    )
    article = _split(text)
    assert [(c.text, c.credit) for c in article.captions] == expected
    assert [p.text for p in article.paragraphs] == [
        "Rescuers worked through the night, officials said.",
        "The search will go on until Friday, they said.",
        "No one was hurt.",
    ]


def test_caption_after_the_headline_is_not_body(seed_text: str) -> None:
    article = _split(seed_text)
    assert [c.credit for c in article.captions] == ["(AP Photo)"]
    assert article.captions[0].text.startswith("Pakistan's Defense Minister and former Foreign")
    assert article.bylines == ()
    assert article.paragraphs[0].text.startswith("Pakistan’s Defense Minister Khawaja")


def test_gallery_items_are_captions() -> None:
    text = (
        "Week in pictures\n\nThe week was busy, as the pictures show.\n\nIt rained a lot.\n\n"
        "* 1/2\n\nA crane lifts the new bridge span.\n\nGETTY IMAGES\n\n"
        "* 2/2\n\nChildren play in the snow.\n\nMore pictures next week, the editors said."
    )
    article = _split(text)
    assert [(c.text, c.credit, c.rule) for c in article.captions] == [
        ("A crane lifts the new bridge span.", "GETTY IMAGES", "caption.gallery"),
        ("Children play in the snow.", None, "caption.gallery"),
    ]


# --- paragraphs and page furniture -----------------------------------------------------------


def test_hard_wrapped_lines_rejoin_into_one_paragraph() -> None:
    article = _split(WIRE)
    first = article.paragraphs[0]
    assert first.text == (
        "Flood waters began to recede on Monday after\n"
        "a week of rain, and by just 1.0 pct of homes were still cut off, officials said."
    )
    assert [p.text for p in article.paragraphs[1:]] == ["Residents returned to their homes."]


_WRAPPED = "Line one of a story that runs on and on across the page\nand ends on the next line."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Line one of a story that runs on and on across the page\n"
            "and ends on the next line.\n"
            "   An indented second paragraph that also runs on across\n"
            "the width of the page.",
            [
                (
                    "Line one of a story that runs on and on across the page\n"
                    "and ends on the next line."
                ),
                "An indented second paragraph that also runs on across\nthe width of the page.",
            ],
            id="indented-paragraphs",
        ),
        pytest.param(
            "Share on Facebook\nShare on Twitter\nShare via Email",
            ["Share on Facebook", "Share on Twitter", "Share via Email"],
            id="short-lines-stay-apart",
        ),
        pytest.param("A.\n\nB.", ["A.", "B."], id="blank-lines"),
        pytest.param(
            "  Line one of a story that runs on and on across the page\n"
            "and ends on the next line.\n \t \nA second block.",
            [
                _WRAPPED,
                "A second block.",
            ],
            id="indented-first-line-and-white-space-blank-line",
        ),
        pytest.param(
            "Storm closes the harbour\u2029Line one of a story that runs on and on across the"
            " page\nand ends on the next line.",
            [
                "Storm closes the harbour",
                _WRAPPED,
            ],
            id="paragraph-separator",
        ),
        pytest.param(
            "Storm closes the harbour\x0c\x0cLine one of a story that runs on and on across the"
            " page\nand ends on the next line.",
            [
                "Storm closes the harbour",
                _WRAPPED,
            ],
            id="form-feeds",
        ),
        pytest.param(
            "Storm closes the harbour\n\x1f\nLine one of a story that runs on and on across the"
            " page\nand ends on the next line.",
            [
                "Storm closes the harbour",
                _WRAPPED,
            ],
            id="control-character-line-is-not-blank",
        ),
    ],
)
def test_iter_paragraphs(text: str, expected: list[str]) -> None:
    assert [p.text for p in iter_paragraphs(text)] == expected
    assert [text[s:e] for s, e in iter_units(text)] == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param(0, None, [(0, 22), (24, 53), (55, 79)], id="whole-text"),
        pytest.param(24, None, [(24, 53), (55, 79)], id="from-the-second-block"),
        pytest.param(3, 40, [(3, 22), (24, 40)], id="a-range"),
    ],
)
def test_iter_units_range(start: int, end: int | None, expected: list[tuple[int, int]]) -> None:
    text = "Ferry service resumes.\n\nThe crossing had been closed.\n\nCrews repaired the pier."
    assert list(iter_units(text, start, end)) == expected


def test_wire_slug_and_editors_note_are_not_headline_or_deck() -> None:
    text = (
        "BC-AS--Floods,0412\nFloods kill dozens in the north\nEds: Updates with new toll.\n"
        "By AMIR KHALID\nAssociated Press Writer\n\n"
        "   ISLAMABAD, Pakistan (AP) _ Flash floods swept through villages in the north\n"
        "on Monday, killing at least 40 people, officials said.\n"
        "   Rescue teams were sent to the area on Tuesday morning.\n"
    )
    article = _split(text)
    assert article.headline is not None
    assert article.headline.text == "Floods kill dozens in the north"
    assert article.deck is None
    assert [(b.name, b.affiliation) for b in article.bylines] == [
        ("AMIR KHALID", "Associated Press Writer")
    ]
    assert [p.text for p in article.paragraphs] == [
        (
            "Flash floods swept through villages in the north\non Monday, killing at least 40 "
            "people, officials said."
        ),
        "Rescue teams were sent to the area on Tuesday morning.",
    ]
    junk = [text[d.start : d.end] for d in article.diagnostics]
    assert junk == ["BC-AS--Floods,0412", "Eds: Updates with new toll.", "Associated Press Writer"]


def test_web_page_furniture_is_diagnosed_not_body() -> None:
    article = _split(WEB)
    assert [p.text for p in article.paragraphs] == [
        "The first ferry in nine days left the harbour on Tuesday.",
        "“We are glad to be moving again,” the captain said.",
    ]
    junk = {WEB[d.start : d.end] for d in article.diagnostics}
    assert {"* Facebook", "* Twitter", "Advertisement"} <= junk
    assert "Read more: Storm damage along the coast" in junk
    assert [(b.name, b.affiliation) for b in article.bylines] == [("Lena Ostrova", "Harbour Times")]
    assert [(c.text, c.credit) for c in article.captions] == [
        ("Passengers board the first ferry on Tuesday.", "(AP Photo/Jonas Berg)")
    ]
    assert article.dateline is not None
    assert (article.dateline.location, article.dateline.agency) == ("HELSINKI, Finland", "AP")


CREDIT_LINES = (
    "Stadium opens\n\nThe new stadium at night.\n\n(Ruth Lee / Associated Press)\n\n"
    "By\n\nSara J. Moreno\n\nStaff Writer\n\n"
    "The stadium opened on Friday, the club said.\n\nImage copyright EPA\n\n"
    "Image caption Fans queue at the gate\n\nTickets sold out, the club said."
)


@pytest.mark.parametrize("text", [WIRE, WEB, CREDIT_LINES], ids=["wire", "web", "credit-lines"])
def test_every_line_is_placed(text: str) -> None:
    """Nothing is lost: each non-blank line lies in some item or diagnostic."""
    article = _split(text)
    spans = _covered(article)
    pos = 0
    for line in text.splitlines(keepends=True):
        s = pos + len(line) - len(line.lstrip())
        e = pos + len(line.rstrip())
        pos += len(line)
        if s < e:
            assert any(a < e and s < b for a, b in spans), f"line {text[s:e]!r} is in no item"


# --- credits ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "role", "names", "rule"),
    [
        pytest.param(
            "(Reporting by Dana Whitfield in Memphis; Editing by Tom Berg)",
            "reporting, editing",
            ("Dana Whitfield", "Tom Berg"),
            "credit.by",
            id="reporting-editing",
        ),
        pytest.param(
            "(Additional reporting by Ana Ruiz and Cy Lund)",
            "additional reporting",
            ("Ana Ruiz", "Cy Lund"),
            "credit.by",
            id="additional",
        ),
        pytest.param(
            "Associated Press writer Nils Aho in Turku contributed to this report.",
            "contributed",
            ("Nils Aho",),
            "credit.contributed",
            id="contributed",
        ),
        pytest.param(
            "- Reporting by: Wolfgang Brandt",
            "reporting",
            ("Wolfgang Brandt",),
            "credit.by",
            id="dash-colon",
        ),
        pytest.param(
            "Contributing: John Bacon, USA TODAY",
            "contributing",
            ("John Bacon",),
            "credit.by",
            id="contributing-colon-outlet-left-out",
        ),
        pytest.param(
            "Reporting by John Post; Editing by Ana Ruiz",
            "reporting, editing",
            ("John Post", "Ana Ruiz"),
            "credit.by",
            id="a-given-name-makes-post-a-surname",
        ),
        pytest.param("Reuter", "signoff", (), "credit.signoff", id="reuter"),
        pytest.param("REUTER", "signoff", (), "credit.signoff", id="reuter-caps"),
        pytest.param("bur/jc", "signoff", (), "credit.signoff", id="afp-desk-initials"),
        pytest.param("___", "separator", (), "credit.separator", id="separator"),
    ],
)
def test_credit_lines(line: str, role: str, names: tuple[str, ...], rule: str) -> None:
    text = f"Rain ends\n\nThe rain ended on Monday, forecasters said.\n\nIt was cold.\n\n{line}"
    article = _split(text)
    assert [(c.text, c.role, c.names, c.rule) for c in article.credits] == [
        (line, role, names, rule)
    ]
    assert [p.text for p in article.paragraphs] == [
        "The rain ended on Monday, forecasters said.",
        "It was cold.",
    ]


def test_page_text_after_the_story_is_not_body() -> None:
    text = (
        "Rain ends\n\nThe rain ended on Monday, forecasters said.\n\n"
        "Nils Aho contributed to this report.\n\nMost Viewed\n\n"
        "Council votes on the new budget\n\nYou must log in to post a comment."
    )
    article = _split(text)
    assert [p.text for p in article.paragraphs] == ["The rain ended on Monday, forecasters said."]
    after = [
        text[d.start : d.end] for d in article.diagnostics if d.code == "structure.after_story"
    ]
    assert after == ["Council votes on the new budget", "You must log in to post a comment."]


def test_wire_story_end_to_end() -> None:
    article = _split(WIRE, dt.date(2021, 3, 3))
    assert [(c.role, c.rule) for c in article.credits] == [
        ("reporting, editing", "credit.by"),
        ("signoff", "credit.signoff"),
    ]
    assert article.dateline is not None
    assert article.dateline.text == "MEMPHIS, Tenn., March 2 (Reuters) -"
    assert article.dateline.rule == "dateline.wire"
    assert [b.rule for b in article.bylines] == ["byline.by", "byline.by"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("\n\n  \n", id="blank"),
        pytest.param("*\n\n*\n\nAdvertisement", id="only-furniture"),
    ],
)
def test_odd_text_gives_no_headline(text: str) -> None:
    article = _split(text)
    assert article.headline is None
    assert article.paragraphs == ()


def test_parse_article_runs_the_stage(seed_text: str) -> None:
    article = parse_article(seed_text, published="2025-11-01")
    assert article.headline is not None
    assert article.headline.text == "Pakistan defense minister warns Kabul over cross-border terror"
    assert len(article.paragraphs) == 19


# -- timestamps printed in the head matter --------------------------------------------------

# "The port reopened on Tuesday": the most recent Tuesday on or before the reference
_TUESDAYS = {
    dt.date(2019, 11, 20): "2019-11-19",
    dt.date(2019, 11, 19): "2019-11-19",
    dt.date(2019, 11, 18): "2019-11-12",
    None: "XXXX-WXX-2",
}


@pytest.mark.parametrize(
    ("head", "expected", "reference"),
    [
        pytest.param(
            "Published November 20, 2019 - 7:50 a.m. ET",
            [("November 20, 2019 - 7:50 a.m. ET", "published", "timestamp.line")],
            dt.date(2019, 11, 20),
            id="labelled-line-with-time",
        ),
        pytest.param(
            "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 18, 2019 8:02 am ET",
            [
                ("Nov. 19, 2019 8:21 am ET", "updated", "timestamp.line"),
                ("Nov. 18, 2019 8:02 am ET", "published", "timestamp.line"),
            ],
            dt.date(2019, 11, 18),
            id="update-then-original",
        ),
        pytest.param(
            "19 November 2019",
            [("19 November 2019", "published", "timestamp.line")],
            dt.date(2019, 11, 19),
            id="bare-date-line",
        ),
        pytest.param(
            "By Ana Ruiz on Monday, November 18th, 2019 at 11:04 a.m.",
            [("Monday, November 18th, 2019 at 11:04 a.m.", "published", "timestamp.byline")],
            dt.date(2019, 11, 18),
            id="date-after-the-byline",
        ),
        pytest.param(
            "TNN | Updated: Nov 19, 2019, 08:12 IST",
            [("Nov 19, 2019", "updated", "timestamp.line")],
            dt.date(2019, 11, 19),
            id="label-inside-a-short-line",
        ),
        pytest.param("Updated 14 hours ago", [], None, id="relative-stamp-is-no-reference"),
    ],
)
def test_timestamps(
    head: str, expected: list[tuple[str, str, str]], reference: dt.date | None
) -> None:
    text = f"Port reopens after storm\n\n{head}\n\nThe port reopened on Tuesday after the storm."
    article = parse_article(text)
    assert [(t.text, t.role, t.rule) for t in article.timestamps] == expected
    assert article.reference_date == reference
    [tuesday] = [d.value for d in article.dates if d.text == "Tuesday"]
    assert tuesday == _TUESDAYS[reference]


def test_given_published_date_wins_over_a_timestamp() -> None:
    text = "Port reopens\n\nPublished March 2, 2020\n\nThe port reopened on Tuesday."
    article = parse_article(text, published="2021-06-10")
    assert [t.text for t in article.timestamps] == ["March 2, 2020"]
    assert article.reference_date == dt.date(2021, 6, 10)
    assert [d.value for d in article.dates if d.text == "Tuesday"] == ["2021-06-08"]


def test_dateline_date_takes_the_timestamps_year() -> None:
    text = (
        "Oil falls\n\nPublished March 4, 2023 at 9:15 a.m. ET\n\n"
        "LONDON, March 3 (Reuters) - Oil fell, traders said."
    )
    article = parse_article(text)
    assert article.dateline is not None
    assert article.dateline.date is not None
    assert (article.dateline.date.text, article.dateline.date.value) == ("March 3", "2023-03-03")
    alone = parse_article(text.replace("Published March 4, 2023 at 9:15 a.m. ET", "Markets"))
    assert alone.dateline is not None
    assert alone.dateline.date is not None
    assert alone.dateline.date.value == "XXXX-03-03"


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        pytest.param(
            "Ana Ruiz is a reporter for The Lakeside Courier.",
            [("Ana Ruiz", "The Lakeside Courier", "byline.bio")],
            id="bio",
        ),
        pytest.param(
            "Ana Ruiz (@anaruiz) is a Staff Writer at WIRED covering ports.",
            [("Ana Ruiz", "WIRED", "byline.bio")],
            id="bio-with-handle",
        ),
        pytest.param(
            "Jamal Osei was a columnist for The Lakeside Courier.", [], id="past-tense-is-the-story"
        ),
        pytest.param("The mayor is a former reporter for the Courier.", [], id="no-name"),
    ],
)
def test_author_bio_at_the_end(tail: str, expected: list[tuple[str, str | None, str]]) -> None:
    text = f"Port reopens\n\nThe port reopened on Tuesday.\n\nShips came back.\n\n{tail}"
    article = parse_article(text)
    assert [(b.name, b.affiliation, b.rule) for b in article.bylines] == expected


def test_timestamp_after_an_agency_byline() -> None:
    stamp = "Associated Press November 19, 2019, 9:02 AM"
    text = (
        "Nadal keeps Spain alive\n\nRafael Nadal celebrates a point in Madrid, Spain, Tuesday,"
        f" Nov. 19, 2019. (Manu Fernandez/AP)\n\n{stamp}\n*\n*\n{stamp}\n*\n\n"
        "MADRID — Rafael Nadal kept Spain alive on Tuesday."
    )
    article = parse_article(text)
    assert [(b.name, b.rule) for b in article.bylines] == [("Associated Press", "byline.agency")]
    assert [(t.text, t.rule) for t in article.timestamps][:1] == [
        ("November 19, 2019, 9:02 AM", "timestamp.byline")
    ]
    assert article.reference_date == dt.date(2019, 11, 19)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        pytest.param(
            "Updated on: November 19, 2019 / 10:07 AM / CBS News",
            [("CBS News", "byline.stamp")],
            id="outlet-signs-the-timestamp",
        ),
        pytest.param(
            "By Ana Ruiz\n\nNovember 19, 2019 / 10:07 AM / CBS News",
            [("Ana Ruiz", "byline.by")],
            id="a-byline-wins",
        ),
        pytest.param("November 19, 2019 / 10:07 AM", [], id="no-outlet"),
    ],
)
def test_outlet_after_a_timestamp(head: str, expected: list[tuple[str, str]]) -> None:
    text = f"Rescue caught on video\n\n{head}\n\nPolice released a video on Tuesday."
    assert [(b.name, b.rule) for b in parse_article(text).bylines] == expected


def test_crlf_text_splits_like_lf_text() -> None:
    lf = (
        "Harbour fees rise\n\nBy Ana Ruiz\n\nSPRINGFIELD, March 2 (Reuters) - Port fees rose\n"
        "on Monday, the port said.\n\nShippers were not pleased."
    )
    crlf = lf.replace("\n", "\r\n")
    a, b = parse_article(lf), parse_article(crlf)
    assert [p.text.split() for p in a.paragraphs] == [p.text.split() for p in b.paragraphs]
    assert len(b.paragraphs) == 2


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "\nCANBERRA, Australia (AP)_ Turning its back on two centuries of loyalty to the"
            " British crown, a convention voted on Friday to make Australia a republic. Prime"
            " Minister Ana Ruiz, a monarchist herself, promised to put the question to a vote"
            ' next year. "The people will decide," she said on Friday in the capital.',
            id="one-paragraph-wire-story",
        ),
        pytest.param(
            "Oil prices have been falling for weeks because of a worldwide glut of oil, and"
            " with a diplomatic solution to the crisis at hand, traders expect them to fall"
            " further before the winter. The Brent price fell again on Monday, dealers said,"
            " and the light crude price followed it.\n\nGas prices fell two cents a gallon."
            " That is the survey's finding.",
            id="running-text-from-the-first-line",
        ),
    ],
)
def test_running_text_has_no_headline(text: str) -> None:
    article = parse_article(text)
    assert article.headline is None
    assert article.paragraphs
    first = "Turning its" if "CANBERRA" in text else "Oil prices"
    assert " ".join(article.paragraphs[0].text.split()[:2]) == first
