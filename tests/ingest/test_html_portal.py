"""Directive documents saved from web portals read as well as their Markdown.

The pages are made by ``benchmarks/html_portal.py`` from the gold Markdown of
the read half (dev + extra 01, 02, 04, 06, 07, 13-17 when ../shared is
present, ``tests/documents`` otherwise): the body in one cell of a layout
table, ``<br>`` lines, ``<b>`` headings, data tables, menus, related links and
a footer around it. Extraction from the page must score (vendored scorer,
task match 0.5) within 0.02 triple F1 of extraction from the Markdown.
"""

from __future__ import annotations

from collections import Counter

import html_portal as portal  # benchmarks/html_portal.py
import pytest
from corpus_paths import ROOT, SHARED

from directive_nlp.evaluation import count, find_gold_documents, is_measured, report
from directive_nlp.ingest import read_document
from directive_nlp.ingest.html import _link_led, _soft_wrap
from directive_nlp.normalize import normalize_document
from directive_nlp.pipeline import extract

READ_HALF = ("binhphuoc", "langson", "01", "02", "04", "06", "07", "13", "14", "15", "16", "17")
LAYOUTS = ("br", "p", "mixed", "split", "news")


def _documents():
    corpus = SHARED / "corpus"
    if (corpus / "extra").is_dir():
        docs = find_gold_documents([corpus / "dev", corpus / "extra"], "md")
        return [d for d in docs if is_measured(d.name, READ_HALF)]
    return find_gold_documents([ROOT / "tests" / "documents"], "md")


DOCS = _documents()


