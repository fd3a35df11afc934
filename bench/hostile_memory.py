"""Peak memory of ingesting the two big probes of issue #18: a 60 MB .txt and one article of
2,000,000 characters (the default per-article cap), each beside a good article.

Each case is `python -m analysis ingest FOLDER --store NEW --n-process 1` in a fresh process;
its peak RSS is read from the kernel (`getrusage(RUSAGE_CHILDREN).ru_maxrss`, measured in a
wrapper process per case so the cases do not mix). The aim (issue 18): under 2 GB each.

    .venv/bin/python bench/hostile_memory.py [--chars 2000000] [--megabytes 60]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile import GOOD_TEXT, big_text, long_article  # noqa: E402

MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - started
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(done.returncode, peak_kb, f"{seconds:.1f}")
sys.stderr.write(done.stderr)
"""


def measure(folder: Path, store: Path, *extra: str) -> tuple[int, float, float, str]:
    """(exit status, peak RSS in MB, seconds, stderr) of one ingest of `folder`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "analysis", "ingest", str(folder), "--store", str(store), "--n-process", "1"]
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, *command, *extra], capture_output=True, text=True, env=env, cwd=ROOT
    )
    status, peak_kb, seconds = done.stdout.split()
    return int(status), int(peak_kb) / 1024, float(seconds), done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chars", type=int, default=2_000_000, help="length of the long article")
    parser.add_argument("--megabytes", type=int, default=60, help="size of the big .txt")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        cases = {}
        big = tmp_path / "big"
        big.mkdir()
        big_text(big, megabytes=args.megabytes)
        cases[f"{args.megabytes} MB .txt"] = big
        long = tmp_path / "long"
        long.mkdir()
        (long / "long.txt").write_text(long_article(args.chars), encoding="utf-8")
        cases[f"{args.chars:,}-character article"] = long
        for folder in cases.values():
            (folder / "good.txt").write_text(GOOD_TEXT)
        baseline = tmp_path / "baseline"
        baseline.mkdir()
        (baseline / "good.txt").write_text(GOOD_TEXT)
        cases["one short article (baseline)"] = baseline
        print(f"{'case':34} {'exit':>4} {'peak RSS':>10} {'time':>8}")
        for name, folder in cases.items():
            status, peak_mb, seconds, stderr = measure(folder, tmp_path / f"{folder.name}.duckdb")
            print(f"{name:34} {status:>4} {peak_mb:>7,.0f} MB {seconds:>6.1f} s")
            for line in stderr.splitlines():
                if line.startswith(("warning:", "error:")) or "articles read" in line:
                    print(f"    {line}")


if __name__ == "__main__":
    main()
