"""Chart builders: a DataFrame in, a plotly `go.Figure` out; no Streamlit, no I/O.

Each builder names its columns by string, like plotly.express, so charts can be tested and
exported from the command line exactly as the dashboard shows them. `CHARTS` maps the chart
names used by export to (query, builder).
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.colors import sample_colorscale

SENTIMENT_SCALE = [[0.0, "#c0392b"], [0.5, "#f4f4f4"], [1.0, "#1e8449"]]
TYPE_COLOURS = {
    "PERSON": "#2e86c1",
    "ORG": "#8e44ad",
    "GPE": "#d68910",
    "NORP": "#16a085",
    "LOC": "#a04000",
    "FAC": "#7f8c8d",
    "NOMINAL": "#95a5a6",
}
KIND_COLOURS = {"direct": "#2874a6", "partial": "#b9770e", "scare": "#943126"}


# Passing template="plotly_white" to each figure validates the whole template every time (most of
# a dashboard rerun, bench/README.md); as the default it is applied once per figure cheaply.
pio.templates.default = "plotly_white"


# Margins, in pixels, wide enough for what each chart puts around its plot (tick labels, axis
# titles, a colour key, a legend below). Plotly's automargin grows a margin that is too small, but
# by drawing the whole chart again: with the template's 10 px every chart was drawn twice per
# update (Chromium's CPU per filter change -13% with margins that fit, 4 alternated rounds).
# Automargin stays on, so a label longer than estimated still shows whole.
_MARGIN = {"l": 10, "r": 10, "t": 48, "b": 10}
X_TITLE = 64  # tick labels and an axis title below the plot
Y_NUMBERS = 80  # numeric tick labels and a (turned) axis title beside the plot
LEGEND_BELOW = 80  # tick labels, a title and a legend row below
# Tick labels longer than this are cut ("…"): one long phrase squeezed its chart's plot to 64 px.
LABEL_CHARS = 48


def _layout(fig: go.Figure, title: str, *, height: int = 380, **margin: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0.01, "font": {"size": 15}},
        height=height,
        margin={**_MARGIN, **{side: int(px) for side, px in margin.items()}},
        font={"family": "Inter, Helvetica, Arial, sans-serif", "size": 12},
    )
    return fig


def _text_width(text: str) -> float:
    """About how wide `text` is at 12 px in the page's sans-serif font: a little wider than it is,
    since a margin too narrow costs a second drawing and one too wide a few pixels."""
    return sum(
        3.8 if c in " .,:;'|!il-()" else 7.8 if c.isupper() or c.isdigit() or c in "mwMW" else 6.6
        for c in text
    )


def _short(label: object) -> str:
    text = str(label)
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "…"


def _short_ticks(labels) -> dict:
    """Axis settings that show each category label cut (`_short`) while the data keep it whole."""
    labels = list(labels)
    return {"tickmode": "array", "tickvals": labels, "ticktext": [_short(label) for label in labels]}


def _label_margin(labels) -> int:
    """A left margin that holds these category labels (as `_short` cuts them) and the tick pad."""
    return int(max((_text_width(_short(label)) for label in labels), default=0)) + 22


def _colour_key_margin(title: str | None) -> int:
    """A right margin that holds a colour key: its bar, its tick labels and its title above it."""
    return 50 + int(_text_width(title or ""))


def count_axis(largest: float) -> dict:
    """Axis settings for a count: whole-number ticks only (no "0.2 articles"), from zero."""
    rough = max(1.0, float(largest or 0) / 6)
    magnitude = 10 ** math.floor(math.log10(rough))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= rough)  # 1, 2, 5, 10, 20, 50 ...
    return {"tick0": 0, "dtick": int(step), "rangemode": "tozero", "tickformat": ",d"}


def _ranked_bars(
    df: pd.DataFrame,
    x: str,
    y: str,
    *,
    title: str,
    axis: str,
    customdata: list[str],
    hover: str,
    colour: str = "#5d6d7e",
    tone: str | None = None,
    colorbar: str | None = None,
) -> go.Figure:
    """Horizontal bars, largest at the top, one row per label: the shape of every ranking here.

    One colour, or with `tone` (a column) each bar on the red-white-green sentiment scale; `hover`
    then shows the tone as `%{customdata[N]}`, N = len(customdata) (a dash where there is none);
    `colorbar` names the scale's key, drawn beside the bars.
    """
    df = df.iloc[::-1]
    custom = df[customdata]
    marker: dict = {"color": colour}
    if tone is not None:
        score = df[tone].astype(float)
        custom = pd.concat(
            [custom, score.map(lambda v: "–" if pd.isna(v) else f"{v:+.2f}").rename("_tone")], axis=1
        )
        # The colours are computed here, not by plotly.js from the scores: for a bar trace it logs
        # a warning with a stack trace for every bar given a number as its colour, on every draw.
        position = (score.fillna(0).clip(-0.5, 0.5) + 0.5).tolist()
        marker = {
            "color": sample_colorscale(SENTIMENT_SCALE, position),
            "line": {"color": "#888", "width": 0.5},
        }
    fig = go.Figure(
        go.Bar(
            x=df[x],
            y=df[y],
            orientation="h",
            marker=marker,
            customdata=custom,
            hovertemplate=hover + "<extra></extra>",
            showlegend=False,
        )
    )
    if colorbar:
        # The scale's key, on an invisible point (a scatter trace takes numbers as colours quietly).
        fig.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            showlegend=False,
            hoverinfo="skip",
            marker={
                "color": [0],
                "colorscale": SENTIMENT_SCALE,
                "cmin": -0.5,
                "cmax": 0.5,
                "showscale": True,
                "colorbar": {"title": colorbar, "thickness": 10},
            },
        )
    labels = list(df[y])
    fig.update_layout(
        xaxis={"title": axis, **count_axis(df[x].max())},
        # The labels stay whole on the bars (and in their hover), cut only where they are shown.
        yaxis=_short_ticks(labels),
    )
    return _layout(
        fig,
        title,
        height=max(300, 24 * len(df) + 80),
        l=_label_margin(labels),
        # Ticks of large counts turn on a narrow plot and take more room below.
        b=X_TITLE + 20,
        r=_colour_key_margin(colorbar) if colorbar else _MARGIN["r"],
    )


def empty_figure(title: str, message: str) -> go.Figure:
    """A figure that says why it is empty instead of showing blank axes."""
    fig = go.Figure()
    fig.add_annotation(
        text=message,
        showarrow=False,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        font={"size": 13, "color": "#666"},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, height=260)


def sentiment_timeline(df: pd.DataFrame, *, title: str = "Attention and sentiment over time") -> go.Figure:
    """Bars: articles per period; line: mean article sentiment (right axis)."""
    if df.empty:
        return empty_figure(title, "No dated articles match: dates come from the article files.")
    periods = pd.to_datetime(df["period"])
    # Bars on a date axis need an explicit width: one period, or a day when there is only one.
    step = periods.diff().min() if len(periods) > 1 else pd.Timedelta(days=1)
    # Each mark carries its period's first and last day, so a click can show that period's articles.
    if "period_end" in df:
        bounds = [[str(a)[:10], str(b)[:10]] for a, b in zip(df["period"], df["period_end"])]
    else:
        bounds = [[str(a)[:10], str(a)[:10]] for a in df["period"]]
    fig = go.Figure()
    fig.add_bar(
        x=df["period"],
        y=df["articles"],
        name="articles",
        marker_color="#aab7c4",
        width=step.total_seconds() * 1000 * 0.8,
        customdata=bounds,
        hovertemplate="%{x}<br>%{y} articles<extra></extra>",
    )
    fig.add_scatter(
        x=df["period"],
        y=df["sentiment"],
        name="mean sentiment",
        yaxis="y2",
        mode="lines+markers",
        line={"color": "#1f618d", "width": 2},
        customdata=bounds,
        hovertemplate="%{x}<br>sentiment %{y:+.2f}<extra></extra>",
    )
    fig.update_layout(
        yaxis={"title": "articles", **count_axis(df["articles"].max())},
        yaxis2={
            "title": "sentiment",
            "overlaying": "y",
            "side": "right",
            "range": [-1, 1],
            "tickmode": "linear",
            "dtick": 0.5,
            "showgrid": False,
            "zeroline": True,
        },
        legend={"orientation": "h", "y": -0.15},
        bargap=0.2,
    )
    fig.update_xaxes(type="date", tickformat="%Y-%m-%d")
    if len(df) == 1:
        # One period alone would be stretched over sub-second ticks: show a week around it.
        day = pd.Timestamp(df["period"].iloc[0])
        fig.update_xaxes(range=[day - pd.Timedelta(days=4), day + pd.Timedelta(days=4)], dtick=86400000)
    return _layout(fig, title, l=Y_NUMBERS + 10, r=Y_NUMBERS, b=LEGEND_BELOW)


def _capped(title: str, shown: int, total: int, head: str = "") -> str:
    """A ranking's title, saying of how many it shows the head when it is capped ("Top actors:
    15 of 11,870"); short, as the Overview draws it in half the page's width."""
    return f"{title}: {head}{shown:,} of {total:,}" if total > shown else title


