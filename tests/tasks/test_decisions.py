"""The decision rules' word lists (task_lexicon.yaml): a positive and a negative example each."""

from __future__ import annotations

from directive_nlp.tasks import decisions


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
