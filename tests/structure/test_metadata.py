"""Metadata on realistic documents of our own, one per layout the issue names,
in Markdown and as real DOCX/PDF files made here."""

from __future__ import annotations

from pathlib import Path

import pytest

from directive_nlp.ingest import read_document
from directive_nlp.models import Reference
from directive_nlp.normalize import normalize_document
from directive_nlp.provinces import merged_into
from directive_nlp.structure.metadata import (
    case_name,
    extract_metadata,
    find_references,
    load_rules,
    normalize_number,
    split_bodies,
    type_code,
)

DATA = Path(__file__).resolve().parent / "data"  # our own documents
SRC = Path(__file__).resolve().parents[2] / "src" / "directive_nlp" / "ingest"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def meta_of(path: Path):
    return extract_metadata(normalize_document(read_document(path)))


def test_ubnd_decision_with_header_table():
    m = meta_of(DATA / "meta_qd_ubnd.md")
    assert m.doc_type == "Quyết định"
    assert m.number == "245/QĐ-UBND"
    assert (m.place, m.issued_date) == ("Hà Giang", "2024-03-05")
    assert m.issuer == "Ủy ban nhân dân tỉnh Hà Giang" and m.issuer_parent is None
    assert m.province == "Hà Giang" and merged_into(m.province) == "Tuyên Quang"
    assert m.title == "Về việc ban hành Kế hoạch trồng rừng thay thế trên địa bàn tỉnh năm 2024"
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("KT.", "Phó Chủ tịch", "Hoàng Văn Minh")
    assert m.recipients == ["Như Điều 2", "Bộ NN&PTNT", "TT Tỉnh ủy"]  # "Lưu: VT" is a filing copy
    by_number = {r.number: r for r in m.references}
    assert by_number["12/CT-TTg"] == Reference(
        kind="Chỉ thị", number="12/CT-TTg", date="2023-04-03", issuer="Thủ tướng Chính phủ",
        text="Chỉ thị số 12/CT-TTg ngày 03/4/2023 của Thủ tướng Chính phủ",
    )
    assert by_number["88/TTr-SNN"].kind == "Tờ trình"
    assert "245/QĐ-UBND" not in by_number  # its own number is not a reference
    assert any(r.kind == "Luật" and r.date == "2017-11-15" for r in m.references)


def test_party_programme_with_standing_committee_header():
    m = meta_of(DATA / "meta_ctr_party.md")
    assert m.doc_type == "Chương trình hành động"
    assert m.number == "27-CTr/TU"
    assert (m.place, m.issued_date) == ("Yên Bái", "2022-10-14")
    assert m.issuer == "Ban Thường vụ Tỉnh ủy" and m.issuer_parent == "Tỉnh ủy Yên Bái"
    assert m.province == "Yên Bái" and merged_into("Yên Bái") == "Lào Cai"
    assert m.title.startswith("thực hiện Nghị quyết số 10-NQ/TW")
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("T/M", "Phó Bí thư", "Nguyễn Thị Lan")
    assert m.recipients == ["Ban Kinh tế Trung ương", "Các huyện ủy, thị ủy, thành ủy"]
    assert [(r.kind, r.number, r.date, r.issuer) for r in m.references] == [
        ("Nghị quyết", "10-NQ/TW", "2022-02-10", "Bộ Chính trị")
    ]


def test_letter_with_kinh_gui_and_a_department_under_the_ubnd():
    m = meta_of(DATA / "meta_cv_kinh_gui.md")
    assert m.doc_type == "Công văn"  # its symbol has no type code
    assert m.number == "1520/STC-QLNS"
    assert m.issuer == "Sở Tài chính" and m.issuer_parent == "Ủy ban nhân dân tỉnh Ninh Thuận"
    assert m.province == "Ninh Thuận" and merged_into("Ninh Thuận") == "Khánh Hòa"
    assert m.title == "V/v hướng dẫn lập dự toán ngân sách năm 2025"
    assert m.recipients[:2] == ["Các sở, ban, ngành thuộc tỉnh", "Ủy ban nhân dân các huyện, thành phố"]
    assert "UBND tỉnh" in m.recipients  # from "Nơi nhận", note "(b/c)" dropped
    assert (m.signer.position, m.signer.name) == ("Phó Giám đốc", "Trần Quốc Bảo")