def _page(tmp_path, doc, layout):
    page = tmp_path / f"{doc.name}.{layout}.html"
    page.write_text(portal.portal_page(doc.path.read_text(encoding="utf-8"), layout, doc.name), encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def md_counts():
    return {d.name: count(d.gold, [t.model_dump() for t in extract(d.path).tasks], 0.5) for d in DOCS}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_portal_pages_score_as_their_markdown(tmp_path, md_counts, layout):
    pooled_md, pooled_html = Counter(), Counter()
    for d in DOCS:
        pred = [t.model_dump() for t in extract(_page(tmp_path, d, layout)).tasks]
        c = count(d.gold, pred, 0.5)
        md_f1, html_f1 = report(md_counts[d.name])["triple"]["f1"], report(c)["triple"]["f1"]
        assert html_f1 >= md_f1 - 0.05, (d.name, md_f1, html_f1)
        pooled_md += md_counts[d.name]
        pooled_html += c
    md_f1, html_f1 = report(pooled_md)["triple"]["f1"], report(pooled_html)["triple"]["f1"]
    assert abs(html_f1 - md_f1) <= 0.02, (md_f1, html_f1)


def test_the_page_chrome_is_not_read(tmp_path):
    doc = DOCS[0]
    for layout in LAYOUTS:
        text = normalize_document(read_document(_page(tmp_path, doc, layout))).text
        for chrome in ("Trang chủ", "DANH MỤC", "Tin liên quan", "Lượt xem", "Cơ quan chủ quản", "counter",
                       "Cổng thông tin Chính phủ", "Kế hoạch cải cách hành chính năm 2026"):
            assert chrome not in text, (layout, chrome)


def _read(tmp_path, body: str):
    page = tmp_path / "page.html"
    page.write_text(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>', encoding="utf-8")
    return read_document(page)


def test_br_lines_of_one_paragraph_are_paragraphs(tmp_path):
    src = _read(tmp_path, "<div><p><b>II. NHIỆM VỤ</b></p><p>Các cơ quan thực hiện như sau:<br>"
                          "1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm trước ngày 30/6/2026;<br>"
                          "a) Sở Công Thương phối hợp kiểm tra các chợ đầu mối<br>"
                          "- Ủy ban nhân dân các huyện tuyên truyền đến người dân.</p></div>")
    assert [b.text for b in src.blocks] == [
        "II. NHIỆM VỤ",
        "Các cơ quan thực hiện như sau:",
        "1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm trước ngày 30/6/2026;",
        "a) Sở Công Thương phối hợp kiểm tra các chợ đầu mối",
        "- Ủy ban nhân dân các huyện tuyên truyền đến người dân.",
    ]
    assert src.blocks[0].bold and not src.blocks[2].bold


def test_a_line_broken_inside_a_sentence_is_joined_back(tmp_path):
    src = _read(tmp_path, "<div><p><i>Đồng Nai, ngày 20<br>tháng 11 năm 2025</i></p>"
                          "<p>Sở Tài chính chủ trì, phối hợp với các sở, ngành<br>"
                          "tham mưu bố trí kinh phí thực hiện Kế hoạch.</p></div>")
    assert [b.text for b in src.blocks] == [
        "Đồng Nai, ngày 20 tháng 11 năm 2025",
        "Sở Tài chính chủ trì, phối hợp với các sở, ngành tham mưu bố trí kinh phí thực hiện Kế hoạch.",
    ]
    raw = src.raw_text
    b = src.blocks[1]
    assert raw[b.location.raw_start:b.location.raw_end].startswith("Sở Tài chính")
    assert raw[b.location.raw_start:b.location.raw_end].endswith("thực hiện Kế hoạch.")


@pytest.mark.parametrize("prev,line", [
    ("Sở Tài chính chủ trì, phối hợp với các sở, ngành", "tham mưu bố trí kinh phí."),
    ("Đồng Nai, ngày 20", "tháng 11 năm 2025"),
    ("các cơ quan, đơn vị có liên quan", "đôn đốc, kiểm tra việc thực hiện"),
])
def test_soft_wrap_positive(prev, line):
    assert _soft_wrap(prev, line)


@pytest.mark.parametrize("prev,line", [
    ("Các cơ quan thực hiện như sau:", "nghiêm túc triển khai"),
    ("1. Sở Y tế chủ trì kiểm tra;", "b) Sở Công Thương phối hợp"),
    ("a) Sở Y tế chủ trì kiểm tra", "đ) Ủy ban nhân dân các huyện"),
    ("Sở Y tế chủ trì kiểm tra", "Sở Công Thương phối hợp"),
    ("Nơi nhận:", "- Như trên;"),
    ("Sở Y tế chủ trì kiểm tra", "2. Sở Công Thương phối hợp"),
])
def test_soft_wrap_negative(prev, line):
    assert not _soft_wrap(prev, line)


def _element(fragment: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(f"<html><body>{fragment}</body></html>", "lxml").body.contents[0]


@pytest.mark.parametrize("fragment", [
    '<div><a href="/t1"><b>Hội nghị triển khai nhiệm vụ năm 2026</b></a><p>Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị.</p></div>',
    '<li><a href="/r1">Kế hoạch cải cách hành chính năm 2026</a> (12/01/2026)</li>',
    '<p><a href="/r2">Quyết định kiện toàn Ban Chỉ đạo chuyển đổi số</a></p>',
    '<div><a href="/1">Chỉ đạo điều hành</a> | <a href="/2">Văn bản quy phạm pháp luật</a></div>',
])
def test_link_led_items_are_page_items(fragment):
    assert _link_led(_element(fragment))


@pytest.mark.parametrize("fragment", [
    '<p>Căn cứ <a href="/l">Luật Tổ chức chính quyền địa phương</a> ngày 19 tháng 6 năm 2015 của Quốc hội;</p>',
    '<p><a href="/q">Quyết định số 12/QĐ-UBND</a> ngày 05/01/2025 của Ủy ban nhân dân tỉnh về việc ban hành quy chế phối hợp trong quản lý</p>',
    '<p>1. Sở Y tế chủ trì kiểm tra an toàn thực phẩm trước ngày 30/6/2026.</p>',
    '<div><a href="/x">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</a></div>',
    '<p><a href="/s">Sở Y tế</a></p>',
])
def test_document_paragraphs_are_not_page_items(fragment):
    assert not _link_led(_element(fragment))


def test_rows_glued_under_a_layout_cell_stay_table_rows(tmp_path):
    body = "".join(f"<p>{i}. Sở Nội vụ chủ trì rà soát, tham mưu kiện toàn tổ chức bộ máy theo quy định.</p>"
                   for i in range(1, 25))
    src = _read(tmp_path, f"<table><tr><td colspan='3'><p><b>II. NHIỆM VỤ</b></p>{body}</td></tr>"
                          "<tr><td>TT</td><td>Nội dung</td><td>Cơ quan chủ trì</td></tr>"
                          "<tr><td>1</td><td>Rà soát thủ tục hành chính</td><td>Sở Tư pháp</td></tr></table>")
    paras = [b for b in src.blocks if b.kind == "paragraph"]
    rows = [b for b in src.blocks if b.kind == "table_row"]
    assert paras[0].text == "II. NHIỆM VỤ" and paras[0].bold and len(paras) == 25
    assert [r.cells for r in rows] == [["TT", "Nội dung", "Cơ quan chủ trì"], ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp"]]


def test_a_short_document_in_a_one_cell_table_is_paragraphs(tmp_path):
    src = _read(tmp_path, "<table><tr><td><p><b>CHỈ THỊ</b></p>"
                          "<p>Sở Y tế chủ trì tổ chức chiến dịch diệt loăng quăng tại các khu dân cư.</p>"
                          "<p>Ủy ban nhân dân các huyện huy động lực lượng phun hóa chất tại các ổ dịch.</p>"
                          "</td></tr></table><p>In trang | Gửi email</p>"
                          "<p><a href='/r'>Chỉ thị về phòng, chống dịch sốt xuất huyết năm trước</a></p>")
    assert [(b.kind, b.text) for b in src.blocks][:3] == [
        ("paragraph", "CHỈ THỊ"),
        ("paragraph", "Sở Y tế chủ trì tổ chức chiến dịch diệt loăng quăng tại các khu dân cư."),
        ("paragraph", "Ủy ban nhân dân các huyện huy động lực lượng phun hóa chất tại các ổ dịch."),
    ]
    assert not any("phòng, chống dịch sốt xuất huyết năm trước" in b.text for b in src.blocks)


def test_loose_br_lines_follow_the_same_rule(tmp_path):
    src = _read(tmp_path, "<div>Số: 77/KH-UBND<br>Kiên Giang, ngày 08<br>tháng 4 năm 2024<br>"
                          "<b>KẾ HOẠCH</b><br>1. Sở Y tế chủ trì kiểm tra các cơ sở<br>"
                          "kinh doanh thực phẩm trước ngày 30/6/2024.<br>2. Sở Công Thương phối hợp.<br></div>")
    assert [b.text for b in src.blocks] == [
        "Số: 77/KH-UBND",
        "Kiên Giang, ngày 08 tháng 4 năm 2024",
        "KẾ HOẠCH",
        "1. Sở Y tế chủ trì kiểm tra các cơ sở kinh doanh thực phẩm trước ngày 30/6/2024.",
        "2. Sở Công Thương phối hợp.",
    ]
    assert src.blocks[2].bold and not src.blocks[3].bold
