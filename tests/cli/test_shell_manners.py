"""The command line's manners, run the way a user types the commands (a
real process, not typer's runner): ``--version``, ``python -m``, one CSV
for several inputs, exit codes (2 usage, 1 bad input, 3 a partly failed
batch), a busy port, and the Markdown report's language."""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import directive_nlp
from corpus_paths import ROOT

DOCS = ROOT / "tests" / "documents"
DOC_A = DOCS / "chithi_numbered_addressees.md"
DOC_B = DOCS / "thongbao_ket_luan.md"
SRC = str(Path(directive_nlp.__file__).resolve().parents[1])
CLI = shutil.which("directive-nlp", path=str(Path(sys.executable).parent)) or shutil.which("directive-nlp")


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = SRC + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def run(*args: str, module: bool = False, timeout: float = 180) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "directive_nlp", *args] if module else [CLI, *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=_env())


def error_lines(r: subprocess.CompletedProcess) -> list[str]:
    return [line for line in r.stderr.splitlines() if line.strip()]


@pytest.fixture(scope="module", autouse=True)
def _needs_cli():
    if CLI is None:
        pytest.skip("the directive-nlp console script is not installed (pip install -e .)")


def test_version_from_the_script_and_from_python_m():
    for r in (run("--version"), run("--version", module=True)):
        assert r.returncode == 0, r.stderr
        assert r.stdout.strip() == f"directive-nlp {directive_nlp.__version__}"
    r = run("extract", "--help", module=True)
    assert r.returncode == 0 and "directive-nlp extract" in r.stdout


def test_several_inputs_into_one_csv_file(tmp_path):
    out = tmp_path / "x.csv"
    r = run("extract", str(DOC_A), str(DOC_B), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert out.is_file(), "-o x.csv must be one CSV file, never a folder"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {Path(row["document"]).name for row in rows} == {DOC_A.name, DOC_B.name}


def test_several_inputs_into_a_folder_and_into_one_markdown(tmp_path):
    r = run("extract", str(DOC_A), str(DOC_B), "--format", "md", "-o", str(tmp_path / "reports"))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == [f"{DOC_A.stem}.md", f"{DOC_B.stem}.md"]
    r = run("extract", str(DOC_A), str(DOC_B), "-o", str(tmp_path / "both.md"))
    assert r.returncode == 0 and (tmp_path / "both.md").read_text(encoding="utf-8").count("\n# ") >= 1


def test_a_file_name_of_another_format_is_refused_in_one_line(tmp_path):
    out = tmp_path / "x.csv"
    r = run("extract", str(DOC_A), str(DOC_B), "--format", "md", "-o", str(out))
    assert r.returncode == 2
    assert len(error_lines(r)) == 1 and "x.csv" in r.stderr and "Traceback" not in r.stderr
    assert not out.exists()


@pytest.mark.parametrize("args", [
    ["extract", str(DOC_A), "--format", "xml"],        # unknown format
    ["extract"],                                         # missing argument
    ["extract", str(DOC_A), str(DOC_B)],                 # several inputs, no -o
    ["extract", str(DOC_A), "-f", "md", "--lang", "fr"],  # unknown language
    ["no-such-command"],
])
def test_usage_errors_exit_2(args):
    r = run(*args)
    assert r.returncode == 2, r.stderr
    assert "Traceback" not in r.stderr


def test_bad_input_exits_1_in_one_line(tmp_path):
    r = run("extract", str(tmp_path / "missing.pdf"))
    assert r.returncode == 1
    assert error_lines(r) == [f"error: {tmp_path / 'missing.pdf'}: file not found; check the path"]
    empty = tmp_path / "empty.md"
    empty.write_text("", encoding="utf-8")
    r = run("checklist", str(empty), "-o", str(tmp_path / "c.docx"))
    assert r.returncode == 1 and len(error_lines(r)) == 1


def test_a_partly_failed_batch_exits_3_and_keeps_what_was_read(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("", encoding="utf-8")
    out = tmp_path / "all.csv"
    r = run("extract", str(DOC_A), str(bad), "-o", str(out))
    assert r.returncode == 3
    assert [line for line in error_lines(r) if line.startswith("error:")] == [
        line for line in error_lines(r) if "bad.md" in line]
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and {Path(row["document"]).name for row in rows} == {DOC_A.name}


def test_markdown_report_speaks_vietnamese_by_default(tmp_path):
    vi = run("extract", str(DOC_A), "--format", "md")
    assert vi.returncode == 0, vi.stderr
    assert "| # | Nhiệm vụ | Chủ trì | Phối hợp | Thời hạn | Báo cáo về |" in vi.stdout
    assert "## Theo cơ quan" in vi.stdout and "| Task |" not in vi.stdout
    en = run("extract", str(DOC_A), "--format", "md", "--lang", "en")
    assert "| # | Task | Lead | Support | Deadline | Report to |" in en.stdout and "## By agency" in en.stdout


def test_serve_on_a_busy_port_is_one_line_and_exit_1():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        r = run("serve", "--port", str(port), timeout=60)
    assert r.returncode == 1
    assert error_lines(r) == [f"error: port {port} on 127.0.0.1 is already in use; stop the other server or give --port"]


def test_serve_on_a_free_port_answers():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([CLI, "serve", "--port", str(port), "--no-graph"], env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as resp:
                    assert resp.read() == b"ok"
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise AssertionError(f"the server did not answer: {proc.stderr.read() if proc.poll() is not None else ''}")
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.communicate(timeout=20)  # reaps the process and closes its stderr pipe


def test_checklist_calendar_from_a_json_on_disk(tmp_path):
    """A corrected extract JSON on disk → `checklist -o plan.ics`: the
    yearly deadline falls on its stated day, the period is one span."""
    import json

    from icalendar import Calendar

    plan = {"document": {"issued_date": "2025-09-10"}, "tasks": [
        {"task": "báo cáo kết quả", "agencies": ["Sở Tư pháp"],
         "deadline": {"text": "hằng năm (trước ngày 15 tháng 11)", "kind": "recurring", "frequency": "yearly",
                      "day": 15, "month": 11}},
        {"task": "thực hiện đề án", "agencies": ["Sở Tài chính"],
         "deadline": {"text": "giai đoạn 2026-2030", "kind": "period", "start": "2026-01-01", "end": "2030-12-31"}}]}
    src = tmp_path / "plan.json"
    src.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "plan.ics"
    r = run("checklist", str(src), "-o", str(out), "--as-of", "1/10/2025")
    assert r.returncode == 0, r.stderr
    yearly, period = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert str(yearly.decoded("dtstart")) == "2025-11-15"
    assert dict(yearly.get("rrule")) == {"FREQ": ["YEARLY"], "BYMONTH": [11], "BYMONTHDAY": [15]}
    assert (str(period.decoded("dtstart")), str(period.decoded("dtend"))) == ("2026-01-01", "2031-01-01")
