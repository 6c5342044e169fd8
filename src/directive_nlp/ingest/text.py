"""Plain-text and Markdown reader.

Markdown as the portals and converters write it: ``**bold**``/``*italic*``
markers stripped (a ``****`` between two bold runs is a paragraph break the
converter lost), ``#`` heading marks turned into a heading style, horizontal
rules dropped, ``| a | b |`` lines kept as table rows. Every character of a
block keeps its offset in the decoded file, so spans can be shown in the
original.

A file is read as Markdown by its extension (``.md``) or, whatever its
extension, when it carries Markdown markup (:func:`looks_like_markdown`).

Plain text: paragraphs are separated by blank lines when the file has them;
otherwise each line is a block and normalisation joins wrapped lines.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Optional

from ..errors import InputError
from ..models import Block, Location, SourceDocument, SourceInfo
from . import ReadOptions, legacy, sha256_bytes
from .text_signature import signature_block, two_cell_row
from .text_table import flattened_tables

_HRULE_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")
_HEADING_RE = re.compile(r"^(#{1,6})\s+")
_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# a line that starts a new block even without a blank line before it
_NEW_BLOCK_RE = re.compile(
    r"^\s*(?:[-+•–*]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][).]\s|[IVXLC]+[.\-–)]\s|Nơi nhận|Kính gửi"
    # "Điều 5", "Chương II", "Mục 1", "Phần thứ hai": a marker follows the word ("Chương trình
    # MTQG …", "Mục tiêu …", "Điều chỉnh …" at a wrapped line's start go on with the paragraph)
    r"|(?:Điều|Chương|Mục|Phần)\s+(?:\d+|[IVXLC]+\b|[A-Z]\b|thứ\s))",
)


def decode_bytes(data: bytes) -> tuple[str, Optional[str]]:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM,
    else the legacy converters (TCVN3/VNI) get a chance. Returns the text and
    the legacy encoding name when one was converted.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), None
    if data.count(b"\x00") > max(4, len(data) // 1000):
        raise InputError(
            "the file is binary, not text; give a PDF, DOCX or a UTF-8 text file", code="binary"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        legacy = _maybe_legacy(text)
        return legacy if legacy else (text, None)
    # not UTF-8: a legacy 8-bit Vietnamese encoding, or junk
    text = data.decode("cp1252", errors="replace") if _mostly_printable(data) else None
    if text is None:
        raise InputError(
            "the file is binary, not text; give a PDF, DOCX or a UTF-8 text file", code="binary"
        )
    legacy = _maybe_legacy(data.decode("latin-1"))
    if legacy:
        return legacy
    raise InputError(
        "the text is not UTF-8 and no Vietnamese legacy encoding (TCVN3, VNI) was recognised; "
        "save the file as UTF-8 and try again",
        code="encoding",
    )


def _mostly_printable(data: bytes) -> bool:
    sample = data[:65536]
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12))
    return bad <= len(sample) * 0.01


def _maybe_legacy(text: str) -> Optional[tuple[str, str]]:
    """Convert TCVN3/VNI text to Unicode when it looks like one (see
    :mod:`directive_nlp.ingest.legacy`); None when it is not legacy text."""
    res = legacy.detect_and_convert(text)
    return res if res else None


# what _strip_inline acts on, in the order it tries them at a position: a bold toggle, an
# emphasis star, an escaped Markdown character
_INLINE_MARK_RE = re.compile(r"\*\*|__|\*|\\[*_|#\-+.()\[\]`\\]")


def _strip_inline(line: str, base: int) -> tuple[str, list[int], bool]:
    """Remove ``**``/``__``/``*`` emphasis markers; return text, offsets, all-bold flag.

    The text between markers is copied in pieces (a line without markers as it is); a ``*``
    that opens a line before a space is a bullet and stays; ``\\*`` keeps the ``*``."""
    if "*" not in line and "_" not in line and "\\" not in line:
        return line, list(range(base, base + len(line))), False
    out: list[str] = []
    omap: list[int] = []
    bold = plain = in_bold = False
    last = 0
    for m in _INLINE_MARK_RE.finditer(line):
        i, mark = m.start(), m.group()
        if mark == "*" and i == 0 and line[1:2] == " ":
            continue  # a bullet: kept as text
        piece = line[last:i]
        out.append(piece)
        omap.extend(range(base + last, base + i))
        if mark[0] == "\\":  # the escaped character is text
            piece += mark[1]
            out.append(mark[1])
            omap.append(base + i + 1)
        if piece.strip():
            bold, plain = (True, plain) if in_bold else (bold, True)
        if mark in ("**", "__"):
            in_bold = not in_bold
        last = m.end()
    out.append(line[last:])
    omap.extend(range(base + last, base + len(line)))
    if line[last:].strip():
        bold, plain = (True, plain) if in_bold else (bold, True)
    return "".join(out), omap, bold and not plain


def _markdown_row(raw_cells: list[tuple[str, int]], index: int, lineno: int, start: int, end: int, *,
                  markdown: bool = True) -> Block:
    """One ``| a | b |`` line (or a plain text's TAB-separated line) as a table row (Markdown
    emphasis stripped per cell, offsets kept; bold when every filled cell is)."""
    cells, cmaps, bolds = [], [], []
    for ctext, cbase in raw_cells:
        t, m, b = _strip_inline(ctext, cbase) if markdown else (ctext, list(range(cbase, cbase + len(ctext))), False)
        cells.append(t)
        cmaps.append(m)
        bolds.append(b or not t.strip())
    return Block(
        kind="table_row",
        text=" | ".join(c.strip() for c in cells),
        cells=cells,
        cell_char_maps=cmaps,
        row_index=index,
        bold=all(bolds),
        location=Location(paragraph=lineno, row=index, raw_start=start, raw_end=end),
    )


def _split_cells(line: str, base: int) -> list[tuple[str, int]]:
    """Split ``| a | b |`` into (cell text, offset of the cell in the file)."""
    s = line
    start = 0
    end = len(s)
    ls = len(s) - len(s.lstrip())
    if s.lstrip().startswith("|"):
        start = ls + 1
    rs = len(s.rstrip())
    if s.rstrip().endswith("|") and rs - 1 >= start:
        end = rs - 1
    cells: list[tuple[str, int]] = []
    cur = start
    i = start
    while i < end:
        if s[i] == "\\" and i + 1 < end:
            i += 2
            continue
        if s[i] == "|":
            cells.append((s[cur:i], base + cur))
            cur = i + 1
        i += 1
    cells.append((s[cur:end], base + cur))
    return cells


def _plain_row_cells(lines: list[str], lineno: int, base: int, table_open: bool) -> Optional[list[tuple[str, int]]]:
    """The cells of plain-text line ``lineno`` when it is a table row, else None.

    Word's copy joins cells by TABs (a line with a TAB and two filled cells opens a table; a
    TAB that only indents a line does not); ``pdftotext -layout`` pads them
    with spaces: a padded line opens a table when its cells look like a header row
    ("TT  Nội dung  Cơ quan chủ trì"); justified lines, padded between words, do not. Inside a table a line with one filled cell is a row too when a TAB or an indent
    marks an empty cell before it (a group row: "\tNhiệm vụ giao Bộ Y tế chỉ đạo\t\t"), and a
    line without TAB or padding between two rows is a row of one merged cell."""
    body = lines[lineno].rstrip("\r\n")
    cells = _split_tab_cells(body, base) if "\t" in body else _split_padded_cells(body, base)
    filled = sum(1 for c, _ in cells if c.strip())
    if not table_open:
        if "\t" in body:
            return cells if filled >= 2 else None
        return cells if filled >= 2 and _header_like([c for c, _ in cells]) else None
    if filled >= 2 or "\t" in body or _PADDED_GAP_RE.match(body):
        return cells
    following = lines[lineno + 1].rstrip("\r\n") if lineno + 1 < len(lines) else ""
    if "\t" in following and following.strip() or sum(1 for c, _ in _split_padded_cells(following, 0) if c.strip()) >= 2:
        return [(body, base)]
    return None


#: the gap between two cells of a row padded with spaces (two spaces or more)
_PADDED_GAP_RE = re.compile(r" {2,}")


def _split_padded_cells(body: str, base: int) -> list[tuple[str, int]]:
    """Split a line padded with spaces at each gap of two spaces or more (an indented line
    starts with an empty cell); (cell text, offset of the cell in the file)."""
    cells: list[tuple[str, int]] = []
    cur = 0
    for m in _PADDED_GAP_RE.finditer(body):
        if m.end() == len(body):
            break
        cells.append((body[cur : m.start()], base + cur))
        cur = m.end()
    cells.append((body[cur:].rstrip(), base + cur))
    return cells


def _split_tab_cells(body: str, base: int) -> list[tuple[str, int]]:
    """Split a TAB-separated line into (cell text, offset of the cell in the file)."""
    cells: list[tuple[str, int]] = []
    cur = 0
    for i, ch in enumerate(body):
        if ch == "\t":
            cells.append((body[cur:i], base + cur))
            cur = i + 1
    cells.append((body[cur:], base + cur))
    return cells


def parse_text(raw: str, *, markdown: bool) -> list[Block]:
    """Split decoded text into blocks with per-character raw offsets."""
    lines = raw.splitlines(keepends=True)
    has_blank_paragraphs = sum(1 for l in lines if not l.strip()) >= max(2, len(lines) // 10)
    skip = set() if markdown else _running_lines(lines)
    builder = _TextBlocks(markdown=markdown, has_blank_paragraphs=has_blank_paragraphs)
    header = None if markdown else _two_column_header(lines, skip)
    signature = None if markdown else signature_block(lines, skip)
    tables = {} if markdown else {used[0]: (set(used), rows) for used, rows in flattened_tables(lines, skip)}
    table_lines = set().union(*(used for used, _ in tables.values()))
    if not markdown and not has_blank_paragraphs:
        # the width the running text was wrapped at: a flattened table's short cell lines say nothing of it
        builder.wrap_width = _wrap_width([l for i, l in enumerate(lines) if i not in table_lines and i not in skip])
    pos = 0
    for lineno, line in enumerate(lines):
        base = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        if lineno in skip:
            continue  # a page number or running header of text cut into pages
        if header and lineno in header[0]:
            if lineno == header[0][0]:
                builder.add_header_row(header[1])
            continue
        if lineno in table_lines:
            if lineno in tables:
                builder.add_rows(tables[lineno][1])
            continue
        if signature and lineno in signature[0]:
            if lineno == signature[0][0]:
                builder.add_header_row(signature[1])
            continue
        if builder.wrap_width and "\f" in body and not body.strip():
            continue  # a page break in text wrapped at a width: the paragraph may go on over it
        if not body.strip() or markdown and _HRULE_RE.match(body):
            builder.flush_para()
            builder.flush_table()
            continue
        stripped = body.strip()
        if markdown and stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
            builder.add_table_line(body, lineno, base)
        elif not markdown and (cells := _plain_row_cells(lines, lineno, base, bool(builder.table_rows))):
            builder.add_row(cells, lineno, base, base + len(body))
        else:
            builder.add_text_line(body, lineno, base)
    builder.flush_para()
    builder.flush_table()
    return builder.blocks


class _TextBlocks:
    """The blocks of a text file made so far, the paragraph being gathered (its
    lines with their raw offsets and boldness) and the Markdown table rows."""

    def __init__(self, *, markdown: bool, has_blank_paragraphs: bool) -> None:
        self.markdown = markdown
        self.has_blank_paragraphs = has_blank_paragraphs
        # text wrapped at a width (a PDF's lines copied out): a line this long that ends open
        # goes on in the next line; 0 when the text is not wrapped
        self.wrap_width = 0
        self.blocks: list[Block] = []
        self.para: list[tuple[str, list[int], bool]] = []
        self.para_style: Optional[str] = None
        self.para_line = 0
        self.table_rows: list[Block] = []
        self.table_id = 0

    def flush_para(self) -> None:
        para = self.para
        if not para:
            return
        text_parts: list[str] = []
        cmap: list[int] = []
        for k, (t, m, _) in enumerate(para):
            if k:
                text_parts.append(" ")
                cmap.append(m[0] - 1 if m else (cmap[-1] if cmap else 0))
            text_parts.append(t)
            cmap.extend(m)
        text = "".join(text_parts)
        if text.strip():
            self.blocks.append(
                Block(
                    kind="paragraph",
                    text=text,
                    style=self.para_style,
                    bold=all(b for _, _, b in para),
                    location=Location(paragraph=self.para_line, raw_start=cmap[0] if cmap else None,
                                      raw_end=(cmap[-1] + 1) if cmap else None),
                    char_map=cmap,
                )
            )
        self.para = []
        self.para_style = None

    def flush_table(self) -> None:
        rows = self.table_rows
        if not rows:
            return
        header = None
        first = rows[0]
        if first.is_header_row or _looks_like_header(first):
            first.is_header_row = True
            header = first.cells
        for r in rows:
            r.table_id = self.table_id
            if header is not None and r is not first:
                r.header = header
        self.blocks.extend(rows)
        self.table_rows = []
        self.table_id += 1

    def add_table_line(self, body: str, lineno: int, base: int) -> None:
        """A Markdown table line: a separator (the row above is the header), a row, or a page's layout cell."""
        self.flush_para()
        if _TABLE_SEP_RE.match(body.strip()):
            if self.table_rows:
                self.table_rows[-1].is_header_row = True
            return
        self.add_row(_split_cells(body, base), lineno, base, base + len(body))

    def add_header_row(self, row: Block) -> None:
        """The two columns of a document's header, rebuilt (:func:`_two_column_header`): a table of one row."""
        self.flush_para()
        self.flush_table()
        self.table_rows.append(row)
        self.flush_table()

    def add_rows(self, rows: list[Block]) -> None:
        """A table rebuilt whole (:func:`text_table.flattened_tables`): its rows, the header first."""
        self.flush_para()
        self.flush_table()
        self.table_rows.extend(rows)
        self.flush_table()

    def add_row(self, raw_cells: list[tuple[str, int]], lineno: int, start: int, end: int) -> None:
        """A table row (its cells with their offsets): the next row of the table being gathered."""
        self.flush_para()
        if _is_layout_row([c for c, _ in raw_cells]):
            # a web page's layout table holding the document's body in
            # one cell: its paragraphs, not a table row
            self.flush_table()
            self.blocks.extend(_layout_cell_blocks(raw_cells, lineno))
            return
        self.table_rows.append(_markdown_row(raw_cells, len(self.table_rows), lineno, start, end,
                                             markdown=self.markdown))

    def wrapped_on(self, line: str) -> bool:
        """Whether ``line`` goes on with the paragraph's last line, in text wrapped at a width
        (no blank line between paragraphs): that line is near the full width and ends open (no
        final stop) or ends with a colon and ``line`` starts in lower case (": giao Bộ …"),
        and ``line`` opens no item of its own."""
        if not self.wrap_width or not self.para:
            return False
        last = self.para[-1][0].rstrip()
        if _NEW_BLOCK_RE.match(line):
            return False
        if last.count("(") > last.count(")") and line.count(")") > line.count("("):
            return True  # a parenthesis opened in the last line closes in this one, whatever the widths
        goes_on = (last[-1:] not in ".;:!?" or last[-1:] == ":" and line[:1].islower()
                   or last[-1:] == ";" and len(self.para) >= 2)
        return len(last) >= WRAP_FULL * self.wrap_width and goes_on

    def add_text_line(self, body: str, lineno: int, base: int) -> None:
        """A line of text: a heading, bold runs or plain text joining the paragraph or opening one."""
        self.flush_table()
        style = None
        offset = 0
        if self.markdown:
            m = _HEADING_RE.match(body)
            if m:
                style = f"Heading {len(m.group(1))}"
                offset = m.end()
        segment_texts = (_split_bold_runs(body[offset:], base + offset) if self.markdown
                         else _split_glued_markers(body, base))
        for si, (seg, seg_base) in enumerate(segment_texts):
            t, m, b = (_strip_inline(seg, seg_base) if self.markdown
                       else (seg, list(range(seg_base, seg_base + len(seg))), False))
            if not t.strip():
                continue
            starts_new = (
                style is not None
                or si > 0
                or not self.has_blank_paragraphs and not self.wrapped_on(t)
                or bool(_NEW_BLOCK_RE.match(t))
                or (self.para and self.para[-1][2] != b)  # a bold heading line then plain text
            )
            if starts_new:
                self.flush_para()
                self.para_line = lineno
            self.para.append((t, m, b))
            if style:
                self.para_style = style
        if style is not None:
            self.flush_para()


