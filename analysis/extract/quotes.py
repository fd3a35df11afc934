"""Quotations: what kind they are, who said them and with which verb.

Spans come from the characters (`quote_spans`); kind and speaker come from the parse. An
article's spans and reporting verbs are its `QuoteCues`, found once per Doc and kept on it as
`doc._.quote_cues`: the parser's planning (`sentences_needing_parse`, which this module
registers as the parse plan `QUOTE_PARSE_PLAN`) reads them first, the speaker search after.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

import numpy
import spacy
from spacy.attrs import HEAD, IDX, LEMMA, POS, SENT_START, TAG
from spacy.parts_of_speech import VERB
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from analysis.extract.actors import Mention
from analysis.extract.coref import FINITE_TAGS, Salience, named_beside_subject, title_genders
from analysis.extract.cues import ACCORDING, INTENT_VERBS, NAMING_VERBS, REPORTING_VERBS
from analysis.extract.speaker_choice import SpeakerChooser, SpeakerModel
from analysis.extract.quote_spans import DOUBLE_MARK_TOKENS, SINGLE_MARKS, QuoteSpan, quote_spans
from analysis.nlp import doc_text


# A report is an inflected verb: "said", "says", "told", "saying". Bare forms are left out on
# purpose: "to continue", "would consider", "social workers tell people" are rarely reports, and
# on 400 BBC articles admitting them made 9 speakers worse for 6 better ("critics say"), all but
# after "went on to" (`_goes_on_to`).
BARE_FORMS = frozenset({"VB", "VBP"})
_REPORTING_IDS = frozenset(hash_string(verb) for verb in REPORTING_VERBS)
_BARE_IDS = frozenset(hash_string(tag) for tag in BARE_FORMS)
# "As Vulture put it, "..."", "as the LinkedIn chief executive, Jeff Weiner, put it in his memo":
# "put it" reports words as "said" does.
_PUT = hash_string("put")


def _find_reporting_verbs(doc: Doc) -> tuple[int, ...]:
    """Token indices of reporting verbs ("said", "argues", "told"; never an auxiliary, since
    none of them is one), found on the integer arrays: a Token object for every word of an
    article costs more than the whole speaker search."""
    features = doc.to_array([POS, TAG, LEMMA])
    verbs = numpy.flatnonzero(features[:, 0] == VERB)
    found = []
    for i, (tag, lemma) in zip(verbs.tolist(), features[verbs, 1:].tolist()):
        if tag not in _BARE_IDS:
            if (lemma in _REPORTING_IDS or _puts_it(doc, i, lemma)) and not in_a_name(doc, i):
                found.append(i)
        elif _puts_it(doc, i, lemma) and i > 0 and doc[i - 1].lower_ not in ("to", "would", "might", "could"):
            # "as Tom Ridge, a former secretary of homeland security, put it:": the tagger
            # often reads this past "put" as a bare form.
            found.append(i)
        elif lemma in _REPORTING_IDS and _goes_on_to(doc, i):
            found.append(i)
    return tuple(found)


def _goes_on_to(doc: Doc, i: int) -> bool:
    """A bare form after "went on to", "goes on to": "He went on to say Clinton's behavior is
    "very different ..."" (PolNeAR) reports as "he said" does."""
    return i >= 3 and doc[i - 1].lower_ == "to" and doc[i - 2].lower_ == "on" and doc[i - 3].lemma_ == "go"


def _puts_it(doc: Doc, i: int, lemma: int) -> bool:
    return lemma == _PUT and i + 1 < len(doc) and doc[i + 1].lower_ == "it"


def in_a_name(doc: Doc, i: int) -> bool:
    """A capitalised verb inside a run of capitalised words of an ordinary sentence is part of a
    name, not a report: "the official North East Says No campaign" (BBC politics/200). Headlines
    in title case ("Clinton Calls ISIS Violence 'Genocide'") are left alone."""
    token = doc[i]
    if not token.text[:1].isupper() or token.is_sent_start or i + 1 >= len(doc):
        return False
    before, after = doc[i - 1], doc[i + 1]
    if not (before.text[:1].isupper() and before.is_alpha and after.text[:1].isupper() and after.is_alpha):
        return False
    words = [t for t in token.sent if t.is_alpha]
    return sum(t.text[:1].islower() for t in words) * 2 > len(words)


@dataclass(frozen=True)
class QuoteCues:
    """An article's quotation spans and reporting verbs (token indices)."""

    spans: tuple[QuoteSpan, ...]
    reporting_verbs: tuple[int, ...]


if not Doc.has_extension("quote_cues"):
    Doc.set_extension("quote_cues", default=None)


def quote_cues(doc: Doc) -> QuoteCues:
    """The article's `QuoteCues`, found on first use and kept on the Doc (tags and lemmas are
    set before the parser's planning reads them, and do not change after)."""
    cues = doc._.quote_cues
    if cues is None:
        cues = doc._.quote_cues = QuoteCues(tuple(quote_spans(doc_text(doc))), _find_reporting_verbs(doc))
    return cues


QUOTE_PARSE_PLAN = "analysis.quote_parse_plan.v1"


def sentences_needing_parse(doc: Doc, sentence: numpy.ndarray) -> numpy.ndarray:
    """Which sentences the speaker search reads the parse of (see nlp.pipes.SelectiveParser),
    given each token's sentence number: those holding quotation words, and those with a
    reporting verb up to the sentence after the last quotation (a reporter named later speaks
    no quote)."""
    needed = numpy.zeros(int(sentence[-1]) + 1 if len(sentence) else 0, dtype=bool)
    cues = quote_cues(doc)
    if not cues.spans:
        return needed
    starts = doc.to_array(IDX)
    for span in cues.spans:
        first = max(0, int(numpy.searchsorted(starts, span.start, side="right")) - 1)
        last = max(first, int(numpy.searchsorted(starts, span.end, side="left")) - 1)
        needed[sentence[first] : sentence[last] + 1] = True
        # A clause ending on a colon before the quotation, maybe a paragraph before, presents
        # its subject as the speaker whatever its verb ("President Clinton released the
        # following statement:", `_Speakers.colon_intro`): its sentence is read too.
        j = _before_marks(doc, first - 1)
        if j >= 0 and doc[j].text == ":":
            needed[sentence[j]] = True
    reporting = sentence[numpy.asarray(cues.reporting_verbs, dtype=numpy.int64)]
    needed[reporting[reporting <= numpy.flatnonzero(needed)[-1] + 1]] = True
    return needed


@spacy.registry.misc(QUOTE_PARSE_PLAN)
def quote_parse_plan():
    """The parse plan of the selective parser: the sentences the speaker search reads."""
    return sentences_needing_parse


# Nouns that, as "the <noun>" in subject position, refer back to a person already named.
ROLE_NOUNS = frozenset(
    """
commander general president minister leader official chief mp
secretary chairman chairwoman chancellor premier ambassador envoy diplomat officer boss manager
coach director executive head star actor actress singer player striker captain founder governor
senator mayor judge prosecutor lawyer economist analyst businessman businesswoman veteran
mep candidate nominee frontrunner front-runner hopeful billionaire congressman congresswoman
lawmaker
""".split()
)
# People of a body or side, named by it ("Clinton aides", "a GOP strategist"): the speaker is
# the description, not the body.
MEMBER_NOUNS = frozenset(
    "aide adviser advisor strategist pollster operative staffer supporter delegate voter activist "
    "organizer lawmaker insider donor surrogate ally".split()
)
# Nouns for a person, in an apposition that tells a name the model tagged otherwise is a person.
PERSON_NOUNS = frozenset(
    "journalist reporter writer author columnist student teacher professor resident mother father "
    "wife husband son daughter owner worker employee researcher scientist doctor nurse pastor "
    "minister priest rabbi imam historian attorney consultant expert woman man".split()
)
_PERSON_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+((?:[\w-]+[ \t]+){0,3}[\w-]+)")
# Abbreviated titles as the role nouns a description uses ("Sen. Sanders ... the senator").
TITLE_ROLES = {"sen": "senator", "gov": "governor", "rep": "congressman", "representative": "congressman",
               "gen": "general", "pres": "president", "mep": "mep", "congresswoman": "congressman"}
_LESSER = frozenset({"deputy", "vice", "shadow", "assistant", "junior"})
MALE = frozenset({"mr", "sir", "lord", "king", "prince", "father", "baron"})
FEMALE = frozenset({"ms", "mrs", "miss", "lady", "dame", "queen", "princess", "baroness", "madam"})
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "him": "m", "her": "f"}
# Nouns that, as "the <noun>" in subject position, refer back to an organisation already named.
GROUP_NOUNS = frozenset(
    """
firm company group bank ministry department agency party association station council committee
union club band label studio distributor newspaper paper government authority board regulator
watchdog organisation organization commission institute society charity team broadcaster
""".split()
)
# A person described by age alone ("the 46-year-old").
_AGE_DESCRIPTION = re.compile(r"the \d+-year-old", re.IGNORECASE)
# Of them, the ones no country or people is: "the company said" is never Florida, named before.
ORG_ONLY_NOUNS = GROUP_NOUNS - {"ministry", "department", "government", "authority", "party"}

# Who speaks for someone else. A spokesperson is never the principal: "Mr Blair's official
# spokesman said" is said by the spokesman, so the speaker is the spokesperson, named after the
# principal the text gives ("Tony Blair's official spokesman", "Downing Street spokesman",
# "Dell spokesman" for "a spokesman for Dell"), or "spokesman" when the text gives none.
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople"})
_SPOKES = re.compile(r"\bspokes(?:wo)?(?:man|men|person|people)\b", re.IGNORECASE)
SPOKESPERSON = "SPOKESPERSON"  # the speaker_type of a spokesperson

