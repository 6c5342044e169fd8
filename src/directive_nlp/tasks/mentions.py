"""The recognisers' mentions (agencies, deadlines) as the task rules see them.

The task extractor does not recognise agency names or deadline phrases
itself: ``directive_nlp.agencies`` and ``directive_nlp.deadlines`` do. This
module gives the walker their mentions as offsets relative to the text it
analyses; a recogniser that fails on one text logs a warning and gives no
mention there, so one odd sentence never costs a document.

In the spaCy pipeline the recognisers are components that ran before the
task extractor: their spans are put in a per-document :class:`MentionIndex`
(``index_var``). A text that is a block of the document (looked up by the
block's offset) or, for agency names, any slice of it gets the mentions found
there. The recogniser runs itself only on other texts (a label value with
words added), on a slice that cuts a mention, for another document date, and
for deadlines in a part of a block: a deadline phrase is read in its sentence,
so "Năm 2026" alone (a time heading's body) is a time but not inside "1. Năm 2026".
"""

from __future__ import annotations

import bisect
import contextvars
import functools
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from ..agencies import canonical
from ..models import AgencyMention, Deadline, DeadlineMention
from ..vocab import phrases

log = logging.getLogger(__name__)

__all__ = ["Ag", "Dl", "ag", "dl", "MentionIndex", "find_agencies", "find_deadlines", "parse_deadline", "canonical",
           "agency_type", "index_var", "gazetteer_var"]

#: the user gazetteer of the current extraction (``--gazetteer FILE.yaml``), or None
gazetteer_var: contextvars.ContextVar = contextvars.ContextVar("dnlp_gazetteer", default=None)


#: the mentions the task rules read are the recognisers' own records (:mod:`directive_nlp.models`),
#: with offsets relative to the text the rules analyse
Ag = AgencyMention
Dl = DeadlineMention


def ag(start: int, end: int, name: str, canonical: str = "", type: Optional[str] = None) -> AgencyMention:
    """An agency mention at ``[start, end)`` of some text (built without validation: the rules' hot path;
    every field given, so pydantic computes no default, and the fields set as if ``rule`` were left out)."""
    return AgencyMention.model_construct({"start", "end", "name", "canonical", "type"}, start=start, end=end,
                                         name=name, canonical=canonical, type=type, rule=None)


def dl(start: int, end: int, deadline: Deadline) -> DeadlineMention:
    """A deadline mention at ``[start, end)`` of some text (as :func:`ag`: no default computed)."""
    return DeadlineMention.model_construct({"start", "end", "deadline"}, start=start, end=end, deadline=deadline,
                                           rule=None)


def _non_overlapping(found: list, text: str) -> list[Ag]:
    """Agency mentions sorted, the longer first at one start, overlaps dropped."""
    out: list[Ag] = []
    last_end = -1
    for m in sorted(found, key=lambda m: (m.start, -m.end)):
        if m.start < last_end or m.end <= m.start:
            continue
        out.append(ag(m.start, m.end, text[m.start:m.end], m.canonical or "", m.type))
        last_end = m.end
    return out


