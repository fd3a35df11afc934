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


def _quotes(nlp, texts):
    from analysis.extract.actors import resolve_mentions
    from analysis.nlp import parse
    from analysis.extract.quotes import extract_quotes

    return [
        [(q.start, q.end, q.kind, q.speaker, q.cue) for q in extract_quotes(doc, resolve_mentions(doc))]
        for doc in parse(nlp, texts)
    ]


def test_parsing_only_where_quotes_need_it_changes_no_quote(nlp):
    from analysis.pipeline import load_pipeline

    assert "selective_parser" in nlp.pipe_names
    texts = [p.read_text(encoding="utf-8") for p in sorted((BBC / "politics").glob("*.txt"))[:40]]
    ours, full = _quotes(nlp, texts), _quotes(load_pipeline(full_parse=True), texts)
    assert sum(map(len, full)) > 150
    assert ours == full


def test_sentences_without_quotes_get_a_flat_tree_and_keep_paragraph_breaks(nlp):
    doc = nlp(
        "Shares rose sharply on Monday in Tokyo. "
        '"We are pleased with the result," the chairman said.\n\n'
        "A headline without a full stop\n\nThe market closed higher"
    )
    sentences = list(doc.sents)
    assert [s.text.strip() for s in sentences] == [
        "Shares rose sharply on Monday in Tokyo.",
        '"We are pleased with the result," the chairman said.',
        "A headline without a full stop",
        "The market closed higher",
    ]
    flat = {t.dep_ for s in (sentences[0], sentences[2], sentences[3]) for t in s}
    assert flat <= {"ROOT", "dep"}
    quoted = {t.text: t.dep_ for t in sentences[1]}
    assert quoted["chairman"] == "nsubj" and quoted["said"] == "ROOT"


def test_key_phrases_come_from_noun_groups(nlp):
    from analysis.extract.keyphrases import candidate_phrases

    doc = nlp("The minister praised Britain's long-term economic plan and the new jobs figures.")
    phrases = candidate_phrases(doc)
    assert "Britain's long-term economic plan" in phrases
    assert "new jobs figures" in phrases
    assert not any(p.startswith("the ") or p == "minister praised" for p in phrases)

