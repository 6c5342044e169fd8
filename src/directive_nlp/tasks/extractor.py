"""Walk a document's blocks and section tree and produce its tasks.

Which parts hold tasks is read from the section headings (:mod:`zones`).
Text before the first numbered part and after the last one is background,
and the recipients list ("Nơi nhận") and the signature are never read.

Layout carries actors and deadlines (annotation rule A1, docs/tasks.md); each layout is one
mechanism in its own module, this walker only routes blocks to them:

* an agency heading ("2. Sở Y tế:", "1.5. Trách nhiệm của …", a group with
  its members in brackets) is the lead of every item under it that does not
  name its own actor (:mod:`headings`);
* label lines ("Cơ quan chủ trì: …", "Đơn vị phối hợp thực hiện: …",
  "Thời gian thực hiện: …", "Nội dung: …") give their bodies and time to the
  tasks of their block, before or after them; sub-items whose heading is a
  label ("b) Cơ quan thực hiện:") belong to the block of their parent
  (:mod:`labels`); a heading whose block has no task is the task itself;
* an assignment table gives one task per row (:mod:`tables`);
* the articles of a Quyết định: the act of issuing is not a task, the
  execution article is one (:mod:`decisions`);
* an assignment written inside the item ("(Sở X chủ trì, …)") (:mod:`inline`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from typing import Optional

from ..models import AgencyRef, Deadline, DocumentMeta, DocumentStructure, NormalizedDocument, Task
from .clauses import Draft, analyze_sentence, is_verb_start
from .frames import frames
from .glued import glued_heading_end
from .decisions import article_kind, execution_clause
from .headings import HeadingBodies, agency_heading
from .inline import Assignment, parse_assignment, trailing_paren
from .labels import LabelRun, apply_run, assign_bodies, cover, label_bodies, label_segments, read_label
from .layout_vocab import layout_vocab
from .ablation import on
from .lexicon import lexicon, word_alt
from .not_tasks import result_sentence
from ..vocab import phrases
from .mentions import Ag, ag, agency_type, canonical, find_agencies, find_deadlines, parse_deadline
from .tables import lost_header_blocks, table_parts, table_tasks
from .timing import attach_layout_times, layout_time_scopes, settle_clause_times
from .text import mask, sentences, trim, words
from .zones import Zones, is_passage, self_reference_end

__all__ = ["extract_tasks"]

# "… cần tập trung vào các nội dung sau:" only introduces content: its actor is not carried to the items
# (annotation rule A1, docs/tasks.md); "… thực hiện các nhiệm vụ sau:", "X chủ trì, phối hợp với Y:" assign the items below
#: the depth slot of a paragraph's lead-in (``_Flow.actor_lead_in``): it carries to the whole list below it
_PARAGRAPH = "paragraph"
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*[.:]?$")  # a bracket closing a heading in capitals


def _in_capitals(text: str) -> bool:
    """Is the text written in capitals ("NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU")? A character class a-zà-ỹ cannot tell:
    the capitals with a dot or hook below ("Ệ", "Ụ", "Ả") lie inside the range à-ỹ."""
    return any(ch.isalpha() for ch in text) and text == text.upper()


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """The extractor's word patterns, built from the lexicon (mechanism here, words there)."""
    w = word_alt
    return {
        "content_lead_in": re.compile(rf"\b(?:{w('content_nouns')})\b[^:;]*\b(?:{w('following_words')})\s*:\s*$",
                                      re.IGNORECASE),
        # the end of a Chỉ thị / Công văn opening: what follows is its body, numbered or not
        "body_opener": re.compile(rf"\b(?:{w('body_opener_endings')})\s*:\s*$", re.IGNORECASE),
        "list_end": re.compile(rf"\b(?:{w('list_end_words')})\s*:\s*$"),
        # "… bằng các chỉ tiêu cụ thể như sau:": a list of indicators follows (targets, not tasks)
        "target_lead_in": re.compile(rf"(?<!\w)(?:{w('target_nouns')})(?:\s+(?:{w('target_qualifiers')}))*"
                                     rf"(?:\s+(?:{w('following_words')}))?\s*:\s*$", re.IGNORECASE),
        "leftover": re.compile(rf"\b(?:{w('conjunctions')})\b|[\s,;.:\-–+]", re.IGNORECASE),
        "assignment_words": re.compile(rf"(?<![\wÀ-ỹ])(?:{phrases(layout_vocab().data['assignment_line_words'])})"
                                       rf"(?![\wÀ-ỹ])", re.IGNORECASE),
        "review_title": re.compile(rf"\b(?:{w('review_title_words')})\b", re.IGNORECASE),
        "topic": re.compile(rf"(?:{w('topic_label_words')})\b[^:]{{0,300}}:\s*", re.IGNORECASE),
        "scope": re.compile(rf"(?:{w('scope_openers')})\s", re.IGNORECASE),
        "list_tail": re.compile(rf"(?<![\wÀ-ỹ])(?:{w('list_introducer_tails')})\s*$", re.IGNORECASE),
    }


@dataclass
class _Entry:
    """A task draft with where it was found."""
    draft: Draft
    block: int
    ss: int  # sentence span in document offsets
    se: int
    base: str  # the block text the draft's offsets refer to
    sid: str
    own: bool = False  # the sentence names its own subject


@dataclass
class _Scope:
    """One labelled block: the tasks and label lines of a section and its label sub-items."""
    events: list = field(default_factory=list)  # ("task"|"fixed", entry index) | ("label", LabelRun)
    heading_block: Optional[int] = None


