"""Load and save extraction results.

Every command that works on results (graph, compare, crosscheck, checklist)
accepts either documents or ``extract`` JSON, including JSON a person
corrected by hand: :func:`load_result` decides which and returns an
:class:`~directive_nlp.models.ExtractionResult`.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import sys
import tempfile
import threading
from pathlib import Path
from typing import Iterable, Optional, Union

from .errors import DiskFullError, InputError, OutputError
from .models import ExtractionResult
from pydantic import ValidationError


def is_result_json(path: Path) -> bool:
    return path.suffix.lower() in (".json", ".jsonl")


MAX_JSON_DEPTH = 64


def decode_json_bytes(data: bytes, *, path: str = "<json>") -> str:
    """JSON text from bytes: UTF-8 (with or without BOM), UTF-16/32 by BOM or
    by its NUL pattern (RFC 8259 JSON starts with an ASCII character)."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                     (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            break
    else:
        head = data[:4]
        enc = ("utf-32-be" if head[:3] == b"\x00\x00\x00" else "utf-32-le" if head[1:4] == b"\x00\x00\x00"
               else "utf-16-be" if head[:1] == b"\x00" else "utf-16-le" if head[1:2] == b"\x00" else "utf-8")
    try:
        return data.decode(enc)
    except UnicodeDecodeError:
        raise InputError(f"the JSON is not valid {enc.upper().replace('-SIG', '')} text; save it as UTF-8", path=path)


def _json_loads(text: str, path: str):
    try:
        return json.loads(text)
    except RecursionError:
        raise InputError("the JSON is nested too deeply to be an `extract` result", path=path)
    except ValueError as e:
        where = f" ({e.msg} at line {e.lineno})" if isinstance(e, json.JSONDecodeError) else ""
        raise InputError(f"not valid JSON{where}; fix the file or re-run extract", path=path)


def _depth(obj, limit: int = MAX_JSON_DEPTH) -> int:
    """Nesting depth of a JSON value, iteratively (never a RecursionError)."""
    stack, deepest = [(obj, 1)], 1
    while stack:
        value, d = stack.pop()
        deepest = max(deepest, d)
        if d > limit:
            return d
        if isinstance(value, dict):
            stack.extend((v, d + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, d + 1) for v in value)
    return deepest


