"""Checks on what a reading yielded, so a poor reading does not pass unnoticed.

A directive, plan or programme of the genre asks bodies to act throughout its
body: on the hand-checked gold documents (``benchmarks/bench_task_yield.py``
prints the table) a document holds 2.1 to 5.8 tasks per 1,000 characters of
its text (median 4.4). A document that yields less than half the lowest of those
rates was most likely read badly (a scan whose headings and list items were
lost, a layout the task walker does not know) or is not of the genre: the
result then carries a warning, and it is logged on stderr.
"""

from __future__ import annotations

import logging
from typing import Optional

log = logging.getLogger("directive_nlp")

# the lowest rate of tasks per 1,000 characters over the gold documents
# (rounded down), and the warning threshold: half of it
LOWEST_GOLD_RATE = 2.0
MIN_TASKS_PER_1000_CHARS = LOWEST_GOLD_RATE / 2
# shorter texts (a letter, a notice) may rightly hold one or two tasks
MIN_CHARS = 3000


def expected_tasks(chars: int) -> float:
    """The fewest tasks a text of ``chars`` characters of the genre should give."""
    return MIN_TASKS_PER_1000_CHARS * chars / 1000.0


def low_yield_warning(chars: int, tasks: int, *, ocr_pages: int = 0) -> Optional[str]:
    """A one-line warning when ``tasks`` is far below what ``chars`` characters
    suggest, else None."""
    if chars < MIN_CHARS or tasks >= expected_tasks(chars):
        return None
    why = (
        f"; {ocr_pages} page(s) were read by OCR: check the scan's headings and lists"
        if ocr_pages
        else "; check the layout was read (headings, list items, tables) or that the file is a directive or plan"
    )
    return (
        f"few tasks for the document's length: {tasks} task(s) in {chars:,} characters, where plans and "
        f"directives of this length hold {LOWEST_GOLD_RATE * chars / 1000:.0f} or more{why}"
    )


def warn_low_yield(source, chars: int, tasks: int, name: str = "") -> Optional[str]:
    """Add the low-yield warning to ``source.warnings`` (a SourceInfo) and log it."""
    msg = low_yield_warning(chars, tasks, ocr_pages=len(source.ocr_pages or []))
    if msg is None:
        return None
    if msg not in source.warnings:
        source.warnings.append(msg)
    log.warning("warning: %s: %s", name or source.path, msg)
    return msg


__all__ = ["low_yield_warning", "warn_low_yield", "expected_tasks", "MIN_TASKS_PER_1000_CHARS", "MIN_CHARS", "LOWEST_GOLD_RATE"]
