"""Normalisation: one text for every later stage, with offsets back to the source.

Normalised text (``docs/output-contract.md``) is NFC, markup stripped, paragraphs
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
from operator import itemgetter
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
_HYPHENATED_RE = re.compile(r"[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]-$")
_VI_LOWER_RE = re.compile(r"^[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")


_CHAR_MAP_RE = re.compile("[" + "".join(_CHAR_MAP) + "]")
_CHAR_TABLE = str.maketrans(_CHAR_MAP)  # the character map for str.translate


def is_clean(text: str) -> bool:
    """Is ``text`` already what :func:`_nfc_with_map` makes (NFC, none of the mapped characters)?

    The pipeline normalises once (the reader); the recognisers and the
    tokenizer get normalised text, and this C-speed check lets them skip the
    per-character offset map.
    """
    return unicodedata.is_normalized("NFC", text) and _CHAR_MAP_RE.search(text) is None


def _nfc_with_map(text: str) -> tuple[str, list[int]]:
    """NFC-normalise ``text`` and return, for each output char, its input index.

    The character map (``ð`` → ``đ``, no-break spaces, zero-width characters
    dropped) is applied first, so that removing a zero-width character cannot
    bring two combining marks together after composition (which would make a
    second pass change the text). NFC is then applied per cluster (a base
    character and the combining marks after it), so each output character
    maps to its cluster's start.
    """
    chars: list[str] = []
    idx: list[int] = []
    for i, ch in enumerate(text):
        rep = _CHAR_MAP.get(ch)
        if rep is None:
            chars.append(ch)
            idx.append(i)
        else:
            for c in rep:
                chars.append(c)
                idx.append(i)
    i, n = 0, len(chars)
    bounds: list[tuple[int, int]] = []
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(chars[j]):
            j += 1
        bounds.append((i, j))
        i = j
    result = _emit_clusters(chars, idx, bounds)
    if not unicodedata.is_normalized("NFC", result[0]):
        # rare scripts compose across clusters (Hangul jamo, some Indic vowel
        # signs): merge neighbouring clusters while composition joins them
        merged: list[tuple[int, int]] = []
        for a, b in bounds:
            if merged:
                pa, pb = merged[-1]
                left = "".join(chars[pa:pb])
                right = "".join(chars[a:b])
                if unicodedata.normalize("NFC", left + right) != unicodedata.normalize("NFC", left) + unicodedata.normalize("NFC", right):
                    merged[-1] = (pa, b)
                    continue
            merged.append((a, b))
        result = _emit_clusters(chars, idx, merged)
    return result


def _emit_clusters(chars: list[str], idx: list[int], bounds: list[tuple[int, int]]) -> tuple[str, list[int]]:
    out: list[str] = []
    omap: list[int] = []
    for i, j in bounds:
        cluster = "".join(chars[i:j])
        norm = cluster if cluster.isascii() else unicodedata.normalize("NFC", cluster)
        for k, ch in enumerate(norm):
            out.append(ch)
            omap.append(idx[i + min(k, j - i - 1)] if norm == cluster else idx[i])
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


_WS_TO_COLLAPSE = re.compile(r"\s\s|[^\S ]|^\s|\s$")


def clean_inline(text: str) -> tuple[str, list[int]]:
    """NFC + character map + whitespace collapse, with a map to input indexes.

    Text that is already clean (the common case: NFC, nothing in the character
    map, single spaces) is returned as is with the identity map, at C speed.
    """
    if is_clean(text):
        if _WS_TO_COLLAPSE.search(text) is None:
            return text, list(range(len(text)))
        return _collapse_ws(text, list(range(len(text))))
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


def _table_row_text(block: Block) -> Optional[tuple[str, Optional[list[int]], list[tuple[int, int]]]]:
    """A table row as ``cell | cell | …`` with each cell's span.

    An empty cell (covered by a merged cell) shows as an empty slot
    (``a | | c``); empty cells at the end of the row are left out of the text
    (their span is empty, at the end), so a group row spanning the table reads
    ``II | HỖ TRỢ VÀ PHÁT TRIỂN CÔNG NGHỆ``. None when the row has no text.
    """
    cleaned = [clean_inline(c) for c in block.cells or []]
    last = max((i for i, (t, _) in enumerate(cleaned) if t), default=-1)
    if last < 0:
        return None
    maps = block.cell_char_maps
    parts: list[str] = []
    raw: Optional[list[int]] = [] if maps else None
    spans: list[tuple[int, int]] = []
    length = 0
    for ci, (t, m) in enumerate(cleaned):
        if ci > last:
            spans.append((length, length))
            continue
        if ci:
            sep = ("" if length == 0 else " ") + "|" + (" " if t else "")
            parts.append(sep)
            length += len(sep)
            if raw is not None:
                raw.extend([raw[-1] if raw else 0] * len(sep))
        spans.append((length, length + len(t)))
        parts.append(t)
        length += len(t)
        if raw is not None:
            cmap = maps[ci] if maps and ci < len(maps) else None
            if cmap:
                raw.extend(cmap[min(k, len(cmap) - 1)] for k in m)
            elif m:
                raw = None
    return "".join(parts), raw, spans


def _one_syllable(prev: str, nxt: str) -> bool:
    """"tri-" + "ển" make one syllable (a hyphenated word); "tế-" + "xã" do
    not (a compound whose hyphen stays)."""
    from .language import is_syllable

    head = re.split(r"[^\w]", prev[:-1])[-1]
    tail = re.split(r"[^\w]", nxt)[0]
    return is_syllable(head + tail)


def _ends_open(text: str) -> bool:
    """True when a paragraph ends mid-sentence (no closing punctuation)."""
    t = text.rstrip()
    return bool(t) and t[-1] not in _TERMINAL


def _continues(text: str) -> bool:
    """True when a paragraph starts like the rest of a broken sentence."""
    t = text.lstrip()
    return bool(_VI_LOWER_RE.match(t)) and not _LIST_MARKER_RE.match(t)


def _through(char_map: list[int], m: list[int]) -> list[int]:
    """``char_map`` read at the indexes ``m`` (the last entry for an index past its end)."""
    if not m:
        return []
    last = len(char_map) - 1
    if max(m) > last:
        m = [min(k, last) for k in m]
    return [char_map[m[0]]] if len(m) == 1 else list(itemgetter(*m)(char_map))


def normalize_document(source: SourceDocument, *, join_broken: bool = True) -> NormalizedDocument:
    """Turn a :class:`SourceDocument` into the one normalised text.

    Paragraph blocks are cleaned (NFC, whitespace); a paragraph that continues
    the previous one after a page break is joined to it; table rows become
    ``cell | cell | …`` lines with cell offsets kept. Empty blocks are dropped.
    """
    pieces: list[tuple[Block, str, Optional[list[int]], Optional[list[tuple[int, int]]]]] = []
    source_index: dict[int, int] = {}  # id(block) -> index among source.blocks
    for bi, block in enumerate(source.blocks):
        source_index[id(block)] = bi
        if block.kind == "table_row" and block.cells is not None:
            row = _table_row_text(block)
            if row is None:
                continue
            text, raw, cell_spans = row
            pieces.append((block, text, raw, cell_spans))
        else:
            t, m = clean_inline(block.text)
            if not t:
                continue
            cm = block.char_map
            raw = _through(cm, m) if cm else None
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
            # a paragraph broken by a page break: join with one space, or
            # with none when a word was hyphenated across the break
            if _HYPHENATED_RE.search(out[-1]) and _one_syllable(out[-1], text):
                out[-1] = out[-1][:-1] + text
                if have_offsets:
                    offsets.pop()
                    offsets.extend(raw or [])
                prev.end += len(text) - 1
                pos += len(text) - 1
            elif _HYPHENATED_RE.search(out[-1]):  # a compound's hyphen: kept, no space
                out[-1] = out[-1] + text
                if have_offsets:
                    offsets.extend(raw or [])
                prev.end += len(text)
                pos += len(text)
            else:
                out[-1] = out[-1] + " " + text
                if have_offsets:
                    offsets.append(offsets[-1] if offsets else 0)
                    offsets.extend(raw or [])
                prev.end += 1 + len(text)
                pos += 1 + len(text)
            prev.merged_from.append(source_index[id(block)])
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
            filled_cells=[clean_inline(c)[0] for c in block.filled_cells] if block.filled_cells else None,
            style=block.style,
            bold=block.bold,
            centered=block.centered,
            location=block.location,
            merged_from=[source_index[id(block)]],
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
    t = t.translate(_CHAR_TABLE)
    t = re.sub(r"[^\w\s]", " ", t)  # first: a dropped mark (U+0300 lies in à-ỹ) must not block the tone rule
    t = _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(1)], t)
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
