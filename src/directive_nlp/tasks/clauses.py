"""One sentence (or list item) → task drafts: subject, clauses, predicates, deadlines.

The order of work follows how a Vietnamese directive sentence is built, one
mechanism per step:

1. who acts (``subject.find_subject``): "Giao X …", "Đề nghị X …", "X yêu
   cầu Y …", "X (cần|phải|có trách nhiệm) …", "X: …", or a plain subject;
2. the role frame after the subject (``frames.yaml`` via ``frames.py``):
   "chủ trì, phối hợp với Y" (Y support), "căn cứ … để", "theo chức năng …";
3. whether the rest is an action at all (``not_tasks.py``): a label and its
   value, a quota, a lead-in that only introduces the items below, a target
   or a fragment are not tasks;
4. clauses at ";" and tasks at "," (``splitting.py``);
5. deadlines: a phrase at the start of a clause covers the clause, one at the
   end of the sentence covers the sentence, one elsewhere covers its task;
   the phrase is cut out of the task text, and so is the agency (docs/output-contract.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..deadlines import adhoc_tail, adverbial_cycle, load_vocabulary, stays_in_task
from ..models import Deadline
from .frames import frames
from .layout_vocab import layout_vocab
from .lexicon import lexicon, opening_word, word_alt
from .members import with_members
from .mentions import Ag, Dl
from .ablation import on, pattern_on
from .not_tasks import (composition_only, cut_lead_in, estimate_statement, label_pair, label_value, passive_statement,
                        right_before, right_cut, state_statement, time_label_draft, title_or_slogan,
                        inclusion_member, inclusion_statement)
from .predicates import is_verb_start, skip_ws, strip_modal, verb_only
from .roles import after_chain, between_in, bridge_partners, chain_at, report_to_in, starts_predicate
from .splitting import clause_subject, comma_groups, merge_clauses
from .subject import find_subject, unknown_partners
from .text import enumerator_kind, numbered_clause_starts, past_enumerator, trim, words

__all__ = ["Draft", "SentenceResult", "analyze_sentence", "find_subject", "is_verb_start", "strip_modal"]

_TRAIL_PAREN = re.compile(rf"\s*\((?:{word_alt('trailing_note_words')})\b[^()]*\)?\s*$", re.IGNORECASE)
_ADJUNCT = re.compile(rf"\s*(?:{word_alt('adjunct_openers')})\b", re.IGNORECASE)
_RECIPIENT = re.compile(rf"\s*(?:{word_alt('recipient_prepositions')})\s+", re.IGNORECASE)
# ", phải hoàn thành trước ngày …": the modal left before a completion deadline (``time_clause_modals``)
_DANGLING_MODAL = re.compile(rf"[,;]?\s*(?<![\wÀ-ỹ])(?:{word_alt('time_clause_modals')})\s*$", re.IGNORECASE)
_COMPLETION = re.compile(r"(?:" + "|".join(re.escape(w) for w in load_vocabulary()["completion_words"]) + r")(?![\wÀ-ỹ])",
                         re.IGNORECASE)


@dataclass
class Draft:
    start: int
    end: int
    leads: list[Ag] = field(default_factory=list)
    supports: list[Ag] = field(default_factory=list)
    report_to: list[str] = field(default_factory=list)
    deadline: Optional[Deadline] = None
    deadline_prio: int = 0  # 3 task, 2 clause, 1 sentence, 0 none
    rule: str = "sentence"


@dataclass
class SentenceResult:
    drafts: list[Draft]
    subject: list[Ag]
    frame_supports: list[Ag]
    lead_in: bool = False
    explicit: bool = False  # the actor was asked explicitly (giao/đề nghị/cần/phải)
    # "b) Chủ trì, phối hợp" closing a line: the bodies that the items below name are this actor's partners
    # (support), not leads; a hook for the walker, which knows the items
    open_support: bool = False
    how: str = "none"  # how the subject was found (subject.find_subject): "subject", "label", "assign", …


@dataclass
class _Ctx:
    """What the analyser knows about one sentence once its actor and frame are read."""

    text: str
    masked: str
    mentions: list[Ag]
    deadlines: list[Dl]
    subject: list[Ag]
    how: str
    leads: list[Ag]
    supports: list[Ag]
    sent_dl: Optional[Dl] = None
    carry_supports: list[Ag] = field(default_factory=list)
    review: bool = False
    split_commas: bool = True
    right_at: int = -1  # where a right ("có quyền yêu cầu …") began in the sentence: its comma parts are no task
    listing: bool = False  # the first clause was an inclusion statement: verbless ";" clauses go on with its list


def role_frame(text: str, p: int, e: int, mentions: list[Ag]) -> tuple[int, list[Ag]]:
    """After the actor: "chủ trì, phối hợp với Y" (Y support), "chủ trì, VERB", "phối hợp với Y:"."""
    fr = frames()
    fm = fr.lead_support.match(text, p, e)
    if fm:
        chain, cend = chain_at(text, fm.end(), mentions, e)
        if chain:
            chain, cend = bridge_partners(text, chain, cend, e, mentions)
            return _past_activity_opener(text, skip_ws(text, after_chain(text, cend, e), e), e), chain
        return skip_ws(text, fm.end(), e), []
    cm = fr.lead_only.match(text, p, e)
    if cm and is_verb_start(text[cm.end():e]):
        p = cm.end()
    pm = fr.support_bare.match(text, p, e)
    if pm:
        chain, cend = chain_at(text, pm.end(), mentions, e)
        if chain and text[cend:e].lstrip().startswith(":"):
            return skip_ws(text, cend, e), chain
    return p, []


def _predicate_start(text: str, masked: str, p: int, e: int, subject: list[Ag], carried, mentions: list[Ag],
                     explicit: bool) -> tuple[int, list[Ag], bool]:
    """Step past the modal, the basis ("căn cứ … để"), the role noun and the role frame."""
    p = skip_ws(text, p, e)
    p2 = strip_modal(text, p, e)
    if p2 != p:
        p, explicit = p2, explicit or bool(subject)
    if subject:
        # a scope the subject finder already stepped over ("X căn cứ chức năng, …,") may go on
        sub_end = max(m.end for m in subject)
        p = _past_basis(text, masked, p, e, mentions, opened=sub_end < p and bool(
            frames().basis_clause.search(masked, sub_end, p)))
        rm = frames().role_noun.match(text, p, e)
        if rm:
            p = strip_modal(text, skip_ws(text, rm.end(), e), e)
    elif carried and (rm := frames().role_noun.match(text, p, e)):
        # "1. Sở X" then "- Là cơ quan thường trực, chủ trì tham mưu …": the carried actor's role, then its work
        p = strip_modal(text, skip_ws(text, rm.end(), e), e)
    frame_supports: list[Ag] = []
    if subject or carried:
        am = frames().frame_adverb.match(text, p, e)  # "X khẩn trương chủ trì, phối hợp với Y …"
        if am and (frames().lead_support.match(text, am.end(), e) or frames().lead_only.match(text, am.end(), e)):
            p = am.end()
        p, frame_supports = role_frame(text, p, e, mentions)
        if frame_supports:
            # "Chủ trì, phối hợp với Sở Y và các cơ quan liên quan căn cứ các quy định hiện hành, … để tham mưu …":
            # a basis between the partners and the predicate, as after the actor
            p = _past_basis(text, masked, p, e, mentions)
        p = strip_modal(text, p, e)
    return p, frame_supports, explicit


_BASIS_REF_END = re.compile(rf"(?:\S*\d\S*|{word_alt('basis_ref_endings')})\s+$", re.IGNORECASE)


def _basis_list_end(text: str, masked: str, s: int, first: int, e: int) -> int:
    """A basis that lists what it rests on ("căn cứ vào nội dung, nhiệm vụ và giải pháp của Chương trình, xây
    dựng …") runs past its commas to the comma before the predicate; without a verb after a later comma (within
    the basis' 250 characters, no ";" or ":") it ends at its first comma, as before."""
    q = skip_ws(text, first, e)
    for _ in range(6):
        if is_verb_start(text[q:e]):
            return q
        c = masked.find(",", q, min(e, s + 250))
        if c < 0 or any(ch in masked[q:c] for ch in ";:"):
            break
        q = skip_ws(text, c + 1, e)
    return first


def _basis_end(text: str, s: int, e: int, mentions: Optional[list[Ag]] = None) -> int:
    """Where a basis ending at a comma really ends. In "căn cứ Kế hoạch này xây
    dựng kế hoạch của đơn vị, gửi …" the predicate starts inside the match: at
    the first verb right after the end of a document reference ("… này",
    "… số 12/KH-UBND", "… ngày 3/5/2025", "… của mình") or of a body's name
    ("căn cứ hướng dẫn của Bộ Công an tổ chức rà soát …") that takes an object.
    Other bases ("trên cơ sở kết quả khảo sát thực tế, …") end at the comma."""
    ends = {m.end for m in mentions or () if s <= m.start}
    for m in re.finditer(r"(?<=\s)\w", text[s:e]):
        w = s + m.start()
        after_body = any(x <= w and not text[x:w].strip() for x in ends)
        if not (after_body or _BASIS_REF_END.search(text, s, w)) or not is_verb_start(text[w:e]):
            continue
        if after_body and frames().frame_adverb.match(text, w, e):
            return w  # "… của Bộ Y khẩn trương đăng ký …"
        vm = lexicon().verb_start.match(text[w:e])
        rest = text[w + vm.end():e].strip(" ,") if vm else ""
        if rest and not rest.startswith("của"):
            return w
    return e


def _past_basis(text: str, masked: str, p: int, e: int, mentions: list[Ag], opened: bool = False) -> int:
    """Past a scope or basis between the actor and its predicate: "X: Theo chức năng, nhiệm vụ tăng cường …" (the
    whole scope, not a basis ending at its comma), "X căn cứ … để VERB", "X căn cứ hướng dẫn của Bộ Y tổ chức …",
    "X căn cứ chức năng, nhiệm vụ được giao, thực trạng, hướng dẫn của Bộ Y khẩn trương …"."""
    fr = frames()
    q = skip_ws(text, _scope_end(text, p, e), e)
    bm = fr.basis_purpose.match(text, q, e)
    if bm:
        return skip_ws(text, bm.end(), e)
    bm = fr.basis_clause.match(masked, q, e)
    if bm:
        q = skip_ws(text, _basis_end(text, q, _basis_list_end(text, masked, q, bm.end(), e), mentions), e)
    if opened or (q != p and fr.basis_clause.match(masked, p, e)):
        q = _more_basis(text, masked, q, e, mentions)
    return q


_OF_BODY = re.compile(r"\s*(?:[\wÀ-ỹ]+\s+){1,2}của\s", re.IGNORECASE)


def _more_basis(text: str, masked: str, p: int, e: int, mentions: list[Ag]) -> int:
    """"X căn cứ chức năng, nhiệm vụ được giao, thực trạng, hướng dẫn của Bộ Y khẩn trương đăng ký …": after the
    basis's comma, a noun ("thực trạng") or a verbal noun with "của" and a body ("hướng dẫn của", "chỉ đạo của")
    is one more basis; the predicate starts at the first verb after that body (or after the next comma)."""
    for _ in range(4):
        comma = masked.find(",", p, e)
        stop = comma if comma >= 0 else e
        if _OF_BODY.match(text, p, stop) and is_verb_start(text[p:stop]):
            end = _basis_end(text, p, stop, mentions)
            return skip_ws(text, end, e) if end < stop else p
        if is_verb_start(text[p:stop]) or comma < 0 or len(words(text[p:stop])) > 4:
            return p
        p = skip_ws(text, comma + 1, e)  # a bare noun of the basis ("thực trạng,"): the basis goes on
    return p


def _resumptive(text: str, p: int, e: int, subject: list[Ag], mentions: list[Ag]) -> int:
    """"Các sở: A, B và C: Các Sở, ngành, có ý kiến …" — a resumptive subject after the label."""
    if subject and (text[:p].rstrip().endswith(":") or text[p:e].lstrip().startswith(":")):
        again, aend = chain_at(text, skip_ws(text, p, e), mentions, e)
        if again and starts_predicate(text, after_chain(text, aend, e), e):
            return after_chain(text, aend, e)
    return p


def _sentence_deadline(text: str, s: int, p: int, e: int, deadlines: list[Dl]) -> Optional[Dl]:
    """A time in the frame before the predicate, or at the very end of the sentence."""
    out = None
    for d in deadlines:
        if s <= d.start < p and d.end <= e:
            if not _in_purpose(text, s, p, d):
                out = d
        elif p <= d.start < e and d.deadline.kind != "ongoing" and (
                not text[d.end:e].strip(" .;,/") or (d.deadline.kind == "recurring" and adhoc_tail(text[d.end:e]))):
            out = d  # at the end, or before an ad-hoc alternative ("… hằng năm hoặc đột xuất theo yêu cầu.")
    return out


_PURPOSE = re.compile(rf"[\s*_]*(?:{word_alt('purpose_openers')})\s", re.IGNORECASE)


def _in_purpose(text: str, s: int, p: int, d: Dl) -> bool:
    """Is the time ``d`` of the frame ``[s, p)`` part of a leading purpose ("Để …, đạt được mục tiêu tăng
    trưởng 8% trong năm 2025 của Tỉnh, …, tỉnh X cần tiếp tục thực hiện …")? The purpose states the goal the
    work serves; a time inside one of its comma parts dates the goal, not the work (the part holds other
    words besides the time). A time standing alone between commas ("Để …, trong năm 2025, X …") still
    dates the work."""
    if not _PURPOSE.match(text, s, p):
        return False
    a = max(text.rfind(",", s, d.start), s)
    b = text.find(",", d.end, p)
    if b < 0:
        return False  # no comma after the time before the predicate: the time is not inside the purpose
    rest = (text[a:d.start] + " " + text[d.end:b]).strip(" ,")
    return len(words(rest)) >= 2


_ENUM_PAREN = re.compile(r"\s*\(\w{1,4}\)")
_ENUM_START = re.compile(r"(?:\((?:\d{1,2}|[a-zđ])\)|\d{1,2}\))\s+")  # "(2) ", "(b) ", "2) " opening a clause
_PAREN = re.compile(r"\s*\([^()]*\)")


def _scope_end(text: str, p: int, e: int) -> int:
    """The end of a scope qualifier ("theo chức năng, nhiệm vụ (được giao),", ``scope_*`` in frames.yaml) that
    opens ``text[p:e]`` straight before a verb, else ``p``. A list number before it ("(2) …") goes with it;
    another parenthesis alone ("(Sở Y tế chủ trì) …") is no scope."""
    sc = after_chain(text, p, e)
    head = text[p:sc]
    pm = _PAREN.match(head)
    if pm and not _ENUM_PAREN.match(head) and not head[pm.end():].strip():
        return p
    return sc if head.strip() and is_verb_start(text[sc:e]) else p


def _drop_openers(text: str, cs: int, ce: int, rounds: int) -> int:
    """Past connectives ("đồng thời", "từ đó"), modals and a scope qualifier straight before a verb ("Theo
    chức năng, nhiệm vụ (được giao), tăng cường …", ``scope_*`` in frames.yaml, as after a named actor) at
    the start of a clause or task."""
    lx = lexicon()
    for _ in range(rounds):
        m = lx.connective_start.match(text[cs:ce])
        if m:
            cs = skip_ws(text, cs + m.end(), ce)
            continue
        sc = _scope_end(text, cs, ce)
        if sc != cs:
            cs = skip_ws(text, sc, ce)
            continue
        c2 = strip_modal(text, cs, ce)
        if c2 == cs:
            break
        cs = c2
    return cs


def _past_process_scope(text: str, cs: int, ce: int) -> int:
    """"Quá trình tổ chức thực hiện cần phối hợp chặt chẽ, …", "Trong quá trình triển khai phải …": a process scope
    (``process_scope_openers``) that runs straight into a modal, with no comma, says when the work is done; the task
    starts after the modal. With a comma the scope is a leading adverbial, dropped by the actor frames."""
    m = opening_word("process_scope_openers", text, cs, ce)
    if m is None:
        return cs
    modal = lexicon().modal_any.search(text, cs + m.end(), ce)
    if modal is None or re.search(r"[,;:]", text[cs + m.end():modal.start()]):
        return cs
    return strip_modal(text, modal.start(), ce)


def _clause_actor(ctx: _Ctx, cs: int, ce: int) -> tuple[int, list[Ag], list[Ag]]:
    """A later clause that names its own actor (and frame): (start, leads, supports)."""
    text, mentions = ctx.text, ctx.mentions
    own = clause_subject(text, cs, ce, ctx.mentions)
    if not own:
        return cs, ctx.leads, ctx.supports
    leads, supports = own, []
    cs = strip_modal(text, skip_ws(text, after_chain(text, max(m.end for m in own), ce), ce), ce)
    cs = _past_basis(text, ctx.masked, cs, ce, mentions)  # "…; Các bộ căn cứ hướng dẫn của Bộ Y tổ chức …"
    fm = frames().lead_then_maybe_support.match(text, cs, ce)
    if fm and fm.group(0).strip():
        chain2, c2 = chain_at(text, fm.end(), mentions, ce)
        if chain2 and frames().support_bare.search(fm.group(0)):
            supports = chain2
            cs = skip_ws(text, after_chain(text, c2, ce), ce)
        elif is_verb_start(text[fm.end():ce]):
            cs = fm.end()
    return cs, leads, supports


def _cut_deadlines(text: str, a: int, b: int, dls: list[Dl]) -> tuple[int, int]:
    """The task text without its deadline phrase: the longer side, unless the right side is an adjunct.

    A side is measured without the other deadline phrases it holds: in "gửi Sở Tài chính báo cáo định kỳ 6
    tháng trước ngày 10 tháng 6 hàng năm" the right of the cycle is only another time, not the task.
    A statutory limit or an adverbial cycle with words on both sides stays ("trả lời trong thời hạn quy
    định bằng văn bản", "báo cáo theo định kỳ của Chương trình").
    """
    def content(x: int, y: int) -> int:
        return len(words(text[x:y])) - sum(len(words(o.deadline.text)) for o in dls if x <= o.start and o.end <= y)

    for d in dls:
        if a <= d.start and d.end <= b + 1:
            left, right = trim(text, a, d.start), trim(text, d.end, b)
            lw, rw = content(*left), content(*right)
            if min(lw, rw) >= 1 and (stays_in_task(d.deadline.text) or _listed_manner(text, a, d, right)
                                     or _cycle_before_shared_object(text, a, d, right)):
                continue
            adjunct = _ADJUNCT.match(text[right[0]:right[1]]) or _recipient(text[right[0]:right[1]])
            a, b = right if (rw > lw and not (adjunct and lw >= 2)) else _past_modal(text, left, d)
    after = next((d for d in dls if d.start >= b and not text[b:d.start].strip(" :")), None)
    return _past_modal(text, (a, b), after) if after else (a, b)  # the sentence's own time, cut off before


def _recipient(rest: str) -> bool:
    """"(báo cáo kết quả thực hiện trước ngày 20/11) về Sở Khoa học và Công nghệ để tổng hợp": a recipient
    preposition and a named body after a time in mid-span send the work before it somewhere; they are no task of
    their own (``recipient_prepositions`` of task_lexicon.yaml; a body is named with a capital, "về công tác …"
    is a topic)."""
    m = _RECIPIENT.match(rest)
    return bool(m) and rest[m.end():m.end() + 1].isupper()


def _cut_recipient(ctx: "_Ctx", a: int, b: int, ge: int, dls: list[Optional[Dl]]) -> list[str]:
    """The recipient a mid-span time cut off with the right side (``_recipient``): still the task's report_to."""
    d = next((x for x in dls if x is not None and b <= x.start and not ctx.text[b:x.start].strip(" ,")), None)
    if d is None or d.end >= ge or not _recipient(ctx.text[d.end:ge]):
        return []
    return report_to_in(ctx.text, a, ge, ctx.mentions)


def _listed_manner(text: str, a: int, d: Dl, right: tuple[int, int]) -> bool:
    """"thực hiện quyết liệt, đồng bộ, thường xuyên, liên tục cả phòng và chống", "tuyên truyền, thông tin kịp
    thời, thường xuyên về …": "thường xuyên" listed after a comma among the manners of the verb before it, with
    the verb's object after it, stays in the task (extra 13's gold keeps it there); the task is still `ongoing`.
    A verb after it opens a clause of its own (", thường xuyên cập nhật …"), an adjunct (", thường xuyên theo
    …") is cut as before."""
    rest = text[right[0]:right[1]]
    return (d.deadline.kind == "ongoing" and text[a:d.start].rstrip().endswith(",")
            and not is_verb_start(rest) and not _ADJUNCT.match(rest))


def _cycle_before_shared_object(text: str, a: int, d: Dl, right: tuple[int, int]) -> bool:
    """"tổ chức thực hiện, kiểm tra, giám sát, định kỳ báo cáo kết quả về …", "đôn đốc, kiểm tra, định kỳ sơ kết,
    tổng kết đánh giá việc thực hiện …" (extra 14's gold keeps it whole): a bare cycle after a comma and before a
    verb, behind a list of verbs that share what follows (splitting._cycle_after_object cuts it off when the part
    before holds an object), stays in the text; keeping only the longer side lost the verbs or the report."""
    return (d.deadline.kind in ("recurring", "ongoing") and text[a:d.start].rstrip().endswith(",")
            and is_verb_start(text[right[0]:right[1]]))


def _past_modal(text: str, left: tuple[int, int], d: Dl) -> tuple[int, int]:
    """The task before a time clause without the clause's own words: its modal before a completion word ("rà
    soát …, phải | hoàn thành trước …") or its time label ("rà soát …, thời gian hoàn thành: | quý III/2026")."""
    m = _DANGLING_MODAL.search(text, left[0], left[1])
    if not (m and _COMPLETION.match(d.deadline.text)):
        m = _dangling_label().search(text, left[0], left[1])
    if not m or not words(text[left[0]:m.start()]):
        return left
    return trim(text, left[0], m.start())


@lru_cache(maxsize=1)
def _dangling_label() -> re.Pattern:
    """", thời gian hoàn thành:" left before a time (``time_labels`` in layout.yaml)."""
    labels = "|".join(re.escape(w) for w in sorted(layout_vocab().data["time_labels"], key=len, reverse=True))
    return re.compile(rf"[,;]\s*(?:{labels})\s*:?\s*$", re.IGNORECASE)


def _past_activity_opener(text: str, t: int, e: int) -> int:
    """"… phối hợp với Y trong việc rà soát …": past the words naming the shared activity (``partner_activity_openers``
    of frames.yaml) when a verb follows them; else ``t``."""
    m = frames().partner_activity.match(text, t, e)
    return m.end() if m and is_verb_start(text[m.end():e]) else t


def _before_liability(text: str, gs: int, ge: int) -> int:
    """The end of a task before a conditional liability tail ("…, xử lý nghiêm nếu để xảy ra …")."""
    for pat in lexicon().liability_tail:
        m = pat.search(text[gs:ge])
        if m:
            return gs + m.start()
    return ge


def opening_partners(text: str, mentions: list[Ag]) -> tuple[int, list[Ag]]:
    """"Phối hợp với Y VERB …" opening a text (a table's task cell): where the work starts and the partners Y, read
    as ``_draft`` reads a segment that opens so; ``(0, [])`` when no partner frame with a predicate after it opens it."""
    b = len(text)
    sm = frames().support.match(text, 0, b)
    if not sm or _BETWEEN.match(text[sm.end():b]):
        return 0, []
    own, cend = chain_at(text, sm.end(), mentions, b)
    a = _past_partners(text, 0, b, cend) if own else 0
    return (a, own) if a > 0 else (0, [])


def _past_partners(text: str, a: int, b: int, cend: int) -> int:
    """"Phối hợp với Y tổ chức …": the task text starts at the predicate after the partners (docs/output-contract.md: the
    task text holds no agency), when a predicate of a few words follows them."""
    t = skip_ws(text, after_chain(text, cend, b), b)
    pm = frames().basis_purpose_word.match(text, t, b)  # "phối hợp với Y để tham mưu …": the purpose is the task
    t = pm.end() if pm and is_verb_start(text[pm.end():b]) else t
    t = _past_activity_opener(text, t, b)
    if is_verb_start(text[t:b]) and len(words(text[t:b])) >= 3:
        return t
    return a


_VERBS_VA = re.compile(rf"([^,;:()]{{2,40}}?)\s+(?:{word_alt('conjunctions')})\s+", re.IGNORECASE)
_BETWEEN = re.compile(rf"\s*(?:{word_alt('between_words')})\b", re.IGNORECASE)


def _partners_after_verbs(ctx: _Ctx, a: int, b: int) -> list[Ag]:
    """"phát hiện và phối hợp với Y điều tra …": bare verbs, then a support frame inside the task; Y supports
    (the text stays whole: the first verbs share what follows)."""
    vm = _VERBS_VA.match(ctx.text, a, b)
    if not vm or not verb_only(vm.group(1)):
        return []
    sm = frames().support_bare.match(ctx.text, vm.end(), b)
    if not sm:
        return []
    chain, _ = chain_at(ctx.text, sm.end(), ctx.mentions, b)
    return chain


def _task_deadline(text: str, gs: int, ge: int, deadlines: list[Dl], sent_dl: Optional[Dl]) -> Optional[Dl]:
    out = None
    for d in deadlines:
        if gs <= d.start and d.end <= ge + 1:
            bare = d.deadline.kind == "ongoing" or (d.deadline.kind == "recurring" and d.deadline.frequency is None)
            before = text[gs:d.start].strip()
            if bare and before and not before.endswith((",", ";")) and not adverbial_cycle(d.deadline.text):
                continue  # "thường xuyên", "khám định kỳ" inside the object describe the work
            if d is not sent_dl:
                out = d
    return out


def _draft(ctx: _Ctx, gs: int, ge: int, leads: list[Ag], supports: list[Ag], clause_dl: Optional[Dl],
           carried_support: list[Ag]) -> tuple[Optional[Draft], list[Ag]]:
    """One task draft for ``[gs, ge)`` and the supports its "phối hợp (với) Y" names."""
    text = ctx.text
    ge = _before_liability(text, gs, ge)
    task_dl = _task_deadline(text, gs, ge, ctx.deadlines, ctx.sent_dl)
    a, b = _cut_deadlines(text, gs, ge, [x for x in (task_dl, ctx.sent_dl, clause_dl) if x is not None])
    a, b = trim(text, a, b)
    mt = _TRAIL_PAREN.search(text[a:b])
    if mt and mt.start() > 0:
        a, b = trim(text, a, a + mt.start())
    if b <= a or len(words(text[a:b])) < 2:
        return None, []
    own_sup: list[Ag] = []
    sm = frames().support.match(text, a, b)
    hit = bool(sm) and not _BETWEEN.match(text[sm.end():b])
    if hit:
        own_sup, cend = chain_at(text, sm.end(), ctx.mentions, b)
        if not own_sup:
            own_sup, cend = unknown_partners(text, skip_ws(text, sm.end(), b), b, ctx.mentions) or ([], cend)
        a = _past_partners(text, a, b, cend) if own_sup else a
    if not hit:
        own_sup = _partners_after_verbs(ctx, a, b)
        hit = bool(own_sup)
    seg_sup = own_sup if hit else carried_support
    dl, prio = next(((d.deadline, pr) for d, pr in ((task_dl, 3), (clause_dl, 2), (ctx.sent_dl, 1)) if d is not None),
                    (None, 0))
    uniq: list[Ag] = []
    for x in supports + seg_sup:
        if all(x.name != y.name for y in leads) and all(x.name != y.name for y in uniq):
            uniq.append(x)
    rule = f"sentence:{ctx.how}" if ctx.subject else ("sentence:carried" if ctx.leads else "sentence:no-actor")
    rt = report_to_in(text, a, b, ctx.mentions) or _cut_recipient(ctx, a, b, ge, [task_dl, ctx.sent_dl, clause_dl])
    return Draft(start=a, end=b, leads=list(leads), supports=uniq, report_to=rt,
                 deadline=dl, deadline_prio=prio, rule=rule), own_sup


def _request_only(text: str, cs: int, ce: int, mentions: list[Ag]) -> bool:
    """"…; do vậy, yêu cầu các bộ, ngành, địa phương, đơn vị liên quan:" — a request word and the bodies it
    addresses, then nothing: it leads in to the items below (their own sentences name who acts), no task."""
    m = lexicon().assign.match(text, cs, ce)
    if not m:
        return False
    chain, cend = chain_at(text, skip_ws(text, m.end(), ce), mentions, ce)
    return bool(chain) and not text[after_chain(text, cend, ce):ce].strip(" .,;:")


def _clause_drafts(ctx: _Ctx, ci: int, cs: int, ce: int) -> list[Draft]:
    """The drafts of one ";" clause."""
    text, lx = ctx.text, lexicon()
    cs = skip_ws(text, cs, ce)
    q = past_enumerator(text, cs, ce)
    em = _ENUM_START.match(text, cs, ce) if ci > 0 else None
    if ci > 0 and (em or q != cs):
        # "…; (2) Bộ Công an chủ trì …", "…; 2) Phân bổ …": a numbered item written inline is an item of its
        # own; the number is no part of the task, and the partners of the item before do not serve it
        q = max(q, skip_ws(text, em.end(), ce)) if em else q
        ctx.supports, ctx.carry_supports = [], []
    cs = q
    leads, supports = ctx.leads, ctx.supports
    if ci > 0 and ctx.split_commas:
        # a clause that names its own actor keeps it for the clauses after it
        own_start = cs
        cs, ctx.leads, ctx.supports = _clause_actor(ctx, cs, ce)
        if cs != own_start:
            ctx.carry_supports = []
        leads, supports = ctx.leads, ctx.supports or ctx.carry_supports
    cs = _drop_openers(text, _past_process_scope(text, cs, ce), ce, 3)
    if ci > 0 and leads:
        # "X lãnh đạo …; chủ trì, phối hợp với Y xem xét …", "X: (1) …; (2) chủ trì, phối hợp với Y …": the
        # clause's own role frame, read as at a sentence's opening (Y supports this clause)
        fp, fsup = role_frame(text, cs, ce, ctx.mentions)
        if fsup and fp > cs and starts_predicate(text, fp, ce):
            cs, supports = fp, fsup  # not when the partner list is cut short ("…, Tập đoàn FPT, CMC khẩn trương …")
    if on("request_only") and _request_only(text, cs, ce, ctx.mentions):
        return []
    if on("right_cut"):
        ce, ctx.right_at = right_cut(text, ctx.masked, cs, ce, ctx.right_at)
    if ce is None:
        return []  # "… thì cơ quan chủ trì có quyền yêu cầu …": a right, no commitment
    clause_dl = next((d for d in ctx.deadlines if cs <= d.start <= cs + 1 and d.end <= ce), None)
    if clause_dl is not None:
        cs = skip_ws(text, clause_dl.end, ce)
    ctext = text[cs:ce]
    if ((on("liability_patterns") and any(p_.search(ctext) for p_ in lx.liability))
            or any(p_.search(ctext.strip()) and pattern_on("non_task_patterns", i) for i, p_ in enumerate(lx.non_task))):
        return []
    if on("title_or_slogan") and title_or_slogan(text, cs, ce):
        return []  # "BẢNG PHÂN CÔNG …" in capitals, "“Lập thành tích …”" in quotes: a name, no work
    if ci == 0 and not ctx.review and on("passive_statement") and passive_statement(text, cs, ce, ctx.mentions):
        return []  # "Bản tin … sẽ được phát hành …": how a thing is done, no work given to anyone
    if ci == 0 and not ctx.review and on("inclusion_statement") and inclusion_statement(text, cs, ce, ctx.mentions):
        ctx.listing = True
        return []  # "Hạ tầng số của tỉnh bao gồm …": what a thing is made of, no work
    if ci > 0 and ctx.listing and on("inclusion_member") and inclusion_member(text, cs, ce, ctx.mentions):
        return []  # "…; công nghệ vật liệu mới …": a further member of that list
    if ci == 0 and not ctx.review and on("state_statement") and state_statement(text, cs, ce):
        return []  # "Hiện nay tổng khối lượng hoàn thành … khoảng 61% …": the situation, no work
    if not ctx.review and on("estimate_statement") and estimate_statement(text, cs, ce):
        return []  # "Dự kiến kinh phí thực hiện khoản 10% …": a figure, no work
    if not ctx.review and on("composition_only") and composition_only(text, cs, ce, ctx.mentions):
        return []  # "…; thường trực Ban Chỉ đạo là Công an tỉnh": who belongs to a body, no work
    together = between_in(text, cs, ce, ctx.mentions)
    if together and leads and not frames().coordinate.match(text, skip_ws(text, cs, ce), ce):
        together = []  # "<actor>: Tăng cường phối hợp giữa X, Y …": the coordination is the object, the actor acts
    groups, own_subject = comma_groups(text, ctx.masked, cs, ce, ctx.mentions, ctx.deadlines,
                                       review=ctx.review, split_commas=ctx.split_commas)
    out: list[Draft] = []
    clause_sup: list[Ag] = []
    for gi, g in enumerate(groups):
        gs, ge = skip_ws(text, g[0][0], g[-1][1]), g[-1][1]
        g_subject = own_subject.get(gi)
        if g_subject:
            gs = skip_ws(text, after_chain(text, max(m.end for m in g_subject), ge), ge)
        gs = _drop_openers(text, gs, ge, 2)
        d_leads = together or g_subject or leads
        draft, own_sup = _draft(ctx, gs, ge, d_leads, supports, clause_dl, clause_sup if gi > 0 else [])
        if gi == 0 and own_sup:
            clause_sup = own_sup
            if ci == 0 and not ctx.supports and not ctx.subject:
                ctx.carry_supports = own_sup  # partners named first serve every ";" clause of the sentence
        if draft is not None:
            out.append(draft)
    return out


def _times_clause_before(text: str, cs: int, ce: int, deadlines: list[Dl], drafts: list[Draft]) -> bool:
    """"…; thực hiện thường xuyên.": a clause that is only a time (after an
    optional "thực hiện"/"hoàn thành") gives its deadline to the tasks of the
    clause before it that have none, and is no task itself."""
    t = _time_clause_start(text, cs, ce)
    if t > cs and not text[t:ce].strip(" :"):  # "…; thời gian hoàn thành: quý III/2026.": the time was cut off
        ce = next((d.end for d in deadlines if d.start >= ce and not text[ce:d.start].strip(" :")), ce)
    dl = next((d for d in deadlines if cs <= d.start and (d.end > t if d.start < t else not text[t:d.start].strip(" :"))),
              None)  # a label may end in the time's own completion word ("thời hạn hoàn thành trước …")
    if dl is None or dl.end > ce or text[dl.end:ce].strip(" .;,"):
        return False
    for d in drafts:
        if d.deadline is None:
            d.deadline, d.deadline_prio = dl.deadline, 2
    return True


def _time_clause_start(text: str, cs: int, ce: int) -> int:
    """Where the time of a time-only clause may begin: past a time label ("thời gian hoàn thành:",
    ``time_labels`` in layout.yaml), or past a modal ("phải", ``time_clause_modals``) and "thực hiện"/"hoàn thành"."""
    lm = _leading_label().match(text, cs, ce)
    if lm:
        return lm.end()
    mm = _LEADING_MODAL.match(text, cs, ce)
    p = mm.end() if mm and _COMPLETION.match(text, mm.end(), ce) else cs
    return frames().time_only.match(text, p, ce).end()


_LEADING_MODAL = re.compile(rf"\s*(?:{word_alt('time_clause_modals')})\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _leading_label() -> re.Pattern:
    labels = "|".join(re.escape(w) for w in sorted(layout_vocab().data["time_labels"], key=len, reverse=True))
    return re.compile(rf"\s*(?:{labels})(?![\wÀ-ỹ])\s*:?\s*", re.IGNORECASE)


def _subject_after_time(text: str, masked: str, s: int, e: int, mentions: list[Ag], deadlines: list[Dl]):
    """find_subject, also past a time phrase that opens the sentence ("Hằng năm, Sở Y tế tổ chức sơ kết", "Định
    kỳ 06 tháng các cơ quan có liên quan báo cáo …"): the time is the task's deadline, the body after it acts."""
    found = find_subject(text, masked, s, e, mentions)
    if found[0]:
        return found
    after = skip_ws(text, s, e)
    for _ in range(3):  # "Hằng năm, trước ngày 15 tháng 12, các sở …": one time phrase after another
        lead = next((d for d in deadlines if d.start == after), None)
        if lead is None:
            break
        after = skip_ws(text, lead.end, e)
        if after < e and text[after] == ",":
            after = skip_ws(text, after + 1, e)
    if after == skip_ws(text, s, e) or not any(m.start == after for m in mentions):
        return found
    again = find_subject(text, masked, after, e, mentions)
    return again if again[0] else found


def _numbered_actions(text: str, a: int, e: int, mentions: list[Ag]) -> bool:
    """Does ``text[a:e]`` (after a colon) open with a numbered action: "(1) Sửa đổi …", "(i) Bộ Công an chủ trì …"?"""
    a = skip_ws(text, a, e)
    q = past_enumerator(text, a, e)
    return q != a and (is_verb_start(text[q:e]) or bool(clause_subject(text, q, e, mentions)))


def _numbered_after(text: str, masked: str, cpos: int, e: int, mentions: list[Ag], p: int) -> bool:
    """Is the colon at ``cpos`` inside a sentence of numbered clauses: numbered actions follow it, or its clause
    is numbered and a later ";" opens a clause numbered the same way ("(3) Khẩn trương trình … ban hành:
    Chương trình …, Đề án …; (4) đôn đốc …"; not "(5) Phát triển VNeID … với 05 chức năng: (i) …; (ii) …",
    whose "(ii)" numbers what the colon explains)?"""
    if _numbered_actions(text, cpos + 1, e, mentions):
        return True
    before = numbered_clause_starts(text, p, cpos)
    own = before[-1] if before else _clause_number(text, p)  # the number of the clause that holds the colon
    kind = enumerator_kind(text, own) if own >= 0 else ""
    return bool(kind) and any(enumerator_kind(text, q) == kind for q in numbered_clause_starts(text, cpos, e))


def _clause_number(text: str, p: int) -> int:
    """The offset of the list number that opens the sentence's first clause at ``p`` (or just before it), or -1."""
    q = skip_ws(text, p, len(text))
    if enumerator_kind(text, q):
        return q
    m = re.search(r"\((?:\d{1,2}|[ivx]{1,4}|[a-zđ])\)\s*$", text[max(0, p - 8):p])
    return max(0, p - 8) + m.start() if m else -1


def _lead_in_head(text: str, masked: str, cs: int, colon: int, mentions: list[Ag], alone: bool) -> bool:
    """Does the clause before a colon only lead in to the numbered actions after it: a bare verb after its
    actor ("tập trung", "thực hiện các nội dung sau"), or, ``alone`` (the sentence's first clause, no actor
    named), a title before numbered actions that name theirs ("Khẩn trương xây dựng …: (1) Bộ X ban hành
    …")? A heading is no task; the actor still acts in the numbered actions."""
    cs = past_enumerator(text, skip_ws(text, cs, colon), colon)
    own = clause_subject(text, cs, colon, mentions)
    if own:
        cs = skip_ws(text, after_chain(text, max(m.end for m in own), colon), colon)
    cs = strip_modal(text, cs, colon)
    return verb_only(text[cs:colon]) or cut_lead_in(text, masked, cs, colon + 1)[1] or (alone and not own)


def _numbered_clauses(text: str, masked: str, p: int, e: int, mentions: list[Ag], deadlines: list[Dl],
                      review: bool, split_commas: bool, has_subject: bool) -> tuple[list[list[int]], set[int]]:
    """The clauses of a sentence of numbered clauses ("(1) …; (2) Bộ Công an chủ trì …; (3) các bộ, ngành tập
    trung: (i) Sửa đổi …; (ii) Rà soát …"), and the indexes of those that only lead in. A colon cuts only its
    own clause: numbered actions after it are clauses of their own, anything else after it only explains
    (annotation rule: what follows a colon that is no list of actions is no task)."""
    out: list[list[int]] = []
    lead: set[int] = set()
    explaining = ""  # the numbering of a clause whose colon only explains: other numbers after it are its parts
    for cs, ce in merge_clauses(text, masked, p, e, mentions, deadlines, review=review, split_commas=split_commas):
        q = skip_ws(text, cs, ce)
        kind = enumerator_kind(text, q) or ("" if out else enumerator_kind(text, max(_clause_number(text, p), 0)))
        if explaining and kind != explaining:
            continue  # "…với 05 chức năng chính: (i) Lưu trữ …; (ii) Định danh …": what the colon explains
        explaining = ""
        colon = masked.find(":", cs, ce)
        if colon < 0:
            out.append([cs, ce])
        elif _numbered_actions(text, colon + 1, ce, mentions):
            if _lead_in_head(text, masked, cs, colon, mentions, alone=not out and not has_subject):
                lead.add(len(out))
            out += [[cs, colon], [colon + 1, ce]]
        else:
            out.append([cs, colon])
            explaining = kind or "none"
    return out, lead


_TITLED_ITEM_REACH = 40  # characters before a colon in which "Tiểu dự án 4" is looked for


def _titled_item() -> Optional[re.Pattern]:
    alt = word_alt("titled_item_heads")
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alt})\s+(?:\d+|[IVXLC]+)\s*$", re.IGNORECASE) if alt else None


