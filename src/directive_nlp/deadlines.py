"""Find deadline phrases in Vietnamese directive text and normalise them.

A deadline is one of the kinds of ``docs/output-contract.md``:

======================  ==========================================  =========================
kind                    examples                                    normalised to
======================  ==========================================  =========================
``by``                  "trước ngày 15/6/2024", "chậm nhất ngày …"  ``date``
``on``                  "trong tháng 9/2026", "Quý III/2026",        ``date`` (last day of the
                        "hoàn thành trong năm 2025"                  month, quarter or year)
``period``              "từ 15/12/2019 đến 15/6/2024",               ``start``, ``end`` (``end``
                        "giai đoạn 2026 - 2030",                     null when open-ended)
                        "Năm 2027 và các năm tiếp theo"
``recurring``           "hằng năm", "định kỳ 6 tháng",               ``frequency`` (null for a
                        "trước ngày 30 tháng 11 hàng năm"            bare "định kỳ")
``ongoing``             "thường xuyên", "liên tục", "lâu dài"        —
``conditional``         "sau khi Nghị định … được ban hành"          —
======================  ==========================================  =========================

The vocabulary (quarter names, frequency words, cue words, blockers) lives
in ``resources/vi/deadlines.yaml``; this module compiles it into regular
expressions. Matching is done on characters, not on tokens, so the result
does not depend on word segmentation, and every mention satisfies
``text[m.start:m.end] == m.deadline.text``.

Why the blockers: a directive is full of dates and year words that are not
deadlines — the date of a cited document ("Chỉ thị số 36-CT/TW ngày
16/8/2019"), the horizon inside a programme's name ("Chương trình … giai đoạn
2021-2025", "tầm nhìn đến năm 2050"), a budget line ("chi thường xuyên"),
the nature of the work ("vừa thường xuyên, liên tục và lâu dài"), a condition
of applicability ("khi có đề nghị", "nếu có vướng mắc"). A bare date or year
is therefore a deadline only where a cue opens it or where it stands alone
(a table cell, a "Thời gian thực hiện:" label).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Iterable, Optional

from . import vocab as _vocab
from .models import Deadline, DeadlineMention
from .regex_prefix import preceding_chars, prefixes, trie_regex

__all__ = ["find_deadlines", "parse_deadline", "load_vocabulary", "stays_in_task", "adverbial_cycle"]

_SP = r"[^\S\n]+"  # spaces inside a line: a deadline never crosses a line
_B = r"(?<!(?-i:[\wÀ-ỹ]))"  # word start ((?-i:): see tasks/lexicon.py's _W)
_E = r"(?!(?-i:[\wÀ-ỹ]))"  # word end


_LISTS = (
    "quarter_words", "recurring_prefixes", "ongoing", "ongoing_blockers", "ongoing_after_blockers", "ongoing_tag_nouns",
    "by_cues",
    "until_cues", "on_cues", "completion_words", "period_openers", "period_closers", "period_nouns", "open_end",
    "own_issue_events", "own_document_nouns", "receipt_events", "conditional_openers", "conditional_triggers",
    "conditional_subjects", "conditional_blockers", "progress_phrases", "trigger_openers", "trigger_problems",
    "programme_nouns", "horizon_words", "citation_words", "recurring_blockers", "recurring_blocker_owners",
    "time_label_heads", "time_label_qualifiers", "time_heading_fillers", "periodic_after_blockers", "scope_nouns",
    "case_openers", "case_blockers", "agent_passives", "span_prepositions", "interim_prefixes", "in_force_words", "adverb_hosts", "cycle_term_partners",
    "cycle_positions", "owner_words", "possessive_words", "alternative_words", "term_joiners", "number_labels",
    "range_words", "recent_words", "statutory_limits", "agent_links", "agent_nouns", "scope_prepositions", "cycle_adverb_prefixes", "intensifiers",
    "adhoc_words", "adhoc_qualifiers", "ongoing_tags", "next_period_words", "previous_period_words", "target_nouns", "quantity_units", "target_verbs",
    "target_year_by_cues", "target_year_on_cues", "ongoing_quality_partners", "ongoing_modifier_prepositions",
)
_MAPS = ("quarters", "frequency_units", "month_counts", "number_words", "relative_units", "dates_per_year")


@lru_cache(maxsize=1)
def load_vocabulary() -> dict[str, Any]:
    """The deadline vocabulary (``resources/vi/deadlines.yaml``), parsed and validated once.

    A missing key, an unknown key or a value of the wrong shape is refused
    with one line naming the key (:func:`directive_nlp.vocab.load_vocabulary`).
    """
    required: dict[str, type] = {k: list for k in _LISTS}
    required.update({k: dict for k in _MAPS})
    required["periodic_word"] = str
    return _vocab.load_vocabulary("deadlines.yaml", required=required)


def _alt(words: Iterable[Any]) -> str:
    """A regex alternation of ``words``, longest first, any spaces between words."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(_SP.join(re.escape(p) for p in w.split()) for w in items) + ")"


# --------------------------------------------------------------------------
# time points
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Point:
    """A time point as written: a day, a month, a quarter or a year (year may be unknown)."""

    unit: str  # day | month | quarter | year | yearend ("cuối năm 2025": 31 December)
    year: Optional[int]
    month: Optional[int] = None
    day: Optional[int] = None
    quarter: Optional[int] = None

    def with_year(self, year: Optional[int]) -> "_Point":
        if self.year is not None or year is None:
            return self
        return _Point(self.unit, year, self.month, self.day, self.quarter)

    def first(self) -> Optional[date]:
        if self.year is None:
            return None
        try:
            if self.unit in ("day", "yearend"):
                return date(self.year, self.month, self.day)
            if self.unit == "month":
                return date(self.year, self.month, 1)
            if self.unit == "quarter":
                return date(self.year, 3 * self.quarter - 2, 1)
            return date(self.year, 1, 1)
        except (TypeError, ValueError):
            return None

    def last(self) -> Optional[date]:
        if self.year is None:
            return None
        try:
            if self.unit in ("day", "yearend"):
                return date(self.year, self.month, self.day)
            if self.unit == "month":
                return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
            if self.unit == "quarter":
                m = 3 * self.quarter
                return date(self.year, m, calendar.monthrange(self.year, m)[1])
            return date(self.year, 12, 31)
        except (TypeError, ValueError):
            return None


def _point_re(p: str, quarter_words: str, quarter_names: str) -> str:
    """Regex of one time point whose groups are prefixed with ``p``."""
    sep = r"\s*[/.\-]\s*"
    return (
        "(?:"
        # 05 tháng 3 năm 2026 | 30 tháng 6
        rf"(?:ngày{_SP})?(?<!\d)(?P<{p}wd>\d{{1,2}}){_SP}tháng{_SP}(?P<{p}wm>\d{{1,2}})(?:{_SP}năm{_SP}(?P<{p}wy>\d{{4}}))?(?!\d)"
        # 06/2026 (a month and year, as table cells write it)
        rf"|(?<![\d/.])(?P<{p}xm>\d{{1,2}})\s*/\s*(?P<{p}xy>\d{{4}})(?![\d/])"
        # 15/6/2024 | 30/6
        rf"|(?:ngày{_SP})?(?<![\d/])(?P<{p}nd>\d{{1,2}}){sep}(?P<{p}nm>\d{{1,2}})(?:{sep}(?P<{p}ny>\d{{4}}))?(?![\d/])"
        # tháng 9/2026 | tháng 9 năm 2026 | tháng 9
        rf"|tháng{_SP}(?P<{p}mm>\d{{1,2}})(?:(?:{sep}|{_SP}năm{_SP})(?P<{p}my>\d{{4}}))?(?![\d/])"
        # Quý III/2026 | Quí III-2026 | Quý III Năm 2026 | quý 3
        rf"|{quarter_words}{_SP}(?P<{p}q>{quarter_names}){_E}(?:(?:{sep}|{_SP}năm{_SP}|{_SP})(?P<{p}qy>\d{{4}}))?(?!\d)"
        # cuối năm 2025 (the year's end: its last day, whatever the cue)
        rf"|cuối{_SP}năm{_SP}(?P<{p}ey>\d{{4}})(?!\d)"
        # năm 2026
        rf"|năm{_SP}(?P<{p}y>\d{{4}})(?!\d)"
        ")"
    )


def _point(m: re.Match, p: str, quarters: dict[str, int]) -> Optional[_Point]:
    g = m.groupdict()

    def num(key: str) -> Optional[int]:
        v = g.get(p + key)
        return int(v) if v is not None else None

    if g.get(p + "wd") is not None:
        return _Point("day", num("wy"), num("wm"), num("wd"))
    if g.get(p + "nd") is not None:
        return _Point("day", num("ny"), num("nm"), num("nd"))
    if g.get(p + "mm") is not None:
        return _Point("month", num("my"), num("mm"))
    if g.get(p + "xm") is not None:
        return _Point("month", num("xy"), num("xm"))
    if g.get(p + "q") is not None:
        return _Point("quarter", num("qy"), quarter=quarters[g[p + "q"].upper()])
    if g.get(p + "y") is not None:
        return _Point("year", num("y"))
    if g.get(p + "ey") is not None:
        return _Point("yearend", num("ey"), 12, 31)
    return None


