"""Điều-structured decisions (Quyết định, Chỉ thị ban hành kèm theo …).

A Quyết định is written as articles: "Điều 1. Ban hành kèm theo Quyết định
này Kế hoạch …" (the act of issuing), "Điều 2. Quyết định này có hiệu lực …"
(entry into force) and "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở
…; Chủ tịch UBND các xã … chịu trách nhiệm thi hành Quyết định này./."
(execution). The first two are never tasks; the execution article is ONE
task, "thi hành Quyết định này", whose leads are the officials as written
(annotation rule T6, docs/tasks.md; it is not a list of separate tasks). An
article that assigns work in other words ("Điều 2. Giao Sở X …") is read as
any paragraph. The phrases come from ``layout.yaml``.
"""

from __future__ import annotations

import re
from typing import Optional

from .frames import frames
from .layout_vocab import layout_vocab
from .lexicon import word_alt
from .mentions import Ag, agency_type, canonical, find_agencies, ag
from .text import trim

__all__ = ["article_kind", "execution_clause"]

_ARTICLE = re.compile(rf"^(?:{word_alt('article_heads')})\s+\d+", re.IGNORECASE)
_SEPARATOR = re.compile(rf"\s*(?:;|,|\b(?:{word_alt('conjunctions')})\b)\s*")
_JOINER = re.compile(rf"(?:{word_alt('conjunctions')}|,)\s+")
_EXECUTION_VERB = re.compile(rf"(?:{word_alt('execution_verbs')})\s+", re.IGNORECASE)
_NEW_GROUP = re.compile(rf"(?:{word_alt('group_determiners')})\s", re.IGNORECASE)


def article_kind(sid: str, body: str) -> Optional[str]:
    """"act" (issuing, entry into force), "execution" or None for the text of an article."""
    if not _ARTICLE.match(sid or ""):
        return None
    v = layout_vocab()
    if any(p.search(body) for p in v.non_task_article):
        return "act"
    if any(p.search(body) for p in v.execution):
        return "execution"
    return None


def _officials(text: str, s: int, e: int) -> list[Ag]:
    """The officials before the execution verb, split at ";" and where a new title begins after "," / "và"."""
    titles = layout_vocab().official
    bounds: list[tuple[int, int]] = []  # (end of one piece, start of the next)
    for m in _SEPARATOR.finditer(text[s:e]):
        nxt = s + m.end()
        if m.group().strip() == ";" or titles.match(text, nxt) or _new_body(text, nxt, e):
            bounds.append((s + m.start(), nxt))
    starts = [s] + [n for _, n in bounds]
    ends = [p for p, _ in bounds] + [e]
    out: list[Ag] = []
    for a, b in zip(starts, ends):
        a, b = trim(text, a, b)
        if b <= a:
            continue
        out += _colon_list(text, a, b) if ":" in text[a:b] else [ag(a, b, text[a:b], canonical(text[a:b]), None)]
    return out


def _new_body(text: str, at: int, end: int) -> bool:
    """Does a body of its own start at ``at`` ("…, các cơ quan Trung ương …", "… và các tổ chức, cá nhân có liên
    quan", "…, Ủy ban nhân dân các phường, xã, đặc khu, …")? A determiner opens a new group after a list of
    officials, and so does a recognised body written with a capital that is not a generic group (annotation rule
    A5, docs/tasks.md: each body that stands alone is split); "Chủ tịch UBND các xã, phường" goes on with a level,
    "Thủ trưởng các sở, ban, ngành" with generic nouns, not a body."""
    named = text[at:at + 1].isupper()
    if not (named or _NEW_GROUP.match(text, at)):
        return False
    ms = find_agencies(text[at:end])
    if not ms or ms[0].start != 0:
        return False
    return not named or bool(_NEW_GROUP.match(text, at)) or (ms[0].type or agency_type(ms[0].name)) != "group"


def _colon_list(text: str, a: int, b: int) -> list[Ag]:
    """"Giám đốc các Sở: Tài chính, Xây dựng" lists bodies under one head: the first with its head, then the rest
    as written (annotation rule A5, docs/tasks.md, splits such lists)."""
    ms = find_agencies(text[a:b])
    if not ms or ms[0].start != 0:
        return [ag(a, b, text[a:b], canonical(text[a:b]), None)]
    out = [ag(a, a + ms[0].end, ms[0].name, ms[0].canonical, ms[0].type)]
    p = a + ms[0].end
    for m in re.finditer(r"[^,]+", text[p:b]):
        x, y = trim(text, p + m.start(), p + m.end())
        xm = _JOINER.match(text[x:y])
        x += xm.end() if xm else 0
        if y > x:
            out.append(ag(x, y, text[x:y], canonical(text[x:y]), None))
    return out


def execution_clause(text: str, start: int = 0) -> Optional[tuple[int, int, list[Ag]]]:
    """(task start, task end, leads) of "X, Y; Z chịu trách nhiệm thi hành Quyết định này", or None."""
    v = layout_vocab()
    for p in v.execution:
        m = p.search(text, start)
        if not m:
            continue
        verb = m.start("verb") if "verb" in p.groupindex else m.start()
        ts = verb
        cm = _EXECUTION_VERB.match(text[ts:])
        if cm:
            ts += cm.end()  # "chịu trách nhiệm" is a modal here (annotation rule T6, docs/tasks.md)
        a, b = trim(text, start, verb)
        if frames().lead_word.search(text, a, b) or frames().support.search(text[a:b]):
            return None  # "Bộ X chủ trì …, phối hợp với … tổ chức thực hiện Kế hoạch này": a sentence of its own
        leads = _officials(text, a, b) if b > a else []
        return ts, m.end(), leads
    return None
