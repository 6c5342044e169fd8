"""The predicate tests' word lists (task_lexicon.yaml): a positive and a negative example each."""

from __future__ import annotations

from directive_nlp.tasks import predicates


def test_organise_words_tell_the_noun_from_the_verb():
    assert predicates.NOUN_TOCHUC.match("tổ chức đảng")  # organise_words + organisation_words
    assert predicates.NOUN_TOCHUC.match("tổ chức và cá nhân")  # conjunctions
    assert not predicates.NOUN_TOCHUC.match("tổ chức hội nghị")


def test_account_manner_and_nominal_words():
    assert predicates._ACCOUNT.match(" trước UBND tỉnh")  # account_words
    assert not predicates._ACCOUNT.match(" triển khai")
    assert predicates._MANNER_TAIL.search("chỉ đạo quyết liệt")  # manner_tails
    assert not predicates._MANNER_TAIL.search("chỉ đạo các sở")
    assert predicates._NOMINAL_RUN.search("đẩy mạnh công tác tuyên truyền")  # nominal_run_heads
    assert not predicates._NOMINAL_RUN.search("đẩy mạnh tuyên truyền pháp luật")
