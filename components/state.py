"""The dashboard's data access: the corpus ingested once, queries cached per (store version,
filters). Widget values come in as arguments.

The store is opened for one query (read-only) or one batch of writing at a time, never held:
that is what lets an ingest or `python -m analysis export` use the same file while the page is
open (`analysis.store.connect`)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import streamlit as st

from analysis import queries
from analysis.figures import catalog
from analysis.store import Store

# The analysis (spaCy, the readers of every format) is imported where articles are added, not
# where the store is read: opening an analysed store imports no spaCy.

# Seconds a query waits for an ingest's batch to be written, and a write for readers to finish.
READ_WAIT = 10.0
WRITE_WAIT = 60.0


# The read-only connection of the page run in progress on this thread (each session's script
# runs on a thread of its own), so that one run opens the file once, not once per query.
_RUN = threading.local()


def _held(path: str):
    """The connection of the page run in progress on this thread, if it reads `path`."""
    con = getattr(_RUN, "con", None)
    return con if con is not None and _RUN.path == path else None


@contextmanager
def reading(path: str) -> Iterator:
    """A read-only connection to the store: the page run's, or one for this query alone."""
    held = _held(path)
    if held is not None:
        yield held
        return
    with Store(path, read_only=True, wait=READ_WAIT) as store:
        yield store.con


@contextmanager
def page_run(path: str) -> Iterator[None]:
    """Read through one connection for the rest of a page run, and let the file go after it.
    Nothing may write to the store inside (writes come before, in the sidebar's Corpus panel).
    Inside a page run already reading the store, the same connection serves (a fragment's own
    rerun opens one; inside the whole page's run it reuses the page's)."""
    if _held(path) is not None:
        yield
        return
    with Store(path, read_only=True, wait=READ_WAIT) as store:
        _RUN.con, _RUN.path = store.con, path
        try:
            yield
        finally:
            _RUN.con = None


def report_zip(store_path: str, filters: queries.Filters, provenance, progress=None) -> bytes:
    """The report zip of a view (analysis.figures.command.bundle); `progress(share, what)`."""
    from analysis.figures.command import bundle

    with reading(store_path) as con:
        return bundle(con, filters, provenance, progress=progress)


def writing(path: str) -> Store:
    """The store opened for writing (created if need be); let go between batches."""
    return Store(path, wait=WRITE_WAIT)


def ensure_store(path: str) -> None:
    """A store named on the command line that does not exist yet is created, empty."""
    if not Path(path).exists():
        writing(path).close()


def options(metonyms: bool, theme_file: str | None):
    from analysis.extract.actors import ActorOptions
    from analysis.pipeline import AnalysisOptions

    return AnalysisOptions(actors=ActorOptions(metonyms=metonyms), theme_file=theme_file)


@st.cache_resource(show_spinner=False)
def ingest_corpus(corpus: str, store_path: str, metonyms: bool, theme_file: str | None):
    """Ingest a corpus folder once per process and options; no file is read when the corpus is
    unchanged since the last ingest, and no NLP runs for articles already stored."""
    from analysis.ingest import IngestSummary
    from analysis.ingest import ingest_corpus as store_ingest_corpus

    bar = st.progress(0.0, text=f"Analysing {corpus} …")
    done = 0

    def progress(n: int) -> None:
        # The corpus is not counted in advance (that would read it twice): the bar fills towards
        # a thousand articles and the text says how many are done.
        nonlocal done
        done += n
        bar.progress(min(done / 1000, 0.99), text=f"Analysing {corpus}: {done:,} articles so far")

    with writing(store_path) as store:
        summary = store_ingest_corpus(
            [corpus], store, options=options(metonyms, theme_file), progress=progress, batch_size=32, share=True
        )
    bar.empty()
    return summary or IngestSummary()


# Limits of the process that analyses uploads: one upload must not stall or bloat the server.
UPLOAD_MEMORY_MB = 2048
UPLOAD_SECONDS = 600


