"""Key phrases on real text: names left out, generic words ranked down."""

from __future__ import annotations

from analysis.extract.keyphrases import candidate_phrases, keyphrases
from analysis.nlp import parse


def test_hyphenated_names_are_names(nlp):
    doc = parse(nlp, ["Mr Kilroy-Silk said the new party would fight every seat in the election."])[0]
    assert not [p for p in candidate_phrases(doc) if "Kilroy" in p]


def test_generic_words_sink_below_what_the_article_is_about():
    phrases = ["pounds", "pounds", "pounds", "people", "people", "council tax", "council tax"]
    ranked = keyphrases(phrases)
    assert ranked[0] == "council tax"
    assert ranked.index("pounds") > ranked.index("council tax")
