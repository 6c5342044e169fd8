"""The checklist record and every file format, built from gold task lists of
the dev corpus (so they do not wait for the extractor) and of the extra
corpus (``shared_extra``), each file opened again with its own library."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from directive_nlp.checklist import (
    build_checklist,
    render_checklist,
    sheet_names,
    write_checklist,
)
from directive_nlp.errors import InputError
from directive_nlp.io import parse_result

from .conftest import result_from_gold

AS_OF = date(2024, 6, 1)
BP = "binhphuoc_kh_so_ket_ct36"
LS = "langson_ctr_hanh_dong_ct36"


@pytest.fixture(scope="module")
def bp(gold_result):
    return gold_result(BP)


@pytest.fixture(scope="module")
def ls(gold_result):
    return gold_result(LS)


# --------------------------------------------------------------------------- record


def test_groups_by_agency_lead_first_and_unassigned_last(bp):
    cl = build_checklist(bp, as_of=AS_OF)
    police = next(g for g in cl.groups if g.agency == "Đảng ủy Công an tỉnh")
    assert [it.role for it in police.items] == sorted((it.role for it in police.items), key=lambda r: r != "lead")
    due = {it.due for it in police.items}
    assert date(2024, 6, 30) in due
    assert cl.groups[-1].unassigned and len(cl.groups[-1].items) == cl.summary.unassigned == 20
    assert sum(len(g.items) for g in cl.groups if g.unassigned) == sum(1 for t in bp.tasks if not t.agencies)


def test_support_items_name_the_lead_as_partner(bp):
    cl = build_checklist(bp, as_of=AS_OF)
    related = next(g for g in cl.groups if g.agency == "Các cơ quan liên quan")
    assert related.support == 2 and related.lead == 0
    assert related.items[0].partners == ["Đảng ủy Công an tỉnh (chủ trì)"]
    assert related.items[0].due == date(2024, 6, 30)


def test_summary_lists_next_deadlines_after_as_of(bp):
    cl = build_checklist(bp, as_of=AS_OF)
    nxt = cl.summary.next_deadlines
    assert [u.due for u in nxt] == sorted(u.due for u in nxt)
    assert {u.due for u in nxt} == {date(2024, 6, 15), date(2024, 6, 30)}
    later = build_checklist(bp, as_of=date(2024, 6, 20))
    assert {u.due for u in later.summary.next_deadlines} == {date(2024, 6, 30)}
    past = [it for g in later.groups for it in g.items if it.past]
    assert past and all(it.due == date(2024, 6, 15) for it in past)


def test_recurring_deadlines_show_their_frequency(ls):
    cl = build_checklist(ls, as_of=AS_OF)
    yearly = [it for it in cl.rows() if it.frequency == "yearly"]
    assert yearly and all(it.deadline_display == "hằng năm" for it in yearly)
    en = build_checklist(ls, as_of=AS_OF, lang="en")
    assert {it.deadline_display for it in en.rows() if it.frequency == "yearly"} == {"yearly"}


def test_same_agency_written_differently_is_one_group():
    r = parse_result({"tasks": [
        {"task": "kiểm tra", "agencies": [{"name": "Sở Văn hoá, Thể thao và Du lịch", "role": "lead"}]},
        {"task": "báo cáo", "agencies": [{"name": "sở văn hóa, thể thao và du lịch", "role": "support"},
                                          {"name": "Sở Tài chính", "role": "lead"}]},
    ]})
    cl = build_checklist(r, as_of=AS_OF)
    culture = cl.groups[0]
    assert culture.lead == 1 and culture.support == 1 and len(culture.names) == 2
    assert [g.agency for g in cl.groups] == ["Sở Văn hoá, Thể thao và Du lịch", "Sở Tài chính"]


def test_a_hand_corrected_json_with_a_bad_date_does_not_break():
    r = parse_result({"tasks": [{"task": "báo cáo", "agencies": ["Sở Y tế"],
                                 "deadline": {"text": "trước ngày 31/6/2024", "kind": "by", "date": "2024-06-31"}}]})
    cl = build_checklist(r, as_of=AS_OF)
    assert cl.rows()[0].due is None and cl.rows()[0].deadline_text == "trước ngày 31/6/2024"


def test_sheet_names_fit_excel_rules():
    names = sheet_names(
        ["Ủy ban nhân dân các phường, xã, đặc khu trên địa bàn tỉnh", "Ủy ban nhân dân các phường, xã, đặc khu trên địa bàn tỉnh Quảng Ngãi",
         "Ban Chỉ đạo [389]: chống buôn lậu / gian lận?", "Tóm tắt", "tóm tắt"],
        reserved=("Tóm tắt",),
    )
    assert all(len(n) <= 31 for n in names)
    assert len({n.casefold() for n in names} | {"tóm tắt"}) == len(names) + 1
    assert not any(c in n for n in names for c in "[]:*?/\\")
    assert names[1].endswith("(2)")


# --------------------------------------------------------------------------- files


def test_xlsx_is_a_workbook_a_clerk_can_use(bp, tmp_path):
    from openpyxl import load_workbook

    out = write_checklist(bp, tmp_path / "bp.xlsx", as_of=date(2024, 6, 20))
    wb = load_workbook(out)
    assert wb.sheetnames[:3] == ["Tóm tắt", "Mục lục", "Tất cả"]
    ws = wb["Tất cả"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["STT", "Cơ quan", "Vai trò", "Nhiệm vụ"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    dv = ws.data_validations.dataValidation[0]
    assert dv.type == "list" and "Chưa thực hiện,Đang thực hiện,Đã hoàn thành" in dv.formula1
    assert str(dv.sqref).startswith(f"{chr(64 + header.index('Trạng thái') + 1)}2:")
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert len(rows) == sum(max(1, len(t.agencies)) for t in bp.tasks)
    due_col = header.index("Hạn (ngày)")
    police = [r for r in rows if r[1] == "Đảng ủy Công an tỉnh" and r[due_col]]
    assert {r[due_col].date() for r in police} == {date(2024, 6, 30)}
    fifteenth = [r for r in ws.iter_rows(min_row=2) if r[due_col].value and r[due_col].value.date() == date(2024, 6, 15)]
    assert fifteenth and all(r[due_col].fill.fgColor.rgb.endswith("F8D7DA") for r in fifteenth)
    thirtieth = [r for r in ws.iter_rows(min_row=2) if r[due_col].value and r[due_col].value.date() == date(2024, 6, 30)]
    assert all(r[due_col].fill.fill_type is None for r in thirtieth)
    # index sheet: full names and the (cut, unique) sheet names that exist
    idx = wb["Mục lục"]
    pairs = [(r[0].value, r[1].value) for r in idx.iter_rows(min_row=2)]
    assert all(sheet in wb.sheetnames and len(sheet) <= 31 for sheet, _ in pairs)
    full = dict(pairs)
    long_name = "Các cơ quan chuyên trách tham mưu, giúp việc Tỉnh ủy"
    assert long_name in full.values()
    assert len(wb[next(s for s, f in pairs if f == long_name)]["A"]) == 3  # header + 2 tasks
    assert "Chưa xác định cơ quan thực hiện" in full.values()


def test_docx_reads_like_an_office_document(bp, tmp_path):
    from docx import Document

    out = write_checklist(bp, tmp_path / "bp.docx", as_of=AS_OF)
    doc = Document(str(out))
    sec = doc.sections[0]
    assert {round(sec.page_width.cm, 1), round(sec.page_height.cm, 1)} == {21.0, 29.7}
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert 13 <= doc.styles["Normal"].font.size.pt <= 14
    header_xml = sec.header._element.xml
    assert "PAGE" in header_xml and "Số:" in header_xml
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "DANH MỤC NHIỆM VỤ VÀ THỜI HẠN THỰC HIỆN"
    # a table of counts, then one table per agency group
    cl = build_checklist(bp, as_of=AS_OF)
    assert len(doc.tables) == 1 + len(cl.groups)
    police = next(i for i, g in enumerate(cl.groups) if g.agency == "Đảng ủy Công an tỉnh")
    table = doc.tables[1 + police]
    cells = [[c.text for c in r.cells] for r in table.rows]
    assert cells[0][:4] == ["STT", "Nhiệm vụ", "Mục", "Thời hạn"]
    # the deadline as written, once: no "(30/06/2024)" repeating it
    assert any(r[3] == "trước ngày 30/6/2024" for r in cells[1:])
    assert not any("30/06/2024" in r[3] for r in cells[1:])
    assert any("Các thời hạn sắp tới" == t for t in texts)
    assert any(t.startswith("- 15/06/2024") for t in texts) and any(t.startswith("- 30/06/2024") for t in texts)
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert all(r.font.name in (None, "Times New Roman") for r in runs)  # None: the Normal style's face
    rfonts = doc.styles["Normal"].element.rPr.rFonts
    assert {rfonts.get(f"{{{rfonts.nsmap['w']}}}{k}") for k in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}


def test_csv_has_a_bom_and_one_row_per_task_and_agency(bp, tmp_path):
    out = write_checklist(bp, tmp_path / "bp.csv", as_of=AS_OF)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][1] == "Cơ quan"
    assert ["Đảng ủy Công an tỉnh", "Chủ trì"] == rows[1][1:3]
    assert any(r[1] == "Đảng ủy Công an tỉnh" and r[6] == "30/06/2024" for r in rows[1:])
    assert len(rows) - 1 == sum(max(1, len(t.agencies)) for t in bp.tasks)


def test_ics_has_an_event_per_dated_deadline(bp, tmp_path):
    from icalendar import Calendar

    out = write_checklist(bp, tmp_path / "bp.ics", as_of=AS_OF)
    cal = Calendar.from_ical(out.read_bytes())
    events = cal.walk("VEVENT")
    dated = [t for t in bp.tasks if t.deadline and (t.deadline.date or t.deadline.end)]
    assert len(events) == len(dated)
    days = {e.decoded("dtstart") for e in events}
    assert {date(2024, 6, 15), date(2024, 6, 30)} <= days
    police = [e for e in events if str(e.get("summary")).startswith("Đảng ủy Công an tỉnh")]
    assert {e.decoded("dtstart") for e in police} == {date(2024, 6, 30)}
    assert len({str(e.get("uid")) for e in events}) == len(events)


def test_ics_recurring_without_a_stated_day_is_a_todo_never_an_event(ls, tmp_path):
    """The dev programme says "hằng năm", "định kỳ hằng tháng" and "định kỳ"
    but names no day: nothing goes on a day (not the issue date, not as_of);
    every one is a to-do without a date."""
    from icalendar import Calendar

    out = write_checklist(ls, tmp_path / "ls.ics", as_of=AS_OF)
    cal = Calendar.from_ical(out.read_bytes())
    assert not [e for e in cal.walk("VEVENT") if e.get("rrule")]
    todos = cal.walk("VTODO")
    recurring = [t for t in ls.tasks if t.deadline and t.deadline.kind == "recurring"]
    assert len(todos) >= len(recurring) > 0
    assert all(t.get("dtstart") is None and t.get("due") is None for t in todos)
    assert "ngày ban hành" in str(cal.get("x-wr-caldesc"))


def test_ics_yearly_day_anchors_after_the_document_date():
    from icalendar import Calendar

    r = parse_result({
        "document": {"issued_date": "2025-11-25"},
        "tasks": [{"task": "báo cáo kết quả", "agencies": ["Sở Nông nghiệp và Môi trường"],
                   "deadline": {"text": "trước ngày 25/12 hàng năm", "kind": "recurring", "frequency": "yearly"}},
                  {"task": "tổng hợp", "agencies": ["Sở Tài chính"],
                   "deadline": {"text": "trước ngày 10 hàng tháng", "kind": "recurring", "frequency": "monthly"}},
                  {"task": "rà soát", "agencies": ["Sở Tài chính"],
                   "deadline": {"text": "6 tháng một lần", "kind": "recurring", "frequency": "semiannual"}}]})
    cal = Calendar.from_ical(render_checklist(r, "ics", as_of=date(2026, 1, 1)))
    starts = [e.decoded("dtstart") for e in cal.walk("VEVENT")]
    assert starts == [date(2025, 12, 25), date(2025, 12, 10)]  # read from the text when the record has no day
    rules = [dict(e.get("rrule")) for e in cal.walk("VEVENT")]
    assert rules == [{"FREQ": ["YEARLY"], "BYMONTH": [12], "BYMONTHDAY": [25]},
                     {"FREQ": ["MONTHLY"], "BYMONTHDAY": [10]}]
    assert [str(t.get("summary")) for t in cal.walk("VTODO")] == ["Sở Tài chính: rà soát"]  # no day stated


def test_markdown_and_json(ls, tmp_path):
    md = write_checklist(ls, tmp_path / "ls.md", as_of=AS_OF, lang="en").read_text(encoding="utf-8")
    assert md.startswith("# CHECKLIST OF TASKS AND DEADLINES")
    assert "## ⚠ No agency named" in md and "yearly" in md
    data = json.loads(write_checklist(ls, tmp_path / "ls.json", as_of=AS_OF).read_text(encoding="utf-8"))
    assert data["summary"]["tasks"] == len(ls.tasks)
    assert data["groups"][-1]["unassigned"] is True


def test_unknown_suffix_is_refused(bp, tmp_path):
    with pytest.raises(InputError, match="cannot write a checklist"):
        write_checklist(bp, tmp_path / "bp.pdf", as_of=AS_OF)


@pytest.mark.shared
def test_extra_documents_with_gold(shared_extra, tmp_path):
    from docx import Document
    from icalendar import Calendar
    from openpyxl import load_workbook

    names = sorted(p.name[: -len(".gold.jsonl")] for p in shared_extra.glob("*.gold.jsonl"))
    assert names
    for name in names:
        r = result_from_gold(shared_extra, name)
        cl = build_checklist(r, as_of=date(2025, 11, 1))
        assert {it.task_id for it in cl.rows()} == {t.id for t in r.tasks}, name  # no task lost
        wb = load_workbook(io.BytesIO(render_checklist(r, "xlsx", as_of=date(2025, 11, 1))))
        rows = list(wb["Tất cả"].iter_rows(min_row=2, values_only=True))
        assert len(rows) == len(cl.rows())
        tasks_in_rows = {r_[12] for r_ in rows}
        assert tasks_in_rows == {t.id for t in r.tasks}, name
        cal = Calendar.from_ical(render_checklist(r, "ics", as_of=date(2025, 11, 1)))
        dated = {t.id for t in r.tasks if t.deadline and (t.deadline.date or t.deadline.end)}
        assert len(cal.walk("VEVENT")) >= len(dated), name
        doc = Document(io.BytesIO(render_checklist(r, "docx", as_of=date(2025, 11, 1))))
        assert len(doc.tables) == 1 + len(cl.groups)
        for fmt in ("csv", "md", "json"):
            assert render_checklist(r, fmt, as_of=date(2025, 11, 1))
    # a known row: Quảng Ngãi asks Sở Tài chính for something before 31/5/2026
    qn = result_from_gold(shared_extra, "01_quangngai-qd1627-kiem-ke-tai-san-cong")
    cl = build_checklist(qn, as_of=date(2025, 11, 1))
    finance = next(g for g in cl.groups if g.agency == "Sở Tài chính")
    assert date(2026, 5, 31) in {it.due for it in finance.items}
    assert cl.summary.number == "1627/QĐ-UBND"
    tb = result_from_gold(shared_extra, "04_quangtri-ct06-chong-lan-chiem-dat-rung")
    cal = Calendar.from_ical(render_checklist(tb, "ics", as_of=date(2026, 1, 1)))
    yearly = [e for e in cal.walk("VEVENT") if e.get("rrule")]
    assert yearly and {e.decoded("dtstart") for e in yearly} == {date(2025, 12, 25)}


def test_control_characters_bullets_and_formulas_are_safe(tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    r = parse_result({"tasks": [
        {"task": "- Tổ chức kiểm tra\x0c định kỳ", "agencies": ["Sở Y tế\x07"]},
        {"task": "=HYPERLINK(\"http://x\")", "agencies": [" "]},
    ]})
    wb = load_workbook(write_checklist(r, tmp_path / "x.xlsx", as_of=AS_OF))
    rows = list(wb["Tất cả"].iter_rows(min_row=2, values_only=True))
    assert rows[0][3] == "Tổ chức kiểm tra  định kỳ" and rows[0][1] == "Sở Y tế"
    assert rows[1][3] == "'=HYPERLINK(\"http://x\")" and rows[1][1] == "Chưa xác định cơ quan thực hiện"  # a blank name is no agency
    assert wb["Tất cả"].cell(3, 4).data_type == "s"
    assert Document(str(write_checklist(r, tmp_path / "x.docx", as_of=AS_OF))).tables
    text = write_checklist(r, tmp_path / "x.csv", as_of=AS_OF).read_text(encoding="utf-8-sig")
    assert ",Tổ chức kiểm tra  định kỳ," in text and "'=HYPERLINK" in text


def test_next_deadlines_include_the_next_day_a_recurring_deadline_names():
    r = parse_result({"tasks": [
        {"task": "báo cáo kết quả", "agencies": ["Sở Nông nghiệp và Môi trường"],
         "deadline": {"text": "trước ngày 25/12 hàng năm", "kind": "recurring", "frequency": "yearly"}},
        {"task": "tổng hợp", "agencies": ["Sở Tài chính"],
         "deadline": {"text": "hằng năm", "kind": "recurring", "frequency": "yearly"}},
    ]})
    nxt = build_checklist(r, as_of=date(2026, 1, 5)).summary.next_deadlines
    assert [(u.due, u.task) for u in nxt] == [(date(2026, 12, 25), "báo cáo kết quả")]


def test_every_docx_run_is_13_or_14_pt(bp):
    from docx import Document

    doc = Document(io.BytesIO(render_checklist(bp, "docx", as_of=AS_OF)))
    base = doc.styles["Normal"].font.size.pt
    parts = [doc.sections[0].header.paragraphs, doc.paragraphs,
             [p for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs]]
    sizes = {(r.font.size.pt if r.font.size else base) for ps in parts for p in ps for r in p.runs}
    assert sizes <= {13.0, 14.0}


def test_a_result_without_tasks_still_gives_every_file():
    r = parse_result({"tasks": [], "notes": ["no tasks found"]})
    for fmt in ("docx", "xlsx", "csv", "md", "ics", "json"):
        assert render_checklist(r, fmt, as_of=AS_OF)
    cl = build_checklist(r, as_of=AS_OF)
    assert cl.groups == [] and cl.summary.tasks == 0
