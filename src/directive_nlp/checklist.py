"""Checklists of who must do what by when, in the formats office staff use.

A plan handed to a department becomes, in minutes, a draft checklist grouped
by agency that a clerk can correct and circulate: Word (DOCX) laid out like a
Vietnamese office document, an Excel workbook to track progress in, CSV for
other tools, Markdown, a calendar (ICS) and JSON.

:func:`build_checklist` turns an :class:`~directive_nlp.models.ExtractionResult`
into a :class:`Checklist` (the one place where grouping, ordering, dates and
labels are decided); every writer only lays that record out, so all formats
agree. The draft is fixed by correcting the ``extract`` JSON (or the table on
the web page) and building the checklist again: the checklist never edits the
extraction.

``as_of`` (default: today) decides which deadlines are "next" and which dates
are already past; tests fix it so outputs are reproducible.
"""

from __future__ import annotations

import csv
import io
import os
import re
import unicodedata
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Literal, Optional, Union

from pydantic import BaseModel, Field

from .errors import InputError
from .models import DocumentMeta, ExtractionResult, Task
from .normalize import match_key

Lang = Literal["vi", "en"]
FORMATS = ("docx", "xlsx", "csv", "md", "ics", "json")
#: how many upcoming deadlines the summary lists
NEXT_DEADLINES = 10

# ---------------------------------------------------------------------------
# Labels (UI strings of the two languages; not rule data)
# ---------------------------------------------------------------------------

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "title": "DANH MỤC NHIỆM VỤ VÀ THỜI HẠN THỰC HIỆN",
        "summary": "Tóm tắt",
        "document": "Văn bản",
        "doc_type": "Loại văn bản",
        "number": "Số",
        "issued_date": "Ngày ban hành",
        "issuer": "Cơ quan ban hành",
        "doc_title": "Trích yếu",
        "province": "Tỉnh/thành phố",
        "source": "Tệp nguồn",
        "as_of": "Tính đến ngày",
        "unknown": "(không ghi)",
        "counts": "Số nhiệm vụ theo cơ quan",
        "agency": "Cơ quan",
        "lead": "Chủ trì",
        "support": "Phối hợp",
        "total": "Tổng",
        "tasks_total": "Tổng số nhiệm vụ",
        "unassigned_count": "Nhiệm vụ chưa xác định cơ quan",
        "next_deadlines": "Các thời hạn sắp tới",
        "no_next": "Không có thời hạn xác định ngày nào từ ngày {as_of}.",
        "recurring_note": "{n} nhiệm vụ thực hiện định kỳ (xem cột Tần suất).",
        "no": "STT",
        "role": "Vai trò",
        "task": "Nhiệm vụ",
        "section": "Mục",
        "deadline_text": "Thời hạn (như văn bản)",
        "deadline": "Thời hạn",
        "due": "Hạn (ngày)",
        "frequency": "Tần suất",
        "partners": "Phối hợp với",
        "report_to": "Báo cáo về",
        "status": "Trạng thái",
        "notes": "Ghi chú",
        "task_id": "Mã",
        "sentence": "Câu gốc",
        "unassigned": "Chưa xác định cơ quan thực hiện",
        "unassigned_flag": "Cần xác định cơ quan thực hiện: văn bản không nêu ai làm.",
        "overdue": "đã qua",
        "index": "Mục lục",
        "all": "Tất cả",
        "sheet": "Trang tính",
        "full_name": "Tên đầy đủ",
        "page": "Trang",
        "draft_note": "Bản nháp do directive-nlp lập từ văn bản; cần kiểm tra, chỉnh sửa trước khi ban hành.",
        "attached": "(Kèm theo {doc})",
        "chairs": "chủ trì",
        "no_event": "Định kỳ, không nêu tần suất (không tạo lịch)",
        "undated": "Có thời hạn nhưng chưa xác định được ngày (không tạo lịch)",
        "calendar": "Thời hạn",
        "period": "{start} – {end}",
        "ongoing": "thường xuyên",
        "conditional": "theo điều kiện",
        "recurring": "định kỳ",
        "dtstart_fallback": "Văn bản không ghi ngày ban hành: lịch lặp bắt đầu từ {as_of}.",
    },
    "en": {
        "title": "CHECKLIST OF TASKS AND DEADLINES",
        "summary": "Summary",
        "document": "Document",
        "doc_type": "Document type",
        "number": "Number",
        "issued_date": "Issued on",
        "issuer": "Issued by",
        "doc_title": "Title",
        "province": "Province",
        "source": "Source file",
        "as_of": "As of",
        "unknown": "(not stated)",
        "counts": "Tasks per agency",
        "agency": "Agency",
        "lead": "Lead",
        "support": "Support",
        "total": "Total",
        "tasks_total": "Tasks",
        "unassigned_count": "Tasks without an agency",
        "next_deadlines": "Next deadlines",
        "no_next": "No dated deadline on or after {as_of}.",
        "recurring_note": "{n} recurring tasks (see the Frequency column).",
        "no": "No.",
        "role": "Role",
        "task": "Task",
        "section": "Section",
        "deadline_text": "Deadline (as written)",
        "deadline": "Deadline",
        "due": "Due date",
        "frequency": "Frequency",
        "partners": "Partners",
        "report_to": "Report to",
        "status": "Status",
        "notes": "Notes",
        "task_id": "ID",
        "sentence": "Source sentence",
        "unassigned": "No agency named",
        "unassigned_flag": "Assign an agency: the document does not say who does these.",
        "overdue": "past",
        "index": "Index",
        "all": "All tasks",
        "sheet": "Sheet",
        "full_name": "Full name",
        "page": "Page",
        "draft_note": "Draft made by directive-nlp from the document; check and correct it before circulating.",
        "attached": "(Attached to {doc})",
        "chairs": "lead",
        "no_event": "Recurring, no frequency given (no calendar event)",
        "undated": "Has a deadline but no date could be fixed (no calendar event)",
        "calendar": "Deadline",
        "period": "{start} – {end}",
        "ongoing": "ongoing",
        "conditional": "conditional",
        "recurring": "recurring",
        "dtstart_fallback": "The document states no issue date: recurring events start on {as_of}.",
    },
}

