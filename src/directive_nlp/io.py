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
from typing import Iterable, Union

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


def load_results(paths: Iterable[Union[str, Path]], **extract_kwargs) -> list[ExtractionResult]:
    """Results for documents or ``extract`` JSON files (``.jsonl``: one per line)."""
    out: list[ExtractionResult] = []
    for p in paths:
        p = Path(p)
        if p.suffix.lower() == ".jsonl":
            for k, line in enumerate(p.read_text(encoding="utf-8").splitlines()):
                if line.strip():
                    out.append(parse_result(line, path=f"{p}:{k + 1}"))
        elif p.suffix.lower() == ".json":
            if not p.exists():
                raise InputError("file not found; check the path", path=str(p))
            out.append(parse_result(p.read_text(encoding="utf-8"), path=str(p)))
        else:
            from .pipeline import extract

            out.append(extract(p, **extract_kwargs))
    return out


def load_result(path: Union[str, Path], **extract_kwargs) -> ExtractionResult:
    return load_results([path], **extract_kwargs)[0]


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
