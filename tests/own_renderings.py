"""Our own Markdown documents (``corpora/sample``, ``tests/documents``) as real
PDF (reportlab) and DOCX (python-docx) files, for tests that need "a real
document in that form" and must run without ../shared.

The Markdown is read block by block: ``**bold**`` paragraphs and runs stay
bold, ``*italic*`` paragraphs italic, ``- `` items become list paragraphs and pipe tables
become real tables. A uniquely named module (see corpus_paths.py).
"""

from __future__ import annotations

import re
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_TABLE_RULE = re.compile(r"^\|[\s:|-]+\|$")


def markdown_blocks(md: str) -> list[tuple[str, object]]:
    """("bold"|"italic"|"text", str) paragraphs and ("table", rows) tables."""
    blocks: list[tuple[str, object]] = []
    rows: list[list[str]] = []
    for line in md.splitlines() + [""]:
        line = line.strip()
        if line.startswith("|"):
            if not _TABLE_RULE.match(line):
                rows.append([c.strip() for c in line.strip("|").split("|")])
            continue
        if rows:
            blocks.append(("table", rows))
            rows = []
        if not line:
            continue
        if line.startswith("**") and line.endswith("**") and len(line) > 4:
            blocks.append(("bold", line[2:-2]))
        elif line.startswith("*") and line.endswith("*") and len(line) > 2:
            blocks.append(("italic", line[1:-1]))
        else:
            blocks.append(("text", line.lstrip("#").strip()))
    return blocks


def runs(text: str) -> list[tuple[str, bool]]:
    """A paragraph's (text, bold) runs: ``**Điều 3.** Chánh Văn phòng …``."""
    parts = text.split("**")
    if len(parts) % 2 == 0:  # an unpaired marker: plain text
        return [(text, False)]
    return [(p, i % 2 == 1) for i, p in enumerate(parts) if p]


def _fonts() -> dict[str, str]:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = {"text": "DejaVuSans", "bold": "DejaVuSans-Bold", "italic": "DejaVuSans-Oblique"}
    registered = pdfmetrics.getRegisteredFontNames()
    for name in names.values():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"{name}.ttf")))
    addMapping("DejaVuSans", 0, 0, "DejaVuSans")
    addMapping("DejaVuSans", 1, 0, "DejaVuSans-Bold")
    addMapping("DejaVuSans", 0, 1, "DejaVuSans-Oblique")
    return names


def render_pdf(md_path: Path, out: Path) -> Path:
    """An A4 PDF with a text layer, one paragraph per Markdown block."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    fonts = _fonts()
    styles = {k: ParagraphStyle(k, fontName=f, fontSize=12, leading=16, spaceAfter=6) for k, f in fonts.items()}
    cell = ParagraphStyle("cell", fontName=fonts["text"], fontSize=9.5, leading=12)
    story = []
    for kind, value in markdown_blocks(md_path.read_text(encoding="utf-8")):
        if kind == "table":
            data = [[Paragraph(escape(c), cell) for c in row] for row in value]
            table = Table(data, repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(table)
        else:
            markup = "".join(f"<b>{escape(t)}</b>" if b else escape(t) for t, b in runs(value))
            story.append(Paragraph(markup, styles[kind]))
    SimpleDocTemplate(str(out), pagesize=A4, leftMargin=2.5 * cm, rightMargin=2 * cm,
                      topMargin=2 * cm, bottomMargin=2 * cm).build(story)
    return out


def render_docx(md_path: Path, out: Path) -> Path:
    """A Word file, one paragraph (or table) per Markdown block."""
    import docx

    d = docx.Document()
    for kind, value in markdown_blocks(md_path.read_text(encoding="utf-8")):
        if kind == "table":
            table = d.add_table(rows=len(value), cols=len(value[0]))
            table.style = "Table Grid"
            for r, row in enumerate(value):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            continue
        paragraph = d.add_paragraph()
        for text, bold in runs(value):
            run = paragraph.add_run(text)
            run.bold, run.italic = bold or kind == "bold", kind == "italic"
    d.save(out)
    return out


def render(md_path: Path, folder: Path, form: str) -> Path:
    """``md_path`` written as ``folder/STEM.form`` (form: pdf or docx)."""
    out = folder / f"{md_path.stem}.{form}"
    return {"pdf": render_pdf, "docx": render_docx}[form](md_path, out)
