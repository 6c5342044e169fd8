"""Assignment tables: one task per row (task / chủ trì / phối hợp / thời hạn columns).

A plan's appendix often lists its tasks as a table. The header row names the
columns; each body row gives the task, its lead body ("Cơ quan chủ trì"),
its partners ("Cơ quan phối hợp") and its time ("Thời gian thực hiện"). A
row whose lead or time cell is empty continues a vertically merged cell of
the rows above: the readers give the copied-down value in
``TextBlock.filled_cells`` (DOCX/PDF); for text formats the value of the last
row that had one is carried. ``sentence`` is the row, cells joined " | ".
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from itertools import combinations
from typing import Optional

from functools import lru_cache

from ..deadlines import find_deadlines, load_vocabulary as deadline_vocabulary
from .clauses import opening_partners, role_frame
from .frames import frames
from .lexicon import word_alt
from ..models import AgencyRef, BlockInfo, Deadline, NormalizedDocument, Task, TextBlock
from ..structure.sections import load_rules
from .layout_vocab import layout_vocab
from .mentions import agency_type, canonical, find_agencies
from .predicates import is_verb_start
from .roles import fallback_subject
from .text import trim, words
from .timing import time_value

__all__ = ["table_tasks", "column_roles", "table_parts", "lost_header_blocks", "unmarked", "blank_body_marks"]


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\wÀ-ỹ/ ]", " ", s.lower()).split())


def unmarked(cell: str) -> str:
    """A header cell without the footnote marks closing it ("Cơ quan chủ trì[1]", "… hành động¹", "Thời hạn (2)",
    "Nội dung*", "Cơ quan chủ trì1" where a superscript run was read as a digit): a copy from the web or a DOCX
    leaves them; they are no part of the column's name and no figure (``layout.yaml`` ``table_header_marks``).
    The cell's start is kept, so the text is a prefix of the cell as written."""
    m = layout_vocab().header_marks.search(cell, max(0, len(cell) - 40))
    return cell[:m.start()] if m else cell


def blank_body_marks(cell: str) -> str:
    """A body cell with the footnote marks that close a name ("Bộ Tài chính[2]; Bộ Công an", "Sở Y tế¹") turned
    into spaces of the same length (``table_body_marks``): the names read as written, offsets into the cell kept."""
    return layout_vocab().body_marks.sub(lambda m: " " * len(m.group()), cell)


def column_roles(header: list[str]) -> dict[str, int]:
    """Map 'task', 'lead', 'support', 'time', 'number' to column indexes, by the words of each header cell.

    The words come from ``layout.yaml`` (``table_columns``), tried role by role in
    the file's order, so "Cơ quan phối hợp" is a support column before it can be
    a lead one; each role takes the first column that matches. A column named
    for both roles ("Đơn vị chủ trì/phối hợp") is 'assign': its cells hold both.
    A column that groups the rows ("Thuộc nhóm nhiệm vụ, hành động", "Lĩnh vực":
    ``table_group_columns``) is never the task column, though it names a task
    word: it is 'group', and the task column is the one that names the work
    ("Nội dung nhiệm vụ"). Footnote marks closing a cell are no part of its name.
    """
    roles: dict[str, int] = {}
    vocab = layout_vocab()
    for i, h in enumerate(header):
        h = _norm(unmarked(h))
        if not h:
            continue
        if "assign" not in roles and _both_roles(h):
            roles["assign"] = i
            continue
        group = bool(vocab.group_column.search(h))
        for role, pat in vocab.columns:
            if role not in roles and not (group and role == "task") and pat.search(h):
                roles[role] = i
                break
        else:
            if group and "group" not in roles:
                roles["group"] = i
    return roles


def _both_roles(h: str) -> bool:
    pats = dict(layout_vocab().columns)
    return bool(pats["support"].search(h) and frames().lead_word.search(h))


def _names_columns(cells: list[str]) -> bool:
    """Is a row a header (every filled cell is a column name, no figures but footnote marks), e.g. one repeated
    lower down?"""
    named = [unmarked(c).strip() for c in cells if unmarked(c).strip()]
    return len(named) >= 2 and all(column_roles([c]) for c in named) and not any(re.search(r"\d", c) for c in named)


