"""``directive-nlp meta FILE``: the document's metadata as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..ingest import DEFAULT_MAX_PAGES
from ._app import app, guarded


@app.command("meta")
@guarded
def meta_cli(
    file: Path = typer.Argument(..., help="PDF, DOCX, HTML, Markdown or text file."),
    max_pages: int = typer.Option(DEFAULT_MAX_PAGES, help="Read at most this many pages."),
    force: bool = typer.Option(False, help="Read even if the text does not look Vietnamese."),
    merger: bool = typer.Option(False, "--merger", help="Add the post-2025 province ('province_2025')."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write here instead of stdout."),
) -> None:
    """Print the document metadata (type, number, date, issuer, signer,
    recipients, cited documents, province) as JSON."""
    from ..pipeline import load_text
    from ..structure.metadata import extract_metadata

    doc = load_text(file, max_pages=max_pages, force=force)
    structure = None
    try:  # the section tree bounds the header when the structure parser is there
        from ..structure import parse_structure

        structure = parse_structure(doc)
    except Exception:  # pragma: no cover - metadata does not depend on it
        structure = None
    meta = extract_metadata(doc, structure)
    data = meta.model_dump()
    if merger:
        from ..provinces import current_province

        data["province_2025"] = current_province(meta.province)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    from ..io import write_output

    write_output(output, text)
