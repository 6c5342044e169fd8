"""Layout-carried times (directive_nlp.tasks.timing): which time phrase belongs to which task.

Each mechanism has positive and negative examples, first as a function of
text, then through the whole pipeline on small Markdown plans of our own.
"""

from __future__ import annotations

from datetime import date

import pytest

from builders import task
from directive_nlp.models import Deadline, Task
from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.timing import (TimeScope, attach_layout_times, item_final_time, time_heading, time_label,
                                        time_value)

DOC_DATE = date(2025, 10, 20)


def plan(body: str) -> str:
    return (
        "ỦY BAN NHÂN DÂN TỈNH AN PHÚ\n\nKẾ HOẠCH\n\nThực hiện công tác số hóa dữ liệu\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n\nBảo đảm đồng bộ, hiệu quả.\n\n"
        f"II. NHIỆM VỤ, GIẢI PHÁP\n\n{body}\n"
    )


def deadlines(body: str) -> dict[str, tuple]:
    """task text -> (kind, date/start/frequency) for each task of a small plan."""
    out = {}
    for t in extract_text(plan(body), "plan.md").tasks:
        d = t.deadline
        out[t.task] = None if d is None else (d.kind, d.date or d.start or d.frequency)
    return out


def find(ds: dict, words: str):
    hits = [v for k, v in ds.items() if words in k]
    assert hits, f"no task with {words!r} in {list(ds)}"
    return hits[0]


# --- the vocabulary, as functions of text --------------------------------

@pytest.mark.parametrize("value,expected", [
    ("Thường xuyên, hằng năm", ("recurring", "yearly")),  # the more specific phrase of the slot
    ("Thường xuyên; Quý II/2026", ("on", "2026-06-30")),
    ("Đến hết năm 2026", ("by", "2026-12-31")),  # a horizon in running text, a deadline in a time slot
    ("2026 - 2027", ("period", "2026-01-01")),
    ("Khi có phát sinh.", ("conditional", None)),
    ("Năm 2026", ("on", "2026-12-31")),
    ("2026", ("on", "2026-12-31")),  # a bare year in a time slot, as "Năm 2026"
])
def test_time_slot_values(value, expected):
    d = time_value(value, DOC_DATE)
    assert (d.kind, d.date or d.start or d.frequency) == expected


@pytest.mark.parametrize("value", ["Theo yêu cầu", "", "Sở Tài chính", "2030 - 2026", "Không", "26", "20260"])
def test_time_slot_values_that_are_no_time(value):
    assert time_value(value, DOC_DATE) is None


def test_table_time_column_any_wording():
    text = (plan("| TT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Tiến độ hoàn thành |\n"
                 "|---|---|---|---|---|\n"
                 "| 1 | Xây dựng kho dữ liệu dùng chung | Sở Khoa học và Công nghệ | Sở Tài chính | 2026 - 2027 |\n"
                 "| 2 | Rà soát thủ tục hành chính | Sở Tư pháp | Các sở, ngành | Thường xuyên, hằng năm |\n"
                 "| 3 | Kiện toàn Tổ công tác chuyển đổi số | Sở Nội vụ | Các sở, ngành | 2026 |\n"))
    got = {t.task: t.deadline for t in extract_text(text, "plan.md").tasks}
    assert (got["Kiện toàn Tổ công tác chuyển đổi số"].kind, got["Kiện toàn Tổ công tác chuyển đổi số"].date) == ("on", "2026-12-31")
    assert got["Xây dựng kho dữ liệu dùng chung"].kind == "period"
    assert got["Rà soát thủ tục hành chính"].frequency == "yearly"


