"""The characters of a PDF page in bulk: text, boxes and fonts from pdfium.

The PDF reader (:mod:`directive_nlp.ingest.pdf`) works on every character of
every page, so what it does per character is what its speed is. Here the
per-character work is one call into pdfium and nothing else:

* :func:`read_page_chars` asks pdfium for the page's text once
  (``get_text_range``) and for each character's box through a C prototype
  whose four out-arguments are plain addresses inside one numpy array (no
  ``c_double`` objects read back one by one); the conversion to top-left
  coordinates and the zeroed line breaks are done on the whole array; the
  ``(char, x0, top, x1, bottom, index)`` tuples the table reader uses are
  made by ``zip`` over the columns.
* :func:`segment_spans` cuts the characters into line segments (at pdfium's
  line breaks and at wide gaps) and leaves out those inside table areas with
  array operations; only the work per segment is Python.
* :class:`FontInfo` looks up font names and weights through one reused
  buffer.

The results are those of the former per-character loops, to the bit (the
same double arithmetic, done by numpy): ``tests/ingest/test_pdf_chars.py``
compares them with pypdfium2's own per-character ``get_charbox``.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from typing import Optional

import numpy as np

GAP_SPLIT_EM = 4.0  # a horizontal gap wider than this many font sizes splits a line into two segments
_BOLD_WORDS = ("bold", "black", "heavy", "semibold", ",b")  # in a font name: a bold face


# the code points for which str.isspace() is true (all below U+3001; a test holds this list to Python's)
SPACE_CODES = np.array([9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 133, 160, 5760, *range(8192, 8203),
                        8232, 8233, 8239, 8287, 12288], dtype=np.uint32)
_SPACE_TABLE = np.zeros(0x3002, dtype=bool)  # white space or not, by code point; the last entry stands for all above
_SPACE_TABLE[SPACE_CODES] = True


class PageChars:
    """The characters of a page: ``text`` (one entry per character, line
    breaks included), ``box`` (n × 4: x0, top, x1, bottom in top-left PDF
    points; zeros on line breaks) and each character's pdfium ``index``
    (an integer array)."""

    def __init__(self, text: str, box: np.ndarray, index: np.ndarray, items: Optional[list[tuple]] = None) -> None:
        self.text, self.box, self.index = text, box, index
        if items is not None:
            self.items = items

    @classmethod
    def from_items(cls, items: list[tuple]) -> "PageChars":
        """From ``(char, x0, top, x1, bottom, index)`` tuples (after a legacy-font conversion)."""
        box = np.array([c[1:5] for c in items], dtype=float).reshape(len(items), 4)
        return cls("".join(c[0] for c in items), box, np.array([c[5] for c in items], dtype=np.int64), items)

    @cached_property
    def items(self) -> list[tuple]:
        """The characters as ``(char, x0, top, x1, bottom, index)`` tuples."""
        return list(zip(self.text, *(self.box[:, k].tolist() for k in range(4)), self.index.tolist()))

    @cached_property
    def codes(self) -> np.ndarray:
        """The code point of each character."""
        return np.frombuffer(self.text.encode("utf-32-le"), dtype="<u4")

    @cached_property
    def space(self) -> np.ndarray:
        """Which characters are white space (``str.isspace``, line breaks included)."""
        return _SPACE_TABLE[np.minimum(self.codes, len(_SPACE_TABLE) - 1)]

    @cached_property
    def breaks(self) -> np.ndarray:
        """Which characters are line breaks (\\r or \\n)."""
        return (self.codes == 10) | (self.codes == 13)

    def has_text(self) -> bool:
        """Some character is not white space."""
        return bool(self.text) and not self.text.isspace()


_PROTOTYPES: dict[str, object] = {}


def _char_box_function(raw):
    """``FPDFText_GetCharBox`` called with addresses (ints) for its four
    ``double*`` out-arguments, so they can point into a numpy array."""
    fn = _PROTOTYPES.get("box")
    if fn is None:
        proto = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int,
                                 ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
        fn = _PROTOTYPES["box"] = proto(ctypes.cast(raw.FPDFText_GetCharBox, ctypes.c_void_p).value)
    return fn


def _raw_boxes(raw, tp, text: str) -> np.ndarray:
    """pdfium's (left, right, bottom, top) of every character, in one array.

    A character pdfium does not have (the text's length and pdfium's count
    differ) keeps the box of the last one asked before it, as reading the
    boxes one at a time into the same four doubles did.
    """
    n = len(text)
    buf = np.zeros((n, 4))
    count = min(n, max(raw.FPDFText_CountChars(tp), 0))
    get_box = _char_box_function(raw)
    handle = ctypes.cast(tp, ctypes.c_void_p).value
    base = buf.ctypes.data
    for i, a in zip(range(count), range(base, base + 32 * count, 32)):
        get_box(handle, i, a, a + 8, a + 16, a + 24)
    if count < n:
        asked = [i for i in range(count) if text[i] not in "\r\n"]
        if asked:
            buf[count:] = buf[asked[-1]]
    return buf


def read_page_chars(textpage, page_height: float) -> PageChars:
    """The characters of a pdfium text page with their boxes (see :class:`PageChars`)."""
    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    n = len(text)
    raw_box = _raw_boxes(raw, textpage.raw, text)
    box = np.empty((n, 4))
    box[:, 0] = raw_box[:, 0]
    box[:, 1] = page_height - raw_box[:, 3]
    box[:, 2] = raw_box[:, 1]
    box[:, 3] = page_height - raw_box[:, 2]
    chars = PageChars(text, box, np.arange(n))
    box[chars.breaks] = 0.0
    return chars


class FontInfo:
    """Font name and weight of a text page's characters, through one reused buffer."""

    def __init__(self, raw, tp) -> None:
        self._raw, self._tp = raw, tp
        self._buf = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int(0)
        self._flags_ref = ctypes.byref(self._flags)
        self._names: dict[bytes, tuple[str, bool]] = {}

    def _entry(self, i: int) -> tuple[str, bool]:
        """(name, bold by its name) of character ``i``'s font; names are decoded once per page."""
        n = self._raw.FPDFText_GetFontInfo(self._tp, i, self._buf, 128, self._flags_ref)
        if n <= 0 or n > 128:  # a longer name is not copied: pdfium leaves the buffer alone
            return "", False
        key = self._buf.raw[:n]
        entry = self._names.get(key)
        if entry is None:
            name = self._buf.value.decode("utf-8", "replace").split("+", 1)[-1]
            entry = self._names[key] = (name, any(w in name.lower() for w in _BOLD_WORDS))
        return entry

    def name(self, i: int) -> str:
        """The font name of character ``i``, without its subset prefix ("ABCDEF+")."""
        return self._entry(i)[0]

    def bold(self, i: int) -> bool:
        """Bold by weight, or by the font name when the weight is not given."""
        return self._raw.FPDFText_GetFontWeight(self._tp, i) >= 600 or self._entry(i)[1]

    def size(self, i: int) -> float:
        return self._raw.FPDFText_GetFontSize(self._tp, i)


