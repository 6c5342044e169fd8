"""Agency headings: a heading that names the bodies of every item under it.

"2. Sở Y tế:", "1.5. Trách nhiệm của Công an tỉnh", "Đề nghị Ủy ban MTTQ tỉnh:",
"3. Sở X chủ trì, phối hợp với Sở Y:" and a group with its members,
"1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu kinh tế):",
whose items all belong to the group and to each member. A theme heading
("4. Tổ chức hội nghị, hội thảo trong công tác …", "Về nguồn lực") is not a
body, even when its first word can head a name.

:func:`agency_heading` is a function of the heading's text only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from .frames import frames
from ..agencies import starts_common_noun
from .clauses import is_verb_start
from .layout_vocab import layout_vocab
from .lexicon import lexicon, word_alt
from .members import is_group as _is_group, paren_members
from .mentions import Ag, canonical, find_agencies, ag
from .roles import AGENCY_HEAD, chain_at, fallback_subject
from .text import trim, words

__all__ = ["HeadingBodies", "agency_heading", "paren_members", "relative_heading"]


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """The agency-heading word patterns, built from the lexicon (mechanism here, words there)."""
    w = word_alt
    return {
        "leftover": re.compile(rf"\b(?:{w('conjunctions')})\b|[\s,;.]", re.IGNORECASE),
        "list_sep": re.compile(rf"\b(?:{w('conjunctions')}|,)\s"),
        "group": re.compile(rf"\s*(?:{w('group_determiners')})\s", re.IGNORECASE),
        "object_determiner": re.compile(rf"\s(?:{w('group_determiners')}|{w('list_determiners')})\s", re.IGNORECASE),
        "assign": re.compile(rf"\s*(?:{w('heading_assign_words')})\b", re.IGNORECASE),
        "dash_role": re.compile(rf"\s[-–]\s(?:{w('dash_role_heads')})", re.IGNORECASE),
        "members": re.compile(rf"\s(?:{w('membership_words')})\s*:?\s+", re.IGNORECASE),
        "modal_end": re.compile(rf"\s(?:{w('modals')})\s*$", re.IGNORECASE),
        "coordinated_end": re.compile(rf"(?:\b(?:{w('conjunctions')})|,)\s*$", re.IGNORECASE),
    }



@dataclass
class HeadingBodies:
    leads: list[Ag]
    supports: list[Ag] = field(default_factory=list)
    # only the head noun vouches for the body ("Doanh nghiệp số", "Đối tượng thực hiện"): no name was recognised
    by_head_noun: bool = False


def _predicate_after_bracket(t: str, paren: int) -> bool:
    """"1. Sở Nội vụ (Ban Thi đua - Khen thưởng) hướng dẫn công tác thi đua.": lower-case words after the bracket
    that do not go on with a list ("và Sở Y …", ", Sở Y …") are the predicate of a sentence whose subject carries
    a note, not a heading over items."""
    close = t.find(")", paren)
    after = t[close + 1:].strip(" *_") if close > 0 else ""
    return (bool(after) and after[0].islower() and not _patterns()["list_sep"].match(after + " ")
            and len(words(after)) > 3)


def _body_bounds(t: str, offset: int) -> Optional[tuple[int, int, int]]:
    """(start, end, bracket) of the heading's body: up to a bracket or a colon; None for a sentence."""
    body_end = len(t)
    paren = t.find("(", offset)
    if paren > 0:
        if _predicate_after_bracket(t, paren):
            return None
        body_end = paren
    colon = t.find(":", offset)
    if 0 < colon < body_end:
        rest_after = t[colon + 1:].strip()
        if rest_after and len(words(rest_after)) > 3:
            return None
        body_end = colon
    a, b = trim(t, offset, body_end)
    if b <= a or len(words(t[a:b])) > 45:
        return None
    return a, b, paren


def _with_chain(t: str, a: int, b: int, chain: list[Ag], cend: int, mentions: list[Ag],
                prefixed: bool = False) -> Optional[HeadingBodies]:
    rest = t[cend:b].strip()
    if not rest or rest.startswith(("-", "–", "(")) or len(words(rest)) <= 3:
        return HeadingBodies(chain)
    fm = frames().maybe_lead_support.match(t[cend:b])
    if fm:  # "2. Sở X chủ trì, phối hợp với Y, Z:"
        sup, send = chain_at(t, cend + fm.end(), mentions, b + 1)
        if sup and not t[send:b].strip(" ,.;:"):
            return HeadingBodies(chain, sup)
    # "2. Các Sở, ngành chủ trì, quản lý … các dự án thuộc Chương trình": the group is named by what it does
    if _patterns()["group"].match(t[a:b]) and not t.rstrip().endswith(".") and frames().group_does.match(t[cend:b]):
        return HeadingBodies([ag(a, b, t[a:b], canonical(t[a:b]), chain[0].type)])
    role_class = _role_class(t, a, b, chain, cend)
    if role_class:
        return role_class
    responsible = (_responsible_group(t, a, b, chain, cend) or (prefixed and _requested_group(t, a, b, chain, cend))
                   or (not prefixed and _qualified_group(t, a, b, chain, cend)))
    if responsible:
        return responsible
    if _no_verb(t[cend:b]) and len(words(t[a:b])) <= 20 and not t.rstrip().endswith("."):
        # "1. Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam": a longer name than the recogniser knows
        return HeadingBodies([ag(a, b, t[a:b], canonical(t[a:b]), chain[0].type)])
    return None  # "Sở Tài chính bố trí kinh phí …": a sentence with its subject, not a heading


