"""The PDF reader on PDFs written in the tests (reportlab, DejaVu fonts)."""

from __future__ import annotations

import sys

import pytest

from directive_nlp.errors import (
    EncryptedFileError,
    OCRUnavailableError,
    ScannedDocumentError,
    TooLargeError,
)
from directive_nlp.ingest import read_document
from directive_nlp.normalize import normalize_document

from readers_docs import (
    AFTER_LONG,
    CLOSING,
    INTRO,
    LONG,
    RUNNING_HEADER,
    SUBTITLE,
    TABLE_HEADER,
    justified_lines_pdf,
    scanned_pdf,
    simple_pdf,
)
from readers_docs import plan_pdf  # noqa: F401 (pytest fixtures)


@pytest.fixture(scope="module")
def plan(plan_pdf):
    src = read_document(plan_pdf)
    return src, normalize_document(src)


def test_paragraphs_are_rebuilt_from_wrapped_lines(plan) -> None:
    src, doc = plan
    assert INTRO in [b.text for b in src.blocks]
    lines = doc.text.split("\n")
    assert INTRO in lines
    assert CLOSING in lines
    assert "I. MỤC ĐÍCH, YÊU CẦU" in lines and "1. Mục đích" in lines


def test_a_paragraph_split_by_a_page_break_is_one_paragraph(plan) -> None:
    src, doc = plan
    assert LONG in doc.text.split("\n")
    block = next(b for b in src.blocks if b.text.startswith("Sở Nội vụ chủ trì"))
    assert block.text == LONG  # joined by the reader, not only by normalisation
    assert block.location.page == 1  # it starts on page 1 and ends on page 2
    assert AFTER_LONG in doc.text.split("\n")


def test_running_header_and_page_numbers_are_dropped(plan) -> None:
    _, doc = plan
    assert RUNNING_HEADER not in doc.text
    assert not any(line.strip().isdigit() for line in doc.text.split("\n"))


def test_title_is_centred_and_bold_headings_are_marked(plan) -> None:
    src, _ = plan
    title = src.blocks[0]
    assert title.text == "KẾ HOẠCH" and title.bold and title.centered
    assert src.blocks[1].text == SUBTITLE and src.blocks[1].centered and not src.blocks[1].bold
    heading = next(b for b in src.blocks if b.text == "II. NHIỆM VỤ CỤ THỂ")
    assert heading.bold


def test_assignment_table_rows_carry_their_header(plan) -> None:
    src, doc = plan
    rows = [b for b in src.blocks if b.kind == "table_row"]
    assert rows[0].is_header_row and rows[0].cells == TABLE_HEADER
    assert all(r.header == TABLE_HEADER for r in rows[1:])
    assert rows[2].cells == ["1", "Thống kê khối lượng tài liệu cần số hóa", "Sở Nội vụ", "Các sở, ban, ngành", "Tháng 3/2026"]
    assert {r.table_id for r in rows} == {0}
    # normalised: cells joined by " | ", a group row without its empty tail
    text_rows = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "table_row"]
    assert "I | Nhiệm vụ chuẩn bị" in text_rows
    assert "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành" in text_rows


def test_a_row_under_a_merged_cell_knows_its_value(plan) -> None:
    src, doc = plan
    row = next(b for b in src.blocks if b.kind == "table_row" and b.cells[0] == "2")
    assert row.cells[2] == ""  # printed once, in the row above
    assert row.filled_cells[2] == "Sở Nội vụ"
    tb = next(b for b in doc.blocks if b.kind == "table_row" and doc.text[b.start : b.end].startswith("2 |"))
    assert tb.filled_cells[2] == "Sở Nội vụ"
    assert doc.text[tb.cells[3].start : tb.cells[3].end] == "Sở Khoa học và Công nghệ"


def test_table_sits_in_reading_order_between_paragraphs(plan) -> None:
    _, doc = plan
    lines = doc.text.split("\n")
    i_head = lines.index("III. PHÂN CÔNG THỰC HIỆN")
    assert lines[i_head + 1].startswith("STT |")
    assert lines.index("IV. TỔ CHỨC THỰC HIỆN") == i_head + 1 + 5