def _where(loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the result"


def _fill_task(t: dict, i: int, path: str) -> dict:
    """Defaults a hand-corrected task may omit; wrong types named by field."""
    agencies = t.get("agencies")
    if agencies is None:
        agencies = []
    if not isinstance(agencies, list):
        raise InputError(f"tasks[{i}].agencies must be a list of agencies (names or objects), "
                         f"not {type(agencies).__name__}; e.g. [\"Sở Tài chính\"]", path=path)
    t = {"id": f"T{i + 1}", "section": "", **t}
    if "sentence" not in t:
        t["sentence"] = t["task"] if isinstance(t.get("task"), str) else ""
    refs = []
    for k, a in enumerate(agencies):
        if isinstance(a, str):
            refs.append({"name": a, "canonical": a.lower(), "role": "lead"})
        elif isinstance(a, dict):
            name = a.get("name")
            refs.append({**a, "canonical": a.get("canonical") or (name.lower() if isinstance(name, str) else name)})
        else:
            raise InputError(f"tasks[{i}].agencies[{k}] must be a name or an object, not {type(a).__name__}", path=path)
    t["agencies"] = refs
    return t


def validate_result(obj, *, path: str = "<json>") -> ExtractionResult:
    """An :class:`ExtractionResult` from parsed JSON, or one line naming the wrong field.

    The one validation every consumer of ``extract`` JSON uses (checklist,
    graph, compare, crosscheck, the web page): a hand-corrected file may omit
    ids, sections, sentences and canonical names; a wrong type is named by its
    field path (``tasks[3].agencies``), never coerced.
    """
    if _depth(obj) > MAX_JSON_DEPTH:
        raise InputError(f"the JSON is nested more than {MAX_JSON_DEPTH} levels deep; it is not an `extract` result",
                         path=path)
    if isinstance(obj, list):
        if not obj:
            raise InputError("the JSON list is empty; give an `extract` result", path=path)
        obj = obj[0]
    if not isinstance(obj, dict) or "tasks" not in obj:
        raise InputError("this JSON is not an `extract` result (no \"tasks\"); run `directive-nlp extract` first", path=path)
    obj = dict(obj)
    obj.setdefault("source", {"path": path, "format": "md", "sha256": ""})
    tasks = obj.get("tasks")
    if tasks is None:
        tasks = []
    if not isinstance(tasks, list):
        raise InputError(f"tasks must be a list of tasks, not {type(tasks).__name__}", path=path)
    for i, t in enumerate(tasks):
        if not isinstance(t, dict):
            raise InputError(f"tasks[{i}] must be an object, not {type(t).__name__}", path=path)
    obj["tasks"] = [_fill_task(t, i, path) for i, t in enumerate(tasks)]
    try:
        return ExtractionResult.model_validate(obj)
    except ValidationError as e:
        err = e.errors()[0]
        more = f" (and {e.error_count() - 1} more)" if e.error_count() > 1 else ""
        raise InputError(f"{_where(err['loc'])}: {err['msg']}{more}; fix that field, see `directive-nlp schema`",
                         path=path)


def parse_result(data: Union[str, bytes, dict, list], *, path: str = "<json>") -> ExtractionResult:
    """Validate a result given as JSON text, bytes or parsed JSON (see :func:`validate_result`)."""
    if isinstance(data, bytes):
        data = decode_json_bytes(data, path=path)
    obj = _json_loads(data, path) if isinstance(data, str) else data
    return validate_result(obj, path=path)


def read_result_file(path: Union[str, Path]) -> list[ExtractionResult]:
    """The results in a ``.json`` (one result, or a list: the first) or ``.jsonl`` file,
    the path's kind and size checked before reading."""
    from .ingest.limits import read_input

    p = Path(path)
    try:
        data = read_input(p)
    except InputError as e:
        e.path = e.path or str(p)
        raise
    if p.suffix.lower() != ".jsonl":
        return [parse_result(data, path=str(p))]
    text = decode_json_bytes(data, path=str(p))
    return [parse_result(line, path=f"{p}:{k + 1}") for k, line in enumerate(text.splitlines()) if line.strip()]


#: what a folder may hold that :func:`load_results` reads (documents and extract JSON)
RESULT_INPUT_SUFFIXES = (".json", ".jsonl", ".pdf", ".docx", ".md", ".markdown", ".txt", ".html", ".htm")


def _looks_like_result(path: Path) -> bool:
    """A JSON file in a folder counts only if it looks like an extract result
    (a folder of documents often holds meta.json and the like)."""
    try:
        with open(path, "rb") as f:
            head = f.read(200000)
    except OSError:
        return False
    return b'"tasks"' in head or '"tasks"'.encode("utf-16-le") in head


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
    if is_result_json(p):
        return read_result_file(p)  # kind and size checked before reading
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


_REFUSED_ROOTS = ("/proc", "/sys", "/dev")
_WRITE_ERRORS = {
    errno.EROFS: "the filesystem is read-only; choose another output folder",
    errno.EACCES: "permission denied; choose a folder you can write to",
    errno.EPERM: "permission denied; choose a folder you can write to",
    errno.ENOTDIR: "a part of the output path is a file, not a folder; choose another path",
    errno.EISDIR: "this is a folder; give a file name (or a new folder for several inputs)",
    errno.ENAMETOOLONG: "the output path is too long; choose a shorter name",
    errno.ELOOP: "the output path has a symlink loop; choose another path",
}
_umask_lock = threading.Lock()


def output_error(e: OSError, path: Union[str, Path]) -> OutputError:
    """One line for an OS error while writing ``path`` (a full disk is a
    :class:`DiskFullError`, which a batch turns into exit 3)."""
    if e.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFullError("the disk is full; free some space and run the same command again "
                             "(finished outputs are kept)", path=str(path))
    msg = _WRITE_ERRORS.get(e.errno) or f"cannot write here ({e.strerror or type(e).__name__})"
    return OutputError(msg, path=str(path))


def output_target(path: Union[str, Path]) -> Path:
    """The file an output for ``path`` really goes to, or :class:`OutputError`.

    A symlink is followed to its target (the link stays a link); a special
    file (device, FIFO, socket), a folder or a place under ``/proc``, ``/sys``
    or ``/dev`` is refused before anything is written.
    """
    target = Path(os.path.realpath(path))
    if any(str(target) == r or str(target).startswith(r + "/") for r in _REFUSED_ROOTS):
        raise OutputError(f"{target} is a system path ({target.parts[1]}), not a place for output; "
                          "choose a file in a normal folder", path=str(path))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as e:
        raise output_error(e, path)
    if stat.S_ISDIR(st.st_mode):
        raise OutputError("this is a folder; give a file name (or a new folder for several inputs)", path=str(path))
    if not stat.S_ISREG(st.st_mode):
        from .ingest.limits import special_kind

        raise OutputError(f"this is {special_kind(st.st_mode) or 'a special file'}, not a regular file; "
                          "refusing to replace it: give a file name (or - for standard output)", path=str(path))
    return target


def _file_mode(target: Path) -> int:
    """The mode a new output gets: an existing file's own mode, else 0666 less the umask."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        with _umask_lock:
            mask = os.umask(0)
            os.umask(mask)
        return 0o666 & ~mask


def write_atomic(path: Union[str, Path], text: Union[str, bytes]) -> None:
    """Write via a temporary file beside the target and rename, so a reader
    never sees half a file; through a symlink to its target; honouring the
    umask; refusing special files. Errors are one-line :class:`OutputError`."""
    target = output_target(path)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=str(target.parent))
    except OSError as e:
        raise output_error(e, path)
    try:
        with os.fdopen(fd, "wb") as f:
            os.fchmod(f.fileno(), _file_mode(target))
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise output_error(e, path) from None
        raise


def write_output(path: Union[str, Path, None], text: Union[str, bytes]) -> None:
    """Write one output: ``None`` or ``-`` is standard output, else :func:`write_atomic`."""
    if path is None or str(path) == "-":
        try:
            if isinstance(text, bytes):
                sys.stdout.buffer.write(text)
            else:
                sys.stdout.write(text)
            sys.stdout.flush()
        except OSError as e:
            raise output_error(e, "<stdout>")
        return
    write_atomic(path, text)


def ensure_dir(path: Union[str, Path]) -> Path:
    """Create the output folder ``path`` (and its parents), or one line why not."""
    p = Path(path)
    real = os.path.realpath(p)
    if any(real == r or real.startswith(r + "/") for r in _REFUSED_ROOTS):
        raise OutputError(f"{real} is a system path, not a place for output; choose a normal folder", path=str(p))
    if os.path.lexists(p) and not os.path.isdir(p):
        raise OutputError("this is a file, not a folder; give a folder for several outputs (or --format jsonl)",
                          path=str(p))
    try:
        p.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise output_error(e, p)
    return p