def _role_class(t: str, a: int, b: int, chain: list[Ag], cend: int) -> Optional[HeadingBodies]:
    """"3. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án" over a)–d): a role class ("Cơ quan chủ trì",
    layout.yaml ``role_class_words``) qualified by the work it leads is the body, as written, when the heading
    has no final stop. Not a sentence ("Cơ quan chủ trì tổng hợp báo cáo."), a modal ("Cơ quan phối hợp có
    trách nhiệm …", a sentence or a responsible group), a named body ("Sở Tài chính chủ trì …"), a list."""
    name = chain[0].name if len(chain) == 1 else ""
    rest = t[cend:b]
    if not name or chain[0].start > a + 1 or not layout_vocab().role_class_end.search(name):
        return None
    if t.rstrip().endswith(".") or not is_verb_start(rest.strip()) or len(words(t[a:b])) > 16:
        return None
    if lexicon().modal_any.search(rest) or ";" in rest or "," in rest:
        return None
    return HeadingBodies([ag(a, b, t[a:b], canonical(t[a:b]), chain[0].type)])


def _makes_a_sentence(rest: str) -> bool:
    """Words after a collective's head that make it a sentence: a lead/partner frame, or a word that opens a
    modal ("có trách nhiệm") or a support frame ("phối hợp")."""
    lx = lexicon()
    return bool(frames().maybe_lead_support.search(rest)) or any(
        lx.modal_start.match(rest[x.start():]) or lx.support_start.match(rest[x.start():])
        for x in re.finditer(r"(?<![\wÀ-ỹ])[\wÀ-ỹ]", rest))


def _responsible_group(t: str, a: int, b: int, chain: list[Ag], cend: int) -> Optional[HeadingBodies]:
    """"Các đơn vị cấp nước sạch trên địa bàn tỉnh có trách nhiệm": a plural collective with a qualifier the
    recogniser cannot bound, closed by a modal of responsibility; the body is all before the modal, as
    written. A lead/partner frame, a second modal or a conjunction before it makes a sentence (None)."""
    m = _patterns()["modal_end"].search(t[a:b])
    if m is None or not _patterns()["group"].match(t[a:b]):
        return None
    end = a + m.start()
    rest = t[cend:end]
    if not rest.strip() or _patterns()["coordinated_end"].search(rest):
        return None  # a name the recogniser bounds, or "… thực hiện nghiêm và chịu trách nhiệm"
    if len(words(t[a:end])) > 24 or _makes_a_sentence(rest):
        return None
    return HeadingBodies([ag(a, end, t[a:end], canonical(t[a:end]), chain[0].type)])


def _requested_group(t: str, a: int, b: int, chain: list[Ag], cend: int) -> Optional[HeadingBodies]:
    """"Đề nghị các tổ chức cung cấp dịch vụ chi trả": after a request or assignment prefix, a plural collective
    with a qualifier the recogniser cannot bound is the body, as written. A full stop, a verb before a final
    colon ("Đề nghị các tổ chức thực hiện các nội dung sau:"), a modal or a lead/partner frame make it a
    sentence (None)."""
    rest = t[cend:b]
    if len(chain) != 1 or not rest.strip() or not _patterns()["group"].match(t[a:b]) or len(words(t[a:b])) > 18:
        return None
    if t.rstrip().endswith(".") or (t.rstrip().endswith(":") and not _no_verb(rest)):
        return None
    if _makes_a_sentence(rest):
        return None
    return HeadingBodies([ag(a, b, t[a:b], canonical(t[a:b]), chain[0].type)])


def _qualified_group(t: str, a: int, b: int, chain: list[Ag], cend: int) -> Optional[HeadingBodies]:
    """"5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp", "6. Các doanh nghiệp thứ cấp đang hoạt
    động trong KCN": a heading that is only a plural collective named by a short relative qualifier (what the
    members do or where they are) is the body, as written, like a requested one. Anything that reads as a
    sentence stays None: a final stop or colon, a comma or ";" in the qualifier, a predicate opener ("tăng
    cường", "chủ động", frames.yaml ``predicate_openers``) or a modal, a lead/partner frame, or an object with
    its own determiner ("Các sở kiểm tra các cơ sở …")."""
    rest = t[cend:b].strip()
    if t.rstrip().endswith((".", ":")) or not rest or len(words(rest)) > 10 or any(c in rest for c in ",;"):
        return None
    if frames().predicate_opener.match(rest) or lexicon().modal_any.search(rest):
        return None
    if _patterns()["object_determiner"].search(" " + rest):
        return None
    return _requested_group(t, a, b, chain, cend)