def test_every_block_has_page_and_box(plan) -> None:
    src, doc = plan
    for b in src.blocks:
        assert b.location.page in (1, 2)
        x0, top, x1, bottom = b.location.bbox
        assert 0 <= x0 < x1 <= 595.3 and 0 <= top < bottom <= 842
    offset = doc.text.index("IV. TỔ CHỨC THỰC HIỆN")
    assert doc.page_at(offset) == 2
    assert src.source.pages == 2 and src.source.format == "pdf"


def test_hyphenated_words_are_joined(tmp_path) -> None:
    lines = [
        "Ủy ban nhân dân các huyện, thành phố chủ trì rà soát quy hoạch phát tri-",
        "ển mạng lưới cơ sở giáo dục mầm non theo Nghị quyết số 57-",
        "NQ/TW của Bộ Chính trị; báo cáo kết quả thực hiện về Sở Giáo dục và",
        "Đào tạo trước ngày 30/6/2026.",
    ]
    doc = normalize_document(read_document(justified_lines_pdf(tmp_path / "h.pdf", lines)))
    assert doc.text == (
        "Ủy ban nhân dân các huyện, thành phố chủ trì rà soát quy hoạch phát triển mạng lưới cơ sở giáo dục "
        "mầm non theo Nghị quyết số 57-NQ/TW của Bộ Chính trị; báo cáo kết quả thực hiện về Sở Giáo dục và "
        "Đào tạo trước ngày 30/6/2026."
    )


def test_short_line_ends_a_paragraph_even_without_indent(tmp_path) -> None:
    lines = [
        "Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí thực hiện",
        "Kế hoạch trong dự toán ngân sách năm 2026.¶",
        "Sở Nội vụ theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch này.",
    ]
    doc = normalize_document(read_document(justified_lines_pdf(tmp_path / "p.pdf", lines)))
    assert doc.text.split("\n") == [
        "Sở Tài chính chủ trì, phối hợp với Sở Nội vụ bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách năm 2026.",
        "Sở Nội vụ theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch này.",
    ]


def test_max_pages_refuses_or_truncates(tmp_path) -> None:
    pdf = simple_pdf(tmp_path / "three.pdf", [f"Trang {i}: Sở Nội vụ tổng hợp báo cáo tháng {i}." for i in (1, 2, 3)])
    with pytest.raises(TooLargeError, match="3 pages, more than the limit of 2"):
        read_document(pdf, max_pages=2)
    src = read_document(pdf, max_pages=2, truncate=True)
    assert src.source.pages == 3
    assert {b.location.page for b in src.blocks} == {1, 2}
    assert any("first 2 of 3" in w for w in src.source.warnings)


def test_encrypted_pdf_is_refused(tmp_path) -> None:
    pdf = simple_pdf(tmp_path / "locked.pdf", ["Kế hoạch mật của Ủy ban nhân dân tỉnh."], encrypt="matkhau")
    with pytest.raises(EncryptedFileError, match="encrypted"):
        read_document(pdf)


def test_scanned_pdf_with_ocr_off_says_so(tmp_path) -> None:
    with pytest.raises(ScannedDocumentError, match="no text layer"):
        read_document(scanned_pdf(tmp_path / "scan.pdf"), ocr="never")


def test_a_broken_ocr_module_fails_loudly(tmp_path, monkeypatch) -> None:
    """A broken install is not "OCR unavailable" nor a damaged file: the import error surfaces."""
    monkeypatch.setitem(sys.modules, "directive_nlp.ingest.ocr", None)  # import fails
    with pytest.raises(ImportError, match="directive_nlp.ingest.ocr"):
        read_document(scanned_pdf(tmp_path / "scan.pdf"))


