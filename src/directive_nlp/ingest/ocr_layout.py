"""The layout of a scanned page rebuilt from Tesseract's word boxes.

Tesseract's own paragraphs (``--psm 3``) run a heading into the list item
under it ("I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích a) …"), read the two columns of a
header as one line, and put every cell of a table in a paragraph of its own,
so a scanned plan came back as a few long blocks with no headings, items or
tables. Here the page is rebuilt the way the text-layer PDF reader reads a
born-digital page:

* **lines**: Tesseract's lines, cut where a horizontal gap is far wider than
  a word space (a column gutter), or at a "|" it read from a ruling line;
* **visual rows**: the line pieces that share a baseline band;
* **grids** (tables, and the two-column header): consecutive rows with two
  or more pieces side by side. Columns come from where the pieces start;
  rows are cut at the table's horizontal ruling lines (found in the page
  image) or, without rules, at a vertical gap wider than the line spacing.
  A grid becomes ``table_row`` blocks with one cell per column;
* **paragraphs** (everything else): a new paragraph starts at a first-line
  indent, a list or section marker ("I.", "1.2.", "a)", "-", "+"), a gap
  wider than the line spacing, after a short line that closes a sentence,
  or where capitals (a heading) give way to running text. A paragraph whose
  lines are all centred is marked ``centered``.

Page numbers (a short line of digits alone at the top or bottom) are dropped,
as the text-layer reader drops them. Boxes are returned in PDF points
(top-left origin). OCR gives no bold: headings are recognised later from
their numbering and capitals, as in plain text.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..models import Block, Location

# a list or section marker at the start of a line
_MARKER_RE = re.compile(
    r"^(?:[IVXLC]{1,6}\s*[.\-–)]|\d{1,2}(?:\.\d{1,2}){0,3}\s*[.)]|[a-zđ]\s*\)|[-+•–*]\s|Điều\s+\d|Phần\s+[IVX\d]|Chương\s+[IVX\d]|Mục\s+\d)"
)
_RULE_TOKEN_RE = re.compile(r"^[\-_=~.·•|*]{3,}$|^\|+$")
_PAGE_NUMBER_RE = re.compile(r"^[-–(]?\s*\d{1,3}\s*[-–)]?$")
_SENTENCE_END = (".", ":", ";", "!", "?", "./.")


@dataclass
class Word:
    x0: int
    y0: int
    x1: int
    y1: int
    text: str


@dataclass
class Piece:
    """A run of words of one Tesseract line, between column gutters."""

    words: list[Word]
    bold: bool = False

    @property
    def x0(self) -> int:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> int:
        return max(w.x1 for w in self.words)

    @property
    def y0(self) -> int:
        return min(w.y0 for w in self.words)

    @property
    def y1(self) -> int:
        return max(w.y1 for w in self.words)

    @property
    def text(self) -> str:
        return unicodedata.normalize("NFC", " ".join(w.text for w in self.words))


@dataclass
class Row:
    """Pieces that share a baseline band, left to right."""

    pieces: list[Piece] = field(default_factory=list)

    @property
    def y0(self) -> int:
        return min(p.y0 for p in self.pieces)

    @property
    def y1(self) -> int:
        return max(p.y1 for p in self.pieces)


@dataclass
class Geometry:
    """Measures of the page's running text, in pixels."""

    width: int
    left: int  # where continuation lines start
    right: int  # where full lines end
    line_height: float
    indent: float  # first-line indent threshold


# --------------------------------------------------------------------------
# Words, pieces, rows
# --------------------------------------------------------------------------


def _lines(data: dict) -> list[list[Word]]:
    """Tesseract's lines (block, paragraph, line), words left to right."""
    lines: dict[tuple[int, int, int], list[Word]] = {}
    for i, raw in enumerate(data["text"]):
        text = (raw or "").strip()
        if not text:
            continue
        x0, y0 = int(data["left"][i]), int(data["top"][i])
        w = Word(x0, y0, x0 + int(data["width"][i]), y0 + int(data["height"][i]), text)
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        lines.setdefault(key, []).append(w)
    return [sorted(ws, key=lambda w: w.x0) for ws in lines.values()]