# ---- a two-column header copied out of a PDF -----------------------------

#: the header zone: the first lines of a document that may hold its two columns
HEADER_LINES = 8
#: the motto's words found there for a header of two columns ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA": 5)
MOTTO_MIN_WORDS = 5


def _motto_phrases() -> list[list[str]]:
    """The national motto's phrases (meta_rules.yaml ``motto``) as lists of words (the tone
    mark placed one way: "HOÀ" is "HÒA"; the case kept: a header writes the motto in capitals)."""
    from ..normalize import tone_key
    from ..structure.metadata import load_rules

    return [[tone_key(w) for w in phrase.split()] for phrase in load_rules().motto]


def _motto_step(word: str, state: Optional[tuple[int, int]], phrases: list[list[str]]) -> Optional[tuple[int, int]]:
    """The motto matcher after ``word``: state (phrase, words matched), (-1, 0) between phrases; None: no match."""
    from ..normalize import tone_key

    w = tone_key(unicodedata.normalize("NFC", word))
    k, n = state if state else (-1, 0)
    if k >= 0 and n < len(phrases[k]):
        return (k, n + 1) if phrases[k][n] == w else None
    starts = [j for j, ph in enumerate(phrases) if ph[0] == w]
    return (starts[0], 1) if starts else None


def _motto_suffix(words: list[re.Match], state, phrases):
    """The first word from which the rest of a line goes on with the motto (dashes after it
    allowed); returns (that index, the new state) or None."""
    for i in range(len(words)):
        st, ok = state, True
        for m in words[i:]:
            if re.fullmatch(r"-{3,}", m.group()):
                continue
            st = _motto_step(m.group(), st, phrases)
            if st is None:
                ok = False
                break
        if ok and st != state and (i or state is not None or st[1] >= 2):
            return i, st
    return None


