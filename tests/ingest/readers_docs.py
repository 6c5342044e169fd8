"""Documents made in the tests: a real PDF writer (reportlab, DejaVu fonts)
and python-docx, with our own Vietnamese text (not taken from any corpus).

The plan is a four-part "Kế hoạch" of a fictional provincial People's
Committee: a centred bold title, justified paragraphs with a first-line
indent, numbered headings, a paragraph that runs over a page break, a running
header and page numbers on every page, and an assignment table (STT / Nội
dung / Cơ quan chủ trì / Cơ quan phối hợp / Thời gian hoàn thành) with a
merged "chủ trì" cell and a group row spanning the table.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

TITLE = "KẾ HOẠCH"
SUBTITLE = "Triển khai số hóa hồ sơ, tài liệu lưu trữ của các cơ quan nhà nước tỉnh năm 2026"
RUNNING_HEADER = "Ủy ban nhân dân tỉnh Yên Sơn - Kế hoạch số 27/KH-UBND"

INTRO = (
    "Căn cứ Luật Lưu trữ ngày 21 tháng 6 năm 2024 và các văn bản hướng dẫn thi hành; để từng bước hiện đại hóa "
    "công tác văn thư, lưu trữ, Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai số hóa hồ sơ, tài liệu lưu trữ "
    "của các cơ quan nhà nước trên địa bàn tỉnh năm 2026 với những nội dung sau đây:"
)
PURPOSE = [
    "- Số hóa toàn bộ hồ sơ, tài liệu lưu trữ có giá trị sử dụng thường xuyên của các sở, ban, ngành, bảo đảm "
    "tra cứu nhanh chóng, chính xác và an toàn thông tin.",
    "- Hình thành cơ sở dữ liệu tài liệu lưu trữ điện tử của tỉnh, kết nối với hệ thống quản lý văn bản và điều "
    "hành, phục vụ người dân và doanh nghiệp.",
]
REQUIREMENTS = [
    "- Việc số hóa phải tuân thủ đúng quy trình nghiệp vụ, không làm hư hỏng bản gốc; dữ liệu sau số hóa được "
    "kiểm tra, nghiệm thu trước khi đưa vào khai thác.",
    "- Các cơ quan, đơn vị bố trí đủ nhân lực, kinh phí và phối hợp chặt chẽ trong quá trình thực hiện.",
]
# long enough to run over the first page break (the fixture checks that it does)
LONG = (
    "Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố rà soát, thống kê "
    "khối lượng hồ sơ, tài liệu đang bảo quản tại kho lưu trữ cơ quan và Kho Lưu trữ lịch sử tỉnh; phân loại tài "
    "liệu theo mức độ sử dụng, tình trạng vật lý và thời hạn bảo quản; xác định danh mục tài liệu cần số hóa trước "
    "theo thứ tự ưu tiên, trong đó ưu tiên hồ sơ địa chính, hồ sơ xây dựng cơ bản, hồ sơ nhân sự và tài liệu có "
    "giá trị lịch sử đặc biệt; xây dựng dự toán kinh phí chi tiết cho từng năm, trình Ủy ban nhân dân tỉnh phê "
    "duyệt; hướng dẫn các đơn vị về tiêu chuẩn kỹ thuật của bản số hóa, định dạng tệp, độ phân giải, siêu dữ liệu "
    "kèm theo và cách đặt tên tệp để bảo đảm thống nhất trong toàn tỉnh; tổ chức tập huấn cho đội ngũ công chức "
    "làm công tác văn thư, lưu trữ về quy trình số hóa, kiểm tra chất lượng và quản lý dữ liệu sau số hóa; theo "
    "dõi, đôn đốc, tổng hợp tình hình thực hiện của các cơ quan, đơn vị và báo cáo Ủy ban nhân dân tỉnh định kỳ "
    "sáu tháng một lần."
)
AFTER_LONG = (
    "Sở Khoa học và Công nghệ bảo đảm hạ tầng máy chủ, đường truyền và an toàn thông tin cho cơ sở dữ liệu tài liệu "
    "lưu trữ điện tử của tỉnh."
)
TABLE_HEADER = ["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
TABLE_ROWS = [
    ["I", "Nhiệm vụ chuẩn bị", "", "", ""],  # a group row spanning the table
    ["1", "Thống kê khối lượng tài liệu cần số hóa", "Sở Nội vụ", "Các sở, ban, ngành", "Tháng 3/2026"],
    ["2", "Ban hành hướng dẫn kỹ thuật số hóa", "", "Sở Khoa học và Công nghệ", "Tháng 4/2026"],  # chủ trì merged with the row above
    ["3", "Nâng cấp máy chủ lưu trữ dữ liệu", "Sở Khoa học và Công nghệ", "Sở Tài chính", "Quý III/2026"],
]
CLOSING = (
    "Giám đốc các sở, Thủ trưởng các ban, ngành và Chủ tịch Ủy ban nhân dân các huyện, thành phố triển khai thực "
    "hiện nghiêm túc Kế hoạch này; báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 12 năm 2026."
)


def _fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from reportlab.lib.fonts import addMapping

    # each font on its own: another test may have registered the regular face alone
    registered = pdfmetrics.getRegisteredFontNames()
    for name, path in (("DejaVuSans", FONT), ("DejaVuSans-Bold", FONT_BOLD)):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, path))
    addMapping("DejaVuSans", 0, 0, "DejaVuSans")
    addMapping("DejaVuSans", 1, 0, "DejaVuSans-Bold")


def build_plan_pdf(path: Path, *, spacer: float = 250) -> Path:
    """The plan as a 2-3 page A4 PDF (see module docstring)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _fonts()
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=11, leading=15, alignment=TA_JUSTIFY,
                          firstLineIndent=1 * cm, spaceAfter=4)
    head = ParagraphStyle("head", parent=body, fontName="DejaVuSans-Bold", firstLineIndent=1 * cm, spaceBefore=6)
    title = ParagraphStyle("title", parent=body, fontName="DejaVuSans-Bold", fontSize=13, alignment=TA_CENTER,
                           firstLineIndent=0)
    sub = ParagraphStyle("sub", parent=title, fontSize=11, fontName="DejaVuSans")
    cell = ParagraphStyle("cell", fontName="DejaVuSans", fontSize=9.5, leading=12)
    cellb = ParagraphStyle("cellb", parent=cell, fontName="DejaVuSans-Bold")

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("DejaVuSans", 8)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 1.2 * cm, RUNNING_HEADER)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, str(doc.page))
        canvas.restoreState()

    story = [
        Paragraph(TITLE, title),
        Paragraph(SUBTITLE, sub),
        Spacer(1, 10),
        Paragraph(INTRO, body),
        Paragraph("I. MỤC ĐÍCH, YÊU CẦU", head),
        Paragraph("1. Mục đích", head),
        *[Paragraph(t, body) for t in PURPOSE],
        Paragraph("2. Yêu cầu", head),
        *[Paragraph(t, body) for t in REQUIREMENTS],
        Spacer(1, spacer),
        Paragraph("II. NHIỆM VỤ CỤ THỂ", head),
        Paragraph(LONG, body),
        Paragraph(AFTER_LONG, body),
        Paragraph("III. PHÂN CÔNG THỰC HIỆN", head),
    ]
    data = [[Paragraph(h, cellb) for h in TABLE_HEADER]] + [
        [Paragraph(c, cellb if r[0] == "I" else cell) for c in r] for r in TABLE_ROWS
    ]
    table = Table(data, colWidths=[1.3 * cm, 5.0 * cm, 3.4 * cm, 3.4 * cm, 2.9 * cm], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("SPAN", (1, 1), (-1, 1)),  # group row
        ("SPAN", (2, 2), (2, 3)),  # Sở Nội vụ leads rows 1 and 2
    ]))
    story += [table, Spacer(1, 8), Paragraph("IV. TỔ CHỨC THỰC HIỆN", head), Paragraph(CLOSING, body)]
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2.5 * cm, rightMargin=2 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm, title="Kế hoạch")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return path