STATUS_CHOICES: dict[str, list[str]] = {
    "vi": ["Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành"],
    "en": ["Not started", "In progress", "Done"],
}

FREQUENCY_LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "daily": "hằng ngày",
        "weekly": "hằng tuần",
        "monthly": "hằng tháng",
        "quarterly": "hằng quý",
        "semiannual": "6 tháng một lần",
        "yearly": "hằng năm",
    },
    "en": {
        "daily": "daily",
        "weekly": "weekly",
        "monthly": "monthly",
        "quarterly": "quarterly",
        "semiannual": "every 6 months",
        "yearly": "yearly",
    },
}


# ---------------------------------------------------------------------------
# The checklist record
# ---------------------------------------------------------------------------


class ChecklistItem(BaseModel):
    """One task as one agency sees it (a task with three agencies gives three items)."""

    task_id: str
    task: str = Field(description="The action as written in the document.")
    sentence: str = ""
    section: str = ""
    page: Optional[int] = None
    agency: Optional[str] = Field(None, description="The agency as written; null in the unassigned group.")
    role: Optional[Literal["lead", "support"]] = None
    deadline_text: Optional[str] = Field(None, description="The deadline phrase as written.")
    deadline_kind: Optional[str] = None
    due: Optional[date] = Field(None, description="The date to meet: a by/on date, or the end of a period.")
    start: Optional[date] = Field(None, description="Start of a period deadline.")
    frequency: Optional[str] = None
    deadline_display: str = Field("", description="The deadline as a date or a frequency, in the checklist language.")
    past: bool = Field(False, description="`due` is before `as_of`.")
    partners: list[str] = Field(default_factory=list, description="The other agencies of the task.")
    report_to: list[str] = Field(default_factory=list)
    status: str = ""
    notes: str = ""


class ChecklistGroup(BaseModel):
    """All items of one agency: as lead first, then as support."""

    agency: str = Field(description="Display name (as first written, first letter capitalised).")
    key: str = Field(description="Grouping key (matching key of the canonical name).")
    names: list[str] = Field(default_factory=list, description="Every spelling met in the document.")
    unassigned: bool = False
    lead: int = 0
    support: int = 0
    items: list[ChecklistItem] = Field(default_factory=list)


class AgencyCount(BaseModel):
    agency: str
    lead: int
    support: int
    total: int
    unassigned: bool = False


class UpcomingDeadline(BaseModel):
    due: date
    deadline_text: str
    task_id: str
    task: str
    agencies: list[str]


class ChecklistSummary(BaseModel):
    doc_type: Optional[str] = None
    number: Optional[str] = None
    issued_date: Optional[str] = None
    issuer: Optional[str] = None
    title: Optional[str] = None
    province: Optional[str] = None
    source: Optional[str] = None
    as_of: date
    tasks: int = 0
    unassigned: int = 0
    recurring: int = 0
    counts: list[AgencyCount] = Field(default_factory=list)
    next_deadlines: list[UpcomingDeadline] = Field(default_factory=list)


class Checklist(BaseModel):
    lang: Lang = "vi"
    as_of: date
    summary: ChecklistSummary
    groups: list[ChecklistGroup] = Field(default_factory=list)

    def labels(self) -> dict[str, str]:
        return LABELS[self.lang]

    def rows(self) -> list[ChecklistItem]:
        """One row per task and agency, group after group (the flat table)."""
        return [it for g in self.groups for it in g.items]


