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


def test_an_outlet_is_no_key_phrase_but_a_topic_beside_a_name_is(nlp):
    # bbc/tech/099 and tech/229 end quotations with "told the BBC News website"; tech bylines name
    # "the BBC World Service programme Go Digital". They say where words were said, not what about.
    text = (
        "Mainstream media plays a role in the discussion, he told the BBC News website. "
        "Bill Thompson is a regular commentator on the BBC World Service programme Go Digital. "
        "The Reuters news agency said the US economy grew, and so did Microsoft's web browser market."
    )
    phrases = candidate_phrases(parse(nlp, [text])[0])
    assert not [p for p in phrases if "BBC" in p or "Reuters" in p], phrases
    assert "US economy" in phrases and any("browser market" in p for p in phrases), phrases
