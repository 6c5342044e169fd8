"""A completion clause with a modal closes a task (docs/deadlines.md, "A completion clause closes a task").

", phải hoàn thành trước ngày 30/6/2026", ", cần hoàn thành trong quý II/2026", ", bảo đảm hoàn thành
trước …": the clause is the task's time, not a task; its modal leaves the task text
(``time_clause_modals`` in task_lexicon.yaml, ``completion_words`` in deadlines.yaml). With an object
between the modal's completion word and the time ("phải hoàn thành việc cấp giấy chứng nhận …") the
completion word is a verb with its own object, never a time clause.
"""

from __future__ import annotations

import pytest

from directive_nlp.deadlines import find_deadlines, load_vocabulary
from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.lexicon import load_lexicon_data


def plan(body: str) -> str:
    return (
        "ỦY BAN NHÂN DÂN TỈNH AN PHÚ\n\nKẾ HOẠCH\n\nThực hiện cải cách hành chính năm 2026\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n\nBảo đảm đồng bộ, hiệu quả.\n\n"
        f"II. NHIỆM VỤ, GIẢI PHÁP\n\n{body}\n"
    )


def tasks(body: str) -> dict[str, str | None]:
    return {t.task: (t.deadline.text if t.deadline else None) for t in extract_text(plan(body), "plan.md").tasks}


def test_words_are_vocabulary():
    assert {"phải", "cần", "bảo đảm", "đảm bảo"} <= set(load_lexicon_data()["time_clause_modals"])
    assert "hoàn thành xong" in load_vocabulary()["completion_words"]


@pytest.mark.parametrize("sentence,task,deadline", [
    ("1. Yêu cầu các sở, ban, ngành tiếp tục rà soát các thủ tục hành chính thuộc thẩm quyền, phải hoàn thành "
     "trước ngày 30/6/2026.", "tiếp tục rà soát các thủ tục hành chính thuộc thẩm quyền",
     "hoàn thành trước ngày 30/6/2026"),
    ("2. Sở Tư pháp rà soát văn bản quy phạm pháp luật, cần hoàn thành trong quý II/2026.",
     "rà soát văn bản quy phạm pháp luật", "hoàn thành trong quý II/2026"),
    ("3. Sở Nội vụ xây dựng đề án vị trí việc làm, bảo đảm hoàn thành trước ngày 30/9/2026.",
     "xây dựng đề án vị trí việc làm", "hoàn thành trước ngày 30/9/2026"),
    ("4. Sở Tài chính rà soát tài sản công, phải hoàn thành chậm nhất ngày 30/10/2026.",
     "rà soát tài sản công", "hoàn thành chậm nhất ngày 30/10/2026"),
    ("5. Sở Công Thương rà soát các cụm công nghiệp, đảm bảo hoàn thành xong trước ngày 31/12/2026.",
     "rà soát các cụm công nghiệp", "hoàn thành xong trước ngày 31/12/2026"),
])
def test_modal_completion_clause_dates_the_task(sentence, task, deadline):
    assert tasks(sentence) == {task: deadline}


def test_each_clause_keeps_its_own_time():
    got = tasks("1. Sở Công Thương rà soát các cụm công nghiệp, phải hoàn thành trước ngày 31/12/2026; "
                "Sở Tài chính bố trí kinh phí, cần phải hoàn thành trong quý III/2026.")
    assert got == {"rà soát các cụm công nghiệp": "hoàn thành trước ngày 31/12/2026",
                   "bố trí kinh phí": "hoàn thành trong quý III/2026"}


def test_completion_with_an_object_is_no_time_clause():
    got = tasks("1. Sở Nông nghiệp và Môi trường rà soát hồ sơ đất đai, phải hoàn thành việc cấp giấy chứng nhận "
                "cho các hộ dân trước ngày 30/6/2026.")
    (task, deadline), = got.items()
    assert "phải hoàn thành việc cấp giấy chứng nhận cho các hộ dân" in task
    assert deadline == "trước ngày 30/6/2026"


def test_a_modal_before_another_verb_stays():
    got = tasks("1. Sở Y tế kiểm tra các cơ sở khám bệnh, phải báo cáo kết quả trước ngày 30/6/2026.")
    assert all(not t.rstrip().endswith("phải") for t in got)
    assert "hoàn thành" not in " ".join(v or "" for v in got.values())


def test_target_after_a_modal_is_no_deadline_word():
    spans = find_deadlines("phấn đấu hoàn thành các mục tiêu của Chương trình, bảo đảm chất lượng")
    assert not spans


