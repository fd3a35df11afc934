"""spaCy and VADER, wrapped once: model loading, the custom pipes, the batch entity decoder
and the VADER port. Nothing here knows about actors, quotes or themes.

Names are imported on first use (PEP 562): reading a store (the dashboard, an export) needs the
VADER port's neighbours but not spaCy, whose import alone takes most of a second.
"""

from __future__ import annotations

import importlib

_WHERE = {
    "DEFAULT_MODELS": "analysis.nlp.model",
    "INSTALL_HINT": "analysis.nlp.model",
    "MODEL_ENV": "analysis.nlp.model",
    "PIECE_CHARS": "analysis.nlp.model",
    "load_model": "analysis.nlp.model",
    "model_name": "analysis.nlp.model",
    "model_version": "analysis.nlp.model",
    "parse": "analysis.nlp.model",
    "split_pieces": "analysis.nlp.model",
    "doc_text": "analysis.nlp.pipes",
    "strings_of": "analysis.nlp.strings",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'analysis.nlp' has no attribute {name!r}")