def explaining_colon(text: str, masked: str, p: int, e: int) -> int:
    """The first colon of ``[p, e)`` that explains what comes before it, or -1. A colon right after a numbered
    item of a programme (``titled_item_heads``: "tổ chức thực hiện Tiểu dự án 4: Nâng cao hiệu quả công tác
    tuyên truyền …") opens that item's title, which belongs to the task: it is passed over. An item that opens
    the clause ("Dự án 1: Phòng ngừa …") is a label, and its colon explains as any other."""
    c = masked.find(":", p, e)
    pat = _titled_item()
    while c >= 0 and pat is not None:
        m = pat.search(text, max(p, c - _TITLED_ITEM_REACH), c)
        if m is None or not text[p:m.start()].strip():
            break  # no item, or the item opens the clause ("Dự án 1: …" is a label, its colon explains)
        c = masked.find(":", c + 1, e)
    return c


def _premise(text: str, clauses: list[list[int]], ci: int) -> bool:
    """"Từ nay đến hết năm 2025 chỉ còn gần 2 tháng, một số dự án hiện còn khối lượng công việc lớn; do vậy, yêu
    cầu các bộ, ngành …": a clause followed by a consequence word (``premise_connectives``) and a request word
    gives the reason for the request, no work of its own. Not when no request follows ("…; do đó, cần …")."""
    if ci + 1 >= len(clauses):
        return False
    ns, ne = clauses[ci + 1]
    m = opening_word("premise_connectives", text, ns, ne, after=r"[\s,]*")
    return bool(m) and bool(lexicon().assign.match(text, ns + m.end(), ne))


