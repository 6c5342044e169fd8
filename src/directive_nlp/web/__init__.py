"""A small web page for people who do not use a terminal.

Upload a plan (PDF, DOCX, text, or a previously downloaded extract JSON), see
its metadata and tasks in a table you can filter and correct, download every
checklist format and the corrected JSON, see the responsibility graph, and
cross-check a review plan against a program. Server-rendered (FastAPI +
Jinja2) with a little vanilla JavaScript; no front-end build step.

Start it with ``directive-nlp serve`` or ``uvicorn`` on :func:`create_app`.
"""

from __future__ import annotations

from .app import DEFAULT_MAX_UPLOAD_BYTES, create_app

__all__ = ["create_app", "DEFAULT_MAX_UPLOAD_BYTES"]
