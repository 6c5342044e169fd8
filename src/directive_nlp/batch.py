"""Batch runs over many documents that lose nothing.

``run_batch`` extracts every input into ``OUTDIR/NAME.json`` and keeps three
bookkeeping files beside them:

* ``_index.jsonl``  one line per finished document (input, sha256, pipeline
  version, output). Lines are appended with a single ``write`` and fsync, so
  a run killed half way leaves at most one torn last line, which is ignored.
* ``_errors.jsonl`` one line per failed document with its reason.
* ``_summary.json`` counts and timing of the last run (written atomically).

Each output is written atomically (temporary file, then rename), so a kill
never leaves half a JSON file under its final name. Started again, a run
skips every input whose content hash and pipeline version are already in
the index with their output present, removes stale temporary files, and does
the rest. The same input gives the same output, byte for byte.

Workers: ``workers=1`` runs in-process; ``workers>1`` uses a process pool
whose initializer loads the models once per worker; ``backend="dask"`` sends
the same :func:`process_one` to a Dask cluster (``scheduler`` address, or a
local cluster), reading files on the driver and writing results there, so
workers need no shared filesystem. The pipeline has one code path:
:func:`process_one`.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import json
import os
import stat
import time
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Literal, Optional, Union

from pydantic import BaseModel, Field

from . import __version__
from .ingest.limits import read_input, special_kind
from .io import write_atomic

if TYPE_CHECKING:  # the records module is imported lazily by the workers
    from .models import ExtractionResult

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown", ".html", ".htm")
INDEX_NAME = "_index.jsonl"
ERRORS_NAME = "_errors.jsonl"
SUMMARY_NAME = "_summary.json"


def pipeline_version() -> str:
    """Version key for resume: package version plus a hash of the rule data,
    so edited gazetteers or patterns invalidate earlier outputs."""
    h = hashlib.sha256(__version__.encode())
    try:
        from importlib.resources import files

        root = files("directive_nlp") / "resources"
        for p in sorted(_walk(root), key=lambda t: str(t)):
            h.update(str(p).rsplit("resources", 1)[-1].encode())
            h.update(p.read_bytes())
    except Exception:  # resources missing in an unusual install: version alone
        pass
    return f"{__version__}+{h.hexdigest()[:12]}"


def _walk(root) -> Iterator:
    for child in root.iterdir():
        if child.is_dir():
            if child.name != "__pycache__":
                yield from _walk(child)
        elif not child.name.endswith(".pyc"):
            yield child


# --------------------------------------------------------------------------
# Inputs and names
# --------------------------------------------------------------------------


def _skip_reason(q: Path) -> Optional[str]:
    """Why a folder entry is not an input (None: it is one, or it is ignored quietly)."""
    if q.name.startswith((".", "_")) or q.name.endswith(".gold.jsonl"):
        return None  # hidden files, our own bookkeeping, gold files: not inputs by design
    try:
        st = os.stat(q)
    except FileNotFoundError:
        return "a broken symlink" if q.is_symlink() else "vanished while the folder was read"
    except OSError as e:
        return f"cannot be read ({e.strerror})"
    if stat.S_ISDIR(st.st_mode):
        return None
    kind = special_kind(st.st_mode)
    if kind:
        return kind
    if q.suffix.lower() not in SUPPORTED_SUFFIXES:
        return f"unsupported type '{q.suffix or 'no extension'}'"
    return None


def scan_inputs(items: Iterable[Union[str, Path]], *, recursive: bool = True) -> tuple[list[Path], list[dict]]:
    """Files to extract and the folder entries skipped, each with its reason
    (FIFOs, devices, sockets, broken links, unsupported types): a scan never
    skips silently. Files named explicitly are kept whatever they are, so
    that reading them says what is wrong. ``recursive=False`` reads a
    folder's own entries only."""
    found: dict[str, Path] = {}
    skipped: list[dict] = []
    for item in items:
        s = str(item)
        p = Path(s)
        if p.is_dir():
            for q in sorted(p.rglob("*") if recursive else p.iterdir()):
                why = _skip_reason(q)
                if why:
                    skipped.append({"input": str(q), "reason": why})
                elif q.is_file() and q.suffix.lower() in SUPPORTED_SUFFIXES and not q.name.startswith((".", "_")):
                    found.setdefault(str(q.resolve()), q)
        elif any(ch in s for ch in "*?["):
            for m in sorted(glob.glob(s, recursive=True)):
                q = Path(m)
                why = _skip_reason(q)
                if why:
                    skipped.append({"input": str(q), "reason": why})
                elif q.is_file():
                    found.setdefault(str(q.resolve()), q)
        else:
            found.setdefault(str(p.resolve()) if p.exists() else s, p)
    return sorted(found.values(), key=lambda q: str(q)), skipped


