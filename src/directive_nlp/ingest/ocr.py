"""OCR for PDF pages without a text layer (scanned, signed and stamped copies).

The PDF reader calls :func:`ocr_pdf_pages` for the pages where it found no
text. Each page is rendered with pypdfium2 at 300 dpi (Tesseract's models are
trained on print at about that resolution; lower loses tone marks, higher
only costs time) and read with Tesseract's Vietnamese model. Tesseract's own
layout analysis gives blocks, paragraphs and lines; a paragraph becomes one
:class:`~directive_nlp.models.Block` whose box is in PDF points (top-left
origin, like the text reader's), so spans found later point to the right
place on the scan.

Tesseract is a system program (Debian ``tesseract-ocr`` +
``tesseract-ocr-vie``); without it, or without the Vietnamese model, the
call raises :class:`~directive_nlp.errors.OCRUnavailableError` whose one-line
message says how to install it.
"""

from __future__ import annotations

import os
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Optional

from ..errors import CorruptFileError, OCRUnavailableError
from ..models import Block, Location

DEFAULT_DPI = 300
_INSTALL_HINT = "install it with `apt-get install tesseract-ocr tesseract-ocr-vie` (or your system's packages) and try again"


@lru_cache(maxsize=8)
def _check_tesseract(lang: str) -> None:
    """Raise OCRUnavailableError unless Tesseract and the ``lang`` model exist."""
    import pytesseract

    try:
        pytesseract.get_tesseract_version()
    except (pytesseract.TesseractNotFoundError, OSError):
        raise OCRUnavailableError(
            "the PDF has pages without a text layer and Tesseract OCR is not installed; " + _INSTALL_HINT
        )
    try:
        langs = set(pytesseract.get_languages(config=""))
    except Exception:  # an old Tesseract without --list-langs: let the OCR call say
        return
    missing = [l for l in lang.split("+") if l not in langs]
    if missing:
        raise OCRUnavailableError(
            f"the PDF has pages without a text layer and Tesseract has no '{'+'.join(missing)}' language model; "
            + _INSTALL_HINT
        )


def render_page(pdf, page_number: int, dpi: int = DEFAULT_DPI):
    """Render one page (1-based) of an open pypdfium2 document to a PIL image."""
    page = pdf[page_number - 1]
    try:
        return page.render(scale=dpi / 72.0, grayscale=True).to_pil()
    finally:
        page.close()


def _page_blocks(data: dict, page_number: int, scale: float, page_width_px: int) -> tuple[list[Block], list[float]]:
    """Group Tesseract's word rows into paragraph blocks.

    Words are keyed by (block, paragraph, line); a paragraph's lines are
    joined with single spaces (Vietnamese directives are not hyphenated).
    """
    paras: dict[tuple[int, int], dict] = {}
    confs: list[float] = []
    n = len(data["text"])
    for i in range(n):
        word = (data["text"][i] or "").strip()
        if not word:
            continue
        try:
            conf = float(data["conf"][i])
        except (TypeError, ValueError):
            conf = -1.0
        if conf >= 0:
            confs.append(conf)
        key = (int(data["block_num"][i]), int(data["par_num"][i]))
        line = int(data["line_num"][i])
        x0, y0 = int(data["left"][i]), int(data["top"][i])
        x1, y1 = x0 + int(data["width"][i]), y0 + int(data["height"][i])
        p = paras.setdefault(key, {"lines": {}, "box": [x0, y0, x1, y1]})
        p["lines"].setdefault(line, []).append(word)
        b = p["box"]
        b[0], b[1], b[2], b[3] = min(b[0], x0), min(b[1], y0), max(b[2], x1), max(b[3], y1)
    blocks: list[Block] = []
    for key in sorted(paras, key=lambda k: (paras[k]["box"][1], k)):
        p = paras[key]
        text = " ".join(" ".join(ws) for _, ws in sorted(p["lines"].items()))
        text = unicodedata.normalize("NFC", text)
        x0, y0, x1, y1 = p["box"]
        width = x1 - x0
        centre = (x0 + x1) / 2
        centered = abs(centre - page_width_px / 2) < page_width_px * 0.05 and width < page_width_px * 0.7
        blocks.append(
            Block(
                kind="paragraph",
                text=text,
                centered=centered,
                location=Location(page=page_number, bbox=(x0 * scale, y0 * scale, x1 * scale, y1 * scale)),
            )
        )
    return blocks, confs


def _tesseract_data(image, lang: str, page_number: int) -> dict:
    import pytesseract

    # Tesseract's OpenMP threads cost more than they give on a busy small
    # machine (measured 3.5x slower on 2 shared cores); pages run in parallel
    # processes instead (see ocr_pdf_pages). A value the user set is kept.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        return pytesseract.image_to_data(image, lang=lang, config="--psm 3", output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractNotFoundError:
        raise OCRUnavailableError(
            "the PDF has pages without a text layer and Tesseract OCR is not installed; " + _INSTALL_HINT
        )
    except pytesseract.TesseractError as e:
        msg = " ".join(str(e).split())[:160]
        raise OCRUnavailableError(f"Tesseract failed on page {page_number} ({msg}); " + _INSTALL_HINT)


