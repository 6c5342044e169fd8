"""Plain text without Markdown markup (issue 12): what a user copies out of Word (tables as
TAB-separated lines) or out of a PDF (``pdftotext -layout``: cells padded with spaces). The
reader gives the table stage the same rows, header and cells as a Markdown table, and keeps
the headings a copy glued together apart."""

from __future__ import annotations

from pathlib import Path

from directive_nlp.ingest import read_document
from directive_nlp.ingest.text import LAYOUT_CELL_CHARS, parse_text
from directive_nlp.pipeline import extract

# written like Word's "copy, paste as text": no bold, no '#', a table's cells joined by TABs, a
# group row with one filled cell, a merged row (one cell, no TAB) between two rows
WORD_COPY = (
    "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Số: 12/KH-UBND\tHà Giang, ngày 05 tháng 01 năm 2026\n"
    "\n"
    "KẾ HOẠCH\n"
    "Phòng chống dịch bệnh trên đàn gia súc năm 2026\n"
    "\n"
    "I. MỤC ĐÍCH\n"
    "Chủ động phòng, chống dịch bệnh, không để dịch lây lan.\n"
    "\n"
    "II. NHIỆM VỤ\n"
    "\n"
    "TT\tNội dung\tCơ quan chủ trì\tThời gian thực hiện\n"
    "\tNhóm nhiệm vụ về tiêm phòng\t\t\n"
    "1\tMua vắc xin lở mồm long móng\tSở Nông nghiệp và Môi trường\tQuý I năm 2026\n"
    "Nhiệm vụ thường xuyên\n"
    "2\tTập huấn thú y cơ sở\tỦy ban nhân dân các xã\tTháng 6 năm 2026\n"
    "\n"
    "Nơi nhận:\n"
)


def _rows(blocks):
    return [b for b in blocks if b.kind == "table_row"]


