"""Streamlit entry: the server of the page (`components/page.py`), warmed before it takes a browser.

    streamlit run dashboard.py [-- --corpus PATH] [-- --store FILE]

`streamlit run` finds the `st.App` below and serves the page through it. Its start-up runs
`page.warm` before the server accepts a connection: the page's imports (pandas, Plotly, DuckDB)
and the store's unfiltered Overview and Topics tab, about a second that the first analyst of
every new server used to wait for. Then it freezes what start-up made, so that collecting garbage after each rerun
is cheap. A store that cannot be read yet (an ingest holding it, an older analysis) is left to
the page, which says what is wrong; the server starts all the same.
"""

from __future__ import annotations

import asyncio
import gc
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
    # Streamlit collects garbage after every rerun. Over all the objects of pandas, Plotly and
    # the page (a few million) that took 60-160 ms of the interpreter after each tab switch or
    # filter change, while the run's last messages waited to be sent; frozen now, they are left
    # out of those collections, which then cost a few ms (server CPU a tab switch 0.15 -> 0.05 s).
    gc.collect()
    gc.freeze()
    yield


app = st.App("components/page.py", lifespan=_warm)