def _valid(pt: Optional[_Point]) -> bool:
    if pt is None:
        return False
    if pt.month is not None and not 1 <= pt.month <= 12:
        return False
    if pt.day is not None and not 1 <= pt.day <= 31:
        return False
    return pt.year is None or 1900 <= pt.year <= 2200


def _iso(d: Optional[date]) -> Optional[str]:
    return d.isoformat() if d else None


# --------------------------------------------------------------------------
# compiled patterns
# --------------------------------------------------------------------------


@dataclass
class _Compiled:
    patterns: list[tuple[str, re.Pattern]]
    quarters: dict[str, int]
    freq_units: dict[str, str]
    month_counts: dict[int, str]
    number_words: dict[str, int]
    ongoing_blockers: re.Pattern
    ongoing_after: re.Pattern
    ongoing_tag: re.Pattern
    ongoing_quality: re.Pattern
    ongoing_modifier: re.Pattern
    conditional_subjects: re.Pattern
    conditional_blockers: re.Pattern
    conditional_triggers: re.Pattern
    programme_nouns: re.Pattern
    horizon: re.Pattern
    citation: re.Pattern
    citation_words: re.Pattern
    recurring_blockers: re.Pattern
    relative_units: dict[str, str]
    own_issue_events: list[str]
    receipt: re.Pattern
    closer: re.Pattern
    periodic_after: re.Pattern
    scope_nouns: re.Pattern
    case_blockers: re.Pattern
    agent_passive: re.Pattern
    span_lead: re.Pattern
    interim_before: re.Pattern
    agent_link: re.Pattern
    statutory: re.Pattern
    agent_noun: re.Pattern
    scope_lead: re.Pattern
    cycle_adverb: re.Pattern
    intensifier: re.Pattern
    in_force: re.Pattern
    owner_after: re.Pattern
    dates_per_year: dict[int, str]
    term_after: re.Pattern
    term_before: re.Pattern


def _parts(v: dict[str, Any]) -> dict[str, Any]:
    """The vocabulary compiled into regex alternations, by role."""
    quarters = {str(k).upper(): int(x) for k, x in v["quarters"].items()}
    qw = _alt(v["quarter_words"])
    qn = "(?:" + "|".join(sorted((re.escape(k) for k in quarters), key=len, reverse=True)) + ")"

    def P(p: str) -> str:
        return _point_re(p, qw, qn)

    by = _alt(v["by_cues"])
    on = _alt(v["on_cues"])
    done = _alt(v["completion_words"])
    opener = _alt(v["period_openers"])
    closer = _alt(v["period_closers"])
    pnoun = _alt(v["period_nouns"])
    open_end = _alt(v["open_end"])
    rec = _alt(v["recurring_prefixes"])
    units = _alt(v["frequency_units"])
    numw = "(?:\\d{1,2}|" + _alt(v["number_words"])[3:-1] + ")"
    periodic = _alt([v["periodic_word"]])
    ongoing = _alt(v["ongoing"])
    c_open = _alt(v["conditional_openers"])
    progress = _alt(v["progress_phrases"])
    dash = r"\s*[-–—]\s*"

    day_month = rf"(?:ngày{_SP})?\d{{1,2}}(?:{_SP}tháng{_SP}|\s*/\s*)\d{{1,2}}(?![\d/])"
    trig_open = _alt(v["trigger_openers"])
    problem = _alt(v["trigger_problems"])
    case_open = _alt(v["case_openers"])
    span = _alt(v["span_prepositions"])
    pos = _alt(v["cycle_positions"])
    nxt = _alt(list(v["next_period_words"]) + list(v["previous_period_words"]))  # the next or the previous period
    return {k: x for k, x in locals().items()}


def _cycle_and_period_patterns(w: dict[str, Any]) -> list[tuple[str, str]]:
    """Rules for cycles, windows, periods and relative limits (name, regex), most specific first."""
    (qw, qn, P, by, done, opener, closer, pnoun, open_end, rec, units, numw, periodic, dash,
     day_month, trig_open, problem, case_open, pos, span, v) = (
        w[k] for k in ("qw", "qn", "P", "by", "done", "opener", "closer", "pnoun", "open_end",
        "rec", "units", "numw", "periodic", "dash", "day_month", "trig_open", "problem", "case_open", "pos", "span", "v"))
    nxt = w["nxt"]
    return [
        # "(định kỳ hằng quý,) trước ngày 20 của tháng cuối quý": a day of a month placed in the cycle
        ("recurring.position_dated",
         rf"{_B}(?:(?:{periodic}{_SP})?{rec}{_SP}{units}\s*,?\s*)?(?:{by}|vào|trong){_SP}ngày{_SP}(?P<rd>\d{{1,2}})"
         rf"{_SP}(?:của{_SP})?tháng{_SP}{pos}{_SP}(?:của{_SP})?(?:{rec}{_SP})?(?P<unit>{units}){_E}(?!\s*(?:[IVX]+\b|[/-]?\s*\d))"),
        # "trước ngày 01 của tháng tiếp theo", "chậm nhất ngày 10 của tháng đầu quý sau": a day of the next
        # month or quarter (a reporting rule: each period's report is due early in the next one)
        ("recurring.position_dated",
         rf"{_B}(?:(?:{periodic}{_SP})?{rec}{_SP}{units}\s*,?\s*)?(?:{by}|vào|trong){_SP}ngày{_SP}(?P<rd>\d{{1,2}})"
         rf"{_SP}(?:của{_SP})?(?:tháng{_SP}{pos}{_SP}(?:của{_SP})?)?(?P<unit>{units}){_SP}{nxt}{_E}(?!{_SP}khi{_E})"),
        # "trước ngày 30 tháng 01 của năm tiếp theo": a day of the next year (each year's report is due then)
        ("recurring.dated",
         rf"{_B}(?:{periodic}{_SP})?(?:{by}|vào|trong){_SP}ngày{_SP}(?P<rd>\d{{1,2}})(?:{_SP}tháng{_SP}|\s*/\s*)"
         rf"(?P<rm>\d{{1,2}}){_SP}(?:của{_SP})?(?P<unit>năm){_SP}{nxt}{_E}(?!{_SP}khi{_E})"),
        # "hằng năm (trước ngày 15 tháng 11)": the cycle, then its stated day in brackets
        ("recurring.unit_dated",
         rf"{_B}(?:{periodic}{_SP})?{rec}{_SP}(?P<unit>{units}){_E}\s*\(\s*(?:{by}|vào|trong){_SP}"
         rf"(?:ngày{_SP})?(?P<rd>\d{{1,2}})(?:(?:{_SP}tháng{_SP}|\s*/\s*)(?P<rm>\d{{1,2}}))?\s*\)"),
        # "Tháng 12 hằng năm", "Quý IV hàng năm" (a table cell, no cue): the month or quarter of a yearly cycle
        ("recurring.dated",
         rf"{_B}(?:tháng{_SP}(?P<rmo>\d{{1,2}})|{qw}{_SP}{qn}{_E}){_SP}{rec}{_SP}(?P<unit>năm){_E}"),
        # "định kỳ trước ngày 01/6 và 15/11 hằng năm": several stated dates a year
        ("recurring.dates",
         rf"{_B}(?:{periodic}{_SP})?(?:{by}|vào){_SP}(?P<dates>{day_month}(?:\s*(?:,|và)\s*{day_month})+)"
         rf"{_SP}{rec}{_SP}năm{_E}"),
        # "nếu có khó khăn, vướng mắc", "trường hợp có vướng mắc": a trigger the work waits for
        ("conditional.trigger",
         rf"{_B}{trig_open}{_SP}{problem}(?:\s*(?:,|và|hoặc)\s*{problem})*{_E}"),
        # a clause that opens with a case: "Trường hợp vượt thẩm quyền, …", "; trong trường hợp X thì …";
        # the case may hold a bracketed note ("Trường hợp phát sinh vướng mắc (chưa có quy định, …) thì …")
        ("conditional.case",
         rf"(?:^|(?<=[\n.;:,|]))[^\S\n]*(?P<case>{case_open}){_SP}(?P<cbody>(?:[^,;:.\n|()]|\([^()\n]*\))+?)"
         rf"(?=\s*(?:,|;|:|\.|$|\n|{_SP}thì{_E}))"),
        # "Từ 01/7/2025", "kể từ tháng 10/2025": a start and no end
        ("period.from", rf"{_B}{opener}{_SP}{P('a')}"),
        # recurring with a day: "(định kỳ) trước ngày 30 tháng 11 hàng năm", "trước ngày 10 hàng tháng"
        ("recurring.dated",
         rf"{_B}(?:{periodic}{_SP})?(?:{by}|vào|trong){_SP}(?:(?:ngày{_SP})?(?P<rd>\d{{1,2}})"
         rf"(?:(?:{_SP}tháng{_SP}|\s*/\s*)(?P<rm>\d{{1,2}}))?|tháng{_SP}(?P<rmo>\d{{1,2}})|{qw}{_SP}{qn}{_E})"
         rf"{_SP}{rec}{_SP}(?P<unit>{units}){_E}"),
        # a year alone in a table cell: "| 2026 |"
        ("on.cell_year", r"(?<=\|)[^\S\n]*(?P<cy>(?:19|20|21)\d\d)[^\S\n]*(?=\||$|\n)"),
        # "từ 15/12/2019 đến 15/6/2024", "từ tháng 11/2025 đến khi kết thúc …", "từ nay đến năm 2030"
        ("period.range",
         rf"{_B}(?:{done}{_SP})?(?:trong{_SP})?{opener}{_SP}(?:(?P<nay>nay)|{P('a')})\s*(?:{_SP}{closer}|[-–—])\s*"
         rf"(?:(?P<until>khi{_SP}[^;.\n|()]+)|{P('b')})"),
        # "từ năm 2026 trở đi", "Năm 2027 và các năm tiếp theo"
        ("period.open",
         rf"{_B}(?:{opener}{_SP})?(?:{P('a')}|(?<![\d/.])(?P<oy>(?:19|20|21)\d\d))\s*{open_end}{_E}"),
        # "Quý IV/2025- Quý II/2026", "tháng 10/2025 - tháng 3/2026"
        ("period.range",
         rf"{_B}(?:trong{_SP})?{P('a')}{dash}{P('b')}"),
        # "từ ngày 08 đến ngày 09 tháng 11 năm 2025", "từ ngày 8 - 10/11/2025"
        ("period.days",
         rf"{_B}{opener}{_SP}ngày{_SP}(?P<d1>\d{{1,2}})(?:{_SP}(?:đến|tới)(?:{_SP}ngày)?{_SP}|{dash})(?P<d2>\d{{1,2}})"
         rf"(?:{_SP}tháng{_SP}|\s*/\s*)(?P<dm>\d{{1,2}})(?:(?:{_SP}năm{_SP}|\s*/\s*)(?P<dy>\d{{4}}))?(?!\d)"),
        # "Tháng 11 - 12/2025", "tháng 11-12 năm 2025"
        ("period.months",
         rf"{_B}(?:trong{_SP})?tháng{_SP}(?P<m1>\d{{1,2}}){dash}(?P<m2>\d{{1,2}})(?:\s*[/.\-]\s*|{_SP}năm{_SP})(?P<my>\d{{4}})(?!\d)"),
        # "giai đoạn 2026 - 2030", "trong thời kỳ 2021-2030", "các năm 2025-2026"
        # a span preposition before a bare range of years: "trong 2025 - 2026", "xuyên suốt 2025 - 2035"
        ("period.noun",
         rf"{_B}(?:(?P<sprep>{span}){_SP}(?=(?:19|20|21)\d\d)|(?:{span}{_SP})?(?:(?:{pnoun})|(?:(?:các|hai|02|2){_SP})?năm)"
         rf"{_SP}(?:từ{_SP})?)(?:năm{_SP})?(?P<y1>\d{{4}})"
         rf"(?:{dash}|{_SP}(?:đến|tới){_SP}(?:năm{_SP})?)(?P<y2>\d{{4}})(?!\d)"),
        # "trong 02 tháng cuối năm 2025 (và những tháng đầu năm 2026)", "6 tháng đầu năm 2024"
        ("period.months_of_year",
         rf"{_B}(?:trong{_SP})?(?P<n>{numw}){_SP}tháng{_SP}(?P<side>cuối|đầu){_SP}năm{_SP}(?P<yy>\d{{4}})"
         rf"(?P<more>{_SP}và{_SP}(?:những|các){_SP}tháng{_SP}đầu{_SP}năm{_SP}\d{{4}})?(?!\d)"),
        # "trong thời hạn 15 ngày kể từ ngày ký", "trong vòng 30 ngày làm việc kể từ khi nhận được …"
        ("relative",
         rf"{_B}(?:{done}{_SP})?(?:trong|chậm nhất|không quá)(?:{_SP}(?:thời{_SP}hạn|vòng))?{_SP}(?P<rn>\d{{1,3}}|{_alt(v['number_words'])[3:-1]})"
         rf"{_SP}(?P<ru>{_alt(v['relative_units'])})(?P<work>{_SP}làm{_SP}việc)?{_SP}(?:kể{_SP})?từ{_SP}(?:ngày|khi){_SP}(?P<event>[^,;.\n|()]+)"),
    ]


