"""``directive-nlp extract`` and ``directive-nlp schema``.

One input writes one file (``-o OUT``, stdout without ``-o``). Several inputs,
or a folder, write one ``NAME.<ext>`` per document into the folder ``OUT`` —
the layout ``score.py --pred-dir`` reads; with ``--format jsonl`` they go into
one file (or stdout), one document per line. A document that fails is
reported on stderr (one line) and the batch goes on; the exit code is then 3.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import EXIT_PARTIAL, EXIT_USAGE, DirectiveNLPError, InputError
from ..ingest import DEFAULT_MAX_PAGES
from ..models import ExtractionResult
from ._app import app, fail, guarded

FORMATS = ("json", "jsonl", "csv", "md")
_INPUT_SUFFIXES = {".pdf", ".docx", ".md", ".txt", ".html", ".htm", ".markdown"}

CSV_COLUMNS = [
    "document", "task_id", "section", "task", "agency", "canonical", "role", "deadline_text", "deadline_kind",
    "deadline_date", "deadline_start", "deadline_end", "frequency", "report_to", "sentence", "span_start",
    "span_end", "page", "rule",
]


def _expand(inputs: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in inputs:
        if p.is_dir():
            from ..batch import _skip_reason

            for f in sorted(p.iterdir()):
                why = _skip_reason(f)
                if why:
                    sys.stderr.write(f"skipped: {f} ({why})\n")
            files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in _INPUT_SUFFIXES
                           and not f.name.startswith((".", "_")))
            if not files:
                raise InputError("the folder holds no PDF, DOCX, HTML, Markdown or text file", path=str(p))
            out.extend(files)
        else:
            out.append(p)
    return out


def to_csv(results: list[ExtractionResult]) -> str:
    """One row per (task, agency); a task without agencies gives one row with the agency empty."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for r in results:
        for t in r.tasks:
            d = t.deadline
            base = [t.deadline and d.text or "", d.kind if d else "", d.date if d else "", d.start if d else "",
                    d.end if d else "", d.frequency if d else ""]
            rows = [(a.name, a.canonical, a.role) for a in t.agencies] or [("", "", "")]
            for name, canon, role in rows:
                w.writerow([r.source.path, t.id, t.section, t.task, name, canon, role, *base, "; ".join(t.report_to),
                            t.sentence, t.span[0] if t.span else "", t.span[1] if t.span else "", t.page or "",
                            t.rule or ""])
    return buf.getvalue()


def _cell(s: str) -> str:
    return " ".join(str(s).split()).replace("|", "\\|")


def to_markdown(r: ExtractionResult) -> str:
    """A readable report: one table per section (agencies with their role, deadline, report_to),
    then one line per agency (the tasks it leads and supports) and the unassigned tasks."""
    title = r.document.title or Path(r.source.path).name
    lines = [f"# {_cell(title)}", ""]
    meta = [x for x in (r.document.doc_type, r.document.number, r.document.issuer, r.document.issued_date) if x]
    if meta:
        lines += [" · ".join(_cell(x) for x in meta), ""]
    if not r.tasks:
        lines += ["_No tasks found._", ""]
    headings = {s.id: s.heading for s in r.sections}
    current = None
    for t in r.tasks:
        if t.section != current:
            current = t.section
            h = headings.get(t.section)
            lines += ["", f"## {t.section}" + (f" — {_cell(h)}" if h else ""), "",
                      "| # | Task | Lead | Support | Deadline | Report to |", "|---|---|---|---|---|---|"]
        lead = ", ".join(_cell(a.name) for a in t.agencies if a.role == "lead") or "_(unassigned)_"
        sup = ", ".join(_cell(a.name) for a in t.agencies if a.role == "support")
        dl = ""
        if t.deadline:
            d = t.deadline
            when = d.date or (f"{d.start or '…'} → {d.end or '…'}" if d.kind == "period" else (d.frequency or ""))
            dl = f"{_cell(d.text)} ({d.kind}{', ' + when if when else ''})"
        lines.append(f"| {t.id} | {_cell(t.task)} | {lead} | {sup} | {dl} | {_cell('; '.join(t.report_to))} |")
    # the same tasks seen from each body: what it leads, what it supports
    by_agency: dict[str, dict] = {}
    for t in r.tasks:
        for a in t.agencies:
            entry = by_agency.setdefault(a.canonical or a.name.lower(), {"name": a.name, "lead": [], "support": []})
            entry[a.role].append(t)
    if by_agency:
        lines += ["", "## By agency", "", "| Agency | Leads | Supports | Next deadline |", "|---|---|---|---|"]
        for key in sorted(by_agency, key=lambda k: (-len(by_agency[k]["lead"]), k)):
            e = by_agency[key]
            dates = sorted(d for t in e["lead"] + e["support"] if t.deadline
                           for d in [t.deadline.date or t.deadline.end or t.deadline.start] if d)
            lines.append(f"| {_cell(e['name'])} | {', '.join(t.id for t in e['lead'])} | "
                         f"{', '.join(t.id for t in e['support'])} | {dates[0] if dates else ''} |")
    unassigned = [t.id for t in r.tasks if not t.agencies]
    if unassigned:
        lines += ["", f"Unassigned tasks (the text names no actor): {', '.join(unassigned)}"]
    if r.notes:
        lines += ["", "Notes: " + "; ".join(_cell(n) for n in r.notes)]
    return "\n".join(lines).strip() + "\n"


