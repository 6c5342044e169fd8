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


@pytest.mark.parametrize("heading, leads, supports", [
    ("Nội dung Sở Nội vụ có trách nhiệm chủ trì", ["Sở Nội vụ"], []),
    ("Nhiệm vụ do Công an tỉnh chủ trì thực hiện:", ["Công an tỉnh"], []),
    ("Các nhiệm vụ giao Sở Y tế, Sở Tài chính thực hiện", ["Sở Y tế", "Sở Tài chính"], []),
    ("Nội dung các cơ quan, đơn vị khác có trách nhiệm chủ trì", ["các cơ quan, đơn vị khác"], []),
    ("Các nội dung Sở Xây dựng phối hợp", [], ["Sở Xây dựng"]),
])
def test_relative_clause_agency_headings(heading, leads, supports):
    hb = headings.relative_heading(heading)
    assert [a.name for a in hb.leads] == leads and [a.name for a in hb.supports] == supports
    assert headings.agency_heading(heading) is not None


@pytest.mark.parametrize("heading", [
    "Nội dung phối hợp chung",                          # no body
    "Nội dung Sở Tài chính bố trí kinh phí thực hiện",   # a sentence: the body does something else
    "Nhiệm vụ trọng tâm chủ trì thực hiện",              # no body after the noun
    "Sở Y tế chủ trì",                                   # no content noun: left to the other heading forms
])
def test_not_relative_clause_agency_headings(heading):
    assert headings.relative_heading(heading) is None


def test_relative_heading_gives_its_body_to_the_items_below():
    from directive_nlp.pipeline import extract_text
    text = ("QUY CHẾ\n\nPhối hợp trong công tác quản lý\n\nĐiều 5. Nội dung Sở Nội vụ có trách nhiệm chủ trì\n\n"
            "1. Xây dựng kế hoạch đào tạo cán bộ hằng năm.\n\n2. Kiểm tra việc thực hiện chế độ công vụ.\n")
    ts = extract_text(text, "qc.md").tasks
    assert ts and all([a.name for a in t.agencies] == ["Sở Nội vụ"] for t in ts)


# A body with a bracketed note and a predicate after it is a sentence, not a heading (issue 12, agency10)
@pytest.mark.parametrize("text", [
    "Sở Nội vụ (Ban Thi đua - Khen thưởng) hướng dẫn công tác thi đua.",
    "Sở Y tế (cơ quan thường trực) có trách nhiệm theo dõi việc triển khai Kế hoạch",
])
def test_a_predicate_after_the_bracket_makes_a_sentence(text):
    assert headings.agency_heading(text) is None


@pytest.mark.parametrize("text,leads", [
    ("Sở Nội vụ (cơ quan thường trực)", ["Sở Nội vụ"]),
    ("Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu kinh tế):",
     ["Các cơ quan đăng ký đầu tư", "Sở Tài chính", "Ban quản lý Khu kinh tế"]),
    ("Sở Tài chính (chủ trì) và Sở Nội vụ", ["Sở Tài chính"]),  # "và …" goes on with a list, no predicate
])
def test_a_bracket_closing_the_heading_or_a_list_keeps_the_heading(text, leads):
    got = headings.agency_heading(text)
    assert got is not None and [a.name for a in got.leads] == leads


def test_the_items_sentence_keeps_its_task_and_its_subject():
    from directive_nlp.pipeline import extract_text
    text = ("KẾ HOẠCH\n\nTriển khai\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
            "1. Sở Nội vụ (Ban Thi đua - Khen thưởng) hướng dẫn công tác thi đua.\n\n2. Sở Tài chính bố trí kinh phí.\n")
    got = [(t.task, [(a.name, a.role) for a in t.agencies]) for t in extract_text(text, "kh.md").tasks]
    assert got == [("hướng dẫn công tác thi đua", [("Sở Nội vụ", "lead")]),
                   ("bố trí kinh phí", [("Sở Tài chính", "lead")])]
