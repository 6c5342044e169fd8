"""The Markdown report of `extract --format md`: Vietnamese by default,
English on request, and a deadline's text shown once."""

from __future__ import annotations

import pytest

from directive_nlp.models import AgencyRef, Deadline, DocumentMeta, ExtractionResult, SourceInfo, Task


@pytest.mark.parametrize("deadline, vi", [
    (Deadline(text="Thường xuyên", kind="ongoing"), "Thường xuyên"),
    (Deadline(text="trước ngày 15/3/2026", kind="by", date="2026-03-15"), "trước ngày 15/3/2026"),
    (Deadline(text="Quý III/2026", kind="on", date="2026-09-30"), "Quý III/2026 (30/09/2026)"),
    (Deadline(text="giai đoạn 2026-2030", kind="period", start="2026-01-01", end="2030-12-31"),
     "giai đoạn 2026-2030 (01/01/2026 → 31/12/2030)"),
    (Deadline(text="hằng năm", kind="recurring", frequency="yearly"), "hằng năm"),
    (Deadline(text="trước ngày 15 tháng 11 hằng năm", kind="recurring", frequency="yearly", day=15, month=11),
     "trước ngày 15 tháng 11 hằng năm (hằng năm, ngày 15/11)"),
    (Deadline(text="sau khi Nghị định được ban hành", kind="conditional"),
     "sau khi Nghị định được ban hành (theo điều kiện)"),
])
def test_a_deadline_is_shown_once_with_what_its_reading_adds(deadline, vi):
    from directive_nlp.report.extract_md import deadline_cell

    assert deadline_cell(deadline, "vi") == vi


def test_english_keeps_iso_dates():
    from directive_nlp.report.extract_md import deadline_cell

    d = Deadline(text="Quý III/2026", kind="on", date="2026-09-30")
    assert deadline_cell(d, "en") == "Quý III/2026 (2026-09-30)"


def test_report_language():
    from directive_nlp.report.extract_md import to_markdown

    r = ExtractionResult(source=SourceInfo(path="kh.md", format="md", sha256=""),
                         document=DocumentMeta(doc_type="Kế hoạch", issued_date="2025-09-10"),
                         tasks=[Task(id="T1", section="preamble", sentence="x", task="tổ chức tập huấn",
                                     agencies=[AgencyRef(name="Sở Tư pháp", canonical="sở tư pháp")]),
                                Task(id="T2", section="II.1", sentence="y", task="báo cáo kết quả")])
    vi, en = to_markdown(r), to_markdown(r, "en")
    assert "## Phần mở đầu" in vi and "10/09/2025" in vi and "## Theo cơ quan" in vi
    assert "Nhiệm vụ chưa xác định cơ quan thực hiện" in vi and "T2" in vi.split("chưa xác định")[-1]
    assert "## Preamble" in en and "2025-09-10" in en and "## By agency" in en and "Unassigned tasks" in en
    with pytest.raises(ValueError):
        to_markdown(r, "fr")
