"""Orchestration: file -> normalised text -> spaCy Doc -> the pipeline -> records.

This module only wires stages together; each stage lives in its own module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from .errors import NotVietnameseError
from .ingest import ReadOptions, read_document
from .language import MIN_DIACRITIC_SHARE, MIN_SYLLABLE_SHARE, looks_vietnamese, vietnamese_shares
from .models import ExtractionResult, NormalizedDocument
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
# Extraction: read → Doc → nlp → result (one path, see docs/pipeline.md)
# --------------------------------------------------------------------------


def load(gazetteer=None, model="default"):
    """The spaCy pipeline every extraction runs through (:func:`directive_nlp.nlp.load`)."""
    from .nlp import load as _load

    return _load(gazetteer, model)


def _nlp(gazetteer, model):
    if gazetteer is not None and not isinstance(gazetteer, (str, Path)):
        raise TypeError("gazetteer: give the path of a gazetteer YAML file")
    return load(gazetteer, model)


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


def result_from_doc(doc) -> "ExtractionResult":
    """The :class:`~directive_nlp.models.ExtractionResult` (docs/output-contract.md) of a Doc the pipeline ran on.

    The one function that turns the Doc into records: source, metadata and
    sections from ``doc._``, tasks from ``doc._.dnlp_tasks``, notes from ``doc._.dnlp_notes``.
    """
    from .models import DocumentMeta, ExtractionResult, SectionOut

    ndoc, structure = doc._.dnlp_source, doc._.dnlp_structure
    if ndoc is None:
        raise ValueError("the Doc carries no document: make it with directive_nlp.reader.read_doc or run dnlp_document")
    sections = [
        SectionOut(id=s.id, number=s.number, heading=s.heading, level=s.level, parent=s.parent,
                   text=None if s.heading else _item_text(ndoc.text, s))
        for s in (structure.sections if structure is not None else [])
    ]
    return ExtractionResult(source=ndoc.source, document=doc._.dnlp_meta or DocumentMeta(), sections=sections,
                            tasks=list(doc._.dnlp_tasks or []), notes=list(doc._.dnlp_notes or []))


def extract_document(doc: NormalizedDocument, *, gazetteer=None, model="default") -> "ExtractionResult":
    """Structure, metadata and tasks of an already normalised document, through the pipeline.

    ``model``: the learned decisions applied after the rules ("default": the
    shipped model when present; None: rules only; or a model directory), see
    :mod:`directive_nlp.learn`.
    """
    from .reader import make_doc

    nlp = _nlp(gazetteer, model)
    return result_from_doc(nlp(make_doc(nlp, doc)))


def extract_docs(docs, *, gazetteer=None, model="default", batch_size: int = 8):
    """Results of normalised documents, in order, through ``nlp.pipe`` (one process)."""
    from .reader import make_doc

    nlp = _nlp(gazetteer, model)
    for doc in nlp.pipe((make_doc(nlp, d) for d in docs), batch_size=batch_size):
        yield result_from_doc(doc)


def extract_doc(
    path: Union[str, Path],
    data: Optional[bytes] = None,
    *,
    gazetteer=None,
    model="default",
    max_pages: Optional[int] = None,
    force: bool = False,
    options: Optional[ReadOptions] = None,
    **read_kwargs,
):
    """Read one document and run the pipeline on it: the processed spaCy Doc (see :func:`extract`)."""
    from .reader import make_doc

    if max_pages is not None:
        read_kwargs["max_pages"] = max_pages
    ndoc = load_text(path, data, force=force, options=options, **read_kwargs)
    nlp = _nlp(gazetteer, model)
    return nlp(make_doc(nlp, ndoc))


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
    """Read one document and extract its tasks: read → Doc → :func:`load` pipeline → result.

    ``gazetteer`` is a user gazetteer YAML path added to the package's agency
    names; ``max_pages`` (default: the readers' limit) and other reader
    options (``ocr=…``) pass through to :func:`load_text`. Raises
    :class:`~directive_nlp.errors.InputError` for unreadable input. The
    pipeline and rule files are loaded once per process.
    """
    return result_from_doc(extract_doc(path, data, gazetteer=gazetteer, model=model, max_pages=max_pages,
                                       force=force, options=options, **read_kwargs))


def extract_text(text: str, name: str = "text.txt", *, gazetteer=None, force: bool = True,
                 model="default") -> "ExtractionResult":
    """Extract the tasks of a text given as a string (notebooks, tests, the web form)."""
    if not name.lower().endswith((".txt", ".md")):
        name = name + ".txt"
    return extract(name, data=text.encode("utf-8"), gazetteer=gazetteer, force=force, model=model)