def _split_line(words: list[Word], gutter: float) -> list[Piece]:
    """Cut a line at column gutters and at the rules Tesseract read as text."""
    pieces: list[Piece] = []
    cur: list[Word] = []
    for w in words:
        if _RULE_TOKEN_RE.match(w.text):
            if cur:
                pieces.append(Piece(cur))
            cur = []
            continue
        if cur and w.x0 - cur[-1].x1 > gutter:
            pieces.append(Piece(cur))
            cur = []
        cur.append(w)
    if cur:
        pieces.append(Piece(cur))
    return pieces


def _word_gap(lines: list[list[Word]]) -> float:
    gaps = [b.x0 - a.x1 for ws in lines for a, b in zip(ws, ws[1:]) if b.x0 > a.x1]
    return statistics.median(gaps) if gaps else 20.0


def _rows(pieces: list[Piece]) -> list[Row]:
    """Group pieces whose vertical extents overlap by half the smaller height."""
    rows: list[Row] = []
    for p in sorted(pieces, key=lambda p: (p.y0 + p.y1) / 2):
        h = p.y1 - p.y0
        for row in rows[-3:]:
            overlap = min(row.y1, p.y1) - max(row.y0, p.y0)
            if overlap > 0.5 * min(h, row.y1 - row.y0) and all(
                q.x1 <= p.x0 or p.x1 <= q.x0 for q in row.pieces
            ):
                row.pieces.append(p)
                row.pieces.sort(key=lambda q: q.x0)
                break
        else:
            rows.append(Row([p]))
    return rows


