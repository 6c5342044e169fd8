"""HTML pages as Vietnamese legal portals publish them: chrome dropped, body kept."""

from __future__ import annotations

import pytest

from directive_nlp.errors import InputError
from directive_nlp.ingest import read_document
from directive_nlp.ingest.legacy import encode
from directive_nlp.normalize import normalize_document
from directive_nlp.structure.metadata import extract_metadata

CHROME_TOP = """
<div id="header"><div class="logo"><a href="/">Cổng pháp luật</a></div>
  <ul class="main-menu"><li><a href="/vb">Văn bản mới</a></li><li><a href="/tt">Tin tức pháp luật</a></li>
  <li><a href="/lh">Liên hệ</a></li></ul>
  <form class="search-box"><input name="q" placeholder="Tìm văn bản"><button>Tìm kiếm</button></form></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/vb">Văn bản</a> &gt; <a href="/kh">Kế hoạch</a></div>
"""
CHROME_BOTTOM = """
<div class="vblq"><h3>Văn bản liên quan</h3><ul>
  <li><a href="/1">Quyết định 999/QĐ-UBND năm 2023 về phòng cháy</a></li>
  <li><a href="/2">Chỉ thị 888/CT-UBND tăng cường quản lý chợ</a></li></ul></div>
<div class="sidebar"><div class="ads">Quảng cáo: Phần mềm kế toán giảm 30%</div>
  <div class="hotline">Tổng đài hỗ trợ 1900 0000</div></div>
<div id="footer">Bản quyền thuộc Cổng pháp luật. Địa chỉ: 12 Phố Huế, Hà Nội. Giấy phép số 01/GP-TTĐT.</div>
<script>var tracking = "Kế hoạch giả trong script";</script>
"""

PLAN_BODY = """
<table class="doc-header" width="100%"><tr>
  <td align="center"><p><b>ỦY BAN NHÂN DÂN</b></p><p><b>TỈNH KIÊN GIANG</b></p><p>-------</p></td>
  <td align="center"><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p><p><b>Độc lập - Tự do - Hạnh phúc</b></p></td></tr>
  <tr><td align="center">Số: 77/KH-UBND</td><td align="center"><i>Kiên Giang, ngày 08 tháng 4 năm 2024</i></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Phòng, chống xâm nhập mặn mùa khô năm 2024</b></p>
<p>Thực hiện Chỉ thị số 04/CT-TTg ngày 20/02/2024 của Thủ tướng Chính phủ về chủ động phòng, chống hạn hán, xâm nhập mặn, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:</p>
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
<p>Bảo đảm nước sinh hoạt cho người dân vùng ven biển.</p>
<p><b>II. NHIỆM VỤ</b></p>
<p>1. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Ủy ban nhân dân các huyện vận hành cống ngăn mặn trước ngày 15/4/2024.</p>
<p>2. Công ty Cấp thoát nước bảo đảm cấp nước liên tục trong mùa khô.</p>
<p><b>PHỤ LỤC</b></p>
<table border="1"><tr><th>TT</th><th>Nội dung</th><th>Cơ quan chủ trì</th><th>Thời gian</th></tr>
<tr><td>1</td><td>Vận hành cống Cái Lớn</td><td>Sở Nông nghiệp và Phát triển nông thôn</td><td>Tháng 4/2024</td></tr>
<tr><td>2</td><td>Chở nước ngọt đến xã đảo</td><td>Ủy ban nhân dân huyện Kiên Hải</td><td>Thường xuyên</td></tr></table>
<table width="100%"><tr><td><p><b><i>Nơi nhận:</i></b><br>- Bộ NN&amp;PTNT;<br>- TT Tỉnh ủy;<br>- Lưu: VT.</p></td>
<td align="center"><p><b>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</b></p><p><b>Lê Quốc Anh</b></p></td></tr></table>
"""


def page_tvpl() -> str:
    """thuvienphapluat-style: the document in div.content1 > #divContentDoc among menus and ads."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Kế hoạch 77/KH-UBND</title>
<style>.menu{{color:red}}</style><script>window.x=1</script></head><body>{CHROME_TOP}
<div id="main"><div class="left-col"><div class="content1"><div id="divContentDoc">{PLAN_BODY}</div></div>
{CHROME_BOTTOM}</div></div></body></html>"""


def page_layout_table() -> str:
    """vanban.chinhphu.vn-style: an old layout table, menu column of links, no content class."""
    links = "".join(f'<p><a href="/c{i}">Chuyên mục số {i} về văn bản chỉ đạo điều hành</a></p>' for i in range(30))
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<table width="100%"><tr><td colspan="2"><a href="/">Cổng thông tin điện tử</a> | <a href="/en">English</a></td></tr>
<tr><td width="200" valign="top">{links}</td><td valign="top">{PLAN_BODY}</td></tr>
<tr><td colspan="2">Cổng thông tin điện tử. Bản quyền thuộc cơ quan chủ quản.</td></tr></table></body></html>"""


def page_congbao_br() -> str:
    """congbao-style: one content div whose paragraphs are separated by <br>."""
    return """<html><head><meta charset="utf-8"></head><body><nav><a href="/">Công báo</a></nav>