def iter_inputs(items: Iterable[Union[str, Path]]) -> list[Path]:
    """Expand files, folders (recursively, supported suffixes only) and glob
    patterns into a sorted, de-duplicated list of files. Gold files
    (``*.gold.jsonl``) and our own outputs are never inputs."""
    return scan_inputs(items)[0]


def output_names(paths: list[Path]) -> dict[Path, str]:
    """``NAME.json`` per input (the scorer's layout); two inputs with the same
    stem (``a/plan.pdf``, ``b/plan.pdf``) get ``plan.json`` and ``plan__2.json``
    in input order, deterministically. Two forms of one document in one folder
    (``plan.md`` and ``plan.pdf``) likewise stay apart."""
    names: dict[Path, str] = {}
    used: dict[str, int] = {}
    for p in paths:
        stem = p.name
        for suf in SUPPORTED_SUFFIXES:
            if stem.lower().endswith(suf):
                stem = stem[: -len(suf)]
                break
        n = used.get(stem.lower(), 0) + 1
        used[stem.lower()] = n
        names[p] = f"{stem}.json" if n == 1 else f"{stem}__{n}.json"
    return names


# --------------------------------------------------------------------------
# The one worker function
# --------------------------------------------------------------------------


class ItemResult(BaseModel):
    """What a worker returns for one input (plain data, picklable)."""

    path: str
    sha256: str
    ok: bool
    json_text: Optional[str] = None
    error: Optional[str] = None
    code: Optional[str] = None
    pages: Optional[int] = None
    tasks: int = 0
    seconds: float = 0.0
    worker_pid: int = 0
    worker_peak_mb: float = Field(0.0, description="Peak resident memory of the worker process so far.")


def _peak_mb() -> float:
    import resource
    import sys as _sys

    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kb / (1024 * 1024 if _sys.platform == "darwin" else 1024), 1)


def process_one(path: str, data: bytes, options: dict) -> ItemResult:
    """Extract one document from its bytes; never raises for bad input.

    Used unchanged by the in-process loop, the process pool and Dask.
    """
    from .errors import InputError
    from .io import dump_result
    from .pipeline import extract

    t0 = time.perf_counter()
    sha = hashlib.sha256(data).hexdigest()
    try:
        result = extract(path, data=data, **options)
        return ItemResult(
            path=path, sha256=sha, ok=True, json_text=dump_result(result),
            pages=result.source.pages, tasks=len(result.tasks), seconds=time.perf_counter() - t0,
            worker_pid=os.getpid(), worker_peak_mb=_peak_mb(),
        )
    except InputError as e:
        return ItemResult(path=path, sha256=sha, ok=False, error=str(e), code=e.code,
                          seconds=time.perf_counter() - t0, worker_pid=os.getpid(), worker_peak_mb=_peak_mb())
    except Exception as e:  # a bug must not stop the batch: record it
        msg = " ".join(f"{type(e).__name__}: {e}".split())[:300]
        return ItemResult(path=path, sha256=sha, ok=False, error=f"{path}: internal error ({msg})",
                          code="internal", seconds=time.perf_counter() - t0)


