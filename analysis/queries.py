"""All SQL over the store: filters in, pandas DataFrames out.

The dashboard and the export command line read the store only through these, so a chart on
screen and the same chart exported from a script show the same numbers. The queries that take
the analyst's `Filters` are registered by name in `QUERIES`; `run` calls one by name.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from analysis.errors import ConfigError
from analysis.extract.keyphrases import GENERIC, GENERIC_WEIGHT, TABLE_LABELS
from analysis.extract.topics import TopicModel, fit_topics
from analysis.readers import METADATA_FIELDS
from analysis.records import CHILD_TABLES, record_from_store
from analysis.store import PHRASE_FREQUENCIES

# Name -> query function (con, filters, **options) -> DataFrame, for `run`.
QUERIES: dict[str, Callable[..., pd.DataFrame]] = {}


def _named(fn: Callable[..., pd.DataFrame]) -> Callable[..., pd.DataFrame]:
    QUERIES[fn.__name__] = fn
    return fn


def run(con: duckdb.DuckDBPyConnection, name: str, filters: Filters, **options) -> pd.DataFrame:
    """The query called `name` on the filtered store.

    Raises:
        ConfigError: no query has that name.
    """
    try:
        query = QUERIES[name]
    except KeyError:
        raise ConfigError(f"no query named {name!r}; queries: {', '.join(sorted(QUERIES))}") from None
    return query(con, filters, **options)


def store_version(con: duckdb.DuckDBPyConnection) -> str:
    """Changes whenever the store's content does, so cached query results can be keyed by it."""
    row = con.execute("SELECT count(*), max(ingested_at) FROM articles").fetchone()
    themes = con.execute("SELECT value FROM meta WHERE key = 'themes'").fetchone()
    return f"{row[0]}|{row[1]}|{themes[0] if themes else ''}"