class BoxSelector:
    """The characters of a page chosen by box (a table, a row's band, a
    cell), with array masks; line breaks are kept as the line each character
    is on, so a cell's text comes out line by line."""

    def __init__(self, chars: PageChars) -> None:
        text, box, breaks = chars.text, chars.box, chars.breaks
        self.text, self.index = text, chars.index
        self.x0 = box[:, 0]
        self.cx = (box[:, 0] + box[:, 2]) / 2
        self.cy = (box[:, 1] + box[:, 3]) / 2
        self.line = np.cumsum(breaks)
        self.space = chars.space
        self.chars = np.flatnonzero(~breaks)

    def table(self, bbox) -> np.ndarray:
        """Characters starting within a table's width (2 pt slack) with their middle in its height (4 pt)."""
        tx0, ttop, tx1, tbottom = bbox
        idx = self.chars
        x0, cy = self.x0[idx], self.cy[idx]
        return idx[(tx0 - 2 <= x0) & (x0 <= tx1 + 2) & (ttop - 4 <= cy) & (cy <= tbottom + 4)]

    def band(self, idx: np.ndarray, top: float, bottom: float) -> np.ndarray:
        """Those of ``idx`` with their middle between ``top`` and ``bottom`` (4 pt slack)."""
        cy = self.cy[idx]
        return idx[(top - 4 <= cy) & (cy <= bottom + 4)]

    def inside(self, idx: np.ndarray, box) -> np.ndarray:
        """Those of ``idx`` whose centre lies in ``box`` (x0, top, x1, bottom)."""
        x0, top, x1, bottom = box
        cx, cy = self.cx[idx], self.cy[idx]
        return idx[(x0 <= cx) & (cx <= x1) & (top <= cy) & (cy <= bottom)]

    def lines(self, idx: np.ndarray) -> list[str]:
        """The text of the characters ``idx``, one stripped string per text line."""
        if not len(idx):
            return []
        line = self.line[idx]
        cuts = (np.flatnonzero(line[1:] != line[:-1]) + 1).tolist()
        pos, text = idx.tolist(), self.text
        return ["".join([text[i] for i in pos[a:b]]).strip() for a, b in zip([0] + cuts, cuts + [len(pos)])]

    def first_visible(self, idx: np.ndarray) -> Optional[int]:
        """pdfium index of the first character of ``idx`` that is not white space."""
        visible = idx[~self.space[idx]]
        return int(self.index[visible[0]]) if len(visible) else None


