"""The clause splitter's word lists (task_lexicon.yaml): a positive and a negative example each."""

from __future__ import annotations

import pytest

from directive_nlp.tasks import splitting
from directive_nlp.tasks.lexicon import load_lexicon_data

KEYS = ("predicate_adverbs", "report_step_verbs", "report_step_objects", "report_start_adverbs", "report_start_gather",
        "report_start_verbs", "reference_prepositions", "reference_titles", "advising_words", "review_step_words")


def test_the_splitting_word_lists_are_in_the_lexicon():
    data = load_lexicon_data()
    for key in KEYS:
        assert data[key], key


@pytest.mark.parametrize("pattern, text, hit", [
    ("_ADVERB_VERB", "kịp thời xử lý", True),  # predicate_adverbs
    ("_ADVERB_VERB", "báo cáo kết quả về Sở", True),  # report_step_verbs, report_step_objects
    ("_ADVERB_VERB", "báo cáo UBND tỉnh", False),
    ("_REPORT_START", "định kỳ tổng hợp, báo cáo UBND tỉnh", True),  # report_start_*
    ("_REPORT_START", "gửi Sở Tài chính", True),
    ("_REPORT_START", "tổ chức hội nghị", False),
    ("_ADVISES", "tham mưu UBND tỉnh", True),  # advising_words
    ("_ADVISES", "cùng giúp", True),  # after one word
    ("_ADVISES", "tổ chức hội nghị", False),
    ("_REVIEW_STEP", "đánh giá kết quả", True),  # review_step_words
    ("_REVIEW_STEP", "tổng hợp kết quả", False),
    ("_AND_GAP", " và ", True),  # conjunctions
    ("_AND_GAP", " vào ", False),
])
def test_splitting_patterns_are_built_from_the_word_lists(pattern, text, hit):
    pat = getattr(splitting, pattern)
    found = pat.fullmatch(text) if pattern == "_AND_GAP" else pat.match(text)
    assert bool(found) is hit


def test_a_reference_to_a_document_is_no_new_task():
    assert splitting._PURPOSE.search(" theo quy định tại Kế hoạch số 5 ")  # reference_prepositions, reference_titles
    assert not splitting._PURPOSE.search(" tại Sở Tài chính ")
    assert splitting._REPORT_AFTER_VA.match(" và báo cáo UBND tỉnh")
    assert not splitting._REPORT_AFTER_VA.match(" và tổ chức hội nghị")


@pytest.mark.parametrize("governed, purposed, prev, st, lead, may", [
    (False, False, "tổ chức hội nghị sơ kết", "triển khai các giải pháp", False, True),  # a verb opens an act
    (False, False, "tổ chức hội nghị sơ kết", "các giải pháp trọng tâm", False, False),  # no verb, no time
    (False, False, "tổ chức hội nghị sơ kết", "các giải pháp trọng tâm", True, True),  # a leading time
    (False, False, "hướng dẫn", "triển khai các giải pháp", False, False),  # a bare verb shares the next object
    (True, False, "hướng dẫn các xã", "thường xuyên kiểm tra", False, True),  # governed: the adverb test may say yes
    (True, True, "hướng dẫn các xã để", "thường xuyên kiểm tra", False, False),  # governed and purposed: no
])
def test_may_open_is_the_last_tests_necessary_condition(governed, purposed, prev, st, lead, may):
    g = splitting._Group(segs=[(0, len(prev))], governed=governed, purposed=purposed)
    assert splitting._may_open(g, prev, st, lead) is may


@pytest.mark.parametrize("governed, prev, gap, st, may", [
    (False, "nâng cao năng lực quản lý", " và ", "ứng dụng công nghệ", True),  # "và" alone: the and-tests may cut
    (False, "tổ chức hội nghị", ", ", "phối hợp với Sở Tài chính bố trí kinh phí", True),  # a partners' frame
    (True, "hướng dẫn các xã", ", ", "báo cáo Ủy ban nhân dân tỉnh", True),  # a report step, governed group
    (False, "tổ chức hội nghị", ", ", "triển khai các giải pháp", True),  # a verb opens an act
    (False, "tổ chức hội nghị", ", ", "các giải pháp trọng tâm", False),  # an object goes on: no test can cut
    (False, "hướng dẫn", ", ", "triển khai các giải pháp", False),  # a bare verb shares the next object
])
def test_may_cut_is_every_cutting_tests_necessary_condition(governed, prev, gap, st, may):
    text = prev + gap + st
    g = splitting._Group(segs=[(0, len(prev))], governed=governed)
    seg = (len(prev) + len(gap), len(text))
    assert splitting._may_cut(text, g, seg, gap, st, prev, []) is may
