"""Where one task ends and the next begins (issue 12, branch split20): boundaries the read-half gold settles
the other way than the rules did (benchmarks/split_decisions.py), with positive and negative examples in
small plans written for the test (docs/tasks.md, "Boundaries learned from the gold")."""

from __future__ import annotations

import pytest

from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.frames import load_frames_data
from directive_nlp.tasks.lexicon import lexicon, load_lexicon_data
from directive_nlp.tasks.splitting import bare_after_adverb


def texts(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP") -> list[str]:
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\n{heading}\n\n{body}\n"
    return [t.task for t in extract_text(text, "plan.md").tasks]


# ------------------------------------------------------------------ an adverb and a bare verb before "và"
def test_adverbs_and_verb_are_data():
    assert "chủ động" in load_lexicon_data()["predicate_adverbs"]
    assert "nắm bắt" in lexicon().verbs


@pytest.mark.parametrize("seg, bare", [
    ("chủ động nắm bắt", True),
    ("kịp thời phát hiện", True),
    ("chủ động nắm bắt tình hình", False),  # the verb has its object
    ("nắm bắt", False),                     # no adverb: verb_only decides, as before
    ("chủ động", False),
])
def test_bare_after_adverb(seg, bare):
    assert bare_after_adverb(seg) is bare


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Sở Nội vụ chủ động nắm bắt và giải quyết kịp thời các vướng mắc của cán bộ, công chức.",
     ["chủ động nắm bắt và giải quyết kịp thời các vướng mắc của cán bộ, công chức"]),
])
def test_adverb_and_bare_verb_share_the_object_after_va(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # the verb before "và" has an object of its own: two tasks
    ("1. Sở Nội vụ chủ động nắm bắt tình hình cán bộ nữ và giải quyết kịp thời các vướng mắc phát sinh.",
     ["chủ động nắm bắt tình hình cán bộ nữ", "giải quyết kịp thời các vướng mắc phát sinh"]),
])
def test_adverb_verb_with_its_object_still_cuts(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ a second object with the same head
def test_repeated_object_heads_are_data():
    assert "báo cáo" in load_lexicon_data()["repeated_object_heads"]
    assert "thực hiện" not in load_lexicon_data()["repeated_object_heads"]


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Các sở, ngành gửi báo cáo công tác bình đẳng giới năm 2026 và báo cáo kết quả thực hiện Tháng hành động "
     "về Sở Nội vụ.",
     ["gửi báo cáo công tác bình đẳng giới năm 2026 và báo cáo kết quả thực hiện Tháng hành động về Sở Nội vụ"]),
    ("1. Sở Tài chính xây dựng kế hoạch vốn năm 2026, kế hoạch vốn trung hạn giai đoạn 2026 - 2030 của tỉnh.",
     ["xây dựng kế hoạch vốn năm 2026, kế hoạch vốn trung hạn giai đoạn 2026 - 2030 của tỉnh"]),
])
def test_second_object_with_the_same_head_stays_one_task(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # a body right after the repeated head: a report step of its own
    ("1. Sở Y tế tổng hợp báo cáo kết quả thực hiện của các huyện, báo cáo Ủy ban nhân dân tỉnh xem xét.",
     ["tổng hợp báo cáo kết quả thực hiện của các huyện", "báo cáo Ủy ban nhân dân tỉnh xem xét"]),
    # a repeated verb, not a repeated object ("thực hiện" is not a head of the list)
    ("1. Sở Xây dựng tiếp tục thực hiện hiệu quả chương trình cấp nước an toàn, thực hiện tốt các phương án "
     "cấp nước cho sinh hoạt của người dân.",
     ["tiếp tục thực hiện hiệu quả chương trình cấp nước an toàn",
      "thực hiện tốt các phương án cấp nước cho sinh hoạt của người dân"]),
])
def test_repeated_verb_or_report_to_a_body_still_cuts(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ "Trong phạm vi, lĩnh vực quản lý của mình, …"
def test_scope_words_are_data():
    d = load_frames_data()
    assert "trong" in d["scope_openers"] and "lĩnh vực quản lý" in d["scope_nouns"]


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Các sở, ban, ngành:\n\n- Trong phạm vi, lĩnh vực quản lý của mình, chủ động phối hợp với các cơ quan "
     "liên quan thực hiện các nhiệm vụ được giao tại Kế hoạch này.",
     ["thực hiện các nhiệm vụ được giao tại Kế hoạch này"]),  # the partner frame is dropped, as before
])
def test_scope_with_a_field_is_not_a_task(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # "trong" with no scope noun after it is a place or time, kept in the task
    ("1. Sở Y tế tổ chức kiểm tra trong phạm vi toàn tỉnh các cơ sở kinh doanh thực phẩm.",
     ["tổ chức kiểm tra trong phạm vi toàn tỉnh các cơ sở kinh doanh thực phẩm"]),
])
def test_trong_without_a_scope_noun_stays(sentence, tasks):
    assert texts(sentence) == tasks