def _header_cell(cell: str) -> str:
    """A cell as a header names a column: without markup and footnote marks ("**Cơ quan chủ trì[1]**")."""
    return unmarked(cell.strip(" *_")).strip(" *_")


def _may_name_column(cell: str) -> bool:
    """Could a cell be a column's name: short, with no figure once its footnote marks are set aside?"""
    c = _header_cell(cell)
    return bool(c) and not re.search(r"\d", c) and len(c.split()) <= 6


def _heads_assignments(cells: list[str]) -> bool:
    """Do short cells head an assignment table: at least three, most of them column names, among them a task
    and a body column (a column the vocabulary does not name, "Chỉ tiêu đạt được", may stand among them)?"""
    roles = column_roles(cells)
    named = sum(1 for c in cells if column_roles([c]))
    return (len(cells) >= 3 and 2 * named > len(cells) and "task" in roles
            and bool({"lead", "support", "assign"} & set(roles)))


def _glued_header(cells: list[str]) -> int:
    """How many trailing cells of a row are the header of an assignment table (0 when they are not): short
    cells without figures, most of them column names, among them a task and a body column ("STT | Tên nhiệm
    vụ | Đơn vị chủ trì | Thời hạn | Kết quả thực hiện | Tiến độ"). Footnote marks ("Cơ quan chủ trì[1]") are
    no figures."""
    run = 0
    for c in reversed(cells):
        if not _may_name_column(c):
            break
        run += 1
    while run and load_rules().appendix.match(_header_cell(cells[len(cells) - run])):
        run -= 1  # "PHỤ LỤC II" before the header: its title, no column
    tail = [_header_cell(c) for c in cells[len(cells) - run:]]
    return run if _heads_assignments(tail) else 0


def _header_lines(doc: NormalizedDocument, first: TextBlock, widths: set[int]) -> Optional[list[TextBlock]]:
    """The short paragraphs right before a table whose first row is a body row that name its columns (a
    converter split the header row into lines, or a web page's layout cell held it), or None. As many lines as
    the table has columns (one of its rows' widths, the widest that fits), most of them column names, among
    them a task and a body column; footnote marks are no figures ("Cơ quan chủ trì[1]")."""
    run: list[TextBlock] = []
    for b in reversed(doc.blocks[:first.index]):
        if b.kind == "table_row" or not _may_name_column(doc.text[b.start:b.end]):
            break
        run.insert(0, b)
    for w in sorted((w for w in widths if 3 <= w <= len(run)), reverse=True):
        lines = run[len(run) - w:]
        if _heads_assignments([_header_cell(doc.text[b.start:b.end]) for b in lines]):
            return lines
    return None


def _header_before(doc: NormalizedDocument, first: TextBlock, widths: set[int]) -> Optional[list[str]]:
    """Column names written as the short paragraphs right before a table (``_header_lines``), or None."""
    lines = _header_lines(doc, first, widths)
    return [_header_cell(doc.text[b.start:b.end]) for b in lines] if lines else None


def _run_widths(blocks: list[TextBlock], k: int) -> set[int]:
    """The widths of the rows of the run of table rows that starts at block ``k``."""
    out: set[int] = set()
    for b in blocks[k:]:
        if b.kind != "table_row":
            break
        out.add(len(b.cells or []))
    return out


def lost_header_blocks(doc: NormalizedDocument) -> set[int]:
    """The blocks of header lines that ``table_parts`` reads as a table's header, and the paragraph right before
    them (the table's title: "Các nhiệm vụ … quá hạn chưa hoàn thành"): none of them is an item of its own."""
    out: set[int] = set()
    blocks = doc.blocks
    for k, b in enumerate(blocks):
        if b.kind != "table_row" or not b.cells or (k and blocks[k - 1].kind == "table_row") or b.header:
            continue
        lines = _header_lines(doc, b, _run_widths(blocks, k))
        if lines is None:
            continue
        first = lines[0].index
        out.update(range(first, b.index))
        if first > 0 and blocks[first - 1].kind != "table_row":
            out.add(first - 1)
    return out


