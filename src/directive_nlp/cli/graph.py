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

def load_inputs(inputs: List[Path]) -> tuple[list, list[str]]:
    """Results for every input that can be read (files, folders, a batch
    output folder), and one line per input that cannot (a batch keeps
    going; the command exits 3 at the end). When no input can be read, the
    first error is raised (exit 1). Uses the one shared loader,
    :func:`directive_nlp.io.load_results`."""
    from ..io import load_results

    errors: list[str] = []
    return load_results(inputs, errors=errors), errors


def _finish(errors: list[str]) -> None:
    for e in errors:
        typer.echo(f"error: {e}", err=True)
    if errors:
        raise typer.Exit(EXIT_PARTIAL)


def _against_arg(path: Optional[Path]):
    if path is None:
        return None
    if not path.exists():
        raise InputError("the --against document was not found; check the path", path=str(path))
    from ..io import load_result

    return load_result(path)


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
        "auto", "--taxonomy", help="Themes: auto (tasks' own, a cited central document, else clusters of the tasks), ct36, FILE.yaml, a reference document, or none."),
    against: Optional[Path] = typer.Option(None, "--against", help="The central document the inputs implement "
                                           "(PDF, DOCX, MD or extract JSON): its sections are the themes."),
    label_top: int = typer.Option(15, help="Pictures: number the N busiest agencies."),
) -> None:
    """Build the responsibility graph (documents, sections, tasks, agencies, deadlines, themes)."""
    from ..compare import resolve_themes
    from ..graph import GRAPH_FORMATS, build_graph, dedupe_results, write_graph

    if output.suffix.lower() not in GRAPH_FORMATS:
        raise InputError(f"unknown output format {output.suffix or '(none)'}; use one of {', '.join(GRAPH_FORMATS)}",
                         path=str(output))
    results, errors = load_inputs(inputs)
    results = [r.model_copy(deep=True) for r in dedupe_results(results)[0]]
    choice = resolve_themes(results, _taxonomy_arg(taxonomy), against=_against_arg(against))
    notes = [f"themes ({choice.method}): {choice.description}"] + choice.notes
    G = build_graph(results, theme_matches=choice.matches)
    G.graph.update(taxonomy=choice.taxonomy or "", theme_method=choice.method)
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
        "auto", "--taxonomy", help="Themes: auto (tasks' own, a cited central document, else clusters of the tasks), ct36, FILE.yaml, a reference document, or none."),
    against: Optional[Path] = typer.Option(None, "--against", help="The central document the inputs implement "
                                           "(PDF, DOCX, MD or extract JSON): its sections (or tasks) are the themes."),
    merge_provinces: bool = typer.Option(False, "--merge-provinces", help="Apply the 2025 province merger."),
    output: Path = typer.Option(..., "-o", "--output", help="A folder (all CSV + comparison.md + heatmap.png), or OUT.csv / OUT.md / OUT.png / OUT.svg."),
) -> None:
    """Compare themes, agency types and deadlines across provinces or documents."""
    from ..compare import compare

    if by not in ("province", "document"):
        raise InputError(f"--by must be 'province' or 'document', not {by!r}")
    results, errors = load_inputs(inputs)
    cmp = compare(results, by=by, taxonomy=_taxonomy_arg(taxonomy), against=_against_arg(against),
                  merge_provinces=merge_provinces)
    written = cmp.write(output)
    typer.echo(f"{len(cmp.groups)} {by}{'s' if len(cmp.groups) != 1 else ''}, {sum(cmp.tasks.values())} tasks, "
               f"{len(cmp.themes)} themes -> " + ", ".join(str(p) for p in written))
    typer.echo(f"themes ({cmp.method}): {cmp.method_description}")
    for n in cmp.notes:
        typer.echo(f"note: {n}", err=True)
    _finish(errors)