@pytest.mark.parametrize("text,kind", [
    ("Thời gian thực hiện: Hoàn thành trong năm 2026.", "on"),
    ("Thời hạn hoàn thành: 30/6/2026", "on"),
    ("Tiến độ: Thường xuyên.", "ongoing"),
    ("*Thời gian thực hiện: *Giai đoạn 2026-2030 và những năm tiếp theo.", "period"),
    ("Thời gian triển khai (dự kiến): Quý IV năm 2025 và các năm tiếp theo", "period"),
    ("Thời gian thực hiện: Hằng năm.", "recurring"),
    ("Thời gian thực hiện: Sau khi Nghị định của Chính phủ được ban hành.", "conditional"),
])
def test_time_label_lines(text, kind):
    assert time_label(text, DOC_DATE).kind == kind


@pytest.mark.parametrize("text", [
    "Thời gian thực hiện Chương trình: Từ năm 2025 đến hết năm 2030",  # the scope of the programme, no label
    "Thời gian qua, công tác số hóa đạt nhiều kết quả: năm 2025 hoàn thành 80%",
    "Thời gian thực hiện: theo yêu cầu",  # no time in the value
    "Nội dung thực hiện: hoàn thành trong năm 2026",  # another label
])
def test_not_time_label_lines(text):
    assert time_label(text, DOC_DATE) is None


@pytest.mark.parametrize("text,kind", [
    ("Năm 2025:", "on"),
    ("Giai đoạn 2026 - 2030", "period"),
    ("Trong Quý IV/2025", "on"),
    ("Nhiệm vụ thực hiện từ nay đến hết năm 2026:", "period"),
])
def test_time_headings(text, kind):
    assert time_heading(text, DOC_DATE).kind == kind


@pytest.mark.parametrize("text", [
    "Mục tiêu đến năm 2030",
    "Nhiệm vụ trọng tâm năm 2026 về chuyển đổi số",
    "Triển khai Chương trình giai đoạn 2026 - 2030",
    "Tổ chức thực hiện",
])
def test_not_time_headings(text):
    assert time_heading(text, DOC_DATE) is None


def test_item_final_time():
    hit = item_final_time("Xây dựng kế hoạch; gửi Sở Nội vụ trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch này.")
    assert hit[1].kind == "by"
    assert item_final_time("Tổ chức thực hiện Dự án 6 trên địa bàn tỉnh (khi Bộ Y tế có văn bản triển khai).")[1].kind \
        == "conditional"
    assert item_final_time("Trước ngày 30/6/2026, xây dựng kế hoạch triển khai.") is None  # an opening adverbial
    assert item_final_time("Hoàn thành trong năm 2026.") is None  # the whole item is the time
    assert item_final_time("Rà soát hồ sơ đất đai theo quy định.") is None


@pytest.mark.parametrize("text, frequency", [
    ("Tổ chức đánh giá, báo cáo Ủy ban nhân dân tỉnh định kỳ hằng năm hoặc đột xuất theo yêu cầu.", "yearly"),
    ("Tổng hợp nhu cầu, báo cáo Ủy ban nhân dân tỉnh hằng ngày và đột xuất khi cần thiết.", "daily"),
    ("Tổng hợp, báo cáo Sở Y tế định kỳ hằng quý, đột xuất khi có yêu cầu.", "quarterly"),
])
def test_item_final_cycle_with_an_adhoc_alternative(text, frequency):
    hit = item_final_time(text)
    assert hit is not None and hit[1].frequency == frequency


@pytest.mark.parametrize("text", [
    # the alternative does not end the item: something else follows
    "Báo cáo định kỳ hằng năm hoặc đột xuất theo yêu cầu về tình hình thực hiện Kế hoạch.",
    # a date, not a cycle, before the alternative
    "Gửi báo cáo trước ngày 30/6/2026 hoặc đột xuất theo yêu cầu.",
    # the ad-hoc word qualifies the work ("kiểm tra định kỳ, đột xuất") in mid-item
    "Tổ chức kiểm tra định kỳ, đột xuất việc thực hiện các quy định.",
])
def test_not_an_item_final_cycle_with_an_adhoc_alternative(text):
    assert item_final_time(text) is None


