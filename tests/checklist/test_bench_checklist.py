"""The checklist-share benchmark counts what it says: gold lead agencies and
dated deadlines found in the checklist row of the same task, and anywhere."""

from __future__ import annotations

from datetime import date

import bench_checklist as bench  # benchmarks/bench_checklist.py
from directive_nlp.checklist import build_checklist
from directive_nlp.io import parse_result

GOLD = [
    {"task": "tổ chức kiểm tra an toàn thực phẩm", "sentence": "a", "agencies": [{"name": "Sở Y tế", "role": "lead"}],
     "deadline": {"text": "trước ngày 30/6/2026", "kind": "by", "date": "2026-06-30"}},
    {"task": "rà soát danh mục thủ tục hành chính", "sentence": "b",
     "agencies": [{"name": "Sở Tư pháp", "role": "lead"}, {"name": "Sở Nội vụ", "role": "support"}],
     "deadline": {"text": "giai đoạn 2026-2030", "kind": "period", "start": "2026-01-01", "end": "2030-12-31"}},
    {"task": "tuyên truyền pháp luật về phòng cháy", "sentence": "c", "agencies": [{"name": "Công an tỉnh", "role": "lead"}],
     "deadline": {"text": "hằng năm", "kind": "recurring", "frequency": "yearly"}},
]


def test_counts_in_the_row_and_anywhere():
    pred = parse_result({"tasks": [
        {"task": "tổ chức kiểm tra an toàn thực phẩm", "sentence": "a", "agencies": ["Sở Y tế"],
         "deadline": {"text": "trước ngày 30/6/2026", "kind": "by", "date": "2026-06-30"}},
        # the right task, the lead given to another body, the period kept
        {"task": "rà soát danh mục thủ tục hành chính", "sentence": "b", "agencies": ["Công an tỉnh"],
         "deadline": {"text": "giai đoạn 2026-2030", "kind": "period", "start": "2026-01-01", "end": "2030-12-31"}},
    ]})
    rows = bench.checklist_tasks(build_checklist(pred, as_of=date(2025, 1, 1)))
    c = bench.count_document(GOLD, rows)
    assert c["lead_gold"] == 3  # support agencies are not counted
    assert c["lead_row"] == 1  # Sở Y tế in its row; Sở Tư pháp missing; Công an tỉnh's task not found
    assert c["lead_any"] == 2  # ... but Công an tỉnh leads some row
    assert (c["date_gold"], c["date_row"], c["date_any"]) == (2, 2, 2)  # a recurrence has no date to count


def test_halves_and_gold_dates():
    assert bench.half("19_hcm-qd2820") == "measured" and bench.half("13_dongnai") == "read"
    assert bench.half("binhphuoc_kh_so_ket_ct36") == "read"
    assert bench.gold_date({"kind": "period", "start": "2026-01-01", "end": "2030-12-31"}) == "2030-12-31"
    assert bench.gold_date({"kind": "ongoing"}) is None and bench.gold_date(None) is None
