"""Invariants of both recognisers on any text (hypothesis, bounded)."""

from __future__ import annotations

import unicodedata

from directive_nlp.agencies import find_agencies
from directive_nlp.deadlines import find_deadlines
from properties import property_test

_WORDS = [
    "Sở", "Tài chính", "Ủy ban nhân dân", "tỉnh", "các", "sở", "ban", "ngành", ",", ":", ";", "|", "\n", "và",
    "trước ngày", "15/6/2026", "Quý III/2026", "hằng năm", "thường xuyên", "từ", "đến", "tháng 9", "năm 2026",
    "Tỉnh ủy", "Ban Thường vụ", "Công an", "UBND", "xã", "phường", "đặc khu", "chủ trì", "phối hợp với",
    "giai đoạn 2026 - 2030", "Chương trình", "sau khi", "Nghị định", "được ban hành", "ð", "  ", "😀", "-",
]


def _check(text: str) -> None:
    last = -1
    for m in find_agencies(text):
        assert text[m.start : m.end] == m.name and m.start >= last
        last = m.end
    last = -1
    for m in find_deadlines(text):
        assert text[m.start : m.end] == m.deadline.text and m.start >= last
        last = m.end


@property_test(text=lambda st: st.lists(st.sampled_from(_WORDS), max_size=25).map(" ".join), max_examples=80, deadline=None)
def test_mentions_are_exact_and_ordered(text):
    _check(text)


@property_test(text=lambda st: st.text(max_size=60), max_examples=40, deadline=None)
def test_any_unicode_never_breaks_the_recognisers(text):
    _check(text)


def test_nfd_input_is_matched_and_spans_point_at_the_source():
    text = unicodedata.normalize("NFD", "Giao Sở Tài chính chủ trì, hoàn thành trước ngày 30/6/2026; định kỳ hằng quý.")
    ag = find_agencies(text)
    assert [unicodedata.normalize("NFC", m.name) for m in ag] == ["Sở Tài chính"]
    assert all(text[m.start : m.end] == m.name for m in ag)
    dl = find_deadlines(text)
    assert [m.deadline.kind for m in dl] == ["by", "recurring"]
    assert all(text[m.start : m.end] == m.deadline.text for m in dl)