@dataclass
class _Flow:
    """What the walk carries from one block to the next."""
    stopped: Optional[str] = None
    tables_done: set = field(default_factory=set)
    rows_done: set = field(default_factory=set)
    colon_parent: Optional[tuple] = None  # (section, block, [skipped item blocks])
    preamble_body: bool = False
    actor_lead_in: Optional[tuple] = None  # (section, leads, supports, bullet depth or None) of "X chủ trì, phối hợp với Y:"
    explained: list = field(default_factory=list)  # (section, heading block, skipped items)
    awaiting: Optional[tuple] = None  # (scope, "lead"|"support"): an empty label whose bodies follow as items
    skipping: bool = False  # items under an ignore label ("Sản phẩm:")
    targets: Optional[tuple] = None  # (section, marker kind, depth) of a lead-in to a list of indicators
    work_lead_in: Optional[str] = None  # the section of a lead-in asking bodies for work in a part that holds no tasks
    open_partners: Optional[str] = None  # section of a bare "b) Chủ trì, phối hợp" line: its bullets name partners


def _doc_date(meta: Optional[DocumentMeta]) -> Optional[date]:
    if meta is None or not meta.issued_date:
        return None
    try:
        return date.fromisoformat(meta.issued_date[:10])
    except ValueError:
        return None


def _only_bodies(text: str) -> bool:
    """Is ``text`` nothing but a list of bodies ("Sở Tài chính, Sở Xây dựng;")?"""
    ms = find_agencies(text)
    if not ms:
        return False
    rest = text
    for a in sorted(ms, key=lambda x: -x.start):
        rest = rest[:a.start] + rest[a.end:]
    return not _patterns()["leftover"].sub("", rest)


def _assignment_only(text: str) -> Optional[tuple[list[Ag], list[Ag]]]:
    """(leads, partners) of a line that only assigns ("Sở X chủ trì, phối hợp với Sở Y, báo, đài và các đơn vị
    có liên quan."), or None: no lead, or words of work left over ("Sở X đăng tải thông điệp …")."""
    value = text.strip().rstrip(".;")
    asg = parse_assignment(value)
    if asg is None or not asg.leads:
        return None
    leads, sups = list(asg.leads), list(asg.supports)
    rest = value
    for a in sorted(leads + sups, key=lambda x: -x.start):
        rest = rest[:a.start] + " " + rest[a.end:]
    rest = _patterns()["assignment_words"].sub(" ", rest)
    return None if _patterns()["leftover"].sub("", rest) else (leads, sups)


def _among_topic_headings(structure: DocumentStructure) -> set[str]:
    """Sections whose heading is the only one of at least three headed siblings read as a body: a list of
    topics ("a) Thể chế", "b) Hạ tầng số", …, "i) Doanh nghiệp số"; "I. MỤC ĐÍCH, YÊU CẦU", "II. ĐỐI
    TƯỢNG, NỘI DUNG THI ĐUA"). Whether the lone heading is a body after all is the caller's decision (a
    recognised name or a request "Đề nghị X" still is)."""
    children: dict[Optional[str], list] = {}
    for sec in structure.sections:
        if sec.heading:
            children.setdefault(sec.parent, []).append(sec)
    out: set[str] = set()
    for kids in children.values():
        if len(kids) < 3:
            continue
        named = [sec.id for sec in kids if agency_heading(sec.heading)]
        if len(named) == 1:
            out.add(named[0])
    return out


