"""Quotes panel: the quote table, who is quoted how, recurring framing phrases, and who speaks
about whom."""

from __future__ import annotations

import streamlit as st

from analysis.queries import Filters
from components import state
from components.chart_frame import add_to_filter, render_named_chart
from components.export import Provenance


def render_quotes(
    store_path: str, version: str, filters: Filters, provenance: Provenance, *, key: str = "quotes"
) -> None:
    table = state.query("quotes", store_path, version, filters)
    if table.empty:
        st.info("No quotations in the matching articles. Loosen the Quote kind, Actor or Theme filters.")
        return
    st.subheader(f"Quotes ({len(table)})")
    st.dataframe(
        table[["quote", "speaker", "kind", "cue", "sentiment", "article", "date", "source"]],
        hide_index=True,
        column_config={
            "sentiment": st.column_config.NumberColumn(format="%+.2f"),
            "quote": st.column_config.TextColumn(width="large"),
        },
    )
    render_named_chart(
        "quotes-by-speaker",
        store_path,
        version,
        filters,
        key=f"{key}_kinds",
        provenance=provenance,
        on_pick=add_to_filter("actor"),
    )
    st.subheader("Recurring framing phrases")
    st.caption("Partial and scare quotes across the corpus, normalised (case, punctuation).")
    phrases = render_named_chart(
        "framing-phrases", store_path, version, filters, key=f"{key}_phrases", provenance=provenance
    )
    st.dataframe(phrases, hide_index=True)
    st.subheader("Who speaks about whom")
    about = state.query("speaker_about", store_path, version, filters)
    st.dataframe(
        about, hide_index=True, column_config={"tone": st.column_config.NumberColumn(format="%+.2f")}
    )