def _cue_patterns(w: dict[str, Any]) -> list[tuple[str, str]]:
    """Rules for cue-led dates, bare dates, cycles, ongoing work and conditions (name, regex)."""
    (qw, qn, P, by, on, done, rec, units, numw, periodic, ongoing, c_open, progress, v) = (
        w[k] for k in ("qw", "qn", "P", "by", "on", "done", "rec", "units", "numw", "periodic",
        "ongoing", "c_open", "progress", "v"))
    return [
        # "trước ngày 15/6/2024", "chậm nhất ngày …", "chậm nhất trong tháng 6/2024"
        ("by",
         rf"{_B}(?:{done}{_SP})?{by}{_SP}(?:(?P<within>trong|vào){_SP})?{P('a')}"),
        # "thực hiện đến hết năm 2026", "đến ngày 31/12/2025"
        ("by.until", rf"{_B}{_alt(v['until_cues'])}{_SP}{P('a')}"),
        # "trong tháng 9/2026", "hoàn thành trong năm 2025", "trong Quý I năm 2026", "vào ngày 15/6/2024"
        ("on",
         rf"{_B}(?:{done}{_SP})?{on}{_SP}{P('a')}"),
        ("on",
         rf"{_B}{done}{_SP}{P('a')}"),
        # bare quarter or month with a year: "Quý III Năm 2026", "Tháng 12/2025"
        ("on.bare",
         rf"{_B}(?:{qw}{_SP}(?P<bq>{qn}){_E}(?:\s*[/.\-]\s*|{_SP}năm{_SP}|{_SP})(?P<bqy>\d{{4}})"
         rf"|tháng{_SP}(?P<bm>\d{{1,2}})(?:\s*[/.\-]\s*|{_SP}năm{_SP})(?P<bmy>\d{{4}}))(?!\d)"),
        # a bare day or year standing alone (cell, label value): "15/6/2024", "Năm 2026"
        ("on.alone",
         rf"(?<![^\n|:])[^\S\n]*{P('a')}"),
        # a date alone in brackets after an activity: "hưởng ứng “Ngày Quốc tế …” (ngày 25/11)"
        ("on.bracketed", rf"(?<=\()[^\S\n]*{P('a')}(?=[^\S\n]*\))"),
        # "định kỳ 6 tháng (một lần)", "3 tháng một lần"
        ("recurring.months",
         rf"{_B}(?:{periodic}{_SP}(?P<n1>{numw}){_SP}tháng(?:{_SP}(?:một|1){_SP}lần)?"
         rf"|(?P<n2>{numw}){_SP}tháng{_SP}(?:một|1){_SP}lần"
         rf"|(?:(?P<n3>{numw}){_SP})?tháng\s*/\s*(?:01|1)?\s*lần){_E}"),
        # "mỗi năm một lần", "01 năm/lần", "năm/lần"
        ("recurring.yearly",
         rf"{_B}(?:(?:mỗi|(?:01|1|một)){_SP})?năm(?:{_SP}(?:một|1){_SP}lần|\s*/\s*(?:01|1)?\s*lần){_E}"),
        # "hằng năm", "định kỳ hằng tháng", "định kỳ (hằng năm)"
        ("recurring.unit",
         rf"{_B}(?:{periodic}\s*\(?\s*)?{rec}{_SP}(?P<unit>{units}){_E}\)?"),
        ("recurring.bare", rf"{_B}(?:{_alt(v['cycle_adverb_prefixes'])}{_SP})?{periodic}{_E}"),
        # "thường xuyên", "thường xuyên, liên tục", "liên tục", "lâu dài"
        ("ongoing",
         rf"{_B}{ongoing}(?:\s*,\s*{ongoing})*(?:{_SP}và{_SP}{ongoing})?{_E}"),
        # "có ý kiến trong thời hạn quy định": a time limit set by the law outside the document
        ("conditional.statutory", rf"{_B}{_alt(v['statutory_limits'])}{_E}"),
        # "sau khi Nghị định … được ban hành", "khi Chính phủ … ban hành …"
        ("conditional.event", rf"{_B}(?P<copen>{c_open}){_SP}(?P<cbody>(?:[^;.\n|()]|\([^()\n]*\))+)"),
        ("conditional.progress", rf"{_B}(?:{done}{_SP})?{progress}(?:{_SP}[^,;.\n|()]+|{_E})"),
    ]


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    v = load_vocabulary()
    I = re.IGNORECASE
    w = _parts(v)
    (quarters, closer) = (
        w[k] for k in ("quarters", "closer"))
    pats = _cycle_and_period_patterns(w) + _cue_patterns(w)
    compiled = []
    for name, pat in pats:
        compiled.append((name, re.compile(pat, I)))
    return _Compiled(
        patterns=compiled,
        quarters=quarters,
        freq_units={str(k).lower(): str(x) for k, x in v["frequency_units"].items()},
        month_counts={int(k): str(x) for k, x in v["month_counts"].items()},
        number_words={str(k).lower(): int(x) for k, x in v["number_words"].items()},
        ongoing_blockers=re.compile(_alt(v["ongoing_blockers"]) + r"[\s,]*$", I),
        ongoing_after=re.compile(r"[^\S\n]+" + _alt(v["ongoing_after_blockers"]) + _E, I),
        ongoing_tag=re.compile(r"(?:^|[,;:|(])[^\S\n]*(" + _alt(v["ongoing_tag_nouns"]) + r")[^\S\n]+$", I),
        ongoing_quality=re.compile(_B + _alt(v["ongoing_quality_partners"]) + r"(?:[^\S\n]*,|[^\S\n]+" + _alt(v["term_joiners"]) + r")[^\S\n]*$", I),
        ongoing_modifier=re.compile(r"[^\S\n]+" + _alt(v["ongoing_modifier_prepositions"]) + _E, I),
        conditional_subjects=re.compile(_B + _alt(v["conditional_subjects"]) + _E, I),
        conditional_blockers=re.compile("^" + _alt(v["conditional_blockers"]) + _E, I),
        conditional_triggers=re.compile(_B + _alt(v["conditional_triggers"]) + _E, I),
        programme_nouns=re.compile(_B + _alt(v["programme_nouns"]) + _E, I),
        horizon=re.compile(_alt(v["horizon_words"]) + r"\s*$", I),
        citation=re.compile(
            r"(?:\b" + _alt(v["number_labels"]) + r"\s+\S+\s*|\d+[/\-][A-ZĐ][\w/.\-]*\s*|" + _alt(v["citation_words"]) + r"\s*)$", I
        ),
        citation_words=re.compile(_alt(v["citation_words"]), I),
        relative_units={str(k).lower(): str(x) for k, x in v["relative_units"].items()},
        own_issue_events=[" ".join(str(w).lower().split()) for w in v["own_issue_events"]],
        # "dự toán hằng năm", "ngân sách nhà nước hằng năm": the budget or plan, with its owner at most
        recurring_blockers=re.compile(_B + _alt(v["recurring_blockers"]) + r"(?:[^\S\n]+" + _alt(v["recurring_blocker_owners"])
                                      + r")?\s*$", I),
        receipt=re.compile(_alt(v["receipt_events"]) + _SP + _alt(v["own_document_nouns"]) + _E, I),
        closer=re.compile(r"\s*(?:" + closer + _E + r"|[-–—])", I),
        in_force=re.compile(_B + _alt(v["in_force_words"]) + r"[^\S\n]*$", I),
        interim_before=re.compile(_B + _alt(v["interim_prefixes"]) + r"[^\S\n]+$", I),
        agent_link=re.compile(_B + _alt(v["agent_links"]) + _E, I),
        statutory=re.compile(_alt(v["statutory_limits"]), I),
        intensifier=re.compile(r"(?:^|(?<=[\s(,;:]))(" + _alt(v["intensifiers"]) + r")[^\S\n]+", I),
        cycle_adverb=re.compile(_alt(v["cycle_adverb_prefixes"]) + _SP, I),
        scope_lead=re.compile(_alt(v["scope_prepositions"]) + _E, I),
        agent_noun=re.compile(r"(?:các\s+|những\s+)?" + _alt(v["agent_nouns"]) + _E, I),
        span_lead=re.compile(r"\s*" + _alt(v["span_prepositions"]) + _E, I),
        agent_passive=re.compile(_alt(v["agent_passives"]) + r"[^\S\n]+", I),
        case_blockers=re.compile(r"\s*" + _alt(v["case_blockers"]) + r"\s*", I),
        scope_nouns=re.compile(_B + _alt(v["scope_nouns"]) + _E, I),
        owner_after=re.compile(r"\s*" + _alt(v["owner_words"]) + r"\s+" + _alt(v["programme_nouns"]) + _E, I),
        periodic_after=re.compile(r"\s*(?:,|" + _alt(v["alternative_words"]) + r")?\s*" + _alt(v["periodic_after_blockers"]) + _E, I),
        dates_per_year={int(k): str(x) for k, x in v["dates_per_year"].items()},
        term_after=re.compile(r"[^\S\n]*(?:,|" + _alt(v["term_joiners"]) + r")[^\S\n]*" + _alt(v["cycle_term_partners"]) + _E, I),
        term_before=re.compile(_B + _alt(v["cycle_term_partners"]) + r"[^\S\n]*(?:,|" + _alt(v["term_joiners"]) + r")[^\S\n]*$", I),
    )


