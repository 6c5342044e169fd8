"""A budget for OCR: which pages are worth reading, and when to stop.

OCR costs seconds per page, so a blank PDF of a thousand pages, or a small
upload whose pages are huge, could hold a machine for hours. Before the PDF
reader hands pages to :func:`directive_nlp.ingest.ocr.ocr_pdf_pages`:

* pages with no ink (rendered at a low resolution, no dark pixel) are
  skipped: there is nothing on them to read;
* at most ``max_pages`` pages are read and the work stops when ``seconds``
  have passed (checked between pages); the pages left over are named in a
  warning, so a result is never silently partial;
* a page is rendered with at most :data:`MAX_PAGE_PIXELS` pixels (the
  resolution drops for an oversized page instead of the memory growing).

Stopping work whose requester has gone is done one level up: the web server
runs each request in a worker process that it kills when the client leaves
or the request's time budget runs out (``directive_nlp.web.worker``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

#: rendering for the ink test: 36 dpi is enough to see a line of text
INK_DPI = 36
#: a pixel darker than this (0-255) is ink
INK_LEVEL = 160
#: dark pixels a page needs at INK_DPI to be worth OCR (specks of a scanner are fewer)
MIN_INK_PIXELS = 12
#: pixels of one page rendered for OCR at most (A4 at 300 dpi is 8.7 million)
MAX_PAGE_PIXELS = 40_000_000
OCR_DPI = 300


@dataclass
class OcrPlan:
    """What the budget decided for one document."""

    blocks: dict = field(default_factory=dict)
    confidences: list[tuple[float, int]] = field(default_factory=list)  # (mean, pages) per call
    blank: list[int] = field(default_factory=list)
    over_budget: list[int] = field(default_factory=list)
    reason: str = ""

    @property
    def read(self) -> list[int]:
        return sorted(self.blocks)

    @property
    def confidence(self) -> float:
        pages = sum(n for _, n in self.confidences)
        return round(sum(c * n for c, n in self.confidences) / pages, 1) if pages else 0.0


def page_has_ink(pdf, number: int) -> bool:
    """True when page ``number`` (1-based) shows anything dark at low resolution."""
    page = pdf[number - 1]
    try:
        w, h = page.get_size()
        scale = INK_DPI / 72.0
        if w * h * scale * scale > MAX_PAGE_PIXELS:
            scale = (MAX_PAGE_PIXELS / (w * h)) ** 0.5
        image = page.render(scale=scale, grayscale=True).to_pil()
    finally:
        page.close()
    histogram = image.convert("L").histogram()
    return sum(histogram[:INK_LEVEL]) >= MIN_INK_PIXELS


def page_dpi(pdf, number: int, dpi: int = OCR_DPI) -> int:
    """The OCR resolution for a page: ``dpi``, lowered for an oversized page."""
    w, h = pdf[number - 1].get_size()
    pixels = w * h * (dpi / 72.0) ** 2
    if pixels <= MAX_PAGE_PIXELS:
        return dpi
    return max(36, int(dpi * (MAX_PAGE_PIXELS / pixels) ** 0.5))


def ocr_with_budget(
    data: bytes,
    pages: list[int],
    lang: str,
    *,
    max_pages: int,
    seconds: float,
    ocr: Callable[..., tuple[dict, float]],
    clock: Callable[[], float] = time.monotonic,
) -> OcrPlan:
    """OCR the inked pages among ``pages``, one at a time, within the budget.

    ``ocr`` is :func:`~directive_nlp.ingest.ocr.ocr_pdf_pages` (called with
    one page and its ``dpi``); it raises ``OCRUnavailableError`` before any
    page is read when Tesseract is missing.
    """
    import pypdfium2 as pdfium

    plan = OcrPlan()
    start = clock()
    pdf = pdfium.PdfDocument(data)
    try:
        inked = []
        for n in pages:
            (inked if page_has_ink(pdf, n) else plan.blank).append(n)
        dpis = {n: page_dpi(pdf, n) for n in inked}
    finally:
        pdf.close()
    for k, n in enumerate(inked):
        if k >= max_pages:
            plan.over_budget, plan.reason = inked[k:], f"more than {max_pages} pages to OCR"
            break
        if clock() - start > seconds:
            plan.over_budget, plan.reason = inked[k:], f"OCR time budget of {seconds:.0f} s spent"
            break
        # the readers' contract is ocr(data, pages, lang); dpi only for an oversized page
        blocks, conf = ocr(data, [n], lang) if dpis[n] == OCR_DPI else ocr(data, [n], lang, dpi=dpis[n])
        plan.blocks.update(blocks)
        plan.confidences.append((conf, 1))
    return plan


def budget_warnings(plan: OcrPlan, page_list: Callable[[list[int]], str]) -> list[str]:
    """The warnings a result carries about pages the budget did not read."""
    out = []
    if plan.blank:
        out.append(f"blank pages (no ink) not read by OCR: {page_list(plan.blank)}")
    if plan.over_budget:
        out.append(f"pages not read by OCR ({plan.reason}; raise DIRECTIVE_NLP_OCR_PAGES / DIRECTIVE_NLP_OCR_SECONDS): "
                   f"{page_list(plan.over_budget)}")
    return out


__all__ = ["OcrPlan", "ocr_with_budget", "page_has_ink", "page_dpi", "budget_warnings"]

