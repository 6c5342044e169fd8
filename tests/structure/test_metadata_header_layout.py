"""The document header as PDF and DOCX lay it out (issue 15, "The document header").

Real files are written here with reportlab and python-docx, then read back
through the readers: a header whose two columns come out stacked line by line
(the motto broken over lines, "Số:" and "ngày" left at a line end), the
two-column header of a born-digital PDF and of a DOCX table, a Party header
(committee above a "*", "ĐẢNG CỘNG SẢN VIỆT NAM" opposite, "Số 45-CTr/TU"
without a colon), and a cited decision's number that is not the document's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from directive_nlp.ingest import read_document
from directive_nlp.normalize import normalize_document
from directive_nlp.structure import parse_structure
from directive_nlp.structure.metadata import _header_lines, _strip_motto_lines, extract_metadata, Unit

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

BODY = [
    "Thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2025 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Sở Tư pháp chủ trì tổ chức tập huấn, hoàn thành trong tháng 12 năm 2025.",
]

# a header whose columns a converter stacked: every break below is one the issue names
STACKED = [
    ("ỦY BAN NHÂN", False), ("DÂN", False), ("TỈNH HÀ TĨNH", True),
    ("CỘNG HÒA XÃ", True), ("HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
    ("Số:", False), ("624/KH-UBND", False), ("Hà Tĩnh, ngày", False), ("17 tháng 11 năm 2025", False),
    ("KẾ HOẠCH", True), ("TRIỂN KHAI QUYẾT ĐỊNH SỐ 06/QĐ-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ", True),
]

PARTY = [
    ("TỈNH ỦY HÀ TĨNH", True), ("*", False), ("ĐẢNG CỘNG SẢN", True), ("VIỆT NAM", True),
    ("Số 45-CTr/TU", False), ("Hà Tĩnh, ngày 03 tháng 10 năm 2025", False),
    ("CHƯƠNG TRÌNH HÀNH ĐỘNG", True), ("THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA BỘ CHÍNH TRỊ", True),
]


def _pdf(path: Path, lines: list[tuple[str, bool]], body: list[str]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DV", FONT))
    pdfmetrics.registerFont(TTFont("DVB", FONT_BOLD))
    c = canvas.Canvas(str(path), pagesize=A4)
    _, h = A4
    y = 60
    for text, bold in lines:
        c.setFont("DVB" if bold else "DV", 12)
        c.drawString(114, h - y, text)
        y += 22
    c.setFont("DV", 12)
    for text in body:
        y += 6
        for k in range(0, len(text), 80):
            c.drawString(72, h - y, text[k : k + 80])
            y += 16
    c.showPage()
    c.save()
    return path


def _docx(path: Path, lines: list[tuple[str, bool]], body: list[str]) -> Path:
    import docx

    d = docx.Document()
    for text, bold in lines:
        d.add_paragraph().add_run(text).bold = bold
    for text in body:
        d.add_paragraph(text)
    d.save(str(path))
    return path


def _meta(path: Path):
    doc = normalize_document(read_document(path))
    return extract_metadata(doc, parse_structure(doc))


@pytest.mark.parametrize("writer", [_pdf, _docx], ids=["pdf", "docx"])
def test_stacked_header_keeps_issuer_number_and_date(tmp_path, writer):
    m = _meta(writer(tmp_path / f"stacked.{writer.__name__[1:]}", STACKED, BODY))
    assert m.issuer == "Ủy ban nhân dân tỉnh Hà Tĩnh"  # the broken motto is not swallowed
    assert m.number == "624/KH-UBND"  # "Số:" at a line end
    assert (m.place, m.issued_date) == ("Hà Tĩnh", "2025-11-17")  # "ngày" at a line end
    assert m.doc_type == "Kế hoạch" and m.province == "Hà Tĩnh"


@pytest.mark.parametrize("writer", [_pdf, _docx], ids=["pdf", "docx"])
def test_party_header_with_star_and_number_without_colon(tmp_path, writer):
    m = _meta(writer(tmp_path / f"party.{writer.__name__[1:]}", PARTY, BODY[1:]))
    assert m.issuer == "Tỉnh ủy Hà Tĩnh"  # not "... Đảng cộng sản Việt Nam"
    assert m.number == "45-CTr/TU"
    assert (m.place, m.issued_date) == ("Hà Tĩnh", "2025-10-03")
    assert m.doc_type == "Chương trình hành động"


@pytest.mark.parametrize("writer", [_pdf, _docx], ids=["pdf", "docx"])
def test_a_cited_decision_number_is_not_the_documents(tmp_path, writer):
    """No own number in the header: the title's "QUYẾT ĐỊNH SỐ 06/QĐ-TTG" stays a reference."""
    lines = [x for x in STACKED if x[0] not in ("Số:", "624/KH-UBND")]
    m = _meta(writer(tmp_path / f"cited.{writer.__name__[1:]}", lines, BODY))
    assert m.number is None
    assert any(r.number == "06/QĐ-TTg" for r in m.references)
    assert m.issued_date == "2025-11-17"


