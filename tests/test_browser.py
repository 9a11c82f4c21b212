"""The standalone page in a real headless browser (Debian's chromium).

Skipped when chromium is not installed, unless CI is set: in CI it must run.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
from typing import TYPE_CHECKING, Any

import pytest

from newsparse import parse_article
from newsparse.html import render_html

if TYPE_CHECKING:
    import pathlib

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not IN_CI,
    reason="chromium is not installed (apt-get install chromium); CI=true makes this fail",
)

# Runs after layout: reports what the browser drew for each mark, into the DOM it dumps.
PROBE = """
<script>
const marks = [...document.querySelectorAll(".np-text mark")].map((m) => {
  const box = m.getBoundingClientRect();
  const style = getComputedStyle(m);
  return {cls: m.className, ref: m.dataset.ref || null, text: m.textContent,
          title: m.title, w: box.width, h: box.height, bg: style.backgroundColor,
          label: getComputedStyle(m, "::after").content};
});
const legend = [...document.querySelectorAll(".np-legend span")].map((s) => s.textContent);
const out = document.createElement("pre");
out.id = "np-probe";
const text = document.querySelector(".np-text").textContent;
out.textContent = JSON.stringify({marks, legend, text});
document.body.appendChild(out);
</script>
"""


def _render_in_browser(page: str, tmp_path: pathlib.Path) -> dict[str, Any]:
    assert CHROMIUM is not None, "CI=true but chromium is not installed"
    path = tmp_path / "page.html"
    path.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1200,2000",
            "--dump-dom",
            path.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    start = dom.index('<pre id="np-probe">') + len('<pre id="np-probe">')
    result: dict[str, Any] = json.loads(html.unescape(dom[start : dom.index("</pre>", start)]))
    return result


@pytest.fixture(scope="module")
def seed_render(
    seed_text: str, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Any, dict[str, Any]]:
    article = parse_article(seed_text, published="2025-11-01")
    return article, _render_in_browser(render_html(article), tmp_path_factory.mktemp("browser"))


def test_browser_shows_the_seed_text(seed_render: tuple[Any, dict[str, Any]]) -> None:
    article, seen = seed_render
    assert seen["text"] == article.text
    assert seen["legend"] == [
        "quote",
        "speaker",
        "cue",
        "date",
        "person",
        "organisation",
        "place",
        "other",
    ]


def test_browser_highlights_the_seed_quotes(seed_render: tuple[Any, dict[str, Any]]) -> None:
    article, seen = seed_render
    quotes: dict[str, str] = {}
    for mark in seen["marks"]:
        if "np-quote" in mark["cls"].split():
            quotes[mark["ref"]] = quotes.get(mark["ref"], "") + mark["text"]
            assert mark["w"] > 0
            assert mark["h"] > 0
            assert mark["bg"] not in {"rgba(0, 0, 0, 0)", "transparent"}, mark
            assert "quote" in mark["title"]
    assert quotes == {f"q{i}": q.text for i, q in enumerate(article.quotes)}
    assert len(quotes) >= 20


def test_browser_draws_entity_labels_outside_the_text(
    seed_render: tuple[Any, dict[str, Any]],
) -> None:
    article, seen = seed_render
    people = [m for m in seen["marks"] if "np-PER" in m["cls"].split()]
    assert people
    assert {m["label"] for m in people} == {'"PER"'}
    mentions = {m.text for e in article.entities if e.type == "PER" for m in e.mentions}
    assert {m["text"] for m in people} <= mentions