@pytest.mark.parametrize("sentence,deadline", [
    ("1. Sở Y tế rà soát cơ sở khám bệnh; thời gian hoàn thành: quý III/2026.", "quý III/2026"),
    ("1. Sở Y tế rà soát cơ sở khám bệnh, thời gian hoàn thành: quý III/2026.", "quý III/2026"),
    ("1. Sở Y tế rà soát cơ sở khám bệnh; thời hạn hoàn thành trước ngày 30/6/2026.",
     "hoàn thành trước ngày 30/6/2026"),
    ("1. Sở Y tế rà soát cơ sở khám bệnh; phải hoàn thành trước ngày 30/6/2026.", "hoàn thành trước ngày 30/6/2026"),
    ("1. Sở Y tế rà soát cơ sở khám bệnh; hoàn thành trước ngày 30/6/2026.", "hoàn thành trước ngày 30/6/2026"),
])
def test_a_time_clause_after_the_task_is_no_task(sentence, deadline):
    assert tasks(sentence) == {"rà soát cơ sở khám bệnh": deadline}


def test_a_time_clause_dates_every_undated_task_before_it():
    got = tasks("1. Sở Y tế rà soát cơ sở khám bệnh; phối hợp Sở Tài chính bố trí kinh phí; "
                "thời gian hoàn thành: quý III/2026.")
    assert got == {"rà soát cơ sở khám bệnh": "quý III/2026", "bố trí kinh phí": "quý III/2026"}


def test_a_clause_opening_with_a_time_noun_and_work_stays_a_task():
    got = tasks("1. Sở Y tế rà soát cơ sở khám bệnh; thời gian tới, tập trung kiểm tra an toàn thực phẩm "
                "trước ngày 30/6/2026.")
    assert any("kiểm tra an toàn thực phẩm" in t for t in got)


TABLE = """| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Thống nhất tạo lập dữ liệu ban đầu về nhà ở, hoàn thành trong | Sở Xây dựng | Sở Tài chính | 31/10/2026 |
| 2 | Rà soát tài sản công, phải hoàn thành trước | Sở Tài chính | | 30/6/2026 |
| 3 | Rà soát hồ sơ đất đai, phải hoàn thành việc cấp giấy chứng nhận cho các hộ dân | Sở Xây dựng | | Quý II/2026 |
"""


def test_a_completion_clause_cut_by_the_time_column_leaves_the_cell():
    got = {t.task: t.deadline.date for t in extract_text(plan(TABLE), "plan.md").tasks}
    assert got["Thống nhất tạo lập dữ liệu ban đầu về nhà ở"] is not None
    assert got["Rà soát tài sản công"] is not None
    assert "Rà soát hồ sơ đất đai, phải hoàn thành việc cấp giấy chứng nhận cho các hộ dân" in got


@pytest.mark.parametrize("cell,cut", [
    ("tạo lập dữ liệu về nhà ở, hoàn thành trong", True),
    ("rà soát tài sản, phải hoàn thành trước", True),
    ("rà soát tài sản, bảo đảm hoàn thành chậm nhất", True),
    ("Hoàn thành việc cấp giấy chứng nhận", False),
    ("rà soát, hoàn thành việc cấp giấy chứng nhận", False),
])
def test_cut_time_tail(cell, cut):
    from directive_nlp.tasks.tables import _cut_time_tail
    assert bool(_cut_time_tail().search(cell)) is cut


@pytest.mark.parametrize("cell,task", [
    ("Kết nối với cơ sở dữ liệu thuế; hoàn thành số hoá dữ liệu đất ở để đưa vào sử dụng, hoàn thành trong "
     "tháng 11/2025.", "Kết nối với cơ sở dữ liệu thuế; hoàn thành số hoá dữ liệu đất ở để đưa vào sử dụng"),
    ("Rà soát hồ sơ, bảo đảm hoàn thành trước ngày 30/6/2026.", "Rà soát hồ sơ"),
    ("Rà soát hồ sơ trước ngày 30/6/2026", "Rà soát hồ sơ trước ngày 30/6/2026"),  # no completion clause
    ("Rà soát hồ sơ, phải hoàn thành việc cấp giấy chứng nhận trước ngày 30/6/2026",
     "Rà soát hồ sơ, phải hoàn thành việc cấp giấy chứng nhận trước ngày 30/6/2026"),
])
def test_past_time_tail(cell, task):
    from directive_nlp.tasks.tables import _past_time_tail
    assert _past_time_tail(cell) == task
