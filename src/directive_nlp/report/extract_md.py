"""The Markdown report of ``directive-nlp extract --format md``.

Office staff read it in Vietnamese, so Vietnamese is the default
(``--lang en`` for English). One table per section (the task, its lead and
support bodies, its deadline, whom to report to), then one line per agency
(the tasks it leads and supports, its next dated deadline), then the tasks
whose text names no actor. The labels are UI strings of the two languages,
not rule data.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Optional

from ..models import Deadline, ExtractionResult, Task

LANGS = ("vi", "en")

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "no_tasks": "_Không tìm thấy nhiệm vụ nào._",
        "head": "| # | Nhiệm vụ | Chủ trì | Phối hợp | Thời hạn | Báo cáo về |",
        "unassigned_cell": "_(chưa rõ cơ quan)_",
        "by_agency": "Theo cơ quan",
        "agency_head": "| Cơ quan | Chủ trì | Phối hợp | Thời hạn gần nhất |",
        "unassigned": "Nhiệm vụ chưa xác định cơ quan thực hiện (văn bản không nêu ai làm): {ids}",
        "notes": "Ghi chú: {notes}",
        "low": "{mark} = độ tin cậy thấp (mô hình học): kiểm tra các dòng này trước.",
        "preamble": "Phần mở đầu",
        "closing": "Phần cuối",
    },
    "en": {
        "no_tasks": "_No tasks found._",
        "head": "| # | Task | Lead | Support | Deadline | Report to |",
        "unassigned_cell": "_(unassigned)_",
        "by_agency": "By agency",
        "agency_head": "| Agency | Leads | Supports | Next deadline |",
        "unassigned": "Unassigned tasks (the text names no actor): {ids}",
        "notes": "Notes: {notes}",
        "low": "{mark} = low confidence of the learned model: check these rows first.",
        "preamble": "Preamble",
        "closing": "Closing",
    },
}

KINDS: dict[str, dict[str, str]] = {
    "vi": {"by": "trước", "on": "vào ngày", "period": "giai đoạn", "recurring": "định kỳ",
           "ongoing": "thường xuyên", "conditional": "theo điều kiện"},
    "en": {k: k for k in ("by", "on", "period", "recurring", "ongoing", "conditional")},
}

FREQUENCIES: dict[str, dict[str, str]] = {
    "vi": {"daily": "hằng ngày", "weekly": "hằng tuần", "monthly": "hằng tháng", "quarterly": "hằng quý",
           "semiannual": "6 tháng một lần", "yearly": "hằng năm"},
    "en": {"daily": "daily", "weekly": "weekly", "monthly": "monthly", "quarterly": "quarterly",
           "semiannual": "every 6 months", "yearly": "yearly"},
}


def _cell(s: object) -> str:
    return " ".join(str(s).split()).replace("|", "\\|")


def _date(iso: Optional[str], lang: str) -> str:
    """dd/mm/yyyy in Vietnamese (as the documents write dates), ISO in English."""
    if not iso or lang != "vi":
        return iso or ""
    try:
        return date.fromisoformat(iso[:10]).strftime("%d/%m/%Y")
    except ValueError:
        return iso


def deadline_cell(d: Optional[Deadline], lang: str = "vi") -> str:
    """The deadline as written, then its reading in brackets (the date, the
    span, the frequency and stated day, else the kind), once: a reading that
    only repeats the text ("thường xuyên (thường xuyên)") is left out."""
    if d is None:
        return ""
    kind = KINDS[lang].get(d.kind, d.kind)
    if d.kind == "period":
        when = f"{_date(d.start, lang) or '…'} → {_date(d.end, lang) or '…'}"
    elif d.kind == "recurring":
        when = FREQUENCIES[lang].get(d.frequency or "", "")
        if d.day:
            stated = f"{d.day:02d}/{d.month:02d}" if d.month else str(d.day)
            when = f"{when}, {'ngày' if lang == 'vi' else 'day'} {stated}".strip(", ")
    else:
        when = _date(d.date, lang)
    from ..checklist import repeats

    reading = when or kind
    text = _cell(d.text)
    if not reading or repeats(reading, text):
        return text
    return f"{text} ({reading})"


def _section_title(section: str, heading: Optional[str], lang: str) -> str:
    name = LABELS[lang].get(section, section) if section in ("preamble", "closing") else section
    return f"## {name}" + (f" — {_cell(heading)}" if heading else "")


def _task_lines(r: ExtractionResult, lang: str) -> list[str]:
    from ..learn.confidence import flag

    L = LABELS[lang]
    headings = {s.id: s.heading for s in r.sections}
    lines: list[str] = []
    current = None
    for t in r.tasks:
        if t.section != current:
            current = t.section
            lines += ["", _section_title(t.section, headings.get(t.section), lang), "", L["head"],
                      "|---|---|---|---|---|---|"]
        lead = ", ".join(_cell(a.name) for a in t.agencies if a.role == "lead") or L["unassigned_cell"]
        sup = ", ".join(_cell(a.name) for a in t.agencies if a.role == "support")
        lines.append(f"| {flag(t)}{t.id} | {_cell(t.task)} | {lead} | {sup} | {deadline_cell(t.deadline, lang)} | "
                     f"{_cell('; '.join(t.report_to))} |")
    return lines


def _next_date(tasks: list[Task], lang: str) -> str:
    dates = sorted(d for t in tasks if t.deadline for d in [t.deadline.date or t.deadline.end or t.deadline.start] if d)
    return _date(dates[0], lang) if dates else ""


def _agency_lines(r: ExtractionResult, lang: str) -> list[str]:
    by_agency: dict[str, dict] = {}
    for t in r.tasks:
        for a in t.agencies:
            entry = by_agency.setdefault(a.canonical or a.name.lower(), {"name": a.name, "lead": [], "support": []})
            entry[a.role].append(t)
    if not by_agency:
        return []
    lines = ["", f"## {LABELS[lang]['by_agency']}", "", LABELS[lang]["agency_head"], "|---|---|---|---|"]
    for key in sorted(by_agency, key=lambda k: (-len(by_agency[k]["lead"]), k)):
        e = by_agency[key]
        lines.append(f"| {_cell(e['name'])} | {', '.join(t.id for t in e['lead'])} | "
                     f"{', '.join(t.id for t in e['support'])} | {_next_date(e['lead'] + e['support'], lang)} |")
    return lines


def to_markdown(r: ExtractionResult, lang: str = "vi") -> str:
    """A readable report of one result, in ``lang`` (vi or en)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use vi or en")
    L = LABELS[lang]
    title = r.document.title or Path(r.source.path).name
    lines = [f"# {_cell(title)}", ""]
    meta = [x for x in (r.document.doc_type, r.document.number, r.document.issuer,
                        _date(r.document.issued_date, lang)) if x]
    if meta:
        lines += [" · ".join(_cell(x) for x in meta), ""]
    if not r.tasks:
        lines += [L["no_tasks"], ""]
    lines += _task_lines(r, lang) + _agency_lines(r, lang)
    unassigned = [t.id for t in r.tasks if not t.agencies]
    if unassigned:
        lines += ["", L["unassigned"].format(ids=", ".join(unassigned))]
    from ..learn.confidence import MARK, flag

    if any(flag(t) for t in r.tasks):
        lines += ["", L["low"].format(mark=MARK)]
    if r.notes:
        lines += ["", L["notes"].format(notes="; ".join(_cell(n) for n in r.notes))]
    return "\n".join(lines).strip() + "\n"
