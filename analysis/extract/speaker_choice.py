"""A learned second look at a quotation's speaker (issue 16).

The rules of `quotes._Speakers` pick one speaker. This step gathers the other people and bodies
the text offers around the quotation (the actors named in its sentence, the three sentences
before and the one after, the speakers of the previous quotations, "no speaker") and scores
each with a linear model over cheap features: its syntactic role (subject of a reporting verb,
of another verb, an object ...), where it stands (sentences and words away, before or after the
quotation, across a paragraph break), whether it spoke the previous quotations, its kind of
actor, how often the article names it, and whether it is the rules' own pick. The rules' pick
is kept unless another candidate scores higher by the model's margin.

The weights are analysis/data/speaker_model.json, written by bench/train_speakers.py from the
tuning part of PolNeAR's training split; the analysis only reads them (a dot product), it never
imports scikit-learn.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy
from spacy.attrs import DEP, IDX, LOWER
from spacy.strings import hash_string
from spacy.tokens import Span, Token

from analysis.errors import ConfigError

DEFAULT_MODEL = Path(__file__).parent.parent / "data" / "speaker_model.json"

SENTENCES_BEFORE = 3
SENTENCES_AFTER = 1
SPEAKER_KINDS = ("PERSON", "SPOKESPERSON", "ORG", "NORP", "GPE")
_SUBJECT_DEPS = {hash_string(d) for d in ("nsubj", "nsubjpass")}
_OBJECT_DEPS = {hash_string(d) for d in ("dobj", "obj", "dative", "iobj")}
_POBJ = hash_string("pobj")
_ROLE_DEPS = {
    _POBJ: "pobj",
    hash_string("poss"): "poss",
    hash_string("appos"): "appos",
    hash_string("compound"): "compound",
    hash_string("conj"): "conj",
    hash_string("ROOT"): "root",
}
_PERSON_PRONOUNS = {"he": "m", "she": "f"}
_PRONOUN_IDS = {hash_string(p) for p in _PERSON_PRONOUNS}


class _Earlier(Protocol):
    """What is read of a previous quotation (a `quotes.Quote`)."""

    kind: str
    speaker: str | None
    speaker_type: str | None


@dataclass
class Candidate:
    """One speaker the step may choose: its name and type as a Quote carries them (None: no
    speaker), and the names of its features (each worth 1)."""

    speaker: str | None
    speaker_type: str | None
    features: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class SpeakerModel:
    """Linear weights per feature name; `margin`: how much higher than the rules' pick another
    candidate must score to replace it."""

    weights: dict[str, float]
    margin: float
    version: str = ""

    @classmethod
    def load(cls, path: str | Path | None = None) -> SpeakerModel:
        return _load_model(str(path or DEFAULT_MODEL))

    def score(self, candidate: Candidate) -> float:
        return sum(self.weights.get(f, 0.0) for f in candidate.features)

    def pick(self, candidates: list[Candidate]) -> int:
        """The index of the chosen candidate; candidates[0] is the rules' pick."""
        scores = [self.score(c) for c in candidates]
        best = max(range(len(candidates)), key=scores.__getitem__)
        return best if scores[best] - scores[0] > self.margin else 0


