"""A table flattened line by line in a text copied out of a PDF (issue 12): a PDF viewer's
copy joins the words of one printed line across every cell ("1 Tổ chức Ban Quản Sở Khoa
Quý III"); the text reader rebuilds the rows (ingest/text_table.py) so that the table reader
takes over, as from the Markdown or DOCX rendering. The PDFs are written with reportlab's
table (cells wrapped in narrow columns) and read back with pdfplumber."""

from __future__ import annotations

from pathlib import Path

import pytest

from directive_nlp.ingest import read_document
from directive_nlp.ingest.text_table import flattened_tables, word_width
from directive_nlp.pipeline import extract

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"

PROSE = (
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch rà soát quy hoạch chi tiết các khu công nghiệp, "
    "giao Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, Sở Nông nghiệp và Môi trường, Ủy ban "
    "nhân dân các xã, phường thực hiện các nhiệm vụ sau đây, hoàn thành trong Quý II năm 2026; "
    "Sở Khoa học và Công nghệ hướng dẫn chuyển đổi số trong các khu công nghiệp, cụm công nghiệp."
)
HEADER = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
ROWS = [
    ["1", "Rà soát quy hoạch chi tiết các khu công nghiệp, cụm công nghiệp", "Sở Xây dựng",
     "Sở Tài chính; Ủy ban nhân dân các xã, phường", "Quý II năm 2026"],
    ["2", "Xây dựng kế hoạch chuyển đổi số trong các khu công nghiệp", "Sở Khoa học và Công nghệ",
     "Sở Xây dựng, Sở Tài chính", "Năm 2026"],
    ["3", "Hướng dẫn thực hiện các nhiệm vụ về môi trường trong các khu công nghiệp",
     "Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các xã, phường", "Thường xuyên"],
]


def _fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if not (Path(FONT).exists() and Path(BOLD).exists()):
        pytest.skip("DejaVu Serif is not installed")
    pdfmetrics.registerFont(TTFont("DVS", FONT))
    pdfmetrics.registerFont(TTFont("DVSB", BOLD))


