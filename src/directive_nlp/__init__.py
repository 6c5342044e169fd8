"""directive-nlp: who must do what by when, from Vietnamese directive documents.

The public API is a handful of verbs (eyecite style); each takes and returns
the pydantic records of :mod:`directive_nlp.models`::

    from directive_nlp import read_document, normalize_document, parse_structure
    src = read_document("plan.pdf")
    doc = normalize_document(src)
    structure = parse_structure(doc)

Imports are lazy so ``import directive_nlp`` stays fast (underthesea and
spaCy load only when a verb needs them).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "read_document": "directive_nlp.ingest",
    "ReadOptions": "directive_nlp.ingest",
    "normalize_text": "directive_nlp.normalize",
    "normalize_document": "directive_nlp.normalize",
    "match_key": "directive_nlp.normalize",
    "load_text": "directive_nlp.pipeline",
    "parse_structure": "directive_nlp.structure",
    "extract_metadata": "directive_nlp.structure.metadata",
    "load": "directive_nlp.nlp",
    "extract": "directive_nlp.pipeline",
    "extract_text": "directive_nlp.pipeline",
    "build_graph": "directive_nlp.graph",
    "crosscheck": "directive_nlp.crosscheck",
    "compare": "directive_nlp.compare",
    "write_checklist": "directive_nlp.checklist",
    "to_dataframe": "directive_nlp.dataframe",
    "load_results": "directive_nlp.io",
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'directive_nlp' has no attribute {name!r}")
