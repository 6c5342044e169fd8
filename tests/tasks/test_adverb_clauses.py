"""A time adverb and the clause it opens (docs/deadlines.md, "A time adverb and its clause", issue 12).

* In a task governed by "hướng dẫn", "tham mưu", "chỉ đạo" …, a comma clause that opens with "thường xuyên"
  or a bare cycle and goes on with a verb is an act of its own, dated by the adverb (ANNOTATION-DECISIONS 8:
  a fronted adverbial scopes over its own clause); before, the clause was cut off with the time and lost.
* "thường xuyên" listed after a comma among the manners of a verb, with the verb's object after it, stays in
  the task, which is `ongoing` (extra 13's gold: "thực hiện quyết liệt, đồng bộ, thường xuyên, liên tục cả
  phòng và chống"); before, the task was cut at the adverb and kept only one side.
"""

from __future__ import annotations

import pytest

from directive_nlp.pipeline import extract_text


def plan(body: str) -> str:
    return (
        "ỦY BAN NHÂN DÂN TỈNH AN PHÚ\n\nKẾ HOẠCH\n\nTriển khai công tác năm 2026\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n\nBảo đảm đồng bộ, hiệu quả.\n\n"
        f"II. NHIỆM VỤ, GIẢI PHÁP\n\n1. Sở Giáo dục và Đào tạo\n\n{body}\n"
    )


def tasks(body: str) -> dict[str, str | None]:
    return {t.task: (t.deadline.text if t.deadline else None) for t in extract_text(plan(body), "plan.md").tasks}


@pytest.mark.parametrize("item,expected", [
    ("a) Hướng dẫn các trường mầm non tự kiểm tra, đánh giá các tiêu chuẩn về an toàn, thường xuyên cập nhật "
     "thông tin hoạt động lên phần mềm quản lý.",
     {"Hướng dẫn các trường mầm non tự kiểm tra, đánh giá các tiêu chuẩn về an toàn": None,
      "cập nhật thông tin hoạt động lên phần mềm quản lý": "thường xuyên"}),
    ("b) Hướng dẫn các trường tự kiểm tra an toàn, định kỳ cập nhật thông tin lên phần mềm.",
     {"Hướng dẫn các trường tự kiểm tra an toàn": None, "cập nhật thông tin lên phần mềm": "định kỳ"}),
])
def test_an_adverb_opens_an_act_of_its_own_in_a_governed_task(item, expected):
    assert tasks(item) == expected


@pytest.mark.parametrize("item,expected", [
    # no adverb: the commas stay inside the guidance, as before
    ("a) Hướng dẫn các trường tự kiểm tra an toàn, cập nhật thông tin lên phần mềm.",
     {"Hướng dẫn các trường tự kiểm tra an toàn, cập nhật thông tin lên phần mềm": None}),
    # a purpose: the adverb's clause goes on inside it
    ("b) Hướng dẫn các trường tự kiểm tra an toàn để định kỳ cập nhật thông tin lên phần mềm.",
     {"Hướng dẫn các trường tự kiểm tra an toàn để định kỳ cập nhật thông tin lên phần mềm": None}),
])
def test_no_adverb_or_a_purpose_keeps_the_governed_task_whole(item, expected):
    assert tasks(item) == expected


@pytest.mark.parametrize("item,task", [
    ("a) Thực hiện quyết liệt, đồng bộ, thường xuyên, liên tục cả phòng và chống tội phạm ma túy.",
     "Thực hiện quyết liệt, đồng bộ, thường xuyên, liên tục cả phòng và chống tội phạm ma túy"),
    ("b) Đẩy mạnh công tác tuyên truyền, thông tin kịp thời, thường xuyên về tình hình tài nguyên nước.",
     "Đẩy mạnh công tác tuyên truyền, thông tin kịp thời, thường xuyên về tình hình tài nguyên nước"),
])
def test_a_listed_manner_stays_in_its_task(item, task):
    out = tasks(item)
    assert task in out and out[task] is not None and out[task].startswith("thường xuyên")


@pytest.mark.parametrize("item,expected", [
    # a verb after the adverb: a clause of its own
    ("a) Tổ chức kiểm tra an toàn các cơ sở, thường xuyên cập nhật thông tin lên phần mềm.",
     {"Tổ chức kiểm tra an toàn các cơ sở": None, "cập nhật thông tin lên phần mềm": "thường xuyên"}),
    # an adjunct after the adverb: cut as before
    ("b) Tổ chức kiểm tra an toàn các cơ sở, thường xuyên theo quy định.",
     {"Tổ chức kiểm tra an toàn các cơ sở": "thường xuyên"}),
])
def test_a_verb_or_an_adjunct_after_the_adverb_is_not_a_listed_manner(item, expected):
    assert tasks(item) == expected


# A bare cycle between a part that holds an object and a verb ("…, định kỳ báo cáo …"; the extra13 sample,
# docs/unlabelled-check.md): before, the clause was kept whole and the shorter side of the time was dropped.
@pytest.mark.parametrize("item,expected", [
    ("a) Tổ chức kiểm tra việc thực hiện, định kỳ báo cáo kết quả về Ủy ban nhân dân tỉnh.",
     {"Tổ chức kiểm tra việc thực hiện": None, "báo cáo kết quả về Ủy ban nhân dân tỉnh": "định kỳ"}),
    ("b) Tổng hợp kết quả thực hiện, định kỳ báo cáo Ủy ban nhân dân tỉnh theo quy định.",
     {"Tổng hợp kết quả thực hiện": None, "báo cáo Ủy ban nhân dân tỉnh theo quy định": "định kỳ"}),
])
def test_a_cycle_after_an_object_opens_a_task_of_its_own(item, expected):
    assert tasks(item) == expected


@pytest.mark.parametrize("item,task", [
    # verbs only before the cycle share what follows it (extra 14's gold keeps this one whole)
    ("a) Chủ trì đôn đốc, kiểm tra, định kỳ sơ kết, tổng kết đánh giá việc thực hiện các mục tiêu.",
     "đôn đốc, kiểm tra, định kỳ sơ kết, tổng kết đánh giá việc thực hiện các mục tiêu"),
    ("b) Phối hợp với các sở, ngành liên quan tổ chức thực hiện, kiểm tra, giám sát, định kỳ báo cáo kết quả về "
     "Ủy ban nhân dân tỉnh.",
     "tổ chức thực hiện, kiểm tra, giám sát, định kỳ báo cáo kết quả về Ủy ban nhân dân tỉnh"),
    ("c) Công bố, định kỳ cập nhật danh mục dịch vụ số của tỉnh.", "Công bố, định kỳ cập nhật danh mục dịch vụ số của tỉnh"),
])
def test_a_cycle_after_verbs_only_stays_inside_one_task(item, task):
    got = tasks(item)
    assert list(got) == [task] and got[task] == "định kỳ"
