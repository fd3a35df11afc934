"""The dashboard's data access: the store opened once per process, the corpus ingested once,
queries cached per (store version, filters). Widget values come in as arguments."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import queries
from analysis.extract.actors import ActorOptions
from analysis.figures import catalog
from analysis.ingest import BoundedEngine, IngestSummary, ingest
from analysis.ingest import ingest_corpus as store_ingest_corpus
from analysis.pipeline import AnalysisOptions
from analysis.readers import Article, read_bytes
from analysis.store import Store


@st.cache_resource(show_spinner=False)
def open_store(path: str) -> Store:
    """One read-write connection per process; every query takes its own cursor of it."""
    return Store(path)


def options(metonyms: bool, theme_file: str | None) -> AnalysisOptions:
    return AnalysisOptions(actors=ActorOptions(metonyms=metonyms), theme_file=theme_file)


@st.cache_resource(show_spinner=False)
def ingest_corpus(corpus: str, store_path: str, metonyms: bool, theme_file: str | None) -> IngestSummary:
    """Ingest a corpus folder once per process and options; no file is read when the corpus is
    unchanged since the last ingest, and no NLP runs for articles already stored."""
    store = open_store(store_path)
    bar = st.progress(0.0, text=f"Analysing {corpus} …")
    done = 0

    def progress(n: int) -> None:
        # The corpus is not counted in advance (that would read it twice): the bar fills towards
        # a thousand articles and the text says how many are done.
        nonlocal done
        done += n
        bar.progress(min(done / 1000, 0.99), text=f"Analysing {corpus}: {done:,} articles so far")

    summary = store_ingest_corpus(
        [corpus], store, options=options(metonyms, theme_file), progress=progress, batch_size=32
    )
    bar.empty()
    return summary or IngestSummary()


# Limits of the process that analyses uploads: one upload must not stall or bloat the server.
UPLOAD_MEMORY_MB = 2048
UPLOAD_SECONDS = 600


def ingest_uploads(
    files: list[tuple[str, bytes]], store_path: str, metonyms: bool, theme_file: str | None
) -> IngestSummary:
    """Ingest uploaded files (name, bytes); errors are listed by file, the rest is kept.

    The readers are bounded and run here; the analysis runs in a child process with memory and
    time limits (`BoundedEngine`), with a progress bar, so the server's threads stay free.
    """
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
        return ingest(
            results,
            open_store(store_path),
            options=options(metonyms, theme_file),
            engine=BoundedEngine(memory_mb=UPLOAD_MEMORY_MB, seconds=UPLOAD_SECONDS),
            progress=progress,
        )
    finally:
        bar.empty()


def store_version(store_path: str) -> str:
    """Changes whenever the store's content does, so cached queries are recomputed."""
    return queries.store_version(open_store(store_path).con.cursor())


@st.cache_data(max_entries=512, show_spinner=False)
def query(name: str, store_path: str, version: str, filters: queries.Filters, **kwargs) -> pd.DataFrame:
    """Run the query `name` of analysis.queries on a cursor of the store; cached by version and
    filters."""
    del version  # part of the cache key only
    return queries.run(open_store(store_path).con.cursor(), name, filters, **kwargs)


@st.cache_data(max_entries=64, show_spinner=False)
def options_of(store_path: str, version: str) -> dict[str, pd.DataFrame]:
    del version
    return queries.corpus_options(open_store(store_path).con.cursor())


@st.cache_data(max_entries=64, show_spinner=False)
def article(store_path: str, version: str, article_id: str) -> dict | None:
    del version
    return queries.article(open_store(store_path).con.cursor(), article_id)


def bound_query(store_path: str, version: str, filters: queries.Filters):
    """A query runner for analysis.figures.catalog with the store, version and filters bound."""
    return lambda name, **kwargs: query(name, store_path, version, filters, **kwargs)


@st.cache_data(max_entries=256, show_spinner=False)
def chart(name: str, store_path: str, version: str, filters: queries.Filters, **opts):
    """A chart of analysis.figures.catalog and its data, cached like the queries behind it."""
    return catalog.build(name, bound_query(store_path, version, filters), **opts)


@st.cache_data(max_entries=16, show_spinner=False)
def stats(store_path: str, version: str) -> dict:
    """What the store holds, counted once per store version rather than on every rerun."""
    del version
    return open_store(store_path).stats()