class _Walker:
    def __init__(self, doc: NormalizedDocument, structure: DocumentStructure, meta: Optional[DocumentMeta]):
        self.doc = doc
        self.structure = structure
        self.meta = meta or DocumentMeta()
        self.lx = lexicon()
        self.doc_date = _doc_date(meta)
        self.info = {bi.block: bi for bi in structure.blocks}
        title = " ".join(filter(None, [self.meta.title or "", self._first_lines()]))
        self.zones = Zones(structure, bool(_patterns()["review_title"].search(title)),
                           passage=is_passage(structure, meta))
        self.sections = self.zones.sections
        self.headings: dict[str, HeadingBodies] = {}
        self._heading_block: dict[str, int] = {}
        self.entries: list[_Entry] = []
        self.scopes: dict[str, _Scope] = {}
        self.order: list[str] = []
        self.first_block_of: dict[str, int] = {}
        self.blocks_of: dict[str, list[int]] = {}
        for bi in structure.blocks:
            self.first_block_of.setdefault(bi.section, bi.block)
            self.blocks_of.setdefault(bi.section, []).append(bi.block)
        self._parents = {sec.parent for sec in structure.sections if sec.parent}
        self._among_topics = _among_topic_headings(structure)
        self._scope_cache: dict[str, str] = {}
        self.flow = _Flow()
        self.table_tasks: list[Task] = []
        self.table_heads = lost_header_blocks(doc)  # header lines (and the title) of a table that lost its header row
        # "2. Các tỉnh ủy … lãnh đạo …": the actor of a numbered item, for its unnumbered follow-on paragraphs
        self.item_actor: dict[str, tuple[list[Ag], list[Ag]]] = {}
        self.item_closed: set[str] = set()  # numbered items whose first paragraph ends before their bullets

    def _first_lines(self) -> str:
        return " ".join(self.doc.text[b.start:b.end] for b in self.doc.blocks[:6])

    def _body(self, idx: int) -> str:
        b = self.doc.blocks[idx]
        bi = self.info[idx]
        btext = self.doc.text[b.start:b.end]
        return btext[max(0, min(bi.content_start - b.start, len(btext))):]

    # ------------------------------------------------------------ scopes
    def scope_of(self, sid: str) -> str:
        """The labelled block a section belongs to. A section opened by a label line ("b) Cơ quan thực hiện:")
        belongs to its parent's, and so does a one-paragraph item ("b) Kiểm tra ….", perhaps followed by its
        label lines): labels after a list of such items label the list."""
        if sid not in self._scope_cache:
            sec = self.sections.get(sid)
            first = self.first_block_of.get(sid)
            lifted = sec is not None and sec.parent and first is not None and (
                read_label(self._body(first)) or self._one_paragraph_item(sid, first))
            self._scope_cache[sid] = self.scope_of(sec.parent) if lifted else sid
        return self._scope_cache[sid]

    def _one_paragraph_item(self, sid: str, first: int) -> bool:
        """Is the section one numbered/lettered paragraph (perhaps with its label lines), with no sub-items?"""
        fi = self.info[first]
        if fi.is_heading or not fi.marker or fi.marker_kind == "bullet" or sid in self._parents:
            return False
        rest = [i for i in self.blocks_of.get(sid, []) if i != first]
        return all(not self.info[i].marker and read_label(self._body(i)) for i in rest)

    def scope(self, sid: str) -> _Scope:
        key = self.scope_of(sid)
        if key not in self.scopes:
            self.scopes[key] = _Scope()
            self.order.append(key)
        return self.scopes[key]

    def add_draft(self, d: Draft, bidx: int, ss: int, se: int, base: str, sid: str, *, own: bool = False,
                  fixed: bool = False, scope: Optional[str] = None) -> None:
        self.entries.append(_Entry(d, bidx, ss, se, base, sid, own))
        self.scope(scope or sid).events.append(("fixed" if fixed else "task", len(self.entries) - 1))

    # ---------------------------------------------------- agency headings
    def default_agents(self, sid: str) -> list[Ag]:
        for sec in reversed(self.zones.chain(sid)):
            if sec.id in self.headings:
                return self.headings[sec.id].leads
        return []

    def default_supports(self, sid: str) -> list[Ag]:
        for sec in reversed(self.zones.chain(sid)):
            if sec.id in self.headings:
                return self.headings[sec.id].supports
        return []

    # --------------------------------------------------------------- walk
    def run(self) -> list[Task]:
        # agency headings are registered as their sections open, in reading order: a part numbered twice
        # ("IV." twice) gives its second sections the ids of the first, and their own headings win
        opening = sorted((sec for sec in self.structure.sections), key=lambda x: (x.start is None, x.start or 0))
        k = 0
        for b in self.doc.blocks:
            while k < len(opening) and (opening[k].start is None or opening[k].start <= b.start):
                self._open_section(opening[k])
                k += 1
            if b.index in self.info:
                self._block(b)
        self._explained_headings()
        tasks = self._close() + self.table_tasks
        tasks.sort(key=lambda t: (t.span[0] if t.span else 0))  # reading order
        for i, t in enumerate(tasks, 1):
            t.id = f"T{i}"
        return tasks

    def _open_section(self, sec) -> None:
        self._register_heading(sec.id, sec.heading or "")
        if sec.heading and frames().open_lead_support.match(sec.heading.strip()):
            self.flow.open_partners = sec.id  # "b) Chủ trì, phối hợp": its bullets name the partners

    def _register_heading(self, sid: str, heading: str) -> None:
        hb = agency_heading(heading) if heading else None
        if hb is not None and hb.by_head_noun and sid in self._among_topics:
            hb = None  # "i) Doanh nghiệp số" after "a) Thể chế", "b) Hạ tầng số": a topic like its siblings
        if hb is not None and hb.by_head_noun and self.zones.goal_and_content(heading):
            hb = None  # "II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA": two kinds of part, no body
        if hb:
            self.headings[sid] = hb
        else:
            self.headings.pop(sid, None)

    def _block(self, b) -> None:
        bi = self.info[b.index]
        sid, flow = bi.section, self.flow
        btext = self.doc.text[b.start:b.end]
        cs = max(0, min(bi.content_start - b.start, len(btext)))
        body = btext[cs:]
        low = body.strip().lower()
        if self.lx.stop_block[0].match(low):
            flow.stopped = sid  # recipients and signature: skip until another part begins
            return
        if flow.stopped:
            if sid == flow.stopped:
                return
            flow.stopped = None
        if b.kind == "table_row":
            self._table(b)
            return
        if b.index in self.table_heads:
            return
        caps = _TRAILING_NOTE.sub("", body.strip())  # "III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU (chi tiết Phụ lục đính kèm)"
        if any(p.match(low) for p in self.lx.stop_block[1:]) or (
                _in_capitals(caps) and len(words(caps)) <= (20 if bi.marker else 8)):
            return  # signatures and headings in capitals
        zone = self.zones.zone(sid)
        if zone == "background" and sid == "preamble" and flow.preamble_body:
            zone = "task"  # an unnumbered Chỉ thị / Công văn body after "… yêu cầu:"
        if zone == "none" and self._work_asked(bi, sid, btext, cs, body):
            zone = "task"
        sc = self.scope(sid)
        if read_label(body) is not None:
            if zone != "none":
                self._label(b, btext, cs, sid)
            return
        if self._label_continuation(bi, body):
            return
        long_content = len(words(body)) >= 12 and body.rstrip().endswith((".", ";", "./."))
        if bi.is_heading and not long_content:
            self._heading(b, bi, sid, btext, cs, body)
            return
        sec = self.sections.get(sid)
        if (sec is not None and not sec.heading and self.first_block_of.get(sid) == b.index and bi.marker
                and bi.marker_kind not in ("bullet",)):
            hb = agency_heading(body)
            if hb:
                self.headings[sid] = hb
                if self.scope_of(sid) == sid:
                    sc.heading_block = b.index
                return
        if zone == "none":
            return
        article = article_kind(sid, body)
        if article == "act":
            return  # "Điều 1. Ban hành kèm theo …", "… có hiệu lực …": the act itself
        if article == "execution" and self._execution(b, sid, btext, cs):
            return
        if self._skip_target_item(bi, btext, cs, sid):
            return
        if self._skip_object_item(bi, btext, cs, sid):
            return
        if bi.marker:  # "b) Nhóm nền tảng cấp tỉnh - Xây dựng …": a sub-heading glued to its first bullet
            nxt = self.info.get(b.index + 1)
            cs = glued_heading_end(btext, cs, find_agencies(btext),
                                   bullets_follow=nxt is not None and nxt.section == sid and nxt.marker_kind == "bullet")
        self._item(b, bi, sid, btext, cs, body, zone)

    def _table(self, b) -> None:
        flow, doc = self.flow, self.doc
        if b.index in flow.rows_done or (b.table_id is not None and b.table_id in flow.tables_done):
            return
        if b.table_id is not None:
            rows = [x for x in doc.blocks if x.kind == "table_row" and x.table_id == b.table_id]
            flow.tables_done.add(b.table_id)
        else:  # no table id from the reader: the run of rows starting here
            rows = []
            for x in doc.blocks[b.index:]:
                if x.kind != "table_row" or x.table_id is not None:
                    break
                rows.append(x)
            flow.rows_done.update(x.index for x in rows)
        for header, part in table_parts(doc, rows):
            self.table_tasks.extend(table_tasks(doc, part, self.info, self.doc_date, header))

    def _label_continuation(self, bi, body: str) -> bool:
        """Items after an empty label: bodies of "Cơ quan thực hiện:", or the listed products of "Sản phẩm:"."""
        flow = self.flow
        if flow.awaiting and bi.marker and _only_bodies(body):
            key, kind = flow.awaiting
            names = label_bodies(body)
            self.scopes[key].events.append(("label", LabelRun(leads=names) if kind == "lead" else LabelRun(supports=names)))
            return True
        if flow.awaiting and flow.awaiting[1] == "lead" and bi.marker:
            # "- Cơ quan thực hiện:" then "+ Sở X chủ trì, phối hợp với Sở Y …": the block's lead and partners
            found = _assignment_only(body)
            if found is not None:
                self.scopes[flow.awaiting[0]].events.append(("label", LabelRun(leads=found[0], supports=found[1])))
                return True
        flow.awaiting = None
        if flow.skipping and bi.marker_kind == "bullet":
            return True
        flow.skipping = False
        return False

    def _heading(self, b, bi, sid: str, btext: str, cs: int, body: str) -> None:
        """A heading is never a task; it may carry an actor over its items, or be explained by them."""
        flow = self.flow
        if self.scope_of(sid) == sid:
            self.scope(sid).heading_block = b.index
        if self._heading_block.setdefault(sid, b.index) != b.index and not bi.continues_heading:
            # a second part numbered like the first: its own heading wins (not the rest of a heading that
            # structure joined to the first, ``SectionParser.continued_heading``)
            self._register_heading(sid, body)
            self._heading_block[sid] = b.index
        self._note_targets(bi, sid, body)
        colon = body.rstrip().endswith(":")
        directed = _modal_addressee(btext, cs, find_agencies(btext)) if colon and sid not in self.headings else None
        if directed:
            self.headings[sid] = HeadingBodies(*directed)  # "b) Chỉ đạo các đơn vị … có trách nhiệm:" over its items
        if colon and sid not in self.headings:
            # "5. Sở Y tế chủ trì, phối hợp với Sở X thực hiện các chương trình như:" over its items; a content
            # lead-in ("… các nội dung sau:") only when it names its own actor (``_own_lead_in``)
            content = _patterns()["content_lead_in"].search(body)
            hres = analyze_sentence(btext, mask(btext), cs, len(btext), find_agencies(btext), [], carried=[])
            if (hres.subject and (hres.drafts == [] or hres.lead_in or _patterns()["list_end"].search(body))
                    and (not content or self._own_lead_in(body, hres))):
                self.headings[sid] = HeadingBodies(hres.subject, list(hres.frame_supports))
        if colon and sid not in self.headings and not self._is_lead_in(body) and not self._verb_before_colon(body):
            flow.colon_parent = (sid, b.index, [])
            flow.explained.append((sid, b.index, flow.colon_parent[2]))
        else:
            flow.colon_parent = None

    def _label(self, b, btext: str, cs: int, sid: str) -> None:
        """One label line (or several in one line): runs of bodies/time, its own clauses, or its content tasks."""
        key = self.scope_of(sid)
        sc = self.scope(key)
        self.flow.awaiting = None  # a new label ends the body items of an empty one
        for lab, vs, ve in label_segments(btext, cs):
            value = btext[vs:ve]
            if lab.kind == "time":
                sc.events.append(("label", LabelRun(deadline=self._deadline_of(value))))
            elif lab.kind in ("lead", "support", "assign"):
                self._body_label(lab.kind, b, btext, vs, ve, sid, key)
            elif lab.kind == "content":
                for d, own in self._sentence_drafts(btext, vs, ve, sid, self.default_agents(sid), review=False,
                                                    split_commas=False):
                    d.rule = "labelled-block"
                    self.add_draft(d, b.index, b.start + vs, b.start + ve, btext, sid, own=own, scope=key)
            else:
                self.flow.skipping = not value.strip(" .;:")  # "Sản phẩm:" over a list of products

    def _body_label(self, kind: str, b, btext: str, vs: int, ve: int, sid: str, key: str) -> None:
        value, sc = btext[vs:ve], self.scopes[key]
        if kind == "assign":
            leads, sups = assign_bodies(value.strip().rstrip(".;"))
            sc.events.append(("label", LabelRun(leads=leads, supports=sups)))
            return
        names: list[Ag] = []
        if kind == "lead":
            # "Cơ quan thực hiện: Sở X chủ trì tham mưu …; Sở Y … triển khai …": the line's clauses are tasks of
            # their own subjects, and those subjects are the line's bodies
            for d, _own in self._sentence_drafts(btext, vs, ve, sid, [], review=False, own_only=True):
                d.rule = "labelled-block:actor-line"
                self.add_draft(d, b.index, b.start + vs, b.start + ve, btext, sid, own=True, fixed=True, scope=key)
                names += [a for a in d.leads if all(a.name != x.name for x in names)]
        sups: list[Ag] = []
        if not names and kind == "lead":
            # "Cơ quan thực hiện: Sở X chủ trì, phối hợp với Sở Y, Sở Z.": a lead and its partners
            names, sups = assign_bodies(value.strip().rstrip(".;"))
        names = names or label_bodies(value)
        sc.events.append(("label", LabelRun(leads=names, supports=sups) if kind == "lead" else LabelRun(supports=names)))
        self.flow.awaiting = (key, kind) if not value.strip(" .;:") else None

    def _execution(self, b, sid: str, btext: str, cs: int) -> bool:
        """"Điều 3. Chánh Văn phòng …, Giám đốc các Sở … chịu trách nhiệm thi hành Quyết định này": one task."""
        found = execution_clause(btext, cs)
        if found is None or not found[2]:
            return False
        ts, te, leads = found
        self.add_draft(Draft(ts, te, leads=leads, rule="article:execution"), b.index, b.start + cs, b.end, btext, sid,
                       own=True)
        return True

    def _skip_object_item(self, bi, btext: str, cs: int, sid: str) -> bool:
        """Items that only spell out the object of a line ending in ":" ("… bao gồm:", "… của Thành ủy:")."""
        flow = self.flow
        cp = flow.colon_parent
        if cp is not None and cp[0] == sid and bi.marker and not self.zones.review(sid):
            if not self._looks_like_action(btext, cs):
                cp[2].append(bi.block)
                return True
        if cp is not None and (cp[0] != sid or not bi.marker):
            flow.colon_parent = None
        return False

    def _note_targets(self, bi, sid: str, body: str) -> None:
        """Open a list of indicators after a line ending "… các chỉ tiêu sau:" (paragraph, item or heading)."""
        if _patterns()["target_lead_in"].search(body.rstrip()):
            self.flow.targets = (sid, bi.marker_kind if bi.marker else None, bi.depth)

    def _skip_target_item(self, bi, btext: str, cs: int, sid: str) -> bool:
        """The items under "… các chỉ tiêu cụ thể như sau:" are indicators ("(1) 100% số người … được rà soát"),
        not tasks; an item led by a named body still assigns. The list ends at the first block that is not
        one of its items (a paragraph, a sibling of a listed lead-in, another part)."""
        tl = self.flow.targets
        if tl is None:
            return False
        in_part = sid == tl[0] or sid.startswith(tl[0] + ".")
        if in_part and bi.marker and (tl[1] is None or bi.marker_kind != tl[1] or bi.depth > tl[2]):
            ms = find_agencies(btext[cs:cs + 200].lstrip())
            return not (ms and ms[0].start == 0)
        self.flow.targets = None
        return False

    def _carried(self, sid: str, bi) -> tuple[list[Ag], list[Ag]]:
        """The actor an item inherits: its agency heading, or "2. Sở X chủ trì, phối hợp với Y:" above it."""
        carried, supports = self.default_agents(sid), self.default_supports(sid)
        ali = self.flow.actor_lead_in
        if ali is not None:
            if ali[0] == sid and ali[3] is None and bi.marker_kind in ("bullet", "enum"):
                return ali[1], ali[2]
            if ali[3] == _PARAGRAPH and self._under_lead_in(sid, bi, ali[0]):
                return ali[1], ali[2]  # "Các sở, ngành … thực hiện các nhiệm vụ sau:" over "a) …", "- …"
            if ali[0] == sid and ali[3] is not None and bi.marker_kind == "bullet" and bi.depth > ali[3]:
                return ali[1], ali[2]  # "+" items under "- UBND TP Hà Nội … cần tập trung:"
            self.flow.actor_lead_in = None
        if bi.section in self.item_actor and (not bi.marker or (
                bi.marker_kind == "bullet" and bi.section in self.item_closed)):
            return self.item_actor[bi.section]
        return carried, supports

    def _item(self, b, bi, sid: str, btext: str, cs: int, body: str, zone: str) -> None:
        """A paragraph or list item: its sentences' tasks, with inline assignments and item-final times."""
        carried, lead_supports = self._carried(sid, bi)
        item = bool(bi.marker)
        masked = mask(btext)
        mentions = find_agencies(btext)
        deadlines = list(find_deadlines(btext, self.doc_date))
        review = self.zones.review(sid)
        item_subject: Optional[list[Ag]] = None
        item_supports: list[Ag] = []
        drafts_here: list[Draft] = []
        results: list = []
        block_dl: Optional[Deadline] = None
        first: Optional[tuple[list[Ag], list[Ag]]] = None  # actor named by the item's first sentence
        partners = self.flow.open_partners == sid and bi.marker_kind == "bullet" and bool(carried)
        # "Trên đây là Kế hoạch <title>; …": the document's name holds no task, its request does
        for s, e in sentences(btext, self_reference_end(btext, cs, mentions), len(btext), masked):
            lab = read_label(btext[s:e])
            if lab is not None and lab.kind == "time":
                block_dl = self._deadline_of(btext[s + lab.value_start:e]) or block_dl
                continue
            if lab is not None and lab.kind in ("lead", "support") and drafts_here:
                # "… Cơ quan chủ trì: Sở X; cơ quan phối hợp: Sở Y; thời gian thực hiện: năm 2026." in the item
                asg = parse_assignment(btext[s:e], self.doc_date)
                if asg is not None:
                    _apply_assignment(drafts_here, asg, "inline-labels")
                    continue
            e_eff, paren = e, None
            tp = trailing_paren(btext, s, e, self.doc_date)
            if tp is not None:
                e_eff, paren = tp
            own_item = item and item_subject
            res = analyze_sentence(btext, masked, s, e_eff, mentions, deadlines,
                                   carried=item_subject if own_item else carried,
                                   carried_supports=item_supports if own_item else lead_supports, review=review,
                                   partners=partners and not own_item)
            if paren is not None:
                # "Rà soát quy hoạch … (Sở X chủ trì, phối hợp với Y; thời gian hoàn thành: Quý II/2026)."
                _apply_assignment(res.drafts, paren, "paren", own=bool(res.subject))
                if paren.leads and not res.subject:
                    res.subject = paren.leads
            if res.subject and item:
                item_subject, item_supports = res.subject, res.frame_supports
            if first is None:
                first = (res.subject, res.frame_supports)
            if not self._keeps(zone, res, item_subject if own_item else carried):
                continue
            if drafts_here and not res.subject and not review and on("result_sentence") \
                    and result_sentence(btext, s, e, mentions):
                continue  # "…. Giúp doanh nghiệp giảm chi phí …": what the work before yields, no task (tails17)
            span_s, span_e = (cs, len(btext)) if item else (s, e)
            results.append((res, list(res.drafts)))
            for d in res.drafts:
                if not res.subject and carried and d.leads == carried:
                    d.rule += "+heading"
                drafts_here.append(d)
                self.add_draft(d, b.index, b.start + span_s, b.start + span_e, btext, sid,
                               own=bool(res.subject) or bool(own_item))
        _date_item(drafts_here, results, block_dl, item)
        directed = _modal_addressee(btext, cs, mentions)
        if item and (directed or (first and first[0])) and self.first_block_of.get(sid) == b.index \
                and bi.marker_kind not in ("bullet", "enum"):
            self.item_actor[sid] = directed or first
            if btext.rstrip().endswith((".", ":")):
                # "1. Các cơ quan, đơn vị … xây dựng kế hoạch …." then "- Khen thưởng theo thẩm quyền …": its bullets
                # are more of its duties; a paragraph that runs on into its bullet is one sentence with it
                self.item_closed.add(sid)
        self._after_item(bi, sid, body, results)

    @staticmethod
    def _keeps(zone: str, res, car: Optional[list[Ag]]) -> bool:
        """Background and closing parts keep only explicit requests to named bodies."""
        if zone == "background":
            return bool(res.explicit and res.subject)
        if zone == "closing":
            return bool(res.subject)
        if zone == "unknown":
            return bool(res.subject or car)
        return True

    def _after_item(self, bi, sid: str, body: str, results: list) -> None:
        flow = self.flow
        if sid == "preamble" and _patterns()["body_opener"].search(body):
            flow.preamble_body = True
        colon = body.rstrip().endswith(":")
        self._note_targets(bi, sid, body)
        if colon and not self._is_lead_in(body):
            flow.colon_parent = (sid, bi.block, [])
        if not colon or not results or bi.marker_kind == "enum":
            return
        res = results[-1][0]
        if bi.marker_kind == "bullet":
            if res.subject and not _patterns()["content_lead_in"].search(body):
                # a bullet's own actor carries only to the deeper bullets under it
                flow.actor_lead_in = (sid, res.subject, res.frame_supports, bi.depth)
        elif sid != "preamble" and self._is_lead_in(body) and self._own_lead_in(body, res):
            # a paragraph or numbered item "Sở Y tế chủ trì, phối hợp với Sở X thực hiện các nhiệm vụ sau:" over
            # the list of work that follows it (its bullets, its lettered items); not "… cập nhật dữ liệu đối với:"
            # over a list of objects
            flow.actor_lead_in = (sid, res.subject, res.frame_supports, _PARAGRAPH)

    @staticmethod
    def _own_lead_in(body: str, res) -> bool:
        """Does the clause ending in ":" name its own actor as its subject? Not "Đề nghị X …; trong đó lưu ý các
        nội dung sau:" (the colon clause has no subject: it introduces content), nor a content lead-in asked
        of its actor ("X cần tập trung vào các nội dung sau:": the items name their own, annotation rule A1);
        a body named as a label is its own ("2. Các sở, ngành: Là các đơn vị …, chịu trách nhiệm … các nội
        dung sau:")."""
        if not res.subject:
            return False
        clause = body.rstrip()[body.rstrip().rfind(";") + 1:]
        if not any(a.name in clause for a in res.subject):
            return False
        named = res.how == "label" or re.search(re.escape(res.subject[-1].name) + r"\s*:", body) is not None
        return named or not (res.explicit and _patterns()["content_lead_in"].search(body))

    def _work_asked(self, bi, sid: str, btext: str, cs: int, body: str) -> bool:
        """In a part that holds no tasks ("II. MỤC TIÊU"), a paragraph that asks named bodies for the work listed
        below it ("Căn cứ tình hình thực tế, các cơ quan, đơn vị, địa phương phối hợp thực hiện các hoạt động
        sau:") and the items of that list are work all the same; indicators ("… đạt các chỉ tiêu sau:") are not."""
        top = self.flow.work_lead_in
        if top is not None:
            if self._under_lead_in(sid, bi, top):
                return True
            self.flow.work_lead_in = None
        if bi.marker or not body.rstrip().endswith(":") or not self._is_lead_in(body):
            return False
        if _patterns()["target_lead_in"].search(body.rstrip()):
            return False
        res = analyze_sentence(btext, mask(btext), cs, len(btext), find_agencies(btext), [], carried=[])
        if not self._own_lead_in(body, res):
            return False
        self.flow.work_lead_in = sid
        return True

    def _under_lead_in(self, sid: str, bi, top: str) -> bool:
        """Is this block an item of the list a paragraph lead-in of section ``top`` opened: a bullet or
        number of ``top`` itself, or a block of a section under it that names no agency heading of its own?"""
        if sid == top:
            return bool(bi.marker)
        if not sid.startswith(top + "."):
            return False
        return not any(sec.id in self.headings for sec in self.zones.chain(sid) if sec.id.startswith(top + "."))

    def _explained_headings(self) -> None:
        """A heading whose items only list its object ("1.1. Quán triệt các văn bản sau: - Luật …") is the task."""
        for hsid, hidx, skipped in self.flow.explained:
            zone = self.zones.zone(hsid)
            if not skipped or zone == "none" or (zone != "task" and not self.default_agents(hsid)):
                continue  # outside task parts, a heading is a task only with a named actor
            if any(self.entries[i].sid == hsid for k, i in self.scope(hsid).events if k != "label"):
                continue
            idx = self._heading_draft(hsid, hidx, "heading:object-list", self.default_agents(hsid))
            if idx is not None:
                self.scope(hsid).events.insert(0, ("task", idx))

    def _heading_draft(self, sid: str, hidx: int, rule: str, leads: list[Ag]) -> Optional[int]:
        hb = self.doc.blocks[hidx]
        htext = self.doc.text[hb.start:hb.end]
        a, b2 = trim(htext, max(0, self.info[hidx].content_start - hb.start), len(htext))
        if b2 <= a:
            return None
        self.entries.append(_Entry(Draft(a, b2, leads=list(leads), rule=rule), hidx, hb.start + a, hb.start + b2,
                                   htext, sid))
        return len(self.entries) - 1

    # ------------------------------------------------------------- close
    def _close(self) -> list[Task]:
        """Apply each labelled block's runs to the tasks they cover, then build the Task records."""
        for key in self.order:
            sc = self.scopes[key]
            if (sc.heading_block is not None and not any(k == "task" for k, _ in sc.events)
                    and any(k == "label" and v.leads for k, v in sc.events)):
                # a block of labels without a content line: its heading is the task (annotation rule T5, docs/tasks.md)
                idx = self._heading_draft(key, sc.heading_block, "labelled-block:heading", [])
                if idx is not None:
                    sc.events.insert(0, ("task", idx))
            self._drop_block_title(key, sc)
            for run, covered in cover(sc.events):
                for i in covered:
                    kind, ei = sc.events[i]
                    e = self.entries[ei]
                    if kind == "task":
                        e.draft.leads, e.draft.supports = apply_run(e.draft.leads, e.draft.supports, e.own, run)
                    if run.deadline is not None:
                        e.draft.deadline = run.deadline
        return [self._task(e) for e in self.entries if e.draft is not None]

    def _drop_block_title(self, key: str, sc: _Scope) -> None:
        """"5. Nghiên cứu giải pháp thu hút, tuyển dụng; đào tạo …." over "- …" items and label lines is the
        title of its labelled block, not a task, even when written as a sentence."""
        first = self.first_block_of.get(key)
        bi = self.info.get(first) if first is not None else None
        if bi is None or not bi.marker or bi.marker_kind == "bullet":
            return
        if not any(k == "label" and (v.leads or v.supports) for k, v in sc.events):
            self._drop_group_title(key, sc, first)
            return
        own = [i for i, (k, v) in enumerate(sc.events) if k == "task" and self.entries[v].block == first]
        others = [i for i, (k, v) in enumerate(sc.events) if k == "task" and self.entries[v].block != first]
        if own and others and max(own) < min(others):
            drop = set(own)
            for i in own:
                self.entries[sc.events[i][1]].draft = None
            sc.events[:] = [ev for i, ev in enumerate(sc.events) if i not in drop]

    def _drop_group_title(self, key: str, sc: _Scope, first: int) -> None:
        """"1. Nâng cao nhận thức của …" over "a) Hoạt động 1", "b) Hoạt động 2", each a labelled block ("- Nội
        dung: …", "- Cơ quan thực hiện: …"): the title of a group of labelled blocks, not a task either."""
        if not sc.events or any(k != "task" or self.entries[v].block != first for k, v in sc.events):
            return
        children = [k for k in self.order if k.startswith(key + ".") and k != key]
        if not any(any(kind == "label" and (v.leads or v.supports) for kind, v in self.scopes[c].events)
                   for c in children):
            return
        for _, v in sc.events:
            self.entries[v].draft = None
        sc.events.clear()

    def _sentence_drafts(self, btext: str, s: int, e: int, sid: str, carried: list[Ag], *, review: bool,
                         own_only: bool = False, split_commas: bool = True) -> list[tuple[Draft, bool]]:
        """(draft, has its own subject) for the sentences of ``btext[s:e]``."""
        masked = mask(btext)
        mentions = find_agencies(btext)
        deadlines = find_deadlines(btext, self.doc_date)
        out: list[tuple[Draft, bool]] = []
        for a, b in sentences(btext, s, e, masked):
            res = analyze_sentence(btext, masked, a, b, mentions, deadlines, carried=carried, review=review,
                                   split_commas=split_commas)
            if own_only and not res.subject:
                continue
            out.extend((d, bool(res.subject)) for d in res.drafts)
        return out

    def _verb_before_colon(self, body: str) -> bool:
        """"a) Tham mưu UBND tỉnh trình HĐND tỉnh quyết định:" ends with its verb: the items below are its objects,
        each a task of the heading's actor; "1.1. Quán triệt các văn bản sau:" names its object, the heading is the
        task and its items only list it."""
        ws = words(body.rstrip().rstrip(":").lower())
        return any(" ".join(ws[-n:]) in self.lx.verbs for n in (1, 2, 3) if len(ws) >= n)

    def _is_lead_in(self, body: str) -> bool:
        return any(p.search(body.rstrip()) for p in self.lx.lead_in)

    def _looks_like_action(self, btext: str, cs: int) -> bool:
        """Does a list item ask for something (a verb, an actor, a "Về/Đối với …:" topic) rather than name a thing?"""
        body = btext[cs:].lstrip()
        m = _patterns()["topic"].match(body)
        if m:
            body = body[m.end():]
        if is_verb_start(body) or self.lx.verb_start.match(body) or self.lx.modal_start.match(body):
            return True
        ms = find_agencies(body[:200])
        return bool(ms and ms[0].start == 0) or self._scope_then_verb(body)

    @staticmethod
    def _scope_then_verb(body: str) -> bool:
        """"- Đối với các khu, cụm công nghiệp đã được cấp nước tập trung, tiếp tục duy trì …": a scope
        (``scope_openers``) whose clause goes on, after one of its commas, with a verb asks for that act; the item is
        work, not an object spelt out under the line above it. The scope may list nouns with commas ("các khu, cụm
        …"), so every comma of the first clause (up to "." or ";") is tried."""
        if not _patterns()["scope"].match(body):
            return False
        end = min((i for i in (body.find(";"), body.find(". ")) if i >= 0), default=len(body))
        return any(is_verb_start(body[m.end():end].lstrip()) for m in re.finditer(",", body[:end]))

    def _deadline_of(self, phrase: str) -> Optional[Deadline]:
        phrase = phrase.strip().rstrip(".;")
        if not phrase:
            return None
        found = find_deadlines(phrase, self.doc_date)
        if found:
            return found[0].deadline
        return parse_deadline(phrase, self.doc_date)

    def _task(self, e: _Entry) -> Task:
        text, d = self.doc.text, e.draft
        a, b = trim(text, e.ss, e.se)  # sentence span, trimmed, in document offsets
        if b <= a:
            a, b = e.ss, e.se
        agencies: list[AgencyRef] = []
        seen: set[str] = set()
        for role, group in (("lead", d.leads), ("support", d.supports)):
            for ag in group:
                key = ag.name.lower()
                if key in seen:
                    continue
                seen.add(key)
                agencies.append(AgencyRef(name=ag.name, canonical=ag.canonical or canonical(ag.name), role=role,
                                          type=ag.type or agency_type(ag.name)))
        return Task(id="", section=e.sid, sentence=text[a:b], task=e.base[d.start:_before_list_word(e.base, d.start, d.end)],
                    agencies=agencies,
                    deadline=d.deadline, report_to=list(d.report_to), span=(a, b),
                    page=self.doc.blocks[e.block].location.page, rule=d.rule)


