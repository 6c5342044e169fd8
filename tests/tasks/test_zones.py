"""Which parts and blocks hold tasks (tasks/zones.py, layout.yaml "which parts hold tasks").

Positive and negative examples of each block-level mechanism, written in the
genre's own forms, not copied from a corpus document.
"""

from __future__ import annotations

import pytest

from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.layout_vocab import layout_vocab


def plan(body: str, heading: str = "II. NỘI DUNG TRỌNG TÂM"):
    return extract_text(f"KẾ HOẠCH\n\nTriển khai công tác năm 2026\n\n{heading}\n\n{body}\n", "plan.md").tasks


# ------------------------------------------------------------- targets below a task heading
@pytest.mark.parametrize("heading", [
    "Chỉ tiêu chủ yếu đến năm 2030", "Các chỉ tiêu cụ thể", "Mục tiêu cụ thể đến năm 2027", "Mục đích",
    "Một số chỉ tiêu phấn đấu", "Kết quả cần đạt"])
def test_target_subheadings_are_recognised(heading):
    lv = layout_vocab()
    assert lv.target_sub.match(heading) and not lv.target_exception.search(heading)


@pytest.mark.parametrize("heading", [
    "Mục tiêu, nhiệm vụ cụ thể", "Chỉ tiêu và giải pháp thực hiện", "Nâng cao chất lượng chỉ tiêu thống kê",
    "Tổ chức thực hiện", "Kiểm tra việc thực hiện mục tiêu"])
def test_headings_that_do_not_open_a_target_part(heading):
    lv = layout_vocab()
    assert not (lv.target_sub.match(heading) and not lv.target_exception.search(heading))


def test_targets_under_an_inner_target_heading_are_not_tasks():
    ts = plan("1. Tăng cường công tác tuyên truyền\n\n- Tổ chức hội nghị quán triệt Luật mới.\n\n"
              "2. Chỉ tiêu chủ yếu đến năm 2030\n\n"
              "- Phấn đấu 100% xã, phường tổ chức tuyên truyền pháp luật cho người dân.\n\n"
              "- Trên 80% cơ sở giáo dục đưa nội dung phòng, chống tội phạm vào hoạt động ngoại khóa.")
    assert [t.task for t in ts] == ["Tổ chức hội nghị quán triệt Luật mới"]


def test_a_heading_naming_targets_and_tasks_still_holds_tasks():
    ts = plan("1. Mục tiêu, nhiệm vụ cụ thể\n\n- Tổ chức hội nghị quán triệt Luật mới.\n\n"
              "- Xây dựng kế hoạch kiểm tra liên ngành.")
    assert [t.task for t in ts] == ["Tổ chức hội nghị quán triệt Luật mới", "Xây dựng kế hoạch kiểm tra liên ngành"]


def test_items_after_a_target_part_are_tasks_again():
    ts = plan("1. Các chỉ tiêu cụ thể\n\n- Trên 90% hồ sơ được giải quyết đúng hạn.\n\n"
              "2. Phân công trách nhiệm\n\n- Sở Nội vụ chủ trì kiểm tra việc giải quyết hồ sơ.")
    assert [t.task for t in ts] == ["kiểm tra việc giải quyết hồ sơ"]
