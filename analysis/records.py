"""The analysis record: one typed row per store table, and every shape derived from them.

An article's analysis is an `ArticleAnalysis`: its `Article` and one list of rows per child
table (`SentenceRow`, `EntityRow`, `ActorRow`, `QuoteRow`, `ThemeRow`, `ToneRow`). From it come the JSON
record of `python -m analysis analyze` (DESIGN.md's contract, plus the extra fields each row
carries), the CSV row, and the DataFrames written to the store; the store's schema and the
records read back from the store (`record_from_store`) derive from the same rows, so the four
cannot drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, ClassVar

from analysis.extract.sentiment import label as sentiment_label
from analysis.readers import METADATA_FIELDS, Article

if TYPE_CHECKING:  # pandas is imported where the store's frames are built: `analyze` never needs it
    import pandas as pd


@dataclass(frozen=True)
class SentenceRow:
    """A sentence: its character span and VADER compound."""

    TABLE: ClassVar[str] = "sentences"
    INDEXED: ClassVar[bool] = True  # stored with its position in the article (`idx`)
    start: int
    end: int
    compound: float


@dataclass(frozen=True)
class EntityRow:
    """An entity mention and the canonical actor it resolves to."""

    TABLE: ClassVar[str] = "entities"
    INDEXED: ClassVar[bool] = False
    start: int
    end: int
    text: str
    label: str
    actor: str | None
    actor_type: str | None
    sentence: int  # index of the sentence holding it


@dataclass(frozen=True)
class ActorRow:
    """An actor of one article: how often named, how talked about, what it said."""

    TABLE: ClassVar[str] = "actors"
    INDEXED: ClassVar[bool] = False
    name: str
    type: str
    mentions: int
    sentiment: float | None  # mean compound of the sentences naming it, its own quotes cut out
    quoted_sentiment: float | None  # mean compound of its own quotes
    quotes: int
    # The tone toward it (extract/tone.py): mean P(positive) - P(negative) over its mentions,
    # resolved pronouns included, and the most probable class of the mean probabilities.
    tone: float | None = None
    tone_label: str | None = None


@dataclass(frozen=True)
class QuoteRow:
    """A quotation with its kind, speaker, cue and tone."""

    TABLE: ClassVar[str] = "quotes"
    INDEXED: ClassVar[bool] = True
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_type: str | None
    cue: str | None
    compound: float
    sentence: int


@dataclass(frozen=True)
class ToneRow:
    """The tone toward one mention: an actor's entity, a person pronoun (`actor` None when it
    resolves to no one) or a name the entity recogniser missed (no actor), with every word that
    moved it."""

    TABLE: ClassVar[str] = "tones"
    INDEXED: ClassVar[bool] = False
    start: int
    end: int
    text: str
    kind: str  # entity | pronoun | description ("the senator") | name (proper nouns the recogniser missed)
    actor: str | None
    tone: float  # P(positive) - P(negative), in [-1, 1]
    label: str  # the most probable class
    sentence: int
    # Every word that moved it, in text order, with its relation to the mention and its push
    # (its effect on the positive minus its effect on the negative class score):
    # "slammed verb_object -1.231; corrupt modifier -0.802" (`format_words` / `read_words`).
    words: str
    # The push of what is not a word: the intercept, the mention's role, whether it is a
    # pronoun, how many entities share the sentence. `base` plus the words' pushes is the log
    # of P(positive) / P(negative).
    base: float | None = None

    @staticmethod
    def format_words(words: Iterable[tuple[str, str, float]]) -> str:
        """(word, relation, push) triples as the `words` column; pushes under 0.0005 left out."""
        return "; ".join(f"{w} {r} {p:+.3f}" for w, r, p in words if abs(p) >= 0.0005)

    @staticmethod
    def read_words(words: str | None) -> list[tuple[str, str, float]]:
        """The `words` column back as (word, relation, push) triples."""
        out = []
        for part in filter(None, (words or "").split("; ")):
            # A word is one token and a relation one name; rows of analysis version 9 had no
            # relation ("slammed -1.23").
            *head, push = part.split(" ")
            word, relation = (head[0], "") if len(head) == 1 else (" ".join(head[:-1]), head[-1])
            out.append((word, relation, float(push)))
        return out


@dataclass(frozen=True)
class ThemeRow:
    """A lexicon theme of an article, with its score and number of term hits."""

    TABLE: ClassVar[str] = "themes"
    INDEXED: ClassVar[bool] = False
    name: str
    score: float
    hits: int


ROW_TYPES = (SentenceRow, EntityRow, ActorRow, QuoteRow, ThemeRow, ToneRow)
CHILD_TABLES = tuple(row.TABLE for row in ROW_TYPES)

# The articles table: the article's metadata, then what the analysis adds.
ARTICLE_COLUMNS = {
    "id": "VARCHAR PRIMARY KEY",
    "content_hash": "VARCHAR NOT NULL",
    "analysis_version": "VARCHAR NOT NULL",
    "path": "VARCHAR",
    "title": "VARCHAR",
    "date": "DATE",
    "source": "VARCHAR",
    "section": "VARCHAR",
    "url": "VARCHAR",
    "text": "VARCHAR NOT NULL",
    "words": "INTEGER",
    "compound": "DOUBLE",
    "label": "VARCHAR",
    "narrator": "DOUBLE",
    "quoted": "DOUBLE",
    "meta": "VARCHAR",
    "keyphrases": "VARCHAR[]",
    "lowers": "VARCHAR[]",
    "lemmas": "VARCHAR[]",
    "phrases": "VARCHAR[]",
    "ingested_at": "TIMESTAMP",
}

_SQL_TYPES = {"int": "INTEGER", "float": "DOUBLE", "str": "VARCHAR"}


def _columns(row_type: type) -> dict[str, str]:
    columns = {"article_id": "VARCHAR"}
    if row_type.INDEXED:
        columns["idx"] = "INTEGER"
    for f in fields(row_type):
        columns[f.name] = _SQL_TYPES[str(f.type).split(" ")[0]]
    return columns


def _create(table: str, columns: dict[str, str]) -> str:
    body = ", ".join(f'"{name}" {sql}' for name, sql in columns.items())
    return f"CREATE TABLE IF NOT EXISTS {table} ({body});"


def _add_columns(table: str, columns: dict[str, str]) -> list[str]:
    # A store made before a column was added gets it (NULL in the rows stored then).
    return [f'ALTER TABLE {table} ADD COLUMN IF NOT EXISTS "{name}" {sql};' for name, sql in columns.items()]


SCHEMA = "\n".join(
    [
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);",
        _create("articles", ARTICLE_COLUMNS),
        *(_create(row.TABLE, _columns(row)) for row in ROW_TYPES),
        *(statement for row in ROW_TYPES for statement in _add_columns(row.TABLE, _columns(row))),
    ]
)


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything the analysis found in one article."""

    article: Article
    sentences: list[SentenceRow]
    entities: list[EntityRow]
    actors: list[ActorRow]
    quotes: list[QuoteRow]
    themes: list[ThemeRow]
    keyphrases: list[str]
    compound: float
    narrator: float | None
    quoted: float | None
    # Kept in the store so themes can be re-tagged and phrases counted without spaCy.
    lowers: list[str] = field(repr=False, default_factory=list)
    lemmas: list[str] = field(repr=False, default_factory=list)
    phrases: list[str] = field(repr=False, default_factory=list)
    tones: list[ToneRow] = field(default_factory=list)

    @property
    def label(self) -> str:
        return sentiment_label(self.compound)

    def rows(self, table: str) -> list:
        return getattr(self, table)

    def to_record(self) -> dict:
        """The JSON record of `analyze --format jsonl` (DESIGN.md)."""
        return _record(
            {name: getattr(self.article, name) for name in METADATA_FIELDS},
            {"compound": self.compound, "label": self.label, "narrator": self.narrator, "quoted": self.quoted},
            {table: [_as_dict(r) for r in self.rows(table)] for table in CHILD_TABLES},
            self.keyphrases,
        )


