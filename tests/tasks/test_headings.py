"""The agency-heading word lists (task_lexicon.yaml): a positive and a negative example each."""

from __future__ import annotations

import pytest

from directive_nlp.tasks import headings
from directive_nlp.tasks.lexicon import load_lexicon_data


def test_the_heading_word_lists_are_in_the_lexicon():
    data = load_lexicon_data()
    for key in ("conjunctions", "group_determiners", "heading_assign_words", "dash_role_heads", "membership_words"):
        assert data[key], key


def test_conjunctions_leave_nothing_after_a_list_of_agencies():
    pat = headings._patterns()["leftover"]
    assert pat.sub("", " và , ;") == ""  # conjunctions
    assert pat.sub("", " và các xã") == "cácxã"
    assert headings._patterns()["list_sep"].search("Sở Tài chính và Sở Xây dựng")
    assert not headings._patterns()["list_sep"].search("Sở Văn hóa")  # "vă" is no conjunction


@pytest.mark.parametrize("name, text, hit", [
    ("group", "các sở, ngành", True),  # group_determiners
    ("group", "Sở Y tế", False),
    ("assign", "Đề nghị các sở", True),  # heading_assign_words
    ("assign", "Sở Giao thông vận tải", False),  # at the start only
    ("dash_role", "Sở Y tế - cơ quan thường trực", True),  # dash_role_heads
    ("dash_role", "Sở Y tế - Sở Tài chính", False),
    ("members", "Ban Chỉ đạo gồm: Sở Y tế", True),  # membership_words
    ("members", "Ban Chỉ đạo tỉnh", False),
])
def test_heading_patterns_are_built_from_the_word_lists(name, text, hit):
    pat = headings._patterns()[name]
    found = pat.match(text) if name in ("group", "assign") else pat.search(text)
    assert bool(found) is hit