def page_texts(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    finally:
        pdf.close()


def justified_lines_pdf(path: Path, lines: list[str], *, size: float = 11) -> Path:
    """One page whose lines are set exactly as given, justified (word spacing
    stretched to the widest line), the first line indented; the last line and
    lines ending in "¶" (a paragraph's last line; the mark is not printed) are
    left as they are: a test bed for hyphenation and paragraph ends."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    _fonts()
    indent = 28
    ends = [l.endswith("¶") for l in lines]
    lines = [l.rstrip("¶") for l in lines]
    width = max(stringWidth(l, "DejaVuSans", size) + (indent if i == 0 else 0) for i, l in enumerate(lines))
    c = canvas.Canvas(str(path))
    x0, y = 70, 700
    for i, line in enumerate(lines):
        shift = indent if i == 0 else 0
        t = c.beginText(x0 + shift, y)
        t.setFont("DejaVuSans", size)
        gaps = line.count(" ")
        last = i == len(lines) - 1 or ends[i]
        spacing = (width - shift - stringWidth(line, "DejaVuSans", size)) / gaps if gaps and not last else 0
        t.setWordSpace(spacing)
        t.textLine(line)
        c.drawText(t)
        y -= size * 1.4
    c.showPage()
    c.save()
    return path


def scanned_pdf(path: Path) -> Path:
    """A PDF page that is only a picture of text (no text layer)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("RGB", (600, 200), "white")
    ImageDraw.Draw(img).text((20, 80), "KE HOACH SO HOA TAI LIEU", fill="black")
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(img), 50, 500, width=500, height=160)
    c.showPage()
    c.save()
    return path


