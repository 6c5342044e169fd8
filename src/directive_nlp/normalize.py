"""Normalisation: one text for every later stage, with offsets back to the source.

Normalised text (``spec/OUTPUT.md``) is NFC, markup stripped, paragraphs
rebuilt, tone marks *as written*. Inside a block whitespace collapses to one
space; blocks are separated by one newline; a table row is its cells joined
with `` | ``. A paragraph that a page break split in two (the first part ends
without closing punctuation, the second starts with a lower-case letter) is
joined again.

The one tone placement (hoà → hòa) is applied only by :func:`match_key`, the
key used to compare names and phrases, never to the text users see.

Every step keeps a character map, so any span of the normalised text can be
traced to the raw file offset (text formats), or to the page/box (PDF) and
paragraph/cell (DOCX) of the block it lies in.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

from .models import (
    Block,
    CellSpan,
    NormalizedDocument,
    NormalizedText,
    SourceDocument,
    TextBlock,
)

# underthesea's own character map (text_normalizer.character_map): applying it
# here means underthesea's internal normalisation changes nothing later, so
# its tokens can be aligned to our text.
_CHAR_MAP = {"ð": "đ", "Ð": "Đ", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "", "\ufeff": "", "\u00ad": ""}

# old-style -> new-style tone placement, for matching keys only (same table as the scorer)
_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_RE = re.compile("(" + "|".join(_TONE_PAIRS) + r")(?![a-zà-ỹđ])")

_TERMINAL = set('.:;!?…)"”»]')
_LIST_MARKER_RE = re.compile(r"^(?:[a-zđ]{1,2}[\).]|[ivx]+[\).]|[-+•–])\s")
_VI_LOWER_RE = re.compile(r"^[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")


def _nfc_with_map(text: str) -> tuple[str, list[int]]:
    """NFC-normalise ``text`` and return, for each output char, its input index.

    Normalisation is applied per cluster (a base character and the combining
    marks after it), so each output character maps to its cluster's start.
    """
    out: list[str] = []
    omap: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        cluster = text[i:j]
        if cluster.isascii():
            norm = cluster
        else:
            norm = unicodedata.normalize("NFC", cluster)
        for k, ch in enumerate(norm):
            ch = _CHAR_MAP.get(ch, ch)
            for c in ch:
                out.append(c)
                omap.append(i + min(k, len(cluster) - 1))
        i = j
    return "".join(out), omap


def _collapse_ws(text: str, omap: list[int]) -> tuple[str, list[int]]:
    """Collapse runs of whitespace (newlines included) to one space, strip ends."""
    out: list[str] = []
    nmap: list[int] = []
    pending_space = -1
    for ch, src in zip(text, omap):
        if ch.isspace():
            if out and pending_space < 0:
                pending_space = src
            continue
        if pending_space >= 0:
            out.append(" ")
            nmap.append(pending_space)
            pending_space = -1
        out.append(ch)
        nmap.append(src)
    return "".join(out), nmap


def clean_inline(text: str) -> tuple[str, list[int]]:
    """NFC + character map + whitespace collapse, with a map to input indexes."""
    t, m = _nfc_with_map(text)
    return _collapse_ws(t, m)


def normalize_text(text: str) -> NormalizedText:
    """Normalise a bare string: NFC, character map, whitespace collapsed per line.

    Lines are kept (joined by one newline), empty lines dropped. ``offsets``
    maps each output character to its index in ``text``.

    >>> normalize_text("Ủy  ban\\u00a0nhân dân\\n\\n tỉnh ").text
    'Ủy ban nhân dân\\ntỉnh'
    """
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        t, m = clean_inline(body)
        if t:
            if out:
                out.append("\n")
                offsets.append(max(pos - 1, 0))
            out.append(t)
            offsets.extend(pos + k for k in m)
        pos += len(line)
    return NormalizedText(text="".join(out), offsets=offsets)


def _ends_open(text: str) -> bool:
    """True when a paragraph ends mid-sentence (no closing punctuation)."""
    t = text.rstrip()
    return bool(t) and t[-1] not in _TERMINAL


def _continues(text: str) -> bool:
    """True when a paragraph starts like the rest of a broken sentence."""
    t = text.lstrip()
    return bool(_VI_LOWER_RE.match(t)) and not _LIST_MARKER_RE.match(t)


def normalize_document(source: SourceDocument, *, join_broken: bool = True) -> NormalizedDocument:
    """Turn a :class:`SourceDocument` into the one normalised text.

    Paragraph blocks are cleaned (NFC, whitespace); a paragraph that continues
    the previous one after a page break is joined to it; table rows become
    ``cell | cell | …`` lines with cell offsets kept. Empty blocks are dropped.
    """
    pieces: list[tuple[Block, str, Optional[list[int]], Optional[list[tuple[int, int]]]]] = []
    for block in source.blocks:
        if block.kind == "table_row" and block.cells is not None:
            parts: list[str] = []
            raw: Optional[list[int]] = []
            cell_spans: list[tuple[int, int]] = []
            length = 0
            for ci, cell in enumerate(block.cells):
                t, m = clean_inline(cell)
                cmap = block.cell_char_maps[ci] if block.cell_char_maps and ci < len(block.cell_char_maps) else None
                if parts:
                    parts.append(" | ")
                    length += 3
                    if raw is not None:
                        raw.extend([raw[-1] if raw else 0] * 3)
                cell_spans.append((length, length + len(t)))
                parts.append(t)
                length += len(t)
                if raw is not None and cmap is not None:
                    raw.extend(cmap[min(k, len(cmap) - 1)] for k in m) if cmap else raw.extend([0] * len(m))
                else:
                    raw = None
            text = "".join(parts)
            if not text.replace("|", "").strip():
                continue
            pieces.append((block, text, raw, cell_spans))
        else:
            t, m = clean_inline(block.text)
            if not t:
                continue
            cm = block.char_map
            raw = [cm[min(k, len(cm) - 1)] for k in m] if cm else None
            pieces.append((block, t, raw, None))

    out: list[str] = []
    offsets: list[int] = []
    tblocks: list[TextBlock] = []
    have_offsets = bool(pieces) and all(r is not None for _, _, r, _ in pieces)
    pos = 0
    for idx, (block, text, raw, cells) in enumerate(pieces):
        prev = tblocks[-1] if tblocks else None
        if (
            join_broken
            and prev is not None
            and prev.kind == "paragraph"
            and block.kind == "paragraph"
            and not prev.style
            and not block.style
            and _ends_open(out[-1])
            and _continues(text)
        ):
            # a paragraph broken by a page break: join with one space
            out[-1] = out[-1] + " " + text
            if have_offsets:
                offsets.append(offsets[-1] if offsets else 0)
                offsets.extend(raw or [])
            prev.end += 1 + len(text)
            prev.merged_from.append(idx)
            pos += 1 + len(text)
            continue
        if out:
            pos += 1  # the newline between blocks
            if have_offsets:
                offsets.append(offsets[-1] if offsets else 0)
        start = pos
        out.append(text)
        if have_offsets:
            offsets.extend(raw or [])
        pos += len(text)
        tb = TextBlock(
            index=len(tblocks),
            kind=block.kind,
            start=start,
            end=pos,
            cells=[CellSpan(start=start + a, end=start + b) for a, b in cells] if cells is not None else None,
            header=[clean_inline(h)[0] for h in block.header] if block.header else None,
            table_id=block.table_id,
            row_index=block.row_index,
            is_header_row=block.is_header_row,
            style=block.style,
            bold=block.bold,
            centered=block.centered,
            location=block.location,
            merged_from=[idx],
        )
        tblocks.append(tb)
    text = "\n".join(out)
    return NormalizedDocument(
        source=source.source,
        text=text,
        blocks=tblocks,
        offsets=offsets if have_offsets and len(offsets) == len(text) else None,
    )


@lru_cache(maxsize=65536)
def match_key(text: str) -> str:
    """Key for comparing phrases: NFC, lower case, new-style tone placement,
    punctuation dropped, whitespace collapsed (as the scorer does).

    >>> match_key("Sở Văn hoá, Thể thao và Du lịch") == match_key("sở văn hóa thể thao và du lịch")
    True
    """
    t = unicodedata.normalize("NFC", text or "").lower()
    t = "".join(_CHAR_MAP.get(c, c) for c in t)
    t = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(1)], t)
    t = re.sub(r"[^\w\s]", " ", t)
    return " ".join(t.split())


def tone_key(text: str) -> str:
    """Like :func:`match_key` but keeps punctuation and case: only the tone
    placement is unified (hoà → hòa). Length may shrink only through NFC."""
    t = unicodedata.normalize("NFC", text or "")

    def fix(m: re.Match) -> str:
        s = m.group(0)
        low = s.lower()
        rep = _TONE_PAIRS.get(low)
        if rep is None:
            return s
        return "".join(r.upper() if o.isupper() else r for o, r in zip(s, rep))

    return re.sub("(?i)(" + "|".join(_TONE_PAIRS) + r")(?![a-zà-ỹđ])", fix, t)
