"""Errors users see.

Every problem with an input file is a :class:`InputError` whose message is
one line saying what is wrong and what to do. The CLI prints that line and
exits with :data:`EXIT_BAD_INPUT`; it never shows a traceback for bad input.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3


class DirectiveNLPError(Exception):
    """Base class for the project's own errors."""


class InputError(DirectiveNLPError):
    """A file cannot be read as a Vietnamese directive document.

    ``code`` is a short stable identifier (``empty``, ``encrypted``,
    ``corrupt``, ``unsupported``, ``scanned``, ``not_vietnamese``, ...) so
    batch reports and tests can group failures without parsing messages.
    """

    def __init__(self, message: str, *, code: str = "bad_input", path: str | None = None):
        super().__init__(message)
        self.code = code
        self.path = path

    def __str__(self) -> str:  # one line, always
        msg = " ".join(super().__str__().split())
        return f"{self.path}: {msg}" if self.path else msg


class EmptyInputError(InputError):
    def __init__(self, message: str = "the file is empty; give a document with text", **kw):
        super().__init__(message, code=kw.pop("code", "empty"), **kw)


class UnsupportedFormatError(InputError):
    def __init__(self, message: str, **kw):
        super().__init__(message, code=kw.pop("code", "unsupported"), **kw)


class CorruptFileError(InputError):
    def __init__(self, message: str, **kw):
        super().__init__(message, code=kw.pop("code", "corrupt"), **kw)


class EncryptedFileError(InputError):
    def __init__(self, message: str = "the PDF is encrypted; remove the password (e.g. `qpdf --decrypt in.pdf out.pdf`) and try again", **kw):
        super().__init__(message, code=kw.pop("code", "encrypted"), **kw)


class ScannedDocumentError(InputError):
    def __init__(self, message: str, **kw):
        super().__init__(message, code=kw.pop("code", "scanned"), **kw)


class NotVietnameseError(InputError):
    def __init__(self, message: str, **kw):
        super().__init__(message, code=kw.pop("code", "not_vietnamese"), **kw)


class OCRUnavailableError(InputError):
    def __init__(
        self,
        message: str = (
            "the PDF has pages without a text layer and Tesseract OCR is not installed; "
            "install it with `apt-get install tesseract-ocr tesseract-ocr-vie` and try again"
        ),
        **kw,
    ):
        super().__init__(message, code=kw.pop("code", "ocr_unavailable"), **kw)


class TooLargeError(InputError):
    def __init__(self, message: str, **kw):
        super().__init__(message, code=kw.pop("code", "too_large"), **kw)


class SpecialFileError(InputError):
    """The path is a FIFO, a device, a socket or a folder: reading it could
    hang forever or never end (``/dev/zero``), so it is refused before any read."""

    def __init__(self, message: str, **kw):
        super().__init__(message, code=kw.pop("code", "special_file"), **kw)


class OutputError(DirectiveNLPError):
    """An output cannot be written where the user asked (``-o``): a special
    file, a folder, a path under a file, a read-only or pseudo filesystem.
    One line, exit 1; nothing is written anywhere else."""

    code = "output"

    def __init__(self, message: str, *, path: str | None = None):
        super().__init__(message)
        self.path = path

    def __str__(self) -> str:
        msg = " ".join(super().__str__().split())
        return f"{self.path}: {msg}" if self.path else msg


class DiskFullError(OutputError):
    """The output disk is full (``ENOSPC``/``EDQUOT``). A batch stops with
    exit 3 keeping every finished output; run it again when space returns."""

    code = "disk_full"


class BusyError(DirectiveNLPError):
    """Another run holds the output folder's lock."""

    code = "busy"


class TimeBudgetError(InputError):
    """Work on one document ran past its time budget and was stopped."""

    def __init__(self, message: str, **kw):
        super().__init__(message, code=kw.pop("code", "time_budget"), **kw)
