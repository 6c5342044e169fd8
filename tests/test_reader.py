"""The reader step: any input becomes one Doc with the layout as span groups and the document on doc._."""

from __future__ import annotations

from pathlib import Path

import pytest

import directive_nlp
from directive_nlp.tasks.mentions import MentionIndex, ag

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINES = [
    "KẾ HOẠCH",
    "Phòng chống dịch bệnh năm 2026",
    "I. NHIỆM VỤ",
    "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính kiểm tra các cơ sở y tế trước ngày 30/6/2026.",
    "2. Sở Nông nghiệp và Môi trường:",
    "- Giám sát dịch bệnh trên đàn gia súc.",
    "Thời gian thực hiện: hằng tháng.",
]


def _pdf(path: Path) -> Path:
    if not FONT.exists():
        pytest.skip("DejaVuSans.ttf is absent")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("DejaVuSans", 11)
    y = 780
    for line in LINES:
        c.drawString(60, y, line)
        y -= 28
    c.save()
    return path


def _docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    for line in LINES[:4]:
        d.add_paragraph(line)
    t = d.add_table(rows=2, cols=3)
    for cell, text in zip(t.rows[0].cells, ["Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"]):
        cell.text = text
    for cell, text in zip(t.rows[1].cells, ["Rà soát cơ sở dữ liệu dịch bệnh", "Sở Y tế", "Quý III/2026"]):
        cell.text = text
    d.save(str(path))
    return path


@pytest.fixture(scope="module")
def nlp():
    return directive_nlp.load()


def _check_exact(doc) -> None:
    from directive_nlp import extensions as ext

    ndoc = doc._.dnlp_source
    assert doc.text == ndoc.text
    blocks = doc.spans[ext.BLOCK]
    assert len(blocks) == sum(1 for b in ndoc.blocks if b.end > b.start)
    for span in blocks:
        b = ndoc.blocks[span._.dnlp_block]
        assert span.start_char <= b.start and b.end <= span.end_char  # snapped to whole tokens around the block
        assert doc.text[b.start:b.end] in span.text
    for s in doc.spans.get(ext.AGENCY, []):
        a, b = s._.dnlp_chars
        assert s.start_char <= a < b <= s.end_char and doc.text[a:b] == s.text[a - s.start_char:b - s.start_char]


def test_text_document_becomes_one_doc(nlp, tmp_path):
    from directive_nlp import extensions as ext
    from directive_nlp.reader import read_doc

    p = tmp_path / "kh.txt"
    p.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    doc = read_doc(nlp, p)
    _check_exact(doc)
    assert doc._.dnlp_structure is not None and doc._.dnlp_meta.doc_type
    assert "I. NHIỆM VỤ" in [s.text for s in doc.spans[ext.HEADING]]
    assert {s.label_ for s in doc.spans[ext.LIST_ITEM]} >= {"bullet"}
    assert [s.label_ for s in doc.spans[ext.LABEL]] == ["time"]
    assert ext.AGENCY not in doc.spans and ext.TASK not in doc.spans  # the reader only: no component ran yet
    done = nlp(doc)
    assert done is doc and len(doc.spans[ext.TASK]) >= 2
    _check_exact(doc)


def test_pdf_blocks_keep_page_and_box(nlp, tmp_path):
    from directive_nlp import extensions as ext
    from directive_nlp.reader import read_doc

    doc = read_doc(nlp, _pdf(tmp_path / "kh.pdf"))
    _check_exact(doc)
    blocks = doc.spans[ext.BLOCK]
    assert blocks and all(s._.dnlp_page == 1 and s._.dnlp_bbox is not None for s in blocks)
    nlp(doc)
    (first, *_) = doc.spans[ext.TASK]
    assert first._.dnlp_task["agencies"][0]["name"] == "Sở Y tế"


def test_docx_table_rows_and_cells(nlp, tmp_path):
    from directive_nlp import extensions as ext
    from directive_nlp.reader import read_doc

    doc = read_doc(nlp, _docx(tmp_path / "kh.docx"))
    _check_exact(doc)
    rows = doc.spans[ext.TABLE_ROW]
    assert [r.label_ for r in rows] == ["header", "row"]
    assert [c.text for c in doc.spans[ext.TABLE_CELL]][3:] == ["Rà soát cơ sở dữ liệu dịch bệnh", "Sở Y tế",
                                                              "Quý III/2026"]


def test_bad_input_is_one_line_error(nlp, tmp_path):
    from directive_nlp.reader import read_doc
    from directive_nlp.errors import InputError

    p = tmp_path / "x.pdf"
    p.write_bytes(b"not a pdf")
    with pytest.raises(InputError):
        read_doc(nlp, p)


def test_mention_index_answers_for_slices_and_not_across_their_edges():
    from datetime import date

    from directive_nlp.models import Deadline
    from directive_nlp.tasks.mentions import dl as make_dl

    text = "Sở Y tế chủ trì.\nGiao Sở Tài chính báo cáo trước ngày 30/6/2026."
    dl = make_dl(43, 63, Deadline(text="trước ngày 30/6/2026", kind="by", date="2026-06-30"))
    idx = MentionIndex(text, [ag(0, 7, "Sở Y tế", "sở y tế", "so"), ag(22, 34, "Sở Tài chính", "sở tài chính", "so")],
                       [dl], None, {"Sở Y tế chủ trì.": 0, text[17:]: 17})
    assert [(a.start, a.name) for a in idx.agencies_in(text[17:])] == [(5, "Sở Tài chính")]
    assert [(a.start, a.name) for a in idx.agencies_in("Sở Tài chính báo cáo")] == [(0, "Sở Tài chính")]  # a part
    assert idx.agencies_in("Tài chính báo cáo") is None  # a name cut by the slice: read the slice alone
    assert idx.agencies_in("không có trong văn bản") is None
    assert [(d.start, d.deadline.date) for d in idx.deadlines_in(text[17:], None)] == [(26, "2026-06-30")]
    assert idx.deadlines_in("Sở Y tế chủ trì.", None) == []
    assert idx.deadlines_in("trước ngày 30/6/2026", None) is None  # a part of a block: read in its own words
    assert idx.deadlines_in(text[17:], date(2026, 1, 1)) is None  # another anchor date


def test_extensions_are_registered_once_in_one_module():
    from directive_nlp import extensions as ext
    from spacy.tokens import Doc, Span

    for name in ("dnlp_source", "dnlp_structure", "dnlp_meta", "dnlp_tasks", "dnlp_notes"):
        assert Doc.has_extension(name)
    for name in ("dnlp_chars", "dnlp_task", "dnlp_page", "dnlp_bbox", "deadline"):
        assert Span.has_extension(name)
    ext.register()  # idempotent


def test_no_word_crosses_a_cell_separator():
    from directive_nlp.tokenizer import segment

    words = segment("Nhiệm vụ | Sở Y tế | Quý III/2026")
    assert "|" in words and "Quý" in words and not any("|" in w and w != "|" for w in words)
    assert segment("Ủy ban  nhân dân tỉnh") == ["Ủy", "ban  nhân dân", "tỉnh"]  # a real word keeps its spaces
