"""A web page saved as Markdown whose document body sits in one cell of a
layout table: the cell is read as the document's paragraphs (its lost
paragraph breaks found again), not as one table row; real assignment tables
stay tables."""

from __future__ import annotations

from pathlib import Path

from directive_nlp.ingest.text import _is_layout_row, parse_text
from directive_nlp.pipeline import load_text
from directive_nlp.structure import parse_structure

FILLER = (
    "Các cơ quan, đơn vị tăng cường phối hợp, bảo đảm tiến độ, chất lượng và hiệu quả "
    "của công tác phòng, chống thiên tai trên địa bàn tỉnh. "
)

BODY = (
    "**KẾ HOẠCH** Phòng, chống thiên tai năm 2026 Thực hiện chỉ đạo của Chính phủ, "
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau: "
    "**I. MỤC ĐÍCH, YÊU CẦU** " + FILLER * 6 + "**II.NHIỆM VỤ** "
    "1. Sở Nông nghiệp và Môi trường chủ trì rà soát phương án ứng phó. " + FILLER * 4 +
    "2. Công an tỉnh bảo đảm an ninh trật tự tại vùng bị thiên tai; - Bố trí lực lượng trực 24/24 giờ. "
    + FILLER * 4 +
    "**III. TỔ CHỨC THỰC HIỆN** Các sở, ngành báo cáo kết quả trước ngày 15/12/2026./. "
    "Nơi nhận: - Như trên; - Lưu: VT."
)

PAGE = (
    "| **ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |\n"
    f"| Số: 12/KH-UBND | *Quảng Bình, ngày 05 tháng 01 năm 2026* | {BODY} | **KT. CHỦ TỊCH** |\n"
)

ASSIGNMENTS = (
    "| TT | Nội dung | Cơ quan chủ trì |\n|---|---|---|\n"
    f"| 1 | {FILLER * 8} | Sở Xây dựng |\n"
    "| 2 | Tập huấn kỹ năng ứng phó | Sở Giáo dục và Đào tạo |\n"
)


def test_the_body_cell_becomes_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_text(path)
    st = parse_structure(doc)
    ids = [s.id for s in st.sections]
    assert {"I", "II", "II.1", "II.2", "III", "closing"} <= set(ids)

    def section_of(start: str) -> str:
        return next(i.section for b, i in zip(doc.blocks, st.blocks) if doc.block_text(b).startswith(start))

    assert section_of("1. Sở Nông nghiệp") == "II.1"
    assert section_of("2. Công an tỉnh") == "II.2"
    assert section_of("- Bố trí lực lượng") == "II.2"
    assert section_of("Các sở, ngành báo cáo") == "III"
    assert section_of("Nơi nhận") == "closing" and section_of("KT. CHỦ TỊCH") == "closing"
    headings = [doc.block_text(b) for b, info in zip(doc.blocks, st.blocks) if info.is_heading]
    assert "I. MỤC ĐÍCH, YÊU CẦU" in headings and "II.NHIỆM VỤ" in headings
    # offsets still point into the file
    raw = PAGE
    for b in doc.blocks:
        if b.kind == "paragraph" and doc.block_text(b).startswith("2. Công an"):
            assert raw[doc.offsets[b.start] : doc.offsets[b.start] + 9] == "2. Công a"


def test_an_assignment_table_stays_a_table() -> None:
    blocks = parse_text(ASSIGNMENTS, markdown=True)
    assert [b.kind for b in blocks] == ["table_row"] * 3
    assert blocks[0].is_header_row


def test_layout_row_rule_positive_and_negative() -> None:
    assert _is_layout_row(["Số: 1", BODY])
    assert _is_layout_row(["x" * 5000])
    assert not _is_layout_row(["1", FILLER * 8, "Sở Xây dựng"])  # long, but no headings inside
    assert not _is_layout_row(["1", "**1. Rà soát** và **2. Báo cáo**", "Sở Y tế"])  # short cell
