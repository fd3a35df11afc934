"""Quotes panel: the quote table, who is quoted how, recurring framing phrases, and who speaks
about whom."""

from __future__ import annotations

import streamlit as st

from analysis.figures import export
from components.chart_frame import render_named_chart
from components.view import View

PAGE = 100


def render_quotes(view: View, *, key: str = "quotes") -> None:
    total = view.query("quote_count")
    if total == 0:
        st.info("No quotations in the matching articles. Loosen the Quote kind, Actor or Theme filters.")
        return
    st.subheader(f"Quotes ({total:,})")
    pages = (total + PAGE - 1) // PAGE
    head, pick = st.columns([4, 1])
    page = (
        pick.number_input(f"Page (of {pages:,})", 1, pages, value=1, step=1, key=f"{key}_page")
        if pages > 1
        else 1
    )
    first = (int(page) - 1) * PAGE
    table = view.query("quotes", limit=PAGE, offset=first)
    head.caption(f"Quotes {first + 1:,}–{first + len(table):,} of {total:,}")
    st.download_button(
        f"All {total:,} quotes (CSV)",
        lambda: export.data_csv(view.query("quotes", limit=None)),
        file_name="quotes.csv",
        mime="text/csv",
        key=f"{key}_csv",
    )
    st.dataframe(
        table[["quote", "speaker", "kind", "cue", "sentiment", "article", "date", "source"]],
        hide_index=True,
        placeholder="–",  # no speaker, cue, date or source: a dash (numbers stay numbers, to sort)
        column_config={
            "sentiment": st.column_config.NumberColumn(format="%+.2f"),
            "quote": st.column_config.TextColumn(width="large"),
        },
    )
    speakers = render_named_chart(view, "quotes-by-speaker", key=f"{key}_kinds")
    if speakers.attrs.get("total", 0) > len(speakers):
        st.caption(f"The {len(speakers):,} most quoted of {speakers.attrs['total']:,} speakers.")
    # The chart's own title heads this part (a heading above it said the same words again).
    phrases = render_named_chart(view, "framing-phrases", key=f"{key}_phrases")
    total = phrases.attrs.get("total", len(phrases))
    capped = f" The {len(phrases):,} most quoted of {total:,} phrases." if total > len(phrases) else ""
    wordless = phrases.attrs.get("wordless", 0)
    apart = (
        f" {wordless:,} quotes of a letter or number alone (a rating such as 'B', a score) are not counted as phrases."
        if wordless
        else ""
    )
    st.caption(
        f"Partial and scare quotes in the matching articles, normalised (case, punctuation).{capped}{apart}"
    )
    # No date or source (a corpus without them): a dash, as in the quote table, not "None".
    st.dataframe(phrases, hide_index=True, placeholder="–")
    st.subheader("Who speaks about whom")
    about = view.query("speaker_about")
    st.dataframe(
        about, hide_index=True, column_config={"tone": st.column_config.NumberColumn(format="%+.2f")}
    )
