"""The dashboard's data access: the store opened once per process, the corpus ingested once,
queries cached per (store version, filters). Widget values come in as arguments."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis import queries
from analysis.extract.actors import ActorOptions
from analysis.figures import catalog
from analysis.ingest import IngestSummary, ingest
from analysis.ingest import ingest_corpus as store_ingest_corpus
from analysis.pipeline import AnalysisOptions
from analysis.readers import read_bytes
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


def ingest_uploads(
    files: list[tuple[str, bytes]], store_path: str, metonyms: bool, theme_file: str | None
) -> IngestSummary:
    """Ingest uploaded files (name, bytes); errors are listed by file, the rest is kept."""
    results = []
    for name, data in files:
        results.extend(read_bytes(data, name=name))
    return ingest(results, open_store(store_path), options=options(metonyms, theme_file))


def ingest_urls(
    urls: list[str], store_path: str, metonyms: bool, theme_file: str | None
) -> IngestSummary:
    """Fetch page or feed URLs politely (robots.txt, timeouts, a page cap) and ingest what they
    hold; a URL that fails is listed as an error, the rest is kept."""
    from analysis.readers.collect import FetchPolicy, Fetcher, collect
    from analysis.readers.html import url_id

    store = open_store(store_path)
    fetcher = Fetcher(FetchPolicy(max_pages=50))
    try:
        results = collect(urls, fetcher=fetcher, is_stored=lambda url: bool(store.known([url_id(url)])))
        return ingest(results, store, options=options(metonyms, theme_file))
    finally:
        fetcher.close()


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


@st.cache_data(max_entries=64, show_spinner=False)
def actor_forms(store_path: str, version: str) -> dict[str, list[str]]:
    del version
    return queries.actor_forms(open_store(store_path).con.cursor())


@st.cache_data(max_entries=256, show_spinner=False)
def resolve_actor(store_path: str, version: str, value: str) -> str | None:
    del version
    return queries.resolve_actor(open_store(store_path).con.cursor(), value)


@st.cache_data(max_entries=16, show_spinner=False)
def stats(store_path: str, version: str) -> dict:
    """What the store holds, counted once per store version rather than on every rerun."""
    del version
    return open_store(store_path).stats()
