"""The embedded DuckDB store of analysed articles: storage only.

Tables follow `analysis.records` (one per row type, plus `articles` and `meta`). Each batch is
written in one transaction, so a killed ingest loses at most the batch in flight. What to write
and when is the ingest loop's business (`analysis.ingest`); what to read, the queries'.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pandas as pd

from analysis.errors import StoreError
from analysis.records import CHILD_TABLES, SCHEMA, ArticleAnalysis, store_frames

DEFAULT_STORE = Path(__file__).resolve().parent.parent / "data" / "news.duckdb"
STORE_ENV = "DASHBOARD_STORE"
# Where corpora named without a store get theirs (default: the data folder beside DEFAULT_STORE).
DATA_ENV = "DASHBOARD_DATA"

# In how many stored articles each key-phrase candidate occurs, by the phrase in lower case: the
# articles of each of its cases summed ("Net loss" and "net loss" are one phrase).
PHRASE_FREQUENCIES = """SELECT lower(phrase) AS key, sum(df)::BIGINT AS df
    FROM (SELECT phrase, count(DISTINCT id) AS df FROM (SELECT id, unnest(phrases) AS phrase FROM articles) GROUP BY phrase)
    GROUP BY key"""


def default_store_path() -> Path:
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


def corpus_store_path(corpus: str | Path) -> Path:
    """The store a corpus gets of its own when no store is named: one file per corpus folder
    (by its absolute path) under the data folder, so two corpora never share a store."""
    folder = Path(corpus).resolve()
    digest = hashlib.sha1(str(folder).encode("utf-8")).hexdigest()[:10]
    slug = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in folder.name)[:40] or "corpus"
    data = Path(os.environ.get(DATA_ENV) or DEFAULT_STORE.parent)
    return data / "corpora" / f"{slug}-{digest}.duckdb"


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _busy(exc: duckdb.Error) -> bool:
    """Whether opening failed only because someone else has the file open: another process's
    lock, or (in this process) a connection opened with the other read/write mode."""
    text = str(exc).lower()
    return "lock" in text or "different configuration" in text


def connect(path: str | Path, *, read_only: bool = False, wait: float = 0.0) -> duckdb.DuckDBPyConnection:
    """Open the store file, creating it (and its schema) unless read-only. While another process
    writes to it (or, for a writer, reads it), keep trying for up to `wait` seconds.

    DuckDB lets one process write a file, or any number read it, never both: the dashboard and
    the command line therefore hold a connection only for as long as one query or one batch
    (`Store.release`), and whoever finds the file busy waits a moment.

    Raises:
        StoreError: the file is still in use after `wait`, missing (read-only), or not a store.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(
            f"{path}: no store here yet; ingest a corpus first "
            f"(python -m analysis ingest PATH --store {path})"
        )
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + wait
    pause = 0.02
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if _busy(exc) and time.monotonic() < deadline:
                time.sleep(pause)
                pause = min(pause * 2, 0.5)
                continue
            if _busy(exc):
                raise StoreError(
                    f"{path}: the store is in use by another process writing to it (an ingest) "
                    f"or reading it while you write; try again when it has finished"
                ) from exc
            raise StoreError(
                f"{path}: not a DuckDB store this tool can open ({_first_line(exc)}); "
                f"give another file with --store, or move this one away to start a new store"
            ) from exc
        except duckdb.Error as exc:
            raise StoreError(
                f"{path}: not a usable DuckDB store ({_first_line(exc)}); "
                f"give another file with --store, or move this one away to start a new store"
            ) from exc
    if not read_only:
        con.execute(SCHEMA)
    return con


