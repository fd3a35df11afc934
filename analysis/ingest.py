"""The one ingest loop: reader results in, analysed batches written to the store.

Incremental: an article whose id, content hash and analysis version are already stored is not
analysed again, so reopening an analysed corpus does no NLP work. The analysis itself runs on an
`Engine`: `LocalEngine` (this machine's cores, `analysis.pipeline`'s worker pool) or
`analysis.cluster.DaskEngine` (a Dask cluster); both hand back one DataFrame per store table and
batch, which this loop writes in one transaction each. Themes are re-tagged from stored lemmas
when the theme lexicon changes. Progress and problems are reported through callbacks.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Protocol

import pandas as pd

from analysis.extract.actors import corpus_full_names
from analysis.extract.themes import ThemeLexicon, match_themes
from analysis.extract.topics import fit_topics
from analysis.pipeline import AnalysisOptions, analyze_articles
from analysis.readers import (
    DEFAULT_LIMITS,
    Article,
    Limits,
    ReadError,
    ReadResult,
    ReadWarning,
    articles_only,
    iter_paths,
    read_paths,
    safe_name,
)
from analysis.records import store_frames
from analysis.store import Store


@dataclass(frozen=True)
class BatchFailure:
    """A batch of articles the engine could not analyse; the other batches still land."""

    first: str  # path or id of the batch's first article
    size: int
    reason: str

    def __str__(self) -> str:
        return f"error: batch starting with {self.first} ({self.size} articles) failed: {self.reason}"


Problem = ReadError | ReadWarning | BatchFailure

# What an engine hands back for each batch: its store frames, or why it failed.
BatchResult = dict[str, pd.DataFrame] | BatchFailure


class Engine(Protocol):
    """Runs the analysis of batches of articles somewhere; results may come in any order."""

    name: str

    def run(self, batches: Iterable[list[Article]], options: AnalysisOptions, version: str) -> Iterator[BatchResult]:
        ...


@dataclass
class LocalEngine:
    """The analysis on this machine: `n_process` worker processes (0: one per core)."""

    n_process: int = 1
    batch_size: int = 64
    name: str = "local"

    def run(self, batches: Iterable[list[Article]], options: AnalysisOptions, version: str) -> Iterator[BatchResult]:
        # One stream through the analysis (one pool of workers), cut into store batches again.
        results = analyze_articles(
            chain.from_iterable(batches), options=options, batch_size=self.batch_size, n_process=self.n_process
        )
        while done := list(islice(results, self.batch_size)):
            yield store_frames(done, version)


def _resident_mb(pid: int) -> float | None:
    """A process's resident memory in MB (Linux /proc), None when it cannot be read."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
    except (OSError, ValueError, IndexError):
        return None


def _bounded_worker(conn, options: AnalysisOptions, version: str) -> None:
    """The child of a `BoundedEngine`: batches in, store frames (or a failure) out."""
    from analysis.pipeline import load_pipeline

    nlp = load_pipeline(options.model)
    conn.send("ready")
    while (batch := conn.recv()) is not None:
        try:
            done = list(analyze_articles(batch, options=options, nlp=nlp, batch_size=len(batch)))
            conn.send(store_frames(done, version))
        except Exception as exc:  # noqa: BLE001 - reported as the batch's failure
            conn.send(BatchFailure(batch[0].path or batch[0].id, len(batch), f"{type(exc).__name__}: {exc}"[:300]))


@dataclass
class BoundedEngine:
    """The analysis in one child process that is killed past `memory_mb` of resident memory or
    `seconds` of wall time: for uploads, so that one hostile file cannot stall or bloat the
    server every user shares. The child loads the model itself (a few seconds a run); what
    it had analysed before a limit was hit is kept, and the failure says which limit."""

    memory_mb: int = 2048
    seconds: float = 600
    batch_size: int = 16
    name: str = "bounded"
    poll_seconds: float = 0.2

    def run(self, batches: Iterable[list[Article]], options: AnalysisOptions, version: str) -> Iterator[BatchResult]:
        context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        ours, theirs = context.Pipe()
        child = context.Process(target=_bounded_worker, args=(theirs, options, version), daemon=True)
        deadline = time.monotonic() + self.seconds
        started = False
        try:
            for batch in _rebatched(batches, self.batch_size):
                if not started:
                    child.start()
                    theirs.close()
                    started = True
                    ready = self._receive(ours, child, deadline, batch)
                    if isinstance(ready, BatchFailure):
                        yield ready
                        return
                ours.send(batch)
                result = self._receive(ours, child, deadline, batch)
                yield result
                if isinstance(result, BatchFailure) and not child.is_alive():
                    return
            if started:
                ours.send(None)
                child.join(timeout=5)
        finally:
            if started and child.is_alive():
                child.kill()
                child.join()
            ours.close()

    def _receive(self, conn, child, deadline: float, batch: list[Article]):
        """The child's next message; a failure when a limit is hit or the child dies."""
        first = batch[0].path or batch[0].id
        while not conn.poll(self.poll_seconds):
            resident = _resident_mb(child.pid)
            if resident is not None and resident > self.memory_mb:
                child.kill()
                return BatchFailure(
                    first, len(batch), f"memory limit of {self.memory_mb:,} MB reached; the rest was not analysed"
                )
            if time.monotonic() > deadline:
                child.kill()
                return BatchFailure(
                    first, len(batch), f"time limit of {self.seconds:,.0f} s reached; the rest was not analysed"
                )
            if not child.is_alive():
                break
        try:
            return conn.recv()
        except (EOFError, OSError):
            child.join(timeout=5)
            return BatchFailure(first, len(batch), f"the analysis process ended (exit {child.exitcode})")


