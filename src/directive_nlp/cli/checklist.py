"""``directive-nlp checklist``: a draft checklist from a document or an extract JSON."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

import typer

from ..errors import InputError
from ._app import app, guarded, usage


def parse_as_of(value: Optional[str]) -> Optional[date]:
    """``--as-of`` as ISO (2024-06-20) or the Vietnamese way (20/6/2024)."""
    if not value:
        return None
    v = value.strip()
    try:
        return date.fromisoformat(v)
    except ValueError:
        pass
    parts = v.replace("-", "/").replace(".", "/").split("/")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        try:
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            pass
    raise InputError(f"--as-of '{value}' is not a date; write it as 2024-06-20 or 20/6/2024")


@app.command("checklist")
@guarded
def checklist_cli(
    input: Path = typer.Argument(..., help="A document (PDF, DOCX, text) or an `extract` JSON (hand-corrected is fine)."),
    output: Path = typer.Option(..., "-o", "--output", help="OUT.docx, .xlsx, .csv, .md, .ics or .json: the suffix picks the format."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Date the checklist is made for (default today): decides the next deadlines and the past ones."),
    lang: str = typer.Option("vi", "--lang", help="Labels in vi (Vietnamese) or en (English)."),
) -> None:
    """Write a checklist of who must do what by when, grouped by agency.

    To fix the draft, correct the JSON of `directive-nlp extract` and give it here.
    Exit 0 ok, 1 unreadable input, 2 wrong option (suffix, date, language).
    """
    from ..checklist import build_checklist, format_for, write_checklist
    from ..io import load_result

    # wrong option values are usage errors (exit 2), refused before the slow extraction
    if lang not in ("vi", "en"):
        usage(f"--lang '{lang}' is not supported; use vi or en")
    try:
        format_for(output)
        day = parse_as_of(as_of)
    except InputError as e:
        usage(str(e))
    if output.is_dir():
        usage(f"{output} is a folder; name the checklist file (e.g. {output / 'checklist.docx'})")
    result = load_result(input)
    write_checklist(result, output, as_of=day, lang=lang)  # type: ignore[arg-type]
    cl = build_checklist(result, as_of=day, lang=lang)  # type: ignore[arg-type]
    agencies = sum(1 for g in cl.groups if not g.unassigned)
    typer.echo(
        f"{output}: {cl.summary.tasks} tasks, {agencies} agencies, {cl.summary.unassigned} unassigned, "
        f"{len(cl.summary.next_deadlines)} upcoming deadlines",
        err=True,
    )