# A name used as a person's (`_Speakers._used_as_people`): "X, who", "X said ... . He said",
# "said X. She added".
_WHO_AFTER = re.compile(r",\s+who\b")
_SAYS_AFTER = re.compile(r"\s+(?:said|says|told|added|wrote|asked)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|says|added|wrote)\s+$")
_HE_NEXT = re.compile(
    r"[^.!?\n]*[.!?][\"”’']?\s+(?:He|She)\s+(?:also\s+)?(?:said|says|added|told|noted|explained|continued)\b"
)
_POSSESSIVE = re.compile(r"\b(?:his|her|himself|herself)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_CLAUSE_STOP = re.compile(r"[.;!?\n\"“”]")
# Two or three capitalised words, as a person's name is written ("Glyn Davies").
_PERSON_NAME = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?(?: [A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?){1,2}")

# A US party-state tag after a name: "(D-N.Y.)", "(R-OH)", "(I-Vt.)", "(R-Texas)".
_PARTY_TAG = re.compile(r"[DRI]\s?-\s?[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?")

# Verbs whose passive subject is the one spoken to ("was asked", "was told"), not the speaker.
ADDRESSEE_VERBS = frozenset("ask tell question press urge inform advise remind thank congratulate".split())

# A message someone puts out speaks with its sender's words: 'Trump issued a statement saying
# that Scalia was "a remarkable person ..."', 'His office put out a statement saying the U.S.
# "does not have the capacity ..."' (PolNeAR). The noun must be
# one its sender writes, and the verb one of putting it out: "cited a report saying" or "read a
# letter saying" give someone else's words.
MESSAGE_NOUNS = frozenset(
    "statement release letter email e-mail message memo note tweet post text video ad advert "
    "advertisement op-ed".split()
)
SENDING_VERBS = frozenset("issue release put send blast post publish write pen circulate distribute air run".split())

# Quotations longer than this many words are direct speech whatever the parse says.
FRAGMENT_MAX_WORDS = 6
# A quotation is reported speech of its own only when the reporter's words in the clause it
# belongs to are at most this share of the clause's letters; above it, the quotation is a part of
# a paraphrase ('Kaine declared that "I strongly support" the state's right-to-work law'), a
# partial quotation. PolNeAR's annotators call an attribution direct from 0.8 quoted.
MIXED_SHARE = 0.2


@dataclass(frozen=True)
class Quote:
    """A quotation in an article with its kind, speaker and reporting verb."""

    start: int
    end: int
    text: str
    kind: str  # direct | partial | scare
    speaker: str | None
    cue: str | None
    speaker_type: str | None = None


# ----------------------------------------------------------------------------------------------
# kind and speaker


def _before_marks(doc: Doc, i: int) -> int:
    """The nearest token at or before `i` that is no quotation mark or space (-1 if none): what
    stands before a quotation's opening mark."""
    while i >= 0 and (doc[i].text in DOUBLE_MARK_TOKENS or doc[i].text in SINGLE_MARKS or doc[i].is_space):
        i -= 1
    return i


def _after_marks(doc: Doc, j: int, *, spaces: bool = False) -> int:
    """The first token at or after `j` that is no quotation mark (nor space, with `spaces`);
    len(doc) if none: what follows a quotation's closing mark."""
    while j < len(doc) and (
        doc[j].text in DOUBLE_MARK_TOKENS or doc[j].text in SINGLE_MARKS or (spaces and doc[j].is_space)
    ):
        j += 1
    return j


def _verb_above(mark: Token) -> Token | None:
    """The verb a punctuation mark hangs on, up to four steps up the parse and before the mark
    (the clause it ends: 'Rubio fired back forcefully:', 'Clinton shared a bit of her anxiety,')."""
    head = mark.head
    for _ in range(4):
        if head.pos_ == "VERB" and head.i < mark.i:
            return head
        if head.head.i == head.i:
            return None
        head = head.head
    return head if head.pos_ == "VERB" and head.i < mark.i else None


def _verb_ending_at(doc: Doc, i: int) -> Token | None:
    """The verb of the clause that ends at the mark at token `i`, climbed to from the word before
    it while the parse stays before the mark: the parser often hangs the clause on the
    quotation's verb ('Clinton has since apologized for what happened: "Yes, I should have used
    two email addresses ..."', "apologized" a ccomp of "used"), and the mark with it."""
    node, found = doc[i - 1], None
    for _ in range(6):
        if node.pos_ == "VERB":
            found = node
        if node.head.i == node.i or node.head.i >= i:
            break
        node = node.head
    return found


def _tokens_in(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _led_in(doc: Doc, span: Span, reporting: set[int]) -> bool:
    """The quotation starts where a reported clause does: right after "that", a reporting verb
    or its object ("told reporters "..."), or a comma after one ("said, "...")."""
    i = _before_marks(doc, span.start - 1)
    if i < 0:
        return False
    t = doc[i]
    if t.i in reporting:
        return True
    if t.lower_ == "that" and (t.dep_ == "mark" or any(j in reporting for j in range(max(0, i - 3), i))):
        return True
    if t.text == "," and i > 0 and i - 1 in reporting:
        return True
    return t.dep_ in ("dobj", "dative", "iobj") and t.head.i in reporting and t.head.i < t.i


def _is_clause(span: Span, text: str, led_in: bool = False) -> bool:
    """Reported speech of a clause or more, as opposed to a fragment."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words:
        return False
    has_verb = any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in words)
    # A subject of the quotation's own: its verb is quoted too ("the "government was spending"",
    # with the subject's article outside, is a fragment of the reporter's sentence).
    has_subject = any(
        t.dep_ in ("nsubj", "nsubjpass", "expl") and span.start <= t.head.i < span.end and t.left_edge.i >= span.start
        for t in words
    )
    before = text[: span.start_char].rstrip(" \t\"“”'‘’«»")
    if _noun_phrase_of_reporter(span):
        return False
    # A fragment woven into the reporter's sentence ("called it "a load of nonsense"") starts
    # in lower case after a word of that sentence, however long it is; a whole clause after
    # "said that" or "told reporters" is reported speech of a clause all the same.
    embedded = bool(before) and before[-1] not in ".!?:;\n" and not before.endswith("--")
    if embedded and words[0].text[:1].islower():
        return led_in and len(words) >= 4 and has_verb and has_subject
    if len(words) > FRAGMENT_MAX_WORDS:
        return True
    return len(words) >= 3 and has_verb and has_subject


# A possessive word ending the text before a quotation's opening mark, marks and spaces between.
_POSSESSIVE_BEFORE = re.compile(r"\b(\w+)['’]s?[ \t]*[\"“'‘]+[ \t]*$")
_IS_CONTRACTED = frozenset("it he she that there what who here where how let".split())


def _noun_phrase_of_reporter(span: Span) -> bool:
    """A quotation whose determiner, possessor or preposition is the reporter's word right
    before its opening mark: a noun phrase of the reporter's sentence, however long and
    whatever its case ('describes himself as a "Conservative pro life pro 2nd amendment American
    who wants to help ..."', 'portrayed simply as "Big Coal vs. virtuous wind and solar."',
    PolNeAR). Only the parse links the word to the quotation, and a preposition must hang on a
    word of the reporter's: in 'The narrator continues that, in "Donald Trump's America, working
    families get tax relief."' the quotation is a clause that "in" opens."""
    doc = span.doc
    i = _before_marks(doc, span.start - 1)
    if i < 0:
        return False
    t = doc[i]

    def inside(token: Token) -> bool:
        return span.start <= token.i < span.end

    if t.dep_ in ("det", "poss") and inside(t.head):
        return True
    # A possessive ("Trump's "Obama founded ISIS" flap", "his campaign's "Despite what people
    # want to say, it was our greatest fundraising night."") is the reporter's whatever the
    # parser makes of the quotation after it; "it's", "that's" are "is".
    possessor = _POSSESSIVE_BEFORE.search(doc_text(doc), max(0, span.start_char - 40), span.start_char)
    if possessor and possessor.group(1).lower() not in _IS_CONTRACTED:
        return True
    return t.dep_ == "prep" and not inside(t.head) and any(c.dep_ == "pobj" and inside(c) for c in t.children)


@dataclass
class _Reporter:
    """Someone the text has just presented as speaking: who, where, and which gender fits."""

    at: int
    name: str
    kind: str
    gender: str  # m, f or "" (unknown)


class _Speakers:
    """Finds the speaker of a quotation from the parse and the article's actor mentions.

    Pronouns and definite descriptions ("he", "the prime minister", "the firm") resolve first to
    the person or organisation the text most recently presented as speaking, which is how news
    writing uses them, and only then to the nearest fitting mention.
    """

    def __init__(self, doc: Doc, mentions: list[Mention], quote_spans_: list[QuoteSpan]):
        self.doc = doc
        self.text = doc_text(doc)
        self.holes = sorted((q.start, q.end) for q in quote_spans_)
        self.hole_starts = [s for s, _ in self.holes]
        self._plan = None  # the parse plan per sentence, found when first needed
        self._speaking_subjects: set[int] = set()  # where subjects of reporting verbs stand
        self._attributing_subjects: set[int] = set()  # of them, those of an attribution set aside
        self._subjects: dict[int, Token | None] = {}  # subject_of's answers by verb
        self._sentence_of = None
        outside = [m for m in mentions if m.actor and not self._inside_quote(m.start)]
        self._people_by_use = self._used_as_people(outside)
        # Names inside quotations are what speakers talk about, never who "he" is.
        self.mentions = sorted(
            (self._as_person(m) for m in outside),
            key=lambda m: m.start,
        )
        self.mention_starts = [m.start for m in self.mentions]
        self._add_untagged_surnames()
        self.genders = title_genders(self.mentions)
        self._salience: Salience | None = None
        self._add_spokespeople()
        # Heads as absolute token indices, and the reporting verbs, for climbing the parse on
        # integers: a quotation's every word is climbed from.
        self.heads = (doc.to_array(HEAD).astype(numpy.int64) + numpy.arange(len(doc))).tolist()
        reporting = quote_cues(doc).reporting_verbs
        self.reporting = set(reporting)
        self.reporters: list[_Reporter] = []
        self.reporter_starts: list[int] = []  # kept beside `reporters`, in text order, for bisect
        self._collect_reporters(reporting)

    def _add_untagged_surnames(self) -> None:
        """The surname of one person of the article standing alone where the model tagged
        nothing, as a proper noun of its own: "Trump blamed local officials on Twitter before the
        speech. "...," he wrote" (PolNeAR; the actor table keeps "Trump" apart because the
        article writes "Donald Trump" and "Donald J. Trump", and it tags "Trump Plaza" a person)
        must find Trump for "he". Surnames are compared by the person, not the written name."""
        # By the surname without accents, each person (full name without accents) and its
        # spelling: names that differ only by accents are one person's ("Francois Hollande" in
        # the headline, "François Hollande" in the text, PolNeAR), the accented one kept.
        owners: dict[str, dict[str, str]] = {}
        written: dict[str, set[str]] = {}
        for m in self.mentions:
            if m.actor_type == "PERSON" and m.actor and " " in m.actor.strip():
                surname = m.actor.split()[-1]
                spellings = owners.setdefault(_unaccented(surname), {})
                written.setdefault(_unaccented(surname), set()).add(surname)
                folded = _unaccented(m.actor)
                if folded not in spellings or not m.actor.isascii():
                    spellings[folded] = m.actor
        surnames = {
            name: next(iter(actors.values()))
            for key, actors in owners.items()
            if len(actors) == 1
            for name in written[key]
            if len(name) >= 3 and name.isalpha() and name[0].isupper()
        }
        if not surnames:
            return
        found = []
        for match in re.finditer(r"\b(?:" + "|".join(map(re.escape, surnames)) + r")\b", self.text):
            at = match.start()
            k = bisect_right(self.mention_starts, at) - 1
            if k >= 0 and max(m.end for m in self.mentions[max(0, k - 2) : k + 1]) > at or self._inside_quote(at):
                continue
            span = self.doc.char_span(at, match.end())
            # The tagger reads some surnames as common nouns ("Trump blamed": NN).
            if span is None or len(span) != 1 or span[0].tag_ not in ("NNP", "NN"):
                continue
            token = span[0]
            neighbours = [self.doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(self.doc)]
            if any(n.pos_ == "PROPN" and n.text[:1].isupper() for n in neighbours):
                continue  # part of a longer name ("Trump Tower")
            if token.i + 1 < len(self.doc) and self.doc[token.i + 1].pos_ == "NOUN":
                continue  # whom a noun is of ("Rubio spokesman Alex Conant", "Clinton aides")
            found.append(Mention(at, match.end(), match.group(), "PERSON", surnames[match.group()], "PERSON"))
        if found:
            self.mentions = sorted(self.mentions + found, key=lambda m: m.start)
            self.mention_starts = [m.start for m in self.mentions]

    def _inside_quote(self, pos: int) -> bool:
        k = bisect_right(self.hole_starts, pos) - 1
        return k >= 0 and self.holes[k][1] > pos

    def _as_person(self, m: Mention) -> Mention:
        """A name the model tagged as an organisation or place is a person where the article
        uses it as one (`_used_as_people`), or right after a role noun: "Conservative local
        government spokesman Glyn Davies" (ORG in BBC politics/101), whose "He added" must find
        him."""
        if m.actor_type not in ("ORG", "GPE", "LOC", "NORP"):
            return m
        if m.actor in self._people_by_use:
            return dataclasses.replace(m, actor_type="PERSON")
        if not _PERSON_NAME.fullmatch(m.text):
            return m
        before = re.search(r"([a-z]+)\s+$", self.text[max(0, m.start - 24) : m.start])
        # Or before an apposition that says what person it is: "Maryam Violet, an Iranian
        # journalist visiting Nice, told the Guardian" (ORG in PolNeAR), whose "she said" follows.
        if before is not None and before.group(1) in ROLE_NOUNS | SPOKES_NOUNS or self._person_apposition(m):
            return dataclasses.replace(m, actor_type="PERSON")
        return m

    def _used_as_people(self, mentions: list[Mention]) -> set[str]:
        """Actors the model typed as places or organisations that the article speaks of as
        people: a name followed by ", who", or that says something with "He said" (or "She
        added", ...) opening the next sentence ("..., Nefzi said. He said Mateen ...", GPE in
        PolNeAR's wash-post_2016-06-14 article; "Meanwhile Rihanna, who was honored ..."). Not
        any "he" or "she": "Shell said the pay-off was in line with Ms Boynton's contract. She
        was leaving ..." (BBC business/419)."""
        found = set()
        for k, m in enumerate(mentions):
            # A name as written, not one the alias table or an adjective led to ("Republican"
            # -> Republican Party, "French" -> France); a surname of a name written as a
            # person's is written so ("Chrabaszcz, who" for Witold Chrabaszcz).
            surname = bool(_PERSON_NAME.fullmatch(m.actor)) and m.actor.endswith(" " + m.text)
            if m.actor_type not in ("ORG", "GPE", "LOC") or m.label == "NORP" or m.actor != m.text and not surname:
                continue
            if not m.text[:1].isupper() or m.text.isupper():
                continue
            says = _SAYS_AFTER.match(self.text, m.end) or _SAID_BEFORE.search(self.text, max(0, m.start - 12), m.start)
            if _WHO_AFTER.match(self.text, m.end) or says and _HE_NEXT.match(self.text, m.end):
                found.add(m.actor)
            elif m.actor_type == "ORG" and _PERSON_NAME.fullmatch(m.actor) and not _THE_BEFORE.search(self.text, max(0, m.start - 5), m.start):
                # "Carly Fiorina threw her support behind Sen. Ted Cruz" (the model tags her an
                # organisation throughout, PolNeAR): "her" or "his" after a name written as a
                # person's, before any other name, is that person's. Not after "the", which no
                # person's name takes ("cheering for the Lewisburg Green Dragons, his son's high
                # school team"), nor a place ("Mexico will pay for his wall").
                nxt = min(mentions[k + 1].start if k + 1 < len(mentions) else len(self.text), m.end + 200)
                stop = _CLAUSE_STOP.search(self.text, m.end, nxt)
                if _POSSESSIVE.search(self.text, m.end, stop.start() if stop else nxt):
                    found.add(m.actor)
        return found

    def _person_apposition(self, m: Mention) -> bool:
        """A person noun in apposition after the name. Where the sentence is parsed the noun
        must be the parse's apposition: in "a town hall meeting in New Hampshire, a young woman
        asked Mrs. Clinton" (PolNeAR) the words after the comma are the next clause's subject."""
        after = _PERSON_APPOSITION.match(self.text, m.end)
        if after is None:
            return False
        words = set(after.group(1).split()) & (ROLE_NOUNS | MEMBER_NOUNS | PERSON_NOUNS)
        if not words:
            return False
        span = self.doc.char_span(after.start(1), after.end(1), alignment_mode="expand")
        if span is None or not len(span) or not self._planned(span.sent):
            return True
        return any(t.dep_ == "appos" for t in span if t.text in words)

    def _add_spokespeople(self) -> None:
        """Spokespeople as mentions of their own (actor type SPOKESPERSON), so that the subject
        "Mr Blair's official spokesman" and a later "he" or "the spokesman" are the spokesman,
        not Mr Blair, whose name the noun phrase holds."""
        found: list[Mention] = []
        for match in _SPOKES.finditer(self.text):
            if self._inside_quote(match.start()):
                continue
            span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is None or len(span) != 1:
                continue
            noun = span[0]
            # "spokesman Bob Wellington", "Rubio spokesman Alex Conant", "the spokesman, John
            # Smith,": a named spokesperson is that person.
            if noun.dep_ in ("compound", "appos") or any(
                c.dep_ == "appos" and (m := self.mention_at(c)) is not None and m.actor_type == "PERSON"
                for c in noun.children
            ):
                continue
            name, start = self._spokesperson_name(noun, found)
            end = noun.idx + len(noun.text)
            for child in noun.children:
                if child.dep_ == "prep" and child.i > noun.i and child.lower_ in ("for", "of", "at"):
                    end = max(end, child.right_edge.idx + len(child.right_edge.text))
            gender = "f" if "woman" in noun.lower_ else "m" if noun.lower_.endswith("man") else ""
            found.append(Mention(start, end, self.text[start:end], SPOKESPERSON, name, SPOKESPERSON))
            if gender:
                self.genders.setdefault(name, gender)
        if found:
            self.mentions = sorted(self.mentions + found, key=lambda m: m.start)
            self.mention_starts = [m.start for m in self.mentions]
            self._salience = None  # built without them, if a possessive pronoun needed it

    def _spokesperson_name(self, noun: Token, earlier: list[Mention]) -> tuple[str, int]:
        """The spokesperson's name from the principal the noun phrase gives, and where the
        phrase starts (after its determiner)."""
        word = noun.lower_ if noun.lower_ in SPOKES_NOUNS else noun.lemma_.lower()
        left = [c for c in noun.lefts if c.dep_ not in ("det", "predet", "punct")]
        start = left[0].left_edge.idx if left else noun.idx
        if left and left[0].left_edge.lower_ in ("the", "a", "an"):
            start = left[0].left_edge.nbor().idx
        possessor = next((c for c in left if c.dep_ == "poss"), None)
        if possessor is not None:
            principal = self._principal(possessor)
            if principal:
                mods = " ".join(c.text for c in left if c.i > possessor.i and c.dep_ in ("amod", "compound"))
                return f"{principal}'s {mods + ' ' if mods else ''}{word}", start
        modifiers = [c for c in left if c.dep_ in ("compound", "nmod", "amod", "npadvmod")]
        if modifiers:
            words = self._with_canonical_names(modifiers[0].left_edge.idx, noun.idx).strip()
            if words:
                return f"{words} {word}", start
        for child in noun.children:
            if child.dep_ == "prep" and child.i > noun.i and child.lower_ in ("for", "of", "at"):
                obj = next((o for o in child.children if o.dep_ == "pobj"), None)
                principal = self._principal(obj) if obj is not None else None
                if principal:
                    return f"{principal} {word}", start
        determiner = next((c.lower_ for c in noun.children if c.dep_ == "det"), None)
        if determiner in ("the", "this", "that") and earlier:
            # "the spokesman": the spokesperson the text has just presented.
            last = earlier[-1]
            if noun.idx - last.end < 1500:
                return last.actor or word, start
        return word, start

    def _principal(self, token: Token) -> str | None:
        """The canonical name of whom a spokesperson speaks for, from the possessor or object
        token: a named actor, a pronoun or description resolved, or a plain noun as written."""
        lo, hi = token.left_edge.idx, token.idx + len(token.text)
        m = self.mention_at(token) or self.mention_in(lo, hi)
        if m is not None and m.actor:
            if m.actor_type == "GPE":
                # A metonym keeps its written form: "Downing Street", not the United Kingdom.
                return re.sub(r"^(the|The)\s+|['’]s?$", "", m.text).strip() or m.actor
            return m.actor
        lower = token.lower_
        if lower in ("his", "her"):
            found = self.salience.resolve(token.idx, "m" if lower == "his" else "f")
            return found.actor if found is not None else None
        if token.pos_ == "NOUN" and token.lemma_.lower() in ROLE_NOUNS:
            found = self.role_holder(token.lemma_.lower(), lo) or self.salience.resolve(lo, "person")
            return found.actor if found is not None else None
        if token.pos_ in ("NOUN", "PROPN") and lower not in PRONOUNS:
            return self._with_canonical_names(lo, hi).strip() or None
        return None

    def _with_canonical_names(self, start: int, end: int) -> str:
        """The text between two offsets with person and organisation names in canonical form
        ("UKIP" -> "UK Independence Party"; places as written) and no leading article."""
        out, at = [], start
        lo, hi = bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end)
        for m in self.mentions[lo:hi]:
            if m.end > end or m.start < at or m.actor_type not in ("PERSON", "ORG", "NORP") or not m.actor:
                continue
            out += [self.text[at : m.start], m.actor]
            at = m.end
        out.append(self.text[at:end])
        words = re.sub(r"\s+", " ", "".join(out)).strip(" ,")
        return re.sub(r"^(the|a|an)\s+", "", words, flags=re.IGNORECASE)

    def _collect_reporters(self, reporting: list[int]) -> None:
        for i in reporting:
            token = self.doc[i]
            # "According to X, the prime minister said": X is a source, not the person the
            # sentence goes on to talk about.
            if self._inside_quote(token.idx) or token.lemma_ == ACCORDING:
                continue
            subject = self.subject_of(token)
            if subject is None or self._inside_quote(subject.idx):
                continue
            self._speaking_subjects.add(subject.idx)
            if token.dep_ == "parataxis":
                # An attribution set in the sentence as an aside: "Trump, Sexton said, has created
                # a ... zone" presents Sexton speaking, whoever the main clause is about. Not any
                # subject of a reporting verb: in "When Maddow pointed out that ..., Clinton seized
                # upon the reference" the next "she said" is Clinton (PolNeAR), and a participle's
                # subject is often the parser's guess ("Mr Campbell then e-mailed Mr McFadyen
                # pointing out the mistake", BBC politics/009).
                self._attributing_subjects.add(subject.idx)
            name, kind = self.speaker_from_subject(subject)
            if name and kind in ("PERSON", "ORG", "GPE", "NORP", SPOKESPERSON):
                self.reporters.append(_Reporter(token.idx, name, kind, self.genders.get(name, "")))
                self.reporter_starts.append(token.idx)

    def recent_reporter(self, before: int, wanted: str) -> _Reporter | None:
        """The latest speaker presented before `before` that `wanted` (m, f, person, group, or
        org for an organisation only) fits."""
        for r in reversed(self.reporters[: bisect_left(self.reporter_starts, before)]):
            if wanted in ("m", "f", "person"):
                gender = self.genders.get(r.name, r.gender)
                if r.kind in ("PERSON", SPOKESPERSON) and not (
                    wanted == "m" and gender == "f" or wanted == "f" and gender == "m"
                ):
                    return r
            elif r.kind == "ORG" or wanted in ("group", "it") and r.kind in ("GPE", "NORP"):
                return r
        return None

    def mention_in(self, start: int, end: int) -> Mention | None:
        lo, hi = bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end)
        inside = [m for m in self.mentions[lo:hi] if m.end <= end]
        people = [m for m in inside if m.actor_type == "PERSON"]
        return (people or inside or [None])[0]

    def mention_at(self, token: Token) -> Mention | None:
        """The actor mention that covers a token, if any."""
        k = bisect_right(self.mention_starts, token.idx) - 1
        # Mentions may nest ("the U.S. Agriculture Department" holds "U.S."): look back a little.
        for m in self.mentions[max(0, k - 2) : k + 1][::-1]:
            if m.start <= token.idx < m.end:
                return m
        return None

    def turn_speaker(self, span: Span) -> tuple[str | None, str | None]:
        """A name alone before a colon, opening its sentence, gives the quotation after it to
        that person, as a transcript's turn does: 'Clinton: "Our goal is not to deter or contain
        ISIS ..." Bush: "The mission is to destroy ISIS ..."' (PolNeAR usa-today_2015-12-01)."""
        doc = self.doc
        i = _before_marks(doc, span.start - 1)
        if i < 1 or doc[i].text != ":":
            return None, None
        m = self.mention_at(doc[i - 1])
        if m is None or m.end != doc[i - 1].idx + len(doc[i - 1]):
            return None, None
        name = doc.char_span(m.start, m.end, alignment_mode="expand")
        if name is None or m.actor_type not in ("PERSON", SPOKESPERSON, "ORG"):
            return None, None
        before = doc[name.start - 1] if name.start else None
        if before is not None and not (
            name[0].is_sent_start or before.text in (".", "!", "?") or before.is_space or self._dash_before(name)
        ):
            return None, None
        return m.actor, m.actor_type

    def _dash_before(self, name: Span) -> bool:
        """A dash set off by spaces before a name, as a digest gives each item's source: "RED
        STATES OUTNUMBER BLUE STATES FOR THE FIRST TIME - Jeffrey M. Jones: "Gallup's analysis
        ..."" (PolNeAR's HuffPollster)."""
        before = self.text[max(0, name.start_char - 3) : name.start_char]
        return bool(re.fullmatch(r".?\s[-–—]\s", before))

    def headline_speaker(self, start: int) -> tuple[str | None, str | None]:
        """The speaker a headline names before a colon: "Ted Cruz: 'Physically Assaulting A
        Reporter Is A Fireable Offense.'", "Gillibrand on Hillary Releasing Her Goldman Sachs
        Speech Transcripts: 'I Think She Will.'" (PolNeAR), the first person or organisation
        named there; a headline has no verb to say it ("The Latest: Trump delivers defense of
        'New York values.'" names nobody before its colon)."""
        line_end = self.text.find("\n")
        colon = self.text.rfind(":", 0, start)
        if colon < 0 or line_end < 0 or start > line_end:
            return None, None
        if any(c in self.text[:colon] for c in "\"“”‘’"):
            return None, None
        first = next((m for m in self.mentions if m.start < colon), None)
        if first is None or first.end > colon or first.actor_type not in ("PERSON", SPOKESPERSON, "ORG"):
            return None, None
        return first.actor, first.actor_type

    def _planned(self, sent: Span) -> bool:
        """Whether the parse plan parses this sentence (the selective parser parses exactly
        those; under a full parse, the others are read as if flat, so both give the same)."""
        return bool(len(sent)) and self.planned_at(sent.start)

    @property
    def sentence_of(self) -> numpy.ndarray:
        """Each token's sentence, by number (found when first needed)."""
        if self._sentence_of is None:
            starts = self.doc.to_array(SENT_START) == 1
            if len(starts):
                starts[0] = True
            self._sentence_of = numpy.cumsum(starts) - 1
        return self._sentence_of

    def planned_at(self, i: int) -> bool:
        """`_planned` of the sentence of the token at i, without finding that sentence
        (`Token.sent` scans the Doc's sentences from the start)."""
        if self._plan is None:
            self._plan = sentences_needing_parse(self.doc, self.sentence_of)
        return bool(self._plan[self.sentence_of[i]])

    @property
    def salience(self) -> Salience:
        if self._salience is None:
            people = [m for m in self.mentions if m.actor_type in ("PERSON", SPOKESPERSON)]
            self._salience = Salience(
                self.doc,
                people,
                self.genders,
                role_nouns=ROLE_NOUNS,
                people_nouns=MEMBER_NOUNS | PERSON_NOUNS | GROUP_NOUNS | {"people", "man", "woman", "child"},
                inside_quote=self._inside_quote,
                parsed=self._planned,
                said_by=self._speaking_subjects.__contains__,
                attributed_by=self._attributing_subjects.__contains__,
            )
        return self._salience

    def _roles(self, m: Mention) -> set[str]:
        """The role nouns the text gives a person at a mention: its title ("Sen." -> senator),
        the word just before it ("Republican presidential candidate Donald Trump") and an
        apposition after it ("Bernie Sanders, the Vermont senator,")."""
        roles = set()
        title = (m.title or "").lower().rstrip(".").split()
        if set(title) & _LESSER or re.search(r"\b(?:deputy|vice|shadow|assistant|junior)\b[\w .-]{0,30}$", self.text[max(0, m.start - 40) : m.start], re.IGNORECASE):
            # A deputy prime minister is not "the prime minister" (BBC politics/218).
            return set()
        if title:
            roles.add(title[-1])
        before = re.search(r"([\w-]+)\.? $", self.text[max(0, m.start - 30) : m.start])
        if before:
            roles.add(before.group(1).lower())
        # The comma is needed: in "According to Mr Peston the prime minister said" (BBC
        # politics/218) the words after the name are the next subject.
        after = re.match(r", (?:the|a|an) ([^,.;()]{0,50}?)(?:,|\.|;| who)", self.text[m.end : m.end + 80])
        if after:
            roles.update(w.lower() for w in after.group(1).split())
        return {TITLE_ROLES.get(r, r) for r in roles} & ROLE_NOUNS

    def role_holder(self, role: str, before: int) -> Mention | None:
        """The person most recently named among those the text has called by this role before
        `before`: "the senator" is the last-named senator, not the last-named person (but see
        below)."""
        earlier = [m for m in self.mentions[: bisect_left(self.mention_starts, before)] if m.actor_type == "PERSON"]
        holders = {m.actor for m in earlier if m.actor and role in self._roles(m)}
        # The subject of the description's own sentence, as for "he", when the text has given
        # it no other role: 'Cruz defends his outsider bona fides in a commercial ...: "...,"
        # the senator says' (PolNeAR) is Cruz, though only John McCain had the title before.
        salient = self.salience.resolve(before, "person") if holders else None
        span = salient and self.doc.char_span(salient.start, salient.end, alignment_mode="expand")
        if (
            span
            and span[0].sent.start_char <= before < span[0].sent.end_char
            and (salient.actor in holders or not any(self._roles(m) for m in earlier if m.actor == salient.actor))
        ):
            return salient
        return next((m for m in reversed(earlier) if m.actor in holders), None)

    def previous_actor(self, before: int, wanted: str, *, speaking: bool = False) -> tuple[str, str] | None:
        """Who a pronoun or a definite description standing at `before` refers to; `wanted` is
        "m", "f", "person", "org", "group" (a description of a body), "it" or "they"; `speaking`
        for the subject of a reporting verb (`Salience.resolve`)."""
        if wanted in ("m", "f", "person"):
            found = self.salience.resolve(before, wanted, speaking=speaking)
            if found is not None:
                return found.actor, found.actor_type
        if wanted == "they":
            # The people the text has just made the subject, before any body last heard from:
            # "Cruz and Trump have used the most aggressive language ... Yet they've offered
            # no specifics" (PolNeAR) was the Islamic State.
            subject = self.salience.plural_subject(before)
            found = self._group_named(subject) if subject is not None else (None, None)
            if found[0]:
                return found
            wanted = "it"
        reporter = self.recent_reporter(before, wanted)
        if reporter:
            return reporter.name, reporter.kind
        kinds = (
            ("PERSON", SPOKESPERSON)
            if wanted in ("m", "f", "person")
            else ("ORG",)
            if wanted == "org"
            # "It" or "they" that speaks is a place only when the place was presented speaking
            # (a reporter, above): the last place named is seldom it ('"...," it added' after
            # "a 2012 confrontation in Sanford, Florida" is the website, PolNeAR usa-today_2016-05-13).
            else ("ORG", "NORP")
            if wanted == "it"
            else ("ORG", "GPE", "NORP")
        )
        for m in reversed(self.mentions[: bisect_left(self.mention_starts, before)]):
            if m.actor_type not in kinds:
                continue
            title = (m.title or "").lower().rstrip(".")
            if wanted == "m" and title in FEMALE or wanted == "f" and title in MALE:
                continue
            return m.actor, m.actor_type
        return None

    def _group_named(self, subject: Token) -> tuple[str | None, str | None]:
        """Who a plural subject is: as any subject where its sentence is parsed; in a flat one
        (no subtree to read) the actor it names, else its words ("Former prosecutors")."""
        if self._planned(subject.sent):
            return self.speaker_from_subject(subject)
        named = self.mention_at(subject)
        if named is not None:
            return named.actor, named.actor_type
        first = subject
        while first.i > first.sent.start and self.doc[first.i - 1].pos_ in ("ADJ", "NOUN", "PROPN", "NUM"):
            first = self.doc[first.i - 1]
        return self.text[first.idx : subject.idx + len(subject)], "NOMINAL"

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a verb (found once per verb: the speaker search asks more than once)."""
        if verb.i not in self._subjects:
            self._subjects[verb.i] = self._find_subject(verb)
        return self._subjects[verb.i]

    def _find_subject(self, verb: Token) -> Token | None:
        found = self._climb_to_subject(verb)
        if verb.i in self.reporting and (
            found is None or self._inside_quote(found.idx) and not self._inside_quote(verb.idx)
        ):
            # No subject, or one inside the quotation before the verb ("''That was a good speech
            # you gave last night, Mr. President,'' Representative Steve Cohen, Democrat of
            # Tennessee, told Mr. Obama", the parser making the speaker an apposition of "Mr.
            # President"): the name set off before the verb speaks.
            found = self._name_before(verb) or self._described_after(verb) or found
        elif found is not None and verb.i in self.reporting:
            m = self.mention_at(found)
            if m is not None and m.actor_type in ("GPE", "LOC") and found.i < verb.i:
                # A place the parser took for the subject ("in Berea, OH, after winning Ohio
                # ..., Gov. John Kasich (R-OH), said"), with a person named after it, before the
                # verb: the person speaks.
                person = self._name_before(verb)
                if person is not None and person.i > found.i:
                    named = self.mention_at(person)
                    if named is not None and named.actor_type in ("PERSON", SPOKESPERSON):
                        found = person
        return found

    # What may stand between a name and its reporting verb when the parser linked the two in no
    # way: an apposition or a party-state tag set off by commas or brackets ("Col. Steven H.
    # Warren, a military spokesman in Baghdad, said", "Sen. Richard J. Durbin (D-Ill.), noting
    # the size of Sanders's following, said").
    _SET_OFF = re.compile(
        r"\s*(?:[,(][^\"“”!?;:]*,)?\s*"
        # or the comma closing an apposition the name is ("her senior policy adviser, Jake
        # Sullivan, said:", "the presumptive GOP presidential nominee, Donald Trump, tweeted")
        r"|,\s*"
        # or a day: "who Beck on Wednesday called "a horrible, despicable human being""
        r"|\s+(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
        r"|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.\s\d{1,2}|(?:March|April|May|June|July)\s\d{1,2})\s+"
    )

    def _name_before(self, verb: Token) -> Token | None:
        """The person or organisation named before a reporting verb the parser gave no subject
        (it hung the name on an opening phrase, "on Dec. 2, Col. Steven H. Warren, ..., said",
        or made the verb a parataxis of a participle, "Durbin (D-Ill.), noting ..., said"): the
        nearest name in the sentence before the verb that only an apposition or a tag set off
        by commas or brackets parts from it, and that is no object or possessor of a word."""
        sent_start = verb.sent.start_char
        k = bisect_left(self.mention_starts, verb.idx) - 1
        while k >= 0 and self.mentions[k].start >= sent_start:
            m = self.mentions[k]
            k -= 1
            if m.end > verb.idx or m.actor_type not in ("PERSON", SPOKESPERSON, "ORG") or self._inside_quote(m.start):
                continue
            if not self._SET_OFF.fullmatch(self.text, m.end, verb.idx):
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            if root.dep_ in ("pobj", "dobj", "poss", "iobj", "dative", "compound"):
                continue
            between = self.doc[span.end : verb.i]
            if any(t.i in self.reporting and t.tag_ != "VBG" for t in between):
                return None  # another report between: that one is the name's
            if any(t.tag_ in FINITE_TAGS or t.text in SINGLE_MARKS and t.whitespace_ for t in between):
                # A clause of its own between them ("Mr. Slinker, whose latest start-up,
                # Paradata, uses big data ..., said"), or a quotation: no apposition.
                continue
            return root
        return None

    def _climb_to_subject(self, verb: Token) -> Token | None:
        if verb.lemma_ == ACCORDING:
            # "according to the campaign": the source is the object of "to".
            return next(
                (o for c in verb.children if c.lower_ == "to" for o in c.children if o.dep_ == "pobj"), None
            )
        current: Token | None = verb
        for _ in range(4):
            if current is None:
                return None
            subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
            if current.lemma_ in ADDRESSEE_VERBS and any(c.dep_ == "nsubjpass" for c in subjects):
                # "Sanders was asked by host Bill Maher, "..."": the passive's subject is who was
                # asked; the asker is the agent, or nobody named.
                agents = (o for c in current.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj")
                return next(agents, None)
            if subjects:
                # Two subjects where the parser read the end of a quotation as one
                # ('"... anymore: Michigan, Pennsylvania, Ohio," Mr. Trump said'): the one
                # outside the quotation speaks.
                outside = [c for c in subjects if not self._inside_quote(c.idx)] or subjects
                # Two outside it where the parser split a name's words ("And ex-Tory education
                # secretary Gillian Shepherd remembered", "ex" and "Shepherd" both subjects, BBC
                # politics/008): the one naming someone.
                return next((c for c in outside if self.mention_at(c) is not None), outside[0])
            if current is verb and verb.lemma_ != ACCORDING:
                named_as = self._object_of_as(verb)
                if named_as is not None:
                    return named_as
                beside = self._person_beside(verb)
                if beside is not None:
                    return beside
            for child in current.lefts:
                # "Graham Robb, spokesman for North East Says No, said": the parser hung the
                # subject on the verb inside the name.
                if child.pos_ == "VERB" and in_a_name(self.doc, child.i):
                    found = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if found is not None:
                        return found
            head = current.head
            if head is current:
                return None
            comma = self.doc[current.i - 1] if current.i else None
            if (
                current is verb
                and verb.tag_ == "VBG"
                and head.i > verb.i
                and self._inside_quote(head.idx)
                and comma is not None
                and comma.text == ","
                and comma.head.pos_ in ("VERB", "AUX")
                and comma.head.i < comma.i
            ):
                # A participle the parser hung on the quotation's words after its comma ("Band
                # member Flea shared the news on social media last week, writing "Feels great to
                # support someone ..."", "writing" the subject of "Feels", PolNeAR): the clause
                # the comma closes is the one it goes with.
                current = comma.head
            elif (
                current.dep_ == "advcl"
                and current.tag_ == "VBG"
                and head.dep_ == "ccomp"
                and head.head.i in self.reporting
                # A verb of the quotation's own words is nobody's report: "Weaver didn't seem
                # particularly impressed ..., telling reporters, "A lot of people said ..."", the
                # parser making "seem" a ccomp of the quoted "said" (PolNeAR).
                and not self._inside_quote(head.head.idx)
            ):
                # 'He said Mr Blair had spoken with "such sincerity", adding: "..."': the parser
                # hung "adding" on the reported clause; the one adding is the one who said it.
                current = head.head
            elif (
                current.dep_ == "conj"
                and current.i in self.reporting
                and head.dep_ == "ccomp"
                and head.head.i in self.reporting
                and not self._inside_quote(head.head.idx)
            ):
                # "Pence said in politics it takes time to develop those relationships but
                # added, "..."" (PolNeAR): the parser joined "added" to the reported clause's
                # verb, whose subject ("it") is not who adds; the one who said it is.
                current = head.head
            elif current.dep_ in ("conj", "xcomp", "advcl") or (
                current.dep_ == "dep" and current.pos_ == "VERB" and head.pos_ == "VERB" and head.i < current.i
            ):
                # A verb joined by "and" or "but" shares the first verb's subject; so does one the
                # parser left as an unlabelled dependent of the verb before it ("Trump gestured
                # as if to stop the ruckus, then leaned in and boomed: "..."", "leaned" a dep).
                joined = current
                current = head
                if joined.dep_ == "conj" and joined.pos_ == "VERB" and head.pos_ not in ("VERB", "AUX"):
                    # A verb the parser joined to a word of the clause before, not to its verb
                    # ('by mentioning the need for a wall ... and adding, "..."', "and" on "wall";
                    # 'He called it "shameful" and called on leaders "..."', on "shameful"):
                    # that clause's verb is the one it goes with.
                    up = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                    if up is not None and up.i < joined.i:
                        current = up
            elif current.dep_ in ("acl", "relcl") and self._sent_message(head):
                # "issued a statement saying", "released a video that said": the sender speaks.
                current = head.head
            elif (
                current.dep_ == "acl"
                and current.tag_ == "VBG"
                and head.dep_ in ("dobj", "dative")
                and head.head.i in self.reporting
            ):
                # "The Vermont senator emailed supporters saying: ..." (PolNeAR): the parser hung
                # the participle on those addressed; who reports to them is who says it.
                current = head.head
            elif current.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
                # "Mr Mallon provoked fury by branding the campaign "two-bit Tories"": the
                # gerund's subject is the governing verb's.
                current = head.head
            elif current.dep_ == "ccomp" and head.i in self.reporting and head.i < current.i:
                # "The WLGA had said on the eve of the announcement said that ...": a doubled verb.
                current = head
            else:
                return None
        return None

    @staticmethod
    def _object_of_as(verb: Token) -> Token | None:
        """The subject the parser hung on the "as" opening the verb's clause, as if on a
        preposition: in "As Akhil Amar, professor of constitutional law at Yale ..., put it,
        ''Senate Republicans should remember ...''" (PolNeAR) Amar is the object of "As" and
        "put" has no subject of its own."""
        opening = next((c for c in verb.children if c.lower_ == "as" and c.i < verb.i), None)
        if opening is None or opening.dep_ not in ("mark", "prep"):
            return None
        return next((o for o in opening.children if o.dep_ == "pobj"), None)

    @staticmethod
    def _sent_message(noun: Token) -> bool:
        """A message its sender put out: the object of a verb of sending ("issued a
        statement", "put out a statement", "sent out a press release")."""
        return (
            noun.pos_ == "NOUN"
            and noun.lemma_.lower() in MESSAGE_NOUNS
            and noun.dep_ == "dobj"
            and noun.head.pos_ == "VERB"
            and noun.head.lemma_.lower() in SENDING_VERBS
        )

    def _person_beside(self, verb: Token) -> Token | None:
        """A person named right after a reporting verb that follows a quotation's closing mark,
        when the parser gave the verb no subject: it reads the post-posed subject as something
        else ("''Is Donald Trump running ...?'' asked Mr. Manafort", where Manafort is the
        object; "''...,'' said Robert Reich, who served ...", whose relative clause took him)."""
        doc = self.doc
        if verb.i not in self.reporting or verb.i < 1 or verb.i + 1 >= len(doc):
            return None
        if doc[verb.i - 1].text not in DOUBLE_MARK_TOKENS | SINGLE_MARKS:
            return self._name_after_close(verb)
        # '"...," said retired neurosurgeon Ben Carson, asked about ...': the role words before
        # the name are no part of it, nor is a title with its full stop ("asked Mr. Manafort").
        for j in range(verb.i + 1, min(len(doc), verb.i + 5)):
            m = self.mention_at(doc[j])
            if m is not None:
                return doc[j] if m.actor_type in ("PERSON", SPOKESPERSON) else None
            if doc[j].dep_ not in ("amod", "compound", "nmod") or not doc[j].text.removesuffix(".").isalpha():
                return None
        return None

    def _described_after(self, verb: Token) -> Token | None:
        """The noun phrase after a reporting verb that follows a quotation's closing mark, where
        the parser found the verb no subject outside the quotation: it reads the post-posed
        subject as the verb's object ('"... #Cologne," tweeted a German user from Hanover going
        by the handle Pulvermann', PolNeAR, "Cologne" the subject). A finite verb only: after a
        participle the noun is its object ('"...," citing an instance in which ...')."""
        doc = self.doc
        if verb.tag_ not in FINITE_TAGS or verb.i < 1 or verb.i + 1 >= len(doc):
            return None
        if doc[verb.i - 1].text not in DOUBLE_MARK_TOKENS | SINGLE_MARKS:
            return None
        objects = ("dobj", "attr", "npadvmod", "dative")
        noun = next(
            (c for c in verb.rights if c.left_edge.i == verb.i + 1 and c.pos_ == "NOUN" and c.dep_ in objects),
            None,
        )
        if noun is None or doc[verb.i + 1].lower_ not in ("the", "this", "that"):
            return noun
        # A definite description refers back to someone named ('"...," added the two-time Academy
        # Award winner', BBC entertainment/036, is Hanks, whom the quotation's context gives): it
        # speaks here only where it names someone or is one of the role or group nouns the
        # speaker search resolves ("the senator", "the firm").
        lo, hi = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge)
        known = noun.lemma_.lower() in ROLE_NOUNS | GROUP_NOUNS | SPOKES_NOUNS
        return noun if known or self.mention_in(lo, hi) is not None else None

    def _name_after_close(self, verb: Token) -> Token | None:
        """A name standing right after a quotation's closing mark and before the reporting verb,
        when the parser gave the verb no subject: it hung the name on the quotation's words
        ('"We were tremendously wrong ...," Ramos, 58, told AFP', where "Ramos" is an npadvmod of
        "were" and "told" a conj of it) or made it a compound of a verb it tagged a participle
        ('"Go back to Univision," Trump barked'). Between the name and the verb only an
        apposition set off by commas ("Ramos, 58,")."""
        doc = self.doc
        sent_start = verb.sent.start
        j = verb.i - 1
        while j > sent_start and verb.i - j <= 12 and doc[j].text not in DOUBLE_MARK_TOKENS | SINGLE_MARKS:
            j -= 1
        if j <= sent_start or doc[j].text not in DOUBLE_MARK_TOKENS | SINGLE_MARKS or not self._inside_quote(doc[j].idx - 1):
            return None
        if j + 1 >= verb.i:
            return None
        m = self.mention_at(doc[j + 1])
        if m is None or m.start != doc[j + 1].idx or m.actor_type not in ("PERSON", SPOKESPERSON, "ORG"):
            return None
        name_end = doc.char_span(m.start, m.end, alignment_mode="expand")
        if name_end is None:
            return None
        between = doc[name_end.end : verb.i]
        if len(between) and not (between[0].text == "," and between[-1].text == ","):
            return None
        if any(t.text in DOUBLE_MARK_TOKENS | SINGLE_MARKS or t.i in self.reporting for t in between):
            return None
        return name_end[-1]

    def speaker_from_subject(self, subject: Token) -> tuple[str | None, str | None]:
        tagged = self._tagged_name(subject)
        if tagged is not None:
            return tagged.actor, tagged.actor_type
        lower = subject.lower_
        if lower in PRONOUNS:
            wanted = {"m": "m", "f": "f", "p": "they"}.get(PRONOUNS[lower], "it")
            found = self.previous_actor(subject.idx, wanted, speaking=subject.head.i in self.reporting)
            return found if found else (None, None)
        if lower in ("who", "which", "that") and subject.head.dep_ == "relcl":
            subject = subject.head.head
            sender = self.subject_of(subject.head) if self._sent_message(subject) else None
            if sender is not None and not self._inside_quote(sender.idx):
                # "Trump released a marketing video that said, "..."": the sender.
                return self.speaker_from_subject(sender)
            if subject.dep_ == "appos" and subject.pos_ == "NOUN":
                # "Geoffrey Garin, a Democratic pollster who advised ...": the relative clause
                # describes the person the apposition describes, who is named.
                named = self.mention_at(subject.head)
                if named is not None and named.actor_type in ("PERSON", SPOKESPERSON):
                    return named.actor, named.actor_type
        # The subtree's first and last tokens (spaCy keeps them on every token).
        left = subject.left_edge.idx
        right = subject.right_edge.idx + len(subject.right_edge)
        # Relative clauses after the head may name other people ("X, who met Y, said").
        for child in subject.children:
            if child.dep_ in ("relcl", "acl") and child.i > subject.i:
                right = min(right, child.left_edge.idx)
        right = max(right, subject.idx + len(subject.text))
        for child in subject.children:
            # "The Shadow Secretary ..., Theresa May, said": the name in apposition speaks,
            # even when the model did not tag it.
            if (
                child.dep_ == "appos"
                and child.pos_ == "PROPN"
                and not self.mention_at(child)
                and self._party_tag_at(child) is None
            ):
                name = [
                    t
                    for t in child.subtree
                    if t.dep_ in ("compound", "appos") and t.i <= child.i and t.text[:1].isupper()
                ]
                if len(name) >= 2:
                    return " ".join(t.text for t in name), "PERSON"
        lemma = (subject.lemma_ or subject.lower_).lower()
        determiner = next((c.lower_ for c in subject.children if c.dep_ in ("det", "poss")), None)
        named = self.mention_at(subject)
        if named is not None and not self._describes_member(subject, named, lemma, determiner):
            return named.actor, named.actor_type  # "the Department for Transport said"
        beside = next(
            (m for c in subject.head.children if named_beside_subject(c) and (m := self.mention_at(c))), None
        )
        if beside is not None and beside.actor_type == "PERSON":
            return beside.actor, beside.actor_type  # "one of the Guildford Four, Gerry Conlon, said"
        appos = next(
            (self.mention_at(c) for c in subject.children if c.dep_ == "appos" and self.mention_at(c)), None
        )
        group = _partitive_group(subject)
        if group is not None:
            # "said one of those advisers, who spoke on the condition of anonymity" (PolNeAR):
            # one of a group speaks, not anyone the group's words name ("one of Clinton's aides");
            # unless the one is named in apposition ("said one of their lawyers, Michalis
            # Dimitrakopoulos", BBC sport/016).
            named = (self.mention_at(t) for t in group.subtree if t.dep_ == "appos")
            person = next((m for m in named if m is not None and m.actor_type == "PERSON"), None)
            if person is not None:
                return person.actor, person.actor_type
            return self.text[left : group.idx + len(group)], "NOMINAL"
        m = appos or self.mention_in(left, right)
        # A person named only as whom the speaker works for or backs ("a senior Cruz adviser",
        # "one Clinton aide") is not the speaker; one in apposition ("the adviser, John Smith") is.
        if m is not None and m.actor_type == "PERSON" and (
            m is appos or not self._describes_member(subject, m, lemma, determiner)
        ):
            return m.actor, m.actor_type
        # "said the 46-year-old": an age stands for the person the text has just presented.
        aged = determiner == "the" and bool(_AGE_DESCRIPTION.fullmatch(self.text[left:right]))
        if aged or (
            subject.pos_ in ("NOUN", "PROPN")
            and determiner in ("the", "this", "that", "its", "their")
            and (lemma in ROLE_NOUNS or lemma in GROUP_NOUNS)
        ):
            # "the prime minister said", "the firm said": someone already named.
            lesser = any(c.lower_ in _LESSER for c in subject.lefts)
            holder = self.role_holder(lemma, left) if lemma in ROLE_NOUNS and not lesser else None
            if holder is not None:
                return holder.actor, holder.actor_type
            wanted = (
                "person"
                if aged or lemma in ROLE_NOUNS
                else "org"
                if lemma in ORG_ONLY_NOUNS
                else "group"
                if lemma in GROUP_NOUNS
                else None
            )
            found = self.previous_actor(left, wanted) if wanted else None
            if found:
                return found
        if m and not self._describes_member(subject, m, lemma, determiner):
            return m.actor, m.actor_type
        if subject.pos_ in ("NOUN", "PROPN") or aged:
            # A clause on a word of the description says more of the speaker than who it is:
            # "one person with knowledge of the governor's dilemma, who spoke on the condition
            # of anonymity" (PolNeAR) is the speaker up to the clause.
            clauses = [
                t.left_edge.idx for t in subject.subtree if t.dep_ in ("relcl", "acl") and t.i > subject.i
            ]
            words = self.text[left : min([right, *clauses])].strip(" ,")
            return (words or None), "NOMINAL"
        return None, None

    @staticmethod
    def _describes_member(subject: Token, m: Mention, lemma: str, determiner: str | None) -> bool:
        """A subject that names someone of a body, not the body: a person noun the name only
        modifies ("Clinton aides", "one former GOP leadership aide"), or one member ("an Iowa
        Democrat", "a Labour MP", "one senior Democrat"). Such a speaker is the description as
        written."""
        if subject.pos_ not in ("NOUN", "PROPN"):
            return False
        one = determiner in ("a", "an") or any(c.lower_ in ("one", "another") for c in subject.lefts)
        if m.start <= subject.idx < m.end:
            return one and m.actor_type in ("ORG", "NORP")
        return one or subject.pos_ == "NOUN" and lemma in MEMBER_NOUNS

    def _party_tag_at(self, token: Token) -> int | None:
        """Where the "(" of a party-state tag holding the token stands, if one does."""
        text = self.text
        opening = text.rfind("(", max(0, token.idx - 12), token.idx + 1)
        closing = text.find(")", token.idx, token.idx + 14)
        if opening < 0 or closing < 0 or not _PARTY_TAG.fullmatch(text[opening + 1 : closing]):
            return None
        return opening

    def _tagged_name(self, subject: Token) -> Mention | None:
        """The person before a party-state tag that the parser took for the subject:
        "Sen. John Cornyn (R-Texas) told ...", "Rep. Elijah Cummings (D-Md.), chair of ..."."""
        opening = self._party_tag_at(subject)
        if opening is None:
            return None
        before = self.text[:opening].rstrip()
        k = bisect_right(self.mention_starts, len(before) - 1) - 1
        m = self.mentions[k] if k >= 0 else None
        return m if m is not None and m.end >= len(before) - 1 and m.actor_type == "PERSON" else None

    def _is_cue(self, i: int, fragment: bool) -> bool:
        """A reporting verb; or, as a cue of the words it governs only, a bare present form whose
        subject is people of a named body ("UKIP officials also argue Mr Kilroy-Silk has not been
        "straightforward"", where "critics say" stays no cue) or, for a fragment, a person's verb
        of wanting."""
        if i in self.reporting:
            return True
        token = self.doc[i]
        if token.pos_ != "VERB" or self._inside_quote(token.idx):
            return False
        lemma = token.lemma_.lower()
        if fragment and lemma in INTENT_VERBS and token.tag_ not in BARE_FORMS | {"VBN"}:
            subject = self.subject_of(token)
            # Someone's wish: a person or a spokesperson, named or described ("the MEP").
            return subject is not None and self.speaker_from_subject(subject)[1] in ("PERSON", SPOKESPERSON)
        if token.tag_ != "VBP" or lemma not in REPORTING_VERBS:
            return False
        subject = self.subject_of(token)
        # People of a named body ("UKIP officials", "Labour MPs"): a plural noun with the name
        # before it; a bare plural ("critics") or a name alone ("Iowans") is not enough.
        if subject is None or subject.tag_ != "NNS" or subject.left_edge.i == subject.i:
            return False
        return self.mention_in(subject.left_edge.idx, subject.idx) is not None

    def reporting_ancestor(self, span: Span, *, fragment: bool = False) -> Token | None:
        """The nearest reporting verb outside the quotation that governs its words; for a
        fragment governed by none, the nearest verb of a person's that does (`_persons_act`)."""
        found = self._governing(span, lambda i: self._is_cue(i, fragment))
        if found is None and fragment and _worded(span):
            found = self._governing(span, self._persons_act, through_as=False)
        return found

    def _persons_act(self, i: int) -> bool:
        """Any verb of a person's, for a quoted fragment in what it governs: "Clinton supports
        "appropriate pay raises,"", "Clinton talked up her "50-state strategy,"", "Ted Nordhaus
        ... welcomed "the recognition that ..."" (PolNeAR) give the person's words as surely as
        "said" would; asked only where no reporting verb governs the fragment ('She was leaving
        "by mutual agreement ...", the firm said' is the firm's, BBC business/419)."""
        token = self.doc[i]
        if token.pos_ != "VERB" or token.tag_ in BARE_FORMS | {"VBN"} or self._inside_quote(token.idx):
            return False
        subject = self.subject_of(token)
        return subject is not None and self.speaker_from_subject(subject)[1] in ("PERSON", SPOKESPERSON)

    def _governing(self, span: Span, is_cue: Callable[[int], bool], *, through_as: bool = True) -> Token | None:
        """The nearest verb outside the quotation that governs its words and `is_cue` accepts.
        Without `through_as`, not over "as": what someone is known as is others' name for them
        ("Mr Herron - who gained fame as one of Sunderland's "metric martyrs"", BBC
        politics/200)."""
        best: tuple[int, int] | None = None
        heads = self.heads
        doc = self.doc
        for i in range(span.start, span.end):
            if heads[i] != i and span.start <= heads[i] < span.end:
                # Its climb goes on from a word of the quotation that climbs on its own, which
                # reaches every verb this one would, nearer: the nearest is never this one's.
                continue
            depth = 0
            node = i
            while heads[node] != node and depth < 8:
                node = heads[node]
                depth += 1
                if not through_as and doc[node].lower_ == "as":
                    break
                if not (span.start <= node < span.end) and is_cue(node):
                    if self._across_paragraphs(doc[node], span):
                        break
                    subject = self.subject_of(self.doc[node])
                    # '"every expert" had suggested ...': the quotation is the subject, not the
                    # speaker, of that verb; the speaker is further up ("Mr Howard told MPs").
                    if subject is not None and self._inside_quote(subject.idx):
                        continue
                    if best is None or depth < best[0]:
                        best = (depth, node)
                    break
        return self.doc[best[1]] if best else None

    def _across_paragraphs(self, token: Token, span: Span) -> bool:
        """Whether a paragraph's end lies between a word and a quotation. No verb across one
        reports the quotation, though the sentence splitter and the parser may join the two
        ('"What does this say about your party that this is your standard-bearer?"\nSeveral
        Republican leaders ... have since denounced Trump's comments', PolNeAR, "say" a ccomp of
        "denounced")."""
        lo, hi = (span.end_char, token.idx) if token.i >= span.end else (token.idx, span.start_char)
        return "\n" in self.text[lo:hi]

    def colon_intro(self, span: Span) -> Token | None:
        """The verb of the clause a colon ends just before the quotation: whatever the verb,
        'Mr. Christie gloated: "..."', 'Rubio fired back forcefully: "..."', 'Kasich resisted:
        "..."' present the subject as speaking the quotation."""
        doc = self.doc
        i = _before_marks(doc, span.start - 1)
        if i < 0 or doc[i].text != ":" or not self._planned(doc[i].sent):
            return None
        named = self.mention_at(doc[i - 1]) if i else None
        turn = doc.char_span(named.start, named.end, alignment_mode="expand") if named is not None else None
        if turn is not None and self._dash_before(turn):
            return None  # "Pollsters agree - Carl Bialik: ...": the name's turn, not the clause's
        head = _verb_above(doc[i])
        if head is None or self._inside_quote(head.idx):
            head = _verb_ending_at(doc, i)
        if head is None or self._inside_quote(head.idx):
            return None
        subject = self.subject_of(head)
        if subject is None or span.start <= subject.i < span.end or subject.lower_ in ("it", "this", "that"):
            return None  # "Wait, it gets better:" presents no speaker
        # Places are where things happen ('Germany seems to have told them: "..."'), seldom
        # who speaks without a verb of speech.
        kind = self.speaker_from_subject(subject)[1]
        return head if kind in ("PERSON", SPOKESPERSON, "ORG", "NOMINAL") else None

    def attribution_after(self, span: Span) -> Token | None:
        """The reporting verb of an attribution straight after a quotation set off by its own
        comma, "!" or "?" ('"...," Trump said', '"...?" asked Mr. Manafort'): a few words of a
        speaker and the verb, nothing else between."""
        doc = self.doc
        if span[-1].text not in (",", "!", "?", "."):
            return None
        j = _after_marks(doc, span.end)
        if j == span.end:
            return None
        if span[-1].text == ".":
            # A full stop where the comma belongs: only an attribution that is all its
            # sentence ('"Russia, if you're listening, I hope you're able to find the 30,000
            # emails that are missing." Trump said.', PolNeAR) can be this quotation's.
            for t in doc[j : j + 5]:
                if t.i in self.reporting and not self._inside_quote(t.idx):
                    return t if t.i + 1 < len(doc) and doc[t.i + 1].text == "." else None
                if t.pos_ not in _ATTRIBUTION_WORDS:
                    return None
            return None
        set_off = self._verb_after_apposition(j)
        if set_off is not None:
            return set_off
        for t in doc[j : j + 5]:
            if t.i in self.reporting and not self._inside_quote(t.idx):
                return t
            if t.pos_ == "VERB" and t.tag_ in FINITE_TAGS and t.i > j:
                # Any verb, when it and a particle or adverb end the sentence: '"Jeb wants to
                # be a tough guy tonight," Trump shot back.'; a short phrase of manner may close
                # it ('"They're all here because he's promising to give them all this free
                # stuff," Bennett shot back with a laugh.', PolNeAR).
                k = t.i + 1
                while k < len(doc) and doc[k].pos_ in ("ADP", "ADV", "PART") and k - t.i <= 2:
                    k += 1
                if k < len(doc) and doc[k - 1].lower_ == "with":
                    while k < len(doc) and doc[k].pos_ in ("DET", "ADJ", "NOUN") and k - t.i <= 6:
                        k += 1
                if k >= len(doc) or doc[k].text not in (".", "!"):
                    return None
                subject = self.subject_of(t)
                # '"...," it read.': a document, not a person, and not who "it" was last.
                return t if subject is not None and subject.lower_ not in ("it", "this", "that") else None
            if t.pos_ not in _ATTRIBUTION_WORDS:
                return None
        return None

    def _verb_after_apposition(self, j: int) -> Token | None:
        """The reporting verb after a person named at token `j` and an apposition set off by
        commas ('"...," Representative Steve Cohen, Democrat of Tennessee, told Mr. Obama')."""
        doc = self.doc
        k = j
        while k < min(len(doc), j + 3) and self.mention_at(doc[k]) is None and doc[k].pos_ == "PROPN":
            k += 1  # a title before the name: "Representative", "Sen."
        m = self.mention_at(doc[k]) if k < len(doc) else None
        if m is None or m.actor_type not in ("PERSON", SPOKESPERSON):
            return None
        name = doc.char_span(m.start, m.end, alignment_mode="expand")
        if name is None or name.end >= len(doc) or doc[name.end].text != ",":
            return None
        for t in doc[name.end + 1 : name.end + 25]:
            if t.is_sent_start or t.text in DOUBLE_MARK_TOKENS | SINGLE_MARKS or t.text in ";:!?":
                return None
            if t.i in self.reporting:
                return t if doc[t.i - 1].text == "," else None
        return None

    def comma_intro(self, span: Span) -> Token | None:
        """The verb of the clause a comma ends just before a quotation that opens in capitals,
        when that clause's subject is a person: whatever the verb, 'Hillary shot back, "I suppose
        I could have chosen to bake cookies ..."', 'Clinton shared a bit of her anxiety with an
        audience at a fundraiser in the Hamptons, "I do not know which Donald Trump will show
        up."' present the person as speaking (a reporting verb in a clause before, "After Jerry
        Brown criticized Bill Clinton during a debate, ...", does not)."""
        doc = self.doc
        i = _before_marks(doc, span.start - 1)
        if i < 1 or doc[i].text != "," or not span[0].text[:1].isupper() or not self._planned(doc[i].sent):
            return None
        if i + 1 >= span.start or doc[i + 1].text not in DOUBLE_MARK_TOKENS | SINGLE_MARKS:
            return None
        head = _verb_above(doc[i])
        if head is None or self._inside_quote(head.idx):
            return None
        main = head.dep_ in ("ROOT", "conj") or head.dep_ in ("ccomp", "parataxis") and span.start <= head.head.i < span.end
        if not main or head.tag_ not in FINITE_TAGS:
            # The main clause's verb (or one the parser hung on the quotation's words, as it
            # does an attribution: "Hillary shot back, "I suppose ..."", "shot" a ccomp of
            # "suppose"), not a subordinate one's.
            return None
        subject = self.subject_of(head)
        if subject is None or span.start <= subject.i < span.end:
            return None
        kind = self.speaker_from_subject(subject)[1]
        return head if kind in ("PERSON", SPOKESPERSON) else None

    def reporting_near(self, span: Span, scope: Span) -> Token | None:
        """A reporting verb in the quotation's sentence, outside it, with no sentence end
        between the two ('"..., " he said' or 'she said: "..."')."""
        text = self.text
        doc = self.doc
        closes_sentence = text[span.start_char : span.end_char].rstrip()[-1:] == "."

        def sentence_end(lo: int, hi: int, *, closing_marks: bool) -> bool:
            # Read on tokens, not characters: the tokenizer keeps the full stop of "Mrs.",
            # "Sen." or "Gov." on its word, so '"...?" Mrs. Clinton asked' has no sentence end.
            for k in range(lo, hi):
                if doc[k].text not in (".", "!", "?"):
                    continue
                end = k
                while closing_marks and end + 1 < hi and doc[end + 1].text in DOUBLE_MARK_TOKENS | SINGLE_MARKS:
                    end += 1
                if doc[end].whitespace_ or end + 1 < len(doc) and doc[end + 1].is_space:
                    return True
            return False

        def reachable(t: Token) -> bool:
            if self._across_paragraphs(t, span):
                return False
            if t.i >= span.end:
                return not closes_sentence and not sentence_end(span.end, t.i, closing_marks=False)
            return not sentence_end(t.i, span.start, closing_marks=True)

        candidates = [
            doc[i]
            for i in range(scope.start, scope.end)
            if i in self.reporting
            and not (span.start <= i < span.end)
            and not self._inside_quote(doc[i].idx)  # the words of another quotation
            and reachable(doc[i])
        ]
        if not candidates:
            return None
        return min(candidates, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)))