@lru_cache(maxsize=4)
def _load_model(path: str) -> SpeakerModel:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return SpeakerModel(weights, float(data["margin"]), str(data.get("version", "")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(
            f"{path}: not a speaker model ({exc}); rebuild it with bench/train_speakers.py"
        ) from exc


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


class SpeakerChooser:
    """Builds the candidates of each quotation of one article and asks the model."""

    def __init__(self, finder: Any, model: SpeakerModel):
        # `finder` is the article's `quotes._Speakers` (which imports this module, so it is not
        # imported back here): its mentions, parse plan, subjects and pronoun resolution.
        self.finder = finder
        self.model = model
        doc = finder.doc
        sentence_of = finder.sentence_of
        self.sentence_of = sentence_of.tolist()
        self.sentence_starts = numpy.flatnonzero(numpy.diff(sentence_of, prepend=-1)).tolist()
        self.deps = doc.to_array(DEP).tolist()
        lower = doc.to_array(LOWER)
        self.pronouns = numpy.flatnonzero(numpy.isin(lower, list(_PRONOUN_IDS))).tolist()
        self.token_starts = doc.to_array(IDX).tolist()
        self.counts = Counter(m.actor for m in finder.mentions)

    def _token_at(self, char: int) -> int:
        return max(0, bisect_left(self.token_starts, char + 1) - 1)

    def _role(self, i: int) -> str:
        """The syntactic role of the token at i where its sentence is parsed."""
        if not self.finder.planned_at(i):
            return "flat"
        doc = self.finder.doc
        dep, head = self.deps[i], self.finder.heads[i]
        if dep in _SUBJECT_DEPS:
            return "subj_reporting" if head in self.finder.reporting else "subj_other"
        if dep in _OBJECT_DEPS:
            return "obj_reporting" if head in self.finder.reporting else "obj_other"
        if dep == _POBJ:
            prep = doc[head]
            if prep.lower_ in ("to", "according", "by") or prep.head.i in self.finder.reporting:
                return "pobj_" + prep.lower_
        return _ROLE_DEPS.get(dep, "other")

    def candidates(
        self,
        span: Span,
        speaker: str | None,
        speaker_type: str | None,
        earlier: list[_Earlier],
        verb: Token | None,
    ) -> list[Candidate]:
        finder, doc, text = self.finder, self.finder.doc, self.finder.text
        subject = finder.subject_of(verb) if verb is not None else None
        if speaker is None:
            how = "rule_none"
        elif subject is None:
            how = "rule_context"
        elif subject.lower_ in ("he", "she", "they", "it"):
            how = "rule_" + subject.lower_
        else:
            how = "rule_named" if finder.mention_at(subject) is not None else "rule_description"
        first, last = self.sentence_of[span.start], self.sentence_of[span.end - 1]
        lo_sent = max(0, first - SENTENCES_BEFORE)
        hi_sent = min(len(self.sentence_starts) - 1, last + SENTENCES_AFTER)
        lo = doc[self.sentence_starts[lo_sent]].idx
        hi_token = self.sentence_starts[hi_sent + 1] if hi_sent + 1 < len(self.sentence_starts) else len(doc)
        hi = doc[hi_token - 1].idx + len(doc[hi_token - 1])
        by_name: dict[str | None, Candidate] = {}
        rule = Candidate(speaker, speaker_type, {"rule", f"rule_type={speaker_type}", how})
        by_name[speaker] = rule

        def add(name: str, kind: str | None) -> Candidate:
            c = by_name.get(name)
            if c is None:
                c = by_name[name] = Candidate(name, kind, {"other"})
            return c

        def place(c: Candidate, start: int, end: int, found_as: str) -> None:
            i = self._token_at(start)
            sent = self.sentence_of[i]
            rel = sent - first if sent < first else sent - last if sent > last else 0
            before = end <= span.start_char
            gap = text[end : span.start_char] if before else text[span.end_char : start]
            words = span.start - i if before else i - span.end
            where = "before" if before else "after"
            role = self._role(i)
            c.features.update(
                {
                    found_as,
                    f"sent={rel}",
                    f"{where}",
                    f"sent={rel}&{where}",
                    f"role={role}",
                    f"role={role}&sent={rel}",
                    f"words={_bucket(words, (3, 10, 25, 60))}",
                }
            )
            if "\n" in gap:
                c.features.add("paragraph_break")

        mentions = finder.mentions[
            bisect_left(finder.mention_starts, lo) : bisect_left(finder.mention_starts, hi)
        ]
        people_before: list[Candidate] = []
        # Names that only qualify the rules' subject ("The Vermont senator", "a senior Cruz
        # adviser") are not candidates of their own.
        qualifying = (0, 0)
        if subject is not None and finder.mention_at(subject) is None:
            qualifying = (subject.left_edge.idx, subject.idx + len(subject))
        for m in mentions:
            if m.actor_type not in SPEAKER_KINDS or span.start_char <= m.start < span.end_char:
                continue
            if qualifying[0] <= m.start < qualifying[1]:
                continue
            c = add(m.actor, m.actor_type)
            place(c, m.start, m.end, "titled" if m.title else "named")
            if m.actor_type == "PERSON" and m.end <= span.start_char:
                people_before = [p for p in people_before if p is not c] + [c]
        for rank, c in enumerate(reversed(people_before[-2:]), 1):
            c.features.add(f"person_before={rank}")
        first_token = self._token_at(lo)
        for i in self.pronouns[
            bisect_left(self.pronouns, first_token) : bisect_left(self.pronouns, hi_token)
        ]:
            if span.start <= i < span.end or self.deps[i] not in _SUBJECT_DEPS:
                continue
            t = doc[i]
            if finder._inside_quote(t.idx):
                continue
            wanted = _PERSON_PRONOUNS[t.lower_]
            found = finder.previous_actor(t.idx, wanted, speaking=finder.heads[i] in finder.reporting)
            if found is not None:
                place(add(*found), t.idx, t.idx + len(t), "pronoun")
        seen = 0
        for q in reversed(earlier):
            if q.speaker is None or q.kind == "scare":
                continue
            seen += 1
            c = add(q.speaker, q.speaker_type)
            c.features.add(f"previous={_bucket(seen, (1, 2))}")
            if seen >= 3:
                break
        none = by_name.get(None) or Candidate(None, None, {"other"})
        none.features.add("none")
        by_name[None] = none
        people = sum(1 for c in by_name.values() if c.speaker_type in ("PERSON", "SPOKESPERSON"))
        none.features.add(f"none&people={_bucket(people, (0, 1, 2))}")
        pronoun = _PERSON_PRONOUNS.get(subject.lower_) if subject is not None else None
        genders = finder.salience.genders if pronoun else {}
        # What a candidate is worth against the rules' pick depends on how the rules found it:
        # every feature of the others again, joined with that.
        for c in by_name.values():
            if c.speaker is not None:
                c.features.add(f"type={c.speaker_type}")
                c.features.add(f"count={_bucket(self.counts.get(c.speaker, 0), (1, 3, 8))}")
            if pronoun and c.speaker_type == "PERSON":
                gender = genders.get(c.speaker, "")
                c.features.add(
                    "gender=" + ("unknown" if not gender else "agrees" if gender == pronoun else "clashes")
                )
            if c is not rule:
                c.features.update([f"{how}&{f}" for f in c.features])
        # Whoever the rules' pick names ("one Clinton aide", "a senior Cruz adviser") is whom
        # the speaker works for, not the speaker: never offered against it.
        within = set(speaker.split()) if speaker else set()
        return [
            rule,
            *(
                c
                for c in by_name.values()
                if c is not rule and not (c.speaker and c.speaker.split()[-1] in within)
            ),
        ]

    def choose(
        self,
        span: Span,
        speaker: str | None,
        speaker_type: str | None,
        earlier: list[_Earlier],
        verb: Token | None,
    ) -> tuple[str | None, str | None]:
        found = self.candidates(span, speaker, speaker_type, earlier, verb)
        chosen = found[self.model.pick(found)]
        return chosen.speaker, chosen.speaker_type
