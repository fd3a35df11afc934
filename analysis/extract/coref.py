"""Who "he", "she" or "the senator" is: rule-based coreference for the speaker search.

Rules, not a trained resolver: coreferee (the spaCy 3 resolver the issue names) installs with
spaCy 3.8, but its English model is fetched from GitHub at install time, which this project's
machines cannot reach, and it wants a full dependency parse, which our selective parser gives
only to the sentences around quotations. News writing makes a few rules go far:

- a pronoun refers to a person of a fitting gender (titles "Mr", "Mrs", "Ms" and the article's
  own "he"/"she" after a name decide it; unknown fits either);
- recency: the pronoun's own sentence before it, then the sentences before, nearest first,
  going back at most `WINDOW` sentences of the reporter's (sentences wholly inside a quotation
  are passed over);
- syntactic role: within a sentence the subject is preferred ("Trump thanked Rubio ... he said"
  is Trump), the subject being the parse's nsubj where the sentence is parsed, otherwise the
  first person named before the sentence's first verb and after no preposition (a sentence with
  no verb has none), then a person or a fitting pronoun that a finite verb directly follows (a
  later clause's subject);
- "they" is the plural subject of its own sentence before it or of the sentence before ("Cruz
  and Trump have used the most aggressive language ... Yet they've offered no specifics",
  "Former prosecutors said ... Take action before the election, they said", PolNeAR): a plural
  noun for people, a coordination, a quantifier ("Some view ..., although they"), or "they"
  again, which chains further back; only then the body last presented as speaking;
- a description in subject position ("the Vermont senator", "the 58-year-old") stands for the
  person it resolves to, so "The Vermont senator is sticking to his message. ... he told" goes
  past the description to Sanders.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from analysis.extract.actors import Mention

WINDOW = 6  # sentences looked back
GROUP_WINDOW = 1  # sentences looked back for the group "they" stands for, beside its own
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# Subjects that stand for several people without a plural tag ("Some view Trump's prospective
# nomination as a hostile takeover, although they have failed to devise a way to block him").
PLURAL_WORDS = frozenset({"some", "many", "most", "both", "others", "several", "they"})
MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father", "baron"})
FEMALE_TITLES = frozenset({"ms", "mrs", "miss", "lady", "dame", "queen", "princess", "baroness", "madam"})
_AGE = re.compile(r"\d+-year-old$")
_AGENT = re.compile(r"(?:er|or|ist|ian)$")
_FLAT = frozenset({"dep", "ROOT", ""})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
PRONOUNS_OF = {"m": ("he",), "f": ("she",), "person": ("he", "she")}


def is_parsed(sent: Span) -> bool:
    """False for a sentence the selective parser left flat (every word hangs on the first)."""
    return any(t.dep_ not in _FLAT for t in sent)


def is_description(head_lower: str, lemma: str, role_nouns: frozenset[str]) -> bool:
    """A definite description of a person: "the senator", "the 58-year-old"."""
    return lemma in role_nouns or bool(_AGE.match(head_lower))


def named_beside_subject(t) -> bool:
    """A name the parser hung on the verb beside a nameless subject: "one of the so-called
    Guildford Four, Gerry Conlon - who was wrongly convicted - said" (BBC politics/012), where
    "one" is the nsubj and the name an npadvmod of "said"."""
    verb = t.head
    if t.dep_ not in ("npadvmod", "appos", "dep") or verb.pos_ not in ("VERB", "AUX") or t.i > verb.i:
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i and (c.pos_ == "NUM" or c.lower_ in ("one", "some", "each"))
        for c in verb.children
    )


def title_genders(mentions: Sequence[Mention]) -> dict[str, str]:
    """Each actor's gender by the titles its mentions carry ("Mr", "Mrs", "Ms"), when they
    agree: an actor may gather the mentions of two people of one surname (13 "Mrs. Clinton" and
    20 "Mr. Clinton" as Hillary Clinton in PolNeAR's nyt_2015-12-31 article), and then only each
    mention's own title tells (`mention_gender`)."""
    found: dict[str, set[str]] = {}
    for m in mentions:
        gender = mention_gender(m)
        if m.actor and gender:
            found.setdefault(m.actor, set()).add(gender)
    return {actor: genders.pop() for actor, genders in found.items() if len(genders) == 1}


def mention_gender(m: Mention) -> str:
    """"m" or "f" by the mention's own title, "" without one."""
    title = (m.title or "").lower().rstrip(".")
    return "m" if title in MALE_TITLES else "f" if title in FEMALE_TITLES else ""


class Salience:
    """Resolves person pronouns and descriptions to an actor mention by gender, number,
    recency and syntactic role (see the module docstring)."""

    def __init__(
        self,
        doc: Doc,
        people: Sequence[Mention],
        genders: dict[str, str],
        *,
        role_nouns: frozenset[str],
        people_nouns: frozenset[str] = frozenset(),
        inside_quote: Callable[[int], bool],
        parsed: Callable[[Span], bool] = is_parsed,
        said_by: Callable[[int], bool] | None = None,
        attributed_by: Callable[[int], bool] | None = None,
    ):
        self.doc = doc
        self.people = list(people)  # PERSON mentions outside quotations, in text order
        self.starts = [m.start for m in self.people]
        self.genders = genders
        self.role_nouns = role_nouns
        self.people_nouns = people_nouns | role_nouns  # nouns for people or bodies, for "they"
        self.inside_quote = inside_quote
        # Which sentences' parse to read. The speaker search passes the parse plan, so that a
        # full parse and the selective one read the same sentences and find the same people.
        self.parsed = parsed
        # Where a name speaks that the parse gives no subject role: the speaker search found it
        # the subject of a reporting verb another way ('"...," Ramos, 58, told AFP', "Ramos" an
        # npadvmod of the quotation's verb). It is a subject all the same.
        self.said_by = said_by or (lambda i: False)
        # Of them, the subjects of an attribution set aside in its sentence ("Trump, Sexton said,
        # has created ..."): the ones a speaking pronoun prefers (`resolve`).
        self.attributed_by = attributed_by or (lambda i: False)
        self._sents = list(doc.sents)
        self._sent_starts = [s.start_char for s in self._sents]
        self._quoted_sents: dict[int, bool] = {}
        self._learn_genders()

    def _learn_genders(self) -> None:
        """The article's own evidence: a person who is a sentence's only person and is followed
        in it by "he"/"his" (or "she"/"her") alone, where the sentence describes no one else: the
        pronoun may be that one, whom the model tags no name for ("The general stumped for Clinton
        in Iowa ..., and the campaign has touted his endorsement", "Clinton's campaign ... removed
        the mayor of Roanoke ... after he", PolNeAR, made Hillary Clinton a "he")."""
        votes: dict[str, list[int]] = {}
        for sent in self._sents:
            lo, hi = bisect_left(self.starts, sent.start_char), bisect_left(self.starts, sent.end_char)
            actors = {m.actor for m in self.people[lo:hi]}
            if len(actors) != 1:
                continue
            actor = next(iter(actors))
            after = self.people[lo].end
            words = {t.lower_ for t in sent if t.idx >= after and not self.inside_quote(t.idx)}
            male, female = bool(words & {"he", "his", "him"}), bool(words & {"she", "her"})
            # The description's search reads every word: only where a pronoun would vote.
            if male != female and not self._describes_another(sent, self.people[lo]):
                votes.setdefault(actor, [0, 0])[0 if male else 1] += 1
        for actor, (m, f) in votes.items():
            if actor not in self.genders and m != f:
                self.genders[actor] = "m" if m > f else "f"

    def _describes_another(self, sent: Span, m: Mention) -> bool:
        """Whether the sentence describes a person besides the one named ("the general", "the
        mayor of Roanoke"): one the model tags no name for, whom its "he" or "she" may be."""
        return any(
            t.pos_ == "NOUN"
            and not (m.start <= t.idx < m.end)
            and not self.inside_quote(t.idx)
            and t.lemma_.lower() in self.role_nouns
            and _determined(t)
            for t in sent
        )

    def _fits(self, m: Mention, wanted: str) -> bool:
        # The mention's own title first: "Mrs. Clinton" is "she" whoever else the actor holds.
        gender = mention_gender(m) or self.genders.get(m.actor or "", "")
        return not (wanted == "m" and gender == "f" or wanted == "f" and gender == "m")

    def _depth(self, i: int) -> int:
        depth, token = 0, self.doc[i]
        while token.head.i != token.i and depth < 20:
            token, depth = token.head, depth + 1
        return depth

    def _subject_entries(self, sent: Span, cands: list[Mention], end: int, wanted: str, blocked):
        """Subjects of the sentence before `end` as (depth of the clause, position, mention or
        None, where a chained subject stands): the main clause's subject comes first ("He
        pointed out that Franz Ferdinand were signed to indies": he, not the band)."""
        entries = []
        if not self.parsed(sent):
            # A flat sentence: the first person named before its first finite verb (a
            # participle may open the sentence: "Since launching his White House bid, Trump has
            # taken a firm stance", PolNeAR).
            verbs = [t.idx for t in sent if t.tag_ in FINITE_TAGS]
            # Without a finite verb, the first verb of any form (the tagger reads some past
            # tenses as participles: "Clinton, for her part, sided with Guardian"), and a sentence
            # with no verb has no subject. Not the sentence's end: "(Subscribe to POLITICO's Off
            # Message podcast with Glenn Thrush.)" made the show, tagged a person, "she" (PolNeAR).
            first_verb = verbs[0] if verbs else next((t.idx for t in sent if t.tag_.startswith("VB")), sent.start_char)
            entries += [(0, m.start, m, None) for m in cands if m.start < first_verb and not self._governed(m)]
            # Then a later clause's: a person a finite verb directly follows ("Mrs. Clinton has
            # been a dogged defender ..., while Mr. Sanders has dwelled on ... He prefers";
            # "When she was a federal prosecutor, Loretta Lynch didn't bring ... She ignored").
            finite = set(verbs)
            entries += [
                (1, m.start, m, None)
                for m in cands
                if m.start >= first_verb and self._verb_follows(m.end, finite)
            ]
            # A fitting pronoun in either place chains back as in a parsed sentence ("He would
            # like to see ... the progressive ideas Sanders championed. Even then, he said" is
            # who "He" was, not Sanders).
            pronouns = PRONOUNS_OF.get(wanted, ())
            for t in sent:
                if t.idx >= end:
                    break
                if t.lower_ not in pronouns or self.inside_quote(t.idx):
                    continue
                if t.i > sent.start and t.nbor(-1).tag_ in ("IN", "WRB"):
                    # A fronted clause's pronoun looks ahead to the subject: "When she was a
                    # federal prosecutor, Loretta Lynch didn't bring a single case".
                    continue
                if t.idx < first_verb:
                    entries.append((0, t.idx, None, t.idx))
                elif t.i + 1 < sent.end and t.nbor().idx in finite:
                    entries.append((1, t.idx, None, t.idx))
            return sorted(entries, key=lambda e: (e[0], e[1]))
        for m in cands:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            # The subject, or a name in apposition to it ("one of the Guildford Four, Gerry
            # Conlon, said").
            subject = next(
                (
                    t
                    for t in span
                    if t.dep_ in ("nsubj", "nsubjpass")
                    # A name the parser made the root, finding no verb: "Trump, when asked
                    # about his own contradictions ..., often steam-rolls through the questions"
                    # ("steam-rolls" read as nouns, PolNeAR) is the sentence's subject still.
                    or t.dep_ == "ROOT"
                    or self.said_by(t.idx)
                    or t.dep_ == "appos" and t.head.dep_ in ("nsubj", "nsubjpass") and t.head.i not in range(span.start, span.end)
                    or named_beside_subject(t)
                ),
                None,
            )
            if subject is not None and not blocked(subject):
                entries.append((self._depth(subject.i), m.start, m, None))
        pronouns = PRONOUNS_OF.get(wanted, ())
        for t in sent:
            if t.idx >= end:
                break
            if t.dep_ not in ("nsubj", "nsubjpass") or self.inside_quote(t.idx) or blocked(t):
                continue
            if t.lower_ in pronouns or (
                t.pos_ == "NOUN"
                and any(c.lower_ == "the" and c.dep_ == "det" for c in t.children)
                and is_description(t.lower_, t.lemma_.lower(), self.role_nouns)
            ):
                entries.append((self._depth(t.i), t.idx, None, t.left_edge.idx))
        return sorted(entries, key=lambda e: (e[0], e[1]))

    def _speaks(self, mention: Mention | None, chained: int | None) -> bool:
        """Whether a subject entry (a person named, or a pronoun standing at `chained`) is the
        subject of an attribution set aside (`attributed_by`)."""
        if mention is None:
            return chained is not None and self.attributed_by(chained)
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and any(self.attributed_by(t.idx) for t in span)

    def _governed(self, m: Mention) -> bool:
        """Whether a preposition stands just before the name, whose object is no subject:
        "Outside Carrier's plant on Hermenegildo Galeana Street in the suburb of Santa Catarina,
        a worker named Antonio Arroyo has ..." (the street tagged a person, PolNeAR)."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span.start > 0 and self.doc[span.start - 1].tag_ == "IN"

    def _verb_follows(self, end: int, finite: set[int]) -> bool:
        """Whether a finite verb follows character `end` directly or after an aside set off by
        commas: "there is also the possibility that Mrs. Clinton, if elected, might nominate Mr.
        Obama himself" (PolNeAR) makes her the clause's subject as "Mrs. Clinton might" would."""
        at = self._next_word_start(end)
        if at in finite:
            return True
        span = self.doc.char_span(end - 1, end, alignment_mode="expand")
        if span is None or not len(span) or span.end >= len(self.doc) or self.doc[span.end].text != ",":
            return False
        sent_end = self.doc[span.end].sent.end
        for t in self.doc[span.end + 1 : min(sent_end - 1, span.end + 8)]:
            if t.idx in finite:
                return False  # the aside's own verb: a clause of its own, not an aside
            if t.text == ",":
                return self.doc[t.i + 1].idx in finite
        return False

    def _next_word_start(self, end: int) -> int:
        """Where the word after character `end` starts (-1 at the end of the text)."""
        span = self.doc.char_span(end - 1, end, alignment_mode="expand")
        i = span.end if span is not None and len(span) else len(self.doc)
        return self.doc[i].idx if i < len(self.doc) else -1

    def _quoted(self, s: int) -> bool:
        """Whether every word of sentence `s` is inside quotation marks."""
        if s not in self._quoted_sents:
            words = [t.idx for t in self._sents[s] if t.is_alpha]
            self._quoted_sents[s] = bool(words) and all(self.inside_quote(i) for i in words)
        return self._quoted_sents[s]

    def plural_subject(self, before: int) -> Token | None:
        """The subject "they" at character `before` stands for: the plural subject of its own
        sentence before it (the main clause's first), else of the reporter's sentence before.
        In a flat sentence, a plural noun just before its first finite verb (`_flat_plural_subject`)."""
        k = bisect_left(self._sent_starts, before + 1) - 1
        at_token = self.doc.char_span(before, before + 1, alignment_mode="expand")
        own_head = at_token[0].head if at_token is not None and len(at_token) else None
        s, seen = k + 1, 0
        while s > 0 and seen <= GROUP_WINDOW:
            s -= 1
            if s != k and self._quoted(s):
                continue
            seen += 1
            sent = self._sents[s]
            end = min(sent.end_char, before)
            if not self.parsed(sent):
                found = _flat_plural_subject(sent, end)
                people = found is not None and is_people(found, self.people_nouns)
                if people and not self.inside_quote(found.idx):
                    return found
                continue
            subjects = [
                t
                for t in sent
                if t.idx < end
                and t.dep_ in ("nsubj", "nsubjpass")
                and _plural(t)
                and is_people(t, self.people_nouns)
                and not self.inside_quote(t.idx)
                # What the pronoun's own verb governs is no referent (as in `resolve`).
                and not (s == k and own_head is not None and t.i != own_head.i and own_head.is_ancestor(t))
            ]
            if subjects:
                return min(subjects, key=lambda t: (self._depth(t.i), t.i))
        return None

    def resolve(self, before: int, wanted: str, *, depth: int = 0, speaking: bool = False) -> Mention | None:
        """The person a pronoun or description standing at character `before` refers to;
        `wanted` is "m", "f" or "person". A pronoun that is `speaking` (the subject of a
        reporting verb: '"...," he said') takes, within a sentence, the subject of an attribution
        set aside before any other subject: after "Trump, Sexton said, has created a ... zone."
        (PolNeAR, "said" a parenthetical, Trump the main clause's subject) he is Sexton."""
        k = bisect_left(self._sent_starts, before + 1) - 1
        at_token = self.doc.char_span(before, before + 1, alignment_mode="expand")
        own_head = at_token[0].head if at_token is not None and len(at_token) else None

        def blocked(t) -> bool:
            # In the pronoun's own sentence, a subject inside what the pronoun's verb governs
            # ('"... they could see Michael Howard coming ...," he added') is not its referent.
            return own_head is not None and t.i != own_head.i and own_head.is_ancestor(t)

        fallback: Mention | None = None  # the nearest person in no subject role
        s, seen = k + 1, 0
        while s > 0 and seen < WINDOW:
            s -= 1
            sent = self._sents[s]
            if s != k and self._quoted(s):
                # A quotation's own sentences are no part of the reporter's recency: "she
                # replied" after six sentences of quotation still looks back to who was asked.
                continue
            seen += 1
            end = min(sent.end_char, before)
            lo, hi = bisect_left(self.starts, sent.start_char), bisect_left(self.starts, end)
            cands = [m for m in self.people[lo:hi] if m.end <= end and self._fits(m, wanted)]
            own = blocked if s == k else (lambda t: False)
            entries = self._subject_entries(sent, cands, end, wanted, own)
            if speaking:
                entries.sort(key=lambda e: not self._speaks(e[2], e[3]))
            for _, _, mention, chained in entries:
                if mention is not None:
                    return mention
                if depth < 3:
                    found = self.resolve(chained, wanted, depth=depth + 1, speaking=speaking)
                    if found is not None:
                        return found
            if fallback is None:
                fallback = next((m for m in cands if not (s == k and own_head is not None and _covers(self.doc, m, own_head))), None)
        return fallback


def _determined(t: Token) -> bool:
    """Whether "the", "a" or "an" opens the noun's phrase ("the former mayor"), read on the words
    before it so that a sentence the selective parser left flat reads the same."""
    i = t.i - 1
    while i >= t.sent.start and t.doc[i].pos_ in ("ADJ", "NOUN", "PROPN", "ADV"):
        i -= 1
    return i >= t.sent.start and t.doc[i].lower_ in ("the", "a", "an")


def _plural(t: Token) -> bool:
    """A subject standing for several: a plural noun, a quantifier, or names joined by "and"."""
    return (
        # The tagger gives some surnames a plural tag ("Sanders wants ...").
        t.tag_ in PLURAL_TAGS and t.ent_type_ != "PERSON"
        or t.lower_ in PLURAL_WORDS
        or t.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "conj" for c in t.children)
        and any(c.lower_ == "and" for c in t.children)
    )


