"""Overview panel: headline figures, attention and sentiment over time, top actors, themes.
(Topics and key phrases have a tab of their own: `components/topics_panel.py`.)"""

from __future__ import annotations

import streamlit as st

from components.view import View
from components.chart_frame import render_named_chart

# The Overview's charts below its figures: the time chart (when articles have dates), then two a row.
OVERVIEW_CHARTS = ("sentiment-over-time", "top-actors", "themes")


def charts_shown(figures: dict) -> tuple[str, ...]:
    """The Overview's charts for these headline figures: no time chart when no article has a date."""
    return OVERVIEW_CHARTS if figures["dated"] else OVERVIEW_CHARTS[1:]


def render_overview(view: View, *, key: str = "overview") -> None:
    figures = view.query("overview")
    cols = st.columns(4)
    cols[0].metric("Articles", f"{figures['articles']:,}")
    cols[1].metric("Actors", f"{figures['actors']:,}")
    cols[2].metric("Quotes", f"{figures['quotes']:,}")
    mean = figures["mean_sentiment"]
    cols[3].metric(
        "Mean sentiment",
        "–" if mean is None else f"{mean:+.2f}",
        help="Mean of article scores; an article's score is the mean of its sentence "
        "compounds (VADER). ≥ +0.05 positive, ≤ −0.05 negative.",
    )

    if 0 < figures["dated"] < figures["articles"]:
        st.caption(
            f"{figures['articles'] - figures['dated']} of {figures['articles']} matching articles "
            f"have no date and are left out of the time chart."
        )
    if figures["dated"]:
        render_named_chart(view, OVERVIEW_CHARTS[0], key=f"{key}_timeline")
    elif figures["articles"]:
        st.caption("No matching article has a date, so there is no time chart.")
    for column, name in zip(st.columns(2), OVERVIEW_CHARTS[1:]):
        with column:
            render_named_chart(view, name, key=f"{key}_{name}")
    st.caption("Select a bar or point to see the sentences behind it.")
