"""One realistic document per numbering layout, written for these tests.

Each document is Markdown as the portals publish it (bold headings, tables),
read through the real reader and normaliser; the test lists the section id
expected for the block that starts with a given text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from directive_nlp.models import DocumentStructure, NormalizedDocument, SourceInfo
from directive_nlp.pipeline import load_text
from directive_nlp.structure import parse_structure

# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


def parse_md(tmp_path: Path, text: str, name: str = "doc.md") -> tuple[NormalizedDocument, DocumentStructure]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = load_text(path)
    return doc, parse_structure(doc)


def section_of(doc: NormalizedDocument, structure: DocumentStructure, start: str) -> str:
    """Section id of the (first) block whose text starts with ``start``."""
    for b, info in zip(doc.blocks, structure.blocks):
        if doc.block_text(b).startswith(start):
            return info.section
    raise AssertionError(f"no block starts with {start!r}")


def info_of(doc: NormalizedDocument, structure: DocumentStructure, start: str):
    for b, info in zip(doc.blocks, structure.blocks):
        if doc.block_text(b).startswith(start):
            return info
    raise AssertionError(f"no block starts with {start!r}")


def check(doc: NormalizedDocument, structure: DocumentStructure, expected: dict[str, str]) -> None:
    got = {start: section_of(doc, structure, start) for start in expected}
    assert got == expected
    # invariants every tree keeps
    ids = [s.id for s in structure.sections]
    assert len(ids) == len(set(ids)), "section ids are unique"
    assert len(structure.blocks) == len(doc.blocks)
    for s in structure.sections:
        assert s.parent is None or s.parent in ids


# --------------------------------------------------------------------------
# Quyết định with Điều / khoản / điểm and an attached plan with an appendix
# --------------------------------------------------------------------------

QUYET_DINH = """\
| **ỦY BAN NHÂN DÂN TỈNH AN HÒA** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** Độc lập - Tự do - Hạnh phúc |
|---|---|
| Số: 45/QĐ-UBND | *An Hòa, ngày 10 tháng 01 năm 2026* |

**QUYẾT ĐỊNH**

Về việc ban hành Kế hoạch phòng, chống sinh vật gây hại cây trồng năm 2026

**CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH AN HÒA**

Căn cứ Luật Trồng trọt ngày 19 tháng 11 năm 2018;

Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường.

**QUYẾT ĐỊNH:**

**Điều 1.** Ban hành kèm theo Quyết định này Kế hoạch phòng, chống sinh vật gây hại cây trồng năm 2026.

**Điều 2.** Trách nhiệm thi hành

1. Sở Nông nghiệp và Môi trường chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.

2. Ủy ban nhân dân các xã, phường có trách nhiệm:

a) Bố trí kinh phí phòng, chống sinh vật gây hại tại địa phương;

b) Báo cáo kết quả thực hiện trước ngày 15 tháng 12 năm 2026.

**Điều 3** Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ngành và Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này./.

**Nơi nhận:**

- Như Điều 3;

- Lưu: VT, KTN.

**KT. CHỦ TỊCH**

**PHÓ CHỦ TỊCH**

**KẾ HOẠCH**

**Phòng, chống sinh vật gây hại cây trồng năm 2026**

*(Kèm theo Quyết định số 45/QĐ-UBND ngày 10/01/2026 của Chủ tịch Ủy ban nhân dân tỉnh)*

**I. MỤC ĐÍCH, YÊU CẦU**

Chủ động phát hiện sớm, khoanh vùng và dập tắt kịp thời các ổ dịch trên lúa và cây ăn quả.

**II. NHIỆM VỤ**

**1. Giám sát đồng ruộng**

- Tổ chức điều tra, phát hiện sinh vật gây hại định kỳ hằng tuần:

+ Ưu tiên vùng trồng lúa và cây ăn quả tập trung;

+ Cập nhật số liệu lên phần mềm của ngành.

**2. Dự trữ vật tư**

Sở Tài chính bảo đảm kinh phí dự trữ thuốc bảo vệ thực vật.

**III. TỔ CHỨC THỰC HIỆN**

1. Sở Nông nghiệp và Môi trường hướng dẫn các địa phương triển khai Kế hoạch.

2. Các xã, phường báo cáo kết quả về Sở Nông nghiệp và Môi trường trước ngày 20 hằng tháng.

**PHỤ LỤC**

**DANH MỤC NHIỆM VỤ TRỌNG TÂM**

| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |
|---|---|---|---|
| 1 | Điều tra sinh vật gây hại trên lúa | Sở Nông nghiệp và Môi trường | Hằng tuần |
| 2 | a) Dự trữ thuốc bảo vệ thực vật; b) Cấp phát cho các xã | Sở Tài chính | Quý I/2026 |
"""


def test_decision_articles_then_attached_plan_and_appendix(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, QUYET_DINH)
    check(
        doc,
        st,
        {
            "Số: 45/QĐ-UBND": "preamble",
            "QUYẾT ĐỊNH:": "preamble",
            "Căn cứ Luật Trồng trọt": "preamble",
            "Điều 1.": "Điều 1",
            "Điều 2.": "Điều 2",
            "1. Sở Nông nghiệp và Môi trường chủ trì": "Điều 2.1",
            "2. Ủy ban nhân dân các xã": "Điều 2.2",
            "a) Bố trí kinh phí": "Điều 2.2.a",
            "b) Báo cáo kết quả": "Điều 2.2.b",
            "Điều 3 Chánh Văn phòng": "Điều 3",
            "Nơi nhận:": "closing",
            "- Như Điều 3;": "closing",
            "KT. CHỦ TỊCH": "closing",
            # the attached plan: its own preamble, numbering from I again
            "KẾ HOẠCH": "preamble",
            "(Kèm theo Quyết định": "preamble",
            "I. MỤC ĐÍCH": "I",
            "Chủ động phát hiện sớm": "I",
            "1. Giám sát đồng ruộng": "II.1",
            "- Tổ chức điều tra": "II.1",
            "+ Ưu tiên vùng trồng lúa": "II.1",
            "Sở Tài chính bảo đảm": "II.2",
            # nested numbering restarts in a new part
            "1. Sở Nông nghiệp và Môi trường hướng dẫn": "III.1",
            "2. Các xã, phường báo cáo": "III.2",
            # the appendix and its rows; "a)" inside a row opens nothing
            "PHỤ LỤC": "PL",
            "DANH MỤC NHIỆM VỤ": "PL",
            "STT | Nhiệm vụ": "PL",
            "1 | Điều tra": "PL.row1",
            "2 | a) Dự trữ": "PL.row2",
        },
    )
    kinds = {s.id: s.kind for s in st.sections}
    assert kinds["Điều 2.1"] == "clause" and kinds["Điều 2.2.a"] == "point"
    assert kinds["PL"] == "appendix" and kinds["PL.row2"] == "table_row"
    assert st.section("PL").heading == "DANH MỤC NHIỆM VỤ TRỌNG TÂM"
    assert st.section("Điều 2.2.a").parent == "Điều 2.2"
    assert st.section("II.1").level == 2 and st.section("II.1").parent == "II"
    # headings versus list items
    assert info_of(doc, st, "Điều 2.").is_heading
    assert info_of(doc, st, "1. Giám sát đồng ruộng").is_heading
    assert not info_of(doc, st, "1. Sở Nông nghiệp và Môi trường chủ trì").is_heading
    assert not info_of(doc, st, "a) Bố trí kinh phí").is_heading
    # bullets: marker, depth, content offset
    plus = info_of(doc, st, "+ Ưu tiên")
    assert (plus.marker, plus.marker_kind, plus.depth) == ("+", "bullet", 2)
    assert doc.text[plus.content_start :].startswith("Ưu tiên vùng trồng lúa")
    art = info_of(doc, st, "Điều 2.")
    assert (art.marker, art.marker_kind) == ("Điều 2.", "article")
    assert doc.text[art.content_start :].startswith("Trách nhiệm thi hành")


# --------------------------------------------------------------------------
# Party programme: "I-", "1.", "-", "+", a concluding paragraph
# --------------------------------------------------------------------------

CHUONG_TRINH = """\
**TỈNH ỦY AN HÒA**

**CHƯƠNG TRÌNH HÀNH ĐỘNG**

**thực hiện Nghị quyết của Ban Chấp hành Trung ương về chuyển đổi số**

Để đưa Nghị quyết vào cuộc sống, Ban Thường vụ Tỉnh ủy xây dựng Chương trình hành động như sau:

**I- MỤC TIÊU**

Đến năm 2030, kinh tế số chiếm 30% tổng sản phẩm trên địa bàn tỉnh.

**II- NHIỆM VỤ, GIẢI PHÁP**

**1. Nâng cao nhận thức về chuyển đổi số**

- Các cấp ủy đảng tổ chức quán triệt Nghị quyết đến từng chi bộ.

- Ban Tuyên giáo Tỉnh ủy định hướng công tác tuyên truyền:

+ Mở chuyên mục về chuyển đổi số trên Báo An Hòa;

+ Biên soạn tài liệu hỏi - đáp cho đảng viên.

**2. Phát triển hạ tầng số**

Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo xây dựng trung tâm dữ liệu của tỉnh.

Các doanh nghiệp viễn thông mở rộng vùng phủ sóng tới thôn, bản.

**III- TỔ CHỨC THỰC HIỆN**

**1.** Các huyện ủy, thành ủy xây dựng kế hoạch thực hiện, hoàn thành trong quý II năm 2026.

**2.** Giao Văn phòng Tỉnh ủy theo dõi, tổng hợp, định kỳ báo cáo Ban Thường vụ Tỉnh ủy.

Chương trình này được phổ biến đến chi bộ và đảng viên.

**Nơi nhận:**

- Ban Bí thư Trung ương Đảng,

- Lưu Văn phòng Tỉnh ủy.

**T/M BAN THƯỜNG VỤ**

**BÍ THƯ**
"""


def test_party_programme_with_dash_parts(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, CHUONG_TRINH)
    check(
        doc,
        st,
        {
            "CHƯƠNG TRÌNH HÀNH ĐỘNG": "preamble",
            "Để đưa Nghị quyết": "preamble",
            "I- MỤC TIÊU": "I",
            "Đến năm 2030": "I",
            "1. Nâng cao nhận thức": "II.1",
            "- Các cấp ủy đảng": "II.1",
            "+ Mở chuyên mục": "II.1",
            "Ban cán sự đảng": "II.2",
            "Các doanh nghiệp viễn thông": "II.2",
            "1. Các huyện ủy": "III.1",
            "2. Giao Văn phòng": "III.2",
            # a paragraph after the last item closes the Roman part
            "Chương trình này được phổ biến": "III",
            "Nơi nhận:": "closing",
            "T/M BAN THƯỜNG VỤ": "closing",
            "BÍ THƯ": "closing",
        },
    )
    assert st.section("I").number == "I-"
    assert st.section("II").heading == "NHIỆM VỤ, GIẢI PHÁP"
    assert st.section("II.1").heading == "Nâng cao nhận thức về chuyển đổi số"
    assert st.section("III.1").heading is None  # a numbered paragraph, not a heading
    assert [info_of(doc, st, t).depth for t in ("- Ban Tuyên giáo", "+ Biên soạn")] == [1, 2]


# --------------------------------------------------------------------------
# Plan with 1.1. / 1.1.1. / a)
# --------------------------------------------------------------------------

KE_HOACH = """\
**KẾ HOẠCH**