def _two_column_header(lines: list[str], skip: set[int]) -> Optional[tuple[list[int], Block]]:
    """A document's header as a PDF's text copy gives it: the issuer's column and the
    national motto's interleaved line by line ("ỦY BAN NHÂN DÂN THÀNH CỘNG HÒA XÃ HỘI CHỦ" /
    "PHỐ HỒ CHÍ MINH ------- NGHĨA VIỆT NAM Độc lập -" / "Tự do - Hạnh phúc"). The motto is
    known text (meta_rules.yaml ``motto``): the part of each line that goes on with it is the
    right column, the rest the left. Returns the line numbers used and a row of two cells (as
    the Markdown and DOCX header tables give it), or None (no such header; a motto on lines of
    its own; a text whose TABs part the columns already)."""
    phrases = _motto_phrases()
    pos, starts = 0, []
    for line in lines:
        starts.append(pos)
        pos += len(line)
    state, used, left, right = None, [], [], []
    for lineno in [i for i in range(len(lines)) if lines[i].strip() and i not in skip][:HEADER_LINES]:
        body = lines[lineno].rstrip("\r\n")
        if "\t" in body:
            break  # Word's copy: its TABs already part the columns
        words = list(re.finditer(r"\S+", body))
        found = _motto_suffix(words, state, phrases)
        if found is None:
            if state is not None:
                break
            continue
        i, state = found
        used.append(lineno)
        cut = words[i].start()
        if body[:cut].strip():
            left.append((body[:cut].rstrip(), starts[lineno]))
        right.append((body[cut:].rstrip(), starts[lineno] + cut))
    matched = sum(1 for t, _ in right for w in t.split() if not re.fullmatch(r"-{3,}", w))
    if matched < MOTTO_MIN_WORDS or not left:
        return None  # no motto, or the motto on lines of its own: the lines stay paragraphs
    return used, two_cell_row(left, right, used, starts, lines)


