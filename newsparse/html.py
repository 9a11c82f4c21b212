"""HTML rendering of a parsed article, for notebooks and standalone pages.

:func:`render_fragment` (what ``Article._repr_html_`` shows in Jupyter) marks up the
article text with its quotes, speakers, cue verbs, dates, entity mentions and structure,
under a legend; hovering a mark shows its details (a ``title`` tooltip). The text content of
the fragment is exactly the article text: labels are drawn by CSS, never inserted into it,
so copying from the page gives the article back. Every piece of text is HTML-escaped.

:func:`render_html` wraps the fragment in a standalone page (and can write it to a file).
"""

from __future__ import annotations

import heapq
import html
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import os

    from newsparse.model import Article

__all__ = ["CSS", "render_fragment", "render_html"]

CSS = """
.newsparse { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.9;
  color: #1d1d1f; max-width: 52em; }
.newsparse .np-legend { display: flex; flex-wrap: wrap; gap: .35em; margin: 0 0 .8em;
  font-size: .8em; }
.newsparse .np-legend span { padding: .05em .55em; border-radius: .3em; }
.newsparse .np-text { white-space: pre-wrap; margin: 0; }
.newsparse mark { color: inherit; border-radius: .25em; padding: .1em .15em; }
.newsparse mark[data-label]::after { content: attr(data-label); font-size: .6em; font-weight: 700;
  letter-spacing: .04em; margin-left: .35em; vertical-align: middle; opacity: .7; }
.newsparse .np-quote { background: #fff3bf; box-shadow: inset 0 -2px #f59f00; padding: .1em 0; }
.newsparse .np-quote.np-indirect { background: #fff9db; box-shadow: inset 0 -2px #ffd43b; }
.newsparse .np-speaker { background: #d0ebff; box-shadow: inset 0 -2px #1c7ed6;
  font-weight: 600; }
.newsparse .np-cue { text-decoration: underline wavy #e8590c; text-underline-offset: .2em;
  background: none; }
.newsparse .np-date { background: #d3f9d8; }
.newsparse .np-PER { background: #e5dbff; }
.newsparse .np-ORG { background: #ffe3e3; }
.newsparse .np-LOC { background: #c5f6fa; }
.newsparse .np-MISC { background: #e9ecef; }
.newsparse .np-headline { font-size: 1.35em; font-weight: 700; background: none; }
.newsparse .np-byline, .newsparse .np-dateline, .newsparse .np-timestamp,
.newsparse .np-caption,
.newsparse .np-credit { background: none; font-style: italic; color: #495057; }
.newsparse mark:hover { outline: 2px solid #343a40; }
""".strip()

_LEGEND = (
    ("np-quote", "quote"),
    ("np-speaker", "speaker"),
    ("np-cue", "cue"),
    ("np-date", "date"),
    ("np-PER", "person"),
    ("np-ORG", "organisation"),
    ("np-LOC", "place"),
    ("np-MISC", "other"),
)


class _Mark(NamedTuple):
    """One span to mark up; lower ``layer`` nests outside higher ones at the same extent."""

    start: int
    end: int
    layer: int
    classes: str
    title: str
    label: str | None
    ref: str | None = None


def _marks(article: Article) -> list[_Mark]:
    marks: list[_Mark] = []
    if article.headline is not None:
        h = article.headline
        marks.append(_Mark(h.start, h.end, 0, "np-headline", "headline", None))
    marks.extend(
        _Mark(b.start, b.end, 0, "np-byline", _join("byline", b.name), None)
        for b in article.bylines
    )
    if article.dateline is not None:
        dl = article.dateline
        what = _join("dateline", dl.location, dl.agency)
        marks.append(_Mark(dl.start, dl.end, 0, "np-dateline", what, None))
    marks.extend(
        _Mark(t.start, t.end, 0, "np-timestamp", _join("timestamp", t.role), None)
        for t in article.timestamps
    )
    marks.extend(
        _Mark(c.start, c.end, 0, "np-caption", _join("caption", c.credit), None)
        for c in article.captions
    )
    for c in article.credits:
        what = _join("credit", c.role, ", ".join(c.names))
        marks.append(_Mark(c.start, c.end, 0, "np-credit", what, None))
    for n, q in enumerate(article.quotes):
        speaker = q.speaker
        who = None if speaker is None else speaker.name or speaker.text
        title = _join(
            f"{q.kind} quote",
            f"speaker: {who}" if who else "no speaker",
            f"cue: {q.cue.text}" if q.cue is not None else None,
            f"rule: {q.rule}" if q.rule else None,
        )
        marks.append(_Mark(q.start, q.end, 1, f"np-quote np-{q.kind}", title, None, f"q{n}"))
        if speaker is not None:
            what = _join(f"speaker: {who}", f"entity {speaker.entity}" if speaker.entity else None)
            marks.append(_Mark(speaker.start, speaker.end, 2, "np-speaker", what, None))
        if q.cue is not None:
            marks.append(_Mark(q.cue.start, q.cue.end, 4, "np-cue", f"cue: {q.cue.text}", None))
    for d in article.dates:
        title = _join(d.type, d.value, f"rule: {d.rule}" if d.rule else None)
        marks.append(_Mark(d.start, d.end, 3, "np-date", title, d.type))
    for e in article.entities:
        extra = _join(
            f"titles: {', '.join(e.titles)}" if e.titles else None,
            f"affiliation: {e.affiliation}" if e.affiliation else None,
        )
        for m in e.mentions:
            title = _join(f"{e.type}: {e.name}", f"{m.kind} mention", extra, e.id)
            marks.append(_Mark(m.start, m.end, 3, f"np-ent np-{e.type}", title, e.type))
    return marks


