"""HTML reader: a document as Vietnamese legal portals publish it.

Portal pages (thuvienphapluat-style, vanban.chinhphu.vn-style, congbao-style)
wrap the document in site chrome: menus, breadcrumbs, search boxes, ads,
"related documents" lists, footers and scripts. The reader

1. drops the chrome: non-content tags (script, style, nav, header, footer,
   aside, form …), hidden elements, and elements whose id/class names a
   menu, banner, sidebar, related list, share bar, comment box or ad;
2. finds the document body: a container whose id/class says so
   (``content1``, ``divContentDoc``, ``toanvan``, ``vbContent``,
   ``noidung``, ``fulltext``, ``<article>``, ``<main>``) and, failing that,
   the element with the most text outside links (link-dense lists are
   chrome), narrowed to the child that holds nearly all of it;
3. emits blocks in reading order: paragraphs, headings (style "Heading N"),
   list items, and tables as one ``table_row`` block per row with its
   cells and the header row's cells. Layout tables (a table used to place
   the whole document, with nested tables or page-long cells) are walked
   into instead of being read as rows.

Runs in a legacy font (``<font face=".VnTime">``, ``font-family: VNI-Times``)
are converted to Unicode with :mod:`directive_nlp.ingest.legacy`, and a page
written wholly in TCVN3/VNI code points is detected like a text file.

Blocks carry their paragraph index and, when their words can be found in the
page source, ``raw_start``/``raw_end`` into the decoded page (``raw_text``):
from the block's first word to its last, markup between them included.
Per-character maps are not kept (entities and tags make them impractical).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ..errors import EmptyInputError, InputError
from ..models import Block, Location, SourceDocument, SourceInfo
from . import ReadOptions, sha256_bytes

_DROP_TAGS = {
    "script", "style", "noscript", "iframe", "nav", "header", "footer", "aside", "form", "button", "input",
    "select", "option", "textarea", "svg", "canvas", "video", "audio", "object", "embed", "template", "head",
    "link", "meta", "title", "label", "map",
}
_CHROME_RE = re.compile(
    r"(?:^|[\s_\-])(?:menu|nav|navbar|breadcrumbs?|footer|header|top-?bar|topmenu|sidebar|side-?bar|banner|ads?|advert\w*|"
    r"quang-?cao|qc|social|share|sharing|related|lien-?quan|vblq|van-?ban-?lien-?quan|comments?|login|search|tim-?kiem|"
    r"popup|modal|cookie|toolbar|pagination|paging|rating|tags?|hotline|copyright|widget|sticky|slider|"
    r"tien-?ich|print-?bar|btn|button|logo|feedback|subscribe|newsletter)(?:$|[\s_\-\d])",
    re.I,
)
_CONTENT_RE = re.compile(
    r"(?:content1|divcontentdoc|toanvan|toan-?van|vbcontent|vb-?content|noi-?dung|noidung|fulltext|full-?text|"
    r"doc-?content|document-?content|content-?doc|entry-?content|main-?content|content-?detail|detail-?content|"
    r"article-?body|van-?ban-?goc|vanbangoc|boxcontent)",
    re.I,
)
_MOTTO_RE = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM", re.I)
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
    "dd", "blockquote", "pre", "center", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "body", "html",
    "figure", "figcaption", "address", "hr",
}
_HEADING = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def _decode(data: bytes) -> str:
    """Decode by BOM, then the declared charset, then UTF-8, then cp1258/cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    bom_less = _utf16_without_bom(data[:4096])
    if bom_less:
        return data.decode(bom_less, errors="replace")
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", data[:4096], re.I)
    if m:
        enc = m.group(1).decode("ascii", "ignore").lower()
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1258")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")


def _utf16_without_bom(head: bytes) -> Optional[str]:
    """'utf-16-le'/'utf-16-be' when every other byte of the head is NUL (a
    UTF-16 page saved without its byte-order mark), else None."""
    if len(head) < 16 or head.count(b"\x00") < len(head) // 3:
        return None
    even, odd = head[0::2].count(b"\x00"), head[1::2].count(b"\x00")
    if odd > 0.8 * len(head[1::2]) and even < 0.2 * len(head[0::2]):
        return "utf-16-le"
    if even > 0.8 * len(head[0::2]) and odd < 0.2 * len(head[1::2]):
        return "utf-16-be"
    return None


