from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys
from multiprocessing import forkserver
from typing import TYPE_CHECKING

import attrs
import pytest

from newsparse import parse_article
from newsparse.batch import (
    ArticleInput,
    _codec,
    _plain_slots,
    _preload_in_forkserver,
    imap,
    parse_many,
)
from newsparse.model import Quote

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsparse.model import Article

RAIN = "Rain ends\n\nIt rained on Feb. 3, officials said."
PORT = 'Port reopens\n\n"We are open," Mayor Ana Ruiz said on Tuesday.'


@pytest.mark.parametrize("processes", [pytest.param(1, id="inline"), pytest.param(2, id="pool")])
@pytest.mark.parametrize(
    ("item", "default", "expected_published"),
    [
        pytest.param(RAIN, None, None, id="str"),
        pytest.param(RAIN, "2020-02-04", dt.date(2020, 2, 4), id="str-default-date"),
        pytest.param((RAIN, "2020-02-10"), "2020-02-04", dt.date(2020, 2, 10), id="pair-own-date"),
        pytest.param((RAIN, None), "2020-02-04", dt.date(2020, 2, 4), id="pair-none-date"),
        pytest.param({"text": RAIN, "id": 7}, None, None, id="mapping"),
        pytest.param(
            {"text": RAIN, "published": dt.date(2021, 1, 1)},
            None,
            dt.date(2021, 1, 1),
            id="mapping-date",
        ),
    ],
)
def test_item_shapes(
    item: ArticleInput, default: str | None, expected_published: dt.date | None, processes: int
) -> None:
    [article] = parse_many([item], processes=processes, published=default)
    assert article.published == expected_published
    assert article == parse_article(RAIN, published=expected_published)


def test_pool_gives_the_same_articles_in_order(seed_text: str) -> None:
    texts = [seed_text, RAIN, PORT, "", "x" * 3] * 7
    expected = [parse_article(t, published="2025-11-01") for t in texts]
    got = list(parse_many(texts, processes=2, chunksize=3, published="2025-11-01"))
    assert got == expected
    assert [a.to_dict() for a in got] == [a.to_dict() for a in expected]


def test_codec_round_trips_the_seed(seed_text: str) -> None:
    encode, decode = _codec()
    article = parse_article(seed_text, published="2025-11-01T10:30:00+05:00")
    again = decode(encode(article))
    assert again == article
    assert again.to_dict() == article.to_dict()
    assert hash(again) == hash(article)


def _endless() -> Iterator[str]:
    for i in itertools.count():
        yield f"Headline {i}\n\nBody {i}."


@pytest.mark.parametrize("processes", [pytest.param(1, id="inline"), pytest.param(2, id="pool")])
def test_endless_input_is_streamed(processes: int) -> None:
    articles = parse_many(_endless(), processes=processes, chunksize=4)
    first = list(itertools.islice(articles, 25))
    articles.close()
    assert [a.text for a in first] == [f"Headline {i}\n\nBody {i}." for i in range(25)]


def test_input_is_read_a_bounded_window_ahead() -> None:
    pulled = 0

    def counting() -> Iterator[str]:
        nonlocal pulled
        for text in _endless():
            pulled += 1
            yield text

    articles = parse_many(counting(), processes=2, chunksize=5, prefetch=2)
    next(articles)
    assert pulled <= 5 * 2 * 2 + 5
    articles.close()


@pytest.mark.parametrize("processes", [pytest.param(1, id="inline"), pytest.param(2, id="pool")])
@pytest.mark.parametrize(
    ("bad", "error", "message"),
    [
        pytest.param(b"bytes", TypeError, "decode bytes first", id="bytes"),
        pytest.param((RAIN, "someday"), ValueError, "someday", id="bad-date"),
        pytest.param({"body": RAIN}, ValueError, '"text" key', id="mapping-without-text"),
        pytest.param((RAIN,), ValueError, "(text, published)", id="short-tuple"),
    ],
)
def test_errors_come_after_the_articles_before_them(
    bad: object, error: type[Exception], message: str, processes: int
) -> None:
    items = [RAIN, PORT, bad, RAIN]
    seen: list[Article] = []
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        seen.extend(parse_many(items, processes=processes, chunksize=2))  # type: ignore[arg-type]
    assert [a.text for a in seen] == [RAIN, PORT]


def test_error_in_the_input_comes_in_order() -> None:
    def broken() -> Iterator[str]:
        yield RAIN
        yield PORT
        msg = "disk gone"
        raise OSError(msg)

    seen: list[Article] = []
    with pytest.raises(OSError, match="disk gone"):
        seen.extend(parse_many(broken(), processes=2, chunksize=1))
    assert [a.text for a in seen] == [RAIN, PORT]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        pytest.param({"processes": 0}, "processes must be", id="zero-processes"),
        pytest.param({"processes": True}, "processes must be", id="bool-processes"),
        pytest.param({"chunksize": 0}, "chunksize must be", id="zero-chunksize"),
        pytest.param({"prefetch": -1}, "prefetch must be", id="negative-prefetch"),
    ],
)
def test_bad_options_raise_at_once(options: dict[str, int], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_many([RAIN], **options)  # type: ignore[arg-type]


def test_imap_runs_a_function_in_the_workers() -> None:
    assert (
        list(imap(len, ["a", "bb", "", "dddd"] * 3, processes=2, chunksize=2))
        == [
            1,
            2,
            0,
            4,
        ]
        * 3
    )


@attrs.frozen
class _WithHook:
    x: int

    def __attrs_post_init__(self) -> None:
        pass


@attrs.frozen(cache_hash=True)
class _CachedHash:
    x: int


@attrs.define
class _Plain:
    x: int


@pytest.mark.parametrize(
    ("cls", "plain"),
    [
        pytest.param(Quote, True, id="model-class"),
        pytest.param(_Plain, True, id="plain-slots"),
        pytest.param(_WithHook, False, id="post-init"),
        pytest.param(_CachedHash, False, id="cached-hash"),
    ],
)
def test_codec_rebuilds_only_plain_slotted_classes(cls: type, plain: bool) -> None:
    assert _plain_slots(cls) is plain


def test_codec_is_the_fast_one_for_the_model() -> None:
    encode, _ = _codec()
    assert isinstance(encode(parse_article(RAIN)), tuple)


def test_fork_server_preloads_the_warm_module_and_keeps_the_users(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server = forkserver._forkserver
    monkeypatch.setattr(server, "_preload_modules", ["__main__", "users_module"])
    _preload_in_forkserver()
    _preload_in_forkserver()  # a second pool adds nothing
    preload = getattr(server, "_preload_modules", None)
    assert preload == ["__main__", "users_module", "newsparse._warm"]


def test_warm_module_freezes_what_the_fork_server_holds() -> None:
    probe = (
        "import gc; n = gc.get_freeze_count(); import newsparse._warm; "
        "print(n, gc.get_freeze_count() > 0)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    assert out.split() == ["0", "True"]


def test_warm_module_loads_every_stage_on_import() -> None:
    probe = (
        "import sys; import newsparse._warm; "
        "print(sorted(m for m in sys.modules if m.startswith('newsparse.') and not "
        "m.startswith('newsparse._')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == (
        "['newsparse.batch', 'newsparse.dates', 'newsparse.entities', 'newsparse.model', "
        "'newsparse.options', 'newsparse.quotes', 'newsparse.structure']"
    )
