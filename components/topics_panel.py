"""Topics panel: what the matching articles are about beyond the theme lexicon: the topics found
in the store and the key phrases that set the articles apart."""

from __future__ import annotations

import streamlit as st

from components.chart_frame import render_named_chart
from components.view import View

# Side by side, as they stood in the Overview's second row. They have a tab of their own so that
# a filter change on the Overview draws three charts, not five: each chart costs the browser two
# draws (Streamlit's chart draws once before it knows its width), the most of what an analyst
# waits for (BBC filter change 0.70 -> 0.52 s in a side-by-side A/B on a busy machine).
TOPICS_CHARTS = ("topics", "key-phrases")


def render_topics(view: View, *, key: str = "topics") -> None:
    for column, name in zip(st.columns(2), TOPICS_CHARTS):
        with column:
            render_named_chart(view, name, key=f"{key}_{name}")
    st.caption("Select a topic's bar or a phrase to see the sentences behind it.")
