"""``directive-nlp meta FILE``."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from directive_nlp.cli import app

ROOT = Path(__file__).resolve().parents[2]


def test_meta_prints_the_document_object_as_json():
    r = CliRunner().invoke(app, ["meta", str(ROOT / "tests" / "structure" / "data" / "meta_qd_ubnd.md"), "--merger"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["number"] == "245/QĐ-UBND" and data["issued_date"] == "2024-03-05"
    assert data["province"] == "Hà Giang" and data["province_2025"] == "Tuyên Quang"
    assert data["signer"]["name"] == "Hoàng Văn Minh"


def test_meta_on_a_missing_file_is_one_line_and_exit_1(tmp_path):
    r = CliRunner().invoke(app, ["meta", str(tmp_path / "nope.pdf")])
    assert r.exit_code == 1
    assert "Traceback" not in r.output