def test_scanned_page_goes_to_ocr(tmp_path, monkeypatch) -> None:
    """The reader hands pages without text to ``ocr.ocr_pdf_pages`` and
    records which pages and the confidence (the OCR itself is ingest-2's)."""
    import types

    from directive_nlp.models import Block

    calls = []

    def fake_ocr(data: bytes, pages: list[int], lang: str):
        calls.append((pages, lang))
        return {1: [Block(text="Kế hoạch số hóa tài liệu")]}, 87.5

    monkeypatch.setitem(sys.modules, "directive_nlp.ingest.ocr", types.SimpleNamespace(ocr_pdf_pages=fake_ocr))
    src = read_document(scanned_pdf(tmp_path / "scan.pdf"))
    assert calls == [([1], "vie")]
    assert src.source.ocr_pages == [1] and src.source.ocr_confidence == 87.5
    assert src.blocks[0].text == "Kế hoạch số hóa tài liệu" and src.blocks[0].location.page == 1


def test_legacy_font_runs_are_converted(tmp_path, monkeypatch) -> None:
    """Runs whose font name gives a legacy encoding away go through
    ``legacy.convert`` (contract with ingest-2; a stand-in module here)."""
    import types

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from readers_docs import FONT

    pdfmetrics.registerFont(TTFont("VnTimeTest", FONT))
    c = canvas.Canvas(str(tmp_path / "legacy.pdf"))
    c.setFont("VnTimeTest", 12)
    c.drawString(80, 600, "Chuong trinh hanh dong cua Tinh uy")
    c.showPage()
    c.save()
    # give the embedded font a legacy-looking name (same length keeps the xref valid)
    data = (tmp_path / "legacy.pdf").read_bytes().replace(b"DejaVuSans", b"VnTimeSans")
    (tmp_path / "legacy.pdf").write_bytes(data)
    seen = []

    def font_encoding(name: str):
        seen.append(name)
        return ("tcvn3", False) if "vntime" in name.lower() else None

    def convert(text: str, encoding: str, upper: bool = False) -> str:
        return text.replace("Chuong trinh", "Chương trình")

    import directive_nlp.ingest.pdf as pdf_reader

    monkeypatch.setattr(pdf_reader, "legacy", types.SimpleNamespace(font_encoding=font_encoding, convert=convert))
    src = read_document(tmp_path / "legacy.pdf")
    assert src.blocks[0].text.startswith("Chương trình hanh dong")
    assert src.source.encoding == "tcvn3"


def _canvas_pdf(path, draw):
    from reportlab.pdfgen import canvas

    from readers_docs import _fonts

    _fonts()
    c = canvas.Canvas(str(path))
    draw(c)
    c.save()
    return path


def test_numbered_heading_opening_every_page_is_kept_small_header_dropped(tmp_path) -> None:
    def draw(c) -> None:
        for n in (1, 2, 3):
            c.setFont("DejaVuSans", 8)
            c.drawString(80, 810, f"Kế hoạch số 27/KH-UBND - trang {n}")
            c.setFont("DejaVuSans-Bold", 12)
            c.drawString(80, 770, f"{n}. Nhiệm vụ nhóm {n}")
            c.setFont("DejaVuSans", 12)
            c.drawString(80, 740, f"Sở Nội vụ hoàn thành nhiệm vụ nhóm {n} trong quý {n}.")
            c.showPage()

    doc = normalize_document(read_document(_canvas_pdf(tmp_path / "h.pdf", draw)))
    assert doc.text.split("\n") == [
        "1. Nhiệm vụ nhóm 1", "Sở Nội vụ hoàn thành nhiệm vụ nhóm 1 trong quý 1.",
        "2. Nhiệm vụ nhóm 2", "Sở Nội vụ hoàn thành nhiệm vụ nhóm 2 trong quý 2.",
        "3. Nhiệm vụ nhóm 3", "Sở Nội vụ hoàn thành nhiệm vụ nhóm 3 trong quý 3.",
    ]


