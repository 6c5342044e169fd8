"""Readers: one per format, one result shape (:class:`SourceDocument`).

:func:`read_document` sniffs the content (never trusting the extension
alone), dispatches to the reader for the format, and turns every failure
into an :class:`~directive_nlp.errors.InputError` with a one-line message.

Readers live in their own modules (``text``, ``pdf``, ``docx``, ``html``)
and share this signature::

    def read_xxx(path: Path, data: bytes, options: ReadOptions) -> SourceDocument
"""

from __future__ import annotations

import hashlib
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Callable, Literal, Optional, Union

from pydantic import BaseModel, Field

from ..errors import (
    CorruptFileError,
    EmptyInputError,
    EncryptedFileError,
    InputError,
    UnsupportedFormatError,
)
from ..models import InputFormat, SourceDocument
from .limits import check_pdf_streams, check_text_size, check_zip, estimate_chars, read_input, split_long_blocks

DEFAULT_MAX_PAGES = 2000


def _env_number(name: str, default: int) -> int:
    import os

    try:
        return int(os.environ.get(name, "") or default)
    except ValueError:
        return default


class ReadOptions(BaseModel):
    """Options every reader accepts."""

    max_pages: int = DEFAULT_MAX_PAGES
    # a PDF longer than ``max_pages`` is refused (TooLargeError) unless
    # ``truncate`` asks for its first ``max_pages`` pages (with a warning)
    truncate: bool = False
    ocr: Literal["auto", "never", "always"] = "auto"
    ocr_lang: str = "vie"
    force: bool = False  # read even when the text does not look Vietnamese
    # characters of text at most (None: DIRECTIVE_NLP_MAX_CHARS or the measured default; 0: no cap)
    max_chars: Optional[int] = None
    # OCR budget per document: pages OCR'd at most, and seconds (pages left over are skipped with a warning)
    ocr_max_pages: int = Field(default_factory=lambda: _env_number("DIRECTIVE_NLP_OCR_PAGES", 100))
    ocr_seconds: float = Field(default_factory=lambda: _env_number("DIRECTIVE_NLP_OCR_SECONDS", 600))


