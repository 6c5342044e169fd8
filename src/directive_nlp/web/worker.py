"""Worker processes for the web server: bounded in time and memory, stoppable.

Reading a document can take a minute (OCR) and a hostile one could take
far longer, so the server never does it in its own process. Each request's
heavy work goes to a :class:`WorkerPool` process:

* **time budget**: the request has ``time_limit`` seconds in all (waiting
  for a free worker included); past it the worker is killed and the page
  says so (:class:`~directive_nlp.errors.TimeBudgetError`, status 503);
* **requester gone**: when the browser disconnects, the worker is killed at
  once: no CPU is spent on an answer nobody will read;
* **memory handed back**: a worker whose resident memory passes
  ``max_rss_mb`` after a job exits and is replaced, so memory a large
  document took goes back to the system instead of staying in the server;
* **SIGTERM**: :meth:`WorkerPool.close` kills the workers, so the server
  stops within seconds even in the middle of an OCR run.

Workers are started with ``spawn`` (a clean interpreter, no threads of the
server copied), warm up once (models loaded) and then take jobs one at a
time over a pipe. A job is a module-level function and its arguments; its
exceptions come back as one-line errors.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import multiprocessing as mp
import os
import shutil
import tempfile
import time
from typing import Any, Awaitable, Callable, Optional

from ..errors import InputError, TimeBudgetError

log = logging.getLogger(__name__)

DEFAULT_TIME_LIMIT = 120.0
DEFAULT_MAX_RSS_MB = 900
_POLL = 0.05


class ClientGone(Exception):
    """The browser left before the answer was ready; the work was stopped."""


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)
    except (OSError, ValueError, IndexError):
        return 0.0


def _encode_error(e: BaseException) -> tuple:
    if isinstance(e, InputError):
        return ("input", type(e).__name__, " ".join(Exception.__str__(e).split()), e.code, e.path)
    return ("internal", type(e).__name__, " ".join(str(e).split())[:300], "internal", None)


def _decode_error(msg: tuple) -> BaseException:
    kind, cls, text, code, path = msg
    if kind == "input":
        from .. import errors

        klass = getattr(errors, cls, InputError)
        err = InputError.__new__(klass if isinstance(klass, type) and issubclass(klass, InputError) else InputError)
        InputError.__init__(err, text, code=code, path=path)
        return err
    return RuntimeError(f"{cls}: {text}")


def _worker_main(conn, warm_up: Optional[str], max_rss_mb: float, tmp: Optional[str] = None) -> None:
    """The loop of one worker process: warm up, then one job at a time.
    Temporary files go to ``tmp``, which the server removes when it kills the
    worker (a killed process cleans nothing up itself)."""
    if tmp:
        import tempfile

        tempfile.tempdir = tmp
    if warm_up:
        try:
            _resolve(warm_up)()
        except Exception:  # warm-up is best effort; jobs report their own errors
            log.exception("worker warm-up failed")
    conn.send(("ready", os.getpid()))
    while True:
        try:
            target, args, kwargs = conn.recv()
        except (EOFError, OSError):  # the server went away
            return
        try:
            reply: tuple = ("ok", _resolve(target)(*args, **kwargs))
        except BaseException as e:  # noqa: BLE001 - every failure goes back as a message
            reply = ("err", _encode_error(e))
        retire = _rss_mb() > max_rss_mb
        try:
            conn.send(reply + (retire,))
        except (EOFError, OSError, BrokenPipeError):
            return
        if retire:
            return


def _resolve(target: str) -> Callable:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _target(fn: Callable) -> str:
    return f"{fn.__module__}:{fn.__qualname__}"


class _Worker:
    def __init__(self, ctx, warm_up: Optional[str], max_rss_mb: float) -> None:
        self.conn, child = ctx.Pipe()
        self.tmp = tempfile.mkdtemp(prefix="dnlp-worker-")
        self.process = ctx.Process(target=_worker_main, args=(child, warm_up, max_rss_mb, self.tmp), daemon=True,
                                   name="directive-nlp-worker")
        self.process.start()
        child.close()

    def kill(self) -> None:
        try:
            self.process.kill()
            self.process.join(2)
        except (OSError, ValueError, AssertionError):
            pass
        try:
            self.conn.close()
        except OSError:
            pass
        shutil.rmtree(self.tmp, ignore_errors=True)


class WorkerPool:
    """``size`` worker processes taking one job each at a time (see module docstring)."""

    def __init__(self, size: int = 1, *, time_limit: float = DEFAULT_TIME_LIMIT,
                 max_rss_mb: float = DEFAULT_MAX_RSS_MB, warm_up: Optional[str] = None) -> None:
        self.size, self.time_limit, self.max_rss_mb, self.warm_up = max(1, size), time_limit, max_rss_mb, warm_up
        self._ctx = mp.get_context("spawn")
        self._idle: Optional[asyncio.Queue] = None
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task] = set()
        self._closed = False

    def _ensure_started(self) -> asyncio.Queue:
        if self._idle is None:
            self._idle = asyncio.Queue()
            for _ in range(self.size):
                self._spawn()
        return self._idle

    def _spawn(self) -> None:
        if self._closed:
            return
        worker = _Worker(self._ctx, self.warm_up, self.max_rss_mb)
        self._all.add(worker)
        task = asyncio.get_running_loop().create_task(self._wait_ready(worker))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _wait_ready(self, worker: _Worker) -> None:
        while not worker.conn.poll(0):
            if not worker.process.is_alive():
                self._retire(worker, replace=not self._closed)
                return
            await asyncio.sleep(_POLL * 4)
        try:
            worker.conn.recv()
        except (EOFError, OSError):
            self._retire(worker, replace=not self._closed)
            return
        self._idle.put_nowait(worker)

    def _retire(self, worker: _Worker, *, replace: bool = True) -> None:
        worker.kill()
        self._all.discard(worker)
        if replace and not self._closed:
            self._spawn()

    async def run(self, fn: Callable, *args: Any, deadline: Optional[float] = None,
                  disconnected: Optional[Callable[[], Awaitable[bool]]] = None, **kwargs: Any) -> Any:
        """``fn(*args, **kwargs)`` in a worker, by ``deadline`` (a ``time.monotonic()`` value)."""
        idle = self._ensure_started()
        deadline = deadline or time.monotonic() + self.time_limit
        try:
            worker = await asyncio.wait_for(idle.get(), max(0.01, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            raise TimeBudgetError("the server is busy with other documents; try again in a minute", code="busy")
        done = False
        try:
            worker.conn.send((_target(fn), args, kwargs))
            reply = await self._await_reply(worker, deadline, disconnected)
            done = True
        finally:
            if not done:
                self._retire(worker)
        status, payload, retire = reply
        if retire:
            self._retire(worker)
        else:
            idle.put_nowait(worker)
        if status == "err":
            raise _decode_error(payload)
        return payload

    async def _await_reply(self, worker: _Worker, deadline: float,
                           disconnected: Optional[Callable[[], Awaitable[bool]]]) -> tuple:
        checks = 0
        while not worker.conn.poll(0):
            if time.monotonic() > deadline:
                raise TimeBudgetError(
                    f"reading the document took longer than the limit of {self.time_limit:.0f} s and was stopped; "
                    "give a shorter document or its text layer (a scan takes longest)"
                )
            if not worker.process.is_alive():
                raise InputError("the document could not be read (the worker stopped, out of memory?); "
                                 "give a smaller file", code="worker_died")
            checks += 1
            if disconnected is not None and checks % 4 == 0 and await disconnected():
                raise ClientGone()
            await asyncio.sleep(_POLL)
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            raise InputError("the document could not be read (the worker stopped); give a smaller file",
                             code="worker_died")

    def close(self) -> None:
        """Kill every worker now (server shutdown, SIGTERM)."""
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        for worker in list(self._all):
            worker.kill()
        self._all.clear()


def warm_pipeline() -> None:
    """Worker warm-up: load the models by extracting a two-line text once."""
    from ..batch import _warm_up

    _warm_up({})
