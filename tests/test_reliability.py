"""Hostile and big input: every bad file is named with a reason, nothing else is lost, article
markup never reaches the page unescaped, long articles are analysed whole."""

from __future__ import annotations

import json
import re

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.readers import Article, ReadError, read_bytes, read_paths
from analysis.figures.highlight import segments
from analysis.pipeline import analyze_articles
from analysis.extract.quote_spans import quote_spans
from components.reader import article_html
from tests.conftest import BBC, REUTERS, run_cli


def test_file_vanishing_mid_run_is_named_and_the_rest_read(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"Story {name} has some words.")
    results = read_paths([tmp_path])
    first = next(results)
    (tmp_path / "b.txt").unlink()  # gone after the folder was listed
    rest = list(results)
    assert isinstance(first, Article)
    assert [type(r) for r in rest] == [ReadError, Article]
    assert "no such file" in rest[0].reason and rest[0].path.endswith("b.txt")


def test_cli_names_each_bad_file_without_traceback(tmp_path):
    (tmp_path / "good.txt").write_text("The minister said the plan was good.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("   \n\n  ")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff" * 500)
    (tmp_path / "feed.jsonl").write_text('{"text": "A fine story."}\n{oops\n')
    (tmp_path / "shape.json").write_text('"just a string"')
    (tmp_path / "table.csv").write_text("headline\nNo body here\n")
    (tmp_path / "dates.jsonl").write_text(json.dumps({"text": "Dated badly.", "date": "31/31/31"}) + "\n")
    result = run_cli("analyze", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 0
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["text"] for r in records) == [
        "A fine story.",
        "Dated badly.",
        "The minister said the plan was good.",
    ]
    assert next(r for r in records if r["text"] == "Dated badly.")["date"] is None
    errors = sorted(
        line.split(":")[1].strip().rsplit("/", 1)[-1]
        for line in result.stderr.splitlines()
        if line.startswith("error:")
    )
    assert errors == ["binary.txt", "blank.txt", "empty.txt", "feed.jsonl", "shape.json", "table.csv"]
    assert any(
        line.startswith("warning:") and "unparseable date" in line for line in result.stderr.splitlines()
    )


def test_reuters_file_with_invalid_byte_analyses(nlp):
    stories = [a for a in read_paths([REUTERS / "reut2-017.sgm"]) if isinstance(a, Article)]
    results = list(analyze_articles(stories[:20], nlp=nlp))
    assert len(results) == 20


def test_article_over_max_length_is_analysed_whole(nlp):
    texts = [
        p.read_text(encoding="utf-8", errors="replace") for p in sorted((BBC / "business").glob("*.txt"))
    ]
    body = "\n\n".join(texts)
    while len(body) < 1_050_000:
        body += "\n\n" + body[:200_000]
    assert len(body) > nlp.max_length // 2 and len(body) > 1_000_000
    (result,) = analyze_articles([Article(id="huge", text=body)], nlp=nlp)
    assert result.sentences[-1].end >= len(body.rstrip()) - 1
    tail = [e for e in result.entities if e.start > 1_000_000]
    assert tail and all(body[e.start : e.end] == e.text for e in tail)
    assert all(body[q.start : q.end] == q.text for q in result.quotes)


class TestQuotesInTheWild:
    def test_mixed_straight_and_curly(self):
        text = 'He said “we will win" and she said "no chance” today.'
        assert [text[s.start : s.end] for s in quote_spans(text)] == ["we will win", "no chance"]

    def test_guillemets(self):
        text = "Le ministre a parlé de «réforme nécessaire» hier."
        assert [text[s.start : s.end] for s in quote_spans(text)] == ["réforme nécessaire"]

    def test_quote_open_at_article_end(self):
        text = 'It was "fine", he said. Then came "the end of it all'
        assert [text[s.start : s.end] for s in quote_spans(text)] == ["fine"]

    def test_apostrophes_everywhere(self):
        text = "'Tis the players' union's 'best' year since the '90s, ol' rock 'n' roll isn't dead."
        assert [text[s.start : s.end] for s in quote_spans(text)] == ["best"]


def _html_without_our_tags(html: str) -> str:
    return re.sub(r"</?(div|span|mark)( [a-z]+=\"[^\"]*\")*>", "", html)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.data())
def test_highlighter_covers_text_and_escapes_everything(text, data):
    n = len(text)
    bounds = st.tuples(st.integers(0, n), st.integers(0, n)).map(lambda t: (min(t), max(t)))
    q_spans = data.draw(st.lists(bounds, max_size=4))
    e_spans = data.draw(st.lists(bounds, max_size=6))
    segs = segments(text, q_spans, e_spans)
    assert "".join(text[s.start : s.end] for s in segs) == text
    quotes = pd.DataFrame(
        [
            {"start": s, "end": e, "kind": "direct", "speaker": "<b>x</b>", "cue": "said", "compound": 0.0}
            for s, e in q_spans
        ],
        columns=["start", "end", "kind", "speaker", "cue", "compound"],
    )
    entities = pd.DataFrame(
        [
            {
                "start": s,
                "end": e,
                "text": text[s:e],
                "label": "PERSON",
                "actor": "<i>",
                "actor_type": "PERSON",
            }
            for s, e in e_spans
        ],
        columns=["start", "end", "text", "label", "actor", "actor_type"],
    )
    html = article_html(text, quotes, entities)
    assert "<" not in _html_without_our_tags(html)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".jsonl", ".json", ".csv", ".sgm", ".doc"]))
def test_readers_never_raise(data, suffix):
    for item in read_bytes(data, name=f"fuzz{suffix}"):
        if isinstance(item, Article):
            assert item.text.strip()
        else:
            assert item.path.startswith("fuzz") and item.reason