@dataclass(frozen=True)
class Filters:
    """The analyst's view: which articles count. Empty fields do not filter."""

    actors: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    # Topics found in the corpus, by label (their top terms): articles whose strongest topic it is.
    topics: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    q: str | None = None
    sources: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    sentiment: tuple[float, float] = (-1.0, 1.0)
    kinds: tuple[str, ...] = field(default=())  # quote kinds shown in quote views

    def describe(self) -> str:
        """One line for captions and provenance."""
        parts = []
        for name, value in (
            ("actor", self.actors),
            ("theme", self.themes),
            ("topic", self.topics),
            ("source", self.sources),
            ("section", self.sections),
            ("quote kind", self.kinds),
        ):
            if value:
                parts.append(f"{name}: {', '.join(value)}")
        if self.since or self.until:
            parts.append(f"dates: {self.since or '…'} to {self.until or '…'}")
        if self.q:
            parts.append(f"text: {self.q!r}")
        if tuple(self.sentiment) != (-1.0, 1.0):
            parts.append(f"sentiment: {self.sentiment[0]:+.2f} to {self.sentiment[1]:+.2f}")
        return "; ".join(parts) or "no filters"

    def where(self, alias: str = "a") -> tuple[str, list]:
        """SQL condition on the articles table (aliased `alias`) and its parameters."""
        clauses: list[str] = []
        params: list = []
        if self.actors:
            clauses.append(f"{alias}.id IN (SELECT article_id FROM actors WHERE name IN (SELECT unnest(?)))")
            params.append(list(self.actors))
        if self.themes:
            clauses.append(f"{alias}.id IN (SELECT article_id FROM themes WHERE name IN (SELECT unnest(?)))")
            params.append(list(self.themes))
        if self.topics:
            clauses.append(f"{alias}.id IN ({_TOPIC_ARTICLES} WHERE t.label IN (SELECT unnest(?)))")
            params.append(list(self.topics))
        if self.since:
            clauses.append(f"{alias}.date >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            clauses.append(f"{alias}.date <= CAST(? AS DATE)")
            params.append(self.until)
        if self.q:
            # The backslashes that escape % and _ need DuckDB's ESCAPE clause to mean anything.
            clauses.append(
                f"({alias}.text ILIKE ? ESCAPE '\\' OR coalesce({alias}.title, '') ILIKE ? ESCAPE '\\')"
            )
            needle = "%" + re.sub(r"([%_\\])", r"\\\1", self.q) + "%"
            params += [needle, needle]
        if self.sources:
            clauses.append(f"{alias}.source IN (SELECT unnest(?))")
            params.append(list(self.sources))
        if self.sections:
            clauses.append(f"{alias}.section IN (SELECT unnest(?))")
            params.append(list(self.sections))
        low, high = self.sentiment
        if (low, high) != (-1.0, 1.0):
            clauses.append(f"{alias}.compound BETWEEN ? AND ?")
            params += [low, high]
        return (" AND ".join(clauses) or "TRUE"), params


# The articles of stored topics (written at ingest by `analysis.ingest.refresh_topics`), by label.
_TOPIC_ARTICLES = "SELECT m.article_id FROM article_topics m JOIN topic_terms t USING (topic)"


def _df(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> pd.DataFrame:
    return con.execute(sql, params or []).df()


def _kept(con: duckdb.DuckDBPyConnection, filters: Filters) -> str | None:
    """The temporary table holding the ids of the articles a filtered view matches, on a
    read-only connection (a page run, an export): found once per connection for every query of
    the view, where each query finding them again cost 40 ms at 200,000 articles for an actor and
    0.7 s for a text search. None unfiltered, or on a connection that writes (it could add
    articles after the table was made)."""
    where, params = filters.where("a")
    if not params or con.execute("SELECT current_setting('access_mode')").fetchone()[0] != "read_only":
        return None
    # Temporary tables are the connection's own; the name says which view it holds.
    table = "selected_" + hashlib.sha1(repr((where, params)).encode()).hexdigest()[:20]
    con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table} AS SELECT id FROM articles a WHERE {where}", params)
    return table


def _selected(con: duckdb.DuckDBPyConnection, filters: Filters) -> tuple[str, list]:
    """A subquery of the matching articles' ids, and its parameters."""
    table = _kept(con, filters)
    if table:
        return f"SELECT id FROM {table}", []
    where, params = filters.where("a")
    return f"SELECT id FROM articles a WHERE {where}", params


def _where(con: duckdb.DuckDBPyConnection, filters: Filters) -> tuple[str, list]:
    """The filters as a condition on the articles table aliased `a`, and its parameters."""
    table = _kept(con, filters)
    return (f"a.id IN (SELECT id FROM {table})", []) if table else filters.where("a")


@_named
def overview(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict:
    """Headline figures of the filtered corpus."""
    sel, params = _selected(con, filters)
    row = con.execute(
        f"""
        SELECT count(*), avg(compound), count(date), min(date), max(date),
               (SELECT count(DISTINCT name) FROM actors WHERE article_id IN ({sel})),
               (SELECT count(*) FROM quotes WHERE article_id IN ({sel}))
        FROM articles WHERE id IN ({sel})""",
        params * 3,
    ).fetchone()
    return {
        "articles": row[0],
        "mean_sentiment": row[1],
        "dated": row[2],
        "first_date": row[3],
        "last_date": row[4],
        "actors": row[5],
        "quotes": row[6],
    }


def corpus_options(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """What the filters can offer: actors, themes and stored topics with counts, sources,
    sections, dates. A store from before topics were stored offers none (its topic chart fits
    them on the page, where no SQL filter can reach them)."""
    topics = (
        _df(
            con,
            """SELECT t.label AS topic, count(*) AS articles, any_value(t.terms) AS terms
               FROM article_topics m JOIN topic_terms t USING (topic)
               GROUP BY t.label ORDER BY articles DESC, topic""",
        )
        if _has_table(con, "article_topics")
        else pd.DataFrame(columns=["topic", "articles", "terms"])
    )
    return {
        "actors": _df(
            con,
            """SELECT name, sum(mentions)::BIGINT AS mentions,
                              count(*) AS articles FROM actors
                              GROUP BY name ORDER BY mentions DESC, name""",
        ),
        "themes": _df(
            con,
            """SELECT name, count(*) AS articles FROM themes GROUP BY name
                              ORDER BY articles DESC, name""",
        ),
        "sources": _df(
            con,
            "SELECT source, count(*) AS articles FROM articles WHERE source IS NOT NULL "
            "GROUP BY source ORDER BY articles DESC",
        ),
        "sections": _df(
            con,
            "SELECT section, count(*) AS articles FROM articles WHERE section IS NOT NULL "
            "GROUP BY section ORDER BY articles DESC",
        ),
        "topics": topics,
        "dates": _df(con, "SELECT min(date) AS first, max(date) AS last FROM articles"),
    }


# How the article table can be sorted: name -> SQL order (the id last, so pages never overlap).
ARTICLE_ORDERS = {
    "date": "a.date {dir} NULLS LAST, title, a.id",
    "sentiment": "a.compound {dir}, a.id",
    "quotes": "quotes {dir}, a.id",
    "title": "title {dir}, a.id",
}


def _page(limit: int | None, offset: int) -> str:
    return (f" LIMIT {int(limit)}" if limit is not None else "") + (
        f" OFFSET {int(offset)}" if offset else ""
    )


def actor_forms(con: duckdb.DuckDBPyConnection, *, per_actor: int = 3) -> dict[str, list[str]]:
    """The most common ways the text names each actor, other than its canonical name ("Mr Blair",
    "Blair" for Tony Blair; "Tories" for the Conservative Party), so a search box finds them."""
    rows = con.execute(
        f"""
        SELECT actor, list(text ORDER BY n DESC, text)[1:{int(per_actor)}] FROM (
            SELECT actor, text, count(*) AS n FROM entities
            WHERE actor IS NOT NULL AND lower(text) <> lower(actor) GROUP BY 1, 2)
        GROUP BY actor"""
    ).fetchall()
    return {actor: list(forms) for actor, forms in rows}


def resolve_actor(con: duckdb.DuckDBPyConnection, value: str) -> str | None:
    """The stored actor a name stands for: the canonical name itself (any case), else the actor
    that the text's mentions of exactly that name (any case, with or without an honorific)
    resolve to in at least two thirds of cases, else for a surname the person of that surname
    with two thirds of such people's mentions; None when no actor or no clear one."""
    exact = con.execute(
        "SELECT name FROM actors WHERE lower(name) = lower(?) GROUP BY name ORDER BY count(*) DESC LIMIT 1",
        [value],
    ).fetchone()
    if exact:
        return exact[0]
    bare = re.sub(r"^(the|mr|mrs|ms|miss|dr|sir|lord|lady|dame)\.?\s+", "", value.strip(), flags=re.I)
    rows = con.execute(
        """SELECT actor, count(*) AS n FROM entities
           WHERE actor IS NOT NULL AND lower(text) IN (lower(?), lower(?), lower(?))
           GROUP BY actor ORDER BY n DESC, actor""",
        [value.strip(), bare, f"the {bare}"],
    ).fetchall()
    if not rows and " " not in bare:
        # A surname alone, never written so in this store: the people whose name ends with it.
        rows = con.execute(
            """SELECT name, sum(mentions) AS n FROM actors
               WHERE type = 'PERSON' AND lower(name) LIKE '% ' || lower(?) GROUP BY name ORDER BY n DESC, name""",
            [bare],
        ).fetchall()
    total = sum(n for _, n in rows)
    if rows and rows[0][1] * 3 >= total * 2:
        return rows[0][0]
    return None


@_named
def articles(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    *,
    limit: int | None = 500,
    offset: int = 0,
    order: str = "date",
    descending: bool = True,
) -> pd.DataFrame:
    """The matching articles (newest first unless `order` says otherwise), with sentiment, quote
    count and whether another stored article has the same title and text (`duplicate`)."""
    where, params = _where(con, filters)
    if order not in ARTICLE_ORDERS:
        raise ConfigError(f"cannot sort articles by {order!r}; by one of {', '.join(ARTICLE_ORDERS)}")
    ordering = ARTICLE_ORDERS[order].format(dir="DESC" if descending else "ASC")
    # The quote count and the copies are looked up for the page's articles only, the count before
    # the page when it sorts them: hashing every stored text for copies, and counting every
    # matching article's quotes, took 1.4 s a page at 200,000 articles (0.2 s now).
    count = "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id)"
    counted_first = order == "quotes"
    return _df(
        con,
        f"""
        WITH page AS MATERIALIZED (
            SELECT a.id, coalesce(a.title, left(a.text, 80)) AS title, CAST(a.date AS VARCHAR) AS date,
                   a.source, a.section, a.compound, a.label, a.words{f", {count} AS quotes" if counted_first else ""},
                   coalesce(a.title, '') AS t, a.text AS body
            FROM articles a WHERE {where}
            ORDER BY {ordering}{_page(limit, offset)}),
          copied AS (SELECT DISTINCT p.id FROM page p JOIN articles b ON coalesce(b.title, '') = p.t
                     WHERE b.id <> p.id AND b.text = p.body)
        SELECT id, title, date, source, section, compound, label, words, {"quotes" if counted_first else f"{count} AS quotes"},
               id IN (SELECT id FROM copied) AS duplicate
        FROM page a ORDER BY {ordering}""",
        params,
    )


@_named
def sentiment_over_time(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, period: str = "auto"
) -> pd.DataFrame:
    """Articles and mean article sentiment per day, week or month (by article date)."""
    where, params = _where(con, filters)
    if period == "auto":
        span = con.execute(
            f"SELECT datediff('day', min(date), max(date)) FROM articles a WHERE {where}", params
        ).fetchone()[0]
        period = "day" if span is None or span <= 62 else "week" if span <= 730 else "month"
    return _df(
        con,
        f"""
        SELECT date_trunc('{period}', a.date)::DATE AS period,
               (date_trunc('{period}', a.date) + INTERVAL 1 {period} - INTERVAL 1 day)::DATE AS period_end,
               count(*) AS articles, avg(a.compound) AS sentiment
        FROM articles a WHERE {where} AND a.date IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1""",
        params,
    )


@_named
def top_actors(con: duckdb.DuckDBPyConnection, filters: Filters, *, limit: int = 20) -> pd.DataFrame:
    """Actors by mentions, with the tone of the sentences naming them (talked_about), the tone
    toward them (tone_toward: read from the words around each mention, extract/tone.py) and the
    tone of what they say (own_tone). An actor's type is the one most of its mentions have (ties:
    the first by name): the model may type a name otherwise in a few articles ("Japan" is an ORG
    in some Reuters stories, "Steven Gerrard" a GPE in one BBC report)."""
    sel, params = _selected(con, filters)
    # Summed by actor and type first, then by actor: one pass over the rows, which tells the type
    # most mentions have (a second pass for the types of the ranked actors alone doubled the
    # query at 200,000 articles). The actors before the cap go into attrs["total"].
    ranked = _df(
        con,
        f"""
        WITH per_type AS (
            SELECT name, type, sum(mentions) AS mentions,
                   -- One row per actor and article (the pipeline counts each actor once an
                   -- article), so rows are articles: no count(DISTINCT article_id).
                   count(*) AS articles,
                   sum(sentiment * mentions) AS said, sum(CASE WHEN sentiment IS NULL THEN 0 ELSE mentions END) AS said_n,
                   sum(tone * mentions) AS toward, sum(CASE WHEN tone IS NULL THEN 0 ELSE mentions END) AS toward_n,
                   sum(quoted_sentiment * quotes) AS own, sum(CASE WHEN quoted_sentiment IS NULL THEN 0 ELSE quotes END) AS own_n,
                   sum(quotes) AS quotes
            FROM actors WHERE article_id IN ({sel}) GROUP BY name, type)
        SELECT name AS actor, first(type ORDER BY mentions DESC, type) AS type, sum(mentions)::BIGINT AS mentions,
               sum(articles)::BIGINT AS articles, sum(said) / nullif(sum(said_n), 0) AS talked_about,
               sum(toward) / nullif(sum(toward_n), 0) AS tone_toward, sum(own) / nullif(sum(own_n), 0) AS own_tone,
               sum(quotes)::BIGINT AS quotes, count(*) OVER () AS total
        FROM per_type GROUP BY name ORDER BY mentions DESC, name LIMIT {int(limit)}""",
        params,
    )
    return _with_total(ranked)


@_named
def theme_distribution(con: duckdb.DuckDBPyConnection, filters: Filters) -> pd.DataFrame:
    """Themes by number of matching articles, with mean score and mean article sentiment."""
    sel, params = _selected(con, filters)
    return _df(
        con,
        f"""
        SELECT t.name AS theme, count(*) AS articles, avg(t.score) AS score, avg(a.compound) AS sentiment
        FROM themes t JOIN articles a ON a.id = t.article_id
        WHERE t.article_id IN ({sel})
        GROUP BY t.name ORDER BY articles DESC, theme""",
        params,
    )


# Topic models by (store version, k): a model depends on the whole store, so it is fitted once per
# version of the store's content and reused by every filter and rerun. A few versions at most.
_TOPIC_MODELS: dict[tuple[str, int], TopicModel | None] = {}


def topic_model(con: duckdb.DuckDBPyConnection, *, k: int = 5) -> TopicModel | None:
    """The store's NMF topics (analysis/extract/topics.py), or None when the store is too small."""
    key = (store_version(con), k)
    if key not in _TOPIC_MODELS:
        rows = con.execute("SELECT id, lemmas FROM articles ORDER BY id").fetchall()
        try:
            model = fit_topics([(i, lemmas or []) for i, lemmas in rows], k=k)
        except ValueError:
            model = None  # fewer articles than topics, or no shared words: nothing to show
        if len(_TOPIC_MODELS) >= 4:
            _TOPIC_MODELS.pop(next(iter(_TOPIC_MODELS)))
        _TOPIC_MODELS[key] = model
    return _TOPIC_MODELS[key]


def topic_labels(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The labels of the store's stored topics (none in a store from before they were stored)."""
    if not _has_table(con, "topic_terms"):
        return []
    return [r[0] for r in con.execute("SELECT label FROM topic_terms ORDER BY topic").fetchall()]


def _has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    (count,) = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(count)


@_named
def topics(con: duckdb.DuckDBPyConnection, filters: Filters, *, k: int = 5) -> pd.DataFrame:
    """Corpus topics with the matching articles in each, their mean sentiment, and the evidence:
    the topic's top terms and the titles of the articles that belong to it most clearly. Topics
    are fitted at ingest (`analysis.ingest.refresh_topics`); a store from before that is fitted
    here, once per store version."""
    columns = ["topic", "label", "articles", "sentiment", "terms", "examples"]
    sel, params = _selected(con, filters)
    if _has_table(con, "article_topics") and k == 5:
        return _df(
            con,
            f"""
            SELECT t.topic, t.label, count(*) AS articles, avg(a.compound) AS sentiment, t.terms,
                   array_to_string(list(a.title ORDER BY m.share DESC, a.id)[1:3], ' | ') AS examples
            FROM article_topics m JOIN topic_terms t USING (topic) JOIN articles a ON a.id = m.article_id
            WHERE m.article_id IN ({sel})
            GROUP BY t.topic, t.label, t.terms ORDER BY articles DESC, t.topic""",
            params,
        )[columns]
    model = topic_model(con, k=k)
    if model is None:
        return pd.DataFrame(columns=columns)
    assigned = pd.DataFrame({"id": model.ids, "topic": model.article_topic, "share": model.article_share})
    sel, params = _selected(con, filters)
    chosen = _df(con, f"SELECT id, title, compound FROM articles WHERE id IN ({sel})", params)
    df = assigned[assigned["topic"] >= 0].merge(chosen, on="id")
    rows = []
    for topic in model.topics:
        mine = df[df["topic"] == topic.number].sort_values("share", ascending=False)
        if mine.empty:
            continue
        rows.append(
            {
                "topic": topic.number,
                "label": topic.label,
                "articles": len(mine),
                "sentiment": float(mine["compound"].mean()),
                "terms": ", ".join(t for t, _ in topic.terms),
                "examples": " | ".join(str(t) for t in mine["title"].head(3) if t),
            }
        )
    return pd.DataFrame(rows, columns=columns).sort_values(["articles", "topic"], ascending=[False, True])


def _top(
    con: duckdb.DuckDBPyConnection, filters: Filters, limit: int, actors: tuple[str, ...] | None
) -> list[str]:
    return list(actors) if actors is not None else top_actors(con, filters, limit=limit)["actor"].tolist()


@_named
def cooccurrence(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    *,
    limit_actors: int = 25,
    same: str = "sentence",
    actors: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """Pairs of top actors named in the same sentence (or article), with how often: the
    `limit_actors` most mentioned, or `actors` when the caller has ranked them already."""
    sel, params = _selected(con, filters)
    top = _top(con, filters, limit_actors, actors)
    if not top:
        return pd.DataFrame(columns=["source", "target", "weight"])
    unit = "e1.sentence = e2.sentence AND " if same == "sentence" else ""
    return _df(
        con,
        f"""
        SELECT e1.actor AS source, e2.actor AS target,
               count(DISTINCT e1.article_id || ':' || CAST(e1.sentence AS VARCHAR)) AS weight
        FROM entities e1 JOIN entities e2 ON e1.article_id = e2.article_id
        WHERE {unit} e1.actor < e2.actor
          AND e1.actor IN (SELECT unnest(?)) AND e2.actor IN (SELECT unnest(?))
          AND e1.article_id IN ({sel})
        GROUP BY 1, 2 ORDER BY weight DESC, source, target""",
        [top, top, *params],
    )


@_named
def actor_theme(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    *,
    limit_actors: int = 15,
    actors: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """Articles per (actor, theme) for the top actors (or `actors`, as `cooccurrence`)."""
    sel, params = _selected(con, filters)
    top = _top(con, filters, limit_actors, actors)
    return _df(
        con,
        f"""
        SELECT ac.name AS actor, t.name AS theme, count(*) AS articles
        FROM actors ac JOIN themes t ON t.article_id = ac.article_id
        WHERE ac.name IN (SELECT unnest(?)) AND ac.article_id IN ({sel})
        GROUP BY 1, 2 ORDER BY 1, 2""",
        [top, *params],
    )


@_named
def actor_over_time(con: duckdb.DuckDBPyConnection, filters: Filters, actors: list[str]) -> pd.DataFrame:
    """Per date: mentions of each actor and how it is talked about."""
    sel, params = _selected(con, filters)
    return _df(
        con,
        f"""
        SELECT a.date AS period, ac.name AS actor, sum(ac.mentions)::BIGINT AS mentions,
               avg(ac.sentiment) AS talked_about
        FROM actors ac JOIN articles a ON a.id = ac.article_id
        WHERE ac.name IN (SELECT unnest(?)) AND a.date IS NOT NULL AND a.id IN ({sel})
        GROUP BY 1, 2 ORDER BY 1, 2""",
        [list(actors), *params],
    )


def _kinds(filters: Filters) -> list[str]:
    return list(filters.kinds) or ["direct", "partial", "scare"]


@_named
def quote_count(con: duckdb.DuckDBPyConnection, filters: Filters) -> int:
    """How many quotations `quotes` would list without a limit."""
    sel, params = _selected(con, filters)
    return con.execute(
        f"SELECT count(*) FROM quotes WHERE article_id IN ({sel}) AND kind IN (SELECT unnest(?))",
        [*params, _kinds(filters)],
    ).fetchone()[0]


@_named
def quotes(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, limit: int | None = 1000, offset: int = 0
) -> pd.DataFrame:
    """Quotations in the matching articles, with speaker, kind, tone and where they stand."""
    sel, params = _selected(con, filters)
    kinds = _kinds(filters)
    return _df(
        con,
        f"""
        SELECT q.text AS quote, q.speaker, q.kind, q.cue, q.compound AS sentiment,
               coalesce(a.title, left(a.text, 60)) AS article, CAST(a.date AS VARCHAR) AS date, a.source,
               q.article_id,
               q.start, q."end"
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.article_id IN ({sel}) AND q.kind IN (SELECT unnest(?))
        ORDER BY a.date DESC NULLS LAST, q.article_id, q.start{_page(limit, offset)}""",
        [*params, kinds],
    )


@_named
def quotes_by_speaker(con: duckdb.DuckDBPyConnection, filters: Filters, *, limit: int = 15) -> pd.DataFrame:
    """The speakers quoted most in the matching articles, with their quotations of each kind;
    `attrs["total"]` says how many speakers there are in all, so the capped chart can say so."""
    sel, params = _selected(con, filters)
    ranked = _df(
        con,
        f"""
        SELECT speaker, count(*) AS quotes, count(*) FILTER (WHERE kind = 'direct') AS direct,
               count(*) FILTER (WHERE kind = 'partial') AS partial, count(*) FILTER (WHERE kind = 'scare') AS scare,
               count(*) OVER () AS total
        FROM quotes
        WHERE speaker IS NOT NULL AND article_id IN ({sel}) AND kind IN (SELECT unnest(?))
        GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT {int(limit)}""",
        [*params, _kinds(filters)],
    )
    return _with_total(ranked)


_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")


def normalise_phrase(text: str) -> str:
    """A framing phrase's key: lower case, no surrounding punctuation, single spaces."""
    return " ".join(re.sub(r"[^\w\s'-]", " ", text.lower()).split())


@_named
def framing_phrases(con: duckdb.DuckDBPyConnection, filters: Filters, *, limit: int = 50) -> pd.DataFrame:
    """Partial and scare-quoted phrases across the corpus: how often, by whom, where, since when."""
    sel, params = _selected(con, filters)
    raw = _df(
        con,
        f"""
        SELECT q.text, q.kind, q.speaker, q.article_id, a.source, CAST(a.date AS VARCHAR) AS date
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE q.kind IN ('partial', 'scare') AND q.article_id IN ({sel})""",
        params,
    )
    # Normalised in Python (`normalise_phrase`: Unicode words, as the analysis reads them), once
    # per distinct text; counted in SQL: pandas' groupby with a Python function per group and
    # column took 120 ms of the Quotes tab for Reuters' 2,926 phrases (40-60 ms now).
    raw["phrase"] = raw["text"].map({text: normalise_phrase(text) for text in raw["text"].unique()})
    # A letter or number alone is no framing phrase: Reuters quotes credit ratings ('B', 'A', 'C':
    # 139 of its 152 quotes without two letters in a row), which headed the chart. They are
    # counted apart (attrs["wordless"]), so the page can say what it leaves out.
    raw["worded"] = raw["phrase"].map({p: bool(_TWO_LETTERS.search(p)) for p in raw["phrase"].unique()})
    wordless = int((~raw["worded"] & (raw["phrase"] != "")).sum())
    # A cursor of its own: the frame is seen by this query alone (a new in-memory database
    # cost 12 ms to open).
    with con.cursor() as mem:
        mem.register("raw", raw)
        ranked = mem.execute(
            """
            SELECT phrase, count(*) AS count, count(DISTINCT article_id) AS articles,
                   coalesce(string_agg(DISTINCT speaker, ', ' ORDER BY speaker), '') AS speakers,
                   coalesce(string_agg(DISTINCT source, ', ' ORDER BY source), '') AS sources,
                   min(date) AS first_seen, string_agg(DISTINCT kind, ', ' ORDER BY kind) AS kinds,
                   count(*) OVER () AS total
            FROM raw WHERE phrase <> '' AND worded GROUP BY phrase
            ORDER BY count DESC, articles DESC, phrase LIMIT ?""",
            [int(limit)],
        ).df()
    # How many phrases there are in all, so that a capped list can say "50 of 1,208".
    ranked = _with_total(ranked)
    ranked.attrs["wordless"] = wordless
    return ranked


def _with_total(ranked: pd.DataFrame) -> pd.DataFrame:
    """A capped ranking's rows without their `total` column (a window count of all the rows
    before the cap), which goes into `attrs["total"]`."""
    total = int(ranked["total"].iloc[0]) if len(ranked) else 0
    ranked = ranked.drop(columns="total")
    ranked.attrs["total"] = total
    return ranked


@_named
def corpus_keyphrases(con: duckdb.DuckDBPyConnection, filters: Filters, *, limit: int = 30) -> pd.DataFrame:
    """What the matching articles are about beyond the taxonomy: the articles' own key phrases,
    ranked by how distinctive they are against the store.

    A phrase's weight is its uses as a key phrase of the matching articles, times:
    - its IDF against the stored articles that use it at all (phrase_key_df);
    - how concentrated it is: the share of matching articles that have it as a key phrase over
      the share of stored articles that use it (square root). On the whole store this is how
      often a phrase is a key phrase where it occurs: "next general election" is in 77% of the
      articles that use it, "government" in 36%, "decision" in 17%;
    - a bonus for length (1.5 for two words, 2 for three or more), so a named thing beats one
      word of it, while a one-off run of many words gets no more than three;
    - its support, articles / (articles + 2): a phrase of one or two articles (one story, or
      the same story filed twice) is not what a set of articles is about;
    - for a single lower-case word (a common noun alone: "game", "film", "players"), its IDF
      over the highest IDF there can be, so only a rare one ("broadband") ranks among phrases;
    - GENERIC_WEIGHT for a phrase of only generic words ("people", "pounds": keyphrases.GENERIC)
      or with a label of Reuters' results tables ("Shr loss": keyphrases.TABLE_LABELS).
    A phrase in several cases is one phrase, shown in its commonest form.
    """
    sel, params = _selected(con, filters)
    # Document frequencies are counted once per ingest (Store.refresh_phrase_frequencies); a
    # store from before that table existed is counted here.
    df_source = "phrase_key_df" if _has_table(con, "phrase_key_df") else f"({PHRASE_FREQUENCIES})"
    generic, labels = (
        ", ".join("'" + w.replace("'", "''") + "'" for w in sorted(words))
        for words in (GENERIC, TABLE_LABELS)
    )
    # The phrases ranked, before the cap, go into attrs["total"].
    ranked = _df(
        con,
        f"""
        WITH total AS (SELECT count(*) AS n FROM articles),
             chosen AS MATERIALIZED (SELECT id, keyphrases FROM articles WHERE id IN ({sel})),
             matching AS (SELECT count(*) AS n FROM chosen),
             listed AS MATERIALIZED (SELECT id, unnest(keyphrases) AS phrase FROM chosen),
             -- An article lists a phrase once, so a phrase's uses are its articles.
             exact AS (SELECT phrase, lower(phrase) AS key, count(*) AS uses FROM listed GROUP BY phrase),
             -- A phrase in its cases ("Shr loss" at a line's start, "shr loss" within one) is one
             -- phrase, shown in its commonest form (capitals first among equals).
             tf AS (SELECT key, first(phrase ORDER BY uses DESC, phrase) AS phrase, sum(uses)::BIGINT AS uses,
                           count(*) AS forms
                    FROM exact GROUP BY key),
             -- An article may list one phrase in two cases ("Net loss", "net loss"): it counts
             -- once (summing the cases' articles counted it twice: 559 Reuters stories for "net
             -- loss", not 558). Only phrases in several cases need counting again, which saves
             -- a third of the query at 200,000 articles.
             keyed AS (SELECT e.key, count(DISTINCT l.id) AS articles
                       FROM listed l JOIN exact e USING (phrase)
                       WHERE e.key IN (SELECT key FROM tf WHERE forms > 1)
                       GROUP BY e.key),
             dfl AS (SELECT key, df FROM {df_source}),
             scored AS (
                SELECT tf.phrase, tf.uses, tf.articles, df.df,
                       ln((1 + total.n) / (1 + df.df)) AS idf, ln(1 + total.n) AS top_idf,
                       length(tf.phrase) - length(replace(tf.phrase, ' ', '')) AS spaces,
                       (tf.articles / matching.n) / (greatest(df.df, tf.articles) / total.n) AS concentration
                FROM (SELECT tf.*, coalesce(keyed.articles, tf.uses) AS articles FROM tf LEFT JOIN keyed USING (key)) AS tf
                     JOIN dfl AS df USING (key), total, matching
                WHERE length(tf.phrase) > 3)
        SELECT phrase, uses, articles, weight
                   * CASE WHEN list_has_all([{generic}], string_split(lower(phrase), ' '))
                               OR list_has_any([{labels}], string_split(lower(phrase), ' '))
                          THEN {GENERIC_WEIGHT} ELSE 1 END AS weight, total
        FROM (SELECT phrase, uses, articles,
                     uses * least(2.0, 1 + 0.5 * spaces) * idf * sqrt(concentration)
                         * articles / (articles + 2)
                         * CASE WHEN spaces = 0 AND phrase = lower(phrase) THEN idf / top_idf ELSE 1 END
                         AS weight, count(*) OVER () AS total
              FROM scored
              -- Generic words only lower a weight: they are looked for among the best phrases.
              ORDER BY weight DESC, phrase LIMIT {20 * int(limit)})
        ORDER BY weight DESC, phrase LIMIT {int(limit)}""",
        params,
    )
    return _with_total(ranked)


@_named
def speaker_about(con: duckdb.DuckDBPyConnection, filters: Filters, *, limit: int = 100) -> pd.DataFrame:
    """Who speaks about whom: actors named inside a speaker's quotations, with the tone."""
    sel, params = _selected(con, filters)
    return _df(
        con,
        f"""
        SELECT q.speaker, e.actor AS about, count(*) AS quotes, avg(q.compound) AS tone
        FROM quotes q JOIN entities e ON e.article_id = q.article_id
             AND e.start >= q.start AND e."end" <= q."end"
        WHERE q.speaker IS NOT NULL AND e.actor IS NOT NULL AND e.actor <> q.speaker
          AND q.article_id IN ({sel})
        GROUP BY 1, 2 ORDER BY quotes DESC, q.speaker, about LIMIT {int(limit)}""",
        params,
    )


# How each child table's rows of one article are ordered, as the analysis wrote them; ties
# (two entities starting at one offset) in the order they were written.
CHILD_ORDER = {
    "sentences": "idx",
    "entities": "start, rowid",
    "quotes": "idx",
    "actors": "mentions DESC, name, rowid",
    "themes": "score DESC, name, rowid",
    "tones": 'start, "end", rowid',
}
ARTICLE_KEYS = (*METADATA_FIELDS, "compound", "label", "narrator", "quoted", "keyphrases", "meta")


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict | None:
    """One stored article with its sentences, entities, quotes, actors and themes."""
    row = con.execute(f"SELECT {', '.join(ARTICLE_KEYS)} FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return None
    out = dict(zip(ARTICLE_KEYS, row))
    out["meta"] = json.loads(out["meta"]) if out["meta"] else {}
    for table, order in CHILD_ORDER.items():
        out[table] = _df(
            con,
            f"SELECT * EXCLUDE (article_id) FROM {table} WHERE article_id = ? ORDER BY {order}",
            [article_id],
        )
    return out


@dataclass(frozen=True)
class Evidence:
    """What a mark on a chart stands for, as the sentences behind exactly its number: those
    naming every one of `actors`, holding one of `terms` (words or phrases), quoting `speaker`, in
    articles of `theme` or of `topic` (a topic's label) and dated within `since`..`until` (each
    only when given)."""

    actors: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    speaker: str | None = None
    theme: str | None = None
    topic: str | None = None
    since: str | None = None
    until: str | None = None

    def describe(self) -> str:
        parts = []
        if self.actors:
            parts.append(
                " and ".join(self.actors) + (" named together" if len(self.actors) > 1 else " named")
            )
        if self.speaker:
            parts.append(f"quotes of {self.speaker}")
        if self.terms:
            shown = ", ".join(f"“{t}”" for t in self.terms[:6]) + (" …" if len(self.terms) > 6 else "")
            parts.append(f"holding {shown}")
        if self.theme:
            parts.append(f"in {self.theme} articles")
        if self.topic:
            parts.append(f"in articles of the topic “{self.topic}”")
        if self.since or self.until:
            parts.append(f"dated {self.since or '…'} to {self.until or '…'}")
        return "; ".join(parts) or "all sentences"

    @property
    def articles_only(self) -> bool:
        """A request of dates alone stands for articles (a time bucket), not sentences."""
        return not (self.actors or self.terms or self.speaker or self.theme or self.topic)

    def pattern(self) -> str | None:
        """A regular expression (RE2) for the terms: whole words, with common inflections."""
        if not self.terms:
            return None
        # A theme term's words are the tokenizer's, so "e mail" stands for "e-mail" too.
        alternatives = "|".join(
            r"[\s-]+".join(re.sub(r"([\\.^$|?*+()\[\]{}])", r"\\\1", w) for w in term.lower().split())
            for term in self.terms
        )
        return rf"(^|[^\w])({alternatives})(s|es|ed|d|ing)?([^\w]|$)"


def _evidence_from(con: duckdb.DuckDBPyConnection, filters: Filters, request: Evidence) -> tuple[str, list]:
    """`FROM ... WHERE ...` of a request's sentences (`s`) and their articles (`a`), and its
    parameters.

    What narrows articles (the filters, a theme, a topic, dates) narrows the articles table
    before its sentences are joined to it, so only those articles' texts are read. A request of
    terms alone (a phrase's bar) also keeps only the articles holding, for some term, that
    term's longest word as written (lower case): a sentence the pattern matches holds each of
    its term's words, so none is lost, and the sentences of the other articles are never cut
    from their texts to be matched. (A theme's thirty-odd words looked for in every text cost
    more than its articles' sentences; an actor or speaker narrows the sentences first.)
    The count and first page of a mark's evidence on the 200,000-article store, on a busy
    machine: a key phrase 4.5-5.8 -> 1.8-2.1 s, a theme 5.6-6.5 -> 0.6-0.8 s, a topic 6.7 ->
    0.7 s; on Reuters a key phrase 0.35-0.42 -> 0.13-0.16 s. Tested: the same rows.
    """
    # An actor's or speaker's sentences are found from the entities or quotes first, the
    # articles' conditions then only checking them (as a table of articles read first, an actor's
    # evidence with a term took 0.08 -> 0.38 s on Reuters); otherwise the articles are narrowed
    # first, as a table of their own.
    by_sentence = bool(request.actors or request.speaker)
    article_id, date = ("s.article_id", "a.date") if by_sentence else ("id", "date")
    sel, params = _selected(con, filters)
    narrow, extra = [f"{article_id} IN ({sel})"], list(params)
    if request.theme:
        narrow.append(f"{article_id} IN (SELECT article_id FROM themes WHERE name = ?)")
        extra.append(request.theme)
    if request.topic:
        if _has_table(con, "article_topics"):
            narrow.append(f"{article_id} IN ({_TOPIC_ARTICLES} WHERE t.label = ?)")
            extra.append(request.topic)
        else:  # a store from before topics were stored: the articles of the topics the page fitted
            model = topic_model(con)
            numbers = {t.number for t in model.topics if t.label == request.topic} if model else set()
            ids = [i for i, n in zip(model.ids, model.article_topic) if n in numbers] if model else []
            narrow.append(f"{article_id} IN (SELECT unnest(?))")
            extra.append(ids)
    if request.since:
        narrow.append(f"{date} >= CAST(? AS DATE)")
        extra.append(request.since)
    if request.until:
        narrow.append(f"{date} <= CAST(? AS DATE)")
        extra.append(request.until)
    words = sorted({max(term.lower().split(), key=len) for term in request.terms if term.split()})
    if words and not (request.theme or request.topic or by_sentence):
        narrow.append("(" + " OR ".join(["contains(lower(text), ?)"] * len(words)) + ")")
        extra.extend(words)
    clauses = []
    for actor in request.actors:
        clauses.append(
            "EXISTS (SELECT 1 FROM entities e WHERE e.article_id = s.article_id "
            "AND e.sentence = s.idx AND e.actor = ?)"
        )
        extra.append(actor)
    if request.speaker:
        clauses.append(
            "EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = s.article_id "
            "AND q.sentence = s.idx AND q.speaker = ?)"
        )
        extra.append(request.speaker)
    pattern = request.pattern()
    if pattern:
        clauses.append('regexp_matches(lower(substr(a.text, s.start + 1, s."end" - s.start)), ?)')
        extra.append(pattern)
    if by_sentence:
        articles, clauses = "articles", narrow + clauses
    else:
        articles = f"(SELECT * FROM articles WHERE {' AND '.join(narrow)})"
    return (
        f"FROM sentences s JOIN {articles} a ON a.id = s.article_id WHERE {' AND '.join(clauses or ['true'])}",
        extra,
    )


@_named
def evidence_count(con: duckdb.DuckDBPyConnection, filters: Filters, *, request: Evidence) -> int:
    """How many sentences `evidence` would list without a limit."""
    return evidence_totals(con, filters, request=request)["sentences"]


@_named
def evidence_totals(con: duckdb.DuckDBPyConnection, filters: Filters, *, request: Evidence) -> dict:
    """How many sentences `evidence` would list without a limit, and from how many articles, in
    one pass: a bar that counts articles (a theme, a topic) is checked against the articles."""
    source, params = _evidence_from(con, filters, request)
    sentences, articles = con.execute(
        f"SELECT count(*), count(DISTINCT s.article_id) {source}", params
    ).fetchone()
    return {"sentences": sentences, "articles": articles}


@_named
def evidence(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    *,
    request: Evidence,
    limit: int | None = 100,
    offset: int = 0,
) -> pd.DataFrame:
    """The sentences behind a chart mark (`request`) within the filtered articles, with their
    sentiment and article, newest first; for an actor's mark, `marks` holds where in the sentence
    the mentions that put it there are ([start, end] from the sentence's start): "UK", "British",
    a resolved "he", which the actor's name alone would not find."""
    source, params = _evidence_from(con, filters, request)
    marks = (
        """(SELECT list([e.start - p.start, e."end" - p.start] ORDER BY e.start) FROM entities e
            WHERE e.article_id = p.article_id AND e.sentence = p.idx AND e.actor IN (SELECT unnest(?)))"""
        if request.actors
        else "NULL"
    )
    # The page's sentences are found first and only theirs are cut from the text, titled and
    # marked: doing that for every matching sentence before the sort took three times as long
    # for an actor at 200,000 articles (0.3 -> 0.1 s).
    return _df(
        con,
        f"""
        WITH page AS (
            SELECT s.article_id, s.idx, s.start, s."end", s.compound, a.date
            {source}
            ORDER BY a.date DESC NULLS LAST, s.article_id, s.idx{_page(limit, offset)})
        SELECT substr(a.text, p.start + 1, p."end" - p.start) AS sentence, p.compound AS sentiment,
               coalesce(a.title, left(a.text, 60)) AS article, CAST(p.date AS VARCHAR) AS date, a.source,
               p.article_id, p.idx, {marks} AS marks
        FROM page p JOIN articles a ON a.id = p.article_id
        ORDER BY p.date DESC NULLS LAST, p.article_id, p.idx""",
        params + ([list(request.actors)] if request.actors else []),
    )


RECORD_BLOCK = 1000  # articles whose records are read together


def records(con: duckdb.DuckDBPyConnection, filters: Filters, *, limit: int | None = None) -> list[dict]:
    """The matching articles as analysis records (the `analyze --format jsonl` contract)."""
    return list(iter_records(con, filters, limit=limit))


def iter_records(
    con: duckdb.DuckDBPyConnection, filters: Filters, *, limit: int | None = None
) -> Iterator[dict]:
    """The matching articles as analysis records, in id order, read a block of articles at a
    time: a whole store's records never sit in memory at once."""
    sel, params = _selected(con, filters)
    ids = [
        r[0]
        for r in con.execute(
            f"SELECT id FROM ({sel}) ORDER BY id" + (f" LIMIT {int(limit)}" if limit else ""), params
        ).fetchall()
    ]
    # A query per table for a block of articles, not per article: the whole BBC store's records
    # took 54 s one article at a time.
    for k in range(0, len(ids), RECORD_BLOCK):
        block = ids[k : k + RECORD_BLOCK]
        rows = {
            r[0]: dict(zip(ARTICLE_KEYS, r[1:]))
            for r in con.execute(
                f"SELECT id, {', '.join(ARTICLE_KEYS)} FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [block],
            ).fetchall()
        }
        children: dict[str, dict[str, list[dict]]] = {}
        for table in CHILD_TABLES:
            cursor = con.execute(
                f"SELECT * FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
                f"ORDER BY article_id, {CHILD_ORDER[table]}",
                [block],
            )
            names = [d[0] for d in cursor.description]
            by_article: dict[str, list[dict]] = defaultdict(list)
            for r in cursor.fetchall():
                found = dict(zip(names, r))
                by_article[found["article_id"]].append(found)
            children[table] = by_article
        for a in block:
            if a in rows:
                yield record_from_store(
                    rows[a], {table: children[table].get(a, []) for table in CHILD_TABLES}
                )
