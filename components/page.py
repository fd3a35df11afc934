"""The page: page config, corpus and store, sidebar filters, and the panels as tabs.

Streamlit runs this script once per rerun of each analyst's session; `dashboard.py` serves it
(`streamlit run dashboard.py [-- --corpus PATH] [-- --store FILE]`) and calls `warm` once when the
server starts. DASHBOARD_CORPUS / DASHBOARD_STORE work too. The view lives in the URL (actor,
theme, topic, since, until, q, article), so it can be bookmarked and shared.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import streamlit as st

from analysis.errors import AnalysisError
from analysis.extract.themes import ThemeLexicon
from analysis.figures.export import provenance_for
from analysis.queries import Filters
from analysis.store import DEFAULT_STORE, STORE_ENV, corpus_store_path
from components import sidebar, state
from components.actors_panel import render_actors
from components.evidence import render_evidence
from components.overview import charts_shown, render_overview
from components.quotes_panel import render_quotes
from components.reader import render_reader
from components.report import render_report
from components.text import md_escape
from components.topics_panel import TOPICS_CHARTS, render_topics
from components.view import View

ROOT = Path(__file__).resolve().parent.parent


def settings() -> tuple[str | None, str]:
    """Which corpus to add and which store to show.

    - neither named: the seed corpus in the default store;
    - a corpus only: a store of that corpus's own (`corpus_store_path`), so corpora never mix;
    - a store only: that store as it is, nothing added;
    - both: the corpus added to that store.
    """
    parser = argparse.ArgumentParser(prog="dashboard.py")
    parser.add_argument("--corpus", default=os.environ.get("DASHBOARD_CORPUS") or None)
    parser.add_argument("--store", default=os.environ.get(STORE_ENV) or None)
    args, _ = parser.parse_known_args(sys.argv[1:])
    if args.corpus is None and args.store is None:
        return str(ROOT / "seeds"), str(DEFAULT_STORE)
    if args.store is None:
        return args.corpus, str(corpus_store_path(args.corpus))
    return args.corpus, args.store


def main() -> None:
    st.set_page_config(page_title="News analyst", page_icon="📰", layout="wide")
    st.title("News analyst")
    try:
        page()
    except AnalysisError as exc:
        # A failure the user can act on (a locked store, a bad theme file, no model): its
        # message says what to do; a traceback would not.
        st.error(md_escape(exc))


def page() -> None:
    corpus, store_path = settings()
    metonyms, theme_file = sidebar.render_options()
    summary = state.ingest_corpus(corpus, store_path, metonyms, theme_file) if corpus else None
    if summary and summary.errors:
        with st.expander(f"{len(summary.errors)} files of the corpus could not be read"):
            for error in summary.errors:
                st.text(f"{error.path}: {error.reason}")
    sidebar.render_corpus(store_path, metonyms=metonyms, theme_file=theme_file)
    state.ensure_store(store_path)
    # Everything below reads; one read-only connection serves it and is let go when the run ends.
    with state.page_run(store_path):
        show(store_path, corpus, theme_file)


def show(store_path: str, corpus: str | None, theme_file: str | None) -> None:
    """The filters, the header and the panels of one store."""
    version = state.store_version(store_path)
    filters = sidebar.render_filters(store_path, version)
    sidebar.render_url_notes()
    figures = state.query("overview", store_path, version, filters)
    stats = state.stats(store_path, version)
    provenance = provenance_for(stats, figures["articles"], filters.describe())
    lexicon = ThemeLexicon.load(theme_file)
    # A theme's evidence holds its terms; its `not` phrases (weight 0) are no evidence of it.
    terms = {
        name: tuple(" ".join(term) for term in theme_terms if lexicon.weight(name, term) > 0)
        for name, theme_terms in lexicon.themes.items()
    }
    view = View(store_path, version, filters, provenance, theme_terms=terms)
    st.caption(_store_line(store_path, corpus, stats))
    plural = "s" if stats["articles"] != 1 else ""
    st.caption(
        f"Showing {figures['articles']:,} of {stats['articles']:,} article{plural} · {md_escape(filters.describe())}"
    )
    if stats["articles"] == 0:
        st.info(
            "This store is empty. Add files in the sidebar's Corpus panel, or ingest a folder with "
            f"`python -m analysis ingest PATH --store {store_path}`."
        )
    render_report(store_path, version, filters, provenance)
    if figures["articles"] == 0:
        st.warning(
            "No articles match these filters. Loosen one in the sidebar: " + ", ".join(_active(filters)) + "."
        )
    render_evidence(view)
    panels(view)


@st.fragment
def panels(view: View) -> None:
    """The tabs. A fragment: switching tabs, paging or picking inside a panel re-runs this alone,
    not the sidebar and the header, whose filters it does not change."""
    if st.session_state.pop("drill_picked", False):
        # A chart mark was picked: its evidence is drawn above the tabs, outside this fragment.
        st.rerun(scope="app")
    with state.page_run(view.store_path):
        # Only the open tab is computed: a filter change on a large store re-runs one panel, not four.
        tabs = st.tabs(list(PANELS), key="tab", on_change="rerun")
        for tab, render in zip(tabs, PANELS.values()):
            if tab.open:
                with tab:
                    render(view)
    sidebar.save_view_to_url()


PANELS = {
    "Overview": render_overview,
    "Topics": render_topics,
    "Actors": render_actors,
    "Quotes": render_quotes,
    "Articles": render_reader,
}


def _store_line(store_path: str, corpus: str | None, stats: dict) -> str:
    first, last = stats.get("first_date"), stats.get("last_date")
    dates = f"{first} to {last}" if first else "no dates"
    sources = stats.get("sources") or 0
    named = f"{sources:,} source{'s' if sources != 1 else ''}" if sources else "no sources named"
    count = stats["articles"]
    line = f"Store {md_escape(store_path)} · {count:,} article{'s' if count != 1 else ''} · {dates} · {named}"
    return line + (f" · corpus {md_escape(corpus)}" if corpus else " · no corpus added at start")


def _active(filters) -> list[str]:
    names = {
        "actors": "Actor",
        "themes": "Theme",
        "topics": "Topic",
        "since": "Since",
        "until": "Until",
        "q": "Search",
        "sources": "Source",
        "sections": "Section",
    }
    active = [label for field, label in names.items() if getattr(filters, field)]
    if tuple(filters.sentiment) != (-1.0, 1.0):
        active.append("Article sentiment")
    return active or ["none is set"]


def warm() -> None:
    """Compute what the first analyst of a new server would otherwise wait for: the page's
    imports (done by importing this module), Plotly's first figure, and the store's unfiltered
    Overview and Topics (counts, filter options, queries and charts), into the caches every
    session shares.
    Nothing is added to the store here: a corpus named at start is ingested by the first run."""
    _, store_path = settings()
    if not Path(store_path).exists():
        return
    filters = Filters()
    with state.page_run(store_path):
        version = state.store_version(store_path)
        state.stats(store_path, version)
        state.options_of(store_path, version)
        state.actor_index(store_path, version)
        figures = state.query("overview", store_path, version, filters)
        # The Topics tab's too (they stood on the Overview before it had its own tab).
        for name in charts_shown(figures) + TOPICS_CHARTS:
            state.chart(name, store_path, version, filters)


if __name__ == "__main__":  # as Streamlit runs it; `warm` imports it as a module
    main()
