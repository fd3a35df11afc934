"""Strings of a Doc's hash ids, decoded once per process, and an article's word forms.

spaCy's StringStore decodes and allocates a new string at every lookup, which made reading an
article's words cost more than matching its themes. The cache maps hash ids to strings; spaCy's
ids are hashes of the strings, so one cache serves every vocabulary. It grows with a corpus's
vocabulary (tens of thousands of strings) and is bounded by `MAX_STRINGS`.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER
from spacy.tokens import Doc

MAX_STRINGS = 1 << 20

_STRINGS: dict[int, str] = {}


def _decode(doc: Doc, key: int) -> str:
    if len(_STRINGS) >= MAX_STRINGS:
        _STRINGS.clear()
    text = _STRINGS[key] = doc.vocab.strings[key]
    return text


def strings_of(doc: Doc, keys: list[int]) -> list[str]:
    """The strings of a Doc's hash ids (LOWER, ORTH, LEMMA values)."""
    get = _STRINGS.get
    return [get(key) or _decode(doc, key) for key in keys]


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
