"""PDF reader: pypdfium2 for the text, pdfplumber's table finder for tables.

Why two libraries: pypdfium2 reads a page's text in a millisecond or two and
honours ``ActualText`` spans, which LibreOffice writes when a font lacks the
precomposed Vietnamese letters (pdfplumber then returns ``(cid:15)`` and
"hiệủ qủa"). pdfplumber finds ruled tables well, but parsing a page with it
costs ~0.1-0.3 s. So only its table *finder* is used, on pages that draw
straight-edged paths, fed with the path boxes pdfium already has (explicit
edges: pdfplumber's snapping, joining and cell building without its
parser). It gives cell boxes; the cell text is read from pdfium's characters
inside each box, so it is right on the same fonts.

The page is read as characters with boxes (pdfium), grouped into line
segments (split at pdfium's line breaks and at wide horizontal gaps, so two
columns on one baseline stay apart). Paragraphs are rebuilt from geometry:

* a line starts a paragraph when the vertical gap grows, when it is indented
  more than the line before, when its font size or weight changes, when it
  starts with a list marker after a line that ended a sentence, or when the
  previous line ended early (its first word would have fitted there);
* running headers/footers (the same text, digits aside, in the top or bottom
  band of most pages) and lone page numbers are dropped;
* a word broken by a hyphen at the end of a line is joined again
  ("phát tri-" + "ển" → "phát triển"; "57-" + "NQ/TW" → "57-NQ/TW");
* a paragraph that runs over a page break is joined to its start.

Side-by-side text without rules (the two-column header block of official
letters) becomes a table row whose cells are the columns, so the words come
out column by column as a reader would read them.

Pages are processed one at a time (only light line records are kept), so a
1,000-page file never sits in memory as parsed pages; ``options.max_pages``
caps the work. Pages without a text layer go to OCR
(:func:`directive_nlp.ingest.ocr.ocr_pdf_pages`) when it is available.
"""

from __future__ import annotations

import ctypes
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..errors import (
    CorruptFileError,
    EncryptedFileError,
    OCRUnavailableError,
    ScannedDocumentError,
    TooLargeError,
)
from ..models import Block, Location, SourceDocument, SourceInfo
from . import ReadOptions, legacy, sha256_bytes
from .pdf_chars import BoxSelector, FontInfo, PageChars, read_page_chars, segment_spans
from .text import _looks_like_header  # the same header test as Markdown tables

