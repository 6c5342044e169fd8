"""Shared helpers of the tasks tests: run the pipeline and score against a gold file."""

from __future__ import annotations

import json
import os
from pathlib import Path

from directive_nlp.evaluation import count, report

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "tests" / "documents"
DEV = ROOT / "corpora" / "dev"
DEV_DOCS = ["langson_ctr_hanh_dong_ct36", "binhphuoc_kh_so_ket_ct36"]
EXTRA = Path(os.environ.get("DIRECTIVE_NLP_SHARED", ROOT.parent / "shared")) / "corpus" / "extra"


def extra_docs(with_gold: bool = False) -> list[str]:
    if not EXTRA.is_dir():
        return []
    names = sorted(p.stem for p in EXTRA.glob("[0-9]*.md"))
    return [n for n in names if not with_gold or (EXTRA / f"{n}.gold.jsonl").exists()]


def load_gold(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def score(gold: list[dict], result, task_match: float = 0.5) -> dict:
    """score.py's figures (vendored in directive_nlp.evaluation) for one result."""
    pred = [t.model_dump(mode="json") for t in result.tasks]
    return report(count(gold, pred, task_match))


def by_task(result) -> dict[str, object]:
    return {t.task: t for t in result.tasks}
