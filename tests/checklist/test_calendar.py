"""The calendar puts on a day only what the text dates: recurrences on their
stated day (``Deadline.day`` / ``Deadline.month``), periods as spans, and
everything undated as a to-do. Records are built by hand here, so these
tests do not wait for the deadline parser; the ICS is read back with
``icalendar`` and the recurrences expanded with ``dateutil``."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from dateutil.rrule import rrulestr

from builders import result, task
from directive_nlp.checklist import build_checklist, render_checklist
from directive_nlp.checklist_calendar import next_occurrence, recurrence, stated_day
from directive_nlp.models import Deadline, DocumentMeta, ExtractionResult

ISSUED = date(2025, 9, 10)


def plan(*deadlines: Deadline, issued: date | None = ISSUED) -> ExtractionResult:
    tasks = [task(f"việc {i}", id=f"T{i}", deadline=d, lead="Sở Tư pháp") for i, d in enumerate(deadlines, 1)]
    return result(tasks, sha256="ab" * 32, document=DocumentMeta(issued_date=issued.isoformat() if issued else None))


def calendar_of(plan: ExtractionResult, as_of: date = date(2025, 10, 1)):
    from icalendar import Calendar

    return Calendar.from_ical(render_checklist(plan, "ics", as_of=as_of))


def first_days(event, n: int = 3) -> list[date]:
    start = event.decoded("dtstart")
    rule = rrulestr(event.get("rrule").to_ical().decode(), dtstart=datetime(start.year, start.month, start.day))
    return [d.date() for d in rule[:n]]


def test_yearly_on_its_stated_day_and_month():
    r = plan(Deadline(text="hằng năm (trước ngày 15 tháng 11)", kind="recurring", frequency="yearly", day=15, month=11))
    (ev,) = calendar_of(r).walk("VEVENT")
    assert first_days(ev) == [date(2025, 11, 15), date(2026, 11, 15), date(2027, 11, 15)]
    assert not calendar_of(r).walk("VTODO")


def test_monthly_quarterly_and_semiannual_fall_on_their_days():
    r = plan(Deadline(text="trước ngày 20 hằng tháng", kind="recurring", frequency="monthly", day=20),
             Deadline(text="hằng quý, trước ngày 15 tháng cuối quý", kind="recurring", frequency="quarterly",
                      day=15, month=12),
             Deadline(text="6 tháng, trước ngày 10/6 và 10/12", kind="recurring", frequency="semiannual",
                      day=10, month=6))
    monthly, quarterly, semi = calendar_of(r).walk("VEVENT")
    assert first_days(monthly) == [date(2025, 9, 20), date(2025, 10, 20), date(2025, 11, 20)]
    assert first_days(quarterly, 4) == [date(2025, 9, 15), date(2025, 12, 15), date(2026, 3, 15), date(2026, 6, 15)]
    assert first_days(semi) == [date(2025, 12, 10), date(2026, 6, 10), date(2026, 12, 10)]


def test_a_day_past_28_falls_on_the_last_day_of_a_short_month():
    r = plan(Deadline(text="trước ngày 30 hằng tháng", kind="recurring", frequency="monthly", day=30),
             issued=date(2026, 1, 5))
    (ev,) = calendar_of(r, as_of=date(2026, 1, 5)).walk("VEVENT")
    assert first_days(ev) == [date(2026, 1, 30), date(2026, 2, 28), date(2026, 3, 30)]


def test_a_period_is_one_span_not_an_event_on_its_last_day():
    r = plan(Deadline(text="giai đoạn 2026-2030", kind="period", start="2026-01-01", end="2030-12-31"))
    (ev,) = calendar_of(r).walk("VEVENT")
    assert ev.decoded("dtstart") == date(2026, 1, 1)
    assert ev.decoded("dtend") == date(2031, 1, 1)  # DTEND of an all-day event is exclusive
    assert "01/01/2026 – 31/12/2030" in str(ev.get("description"))


def test_a_dated_deadline_is_one_day():
    r = plan(Deadline(text="trước ngày 30/6/2026", kind="by", date="2026-06-30"))
    (ev,) = calendar_of(r).walk("VEVENT")
    assert (ev.decoded("dtstart"), ev.decoded("dtend")) == (date(2026, 6, 30), date(2026, 7, 1))


@pytest.mark.parametrize("deadline", [
    Deadline(text="hằng năm", kind="recurring", frequency="yearly"),
    Deadline(text="định kỳ", kind="recurring"),
    Deadline(text="hằng quý", kind="recurring", frequency="quarterly", day=15),  # a day but no month to anchor
    Deadline(text="trước ngày ký", kind="by"),
])
def test_what_the_text_does_not_date_is_a_todo_never_on_the_issue_date(deadline):
    cal = calendar_of(plan(deadline))
    assert not cal.walk("VEVENT")
    (todo,) = cal.walk("VTODO")
    assert todo.get("dtstart") is None and todo.get("due") is None


@pytest.mark.parametrize("deadline", [
    Deadline(text="thường xuyên", kind="ongoing"),
    Deadline(text="sau khi Nghị định được ban hành", kind="conditional"),
])
def test_ongoing_and_conditional_deadlines_stay_off_the_calendar(deadline):
    cal = calendar_of(plan(deadline))
    assert not cal.walk("VEVENT") and not cal.walk("VTODO")


def test_stated_day_from_fields_then_from_text_and_not_from_a_date():
    assert stated_day("hằng năm", "yearly", 15, 11) == (15, 11)
    assert stated_day("trước ngày 25/12 hàng năm", "yearly") == (25, 12)
    assert stated_day("trước ngày 10 hằng tháng", "monthly") == (10, None)
    assert stated_day("trước ngày 25/12/2025", "yearly") == (None, None)  # a full date is not a yearly day
    assert stated_day("hằng năm", "yearly") == (None, None)
    assert recurrence("hằng quý", "quarterly", 15, None) is None
    assert next_occurrence("", "yearly", date(2025, 11, 16), 15, 11) == date(2026, 11, 15)


def test_the_checklist_shows_the_stated_day_beside_the_frequency():
    r = plan(Deadline(text="hằng năm (trước ngày 15 tháng 11)", kind="recurring", frequency="yearly", day=15, month=11))
    (item,) = build_checklist(r, as_of=date(2025, 10, 1)).rows()
    assert item.deadline_display == "hằng năm, ngày 15/11"
    cl = build_checklist(r, as_of=date(2025, 10, 1))
    assert [u.due for u in cl.summary.next_deadlines] == [date(2025, 11, 15)]
    rows = list(csv.DictReader(io.StringIO(render_checklist(r, "csv", as_of=date(2025, 10, 1)).decode("utf-8-sig"))))
    assert rows[0]["Tần suất"] == "hằng năm, ngày 15/11"


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("prefix", ["13_", "18_"])
def test_extra_plans_calendar_parses_with_recurrences_on_their_stated_days(shared_extra, prefix):
    """Extra 13 and 18 read from Markdown: the ICS parses, every recurring
    event falls on the day its deadline states, and no event sits on the
    issue date unless a deadline names that day."""
    from directive_nlp.pipeline import extract

    (path,) = sorted(shared_extra.glob(f"{prefix}*.md"))
    result = extract(path)
    cal = calendar_of(result, as_of=date(2025, 1, 1))
    tasks = {t.id: t for t in result.tasks}
    dated_days = {date.fromisoformat(d) for t in result.tasks if t.deadline
                  for d in (t.deadline.date, t.deadline.start, t.deadline.end) if d}
    issued = date.fromisoformat(result.document.issued_date) if result.document.issued_date else None
    for ev in cal.walk("VEVENT"):
        tid = str(ev.get("uid")).split("@")[0].split("-")[-1]
        dl = tasks[tid].deadline
        if ev.get("rrule"):
            day, month = stated_day(dl.text, dl.frequency, dl.day, dl.month)
            assert day and all(d.day == min(day, 28) or d.day == day for d in first_days(ev, 6)), dl
            if month and dl.frequency == "yearly":
                assert {d.month for d in first_days(ev)} == {month}
        elif issued is not None and ev.decoded("dtstart") == issued:
            assert issued in dated_days
