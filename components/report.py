"""The sidebar's report of the view: built on request with a progress bar that says what is
being drawn, then offered for download until the view or the store changes."""

from __future__ import annotations

import streamlit as st

from analysis.figures.export import Provenance
from analysis.queries import Filters
from components import state

HELP = (
    "Every chart as PNG and HTML with its data as CSV, the matching articles as CSV and JSONL, "
    "and a methods note."
)


def render_report(store_path: str, version: str, filters: Filters, provenance: Provenance) -> None:
    # One slot: the button, then the progress bar in its place, then the download.
    slot = st.sidebar.empty()
    key = (store_path, version, filters)
    built = st.session_state.get("_report")
    if built is None or built[0] != key:
        if not slot.button("Build the report of this view (zip)", key="report_build", icon=":material/folder_zip:", help=HELP):
            return
        bar = slot.progress(0.0, "Starting")
        data = state.report_zip(store_path, filters, provenance, progress=lambda done, what: bar.progress(min(done, 1.0), what))
        built = st.session_state["_report"] = (key, data)
    slot.download_button(
        f"Download the report ({len(built[1]) / 1e6:,.1f} MB zip)",
        built[1],
        file_name="news-report.zip",
        mime="application/zip",
        key="report_zip",
        icon=":material/download:",
        help=HELP,
    )
