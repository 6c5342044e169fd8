"""The learned decisions: linear models stored as plain JSON, applied after the rules.

A model directory holds ``model.json`` (one entry per decision: weights by
feature name, intercept, threshold, whether the decision is *enabled*) and a
model card ``README.md``. Scoring is a dot product over the feature dict
(:mod:`directive_nlp.learn.features`), so extraction does not import
scikit-learn and the model adds little time.

Every decision always gives a **confidence** (its probability); only an
*enabled* decision changes the rules' output:

* ``task`` — P(the candidate is a gold task); enabled: candidates below the
  threshold are dropped.
* ``agency`` — P(the body is an actor of the task); enabled: bodies below the
  threshold are dropped.
* ``role`` — P(the body's role is "support"); enabled: the role is set from it.
* ``add`` — P(a body named in the sentence but not chosen by the rules is an
  actor); enabled: bodies at or above the threshold are added (role from the
  role decision's probability).
* ``join`` — P(two neighbouring tasks of one sentence are halves of one
  task, :mod:`directive_nlp.learn.joins`); enabled: pairs at or above the
  threshold are joined (after the task decision has dropped its candidates).

A decision stays a rule (disabled) when the leave-one-document-out figures
on the measured half do not show it generalising better (docs/learning.md).
"""

from __future__ import annotations

import json
import math
import operator
import os
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any, Optional, Union

from ..errors import InputError
from ..models import ExtractionResult, Task
from .features import agency_features, candidate_features, context_of, task_features

__all__ = [
    "DECISIONS", "LinearDecision", "LearnedModel", "apply_model", "load_model", "default_model_dir",
    "resolve_model", "MODEL_FILE", "FORMAT_VERSION",
]

MODEL_FILE = "model.json"
FORMAT_VERSION = 1
DECISIONS = ("task", "agency", "role", "add", "join")
#: where the shipped model lives (repository layout: models/ beside src/)
# a wheel carries the model inside the package; a source checkout has it in models/
_PACKAGED = Path(__file__).resolve().parents[1] / "_shipped" / "directive_nlp_learned"
_SHIPPED = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).resolve().parents[3] / "models" / "directive_nlp_learned"


