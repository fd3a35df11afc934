"""What the gold benches share: reading the articles a gold file names, and the tune/holdout split.

A gold entry names a BBC file (`bbc/politics/012.txt`) or a Reuters file and NEWID. The split is
by position in the gold file: even positions are the tuning half (rules were changed while looking
at its misses), odd positions the holdout half (scored, never read for tuning), so each half has
articles of every section in the same proportion.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.readers import Article, read_file  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
GOLD = ROOT / "tests" / "gold"
SPLITS = ("all", "tune", "holdout")


def load_gold(name: str) -> list[dict]:
    """The entries of tests/gold/NAME."""
    return yaml.safe_load((GOLD / name).read_text(encoding="utf-8"))


def in_split(position: int, split: str, entry: dict | None = None) -> bool:
    """Whether the entry at `position` is in `split`; an entry marked `split: tune` (or
    `holdout`), added after the halves were drawn, is in that half whatever its position."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    if split != "all" and entry is not None and entry.get("split") in ("tune", "holdout"):
        return entry["split"] == split
    return split == "all" or (position % 2 == 0) == (split == "tune")


def gold_articles(entries: list[dict]) -> list[Article]:
    """The article of each entry, in order (a Reuters file is read once for all its stories)."""
    sgm: dict[str, dict[str, Article]] = {}
    out = []
    for entry in entries:
        path = CORPORA / entry["file"]
        if "newid" in entry:
            if entry["file"] not in sgm:
                stories = [a for a in read_file(path) if isinstance(a, Article)]
                sgm[entry["file"]] = {a.meta.get("newid"): a for a in stories}
            out.append(sgm[entry["file"]][str(entry["newid"])])
        else:
            (article,) = [a for a in read_file(path) if isinstance(a, Article)]
            out.append(article)
    return out


def label(entry: dict) -> str:
    return f"{entry['file']}#{entry['newid']}" if "newid" in entry else entry["file"]
