"""``directive-nlp parse``: print the section tree of a document."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path

import typer

from ..ingest import DEFAULT_MAX_PAGES
from ._app import app, guarded


class ParseFormat(str, Enum):
    json = "json"
    md = "md"


@app.command("parse")
@guarded
def parse_cli(
    file: Path = typer.Argument(..., help="PDF, DOCX, HTML, Markdown or text file."),
    format: ParseFormat = typer.Option(ParseFormat.json, "--format", "-f", help="json (sections[] of docs/output-contract.md) or md (outline)."),
    blocks: bool = typer.Option(False, "--blocks", help="JSON: also print the section, marker and heading flag of every block."),
    max_pages: int = typer.Option(DEFAULT_MAX_PAGES, help="Read at most this many pages."),
    force: bool = typer.Option(False, help="Read even if the text does not look Vietnamese."),
) -> None:
    """Print the section tree: ids as in the extraction output ("II.1", "Điều 2", "PL.row5")."""
    from ..models import SectionOut
    from ..pipeline import load_text
    from ..structure import outline_markdown, parse_structure

    doc = load_text(file, max_pages=max_pages, force=force)
    structure = parse_structure(doc)
    if format == ParseFormat.md:
        sys.stdout.write(outline_markdown(doc, structure))
        return
    sections = [SectionOut(**s.model_dump(include=set(SectionOut.model_fields))).model_dump() for s in structure.sections]
    if blocks:
        out: object = {
            "sections": sections,
            "blocks": [b.model_dump() for b in structure.blocks],
        }
    else:
        out = sections
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
