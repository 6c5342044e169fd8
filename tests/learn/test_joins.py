"""The learned ``join`` decision: neighbouring tasks of one sentence, their labels, and how a pair is joined."""

from __future__ import annotations

from directive_nlp.learn.features import context_of
from directive_nlp.learn.joins import apply_joins, join_candidates, join_features, join_gap, join_labels
from directive_nlp.learn.model import LearnedModel, LinearDecision, apply_model
from directive_nlp.models import AgencyRef, Deadline, ExtractionResult, SectionOut, SourceInfo, Task

SRC = SourceInfo(path="kh.md", format="md", sha256="0" * 64)
S1 = "Sở Y tế chủ trì tổ chức truyền thông, tuyên truyền sâu rộng đến người dân về chính sách mới; xây dựng kế hoạch."
S2 = "Công an tỉnh rà soát hồ sơ vụ việc, Sở Tư pháp thẩm định văn bản."


def _task(i: int, sentence: str, text: str, section: str = "II.1", **kw) -> Task:
    return Task(id=f"T{i}", section=section, sentence=sentence, task=text, rule="sentence:subject", **kw)


def _tasks() -> list[Task]:
    so_yte = AgencyRef(name="Sở Y tế", canonical="sở y tế", role="lead", type="so")
    return [
        _task(1, S1, "tổ chức truyền thông", agencies=[so_yte]),
        _task(2, S1, "tuyên truyền sâu rộng đến người dân về chính sách mới", agencies=[so_yte],
              deadline=Deadline(text="năm 2026", kind="by", date="2026-12-31")),
        _task(3, S1, "xây dựng kế hoạch", agencies=[so_yte]),
        _task(4, S2, "rà soát hồ sơ vụ việc"),
        _task(5, S2, "thẩm định văn bản"),
        _task(6, S2, "rà soát hồ sơ vụ việc", section="II.2"),
    ]


def test_gap_is_a_comma_semicolon_or_conjunction_between_neighbours():
    t = _tasks()
    assert join_gap(t[0], t[1]) == ","
    assert join_gap(t[1], t[2]) == ";"
    assert join_gap(_task(1, "Rà soát và bổ sung quy hoạch.", "Rà soát"),
                    _task(2, "Rà soát và bổ sung quy hoạch.", "bổ sung quy hoạch")) == "và"


def test_no_gap_across_a_named_body_a_sentence_or_a_section():
    t = _tasks()
    assert join_gap(t[3], t[4]) is None  # "Sở Tư pháp" stands between them
    assert join_gap(t[2], t[3]) is None  # another sentence
    assert join_gap(t[4], t[5]) is None  # another section
    assert join_gap(t[1], t[0]) is None  # written before, not after
    assert [i for i, _ in join_candidates(t)] == [0, 1]


def test_labels_place_each_half_in_the_gold_task_holding_its_words():
    t = _tasks()
    gold = [{"task": "Tổ chức truyền thông, tuyên truyền sâu rộng đến người dân về chính sách mới"},
            {"task": "Xây dựng kế hoạch"}]
    assert join_labels(t, gold) == [(0, ",", 1), (1, ";", 0)]
    assert join_labels(t, [{"task": "Ban hành quy chế"}]) == []  # a half in no gold task: not used


def test_features_describe_both_halves_and_the_separator():
    t = _tasks()
    ctx = context_of(ExtractionResult(source=SRC, sections=[], tasks=t))
    f = join_features(t[0], t[1], ",", ctx)
    assert f["gap=,"] == 1.0 and f["a_len=<=4"] == 1.0 and f["b_w1=tuyên"] == 1.0
    assert f["same_agencies"] == 1.0 and f["b_has_deadline"] == 1.0 and f["a_has_deadline"] == 0.0


def _join_everything() -> LinearDecision:
    return LinearDecision({"gap=,": 6.0}, -3.0, 0.6, enabled=True)


def test_a_joined_task_runs_over_both_halves_and_keeps_the_first_id():
    t = _tasks()
    ctx = context_of(ExtractionResult(source=SRC, sections=[], tasks=t))
    out = apply_joins(t, _join_everything(), ctx)
    assert [x.id for x in out] == ["T1", "T3", "T4", "T5", "T6"]
    assert out[0].task == "tổ chức truyền thông, tuyên truyền sâu rộng đến người dân về chính sách mới"
    assert out[0].deadline is not None and out[0].deadline.text == "năm 2026"
    assert [a.name for a in out[0].agencies] == ["Sở Y tế"]
    assert t[0].task == "tổ chức truyền thông"  # the input is not changed


def test_join_only_when_enabled_and_after_the_task_decision():
    sections = [SectionOut(id="II", heading="NHIỆM VỤ"), SectionOut(id="II.1", heading="Sở Y tế", parent="II")]
    r = ExtractionResult(source=SRC, sections=sections, tasks=_tasks())
    model = LearnedModel({"join": LinearDecision({"gap=,": 6.0}, -3.0, 0.6)})
    assert len(apply_model(r, model).tasks) == 6  # disabled: unchanged
    assert len(apply_model(r, model.with_enabled({"join"})).tasks) == 5
    model = LearnedModel({"join": LinearDecision({"gap=;": 6.0}, -3.0, 0.6)})
    assert len(apply_model(r, model.with_enabled({"join"})).tasks) == 5  # the ';' pair only
