"""Load and save extraction results.

Every command that works on results (graph, compare, crosscheck, checklist)
accepts either documents or ``extract`` JSON, including JSON a person
corrected by hand: :func:`load_result` decides which and returns an
:class:`~directive_nlp.models.ExtractionResult`.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Iterable, Optional, Union

from .errors import InputError
from .models import ExtractionResult


def is_result_json(path: Path) -> bool:
    return path.suffix.lower() in (".json", ".jsonl")


def parse_result(data: Union[str, bytes, dict], *, path: str = "<json>") -> ExtractionResult:
    """Validate a result dict/JSON text; a hand-corrected file may omit fields."""
    try:
        obj = json.loads(data) if isinstance(data, (str, bytes)) else data
    except ValueError as e:
        raise InputError(f"not valid JSON ({e.msg} at line {e.lineno}); fix the file or re-run extract", path=path)
    if isinstance(obj, list):
        if not obj:
            raise InputError("the JSON list is empty; give an `extract` result", path=path)
        obj = obj[0]
    if not isinstance(obj, dict) or "tasks" not in obj:
        raise InputError("this JSON is not an `extract` result (no \"tasks\"); run `directive-nlp extract` first", path=path)
    obj = dict(obj)
    obj.setdefault("source", {"path": path, "format": "md", "sha256": ""})
    for i, t in enumerate(obj.get("tasks") or []):
        if isinstance(t, dict):
            t.setdefault("id", f"T{i + 1}")
            t.setdefault("section", "")
            t.setdefault("sentence", t.get("task", ""))
            t["agencies"] = [
                {"name": a, "canonical": a.lower(), "role": "lead"} if isinstance(a, str) else
                {**a, "canonical": a.get("canonical") or str(a.get("name", "")).lower()}
                for a in (t.get("agencies") or [])
            ]
    try:
        return ExtractionResult.model_validate(obj)
    except Exception as e:  # pydantic ValidationError: say where, in one line
        first = str(e).splitlines()
        raise InputError(f"the JSON does not match the extract schema ({' '.join(first[:3])[:200]}); see `directive-nlp schema`", path=path)


#: what a folder may hold that :func:`load_results` reads (documents and extract JSON)
RESULT_INPUT_SUFFIXES = (".json", ".jsonl", ".pdf", ".docx", ".md", ".markdown", ".txt", ".html", ".htm")


def _looks_like_result(path: Path) -> bool:
    """A JSON file in a folder counts only if it looks like an extract result
    (a folder of documents often holds meta.json and the like)."""
    try:
        head = path.read_text(encoding="utf-8")[:200000]
    except (OSError, UnicodeDecodeError):
        return False
    return '"tasks"' in head


def _folder_inputs(folder: Path) -> list[Path]:
    """A folder's documents and extract JSON, sorted. Bookkeeping files of a
    batch run (``_index.jsonl``, ``_errors.jsonl``, ``_summary.json``: names
    starting with "_" or "."), gold files and JSON that is not a result are
    skipped; when a document and a JSON share a stem, the JSON (it may be
    hand-corrected)."""
    files = sorted(f for f in folder.iterdir() if f.is_file() and f.suffix.lower() in RESULT_INPUT_SUFFIXES
                   and not f.name.startswith(("_", ".")) and not f.name.endswith(".gold.jsonl")
                   and f.name.lower() not in ("readme.md", "sources.md"))
    js = [f for f in files if is_result_json(f) and _looks_like_result(f)]
    stems = {f.stem for f in js}
    docs = [f for f in files if not is_result_json(f) and f.stem not in stems]
    chosen = sorted(js + docs)
    if not chosen:
        raise InputError("the folder holds no documents or extract JSON", path=str(folder))
    return chosen


def expand_inputs(paths: Iterable[Union[str, Path]]) -> list[Path]:
    """Files as given; a folder (e.g. the output of ``extract DIR -o OUT``)
    gives its documents and result JSON (see :func:`_folder_inputs`)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += _folder_inputs(p)
        elif not p.exists():
            raise InputError("file not found; check the path", path=str(p))
        else:
            out.append(p)
    if not out:
        raise InputError("no inputs given")
    return out


def _load_one(p: Path, extract_kwargs: dict) -> list[ExtractionResult]:
    if p.suffix.lower() == ".jsonl":
        return [parse_result(line, path=f"{p}:{k + 1}")
                for k, line in enumerate(p.read_text(encoding="utf-8").splitlines()) if line.strip()]
    if p.suffix.lower() == ".json":
        return [parse_result(p.read_text(encoding="utf-8"), path=str(p))]
    from .pipeline import extract

    return [extract(p, **extract_kwargs)]


def load_results(paths: Iterable[Union[str, Path]], *, errors: Optional[list[str]] = None,
                 **extract_kwargs) -> list[ExtractionResult]:
    """Results for documents, ``extract`` JSON files (``.jsonl``: one per
    line) and folders of either (a batch output folder included).

    The one loader every command that takes results uses. With ``errors``
    (a list), an input that cannot be read adds one line there and the
    others are still read; when none can be read, the first error is raised.
    Without it, the first bad input raises.
    """
    out: list[ExtractionResult] = []
    first: Optional[InputError] = None
    for p in expand_inputs(paths):
        try:
            out += _load_one(p, extract_kwargs)
        except InputError as e:
            if errors is None:
                raise
            first = first or e
            errors.append(str(e))
    if not out and first is not None:
        raise first
    return out


def load_result(path: Union[str, Path], **extract_kwargs) -> ExtractionResult:
    """The one result of a document, a JSON file, or a folder holding one."""
    results = load_results([path], **extract_kwargs)
    if len(results) != 1:
        raise InputError(f"this gives {len(results)} results where one document is expected; "
                         "name one file of the folder", path=str(path))
    return results[0]


def dump_result(result: ExtractionResult) -> str:
    """The canonical JSON text of a result (stable key order, UTF-8, indented)."""
    return result.model_dump_json(indent=2) + "\n"


def write_atomic(path: Union[str, Path], text: Union[str, bytes]) -> None:
    """Write via a temporary file and rename, so a reader never sees half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=str(path.parent))
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8") if isinstance(text, str) else text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
