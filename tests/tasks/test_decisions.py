"""The decision rules' word lists (task_lexicon.yaml): a positive and a negative example each."""

from __future__ import annotations

from directive_nlp.tasks import decisions
from directive_nlp.tasks.decisions import execution_clause


def test_article_heads_and_execution_verbs():
    assert decisions._ARTICLE.match("Điều 3. Chánh Văn phòng")  # article_heads
    assert not decisions._ARTICLE.match("Chương 3. Tổ chức")
    assert decisions._EXECUTION_VERB.match("chịu trách nhiệm thi hành Quyết định này")  # execution_verbs
    assert not decisions._EXECUTION_VERB.match("tổ chức thực hiện Quyết định này")


def test_conjunctions_separate_the_bodies_of_an_execution_clause():
    assert [m.group(0) for m in decisions._SEPARATOR.finditer("Sở A và Sở B; Sở C")] == [" và ", "; "]
    assert not list(decisions._SEPARATOR.finditer("Sở Văn hóa"))
    assert decisions._JOINER.match("và Sở B")
    assert not decisions._JOINER.match("vào Sở B")


def test_a_determiner_opens_a_body_of_its_own_in_an_execution_clause():
    text = ("Thủ trưởng các cơ quan, đơn vị thuộc tỉnh, các cơ quan Trung ương trên địa bàn tỉnh và các tổ chức, "
            "cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.")
    assert [a.name for a in execution_clause(text)[2]] == [
        "Thủ trưởng các cơ quan, đơn vị thuộc tỉnh", "các cơ quan Trung ương trên địa bàn tỉnh",
        "các tổ chức, cá nhân có liên quan"]
    # negative: a level after the determiner goes on with the same body
    text = "Chủ tịch Ủy ban nhân dân các xã, các phường chịu trách nhiệm thi hành Quyết định này."
    assert [a.name for a in execution_clause(text)[2]] == ["Chủ tịch Ủy ban nhân dân các xã, các phường"]


def test_a_named_body_with_a_capital_opens_a_body_of_its_own_in_an_execution_clause():
    text = ("Chánh Văn phòng Ủy ban nhân dân Thành phố, Thủ trưởng các sở, ban, ngành Thành phố, Ủy ban nhân dân các "
            "phường, xã, đặc khu, các tổ chức và cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.")
    assert [a.name for a in execution_clause(text)[2]] == [
        "Chánh Văn phòng Ủy ban nhân dân Thành phố", "Thủ trưởng các sở, ban, ngành Thành phố",
        "Ủy ban nhân dân các phường, xã, đặc khu", "các tổ chức và cá nhân có liên quan"]
    text = "Giám đốc Sở Tài chính, Công an tỉnh chịu trách nhiệm thi hành Quyết định này."
    assert [a.name for a in execution_clause(text)[2]] == ["Giám đốc Sở Tài chính", "Công an tỉnh"]
    # negative: generic nouns or a level written with a capital go on with the same body
    text = "Thủ trưởng các Sở, Ban, Ngành tỉnh, Chủ tịch UBND các huyện, Thành phố chịu trách nhiệm thi hành Quyết định này."
    assert [a.name for a in execution_clause(text)[2]] == [
        "Thủ trưởng các Sở, Ban, Ngành tỉnh", "Chủ tịch UBND các huyện, Thành phố"]


def test_ministerial_titles_start_an_official():
    text = "Các Bộ trưởng, Vụ trưởng Vụ Tổng hợp, Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này."
    assert [a.name for a in execution_clause(text)[2]] == [
        "Các Bộ trưởng", "Vụ trưởng Vụ Tổng hợp", "Thủ trưởng các cơ quan liên quan"]
    # negative: "Bộ" naming a body, not the minister, does not split a name
    text = "Giám đốc Sở Văn hóa, Thể thao và Du lịch chịu trách nhiệm thi hành Quyết định này."
    assert [a.name for a in execution_clause(text)[2]] == ["Giám đốc Sở Văn hóa, Thể thao và Du lịch"]


def test_a_sentence_with_its_own_role_frame_is_no_execution_clause():
    assert execution_clause("Sở Tài chính chủ trì, phối hợp với các sở, ngành tổ chức thực hiện Kế hoạch này.") is None
    assert execution_clause("Sở Y tế phối hợp với Sở Nội vụ triển khai thực hiện Kế hoạch này.") is None
    # positive: officials only before the verb
    assert execution_clause("Giám đốc Sở Y tế tổ chức thực hiện Kế hoạch này.")[2][0].name == "Giám đốc Sở Y tế"