def _no_verb(rest: str) -> bool:
    """Does no word of ``rest`` start a predicate (a verb or a modal of the task lexicon)?"""
    lx = lexicon()
    for m in re.finditer(r"(?<![\wÀ-ỹ])[\wÀ-ỹ]", rest):
        tail = rest[m.start():]
        if lx.verb_start.match(tail) or lx.modal_start.match(tail) or lx.support_start.match(tail):
            return False
    return True


def _unknown_body(t: str, a: int, b: int, prefixed: bool) -> Optional[HeadingBodies]:
    """A heading the recogniser has no name for: trust its head noun, unless it reads as a theme."""
    body = t[a:b]
    v = layout_vocab()
    if (is_verb_start(body) and not prefixed) or len(words(body)) > 18:
        return None
    if not prefixed and (v.theme_prefix.match(body) or lexicon().verb_start.match(body) and len(words(body)) > 6):
        return None  # "Tổ chức hội nghị, hội thảo trong công tác …": a theme, not a body
    ph = v.proper_head.match(body)
    if ph and not ph.group("next").isupper() and not body.isupper():
        return None  # "Hội nhập quốc tế", "Phòng, chống tham nhũng": the head word starts a common word
    if prefixed and _patterns()["assign"].match(t) and not AGENCY_HEAD.match(body):
        return None
    if not (prefixed or AGENCY_HEAD.match(body)):
        return None
    pieces = fallback_subject(t, a, b) if _patterns()["list_sep"].search(body) and not prefixed else [(a, b)]
    if any(starts_common_noun(t[slice(*trim(t, pa, pb))]) for pa, pb in pieces):
        return None  # "Tổ chức, bộ máy": a list of topics ("bộ máy" is a common noun), not of bodies
    out = []
    for pa, pb in pieces:
        pa, pb = trim(t, pa, pb)
        dash = _patterns()["dash_role"].search(t[pa:pb])
        if dash:
            pb = pa + dash.start()
        if pb > pa:
            out.append(ag(pa, pb, t[pa:pb], canonical(t[pa:pb]), None))
    return HeadingBodies(out, by_head_noun=not prefixed) if out else None


def relative_heading(text: str) -> Optional[HeadingBodies]:
    """"Nội dung Sở X có trách nhiệm chủ trì", "Nhiệm vụ do Công an tỉnh chủ trì thực hiện": the bodies of a
    heading written as a relative clause (content noun, bodies, role tail and nothing else), or None."""
    v = layout_vocab()
    m = v.relative_opener.match(text)
    if not m:
        return None
    chain, cend = chain_at(text, m.end(), find_agencies(text), len(text) + 1)
    tail = v.relative_tail.match(text[cend:]) if chain else None
    if tail is None:
        return None  # "Nội dung phối hợp chung", "Nội dung Sở X bố trí kinh phí …": no body, or a sentence
    return HeadingBodies(chain) if tail.group("lead") else HeadingBodies([], chain)


def agency_heading(text: str) -> Optional[HeadingBodies]:
    """The bodies a heading names (with the members of a group in brackets), or None."""
    t = text.strip()
    if not t or len(words(t)) > 40:
        return None
    rel = relative_heading(t)
    if rel is not None:
        return rel
    m = lexicon().heading_agency_prefix.match(t)
    offset = 0
    if m:
        offset = m.end()
        while offset < len(t) and t[offset].isspace():
            offset += 1
    bounds = _body_bounds(t, offset)
    if bounds is None:
        return None
    a, b, paren = bounds
    mentions = find_agencies(t)
    chain, cend = chain_at(t, a, mentions, b + 1, max_skip=2)
    members = paren_members(t, paren) if paren > 0 and paren >= b and _is_group(t[a:b], chain) else []
    ga, gb = a, b
    if not members:  # "Các cơ quan đăng ký đầu tư gồm Sở Tài chính, Ban Quản lý …"
        ga, gb, members = _listed_members(t, a, b)
    if members and _is_group(t[ga:gb], chain):  # the group as written, then each of its members
        group = ag(ga, gb, t[ga:gb], canonical(t[ga:gb]), "group")
        return HeadingBodies([group] + [x for x in members if x.name != group.name])
    return _with_chain(t, a, b, chain, cend, mentions, bool(m)) if chain else _unknown_body(t, a, b, bool(m))


def _listed_members(t: str, a: int, b: int) -> tuple[int, int, list[Ag]]:
    """(group start, group end, members) of "GROUP gồm X, Y" written without brackets; no members otherwise."""
    m = _patterns()["members"].search(t[a:b])
    if not m:
        return a, b, []
    ms = [x for x in find_agencies(t[a + m.end():b]) if x.type != "group"]
    rest = t[a + m.end():b]
    for x in sorted(ms, key=lambda y: -y.start):
        rest = rest[:x.start] + rest[x.end:]
    if not ms or _patterns()["leftover"].sub("", rest) or not all(AGENCY_HEAD.match(x.name) for x in ms):
        return a, b, []
    off = a + m.end()
    ga, gb = trim(t, a, a + m.start())
    return ga, gb, [ag(off + x.start, off + x.end, x.name, x.canonical, x.type) for x in ms]
