"""A document that yields far fewer tasks than its length suggests carries a
warning in the result and on stderr (issue 15, "Scanned documents")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from directive_nlp.pipeline import extract
from directive_nlp.quality import LOWEST_GOLD_RATE, MIN_CHARS, low_yield_warning

ROOT = Path(__file__).resolve().parents[1]

REPORT = (
    "Trong năm qua, tình hình kinh tế - xã hội của tỉnh tiếp tục phát triển ổn định; tốc độ tăng trưởng "
    "tổng sản phẩm trên địa bàn đạt khá so với cùng kỳ, thu ngân sách vượt dự toán được giao, đời sống "
    "vật chất và tinh thần của Nhân dân từng bước được nâng lên, quốc phòng, an ninh được giữ vững. "
)


def _write(tmp_path: Path, body: str, name: str = "doc.md") -> Path:
    text = "# KẾ HOẠCH\n\nTổ chức thực hiện nhiệm vụ năm 2026\n\n" + body
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_threshold_is_half_the_lowest_gold_rate():
    assert low_yield_warning(9000, 8) is not None  # 8 tasks where 9 is the floor
    assert low_yield_warning(9000, 9) is None
    assert low_yield_warning(MIN_CHARS - 1, 0) is None  # a short letter may rightly hold no task
    msg = low_yield_warning(10000, 2, ocr_pages=6)
    assert "2 task(s) in 10,000 characters" in msg and f"{LOWEST_GOLD_RATE * 10:.0f} or more" in msg
    assert "OCR" in msg


def test_long_text_without_tasks_is_flagged_in_the_result(tmp_path):
    res = extract(_write(tmp_path, "\n\n".join([REPORT] * 25)))
    assert any("few tasks" in w for w in res.source.warnings)
    assert any("few tasks" in n for n in res.notes)


def test_a_plan_with_its_tasks_is_not_flagged(tmp_path):
    items = "\n\n".join(
        f"{k}. Sở Tài chính chủ trì, phối hợp với các sở, ngành rà soát, bố trí kinh phí thực hiện nhiệm vụ "
        f"số {k} của Kế hoạch, hoàn thành trước ngày 31/12/2026." for k in range(1, 30)
    )
    res = extract(_write(tmp_path, "## I. NHIỆM VỤ\n\n" + items))
    assert len(res.tasks) >= 20
    assert not any("few tasks" in w for w in res.source.warnings)


def test_the_warning_is_printed_on_stderr(tmp_path):
    path = _write(tmp_path, "\n\n".join([REPORT] * 25))
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run(
        [sys.executable, "-c", "from directive_nlp.cli import main; main()", "extract", str(path), "-o", str(tmp_path / "o.json")],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert "few tasks for the document's length" in out.stderr
    assert len(out.stderr.strip().splitlines()) <= 2  # one line, no traceback
    data = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert any("few tasks" in w for w in data["source"]["warnings"])
