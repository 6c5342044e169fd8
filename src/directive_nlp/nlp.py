"""The project's spaCy pipeline: underthesea tokenizer + recognisers.

``load_nlp()`` builds (once per gazetteer) a Vietnamese ``Language`` whose
tokenizer is :class:`directive_nlp.tokenizer.UndertheseaTokenizer` — so pyvi,
which ``spacy.blank("vi")`` would require, is not needed — followed by:

1. ``dnlp_agency_recognizer`` → ``doc.spans["agency"]``
2. ``dnlp_deadline_recognizer`` → ``doc.spans["deadline"]``
3. ``dnlp_task_extractor`` when the tasks area provides it and ``tasks=True``.

The pipeline round-trips through ``nlp.to_disk(path)`` / ``spacy.load(path)``:
the components and the tokenizer are registered under entry points, so the
saved folder loads in any environment where directive-nlp is installed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

import spacy
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from . import tokenizer as _tokenizer  # noqa: F401  (registers the tokenizer)

__all__ = ["load_nlp", "build_nlp", "TOKENIZER_NAME"]

TOKENIZER_NAME = "directive_nlp.UndertheseaTokenizer.v1"


def build_nlp(gazetteer: Optional[Union[str, Path]] = None, *, tasks: bool = False) -> Language:
    """A new pipeline (not cached); see :func:`load_nlp`.

    Args:
        gazetteer: a user gazetteer YAML added to the package one.
        tasks: also add ``dnlp_task_extractor`` (needs the tasks area).
    """
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    nlp.add_pipe("dnlp_agency_recognizer", config={"gazetteer": str(gazetteer) if gazetteer else None})
    nlp.add_pipe("dnlp_deadline_recognizer")
    if tasks:
        nlp.add_pipe("dnlp_task_extractor")
    return nlp


@lru_cache(maxsize=8)
def _cached(gazetteer: Optional[str], tasks: bool) -> Language:
    return build_nlp(gazetteer, tasks=tasks)


def load_nlp(gazetteer: Optional[Union[str, Path]] = None, *, tasks: bool = False) -> Language:
    """The shared pipeline, built once per (gazetteer, tasks) and cached.

    >>> nlp = load_nlp()
    >>> doc = nlp("Sở Y tế chủ trì, báo cáo trước ngày 30/6/2024.")
    >>> [(s.text, s.label_) for s in doc.spans["agency"]], [s.label_ for s in doc.spans["deadline"]]
    ([('Sở Y tế', 'so')], ['by'])
    """
    key = str(Path(gazetteer).resolve()) if gazetteer else None
    return _cached(key, tasks)
