"""DOCX reader: paragraphs and tables in body order, with layout hints.

python-docx opens the package and resolves styles; the body is walked as XML
so that nothing a reader sees is lost or doubled:

* paragraphs and tables come in body order (content controls, ``w:sdt``,
  are opened); tracked insertions are read, tracked deletions are not;
  the fallback copy of drawing text (``mc:Fallback``) is skipped;
* a run's bold and font come from the run, then its character style, then the
  paragraph style chain (so "bold" means what Word shows);
* a heading style (``Heading 1``, ``Title``, or an outline level) is kept as
  ``Block.style``; a whole-bold or centred paragraph gets ``bold``/``centered``;
* tables are laid on their grid: ``gridSpan`` (merged across) leaves the
  covered cells empty, ``vMerge`` continuation cells are empty in ``cells``
  and carry the text above in ``filled_cells``; the header row (marked
  ``tblHeader`` or reading like STT / Nội dung / Cơ quan chủ trì …) is
  attached to every row; a one-column table (a framed note) is read as
  paragraphs;
* Word's automatic list numbers ("1.", "a)", "II.", "1.2.", bullets) are
  rendered into the text, as the reader of the document sees them;
* runs in legacy fonts (.VnTime, VNI-Times) are converted to Unicode with
  :mod:`directive_nlp.ingest.legacy` when that module is present.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Iterator, Optional

from ..errors import CorruptFileError, InputError
from ..models import Block, Location, SourceDocument, SourceInfo
from . import ReadOptions, legacy, sha256_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


_P, _TBL, _SDT, _SDTCONTENT, _R, _T, _TAB, _BR, _CR = map(_q, ("p", "tbl", "sdt", "sdtContent", "r", "t", "tab", "br", "cr"))
_DEL, _INS, _HYPER, _SMARTTAG, _FLDSIMPLE = map(_q, ("del", "ins", "hyperlink", "smartTag", "fldSimple"))
_TR, _TC, _TCPR, _GRIDSPAN, _VMERGE, _TRPR, _TBLHEADER = map(_q, ("tr", "tc", "tcPr", "gridSpan", "vMerge", "trPr", "tblHeader"))
_GRIDBEFORE, _NOBREAKHYPHEN, _SOFTHYPHEN, _SYM = map(_q, ("gridBefore", "noBreakHyphen", "softHyphen", "sym"))
_VAL = _q("val")
_SKIP = {_DEL, _q("delText"), _q("moveFrom"), f"{{{MC}}}Fallback", _q("txbxContent"), _q("instrText"), _q("footnoteReference")}
_MOVETO = _q("moveTo")
_VANISH = f"{_q('rPr')}/{_q('vanish')}"
_TXBX = _q("txbxContent")
_FALLBACK = f"{{{MC}}}Fallback"
_HEADING_STYLES = ("heading", "title", "subtitle", "tiêu đề", "đầu đề")


class _Styles:
    """Effective bold/font/alignment/outline of paragraph and character styles."""

    def __init__(self, document) -> None:
        self._doc = document
        self._cache: dict[tuple[str, str], object] = {}

    def _style(self, style_id: Optional[str], kind):
        if not style_id:
            return None
        try:
            return self._doc.styles.element.get_by_id(style_id)
        except Exception:  # pragma: no cover - malformed styles part
            return None

    def attr(self, style_id: Optional[str], what: str):
        """Walk the style and its ``basedOn`` chain for an rPr/pPr value."""
        key = (style_id or "", what)
        if key in self._cache:
            return self._cache[key]
        val = None
        seen = set()
        s = self._style(style_id, None)
        while s is not None and s.get(_q("styleId")) not in seen:
            seen.add(s.get(_q("styleId")))
            val = _prop(s, what)
            if val is not None:
                break
            based = s.find(_q("basedOn"))
            s = self._style(based.get(_VAL), None) if based is not None else None
        self._cache[key] = val
        return val

    def numbering(self, style_id: str) -> tuple[Optional[str], Optional[str]]:
        """(numId, ilvl) a paragraph style attaches (List Number, headings…)."""
        seen = set()
        s = self._style(style_id, None)
        while s is not None and s.get(_q("styleId")) not in seen:
            seen.add(s.get(_q("styleId")))
            num_pr = s.find(f"{_q('pPr')}/{_q('numPr')}")
            if num_pr is not None:
                n = num_pr.find(_q("numId"))
                lv = num_pr.find(_q("ilvl"))
                return (n.get(_VAL) if n is not None else None, lv.get(_VAL) if lv is not None else None)
            based = s.find(_q("basedOn"))
            s = self._style(based.get(_VAL), None) if based is not None else None
        return None, None

    def name(self, style_id: Optional[str]) -> Optional[str]:
        s = self._style(style_id, None)
        if s is None:
            return None
        n = s.find(_q("name"))
        name = n.get(_VAL) if n is not None else style_id
        try:  # built-in styles are stored as "heading 1"; Word shows "Heading 1"
            from docx.styles import BabelFish

            return BabelFish.internal2ui(name)
        except Exception:  # pragma: no cover
            return name


def _on(el) -> bool:
    v = el.get(_VAL)
    return v is None or v not in ("0", "false", "off", "none")


def _prop(el, what: str):
    """Read bold / font / jc / outline from an element holding rPr/pPr."""
    if what == "bold":
        b = el.find(f"{_q('rPr')}/{_q('b')}")
        return _on(b) if b is not None else None
    if what == "font":
        f = el.find(f"{_q('rPr')}/{_q('rFonts')}")
        if f is None:
            return None
        return f.get(_q("ascii")) or f.get(_q("hAnsi")) or f.get(_q("cs"))
    if what == "jc":
        j = el.find(f"{_q('pPr')}/{_q('jc')}")
        return j.get(_VAL) if j is not None else None
    if what == "outline":
        o = el.find(f"{_q('pPr')}/{_q('outlineLvl')}")
        return o.get(_VAL) if o is not None else None
    return None


_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _roman(n: int) -> str:
    out = ""
    for v, r in _ROMAN:
        while n >= v:
            out += r
            n -= v
    return out


def _letters(n: int) -> str:
    # Word: a..z, then aa, bb, …
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_BULLET_MAP = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✓", "\uf02d": "-", "o": "o"}


class _Numbering:
    """Word's automatic list numbers, rendered as text ("1.", "a)", "II.",
    "1.2.", "-").

    The numbers of a numbered list are not in the paragraph text: Word draws
    them from ``numbering.xml``. Directives often number their sections and
    items that way, and the section parser needs the labels, so they are
    rebuilt here: one counter per list and level, deeper levels restarting
    when a shallower one advances.
    """

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (fmt, text, start)
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            part = document.part.numbering_part
        except Exception:  # no numbering part
            return
        root = part.element
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for an in root.iterchildren(_q("abstractNum")):
            lv = {}
            for lvl in an.iterchildren(_q("lvl")):
                lv[int(lvl.get(_q("ilvl"), "0"))] = self._level(lvl)
            abstract[an.get(_q("abstractNumId"))] = lv
        for num in root.iterchildren(_q("num")):
            nid = num.get(_q("numId"))
            ref = num.find(_q("abstractNumId"))
            aid = ref.get(_VAL) if ref is not None else None
            lv = dict(abstract.get(aid, {}))
            for ov in num.iterchildren(_q("lvlOverride")):
                il = int(ov.get(_q("ilvl"), "0"))
                lvl = ov.find(_q("lvl"))
                if lvl is not None:
                    lv[il] = self._level(lvl)
                so = ov.find(_q("startOverride"))
                if so is not None and il in lv:
                    fmt, text, _ = lv[il]
                    lv[il] = (fmt, text, int(so.get(_VAL, "1")))
            self.levels[nid] = lv
            self.abstract_of[nid] = aid or nid

    @staticmethod
    def _level(lvl) -> tuple[str, str, int]:
        fmt = lvl.find(_q("numFmt"))
        text = lvl.find(_q("lvlText"))
        start = lvl.find(_q("start"))
        return (
            fmt.get(_VAL) if fmt is not None else "decimal",
            text.get(_VAL) if text is not None else "",
            int(start.get(_VAL, "1")) if start is not None else 1,
        )

    def label(self, num_id: Optional[str], ilvl: int) -> str:
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        # lists sharing an abstract definition share counters (Word's behaviour)
        counters = self.counters.setdefault(self.abstract_of.get(num_id, num_id), {})
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return _BULLET_MAP.get(text, text if text.isprintable() and len(text) == 1 else "•")
        if fmt == "none":
            return ""

        def render(m) -> str:
            k = int(m.group(1)) - 1
            f, _, st = levels.get(k, ("decimal", "", 1))
            n = counters.get(k, st)
            if f in ("lowerLetter", "upperLetter"):
                v = _letters(n)
                return v.upper() if f == "upperLetter" else v
            if f in ("lowerRoman", "upperRoman"):
                v = _roman(n)
                return v.upper() if f == "upperRoman" else v
            if f == "decimalZero":
                return f"{n:02d}"
            return str(n)

        import re

        return re.sub(r"%([1-9])", render, text)


class _Reader:
    def __init__(self, document, legacy) -> None:
        self.doc = document
        self.styles = _Styles(document)
        self.legacy = legacy
        self.encodings: list[str] = []
        self.blocks: list[Block] = []
        self.paragraph_index = 0
        self.table_index = 0
        default_font = None
        try:
            rpr = document.styles.element.find(f"{_q('docDefaults')}/{_q('rPrDefault')}/{_q('rPr')}/{_q('rFonts')}")
            if rpr is not None:
                default_font = rpr.get(_q("ascii")) or rpr.get(_q("hAnsi"))
        except Exception:  # pragma: no cover
            pass
        self.default_font = default_font
        self.numbering = _Numbering(document)

    # -- paragraphs -------------------------------------------------------

    def paragraph_runs(self, p) -> tuple[str, bool]:
        """Text of a paragraph and whether all its visible text is bold."""
        ppr_style = p.find(f"{_q('pPr')}/{_q('pStyle')}")
        pstyle = ppr_style.get(_VAL) if ppr_style is not None else None
        para_bold = self.styles.attr(pstyle, "bold")
        para_font = self.styles.attr(pstyle, "font") or self.default_font
        parts: list[str] = []
        bold_chars = plain_chars = 0
        for r in self._runs(p):
            text = self._run_text(r)
            if not text:
                continue
            rstyle_el = r.find(f"{_q('rPr')}/{_q('rStyle')}")
            rstyle = rstyle_el.get(_VAL) if rstyle_el is not None else None
            bold = _prop(r, "bold")
            if bold is None:
                bold = self.styles.attr(rstyle, "bold")
            if bold is None:
                bold = para_bold
            if self.legacy is not None:
                font = _prop(r, "font") or self.styles.attr(rstyle, "font") or para_font
                enc = self.legacy.font_encoding(font) if font else None
                if enc:
                    text = self.legacy.convert(text, enc[0], upper=enc[1])
                    if enc[0] not in self.encodings:
                        self.encodings.append(enc[0])
            n = sum(1 for c in text if not c.isspace())
            if bold:
                bold_chars += n
            else:
                plain_chars += n
            parts.append(text)
        return "".join(parts), bold_chars > 0 and plain_chars == 0

    def _runs(self, el) -> Iterator:
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == _R:
                hidden = child.find(_VANISH)
                if hidden is None or not _on(hidden):  # hidden text is not shown, not read
                    yield child
            elif tag in (_INS, _MOVETO, _HYPER, _SMARTTAG, _FLDSIMPLE, _SDT, _SDTCONTENT) or tag.endswith("}customXml") or tag.endswith("}AlternateContent") or tag.endswith("}Choice"):
                yield from self._runs(child)

    @staticmethod
    def _run_text(r) -> str:
        out: list[str] = []
        for c in r:
            tag = c.tag
            if tag == _T:
                out.append(c.text or "")
            elif tag == _TAB:
                out.append("\t")
            elif tag in (_BR, _CR):
                out.append("\n")
            elif tag == _NOBREAKHYPHEN:
                out.append("-")
            elif tag == _SYM:
                ch = c.get(_q("char"))
                try:
                    code = int(ch, 16) if ch else 0
                    if code >= 0xF000:
                        code -= 0xF000
                    if code >= 32:
                        out.append(chr(code))
                except ValueError:
                    pass
        return "".join(out)

    def list_label(self, p) -> str:
        """The automatic number of a list paragraph ("" when it has none)."""
        num_pr = p.find(f"{_q('pPr')}/{_q('numPr')}")
        ppr_style = p.find(f"{_q('pPr')}/{_q('pStyle')}")
        pstyle = ppr_style.get(_VAL) if ppr_style is not None else None
        num_id = ilvl = None
        if num_pr is not None:
            n = num_pr.find(_q("numId"))
            lv = num_pr.find(_q("ilvl"))
            num_id = n.get(_VAL) if n is not None else None
            ilvl = lv.get(_VAL) if lv is not None else None
        if num_id is None and pstyle:
            num_id, style_ilvl = self.styles.numbering(pstyle)
            ilvl = ilvl if ilvl is not None else style_ilvl
        try:
            return self.numbering.label(num_id, int(ilvl or 0))
        except ValueError:
            return ""

    def paragraph(self, p) -> None:
        text, bold = self.paragraph_runs(p)
        idx = self.paragraph_index
        self.paragraph_index += 1
        label = self.list_label(p) if text.strip() else ""
        if label:
            text = f"{label} {text.lstrip()}"
        if text.strip():
            self._add_paragraph(p, text, bold, idx)
        # text boxes anchored in the paragraph (the DrawingML copy; the VML
        # fallback holds the same text and is skipped) follow it as paragraphs
        for box in p.iter(_TXBX):
            if any(a.tag == _FALLBACK for a in box.iterancestors()):
                continue
            for inner in box.iter(_P):
                t, b = self.paragraph_runs(inner)
                if t.strip():
                    self.blocks.append(Block(kind="paragraph", text=t, bold=b, location=Location(paragraph=idx)))

    def _add_paragraph(self, p, text: str, bold: bool, idx: int) -> None:
        ppr_style = p.find(f"{_q('pPr')}/{_q('pStyle')}")
        pstyle = ppr_style.get(_VAL) if ppr_style is not None else None
        style_name = self.styles.name(pstyle)
        outline = _prop(p, "outline") or self.styles.attr(pstyle, "outline")
        style = None
        if style_name and style_name.lower().startswith(_HEADING_STYLES):
            style = style_name
        elif outline is not None and outline.isdigit() and int(outline) < 9:
            style = f"Heading {int(outline) + 1}"
        jc = _prop(p, "jc") or self.styles.attr(pstyle, "jc")
        self.blocks.append(
            Block(
                kind="paragraph",
                text=text,
                style=style,
                bold=bold,
                centered=jc == "center",
                location=Location(paragraph=idx),
            )
        )

    # -- tables -----------------------------------------------------------

    def cell_text(self, tc) -> str:
        paras = []
        for p in tc.iter(_P):
            # skip paragraphs inside deleted or fallback content
            anc = p.getparent()
            skip = False
            while anc is not None and anc is not tc:
                if anc.tag in _SKIP:
                    skip = True
                    break
                anc = anc.getparent()
            if skip:
                continue
            t, _ = self.paragraph_runs(p)
            if t.strip():
                paras.append(t.strip())
        return "\n".join(paras)

    def table(self, tbl) -> None:
        from .text import _looks_like_header

        ti = self.table_index
        self.table_index += 1
        grid: list[tuple[list[str], list[str], bool, list[bool]]] = []
        above: dict[int, str] = {}
        ncols = 0
        for tr in tbl.iterchildren(_TR):
            cells: list[str] = []
            filled: list[str] = []
            bolds: list[bool] = []
            trpr = tr.find(_TRPR)
            header_flag = trpr is not None and trpr.find(_TBLHEADER) is not None and _on(trpr.find(_TBLHEADER))
            gb = trpr.find(_GRIDBEFORE) if trpr is not None else None
            col = int(gb.get(_VAL, "0")) if gb is not None else 0
            cells.extend([""] * col)
            filled.extend([""] * col)
            bolds.extend([True] * col)
            for tc in tr.iterchildren(_TC):
                tcpr = tc.find(_TCPR)
                span = 1
                vmerge = None
                if tcpr is not None:
                    gs = tcpr.find(_GRIDSPAN)
                    if gs is not None:
                        try:
                            span = max(1, int(gs.get(_VAL, "1")))
                        except ValueError:
                            span = 1
                    vm = tcpr.find(_VMERGE)
                    if vm is not None:
                        vmerge = vm.get(_VAL) or "continue"
                if vmerge == "continue":
                    cells.append("")
                    filled.append(above.get(col, ""))
                    bolds.append(True)
                else:
                    t = self.cell_text(tc)
                    cells.append(t)
                    filled.append(t)
                    bolds.append(all(self.paragraph_runs(p)[1] for p in tc.iter(_P) if self.paragraph_runs(p)[0].strip()) if t.strip() else True)
                    if vmerge == "restart":
                        above[col] = t
                    else:
                        above.pop(col, None)
                for k in range(1, span):
                    cells.append("")
                    filled.append("")
                    bolds.append(True)
                    above.pop(col + k, None)
                col += span
            ncols = max(ncols, len(cells))
            grid.append((cells, filled, header_flag, bolds))
        if not grid:
            return
        if ncols <= 1:
            # a framed note: its text is paragraphs
            for cells, _, _, _ in grid:
                for line in (cells[0] if cells else "").split("\n"):
                    if line.strip():
                        self.blocks.append(Block(kind="paragraph", text=line, location=Location(table=ti)))
            return
        header: Optional[list[str]] = None
        for ri, (cells, filled, header_flag, bolds) in enumerate(grid):
            cells = cells + [""] * (ncols - len(cells))
            filled = filled + [""] * (ncols - len(filled))
            if not any(c.strip() for c in cells) and not any(f.strip() for f in filled):
                continue
            row = Block(
                kind="table_row",
                text=" | ".join(c.replace("\n", " ") for c in cells),
                cells=cells,
                filled_cells=filled if filled != cells else None,
                table_id=ti,
                row_index=ri,
                bold=all(bolds),
                location=Location(table=ti, row=ri),
                cell_locations=[Location(table=ti, row=ri, cell=ci) for ci in range(ncols)],
            )
            if header is None and ri == 0 and (header_flag or _looks_like_header(row) or (row.bold and ncols >= 3)):
                row.is_header_row = True
                header = [c.replace("\n", " ") for c in cells]
            elif header_flag and header is not None and ri <= 2:
                row.is_header_row = True  # a second header line
            elif header is not None:
                row.header = header
            self.blocks.append(row)

    # -- body -------------------------------------------------------------

    def body(self, el) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if tag == _P:
                self.paragraph(child)
            elif tag == _TBL:
                self.table(child)
            elif tag in (_SDT, _SDTCONTENT) or tag.endswith("}customXml"):
                self.body(child if tag != _SDT else (child.find(_SDTCONTENT) if child.find(_SDTCONTENT) is not None else child))


def _first_page_header(document, legacy, first_table_id: int) -> list[Block]:
    """Blocks of the first page's own header, when the document has one.

    Some offices put the letterhead (issuing body, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA
    VIỆT NAM", number and date) in the header of the first page rather than
    in the body; a reader sees it at the top of the document, so it comes
    first. Running headers of the other pages stay out, and a first-page
    header holding only a page number is ignored. Its tables are numbered
    after the body's, so body table locations do not move.
    """
    try:
        section = document.sections[0]
        if not section.different_first_page_header_footer:
            return []
        header = section.first_page_header
        if header.is_linked_to_previous:
            return []
        element = header._element
    except Exception:  # no sections / no header part
        return []
    sub = _Reader(document, legacy)
    sub.table_index = first_table_id
    sub.body(element)
    for b in sub.blocks:
        b.location.paragraph = None
    text = " ".join(b.text for b in sub.blocks)
    if not any(ch.isalpha() for ch in text):
        return []
    return sub.blocks


def read_docx(path: Path, data: bytes, options: ReadOptions) -> SourceDocument:
    """Read a ``.docx`` file into paragraph and table-row blocks."""
    import docx  # python-docx

    try:
        document = docx.Document(BytesIO(data))
    except InputError:
        raise
    except Exception as e:
        raise CorruptFileError(
            "the DOCX is damaged and cannot be opened; open it in Word or LibreOffice and save it again"
        ) from e
    reader = _Reader(document, legacy)
    reader.body(document.element.body)
    first = _first_page_header(document, legacy, reader.table_index)
    if first:
        reader.blocks = first + reader.blocks
    info = SourceInfo(
        path=str(path),
        format="docx",
        pages=None,
        sha256=sha256_bytes(data),
        encoding=reader.encodings[0] if reader.encodings else None,
    )
    if reader.encodings:
        info.warnings.append(
            f"converted text in legacy {', '.join(e.upper() for e in reader.encodings)} fonts to Unicode"
        )
    return SourceDocument(source=info, blocks=reader.blocks)


__all__ = ["read_docx"]
