"""Strings of a Doc's hash ids, decoded once per process.

spaCy's StringStore decodes and allocates a new string at every lookup, which made reading an
article's words cost more than matching its themes. The cache maps hash ids to strings; spaCy's
ids are hashes of the strings, so one cache serves every vocabulary. It grows with a corpus's
vocabulary (tens of thousands of strings) and is bounded by `MAX_STRINGS`.
"""

from __future__ import annotations

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
