"""The extractor's word lists (task_lexicon.yaml): a positive and a negative example each."""

from __future__ import annotations

import pytest

from directive_nlp.tasks import extractor
from directive_nlp.tasks.lexicon import load_lexicon_data


def test_the_extractor_word_lists_are_in_the_lexicon():
    data = load_lexicon_data()
    for key in ("content_nouns", "following_words", "body_opener_endings", "list_end_words", "review_title_words"):
        assert data[key], key


@pytest.mark.parametrize("name, text, hit", [
    ("content_lead_in", "cần tập trung vào các nội dung sau:", True),  # content_nouns, following_words
    ("content_lead_in", "thực hiện các nhiệm vụ sau:", False),
    ("body_opener", "Chủ tịch UBND tỉnh yêu cầu:", True),  # body_opener_endings
    ("body_opener", "Sở Y tế chủ trì:", False),
    ("list_end", "Thành phần gồm:", True),  # list_end_words
    ("list_end", "Thành phần Ban Chỉ đạo:", False),
    ("leftover", "và", True),  # conjunctions
    ("leftover", "vào", False),
])
def test_extractor_patterns_are_built_from_the_word_lists(name, text, hit):
    pat = extractor._patterns()[name]
    if name == "leftover":
        assert (pat.sub("", text) == "") is hit
    else:
        assert bool(pat.search(text)) is hit


def test_review_title_and_topic_label():
    assert extractor._patterns()["review_title"].search("Kế hoạch sơ kết 5 năm")  # review_title_words
    assert not extractor._patterns()["review_title"].search("Kế hoạch thực hiện Chỉ thị")
    assert extractor._patterns()["topic"].match("Đối với các dự án: Sở Xây dựng")  # topic_label_words
    assert not extractor._patterns()["topic"].match("Sở Xây dựng: chủ trì")