def ingest_uploads(files: list[tuple[str, bytes]], store_path: str, metonyms: bool, theme_file: str | None):
    """Ingest uploaded files (name, bytes); errors are listed by file, the rest is kept.

    The readers are bounded and run here; the analysis runs in a child process with memory and
    time limits (`BoundedEngine`), with a progress bar, so the server's threads stay free.
    """
    from analysis.ingest import BoundedEngine, ingest
    from analysis.readers import Article, read_bytes

    results = []
    for name, data in files:
        results.extend(read_bytes(data, name=name))
    total = sum(isinstance(r, Article) for r in results)
    bar = st.progress(0.0, text=f"Analysing {total:,} articles …")
    done = 0

    def progress(n: int) -> None:
        nonlocal done
        done += n
        bar.progress(min(done / max(total, 1), 1.0), text=f"Analysing: {done:,} of {total:,} articles")

    try:
        with writing(store_path) as store:
            return ingest(
                results,
                store,
                options=options(metonyms, theme_file),
                engine=BoundedEngine(memory_mb=UPLOAD_MEMORY_MB, seconds=UPLOAD_SECONDS),
                progress=progress,
                share=True,
            )
    finally:
        bar.empty()


def ingest_urls(urls: list[str], store_path: str, metonyms: bool, theme_file: str | None):
    """Fetch page or feed URLs politely (robots.txt, timeouts, a page cap) and ingest what they
    hold; a URL that fails is listed as an error, the rest is kept."""
    from analysis.ingest import ingest
    from analysis.readers.collect import FetchPolicy, Fetcher, collect
    from analysis.readers.html import url_id

    fetcher = Fetcher(FetchPolicy(max_pages=50))
    try:
        with writing(store_path) as store:
            results = collect(urls, fetcher=fetcher, is_stored=lambda url: bool(store.known([url_id(url)])))
            return ingest(results, store, options=options(metonyms, theme_file), share=True)
    finally:
        fetcher.close()


def store_version(store_path: str) -> str:
    """Changes whenever the store's content does, so cached queries are recomputed."""
    with reading(store_path) as con:
        return queries.store_version(con)


@st.cache_data(max_entries=512, show_spinner=False)
def query(name: str, store_path: str, version: str, filters: queries.Filters, **kwargs) -> pd.DataFrame:
    """Run the query `name` of analysis.queries on a cursor of the store; cached by version and
    filters."""
    del version  # part of the cache key only
    with reading(store_path) as con:
        return queries.run(con, name, filters, **kwargs)


@st.cache_data(max_entries=64, show_spinner=False)
def options_of(store_path: str, version: str) -> dict[str, pd.DataFrame]:
    del version
    with reading(store_path) as con:
        return queries.corpus_options(con)


@st.cache_data(max_entries=64, show_spinner=False)
def article(store_path: str, version: str, article_id: str) -> dict | None:
    del version
    with reading(store_path) as con:
        return queries.article(con, article_id)


def bound_query(store_path: str, version: str, filters: queries.Filters):
    """A query runner for analysis.figures.catalog with the store, version and filters bound."""
    return lambda name, **kwargs: query(name, store_path, version, filters, **kwargs)


# A resource cache, not a data cache: `cache_data` hands out an unpickled copy, and unpickling a
# Figure validates it all again (40 ms a chart, most of a warm rerun). Nothing changes a cached
# figure: `st.plotly_chart` and the exports work on copies of it.
@st.cache_resource(max_entries=256, show_spinner=False)
def chart(name: str, store_path: str, version: str, filters: queries.Filters, **opts):
    """A chart of analysis.figures.catalog and its data, cached like the queries behind it (one
    shared object: do not change it)."""
    return catalog.build(name, bound_query(store_path, version, filters), **opts)


@st.cache_data(max_entries=64, show_spinner=False)
def actor_forms(store_path: str, version: str) -> dict[str, list[str]]:
    del version
    with reading(store_path) as con:
        return queries.actor_forms(con)


@st.cache_data(max_entries=256, show_spinner=False)
def resolve_actor(store_path: str, version: str, value: str) -> str | None:
    del version
    with reading(store_path) as con:
        return queries.resolve_actor(con, value)


@st.cache_data(max_entries=16, show_spinner=False)
def stats(store_path: str, version: str) -> dict:
    """What the store holds, counted once per store version rather than on every rerun."""
    del version
    with Store(store_path, read_only=True, wait=READ_WAIT) as store:
        return store.stats()
