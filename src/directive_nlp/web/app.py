"""The web app: routes, upload handling and the editable task table.

Safety rules: uploads are capped (``max_upload_bytes``, checked on
the Content-Length header and again while reading), their type is sniffed
from the content (:func:`directive_nlp.ingest.sniff_format`), they are
written to a fresh temporary folder under a fixed name and removed when the
request ends, and the name the browser sends is only ever shown, never used
as a path. Every failure becomes a message on the page: bad input with
status 400/413, anything unexpected with a generic message (no framework
error page, no traceback).

The page is stateless: the result travels in the form (a hidden JSON of the
document part plus one table row per task), so there is nothing to clean up
on the server and any number of people can use it at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import re
import shutil
import tempfile
import time
import unicodedata
from urllib.parse import urlsplit
from datetime import date
from pathlib import Path
from typing import Any, Optional

import jinja2
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..agencies import canonical
from ..checklist import FORMATS, FREQUENCY_LABELS, MEDIA_TYPES, render_checklist
from ..errors import EmptyInputError, InputError, TimeBudgetError, TooLargeError, UnsupportedFormatError
from ..io import dump_result, parse_result
from ..models import AgencyRef, Deadline, ExtractionResult, Task
from .messages import SERVER_ERROR, http_message, vietnamese
from .pictures import GraphPictures, has_graph, result_key
from .worker import DEFAULT_MAX_RSS_MB, DEFAULT_TIME_LIMIT, ClientGone, WorkerPool

log = logging.getLogger(__name__)

DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
#: pages read of an uploaded PDF (keeps one upload from holding the server for long, e.g. with OCR)
DEFAULT_MAX_PAGES = 150
VIEW_MAX_BLOCKS = 300  # the displaCy view of a result page shows at most this many task blocks
#: formats the upload accepts after sniffing (html comes with the readers)
ACCEPTED = ("pdf", "docx", "txt", "md", "html")
#: form limits: a 500-task plan has ~6,000 table fields
MAX_FORM_FIELDS = 40_000
MAX_FORM_PART = 8 * 1024 * 1024
HERE = Path(__file__).resolve().parent
ROW_FIELDS = ("uid", "id", "section", "task", "lead", "support", "deadline_text", "due", "frequency", "report_to", "orig")


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def safe_display_name(filename: Optional[str], default: str = "document") -> str:
    """The browser's file name reduced to something safe to show and to use
    in a download name: last path component, NFC, letters/digits/space/._-
    only, at most 80 characters. Never used to open or write a file."""
    name = unicodedata.normalize("NFC", filename or "")
    name = re.split(r"[\\/]", name)[-1]
    name = re.sub(r"[^\w .\-]", "_", name, flags=re.UNICODE).strip(" .")
    return name[:80] or default


def _stem(name: str) -> str:
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return re.sub(r"[^A-Za-z0-9_\-]+", "_", unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()).strip("_") or "checklist"


def _split_names(value: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"[;\n]", value or "") if p.strip()]


def _parse_deadline_text(text: str, doc_date: Optional[date]) -> Optional[Deadline]:
    try:
        from ..deadlines import parse_deadline

        return parse_deadline(text, doc_date=doc_date)
    except Exception:
        return None


def _iso(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise InputError(f"'{value}' is not a date; use the date picker (yyyy-mm-dd)", code="date")


def parse_as_of(value: Optional[str]) -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"'{value}' is not a date; pick the 'as of' date again", code="date")


def rebuild_deadline(orig: Optional[Deadline], text: str, due: Optional[str], freq: Optional[str],
                     doc_date: Optional[date]) -> Optional[Deadline]:
    """The deadline of a corrected row.

    Unchanged cells keep the extracted deadline (kind, period start...); a
    new deadline text is read again by the deadline recogniser; a date or a
    frequency the person picked wins over what the text says.
    """
    text = " ".join((text or "").split())
    freq = freq or None
    if not text and not due and not freq:
        return None
    if orig is not None and text == orig.text:
        base = orig.model_copy()
    elif text:
        base = _parse_deadline_text(text, doc_date) or Deadline(text=text, kind="conditional")
        base = base.model_copy(update={"text": text})
    else:
        base = Deadline(text="", kind="by")
    shown = base.end if base.kind == "period" else base.date
    if due and due != shown:
        base = base.model_copy(update={"kind": base.kind if base.kind in ("by", "on") else "by",
                                       "date": due, "start": None, "end": None, "frequency": None})
    elif not due and shown and base.kind in ("by", "on", "period"):
        base = base.model_copy(update={"date": None, "end": None} if base.kind == "period" else {"date": None})
    if freq:
        base = base.model_copy(update={"kind": "recurring", "frequency": freq, "date": None, "start": None, "end": None})
    elif base.kind == "recurring" and base.frequency and orig is not None and text == orig.text:
        base = base.model_copy(update={"frequency": None})  # the person cleared the frequency
    if not base.text:
        base = base.model_copy(update={"text": (date.fromisoformat(due).strftime("%d/%m/%Y") if due else "")
                                       or FREQUENCY_LABELS["vi"].get(freq or "", "định kỳ")})
    return base


def result_from_form(form: FormData) -> ExtractionResult:
    """The corrected result: the document part from the hidden JSON, the
    metadata fields and one task per table row (deleted rows are absent)."""
    raw = form.get("result_json")
    if not isinstance(raw, str) or not raw.strip():
        raise InputError("the page lost its data; upload the document again", code="page_data")
    try:
        obj = json.loads(raw)
    except ValueError:
        raise InputError("the page lost its data; upload the document again", code="page_data")
    if not isinstance(obj, dict):
        raise InputError("the page lost its data; upload the document again", code="page_data")
    base = parse_result({**obj, "tasks": []}, path="page")
    doc = base.document.model_copy()
    for field in ("doc_type", "number", "issuer", "title", "province", "place"):
        if f"m_{field}" in form:
            setattr(doc, field, " ".join(str(form.get(f"m_{field}") or "").split()) or None)
    if "m_issued_date" in form:
        doc.issued_date = _iso(str(form.get("m_issued_date") or ""))
    try:
        doc_date = date.fromisoformat(doc.issued_date) if doc.issued_date else None
    except ValueError:
        doc_date = None
    cols = {f: [str(v) for v in form.getlist(f"t_{f}")] for f in ROW_FIELDS}
    n = len(cols["task"])
    if any(len(v) != n for v in cols.values()):
        raise InputError("the table on the page is incomplete; reload the page and try again", code="table")
    used_ids = {i for i in cols["id"] if i}
    tasks: list[Task] = []
    new = 0
    for k in range(n):
        row = {f: cols[f][k] for f in ROW_FIELDS}
        task_text = " ".join(row["task"].split())
        lead, support = _split_names(row["lead"]), _split_names(row["support"])
        if not task_text and not lead and not support:
            continue  # an added row left empty
        try:
            orig = Task.model_validate(json.loads(row["orig"])) if row["orig"] else None
        except Exception:
            orig = None
        known = {(a.name, a.role): a for a in (orig.agencies if orig else [])}
        agencies = [known.get((nm, role)) or AgencyRef(name=nm, canonical=canonical(nm), role=role)
                    for role, names in (("lead", lead), ("support", support)) for nm in names]
        tid = row["id"]
        if not tid:
            new += 1
            while f"N{new}" in used_ids:
                new += 1
            tid = f"N{new}"
            used_ids.add(tid)
        if row["frequency"] and row["frequency"] not in FREQUENCY_LABELS["vi"]:
            raise InputError(f"unknown frequency '{row['frequency'][:20]}'; pick one from the list", code="frequency")
        deadline = rebuild_deadline(orig.deadline if orig else None, row["deadline_text"], _iso(row["due"]),
                                    row["frequency"] or None, doc_date)
        update: dict[str, Any] = {
            "id": tid,
            "section": " ".join(row["section"].split()),
            "task": task_text,
            "agencies": agencies,
            "deadline": deadline,
            "report_to": _split_names(row["report_to"]),
        }
        if orig:
            if task_text != orig.task and orig.sentence == orig.task:
                update["sentence"] = task_text
            tasks.append(orig.model_copy(update=update))
        else:
            tasks.append(Task(sentence=task_text, **update))
    return base.model_copy(update={"document": doc, "tasks": tasks})


def _table_rows(result: ExtractionResult) -> list[dict]:
    from ..learn.confidence import is_low

    rows = []
    for i, t in enumerate(result.tasks):
        d = t.deadline
        due = (d.end if d.kind == "period" else d.date) if d else None
        rows.append({
            "uid": f"r{i}",
            "id": t.id,
            "section": t.section,
            "task": t.task,
            "sentence": t.sentence,
            "lead": "; ".join(a.name for a in t.agencies if a.role == "lead"),
            "support": "; ".join(a.name for a in t.agencies if a.role == "support"),
            "deadline_text": d.text if d else "",
            "kind": d.kind if d else "",
            "due": due or "",
            "frequency": (d.frequency or "") if d else "",
            "report_to": "; ".join(t.report_to),
            "low": is_low(t),
            "orig": t.model_dump_json(),
        })
    return rows


# ---------------------------------------------------------------------------
# Reading uploads
# ---------------------------------------------------------------------------


async def read_upload(form: FormData, field: str, limit: int) -> tuple[bytes, str]:
    """The bytes and a display name of an uploaded file (capped at ``limit``)."""
    up = form.get(field)
    if not isinstance(up, UploadFile) or not (up.filename or "").strip():
        raise InputError("choose a file to upload (PDF, DOCX or text)", code="no_file")
    name = safe_display_name(up.filename)
    data = await up.read(limit + 1)
    await up.close()
    if len(data) > limit:
        raise TooLargeError(f"the file is larger than the limit of {size_text(limit)} per file; "
                            "split it or give the text only", path=name)
    if not data.strip():
        raise EmptyInputError(path=name)
    return data, name


def _looks_json(data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith((b"{", b"["))


def result_from_upload(data: bytes, name: str, *, max_pages: int = DEFAULT_MAX_PAGES) -> ExtractionResult:
    """Extract a result from uploaded bytes (or read an uploaded extract JSON).

    The content decides the type; the bytes go to a fresh temporary folder
    under a fixed name and the folder is removed whatever happens.
    """
    return result_and_view_from_upload(data, name, max_pages=max_pages, view=False)[0]


def result_and_view_from_upload(data: bytes, name: str, *, max_pages: int = DEFAULT_MAX_PAGES,
                                view: bool = True) -> tuple[ExtractionResult, Optional[str]]:
    """:func:`result_from_upload` and the displaCy view of the document's agencies, deadlines and
    tasks (HTML, :mod:`directive_nlp.visualize`; None for an uploaded JSON, which has no text)."""
    if _looks_json(data):
        result = parse_result(data.decode("utf-8-sig", errors="replace"), path=name)
        result.source.path = name
        return result, None
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    fmt = sniff_format(data, suffix)
    if fmt not in ACCEPTED:
        raise UnsupportedFormatError(f"cannot read a {fmt} file here; give a PDF, DOCX or text file", path=name)
    from ..pipeline import extract_doc, result_from_doc

    tmp = Path(tempfile.mkdtemp(prefix="dnlp-upload-"))
    try:
        path = tmp / f"upload.{'txt' if fmt == 'txt' else fmt}"
        path.write_bytes(data)
        doc = extract_doc(path, max_pages=max_pages)
    except InputError as e:
        e.path = name  # never show the temporary path
        raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    result = result_from_doc(doc)
    result.source.path = name
    if not view:
        return result, None
    from ..visualize import render

    return result, render(doc, max_parts=VIEW_MAX_BLOCKS)


def sniff_format(data: bytes, suffix: str):
    from ..ingest import sniff_format as sniff

    return sniff(data, suffix)


def graph_picture(result: ExtractionResult) -> tuple[Optional[str], Optional[str]]:
    """What the result page shows of the responsibility graph on upload: a
    note when there is nothing to draw, else (None, None) and the page offers
    a button that draws it when asked (``/download`` with ``fmt=graph-view``).

    The picture is never drawn here: it cost 2.4 times the extraction, on
    every upload, whether anyone looked at it or not.
    """
    if not has_graph(result):
        return None, "Không có nhiệm vụ nào nêu cơ quan thực hiện nên chưa vẽ được sơ đồ."
    return None, None


def graph_file(result: ExtractionResult, ext: str) -> bytes:
    """The responsibility graph of a (corrected) result as SVG or PNG bytes."""
    from .. import graph

    if not any(t.agencies for t in result.tasks):
        raise InputError("no task names an agency, so there is no graph to draw", code="no_graph")
    tmp = Path(tempfile.mkdtemp(prefix="dnlp-graph-"))
    try:
        return Path(graph.draw_graph(graph.build_graph([result]), tmp / f"graph.{ext}")).read_bytes()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def crosscheck_results(program: ExtractionResult, plan: ExtractionResult):
    from ..crosscheck import crosscheck

    return crosscheck(program, plan)


# ---------------------------------------------------------------------------
# The app
# ---------------------------------------------------------------------------


class BodySizeLimit:
    """ASGI middleware: stop reading a request body past ``max_bytes`` even
    when the client sends no Content-Length (chunked), so an endless upload
    never fills the disk with Starlette's spooled temporary files."""

    def __init__(self, app, max_bytes: int, per_file: int):
        self.app = app
        self.max_bytes = max_bytes
        self.per_file = per_file

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        total = 0
        limit = self.max_bytes

        async def limited_receive():
            nonlocal total
            message = await receive()
            if message["type"] == "http.request":
                total += len(message.get("body", b""))
                if total > limit:
                    raise TooLargeError(f"the upload is larger than this server accepts ({size_text(self.per_file)} "
                                        "per file); split the file or give the text only")
            return message

        await self.app(scope, limited_receive, send)