def test_unruled_two_column_header_block_reads_column_by_column(tmp_path) -> None:
    def draw(c) -> None:
        c.setFont("DejaVuSans-Bold", 11)
        c.drawCentredString(170, 790, "ỦY BAN NHÂN DÂN")
        c.drawCentredString(420, 790, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        c.drawCentredString(170, 775, "TỈNH YÊN SƠN")
        c.drawCentredString(420, 775, "Độc lập - Tự do - Hạnh phúc")
        c.setFont("DejaVuSans", 11)
        c.drawString(80, 720, "Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì thực hiện Kế hoạch này.")
        c.showPage()

    src = read_document(_canvas_pdf(tmp_path / "hdr.pdf", draw))
    head = src.blocks[0]
    assert head.kind == "table_row"
    assert head.cells == ["ỦY BAN NHÂN DÂN TỈNH YÊN SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc"]
    assert src.blocks[1].text == "Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì thực hiện Kế hoạch này."


def test_table_over_a_page_break_is_one_table_and_a_split_row_is_one_row(tmp_path) -> None:
    """The header row is repeated on the next page (dropped), and a row cut by
    the page break (its rest has no STT) is joined back."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from readers_docs import TABLE_HEADER, _fonts

    _fonts()
    cell = ParagraphStyle("c", fontName="DejaVuSans", fontSize=10, leading=13)
    long_task = " ".join(["Kiểm tra, đôn đốc việc số hóa hồ sơ tại các huyện, thành phố."] * 12)
    rows = [TABLE_HEADER] + [
        [str(i), f"Nhiệm vụ số {i}: rà soát hồ sơ lưu trữ của đơn vị.", "Sở Nội vụ", "Các huyện", "Năm 2026"] for i in range(1, 9)
    ] + [["9", long_task, "Sở Nội vụ", "Các sở, ngành", "Quý IV/2026"]]
    t = Table([[Paragraph(c, cell) for c in r] for r in rows], colWidths=[36, 194, 80, 80, 70], repeatRows=1, splitInRow=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    path = tmp_path / "long_table.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([Spacer(1, 330), t])
    from readers_docs import page_texts

    pages = page_texts(path)
    assert "Kiểm tra" in pages[0] and "Kiểm tra" in pages[1] and pages[1].count("STT") == 1  # really split
    src = read_document(path)
    rows_out = [b for b in src.blocks if b.kind == "table_row"]
    assert len({b.table_id for b in rows_out}) == 1
    assert [b.cells[0] for b in rows_out] == ["STT"] + [str(i) for i in range(1, 10)]
    last = rows_out[-1]
    assert normalize_document(src).text.count("Kiểm tra, đôn đốc") == 12
    assert last.cells[1].endswith("huyện, thành phố.") and last.header == TABLE_HEADER
    assert last.cell_locations[2].bbox is not None and last.cell_locations[2].page == last.location.page


def test_scanned_page_is_read_by_tesseract_when_installed(tmp_path) -> None:
    """End to end with ingest-2's OCR (skipped without tesseract-ocr-vie)."""
    import shutil

    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from readers_docs import FONT

    if not shutil.which("tesseract"):
        pytest.skip("tesseract is not installed")
    ocr = pytest.importorskip("directive_nlp.ingest.ocr")
    if ocr.tesseract_available("vie") is not None:
        pytest.skip("tesseract-ocr-vie is not installed")
    img = Image.new("L", (1700, 300), 255)
    ImageDraw.Draw(img).text((60, 100), "Sở Nội vụ chủ trì số hóa tài liệu lưu trữ.", fill=0,
                             font=ImageFont.truetype(FONT, 56))
    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.drawImage(ImageReader(img), 40, 600, width=510, height=90)
    c.showPage()
    c.save()
    src = read_document(tmp_path / "scan.pdf")
    assert src.source.ocr_pages == [1] and src.source.ocr_confidence > 50
    text = normalize_document(src).text
    assert "Nội vụ" in text and "tài liệu" in text


def test_unruled_table_numbered_in_its_first_column_gives_one_row_per_number(tmp_path) -> None:
    def draw(c) -> None:
        c.setFont("DejaVuSans", 10)
        y = 700
        rows = [
            ("1", ["Rà soát hồ sơ", "lưu trữ cơ quan"], "Sở Nội vụ", "Quý I/2026"),
            ("2", ["Nâng cấp máy chủ"], "Sở Khoa học và CN", "Quý II/2026"),
            ("3", ["Tập huấn nghiệp vụ", "cho văn thư", "các huyện"], "Sở Nội vụ", "Quý III/2026"),
        ]
        for stt, lines, lead, when in rows:
            c.drawString(70, y, stt)
            c.drawString(330, y, lead)
            c.drawString(470, y, when)
            for k, line in enumerate(lines):
                c.drawString(110, y - 13 * k, line)
            y -= 13 * len(lines) + 4
        c.showPage()

    src = read_document(_canvas_pdf(tmp_path / "unruled.pdf", draw))
    assert [b.cells for b in src.blocks] == [
        ["1", "Rà soát hồ sơ lưu trữ cơ quan", "Sở Nội vụ", "Quý I/2026"],
        ["2", "Nâng cấp máy chủ", "Sở Khoa học và CN", "Quý II/2026"],
        ["3", "Tập huấn nghiệp vụ cho văn thư các huyện", "Sở Nội vụ", "Quý III/2026"],
    ]
    assert len({b.table_id for b in src.blocks}) == 1


def test_junk_after_the_end_of_file_marker_is_tolerated(tmp_path, plan_pdf) -> None:
    """Some servers append bytes (an HTML footer) after %%EOF: still a PDF."""
    data = plan_pdf.read_bytes() + b"<html><body>" + b"x" * 8000 + b"</body></html>"
    src = read_document("appended.pdf", data)
    assert LONG in normalize_document(src).text


def test_table_drawn_inside_a_form_xobject_is_found(tmp_path) -> None:
    """Some writers put a whole page in one form XObject (moved by a matrix)."""
    from reportlab.lib import colors
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table, TableStyle

    from readers_docs import TABLE_HEADER, _fonts

    _fonts()
    c = canvas.Canvas(str(tmp_path / "form.pdf"))
    c.beginForm("page")
    c.setFont("DejaVuSans", 11)
    c.drawString(80, 780, "Ủy ban nhân dân tỉnh phân công thực hiện như sau:")
    t = Table([TABLE_HEADER, ["1", "Rà soát hồ sơ", "Sở Nội vụ", "Các sở", "Quý I/2026"]], colWidths=[30, 140, 90, 90, 110])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                           ("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"), ("FONTSIZE", (0, 0), (-1, -1), 8)]))
    t.wrapOn(c, 500, 300)
    t.drawOn(c, 60, 700)
    c.endForm()
    c.saveState()
    c.translate(0, -100)
    c.doForm("page")
    c.restoreState()
    c.showPage()
    c.save()
    src = read_document(tmp_path / "form.pdf")
    rows = [b for b in src.blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [TABLE_HEADER, ["1", "Rà soát hồ sơ", "Sở Nội vụ", "Các sở", "Quý I/2026"]]
    assert rows[0].location.bbox[1] > 200  # moved down by the form's matrix


def test_bold_first_row_of_a_wide_table_is_its_header(tmp_path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from readers_docs import _fonts

    _fonts()
    head = ["Số", "Việc", "Ai làm", "Bao giờ"]  # no usual header words
    t = Table([head, ["1", "Rà soát hồ sơ", "Sở Nội vụ", "Quý I/2026"], ["2", "Tập huấn", "Sở Nội vụ", "Quý II/2026"]])
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), "DejaVuSans"),
                           ("FONTNAME", (0, 0), (-1, 0), "DejaVuSans-Bold")]))
    SimpleDocTemplate(str(tmp_path / "bold.pdf"), pagesize=A4).build([t])
    rows = [b for b in read_document(tmp_path / "bold.pdf").blocks if b.kind == "table_row"]
    assert rows[0].is_header_row and rows[2].header == head


