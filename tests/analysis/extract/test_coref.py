"""Who "they", "he" and "she" are (analysis/extract/coref.py through the speaker search), on
PolNeAR training text of bench/coref_compare.py's tuning part (issue 16)."""

from __future__ import annotations

import pytest

from analysis.extract.actors import resolve_mentions
from analysis.extract.quotes import _Speakers, quote_cues
from analysis.nlp import parse


def referent(nlp, text: str, at: str, wanted: str) -> str | None:
    """Whom the speaker search gives for the pronoun that opens `at` in `text`."""
    doc = parse(nlp, [text])[0]
    speakers = _Speakers(doc, resolve_mentions(doc), quote_cues(doc).spans)
    found = speakers.previous_actor(text.index(at), wanted)
    return found[0] if found else None


@pytest.mark.parametrize(
    ("text", "at", "who"),
    [
        (
            # wash-post_2016-03-03_staffer-who-set-up-clinton-email: a plural description in a
            # sentence the selective parser leaves flat.
            "In a deal brokered by Kendall, the subpoena was withdrawn and Clinton testified "
            "voluntarily in 1998.\n\nFormer prosecutors said investigators were probably feeling the "
            "pressure of time because of the election. Take action before the election, they said, "
            "and you risk being perceived as trying to influence the result.",
            "they said",
            "Former prosecutors",
        ),
        (
            # usa-today_2015-12-14_on-the-islamic-state: two people joined by "and" (was the
            # Islamic State, the last body named).
            "More bombing.\n\nCruz and Trump have used the most aggressive language about the need "
            'for more intense bombing, with Cruz recently promising to "carpet bomb them into '
            "oblivion.\" Yet they've offered no specifics about targets or why their approach would "
            "be any more effective.",
            "they've",
            "Cruz",
        ),
        (
            # usa-today_2016-05-11_millennials-don-t-get-socialism: the subject of its own
            # sentence, before it (was "Orwellian", tagged a people).
            "Less and less does the idea of an intrusive Orwellian bureaucracy haunt young Americans. "
            "Sanders wants a vast expansion of the federal government, including government-run "
            "single-payer health insurance and free public higher education. Most Millennials favor "
            "a moderate to large role for government in health care, and they certainly don't mind "
            "the idea of free college.",
            "they certainly",
            "Most Millennials",
        ),
    ],
)
def test_they_is_the_plural_subject_just_before(nlp, text, at, who):
    # The people its sentence or the one before made the subject, not the body last named.
    assert referent(nlp, text, at, "they") == who



@pytest.mark.parametrize(
    ("text", "at", "wanted", "who"),
    [
        (
            # nyt_2016-03-23_why-sanders-lags-on-black-vote: in a sentence left flat, the subject
            # of its second clause (was J. J. Price, quoted before; Mrs. Clinton is no "he").
            "''The promise of Obamacare was to make it more affordable for everybody,'' said J. J. "
            "Price, a firefighter and union member in Roanoke, Va., who voted for Mr. Obama in 2008 "
            "but Mitt Romney in 2012.\n\nMrs. Clinton has been a dogged defender of the Affordable "
            "Care Act, while Mr. Sanders has dwelled on the program's not going far enough. He "
            "prefers a single-payer system akin to expanding Medicare for the entire population.",
            "He prefers",
            "m",
            "Sanders",
        ),
        (
            # politico_2016-07-02_sanders-california-s: a flat sentence's own "He" comes before
            # the name a later clause makes its subject (the later-clause rule alone gave Sanders).
            "Michael Seaman, who lives in an unincorporated area outside of the state capital, "
            "Sacramento, said he still \u201cprays that Bernie ends up the nominee at the "
            "convention.\u201d\n\nHe would like to see the Democratic platform represent some of the "
            "progressive ideas Sanders championed. Even then, he said, he\u2019s learned enough about "
            "Hillary Clinton that he\u2019s fairly sure he can\u2019t support her.",
            "he said",
            "m",
            "Michael Seaman",
        ),
    ],
)
def test_a_flat_sentences_later_clause_has_a_subject(nlp, text, at, wanted, who):
    assert referent(nlp, text, at, wanted) == who
