"""The model's entity recogniser, decoded for a whole batch at once with NumPy.

spaCy's NER is a transition-based tagger: a network scores the model's 74 actions (B-, I-, L-,
U- of 18 labels, and O) at each token, and a decoder in C takes the best valid action, one token
at a time. The network is cheap next to the decoder, which checks every action's validity with a
function call per action per token, which is where NER spends its time (bench/README.md).

The decoder here gives the same entities from the same network and weights (tested on BBC text),
by what the transition rules imply when no entities are preset:
- With no entity open, the state at a token is the same whatever came before, so the action
  there can be taken for every token of the batch at once: one matrix product.
- An entity opened by B- at token e continues (I-) or closes (L-) from the scores of a state
  that depends only on e, the current token and the label, so all the entities opened in a
  batch are followed side by side, a handful of steps in all.
- Reading the tokens left to right, an action taken inside an entity that is still open never
  happens: keeping each entity or unit whose first token lies after the last kept one is the
  decoder's walk.

Sums are taken in spaCy's order and the matrix products use the same BLAS routine (blis), so the
scores, hence the choices and their ties (the first best action wins), are spaCy's. Documents
that already carry entities go to spaCy's decoder, which knows how to respect them.
"""

from __future__ import annotations

import numpy
import spacy
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

# Tokens scored at a time: 8,192 tokens' scores and hidden layers take about 10 MB.
SLICE_TOKENS = 8192


class BatchEntityRecognizer:
    """Sets `doc.ents` as the model's `ner` component would, from that component's network."""

    def __init__(self, ner):
        self.ner = ner
        self.tok2vec, self.lower, self.upper = ner.model.layers
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        kinds = [name.split("-", 1)[0] for name in names]
        self.labels = [name.split("-", 1)[1] if "-" in name else "" for name in names]
        self.begin = numpy.array([k == "B" for k in kinds])
        # "U-" with no label only marks a preset blocked span, never valid here.
        self.unit = numpy.array([k == "U" and bool(label) for k, label in zip(kinds, self.labels)])
        self.out = numpy.array([k == "O" for k in kinds])
        column = {(k, label): i for i, (k, label) in enumerate(zip(kinds, self.labels))}
        # For each action, the I- and L- actions of its label: read for the B- actions only.
        self.in_of = numpy.array([column.get(("I", label), 0) for label in self.labels])
        self.last_of = numpy.array([column.get(("L", label), 0) for label in self.labels])
        self.bias = self.lower.get_param("b").ravel()
        self.pieces = self.lower.get_dim("nP")

    @staticmethod
    def applies_to(ner) -> bool:
        """Whether `ner` is a greedy BILUO entity recogniser of the shape decoded here."""
        model = getattr(ner, "model", None)
        return (
            getattr(ner, "moves", None).__class__.__name__ == "BiluoPushDown"
            and ner.cfg.get("beam_width", 1) == 1
            and model is not None
            and model.name == "parser_model"
            and model.attrs.get("has_upper")
            and not model.attrs.get("unseen_classes")
            and model.get_ref("lower").get_dim("nF") == 3
        )

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 128):
        for batch in spacy.util.minibatch(docs, batch_size):
            words = [doc for doc in batch if len(doc)]
            if any(doc.to_array(ENT_IOB).any() for doc in words):
                for _ in self.ner.pipe(words, batch_size=len(words)):
                    pass  # spaCy's decoder sets the entities on the documents themselves
            elif words:
                self._decode(words)
            yield from batch

    def _scores(self, first, start, previous):
        """Action scores of states from their three feature rows, summed in spaCy's order."""
        hidden = first + start
        hidden += previous
        hidden += self.bias
        hidden = hidden.reshape(len(hidden), -1, self.pieces).max(axis=2)
        scores = self.upper.ops.gemm(numpy.ascontiguousarray(hidden), self.upper.get_param("W"), trans2=True)
        scores += self.upper.get_param("b")
        return scores

    def _decode(self, docs: list[Doc]) -> None:
        lengths = numpy.array([len(doc) for doc in docs])
        ends = numpy.cumsum(lengths)
        total = int(ends[-1])
        # Feature rows of every token for the three state features (the token, the entity's
        # first token, the token before), row 0 the padding used when a feature is absent.
        features = self.lower.predict(self.tok2vec.predict(docs))
        features = features.reshape(total + 1, features.shape[1], -1)
        space = numpy.concatenate([doc.to_array(IS_SPACE) for doc in docs]).astype(bool)
        sentence_start = numpy.concatenate([doc.to_array(SENT_START) for doc in docs]) == 1
        last = numpy.zeros(total, bool)
        last[ends - 1] = True
        # An entity may not run into the next sentence, nor past the end of its document.
        stop = last.copy()
        stop[:-1] |= sentence_start[1:]

        # With no entity open: B- where an entity may start and continue, U- on any word, O.
        # In slices, so a batch of long texts holds no scores for all its tokens at once.
        action = numpy.empty(total, dtype=numpy.int64)
        for first in range(0, total, SLICE_TOKENS):
            rows = slice(first, min(total, first + SLICE_TOKENS))
            scores = self._scores(features[1:, 0][rows], features[0, 1], features[0, 2])
            scores[:, ~(self.begin | self.unit | self.out)] = -numpy.inf
            scores[numpy.ix_(stop[rows] | space[rows], self.begin)] = -numpy.inf
            scores[numpy.ix_(space[rows], self.unit)] = -numpy.inf
            action[rows] = scores.argmax(axis=1)

        # Follow every entity a B- opens until its L-.
        opened = numpy.flatnonzero(self.begin[action])
        in_action, last_action = self.in_of[action[opened]], self.last_of[action[opened]]
        entity_end = numpy.empty(len(opened), dtype=numpy.int64)
        following = numpy.arange(len(opened))
        step = 1
        while len(following):
            at = opened[following] + step
            scores = self._scores(features[at + 1, 0], features[opened[following] + 1, 1], features[at, 2])
            rows = numpy.arange(len(following))
            # I- is listed before L-, so it wins a tie, as in spaCy's argmax.
            goes_on = ~stop[at] & (
                scores[rows, in_action[following]] >= scores[rows, last_action[following]]
            )
            entity_end[following[~goes_on]] = at[~goes_on] + 1
            following = following[goes_on]
            step += 1

        units = numpy.flatnonzero(self.unit[action])
        starts = numpy.concatenate([opened, units])
        stops = numpy.concatenate([entity_end, units + 1])
        order = numpy.argsort(starts, kind="stable")
        found: list[list[Span]] = [[] for _ in docs]
        document = numpy.searchsorted(ends, starts, side="right")
        offsets = ends - lengths
        kept_end = 0
        for i in order.tolist():
            start = int(starts[i])
            if start < kept_end:
                continue  # inside an entity already taken: the decoder never stood here
            kept_end = int(stops[i])
            d = int(document[i])
            label = self.labels[int(action[start])]
            found[d].append(Span(docs[d], start - int(offsets[d]), kept_end - int(offsets[d]), label=label))
        for doc, ents in zip(docs, found):
            doc.set_ents(ents, default="outside")


@Language.factory("batch_ner")
def make_batch_ner(nlp: Language, name: str) -> BatchEntityRecognizer:
    return BatchEntityRecognizer(nlp.get_pipe("ner"))