#: a line at least this share of the text's wrap width is a full line (a wrapped paragraph's)
WRAP_FULL = 0.75


def _wrap_width(lines: list[str]) -> int:
    """The width a text was wrapped at: the 90th percentile of its line lengths when most lines
    are near it (a PDF's lines copied out), else 0 (one paragraph per line)."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if len(lengths) < 20:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    full = sum(1 for n in lengths if n >= WRAP_FULL * width)
    return width if width <= 160 and full >= len(lengths) // 2 else 0


# ---- web pages whose body sits in one table cell ------------------------

#: a cell this long is a page's layout, not a table's data (the longest data
#: cells of real assignment tables are under 2,000 characters)
LAYOUT_CELL_CHARS = 4000
_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_INLINE_MARKER = r"(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-zđ]|Điều \d{1,3}|Chương [IVXLC\d]+|Phần \w+)[.:)\-–]"
# where a paragraph break was lost: before a bold numbered heading
# ("… như sau: **I. VỀ KẾT QUẢ**"), before a plain numbered item after a
# sentence end ("… năm 2026. 2. Xây dựng …"), before a letter item or a "+"
# bullet after a word, before "Nơi nhận", after "./."
_AFTER_MARKER = r"(?:\s|(?=[" + _UPPER + r"]))"
_LOST_BREAK_RE = re.compile(
    r"\s+(?=\*\*\s*" + _INLINE_MARKER + _AFTER_MARKER + r")"
    r"|(?<=[.;:])\s+(?=(?:\d{1,2}|[a-zđ])[.)]\s+\**[" + _UPPER + r"])"
    r"|(?<=[.;:])\s*(?=\**Điều \d{1,3}\.)"
    r"|(?<=[.;:])\s+(?=[-–+]\s+[" + _UPPER + r"])"
    # a heading with no final stop ("… cho Chính phủ số a) Nhóm …", "… quy mô quốc gia + Triển khai …"): a
    # letter item or a "+" bullet between a lower-case word and a capital opens a paragraph anyway ("5G + IoT"
    # does not; nor does "-", which joins the halves of names: "Phát thanh - Truyền hình", "Biên Hòa - Vũng Tàu")
    r"|(?<=[a-zà-ỹđ])\s+(?=(?:[a-zđ]\)|\+)\s+[" + _UPPER + r"])"
    # text without bold (a page copied as plain text): a Roman-numbered heading in capitals ("… như sau:
    # I. MỤC TIÊU 1. Mục tiêu …"), and a numbered item right after such a heading's last capital word
    r"|\s+(?=[IVXLC]{1,6}\.\s*[" + _UPPER + r"]{2,}\b)"
    r"|(?<=[" + _UPPER + r"]{2})\s+(?=\d{1,2}[.)]\s+[" + _UPPER + r"][a-zà-ỹđ])"
    r"|\s+(?=\**(?:Nơi nhận|NƠI NHẬN)\b)"
    r"|(?<=\./\.)\s+"
)
# a bold heading run at the start of a piece, followed by its content
_HEADING_RUN_RE = re.compile(r"^\*\*\s*" + _INLINE_MARKER + _AFTER_MARKER + r"[^*]{0,200}\*\*\s*(?=\S)")


def _is_layout_row(cells: list[str]) -> bool:
    """A Markdown table row that is a page's layout: one cell holds a long
    text with bold numbered headings inside it (web pages of portals put
    the whole body of a document in one cell of a layout table)."""
    for cell in cells:
        if len(cell) >= LAYOUT_CELL_CHARS:
            return True
        if len(cell) >= 1000 and len(re.findall(r"\*\*\s*" + _INLINE_MARKER + _AFTER_MARKER, cell)) >= 2:
            return True
    return False


def _layout_cell_blocks(cells: list[tuple[str, int]], lineno: int) -> list[Block]:
    """The paragraphs of a layout row: one per short cell, a long cell cut
    where its paragraph breaks were lost (see ``_LOST_BREAK_RE``)."""
    out: list[Block] = []
    for ctext, cbase in cells:
        pieces: list[tuple[str, int]] = []
        start = 0
        for m in _LOST_BREAK_RE.finditer(ctext):
            pieces.append((ctext[start : m.start()], cbase + start))
            start = m.end()
        pieces.append((ctext[start:], cbase + start))
        for piece, pbase in pieces:
            head = _HEADING_RUN_RE.match(piece)
            parts = [(piece[: head.end()], pbase), (piece[head.end() :], pbase + head.end())] if head else [(piece, pbase)]
            for text, tbase in parts:
                t, m, bold = _strip_inline(text, tbase)
                lead = len(t) - len(t.lstrip())
                t, m = t.strip(), m[lead : lead + len(t.strip())]
                if not t:
                    continue
                out.append(
                    Block(
                        kind="paragraph",
                        text=t,
                        bold=bold,
                        location=Location(paragraph=lineno, raw_start=m[0], raw_end=m[-1] + 1),
                        char_map=m,
                    )
                )
    return out


_PAGE_NUMBER_RE = re.compile(r"^[-–—\s]*(?:(?:trang|page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?[-–—\s]*$", re.I)


def _running_lines(lines: list[str]) -> set[int]:
    """Line numbers of page numbers and running headers/footers in plain text
    cut into pages by form feeds (what ``pdftotext`` writes): the first or
    last non-blank line of a page when it is a page number, or when the same
    line opens (or closes) at least half of the pages."""
    if not any("\x0c" in l for l in lines):
        return set()
    pages: list[list[int]] = [[]]
    for i, l in enumerate(lines):
        if l.startswith("\x0c") and pages[-1]:
            pages.append([])
        pages[-1].append(i)
        if l.rstrip("\r\n").endswith("\x0c") or l.endswith("\x0c"):
            pages.append([])
    pages = [p for p in pages if any(lines[i].strip() for i in p)]
    if len(pages) < 2:
        return set()
    edges: list[tuple[int, int]] = []  # (first, last) non-blank line of each page
    for p in pages:
        nonblank = [i for i in p if lines[i].strip()]
        edges.append((nonblank[0], nonblank[-1]))

    def key(i: int) -> str:
        return " ".join(lines[i].replace("\x0c", " ").split()).lower()

    firsts = Counter(key(a) for a, _ in edges)
    lasts = Counter(key(b) for _, b in edges)
    half = max(2, (len(pages) + 1) // 2)
    skip: set[int] = set()
    for a, b in edges:
        for i, counts in ((a, firsts), (b, lasts)):
            k = key(i)
            if _PAGE_NUMBER_RE.match(k) or counts[k] >= half:
                skip.add(i)
    return skip


_BARE_MARKER_RE = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.):\-–]?$")


def _split_bold_runs(body: str, base: int) -> list[tuple[str, int]]:
    """Split a line at ``****`` (two bold runs glued together by a converter
    that lost the paragraph break between them)."""
    parts: list[tuple[str, int]] = []
    start = 0
    for m in re.finditer(r"\*\*\*\*", body):
        if _BARE_MARKER_RE.match(body[start : m.start()].replace("*", "").strip()):
            continue  # "**1.**** **Trên cơ sở …": a number and its text, one paragraph
        parts.append((body[start : m.start() + 2], base + start))
        start = m.start() + 2
    parts.append((body[start:], base + start))
    return parts


# a numbered item glued to the word before it, where a copy lost the line break ("… PHƯƠNG PHÁP
# TIẾN HÀNH1. Nội dung sơ kết1.1. Công tác …"): two letters, then "1." / "1.1." and a capital
_GLUED_MARKER_RE = re.compile(
    r"(?<=[A-Za-zà-ỹ" + _UPPER + r"]{2})(?=\d{1,2}(?:\.\d{1,2})*\.\s+[" + _UPPER + r"])"
)


def _split_glued_markers(body: str, base: int) -> list[tuple[str, int]]:
    """Split a plain-text line before each numbered item glued to a word (``_GLUED_MARKER_RE``)."""
    parts: list[tuple[str, int]] = []
    start = 0
    for m in _GLUED_MARKER_RE.finditer(body):
        parts.append((body[start : m.start()], base + start))
        start = m.start()
    parts.append((body[start:], base + start))
    return parts


_HEADER_WORDS = re.compile(
    r"^(stt|tt|số tt|nội dung|nhiệm vụ|cơ quan|đơn vị|chủ trì|phối hợp|thời gian|thời hạn|sản phẩm|ghi chú|kết quả|hình thức|tên"
    r"|tiến độ|lĩnh vực|dự kiến|cấp trình|chỉ tiêu|mục tiêu|kinh phí|nguồn|hoạt động|công việc|trách nhiệm|thời điểm|mốc"
    r"|đầu mối|văn bản|loại văn bản|giải pháp|lộ trình|địa bàn|phạm vi|ghi chu)",
    re.I,
)


def _looks_like_header(row: Block) -> bool:
    return _header_like(row.cells or [])


def _header_like(cells: list[str]) -> bool:
    """Whether a row's cells name the columns of a table ("TT", "Nội dung", "Cơ quan chủ trì", …)."""
    cells = [c.strip() for c in cells if c.strip()]
    if not cells:
        return False
    hits = sum(1 for c in cells if _HEADER_WORDS.match(c))
    return hits >= max(2, len(cells) // 2)


# Markdown markup as converters and portals write it (sniffed in any file):
# a paired bold run, a table row "| a | b |", its separator "|---|---|", an
# ATX heading "# Title"
_MD_BOLD_RE = re.compile(r"(\*\*|__)(?=\S)[^*_\n]*?\S\1")
_MD_ROW_RE = re.compile(r"^\s*\|.*\S.*\|\s*$")
_MD_ATX_RE = re.compile(r"^#{1,6}\s+\S")


def looks_like_markdown(raw: str, *, sample_lines: int = 4000) -> bool:
    """Whether a text file carries Markdown markup, whatever its extension.

    A ``.txt`` saved from a portal or written by a converter often is
    Markdown (``**I. NHIỆM VỤ**``, ``| TT | Nội dung |`` rows, ``# KẾ
    HOẠCH``); read as plain text its headings keep their stars and its
    tables are lost. Plain text is left plain: one stray ``*`` footnote, a
    ``*`` bullet or a single ``|`` in a sentence is not evidence. The file
    is Markdown when it has a table (a separator line under a row, or three
    rows), or two kinds of markup, or at least two bold lines or two ATX
    headings.
    """
    lines = raw.splitlines()[:sample_lines]
    rows = [i for i, line in enumerate(lines) if _MD_ROW_RE.match(line)]
    separated = any(_TABLE_SEP_RE.match(lines[i].strip()) for i in rows if "-" in lines[i])
    if rows and (separated or len(rows) >= 3):
        return True
    bold = sum(1 for line in lines if _MD_BOLD_RE.search(line))
    atx = sum(1 for line in lines if _MD_ATX_RE.match(line))
    kinds = (bold > 0) + (atx > 0) + (len(rows) > 0)
    return kinds >= 2 or bold >= 2 or atx >= 2


def read_text(path: Path, data: bytes, options: ReadOptions) -> SourceDocument:
    """Read a ``.txt`` or ``.md`` file (see module docstring). A file whose
    extension says plain text is read as Markdown when it carries Markdown
    markup (:func:`looks_like_markdown`), with a warning saying so."""
    raw, legacy = decode_bytes(data)
    markdown = path.suffix.lower() in (".md", ".markdown")
    sniffed = not markdown and looks_like_markdown(raw)
    blocks = parse_text(raw, markdown=markdown or sniffed)
    info = SourceInfo(
        path=str(path),
        format="md" if markdown or sniffed else "txt",
        pages=None,
        sha256=sha256_bytes(data),
        encoding=legacy,
    )
    if legacy:
        info.warnings.append(f"converted from the legacy {legacy.upper()} encoding to Unicode")
    if sniffed:
        info.warnings.append("the text file carries Markdown markup (bold, tables or # headings): read as Markdown")
    return SourceDocument(source=info, blocks=blocks, raw_text=raw)
