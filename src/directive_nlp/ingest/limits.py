"""Limits that keep one hostile or unlucky input from exhausting the machine.

Every check here runs *before* the expensive work it guards:

* :func:`check_input_path` looks at the kind and size of a path before a
  byte is read (a FIFO would hang, ``/dev/zero`` never ends, a sparse 3 GiB
  file would be read whole); :func:`read_input` then reads at most the cap.
* :func:`check_zip` bounds what a DOCX unpacks to (zip bombs), from the
  member headers, which python's ``zipfile`` also enforces while reading.
* :func:`check_html` bounds the element count and nesting depth of a page
  with a streaming scan, before the tree builder sees it.
* :func:`check_text_size` caps the text the pipeline is given. The cap is
  the largest text the pipeline handles within 60 s and 1 GB on one core,
  measured by ``benchmarks/hostile.py`` (see ``docs/errors.md``).

Caps are raised per call (``ReadOptions.max_chars``, ``extract --max-chars``)
or for a whole installation with environment variables
(``DIRECTIVE_NLP_MAX_CHARS``, ``DIRECTIVE_NLP_MAX_FILE_MB``).
"""

from __future__ import annotations

import os
import re
import stat
import zlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Optional

from ..errors import InputError, SpecialFileError, TooLargeError

#: characters of text: benchmarks/hostile.py measured ~9 CPU s and ~170 MB per million characters
#: of plan text, but up to ~1 KB per character for text dense with citations and dates: one
#: million keeps the worst measured kind within 60 s and 1 GB on one core
DEFAULT_MAX_CHARS = 1_000_000
#: bytes of an input file (scanned PDFs are the largest honest inputs)
DEFAULT_MAX_FILE_MB = 200
#: what a DOCX may unpack to, in total and for one member, and its member count
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024
MAX_ZIP_MEMBER_BYTES = 128 * 1024 * 1024
MAX_ZIP_MEMBERS = 10_000
MAX_ZIP_RATIO = 200  # a member compressed more than 200:1 and larger than 16 MB is a bomb
#: HTML elements and nesting depth
MAX_HTML_ELEMENTS = 400_000
MAX_HTML_DEPTH = 400
#: one paragraph longer than this is cut into sentence-sized pieces (the longest real paragraph
#: of the 38 corpus documents has 3,061 characters; per-paragraph analysis grows faster than linearly)
MAX_BLOCK_CHARS = 5_000


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        return default


def max_chars_default() -> int:
    """The text cap in force: ``DIRECTIVE_NLP_MAX_CHARS`` or the measured default."""
    return _env_int("DIRECTIVE_NLP_MAX_CHARS", DEFAULT_MAX_CHARS)


def max_file_bytes() -> int:
    """The file size cap in force: ``DIRECTIVE_NLP_MAX_FILE_MB`` or the default."""
    return _env_int("DIRECTIVE_NLP_MAX_FILE_MB", DEFAULT_MAX_FILE_MB) * 1024 * 1024


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def special_kind(mode: int) -> Optional[str]:
    """What a non-regular file is, in words (None for a regular file or a folder)."""
    for test, what in _KINDS:
        if test(mode):
            return what
    return None


def check_input_path(path: Path, limit: Optional[int] = None) -> os.stat_result:
    """Refuse a path that is not a regular file of at most ``limit`` bytes,
    by its kind and size alone (symlinks are followed: ``/dev/zero`` behind a
    link is still a device)."""
    limit = max_file_bytes() if limit is None else limit
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise InputError("the link points to nothing (a broken symlink); check the path", code="not_found")
        raise InputError("file not found; check the path", code="not_found")
    except PermissionError:
        raise InputError("permission denied: the file cannot be read by this user", code="io")
    except OSError as e:
        raise InputError(f"cannot read the file ({e.strerror})", code="io")
    if stat.S_ISDIR(st.st_mode):
        raise InputError("this is a folder; give a file (or use `extract FOLDER -o OUTDIR`)", code="is_dir")
    what = special_kind(st.st_mode)
    if what:
        raise SpecialFileError(f"this is {what}, not a document file; give a PDF, DOCX, HTML or text file")
    if st.st_size > limit:
        raise TooLargeError(
            f"the file is {_mb(st.st_size)}, more than the limit of {_mb(limit)}; "
            "split it, or raise the limit with DIRECTIVE_NLP_MAX_FILE_MB"
        )
    return st


