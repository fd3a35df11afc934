"""Quotes panel: the quote table, who is quoted how, recurring framing phrases, and who speaks
about whom."""

from __future__ import annotations

import streamlit as st

from components.view import View
from components.chart_frame import render_named_chart


def render_quotes(view: View, *, key: str = "quotes") -> None:
    table = view.query("quotes")
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
    render_named_chart(view, "quotes-by-speaker", key=f"{key}_kinds")
    st.subheader("Recurring framing phrases")
    st.caption("Partial and scare quotes across the corpus, normalised (case, punctuation).")
    phrases = render_named_chart(view, "framing-phrases", key=f"{key}_phrases")
    st.dataframe(phrases, hide_index=True)
    st.subheader("Who speaks about whom")
    about = view.query("speaker_about")
    st.dataframe(
        about, hide_index=True, column_config={"tone": st.column_config.NumberColumn(format="%+.2f")}
    )