# --------------------------------------------------------------------------
# finding
# --------------------------------------------------------------------------


def _clause_before(text: str, start: int) -> str:
    """The text of the current clause before ``start`` (after the last , ; : . | ( or newline)."""
    cut = max(text.rfind(ch, 0, start) for ch in ",;:.|(\n")
    return text[cut + 1 : start]


def _to_year(doc_date: Optional[date]) -> Optional[int]:
    return doc_date.year if doc_date else None


def _number(word: str, c: _Compiled) -> Optional[int]:
    w = " ".join(word.lower().split())
    if w.isdigit():
        return int(w)
    return c.number_words.get(w)


_Made = Optional[tuple[int, int, Deadline]]


@dataclass
class _Ctx:
    """One regex match of one rule, with what its handler needs to judge it."""

    rule: str
    m: re.Match
    text: str
    c: _Compiled
    doc_date: Optional[date]
    start: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        self.start, self.end = self.m.start(), self.m.end()
        self.g = self.m.groupdict()
        self.year = _to_year(self.doc_date)
        self.before = self.text[max(0, self.start - 60) : self.start]
        self.clause = _clause_before(self.text, self.start)

    def cited(self) -> bool:
        """The time dates a cited document ("Nghị định số 15/2025", "Luật … ban hành trong năm 2025"), unless the
        citation word opens its own line, cell or clause: "Ban hành trong năm 2026" in a time or task cell is
        the work and its time (the verb is the task's own act, not a relative clause on a document)."""
        m = self.c.citation.search(self.before)
        if not m:
            return False
        at = self.start - len(self.before) + m.start()
        if not self.c.citation_words.match(self.text, at):
            return True  # a number label or a document number: always a citation
        head = self.text[max(0, at - 200):at]
        cut = max(head.rfind(ch) for ch in "\n|;:")
        return bool(head[cut + 1:].strip(" \t-+*•"))

    def dl(self, kind: str, **kw: Any) -> tuple[int, int, Deadline]:
        """The deadline over the (trimmed) match."""
        s, e, text = self.start, self.end, self.text
        while e > s and text[e - 1] in " \t,":
            e -= 1
        while s < e and text[s] in " \t":
            s += 1
        return s, e, Deadline(text=text[s:e], kind=kind, **kw)


def _stated_day(g: dict, freq: str) -> dict[str, Optional[int]]:
    """The day (and, for a yearly cycle, the month) a recurring deadline states."""
    day = int(g["rd"]) if g.get("rd") else None
    month = int(g["rm"]) if g.get("rm") else (int(g["rmo"]) if g.get("rmo") else None)
    if day is not None and not 1 <= day <= 31:
        day = None
    if month is not None and (not 1 <= month <= 12 or freq != "yearly"):
        month = None
    return {"day": day, "month": month}


def _h_recurring_dated(x: "_Ctx") -> _Made:
    """"trước ngày 30 tháng 11 hàng năm", "(hằng năm) (trước ngày 15 tháng 11)": a cycle with its stated day."""
    g, c, before = x.g, x.c, x.before
    if x.rule == "recurring.dated" and c.recurring_blockers.search(before):
        return None  # "kế hoạch hằng năm (trước ngày 15/11)": the stated day makes it the task's cycle
    freq = c.freq_units[" ".join(g["unit"].lower().split())]
    return x.dl("recurring", frequency=freq, **_stated_day(g, freq))


def _h_recurring_dates(x: "_Ctx") -> _Made:
    """"định kỳ trước ngày 01/6 và 15/11 hằng năm": n stated dates a year give the cycle."""
    n = len(re.findall(r"\d{1,2}(?:\s+tháng\s+|\s*/\s*)\d{1,2}", x.g["dates"], re.IGNORECASE))
    freq = x.c.dates_per_year.get(n)
    if freq is None:
        return None
    return x.dl("recurring", frequency=freq)


_BRACKET_NOTE = re.compile(r"\s*\([^()\n]*\)\s*")


