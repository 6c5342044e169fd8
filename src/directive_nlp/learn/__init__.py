"""Learned decisions on top of the rules.

The rule mechanisms propose candidates (tasks, and the bodies of each task
with a role); small logistic-regression models trained on the gold decide
whether a candidate is a task, whether a body is an actor of it and in which
role, and give every task and agency a ``confidence``. See docs/learning.md.

* :func:`apply_model` — used by :func:`directive_nlp.pipeline.extract`;
* :func:`train` — ``directive-nlp train FOLDER… -o MODEL_DIR``;
* :func:`cross_validate` — ``directive-nlp evaluate … --cv``;
* :func:`corrections_to_gold` — a corrected result as gold JSONL lines.
"""

from .model import DECISIONS, LearnedModel, apply_model, load_model, resolve_model

__all__ = ["DECISIONS", "LearnedModel", "apply_model", "load_model", "resolve_model"]
