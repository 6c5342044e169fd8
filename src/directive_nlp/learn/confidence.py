"""Which rows staff should check first: low learned confidence.

The checklist, the web table and the Markdown output call :func:`is_low` /
:func:`flag` so the rule lives in one place. A task is *low confidence* when
the model gives it, or any of its bodies, a probability under
:data:`LOW_CONFIDENCE`; results without a model (confidence null) are never
flagged.
"""

from __future__ import annotations

from typing import Optional

from ..models import Task

__all__ = ["LOW_CONFIDENCE", "MARK", "is_low", "flag", "task_confidence"]

LOW_CONFIDENCE = 0.5
#: the marker put before a low-confidence row (Markdown, web table, checklist)
MARK = "⚠"


def task_confidence(task: Task) -> Optional[float]:
    """The lowest of the task's and its bodies' confidences (None without a model)."""
    values = [task.confidence] + [a.confidence for a in task.agencies]
    values = [v for v in values if v is not None]
    return min(values) if values else None


def is_low(task: Task, threshold: float = LOW_CONFIDENCE) -> bool:
    c = task_confidence(task)
    return c is not None and c < threshold


def flag(task: Task) -> str:
    """``"⚠ "`` for a low-confidence task, else ``""`` (prefix for a row's first cell)."""
    return MARK + " " if is_low(task) else ""
