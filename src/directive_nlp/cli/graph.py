"""``directive-nlp graph`` and ``directive-nlp compare``.

Both take documents or ``extract`` JSON (hand-corrected too) and call the
Python API of :mod:`directive_nlp.graph` and :mod:`directive_nlp.compare`.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import EXIT_PARTIAL, InputError
from ._app import app, guarded

_DOC_SUFFIXES = (".json", ".jsonl", ".pdf", ".docx", ".md", ".txt", ".html", ".htm")


def _is_result_file(path: Path) -> bool:
    """A JSON file in a folder counts only if it looks like an extract
    result (a folder of documents often holds meta.json and the like)."""
    try:
        head = path.read_text(encoding="utf-8")[:200000]
    except (OSError, UnicodeDecodeError):
        return False
    return '"tasks"' in head


def expand_inputs(inputs: List[Path]) -> list[Path]:
    """Files as given; a folder gives its documents and its extract JSON
    files (when a document and a JSON share a name, the JSON: it may be
    hand-corrected). Gold files and JSON that is not a result are skipped."""
    out: list[Path] = []
    for p in inputs:
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in _DOC_SUFFIXES
                           and not f.name.endswith(".gold.jsonl") and f.name.lower() not in ("readme.md", "sources.md"))
            js = [f for f in files if f.suffix.lower() in (".json", ".jsonl") and _is_result_file(f)]
            stems = {f.stem for f in js}
            docs = [f for f in files if f.suffix.lower() not in (".json", ".jsonl") and f.stem not in stems]
            chosen = sorted(js + docs)
            if not chosen:
                raise InputError("the folder holds no documents or extract JSON", path=str(p))
            out += chosen
        elif not p.exists():
            raise InputError("file not found; check the path", path=str(p))
        else:
            out.append(p)
    if not out:
        raise InputError("no inputs given")
    return out


def load_inputs(inputs: List[Path]) -> tuple[list, list[str]]:
    """Results for every input that can be read, and one line per input
    that cannot (a batch keeps going; the command exits 3 at the end).
    When no input can be read, the first error is raised (exit 1)."""
    from ..io import load_results

    results, errors, first = [], [], None
    for p in expand_inputs(inputs):
        try:
            results += load_results([p])
        except InputError as e:
            first = first or e
            errors.append(str(e))
    if not results:
        raise first or InputError("no inputs given")
    return results, errors


def _finish(errors: list[str]) -> None:
    for e in errors:
        typer.echo(f"error: {e}", err=True)
    if errors:
        raise typer.Exit(EXIT_PARTIAL)


def _taxonomy_arg(value: Optional[str]):
    if value is None or value.lower() == "auto":
        return "auto"
    if value.lower() == "none":
        return None
    return value


@app.command("graph")
@guarded
def graph_cli(
    inputs: List[Path] = typer.Argument(..., help="Documents (PDF, DOCX, MD, TXT, HTML) or extract JSON; folders too."),
    output: Path = typer.Option(..., "-o", "--output", help="OUT.graphml, OUT.gexf, OUT.json (node-link), OUT.svg or OUT.png."),
    taxonomy: Optional[str] = typer.Option(
        "auto", "--taxonomy", help="Themes: auto (tasks' own, else ct36 when it fits), ct36, FILE.yaml, a reference document, or none."),
    label_top: int = typer.Option(15, help="Pictures: number the N busiest agencies."),
) -> None:
    """Build the responsibility graph (documents, sections, tasks, agencies, deadlines, themes)."""
    from ..compare import choose_taxonomy
    from ..graph import GRAPH_FORMATS, build_graph, write_graph

    if output.suffix.lower() not in GRAPH_FORMATS:
        raise InputError(f"unknown output format {output.suffix or '(none)'}; use one of {', '.join(GRAPH_FORMATS)}",
                         path=str(output))
    results, errors = load_inputs(inputs)
    spec, notes = choose_taxonomy(results, _taxonomy_arg(taxonomy))
    G = build_graph(results, taxonomy=spec)
    kwargs = {"label_top": label_top} if output.suffix.lower() in (".svg", ".png") else {}
    from ..io import output_target

    write_graph(G, output_target(output), **kwargs)  # a device, FIFO or /proc path is refused first
    counts: dict[str, int] = {}
    for _, a in G.nodes(data=True):
        counts[a.get("kind", "?")] = counts.get(a.get("kind", "?"), 0) + 1
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    typer.echo(f"{output}: {G.number_of_nodes()} nodes ({summary}), {G.number_of_edges()} edges")
    for n in notes + [x for x in str(G.graph.get("notes", "")).splitlines() if x]:
        typer.echo(f"note: {n}", err=True)
    _finish(errors)


@app.command("compare")
@guarded
def compare_cli(
    inputs: List[Path] = typer.Argument(..., help="Documents or extract JSON; folders too."),
    by: str = typer.Option("province", "--by", help="province or document."),
    taxonomy: Optional[str] = typer.Option(
        "auto", "--taxonomy", help="Themes: auto, ct36, FILE.yaml, a reference document (its sections II.x), or none."),
    merge_provinces: bool = typer.Option(False, "--merge-provinces", help="Apply the 2025 province merger."),
    output: Path = typer.Option(..., "-o", "--output", help="A folder (all CSV + comparison.md + heatmap.png), or OUT.csv / OUT.md / OUT.png / OUT.svg."),
) -> None:
    """Compare themes, agency types and deadlines across provinces or documents."""
    from ..compare import compare

    if by not in ("province", "document"):
        raise InputError(f"--by must be 'province' or 'document', not {by!r}")
    results, errors = load_inputs(inputs)
    cmp = compare(results, by=by, taxonomy=_taxonomy_arg(taxonomy), merge_provinces=merge_provinces)
    written = cmp.write(output)
    typer.echo(f"{len(cmp.groups)} {by}{'s' if len(cmp.groups) != 1 else ''}, {sum(cmp.tasks.values())} tasks, "
               f"{len(cmp.themes)} themes -> " + ", ".join(str(p) for p in written))
    for n in cmp.notes:
        typer.echo(f"note: {n}", err=True)
    _finish(errors)
