"""Leave-one-document-out figures: the trained pipeline against the rules on the same folds.

``directive-nlp evaluate FOLDER… --cv`` calls :func:`cross_validate`. The
rules run once per document (no model); for each document the decisions are
fitted on all the *other* documents and applied to it. Every variant is
scored with score.py's counts (task match 0.5), per document and pooled, and
pooled per half when ``measured`` names the measured half:

* ``rules`` — the rules alone (what they output, no confidence);
* ``model`` — the trained pipeline: the decisions ``train`` enables by
  default (:data:`directive_nlp.learn.train.DEFAULT_ENABLED`, those that
  generalised better on the measured half);
* ``task``, ``agency``, ``role``, ``add`` — one decision enabled at a time, so
  each decision can be kept or left to the rules on its own figures;
* ``all`` — every learned decision enabled.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from ..errors import InputError
from ..evaluation import as_txt, count, find_gold_documents, is_measured, report
from .data import Samples, label_result
from .model import DECISIONS, apply_model
from .train import DEFAULT_ENABLED, fit

__all__ = ["VARIANTS", "cross_validate", "cv_report", "format_cv"]

VARIANTS = ("rules", "model") + DECISIONS + ("all",)


def _rules_samples(dirs: Iterable[Path], form: str, gazetteer, progress) -> tuple[list[Samples], dict[str, str]]:
    from ..pipeline import extract

    docs = find_gold_documents(dirs, form)
    if len(docs) < 2:
        raise InputError(f"--cv needs at least two gold documents in the {form} form", code="usage")
    samples, errors = [], {}
    with tempfile.TemporaryDirectory(prefix="dnlp-cv-") as tmp:
        for d in docs:
            if progress:
                progress(d.name)
            try:
                path = as_txt(d, Path(tmp)) if form == "txt" else d.path
                result = extract(path, gazetteer=gazetteer, model=None)
            except InputError as e:
                errors[d.name] = str(e)
                continue
            samples.append(label_result(d.name, result, d.gold))
    return samples, errors


def _fold_counts(held: Samples, others: list[Samples]) -> dict[str, Counter]:
    model = fit(others)
    out = {"rules": count(held.gold, [t.model_dump() for t in held.result.tasks])}
    variants = [("model", set(DEFAULT_ENABLED))] + [(d, {d}) for d in DECISIONS] + [("all", set(DECISIONS))]
    for variant, names in variants:
        pred = apply_model(held.result, model.with_enabled(names))
        out[variant] = count(held.gold, [t.model_dump() for t in pred.tasks])
    return out


def cross_validate(dirs: Iterable[Path], *, form: str = "md", gazetteer=None, measured: Iterable[str] = (),
                   progress: Optional[Callable[[str], None]] = None) -> dict[str, Any]:
    """Leave-one-document-out reports per document, pooled, and per half (see the module docstring)."""
    samples, errors = _rules_samples(dirs, form, gazetteer, progress)
    return cv_report(samples, form=form, measured=measured, errors=errors)


def cv_report(samples: list[Samples], *, form: str = "md", measured: Iterable[str] = (),
              errors: Optional[dict[str, str]] = None) -> dict[str, Any]:
    """The leave-one-document-out report of already labelled documents (see :func:`cross_validate`)."""
    errors = errors or {}
    if len(samples) < 2:
        raise InputError("--cv needs at least two readable gold documents", code="usage")
    measured = tuple(measured)
    pooled = {v: Counter() for v in VARIANTS}
    halves = {h: {v: Counter() for v in VARIANTS} for h in ("read", "measured")}
    docs: dict[str, Any] = {}
    for i, held in enumerate(samples):
        counts = _fold_counts(held, samples[:i] + samples[i + 1:])
        half = "measured" if is_measured(held.name, measured) else "read"
        for v, c in counts.items():
            pooled[v] += c
            halves[half][v] += c
        docs[held.name] = {v: report(c) for v, c in counts.items()}
    rep: dict[str, Any] = {"form": form, "documents": docs, "total": {v: report(c) for v, c in pooled.items()},
                           "errors": errors}
    if measured:
        rep["halves"] = {h: {v: report(c) for v, c in hv.items()} for h, hv in halves.items()}
    return rep


def _cols(r: dict) -> str:
    return "  ".join(f"{r[k]['f1']:.3f}" for k in ("task", "agency", "deadline", "triple")) + f"  {r['role_accuracy']:.3f}"


def format_cv(rep: dict[str, Any]) -> str:
    """Two columns (rules | trained pipeline) per document and pooled, then each decision alone."""
    w = max([len(n) for n in rep["documents"]] + [14])
    head = "task   agency deadl. triple role "
    lines = [f"form: {rep['form']}  (leave-one-document-out, score.py counts at task match 0.5; "
             f"trained = decisions {', '.join(sorted(DEFAULT_ENABLED)) or 'none'} learned)",
             f"{'document':{w}s}  rules: {head} | trained: {head}"]
    rows = list(rep["documents"].items()) + [("TOTAL", rep["total"])]
    rows += [(f"{h} half", r) for h, r in (rep.get("halves") or {}).items() if r["rules"]["task"]["gold"]]
    for name, r in rows:
        lines.append(f"{name:{w}s}  rules: {_cols(r['rules'])} | trained: {_cols(r['model'])}")
    lines.append("")
    lines.append("triple F1 with one decision learned, the others left to the rules:")
    groups = [("TOTAL", rep["total"])] + [(f"{h} half", r) for h, r in (rep.get("halves") or {}).items()
                                         if r["rules"]["task"]["gold"]]
    for name, r in groups:
        lines.append(f"  {name:14s} rules {r['rules']['triple']['f1']:.3f}  " + "  ".join(
            f"{d} {r[d]['triple']['f1']:.3f}" for d in DECISIONS) + f"  all {r['all']['triple']['f1']:.3f}")
    for name, err in (rep.get("errors") or {}).items():
        lines.append(f"error: {name}: {err}")
    return "\n".join(lines)