def _before_list_word(base: str, start: int, end: int) -> int:
    """The end of a task that stops at a colon without the word that introduces the list after it ("… những hạn chế,
    khó khăn, thách thức như: …" ends at "thách thức"; task_lexicon.yaml ``list_introducer_tails``)."""
    if not base[end:].lstrip(" *_").startswith(":"):
        return end
    m = _patterns()["list_tail"].search(base, start, end)
    if not m:
        return end
    cut = m.start()
    while cut > start and base[cut - 1] in " ,;":
        cut -= 1
    return cut if words(base[start:cut]) else end


def _modal_addressee(btext: str, cs: int, mentions: list[Ag]) -> Optional[tuple[list[Ag], list[Ag]]]:
    """"d) Giao Ban Quản lý … chỉ đạo các đơn vị kinh doanh hạ tầng khu chế xuất, khu, cụm công nghiệp có trách
    nhiệm:": the body right before a modal (``modals``) and the closing colon owes the listed work; the items under
    it name that body, not the one who directs it (ANNOTATION-DECISIONS 6), while the line's own clause ("chỉ đạo
    …") stays the director's task. The body runs as written from its recognised name to the modal (its qualifier
    "kinh doanh hạ tầng …"), with no other name, ";" or ":" between. (leads, supports), or None."""
    body = btext.rstrip()
    if not body.endswith(":"):
        return None
    last = [m for m in mentions if m.start >= cs]
    if not last:
        return None
    m = last[-1]
    colon = len(body) - 1
    for mm in re.finditer(rf"\s(?:{word_alt('modals')})\s*$", body[:colon], re.IGNORECASE):
        name = body[m.start:mm.start()].strip()
        if m.end <= m.start + len(name) and not any(ch in name for ch in ";:") and len(words(name)) <= 16:
            return [ag(m.start, m.start + len(name), name, canonical(name), m.type)], []
    return None


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


