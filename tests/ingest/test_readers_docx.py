"""The DOCX reader on documents written with python-docx in the tests."""

from __future__ import annotations

import sys
import types

import pytest

from directive_nlp.ingest import read_document
from directive_nlp.normalize import normalize_document

from readers_docs import CLOSING, INTRO, LONG, TABLE_HEADER, docx_bytes
from readers_docs import plan_docx  # noqa: F401 (pytest fixtures)


@pytest.fixture(scope="module")
def plan(plan_docx):
    src = read_document(plan_docx)
    return src, normalize_document(src)


def test_paragraphs_and_table_in_body_order(plan) -> None:
    _, doc = plan
    lines = doc.text.split("\n")
    assert lines[0] == "KẾ HOẠCH"
    assert INTRO in lines and LONG in lines and CLOSING in lines
    i = lines.index("III. PHÂN CÔNG THỰC HIỆN")
    assert lines[i + 1] == "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành"
    assert lines[i + 2] == "I | Nhiệm vụ chuẩn bị"  # gridSpan row: covered cells empty, left out at the end
    assert lines[i + 4] == "2 | Ban hành hướng dẫn kỹ thuật số hóa | | Sở Khoa học và Công nghệ | Tháng 4/2026"
    assert lines[i + 6] == "IV. TỔ CHỨC THỰC HIỆN"


def test_heading_styles_bold_and_centre_are_hints(plan) -> None:
    src, _ = plan
    by_text = {b.text: b for b in src.blocks if b.kind == "paragraph"}
    assert by_text["KẾ HOẠCH"].bold and by_text["KẾ HOẠCH"].centered
    assert by_text["I. MỤC ĐÍCH, YÊU CẦU"].style == "Heading 1"
    assert by_text["2. Yêu cầu"].style == "Heading 2"
    assert by_text["1. Mục đích"].bold and by_text["1. Mục đích"].style is None
    assert not by_text[LONG].bold  # only its first words are bold
    assert not by_text[INTRO].centered


def test_rows_carry_header_and_vertical_merge(plan) -> None:
    src, doc = plan
    rows = [b for b in src.blocks if b.kind == "table_row"]
    assert rows[0].is_header_row and rows[0].cells == TABLE_HEADER and rows[0].bold
    assert all(r.header == TABLE_HEADER for r in rows[1:])
    under = next(r for r in rows if r.cells[0] == "2")
    assert under.cells[2] == "" and under.filled_cells[2] == "Sở Nội vụ"
    assert under.location.table == 0 and under.location.row == 3
    assert under.cell_locations[4].cell == 4
    tb = next(b for b in doc.blocks if b.kind == "table_row" and b.row_index == 3)
    assert tb.filled_cells[2] == "Sở Nội vụ"


def test_locations_give_body_paragraph_index(plan) -> None:
    src, _ = plan
    paras = [b for b in src.blocks if b.kind == "paragraph"]
    assert [b.location.paragraph for b in paras[:3]] == [0, 1, 2]


def _body(xml: str) -> bytes:
    from docx.oxml import parse_xml

    def build(d) -> None:
        d.element.body.insert(0, parse_xml(xml))

    return docx_bytes(build)


def test_tracked_changes_read_as_accepted() -> None:
    from docx.oxml.ns import nsdecls

    data = _body(
        f'<w:p {nsdecls("w")}><w:r><w:t xml:space="preserve">Sở Y tế chủ trì </w:t></w:r>'
        '<w:del w:id="1" w:author="a"><w:r><w:delText>năm 2025</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="a"><w:r><w:t>năm 2026</w:t></w:r></w:ins></w:p>'
    )
    src = read_document("t.docx", data)
    assert src.blocks[0].text == "Sở Y tế chủ trì năm 2026"


def test_content_controls_and_hyperlinks_are_read() -> None:
    from docx.oxml.ns import nsdecls

    data = _body(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t xml:space="preserve">Giao </w:t></w:r>'
        '<w:hyperlink><w:r><w:t>Sở Tư pháp</w:t></w:r></w:hyperlink>'
        '<w:r><w:t xml:space="preserve"> thẩm định.</w:t></w:r></w:p></w:sdtContent></w:sdt>'
    )
    src = read_document("t.docx", data)
    assert src.blocks[0].text == "Giao Sở Tư pháp thẩm định."


