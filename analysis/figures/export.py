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
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from analysis.errors import NoBrowser

PRINT_SCALE = 3  # PNG at 3x the on-screen size: print-ready at the usual figure widths
BROWSER_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
_warm_lock = threading.Lock()
_warm = False


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
        return (
            f"{self.articles:,} articles · filters: {self.filters} · model {self.model} · "
            f"analysis {self.analysis_version} · exported {when}"
        )


def provenance_for(stats: dict, articles: int, filters: str) -> Provenance:
    """Provenance of a view, from the store's stats (its analysis versions)."""
    versions = stats["analysis_versions"]
    return Provenance(
        filters=filters,
        articles=int(articles),
        model=", ".join(v.split("|")[1] for v in versions) or "–",
        analysis_version=", ".join(v.split("|")[0] for v in versions) or "–",
    )


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
    """A copy of the figure with its provenance as the title's subtitle."""
    out = go.Figure(fig)
    top = (out.layout.margin.t or 48) + 28
    out.update_layout(
        margin={"t": top},
        title={"subtitle": {"text": html.escape(provenance.line()), "font": {"size": 10, "color": "#777"}}},
    )
    return out


def _ensure_warm_browser() -> None:
    """Start one browser for all exports of this process instead of one per image."""
    global _warm
    with _warm_lock:
        if _warm:
            return
        browser = find_browser()
        if browser is None:
            raise NoBrowser(
                "PNG/SVG export needs Chromium (apt-get install chromium, or set "
                "BROWSER_PATH); HTML and CSV exports still work"
            )
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
    with warnings.catch_warnings():
        # plotly passes browser options that the warm server already has; kaleido says so each time.
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        return with_provenance(fig, provenance).to_image(
            format=fmt, width=width, height=height + 36, scale=scale if fmt == "png" else 1
        )


def figure_images(figures: list[go.Figure], fmt: str, provenance: Provenance, *, scale: float = PRINT_SCALE) -> list[bytes]:
    """Images of several figures drawn by one warm browser at once (kaleido's batch export), in
    order; the same bytes `figure_image` gives one by one, at a fraction of the time.

    Raises:
        NoBrowser: no Chromium-family browser is available.
    """
    import tempfile

    import plotly.io as pio

    if not figures:
        return []
    _ensure_warm_browser()
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        paths = [f"{tmp}/{i}.{fmt}" for i in range(len(figures))]
        pio.write_images(
            fig=[with_provenance(f, provenance) for f in figures],
            file=paths,
            format=fmt,
            width=[f.layout.width or 900 for f in figures],
            height=[(f.layout.height or 450) + 36 for f in figures],
            scale=scale if fmt == "png" else 1,
        )
        return [open(path, "rb").read() for path in paths]


# In a report zip, every HTML chart loads this one copy of plotly.js (beside it, offline).
SHARED_PLOTLYJS = "plotly.min.js"


def figure_html(fig: go.Figure, provenance: Provenance, *, title: str, plotlyjs: str | bool = True) -> bytes:
    """An interactive HTML page, offline: plotly.js inlined (`True`, a standalone page), or
    loaded from a file beside it (its name, as in a report zip)."""
    body = with_provenance(fig, provenance).to_html(full_html=False, include_plotlyjs=plotlyjs)
    page = (
        f"<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
        f"<meta name='provenance' content='{html.escape(provenance.line(), quote=True)}'></head>"
        f"<body>{body}<p style='font:12px sans-serif;color:#666'>{html.escape(provenance.line())}</p>"
        f"</body></html>\n"
    )
    return page.encode("utf-8")


def data_csv(df: pd.DataFrame) -> bytes:
    """The chart's data as plain CSV (provenance travels with the figure files)."""
    return df.to_csv(index=False).encode("utf-8")