def _warm_up(options: dict) -> None:
    """Pool initializer: load the models once per worker process, by running
    the whole pipeline on a two-line text (every cache gets filled)."""
    from .pipeline import extract

    text = "KẾ HOẠCH\n1. Sở Tài chính chủ trì, phối hợp với các sở, ngành rà soát kinh phí trước ngày 30/6/2026.\n"
    try:
        extract("warmup.txt", data=text.encode("utf-8"), **options)
    except Exception:  # warm-up is best effort; real errors surface per document
        pass


def _read_checked(path: str) -> tuple[Optional[bytes], Optional[ItemResult]]:
    """The bytes of an input, its kind and size checked first (a FIFO never hangs a batch)."""
    from .errors import InputError

    try:
        return read_input(Path(path)), None
    except InputError as e:
        e.path = e.path or path
        return None, ItemResult(path=path, sha256="", ok=False, error=str(e), code=e.code)


_NLP_OPTIONS = ("gazetteer", "model")


def _failure(path: str, sha: str, t0: float, e: Exception) -> ItemResult:
    from .errors import InputError

    if isinstance(e, InputError):
        return ItemResult(path=path, sha256=sha, ok=False, error=str(e), code=e.code,
                          seconds=time.perf_counter() - t0, worker_pid=os.getpid(), worker_peak_mb=_peak_mb())
    msg = " ".join(f"{type(e).__name__}: {e}".split())[:300]
    return ItemResult(path=path, sha256=sha, ok=False, error=f"{path}: internal error ({msg})", code="internal",
                      seconds=time.perf_counter() - t0)


def _docs_to_pipe(todo: list[Path], nlp, options: dict) -> Iterator[tuple[Any, dict]]:
    """(Doc, context) per input, read one at a time; a failed read travels in the context with an empty Doc."""
    from .pipeline import load_text
    from .reader import make_doc

    read_opts = {k: v for k, v in options.items() if k not in _NLP_OPTIONS}
    for p in todo:
        ctx: dict[str, Any] = {"path": str(p), "t0": time.perf_counter(), "sha": "", "failed": None}
        data, ctx["failed"] = _read_checked(str(p))
        doc = None
        if ctx["failed"] is None:
            ctx["sha"] = hashlib.sha256(data).hexdigest()
            try:
                doc = make_doc(nlp, load_text(str(p), data, **read_opts))
            except Exception as e:  # bad input (or a reader bug) fails this document only
                ctx["failed"] = _failure(str(p), ctx["sha"], ctx["t0"], e)
        yield (doc if doc is not None else nlp.make_doc(""), ctx)


def _stream(todo: list[Path], options: dict) -> Iterator[tuple[dict, Any, Optional[ItemResult]]]:
    """(context, result, failure) per input: the documents stream through ``nlp.pipe`` (the pipeline
    ``extract`` runs), one at a time; a component failing on one document is recorded for it and the
    stream goes on."""
    from .pipeline import load, result_from_doc

    nlp = load(options.get("gazetteer"), options.get("model", "default"))
    failed: list[ItemResult] = []

    def record(name, proc, docs, e):  # spaCy's error handler: the Doc leaves the stream, its context stays
        for d in docs:
            ctx = getattr(d, "_context", None) or {}
            failed.append(_failure(ctx.get("path", "?"), ctx.get("sha", ""), ctx.get("t0", time.perf_counter()), e))

    previous = nlp.default_error_handler
    nlp.set_error_handler(record)
    try:
        for doc, ctx in nlp.pipe(_docs_to_pipe(todo, nlp, options), as_tuples=True, batch_size=1):
            for f in _drain(failed):
                yield {"path": f.path}, None, f
            if ctx["failed"] is not None:
                yield ctx, None, ctx["failed"]
                continue
            try:
                yield ctx, result_from_doc(doc), None
            except Exception as e:
                yield ctx, None, _failure(ctx["path"], ctx["sha"], ctx["t0"], e)
        for f in _drain(failed):
            yield {"path": f.path}, None, f
    finally:
        nlp.set_error_handler(previous)