def test_adhoc_alternative_keeps_the_cycle_on_every_task_of_the_item():
    ds = deadlines(
        "1. Sở Nội vụ tổ chức đánh giá việc thực hiện Kế hoạch, báo cáo Ủy ban nhân dân tỉnh định kỳ "
        "hằng năm hoặc đột xuất theo yêu cầu.\n"
    )
    assert find(ds, "tổ chức đánh giá") == ("recurring", "yearly")
    assert find(ds, "báo cáo Ủy ban nhân dân tỉnh") == ("recurring", "yearly")


def test_status_tag_dates_its_own_clause_only():
    ds = deadlines(
        "1. Bộ Công an: (1) Tiếp tục đầu tư phát triển, mở rộng Trung tâm số 1, nhiệm vụ thường xuyên; "
        "nghiên cứu, đề xuất xây dựng Trung tâm số 2, hoàn thành trước ngày 10 tháng 12 năm 2026; "
        "(2) Tham mưu ban hành Nghị định của Chính phủ về cơ chế đột phá; "
        "(3) Phát triển VNeID thành Nền tảng số quốc gia, nhiệm vụ thường xuyên.\n"
    )
    assert find(ds, "Tiếp tục đầu tư") == ("ongoing", None)  # over the item's later date
    assert find(ds, "mở rộng Trung tâm số 1") == ("ongoing", None)
    assert find(ds, "xây dựng Trung tâm số 2") == ("by", "2026-12-10")
    assert find(ds, "Tham mưu ban hành") is None  # a clause tag is not the item's final time
    assert find(ds, "Phát triển VNeID") == ("ongoing", None)
    assert not any(k.endswith("thường xuyên") for k in ds)  # cut from the task's text


def test_status_tag_after_a_semicolon_speaks_for_the_item():
    ds = deadlines(
        "1. Các bộ khẩn trương trình Chính phủ ban hành các Nghị định hướng dẫn; đồng thời, tiếp tục rà soát, "
        "kiến nghị sửa đổi các văn bản quy phạm pháp luật; nhiệm vụ thường xuyên.\n"
    )
    assert find(ds, "khẩn trương trình") == ("ongoing", None)
    assert find(ds, "tiếp tục rà soát") == ("ongoing", None)


# --- attachment, through the pipeline --------------------------------------

def test_label_line_closes_its_block():
    ds = deadlines(
        "1. Số hóa hồ sơ\n\n"
        "- Sở Nội vụ số hóa hồ sơ cán bộ, công chức.\n\n"
        "- Sở Tư pháp số hóa sổ hộ tịch.\n\n"
        "Thời gian thực hiện: Hoàn thành trong năm 2026.\n\n"
        "2. Kết nối dữ liệu\n\n"
        "- Sở Khoa học và Công nghệ kết nối cơ sở dữ liệu với Trung tâm dữ liệu quốc gia.\n\n"
        "Thời gian thực hiện: Thường xuyên.\n"
    )
    assert find(ds, "số hóa hồ sơ cán bộ") == ("on", "2026-12-31")
    assert find(ds, "số hóa sổ hộ tịch") == ("on", "2026-12-31")
    assert find(ds, "kết nối cơ sở dữ liệu") == ("ongoing", None)


def test_two_labels_in_one_block_split_it():
    ds = deadlines(
        "1. Bồi dưỡng cán bộ\n\n"
        "- Sở Nội vụ tổ chức tập huấn kỹ năng số cho công chức.\n\n"
        "Thời gian thực hiện: Quý IV năm 2025 và các năm tiếp theo.\n\n"
        "- Sở Tư pháp biên soạn tài liệu hướng dẫn.\n\n"
        "Thời gian thực hiện: Tháng 12/2025.\n"
    )
    assert find(ds, "tập huấn kỹ năng số") == ("period", "2025-10-01")
    assert find(ds, "biên soạn tài liệu") == ("on", "2025-12-31")


