from __future__ import annotations

import html.parser
from typing import TYPE_CHECKING

import pytest

from newsparse import parse_article
from newsparse.html import render_fragment, render_html
from newsparse.model import Article, DateMention, Entity, Mention, Quote, Span, Speaker

if TYPE_CHECKING:
    import pathlib


class _Marks(html.parser.HTMLParser):
    """Collect the text of the article block and of each <mark>, with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside <div class="np-text">
        self.text: list[str] = []
        self.open: list[tuple[dict[str, str | None], list[str]]] = []
        self.marks: list[tuple[dict[str, str | None], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "div" and ("class", "np-text") in attrs:
            self.depth = 1
        elif self.depth and tag == "mark":
            self.open.append((dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag == "mark":
            attrs, parts = self.open.pop()
            self.marks.append((attrs, "".join(parts)))
        elif self.depth and tag == "div":
            self.depth = 0

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)
            for _, parts in self.open:
                parts.append(data)


def _parse(fragment: str) -> _Marks:
    p = _Marks()
    p.feed(fragment)
    p.close()
    return p


def _classes(attrs: dict[str, str | None]) -> list[str]:
    return (attrs.get("class") or "").split()


def test_fragment_text_is_the_article_text(seed_text: str) -> None:
    article = parse_article(seed_text, published="2025-11-01")
    assert "".join(_parse(render_fragment(article)).text) == seed_text


def test_repr_html_is_the_fragment(seed_text: str) -> None:
    article = parse_article(seed_text)
    assert article._repr_html_() == render_fragment(article)


def test_seed_quotes_are_marked(seed_text: str) -> None:
    article = parse_article(seed_text, published="2025-11-01")
    marks = _parse(render_fragment(article)).marks
    quotes: dict[str, str] = {}
    for attrs, text in marks:
        if "np-quote" in _classes(attrs):
            ref = attrs["data-ref"] or ""
            quotes[ref] = quotes.get(ref, "") + text
    assert quotes == {f"q{i}": q.text for i, q in enumerate(article.quotes)}
    assert len(quotes) >= 20


TEXT = 'Storm hits\n\n"Stay <inside> & safe," Mayor Ana Ruiz said on Feb. 3.'
ARTICLE = Article(
    text=TEXT,
    headline=Span.of(TEXT, 0, 10),
    quotes=(
        Quote(
            13,
            34,
            TEXT[13:34],
            kind="direct",
            rule="quote.pair",
            speaker=Speaker(36, 50, TEXT[36:50], name="Ana Ruiz", entity="e1"),
            cue=Span.of(TEXT, 51, 55),
        ),
    ),
    dates=(DateMention(59, 65, TEXT[59:65], type="DATE", value="XXXX-02-03", rule="date.md"),),
    entities=(
        Entity(
            "e1",
            "Ana Ruiz",
            "PER",
            mentions=(Mention(42, 50, TEXT[42:50], kind="name", rule="ent.name"),),
            titles=("Mayor",),
        ),
    ),
)


@pytest.mark.parametrize(
    ("cls", "text", "title_parts"),
    [
        pytest.param(
            "np-quote",
            "Stay <inside> & safe,",
            ["direct quote", "speaker: Ana Ruiz", "cue: said", "rule: quote.pair"],
            id="quote",
        ),
        pytest.param(
            "np-speaker", "Mayor Ana Ruiz", ["speaker: Ana Ruiz", "entity e1"], id="speaker"
        ),
        pytest.param(
            "np-PER", "Ana Ruiz", ["PER: Ana Ruiz", "name mention", "titles: Mayor", "e1"], id="per"
        ),
        pytest.param("np-cue", "said", ["cue: said"], id="cue"),
        pytest.param("np-date", "Feb. 3", ["DATE", "XXXX-02-03", "rule: date.md"], id="date"),
        pytest.param("np-headline", "Storm hits", ["headline"], id="headline"),
    ],
)
def test_marks_and_hover_details(cls: str, text: str, title_parts: list[str]) -> None:
    found = [(a, t) for a, t in _parse(render_fragment(ARTICLE)).marks if cls in _classes(a)]
    assert [t for _, t in found] == [text]
    title = found[0][0]["title"] or ""
    assert title.split(" · ") == title_parts


def test_everything_is_escaped() -> None:
    fragment = render_fragment(ARTICLE)
    assert "<inside>" not in fragment
    assert "Stay &lt;inside&gt; &amp; safe," in fragment


def test_nesting_keeps_the_speaker_inside_its_entity_mark() -> None:
    fragment = render_fragment(ARTICLE)
    assert '<mark class="np-speaker"' in fragment
    speaker_at = fragment.index('<mark class="np-speaker"')
    per_at = fragment.index('<mark class="np-ent np-PER"')
    assert speaker_at < per_at < fragment.index("Ana Ruiz</mark>")


def test_crossing_marks_are_split() -> None:
    text = "Title\n\nAlpha beta gamma delta."
    article = Article(
        text=text,
        quotes=(Quote(7, 17, text[7:17], kind="indirect"),),  # "Alpha beta"
        dates=(DateMention(13, 23, text[13:23], value="X"),),  # "beta gamma"
    )
    marks = _parse(render_fragment(article)).marks
    assert [(_classes(a)[0], t) for a, t in marks] == [
        ("np-date", "beta"),
        ("np-quote", "Alpha beta"),
        ("np-date", " gamma"),
    ]
    assert "".join(_parse(render_fragment(article)).text) == text


def test_legend_lists_every_kind() -> None:
    fragment = render_fragment(ARTICLE)
    legend = fragment[
        fragment.index('<div class="np-legend">') : fragment.index('<div class="np-text">')
    ]
    for name in ("quote", "speaker", "cue", "date", "person", "organisation", "place", "other"):
        assert f">{name}</span>" in legend


def test_render_html_writes_a_page(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "page.html"
    page = render_html(ARTICLE, path)
    assert path.read_text(encoding="utf-8") == page
    assert page.startswith("<!DOCTYPE html>\n")
    assert "<title>Storm hits</title>" in page
    assert '<meta charset="utf-8">' in page
    assert render_fragment(ARTICLE) in page


@pytest.mark.parametrize(
    ("article", "title", "expected"),
    [
        pytest.param(Article(text="no headline"), None, "<title>newsparse</title>", id="default"),
        pytest.param(ARTICLE, "<A & B>", "<title>&lt;A &amp; B&gt;</title>", id="escaped"),
    ],
)
def test_render_html_title(article: Article, title: str | None, expected: str) -> None:
    assert expected in render_html(article, title=title)
