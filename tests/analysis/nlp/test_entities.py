"""The batch entity decoder against spaCy's own decoder of the same model: identical entities."""

from __future__ import annotations

import numpy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Span

from analysis.nlp.entities import SLICE_TOKENS
from tests.conftest import BBC, SEED

EDGE_TEXTS = [
    "",
    " ",
    "\n\n",
    "Blair",
    "Tony Blair met Gordon Brown",  # an entity that ends the text
    "  Tony Blair  \n\n  ",
    "Shares in Marks & Spencer rose.\n\nJohn Smith of Goldman Sachs in New York said so.",
]


def _before_ner(nlp, texts):
    """Docs as the pipeline hands them to the entity recogniser: tagged, with sentences."""
    docs = [nlp.make_doc(text) for text in texts]
    for name, component in nlp.pipeline:
        if name == "batch_ner":
            return docs
        docs = [component(doc) for doc in docs]
    raise AssertionError("the pipeline has no batch_ner")


def _entities(docs):
    return [doc.to_array([ENT_IOB, ENT_TYPE, ENT_KB_ID]) for doc in docs]


def test_the_pipeline_decodes_entities_in_batch(nlp):
    assert "batch_ner" in nlp.pipe_names
    assert "ner" not in nlp.pipe_names
    assert "ner" in nlp.component_names  # its network is the one decoded


def test_batch_decoder_gives_spacys_entities_on_news_text(nlp):
    texts = [
        p.read_text(encoding="utf-8", errors="replace")
        for section in ("business", "entertainment", "politics", "sport", "tech")
        for p in sorted((BBC / section).glob("*.txt"))[100:112]
    ]
    texts += [SEED.read_text(encoding="utf-8")] + EDGE_TEXTS
    docs = _before_ner(nlp, texts)
    assert sum(len(doc) for doc in docs) > 3 * SLICE_TOKENS
    spacys = list(nlp.get_pipe("ner").pipe([doc.copy() for doc in docs], batch_size=16))
    assert sum(len(doc.ents) for doc in spacys) > 2000
    theirs = _entities(spacys)
    # Batches cut at other places than spaCy's: small ones, and one scored in several slices.
    for batch_size in (7, len(docs)):
        ours = _entities(nlp.get_pipe("batch_ner").pipe([doc.copy() for doc in docs], batch_size=batch_size))
        for text, a, b in zip(texts, theirs, ours):
            assert numpy.array_equal(a, b), (batch_size, text[:80])


def test_entities_already_set_are_respected_as_spacy_does(nlp):
    text = "Tony Blair met Gordon Brown in London on Monday."
    docs = _before_ner(nlp, [text] * 2)
    for doc in docs:
        doc.set_ents([Span(doc, 0, 2, label="ORG")], default="unmodified")
    theirs = nlp.get_pipe("ner")(docs[0])
    ours = nlp.get_pipe("batch_ner")(docs[1])
    assert [(e.text, e.label_) for e in ours.ents][0] == ("Tony Blair", "ORG")
    assert numpy.array_equal(_entities([theirs])[0], _entities([ours])[0])