def _sentence_scope(doc: Doc, span: Span) -> Span:
    first = span[0].sent
    last = span[-1].sent
    end = last.end
    # '"...," he said.' may be split off as a sentence of its own.
    if end < len(doc) and (doc[end - 1].text in DOUBLE_MARK_TOKENS | SINGLE_MARKS or doc[end - 1].text == ","):
        end = doc[end].sent.end
    return doc[first.start : end]


def extract_quotes(
    doc: Doc, mentions: list[Mention], *, speaker_model: SpeakerModel | None = None
) -> list[Quote]:
    """Quotations of a parsed article with kind, speaker (a canonical actor) and cue.

    `speaker_model`: the learned second look at each direct quotation's speaker
    (`speaker_choice`); the shipped weights when None.
    """
    text = doc_text(doc)
    spans = quote_cues(doc).spans
    finder = _Speakers(doc, mentions, spans)
    chooser = None  # built at the first direct quotation: most articles have none
    # Quotations the model tags, in part or whole, as a work of art.
    works = [(m.start, m.end) for m in mentions if m.label == "WORK_OF_ART"]
    mentions_of_works = {qs.start: any(a < qs.end and qs.start < b for a, b in works) for qs in spans}
    quotes: list[Quote] = []
    for qs in spans:
        span = _tokens_in(doc, qs.start, qs.end)
        if span is None or not len(span):
            continue
        clause = _is_clause(span, text, _led_in(doc, span, finder.reporting)) or _set_off(
            doc, span, finder.reporting
        )
        verb = finder.reporting_ancestor(span, fragment=not clause)
        after = finder.attribution_after(span)
        if verb is not None and after is not None and after.i < verb.i:
            # '"I never said that," Trump said, after CNBC's Becky Quick said ...': the parser
            # hung the quotation on the later "said"; the attribution right after it is nearer.
            verb = after
        if verb is not None and finder.subject_of(verb) is None:
            # A verb that gives no one, where a colon presents the speaker ('Rubio fired back
            # forcefully: "If they sue us ...," referencing the large number of Cuban
            # immigrants', the quotation hung on "referencing").
            verb = finder.colon_intro(span) or verb
        if verb is None:
            verb = finder.colon_intro(span)
        if verb is None and after is not None and clause:
            verb = after
        if verb is None and clause:
            verb = finder.comma_intro(span) or finder.reporting_near(span, _sentence_scope(doc, span))
        speaker = speaker_type = None
        if verb is not None:
            subject = finder.subject_of(verb)
            if subject is not None and not (span.start <= subject.i < span.end):
                speaker, speaker_type = finder.speaker_from_subject(subject)
        if speaker is None and clause:
            speaker, speaker_type, verb = _speaker_from_context(doc, span, finder, quotes, verb)
        if speaker is None:
            speaker, speaker_type = finder.turn_speaker(span)
        if speaker is None:
            speaker, speaker_type = finder.headline_speaker(qs.start)
        first_half = _first_half(doc, quotes, span, finder.reporting)
        if first_half is not None:
            # The second half of a quotation split by its attribution ('"Our company, with
            # American workers," he added, "builds a heck of a lot of stuff in the U.S."') is
            # the first half's kind and speaker: its words go on from the first half's.
            clause = first_half.kind == "direct"
            if speaker is None:
                speaker, speaker_type = first_half.speaker, first_half.speaker_type
        speaker = _clean_speaker(speaker)
        preceding = text[max(0, qs.start - 12) : qs.start - 1].lower()
        named = verb is not None and verb.lemma_.lower() in NAMING_VERBS  # "what he calls "Confident America""
        if (
            names_a_work(span)
            or not named
            and is_title_of_work(span, mentions_of_works.get(qs.start, False))
            or in_a_heading(text, qs)
        ):
            # A quoted name of a programme, book or film ("Good Morning America", "Destiny and
            # Power") is nobody's words: a scare quote without a speaker; so is a heading's.
            kind = "scare"
            speaker = speaker_type = None
        elif clause and _unquoted_share(span, verb, finder._inside_quote, finder.reporting) <= MIXED_SHARE:
            kind = "direct"
            chooser = chooser or SpeakerChooser(finder, speaker_model or SpeakerModel.load())
            speaker, speaker_type = chooser.choose(span, speaker, speaker_type, quotes, verb)
        elif speaker is not None and "so-called" not in preceding and "so called" not in preceding:
            kind = "partial"
        else:
            kind = "scare"
            speaker = speaker_type = None
        end = qs.end
        if kind != "direct":
            # A fragment's own full stop or comma ("an "egregious provocation."") is not its words.
            while end > qs.start + 1 and text[end - 1] in ".,;:!? ":
                end -= 1
        quotes.append(
            Quote(
                start=qs.start,
                end=end,
                text=text[qs.start : end],
                kind=kind,
                speaker=speaker,
                cue=verb.text if verb is not None and speaker else None,
                speaker_type=speaker_type,
            )
        )
    return quotes


