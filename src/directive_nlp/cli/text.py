"""``directive-nlp text``: print the normalised text of a document."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..ingest import DEFAULT_MAX_PAGES
from ..errors import EXIT_USAGE
from ._app import app, fail, guarded


@app.command("text")
@guarded
def text_cli(
    file: Path = typer.Argument(..., help="PDF, DOCX, HTML, Markdown or text file."),
    max_pages: int = typer.Option(
        DEFAULT_MAX_PAGES, min=1, help="Refuse PDFs with more pages than this (see --truncate)."
    ),
    truncate: bool = typer.Option(False, help="Read only the first --max-pages pages of a longer PDF."),
    ocr: str = typer.Option("auto", help="OCR pages without text: auto (when Tesseract is installed), never, always."),
    force: bool = typer.Option(False, help="Read even if the text does not look Vietnamese."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
) -> None:
    """Print the normalised text (the text that task spans point into).

    Reader warnings (pages skipped, legacy encoding converted, pages cut by
    --truncate) go to stderr, one line each, so stdout stays the text.
    """
    from ..pipeline import load_text

    if ocr not in ("auto", "never", "always"):
        fail(f"--ocr must be auto, never or always, not {ocr!r}", EXIT_USAGE)
    doc = load_text(file, max_pages=max_pages, truncate=truncate, ocr=ocr, force=force)
    for w in doc.source.warnings:
        sys.stderr.write(f"warning: {w}\n")
    from ..io import write_output

    write_output(output, doc.text + "\n")