def _join(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


def _open_tag(mark: _Mark, *, continued: bool) -> str:
    label = "" if mark.label is None or continued else f' data-label="{html.escape(mark.label)}"'
    ref = "" if mark.ref is None else f' data-ref="{mark.ref}"'
    return f'<mark class="{mark.classes}" title="{html.escape(mark.title)}"{label}{ref}>'


def _markup(text: str, marks: list[_Mark]) -> str:
    """Nest the marks over *text*; a mark that crosses an enclosing one is split at its edge."""
    # Heap entries: (start, -end, layer, sequence, mark, continued). Longer marks open
    # first, so they enclose the shorter ones that start at the same place.
    heap = [(m.start, -m.end, m.layer, i, m, False) for i, m in enumerate(marks) if m.end > m.start]
    heapq.heapify(heap)
    out: list[str] = []
    stack: list[int] = []  # ends of the open marks, innermost last
    pos = 0
    seq = len(heap)

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1] <= limit:
            end = stack.pop()
            out.append(html.escape(text[pos:end], quote=False))
            out.append("</mark>")
            pos = end

    while heap:
        start, neg_end, layer, _, mark, continued = heapq.heappop(heap)
        end = -neg_end
        close_until(start)
        if stack and end > stack[-1]:
            # Crosses the innermost open mark: draw the part inside, queue the rest.
            seq += 1
            heapq.heappush(heap, (stack[-1], neg_end, layer, seq, mark, True))
            end = stack[-1]
        if end <= start:
            continue
        out.append(html.escape(text[pos:start], quote=False))
        pos = start
        out.append(_open_tag(mark, continued=continued))
        stack.append(end)
    close_until(len(text))
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


def render_fragment(article: Article) -> str:
    """Return an HTML fragment: a legend and the article text with its results marked up.

    Quotes, speakers, cue verbs, dates and entity mentions are ``<mark>`` elements with
    classes (``np-quote``, ``np-speaker``, ``np-cue``, ``np-date``, ``np-ent np-PER``...)
    and a ``title`` giving the details on hover; a quote's marks carry ``data-ref="qN"``,
    N its index in ``article.quotes`` (a quote that crosses another mark is drawn in
    pieces, all with the same ``data-ref``). The fragment carries its own ``<style>``.

    >>> from newsparse import parse_article
    >>> fragment = render_fragment(parse_article("Tom & Jerry\\n\\nIt rained <a lot>."))
    >>> fragment.startswith("<div class=\\"newsparse\\">")
    True
    >>> "&lt;a lot&gt;" in fragment and "<a lot>" not in fragment
    True
    """
    legend = "".join(f'<span class="{cls}">{html.escape(name)}</span>' for cls, name in _LEGEND)
    body = _markup(article.text, _marks(article))
    return (
        f'<div class="newsparse"><style>{CSS}</style>'
        f'<div class="np-legend">{legend}</div>'
        f'<div class="np-text">{body}</div></div>'
    )


def render_html(
    article: Article,
    path: str | os.PathLike[str] | None = None,
    *,
    title: str | None = None,
) -> str:
    """Return a standalone HTML page showing *article*; write it to *path* if given.

    Args:
        article: The parsed article.
        path: Where to write the page (UTF-8); nothing is written when None.
        title: The page title; by default the headline, else "newsparse".

    Returns:
        The page.

    >>> from newsparse import parse_article
    >>> page = render_html(parse_article("Tom & Jerry\\n\\nThey met."), title="A & B")
    >>> page.startswith("<!DOCTYPE html>")
    True
    >>> "<title>A &amp; B</title>" in page
    True
    """
    if title is None:
        title = "newsparse" if article.headline is None else article.headline.text
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        '<meta name="generator" content="newsparse">\n'
        "</head>\n<body>\n"
        f"{render_fragment(article)}\n"
        "</body>\n</html>\n"
    )
    if path is not None:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(page)
    return page
