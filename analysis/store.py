"""The embedded DuckDB store of analysed articles.

Incremental: an article whose id, content hash and analysis version are already stored is not
analysed again, so reopening an analysed corpus does no NLP work. Each batch is written in one
transaction, so a killed ingest loses at most the batch in flight and the next run completes
the corpus. Themes are re-tagged from stored lemmas when the theme lexicon changes.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import duckdb
import pandas as pd

from analysis.errors import StoreError
from analysis.articles import METADATA_FIELDS, Article, ReadError, ReadResult, ReadWarning, read_paths
from analysis.pipeline import AnalysisOptions, ArticleAnalysis, analyze_articles
from analysis.themes import ThemeLexicon, match_themes

DEFAULT_STORE = Path(__file__).resolve().parent.parent / "data" / "news.duckdb"
STORE_ENV = "DASHBOARD_STORE"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, analysis_version VARCHAR NOT NULL,
    path VARCHAR, title VARCHAR, date DATE, source VARCHAR, section VARCHAR, url VARCHAR,
    text VARCHAR NOT NULL, words INTEGER, compound DOUBLE, label VARCHAR, narrator DOUBLE,
    quoted DOUBLE, meta VARCHAR, keyphrases VARCHAR[], lowers VARCHAR[], lemmas VARCHAR[],
    phrases VARCHAR[], ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS sentences (
    article_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER, compound DOUBLE);
CREATE TABLE IF NOT EXISTS entities (
    article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, label VARCHAR, actor VARCHAR,
    actor_type VARCHAR, sentence INTEGER);
CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR, name VARCHAR, type VARCHAR, mentions INTEGER, sentiment DOUBLE,
    quoted_sentiment DOUBLE, quotes INTEGER);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER, text VARCHAR, kind VARCHAR,
    speaker VARCHAR, speaker_type VARCHAR, cue VARCHAR, compound DOUBLE, sentence INTEGER);
CREATE TABLE IF NOT EXISTS themes (article_id VARCHAR, name VARCHAR, score DOUBLE, hits INTEGER);
"""
CHILD_TABLES = ("sentences", "entities", "actors", "quotes", "themes")


def default_store_path() -> Path:
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


def connect(path: str | Path, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the store file, creating it (and its schema) unless read-only.

    Raises:
        StoreError: the file is locked by another process, missing, or not a DuckDB store.
    """
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(
            f"{path}: no store here yet; ingest a corpus first "
            f"(python -m analysis ingest PATH --store {path})"
        )
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreError(
                f"{path}: the store is in use by another process (an ingest or a "
                f"dashboard); wait for it to finish and try again"
            ) from exc
        raise StoreError(f"{path}: cannot open the store ({exc})") from exc
    except duckdb.Error as exc:
        raise StoreError(f"{path}: not a usable DuckDB store ({exc})") from exc
    if not read_only:
        con.execute(SCHEMA)
    return con


def frames_of(results: list[ArticleAnalysis], version: str) -> dict[str, pd.DataFrame]:
    """One DataFrame per store table for a batch of analyses."""
    frames = _frames(results)
    frames["articles"]["analysis_version"] = version
    return frames


def _frames(results: list[ArticleAnalysis]) -> dict[str, pd.DataFrame]:
    now = pd.Timestamp.now()
    rows: dict[str, list[dict]] = {name: [] for name in ("articles", *CHILD_TABLES)}
    for r in results:
        a = r.article
        rows["articles"].append(
            {
                **{name: getattr(a, name) for name in METADATA_FIELDS},
                "content_hash": a.content_hash,
                "analysis_version": "",
                "words": len(r.lowers),
                "compound": r.compound,
                "label": r.label,
                "narrator": r.narrator,
                "quoted": r.quoted,
                "meta": json.dumps(a.meta, ensure_ascii=False, default=str) if a.meta else None,
                "keyphrases": r.keyphrases,
                "lowers": r.lowers,
                "lemmas": r.lemmas,
                "phrases": r.phrases,
                "ingested_at": now,
            }
        )
        for i, s in enumerate(r.sentences):
            rows["sentences"].append({"article_id": a.id, "idx": i, **s})
        for e in r.entities:
            rows["entities"].append({"article_id": a.id, **e})
        for act in r.actors:
            rows["actors"].append({"article_id": a.id, **act})
        for i, q in enumerate(r.quotes):
            rows["quotes"].append({"article_id": a.id, "idx": i, **q})
        for t in r.themes:
            rows["themes"].append({"article_id": a.id, **t})
    return {name: pd.DataFrame(data) for name, data in rows.items()}


class Store:
    """An open store: what is in it, and writing analysed batches into it."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = Path(path) if path else default_store_path()
        self.con = connect(self.path, read_only=read_only)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

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
            self.write_frames(frames_of(results, version))

    def write_frames(self, frames: dict[str, pd.DataFrame]) -> None:
        """Store a batch given as one DataFrame per table (what `frames_of` makes, or what a
        distributed worker wrote as Parquet), in one transaction, replacing older results."""
        ids = list(frames["articles"]["id"])
        if not ids:
            return
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
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
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise

    def refresh_phrase_frequencies(self) -> None:
        """Recount in how many articles each key-phrase candidate occurs (TF-IDF's denominator),
        once after an ingest rather than on every dashboard rerun."""
        self.con.execute("""CREATE OR REPLACE TABLE phrase_df AS
                            SELECT phrase, count(DISTINCT id) AS df
                            FROM (SELECT id, unnest(phrases) AS phrase FROM articles) GROUP BY phrase""")

    def get_meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def retag_themes(self, lexicon: ThemeLexicon) -> int:
        """Re-compute every article's themes from stored lemmas (no spaCy). Returns articles."""
        rows = self.con.execute("SELECT id, lowers, lemmas FROM articles").fetchall()
        records = []
        for article_id, lowers, lemmas in rows:
            for t in match_themes(lowers or [], lemmas or [], lexicon):
                records.append({"article_id": article_id, "name": t.name, "score": t.score, "hits": t.hits})
        frame = pd.DataFrame(records, columns=["article_id", "name", "score", "hits"])
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM themes")
            if not frame.empty:
                self.con.register("theme_frame", frame)
                self.con.execute("INSERT INTO themes SELECT * FROM theme_frame")
                self.con.unregister("theme_frame")
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('themes', ?)", [lexicon.fingerprint])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return len(rows)

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


@dataclass
class IngestSummary:
    """What an ingest did."""

    read: int = 0
    analysed: int = 0
    skipped: int = 0
    errors: list[ReadError] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"{self.read} articles read, {self.analysed} analysed, {self.skipped} already "
            f"stored, {len(self.errors)} errors, {self.seconds:.1f} s"
        )


