"""Text/Markdown reader, normalisation and the language test, by example."""

from __future__ import annotations


import pytest

from corpus_paths import DEV, requires_dev
from directive_nlp.errors import InputError, NotVietnameseError
from directive_nlp.ingest import read_document
from directive_nlp.language import looks_vietnamese, vietnamese_shares
from directive_nlp.normalize import match_key, normalize_document, normalize_text
from directive_nlp.pipeline import load_text

MD = """\
**ỦY BAN NHÂN DÂN TỈNH YÊN SƠN**

# KẾ HOẠCH

Thực hiện *Chỉ thị số 05/CT-UBND*, Ủy ban nhân dân tỉnh ban hành Kế hoạch
như sau:

## **I. NHIỆM VỤ**

- Sở Y tế chủ trì kiểm tra an toàn thực phẩm tại các bếp ăn tập thể, nhất là

- trường học và khu công nghiệp.

| STT | Nội dung | Cơ quan chủ trì | Thời gian hoàn thành |
|---|---|---|---|
| 1 | Kiểm tra bếp ăn tập thể | Sở Y tế | Quý II/2026 |
| 2 | Tuyên truyền \\| phổ biến | Sở Văn hóa | Thường xuyên |
"""


@pytest.fixture()
def md_doc(tmp_path):
    p = tmp_path / "kh.md"
    p.write_text(MD, encoding="utf-8")
    src = read_document(p)
    return src, normalize_document(src)


def test_markdown_markup_is_stripped_and_headings_kept_as_style(md_doc) -> None:
    src, doc = md_doc
    lines = doc.text.split("\n")
    assert lines[0] == "ỦY BAN NHÂN DÂN TỈNH YÊN SƠN" and src.blocks[0].bold
    assert lines[1] == "KẾ HOẠCH" and doc.blocks[1].style == "Heading 1"
    assert lines[2] == "Thực hiện Chỉ thị số 05/CT-UBND, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"
    assert lines[3] == "I. NHIỆM VỤ" and doc.blocks[3].style == "Heading 2"


def test_markdown_tables_are_rows_with_header(md_doc) -> None:
    _, doc = md_doc
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert rows[0].is_header_row
    assert rows[1].header == ["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian hoàn thành"]
    assert doc.text[rows[1].start : rows[1].end] == "1 | Kiểm tra bếp ăn tập thể | Sở Y tế | Quý II/2026"
    cell = rows[1].cells[2]
    assert doc.text[cell.start : cell.end] == "Sở Y tế"


def test_every_character_maps_back_to_the_markdown_file(md_doc) -> None:
    src, doc = md_doc
    assert doc.offsets is not None and len(doc.offsets) == len(doc.text)
    for ch, off in zip(doc.text, doc.offsets):
        if not ch.isspace() and ch != "|":
            assert src.raw_text[off] == ch
    i = doc.text.index("Sở Y tế chủ trì")
    assert src.raw_text[doc.offsets[i] : doc.offsets[i] + 15] == "Sở Y tế chủ trì"


def test_list_item_split_at_a_break_is_not_glued_to_the_next_item(md_doc) -> None:
    _, doc = md_doc
    # "- trường học" starts a list item, so it is not a continuation
    assert "- trường học và khu công nghiệp." in doc.text.split("\n")


@requires_dev
@pytest.mark.parametrize(
    "name",
    ["langson_ctr_hanh_dong_ct36.md", "rendered/langson_ctr_hanh_dong_ct36.pdf", "rendered/langson_ctr_hanh_dong_ct36.docx"],
)
def test_paragraph_split_by_a_page_break_is_joined_in_every_format(name: str) -> None:
    """The dev plan has "… nhất là thanh" / "thiếu niên để …" as two paragraphs."""
    doc = normalize_document(read_document(DEV / name))
    assert "nhất là thanh thiếu niên để nâng cao nhận thức" in doc.text


