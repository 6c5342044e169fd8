"""The learned layer's records: JSON models, apply_model, confidence flags, features."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from directive_nlp.errors import InputError
from directive_nlp.learn.confidence import MARK, flag, is_low, task_confidence
from directive_nlp.learn.features import agency_features, context_of, task_features
from directive_nlp.learn.model import LearnedModel, LinearDecision, apply_model, load_model, resolve_model
from directive_nlp.models import AgencyRef, ExtractionResult, SectionOut, SourceInfo, Task

SRC = SourceInfo(path="kh.md", format="md", sha256="0" * 64)


def _result() -> ExtractionResult:
    sections = [SectionOut(id="II", heading="NHIỆM VỤ"), SectionOut(id="II.1", heading="Sở Tư pháp", parent="II")]
    tasks = [
        Task(id="T1", section="II.1", sentence="Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ rà soát văn bản.",
             task="rà soát văn bản", rule="sentence:subject",
             agencies=[AgencyRef(name="Sở Tư pháp", canonical="sở tư pháp", role="lead", type="so"),
                       AgencyRef(name="Sở Nội vụ", canonical="sở nội vụ", role="lead", type="so")]),
        Task(id="T2", section="II", sentence="NHIỆM VỤ", task="NHIỆM VỤ", rule="labelled-block:heading"),
    ]
    return ExtractionResult(source=SRC, sections=sections, tasks=tasks)


def _model(enabled=()) -> LearnedModel:
    return LearnedModel({
        "task": LinearDecision({"t_all_caps": -6.0}, 2.0, 0.5),
        "agency": LinearDecision({"where=before_task": 1.0}, 0.0, 0.3),
        "role": LinearDecision({"support_cue_before": 6.0}, -3.0, 0.5),
    }).with_enabled(set(enabled))


def test_confidence_is_a_probability_on_task_and_agency():
    assert Task(id="T", section="I", sentence="x", task="x", confidence=0.4).confidence == 0.4
    with pytest.raises(ValidationError):
        Task(id="T", section="I", sentence="x", task="x", confidence=1.5)
    with pytest.raises(ValidationError):
        AgencyRef(name="Sở Y tế", canonical="sở y tế", confidence=-0.1)


def test_a_disabled_model_only_scores():
    out = apply_model(_result(), _model())
    assert [t.id for t in out.tasks] == ["T1", "T2"]
    assert out.tasks[1].confidence < 0.5 < out.tasks[0].confidence
    assert [a.role for a in out.tasks[0].agencies] == ["lead", "lead"]
    assert all(a.confidence is not None for a in out.tasks[0].agencies)


def test_enabled_decisions_drop_the_heading_and_set_the_support_role():
    original = _result()
    out = apply_model(original, _model({"task", "role"}))
    assert [t.id for t in out.tasks] == ["T1"]
    assert [a.role for a in out.tasks[0].agencies] == ["lead", "support"]  # "phối hợp với Sở Nội vụ"
    assert len(original.tasks) == 2 and original.tasks[0].confidence is None  # a new record


def test_no_model_means_the_rules_unchanged():
    r = _result()
    assert apply_model(r, None) is r and resolve_model("none") is None


def test_features_say_where_a_body_is_written():
    r = _result()
    ctx = context_of(r)
    t = r.tasks[0]
    lead, support = (agency_features(t, a, k, ctx) for k, a in enumerate(t.agencies))
    assert lead["where=before_task"] == 1.0 and lead["in_own_heading"] == 1.0
    assert support["support_cue_before"] == 1.0 and support["before=hợp với"] == 1.0
    carried = agency_features(t, AgencyRef(name="Công an tỉnh", canonical="công an tỉnh"), 2, ctx)
    assert carried["where=carried"] == 1.0 and carried["in_heading"] == 0.0
    heading = task_features(r.tasks[1], 1, ctx)
    assert heading["t_all_caps"] == 1.0 and heading["is_section_heading"] == 1.0
    assert task_features(t, 0, ctx)["t_all_caps"] == 0.0 and task_features(t, 0, ctx)["is_section_heading"] == 0.0


def test_low_confidence_flags():
    sure = Task(id="T", section="I", sentence="x", task="x", confidence=0.9,
                agencies=[AgencyRef(name="Sở Y tế", canonical="sở y tế", confidence=0.8)])
    doubtful_body = sure.model_copy(update={"agencies": [AgencyRef(name="Tổ", canonical="tổ", confidence=0.2)]})
    rules_only = Task(id="T", section="I", sentence="x", task="x")
    assert not is_low(sure) and flag(sure) == ""
    assert is_low(doubtful_body) and flag(doubtful_body) == MARK + " " and task_confidence(doubtful_body) == 0.2
    assert not is_low(rules_only) and task_confidence(rules_only) is None


def test_model_files_round_trip_and_bad_files_are_refused(tmp_path):
    _model({"task"}).save(tmp_path / "m")
    back = load_model(tmp_path / "m")
    assert back.enabled("task") and not back.enabled("role") and back.decisions["task"].weights == {"t_all_caps": -6.0}
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "model.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not a JSON model"):
        load_model(tmp_path / "bad")
    data = json.loads((tmp_path / "m" / "model.json").read_text(encoding="utf-8"))
    data["decisions"]["deadline_guess"] = data["decisions"]["task"]
    (tmp_path / "m" / "model.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="unknown decisions"):
        load_model(tmp_path / "m")
    with pytest.raises(InputError, match="model.json"):
        resolve_model(tmp_path / "absent")


def test_the_shipped_model_is_valid_json_weights():
    from directive_nlp.learn.model import default_model_dir

    folder = default_model_dir()
    if folder is None:
        pytest.skip("no shipped model (models/directive_nlp_learned) in this checkout")
    model = load_model(folder)
    assert set(model.decisions) == {"task", "agency", "role", "add", "join"}
    assert (folder / "README.md").is_file()
    assert (folder / "model.json").stat().st_size < 200_000  # small, plain data


def test_the_add_decision_takes_a_body_the_rules_left_in_the_sentence():
    r = _result()
    t = r.tasks[0].model_copy(update={"agencies": r.tasks[0].agencies[:1]})  # the rules kept only Sở Tư pháp
    r = r.model_copy(update={"tasks": [t]})
    model = LearnedModel({"add": LinearDecision({"cand=sentence": 4.0}, -2.0, 0.5),
                          "role": LinearDecision({"support_cue_before": 6.0}, -3.0, 0.5)})
    assert [a.name for a in apply_model(r, model).tasks[0].agencies] == ["Sở Tư pháp"]  # disabled: unchanged
    added = apply_model(r, model.with_enabled({"add"})).tasks[0].agencies
    assert [(a.name, a.role) for a in added] == [("Sở Tư pháp", "lead"), ("Sở Nội vụ", "support")]
    assert added[1].confidence > 0.5


def test_low_confidence_rows_are_marked_in_markdown_and_checklist():
    from directive_nlp.checklist import build_checklist
    from directive_nlp.cli.extract import to_markdown

    r = apply_model(_result(), _model())  # the heading candidate scores low, the real task high
    md = to_markdown(r)
    assert f"| {MARK} T2 |" in md and "| T1 |" in md and "độ tin cậy thấp" in md
    notes = {it.task_id: it.notes for it in build_checklist(r).rows()}
    assert notes["T2"].startswith(MARK) and notes["T1"] == ""
    assert MARK not in to_markdown(_result())  # no model, no marks
