"""Build extraction results from gold task lists, so checklist tests do not
depend on the extractor: a gold file is a task list in the OUTPUT.md shape,
its document metadata comes from the corpus ``meta.json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_paths import dev_or_skip
from directive_nlp.io import parse_result
from directive_nlp.models import ExtractionResult


def result_from_gold(corpus: Path, name: str) -> ExtractionResult:
    """An :class:`ExtractionResult` holding the gold tasks of ``corpus/name``."""
    tasks = [json.loads(l) for l in (corpus / f"{name}.gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    meta_path = corpus / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")).get(name, {}) if meta_path.exists() else {}
    return parse_result(
        {
            "source": {"path": f"{name}.md", "format": "md", "sha256": ""},
            "document": meta,
            "tasks": tasks,
        },
        path=f"{name}.gold.jsonl",
    )


@pytest.fixture(scope="session")
def gold_result():
    """``make(name, corpus=None)``: the dev corpus (../shared) unless ``corpus``
    is given; a test asking for the dev corpus skips when it is absent."""
    def make(name: str, corpus: Path | None = None) -> ExtractionResult:
        return result_from_gold(corpus or dev_or_skip(), name)

    return make
