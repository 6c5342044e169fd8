"""The layout of a scanned page rebuilt from Tesseract's boxes (issue 15, "Scanned documents").

Unit tests feed :func:`rebuild_page` the word table ``pytesseract.image_to_data``
gives (made here, so they run without Tesseract); the end-to-end test draws a
plan page with Pillow, saves it as an image-only PDF, and checks that OCR
gives the same headings, items, table rows and tasks as the born-digital PDF
of the same text written with reportlab.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from directive_nlp.ingest import ocr
from directive_nlp.ingest.ocr_layout import join_pages, rebuild_page, repair_numbering, roman_value, to_roman
from directive_nlp.models import Block

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CHAR, SPACE, HEIGHT = 22, 18, 44  # pixel sizes of the made-up word boxes (300 dpi)
PAGE = (2480, 3508)
BODY_LEFT, INDENT, RIGHT = 350, 470, 2140

needs_tesseract = pytest.mark.skipif(  # a string: asked when a test runs, not at collection
    'ocr.tesseract_available("vie") is not None', reason="Tesseract with the Vietnamese model is not installed"
)


def tess(lines: list[tuple[tuple[int, int], int, int, str]]) -> dict:
    """An image_to_data dict: each line is ((block, par), x, y, text); words
    get boxes of CHAR pixels a letter, SPACE between them. Tesseract's line
    numbers count up inside each (block, par)."""
    d: dict[str, list] = {k: [] for k in ("text", "conf", "block_num", "par_num", "line_num", "left", "top", "width", "height")}
    seen: dict[tuple[int, int], int] = {}
    for (block, par), x, y, text in lines:
        seen[(block, par)] = seen.get((block, par), 0) + 1
        words = text.split(" ")
        natural = x + CHAR * len(text.replace(" ", "")) + SPACE * (len(words) - 1)
        # a line longer than two thirds of the body is justified to the right margin
        stretch = (RIGHT - natural) / (len(words) - 1) if natural > x + 0.66 * (RIGHT - BODY_LEFT) and len(words) > 1 else 0
        for word in words:
            if word == "":
                x += SPACE * 4
                continue
            w = CHAR * len(word)
            for k, v in (("text", word), ("conf", 95), ("block_num", block), ("par_num", par),
                         ("line_num", seen[(block, par)]), ("left", x), ("top", y), ("width", w), ("height", HEIGHT)):
                d[k].append(v)
            x += w + SPACE + stretch
    return d


def texts(blocks: list[Block]) -> list[str]:
    return [" | ".join(b.cells) if b.kind == "table_row" else b.text for b in blocks]




def test_heading_and_items_run_together_by_tesseract_come_apart():
    lines = [
        ((1, 1), INDENT, 300, "I. MỤC ĐÍCH, YÊU CẦU"),
        ((1, 1), INDENT, 370, "1. Mục đích"),
        ((1, 1), INDENT, 440, "a) Xác định cụ thể nội dung công việc, tiến độ, thời hạn hoàn thành, phân"),
        ((1, 1), BODY_LEFT, 510, "công và trách nhiệm của các cơ quan trong việc tổ chức thi hành Luật Việc làm"),
        ((1, 1), BODY_LEFT, 580, "bảo đảm kịp thời, toàn diện."),
        ((1, 1), INDENT, 650, "b) Thiết lập cơ chế phối hợp chặt chẽ giữa các sở, ban, ngành thuộc Ủy ban"),
        ((1, 1), BODY_LEFT, 720, "nhân dân tỉnh trong việc thực hiện các hoạt động phát triển kinh tế"),
        ((1, 1), BODY_LEFT, 790, "- xã hội và các cơ quan liên quan."),
    ]
    got = texts(rebuild_page(tess(lines), 1, 72 / 300, PAGE))
    assert got[0] == "I. MỤC ĐÍCH, YÊU CẦU"
    assert got[1] == "1. Mục đích"
    assert got[2].startswith("a) Xác định") and got[2].endswith("bảo đảm kịp thời, toàn diện.")
    # a wrapped line that happens to start with "-" continues its paragraph
    assert got[3].startswith("b) Thiết lập") and got[3].endswith("- xã hội và các cơ quan liên quan.")
    assert len(got) == 4


def test_two_column_header_becomes_one_row_with_two_cells():
    lines = [
        ((1, 1), 420, 200, "ỦY BAN NHÂN DÂN"), ((2, 1), 1350, 200, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"),
        ((1, 1), 440, 262, "TỈNH HÀ TĨNH"), ((2, 1), 1450, 262, "VIỆT NAM"),
        ((2, 1), 1380, 324, "Độc lập - Tự do - Hạnh phúc"),
        ((3, 1), 420, 400, "Số: 624/KH-UBND"), ((4, 1), 1400, 400, "Hà Tĩnh, ngày 17 tháng"),
        ((4, 1), 1450, 462, "11 năm 2025"),
        ((5, 1), 1000, 600, "KẾ HOẠCH"),
    ]
    blocks = rebuild_page(tess(lines), 1, 72 / 300, PAGE)
    assert blocks[0].kind == "table_row" and len(blocks[0].cells) == 2
    assert blocks[0].cells[0] == "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH Số: 624/KH-UBND"
    assert blocks[0].cells[1].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập")
    assert blocks[0].cells[1].endswith("Hà Tĩnh, ngày 17 tháng 11 năm 2025")
    # the heading under the header is not a cell
    assert blocks[1].kind == "paragraph" and blocks[1].text == "KẾ HOẠCH"


def _ruled_image(ys: list[int]):
    from PIL import Image, ImageDraw

    img = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(img)
    for y in ys:
        draw.line([(340, y), (2150, y)], fill=0, width=3)
    return img


def test_ruled_table_rows_are_cut_at_the_rules():
    lines = [
        ((1, 1), 360, 1000, "TT"), ((2, 1), 500, 1000, "Nhiệm vụ"), ((3, 1), 1500, 1000, "Cơ quan chủ trì"),
        ((4, 1), 360, 1080, "1"), ((5, 1), 500, 1080, "Rà soát hồ sơ đất rừng"), ((6, 1), 1500, 1080, "Sở Nông nghiệp"),
        ((5, 1), 500, 1140, "trên địa bàn tỉnh"), ((6, 1), 1500, 1140, "và Môi trường"),
        ((7, 1), 360, 1220, "2"), ((8, 1), 500, 1220, "Kiểm tra việc thực hiện"), ((9, 1), 1500, 1220, "Công an tỉnh"),
    ]
    img = _ruled_image([980, 1060, 1200, 1290])
    blocks = rebuild_page(tess(lines), 1, 72 / 300, PAGE, img)
    rows = [b for b in blocks if b.kind == "table_row"]
    assert [r.cells for r in rows] == [
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì"],
        ["1", "Rà soát hồ sơ đất rừng trên địa bàn tỉnh", "Sở Nông nghiệp và Môi trường"],
        ["2", "Kiểm tra việc thực hiện", "Công an tỉnh"],
    ]
    assert len({r.table_id for r in rows}) == 1


def _grid_image(xs: list[int], ys: list[int]):
    from PIL import Image, ImageDraw

    img = Image.new("L", PAGE, 255)
    draw = ImageDraw.Draw(img)
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=3)
    for x in xs:
        draw.line([(x, ys[0]), (x, ys[-1])], fill=0, width=3)
    return img


def test_ruled_table_keeps_its_columns_when_a_column_was_not_read():
    """Cells come from the rules: the "TT" column OCR did not read stays an
    empty first cell, and cell lines that Tesseract scattered come together."""
    xs, ys = [340, 480, 1400, 2150], [900, 980, 1200, 1300]
    lines = [
        ((2, 1), 500, 915, "Nhiệm vụ"), ((3, 1), 1420, 915, "Cơ quan chủ trì"),
        ((5, 1), 500, 1000, "Rà soát hồ sơ"), ((6, 1), 1420, 1000, "Sở Nông nghiệp"),
        ((7, 1), 500, 1060, "đất rừng trên"), ((8, 1), 1420, 1060, "và Môi trường"),
        ((9, 1), 500, 1120, "địa bàn tỉnh"),
        ((10, 1), 500, 1220, "Kiểm tra"), ((11, 1), 1420, 1220, "Công an tỉnh"),
        ((12, 1), INDENT, 1400, "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước"),
    ]
    blocks = rebuild_page(tess(lines), 1, 72 / 300, PAGE, _grid_image(xs, ys))
    rows = [b.cells for b in blocks if b.kind == "table_row"]
    assert rows == [
        ["", "Nhiệm vụ", "Cơ quan chủ trì"],
        ["", "Rà soát hồ sơ đất rừng trên địa bàn tỉnh", "Sở Nông nghiệp và Môi trường"],
        ["", "Kiểm tra", "Công an tỉnh"],
    ]
    assert blocks[-1].kind == "paragraph" and blocks[-1].text.startswith("Kinh phí")


def test_page_breaks_are_mended():
    def row(tid, k, cells):
        return Block(kind="table_row", text=" | ".join(cells), cells=cells, table_id=tid, row_index=k)

    head = ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Thời gian thực hiện"]
    p1 = [Block(text="Các sở, ngành thực hiện nhiệm vụ sau"), row(1000, 0, head),
          row(1000, 1, ["1", "Rà soát hồ sơ đất rừng trên", "Sở Nông nghiệp", "Quý I"])]
    p2 = [row(2000, 0, head), row(2000, 1, ["", "địa bàn tỉnh", "và Môi trường", ""]),
          row(2000, 2, ["2", "Kiểm tra", "Công an tỉnh", "Năm 2026"]),
          Block(text="Kinh phí do ngân sách tỉnh bảo đảm và")]
    p3 = [Block(text="các nguồn hợp pháp khác."), Block(text="Đây là câu mới.")]
    pages = {1: p1, 2: p2, 3: p3}
    join_pages(pages)
    assert p1[1].is_header_row and p1[2].header == head
    assert p1[2].cells == ["1", "Rà soát hồ sơ đất rừng trên địa bàn tỉnh", "Sở Nông nghiệp và Môi trường", "Quý I"]
    # the repeated header row is dropped, the next row joins table 1000 with its header
    assert [(b.table_id, b.row_index, b.cells[0]) for b in pages[2] if b.kind == "table_row"] == [(1000, 2, "2")]
    assert pages[2][-1].text == "Kinh phí do ngân sách tỉnh bảo đảm và các nguồn hợp pháp khác."
    assert [b.text for b in pages[3]] == ["Đây là câu mới."]
    # negative: a new table with other columns, a page that starts a new sentence
    q1 = [row(1000, 0, head), Block(text="Hết trang.")]
    q2 = [Block(text="Trang mới."), row(2000, 0, ["a", "b"])]
    join_pages({1: q1, 2: q2})
    assert q2[0].text == "Trang mới." and q2[1].table_id == 2000


def test_page_number_alone_at_the_top_is_dropped_but_a_short_body_line_is_kept():
    lines = [((1, 1), 1220, 120, "2"), ((2, 1), INDENT, 400, "3. Kinh phí"),
             ((3, 1), INDENT, 470, "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước"),
             ((3, 1), BODY_LEFT, 540, "hằng năm theo quy định."), ((4, 1), 1220, 700, "Ký")]
    got = texts(rebuild_page(tess(lines), 2, 72 / 300, PAGE))
    assert got == ["3. Kinh phí", "Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước hằng năm theo quy định.", "Ký"]


def _paras(*ts: str) -> list[Block]:
    return [Block(text=t) for t in ts]


def test_numbering_misread_by_ocr_is_repaired_from_the_sequence():
    blocks = _paras("I. MỤC ĐÍCH", "1. Mục đích", "2. Yêu cầu", "II. MỤC TIÊU", "1. Một", "2. Hai", "3. Ba",
                    "4. Bốn", "3. Năm", "II. NHIỆM VỤ", "1. Rà soát", "IV. TỔ CHỨC THỰC HIỆN")
    got = [b.text for b in repair_numbering(blocks)]
    assert got[8] == "5. Năm"  # "3." after "4." was "5." misread
    assert got[9] == "III. NHIỆM VỤ"  # a second "II." between "II." and "IV."
    assert got[:8] == ["I. MỤC ĐÍCH", "1. Mục đích", "2. Yêu cầu", "II. MỤC TIÊU", "1. Một", "2. Hai", "3. Ba", "4. Bốn"]


def test_numbering_that_restarts_or_jumps_without_evidence_is_left_alone():
    blocks = _paras("I. A", "1. x", "2. y", "1. restart", "2. z", "5. a jump", "III. B", "V. C")
    assert [b.text for b in repair_numbering(blocks)] == ["I. A", "1. x", "2. y", "1. restart", "2. z", "5. a jump", "III. B", "V. C"]
    # the last part numbered like the one before: nothing confirms a misreading
    assert [b.text for b in repair_numbering(_paras("I. A", "II. B", "III. C", "IV. D", "IV. E"))][-1] == "IV. E"
    # "I." then "II." then "IV.": the second "I." was "II." and the "II." was "III."
    assert [b.text for b in repair_numbering(_paras("I. A", "I. B", "II. C", "IV. D"))] == ["I. A", "II. B", "III. C", "IV. D"]
    table = Block(kind="table_row", text="3 | x", cells=["3", "x"])
    assert repair_numbering([*_paras("1. a", "2. b"), table])[-1].text == "3 | x"


def test_roman_numerals_round_trip():
    assert [roman_value(to_roman(n)) for n in range(1, 40)] == list(range(1, 40))
    assert roman_value("IIII") is None and roman_value("IL") is None and roman_value("H") is None


# --------------------------------------------------------------------------
# End to end: a scanned page against its born-digital twin
# --------------------------------------------------------------------------

PLAN = [
    ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("TỈNH HÀ TĨNH", "Độc lập - Tự do - Hạnh phúc"),
    ("Số: 624/KH-UBND", "Hà Tĩnh, ngày 17 tháng 11 năm 2025"),
    "KẾ HOẠCH",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Triển khai kịp thời, đồng bộ các nhiệm vụ về chuyển đổi số trên địa bàn tỉnh.",
    "II. NHIỆM VỤ CỤ THỂ",
    "1. Sở Khoa học và Công nghệ chủ trì xây dựng kế hoạch chuyển đổi số,",
    "hoàn thành trước ngày 31/12/2025.",
    "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch, hoàn thành trong",
    "tháng 6 năm 2026.",
    "3. Công an tỉnh bảo đảm an ninh mạng cho các hệ thống thông tin.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Ủy ban nhân dân các xã, phường báo cáo kết quả trước ngày 15/12 hằng năm.",
]


def _draw_plan(draw, font, left: int, scale: float, y0: int) -> None:
    """Lay PLAN out at ``scale`` pixels per point from the top-left ``left``, ``y0``."""
    y = y0
    for item in PLAN:
        if isinstance(item, tuple):
            draw(left, y, item[0], font)
            draw(left + 260 * scale, y, item[1], font)
        elif item.startswith(("1.", "2.", "3.", "Triển", "Ủy")):
            draw(left + 28 * scale, y, item, font)
        else:
            draw(left + (28 * scale if item[0].isupper() and not item.startswith(("hoàn", "tháng")) else 0), y, item, font)
        y += 22 * scale


def _born_digital(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DV", FONT))
    c = canvas.Canvas(str(path), pagesize=A4)
    h = A4[1]

    def draw(x, y, text, font):
        c.setFont("DV", 11)
        c.drawString(x, h - y, text)

    _draw_plan(draw, None, 60, 1.0, 70)
    c.showPage()
    c.save()
    return path


def _scanned(path: Path) -> Path:
    from PIL import Image, ImageDraw, ImageFont

    dpi = 200
    s = dpi / 72
    img = Image.new("L", (int(595 * s), int(842 * s)), 255)
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, int(11 * s))

    def draw(x, y, text, f):
        d.text((x, y - 9 * s), text, font=font, fill=0)

    _draw_plan(draw, font, int(60 * s), s, int(70 * s))
    img.save(path, "PDF", resolution=dpi)
    return path


@needs_tesseract
def test_scanned_plan_gives_the_tasks_of_its_born_digital_twin(tmp_path):
    from directive_nlp.pipeline import extract

    digital = extract(_born_digital(tmp_path / "plan.pdf"))
    scan = extract(_scanned(tmp_path / "plan.scan.pdf"))
    assert scan.source.ocr_pages == [1]
    headings = [s.heading for s in scan.sections if s.level == 1]
    assert [h.split()[0] for h in headings if h] == ["MỤC", "NHIỆM", "TỔ"]
    assert len(scan.tasks) == len(digital.tasks) >= 4
    lead = lambda r: sorted(a.name for t in r.tasks for a in t.agencies if a.role == "lead")  # noqa: E731
    assert lead(scan) == lead(digital)
    assert (scan.document.number, scan.document.issued_date) == ("624/KH-UBND", "2025-11-17")
    assert scan.document.issuer == "Ủy ban nhân dân tỉnh Hà Tĩnh"