def test_document_without_number_or_date_gives_nulls():
    m = meta_of(DATA / "meta_no_number.md")
    assert m.doc_type == "Kế hoạch"
    assert (m.number, m.issued_date, m.place, m.province) == (None, None, None, None)
    assert m.title == "Tổ chức Tháng hành động vì an toàn thực phẩm năm 2024"
    # the cited plan is a reference, not the document's own number
    assert [r.number for r in m.references] == ["15/KH-BCĐ"]
    assert (m.signer.capacity, m.signer.position, m.signer.name) == (None, "Trưởng ban", "Phạm Đức Long")


def test_ubnd_decision_as_a_real_docx(tmp_path):
    if not (SRC / "docx.py").exists():
        pytest.skip("ingest/docx.py (readers area) does not exist yet")
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\n-------"
    t.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------"
    t.cell(1, 0).text = "Số: 1102/QĐ-UBND"
    t.cell(1, 1).text = "Bình Phước, ngày 9 tháng 6 năm 2023"
    d.add_paragraph("QUYẾT ĐỊNH")
    d.add_paragraph("Về việc phê duyệt Kế hoạch phòng, chống dịch bệnh năm 2023")
    d.add_paragraph("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC")
    d.add_paragraph("Căn cứ Quyết định số 56/QĐ-BYT ngày 12/01/2023 của Bộ Y tế về việc ban hành kế hoạch phòng, chống dịch bệnh;")
    d.add_paragraph("Điều 1. Phê duyệt Kế hoạch kèm theo Quyết định này.")
    s = d.add_table(rows=1, cols=2)
    s.cell(0, 0).text = "Nơi nhận:\n- Như Điều 3;\n- Bộ Y tế;\n- Lưu: VT."
    s.cell(0, 1).text = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Thị Hoa"
    path = tmp_path / "qd.docx"
    d.save(path)
    m = meta_of(path)
    assert (m.doc_type, m.number, m.issued_date, m.place) == ("Quyết định", "1102/QĐ-UBND", "2023-06-09", "Bình Phước")
    assert m.issuer == "Ủy ban nhân dân tỉnh Bình Phước"
    assert m.province == "Bình Phước" and merged_into(m.province) == "Đồng Nai"
    assert (m.signer.position, m.signer.name) == ("Phó Chủ tịch", "Lê Thị Hoa")
    assert m.recipients == ["Như Điều 3", "Bộ Y tế"]
    assert [r.number for r in m.references] == ["56/QĐ-BYT"]


def test_party_programme_as_a_real_pdf(tmp_path):
    if not (SRC / "pdf.py").exists():
        pytest.skip("ingest/pdf.py (readers area) does not exist yet")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_BOLD))
    body = ParagraphStyle("b", fontName="DejaVu", fontSize=11, leading=15)
    centre = ParagraphStyle("c", parent=body, alignment=1)
    bold = ParagraphStyle("h", parent=centre, fontName="DejaVu-Bold", fontSize=13)
    header = Table(
        [
            [Paragraph("TỈNH ỦY LẠNG SƠN<br/>BAN THƯỜNG VỤ<br/>*", centre), Paragraph("ĐẢNG CỘNG SẢN VIỆT NAM", bold)],
            [Paragraph("Số 41-CTr/TU", centre), Paragraph("Lạng Sơn, ngày 20 tháng 5 năm 2021", centre)],
        ],
        colWidths=[220, 280],
    )
    sign = Table(
        [[Paragraph("Nơi nhận:<br/>- Ban Nội chính Trung ương,<br/>- Các huyện ủy, thành ủy,<br/>- Lưu Văn phòng Tỉnh ủy.", body),
          Paragraph("T/M BAN THƯỜNG VỤ<br/>PHÓ BÍ THƯ<br/><br/>Hoàng Văn Nghiệm", centre)]],
        colWidths=[250, 250],
    )
    story = [
        header, Spacer(1, 12),
        Paragraph("CHƯƠNG TRÌNH HÀNH ĐỘNG", bold),
        Paragraph("thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị", centre), Spacer(1, 12),
        Paragraph("Thực hiện Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy "
                  "xây dựng Chương trình hành động với những nội dung sau:", body),
        Paragraph("I. MỤC TIÊU", body),
        Paragraph("Tiếp tục học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong toàn tỉnh Lạng Sơn.", body),
        Spacer(1, 12), sign,
    ]
    path = tmp_path / "ctr.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    m = meta_of(path)
    assert (m.doc_type, m.number, m.issued_date, m.place) == ("Chương trình hành động", "41-CTr/TU", "2021-05-20", "Lạng Sơn")
    assert (m.issuer, m.issuer_parent, m.province) == ("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy Lạng Sơn", "Lạng Sơn")
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("T/M", "Phó Bí thư", "Hoàng Văn Nghiệm")
    assert m.recipients == ["Ban Nội chính Trung ương", "Các huyện ủy, thành ủy"]
    assert [(r.kind, r.number, r.issuer) for r in m.references] == [("Kết luận", "01-KL/TW", "Bộ Chính trị")]