def _h_conditional_case(x: "_Ctx") -> _Made:
    """"Trường hợp vượt thẩm quyền, …" opening a clause: the work waits for the case.

    A case of applicability, nothing but the need ("trường hợp cần thiết"), is no deadline, as "khi
    cần thiết" is not; a need with its event ("Trường hợp cần điều chỉnh Danh mục …") is a case.
    """
    if x.c.case_blockers.fullmatch(_BRACKET_NOTE.sub("", x.g["cbody"])):
        return None  # "trường hợp cần thiết (theo đề nghị của …)": a bracketed note leaves it a case of need
    close = _CASE_CLOSE.match(x.text, x.end)
    if close and all(0 < len(p.split()) <= 8 and not p.strip()[0].isupper() for p in close.group(1).split(",")[1:]):
        x.end = close.end(1)  # "Trường hợp hàng hóa, dịch vụ do một cấp định giá: …": the case runs to its colon or "thì"
    else:
        x.end = _past_problem_list(x.text, x.start, x.end)
    return x.dl("conditional")


@lru_cache(maxsize=1)
def _problem_res() -> tuple[re.Pattern, re.Pattern]:
    problem = _alt(load_vocabulary()["trigger_problems"])
    return (re.compile(rf"{_B}{problem}[^\S\n]*$", re.IGNORECASE),
            re.compile(rf"(?:[^\S\n]*,[^\S\n]*{problem}{_E})+", re.IGNORECASE))


def _past_problem_list(text: str, start: int, end: int) -> int:
    """"trường hợp phát sinh khó khăn, vướng mắc, kịp thời báo cáo …": a case that ends on a problem word
    (``trigger_problems``) goes on over the problems listed after it, as "nếu có khó khăn, vướng mắc" does."""
    last, more = _problem_res()
    if not last.search(text, start, end):
        return end
    m = more.match(text, end)
    return m.end() if m else end


# the rest of a case whose own list holds commas, up to the colon or the "thì" that closes it within the
# clause (short parts that start in lower case only: a body's name or a long part starts the main clause)
_CASE_CLOSE = re.compile(r"((?:,[^,;.:\n|()]{1,80}){1,4}?)\s*(?::|(?=[^\S\n]+thì(?![\wÀ-ỹ])))")


# what may stand before a clause-initial phrase in its clause: nothing, an item label or a bullet
_LABEL_ONLY = re.compile(r"\s*(?:[*_]*(?:[a-zđ]|\d{1,2}|[IVX]{1,4})[.)][*_]*|[-–+•*])?\s*", re.IGNORECASE)


def _h_conditional_trigger(x: "_Ctx") -> _Made:
    """"nếu có khó khăn, vướng mắc": the work waits for a trigger; "Đối với những nội dung vượt thẩm quyền, …"
    only when it opens its clause (after a verb a scope preposition qualifies the object)."""
    if x.c.scope_lead.match(x.text, x.start) and not _LABEL_ONLY.fullmatch(x.clause):
        return None
    return x.dl("conditional")


def _h_period_from(x: "_Ctx") -> _Made:
    """"Từ 01/7/2025": a period with a start and no end (a range with an end is a longer match)."""
    c = x.c
    a = _point(x.m, "a", c.quarters)
    if not _valid(a) or c.closer.match(x.text, x.end) or c.horizon.search(x.before) or x.cited():
        return None
    if c.in_force.search(x.before):
        return None  # "có hiệu lực (thi hành) kể từ ngày …": when a rule takes force, not a task's time
    if a.unit == "day" and not re.search(r"ngày|/", x.text[x.start:x.end]):
        return None
    return x.dl("period", start=_iso(a.with_year(x.year).first()), end=None)


def _h_period_range(x: "_Ctx") -> _Made:
    rule, m, g, text, c = x.rule, x.m, x.g, x.text, x.c
    doc_date, year, before, clause = x.doc_date, x.year, x.before, x.clause
    a = _point(m, "a", c.quarters)
    if g.get("nay") or g.get("oy"):
        first = doc_date
    else:
        if not _valid(a):
            return None
        if c.horizon.search(before):
            return None
        first = None
    if rule == "period.open":
        if x.cited():
            return None
        if g.get("oy"):
            if re.search(r"(?:[-–—/]|\b" + _alt(load_vocabulary()["range_words"]) + r")\s*$", x.text[max(0, x.start - 12) : x.start], re.IGNORECASE):
                return None  # "giai đoạn 2026-2030 và những năm tiếp theo": the range's end, not a start
            return x.dl("period", start=f"{g['oy']}-01-01", end=None)
        return x.dl("period", start=_iso(a.with_year(year).first()), end=None)
    if g.get("until"):
        # "đến khi kết thúc …": open-ended, the event is kept in the text
        return x.dl("period", start=_iso(a.with_year(year).first()) if a else _iso(first), end=None)
    b = _point(m, "b", c.quarters)
    if not _valid(b):
        return None
    if a is not None:
        # "Tháng 11/2025 - tháng 1/2026": a point without a year borrows the other's
        a = a.with_year(b.year)
        b = b.with_year(a.year)
        a, b = a.with_year(year), b.with_year(year)
        first = a.first()
    else:
        b = b.with_year(year)
    if not text[x.start:x.end].lower().lstrip().startswith(("từ", "kể", "bắt", "trong", "hoàn", "xong", "kết")):
        # a bare range "A - B" needs two points of the same kind with years
        # a bare range "A - B" needs two months/quarters with years ("Tháng 9/2026 - Quý II/2027")
        if a is None or a.year is None or b.year is None or "day" in (a.unit, b.unit) or "year" in (a.unit, b.unit):
            return None
        if x.cited() or _programme(clause, c):
            return None
    return x.dl("period", start=_iso(first), end=_iso(b.last()))


def _h_period_days(x: "_Ctx") -> _Made:
    g, year = x.g, x.year
    y = int(g["dy"]) if g.get("dy") else year
    if y is None:
        return x.dl("period", start=None, end=None)
    try:
        s_ = date(y, int(g["dm"]), int(g["d1"]))
        e_ = date(y, int(g["dm"]), int(g["d2"]))
    except ValueError:
        return None
    return x.dl("period", start=_iso(s_), end=_iso(e_))


def _h_period_months(x: "_Ctx") -> _Made:
    g = x.g
    y = int(g["my"])
    try:
        s_ = date(y, int(g["m1"]), 1)
        m2 = int(g["m2"])
        e_ = date(y, m2, calendar.monthrange(y, m2)[1])
    except ValueError:
        return None
    return x.dl("period", start=_iso(s_), end=_iso(e_))


def _h_period_noun(x: "_Ctx") -> _Made:
    g, text, c, before = x.g, x.text, x.c, x.before
    if c.horizon.search(before):
        return None
    # a programme's name may hold commas ("Chương trình phòng, chống tham nhũng giai đoạn …"):
    # look back to the sentence or item boundary, not only to the last comma
    cut = max(text.rfind(ch, 0, x.start) for ch in ";.:|(\n")
    window = text[max(cut + 1, x.start - 160) : x.start]
    if not c.span_lead.match(text, x.start) and (_programme(window, c) or c.scope_nouns.search(window)
                                                 or c.owner_after.match(text, x.end)):
        return None  # "vốn … giai đoạn 2025 - 2030 của Chương trình": the scope of a name or a budget
    y1, y2 = int(g["y1"]), int(g["y2"])
    if y2 < y1 or (g.get("sprep") and y2 - y1 > 30):
        return None
    return x.dl("period", start=date(y1, 1, 1).isoformat(), end=date(y2, 12, 31).isoformat())


def _h_period_months_of_year(x: "_Ctx") -> _Made:
    g, c = x.g, x.c
    n = _number(g["n"], c)
    if not n or n > 12:
        return None
    y = int(g["yy"])
    if g["side"].lower() == "cuối":
        s_, e_ = date(y, 13 - n, 1), date(y, 12, 31)
    else:
        s_, e_ = date(y, 1, 1), date(y, n, calendar.monthrange(y, n)[1])
    return x.dl("period", start=_iso(s_), end=None if g.get("more") else _iso(e_))


def _add(d0: date, n: int, unit: str) -> date:
    """``d0`` plus ``n`` days, weeks or months (a month end stays inside its month)."""
    if unit == "days":
        return d0 + timedelta(days=n)
    if unit == "weeks":
        return d0 + timedelta(weeks=n)
    mo = d0.month - 1 + n
    y, mo = d0.year + mo // 12, mo % 12 + 1
    return date(y, mo, min(d0.day, calendar.monthrange(y, mo)[1]))


def _h_relative(x: "_Ctx") -> _Made:
    """"trong thời hạn 15 ngày kể từ ngày ký": a time limit counted from an event.

    From the document's own signature: ``by`` its date when the document's
    date is known (calendar days), else ``by`` with the date null. From the
    day the recipient gets the document ("kể từ ngày nhận Kế hoạch này"):
    ``by``, date null. From anyone else's act: ``conditional``.
    """
    g, c, doc_date = x.g, x.c, x.doc_date
    n = _number(g["rn"], c)
    unit = c.relative_units.get(" ".join(g["ru"].lower().split()))
    event = " ".join(g["event"].lower().split())
    own = any(event == w or event.startswith(w + " ") and len(event.split()) <= len(w.split()) + 2
              for w in c.own_issue_events)
    if own and doc_date and n and unit and not g.get("work"):
        return x.dl("by", date=_add(doc_date, n, unit).isoformat())
    if own or c.receipt.match(event):
        return x.dl("by")
    return x.dl("conditional")


