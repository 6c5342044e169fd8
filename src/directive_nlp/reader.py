"""The reader step: any input (path or bytes, every reader) → ONE spaCy Doc.

This is spacy-layout's design with the project's own readers (docling needs
models we cannot download): :func:`directive_nlp.pipeline.load_text` reads
and normalises the file (text, Markdown, PDF, DOCX, HTML, OCR), the pipeline's
tokenizer (underthesea, lossless) makes the Doc over the normalised text, and
the layout goes on the Doc:

* span groups ``dnlp_block``, ``dnlp_heading``, ``dnlp_list_item``,
  ``dnlp_table_row``, ``dnlp_table_cell``, ``dnlp_label`` (see
  :mod:`directive_nlp.extensions`), each span with its block index, page and box;
* ``doc._.dnlp_source`` (the NormalizedDocument: blocks and the offset map
  back to the file), ``doc._.dnlp_structure``, ``doc._.dnlp_meta``,
  ``doc._.doc_date`` and ``doc._.dnlp_notes``.

``doc.text`` is the normalised text itself, so every offset of the
extraction (task spans, sections) is an offset into ``doc.text``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import extensions as ext
from .models import DocumentMeta, DocumentStructure, NormalizedDocument

__all__ = ["read_doc", "make_doc", "attach_document", "structure_of", "metadata_of"]


def structure_of(ndoc: NormalizedDocument) -> tuple[DocumentStructure, list[str]]:
    """The section tree and the notes it leaves (none when the parser works)."""
    from .structure import parse_structure

    return parse_structure(ndoc), []


def metadata_of(ndoc: NormalizedDocument, structure: DocumentStructure) -> tuple[DocumentMeta, list[str]]:
    """The metadata; empty with a note if the extractor fails (it must never cost the tasks)."""
    from .structure.metadata import extract_metadata

    try:
        return extract_metadata(ndoc, structure), []
    except Exception as e:
        return DocumentMeta(), [f"metadata extraction failed ({type(e).__name__}); document fields left empty"]


def read_doc(nlp: Language, path: Union[str, Path], data: Optional[bytes] = None, **read_options) -> Doc:
    """Read one file (or its bytes) into a Doc ready for ``nlp``'s components.

    ``read_options`` go to :func:`directive_nlp.pipeline.load_text` (``force``,
    ``options``, ``max_pages``, ``ocr`` …); bad input raises
    :class:`~directive_nlp.errors.InputError` as there.
    """
    from .pipeline import load_text

    return make_doc(nlp, load_text(path, data, **read_options))


def make_doc(nlp: Language, ndoc: NormalizedDocument) -> Doc:
    """Tokenise a normalised document with ``nlp``'s tokenizer and attach its layout."""
    doc = nlp.make_doc(ndoc.text)
    attach_document(doc, ndoc)
    return doc


def attach_document(doc: Doc, ndoc: NormalizedDocument) -> Doc:
    """Put ``ndoc`` (whose text must be ``doc.text``), its structure and metadata on ``doc``."""
    if ndoc.text != ext.doc_text(doc):
        raise ValueError("the normalised document's text is not the Doc's text")
    structure, notes = structure_of(ndoc)
    meta, more = metadata_of(ndoc, structure)
    doc._.dnlp_source = ndoc
    doc._.dnlp_structure = structure
    doc._.dnlp_meta = meta
    doc._.doc_date = meta.issued_date
    doc._.dnlp_notes = notes + more
    _layout_spans(doc, ndoc, structure)
    return doc


def _span(doc: Doc, start: int, end: int, label: str, block) -> Optional[Span]:
    span = doc.char_span(start, end, label=label, alignment_mode="expand") if end > start else None
    if span is not None:
        x = span._  # one extension accessor for the four values (spaCy makes a new one at each ``span._``)
        x.dnlp_chars = (start, end)  # exact; the span is snapped to whole tokens
        x.dnlp_block = block.index
        x.dnlp_page = block.location.page
        x.dnlp_bbox = block.location.bbox
    return span


def _layout_spans(doc: Doc, ndoc: NormalizedDocument, structure: DocumentStructure) -> None:
    """The layout span groups (blocks, headings, list items, table rows and cells, label lines)."""
    from .tasks.labels import read_label

    info = {bi.block: bi for bi in structure.blocks}
    text = ndoc.text  # == doc.text, which spaCy rebuilds on every access
    groups: dict[str, list[Span]] = {k: [] for k in ext.LAYOUT_KEYS}
    for b in ndoc.blocks:
        whole = _span(doc, b.start, b.end, b.kind, b)
        if whole is None:
            continue
        groups[ext.BLOCK].append(whole)
        bi = info.get(b.index)
        if bi is not None and bi.is_heading:
            groups[ext.HEADING].append(_span(doc, b.start, b.end, "heading", b))
        elif bi is not None and bi.marker:
            groups[ext.LIST_ITEM].append(_span(doc, b.start, b.end, bi.marker_kind or "item", b))
        if b.kind == "table_row":
            groups[ext.TABLE_ROW].append(_span(doc, b.start, b.end, "header" if b.is_header_row else "row", b))
            cells = [_span(doc, c.start, c.end, "cell", b) for c in (b.cells or [])]
            groups[ext.TABLE_CELL].extend(c for c in cells if c is not None)
        content = bi.content_start if bi is not None else b.start
        lab = read_label(text[content:b.end]) if content < b.end else None
        if lab is not None:
            groups[ext.LABEL].append(_span(doc, b.start, b.end, lab.kind, b))
    for key, spans in groups.items():
        doc.spans[key] = [s for s in spans if s is not None]