def iter_results(paths: Iterable[Union[str, Path]], options: Optional[dict] = None
                 ) -> Iterator[tuple[str, Union["ExtractionResult", ItemResult]]]:
    """Each input's :class:`~directive_nlp.models.ExtractionResult`, or its failure (an
    :class:`ItemResult` with ``ok`` False and a one-line ``error``), in this process: the package's one
    loop over documents (the batch engine's in-process path and ``extract`` in every format use it).
    ``options``: what :func:`directive_nlp.pipeline.extract` takes (gazetteer, model, reader options)."""
    for ctx, result, failure in _stream([Path(p) for p in paths], dict(options or {})):
        yield ctx["path"], (result if failure is None else failure)


def _execute_in_process(todo: list[Path], options: dict) -> Iterator[ItemResult]:
    """The batch engine in one process: :func:`_stream`'s results as index items."""
    for ctx, result, failure in _stream(todo, options):
        yield failure if failure is not None else _item_of(result, ctx)


def _drain(items: list) -> Iterator:
    while items:
        yield items.pop(0)


def _item_of(result, ctx: dict) -> ItemResult:
    from .io import dump_result

    path, sha, t0 = ctx["path"], ctx["sha"], ctx["t0"]
    try:
        return ItemResult(path=path, sha256=sha, ok=True, json_text=dump_result(result), pages=result.source.pages,
                          tasks=len(result.tasks), seconds=time.perf_counter() - t0, worker_pid=os.getpid(),
                          worker_peak_mb=_peak_mb())
    except Exception as e:
        return _failure(path, sha, t0, e)


def _process_path(args: tuple[str, dict]) -> ItemResult:
    path, options = args
    data, failed = _read_checked(path)
    if failed is not None:
        return failed
    return process_one(path, data, options)


# --------------------------------------------------------------------------
# The run
# --------------------------------------------------------------------------


class BatchSummary(BaseModel):
    outdir: str
    pipeline_version: str
    inputs: int
    done: int = 0
    skipped: int = 0
    failed: int = 0
    pages: int = 0
    tasks: int = 0
    seconds: float = 0.0
    docs_per_second: float = 0.0
    workers: int = 1
    backend: str = "local"
    peak_mb_per_worker: float = Field(0.0, description="Largest peak resident memory of any worker process.")
    errors: list[dict] = Field(default_factory=list)
    skipped_entries: list[dict] = Field(default_factory=list,
                                        description="Folder entries that are not inputs, with the reason.")
    stopped: Optional[str] = Field(None, description="Why the run stopped early (a full disk); run it again to resume.")


def _read_index(outdir: Path) -> dict[str, dict]:
    """Finished entries by input sha256+name; a torn last line is ignored."""
    idx = outdir / INDEX_NAME
    entries: dict[str, dict] = {}
    if not idx.exists():
        return entries
    for line in idx.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            e = json.loads(line)
        except ValueError:
            continue
        if isinstance(e, dict) and "output" in e:
            entries[e["output"]] = e
    return entries


