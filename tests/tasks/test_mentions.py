"""tasks/mentions.py: what the task rules ask the recognisers, with no module state
beyond a bounded cache keyed by the text (the package gazetteer only)."""

from __future__ import annotations

from directive_nlp.agencies import load_user_gazetteer
from directive_nlp.tasks import mentions


def test_package_gazetteer_lookups_are_cached_by_text_and_bounded():
    text = "Sở Văn hóa, Thể thao và Du lịch phối hợp với Sở Nội vụ rà soát."
    mentions._recognised.cache_clear()
    first = mentions.find_agencies(text)
    again = mentions.find_agencies(text)
    assert [a.name for a in first] == ["Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ"]
    assert [a.name for a in again] == [a.name for a in first]
    info = mentions._recognised.cache_info()
    assert (info.hits, info.misses) == (1, 1) and info.maxsize == 4096
    assert first is not again  # each caller gets its own list


def test_a_user_gazetteer_is_used_and_never_served_from_the_package_cache(tmp_path):
    gaz = tmp_path / "bodies.yaml"
    gaz.write_text("bodies:\n  - name: Nhóm Xanh Lam\n    type: other\n", encoding="utf-8")
    text = "Nhóm Xanh Lam kiểm tra an toàn tàu thuyền."
    mentions._recognised.cache_clear()
    assert mentions.find_agencies(text) == []  # unknown to the package gazetteer (now cached)
    token = mentions.gazetteer_var.set(load_user_gazetteer(gaz))
    try:
        assert [a.name for a in mentions.find_agencies(text)] == ["Nhóm Xanh Lam"]
    finally:
        mentions.gazetteer_var.reset(token)
    assert mentions.find_agencies(text) == []


def test_no_module_level_record_of_missing_recognisers():
    assert not hasattr(mentions, "missing") and not hasattr(mentions, "_cache")


def test_mention_builders_give_what_model_construct_gives_with_its_defaults():
    """ag() and dl() pass every field (no default computed): the same records, the same fields set."""
    from directive_nlp.models import AgencyMention, Deadline, DeadlineMention
    from directive_nlp.tasks.mentions import ag, dl

    a = ag(3, 9, "Sở Y tế", "sở y tế", "so")
    ref = AgencyMention.model_construct(start=3, end=9, name="Sở Y tế", canonical="sở y tế", type="so")
    assert a == ref and a.__dict__ == ref.__dict__ and a.model_fields_set == ref.model_fields_set
    d = Deadline(text="trước ngày 30/6/2026", kind="by", date="2026-06-30")
    m = dl(0, 20, d)
    ref2 = DeadlineMention.model_construct(start=0, end=20, deadline=d)
    assert m == ref2 and m.__dict__ == ref2.__dict__ and m.model_fields_set == ref2.model_fields_set
    assert ag(0, 1, "x").model_fields_set is not ag(0, 1, "x").model_fields_set  # each record its own set


def test_an_index_remembers_its_answers_for_its_own_document_only():
    """MentionIndex keeps what it answered for a text (the rules ask again for the same block or sentence):
    each caller still gets new records, the answer of one document is never another's, and a text it
    could not answer for stays unanswered."""
    from directive_nlp.models import Deadline
    from directive_nlp.tasks.mentions import MentionIndex, ag, dl

    line = "Giao Sở Tài chính báo cáo trước ngày 30/6/2026."
    when = Deadline(text="trước ngày 30/6/2026", kind="by", date="2026-06-30")
    first = MentionIndex(line, [ag(5, 17, "Sở Tài chính", "sở tài chính", "so")], [dl(26, 46, when)], None, {line: 0})
    a1, a2 = first.agencies_in(line), first.agencies_in(line)
    d1, d2 = first.deadlines_in(line, None), first.deadlines_in(line, None)
    assert [(a.start, a.name) for a in a1] == [(a.start, a.name) for a in a2] == [(5, "Sở Tài chính")]
    assert [(d.start, d.end) for d in d1] == [(d.start, d.end) for d in d2] == [(26, 46)]
    assert a1 is not a2 and a1[0] is not a2[0] and d1[0] is not d2[0]  # new records for each caller
    a1[0].start = 99  # a caller changing its records changes no later answer
    assert first.agencies_in(line)[0].start == 5
    other_text = "Sở Y tế chủ trì.\n" + line  # the same sentence at another offset of another document
    other = MentionIndex(other_text, [ag(22, 34, "Sở Tài chính", "sở tài chính", "so")], [dl(43, 63, when)], None,
                         {"Sở Y tế chủ trì.": 0, line: 17})
    assert [(a.start, a.name) for a in other.agencies_in(line)] == [(5, "Sở Tài chính")]
    assert [(d.start, d.end) for d in other.deadlines_in(line, None)] == [(26, 46)]
    assert other.agencies_in("Sở Y tế chủ trì.") == []  # its own answer, not the first document's
    assert first.agencies_in("không có") is None and first.agencies_in("không có") is None
    assert first.deadlines_in("trước ngày 30/6/2026", None) is None  # a part of a block, asked twice
    assert first.deadlines_in("trước ngày 30/6/2026", None) is None


def test_a_sentence_is_bounded_by_punctuation_or_the_text_edges_with_spaces_between():
    from directive_nlp.tasks.mentions import MentionIndex

    text = "Mở đầu.  Câu giữa  ; câu sau và tiếp"
    idx = MentionIndex(text)
    assert idx._sentence_bounded(9, 17)  # ".  " before, "  ;" after
    assert idx._sentence_bounded(0, 6)  # the text's start; "." right after
    assert not idx._sentence_bounded(21, 28)  # "; " before, " và" after: not a sentence end
    assert not idx._sentence_bounded(32, len(text))  # "và " before
    assert MentionIndex("  a  ")._sentence_bounded(2, 3)  # only spaces on both sides
