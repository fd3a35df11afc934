"""The sidebar: corpus (folder, upload, pasted text), options, and the filters.

Filter widgets mirror the URL (`?actor=...&theme=...&topic=...&since=...&until=...&q=...&article=...`), so a
view can be bookmarked and shared, and opening such a URL restores it. The URL carries plain
values (`?actor=Liu%20Zhenli`), not the labels with counts the widgets show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import streamlit as st

from analysis.readers import SUPPORTED_SUFFIXES
from analysis.queries import Filters
from components import state
from components.text import md_code, md_escape

# The most mentioned; an actor named in the URL is always offered, and any other is found by the
# name typed (Enter). Each option costs the browser on every full rerun: 1,500 options took about
# 0.06 s of Chromium's CPU more than 300 per filter change and per name typed (6 alternated
# rounds on BBC, measured beside each other).
MAX_ACTOR_OPTIONS = 300
# The filters' option counts are the whole store's, and say so (the page may show fewer).
WHOLE_STORE = "in the whole store, whatever the other filters"


def _date(value) -> dt.date | None:
    if value is None or str(value) in ("NaT", "None", ""):
        return None
    return dt.date.fromisoformat(str(value)[:10])


def render_corpus(store_path: str, *, metonyms: bool, theme_file: str | None, key: str = "corpus") -> None:
    """Add articles: upload files or paste text; errors are listed by file."""
    with st.sidebar.expander("Corpus", expanded=False):
        st.caption(f"Files added here are analysed into the store {md_code(store_path)}.")
        uploads = st.file_uploader(
            "Add files",
            type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES],
            accept_multiple_files=True,
            key=f"{key}_upload",
        )
        pasted = st.text_area(
            "…or paste an article",
            key=f"{key}_paste",
            height=100,
            placeholder="First line: the title, then a blank line, then the text.",
        )
        url = st.text_input(
            "…or a page or feed URL",
            key=f"{key}_url",
            placeholder="https://…",
            help="A news page, or an RSS/Atom/JSON feed (each entry is fetched). Fetched politely: "
            "robots.txt is honoured, at most 50 pages.",
        ).strip()
        if st.button("Analyse and add", key=f"{key}_add", disabled=not (uploads or pasted.strip() or url)):
            files = [(f.name, f.getvalue()) for f in uploads or []]
            if pasted.strip():
                files.append(("pasted.txt", pasted.encode("utf-8")))
            summary = None
            if files:
                with st.spinner(f"Analysing {len(files)} file(s) …"):
                    summary = state.ingest_uploads(files, store_path, metonyms, theme_file)
            if url:
                with st.spinner(f"Fetching {url} …"):
                    fetched = state.ingest_urls([url], store_path, metonyms, theme_file)
                summary = fetched if summary is None else _added(summary, fetched)
            st.session_state[f"{key}_result"] = summary
        summary = st.session_state.get(f"{key}_result")
        if summary is not None:
            st.success(f"{summary.analysed} analysed, {summary.skipped} already stored")
            for error in summary.errors:
                st.error(md_escape(f"{error.path}: {error.reason}"))
            for warning in summary.warnings:
                st.warning(md_escape(f"{warning.path}: {warning.reason}"))
            for failure in summary.failed:
                st.error(md_escape(str(failure).removeprefix("error: ")))


def _added(a, b):
    """Two ingest summaries as one."""
    a.read += b.read
    a.analysed += b.analysed
    a.skipped += b.skipped
    a.errors += b.errors
    a.warnings += b.warnings
    return a


def render_options(key: str = "opt") -> tuple[bool, str | None]:
    """Analysis options: the metonym switch and a theme file."""
    with st.sidebar.expander("Analysis options", expanded=False):
        metonyms = st.toggle(
            "Capitals stand for governments (Beijing → China)",
            value=True,
            key=f"{key}_metonyms",
            help="Off keeps Beijing, Washington, Kremlin … as places. Applies to the corpus named at "
            "start and to files added here, which are analysed again with it; articles already in a "
            "store from the command line keep the setting they were ingested with.",
        )
        theme_upload = st.file_uploader(
            "Theme file (YAML)",
            type=["yaml", "yml"],
            key=f"{key}_themes",
            help="Theme name → list of words and phrases. Re-tagging uses stored lemmas: no re-analysis.",
        )
        theme_file = None
        if theme_upload is not None:
            import tempfile

            path = tempfile.NamedTemporaryFile(prefix="themes_", suffix=".yaml", delete=False)
            path.write(theme_upload.getvalue())
            path.close()
            theme_file = path.name
    return metonyms, theme_file


LIST_KEYS = ("actor", "theme", "topic", "source", "section", "kind")
DATE_KEYS = ("since", "until")
TEXT_KEYS = ("q", "article", "tab")


def load_view_from_url(store_path: str, version: str, opts: dict) -> None:
    """Once per session: the URL's view becomes the widgets' starting state. A value the store
    does not hold is named in a warning (kept in `url_notes`) and left out; the rest applies.
    Actor names resolve as the text names them ("Mr Blair" -> Tony Blair)."""
    if st.session_state.get("_url_loaded"):
        return
    params = st.query_params
    notes: list[str] = []
    known = {
        "theme": list(opts["themes"]["name"]),
        "topic": list(opts["topics"]["topic"]),
        "source": list(opts["sources"]["source"]),
        "section": list(opts["sections"]["section"]),
        "kind": ["direct", "partial", "scare"],
    }
    for key in LIST_KEYS:
        if key not in params:
            continue
        values = []
        for raw in dict.fromkeys(params.get_all(key)):
            if key == "actor":
                found = state.resolve_actor(store_path, version, raw)
                if found and found != raw:
                    notes.append(f"info:Actor “{raw}” in the link is read as {found}.")
            else:
                lower = {v.lower(): v for v in known[key] if isinstance(v, str)}
                found = lower.get(raw.lower())
            if found:
                values.append(found)
            else:
                notes.append(f"warning:{key.capitalize()} “{raw}” in the link is not in this store; it is left out.")
        if values:  # left unset otherwise: a filter the page does not offer keeps no state
            st.session_state[key] = list(dict.fromkeys(values))
    for key in DATE_KEYS:
        if params.get(key):
            try:
                st.session_state[key] = dt.date.fromisoformat(params[key][:10])
            except ValueError:
                notes.append(f"warning:“{params[key]}” in the link is not a date (YYYY-MM-DD); no {key} date applies.")
    for key in TEXT_KEYS:
        if params.get(key):
            st.session_state[key] = params[key]
    if params.get("article") and not params.get("tab"):
        st.session_state["tab"] = "Articles"  # a link to an article opens it
    st.session_state["url_notes"] = notes
    st.session_state["_url_loaded"] = True


def render_url_notes() -> None:
    """What the link asked for that the page could not apply (or applied differently)."""
    notes = st.session_state.get("url_notes") or []
    for note in notes:
        level, _, text = note.partition(":")
        (st.info if level == "info" else st.warning)(md_escape(text))
    if notes and st.button("Dismiss", key="url_notes_dismiss"):
        st.session_state["url_notes"] = []
        st.rerun()


def save_view_to_url() -> None:
    """The widgets' state written back to the URL, so the current view can be shared."""
    wanted: dict[str, list[str] | str] = {}
    for key in LIST_KEYS:
        if st.session_state.get(key):
            wanted[key] = [str(v) for v in st.session_state[key]]
    for key in DATE_KEYS:
        if st.session_state.get(key):
            wanted[key] = st.session_state[key].isoformat()
    for key in TEXT_KEYS:
        if st.session_state.get(key):
            wanted[key] = str(st.session_state[key])
    current = {
        k: (st.query_params.get_all(k) if k in LIST_KEYS else st.query_params.get(k)) for k in st.query_params
    }
    if current != wanted:
        st.query_params.from_dict(wanted)


