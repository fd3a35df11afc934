"""The trimmed pipeline against spaCy's default one: what it skips must not change what it keeps."""

from __future__ import annotations

import spacy

from tests.conftest import BBC

INFLECTED = ("NNS", "VBD", "VBN", "VBG", "VBZ")


def _bbc_texts(per_section: int) -> list[str]:
    return [
        p.read_text(encoding="utf-8", errors="replace")
        for section in ("business", "politics", "tech")
        for p in sorted((BBC / section).glob("*.txt"))[:per_section]
    ]


def test_lemmas_of_inflected_words_match_the_default_pipeline(nlp):
    from analysis.nlp import model_name

    full = spacy.load(model_name())
    compared, differing = 0, []
    for ours, theirs in zip(nlp.pipe(_bbc_texts(8)), full.pipe(_bbc_texts(8))):
        for a, b in zip(ours, theirs):
            if a.tag_ in INFLECTED and a.pos_ == b.pos_ and a.pos_ in ("NOUN", "VERB"):
                compared += 1
                if a.lemma_ != b.lemma_.lower():
                    differing.append((a.text, a.pos_, a.lemma_, b.lemma_))
    assert compared > 1000
    assert differing == []
