"""Tone toward an actor: how one sentence talks about one mention of it, word by word.

A sentence's VADER score says how the sentence sounds; the tone toward a mention says how the
sentence treats the one mentioned ("Pelosi slammed Trump" is bad news for Trump, not for
Pelosi). Still on VADER's lexicon and spaCy's parse, each word's valence counts by its syntactic
relation to the mention:

- words inside entity names and titles are not scored ("United", "Justice", "Supreme", "Party"),
  nor the mention itself, nor prepositions ("like");
- `modifier`: words of the mention's own noun phrase ("the disgraced former aide", an
  apposition, a relative clause), and of the noun phrases it is part of ("Trump's disastrous
  policy");
- `predicate_agent` / `predicate_patient` / `predicate_other`: the predicate the mention is the
  subject of, the object of, or otherwise attached to, with its complements ("X is corrupt",
  "X made a terrible mistake");
- `verb_object` / `verb_subject`: verbs of attack and praise (the news extension in
  analysis/data/tone_lexicon.yaml: assail, slam, accuse, hail, praise, ...) by the mention's
  role: the object of an attack is hit, its subject much less;
- `own_words`: what the mention is reported to have said (the clause under its "said");
- `clause`: the rest of the predicate's clause; `sentence`: the rest of the sentence;
- in a sentence the parser did not parse (no relation is known there), `flat_near`: the words
  up to three away from the mention, and `flat`: the others;
- negation over the whole clause: a "not", "never", "n't" or "no" anywhere on the way from a word
  up to its clause's verb turns the word's valence (VADER's factor, -0.74), however far away.

What is scored is a small multinomial logistic regression over those readings, trained on the
tuning part of NewsMTSC's training split by `bench/train_tone.py` and stored in
analysis/data/tone_model.json: per relation, the sums of positive and of negative valences; per
relation group (near: noun phrase and predicate; own: what it said; far: the rest) and in all
groups together, the words' lemmas, so that the news words VADER lacks ("allegations",
"falsely") get learned weights;
and the mention's role, whether it is a pronoun and how many entities share the sentence. Each
class's score is a sum of word effects plus a base, so `words` lists exactly what was scored:
every word's effect on the negative, neutral and positive scores. The tone is P(positive) -
P(negative), in [-1, 1]; the label is the most probable class. Hand weights with a tuned neutral
band are what the learned layer had to beat (`bench/train_tone.py` prints both).
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
import yaml
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_STOP, LEMMA, LOWER, POS, TAG
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token
from vaderSentiment.vaderSentiment import BOOSTER_DICT, N_SCALAR, NEGATE

from analysis.errors import ConfigError
from analysis.extract.actors import ACTOR_LABELS, Mention
from analysis.extract.coref import Salience, is_description
from analysis.extract.cues import REPORTING_VERBS
from analysis.extract.quotes import ROLE_NOUNS, quote_cues
from analysis.extract.quotes import sentences_needing_parse as quote_plan
from analysis.extract.sentiment import _analyzer
from analysis.nlp import doc_text, strings_of

DATA = Path(__file__).parent.parent / "data"
DEFAULT_LEXICON = DATA / "tone_lexicon.yaml"
DEFAULT_MODEL = DATA / "tone_model.json"

RELATIONS = (
    "modifier",
    "predicate_agent",
    "predicate_patient",
    "predicate_other",
    "verb_object",
    "verb_subject",
    "own_words",
    "clause",
    "sentence",
    "flat_near",
    "flat",
)

# Person pronouns whose mention gets a tone of its own.
PERSON_PRONOUNS = frozenset(
    """he she him her his himself herself they them their themselves i me my myself we us our
    ourselves""".split()
)
# ... of which these are resolved to a person named before (coref.Salience), by gender.
RESOLVED_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}

_NEGATIONS = frozenset(NEGATE) | {"no", "n't"}
_SUBJECT = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECT = frozenset({"nsubjpass", "csubjpass"})
_OBJECT = frozenset({"dobj", "dative", "oprd"})
_UP_THROUGH = frozenset({"compound", "poss", "appos", "conj", "nmod", "npadvmod", "nummod", "amod", "cc"})
_PREDICATE = frozenset({"acomp", "attr", "oprd", "xcomp", "dobj", "advmod", "npadvmod", "prt", "dative", "neg"})
_NESTED = frozenset({"advcl", "ccomp", "relcl", "parataxis", "conj", "csubj", "acl", "pcomp"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_FLAT = frozenset({"dep", "ROOT", ""})  # what coref.is_parsed reads as a flat tree


@dataclass(frozen=True)
class ToneLexicon:
    """The news extension of VADER's lexicon (analysis/data/tone_lexicon.yaml)."""

    verbs: dict[str, tuple[float, float]]  # lemma -> (valence toward the object, toward the subject)
    words: dict[str, float]
    unscored: frozenset[str]

    @classmethod
    def load(cls, path: str | Path | None = None) -> ToneLexicon:
        return _load_lexicon(str(path or DEFAULT_LEXICON))


