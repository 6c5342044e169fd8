"""Every span key and ``._`` extension of the directive-nlp spaCy pipeline, in one place.

The pipeline's Doc (see ``docs/pipeline.md``) carries the whole document:

* ``doc._.dnlp_source`` — the :class:`~directive_nlp.models.NormalizedDocument`
  whose text *is* ``doc.text`` (blocks, offset map back to the file, reader info);
* ``doc._.dnlp_structure`` / ``doc._.dnlp_meta`` — the section tree and metadata;
* ``doc._.doc_date`` — the document date that anchors deadlines without a year;
* ``doc._.dnlp_gazetteer`` — the user gazetteer in force (or None);
* ``doc._.dnlp_tasks`` — the task records (:class:`~directive_nlp.models.Task`), in order;
* ``doc._.dnlp_notes`` — what a reader should know about the extraction.

Span groups: ``dnlp_agency``, ``dnlp_deadline``, ``dnlp_task`` (what the
components find) and the layout groups ``dnlp_block`` (every block),
``dnlp_heading``, ``dnlp_list_item``, ``dnlp_table_row``, ``dnlp_table_cell``
and ``dnlp_label`` (label lines such as "Cơ quan chủ trì: …").

Span extensions: ``dnlp_chars`` (the exact character range a recogniser
found; the span itself is snapped to whole tokens), ``dnlp_rule``
(provenance), ``deadline`` (the normalised deadline as a dict),
``dnlp_task`` (the task record as a dict), ``dnlp_block`` (block index),
``dnlp_page`` and ``dnlp_bbox`` (where the block is on its page, PDF).

Importing this module registers them all (idempotent).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = [
    "AGENCY", "DEADLINE", "TASK", "BLOCK", "HEADING", "LIST_ITEM", "TABLE_ROW", "TABLE_CELL", "LABEL",
    "LAYOUT_KEYS", "register", "doc_text", "remember_text",
]

AGENCY = "dnlp_agency"
DEADLINE = "dnlp_deadline"
TASK = "dnlp_task"
BLOCK = "dnlp_block"
HEADING = "dnlp_heading"
LIST_ITEM = "dnlp_list_item"
TABLE_ROW = "dnlp_table_row"
TABLE_CELL = "dnlp_table_cell"
LABEL = "dnlp_label"
LAYOUT_KEYS = (BLOCK, HEADING, LIST_ITEM, TABLE_ROW, TABLE_CELL, LABEL)

_DOC = ("dnlp_source", "dnlp_structure", "dnlp_meta", "doc_date", "dnlp_gazetteer", "dnlp_tasks", "dnlp_notes")
_SPAN = ("dnlp_chars", "dnlp_rule", "deadline", "dnlp_task", "dnlp_block", "dnlp_page", "dnlp_bbox")


def register() -> None:
    """Register the Doc and Span extensions (each once)."""
    for name in _DOC:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in _SPAN:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()


_TEXT_KEY = ("dnlp", "text")


def remember_text(doc: Doc, text: str) -> None:
    """Record ``text`` as ``doc.text`` for :func:`doc_text`: for a tokenizer that knows it (the project's
    is lossless, so the text it was given is the Doc's text, without joining the tokens again)."""
    doc.user_data[_TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token's text on each
    access; a document's text never changes after tokenization, so the first
    answer is kept in ``doc.user_data``)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