def simple_pdf(path: Path, pages: list[str], *, encrypt: str | None = None) -> Path:
    """A PDF with one short Vietnamese paragraph per page."""
    from reportlab.pdfgen import canvas

    _fonts()
    c = canvas.Canvas(str(path), encrypt=encrypt)
    for text in pages:
        c.setFont("DejaVuSans", 11)
        c.drawString(80, 600, text)
        c.showPage()
    c.save()
    return path


def build_plan_docx(path: Path) -> Path:
    """The plan as DOCX: heading styles, a bold line, a centred title, and the
    assignment table with a horizontally merged group row and a vertically
    merged "chủ trì" cell (python-docx writes gridSpan and vMerge)."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()
    t = d.add_paragraph()
    t.add_run(TITLE).bold = True
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    s = d.add_paragraph(SUBTITLE)
    s.alignment = WD_ALIGN_PARAGRAPH.CENTER
    d.add_paragraph(INTRO)
    d.add_heading("I. MỤC ĐÍCH, YÊU CẦU", level=1)
    p = d.add_paragraph()
    p.add_run("1. Mục đích").bold = True
    for x in PURPOSE:
        d.add_paragraph(x)
    d.add_heading("2. Yêu cầu", level=2)
    for x in REQUIREMENTS:
        d.add_paragraph(x)
    d.add_heading("II. NHIỆM VỤ CỤ THỂ", level=1)
    mixed = d.add_paragraph()
    mixed.add_run("Sở Nội vụ").bold = True
    mixed.add_run(LONG[len("Sở Nội vụ"):])
    d.add_paragraph(AFTER_LONG)
    d.add_heading("III. PHÂN CÔNG THỰC HIỆN", level=1)
    table = d.add_table(rows=1 + len(TABLE_ROWS), cols=5)
    table.style = "Table Grid"
    for ci, h in enumerate(TABLE_HEADER):
        table.cell(0, ci).paragraphs[0].add_run(h).bold = True
    for ri, row in enumerate(TABLE_ROWS, start=1):
        for ci, text in enumerate(row):
            if text:
                table.cell(ri, ci).text = text
    table.cell(1, 1).merge(table.cell(1, 4))  # group row: gridSpan
    table.cell(2, 2).merge(table.cell(3, 2))  # "Sở Nội vụ" leads rows 1 and 2: vMerge
    d.add_heading("IV. TỔ CHỨC THỰC HIỆN", level=1)
    d.add_paragraph(CLOSING)
    d.save(str(path))
    return path


def docx_bytes(build) -> bytes:
    import docx

    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# -- fixtures (imported by the test modules; no conftest.py here, so this
# folder adds nothing to the shared ``conftest`` module name) --


@pytest.fixture(scope="session")
def plan_pdf(tmp_path_factory) -> Path:
    path = build_plan_pdf(tmp_path_factory.mktemp("pdf") / "ke_hoach.pdf")
    pages = page_texts(path)
    # the test is only meaningful if LONG really runs over the page break
    assert LONG[:40] in pages[0] and "sáu tháng một lần" in pages[1], "adjust the spacer"
    return path


@pytest.fixture(scope="session")
def plan_docx(tmp_path_factory) -> Path:
    return build_plan_docx(tmp_path_factory.mktemp("docx") / "ke_hoach.docx")


