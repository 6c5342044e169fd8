"""Shared helpers of the tasks tests: run the pipeline and score against a gold file."""

from __future__ import annotations

import json
import os
from pathlib import Path

from directive_nlp.evaluation import count, report

from corpus_paths import DEV, DEV_DOCS, EXTRA, ROOT, extra_docs, load_gold  # noqa: F401

DOCS = ROOT / "tests" / "documents"


def score(gold: list[dict], result, task_match: float = 0.5) -> dict:
    """score.py's figures (vendored in directive_nlp.evaluation) for one result."""
    pred = [t.model_dump(mode="json") for t in result.tasks]
    return report(count(gold, pred, task_match))


def by_task(result) -> dict[str, object]:
    return {t.task: t for t in result.tasks}