def _rebatched(batches: Iterable[list[Article]], size: int) -> Iterator[list[Article]]:
    for batch in batches:
        for i in range(0, len(batch), size):
            yield batch[i : i + size]


@dataclass
class IngestSummary:
    """What an ingest did."""

    read: int = 0
    analysed: int = 0
    skipped: int = 0
    errors: list[ReadError] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    failed: list[BatchFailure] = field(default_factory=list)
    seconds: float = 0.0
    engine: str = "local"

    def line(self) -> str:
        failed = f", {len(self.failed)} batches failed" if self.failed else ""
        return (
            f"{self.read} articles read, {self.analysed} analysed, {self.skipped} already "
            f"stored, {len(self.errors)} errors{failed}, {self.seconds:.1f} s"
            + ("" if self.engine == "local" else f" ({self.engine})")
        )

    @property
    def ok(self) -> bool:
        """At least one article was read, and the engine did not fail on all it was given."""
        return bool(self.read) and (self.analysed > 0 or not self.failed)


def retag_themes(store: Store, lexicon: ThemeLexicon) -> int:
    """Re-compute every stored article's themes from its stored word forms (no spaCy), and note
    the lexicon in the store. Returns the number of articles."""
    records, articles = [], 0
    for batch in store.word_forms():
        for article_id, lowers, lemmas in batch:
            articles += 1
            for t in match_themes(lowers, lemmas, lexicon):
                records.append({"article_id": article_id, "name": t.name, "score": t.score, "hits": t.hits})
    store.replace_themes(pd.DataFrame(records, columns=["article_id", "name", "score", "hits"]), lexicon.fingerprint)
    return articles


# Honorifics written just before each person mention (entity offsets index the article text).
_PERSON_SEX = r"""
    SELECT e.article_id, e.actor,
           sum(CAST(regexp_matches(substr(a.text, greatest(1, e.start - 5), least(e.start, 6)),
                                   '(^|[^A-Za-z])Mr\.?\s+$') AS INT)) AS m,
           sum(CAST(regexp_matches(substr(a.text, greatest(1, e.start - 5), least(e.start, 6)),
                                   '(Mrs|Ms|Miss)\.?\s+$') AS INT)) AS f
    FROM entities e JOIN articles a ON a.id = e.article_id
    WHERE e.actor_type = 'PERSON' AND e.actor IS NOT NULL
    GROUP BY 1, 2"""


def _sex(m: int, f: int) -> str | None:
    return "m" if m > f else "f" if f > m else None


def merge_surnames(store: Store) -> int:
    """People named by surname alone in an article take the full name the store gives that
    surname where it is unambiguous (`corpus_full_names`); returns how many were renamed."""
    con = store.con
    surnames = con.execute(
        f"""WITH s AS ({_PERSON_SEX})
            SELECT ac.article_id, ac.name, coalesce(s.m, 0), coalesce(s.f, 0) FROM actors ac
            LEFT JOIN s ON s.article_id = ac.article_id AND s.actor = ac.name
            WHERE ac.type = 'PERSON' AND NOT contains(ac.name, ' ')
              -- One bare mention may be no person at all ("Brown and Williamson"): a surname
              -- counts written with an honorific or named more than once.
              AND (coalesce(s.m, 0) + coalesce(s.f, 0) > 0 OR ac.mentions >= 2)"""
    ).fetchall()
    if not surnames:
        return 0
    people = con.execute(
        f"""WITH s AS ({_PERSON_SEX}), sx AS (SELECT actor, sum(m) AS m, sum(f) AS f FROM s GROUP BY actor)
            SELECT ac.name, count(DISTINCT ac.article_id), coalesce(any_value(sx.m), 0), coalesce(any_value(sx.f), 0)
            FROM actors ac LEFT JOIN sx ON sx.actor = ac.name
            WHERE ac.type = 'PERSON' AND contains(ac.name, ' ') GROUP BY ac.name"""
    ).fetchall()
    renames = corpus_full_names(
        [(a, name, _sex(m, f)) for a, name, m, f in surnames],
        [(name, n, _sex(m, f)) for name, n, m, f in people],
    )
    store.rename_actors(renames)
    return len(renames)


