"""A corrected result as gold: the JSONL lines ``train`` and score.py read.

A user who corrects the task table in the web page (or edits an extract JSON
by hand) holds an :class:`~directive_nlp.models.ExtractionResult` that says
what the document asks. Saved as ``NAME.gold.jsonl`` beside ``NAME.pdf|docx|md``
it becomes training material for ``directive-nlp train`` — the means for
users to teach the tool their own province's layouts.

The lines follow the shape of ``tasks[]`` (docs/output-contract.md; annotation
rules in docs/tasks.md): ``id`` (G1,
G2, …), ``section``, ``sentence``, ``task``, ``agencies`` (name and role),
``deadline`` (text, kind, date, start, end, frequency; null when none) and
``report_to``. What only the extractor knows (canonical names, types, spans,
rules, confidences) is left out.
"""

from __future__ import annotations

import json
from typing import Any

from ..models import ExtractionResult, Task

__all__ = ["task_to_gold", "corrections_to_gold", "corrections_to_jsonl"]

_DEADLINE_KEYS = ("text", "kind", "date", "start", "end", "frequency")


def task_to_gold(task: Task, number: int) -> dict[str, Any]:
    """One gold line for a (corrected) task; empty agency names are dropped."""
    deadline = None
    if task.deadline is not None and (task.deadline.text or "").strip():
        d = task.deadline.model_dump()
        deadline = {k: d.get(k) for k in _DEADLINE_KEYS}
    return {
        "id": f"G{number}",
        "section": task.section,
        "sentence": task.sentence or task.task,
        "task": task.task,
        "agencies": [{"name": a.name.strip(), "role": a.role} for a in task.agencies if a.name.strip()],
        "deadline": deadline,
        "report_to": [r for r in task.report_to if r.strip()],
    }


def corrections_to_gold(result: ExtractionResult) -> list[dict[str, Any]]:
    """The gold records of every task with a text, numbered G1, G2, … in order."""
    tasks = [t for t in result.tasks if (t.task or "").strip()]
    return [task_to_gold(t, i) for i, t in enumerate(tasks, 1)]


def corrections_to_jsonl(result: ExtractionResult) -> str:
    """The gold records as JSONL text (UTF-8, one task per line)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corrections_to_gold(result))
