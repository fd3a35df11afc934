"""The tone toward actors on real sentences, with the real model."""

from __future__ import annotations

import math

import duckdb
import pytest

from analysis.errors import ConfigError
from analysis.extract import tone
from analysis.extract.actors import resolve_mentions
from analysis.extract.coref import is_parsed
from analysis.nlp import parse
from analysis.records import ToneRow


def _doc(nlp, text):
    return parse(nlp, [text])[0]


def _reading(nlp, text, mention):
    doc = _doc(nlp, text)
    at = text.index(mention)
    span = tone.char_span_tokens(doc, at, at + len(mention))
    return doc, span, tone.read_mention(doc, *span)


class TestRelations:
    def test_attack_verb_hits_its_object_not_its_subject(self, nlp):
        text = "Senator Elizabeth Warren slammed Donald Trump over the new tariffs on Friday."
        _, _, (words, role) = _reading(nlp, text, "Donald Trump")
        assert role == "patient"
        assert [(t.lower_, r) for t, r, v in words if v] == [("slammed", "verb_object")]
        _, _, (words, role) = _reading(nlp, text, "Elizabeth Warren")
        assert role == "agent"
        slam = [(r, v) for t, r, v in words if t.lower_ == "slammed"]
        assert slam and slam[0][0] == "verb_subject" and slam[0][1] > -1.0

    @pytest.mark.parametrize(
        "text, mention",
        [
            ("The United States Supreme Court heard the case of John Roberts on Tuesday.", "John Roberts"),
            ("Justice Kennedy met officials of the Democratic Party and the Security Council.", "Kennedy"),
        ],
    )
    def test_words_in_names_and_titles_are_not_scored(self, nlp, text, mention):
        _, _, (words, _) = _reading(nlp, text, mention)
        scored = {t.lower_ for t, _, v in words if v}
        assert not scored & {"united", "supreme", "justice", "party", "security"}

    def test_negation_reaches_over_the_whole_clause(self, nlp):
        # "never" is four words before "good": outside VADER's three-word window.
        text = "Mr Smith has never really been seen as a good leader by the Labour Party."
        _, _, (words, _) = _reading(nlp, text, "Smith")
        good = [v for t, _, v in words if t.lower_ == "good"]
        assert good and good[0] < 0

    def test_the_mentions_own_noun_phrase(self, nlp):
        text = "The disgraced former aide Michael Flynn appeared in court in Washington."
        _, _, (words, _) = _reading(nlp, text, "Michael Flynn")
        assert ("disgraced", "modifier") in {(t.lower_, r) for t, r, v in words if v}


class TestMentionTone:
    def test_explanation_is_what_was_scored(self, nlp):
        text = "Critics accused Boris Johnson of lying to parliament about the parties."
        doc = _doc(nlp, text)
        at = text.index("Boris Johnson")
        result = tone.mention_tone(doc, *tone.char_span_tokens(doc, at, at + len("Boris Johnson")))
        model = tone.ToneModel.load()
        # The class scores are the base plus every word's effects: the probabilities follow.
        logits = list(result.base)
        for w in result.words:
            logits = [a + b for a, b in zip(logits, w.effects)]
        import math

        exp = [math.exp(x - max(logits)) for x in logits]
        assert [round(e / sum(exp), 4) for e in exp] == pytest.approx(list(result.probabilities), abs=2e-4)
        assert result.label == "negative" and result.tone < 0
        assert model.intercept

    def test_praise_and_attack(self, nlp):
        praised = "Party leaders praised Angela Merkel for her courage and her leadership."
        attacked = "Opposition leaders attacked Angela Merkel for her failures and her lies."
        tones = []
        for text in (praised, attacked):
            doc = _doc(nlp, text)
            at = text.index("Angela Merkel")
            tones.append(tone.mention_tone(doc, *tone.char_span_tokens(doc, at, at + 13)))
        assert tones[0].label == "positive" and tones[1].label == "negative"


class TestActorTones:
    def test_pronouns_resolve_and_count(self, nlp):
        text = "Angela Merkel arrived in Berlin on Monday. She praised the workers for their courage."
        doc = _doc(nlp, text)
        found = tone.actor_tones(doc, resolve_mentions(doc))
        she = [a for a in found if a.kind == "pronoun" and text[a.start : a.end] == "She"]
        assert she and she[0].actor == "Angela Merkel"
        assert {a.actor for a in found if a.kind == "entity"} >= {"Angela Merkel"}

    def test_a_pronoun_with_no_one_before_keeps_its_own_tone(self, nlp):
        doc = _doc(nlp, "She was accused of fraud and corruption.")
        found = tone.actor_tones(doc, resolve_mentions(doc))
        assert len(found) == 1 and found[0].actor is None and found[0].tone.label == "negative"

    def test_actor_tone_is_the_mean_of_its_mentions(self):
        a = tone.MentionTone(0, 1, (0.6, 0.3, 0.1), (0, 0, 0), ())
        b = tone.MentionTone(0, 1, (0.2, 0.3, 0.5), (0, 0, 0), ())
        assert tone.actor_tone([a, b]) == (-0.1, "negative")
        assert tone.actor_tone([]) == (None, None)


