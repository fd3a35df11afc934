"""Shared fixtures: the real spaCy model loaded once, and paths to the real corpora."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_6e6242d92fdf6340.txt"
BBC = SHARED / "corpora" / "bbc"
REUTERS = SHARED / "corpora" / "reuters21578"


@pytest.fixture(scope="session")
def nlp():
    from analysis.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_analysis(nlp):
    from analysis.readers import read_file
    from analysis.pipeline import analyze_articles

    article = read_file(SEED)[0]
    return next(analyze_articles([article], nlp=nlp))


def run_cli(*args: str, cwd: Path = ROOT, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run `python -m analysis ...` as a user would, from the repository root."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