# ---------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _clean_obj(obj):
    """Strings without control characters (a hand-edited JSON or a PDF can
    hold them; Word and Excel files cannot), recursively."""
    if isinstance(obj, str):
        return _CONTROL.sub(" ", obj)
    if isinstance(obj, list):
        return [_clean_obj(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _clean_obj(v) for k, v in obj.items()}
    return obj


_BULLET = re.compile(r"^\s*[-+•–]\s+")


def sheet_text(value):
    """A text cell that a spreadsheet shows as written: a leading list
    bullet ("- ", "+ ") is dropped, and a text still starting with = + - @
    gets an apostrophe so Excel does not run it as a formula."""
    if not isinstance(value, str):
        return value
    value = _BULLET.sub("", value)
    if value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _parse_date(value: Optional[str]) -> Optional[date]:
    """An ISO date from the JSON; a hand-corrected file may hold junk: then None."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def format_date(d: Optional[date]) -> str:
    """dd/mm/yyyy, the way Vietnamese documents write dates."""
    return d.strftime("%d/%m/%Y") if d else ""


def _display_name(name: str) -> str:
    name = " ".join(unicodedata.normalize("NFC", name).split())
    return name[:1].upper() + name[1:] if name else name


def _group_key(canonical: str, name: str) -> str:
    """Same agency, however written: matching key without a leading plural word."""
    key = match_key(canonical or name)
    for lead_word in ("các ", "những "):
        if key.startswith(lead_word):
            key = key[len(lead_word):]
    return key or match_key(name)


def _deadline_fields(task: Task, lang: Lang, as_of: date) -> dict:
    d = task.deadline
    if d is None:
        return {}
    labels = LABELS[lang]
    due = start = None
    display = ""
    if d.kind in ("by", "on"):
        due = _parse_date(d.date)
        display = format_date(due)
    elif d.kind == "period":
        start, due = _parse_date(d.start), _parse_date(d.end)
        if start or due:
            display = labels["period"].format(start=format_date(start), end=format_date(due))
    elif d.kind == "recurring":
        display = FREQUENCY_LABELS[lang].get(d.frequency or "", labels["recurring"])
    elif d.kind in ("ongoing", "conditional"):
        display = labels[d.kind]
    return {
        "deadline_text": d.text,
        "deadline_kind": d.kind,
        "due": due,
        "start": start,
        "frequency": d.frequency,
        "deadline_display": display,
        "past": bool(due and due < as_of),
    }


def low_confidence_note(task: Task, lang: Lang) -> str:
    """The Notes cell of a task the learned model doubts (see :mod:`directive_nlp.learn.confidence`)."""
    from .learn.confidence import MARK, is_low

    if not is_low(task):
        return ""
    return f"{MARK} " + ("độ tin cậy thấp: kiểm tra trước" if lang == "vi" else "low confidence: check first")


def build_checklist(result: ExtractionResult, *, as_of: Optional[date] = None, lang: Lang = "vi") -> Checklist:
    """Group a result's tasks by agency, lead tasks first, unassigned last.

    Agencies are grouped by their normalised name, so "Sở Tài chính" and
    "sở tài chính" make one group; groups come in the order the document
    first names them. A task without an agency is kept in a flagged group,
    never dropped (OUTPUT.md: reports flag them).
    """
    if lang not in LABELS:
        raise InputError(f"unknown language '{lang}'; use vi or en")
    as_of = as_of or date.today()
    result = ExtractionResult.model_validate(_clean_obj(result.model_dump()))
    groups: dict[str, ChecklistGroup] = {}
    unassigned = ChecklistGroup(agency=LABELS[lang]["unassigned"], key="", unassigned=True)
    per_role: dict[str, dict[str, list[ChecklistItem]]] = {}
    upcoming: dict[tuple, UpcomingDeadline] = {}
    recurring = 0

    for task in result.tasks:
        dl = _deadline_fields(task, lang, as_of)
        if task.deadline and task.deadline.kind == "recurring":
            recurring += 1
        base = {
            "task_id": task.id,
            "task": task.task,
            "sentence": task.sentence,
            "section": task.section,
            "page": task.page,
            "report_to": list(task.report_to),
            "notes": low_confidence_note(task, lang),
            **dl,
        }
        next_due = dl.get("due")
        if task.deadline and task.deadline.kind == "recurring":
            next_due = next_occurrence(task.deadline.text, task.deadline.frequency, as_of)
        if next_due and next_due >= as_of:
            upcoming[(next_due, task.id)] = UpcomingDeadline(
                due=next_due, deadline_text=task.deadline.text if task.deadline else "",
                task_id=task.id, task=task.task, agencies=[a.name for a in task.agencies],
            )
        seen: set[str] = set()
        named = [a.model_copy(update={"name": " ".join(a.name.split())}) for a in task.agencies if a.name.strip()]
        if not named:
            unassigned.items.append(ChecklistItem(**base))
            continue
        for a in named:
            key = _group_key(a.canonical, a.name)
            if key in seen:  # the same body named twice in one task: one row
                continue
            seen.add(key)
            g = groups.get(key)
            if g is None:
                g = groups[key] = ChecklistGroup(agency=_display_name(a.name), key=key)
                per_role[key] = {"lead": [], "support": []}
            if a.name not in g.names:
                g.names.append(a.name)
            partners = []
            for o in named:
                if o is a or _group_key(o.canonical, o.name) == key:
                    continue
                label = o.name
                if a.role == "support" and o.role == "lead":
                    label = f"{o.name} ({LABELS[lang]['chairs']})"
                if label not in partners:
                    partners.append(label)
            item = ChecklistItem(**base, agency=a.name, role=a.role, partners=partners)
            per_role[key][a.role].append(item)

    out: list[ChecklistGroup] = []
    for key, g in groups.items():
        g.items = per_role[key]["lead"] + per_role[key]["support"]
        g.lead, g.support = len(per_role[key]["lead"]), len(per_role[key]["support"])
        out.append(g)
    if unassigned.items:
        unassigned.lead = len(unassigned.items)
        out.append(unassigned)

    doc: DocumentMeta = result.document
    summary = ChecklistSummary(
        doc_type=doc.doc_type,
        number=doc.number,
        issued_date=doc.issued_date,
        issuer=doc.issuer,
        title=doc.title,
        province=doc.province,
        source=Path(result.source.path).name if result.source.path else None,
        as_of=as_of,
        tasks=len(result.tasks),
        unassigned=len(unassigned.items),
        recurring=recurring,
        counts=[
            AgencyCount(agency=g.agency, lead=g.lead, support=g.support, total=len(g.items), unassigned=g.unassigned)
            for g in out
        ],
        next_deadlines=[upcoming[k] for k in sorted(upcoming)][:NEXT_DEADLINES],
    )
    return Checklist(lang=lang, as_of=as_of, summary=summary, groups=out)


# ---------------------------------------------------------------------------
# Shared helpers for the writers
# ---------------------------------------------------------------------------


def _doc_label(s: ChecklistSummary, lang: Lang) -> str:
    """'Kế hoạch số 12/KH-UBND ngày 05/3/2025 của UBND tỉnh X' (what is known of it)."""
    if lang == "vi":
        parts = [s.doc_type or "Văn bản"]
        if s.number:
            parts.append(f"số {s.number}")
        d = _parse_date(s.issued_date)
        if d:
            parts.append(f"ngày {format_date(d)}")
        if s.issuer:
            parts.append(f"của {s.issuer}")
    else:
        parts = [s.doc_type or "Document"]
        if s.number:
            parts.append(f"No. {s.number}")
        d = _parse_date(s.issued_date)
        if d:
            parts.append(f"of {format_date(d)}")
        if s.issuer:
            parts.append(f"by {s.issuer}")
    return " ".join(parts)


def _summary_pairs(cl: Checklist) -> list[tuple[str, str]]:
    s, L = cl.summary, cl.labels()
    unknown = L["unknown"]
    d = _parse_date(s.issued_date)
    return [
        (L["doc_type"], s.doc_type or unknown),
        (L["number"], s.number or unknown),
        (L["issued_date"], format_date(d) if d else (s.issued_date or unknown)),
        (L["issuer"], s.issuer or unknown),
        (L["doc_title"], s.title or unknown),
        (L["source"], s.source or unknown),
        (L["as_of"], format_date(s.as_of)),
        (L["tasks_total"], str(s.tasks)),
        (L["unassigned_count"], str(s.unassigned)),
    ]


def _role_label(item: ChecklistItem, L: dict[str, str]) -> str:
    return L[item.role] if item.role else ""


def _flat_header(L: dict[str, str]) -> list[str]:
    return [
        L["no"], L["agency"], L["role"], L["task"], L["section"], L["deadline_text"], L["due"],
        L["frequency"], L["partners"], L["report_to"], L["status"], L["notes"], L["task_id"],
    ]


def _flat_row(n: int, g: ChecklistGroup, it: ChecklistItem, cl: Checklist) -> list:
    L = cl.labels()
    freq = FREQUENCY_LABELS[cl.lang].get(it.frequency or "", "") if it.frequency else ""
    if it.deadline_kind == "recurring" and not freq:
        freq = L["recurring"]
    return [
        n,
        it.agency or g.agency,
        _role_label(it, L),
        it.task,
        it.section,
        it.deadline_text or "",
        it.due,
        freq,
        "; ".join(it.partners),
        "; ".join(it.report_to),
        it.status,
        it.notes,
        it.task_id,
    ]


# ---------------------------------------------------------------------------
# CSV, Markdown, JSON
# ---------------------------------------------------------------------------


def to_csv(cl: Checklist) -> bytes:
    """One row per task and agency; UTF-8 with BOM so Excel shows Vietnamese right."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(_flat_header(cl.labels()))
    n = 0
    for g in cl.groups:
        for it in g.items:
            n += 1
            row = [sheet_text(v) for v in _flat_row(n, g, it, cl)]
            row[6] = format_date(row[6])
            w.writerow(row)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _md_cell(text: object) -> str:
    return str(text or "").replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def to_markdown(cl: Checklist) -> bytes:
    L, s = cl.labels(), cl.summary
    out = [f"# {L['title']}", "", f"_{L['attached'].format(doc=_doc_label(s, cl.lang))}_", "", f"## {L['summary']}", ""]
    out += [f"- **{k}:** {_md_cell(v)}" for k, v in _summary_pairs(cl)]
    out += ["", f"### {L['counts']}", "", f"| {L['agency']} | {L['lead']} | {L['support']} | {L['total']} |", "|---|---:|---:|---:|"]
    for c in s.counts:
        name = f"⚠ {c.agency}" if c.unassigned else c.agency
        out.append(f"| {_md_cell(name)} | {c.lead} | {c.support} | {c.total} |")
    out += ["", f"### {L['next_deadlines']}", ""]
    if s.next_deadlines:
        for u in s.next_deadlines:
            who = ", ".join(u.agencies) or L["unassigned"]
            out.append(f"- **{format_date(u.due)}** — {_md_cell(who)}: {_md_cell(u.task)} ({_md_cell(u.deadline_text)})")
    else:
        out.append(L["no_next"].format(as_of=format_date(s.as_of)))
    if s.recurring:
        out += ["", L["recurring_note"].format(n=s.recurring)]
    header = [L["no"], L["role"], L["task"], L["section"], L["deadline_text"], L["deadline"], L["partners"], L["report_to"], L["status"], L["notes"]]
    for g in cl.groups:
        out += ["", f"## {'⚠ ' if g.unassigned else ''}{g.agency}", ""]
        if g.unassigned:
            out += [f"> {L['unassigned_flag']}", ""]
        out += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for i, it in enumerate(g.items, 1):
            dl = it.deadline_display + (f" ({L['overdue']})" if it.past else "")
            cells = [i, _role_label(it, L), it.task, it.section, it.deadline_text, dl,
                     "; ".join(it.partners), "; ".join(it.report_to), it.status, it.notes]
            out.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    out += ["", f"_{L['draft_note']}_", ""]
    return "\n".join(out).encode("utf-8")


def to_json(cl: Checklist) -> bytes:
    return (cl.model_dump_json(indent=2) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------
# DOCX
# ---------------------------------------------------------------------------

DOCX_FONT = "Times New Roman"
DOCX_SIZE_PT = 13
DOCX_TITLE_PT = 14


def _set_run_font(run, size: Optional[float] = None, bold: Optional[bool] = None, italic: Optional[bool] = None) -> None:
    """Size and emphasis of a run; the face (Times New Roman, every script
    slot) comes from the Normal style, so runs do not repeat it (a 500-row
    checklist would otherwise spend most of its time writing fonts)."""
    from docx.shared import Pt

    if size and size != DOCX_SIZE_PT:
        run.font.size = Pt(size)
    if bold:
        run.bold = True
    if italic:
        run.italic = True


def _add_page_field(paragraph, size: float = DOCX_SIZE_PT) -> None:
    """A PAGE field (Word and LibreOffice fill in the page number)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def fld(kind: str):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    run = paragraph.add_run()
    _set_run_font(run, size)
    run._r.append(fld("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run2 = paragraph.add_run()
    _set_run_font(run2, size)
    run2._r.append(instr)
    run3 = paragraph.add_run()
    _set_run_font(run3, size)
    run3._r.append(fld("separate"))
    run4 = paragraph.add_run("1")
    _set_run_font(run4, size)
    run5 = paragraph.add_run()
    _set_run_font(run5, size)
    run5._r.append(fld("end"))


def _shade(cell, hex_fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_fill)
    tcpr.append(shd)


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def _set_widths(table, widths) -> None:
    """Fix column widths in the grid and every cell: LibreOffice reads the
    grid, Word the cells; without both the columns come out equal."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table.autofit = False
    grid = table._tbl.tblGrid
    cols = grid.findall(qn("w:gridCol"))
    for col, w in zip(cols, widths):
        col.set(qn("w:w"), str(int(w.twips)))
    tblpr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = w


def _cell_text(cell, text: str, *, bold: bool = False, italic: bool = False, size: float = DOCX_SIZE_PT, center: bool = False) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = cell.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_run_font(p.add_run(text), size, bold, italic)


def to_docx(cl: Checklist) -> bytes:
    """A Word file laid out like a Vietnamese office annex.

    A4 landscape (eight columns do not fit portrait at 13 pt), margins of
    Decree 30/2020 (top/bottom 2 cm, left 3 cm, right 1.5 cm), Times New
    Roman 13 pt (title 14 pt), the document's number and date plus the page
    number (a PAGE field) in the header, one table per agency with the header
    row repeated on every page.
    """
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    L, s = cl.labels(), cl.summary
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = DOCX_FONT
    style.font.size = Pt(DOCX_SIZE_PT)
    from docx.oxml.ns import qn

    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), DOCX_FONT)
    style.paragraph_format.space_after = Pt(4)

    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
    sec.left_margin, sec.right_margin = Cm(3.0), Cm(1.5)
    sec.header_distance = Cm(1.0)

    # header (top centre, as Vietnamese documents number pages): the
    # document's number and date, then the page number
    header = sec.header
    hp = header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    hp.paragraph_format.space_after = Pt(0)
    d = _parse_date(s.issued_date)
    head = f"{L['number']}: {s.number or L['unknown']} — {L['issued_date']}: {format_date(d) if d else L['unknown']}"
    _set_run_font(hp.add_run(head + "   |   "), DOCX_SIZE_PT, italic=True)
    _set_run_font(hp.add_run(f"{L['page']} "), DOCX_SIZE_PT)
    _add_page_field(hp)

    # title block
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_run_font(p.add_run(L["title"]), DOCX_TITLE_PT, bold=True)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _set_run_font(p.add_run(L["attached"].format(doc=_doc_label(s, cl.lang))), DOCX_SIZE_PT, italic=True)
    if s.title:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _set_run_font(p.add_run(s.title), DOCX_SIZE_PT, bold=True)

    # summary
    p = doc.add_paragraph()
    _set_run_font(p.add_run(f"I. {L['summary'].upper()}"), DOCX_SIZE_PT, bold=True)
    for k, v in _summary_pairs(cl):
        p = doc.add_paragraph()
        p.paragraph_format.space_after = Pt(0)
        _set_run_font(p.add_run(f"{k}: "), DOCX_SIZE_PT, bold=True)
        _set_run_font(p.add_run(v), DOCX_SIZE_PT)

    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(6)
    _set_run_font(p.add_run(L["counts"]), DOCX_SIZE_PT, bold=True, italic=True)
    t = doc.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, text in zip(t.rows[0].cells, [L["no"], L["agency"], L["lead"], L["support"], L["total"]]):
        _cell_text(c, text, bold=True, center=True)
        _shade(c, "D9E2F3")
    _repeat_header(t.rows[0])
    for i, c in enumerate(s.counts, 1):
        cells = t.add_row().cells
        _cell_text(cells[0], str(i), center=True)
        _cell_text(cells[1], c.agency, italic=c.unassigned)
        for cell, n in zip(cells[2:], (c.lead, c.support, c.total)):
            _cell_text(cell, str(n), center=True)
    _set_widths(t, (Cm(1.3), Cm(14.4), Cm(2.8), Cm(2.8), Cm(2.8)))

    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(6)
    _set_run_font(p.add_run(L["next_deadlines"]), DOCX_SIZE_PT, bold=True, italic=True)
    if s.next_deadlines:
        for u in s.next_deadlines:
            p = doc.add_paragraph()
            p.paragraph_format.space_after = Pt(0)
            p.paragraph_format.left_indent = Cm(0.5)
            _set_run_font(p.add_run(f"- {format_date(u.due)}: "), DOCX_SIZE_PT, bold=True)
            who = ", ".join(u.agencies) or L["unassigned"]
            _set_run_font(p.add_run(f"{who} — {u.task}"), DOCX_SIZE_PT)
    else:
        p = doc.add_paragraph()
        _set_run_font(p.add_run(L["no_next"].format(as_of=format_date(s.as_of))), DOCX_SIZE_PT)
    if s.recurring:
        p = doc.add_paragraph()
        _set_run_font(p.add_run(L["recurring_note"].format(n=s.recurring)), DOCX_SIZE_PT)

    # one table per agency
    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(12)
    _set_run_font(p.add_run(f"II. {L['task'].upper()}"), DOCX_SIZE_PT, bold=True)
    header_cells = [L["no"], L["task"], L["section"], L["deadline"], L["partners"], L["report_to"], L["status"], L["notes"]]
    widths = [Cm(1.3), Cm(8.0), Cm(1.7), Cm(3.4), Cm(3.6), Cm(2.6), Cm(2.4), Cm(2.2)]
    for gi, g in enumerate(cl.groups, 1):
        p = doc.add_paragraph()
        p.paragraph_format.space_before = Pt(10)
        p.paragraph_format.keep_with_next = True
        _set_run_font(p.add_run(f"{gi}. {g.agency}"), DOCX_SIZE_PT, bold=True)
        if g.unassigned:
            p = doc.add_paragraph()
            p.paragraph_format.keep_with_next = True
            _set_run_font(p.add_run(L["unassigned_flag"]), DOCX_SIZE_PT, italic=True)
        t = doc.add_table(rows=1, cols=len(header_cells))
        t.style = "Table Grid"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        for c, text in zip(t.rows[0].cells, header_cells):
            _cell_text(c, text, bold=True, center=True)
            _shade(c, "D9E2F3")
        _repeat_header(t.rows[0])
        for i, it in enumerate(g.items, 1):
            cells = t.add_row().cells
            _cell_text(cells[0], str(i), center=True)
            task_text = it.task
            if it.role == "support":
                task_text = f"[{L['support']}] {task_text}"
            _cell_text(cells[1], task_text)
            _cell_text(cells[2], it.section, center=True)
            dl = it.deadline_text or ""
            if it.deadline_display and it.deadline_display != dl:
                dl = f"{dl}\n({it.deadline_display})" if dl else it.deadline_display
            _cell_text(cells[3], dl, bold=it.past)
            if it.past:
                _shade(cells[3], "F8D7DA")
            _cell_text(cells[4], "; ".join(it.partners))
            _cell_text(cells[5], "; ".join(it.report_to))
            _cell_text(cells[6], it.status)
            _cell_text(cells[7], it.notes)
        _set_widths(t, widths)

    p = doc.add_paragraph()
    p.paragraph_format.space_before = Pt(12)
    _set_run_font(p.add_run(L["draft_note"]), DOCX_SIZE_PT, italic=True)

    doc.core_properties.title = L["title"]
    doc.core_properties.subject = _doc_label(s, cl.lang)
    doc.core_properties.author = "directive-nlp"
    fixed = datetime(cl.as_of.year, cl.as_of.month, cl.as_of.day, tzinfo=timezone.utc)
    doc.core_properties.created = fixed
    doc.core_properties.modified = fixed
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------