def test_one_column_table_is_read_as_paragraphs() -> None:
    def build(d) -> None:
        t = d.add_table(rows=1, cols=1)
        t.cell(0, 0).text = "Ghi chú: số liệu tính đến ngày 30/9/2026."

    src = read_document("t.docx", docx_bytes(build))
    assert [(b.kind, b.text) for b in src.blocks] == [("paragraph", "Ghi chú: số liệu tính đến ngày 30/9/2026.")]


def test_legacy_font_runs_are_converted(monkeypatch) -> None:
    def build(d) -> None:
        p = d.add_paragraph()
        r = p.add_run("Ch\u00ad\u00acng tr\u00d7nh")
        r.font.name = ".VnTime"
        p.add_run(" (Unicode)")

    def font_encoding(name: str):
        return ("tcvn3", False) if name.startswith(".VnTime") else None

    def convert(text: str, encoding: str, upper: bool = False) -> str:
        return "Chương trình" if text == "Ch\u00ad\u00acng tr\u00d7nh" else text

    monkeypatch.setitem(
        sys.modules, "directive_nlp.ingest.legacy", types.SimpleNamespace(font_encoding=font_encoding, convert=convert)
    )
    import directive_nlp.ingest as pkg

    monkeypatch.setattr(pkg, "legacy", sys.modules["directive_nlp.ingest.legacy"], raising=False)
    src = read_document("t.docx", docx_bytes(build))
    assert src.blocks[0].text == "Chương trình (Unicode)"
    assert src.source.encoding == "tcvn3"


def test_header_row_marked_in_word_is_used() -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    def build(d) -> None:
        t = d.add_table(rows=2, cols=3)
        for ci, h in enumerate(["Đơn vị", "Việc cần làm", "Hạn"]):
            t.cell(0, ci).text = h
        for ci, v in enumerate(["Công an tỉnh", "Rà soát địa bàn trọng điểm", "Quý I/2026"]):
            t.cell(1, ci).text = v
        t.rows[0]._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))

    src = read_document("t.docx", docx_bytes(build))
    rows = [b for b in src.blocks if b.kind == "table_row"]
    assert rows[0].is_header_row and rows[1].header == ["Đơn vị", "Việc cần làm", "Hạn"]


def test_text_box_text_is_read_once() -> None:
    """A text box holds its text twice (DrawingML and a VML fallback): read once."""
    from docx.oxml.ns import nsdecls

    box = (
        '<w:txbxContent><w:p><w:r><w:t>Số: 12/KH-UBND</w:t></w:r></w:p></w:txbxContent>'
    )
    data = _body(
        f'<w:p {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        '<w:r><w:t>KẾ HOẠCH</w:t></w:r>'
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>'
    )
    src = read_document("t.docx", data)
    assert [b.text for b in src.blocks] == ["KẾ HOẠCH", "Số: 12/KH-UBND"]


def test_docx_without_text_says_so() -> None:
    from directive_nlp.errors import EmptyInputError

    with pytest.raises(EmptyInputError, match="DOCX has no text"):
        read_document("anh.docx", docx_bytes(lambda d: d.add_paragraph("")))


