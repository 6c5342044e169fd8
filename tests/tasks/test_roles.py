"""The role finders' word lists (task_lexicon.yaml): a positive and a negative example each."""

from __future__ import annotations

import pytest

from directive_nlp.tasks import roles
from directive_nlp.tasks.lexicon import load_lexicon_data

KEYS = ("list_gap_words", "list_focus_words", "report_objects", "report_object_qualifiers", "report_manners",
        "report_send_words", "recipient_prepositions", "report_purpose_words", "copy_to_words", "generic_body_nouns")


def test_the_role_word_lists_are_in_the_lexicon():
    data = load_lexicon_data()
    for key in KEYS:
        assert data[key], key


@pytest.mark.parametrize("gap, one_list", [
    (" cùng với ", True),  # list_gap_words
    (", nhất là ", True),  # list_focus_words
    (" (Phòng Ngân sách) và ", True),  # conjunctions after a bracket
    (" chủ trì, ", False),
    (" hướng dẫn ", False),
])
def test_gap_between_names_of_one_list(gap, one_list):
    assert bool(roles._patterns()["gap"].match(gap)) is one_list


def test_report_object_and_recipient_words():
    m = roles._patterns()["report_object"].match(" kết quả thực hiện bằng văn bản gửi về UBND tỉnh")
    assert m and m.group(0).endswith("về ")  # report_objects … recipient_prepositions
    m = roles._patterns()["report_object"].match(" UBND tỉnh")
    assert m.group(0) == " "  # nothing of the lists: only the space
    assert roles._patterns()["object_then_recipient"].match("sơ kết 5 năm về Tỉnh ủy")
    assert not roles._patterns()["object_then_recipient"].match("sơ kết 5 năm; Tỉnh ủy")


def test_purpose_and_copy_to_words():
    assert roles._patterns()["purpose_before"].search("tổng hợp để ")  # report_purpose_words
    assert not roles._patterns()["purpose_before"].search("tổng hợp, ")
    assert roles._patterns()["copy_to"].search("(đồng gửi Sở Tài chính)")  # copy_to_words
    assert not roles._patterns()["copy_to"].search("gửi Sở Tài chính")


def test_generic_body_nouns_keep_a_subject_whole():
    text = "Các cơ quan, đơn vị được giao"
    assert roles.fallback_subject(text, 0, len("Các cơ quan, đơn vị")) == [(0, len("Các cơ quan, đơn vị"))]
    text = "Mỗi cán bộ, đảng viên"
    assert len(roles.fallback_subject(text, 0, len(text))) == 2  # not generic: split


def test_group_determiners_open_an_agency_head():
    assert roles.AGENCY_HEAD.match("các sở")
    assert not roles.AGENCY_HEAD.match("mọi người")


# ------------------------------------------------------------------ the partner slot (agencies.py, issue 12)
def _plan(body: str):
    from directive_nlp.pipeline import extract_text
    text = f"KẾ HOẠCH\n\nTriển khai\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Khoa học và Công nghệ\n\n{body}\n"
    return [(t.task, [(a.name, a.role) for a in t.agencies]) for t in extract_text(text, "kh.md").tasks]


def test_a_bare_noun_partner_is_support_and_leaves_the_task_text():
    assert _plan("a) Chủ trì, phối hợp với doanh nghiệp phát triển hạ tầng số, tập trung vào một số hạ tầng "
                 "cần nguồn đầu tư lớn.") == [
        ("tập trung vào một số hạ tầng cần nguồn đầu tư lớn",
         [("Sở Khoa học và Công nghệ", "lead"), ("doanh nghiệp phát triển hạ tầng số", "support")])]
    got = _plan("a) Lựa chọn kiến trúc sư trưởng, đồng thời phối hợp Bộ Công an, doanh nghiệp đồng hành để xây "
                "dựng Khung Kiến trúc số.")
    assert got[1] == ("xây dựng Khung Kiến trúc số", [("Sở Khoa học và Công nghệ", "lead"), ("Bộ Công an", "support"),
                                                     ("doanh nghiệp đồng hành", "support")])


def test_a_verb_after_phoi_hop_is_no_partner():
    assert _plan("a) Phối hợp tổ chức các hoạt động tuyên truyền về chuyển đổi số.") == [
        ("Phối hợp tổ chức các hoạt động tuyên truyền về chuyển đổi số", [("Sở Khoa học và Công nghệ", "lead")])]


def test_tham_gia_before_phoi_hop_voi_names_partners():
    # "X tham gia phối hợp với Y, Z VERB …": Y and Z support, as after "tích cực phối hợp với" (frames.yaml
    # support_adverbs); a bare "tham gia" with an object stays the task's verb
    assert _plan("Các ngân hàng thương mại tham gia phối hợp với Sở Y tế, địa phương tuyên truyền các sản phẩm "
                 "thanh toán.") == [
        ("tuyên truyền các sản phẩm thanh toán",
         [("Các ngân hàng thương mại", "lead"), ("Sở Y tế", "support"), ("địa phương", "support")])]
    assert _plan("a) Tham gia thẩm định các dự án chuyển đổi số.") == [
        ("Tham gia thẩm định các dự án chuyển đổi số", [("Sở Khoa học và Công nghệ", "lead")])]
