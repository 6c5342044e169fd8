"""``dnlp_task_extractor``: the tasks of a document into ``doc.spans["dnlp_task"]``.

It wraps the task rules unchanged (:func:`directive_nlp.tasks.extract_tasks`:
the layout mechanisms and the sentence mechanisms) and feeds them what the
components before it wrote on the Doc:

* the document, its section tree and metadata (``doc._.dnlp_source``,
  ``doc._.dnlp_structure``, ``doc._.dnlp_meta``: the reader, or
  ``dnlp_document`` for a Doc made from a bare string);
* the agency and deadline spans (``doc.spans["dnlp_agency"]``,
  ``doc.spans["dnlp_deadline"]``), through a per-document
  :class:`~directive_nlp.tasks.mentions.MentionIndex`: the rules do not run
  the recognisers again on text the Doc already holds. A component replaced
  or removed before this one changes the tasks.

Each task becomes a span over its ``task`` text (snapped to tokens) with
``span.label_`` the role frame, ``span.kb_id_`` the canonical name of its
first body and ``span._.dnlp_task`` the record as a dict; ``doc._.dnlp_tasks``
holds the :class:`~directive_nlp.models.Task` records in order.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Iterable, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import extensions as ext
from ..models import Deadline, Task

DEFAULT_SPANS_KEY = ext.TASK

def _as_date(value) -> Optional[date]:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def mention_index(doc: Doc):
    """The agency and deadline spans of ``doc`` as a :class:`MentionIndex` (None if the
    document the rules read is not ``doc.text``)."""
    from ..tasks.mentions import MentionIndex, _non_overlapping, dl

    ndoc = doc._.dnlp_source
    text = ext.doc_text(doc)
    if ndoc is None or ndoc.text != text:
        return None
    agencies = deadlines = None
    if ext.AGENCY in doc.spans:
        found = [_AgSpan(s) for s in doc.spans[ext.AGENCY]]
        agencies = _non_overlapping(found, text)
    if ext.DEADLINE in doc.spans:
        deadlines = sorted((dl(*_chars(s), Deadline.model_validate(s._.deadline))
                            for s in doc.spans[ext.DEADLINE] if s._.deadline), key=lambda d: d.start)
    blocks: dict[str, int] = {}
    for b in ndoc.blocks:
        blocks.setdefault(text[b.start:b.end], b.start)
    meta = doc._.dnlp_meta
    return MentionIndex(text, agencies, deadlines, _as_date(doc._.doc_date or (meta and meta.issued_date)),
                        blocks)


def _chars(span: Span) -> tuple[int, int]:
    return span._.dnlp_chars or (span.start_char, span.end_char)


class _AgSpan:
    """An agency span seen as a recogniser mention (start, end, canonical, type)."""

    def __init__(self, span: Span) -> None:
        self.start, self.end = _chars(span)
        self.canonical = span.kb_id_
        self.type = span.label_ or None  # the recogniser's type ("" when it gave none)


def run_rules(doc: Doc) -> tuple[list[Task], list[str]]:
    """The task rules on the Doc's document, with the earlier components' mentions."""
    from ..tasks import extract_tasks
    from ..tasks import mentions as _mentions
    from ..tasks.memo import document_memo

    ndoc, structure, meta = doc._.dnlp_source, doc._.dnlp_structure, doc._.dnlp_meta
    t1 = _mentions.gazetteer_var.set(doc._.dnlp_gazetteer)
    t2 = _mentions.index_var.set(mention_index(doc))
    try:
        with document_memo():
            tasks = extract_tasks(ndoc, structure, meta)
    finally:
        _mentions.index_var.reset(t2)
        _mentions.gazetteer_var.reset(t1)
    notes: list[str] = []
    if not tasks:
        notes.append("no tasks found: no part of the text asks a body to act "
                     "(check the file is a directive, plan or programme)")
    from ..quality import warn_low_yield

    low = warn_low_yield(ndoc.source, len(ndoc.text), len(tasks))
    return tasks, notes + ([low] if low else [])


def set_task_spans(doc: Doc, tasks: list[Task], spans_key: str = DEFAULT_SPANS_KEY) -> None:
    """``doc._.dnlp_tasks`` and the task spans (mapped to ``doc.text`` when the rules read a normalised copy)."""
    ndoc = doc._.dnlp_source
    same = ndoc is not None and ndoc.text == ext.doc_text(doc)
    spans: list[Span] = []
    for t in tasks:
        where = _task_chars(same, ndoc, t) if ndoc is not None and t.span else None
        span = doc.char_span(*where, label=(t.rule or "task").split(":")[0],
                             kb_id=(t.agencies[0].canonical if t.agencies else ""),
                             alignment_mode="expand") if where else None
        if span is None:
            continue
        x = span._
        x.dnlp_rule = t.rule
        x.dnlp_task = t.model_dump(mode="json")
        spans.append(span)
    doc.spans[spans_key] = spans
    doc._.dnlp_tasks = list(tasks)


def _task_chars(same: bool, ndoc, t: Task) -> Optional[tuple[int, int]]:
    s0, s1 = t.span
    k = ndoc.text.find(t.task, s0, s1 + 1) if t.task else -1
    a, b = (k, k + len(t.task)) if k >= 0 else (s0, s1)
    if same:
        return (a, b) if b > a else None
    offsets = ndoc.offsets  # the Doc holds raw text (markup, extra spaces): map back to it
    if not offsets or b <= a or b - 1 >= len(offsets):
        return None
    return offsets[a], offsets[b - 1] + 1


class TaskExtractor:
    """Run the task rules on the Doc's document and store the tasks as spans."""

    def __init__(self, nlp: Language, name: str = "dnlp_task_extractor", *, spans_key: str = DEFAULT_SPANS_KEY) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        if doc._.dnlp_source is None or doc._.dnlp_structure is None:
            from .document import attach_text

            attach_text(doc)
        tasks: list[Task] = []
        if doc._.dnlp_source is not None:
            tasks, notes = run_rules(doc)
            doc._.dnlp_notes = (doc._.dnlp_notes or []) + notes
        set_task_spans(doc, tasks, self.spans_key)
        return doc

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> "TaskExtractor":
        return self


@Language.factory("dnlp_task_extractor", assigns=["doc.spans"], default_config={"spans_key": DEFAULT_SPANS_KEY})
def make_task_extractor(nlp: Language, name: str, spans_key: str) -> TaskExtractor:
    """Factory of ``dnlp_task_extractor`` (also the ``spacy_factories`` entry point)."""
    return TaskExtractor(nlp, name, spans_key=spans_key)
