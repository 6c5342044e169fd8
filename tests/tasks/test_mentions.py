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