_EXT_FORMATS: dict[str, InputFormat] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sniff_format(data: bytes, suffix: str = "") -> InputFormat:
    """Decide the format from the content; the extension only breaks ties
    between text formats (txt vs md vs html).

    Raises :class:`InputError` for content no reader takes (images, archives,
    executables, binary junk).
    """
    head = data[:2048]
    stripped = head.lstrip()
    suffix = suffix.lower()
    if not data.strip():
        raise EmptyInputError()
    if _pdf_header(head):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as z:
                names = set(z.namelist())
                check_zip(z.infolist())
        except zipfile.BadZipFile:
            raise CorruptFileError(
                "the file looks like a DOCX (zip) but is truncated or corrupt; save it again from Word or LibreOffice"
            )
        if "word/document.xml" in names:
            return "docx"
        if any(n.startswith("xl/") for n in names):
            raise UnsupportedFormatError("this is an Excel workbook, not a document; save the plan as DOCX or PDF")
        if any(n.startswith("ppt/") for n in names):
            raise UnsupportedFormatError("this is a PowerPoint presentation, not a document; save it as PDF")
        if "content.xml" in names and "mimetype" in names:
            raise UnsupportedFormatError(
                "this is an OpenDocument (.odt/.ods) file; save it as DOCX or PDF "
                "(e.g. `libreoffice --headless --convert-to docx FILE`)"
            )
        raise UnsupportedFormatError("this is a zip archive, not a DOCX document; unpack it and give the document inside")
    if stripped.startswith(b"{\\rtf"):
        raise UnsupportedFormatError(
            "this is an RTF document; save it as DOCX or PDF (e.g. `libreoffice --headless --convert-to docx FILE`)"
        )
    if head.startswith(b"\xd0\xcf\x11\xe0") and _ENCRYPTED_OOXML in data[:1 << 20]:
        raise EncryptedFileError(
            "the DOCX is protected by a password; open it in Word or LibreOffice, remove the password "
            "(File > Info > Protect Document) and save it again", code="encrypted"
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsupportedFormatError(
            "this is a legacy Word .doc (or other OLE) file; convert it to DOCX or PDF "
            "(e.g. `libreoffice --headless --convert-to docx FILE`)"
        )
    for magic, what in (
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"II*\x00", "a TIFF image"),
        (b"MM\x00*", "a TIFF image"),
        (b"MZ", "a Windows executable"),
        (b"\x7fELF", "an executable"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xbc\xaf", "a 7-zip archive"),
    ):
        if head.startswith(magic):
            raise UnsupportedFormatError(
                f"the file is {what}, not a PDF, DOCX or text document; "
                + ("run OCR on it or give the PDF" if "image" in what else "give the document itself")
            )
    low = stripped[:512].lower()
    if suffix in (".html", ".htm") or low.startswith((b"<!doctype html", b"<html")) or b"<html" in low[:256]:
        return "html"
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix in (".txt", ".text", ""):
        return "txt"
    if suffix in _EXT_FORMATS:
        return _EXT_FORMATS[suffix]
    raise UnsupportedFormatError(
        f"unknown file type '{suffix}'; give a PDF, DOCX, HTML, Markdown or plain-text file"
    )


#: the stream name an encrypted Office Open XML file keeps in its OLE container
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
_TEXT_CONTROLS = bytes(range(0, 9)) + bytes(range(14, 32))


def _pdf_header(head: bytes) -> bool:
    """A PDF header: ``%PDF-`` at the start, or within the first kilobyte
    after bytes that are not text (a mail or transfer prefix, as readers
    accept). ``%PDF-`` inside prose does not make a text file a PDF."""
    at = head.find(b"%PDF-", 0, 1024)
    if at < 0:
        return False
    before = head[:at]
    return not before.strip(b" \t\r\n\xef\xbb\xbf") or any(c in _TEXT_CONTROLS for c in before)


_NO_TEXT = {
    "pdf": "no text found in the PDF; if it is a scan, install OCR (apt-get install tesseract-ocr tesseract-ocr-vie)",
    "docx": "the DOCX has no text (only pictures?); give the document with its text, or a PDF",
    "html": "the HTML page has no text in its body; save the page with its content, or give a PDF",
}


def _no_text_message(fmt: InputFormat, doc: SourceDocument) -> str:
    """Why a document gave no text, without advice that does not apply
    (no "install OCR" when OCR ran, or when the pages are blank)."""
    if fmt == "pdf":
        blank = any(w.startswith("blank pages") for w in doc.source.warnings)
        if doc.source.ocr_pages:
            return "no text found in the PDF, not even by OCR of its pages; give a PDF with text or a clearer scan"
        if blank:
            return "no text found in the PDF: its pages are blank; check that this is the right file"
    return _NO_TEXT.get(fmt, "no text found in the document; give a document with text")


def _reader(fmt: InputFormat) -> Callable[[Path, bytes, ReadOptions], SourceDocument]:
    if fmt in ("txt", "md"):
        from .text import read_text

        return read_text
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf
    if fmt == "docx":
        from .docx import read_docx

        return read_docx
    if fmt == "html":
        from .html import read_html

        return read_html
    raise UnsupportedFormatError(f"no reader for format '{fmt}'")


def read_document(
    path: Union[str, Path],
    data: Optional[bytes] = None,
    *,
    options: Optional[ReadOptions] = None,
    **kwargs,
) -> SourceDocument:
    """Read a PDF, DOCX, HTML, Markdown or text file into blocks.

    ``data`` may be given instead of reading ``path`` from disk (uploads);
    ``path`` then only names the document. Keyword arguments override
    :class:`ReadOptions` fields (``max_pages=50``, ``ocr="never"``...).

    Raises :class:`~directive_nlp.errors.InputError` (one-line message) for
    anything that is not a readable document.
    """
    options = (options or ReadOptions()).model_copy(update=kwargs)
    p = Path(path)
    try:
        if data is None:
            data = read_input(p)
        if not data or not data.strip():
            raise EmptyInputError()
        fmt = sniff_format(data, p.suffix)
        if fmt == "pdf":
            check_pdf_streams(data)
        if fmt in ("txt", "md", "html"):  # refuse before decoding: readers of text keep per-character maps
            check_text_size(estimate_chars(data, fmt), options.max_chars)
        doc = _reader(fmt)(p, data, options)
        check_text_size(sum(len(b.text) for b in doc.blocks), options.max_chars)
        doc.blocks = split_long_blocks(doc.blocks)
        if not any(b.text.strip() or (b.cells and any(c.strip() for c in b.cells)) for b in doc.blocks):
            raise EmptyInputError(_no_text_message(fmt, doc))
        return doc
    except InputError as e:
        if e.path is None:
            e.path = str(path)
        raise
    except (MemoryError, KeyboardInterrupt, ImportError):  # a broken install is no bad file: fail loudly
        raise
    except Exception as e:  # a library choked on the file: say so in one line
        raise CorruptFileError(
            f"cannot read the file ({type(e).__name__}: {str(e).splitlines()[0][:160] if str(e) else 'no detail'}); "
            "it may be corrupt or truncated: open and save it again, or convert it to PDF/DOCX",
            path=str(path),
        ) from e


__all__ = ["ReadOptions", "read_document", "sniff_format", "sha256_bytes", "DEFAULT_MAX_PAGES"]
