"""Extraction results as a pandas data frame (and a Parquet file).

:func:`to_dataframe` gives one row per task and agency (a task without an
agency gives one row with the agency columns empty), so an analyst can
group, filter and pivot with pandas::

    from directive_nlp import to_dataframe
    df = to_dataframe("out/")                # a batch output folder
    df.groupby(["province", "agency_type"]).task_id.nunique()

It takes results, documents, ``extract`` JSON files or folders of them (the
output folder of ``directive-nlp extract DIR -o OUT`` included: its
bookkeeping files are skipped), through the one loader
:func:`directive_nlp.io.load_results`. Agency types are Vietnamese words
("sở, cơ quan chuyên môn"), never internal codes; ``agency_province`` is the
province the body belongs to (the one its name states, else the
document's; empty for central bodies), so "Sở Tài chính" of Đồng Nai and of
Cần Thơ stay apart. ``extract --format parquet`` writes the same frame.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Union

from .errors import InputError
from .models import ExtractionResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["COLUMNS", "DATE_COLUMNS", "task_rows", "to_dataframe", "write_parquet"]

COLUMNS = [
    "document", "path", "doc_type", "number", "issued_date", "province", "title",
    "task_id", "section", "section_heading", "task", "sentence",
    "agency", "canonical", "role", "agency_type", "agency_province", "agency_key",
    "deadline_text", "deadline_kind", "deadline_date", "deadline_start", "deadline_end", "frequency",
    "report_to", "themes", "page",
]
DATE_COLUMNS = ["issued_date", "deadline_date", "deadline_start", "deadline_end"]

Inputs = Union[ExtractionResult, str, Path, Iterable[Union[ExtractionResult, str, Path]]]


def _results(inputs: Inputs) -> list[ExtractionResult]:
    """Results as given, the others read by :func:`io.load_results`."""
    if isinstance(inputs, (ExtractionResult, str, Path)):
        inputs = [inputs]
    out: list[ExtractionResult] = []
    paths: list[Union[str, Path]] = []
    for x in inputs:
        if isinstance(x, ExtractionResult):
            out.append(x)
        elif isinstance(x, (str, Path)):
            paths.append(x)
        else:
            raise InputError(f"cannot make a data frame of a {type(x).__name__}; give results, files or folders")
    if paths:
        from .io import load_results

        out += load_results(paths)
    return out


def _agency_columns(name: str, province: str | None, typ: str | None) -> dict:
    from .graph import agency_scope, agency_type_label, agency_type_of

    code = agency_type_of(name, typ)
    key, prov = agency_scope(name, province, code)
    return {"agency_type": agency_type_label(code), "agency_province": prov, "agency_key": f"{prov or '*'}:{key}"}


def task_rows(results: Iterable[ExtractionResult]) -> Iterator[dict]:
    """One dict per (task, agency) with the :data:`COLUMNS` keys."""
    from .graph import doc_keys
    from .themes import section_heading

    results = list(results)
    for r, key in zip(results, doc_keys(results)):
        d = r.document
        doc = {"document": key, "path": r.source.path, "doc_type": d.doc_type, "number": d.number,
               "issued_date": d.issued_date, "province": d.province, "title": d.title}
        for t in r.tasks:
            dl = t.deadline
            task = {
                "task_id": t.id, "section": t.section, "section_heading": section_heading(r, t.section) or None,
                "task": t.task, "sentence": t.sentence,
                "deadline_text": dl.text if dl else None, "deadline_kind": dl.kind if dl else "none",
                "deadline_date": dl.date if dl else None, "deadline_start": dl.start if dl else None,
                "deadline_end": dl.end if dl else None, "frequency": dl.frequency if dl else None,
                "report_to": "; ".join(t.report_to) or None, "themes": "; ".join(t.themes) or None, "page": t.page,
            }
            if not t.agencies:
                yield {**doc, **task, "agency": None, "canonical": None, "role": None, "agency_type": None,
                       "agency_province": None, "agency_key": None}
            for a in t.agencies:
                yield {**doc, **task, "agency": a.name, "canonical": a.canonical, "role": a.role,
                       **_agency_columns(a.name, d.province, a.type)}


def to_dataframe(results_or_folder: Inputs) -> "pd.DataFrame":
    """One row per task and agency of the given results, documents, JSON
    files or folders (see the module docstring); dates as ``datetime64``
    (a recurring deadline keeps its date empty), ``page`` as a nullable
    integer. An input with no task gives no row; no input at all is bad input."""
    import pandas as pd

    results = _results(results_or_folder)
    if not results:
        raise InputError("no results given; pass results, extract JSON files or a folder of them")
    df = pd.DataFrame(list(task_rows(results)), columns=COLUMNS)
    for c in DATE_COLUMNS:
        df[c] = pd.to_datetime(df[c], errors="coerce", format="ISO8601")
    df["page"] = df["page"].astype("Int64")
    text_cols = [c for c in COLUMNS if c not in DATE_COLUMNS and c != "page"]
    df[text_cols] = df[text_cols].astype("string")
    return df


def write_parquet(results_or_folder: Inputs, path: Union[str, Path]) -> Path:
    """Write :func:`to_dataframe` to a Parquet file (pyarrow), atomically."""
    import io as _io

    from .io import write_atomic

    path = Path(path)
    buf = _io.BytesIO()
    to_dataframe(results_or_folder).to_parquet(buf, engine="pyarrow", index=False)
    write_atomic(path, buf.getvalue())
    return path