def _pdf_copy(path: Path, story_rows=None, prose=(PROSE,)) -> str:
    """A page with a paragraph of prose and a table of narrow columns (reportlab's platypus), and
    its text as pdfplumber's ``extract_text`` gives it."""
    pdfplumber = pytest.importorskip("pdfplumber")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    _fonts()
    body = ParagraphStyle("b", fontName="DVS", fontSize=11, leading=14)
    head = ParagraphStyle("h", fontName="DVSB", fontSize=11, leading=14)
    rows = story_rows if story_rows is not None else ROWS
    data = [[Paragraph(c, head) for c in HEADER]] + [[Paragraph(c, body) for c in r] for r in rows]
    story = [Paragraph(p, body) for p in prose] + [Table(data, colWidths=[34, 130, 80, 90, 70],
                                                 style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    with pdfplumber.open(path) as pdf:
        return "\n\f".join(page.extract_text() or "" for page in pdf.pages) + "\n"


def test_a_flattened_table_gets_its_rows_back_cell_by_cell(tmp_path):
    text = _pdf_copy(tmp_path / "plan.pdf")
    assert "1 Rà soát quy hoạch Sở Xây" in text  # the copy interleaves the cells
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    src = read_document(path)
    rows = [b for b in src.blocks if b.kind == "table_row"]
    assert rows[0].is_header_row and rows[0].cells == HEADER
    assert [r.cells for r in rows[1:]] == ROWS
    for row in rows:  # every character keeps its offset in the text
        for cell, cmap in zip(row.cells, row.cell_char_maps):
            assert [src.raw_text[i] for i, ch in zip(cmap, cell) if ch != " "] == [ch for ch in cell if ch != " "]
    tasks = extract(path).tasks
    first = next(t for t in tasks if t.task.startswith("Rà soát quy hoạch"))
    assert {a.name for a in first.agencies if a.role == "lead"} == {"Sở Xây dựng"}
    assert first.deadline and first.deadline.date == "2026-06-30"


def test_prose_with_numbers_at_line_starts_is_no_table():
    lines = [
        "TT Nội dung của Kế hoạch gồm các phần sau đây, mỗi phần do\n",
        "các cơ quan chủ trì thực hiện theo thời gian quy định:\n",
        "1 năm sau khi ban hành, các sở tổng kết việc thực hiện Kế hoạch;\n",
        "2 năm sau, Ủy ban nhân dân tỉnh sơ kết và báo cáo Chính phủ theo quy định.\n",
    ]
    assert flattened_tables(lines, set()) == []
    numbered_prose = ["Kế hoạch có các mục tiêu sau:\n", "1 Nâng cao nhận thức của cán bộ\n",
                      "2 Hoàn thiện thể chế về quy hoạch\n", "3 Bảo đảm nguồn lực\n"]
    assert flattened_tables(numbered_prose, set()) == []  # no header naming its columns


def test_a_two_column_header_and_tab_separated_rows_are_left_alone():
    two_columns = [
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
        "TỈNH ĐỒNG THÁP Độc lập - Tự do - Hạnh phúc\n",
        "Số: 552/KH-UBND Đồng Tháp, ngày 19 tháng 11 năm 2025\n",
    ]
    assert flattened_tables(two_columns, set()) == []
    word_copy = ["TT\tNội dung\tCơ quan chủ trì\tThời gian\n", "1\tRà soát\tSở Xây dựng\tNăm 2026\n",
                 "2\tBáo cáo\tSở Tài chính\tNăm 2027\n"]
    assert flattened_tables(word_copy, set()) == []  # Word's copy keeps its cells apart


def test_word_width_reads_vietnamese_letters_by_their_base_letter():
    assert word_width("Sở") == word_width("So")
    assert word_width("Đồng") == word_width("Dong")
    assert word_width("mmm") > word_width("iii")


TOPICS = ["tuyên truyền, phổ biến pháp luật về đất đai", "bồi dưỡng kỹ năng số cho cán bộ, công chức",
          "kiểm tra việc thu, chi ngân sách", "phòng, chống dịch bệnh ở trường học",
          "trợ giúp pháp lý cho người dân vùng sâu", "bình ổn giá mặt hàng thiết yếu dịp Tết"]
LONG_PROSE = tuple(
    f"Năm {2025 + i}, các cơ quan, đơn vị tiếp tục đẩy mạnh công tác {t}; lồng ghép nội dung này vào "
    f"chương trình công tác hằng quý, bố trí đủ nhân lực, kinh phí, sơ kết việc thực hiện vào tháng "
    f"{i + 5} và rút kinh nghiệm những việc còn chậm, còn vướng mắc."
    for i, t in enumerate(TOPICS, start=1))
LONG_ROWS = [[str(i + 1)] + ROWS[i % 3][1:] for i in range(9)]


def test_the_wrap_width_of_the_prose_is_not_lost_to_a_long_flattened_table(tmp_path):
    """A long appendix table flattened line by line has more (short) lines than the prose: the
    width the prose was wrapped at is measured on the lines outside the table, so a wrapped
    paragraph stays one paragraph."""
    text = _pdf_copy(tmp_path / "plan.pdf", LONG_ROWS, prose=(PROSE,) + LONG_PROSE)
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) > 60  # most of them the table's short cell lines
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    src = read_document(path)
    paragraphs = [b.text for b in src.blocks if b.kind != "table_row"]
    for prose in (PROSE,) + LONG_PROSE:
        assert prose in paragraphs
    rows = [b for b in src.blocks if b.kind == "table_row"]
    assert len(rows) == 1 + len(LONG_ROWS)


def test_lines_of_a_list_beside_a_flattened_table_are_not_joined(tmp_path):
    """The negative: with the table left out, short lines of one item each (no wrap width) stay
    apart."""
    from directive_nlp.ingest.text import parse_text

    items = [f"{i}. Sở Tài chính báo cáo kết quả.\n" for i in range(1, 25)]
    blocks = parse_text("".join(items), markdown=False)
    assert len([b for b in blocks if b.kind != "table_row"]) == len(items)


def test_words_the_prose_never_writes_together_may_share_a_cell():
    """A table's cells use words the document's prose never pairs ("có liên" of "Sở, ban, ngành
    có liên quan" where the prose says "ngành liên quan"): keeping them in one piece costs
    nothing, so a short word is not pushed into the next column; cutting a phrase the prose
    writes ("Sở Xây dựng") still costs."""
    from directive_nlp.ingest.text_table import PAIR_COST, _candidates, _pairs, _words

    pairs = _pairs(["Sở Xây dựng chủ trì, phối hợp với Sở Tài chính.\n"])
    wide = [10_000.0, 10_000.0]
    line = _words("có liên", 0)
    cost, pieces = _candidates(line, 2, wide, pairs)[0]
    assert cost == 0.0 and any(len(p) == 2 for p in pieces)
    together = _words("Sở Xây", 0)
    costs = {tuple(len(p) for p in pieces): cost for cost, pieces in _candidates(together, 2, wide, pairs)}
    assert costs[(1, 1)] == PAIR_COST and costs[(2, 0)] == 0.0


def test_a_table_whose_columns_keep_their_padding_is_not_a_flattened_one():
    """``pdftotext -layout``'s copy pads the columns apart: the padded-table reader takes it
    (tests/ingest/test_plain_text_layout.py), never the rebuild of flattened rows."""
    padded = [
        "TT  Nội dung                Cơ quan chủ trì              Thời hạn\n",
        "1   Mua vắc xin             Sở Nông nghiệp và Môi trường  Quý I năm 2026\n",
        "2   Tập huấn thú y cơ sở    Ủy ban nhân dân các xã        Tháng 6 năm 2026\n",
    ]
    assert flattened_tables(padded, set()) == []


OUTPUT_HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm đầu ra",
                 "Thời gian hoàn thành"]