def refresh_topics(store: Store, *, k: int = 5) -> int:
    """Fit the store's topics on its stored lemmas (no spaCy) and store them with each article's
    topic, so the page reads them rather than fitting them. Returns the number of topics."""
    rows = store.con.execute("SELECT id, lemmas FROM articles ORDER BY id").fetchall()
    try:
        model = fit_topics([(i, lemmas or []) for i, lemmas in rows], k=k)
    except ValueError:
        model = None  # fewer articles than topics, or no shared words: no topics
    found = model.topics if model else ()
    # Typed columns: an empty frame would otherwise give DuckDB columns of doubles.
    topics = pd.DataFrame(
        {
            "topic": pd.Series([t.number for t in found], dtype="int64"),
            "label": pd.Series([t.label for t in found], dtype="string"),
            "terms": pd.Series([", ".join(w for w, _ in t.terms) for t in found], dtype="string"),
        }
    )
    assigned = pd.DataFrame(
        {
            "article_id": pd.Series(list(model.ids) if model else [], dtype="string"),
            "topic": pd.Series(list(model.article_topic) if model else [], dtype="int64"),
            "share": pd.Series(list(model.article_share) if model else [], dtype="float64"),
        }
    )
    store.write_topics(topics, assigned)
    return len(topics)


def ingest(
    results: Iterable[ReadResult],
    store: Store,
    *,
    options: AnalysisOptions = AnalysisOptions(),
    engine: Engine | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    report: Callable[[Problem], None] | None = None,
    progress: Callable[[int], None] | None = None,
    share: bool = False,
) -> IngestSummary:
    """Analyse the articles the store does not hold yet and write them, batch by batch, on
    `engine` (default: a `LocalEngine` of `n_process` workers). With `share`, the store's file
    is let go after each batch, so a dashboard or an export can read it meanwhile."""
    started = time.perf_counter()
    engine = engine or LocalEngine(n_process=n_process, batch_size=batch_size)
    summary = IngestSummary(engine=engine.name)

    def problem(item: Problem) -> None:
        if isinstance(item, ReadError):
            summary.errors.append(item)
        elif isinstance(item, ReadWarning):
            summary.warnings.append(item)
        else:
            summary.failed.append(item)
        if report:
            report(item)

    lexicon = options.lexicon()
    if store.get_meta("themes") not in (None, lexicon.fingerprint):
        retag_themes(store, lexicon)
    version = options.version()
    articles = articles_only(results, problem)

    def unseen() -> Iterator[list[Article]]:
        # Checked a batch at a time against the store, so a re-run skips what is stored.
        seen: dict[str, tuple[str | None, str]] = {}  # id -> (path, content hash) in this run
        while batch := list(islice(articles, batch_size)):
            summary.read += len(batch)
            known = store.known([a.id for a in batch])
            todo = []
            for a in batch:
                if a.id in seen:
                    summary.skipped += 1  # repeated in this corpus
                    first_path, first_hash = seen[a.id]
                    if first_hash != a.content_hash:
                        problem(
                            ReadWarning(
                                a.path or a.id,
                                f"not stored: its id {a.id!r} is already taken in this run by a "
                                f"different article ({first_path}); give the files distinct names",
                            )
                        )
                elif known.get(a.id) == (a.content_hash, version):
                    summary.skipped += 1  # stored already
                    seen[a.id] = (a.path, a.content_hash)
                else:
                    seen[a.id] = (a.path, a.content_hash)
                    todo.append(a)
            if progress:
                progress(len(batch))
            if todo:
                yield todo

    for result in engine.run(unseen(), options, version):
        if isinstance(result, BatchFailure):
            problem(result)
            continue
        store.write_frames(result)
        summary.analysed += len(result["articles"])
        if share:
            store.release()  # readers (a dashboard, an export) get at the file between batches
    store.set_meta("themes", lexicon.fingerprint)
    if summary.analysed:
        store.refresh_phrase_frequencies()
        merge_surnames(store)
        refresh_topics(store)
    summary.seconds = time.perf_counter() - started
    return summary


def corpus_signature(paths: list[str | os.PathLike], limits: Limits = DEFAULT_LIMITS) -> str:
    """Names, sizes and modification times of a corpus's files: cheap to compute, and it changes
    whenever a file is added, removed or edited."""
    digest = hashlib.sha1(repr(limits).encode())
    for item in iter_paths(paths):
        if isinstance(item, ReadError):
            digest.update(f"missing:{item.path}".encode())
            continue
        path, _ = item
        try:
            st = path.stat()
        except OSError:
            continue
        # surrogateescape: a file name that is not UTF-8 is hashed as the bytes it is.
        digest.update(f"{path.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def ingest_corpus(
    paths: list[str | os.PathLike],
    store: Store,
    *,
    options: AnalysisOptions = AnalysisOptions(),
    limits: Limits = DEFAULT_LIMITS,
    **kwargs,
) -> IngestSummary | None:
    """Ingest a corpus unless its files are unchanged since the last ingest with the same options
    (then return None without reading a file): opening a large analysed corpus costs a few stats."""
    key = "corpus:" + "|".join(safe_name(Path(p).resolve()) for p in paths)
    signature = f"{corpus_signature(paths, limits)}|{options.version()}|{options.lexicon().fingerprint}"
    if store.get_meta(key) == signature:
        return None
    summary = ingest(read_paths(paths, limits=limits), store, options=options, **kwargs)
    store.set_meta(key, signature)
    return summary
