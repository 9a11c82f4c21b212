from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

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


def test_cli_no_arguments() -> None:
    done = run()
    assert done.returncode == 2
    assert "FILE" in done.stderr