def _as_dict(row) -> dict:
    # A row's fields in order; dataclasses.asdict deep-copies every value, a cost per row here.
    return dict(vars(row))


def _record(metadata: dict, sentiment: dict, children: dict[str, list[dict]], keyphrases: list[str]) -> dict:
    return {
        **metadata,
        "sentiment": sentiment,
        **{table: children[table] for table in CHILD_TABLES},
        "keyphrases": keyphrases,
    }


CSV_COLUMNS = (
    "id",
    "path",
    "title",
    "date",
    "source",
    "section",
    "compound",
    "label",
    "narrator",
    "quoted",
    "actors",
    "themes",
    "quotes",
    "keyphrases",
    "text",
)


def csv_row(record: dict) -> dict:
    """One CSV row of `analyze --format csv` from a JSON record."""
    return {
        **{k: record[k] for k in ("id", "path", "title", "date", "source", "section", "text")},
        **{k: record["sentiment"][k] for k in ("compound", "label", "narrator", "quoted")},
        "actors": "; ".join(a["name"] for a in record["actors"]),
        "themes": "; ".join(t["name"] for t in record["themes"]),
        "quotes": len(record["quotes"]),
        "keyphrases": "; ".join(record["keyphrases"]),
    }


def store_frames(results: list[ArticleAnalysis], version: str) -> dict[str, pd.DataFrame]:
    """One DataFrame per store table for a batch of analyses stored under `version`."""
    import pandas as pd

    now = pd.Timestamp.now()
    rows: dict[str, list[dict]] = {name: [] for name in ("articles", *CHILD_TABLES)}
    for r in results:
        a = r.article
        rows["articles"].append(
            {
                **{name: getattr(a, name) for name in METADATA_FIELDS},
                "content_hash": a.content_hash,
                "analysis_version": version,
                "words": len(r.lowers),
                "compound": r.compound,
                "label": r.label,
                "narrator": r.narrator,
                "quoted": r.quoted,
                "meta": json.dumps(a.meta, ensure_ascii=False, default=str) if a.meta else None,
                "keyphrases": r.keyphrases,
                "lowers": r.lowers,
                "lemmas": r.lemmas,
                "phrases": r.phrases,
                "ingested_at": now,
            }
        )
        for row_type in ROW_TYPES:
            for i, row in enumerate(r.rows(row_type.TABLE)):
                prefix: dict[str, Any] = {"article_id": a.id, "idx": i} if row_type.INDEXED else {"article_id": a.id}
                rows[row_type.TABLE].append({**prefix, **_as_dict(row)})
    return {
        name: pd.DataFrame(data, columns=list(ARTICLE_COLUMNS if name == "articles" else _TABLE_COLUMNS[name]))
        for name, data in rows.items()
    }


_TABLE_COLUMNS = {row.TABLE: _columns(row) for row in ROW_TYPES}


def record_from_store(article: dict, children: dict[str, list[dict]]) -> dict:
    """The JSON record of a stored article: `article` is its row of the articles table,
    `children` its rows of each child table in order; the same shape as `to_record`."""
    from pandas import isna  # once a record, not once a value (`analyze` never imports pandas)

    names = {row.TABLE: [f.name for f in fields(row)] for row in ROW_TYPES}
    metadata = {name: article[name] for name in METADATA_FIELDS}
    metadata["date"] = str(metadata["date"]) if metadata["date"] else None
    return _record(
        metadata,
        {k: article[k] for k in ("compound", "label", "narrator", "quoted")},
        {table: [{k: _plain(r[k], isna) for k in names[table]} for r in children[table]] for table in CHILD_TABLES},
        list(article["keyphrases"] or []),
    )


def _plain(value: Any, isna: Callable[[Any], Any]) -> Any:
    """A value read from the store as the JSON record holds it (None for missing, Python numbers);
    `isna` is pandas'."""
    if value is None:
        return None
    try:
        if isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value.item() if hasattr(value, "item") else value
