"""Figures and their data as files: PNG and SVG (kaleido driving a Chromium browser), standalone
interactive HTML, and CSV. Every export carries its provenance: filters, corpus size, model and
analysis versions, date of export. No Streamlit here, so the command line exports the same bytes.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import shutil
import threading
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

PRINT_SCALE = 3  # PNG at 3x the on-screen size: print-ready at the usual figure widths
BROWSER_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
_warm_lock = threading.Lock()
_warm = False


class NoBrowser(RuntimeError):
    """PNG/SVG export needs a Chromium-family browser and none was found."""


@dataclass(frozen=True)
class Provenance:
    """Where a chart's numbers come from."""

    filters: str
    articles: int
    model: str
    analysis_version: str
    exported: str = ""

    def line(self) -> str:
        when = self.exported or dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        return (f"{self.articles} articles · filters: {self.filters} · model {self.model} · "
                f"analysis {self.analysis_version} · exported {when}")


def find_browser() -> str | None:
    """The browser kaleido will drive: $BROWSER_PATH, else a system Chromium."""
    explicit = os.environ.get("BROWSER_PATH")
    if explicit and os.access(explicit, os.X_OK):
        return explicit
    for candidate in BROWSER_CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium") or shutil.which("google-chrome")


def with_provenance(fig: go.Figure, provenance: Provenance) -> go.Figure:
    """A copy of the figure with its provenance as a caption under the plot."""
    out = go.Figure(fig)
    bottom = (out.layout.margin.b or 10) + 36
    out.update_layout(margin={"b": bottom})
    out.add_annotation(text=html.escape(provenance.line()), showarrow=False, xref="paper", yref="paper",
                       x=0, y=0, yshift=-bottom + 8, xanchor="left", yanchor="bottom",
                       font={"size": 9, "color": "#777"}, align="left")
    return out


def _ensure_warm_browser() -> None:
    """Start one browser for all exports of this process instead of one per image."""
    global _warm
    with _warm_lock:
        if _warm:
            return
        browser = find_browser()
        if browser is None:
            raise NoBrowser("PNG/SVG export needs Chromium (apt-get install chromium, or set "
                            "BROWSER_PATH); HTML and CSV exports still work")
        os.environ.setdefault("BROWSER_PATH", browser)
        import kaleido

        kaleido.start_sync_server(silence_warnings=True)
        _warm = True


def figure_image(fig: go.Figure, fmt: str, provenance: Provenance, *, scale: float = PRINT_SCALE) -> bytes:
    """PNG or SVG bytes of the figure with its provenance caption.

    Raises:
        NoBrowser: no Chromium-family browser is available; say so and offer HTML/CSV.
    """
    if fmt not in ("png", "svg"):
        raise ValueError(f"image format must be png or svg, not {fmt!r}")
    _ensure_warm_browser()
    width = fig.layout.width or 900
    height = fig.layout.height or 450
    return with_provenance(fig, provenance).to_image(format=fmt, width=width, height=height + 36,
                                                     scale=scale if fmt == "png" else 1)


def figure_html(fig: go.Figure, provenance: Provenance, *, title: str) -> bytes:
    """A standalone interactive HTML page (plotly.js inlined: works offline)."""
    body = with_provenance(fig, provenance).to_html(full_html=False, include_plotlyjs=True)
    page = (f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<meta name='provenance' content='{html.escape(provenance.line(), quote=True)}'></head>"
            f"<body>{body}<p style='font:12px sans-serif;color:#666'>{html.escape(provenance.line())}</p>"
            f"</body></html>\n")
    return page.encode("utf-8")


def data_csv(df: pd.DataFrame) -> bytes:
    """The chart's data as plain CSV (provenance travels with the figure files)."""
    return df.to_csv(index=False).encode("utf-8")
