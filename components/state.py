"""The dashboard's data access: the corpus ingested once, queries cached per (store version,
filters). Widget values come in as arguments.

The store is opened for one query (read-only) or one batch of writing at a time, never held:
that is what lets an ingest or `python -m analysis export` use the same file while the page is
open (`analysis.store.connect`)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

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


# The page run in progress on this thread (each session's script runs on a thread of its own):
# the store it reads and, once a query has needed it, the read-only Store open for the rest of the
# run, so that one run opens the file at most once, and a run whose queries are all cached (a tab
# seen before, a filter chosen again) not at all.
_RUN = threading.local()


def _in_run(path: str) -> bool:
    return getattr(_RUN, "path", None) == path


@contextmanager
def reading(path: str) -> Iterator:
    """A read-only connection to the store: the page run's (opened on first use), or one for this
    query alone."""
    if _in_run(path):
        if _RUN.store is None:
            _RUN.store = Store(path, read_only=True, wait=READ_WAIT)
        yield _RUN.store.con
        return
    with Store(path, read_only=True, wait=READ_WAIT) as store:
        yield store.con


@contextmanager
def page_run(path: str) -> Iterator[None]:
    """Read through one connection for the rest of a page run, opened when a query first needs
    it, and let the file go after the run. Nothing may write to the store inside (writes come
    before, in the sidebar's Corpus panel). Inside a page run already reading the store, the same
    connection serves (a fragment's own rerun has one of its own; inside the whole page's run it
    uses the page's)."""
    if _in_run(path):
        yield
        return
    _RUN.path, _RUN.store = path, None
    try:
        yield
    finally:
        store, _RUN.path, _RUN.store = _RUN.store, None, None
        if store is not None:
            store.close()


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


# Each store's content version, beside the file's size and modification time when it was read.
_VERSIONS: dict[str, tuple[tuple, str]] = {}


def _file_signature(path: str) -> tuple:
    """The store file's and its write-ahead log's size and modification time: DuckDB changes one
    of them with every write it commits."""
    signature = []
    for name in (path, path + ".wal"):
        try:
            found = os.stat(name)
        except OSError:
            signature.append(None)
        else:
            signature.append((found.st_size, found.st_mtime_ns))
    return tuple(signature)


def store_version(store_path: str) -> str:
    """Changes whenever the store's content does, so cached queries are recomputed. Read from the
    store only when its file has changed since the last look, so a rerun whose queries are cached
    opens no connection."""
    # Looked at before the content is read: a write landing in between leaves a stale signature,
    # and the next run reads the version again.
    looked = time.time_ns()
    signature = _file_signature(store_path)
    known = _VERSIONS.get(store_path)
    if known is not None and known[0] == signature:
        return known[1]
    with reading(store_path) as con:
        version = queries.store_version(con)
    # A file's times tick coarsely (a few ms): one written within a second of the look could be
    # written again with the same signature, so its version is read again next time.
    if all(part is None or part[1] < looked - 1_000_000_000 for part in signature):
        _VERSIONS[store_path] = (signature, version)
    return version


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


@dataclass(frozen=True)
class ActorIndex:
    """The store's actors as the Actor box needs them on every rerun: `ranked` names, most
    mentioned first; `counts`, a name's mentions; `forms`, how the text names it ("Mr Blair")."""

    ranked: tuple[str, ...]
    counts: Mapping[str, int]
    forms: Mapping[str, tuple[str, ...]]


@st.cache_resource(max_entries=8, show_spinner=False)
def actor_index(store_path: str, version: str) -> ActorIndex:
    """Built once per store version and shared by every session, read-only: as a cached DataFrame
    and dict, copied out of the cache and walked into a dict on every rerun, the Actor box's data
    cost 30-35 ms of each filter change (Reuters' 27,428 actors)."""
    actors = options_of(store_path, version)["actors"]
    with reading(store_path) as con:
        forms = queries.actor_forms(con)
    names = actors["name"].tolist()
    return ActorIndex(
        ranked=tuple(names),
        counts=MappingProxyType(dict(zip(names, actors["mentions"].tolist()))),
        forms=MappingProxyType({name: tuple(found) for name, found in forms.items()}),
    )


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
