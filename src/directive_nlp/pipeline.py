"""Orchestration: file -> normalised text -> structure -> spaCy -> records.

This module only wires stages together; each stage lives in its own module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from .errors import NotVietnameseError
from .ingest import ReadOptions, read_document
from .language import MIN_DIACRITIC_SHARE, MIN_SYLLABLE_SHARE, looks_vietnamese, vietnamese_shares
from .models import NormalizedDocument
from .normalize import normalize_document


def check_language(doc: NormalizedDocument, *, force: bool = False) -> None:
    """Refuse text that is not Vietnamese (see :mod:`directive_nlp.language`)."""
    if force or looks_vietnamese(doc.text):
        return
    syl, dia, _ = vietnamese_shares(doc.text)
    raise NotVietnameseError(
        f"the text does not look Vietnamese ({syl:.0%} Vietnamese syllables, {dia:.0%} with diacritics; "
        f"need {MIN_SYLLABLE_SHARE:.0%} and {MIN_DIACRITIC_SHARE:.0%}); "
        "check the file or its encoding, or pass --force to read it anyway",
        path=doc.source.path,
    )


def load_text(
    path: Union[str, Path],
    data: Optional[bytes] = None,
    *,
    force: bool = False,
    options: Optional[ReadOptions] = None,
    **read_kwargs,
) -> NormalizedDocument:
    """Read a file and return its normalised text with block offsets.

    Raises :class:`~directive_nlp.errors.InputError` for unreadable or
    non-Vietnamese input (``force=True`` skips the language check).
    """
    src = read_document(path, data, options=options, force=force, **read_kwargs)
    doc = normalize_document(src)
    check_language(doc, force=force)
    return doc


# --------------------------------------------------------------------------
# Extraction (tasks area): file -> ExtractionResult
# --------------------------------------------------------------------------

_NOTES_MISSING = {
    "agencies.find_agencies": "agency recogniser unavailable: tasks carry no agencies",
    "deadlines.find_deadlines": "deadline recogniser unavailable: tasks carry no deadlines",
}


def _structure(doc: NormalizedDocument):
    """The section tree; a flat one (every block in "preamble") if the parser is missing."""
    from .models import BlockInfo, DocumentStructure, Section

    try:
        from .structure import parse_structure
    except ImportError:  # pragma: no cover - only while the structure module is absent
        return DocumentStructure(
            sections=[Section(id="preamble", kind="preamble")],
            blocks=[BlockInfo(block=b.index, section="preamble", content_start=b.start) for b in doc.blocks],
        ), ["section parser unavailable: no sections"]
    return parse_structure(doc), []


def _metadata(doc: NormalizedDocument, structure) -> tuple["DocumentMeta", list[str]]:
    from .models import DocumentMeta

    try:
        from .structure.metadata import extract_metadata
    except ImportError:
        return DocumentMeta(), ["metadata extractor unavailable: document fields left empty"]
    try:
        return extract_metadata(doc, structure), []
    except Exception as e:  # metadata must never cost the tasks
        return DocumentMeta(), [f"metadata extraction failed ({type(e).__name__}); document fields left empty"]


def _load_gazetteer(gazetteer):
    if gazetteer is None:
        return None
    if not isinstance(gazetteer, (str, Path)):
        return gazetteer  # an already-built Gazetteer
    return _gazetteer_cached(str(Path(gazetteer).resolve()))


_GAZ_CACHE: dict = {}


def _gazetteer_cached(path: str):
    if path not in _GAZ_CACHE:
        from .agencies import load_user_gazetteer

        _GAZ_CACHE[path] = load_user_gazetteer(path)
    return _GAZ_CACHE[path]


def _item_text(text: str, section) -> Optional[str]:
    """First line of a numbered item without a heading, marker dropped (the
    cross-check reads review topics written as noun phrases from it, so a
    document and its JSON give the same answer)."""
    if section.start is None or section.end is None or not section.number or section.kind in ("preamble", "closing"):
        return None
    line = text[section.start:section.end].split("\n", 1)[0].strip()
    if line.startswith(section.number):
        line = line[len(section.number):].strip()
    return (line[:299].rstrip() + "…" if len(line) > 300 else line) or None


def extract_document(doc: NormalizedDocument, *, gazetteer=None, model="default") -> "ExtractionResult":
    """Structure, metadata and tasks of an already normalised document.

    ``model``: the learned decisions applied after the rules ("default": the
    shipped model when present; None: rules only; or a model directory), see
    :mod:`directive_nlp.learn`.
    """
    from .models import ExtractionResult, SectionOut
    from .tasks import extract_tasks
    from .tasks import mentions as _mentions

    notes: list[str] = []
    structure, n1 = _structure(doc)
    meta, n2 = _metadata(doc, structure)
    notes += n1 + n2
    token = _mentions.gazetteer_var.set(_load_gazetteer(gazetteer))
    try:
        _mentions.missing.clear()
        tasks = extract_tasks(doc, structure, meta)
        notes += [_NOTES_MISSING[k] for k in sorted(_mentions.missing) if k in _NOTES_MISSING]
    finally:
        _mentions.gazetteer_var.reset(token)
    if not tasks:
        notes.append("no tasks found: no part of the text asks a body to act (check the file is a directive, plan or programme)")
    from .quality import warn_low_yield

    low = warn_low_yield(doc.source, len(doc.text), len(tasks))
    if low:
        notes.append(low)
    sections = [
        SectionOut(id=s.id, number=s.number, heading=s.heading, level=s.level, parent=s.parent,
                   text=None if s.heading else _item_text(doc.text, s))
        for s in structure.sections
    ]
    result = ExtractionResult(source=doc.source, document=meta, sections=sections, tasks=tasks, notes=notes)
    from .learn.model import apply_model

    return apply_model(result, model)


def extract(
    path: Union[str, Path],
    data: Optional[bytes] = None,
    *,
    gazetteer=None,
    model="default",
    max_pages: Optional[int] = None,
    force: bool = False,
    options: Optional[ReadOptions] = None,
    **read_kwargs,
) -> "ExtractionResult":
    """Read one document and extract its tasks: load_text → structure → metadata → tasks.

    ``gazetteer`` is a user gazetteer YAML path (or a loaded one) added to the
    package's agency names; ``max_pages`` (default: the readers' limit) and
    other reader options (``ocr=…``) pass through to :func:`load_text`. Raises :class:`~directive_nlp.errors.InputError` for
    unreadable input. Recognisers and rule files are loaded once per process.
    """
    if max_pages is not None:
        read_kwargs["max_pages"] = max_pages
    doc = load_text(path, data, force=force, options=options, **read_kwargs)
    return extract_document(doc, gazetteer=gazetteer, model=model)


def extract_text(text: str, name: str = "text.txt", *, gazetteer=None, force: bool = True,
                 model="default") -> "ExtractionResult":
    """Extract the tasks of a text given as a string (notebooks, tests, the web form)."""
    if not name.lower().endswith((".txt", ".md")):
        name = name + ".txt"
    return extract(name, data=text.encode("utf-8"), gazetteer=gazetteer, force=force, model=model)
