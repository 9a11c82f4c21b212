"""Throughput of parse_many with 1 and 2 processes (bar: 2 processes >= 1.7x one).

    python benchmarks/batch_scaling.py [--articles 2000] [--repeat 3] [--chunksize 32]

Runs the two modes alternately, ``--repeat`` times each, on articles built from the seed's
paragraphs, and prints the best throughput of each and their ratio, with the load average
(other work on the machine skews the ratio: run it on an idle machine).
"""

from __future__ import annotations

import argparse
import os
import pathlib
import time

from newsparse.batch import DEFAULT_CHUNKSIZE, parse_many

SEED = pathlib.Path(__file__).resolve().parent.parent / "seeds" / "000_aadee0b4fd7fab13.txt"


def articles(count: int) -> list[str]:
    """*count* different articles: a headline and a rotating window of the seed's paragraphs."""
    paragraphs = SEED.read_text(encoding="utf-8").split("\n\n")
    out = []
    for i in range(count):
        k = i % (len(paragraphs) - 8)
        out.append(paragraphs[0] + "\n\n" + "\n\n".join(paragraphs[k + 1 : k + 9]))
    return out


def throughput(texts: list[str], processes: int, chunksize: int) -> float:
    """Articles per second, pool start-up included."""
    start = time.perf_counter()
    count = sum(1 for _ in parse_many(texts, processes=processes, chunksize=chunksize))
    return count / (time.perf_counter() - start)


def main() -> None:
    """Measure and print."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--articles", type=int, default=2000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--chunksize", type=int, default=DEFAULT_CHUNKSIZE)
    args = p.parse_args()
    texts = articles(args.articles)
    print(f"load average at start: {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs")
    best = {1: 0.0, 2: 0.0}
    for _ in range(args.repeat):
        for processes in (1, 2):
            rate = throughput(texts, processes, args.chunksize)
            best[processes] = max(best[processes], rate)
            print(f"  processes={processes}: {rate:,.0f} articles/s")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")
    print(
        f"best: 1 process {best[1]:,.0f}/s, 2 processes {best[2]:,.0f}/s, "
        f"ratio {best[2] / best[1]:.2f}x (bar 1.7x)"
    )


if __name__ == "__main__":
    main()