**Tổ chức Tháng hành động vì an toàn thực phẩm năm 2026**

**I. MỤC ĐÍCH, YÊU CẦU**

Nâng cao nhận thức của người sản xuất, kinh doanh và người tiêu dùng.

**II. NỘI DUNG**

**1. Truyền thông**

**1.1. Truyền thông trên báo chí**

**1.1.1. Báo in và báo điện tử**

a) Đăng tải tin, bài về an toàn thực phẩm mỗi tuần;

b) Phỏng vấn chuyên gia dinh dưỡng về bữa ăn học đường.

1.1.2. Truyền hình

Phát sóng phóng sự chuyên đề vào khung giờ có nhiều người xem.

**1.2. Truyền thông trực tiếp**

Tổ chức nói chuyện chuyên đề tại chợ và trường học.

**2. Thanh tra, kiểm tra**

2.1. Sở Y tế chủ trì thành lập đoàn kiểm tra liên ngành.

2.2. Công an tỉnh phối hợp điều tra các vụ vi phạm nghiêm trọng.

**III. TỔ CHỨC THỰC HIỆN**

**1. Sở Y tế**

Là cơ quan thường trực, tổng hợp kết quả và báo cáo Ủy ban nhân dân tỉnh trước ngày 30/5/2026.

**2. Ủy ban nhân dân các xã, phường**

Bố trí lực lượng kiểm tra tại các chợ đầu mối.
"""


def test_plan_with_dotted_numbers_and_letters(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, KE_HOACH)
    check(
        doc,
        st,
        {
            "KẾ HOẠCH": "preamble",
            "Nâng cao nhận thức": "I",
            "1. Truyền thông": "II.1",
            "1.1. Truyền thông trên báo chí": "II.1.1",
            "1.1.1. Báo in": "II.1.1.1",
            "a) Đăng tải tin": "II.1.1.1.a",
            "b) Phỏng vấn": "II.1.1.1.b",
            "1.1.2. Truyền hình": "II.1.1.2",
            "Phát sóng phóng sự": "II.1.1.2",
            "1.2. Truyền thông trực tiếp": "II.1.2",
            "Tổ chức nói chuyện": "II.1.2",
            "2.1. Sở Y tế": "II.2.1",
            "2.2. Công an tỉnh": "II.2.2",
            "1. Sở Y tế": "III.1",
            "Là cơ quan thường trực": "III.1",
            # the last heading's own paragraph stays under it
            "Bố trí lực lượng": "III.2",
        },
    )
    assert st.section("II.1.1.1").parent == "II.1.1"
    assert st.section("II.1.1.1.a").level == 5
    assert info_of(doc, st, "1.1.2. Truyền hình").is_heading  # short, followed by its paragraph
    assert not info_of(doc, st, "2.1. Sở Y tế").is_heading  # a sentence, followed by a sibling


# --------------------------------------------------------------------------
# Chỉ thị: numbered paragraphs addressed to agencies, from "1."
# --------------------------------------------------------------------------

CHI_THI = """\
| **ỦY BAN NHÂN DÂN TỈNH AN HÒA** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** |
|---|---|
| Số: 03/CT-UBND | *An Hòa, ngày 02 tháng 3 năm 2026* |

**CHỈ THỊ**

**Về tăng cường phòng cháy, chữa cháy rừng mùa khô năm 2026**

Mùa khô năm nay được dự báo nắng nóng kéo dài, nguy cơ cháy rừng ở mức cao tại nhiều địa phương.

Để chủ động phòng ngừa, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:

1. Công an tỉnh chủ trì kiểm tra an toàn phòng cháy tại các chợ, trung tâm thương mại, hoàn thành trước ngày 31/3/2026.

2. Sở Nông nghiệp và Môi trường:

a) Chỉ đạo lực lượng kiểm lâm trực cháy 24/24 giờ trong cao điểm;

b) Cập nhật bản đồ cảnh báo nguy cơ cháy rừng hằng ngày.

3. Ủy ban nhân dân các xã, phường tuyên truyền người dân không đốt nương rẫy trong những ngày nắng nóng.

Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã, phường nghiêm túc thực hiện Chỉ thị này./.

| **Nơi nhận:** - Bộ Nông nghiệp và Môi trường; - Lưu: VT. | **KT. CHỦ TỊCH PHÓ CHỦ TỊCH** Trần Văn An |
"""


def test_chi_thi_numbered_addressees(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, CHI_THI)
    check(
        doc,
        st,
        {
            "Số: 03/CT-UBND": "preamble",
            "CHỈ THỊ": "preamble",
            "Mùa khô năm nay": "preamble",
            "Để chủ động phòng ngừa": "preamble",
            "1. Công an tỉnh": "1",
            "2. Sở Nông nghiệp": "2",
            "a) Chỉ đạo lực lượng": "2.a",
            "b) Cập nhật bản đồ": "2.b",
            "3. Ủy ban nhân dân": "3",
            # a document numbered from "1." has no part to hold this
            "Giám đốc các sở": "closing",
            "Nơi nhận:": "closing",
        },
    )
    assert info_of(doc, st, "2. Sở Nông nghiệp").is_heading  # an agency heading over a) b)
    assert not info_of(doc, st, "1. Công an tỉnh").is_heading


# --------------------------------------------------------------------------
# Công văn starting at "Kính gửi"
# --------------------------------------------------------------------------

CONG_VAN = """\
Kính gửi:

- Các sở, ban, ngành tỉnh;

- Ủy ban nhân dân các xã, phường.

V/v: đôn đốc giải ngân vốn đầu tư công năm 2026

Thực hiện chỉ đạo của Thủ tướng Chính phủ về đẩy nhanh giải ngân vốn đầu tư công, Ủy ban nhân dân tỉnh yêu cầu:

1. Các chủ đầu tư rà soát tiến độ từng dự án, báo cáo trước ngày 20/3/2026.

2. Sở Tài chính tổng hợp, đề xuất điều chuyển vốn của các dự án chậm giải ngân.

Đề nghị các cơ quan, đơn vị khẩn trương triển khai thực hiện./.

Nơi nhận:

- Như trên;

- Lưu: VT.

TL. CHỦ TỊCH
"""


def test_cong_van_from_kinh_gui(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, CONG_VAN, "cong_van.txt")
    check(
        doc,
        st,
        {
            "Kính gửi:": "preamble",
            "- Các sở, ban, ngành tỉnh;": "preamble",
            "V/v: đôn đốc": "preamble",
            "Thực hiện chỉ đạo": "preamble",
            "1. Các chủ đầu tư": "1",
            "2. Sở Tài chính": "2",
            "Đề nghị các cơ quan": "closing",
            "Nơi nhận:": "closing",
            "- Như trên;": "closing",
            "TL. CHỦ TỊCH": "closing",
        },
    )


# --------------------------------------------------------------------------
# No numbering at all
# --------------------------------------------------------------------------

THONG_BAO = """\
THÔNG BÁO

Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc với Sở Xây dựng

Ngày 12 tháng 02 năm 2026, Chủ tịch Ủy ban nhân dân tỉnh đã làm việc với Sở Xây dựng về tiến độ các công trình giao thông trọng điểm.

Chủ tịch Ủy ban nhân dân tỉnh đề nghị Sở Xây dựng khẩn trương hoàn thiện hồ sơ bàn giao mặt bằng trong tháng 3 năm 2026.

Văn phòng Ủy ban nhân dân tỉnh thông báo để các cơ quan biết, thực hiện.

Nơi nhận:

- Sở Xây dựng;

- Lưu: VT.
"""


def test_document_without_numbering(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, THONG_BAO, "thong_bao.txt")
    sections = {info.section for info in st.blocks}
    assert sections == {"preamble", "closing"}
    assert section_of(doc, st, "Chủ tịch Ủy ban nhân dân tỉnh đề nghị") == "preamble"
    assert section_of(doc, st, "Nơi nhận:") == "closing"
    assert [s.id for s in st.sections] == ["preamble", "closing"]


def test_empty_document_does_not_crash() -> None:
    doc = NormalizedDocument(source=SourceInfo(path="x.txt", format="txt", sha256="0"), text="", blocks=[])
    st = parse_structure(doc)
    assert st.sections == [] and st.blocks == []


# --------------------------------------------------------------------------
# Legal text: Chương / Mục / Điều / khoản / điểm
# --------------------------------------------------------------------------

QUY_CHE = """\
**QUY CHẾ**

**Phối hợp quản lý cụm công nghiệp trên địa bàn tỉnh**

**Chương I**

**QUY ĐỊNH CHUNG**

**Điều 1. Phạm vi điều chỉnh**

Quy chế này quy định việc phối hợp giữa các cơ quan trong quản lý cụm công nghiệp.

**Điều 2. Nguyên tắc phối hợp**

1. Bảo đảm thống nhất, công khai, minh bạch.

2. Không chồng chéo về chức năng, nhiệm vụ.

**Chương II**

**TRÁCH NHIỆM CỦA CÁC CƠ QUAN**

**Mục 1. CÁC SỞ, NGÀNH**

**Điều 3. Sở Công Thương**

1. Chủ trì thẩm định hồ sơ thành lập, mở rộng cụm công nghiệp.

2. Định kỳ 6 tháng báo cáo Ủy ban nhân dân tỉnh về:

a) Tình hình đầu tư hạ tầng kỹ thuật;

b) Khó khăn, vướng mắc và kiến nghị.

**Mục 2. ỦY BAN NHÂN DÂN CẤP XÃ**

**Điều 4. Trách nhiệm của Ủy ban nhân dân cấp xã**

Phối hợp bồi thường, giải phóng mặt bằng và bảo đảm an ninh trật tự.
"""


def test_legal_text_chapters_sections_articles(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, QUY_CHE)
    check(
        doc,
        st,
        {
            "QUY CHẾ": "preamble",
            "Chương I": "Chương I",
            "QUY ĐỊNH CHUNG": "Chương I",
            "Điều 1.": "Điều 1",
            "Quy chế này quy định": "Điều 1",
            "1. Bảo đảm thống nhất": "Điều 2.1",
            "Mục 1.": "Chương II.Mục 1",
            "Điều 3.": "Điều 3",
            "1. Chủ trì thẩm định": "Điều 3.1",
            "a) Tình hình đầu tư": "Điều 3.2.a",
            "Mục 2.": "Chương II.Mục 2",
            "Phối hợp bồi thường": "Điều 4",
        },
    )
    assert st.section("Chương I").heading == "QUY ĐỊNH CHUNG"
    assert st.section("Điều 1").parent == "Chương I"
    assert st.section("Điều 3").parent == "Chương II.Mục 1"
    assert st.section("Điều 4").parent == "Chương II.Mục 2"
    assert st.section("Điều 1").heading == "Phạm vi điều chỉnh"


# --------------------------------------------------------------------------
# Parts "Phần thứ …", capital letters, numbered appendices
# --------------------------------------------------------------------------

BAO_CAO = """\
**BÁO CÁO VÀ PHƯƠNG HƯỚNG**

**PHẦN THỨ NHẤT: KẾT QUẢ NĂM 2025**

**I. CÔNG TÁC CHỈ ĐẠO**

Các cấp ủy đã ban hành đầy đủ văn bản chỉ đạo.

**PHẦN THỨ HAI: NHIỆM VỤ NĂM 2026**