def _in_doc_year(a: _Point, doc_date: Optional[date]) -> _Point:
    """A point written without its year takes the document's year, or the next one when that would put it
    more than a month before the document was issued ("trước ngày 30 tháng 01" in a plan of December 2025 is
    30 January 2026: a directive sets no deadline in its own past)."""
    if a.year is not None or doc_date is None:
        return a
    p = a.with_year(doc_date.year)
    last = p.last()
    if last is not None and last < doc_date - timedelta(days=31):
        return a.with_year(doc_date.year + 1)
    return p


def _h_by(x: "_Ctx") -> _Made:
    m, g, text, c, year, before = x.m, x.g, x.text, x.c, x.year, x.before
    a = _point(m, "a", c.quarters)
    if not _valid(a):
        return None
    if a.unit == "year" and x.cited():
        return None
    a = _in_doc_year(a, x.doc_date)
    # "trước ngày X" -> X; "chậm nhất (trong) tháng X" -> its last day;
    # "trước tháng X / Quý X / năm X" -> the first day of that unit
    cue = text[x.start:x.end].lower()
    if a.unit == "day":
        d = a.first()
    elif cue.lstrip().startswith(("trước", "hoàn thành trước", "xong trước")) and not g.get("within"):
        d = a.first()
    else:
        d = a.last()
    return x.dl("by", date=_iso(d))