_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
SHEET_MAX = 31


def sheet_names(names: list[str], reserved: tuple[str, ...] = ()) -> list[str]:
    """Excel sheet names for ``names``: forbidden characters []:*?/\\ removed,
    cut to 31 characters, no leading/trailing apostrophe, unique ignoring case
    (Excel's rule) also against ``reserved`` names.

    >>> sheet_names(["Sở Nông nghiệp và Phát triển nông thôn tỉnh", "Sở Nông nghiệp và Phát triển nông thôn thành phố"])
    ['Sở Nông nghiệp và Phát triển n', 'Sở Nông nghiệp và Phát triể (2)']
    """
    taken = {r.casefold() for r in reserved} | {"history"}
    out = []
    for name in names:
        base = _SHEET_BAD.sub(" ", unicodedata.normalize("NFC", name))
        base = " ".join(base.split()).strip("'").strip() or "Sheet"
        cand = base[:SHEET_MAX].rstrip().strip("'")
        n = 1
        while cand.casefold() in taken or not cand:
            n += 1
            suffix = f" ({n})"
            cand = base[: SHEET_MAX - len(suffix)].rstrip().strip("'") + suffix
        taken.add(cand.casefold())
        out.append(cand)
    return out


def to_xlsx(cl: Checklist) -> bytes:
    """A workbook a clerk works in.

    Sheets: summary, index (sheet name → full agency name, with links), all
    rows, then one sheet per agency. Every task sheet has one row per task
    and agency, a frozen header, filters, a status drop-down, real dates
    (dd/mm/yyyy) and dates before ``as_of`` filled in red.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    L, s = cl.labels(), cl.summary
    wb = Workbook()
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="D9E2F3")
    past_fill = PatternFill("solid", fgColor="F8D7DA")
    flag_fill = PatternFill("solid", fgColor="FFF3CD")
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")

    # summary
    ws = wb.active
    ws.title = L["summary"]
    ws["A1"] = L["title"]
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = L["attached"].format(doc=_doc_label(s, cl.lang))
    ws["A2"].font = Font(italic=True)
    r = 4
    for k, v in _summary_pairs(cl):
        ws.cell(r, 1, k).font = bold
        ws.cell(r, 2, v)
        r += 1
    r += 1
    ws.cell(r, 1, L["counts"]).font = bold
    r += 1
    for j, h in enumerate([L["agency"], L["lead"], L["support"], L["total"]], 1):
        c = ws.cell(r, j, h)
        c.font, c.fill = bold, head_fill
    for c in s.counts:
        r += 1
        ws.cell(r, 1, c.agency)
        ws.cell(r, 2, c.lead)
        ws.cell(r, 3, c.support)
        ws.cell(r, 4, c.total)
        if c.unassigned:
            for j in range(1, 5):
                ws.cell(r, j).fill = flag_fill
    r += 2
    ws.cell(r, 1, L["next_deadlines"]).font = bold
    if s.next_deadlines:
        for j, h in enumerate([L["due"], L["agency"], L["task"], L["deadline_text"]], 1):
            c = ws.cell(r + 1, j, h)
            c.font, c.fill = bold, head_fill
        r += 1
        for u in s.next_deadlines:
            r += 1
            c = ws.cell(r, 1, u.due)
            c.number_format = "DD/MM/YYYY"
            ws.cell(r, 2, ", ".join(u.agencies) or L["unassigned"])
            ws.cell(r, 3, sheet_text(u.task))
            ws.cell(r, 4, u.deadline_text)
    else:
        r += 1
        ws.cell(r, 1, L["no_next"].format(as_of=format_date(s.as_of)))
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 60
    ws.column_dimensions["D"].width = 24

    # sheet names
    index_title, all_title = L["index"], L["all"]
    names = sheet_names([g.agency for g in cl.groups], reserved=(ws.title, index_title, all_title))

    idx = wb.create_sheet(index_title)
    for j, h in enumerate([L["sheet"], L["full_name"], L["lead"], L["support"], L["total"]], 1):
        c = idx.cell(1, j, h)
        c.font, c.fill = bold, head_fill
    for i, (g, sn) in enumerate(zip(cl.groups, names), 2):
        c = idx.cell(i, 1, sn)
        c.hyperlink = f"#'{sn}'!A1"
        c.style = "Hyperlink"
        idx.cell(i, 2, g.agency)
        idx.cell(i, 3, g.lead)
        idx.cell(i, 4, g.support)
        idx.cell(i, 5, len(g.items))
        if g.unassigned:
            idx.cell(i, 2).fill = flag_fill
    idx.freeze_panes = "A2"
    idx.column_dimensions["A"].width = 34
    idx.column_dimensions["B"].width = 70

    header = _flat_header(L)
    widths = [6, 30, 11, 60, 9, 26, 12, 14, 30, 20, 18, 24, 7]
    status_col = header.index(L["status"]) + 1
    due_col = header.index(L["due"]) + 1
    choices = STATUS_CHOICES[cl.lang]

    def task_sheet(title: str, groups: list[ChecklistGroup]) -> None:
        sh = wb.create_sheet(title)
        for j, h in enumerate(header, 1):
            c = sh.cell(1, j, h)
            c.font, c.fill, c.border = bold, head_fill, border
            c.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            sh.column_dimensions[get_column_letter(j)].width = widths[j - 1]
        n = 0
        for g in groups:
            for it in g.items:
                n += 1
                row = _flat_row(n, g, it, cl)
                for j, v in enumerate(row, 1):
                    c = sh.cell(n + 1, j, sheet_text(v))
                    c.alignment, c.border = wrap, border
                due = sh.cell(n + 1, due_col)
                due.number_format = "DD/MM/YYYY"
                if it.past:
                    due.fill = past_fill
                    due.font = Font(bold=True, color="9C0006")
                if g.unassigned:
                    sh.cell(n + 1, 2).fill = flag_fill
        sh.freeze_panes = "A2"
        last = max(n + 1, 2)
        sh.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last}"
        dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
        dv.error = " / ".join(choices)
        dv.errorTitle = L["status"]
        dv.prompt = " / ".join(choices)
        dv.promptTitle = L["status"]
        col = get_column_letter(status_col)
        dv.add(f"{col}2:{col}{max(last, 1000 if n else 2)}")
        sh.add_data_validation(dv)
        sh.print_title_rows = "1:1"
        sh.page_setup.orientation = "landscape"
        sh.page_setup.paperSize = sh.PAPERSIZE_A4
        sh.page_setup.fitToWidth = 1
        sh.page_setup.fitToHeight = 0
        sh.sheet_properties.pageSetUpPr.fitToPage = True

    task_sheet(all_title, cl.groups)
    for g, sn in zip(cl.groups, names):
        task_sheet(sn, [g])

    wb.properties.creator = "directive-nlp"
    fixed = datetime(cl.as_of.year, cl.as_of.month, cl.as_of.day)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# ICS
# ---------------------------------------------------------------------------

_RRULES: dict[str, dict] = {
    "daily": {"FREQ": "DAILY"},
    "weekly": {"FREQ": "WEEKLY"},
    "monthly": {"FREQ": "MONTHLY"},
    "quarterly": {"FREQ": "MONTHLY", "INTERVAL": 3},
    "semiannual": {"FREQ": "MONTHLY", "INTERVAL": 6},
    "yearly": {"FREQ": "YEARLY"},
}
_DAY_MONTH = re.compile(r"ngày\s+(\d{1,2})\s*(?:/|-|tháng\s+)(\d{1,2})(?!\s*/\s*\d)", re.I)
_DAY_OF_MONTH = re.compile(r"ngày\s+(\d{1,2})\s+(?:hằng|hàng)\s+tháng", re.I)


def next_occurrence(text: str, frequency: Optional[str], start: date) -> Optional[date]:
    """The first day on or after ``start`` that a recurring deadline names:
    "trước ngày 25/12 hằng năm" → the next 25 December, "trước ngày 10 hằng
    tháng" → the next 10th. None when the text names no day (a bare "hằng
    năm" gives no date to meet)."""
    m = _DAY_MONTH.search(text or "") if frequency == "yearly" else None
    if m:
        day, month = int(m.group(1)), int(m.group(2))
        for year in (start.year, start.year + 1):
            try:
                cand = date(year, month, day)
            except ValueError:
                return None
            if cand >= start:
                return cand
    m = _DAY_OF_MONTH.search(text or "") if frequency in ("monthly", "quarterly", "semiannual") else None
    if m:
        day = int(m.group(1))
        y, mo = start.year, start.month
        for _ in range(3):
            try:
                cand = date(y, mo, day)
            except ValueError:
                cand = None
            if cand and cand >= start:
                return cand
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return None