def read_input(path: Path, limit: Optional[int] = None) -> bytes:
    """The bytes of a checked path, reading at most ``limit`` (+1 to notice growth)."""
    limit = max_file_bytes() if limit is None else limit
    check_input_path(path, limit)
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except PermissionError:
        raise InputError("permission denied: the file cannot be read by this user", code="io")
    except IsADirectoryError:
        raise InputError("this is a folder; give a file (or use `extract FOLDER -o OUTDIR`)", code="is_dir")
    except OSError as e:
        raise InputError(f"cannot read the file ({e.strerror})", code="io")
    if len(data) > limit:
        raise TooLargeError(f"the file grew past the limit of {_mb(limit)} while it was read; try again")
    return data


def check_zip(infos: list) -> None:
    """Refuse a zip (DOCX) whose members would unpack past the caps."""
    if len(infos) > MAX_ZIP_MEMBERS:
        raise TooLargeError(f"the DOCX holds {len(infos)} parts, more than {MAX_ZIP_MEMBERS}; it is not a normal document")
    total = 0
    for info in infos:
        size = int(info.file_size)
        total += size
        ratio = size / max(int(info.compress_size), 1)
        if size > MAX_ZIP_MEMBER_BYTES or (size > 16 * 1024 * 1024 and ratio > MAX_ZIP_RATIO):
            raise TooLargeError(
                f"the DOCX part {info.filename[:60]!r} unpacks to {_mb(size)} "
                f"(compressed {ratio:.0f}:1); this looks like a zip bomb, not a document"
            )
    if total > MAX_UNZIPPED_BYTES:
        raise TooLargeError(f"the DOCX unpacks to {_mb(total)}, more than the limit of {_mb(MAX_UNZIPPED_BYTES)}")


_VOID = frozenset("area base br col embed hr img input link meta param source track wbr keygen".split())
_AUTO_CLOSED = frozenset("p li td th tr dt dd option thead tbody tfoot colgroup".split())


class _DepthScan(HTMLParser):
    """Counts elements and the nesting of containers in one streaming pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.max_depth = 0
        self.elements = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.elements += 1
        if self.elements > MAX_HTML_ELEMENTS:
            raise TooLargeError(f"the HTML page has more than {MAX_HTML_ELEMENTS:,} elements; save its text or a PDF")
        if tag in _VOID or tag in _AUTO_CLOSED:
            return
        self.depth += 1
        if self.depth > self.max_depth:
            self.max_depth = self.depth
            if self.depth > MAX_HTML_DEPTH:
                raise TooLargeError(
                    f"the HTML page nests elements more than {MAX_HTML_DEPTH} deep; "
                    "this is not a normal page: save its text or a PDF"
                )

    def handle_endtag(self, tag) -> None:
        if tag not in _VOID and tag not in _AUTO_CLOSED and self.depth > 0:
            self.depth -= 1


def check_html(text: str) -> None:
    """Refuse a page with too many elements or too deep a nesting."""
    scan = _DepthScan()
    step = 1 << 20
    for i in range(0, len(text), step):
        scan.feed(text[i:i + step])
    scan.close()


def check_text_size(chars: int, limit: Optional[int]) -> None:
    """Refuse a text longer than the cap (``None``: the cap in force)."""
    limit = max_chars_default() if limit is None else limit
    if limit > 0 and chars > limit:
        raise TooLargeError(
            f"the text has {chars:,} characters, more than the limit of {limit:,} (about "
            f"{limit // 3000:,} pages); split the document, or raise the limit with --max-chars "
            "or DIRECTIVE_NLP_MAX_CHARS (a million characters take up to 1 GB of memory and a minute)"
        )


def _cut_point(text: str, start: int, limit: int) -> int:
    """Where to end the piece starting at ``start``: after the last sentence
    end (". ", "; ", ": ") before ``start + limit``, else the last space, else the limit."""
    end = start + limit
    if end >= len(text):
        return len(text)
    window = text[start:end]
    for sep in (". ", "; ", ": ", " "):
        k = window.rfind(sep)
        if k > limit // 4:
            return start + k + len(sep)
    return end


def split_long_blocks(blocks: list, limit: int = MAX_BLOCK_CHARS) -> list:
    """Paragraphs longer than ``limit`` (a file with no line breaks, one
    5 MB line) cut into sentence-sized pieces, their raw offsets kept, so the
    per-paragraph analysis stays linear in the text's length."""
    if all(len(b.text) <= limit for b in blocks):
        return blocks
    out = []
    for b in blocks:
        if len(b.text) <= limit or b.cells:
            out.append(b)
            continue
        start = 0
        while start < len(b.text):
            end = _cut_point(b.text, start, limit)
            cmap = b.char_map[start:end] if b.char_map else None
            out.append(b.model_copy(update={"text": b.text[start:end], "char_map": cmap}))
            start = end
    return out