def top_actors_bar(df: pd.DataFrame, *, title: str = "Top actors") -> go.Figure:
    """Horizontal bars of mentions, coloured by how the actor is talked about; a ranking capped
    before its `attrs["total"]` actors says so in its title."""
    if df.empty:
        return empty_figure(title, "No actors in the matching articles.")
    return _ranked_bars(
        df,
        "mentions",
        "actor",
        title=_capped(title, len(df), df.attrs.get("total", 0)),
        axis="mentions",
        customdata=["actor", "type", "articles"],
        tone="talked_about",
        colorbar="tone",
        hover="%{y} (%{customdata[1]})<br>%{x} mentions in %{customdata[2]} articles"
        "<br>talked about: %{customdata[3]}",
    )


def theme_bar(
    df: pd.DataFrame, *, title: str = "Themes", empty: str = "No themes in the matching articles."
) -> go.Figure:
    """Articles per theme, coloured by mean article sentiment; `empty` says why there are none."""
    if df.empty:
        return empty_figure(title, empty)
    return _ranked_bars(
        df,
        "articles",
        "theme",
        title=title,
        axis="articles",
        customdata=["theme"],
        tone="sentiment",
        hover="%{y}<br>%{x} articles<br>mean sentiment %{customdata[1]}",
        colorbar="sentiment",  # the scale's key, as on the top actors' bars
    )


