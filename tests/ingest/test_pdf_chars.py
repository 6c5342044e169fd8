"""The bulk character layer of the PDF reader (``ingest/pdf_chars.py``) gives
what reading one character at a time gave: the same boxes as pypdfium2's own
``get_charbox``, the same line segments and cell texts as the per-character
loops it replaced (kept below as references), on PDFs written with reportlab."""

from __future__ import annotations

import ctypes

import numpy as np
import pytest

from directive_nlp.ingest.pdf import _garbled
from directive_nlp.ingest.pdf_chars import (
    GAP_SPLIT_EM,
    SPACE_CODES,
    BoxSelector,
    FontInfo,
    PageChars,
    read_page_chars,
    segment_spans,
)

from readers_docs import _fonts, build_plan_pdf

pdfium = pytest.importorskip("pypdfium2")
import pypdfium2.raw as raw  # noqa: E402


@pytest.fixture(scope="module")
def mixed_pdf(tmp_path_factory):
    """Two pages: a bold heading, wrapped Vietnamese text, a two-column line
    with a wide gutter, a ruled table drawn with lines, spaces of all kinds."""
    from reportlab.pdfgen import canvas

    _fonts()
    path = tmp_path_factory.mktemp("chars") / "mixed.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("DejaVuSans-Bold", 13)
    c.drawString(72, 780, "KẾ HOẠCH Triển khai Chỉ thị số 36-CT/TW")
    c.setFont("DejaVuSans", 11)
    c.drawString(72, 750, "Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức kiểm tra")
    c.drawString(72, 735, "trước ngày 30/6/2026;\u00a0báo cáo UBND tỉnh.")
    c.drawString(72, 700, "ỦY BAN NHÂN DÂN")
    c.drawString(330, 700, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    for x in (72, 120, 400, 520):
        c.line(x, 660, x, 560)
    for y in (660, 620, 560):
        c.line(72, y, 520, y)
    c.drawString(80, 640, "STT")
    c.drawString(130, 640, "Nội dung")
    c.drawString(410, 640, "Cơ quan")
    c.drawString(80, 600, "1")
    c.drawString(130, 600, "Rà soát, đánh giá việc")
    c.drawString(130, 585, "thực hiện Chỉ thị")
    c.drawString(410, 600, "Sở Nội vụ")
    c.showPage()
    c.setFont("DejaVuSans", 11)
    c.drawString(72, 780, "2. Tổ chức thực hiện")
    c.drawString(100, 760, "Các sở, ban, ngành căn cứ Kế hoạch này xây dựng kế hoạch.")
    c.save()
    return path


def _pages(path):
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            try:
                yield page, tp, page.get_size()[1]
            finally:
                tp.close()
                page.close()
    finally:
        pdf.close()


def _per_char(tp, height):
    """The former reader: one ``get_charbox`` per character (line breaks zero)."""
    text = tp.get_text_range()
    out = []
    for i, ch in enumerate(text):
        if ch in "\r\n":
            out.append((ch, 0.0, 0.0, 0.0, 0.0, i))
            continue
        left, bottom, right, top = tp.get_charbox(i)
        out.append((ch, left, height - top, right, height - bottom, i))
    return out


@pytest.mark.parametrize("which", ["mixed", "plan"])
def test_bulk_boxes_are_pypdfium2s_boxes(which, mixed_pdf, tmp_path) -> None:
    path = mixed_pdf if which == "mixed" else build_plan_pdf(tmp_path / "plan.pdf")
    seen = 0
    for _page, tp, height in _pages(path):
        chars = read_page_chars(tp, height)
        assert chars.items == _per_char(tp, height)
        seen += len(chars.text)
    assert seen > 200


def test_a_character_pdfium_lacks_keeps_the_box_asked_before_it(mixed_pdf) -> None:
    """The text is longer than pdfium's count (as when a page's text and its
    characters disagree): the extra characters keep the last box read, as the
    four reused doubles of the per-character loop did."""
    from directive_nlp.ingest.pdf_chars import _raw_boxes

    for _page, tp, _height in _pages(mixed_pdf):
        text = tp.get_text_range()
        boxes = _raw_boxes(raw, tp.raw, text + "ab")
        last = max(i for i, ch in enumerate(text) if ch not in "\r\n")
        assert boxes[-1].tolist() == boxes[-2].tolist() == boxes[last].tolist()
        assert boxes[last].tolist() != [0.0, 0.0, 0.0, 0.0]
        break


def _segments_per_char(chars, skip_boxes):
    """The former per-character segmentation: (text, x0, top, x1, bottom, first, last, first word width)."""
    out, cur = [], []

    def inside(c):
        cx, cy = (c[1] + c[3]) / 2, (c[2] + c[4]) / 2
        return any(x0 - 1 <= cx <= x1 + 1 and t0 - 1 <= cy <= b1 + 1 for x0, t0, x1, b1 in skip_boxes)

    def flush():
        body = [c for c in cur if not c[0].isspace() and c[3] > c[1]]
        if body:
            first = body[0]
            fw_end = first[3]
            for c in cur:
                if c[0].isspace() and c[1] >= first[1]:
                    break
                if c[3] > c[1]:
                    fw_end = c[3]
            out.append(("".join(c[0] for c in cur).strip(), min(c[1] for c in body), min(c[2] for c in body),
                        max(c[3] for c in body), max(c[4] for c in body), first[5], body[-1][5],
                        fw_end - first[1]))
        cur.clear()

    prev = None
    for c in chars:
        if c[0] in "\r\n":
            flush()
            prev = None
            continue
        if skip_boxes and not c[0].isspace() and inside(c):
            continue
        if prev is not None and not c[0].isspace() and c[3] > c[1]:
            size = max(prev[4] - prev[2], c[4] - c[2], 4.0)
            if c[1] - prev[3] > GAP_SPLIT_EM * size or c[1] < prev[1] - size:
                flush()
        cur.append(c)
        if not c[0].isspace() and c[3] > c[1]:
            prev = c
    flush()
    return out


def _spans(chars, skip_boxes):
    return [(s.text, s.x0, s.top, s.x1, s.bottom, s.first, s.last, s.first_word_w)
            for s in segment_spans(chars, skip_boxes)]


def test_segments_are_those_of_the_per_character_loop(mixed_pdf) -> None:
    for _page, tp, height in _pages(mixed_pdf):
        chars = read_page_chars(tp, height)
        assert _spans(chars, []) == _segments_per_char(chars.items, [])
    for _page, tp, height in _pages(mixed_pdf):
        chars = read_page_chars(tp, height)
        spans = _spans(chars, [])
        texts = [s[0] for s in spans]
        # the wide gutter splits the header line into two segments; the table area is left out when skipped
        assert "ỦY BAN NHÂN DÂN" in texts and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in texts
        table = [(72.0, height - 660, 520.0, height - 560)]
        skipped = _spans(chars, table)
        assert skipped == _segments_per_char(chars.items, table)
        assert "Sở Nội vụ" in texts and all("Sở Nội vụ" not in s[0] for s in skipped)
        assert "KẾ HOẠCH Triển khai Chỉ thị số 36-CT/TW" in [s[0] for s in skipped]
        break


def test_segments_of_a_page_with_no_visible_character() -> None:
    blank = PageChars(" \r\n  ", np.zeros((5, 4)), np.arange(5))
    assert segment_spans(blank, []) == []
    assert segment_spans(PageChars("", np.zeros((0, 4)), np.arange(0)), []) == []


def _cell_text_per_char(chars, box):
    """The former cell reader: characters whose centre lies in the box, line by line."""
    x0, top, x1, bottom = box
    lines, cur, broke = [], [], False
    for c in chars:
        if c[0] in "\r\n":
            broke = True
            continue
        cx, cy = (c[1] + c[3]) / 2, (c[2] + c[4]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            continue
        if broke and cur:
            lines.append("".join(cur).strip())
            cur = []
        broke = False
        cur.append(c[0])
    if cur:
        lines.append("".join(cur).strip())
    return lines


def test_cells_read_by_masks_are_those_of_the_per_character_loop(mixed_pdf) -> None:
    for _page, tp, height in _pages(mixed_pdf):
        chars = read_page_chars(tp, height)
        select = BoxSelector(chars)
        table = select.table((72.0, height - 660, 520.0, height - 560))
        cells = [(72.0, height - 620, 120.0, height - 560), (120.0, height - 620, 400.0, height - 560),
                 (400.0, height - 660, 520.0, height - 620), (0.0, 0.0, 10.0, 10.0)]
        for cell in cells:
            assert select.lines(select.inside(table, cell)) == _cell_text_per_char(chars.items, cell)
        assert select.lines(select.inside(table, cells[1])) == ["Rà soát, đánh giá việc", "thực hiện Chỉ thị"]
        assert select.lines(select.inside(table, cells[3])) == []
        heading = select.inside(select.chars, (60, 40, 540, 70))
        assert FontInfo(raw, tp.raw).bold(select.first_visible(heading))
        assert select.first_visible(select.inside(table, cells[3])) is None
        break


def test_font_names_and_weights(mixed_pdf) -> None:
    for _page, tp, height in _pages(mixed_pdf):
        chars = read_page_chars(tp, height)
        fonts = FontInfo(raw, tp.raw)
        heading, body = chars.text.index("KẾ"), chars.text.index("Sở Y")
        assert fonts.name(heading) == "DejaVuSans-Bold" and fonts.bold(heading)
        assert fonts.name(body) == "DejaVuSans" and not fonts.bold(body)
        assert fonts.name(body) == fonts.name(body + 1)  # decoded once, the same answer
        assert fonts.size(body) == pytest.approx(11, abs=0.01)
        break


def test_space_codes_are_pythons_white_space() -> None:
    assert SPACE_CODES.tolist() == [c for c in range(0x110000) if chr(c).isspace()]
    text = "a b\u00a0c\u3000d\r\ne\u2028\U0001f600\ue000"
    chars = PageChars(text, np.zeros((len(text), 4)), np.arange(len(text)))
    assert chars.space.tolist() == [ch.isspace() for ch in text]
    assert chars.breaks.tolist() == [ch in "\r\n" for ch in text]
    assert chars.has_text() and not PageChars(" \n", np.zeros((2, 4)), np.arange(2)).has_text()


def test_garbled_text_is_told_from_readable_text() -> None:
    readable = "Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức kiểm tra trước ngày 30/6/2026."
    assert not _garbled(readable)
    assert not _garbled(readable + " \ue000 \ue001 \uf020")  # a few private-use bullets
    assert _garbled("\x03\x04\x05\x06\x07\x08\x0e\x0f " * 10)
    assert _garbled("".join(chr(0xE000 + k) for k in range(40)))
    assert not _garbled("\x02" * 40)  # pdfium's soft-hyphen mark is not garbage
    assert not _garbled("\ue000" * 10)  # too little to judge


def test_the_char_box_prototype_takes_addresses() -> None:
    from directive_nlp.ingest.pdf_chars import _char_box_function

    fn = _char_box_function(raw)
    assert fn is _char_box_function(raw)
    assert fn.argtypes[2] is ctypes.c_void_p
