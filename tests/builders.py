"""Builders for the records tests make by hand, with the defaults tests do not care about.

    from builders import agency, result, task

    r = result([task("rà soát văn bản", lead="Sở Tư pháp", support=["Sở Nội vụ"])])

Each builder returns a real pydantic record of ``directive_nlp.models`` (so it
is validated as any record is); every keyword not named here goes to the
model unchanged. ``web_client`` makes a FastAPI test client of a fresh app,
importing FastAPI when a test calls it, not when pytest collects.
"""

from __future__ import annotations

from typing import Any, Iterable, Union

from directive_nlp.models import AgencyRef, Deadline, ExtractionResult, SectionOut, SourceInfo, Task

AgencyLike = Union[str, AgencyRef]


def agency(name: str, role: str = "lead", canonical: str | None = None, **fields: Any) -> AgencyRef:
    """An agency reference; its canonical key defaults to the lower-cased name."""
    return AgencyRef(name=name, canonical=name.lower() if canonical is None else canonical, role=role, **fields)


def deadline(text: str, kind: str, **fields: Any) -> Deadline:
    """A deadline: ``deadline("trước ngày 30/6/2026", "by", date="2026-06-30")``."""
    return Deadline(text=text, kind=kind, **fields)


def task(text: str, *, id: str = "T1", section: str = "II.1", sentence: str | None = None,
         lead: AgencyLike | None = None, support: Iterable[AgencyLike] = (),
         agencies: Iterable[AgencyLike] = (), **fields: Any) -> Task:
    """A task whose sentence defaults to its text; ``lead``/``support`` add agencies in those roles,
    ``agencies`` adds agencies as given (names become lead agencies)."""
    refs = [_ref(a, "lead") for a in agencies]
    refs += [_ref(lead, "lead")] if lead is not None else []
    refs += [_ref(a, "support") for a in support]
    return Task(id=id, section=section, sentence=text if sentence is None else sentence, task=text,
                agencies=refs, **fields)


def result(tasks: Iterable[Task] = (), *, path: str = "kh.md", fmt: str = "md", sha256: str = "0" * 64,
           sections: Iterable[Union[dict, SectionOut]] = (), **fields: Any) -> ExtractionResult:
    """An extraction result of a Markdown source; sections may be given as dicts."""
    return ExtractionResult(source=SourceInfo(path=path, format=fmt, sha256=sha256),
                            sections=[s if isinstance(s, SectionOut) else SectionOut(**s) for s in sections],
                            tasks=list(tasks), **fields)


def web_client(**app_options: Any):
    """A test client of ``create_app(**app_options)``; a server error is a 500 page, not an exception."""
    from fastapi.testclient import TestClient

    from directive_nlp.web import create_app

    return TestClient(create_app(**app_options), raise_server_exceptions=False)


def _ref(a: AgencyLike, role: str) -> AgencyRef:
    return a if isinstance(a, AgencyRef) else agency(a, role)
