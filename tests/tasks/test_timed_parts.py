"""Coordinated activities, each with its own time, are tasks of their own (tasks/timed_parts.py, issue 12,
branch under13; docs/tasks.md, "Gold tasks we miss or merge"), with the bracketed date and window that time
them (deadlines.py ``on.bracketed``, timing.py ``_bracketed``)."""

from __future__ import annotations

from datetime import date

import pytest

from directive_nlp.deadlines import find_deadlines
from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.lexicon import load_lexicon_data
from directive_nlp.tasks.text import mask
from directive_nlp.tasks.timed_parts import own_time_cuts
from directive_nlp.tasks.timing import bracketed_times


def tasks(body: str) -> list[tuple[str, object]]:
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2025\n\nHà Nội, ngày 01 tháng 10 năm 2025\n\nII. NHIỆM VỤ\n\n{body}\n"
    return [(t.task, t.deadline) for t in extract_text(text, "plan.md").tasks]


def test_separator_is_data():
    assert "và" in load_lexicon_data()["conjunctions"]


@pytest.mark.parametrize("sentence, cut", [
    ("Triển khai Tháng hành động (từ ngày 15/11 đến ngày 15/12) và hưởng ứng “Ngày Quốc tế” (ngày 25/11).", True),
    ("Tổ chức hội nghị sơ kết trong tháng 6/2026, tổng kết công tác trong tháng 12/2026.", True),
    ("Báo cáo kết quả trong tháng 6/2026 và tháng 12/2026.", False),      # a run of times
    ("Trong năm 2025, tổ chức tập huấn cho cán bộ trong tháng 11/2025.", False),  # the time opens the clause
    ("Tổ chức tuyên truyền và hưởng ứng Ngày Quốc tế trong tháng 11/2025.", False),  # one time for both
])
def test_own_time_cuts(sentence, cut):
    assert bool(own_time_cuts(sentence, mask(sentence), 0, len(sentence))) is cut


def test_label_value_split_each_with_its_time():
    body = ("a) Hoạt động 1\n\n- Nội dung: Triển khai Tháng hành động (từ ngày 15/11/2025 đến ngày 15/12/2025) và "
            "hưởng ứng “Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ và trẻ em gái” (ngày 25/11/2025).\n\n"
            "- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với các đơn vị có liên quan.")
    got = tasks(body)
    assert [t for t, _ in got] == ["Triển khai Tháng hành động (từ ngày 15/11/2025 đến ngày 15/12/2025)",
                                   "hưởng ứng “Ngày Quốc tế xóa bỏ bạo lực đối với phụ nữ và trẻ em gái” (ngày 25/11/2025)"]
    first, second = got[0][1], got[1][1]
    assert (first.kind, first.start, first.end) == ("period", "2025-11-15", "2025-12-15")
    assert (second.kind, second.date) == ("on", "2025-11-25")


def test_label_value_one_time_stays_one_task():
    body = ("a) Hoạt động 1\n\n- Nội dung: Tổ chức tuyên truyền và hưởng ứng Ngày Quốc tế xóa bỏ bạo lực "
            "trong tháng 11/2025.\n\n- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với các đơn vị có liên quan.")
    assert len(tasks(body)) == 1


@pytest.mark.parametrize("text, found", [
    ("hưởng ứng Ngày Quốc tế (ngày 25/11).", "2025-11-25"),
    ("tổ chức lễ mít tinh (ngày 25/11/2025).", "2025-11-25"),
    ("theo Quyết định số 1855/QĐ-TTg (ngày 11/11/2009) của Thủ tướng", None),  # a cited text's issue date
    ("thi hành Luật Đầu tư (năm 2020)", None),                              # a year alone is no bracketed date
])
def test_bracketed_date(text, found):
    got = [m.deadline.date for m in find_deadlines(text, doc_date=date(2025, 10, 1))]
    assert got == ([found] if found else [])


def test_bracketed_window_only_when_short():
    s = "Triển khai Tháng hành động (từ ngày 15/11/2025 đến ngày 15/12/2025)"
    assert bracketed_times(s) == []
    assert [d.start for _, d in bracketed_times(s, windows=True)] == ["2025-11-15"]
    long = "thực hiện Chương trình mục tiêu quốc gia (giai đoạn 2021 - 2025)"
    assert bracketed_times(long, windows=True) == []
