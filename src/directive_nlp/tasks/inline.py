"""Assignments written inside a task's own paragraph.

Two common shapes put the actor and the time after the task instead of
above it:

* a trailing parenthesis: "Rà soát quy hoạch … (Sở Văn hóa chủ trì, phối hợp
  với UBND các huyện; thời gian hoàn thành: Quý II/2026)." or "(UBND các huyện
  thực hiện, hằng năm)";
* label sentences in the same paragraph: "… Cơ quan chủ trì: Sở X; cơ quan
  phối hợp: Sở Y; thời gian thực hiện: năm 2026."

:func:`parse_assignment` reads such a text into leads, supports and a
deadline; the extractor applies them to the tasks of the sentence or item,
as a labelled block applies to the tasks of its block (annotation rule A1, docs/tasks.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from .frames import frames
from ..models import Deadline
from .labels import read_label
from .mentions import Ag, canonical, find_agencies, find_deadlines, parse_deadline, ag
from .roles import bridge_partners, chain_at, fallback_subject
from .text import mask, split_at, trim, words

__all__ = ["Assignment", "parse_assignment", "trailing_paren"]



@dataclass
class Assignment:
    leads: list[Ag] = field(default_factory=list)
    supports: list[Ag] = field(default_factory=list)
    deadline: Optional[Deadline] = None

    def __bool__(self) -> bool:
        return bool(self.leads or self.deadline)


def _bodies(text: str) -> list[Ag]:
    ms = find_agencies(text)
    if ms:
        return ms
    s, e = trim(text, 0, len(text))
    out = []
    for a, b in fallback_subject(text, s, e):
        a, b = trim(text, a, b)
        if b > a and len(words(text[a:b])) <= 12:
            out.append(ag(a, b, text[a:b], canonical(text[a:b]), None))
    return out


def parse_assignment(text: str, doc_date: Optional[date] = None) -> Optional[Assignment]:
    """Leads, supports and deadline written in ``text`` ("X chủ trì, phối hợp với Y; thời gian: Z"), or None."""
    res = Assignment()
    masked = mask(text)
    for a, b in split_at(masked, 0, len(text), r";"):
        seg = text[a:b].strip().rstrip(".")
        if not seg:
            continue
        lab = read_label(seg)
        if lab:
            kind = lab.kind
            value = seg[lab.value_start:]
            if kind == "lead":
                res.leads += _bodies(value)
            elif kind == "support":
                res.supports += _bodies(value)
            elif kind == "assign" and "/" in value:  # "Chủ trì/phối hợp: Sở A/Sở B"
                lead, sup = value.split("/", 1)
                res.leads += _bodies(lead)
                res.supports += _bodies(sup)
            elif kind == "assign":
                res.leads += _bodies(value)
            elif kind == "time":
                found = find_deadlines(value, doc_date)
                res.deadline = res.deadline or (found[0].deadline if found else parse_deadline(value, doc_date))
            continue
        ms = find_agencies(seg)
        chain, cend = chain_at(seg, 0, ms, len(seg))
        if chain:
            fm = frames().paren_frame.match(seg, cend)
            if fm:
                if frames().paren_support_verb.match(fm.group("verb")):
                    res.supports += chain
                else:
                    res.leads += chain
                if fm.group("rest"):
                    rs = fm.start("rest")
                    sup, send = chain_at(seg, rs, ms, len(seg))
                    res.supports += bridge_partners(seg, sup, send, len(seg), ms)[0] if sup else []
                tail = seg[fm.end("verb"):]
                found = find_deadlines(tail, doc_date)
                if found and not res.deadline:
                    res.deadline = found[0].deadline
                continue
            return None  # a body named for another reason ("(theo đề nghị của Sở Tài chính)")
        found = find_deadlines(seg, doc_date)
        if found and not res.deadline and len(words(seg)) <= len(words(found[0].deadline.text)) + 3:
            res.deadline = found[0].deadline
            continue
        return None  # something else in the brackets: an explanation, not an assignment
    return res if res else None


_TRAIL = re.compile(r"\(([^()]{3,400})\)\s*[.;:]?\s*(?:/\.)?\s*$")


def trailing_paren(text: str, s: int, e: int, doc_date: Optional[date] = None) -> Optional[tuple[int, Assignment]]:
    """(start of the bracket, assignment) when ``text[s:e]`` ends with an assignment in brackets."""
    m = _TRAIL.search(text[s:e])
    if not m:
        return None
    inner = m.group(1)
    if not frames().paren_hint.search(inner):
        return None
    asg = parse_assignment(inner, doc_date)
    if asg is None:
        return None
    return s + m.start(), asg
