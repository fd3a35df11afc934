"""Themes from an editable lexicon, and key phrases.

Theme matching works on an article's token lemmas and lower-case forms, which the store keeps,
so re-tagging a stored corpus with an edited theme file never re-runs spaCy.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy
import yaml
from spacy.attrs import ENT_TYPE, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LIKE_NUM, LOWER, ORTH, POS, SPACY, TAG
from spacy.parts_of_speech import IDS
from spacy.strings import hash_string
from spacy.tokens import Doc

from analysis.nlp import strings_of

DEFAULT_THEMES = Path(__file__).parent / "data" / "themes.yaml"

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
            ValueError: the file is not a theme file; the message names it and the problem.
        """
        return _load_lexicon(str(user_file) if user_file else str(DEFAULT_THEMES))


@lru_cache(maxsize=8)
def _load_lexicon(path: str) -> ThemeLexicon:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not a readable theme file ({exc})") from exc
    if not isinstance(data, dict) or not data:
        raise ValueError(f"{path}: a theme file maps theme names to lists of terms")
    themes: dict[str, tuple[tuple[str, ...], ...]] = {}
    for name, terms in data.items():
        if not isinstance(terms, list):
            raise ValueError(f"{path}: theme {name!r} must be a list of terms")
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


_SKIP_WORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "my",
        "some",
        "any",
        "other",
        "such",
        "both",
        "all",
        "each",
        "every",
        "many",
        "much",
        "more",
        "most",
        "several",
        "then",
    }
)
# By hash: none of these words is a spaCy symbol, whose id would not be its hash.
_SKIP_HASHES = frozenset(hash_string(word) for word in _SKIP_WORDS)


# Noun groups come from the part-of-speech tags, not the dependency parse: the parse is only run
# on sentences that quotations need. A group is a run of these, ending at its last noun.
_DET, _NUM, _ADJ, _NOUN, _PROPN = IDS["DET"], IDS["NUM"], IDS["ADJ"], IDS["NOUN"], IDS["PROPN"]
_SKIP_POS = frozenset(IDS[p] for p in ("DET", "PRON", "NUM"))
_HONORIFIC_HASHES = [hash_string(word) for word in ("mr", "mrs", "ms", "dr")]


def _noun_groups(pos, tag, space, entity, strings) -> list[tuple[int, int]]:
    """Runs of determiners, numbers, adjectives and nouns, with possessive 's and word-internal
    hyphens ("Britain's long-term plan"), cut after their last noun; a determiner or number
    after a noun starts a new group. Names of people and dates break a group ("Tory leader |
    Michael Howard", "chief | last month"): people are actors, shown elsewhere, and key phrases
    say what is talked about. Token ranges, from the arrays of POS, TAG, SPACY and ENT_TYPE,
    computed on the whole arrays at once."""
    n = len(pos)
    if not n:
        return []
    # Ids through the vocabulary: "POS" and "PERSON" are also spaCy symbols, whose id is not
    # their hash.
    possessive, hyphen = strings.add("POS"), strings.add("HYPH")
    person, date, time = (strings.add(label) for label in ("PERSON", "DATE", "TIME"))
    breaking = (entity == person) | (entity == date) | (entity == time)
    member = ~breaking & (
        (pos == _DET) | (pos == _NUM) | (pos == _ADJ) | (pos == _NOUN) | (pos == _PROPN)
    )
    head = (pos == _NOUN) | (pos == _PROPN)
    space = space.astype(bool)
    previous_space = numpy.concatenate(([True], space[:-1]))
    previous_head = numpy.concatenate(([False], head[:-1]))
    joins = ~breaking & ((tag == possessive) | ((tag == hyphen) & ~previous_space & ~space))
    # What keeps an open group going at a token; any other token ends it.
    continues = joins | (member & ~(((pos == _DET) | (pos == _NUM)) & previous_head))
    # A member is always in a group; another word only when it joins (the possessive, the
    # hyphen) and the last word before it that does not join is a member.
    chained = ~member & joins
    index = numpy.arange(n)
    anchor = numpy.maximum.accumulate(numpy.where(chained, -1, index))
    in_group = member | (chained & (anchor >= 0) & member[numpy.maximum(anchor, 0)])
    starts = member & ~(numpy.concatenate(([False], in_group[:-1])) & continues)
    group = numpy.cumsum(starts) - 1
    heads = numpy.flatnonzero(in_group & head)
    last_head = numpy.full(int(starts.sum()), -1)
    numpy.maximum.at(last_head, group[heads], heads)
    return [
        (start, end + 1)
        for start, end in zip(numpy.flatnonzero(starts).tolist(), last_head.tolist())
        if end >= 0
    ]


def candidate_phrases(doc: Doc) -> list[str]:
    """Noun-group phrases of an article, normalised (no determiners, pronouns or numbers).
    Read from the integer arrays: a Token object per word cost more than the rest together."""
    strings = doc.vocab.strings
    pos, tag, space, entity, lower, orth, like_num, stop = doc.to_array(
        [POS, TAG, SPACY, ENT_TYPE, LOWER, ORTH, LIKE_NUM, IS_STOP]
    ).T
    groups = _noun_groups(pos, tag, space, entity, strings)
    if not groups:
        return []
    # Names keep their capitals ("Japanese Finance Minister"), other words go lower case.
    form = numpy.where((pos == _PROPN) | (entity != 0), orth, lower).tolist()
    name = ((pos == _PROPN) | numpy.isin(lower, _HONORIFIC_HASHES)).tolist()
    # Running count of words that are not stop words, for "are all of these stop words".
    content = numpy.concatenate(([0], numpy.cumsum(stop == 0))).tolist()
    lower, pos, tag, like_num, space = lower.tolist(), pos.tolist(), tag.tolist(), like_num.tolist(), space.tolist()
    leading_tags = {strings.add("POS"), strings.add("HYPH")}
    out: list[str] = []
    for start, end in groups:
        while start < end and (
            lower[start] in _SKIP_HASHES or pos[start] in _SKIP_POS or like_num[start] or tag[start] in leading_tags
        ):
            start += 1
        # Names alone ("Mr Blair", "United States") are actors, shown elsewhere; key phrases say
        # what is talked about.
        if start >= end or content[end] == content[start] or all(name[start:end]):
            continue
        words = strings_of(doc, form[start:end])
        phrase = "".join(word + " " if space[i] else word for i, word in enumerate(words, start))
        phrase = " ".join(phrase.split())
        if len(phrase) >= 3 and any(c.isalpha() for c in phrase):
            out.append(phrase)
    return out


def keyphrases(
    candidates: list[str],
    *,
    limit: int = 10,
    document_frequency: dict[str, int] | None = None,
    documents: int = 0,
) -> list[str]:
    """Rank an article's phrases: frequency, longer phrases first among equals, and, given
    corpus document frequencies, TF-IDF so phrases common to every article sink."""
    counts = Counter(candidates)
    first = {p: i for i, p in reversed(list(enumerate(candidates)))}

    def weight(phrase: str) -> float:
        tf = counts[phrase] * (1 + 0.5 * (phrase.count(" ")))
        if document_frequency and documents:
            tf *= math.log((1 + documents) / (1 + document_frequency.get(phrase, 0))) + 1
        return tf

    ranked = sorted(counts, key=lambda p: (-weight(p), first[p]))
    return ranked[:limit]