def _title_cell(cell: str) -> bool:
    """A cell that is the title of the table whose header follows it in a glued row ("PHỤ LỤC II DANH MỤC CÁC
    NHIỆM VỤ …"): an appendix heading (``sections.yaml`` ``appendix``) or a cell written in capitals."""
    c = cell.strip(" *_")
    letters = [ch for ch in c[:80] if ch.isalpha()]
    return bool(load_rules().appendix.match(c)) or (len(letters) >= 12 and all(ch.isupper() for ch in letters))


def _titled_header(cells: list[str], k: int) -> int:
    """A glued header of ``k`` trailing cells, widened to the column names before them when a title stands right
    before those (a short row: "| Tổ chức … | Bộ Tư pháp | Năm 2027 | PHỤ LỤC II DANH MỤC … | STT | Tên dự án |
    …", where the row's own width cuts the header after "STT"); else ``k``."""
    n = len(cells)
    j = n - k
    while j > 1 and _may_name_column(cells[j - 1]) and column_roles([_header_cell(cells[j - 1])]):
        j -= 1
    return n - j if j < n - k and _title_cell(cells[j - 1]) else k


def table_parts(doc: NormalizedDocument, rows: list[TextBlock]) -> list[tuple[Optional[list[str]], list[TextBlock]]]:
    """The tables of a run of rows, each with its header when the layout lost it: (header or None, rows).

    Text converters glue a table's title and the next table's header onto the last row of the table before
    ("| 9. | Xây dựng … | Các bộ | 30/09/2025 | 2. Các nhiệm vụ … | STT | Nhiệm vụ | … | Thời hạn hoàn thành |"):
    a row wider than the table whose trailing cells name the columns of an assignment table gives them as the
    header of the rows after it, and keeps its first cells (at most as many as the table has columns); a
    title in capitals or an appendix heading right before the header is no cell of the row, even when the
    row is short ("| Mặt trận … | … | Giai đoạn 2026 - 2030 | PHỤ LỤC II DANH MỤC … | STT | Tên dự án, nhiệm
    vụ | …"). The first table's header may come as short paragraphs right before it."""
    text = doc.text
    widths = Counter(len(r.cells) for r in rows if r.cells)
    if not widths:
        return [(None, rows)]
    width = widths.most_common(1)[0][0]
    header = _header_before(doc, rows[0], set(widths)) if not rows[0].header else None
    parts: list[tuple[Optional[list[str]], list[TextBlock]]] = []
    cur: list[TextBlock] = []
    for r in rows:
        own = len(header) if header else width
        cells = [text[c.start:c.end] for c in r.cells or []]
        k = _glued_header(cells[own:]) if len(cells) > own else 0
        if k:
            k = _titled_header(cells, k)
            keep = min(own, len(cells) - k)
            if keep == len(cells) - k and keep > 1 and _title_cell(cells[keep - 1]):
                keep -= 1
            cur.append(r.model_copy(update={"cells": r.cells[:keep], "end": r.cells[keep - 1].end}))
            parts.append((header, cur))
            header, cur = [_header_cell(c) for c in cells[-k:]], []
            continue
        cur.append(r)
    parts.append((header, cur))
    return [(h, rs) for h, rs in parts if rs]


def _header(rows: list[TextBlock], text: str, given: Optional[list[str]] = None) -> tuple[Optional[list[str]], Optional[int]]:
    """The header cells, and the index of a second header row that names the parts of a merged header cell
    ("Cơ quan thực hiện" over "Chủ trì | Phối hợp"); the second row's words win where it has any. A header
    ``given`` by ``table_parts`` (lost by the layout) comes first."""
    if given:
        return given, None
    header = next((r.header for r in rows if r.header), None)
    if header is None and rows[0].cells:
        header = [text[c.start:c.end] for c in rows[0].cells]
    if not header:
        return None, None
    start = 0 if rows[0].header else 1
    for k in range(start, min(start + 2, len(rows))):
        r = rows[k]
        if r.is_header_row or not r.cells:
            continue
        cells = [text[c.start:c.end].strip() for c in r.cells]
        if len(cells) == len(header) and _names_columns(cells):
            return [c or h for c, h in zip(cells, header)], k
        break
    return header, None


