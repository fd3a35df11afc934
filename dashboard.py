"""Streamlit entry: the server of the page (`components/page.py`), warmed before it takes a browser.

    streamlit run dashboard.py [-- --corpus PATH] [-- --store FILE]

`streamlit run` finds the `st.App` below and serves the page through it. Its start-up runs
`page.warm` before the server accepts a connection: the page's imports (pandas, Plotly, DuckDB)
and the store's unfiltered Overview, about a second that the first analyst of every new server
used to wait for. A store that cannot be read yet (an ingest holding it, an older analysis) is
left to the page, which says what is wrong; the server starts all the same.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager

import streamlit as st

from analysis.errors import AnalysisError

_LOG = logging.getLogger("dashboard")


@asynccontextmanager
async def _warm(_app):
    def warm() -> None:
        try:
            from components import page

            page.warm()
        except AnalysisError as exc:  # the page says the same to the analyst; the server runs
            _LOG.warning("the store was not warmed: %s", exc)
        except Exception:
            _LOG.warning("warming the page failed; the first analyst will wait for it", exc_info=True)

    # A worker thread: the event loop stays free for the server's own start-up.
    await asyncio.to_thread(warm)
    yield


app = st.App("components/page.py", lifespan=_warm)