def _pdf_table(path: Path, header: list[str], rows: list[list[str]], widths: list[int], repeat: bool = False) -> str:
    """A table of ``header`` and ``rows`` (a row of two cells is a group row spanning the table),
    its header repeated on each page when ``repeat``, and its text as pdfplumber gives it."""
    pdfplumber = pytest.importorskip("pdfplumber")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    _fonts()
    body = ParagraphStyle("b", fontName="DVS", fontSize=11, leading=14)
    head = ParagraphStyle("h", fontName="DVSB", fontSize=11, leading=14)
    data = [[Paragraph(c, head) for c in header]]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    for r in rows:
        if len(r) == 2:
            style.append(("SPAN", (1, len(data)), (-1, len(data))))
            r = r + [""] * (len(header) - 2)
        data.append([Paragraph(c, body) for c in r])
    table = Table(data, colWidths=widths, repeatRows=1 if repeat else 0, style=TableStyle(style))
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(PROSE, body), table])
    with pdfplumber.open(path) as pdf:
        return "\n\f".join(page.extract_text() or "" for page in pdf.pages) + "\n"


def test_a_column_the_table_reader_leaves_aside_does_not_hide_the_table(tmp_path):
    """A "Sản phẩm đầu ra" (or "Kết quả dự kiến", "Ghi chú") column beside the task, lead, partner
    and time columns names a column too (layout.yaml ``ignore_labels``); the rows come back with
    six cells, the task's agencies and deadline read from their own columns."""
    rows = [["1", "Rà soát quy hoạch chi tiết các khu công nghiệp, cụm công nghiệp", "Sở Xây dựng",
             "Sở Tài chính; Ủy ban nhân dân các xã, phường", "Báo cáo rà soát", "Quý II năm 2026"],
            ["2", "Xây dựng kế hoạch chuyển đổi số trong các khu công nghiệp", "Sở Khoa học và Công nghệ",
             "Sở Xây dựng, Sở Tài chính", "Kế hoạch được ban hành", "Năm 2026"],
            ["3", "Hướng dẫn thực hiện các nhiệm vụ về môi trường trong các khu công nghiệp",
             "Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các xã, phường", "Văn bản hướng dẫn",
             "Thường xuyên"],
            ["4", "Kiểm tra việc thực hiện quy hoạch các cụm công nghiệp", "Sở Công Thương",
             "Sở Xây dựng; Ủy ban nhân dân các xã, phường", "Báo cáo kết quả kiểm tra", "Tháng 10 năm 2026"]]
    text = _pdf_table(tmp_path / "plan.pdf", OUTPUT_HEADER, rows, [46, 112, 70, 84, 70, 60])
    found = flattened_tables(text.splitlines(keepends=True), set())
    assert len(found) == 1
    blocks = found[0][1]
    assert blocks[0].cells == OUTPUT_HEADER
    assert [b.cells for b in blocks[1:]] == rows


def test_rows_numbered_under_their_group_and_a_header_repeated_on_each_page(tmp_path):
    """Rows numbered "1.1", "1.2" under a group row "I", a first group "A", and a long table that
    repeats its header at the top of each page: one table, every row, the header once."""
    rows = []
    for g, roman in enumerate(["I", "II", "III"], start=1):
        rows.append([roman, f"Nhóm nhiệm vụ {roman.lower()} về chuyển đổi số"])
        for i in range(1, 7):
            rows.append([f"{g}.{i}"] + ROWS[(g + i) % 3][1:])
    header = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
    text = _pdf_table(tmp_path / "plan.pdf", header, [["A", "Phát triển hạ tầng số"]] + rows,
                      [46, 150, 90, 90, 70], repeat=True)
    assert text.count("STT Nội dung") >= 2  # the header is printed again on the next page
    found = flattened_tables(text.splitlines(keepends=True), set())
    assert len(found) == 1
    blocks = found[0][1]
    assert [b.cells[0] for b in blocks] == ["STT", "A"] + [r[0] for r in rows]
    assert blocks[0].cells == header and [b.is_header_row for b in blocks].count(True) == 1
    assert all(len(b.cells) == len(header) for b, r in zip(blocks[2:], rows) if len(r) > 2)
    assert not any("STT" in cell or "Nội dung" in cell for b in blocks[1:] for cell in b.cells)


def test_row_numbers_and_group_marks():
    from directive_nlp.ingest.text_table import _ROMAN_RE, _follows

    assert _follows("1", None) and _follows("1.", None) and _follows("1.1", None) and _follows("5.1", None)
    assert _follows("3", (2,)) and _follows("3.", (2,)) and _follows("1.3", (1, 2))
    assert _follows("5.1.1", (5, 1)) and _follows("5.2", (5, 1, 5)) and _follows("6", (5, 1, 5))
    assert not _follows("3", (3,)) and not _follows("5", (3,)) and not _follows("2", None)
    assert not _follows("2026", None) and not _follows("a", None) and not _follows("1.3", (1, 1, 1, 1))
    assert _ROMAN_RE.match("IV") and _ROMAN_RE.match("A.") and _ROMAN_RE.match("B")
    assert not _ROMAN_RE.match("Sở") and not _ROMAN_RE.match("K")
