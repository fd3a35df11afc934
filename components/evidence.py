"""The sentences behind a drill-down: shown after a chart point was selected."""

from __future__ import annotations

import streamlit as st

from components.text import md_escape
from components.view import View


def render_evidence(view: View, *, key: str = "evidence") -> None:
    drill = st.session_state.get("drill")
    if not drill:
        return
    kind, value = drill
    actor = value if kind == "actor" else None
    theme = value if kind == "theme" else None
    sentences = view.query("evidence", actor=actor, theme=theme, limit=100)
    with st.container(border=True):
        head, close = st.columns([6, 1])
        head.markdown(
            f"**Evidence for {md_escape(kind)}: {md_escape(value)}** · {len(sentences)} sentences"
        )
        if close.button("Close", key=f"{key}_close"):
            st.session_state.pop("drill", None)
            st.rerun()
        st.dataframe(
            sentences[["sentence", "sentiment", "article", "date", "source"]],
            hide_index=True,
            column_config={"sentiment": st.column_config.NumberColumn(format="%+.2f")},
        )
