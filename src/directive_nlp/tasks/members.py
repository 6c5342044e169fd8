"""Role brackets: a group of bodies followed by a bracket that lists its members.

"Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý các Khu công nghiệp
tỉnh) tiếp nhận hồ sơ": the group is the actor as written, and each member
named in the bracket is an actor too (the gold lists the group and its
members, annotation decisions of 20_daklak). The same holds wherever the
group stands: a heading over items (tasks/headings.py), the subject of a
sentence, the body a sentence "giao" / "đề nghị" the work to, a partner after
"phối hợp với" (tasks/clauses.py).

Not members: a bracket after one named body gives its parent or a unit of it
("Trung tâm Dịch vụ việc làm (Sở Nội vụ)", "Sở Y tế (Chi cục Dân số)"), a
channel ("(qua Sở Tư pháp)") or a note; a bracket that names members by a
shared head ("(gồm các Sở: Xây dựng, Công Thương)") leaves the group one body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .layout_vocab import layout_vocab
from .lexicon import word_alt
from .mentions import Ag, ag, find_agencies
from .predicates import is_verb_start
from .roles import AGENCY_HEAD
from .text import words

__all__ = ["is_group", "paren_members", "with_members"]


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    w = word_alt
    return {
        "leftover": re.compile(rf"\b(?:{w('conjunctions')})\b|[\s,;.]", re.IGNORECASE),
        "group": re.compile(rf"\s*(?:{w('group_determiners')})\s", re.IGNORECASE),
        "open": re.compile(r"\s*\("),
    }


def paren_members(text: str, paren: int) -> list[Ag]:
    """The bodies listed in the bracket at ``paren`` when it holds nothing but bodies, else []."""
    close = text.find(")", paren)
    if close < 0:
        return []
    inner_s = paren + 1
    m = layout_vocab().member_opener.match(text[inner_s:close])
    if m:
        inner_s += m.end()
    inner = text[inner_s:close]
    ms = [a for a in find_agencies(inner) if a.type != "group"]
    if not ms or ":" in inner or not all(AGENCY_HEAD.match(a.name) for a in ms):
        return []  # "(gồm các Sở: Xây dựng, Công Thương)" names members by a shared head: the group stays one body
    rest = inner
    for a in sorted(ms, key=lambda x: -x.start):
        rest = rest[:a.start] + rest[a.end:]
    if _patterns()["leftover"].sub("", rest):
        return []  # the bracket explains or qualifies, it does not list members
    return [ag(inner_s + a.start, inner_s + a.end, a.name, a.canonical, a.type) for a in ms]


def is_group(body: str, chain: list[Ag]) -> bool:
    """A plural body that can have members ("Các cơ quan đăng ký đầu tư"), not one named body."""
    if len(words(body)) > 12 or is_verb_start(body):
        return False
    return bool(_patterns()["group"].match(body)) or bool(chain and chain[0].type == "group")


def with_members(text: str, bodies: list[Ag]) -> list[Ag]:
    """``bodies`` (mentions in ``text``), each group followed by the members its bracket lists.

    Only a body that stands in ``text`` (its offsets point at its name) and is
    a group is looked at; the bracket must open right after the name.
    """
    out: list[Ag] = []
    for b in bodies:
        out.append(b)
        if text[b.start:b.end] != b.name or not is_group(b.name, [b]):
            continue
        op = _patterns()["open"].match(text, b.end)
        if op is None:
            continue
        for m in paren_members(text, op.end() - 1):
            if all(m.name != x.name for x in bodies) and all(m.name != x.name for x in out):
                out.append(m)
    return out
