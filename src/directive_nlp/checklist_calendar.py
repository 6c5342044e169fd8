"""The checklist as a calendar (ICS) that puts on a day only what the text dates.

A Vietnamese plan dates its tasks in four ways, and each becomes its own
kind of calendar entry:

* a day ("trước ngày 30/6/2026"): an all-day event on that day;
* a period ("giai đoạn 2026-2030", "từ tháng 3 đến tháng 6/2026"): one
  all-day event that spans the period, first day to last day — not a single
  event on its last day;
* a recurrence with a stated day ("hằng năm, trước ngày 15 tháng 11",
  "trước ngày 20 hằng tháng"): an RRULE on that day (``Deadline.day`` and
  ``Deadline.month``; when a hand-made JSON lacks them, the day is read from
  the deadline's text), starting at the first such day on or after the
  document's date;
* anything else that is a deadline but names no day — a bare "hằng năm",
  "định kỳ", "trước ngày ... " whose date could not be fixed — is a to-do
  without a date: listed, never placed on the day the plan was issued.

Ongoing ("thường xuyên") and conditional deadlines get no entry at all.
"""

from __future__ import annotations

import calendar as _calendar
import re
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # pragma: no cover
    from .checklist import Checklist, ChecklistItem

#: months of the year a recurrence with a stated month falls in, by frequency
_STEP = {"yearly": 12, "semiannual": 6, "quarterly": 3}
#: the text forms of a stated day, for results made before ``Deadline.day`` existed
_DAY_MONTH = re.compile(r"ngày\s+(\d{1,2})\s*(?:/|-|tháng\s+)(\d{1,2})(?!\d)(?!\s*/\s*\d)", re.I)
_DAY_OF_MONTH = re.compile(r"ngày\s+(\d{1,2})\s+(?:của\s+)?(?:hằng|hàng|mỗi|các)\s+tháng", re.I)


def stated_day(text: str, frequency: Optional[str], day: Optional[int] = None,
               month: Optional[int] = None) -> tuple[Optional[int], Optional[int]]:
    """The (day, month) a recurrence falls on: the record's fields, else what
    its text states ("ngày 25/12" for a yearly one, "ngày 10 hằng tháng" for
    a monthly one); (None, None) when nothing is stated."""
    if day:
        return day, month
    m = _DAY_MONTH.search(text or "") if frequency in _STEP else None
    if m and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12:
        return int(m.group(1)), int(m.group(2))
    m = _DAY_OF_MONTH.search(text or "") if frequency == "monthly" else None
    if m and 1 <= int(m.group(1)) <= 31:
        return int(m.group(1)), None
    return None, None


def _months(frequency: str, month: Optional[int]) -> Optional[list[int]]:
    """The months a recurrence falls in; None when the text does not say
    (a quarterly report "before the 15th" of an unstated month)."""
    if frequency == "monthly":
        return list(range(1, 13))
    if frequency in _STEP and month:
        step = _STEP[frequency]
        first = (month - 1) % step + 1
        return list(range(first, 13, step))
    return None


def _clamped(year: int, month: int, day: int) -> date:
    """The day in that month, or the month's last day when it is shorter
    ("ngày 30 hằng tháng" in February is its last day)."""
    return date(year, month, min(day, _calendar.monthrange(year, month)[1]))


def recurrence(text: str, frequency: Optional[str], day: Optional[int] = None,
               month: Optional[int] = None) -> Optional[tuple[int, list[int]]]:
    """(day, months) of a recurrence that states its day, else None."""
    if not frequency:
        return None
    d, m = stated_day(text, frequency, day, month)
    months = _months(frequency, m) if d else None
    return (d, months) if d and months else None


def next_occurrence(text: str, frequency: Optional[str], start: date, day: Optional[int] = None,
                    month: Optional[int] = None) -> Optional[date]:
    """The first day on or after ``start`` that a recurring deadline names:
    "trước ngày 25/12 hằng năm" → the next 25 December, "trước ngày 10 hằng
    tháng" → the next 10th. None when the text names no day (a bare "hằng
    năm" gives no date to meet)."""
    rec = recurrence(text, frequency, day, month)
    if rec is None:
        return None
    d, months = rec
    for year in (start.year, start.year + 1):
        for mo in months:
            cand = _clamped(year, mo, d)
            if cand >= start:
                return cand
    return None  # pragma: no cover - every month list has a day within a year


def rrule(frequency: str, day: int, months: list[int]) -> dict:
    """The RRULE of a recurrence on ``day`` of ``months`` (a day past 28
    falls on the month's last day in a shorter month)."""
    rule: dict = {"FREQ": "MONTHLY" if len(months) == 12 else "YEARLY"}
    if len(months) != 12:
        rule["BYMONTH"] = months
    if day > 28:
        rule["BYMONTHDAY"] = list(range(28, day + 1))
        rule["BYSETPOS"] = -1
    else:
        rule["BYMONTHDAY"] = day
    return rule