@dataclass
class MentionIndex:
    """The mentions the pipeline's recognisers found in a document's text.

    ``agencies`` / ``deadlines`` None means no recogniser output is on the
    Doc (the component is absent): the walker then runs the recogniser.
    ``doc_date`` is the date the deadlines were anchored on.
    """

    text: str
    agencies: Optional[list[Ag]] = None
    deadlines: Optional[list[Dl]] = None
    doc_date: Optional[date] = None
    block_starts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._ag_starts = [a.start for a in self.agencies or []]
        self._dl_starts = [d.start for d in self.deadlines or []]
        # what the index answered for a text (its offset and records), kept for this document only: the
        # rules ask again for the same block or sentence (a deadline lookup in three of five calls)
        self._ag_found: dict[str, Optional[tuple[int, list]]] = {}
        self._dl_found: dict[str, Optional[tuple[int, list]]] = {}

    def locate(self, text: str, *, blocks_only: bool = False) -> int:
        """Offset of ``text`` in the document: the block it is, else (unless ``blocks_only``)
        its first occurrence; -1 if it is not there."""
        if not text:
            return -1
        at = self.block_starts.get(text)
        if at is not None:
            return at
        return -1 if blocks_only else self.text.find(text)

    def _inside(self, items: list, starts: list[int], off: int, n: int) -> Optional[list]:
        """Items within ``[off, off+n)``, or None when one straddles an edge (then the slice is read alone)."""
        lo = bisect.bisect_left(starts, off)
        if lo > 0 and max(x.end for x in items[max(0, lo - 4):lo]) > off:
            return None
        hi = bisect.bisect_left(starts, off + n, lo)
        out = items[lo:hi]
        if out and max(x.end for x in out) > off + n:
            return None
        return out

    def agencies_in(self, text: str) -> Optional[list[Ag]]:
        """The agency mentions of ``text`` relative to it, or None if the index cannot answer."""
        if self.agencies is None:
            return None
        if text not in self._ag_found:
            off = self.locate(text)
            found = self._inside(self.agencies, self._ag_starts, off, len(text)) if off >= 0 else None
            self._ag_found[text] = None if found is None else (off, found)
        known = self._ag_found[text]
        if known is None:
            return None
        off, found = known
        return [ag(a.start - off, a.end - off, a.name, a.canonical, a.type) for a in found]

    def _sentence_bounded(self, a: int, b: int) -> bool:
        """Is ``text[a:b]`` a sentence or clause with the same context alone as in the document?"""
        text, k, j = self.text, a - 1, b
        while k >= 0 and text[k] == " ":  # the character before, spaces skipped (no copy of the text)
            k -= 1
        while j < len(text) and text[j] == " ":
            j += 1
        return (k < 0 or text[k] in "\n.;:") and (j >= len(text) or text[j] in "\n.;")

    def deadlines_in(self, text: str, doc_date: Optional[date]) -> Optional[list[Dl]]:
        """The deadline mentions of ``text`` relative to it, or None if the index cannot answer."""
        if self.deadlines is None or doc_date != self.doc_date:
            return None
        if text not in self._dl_found:
            self._dl_found[text] = self._deadlines_found(text)
        known = self._dl_found[text]
        if known is None:
            return None
        off, found = known
        return [dl(d.start - off, d.end - off, d.deadline) for d in found]

    def _deadlines_found(self, text: str) -> Optional[tuple[int, list]]:
        """Where ``text`` is and the deadline records inside it, or None if the index cannot answer."""
        # a deadline phrase is read in its context ("Năm 2026" alone is a time, inside "1. Năm 2026 …"
        # it is not; "(trong trường hợp …" opens no case): the index answers for a whole block, or for a
        # sentence of one (bounded by the block's edges or by sentence punctuation on both sides)
        off = self.locate(text, blocks_only=True)
        if off < 0 and len(text) >= _SLICE_MIN:
            off = self.text.find(text)
            if off >= 0 and not self._sentence_bounded(off, off + len(text)):
                off = -1
        found = self._inside(self.deadlines, self._dl_starts, off, len(text)) if off >= 0 else None
        return None if found is None else (off, found)


#: a slice of a block this long (a sentence, a clause) reads the same inside its block as alone
_SLICE_MIN = 40

#: the mentions of the document being extracted (set by the task component), or None
index_var: contextvars.ContextVar = contextvars.ContextVar("dnlp_mentions", default=None)


def agency_type(name: str) -> Optional[str]:
    try:
        from ..agencies import agency_type as _type

        return _type(name)
    except Exception:
        return None


def find_agencies(text: str) -> list[Ag]:
    """Agency mentions in ``text`` (sorted, non-overlapping).

    From the pipeline's spans when ``text`` is a slice of the document (``index_var``),
    else from the recogniser with the user gazetteer in force (``gazetteer_var``).
    """
    if not text.strip():
        return []
    index = index_var.get()
    known = index.agencies_in(text) if index is not None else None
    if known is not None:
        return _with_place_lists(text, known)
    g = gazetteer_var.get()
    found = _recognised(text) if g is None else _recognise(text, g)
    return list(found)