def _numbered_scope(text: str, p: int, e: int, drafts: list[Draft]) -> None:
    """"(1) …, hoàn thành trong tháng 11; (2) …; (3) …, hoàn thành trước ngày 10 tháng 12.": a time that ends a
    sentence of numbered clauses closes the last numbered clause, not the whole sentence."""
    starts = numbered_clause_starts(text, p, e)
    if not starts:
        return
    for d in drafts:
        if d.start < starts[-1] and d.deadline_prio == 1:
            d.deadline, d.deadline_prio = None, 0


_DATED = ("by", "on", "period")


def _own_phrase(dr: Draft, deadlines: list[Dl], end: int) -> Optional[Dl]:
    """The phrase of the draft's own deadline: the nearest one before ``end`` that normalises to it."""
    same = [x for x in deadlines if x.deadline == dr.deadline and x.start < end]
    return min(same, key=lambda x: abs(x.start - dr.start), default=None)


def _dated_clauses(text: str, p: int, drafts: list[Draft], sent_dl: Optional[Dl], deadlines: list[Dl]) -> None:
    """"A; hoàn thành A trước ngày 25/11; B; gửi kết quả trước ngày 10/12; C, công bố trong năm 2026.": when an
    earlier ";" clause holds a date of its own, the date that ends the sentence is not written once for the whole
    sentence: it closes the clauses after the last dated clause, and an undated clause before that takes the date
    of the next dated clause (the sentence is a series of dated steps)."""
    if sent_dl is None or sent_dl.start < p or sent_dl.deadline.kind not in _DATED:
        return
    breaks: list[tuple[int, Deadline]] = []
    for dr in drafts:
        if dr.deadline_prio < 2 or dr.deadline is None or dr.deadline.kind not in _DATED \
                or dr.deadline == sent_dl.deadline:
            continue
        d = _own_phrase(dr, deadlines, sent_dl.start)
        cut = text.find(";", d.end, sent_dl.start) if d is not None else -1
        if cut >= 0:
            breaks.append((cut, dr.deadline))
    if not breaks:
        return
    for dr in drafts:
        if dr.deadline_prio != 1 or dr.deadline != sent_dl.deadline:
            continue
        later = [b for b in breaks if dr.start < b[0]]
        if later:
            dr.deadline = min(later, key=lambda b: b[0])[1]


