from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from newsparse import parse_article
from tests.conftest import SEED_FILE

if TYPE_CHECKING:
    import pathlib


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsparse", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_on_the_seed() -> None:
    done = run(str(SEED_FILE))
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["id"] == str(SEED_FILE)
    assert (
        out["headline"]["text"] == "Pakistan defense minister warns Kabul over cross-border terror"
    )
    assert len(out["paragraphs"]) >= 19


def test_cli_stdin_with_published() -> None:
    done = run("-", "--published", "2020-02-04", stdin="Title\n\nIt rained on Feb. 3.")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["published"] == "2020-02-04"
    assert [d["value"] for d in out["dates"]] == ["2020-02-03"]


def test_cli_missing_file() -> None:
    done = run("no/such/file.txt")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "no/such/file.txt" in done.stderr


def test_cli_directory(tmp_path: pathlib.Path) -> None:
    done = run(str(tmp_path))
    assert done.returncode == 2
    assert "is a directory" in done.stderr


def test_cli_invalid_utf8(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Title\n\nCaf\xe9 opens.")
    done = run(str(bad))
    assert done.returncode == 2
    assert "byte offset 10" in done.stderr
    done = run(str(bad), "--errors", "replace")
    assert done.returncode == 0
    assert "Caf\ufffd" in json.loads(done.stdout)["text"]


def test_cli_bad_published() -> None:
    done = run("-", "--published", "someday", stdin="x")
    assert done.returncode == 2
    assert "someday" in done.stderr


def test_cli_jsonl_skips_bad_lines() -> None:
    lines = [
        json.dumps({"id": "a", "text": "One\n\nFirst.", "published": "2020-01-01"}),
        "{not json",
        json.dumps({"id": "c", "text": 3}),
        json.dumps({"id": "d", "text": "Two\n\nSecond."}),
    ]
    done = run("--jsonl", "-", stdin="\n".join(lines) + "\n")
    assert done.returncode == 1
    outs = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["id"] for o in outs] == ["a", "d"]
    assert outs[0]["published"] == "2020-01-01"
    assert "-:2:" in done.stderr
    assert "-:3:" in done.stderr


def test_cli_jsonl_file_name_implies_jsonl(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "One\n\nFirst."}) + "\n", encoding="utf-8")
    done = run(str(path))
    assert done.returncode == 0, done.stderr
    (out,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert (out["id"], out["headline"]["text"]) == ("a", "One")


def test_cli_no_arguments() -> None:
    done = run()
    assert done.returncode == 2
    assert "FILE" in done.stderr


def _jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


PORT = 'Port reopens\n\n"We are open," Mayor Ana Ruiz said on Tuesday.'
STORM = (
    "Storm hits coast\n\n"
    '"The sea wall held," said Tom Reyes, the harbour master. '
    '"We were lucky, frankly."\n\nThe storm passed on Feb. 3, 2020.'
)


def test_cli_jsonl_custom_fields_and_selected_output() -> None:
    stdin = _jsonl(
        {"doc": "p1", "body": PORT, "date": "2021-03-05"},
        {"doc": "p2", "body": STORM},
    )
    done = run(
        "--jsonl",
        "--text-field",
        "body",
        "--id-field",
        "doc",
        "--published-field",
        "date",
        "--fields",
        "published,quotes",
        "--published",
        "2020-02-04",
        stdin=stdin,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    outs = [json.loads(line) for line in done.stdout.splitlines()]
    assert [sorted(o) for o in outs] == [["id", "published", "quotes"]] * 2
    assert [(o["id"], o["published"]) for o in outs] == [("p1", "2021-03-05"), ("p2", "2020-02-04")]
    assert outs[0]["quotes"] == parse_article(PORT).to_dict()["quotes"]
    assert outs[1]["quotes"] == parse_article(STORM).to_dict()["quotes"]


@pytest.mark.parametrize(
    ("fmt", "delimiter"), [pytest.param("csv", ",", id="csv"), pytest.param("tsv", "\t", id="tsv")]
)
def test_cli_quote_table(fmt: str, delimiter: str, seed_text: str) -> None:
    stdin = _jsonl({"id": "a", "text": seed_text}, {"id": "b", "text": "No quotes\n\nNone here."})
    done = run("--jsonl", "--format", fmt, stdin=stdin)
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout), delimiter=delimiter))
    assert rows[0] == [
        "id",
        "quote_index",
        "speaker_name",
        "speaker_mention",
        "cue",
        "kind",
        "quote",
        "start",
        "end",
    ]
    expected = [
        [
            "a",
            str(i),
            q.speaker.name or "" if q.speaker else "",
            q.speaker.text if q.speaker else "",
            q.cue.text if q.cue else "",
            q.kind,
            q.text,
            str(q.start),
            str(q.end),
        ]
        for i, q in enumerate(parse_article(seed_text).quotes)
    ]
    assert rows[1:] == expected
    assert len(expected) >= 20


