"""Which time phrase belongs to which task when the layout carries it.

A plan often writes a task's time apart from the task's sentence
(annotation rule A1, docs/tasks.md: "a labelled block applies to every task of
the block it closes or opens"):

* a **time label line** — "Thời gian thực hiện: Quý IV/2025", "c) Thời hạn
  hoàn thành: Thường xuyên", "*Tiến độ:* năm 2026" — dates every task of the
  block it closes: the tasks since the previous time label of the same block,
  or, when none precedes it, the tasks after it up to the next one. A label
  that is itself a lettered item ("c) Thời gian thực hiện: …" beside "a)
  Nhiệm vụ: …") speaks for its parent item;
* a **time heading** — "1. Năm 2025", "Giai đoạn 2026 - 2030:", "Trong Quý
  IV/2025" — a numbered heading that holds nothing but a time expression
  dates every task of its section;
* an **item-final time** — a list item or paragraph that ends with a time
  phrase ("…; gửi kế hoạch về Sở Nội vụ trong thời hạn 10 ngày kể từ ngày
  nhận Kế hoạch này.", "… (khi Bộ Y tế có văn bản triển khai).", a closing
  sentence "Hoàn thành, báo cáo kết quả … trong tháng 11/2025.") dates every
  task of the item (annotation rule D2, docs/tasks.md: "an item-final deadline applies
  to every task of the item"), except tasks given to other bodies than the one
  whose clause holds the time.

Each mechanism is a function from the layout (blocks, sections) and the text
to spans (:class:`TimeScope`), so that a later spaCy component can wrap it
unchanged; :func:`attach_layout_times` gives a scope's deadline to the tasks
inside it that have none of their own (a time written in the task's own
sentence always wins). Time columns of assignment tables are read with the
table (:mod:`directive_nlp.tasks.tables`). The words (label heads,
qualifiers, heading fillers) are data: ``resources/vi/deadlines.yaml``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Iterable, Optional

from ..deadlines import adhoc_tail, load_vocabulary
from .labels import read_label
from .mentions import find_deadlines  # the pipeline's deadline spans when the text is a slice of the Doc
from ..models import Deadline, DocumentStructure, NormalizedDocument, Section, Task
from .predicates import is_verb_start, verb_only
from .text import mask, numbered_clause_starts

__all__ = ["TimeScope", "time_value", "time_label", "time_heading", "item_final_time", "label_scopes",
           "heading_scopes", "item_scopes", "layout_time_scopes", "attach_layout_times", "task_head_time",
           "bracketed_times", "settle_clause_times"]

_TRIM = " \t*_.;:,"
# an item-final phrase of these kinds that no task of the item took qualifies the object, not the item
_WEAK_TAIL = ("ongoing", "recurring")


@dataclass(frozen=True)
class TimeScope:
    """A deadline carried by the layout and the document span it dates.

    ``closing`` is the span before the carrier (the tasks it closes);
    ``opening`` the span after it, used when no task lies in ``closing``.
    A heading's scope has only ``opening`` (its section).
    """

    deadline: Deadline
    source: str  # "label" | "heading" | "item"
    block: int  # the block that carries the time
    closing: tuple[int, int]
    opening: tuple[int, int]


def _alt(words: Iterable[str]) -> str:
    items = sorted({" ".join(str(w).split()) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in items) + ")"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    v = load_vocabulary()
    label = re.compile(
        r"^[\s*_]*" + _alt(v["time_label_heads"]) + r"(?:\s+" + _alt(v["time_label_qualifiers"]) + r")?"
        r"[\s*_]*(?:\([^)\n]*\))?[\s*_]*:[\s*_]*", re.IGNORECASE)
    fillers = re.compile(r"\b" + _alt(v["time_heading_fillers"]) + r"\b", re.IGNORECASE)
    return label, fillers


# how specific a kind is when a time slot holds several phrases ("Thường xuyên, hằng năm")
_SPECIFIC = {"by": 0, "on": 0, "period": 0, "recurring": 1, "conditional": 2, "ongoing": 3}


def _rank(d: Deadline) -> int:
    rank = _SPECIFIC.get(d.kind, 4)
    return rank + 2 if d.kind == "recurring" and d.frequency is None else rank


def time_value(value: str, doc_date: Optional[date] = None) -> Optional[Deadline]:
    """The deadline written in a time slot (a label's value, a table's time cell), or None.

    The slot says the words are a time, so a phrase that would be a horizon
    in running text ("Đến hết năm 2026") or a bare year range ("2026 - 2027")
    counts. When the slot holds several phrases the most specific wins: a
    date or period, then a cycle, then a condition, then "thường xuyên".

    >>> time_value("Thường xuyên, hằng năm").frequency
    'yearly'
    >>> time_value("Đến hết năm 2026").date
    '2026-12-31'
    >>> time_value("2026 - 2027").end
    '2027-12-31'
    >>> time_value("2026").date
    '2026-12-31'
    >>> time_value("Theo yêu cầu") is None
    True
    """
    value = value.strip(_TRIM)
    if not value:
        return None
    found = [m.deadline for m in find_deadlines(value, doc_date=doc_date)]
    if not found:
        # read as if it followed a task: the cues of running text apply
        found = [m.deadline for m in find_deadlines("thực hiện " + value, doc_date=doc_date)]
    if not found:
        return _slot_shape(value)
    return min(found, key=_rank)


def _slot_shape(value: str) -> Optional[Deadline]:
    """Shapes only a time slot makes a time: a bare year or range of years, a horizon ("Đến năm 2030"), a
    list of years, quarters or months of one year ("Quý I, II/2026", "Tháng 11, 12/2025", "2025, 2026"),
    and a range followed by "và các năm tiếp theo" (its range, as "Giai đoạn 2026-2030 và những năm tiếp
    theo" is: annotation notes 04-07-08 §3)."""
    value = _open_end_re().sub("", value).strip(_TRIM)
    years = _YEAR_RANGE.fullmatch(value) or _YEAR_LIST.fullmatch(value)
    if years and int(years.group(1)) <= int(years.group(2)):
        return Deadline(text=value, kind="period", start=f"{years.group(1)}-01-01", end=f"{years.group(2)}-12-31")
    year = _YEAR.fullmatch(value)
    if year:  # a bare year in a time slot ("| 2026 |"): within that year, as "Năm 2026"
        return Deadline(text=value, kind="on", date=f"{year.group(1)}-12-31")
    until = _until_re().fullmatch(value)
    if until:
        return Deadline(text=value, kind="by", date=f"{until.group(1)}-12-31")
    return _listed_parts(value)


def _listed_parts(value: str) -> Optional[Deadline]:
    """"Quý I, II/2026", "Quý III-IV/2026", "Tháng 11, 12/2025": from the first part's start to the last's end."""
    v = load_vocabulary()
    quarters = {str(k).upper(): int(x) for k, x in v["quarters"].items()}
    m = _PARTS.fullmatch(value)
    if m is None:
        return None
    names = [p.upper() for p in re.split(r"\s*(?:,|-|–|và)\s*", m.group("parts")) if p]
    quarter = m.group("unit").lower() in [str(w).lower() for w in v["quarter_words"]]
    nums = [quarters.get(n) if quarter else (int(n) if n.isdigit() else None) for n in names]
    if len(nums) < 2 or None in nums or nums != sorted(nums) or not all(1 <= n <= (4 if quarter else 12) for n in nums):
        return None
    y = int(m.group("y"))
    first, last = (3 * nums[0] - 2, 3 * nums[-1]) if quarter else (nums[0], nums[-1])
    end = date(y, last, calendar.monthrange(y, last)[1])
    return Deadline(text=value, kind="period", start=f"{y}-{first:02d}-01", end=end.isoformat())


_YEAR = re.compile(r"(?:năm\s+)?((?:19|20|21)\d\d)", re.IGNORECASE)
_YEAR_LIST = re.compile(r"(?:năm\s+)?((?:19|20|21)\d\d)(?:\s*(?:,|và)\s*(?:năm\s+)?(?:19|20|21)\d\d)*"
                        r"\s*(?:,|và)\s*(?:năm\s+)?((?:19|20|21)\d\d)", re.IGNORECASE)
_PARTS = re.compile(r"(?P<unit>quý|quí|tháng)\s+(?P<parts>[IVX\d]{1,4}(?:\s*(?:,|-|–|và)\s*[IVX\d]{1,4})+)"
                    r"\s*(?:/|năm)\s*(?P<y>(?:19|20|21)\d\d)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _open_end_re() -> re.Pattern:
    return re.compile(r"\s*" + _alt(load_vocabulary()["open_end"]) + r"\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _until_re() -> re.Pattern:
    return re.compile(_alt(load_vocabulary()["period_closers"]) + r"\s+năm\s+((?:19|20|21)\d\d)", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"(?:năm\s+)?((?:19|20|21)\d\d)\s*[-–—]\s*((?:19|20|21)\d\d)", re.IGNORECASE)


def time_label(text: str, doc_date: Optional[date] = None) -> Optional[Deadline]:
    """The deadline of a time label line ("Thời gian thực hiện: Quý IV/2025"), or None.

    >>> time_label("Thời gian thực hiện: Thường xuyên.").kind
    'ongoing'
    >>> time_label("Thời gian thực hiện Chương trình: Từ năm 2025 đến hết năm 2030") is None
    True
    """
    label, _ = _patterns()
    m = label.match(text)
    if not m:
        return None
    return time_value(text[m.end():], doc_date)


def time_heading(text: str, doc_date: Optional[date] = None) -> Optional[Deadline]:
    """The deadline of a heading that holds only a time expression ("Năm 2025:"), or None.

    >>> time_heading("Giai đoạn 2026 - 2030:").kind
    'period'
    >>> time_heading("Mục tiêu đến năm 2030") is None
    True
    """
    _, fillers = _patterns()
    body = text.strip(_TRIM)
    found = find_deadlines(body, doc_date=doc_date)
    if len(found) != 1:
        return None
    m = found[0]
    rest = fillers.sub(" ", body[: m.start] + " " + body[m.end:])
    if re.sub(r"[\W_]+", "", rest):
        return None
    return m.deadline


def _container(sec: Optional[Section], sections: dict[str, Section], block_start: int) -> Optional[Section]:
    """The section a label speaks for: its own, or its parent when the label line opens its own item."""
    if sec is None:
        return None
    if sec.start is not None and sec.start >= block_start and sec.parent in sections:
        return sections[sec.parent]
    return sec


def _label_text(text: str, b, content_start: int) -> str:
    """A block's text as a label line: a two-cell row "Thời gian thực hiện | Quý IV/2025" reads "…: …".

    Rows of more cells are tables whose time is a column (``tables.py``);
    a one-cell row (a web page's body in one cell) is read as text.
    """
    cells = b.cells or []
    if b.kind == "table_row" and len(cells) == 2:
        return text[cells[0].start:cells[0].end].strip(_TRIM) + ": " + text[cells[1].start:cells[1].end]
    if b.kind == "table_row" and len(cells) > 2:
        return ""
    return text[max(b.start, content_start):b.end]


def label_scopes(doc: NormalizedDocument, structure: DocumentStructure,
                 doc_date: Optional[date] = None) -> list[TimeScope]:
    """One scope per time label line (table rows excluded: their time is a column)."""
    sections = {s.id: s for s in structure.sections}
    info = {bi.block: bi for bi in structure.blocks}
    found: list[tuple[int, Deadline, tuple[int, int], str]] = []
    for b in doc.blocks:
        bi = info.get(b.index)
        if bi is None:
            continue
        dl = time_label(_label_text(doc.text, b, bi.content_start), doc_date)
        if dl is None:
            continue
        sec = _container(sections.get(bi.section), sections, b.start)
        span = (sec.start, sec.end) if sec is not None and sec.start is not None and sec.end is not None \
            else (0, len(doc.text))
        found.append((b.index, dl, span, sec.id if sec is not None else ""))
    out: list[TimeScope] = []
    for i, (bidx, dl, (cs, ce), sid) in enumerate(found):
        blk = doc.blocks[bidx]
        prev = [doc.blocks[f[0]].end for f in found[:i] if f[3] == sid and doc.blocks[f[0]].end <= blk.start]
        nxt = [doc.blocks[f[0]].start for f in found[i + 1:] if f[3] == sid and doc.blocks[f[0]].start >= blk.end]
        closing = (max([cs] + prev), blk.start)
        opening = (blk.end, min([ce] + nxt + _titled_siblings_after(sections, sid, blk.end)))
        out.append(TimeScope(dl, "label", bidx, closing, opening))
    return out


def _titled_siblings_after(sections: dict[str, Section], container: str, pos: int) -> list[int]:
    """Where the titled items of ``container`` after ``pos`` start: "b) Thời gian: Từ ngày … đến ngày …" times
    the item it sits in, not a later sibling with a title of its own and its own list ("d) Các hoạt động
    chính"; ANNOTATION-DECISIONS 9: a window is not copied onto the tasks of another part)."""
    return [s.start for s in sections.values()
            if s.parent == container and s.heading and s.start is not None and s.start >= pos
            and read_label(s.heading) is None]


def heading_scopes(doc: NormalizedDocument, structure: DocumentStructure,
                   doc_date: Optional[date] = None) -> list[TimeScope]:
    """One scope per heading that is only a time ("1. Năm 2025", "Giai đoạn 2026-2030", "**Năm 2026:**").

    A numbered heading dates its section; an unnumbered heading line (a
    bold or capitalised line inside a section) dates what follows it up to
    the next heading line of its section.
    """
    out: list[TimeScope] = []
    first_block = {}
    for bi in structure.blocks:
        first_block.setdefault(bi.section, bi.block)
    for sec in structure.sections:
        if not sec.heading or sec.start is None or sec.end is None:
            continue
        dl = time_heading(sec.heading, doc_date)
        if dl is None:
            continue
        out.append(TimeScope(dl, "heading", first_block.get(sec.id, -1), (sec.start, sec.start), (sec.start, sec.end)))
    return out + _heading_line_scopes(doc, structure, doc_date)


def _heading_line(doc: NormalizedDocument, bi) -> bool:
    """A heading line: the structure's heading, or an unmarked bold line or line ending in ":"."""
    if bi.is_heading:
        return True
    b = doc.blocks[bi.block]
    return not bi.marker and b.kind == "paragraph" and (b.bold or doc.text[b.start:b.end].rstrip().endswith(":"))


def _heading_line_scopes(doc: NormalizedDocument, structure: DocumentStructure,
                         doc_date: Optional[date]) -> list[TimeScope]:
    """Unnumbered heading lines that are only a time: each dates the blocks up to the next heading line."""
    sections = {s.id: s for s in structure.sections}
    heads = [bi for bi in structure.blocks if bi.block < len(doc.blocks) and _heading_line(doc, bi)]
    out: list[TimeScope] = []
    for i, bi in enumerate(heads):
        b = doc.blocks[bi.block]
        sec = sections.get(bi.section)
        if sec is not None and sec.start is not None and sec.start >= b.start:
            continue  # a numbered heading: its section is its scope (above)
        dl = time_heading(doc.text[max(b.start, bi.content_start):b.end], doc_date)
        if dl is None:
            continue
        end = sec.end if sec is not None and sec.end is not None else len(doc.text)
        nxt = [doc.blocks[h.block].start for h in heads[i + 1:] if h.section == bi.section]
        out.append(TimeScope(dl, "heading", bi.block, (b.start, b.start), (b.end, min([end] + nxt))))
    return out


def item_final_time(text: str, doc_date: Optional[date] = None) -> Optional[tuple[int, Deadline]]:
    """(offset, deadline) of a time phrase that ends ``text`` (only punctuation after it), or None.

    >>> item_final_time("Xây dựng kế hoạch, gửi Sở Tư pháp trong tháng 11/2025.")[1].date
    '2025-11-30'
    >>> item_final_time("Trong tháng 11/2025, xây dựng kế hoạch.") is None
    True
    """
    found = find_deadlines(text, doc_date=doc_date)
    if not found:
        return None
    m = found[-1]
    if _tag_re().fullmatch(m.deadline.text) and text[: m.start].rstrip().endswith(","):
        return None  # ", nhiệm vụ thường xuyên" closes its own clause, not the item
    tail = text[m.end:]
    if m.deadline.kind == "recurring" and adhoc_tail(tail):
        tail = ""  # "định kỳ hằng năm hoặc đột xuất theo yêu cầu": the cycle still ends the item
    if re.sub(r"[\s.;,:)\]/*_\-]+", "", tail):
        return None
    if not re.sub(r"[\W_]+", "", text[: m.start]):
        return None  # the whole item is the time: a label value or a table cell, not an item's tail
    return m.start, m.deadline


def item_scopes(doc: NormalizedDocument, structure: DocumentStructure,
                doc_date: Optional[date] = None) -> list[TimeScope]:
    """One scope per list item or paragraph that ends with a time phrase (its own block)."""
    info = {bi.block: bi for bi in structure.blocks}
    out: list[TimeScope] = []
    for b in doc.blocks:
        bi = info.get(b.index)
        if bi is None or bi.is_heading or (b.kind == "table_row" and len(b.cells or []) > 1):
            continue
        # the whole block, as the walker reads it (the recogniser remembers it); the marker is no time
        hit = item_final_time(doc.text[b.start:b.end], doc_date)
        if hit is None or not re.sub(r"[\W_]+", "", doc.text[max(b.start, bi.content_start):b.start + hit[0]]):
            continue  # no time, or the marker's item holds nothing but the time (a label's value)
        # "(1) …; (2) …; (3) …, hoàn thành trước ngày 10/12.": the time closes the last numbered clause only
        numbered = numbered_clause_starts(doc.text, b.start, b.start + hit[0])
        first = numbered[-1] if numbered else b.start
        out.append(TimeScope(hit[1], "item", b.index, (first, b.end), (first, b.end)))
    return out


def layout_time_scopes(doc: NormalizedDocument, structure: DocumentStructure,
                       doc_date: Optional[date] = None) -> list[TimeScope]:
    """Every layout-carried time of the document: label lines, time headings, item-final times."""
    return (label_scopes(doc, structure, doc_date) + heading_scopes(doc, structure, doc_date)
            + item_scopes(doc, structure, doc_date))


def _inside(pos: int, span: tuple[int, int]) -> bool:
    return span[0] <= pos < span[1]


def _leads(t: Task) -> set[str]:
    return {a.canonical for a in t.agencies if a.role == "lead"}


def _item_owners(tasks: list[Task], sc: TimeScope) -> Optional[set[str]]:
    """The leads of the tasks that already hold an item's time; None when no task of the item holds it."""
    holders = [t for t in tasks if t.span and _inside(t.span[0], sc.opening) and t.deadline == sc.deadline]
    if not holders:
        return None
    return set().union(*(_leads(t) for t in holders))


def _scope_spans(tasks: list[Task], scopes: list[TimeScope]) -> list[tuple[int, int, TimeScope, Optional[set[str]]]]:
    """(start, end, scope, owners) of each scope that dates something: the span it closes or opens."""
    starts = [t.span[0] for t in tasks if t.span]
    spans: list[tuple[int, int, TimeScope, Optional[set[str]]]] = []
    for sc in scopes:
        owners: Optional[set[str]] = None
        if sc.source == "item":
            owners = _item_owners(tasks, sc)
            if owners is None and sc.deadline.kind in _WEAK_TAIL:
                continue  # "… xếp loại cán bộ hằng năm.": a cycle no task took is the object's, not the item's
            owners = owners or set()
        span = sc.closing if any(_inside(p, sc.closing) for p in starts) else sc.opening
        if span[1] > span[0]:
            spans.append((span[0], span[1], sc, owners))
    return spans


def attach_layout_times(tasks: list[Task], scopes: list[TimeScope]) -> list[Task]:
    """Give each undated task the deadline of the innermost scope it lies in.

    A label dates the tasks it closes; when it closes none, those it opens.
    An item-final cycle or "thường xuyên" dates the item's tasks only when
    one of them holds it already (the time was read as that task's); no
    item-final time dates the tasks of other bodies than its holders. Tasks
    that already carry a deadline (their own sentence's) keep it, except a
    case condition under a label that states a time: the block's explicit
    time is kept ("Trường hợp không cân đối được kinh phí, …" under
    "Thời gian thực hiện: Hoàn thành trong năm 2025").
    """
    if not scopes:
        return tasks
    spans = _scope_spans(tasks, scopes)
    for t in tasks:
        if not t.span:
            continue
        inner = [s for s in spans if _inside(t.span[0], (s[0], s[1]))]
        if not inner:
            continue
        start, end, sc, owners = min(inner, key=lambda s: s[1] - s[0])
        if t.deadline is not None and not (sc.source == "label" and t.deadline.kind == "conditional"
                                           and sc.deadline.kind != "conditional"):
            continue
        if owners and _leads(t) and not (_leads(t) & owners):
            continue  # another body's task in the same item
        t.deadline = sc.deadline
    return tasks


# --- Times inside the task's own sentence, settled after the walker ----------
# The sentence analyser gives each task a time of its sentence; three facts of
# the genre about where a time phrase sits in the sentence settle what it left:
#
# * a **cycle ends its own clause**: "…; báo cáo UBND Thành phố … trước ngày
#   15 hằng tháng." is the reporting cycle of the last ";" clause, not of the
#   plans and actions before the ";" (a date at the end, "… trong tháng
#   11/2025.", still dates the whole item: annotation rule D2, docs/tasks.md);
# * a **time adverb heads its predicate**: "phối hợp các sở, ngành thường
#   xuyên tổ chức kiểm tra …" and "thực hiện thường xuyên, liên tục các giải
#   pháp …" are ongoing work: the adverb right before the task's verb (or right
#   after a light verb of ``adverb_hosts``) is the task's time;
# * a **binding trigger beats "thường xuyên"**: "thường xuyên rà soát, tham
#   mưu điều chỉnh … ngay sau khi Luật … có hiệu lực" waits for the event
#   (annotation notes 01-03-10 §9): a condition that closes the task's clause
#   wins over an ongoing adverb;
# * a **bracketed time dates its clause**: "xây dựng kế hoạch … (hoàn thành
#   trong tháng 11/2025) gửi về Công an tỉnh" dates every task of its ";"
#   clause (annotation notes 01-03-10 §10), though the analyser masks brackets.

_CYCLE_KINDS = ("recurring",)


def _task_offset(t: Task) -> Optional[tuple[int, int]]:
    """(start, end) of the task's text inside its sentence, or None when it is not written there verbatim."""
    i = t.sentence.find(t.task)
    return (i, i + len(t.task)) if i >= 0 and t.task else None


def _clause_break(text: str, a: int, b: int) -> Optional[int]:
    """The offset of the first ";" or sentence end (". X") between ``a`` and ``b`` outside brackets, or None."""
    depth = 0
    for i in range(a, b):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == ";" or (ch == "." and _sentence_starts(text, i + 1))):
            return i
    return None


def _sentence_starts(text: str, i: int) -> bool:
    """After spaces (and emphasis marks), an upper-case letter: a new sentence."""
    m = re.compile(r"[\s*_]+(\w)").match(text, i)
    return bool(m) and m.group(1).isupper()


def _ordered_offsets(tasks: list[Task]) -> dict[int, tuple[int, int]]:
    """Each task's (start, end) in its sentence, found after the previous task of the same sentence: a text
    written twice ("…, báo cáo Thủ tướng Chính phủ; … . … báo cáo Thủ tướng Chính phủ …") is the later one
    when the task comes later (tasks are in reading order)."""
    out: dict[int, tuple[int, int]] = {}
    after: dict[str, int] = {}
    for t in tasks:
        if not t.task:
            continue
        i = t.sentence.find(t.task, after.get(t.sentence, 0))
        i = i if i >= 0 else t.sentence.find(t.task)
        if i >= 0:
            out[id(t)] = (i, i + len(t.task))
            after[t.sentence] = i + 1
    return out


def _own_clause_cycle(tasks: list[Task]) -> None:
    """Take a sentence-final cycle from the tasks of earlier ";" clauses when a later clause's task holds it."""
    offs = _ordered_offsets(tasks)
    for t in tasks:
        d, off = t.deadline, offs.get(id(t))
        if d is None or d.kind not in _CYCLE_KINDS or off is None:
            continue
        pos = t.sentence.find(d.text, off[1])
        cut = _clause_break(t.sentence, off[1], pos) if pos >= 0 else None
        if cut is None:
            continue
        holders = [o for o in tasks if o is not t and o.sentence == t.sentence and o.deadline == d]
        if any(cut < offs.get(id(o), (-1, -1))[0] < pos for o in holders):
            t.deadline = None


@lru_cache(maxsize=1)
def _tag_re() -> re.Pattern:
    return re.compile(_alt(load_vocabulary()["ongoing_tags"]), re.IGNORECASE)


def _clause_tags(tasks: list[Task]) -> None:
    """A status tag closing a ";" clause (", nhiệm vụ thường xuyên;") dates every task of that clause
    before it, over a time the layout gave them (an item-final date of a later part)."""
    for t in tasks:
        d = t.deadline
        if d is None or d.kind != "ongoing" or not _tag_re().fullmatch(d.text):
            continue
        own = _task_offset(t)
        pos = t.sentence.find(d.text, own[0]) if own else -1
        if pos < 0:
            continue
        for o in tasks:
            off = _task_offset(o) if o is not t and o.sentence == t.sentence else None
            if off is None or off[1] > pos or _clause_break(t.sentence, off[1], pos) is not None:
                continue
            if o.deadline is None or t.sentence.find(o.deadline.text, off[0], pos) < 0:
                o.deadline = d


@lru_cache(maxsize=1)
def _host_re() -> re.Pattern:
    return re.compile(r"^" + _alt(load_vocabulary()["adverb_hosts"]) + r"\s+", re.IGNORECASE)


def task_head_time(sentence: str, start: int, doc_date: Optional[date] = None) -> Optional[Deadline]:
    """The ongoing or cycle adverb that heads the task starting at ``start`` in ``sentence``, or None.

    The adverb stands right before the task's text ("… thường xuyên | tổ
    chức kiểm tra") or right after a light verb that opens it ("thực hiện
    thường xuyên, liên tục …"); the recogniser reads the whole sentence, so
    its blockers ("chi thường xuyên", "nhiệm vụ thường xuyên") still apply.

    >>> s = "phối hợp các sở thường xuyên tổ chức kiểm tra"
    >>> task_head_time(s, s.index("tổ chức")).kind
    'ongoing'
    >>> task_head_time("thực hiện thường xuyên, liên tục các giải pháp", 0).kind
    'ongoing'
    >>> s = "bố trí kinh phí chi thường xuyên cho công tác"
    >>> task_head_time(s, s.index("cho")) is None
    True
    """
    body = sentence[start:]
    host = _host_re().match(body)
    at = start + (host.end() if host else 0)
    for m in find_deadlines(sentence, doc_date=doc_date):
        if m.deadline.kind not in ("ongoing", "recurring"):
            continue
        right_before = m.end <= start and not sentence[m.end:start].strip()
        if right_before or m.start == at:
            return m.deadline
    return None


def post_verb_time(sentence: str, start: int, end: int, doc_date: Optional[date] = None) -> Optional[Deadline]:
    """The ongoing or cycle adverb right after the head verbs of the task ``sentence[start:end]``, or None.

    The task's text opens with its predicate; when nothing but verbs ("Cập
    nhật", "Theo dõi, cập nhật") stands before the adverb and no verb follows
    it, the adverb qualifies the task's own predicate: "cập nhật thường xuyên
    số lượng hàng dự trữ" is ongoing, "thiết lập, cập nhật định kỳ bản đồ rủi
    ro" recurring. An adverb before a later verb ("đôn đốc, kiểm tra, định
    kỳ sơ kết …") or after a noun ("chỉ đạo Báo … thường xuyên tuyên truyền")
    is not the task's (annotation notes 02-05-06, 04-07-08 §6).

    >>> s = "cập nhật thường xuyên số lượng hàng dự trữ"
    >>> post_verb_time(s, 0, len(s)).kind
    'ongoing'
    >>> s = "đôn đốc, kiểm tra, định kỳ sơ kết việc thực hiện"
    >>> post_verb_time(s, 0, len(s)) is None
    True
    """
    for m in find_deadlines(sentence, doc_date=doc_date):
        if m.deadline.kind not in ("ongoing", "recurring") or not start < m.start < end:
            continue
        head = sentence[start:m.start]
        parts = [p for p in head.split(",") if p.strip()]
        if not parts or ";" in head or len(head.split()) > 6 or not all(verb_only(p) for p in parts):
            return None
        after = sentence[m.end:end].lstrip(" ,")
        return None if after and is_verb_start(after) else m.deadline
    return None


def _head_adverbs(tasks: list[Task], doc_date: Optional[date]) -> None:
    """Date each undated task by the adverb that heads it; an adverb that opens the task's text is cut from it."""
    for t in tasks:
        off = _task_offset(t)
        if t.deadline is not None or off is None:
            continue
        d = task_head_time(t.sentence, off[0], doc_date)
        if d is None:
            t.deadline = post_verb_time(t.sentence, off[0], off[1], doc_date)
            continue
        t.deadline = d
        rest = t.task[len(d.text):].lstrip(" ,")
        if t.task.startswith(d.text) and len(rest.split()) >= 2:
            t.task = rest  # "thường xuyên tổ chức kiểm tra …": the adverb is the time, not the task


@lru_cache(maxsize=1)
def _applicability_opener() -> re.Pattern:
    """The openers of a condition of applicability ("nếu vượt thẩm quyền", "trường hợp có vướng mắc")."""
    v = load_vocabulary()
    return re.compile(_alt(list(v["trigger_openers"]) + list(v["case_openers"])) + r"(?![\wÀ-ỹ])", re.IGNORECASE)


def applicability_condition(d: Deadline) -> bool:
    """Is ``d`` a condition of applicability (a conditional opened by ``trigger_openers`` or ``case_openers``)?"""
    return d.kind == "conditional" and bool(_applicability_opener().match(d.text))


def _trigger_over_ongoing(tasks: list[Task], doc_date: Optional[date]) -> None:
    """An ongoing task whose clause closes with a conditional event waits for the event; a closing condition
    of applicability ("…, kịp thời báo cáo nếu vượt thẩm quyền") scopes the verb it follows and leaves
    "thường xuyên" in place."""
    for t in tasks:
        off = _task_offset(t)
        if t.deadline is None or t.deadline.kind != "ongoing" or off is None:
            continue
        for m in find_deadlines(t.sentence, doc_date=doc_date):
            tail = t.sentence[m.end:]
            end = _clause_break(t.sentence, m.end, len(t.sentence))
            closes = not re.sub(r"[\W_]+", "", tail[: (end - m.end) if end is not None else len(tail)])
            if (m.deadline.kind == "conditional" and not applicability_condition(m.deadline) and m.start >= off[0]
                    and closes
                    and _clause_break(t.sentence, off[0], m.start) is None):
                t.deadline = m.deadline
                break


def bracketed_times(sentence: str, doc_date: Optional[date] = None, windows: bool = False) -> list[tuple[int, Deadline]]:
    """(offset, deadline) of each time phrase that fills a bracket of ``sentence``: "(hoàn thành trong tháng 11/2025)".

    Only a date ("by" or "on") or a stated cycle ("(định kỳ hằng năm)")
    counts: a period in brackets is a programme's or a report's span
    ("Chương trình … (giai đoạn 2021 - 2025)"), and the recogniser reads the
    whole sentence, so a cited date stays blocked.

    >>> [d.date for _, d in bracketed_times("xây dựng kế hoạch (hoàn thành trong tháng 11/2025) gửi Sở Nội vụ")]
    ['2025-11-30']
    >>> bracketed_times("thực hiện Chương trình mục tiêu quốc gia (giai đoạn 2021 - 2025)")
    []
    """
    out = []
    for m in find_deadlines(sentence, doc_date=doc_date):
        opened = sentence[:m.start].rstrip(" *_").endswith("(")
        closed = sentence[m.end:].lstrip(" .*_").startswith(")")
        if opened and closed and (m.deadline.kind in ("by", "on") or m.deadline.frequency is not None
                                  or (windows and _short_window(m.deadline))):
            out.append((m.start, m.deadline))
    return out


def _short_window(d: Deadline) -> bool:
    """A period shorter than a year ("(từ ngày 15/11 đến ngày 15/12)") is an activity's window, not the span of a
    programme ("(giai đoạn 2021 - 2025)")."""
    try:
        a, b = date.fromisoformat(d.start or ""), date.fromisoformat(d.end or "")
    except ValueError:
        return False
    return d.kind == "period" and 0 <= (b - a).days < 366


def _later_time(t: Task, off: tuple[int, int]) -> bool:
    """The task's deadline is written after the task in its sentence, outside its text."""
    d = t.deadline
    return d is not None and bool(d.text) and d.text not in t.task and t.sentence.find(d.text, off[1]) >= 0


def _bracketed(tasks: list[Task], doc_date: Optional[date]) -> None:
    """An undated task takes a bracketed time written inside its own text (a short window too: "Triển khai Tháng
    hành động (từ ngày 15/11 đến ngày 15/12)"), else one in its own ";" clause ("… (hoàn thành trong tháng
    11/2025) …")."""
    for t in tasks:
        off = _task_offset(t)
        if off is None:
            continue
        own = [d for pos, d in bracketed_times(t.sentence, doc_date, windows=True) if off[0] <= pos < off[1]]
        if own and (t.deadline is None or _later_time(t, off)):
            t.deadline = own[0]  # not the time of the part after it ("… (từ … đến …) và hưởng ứng … (ngày 25/11)")
            continue
        if t.deadline is not None:
            continue
        for pos, d in bracketed_times(t.sentence, doc_date):
            a, b = sorted((pos, off[0]))
            if _clause_break(t.sentence, a, b) is None:
                t.deadline = d
                break


@lru_cache(maxsize=1)
def _quantity_before() -> re.Pattern:
    """A measured quantity that ends the text before a year: "5.000 km ", "90% " (``quantity_units``)."""
    return re.compile(r"(?<![\w/.,])\d[\d.,]*\s*" + _alt(load_vocabulary()["quantity_units"]) + r"\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _target_res() -> tuple[re.Pattern, re.Pattern]:
    v = load_vocabulary()
    noun = re.compile(r"(?<![\wÀ-ỹ])" + _alt(v["target_nouns"]) + r"(?![\wÀ-ỹ])", re.IGNORECASE)
    verb = re.compile(r"^\s*" + _alt(v["target_verbs"]) + r"(?![\wÀ-ỹ])", re.IGNORECASE)
    return noun, verb


_YEAR_POINT = re.compile(r"năm\s+\d{4}\s*$", re.IGNORECASE)
_DAY_OR_MONTH = re.compile(r"ngày|tháng|quý|quí|/", re.IGNORECASE)  # a year alone, not "trước ngày 10 tháng 12 năm 2025"


def embedded_target_year(sentence: str, tasks: list[Task], d: Deadline) -> bool:
    """Is ``d`` (a year) the horizon of a target inside another task's object ("Hướng dẫn … xây dựng lộ trình
    đạt mục tiêu ít nhất 50% xã … vào năm 2030", "ưu tiên các dự án trong danh mục hoàn thành 5.000 km vào năm
    2030": a target noun, or a measured quantity right before the year)? Not when the task is the target
    ("phấn đấu đạt mục tiêu … ", "hoàn thành 5.000 km vào năm 2030")."""
    pos = sentence.find(d.text)
    if d.kind not in ("on", "by") or pos < 0 or not _YEAR_POINT.search(d.text) or _DAY_OR_MONTH.search(d.text):
        return False
    start = max(sentence.rfind(";", 0, pos), sentence.rfind(". ", 0, pos)) + 1
    noun_re, verb_re = _target_res()
    marks = [n.start() for n in noun_re.finditer(sentence, start, pos)]
    q = _quantity_before().search(sentence, start, pos)
    if q is not None:
        marks.append(q.start())  # "… hoàn thành 5.000 km vào năm 2030": the quantity is the target
    if not marks:
        return False
    offs = [(o, _task_offset(o)) for o in tasks if o.sentence == sentence]
    owners = [o for o, off in offs if off and start <= off[0] <= max(marks)]
    return bool(owners) and not verb_re.match(max(owners, key=lambda o: _task_offset(o)[0]).task)


def _embedded_targets(tasks: list[Task]) -> None:
    """Drop a target's year from the tasks of its sentence when the target sits in another task's object."""
    for t in tasks:
        d = t.deadline
        if d is not None and embedded_target_year(t.sentence, tasks, d):
            for o in tasks:
                if o.sentence == t.sentence and o.deadline == d:
                    o.deadline = None


@lru_cache(maxsize=1)
def _target_year_res() -> tuple[re.Pattern, re.Pattern]:
    """The year of a target with its cue ("đến năm 2030"), and the cues that make it a "by" deadline."""
    v = load_vocabulary()
    cues = _alt(list(v["target_year_by_cues"]) + list(v["target_year_on_cues"]))
    year = re.compile(r"(?<![\w/])(?:(?P<cue>" + cues + r")\s+)?năm\s+(?P<y>(?:19|20)\d\d)(?![\d/])", re.IGNORECASE)
    return year, re.compile(_alt(v["target_year_by_cues"]) + r"$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _name_nouns() -> re.Pattern:
    """Nouns whose year names a text or programme ("Luật … năm 2021"), the target nouns left out."""
    v = load_vocabulary()
    words = [w for w in v["programme_nouns"] if w not in v["target_nouns"]] + list(v["citation_words"])
    return re.compile(r"(?<![\wÀ-ỹ])" + _alt(words) + r"(?![\wÀ-ỹ])", re.IGNORECASE)


def target_year(task: str) -> Optional[Deadline]:
    """The year a target task names in its own text: "phấn đấu đạt 20% xã … năm 2025" (on 2025-12-31), "đến năm
    2030 đạt 100% …" (by 2030-12-31), as the gold of extra 13 and notes 01-03-10 §3 date them."""
    verb_re = _target_res()[1]
    year_re, by_re = _target_year_res()
    m = year_re.search(task)
    if m is None or not (verb_re.match(task) or (m.start() == 0 and verb_re.match(task[m.end():]))):
        return None
    if _name_nouns().search(task, 0, m.start()):
        return None  # "phấn đấu hoàn thành các mục tiêu của Chương trình … năm 2025": the year names the programme
    kind = "by" if by_re.match(m.group("cue") or "") else "on"
    return Deadline(text=m.group(0), kind=kind, date=f"{m.group('y')}-12-31")


def _target_years(tasks: list[Task]) -> None:
    """A target task's own year wins over a time written outside its text (a later clause's, a heading's)."""
    for t in tasks:
        d = target_year(t.task)
        if d is not None and (t.deadline is None or t.deadline.text not in t.task):
            t.deadline = d


def _target_clause_years(tasks: list[Task]) -> None:
    """"Tăng cường giám sát …; đảm bảo mục tiêu về công trình xanh: Hà Nội có tối thiểu 200 công trình … vào năm
    2030": a year that ends a target clause (a target task, ``target_verbs``, and a target noun before the year in
    its ";" clause) is the horizon of that target, not a time written once for the sentence: the tasks of the
    earlier ";" clauses do not take it."""
    offs = _ordered_offsets(tasks)
    noun_re, verb_re = _target_res()
    for t in tasks:
        d, off = t.deadline, offs.get(id(t))
        if d is None or off is None or d.kind not in ("on", "by") or not _YEAR_POINT.search(d.text) \
                or _DAY_OR_MONTH.search(d.text) or not verb_re.match(t.task):
            continue
        pos = t.sentence.find(d.text, off[0])
        start = t.sentence.rfind(";", 0, off[0]) + 1
        if pos < 0 or start <= 0 or not noun_re.search(t.sentence, off[0], pos) \
                or _clause_break(t.sentence, off[1], pos) is not None:
            continue
        for o in tasks:
            oo = offs.get(id(o))
            if o is not t and o.sentence == t.sentence and o.deadline == d and oo and oo[0] < start:
                o.deadline = None


_CLAUSE_OPEN = re.compile(r"(?:^|[;:.\n]|^\s*(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*)[.)])\s*[*_]*\s*$", re.IGNORECASE)
_CASE_TAIL = re.compile(r"^[\s,]*(?:thì(?![\wÀ-ỹ])\s*)?", re.IGNORECASE)


def opening_condition(sentence: str, start: int, doc_date: Optional[date] = None) -> Optional[tuple[int, Deadline]]:
    """The conditional phrase that opens the clause of the task starting at ``start``: (its end, deadline), or None.

    A case or trigger written first in its clause ("Trường hợp các cơ quan có
    ý kiến khác nhau thì tổ chức họp …", "đ) Trường hợp phát sinh vướng mắc,
    kịp thời báo cáo …") covers the task that follows it in the same clause
    (annotation notes 02-05-06 §3, 04-07-08 §8); one in an earlier ";" clause
    or sentence does not.

    >>> s = "Trường hợp các cơ quan có ý kiến khác nhau thì tổ chức họp để thống nhất"
    >>> opening_condition(s, 0)[1].kind
    'conditional'
    >>> s = "Trường hợp hồ sơ chưa đầy đủ, trả lại hồ sơ; tổng hợp ý kiến các cơ quan"
    >>> opening_condition(s, s.index("tổng hợp")) is None
    True
    """
    for m in find_deadlines(sentence, doc_date=doc_date):
        if m.deadline.kind != "conditional" or m.start > start or not _CLAUSE_OPEN.search(sentence[:m.start]):
            continue
        # commas inside a bracket ("(chưa có quy định, quy định chưa rõ ràng, còn chồng chéo) thì …") list the case
        if m.end <= start and (_clause_break(sentence, m.end, start) is not None or mask(sentence[m.end:start]).count(",") > 1):
            continue
        return m.end, m.deadline
    return None


def _opening_conditions(tasks: list[Task], doc_date: Optional[date]) -> None:
    """Date each undated task by the case that opens its clause; a case that opens the task's text is cut from it."""
    for t in tasks:
        if t.deadline is not None and t.deadline.kind == "conditional" and _CASE_TAIL.match(t.task).end() > 0:
            rest = t.task[_CASE_TAIL.match(t.task).end():]
            t.task = rest if len(rest.split()) >= 2 else t.task  # "… trường hợp X thì gửi văn bản": not "thì gửi"
        off = _task_offset(t)
        if t.deadline is not None or off is None:
            continue
        found = opening_condition(t.sentence, off[0], doc_date)
        if found is None:
            continue
        end, t.deadline = found
        if end > off[0]:
            rest = t.sentence[end:off[1]]
            rest = rest[_CASE_TAIL.match(rest).end():]
            if len(rest.split()) >= 2:
                t.task = rest  # "Trường hợp … thì tổ chức họp …": the case is the time, not the task


@lru_cache(maxsize=1)
def _comma_case_re() -> re.Pattern:
    """A case noun ("trường hợp", "trong trường hợp": ``case_openers``) right after a comma or ";"."""
    return re.compile(r"[,;]\s*" + _alt(load_vocabulary()["case_openers"]) + r"(?![\wÀ-ỹ])", re.IGNORECASE)


def nearer_case(sentence: str, start: int, doc_date: Optional[date] = None) -> Optional[tuple[int, Deadline]]:
    """The case that opens the clause of the task starting at ``start`` — after a ";" or, for a case noun,
    after a comma ("…, trường hợp vượt thẩm quyền, báo cáo …") — as (its start, deadline), or None.

    >>> s = "X báo cáo về Sở Y tế để xem xét, trường hợp vượt thẩm quyền, báo cáo Ủy ban nhân dân thành phố"
    >>> nearer_case(s, s.index("báo cáo Ủy"))[1].text
    'trường hợp vượt thẩm quyền'
    >>> nearer_case(s, 0) is None
    True
    """
    for m in find_deadlines(sentence, doc_date=doc_date):
        if m.deadline.kind != "conditional" or m.end > start:
            continue
        head = sentence[:m.start].rstrip()
        after_comma = head.endswith(",") and bool(_comma_case_re().match(sentence, len(head) - 1))
        if not (_CLAUSE_OPEN.search(sentence[:m.start]) or after_comma):
            continue
        if _clause_break(sentence, m.end, start) is None and mask(sentence[m.end:start]).count(",") <= 1:
            return m.start, m.deadline
    return None


def _nearer_cases(tasks: list[Task], doc_date: Optional[date]) -> None:
    """A case written right before a task's clause beats a condition written earlier in the sentence; a task
    before the case that held it (its comma group ran over the case) takes the earlier condition back."""
    offs = _ordered_offsets(tasks)
    for i, t in enumerate(tasks):
        off = offs.get(id(t))
        found = nearer_case(t.sentence, off[0], doc_date) if off else None
        if found is None:
            continue
        pos, d = found
        old = t.deadline
        if old is not None and not (old.kind == "conditional" and 0 <= t.sentence.find(old.text) < pos):
            continue
        if old is not None and old.text == d.text:
            continue
        t.deadline = d
        for o in tasks[:i]:
            o_off = offs.get(id(o))
            if o.sentence == t.sentence and o.deadline == d and o_off and o_off[1] <= pos:
                keep = old is not None and t.sentence.find(old.text) < o_off[0]
                o.deadline = old if keep else None


def _stated_day_over_cycle(tasks: list[Task], doc_date: Optional[date]) -> None:
    """A cycle with its stated day later in the task's clause wins over a cycle without one.

    "gửi Sở Tài chính báo cáo định kỳ 6 tháng trước ngày 10 tháng 6 hàng năm": "định kỳ 6 tháng" names the
    report, the stated day is when it is due (annotation notes, 11 §3): the more specific cycle wins, as
    in a time slot (``time_value``).
    """
    for t in tasks:
        d, off = t.deadline, _task_offset(t)
        if d is None or d.kind != "recurring" or d.day is not None or off is None:
            continue
        for m in find_deadlines(t.sentence, doc_date=doc_date):
            md = m.deadline
            if (md.kind == "recurring" and md.day is not None and m.start >= off[0]
                    and _clause_break(t.sentence, off[0], m.start) is None):
                t.deadline = md
                break


_WRITTEN_YEAR = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")


def _cycle_for_a_yearless_day(sentence: str, off: tuple[int, int], d: Deadline,
                              doc_date: Optional[date]) -> Optional[Deadline]:
    """The cycle a day without its year belongs to: "Các bộ, ngành định kỳ hằng năm gửi báo cáo … trước ngày
    15 tháng 12" is yearly on 15 December, as "Định kỳ hằng năm (trước ngày 15 tháng 12)" is (the gold of
    extra 13); the cycle stands before the date in the task's clause or in the frame before the task."""
    if d.kind not in ("by", "on") or _WRITTEN_YEAR.search(d.text):
        return None
    day_date = d.date or _day_without_year(d.text)
    if not day_date:
        return None
    at = sentence.find(d.text, off[0])
    for m in find_deadlines(sentence, doc_date=doc_date):
        md = m.deadline
        if (md.kind == "recurring" and md.frequency in ("yearly", "monthly") and md.day is None
                and m.end <= (at if at >= 0 else off[1]) and _clause_break(sentence, m.end, off[0]) is None
                and (at < 0 or _clause_break(sentence, max(m.end, off[0]), at) is None)):
            day, month = int(day_date[8:10]), int(day_date[5:7])
            return md.model_copy(update={"day": day, "month": month if md.frequency == "yearly" else None})
    return None


def _day_without_year(phrase: str) -> Optional[str]:
    """The day and month of a yearless phrase when the document's date is unknown (any leap year stands in)."""
    found = find_deadlines(phrase, doc_date=date(2000, 1, 1))
    return found[0].deadline.date if found and found[0].deadline.kind in ("by", "on") else None


def _yearless_days(tasks: list[Task], doc_date: Optional[date]) -> None:
    for t in tasks:
        off = _task_offset(t)
        if t.deadline is not None and off is not None:
            t.deadline = _cycle_for_a_yearless_day(t.sentence, off, t.deadline, doc_date) or t.deadline


def settle_clause_times(tasks: list[Task], doc_date: Optional[date] = None) -> list[Task]:
    """Settle the times written in each task's own sentence (see the facts above)."""
    _own_clause_cycle(tasks)
    _clause_tags(tasks)
    _embedded_targets(tasks)
    _target_years(tasks)
    _target_clause_years(tasks)
    _stated_day_over_cycle(tasks, doc_date)
    _yearless_days(tasks, doc_date)
    _head_adverbs(tasks, doc_date)
    _trigger_over_ongoing(tasks, doc_date)
    _bracketed(tasks, doc_date)
    _opening_conditions(tasks, doc_date)
    _nearer_cases(tasks, doc_date)
    return tasks