def _read_page(image, lang: str, page_number: int, scale: float) -> tuple[list[Block], list[float]]:
    """OCR one upright page: blocks rebuilt from the line boxes (headings,
    list items, tables; see :mod:`.ocr_layout`) and the word confidences."""
    from .ocr_layout import rebuild_page

    data = _tesseract_data(image, lang, page_number)
    blocks, confs = _page_blocks(data, page_number, scale, image.width)
    rebuilt = rebuild_page(data, page_number, scale, image.size, image, first_table_id=1000 * page_number)
    return (rebuilt or blocks), confs


def _orientation(image) -> int:
    """Clockwise turn (0, 90, 180, 270) that makes the page upright, from
    Tesseract's orientation detection; 0 when it cannot tell."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT)
    except Exception:  # too little text to decide, or no osd model
        return 0
    rot = int(osd.get("rotate", 0)) % 360
    return rot if rot in (90, 180, 270) else 0


def _unrotate_box(box: tuple[float, float, float, float], rot: int, w: float, h: float) -> tuple[float, float, float, float]:
    """Map a box of the page turned clockwise by ``rot`` back to the page as
    stored (``w`` x ``h``)."""
    x0, y0, x1, y1 = box
    if rot == 90:
        pts = [(y0, h - x0), (y1, h - x1)]
    elif rot == 180:
        pts = [(w - x0, h - y0), (w - x1, h - y1)]
    elif rot == 270:
        pts = [(w - y0, x0), (w - y1, x1)]
    else:
        return box
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def ocr_image(image, page_number: int = 1, lang: str = "vie", dpi: int = DEFAULT_DPI) -> tuple[list[Block], list[float]]:
    """OCR one page image; returns its paragraph blocks and word confidences.

    A page scanned sideways or upside down reads as few, low-confidence
    words: then Tesseract's orientation detection turns it upright and the
    better reading is kept (boxes mapped back to the page as stored).
    """
    _check_tesseract(lang)
    scale = 72.0 / dpi
    blocks, confs = _read_page(image, lang, page_number, scale)
    mean = sum(confs) / len(confs) if confs else 0.0
    if len(confs) >= 20 and mean >= 60:
        return blocks, confs
    rot = _orientation(image)
    if not rot:
        return blocks, confs
    upright = image.rotate(-rot, expand=True)
    b2, c2 = _read_page(upright, lang, page_number, scale)
    mean2 = sum(c2) / len(c2) if c2 else 0.0
    if len(c2) * mean2 <= len(confs) * mean:
        return blocks, confs
    w, h = image.width * scale, image.height * scale
    for b in b2:
        for loc in [b.location, *(b.cell_locations or [])]:
            if loc.bbox:
                loc.bbox = _unrotate_box(loc.bbox, rot, w, h)
    return b2, c2


def ocr_pdf_pages(
    data: bytes, pages: list[int], lang: str = "vie", *, dpi: int = DEFAULT_DPI, workers: Optional[int] = None
) -> tuple[dict[int, list[Block]], float]:
    """OCR the given 1-based pages of a PDF.

    Returns the paragraph blocks of each page (boxes in PDF points, top-left
    origin) and the mean word confidence over all pages (0-100; 0.0 when no
    word was read). Raises :class:`OCRUnavailableError` when Tesseract or the
    language model is missing, before any page is rendered. ``workers``
    Tesseract processes run at once (default: the number of cores, at most 4).
    """
    _check_tesseract(lang)
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise CorruptFileError(f"cannot open the PDF for OCR ({e}); it may be corrupt or truncated")
    out: dict[int, list[Block]] = {}
    confs: list[float] = []
    workers = max(1, min(len(pages) or 1, workers or os.cpu_count() or 1, 4))
    try:
        count = len(pdf)
        for number in pages:
            if not 1 <= number <= count:
                raise ValueError(f"page {number} is outside the document (1-{count})")
        with ThreadPoolExecutor(max_workers=workers) as pool:
            # render a few pages at a time (pdfium is not thread-safe; a
            # 300-dpi page is ~9 MB), OCR them in parallel Tesseract processes
            for i in range(0, len(pages), workers):
                chunk = pages[i : i + workers]
                images = [render_page(pdf, n, dpi) for n in chunk]
                results = list(pool.map(lambda a: ocr_image(a[1], a[0], lang, dpi), zip(chunk, images)))
                for n, (blocks, c) in zip(chunk, results):
                    out[n] = blocks
                    confs.extend(c)
    finally:
        pdf.close()
    _mend_pages(out)
    mean = round(sum(confs) / len(confs), 1) if confs else 0.0
    return out, mean


def _mend_pages(pages: dict[int, list[Block]]) -> None:
    """Over all OCR'd pages in order: tables and paragraphs cut by a page
    break joined, section and item numbers read wrong undone from their
    sequence (see :mod:`.ocr_layout`)."""
    from .ocr_layout import join_pages, repair_numbering

    join_pages(pages)
    repair_numbering([b for n in sorted(pages) for b in pages[n]])


def tesseract_available(lang: str = "vie") -> Optional[str]:
    """None when OCR works here, else the one-line reason (for tests and `doctor`-style checks)."""
    try:
        _check_tesseract(lang)
    except OCRUnavailableError as e:
        return str(e)
    return None


__all__ = ["ocr_pdf_pages", "ocr_image", "render_page", "tesseract_available", "DEFAULT_DPI"]