def _append_line(path: Path, obj: dict) -> None:
    """One JSON line appended with a single write and fsync (errors: one-line OutputError)."""
    from .io import output_error

    line = (json.dumps(obj, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        try:
            if os.write(fd, line) != len(line):
                raise OSError(errno.ENOSPC, "short write")
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as e:
        raise output_error(e, path) from None


def _clean_temporaries(outdir: Path) -> None:
    for p in outdir.glob(".*.json.*"):
        try:
            p.unlink()
        except OSError:
            pass


LOCK_NAME = "_lock"


class _FolderLock:
    """An exclusive ``flock`` on ``OUTDIR/_lock`` (a bookkeeping file) for one run, so
    two runs into one folder never both do the work or double the index: the
    second waits (``wait=None``: as long as it takes; else that many seconds,
    then :class:`~directive_nlp.errors.BusyError`). The kernel drops the lock
    when its process dies, so a killed run never leaves the folder locked."""

    def __init__(self, outdir: Path, wait: Optional[float], notify: Optional[Callable[[str], None]]) -> None:
        self.path, self.wait, self.notify, self.fd = outdir / LOCK_NAME, wait, notify, -1

    def __enter__(self) -> "_FolderLock":
        import fcntl

        from .errors import BusyError
        from .io import output_error

        try:
            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as e:
            raise output_error(e, self.path) from None
        deadline = None if self.wait is None else time.monotonic() + self.wait
        told = False
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = _lock_holder(self.path)
                if deadline is not None and time.monotonic() >= deadline:
                    os.close(self.fd)
                    raise BusyError(f"{self.path.parent}: another extract run{holder} is writing to this folder; "
                                    "wait for it to finish or choose another output folder")
                if not told and self.notify:
                    self.notify(f"another extract run{holder} is writing to {self.path.parent}; waiting for it to finish")
                    told = True
                time.sleep(0.2)
        os.ftruncate(self.fd, 0)
        os.write(self.fd, f"{os.getpid()}\n".encode())
        return self

    def __exit__(self, *exc) -> None:
        os.close(self.fd)  # closing drops the flock


def _lock_holder(path: Path) -> str:
    try:
        pid = path.read_text().strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


def _repair_tail(path: Path) -> None:
    """End a file torn by a kill or a full disk with a newline, so the next
    appended line stays a line of its own."""
    try:
        with open(path, "rb") as f:
            f.seek(-1, os.SEEK_END)
            torn = f.read(1) != b"\n"
    except OSError:
        return
    if torn:
        try:
            with open(path, "ab") as f:
                f.write(b"\n")
        except OSError:
            pass


def _pending(paths: list[Path], names: dict[Path, str], index: dict, outdir: Path, version: str) -> list[Path]:
    """Inputs not yet done: not in the index with this content hash, pipeline version and output present."""
    todo: list[Path] = []
    for p in paths:
        entry = index.get(names[p])
        if entry and entry.get("version") == version and (outdir / names[p]).exists():
            data, _ = _read_checked(str(p))
            if data is not None and hashlib.sha256(data).hexdigest() == entry.get("sha256"):
                continue
        todo.append(p)
    return todo


def run_batch(
    inputs: Iterable[Union[str, Path]],
    outdir: Union[str, Path],
    *,
    workers: int = 1,
    backend: Literal["local", "dask"] = "local",
    scheduler: Optional[str] = None,
    options: Optional[dict] = None,
    progress: bool = False,
    on_item: Optional[Callable[[ItemResult], None]] = None,
    lock_wait: Optional[float] = None,
    notify: Optional[Callable[[str], None]] = None,
) -> BatchSummary:
    """Extract every input into ``outdir`` (see module docstring).

    ``options`` are passed to :func:`directive_nlp.pipeline.extract`
    (``max_pages``, ``force``, ``gazetteer`` ...). Returns the summary; the
    caller decides the exit code (3 when ``summary.failed`` or
    ``summary.stopped``). A full disk stops the run (``summary.stopped``) with
    every finished output and index line kept; the same call resumes it.
    """
    from .io import ensure_dir

    outdir = ensure_dir(outdir)
    with _FolderLock(outdir, lock_wait, notify):
        return _run_locked(inputs, outdir, workers=workers, backend=backend, scheduler=scheduler,
                           options=dict(options or {}), progress=progress, on_item=on_item)


def _run_locked(inputs, outdir: Path, *, workers, backend, scheduler, options, progress, on_item) -> BatchSummary:
    from .errors import DiskFullError

    t0 = time.perf_counter()
    _clean_temporaries(outdir)
    _repair_tail(outdir / INDEX_NAME)
    _repair_tail(outdir / ERRORS_NAME)
    version = pipeline_version()
    paths, skipped = scan_inputs(inputs)
    names = output_names(paths)
    summary = BatchSummary(outdir=str(outdir), pipeline_version=version, inputs=len(paths),
                           workers=workers, backend=backend, skipped_entries=skipped)
    todo = _pending(paths, names, _read_index(outdir), outdir, version)
    summary.skipped = len(paths) - len(todo)

    errors_path = outdir / ERRORS_NAME
    if todo and errors_path.exists():
        # errors of earlier runs for inputs we retry now are superseded
        keep = [l for l in errors_path.read_text(encoding="utf-8", errors="replace").splitlines()
                if l.strip() and _error_path(l) not in {str(p) for p in todo}]
        write_atomic(errors_path, "".join(l + "\n" for l in keep))

    def record(res: ItemResult) -> None:
        p = Path(res.path)
        name = names.get(p) or output_names([p])[p]
        if res.ok and res.json_text is not None:
            write_atomic(outdir / name, res.json_text)
            _append_line(outdir / INDEX_NAME, {"input": res.path, "sha256": res.sha256, "version": version,
                                               "output": name, "tasks": res.tasks})
            summary.done += 1
            summary.pages += res.pages or 0
            summary.tasks += res.tasks
        else:
            err = {"input": res.path, "code": res.code, "error": res.error}
            _append_line(errors_path, err)
            summary.failed += 1
            summary.errors.append(err)
        summary.peak_mb_per_worker = max(summary.peak_mb_per_worker, res.worker_peak_mb)
        if on_item:
            on_item(res)

    bar = _Progress(len(todo)) if progress else None
    results = _execute(todo, workers=workers, backend=backend, scheduler=scheduler, options=options)
    try:
        for res in results:
            record(res)
            if bar:
                bar.advance(res)
    except DiskFullError as e:
        summary.stopped = str(e)
    finally:
        getattr(results, "close", lambda: None)()  # stops the pool at once when the disk is full
        if bar:
            bar.close()
    summary.seconds = round(time.perf_counter() - t0, 3)
    summary.docs_per_second = round(summary.done / summary.seconds, 3) if summary.seconds else 0.0
    try:
        write_atomic(outdir / SUMMARY_NAME, summary.model_dump_json(indent=2) + "\n")
    except DiskFullError:
        pass  # the summary is a report: the outputs and the index are what count
    return summary


def _error_path(line: str) -> Optional[str]:
    try:
        return json.loads(line).get("input")
    except ValueError:
        return None


def _execute(todo: list[Path], *, workers: int, backend: str, scheduler: Optional[str],
             options: dict) -> Iterator[ItemResult]:
    if not todo:
        return
    if backend == "dask":
        yield from _execute_dask(todo, workers=workers, scheduler=scheduler, options=options)
        return
    if workers <= 1 or len(todo) == 1:
        yield from _execute_in_process(todo, options)
        return
    import multiprocessing as mp

    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    with ctx.Pool(processes=workers, initializer=_warm_up, initargs=(options,)) as pool:
        # largest files first keeps the workers evenly loaded at the end
        order = sorted(todo, key=lambda q: -_size(q))
        for res in pool.imap_unordered(_process_path, [(str(p), options) for p in order], chunksize=1):
            yield res


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return 0


def _execute_dask(todo: list[Path], *, workers: int, scheduler: Optional[str], options: dict) -> Iterator[ItemResult]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as e:  # the optional extra is not installed
        from .errors import DirectiveNLPError

        raise DirectiveNLPError(
            "the Dask backend needs the optional extra: pip install 'directive-nlp[dask]'"
        ) from e
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        client.run(_warm_up, options)
        futures: list[Future] = []
        # files are read on the driver: workers need no shared filesystem
        for p in todo:
            data, failed = _read_checked(str(p))
            if failed is not None:
                yield failed
                continue
            futures.append(client.submit(process_one, str(p), data, options, pure=False))
        for fut in as_completed(futures):
            yield fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


class _Progress:
    """A rich progress bar with documents per second and time left."""

    def __init__(self, total: int) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._t0 = time.perf_counter()
        self._done = 0
        self._p = Progress(
            TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(), TextColumn("left"),
            TimeRemainingColumn(), TextColumn("{task.fields[failed]}"), transient=False,
        )
        self._p.start()
        self._task = self._p.add_task("extract", total=total, rate="0.0", failed="")
        self._failed = 0

    def advance(self, res: ItemResult) -> None:
        self._done += 1
        if not res.ok:
            self._failed += 1
        rate = self._done / max(time.perf_counter() - self._t0, 1e-9)
        self._p.update(self._task, advance=1, rate=f"{rate:.1f}",
                       failed=f"[red]{self._failed} failed" if self._failed else "")

    def close(self) -> None:
        self._p.stop()
