"""``dnlp_agency_recognizer``: agency names into ``doc.spans["dnlp_agency"]``.

The component runs :func:`directive_nlp.agencies.find_agencies` on the whole
text (character level, so segmentation cannot hide a name) and snaps each
mention to tokens with ``doc.char_span(..., alignment_mode="expand")``.
Every span carries its provenance:

* ``span.label_`` — the coarse type (``so``, ``ubnd``, ``party``, ``group``, ``other`` …; empty when none);
* ``span.kb_id_`` — the canonical name (docs/output-contract.md);
* ``span.id_`` and ``span._.dnlp_rule`` — the gazetteer entry or pattern that matched;
* ``span._.dnlp_chars`` — the exact ``(start, end)`` of the name (the span is snapped to tokens).

``doc._.dnlp_gazetteer`` is set to the user gazetteer (or None), so a later
component that must run the recogniser on text outside the Doc uses the same one.

A user gazetteer (YAML, see ``README.md (reference: recognizers)``) is read at creation and
saved inside the pipeline by ``nlp.to_disk``, so ``spacy.load`` of the saved
folder needs nothing else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext
from ..agencies import Gazetteer, default_gazetteer, find_agencies, load_user_gazetteer
from ..errors import InputError

DEFAULT_SPANS_KEY = ext.AGENCY
USER_GAZETTEER_FILE = "user_gazetteer.yaml"


class AgencyRecognizer:
    """Find agency names and store them as spans.

    Args:
        nlp: the pipeline.
        name: component name.
        spans_key: the ``doc.spans`` group to write.
        gazetteer: path of a user gazetteer YAML added to the package one, or None.
    """

    def __init__(self, nlp: Language, name: str = "dnlp_agency_recognizer", *,
                 spans_key: str = DEFAULT_SPANS_KEY, gazetteer: Optional[str] = None) -> None:
        self.name = name
        self.spans_key = spans_key
        self.gazetteer_path = gazetteer
        self._user_yaml: Optional[str] = None
        self.gazetteer: Gazetteer = default_gazetteer()
        self._pending: Optional[InputError] = None
        if gazetteer:
            path = Path(gazetteer)
            if path.exists():
                self._set_user(path)
            else:
                # spacy.load of a saved pipeline creates the component from its config (the
                # original path) before from_disk supplies the saved copy: fail only if none comes
                self._pending = InputError(f"gazetteer file not found: {path}", code="gazetteer")

    def _set_user(self, path: Path) -> None:
        self.gazetteer = load_user_gazetteer(path)
        self._user_yaml = path.read_text(encoding="utf-8")

    def __call__(self, doc: Doc) -> Doc:
        if self._pending is not None:
            raise self._pending
        spans = []
        for m in find_agencies(ext.doc_text(doc), gazetteer=self.gazetteer):
            span = doc.char_span(m.start, m.end, label=m.type or "", kb_id=m.canonical,
                                 span_id=m.rule or "", alignment_mode="expand")
            if span is None:
                continue
            x = span._
            x.dnlp_rule = m.rule
            x.dnlp_chars = (m.start, m.end)
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.dnlp_gazetteer = self.gazetteer if self._user_yaml is not None else None
        return doc

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> None:
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        if self._user_yaml is not None:
            (p / USER_GAZETTEER_FILE).write_text(self._user_yaml, encoding="utf-8")

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> "AgencyRecognizer":
        f = Path(path) / USER_GAZETTEER_FILE
        if f.exists():
            self._set_user(f)
            self._pending = None
        return self


@Language.factory(
    "dnlp_agency_recognizer",
    assigns=["doc.spans"],
    default_config={"spans_key": DEFAULT_SPANS_KEY, "gazetteer": None},
)
def make_agency_recognizer(nlp: Language, name: str, spans_key: str, gazetteer: Optional[str]) -> AgencyRecognizer:
    """Factory of ``dnlp_agency_recognizer`` (also the ``spacy_factories`` entry point)."""
    return AgencyRecognizer(nlp, name, spans_key=spans_key, gazetteer=gazetteer)
