"""``directive-nlp checklist`` on real documents, PDF and DOCX through the
whole pipeline: the bundled sample (rendered here with reportlab and
python-docx) and the dev documents (../shared, skipped when absent); and on a
corrected extract JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from corpus_paths import SAMPLE_PLAN, SAMPLE_PROGRAM
from directive_nlp import pipeline
from directive_nlp.cli import app
from own_renderings import render

pytestmark = pytest.mark.skipif(not hasattr(pipeline, "extract"), reason="waits for pipeline.extract (tasks area)")
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["checklist", *args])


@pytest.fixture(scope="module")
def sample_pdf_docx(tmp_path_factory):
    """The sample review plan as PDF, the sample programme as DOCX."""
    d = tmp_path_factory.mktemp("sample")
    return render(SAMPLE_PLAN, d, "pdf"), render(SAMPLE_PROGRAM, d, "docx")


def test_sample_review_plan_pdf_to_xlsx(sample_pdf_docx, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "kh.xlsx"
    r = run(str(sample_pdf_docx[0]), "-o", str(out), "--as-of", "2028-05-10")
    assert r.exit_code == 0, r.output
    wb = load_workbook(out)
    rows = list(wb["Tất cả"].iter_rows(min_row=2, values_only=True))
    assert {row[6].date() for row in rows if row[1] == "Sở Khoa học và Công nghệ" and row[6]} == {date(2028, 7, 31)}
    summary = [c for row in wb["Tóm tắt"].iter_rows(values_only=True) for c in row if c is not None]
    assert "88/KH-UBND" in summary and "Các thời hạn sắp tới" in summary
    upcoming = [c.date() for c in summary if hasattr(c, "date") and not isinstance(c, str)]
    assert date(2028, 6, 30) in upcoming and date(2028, 7, 31) in upcoming


def test_sample_programme_docx_to_ics(sample_pdf_docx, tmp_path):
    from icalendar import Calendar

    out = tmp_path / "kh.ics"
    r = run(str(sample_pdf_docx[1]), "-o", str(out), "--as-of", "2026-04-01", "--lang", "en")
    assert r.exit_code == 0, r.output
    cal = Calendar.from_ical(out.read_bytes())
    # "trước ngày 15/12 hằng năm" names its day: a yearly event; "hằng năm" and
    # "hằng quý, trước ngày 20 của tháng cuối quý" do not: to-dos, never events
    yearly = [e for e in cal.walk("VEVENT") if e.get("rrule")]
    assert yearly and {e.decoded("dtstart") for e in yearly} == {date(2026, 12, 15)}
    assert date(2026, 9, 30) in {e.decoded("dtstart") for e in cal.walk("VEVENT")}
    assert len([t for t in cal.walk("VTODO") if "Recurring" in str(t.get("description"))]) >= 2


def test_review_plan_pdf_to_xlsx(dev_dir, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "kh.xlsx"
    r = run(str(dev_dir / "rendered" / "binhphuoc_kh_so_ket_ct36.pdf"), "-o", str(out), "--as-of", "2024-06-01")
    assert r.exit_code == 0, r.output
    wb = load_workbook(out)
    rows = list(wb["Tất cả"].iter_rows(min_row=2, values_only=True))
    police = {row[6].date() for row in rows if row[1] == "Đảng ủy Công an tỉnh" and row[6]}
    assert date(2024, 6, 30) in police
    assert date(2024, 6, 15) in {row[6].date() for row in rows if row[6]}
    summary = [c for row in wb["Tóm tắt"].iter_rows(values_only=True) for c in row if c is not None]
    assert "Các thời hạn sắp tới" in summary
    upcoming = [c.date() for c in summary if hasattr(c, "date") and not isinstance(c, str)]
    assert date(2024, 6, 15) in upcoming and date(2024, 6, 30) in upcoming


def test_program_docx_to_ics_lists_undated_recurrences_as_todos(dev_dir, tmp_path):
    from icalendar import Calendar

    out = tmp_path / "ctr.ics"
    r = run(str(dev_dir / "rendered" / "langson_ctr_hanh_dong_ct36.docx"), "-o", str(out), "--as-of", "2024-06-01", "--lang", "en")
    assert r.exit_code == 0, r.output
    cal = Calendar.from_ical(out.read_bytes())
    # "hằng năm" names no day: a yearly to-do, never an event on as_of or the issue date
    assert not [e for e in cal.walk("VEVENT") if e.get("rrule")]
    assert len([t for t in cal.walk("VTODO") if "Recurring" in str(t.get("description"))]) >= 2


def test_a_corrected_json_fixes_the_draft(dev_dir, tmp_path):
    from directive_nlp.io import dump_result
    from directive_nlp.pipeline import extract

    result = extract(dev_dir / "rendered" / "binhphuoc_kh_so_ket_ct36.docx")
    data = json.loads(dump_result(result))
    unassigned = next(t for t in data["tasks"] if not t["agencies"])
    unassigned["agencies"] = [{"name": "Văn phòng Tỉnh ủy", "role": "lead"}]
    fixed = tmp_path / "fixed.json"
    fixed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "fixed.md"
    r = run(str(fixed), "-o", str(out), "--as-of", "20/6/2024")
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "## Văn phòng Tỉnh ủy" in text and unassigned["task"][:40] in text.split("## Văn phòng Tỉnh ủy")[1]


@pytest.mark.parametrize("args, expected, code", [
    (["missing.pdf", "-o", "x.xlsx"], "file not found", 1),
    (["{pdf}", "-o", "x.pdf"], "cannot write a checklist as '.pdf'", 2),
    (["{pdf}", "-o", "x.md", "--as-of", "31/2/2024"], "is not a date", 2),
    (["{pdf}", "-o", "x.md", "--lang", "fr"], "use vi or en", 2),
])
def test_bad_input_exits_1_and_bad_options_2_in_one_line(sample_pdf_docx, tmp_path, args, expected, code):
    pdf = str(sample_pdf_docx[0])
    args = [a.replace("{pdf}", pdf).replace("x.", str(tmp_path / "x.")) if not a.startswith("missing") else str(tmp_path / a) for a in args]
    r = run(*args)
    assert r.exit_code == code
    assert expected in r.output and "Traceback" not in r.output
    assert len([l for l in r.output.splitlines() if l.strip()]) == 1


@pytest.mark.shared
def test_extra_documents_through_the_pipeline(shared_extra, tmp_path):
    """Two extra documents read from their renderings: the dated and the
    yearly deadlines their gold names end up in the workbook and calendar."""
    from icalendar import Calendar
    from openpyxl import load_workbook

    out = tmp_path / "qn.xlsx"
    r = run(str(shared_extra / "rendered" / "01_quangngai-qd1627-kiem-ke-tai-san-cong.docx"), "-o", str(out), "--as-of", "2025-11-01")
    assert r.exit_code == 0, r.output
    wb = load_workbook(out)
    rows = list(wb["Tất cả"].iter_rows(min_row=2, values_only=True))
    assert date(2026, 5, 31) in {row[6].date() for row in rows if row[1] == "Sở Tài chính" and row[6]}
    assert [c.value for c in wb["Tóm tắt"]["B"][4:6]] == ["1627/QĐ-UBND", "21/11/2025"]
    out = tmp_path / "qt.ics"
    r = run(str(shared_extra / "rendered" / "04_quangtri-ct06-chong-lan-chiem-dat-rung.pdf"), "-o", str(out), "--as-of", "2025-11-01")
    assert r.exit_code == 0, r.output
    cal = Calendar.from_ical(out.read_bytes())
    yearly = [e for e in cal.walk("VEVENT") if e.get("rrule")]
    # "trước ngày 25/12 hàng năm" in a directive of 25/11/2025: first on 25/12/2025
    assert yearly and {e.decoded("dtstart") for e in yearly} == {date(2025, 12, 25)}
