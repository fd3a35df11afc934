"""One chart on the page: the figure with point selection for drill-down, and its export menu."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.figures import catalog, export
from components.text import md_escape
from components.view import View


def _picked(key: str) -> list[list]:
    """The customdata of each selected mark of the chart under `key`, as a list."""
    event = st.session_state.get(key) or {}
    points = (event.get("selection") or {}).get("points") or []
    values = []
    for point in points:
        custom = point.get("customdata")
        if isinstance(custom, (list, tuple)) and custom:
            values.append(list(custom))
        elif custom is not None:
            values.append([custom])
    return values


def render_named_chart(view: View, name: str, *, key: str, **opts) -> pd.DataFrame:
    """Render a chart of analysis.figures.catalog by name (built once per view); selecting a mark
    opens the evidence behind it (the catalog says what each mark stands for). Returns its data."""
    fig, data = view.chart(name, **opts)
    drill = catalog.CHARTS[name].drill

    def open_evidence(points: list[list]) -> None:
        found = drill(points[0], view.theme_terms) if drill else None
        if found is not None:
            st.session_state["drill"] = found
            st.session_state["evidence_page"] = 1
            st.session_state["drill_picked"] = True  # the page's tabs re-run the whole page for it

    render_chart(fig, data, key=key, name=name, provenance=view.provenance, on_pick=open_evidence if drill else None)
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
    """Show a figure; selecting marks calls `on_pick(their customdata)`; offer exports."""

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
        # Written when asked for, like the others: a chart's whole data as CSV on every rerun cost
        # 30 ms a tab switch.
        cols[3].download_button(
            "CSV", lambda: export.data_csv(data), file_name=f"{name}.csv", mime="text/csv", key=f"{key}_csv"
        )
