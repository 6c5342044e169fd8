"""The read half's agency-error families (benchmarks/agency_misses.py): each error in one family, and the
measured half refused. Small gold and predictions written for the test; nothing of the corpus is read."""

from __future__ import annotations

from pathlib import Path

import agency_misses as am  # benchmarks/agency_misses.py


def _errors(gold_agencies: list[dict], pred_agencies: list[dict]) -> list[tuple]:
    gold = [{"task": "tổ chức thực hiện kế hoạch", "sentence": "S", "section": "1", "agencies": gold_agencies}]
    pred = [{"task": "tổ chức thực hiện kế hoạch", "sentence": "S", "section": "1", "agencies": pred_agencies}]
    ctx = am.Context("S", {})
    return am.families(gold, pred, am.document_errors(gold, pred, ctx))


def test_a_body_written_two_ways_is_one_surface_form_error_each():
    fams = _errors([{"name": "các sở, ban, ngành Thành phố, các cơ quan, tổ chức khác có liên quan", "role": "lead"}],
                   [{"name": "các sở, ban, ngành Thành phố", "role": "lead"},
                    {"name": "các cơ quan, tổ chức khác có liên quan", "role": "lead"}])
    assert fams == {"surface-form": 3}  # one miss, two extras


def test_a_missed_partner_and_an_added_group():
    fams = _errors([{"name": "Sở Y tế", "role": "lead"}, {"name": "Sở Tài chính", "role": "support"}],
                   [{"name": "Sở Y tế", "role": "lead"}])
    assert fams == {"support-missed": 1}
    fams = _errors([{"name": "Sở Y tế", "role": "lead"}],
                   [{"name": "Sở Y tế", "role": "lead"}, {"name": "các cơ quan, đơn vị liên quan", "role": "lead"}])
    assert fams == {"generic-kept": 1}


def test_no_error_no_family_and_an_unpaired_task_is_task_unmatched():
    assert not _errors([{"name": "UBND tỉnh", "role": "lead"}], [{"name": "Ủy ban nhân dân tỉnh", "role": "lead"}])
    gold = [{"task": "tổ chức thực hiện kế hoạch", "sentence": "S", "section": "1",
             "agencies": [{"name": "Sở Y tế", "role": "lead"}]}]
    errors = am.document_errors(gold, [], am.Context("S", {}))
    assert am.families(gold, [], errors) == {"task-unmatched": 1}


def test_the_measured_half_is_refused(tmp_path: Path, capsys):
    (tmp_path / "11_x.gold.jsonl").write_text("", encoding="utf-8")
    (tmp_path / "11_x.md").write_text("KẾ HOẠCH\n", encoding="utf-8")
    assert am.main([str(tmp_path), "--families"]) == 2
    assert "no gold document of the read half" in capsys.readouterr().err
