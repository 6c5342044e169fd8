"""Training material: documents with gold, the rules' output on them, and labelled candidates.

A labelled candidate is what the rules proposed, labelled by the scorer's own
pairing (the vendored ``score.py`` in :mod:`directive_nlp.evaluation`):

* a task is positive when score.py pairs it with a gold task (token F1 ≥ 0.5);
* an agency of a paired task is positive when it matches one of the gold
  task's agencies (score.py's agency match); its role label is that gold
  agency's role (only matched agencies get one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..errors import InputError
from ..evaluation import TASK_MATCH, _agencies, iter_gold_files, load_gold, match_agencies, pair_tasks
from ..models import ExtractionResult
from .candidates import extra_candidates
from .features import agency_features, candidate_features, context_of, task_features
from .joins import join_features, join_labels

__all__ = ["TrainingDocument", "Samples", "find_training_documents", "label_result", "collect"]

#: which file of a document is read, in order of preference, beside NAME.gold.jsonl
SUFFIXES = (".md", ".txt", ".docx", ".pdf")


@dataclass
class TrainingDocument:
    name: str
    path: Path
    gold: list[dict]


@dataclass
class Samples:
    """One document's labelled candidates (feature dicts and 0/1 labels per decision)."""

    name: str
    result: ExtractionResult
    gold: list[dict]
    x: dict[str, list[dict]] = field(default_factory=lambda: {"task": [], "agency": [], "role": [], "add": [], "join": []})
    y: dict[str, list[int]] = field(default_factory=lambda: {"task": [], "agency": [], "role": [], "add": [], "join": []})


def find_training_documents(folders: Iterable[Path], suffixes: tuple[str, ...] = SUFFIXES) -> list[TrainingDocument]:
    """Every ``NAME.gold.jsonl`` in ``folders`` with ``NAME.md|txt|docx|pdf`` beside it (first found)."""
    docs: list[TrainingDocument] = []
    for folder, name, gp in iter_gold_files(folders):
        path = next((folder / (name + s) for s in suffixes if (folder / (name + s)).is_file()), None)
        if path is not None:
            docs.append(TrainingDocument(name, path, load_gold(gp)))
    return docs


def label_result(name: str, result: ExtractionResult, gold: list[dict]) -> Samples:
    """Features and labels of every candidate of one rules-only ``result``."""
    s = Samples(name, result, gold)
    pred = [t.model_dump() for t in result.tasks]
    pairs = dict((j, i) for i, j in pair_tasks(gold, pred, TASK_MATCH))
    ctx = context_of(result)
    for j, task in enumerate(result.tasks):
        s.x["task"].append(task_features(task, j, ctx))
        s.y["task"].append(int(j in pairs))
        if j not in pairs:
            continue
        gold_ag = _agencies(gold[pairs[j]])
        pred_ag = [{"name": a.name, "role": a.role, "k": k} for k, a in enumerate(task.agencies)]
        matched = {p["k"]: g for g, p in match_agencies(gold_ag, pred_ag)}
        for k, a in enumerate(task.agencies):
            f = agency_features(task, a, k, ctx)
            s.x["agency"].append(f)
            s.y["agency"].append(int(k in matched))
            if k in matched:
                s.x["role"].append(f)
                s.y["role"].append(int((matched[k].get("role") or "lead") == "support"))
        missed = [g for g in gold_ag if not any(g is m for m in matched.values())]
        for k, a in enumerate(extra_candidates(task)):
            s.x["add"].append(candidate_features(task, a, len(task.agencies) + k, ctx))
            s.y["add"].append(int(any(match_agencies([g], [{"name": a.name}]) for g in missed)))
    for i, gap, label in join_labels(result.tasks, gold):
        s.x["join"].append(join_features(result.tasks[i], result.tasks[i + 1], gap, ctx))
        s.y["join"].append(label)
    return s


def collect(docs: list[TrainingDocument], extract: Optional[Callable] = None, *, gazetteer=None,
            progress: Optional[Callable[[str], None]] = None) -> tuple[list[Samples], dict[str, str]]:
    """Run the rules (no model) on each document and label their candidates; errors per document."""
    if extract is None:
        from ..pipeline import extract
    samples, errors = [], {}
    for d in docs:
        if progress:
            progress(d.name)
        try:
            result = extract(d.path, gazetteer=gazetteer, model=None)
        except InputError as e:
            errors[d.name] = str(e)
            continue
        samples.append(label_result(d.name, result, d.gold))
    return samples, errors
