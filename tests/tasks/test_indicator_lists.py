"""Items under a lead-in that announces indicators ("… các chỉ tiêu cụ thể như sau:") are targets, not tasks
(issue 12; docs/tasks.md "Indicator lists"). The rule follows the lead-in, not the wording of the item: a
target clause inside a task item is still a task, and a list under a lead-in of contents or activities is
read as before."""

from __future__ import annotations

import pytest

from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.extractor import _patterns


def texts(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP") -> list[str]:
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\n{heading}\n\n{body}\n"
    return [t.task for t in extract_text(text, "plan.md").tasks]


_PARAGRAPH_LEAD = """1. Nội dung thi đua

Tăng cường chi trả trợ cấp không dùng tiền mặt, được cụ thể hóa bằng các chỉ tiêu cụ thể như sau:

(1) 100% số người hưởng trợ cấp xã hội chưa có tài khoản được tuyên truyền, vận động mở tài khoản;

(2) Ít nhất 85% người hưởng trợ cấp mở mới tài khoản ngân hàng hoặc ví điện tử;

(3) Phấn đấu có ít nhất 70% số người hưởng nhận tiền trợ cấp bằng phương thức không dùng tiền mặt.

2. Phương án triển khai

Tổ chức tuyên truyền lợi ích của thanh toán không dùng tiền mặt đến từng đối tượng."""


def test_items_under_an_indicator_lead_in_are_not_tasks():
    ts = texts(_PARAGRAPH_LEAD, heading="III. NỘI DUNG THỰC HIỆN")
    assert ts == ["Tổ chức tuyên truyền lợi ích của thanh toán không dùng tiền mặt đến từng đối tượng"]


def test_the_same_items_under_a_lead_in_of_contents_stay_tasks():
    body = _PARAGRAPH_LEAD.replace("được cụ thể hóa bằng các chỉ tiêu cụ thể như sau:",
                                   "tập trung vào các nội dung sau:")
    ts = texts(body, heading="III. NỘI DUNG THỰC HIỆN")
    assert len(ts) >= 4
    assert any(t.startswith("Phấn đấu có ít nhất 70%") for t in ts)


_BULLET_LEAD = """1. Sở Y tế

- Phấn đấu đạt các mục tiêu sau:

+ 100% trạm y tế xã có bác sĩ;

+ 95% dân số tham gia bảo hiểm y tế.

- Xây dựng kế hoạch phát triển mạng lưới y tế cơ sở."""


def test_deeper_bullets_under_a_bullet_lead_in_are_targets_and_its_siblings_tasks():
    assert texts(_BULLET_LEAD) == ["Xây dựng kế hoạch phát triển mạng lưới y tế cơ sở"]


def test_an_item_led_by_a_named_body_under_the_lead_in_still_assigns():
    body = _BULLET_LEAD.replace("+ 95% dân số tham gia bảo hiểm y tế.",
                                "+ Bảo hiểm xã hội tỉnh rà soát danh sách người tham gia bảo hiểm y tế.")
    ts = texts(body)
    assert "rà soát danh sách người tham gia bảo hiểm y tế" in ts
    assert not any(t.startswith("100% trạm y tế") for t in ts)


def test_a_target_clause_inside_a_task_item_is_still_a_task():
    # the notes keep target clauses under "Nhiệm vụ" ("phấn đấu đạt 20% …"): no lead-in, no skip
    ts = texts("1. Sở Y tế phấn đấu đạt 100% trạm y tế xã có bác sĩ trong năm 2026.")
    assert ts and ts[0].startswith("phấn đấu đạt 100% trạm y tế xã có bác sĩ")


@pytest.mark.parametrize("line", [
    "được cụ thể hóa bằng các chỉ tiêu cụ thể như sau:",
    "phấn đấu đạt các chỉ tiêu sau:",
    "Đến năm 2030, phấn đấu đạt được những mục tiêu sau:",
    "Mục tiêu cụ thể:",
    "các chỉ tiêu chủ yếu:",
])
def test_indicator_lead_ins(line):
    assert _patterns()["target_lead_in"].search(line)


@pytest.mark.parametrize("line", [
    "thực hiện Chương trình mục tiêu quốc gia như sau:",  # a programme's name, not a list of targets
    "tập trung vào các nội dung sau:",
    "các cơ quan phối hợp thực hiện các hoạt động sau:",
    "hướng dẫn chỉ tiêu, biểu mẫu kiểm kê.",
    "các chỉ tiêu sau được giao cho Sở Y tế:",
])
def test_lines_that_announce_no_indicators(line):
    assert not _patterns()["target_lead_in"].search(line)


def test_indicator_list_in_a_docx_written_by_python_docx(tmp_path):
    """The same list read from a real .docx (python-docx): the markers survive the reader."""
    from docx import Document

    from directive_nlp.pipeline import extract

    d = Document()
    for line in ("ỦY BAN NHÂN DÂN TỈNH AN PHÚ", "KẾ HOẠCH", "Thực hiện công tác năm 2026",
                 "III. NỘI DUNG THỰC HIỆN", *_PARAGRAPH_LEAD.split("\n\n")):
        d.add_paragraph(line)
    d.save(tmp_path / "plan.docx")
    ts = [t.task for t in extract(tmp_path / "plan.docx").tasks]
    assert ts == ["Tổ chức tuyên truyền lợi ích của thanh toán không dùng tiền mặt đến từng đối tượng"]
