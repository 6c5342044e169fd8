"""``directive-nlp parse FILE --format json|md``."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from directive_nlp.cli import app
from test_sections_gold import DEV

runner = CliRunner()
LS = DEV / "langson_ctr_hanh_dong_ct36.md"


def test_parse_json_lists_sections_as_in_the_output_contract() -> None:
    result = runner.invoke(app, ["parse", str(LS)])
    assert result.exit_code == 0, result.output
    sections = json.loads(result.stdout)
    assert [s["id"] for s in sections][:4] == ["preamble", "I", "I.1", "I.2"]
    ii1 = next(s for s in sections if s["id"] == "II.1")
    assert set(ii1) == {"id", "number", "heading", "level", "parent"}
    assert (ii1["number"], ii1["level"], ii1["parent"]) == ("1.", 2, "II")
    assert ii1["heading"].startswith("Tăng cường sự lãnh đạo")
    assert sections[-1]["id"] == "closing"


def test_parse_json_with_blocks() -> None:
    result = runner.invoke(app, ["parse", str(LS), "--format", "json", "--blocks"])
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert {"sections", "blocks"} == set(out)
    first_item = next(b for b in out["blocks"] if b["section"] == "III.1")
    assert first_item["marker"] == "1." and first_item["is_heading"] is False


def test_parse_markdown_outline() -> None:
    result = runner.invoke(app, ["parse", str(LS), "--format", "md"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "- **II** `II-` NHIỆM VỤ VÀ GIẢI PHÁP" in lines
    assert any(line.startswith("  - **III.1** `1.` *Các huyện ủy") for line in lines)


def test_bad_input_is_one_line_and_exit_1(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["parse", str(tmp_path / "none.md")])
    assert missing.exit_code == 1
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["parse", str(empty)])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output