#: what one PDF stream may inflate to: page content, and images (a 600-dpi colour A4 page is ~100 MB)
MAX_PDF_CONTENT_BYTES = 64 * 1024 * 1024
MAX_PDF_IMAGE_BYTES = 256 * 1024 * 1024
MAX_PDF_INFLATED_BYTES = 4 * 1024 * 1024 * 1024
_STREAM_RE = re.compile(rb"stream\r?\n")


def _inflated_size(data: bytes, start: int, cap: int) -> int:
    """Bytes a zlib stream starting at ``start`` inflates to, counting without
    keeping the output (1 MB at a time) and stopping once past ``cap``."""
    d = zlib.decompressobj()
    view = memoryview(data)
    total, pos = 0, start
    try:
        while pos < len(data) and not d.eof and total <= cap:
            piece = view[pos:pos + (1 << 14)]
            pos += len(piece)
            total += len(d.decompress(piece, 1 << 20))
            while d.unconsumed_tail and not d.eof and total <= cap:
                total += len(d.decompress(d.unconsumed_tail, 1 << 20))
    except zlib.error:
        pass  # a damaged stream: the PDF reader says what it makes of it
    return total


def check_pdf_streams(data: bytes) -> None:
    """Refuse a PDF whose Flate streams inflate past the caps (a flate bomb)
    before the PDF library inflates them in memory."""
    total = 0
    for m in _STREAM_RE.finditer(data):
        head = data[max(0, m.start() - 400):m.start()]
        if b"/FlateDecode" not in head and b"/Fl " not in head and b"/Fl]" not in head:
            continue
        image = b"/Image" in head
        cap = MAX_PDF_IMAGE_BYTES if image else MAX_PDF_CONTENT_BYTES
        size = _inflated_size(data, m.end(), cap)
        if size > cap:
            raise TooLargeError(
                f"a stream of the PDF inflates to more than {_mb(cap)} (compressed from a few bytes); "
                "this looks like a decompression bomb, not a document"
            )
        total += size
        if total > MAX_PDF_INFLATED_BYTES:
            raise TooLargeError(f"the PDF's streams inflate to more than {_mb(MAX_PDF_INFLATED_BYTES)}; split the file")


_UTF8_CONTINUATION = bytes(range(0x80, 0xC0))


def estimate_chars(data: bytes, fmt: str) -> int:
    """A lower bound of the characters a text file's reader will produce,
    counted without decoding (UTF-8 lead bytes; halved for UTF-16), so an
    oversized text is refused before its per-character offsets are built.
    Markdown markup and NFD marks add a little (÷1.5); HTML markup a lot (÷4)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4096].count(b"\x00") > len(data[:4096]) // 3:
        chars = len(data) // 2
    else:
        chars = len(data.translate(None, _UTF8_CONTINUATION))
    return int(chars / (4 if fmt == "html" else 1.5))