def size_text(n: int) -> str:
    """A byte count as people read it (the real cap, never rounded to 0)."""
    if n >= 1024 * 1024:
        mb = n / (1024 * 1024)
        return f"{mb:.0f} MB" if mb == int(mb) else f"{mb:.1f} MB"
    return f"{max(1, round(n / 1024))} KB"


def _mb_number(n: int) -> str:
    """The cap in MB as a number for "up to N MB" (0.4 for 400 KB, never 0 or 1 rounded up)."""
    mb = n / (1024 * 1024)
    return f"{mb:.0f}" if mb >= 10 or mb == int(mb) else f"{mb:.1f}".rstrip("0").rstrip(".")


#: every answer carries these (the page needs its own scripts and styles, and data: images for the graph)
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    # same-origin, not no-referrer: under no-referrer browsers send "Origin: null" with a form's POST
    "referrer-policy": "same-origin",
}


class SecurityHeaders:
    """ASGI middleware: the security headers on every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in have]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def check_origin(request: Request) -> None:
    """Refuse a form posted from another site (CSRF): a browser sends
    ``Origin`` with every POST; it must name this server. Clients that send
    no Origin (curl, scripts) are not browsers and are let through."""
    origin = request.headers.get("origin")
    site = request.headers.get("sec-fetch-site")
    if site == "cross-site":
        raise InputError("a form sent from another web site is refused; use this page's own form", code="origin")
    if origin is None or (origin == "null" and site == "same-origin"):
        return
    parts = urlsplit(origin)
    if origin == "null" or parts.netloc.lower() != request.headers.get("host", "").lower():
        raise InputError("a form sent from another web site is refused; use this page's own form", code="origin")


def _relative_url_for(context, name: str, **path_params) -> str:
    """``url_for`` for templates that writes a path, never the request's Host header."""
    request = context["request"]
    return request.scope.get("root_path", "") + str(request.app.url_path_for(name, **path_params))