# Between the halves of a split quotation: the closing mark, the attribution without a sentence
# end, a comma and the opening mark.
_SPLIT = re.compile(r"\s*[\"”’']+\s*[^\"“”.!?\n]{1,60}?,\s*[\"“‘']+\s*")


def _first_half(doc: Doc, earlier: list[Quote], span: Span, reporting: set[int]) -> Quote | None:
    """The quotation whose sentence this one, in lower case, goes on with after an attribution
    set between the two ('"A," he added, "b ..."')."""
    # A scare quote (a title, a label) is nobody's words for another half to go on from: 'the
    # 1969 book titled "The Tragedy of Lyndon Johnson," explaining, "because ..."'.
    if not earlier or not span[0].text[:1].islower() or earlier[-1].kind == "scare":
        return None
    last = earlier[-1]
    text = doc_text(doc)
    # A fragment's comma is cut from its end (`extract_quotes`) but still stands before the
    # closing mark: 'means "he must be doing something right," she says, "but I don't know if I
    # would vote for him."' (PolNeAR) goes on from a partial quote.
    end = last.end
    while end < span.start_char and text[end] in ".,;:!? ":
        end += 1
    if not text[last.start : end].rstrip().endswith(",") or not _SPLIT.fullmatch(text, end, span.start_char):
        return None
    between = doc.char_span(last.end, span.start_char, alignment_mode="expand")
    return last if between is not None and any(t.i in reporting for t in between) else None


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
# What may stand between a set-off quotation and its reporting verb: the speaker ("the crowd").
_ATTRIBUTION_WORDS = frozenset({"PROPN", "PRON", "DET", "NOUN", "ADJ", "ADV", "NUM"})


