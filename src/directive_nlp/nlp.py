"""The project's spaCy pipeline: the one path every extraction takes.

``load()`` returns (cached per option set) a Vietnamese ``Language`` whose
tokenizer is :class:`directive_nlp.tokenizer.UndertheseaTokenizer` (so pyvi,
which ``spacy.blank("vi")`` would require, is not needed), followed by:

1. ``dnlp_document`` — the document, sections and metadata of a Doc made from a string
   (the reader, :func:`directive_nlp.reader.read_doc`, does this for files);
2. ``dnlp_agency_recognizer`` → ``doc.spans["dnlp_agency"]``;
3. ``dnlp_deadline_recognizer`` → ``doc.spans["dnlp_deadline"]``;
4. ``dnlp_task_extractor`` → ``doc.spans["dnlp_task"]`` (reads 1-3);
5. ``dnlp_learned_decisions`` → the trained decisions applied to the tasks.

:func:`directive_nlp.pipeline.extract` is read → Doc → this pipeline →
:func:`directive_nlp.pipeline.result_from_doc`; so is the CLI, the batch
engine, the web page, ``evaluate`` and ``train``. ``spacy.load("vi_directive_nlp")``
returns the same pipeline (the ``vi_directive_nlp`` package installed beside
this one), and ``nlp.to_disk(path)`` / ``spacy.load(path)`` round-trip through the
entry points of ``pyproject.toml``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from . import extensions  # noqa: F401  (registers the extensions)
from . import tokenizer as _tokenizer  # noqa: F401  (registers the tokenizer)

__all__ = ["load", "load_nlp", "build_nlp", "TOKENIZER_NAME", "PIPE_NAMES"]

TOKENIZER_NAME = "directive_nlp.UndertheseaTokenizer.v1"
PIPE_NAMES = ("dnlp_document", "dnlp_agency_recognizer", "dnlp_deadline_recognizer", "dnlp_task_extractor",
              "dnlp_learned_decisions")


def _model_setting(model) -> Optional[str]:
    if model is None or model is False:
        return "none"
    return str(model)


def build_nlp(gazetteer: Optional[Union[str, Path]] = None, *, tasks: bool = False,
              model: Union[str, Path, None] = "default") -> Language:
    """A new pipeline (not cached); see :func:`load`.

    Args:
        gazetteer: a user gazetteer YAML added to the package one.
        tasks: the whole pipeline (document, recognisers, tasks, learned
            decisions); False gives the tokenizer and the two recognisers.
        model: the learned decisions ("default", "none" or a model folder).
    """
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    if tasks:
        nlp.add_pipe("dnlp_document")
    nlp.add_pipe("dnlp_agency_recognizer", config={"gazetteer": str(gazetteer) if gazetteer else None})
    nlp.add_pipe("dnlp_deadline_recognizer")
    if tasks:
        nlp.add_pipe("dnlp_task_extractor")
        nlp.add_pipe("dnlp_learned_decisions", config={"model": _model_setting(model)})
    return nlp


@lru_cache(maxsize=8)
def _cached(gazetteer: Optional[tuple[str, int]], tasks: bool, model: Optional[str]) -> Language:
    return build_nlp(gazetteer[0] if gazetteer else None, tasks=tasks, model=model)


def _key(gazetteer) -> Optional[tuple[str, int]]:
    """A user gazetteer by value: its resolved path and modification time (an edited file is read again)."""
    if not gazetteer:
        return None
    path = Path(gazetteer).resolve()
    try:
        return str(path), path.stat().st_mtime_ns
    except OSError:  # a missing file: the recogniser says so when it is built
        return str(path), -1


def load_nlp(gazetteer: Optional[Union[str, Path]] = None, *, tasks: bool = False) -> Language:
    """The recognisers' pipeline (or the whole one with ``tasks``), built once and cached.

    >>> nlp = load_nlp()
    >>> doc = nlp("Sở Y tế chủ trì, báo cáo trước ngày 30/6/2024.")
    >>> [(s.text, s.label_) for s in doc.spans["dnlp_agency"]], [s.label_ for s in doc.spans["dnlp_deadline"]]
    ([('Sở Y tế', 'so')], ['by'])
    """
    return _cached(_key(gazetteer), tasks, "default")


def load(gazetteer: Optional[Union[str, Path]] = None, model: Union[str, Path, None] = "default") -> Language:
    """The directive-nlp pipeline, built once per (gazetteer, model) and cached.

    Args:
        gazetteer: a user gazetteer YAML added to the package one (``--gazetteer``).
        model: the learned decisions: "default" (the shipped model), None or
            "none" (rules only), or a folder made by ``directive-nlp train`` (``--model``).

    >>> nlp = load()
    >>> doc = nlp("Sở Y tế chủ trì, phối hợp với Sở Tài chính kiểm tra trước ngày 30/6/2026.")
    >>> [s.text for s in doc.spans["dnlp_task"]]
    ['kiểm tra']
    """
    model_key = _model_setting(model)
    if model_key not in ("default", "none"):
        model_key = str(Path(model_key).resolve())
    return _cached(_key(gazetteer), True, model_key)