def _split_bodies(cell: str) -> list[tuple[str, str]]:
    """(name, canonical) of the bodies in a cell: the recogniser's names, else the cell split. A body column lists
    its bodies by ";" (or line): beside known names, a part the recogniser has no name for ("Viện, Trường;
    Doanh nghiệp; Sở, ban, ngành có liên quan") is still a body, kept whole as written (a group of generic nouns
    stays one, annotation rule A5 in docs/tasks.md)."""
    ms = find_agencies(cell)
    if ms:
        named = [(m.start, m.name, m.canonical or canonical(m.name)) for m in ms]
        unnamed = [(at, part, canonical(part)) for at, part in _unnamed_parts(cell, ms)]
        return [(name, canon) for _, name, canon in sorted(named + unnamed, key=lambda x: x[0])]
    out = []
    for part in re.split(r"\s*[;\n]\s*", cell):
        s, e = trim(part, 0, len(part))
        if e <= s:
            continue
        for a, b in fallback_subject(part, s, e):
            a, b = trim(part, a, b)
            if b > a:
                out.append((part[a:b], canonical(part[a:b])))
    return out


def _unnamed_parts(cell: str, ms: list) -> list[tuple[int, str]]:
    """The ";" (or line) parts of ``cell`` that hold no recognised name and start with a capital (a name as
    written, not a note such as "(nếu có)" or "các đơn vị khác" left after a list)."""
    out, pos = [], 0
    for part in re.split(r"([;\n])", cell):
        start, pos = pos, pos + len(part)
        if part in (";", "\n"):
            continue
        s, e = trim(part, 0, len(part))
        if e > s and part[s].isupper() and not any(start + s <= m.start < start + e for m in ms):
            out.append((start + s, part[s:e]))
    return out


def _assign_cell(value: str, sup_cell: str) -> tuple[str, str]:
    """(lead, support) texts of a cell naming both: "Sở A / Sở B", "Sở A chủ trì, phối hợp với Sở B"."""
    if "/" in value:
        lead, sup = value.split("/", 1)
        return lead.strip(), (sup_cell + "; " + sup.strip()).strip("; ")
    m = frames().maybe_lead_support.search(value)
    if m and m.start() > 0:
        lead = frames().lead_at_end.sub("", value[:m.start()])
        return lead.strip(" ,"), (sup_cell + "; " + value[m.end():].strip()).strip("; ")
    return value, sup_cell


_GROUP_LABEL = re.compile(r"[*_\s]*(?:[IVXLC]+|[A-ZĐ])\.?[*_\s]*")
_NUMBER = re.compile(r"[*_\s]*(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]+|[a-zđ])[.)]?[*_\s]*[a-z]?")


_BULLET = re.compile(r"^[-+•–]\s*")
_BODY_ROLES = ("lead", "support", "assign")


def _fit(role: Optional[str], value: str) -> int:
    """How well a cell's text fits a column's role (the realignment's score). A cell that lists its items
    ("- Rà soát …; - Xây dựng …") is read from its first item."""
    v = _BULLET.sub("", value.strip(" *_"))
    if role == "task":
        return 3 if is_verb_start(v) else (1 if len(v.split()) >= 3 and not find_agencies(v) else -3)
    if role in _BODY_ROLES:  # bodies, not work that names one ("Xây dựng trình Thủ tướng Chính phủ …")
        return 2 if find_agencies(v) and not is_verb_start(v) else -2
    if role == "time":
        return 2 if time_value(v) else -2
    if role == "number":
        return 1 if _NUMBER.fullmatch(v) else -2
    if role == "group":  # a grouping cell spans the rows of its group: a short row rarely holds one
        return -2
    return 0