def _read_typed_actors(store_path: str, version: str, counts: Mapping[str, int]) -> None:
    """Names typed into the Actor box become the actors they name ("Mr Blair" -> Tony Blair); a
    name that is no actor of the store is left out and named in a warning."""
    chosen, unknown = [], []
    for value in st.session_state.get("actor") or []:
        found = value if value in counts else state.resolve_actor(store_path, version, value)
        if found:
            chosen.append(found)
        else:
            unknown.append(value)
    st.session_state["actor"] = list(dict.fromkeys(chosen))
    st.session_state["actor_unknown"] = unknown


def render_filters(store_path: str, version: str) -> Filters:
    """The filter widgets; returns the Filters they describe."""
    opts = state.options_of(store_path, version)
    load_view_from_url(store_path, version, opts)
    sidebar = st.sidebar
    sidebar.header("Filters")
    index = state.actor_index(store_path, version)
    counts, forms = index.counts, index.forms
    actor_options = list(index.ranked[:MAX_ACTOR_OPTIONS])
    for wanted in st.query_params.get_all("actor") + list(st.session_state.get("actor", [])):
        if wanted in counts and wanted not in actor_options:
            actor_options.append(wanted)
    actors = sidebar.multiselect(
        "Actor",
        actor_options,
        key="actor",
        # The label carries how the text names the actor, so typing "Mr Blair" or "Tories" finds it;
        # a part of the label, not a fuzzy subsequence, which matched names the analyst never typed.
        format_func=lambda a: a if a not in counts else f"{a} ({int(counts[a]):,})"
        + (f" · {', '.join(forms[a])}" if forms.get(a) else ""),
        filter_mode="contains",
        # Enter takes the best match, not "Select all N matches" (the default's first row).
        select_all=False,
        # Any actor of the store, not only the listed most mentioned: a name typed and entered is
        # read as the text names it (_read_typed_actors).
        accept_new_options=True,
        on_change=_read_typed_actors,
        args=(store_path, version, counts),
        placeholder="Any actor",
        help=f"Search by name or by how articles name the actor (Mr Blair, Tories). The list holds the "
        f"{MAX_ACTOR_OPTIONS:,} most mentioned; type any other name and press Enter. "
        f"Several actors: articles naming any of them. The figure beside a name is its mentions {WHOLE_STORE}.",
    )
    for name in st.session_state.get("actor_unknown") or []:
        sidebar.warning(md_escape(f"No actor “{name}” in this store; it is left out."))
    theme_counts = dict(zip(opts["themes"]["name"], opts["themes"]["articles"]))
    themes = sidebar.multiselect(
        "Theme",
        list(theme_counts),
        key="theme",
        format_func=lambda t: f"{t} ({int(theme_counts.get(t, 0)):,})",
        placeholder="Any theme",
        help=f"Themes of the lexicon found in this store. The figure beside a theme is its articles {WHOLE_STORE}. "
        "Several themes: articles of any of them.",
    )
    topic_counts = dict(zip(opts["topics"]["topic"], opts["topics"]["articles"]))
    # A store whose topics are not stored (from before they were) has none to filter by.
    topics = (
        sidebar.multiselect(
            "Topic",
            list(topic_counts),
            key="topic",
            format_func=lambda t: f"{t} ({int(topic_counts.get(t, 0)):,})",
            placeholder="Any topic",
            help="Topics found in this corpus (NMF over its words), named by their top terms. "
            "An article belongs to its strongest topic. Several topics: articles of any of them. "
            f"The figure beside a topic is its articles {WHOLE_STORE}.",
        )
        if topic_counts
        else []
    )
    first, last = _date(opts["dates"]["first"].iloc[0]), _date(opts["dates"]["last"].iloc[0])
    # One a line: side by side, the boxes are too narrow for a whole date.
    since = sidebar.date_input(
        "Since", value=None, min_value=first, max_value=last, key="since", format="YYYY-MM-DD"
    )
    until = sidebar.date_input(
        "Until", value=None, min_value=first, max_value=last, key="until", format="YYYY-MM-DD"
    )
    if first is None:
        sidebar.caption("No article has a date, so the date filter has nothing to act on.")
    sources = sidebar.multiselect(
        "Source", list(opts["sources"]["source"]), key="source", placeholder="Any source"
    )
    sections = (
        sidebar.multiselect(
            "Section", list(opts["sections"]["section"]), key="section", placeholder="Any section"
        )
        if not opts["sections"].empty
        else []
    )
    sentiment = sidebar.slider("Article sentiment", -1.0, 1.0, (-1.0, 1.0), step=0.05, key="sentiment")
    kinds = sidebar.multiselect(
        "Quote kind", ["direct", "partial", "scare"], key="kind", placeholder="Any kind"
    )
    q = sidebar.text_input("Search the text", key="q", placeholder="words or a phrase")
    return Filters(
        actors=tuple(actors),
        themes=tuple(themes),
        topics=tuple(topics),
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        q=q.strip() or None,
        sources=tuple(sources),
        sections=tuple(sections),
        sentiment=(float(sentiment[0]), float(sentiment[1])),
        kinds=tuple(kinds),
    )
