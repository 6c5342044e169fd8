"""Build the assignment-table test document as a real DOCX (python-docx) and PDF (reportlab).

Same content as tests/documents/kehoach_assignment_table.md, with the lead and
partner cells of rows 1-2 vertically merged (one "Sở Nông nghiệp và Môi
trường" cell spanning both rows), the way such plans are typed in Word.
"""

from __future__ import annotations

from pathlib import Path

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

TITLE = ["ỦY BAN NHÂN DÂN TỈNH BẮC GIANG SƠN", "KẾ HOẠCH", "Phòng, chống dịch bệnh trên đàn gia súc năm 2026"]
BEFORE = [
    ("h", "I. MỤC TIÊU"),
    ("p", "Không để dịch bệnh lây lan diện rộng; tỷ lệ tiêm phòng đạt trên 80% tổng đàn."),
    ("h", "II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN"),
    ("p", "Các nhiệm vụ cụ thể được phân công theo bảng sau:"),
]
HEADER = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
ROWS = [
    ["1", "Tổ chức tiêm phòng vắc xin lở mồm long móng đợt 1", "Sở Nông nghiệp và Môi trường",
     "Ủy ban nhân dân các xã, phường", "Tháng 4/2026"],
    ["2", "Tổ chức tiêm phòng vắc xin lở mồm long móng đợt 2", None, None, "Tháng 10/2026"],  # merged with row 1
    ["3", "Kiểm soát vận chuyển gia súc qua các chốt kiểm dịch", "Công an tỉnh", "Sở Nông nghiệp và Môi trường",
     "Thường xuyên"],
    ["4", "Bố trí kinh phí mua vắc xin và hóa chất khử trùng", "Sở Tài chính", "", "Trước ngày 31/3/2026"],
    ["5", "Tuyên truyền cho người chăn nuôi về biện pháp an toàn sinh học", "Đài Phát thanh và Truyền hình tỉnh",
     "Hội Nông dân tỉnh", "Hằng quý"],
]
AFTER = [
    ("h", "III. TỔ CHỨC THỰC HIỆN"),
    ("p", "Sở Nông nghiệp và Môi trường theo dõi, đôn đốc các đơn vị thực hiện Kế hoạch; tổng hợp, báo cáo "
          "Ủy ban nhân dân tỉnh trước ngày 15/12/2026."),
]


def make_docx(path: Path) -> Path:
    from docx import Document

    d = Document()
    for t in TITLE:
        d.add_paragraph(t).runs[0].bold = True
    for kind, text in BEFORE:
        p = d.add_paragraph(text)
        if kind == "h":
            p.runs[0].bold = True
    table = d.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    table.style = "Table Grid"
    for j, h in enumerate(HEADER):
        table.cell(0, j).text = h
    for i, row in enumerate(ROWS, 1):
        for j, val in enumerate(row):
            if val is not None:
                table.cell(i, j).text = val
    for col in (2, 3):  # vertical merge of rows 1-2 in the lead and partner columns
        table.cell(1, col).merge(table.cell(2, col))
        table.cell(1, col).text = ROWS[0][col]
    for kind, text in AFTER:
        p = d.add_paragraph(text)
        if kind == "h":
            p.runs[0].bold = True
    d.save(str(path))
    return path


def make_pdf(path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    body = ParagraphStyle("b", fontName="DejaVuSans", fontSize=11, leading=15)
    cell = ParagraphStyle("c", fontName="DejaVuSans", fontSize=9, leading=11)
    story = [Paragraph(t, body) for t in TITLE] + [Spacer(1, 8)]
    for _, text in BEFORE:
        story.append(Paragraph(text, body))
    data = [[Paragraph(h, cell) for h in HEADER]]
    for row in ROWS:
        data.append([Paragraph(v or "", cell) for v in row])
    t = Table(data, colWidths=[25, 170, 110, 110, 70])
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("SPAN", (2, 1), (2, 2)),
        ("SPAN", (3, 1), (3, 2)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    story += [t, Spacer(1, 8)]
    for _, text in AFTER:
        story.append(Paragraph(text, body))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path
