"""One path: `extract`, the CLI and `nlp(...)` all run the spaCy pipeline's components."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import directive_nlp
from directive_nlp.cli import app
from directive_nlp.pipeline import extract, extract_text, result_from_doc

PLAN = """ỦY BAN NHÂN DÂN TỈNH AN HÒA
Số: 12/KH-UBND
An Hòa, ngày 10 tháng 3 năm 2026
KẾ HOẠCH
Kiểm tra an toàn thực phẩm năm 2026
I. MỤC ĐÍCH
Bảo đảm an toàn thực phẩm trên địa bàn tỉnh.
II. NHIỆM VỤ
1. Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức kiểm tra các cơ sở sản xuất trước ngày 30/6/2026.
2. Sở Công Thương kiểm tra thị trường hằng quý.
3. Ủy ban nhân dân các huyện báo cáo kết quả trước ngày 15/12/2026.
"""


def drop_deadlines(doc):
    """A replacement deadline component that finds nothing."""
    from directive_nlp import extensions as ext

    doc.spans[ext.DEADLINE] = []
    return doc


def drop_agencies(doc):
    from directive_nlp import extensions as ext

    doc.spans[ext.AGENCY] = []
    return doc


def _register_replacements() -> None:
    """Register the two replacement components once (spaCy is imported when a test swaps, not at collection)."""
    from spacy.language import Language

    if not Language.has_factory("test_drop_deadlines"):
        Language.component("test_drop_deadlines", func=drop_deadlines)
        Language.component("test_drop_agencies", func=drop_agencies)


@pytest.fixture()
def plan(tmp_path):
    p = tmp_path / "kh12.txt"
    p.write_text(PLAN, encoding="utf-8")
    return p


@pytest.fixture()
def swapped():
    """Replace a component of the shared pipeline for one test, then put the original back."""
    _register_replacements()
    nlp = directive_nlp.load()
    done = []

    def swap(name: str, factory: str) -> None:
        cfg = {k: v for k, v in nlp.config["components"][name].items() if k != "factory"}
        done.append((name, nlp.get_pipe_meta(name).factory, cfg))
        nlp.replace_pipe(name, factory)

    yield swap
    for name, factory, cfg in reversed(done):
        nlp.replace_pipe(name, factory, config=cfg)


def _cli_tasks(path) -> list[dict]:
    r = CliRunner().invoke(app, ["extract", str(path)])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)["tasks"]


def test_the_pipeline_is_the_documented_one():
    from directive_nlp.nlp import PIPE_NAMES

    nlp = directive_nlp.load()
    assert tuple(nlp.pipe_names) == PIPE_NAMES
    assert directive_nlp.load() is nlp  # cached


def test_extract_is_read_doc_nlp_result(plan):
    from directive_nlp import extensions as ext
    from directive_nlp.reader import read_doc

    nlp = directive_nlp.load()
    doc = nlp(read_doc(nlp, plan))
    assert result_from_doc(doc).model_dump() == extract(plan).model_dump()
    assert [s.text for s in doc.spans[ext.TASK]] == [t.task for t in doc._.dnlp_tasks]
    assert {s.text for s in doc.spans[ext.AGENCY]} >= {"Sở Y tế", "Sở Tài chính", "Sở Công Thương"}


def test_replacing_the_deadline_component_changes_extract_and_the_cli(plan, swapped):
    before = _cli_tasks(plan)
    assert sum(t["deadline"] is not None for t in before) == 3
    swapped("dnlp_deadline_recognizer", "test_drop_deadlines")
    assert all(t.deadline is None for t in extract(plan).tasks)
    after = _cli_tasks(plan)
    assert len(after) == len(before) and all(t["deadline"] is None for t in after)
    # the phrase no component recognised stays in the task text
    assert after[0]["task"].endswith("trước ngày 30/6/2026") and not before[0]["task"].endswith("30/6/2026")


def _bodies(result) -> set[str]:
    return {a.name for t in result.tasks for a in t.agencies}


def test_replacing_the_agency_component_changes_the_tasks_bodies(plan, swapped):
    assert _bodies(extract(plan)) >= {"Sở Y tế", "Sở Tài chính", "Sở Công Thương"}
    swapped("dnlp_agency_recognizer", "test_drop_agencies")
    # only a subject the sentence rules read without the recogniser ("X chủ trì") is left
    assert not _bodies(extract(plan)) & {"Sở Tài chính", "Sở Công Thương"}


def test_original_components_are_back_after_a_swap(plan):
    nlp = directive_nlp.load()
    assert type(nlp.get_pipe("dnlp_deadline_recognizer")).__name__ == "DeadlineRecognizer"
    assert sum(t.deadline is not None for t in extract(plan).tasks) == 3


def test_a_bare_sentence_through_nlp_gives_the_task_both_bodies_and_the_deadline():
    from directive_nlp import extensions as ext

    nlp = directive_nlp.load()
    doc = nlp("Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức kiểm tra … trước ngày 30/6/2026.")
    (task,) = doc.spans[ext.TASK]
    rec = task._.dnlp_task
    assert [(a["name"], a["role"]) for a in rec["agencies"]] == [("Sở Y tế", "lead"), ("Sở Tài chính", "support")]
    assert rec["deadline"]["date"] == "2026-06-30"
    assert [s.text for s in doc.spans[ext.DEADLINE]] == ["trước ngày 30/6/2026"]


def test_a_passage_that_asks_no_body_to_act_has_no_task():
    assert extract_text("Trời hôm nay đẹp.").tasks == []
    assert extract_text("Tăng cường kiểm tra an toàn thực phẩm.").tasks == []


def test_rules_only_and_learned_pipelines_are_separate(plan):
    assert directive_nlp.load(model=None) is not directive_nlp.load()
    assert directive_nlp.load(model=None).get_pipe("dnlp_learned_decisions").model == "none"
    rules = extract(plan, model=None)
    assert all(t.confidence is None for t in rules.tasks)
