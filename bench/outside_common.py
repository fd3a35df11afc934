"""Shared helpers of the benches on outside annotated data (bench/polnear_quotes.py,
bench/actor_tone.py): run the command line on a JSONL corpus (cached under bench/out/), split
off a fixed held-out fifth, and line up record offsets with the source text.

The benches use only the command-line contract (`python -m analysis analyze PATH --format
jsonl`), run as a subprocess, so they do not depend on the package's inner modules.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CORPORA = ROOT.parent / "shared" / "corpora"


def held_out(key: str) -> bool:
    """True for a fixed fifth of the keys (SHA-256 of the key, modulo 5): the held-out part
    that tuning must not look at. Depends on the key alone, so the split never moves."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 5 == 0


def hash_order(key: str) -> str:
    """A fixed pseudo-random order (for --limit subsets that mix publishers and sources)."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def code_fingerprint() -> str:
    """Hash of the analysis code and data (every file under analysis/ and components/ but
    caches), so a cached run is reused only for the same code."""
    digest = hashlib.sha256()
    for top in ("analysis", "components"):
        base = ROOT / top
        if not base.exists():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _supports_n_process(python: str) -> bool:
    try:
        helptext = subprocess.run(
            [python, "-m", "analysis", "analyze", "--help"],
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--n-process" in helptext


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def analyze(
    articles: list[dict],
    name: str,
    *,
    python: str = sys.executable,
    n_process: int = 1,
    fresh: bool = False,
    quiet: bool = False,
) -> dict[str, dict]:
    """Run `python -m analysis analyze CORPUS.jsonl --format jsonl` on `articles` (dicts with
    at least "id" and "text") and return the records by id. The output is cached under
    bench/out/NAME-KEY.jsonl, KEY covering the corpus and the analysis code."""
    corpus = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles).encode("utf-8")
    key = hashlib.sha256(corpus + code_fingerprint().encode()).hexdigest()[:16]
    OUT.mkdir(parents=True, exist_ok=True)
    cache = OUT / f"{name}-{key}.jsonl"
    if cache.exists() and not fresh:
        if not quiet:
            print(f"(analyze output from cache {cache.relative_to(ROOT)})", file=sys.stderr)
    else:
        with tempfile.TemporaryDirectory(prefix=f"{name}-") as tmp:
            src = Path(tmp) / "corpus.jsonl"
            src.write_bytes(corpus)
            dest = Path(tmp) / "records.jsonl"
            cmd = [python, "-m", "analysis", "analyze", str(src), "--format", "jsonl", "--out", str(dest)]
            if n_process and _supports_n_process(python):
                cmd += ["--n-process", str(n_process)]
            started = time.perf_counter()
            done = subprocess.run(cmd, cwd=ROOT, env=_env(), capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"analyze failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr[-3000:]}")
            for line in done.stderr.splitlines():
                if line.startswith("error:") and not quiet:
                    print(line, file=sys.stderr)
            if not quiet:
                print(
                    f"(analyze: {len(articles)} articles in {time.perf_counter() - started:.0f} s)",
                    file=sys.stderr,
                )
            dest.replace(cache)
    records = {}
    with cache.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                # A record's own id is stored namespaced by its file (`corpus.jsonl#ID`), so that
                # two feeds' "42" never collide; the benches look records up by the corpus's id.
                records[record["id"].removeprefix("corpus.jsonl#")] = record
    return records


def offset_delta(original: str, analysed: str) -> int | None:
    """Where the record's text starts in the original text (the readers strip the body and
    normalise line ends), or None when it is not a plain substring."""
    if analysed == original:
        return 0
    at = original.find(analysed)
    return at if at >= 0 else None


def pct(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "  -  "


def add_run_options(parser, *, unit: str, holdout_help: str) -> None:
    """The options both outside-data benches take: subset, held-out report, how to run analyze."""
    parser.add_argument("--limit", type=int, help=f"only the first N {unit} in a fixed hash order")
    parser.add_argument("--holdout", action="store_true", help=holdout_help)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--fresh", action="store_true", help="ignore the cached analyze output")
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs the command line")

