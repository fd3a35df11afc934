"""The custom spaCy pipes of the analysis pipeline, and the tokenizer wrapper that keeps a Doc's
text.

- `paragraph_sentences`: a blank line always ends a sentence.
- `fast_pos_lemma`: part of speech from the tagger's Penn tags and lemmas for inflected nouns and
  verbs only, in place of the attribute ruler and the lemmatizer.
- `selective_parser`: the dependency parser, only on the sentences a `parse_plan` asks for.

Why each exists and what it saves: `bench/README.md`.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy
import spacy
from spacy.attrs import DEP, HEAD, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

# A Doc and each token's sentence number -> one bool per sentence: parse it or not.
ParsePlan = Callable[[Doc, numpy.ndarray], numpy.ndarray]

@Language.component("paragraph_sentences", assigns=["token.is_sent_start"])
def paragraph_sentences(doc: Doc) -> Doc:
    """A blank line always ends a sentence: headlines and datelines have no final stop."""
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if doc[i].text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    return doc


# Penn Treebank tag -> universal POS: what the attribute ruler computes, without running it.
PENN_TO_UPOS = {
    "CC": "CCONJ",
    "CD": "NUM",
    "DT": "DET",
    "EX": "PRON",
    "FW": "X",
    "IN": "ADP",
    "JJ": "ADJ",
    "JJR": "ADJ",
    "JJS": "ADJ",
    "LS": "X",
    "MD": "AUX",
    "NN": "NOUN",
    "NNS": "NOUN",
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "PDT": "DET",
    "POS": "PART",
    "PRP": "PRON",
    "PRP$": "PRON",
    "RB": "ADV",
    "RBR": "ADV",
    "RBS": "ADV",
    "RP": "ADP",
    "SYM": "SYM",
    "TO": "PART",
    "UH": "INTJ",
    "VB": "VERB",
    "VBD": "VERB",
    "VBG": "VERB",
    "VBN": "VERB",
    "VBP": "VERB",
    "VBZ": "VERB",
    "WDT": "PRON",
    "WP": "PRON",
    "WP$": "PRON",
    "WRB": "ADV",
    "HYPH": "PUNCT",
    "NFP": "PUNCT",
    "-LRB-": "PUNCT",
    "-RRB-": "PUNCT",
    ",": "PUNCT",
    ":": "PUNCT",
    ".": "PUNCT",
    "``": "PUNCT",
    "''": "PUNCT",
    '""': "PUNCT",
    "$": "SYM",
    "#": "SYM",
    "AFX": "ADJ",
    "ADD": "X",
    "XX": "X",
    "_SP": "SPACE",
}
AUXILIARIES = frozenset(
    "be am is are was were been being have has had having do does did will would "
    "shall should may might must can could 's 're 've 'd 'm 'll".split()
)


class RuleLemmas:
    """spaCy's English rule lemmatizer for words the tagger marked inflected, from the model's
    own tables, with the same answers: spaCy looks each candidate up in a list of up to 57,000
    words, here it is a set. English `is_base_form` reads morphology, which this
    pipeline does not compute, so it never applies; the lemma is always lower case."""

    def __init__(self, lemmatizer):
        tables = {
            name: lemmatizer.lookups.get_table(name, {})
            for name in ("lemma_index", "lemma_exc", "lemma_rules")
        }
        self.tables = {
            pos: (
                frozenset(tables["lemma_index"].get(pos, ())),
                tables["lemma_exc"].get(pos, {}),
                [tuple(rule) for rule in tables["lemma_rules"].get(pos, ())],
            )
            for pos in ("noun", "verb")
        }

    def __call__(self, lower: str, univ_pos: str) -> str:
        index, exceptions, rules = self.tables[univ_pos]
        if not (index or exceptions or rules):
            return lower
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules:
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if not form:
                    continue
                if form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(lower, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [lower])[0]


@Language.factory("fast_pos_lemma", requires=["token.tag"], assigns=["token.pos", "token.lemma"])
def make_fast_pos_lemma(nlp: Language, name: str):
    """POS from the tagger's Penn tags, and lemmas for inflected nouns and verbs only, from the
    model's own (disabled) rule lemmatizer tables: the attribute ruler and a lemma for every
    token are costly (bench/README.md), and nothing here reads the lemma of
    other words, so every other word is its own lemma, in lower case. Works on the integer ids,
    since string attributes cost a hash lookup per token."""
    from spacy.parts_of_speech import IDS

    strings = nlp.vocab.strings
    rule_lemma = RuleLemmas(nlp.get_pipe("lemmatizer")) if "lemmatizer" in nlp.component_names else None
    pos_of_tag = {strings.add(tag): IDS[pos] for tag, pos in PENN_TO_UPOS.items()}
    aux = {strings.add(word) for word in AUXILIARIES}
    verb, noun, aux_id, other = IDS["VERB"], IDS["NOUN"], IDS["AUX"], IDS["X"]
    # Only inflected forms need the lemmatizer; a base form ("vote", "say") is its own lemma.
    inflected = {strings.add(tag) for tag in ("NNS", "VBD", "VBN", "VBG", "VBZ")}
    lemma_cache: dict[tuple[int, int], int] = {}

    def fast_pos_lemma(doc: Doc) -> Doc:
        for token in doc:
            pos = pos_of_tag.get(token.tag, other)
            if pos == verb and token.lower in aux:
                pos = aux_id
            token.pos = pos
            if rule_lemma is not None and token.tag in inflected and (pos == noun or pos == verb):
                key = (token.lower, pos)
                lemma = lemma_cache.get(key)
                if lemma is None:
                    lemma = strings.add(rule_lemma(token.lower_, "noun" if pos == noun else "verb"))
                    lemma_cache[key] = lemma
                token.lemma = lemma
            else:
                token.lemma = token.lower
        return doc

    return fast_pos_lemma


class SelectiveParser:
    """The dependency parser, run only on the sentences whose parse the analysis reads.

    Speakers come from the parse of sentences with quotations or reporting verbs, a part of
    a news text (bench/README.md says how much); everything else (entities, sentiment, themes, key phrases) needs only tags and
    sentence boundaries, which the small `senter` gives far more cheaply. Runs of
    consecutive sentences that need it are parsed as in a full parse (the parser places their
    sentence boundaries); every other sentence keeps the senter's boundaries and a flat tree (its
    first token the root, the rest attached to it as "dep"), so no reader mistakes it for a parse.

    Which sentences need it is the business of whoever reads the parse: `parse_plan` takes a Doc
    and each token's sentence number and returns one bool per sentence. It comes from spaCy's
    function registry by name, so this layer knows no reader of the parse.
    """

    def __init__(self, parser, parse_plan: ParsePlan):
        self.parser = parser
        self.parse_plan = parse_plan

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs, batch_size: int = 64):
        for batch in spacy.util.minibatch(docs, batch_size):
            words = [doc for doc in batch if len(doc)]  # an empty Doc has nothing to parse
            sentences = [self._sentence_ids(doc) for doc in words]
            plans = [self._runs(doc, sentence) for doc, sentence in zip(words, sentences)]
            pieces = [self._piece(doc, s, e) for doc, runs in zip(words, plans) for s, e in runs]
            parsed = iter(self.parser.pipe(pieces, batch_size=max(1, len(pieces))))
            for doc, sentence, runs in zip(words, sentences, plans):
                self._write(doc, sentence, runs, [next(parsed) for _ in runs])
            yield from batch

    @staticmethod
    def _sentence_ids(doc: Doc) -> numpy.ndarray:
        starts = doc.to_array(SENT_START) == 1
        starts[0] = True
        return numpy.cumsum(starts) - 1

    def _runs(self, doc: Doc, sentence: numpy.ndarray) -> list[tuple[int, int]]:
        """Token ranges of consecutive sentences that need a parse."""
        in_run = self.parse_plan(doc, sentence)[sentence]
        edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], in_run.astype(numpy.int8), [0]))))
        return list(zip(edges[::2].tolist(), edges[1::2].tolist()))

    @staticmethod
    def _piece(doc: Doc, start: int, end: int) -> Doc:
        strings = doc.vocab.strings
        features = doc.to_array([ORTH, SPACY])[start:end].tolist()
        piece = Doc(doc.vocab, words=[strings[o] for o, _ in features], spaces=[bool(s) for _, s in features])
        # The parser reads the shared tok2vec output from doc.tensor, computed on the whole text.
        piece.tensor = doc.tensor[start:end]
        return paragraph_sentences(piece)

    @staticmethod
    def _write(doc: Doc, sentence: numpy.ndarray, runs: list[tuple[int, int]], pieces: list[Doc]) -> None:
        strings = doc.vocab.strings
        first = numpy.searchsorted(sentence, sentence)  # index of each token's sentence start
        index = numpy.arange(len(doc))
        heads = first - index  # HEAD is stored relative to the token
        deps = numpy.where(heads == 0, strings.add("ROOT"), strings.add("dep")).astype(numpy.uint64)
        for (start, end), piece in zip(runs, pieces):
            parsed = piece.to_array([HEAD, DEP])
            heads[start:end] = parsed[:, 0].astype(numpy.int64)
            deps[start:end] = parsed[:, 1]
        doc.from_array([HEAD, DEP], numpy.stack([heads.astype(numpy.uint64), deps], axis=1))


@Language.factory(
    "selective_parser",
    requires=["token.tag", "token.sent_start"],
    assigns=["token.head", "token.dep"],
)
def make_selective_parser(nlp: Language, name: str, parse_plan: ParsePlan) -> SelectiveParser:
    return SelectiveParser(nlp.get_pipe("parser"), parse_plan)


class TextKeepingTokenizer:
    """The model's tokenizer, noting on each Doc the text it was made from, which is exactly
    `Doc.text`: that property joins every token each time it is read."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data["text"] = text
        return doc


def doc_text(doc: Doc) -> str:
    """The text of a Doc, built once per Doc: `Doc.text` joins every token each time it is read."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


# Hash id -> string, for every vocabulary (spaCy's ids are hashes of the strings).