# ---- the pieces, as examples ------------------------------------------------


def test_reference_text_as_written():
    refs = find_references("Thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị về tăng cường công tác phòng, chống ma túy")
    assert refs == [Reference(kind="Chỉ thị", number="36-CT/TW", date="2019-08-16", issuer="Bộ Chính trị",
                              text="Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị")]


def test_references_of_the_same_document_merge_and_lists_of_numbers_are_split():
    text = ("Căn cứ Nghị quyết 57-NQ/TW; thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. "
            "Các Nghị định: số 115/2024/NĐ-CP ngày 16/9/2024, số 225/2025/NĐ-CP ngày 15/8/2025.")
    refs = find_references(text)
    assert [(r.kind, r.number, r.date) for r in refs] == [
        ("Nghị quyết", "57-NQ/TW", "2024-12-22"),
        ("Nghị định", "115/2024/NĐ-CP", "2024-09-16"),
        ("Nghị định", "225/2025/NĐ-CP", "2025-08-15"),
    ]
    assert refs[0].issuer == "Bộ Chính trị"


def test_no_references_in_plain_prose_or_dates():
    assert find_references("Hoàn thành trước ngày 30/6/2024; giai đoạn 2021-2025; 05 năm thực hiện.") == []


def test_numbers_and_type_codes():
    assert normalize_number("10- CTr/TU") == "10-CTr/TU"
    assert normalize_number("71/NQ -CP") == "71/NQ-CP"
    assert type_code("1627/QĐ-UBND") == "QĐ"
    assert type_code("39-CTr/TU") == "CTr"
    assert type_code("10/2022/TT-BLĐTBXH") == "TT"
    assert type_code("123/UBND-VP") == "UBND"  # a công văn: the code is the issuer's, not a type


def test_names_in_capitals_get_running_text_casing():
    assert case_name("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI") == "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert case_name("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH") == "Ủy ban nhân dân Thành phố Hồ Chí Minh"
    assert case_name("VĂN PHÒNG CHÍNH PHỦ") == "Văn phòng Chính phủ"
    assert case_name("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG") == "Sở Nông nghiệp và Môi trường"
    assert case_name("BAN THƯỜNG VỤ TỈNH ỦY") == "Ban Thường vụ Tỉnh ủy"
    assert case_name("Sở Tài chính") == "Sở Tài chính"  # already cased: unchanged


