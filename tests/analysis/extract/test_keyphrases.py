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


def _story(file: str, newid: str):
    from analysis.readers import Article, read_file
    from tests.conftest import REUTERS

    (story,) = [a for a in read_file(REUTERS / file) if isinstance(a, Article) and a.meta.get("newid") == newid]
    return story


def test_a_reuters_sign_off_is_no_text(nlp):
    """A quarter of Reuters-21578 stories end on a line "REUTER" (reut2-000: 244 of 925), the
    rest on "Reuter": the same boilerplate line in every story, which became a sentence, an
    actor and a key phrase. It is cut in either case."""
    story = _story("reut2-000.sgm", "219")  # Italy's coalition meets as the government crisis looms
    assert not story.text.rstrip().upper().endswith("REUTER"), story.text[-80:]
    assert not [p for p in candidate_phrases(parse(nlp, [story.text])[0]) if "REUTER" in p.upper()]


def test_a_possessive_inside_a_name_is_the_name(nlp):
    """Reuters 8: "Moody's Investors Service Inc" (a key phrase of 136 Reuters stories) is a
    name, an actor, though its possessive is no proper noun; a name's possessive before what it
    owns ("USX's senior debt") still makes a phrase."""
    phrases = candidate_phrases(parse(nlp, [_story("reut2-000.sgm", "8").text])[0])
    assert not [p for p in phrases if p.startswith("Moody")], phrases
    assert "USX's senior debt" in phrases, phrases


def test_a_role_before_a_name_is_the_role(nlp):
    """BBC business/087 ("former Worldcom boss Bernie Ebbers", whom the model does not tag a
    person) and tech/116 ("Finnish security firm F-Secure"): the name is an actor, the role is
    the phrase."""
    from tests.conftest import BBC

    for path, role, name in [
        ("business/087.txt", "former Worldcom boss", "Ebbers"),
        ("tech/116.txt", "Finnish security firm", "F-Secure"),
    ]:
        phrases = candidate_phrases(parse(nlp, [(BBC / path).read_text(encoding="utf-8")])[0])
        assert role in phrases and not [p for p in phrases if p.endswith(name)], (path, phrases)


def test_a_figure_leaves_no_unit_letter(nlp):
    """BBC business/017 ("77m euros") and sport/006 ("100m champion"): a figure is the tokens
    "77", "m", ...; the number goes from a phrase, and so does its unit letter."""
    from tests.conftest import BBC

    for path in ("business/017.txt", "sport/006.txt"):
        phrases = candidate_phrases(parse(nlp, [(BBC / path).read_text(encoding="utf-8")])[0])
        assert not [p for p in phrases if p.split()[0] in ("m", "bn")], (path, phrases)


def test_a_results_table_is_no_key_phrase(nlp):
    """Reuters 13 (AM International's quarter): the rows "Oper shr loss", "Oper net profit",
    "Avg shrs" label every results table; the story is about its figures' subjects."""
    story = _story("reut2-000.sgm", "13")
    ranked = keyphrases(candidate_phrases(parse(nlp, [story.text])[0]))
    assert not [p for p in ranked[:3] if {"shr", "shrs", "oper", "avg", "revs"} & set(p.lower().split())], ranked


def test_a_unit_goes_with_its_figure(nlp):
    """Reuters 302 and 356 write "a 25 pct stake", "200 mln dlrs", "a 253 mln dlr gain": the
    phrase is "stake", "dlrs", "gain", not "pct stake"."""
    for newid in ("302", "356"):
        phrases = candidate_phrases(parse(nlp, [_story("reut2-000.sgm", newid).text])[0])
        assert "stake" in phrases, phrases
        assert not [p for p in phrases if p.split()[0] in ("mln", "pct", "dlr", "billion")], (newid, phrases)


def test_a_rank_keeps_its_figure(nlp):
    # BBC sport: "former world number two" (496), "world number 37" (505), "British number two"
    # (506) name a rank; cut at the last noun they were "former world number".
    from analysis.readers import read_file
    from tests.conftest import BBC

    texts = [read_file(BBC / "sport" / f"{n}.txt")[0].text for n in ("496", "505", "506")]
    phrases = [p for doc in parse(nlp, texts) for p in candidate_phrases(doc)]
    assert {"former world number two", "world number 37", "British number two"} <= set(phrases), phrases
    assert not [p for p in phrases if p.endswith("world number")], phrases
