"""The DuckDB store: incremental ingest, re-tagging without spaCy, resume after a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from analysis.readers import read_paths
from analysis.errors import StoreError
from analysis.ingest import ingest, retag_themes
from analysis.store import Store
from analysis.extract.themes import ThemeLexicon
from tests.conftest import BBC, ROOT, SEED, run_cli


def test_second_ingest_does_no_nlp_work(tmp_path, nlp):
    paths = [SEED, BBC / "politics" / "001.txt", BBC / "politics" / "002.txt"]
    with Store(tmp_path / "s.duckdb") as store:
        first = ingest(read_paths(paths), store)
        second = ingest(read_paths(paths), store)
        assert (first.read, first.analysed) == (3, 3)
        assert (second.read, second.analysed, second.skipped) == (3, 0, 3)
        assert store.stats()["articles"] == 3


def test_changed_article_is_analysed_again(tmp_path, nlp):
    story = tmp_path / "story.txt"
    story.write_text("Officials said the talks were useful.")
    with Store(tmp_path / "s.duckdb") as store:
        ingest(read_paths([story]), store)
        story.write_text("Officials said the talks were a disaster.")
        again = ingest(read_paths([story]), store)
        assert again.analysed == 1
        # A new text is a new article id; both versions are kept apart, never mixed.
        assert (
            store.con.execute("SELECT count(*) FROM articles WHERE text LIKE '%disaster%'").fetchone()[0] == 1
        )


def test_retag_themes_uses_stored_lemmas(tmp_path, nlp):
    themes = tmp_path / "themes.yaml"
    themes.write_text("Perception:\n  - right perception\n  - perception\n")
    with Store(tmp_path / "s.duckdb") as store:
        ingest(read_paths([SEED]), store)
        assert retag_themes(store, ThemeLexicon.load(themes)) == 1
        rows = store.con.execute("SELECT name, hits FROM themes").fetchall()
    assert rows == [("Perception", 2)]


def test_locked_store_fails_cleanly(tmp_path):
    path = tmp_path / "s.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); c.execute('create table t(x int)');"
                "print('ready', flush=True); time.sleep(30)"
            ),
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = run_cli("ingest", "seeds", "--store", str(path), "--wait", "1")
        assert result.returncode == 1
        assert "in use by another process" in result.stderr and "Traceback" not in result.stderr
    finally:
        holder.kill()
        holder.wait()


def test_missing_store_read_only_is_a_clear_error(tmp_path):
    try:
        Store(tmp_path / "none.duckdb", read_only=True)
    except StoreError as exc:
        assert "ingest a corpus first" in str(exc)
    else:
        raise AssertionError("opening a missing store read-only must fail")


def test_killed_ingest_resumes_without_duplicates(tmp_path):
    store = tmp_path / "s.duckdb"
    corpus = BBC / "entertainment"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", "ingest", str(corpus), "--store", str(store), "--batch-size", "8"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    wal = store.with_name(store.name + ".wal")
    deadline = time.monotonic() + 300
    # Wait until some batches are committed (the write-ahead log grows), then kill hard.
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 200_000):
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = json.loads(run_cli("stats", "--store", str(store)).stdout)["articles"]
    assert 0 < partial < 386
    assert partial % 8 == 0  # whole batches only
    result = run_cli("ingest", str(corpus), "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert f"{partial} already stored" in result.stderr
    with Store(store, read_only=True) as s:
        assert s.stats()["articles"] == 386
        assert s.con.execute("SELECT count(*) - count(DISTINCT id) FROM articles").fetchone()[0] == 0
        assert (
            s.con.execute(
                "SELECT count(*) FROM (SELECT article_id, idx FROM sentences "
                "GROUP BY ALL HAVING count(*) > 1)"
            ).fetchone()[0]
            == 0
        )


def test_unchanged_corpus_is_not_read_again(tmp_path, nlp):
    from analysis.ingest import ingest_corpus

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("The minister said the talks went well.")
    with Store(tmp_path / "s.duckdb") as store:
        assert ingest_corpus([folder], store).analysed == 1
        assert ingest_corpus([folder], store) is None  # nothing read
        (folder / "b.txt").write_text("A second story arrived later.")
        again = ingest_corpus([folder], store)
        assert (again.read, again.analysed, again.skipped) == (2, 1, 1)


def test_feeds_with_the_same_record_ids_do_not_collide(tmp_path, nlp):
    (tmp_path / "one.jsonl").write_text(json.dumps({"id": "42", "text": "The mayor opened the bridge."}) + "\n")
    (tmp_path / "two.jsonl").write_text(json.dumps({"id": "42", "text": "The council closed the park."}) + "\n")
    with Store(tmp_path / "s.duckdb") as store:
        first = ingest(read_paths([tmp_path]), store)
        assert (first.analysed, first.skipped, first.warnings) == (2, 0, [])
        # A later run with one feed changed updates that feed's article, and only it.
        (tmp_path / "two.jsonl").write_text(json.dumps({"id": "42", "text": "The council reopened the park."}) + "\n")
        again = ingest(read_paths([tmp_path]), store)
        assert (again.analysed, again.skipped) == (1, 1)
        texts = dict(store.con.execute("SELECT id, text FROM articles ORDER BY id").fetchall())
    assert texts == {"one.jsonl#42": "The mayor opened the bridge.", "two.jsonl#42": "The council reopened the park."}


def test_an_id_taken_twice_in_one_run_is_a_warning(tmp_path, nlp):
    for folder, text in (("a", "The mayor opened the bridge."), ("b", "The council closed the park.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "feed.jsonl").write_text(json.dumps({"id": "7", "text": text}) + "\n")
    with Store(tmp_path / "s.duckdb") as store:
        summary = ingest(read_paths([tmp_path]), store)
    assert summary.analysed == 1
    (warning,) = summary.warnings
    assert warning.path.endswith("b/feed.jsonl:1") and "already taken" in warning.reason


class TestBoundedEngine:
    """The analysis of uploads in a child process with memory and time limits."""

    def test_articles_are_analysed_in_the_child(self, tmp_path):
        from analysis.ingest import BoundedEngine

        with Store(tmp_path / "s.duckdb") as store:
            summary = ingest(read_paths([SEED, BBC / "politics" / "001.txt"]), store, engine=BoundedEngine(seconds=300))
            assert (summary.analysed, summary.failed) == (2, [])
            assert summary.engine == "bounded"
            assert store.stats()["articles"] == 2

    def test_a_memory_limit_is_a_clear_failure(self, tmp_path):
        from analysis.ingest import BoundedEngine

        with Store(tmp_path / "s.duckdb") as store:
            summary = ingest(read_paths([SEED]), store, engine=BoundedEngine(memory_mb=60, seconds=300))
        (failure,) = summary.failed
        assert "memory limit of 60 MB reached" in str(failure) and str(failure).startswith("error: ")
        assert summary.analysed == 0 and not summary.ok

    def test_a_time_limit_is_a_clear_failure(self, tmp_path):
        from analysis.ingest import BoundedEngine

        started = time.monotonic()
        with Store(tmp_path / "s.duckdb") as store:
            summary = ingest(read_paths([SEED]), store, engine=BoundedEngine(seconds=1))
        assert time.monotonic() - started < 15
        (failure,) = summary.failed
        assert "time limit of 1 s reached" in str(failure)


def test_a_surname_alone_takes_the_full_name_the_store_gives_it(tmp_path, nlp):
    # politics/112 says only "Mr Blair"; 012 and 093 say "Tony Blair".
    alone = BBC / "politics" / "112.txt"
    with Store(tmp_path / "s.duckdb") as store:
        ingest(read_paths([alone, BBC / "politics" / "012.txt"]), store)
        # One article with the full name is not yet the store's view of the surname.
        assert _actors_of(store, "112.txt") & {"Blair", "Tony Blair"} == {"Blair"}
        ingest(read_paths([BBC / "politics" / "093.txt"]), store)
        assert _actors_of(store, "112.txt") & {"Blair", "Tony Blair"} == {"Tony Blair"}
        # Every table that names the actor follows: the mentions, their tone, the quotes.
        for table, column in (("entities", "actor"), ("tones", "actor"), ("quotes", "speaker")):
            names = {
                r[0]
                for r in store.con.execute(
                    f"SELECT t.{column} FROM {table} t JOIN articles a ON a.id = t.article_id "
                    f"WHERE a.path LIKE '%112.txt'"
                ).fetchall()
            }
            assert "Blair" not in names


def _actors_of(store: Store, file: str) -> set[str]:
    rows = store.con.execute(
        "SELECT ac.name FROM actors ac JOIN articles a ON a.id = ac.article_id WHERE a.path LIKE ?", [f"%{file}"]
    ).fetchall()
    return {r[0] for r in rows}
