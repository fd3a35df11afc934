"""The learned second look at a direct quotation's speaker (analysis/extract/speaker_choice.py),
on PolNeAR training text from the tuning part of bench/polnear_quotes.py."""

from __future__ import annotations

import json

import pytest

from analysis.errors import ConfigError
from analysis.extract.speaker_choice import SpeakerModel
from tests.analysis.extract.test_quotes_polnear import polnear_article, quotes_of


def test_quotations_standing_alone_after_an_interview_are_its_subjects(nlp):
    # huff-post_2016-03-10: four quotations, one a line, after "... since Trump spoke only in
    # evasive bromides during the interview." No verb introduces them; the rules gave no one.
    quotes = quotes_of(nlp, polnear_article("huff-post_2016-03-10_trump-says-he-never-pledged-to-k"))
    for text in (
        "We have to do something and it’s the only way you stop it",
        "We have to be a lot tougher. We are playing with a different set of rules",
        "We’re not fighting it strongly enough",
    ):
        assert quotes[text].kind == "direct"
        assert quotes[text].speaker == "Donald Trump"


def test_a_quotation_opening_an_article_is_who_the_next_sentence_says_it_is_from(nlp):
    # usa-today_2016-07-07: '"I'd rather have a sister in a whorehouse than a brother in the
    # FBI." That quote from Alabama Securities Commissioner Thomas Krebs appeared ...'
    text = polnear_article("usa-today_2016-07-07_with-clinton-fbi-s-bad-rep-grows")
    quote = quotes_of(nlp, text)["I'd rather have a sister in a whorehouse than a brother in the FBI"]
    assert quote.speaker == "Thomas Krebs"


def test_the_shipped_model_loads_and_a_broken_one_says_how_to_rebuild(tmp_path):
    model = SpeakerModel.load()
    assert model.weights and model.margin >= 0
    broken = tmp_path / "speaker_model.json"
    broken.write_text(json.dumps({"weights": {"rule": 1.0}}), encoding="utf-8")
    with pytest.raises(ConfigError, match="train_speakers.py"):
        SpeakerModel.load(broken)
