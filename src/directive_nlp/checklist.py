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

from .agencies import agency_key
from .checklist_calendar import next_occurrence, stated_day
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
        "no_event": "Định kỳ, văn bản không nêu ngày (không tạo lịch)",
        "on_day": "ngày {day}",
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
        "no_event": "Recurring, the document states no day (no calendar event)",
        "on_day": "on {day}",
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
    day: Optional[int] = Field(None, description="Stated day of a recurring deadline.")
    month: Optional[int] = Field(None, description="Stated month of a yearly (or 6-monthly, quarterly) one.")
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
    """Same agency, however written: :func:`directive_nlp.agencies.agency_key`."""
    return agency_key(canonical or name) or match_key(name)


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
        day, month = stated_day(d.text, d.frequency, d.day, d.month)
        if day:
            display += ", " + labels["on_day"].format(day=f"{day:02d}/{month:02d}" if month else str(day))
    elif d.kind in ("ongoing", "conditional"):
        display = labels[d.kind]
    return {
        "deadline_text": d.text,
        "deadline_kind": d.kind,
        "due": due,
        "start": start,
        "frequency": d.frequency,
        "day": d.day,
        "month": d.month,
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
    never dropped (docs/output-contract.md: reports flag them).
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
            d = task.deadline
            next_due = next_occurrence(d.text, d.frequency, as_of, d.day, d.month)
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


_LEADING_ZERO = re.compile(r"(?<!\d)0(\d)")


def _reading_key(text: str) -> str:
    return _LEADING_ZERO.sub(r"\1", " ".join(match_key(text).split()))


def repeats(reading: str, text: str) -> bool:
    """True when ``reading`` only repeats what ``text`` says (case, tone
    placement, punctuation and leading zeros aside): "thường xuyên" in
    "Thường xuyên", "30/06/2025" in "trước ngày 30/6/2025"."""
    return _reading_key(reading) in _reading_key(text)


def deadline_reading(it: ChecklistItem) -> str:
    """The reading of a deadline (date, span, frequency) when it adds
    something to the text as written, else "" ("Thường xuyên" has no
    reading to add; "trước ngày 30/6/2025" needs no "30/06/2025")."""
    shown = it.deadline_display
    if not shown or repeats(shown, it.deadline_text or ""):
        return ""
    return shown


def deadline_cell(it: ChecklistItem) -> str:
    """The deadline as written, and below it the reading only when it adds
    something: "Thường xuyên" once, never "Thường xuyên (thường xuyên)"."""
    text, shown = it.deadline_text or "", deadline_reading(it)
    if not shown:
        return text
    return f"{text}\n({shown})" if text else shown


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
    if it.deadline_kind == "recurring":
        freq = it.deadline_display or freq or L["recurring"]  # with its stated day: "hằng năm, ngày 15/11"
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
            dl = deadline_reading(it) + (f" ({L['overdue']})" if it.past else "")
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


def _docx_page(doc) -> None:
    """Normal style (Times New Roman 13 pt in every script slot) and an A4
    landscape page with the margins of Decree 30/2020."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    style = doc.styles["Normal"]
    style.font.name = DOCX_FONT
    style.font.size = Pt(DOCX_SIZE_PT)
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


def _docx_header(doc, cl: Checklist) -> None:
    """Top centre, as Vietnamese documents number pages: the document's
    number and date, then the page number."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    L, s = cl.labels(), cl.summary
    hp = doc.sections[0].header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    hp.paragraph_format.space_after = Pt(0)
    d = _parse_date(s.issued_date)
    head = f"{L['number']}: {s.number or L['unknown']} — {L['issued_date']}: {format_date(d) if d else L['unknown']}"
    _set_run_font(hp.add_run(head + "   |   "), DOCX_SIZE_PT, italic=True)
    _set_run_font(hp.add_run(f"{L['page']} "), DOCX_SIZE_PT)
    _add_page_field(hp)


def _docx_para(doc, text: str, *, bold: bool = False, italic: bool = False, center: bool = False,
               size: float = DOCX_SIZE_PT, before: Optional[float] = None, after: Optional[float] = None,
               keep: bool = False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if before is not None:
        p.paragraph_format.space_before = Pt(before)
    if after is not None:
        p.paragraph_format.space_after = Pt(after)
    if keep:
        p.paragraph_format.keep_with_next = True
    _set_run_font(p.add_run(text), size, bold, italic)
    return p


def _docx_table(doc, header: list[str]):
    from docx.enum.table import WD_TABLE_ALIGNMENT

    t = doc.add_table(rows=1, cols=len(header))
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for c, text in zip(t.rows[0].cells, header):
        _cell_text(c, text, bold=True, center=True)
        _shade(c, "D9E2F3")
    _repeat_header(t.rows[0])
    return t


def _docx_summary(doc, cl: Checklist) -> None:
    """Title block, the document's particulars, counts per agency, next deadlines."""
    from docx.shared import Cm

    L, s = cl.labels(), cl.summary
    _docx_para(doc, L["title"], bold=True, center=True, size=DOCX_TITLE_PT)
    _docx_para(doc, L["attached"].format(doc=_doc_label(s, cl.lang)), italic=True, center=True)
    if s.title:
        _docx_para(doc, s.title, bold=True, center=True)
    _docx_para(doc, f"I. {L['summary'].upper()}", bold=True)
    for k, v in _summary_pairs(cl):
        p = _docx_para(doc, f"{k}: ", bold=True, after=0)
        _set_run_font(p.add_run(v), DOCX_SIZE_PT)
    _docx_para(doc, L["counts"], bold=True, italic=True, before=6)
    t = _docx_table(doc, [L["no"], L["agency"], L["lead"], L["support"], L["total"]])
    for i, c in enumerate(s.counts, 1):
        cells = t.add_row().cells
        _cell_text(cells[0], str(i), center=True)
        _cell_text(cells[1], c.agency, italic=c.unassigned)
        for cell, n in zip(cells[2:], (c.lead, c.support, c.total)):
            _cell_text(cell, str(n), center=True)
    _set_widths(t, (Cm(1.3), Cm(14.4), Cm(2.8), Cm(2.8), Cm(2.8)))
    _docx_para(doc, L["next_deadlines"], bold=True, italic=True, before=6)
    for u in s.next_deadlines:
        p = _docx_para(doc, f"- {format_date(u.due)}: ", bold=True, after=0)
        p.paragraph_format.left_indent = Cm(0.5)
        _set_run_font(p.add_run(f"{', '.join(u.agencies) or L['unassigned']} — {u.task}"), DOCX_SIZE_PT)
    if not s.next_deadlines:
        _docx_para(doc, L["no_next"].format(as_of=format_date(s.as_of)))
    if s.recurring:
        _docx_para(doc, L["recurring_note"].format(n=s.recurring))


def _docx_groups(doc, cl: Checklist) -> None:
    """One table per agency: its lead tasks, then its support tasks."""
    from docx.shared import Cm

    L = cl.labels()
    _docx_para(doc, f"II. {L['task'].upper()}", bold=True, before=12)
    header = [L["no"], L["task"], L["section"], L["deadline"], L["partners"], L["report_to"], L["status"], L["notes"]]
    widths = [Cm(1.3), Cm(8.0), Cm(1.7), Cm(3.4), Cm(3.6), Cm(2.6), Cm(2.4), Cm(2.2)]
    for gi, g in enumerate(cl.groups, 1):
        _docx_para(doc, f"{gi}. {g.agency}", bold=True, before=10, keep=True)
        if g.unassigned:
            _docx_para(doc, L["unassigned_flag"], italic=True, keep=True)
        t = _docx_table(doc, header)
        for i, it in enumerate(g.items, 1):
            cells = t.add_row().cells
            _cell_text(cells[0], str(i), center=True)
            _cell_text(cells[1], f"[{L['support']}] {it.task}" if it.role == "support" else it.task)
            _cell_text(cells[2], it.section, center=True)
            _cell_text(cells[3], deadline_cell(it), bold=it.past)
            if it.past:
                _shade(cells[3], "F8D7DA")
            for cell, text in zip(cells[4:], ("; ".join(it.partners), "; ".join(it.report_to), it.status, it.notes)):
                _cell_text(cell, text)
        _set_widths(t, widths)


def to_docx(cl: Checklist) -> bytes:
    """A Word file laid out like a Vietnamese office annex.

    A4 landscape (eight columns do not fit portrait at 13 pt), margins of
    Decree 30/2020 (top/bottom 2 cm, left 3 cm, right 1.5 cm), Times New
    Roman 13 pt (title 14 pt), the document's number and date plus the page
    number (a PAGE field) in the header, one table per agency with the header
    row repeated on every page; the column widths fill the text width, so
    Word and LibreOffice print it without a cut column.
    """
    from docx import Document

    doc = Document()
    _docx_page(doc)
    _docx_header(doc, cl)
    _docx_summary(doc, cl)
    _docx_groups(doc, cl)
    _docx_para(doc, cl.labels()["draft_note"], italic=True, before=12)
    doc.core_properties.title = cl.labels()["title"]
    doc.core_properties.subject = _doc_label(cl.summary, cl.lang)
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
    """The workbook, laid out to print on A4: see :mod:`directive_nlp.checklist_xlsx`."""
    from .checklist_xlsx import to_xlsx as workbook

    return workbook(cl)


# ---------------------------------------------------------------------------
# ICS (checklist_calendar.py: only what the text dates goes on a day)
# ---------------------------------------------------------------------------


def to_ics(cl: Checklist, uid_base: str = "") -> bytes:
    """The calendar: see :mod:`directive_nlp.checklist_calendar`."""
    from .checklist_calendar import to_ics as calendar_ics

    return calendar_ics(cl, uid_base)


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
