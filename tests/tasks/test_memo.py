"""tasks/memo.py: answers remembered for one document's extraction only."""

from __future__ import annotations

from directive_nlp.tasks import memo
from directive_nlp.tasks.labels import read_label
from directive_nlp.tasks.predicates import is_verb_start, verb_only


def _counting():
    calls: list[str] = []

    @memo.per_document
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    return shout, calls


def test_nothing_is_remembered_outside_a_document():
    shout, calls = _counting()
    assert shout("sở y tế") == shout("sở y tế") == "SỞ Y TẾ"
    assert calls == ["sở y tế", "sở y tế"]


def test_answers_are_remembered_within_one_document_and_dropped_after_it():
    shout, calls = _counting()
    with memo.document_memo() as seen:
        assert shout("a") == shout("a") == "A"
        assert shout("b") == "B"
        assert calls == ["a", "b"] and len(seen) == 2
    with memo.document_memo():  # the next document (or the same one read again) does the work again
        assert shout("a") == "A"
    assert calls == ["a", "b", "a"]
    assert shout("a") == "A" and calls[-1] == "a"  # and after it, nothing is kept


def test_calls_with_keywords_are_answered_afresh():
    shout, calls = _counting()
    with memo.document_memo():
        shout(text="x")
        shout(text="x")
    assert calls == ["x", "x"]


def test_two_functions_never_share_an_answer():
    first, _ = _counting()
    second, _ = _counting()
    with memo.document_memo() as seen:
        first("a")
        second("a")
        assert len(seen) == 2


def test_the_remembered_rules_answer_as_without_the_memo():
    lines = ["Đơn vị chủ trì: Sở Y tế", "Thời gian thực hiện: năm 2026", "Tăng cường kiểm tra", "nội dung"]
    plain = [(read_label(t), is_verb_start(t), verb_only(t)) for t in lines]
    with memo.document_memo():
        twice = [[(read_label(t), is_verb_start(t), verb_only(t)) for t in lines] for _ in range(2)]
    assert twice[0] == twice[1] == plain
    assert plain[0][0].kind == "lead" and plain[1][0].kind == "time" and plain[2][0] is None
    assert plain[2][1] and not plain[3][1]  # a verb opens the third line, not the fourth