def _set_off(doc: Doc, span: Span, reporting: set[int]) -> bool:
    """A quotation set off as a whole utterance, however short: it opens its sentence, its own
    comma, "!" or "?" closes it and its attribution follows straight after the closing mark
    ('"Thank you, son," Cruz replied', '"Quiet!" he demanded', '"Nooooo!" the crowd cried'),
    or its attribution comes before it and it closes its sentence (`_introduced`)."""
    if span[-1].text not in (",", "!", "?", ".") or not span[0].text[:1].isupper():
        return False
    # Set off at its start too: a comma inside the closing mark is the reporter's in American
    # style ('called it "racially toxic," Scott said' is a fragment).
    before = doc_text(doc)[: span.start_char].rstrip(" \t\"“”'‘’«»")
    if before and before[-1] in ",:" and span[-1].text != ",":
        return _introduced(doc, span, reporting)
    if span[-1].text == "." or before and before[-1] not in ".!?\n":
        return False
    j = _after_marks(doc, span.end)
    if j == span.end:
        return False
    for t in doc[j : j + 5]:
        if t.i in reporting:
            return True
        if t.pos_ not in _ATTRIBUTION_WORDS:
            return False
    return False


# Words that, as a subject, pick speakers out of a group named after "of": "one of those
# advisers", "two of his aides", "some of the delegates".
_QUANTIFIERS = frozenset("one two three four five several some many most few each another".split())


