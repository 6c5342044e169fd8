"""``dnlp_document``: the document behind a Doc made from a bare string.

The reader (:func:`directive_nlp.reader.read_doc`) puts the normalised
document, its section tree and metadata on the Doc before the components
run; then this component does nothing. A Doc made by ``nlp("…")`` (a spaCy
user's call) has none of that: this component reads the Doc's text as a text
or Markdown document, parses its sections and metadata, and attaches them
(with the layout span groups), so the same components run either way.

When normalising changes the text (Markdown markup, runs of spaces), the
normalised copy is kept on ``doc._.dnlp_source`` with its offset map, and
the task spans are mapped back to the Doc's own characters.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Union

from spacy.language import Language
from spacy.tokens import Doc

from .. import extensions as ext  # noqa: F401  (registers the extensions)


def attach_text(doc: Doc) -> Doc:
    """Read ``doc.text`` as a document and attach it, its structure and metadata (no-op on an empty text)."""
    from ..pipeline import load_text
    from ..reader import attach_document, metadata_of, structure_of

    text = ext.doc_text(doc)
    if not text.strip():
        return doc
    try:
        ndoc = load_text("document.txt", data=text.encode("utf-8"), force=True)
    except Exception:  # an unreadable text gives no tasks, never a crash
        return doc
    if ndoc.text == text:
        return attach_document(doc, ndoc)
    structure, notes = structure_of(ndoc)
    meta, more = metadata_of(ndoc, structure)
    doc._.dnlp_source, doc._.dnlp_structure, doc._.dnlp_meta = ndoc, structure, meta
    doc._.doc_date = meta.issued_date
    doc._.dnlp_notes = notes + more
    return doc


class DocumentReader:
    """Attach the document to a Doc that has none (see module doc)."""

    def __init__(self, nlp: Language, name: str = "dnlp_document") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc._.dnlp_source is None:
            attach_text(doc)
        return doc

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> "DocumentReader":
        return self


@Language.factory("dnlp_document", assigns=["doc._.dnlp_source", "doc._.dnlp_structure", "doc._.dnlp_meta"])
def make_document_reader(nlp: Language, name: str) -> DocumentReader:
    """Factory of ``dnlp_document`` (also the ``spacy_factories`` entry point)."""
    return DocumentReader(nlp, name)