def _recurring_start(text: str, frequency: str, start: date) -> date:
    """Where an RRULE series starts: the first day the text names on or after
    ``start``, else ``start`` itself."""
    return next_occurrence(text, frequency, start) or start


def to_ics(cl: Checklist, uid_base: str = "") -> bytes:
    """One all-day event per dated deadline (a period: on its end day); a
    recurring deadline with a frequency gets an RRULE starting at the
    document's date (or the first day it names after that); one without a
    frequency, or a deadline whose date is unknown, is listed as a to-do
    without a date, never placed on a day the document does not give."""
    from icalendar import Calendar, Event, Todo, vRecur, vText

    L, s = cl.labels(), cl.summary
    cal = Calendar()
    cal.add("prodid", "-//directive-nlp//checklist//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal_name = f"{L['calendar']}: {_doc_label(s, cl.lang)}"
    cal.add("x-wr-calname", vText(cal_name))
    doc_date = _parse_date(s.issued_date)
    rec_start = doc_date or cl.as_of
    desc = [s.title or "", L["draft_note"]]
    if not doc_date:
        desc.append(L["dtstart_fallback"].format(as_of=format_date(cl.as_of)))
    cal.add("x-wr-caldesc", vText("\n".join(x for x in desc if x)))
    stamp = datetime(cl.as_of.year, cl.as_of.month, cl.as_of.day, tzinfo=timezone.utc)
    base = re.sub(r"[^A-Za-z0-9]+", "-", uid_base or s.number or s.source or "doc").strip("-").lower() or "doc"

    # one calendar entry per task (not per agency): collect agencies per task
    by_task: dict[str, dict] = {}
    for g in cl.groups:
        for it in g.items:
            e = by_task.setdefault(it.task_id, {"item": it, "lead": [], "support": []})
            if it.agency:
                e["lead" if it.role == "lead" else "support"].append(it.agency)
    for tid, e in by_task.items():
        it: ChecklistItem = e["item"]
        if not it.deadline_kind:
            continue
        who = ", ".join(e["lead"]) or L["unassigned"]
        summary = f"{who}: {it.task}"
        lines = [f"{L['task']}: {it.task}", f"{L['deadline_text']}: {it.deadline_text or ''}"]
        if e["lead"]:
            lines.append(f"{L['lead']}: {', '.join(e['lead'])}")
        if e["support"]:
            lines.append(f"{L['support']}: {', '.join(e['support'])}")
        if it.report_to:
            lines.append(f"{L['report_to']}: {', '.join(it.report_to)}")
        if it.section:
            lines.append(f"{L['section']}: {it.section}")
        lines.append(_doc_label(s, cl.lang))
        uid = f"{base}-{re.sub(r'[^A-Za-z0-9]+', '', tid) or 'task'}@directive-nlp"
        if it.due or (it.deadline_kind == "recurring" and it.frequency in _RRULES):
            ev = Event()
            ev.add("uid", uid)
            ev.add("dtstamp", stamp)
            ev.add("summary", summary)
            if it.due:
                ev.add("dtstart", it.due)
                if it.start:
                    lines.insert(2, L["period"].format(start=format_date(it.start), end=format_date(it.due)))
            else:
                first = _recurring_start(it.deadline_text or "", it.frequency or "", rec_start)
                ev.add("dtstart", first)
                ev.add("rrule", vRecur(_RRULES[it.frequency or ""]))
            ev.add("description", "\n".join(lines))
            ev.add("categories", [L["calendar"]])
            cal.add_component(ev)
        elif it.deadline_kind in ("recurring", "by", "on", "period"):
            todo = Todo()
            todo.add("uid", uid)
            todo.add("dtstamp", stamp)
            todo.add("summary", summary)
            note = L["no_event"] if it.deadline_kind == "recurring" else L["undated"]
            todo.add("description", "\n".join([note] + lines))
            todo.add("status", "NEEDS-ACTION")
            cal.add_component(todo)
    return cal.to_ical()


# ---------------------------------------------------------------------------
# Dispatch
# ---------------------------------------------------------------------------

_WRITERS = {
    "docx": to_docx,
    "xlsx": to_xlsx,
    "csv": to_csv,
    "md": to_markdown,
    "ics": to_ics,
    "json": to_json,
}

MEDIA_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
    "json": "application/json",
}


