"""parse_many and the streaming CLI.

The throughput ratio of 2 processes over 1 (bar: >= 1.7x on 2 cores) is measured by
``benchmarks/batch_scaling.py``; here each mode is timed on its own, and the CLI's peak
memory on a stream of JSON Lines is checked (bar: < 200 MB; it does not grow with the input).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from benchmarks.conftest import SEED
from newsparse.batch import parse_many

if TYPE_CHECKING:
    from pytest_benchmark.fixture import BenchmarkFixture

TEXTS = [SEED] * 64


def _quotes(processes: int) -> int:
    return sum(len(a.quotes) for a in parse_many(TEXTS, processes=processes, chunksize=8))


@pytest.mark.benchmark(group="batch")
def test_parse_many_inline(benchmark: BenchmarkFixture) -> None:
    total = benchmark(_quotes, 1)
    assert total >= 64 * 20


@pytest.mark.benchmark(group="batch")
def test_parse_many_two_processes(benchmark: BenchmarkFixture) -> None:
    total = benchmark(_quotes, 2)
    assert total >= 64 * 20


GENERATOR = """
import json, sys
seed = open(sys.argv[1], encoding="utf-8").read()
paragraphs = seed.split("\\n\\n")
for i in range(int(sys.argv[2])):
    # a different article each time: a rotating window of the seed's paragraphs
    k = i % (len(paragraphs) - 4)
    text = paragraphs[0] + "\\n\\n" + "\\n\\n".join(paragraphs[k + 1 : k + 5])
    sys.stdout.write(json.dumps({"id": i, "text": text, "published": "2025-11-01"}) + "\\n")
"""


def cli_peak_rss_mb(count: int, *extra: str) -> tuple[float, int]:
    """Stream *count* generated JSON Lines through the CLI; its peak RSS (MB) and lines out."""
    seed = os.path.join(os.path.dirname(__file__), "..", "seeds", "000_aadee0b4fd7fab13.txt")
    with subprocess.Popen(
        [sys.executable, "-c", GENERATOR, seed, str(count)], stdout=subprocess.PIPE
    ) as feed:
        cli = subprocess.Popen(
            [sys.executable, "-m", "newsparse", "--jsonl", "--quiet", *extra],
            stdin=feed.stdout,
            stdout=subprocess.PIPE,
        )
        assert feed.stdout is not None
        feed.stdout.close()
        assert cli.stdout is not None
        lines = 0
        for line in cli.stdout:
            json.loads(line)
            lines += 1
        cli.stdout.close()
        _, status, usage = os.wait4(cli.pid, 0)
        cli.returncode = os.waitstatus_to_exitcode(status)
    assert cli.returncode == 0
    return usage.ru_maxrss / 1024, lines


def test_cli_memory_is_flat_on_a_stream() -> None:
    small, n_small = cli_peak_rss_mb(200)
    big, n_big = cli_peak_rss_mb(4000)
    assert (n_small, n_big) == (200, 4000)
    assert big < 200
    assert big - small < 25, (small, big)  # no growth with the length of the stream