def cooccurrence_network(
    edges: pd.DataFrame, actors: pd.DataFrame, *, title: str = "Actors named together"
) -> go.Figure:
    """Actors on a circle, sized by mentions, joined by lines as thick as their co-mentions."""
    if edges.empty:
        return empty_figure(title, "No two actors are named in the same sentence.")
    names = list(dict.fromkeys([*edges["source"], *edges["target"]]))
    sizes = actors.set_index("actor")["mentions"].reindex(names).fillna(1)
    types = actors.set_index("actor")["type"].reindex(names).fillna("ORG")
    angle = {n: 2 * math.pi * i / len(names) for i, n in enumerate(names)}
    pos = {n: (math.cos(a), math.sin(a)) for n, a in angle.items()}
    fig = go.Figure()
    top = edges["weight"].max()
    # One trace per line width, not per line: Plotly draws each trace on its own, and sixty
    # traces made this the slowest chart of the page to draw. Six widths still rank the pairs;
    # the exact count is in each pair's hover.
    lines: dict[int, tuple[list, list]] = {}
    for row in edges.itertuples():
        (x0, y0), (x1, y1) = pos[row.source], pos[row.target]
        xs, ys = lines.setdefault(round(5 * row.weight / top), ([], []))
        xs += [x0, x1, None]
        ys += [y0, y1, None]
    for level, (xs, ys) in sorted(lines.items()):
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            hoverinfo="skip",
            showlegend=False,
            line={"width": 0.5 + level, "color": "rgba(90,90,90,0.35)"},
        )
    # A line cannot be selected: a small marker at each line's middle stands for the pair.
    fig.add_scatter(
        x=[(pos[r.source][0] + pos[r.target][0]) / 2 for r in edges.itertuples()],
        y=[(pos[r.source][1] + pos[r.target][1]) / 2 for r in edges.itertuples()],
        mode="markers",
        showlegend=False,
        marker={"size": 7, "color": "rgba(90,90,90,0.45)"},
        customdata=[[r.source, r.target, r.weight] for r in edges.itertuples()],
        hovertemplate="%{customdata[0]} and %{customdata[1]}: %{customdata[2]} sentences<extra></extra>",
    )
    # Labels for the larger nodes only, on the outside of the circle: small ones overlap.
    ranked = sizes.sort_values(ascending=False)
    labelled = set(ranked.index[: max(12, len(names) // 2)])
    fig.add_scatter(
        x=[pos[n][0] for n in names],
        y=[pos[n][1] for n in names],
        mode="markers+text",
        text=[n if n in labelled else "" for n in names],
        textposition=[_outside(angle[n]) for n in names],
        hovertext=names,
        customdata=[[n] for n in names],
        showlegend=False,
        marker={
            "size": [10 + 30 * math.sqrt(s / sizes.max()) for s in sizes],
            "color": [TYPE_COLOURS.get(t, "#7f8c8d") for t in types],
            "line": {"color": "white", "width": 1},
        },
        hovertemplate="%{hovertext}<extra></extra>",
    )
    # The colours' key: one legend entry a type shown, on points that are never drawn.
    for kind in dict.fromkeys(types):
        fig.add_scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=kind,
            hoverinfo="skip",
            marker={"size": 10, "color": TYPE_COLOURS.get(kind, "#7f8c8d")},
        )
    fig.update_layout(
        legend={
            "orientation": "h",
            "y": -0.02,
            "x": 0.5,
            "xanchor": "center",
            "itemclick": False,
            "itemdoubleclick": False,
        }
    )
    fig.update_xaxes(visible=False, range=[-1.6, 1.6])
    fig.update_yaxes(visible=False, range=[-1.25, 1.3], scaleanchor="x")
    return _layout(fig, title, height=520, b=50)


def _outside(angle: float) -> str:
    """Where a node's label goes so that it points away from the circle's centre."""
    x, y = math.cos(angle), math.sin(angle)
    vertical = "top" if y > 0.3 else "bottom" if y < -0.3 else "middle"
    horizontal = "right" if x > 0.3 else "left" if x < -0.3 else "center"
    return f"{vertical} {horizontal}"


def actor_theme_heatmap(df: pd.DataFrame, *, title: str = "Actors by theme") -> go.Figure:
    """Articles per actor (rows) and theme (columns)."""
    if df.empty:
        return empty_figure(title, "No actor appears in a themed article.")
    grid = df.pivot_table(index="actor", columns="theme", values="articles", fill_value=0)
    fig = go.Figure(
        go.Heatmap(
            z=grid.values,
            x=list(grid.columns),
            y=list(grid.index),
            colorscale="Blues",
            hovertemplate="%{y} × %{x}: %{z} articles<extra></extra>",
        )
    )
    # Heatmap cells cannot be selected: an invisible marker on each filled cell stands for it.
    cells = [(a, t, n) for (a, t), n in grid.stack().items() if n > 0]
    fig.add_scatter(
        x=[t for _, t, _ in cells],
        y=[a for a, _, _ in cells],
        mode="markers",
        showlegend=False,
        marker={"size": 18, "opacity": 0},
        customdata=[[a, t, int(n)] for a, t, n in cells],
        hovertemplate="%{customdata[0]} × %{customdata[1]}: %{customdata[2]} articles<extra></extra>",
    )
    fig.update_xaxes(tickangle=-35, **_short_ticks(grid.columns))
    fig.update_yaxes(**_short_ticks(grid.index))
    # Below: the theme names, turned 35 degrees (their height is about 0.57 of their width).
    turned = max(_text_width(_short(theme)) for theme in grid.columns) * 0.6 + 24
    return _layout(
        fig,
        title,
        height=max(320, 26 * len(grid) + 140),
        l=_label_margin(grid.index),
        b=max(X_TITLE, turned),
        r=108,  # the colour key of counts: measured 96-103 px with its tick labels
    )


def actor_timeline(df: pd.DataFrame, *, title: str = "How actors are talked about over time") -> go.Figure:
    """One line per actor: mean talked-about tone per date; marker size = mentions."""
    if df.empty:
        return empty_figure(title, "Pick actors that appear in dated articles.")
    fig = go.Figure()
    for actor, part in df.groupby("actor", sort=False):
        fig.add_scatter(
            x=part["period"],
            y=part["talked_about"],
            name=str(actor),
            mode="lines+markers",
            marker={"size": [6 + min(20, m) for m in part["mentions"]]},
            customdata=[[str(actor), str(p)] for p in part["period"]],
            hovertemplate=f"{actor}<br>%{{x}}<br>tone %{{y:+.2f}}<extra></extra>",
        )
    fig.update_layout(
        yaxis={"title": "talked-about tone", "range": [-1, 1]}, legend={"orientation": "h", "y": -0.15}
    )
    return _layout(fig, title, l=Y_NUMBERS, r=20, b=LEGEND_BELOW)


def framing_phrases_bar(
    df: pd.DataFrame, *, title: str = "Recurring framing phrases", limit: int = 20
) -> go.Figure:
    """The partial and scare-quoted phrases used most often."""
    if df.empty:
        return empty_figure(title, "No partial or scare quotes in the matching articles.")
    return _ranked_bars(
        df.head(limit),
        "count",
        "phrase",
        title=title,
        axis="times quoted",
        customdata=["phrase", "speakers"],
        colour="#b9770e",
        hover="“%{y}”<br>%{x} times<br>%{customdata[1]}",
    )


def quote_kinds_bar(df: pd.DataFrame, *, title: str = "Quotes by speaker and kind") -> go.Figure:
    """Stacked bars: how many quotations of each kind the most quoted speakers have (the rows of
    `queries.quotes_by_speaker`, most quoted first)."""
    if df.empty:
        return empty_figure(title, "No attributed quotes in the matching articles.")
    top = df.iloc[::-1]  # the most quoted at the top
    speakers = top["speaker"].tolist()
    fig = go.Figure()
    for kind in ("direct", "partial", "scare"):
        fig.add_bar(
            x=top[kind].tolist(),
            y=speakers,
            name=kind,
            orientation="h",
            marker_color=KIND_COLOURS[kind],
            customdata=[[s] for s in speakers],
            hovertemplate="%{y}: %{x} " + kind + "<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        xaxis={"title": "quotes", **count_axis(df["quotes"].max())},
        yaxis=_short_ticks(speakers),
        legend={"orientation": "h", "y": -0.15},
    )
    return _layout(
        fig, title, height=max(300, 24 * len(speakers) + 100), l=_label_margin(speakers), b=LEGEND_BELOW + 15
    )


def keyphrases_bar(df: pd.DataFrame, *, title: str = "Key phrases", limit: int = 20) -> go.Figure:
    """Noun phrases that set the matching articles apart, by distinctiveness weight; the title
    says of how many ranked phrases (`attrs["total"]`) the bars are the head."""
    if df.empty:
        return empty_figure(title, "No key phrases in the matching articles.")
    total = df.attrs.get("total", 0)
    # A phrase in every article of the store weighs 0 (its IDF is 0): a bar of nothing. In a store
    # of one article every phrase is, and the chart was a column of names without bars.
    df = df[df["weight"] > 0]
    if df.empty:
        return empty_figure(
            title, "No phrase sets the matching articles apart: each is in every stored article."
        )
    df = df.head(limit)
    return _ranked_bars(
        df,
        "weight",
        "phrase",
        title=_capped(title, len(df), total, "top "),
        axis="distinctiveness weight",
        customdata=["phrase", "uses", "articles"],
        hover="%{y}<br>%{customdata[1]} uses in %{customdata[2]} articles",
    )


def sentiment_arc(df: pd.DataFrame, *, title: str = "Sentence by sentence") -> go.Figure:
    """An article's sentence compounds in reading order."""
    if df.empty:
        return empty_figure(title, "No sentences.")
    colours = ["#1e8449" if c >= 0.05 else "#c0392b" if c <= -0.05 else "#aab7c4" for c in df["compound"]]
    fig = go.Figure(
        go.Bar(
            x=list(range(1, len(df) + 1)),
            y=df["compound"],
            marker_color=colours,
            customdata=[[i] for i in range(len(df))],
            hovertemplate="sentence %{x}<br>%{y:+.2f}<extra></extra>",
        )
    )
    fig.update_layout(yaxis={"range": [-1, 1], "title": "compound"}, xaxis={"title": "sentence"})
    return _layout(fig, title, height=240, l=Y_NUMBERS, r=24, b=X_TITLE + 6)
