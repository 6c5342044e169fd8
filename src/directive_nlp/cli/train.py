"""``directive-nlp train FOLDER… -o MODEL_DIR``: learn the decisions from documents with gold."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import EXIT_PARTIAL
from ._app import app, guarded


@app.command("train")
@guarded
def train_cli(
    folders: List[Path] = typer.Argument(..., help="Folders holding NAME.gold.jsonl beside NAME.md|txt|docx|pdf."),
    output: Path = typer.Option(..., "-o", "--output", help="Model directory to write (model.json + README.md)."),
    enable: Optional[str] = typer.Option(
        None, "--enable",
        help="Comma-separated decisions that change the output: task, agency, role, add, join (default: "
        "task,join, the ones that beat the rules on the measured half until the rules of 2026-12-07; the "
        "shipped model is trained with 'none', see docs/learning.md); 'none' for none (confidences only).",
    ),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="User gazetteer YAML added to the agency names."),
    cv: bool = typer.Option(False, "--cv", help="Also write leave-one-document-out figures (rules vs trained) "
                            "into the model card (slower: one fit per document)."),
    measured: str = typer.Option("", "--measured", help="With --cv: comma-separated name prefixes of the "
                                 "measured half, reported apart."),
    hold_out: str = typer.Option("", "--hold-out", help="Comma-separated name prefixes of documents left out of "
                                 "the written model's fit (still in the --cv folds), e.g. the measured half."),
) -> None:
    """Run the rules on every document with gold, label their candidates with score.py's pairing, fit one
    logistic regression per decision and write the model. Use it with `extract --model MODEL_DIR`.
    Exit 3 when some documents could not be read (the model is still written from the others)."""
    from ..learn.train import train

    names = None
    if enable is not None:
        names = [] if enable.strip().lower() == "none" else [n.strip() for n in enable.split(",") if n.strip()]
    halves = [m.strip() for m in measured.split(",") if m.strip()]
    model, errors = train(folders, output, enabled=names, gazetteer=gazetteer, cv=cv, measured=halves,
                          hold_out=[h.strip() for h in hold_out.split(",") if h.strip()],
                          progress=lambda n: sys.stderr.write(f"reading {n}\n"))
    counts = model.meta["candidates"]
    sys.stdout.write(
        f"trained on {len(model.meta['documents'])} documents ({model.meta['cpu_seconds']} CPU s): "
        + ", ".join(f"{k} {v['positive']}/{v['candidates']} positive" for k, v in counts.items())
        + f"; enabled: {', '.join(k for k in model.decisions if model.enabled(k)) or 'none'}; written to {output}\n")
    for name, err in errors.items():
        sys.stderr.write(f"error: {name}: {' '.join(err.split())}\n")
    if errors:
        raise typer.Exit(EXIT_PARTIAL)