def test_cli_quote_table_keeps_delimiters_and_newlines_inside_fields() -> None:
    text = 'Title\n\n"One,\ttwo,\nthree," she said.'
    done = run("--jsonl", "--format", "tsv", stdin=_jsonl({"id": 1, "text": text}))
    rows = list(csv.reader(io.StringIO(done.stdout), delimiter="\t"))
    assert [r[6] for r in rows[1:]] == [q.text for q in parse_article(text).quotes]


def test_cli_processes_give_the_same_output(seed_text: str) -> None:
    stdin = _jsonl(*({"id": i, "text": t} for i, t in enumerate([seed_text, PORT, STORM] * 5)))
    one = run("--jsonl", "--processes", "1", stdin=stdin)
    two = run("--jsonl", "--processes", "2", "--chunksize", "2", stdin=stdin)
    assert one.returncode == two.returncode == 0
    assert two.stdout == one.stdout
    assert [json.loads(line)["id"] for line in two.stdout.splitlines()] == list(range(15))


def test_cli_jsonl_invalid_utf8_line_is_skipped() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsparse", "--jsonl"],
        input=b'{"id": 1, "text": "Caf\xe9"}\n{"id": 2, "text": "Fine"}\n',
        capture_output=True,
        check=False,
    )
    assert done.returncode == 1
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == [2]
    assert b"-:1: invalid UTF-8" in done.stderr
    assert done.stderr.count(b"\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(("--fields", "quotes,nope"), "unknown field 'nope'", id="unknown-field"),
        pytest.param(("--format", "csv", "--fields", "quotes"), "--fields", id="fields-csv"),
        pytest.param(("--processes", "-1"), "--processes", id="negative-processes"),
        pytest.param(("--format", "tsv", "--indent", "2"), "--indent", id="indent-tsv"),
    ],
)
def test_cli_bad_options_one_line(args: tuple[str, ...], message: str) -> None:
    done = run("--jsonl", *args, stdin=_jsonl({"text": PORT}))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert message in done.stderr


@pytest.mark.parametrize(
    ("flags", "shown"),
    [
        pytest.param((), False, id="not-a-terminal"),
        pytest.param(("--progress",), True, id="forced"),
        pytest.param(("--progress", "--processes", "2"), True, id="forced-pool"),
    ],
)
def test_cli_progress_bar(tmp_path: pathlib.Path, flags: tuple[str, ...], shown: bool) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(_jsonl(*({"id": i, "text": PORT} for i in range(50))), encoding="utf-8")
    done = run("--jsonl", str(path), *flags)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 50
    assert ("50 articles" in done.stderr) is shown


def test_cli_progress_bar_without_tqdm(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(_jsonl(*({"id": i, "text": PORT} for i in range(5))), encoding="utf-8")
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "tqdm.py").write_text("raise ImportError('no tqdm here')\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "newsparse", "--jsonl", str(path), "--progress"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(blocker)},
    )
    assert done.returncode == 0, done.stderr
    assert "5 articles" in done.stderr
    assert "100%, ETA 0:00" in done.stderr


def test_cli_quiet_closed_pipe(seed_text: str, tmp_path: pathlib.Path) -> None:
    # `newsparse ... | head -1`: the reader leaves early; no traceback, no partial line.
    path = tmp_path / "in.jsonl"
    path.write_text(_jsonl(*({"id": i, "text": seed_text} for i in range(300))), encoding="utf-8")
    with (
        path.open("rb") as stdin,
        subprocess.Popen(
            [sys.executable, "-m", "newsparse", "--jsonl", "--processes", "2"],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        ) as proc,
    ):
        assert proc.stdout is not None
        assert proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait(timeout=60) == 0
    assert json.loads(first)["id"] == 0
    assert err == b""


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        pytest.param(("-",), 1, id="empty-article"),
        pytest.param(("--jsonl", "-"), 0, id="empty-jsonl"),
    ],
)
def test_cli_empty_input(args: tuple[str, ...], lines: int) -> None:
    done = run(*args, stdin="")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    out = done.stdout.splitlines()
    assert len(out) == lines
    if lines:
        assert json.loads(out[0])["text"] == ""
