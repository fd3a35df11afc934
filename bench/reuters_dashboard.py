"""All 21,578 Reuters-21578 stories: ingest wall time and peak memory, then the dashboard's first
load and filter reruns timed with Streamlit's AppTest on that store.

    .venv/bin/python bench/reuters_dashboard.py [--store bench/out/reuters.duckdb] [--reruns 15]

The ingest is skipped when the store already holds the corpus (delete the file to measure it).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578"


def ingest(store: Path, extra: list[str]) -> None:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "ingest", str(REUTERS), "--store", str(store), *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"ingest: {result.stderr.strip().splitlines()[-1]}")
    print(f"ingest wall time {seconds:.0f} s, peak RSS {peak_mb:.0f} MB")


def time_dashboard(store: Path, reruns: int) -> None:
    # Read before the dashboard opens the store: DuckDB lets one process at a time hold the file.
    stats = json.loads(
        subprocess.run(
            [sys.executable, "-m", "analysis", "stats", "--store", str(store)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout
    )
    print(f"store: {stats['articles']:,} articles, {stats['actors']:,} actors, {stats['quotes']:,} quotes")
    os.environ["DASHBOARD_STORE"] = str(store)
    os.environ["DASHBOARD_CORPUS"] = str(REUTERS)
    sys.path.insert(0, str(ROOT))
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "components" / "page.py"), default_timeout=600)
    started = time.perf_counter()
    at.run()
    first = time.perf_counter() - started
    assert not at.exception, at.exception
    actors = [o.split(" (")[0] for o in at.multiselect(key="actor").options[:reruns]]
    themes = [o.split(" (")[0] for o in at.multiselect(key="theme").options]
    times = []
    for i, actor in enumerate(actors):
        at.multiselect(key="actor").set_value([actor])
        if i % 3 == 1 and themes:
            at.multiselect(key="theme").set_value([themes[i % len(themes)]])
        elif i % 3 == 2:
            at.multiselect(key="theme").set_value([])
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
        assert not at.exception, at.exception
    print(
        f"dashboard first load {first:.2f} s (aim <= 5 s); filter reruns: median {statistics.median(times):.3f} s, "
        f"max {max(times):.3f} s over {len(times)} (aim median <= 0.3 s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=str(ROOT / "bench" / "out" / "reuters.duckdb"))
    parser.add_argument("--reruns", type=int, default=15)
    parser.add_argument("--ingest-args", default="", help="extra ingest flags, e.g. '--n-process 2'")
    args = parser.parse_args()
    store = Path(args.store)
    store.parent.mkdir(parents=True, exist_ok=True)
    ingest(store, args.ingest_args.split())
    time_dashboard(store, args.reruns)


if __name__ == "__main__":
    main()
