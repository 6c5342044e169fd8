"""Section trees of the PDF and DOCX renderings.

The same document read from Markdown, PDF or DOCX must give the same gold
section ids, and (nearly) the same section for every block. Files made here
with python-docx and reportlab check the readers' formatting hints (bold,
heading styles, tables) feed the parser. A missing reader skips politely.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from directive_nlp.pipeline import load_text
from directive_nlp.structure import parse_structure
from corpus_paths import DOCUMENTS, requires_dev
from own_renderings import render
from test_sections_gold import DEV, DEV_DOCS, agreement, extra_docs, parsed

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def need_reader(form: str) -> None:
    if importlib.util.find_spec(f"directive_nlp.ingest.{form}") is None:
        pytest.skip(f"the {form.upper()} reader (ingest/{form}.py) is not there yet")


def block_agreement(md: Path, other: Path) -> tuple[int, int]:
    """Blocks of the Markdown form whose text is found, in order, in the
    other form and lies in a block with the same section id."""
    d1, s1 = parsed(md)
    d2, s2 = parsed(other)
    ok = total = 0
    last = 0
    for b, info in zip(d1.blocks, s1.blocks):
        probe = d1.block_text(b)[:80]
        pos = d2.text.find(probe, last)
        if pos < 0:
            continue
        last = pos + 1
        total += 1
        ok += s2.blocks[d2.block_at(pos).index].section == info.section
    return ok, total


# --------------------------------------------------------------------------
# gold on the renderings
# --------------------------------------------------------------------------


@pytest.mark.parametrize("form", ["pdf", "docx"])
@pytest.mark.parametrize("name", sorted(p.name.removesuffix(".gold.jsonl") for p in DOCUMENTS.glob("*.gold.jsonl")))
def test_own_rendering_gold_sections(name: str, form: str, tmp_path: Path) -> None:
    """Our gold documents written as real PDF (reportlab) and DOCX (python-docx): every gold id."""
    need_reader(form)
    md = DOCUMENTS / f"{name}.md"
    ok, total, misses = agreement(render(md, tmp_path, form), DOCUMENTS / f"{name}.gold.jsonl", prefix=60)
    assert not misses and ok == total, "\n".join(misses)


@requires_dev
@pytest.mark.parametrize("form", ["pdf", "docx"])
@pytest.mark.parametrize("name", DEV_DOCS)
def test_dev_rendering_gold_sections(name: str, form: str) -> None:
    need_reader(form)
    ok, total, misses = agreement(DEV / "rendered" / f"{name}.{form}", DEV / f"{name}.gold.jsonl", prefix=60)
    print(f"\n{name}.{form}: {ok}/{total}")
    assert not misses, "\n".join(misses)


@pytest.mark.shared
@pytest.mark.parametrize("form", ["pdf", "docx"])
@pytest.mark.parametrize("name", extra_docs(with_gold=True) or ["<absent>"])
def test_extra_rendering_gold_sections(name: str, form: str, shared_extra: Path) -> None:
    need_reader(form)
    ok, total, misses = agreement(
        shared_extra / "rendered" / f"{name}.{form}", shared_extra / f"{name}.gold.jsonl", prefix=60
    )
    print(f"\n{name}.{form}: {ok}/{total}")
    assert not misses, "\n".join(misses)


@pytest.mark.shared
@pytest.mark.parametrize("form", ["pdf", "docx"])
@pytest.mark.parametrize("name", extra_docs() or ["<absent>"])
def test_extra_rendering_same_tree_as_markdown(name: str, form: str, shared_extra: Path) -> None:
    """All twelve layouts: the rendering gives the Markdown's section ids and
    puts at least 97 % of the blocks in the same section."""
    need_reader(form)
    md = shared_extra / f"{name}.md"
    other = shared_extra / "rendered" / f"{name}.{form}"
    ids_md = [s.id for s in parsed(md)[1].sections]
    ids_other = [s.id for s in parsed(other)[1].sections]
    assert ids_other == ids_md
    ok, total = block_agreement(md, other)
    print(f"\n{name}.{form}: {ok}/{total} blocks in the same section")
    assert total and ok / total >= 0.97


@requires_dev
@pytest.mark.parametrize("form", ["pdf", "docx"])
def test_dev_rendering_blocks_agree(form: str) -> None:
    need_reader(form)
    for name in DEV_DOCS:
        ok, total = block_agreement(DEV / f"{name}.md", DEV / "rendered" / f"{name}.{form}")
        # the plan's rendering glues three headings into one paragraph:
        # those blocks sit in the innermost of the three sections
        assert total and ok / total >= 0.95, (name, ok, total)


# --------------------------------------------------------------------------
# files written here
# --------------------------------------------------------------------------

# (text, bold) paragraphs of a small plan, and one assignment table
PLAN = [
    ("KẾ HOẠCH", True),
    ("Bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán 2026", True),
    ("Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Ban An toàn giao thông tỉnh ban hành Kế hoạch như sau:", False),
    ("I. MỤC ĐÍCH", True),
    ("Giảm số vụ tai nạn giao thông so với cùng kỳ năm trước.", False),
    ("II. NHIỆM VỤ", True),
    ("1. Công an tỉnh", True),
    ("a) Tăng cường tuần tra, kiểm soát nồng độ cồn trên các tuyến quốc lộ;", False),
    ("b) Xử lý nghiêm các hành vi chở quá số người quy định.", False),
    ("2. Sở Xây dựng", True),
    ("- Rà soát, khắc phục các điểm đen về tai nạn giao thông.", False),
    ("+ Hoàn thành trước ngày 15/01/2026.", False),
    ("III. TỔ CHỨC THỰC HIỆN", True),
    ("Các cơ quan báo cáo kết quả về Ban An toàn giao thông tỉnh trước ngày 20/02/2026.", False),
    ("PHỤ LỤC", True),
]
TABLE = [
    ["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian"],
    ["1", "Tuần tra ban đêm", "Công an tỉnh", "Tháng 01/2026"],
    ["2", "Sơn lại vạch kẻ đường", "Sở Xây dựng", "Tháng 12/2025"],
]
EXPECTED = {
    "Thực hiện chỉ đạo": "preamble",
    "Giảm số vụ": "I",
    "1. Công an tỉnh": "II.1",
    "a) Tăng cường tuần tra": "II.1.a",
    "b) Xử lý nghiêm": "II.1.b",
    "- Rà soát": "II.2",
    "+ Hoàn thành": "II.2",
    "Các cơ quan báo cáo": "III",
    "PHỤ LỤC": "PL",
    "1 | Tuần tra": "PL.row1",
    "2 | Sơn lại": "PL.row2",
}


def sections_by_start(path: Path) -> dict[str, str]:
    doc = load_text(path)
    st = parse_structure(doc)
    got: dict[str, str] = {}
    for start in EXPECTED:
        for b, info in zip(doc.blocks, st.blocks):
            if doc.block_text(b).startswith(start):
                got[start] = info.section
                break
    return got


def test_docx_written_with_python_docx(tmp_path: Path) -> None:
    need_reader("docx")
    import docx

    d = docx.Document()
    for text, bold in PLAN:
        p = d.add_paragraph()
        p.add_run(text).bold = bold
    t = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, cell in enumerate(row):
            t.cell(r, c).text = cell
    path = tmp_path / "plan.docx"
    d.save(path)
    assert sections_by_start(path) == EXPECTED


def test_pdf_written_with_reportlab(tmp_path: Path) -> None:
    need_reader("pdf")
    if not FONT.exists():
        pytest.skip("DejaVuSans is not installed")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT)))
    bold_font = "DejaVu"
    if FONT_BOLD.exists():
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_BOLD)))
        bold_font = "DejaVu-Bold"
    normal = ParagraphStyle("n", fontName="DejaVu", fontSize=12, leading=16, spaceAfter=6)
    strong = ParagraphStyle("b", parent=normal, fontName=bold_font)
    story = [Paragraph(text, strong if bold else normal) for text, bold in PLAN]
    story.append(Spacer(1, 6))
    table = Table(TABLE, colWidths=[1.2 * cm, 6 * cm, 4.5 * cm, 3.5 * cm])
    table.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), "DejaVu"), ("GRID", (0, 0), (-1, -1), 0.5, "black")])
    )
    story.append(table)
    path = tmp_path / "plan.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    assert sections_by_start(path) == EXPECTED


@requires_dev
def test_bad_font_pdf_gold_sections() -> None:
    """The PDF whose fonts garble pdfplumber's text still gives every gold id."""
    need_reader("pdf")
    name = "langson_ctr_hanh_dong_ct36"
    ok, total, misses = agreement(DEV / "rendered" / f"{name}.badfont.pdf", DEV / f"{name}.gold.jsonl", prefix=60)
    assert not misses and ok == total == 66, misses