def is_people(t: Token, people_nouns: frozenset[str]) -> bool:
    """Whether a plural subject can be people who say or think, as "they" who speaks must be:
    a name ("Republicans", "Cruz and Rubio"), a quantifier, a noun for people or bodies, or an
    agent noun ("protesters", "contractors", "economists", "politicians"); not "those remarks",
    "the election returns" or "such measures" (PolNeAR)."""
    lemma = t.lemma_.lower()
    return (
        t.pos_ == "PROPN"
        # A capitalised plural inside the sentence names a people or a generation ("Most
        # Millennials favor a moderate to large role for government ..., and they").
        or t.is_title and not t.is_sent_start
        or t.lower_ in PLURAL_WORDS
        or lemma in people_nouns
        or bool(_AGENT.search(lemma))
    )


def _flat_plural_subject(sent: Span, end: int) -> Token | None:
    """A flat sentence's plural subject: the plural noun its first finite verb follows (an
    adverb may stand between: "Polls show", "Workers also said"), in a noun phrase no
    preposition governs ("For nearly 40 hours, they spoke": no subject)."""
    verb = next((t for t in sent if t.tag_ in FINITE_TAGS), None)
    if verb is None or verb.idx >= end:
        return None
    noun = verb.nbor(-1) if verb.i > sent.start else None
    if noun is not None and noun.pos_ == "ADV" and noun.i > sent.start:
        noun = noun.nbor(-1)
    if noun is None or noun.tag_ not in PLURAL_TAGS or noun.ent_type_ == "PERSON":
        return None
    first = noun
    while first.i > sent.start and first.nbor(-1).pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "DET"):
        first = first.nbor(-1)
    return None if first.i > sent.start and first.nbor(-1).pos_ == "ADP" else noun


def _covers(doc: Doc, m: Mention, head) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and head.is_ancestor(span.root)
