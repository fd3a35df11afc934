"""Article reader: the matching articles by title, one opened with its quotes highlighted by kind
and its entities marked by actor type, the sentence-by-sentence sentiment arc, and why a chosen
sentence scores as it does. Article text is untrusted: every piece is escaped before HTML."""

from __future__ import annotations

import html
import re

import pandas as pd
import streamlit as st

from analysis.extract import sentiment
from analysis.figures.highlight import segments
from analysis.figures import charts
from analysis.figures.charts import KIND_COLOURS, TYPE_COLOURS
from analysis.records import ToneRow
from components.chart_frame import render_chart
from components.text import article_meta, md_escape
from components.view import View

STYLE = """
<style>
.nr-body {font: 15px/1.65 Georgia, serif; max-width: 60rem; white-space: pre-wrap}
.nr-q {border-radius: 3px; padding: 0 1px}
.nr-q-direct {background: #d6eaf8} .nr-q-partial {background: #fdebd0} .nr-q-scare {background: #f5b7b1}
.nr-e {border-bottom: 2px solid; font-weight: 600}
.nr-chip {display:inline-block; padding:0 6px; border-radius:8px; font-size:12px; color:white}
.nr-list {font: 14px/1.5 sans-serif; margin: 0; padding-left: 1rem}
.nr-legend span {margin-right: 12px; font-size: 13px}
.nr-spk {font: 12px sans-serif; color: #5d6d7e; white-space: nowrap}
</style>"""


def chip(score: float | None) -> str:
    """A coloured sentiment label, as HTML."""
    label = sentiment.label(score)
    colour = {"positive": "#1e8449", "negative": "#c0392b", "neutral": "#7f8c8d"}[label]
    value = "" if score is None else f" {score:+.2f}"
    return f'<span class="nr-chip" style="background:{colour}">{label}{value}</span>'


def article_html(text: str, quotes: pd.DataFrame, entities: pd.DataFrame) -> str:
    """The body with quotes and entities wrapped in marks, and each attributed quote followed by
    its speaker and cue; all text escaped. HTML entities in the stored text ("&#163;") are shown
    as the characters they stand for ("£"): offsets index the stored text, so this is done here,
    piece by piece, and never changes what is stored."""
    q_spans = list(zip(quotes["start"], quotes["end"])) if not quotes.empty else []
    e_spans = list(zip(entities["start"], entities["end"])) if not entities.empty else []
    out = []
    for seg in segments(text, q_spans, e_spans):
        # Runs of blank lines (common in scraped text) would open wide gaps under pre-wrap.
        piece = re.sub(r"\n{3,}", "\n\n", html.escape(html.unescape(text[seg.start : seg.end])))
        if seg.entity is not None:
            e = entities.iloc[seg.entity]
            colour = TYPE_COLOURS.get(e["actor_type"] or e["label"], "#7f8c8d")
            tip = html.escape(f"{e['actor'] or e['text']} ({e['actor_type'] or e['label']})", quote=True)
            piece = f'<span class="nr-e" style="border-color:{colour}" title="{tip}">{piece}</span>'
        if seg.quote is not None:
            q = quotes.iloc[seg.quote]
            tip = html.escape(
                f"{q['kind']} quote · speaker: {q['speaker'] or 'none found'} · "
                f"cue: {q['cue'] or '–'} · sentiment {q['compound']:+.2f}",
                quote=True,
            )
            piece = f'<mark class="nr-q nr-q-{q["kind"]}" title="{tip}">{piece}</mark>'
            if seg.end == q["end"] and isinstance(q["speaker"], str):
                cue = f", {q['cue']}" if isinstance(q["cue"], str) else ""
                piece += f'<span class="nr-spk"> — {html.escape(q["speaker"] + cue)}</span>'
        out.append(piece)
    return f'<div class="nr-body">{"".join(out)}</div>'


def legend_html() -> str:
    kinds = "".join(f'<span><mark class="nr-q nr-q-{k}">{k} quote</mark></span>' for k in KIND_COLOURS)
    types = "".join(
        f'<span class="nr-e" style="border-color:{c}">{t}</span> '
        for t, c in TYPE_COLOURS.items()
        if t != "NOMINAL"
    )
    return f'<div class="nr-legend">{kinds} {types}</div>'