def _h_by_until(x: "_Ctx") -> _Made:
    m, text, c, year, before, clause = x.m, x.text, x.c, x.year, x.before, x.clause
    a = _point(m, "a", c.quarters)
    if not _valid(a):
        return None
    low = text[x.start:x.end].lower()
    if "ngày" in low.split()[1:2] and a.unit != "day":
        return None
    if x.cited() or _programme(clause, c) and a.unit == "year":
        return None  # "Chiến lược … đến hết năm 2030": a horizon inside a name
    line_start = text.rfind("\n", 0, x.start) + 1
    line_end = text.find("\n", x.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if line.strip(" *:.") == text[x.start:x.end].strip() and a.unit == "year":
        return None  # a heading "Đến hết năm 2030" names the plan's horizon
    return x.dl("by", date=_iso(_in_doc_year(a, x.doc_date).last()))


def _h_on(x: "_Ctx") -> _Made:
    m, text, c, year, before, clause = x.m, x.text, x.c, x.year, x.before, x.clause
    a = _point(m, "a", c.quarters)
    if not _valid(a):
        return None
    low = text[x.start:x.end].lower()
    if a.unit == "day" and "ngày" not in low:
        return None  # "trong 15/6" is not how a day is written
    if a.unit == "year" and _programme(clause, c) and not low.lstrip().startswith(("hoàn", "xong", "kết")):
        # "Luật … trong năm 2021", "kế hoạch trong năm 2025": a year naming the object; "trong" or "vào" (at)
        # before it make it the time of the work ("tổng kết việc thực hiện Kế hoạch vào năm 2030")
        if "trong" not in low and not low.lstrip().startswith("vào"):
            return None
    if c.horizon.search(before) or x.cited():
        return None  # "Nghị định mới ban hành trong năm 2025": when a cited text was issued
    a = _in_doc_year(a, x.doc_date)
    return x.dl("on", date=_iso(a.last()))


def _h_on_bare(x: "_Ctx") -> _Made:
    g, c, before, clause = x.g, x.c, x.before, x.clause
    if x.cited() or c.horizon.search(before) or _programme(clause, c):
        return None
    if re.search(r"(?:ngày\s+)?\d{1,2}\s*$", before, re.I):
        return None  # the month of a full date ("ngày 19 tháng 11 năm 2025"): a date line or a citation
    if g.get("bq"):
        pt = _Point("quarter", int(g["bqy"]), quarter=c.quarters[g["bq"].upper()])
    else:
        pt = _Point("month", int(g["bmy"]), int(g["bm"]))
        if not _valid(pt):
            return None
    return x.dl("on", date=_iso(pt.last()))


def _h_on_cell_year(x: "_Ctx") -> _Made:
    g = x.g
    return x.dl("on", date=f"{g['cy']}-12-31")


def _h_on_alone(x: "_Ctx") -> _Made:
    m, text, c, year = x.m, x.text, x.c, x.year
    a = _point(m, "a", c.quarters)
    if not _valid(a) or a.year is None:
        return None  # "2.1" is a section number, not 2 January
    # only a value that fills its cell or label: the rest of the line must not continue the phrase
    rest = text[x.end:].split("\n", 1)[0]
    if rest.strip() and not rest.lstrip().startswith(("|", ".", ";")):
        return None
    a = a.with_year(year)
    return x.dl("on", date=_iso(a.last()))


_CITED_NUMBER = re.compile(r"\d+/\d*[A-ZĐ]")


def _h_on_bracketed(x: "_Ctx") -> _Made:
    """A day or month alone in brackets after an activity ("… (ngày 25/11)", "… (tháng 11/2025)") is when
    it takes place; after a cited text ("Quyết định số 1855/QĐ-TTg (ngày 11/11/2009)") it is an issue date."""
    a = _point(x.m, "a", x.c.quarters)
    if not _valid(a) or a.unit not in ("day", "month"):
        return None
    if _CITED_NUMBER.search(x.before) or x.cited() or x.c.horizon.search(x.before):
        return None
    a = _in_doc_year(a, x.doc_date)
    return x.dl("on", date=_iso(a.last()))


def _h_recurring_months(x: "_Ctx") -> _Made:
    g, c = x.g, x.c
    n = _number(g.get("n1") or g.get("n2") or g.get("n3") or "1", c)
    freq = c.month_counts.get(n or 0)
    if freq is None:
        return None
    return x.dl("recurring", frequency=freq)


def _h_recurring_unit(x: "_Ctx") -> _Made:
    g, text, c, before = x.g, x.text, x.c, x.before
    if c.recurring_blockers.search(before):
        return None
    if re.match(_SP + _alt(load_vocabulary()["possessive_words"]) + _E, text[x.end:], re.I):
        return None  # "hoạt động đấu thầu hàng năm của đơn vị": it qualifies a noun
    if c.term_after.match(text, x.end) or c.term_before.search(before):
        return None  # "trung hạn, hằng năm", "hằng năm và từng giai đoạn": a cycle beside a term qualifies a plan
    s = text[x.start:x.end]
    if s.endswith(")") and "(" not in s:
        x.end -= 1
    return x.dl("recurring", frequency=c.freq_units[" ".join(g["unit"].lower().split())])


def _h_recurring_bare(x: "_Ctx") -> _Made:
    """A bare "định kỳ" (frequency null), unless it names the nature of the work ("định kỳ, đột xuất")."""
    if x.c.periodic_after.match(x.text, x.end):
        return None
    return x.dl("recurring", frequency=None)


def _h_recurring_yearly(x: "_Ctx") -> _Made:
    return x.dl("recurring", frequency="yearly")


def _h_ongoing(x: "_Ctx") -> _Made:
    text, c, before = x.text, x.c, x.before
    tag = c.ongoing_tag.search(before)
    if tag and re.match(r"[^\S\n]*(?:[.;|)]|$)", text[x.end:]):
        # "…, nhiệm vụ thường xuyên;" / "| Nhiệm vụ thường xuyên |": a tag that times the clause or row it closes
        x.start -= len(before) - tag.start(1)
        return x.dl("ongoing")
    if c.ongoing_blockers.search(before) or c.ongoing_after.match(text[x.end:]):
        return None
    if c.ongoing_quality.search(before) and c.ongoing_modifier.match(text[x.end:]):
        return None  # "thông tin kịp thời, thường xuyên về …": the last of a list of qualities
    if re.search(r"(?:^|[\s(])" + _alt(load_vocabulary()["recent_words"]) + r"\s+[^,;.]{0,30}$", before, re.I):
        return None
    return x.dl("ongoing")


def _h_conditional_event(x: "_Ctx") -> _Made:
    m, g, text, c = x.m, x.g, x.text, x.c
    opener = g["copen"].lower()
    if c.conditional_blockers.search(text[x.start:x.end]):
        return None
    body = g["cbody"]
    trig = c.conditional_triggers.search(body)
    passive = None if trig else _agent_passive(body, c)
    trig = trig or passive
    if not trig:
        return None
    actor = body[: trig.start()]
    named = any(w[:1].isupper() for w in actor.split()) or c.conditional_subjects.search(actor)
    if not passive and not named and not _agent_after(body, trig, c):
        # "khi xây dựng và phê duyệt kế hoạch …" describes how to work; a deadline waits for
        # someone else's act ("khi Chính phủ … ban hành", "sau khi Nghị định … được ban hành")
        return None
    body_start = m.start("cbody")
    head = _clause_before(text, x.start).strip()
    if not head or head.lower() in ("ngay",):
        # clause-initial "Sau khi …, X làm …": the condition ends at the first comma after the trigger
        comma = body.find(",", trig.end())
        if comma >= 0:
            x.end = body_start + comma
    if opener == "khi" and text[max(0, x.start - 4) : x.start].lower().strip() in ("nếu",):
        return None
    if opener == "khi" and c.interim_before.search(text[max(0, x.start - 12) : x.start]):
        return None  # "trong khi chờ hướng dẫn mới của Trung ương": work to do meanwhile, not a condition
    return x.dl("conditional")


def adverbial_cycle(phrase: str) -> bool:
    """"theo định kỳ": a bare cycle written as an adverb of the predicate dates its task even in mid-span
    ("Thực hiện chế độ báo cáo theo định kỳ của Chương trình"), where "khám định kỳ" describes the work."""
    return bool(_compiled().cycle_adverb.match(phrase.strip()))


def stays_in_task(phrase: str) -> bool:
    """A time phrase that, in mid-span, stays in the task's text: a statutory limit ("trong thời hạn quy
    định") qualifies the act, it is no time written for it (annotation notes 04-07-08 §8); an adverbial
    cycle ("báo cáo theo định kỳ của Chương trình") is read with the words after it."""
    return bool(_compiled().statutory.fullmatch(phrase.strip())) or adverbial_cycle(phrase)


@lru_cache(maxsize=1)
def _adhoc_tail_re() -> re.Pattern:
    v = load_vocabulary()
    return re.compile(
        r"[^\S\n]*(?:,|" + _alt(v["alternative_words"]) + r")[^\S\n]*" + _alt(v["adhoc_words"])
        + r"(?:[^\S\n]+" + _alt(v["adhoc_qualifiers"]) + r")?[\s.;,:)\]*_]*$", re.IGNORECASE)


def adhoc_tail(rest: str) -> bool:
    """Is ``rest`` (what follows a cycle up to the end of its item or sentence) only an ad-hoc alternative,
    "… định kỳ hằng năm hoặc đột xuất theo yêu cầu."? Then the cycle still ends the item or sentence."""
    return bool(_adhoc_tail_re().match(rest))


def _names_agent(agent: str, c: _Compiled) -> bool:
    """The words after a passive or "của" name a body: a capitalised name, a conditional subject or a body noun."""
    return agent[:1].isupper() or bool(c.conditional_subjects.match(agent) or c.agent_noun.match(agent))


def _agent_after(body: str, trig: re.Match, c: _Compiled) -> bool:
    """"sau khi có văn bản hướng dẫn của Bộ Tài chính", "khi có ý kiến thống nhất của cơ quan có thẩm quyền":
    an existential trigger right after the opener whose document is someone else's, named after "của"."""
    if body[: trig.start()].strip() or not trig.group(0).lower().startswith("có"):
        return False
    link = c.agent_link.search(body, trig.end())
    if not link or len(body[trig.end() : link.start()].split()) > 8:
        return False
    agent = body[link.end() :].lstrip()
    return _names_agent(agent, c)


def _agent_passive(body: str, c: _Compiled) -> Optional[re.Match]:
    """"khi được Chủ tịch UBND tỉnh giao", "khi được cơ quan có thẩm quyền phê duyệt": a passive whose agent
    is named is someone else's act (the match stands where the trigger would); a bare "khi được yêu cầu"
    names none (``conditional_blockers``)."""
    m = c.agent_passive.match(body)
    if not m:
        return None
    agent = body[m.end():].split(",")[0]
    if _names_agent(agent, c):
        return m
    return None


def _h_conditional_progress(x: "_Ctx") -> _Made:
    return x.dl("conditional")


_HANDLERS = {
    "recurring.dated": _h_recurring_dated,
    "recurring.unit_dated": _h_recurring_dated,
    "recurring.position_dated": _h_recurring_dated,
    "recurring.dates": _h_recurring_dates,
    "conditional.trigger": _h_conditional_trigger,
    "conditional.case": _h_conditional_case,
    "period.from": _h_period_from,
    "period.range": _h_period_range,
    "period.open": _h_period_range,
    "period.days": _h_period_days,
    "period.months": _h_period_months,
    "period.noun": _h_period_noun,
    "period.months_of_year": _h_period_months_of_year,
    "relative": _h_relative,
    "by": _h_by,
    "by.until": _h_by_until,
    "on": _h_on,
    "on.bare": _h_on_bare,
    "on.cell_year": _h_on_cell_year,
    "on.alone": _h_on_alone,
    "on.bracketed": _h_on_bracketed,
    "recurring.months": _h_recurring_months,
    "recurring.yearly": _h_recurring_yearly,
    "recurring.unit": _h_recurring_unit,
    "recurring.bare": _h_recurring_bare,
    "ongoing": _h_ongoing,
    "conditional.event": _h_conditional_event,
    "conditional.progress": _h_conditional_progress,
    "conditional.statutory": _h_conditional_trigger,
}


def _make(rule: str, m: re.Match, text: str, c: _Compiled, doc_date: Optional[date]) -> _Made:
    """Turn one regex match into (start, end, Deadline), or None when a blocker applies."""
    return _HANDLERS[rule](_Ctx(rule, m, text, c, doc_date))


def _programme(clause: str, c: _Compiled) -> bool:
    """True when the clause before an expression names a programme/plan it belongs to."""
    return bool(c.programme_nouns.search(clause))


def find_deadlines(text: str, *, doc_date: Optional[date] = None) -> list[DeadlineMention]:
    """Find deadline phrases in ``text`` and normalise each one.

    Args:
        text: normalised document text (NFC), or any part of it.
        doc_date: the document's issue date; a date written without a year
            ("trước ngày 30/6") takes its year. Without it such dates stay
            ``null`` and the phrase is kept.

    Returns:
        Mentions in text order, not overlapping (the longest phrase wins),
        with ``text[m.start:m.end] == m.deadline.text``.

    >>> [m.deadline.kind for m in find_deadlines("báo cáo Trung ương trước ngày 30/6/2024.")]
    ['by']
    >>> find_deadlines("Quý III Năm 2026")[0].deadline.date
    '2026-09-30'
    """
    if not text:
        return []
    return list(_find_cached(text, doc_date))


@lru_cache(maxsize=512)
def _find_cached(text: str, doc_date: Optional[date]) -> tuple[DeadlineMention, ...]:
    """find_deadlines, remembered by value: the walker and the layout mechanisms read the same blocks.

    Bounded to about one document's blocks, so that a benchmark reading many
    documents in rounds gains nothing from an earlier round.
    """
    return tuple(_find(text, doc_date))


def _find(text: str, doc_date: Optional[date]) -> list[DeadlineMention]:
    from .normalize import _CHAR_MAP, _nfc_with_map

    original, omap = text, []
    if not unicodedata.is_normalized("NFC", text) or any(ch in text for ch in _CHAR_MAP):
        # not normalised (NFD, "ð", zero-width characters): match the normal form, map spans back
        work, omap = _nfc_with_map(text)
        if work != text:
            text = work
    c = _compiled()
    starts = _starts(text)
    if starts == ():
        return []  # no pattern matches anywhere (most parts of sentences the task rules ask about)
    cands: list[tuple[int, int, int, str, Deadline]] = []
    for order, (rule, pat) in enumerate(c.patterns):
        for m in _finditer(pat, text, starts):
            if m.end() <= m.start():
                continue
            made = _make(rule, m, text, c, doc_date)
            if made is None:
                continue
            s, e, d = made
            if e > s:
                if text is not original:
                    s, e = omap[s], (omap[e] if e < len(omap) else len(original))
                    d = d.model_copy(update={"text": original[s:e]})
                cands.append((s, e, order, rule, d))
    # longest first, then the earlier (more specific) pattern; keep non-overlapping
    cands.sort(key=lambda x: (-(x[1] - x[0]), x[2], x[0]))
    taken: list[tuple[int, int, str, Deadline]] = []
    for s, e, _, rule, d in cands:
        if any(s < te and ts < e for ts, te, _, _ in taken):
            continue
        taken.append((s, e, rule, d))
    taken.sort(key=lambda x: x[0])
    taken = _join_cycle_lists(text, _merge_cycles(text, _drop_bare_cycles(text, taken)))
    taken = _with_intensifier(original, taken, c)
    return [DeadlineMention(start=s, end=e, deadline=d, rule=rule) for s, e, rule, d in taken]


@lru_cache(maxsize=1)
def _union() -> Optional[re.Pattern]:
    """Where any deadline pattern matches: one zero-width lookahead over the union of the patterns
    (group names dropped; the word-start test shared by most of them written once), so a text is
    scanned once instead of once per pattern. None if the union cannot be compiled (a pattern that
    refers to a group by name): then every pattern scans the text itself."""
    heads, others = [], []
    for _, pat in _compiled().patterns:
        src = _GROUP_NAME.sub("(?:", pat.pattern)
        (heads if src.startswith(_B) else others).append(src[len(_B):] if src.startswith(_B) else src)
    alts = ([_B + "(?:" + "|".join(heads) + ")"] if heads else []) + [f"(?:{o})" for o in others]
    try:
        return re.compile("(?=" + "|".join(alts) + ")", re.IGNORECASE)
    except re.error:
        return None


_GROUP_NAME = re.compile(r"(?<!\\)\(\?P<\w+>")


#: atoms of a prefilter prefix: the first word, the spaces after it and the next word's beginning
_PREFIX_ATOMS = 12


@lru_cache(maxsize=1)
def _prefilter() -> Optional[re.Pattern]:
    """The positions where the union may match, found cheaply: a lookahead over a trie of the patterns'
    first few characters (:mod:`directive_nlp.regex_prefix`; the word-start test written once), with
    the patterns whose beginning cannot be read (one that may start with a space) tried whole, unless
    :func:`_after_marks` finds their positions. Every position the union matches at is among them and
    :func:`_after_marks`'s; None when no pattern's beginning can be read."""
    heads: list = []
    free: list = []
    whole: list[str] = []
    marked = _after_marks() is not None
    for _, pat in _compiled().patterns:
        found = prefixes(pat, _PREFIX_ATOMS, spaces=True)
        if found is None:
            if marked and preceding_chars(pat) is not None:
                continue  # found by _after_marks
            whole.append(f"(?:{_GROUP_NAME.sub('(?:', pat.pattern)})")
        else:
            (heads if pat.pattern.startswith(_B) else free).extend(found)
    if not heads and not free:
        return None
    alts = ([_B + trie_regex(heads)] if heads else []) + ([trie_regex(free)] if free else []) + whole
    try:
        return re.compile("(?=" + "|".join(alts) + ")", re.IGNORECASE)
    except re.error:
        return None


@lru_cache(maxsize=1)
def _after_marks() -> Optional[tuple[re.Pattern, bool]]:
    """The patterns whose first word cannot be read but which begin right after a mark ("(", "|", a line break
    or a clause's punctuation: ``(?<=\\()``, ``(?:^|(?<=[\\n.;:,|]))``, :func:`regex_prefix.preceding_chars`):
    one scan that stops at those marks only and tries the patterns there, instead of trying them whole at every
    position of the text. ``(regex, at_start)``: the regex consumes the mark (the position is its match's end);
    ``at_start``: a pattern may also match at the start of the text. None when there is no such pattern."""
    marks: list[str] = []
    alts: list[str] = []
    at_start = False
    for _, pat in _compiled().patterns:
        pc = preceding_chars(pat) if prefixes(pat, _PREFIX_ATOMS, spaces=True) is None else None
        if pc is not None:
            marks.append(pc[0])
            at_start = at_start or pc[1]
            alts.append(f"(?:{_GROUP_NAME.sub('(?:', pat.pattern)})")
    if not alts:
        return None
    try:
        return re.compile("(?:" + "|".join(marks) + ")(?=" + "|".join(alts) + ")", re.IGNORECASE), at_start
    except re.error:
        return None


@lru_cache(maxsize=512)
def _starts(text: str) -> Optional[tuple[int, ...]]:
    """The positions where some deadline pattern matches (None: unknown, see :func:`_union`): the union
    is tried only where the prefilter says a pattern may begin (the same positions, found faster).
    Remembered by text, as :func:`_find_cached` is: they do not depend on the document's date, and the
    task rules read a block both with it and without it (``tasks.timed_parts``)."""
    union = _union()
    if union is None:
        return None
    pre = _prefilter()
    if pre is None:
        return tuple(m.start() for m in union.finditer(text))
    match = union.match
    found = [m.start() for m in pre.finditer(text)]
    marks = _after_marks()
    if marks is not None:
        scan, at_start = marks
        after = [m.end() for m in scan.finditer(text)]
        if after or at_start:
            found = sorted(set(found).union(after, (0,) if at_start else ()))
    return tuple(q for q in found if match(text, q))


def _finditer(pat: re.Pattern, text: str, starts: Optional[tuple[int, ...]]) -> list[re.Match]:
    """``pat.finditer(text)``, trying ``pat`` only at ``starts``: it matches nowhere else, so the
    leftmost match after the previous one is at the first of them where it matches."""
    if starts is None:
        return list(pat.finditer(text))
    out: list[re.Match] = []
    pos = 0
    for q in starts:
        if q < pos:
            continue
        m = pat.match(text, q)
        if m is None:
            continue
        if m.end() == q:  # an empty match: what follows one is finditer's own rule
            return list(pat.finditer(text))
        out.append(m)
        pos = m.end()
    return out


def _with_intensifier(text: str, taken: list, c: _Compiled) -> list:
    """"ngay trong năm 2025", "ngay từ năm 2026": an intensifier before a time point or period belongs to the
    phrase (the gold's text), so that it is not left behind in the task's text."""
    out = []
    for s, e, rule, d in taken:
        m = c.intensifier.search(text, max(0, s - 12), s) if d.kind in ("on", "by", "period") else None
        if m and m.end() == s:
            s = m.start(1)
            d = d.model_copy(update={"text": text[s:e]})
        out.append((s, e, rule, d))
    return out


def _drop_bare_cycles(text: str, taken: list) -> list:
    """A bare "định kỳ" gives way to a stated cycle later in its clause.

    "Định kỳ báo cáo … hằng năm (trước ngày 15 tháng 11)" is yearly: the
    more specific cycle wins over the bare word.
    """
    out = []
    for i, (s, e, rule, d) in enumerate(taken):
        if rule == "recurring.bare":
            later = [t for t in taken[i + 1 :] if t[3].kind == "recurring" and t[3].frequency]
            if later and not re.search(r"[;.\n|]", text[e : later[0][0]]):
                continue
        out.append((s, e, rule, d))
    return out


@lru_cache(maxsize=1)
def _cycle_list() -> re.Pattern:
    """", quý, năm", ", 6 tháng và hằng năm": further cycles after a recurring phrase (``alternative_words``,
    ``recurring_prefixes``, ``periodic_word``, ``frequency_units``, ``number_words`` in deadlines.yaml)."""
    v = load_vocabulary()
    sep = rf"(?:\s*,\s*|\s+{_alt(v['alternative_words'])}\s+)"
    pre = rf"(?:(?:{_alt(v['recurring_prefixes'])}|{_alt([v['periodic_word']])})\s+)?"
    numw = "(?:\\d{1,2}|" + _alt(v["number_words"])[3:-1] + ")"
    unit = rf"(?:{numw}\s+tháng|{_alt(v['frequency_units'])})"
    return re.compile(rf"(?:{sep}{pre}{unit}(?![\wÀ-ỹ])(?!\s*[\d/]))+", re.IGNORECASE)  # not "năm 2025", "tháng 12"


def _join_cycle_lists(text: str, taken: list) -> list:
    """"báo cáo định kỳ hằng tháng, quý, năm": one recurring phrase over the whole list of cycles (the first
    gives the frequency), so the rest of the list is not left in the task's text."""
    out: list = []
    until = -1
    for s, e, rule, d in taken:
        if s < until:
            continue  # a cycle of the list joined to the phrase before it
        if d.kind == "recurring" and d.frequency:
            m = _cycle_list().match(text, e)
            if m and m.end() > e:
                e = until = m.end()
                d = d.model_copy(update={"text": text[s:e]})
        out.append((s, e, rule, d))
    return out


def _merge_cycles(text: str, taken: list) -> list:
    """A dated phrase followed by a cycle is one recurring deadline.

    "Từ tháng 3 đến tháng 11 hằng năm" is a yearly window, not one period;
    "trong Quý IV hằng năm" is yearly too (the dated forms the cycle patterns
    do not already cover).
    """
    out: list = []
    for s, e, rule, d in taken:
        if out and d.kind == "recurring" and d.frequency and rule == "recurring.unit":
            ps, pe, prule, pd = out[-1]
            if pd.kind in ("period", "by", "on") and not text[pe:s].strip():
                merged = Deadline(text=text[ps:e], kind="recurring", frequency=d.frequency)
                out[-1] = (ps, e, "recurring.window", merged)
                continue
        out.append((s, e, rule, d))
    return out


def parse_deadline(phrase: str, *, doc_date: Optional[date] = None) -> Optional[Deadline]:
    """Normalise one deadline phrase ("Quý IV/2025- Quý II/2026" → period).

    Returns the deadline of the longest phrase found in ``phrase`` (its
    ``text`` is that phrase, as written), or None when there is none.

    >>> parse_deadline("hằng quý").frequency
    'quarterly'
    """
    found = find_deadlines(phrase, doc_date=doc_date)
    if not found:
        return None
    best = max(found, key=lambda m: m.end - m.start)
    return best.deadline