def test_page_without_unicode_mapping_goes_to_ocr(tmp_path, monkeypatch) -> None:
    """A text layer of private-use codes (fonts with no Unicode map) is no
    better than none: it is sent to OCR when OCR is there."""
    import types

    from directive_nlp.models import Block

    pdf = simple_pdf(tmp_path / "nomap.pdf", ["Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các bếp ăn tập thể."])
    pdf.write_bytes(pdf.read_bytes().replace(b"/ToUnicode", b"/ToUnicodX"))  # drop the font's Unicode map
    _no_tesseract(monkeypatch)
    src = read_document(pdf)  # without OCR: kept, with a warning
    assert any("no Unicode mapping" in w for w in src.source.warnings) and not src.source.ocr_pages

    def fake_ocr(data: bytes, pages: list[int], lang: str):
        return {p: [Block(text="Sở Y tế kiểm tra an toàn thực phẩm.")] for p in pages}, 91.0

    monkeypatch.setitem(sys.modules, "directive_nlp.ingest.ocr", types.SimpleNamespace(ocr_pdf_pages=fake_ocr))
    src = read_document(pdf)
    assert src.source.ocr_pages == [1] and [b.text for b in src.blocks] == ["Sở Y tế kiểm tra an toàn thực phẩm."]


def test_tcvn3_font_converted_with_the_real_legacy_module(tmp_path) -> None:
    """A .VnTime font drawing TCVN3 codes, with ingest-2's converter."""
    legacy = pytest.importorskip("directive_nlp.ingest.legacy")
    if not hasattr(legacy, "font_encoding"):
        pytest.skip("legacy.font_encoding not available")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from readers_docs import FONT

    pdfmetrics.registerFont(TTFont("VnTcvnTest", FONT))
    path = tmp_path / "tcvn3.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("VnTcvnTest", 12)
    c.drawString(80, 600, "Ch\u00ad\u00acng tr\u00d7nh h\u00b5nh \u00ae\u00e9ng c\u00f1a T\u00d8nh \u00f1y")
    c.showPage()
    c.save()
    path.write_bytes(path.read_bytes().replace(b"DejaVuSans", b".VnTimeABC"))  # the font's name, same length
    src = read_document(path)
    assert src.blocks[0].text == "Chương trình hành động của Tỉnh ủy" and src.source.encoding == "tcvn3"