def _date_item(drafts: list[Draft], results: list, block_dl: Optional[Deadline], item: bool) -> None:
    """A time sentence dates its block; an item-final deadline dates the whole item, unless its last sentence
    names its own actor (annotation rule D2, docs/tasks.md)."""
    if block_dl is not None:
        for d in drafts:
            if d.deadline is None:
                d.deadline = block_dl
    if item and len(results) > 1:
        last_res, last_drafts = results[-1]
        final = [d for d in last_drafts if d.deadline_prio == 1 and d.deadline is not None]
        if final and not last_res.subject:
            for d in drafts:
                if d.deadline is None:
                    d.deadline = final[-1].deadline


def extract_tasks(doc: NormalizedDocument, structure: DocumentStructure, meta: Optional[DocumentMeta] = None,
                  nlp=None) -> list[Task]:
    """The tasks of one document (docs/output-contract.md ``tasks[]``), in reading order of their parts.

    ``nlp`` is accepted for the pipeline contract; the rules here work on the
    recognisers' character offsets and do not need a parsed Doc.
    """
    tasks = _Walker(doc, structure, meta).run()
    # layout-carried times (time label lines, time headings): tasks.timing
    tasks = attach_layout_times(tasks, layout_time_scopes(doc, structure, _doc_date(meta)))
    return settle_clause_times(tasks, _doc_date(meta))
