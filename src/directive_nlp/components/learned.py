"""``dnlp_learned_decisions``: the trained decisions applied to the rules' tasks.

Reads ``doc._.dnlp_tasks`` (the task extractor's records), applies
:func:`directive_nlp.learn.apply_model` — which tasks to keep, which bodies
to drop, add or make supporting, with their confidences — and writes the
tasks back (records and ``doc.spans["dnlp_task"]``).

``model``: ``"default"`` (the shipped model, or ``$DIRECTIVE_NLP_MODEL``),
``"none"`` (rules only) or the folder of a model made by ``directive-nlp train``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext


class LearnedDecisions:
    """Apply a learned model to the Doc's tasks."""

    def __init__(self, nlp: Language, name: str = "dnlp_learned_decisions", *, model: Optional[str] = "default",
                 spans_key: str = ext.TASK) -> None:
        self.name = name
        self.model = model if model is not None else "none"
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from ..learn.model import apply_model, resolve_model
        from ..pipeline import result_from_doc
        from .task import set_task_spans

        lm = resolve_model(self.model)
        if lm is None or not doc._.dnlp_tasks or doc._.dnlp_source is None:
            return doc
        result = apply_model(result_from_doc(doc), lm)
        set_task_spans(doc, result.tasks, self.spans_key)
        return doc

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> "LearnedDecisions":
        return self


@Language.factory("dnlp_learned_decisions", assigns=["doc.spans"],
                  default_config={"model": "default", "spans_key": ext.TASK})
def make_learned_decisions(nlp: Language, name: str, model: Optional[str], spans_key: str) -> LearnedDecisions:
    """Factory of ``dnlp_learned_decisions`` (also the ``spacy_factories`` entry point)."""
    return LearnedDecisions(nlp, name, model=model, spans_key=spans_key)