def _write(tmp_path: Path, text: str, name: str = "plan.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_word_copy_tables_are_tables_with_their_header(tmp_path):
    src = read_document(_write(tmp_path, WORD_COPY))
    assert src.source.format == "txt"  # no markup: read as plain text
    rows = _rows(src.blocks)
    head, task_rows = rows[:2], [r for r in rows if r.table_id == rows[2].table_id]
    assert [r.cells for r in head] == [["ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                                       ["Số: 12/KH-UBND", "Hà Giang, ngày 05 tháng 01 năm 2026"]]
    assert len(task_rows) == 5
    assert task_rows[0].is_header_row and task_rows[0].cells[2] == "Cơ quan chủ trì"
    assert task_rows[1].cells == ["", "Nhóm nhiệm vụ về tiêm phòng", "", ""]  # a group row
    assert task_rows[3].cells == ["Nhiệm vụ thường xuyên"]  # one merged cell between two rows
    assert all(r.header == task_rows[0].cells for r in task_rows[1:])
    for r in task_rows:  # every cell keeps its offset in the file
        for cell, cmap in zip(r.cells, r.cell_char_maps):
            assert "".join(src.raw_text[i] for i in cmap) == cell


def test_word_copy_table_gives_the_tasks_of_its_markdown(tmp_path):
    md = "\n".join(
        "| " + " | ".join(line.split("\t")) + " |" if "\t" in line else line for line in WORD_COPY.splitlines()
    )
    md = md.replace("| TT | Nội dung | Cơ quan chủ trì | Thời gian thực hiện |",
                    "| TT | Nội dung | Cơ quan chủ trì | Thời gian thực hiện |\n|---|---|---|---|")
    md = md.replace("\nNhiệm vụ thường xuyên\n", "\n| Nhiệm vụ thường xuyên |\n")

    def triples(path):
        return sorted((t.task[:30], tuple(a.name for a in t.agencies)) for t in extract(path).tasks)

    plain = triples(_write(tmp_path, WORD_COPY))
    assert plain == triples(_write(tmp_path, md, "plan.md"))
    assert ("Mua vắc xin lở mồm long móng", ("Sở Nông nghiệp và Môi trường",)) in plain


def test_space_padded_rows_under_a_header_are_a_table():
    text = (
        "Các nhiệm vụ cụ thể như sau.\n"
        "\n"
        "TT  Nội dung                Cơ quan chủ trì              Thời hạn\n"
        "1   Mua vắc xin             Sở Nông nghiệp và Môi trường  Quý I năm 2026\n"
        "    Nhóm nhiệm vụ tập huấn\n"
        "2   Tập huấn thú y cơ sở    Ủy ban nhân dân các xã        Tháng 6 năm 2026\n"
    )
    rows = _rows(parse_text(text, markdown=False))
    assert len(rows) == 4 and rows[0].is_header_row
    assert rows[1].cells == ["1", "Mua vắc xin", "Sở Nông nghiệp và Môi trường", "Quý I năm 2026"]
    assert rows[2].cells == ["", "Nhóm nhiệm vụ tập huấn"]  # indented: an empty cell before it
    assert rows[3].header == rows[0].cells


def test_plain_paragraphs_are_not_tables():
    text = (
        "\tSở Y tế chủ trì tổ chức tiêm phòng.\n"  # a TAB indent: one cell, no table open
        "\n"
        "Sở Y tế chủ trì.  Các xã phối hợp thực hiện.\n"  # two spaces after a sentence
        "UBND các xã báo cáo.  Thời hạn trước ngày 30/6.\n"
        "\n"
        "Ghi chú: hai cột  không phải bảng\n"
    )
    blocks = parse_text(text, markdown=False)
    assert _rows(blocks) == []
    assert [b.kind for b in blocks] == ["paragraph"] * len(blocks)


def test_justified_lines_of_a_pdf_copy_are_not_a_table():
    text = (
        "            Thực hiện Kế   hoạch   số 14-KH/TU   ngày   29/7/2025 của   Ban\n"
        "            Thường   vụ Tỉnh ủy và Kế hoạch   số 24/KH-UBND   ngày 14/8/2025\n"
        "            NÂNG   CAO   NĂNG   LỰC CHO   ĐỘI   NGŨ   CÁN   BỘ\n"
    )
    assert _rows(parse_text(text, markdown=False)) == []


def test_a_table_ends_at_a_blank_line_and_its_next_paragraph_is_text():
    text = "TT\tNội dung\tCơ quan chủ trì\n1\tMua vắc xin\tSở Y tế\n\nĐiều 2. Quyết định có hiệu lực.\n"
    blocks = parse_text(text, markdown=False)
    assert [b.kind for b in blocks] == ["table_row", "table_row", "paragraph"]


def test_numbered_items_glued_to_the_word_before_open_paragraphs():
    text = "II. NỘI DUNG VÀ PHƯƠNG PHÁP TIẾN HÀNH1. Nội dung sơ kết1.1. Công tác lãnh đạo, chỉ đạo\n"
    assert [b.text for b in parse_text(text, markdown=False)] == [
        "II. NỘI DUNG VÀ PHƯƠNG PHÁP TIẾN HÀNH", "1. Nội dung sơ kết", "1.1. Công tác lãnh đạo, chỉ đạo"]
    # not a lost break: a number inside a name, after a hyphen, or not followed by a capital
    for line in ("Phòng chống dịch cúm H5N1. Các xã giám sát.", "Dịch COVID-19. Các sở phối hợp.",
                 "Kế hoạch số2. tháng sau"):
        assert len(parse_text(line + "\n", markdown=False)) == 1


def test_a_web_page_copied_as_plain_text_is_its_paragraphs():
    body = ("Điều 1. Phê duyệt Kế hoạch với các nội dung chủ yếu như sau: I. MỤC TIÊU 1. Mục tiêu chung "
            + "Kiểm soát ô nhiễm không khí tại các đô thị lớn. " * 80
            + "II.NHIỆM VỤ, GIẢI PHÁP 1. Hoàn thiện thể chế - Xây dựng quy chuẩn kỹ thuật về khí thải.")
    assert len(body) >= LAYOUT_CELL_CHARS
    blocks = parse_text("Mục lục\t" + body + "\n", markdown=False)
    texts = [b.text for b in blocks]
    assert _rows(blocks) == []
    assert "I. MỤC TIÊU" in texts and "II.NHIỆM VỤ, GIẢI PHÁP" in texts
    assert any(t.startswith("1. Hoàn thiện thể chế") for t in texts)
    # Roman numerals inside a sentence are no heading ("Quý I. Trong …", "giai đoạn II. Tiếp …")
    quiet = parse_text("Mục lục\t" + "Hoàn thành trong Quý I. Trong đó các sở phối hợp. " * 100 + "\n", markdown=False)
    assert len(quiet) == 2


# text copied out of a PDF: the page's wrapped lines, no blank line between paragraphs
PARAGRAPHS = [
    "8. Về hoạt động của mô hình chính quyền địa phương 02 cấp:",
    "Đề nghị tăng số lượng cấp phó tại các phòng chuyên môn của cấp xã từ 2 lên 3 phó trưởng phòng, "
    "bố trí đủ biên chế theo vị trí việc làm: giao Bộ Nội vụ chủ trì, phối hợp với các cơ quan liên quan "
    "nghiên cứu, tổng hợp, báo cáo Chính phủ trước ngày 30 tháng 11 năm 2025.",
    "9. Về triển khai hạ tầng phủ sóng các thôn, bản khu vực miền núi lõm sóng điện thoại: đề nghị các "
    "Tập đoàn Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội tổ chức triển khai thực "
    "hiện theo quy định, hoàn thành trong Quý I năm 2026.",
    "III. TỔ CHỨC THỰC HIỆN",
    "Ủy ban nhân dân tỉnh Thanh Hóa chỉ đạo các sở, ngành, địa phương khẩn trương triển khai thực hiện "
    "các nhiệm vụ được giao tại Thông báo này; định kỳ hằng quý báo cáo Thủ tướng Chính phủ kết quả "
    "thực hiện. Các Bộ, cơ quan liên quan theo chức năng, nhiệm vụ được giao phối hợp chặt chẽ với tỉnh "
    "trong quá trình triển khai thực hiện các kiến nghị đã được Thủ tướng Chính phủ đồng ý.",
]


def test_a_pdf_copy_wrapped_at_a_width_gives_back_its_paragraphs(tmp_path):
    import textwrap

    lines = [line for p in PARAGRAPHS for line in textwrap.wrap(p, 68)]
    assert any(line.startswith("Nội vụ chủ trì") or line.startswith("3 phó") for line in lines) or len(lines) >= 12
    text = "\n".join(lines * 2) + "\n"  # twice: enough lines to know the width
    blocks = read_document(_write(tmp_path, text, "copy.txt")).blocks
    assert [b.text for b in blocks[: len(PARAGRAPHS)]] == PARAGRAPHS


def test_lines_of_one_paragraph_each_are_not_joined():
    # short lines, or lines ending with a stop: a list, not a wrapped text
    items = [f"- Sở Y tế báo cáo kết quả tháng {k}" for k in range(1, 13)]
    items += [f"Ủy ban nhân dân xã số {k} tổ chức tuyên truyền phòng chống dịch bệnh cho nhân dân." for k in range(12)]
    blocks = parse_text("\n".join(items) + "\n", markdown=False)
    assert [b.text for b in blocks] == items


def test_a_two_column_header_copied_out_of_a_pdf_is_one_row_of_two_cells(tmp_path):
    text = (
        "ỦY BAN NHÂN DÂN THÀNH CỘNG HÒA XÃ HỘI CHỦ\n"
        "PHỐ HỒ CHÍ MINH ------- NGHĨA VIỆT NAM Độc lập -\n"
        "Tự do - Hạnh phúc ---------------\n"
        "Số: 172/KH-UBND Thành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025\n"
        "KẾ HOẠCH\n"
    )
    src = read_document(_write(tmp_path, text, "copy.txt"))
    row = src.blocks[0]
    assert row.kind == "table_row"
    assert row.cells[0] == "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"
    assert row.cells[1].startswith("CỘNG HÒA XÃ HỘI CHỦ") and row.cells[1].rstrip("- ").endswith("Hạnh phúc")
    for cell, cmap in zip(row.cells, row.cell_char_maps):  # offsets kept, the joins on a line end
        assert [src.raw_text[i] for i, ch in zip(cmap, cell) if ch != " "] == [ch for ch in cell if ch != " "]
    assert [b.text for b in src.blocks[1:]][:1] == ["Số: 172/KH-UBND Thành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025"]
    assert extract(_write(tmp_path, text + "\n".join(["Thực hiện kế hoạch."] * 3), "doc.txt")).document.issuer \
        == "Ủy ban nhân dân Thành phố Hồ Chí Minh"


def test_a_motto_on_lines_of_its_own_or_in_a_sentence_is_no_header_row():
    own = "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    assert _rows(parse_text(own, markdown=False)) == []
    sentence = "Kỷ niệm ngày thành lập nước Cộng hòa xã hội chủ nghĩa Việt Nam\nCác sở tổ chức.\n"
    assert _rows(parse_text(sentence, markdown=False)) == []


def test_a_wrapped_line_opening_with_a_heading_word_but_no_marker_goes_on():
    # "Chương trình MTQG …", "Mục tiêu …", "Điều chỉnh …" at a wrapped line's start are words of the
    # sentence; "Chương II.", "Mục 1.", "Điều 5." with their marker open a block of their own
    goes_on = [["Ủy ban nhân dân tỉnh giao Công an tỉnh chủ trì, phối hợp tham mưu thực hiện",
                "Chương trình MTQG trên địa bàn theo quy định với nguyên tắc phân cấp cho",
                "cơ sở."],
               ["Sở Kế hoạch và Đầu tư chủ trì rà soát, tham mưu Ủy ban nhân dân tỉnh về",
                "Mục tiêu của Kế hoạch và đề xuất các chỉ tiêu phù hợp với thực tế của",
                "Điều chỉnh quy hoạch các khu công nghiệp trên địa bàn tỉnh theo quy định."]]
    blocks = parse_text("\n".join(line for p in goes_on * 4 for line in p) + "\n", markdown=False)
    assert [b.text for b in blocks] == [" ".join(p) for p in goes_on * 4]  # 24 lines: the width is known
    opens = [goes_on[0][0], "Chương II. TỔ CHỨC THỰC HIỆN TRÊN ĐỊA BÀN TỈNH THEO QUY ĐỊNH CỦA PHÁP",
             goes_on[1][0], "Điều 5. Giao Sở Tài chính chủ trì thực hiện các nội dung của Kế hoạch"]
    blocks = parse_text("\n".join(opens * 6) + "\n", markdown=False)
    assert blocks[0].text == opens[0]
    assert blocks[1].text.startswith("Chương II.") and blocks[2].text.startswith("Điều 5.")


def test_a_full_line_ending_with_a_semicolon_goes_on_in_a_paragraph_of_two_lines():
    # a clause list wrapped at the width: "…; cán bộ, công chức …", "…; Luật Ban hành …" go on; a
    # list item of one line ending with ";" and the next item open their own blocks
    para = ["Sở Nội vụ tổ chức tập huấn, bồi dưỡng cho cán bộ, công chức làm công tác việc",
            "làm thuộc ngành Nội vụ, công tác phát triển thị trường lao động và thông tin;",
            "cán bộ, công chức làm công tác bảo hiểm thất nghiệp thuộc ngành Tài chính.",
            "Sở Tư pháp tuyên truyền, phổ biến Nghị quyết số 27/NQ-TW của Ban Chấp hành",
            "Trung ương về tiếp tục xây dựng Nhà nước pháp quyền xã hội chủ nghĩa Việt;",
            "Luật Ban hành văn bản quy phạm pháp luật cho cán bộ, công chức trên địa bàn."]
    items = ["- Ủy ban nhân dân các xã, phường tuyên truyền về phòng chống ma túy học đường;",
             "tổ chức kiểm tra, giám sát việc thực hiện tại các cơ sở giáo dục trên địa bàn.",
             "Sở Y tế chủ trì tổ chức điều trị thay thế, phòng chống tái nghiện trên địa bàn;",
             "Sở Tư pháp theo dõi, kiểm tra việc thi hành pháp luật trên địa bàn tỉnh nhà."]
    blocks = parse_text("\n".join((para + items) * 3) + "\n", markdown=False)
    assert [b.text for b in blocks] == [" ".join(para[:3]), " ".join(para[3:]), *items] * 3


def test_a_sentence_goes_on_over_a_page_break_of_a_pdf_copy():
    # pages joined by form feeds, a page number heading the next page: the break is no paragraph end
    para = ["Đề nghị các Tập đoàn: Bưu chính Viễn thông Việt Nam, Công nghiệp - Viễn thông",
            "Quân đội tổ chức triển khai thực hiện theo quy định, hoàn thành trong tháng",
            "12 năm 2025; Bộ Khoa học và Công nghệ hướng dẫn các Tập đoàn thực hiện."]
    other = ["Ủy ban nhân dân tỉnh Thanh Hóa chỉ đạo các sở, ngành, địa phương khẩn trương",
             "triển khai thực hiện các nhiệm vụ được giao tại Thông báo này theo quy định."]
    last = "Thông báo này có hiệu lực kể từ ngày ký."
    page1 = "\n".join(other * 8 + para[:1])
    page2 = "\n".join(["2"] + para[1:] + other * 8 + [last])
    texts = [b.text for b in parse_text(page1 + "\n\f" + page2 + "\n", markdown=False)]
    assert texts == [" ".join(other)] * 8 + [" ".join(para)] + [" ".join(other)] * 8 + [last]


def test_a_parenthesis_opened_in_a_short_wrapped_line_closes_in_the_next(tmp_path):
    """An appendix's subtitle "(Ban hành kèm theo Kế hoạch số … ngày" / "19/11/2025 của …)" is
    one line even when its first line is short; a line whose parenthesis closes on it, or a next
    line opening an item, is not joined."""
    import textwrap

    body = [line for p in PARAGRAPHS for line in textwrap.wrap(p, 68)] * 2
    subtitle = ["PHỤ LỤC", "(Ban hành kèm theo Kế hoạch số 552/KH-UBND ngày",
                "19/11/2025 của Ủy ban nhân dân tỉnh)"]
    closed = ["(Ban hành kèm theo Kế hoạch số 552/KH-UBND)", "Các nhiệm vụ cụ thể như sau"]
    opened_item = ["Các nội dung (gồm các phần sau", "1. Sở Tài chính bố trí kinh phí)."]
    text = "\n".join(body + subtitle + closed + opened_item) + "\n"
    texts = [b.text for b in read_document(_write(tmp_path, text, "copy.txt")).blocks]
    assert "(Ban hành kèm theo Kế hoạch số 552/KH-UBND ngày 19/11/2025 của Ủy ban nhân dân tỉnh)" in texts
    assert closed[0] in texts and closed[1] in texts
    assert opened_item[1] in texts