def test_lettered_label_speaks_for_its_parent_item():
    ds = deadlines(
        "**1.1. Xây dựng chiến lược dữ liệu:**\n\n"
        "a) Nhiệm vụ: Sở Khoa học và Công nghệ rà soát, hoàn thiện Chiến lược dữ liệu của tỉnh.\n\n"
        "b) Thời gian thực hiện: Hoàn thành trong năm 2025.\n\n"
        "**1.2. Kết nối dữ liệu:**\n\n"
        "a) Nhiệm vụ: Sở Tài chính kết nối cơ sở dữ liệu tài chính công.\n\n"
        "b) Thời gian thực hiện: Giai đoạn 2026-2030.\n"
    )
    assert find(ds, "Chiến lược dữ liệu") == ("on", "2025-12-31")
    assert find(ds, "cơ sở dữ liệu tài chính") == ("period", "2026-01-01")


def test_label_before_its_tasks_opens_the_block():
    ds = deadlines(
        "1. Tuyên truyền\n\n"
        "Thời gian thực hiện: Hằng năm.\n\n"
        "- Sở Văn hóa tổ chức tuyên truyền trên báo, đài.\n"
    )
    assert find(ds, "tổ chức tuyên truyền") == ("recurring", "yearly")


def test_time_heading_dates_its_items_and_only_them():
    ds = deadlines(
        "1. Năm 2026\n\n"
        "- Sở Tài chính lập dự toán kinh phí số hóa.\n\n"
        "2. Giai đoạn 2027 - 2030\n\n"
        "- Sở Nội vụ mở rộng kho lưu trữ số.\n\n"
        "3. Kiểm tra, giám sát\n\n"
        "- Thanh tra tỉnh kiểm tra việc thực hiện Kế hoạch.\n"
    )
    assert find(ds, "lập dự toán") == ("on", "2026-12-31")
    assert find(ds, "mở rộng kho") == ("period", "2027-01-01")
    assert find(ds, "kiểm tra việc thực hiện") is None


def test_unnumbered_time_heading_lines_split_a_roadmap():
    ds = deadlines(
        "1. Lộ trình thực hiện\n\n"
        "**Năm 2026:**\n\n"
        "- Sở Tài chính lập dự toán kinh phí số hóa.\n\n"
        "**Giai đoạn 2027 - 2030:**\n\n"
        "- Sở Nội vụ mở rộng kho lưu trữ số.\n\n"
        "2. Kiểm tra\n\n"
        "- Thanh tra tỉnh kiểm tra việc thực hiện Kế hoạch.\n"
    )
    assert find(ds, "lập dự toán") == ("on", "2026-12-31")
    assert find(ds, "mở rộng kho") == ("period", "2027-01-01")
    assert find(ds, "kiểm tra việc thực hiện") is None


def test_two_cell_label_row_is_a_label():
    ds = deadlines(
        "1. Số hóa hồ sơ\n\n"
        "- Sở Nội vụ số hóa hồ sơ cán bộ, công chức.\n\n"
        "| Thời gian thực hiện | Quý IV/2026 |\n"
        "|---|---|\n\n"
        "2. Kết nối dữ liệu\n\n"
        "- Sở Tài chính kết nối cơ sở dữ liệu tài chính công.\n"
    )
    assert find(ds, "số hóa hồ sơ cán bộ") == ("on", "2026-12-31")
    assert find(ds, "cơ sở dữ liệu tài chính") is None


def test_label_dates_the_undated_item_beside_a_dated_one():
    # which of an item's own date and its block's label wins is the walker's choice (labelled blocks);
    # the layout mechanism only dates what has no time (see test_a_label_time_wins_… below)
    ds = deadlines(
        "1. Số hóa\n\n"
        "- Sở Nội vụ số hóa hồ sơ lưu trữ trước ngày 30/6/2026.\n\n"
        "- Sở Tư pháp số hóa sổ hộ tịch.\n\n"
        "Thời gian thực hiện: Hoàn thành trong năm 2026.\n"
    )
    assert find(ds, "số hóa sổ hộ tịch") == ("on", "2026-12-31")