**A. NHIỆM VỤ CHUNG**

**I. TRỌNG TÂM**

1. Hoàn thành sắp xếp tổ chức bộ máy trong quý I.

**B. NHIỆM VỤ CỤ THỂ**

**C. GIẢI PHÁP**

Tăng cường kiểm tra, giám sát.

**PHỤ LỤC I**

**CHỈ TIÊU CHỦ YẾU**

| TT | Chỉ tiêu | Năm 2026 |
|---|---|---|
| 1 | Tỷ lệ hộ nghèo giảm | 1% |
| 2 | Tỷ lệ lao động qua đào tạo | 70% |

**PHỤ LỤC II**

**DANH MỤC ĐỀ ÁN**

1. Đề án phát triển du lịch cộng đồng.

2. Đề án chuyển đổi số cấp xã.
"""


def test_parts_letters_and_numbered_appendices(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, BAO_CAO)
    check(
        doc,
        st,
        {
            "BÁO CÁO": "preamble",
            "PHẦN THỨ NHẤT": "Phần 1",
            "I. CÔNG TÁC CHỈ ĐẠO": "Phần 1.I",
            "Các cấp ủy đã ban hành": "Phần 1.I",
            "PHẦN THỨ HAI": "Phần 2",
            "A. NHIỆM VỤ CHUNG": "Phần 2.A",
            "I. TRỌNG TÂM": "Phần 2.A.I",
            "1. Hoàn thành sắp xếp": "Phần 2.A.I.1",
            "B. NHIỆM VỤ CỤ THỂ": "Phần 2.B",
            "C. GIẢI PHÁP": "Phần 2.C",  # "C." after "B." is a letter, not 100
            "PHỤ LỤC I": "PL1",
            "1 | Tỷ lệ hộ nghèo": "PL1.row1",
            "2 | Tỷ lệ lao động": "PL1.row2",
            "PHỤ LỤC II": "PL2",
            "1. Đề án phát triển": "PL2.1",
            "2. Đề án chuyển đổi số": "PL2.2",
        },
    )
    assert st.section("PL1").heading == "CHỈ TIÊU CHỦ YẾU"
    assert st.section("Phần 2").heading == "NHIỆM VỤ NĂM 2026"


def test_repeated_part_number_takes_the_next_number(tmp_path: Path) -> None:
    """Two parts numbered "II." are two sections: the repeat is a slip for
    "III." (the gold convention, annotation notes 02 §12)."""
    text = (
        "**KẾ HOẠCH**\n\n**I. MỤC TIÊU**\n\nNâng cao chất lượng dịch vụ công.\n\n"
        "**II. LỘ TRÌNH**\n\n1. Giai đoạn 2026 - 2027: thí điểm tại 10 xã.\n\n"
        "**II. GIẢI PHÁP**\n\n1. Đào tạo cán bộ một cửa.\n"
    )
    doc, st = parse_md(tmp_path, text)
    assert section_of(doc, st, "1. Giai đoạn") == "II.1"
    assert section_of(doc, st, "1. Đào tạo cán bộ") == "III.1"
    assert [s.id for s in st.sections].count("II") == 1


def test_repeated_letter_before_its_successor_is_a_second_one(tmp_path: Path) -> None:
    """"b)", "b)", "c)": the second "b)" is "b(2)", and "c)" stays "c"."""
    text = (
        "**I. NHIỆM VỤ**\n\n**1. Sở Tài chính**\n\na) Tiếp nhận hồ sơ đề nghị.\n\n"
        "b) Kiểm tra tính hợp lệ của hồ sơ.\n\nb) Tổ chức lấy ý kiến thẩm định.\n\n"
        "c) Trình Ủy ban nhân dân tỉnh quyết định.\n"
    )
    doc, st = parse_md(tmp_path, text)
    assert section_of(doc, st, "b) Kiểm tra") == "I.1.b"
    assert section_of(doc, st, "b) Tổ chức") == "I.1.b(2)"
    assert section_of(doc, st, "c) Trình") == "I.1.c"


def test_items_renumbered_after_a_heading_still_share_ids(tmp_path: Path) -> None:
    """Not a repeat: "1.", "2." then, under an unnumbered heading, "1." again
    (the sibling just closed is "2."): the old id is kept, not renamed."""
    text = (
        "**II. NHIỆM VỤ**\n\n1. Rà soát thủ tục.\n\n2. Công khai thủ tục.\n\n"
        "**Nhiệm vụ năm 2026**\n\n1. Số hóa hồ sơ.\n"
    )
    doc, st = parse_md(tmp_path, text)
    assert section_of(doc, st, "1. Số hóa") == "II.1"
    assert "II.1(2)" not in [s.id for s in st.sections]


@pytest.mark.parametrize("layout", [QUYET_DINH, CHUONG_TRINH, KE_HOACH, CHI_THI, QUY_CHE, BAO_CAO])
def test_section_extents_cover_their_blocks(tmp_path: Path, layout: str) -> None:
    doc, st = parse_md(tmp_path, layout)
    by_id = {s.id: s for s in st.sections}
    for b, info in zip(doc.blocks, st.blocks):
        sec = by_id[info.section]
        assert sec.start <= b.start and b.end <= sec.end
        assert b.start <= info.content_start <= b.end


# --------------------------------------------------------------------------
# a decision issuing a regulation whose articles repeat the decision's
# --------------------------------------------------------------------------

QD_QUY_CHE = """\
**QUYẾT ĐỊNH**

**Ban hành Quy chế làm việc của Ban Chỉ đạo chuyển đổi số tỉnh**

**Điều 1.** Ban hành kèm theo Quyết định này Quy chế làm việc của Ban Chỉ đạo chuyển đổi số tỉnh.

**Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.

