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
from datetime import date
from typing import Optional

from ..models import AgencyRef, BlockInfo, NormalizedDocument, Task, TextBlock
from .layout_vocab import layout_vocab
from .mentions import agency_type, canonical, find_agencies, find_deadlines, parse_deadline
from .roles import fallback_subject
from .text import trim, words

__all__ = ["table_tasks", "column_roles"]


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\wÀ-ỹ/ ]", " ", s.lower()).split())


def column_roles(header: list[str]) -> dict[str, int]:
    """Map 'task', 'lead', 'support', 'time', 'number' to column indexes, by the words of each header cell.

    The words come from ``layout.yaml`` (``table_columns``), tried role by role in
    the file's order, so "Cơ quan phối hợp" is a support column before it can be
    a lead one; each role takes the first column that matches.
    """
    roles: dict[str, int] = {}
    for i, h in enumerate(header):
        h = _norm(h)
        if not h:
            continue
        for role, pat in layout_vocab().columns:
            if role not in roles and pat.search(h):
                roles[role] = i
                break
    return roles


def _split_bodies(cell: str) -> list[tuple[str, str]]:
    """(name, canonical) of the bodies in a cell: the recogniser's names, else the cell split."""
    ms = find_agencies(cell)
    if ms:
        return [(m.name, m.canonical or canonical(m.name)) for m in ms]
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


def table_tasks(doc: NormalizedDocument, rows: list[TextBlock], info: dict[int, BlockInfo],
                doc_date: Optional[date] = None) -> list[Task]:
    """Tasks of one table (its rows in order); [] when the table does not assign work."""
    if not rows:
        return []
    text = doc.text
    header = None
    for r in rows:
        if r.header:
            header = r.header
            break
    if header is None:
        first = rows[0]
        if first.cells:
            header = [text[c.start:c.end] for c in first.cells]
    if not header:
        return []
    roles = column_roles(header)
    if "task" not in roles or not ({"lead", "support"} & set(roles)):
        return []
    out: list[Task] = []
    carry: dict[str, str] = {}
    for r in rows:
        if r.is_header_row or not r.cells:
            continue
        cells = [text[c.start:c.end] for c in r.cells]
        if _norm(" ".join(cells)) == _norm(" ".join(header)):
            continue
        filled = r.filled_cells

        def cell(role: str) -> str:
            i = roles.get(role)
            if i is None:
                return ""
            val = cells[i] if i < len(cells) else ""
            if not val.strip() and filled is not None and i < len(filled):
                val = filled[i]
            return val.strip()

        task_cell = cell("task")
        if not task_cell or len(words(task_cell)) < 2:
            continue
        lead_cell, sup_cell, time_cell = cell("lead"), cell("support"), cell("time")
        others = [lead_cell, sup_cell, time_cell]
        number = cell("number")
        if not any(others) and (task_cell.isupper() or re.fullmatch(r"[IVXLC]+\.?|[A-ZĐ]\.?", number)):
            carry = {}
            continue  # a group row ("I | CÔNG TÁC TUYÊN TRUYỀN | | |", "A | Nhóm nhiệm vụ về thể chế | | |")
        merged = False
        if not lead_cell and carry.get("lead"):
            merged = True
            lead_cell = carry["lead"]
            if not sup_cell:
                sup_cell = carry.get("support", "")
            if not time_cell:
                time_cell = carry.get("time", "")
        carry = {"lead": lead_cell, "support": sup_cell, "time": time_cell}
        ti = roles["task"]
        c = r.cells[ti] if ti < len(r.cells) else None
        t_start = c.start if c is not None else r.start
        t_text = task_cell
        # "Doanh nghiệp …, nhà đầu tư bảo đảm kinh phí …" with the same bodies as chủ trì: keep the predicate
        if lead_cell and t_text.lower().startswith(lead_cell.lower()) and len(t_text) > len(lead_cell) + 3:
            t_text = t_text[len(lead_cell):].lstrip(" ,:")
        agencies: list[AgencyRef] = []
        seen: set[str] = set()
        for role, cell_text in (("lead", lead_cell), ("support", sup_cell)):
            for name, canon in _split_bodies(cell_text):
                if name.lower() in seen:
                    continue
                seen.add(name.lower())
                agencies.append(AgencyRef(name=name, canonical=canon, role=role, type=agency_type(name)))
        dl = None
        if time_cell:
            found = find_deadlines(time_cell, doc_date)
            dl = found[0].deadline if found else parse_deadline(time_cell, doc_date)
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