<div class="noidung">
<b>CHỈ THỊ</b><br>Về tăng cường quản lý chợ trên địa bàn tỉnh<br>
Thời gian qua, công tác quản lý chợ trên địa bàn tỉnh Kiên Giang đã đạt được kết quả nhất định.<br>
1. Sở Công Thương chủ trì kiểm tra các chợ trước ngày 30/9/2024.<br>
2. Ủy ban nhân dân các huyện, thành phố quản lý chợ trên địa bàn.<br>
</div><footer>Công báo điện tử</footer></body></html>"""


def read(tmp_path, html: str, name: str = "page.html"):
    p = tmp_path / name
    p.write_text(html, encoding="utf-8")
    return read_document(p)


@pytest.mark.parametrize("make", [page_tvpl, page_layout_table])
def test_portal_page_body_without_chrome(tmp_path, make):
    src = read(tmp_path, make())
    assert src.source.format == "html"
    text = normalize_document(src).text
    assert text.startswith("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG")
    for chrome in ("Trang chủ", "Tìm kiếm", "Văn bản liên quan", "Quảng cáo", "Bản quyền", "tracking",
                   "Chuyên mục số", "Tổng đài"):
        assert chrome not in text, chrome
    assert "1. Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Ủy ban nhân dân các huyện" in text
    lines = text.split("\n")
    assert "KẾ HOẠCH" in lines and "II. NHIỆM VỤ" in lines


def test_tables_become_rows_with_their_header(tmp_path):
    src = read(tmp_path, page_tvpl())
    rows = [b for b in src.blocks if b.kind == "table_row" and b.cells and b.cells[0] in ("1", "2")]
    assert [r.cells for r in rows] == [
        ["1", "Vận hành cống Cái Lớn", "Sở Nông nghiệp và Phát triển nông thôn", "Tháng 4/2024"],
        ["2", "Chở nước ngọt đến xã đảo", "Ủy ban nhân dân huyện Kiên Hải", "Thường xuyên"],
    ]
    assert rows[0].header == ["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian"]
    centred_bold = [b for b in src.blocks if b.text == "KẾ HOẠCH"]
    assert centred_bold and centred_bold[0].bold and centred_bold[0].centered


def test_metadata_from_a_portal_page(tmp_path):
    m = extract_metadata(normalize_document(read(tmp_path, page_tvpl())))
    assert (m.doc_type, m.number, m.issued_date, m.place) == ("Kế hoạch", "77/KH-UBND", "2024-04-08", "Kiên Giang")
    assert m.issuer == "Ủy ban nhân dân tỉnh Kiên Giang" and m.province == "Kiên Giang"
    assert m.title == "Phòng, chống xâm nhập mặn mùa khô năm 2024"
    assert (m.signer.position, m.signer.name) == ("Phó Chủ tịch", "Lê Quốc Anh")
    assert m.recipients == ["Bộ NN&PTNT", "TT Tỉnh ủy"]
    assert [r.number for r in m.references] == ["04/CT-TTg"]


def test_paragraphs_separated_by_line_breaks(tmp_path):
    text = normalize_document(read(tmp_path, page_congbao_br())).text
    assert text.split("\n") == [
        "CHỈ THỊ",
        "Về tăng cường quản lý chợ trên địa bàn tỉnh",
        "Thời gian qua, công tác quản lý chợ trên địa bàn tỉnh Kiên Giang đã đạt được kết quả nhất định.",
        "1. Sở Công Thương chủ trì kiểm tra các chợ trước ngày 30/9/2024.",
        "2. Ủy ban nhân dân các huyện, thành phố quản lý chợ trên địa bàn.",
    ]


def test_legacy_font_runs_in_html_are_converted(tmp_path):
    para = "Giao Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan thực hiện."
    html = f"""<html><head><meta charset="utf-8"></head><body><div class="noidung">
<p align="center"><font face=".VnTimeH">{encode("kế hoạch", "tcvn3")}</font></p>
<p><font face=".VnTime">{encode(para, "tcvn3")}</font></p>
<p><span style="font-family: 'VNI-Times'">{encode("Ủy ban nhân dân tỉnh Vĩnh Long", "vni")}</span></p>
</div></body></html>"""
    src = read(tmp_path, html)
    assert [b.text for b in src.blocks] == ["KẾ HOẠCH", para, "Ủy ban nhân dân tỉnh Vĩnh Long"]
    assert src.source.encoding == "tcvn3+vni"
    assert src.source.warnings


def test_page_without_document_text_is_one_line_error(tmp_path):
    html = """<html><head><script>var a = 1;</script></head><body>
<nav><a href="/">Trang chủ</a> <a href="/vb">Văn bản</a></nav><div class="menu"><a href="/x">Tin tức</a></div>
<footer>Bản quyền</footer></body></html>"""
    with pytest.raises(InputError) as err:
        read(tmp_path, html)
    assert "\n" not in str(err.value) and "HTML" in str(err.value)


def test_blocks_point_into_the_page_source(tmp_path):
    src = read(tmp_path, page_tvpl())
    raw = src.raw_text
    located = [b for b in src.blocks if b.location.raw_start is not None]
    assert len(located) >= 0.9 * len(src.blocks)
    for b in located:
        chunk = raw[b.location.raw_start : b.location.raw_end]
        first_word = b.text.split()[0].lstrip("-")
        assert first_word[:3] in chunk, (b.text, chunk)
    starts = [b.location.raw_start for b in located]
    assert starts == sorted(starts)
    plan = next(b for b in src.blocks if b.text.startswith("1. Sở Nông nghiệp"))
    assert raw[plan.location.raw_start : plan.location.raw_end].startswith("1. Sở Nông nghiệp")
    assert raw[plan.location.raw_start : plan.location.raw_end].endswith("15/4/2024.")