@dataclass
class Span:
    """One line segment: its text (stripped), box, first and last visible
    character (pdfium indices) and the width of its first word."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    first: int
    last: int
    first_height: float
    first_word_w: float


def _kept(chars: PageChars, space: np.ndarray, breaks: np.ndarray, skip_boxes) -> np.ndarray:
    """Which characters go into segments: not line breaks, and not visible
    characters whose centre lies in a table area."""
    keep = ~breaks
    if skip_boxes:
        x0, top, x1, bottom = chars.box.T
        cx, cy = (x0 + x1) / 2, (top + bottom) / 2
        inside = np.zeros(len(chars.text), dtype=bool)
        for bx0, bt, bx1, bb in skip_boxes:
            inside |= (bx0 - 1 <= cx) & (cx <= bx1 + 1) & (bt - 1 <= cy) & (cy <= bb + 1)
        keep &= ~(inside & ~space)
    return keep


def _segment_starts(box: np.ndarray, line: np.ndarray, body: np.ndarray) -> np.ndarray:
    """Where a segment starts among the kept characters: after a line break,
    or at a visible character far right of (or well left of) the visible
    character before it on the same line."""
    n = len(line)
    starts = np.zeros(n, dtype=bool)
    if n:
        starts[0] = True
        starts[1:] = line[1:] != line[:-1]
    b = np.flatnonzero(body)
    if len(b) >= 2:
        prev, cur = box[b[:-1]], box[b[1:]]
        size = np.maximum(np.maximum(prev[:, 3] - prev[:, 1], cur[:, 3] - cur[:, 1]), 4.0)
        gap = (cur[:, 0] - prev[:, 2] > GAP_SPLIT_EM * size) | (cur[:, 0] < prev[:, 0] - size)
        starts[b[1:][gap & (line[b[1:]] == line[b[:-1]])]] = True
    return starts


def segment_spans(chars: PageChars, skip_boxes) -> list[Span]:
    """The line segments of a page (see :class:`Span`), in reading order of
    pdfium's text; characters inside ``skip_boxes`` (table areas, read
    separately) are left out, and segments with nothing visible are dropped."""
    text = chars.text
    n = len(text)
    if not n:
        return []
    space, breaks = chars.space, chars.breaks
    keep = _kept(chars, space, breaks, skip_boxes)
    kept = np.flatnonzero(keep)
    box = chars.box[kept]
    body = ~space[kept] & (box[:, 2] > box[:, 0])
    starts = _segment_starts(box, np.cumsum(breaks)[kept], body)
    seg = np.cumsum(starts) - 1
    bodies = np.flatnonzero(body)
    if not len(bodies):
        return []
    ktext = "".join(compress(text, keep.tolist())) if len(kept) < n else text
    return _spans(chars, kept, box, ktext, seg, bodies, np.flatnonzero(starts))


def _spans(chars, kept, box, ktext: str, seg, bodies, seg_starts) -> list[Span]:
    """One :class:`Span` per segment that has a visible character."""
    bseg = seg[bodies]
    firsts = np.flatnonzero(np.concatenate(([True], bseg[1:] != bseg[:-1])))
    lasts = np.append(firsts[1:] - 1, len(bodies) - 1)
    bbox = box[bodies]
    x0s = np.minimum.reduceat(bbox[:, 0], firsts).tolist()
    tops = np.minimum.reduceat(bbox[:, 1], firsts).tolist()
    x1s = np.maximum.reduceat(bbox[:, 2], firsts).tolist()
    bottoms = np.maximum.reduceat(bbox[:, 3], firsts).tolist()
    ends = np.append(seg_starts[1:], len(kept)).tolist()
    seg_start = seg_starts.tolist()
    kx0, kx1 = box[:, 0].tolist(), box[:, 2].tolist()
    pdfium_index = chars.index[kept].tolist()
    first_body, last_body = bodies[firsts], bodies[lasts]
    heights = (box[first_body, 3] - box[first_body, 1]).tolist()
    out = []
    for k, (f, l, s) in enumerate(zip(first_body.tolist(), last_body.tolist(), bseg[firsts].tolist())):
        start, end = seg_start[s], ends[s]
        out.append(Span(
            text=ktext[start:end].strip(), x0=x0s[k], top=tops[k], x1=x1s[k], bottom=bottoms[k],
            first=pdfium_index[f], last=pdfium_index[l], first_height=heights[k],
            first_word_w=_first_word_end(ktext, kx0, kx1, start, end, f) - kx0[f],
        ))
    return out


def _first_word_end(ktext: str, kx0: list, kx1: list, start: int, end: int, first: int) -> float:
    """Right edge of a segment's first word: the last character with a width
    before the first space at or right of the first visible character."""
    right = kx1[first]
    for j in range(start, end):
        if ktext[j].isspace() and kx0[j] >= kx0[first]:
            break
        if kx1[j] > kx0[j]:
            right = kx1[j]
    return right


__all__ = ["BoxSelector", "FontInfo", "GAP_SPLIT_EM", "PageChars", "Span", "read_page_chars", "segment_spans"]
