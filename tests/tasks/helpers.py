"""Shared helpers of the tasks tests: run the pipeline and score against a gold file."""

from __future__ import annotations

import json
from pathlib import Path

from directive_nlp.evaluation import count, report

DOCS = Path(__file__).resolve().parents[1] / "documents"


def load_gold(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def score(gold: list[dict], result, task_match: float = 0.5) -> dict:
    """score.py's figures (vendored in directive_nlp.evaluation) for one result."""
    pred = [t.model_dump(mode="json") for t in result.tasks]
    return report(count(gold, pred, task_match))


def by_task(result) -> dict[str, object]:
    return {t.task: t for t in result.tasks}