**Điều 3.** Chánh Văn phòng Ủy ban nhân dân tỉnh và các thành viên Ban Chỉ đạo chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:

- Như Điều 3;

**QUY CHẾ**

**Làm việc của Ban Chỉ đạo chuyển đổi số tỉnh**

*(Ban hành kèm theo Quyết định số 88/QĐ-UBND ngày 05/02/2026)*

**Điều 1. Nhiệm vụ của Ban Chỉ đạo**

1. Chỉ đạo xây dựng chính quyền số.

2. Đôn đốc các sở, ngành thực hiện chỉ tiêu chuyển đổi số.

**Điều 2. Chế độ họp**

Ban Chỉ đạo họp định kỳ 6 tháng một lần.
"""


def test_attached_regulation_repeating_article_numbers_gets_a_prefix(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, QD_QUY_CHE)
    check(
        doc,
        st,
        {
            "Điều 1. Ban hành": "Điều 1",
            "Điều 3.": "Điều 3",
            "Nơi nhận:": "closing",
            "QUY CHẾ": "preamble",
            "(Ban hành kèm theo": "preamble",
            "Điều 1. Nhiệm vụ": "PL.Điều 1",
            "1. Chỉ đạo xây dựng": "PL.Điều 1.1",
            "2. Đôn đốc": "PL.Điều 1.2",
            "Ban Chỉ đạo họp": "PL.Điều 2",
        },
    )
    assert st.section("PL").kind == "appendix"
    assert st.section("PL.Điều 1").parent == "PL"


# --------------------------------------------------------------------------
# "1)" under "a)" under "1."; "./." ends the body without "Nơi nhận"
# --------------------------------------------------------------------------

HUONG_DAN = """\
**HƯỚNG DẪN**

**Tổ chức đại hội chi bộ nhiệm kỳ 2025 - 2027**

**I. CHUẨN BỊ**

1. Công tác nhân sự

a) Chi ủy chuẩn bị phương án nhân sự theo các bước:

1) Đảng viên giới thiệu;

2) Chi ủy tổng hợp, lựa chọn.

b) Lấy ý kiến đảng viên về dự thảo báo cáo.

2. Văn kiện đại hội

Chi ủy hoàn thành dự thảo báo cáo chính trị trước ngày 15/3/2026.

**II. TỔ CHỨC ĐẠI HỘI**

Đại hội tiến hành theo chương trình do cấp ủy cấp trên hướng dẫn./.

BAN TỔ CHỨC ĐẢNG ỦY

Nguyễn Thị Bình
"""


def test_third_numbering_style_and_end_mark(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, HUONG_DAN)
    check(
        doc,
        st,
        {
            "a) Chi ủy chuẩn bị": "I.1.a",
            "1) Đảng viên giới thiệu": "I.1.a.1",
            "2) Chi ủy tổng hợp": "I.1.a.2",
            "b) Lấy ý kiến": "I.1.b",
            "2. Văn kiện": "I.2",
            "Chi ủy hoàn thành": "I.2",
            "Đại hội tiến hành": "II",
            # after "./." the signature lines are the closing
            "BAN TỔ CHỨC ĐẢNG ỦY": "closing",
            "Nguyễn Thị Bình": "closing",
        },
    )


def test_word_symbol_bullets_in_pdf_text(tmp_path: Path) -> None:
    text = (
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. Sở Y tế\n\n\uf0b7 Kiểm tra an toàn thực phẩm tại bếp ăn tập thể.\n\n"
        "\uf0b7 Báo cáo kết quả hằng quý.\n\n2. Sở Giáo dục và Đào tạo\n\n− Hướng dẫn các trường xây dựng thực đơn.\n"
    )
    doc, st = parse_md(tmp_path, text, "plan.txt")
    info = info_of(doc, st, "\uf0b7 Kiểm tra")
    assert (info.section, info.marker_kind, info.depth) == ("I.1", "bullet", 1)
    assert doc.text[info.content_start :].startswith("Kiểm tra an toàn")
    assert section_of(doc, st, "− Hướng dẫn") == "I.2"


def test_table_in_the_body_gives_numbered_rows_of_its_section(tmp_path: Path) -> None:
    text = """\
**KẾ HOẠCH**

**I. NHIỆM VỤ CỤ THỂ**

Phân công thực hiện như sau:

| TT | Nhiệm vụ | Chủ trì | Phối hợp |
|---|---|---|---|
| 1 | Rà soát quy hoạch mạng lưới trường học | Sở Giáo dục và Đào tạo | Sở Xây dựng |
| 2 | Bố trí kinh phí sửa chữa phòng học | Sở Tài chính | Ủy ban nhân dân các xã |

**II. TỔ CHỨC THỰC HIỆN**