def test_compound_hyphen_at_a_line_end_is_kept(tmp_path) -> None:
    lines = [
        "Các sở, ngành phối hợp thúc đẩy phát triển kinh tế-",
        "xã hội bền vững, bảo đảm quốc phòng, an ninh trên địa bàn.",
    ]
    doc = normalize_document(read_document(justified_lines_pdf(tmp_path / "c.pdf", lines)))
    assert "kinh tế-xã hội bền vững" in doc.text


def test_landscape_appendix_pages_have_their_own_margins(tmp_path) -> None:
    """Portrait body pages and a landscape appendix: wrapped lines on either
    kind of page are joined, and each short last line ends its paragraph."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph

    from readers_docs import LONG, _fonts

    _fonts()
    body = ParagraphStyle("b", fontName="DejaVuSans", fontSize=11, leading=15, alignment=TA_JUSTIFY, firstLineIndent=28)
    doc = BaseDocTemplate(str(tmp_path / "mixed.pdf"), pagesize=A4)
    doc.addPageTemplates([
        PageTemplate("portrait", [Frame(70, 70, A4[0] - 140, A4[1] - 140)], pagesize=A4),
        PageTemplate("landscape", [Frame(70, 70, A4[1] - 140, A4[0] - 140)], pagesize=landscape(A4)),
    ])
    story = [Paragraph(LONG, body), Paragraph(LONG, body), NextPageTemplate("landscape"), PageBreak(),
             Paragraph("PHỤ LỤC: " + LONG, body), Paragraph(LONG, body)]
    doc.build(story)
    src = read_document(tmp_path / "mixed.pdf")
    # the reader itself rebuilds them (not only normalisation's safety net)
    assert [b.text for b in src.blocks] == [LONG, LONG, "PHỤ LỤC: " + LONG, LONG]


def _no_tesseract(monkeypatch) -> None:
    """Tesseract made unreachable, as on a machine without it."""
    import pytesseract

    from directive_nlp.ingest import ocr

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    ocr._check_tesseract.cache_clear()
    monkeypatch.setattr(ocr, "_check_tesseract", ocr._check_tesseract.__wrapped__)  # nothing cached for later tests


def test_ocr_always_without_tesseract_says_so(plan_pdf, monkeypatch) -> None:
    _no_tesseract(monkeypatch)
    with pytest.raises(OCRUnavailableError, match="--ocr always"):
        read_document(plan_pdf, ocr="always")