def methods_note(provenance: Provenance, chart_notes: dict[str, str]) -> str:
    """What each figure means, the thresholds and the versions, as Markdown."""
    lines = [
        "# Methods",
        "",
        f"Provenance: {provenance.line()}",
        "",
        "- Sentences: spaCy's sentence recogniser; in sentences with quotations or reporting verbs, "
        "which get a dependency parse for the speaker search, the parser's boundaries. A blank line "
        "always ends a sentence.",
        "- Sentiment: VADER compound per sentence, in [-1, 1]. An article's score is the mean of its "
        "sentence compounds (VADER saturates on long texts). Labels: >= +0.05 positive, <= -0.05 "
        "negative, neutral between (VADER's documented thresholds). Narrator voice: sentences with "
        "quoted words cut out; quoted voice: the quotations.",
        "- Actors: spaCy entities resolved to canonical names (titles, possessives and determiners "
        "stripped; short names linked to the full name in the same article; aliases, metonyms and "
        "demonyms from the alias table). Talked about (sentence tone): mean compound of the sentences "
        "naming the actor, its own quotations cut out. Tone toward it: for each mention of the actor "
        "(and each he/she/him/her/his resolved to it), the words of its sentence weighed by their "
        "relation to the mention in spaCy's parse (its noun phrase, the predicate it is subject or "
        "object of, attack and praise verbs, the rest of the clause and sentence; words in names and "
        "titles unscored; negation over the whole clause) with VADER's lexicon and a news extension, "
        "scored by a logistic regression trained on NewsMTSC's training split; P(positive) - "
        "P(negative) of each mention, averaged. Own tone: mean compound of its quotations.",
        "- Quotes: direct (a clause or more), partial (a fragment attributed to a speaker), scare (a "
        "fragment nobody is said to have said).",
        "- Themes: lexicon terms matched on lemmas and lower-case words; an article gets a theme with "
        "two hits or one multi-word term; score = hits per 1,000 words.",
        "- Key phrases: noun groups from part-of-speech tags (determiners, numbers and names alone "
        "dropped), ranked by frequency with longer phrases first; the corpus view ranks them by uses, "
        "IDF against the store and concentration in the matching articles, a common noun alone and "
        "generic words low.",
        "",
        "## Figures",
        "",
    ]
    lines += [f"- **{name}**: {note}" for name, note in chart_notes.items()]
    return "\n".join(lines) + "\n"


def report_bundle(
    figures: dict[str, tuple[go.Figure, pd.DataFrame]],
    provenance: Provenance,
    *,
    articles_csv: bytes,
    records_jsonl: Iterable[str],
    chart_notes: dict[str, str],
    images: bool = True,
    progress: Callable[[float, str], None] | None = None,
) -> bytes:
    """One zip: every chart as PNG (when a browser exists), HTML and CSV, the articles as CSV and
    JSONL (`records_jsonl`: its lines, written as they come), and the methods note. `progress` is
    told the share done and what is being done."""
    say = progress or (lambda done, what: None)
    import io
    import zipfile

    from plotly.offline import get_plotlyjs

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        say(0.0, f"Writing {len(figures)} charts as HTML and their data as CSV")
        zf.writestr(f"charts/{SHARED_PLOTLYJS}", get_plotlyjs())
        for name, (fig, data) in figures.items():
            zf.writestr(f"charts/{name}.html", figure_html(fig, provenance, title=name, plotlyjs=SHARED_PLOTLYJS))
            zf.writestr(f"data/{name}.csv", data_csv(data))
        if images and find_browser():
            say(0.2, f"Drawing {len(figures)} charts as PNG in the browser")
            pngs = figure_images([fig for fig, _ in figures.values()], "png", provenance)
            for name, png in zip(figures, pngs):
                zf.writestr(f"charts/{name}.png", png)
        say(0.8, "Writing the articles' records (CSV, JSONL) and the methods note")
        zf.writestr("articles.csv", articles_csv)
        with zf.open("articles.jsonl", "w") as out:
            for line in records_jsonl:
                out.write(line.encode("utf-8"))
        zf.writestr("METHODS.md", methods_note(provenance, chart_notes))
    return buffer.getvalue()