def test_item_final_time_dates_every_task_of_the_item():
    ds = deadlines(
        "1. Các sở, ban, ngành xây dựng kế hoạch cụ thể, tổ chức triển khai thực hiện nghiêm túc, gửi kế hoạch "
        "về Sở Nội vụ trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch này.\n"
    )
    assert find(ds, "xây dựng kế hoạch cụ thể") == ("by", None)
    assert find(ds, "gửi kế hoạch") == ("by", None)


def _task(tid: str, span: tuple[int, int], lead: str | None = None, deadline=None) -> Task:
    return task(tid, id=tid, sentence="x", lead=lead, deadline=deadline, span=span)


def test_item_final_cycle_no_task_took_is_not_spread():
    cycle = Deadline(text="hằng năm", kind="recurring", frequency="yearly")
    scope = TimeScope(cycle, "item", 3, (100, 200), (100, 200))
    tasks = attach_layout_times([_task("a", (100, 200)), _task("b", (100, 200))], [scope])
    assert [t.deadline for t in tasks] == [None, None]


def test_item_final_time_skips_other_bodies_tasks():
    by = Deadline(text="trước ngày 30/6/2026", kind="by", date="2026-06-30")
    scope = TimeScope(by, "item", 3, (100, 200), (100, 200))
    tasks = [_task("a", (100, 200), "Sở Y tế"), _task("b", (100, 200), "Sở Y tế", deadline=by),
             _task("c", (100, 200), "Sở Tài chính"), _task("d", (300, 400), "Sở Y tế")]
    attach_layout_times(tasks, [scope])
    assert [t.deadline is not None for t in tasks] == [True, True, False, False]


def test_a_label_time_wins_over_a_case_condition_of_its_block():
    year = Deadline(text="Hoàn thành trong năm 2025", kind="on", date="2025-12-31")
    case = Deadline(text="Trường hợp không cân đối được kinh phí", kind="conditional")
    by = Deadline(text="trước ngày 30/6/2025", kind="by", date="2025-06-30")
    scope = TimeScope(year, "label", 9, (100, 300), (300, 400))
    tasks = attach_layout_times([_task("a", (120, 150), deadline=case), _task("b", (160, 180), deadline=by)], [scope])
    assert [t.deadline.kind for t in tasks] == ["on", "by"]


def test_innermost_scope_wins():
    year = Deadline(text="Năm 2026", kind="on", date="2026-12-31")
    often = Deadline(text="Thường xuyên", kind="ongoing")
    scopes = [TimeScope(year, "heading", 1, (0, 0), (0, 1000)), TimeScope(often, "label", 5, (100, 200), (200, 300))]
    tasks = attach_layout_times([_task("a", (120, 150)), _task("b", (500, 520))], scopes)
    assert [t.deadline.kind for t in tasks] == ["ongoing", "on"]


def test_layout_times_read_from_a_real_docx(tmp_path):
    """A plan written with python-docx: the span-and-scope part gives no tasks, a time heading dates its items,
    a target's own year wins over the heading, and a cycle with an ad-hoc alternative closes its item."""
    from docx import Document

    from directive_nlp.pipeline import extract

    d = Document()
    for line in ("ỦY BAN NHÂN DÂN TỈNH AN PHÚ", "Số: 12/KH-UBND", "An Phú, ngày 10 tháng 3 năm 2026", "KẾ HOẠCH",
                 "Chuyển đổi số doanh nghiệp giai đoạn 2026 - 2030",
                 "I. THỜI GIAN VÀ PHẠM VI", "1. Thời gian: từ nay đến năm 2030.",
                 "2. Phạm vi: triển khai thực hiện trên toàn địa bàn tỉnh; ưu tiên các xã vùng sâu.",
                 "II. LỘ TRÌNH THỰC HIỆN", "1. Giai đoạn 2026 - 2028",
                 "- Sở Công Thương hỗ trợ doanh nghiệp nhỏ và vừa ứng dụng công nghệ số, phấn đấu đến năm 2028 "
                 "đạt 30% doanh nghiệp nhỏ và vừa thực hiện.",
                 "III. TỔ CHỨC THỰC HIỆN",
                 "1. Sở Khoa học và Công nghệ tổ chức đánh giá việc thực hiện Kế hoạch, báo cáo Ủy ban nhân dân "
                 "tỉnh định kỳ hằng năm hoặc đột xuất theo yêu cầu."):
        d.add_paragraph(line)
    d.save(tmp_path / "plan.docx")
    got = {t.task: t.deadline for t in extract(tmp_path / "plan.docx").tasks}
    assert not any("toàn địa bàn" in k for k in got)  # the plan's scope is no task
    hit = {k[:20]: (v.kind, v.start or v.date or v.frequency) if v else None for k, v in got.items()}
    assert hit["hỗ trợ doanh nghiệp "] == ("period", "2026-01-01")
    assert hit["phấn đấu đến năm 202"] == ("by", "2028-12-31")
    assert hit["tổ chức đánh giá việ"] == ("recurring", "yearly")
    assert hit["báo cáo Ủy ban nhân "] == ("recurring", "yearly")


