"""One local process against a 2-worker Dask LocalCluster on the same 500 BBC articles.

.venv/bin/python bench/dask_scaling.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "corpora" / "bbc"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        for path in [
            p
            for s in ("business", "entertainment", "politics", "sport", "tech")
            for p in sorted((BBC / s).glob("*.txt"))[:100]
        ]:
            (corpus / f"{path.parent.name}-{path.name}").write_bytes(path.read_bytes())
        runs = {
            "local, one process": ["--n-process", "1"],
            "dask LocalCluster, 2 workers": ["--engine", "dask", "--n-process", "2"],
        }
        seconds = {}
        for name, flags in runs.items():
            store = Path(tmp) / f"{len(seconds)}.duckdb"
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "analysis", "ingest", str(corpus), "--store", str(store), *flags],
                cwd=ROOT,
                check=True,
                stderr=subprocess.DEVNULL,
            )
            seconds[name] = time.perf_counter() - started
            print(f"{name}: {seconds[name]:.1f} s")
        local, dask = seconds.values()
        print(f"500 BBC articles: speed-up of the 2-worker cluster over one process {local / dask:.2f}x")


if __name__ == "__main__":
    main()
