"""spaCy and VADER, wrapped once: model loading, the custom pipes, the batch entity decoder
and the VADER port. Nothing here knows about actors, quotes or themes."""

from analysis.nlp.model import (
    DEFAULT_MODELS,
    INSTALL_HINT,
    MODEL_ENV,
    PIECE_CHARS,
    load_model,
    model_name,
    model_version,
    parse,
    split_pieces,
)
from analysis.nlp.pipes import doc_text
from analysis.nlp.strings import strings_of

__all__ = [
    "DEFAULT_MODELS",
    "INSTALL_HINT",
    "MODEL_ENV",
    "PIECE_CHARS",
    "doc_text",
    "load_model",
    "model_name",
    "model_version",
    "parse",
    "split_pieces",
    "strings_of",
]