def render(results: list[ExtractionResult], fmt: str) -> str:
    from ..io import dump_result

    if fmt == "json":
        if len(results) == 1:
            return dump_result(results[0])
        return json.dumps([json.loads(r.model_dump_json()) for r in results], ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(r.model_dump_json() + "\n" for r in results)
    if fmt == "csv":
        return to_csv(results)
    return "\n".join(to_markdown(r) for r in results)


@app.command("extract")
@guarded
def extract_cli(
    files: List[Path] = typer.Argument(..., help="Documents (PDF, DOCX, HTML, Markdown, text) or folders of them."),
    fmt: str = typer.Option("json", "--format", "-f", help="json | jsonl | csv | md"),
    output: Optional[Path] = typer.Option(None, "-o", "--output",
                                          help="Output file (one input) or folder (several inputs; jsonl: one file)."),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="User gazetteer YAML added to the agency names."),
    max_pages: int = typer.Option(DEFAULT_MAX_PAGES, "--max-pages", help="Refuse PDFs longer than this."),
    force: bool = typer.Option(False, "--force", help="Read even if the text does not look Vietnamese."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for a batch (json output)."),
    backend: str = typer.Option("local", "--backend", help="local | dask (needs the [dask] extra)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (else a local cluster)."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress",
                                            help="Progress bar (default: when stderr is a terminal)."),
    max_chars: Optional[int] = typer.Option(None, "--max-chars", min=0,
                                            help="Refuse texts longer than this many characters "
                                                 "(default: DIRECTIVE_NLP_MAX_CHARS or 1,000,000; 0: no cap)."),
) -> None:
    """Extract who must do what by when (the JSON contract of spec/OUTPUT.md).

    With several inputs (files, folders or glob patterns) and --format json,
    the batch engine writes OUT/NAME.json atomically, resumes a killed run
    (skipping inputs done by content hash and pipeline version), records
    failures in OUT/_errors.jsonl and a run summary in OUT/_summary.json,
    and exits 3 when some documents failed."""
    from ..io import write_atomic, write_output
    from ..pipeline import extract

    if output is not None and str(output) == "-":
        output = None  # -o - : standard output
    fmt = fmt.lower()
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}", EXIT_USAGE)
    if gazetteer is not None and not gazetteer.is_file():
        raise InputError("gazetteer file not found; give a YAML file", path=str(gazetteer))
    if backend not in ("local", "dask"):
        fail(f"unknown backend {backend!r}; use local or dask", EXIT_USAGE)
    many = len(files) > 1 or any(f.is_dir() or any(c in str(f) for c in "*?[") for f in files)
    if many and fmt == "json" and output is not None:
        from ..batch import run_batch

        show = sys.stderr.isatty() if progress is None else progress
        options = {"gazetteer": gazetteer, "max_pages": max_pages, "force": force, "max_chars": max_chars}
        summary = run_batch(files, output, workers=workers, backend=backend, scheduler=scheduler,
                            options=options, progress=show, notify=lambda m: sys.stderr.write(f"note: {m}\n"))
        for entry in summary.skipped_entries:
            sys.stderr.write(f"skipped: {entry['input']} ({entry['reason']})\n")
        for err in summary.errors:
            sys.stderr.write(f"error: {' '.join(str(err['error']).split())}\n")
        if summary.stopped:
            sys.stderr.write(f"error: {summary.stopped}\n")
        sys.stderr.write(f"{summary.done} written, {summary.skipped} already done, {summary.failed} failed "
                         f"({summary.seconds:.1f} s)\n")
        if summary.failed or summary.stopped:
            raise typer.Exit(EXIT_PARTIAL)
        return
    paths = _expand(files)
    if many and output is None and fmt != "jsonl":
        fail("several inputs need -o FOLDER (one file per document), or --format jsonl", EXIT_USAGE)

    def run(p: Path) -> ExtractionResult:
        return extract(p, gazetteer=gazetteer, max_pages=max_pages, force=force, max_chars=max_chars)

    if not many:
        result = run(paths[0])
        write_output(output, render([result], fmt))
        return

    failed = 0
    ext = {"json": ".json", "csv": ".csv", "md": ".md", "jsonl": ".jsonl"}[fmt]
    one_file = fmt == "jsonl"
    lines: list[str] = []
    if not one_file:
        from ..io import ensure_dir

        ensure_dir(output)
    seen: dict[str, int] = {}
    for p in paths:
        try:
            result = run(p)
        except DirectiveNLPError as e:
            failed += 1
            sys.stderr.write(f"error: {' '.join(str(e).split())}\n")
            continue
        except Exception as e:  # one bad file must not stop the batch
            failed += 1
            sys.stderr.write(f"error: {p}: {type(e).__name__}: {' '.join(str(e).split())[:200]}\n")
            continue
        if one_file:
            lines.append(result.model_dump_json() + "\n")
            continue
        stem = p.stem
        n = seen.get(stem, 0)
        seen[stem] = n + 1
        name = stem if n == 0 else f"{stem}.{n + 1}"
        write_atomic(output / f"{name}{ext}", render([result], fmt))
    if one_file:
        write_output(output, "".join(lines))
    if failed:
        sys.stderr.write(f"{failed} of {len(paths)} documents failed\n")
        raise typer.Exit(EXIT_PARTIAL)


@app.command("schema")
@guarded
def schema_cli(
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the schema here instead of stdout."),
) -> None:
    """Print the JSON Schema of the extraction output, generated from the pydantic models."""
    schema = ExtractionResult.model_json_schema()
    schema.setdefault("$schema", "https://json-schema.org/draft/2020-12/schema")
    schema.setdefault("title", "ExtractionResult")
    text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    from ..io import write_output

    write_output(output, text)
