"""Overview panel: headline figures, attention and sentiment over time, top actors, themes."""

from __future__ import annotations

import streamlit as st

from analysis.queries import Filters
from components import charts, state
from components.chart_frame import add_to_filter, pick_date, render_chart
from components.evidence import render_evidence
from components.export import Provenance


def render_overview(store_path: str, version: str, filters: Filters, provenance: Provenance, *,
                    key: str = "overview") -> None:
    figures = state.query("overview", store_path, version, filters)
    cols = st.columns(4)
    cols[0].metric("Articles", f"{figures['articles']:,}")
    cols[1].metric("Actors", f"{figures['actors']:,}")
    cols[2].metric("Quotes", f"{figures['quotes']:,}")
    mean = figures["mean_sentiment"]
    cols[3].metric("Mean sentiment", "–" if mean is None else f"{mean:+.2f}",
                   help="Mean of article scores; an article's score is the mean of its sentence "
                        "compounds (VADER). ≥ +0.05 positive, ≤ −0.05 negative.")
    render_evidence(store_path, version, filters)

    timeline = state.query("sentiment_over_time", store_path, version, filters)
    if figures["dated"] < figures["articles"]:
        st.caption(f"{figures['articles'] - figures['dated']} of {figures['articles']} matching articles "
                   f"have no date and are left out of the time chart.")
    render_chart(charts.sentiment_timeline(timeline), timeline, key=f"{key}_timeline",
                 name="sentiment-over-time", provenance=provenance, on_pick=pick_date)
    left, right = st.columns(2)
    with left:
        actors = state.query("top_actors", store_path, version, filters, limit=15)
        render_chart(charts.top_actors_bar(actors), actors, key=f"{key}_actors", name="top-actors",
                     provenance=provenance, on_pick=add_to_filter("actor"))
    with right:
        themes = state.query("theme_distribution", store_path, version, filters)
        render_chart(charts.theme_bar(themes), themes, key=f"{key}_themes", name="themes",
                     provenance=provenance, on_pick=add_to_filter("theme"))
    st.caption("Select a bar or point to filter the page to it and see the sentences behind it.")
