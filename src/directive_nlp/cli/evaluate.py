"""``directive-nlp evaluate``: figures against gold (see :mod:`directive_nlp.evaluation`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import EXIT_PARTIAL
from ._app import app, guarded


@app.command("evaluate")
@guarded
def evaluate_cli(
    folders: List[Path] = typer.Argument(..., help="Folders holding NAME.gold.jsonl beside NAME.md (and rendered/)."),
    form: str = typer.Option(
        "md", "--form",
        help="Which form to read: md, txt (NAME.md read as NAME.txt), plain (NAME.md without markup, "
        "table cells TAB-separated), plainpad (the same, cells padded with spaces), pdftext (the text "
        "copied out of rendered/NAME.pdf), pdf, docx (rendered/NAME.pdf|docx), "
        "badfont or scanned (rendered/NAME.badfont.pdf|NAME.scanned.pdf; only the documents that have one).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    baseline: bool = typer.Option(True, "--baseline/--no-baseline", help="Also measure underthesea ner (slower)."),
    tasks: bool = typer.Option(True, "--tasks/--no-tasks", help="Run the task extractor and score.py figures."),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="User gazetteer YAML added to the package one."),
    measured: str = typer.Option(
        "", "--measured",
        help="Comma-separated document-name prefixes of the measured half (e.g. 11,18,19): "
        "its pooled figures are printed apart from the read half's.",
    ),
    model: Optional[str] = typer.Option(None, "--model", help="Learned model directory (default: the shipped model "
                                        "when present; 'none': rules only)."),
    cv: bool = typer.Option(False, "--cv", help="Leave-one-document-out figures of the trained pipeline beside "
                            "the rules-only ones on the same folds (trains on the other documents each time)."),
) -> None:
    """Run the recognisers (and the extractor) on every gold document and print the figures.

    Per document and in total: agency-only recall/precision, deadline
    normalisation, the underthesea ner baseline, and score.py's task figures
    at task-match 0.5 and 0.7. Exit 3 when some documents failed.
    """
    from ..evaluation import evaluate, format_report

    halves = [m.strip() for m in measured.split(",") if m.strip()]
    if cv:
        from ..learn.cv import cross_validate, format_cv

        rep = cross_validate(folders, form=form, gazetteer=gazetteer, measured=halves,
                             progress=lambda n: sys.stderr.write(f"reading {n}\n"))
        sys.stdout.write((json.dumps(rep, ensure_ascii=False, indent=2) if as_json else format_cv(rep)) + "\n")
        if rep["errors"]:
            raise typer.Exit(EXIT_PARTIAL)
        return
    from ..learn import resolve_model

    resolve_model(model or "default")  # a bad model directory is one line, before any document is read
    rep = evaluate(folders, form=form, tasks=tasks, baseline=baseline, gazetteer=gazetteer, measured=halves,
                   model=model or "default", progress=lambda n: sys.stderr.write(f"evaluating {n}\n"))
    if as_json:
        sys.stdout.write(json.dumps(rep, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_report(rep) + "\n")
    if rep["errors"]:
        raise typer.Exit(EXIT_PARTIAL)