Các cơ quan triển khai theo chức năng.
"""
    doc, st = parse_md(tmp_path, text)
    check(
        doc,
        st,
        {
            "Phân công thực hiện": "I",
            "TT | Nhiệm vụ": "I",
            "1 | Rà soát": "I.row1",
            "2 | Bố trí": "I.row2",
            "Các cơ quan triển khai": "II",
        },
    )
    assert st.section("I.row2").parent == "I" and st.section("I.row2").number == "2"


def test_sentence_citing_an_appendix_is_not_one(tmp_path: Path) -> None:
    text = (
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. Sở Y tế triển khai các nhiệm vụ.\n\n"
        "Phụ lục kèm theo Kế hoạch này nêu chi tiết từng nhiệm vụ, cơ quan chủ trì, cơ quan phối hợp "
        "và thời gian hoàn thành của các sở, ban, ngành và địa phương trên địa bàn tỉnh.\n"
    )
    doc, st = parse_md(tmp_path, text, "plan.txt")
    # a concluding paragraph of part I (it follows the last item), not an appendix
    assert section_of(doc, st, "Phụ lục kèm theo") == "I"
    assert all(not s.id.startswith("PL") for s in st.sections)


def test_items_written_with_their_roman_part(tmp_path: Path) -> None:
    text = (
        "KẾ HOẠCH\n\nI. MỤC TIÊU\n\nGiảm tỷ lệ hộ nghèo.\n\nII. NHIỆM VỤ\n\n"
        "II.1. Sở Lao động chủ trì rà soát hộ nghèo.\n\nII.2. Hỗ trợ sinh kế\n\n"
        "II.2.1. Cho vay vốn ưu đãi.\n\nIII. TỔ CHỨC THỰC HIỆN\n\nIII.1 Các xã báo cáo hằng quý.\n"
    )
    doc, st = parse_md(tmp_path, text, "plan.txt")
    check(
        doc,
        st,
        {"II.1. Sở Lao động": "II.1", "II.2. Hỗ trợ": "II.2", "II.2.1. Cho vay": "II.2.1", "III.1 Các xã": "III.1"},
    )
    assert st.section("II.2.1").parent == "II.2"


def test_zones_tell_trailing_text_from_recipients(tmp_path: Path) -> None:
    """Concluding paragraphs may hold tasks ("trailing"); recipients and the
    signature never do ("closing")."""
    doc, st = parse_md(tmp_path, CHI_THI)
    zones = {t: info_of(doc, st, t).zone for t in ("Số: 03", "1. Công an tỉnh", "Giám đốc các sở", "Nơi nhận:")}
    assert zones == {"Số: 03": "preamble", "1. Công an tỉnh": "body", "Giám đốc các sở": "trailing", "Nơi nhận:": "closing"}
    doc, st = parse_md(tmp_path, CHUONG_TRINH)
    info = info_of(doc, st, "Chương trình này được phổ biến")
    assert (info.section, info.zone) == ("III", "trailing")
    assert info_of(doc, st, "- Lưu Văn phòng").zone == "closing"


def test_number_alone_on_its_line_takes_the_next_line_as_title(tmp_path: Path) -> None:
    text = "KẾ HOẠCH\n\nI.\n\nNHIỆM VỤ\n\n1.\n\nCông tác tuyên truyền\n\n- Tổ chức hội nghị quán triệt.\n"
    doc, st = parse_md(tmp_path, text, "plan.txt")
    check(doc, st, {"NHIỆM VỤ": "I", "Công tác tuyên truyền": "I.1", "- Tổ chức hội nghị": "I.1"})
    assert st.section("I").heading == "NHIỆM VỤ"
    assert st.section("I.1").heading == "Công tác tuyên truyền"


def test_appendix_title_after_its_attachment_line(tmp_path: Path) -> None:
    text = (
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. Sở Y tế chủ trì.\n\nPHỤ LỤC\n\n"
        "(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026)\n\nBIỂU PHÂN CÔNG NHIỆM VỤ\n"
    )
    doc, st = parse_md(tmp_path, text, "plan.txt")
    assert st.section("PL").heading == "BIỂU PHÂN CÔNG NHIỆM VỤ"
    assert info_of(doc, st, "BIỂU PHÂN CÔNG").is_heading


def test_signature_without_capacity_mark_closes(tmp_path: Path) -> None:
    text = (
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. Sở Y tế chủ trì kiểm tra.\n\n2. Sở Tài chính bố trí kinh phí.\n\n"
        "Các đơn vị triển khai thực hiện nghiêm túc.\n\nGIÁM ĐỐC\n\nNguyễn Văn Bình\n"
    )
    doc, st = parse_md(tmp_path, text, "plan.txt")
    check(
        doc,
        st,
        {"Các đơn vị triển khai": "I", "GIÁM ĐỐC": "closing", "Nguyễn Văn Bình": "closing"},
    )
    assert info_of(doc, st, "Các đơn vị triển khai").zone == "trailing"


def test_acting_signature_is_not_a_part(tmp_path: Path) -> None:
    text = "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n1. Sở Y tế chủ trì kiểm tra.\n\nNơi nhận:\n\n- Lưu: VT.\n\nQ. CHỦ TỊCH\n\nLê Thị Hoa\n"
    doc, st = parse_md(tmp_path, text, "plan.txt")
    check(doc, st, {"Q. CHỦ TỊCH": "closing", "Lê Thị Hoa": "closing"})
    assert "Q" not in {s.id for s in st.sections}


def test_section_path_from_the_top(tmp_path: Path) -> None:
    from directive_nlp.structure import section_path

    doc, st = parse_md(tmp_path, KE_HOACH)
    assert [s.id for s in section_path(st, "II.1.1.1.a")] == ["II", "II.1", "II.1.1", "II.1.1.1", "II.1.1.1.a"]
    assert section_path(st, "nowhere") == []


def test_title_with_a_stray_period_over_sub_items_is_a_heading(tmp_path: Path) -> None:
    text = (
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n"
        "1. Nâng cao chất lượng bữa ăn bán trú cho học sinh tiểu học ở các xã vùng sâu, vùng xa.\n\n"
        "a) Rà soát định mức hỗ trợ tiền ăn;\n\nb) Tập huấn cho nhân viên nhà bếp.\n\n"
        "2. Sở Tài chính bố trí kinh phí; Sở Y tế kiểm tra an toàn thực phẩm.\n\n"
        "3. Các trường báo cáo kết quả hằng quý.\n"
    )
    doc, st = parse_md(tmp_path, text, "plan.txt")
    assert info_of(doc, st, "1. Nâng cao").is_heading
    assert not info_of(doc, st, "2. Sở Tài chính").is_heading  # two clauses, a sibling follows
    assert not info_of(doc, st, "3. Các trường").is_heading


# --------------------------------------------------------------------------
# paragraphs after the last item: closing formula, own actor, continuation
# --------------------------------------------------------------------------

CLOSING_RUN = """\
**III. TỔ CHỨC THỰC HIỆN**