def _attr_text(el) -> str:
    ident = el.get("id") or ""
    cls = el.get("class") or []
    if isinstance(cls, str):
        cls = cls.split()
    return " ".join([ident] + list(cls))


def _hidden(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or el.has_attr("hidden") or el.get("aria-hidden") == "true"


def _strip_chrome(root) -> None:
    for el in list(root.find_all(True)):
        if getattr(el, "decomposed", False) or el.parent is None:
            continue
        name = el.name.lower()
        if name in _DROP_TAGS or _hidden(el):
            el.decompose()
            continue
        attrs = _attr_text(el)
        if attrs and _CHROME_RE.search(attrs) and not _CONTENT_RE.search(attrs):
            if _MOTTO_RE.search(el.get_text(" ", strip=True)[:3000]):
                continue  # a "doc-header" box holding the document's own header
            el.decompose()


_ITEM_TAGS = ("div", "li", "article", "section", "dd", "dt", "p", "h1", "h2", "h3", "h4", "h5", "h6")
#: a news teaser or related-documents item is short: a linked headline and a line or two
_TEASER_CHARS = 600


def _link_led(el) -> bool:
    """Whether ``el`` is an item of the page rather than text of the
    document: its text is all links, or it is short and led by a link of at
    least 15 characters that is either half its text or followed by a block
    of its own (a linked headline over a summary: "Tin mới", "Tin liên
    quan", related documents). Document paragraphs link the texts they cite
    inside their sentences."""
    text = el.get_text(" ", strip=True)
    if len(text) < 15 or _MOTTO_RE.search(text):
        return False
    links = el.find_all("a")
    if not links:
        return False
    if sum(len(a.get_text(" ", strip=True)) for a in links) >= 0.9 * len(text):
        return True
    first = next((s for s in el.find_all(string=True) if s.strip()), None)
    lead = first.find_parent("a") if first is not None else None
    if lead is None or not _inside(lead, el) or len(text) > _TEASER_CHARS:
        return False
    lead_chars = len(lead.get_text(" ", strip=True))
    has_block = any(getattr(c, "name", None) in _BLOCK_TAGS for c in el.find_all(True) if not _inside(c, lead))
    return lead_chars >= 15 and (has_block or lead_chars >= 0.5 * len(text))


def _inside(node, el) -> bool:
    return any(p is el for p in node.parents)


def _drop_link_items(root) -> dict[int, int]:
    """Drop the page's link-led items (see :func:`_link_led`): teasers,
    related-document lists, link menus written without telling class names.
    Items in the cells of a data table (three or more columns) are kept.
    Returns the characters dropped under each remaining element (by id), so
    that a column that held them still counts as link-heavy."""
    dropped: dict[int, int] = {}
    for el in list(root.find_all(_ITEM_TAGS)):
        if getattr(el, "decomposed", False) or el.parent is None or _is_data_cell(el):
            continue
        if _link_led(el):
            n = len(el.get_text(" ", strip=True))
            for p in el.parents:
                dropped[id(p)] = dropped.get(id(p), 0) + n
            el.decompose()
    return dropped


def _is_data_cell(el) -> bool:
    """``el`` sits in a cell of a table with three or more columns (a data table)."""
    cell = el.find_parent(("td", "th"))
    row = cell.find_parent("tr") if cell is not None else None
    return row is not None and len(row.find_all(("td", "th"), recursive=False)) >= 3


def _text_counts(root) -> dict[int, list[int]]:
    """Characters of text under each element, outside and inside links
    (one pass over the strings, each added to its ancestors)."""
    counts: dict[int, list[int]] = {}
    for s in root.find_all(string=True):
        n = len(s.strip())
        if not n:
            continue
        in_link = False
        for p in s.parents:
            if p.name == "a":
                in_link = True
            c = counts.setdefault(id(p), [0, 0])
            c[1 if in_link else 0] += n
    return counts


def _find_body(soup, dropped: Optional[dict[int, int]] = None):
    """The element that holds the document. ``dropped`` (characters of
    dropped link-led items under each element) counts as link text."""
    counts = _text_counts(soup)
    for key, n in (dropped or {}).items():
        counts.setdefault(key, [0, 0])[1] += n

    def plain(el) -> int:
        return counts.get(id(el), [0, 0])[0]

    def score(el) -> int:
        c = counts.get(id(el), [0, 0])
        return c[0] - 2 * c[1]

    for el in soup.find_all(True):
        if el.name in ("article", "main") or _CONTENT_RE.search(_attr_text(el)):
            if plain(el) > 200:
                return el
    body = soup.body or soup
    best, best_score = body, -1
    for el in body.find_all(("div", "section", "td", "article", "main")):
        if score(el) > best_score:
            best, best_score = el, score(el)
    if best_score <= 0:
        return body
    best = _widen(best, body)
    best_score = score(best)
    # narrow down while one child holds nearly all the text
    while True:
        top = None
        for c in _child_containers(best):
            if score(c) >= 0.9 * best_score:
                top = c
        if top is None:
            return best
        best = top


_CONTAINERS = ("div", "section", "td", "article", "main")


def _child_containers(el) -> list:
    """The containers directly under ``el``, looking through the rows of a
    layout table and through inline wrappers (``<table><tr><td>`` is one
    step, as ``<div>`` is)."""
    out = []
    glued: dict[int, bool] = {}  # per table: has data rows (see _has_data_rows)
    for c in el.find_all(_CONTAINERS):
        up = c.parent
        while up is not None and up is not el and up.name not in _CONTAINERS:
            up = up.parent
        if up is not el:
            continue
        if c.name == "td":
            table = c.find_parent("table")
            if id(table) not in glued:
                glued[id(table)] = _has_data_rows(table)
            if glued[id(table)]:
                continue
        out.append(c)
    return out


def _widen(el, body):
    """``el``, or the container around its table when ``el`` is a layout cell
    with data rows glued under it (see :func:`_has_data_rows`)."""
    while el.name == "td" and el is not body and _has_data_rows(el.find_parent("table")):
        up = el.find_parent("table").parent
        while up is not None and up is not body and up.name not in _CONTAINERS:
            up = up.parent
        el = up if up is not None else body
    return el


def _has_data_rows(table) -> bool:
    """A layout table with data rows glued under its layout cell (three or
    more short cells): narrowing into the cell would lose them."""
    for tr in _own_rows(table):
        cells = tr.find_all(("td", "th"), recursive=False)
        if len([c for c in cells if c.get_text(strip=True)]) >= 3 and not any(_layout_cell(c) for c in cells):
            return True
    return False


def _legacy_font(el) -> Optional[tuple[str, bool]]:
    from .legacy import font_encoding

    for p in [el] + list(el.parents):
        if p is None or not getattr(p, "name", None):
            continue
        face = p.get("face") if hasattr(p, "get") else None
        style = (p.get("style") or "") if hasattr(p, "get") else ""
        m = re.search(r"font-family\s*:\s*([^;]+)", style, re.I)
        for cand in ([face] if face else []) + ([m.group(1)] if m else []):
            first = cand.split(",")[0].strip().strip("'\"")
            enc = font_encoding(first)
            if enc:
                return enc
    return None


class _Emitter:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.encodings: set[str] = set()
        self.table_id = 0
        # first and last text node of each block, to find it in the raw file
        self.anchors: dict[int, tuple[object, object]] = {}
        self._span: list = []

    # -- text of an element ------------------------------------------------
    def text_of(self, el, nodes: Optional[list] = None) -> tuple[str, bool]:
        """Text of ``el`` (or of the loose ``nodes`` directly inside it) with
        <br> as a space and legacy-font runs converted; and whether all of it
        is bold."""
        from bs4 import NavigableString

        from .legacy import convert

        parts: list[str] = []
        bold_chars = plain_chars = 0

        def visit(node) -> None:
            nonlocal bold_chars, plain_chars
            if isinstance(node, NavigableString):
                if node.__class__.__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction"):
                    return
                s = str(node)
                enc = _legacy_font(node.parent) if s.strip() and any(ord(c) > 127 for c in s) else None
                if enc:
                    s = convert(s, enc[0], upper=enc[1])
                    self.encodings.add(enc[0])
                parts.append(s)
                n = len(s.strip())
                if n:
                    if not self._span:
                        self._span.append(node)
                    self._span[1:] = [node]
                    if _is_bold(node, el):
                        bold_chars += n
                    else:
                        plain_chars += n
                return
            if getattr(node, "name", None) in ("br", "p", "div", "li", "tr", "td", "th"):
                parts.append(" ")
            for c in node.children:
                visit(c)
            if getattr(node, "name", None) in ("p", "div", "li", "td", "th"):
                parts.append(" ")

        self._span = []
        for n in (nodes if nodes is not None else list(el.children)):
            visit(n)
        text = " ".join("".join(parts).replace("\xa0", " ").split())
        return text, bold_chars > 0 and plain_chars == 0

    # -- walking -------------------------------------------------------------
    def add_paragraph(self, text: str, *, bold: bool, centered: bool, style: Optional[str] = None) -> None:
        if not text.strip():
            return
        if self._span:
            self.anchors[len(self.blocks)] = (self._span[0], self._span[-1])
        self.blocks.append(
            Block(kind="paragraph", text=text, bold=bold, centered=centered, style=style,
                  location=Location(paragraph=len(self.blocks)))
        )

    def walk(self, el, centered: bool = False) -> None:
        from bs4 import NavigableString

        centered = centered or _is_centered(el)
        buf: list = []
        held: list = []  # the last loose line, held while the next may continue it (_soft_wrap)

        def emit() -> None:
            if held:
                text, bold, span = held.pop()
                self._span = span
                self.add_paragraph(text, bold=bold, centered=centered)

        def line_end() -> None:
            if not buf:
                return
            text, bold = self.text_of(el, list(buf))
            buf.clear()
            if not text:
                return
            if held and _soft_wrap(held[0][0], text):
                prev, prev_bold, span = held[0]
                held[0] = (prev + " " + text, prev_bold and bold, span[:1] + self._span[-1:])
                return
            emit()
            held.append((text, bold, list(self._span)))

        def flush() -> None:
            line_end()
            emit()

        for child in list(el.children):
            if isinstance(child, NavigableString):
                if child.__class__.__name__ == "Comment":
                    continue
                buf.append(child)
                continue
            name = child.name.lower()
            if name == "br":
                line_end()  # a line break between loose text: a new paragraph, unless a soft wrap
                continue
            if name == "hr":
                flush()
                continue
            if name == "table":
                flush()
                if _is_layout_table(child):
                    self.layout_table(child, centered)
                else:
                    self.table(child)
                continue
            if name in _BLOCK_TAGS:
                flush()
                if _has_block_children(child):
                    self.walk(child, centered)
                else:
                    self.leaf(child, centered or _is_centered(child))
                continue
            buf.append(child)  # inline element
        flush()

    def leaf(self, el, centered: bool) -> None:
        """A block element without block children: one paragraph, or one per
        line where its ``<br>`` breaks are paragraph breaks (see
        :func:`_soft_wrap`)."""
        name = el.name.lower()
        style = f"Heading {_HEADING[name]}" if name in _HEADING else None
        for i, (text, bold, span) in enumerate(self.lines(el)):
            if i == 0 and name == "li" and text and not re.match(r"^[-+•–]|\d+[.)]|[a-zđ][.)]", text):
                text = "- " + text
            self._span = span
            self.add_paragraph(text, bold=bold or name in _HEADING, centered=centered, style=style)

    def lines(self, el) -> list[tuple[str, bool, list]]:
        """The lines of ``el`` split at its own ``<br>`` children, a line that
        merely continues the one before (a soft wrap) joined back to it:
        (text, all bold, first and last text node)."""
        groups: list[list] = [[]]
        for c in el.children:
            if getattr(c, "name", None) == "br":
                groups.append([])
            else:
                groups[-1].append(c)
        out: list[tuple[str, bool, list]] = []
        for g in groups:
            text, bold = self.text_of(el, g)
            if not text:
                continue
            span = list(self._span)
            if out and _soft_wrap(out[-1][0], text):
                prev = out[-1]
                out[-1] = (prev[0] + " " + text, prev[1] and bold, prev[2][:1] + span[-1:])
            else:
                out.append((text, bold, span))
        return out

    def layout_table(self, table, centered: bool) -> None:
        """A table that lays out the page: a row holding the body (a nested
        table, a page-long cell) or a single cell is walked into as
        paragraphs; runs of other rows (two or more short cells, an appendix
        table glued under the body) stay table rows."""
        run: list = []
        for tr in _own_rows(table):
            cells = [c for c in tr.find_all(("td", "th"), recursive=False)]
            filled = [c for c in cells if c.get_text(strip=True)]
            if len(filled) >= 2 and not any(_layout_cell(c) for c in cells):
                run.append(tr)
                continue
            if run:
                self.table(table, run)
                run = []
            for cell in cells:
                self.walk(cell, centered)
        if run:
            self.table(table, run)

    def table(self, table, rows: Optional[list] = None) -> None:
        rows = _own_rows(table) if rows is None else rows
        out: list[Block] = []
        header: Optional[list[str]] = None
        for ri, tr in enumerate(rows):
            cells = [c for c in tr.find_all(("td", "th"), recursive=False)]
            texts: list[str] = []
            bolds: list[bool] = []
            first = last = None
            for c in cells:
                t, b = self.text_of(c)
                texts.append(t)
                bolds.append(b or not t)
                if self._span:
                    first = first or self._span[0]
                    last = self._span[-1]
            if not any(t.strip() for t in texts):
                continue
            is_header = ri == 0 and (all(c.name == "th" for c in cells) or (len(cells) > 2 and all(bolds)))
            block = Block(
                kind="table_row",
                text=" | ".join(texts),
                cells=texts,
                table_id=self.table_id,
                row_index=len(out),
                is_header_row=is_header,
                bold=all(bolds),
                location=Location(paragraph=len(self.blocks) + len(out), table=self.table_id, row=len(out)),
            )
            if is_header:
                header = texts
            elif header is not None:
                block.header = header
            if first is not None:
                self.anchors[len(self.blocks) + len(out)] = (first, last)
            out.append(block)
        self.blocks.extend(out)
        self.table_id += 1


_LINE_MARKER_RE = re.compile(r"^(?:[a-zđ]|[ivx]{1,4})[.)]\s")


def _soft_wrap(prev: str, line: str) -> bool:
    """Whether a ``<br>``-separated ``line`` continues ``prev`` (a line broken
    inside a sentence, "ngày 20<br>tháng 11") rather than starting a new
    paragraph: it begins with a lower-case letter that is no list marker
    ("a) …", "đ. …") and ``prev`` ends without a sentence end."""
    first = line[:1]
    if not first.isalpha() or not first.islower() or _LINE_MARKER_RE.match(line):
        return False
    return not prev.rstrip().endswith((".", ";", ":", "!", "?"))


def _is_bold(node, stop) -> bool:
    p = node.parent
    while p is not None and p is not stop.parent:
        if p.name in ("b", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "th"):
            return True
        style = (p.get("style") or "").replace(" ", "").lower()
        if "font-weight:bold" in style or "font-weight:700" in style:
            return True
        if p is stop:
            break
        p = p.parent
    return False


def _is_centered(el) -> bool:
    if el.name == "center":
        return True
    if (el.get("align") or "").lower() == "center":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "text-align:center" in style


def _has_block_children(el) -> bool:
    return any(getattr(c, "name", None) in _BLOCK_TAGS or getattr(c, "name", None) == "br" and _long_loose_text(el)
               for c in el.children)


def _long_loose_text(el) -> bool:
    """A container whose paragraphs are separated by <br> only (older portals)."""
    if len(el.find_all("br", recursive=False)) < 3:
        return False
    if el.name in ("div", "td", "section", "article", "body"):
        return True
    # a whole document typed into one <p> with line breaks (seen on older portals)
    return el.name == "p" and len(el.get_text(" ", strip=True)) > 300


def _own_rows(table) -> list:
    return [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]


def _layout_cell(cell) -> bool:
    """A cell that lays out a page: it holds a table, or a page of text."""
    return cell.find("table") is not None or len(cell.get_text(" ", strip=True)) > 1500


def _is_layout_table(table) -> bool:
    """A table that lays out the page (or the whole document) rather than
    data: a cell holds a table or a page of text, or no row has more than
    one filled cell (a one-column table is a frame, not a table of data)."""
    cells = [c for c in table.find_all(("td", "th")) if c.find_parent("table") is table]
    if any(_layout_cell(c) for c in cells):
        return True
    rows = _own_rows(table)
    return bool(rows) and all(len([c for c in tr.find_all(("td", "th"), recursive=False)
                                   if c.get_text(strip=True)]) <= 1 for tr in rows)


_ESCAPED = re.compile(r"[&<>\"'\u00a0]")


def _locate(raw: str, node, start: int, *, tail: bool) -> Optional[tuple[int, int]]:
    """Where a text node's words stand in the raw file: the longest run of
    its text without characters markup may have escaped, searched from
    ``start``. ``tail`` looks for the node's end instead of its start."""
    s = str(node).strip()
    pieces = [p for p in _ESCAPED.split(s) if p.strip()]
    if not pieces:
        return None
    piece = pieces[-1] if tail else pieces[0]
    piece = piece.strip()
    if len(piece) < 3:  # "1", "TT": only as the whole text between two tags
        m = re.compile(r">\s*(" + re.escape(piece) + r")\s*<").search(raw, start)
        return (m.start(1), m.end(1)) if m else None
    pos = raw.find(piece, start)
    if pos < 0:
        return None
    return pos, pos + len(piece)


def _raw_offsets(raw: str, blocks: list[Block], anchors: dict[int, tuple[object, object]]) -> None:
    """Block-level raw offsets (``Location.raw_start``/``raw_end``) into the
    decoded page; blocks whose text cannot be found keep None."""
    cursor = 0
    for i, b in enumerate(blocks):
        a = anchors.get(i)
        if a is None:
            continue
        first = _locate(raw, a[0], cursor, tail=False)
        if first is None:
            continue
        last = _locate(raw, a[1], first[0], tail=True) or first
        b.location.raw_start, b.location.raw_end = first[0], max(last[1], first[1])
        cursor = first[0]


def read_html(path: Path, data: bytes, options: ReadOptions) -> SourceDocument:
    """Read an HTML page into blocks (see the module docstring)."""
    from bs4 import BeautifulSoup

    from .limits import check_html

    raw = _decode(data)
    if raw.count("\x00") > max(4, len(raw) // 1000):
        raise InputError("the HTML page is binary or in an unknown encoding; save it as UTF-8", code="binary")
    check_html(raw)
    legacy_enc: Optional[str] = None
    soup = BeautifulSoup(raw, "lxml")
    _strip_chrome(soup)
    dropped = _drop_link_items(soup)
    body = _find_body(soup, dropped)
    em = _Emitter()
    em.walk(body)
    _raw_offsets(raw, em.blocks, em.anchors)
    blocks = [b for b in em.blocks if b.text.strip()]
    if not any(len(b.text) > 1 for b in blocks):
        raise EmptyInputError(
            "the HTML page has no document text (only navigation, scripts or images); "
            "save the page that shows the document, or give its PDF/DOCX"
        )
    # a page typed wholly in TCVN3/VNI code points (no font hints left)
    if not em.encodings:
        from .legacy import detect_and_convert

        joined = "\n".join(b.text for b in blocks)
        found = detect_and_convert(joined)
        if found:
            from .legacy import convert, restore_case

            legacy_enc = found[1]
            for b in blocks:
                b.text = restore_case(convert(b.text, legacy_enc)) if legacy_enc == "tcvn3" else convert(b.text, legacy_enc)
                if b.cells:
                    b.cells = [convert(c, legacy_enc) for c in b.cells]
                if b.header:
                    b.header = [convert(c, legacy_enc) for c in b.header]
    else:
        legacy_enc = "+".join(sorted(em.encodings))
    info = SourceInfo(path=str(path), format="html", pages=None, sha256=sha256_bytes(data), encoding=legacy_enc)
    if legacy_enc:
        info.warnings.append(f"converted from the legacy {legacy_enc.upper()} encoding to Unicode")
    return SourceDocument(source=info, blocks=blocks, raw_text=raw)


__all__ = ["read_html"]
