"""``directive-nlp parse FILE --format json|md``."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from corpus_paths import DEV, SAMPLE_PROGRAM, requires_dev
from directive_nlp.cli import app

runner = CliRunner()
LS = DEV / "langson_ctr_hanh_dong_ct36.md"


def test_parse_the_bundled_sample_programme() -> None:
    """Our own programme (runs without ../shared): the tree as in the output contract, JSON and outline."""
    result = runner.invoke(app, ["parse", str(SAMPLE_PROGRAM)])
    assert result.exit_code == 0, result.output
    sections = json.loads(result.stdout)
    assert [s["id"] for s in sections][:5] == ["preamble", "I", "I.1", "I.2", "II"]
    ii3b = next(s for s in sections if s["id"] == "II.3.b")
    assert set(ii3b) == {"id", "number", "heading", "level", "parent"}
    assert (ii3b["number"], ii3b["level"], ii3b["parent"]) == ("b)", 3, "II.3")
    assert sections[-1]["id"] == "closing"
    outline = runner.invoke(app, ["parse", str(SAMPLE_PROGRAM), "--format", "md"]).stdout.splitlines()
    assert "  - **II.2** `2.` Phát triển hạ tầng số" in outline


@requires_dev
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


@requires_dev
def test_parse_json_with_blocks() -> None:
    result = runner.invoke(app, ["parse", str(LS), "--format", "json", "--blocks"])
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    assert {"sections", "blocks"} == set(out)
    first_item = next(b for b in out["blocks"] if b["section"] == "III.1")
    assert first_item["marker"] == "1." and first_item["is_heading"] is False


@requires_dev
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
