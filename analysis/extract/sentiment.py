"""Sentiment scores with VADER: sentences, quotes and the words behind a score.

VADER's compound score saturates towards +-1 on long texts, so an article's score is the mean
of its sentence compounds, never the compound of the whole text. Labels use VADER's documented
thresholds: compound >= 0.05 positive, <= -0.05 negative, neutral between.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from statistics import fmean

from analysis.nlp.vader import FastVader

POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05


@lru_cache(maxsize=1)
def _analyzer() -> FastVader:
    return FastVader()


@lru_cache(maxsize=4096)
def compound(text: str) -> float:
    """VADER compound score of a short text (a sentence or a quote), in [-1, 1]. Cached: the
    sentiment of an actor's sentences is often that of the narrator's, the same text."""
    if not text.strip():
        return 0.0
    return _analyzer().compound(text)


def label(score: float | None) -> str:
    """positive / neutral / negative by VADER's +-0.05 thresholds."""
    if score is None:
        return "neutral"
    if score >= POSITIVE_THRESHOLD:
        return "positive"
    if score <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def mean_or_none(scores: list[float]) -> float | None:
    """Mean of scores, rounded for storage, or None for no scores."""
    return round(fmean(scores), 4) if scores else None


@dataclass(frozen=True)
class WordEffect:
    """How much one word moved a sentence's compound score."""

    word: str
    valence: float  # the word's lexicon valence
    effect: float  # compound with the word minus compound without it


def explain(text: str, *, limit: int = 8) -> list[WordEffect]:
    """The lexicon words that moved a sentence's score and by how much, largest effect first.

    The effect of a word is measured by leaving it out and scoring again, so negation ("not
    good") and boosters ("very bad") around it are accounted for.
    """
    analyzer = _analyzer()
    words = text.split()
    full = compound(text)
    effects: list[WordEffect] = []
    seen: set[int] = set()
    for i, word in enumerate(words):
        key = word.strip(".,;:!?\"'()[]“”‘’").lower()
        valence = analyzer.lexicon.get(key)
        if valence is None or i in seen:
            continue
        seen.add(i)
        without = " ".join(words[:i] + words[i + 1 :])
        effect = round(full - compound(without), 4)
        if effect:
            effects.append(WordEffect(word=key, valence=float(valence), effect=effect))
    effects.sort(key=lambda e: abs(e.effect), reverse=True)
    return effects[:limit]
