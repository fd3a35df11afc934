"""Actors panel: actor table, co-occurrence network, actor x theme heatmap, an actor's tone over
time, and two actors side by side."""

from __future__ import annotations

import streamlit as st

from analysis.figures import catalog
from components.view import View
from components.chart_frame import render_named_chart
from components.sidebar import MAX_ACTOR_OPTIONS
from components.text import md_escape


def render_actors(view: View, *, key: str = "actors") -> None:
    table = view.query("top_actors", limit=catalog.RANKED_ACTORS)
    if table.empty:
        st.info("No actors in the matching articles. Loosen the Actor, Theme or date filters.")
        return
    total = view.query("overview")["actors"]
    st.subheader(f"Actors ({total:,})")
    if len(table) < total:
        offered = min(total, MAX_ACTOR_OPTIONS)
        st.caption(
            f"The {len(table):,} most mentioned of {total:,}. The Actor filter lists the {offered:,} most "
            "mentioned and finds any other by the name typed into it."
        )
    tone = "%+.2f"
    st.dataframe(
        table,
        hide_index=True,
        placeholder="–",  # no tone (no sentence or quote to score): a dash, not "None"
        column_config={
            "mentions": st.column_config.NumberColumn(format="localized"),
            "articles": st.column_config.NumberColumn(format="localized"),
            "quotes": st.column_config.NumberColumn(format="localized"),
            "talked_about": st.column_config.NumberColumn(
                "talked about",
                format=tone,
                help="Sentence tone: mean VADER score of the whole sentences naming the actor, its own "
                "quotes left out, whoever else the sentence is about",
            ),
            "tone_toward": st.column_config.NumberColumn(
                "tone toward it",
                format=tone,
                help="Tone toward the actor: for each mention (he/she resolved to it included), "
                "P(positive) - P(negative) from the words around it by their relation to it "
                "(its noun phrase, the predicate it is subject or object of, attack and praise verbs, "
                "negation over the clause), averaged",
            ),
            "own_tone": st.column_config.NumberColumn(
                "own tone", format=tone, help="Mean tone of the actor's quotations"
            ),
        },
    )
    render_named_chart(view, "co-occurrence", key=f"{key}_network")
    render_named_chart(view, "actor-theme", key=f"{key}_heatmap")

    names = list(table["actor"])
    st.subheader("Compare")
    default = [n for n in view.filters.actors if n in names][:2] or names[:2]
    chosen = st.multiselect(
        "Actors to compare", names, default=default, key=f"{key}_compare", max_selections=6
    )
    if view.query("overview")["dated"]:
        render_named_chart(view, "actor-over-time", key=f"{key}_timeline", actors=tuple(chosen))
    else:
        # An empty chart asking for "actors in dated articles" sent the analyst picking actors in vain.
        st.caption("No matching article has a date, so there is no time chart.")
    if len(chosen) >= 2:
        cols = st.columns(len(chosen[:2]))
        for col, name in zip(cols, chosen[:2]):
            row = table[table["actor"] == name].iloc[0]
            with col.container(border=True):
                st.markdown(f"**{md_escape(name)}** · {md_escape(row['type'])}")
                # Two a row: four in half the page cut their labels ("Tone tow…").
                a, b = st.columns(2)
                c, d = st.columns(2)
                a.metric("Mentions", f"{int(row['mentions']):,}")
                b.metric(
                    "Tone toward it",
                    _signed(row.get("tone_toward")),
                    help="From the words around each mention, by their relation to it",
                )
                c.metric(
                    "Talked about",
                    _signed(row["talked_about"]),
                    help="Sentence tone: the whole sentences naming it",
                )
                d.metric("Own tone", _signed(row["own_tone"]), help="Its quotations")


def _signed(value) -> str:
    return "–" if value is None or value != value else f"{value:+.2f}"