# a line that starts a list item or a numbered heading
_MARKER_RE = re.compile(
    r"^(?:[-+•–*]\s|\d{1,3}(?:\.\d{1,3})*[.)]\s|[a-zđ][).]\s|[IVXLC]{1,6}\s*[.\-–)]\s"
    r"|(?:Điều|Chương|Mục|Phần|PHẦN|CHƯƠNG|MỤC|Phụ lục|PHỤ LỤC)\s+\w+)"
)
_PAGE_NUMBER_RE = re.compile(r"^[-–—\s]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.I)
_SENTENCE_END = tuple(".:;!?…")
_STT_RE = re.compile(r"^(?:\d{1,3}|[IVXLC]{1,6}|[a-zđ])[.)]?$")
_LOWER_LETTER = re.compile(r"[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")

MARGIN_BAND = 0.09  # share of the page height at top and bottom where running headers/footers live


@dataclass
class _Line:
    """One line segment of a page (top-left coordinates, PDF points)."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    size: float
    bold: bool
    first_word_w: float  # width of the first word, for the "would it have fitted" test
    kind: str = "line"  # "line" | "row"
    first_bold: bool = False  # weight where the line starts and ends: a paragraph goes on
    last_bold: bool = False  # across a line break only if the weight does
    cells: Optional[list[str]] = None
    table_key: Optional[tuple[int, int]] = None  # (page, table index on page)
    row_index: int = 0
    cell_bold: Optional[list[bool]] = None
    filled: Optional[list[str]] = None
    ncols: int = 0
    cell_boxes: Optional[list[Optional[tuple[float, float, float, float]]]] = None


@dataclass
class _Page:
    number: int
    width: float
    height: float
    items: list[_Line] = field(default_factory=list)


# --------------------------------------------------------------------------
# opening
# --------------------------------------------------------------------------


def _open_pdfium(data: bytes):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    if b"%%EOF" not in data[-4096:] and data.rfind(b"%%EOF") < 0:  # (junk after %%EOF is fine)
        raise CorruptFileError(
            "the PDF is truncated (no end-of-file marker); download or export it again"
        )
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD or "password" in str(e).lower():
            raise EncryptedFileError()
        if code == raw.FPDF_ERR_SECURITY:
            raise EncryptedFileError(
                "the PDF uses an unsupported security handler; print it to a new PDF and try again"
            )
        raise CorruptFileError(
            "the PDF is corrupt and cannot be opened; export it again from the source program"
        )


# --------------------------------------------------------------------------
# characters -> line segments (pdfium)
# --------------------------------------------------------------------------


def _page_chars(textpage, page_height: float, legacy, found_enc: list[str]) -> PageChars:
    """Characters of a page with their boxes (read in bulk: :mod:`.pdf_chars`);
    legacy font runs converted to Unicode when the font name gives the encoding away."""
    import pypdfium2.raw as raw

    chars = read_page_chars(textpage, page_height)
    if legacy is not None and chars.text:
        items = _convert_legacy_runs(FontInfo(raw, textpage.raw), chars, legacy, found_enc)
        if items is not None:
            chars = PageChars.from_items(items)
    return chars


def _convert_legacy_runs(fonts: FontInfo, page: PageChars, legacy, found_enc: list[str]) -> Optional[list[tuple]]:
    """Convert runs of characters drawn with a legacy (.VnTime, VNI-Times) font.

    The font is sampled once per line first; only when a legacy font shows up
    on the page is every character's font looked up (it costs a call each).
    Returns None when the page has no legacy font.
    """
    known: dict[str, object] = {}

    def encoding(i: int):
        name = fonts.name(i)
        if name not in known:
            known[name] = legacy.font_encoding(name)
        return known[name]

    text, index = page.text, page.index
    sample = {0} | {m.start() + 1 for m in re.finditer("\n", text) if m.start() + 1 < len(text)}
    if not any(encoding(int(index[k])) for k in sample if text[k] not in "\r\n"):
        return None
    chars = page.items
    out = []
    k = 0
    while k < len(chars):
        c = chars[k]
        if c[0] in "\r\n" or c[0] == " ":
            out.append(c)
            k += 1
            continue
        enc = encoding(c[5])
        if not enc:
            out.append(c)
            k += 1
            continue
        j = k
        while j < len(chars) and chars[j][0] not in "\r\n" and (chars[j][0] == " " or encoding(chars[j][5]) == enc):
            j += 1
        run = chars[k:j]
        converted = legacy.convert("".join(x[0] for x in run), enc[0], upper=enc[1])
        if enc[0] not in found_enc:
            found_enc.append(enc[0])
        # spread the converted text over the run's boxes (lengths may differ by a few)
        for m, ch in enumerate(converted):
            src = run[min(m * len(run) // max(len(converted), 1), len(run) - 1)]
            out.append((ch,) + src[1:])
        k = j
    return out


def _segments(fonts: FontInfo, chars: PageChars, page_no: int,
              skip_boxes: list[tuple[float, float, float, float]]) -> list[_Line]:
    """Line segments of a page (cut by :func:`.pdf_chars.segment_spans`: at
    pdfium's line breaks and at wide gaps; characters inside ``skip_boxes``,
    table areas read separately, left out), with font size and weight."""
    lines: list[_Line] = []
    for s in segment_spans(chars, skip_boxes):
        size = fonts.size(s.first) or s.first_height
        first_bold = fonts.bold(s.first)
        last_bold = fonts.bold(s.last) if s.last != s.first else first_bold
        lines.append(
            _Line(
                page=page_no, x0=s.x0, top=s.top, x1=s.x1, bottom=s.bottom, text=s.text,
                size=float(size) or 10.0, bold=bool(first_bold and last_bold),
                first_bold=bool(first_bold), last_bold=bool(last_bold), first_word_w=s.first_word_w,
            )
        )
    return lines


# --------------------------------------------------------------------------
# tables (pdfplumber geometry, pdfium text)
# --------------------------------------------------------------------------


def _rule_boxes(page, height: float) -> list[dict]:
    """Boxes of the straight-edged paths a page draws (table borders, rules),
    as pdfplumber rect objects in top-left coordinates.

    Read from pdfium's page objects: no second parse of the page. Paths
    with curves (logos, stamps) are left out; a thin box is a rule. Form
    XObjects (some writers put the whole page in one) are opened, their
    matrix applied.
    """
    import pypdfium2.raw as raw

    boxes: list[dict] = []
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = (ctypes.byref(l), ctypes.byref(b), ctypes.byref(r), ctypes.byref(t))

    def visit(objects, matrix, depth: int) -> None:
        for obj in objects:
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_FORM and depth < 4:
                m = raw.FS_MATRIX()
                inner = matrix
                if raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
                    inner = _compose((m.a, m.b, m.c, m.d, m.e, m.f), matrix)
                count = raw.FPDFFormObj_CountObjects(obj)
                visit((raw.FPDFFormObj_GetObject(obj, k) for k in range(max(count, 0))), inner, depth + 1)
                continue
            if kind != raw.FPDF_PAGEOBJ_PATH:
                continue
            n = raw.FPDFPath_CountSegments(obj)
            if n < 2 or n > 64:
                continue
            if any(
                raw.FPDFPathSegment_GetType(raw.FPDFPath_GetPathSegment(obj, k)) == raw.FPDF_SEGMENT_BEZIERTO
                for k in range(n)
            ):
                continue
            if not raw.FPDFPageObj_GetBounds(obj, *refs):
                continue
            x0, y0, x1, y1 = l.value, b.value, r.value, t.value
            if matrix is not None:
                pts = [_apply(matrix, x, y) for x in (x0, x1) for y in (y0, y1)]
                x0, x1 = min(p[0] for p in pts), max(p[0] for p in pts)
                y0, y1 = min(p[1] for p in pts), max(p[1] for p in pts)
            boxes.append(_rect(x0, height - y1, x1, height - y0, height))

    visit((raw.FPDFPage_GetObject(page.raw, i) for i in range(raw.FPDFPage_CountObjects(page.raw))), None, 0)
    return _close_open_rows(boxes, height)


def _compose(m: tuple, outer: Optional[tuple]) -> tuple:
    """The matrix ``m`` followed by ``outer`` (PDF row-vector convention)."""
    if outer is None:
        return m
    a, b, c, d, e, f = m
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: tuple, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def _rect(x0: float, top: float, x1: float, bottom: float, height: float) -> dict:
    return {
        "object_type": "rect", "x0": x0, "x1": x1, "top": top, "bottom": bottom,
        "y0": height - bottom, "y1": height - top, "width": x1 - x0, "height": bottom - top, "doctop": top,
    }


def _close_open_rows(boxes: list[dict], height: float) -> list[dict]:
    """Add the missing horizontal rule where several column rules stop or
    start at the same height without one: a row cut by a page break is often
    drawn open at the page's bottom (and the rest open at the next top), and
    a table finder needs closed cells."""
    verticals = [b for b in boxes if b["width"] < 2 and b["height"] > 3]
    horizontals = [b for b in boxes if b["height"] < 2 and b["width"] > 3]
    if len(verticals) < 2:
        return boxes
    ends: dict[float, list[dict]] = {}
    for v in verticals:
        for y in (v["top"], v["bottom"]):
            ends.setdefault(round(y * 2) / 2, []).append(v)
    added = []
    for y, vs in ends.items():
        if len(vs) < 2:
            continue
        x0 = min(v["x0"] for v in vs)
        x1 = max(v["x1"] for v in vs)
        covered = any(
            abs(h["top"] - y) <= 1.5 or abs(h["bottom"] - y) <= 1.5
            for h in horizontals
            if h["x0"] <= x0 + 2 and h["x1"] >= x1 - 2
        )
        if not covered:
            added.append(_rect(x0, y, x1, y, height))
    return boxes + added


class _GeometryPage:
    """The little of a pdfplumber page its table finder needs when every
    edge is given explicitly."""

    def __init__(self, width: float, height: float) -> None:
        self.bbox = (0.0, 0.0, width, height)


def _find_tables(boxes: list[dict], width: float, height: float):
    """Ruled tables from explicit edges, with pdfplumber's table finder
    (snapping, joining, intersections, cells): its geometry without its parser."""
    from pdfplumber.table import TableFinder

    settings = {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": boxes,
        "explicit_horizontal_lines": boxes,
    }
    try:
        return TableFinder(_GeometryPage(width, height), settings).tables
    except ValueError:  # fewer than two edges of an orientation
        return []


def _join_lines(lines: list[str]) -> str:
    out = ""
    for ln in lines:
        if not ln:
            continue
        if not out:
            out = ln
        elif (joined := _hyphen_join(out, ln)) is not None:
            out = joined
        else:
            out = out + " " + ln
    return out.replace("\ufffe", "-")


def _hyphen_join(prev: str, nxt: str) -> Optional[str]:
    """Join a word broken by a hyphen at the end of a line, or None.

    "phát tri-" + "ển" → "phát triển" (the two pieces make one syllable: the
    hyphen was only typographic); "kinh tế-" + "xã hội" → "kinh tế-xã hội"
    (two syllables: a compound's hyphen stays); "57-" + "NQ/TW" → "57-NQ/TW"
    (a code: the hyphen stays, the line break goes). "kinh tế -" + "xã hội"
    (spaced dash) is not a hyphenation.
    """
    p = prev.rstrip()
    if len(p) < 2 or p[-1] not in "-\u00ad\u2010\x02\ufffe" or p[-2].isspace() or not nxt:
        return None
    if not p[-2].isalnum():
        return None
    if p[-1] in "\u00ad\x02":
        return p[:-1] + nxt
    if _LOWER_LETTER.match(p[-2]) and _LOWER_LETTER.match(nxt[0]):
        # one syllable cut in two ("tri-" + "ển") loses the hyphen; two
        # syllables of a compound ("tế-" + "xã hội") keep it
        from ..language import is_syllable

        head = re.split(r"[^\w]", p[:-1])[-1]
        tail = re.split(r"[^\w]", nxt)[0]
        if is_syllable(head + tail):
            return p[:-1] + nxt
        return p[:-1] + "-" + nxt
    if nxt[0].isalnum():
        return p[:-1] + "-" + nxt
    return None


def _tables(boxes: list[dict], width: float, height: float, chars: PageChars, page_no: int,
            fonts: Optional[FontInfo] = None) -> list[_Line]:
    """Ruled tables of a page as row items (cells read from pdfium)."""
    found = _find_tables(boxes, width, height)
    select = BoxSelector(chars) if found else None
    rows_out: list[_Line] = []
    for ti, table in enumerate(found):
        rows = table.rows
        ncols = max((len(r.cells) for r in rows), default=0)
        if ncols < 2 and len(rows) < 2:
            continue  # a boxed paragraph, not a table
        if ncols < 2:
            continue
        above: list[Optional[str]] = [None] * ncols  # text of the cell above, for vertical merges
        tchars = select.table(table.bbox)
        for ri, row in enumerate(rows):
            cells: list[str] = []
            filled: list[str] = []
            cell_boxes: list[Optional[tuple[float, float, float, float]]] = []
            cell_bold: list[bool] = []
            bbox_row = row.bbox
            # the usual bottom of the row's cells: a cell reaching lower is merged downwards
            row_bottom = min((c[3] for c in row.cells if c is not None), default=bbox_row[3])
            # characters of this row's band (merged cells may reach lower)
            band_bottom = max((c[3] for c in row.cells if c is not None), default=bbox_row[3])
            rchars = select.band(tchars, bbox_row[1], band_bottom)
            for ci in range(ncols):
                box = row.cells[ci] if ci < len(row.cells) else None
                cell_boxes.append(tuple(round(v, 2) for v in box) if box is not None else None)
                if box is None:
                    # covered by a merged cell: the one above (rowspan) gives its text
                    # to ``filled``; one on the left (colspan) leaves the slot empty
                    cells.append("")
                    filled.append(above[ci] or "")
                    continue
                # the characters whose centre lies in the cell (not box overlap:
                # a capital with stacked marks, Ế, reaches into the cell above)
                inside = select.inside(rchars, box)
                t = _join_lines(select.lines(inside))
                if ri == 0 and fonts is not None and t.strip():
                    first = select.first_visible(inside)
                    cell_bold.append(first is not None and fonts.bold(first))
                if box[3] > row_bottom + 1:  # a cell taller than its row: merged downwards
                    above[ci] = t
                else:
                    above[ci] = None
                cells.append(t)
                filled.append(t)
            if not any(c.strip() for c in cells):
                continue
            rows_out.append(
                _Line(
                    page=page_no,
                    x0=bbox_row[0],
                    top=bbox_row[1],
                    x1=bbox_row[2],
                    bottom=row_bottom,
                    text=" | ".join(cells),
                    size=0.0,
                    bold=False,
                    first_word_w=0.0,
                    kind="row",
                    cells=cells,
                    filled=filled if filled != cells else None,
                    cell_boxes=cell_boxes,
                    cell_bold=cell_bold or None,
                    table_key=(page_no, ti),
                    row_index=ri,
                    ncols=ncols,
                )
            )
    return rows_out


def _column_bands(lines: list[_Line]) -> list[_Line]:
    """Turn runs of side-by-side segments (an unruled two-column header block)
    into table rows: one row per band, one cell per column."""
    if len(lines) < 2:
        return lines
    lines = sorted(lines, key=lambda l: (l.top, l.x0))
    n = len(lines)

    def side_by_side(a: _Line, b: _Line) -> bool:
        ov = min(a.bottom, b.bottom) - max(a.top, b.top)
        return ov > 0.5 * min(a.bottom - a.top, b.bottom - b.top) and (a.x1 < b.x0 or b.x1 < a.x0)

    flagged = [False] * n
    for i in range(n):
        for j in range(i + 1, n):
            if lines[j].top > lines[i].bottom:
                break
            if side_by_side(lines[i], lines[j]):
                flagged[i] = flagged[j] = True
    if not any(flagged):
        return lines
    out: list[_Line] = []
    i = 0
    band_no = 0
    while i < n:
        if not flagged[i]:
            out.append(lines[i])
            i += 1
            continue
        # a band: flagged lines plus unflagged lines that lie between them
        j = i
        band = []
        last_flag = i
        while j < n:
            if flagged[j]:
                last_flag = j
            elif lines[j].top - lines[last_flag].bottom > 1.2 * (lines[last_flag].bottom - lines[last_flag].top):
                break
            band.append(lines[j])
            j += 1
        band = band[: last_flag - i + 1]
        j = last_flag + 1
        # lines wrapping on below the last side-by-side line, aligned on a
        # column that is not the first (the rest of the last row's text)
        inner_x0 = {round(l.x0) for l in band if l.x0 > min(b.x0 for b in band) + 2}
        while (
            j < n
            and not flagged[j]
            and any(abs(lines[j].x0 - x) <= 2 for x in inner_x0)
            and lines[j].top - band[-1].bottom <= 0.8 * (band[-1].bottom - band[-1].top)
        ):
            band.append(lines[j])
            j += 1
        # columns: split the x range at gutters no segment crosses
        spans = sorted((l.x0, l.x1) for l in band)
        cols: list[list[float]] = []
        for a, b in spans:
            if cols and a <= cols[-1][1] + 2:
                cols[-1][1] = max(cols[-1][1], b)
            else:
                cols.append([a, b])
        if len(cols) < 2:
            out.extend(band)
            i = j
            continue
        col_lines = [sorted((l for l in band if l.x0 >= a - 2 and l.x1 <= b + 2), key=lambda l: l.top) for a, b in cols]
        # an unruled table numbered in its first column (STT: 1, 2, 3 / I, II):
        # each number starts a row; otherwise the band is one row (a header block)
        starts = [l.top for l in col_lines[0]]
        stt = len(starts) >= 2 and sum(1 for l in col_lines[0] if _STT_RE.match(l.text)) >= 0.8 * len(starts)
        bounds = starts if stt else [min(l.top for l in band)]
        for ri, top in enumerate(bounds):
            bottom = bounds[ri + 1] - 0.5 if ri + 1 < len(bounds) else float("inf")
            cells = [
                _join_lines([m.text for m in members if top - 0.5 * m.size <= m.top < bottom - 0.5 * m.size])
                if stt else _join_lines([m.text for m in members])
                for members in col_lines
            ]
            row_lines = [m for members in col_lines for m in members if not stt or top - 0.5 * m.size <= m.top < bottom - 0.5 * m.size]
            if not row_lines:
                continue
            out.append(
                _Line(
                    page=band[0].page,
                    x0=min(l.x0 for l in row_lines),
                    top=min(l.top for l in row_lines),
                    x1=max(l.x1 for l in row_lines),
                    bottom=max(l.bottom for l in row_lines),
                    text=" | ".join(cells),
                    size=band[0].size,
                    bold=False,
                    first_word_w=0.0,
                    kind="row",
                    cells=cells,
                    cell_bold=None,
                    table_key=(band[0].page, 1000 + band_no),
                    row_index=ri,
                    ncols=len(cells),
                )
            )
        band_no += 1
        i = j
    return out


# --------------------------------------------------------------------------
# running headers / footers
# --------------------------------------------------------------------------


def _in_margin(line: _Line, height: float) -> bool:
    return line.kind == "line" and (
        line.bottom < height * MARGIN_BAND + 20 or line.top > height * (1 - MARGIN_BAND) - 20
    )


def _keys(line: _Line, height: float) -> tuple[str, str]:
    """(exact, digits-masked) keys of a margin line, with its side of the page."""
    side = "T" if line.top < height / 2 else "B"
    low = " ".join(line.text.lower().split())
    return side + low, side + re.sub(r"\d+", "#", low)


def _drop_running(pages: list[_Page]) -> int:
    """Remove page numbers and headers/footers repeated on many pages.

    A margin line is running when the same text comes back on at least half
    of the pages; text that differs only in its numbers ("Trang 3", "Kế hoạch
    số 27 - trang 3") counts too, but only when it is set smaller than the
    body, so a numbered heading that happens to open every page stays.
    """
    exact: Counter[str] = Counter()
    masked: Counter[str] = Counter()
    sizes: list[float] = []
    for p in pages:
        ex, ma = set(), set()
        for l in p.items:
            if l.kind == "line":
                sizes.append(l.size)
            if _in_margin(l, p.height):
                e, m = _keys(l, p.height)
                ex.add(e)
                ma.add(m)
        exact.update(ex)
        masked.update(ma)
    body_size = statistics.median(sizes) if sizes else 0.0
    threshold = max(2, int(0.5 * len(pages) + 0.5))
    dropped = 0
    for p in pages:
        keep = []
        running = []
        for l in p.items:
            if not _in_margin(l, p.height):
                keep.append(l)
                continue
            if _PAGE_NUMBER_RE.match(l.text):
                dropped += 1
                continue
            e, m = _keys(l, p.height)
            if len(pages) >= 2 and (
                exact[e] >= threshold or (masked[m] >= threshold and l.size < body_size - 0.5)
            ):
                running.append(l)
                continue
            keep.append(l)
        if not keep:  # a header goes with body text: a page of nothing else keeps its lines
            keep = running
        else:
            dropped += len(running)
        p.items = keep
    return dropped


# --------------------------------------------------------------------------
# lines -> paragraphs
# --------------------------------------------------------------------------


def _body_geometry(pages: list[_Page]) -> tuple[float, float, float]:
    """Left margin, right margin and usual line pitch of the body text."""
    xs: Counter[int] = Counter()
    rights: list[float] = []
    pitches: list[float] = []
    for p in pages:
        prev = None
        for l in p.items:
            if l.kind != "line":
                prev = None
                continue
            xs[round(l.x0)] += len(l.text)
            rights.append(l.x1)
            if prev is not None and 0 < l.top - prev.top < 3 * l.size and abs(l.size - prev.size) < 0.5:
                pitches.append(l.top - prev.top)
            prev = l
    left = float(xs.most_common(1)[0][0]) if xs else 0.0
    right = float(statistics.quantiles(rights, n=20)[-1]) if len(rights) >= 20 else (max(rights) if rights else 0.0)
    pitch = float(statistics.median(pitches)) if pitches else 0.0
    return left, right, pitch


def _starts_paragraph(prev: _Line, line: _Line, left: float, right: float, pitch: float) -> bool:
    size = max(line.size, 1.0)
    gap_pitch = line.top - prev.top
    if line.top < prev.bottom - size * 0.3 and line.page == prev.page:
        return True  # not below the previous line (a new column or an out-of-order run)
    if abs(line.size - prev.size) > 0.6 or line.first_bold != prev.last_bold:
        return True
    if pitch and gap_pitch > 1.25 * pitch:
        return True
    if not pitch and line.top - prev.bottom > 0.8 * size:
        return True
    if line.x0 > prev.x0 + 0.8 * size and line.x0 > left + 0.8 * size:
        return True  # first-line indent
    prev_ends = prev.text.rstrip().endswith(_SENTENCE_END)
    room = right - prev.x1
    if (
        min(prev.x0, line.x0) > left + 0.8 * size
        and abs(line.x0 - prev.x0) < 0.5 * size
        and room > 0.5 * size
    ):
        # both lines at the first-line indent and the previous one short of
        # the right margin: a one-line paragraph (a heading with no final
        # stop) then a new paragraph, not a wrapped line (those go back to
        # the margin, or fill the line when a whole block is indented)
        return True
    if room > line.first_word_w + 0.5 * size and prev.x0 < right - 4 * size:
        return True  # the first word of this line would have fitted on the previous one
    if _MARKER_RE.match(line.text) and (prev_ends or room > 3 * size):
        return True
    return False


def _is_centered(line: _Line, left: float, right: float) -> bool:
    if right <= left:
        return False
    mid = (left + right) / 2
    # both sides clear of the margins, and the middle on the body's middle
    # (tighter than a first-line indent could fake: half an em)
    return (
        line.x0 > left + 2
        and line.x1 < right - 2
        and abs((line.x0 + line.x1) / 2 - mid) < max(3.0, 0.6 * line.size)
    )


def _blocks_from_pages(pages: list[_Page]) -> list[Block]:
    """The page items (lines and table rows) in reading order as blocks: lines
    joined into paragraphs, rows into tables that may go on over pages."""
    builder = _BlockBuilder(_page_geometry(pages))
    for p in pages:
        for item in p.items:
            if item.kind == "row":
                builder.add_row(item)
            else:
                builder.add_line(item)
        # ``prev`` is kept across the page break: the next page may continue the paragraph
    builder.flush()
    return builder.blocks


def _page_geometry(pages: list[_Page]) -> dict[int, tuple[float, float, float]]:
    """Body margins and pitch of each page, measured per page shape: a landscape appendix has its own."""
    by_shape: dict[tuple[int, int], list[_Page]] = {}
    for p in pages:
        by_shape.setdefault((round(p.width), round(p.height)), []).append(p)
    geometry: dict[int, tuple[float, float, float]] = {}
    for group in by_shape.values():
        g = _body_geometry(group)
        for p in group:
            geometry[p.number] = g
    return geometry


def _paragraph_block(para: list[_Line], geometry: dict[int, tuple[float, float, float]]) -> Block:
    """One paragraph from its lines (line-end hyphenation undone, box on its first page)."""
    text = ""
    for l in para:
        if not text:
            text = l.text
        else:
            joined = _hyphen_join(text, l.text.lstrip())
            text = joined if joined is not None else text.rstrip() + " " + l.text.lstrip()
    text = text.replace("\ufffe", "-")  # pdfium's line-end hyphen mark, when not a hyphenation
    first_page = [l for l in para if l.page == para[0].page]
    bbox = (
        min(l.x0 for l in first_page),
        min(l.top for l in first_page),
        max(l.x1 for l in first_page),
        max(l.bottom for l in first_page),
    )
    return Block(
        kind="paragraph",
        text=text,
        bold=all(l.bold for l in para),
        centered=all(_is_centered(l, *geometry[l.page][:2]) for l in para),
        location=Location(page=para[0].page, bbox=tuple(round(v, 2) for v in bbox)),
    )


class _BlockBuilder:
    """The blocks made so far, the paragraph being gathered and what the tables need to go on over pages."""

    def __init__(self, geometry: dict[int, tuple[float, float, float]]) -> None:
        self.geometry = geometry
        self.blocks: list[Block] = []
        self.para: list[_Line] = []
        self.prev: Optional[_Line] = None
        self.table_ids: dict[tuple[int, int], int] = {}
        self.table_headers: dict[int, list[str]] = {}
        self.last_table: Optional[tuple[int, int]] = None  # (table id, ncols) of the last row emitted
        self.next_table = 0
        self.skipped_header: Optional[tuple[int, int]] = None  # table (page, index) whose repeated header was dropped
        self.rows_in: dict[int, int] = {}  # rows emitted per table id

    def flush(self) -> None:
        if self.para:
            self.blocks.append(_paragraph_block(self.para, self.geometry))
            self.para = []

    def add_line(self, item: _Line) -> None:
        left, right, pitch = self.geometry[item.page]
        prev = self.prev
        if prev is not None and (
            prev.page == item.page and _starts_paragraph(prev, item, left, right, pitch)
            or prev.page != item.page and not _continues_over_page(prev, item, left, right)
        ):
            self.flush()
        if prev is None and self.para and not _continues_over_page(self.para[-1], item, left, right):
            self.flush()
        self.para.append(item)
        self.prev = item
        self.last_table = None if item.kind == "line" else self.last_table

    def _table_id(self, item) -> int:
        """The table a row belongs to: a table at the top of a page with the same columns continues the last one."""
        key = item.table_key
        if key not in self.table_ids:
            last = self.blocks[-1] if self.blocks else None
            cont = (
                self.last_table is not None
                and last is not None
                and last.kind == "table_row"
                and self.last_table[1] == item.ncols
                and item.row_index == 0
                and key[1] < 1000
                and (
                    key[0] != last.location.page  # the next page: the table goes on
                    or abs(item.top - last.location.bbox[3]) < 3  # same page, touching
                )
            )
            self.table_ids[key] = self.last_table[0] if cont else self.next_table
            if not cont:
                self.next_table += 1
        return self.table_ids[key]

    def add_row(self, item) -> None:
        self.flush()
        self.prev = None
        key = item.table_key
        tid = self._table_id(item)
        header = self.table_headers.get(tid)
        cells = item.cells or []
        blocks = self.blocks
        prev_row = blocks[-1] if blocks and blocks[-1].kind == "table_row" and blocks[-1].table_id == tid else None
        first_on_page = item.row_index == 0 or (item.row_index == 1 and self.skipped_header == key)
        if (
            prev_row is not None
            and first_on_page
            and key[0] != (prev_row.location.page or 0)
            and _continues_row(prev_row.cells or [], cells)
        ):
            _merge_row(prev_row, cells)
            return
        if header is not None and [c.strip() for c in cells] == [h.strip() for h in header]:
            self.skipped_header = key
            return  # the header row repeated on a new page
        row = self._row_block(item, tid, cells)
        bold_head = bool(item.cell_bold) and all(item.cell_bold) and item.ncols >= 3
        if header is None and row.row_index == 0 and (_looks_like_header(row) or bold_head):
            row.is_header_row = True
            self.table_headers[tid] = cells
        elif header is not None:
            row.header = header
        blocks.append(row)
        self.rows_in[tid] = self.rows_in.get(tid, 0) + 1
        self.last_table = (tid, item.ncols)

    def _row_block(self, item, tid: int, cells: list[str]) -> Block:
        row = Block(
            kind="table_row",
            text=" | ".join(cells),
            cells=cells,
            filled_cells=item.filled,
            table_id=tid,
            row_index=self.rows_in.get(tid, 0),
            location=Location(page=item.page, bbox=(round(item.x0, 2), round(item.top, 2), round(item.x1, 2), round(item.bottom, 2)),
                              table=tid, row=None),
        )
        row.location.row = row.row_index
        if item.cell_boxes:
            row.cell_locations = [
                Location(page=item.page, bbox=b, table=tid, row=row.row_index, cell=ci)
                for ci, b in enumerate(item.cell_boxes)
            ]
        return row


def _continues_row(prev: list[str], cells: list[str]) -> bool:
    """The first row of a table on a new page is the rest of the last row of
    the page before (a row split by the page break): its first cell is empty
    while the previous row's was not, or all its filled cells read like the
    rest of a sentence or list."""
    if len(prev) != len(cells):
        return False
    if not cells[0].strip() and prev[0].strip():
        return True
    filled = [c.strip() for c in cells if c.strip()]
    if _single_cell(prev) and _single_cell(cells) and prev[0].strip() and cells[0].strip():
        # a row merged across the table (a group heading, "III. PHÁT TRIỂN
        # … KINH") whose last words wrap onto the next page ("DOANH"): a
        # heading in capitals goes on in capitals with no final stop, a
        # sentence in lower case
        head, tail = prev[0].strip(), cells[0].strip()
        if head[-1] not in ".:;!?" and (tail.isupper() == head.isupper() or _LOWER_LETTER.match(tail)):
            return not _MARKER_RE.match(tail)
    if not filled or len(filled) >= len([c for c in prev if c.strip()]):
        return False
    return all(_LOWER_LETTER.match(c) or c[0] in "-+•–" for c in filled)


def _single_cell(cells: list[str]) -> bool:
    """Only the first cell of a row has text (a cell merged across the row)."""
    return len(cells) >= 2 and not any(c.strip() for c in cells[1:])


def _merge_row(row: Block, cells: list[str]) -> None:
    merged = []
    for a, b in zip(row.cells or [], cells):
        if not b.strip():
            merged.append(a)
        elif not a.strip():
            merged.append(b)
        else:
            j = _hyphen_join(a, b.lstrip())
            merged.append(j if j is not None else a.rstrip() + " " + b.lstrip())
    row.cells = merged
    row.text = " | ".join(merged)
    if row.filled_cells:
        row.filled_cells = [m if m.strip() else f for m, f in zip(merged, row.filled_cells)]


def _continues_over_page(prev: _Line, line: _Line, left: float, right: float) -> bool:
    """The first line of a page continues the last paragraph of the page before:
    that line is not indented and starts no list item, and the last line was
    full (its paragraph did not end there)."""
    size = max(line.size, 1.0)
    if abs(line.size - prev.size) > 0.6 or line.first_bold != prev.last_bold:
        return False
    if line.x0 > left + 0.8 * size or _MARKER_RE.match(line.text):
        return False
    if right - prev.x1 > line.first_word_w + 0.5 * size:
        return False
    return not prev.text.rstrip().endswith((".", "!", "?", ":"))


# --------------------------------------------------------------------------
# the reader
# --------------------------------------------------------------------------


def _ocr(data: bytes, pages: list[int], options: ReadOptions, warnings: list[str]):
    """OCR within the document's budget (blank pages skipped, pages and time
    capped: see :mod:`directive_nlp.ingest.ocr_budget`); the pages left out are
    named in ``warnings``."""
    from .ocr import ocr_pdf_pages
    from .ocr_budget import budget_warnings, ocr_with_budget

    plan = ocr_with_budget(data, pages, options.ocr_lang, max_pages=options.ocr_max_pages,
                           seconds=options.ocr_seconds, ocr=ocr_pdf_pages)
    warnings.extend(budget_warnings(plan, _page_list))
    return plan.blocks, plan.confidence


def read_pdf(path: Path, data: bytes, options: ReadOptions) -> SourceDocument:
    """Read a PDF into paragraph and table-row blocks (see module docstring)."""
    import pypdfium2.raw as pdfium_raw

    pdf = _open_pdfium(data)
    found_enc: list[str] = []
    warnings: list[str] = []
    try:
        total = len(pdf)
        if total == 0:
            raise CorruptFileError("the PDF has no pages; export it again from the source program")
        n = min(total, options.max_pages)
        if total > n:
            if not options.truncate:
                raise TooLargeError(
                    f"the PDF has {total} pages, more than the limit of {options.max_pages}; "
                    "raise --max-pages or split the file"
                )
            warnings.append(f"read the first {n} of {total} pages (max_pages={options.max_pages})")
        pages: list[_Page] = []
        no_text: list[int] = []
        garbled: list[int] = []  # text without a usable Unicode mapping
        for idx in range(n):
            try:
                page = pdf[idx]
            except Exception:
                raise CorruptFileError(f"page {idx + 1} of the PDF is damaged; export the file again")
            width, height = page.get_size()
            textpage = page.get_textpage()
            try:
                chars = _page_chars(textpage, height, legacy, found_enc)
                has_text = chars.has_text()
                if has_text and _garbled(chars.text):
                    garbled.append(idx + 1)
                if options.ocr == "always" or not has_text:
                    no_text.append(idx + 1)
                    pages.append(_Page(idx + 1, width, height))
                    continue
                rows: list[_Line] = []
                fonts = FontInfo(pdfium_raw, textpage.raw)
                boxes = _rule_boxes(page, height)
                if len(boxes) >= 3:
                    rows = _tables(boxes, width, height, chars, idx + 1, fonts)
                boxes = [(r.x0, r.top, r.x1, r.bottom) for r in rows]
                lines = _segments(fonts, chars, idx + 1, boxes)
                items = _column_bands(lines) + rows
                items.sort(key=lambda l: (round(l.top, 1), l.x0))
                pages.append(_Page(idx + 1, width, height, items))
            finally:
                textpage.close()
                page.close()
        ocr_pages: list[int] = []
        ocr_conf: Optional[float] = None
        ocr_blocks: dict[int, list[Block]] = {}
        if no_text:
            if options.ocr == "never":
                if len(no_text) == n:
                    raise ScannedDocumentError(
                        "the PDF has no text layer (a scan) and OCR is off (--ocr never); "
                        "allow OCR (install tesseract-ocr tesseract-ocr-vie) or give a PDF with text"
                    )
                warnings.append(f"pages without a text layer skipped (OCR off): {_page_list(no_text)}")
            else:
                try:
                    ocr_blocks, ocr_conf = _ocr(data, no_text, options, warnings)
                    ocr_pages = sorted(ocr_blocks)
                except OCRUnavailableError as e:
                    if options.ocr == "always":
                        raise OCRUnavailableError(
                            "OCR was asked for (--ocr always) but is unavailable; install "
                            "`tesseract-ocr tesseract-ocr-vie` or use --ocr auto"
                        ) from e
                    if len(no_text) == n:
                        raise OCRUnavailableError(
                            "the PDF has no text layer (a scan) and OCR is unavailable; install "
                            "`tesseract-ocr tesseract-ocr-vie` (apt-get install tesseract-ocr tesseract-ocr-vie) and try again"
                        ) from e
                    warnings.append(
                        f"pages without a text layer skipped (install tesseract-ocr tesseract-ocr-vie for OCR): {_page_list(no_text)}"
                    )
        if garbled and options.ocr == "auto":
            # a text layer of private-use codes (fonts without a Unicode map):
            # OCR reads the page better when it is there; else keep it and say so
            try:
                more, conf = _ocr(data, garbled, options, warnings)
                ocr_blocks.update(more)
                n_old = len(ocr_pages)
                ocr_pages = sorted(set(ocr_pages) | set(garbled))
                ocr_conf = conf if ocr_conf is None else round((ocr_conf * n_old + conf * len(garbled)) / max(len(ocr_pages), 1), 1)
                for p in pages:
                    if p.number in garbled:
                        p.items = []
                warnings.append(f"pages whose text has no Unicode mapping were read by OCR: {_page_list(garbled)}")
            except OCRUnavailableError:
                warnings.append(
                    f"pages whose text has no Unicode mapping (install tesseract-ocr tesseract-ocr-vie to OCR them): {_page_list(garbled)}"
                )
        _drop_running([p for p in pages if p.items])
        text_pages = [p for p in pages if p.items]
        blocks = _blocks_from_pages(text_pages) if text_pages else []
        if ocr_blocks:
            blocks = _merge_ocr(blocks, ocr_blocks)
        if _is_markdown_printout(blocks):
            blocks = _strip_markdown(blocks)
            warnings.append("the PDF is a printout of Markdown source; its markup (**, #, ---) was removed")
    finally:
        pdf.close()
    info = SourceInfo(
        path=str(path),
        format="pdf",
        pages=total,
        sha256=sha256_bytes(data),
        ocr_pages=ocr_pages,
        ocr_confidence=ocr_conf,
        encoding=found_enc[0] if found_enc else None,
        warnings=warnings,
    )
    if found_enc:
        info.warnings.append(f"converted text in legacy {', '.join(e.upper() for e in found_enc)} fonts to Unicode")
    return SourceDocument(source=info, blocks=blocks)


_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")


def _is_markdown_printout(blocks: list[Block]) -> bool:
    """A PDF whose text is Markdown source typed out (``**bold**``, ``## …``):
    converters and "print to PDF" of a .md file make these."""
    paras = [b.text for b in blocks if b.kind == "paragraph"]
    if len(paras) < 5:
        return False
    marked = sum(1 for t in paras if _MD_HEADING.match(t) or t.count("**") >= 2 or _MD_RULE.match(t))
    return marked >= max(3, len(paras) // 10)


def _strip_markdown(blocks: list[Block]) -> list[Block]:
    from .text import _strip_inline

    out = []
    for b in blocks:
        if b.kind == "paragraph":
            if _MD_RULE.match(b.text):
                continue
            t = b.text
            m = _MD_HEADING.match(t)
            if m:
                t = t[m.end():]
                b.style = f"Heading {m.group(0).count('#')}"
            stripped, _, all_bold = _strip_inline(t, 0)
            b.text = stripped
            b.bold = b.bold or all_bold
        elif b.cells:
            b.cells = [_strip_inline(c, 0)[0] for c in b.cells]
            b.text = " | ".join(b.cells)
        out.append(b)
    return out


# private-use and replacement codes, and control codes other than white space and U+0002
_UNMAPPED_RE = re.compile("[\ue000-\uf8ff\ufffd\x00\x01\x03-\x08\x0e-\x1b]")


def _garbled(text: str) -> bool:
    """Many visible characters of a page's text are control, private-use or
    replacement codes: the fonts carry no usable Unicode mapping (what
    pdfplumber shows as ``(cid:…)``; pdfium gives the raw codes)."""
    visible = len(text) - sum(map(str.isspace, text))
    if visible < 20:
        return False
    bad = len(_UNMAPPED_RE.findall(text))
    # readable text has none of these (a few PUA bullets at most)
    return bad >= 5 and bad > 0.05 * visible


def _page_list(pages: list[int]) -> str:
    return ", ".join(map(str, pages[:20])) + (" …" if len(pages) > 20 else "")


def _merge_ocr(blocks: list[Block], ocr_blocks: dict[int, list[Block]]) -> list[Block]:
    """Put OCR blocks among the text-layer blocks in page order."""
    out: list[Block] = []
    pending = sorted(ocr_blocks.items())
    for b in blocks:
        page = b.location.page or 0
        while pending and pending[0][0] < page:
            out.extend(_with_page(pending.pop(0)))
        out.append(b)
    while pending:
        out.extend(_with_page(pending.pop(0)))
    return out


def _with_page(item: tuple[int, list[Block]]) -> list[Block]:
    page, blocks = item
    for b in blocks:
        if b.location.page is None:
            b.location.page = page
    return blocks


__all__ = ["read_pdf"]