PAGE = 100
ORDERS = {"date": "Date", "sentiment": "Sentiment", "quotes": "Quotes", "title": "Title"}


def _table(view: View, key: str) -> str | None:
    """The matching articles as a sortable, paged table with the true total; a row opens it.
    Returns the first article of the page."""
    total = view.query("overview")["articles"]
    sort, direction, page_box = st.columns([2, 2, 2])
    order = sort.selectbox("Sort by", list(ORDERS), format_func=ORDERS.get, key=f"{key}_order")
    descending = direction.selectbox(
        "Order", [True, False], format_func=lambda d: "descending" if d else "ascending", key=f"{key}_desc"
    )
    pages = max(1, (total + PAGE - 1) // PAGE)
    page = page_box.number_input(f"Page (of {pages:,})", 1, pages, value=1, step=1, key=f"{key}_page")
    first = (int(page) - 1) * PAGE
    rows = view.query("articles", limit=PAGE, offset=first, order=order, descending=descending)
    st.caption(
        f"Articles {first + 1:,}–{first + len(rows):,} of {total:,} · select a row to open it"
        + (" · “copy”: another stored article has the same title and text" if rows["duplicate"].any() else "")
    )
    shown = rows.assign(
        title=[html.unescape(str(t)) for t in rows["title"]],
        date=rows["date"].fillna("–"),
        source=rows["source"].fillna("–"),
        section=rows["section"].fillna("–"),
    )
    event = st.dataframe(
        shown[["title", "date", "source", "section", "compound", "quotes", "duplicate"]],
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key=f"{key}_table",
        column_config={
            "title": st.column_config.TextColumn("title", width="large"),
            "compound": st.column_config.NumberColumn("sentiment", format="%+.2f"),
            "quotes": st.column_config.NumberColumn("quotes", format="%d"),
            "duplicate": st.column_config.CheckboxColumn("copy", width="small"),
        },
    )
    picked = event.selection.rows if event is not None else []
    if picked and picked[0] < len(rows):
        chosen = str(rows["id"].iloc[picked[0]])
        if st.session_state.get("_picked_row") != (first, order, descending, picked[0]):
            st.session_state["_picked_row"] = (first, order, descending, picked[0])
            st.session_state["article"] = chosen
    return str(rows["id"].iloc[0]) if len(rows) else None


def render_reader(view: View, *, key: str = "reader") -> None:
    if view.query("overview")["articles"] == 0 and not st.session_state.get("article"):
        st.info("No articles match. Loosen a filter in the sidebar: Actor, Theme, dates or the text search.")
        return
    st.html(STYLE)
    first_id = _table(view, key)
    # Until a row is picked (or a link names an article), the first article of the page is open.
    article_id = st.session_state.get("article") or first_id
    if not article_id:
        return
    doc = view.article(article_id)
    if doc is None:
        st.warning("The article named in the link is not in this store.")
        del st.session_state["article"]
        return
    titles = {article_id: doc["title"] or doc["text"][:80]}
    with st.container(border=True):
        title = html.unescape(str(doc["title"] or titles.get(article_id) or "Untitled"))
        st.html(
            f"<h3>{html.escape(str(title))}</h3><p>"
            f"{article_meta(doc['date'], doc['source'], doc['section'])} · {chip(doc['compound'])}"
            f" · narrator {chip(doc['narrator'])} · quoted {chip(doc['quoted'])}</p>"
        )
        st.html(legend_html())
        st.html(STYLE + article_html(doc["text"], doc["quotes"], doc["entities"]))
    sentences = doc["sentences"]
    render_chart(charts.sentiment_arc(sentences), sentences[["idx", "start", "end", "compound"]],
                 key=f"{key}_arc", name=f"sentiment-arc-{article_id}", provenance=view.provenance)
    if not sentences.empty:
        _why(doc, view, key)


# How a scored word relates to the mention (analysis/extract/tone.py RELATIONS), in words.
RELATION_LABELS = {
    "modifier": "describes it (its own noun phrase)",
    "predicate_agent": "what it does (it is the subject)",
    "predicate_patient": "what is done to it (it is the object)",
    "predicate_other": "the predicate it belongs to",
    "verb_object": "an attack or praise aimed at it",
    "verb_subject": "an attack or praise it makes",
    "own_words": "what it is reported to have said",
    "clause": "elsewhere in its clause",
    "sentence": "elsewhere in the sentence",
    "flat_near": "next to it (sentence not parsed)",
    "flat": "elsewhere in the sentence (not parsed)",
}


def _why(doc: dict, view: View, key: str) -> None:
    """Why a chosen sentence scores as it does: VADER's words for the sentence, and the words
    behind the tone toward each actor it names (the filtered actor's first)."""
    text, sentences, tones = doc["text"], doc["sentences"], doc["tones"]
    labels = [
        f"{i + 1}. ({c:+.2f}) {text[s:e][:110]}"
        for i, (s, e, c) in enumerate(zip(sentences["start"], sentences["end"], sentences["compound"]))
    ]
    # Open on the sentence that matters most: the filtered actor's strongest, else the strongest.
    wanted = tones[tones["actor"].isin(view.filters.actors)] if view.filters.actors and not tones.empty else tones[:0]
    if not wanted.empty:
        row = wanted.loc[wanted["tone"].abs().idxmax()]
        worst = int(sentences.index[sentences["idx"] == row["sentence"]][0])
    else:
        worst = int(sentences["compound"].abs().idxmax())
    choice = st.selectbox(
        "Why does a sentence score as it does?",
        range(len(labels)),
        index=worst,
        format_func=lambda i: labels[i],
        key=f"{key}_sentence",
    )
    s, e = int(sentences["start"].iloc[choice]), int(sentences["end"].iloc[choice])
    words, toward = st.columns(2)
    with words:
        st.markdown("**The sentence's sentiment** (VADER)")
        effects = sentiment.explain(text[s:e])
        if effects:
            st.dataframe(
                pd.DataFrame(
                    [
                        {"word": w.word, "lexicon valence": w.valence, "effect on score": w.effect}
                        for w in effects
                    ]
                ),
                hide_index=True,
            )
        else:
            st.caption("No word in this sentence is in VADER's lexicon: it scores neutral.")
    with toward:
        st.markdown("**The tone toward whom it names**")
        here = tones[tones["sentence"] == int(sentences["idx"].iloc[choice])] if not tones.empty else tones
        _tone_words(here, view, f"{key}_toward_{choice}")


def _tone_words(here: pd.DataFrame, view: View, key: str) -> None:
    """The words behind the tone toward one mention of the sentence, each with its push."""
    if here.empty:
        st.caption("This sentence names no actor and no person: no tone toward anyone.")
        return
    here = here.reset_index(drop=True)

    def name(i: int) -> str:
        r = here.iloc[i]
        who = r["actor"] if isinstance(r["actor"], str) else "no actor resolved"
        return f"{r['text']} → {who} · {r['label']} {r['tone']:+.2f}"

    filtered = [i for i, a in enumerate(here["actor"]) if a in view.filters.actors]
    i = st.selectbox(
        "Mention", range(len(here)), index=filtered[0] if filtered else 0, format_func=name, key=key
    )
    r = here.iloc[i]
    words = ToneRow.read_words(r["words"])
    base = r["base"] if pd.notna(r["base"]) else None
    st.caption(
        f"Tone {r['tone']:+.2f}, {md_escape(r['label'])}: P(positive) − P(negative) of the model trained on "
        "NewsMTSC. A word's push is what it added to the positive score minus what it added to the "
        "negative one"
        + (
            f"; with the base ({base:+.2f}: the intercept, the mention's role, whether it is a pronoun, "
            "how many names share the sentence) they sum to log(P(positive) / P(negative))."
            if base is not None
            else "."
        )
        + " The actor's tone in the article is the mean over its mentions."
    )
    if words:
        st.dataframe(
            pd.DataFrame(
                {
                    "word": [w for w, _, _ in words],
                    "how it relates to the mention": [RELATION_LABELS.get(rel, rel or "–") for _, rel, _ in words],
                    "push": [p for _, _, p in words],
                }
            ),
            hide_index=True,
            column_config={"push": st.column_config.NumberColumn(format="%+.3f")},
        )
    else:
        st.caption("No word moved it: the tone is the base alone.")