def test_header_left_column_splits_into_parent_and_body():
    assert split_bodies("TỈNH ỦY LẠNG SƠN BAN THƯỜNG VỤ") == ["TỈNH ỦY LẠNG SƠN", "BAN THƯỜNG VỤ"]
    assert split_bodies("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI") == ["ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"]
    assert split_bodies("UBND TỈNH ĐỒNG NAI SỞ TÀI CHÍNH") == ["UBND TỈNH ĐỒNG NAI", "SỞ TÀI CHÍNH"]
    assert split_bodies("BAN THƯỜNG VỤ TỈNH ỦY") == ["BAN THƯỜNG VỤ TỈNH ỦY"]
    assert split_bodies("ĐẢNG ỦY CÔNG AN TỈNH") == ["ĐẢNG ỦY CÔNG AN TỈNH"]
    # a province name is never cut ("PHÒNG" also heads a body)
    assert split_bodies("UBND THÀNH PHỐ HẢI PHÒNG SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH") == [
        "UBND THÀNH PHỐ HẢI PHÒNG", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"]


def test_parent_and_issuer_from_the_header_column():
    from directive_nlp.structure.metadata import _combine_bodies

    def combine(h):
        return _combine_bodies(split_bodies(h))

    assert combine("UBND THÀNH PHỐ HẢI PHÒNG SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH") == (
        "Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân thành phố Hải Phòng")
    assert combine("HĐND TỈNH SƠN LA THƯỜNG TRỰC") == (
        "Thường trực Hội đồng nhân dân tỉnh Sơn La", "Hội đồng nhân dân tỉnh Sơn La")
    assert combine("BỘ TÀI CHÍNH CỤC QUẢN LÝ CÔNG SẢN") == ("Cục Quản lý công sản", "Bộ Tài chính")
    assert combine("TỈNH ỦY LẠNG SƠN BAN THƯỜNG VỤ") == ("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy Lạng Sơn")


def test_rule_files_load():
    r = load_rules()
    names = [t.name for t in r.doc_types]
    assert "Chương trình hành động" in names and names.index("Chương trình hành động") < names.index("Chương trình")
    assert "TM." in r.capacities and "T/M" in r.capacities and "KT." in r.capacities
    assert "Phó Bí thư Thường trực" in r.positions and "Phó Chủ tịch" in r.positions
    assert "Lưu" in r.recipient_drop


FLAT_UBND = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ GIANG Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND Hà Giang, ngày 05 tháng 3 năm 2026

KẾ HOẠCH
Triển khai công tác chuyển đổi số năm 2026

Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt Chương trình Chuyển đổi số quốc gia;

I. MỤC TIÊU
Đến hết năm 2026, 100% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng.

Nơi nhận:
- Bộ Thông tin và Truyền thông;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
(Đã ký)
Nguyễn Văn Sơn
"""

FLAT_PARTY = """TỈNH ỦY CAO BẰNG ĐẢNG CỘNG SẢN VIỆT NAM
BAN THƯỜNG VỤ
*
Số 88-KH/TU Cao Bằng, ngày 2 tháng 12 năm 2023

KẾ HOẠCH
tổng kết 10 năm thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị

I. MỤC ĐÍCH, YÊU CẦU
Đánh giá đúng kết quả học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.

Nơi nhận:
- Ban Tuyên giáo Trung ương,
- Lưu Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ THƯỜNG TRỰC
Hoàng Thị Mai
"""


@pytest.mark.parametrize("text", [FLAT_UBND, FLAT_PARTY], ids=["ubnd", "party"])
def test_header_flattened_into_lines_beside_the_motto(tmp_path, text):
    """A PDF reader that does not see the header's two columns gives each
    visual line with both columns glued: the motto is removed and the rest kept."""
    p = tmp_path / "flat.txt"
    p.write_text(text, encoding="utf-8")
    m = meta_of(p)
    if text is FLAT_UBND:
        assert (m.number, m.issued_date, m.place) == ("12/KH-UBND", "2026-03-05", "Hà Giang")
        assert m.issuer == "Ủy ban nhân dân tỉnh Hà Giang" and m.province == "Hà Giang"
        assert (m.signer.capacity, m.signer.position, m.signer.name) == ("TM.", "Chủ tịch", "Nguyễn Văn Sơn")
        assert m.title == "Triển khai công tác chuyển đổi số năm 2026"
    else:
        assert (m.doc_type, m.number, m.issued_date, m.place) == ("Kế hoạch", "88-KH/TU", "2023-12-02", "Cao Bằng")
        assert (m.issuer, m.issuer_parent, m.province) == ("Ban Thường vụ Tỉnh ủy", "Tỉnh ủy Cao Bằng", "Cao Bằng")
        assert (m.signer.position, m.signer.name) == ("Phó Bí thư Thường trực", "Hoàng Thị Mai")
        assert [r.number for r in m.references] == ["05-CT/TW"]


def test_laws_cited_by_name_and_numbers_with_a_dot():
    refs = find_references(
        "theo Luật Tài nguyên nước năm 2023; Nghị quyết số 66.4/2025/NQ-CP ngày 15/7/2025 của Chính phủ."
    )
    assert [(r.kind, r.number, r.date) for r in refs] == [
        ("Luật", None, None),  # a year is not a date: not guessed
        ("Nghị quyết", "66.4/2025/NQ-CP", "2025-07-15"),
    ]
    assert refs[0].text == "Luật Tài nguyên nước năm 2023"


def test_letter_without_header_takes_the_issuing_level_from_the_text(tmp_path):
    text = """Kính gửi: Các sở, ban, ngành tỉnh

Thực hiện Công điện số 12/CĐ-TTg ngày 02/3/2025 của Thủ tướng Chính phủ, UBND tỉnh yêu cầu các sở, ban, ngành rà soát hồ sơ đất đai.

Nơi nhận:
- Như trên;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đinh Văn Toàn
"""
    p = tmp_path / "cv.txt"
    p.write_text(text, encoding="utf-8")
    m = meta_of(p)
    assert m.doc_type == "Công văn" and m.number is None and m.issued_date is None
    assert m.issuer == "Ủy ban nhân dân tỉnh" and m.province is None  # no province named: null
    assert (m.signer.capacity, m.signer.position, m.signer.name) == ("KT.", "Phó Chủ tịch", "Đinh Văn Toàn")
    assert m.recipients == ["Các sở, ban, ngành tỉnh", "Như trên"]
    assert [(r.kind, r.number) for r in m.references] == [("Công điện", "12/CĐ-TTg")]


def test_nothing_is_guessed_from_sentences_or_blank_dates(tmp_path):
    text = """| **ỦY BAN NHÂN DÂN** TỈNH ĐIỆN BIÊN | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** Độc lập - Tự do - Hạnh phúc |
| Số: /KH-UBND | *Điện Biên, ngày    tháng 11 năm 2025* |

Kế hoạch này được xây dựng để triển khai Chỉ thị số 20/CT-UBND ngày 01/8/2025 của UBND tỉnh.

Các sở, ngành thực hiện nghiêm túc.
"""
    p = tmp_path / "draft.md"
    p.write_text(text, encoding="utf-8")
    m = meta_of(p)
    assert m.number is None  # a draft's blank number
    assert (m.place, m.issued_date) == ("Điện Biên", None)  # blank day: no date
    assert m.doc_type is None  # "Kế hoạch này …" is a sentence, not the type heading
    assert m.issuer == "Ủy ban nhân dân tỉnh Điện Biên" and m.province == "Điện Biên"
    assert m.signer is None and m.recipients == []
    assert [r.number for r in m.references] == ["20/CT-UBND"]


def test_signature_forms():
    from directive_nlp.structure.metadata import _parse_signature

    def sig(text):
        s, _ = _parse_signature(text)
        return (s.capacity, s.position, s.name)

    assert sig("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Ngọc Sâm") == ("KT.", "Phó Chủ tịch", "Nguyễn Ngọc Sâm")
    assert sig("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trương Việt Dũng") == ("KT.", "Phó Chủ tịch", "Trương Việt Dũng")
    assert sig("KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Trịnh Mạnh Linh") == ("KT.", "Phó Chủ nhiệm", "Trịnh Mạnh Linh")
    assert sig("TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG Lê Văn Tư") == ("KT.", "Phó Chánh Văn phòng", "Lê Văn Tư")
    assert sig("Q. GIÁM ĐỐC Phan Thị Thu") == ("Q.", "Giám đốc", "Phan Thị Thu")
    assert sig("TUQ. CHỦ TỊCH CHÁNH VĂN PHÒNG Đỗ Minh") == ("TUQ.", "Chánh Văn phòng", "Đỗ Minh")
    assert sig("KT. CHỦ TỊCH PHÓ CHỦ TỊCH NGUYỄN VĂN AN") == ("KT.", "Phó Chủ tịch", "Nguyễn Văn An")  # name in capitals
    assert sig("KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Hà Văn Bình") == ("KT.", "Phó Chủ tịch", "Hà Văn Bình")
    assert sig("KT. CHỦ TỊCH PHÓ CHỦ TỊCH") == ("KT.", "Phó Chủ tịch", None)  # unsigned copy: no name guessed


@pytest.mark.parametrize("caps, cased", [
    ("ỦY BAN NHÂN DÂN TỈNH SÔNG HỒNG", "Ủy ban nhân dân tỉnh Sông Hồng"),
    ("BAN THƯỜNG VỤ HUYỆN ỦY ĐỒNG XANH", "Ban Thường vụ Huyện ủy Đồng Xanh"),
    ("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "Ủy ban nhân dân xã Tân Phú"),
])
def test_a_place_the_list_does_not_know_keeps_proper_name_casing(caps, cased):
    assert case_name(caps) == cased


@pytest.mark.parametrize("caps, cased", [
    ("BAN CHỈ ĐẠO TỈNH VỀ CHUYỂN ĐỔI SỐ", "Ban Chỉ đạo tỉnh về chuyển đổi số"),
    ("BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
    ("ỦY BAN NHÂN DÂN TỈNH", "Ủy ban nhân dân tỉnh"),
])
def test_words_after_a_level_that_are_no_name_stay_lower_case(caps, cased):
    assert case_name(caps) == cased


# --- rules as data: each word list of meta_rules.yaml, a positive and a negative example ---
from directive_nlp.structure import metadata as _md  # noqa: E402


@pytest.mark.parametrize("line, opens", [
    ("Căn cứ Luật Tổ chức chính quyền địa phương;", True),  # body_openers
    ("Trong thời gian tới, các sở …", True),
    ("Để triển khai có hiệu quả …", True),  # body_opener_words
    ("Ngày 5 tháng 3 năm 2025, Ban Thường vụ …", True),  # body_opener_before_number
    ("Sau 30 ngày kể từ …", True),
    ("ỦY BAN NHÂN DÂN", False),
    ("Đểm danh", False),  # an opener word glued to more letters
    ("Ngày hội đọc sách", False),  # "Ngày" not before a number
])
def test_body_openers_come_from_the_rule_file(line, opens):
    assert bool(_md._body_start_re().match(line)) is opens


@pytest.mark.parametrize("line, heading", [
    ("Phần I KẾT QUẢ", True), ("Chương 3 TỔ CHỨC", True),  # section_words
    ("Điều 1 Ban hành", True),  # article_words
    ("Điều II Ban hành", False),  # an article takes an Arabic number
    ("Phần lớn các xã", False),
])
def test_section_words_come_from_the_rule_file(line, heading):
    assert bool(_md._section_re().match(line)) is heading


def test_authority_lines_and_signed_marks():
    assert _md._authority_line_re().match("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")
    assert not _md._authority_line_re().match("CHỦ TỊCHX")
    assert not _md._authority_line_re().match("ỦY BAN NHÂN DÂN")
    assert _md._signed_mark_re().sub(" ", "CHỦ TỊCH (Đã ký)").strip() == "CHỦ TỊCH"
    assert _md._signed_mark_re().sub(" ", "CHỦ TỊCH (xem trang 2)") == "CHỦ TỊCH (xem trang 2)"


def test_recipient_notes_come_from_the_rule_file():
    assert _md._note_re().search("Sở Tài chính (để báo cáo);")
    assert _md._note_re().search("UBND các huyện (t/h);")
    assert not _md._note_re().search("Sở Tài chính (Phòng Ngân sách);")


def test_party_body_with_either_spelling_of_uy():
    for text in ("Ban Thường vụ Tỉnh ủy xây dựng", "Ban Thường vụ Tỉnh uỷ xây dựng"):
        m = _md._party_body_re().search(text)
        assert m and m.group(2) == "Tỉnh"
    assert not _md._party_body_re().search("Ban Thường vụ Hội Nông dân")


def test_state_actor_gives_the_level_from_running_text():
    m = _md._state_actor_re().search("UBND tỉnh Quảng Ngãi yêu cầu các sở")
    assert m and m.group(1) == "UBND" and m.group(2) == "tỉnh" and m.group(3).strip() == "Quảng Ngãi"
    assert _md._issuer_from_capacity("ỦY BAN NHÂN DÂN", "UBND tỉnh Quảng Ngãi yêu cầu …") == \
        "Ủy ban nhân dân tỉnh Quảng Ngãi"
    assert not _md._state_actor_re().search("UBND tỉnh Quảng Ngãi và các sở")  # no issuing verb


def test_number_labels_and_of_words_come_from_the_rule_file():
    assert _md._OWN_NUMBER_RE.search("Số: 45/KH-UBND").group(1) == "45/KH-UBND"  # number_labels
    assert _md._OWN_NUMBER_RE.search("SỐ 45/KH-UBND")
    assert not _md._OWN_NUMBER_RE.search("Chỉ thị số 36-CT/TW")  # the own number has a capital S
    assert _md._OF_BODY_RE.match("CỦA BAN THƯỜNG VỤ TỈNH ỦY").group(1) == "BAN THƯỜNG VỤ TỈNH ỦY"  # of_words
    assert _md._OF_BODY_RE.match("của Ban Thường vụ")
    assert not _md._OF_BODY_RE.match("VỀ VIỆC TRIỂN KHAI")