def test_two_column_pdf_header_with_wrapped_motto(tmp_path):
    """A born-digital header: issuer left, motto right, both wrapped over lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DV", FONT))
    pdfmetrics.registerFont(TTFont("DVB", FONT_BOLD))
    path = tmp_path / "two.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    _, h = A4
    cells = [(150, 60, "ỦY BAN NHÂN DÂN", "DV"), (400, 60, "CỘNG HÒA XÃ HỘI", "DVB"),
             (150, 76, "TỈNH BẮC NINH", "DVB"), (400, 76, "CHỦ NGHĨA VIỆT NAM", "DVB"),
             (400, 92, "Độc lập - Tự do - Hạnh phúc", "DVB"), (150, 120, "Số:", "DV"),
             (400, 120, "Bắc Ninh, ngày", "DV"), (150, 136, "141/KH-UBND", "DV"),
             (400, 136, "20 tháng 11 năm 2025", "DV"), (297, 180, "KẾ HOẠCH", "DVB")]
    for x, y, text, font in cells:
        c.setFont(font, 12)
        c.drawCentredString(x, h - y, text)
    c.setFont("DV", 12)
    for k, text in enumerate(BODY):
        c.drawString(72, h - 230 - 18 * k, text[:85])
    c.showPage()
    c.save()
    m = _meta(path)
    assert (m.issuer, m.number, m.place, m.issued_date) == ("Ủy ban nhân dân tỉnh Bắc Ninh", "141/KH-UBND", "Bắc Ninh", "2025-11-20")


def test_docx_header_table_with_line_breaks_in_cells(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    t.cell(1, 0).text = "Số:\n1026/KH-UBND"
    t.cell(1, 1).text = "Nghệ An, ngày\n26 tháng 11 năm 2025"
    d.add_paragraph().add_run("KẾ HOẠCH").bold = True
    for text in BODY:
        d.add_paragraph(text)
    path = tmp_path / "table.docx"
    d.save(str(path))
    m = _meta(path)
    assert (m.issuer, m.number, m.place, m.issued_date) == ("Ủy ban nhân dân tỉnh Nghệ An", "1026/KH-UBND", "Nghệ An", "2025-11-26")


def _units(*texts: str) -> list[Unit]:
    return [Unit(k, None, t) for k, t in enumerate(texts)]


def test_open_labels_join_only_their_continuation():
    lines = _header_lines(_units("Số:", "45/KH-UBND", "Hà Nội, ngày", "05 tháng 3 năm 2024", "KẾ HOẠCH"))
    assert lines[0] == "Số: 45/KH-UBND" and lines[2] == "Hà Nội, ngày 05 tháng 3 năm 2024"
    # negative: a label followed by something else stays as it is
    lines = _header_lines(_units("Số:", "KẾ HOẠCH", "Hà Nội,", "Thực hiện Chỉ thị số 36-CT/TW"))
    assert lines == ["Số:", "KẾ HOẠCH", "Hà Nội,", "Thực hiện Chỉ thị số 36-CT/TW"]


def test_motto_is_blanked_across_lines_only_when_whole():
    out = _strip_motto_lines(["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM"])
    assert [x.strip() for x in out] == ["ỦY BAN NHÂN DÂN", "TỈNH HÀ TĨNH", "", ""]
    # negative: words of the motto that do not make the phrase are kept
    out = _strip_motto_lines(["BAN CHỈ ĐẠO", "XÃ HỘI HÓA GIÁO DỤC"])
    assert [x.strip() for x in out] == ["BAN CHỈ ĐẠO", "XÃ HỘI HÓA GIÁO DỤC"]


def test_party_header_table_with_star_and_date_over_two_lines(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "TỈNH ỦY HÀ TĨNH\nBAN THƯỜNG VỤ\n*"
    t.cell(0, 1).text = "ĐẢNG CỘNG SẢN\nVIỆT NAM"
    t.cell(1, 0).text = "Số 45-CTr/TU"
    t.cell(1, 1).text = "Hà Tĩnh, ngày 03 tháng 10\nnăm 2025"
    d.add_paragraph().add_run("CHƯƠNG TRÌNH HÀNH ĐỘNG").bold = True
    for text in BODY[1:]:
        d.add_paragraph(text)
    path = tmp_path / "party_table.docx"
    d.save(str(path))
    m = _meta(path)
    assert (m.issuer, m.issuer_parent) == ("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy Hà Tĩnh")
    assert (m.number, m.place, m.issued_date, m.province) == ("45-CTr/TU", "Hà Tĩnh", "2025-10-03", "Hà Tĩnh")
