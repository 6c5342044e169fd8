"""What each document is, and whether the second reviews the first
(``review_plan_titles`` of resources/vi/crosscheck.yaml, numbers of titles
and citations), with positive and negative examples."""

from __future__ import annotations

import pytest

from builders import result, task
from directive_nlp.crosscheck import crosscheck, identify, review_relation
from directive_nlp.models import Reference, SectionOut


def _doc(name, *, doc_type=None, number=None, title=None, refs=(), province="Hà Nam", headings=()):
    sections = [SectionOut(id="II", heading="NHIỆM VỤ VÀ GIẢI PHÁP", level=1),
                SectionOut(id="II.1", heading="Phát triển nguồn nhân lực y tế", level=2, parent="II"),
                SectionOut(id="II.2", heading="Nâng cấp bệnh viện tuyến huyện", level=2, parent="II")]
    sections += [SectionOut(id=f"H{i}", heading=h, level=1) for i, h in enumerate(headings)]
    tasks = [task("đánh giá kết quả đào tạo bác sĩ cho trạm y tế xã", id="T1", section="II.1", lead="Sở Y tế",
                  sentence="Sở Y tế đánh giá kết quả đào tạo bác sĩ cho trạm y tế xã"),
             task("báo cáo việc nâng cấp bệnh viện đa khoa huyện", id="T2", section="II.2", lead="Sở Tài chính",
                  sentence="Sở Tài chính báo cáo việc nâng cấp bệnh viện đa khoa huyện")]
    if name != "prog":  # the plan's own wording
        for t in tasks:
            t.sentence, t.task = t.sentence + " giai đoạn 2021-2025", t.task + " giai đoạn 2021-2025"
    return result(
        tasks, path=f"{name}.json", sha256=name,
        document={"doc_type": doc_type, "number": number, "title": title, "province": province,
                  "references": [Reference(number=n, text=f"văn bản số {n}") for n in refs]},
        sections=sections)


PROGRAMME = dict(doc_type="Chương trình hành động", number="12-CTr/TU",
                 title="Thực hiện Nghị quyết số 20-NQ/TW về y tế cơ sở", refs=["20-NQ/TW"])


@pytest.mark.parametrize("title", [
    "Sơ kết 03 năm thực hiện Chương trình hành động số 12-CTr/TU",
    "Tổng kết 10 năm thực hiện Nghị quyết số 20-NQ/TW",
    "Kiểm điểm việc thực hiện Chương trình số 12-CTr/TU",
    "Đánh giá kết quả thực hiện Nghị quyết số 20-NQ/TW",
])
def test_review_plans_are_recognised_and_reviewing_their_programme(title):
    plan = _doc("plan", doc_type="Kế hoạch", title=title, refs=["12-CTr/TU"])
    assert identify(plan).role == "review plan"
    rel = review_relation(_doc("prog", **PROGRAMME), plan)
    assert rel.reviews is True
    assert crosscheck(_doc("prog", **PROGRAMME), plan).reviews is True


@pytest.mark.parametrize("title", [
    "Triển khai thực hiện Nghị quyết số 20-NQ/TW về y tế cơ sở",   # same directive, but an ordinary plan
    "Tổ chức Tháng hành động vì an toàn thực phẩm năm 2026",
    "Kết quả tuyển sinh năm học 2025-2026",                        # "kết quả" alone is no review
])
def test_ordinary_plans_do_not_review(title):
    plan = _doc("plan", doc_type="Kế hoạch", title=title, refs=["20-NQ/TW"])
    assert identify(plan).role == "plan"
    report = crosscheck(_doc("prog", **PROGRAMME), plan)
    assert report.reviews is False and report.summary.themes_covered == 0
    assert "WARNING: the second does not review the first" in report.headline and "not a review plan" in report.headline


def test_a_review_of_another_directive_does_not_review_the_programme():
    plan = _doc("plan", doc_type="Kế hoạch", title="Sơ kết 05 năm thực hiện Chỉ thị số 36-CT/TW", refs=["36-CT/TW"])
    rel = review_relation(_doc("prog", **PROGRAMME), plan)
    assert rel.reviews is False and "36-CT/TW" in rel.reason


def test_a_review_plan_without_title_is_known_by_its_heading():
    plan = _doc("plan", doc_type="Kế hoạch", refs=["12-CTr/TU"], headings=["NỘI DUNG SƠ KẾT"])
    assert identify(plan).role == "review plan"
    assert review_relation(_doc("prog", **PROGRAMME), plan).reviews is True


def test_nothing_said_leaves_the_decision_to_the_subject_check():
    prog = _doc("prog", title="Chương trình hành động về y tế cơ sở")
    plan = _doc("plan", title="Kế hoạch sơ kết chương trình y tế cơ sở")
    assert review_relation(prog, plan).reviews is None


def test_first_line_names_role_type_number_province_numbers_and_subject():
    line = identify(_doc("prog", **PROGRAMME)).describe()
    assert line.startswith("programme (Chương trình hành động 12-CTr/TU, Hà Nam) implementing 20-NQ/TW")
    assert "«Thực hiện Nghị quyết số 20-NQ/TW về y tế cơ sở»" in line
