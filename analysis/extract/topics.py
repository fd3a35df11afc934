"""Topics found in the corpus itself: NMF over the stored lemmas, labelled by their top terms.

Themes come from a lexicon someone wrote; topics are what the corpus turns out to talk about,
so they need no lexicon and find subjects nobody listed. Each article's lemmas (kept in the store,
so no spaCy run is needed) are weighted by TF-IDF and factorised with scikit-learn's NMF into
`k` topics; a topic is named by its top terms ("game, play, win"), which are its evidence, and
each article goes to its strongest topic with that topic's share of its weight. The result depends
on the whole corpus, so it is computed per store version, never per article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from functools import lru_cache

import numpy

# Words that are in nearly every news story whatever its subject; left out so that topics are
# told apart by what they are about. (Corpus-frequent words are also cut by max_df.)
NEWS_WORDS = frozenset(
    {"say", "said", "year", "mr", "mrs", "ms", "new", "people", "time", "make", "told", "tell",
     "like", "just", "want", "come", "way", "week", "month", "day", "mln", "dlrs", "pct", "cts",
     "reuter", "reuters", "also", "would", "could", "one", "two", "three", "get", "take", "go",
     "use", "good", "well", "think", "know", "see", "need", "look", "work", "include", "expect"}
)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    # scikit-learn is imported where topics are fitted (at ingest), not when the page reads them.
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return ENGLISH_STOP_WORDS | NEWS_WORDS


@dataclass(frozen=True)
class Topic:
    """A topic: its number, a label from its top terms, and the terms with their weights."""

    number: int
    label: str
    terms: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class TopicModel:
    """Topics of a corpus and the strongest topic of each article (-1: no topic word at all)."""

    topics: tuple[Topic, ...]
    ids: tuple[str, ...]
    article_topic: tuple[int, ...]
    # The article's weight on its topic over its total topic weight (0-1): how clearly it belongs.
    article_share: tuple[float, ...]


def _words(lemmas: Sequence[str]) -> list[str]:
    stop = stop_words()
    return [w for w in lemmas if len(w) >= 3 and w.isalpha() and w not in stop]


def fit_topics(
    articles: Sequence[tuple[str, Sequence[str]]],
    *,
    k: int = 5,
    top_terms: int = 8,
    label_terms: int = 3,
    min_df: int = 2,
    max_df: float = 0.5,
    seed: int = 0,
    fit_on: int = 50_000,
) -> TopicModel:
    """NMF topics of articles given as (id, lemmas). A store larger than `fit_on` articles is
    fitted on an evenly spread sample of that many (the topics of a few hundred thousand
    articles differ little from those of fifty thousand), and every article is then assigned.

    Raises:
        ValueError: fewer articles than topics, or no word shared by two articles.
    """
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    if k < 1:
        raise ValueError(f"the number of topics must be at least 1, not {k}")
    if len(articles) < k:
        raise ValueError(f"{len(articles)} articles cannot make {k} topics: add articles or ask for fewer")
    # With few articles, a word in two of them is already most of the corpus.
    vectorizer = TfidfVectorizer(
        analyzer=_words, min_df=min(min_df, len(articles)), max_df=max_df if len(articles) >= 10 else 1.0,
        sublinear_tf=True,
    )
    step = max(1, -(-len(articles) // fit_on))
    try:
        matrix = vectorizer.fit_transform([list(lemmas) for _, lemmas in articles[::step]])
    except ValueError as exc:
        raise ValueError(f"no topic words shared between articles ({exc})") from exc
    k = min(k, matrix.shape[1])
    model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=400)
    weights = model.fit_transform(matrix)
    if step > 1:
        weights = numpy.vstack(
            [
                model.transform(vectorizer.transform([list(lemmas) for _, lemmas in articles[i : i + 10_000]]))
                for i in range(0, len(articles), 10_000)
            ]
        )
    vocabulary = vectorizer.get_feature_names_out()
    topics = []
    for number, row in enumerate(model.components_):
        best = numpy.argsort(row)[::-1][:top_terms]
        terms = tuple((str(vocabulary[i]), round(float(row[i]), 4)) for i in best if row[i] > 0)
        topics.append(Topic(number, ", ".join(t for t, _ in terms[:label_terms]), terms))
    totals = weights.sum(axis=1)
    best_topic = numpy.where(totals > 0, weights.argmax(axis=1), -1)
    share = numpy.where(totals > 0, weights.max(axis=1) / numpy.maximum(totals, 1e-12), 0.0)
    return TopicModel(
        topics=tuple(topics),
        ids=tuple(i for i, _ in articles),
        article_topic=tuple(int(t) for t in best_topic),
        article_share=tuple(round(float(s), 3) for s in share),
    )