@functools.lru_cache(maxsize=4096)
def _recognised(text: str) -> tuple[Ag, ...]:
    """The package gazetteer's mentions of ``text`` (cached by the text)."""
    return _recognise(text, None)


def _recognise(text: str, gazetteer) -> tuple[Ag, ...]:
    from ..agencies import find_agencies as _find

    try:
        found = _find(text, gazetteer=gazetteer)
    except Exception as e:  # never let a recogniser bug kill a document
        log.warning("find_agencies failed on %r: %s", text[:60], e)
        return ()
    return tuple(_with_place_lists(text, _non_overlapping(found, text)))


_UP = "A-ZÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"
_PLACE = rf"[{_UP}][\wÀ-ỹ]*(?:\s+[{_UP}][\wÀ-ỹ]*){{0,4}}"
_PLACE_LIST = re.compile(rf"\s*:\s*{_PLACE}(?:\s*(?:,|\bvà\b)\s*{_PLACE}){{0,30}}(?=\s+[a-zà-ỹđ]|\s*[,;.]|\s*$)")


def _place_levels() -> re.Pattern:
    from .lexicon import load_lexicon_data

    ws = load_lexicon_data().get("place_levels") or []
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{phrases(ws)})$", re.IGNORECASE)


def _content_after_colon(text: str, pos: int) -> bool:
    """Does a verb follow the colon at ``pos`` ("Phối hợp chặt chẽ …", "Chủ trì, phối hợp …")?"""
    from .lexicon import lexicon

    colon = text.find(":", pos)
    return colon >= 0 and bool(lexicon().verb_start.match(text[colon + 1:colon + 60]))


def _with_place_lists(text: str, found: list[Ag]) -> list[Ag]:
    """"Ủy ban nhân dân các tỉnh, thành phố: Tuyên Quang, Đồng Nai, Đồng Tháp quyết liệt …": one head with the
    places it names after a colon is one body, written as is (annotation rule A5, docs/tasks.md); the places are not the task's text.
    Only a head ending in a level of place (``place_levels`` in task_lexicon.yaml) takes such a list."""
    if not found or ":" not in text:
        return found
    levels = _place_levels()
    out: list[Ag] = []
    for m in found:
        if out and m.start < out[-1].end:
            continue  # a place of the list above, recognised alone
        pm = _PLACE_LIST.match(text, m.end) if levels.search(m.name) else None
        if pm and (_content_after_colon(text, m.end) or len(pm.group(0).strip(" :").split()) < 2):
            pm = None  # "… các xã, phường: Tổng hợp, phân tích …", "… tỉnh: Căn cứ …": the colon opens the work
        if pm:
            name = text[m.start:pm.end()]
            m = ag(m.start, pm.end(), name, canonical(name), m.type)
        out.append(m)
    return out


def find_deadlines(text: str, doc_date: Optional[date] = None) -> list[Dl]:
    """Deadline mentions in ``text``, in order."""
    if not text.strip():
        return []
    index = index_var.get()
    known = index.deadlines_in(text, doc_date) if index is not None else None
    if known is not None:
        return known
    from ..deadlines import find_deadlines as _find

    try:
        found = _find(text, doc_date=doc_date)
    except Exception as e:
        log.warning("find_deadlines failed on %r: %s", text[:60], e)
        return []
    return [dl(m.start, m.end, m.deadline) for m in sorted(found, key=lambda m: m.start)]


def parse_deadline(phrase: str, doc_date: Optional[date] = None) -> Optional[Deadline]:
    if not phrase.strip():
        return None
    from ..deadlines import parse_deadline as _parse

    try:
        return _parse(phrase, doc_date=doc_date)
    except Exception:
        return None