def realign_short_row(cells: list[str], roles: dict[str, int], width: int) -> Optional[list[Optional[str]]]:
    """A body row with fewer cells than the header continues vertically merged cells of the row above.

    Text formats drop the merged cells, so the row's cells belong to the columns not merged, in order; which
    columns those are is read from the cells' content (a task in the task column, bodies in the body
    columns, a time in the time column). Between placements that fit as well, the one whose merged columns
    form fewer runs wins (cells merged down a group of rows sit side by side: "STT | Chủ trì | Phối hợp |
    Nhóm" over "Nội dung | Chỉ tiêu | Thời hạn"), then the one whose merged columns come later. Returns the
    row at full width, ``None`` for each merged column, or ``None`` when the row is no continuation (a group
    row "| I | NHÓM NHIỆM VỤ … |", or no fit).
    """
    k = width - len(cells)
    if k <= 0 or len(cells) < 2 or "task" not in roles:
        return None
    named = [c.strip(" *_") for c in cells if c.strip(" *_")]
    if _GROUP_LABEL.fullmatch(cells[0]) or any(c.isupper() for c in named):
        return None
    role_of = {i: r for r, i in roles.items()}
    best, best_key = None, (0, -width)
    for merged in combinations(range(width), k):
        if roles["task"] in merged:
            continue
        it = iter(cells)
        row = [None if i in merged else next(it) for i in range(width)]
        score = sum(_fit(role_of.get(i), v) for i, v in enumerate(row) if v is not None)
        key = (score, -_runs(merged))
        if score > 0 and key >= best_key:  # on a full tie the later columns are the merged ones
            best, best_key = row, key
    return best


def _runs(columns: tuple[int, ...]) -> int:
    """How many runs of side-by-side columns a sorted set of columns forms ((0, 1, 2, 3) one, (1, 2, 5, 6) two)."""
    return sum(1 for j, c in enumerate(columns) if j == 0 or c != columns[j - 1] + 1)


def _continuation(cells: list[str], roles: dict[str, int], width: int) -> Optional[list[Optional[str]]]:
    """A short row realigned (``realign_short_row``); a full-width row whose trailing cells are empty only
    when its leading cells fit other columns than their own (a converter padded the short row: "| Vận
    hành … | Sở X | | | |" whose first cell sits under STT), else None (the empties are the row's own)."""
    core = list(cells)
    while core and not core[-1].strip():
        core.pop()
    if len(cells) < width:
        return realign_short_row(cells, roles, width) if len(core) == len(cells) else None
    if len(core) == len(cells):
        return None
    got = realign_short_row(core, roles, width)
    return None if got is None or got[: len(core)] == core else got


_DOTTED_LABEL = re.compile(r"(?:[IVXLC]+|[A-ZĐa-zđ]|\d{1,2})(?:\.\d{1,2})+\.?|[IVXLC]+\.?|[A-ZĐ]\.?")


def _group_title(cells: list[str]) -> bool:
    """A group row: at most a label ("III.1", "III.1.2", "A") and one title that is no action ("| III.1 | Nhóm
    ứng dụng, nền tảng số quy mô quốc gia |", "| | Nhiệm vụ giao Bộ trưởng Bộ Công an chỉ đạo | | | |"). It
    heads the rows below; it is no task and carries no body or time to them."""
    filled = [c.strip(" *_") for c in cells if c.strip(" *_")]
    if not filled or len(filled) > 2:
        return False
    title = filled[-1]
    label = filled[0] if len(filled) == 2 else ""
    if label and not _DOTTED_LABEL.fullmatch(label):
        return False
    return title[0].isupper() and not is_verb_start(title) and len(title.split()) >= 3


@lru_cache(maxsize=1)
def _cut_time_tail() -> re.Pattern:
    """", hoàn thành trong" closing a task cell whose time is in the time column ("…, hoàn thành trong | … |
    31/10/2025"): a modal (``time_clause_modals``), a completion word and a time cue of deadlines.yaml, no time."""
    v = deadline_vocabulary()
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    cues = alt(v["by_cues"] + v["on_cues"] + v["until_cues"])
    return re.compile(rf"[,;]\s*(?:(?:{word_alt('time_clause_modals')})\s+)?(?:{alt(v['completion_words'])})"
                      rf"(?:\s+(?:{cues}))?\s*[.;,]?\s*$", re.IGNORECASE)


