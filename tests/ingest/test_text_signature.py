"""The recipients' list and the signature block of a text copied out of a PDF (issue 12):
a PDF viewer's copy interleaves the two columns line by line ("Nơi nhận: - Bộ Khoa học và
TM. ỦY BAN NHÂN DÂN KT."); the text reader gives back one row of two cells, as the Markdown
and DOCX renderings do, so the signer and the recipients come out as from the Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from directive_nlp.ingest import read_document
from directive_nlp.ingest.text import parse_text
from directive_nlp.ingest.text_signature import signature_block
from directive_nlp.pipeline import extract

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

BODY = [
    "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành tổ chức thực hiện nghiêm túc Kế hoạch này./.",
]
RECIPIENTS = ["Nơi nhận:", "- Bộ Khoa học và Công nghệ;", "- Thường trực Tỉnh ủy;", "- Thường trực HĐND tỉnh;",
              "- Các sở, ban, ngành tỉnh;", "- UBND các xã, phường;", "- Lưu: VT, KGVX."]
SIGNATURE = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Trần Văn Bình"]


def _pdf_copy(path: Path, *, side_by_side: bool) -> str:
    """A page written with reportlab (the body, then the recipients at the left and the
    signature at the right, or the signature below the list) and its text as pdfplumber's
    ``extract_text`` gives it (a PDF viewer's copy)."""
    pdfplumber = pytest.importorskip("pdfplumber")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if not Path(FONT).exists():
        pytest.skip("DejaVu Sans is not installed")
    pdfmetrics.registerFont(TTFont("DV", FONT))
    c = canvas.Canvas(str(path), pagesize=A4)
    h = A4[1]
    c.setFont("DV", 11)
    c.drawString(60, h - 80, BODY[0][:80])
    c.drawString(60, h - 96, BODY[0][80:])
    y = 130
    for k, line in enumerate(RECIPIENTS):
        c.drawString(60, h - y - 16 * k, line)
    y2 = y if side_by_side else y + 16 * len(RECIPIENTS) + 10
    for k, line in enumerate(SIGNATURE):
        c.drawString(330 if side_by_side else 60, h - y2 - 16 * k, line)
    c.showPage()
    c.save()
    with pdfplumber.open(path) as pdf:
        return "\n\f".join(page.extract_text() or "" for page in pdf.pages) + "\n"


def test_side_by_side_recipients_and_signature_become_one_row_of_two_cells(tmp_path):
    text = _pdf_copy(tmp_path / "plan.pdf", side_by_side=True)
    assert "Nơi nhận: TM. ỦY BAN NHÂN DÂN" in text  # the copy interleaves the two columns
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    src = read_document(path)
    row = next(b for b in src.blocks if b.kind == "table_row")
    assert row.cells[0].startswith("Nơi nhận:") and row.cells[0].endswith("- Lưu: VT, KGVX.")
    assert "TM." not in row.cells[0] and "Trần" not in row.cells[0]
    assert row.cells[1] == "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Bình"
    for cell, cmap in zip(row.cells, row.cell_char_maps):  # offsets kept
        assert [src.raw_text[i] for i, ch in zip(cmap, cell) if ch != " "] == [ch for ch in cell if ch != " "]
    doc = extract(path).document
    assert doc.signer.name == "Trần Văn Bình" and doc.signer.position == "Phó Chủ tịch"
    assert doc.recipients[:2] == ["Bộ Khoa học và Công nghệ", "Thường trực Tỉnh ủy"]


def test_a_signature_below_the_list_is_no_row_and_its_name_is_still_read(tmp_path):
    text = _pdf_copy(tmp_path / "plan.pdf", side_by_side=False)
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    assert not [b for b in read_document(path).blocks if b.kind == "table_row"]
    # "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / the name, each a line of its own
    assert extract(path).document.signer.name == "Trần Văn Bình"


def test_interleaved_lines_are_cut_where_the_signature_column_starts():
    lines = [
        "Nơi nhận: - Như Điều 2; - Văn KT. CHỦ TỊCH PHÓ CHỦ\n",
        "phòng Chính phủ; - Bộ Tài TỊCH Nguyễn Ngọc Sâm\n",
        "chính; - Thường trực Tỉnh ủy; -\n",
        "Lưu: VT.\n",
    ]
    used, row = signature_block(lines, set())
    assert used == [0, 1, 2, 3]
    assert row.cells == ["Nơi nhận: - Như Điều 2; - Văn phòng Chính phủ; - Bộ Tài chính; - Thường trực Tỉnh ủy; - "
                         "Lưu: VT.", "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Ngọc Sâm"]
    # a name run on after a title-case word of the list starts at its family name
    lines[1] = "ủy; - Thường trực HĐND Thành TỊCH Trương Việt Dũng\n"
    assert signature_block(lines, set())[1].cells[1].endswith("TỊCH Trương Việt Dũng")


@pytest.mark.parametrize("text", [
    # the list and the signature on lines of their own
    "Nơi nhận:\n- Bộ Tài chính;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n",
    # a capacity word in running text, followed by lower case
    "Nơi nhận: văn bản KT. số 12 gửi các sở\nthực hiện theo quy định Nguyễn Văn An\n",
    # capitals that are no post ("UBND", "HĐND") and title-case words with no family name
    "Nơi nhận: - Sở Tài chính; - Sở Xây TM. ỦY BAN NHÂN DÂN\ndựng; - UBND HĐND\nThường trực Thành Phố Mới\n",
])
def test_lists_without_an_interleaved_signature_are_left_alone(text):
    assert signature_block(text.splitlines(keepends=True), set()) is None
    assert not [b for b in parse_text(text, markdown=False) if b.kind == "table_row"]
