"""Task boundaries settled by the gold (benchmarks/split_decisions.py): the decision read at each separator, the
features, and the measured half refused. Small sentences written for the test; nothing of the corpus is read."""

from __future__ import annotations

from pathlib import Path

import split_decisions as sd  # benchmarks/split_decisions.py

SENTENCE = "Tổ chức tuyên truyền, phổ biến pháp luật, kiểm tra việc thực hiện và báo cáo kết quả."


def _boundaries(gold: list[str], pred: list[str]) -> list[tuple[str, str, str]]:
    return [(g, o, f["sep"]) for g, o, f, _ in sd.sentence_boundaries(SENTENCE, gold, pred)]


def test_a_split_and_a_join_are_read_from_the_spans():
    gold = ["Tổ chức tuyên truyền, phổ biến pháp luật", "kiểm tra việc thực hiện và báo cáo kết quả"]
    pred = ["Tổ chức tuyên truyền", "phổ biến pháp luật", "kiểm tra việc thực hiện và báo cáo kết quả"]
    assert _boundaries(gold, pred) == [("join", "split", ","), ("split", "split", ","), ("join", "join", "và")]


def test_a_side_outside_every_predicted_task_is_none_and_outside_gold_is_skipped():
    gold = ["Tổ chức tuyên truyền, phổ biến pháp luật"]
    pred = ["Tổ chức tuyên truyền"]
    assert _boundaries(gold, pred) == [("join", "none", ",")]


def test_features_of_a_boundary():
    toks = sd.tokens(SENTENCE)
    k = toks.index("và")
    f = sd.features(toks, k)
    assert f["sep"] == "và" and f["r_verb"] and f["r_report"] and f["l_object"] and f["l_list"]
    assert not f["r_bare"] and not f["shared"]
    assert "r_report" in sd.pattern(f)


def test_the_measured_half_is_refused_even_when_not_named(tmp_path: Path, capsys):
    (tmp_path / "18_x.gold.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "18_x.md").write_text("KẾ HOẠCH\n", encoding="utf-8")
    assert sd.main([str(tmp_path), "--measured", "99"]) == 2
    assert "no gold document" in capsys.readouterr().err
