"""The evidence list marks every word that put a sentence there, on real text."""

from __future__ import annotations

import re

from analysis.queries import Evidence
from components.evidence import _highlight
from tests.conftest import BBC


def test_every_term_is_marked_whole_with_its_inflection():
    """BBC tech/238: "The handheld console can play games, music and movies": for the terms
    "play" and "game" both words are marked, "games" whole, though only a space lies between
    them (one match's trailing boundary is the next one's leading boundary)."""
    text = (BBC / "tech" / "238.txt").read_text(encoding="utf-8")
    (sentence,) = [s for s in re.split(r"(?<=[.!?])\s+", text) if "can play games" in s]
    marked = re.findall(r"<mark>(.*?)</mark>", _highlight(sentence, Evidence(terms=("play", "game")).pattern(), ()))
    assert marked == ["play", "games"]
