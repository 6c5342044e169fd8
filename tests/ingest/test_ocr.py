"""OCR of a scanned rendering (our sample programme rendered with reportlab;
a dev PDF too when ../shared is there), and the message when Tesseract is missing."""

from __future__ import annotations

import collections
import io
import re

import pytest

from corpus_paths import SAMPLE_PROGRAM, dev_or_skip
from directive_nlp.errors import InputError, OCRUnavailableError
from directive_nlp.ingest import ocr
from own_renderings import render

# the PDFs scanned here: our sample programme rendered with reportlab (always
# there) and a dev rendering (when ../shared is present); per document, a
# paragraph that starts on page 1 and a page to scan sideways
SOURCES = {
    "sample": ("Căn cứ Quyết định số 749/QĐ-TTg", 2),
    "dev": ("Thực hiện Kế hoạch số 230-KH/ĐUCA", 5),
}

needs_tesseract = pytest.mark.skipif(  # a string: asked when a test runs, not at collection
    'ocr.tesseract_available("vie") is not None', reason="Tesseract with the Vietnamese model is not installed"
)


def scanned_copy(pdf_bytes: bytes, pages: list[int], dpi: int = 200) -> bytes:
    """An image-only PDF of ``pages``: what a scanner gives (no text layer)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdf_bytes)
    images = [ocr.render_page(pdf, p, dpi).convert("L") for p in pages]
    pdf.close()
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def word_recall(reference: list[str], found: list[str]) -> float:
    ref, got = collections.Counter(reference), collections.Counter(found)
    return sum((ref & got).values()) / max(1, sum(ref.values()))


@pytest.fixture(scope="module", params=list(SOURCES))
def source(request, tmp_path_factory) -> tuple[bytes, str, int]:
    """(PDF bytes, a paragraph start on page 1, a page to turn sideways)."""
    if request.param == "dev":
        pdf = dev_or_skip() / "rendered" / "binhphuoc_kh_so_ket_ct36.pdf"
    else:
        pdf = render(SAMPLE_PROGRAM, tmp_path_factory.mktemp("ocr"), "pdf")
    return (pdf.read_bytes(), *SOURCES[request.param])


@needs_tesseract
def test_scanned_page_comes_back_with_95_percent_of_its_words(source):
    import pypdfium2 as pdfium

    data, first_paragraph, _ = source
    scan = scanned_copy(data, [1])
    # the scan really has no text layer
    sdoc = pdfium.PdfDocument(scan)
    assert sdoc[0].get_textpage().get_text_range().strip() == ""
    sdoc.close()

    blocks, confidence = ocr.ocr_pdf_pages(scan, [1], "vie")
    src = pdfium.PdfDocument(data)
    reference = words(src[0].get_textpage().get_text_range())
    src.close()
    found = words(" ".join(b.text for b in blocks[1]))
    recall = word_recall(reference, found)
    print(f"OCR word recall on page 1: {recall:.3f} ({len(reference)} words), confidence {confidence}")
    assert recall >= 0.95
    assert 50 <= confidence <= 100
    # paragraph blocks with page and box in PDF points (A4 is 595 x 842)
    assert len(blocks[1]) >= 5
    for b in blocks[1]:
        assert b.location.page == 1
        x0, top, x1, bottom = b.location.bbox
        assert 0 <= x0 < x1 <= 600 and 0 <= top < bottom <= 850
    texts = [b.text for b in blocks[1]]
    assert any(first_paragraph in t for t in texts), texts
    # reading order: top to bottom
    tops = [b.location.bbox[1] for b in blocks[1]]
    assert tops == sorted(tops)


def test_missing_tesseract_gives_one_line_with_the_install_command(monkeypatch):
    import pytesseract

    def not_found(*a, **k):
        raise pytesseract.TesseractNotFoundError()

    monkeypatch.setattr(pytesseract, "get_tesseract_version", not_found)
    ocr._check_tesseract.cache_clear()
    try:
        with pytest.raises(OCRUnavailableError) as err:
            ocr.ocr_pdf_pages(b"%PDF-1.4 not read", [1])
        msg = str(err.value)
        assert "\n" not in msg
        assert "apt-get install tesseract-ocr tesseract-ocr-vie" in msg
        assert isinstance(err.value, InputError) and err.value.code == "ocr_unavailable"
    finally:
        ocr._check_tesseract.cache_clear()


def test_missing_language_model_is_named(monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract, "get_tesseract_version", lambda *a, **k: "5.3.0")
    monkeypatch.setattr(pytesseract, "get_languages", lambda *a, **k: ["eng", "osd"])
    ocr._check_tesseract.cache_clear()
    try:
        with pytest.raises(OCRUnavailableError) as err:
            ocr.ocr_pdf_pages(b"%PDF-1.4", [1], "vie")
        assert "'vie' language model" in str(err.value) and "tesseract-ocr-vie" in str(err.value)
    finally:
        ocr._check_tesseract.cache_clear()


@needs_tesseract
def test_page_outside_the_document_is_refused(source):
    scan = scanned_copy(source[0], [source[2]], dpi=50)
    with pytest.raises(ValueError):
        ocr.ocr_pdf_pages(scan, [3])


@needs_tesseract
@pytest.mark.shared
def test_scanned_first_page_gives_the_header_metadata(shared_extra):
    """End to end through the PDF reader: a scan of a decision's first page
    (no text layer) is OCRed, and its header still gives number, date,
    place, issuer and province despite OCR slips in the motto."""
    from directive_nlp.ingest import read_document
    from directive_nlp.normalize import normalize_document
    from directive_nlp.structure.metadata import extract_metadata

    pdf = shared_extra / "rendered" / "01_quangngai-qd1627-kiem-ke-tai-san-cong.pdf"
    src = read_document("scan.pdf", scanned_copy(pdf.read_bytes(), [1]))
    assert src.source.ocr_pages == [1] and src.source.ocr_confidence > 80
    m = extract_metadata(normalize_document(src))
    assert (m.doc_type, m.number, m.issued_date, m.place) == ("Quyết định", "1627/QĐ-UBND", "2025-11-21", "Quảng Ngãi")
    assert (m.issuer, m.province) == ("Ủy ban nhân dân tỉnh Quảng Ngãi", "Quảng Ngãi")


@needs_tesseract
def test_page_scanned_sideways_is_turned_upright(source):
    import pypdfium2 as pdfium
    from PIL import Image

    data, _, page = source
    src = pdfium.PdfDocument(data)
    image = ocr.render_page(src, page, 150)
    reference = words(src[page - 1].get_textpage().get_text_range())
    src.close()
    sideways = image.rotate(90, expand=True)  # a landscape scan of a portrait page
    buf = io.BytesIO()
    sideways.save(buf, format="PDF", resolution=150)
    blocks, confidence = ocr.ocr_pdf_pages(buf.getvalue(), [1], "vie", dpi=200)
    found = words(" ".join(b.text for b in blocks[1]))
    assert word_recall(reference, found) >= 0.9
    # boxes are on the page as stored: 842 pt wide, 595 pt high
    for b in blocks[1]:
        x0, top, x1, bottom = b.location.bbox
        assert 0 <= x0 < x1 <= 850 and 0 <= top < bottom <= 600


def test_box_mapping_back_from_an_upright_turn():
    # a 100 x 50 page turned clockwise by 90 is 50 x 100; its top-left corner
    # box maps to the page's bottom-left
    assert ocr._unrotate_box((0, 0, 10, 5), 90, 100, 50) == (0, 40, 5, 50)
    assert ocr._unrotate_box((0, 0, 10, 5), 180, 100, 50) == (90, 45, 100, 50)
    assert ocr._unrotate_box((0, 0, 10, 5), 270, 100, 50) == (95, 0, 100, 10)
