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
