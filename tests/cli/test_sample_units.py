"""benchmarks/sample_unlabelled.py --units: source units of the task-bearing parts, drawn with a seed, each
printed beside the tasks extracted from it (docs/unlabelled-check.md, ninth sample)."""

from __future__ import annotations

import json
from pathlib import Path

import sample_unlabelled as sample  # benchmarks/sample_unlabelled.py

from directive_nlp.pipeline import extract

PLAN = """KẾ HOẠCH
Thực hiện công tác chuyển đổi số năm 2026

I. MỤC TIÊU

Phấn đấu 100% hồ sơ được xử lý trực tuyến.

II. NHIỆM VỤ

1. Sở Khoa học và Công nghệ xây dựng nền tảng dữ liệu dùng chung của tỉnh.

2. Sở Nội vụ tổ chức tập huấn kỹ năng số cho cán bộ, công chức.
"""


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "plan.md"
    src.write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "plan.json").write_text(extract(src).model_dump_json(), encoding="utf-8")
    (out / "_summary.json").write_text(json.dumps({"written": 1}), encoding="utf-8")  # not a result: left out
    return out


def test_units_come_from_the_task_parts_only_and_carry_their_tasks(tmp_path: Path, capsys) -> None:
    out = _folder(tmp_path)
    units = sample._units_of(sample._load(out)["plan"])
    texts = [u[2] for u in units]
    assert any("xây dựng nền tảng dữ liệu" in t for t in texts)
    assert not any("Phấn đấu" in t for t in texts)  # the goals part holds no task unit
    assert sample.main([str(out), "--units", "--seed", "7", "--n", "5"]) == 0
    printed = capsys.readouterr().out
    assert "unit: 1. Sở Khoa học và Công nghệ" in printed and "task(s) from this unit" in printed


def test_the_same_seed_draws_the_same_units(tmp_path: Path, capsys) -> None:
    out = _folder(tmp_path)
    results = sample._load(out)
    first = sample.draw_units(results, 3, 1)
    assert first == sample.draw_units(results, 3, 1) and len(first) == 1