def _past_time_tail(cell: str) -> str:
    """A task cell without the completion clause that closes it, when the row's time column holds the time:
    "…, hoàn thành trong" (its time went to the next column) or "…, hoàn thành trong tháng 11/2025."."""
    cut = _cut_time_tail().search(cell)
    end = cut.start() if cut else len(cell)
    for m in find_deadlines(cell):
        lead = _CLAUSE_LEAD.search(cell, 0, m.start)
        if lead and not cell[m.end:].strip(" .;,") and _completion_open().match(m.deadline.text):
            end = lead.start()
    return cell[:end].rstrip() if words(cell[:end]) else cell


_CLAUSE_LEAD = re.compile(rf"[,;]\s*(?:(?:{word_alt('time_clause_modals')})\s+)?$", re.IGNORECASE)


def _cell_cue(task_cell: str, dl: Optional[Deadline], doc_date: Optional[date]) -> Optional[Deadline]:
    """"… gửi về Văn phòng … trước ngày 18/10/2025 | … | 18/10/2025": the time column repeats the date the task
    cell writes with its own cue; the cell's phrase says what kind of time it is (``by``), the column only the
    date."""
    if dl is None or dl.kind != "on" or not dl.date:
        return dl
    own = [m.deadline for m in find_deadlines(task_cell, doc_date=doc_date)
           if m.deadline.kind == "by" and m.deadline.date == dl.date]
    return own[-1] if own else dl


@lru_cache(maxsize=1)
def _completion_open() -> re.Pattern:
    return re.compile(r"(?:" + "|".join(re.escape(w) for w in deadline_vocabulary()["completion_words"]) + r")(?![\wÀ-ỹ])",
                      re.IGNORECASE)


def _past_topic(t_text: str) -> int:
    """Where the work starts after a topic that opens a task cell ("Về CSDL quốc gia về thủ tục hành chính, chủ
    trì, …": layout.yaml ``heading_topic_prefixes`` up to its first comma, no ";" or ":" before it), else 0."""
    m = layout_vocab().topic_prefix.match(t_text)
    if not m:
        return 0
    comma = t_text.find(",", m.end())
    if comma < 0 or any(ch in t_text[m.end():comma] for ch in ";:"):
        return 0
    q = comma + 1
    while q < len(t_text) and t_text[q].isspace():
        q += 1
    return q


def _cell_frame(t_text: str) -> tuple[str, list]:
    """A task cell that opens with the role frame, its lead in the row's own column ("Chủ trì phối hợp với Bộ
    Khoa học và Công nghệ xây dựng cẩm nang …" | Bộ Công an): the work without the frame, and the partners
    (the sentence analyser's own frame reading, ``clauses.role_frame``)."""
    mentions = find_agencies(t_text)
    p, partners = role_frame(t_text, 0, len(t_text), mentions)
    if not partners:  # "Phối hợp với Bộ Công an xây dựng …": the cell's own partners, the row's lead
        p, partners = opening_partners(t_text, mentions)
    if not partners:  # "Về CSDL ngành Y tế, chủ trì, phối hợp với Bộ Công an …": the frame after a topic
        q = _past_topic(t_text)
        if q:
            p, partners = role_frame(t_text, q, len(t_text), mentions)
    rest = t_text[p:].strip(" ,:")
    if not partners or len(words(rest)) < 2 or not rest[0].isalpha():
        return t_text, []  # no frame, no work after the partners, or a name cut inside ("… UBND TP. Hà Nội …")
    return rest, partners