def _entry_lines(cl: "Checklist", it: "ChecklistItem", lead: list[str], support: list[str]) -> list[str]:
    from .checklist import _doc_label

    L = cl.labels()
    lines = [f"{L['task']}: {it.task}", f"{L['deadline_text']}: {it.deadline_text or ''}"]
    for key, names in (("lead", lead), ("support", support), ("report_to", it.report_to)):
        if names:
            lines.append(f"{L[key]}: {', '.join(names)}")
    if it.section:
        lines.append(f"{L['section']}: {it.section}")
    lines.append(_doc_label(cl.summary, cl.lang))
    return lines


def _dated_event(it: "ChecklistItem", rec_start: date):
    """(dtstart, dtend, rrule) of an item the text dates, else None."""
    if it.deadline_kind == "recurring":
        rec = recurrence(it.deadline_text or "", it.frequency, it.day, it.month)
        if rec is None:
            return None
        first = next_occurrence(it.deadline_text or "", it.frequency, rec_start, it.day, it.month)
        return first, first + timedelta(days=1), rrule(it.frequency or "", *rec)
    if it.deadline_kind == "period" and it.start and it.due and it.start <= it.due:
        return it.start, it.due + timedelta(days=1), None  # the whole span
    day = it.due or (it.start if it.deadline_kind == "period" else None)
    return (day, day + timedelta(days=1), None) if day else None


def _tasks(cl: "Checklist") -> dict[str, dict]:
    """One calendar entry per task (not per agency): its agencies by role."""
    by_task: dict[str, dict] = {}
    for g in cl.groups:
        for it in g.items:
            e = by_task.setdefault(it.task_id, {"item": it, "lead": [], "support": []})
            if it.agency:
                e["lead" if it.role == "lead" else "support"].append(it.agency)
    return by_task


def _calendar_head(cl: "Checklist"):
    from icalendar import Calendar, vText

    from .checklist import _doc_label, _parse_date, format_date

    L, s = cl.labels(), cl.summary
    cal = Calendar()
    cal.add("prodid", "-//directive-nlp//checklist//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", vText(f"{L['calendar']}: {_doc_label(s, cl.lang)}"))
    desc = [s.title or "", L["draft_note"]]
    if not _parse_date(s.issued_date):
        desc.append(L["dtstart_fallback"].format(as_of=format_date(cl.as_of)))
    cal.add("x-wr-caldesc", vText("\n".join(x for x in desc if x)))
    return cal


def to_ics(cl: "Checklist", uid_base: str = "") -> bytes:
    """The calendar of a checklist (see the module docstring for what goes
    on a day and what stays a to-do)."""
    from icalendar import Event, Todo, vRecur

    from .checklist import _parse_date, format_date

    L, s = cl.labels(), cl.summary
    cal = _calendar_head(cl)
    rec_start = _parse_date(s.issued_date) or cl.as_of
    stamp = datetime(cl.as_of.year, cl.as_of.month, cl.as_of.day, tzinfo=timezone.utc)
    base = re.sub(r"[^A-Za-z0-9]+", "-", uid_base or s.number or s.source or "doc").strip("-").lower() or "doc"
    for tid, e in _tasks(cl).items():
        it: ChecklistItem = e["item"]
        if it.deadline_kind not in ("by", "on", "period", "recurring"):
            continue  # ongoing and conditional deadlines name no day
        lines = _entry_lines(cl, it, e["lead"], e["support"])
        dated = _dated_event(it, rec_start)
        entry = Event() if dated else Todo()
        entry.add("uid", f"{base}-{re.sub(r'[^A-Za-z0-9]+', '', tid) or 'task'}@directive-nlp")
        entry.add("dtstamp", stamp)
        entry.add("summary", f"{', '.join(e['lead']) or L['unassigned']}: {it.task}")
        if dated:
            start, end, rule = dated
            entry.add("dtstart", start)
            entry.add("dtend", end)
            if rule:
                entry.add("rrule", vRecur(rule))
            if it.deadline_kind == "period" and it.start and it.due:
                lines.insert(2, L["period"].format(start=format_date(it.start), end=format_date(it.due)))
            entry.add("categories", [L["calendar"]])
        else:
            note = L["no_event"] if it.deadline_kind == "recurring" else L["undated"]
            lines.insert(0, note)
            entry.add("status", "NEEDS-ACTION")
        entry.add("description", "\n".join(lines))
        cal.add_component(entry)
    return cal.to_ical()
