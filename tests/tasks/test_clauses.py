"""The clause analyser's word lists (task_lexicon.yaml): a positive and a negative example each."""

from __future__ import annotations

import pytest

from directive_nlp.tasks import clauses
from directive_nlp.tasks.lexicon import load_lexicon_data


def test_the_clause_word_lists_are_in_the_lexicon():
    data = load_lexicon_data()
    for key in ("trailing_note_words", "adjunct_openers", "basis_ref_endings", "between_words", "conjunctions"):
        assert data[key], key


@pytest.mark.parametrize("pattern, text, hit", [
    ("_TRAIL_PAREN", " (chi tiết tại Phụ lục kèm theo)", True),  # trailing_note_words
    ("_TRAIL_PAREN", " (Sở Tài chính)", False),
    ("_ADJUNCT", " theo quy định", True),  # adjunct_openers
    ("_ADJUNCT", " thông qua Hội đồng", True),
    ("_ADJUNCT", " Sở Tài chính", False),
    ("_BETWEEN", " giữa các sở", True),  # between_words
    ("_BETWEEN", " với các sở", False),
    ("_VERBS_VA", "kiểm tra và giám sát", True),  # conjunctions
    ("_VERBS_VA", "kiểm tra, giám sát", False),
])
def test_clause_patterns_are_built_from_the_word_lists(pattern, text, hit):
    assert bool(getattr(clauses, pattern).match(text)) is hit


def test_basis_reference_endings():
    assert clauses._BASIS_REF_END.search("theo Kế hoạch này ")  # basis_ref_endings
    assert clauses._BASIS_REF_END.search("theo Kế hoạch số 45/KH-UBND ")  # a number
    assert not clauses._BASIS_REF_END.search("theo Kế hoạch của tỉnh ")


def _part_iv(sentence: str):
    from directive_nlp.pipeline import extract_text
    return extract_text(f"KẾ HOẠCH\n\nTriển khai\n\nIV. TỔ CHỨC THỰC HIỆN\n\n{sentence}\n", "p.md").tasks[0]


@pytest.mark.parametrize("sentence, actor, task, kind", [
    ("Hằng năm, Sở Y tế tổ chức sơ kết.", "Sở Y tế", "tổ chức sơ kết", "recurring"),
    ("Định kỳ 06 tháng các cơ quan có liên quan báo cáo kết quả gửi Sở Tài chính.", "các cơ quan có liên quan",
     "báo cáo kết quả gửi Sở Tài chính", "recurring"),
    ("Trước ngày 15/12 hằng năm, Ủy ban nhân dân các xã báo cáo kết quả.", "Ủy ban nhân dân các xã",
     "báo cáo kết quả", "recurring"),
])
def test_a_time_phrase_before_the_actor_is_the_deadline_and_the_body_acts(sentence, actor, task, kind):
    t = _part_iv(sentence)
    assert [a.name for a in t.agencies] == [actor] and t.task == task and t.deadline.kind == kind


@pytest.mark.parametrize("sentence", ["Hằng năm tổ chức sơ kết, đánh giá.", "Thường xuyên kiểm tra các cơ sở kinh doanh."])
def test_a_time_phrase_before_a_verb_leaves_the_task_without_actor(sentence):
    t = _part_iv(sentence)
    assert t.agencies == [] and t.deadline is not None
