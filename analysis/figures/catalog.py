"""Every chart by name: which queries feed it and which builder draws it.

The dashboard panels and `python -m analysis export` both build charts through `build`, so a
chart exported from a script is the chart on screen. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from analysis import queries
from analysis.errors import ConfigError
from analysis.figures import charts

# A query runner: (query name in analysis.queries, keyword arguments) -> DataFrame, with the
# store and the filters already bound.
Query = Callable[..., pd.DataFrame]


def bind(con, filters: queries.Filters) -> Query:
    """A query runner on a store connection with the filters bound."""
    return lambda name, **options: queries.run(con, name, filters, **options)


@dataclass(frozen=True)
class Drill:
    """What a selected mark stands for: the evidence behind its number, and the filter that
    would narrow the page to it (sidebar widget key and value), if there is one."""

    evidence: queries.Evidence
    label: str
    filter: tuple[str, str] | None = None


# A mark's customdata and the theme lexicon's terms by theme -> its Drill (None: nothing behind it).
Evidence = Callable[[list, dict[str, tuple[str, ...]]], "Drill | None"]


@dataclass(frozen=True)
class Chart:
    title: str
    describe: str  # what the figure means, for the methods note
    draw: Callable[[Query, dict], tuple[go.Figure, pd.DataFrame]]
    drill: Evidence | None = None  # what a selected mark opens


def _actor(point: list, terms) -> Drill:
    return Drill(queries.Evidence(actors=(str(point[0]),)), f"Actor: {point[0]}", ("actor", str(point[0])))


def _theme(point: list, terms) -> Drill:
    theme = str(point[0])
    return Drill(
        queries.Evidence(theme=theme, terms=terms.get(theme, ())), f"Theme: {theme}", ("theme", theme)
    )


def _topic(point: list, terms) -> Drill:
    # The bar counts the articles whose strongest topic it is: its evidence is their sentences
    # holding the topic's top terms (its label).
    label = str(point[0])
    return Drill(
        queries.Evidence(topic=label, terms=tuple(label.split(", "))), f"Topic: {label}", ("topic", label)
    )


def _period(point: list, terms) -> Drill:
    since, until = str(point[0])[:10], str(point[-1])[:10]
    return Drill(queries.Evidence(since=since, until=until), f"Articles dated {since} to {until}")


def _pair_or_actor(point: list, terms) -> Drill:
    if len(point) >= 2:  # a line's marker: the two actors
        a, b = str(point[0]), str(point[1])
        return Drill(queries.Evidence(actors=(a, b)), f"{a} and {b} in one sentence")
    return _actor(point, terms)


def _cell(point: list, terms) -> Drill:
    actor, theme = str(point[0]), str(point[1])
    return Drill(queries.Evidence(actors=(actor,), theme=theme), f"{actor} in {theme} articles")


def _actor_on(point: list, terms) -> Drill:
    actor, day = str(point[0]), str(point[1])[:10]
    return Drill(queries.Evidence(actors=(actor,), since=day, until=day), f"{actor} on {day}")


def _phrase(point: list, terms) -> Drill:
    return Drill(queries.Evidence(terms=(str(point[0]),)), f"“{point[0]}”")


def _speaker(point: list, terms) -> Drill:
    return Drill(queries.Evidence(speaker=str(point[0])), f"Quotes of {point[0]}", ("actor", str(point[0])))


def _timeline(q: Query, opts: dict):
    df = q("sentiment_over_time")
    return charts.sentiment_timeline(df), df


def _actors(q: Query, opts: dict):
    df = q("top_actors", limit=opts.get("limit", 15))
    return charts.top_actors_bar(df), df


def _themes(q: Query, opts: dict):
    df = q("theme_distribution")
    return charts.theme_bar(df), df


def _topics(q: Query, opts: dict):
    df = q("topics", k=opts.get("k", 5))
    # Drawn as the theme bars: one bar a topic, named by its top terms, coloured by tone.
    # The topic chart's own reason when empty, not the theme chart's: a store of fewer articles
    # than topics (the seed's one) has none.
    empty = "No topics in the matching articles (a store needs more articles than topics to find any)."
    fig = charts.theme_bar(df.rename(columns={"label": "theme"}), title="Topics found in the corpus", empty=empty)
    return fig, df


# The Actors panel's ranking (its table), whose head the network and the heatmap take: one query
# for the three, not one each.
RANKED_ACTORS = 200


def _network(q: Query, opts: dict):
    ranked = q("top_actors", limit=RANKED_ACTORS)
    # The strongest ties only: beyond about sixty lines the circle turns into a grey disc.
    edges = q("cooccurrence", actors=tuple(ranked["actor"].head(25))).head(60)
    return charts.cooccurrence_network(edges, ranked), edges


def _heatmap(q: Query, opts: dict):
    df = q("actor_theme", actors=tuple(q("top_actors", limit=RANKED_ACTORS)["actor"].head(15)))
    return charts.actor_theme_heatmap(df), df


def _actor_time(q: Query, opts: dict):
    chosen = opts.get("actors") or list(q("top_actors", limit=3)["actor"])
    df = q("actor_over_time", actors=list(chosen))
    return charts.actor_timeline(df), df


def _phrases(q: Query, opts: dict):
    df = q("framing_phrases")
    return charts.framing_phrases_bar(df), df


def _quotes(q: Query, opts: dict):
    df = q("quotes_by_speaker", limit=opts.get("limit", 15))
    return charts.quote_kinds_bar(df), df


def _keyphrases(q: Query, opts: dict):
    df = q("corpus_keyphrases")
    return charts.keyphrases_bar(df), df


CHARTS: dict[str, Chart] = {
    "sentiment-over-time": Chart(
        "Attention and sentiment over time",
        "Bars: matching articles per day, week "
        "or month by article date. Line: mean article sentiment (an article's score is "
        "the mean VADER compound of its sentences).",
        _timeline,
        _period,
    ),
    "top-actors": Chart(
        "Top actors",
        "Mentions of each canonical actor in the matching articles; colour: mean "
        "tone of the sentences naming it, its own quotes left out.",
        _actors,
        _actor,
    ),
    "themes": Chart(
        "Themes",
        "Matching articles per theme of the lexicon (terms weighted by how specific they are; "
        "a theme needs a share of the article's words and of its best theme's weight); colour: "
        "mean article sentiment.",
        _themes,
        _theme,
    ),
    "topics": Chart(
        "Topics found in the corpus",
        "Five topics found by NMF over the lemmas of the whole store (TF-IDF weighted), each named "
        "by its top terms; bars: matching articles whose strongest topic it is; colour: mean "
        "article sentiment. The data lists each topic's terms and its clearest articles.",
        _topics,
        _topic,
    ),
    "co-occurrence": Chart(
        "Actors named together",
        "Top actors; a line joins two actors named in the same "
        "sentence, as thick as the number of such sentences.",
        _network,
        _pair_or_actor,
    ),
    "actor-theme": Chart("Actors by theme", "Matching articles per actor and theme.", _heatmap, _cell),
    "actor-over-time": Chart(
        "How actors are talked about over time",
        "Per date, the mean tone of the sentences naming each actor; marker size: mentions.",
        _actor_time,
        _actor_on,
    ),
    "framing-phrases": Chart(
        "Recurring framing phrases",
        "Partial and scare quotes, normalised (case, punctuation), by how often they are quoted.",
        _phrases,
        _phrase,
    ),
    "quotes-by-speaker": Chart(
        "Quotes by speaker and kind",
        "Quotations per speaker: direct speech, partial quotes and (unattributed) scare quotes.",
        _quotes,
        _speaker,
    ),
    "key-phrases": Chart(
        "Key phrases",
        "Noun phrases of the matching articles ranked by how distinctive they are: uses, IDF "
        "against the whole store and concentration in the matching articles; a common noun alone "
        "and generic words rank low (names left out: they are actors).",
        _keyphrases,
        _phrase,
    ),
}


def build(name: str, query: Query, **opts) -> tuple[go.Figure, pd.DataFrame]:
    """The named chart and the data behind it.

    Raises:
        ConfigError: no chart has that name; the message lists the names.
    """
    chart = CHARTS.get(name)
    if chart is None:
        raise ConfigError(f"no chart named {name!r}; charts: {', '.join(CHARTS)}")
    return chart.draw(query, opts)
