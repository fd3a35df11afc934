"""Ten PNG exports with one warm browser against a browser started per image, side by side.

.venv/bin/python bench/export_png.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLD = """
import sys, time, warnings
sys.path.insert(0, %r)
import plotly.graph_objects as go
from analysis.figures import charts
import pandas as pd
df = pd.DataFrame({"actor": [f"Actor {i}" for i in range(15)], "type": "PERSON", "mentions": range(15, 0, -1),
                   "articles": 1, "talked_about": 0.1})
fig = charts.top_actors_bar(df)
start = time.perf_counter()
for _ in range(10):
    fig.to_image(format="png", scale=3)  # kaleido starts and stops a browser for each image
print(time.perf_counter() - start)
"""

WARM = """
import sys, time
sys.path.insert(0, %r)
import pandas as pd
from analysis.figures import charts, export
df = pd.DataFrame({"actor": [f"Actor {i}" for i in range(15)], "type": "PERSON", "mentions": range(15, 0, -1),
                   "articles": 1, "talked_about": 0.1})
fig = charts.top_actors_bar(df)
p = export.Provenance("no filters", 15, "model", "2")
export.figure_image(fig, "png", p)  # the browser starts once, here, outside the timing
start = time.perf_counter()
for _ in range(10):
    export.figure_image(fig, "png", p)
print(time.perf_counter() - start)
"""


def run(code: str) -> float:
    out = subprocess.run([sys.executable, "-c", code % str(ROOT)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cold, warm = [], []
    for _ in range(args.rounds):  # alternated, so both see the same machine noise
        cold.append(run(COLD))
        warm.append(run(WARM))
    c, w = statistics.median(cold), statistics.median(warm)
    print(
        f"10 PNGs, median of {args.rounds}: browser per image {c:.2f} s, warm browser {w:.2f} s, "
        f"ratio {c / w:.1f}x"
    )


if __name__ == "__main__":
    main()