**1. Sở Y tế**

Chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.

**2. Các sở, ngành, Ủy ban nhân dân các xã**

Căn cứ chức năng, nhiệm vụ xây dựng kế hoạch của đơn vị.

Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan báo cáo Sở Y tế để tổng hợp.

Nơi nhận:
- Như trên;
"""

OWN_ACTOR = """\
**IV. TỔ CHỨC THỰC HIỆN**

1. Sở Tư pháp hướng dẫn, kiểm tra việc thực hiện.

2. Các tỉnh ủy, thành ủy cụ thể hóa Hướng dẫn này phù hợp với thực tiễn.

Bố trí kinh phí, phương tiện phục vụ việc thực hiện.

Quan tâm bồi dưỡng nghiệp vụ cho đội ngũ cộng tác viên.

Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.

Nơi nhận:
- Như trên;
"""


def test_a_closing_formula_leaves_the_heading_and_goes_to_the_part(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, CLOSING_RUN)
    assert section_of(doc, st, "Căn cứ chức năng") == "III.2"
    assert section_of(doc, st, "Trong quá trình thực hiện") == "III"
    assert info_of(doc, st, "Trong quá trình thực hiện").zone == "trailing"


def test_subjectless_paragraphs_go_on_with_the_item(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, OWN_ACTOR)
    assert section_of(doc, st, "Bố trí kinh phí") == "IV.2"
    assert section_of(doc, st, "Quan tâm bồi dưỡng") == "IV.2"
    # a paragraph with its own actor closes the document: the part holds it
    assert section_of(doc, st, "Ủy ban nhân dân tỉnh yêu cầu") == "IV"


def test_trailing_and_continuation_rules_positive_and_negative() -> None:
    from directive_nlp.structure.sections import load_rules

    rules = load_rules()
    trailing = lambda t: any(p.match(t) for p in rules.trailing)  # noqa: E731
    continuation = lambda t: any(p.match(t) for p in rules.continuation)  # noqa: E731
    assert trailing("Trong quá trình tổ chức thực hiện, nếu có vướng mắc, đề nghị phản ánh về Sở.")
    assert trailing("Trên đây là Kế hoạch triển khai Chỉ thị số 27/CT-TTg của Ủy ban nhân dân thành phố.")
    assert trailing("Quá trình thực hiện nếu có khó khăn, các đơn vị báo cáo về Sở Tư pháp.")
    assert not trailing("Trong năm 2026, hoàn thành việc số hóa hồ sơ.")
    assert not trailing("Trường hợp các cơ quan có ý kiến khác nhau, cơ quan chủ trì tổ chức họp.")
    assert continuation("Phối hợp với các viện nghiên cứu phát triển công nghệ mới.")
    assert not continuation("Ủy ban nhân dân tỉnh yêu cầu các sở nghiêm túc thực hiện.")
    assert not continuation("Văn phòng Chính phủ thông báo để các bộ, ngành biết, thực hiện.")


# --------------------------------------------------------------------------
# table rows: numbered by their STT, grouped when the numbering restarts
# --------------------------------------------------------------------------

GROUPED_RESTART = """\
**PHỤ LỤC**

| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |
|---|---|---|---|
| **I** | **Hoàn thiện thể chế** |  |  |
| 1 | Ban hành quy chế cập nhật dữ liệu | Sở Tư pháp | Quý I/2026 |
| 2 | Rà soát thủ tục hành chính | Văn phòng UBND tỉnh | Quý II/2026 |
| **II** | **Hạ tầng số** |  |  |
| 1 | Nâng cấp trung tâm dữ liệu | Sở Khoa học và Công nghệ | Năm 2026 |
| Sao lưu dữ liệu dự phòng | Sở Khoa học và Công nghệ |
| 2 | Kết nối mạng chuyên dùng | Viễn thông tỉnh | Năm 2027 |
"""

GROUPED_RUNNING = """\
**PHỤ LỤC**

| STT | Tên nhiệm vụ | Cơ quan chủ trì | Thời gian |
|---|---|---|---|
| **I. NÂNG CAO NHẬN THỨC** |
| 1 | Tập huấn kỹ năng số cho doanh nghiệp | Sở Công Thương | Năm 2026 |
| 2 | Tôn vinh doanh nghiệp tiêu biểu | Sở Nội vụ | Hằng năm |
| **II. HẠ TẦNG** |
| 3 | Phủ sóng 5G khu công nghiệp | Sở Khoa học và Công nghệ | Năm 2027 |
"""


def test_rows_under_groups_whose_numbering_restarts(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, GROUPED_RESTART)
    assert section_of(doc, st, "1 | Ban hành quy chế") == "PL.I.1"
    assert section_of(doc, st, "2 | Rà soát") == "PL.I.2"
    assert section_of(doc, st, "1 | Nâng cấp") == "PL.II.1"
    assert section_of(doc, st, "Sao lưu dữ liệu") == "PL.II.1b"
    assert section_of(doc, st, "2 | Kết nối") == "PL.II.2"
    assert info_of(doc, st, "II | Hạ tầng số").is_heading


def test_rows_under_groups_numbered_on_keep_their_number(tmp_path: Path) -> None:
    doc, st = parse_md(tmp_path, GROUPED_RUNNING)
    assert section_of(doc, st, "1 | Tập huấn") == "PL.row1"
    assert section_of(doc, st, "2 | Tôn vinh") == "PL.row2"
    assert section_of(doc, st, "3 | Phủ sóng") == "PL.row3"
    assert info_of(doc, st, "II. HẠ TẦNG").is_heading
    assert "PL.row4" not in [s.id for s in st.sections]
