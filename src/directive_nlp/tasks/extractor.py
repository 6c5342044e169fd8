"""Walk a document's blocks and section tree and produce its tasks.

Which parts hold tasks is read from the section headings, top down: the
first heading that says "Nhiệm vụ", "Giải pháp", "Nội dung", "Tổ chức thực
hiện", "Phương pháp", "Kinh phí", "Trách nhiệm" … opens a task part; "Mục
tiêu", "Mục đích", "Yêu cầu", "Chỉ tiêu", "Căn cứ", "Phạm vi" … close it;
"Tình hình", "Đánh giá chung" … are background, where only an explicit
request to a named body ("Tỉnh X cần …", "đề nghị Bộ Y …") is a task. Text
before the first numbered part and after the last one is background too,
and the recipients list ("Nơi nhận") and the signature are never read.

Layout carries actors and deadlines (ANNOTATION.md):

* an agency heading ("2. Sở Y tế:", "1.5. Trách nhiệm của …") is the lead of
  every item under it that does not name its own actor;
* a labelled block ("Nội dung thực hiện: … / Cơ quan chủ trì: … / Cơ quan
  phối hợp: … / Thời gian thực hiện: …") gives its bodies and its time to
  every task of the block; a heading whose block has no content line is the
  task itself;
* a "Thời gian thực hiện/hoàn thành: …" line after list items dates the items
  since the previous such line;
* an assignment table (task / chủ trì / phối hợp / thời hạn columns) gives one
  task per row (:mod:`directive_nlp.tasks.tables`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from ..models import AgencyRef, Deadline, DocumentMeta, DocumentStructure, NormalizedDocument, Section, Task
from .clauses import Draft, analyze_sentence, is_verb_start
from .lexicon import lexicon
from .mentions import Ag, agency_type, canonical, find_agencies, find_deadlines, parse_deadline
from .roles import AGENCY_HEAD as _AGENCY_HEAD, chain_at, fallback_subject
from .inline import Assignment, parse_assignment, trailing_paren
from .tables import table_tasks
from .text import mask, sentences, trim, words

__all__ = ["extract_tasks"]

_TIME_LABEL = re.compile(
    r"^\s*(?:thời gian|thời hạn|tiến độ|thời điểm)(?:\s+(?:thực hiện|hoàn thành|triển khai))?\s*(?:\([^)]*\))?\s*:\s*",
    re.IGNORECASE,
)
# "… cần tập trung vào các nội dung sau:" only introduces content: its actor is not carried to the items
# (ANNOTATION.md); "… thực hiện các nhiệm vụ sau:", "X chủ trì, phối hợp với Y:" assign the items below
_CONTENT_LEAD_IN = re.compile(r"\bnội dung\b[^:;]*\b(?:sau|như sau)\s*:\s*$", re.IGNORECASE)
# the end of a Chỉ thị / Công văn opening: what follows is its body, numbered or not
_BODY_OPENER = re.compile(r"\b(?:yêu cầu|chỉ thị|đề nghị|giao|như sau|các nội dung sau|có ý kiến như sau)\s*:\s*$", re.IGNORECASE)
_FUNDING_HEADING = re.compile(r"\s*(?:kinh phí|nguồn (?:vốn|kinh phí|lực tài chính)|tài chính|dự toán)\b", re.IGNORECASE)
_UPPER_SIGNATURE = re.compile(r"^[^a-zà-ỹđ]*$")


@dataclass
class _SectionState:
    drafts: list[tuple[Draft, int, int, int, str]] = field(default_factory=list)  # draft, block, span s, span e (doc), base text
    label_leads: list[tuple[str, str]] = field(default_factory=list)  # (name, role)
    label_time: Optional[Deadline] = None
    has_label: bool = False
    has_content_label: bool = False
    heading_block: Optional[int] = None


def _doc_date(meta: Optional[DocumentMeta]) -> Optional[date]:
    if meta is None or not meta.issued_date:
        return None
    try:
        return date.fromisoformat(meta.issued_date[:10])
    except ValueError:
        return None


class _Walker:
    def __init__(self, doc: NormalizedDocument, structure: DocumentStructure, meta: Optional[DocumentMeta]):
        self.doc = doc
        self.structure = structure
        self.meta = meta or DocumentMeta()
        self.lx = lexicon()
        self.doc_date = _doc_date(meta)
        self.sections: dict[str, Section] = {s.id: s for s in structure.sections}
        self.info = {bi.block: bi for bi in structure.blocks}
        self._zone: dict[str, str] = {}
        self._review: dict[str, bool] = {}
        self.heading_agents: dict[str, list[Ag]] = {}
        self.heading_supports: dict[str, list[Ag]] = {}
        self._last_heading_supports: list[Ag] = []
        self.heading_base: dict[str, str] = {}
        title = " ".join(filter(None, [self.meta.title or "", self._first_lines()]))
        self.doc_review = bool(re.search(r"\b(?:sơ kết|tổng kết)\b", title, re.IGNORECASE))

    def _first_lines(self) -> str:
        return " ".join(self.doc.text[b.start:b.end] for b in self.doc.blocks[:6])

    # ---------------------------------------------------------------- zones
    def chain(self, sid: str) -> list[Section]:
        out, seen = [], set()
        cur = self.sections.get(sid)
        while cur is not None and cur.id not in seen:
            out.append(cur)
            seen.add(cur.id)
            cur = self.sections.get(cur.parent) if cur.parent else None
        return list(reversed(out))

    def heading_of(self, sec: Section) -> str:
        if sec.heading:
            return sec.heading
        return ""

    def zone(self, sid: str) -> str:
        if sid in self._zone:
            return self._zone[sid]
        z = None
        root = sid.split(".")[0]
        if root == "preamble":
            z = "background"
        elif root == "closing":
            z = "closing"
        for sec in self.chain(sid):
            h = self.heading_of(sec)
            if not h:
                continue
            if _FUNDING_HEADING.match(h):
                z = "unknown"  # "Kinh phí thực hiện": a funding statement is a task only when a body is named
                break
            if self.lx.non_task_heading.match(h):
                z = "none"
                break
            if self.lx.background_heading.match(h):
                z = "background"
                break
            if self.lx.task_heading.match(h):
                z = "task"
                break
        if z is None:
            # a part whose heading says neither (e.g. "SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG", "THỦ TỤC, HỒ SƠ"): its
            # sentences are tasks when someone is named to act; unnumbered text (a Chỉ thị body) stays a task part
            z = "unknown" if any(self.heading_of(sec) for sec in self.chain(sid)) else "task"
        self._zone[sid] = z
        return z

    def review(self, sid: str) -> bool:
        if sid not in self._review:
            r = False
            for sec in self.chain(sid):
                h = self.heading_of(sec)
                if h and re.search(r"\b(?:sơ kết|tổng kết|kiểm điểm)\b", h, re.IGNORECASE) and re.match(
                        r"\s*(?:nội dung|các nội dung)", h, re.IGNORECASE):
                    r = True
                if h and self.doc_review and re.match(r"\s*(?:nội dung|kết quả|công tác)", h, re.IGNORECASE) \
                        and sec.level >= 2:
                    r = True
            self._review[sid] = r
        return self._review[sid]

    # ----------------------------------------------------- agency headings
    def agency_heading(self, text: str) -> Optional[list[Ag]]:
        """The bodies a heading names ("2. Sở Y tế:", "1.5. Trách nhiệm của …"), or None."""
        t = text.strip()
        if not t or len(words(t)) > 40:
            return None
        m = self.lx.heading_agency_prefix.match(t)
        offset = 0
        if m:
            offset = m.end()
            while offset < len(t) and t[offset].isspace():
                offset += 1
        body_end = len(t)
        paren = t.find("(", offset)
        if paren > 0:
            body_end = paren
        colon = t.find(":", offset)
        if 0 < colon < body_end:
            rest_after = t[colon + 1:].strip()
            if rest_after and len(words(rest_after)) > 3:
                return None
            body_end = colon
        a, b = trim(t, offset, body_end)
        if b <= a:
            return None
        body = t[a:b]
        if len(words(body)) > 45:
            return None
        mentions = find_agencies(t)
        chain, cend = chain_at(t, a, mentions, b + 1, max_skip=2)
        if chain:
            rest = t[cend:b].strip()
            if not rest or rest.startswith(("-", "–", "(")) or len(words(rest)) <= 3:
                return chain
            # "2. Sở X chủ trì, phối hợp với Y, Z:" — a heading with a role frame
            fm = re.match(r"\s*(?:chủ trì\s*,?\s*(?:và\s+)?)?phối hợp(?:\s+chặt chẽ)?(?:\s+với|\s+cùng)?\s+", t[cend:b], re.IGNORECASE)
            if fm:
                sup, send = chain_at(t, cend + fm.end(), mentions, b + 1)
                if sup and not t[send:b].strip(" ,.;:"):
                    self._last_heading_supports = sup
                    return chain
            # "2. Các Sở, ngành chủ trì, quản lý … các dự án thuộc Chương trình": the group is named by what it does
            if (re.match(r"\s*(?:các|những)\s", t[a:b], re.IGNORECASE) and not t.rstrip().endswith(".")
                    and re.match(r"\s*,?\s*(?:chủ trì|quản lý|tham gia|được giao|được phân công|có liên quan|liên quan|trực tiếp)\b",
                                 t[cend:b], re.IGNORECASE)):
                return [Ag(a, b, t[a:b], canonical(t[a:b]), chain[0].type)]
            return None  # "Sở Tài chính bố trí kinh phí …": a sentence with its subject, not a heading
        if (is_verb_start(body) and not m) or len(words(body)) > 18:
            return None
        if chain:
            return None
        assign_prefix = bool(m) and re.match(r"\s*(?:đề nghị|yêu cầu|giao)\b", t, re.IGNORECASE)
        if assign_prefix and not _AGENCY_HEAD.match(body):
            return None
        if m or _AGENCY_HEAD.match(body):
            if re.search(r"\b(?:và|,)\s", body) and not m:
                pieces = fallback_subject(t, a, b)
            else:
                pieces = [(a, b)]
            out = []
            for pa, pb in pieces:
                pa, pb = trim(t, pa, pb)
                dash = re.search(r"\s[-–]\s(?:cơ quan|đơn vị|thường trực)", t[pa:pb], re.IGNORECASE)
                if dash:
                    pb = pa + dash.start()
                if pb > pa:
                    out.append(Ag(pa, pb, t[pa:pb], canonical(t[pa:pb]), None))
            return out or None
        return None

    def default_agents(self, sid: str) -> list[Ag]:
        for sec in reversed(self.chain(sid)):
            if sec.id in self.heading_agents:
                return self.heading_agents[sec.id]
        return []

    def default_supports(self, sid: str) -> list[Ag]:
        for sec in reversed(self.chain(sid)):
            if sec.id in self.heading_agents:
                return self.heading_supports.get(sec.id, [])
        return []

    # --------------------------------------------------------------- walk
    def run(self) -> list[Task]:
        doc, text = self.doc, self.doc.text
        tasks: list[Task] = []
        states: dict[str, _SectionState] = {}
        order: list[str] = []
        stopped: Optional[str] = None
        pending: list[Draft] = []  # drafts waiting for a "Thời gian …:" line
        pending_sid: Optional[str] = None
        tables_done: set[int] = set()
        rows_done: set[int] = set()
        colon_parent: Optional[tuple] = None  # (section, block, [skipped item blocks])
        preamble_body = False
        actor_lead_in: Optional[tuple] = None  # (section, leads, supports) of "X chủ trì, phối hợp với Y:"
        explained_headings: list[tuple[str, int]] = []

        # headings of sections: agency headings first (they scope over items)
        for sec in self.structure.sections:
            if sec.heading:
                self._last_heading_supports = []
                ags = self.agency_heading(sec.heading)
                if ags:
                    self.heading_agents[sec.id] = ags
                    if self._last_heading_supports:
                        self.heading_supports[sec.id] = self._last_heading_supports

        first_block_of: dict[str, int] = {}
        for bi in self.structure.blocks:
            first_block_of.setdefault(bi.section, bi.block)

        for b in doc.blocks:
            bi = self.info.get(b.index)
            if bi is None:
                continue
            sid = bi.section
            btext = text[b.start:b.end]
            cs = max(0, min(bi.content_start - b.start, len(btext)))
            body = btext[cs:]
            low = body.strip().lower()
            is_pl = sid.startswith("PL")
            if self.lx.stop_block[0].match(low):
                stopped = sid  # recipients and signature: skip until another part begins
                continue
            if stopped:
                if sid == stopped:
                    continue
                stopped = None
            if b.kind == "table_row":
                if b.index in rows_done or (b.table_id is not None and b.table_id in tables_done):
                    continue
                if b.table_id is not None:
                    rows = [x for x in doc.blocks if x.kind == "table_row" and x.table_id == b.table_id]
                    tables_done.add(b.table_id)
                else:  # no table id from the reader: the run of rows starting here
                    rows = []
                    for x in doc.blocks[b.index:]:
                        if x.kind != "table_row" or x.table_id is not None:
                            break
                        rows.append(x)
                    rows_done.update(x.index for x in rows)
                for d_task in table_tasks(doc, rows, self.info, self.doc_date):
                    tasks.append(d_task)
                continue
            if any(p.match(low) for p in self.lx.stop_block[1:]) or (
                    _UPPER_SIGNATURE.match(body.strip()) and len(words(body)) <= (20 if bi.marker else 8)):
                continue  # signatures and headings in capitals
            zone = self.zone(sid)
            if zone == "background" and sid == "preamble" and preamble_body:
                zone = "task"  # an unnumbered Chỉ thị / Công văn body after "… yêu cầu:"
            st = states.setdefault(sid, _SectionState())
            if sid not in order:
                order.append(sid)
            if pending_sid is not None and pending_sid != sid:
                pending, pending_sid = [], None
            # a heading: maybe an agency heading (already registered), never a task
            sec = self.sections.get(sid)
            long_content = len(words(body)) >= 12 and body.rstrip().endswith((".", ";", "./."))
            if bi.is_heading and not long_content:
                st.heading_block = b.index
                if body.rstrip().endswith(":") and sid not in self.heading_agents and not _CONTENT_LEAD_IN.search(body):
                    # "5. Sở Y tế chủ trì, phối hợp với Sở X thực hiện các chương trình như:" over its items
                    hm = find_agencies(btext)
                    hres = analyze_sentence(btext, mask(btext), cs, len(btext), hm, [], carried=[])
                    if hres.subject and hres.drafts == [] or (hres.subject and hres.lead_in) or (
                            hres.subject and re.search(r"\b(?:như|sau|gồm|bao gồm|cụ thể)\s*:\s*$", body)):
                        self.heading_agents[sid] = hres.subject
                        if hres.frame_supports:
                            self.heading_supports[sid] = hres.frame_supports
                if body.rstrip().endswith(":") and sid not in self.heading_agents and not self._is_lead_in(body):
                    colon_parent = (sid, b.index, [])
                    explained_headings.append((sid, b.index, colon_parent[2]))
                else:
                    colon_parent = None
                continue
            if (sec is not None and not sec.heading and first_block_of.get(sid) == b.index and bi.marker
                    and bi.marker_kind not in ("bullet",)):
                self._last_heading_supports = []
                ags = self.agency_heading(body)
                if ags:
                    self.heading_agents[sid] = ags
                    if self._last_heading_supports:
                        self.heading_supports[sid] = self._last_heading_supports
                    st.heading_block = b.index
                    continue
            if zone == "none":
                continue
            # labelled lines
            lm = self.lx.label.match(body)
            if lm:
                kind = self.lx.label_kind.get(" ".join(lm.group("lab").lower().split()))
                rest_s = cs + lm.end()
                rest = btext[rest_s:]
                if kind == "time":
                    dl = self._deadline_of(rest)
                    if pending and pending_sid == sid:
                        for d in pending:
                            if d.deadline is None and dl is not None:
                                d.deadline, d.deadline_prio = dl, 0
                        pending = []
                    else:
                        st.label_time = dl
                    st.has_label = True
                    continue
                if kind in ("lead", "support"):
                    st.has_label = True
                    ms = find_agencies(rest)
                    res_drafts = self._sentence_drafts(btext, rest_s, len(btext), b.index, sid, [], review=False,
                                                       own_only=True)
                    if kind == "lead" and res_drafts:
                        for d in res_drafts:
                            d.rule = "labelled-block:actor-line"
                            st.drafts.append((d, b.index, b.start + rest_s, b.end, btext))
                        # the bodies of the line are its subjects, not the ones it advises or directs
                        subj: list[str] = []
                        for d in res_drafts:
                            for a in d.leads:
                                if a.name not in subj:
                                    subj.append(a.name)
                        ms = [m for m in ms if m.name in subj] or ms
                    names = [(m.name, "lead" if kind == "lead" else "support") for m in ms]
                    if not names:
                        rs, re_ = trim(rest, 0, len(rest))
                        for pa, pb in fallback_subject(rest, rs, re_):
                            pa, pb = trim(rest, pa, pb)
                            if pb > pa:
                                names.append((rest[pa:pb], "lead" if kind == "lead" else "support"))
                    st.label_leads.extend(names)
                    continue
                if kind == "content":
                    st.has_content_label = True
                    st.has_label = True
                    drafts = self._sentence_drafts(btext, rest_s, len(btext), b.index, sid,
                                                   self.default_agents(sid), review=False, split_commas=False)
                    for d in drafts:
                        d.rule = "labelled-block"
                        st.drafts.append((d, b.index, b.start + rest_s, b.end, btext))
                    continue
                if kind == "ignore":
                    continue
            # items that only spell out the object of a line ending in ":" ("… bao gồm:", "… của Thành ủy:")
            if colon_parent is not None and colon_parent[0] == sid and bi.marker and not self.review(sid):
                if not self._looks_like_action(btext, cs):
                    colon_parent[2].append(b.index)
                    continue
            if colon_parent is not None and (colon_parent[0] != sid or not bi.marker):
                colon_parent = None
            drafts_here: list[Draft] = []
            carried = self.default_agents(sid)
            lead_supports: list[Ag] = self.default_supports(sid)
            # "2. Sở X chủ trì, phối hợp với Y:" over "- …" items: the paragraph's actor is the items' actor
            if actor_lead_in is not None:
                if actor_lead_in[0] == sid and bi.marker_kind in ("bullet", "enum"):
                    carried, lead_supports = actor_lead_in[1], actor_lead_in[2]
                else:
                    actor_lead_in = None
            item = bool(bi.marker)
            masked = mask(btext)
            sents = sentences(btext, cs, len(btext), masked)
            item_subject: Optional[list[Ag]] = None
            sent_results: list = []
            item_supports: list[Ag] = []
            block_dl: Optional[Deadline] = None
            mentions = find_agencies(btext)
            deadlines = [d for d in find_deadlines(btext, self.doc_date)]
            for s, e in sents:
                tm = _TIME_LABEL.match(btext[s:e])
                if tm:
                    block_dl = self._deadline_of(btext[s + tm.end():e]) or block_dl
                    continue
                lm = self.lx.label.match(btext[s:e])
                if lm and self.lx.label_kind.get(" ".join(lm.group("lab").lower().split())) in ("lead", "support") \
                        and drafts_here:
                    # "… Cơ quan chủ trì: Sở X; cơ quan phối hợp: Sở Y; thời gian thực hiện: năm 2026." in the item
                    asg = parse_assignment(btext[s:e], self.doc_date)
                    if asg is not None:
                        _apply_assignment(drafts_here, asg, "inline-labels")
                        continue
                e_eff, paren = e, None
                tp = trailing_paren(btext, s, e, self.doc_date)
                if tp is not None:
                    e_eff, paren = tp
                car = item_subject if (item and item_subject) else carried
                res = analyze_sentence(btext, masked, s, e_eff, mentions, deadlines, carried=car,
                                       carried_supports=item_supports if (item and item_subject) else lead_supports,
                                       review=self.review(sid))
                if paren is not None:
                    # "Rà soát quy hoạch … (Sở X chủ trì, phối hợp với Y; thời gian hoàn thành: Quý II/2026)."
                    _apply_assignment(res.drafts, paren, "paren", own=bool(res.subject))
                    if paren.leads and not res.subject:
                        res.subject = paren.leads
                if res.subject and item:
                    item_subject = res.subject
                    item_supports = res.frame_supports
                if zone == "background" and not (res.explicit and res.subject):
                    continue
                if zone == "closing" and not res.subject:
                    continue
                if zone == "unknown" and not (res.subject or car):
                    continue
                span_s, span_e = (cs, len(btext)) if item else (s, e)
                sent_results.append((res, list(res.drafts)))
                for d in res.drafts:
                    d.rule = (d.rule + "+heading") if (not res.subject and carried and d.leads == carried) else d.rule
                    drafts_here.append(d)
                    st.drafts.append((d, b.index, b.start + span_s, b.start + span_e, btext))
            if block_dl is not None:
                for d in drafts_here:
                    if d.deadline is None:
                        d.deadline = block_dl
            # an item-final deadline dates the whole item, unless its last sentence names its own actor
            if item and len(sent_results) > 1:
                last_res, last_drafts = sent_results[-1]
                final = [d for d in last_drafts if d.deadline_prio == 1 and d.deadline is not None]
                if final and not last_res.subject:
                    for d in drafts_here:
                        if d.deadline is None:
                            d.deadline = final[-1].deadline
            if drafts_here:
                if pending_sid != sid:
                    pending = []
                pending.extend(drafts_here)
                pending_sid = sid
            if sid == "preamble" and _BODY_OPENER.search(body):
                preamble_body = True
            if body.rstrip().endswith(":") and not self._is_lead_in(body):
                colon_parent = (sid, b.index, [])
            if (body.rstrip().endswith(":") and bi.marker and bi.marker_kind not in ("bullet", "enum")
                    and not _CONTENT_LEAD_IN.search(body) and sent_results and sent_results[-1][0].subject):
                actor_lead_in = (sid, sent_results[-1][0].subject, sent_results[-1][0].frame_supports)

        # a heading whose items only list its object ("1.1. Quán triệt các văn bản sau: - Luật …") is the task
        for hsid, hidx, skipped in explained_headings:
            st = states.setdefault(hsid, _SectionState())
            if hsid not in order:
                order.append(hsid)
            if skipped and not st.drafts and self.zone(hsid) != "none":
                hb = doc.blocks[hidx]
                hbi = self.info[hidx]
                htext = text[hb.start:hb.end]
                hs = max(0, hbi.content_start - hb.start)
                a, b2 = trim(htext, hs, len(htext))
                if b2 > a:
                    st.drafts.append((Draft(a, b2, leads=self.default_agents(hsid), rule="heading:object-list"),
                                      hidx, hb.start + a, hb.start + b2, htext))
        # close sections: labelled blocks, heading-as-task, then Task records
        out: list[Task] = []
        for sid in order:
            st = states[sid]
            if st.has_label and not st.has_content_label and st.label_leads and st.heading_block is not None:
                hb = doc.blocks[st.heading_block]
                hbi = self.info[st.heading_block]
                htext = text[hb.start:hb.end]
                hs = max(0, hbi.content_start - hb.start)
                a, b2 = trim(htext, hs, len(htext))
                if b2 > a:
                    st.drafts.append((Draft(a, b2, rule="labelled-block:heading"), st.heading_block, hb.start + a,
                                      hb.start + b2, htext))
            for d, bidx, ss, se, base in st.drafts:
                if st.has_label:
                    label_ags = [Ag(0, 0, n, canonical(n), None) for n, r in st.label_leads if r == "lead"]
                    label_sup = [Ag(0, 0, n, canonical(n), None) for n, r in st.label_leads if r == "support"]
                    if d.rule in ("labelled-block", "labelled-block:heading"):
                        d.leads = label_ags or d.leads
                        d.supports = label_sup + [x for x in d.supports if all(x.name != y.name for y in label_sup)]
                    if d.deadline is None and st.label_time is not None:
                        d.deadline = st.label_time
                out.append(self._task(d, bidx, ss, se, base, sid))
        tasks = out + tasks
        # reading order (a section's labelled block closes after its content lines)
        tasks.sort(key=lambda t: (t.span[0] if t.span else 0))
        for i, t in enumerate(tasks, 1):
            t.id = f"T{i}"
        return tasks

    def _sentence_drafts(self, btext: str, s: int, e: int, bidx: int, sid: str, carried: list[Ag], *,
                         review: bool, own_only: bool = False, split_commas: bool = True) -> list[Draft]:
        masked = mask(btext)
        mentions = find_agencies(btext)
        deadlines = find_deadlines(btext, self.doc_date)
        out: list[Draft] = []
        for a, b in sentences(btext, s, e, masked):
            res = analyze_sentence(btext, masked, a, b, mentions, deadlines, carried=carried, review=review,
                                   split_commas=split_commas)
            if own_only and not res.subject:
                continue
            out.extend(res.drafts)
        return out

    def _is_lead_in(self, body: str) -> bool:
        return any(p.search(body.rstrip()) for p in self.lx.lead_in)

    def _looks_like_action(self, btext: str, cs: int) -> bool:
        """Does a list item ask for something (a verb, an actor, a "Về/Đối với …:" topic) rather than name a thing?"""
        body = btext[cs:].lstrip()
        m = re.match(r"(?:về|đối với|trường hợp)\b[^:]{0,300}:\s*", body, re.IGNORECASE)
        if m:
            body = body[m.end():]
        if is_verb_start(body) or self.lx.verb_start.match(body) or self.lx.modal_start.match(body):
            return True
        ms = find_agencies(body[:200])
        return bool(ms and ms[0].start == 0)

    def _deadline_of(self, phrase: str) -> Optional[Deadline]:
        phrase = phrase.strip().rstrip(".;")
        if not phrase:
            return None
        found = find_deadlines(phrase, self.doc_date)
        if found:
            return found[0].deadline
        return parse_deadline(phrase, self.doc_date)

    def _task(self, d: Draft, bidx: int, ss: int, se: int, base: str, sid: str) -> Task:
        text = self.doc.text
        blk = self.doc.blocks[bidx]
        # sentence span, trimmed, in document offsets
        a, b = trim(text, ss, se)
        if b <= a:
            a, b = ss, se
        task_text = base[d.start:d.end]
        agencies: list[AgencyRef] = []
        seen: set[str] = set()
        for ag in d.leads:
            key = ag.name.lower()
            if key in seen:
                continue
            seen.add(key)
            agencies.append(AgencyRef(name=ag.name, canonical=ag.canonical or canonical(ag.name), role="lead",
                                      type=ag.type or agency_type(ag.name)))
        for ag in d.supports:
            key = ag.name.lower()
            if key in seen:
                continue
            seen.add(key)
            agencies.append(AgencyRef(name=ag.name, canonical=ag.canonical or canonical(ag.name), role="support",
                                      type=ag.type or agency_type(ag.name)))
        return Task(
            id="",
            section=sid,
            sentence=text[a:b],
            task=task_text,
            agencies=agencies,
            deadline=d.deadline,
            report_to=list(d.report_to),
            span=(a, b),
            page=blk.location.page,
            rule=d.rule,
        )


def _apply_assignment(drafts: list[Draft], asg: Assignment, rule: str, own: bool = False) -> None:
    """Give an inline assignment's bodies and time to the tasks it follows."""
    for d in drafts:
        if asg.leads and not own:
            d.leads = list(asg.leads)
            d.supports = []
            d.rule = f"sentence:{rule}"
        for sup in asg.supports:
            if all(sup.name != x.name for x in d.supports + d.leads):
                d.supports.append(sup)
        if asg.deadline is not None and d.deadline is None:
            d.deadline = asg.deadline


def extract_tasks(doc: NormalizedDocument, structure: DocumentStructure, meta: Optional[DocumentMeta] = None,
                  nlp=None) -> list[Task]:
    """The tasks of one document (OUTPUT.md ``tasks[]``), in reading order of their parts.

    ``nlp`` is accepted for the pipeline contract; the rules here work on the
    recognisers' character offsets and do not need a parsed Doc.
    """
    return _Walker(doc, structure, meta).run()
