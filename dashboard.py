"""Streamlit entry: page config, corpus and store, sidebar filters, and the panels as tabs.

    streamlit run dashboard.py [-- --corpus PATH] [-- --store FILE]

DASHBOARD_CORPUS / DASHBOARD_STORE work too. The view lives in the URL (actor, theme, since,
until, q, article), so it can be bookmarked and shared.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import streamlit as st

from analysis.errors import AnalysisError
from analysis.figures.command import bundle
from analysis.figures.export import provenance_for
from analysis.store import default_store_path
from components import sidebar, state
from components.actors_panel import render_actors
from components.overview import render_overview
from components.quotes_panel import render_quotes
from components.reader import render_reader
from components.text import md_escape
from components.view import View

ROOT = Path(__file__).resolve().parent


def settings() -> tuple[str, str]:
    parser = argparse.ArgumentParser(prog="dashboard.py")
    parser.add_argument("--corpus", default=os.environ.get("DASHBOARD_CORPUS") or str(ROOT / "seeds"))
    parser.add_argument("--store", default=str(default_store_path()))
    args, _ = parser.parse_known_args(sys.argv[1:])
    return args.corpus, args.store


def main() -> None:
    st.set_page_config(page_title="News analyst", page_icon=":material/newspaper:", layout="wide")
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
    summary = state.ingest_corpus(corpus, store_path, metonyms, theme_file)
    if summary.errors:
        with st.expander(f"{len(summary.errors)} files of the corpus could not be read"):
            for error in summary.errors:
                st.text(f"{error.path}: {error.reason}")
    sidebar.render_corpus(store_path, corpus, metonyms=metonyms, theme_file=theme_file)
    version = state.store_version(store_path)
    filters = sidebar.render_filters(store_path, version)
    figures = state.query("overview", store_path, version, filters)
    stats = state.stats(store_path, version)
    provenance = provenance_for(stats, figures["articles"], filters.describe())
    view = View(store_path, version, filters, provenance)
    st.caption(
        f"{stats['articles']:,} articles in the store · showing {figures['articles']:,} · "
        f"{md_escape(filters.describe())}"
    )
    st.sidebar.download_button(
        "Report of this view (zip)",
        lambda: bundle(state.open_store(store_path).con.cursor(), filters, provenance),
        file_name="news-report.zip",
        mime="application/zip",
        key="report_zip",
        icon=":material/folder_zip:",
        help="Every chart as PNG and HTML with its data as CSV, the matching articles as CSV and JSONL, "
        "and a methods note.",
    )
    if figures["articles"] == 0:
        st.warning(
            "No articles match these filters. Loosen one in the sidebar: " + ", ".join(_active(filters)) + "."
        )
    # Only the open tab is computed: a filter change on a large store re-runs one panel, not four.
    tabs = st.tabs(list(PANELS), key="tab", on_change="rerun")
    for tab, render in zip(tabs, PANELS.values()):
        if tab.open:
            with tab:
                render(view)
    sidebar.save_view_to_url()


PANELS = {
    "Overview": render_overview,
    "Actors": render_actors,
    "Quotes": render_quotes,
    "Articles": render_reader,
}


def _active(filters) -> list[str]:
    names = {
        "actors": "Actor",
        "themes": "Theme",
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


main()