@lru_cache(maxsize=4)
def _load_lexicon(path: str) -> ToneLexicon:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        verbs = {str(k): (float(v["object"]), float(v["subject"])) for k, v in (data.get("verbs") or {}).items()}
        words = {str(k).lower(): float(v) for k, v in (data.get("words") or {}).items()}
        unscored = frozenset(str(w).lower() for w in data.get("unscored") or ())
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(
            f"{path}: not a tone lexicon ({exc}); it needs `verbs:` (lemma: {{object: N, subject: N}}), "
            f"`words:` (word: N) and `unscored:` (a list of words)"
        ) from exc
    return ToneLexicon(verbs, words, unscored)


CLASSES = ("negative", "neutral", "positive")
NEAR = frozenset(
    {"modifier", "predicate_agent", "predicate_patient", "predicate_other", "verb_object", "verb_subject", "flat_near"}
)
FLAT_NEAR = 3  # words either side of a mention in an unparsed sentence that count as next to it


def word_group(relation: str) -> str:
    """The group whose learned word weights apply to a word in this relation."""
    return "near" if relation in NEAR else "own" if relation == "own_words" else "far"


@dataclass(frozen=True)
class ToneModel:
    """The learned layer (analysis/data/tone_model.json): one weight vector per feature (one
    weight a class), an intercept a class."""

    intercept: tuple[float, float, float]
    weights: dict[str, tuple[float, float, float]]
    version: str = ""

    @classmethod
    def load(cls, path: str | Path | None = None) -> ToneModel:
        return _load_model(str(path or DEFAULT_MODEL))

    def weight(self, feature: str) -> tuple[float, float, float]:
        return self.weights.get(feature, _ZERO)


_ZERO = (0.0, 0.0, 0.0)