def _lifespan(pool: Optional[WorkerPool]):
    """Start the worker pool with the server (models warm before the first
    upload) and kill its workers when the server stops (SIGTERM included)."""

    @contextlib.asynccontextmanager
    async def lifespan(app):
        if pool is not None:
            pool._ensure_started()
        try:
            yield
        finally:
            if pool is not None:
                pool.close()

    return lifespan


def _offloader(pool: Optional[WorkerPool], time_limit: float):
    """``await offload(request, fn, *args)``: ``fn`` in a worker process (or a
    thread when there is no pool) within the request's time budget."""

    async def offload(request: Request, fn, *args, **kwargs):
        deadline = request.state.deadline
        if pool is not None:
            return await pool.run(fn, *args, deadline=deadline, disconnected=request.is_disconnected, **kwargs)
        try:
            return await asyncio.wait_for(run_in_threadpool(functools.partial(fn, *args, **kwargs)),
                                          max(0.01, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            raise TimeBudgetError(f"reading the document took longer than the limit of {time_limit:.0f} s; "
                                  "give a shorter document or its text layer")

    return offload


class _Site:
    """What every route of one app shares: its limits, templates, worker offloader and graph pictures."""

    def __init__(self, *, max_upload_bytes: int, graph: bool, max_pages: int, time_limit: float,
                 pool: Optional[WorkerPool]) -> None:
        self.max_upload_bytes = max_upload_bytes
        self.graph = graph
        self.max_pages = max_pages
        self.time_limit = time_limit
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        self.templates.env.globals["url_for"] = jinja2.pass_context(_relative_url_for)
        self.offload = _offloader(pool, time_limit)
        self.pictures = GraphPictures()

    def page(self, request: Request, name: str, status: int = 200, **ctx) -> HTMLResponse:
        ctx.setdefault("message", None)
        ctx.setdefault("message_detail", None)
        ctx.setdefault("max_mb", _mb_number(self.max_upload_bytes))
        ctx.setdefault("max_size", size_text(self.max_upload_bytes))
        ctx.setdefault("max_bytes", self.max_upload_bytes)
        return self.templates.TemplateResponse(request, name, ctx, status_code=status)

    def error_page(self, request: Request, template: str, err: Exception, status: int = 400, **ctx) -> HTMLResponse:
        if isinstance(err, InputError):
            status = 413 if isinstance(err, TooLargeError) else status
            status = 503 if isinstance(err, TimeBudgetError) else status
            status = 403 if err.code == "origin" else status
        else:
            log.exception("unexpected error")
            # the file made our code fail: say so on the page (422, logged with
            # its traceback), never the framework's bare 500 page
            status = 422
        msg, detail = vietnamese(err)  # Vietnamese first, the English line as the detail
        return self.page(request, template, status, message=msg, message_detail=detail, **ctx)

    async def form(self, request: Request) -> FormData:
        request.state.deadline = time.monotonic() + self.time_limit
        check_origin(request)
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > self.max_upload_bytes * 2 + 1_000_000:
            raise TooLargeError(f"the upload is larger than this server accepts ({size_text(self.max_upload_bytes)} "
                                "per file); split the file or give the text only")
        # (a body without Content-Length is cut by BodySizeLimit while it is read)
        try:
            return await request.form(max_files=4, max_fields=MAX_FORM_FIELDS, max_part_size=MAX_FORM_PART)
        except InputError:
            raise
        except Exception as e:  # malformed multipart, too many fields...
            raise InputError(f"the form could not be read ({getattr(e, 'detail', None) or type(e).__name__})",
                             code="form")

    async def graph_view(self, request: Request, result: ExtractionResult) -> bytes:
        """The graph picture of the table as posted: drawn on the first request, then from the cache."""
        if not self.graph:
            raise InputError("drawing the graph is switched off on this server", code="graph_off")
        key = result_key(result)
        svg = self.pictures.get(key)
        if svg is None:
            svg = await self.offload(request, graph_file, result, "svg")
            self.pictures.put(key, svg)
        return svg

    async def download(self, request: Request, result: ExtractionResult, fmt: str, as_of: date,
                       lang: str) -> tuple[bytes, str, Optional[str]]:
        """The body, media type and file name (None: shown in the page) of one download format."""
        stem = _stem(result.source.path or "checklist")
        if fmt == "extract-json":
            return dump_result(result).encode("utf-8"), "application/json", f"{stem}.extract.json"
        if fmt == "gold-jsonl":  # the corrections as gold for `directive-nlp train`
            from ..learn.corrections import corrections_to_jsonl

            return corrections_to_jsonl(result).encode("utf-8"), "application/jsonl", f"{stem}.gold.jsonl"
        if fmt == "graph-view":  # the page's "draw" button: shown in the page, cached by result
            return await self.graph_view(request, result), "image/svg+xml", None
        if fmt in ("graph-svg", "graph-png"):
            ext = fmt.split("-")[1]
            body = await self.offload(request, graph_file, result, ext)
            return body, ("image/svg+xml" if ext == "svg" else "image/png"), f"{stem}.graph.{ext}"
        if fmt in FORMATS:
            body = await self.offload(request, render_checklist, result, fmt, as_of=as_of, lang=lang)
            return body, MEDIA_TYPES[fmt], f"{stem}.checklist.{fmt}"
        raise InputError(f"unknown download format '{fmt[:20]}'", code="download_format")


def create_app(*, max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES, graph: bool = True,
               max_pages: int = DEFAULT_MAX_PAGES, workers: int = 0, time_limit: float = DEFAULT_TIME_LIMIT,
               max_rss_mb: float = DEFAULT_MAX_RSS_MB) -> FastAPI:
    """The web app. ``max_upload_bytes`` caps each uploaded file, ``max_pages``
    the pages read of a PDF; ``graph`` turns the graph picture off.

    ``workers`` > 0 runs every document in that many worker processes, each
    request within ``time_limit`` seconds, a worker replaced when it passes
    ``max_rss_mb`` (see :mod:`directive_nlp.web.worker`; ``serve`` uses 1);
    0 runs them in threads of this process (tests, embedding), the time
    limit then only ending the wait."""
    pool = WorkerPool(workers, time_limit=time_limit, max_rss_mb=max_rss_mb,
                      warm_up="directive_nlp.web.worker:warm_pipeline") if workers > 0 else None
    app = FastAPI(title="directive-nlp", docs_url=None, redoc_url=None, openapi_url=None, lifespan=_lifespan(pool))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.state.max_upload_bytes = max_upload_bytes
    app.state.pool = pool
    # two files plus the form fields of a long table fit in this
    app.add_middleware(BodySizeLimit, max_bytes=max_upload_bytes * 2 + MAX_FORM_PART, per_file=max_upload_bytes)
    app.add_middleware(SecurityHeaders)
    site = _Site(max_upload_bytes=max_upload_bytes, graph=graph, max_pages=max_pages, time_limit=time_limit,
                 pool=pool)
    app.state.pictures = site.pictures
    _add_error_handlers(app, site)
    _add_extract_routes(app, site)
    _add_crosscheck_routes(app, site)
    return app


def _add_error_handlers(app: FastAPI, site: _Site) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        msg, detail = http_message(exc.status_code, f"{exc.detail}")
        return site.page(request, "index.html", exc.status_code, message=msg, message_detail=detail)

    @app.exception_handler(Exception)
    async def any_error(request: Request, exc: Exception):  # pragma: no cover - last resort
        log.exception("unexpected error")
        return site.page(request, "index.html", 500, message=SERVER_ERROR,
                         message_detail="Something went wrong; please try again or report this.")


def _add_extract_routes(app: FastAPI, site: _Site) -> None:
    """The upload form, the result page with its editable table, and its downloads."""
    @app.get("/", response_class=HTMLResponse)
    async def index(request: Request):
        return site.page(request, "index.html")

    @app.get("/healthz", response_class=PlainTextResponse)
    async def healthz():
        return "ok"

    @app.post("/extract", response_class=HTMLResponse)
    async def extract_page(request: Request):
        try:
            form = await site.form(request)
            data, name = await read_upload(form, "file", site.max_upload_bytes)
            result, view_html = await site.offload(request, result_and_view_from_upload, data, name,
                                                   max_pages=site.max_pages)
            picture, graph_note = ((await site.offload(request, graph_picture, result)) if site.graph
                                   else (None, "Máy chủ này đã tắt chức năng vẽ sơ đồ."))
        except ClientGone:
            return Response(status_code=499)
        except Exception as e:
            return site.error_page(request, "index.html", e)
        as_of = date.today()
        return site.page(request, "result.html", result=result, rows=_table_rows(result), as_of=as_of.isoformat(),
                         result_json=result.model_copy(update={"tasks": []}).model_dump_json(),
                         graph_uri=picture, graph_note=graph_note, formats=FORMATS, view_html=view_html,
                         frequencies=FREQUENCY_LABELS["vi"], agencies=_agency_names(result))

    @app.post("/download")
    async def download(request: Request):
        try:
            form = await site.form(request)
            result = result_from_form(form)
            fmt = str(form.get("fmt") or "")
            as_of = parse_as_of(str(form.get("as_of") or ""))
            lang = "en" if form.get("lang") == "en" else "vi"
            body, media, fname = await site.download(request, result, fmt, as_of, lang)
        except ClientGone:
            return Response(status_code=499)
        except Exception as e:
            return site.error_page(request, "index.html", e)
        headers = {"Content-Disposition": f'attachment; filename="{fname}"'} if fname else {"Cache-Control": "no-store"}
        return Response(body, media_type=media, headers=headers)


def _add_crosscheck_routes(app: FastAPI, site: _Site) -> None:
    """The cross-check form and its report."""
    @app.get("/crosscheck", response_class=HTMLResponse)
    async def crosscheck_form(request: Request):
        return site.page(request, "crosscheck.html", report=None)

    @app.post("/crosscheck", response_class=HTMLResponse)
    async def crosscheck_page(request: Request):
        try:
            form = await site.form(request)
            prog_data, prog_name = await read_upload(form, "program", site.max_upload_bytes)
            plan_data, plan_name = await read_upload(form, "plan", site.max_upload_bytes)
            program = await site.offload(request, result_from_upload, prog_data, prog_name, max_pages=site.max_pages)
            plan = await site.offload(request, result_from_upload, plan_data, plan_name, max_pages=site.max_pages)
            report = await site.offload(request, crosscheck_results, program, plan)
        except ClientGone:
            return Response(status_code=499)
        except Exception as e:
            return site.error_page(request, "crosscheck.html", e, report=None)
        try:
            from ..report import render_crosscheck_html

            full = render_crosscheck_html(report)
        except Exception as e:  # the full report is extra: the summary below is enough
            log.warning("cross-check HTML report failed: %s", e)
            full = None
        return site.page(request, "crosscheck.html", report=report, program=program, plan=plan, full_report=full)


def _agency_names(result: ExtractionResult) -> list[str]:
    seen: dict[str, str] = {}
    for t in result.tasks:
        for a in t.agencies:
            seen.setdefault(a.name.casefold(), a.name)
    return sorted(seen.values(), key=str.casefold)