def _opening_time_scope(text: str, p: int, e: int, drafts: list[Draft], sent_dl: Optional[Dl]) -> None:
    """"Hằng năm, Sở Y tế tổ chức …; Sở Lao động tổ chức …": a time that opens the sentence before its subject
    and predicate scopes over its own ";" clause only (ANNOTATION-DECISIONS 8, LS II.5); the clauses after the
    first ";" keep no time of it. A time before a colon that leads in a list is no opening adverbial, and a case
    is no time: "Trường hợp …, A; B" sets up every clause after it."""
    if sent_dl is None or sent_dl.start >= p or sent_dl.deadline.kind == "conditional":
        return  # a case ("Trường hợp …, A; B") sets up the whole sentence
    semi = text.find(";", p, e)
    if semi < 0 or ":" in text[sent_dl.end:p]:
        return
    for dr in drafts:
        if dr.start > semi and dr.deadline_prio == 1 and dr.deadline == sent_dl.deadline:
            dr.deadline, dr.deadline_prio = None, 0


def analyze_sentence(text: str, masked: str, s: int, e: int, mentions: list[Ag], deadlines: list[Dl], *,
                     carried: Optional[list[Ag]] = None, carried_supports: Optional[list[Ag]] = None,
                     review: bool = False, split_commas: bool = True, partners: bool = False) -> SentenceResult:
    """Task drafts of the sentence ``text[s:e]`` (offsets in ``text``), each group of bodies the sentence names
    followed by the members its bracket lists ("Các cơ quan đăng ký đầu tư (Sở Tài chính, …)", tasks/members.py).

    ``partners``: as in :func:`_analyze_sentence`.
    """
    res = _analyze_sentence(text, masked, s, e, mentions, deadlines, carried=carried,
                            carried_supports=carried_supports, review=review, split_commas=split_commas,
                            partners=partners)
    for d in res.drafts:
        d.leads = with_members(text, d.leads)
        d.supports = with_members(text, d.supports)
    res.subject = with_members(text, res.subject)
    res.frame_supports = with_members(text, res.frame_supports)
    return res


