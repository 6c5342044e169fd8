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


def _immutable(annotation) -> bool:
    """str, numbers, bool, None, Literal, tuples of those, Optional of those."""
    import typing

    if annotation in (str, int, float, bool, type(None)):
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return True
    if origin in (typing.Union, tuple) or str(origin) == "types.UnionType":
        return all(_immutable(a) for a in typing.get_args(annotation) if a is not Ellipsis)
    return False


def test_copy_task_is_a_deep_copy():
    """copy_task gives what model_copy(deep=True) gives, sharing no mutable object with the task."""
    from directive_nlp.learn.model import copy_task
    from directive_nlp.models import Deadline

    task = _result().tasks[0].model_copy(update={
        "deadline": Deadline(text="trước ngày 30/6/2026", kind="by", date="2026-06-30"),
        "report_to": ["UBND tỉnh"], "themes": ["pháp luật"], "span": (3, 9), "page": 2})
    for t in (task, _result().tasks[1]):
        c, deep = copy_task(t), t.model_copy(deep=True)
        assert c == deep and c.model_dump() == deep.model_dump()
        assert c.model_fields_set == deep.model_fields_set
        for name in ("agencies", "report_to", "themes"):
            assert getattr(c, name) is not getattr(t, name)
        assert all(a is not b for a, b in zip(c.agencies, t.agencies))
        assert t.deadline is None or c.deadline is not t.deadline
        c.agencies[0:0] = [AgencyRef(name="x", canonical="x")]
        assert len(t.agencies) != len(c.agencies)


def test_copy_task_copies_every_mutable_field():
    """A field added to Task, AgencyRef or Deadline that holds a mutable value must be copied by copy_task
    too: this test lists the fields it knows."""
    from directive_nlp.models import Deadline

    copied = {"agencies", "deadline", "report_to", "themes"}
    for model, known in ((Task, copied), (AgencyRef, set()), (Deadline, set())):
        for name, field in model.model_fields.items():
            assert name in known or _immutable(field.annotation), f"{model.__name__}.{name}: copy it in copy_task"


def test_shape_counts_letters_as_before():
    """features._shape counts each distinct character once; same figures as judging every character."""
    from directive_nlp.learn.features import _shape

    for text in ("", "123", "NHIỆM VỤ TRỌNG TÂM", "Sở Y tế chủ trì", "ⒶⒷⒸ abc", "Ǆ ǅ ǆ", "ĐẨY MẠNH cải cách x"):
        f: dict = {}
        _shape(text, "t_", f)
        letters = [c for c in text if c.isalpha()]
        upper = sum(c.isupper() for c in letters) / max(1, len(letters))
        assert f["t_upper_share"] == round(upper, 3)
        assert f["t_all_caps"] == float(upper > 0.8 and len(letters) > 5)


def test_prob_sums_the_weights_in_the_same_order():
    """LinearDecision.prob sums weight·value with map (C loops): the same float as the former generator."""
    import math
    import random

    rng = random.Random(7)
    weights = {f"f{i}": rng.uniform(-3, 3) for i in range(200)}
    d = LinearDecision(weights, 0.37, 0.5)
    for _ in range(50):
        feats = {f"f{rng.randrange(260)}": rng.choice([1.0, rng.random()]) for _ in range(rng.randrange(0, 40))}
        z = max(-30.0, min(30.0, 0.37 + sum(weights.get(k, 0.0) * v for k, v in feats.items())))
        assert d.prob(feats) == 1.0 / (1.0 + math.exp(-z))
