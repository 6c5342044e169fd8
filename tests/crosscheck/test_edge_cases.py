"""Inputs that must give a clear answer, never a crash."""

import pytest

from builders import result, task
from cc_build import load, load_text_variant
from cc_paths import DATA
from corpus_paths import SAMPLE_PROGRAM
from directive_nlp.crosscheck import crosscheck
from directive_nlp.errors import InputError
from directive_nlp.models import Deadline


def _result(name, sections, tasks, title=None):
    return result(tasks, path=f"{name}.json", sha256=name, sections=sections, document={"title": title})


def _task(i, section, text, agencies=(), deadline=None):
    return task(text, id=f"T{i}", section=section, agencies=agencies, deadline=deadline)


PROGRAM_SECTIONS = [
    {"id": "II", "heading": "NHIỆM VỤ VÀ GIẢI PHÁP", "level": 1},
    {"id": "II.1", "heading": "Phát triển nguồn nhân lực y tế", "level": 2, "parent": "II"},
    {"id": "II.2", "heading": "Nâng cấp cơ sở khám chữa bệnh tuyến huyện", "level": 2, "parent": "II"},
]


def _program():
    return _result("prog", PROGRAM_SECTIONS, [
        _task(1, "II.1", "đào tạo bác sĩ, điều dưỡng cho trạm y tế xã", ["Sở Y tế"]),
        _task(2, "II.2", "bố trí vốn nâng cấp bệnh viện đa khoa huyện, mua sắm trang thiết bị", ["Sở Tài chính"],
              Deadline(text="trong năm 2025", kind="on", date="2025-12-31")),
    ], title="Chương trình hành động về y tế cơ sở")


def test_identical_documents_are_refused_with_one_line():
    prog = load(SAMPLE_PROGRAM)
    with pytest.raises(InputError) as e:
        crosscheck(prog, prog)
    assert e.value.code == "same_document" and "\n" not in str(e.value)


def test_empty_program_is_refused():
    with pytest.raises(InputError) as e:
        crosscheck(_result("empty", [], []), _program())
    assert e.value.code == "empty_program"


def test_plan_that_reviews_nothing_is_said_so():
    plan = _result("plan", [{"id": "I", "heading": "NỘI DUNG", "level": 1}], [
        _task(1, "I", "tổ chức giải bóng đá thiếu niên nhi đồng cấp tỉnh", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ], title="Kế hoạch tổ chức giải bóng đá")
    report = crosscheck(_program(), plan)
    assert report.summary.themes == 2 and report.summary.themes_covered == 0
    assert any("reviews nothing" in n for n in report.notes)


def test_empty_plan_reviews_nothing():
    report = crosscheck(_program(), _result("plan", [], []))
    assert report.summary.themes_covered == 0
    assert any("no items" in n for n in report.notes)


def test_plan_document_without_review_words(pairs):
    """A real text: an implementation plan, not a review, against the digital program."""
    text = ("**KẾ HOẠCH\nTổ chức Ngày hội văn hóa các dân tộc**\n\n**I. NỘI DUNG**\n\n"
            "- Sở Văn hóa, Thể thao và Du lịch dựng sân khấu, mời các đội văn nghệ quần chúng.\n"
            "- Ủy ban nhân dân huyện bố trí xe đưa đón diễn viên.\n")
    program = load(DATA / pairs["chuyen_doi_so"]["program"])
    report = crosscheck(program, load_text_variant("ngay_hoi", text))
    assert report.summary.themes_covered == 0
    assert report.notes


def test_program_without_numbered_sections_still_checks_tasks():
    prog = _result("flat", [{"id": "preamble", "level": 0}], [
        _task(1, "preamble", "đào tạo bác sĩ cho trạm y tế xã", ["Sở Y tế"]),
    ])
    plan = _result("plan", [{"id": "I", "heading": "NỘI DUNG SƠ KẾT", "level": 1}], [
        _task(1, "I", "đánh giá kết quả đào tạo bác sĩ cho trạm y tế xã", ["Sở Y tế"]),
    ])
    report = crosscheck(prog, plan)
    assert report.themes == []
    assert any("no numbered sections" in n for n in report.notes)
    assert report.tasks[0].status == "covered"


def test_agencies_missing_on_either_side_and_deadline_conflict():
    plan = _result("plan", [
        {"id": "I", "heading": "NỘI DUNG SƠ KẾT", "level": 1},
        {"id": "II", "heading": "TỔ CHỨC THỰC HIỆN", "level": 1},
    ], [
        _task(1, "I", "đánh giá kết quả đào tạo bác sĩ, điều dưỡng cho trạm y tế xã", ["Sở Y tế"]),
        _task(2, "I", "đánh giá việc nâng cấp bệnh viện đa khoa huyện và mua sắm trang thiết bị", ["Sở Nội vụ"]),
        _task(3, "II", "gửi báo cáo sơ kết về Ủy ban nhân dân tỉnh", ["Sở Tài chính"],
              Deadline(text="trước ngày 30/6/2025", kind="by", date="2025-06-30")),
    ], title="Kế hoạch sơ kết")
    report = crosscheck(_program(), plan)
    assert report.coverage() == {"II.1": True, "II.2": True}
    assert [g.key for g in report.agencies.plan_only] == ["sở nội vụ"]
    assert report.agencies.program_only == []
    assert sorted(report.agencies.both) == ["sở tài chính", "sở y tế"]
    [c] = report.deadline_conflicts
    assert (c.agency, c.program_task, c.plan_item) == ("sở tài chính", "T2", "T3")
    assert "before the task itself is due" in c.reason


def test_program_agency_not_asked_to_report():
    plan = _result("plan", [{"id": "I", "heading": "NỘI DUNG SƠ KẾT", "level": 1}], [
        _task(1, "I", "đánh giá kết quả đào tạo bác sĩ, điều dưỡng cho trạm y tế xã", ["Sở Y tế"]),
    ], title="Kế hoạch sơ kết")
    report = crosscheck(_program(), plan)
    assert [g.key for g in report.agencies.program_only] == ["sở tài chính"]
    assert report.agencies.program_only[0].tasks == ["T2"]
    assert report.coverage() == {"II.1": True, "II.2": False}