def _articles_only(
    results: Iterable[ReadResult],
    summary: IngestSummary,
    report: Callable[[ReadError | ReadWarning], None] | None,
) -> Iterator[Article]:
    for item in results:
        if isinstance(item, Article):
            summary.read += 1
            yield item
        else:
            (summary.errors if isinstance(item, ReadError) else summary.warnings).append(item)
            if report:
                report(item)


def ingest(
    results: Iterable[ReadResult],
    store: Store,
    *,
    options: AnalysisOptions = AnalysisOptions(),
    batch_size: int = 64,
    n_process: int = 1,
    report: Callable[[ReadError | ReadWarning], None] | None = None,
    progress: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Analyse the articles the store does not hold yet and write them, batch by batch."""
    started = time.perf_counter()
    summary = IngestSummary()
    lexicon = options.lexicon()
    if store.get_meta("themes") not in (None, lexicon.fingerprint):
        store.retag_themes(lexicon)
    version = options.version()
    articles = _articles_only(results, summary, report)

    def unseen() -> Iterator[Article]:
        # Checked a batch at a time against the store, so a re-run skips what is stored.
        seen: set[str] = set()
        while batch := list(islice(articles, batch_size)):
            known = store.known([a.id for a in batch])
            for a in batch:
                if known.get(a.id) == (a.content_hash, version) or a.id in seen:
                    summary.skipped += 1  # stored already, or repeated in this corpus
                else:
                    seen.add(a.id)
                    yield a
            if progress:
                progress(len(batch))

    # One stream through the analysis (one pool of workers), written a batch per transaction.
    results_stream = analyze_articles(unseen(), options=options, batch_size=batch_size, n_process=n_process)
    while done := list(islice(results_stream, batch_size)):
        store.write(done, version)
        summary.analysed += len(done)
    store.set_meta("themes", lexicon.fingerprint)
    if summary.analysed:
        store.refresh_phrase_frequencies()
    summary.seconds = time.perf_counter() - started
    return summary


def corpus_signature(paths: list[str | os.PathLike]) -> str:
    """Names, sizes and modification times of a corpus's files: cheap to compute, and it changes
    whenever a file is added, removed or edited."""
    import hashlib

    from analysis.articles import iter_paths

    digest = hashlib.sha1()
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            digest.update(f"missing:{item.path}".encode())
            continue
        path, _ = item
        try:
            st = path.stat()
        except OSError:
            continue
        digest.update(f"{path.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def ingest_corpus(
    paths: list[str | os.PathLike], store: Store, *, options: AnalysisOptions = AnalysisOptions(), **kwargs
) -> IngestSummary | None:
    """Ingest a corpus unless its files are unchanged since the last ingest with the same options
    (then return None without reading a file): opening a large analysed corpus costs a few stats."""
    key = "corpus:" + "|".join(str(Path(p).resolve()) for p in paths)
    signature = f"{corpus_signature(paths)}|{options.version()}|{options.lexicon().fingerprint}"
    if store.get_meta(key) == signature:
        return None
    summary = ingest(read_paths(paths), store, options=options, **kwargs)
    store.set_meta(key, signature)
    return summary