@pytest.mark.parametrize("value, kind, start, end", [
    ("Đến năm 2030", "by", "2030-12-31", None),  # a horizon in running text, a deadline in a time slot
    ("Quý I, II/2026", "period", "2026-01-01", "2026-06-30"),
    ("Quý III-IV/2026", "period", "2026-07-01", "2026-12-31"),
    ("Tháng 11, 12/2025", "period", "2025-11-01", "2025-12-31"),
    ("Năm 2025, 2026", "period", "2025-01-01", "2026-12-31"),
    ("2025 - 2030 và các năm tiếp theo", "period", "2025-01-01", "2030-12-31"),
])
def test_time_slot_shapes(value, kind, start, end):
    d = time_value(value)
    assert (d.kind, d.date or d.start, d.end) == (kind, start, end)


@pytest.mark.parametrize("value", ["Tháng 12, 11/2025", "Quý V, VI/2026", "Theo kế hoạch", "Đến năm"])
def test_time_slot_shapes_that_are_no_time(value):
    assert time_value(value) is None


def test_time_column_shapes_read_from_a_real_pdf(tmp_path):
    """A plan whose assignment table (reportlab) holds listed quarters, a horizon and a listed pair of months
    in its time column: each row takes its cell."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from directive_nlp.pipeline import extract

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    body = ParagraphStyle("b", fontName="DejaVuSans", fontSize=11, leading=15)
    cell = ParagraphStyle("c", fontName="DejaVuSans", fontSize=9, leading=11)
    rows = [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện"],
            ["1", "Xây dựng cơ sở dữ liệu doanh nghiệp số", "Sở Công Thương", "Quý I, II/2026"],
            ["2", "Tổ chức tập huấn kỹ năng số cho doanh nghiệp", "Sở Khoa học và Công nghệ", "Tháng 11, 12/2025"],
            ["3", "Hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số", "Sở Tài chính", "Đến năm 2030"]]
    story = [Paragraph(t, body) for t in ("ỦY BAN NHÂN DÂN TỈNH AN PHÚ", "KẾ HOẠCH",
                                          "Chuyển đổi số doanh nghiệp", "II. NHIỆM VỤ VÀ PHÂN CÔNG")]
    table = Table([[Paragraph(v, cell) for v in r] for r in rows], colWidths=[25, 200, 120, 100])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(str(tmp_path / "plan.pdf"), pagesize=A4).build(story + [table])
    got = {t.task: t.deadline for t in extract(tmp_path / "plan.pdf").tasks}
    when = {k[:20]: (v.kind, v.start or v.date, v.end) for k, v in got.items() if v}
    assert when["Xây dựng cơ sở dữ li"] == ("period", "2026-01-01", "2026-06-30")
    assert when["Tổ chức tập huấn kỹ "] == ("period", "2025-11-01", "2025-12-31")
    assert when["Hỗ trợ doanh nghiệp "] == ("by", "2030-12-31", None)