@lru_cache(maxsize=4)
def _load_model(path: str) -> ToneModel:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if tuple(data["classes"]) != CLASSES:
            raise ValueError(f"classes {data['classes']}, expected {list(CLASSES)}")
        weights = {str(k): tuple(float(x) for x in v) for k, v in data["weights"].items()}
        return ToneModel(tuple(float(x) for x in data["intercept"]), weights, str(data.get("version", "")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a tone model ({exc}); rebuild it with bench/train_tone.py") from exc


@dataclass(frozen=True)
class ScoredWord:
    """One word read for the tone toward a mention, and what it did to each class's score."""

    start: int  # character offset in the article
    word: str
    relation: str
    valence: float  # lexicon valence toward the mention, negation and boosters applied (0: none)
    effects: tuple[float, float, float]  # added to the negative, neutral and positive scores

    @property
    def push(self) -> float:
        """Towards positive (> 0) or negative (< 0): the positive minus the negative effect."""
        return self.effects[2] - self.effects[0]


@dataclass(frozen=True)
class MentionTone:
    """The tone toward one mention: class probabilities, and the words it was made of."""

    start: int
    end: int
    probabilities: tuple[float, float, float]  # negative, neutral, positive
    base: tuple[float, float, float]  # intercept, role, pronoun and entity-count terms
    words: tuple[ScoredWord, ...]

    @property
    def tone(self) -> float:
        """P(positive) - P(negative), in [-1, 1]."""
        return round(self.probabilities[2] - self.probabilities[0], 4)

    @property
    def label(self) -> str:
        return label_of(self.probabilities)


def label_of(probabilities: Iterable[float]) -> str:
    """The most probable class of (negative, neutral, positive) probabilities."""
    p = list(probabilities)
    return CLASSES[max(range(3), key=lambda k: p[k])]


def mean_probabilities(tones: Iterable[MentionTone]) -> tuple[float, float, float] | None:
    """The mean class probabilities of an actor's mentions, or None for no mentions."""
    tones = list(tones)
    if not tones:
        return None
    return tuple(sum(t.probabilities[k] for t in tones) / len(tones) for k in range(3))  # type: ignore[return-value]


class DocArrays:
    """A Doc's words as plain lists, read once per article for every sentence's reading."""

    def __init__(self, doc: Doc):
        a = doc.to_array([HEAD, DEP, POS, TAG, LOWER, LEMMA, IS_ALPHA, IS_STOP, IDX]).astype(numpy.int64)
        n = len(doc)
        self.doc = doc
        self.text = doc_text(doc)
        self.head = (a[:, 0] + numpy.arange(n)).tolist() if n else []
        self.dep, self.pos, self.tag, self.lower, self.lemma = (
            strings_of(doc, a[:, k].astype(numpy.uint64).tolist()) for k in range(1, 6)
        )
        self.content = ((a[:, 6] == 1) & (a[:, 7] == 0)).tolist()
        self.idx = a[:, 8].tolist()
        self.entity_tokens = _entity_tokens(doc)
        self.actor_entity_starts = sorted(e.start for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP"))


class SentenceReading:
    """What every mention of one sentence shares, computed once: its words' valences (names,
    titles and prepositions unscored; boosters applied), and its parse as integer lists (a
    Token object per word and per visit cost more than the whole reading)."""

    def __init__(self, sent: Span, lexicon: ToneLexicon, arrays: DocArrays):
        vader = _analyzer().lexicon
        self.doc = arrays.doc
        self.entity_tokens = entity_tokens = arrays.entity_tokens
        self.offset = offset = sent.start
        end = sent.end
        n = end - offset
        self.lower = lower = arrays.lower[offset:end]
        self.dep = dep = arrays.dep[offset:end]
        self.pos = pos = arrays.pos[offset:end]
        self.lemma = lemma = arrays.lemma[offset:end]
        tag = arrays.tag[offset:end]
        self.parsed = any(d not in _FLAT for d in dep)
        starts = arrays.actor_entity_starts
        self.entities = bisect_right(starts, end - 1) - bisect_right(starts, offset - 1)
        # A flat sentence is read whole: no tree, no boosters or negation from it.
        self.head = [min(max(h - offset, 0), n - 1) for h in arrays.head[offset:end]] if self.parsed else [0] * n
        self.children: list[list[int]] = [[] for _ in range(n)]
        if self.parsed:
            for j, h in enumerate(self.head):
                if h != j:
                    self.children[h].append(j)
        self.has_neg = [any(dep[c] == "neg" or lower[c] in _NEGATIONS for c in self.children[j]) for j in range(n)]
        text, idx, content = arrays.text, arrays.idx, arrays.content
        self.idx = idx
        self.valence: list[float | None] = []
        for j in range(n):
            word = lower[j]
            if (
                j + offset in entity_tokens
                or tag[j] in _NAME_TAGS
                or pos[j] == "ADP"
                or (word in lexicon.unscored and text[idx[j + offset]].isupper())
            ):
                self.valence.append(None)
                continue
            if word in lexicon.words:
                valence = lexicon.words[word]
            elif word in vader:
                valence = float(vader[word])
            elif lemma[j] in lexicon.words:
                valence = lexicon.words[lemma[j]]
            else:
                valence = float(vader.get(lemma[j], 0.0))
            if valence:
                for c in self.children[j]:
                    b = BOOSTER_DICT.get(lower[c])
                    if b is not None and dep[c] == "advmod":
                        valence += b if valence > 0 else -b
            elif not content[j + offset]:
                self.valence.append(None)  # no valence and no content: nothing to learn from
                continue
            self.valence.append(valence)
        self._subtrees: dict[int, list[int]] = {}
        # Negation anywhere on the way up (12 steps at most), and up to the word's own clause.
        self.neg_up: list[bool] = []
        self.neg_clause: list[bool] = []
        for j in range(n if self.parsed else 0):
            t, found = j, False
            for _ in range(12):
                if self.has_neg[t]:
                    found = True
                    break
                t = self.head[t]
            self.neg_up.append(found)
            t, found, first = j, False, True
            for _ in range(12):
                if self.has_neg[t]:
                    found = True
                    break
                if not first and self.pos[t] in ("VERB", "AUX"):
                    break
                if self.dep[t] in _NESTED:
                    break
                t, first = self.head[t], False
            self.neg_clause.append(found)

    def subtree(self, j: int) -> list[int]:
        found = self._subtrees.get(j)
        if found is None:
            found = [j]
            for c in self.children[j]:
                found.extend(self.subtree(c))
            self._subtrees[j] = found
        return found


def relations(doc: Doc, start: int, end: int, *, lexicon: ToneLexicon | None = None) -> list[tuple[Token, str, float]]:
    """(word, relation, valence) for every word of the sentence of the mention at token span
    [start, end) that has a valence or is a content word: which relation it stands in to the
    mention, and its valence toward it (negation, boosters and the attack and praise verbs
    applied; 0 for a content word without one)."""
    return read_mention(doc, start, end, lexicon=lexicon)[0]


def read_mention(
    doc: Doc,
    start: int,
    end: int,
    *,
    lexicon: ToneLexicon | None = None,
    reading: SentenceReading | None = None,
) -> tuple[list[tuple[Token, str, float]], str]:
    """`relations`, and the mention's role in its clause: agent, patient, other (parsed) or flat.
    `reading`: its sentence's `SentenceReading`, when the caller keeps them."""
    lexicon = lexicon or ToneLexicon.load()
    if reading is None:
        reading = SentenceReading(doc[start].sent, lexicon, DocArrays(doc))
    words, role = _read(reading, start, end, lexicon)
    return [(doc[j], rel, val) for j, rel, val in words], role


def _read(r: SentenceReading, start: int, end: int, lexicon: ToneLexicon) -> tuple[list[tuple[int, str, float]], str]:
    """`read_mention` on the integers: (token index, relation, valence), and the role."""
    n = len(r.lower)
    # A mention can run past the end of its sentence (a name across a boundary the sentence
    # recogniser drew): its part inside the sentence is read.
    lo, hi = max(0, start - r.offset), min(n, end - r.offset)
    hi = max(hi, min(n, lo + 1))
    valence = r.valence
    words: dict[int, tuple[str, float]] = {}

    def put(j: int, relation: str, value: float | None = None) -> bool:
        if j in words or lo <= j < hi:
            return False
        if value is None:
            value = valence[j]
            if value is None:
                return False
        words[j] = (relation, value)
        return True

    def result(role: str) -> tuple[list[tuple[int, str, float]], str]:
        return [(j + r.offset, rel, val) for j, (rel, val) in sorted(words.items())], role

    if not r.parsed:
        # No relation is known: the words next to the mention apart from the rest.
        for j in range(n):
            put(j, "flat_near" if lo - FLAT_NEAR <= j < hi + FLAT_NEAR else "flat")
        return result("flat")

    dep, head_of, children = r.dep, r.head, r.children
    # The mention's head: its first word whose head lies outside it.
    head = next((j for j in range(lo, hi) if not (lo <= head_of[j] < hi)), lo)
    seen = set(range(lo, hi))
    t, role, verb = head, "other", None
    for _ in range(10):
        for c in children[t]:
            if c not in seen:
                for x in r.subtree(c):
                    if x not in seen:
                        seen.add(x)
                        put(x, "modifier")
        d = dep[t]
        if d == "ROOT" or head_of[t] == t:
            verb = t if r.pos[t] in ("VERB", "AUX") else None
            break
        if d in _SUBJECT:
            role, verb = "agent", head_of[t]
            break
        if d in _PASSIVE_SUBJECT or d in _OBJECT:
            role, verb = "patient", head_of[t]
            break
        if d == "pobj":
            prep = head_of[t]
            if dep[prep] == "agent":
                role, verb = "agent", head_of[prep]
                break
            if r.pos[head_of[prep]] in ("VERB", "AUX", "ADJ"):
                role, verb = "other", head_of[prep]
                break
            seen.add(prep)
            t = head_of[prep]
            seen.add(t)
            put(t, "modifier")
            continue
        if d in _UP_THROUGH:
            t = head_of[t]
            seen.add(t)
            put(t, "modifier")
            continue
        role, verb = "other", head_of[t]
        break

    if verb is not None:
        negated = r.has_neg[verb]
        turn = N_SCALAR if negated else 1.0
        lemma = r.lemma[verb]
        if lemma in lexicon.verbs and role in ("agent", "patient") and verb + r.offset not in r.entity_tokens:
            on_object, on_subject = lexicon.verbs[lemma]
            put(verb, "verb_object" if role == "patient" else "verb_subject", (on_object if role == "patient" else on_subject) * turn)
        elif put(verb, f"predicate_{role}") and words[verb][1]:
            rel, val = words[verb]
            words[verb] = (rel, val * turn)
        seen.add(verb)
        own_words = role == "agent" and lemma in REPORTING_VERBS
        for c in children[verb]:
            if c in seen:
                continue
            below = r.subtree(c)
            if head in below:
                continue
            if dep[c] in _PREDICATE:
                relation = f"predicate_{role}"
            elif dep[c] in ("ccomp", "parataxis") and own_words:
                relation = "own_words"
            elif dep[c] in _NESTED:
                continue  # another clause: the rest of the sentence
            else:
                relation = "clause"
            for x in below:
                if x in seen:
                    continue
                seen.add(x)
                if put(x, relation) and words[x][1] and relation != "own_words" and (negated or r.neg_up[x]):
                    rel, val = words[x]
                    words[x] = (rel, val * N_SCALAR)
    for x in range(n):
        if x not in seen and put(x, "sentence") and words[x][1] and r.neg_clause[x]:
            rel, val = words[x]
            words[x] = (rel, val * N_SCALAR)
    return result(role)


def context_features(role: str, pronoun: bool, entities: int) -> dict[str, float]:
    """The features that are not words: role, pronoun, entities in the sentence (capped at 5)."""
    return {f"role={role}": 1.0, "pronoun": float(pronoun), "entities": min(entities, 5) / 5}


def word_features(relation: str, valence: float, lemma: str) -> dict[str, float]:
    """The features one word adds: its valence to its relation's sum by sign, and its lemma in
    its relation's group and in every group (`all`: what a word says wherever it stands, so that
    a word seen mostly far from mentions still counts next to one)."""
    f = {f"w:{word_group(relation)}:{lemma}": 1.0, f"w:all:{lemma}": 1.0}
    if valence:
        f[f"{relation}{'+' if valence > 0 else '-'}"] = valence
    return f


def _entity_tokens(doc: Doc) -> frozenset[int]:
    return frozenset(i for ent in doc.ents for i in range(ent.start, ent.end))


def features(doc: Doc, start: int, end: int, *, lexicon: ToneLexicon | None = None) -> dict[str, float]:
    """Every feature of the mention at token span [start, end), summed: what `bench/train_tone.py`
    trains on and `mention_tone` scores."""
    lexicon = lexicon or ToneLexicon.load()
    reading = SentenceReading(doc[start].sent, lexicon, DocArrays(doc))
    scored, role = read_mention(doc, start, end, lexicon=lexicon, reading=reading)
    total = context_features(role, _is_pronoun(doc, start, end), reading.entities)
    for token, relation, valence in scored:
        for k, v in word_features(relation, valence, token.lemma_).items():
            total[k] = total.get(k, 0.0) + v
    return total


def _is_pronoun(doc: Doc, start: int, end: int) -> bool:
    return end - start == 1 and doc[start].lower_ in PERSON_PRONOUNS


def _add(a: tuple[float, float, float], b: tuple[float, float, float], scale: float = 1.0) -> tuple[float, float, float]:
    return (a[0] + b[0] * scale, a[1] + b[1] * scale, a[2] + b[2] * scale)


def mention_tone(
    doc: Doc,
    start: int,
    end: int,
    *,
    lexicon: ToneLexicon | None = None,
    model: ToneModel | None = None,
    reading: SentenceReading | None = None,
) -> MentionTone:
    """The tone toward the mention at token span [start, end) of a Doc (`reading`: its
    sentence's, when the caller keeps them)."""
    lexicon = lexicon or ToneLexicon.load()
    model = model or ToneModel.load()
    if reading is None:
        reading = SentenceReading(doc[start].sent, lexicon, DocArrays(doc))
    scored, role = _read(reading, start, end, lexicon)
    base = model.intercept
    pronoun = end - start == 1 and reading.lower[start - reading.offset] in PERSON_PRONOUNS
    for k, v in context_features(role, pronoun, reading.entities).items():
        base = _add(base, model.weight(k), v)
    words = []
    n, u, p = base
    offset, idx, lower, lemmas, weights = reading.offset, reading.idx, reading.lower, reading.lemma, model.weights
    for j, relation, valence in scored:
        # word_features, inline: this loop runs for every word around every mention.
        word, lemma = lower[j - offset], lemmas[j - offset]
        a, b, c = weights.get(f"w:{word_group(relation)}:{lemma}", _ZERO)
        x, y, z = weights.get(f"w:all:{lemma}", _ZERO)
        a, b, c = a + x, b + y, c + z
        if valence:
            x, y, z = weights.get(f"{relation}{'+' if valence > 0 else '-'}", _ZERO)
            a, b, c = a + x * valence, b + y * valence, c + z * valence
        if a or b or c:
            n, u, p = n + a, u + b, p + c
            words.append(ScoredWord(idx[j], word, relation, valence, (a, b, c)))
    logits = (n, u, p)
    top = max(logits)
    exp = [math.exp(x - top) for x in logits]
    probabilities = tuple(round(e / sum(exp), 4) for e in exp)
    last = doc[end - 1]
    return MentionTone(doc[start].idx, last.idx + len(last), probabilities, base, tuple(words))  # type: ignore[arg-type]


def char_span_tokens(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token span [first, last) covering characters [start, end), or None."""
    span: Span | None = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return span.start, span.end


def missed_names(arrays: DocArrays) -> list[tuple[int, int]]:
    """Token spans of runs of proper nouns (NNP, NNPS) in no entity: names the entity recogniser
    missed ("Kavanaugh", "Sessions"), whose tone is read too, with no actor."""
    runs: list[tuple[int, int]] = []
    start = None
    entity_tokens = arrays.entity_tokens
    for i, tag in enumerate([*arrays.tag, ""]):
        inside = tag in _NAME_TAGS and i not in entity_tokens and arrays.text[arrays.idx[i]].isupper()
        if inside and start is None:
            start = i
        elif not inside and start is not None:
            runs.append((start, i))
            start = None
    return runs


def pronoun_mentions(doc: Doc, arrays: DocArrays | None = None) -> list[tuple[int, int]]:
    """Token spans of person pronouns ("he", "she", "they", ...)."""
    arrays = arrays or DocArrays(doc)
    return [
        (i, i + 1)
        for i, (lower, tag) in enumerate(zip(arrays.lower, arrays.tag))
        if lower in PERSON_PRONOUNS and tag in ("PRP", "PRP$")
    ]


TONE_PARSE_PLAN = "analysis.tone_parse_plan.v1"
_IOB_BEGIN = 3  # ENT_IOB of an entity's first token
_PRONOUN_IDS = numpy.array(sorted(hash_string(word) for word in PERSON_PRONOUNS), dtype=numpy.uint64)


def description_mentions(doc: Doc, arrays: DocArrays | None = None) -> list[tuple[int, int]]:
    """Token spans of the head nouns of definite descriptions of a person: a role noun
    (`coref.is_description`) right after "the" or after "the" and one modifier ("the senator",
    "the 58-year-old", "the prime minister", "the Tory leader"); read from the words, so a
    sentence the parser skipped has them too."""
    arrays = arrays or DocArrays(doc)
    lower, pos = arrays.lower, arrays.pos
    return [
        (j, j + 1)
        for j in range(1, len(lower))
        if arrays.tag[j] == "NN"  # one person: "the ministers" are not one
        and is_description(lower[j], arrays.lemma[j], ROLE_NOUNS)
        and (lower[j - 1] == "the" or (j > 1 and lower[j - 2] == "the" and pos[j - 1] in ("ADJ", "NOUN", "PROPN")))
    ]


def _titled_people(doc: Doc, arrays: DocArrays, mentions: Sequence[Mention]) -> list[tuple[int, tuple[str | None, str], str]]:
    """(token, (modifier, role noun), actor) for every person mention given a title: before the
    name ("Prime Minister Tony Blair", "Chancellor Gordon Brown") or in apposition after it ("Mr
    Brown, the chancellor,"), in text order."""
    found = []
    n = len(arrays.lower)
    for m in mentions:
        if not m.actor or m.actor_type != "PERSON":
            continue
        span = char_span_tokens(doc, m.start, m.end)
        if span is None:
            continue
        s, e = span
        # The recogniser sometimes takes the title into the name.
        for j in (s - 1, s):
            if 0 <= j < n and arrays.lemma[j] in ROLE_NOUNS:
                found.append((s, (arrays.lower[j - 1] if j else None, arrays.lemma[j]), m.actor))
                break
        if e + 1 < n and arrays.lower[e] == "," and arrays.lower[e + 1] == "the":
            for j in range(e + 2, min(n, e + 6)):
                if arrays.lemma[j] in ROLE_NOUNS:
                    found.append((s, (arrays.lower[j - 1] if j > e + 2 else None, arrays.lemma[j]), m.actor))
                    break
                if arrays.pos[j] not in ("ADJ", "NOUN", "PROPN"):
                    break
    found.sort(key=lambda t: t[0])
    return found


def _title_holder(titled: list[tuple[int, tuple[str | None, str], str]], j: int, arrays: DocArrays) -> str | None:
    """The actor last given, before token `j`, the title the description at `j` uses: its role
    noun, and its modifier when it has one ("the prime minister" is not "the first minister")."""
    modifier = None if arrays.lower[j - 1] == "the" else arrays.lower[j - 1]
    role = arrays.lemma[j]
    return next(
        (actor for at, (mod, head), actor in reversed(titled) if at < j and head == role and modifier in (None, mod)),
        None,
    )


@lru_cache(maxsize=1)
def _valence_ids() -> numpy.ndarray:
    """Hash ids of every lower-case form and lemma with a valence (VADER's lexicon and ours)."""
    lexicon = ToneLexicon.load()
    words = set(_analyzer().lexicon) | set(lexicon.words) | set(lexicon.verbs)
    return numpy.array(sorted(hash_string(w) for w in words), dtype=numpy.uint64)


def _in_sorted(values: numpy.ndarray, ids: numpy.ndarray) -> numpy.ndarray:
    """`numpy.isin(values, ids)` for sorted `ids`, by binary search: `isin` hashes all of
    VADER's 7,500 ids again at every call: 0.45 s on the bench's 200 articles, against 0.01 s."""
    found = numpy.minimum(numpy.searchsorted(ids, values), len(ids) - 1)
    return ids[found] == values


def sentences_needing_parse(doc: Doc, sentence: numpy.ndarray) -> numpy.ndarray:
    """The sentences whose parse the analysis reads (see nlp.pipes.SelectiveParser): the speaker
    search's, and those that name two actors or more (entities) with a word of some valence,
    where the tone toward each needs the parse to tell them apart. A sentence naming one is read
    by distance (the `flat_near` and `flat` relations): parsing every sentence that names
    someone cost too much (bench/README.md). On the integer arrays, as the speaker plan."""
    needed = quote_plan(doc, sentence)
    if not len(sentence):
        return needed
    features = doc.to_array([ENT_TYPE, ENT_IOB, LOWER, LEMMA])
    # Entity labels are symbols (ORG is 383), not hashes: their ids come from the vocabulary.
    labels = numpy.array([doc.vocab.strings.add(label) for label in ACTOR_LABELS], dtype=numpy.uint64)
    begins = numpy.isin(features[:, 0], labels) & (features[:, 1] == _IOB_BEGIN)
    valence = _in_sorted(features[:, 2], _valence_ids()) | _in_sorted(features[:, 3], _valence_ids())
    size = len(needed)
    names = numpy.bincount(sentence[begins], minlength=size)
    has_valence = numpy.bincount(sentence[valence], minlength=size) > 0
    return needed | ((names >= 2) & has_valence)


@spacy.registry.misc(TONE_PARSE_PLAN)
def tone_parse_plan():
    """The parse plan of the selective parser: the speaker search's sentences and the tone's."""
    return sentences_needing_parse


@dataclass(frozen=True)
class ActorMention:
    """A mention whose tone was read: an entity resolved to an actor, a person pronoun (`actor`
    None when it resolves to no one named before it), a description resolved to a person ("the
    senator"), or a run of proper nouns outside every entity (a name the recogniser missed; no
    actor)."""

    start: int
    end: int
    actor: str | None
    kind: str  # "entity", "pronoun", "description" ("the senator"), or "name" (a missed name)
    tone: MentionTone


def actor_tones(
    doc: Doc,
    mentions: Sequence[Mention],
    *,
    lexicon: ToneLexicon | None = None,
    model: ToneModel | None = None,
) -> list[ActorMention]:
    """The tone toward every actor mention of an article and every person pronoun, in text
    order. "he", "she", "him", "her" and "his" outside quotations resolve to the person named
    before them by the speaker search's coreference rules (`coref.Salience`); the other pronouns,
    and those inside quotations (which speak of someone the quotation's speaker means), keep
    their tone but no actor. A definite description of a person ("the senator") counts for the
    person the article gave that title, and keeps its tone with no actor when
    there is none."""
    lexicon = lexicon or ToneLexicon.load()
    model = model or ToneModel.load()
    arrays = DocArrays(doc)
    sents = list(doc.sents)
    sent_starts = [s.start for s in sents]
    readings: dict[int, SentenceReading] = {}

    def score(start: int, end: int) -> MentionTone:
        k = bisect_right(sent_starts, start) - 1
        if k not in readings:
            readings[k] = SentenceReading(sents[k], lexicon, arrays)
        return mention_tone(doc, start, end, lexicon=lexicon, model=model, reading=readings[k])

    found: list[ActorMention] = []
    covered: set[int] = set()
    for m in mentions:
        if not m.actor:
            continue
        span = char_span_tokens(doc, m.start, m.end)
        if span is None:
            continue
        covered.update(range(*span))
        found.append(ActorMention(m.start, m.end, m.actor, "entity", score(*span)))
    pronouns = [(s, e) for s, e in pronoun_mentions(doc, arrays) if s not in covered]
    descriptions = [(s, e) for s, e in description_mentions(doc, arrays) if s not in covered]
    if pronouns or descriptions:
        holes = sorted((q.start, q.end) for q in quote_cues(doc).spans)
        starts = [h[0] for h in holes]

        def inside_quote(pos: int) -> bool:
            k = bisect_right(starts, pos) - 1
            return k >= 0 and holes[k][1] > pos

        people = sorted(
            (m for m in mentions if m.actor and m.actor_type == "PERSON" and not inside_quote(m.start)),
            key=lambda m: m.start,
        )
        salience = Salience(doc, people, {}, role_nouns=ROLE_NOUNS, inside_quote=inside_quote) if people else None
        for s, e in pronouns:
            token = doc[s]
            actor = None
            wanted = RESOLVED_PRONOUNS.get(token.lower_)
            if salience is not None and wanted and not inside_quote(token.idx):
                person = salience.resolve(token.idx, wanted)
                actor = person.actor if person is not None else None
            found.append(ActorMention(token.idx, token.idx + len(token), actor, "pronoun", score(s, e)))
        # A description ("the senator") counts for the person the article gave that title
        # ("Senator Bernie Sanders", "Mr Brown, the chancellor,"), the nearest before it; without
        # one it keeps its tone but no actor, as an unresolved pronoun does: by recency alone
        # it was the wrong person about half the time on BBC politics articles.
        titled = _titled_people(doc, arrays, mentions) if descriptions else []
        for s, e in descriptions:
            token = doc[s]
            actor = None if inside_quote(token.idx) else _title_holder(titled, s, arrays)
            found.append(ActorMention(token.idx, token.idx + len(token), actor, "description", score(s, e)))
    for s, e in missed_names(arrays):
        if s not in covered:
            last = e - 1
            end_char = arrays.idx[last] + len(arrays.lower[last])
            found.append(ActorMention(arrays.idx[s], end_char, None, "name", score(s, e)))
    found.sort(key=lambda a: (a.start, a.end))
    return found


def actor_tone(tones: Sequence[MentionTone]) -> tuple[float | None, str | None]:
    """An actor's tone in an article from the tones of its mentions: the mean of P(positive) -
    P(negative), and the most probable class of the mean probabilities."""
    mean = mean_probabilities(tones)
    if mean is None:
        return None, None
    return round(mean[2] - mean[0], 4), label_of(mean)