def table_tasks(doc: NormalizedDocument, rows: list[TextBlock], info: dict[int, BlockInfo],
                doc_date: Optional[date] = None, header: Optional[list[str]] = None) -> list[Task]:
    """Tasks of one table (its rows in order); [] when the table does not assign work."""
    if not rows:
        return []
    text = doc.text
    header, sub_header = _header(rows, text, header)
    if not header:
        return []
    roles = column_roles(header)
    if "task" not in roles or not ({"lead", "support", "assign"} & set(roles)):
        return []
    out: list[Task] = []
    carry: dict[str, str] = {}
    prev: list[str] = []  # the last body row at full width: what a short row's merged cells hold
    for k, r in enumerate(rows):
        if r.is_header_row or not r.cells or k == sub_header:
            continue
        cells = [text[c.start:c.end] for c in r.cells]
        if _group_title(cells):
            carry, prev = {}, []
            continue
        spanned = _continuation(cells, roles, len(header))
        if spanned is not None:  # merged cells take the row above's; right after a group row there is none
            cells = [(prev[i] if prev else "") if v is None else v for i, v in enumerate(spanned)]
        if _norm(" ".join(cells)) == _norm(" ".join(header)) or _names_columns(cells):
            if len(cells) == len(header) and _names_columns(cells):
                again = column_roles(cells)  # a header repeated lower down may name the columns anew
                roles = again if "task" in again and ({"lead", "support", "assign"} & set(again)) else roles
            continue
        filled = r.filled_cells

        def cell(role: str) -> str:
            i = roles.get(role)
            if i is None:
                return ""
            val = cells[i] if i < len(cells) else ""
            if not val.strip() and filled is not None and i < len(filled):
                val = filled[i]
            return (blank_body_marks(val) if role in _BODY_ROLES else val).strip()

        task_cell = cell("task")
        if not task_cell or len(words(task_cell)) < 2:
            continue
        lead_cell, sup_cell, time_cell = cell("lead"), cell("support"), cell("time")
        if "assign" in roles and not lead_cell:
            lead_cell, sup_cell = _assign_cell(cell("assign"), sup_cell)
        others = [lead_cell, sup_cell, time_cell]
        number = cell("number")
        if not any(others) and (task_cell.isupper() or re.fullmatch(r"[IVXLC]+\.?|[A-ZĐ]\.?", number)):
            carry = {}
            continue  # a group row ("I | CÔNG TÁC TUYÊN TRUYỀN | | |", "A | Nhóm nhiệm vụ về thể chế | | |")
        merged = spanned is not None and bool(prev)
        prev = cells if len(cells) == len(header) else prev
        if not lead_cell and carry.get("lead"):
            merged = True
            lead_cell = carry["lead"]
            if not sup_cell:
                sup_cell = carry.get("support", "")
            if not time_cell:
                time_cell = carry.get("time", "")
        carry = {"lead": lead_cell, "support": sup_cell, "time": time_cell}
        t_text = _BULLET.sub("", task_cell)  # a cell that lists its items opens with the first one's dash
        # "Doanh nghiệp …, nhà đầu tư bảo đảm kinh phí …" with the same bodies as chủ trì: keep the predicate
        if lead_cell and t_text.lower().startswith(lead_cell.lower()) and len(t_text) > len(lead_cell) + 3:
            t_text = t_text[len(lead_cell):].lstrip(" ,:")
        t_text, partners = _cell_frame(t_text) if lead_cell else (t_text, [])
        agencies: list[AgencyRef] = []
        seen: set[str] = set()
        for role, cell_text in (("lead", lead_cell), ("support", sup_cell)):
            for name, canon in _split_bodies(cell_text):
                if name.lower() in seen:
                    continue
                seen.add(name.lower())
                agencies.append(AgencyRef(name=name, canonical=canon, role=role, type=agency_type(name)))
        for p in partners:
            if p.name.lower() not in seen:
                seen.add(p.name.lower())
                agencies.append(AgencyRef(name=p.name, canonical=p.canonical or canonical(p.name), role="support",
                                          type=agency_type(p.name)))
        dl = None
        if time_cell:
            dl = time_value(time_cell, doc_date)  # tasks.timing: a time column's cell
            dl = _cell_cue(t_text, dl, doc_date)
            t_text = _past_time_tail(t_text) if dl else t_text
        bi = info.get(r.index)
        out.append(Task(
            id="",
            section=bi.section if bi else "PL",
            sentence=text[r.start:r.end],
            task=t_text,
            agencies=agencies,
            deadline=dl,
            report_to=[],
            span=(r.start, r.end),
            page=r.location.page,
            rule="table-row+merged" if merged else "table-row",
        ))
    return out