def _analyze_sentence(text: str, masked: str, s: int, e: int, mentions: list[Ag], deadlines: list[Dl], *,
                      carried: Optional[list[Ag]] = None, carried_supports: Optional[list[Ag]] = None,
                      review: bool = False, split_commas: bool = True, partners: bool = False) -> SentenceResult:
    """Task drafts of the sentence ``text[s:e]`` (offsets in ``text``).

    ``partners``: the item stands under "X chủ trì, phối hợp:" (``open_support`` of the line before): the
    bodies it names first are X's partners, so they support and ``carried`` (X) leads.
    """
    deadlines = [d for d in deadlines if s <= d.start < e and masked[d.start] != "\x00"]
    subject, p, how, explicit = _subject_after_time(text, masked, s, e, mentions, deadlines)
    if partners and subject and carried and how == "subject":
        res = analyze_sentence(text, masked, s, e, mentions, deadlines, carried=carried, review=review,
                               split_commas=split_commas)
        for d in res.drafts:
            d.leads = list(carried)
            d.supports = subject + [x for x in d.supports if all(x.name != y.name for y in subject)]
        res.subject = []
        return res
    if frames().open_lead_support.match(text, p, e):
        return SentenceResult([], subject, [], lead_in=True, explicit=explicit, open_support=True, how=how)
    p = _resumptive(text, p, e, subject, mentions)
    p, frame_supports, explicit = _predicate_start(text, masked, p, e, subject, carried, mentions, explicit)
    empty = SentenceResult([], subject, frame_supports, explicit=explicit, how=how)
    if on("label_value") and label_value(text, s, p, e, subject, how, review):
        return empty
    timed = time_label_draft(text, masked, p, e, subject, deadlines) if on("time_label") else None
    if timed is not None:
        a, b, d = timed
        return SentenceResult([Draft(a, b, leads=list(carried or []), deadline=d.deadline, deadline_prio=1,
                                     rule="sentence:time-label")], subject, frame_supports, explicit=explicit, how=how)
    if on("label_value") and label_pair(text, masked, p, e, subject, review):
        return empty
    cpos = explaining_colon(text, masked, p, e)
    numbered = cpos >= 0 and _numbered_after(text, masked, cpos, e, mentions, p)
    pe = cpos if cpos >= 0 and not numbered else e
    lead_end, lead_in = (cut_lead_in(text, masked, p, (cpos + 1) if cpos >= 0 else e) if not numbered and on("lead_in")
                         else (e, False))
    if lead_in or (subject and cpos >= 0 and not text[cpos + 1:e].strip() and verb_only(text[p:cpos])):
        # "- UBND thành phố Hà Nội … cần tập trung:": a bare verb before the colon leads in the items below
        return SentenceResult([], subject, frame_supports, lead_in=True, explicit=explicit, how=how)
    pe = min(pe, lead_end)
    if pe <= p:
        return empty
    ctx = _Ctx(text, masked, mentions, deadlines, subject, how,
               leads=subject or list(carried or []),
               supports=frame_supports or ([] if subject else list(carried_supports or [])),
               sent_dl=_sentence_deadline(text, s, p, e, deadlines), review=review, split_commas=split_commas,
               right_at=right_before(text, s, p) if on("right_cut") else -1)
    drafts: list[Draft] = []
    leads_in: set[int] = set()
    if numbered:
        clauses, leads_in = _numbered_clauses(text, masked, p, e, mentions, deadlines, review, split_commas,
                                              bool(subject))
    else:
        clauses = merge_clauses(text, masked, p, pe, mentions, deadlines, review=review, split_commas=split_commas)
    before: list[Draft] = []  # the drafts of the last clause that gave any
    for ci, (cs, ce) in enumerate(clauses):
        if before and _times_clause_before(text, cs, ce, deadlines, before):
            continue
        if _premise(text, clauses, ci):
            continue  # "… chỉ còn gần 2 tháng, …; do vậy, yêu cầu các bộ, ngành …": the reason for the request
        # a numbered clause may name its actor, the first one too
        own = _clause_drafts(ctx, ci + (1 if numbered else 0), cs, ce)
        own = [] if ci in leads_in else own
        drafts.extend(own)
        before = own or before
    _numbered_scope(text, p, e, drafts)
    _dated_clauses(text, p, drafts, ctx.sent_dl, deadlines)
    _opening_time_scope(text, p, e, drafts, ctx.sent_dl)
    return SentenceResult(drafts, subject, frame_supports, explicit=explicit, how=how)