def test_plain_text_wrapped_lines_are_joined(tmp_path) -> None:
    p = tmp_path / "cv.txt"
    p.write_text(
        "Kính gửi: Các sở, ban, ngành tỉnh\n"
        "Ủy ban nhân dân tỉnh đề nghị các cơ quan khẩn trương rà soát\n"
        "hồ sơ thủ tục hành chính, báo cáo trước ngày 10/3/2026.\n",
        encoding="utf-8",
    )
    doc = normalize_document(read_document(p))
    assert doc.text.split("\n") == [
        "Kính gửi: Các sở, ban, ngành tỉnh",
        "Ủy ban nhân dân tỉnh đề nghị các cơ quan khẩn trương rà soát hồ sơ thủ tục hành chính, báo cáo trước ngày 10/3/2026.",
    ]


def test_utf16_and_decomposed_text_come_out_nfc(tmp_path) -> None:
    import unicodedata

    text = "Ủy ban nhân dân tỉnh chỉ đạo các sở thực hiện nghiêm túc."
    p = tmp_path / "u16.txt"
    p.write_bytes(b"\xff\xfe" + unicodedata.normalize("NFD", text).encode("utf-16-le"))
    assert normalize_document(read_document(p)).text == text


def test_non_utf8_without_legacy_encoding_says_what_to_do(tmp_path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve fa\xe7ade".encode("latin-1"))
    try:
        read_document(p)
    except InputError as e:
        assert "UTF-8" in str(e) and "\n" not in str(e)
    # (when ingest-2's legacy module recognises it, reading succeeds instead)


def test_normalize_text_examples() -> None:
    res = normalize_text("  Ủy\u00a0ban  nhân dân\r\n\r\n  tỉnh\u200b Yên Sơn ")
    assert res.text == "Ủy ban nhân dân\ntỉnh Yên Sơn"
    assert normalize_text(res.text).text == res.text
    assert match_key("Sở Văn hoá, Thể thao") == match_key("sở văn hóa thể thao")
    # tone marks stay as written in the text; only keys unify them
    assert "hoá" in normalize_text("Sở Văn hoá").text


def test_language_figures() -> None:
    vi = "Ủy ban nhân dân tỉnh giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan triển khai thực hiện."
    assert looks_vietnamese(vi)
    syl, dia, n = vietnamese_shares(vi)
    assert syl > 0.9 and dia > 0.5 and n > 10
    assert not looks_vietnamese("The provincial committee assigns the home affairs department to lead the work.")
    assert looks_vietnamese("OK")  # too short to judge


def test_load_text_refuses_english_unless_forced(tmp_path) -> None:
    p = tmp_path / "en.txt"
    p.write_text("The provincial committee assigns the department of home affairs to lead this plan.\n", encoding="utf-8")
    with pytest.raises(NotVietnameseError):
        load_text(p)
    assert load_text(p, force=True).text.startswith("The provincial committee")


def test_text_cut_into_pages_loses_page_numbers_and_running_headers(tmp_path) -> None:
    """What ``pdftotext`` writes: pages separated by form feeds, each with a
    running header and a page number; a paragraph runs over the break."""
    pages = [
        "UBND TỈNH YÊN SƠN\n\nSở Nội vụ chủ trì, phối hợp với các sở, ngành rà soát\n\n1\n",
        "UBND TỈNH YÊN SƠN\n\nhồ sơ lưu trữ, báo cáo trước ngày 30/6/2026.\n\n2. Sở Tài chính bố trí kinh phí.\n\n2\n",
    ]
    p = tmp_path / "pdftotext.txt"
    p.write_text("\f".join(pages), encoding="utf-8")
    doc = normalize_document(read_document(p))
    assert doc.text.split("\n") == [
        "Sở Nội vụ chủ trì, phối hợp với các sở, ngành rà soát hồ sơ lưu trữ, báo cáo trước ngày 30/6/2026.",
        "2. Sở Tài chính bố trí kinh phí.",
    ]


def test_hyphen_at_a_break_joins_one_syllable_and_keeps_a_compound() -> None:
    from directive_nlp.models import Block, SourceDocument, SourceInfo

    def joined(a: str, b: str) -> str:
        src = SourceDocument(source=SourceInfo(path="x.txt", format="txt", sha256="0"), blocks=[Block(text=a), Block(text=b)])
        return normalize_document(src).text

    assert joined("quy hoạch phát tri-", "ển mạng lưới") == "quy hoạch phát triển mạng lưới"
    assert joined("phát triển kinh tế-", "xã hội của tỉnh") == "phát triển kinh tế-xã hội của tỉnh"
