"""Which parts of a document hold tasks, read from the section headings top down.

The first heading that says "Nhiệm vụ", "Giải pháp", "Tổ chức thực hiện" …
opens a task part; "Mục tiêu", "Yêu cầu", "Căn cứ" … close it, and so does an
inner heading of targets ("6. Chỉ tiêu chủ yếu đến năm 2030" under "II. NỘI DUNG";
``target_subheadings`` in layout.yaml); "Tình hình",
"Đánh giá chung" … are background, where only an explicit request to a named
body is a task; "Kinh phí" parts hold a task only where a body is named.
Review parts ("Nội dung sơ kết") list what is to be evaluated.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..models import DocumentMeta, DocumentStructure, Section
from .layout_vocab import layout_vocab
from .lexicon import lexicon, word_alt

__all__ = ["Zones", "self_reference_end"]

_FUNDING_HEADING = re.compile(rf"\s*(?:{word_alt('funding_headings')})\b", re.IGNORECASE)
_REVIEW = re.compile(rf"\b(?:{word_alt('review_heading_words')})\b", re.IGNORECASE)
_REVIEW_CONTENT = re.compile(rf"\s*(?:{word_alt('review_content_openers')})", re.IGNORECASE)
_REVIEW_PART = re.compile(rf"\s*(?:{word_alt('review_part_openers')})", re.IGNORECASE)


@lru_cache(maxsize=1)
def _content_coordinated() -> re.Pattern:
    """", NỘI DUNG" / "và NHIỆM VỤ" in a heading: a content word (layout.yaml ``coordinated_content_words``) after a
    comma or a conjunction (task_lexicon.yaml ``conjunctions``)."""
    words = "|".join(re.escape(w) for w in sorted(layout_vocab().data["coordinated_content_words"], key=len, reverse=True))
    return re.compile(rf"(?:,|(?<![\wÀ-ỹ])(?:{word_alt('conjunctions')}))\s*(?:{words})(?![\wÀ-ỹ])", re.IGNORECASE)


def is_passage(structure: DocumentStructure, meta: Optional[DocumentMeta]) -> bool:
    """Is the text a passage, not a whole document: no header (type, number, date, title, issuer) and no part?

    "Text before the first numbered part is background" needs a first part and a
    header to be background to; a passage (a paragraph pasted in the web form, a
    sentence given to ``nlp(...)``) has neither, so all of it is read as a part whose
    heading says nothing: its sentences are tasks when they name a body to act.
    """
    if any(s.id not in ("preamble", "closing") for s in structure.sections):
        return False
    m = meta or DocumentMeta()
    return not any((m.doc_type, m.number, m.issued_date, m.title, m.issuer))


class Zones:
    """Zone ("task", "background", "none", "unknown", "closing") and review flag of each section id."""

    def __init__(self, structure: DocumentStructure, doc_review: bool, passage: bool = False):
        self.sections: dict[str, Section] = {s.id: s for s in structure.sections}
        self.doc_review = doc_review
        self.passage = passage  # see is_passage: the preamble is the body
        self.lx = lexicon()
        self._zone: dict[str, str] = {}
        self._review: dict[str, bool] = {}
        self._tops: Optional[list[Section]] = None

    def chain(self, sid: str) -> list[Section]:
        """The section and its ancestors, outermost first."""
        out, seen = [], set()
        cur = self.sections.get(sid)
        while cur is not None and cur.id not in seen:
            out.append(cur)
            seen.add(cur.id)
            cur = self.sections.get(cur.parent) if cur.parent else None
        return list(reversed(out))

    def _heading_zone(self, h: str):
        z = self._bare_heading_zone(h)
        if z is None:
            # "VỀ KẾT QUẢ ĐẠT ĐƯỢC", "Về tồn tại, hạn chế", "Đối với mục tiêu …": a topic prefix before a background or
            # goal heading; only these kinds are read through it ("Về công tác …" stays undecided)
            m = layout_vocab().topic_prefix.match(h)
            if m:
                inner = self._bare_heading_zone(h[m.end():])
                z = inner if inner in ("background", "none") else None
        return z

    def _bare_heading_zone(self, h: str):
        if _FUNDING_HEADING.match(h):
            return "unknown"  # "Kinh phí thực hiện": a funding statement is a task only when a body is named
        if self.lx.non_task_heading.match(h):
            return "none"
        if self.lx.background_heading.match(h):
            return "background"
        if self.lx.task_heading.match(h):
            return "task"
        return None

    @staticmethod
    def _targets_below(inner: list[Section]) -> bool:
        """Does an inner heading open a part of targets ("6. Chỉ tiêu chủ yếu đến năm 2030" under "II. NỘI DUNG
        TRỌNG TÂM") or of parameters ("c. Thông số, tần suất quan trắc")? Its figures to reach or to measure are not
        tasks; "Mục tiêu, nhiệm vụ cụ thể" still names tasks."""
        lv = layout_vocab()
        return any(sec.heading and (lv.target_sub.match(sec.heading) or lv.spec_sub.match(sec.heading))
                   and not lv.target_exception.search(sec.heading) for sec in inner)

    def goal_and_content(self, heading: str) -> bool:
        """A part heading that opens with a goal or scope word and coordinates a content word ("II. ĐỐI TƯỢNG,
        NỘI DUNG THI ĐUA"): it names two kinds of part, not a body (its head noun "đối tượng" is no name)."""
        return bool(self.lx.non_task_heading.match(heading)) and bool(_content_coordinated().search(heading))

    @staticmethod
    def _content_below(heading: str, inner: list[Section]) -> bool:
        """Does a goal or scope part's heading coordinate a content word ("II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA") that an
        inner heading of the chain opens with ("2. Nội dung thi đua")? That inner part lists the work; the part's
        other inner parts ("1. Đối tượng thi đua") stay closed (layout.yaml ``coordinated_content_words``)."""
        lv = layout_vocab()
        return bool(_content_coordinated().search(heading)) and any(
            sec.heading and lv.content_sub.match(sec.heading) for sec in inner)

    @staticmethod
    def _state_below(inner: list[Section]) -> bool:
        """Does an inner heading describe the present state ("1. Hiện trạng" under "II. NỘI DUNG THỰC HIỆN")?
        Its sentences are background; "Thực trạng và giải pháp" still names tasks."""
        lv = layout_vocab()
        return any(sec.heading and lv.state_sub.match(sec.heading) and not lv.target_exception.search(sec.heading)
                   for sec in inner)

    def zone(self, sid: str) -> str:
        if sid in self._zone:
            return self._zone[sid]
        root = sid.split(".")[0]
        z = {"preamble": "unknown" if self.passage else "background", "closing": "closing"}.get(root)
        chain = self.chain(sid)
        for k, sec in enumerate(chain):
            hz = self._heading_zone(sec.heading) if sec.heading else None
            if hz is not None:
                z = "none" if hz == "task" and self._targets_below(chain[k + 1:]) else hz
                if hz == "none" and self._content_below(sec.heading, chain[k + 1:]):
                    z = "none" if self._targets_below(chain[k + 1:]) else "task"
                z = "background" if z == "task" and self._state_below(chain[k + 1:]) else z
                break
        if z is None:
            # a part whose heading says neither ("SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG"): its sentences are tasks when
            # someone is named to act; unnumbered text (a Chỉ thị body) stays a task part, and so does a part
            # between two task parts (see _between_task_parts)
            headed = any(sec.heading for sec in chain)
            z = "task" if not headed or self._between_task_parts(chain[0]) else "unknown"
        self._zone[sid] = z
        return z

    def _between_task_parts(self, top: Section) -> bool:
        """Is the top-level part ``top`` (its heading neither a task word nor a goal or background word) between
        two parts whose headings open task parts? "III. NHIỆM VỤ TRỌNG TÂM", "IV. PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI
        SỐ NGÀNH, LĨNH VỰC", "V. GIẢI PHÁP": the middle part goes on with the list of tasks, sector by sector."""
        if self._tops is None:
            self._tops = [sec for sec in self.sections.values() if sec.level == 1 and sec.parent is None
                          and sec.id not in ("preamble", "closing")]
            self._tops.sort(key=lambda sec: (sec.start is None, sec.start or 0))
        ids = [sec.id for sec in self._tops]
        if top.id not in ids:
            return False
        k = ids.index(top.id)
        if k == 0 or k == len(ids) - 1:
            return False
        return all(self._tops[j].heading and self._heading_zone(self._tops[j].heading) == "task" for j in (k - 1, k + 1))

    def review(self, sid: str) -> bool:
        if sid not in self._review:
            r = False
            for sec in self.chain(sid):
                h = sec.heading or ""
                if h and _REVIEW.search(h) and _REVIEW_CONTENT.match(h):
                    r = True
                if h and self.doc_review and _REVIEW_PART.match(h) \
                        and sec.level >= 2:
                    r = True
            self._review[sid] = r
        return self._review[sid]


def self_reference_end(text: str, start: int, mentions) -> int:
    """Where the task-bearing text of a paragraph starts: after "Trên đây là Kế hoạch <title>" when the paragraph
    opens with that closing formula, else ``start``. The self-reference ends at its sentence's end, at a request
    word ("…, yêu cầu các sở …") or at a ";" followed by a body ("…; các cơ quan, đơn vị … nghiêm túc thực
    hiện"). ``mentions`` are the agency mentions of ``text`` (objects with ``start``)."""
    lv = layout_vocab()
    m = lv.self_reference.match(text[start:])
    if not m:
        return start
    stop = len(text)
    dot = re.search(r"\.(?:\s|$)|\./\.", text[start + m.end():])
    if dot:
        stop = start + m.end() + dot.end()
    req = lv.self_reference_request.search(text, start + m.end(), stop)
    if req:
        return req.start()
    for semi in re.finditer(";", text[start + m.end():stop]):
        at = start + m.end() + semi.end()
        while at < stop and text[at].isspace():
            at += 1
        if any(a.start == at for a in mentions):
            return at
    return stop