@dataclass
class LinearDecision:
    """One logistic-regression decision: P = sigmoid(intercept + Σ weight·value)."""

    weights: dict[str, float]
    intercept: float
    threshold: float = 0.5
    enabled: bool = False

    def prob(self, feats: dict[str, float]) -> float:
        z = self.intercept + sum(map(operator.mul, map(self.weights.get, feats, repeat(0.0)), feats.values()))
        z = max(-30.0, min(30.0, z))
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> dict[str, Any]:
        return {"enabled": self.enabled, "threshold": self.threshold, "intercept": round(self.intercept, 6),
                "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if abs(v) > 1e-9}}

    @classmethod
    def from_json(cls, data: dict[str, Any], where: str) -> "LinearDecision":
        unknown = set(data) - {"enabled", "threshold", "intercept", "weights"}
        if unknown or not isinstance(data.get("weights"), dict):
            raise InputError(f"{where}: not a directive-nlp model decision (keys {sorted(data)})", code="model")
        try:
            return cls(weights={str(k): float(v) for k, v in data["weights"].items()},
                       intercept=float(data.get("intercept", 0.0)),
                       threshold=float(data.get("threshold", 0.5)), enabled=bool(data.get("enabled", False)))
        except (TypeError, ValueError):
            raise InputError(f"{where}: a weight or threshold is not a number", code="model") from None


@dataclass
class LearnedModel:
    """The decisions of one trained model, plus what it was trained on."""

    decisions: dict[str, LinearDecision]
    meta: dict[str, Any] = field(default_factory=dict)
    path: Optional[Path] = None

    def enabled(self, name: str) -> bool:
        d = self.decisions.get(name)
        return bool(d and d.enabled)

    def with_enabled(self, names: set[str]) -> "LearnedModel":
        """A copy where exactly the decisions in ``names`` change the output."""
        decisions = {k: LinearDecision(d.weights, d.intercept, d.threshold, k in names)
                     for k, d in self.decisions.items()}
        return LearnedModel(decisions, dict(self.meta), self.path)

    def save(self, folder: Union[str, Path]) -> Path:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        data = {"format": "directive-nlp-learned", "version": FORMAT_VERSION, "meta": self.meta,
                "decisions": {k: d.to_json() for k, d in self.decisions.items()}}
        target = folder / MODEL_FILE
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return target


def load_model(folder: Union[str, Path]) -> LearnedModel:
    """Read ``folder/model.json``; bad input is one :class:`InputError`."""
    folder = Path(folder)
    path = folder / MODEL_FILE if folder.is_dir() else folder
    if not path.is_file():
        raise InputError(f"{folder}: no {MODEL_FILE} here (train one with `directive-nlp train`)", code="model")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise InputError(f"{path}: not a JSON model file", code="model") from None
    if not isinstance(data, dict) or data.get("format") != "directive-nlp-learned":
        raise InputError(f"{path}: not a directive-nlp learned model", code="model")
    if data.get("version") != FORMAT_VERSION:
        raise InputError(f"{path}: model format {data.get('version')!r}, this version reads {FORMAT_VERSION}",
                         code="model")
    raw = data.get("decisions") or {}
    unknown = set(raw) - set(DECISIONS)
    if unknown:
        raise InputError(f"{path}: unknown decisions {sorted(unknown)}", code="model")
    decisions = {k: LinearDecision.from_json(v, f"{path} [{k}]") for k, v in raw.items()}
    return LearnedModel(decisions, data.get("meta") or {}, path.parent)


def default_model_dir() -> Optional[Path]:
    """The model used when none is named: ``$DIRECTIVE_NLP_MODEL`` ("none" = rules only), else the shipped one."""
    env = os.environ.get("DIRECTIVE_NLP_MODEL")
    if env is not None:
        return None if env.strip().lower() in ("", "none", "off") else Path(env)
    return _SHIPPED if (_SHIPPED / MODEL_FILE).is_file() else None


@lru_cache(maxsize=8)
def _cached(path: str, mtime: float) -> LearnedModel:
    return load_model(path)


def resolve_model(model: Any = "default") -> Optional[LearnedModel]:
    """``"default"`` → the default model (or None); None/False/"none" → rules only; a path → that model."""
    if isinstance(model, LearnedModel):
        return model
    if model is None or model is False or (isinstance(model, str) and model.lower() in ("none", "off", "rules")):
        return None
    if isinstance(model, str) and model == "default":
        folder = default_model_dir()
        if folder is None:
            return None
    else:
        folder = Path(model)
    path = folder / MODEL_FILE if folder.is_dir() else folder
    if not path.is_file():
        raise InputError(f"{folder}: no {MODEL_FILE} here (train one with `directive-nlp train`)", code="model")
    return _cached(str(folder), path.stat().st_mtime)


def copy_task(task: Task) -> Task:
    """``task.model_copy(deep=True)``, without ``copy.deepcopy``'s walk: the task's own lists and its
    agency and deadline records are copied; every value inside them is immutable (str, number, None)."""
    out = task.model_copy()
    out.__dict__.update(
        agencies=[a.model_copy() for a in task.agencies],
        deadline=task.deadline.model_copy() if task.deadline is not None else None,
        report_to=list(task.report_to),
        themes=list(task.themes),
    )
    return out


def apply_model(result: ExtractionResult, model: Any = "default") -> ExtractionResult:
    """The rules' result with the learned decisions applied and confidences set (a new record).

    Without a model the result is returned unchanged (confidence stays null).
    """
    lm = resolve_model(model)
    if lm is None:
        return result
    # a new record: the tasks are copied (they change), the rest is shared with ``result`` (read only here)
    out = result.model_copy(update={"tasks": [copy_task(t) for t in result.tasks]})
    ctx = context_of(result)
    td, ad, rd, xd, jd = (lm.decisions.get(k) for k in DECISIONS)
    kept = []
    for i, task in enumerate(out.tasks):
        if td is not None:
            task.confidence = round(td.prob(task_features(task, i, ctx)), 4)
            if td.enabled and task.confidence < td.threshold:
                continue
        kept.append(task)
        _apply_agencies(task, ctx, ad, rd, xd)
    if jd is not None and jd.enabled:
        from .joins import apply_joins

        kept = apply_joins(kept, jd, ctx)
    out.tasks = kept
    return out


def _apply_agencies(task, ctx, ad: Optional[LinearDecision], rd: Optional[LinearDecision],
                    xd: Optional[LinearDecision] = None) -> None:
    """Confidence, drop and role of each agency of one task, and the bodies added (features read before any change)."""
    feats = [agency_features(task, a, j, ctx) for j, a in enumerate(task.agencies)]
    added = _added(task, ctx, xd, rd) if xd is not None and xd.enabled else []
    kept = []
    for a, f in zip(task.agencies, feats):
        if ad is not None:
            a.confidence = round(ad.prob(f), 4)
            if ad.enabled and a.confidence < ad.threshold:
                continue
        if rd is not None and rd.enabled:
            a.role = "support" if rd.prob(f) >= rd.threshold else "lead"
        kept.append(a)
    task.agencies = kept + added


def _added(task, ctx, xd: LinearDecision, rd: Optional[LinearDecision]) -> list:
    """Bodies of the sentence the rules left out that the ``add`` decision takes."""
    from .candidates import extra_candidates

    out = []
    for k, a in enumerate(extra_candidates(task)):
        f = candidate_features(task, a, len(task.agencies) + k, ctx)
        p = xd.prob(f)
        if p >= xd.threshold:
            a.confidence = round(p, 4)
            if rd is not None:
                a.role = "support" if rd.prob(f) >= rd.threshold else "lead"
            out.append(a)
    return out