def _geometry(rows: list[Row], width: int) -> Geometry:
    singles = [r.pieces[0] for r in rows if len(r.pieces) == 1]
    wide = [p for p in singles if p.x1 - p.x0 > 0.5 * width] or singles or [p for r in rows for p in r.pieces]
    if not wide:
        return Geometry(width, 0, width, 40.0, 0.02 * width)
    step = 0.01 * width
    counts = Counter(round(p.x0 / step) for p in wide)
    # continuation lines start at the margin; first lines are indented past it
    bucket = min(b for b, n in counts.items() if n >= 0.15 * len(wide) or n == max(counts.values()))
    left = min(p.x0 for p in wide if round(p.x0 / step) == bucket)
    right = statistics.median(sorted(p.x1 for p in wide)[len(wide) // 2 :])
    heights = [p.y1 - p.y0 for p in wide]
    return Geometry(width, left, int(right), float(statistics.median(heights)), 0.02 * width)


# --------------------------------------------------------------------------
# Ruling lines and grids
# --------------------------------------------------------------------------


def horizontal_rules(image, min_fraction: float = 0.25) -> list[tuple[int, int, int]]:
    """Horizontal ruling lines of a page image: (y, x0, x1) in pixels.

    A pixel row belongs to a rule when one run of dark pixels covers at least
    ``min_fraction`` of the page width (text never does); touching rows are
    one rule. ``image`` is a PIL image or its boolean ink array."""
    import numpy as np

    a = image if isinstance(image, np.ndarray) else np.asarray(image.convert("L")) < 128
    h, w = a.shape
    need = int(min_fraction * w)
    cand = np.nonzero(a.sum(axis=1) >= need)[0]
    rules: list[tuple[int, int, int]] = []
    for y in cand:
        row = a[y].astype(np.int8)
        edges = np.diff(np.concatenate(([0], row, [0])))
        starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
        k = int(np.argmax(ends - starts))
        if ends[k] - starts[k] < need:
            continue
        if rules and y - rules[-1][0] <= 3 and abs(starts[k] - rules[-1][1]) < 20:
            continue
        rules.append((int(y), int(starts[k]), int(ends[k])))
    return rules


@dataclass
class Frame:
    """A ruled table: the x of its vertical rules and the y of its horizontal ones."""

    xs: list[int]
    ys: list[int]

    def holds(self, w: Word) -> bool:
        cx, cy = (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2
        return self.xs[0] <= cx <= self.xs[-1] and self.ys[0] <= cy <= self.ys[-1]


def vertical_rules(ink, min_length: int) -> list[tuple[int, int, int]]:
    """Vertical ruling lines (x, y0, y1): a column of pixels with one run of
    ink at least ``min_length`` long (a column of text never has one)."""
    import numpy as np

    out: list[tuple[int, int, int]] = []
    for x in np.nonzero(ink.sum(axis=0) >= min_length)[0]:
        edges = np.diff(np.concatenate(([0], ink[:, x].astype(np.int8), [0])))
        starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
        k = int(np.argmax(ends - starts))
        if ends[k] - starts[k] < min_length:
            continue
        if out and x - out[-1][0] <= 4:
            continue  # the same rule, a few pixels thick
        out.append((int(x), int(starts[k]), int(ends[k])))
    return out


def _merge_close(values: list[int], tol: int = 8) -> list[int]:
    out: list[int] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def ruled_frames(ink, hrules: list[tuple[int, int, int]]) -> list[Frame]:
    """The ruled tables of a page: vertical rules that overlap in height make
    the columns; the horizontal rules across most of their width cut the rows."""
    h, w = ink.shape
    vr = vertical_rules(ink, max(int(0.05 * h), 40))
    frames: list[Frame] = []
    for x, y0, y1 in sorted(vr, key=lambda r: r[1]):
        f = next((f for f in frames if y0 < f.ys[-1] and y1 > f.ys[0]), None)
        if f is None:
            frames.append(Frame([x], [y0, y1]))
        else:
            f.xs.append(x)
            f.ys = [min(f.ys[0], y0), max(f.ys[-1], y1)]
    out: list[Frame] = []
    for f in frames:
        xs = _merge_close(f.xs)
        if len(xs) < 3:  # a box or a single rule is not a table
            continue
        top, bottom = f.ys
        span = xs[-1] - xs[0]
        ys = [y for y, a, b in hrules if top - 8 <= y <= bottom + 8 and b - a >= 0.6 * span]
        out.append(Frame(xs, _merge_close(ys + [top, bottom])))
    return out


def _frame_blocks(frame: Frame, words: list[Word], page: int, scale: float, table_id: int) -> list[Block]:
    """One table row per band between horizontal rules, one cell per column."""
    grid: list[list[list[Piece]]] = [[[] for _ in frame.xs[1:]] for _ in frame.ys[1:]]
    for wd in words:
        cx, cy = (wd.x0 + wd.x1) / 2, (wd.y0 + wd.y1) / 2
        r = max(0, min(sum(cy > y for y in frame.ys) - 1, len(grid) - 1))
        c = max(0, min(sum(cx > x for x in frame.xs) - 1, len(frame.xs) - 2))
        grid[r][c].append(Piece([wd]))
    rows = [[_lines_of(cell) for cell in row] for row in grid]
    return _table_blocks(rows, page, scale, table_id)


def _lines_of(pieces: list[Piece]) -> list[Piece]:
    """Words of one cell joined into its lines (words whose middles share a band)."""
    lines: list[list[Word]] = []
    for p in sorted(pieces, key=lambda p: ((p.y0 + p.y1) / 2, p.x0)):
        wd = p.words[0]
        mid = (wd.y0 + wd.y1) / 2
        top, bottom = (min(x.y0 for x in lines[-1]), max(x.y1 for x in lines[-1])) if lines else (0, -1)
        # a word whose middle lies in the line's band (a "-" or "." is short, not elsewhere)
        if lines and (top <= mid <= bottom or wd.y0 <= (top + bottom) / 2 <= wd.y1):
            lines[-1].append(wd)
        else:
            lines.append([wd])
    return [Piece(sorted(ws, key=lambda x: x.x0)) for ws in lines]


def _fits_one_column(p: Piece, bounds: list[float]) -> Optional[int]:
    """The column (index) that holds the piece, or None when it crosses a gutter."""
    col = sum(p.x0 >= b for b in bounds)
    if col < len(bounds) and p.x1 > bounds[col] + 5:
        return None
    return col


def _gutters(row: Row) -> list[float]:
    return [(a.x1 + b.x0) / 2 for a, b in zip(row.pieces, row.pieces[1:])]


def _grid_end(rows: list[Row], start: int, geo: Geometry) -> tuple[int, list[float]]:
    """Rows [start, end) that form one grid, and its column bounds."""
    bounds = _gutters(rows[start])
    last_y1 = {col: p.y1 for col, p in _assign(rows[start], bounds).items()}
    k = start + 1
    while k < len(rows):
        row = rows[k]
        if len(row.pieces) >= 2:
            if len(row.pieces) > len(bounds) + 1:
                bounds = _gutters(row)
            for col, p in _assign(row, bounds).items():
                last_y1[col] = p.y1
            k += 1
            continue
        p = row.pieces[0]
        col = _fits_one_column(p, bounds)
        above = last_y1.get(col) if col is not None else None
        if above is None or p.y0 - above > 0.6 * geo.line_height:
            break
        last_y1[col] = p.y1
        k += 1
    return k, bounds


def _assign(row: Row, bounds: list[float]) -> dict[int, Piece]:
    out: dict[int, Piece] = {}
    for p in row.pieces:
        col = min(sum(((p.x0 + p.x1) / 2) >= b for b in bounds), len(bounds))
        if col in out:
            out[col] = Piece(out[col].words + p.words)
        else:
            out[col] = p
    return out


def _grid_rows(rows: list[Row], bounds: list[float], rules: list[tuple[int, int, int]], geo: Geometry) -> list[list[list[Piece]]]:
    """Cut the grid's rows into table rows: at ruling lines when the grid has
    them, else at vertical gaps wider than the line spacing."""
    top, bottom = rows[0].y0, rows[-1].y1
    cuts = [y for y, _, _ in rules if top - geo.line_height < y < bottom + geo.line_height]
    inner = [y for y in cuts if top < y < bottom]
    out: list[list[list[Piece]]] = []
    prev_y1: Optional[int] = None
    for row in rows:
        crossed = any(prev_y1 is not None and prev_y1 <= y <= row.y0 + 2 for y in inner)
        gap_cut = not inner and prev_y1 is not None and row.y0 - prev_y1 > 0.8 * geo.line_height
        if not out or crossed or gap_cut:
            out.append([[] for _ in range(len(bounds) + 1)])
        for col, p in _assign(row, bounds).items():
            out[-1][col].append(p)
        prev_y1 = row.y1
    return out


def _cell_text(pieces: list[Piece]) -> str:
    """The cell's words line by line (a "-" a little higher than its words stays in front)."""
    return " ".join(line.text for line in _lines_of([Piece([w]) for p in pieces for w in p.words]))


def _box(pieces: list[Piece], scale: float) -> tuple[float, float, float, float]:
    return (
        round(min(p.x0 for p in pieces) * scale, 2),
        round(min(p.y0 for p in pieces) * scale, 2),
        round(max(p.x1 for p in pieces) * scale, 2),
        round(max(p.y1 for p in pieces) * scale, 2),
    )


def _table_blocks(cells_rows: list[list[list[Piece]]], page: int, scale: float, table_id: int) -> list[Block]:
    blocks: list[Block] = []
    for r, cols in enumerate(cells_rows):
        cells = [_cell_text(ps) for ps in cols]
        if not any(cells):
            continue
        every = [p for ps in cols for p in ps]
        blocks.append(
            Block(
                kind="table_row",
                text=" | ".join(cells),
                cells=cells,
                table_id=table_id,
                row_index=len(blocks),
                location=Location(page=page, bbox=_box(every, scale), table=table_id, row=len(blocks)),
                cell_locations=[
                    Location(page=page, bbox=_box(ps, scale) if ps else None, table=table_id, row=len(blocks), cell=c)
                    for c, ps in enumerate(cols)
                ],
            )
        )
    return blocks


# --------------------------------------------------------------------------
# Bold, from the thickness of the strokes
# --------------------------------------------------------------------------

BOLD_RATIO = 1.35  # measured: regular strokes ~6 px at 300 dpi, bold ~10 px


def stroke_width(ink, box: tuple[int, int, int, int]) -> float:
    """Mean length of the horizontal runs of ink in ``box`` of the boolean
    array ``ink``: the thickness of the vertical strokes, which bold doubles
    whatever the letters (capitals, tone marks)."""
    import numpy as np

    x0, y0, x1, y1 = box
    sub = ink[max(y0, 0) : y1, max(x0, 0) : x1]
    if sub.size == 0:
        return 0.0
    runs = int((np.diff(sub.astype(np.int8), axis=1) == 1).sum() + sub[:, 0].sum())
    return float(sub.sum()) / runs if runs else 0.0


def mark_bold(pieces: list[Piece], ink) -> None:
    """Mark the pieces whose strokes are markedly thicker than the page's
    usual text (the median over its pieces) as bold. ``ink``: the page as a
    boolean array (True = dark)."""
    if ink is None or not pieces:
        return
    widths = [stroke_width(ink, (p.x0, p.y0, p.x1, p.y1)) for p in pieces]
    usual = statistics.median(w for w in widths if w > 0) if any(widths) else 0.0
    for p, w in zip(pieces, widths):
        p.bold = usual > 0 and w >= BOLD_RATIO * usual


# --------------------------------------------------------------------------
# Paragraphs
# --------------------------------------------------------------------------


def _mostly_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _starts_paragraph(prev: Piece, p: Piece, geo: Geometry) -> bool:
    """Whether line ``p`` begins a new paragraph after line ``prev``."""
    if p.y0 - prev.y1 > 0.8 * geo.line_height:
        return True  # a blank line's worth of space
    if p.x0 > geo.left + geo.indent:
        return True  # a first-line indent (or a centred line)
    # the line broke although the next word would have fitted: a deliberate break
    first = p.words[0]
    deliberate = geo.right - prev.x1 > (first.x1 - first.x0) + 0.02 * geo.width
    if deliberate:
        return not (_centred(prev, geo) and _centred(p, geo) and _mostly_upper(prev.text) == _mostly_upper(p.text))
    return bool(_MARKER_RE.match(p.text)) and prev.text.rstrip().endswith(_SENTENCE_END)


def _centred(p: Piece, geo: Geometry) -> bool:
    """Equal margins on both sides, each wider than an indent."""
    lm, rm = p.x0 - geo.left, geo.right - p.x1
    return lm > geo.indent and rm > geo.indent and abs(lm - rm) < 0.03 * geo.width


def _paragraph_blocks(pieces: list[Piece], geo: Geometry, page: int, scale: float) -> list[Block]:
    paras: list[list[Piece]] = []
    for p in pieces:
        if paras and not _starts_paragraph(paras[-1][-1], p, geo):
            paras[-1].append(p)
        else:
            paras.append([p])
    return [
        Block(
            kind="paragraph",
            text=" ".join(q.text for q in para),
            bold=all(q.bold for q in para),
            centered=all(_centred(q, geo) for q in para),
            location=Location(page=page, bbox=_box(para, scale)),
        )
        for para in paras
    ]


# --------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------


def _drop_page_numbers(rows: list[Row], width: int, height: int) -> list[Row]:
    def is_number(r: Row) -> bool:
        if len(r.pieces) != 1 or not (r.y1 < 0.1 * height or r.y0 > 0.9 * height):
            return False
        p = r.pieces[0]
        # "12", "- 3 -", or the two or three letters OCR makes of a small page number
        return bool(_PAGE_NUMBER_RE.match(p.text)) or (len(p.text) <= 3 and p.x1 - p.x0 < 0.03 * width)

    return [r for r in rows if not is_number(r)]


def _ink(image):
    if image is None:
        return None
    import numpy as np

    return np.asarray(image.convert("L")) < 128


def rebuild_page(data: dict, page_number: int, scale: float, size: tuple[int, int], image=None,
                 first_table_id: int = 0) -> list[Block]:
    """Blocks of one OCR'd page from ``pytesseract.image_to_data`` output.

    ``size`` is the image's (width, height) in pixels, ``scale`` turns pixels
    into PDF points; ``image`` (optional) gives the ruling lines of tables and
    the stroke widths (bold). Table ids start at ``first_table_id``.
    """
    width, height = size
    ink = _ink(image)
    hrules = horizontal_rules(ink) if ink is not None else []
    frames = ruled_frames(ink, hrules) if ink is not None else []
    lines = _lines(data)
    framed: list[list[Word]] = [[] for _ in frames]
    free: list[list[Word]] = []
    for ws in lines:
        rest = []
        for w in ws:
            f = next((k for k, fr in enumerate(frames) if fr.holds(w)), None)
            (framed[f] if f is not None else rest).append(w)
        if rest:
            free.append(rest)
    gutter = max(5.0 * _word_gap(lines), 0.04 * width)
    rows = _drop_page_numbers(_rows([p for ws in free for p in _split_line(ws, gutter)]), width, height)
    if not rows and not any(framed):
        return []
    mark_bold([p for r in rows for p in r.pieces], ink)
    geo = _geometry(rows or [Row([Piece(ws)]) for ws in lines], width)
    tables = [(fr.ys[0], k) for k, fr in enumerate(frames) if framed[k]]
    return _walk(rows, tables, frames, framed, geo, hrules, page_number, scale, first_table_id)


def _walk(rows, tables, frames, framed, geo, hrules, page_number, scale, table_id) -> list[Block]:
    """Blocks in reading order: paragraphs, grids and ruled tables by their tops."""
    blocks: list[Block] = []
    flow: list[Piece] = []
    pending = sorted(tables)
    k = 0
    while k < len(rows) or pending:
        if pending and (k >= len(rows) or pending[0][0] <= rows[k].y0):
            blocks += _paragraph_blocks(flow, geo, page_number, scale)
            flow = []
            f = pending.pop(0)[1]
            blocks += _frame_blocks(frames[f], framed[f], page_number, scale, table_id)
            table_id += 1
            continue
        if len(rows[k].pieces) < 2:
            flow.append(rows[k].pieces[0])
            k += 1
            continue
        end, bounds = _grid_end(rows, k, geo)
        if pending:
            end = min(end, next((j for j in range(k, end) if rows[j].y0 >= pending[0][0]), end))
        if sum(len(r.pieces) >= 2 for r in rows[k:end]) < 2:
            # one row with a gap (a word OCR dropped, a tab stop) is a line, not a table
            flow.append(Piece([w for p in rows[k].pieces for w in p.words], all(p.bold for p in rows[k].pieces)))
            k += 1
            continue
        blocks += _paragraph_blocks(flow, geo, page_number, scale)
        flow = []
        blocks += _table_blocks(_grid_rows(rows[k:end], bounds, hrules, geo), page_number, scale, table_id)
        table_id += 1
        k = end
    blocks += _paragraph_blocks(flow, geo, page_number, scale)
    return blocks


# --------------------------------------------------------------------------
# Numbering read wrong
# --------------------------------------------------------------------------

_ROMAN_AT_START = re.compile(r"^([IVXLC]{1,7})(\s*[.\-–)]\s)")
_ARABIC_AT_START = re.compile(r"^(\d{1,2})(\s*[.)]\s)(?!\d)")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(s: str) -> Optional[int]:
    """Value of a well-formed Roman numeral (I..CXCIX), else None."""
    if not s or any(c not in _ROMAN_VALUES for c in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _ROMAN_VALUES[a]
        total += -v if b != " " and _ROMAN_VALUES[b] > v else v
    return total if to_roman(total) == s else None


def to_roman(n: int) -> str:
    out = ""
    for v, r in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + r, n - v
    return out


def _fixed_sequence(values: list[Optional[int]]) -> list[Optional[int]]:
    """The numbers of one run of items with OCR misreadings undone.

    An item may restart the run at 1; otherwise it should be the previous
    one plus one. A number that goes back (or cannot be read) is the next
    one misread; a number that jumps ahead while the item after it is the
    expected next-but-one is misread too. Other jumps are left alone."""
    out: list[Optional[int]] = []
    prev = 0
    for k, v in enumerate(values):
        nxt = values[k + 1] if k + 1 < len(values) else None
        expected = prev + 1
        if v == 1 or v == expected or prev == 0:
            fixed = v
        elif v is None or v <= prev or (nxt is not None and nxt == expected + 1):
            fixed = expected
        else:
            fixed = v
        out.append(fixed)
        prev = fixed if fixed is not None else prev
    return out


def repair_numbering(blocks: list[Block]) -> list[Block]:
    """Undo OCR misreadings of section and item numbers ("II." for "III.",
    "3." for "5.") from their sequence: Roman-numbered parts run through the
    document, Arabic-numbered items restart under each part. Paragraph
    texts are rewritten in place; table rows are left alone."""
    paras = [b for b in blocks if b.kind == "paragraph"]
    _restore_lost_romans(paras)
    romans = [(b, m) for b in paras if (m := _ROMAN_AT_START.match(b.text))]
    fixed_romans = _roman_run([m.group(1) for _, m in romans])
    for (b, m), fixed in zip(romans, fixed_romans):
        if fixed is not None and to_roman(fixed) != m.group(1):
            b.text = to_roman(fixed) + b.text[m.end(1) :]
    part: list[tuple[Block, re.Match]] = []
    for b in paras + [None]:  # type: ignore[list-item]
        m = _ROMAN_AT_START.match(b.text) if b is not None else None
        if b is None or m:
            _repair_arabic(part)
            part = []
            continue
        a = _ARABIC_AT_START.match(b.text)
        if a:
            part.append((b, a))
    return blocks


# what OCR makes of a Roman numeral and its point: "HIL", "Il.", "1V", "III,"
_ROMANISH_AT_START = re.compile(r"^([IVXLHTl1|!]{1,5})[.,:;]?\s+(?=\S)")


def _restore_lost_romans(paras: list[Block]) -> None:
    """A heading in capitals whose numeral OCR garbled ("HIL GIẢI PHÁP")
    between parts II and IV is part III: rewritten when its neighbours in
    the run of Roman-numbered parts leave exactly its number free."""
    marks: list[tuple[int, Optional[int]]] = []  # (paragraph index, value or None when garbled)
    for k, b in enumerate(paras):
        m = _ROMAN_AT_START.match(b.text)
        if m and roman_value(m.group(1)) is not None:
            marks.append((k, roman_value(m.group(1))))
            continue
        g = _ROMANISH_AT_START.match(b.text)
        if g and not g.group(1).isdigit() and _mostly_upper(b.text[g.end() :][:60]):
            marks.append((k, None))
    for i, (k, v) in enumerate(marks):
        if v is not None:
            continue
        before = next((x for _, x in reversed(marks[:i]) if x is not None), 0)
        after = next((x for _, x in marks[i + 1 :] if x is not None), None)
        if after is not None and after == before + 2:
            b = paras[k]
            b.text = to_roman(before + 1) + ". " + b.text[_ROMANISH_AT_START.match(b.text).end() :]
            marks[i] = (k, before + 1)


def _edits(a: str, b: str) -> int:
    """Levenshtein distance of two short strings."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _roman_run(marks: list[str]) -> list[Optional[int]]:
    """Numbers of the document's Roman-numbered parts. The parts run I, II,
    III, … once through a document; when every numeral that breaks that run
    is one stroke away from its place's numeral ("I" for "II", "II" for
    "III": OCR drops or adds a thin stroke), the whole run is renumbered.
    Otherwise (an appendix that starts again at I, say) only plain slips are
    undone (see :func:`_fixed_sequence`)."""
    if len(marks) >= 2 and marks[-1] == marks[-2]:
        # the last part numbered like the one before, nothing after it to
        # confirm a misreading: the document's own slip, kept as written
        return _roman_run(marks[:-1]) + [roman_value(marks[-1])]
    wrong = [(m, to_roman(k)) for k, m in enumerate(marks, 1) if m != to_roman(k)]
    if wrong and len(wrong) <= len(marks) / 2 and all(_edits(m, want) == 1 for m, want in wrong):
        return list(range(1, len(marks) + 1))
    return _fixed_sequence([roman_value(m) for m in marks])


def _repair_arabic(items: list[tuple[Block, re.Match]]) -> None:
    values: list[Optional[int]] = [int(m.group(1)) for _, m in items]
    for (b, m), v, fixed in zip(items, values, _fixed_sequence(values)):
        if fixed is not None and fixed != v:
            b.text = str(fixed) + b.text[m.end(1) :]


# --------------------------------------------------------------------------
# Across page breaks
# --------------------------------------------------------------------------

_LOWER_START = re.compile(r"^[a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]")


def _row_continues(prev: Block, row: Block) -> bool:
    """A table's first row on a new page is the rest of the row the page
    break cut: every filled cell reads like the rest of a sentence."""
    filled = [c.strip() for c in row.cells or [] if c.strip()]
    return bool(filled) and all(_LOWER_START.match(c) for c in filled)


def _join_tables(prev: Block, first: list[Block]) -> list[Block]:
    """Rows of the table that opens a page, joined to the table of the page before."""
    rows = list(first)
    header = prev.header
    if rows and header and [c.strip() for c in rows[0].cells or []] == [h.strip() for h in header]:
        rows = rows[1:]  # the header row printed again
    if rows and _row_continues(prev, rows[0]):
        prev.cells = [" ".join(x for x in (a.strip(), b.strip()) if x) for a, b in zip(prev.cells or [], rows[0].cells or [])]
        prev.text = " | ".join(prev.cells)
        rows = rows[1:]
    for k, r in enumerate(rows, (prev.row_index or 0) + 1):
        r.table_id, r.row_index, r.header = prev.table_id, k, header
        r.location.table, r.location.row = prev.table_id, k
    return rows


def _mark_headers(blocks: list[Block]) -> None:
    """A table's first row that names its columns is its header row."""
    from .text import _looks_like_header

    header: dict[int, list[str]] = {}
    for b in blocks:
        if b.kind != "table_row" or b.table_id is None:
            continue
        if b.row_index == 0 and _looks_like_header(b):
            b.is_header_row = True
            header[b.table_id] = list(b.cells or [])
        elif b.table_id in header:
            b.header = header[b.table_id]


def join_pages(pages: dict[int, list[Block]]) -> None:
    """Mend what page breaks cut, in place: a table that goes on at the top
    of the next page (same number of columns) keeps its id and header, and
    a row cut by the break is joined; a paragraph cut by the break (the next
    page starts in lower case) is joined."""
    numbers = sorted(pages)
    for n in numbers:
        _mark_headers(pages[n])
    for a, b in zip(numbers, numbers[1:]):
        before, after = pages[a], pages[b]
        if not before or not after:
            continue
        last, first = before[-1], after[0]
        if last.kind == "table_row" and first.kind == "table_row" and len(last.cells or []) == len(first.cells or []):
            k = 0
            while k < len(after) and after[k].kind == "table_row" and after[k].table_id == first.table_id:
                k += 1
            pages[b] = _join_tables(last, after[:k]) + after[k:]
        elif last.kind == "paragraph" and first.kind == "paragraph" and _LOWER_START.match(first.text) \
                and not last.text.rstrip().endswith(_SENTENCE_END):
            last.text = last.text.rstrip() + " " + first.text.lstrip()
            pages[b] = after[1:]


__all__ = ["rebuild_page", "join_pages", "horizontal_rules", "vertical_rules", "ruled_frames", "repair_numbering", "roman_value", "to_roman"]