class Store:
    """A store: what is in it, and writing analysed batches into it.

    The connection opens with the Store and again on first use after `release()`, which lets
    other processes at the file between batches or queries."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False, wait: float = 0.0):
        self.path = Path(path) if path else default_store_path()
        self.read_only = read_only
        self.wait = wait
        self._con: duckdb.DuckDBPyConnection | None = connect(self.path, read_only=read_only, wait=wait)

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = connect(self.path, read_only=self.read_only, wait=self.wait)
        return self._con

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All of a write or none of it."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            yield con
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def release(self) -> None:
        """Close the connection until the next use, so that others can open the file."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def close(self) -> None:
        self.release()

    def known(self, ids: list[str]) -> dict[str, tuple[str, str]]:
        """id -> (content hash, analysis version) for the stored articles among `ids`."""
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT id, content_hash, analysis_version FROM articles WHERE id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def write(self, results: list[ArticleAnalysis], version: str) -> None:
        """Store a batch of analyses in one transaction, replacing older results."""
        if results:
            self.write_frames(store_frames(results, version))

    def write_frames(self, frames: dict[str, pd.DataFrame]) -> None:
        """Store a batch given as one DataFrame per table (what `frames_of` makes, or what a
        Dask worker wrote as Parquet), in one transaction, replacing older results."""
        ids = list(frames["articles"]["id"])
        if not ids:
            return
        with self._transaction() as con:
            for table in ("articles", *CHILD_TABLES):
                key = "id" if table == "articles" else "article_id"
                con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?))", [ids])
            for table in ("articles", *CHILD_TABLES):
                frame = frames[table]
                if frame.empty:
                    continue
                columns = ", ".join(f'"{c}"' for c in frame.columns)
                con.register("batch_frame", frame)
                con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM batch_frame")
                con.unregister("batch_frame")

    def refresh_phrase_frequencies(self) -> None:
        """Recount in how many articles each key-phrase candidate occurs (TF-IDF's denominator),
        once after an ingest rather than on every dashboard rerun: `PHRASE_FREQUENCIES`, stored
        by the phrase in lower case, as the key-phrase query looks them up (summing a phrase's
        cases there took 30 ms of each key-phrase chart on Reuters)."""
        with self._transaction() as con:
            con.execute(f"CREATE OR REPLACE TABLE phrase_key_df AS {PHRASE_FREQUENCIES}")
            con.execute("DROP TABLE IF EXISTS phrase_df")  # what a store kept before, by exact phrase

    def rename_actors(self, renames: dict[tuple[str, str], str]) -> None:
        """Give actors of single articles another name ({(article id, name): new name}) in every
        table that names them, in one transaction; an article that already has an actor of the
        new name keeps both apart (their rows cannot be merged after the fact)."""
        if not renames:
            return
        with self._transaction() as con:
            taken = set(
                con.execute(
                    "SELECT article_id, name FROM actors WHERE article_id IN (SELECT unnest(?))",
                    [sorted({a for a, _ in renames})],
                ).fetchall()
            )
            rows = [(a, old, new) for (a, old), new in renames.items() if (a, new) not in taken]
            if not rows:
                return
            frame = pd.DataFrame(rows, columns=["article_id", "old", "new"])
            con.register("rename_frame", frame)
            try:
                # One joined UPDATE a table: a statement per rename scans the table each time.
                for table, column in (("actors", "name"), ("entities", "actor"), ("tones", "actor"), ("quotes", "speaker")):
                    con.execute(
                        f"UPDATE {table} SET {column} = r.new FROM rename_frame r "
                        f"WHERE {table}.article_id = r.article_id AND {table}.{column} = r.old"
                    )
            finally:
                con.unregister("rename_frame")

    def write_topics(self, topics: pd.DataFrame, assigned: pd.DataFrame) -> None:
        """Replace the store's topics (topic, label, terms) and each article's topic (article_id,
        topic, share) in one transaction."""
        with self._transaction() as con:
            for table, frame in (("topic_terms", topics), ("article_topics", assigned)):
                con.register("topic_frame", frame)
                con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM topic_frame")
                con.unregister("topic_frame")

    def get_meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def word_forms(self, batch: int = 2048) -> Iterator[list[tuple[str, list[str], list[str]]]]:
        """(id, lower-case forms, lemmas) of every stored article, a batch at a time."""
        cursor = self.con.cursor()
        cursor.execute("SELECT id, lowers, lemmas FROM articles ORDER BY id")
        while rows := cursor.fetchmany(batch):
            yield [(r[0], r[1] or [], r[2] or []) for r in rows]

    def replace_themes(self, frame: pd.DataFrame, fingerprint: str) -> None:
        """Replace every article's themes, and note the lexicon they came from, in one transaction."""
        with self._transaction() as con:
            con.execute("DELETE FROM themes")
            if not frame.empty:
                con.register("theme_frame", frame)
                con.execute(f"INSERT INTO themes ({', '.join(frame.columns)}) SELECT * FROM theme_frame")
                con.unregister("theme_frame")
            self.set_meta("themes", fingerprint)

    def stats(self) -> dict:
        """Counts of what the store holds."""
        one = lambda sql: self.con.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "sentences": one("SELECT count(*) FROM sentences"),
            "entities": one("SELECT count(*) FROM entities"),
            "actors": one("SELECT count(DISTINCT name) FROM actors"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "themes": one("SELECT count(DISTINCT name) FROM themes"),
            "sources": one("SELECT count(DISTINCT source) FROM articles"),
            "first_date": str(one("SELECT min(date) FROM articles") or "") or None,
            "last_date": str(one("SELECT max(date) FROM articles") or "") or None,
            "analysis_versions": [
                r[0]
                for r in self.con.execute(
                    "SELECT DISTINCT analysis_version FROM articles ORDER BY 1"
                ).fetchall()
            ],
            "store": str(self.path),
        }