def _partitive_group(subject: Token) -> Token | None:
    """The group a quantifier subject picks its speaker from ("one of those advisers", "some of
    Sanders' delegates", "one of her ads"): the noun after "of", if it is a plural one."""
    if subject.lower_ not in _QUANTIFIERS or subject.pos_ not in ("NUM", "PRON", "DET", "ADJ", "NOUN"):
        return None
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > subject.i), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return group if group is not None and group.tag_ in ("NNS", "NNPS") else None


def _worded(span: Span) -> bool:
    """Whether a fragment reads as someone's wording: three words or more, not all capitalised.
    A word or two ("comeback kid", "broccoli") or a title ("Fox News Sunday", "Stronger
    Together") in a person's clause is as often the reporter's label as the person's words
    (PolNeAR, where such fragments carry no attribution)."""
    words = [t for t in span if t.is_alpha]
    return len(words) >= 3 and not all(t.text[:1].isupper() for t in words)


def _introduced(doc: Doc, span: Span, reporting: set[int]) -> bool:
    """An utterance a reporting verb and its comma or colon present, closing its sentence with
    its own "!", "?" or full stop: 'when a young boy shouted, "Brujas coming, yo!"' (PolNeAR)
    is the boy's words, verb or none."""
    j = _after_marks(doc, span.end)
    if j < len(doc) and not (doc[j].is_space or doc[j].is_sent_start):
        return False
    i = _before_marks(doc, span.start - 1) - 1  # the word before the comma or colon
    for t in reversed(doc[max(0, i - 3) : i + 1]):
        if t.i in reporting:
            return True
        if t.pos_ not in _ATTRIBUTION_WORDS:
            return False
    return False


