"""Actor resolution on real sentences: aliases, titles, possessives, linking, metonyms."""

from __future__ import annotations

import pytest

from analysis.extract.actors import ActorOptions, AliasTable, count_actors, resolve_mentions
from analysis.nlp import parse


def actors_of(nlp, text, **options):
    doc = parse(nlp, [text])[0]
    return {a.name: a for a in count_actors(resolve_mentions(doc, ActorOptions(**options)))}


class TestSeed:
    def test_done_criteria(self, seed_analysis):
        actors = {a.name: a for a in seed_analysis.actors}
        assert actors["Liu Zhenli"].type == "PERSON" and actors["Liu Zhenli"].mentions >= 4
        assert actors["Charles Q. Brown"].type == "PERSON" and actors["Charles Q. Brown"].mentions >= 2
        assert actors["United States"].mentions >= 7
        assert actors["China"].mentions >= 6
        assert "Nancy Pelosi" in actors
        for wrong in ("Liu", "General Brown", "the United States", "Nancy Pelosi's", "Brown"):
            assert wrong not in actors

    def test_entity_spans_index_the_body(self, seed_analysis):
        text = seed_analysis.article.text
        for e in seed_analysis.entities:
            assert text[e.start : e.end] == e.text


class TestRules:
    def test_title_and_surname_link_to_full_name(self, nlp):
        actors = actors_of(
            nlp,
            "Trade Secretary Patricia Hewitt announced the plan. "
            "Ms Hewitt told GMTV it would help. Hewitt's aides agreed.",
        )
        assert actors["Patricia Hewitt"].mentions == 3
        assert "Hewitt" not in actors

    @pytest.mark.parametrize(
        "text, literal",
        [
            ("He writes for the Washington Post about politics.", "Washington Post"),
            ("A statue of George Washington was moved yesterday.", "George Washington"),
        ],
    )
    def test_washington_must_not_merge(self, nlp, text, literal):
        actors = actors_of(nlp, text)
        assert "United States" not in actors
        assert literal in actors

    def test_washington_state_stays_literal(self, nlp):
        actors = actors_of(nlp, "Wildfires spread across Washington state on Monday.")
        assert "United States" not in actors

    def test_metonym_switch(self, nlp):
        text = "Beijing rejected the demand, while Washington urged restraint."
        assert {"China", "United States"} <= set(actors_of(nlp, text))
        literal = actors_of(nlp, text, metonyms=False)
        assert "China" not in literal and "Beijing" in literal

    def test_aliases(self, nlp):
        actors = actors_of(nlp, "The U.S. and the UK met NATO officials. The US said America would act.")
        assert actors["United States"].mentions == 3
        assert "United Kingdom" in actors and "NATO" in actors

    def test_acronym_defined_in_text(self, nlp):
        actors = actors_of(
            nlp, "The Central Military Commission (CMC) met on Friday. Later the CMC issued a statement."
        )
        assert actors["Central Military Commission"].mentions >= 2
        assert "CMC" not in actors

    def test_user_alias_file_merges_over_defaults(self, nlp, tmp_path):
        path = tmp_path / "aliases.yaml"
        path.write_text("aliases:\n  Gazprom: {type: ORG, forms: [OAO Gazprom, the gas giant]}\n")
        table = AliasTable.load(path)
        assert table.aliases["oao gazprom"] == ("Gazprom", "ORG")
        assert table.aliases["us"] == ("United States", "GPE")  # defaults still there

    def test_bad_alias_file_names_itself(self, tmp_path):
        path = tmp_path / "bad.yaml"
        path.write_text("aliases: [unclosed")
        with pytest.raises(ValueError, match="bad.yaml"):
            AliasTable.load(path)


def test_name_in_brackets_is_not_an_acronym(nlp):
    actors = actors_of(nlp, "The plant is run by the company's Sunbeam Corp (Canada) unit in Toronto.")
    assert "Canada" in actors and "Corp" not in actors


def test_organisation_named_after_a_country_mentions_it(nlp):
    actors = actors_of(nlp, "The Bank of Finland called a news conference at noon.")
    assert "Bank of Finland" in actors and "Finland" in actors
