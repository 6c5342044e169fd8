"""Fit the learned decisions (scikit-learn logistic regression) and write a model directory.

``directive-nlp train FOLDER… -o MODEL_DIR`` calls :func:`train`: the rules
run on every document with gold, their candidates are labelled by the
scorer's pairing (:mod:`directive_nlp.learn.data`), one logistic regression
is fitted per decision, and the weights are written as JSON with a model card.
"""

from __future__ import annotations

import math
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..errors import InputError
from .data import Samples, collect, find_training_documents
from .model import DECISIONS, LearnedModel, LinearDecision

__all__ = ["fit_decision", "fit", "train", "THRESHOLDS", "DEFAULT_ENABLED"]

#: probability below which an enabled decision drops a task / an agency; the
#: role decision says "support" at or above its threshold
THRESHOLDS = {"task": 0.25, "agency": 0.3, "role": 0.5, "add": 0.5, "join": 0.6}
#: decisions that change the output when a model is trained without
#: ``--enable``: those whose leave-one-document-out figures on the measured
#: half beat the rules (docs/learning.md)
DEFAULT_ENABLED: frozenset[str] = frozenset({"task", "join"})
#: inverse regularisation strength of the logistic regressions
C = 0.5


def fit_decision(xs: list[dict], ys: list[int], threshold: float) -> LinearDecision:
    """One L2 logistic regression over feature dicts; a constant when the labels have one class."""
    if not ys:
        return LinearDecision({}, 0.0, threshold)
    share = sum(ys) / len(ys)
    if share in (0.0, 1.0):
        p = min(max(share, 0.01), 0.99)
        return LinearDecision({}, math.log(p / (1 - p)), threshold)
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sparse=True)
    matrix = vec.fit_transform(xs)
    clf = LogisticRegression(C=C, max_iter=2000, solver="lbfgs")
    clf.fit(matrix, ys)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) > 1e-6}
    return LinearDecision(weights, float(clf.intercept_[0]), threshold)


def fit(samples: list[Samples], enabled: Iterable[str] = DEFAULT_ENABLED) -> LearnedModel:
    """Fit every decision on the pooled candidates of ``samples``."""
    enabled = set(enabled)
    decisions = {}
    for name in DECISIONS:
        xs = [f for s in samples for f in s.x[name]]
        ys = [v for s in samples for v in s.y[name]]
        d = fit_decision(xs, ys, THRESHOLDS[name])
        d.enabled = name in enabled
        decisions[name] = d
    counts = {name: {"candidates": sum(len(s.y[name]) for s in samples),
                     "positive": sum(sum(s.y[name]) for s in samples)} for name in DECISIONS}
    meta = {"documents": [s.name for s in samples], "candidates": counts}
    return LearnedModel(decisions, meta)


def train(folders: Iterable[Path], out_dir: Path, *, enabled: Optional[Iterable[str]] = None, gazetteer=None,
          progress: Optional[Callable[[str], None]] = None, cv: bool = False,
          measured: Iterable[str] = (), hold_out: Iterable[str] = ()) -> tuple[LearnedModel, dict[str, str]]:
    """Train on every document with gold under ``folders`` and write ``out_dir/model.json`` + ``README.md``.

    ``hold_out`` (document-name prefixes) are left out of the fit of the
    written model, so that figures measured on them stay out-of-sample (the
    shipped model holds out the measured half); the cross-validation still
    uses every document, each in its own fold.

    With ``cv`` the model card also gets the leave-one-document-out figures
    of the same documents (rules against trained; ``measured`` names the
    measured half's document prefixes), the figures by which a decision is
    enabled or left to the rules.
    """
    start = time.process_time()
    docs = find_training_documents(folders)
    if not docs:
        raise InputError("no NAME.gold.jsonl with NAME.md|txt|docx|pdf beside it in the given folders", code="usage")
    samples, errors = collect(docs, gazetteer=gazetteer, progress=progress)
    if not samples:
        raise InputError("no training document could be read: " + "; ".join(errors.values()), code="usage")
    on = set(DEFAULT_ENABLED if enabled is None else enabled)
    unknown = on - set(DECISIONS)
    if unknown:
        raise InputError(f"unknown decisions {sorted(unknown)}; use {', '.join(DECISIONS)}", code="usage")
    hold_out = tuple(hold_out)
    fitted = [s for s in samples if not s.name.startswith(hold_out)] if hold_out else samples
    if not fitted:
        raise InputError("every training document is held out; name fewer --hold-out prefixes", code="usage")
    model = fit(fitted, on)
    model.meta.update(trained=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%MZ"),
                      cpu_seconds=round(time.process_time() - start, 1), errors=errors)
    model.save(out_dir)
    from .card import write_card

    figures = ""
    if cv and len(samples) > 1:
        from .cv import cv_report, format_cv

        figures = "```\n" + format_cv(cv_report(samples, measured=measured)) + "\n```"
    write_card(model, Path(out_dir), figures)
    return model, errors
