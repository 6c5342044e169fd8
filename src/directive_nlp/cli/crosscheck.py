"""``directive-nlp crosscheck PROGRAM PLAN``: does the review plan review what the program asked for?"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import InputError
from ._app import app, guarded

_FORMATS = ("json", "md", "html")
_SUFFIX_FORMAT = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


@app.command("crosscheck")
@guarded
def crosscheck_cli(
    program: Path = typer.Argument(..., help="The action program: a document (PDF, DOCX, text) or its `extract` JSON."),
    plan: Path = typer.Argument(..., help="The review plan (sơ kết / tổng kết): a document or its `extract` JSON."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="json, md or html (default: from the -o suffix, else md)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the report here instead of standard output."),
    threshold: Optional[float] = typer.Option(None, "--threshold", help="Least similarity (0-1) for a plan item to review a theme (default 0.10)."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 with one line when the plan does not review the program."),
) -> None:
    """Check theme by theme, task by task and agency by agency what the plan reviews of the program.

    Each numbered task-area section of the program is covered when a review
    item of the plan is about it; the report gives the matched pairs as
    evidence, the tasks left out, the bodies not asked to report and
    deadline conflicts.
    """
    from ..crosscheck import DEFAULT_THRESHOLD, crosscheck, load_input
    from ..io import write_atomic
    from ..report import render_crosscheck_html, render_crosscheck_markdown

    fmt = format or (_SUFFIX_FORMAT.get(output.suffix.lower()) if output else None) or "md"
    if fmt not in _FORMATS:
        raise InputError(f"--format '{fmt}' is not known; use json, md or html")
    if threshold is not None and not 0.0 < threshold < 1.0:
        raise InputError(f"--threshold {threshold} is out of range; give a number between 0 and 1, e.g. 0.10")
    for p in (program, plan):
        if not p.exists():
            raise InputError("file not found; check the path", path=str(p))
    report = crosscheck(load_input(program), load_input(plan),
                        threshold=DEFAULT_THRESHOLD if threshold is None else threshold)
    if strict and report.reviews is False:
        raise InputError(report.headline, code="not_a_review")
    if fmt == "json":
        text = report.model_dump_json(indent=2) + "\n"
    elif fmt == "html":
        text = render_crosscheck_html(report)
    else:
        text = render_crosscheck_markdown(report)
    if output:
        write_atomic(output, text)
        s = report.summary
        missing = f"; not reviewed: {', '.join(s.not_covered)}" if s.not_covered else ""
        typer.echo(report.headline, err=True)
        typer.echo(f"{output}: {s.themes_covered} of {s.themes} themes reviewed{missing}", err=True)
    else:
        typer.echo(text, nl=False)