def test_sentences_naming_two_with_valence_are_parsed(nlp):
    doc = _doc(
        nlp,
        "The weather was mild. Donald Trump praised Nancy Pelosi warmly. Donald Trump praised the "
        "workers. It rained on Tuesday.",
    )
    parsed = [is_parsed(s) for s in doc.sents]
    assert parsed == [False, True, False, False]


def test_a_bad_lexicon_says_what_it_needs(tmp_path):
    bad = tmp_path / "tone.yaml"
    bad.write_text("verbs:\n  slam: -2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="verbs"):
        tone.ToneLexicon.load(bad)


def test_the_record_carries_both_figures(seed_analysis):
    record = seed_analysis.to_record()
    assert all({"sentiment", "tone", "tone_label"} <= set(a) for a in record["actors"])
    assert any(a["tone"] is not None for a in record["actors"])
    for row in record["tones"]:
        assert record["text"][row["start"] : row["end"]] == row["text"]
        assert row["label"] in tone.CLASSES and -1 <= row["tone"] <= 1


def test_the_stored_words_are_what_was_scored(nlp, seed_analysis):
    # The reader explains a tone from the stored row alone: its words' pushes and its base add
    # up to the log-odds of positive against negative that the tone came from.
    article = seed_analysis.article
    doc = parse(nlp, [article.text])[0]
    scored = tone.actor_tones(doc, resolve_mentions(doc))
    rows = seed_analysis.tones
    assert [(r.start, r.end) for r in rows] == [(m.start, m.end) for m in scored]
    assert any(r.words for r in rows)
    for row, mention in zip(rows, scored):
        words = ToneRow.read_words(row.words)
        assert all(word and relation in tone.RELATIONS for word, relation, _ in words)
        p_neg, _, p_pos = mention.tone.probabilities
        if min(p_neg, p_pos) >= 0.01:  # rounded to 4 places: the log of a tiny one is noise
            log_odds = sum(push for _, _, push in words) + row.base
            assert log_odds == pytest.approx(math.log(p_pos / p_neg), abs=0.02 + 0.0005 * len(words))


def test_an_older_store_gets_the_new_columns(tmp_path):
    from analysis.records import SCHEMA

    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    con.execute(
        "CREATE TABLE actors (article_id VARCHAR, name VARCHAR, type VARCHAR, mentions INTEGER, "
        "sentiment DOUBLE, quoted_sentiment DOUBLE, quotes INTEGER)"
    )
    con.execute(SCHEMA)
    columns = {r[0] for r in con.execute("DESCRIBE actors").fetchall()}
    assert {"tone", "tone_label"} <= columns


def test_a_mention_running_past_its_sentence_is_read_not_a_crash():
    from analysis.pipeline import load_pipeline

    # Seen on PolNeAR text: an entity the recogniser ran across the sentence boundary. A full
    # parse, so that the sentence is read by its relations.
    doc = load_pipeline(full_parse=True)("The senator praised the plan. Critics attacked it on Monday.")
    first = next(iter(doc.sents))
    # Every word of the sentence inside the span: no head outside it before the sentence ends.
    words, role = tone.read_mention(doc, first.start, first.end + 2)
    assert role in ("agent", "patient", "other", "flat")
    assert all(isinstance(w, str) for _, w, _ in words)


def test_a_description_counts_for_the_person_given_that_title(nlp):
    from tests.conftest import BBC

    # BBC politics/024: "Chancellor Gordon Brown ..." and later "The chancellor has already
    # unveiled proposals ...".
    doc = _doc(nlp, (BBC / "politics" / "024.txt").read_text(encoding="utf-8"))
    found = tone.actor_tones(doc, resolve_mentions(doc))
    described = [(doc.text[m.start : m.end], m.actor) for m in found if m.kind == "description"]
    assert ("chancellor", "Gordon Brown") in described
    # A title nobody in the article was given resolves to no one rather than to the nearest name.
    doc = _doc(nlp, "Mr Balls, a Labour candidate, spoke first. The senator then praised the plan.")
    described = [(doc.text[m.start : m.end], m.actor) for m in tone.actor_tones(doc, resolve_mentions(doc)) if m.kind == "description"]
    assert described == [("senator", None)]


def test_the_parse_plan_builds_its_word_table_once():
    # The plan runs inside the parser for every article; rebuilding the table of words with a
    # valence each time cost 12% of the whole analysis (bench/throughput.py).
    assert tone._valence_ids() is tone._valence_ids()


def test_the_plans_word_lookup_is_numpys(nlp):
    # The plan looks words up by binary search in the sorted table; numpy.isin is the reference.
    import numpy
    from spacy.attrs import LEMMA, LOWER

    from tests.conftest import BBC

    ids = tone._valence_ids()
    texts = [p.read_text(encoding="utf-8") for p in sorted((BBC / "politics").glob("*.txt"))[:20]]
    for doc in parse(nlp, texts):
        words = doc.to_array([LOWER, LEMMA])
        for column in words.T:
            assert (tone._in_sorted(column, ids) == numpy.isin(column, ids)).all()
    # Below the first id and above the last, where the search falls off the table's ends.
    edges = numpy.array([0, ids[0], ids[-1], numpy.iinfo(numpy.uint64).max], dtype=numpy.uint64)
    assert tone._in_sorted(edges, ids).tolist() == [False, True, True, False]
