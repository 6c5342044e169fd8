"""Markdown and HTML renderings of a :class:`~directive_nlp.crosscheck.CrosscheckReport`."""

from __future__ import annotations

from ..crosscheck import CrosscheckReport, TASK_COVERED, TASK_PARTIAL


def _context(report: CrosscheckReport) -> dict:
    by_theme: dict[str, list] = {}
    for t in report.tasks:
        by_theme.setdefault(t.theme or "", []).append(t)
    items = {i.id: i for i in report.plan_items}
    return {
        "r": report,
        "tasks_by_theme": by_theme,
        "unmatched": [items[i] for i in report.unmatched_plan_items if i in items],
        "generic_items": [i for i in report.plan_items if i.generic and i.kind == "task"],
        "task_covered": TASK_COVERED,
        "task_partial": TASK_PARTIAL,
        "status_label": {"covered": "covered", "partial": "partly covered", "not_covered": "not covered"},
    }


def render_crosscheck_markdown(report: CrosscheckReport) -> str:
    """The report as Markdown: tables a reader can check line by line."""
    from . import render

    return render("crosscheck.md.j2", **_context(report))


def render_crosscheck_html(report: CrosscheckReport) -> str:
    """The report as one self-contained HTML page (inline CSS, no external assets)."""
    from . import render

    return render("crosscheck.html.j2", **_context(report))