def format_for(path: Union[str, Path]) -> str:
    """The checklist format named by a file's suffix (``.markdown`` = md)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    suffix = {"markdown": "md", "ical": "ics"}.get(suffix, suffix)
    if suffix not in _WRITERS:
        raise InputError(
            f"cannot write a checklist as '.{suffix}'; name the output .docx, .xlsx, .csv, .md, .ics or .json",
            code="unsupported",
            path=str(path),
        )
    return suffix


def render_checklist(
    result: ExtractionResult, fmt: str, *, as_of: Optional[date] = None, lang: Lang = "vi"
) -> bytes:
    """The checklist of ``result`` as the bytes of a file in ``fmt``."""
    if fmt not in _WRITERS:
        raise InputError(f"unknown checklist format '{fmt}'; use one of {', '.join(FORMATS)}", code="unsupported")
    cl = build_checklist(result, as_of=as_of, lang=lang)
    if fmt == "ics":
        return to_ics(cl, uid_base=(result.source.sha256 or "")[:16])
    return _WRITERS[fmt](cl)


def write_checklist(
    result: ExtractionResult,
    path: Union[str, Path],
    *,
    as_of: Optional[date] = None,
    lang: Lang = "vi",
) -> Path:
    """Write the checklist in the format the suffix of ``path`` names."""
    from .io import write_atomic

    fmt = format_for(path)
    write_atomic(path, render_checklist(result, fmt, as_of=as_of, lang=lang))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)  # a shared file, not a private temp file
    return Path(path)


__all__ = [
    "Checklist",
    "ChecklistGroup",
    "ChecklistItem",
    "ChecklistSummary",
    "FORMATS",
    "MEDIA_TYPES",
    "STATUS_CHOICES",
    "build_checklist",
    "format_for",
    "render_checklist",
    "sheet_names",
    "write_checklist",
]
