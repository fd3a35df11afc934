"""Quotations: spans, kinds and speakers on real text, and robustness on any text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.extract.actors import resolve_mentions
from analysis.nlp import parse
from analysis.extract.quote_spans import quote_spans
from analysis.extract.quotes import extract_quotes


def quotes_of(nlp, text):
    doc = parse(nlp, [text])[0]
    return extract_quotes(doc, resolve_mentions(doc))


def test_seed_quotes(seed_analysis):
    found = [(q.text, q.kind, q.speaker) for q in seed_analysis.quotes]
    assert found == [
        ("right perception", "partial", "Liu Zhenli"),
        ("egregious provocation", "partial", "China"),
        ("right perception", "partial", "Liu Zhenli"),
    ]


def test_apostrophes_are_not_quotes():
    text = "It isn't rock 'n' roll, said the 1990s' stars at Jones' bar in the '80s."
    assert quote_spans(text) == []


def test_headline_single_quotes():
    text = "Minister condemns 'anti-Semitic' remarks"
    (span,) = quote_spans(text)
    assert text[span.start : span.end] == "anti-Semitic"


def test_bbc_continuation_mark_continues_the_quote(nlp):
    text = (
        'Ms Hewitt said: "We have already taken it up to 26 weeks. "We are going to extend '
        'the pay to nine months by 2007." She said more later.'
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.text.startswith("We have already") and quote.text.endswith("by 2007.")
    assert quote.kind == "direct"


def test_unbalanced_mark_does_not_derail_the_rest():
    text = 'He said "this never closes.\n\nA new paragraph. Then she said "a real quote" today.'
    spans = [text[s.start : s.end] for s in quote_spans(text)]
    assert spans == ["a real quote"]


def test_multi_paragraph_newswire_quote():
    text = '"The first paragraph of the quote.\n\n"The second paragraph ends it," he said.'
    (span,) = quote_spans(text)
    assert text[span.start : span.end].endswith("ends it,")
    assert text[span.start : span.end].startswith("The first")


def test_speaker_after_the_quote(nlp):
    (quote,) = quotes_of(nlp, '"We will fight them in court," said Tim Osborne, a lawyer for the group.')
    assert quote.kind == "direct" and quote.speaker == "Tim Osborne" and quote.cue == "said"


def test_pronoun_speaker(nlp):
    quotes = quotes_of(nlp, 'David Frost spoke on Monday. "Small firms could be hurt by this," he warned.')
    assert quotes[0].speaker == "David Frost"


def test_scare_quote_has_no_speaker(nlp):
    (quote,) = quotes_of(nlp, 'The so-called "peace dividend" never arrived in the region.')
    assert quote.kind == "scare" and quote.speaker is None


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("ab .,\n'\"“”‘’«»:")) | st.characters(), max_size=200))
def test_any_text_gives_spans_inside_it(text):
    for span in quote_spans(text):
        assert 0 <= span.start <= span.end <= len(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("ab Mr said he .,\n'\"“”‘’")), max_size=160))
def test_extract_quotes_never_raises_and_text_matches(nlp, text):
    for quote in quotes_of(nlp, text):
        assert text[quote.start : quote.end] == quote.text
        assert quote.kind in ("direct", "partial", "scare")


def test_two_apostrophes_are_a_double_quotation_mark(nlp):
    # BBC sport/131 (NYT archive text writes every double quote this way).
    text = (
        "The IFA upheld its original decision to throw Newry out of the cup. ''A law firm will put a "
        "case forward for Newry FC,'' said Newry boss Roy McCreadie. Newry had claimed they had "
        'uncovered "fresh evidence". He recalled: \'\'I said, \'The lesson of history is clear,\'\'\' he said.'
    )
    spans = [text[s.start : s.end] for s in quote_spans(text)]
    assert spans == [
        "A law firm will put a case forward for Newry FC,",
        "fresh evidence",
        "I said, 'The lesson of history is clear,'",
    ]
    quote = quotes_of(nlp, text)[0]
    assert quote.kind == "direct" and quote.speaker == "Roy McCreadie"


def test_clause_after_said_that_is_direct(nlp):
    # BBC business/298: a whole clause after "said that" is reported speech of a clause.
    text = (
        "The SEC found similar problems. The watchdog's chief accountant Donald Nicolaisen said that "
        '"Fannie Mae\'s methodology of assessing, measuring and documenting hedge ineffectiveness was '
        'inadequate and was not supported".'
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.kind == "direct" and quote.speaker == "Donald Nicolaisen" and quote.cue == "said"


def test_a_fragment_after_said_that_is_partial(nlp):
    # PolNeAR training text (breitbart): the quotation's subject stands outside it.
    text = (
        "Speaking to supporters in South Carolina, Cruz said that there is \u201conly one strong "
        "conservative in a position to win this race.\u201d"
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.kind == "partial" and quote.speaker == "Cruz"


def test_a_naming_verb_attributes_a_fragment(nlp):
    # PolNeAR training text: "called" and "slammed ... as" attribute as surely as "said".
    text = (
        "Former Maryland Gov. Martin O\u2019Malley called Trump a \u201cfascist.\u201d Clinton slammed "
        "the proposal as \u201creprehensible, prejudiced and divisive.\u201d"
    )
    first, second = quotes_of(nlp, text)
    assert (first.kind, first.speaker, first.cue) == ("partial", "Martin O\u2019Malley", "called")
    assert (second.kind, second.speaker, second.cue) == ("partial", "Clinton", "slammed")


def test_according_to_names_the_source(nlp):
    text = '"We will not back down," according to Tim Osborne, a lawyer for the group.'
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker == "Tim Osborne" and quote.cue == "according"


def test_pronoun_goes_to_the_main_subject_not_a_name_in_the_quote_clause(nlp):
    # BBC politics/414: Michael Howard is named inside what "he added" governs.
    text = (
        "Meanwhile, Commons leader Peter Hain has warned that on the campaign trail he has seen "
        '"dangerous complacency" being displayed by Labour voters. If Labour voters "stayed at home" '
        "in marginal seats they could see Tory leader Michael Howard \"coming in the back door to "
        'Number 10, getting into power", he added.'
    )
    speakers = {q.text: q.speaker for q in quotes_of(nlp, text)}
    assert speakers["coming in the back door to Number 10, getting into power"] == "Peter Hain"


def test_party_state_tag_is_not_a_name(nlp):
    # PolNeAR training text (usa-today): the parser reads "(R-Texas)" as the subject's apposition.
    text = (
        "There could be a little more movement. Sen. John Cornyn (R-Texas) told a Politico reporter "
        "Monday evening that he \u201cwould be surprised if [Crenshaw] is the last one of the year.\u201d"
    )
    (quote,) = quotes_of(nlp, text)
    assert quote.speaker == "John Cornyn"


def test_a_spokesperson_speaks_not_the_principal(nlp):
    # BBC politics/012, tech (Dell) and politics (UKIP): the spokesperson is the speaker, named
    # after the principal the text gives; a later "he" is the spokesman too.
    text = (
        "Mr Blair's official spokesman said no-one present at the meeting would \"ever forget the "
        "strength of feeling of relief that the prime minister's statement brought to them\".\n\n"
        '"This machine is for small businesses and for people who want a second computer for basic '
        'home use, perhaps in a kids bedroom," a spokesman for Dell said.\n\n'
        "But a UKIP spokesman said Labour and the Conservatives had spent pounds 10m between them on "
        'the last general election. "With the advantages of public money the others have, the only '
        'way the smaller parties can get their message across is by buying the advertising space," '
        "he added."
    )
    found = [(q.speaker, q.speaker_type) for q in quotes_of(nlp, text)]
    assert found == [
        ("Blair's official spokesman", "SPOKESPERSON"),
        ("Dell spokesman", "SPOKESPERSON"),
        ("UKIP spokesman", "SPOKESPERSON"),
    ]


def test_markup_attribute_values_are_not_quotes():
    # PolNeAR training text (huff-post): an embedded tweet's markup left in the body.
    text = '<tweet pic="" author="mattyglesias" timestamp="1454346000">Rubio wants a "tax cut"</tweet>'
    assert [text[s.start : s.end] for s in quote_spans(text)] == ["tax cut"]


def test_a_verb_inside_a_name_is_no_cue(nlp):
    # BBC politics/200: "Says" in the campaign's name neither attributes "metric martyrs" nor
    # takes the subject from "said"; "by branding" takes its subject from the verb it hangs on.
    text = (
        "But Mr Herron - who gained fame as one of Sunderland's \"metric martyrs\" and is running his "
        "own No campaign alongside the official North East Says No campaign - said he was not "
        "convinced. On Wednesday, Mr Mallon provoked fury by branding the official No Campaign "
        '"two-bit Tories" in a confrontation outside its Durham headquarters.'
    )
    found = [(q.text, q.kind, q.speaker) for q in quotes_of(nlp, text)]
    assert found == [("metric martyrs", "scare", None), ("two-bit Tories", "partial", "Mallon")]


def test_a_verb_of_wanting_attributes_a_fragment(nlp):
    # BBC politics/333: "wants ... to "change the face"" gives the fragment to the MEP.
    text = (
        "Ex-chat show host Robert Kilroy-Silk is to contest the Derbyshire seat of Erewash at the next "
        "general election. Mr Kilroy-Silk announced his plans a day after launching his new party, "
        "Veritas, the Latin for truth. The East "
        'Midlands MEP, who quit the UK Independence Party, wants his new group to "change the face" '
        "of UK politics."
    )
    (quote,) = quotes_of(nlp, text)
    assert (quote.kind, quote.speaker) == ("partial", "Robert Kilroy-Silk")


def test_a_description_is_the_last_person_given_that_role(nlp):
    # BBC politics/126 and 154: "The French president told reporters" is Jacques Chirac, named
    # just before, not President Bush; "The mayor then says" is Ken Livingstone, not the
    # reporter Oliver Finegold who spoke last.
    from analysis.readers import read_file
    from tests.conftest import BBC

    for name, start, speaker in (
        ("126.txt", "Europe today has more than ever", "Jacques Chirac"),
        ("154.txt", "Ah right, well you might be", "Ken Livingstone"),
    ):
        (article, *_) = read_file(BBC / "politics" / name)
        quote = next(q for q in quotes_of(nlp, article.text) if q.text.startswith(start))
        assert quote.speaker == speaker


def test_a_title_of_a_work_is_nobodys_words(nlp):
    # PolNeAR training text (breitbart): the programme is a scare quote without a speaker.
    text = (
        "The Vermont senator declined to say whether it is appropriate for a sitting Supreme Court "
        "justice to openly criticize a White House contender. But he told ABC\u2019s \u201cGood Morning "
        "America\u201d that he agrees Trump is a \u201ctotal opportunist.\u201d"
    )
    found = [(q.text, q.kind, q.speaker) for q in quotes_of(nlp, text)]
    assert found[0] == ("Good Morning America", "scare", None)


def test_run_together_text_does_not_leak_into_the_speaker():
    from analysis.extract.quotes import _clean_speaker

    # HuffPost run-together paragraphs fuse a quotation's close with the next name.
    assert _clean_speaker('paranoia,"Clinton') == "Clinton"
    assert _clean_speaker("the authors of the \u201cGrowth and Opportunity Project") == (
        "the authors of the Growth and Opportunity Project"
    )


def bbc_article(path: str) -> str:
    from tests.conftest import BBC

    return (BBC / path).read_text(encoding="utf-8")


def test_one_of_a_group_named_in_apposition_is_the_person(nlp):
    # BBC sport/016: '"A decision is now expected by around mid-March," said one of their
    # lawyers, Michalis Dimitrakopoulos.' The lawyer is named; the group is no speaker.
    quotes = quotes_of(nlp, bbc_article("sport/016.txt"))
    quote = next(q for q in quotes if q.text.startswith("A decision is now expected"))
    assert quote.speaker == "Michalis Dimitrakopoulos"


def test_a_definite_description_after_the_verb_leaves_the_speaker_to_the_context(nlp):
    # BBC entertainment/036: '"Christmas is a special time of the year ...," added the two-time
    # Academy Award winner.' after "Hanks said that the new film has an "elegant message"".
    quotes = quotes_of(nlp, bbc_article("entertainment/036.txt"))
    quote = next(q for q in quotes if q.text.startswith("Christmas is a special time"))
    assert quote.speaker == "Hanks"


def test_a_quote_paragraph_goes_on_with_who_tells_not_whom_the_telling_reports(nlp):
    # BBC politics/008: 'And ex-Tory education secretary Gillian Shepherd remembered how one of
    # her male colleagues called all women "Betty". / "When I said, 'Look you know my name isn't
    # Betty', he said, ..."' is Shepherd's memory, not the colleague's words (the parser also
    # makes "ex" a second subject of "remembered").
    quotes = quotes_of(nlp, bbc_article("politics/008.txt"))
    quote = next(q for q in quotes if q.text.startswith("When I said"))
    assert quote.speaker == "Gillian Shepherd"