def _reported_clause(root: Token, verb: Token | None) -> list[int]:
    """The words of the clauses standing between a reporting verb and a quotation root led in by
    "that" that does not hang on the verb itself: the reporter's paraphrase the quotation finishes
    ('Polling shows that "the general public is not very comfortable"', 'said the British vote
    was the clearest sign yet that "the intensity ... is far more real"'). Empty when the
    quotation hangs on the verb ('said that "..."' is the verb's whole clause), when the verb is
    none of its ancestors, or when the word under the verb is no clause it reports (a place:
    'telling customers at a ... breakfast spot that "I need you tomorrow"')."""
    if verb is None or root.head.i == verb.i or not any(
        c.dep_ == "mark" and c.lower_ == "that" and c.i < root.i for c in root.children
    ):
        return []
    top = root
    while top.head.i != verb.i:
        if top.head.i == top.i:
            return []
        top = top.head
    return [t.i for t in top.subtree if not t.is_punct] if top.dep_ == "ccomp" else []


def _unquoted_share(span: Span, verb: Token | None, inside_quote, reporting: set[int]) -> float:
    """The share of letters the reporter wrote in the clause a quotation belongs to:
    - the subject, in the parse, of a quotation that goes on from it in lower case ('Evaluating
      the candidates on national polls, Stevens said, "is like looking at someone's bowling
      average"', where the parser makes "Evaluating ..." the subject of "is" and not a clause of
      "said");
    - the words that go on straight after a quotation ending on no punctuation ('"We are
      frustrated and horrified" by the mass shooting', '"I want to wait until I meet with Bibi"
      before discussing specifics, he said'): those the quotation's words govern in the parse,
      and, since the parser often hangs them on the reporting verb, the lower-case words up to
      the next punctuation or the attribution.
    The reporting verb and what hangs on it are the attribution; frame words set off by
    punctuation ('Asked what he wants, Adelson said, "..."', '"...," drawing loud jeers') are
    the reporter's, not part of the quoted clause."""
    quoted = sum(len(t) for t in span if t.is_alpha)
    if not quoted:
        return 0.0
    doc = span.doc
    continues = span[0].text[:1].islower()
    goes_on = span[-1].text not in ",.;:!?…—–-"
    after = _after_marks(doc, span.end, spaces=True)  # the first word after the closing mark
    lead = _before_marks(doc, span.start - 1)  # the last word before the opening mark
    words: set[int] = set()

    def led_by_that(root: Token, child: Token) -> bool:
        # 'Rubio said that once the Senate goes on recess, "I intend to do ..."': the words
        # between the "that" of the reported clause and the quotation are the reporter's.
        return child.dep_ not in ("mark", "cc") and any(
            c.dep_ == "mark" and c.lower_ == "that" and c.i < child.i for c in root.children
        )

    for token in span:
        if span.start <= token.head.i < span.end and token.head.i != token.i:
            continue  # not one of the quotation's roots
        words.update(_reported_clause(token, verb))
        for child in token.children:
            if span.start <= child.i < span.end or child.is_punct:
                continue
            if verb is not None and (child.i == verb.i or child.is_ancestor(verb)):
                continue
            if child.i < span.start:
                # The subject is the reporter's when the quotation goes on from it: in lower
                # case, or straight after it with nothing between ('Francois Hollande Says Donald
                # Trump 'Makes You Want To Retch.'', a headline's predicate in quotation marks).
                counted = (
                    child.dep_ in _SUBJECTS
                    and (continues or child.right_edge.i == lead)
                    or led_by_that(token, child)
                )
            else:
                counted = goes_on and child.left_edge.i == after
            if counted:
                words.update(t.i for t in child.subtree)
    if continues and verb is not None and verb.i < span.start:
        words.update(_lead_before_attribution(span, verb))
    if goes_on and after > span.end and after < len(doc) and doc[after].text[:1].islower():
        for t in doc[after:]:
            if t.is_punct or t.is_space or t.is_sent_start:
                break
            if t.i in reporting or t.dep_ in _SUBJECTS and t.head.i in reporting:
                break  # '"..." he said': the attribution
            words.add(t.i)
    unquoted = sum(len(doc[i]) for i in words if doc[i].is_alpha and not inside_quote(doc[i].idx))
    return unquoted / (quoted + unquoted)


