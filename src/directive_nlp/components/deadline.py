"""``dnlp_deadline_recognizer``: deadline phrases into ``doc.spans["dnlp_deadline"]``.

Runs :func:`directive_nlp.deadlines.find_deadlines` on the text and snaps
each phrase to tokens. Each span has:

* ``span.label_`` — the deadline kind (``by``, ``on``, ``period``, ``recurring``, ``ongoing``, ``conditional``);
* ``span.id_`` and ``span._.dnlp_rule`` — the pattern that matched;
* ``span._.deadline`` — the normalised deadline as a dict (docs/output-contract.md ``deadline`` object);
* ``span._.dnlp_chars`` — the exact ``(start, end)`` of the phrase (the span is snapped to tokens).

The document date that anchors a date written without a year is read from
``doc._.doc_date`` (an ISO string or ``datetime.date``; set it before calling the
pipeline, e.g. from the metadata's ``issued_date``) or from the component's
``doc_date`` setting.
"""

from __future__ import annotations

from datetime import date
from typing import Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..deadlines import find_deadlines

DEFAULT_SPANS_KEY = ext.DEADLINE


def _as_date(value: Union[str, date, None]) -> Optional[date]:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class DeadlineRecognizer:
    """Find and normalise deadline phrases, stored as spans.

    Args:
        nlp: the pipeline.
        name: component name.
        spans_key: the ``doc.spans`` group to write.
        doc_date: default document date (ISO) when ``doc._.doc_date`` is unset.
    """

    def __init__(self, nlp: Language, name: str = "dnlp_deadline_recognizer", *,
                 spans_key: str = DEFAULT_SPANS_KEY, doc_date: Optional[str] = None) -> None:
        self.name = name
        self.spans_key = spans_key
        self.doc_date = _as_date(doc_date)

    def __call__(self, doc: Doc) -> Doc:
        anchor = _as_date(doc._.doc_date) or self.doc_date
        spans = []
        for m in find_deadlines(ext.doc_text(doc), doc_date=anchor):
            span = doc.char_span(m.start, m.end, label=m.deadline.kind, span_id=m.rule or "",
                                 alignment_mode="expand")
            if span is None:
                continue
            span._.dnlp_rule = m.rule
            span._.deadline = m.deadline.model_dump()
            span._.dnlp_chars = (m.start, m.end)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "dnlp_deadline_recognizer",
    assigns=["doc.spans"],
    default_config={"spans_key": DEFAULT_SPANS_KEY, "doc_date": None},
)
def make_deadline_recognizer(nlp: Language, name: str, spans_key: str, doc_date: Optional[str]) -> DeadlineRecognizer:
    """Factory of ``dnlp_deadline_recognizer`` (also the ``spacy_factories`` entry point)."""
    return DeadlineRecognizer(nlp, name, spans_key=spans_key, doc_date=doc_date)
