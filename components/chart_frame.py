"""One chart on the page: the figure with point selection for drill-down, and its export menu."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.figures import export
from components.text import md_escape
from components.view import View


def _picked(key: str) -> list:
    event = st.session_state.get(key) or {}
    points = (event.get("selection") or {}).get("points") or []
    values = []
    for point in points:
        custom = point.get("customdata")
        if isinstance(custom, (list, tuple)) and custom:
            values.append(custom[0])
        elif custom is not None:
            values.append(custom)
    return values


def render_named_chart(
    view: View,
    name: str,
    *,
    key: str,
    on_pick: Callable[[list], None] | None = None,
    **opts,
) -> pd.DataFrame:
    """Render a chart of analysis.figures.catalog by name (built once per view); returns its data."""
    fig, data = view.chart(name, **opts)
    render_chart(fig, data, key=key, name=name, provenance=view.provenance, on_pick=on_pick)
    return data


def render_chart(
    fig: go.Figure,
    data: pd.DataFrame,
    *,
    key: str,
    name: str,
    provenance: export.Provenance,
    on_pick: Callable[[list], None] | None = None,
) -> None:
    """Show a figure; selecting points calls `on_pick(values)` (drill-down); offer exports."""

    def picked() -> None:
        values = _picked(key)
        if values and on_pick:
            on_pick(values)

    st.plotly_chart(
        fig,
        key=key,
        on_select=picked if on_pick else "ignore",
        selection_mode=("points", "box") if on_pick else ("points",),
        config={"displaylogo": False},
    )
    with st.popover("Export", icon=":material/download:"):
        st.caption(md_escape(provenance.line()))
        cols = st.columns(4)
        if export.find_browser():
            for col, fmt, mime in ((cols[0], "png", "image/png"), (cols[1], "svg", "image/svg+xml")):
                col.download_button(
                    fmt.upper(),
                    lambda fmt=fmt: export.figure_image(fig, fmt, provenance),
                    file_name=f"{name}.{fmt}",
                    mime=mime,
                    key=f"{key}_{fmt}",
                )
        else:
            cols[0].caption("PNG/SVG need Chromium (not found)")
        cols[2].download_button(
            "HTML",
            lambda: export.figure_html(fig, provenance, title=name),
            file_name=f"{name}.html",
            mime="text/html",
            key=f"{key}_html",
        )
        cols[3].download_button(
            "CSV", export.data_csv(data), file_name=f"{name}.csv", mime="text/csv", key=f"{key}_csv"
        )


def add_to_filter(widget_key: str) -> Callable[[list], None]:
    """A drill-down action: add the picked values to a sidebar filter (and so to the URL)."""

    def apply(values: list) -> None:
        current = list(st.session_state.get(widget_key) or [])
        st.session_state[widget_key] = current + [v for v in values if v not in current]
        st.session_state["drill"] = (widget_key, values[0])

    return apply


def pick_date(values: list) -> None:
    """A drill-down action for time charts: narrow the dates to the picked period."""
    import datetime as dt

    days = sorted(dt.date.fromisoformat(str(v)[:10]) for v in values)
    st.session_state["since"], st.session_state["until"] = days[0], days[-1]
    st.session_state["drill"] = ("date", str(days[0]))
