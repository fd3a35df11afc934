"""Themes from an editable lexicon (analysis/data/themes.yaml, or a user's file).

Theme matching works on an article's token lemmas and lower-case forms, which the store keeps,
so re-tagging a stored corpus with an edited theme file never re-runs spaCy.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy
import yaml
from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER
from spacy.tokens import Doc

from analysis.errors import ConfigError
from analysis.nlp import strings_of

DEFAULT_THEMES = Path(__file__).parent.parent / "data" / "themes.yaml"

# A theme is given to an article only with this many hits: one stray "game" is not sport.
MIN_HITS = 2


@dataclass(frozen=True)
class ThemeLexicon:
    """Theme name -> terms, each term a tuple of lower-case words."""

    themes: dict[str, tuple[tuple[str, ...], ...]]
    fingerprint: str

    @cached_property
    def terms_by_first_word(self) -> dict[str, list[tuple[int, int]]]:
        """First word of a term -> (theme number, term number) of every term starting with it,
        so an article is checked only for the terms its words can start."""
        found: dict[str, list[tuple[int, int]]] = {}
        for t, terms in enumerate(self.themes.values()):
            for k, term in enumerate(terms):
                found.setdefault(term[0], []).append((t, k))
        return found

    @classmethod
    def load(cls, user_file: str | Path | None = None) -> ThemeLexicon:
        """The shipped lexicon, or a user's theme file instead of it.

        Raises:
            ConfigError: the file is not a theme file; the message names it and the problem.
        """
        return _load_lexicon(str(user_file) if user_file else str(DEFAULT_THEMES))


@lru_cache(maxsize=8)
def _load_lexicon(path: str) -> ThemeLexicon:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a readable theme file ({exc})") from exc
    if not isinstance(data, dict) or not data:
        raise ConfigError(f"{path}: a theme file maps theme names to lists of terms")
    themes: dict[str, tuple[tuple[str, ...], ...]] = {}
    for name, terms in data.items():
        if not isinstance(terms, list):
            raise ConfigError(f"{path}: theme {name!r} must be a list of terms")
        # Longest terms first, then alphabetical: a stable order, so the fingerprint is too.
        themes[str(name)] = tuple(
            sorted(
                {tuple(str(t).lower().split()) for t in terms if str(t).strip()},
                key=lambda term: (-len(term), term),
            )
        )
    fingerprint = hashlib.sha1(json.dumps(themes, sort_keys=True).encode()).hexdigest()[:12]
    return ThemeLexicon(themes, fingerprint)


@dataclass(frozen=True)
class ThemeScore:
    """A theme of an article: hits per 1,000 words, and the terms that hit."""

    name: str
    score: float
    hits: int
    terms: tuple[tuple[str, int], ...]


def token_forms(doc: Doc) -> tuple[list[str], list[str]]:
    """Lower-case forms and lemmas of an article's word tokens (what theme matching needs),
    read from the integer arrays rather than one Token object per word."""
    features = doc.to_array([LOWER, LEMMA, IS_PUNCT, IS_SPACE])
    words = features[(features[:, 2] == 0) & (features[:, 3] == 0)]
    lowers = strings_of(doc, words[:, 0].tolist())
    lemmas = list(lowers)
    # Most words are their own lemma (see nlp.fast_pos_lemma): look up only the others.
    different = numpy.flatnonzero(words[:, 1] != words[:, 0]).tolist()
    for i, lemma in zip(different, strings_of(doc, words[different, 1].tolist())):
        lemmas[i] = lemma.lower() or lowers[i]
    return lowers, lemmas


def match_themes(
    lowers: list[str], lemmas: list[str], lexicon: ThemeLexicon, *, min_hits: int = MIN_HITS
) -> list[ThemeScore]:
    """Themes of an article, best first, from its word forms and lemmas."""
    n = len(lowers)
    if n == 0:
        return []
    starts = lexicon.terms_by_first_word
    index: dict[str, list[int]] = {}
    for i, (lower, lemma) in enumerate(zip(lowers, lemmas)):
        if lower in starts:
            index.setdefault(lower, []).append(i)
        if lemma != lower and lemma in starts:
            index.setdefault(lemma, []).append(i)

    def at(i: int, word: str) -> bool:
        return i < n and (lowers[i] == word or lemmas[i] == word)

    # The themes with a term the article's words can start, each with those terms in order.
    candidates: dict[int, list[int]] = {}
    for t, k in sorted(pair for word in index for pair in starts[word]):
        candidates.setdefault(t, []).append(k)
    names = list(lexicon.themes)
    scores: list[ThemeScore] = []
    for t, term_numbers in candidates.items():
        name, terms = names[t], lexicon.themes[names[t]]
        used: set[int] = set()
        hits: Counter[str] = Counter()
        for term in (terms[k] for k in term_numbers):  # longest first: "south china sea", not "china"
            for i in index[term[0]]:
                span = range(i, i + len(term))
                if any(j in used for j in span) or not all(at(j, w) for j, w in zip(span, term)):
                    continue
                used.update(span)
                hits[" ".join(term)] += 1
        total = sum(hits.values())
        # A phrase of several words ("south china sea") is specific enough to count alone.
        if total >= min_hits or any(" " in term for term in hits):
            scores.append(
                ThemeScore(
                    name=name, score=round(1000 * total / n, 2), hits=total, terms=tuple(hits.most_common())
                )
            )
    scores.sort(key=lambda s: (-s.score, s.name))
    return scores