def _lead_before_attribution(span: Span, verb: Token) -> list[int]:
    """The reporter's words that open the sentence a quotation in lower case finishes, before
    its attribution set off by commas: 'If Clinton is elected, he said, "she might be going back
    and forth between the White House and the courthouse."', 'The streets were deserted, he
    added, "but people need to connect somehow."' (PolNeAR). The quotation finishes the
    reporter's sentence, as after "said that"."""
    doc = span.doc
    between = doc[verb.i + 1 : span.start]
    if not any(t.text == "," for t in between) or any(t.is_sent_start for t in between):
        return []
    # The attribution: a few words without a comma before the verb ("he", "Mr. Garin"); none
    # is a participle's comma ('bristled at the suggestion ..., saying, "the advice I give"').
    i = verb.i - 1
    while i > verb.sent.start and verb.i - i <= 6 and doc[i].text != ",":
        i -= 1
    if doc[i].text != "," or i == verb.i - 1:
        return []
    if any(t.text in DOUBLE_MARK_TOKENS | SINGLE_MARKS for t in doc[i - 1 : verb.i]):
        return []  # the second half of a split quotation ('"As a guardian ...," he wrote, "we know')
    return [t.i for t in doc[verb.sent.start : i] if t.is_alpha]


# Nouns for works with a title: a quotation they introduce is the title ('the movie, "13 Hours:
# The Secret Soldiers of Benghazi,"', 'the podcast "So, That Happened."').
WORK_NOUNS = frozenset(
    "book novel memoir biography film movie documentary show series sitcom episode programme "
    "podcast song album play musical column op-ed editorial essay article poem painting collection "
    "manifesto".split()
)
_TITLING = frozenset({"titled", "entitled", "called", "named", "dubbed"})
_ENTITLED = frozenset({"titled", "entitled"})
TITLE_MAX_WORDS = 12
# People known by a work: 'a co-author of "Those Guys Have All the Fun"', 'the "Avatar" star'.
MAKERS = frozenset("author co-author writer director producer creator host co-host star editor".split())


def names_a_work(span: Span) -> bool:
    """A quotation standing as the title after a noun for a work or its maker ("co-author
    of"), before one ('"Orange is the New Black" star'), or after "titled" or "called" that such
    a noun governs ("a collection from the cartoonist Garry Trudeau called
    "Yuge!: 30 Years of Doonesbury on Trump.""), written as titles are: in title case or of a
    few words ("Sessions' column on Aug. 10, "The piling on must stop,"")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].text in DOUBLE_MARK_TOKENS or doc[i].text in SINGLE_MARKS or doc[i].is_space or doc[i].text in ",:"):
        i -= 1
    j = _after_marks(doc, span.end)
    after = doc[j] if span.end < j < len(doc) else None
    before = doc[i] if i >= 0 else None
    if after is not None and after.lemma_.lower() in WORK_NOUNS | MAKERS and after.pos_ == "NOUN":
        work = True
    elif before is None:
        return False
    elif before.lower_ == "of" and i > 0:
        work = doc[i - 1].lemma_.lower() in MAKERS
    elif before.lower_ in _ENTITLED:
        # "titled" introduces nothing but a title, in any case ('a second critical piece,
        # entitled "Bernie Sanders's ideas are not too bold. They are too facile."').
        return len([t for t in span if t.is_alpha]) <= TITLE_MAX_WORDS
    elif before.lower_ in _TITLING:
        governor = before.head if before.dep_ in ("acl", "relcl") else before
        work = governor.lemma_.lower() in WORK_NOUNS or any(
            t.lemma_.lower() in WORK_NOUNS for t in doc[max(before.sent.start, i - 6) : i]
        )
    else:
        work = before.lemma_.lower() in WORK_NOUNS and before.pos_ in ("NOUN", "PROPN")
    if not work:
        return False
    words = [t for t in span if t.is_alpha]
    big = [t for t in words if t.lower_ not in _TITLE_SMALL]
    return 0 < len(words) <= 6 or (
        len(words) <= TITLE_MAX_WORDS and bool(big) and all(t.text[:1].isupper() for t in big)
    )


_TITLE_SMALL = frozenset("a an the and or of in on at to for with from by as is it my your our vs".split())


def is_title_of_work(span: Span, tagged_work: bool) -> bool:
    """A quotation that is the title of a work: every word capitalised but the small ones
    ("This Week", "Orange is the New Black", "Yuge!: 30 Years of Doonesbury on Trump"), in a
    sentence of ordinary case (a headline's every word is capitalised), or two capitalised words
    or more that the model tags WORK_OF_ART."""
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > 10 or len(span) > 16:
        return False
    if re.search(r"[,!?]\W*$|,", span.text):
        return False  # "Oh, my God,", "Bernie or Jill, No Hill,": said or chanted
    big = [t for t in words if t.lower_ not in _TITLE_SMALL]
    if len(big) < 2 or not all(t.text[:1].isupper() for t in big) or not words[0].text[:1].isupper():
        return False
    if all(t.is_upper for t in big):
        return False  # "BERNIE! BERNIE!": shouted, not a title
    sentence = [t for t in span[0].sent if t.is_alpha and not (span.start <= t.i < span.end)]
    if len(sentence) < 4 or sum(t.text[:1].islower() for t in sentence) * 2 <= len(sentence):
        return False
    # Names of people and the like in quotes ("Crooked Hillary") are rarely titles.
    return tagged_work or not any(t.ent_type_ in ("PERSON", "GPE", "NORP", "ORG") for t in big)


def in_a_heading(text: str, qs: QuoteSpan) -> bool:
    """A quotation in capitals on a line in capitals: a heading's words ('3. FOR AFGHAN WOMEN
    'GLASS IS HALF FULL.'', PolNeAR), not a report of speech. A line of capitals with no other
    words may be shouted ('"BERNIE! BERNIE!"')."""
    quoted = text[qs.start : qs.end]
    if not quoted.isupper() or len(quoted.split()) < 2:
        return False
    line_start = text.rfind("\n", 0, qs.start) + 1
    line_end = text.find("\n", qs.end)
    rest = text[line_start : qs.start] + text[qs.end : line_end if line_end >= 0 else len(text)]
    return any(c.isalpha() for c in rest) and rest.isupper()


def _unaccented(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def _clean_speaker(speaker: str | None) -> str | None:
    """A speaker without quotation marks: in run-together text a quotation's close and the next
    name fuse ('paranoia,"Clinton' -> 'Clinton'); elsewhere the marks are dropped."""
    if not speaker or not any(c in speaker for c in '"“”'):
        return speaker
    fused = re.search(r'[^\s"“”][,.!?]?["”]([A-Z][^"“”]*)$', speaker)
    cleaned = fused.group(1) if fused else re.sub(r'\s*["“”]\s*', " ", speaker)
    cleaned = cleaned.strip(" ,.-")
    return cleaned or None


def _speaker_from_context(
    doc: Doc, span: Span, finder: _Speakers, earlier: list[Quote], verb: Token | None
) -> tuple[str | None, str | None, Token | None]:
    """A direct quotation standing alone: after 'X said:', after a sentence whose subject
    spoke, or continuing the previous quotation."""
    first = span[0].sent
    previous = first
    while previous.start > 0:
        previous = doc[previous.start - 1].sent
        # An opening mark the sentence splitter cut off on its own ("''" before "If ...") is
        # no sentence: the one before it introduces the quotation.
        if any(t.is_alpha for t in previous):
            break
    if previous.start < first.start:
        intro = [t for t in previous if t.i in finder.reporting and not finder._inside_quote(t.idx)]
        # The reporting verbs no other of them governs first: the one who tells goes on
        # speaking, not whom the telling reports ('Gillian Shepherd remembered how one of her
        # male colleagues called all women "Betty". "When I said, ..."', BBC politics/008).
        # Among them the last first; an earlier one when the last gives no one ('"...," said
        # Rep. Beto O'Rourke (D-Tex.), a Clinton endorser whose district went for her but who
        # suggested that ... . "In El Paso, ..."': "suggested" is a relative clause's).
        cues = set(intro)
        reported = [cue for cue in intro if any(a in cues for a in cue.ancestors)]
        for cue in [*reversed([c for c in intro if c not in reported]), *reversed(reported)]:
            subject = finder.subject_of(cue)
            if subject is not None:
                speaker, kind = finder.speaker_from_subject(subject)
                if speaker:
                    return speaker, kind, cue
    if earlier:
        last = earlier[-1]
        gap = finder.text[last.end : span.start_char]
        # Someone named after the previous quotation's sentence may be who speaks now; someone
        # named in its attribution, up to the first full stop ('said Mike Lux, a veteran of Bill
        # Clinton's administration. "If ..."'), is not.
        stop = re.search(r"[.!?](?=[\"”’'\s]|$)", gap)
        attribution_end = last.end + (stop.end() if stop else 0)
        if (
            last.kind == "direct"
            and last.speaker
            and len(gap) < 400
            and not any(
                m.actor_type == "PERSON"
                and attribution_end <= m.start < span.start_char
                and m.actor != last.speaker
                for m in finder.mentions
            )
        ):
            return last.speaker, last.speaker_type, None
    return None, None, verb
