"""Adapters to the recognisers (agencies, deadlines), with graceful degradation.

The task extractor does not recognise agency names or deadline phrases
itself: ``directive_nlp.agencies`` and ``directive_nlp.deadlines`` do. This
module calls them once per block, keeps the results as offsets relative to
the block text, and degrades (no mentions + a note) when a recogniser is
missing, so an incomplete installation still yields tasks.
"""

from __future__ import annotations

import contextvars
import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Optional

from ..models import Deadline

log = logging.getLogger(__name__)

__all__ = ["Ag", "Dl", "find_agencies", "find_deadlines", "parse_deadline", "canonical", "agency_type", "missing"]

missing: set[str] = set()

#: the user gazetteer of the current extraction (``--gazetteer FILE.yaml``), or None
gazetteer_var: contextvars.ContextVar = contextvars.ContextVar("dnlp_gazetteer", default=None)
_cache: dict = {}


@dataclass
class Ag:
    """An agency name at ``[start, end)`` of some base string."""

    start: int
    end: int
    name: str
    canonical: str = ""
    type: Optional[str] = None


@dataclass
class Dl:
    start: int
    end: int
    deadline: Deadline


def _fallback_canonical(name: str) -> str:
    text = unicodedata.normalize("NFC", name).lower()
    text = " ".join(re.sub(r"[^\w\s\-&/]", " ", text).split())
    for lead in ("các ", "những ", "toàn thể "):
        if text.startswith(lead):
            text = text[len(lead):]
    return text


def canonical(name: str) -> str:
    try:
        from ..agencies import canonical as _canonical

        return _canonical(name)
    except Exception:  # recogniser absent or failing on odd input
        missing.add("agencies.canonical")
        return _fallback_canonical(name)


def agency_type(name: str) -> Optional[str]:
    try:
        from ..agencies import agency_type as _type

        return _type(name)
    except Exception:
        return None


def find_agencies(text: str) -> list[Ag]:
    """Agency mentions in ``text`` (sorted, non-overlapping)."""
    if not text.strip():
        return []
    try:
        from ..agencies import find_agencies as _find
    except ImportError:
        missing.add("agencies.find_agencies")
        return []
    g = gazetteer_var.get()
    key = (id(g), text)
    if key in _cache:
        return list(_cache[key])
    try:
        found = _find(text, gazetteer=g) if g is not None else _find(text)
    except Exception as e:  # never let a recogniser bug kill a document
        log.warning("find_agencies failed on %r: %s", text[:60], e)
        return []
    out: list[Ag] = []
    last_end = -1
    for m in sorted(found, key=lambda m: (m.start, -m.end)):
        if m.start < last_end or m.end <= m.start:
            continue
        out.append(Ag(m.start, m.end, text[m.start:m.end], m.canonical or "", m.type))
        last_end = m.end
    out = _with_place_lists(text, out)
    if len(_cache) > 4096:
        _cache.clear()
    _cache[key] = out
    return list(out)


_UP = "A-ZÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"
_PLACE = rf"[{_UP}][\wÀ-ỹ]*(?:\s+[{_UP}][\wÀ-ỹ]*){{0,4}}"
_PLACE_LIST = re.compile(rf"\s*:\s*{_PLACE}(?:\s*(?:,|\bvà\b)\s*{_PLACE}){{0,30}}(?=\s+[a-zà-ỹđ]|\s*[,;.]|\s*$)")


def _place_levels() -> re.Pattern:
    from .lexicon import load_lexicon_data

    ws = load_lexicon_data().get("place_levels") or []
    alt = "|".join(r"\s+".join(map(re.escape, str(w).split())) for w in sorted(ws, key=len, reverse=True))
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alt or '(?!)'})$", re.IGNORECASE)


def _content_after_colon(text: str, pos: int) -> bool:
    """Does a verb follow the colon at ``pos`` ("Phối hợp chặt chẽ …", "Chủ trì, phối hợp …")?"""
    from .lexicon import lexicon

    colon = text.find(":", pos)
    return colon >= 0 and bool(lexicon().verb_start.match(text[colon + 1:colon + 60]))


def _with_place_lists(text: str, found: list[Ag]) -> list[Ag]:
    """"Ủy ban nhân dân các tỉnh, thành phố: Tuyên Quang, Đồng Nai, Đồng Tháp quyết liệt …": one head with the
    places it names after a colon is one body, written as is (ANNOTATION.md); the places are not the task's text.
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
            m = Ag(m.start, pm.end(), name, canonical(name), m.type)
        out.append(m)
    return out


def find_deadlines(text: str, doc_date: Optional[date] = None) -> list[Dl]:
    if not text.strip():
        return []
    try:
        from ..deadlines import find_deadlines as _find
    except ImportError:
        missing.add("deadlines.find_deadlines")
        return []
    try:
        found = _find(text, doc_date=doc_date)
    except Exception as e:
        log.warning("find_deadlines failed on %r: %s", text[:60], e)
        return []
    return [Dl(m.start, m.end, m.deadline) for m in sorted(found, key=lambda m: m.start)]


def parse_deadline(phrase: str, doc_date: Optional[date] = None) -> Optional[Deadline]:
    if not phrase.strip():
        return None
    try:
        from ..deadlines import parse_deadline as _parse
    except ImportError:
        missing.add("deadlines.parse_deadline")
        return None
    try:
        return _parse(phrase, doc_date=doc_date)
    except Exception:
        return None
