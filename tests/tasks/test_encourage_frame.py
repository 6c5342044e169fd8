"""The encourage frame "Khuyến khích X VERB …" (frames.yaml ``encourage_words``, ``encourage_body_types``;
tasks/subject.py ``_encouraged``): positive and negative examples, synthetic sentences only."""

from __future__ import annotations

import pytest

from directive_nlp.pipeline import extract_text
from directive_nlp.tasks import frames as frames_module
from directive_nlp.tasks.frames import frames, load_frames_data
from directive_nlp.vocab import VocabularyError, read_yaml


def tasks_of(body: str):
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n\n{body}\n"
    return extract_text(text, "plan.md").tasks


def roles(t):
    return [(a.name, a.role) for a in t.agencies]


def test_the_encourage_words_are_data():
    data = load_frames_data()
    assert "khuyến khích" in data["encourage_words"]
    assert "mass_org" in data["encourage_body_types"] and "enterprise" not in data["encourage_body_types"]


@pytest.mark.parametrize("text, hit", [
    ("Khuyến khích Hội Nông dân tỉnh", True),
    ("khuyến khích các doanh nghiệp", True),        # the word matches; the body type decides (below)
    ("Khuyến khíchs Hội", False),                   # a whole word only
    ("Chính sách khuyến khích Hội", False),          # only at the start of the sentence
])
def test_encourage_pattern(text, hit):
    assert bool(frames().encourage.match(text)) is hit


def test_an_encouraged_mass_organisation_leads_what_follows():
    ts = tasks_of("1. Khuyến khích Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh xây dựng kế hoạch hành động "
                  "hỗ trợ người lao động chuyển đổi số.")
    assert [t.task for t in ts] == ["xây dựng kế hoạch hành động hỗ trợ người lao động chuyển đổi số"]
    assert roles(ts[0]) == [("Liên đoàn Lao động tỉnh", "lead"), ("Hội Nông dân tỉnh", "lead")]


def test_the_encouraged_body_leads_each_clause():
    ts = tasks_of("2. Khuyến khích Mặt trận Tổ quốc Việt Nam tỉnh phát huy vai trò giám sát thực hiện Kế hoạch; "
                  "chủ động tuyên truyền, vận động Nhân dân tham gia.")
    assert len(ts) == 2
    assert all(roles(t) == [("Mặt trận Tổ quốc Việt Nam tỉnh", "lead")] for t in ts)
    assert not any(t.task.lower().startswith("khuyến khích") for t in ts)


@pytest.mark.parametrize("body", [
    "3. Khuyến khích doanh nghiệp đầu tư hạ tầng 5G theo mô hình hợp tác công tư.",
    "3. Khuyến khích các doanh nghiệp đầu tư, ứng dụng thiết bị IoT trong sản xuất.",   # a group: no body acts
])
def test_encouraging_businesses_is_the_issuers_own_task(body):
    ts = tasks_of(body)
    assert len(ts) == 1 and ts[0].task.startswith("Khuyến khích") and ts[0].agencies == []


def test_khuyen_khich_inside_a_sentence_is_no_frame():
    ts = tasks_of("4. Sở Công Thương xây dựng chính sách khuyến khích Hội Doanh nhân trẻ tỉnh tham gia.")
    assert ts and roles(ts[0])[0] == ("Sở Công Thương", "lead")


def test_an_unknown_body_type_is_refused(monkeypatch):
    good = read_yaml("frames.yaml")
    bad = {**good, "encourage_body_types": [*good["encourage_body_types"], "ngo"]}
    monkeypatch.setattr("directive_nlp.vocab.read_yaml", lambda name: bad if name == "frames.yaml" else read_yaml(name))
    frames_module.load_frames_data.cache_clear()
    try:
        with pytest.raises(VocabularyError, match="encourage_body_types.*ngo"):
            frames_module.load_frames_data()
    finally:
        monkeypatch.undo()
        frames_module.load_frames_data.cache_clear()


def test_an_encouraged_group_with_a_bare_verb_goes_on_into_the_next_verb():
    from directive_nlp.tasks.splitting import _encouraged_bare_verb
    assert _encouraged_bare_verb("Khuyến khích các doanh nghiệp đầu tư")
    assert not _encouraged_bare_verb("Khuyến khích các doanh nghiệp đầu tư hạ tầng 5G")  # the verb has its object
    assert not _encouraged_bare_verb("Sở Công Thương đầu tư")  # no encouragement
