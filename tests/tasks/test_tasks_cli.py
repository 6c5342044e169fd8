"""`directive-nlp extract` and `directive-nlp schema` through typer's runner."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from directive_nlp.cli import app

from tasks_helpers import DOCS

runner = CliRunner()
DOC = str(DOCS / "chithi_numbered_addressees.md")


def test_extract_one_file_json_to_stdout():
    r = runner.invoke(app, ["extract", DOC])
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["schema_version"] == "1" and data["tasks"]
    assert data["tasks"][0]["id"] == "T1"


def test_extract_formats(tmp_path):
    out = tmp_path / "o.md"
    assert runner.invoke(app, ["extract", DOC, "--format", "md", "--lang", "en", "-o", str(out)]).exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert "| # | Task | Lead | Support | Deadline | Report to |" in md and "Sở Tài chính" in md
    assert "## By agency" in md and "| Sở Tài chính | T9 |" in md
    r = runner.invoke(app, ["extract", DOC, "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and {"task", "agency", "role", "deadline_kind"} <= set(rows[0])
    # one row per (task, agency): the closing task has two leads
    assert sum(1 for row in rows if row["task"] == "nghiêm túc thực hiện Chỉ thị này") == 2
    r = runner.invoke(app, ["extract", DOC, "--format", "jsonl"])
    assert len(r.stdout.strip().splitlines()) == 1


def test_batch_writes_one_json_per_document_and_goes_on_after_a_failure(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    r = runner.invoke(app, ["extract", DOC, str(DOCS / "thongbao_ket_luan.md"), str(bad), "-o", str(out)])
    assert r.exit_code == 3
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith("_")) == [
        "chithi_numbered_addressees.json", "thongbao_ket_luan.json"]
    # the batch bookkeeping: the failure and the run summary are recorded
    assert {"_errors.jsonl", "_index.jsonl", "_summary.json"} <= {p.name for p in out.iterdir()}
    assert "bad.md" in r.stderr and "Traceback" not in r.stderr
    assert len([l for l in r.stderr.splitlines() if l.startswith("error:")]) == 1


def test_folder_input_and_jsonl_batch(tmp_path):
    out = tmp_path / "all.jsonl"
    r = runner.invoke(app, ["extract", str(DOCS), "--format", "jsonl", "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(list(DOCS.glob("*.md")))


def test_usage_errors():
    r = runner.invoke(app, ["extract", DOC, "--format", "xml"])
    assert r.exit_code == 2
    r = runner.invoke(app, ["extract", DOC, DOC])
    assert r.exit_code == 2
    r = runner.invoke(app, ["extract", "/no/such/file.md"])
    assert r.exit_code == 1 and "Traceback" not in r.output


def test_schema_is_the_pydantic_json_schema():
    r = runner.invoke(app, ["schema"])
    assert r.exit_code == 0
    schema = json.loads(r.stdout)
    assert schema["title"] == "ExtractionResult"
    assert "tasks" in schema["properties"] and "Task" in schema["$defs"]


def test_user_gazetteer_adds_a_body(tmp_path):
    doc = tmp_path / "plan.md"
    doc.write_text("KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n1. Nhóm Xanh Lam kiểm tra an toàn tàu thuyền trước ngày 30/6/2026.\n",
                   encoding="utf-8")
    gaz = tmp_path / "bodies.yaml"
    gaz.write_text("bodies:\n  - name: Nhóm Xanh Lam\n    type: other\n", encoding="utf-8")
    plain = json.loads(runner.invoke(app, ["extract", str(doc)]).stdout)["tasks"][0]
    assert plain["agencies"] == []  # unknown to the package gazetteer
    r = runner.invoke(app, ["extract", str(doc), "--gazetteer", str(gaz)])
    assert r.exit_code == 0, r.output
    task = json.loads(r.stdout)["tasks"][0]
    assert task["task"] == "kiểm tra an toàn tàu thuyền"
    assert [a["name"] for a in task["agencies"]] == ["Nhóm Xanh Lam"]
    r = runner.invoke(app, ["extract", str(doc), "--gazetteer", str(tmp_path / "missing.yaml")])
    assert r.exit_code == 1 and "Traceback" not in r.output


def test_max_pages_is_passed_to_the_reader(tmp_path):
    from tasks_table_docs import make_pdf

    pdf = make_pdf(tmp_path / "t.pdf")
    ok = runner.invoke(app, ["extract", str(pdf), "--max-pages", "5"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["source"]["pages"] == 1
    from reportlab.pdfgen import canvas

    two = tmp_path / "two.pdf"
    c = canvas.Canvas(str(two))
    for _ in range(2):
        c.drawString(72, 720, "Ke hoach")
        c.showPage()
    c.save()
    r = runner.invoke(app, ["extract", str(two), "--max-pages", "1", "--force"])
    assert r.exit_code == 1 and "Traceback" not in r.output
