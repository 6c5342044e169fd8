"""``directive-nlp extract`` and ``directive-nlp schema``.

One input writes one file (``-o OUT``, stdout without ``-o``). Several inputs,
or a folder, write one ``NAME.<ext>`` per document into the folder ``OUT`` —
the layout ``score.py --pred-dir`` reads — unless ``OUT`` is named like a
file of the format (``-o all.csv``, ``.md``, ``.json``, ``.jsonl``): then
they all go into that one file; never a folder named ``all.csv``. The format
is ``--format``, else the suffix of ``-o``, else JSON. A document that fails
is reported on stderr (one line) and the batch goes on; the exit code is
then 3. Usage errors exit 2, an unreadable input 1.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..batch import scan_inputs
from ..errors import EXIT_PARTIAL, InputError, OutputError
from ..ingest import DEFAULT_MAX_PAGES
from ..models import ExtractionResult
from ._app import app, guarded, usage

FORMATS = ("json", "jsonl", "csv", "md", "parquet")

CSV_COLUMNS = [
    "document", "task_id", "section", "task", "agency", "canonical", "role", "deadline_text", "deadline_kind",
    "deadline_date", "deadline_start", "deadline_end", "frequency", "report_to", "sentence", "span_start",
    "span_end", "page", "rule",
]


def _expand(inputs: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in inputs:
        if p.is_dir():
            files, skipped = scan_inputs([p], recursive=False)
            for s in skipped:
                sys.stderr.write(f"skipped: {s['input']} ({s['reason']})\n")
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


def to_markdown(r: ExtractionResult, lang: str = "vi") -> str:
    """The Markdown report (Vietnamese by default; see :mod:`directive_nlp.report.extract_md`)."""
    from ..report.extract_md import to_markdown as md

    return md(r, lang)


def render(results: list[ExtractionResult], fmt: str, lang: str = "vi") -> str:
    from ..io import dump_result

    if fmt == "json":
        if len(results) == 1:
            return dump_result(results[0])
        return json.dumps([json.loads(r.model_dump_json()) for r in results], ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(r.model_dump_json() + "\n" for r in results)
    if fmt == "csv":
        return to_csv(results)
    return "\n".join(to_markdown(r, lang) for r in results)


_SUFFIX_FORMATS = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".md": "md", ".markdown": "md",
                   ".parquet": "parquet"}


def _choose_format(fmt: Optional[str], output: Optional[Path]) -> str:
    """``--format`` if given, else the one the output's suffix names, else json."""
    if fmt is None:
        return _SUFFIX_FORMATS.get(output.suffix.lower(), "json") if output is not None else "json"
    fmt = fmt.lower()
    if fmt not in FORMATS:
        usage(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return fmt


def _one_file_output(output: Optional[Path], fmt: str) -> bool:
    """Several inputs go into one file (not a folder of one file per
    document) for jsonl always, and for any format whose output is named
    like a file of that format (``-o all.csv``): never a folder ``all.csv``."""
    if fmt == "jsonl":
        return True
    if output is None or output.is_dir():
        return False
    return _SUFFIX_FORMATS.get(output.suffix.lower()) == fmt


def _check_outputs(fmt: str, output: Optional[Path], many: bool) -> None:
    """Refuse, in one line, an output that the inputs cannot go to."""
    if output is not None and many and not _one_file_output(output, fmt):
        if output.exists() and not output.is_dir():
            usage(f"{output}: several inputs write one file per document into a folder, and this is a file; "
                  f"give a folder, or name a .{fmt} file to get them all in one")
        if output.suffix.lower() in _SUFFIX_FORMATS:
            usage(f"{output}: several inputs with --format {fmt} cannot go into a .{output.suffix.lstrip('.')} "
                  f"file; give a folder name, or --format {_SUFFIX_FORMATS[output.suffix.lower()]}")
    if output is not None and not many and output.is_dir():
        raise OutputError("this is a folder; give a file name for one document", path=str(output))
    if many and output is None and fmt != "jsonl":
        usage("several inputs need -o FOLDER (one file per document), -o FILE.csv|.md|.jsonl, or --format jsonl")


def _write(output: Optional[Path], text: str) -> None:
    from ..io import write_output

    write_output(output, text)  # None or "-": standard output


def _extract_each(paths: list[Path], options: dict) -> tuple[list[tuple[Path, ExtractionResult]], int]:
    """Every document that reads, in order, through the package's one loop over documents
    (:func:`directive_nlp.batch.iter_results`); a failure is one line on stderr and the batch goes on."""
    from ..batch import ItemResult, iter_results

    done: list[tuple[Path, ExtractionResult]] = []
    failed = 0
    by_name = {str(p): p for p in paths}
    for name, r in iter_results(paths, options):
        if isinstance(r, ItemResult):
            failed += 1
            sys.stderr.write(f"error: {' '.join((r.error or name).split())}\n")
        else:
            done.append((by_name.get(name, Path(name)), r))
    return done, failed


def _write_folder(done: list[tuple[Path, ExtractionResult]], output: Path, fmt: str, lang: str) -> None:
    from ..io import ensure_dir, write_atomic

    ext = {"json": ".json", "csv": ".csv", "md": ".md"}[fmt]
    ensure_dir(output)
    seen: dict[str, int] = {}
    for p, result in done:
        n = seen.get(p.stem, 0)
        seen[p.stem] = n + 1
        name = p.stem if n == 0 else f"{p.stem}.{n + 1}"
        write_atomic(output / f"{name}{ext}", render([result], fmt, lang))


def _json_batch(files: list[Path], output: Path, options: dict, workers: int, backend: str,
                scheduler: Optional[str], progress: Optional[bool]) -> None:
    """Several inputs as JSON into a folder: the resumable batch engine."""
    from ..batch import run_batch

    show = sys.stderr.isatty() if progress is None else progress
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


@app.command("extract")
@guarded
def extract_cli(
    files: List[Path] = typer.Argument(..., help="Documents (PDF, DOCX, HTML, Markdown, text) or folders of them."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f",
                                      help="json | jsonl | csv | md | parquet (one table, needs -o) "
                                           "(default: the -o suffix's format, else json)"),
    output: Optional[Path] = typer.Option(None, "-o", "--output",
                                          help="Output file (one input, or several into one .csv/.md/.jsonl/.json "
                                               "file) or folder (several inputs, one file each)."),
    lang: str = typer.Option("vi", "--lang", help="Language of the md report: vi (Vietnamese) or en (English)."),
    gazetteer: Optional[Path] = typer.Option(None, "--gazetteer", help="User gazetteer YAML added to the agency names."),
    max_pages: int = typer.Option(DEFAULT_MAX_PAGES, "--max-pages", help="Refuse PDFs longer than this."),
    force: bool = typer.Option(False, "--force", help="Read even if the text does not look Vietnamese."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for a batch (json output)."),
    backend: str = typer.Option("local", "--backend", help="local | dask (needs the [dask] extra)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (else a local cluster)."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress",
                                            help="Progress bar (default: when stderr is a terminal)."),
    model: Optional[str] = typer.Option(None, "--model", help="Learned model directory (from `directive-nlp train`); "
                                        "default: the shipped model when present; 'none': rules only."),
    max_chars: Optional[int] = typer.Option(None, "--max-chars", min=0,
                                            help="Refuse texts longer than this many characters "
                                                 "(default: DIRECTIVE_NLP_MAX_CHARS or 1,000,000; 0: no cap)."),
) -> None:
    """Extract who must do what by when (the JSON contract of docs/output-contract.md).

    With several inputs (files, folders or glob patterns) and --format json
    into a folder, the batch engine writes OUT/NAME.json atomically, resumes
    a killed run (skipping inputs done by content hash and pipeline version),
    records failures in OUT/_errors.jsonl and a run summary in
    OUT/_summary.json. `-o all.csv` (or .md, .jsonl, .json) puts every
    document into that one file. Exit 0 ok, 1 bad input, 2 usage, 3 when
    some documents of a batch failed."""
    from ..pipeline import extract

    if output is not None and str(output) == "-":
        output = None  # -o - : standard output
    fmt = _choose_format(fmt, output)
    if lang not in ("vi", "en"):
        usage(f"--lang {lang!r} is not supported; use vi or en")
    if gazetteer is not None and not gazetteer.is_file():
        raise InputError("gazetteer file not found; give a YAML file", path=str(gazetteer))
    from ..learn import resolve_model

    resolve_model(model or "default")  # a bad model directory is one line, before any document is read
    if backend not in ("local", "dask"):
        usage(f"unknown backend {backend!r}; use local or dask")
    many = len(files) > 1 or any(f.is_dir() or any(c in str(f) for c in "*?[") for f in files)
    _check_outputs(fmt, output, many)
    options = {"gazetteer": gazetteer, "max_pages": max_pages, "force": force, "model": model or "default",
               "max_chars": max_chars}
    if many and fmt == "json" and not _one_file_output(output, fmt):
        _json_batch(files, output, options, workers, backend, scheduler, progress)
        return
    paths = _expand(files)
    if fmt == "parquet":
        _extract_parquet(paths, output, options)
        return
    if not many:
        _write(output, render([extract(paths[0], **options)], fmt, lang))
        return
    done, failed = _extract_each(paths, options)
    if _one_file_output(output, fmt):
        if done or output is None:
            _write(output, render([r for _, r in done], fmt, lang))
    else:
        _write_folder(done, output, fmt, lang)
    if failed:
        sys.stderr.write(f"{failed} of {len(paths)} documents failed\n")
        raise typer.Exit(EXIT_PARTIAL)


def _extract_parquet(paths: list[Path], output: Optional[Path], options: dict) -> None:
    """All documents into one Parquet table (one row per task and agency,
    :func:`directive_nlp.dataframe.to_dataframe`); a failing document is
    reported and the others are written (exit 3)."""
    from ..dataframe import write_parquet
    from ..io import load_results

    if output is None or output.suffix.lower() != ".parquet":
        usage("--format parquet writes one binary table: give -o OUT.parquet")
    errors: list[str] = []
    results = load_results(paths, errors=errors, **options)
    write_parquet(results, output)
    for e in errors:
        sys.stderr.write(f"error: {' '.join(e.split())}\n")
    if errors:
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
