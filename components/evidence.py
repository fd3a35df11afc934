"""The evidence behind a selected chart mark: exactly the sentences that make its number, with
the words that put them there highlighted, a true count, pages, a link to each article, and the
filter the page can be narrowed to (stated, and undoable)."""

from __future__ import annotations

import dataclasses
import html
import re
import urllib.parse

import streamlit as st

from analysis.figures.catalog import Drill
from components.text import article_meta, md_escape
from components.view import View

PAGE = 50


def _highlight(sentence: str, pattern: str | None, names: tuple[str, ...], marks=None) -> str:
    """The sentence as HTML, escaped, with the matched terms, the names and the given `marks`
    ([start, end] pairs: the actors' mentions as the analysis found them) marked."""
    spans = [(int(start), int(end)) for start, end in marks] if marks is not None else []
    if pattern:
        # The whole word, inflection and all ("games", "playing"), not the term's stem alone; the
        # next search starts at the word's end, so the boundary after one term can start the next.
        lower, found, at = sentence.lower(), re.compile(pattern), 0
        while (m := found.search(lower, at)) is not None:
            end = max(m.end(2), m.end(3))
            spans.append((m.start(2), end))
            at = end
    for name in names:
        spans += [(m.start(), m.end()) for m in re.finditer(re.escape(name.lower()), sentence.lower())]
    out, cursor = [], 0
    for start, end in sorted(spans):
        if start < cursor:
            continue
        out += [html.escape(sentence[cursor:start]), f"<mark>{html.escape(sentence[start:end])}</mark>"]
        cursor = end
    out.append(html.escape(sentence[cursor:]))
    return "".join(out)


def _article_link(article_id: str) -> str:
    params = {k: st.query_params.get_all(k) for k in st.query_params if k not in ("article", "tab")}
    params.update(article=[article_id], tab=["Articles"])
    return "?" + urllib.parse.urlencode(params, doseq=True)


def apply_filter(drill: Drill) -> None:
    """Narrow the page to the mark: the filter is replaced, and the previous one kept for undo."""
    key, value = drill.filter
    st.session_state["filter_undo"] = (key, list(st.session_state.get(key) or []))
    st.session_state[key] = [value]


def undo_filter() -> None:
    key, previous = st.session_state.pop("filter_undo")
    st.session_state[key] = previous


def _pager(count: int) -> int:
    """The first row of the page the analyst is on (a number box when there is more than one)."""
    pages = (count + PAGE - 1) // PAGE
    page = min(int(st.session_state.get("evidence_page") or 1), pages)
    if pages > 1:
        box, _ = st.columns([1, 4])
        page = box.number_input(f"Page (of {pages:,})", 1, pages, value=page, step=1, key="evidence_page")
    return (int(page) - 1) * PAGE


def _render_period(view: View) -> None:
    """A time bucket's evidence: its articles."""
    count = view.query("overview")["articles"]
    if count == 0:
        st.info("No matching article is dated in this period.")
        return
    first = _pager(count)
    rows = view.query("articles", limit=PAGE, offset=first)
    st.caption(f"Articles {first + 1:,}–{first + len(rows):,} of {count:,}")
    items = "".join(
        f'<li><a href="{html.escape(_article_link(r.id))}" target="_self">{html.escape(str(r.title))}</a>'
        f' <span class="nr-ev-meta">· {html.escape(str(r.date))} · {html.escape(str(r.source or "–"))}'
        f" · ({r.compound:+.2f})</span></li>"
        for r in rows.itertuples()
    )
    st.html(f'<style>.nr-ev-meta{{color:#666;font-size:0.85em}}</style><ol start="{first + 1}">{items}</ol>')


def _note_articles_without_terms(view: View, request, articles: int) -> None:
    """A theme's or topic's bar counts its articles; its evidence is their sentences holding its
    words. Articles of the bar holding none of them (a topic is fitted on lemmas: "won" counts
    for "win") have no sentence listed, and the analyst is told how many, so the bar and the
    evidence still add up."""
    if not (request.terms and (request.theme or request.topic)):
        return
    behind = view.query("evidence_totals", request=dataclasses.replace(request, terms=()))["articles"]
    if articles < behind:
        st.caption(
            f"{behind - articles:,} of the {behind:,} articles behind this bar hold none of these "
            "words, so no sentence of theirs is listed."
        )


def render_evidence(view: View, *, key: str = "evidence") -> None:
    drill: Drill | None = st.session_state.get("drill")
    undo = st.session_state.get("filter_undo")
    if undo:
        label = {"actor": "Actor", "theme": "Theme", "topic": "Topic"}.get(undo[0], undo[0])
        was = ", ".join(undo[1]) or "any"
        col_text, col_button = st.columns([5, 1])
        col_text.caption(f"{label} filter replaced by a chart selection (it was: {md_escape(was)}).")
        col_button.button("Undo filter", key=f"{key}_undo", on_click=undo_filter)
    if drill is None:
        return
    request = drill.evidence
    with st.container(border=True):
        head, close = st.columns([6, 1])
        close.button("Close", key=f"{key}_close", on_click=lambda: st.session_state.pop("drill", None))
        head.markdown(f"**Evidence · {md_escape(drill.label)}** — {md_escape(request.describe())}")
        if request.articles_only:
            _render_period(view.narrowed(since=request.since, until=request.until))
            return
        totals = view.query("evidence_totals", request=request)
        count, articles = totals["sentences"], totals["articles"]
        # Offered only where the page has that filter (a store from before topics were stored has
        # no Topic filter).
        if drill.filter and drill.filter[0] in st.session_state:
            widget, value = drill.filter
            current = st.session_state.get(widget) or []
            if current != [value]:
                st.button(
                    md_escape(
                        f"Filter the page to {widget}: {value}"
                        + (f" (replaces {', '.join(current)})" if current else "")
                    ),
                    key=f"{key}_filter",
                    on_click=apply_filter,
                    args=(drill,),
                )
        _note_articles_without_terms(view, request, articles)
        if count == 0:
            st.info("No sentence in the matching articles is behind this mark.")
            return
        first = _pager(count)
        rows = view.query("evidence", request=request, limit=PAGE, offset=first)
        st.caption(
            f"Sentences {first + 1:,}–{first + len(rows):,} of {count:,}, "
            f"from {articles:,} article{'s' if articles != 1 else ''}"
        )
        pattern = request.pattern()
        # An actor's mentions are marked where the analysis found them ("UK", "British" for the
        # United Kingdom); a speaker is found by name.
        names = (request.speaker,) if request.speaker else ()
        items = "".join(
            f"<li>{_highlight(r.sentence, pattern, names, r.marks)} "
            f'<span class="nr-ev-meta">({r.sentiment:+.2f}) · '
            f'<a href="{html.escape(_article_link(r.article_id))}" target="_self">{html.escape(str(r.article))}</a>'
            f" · {article_meta(r.date, r.source)}</span></li>"
            for r in rows.itertuples()
        )
        st.html(
            "<style>.nr-ev mark{background:#fdebd0;padding:0 1px}.nr-ev-meta{color:#666;font-size:0.85em}"
            f".nr-ev li{{margin-bottom:0.4em}}</style><ol class=\"nr-ev\" start=\"{first + 1}\">{items}</ol>"
        )
