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


def test_an_actors_evidence_marks_every_mention_that_put_the_sentence_there(nlp, tmp_path):
    """BBC politics/005 names the United Kingdom as "British" and "Britain": its evidence marks
    those words, where the actor's name alone marked nothing, and every sentence listed has a mark."""
    import duckdb

    from analysis import queries
    from analysis.pipeline import analyze_articles
    from analysis.readers import read_file
    from analysis.store import Store

    with Store(tmp_path / "s.duckdb") as store:
        store.write(list(analyze_articles(read_file(BBC / "politics" / "005.txt"), nlp=nlp)), "v1")
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    request = Evidence(actors=("United Kingdom",))
    rows = queries.run(con, "evidence", queries.Filters(), request=request, limit=None)
    marked = [re.findall(r"<mark>(.*?)</mark>", _highlight(r.sentence, None, (), r.marks)) for r in rows.itertuples()]
    assert len(rows) >= 2 and all(marked)
    assert {"British", "Britain"} <= {word for words in marked for word in words}