def test_automatic_list_numbers_are_written_into_the_text() -> None:
    """Sections numbered by Word (I. / 1. / a)) keep their labels."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    levels = [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"), ("bullet", "-")]

    def build(d) -> None:
        numbering = d.part.numbering_part.element
        lvls = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{t}"/></w:lvl>'
            for i, (f, t) in enumerate(levels)
        )
        numbering.append(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{lvls}</w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

        def item(text: str, level: int) -> None:
            p = d.add_paragraph(text)
            p._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
            )

        item("MỤC TIÊU", 0)
        item("Mục tiêu chung", 1)
        item("Mục tiêu cụ thể", 1)
        item("Đến năm 2026, 100% hồ sơ được số hóa", 2)
        item("Đến năm 2027, kết nối dữ liệu toàn tỉnh", 2)
        item("NHIỆM VỤ", 0)
        item("Sở Nội vụ chủ trì", 1)
        item("hằng quý báo cáo", 3)

    src = read_document("t.docx", docx_bytes(build))
    assert [b.text for b in src.blocks] == [
        "I. MỤC TIÊU",
        "1. Mục tiêu chung",
        "2. Mục tiêu cụ thể",
        "a) Đến năm 2026, 100% hồ sơ được số hóa",
        "b) Đến năm 2027, kết nối dữ liệu toàn tỉnh",
        "II. NHIỆM VỤ",
        "1. Sở Nội vụ chủ trì",
        "- hằng quý báo cáo",
    ]


def test_list_number_style_numbers_paragraphs() -> None:
    def build(d) -> None:
        d.add_paragraph("Sở Tài chính bố trí kinh phí.", style="List Number")
        d.add_paragraph("Sở Nội vụ hướng dẫn nghiệp vụ.", style="List Number")

    src = read_document("t.docx", docx_bytes(build))
    assert [b.text for b in src.blocks] == ["1. Sở Tài chính bố trí kinh phí.", "2. Sở Nội vụ hướng dẫn nghiệp vụ."]


def test_letterhead_in_the_first_page_header_comes_first() -> None:
    import docx

    def build(d) -> None:
        section = d.sections[0]
        section.different_first_page_header_footer = True
        head = section.first_page_header
        t = head.add_table(rows=1, cols=2, width=docx.shared.Cm(16))
        t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH YÊN SƠN"
        t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
        section.header.add_paragraph("Trang sau")  # running header of the other pages: not read
        d.add_paragraph("KẾ HOẠCH")
        body = d.add_table(rows=1, cols=2)
        body.cell(0, 0).text = "Sở Nội vụ"
        body.cell(0, 1).text = "Quý I/2026"

    src = read_document("t.docx", docx_bytes(build))
    assert src.blocks[0].kind == "table_row"
    assert src.blocks[0].cells[1].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert src.blocks[1].text == "KẾ HOẠCH" and src.blocks[1].location.paragraph == 0
    body_row = src.blocks[2]
    assert body_row.location.table == 0 and body_row.table_id == 0 and src.blocks[0].table_id == 1
    assert "Trang sau" not in " ".join(b.text for b in src.blocks)


def test_bold_first_row_of_a_wide_table_is_its_header() -> None:
    head = ["Số", "Việc", "Ai làm", "Bao giờ"]

    def build(d) -> None:
        t = d.add_table(rows=2, cols=4)
        for ci, h in enumerate(head):
            t.cell(0, ci).paragraphs[0].add_run(h).bold = True
        for ci, v in enumerate(["1", "Rà soát hồ sơ", "Sở Nội vụ", "Quý I/2026"]):
            t.cell(1, ci).text = v

    rows = [b for b in read_document("t.docx", docx_bytes(build)).blocks if b.kind == "table_row"]
    assert rows[0].is_header_row and rows[1].header == head


def test_hidden_and_moved_away_text_is_not_read() -> None:
    from docx.oxml.ns import nsdecls

    data = _body(
        f'<w:p {nsdecls("w")}><w:r><w:t xml:space="preserve">Sở Công Thương chủ trì</w:t></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> (ghi chú ẩn)</w:t></w:r>'
        '<w:moveFrom w:id="3" w:author="a"><w:r><w:t xml:space="preserve"> quý I</w:t></w:r></w:moveFrom>'
        '<w:moveTo w:id="4" w:author="a"><w:r><w:t xml:space="preserve"> quý II</w:t></w:r></w:moveTo></w:p>'
    )
    assert read_document("t.docx", data).blocks[0].text == "Sở Công Thương chủ trì quý II"


def test_tcvn3_run_converted_with_the_real_legacy_module() -> None:
    """With ingest-2's converter (skipped while it is absent)."""
    legacy = pytest.importorskip("directive_nlp.ingest.legacy")
    if not hasattr(legacy, "font_encoding"):
        pytest.skip("legacy.font_encoding not available")

    def build(d) -> None:
        p = d.add_paragraph()
        r = p.add_run("Ch\u00ad\u00acng tr\u00d7nh h\u00b5nh \u00ae\u00e9ng")
        r.font.name = ".VnTime"

    src = read_document("t.docx", docx_bytes(build))
    assert src.blocks[0].text == "Chương trình hành động" and src.source.encoding == "tcvn3"
