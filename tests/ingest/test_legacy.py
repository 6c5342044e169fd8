"""TCVN3 and VNI: every letter, both cases, and whole documents through the readers."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from corpus_paths import DEV, DOCUMENTS, ROOT, SAMPLE_PROGRAM, requires_dev
from directive_nlp.ingest import read_document
from directive_nlp.ingest.legacy import (
    convert,
    detect_and_convert,
    encode,
    font_encoding,
    is_vietnamese_syllable,
)
from directive_nlp.normalize import normalize_document

# whole documents: ours (always) and the dev ones (when ../shared is there),
# each with a word and a sentence it contains
SAMPLE_PROGRAM_DOC = pytest.param(SAMPLE_PROGRAM, "Ủy ban nhân dân",
                                  "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau", id="sample_programme")
# (the bundled sample opens with "Số: 215/KH-UBND": in TCVN3 "Sè" is also
# "SỐ" of a capitals font, so its case is not recoverable; see the TCVN3 note below)
REVIEW_DOC = pytest.param(DOCUMENTS / "kehoach_so_ket_review.md", "Nghị quyết",
                          "Thực hiện Nghị quyết số 08-NQ/HU ngày 10/3/2023", id="own_review_plan")
BLOCKS_DOC = pytest.param(DOCUMENTS / "kehoach_labelled_blocks.md", "Thư viện",
                          "Triển khai thi hành Luật Thư viện", id="own_labelled_blocks")
BINHPHUOC = pytest.param(DEV / "binhphuoc_kh_so_ket_ct36.md", "Chỉ thị",
                         "Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị", marks=requires_dev, id="binhphuoc")
LANGSON = pytest.param(DEV / "langson_ctr_hanh_dong_ct36.md", "Chỉ thị", "Chỉ thị", marks=requires_dev, id="langson")

BASES = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # none, huyền, hỏi, ngã, sắc, nặng
CONSONANTS = "bcdđghklmnpqrstvx"


def all_letters() -> list[str]:
    """The 29 letters of the alphabet with every tone a vowel can carry (lower case)."""
    out = list(CONSONANTS)
    for b in BASES:
        for t in TONES:
            out.append(unicodedata.normalize("NFC", b + t))
    assert len(out) == len(CONSONANTS) + 12 * 6
    return out


@pytest.mark.parametrize("enc", ["tcvn3", "vni"])
def test_every_lower_case_letter_round_trips(enc):
    for ch in all_letters():
        assert convert(encode(ch, enc), enc) == ch, (enc, ch, encode(ch, enc))


def test_every_upper_case_letter_round_trips_in_vni():
    for ch in all_letters():
        up = ch.upper()
        assert convert(encode(up, "vni"), "vni") == up, (up, encode(up, "vni"))


def test_every_upper_case_letter_round_trips_in_tcvn3_h_fonts():
    # TCVN3 has no toned capitals: .VnTimeH draws the lower-case codes as capitals
    for ch in all_letters():
        up = ch.upper()
        assert convert(encode(up, "tcvn3"), "tcvn3", upper=True) == up, up


def test_tcvn3_plain_capitals_have_their_own_codes():
    for up in "ĂÂÊÔƠƯĐ":
        assert convert(encode(up, "tcvn3"), "tcvn3") == up


def test_known_legacy_spellings():
    assert convert("Ch\u00ad\u00acng tr\u00d7nh", "tcvn3") == "Chương trình"
    assert convert("Chöông trình", "vni") == "Chương trình"
    # the letters viparse's VNI table gets wrong
    assert convert("aú", "vni") == "ẳ" and convert("AÚ", "vni") == "Ẳ"
    assert convert("î", "vni") == "ỵ" and convert("Î", "vni") == "Ỵ"
    assert convert("Vieät Nam", "vni") == "Việt Nam"
    # mixed-case VNI (base upper, modifier lower) as some converters write it
    assert convert("OÂng", "vni") == convert("Oâng", "vni") == "Ông"


def test_font_names():
    assert font_encoding(".VnTime") == ("tcvn3", False)
    assert font_encoding(".VnTimeH") == ("tcvn3", True)
    assert font_encoding("ABCDEF+.VnArialH,Bold") == ("tcvn3", True)
    assert font_encoding("VnTime-Bold") == ("tcvn3", False)
    assert font_encoding("VNI-Times") == ("vni", False)
    assert font_encoding("ABCDEF+VNI-Helve-Bold") == ("vni", False)
    for other in ("Times New Roman", "DejaVuSans", "Vnexpress Sans", None, ""):
        assert font_encoding(other) is None


def test_syllable_check():
    for w in ("nghiêng", "khuỷu", "giữ", "quốc", "Trường", "ương", "gì"):
        assert is_vietnamese_syllable(w), w
    for w in ("été", "Über", "ộtộ", "crème", "façade"):
        assert not is_vietnamese_syllable(w), w


@pytest.mark.parametrize("path,word,sentence", [SAMPLE_PROGRAM_DOC, BINHPHUOC])
def test_detection_does_not_fire_on_unicode_vietnamese_or_english_or_french(path, word, sentence):
    vi = path.read_text(encoding="utf-8")
    assert detect_and_convert(vi) is None
    en = "The plan names the agencies, the tasks and the deadlines of each unit. " * 20
    assert detect_and_convert(en) is None
    fr = "Le comité a décidé à l'unanimité de créer un système général d'éducation très élevé. " * 20
    assert detect_and_convert(fr) is None
    de = "Die Behörde für öffentliche Ordnung prüft die Maßnahmen gemäß Übereinkommen. " * 20
    assert detect_and_convert(de) is None


def _words(path: Path) -> list[str]:
    doc = normalize_document(read_document(path))
    return doc.text.split()


@pytest.mark.parametrize("enc", ["tcvn3", "vni"])
@pytest.mark.parametrize("path,word,sentence", [REVIEW_DOC, BLOCKS_DOC, BINHPHUOC, LANGSON])
def test_legacy_text_file_comes_back_word_for_word(tmp_path, enc, path, word, sentence):
    name = path.stem
    original = path.read_text(encoding="utf-8")
    uni = tmp_path / f"{name}.txt"
    uni.write_text(original, encoding="utf-8")
    legacy = tmp_path / f"{name}.{enc}.txt"
    legacy.write_bytes(encode(original, enc, as_bytes=True))
    # the legacy file really is unreadable as it stands
    assert word not in legacy.read_bytes().decode("latin-1")

    src = read_document(legacy)
    assert src.source.encoding == enc
    assert any(enc.upper() in w for w in src.source.warnings)
    want, got = _words(uni), _words(legacy)
    assert len(got) == len(want)
    if enc == "vni":
        assert got == want
    else:
        # TCVN3 has no toned capitals: a ".VnTime" run writes "Ủy" with the
        # code of "ủy". All-capital words get their case back; the rest match
        # when case is ignored.
        assert [w.lower() for w in got] == [w.lower() for w in want]
        toned_caps = set("ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ")
        plain = [(g, w) for g, w in zip(got, want) if not (set(w) & toned_caps)]
        assert all(g == w for g, w in plain)
        caps = [(g, w) for g, w in zip(got, want) if set(w) & toned_caps and w.isupper()]
        assert all(g == w for g, w in caps)


def test_legacy_text_as_utf8_code_points_is_converted_too(tmp_path):
    # a converter that decoded a TCVN3 file as Latin-1 and saved it as UTF-8
    text = "Thùc hiÖn ChØ thÞ sè 36-CT/TW cña Bé ChÝnh trÞ vÒ t¨ng c­êng c«ng t¸c phßng, chèng ma tóy.\n" * 3
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    src = read_document(p)
    assert src.source.encoding == "tcvn3"
    assert "Thực hiện Chỉ thị số 36-CT/TW của Bộ Chính trị về tăng cường công tác phòng, chống ma túy." in src.blocks[0].text


def _docx_reader_present() -> bool:
    return (ROOT / "src" / "directive_nlp" / "ingest" / "docx.py").exists()


def test_docx_with_legacy_fonts_reads_as_unicode(tmp_path):
    if not _docx_reader_present():
        pytest.skip("ingest/docx.py (readers area) does not exist yet")
    import docx

    d = docx.Document()
    p = d.add_paragraph()
    r = p.add_run(encode("kế hoạch", "tcvn3"))
    r.font.name = ".VnTimeH"
    p = d.add_paragraph()
    r = p.add_run(encode("Thực hiện Chỉ thị số 36-CT/TW của Bộ Chính trị về phòng, chống ma túy.", "tcvn3"))
    r.font.name = ".VnTime"
    p = d.add_paragraph()
    r = p.add_run(encode("Giao Đảng ủy Công an tỉnh chủ trì, phối hợp với các cơ quan liên quan.", "vni"))
    r.font.name = "VNI-Times"
    r = p.add_run(" Unicode run stays as it is: Sở Tài chính.")
    r.font.name = "Times New Roman"
    path = tmp_path / "legacy.docx"
    d.save(path)
    src = read_document(path)
    text = normalize_document(src).text
    assert "KẾ HOẠCH" in text
    assert "Thực hiện Chỉ thị số 36-CT/TW của Bộ Chính trị về phòng, chống ma túy." in text
    assert "Giao Đảng ủy Công an tỉnh chủ trì, phối hợp với các cơ quan liên quan. Unicode run stays as it is: Sở Tài chính." in text
    # the result says a conversion happened (the DOCX reader names the first encoding it met)
    assert src.source.encoding in ("tcvn3", "vni", "tcvn3+vni")
    assert any("TCVN3" in w and "VNI" in w for w in src.source.warnings)


def _as_cp1252(text: str) -> str:
    """UTF-8 as an editor shows it opened as Windows-1252 (undefined bytes as C1 controls)."""
    return "".join(
        bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
        for b in text.encode("utf-8")
    )


def test_cp1252_view_of_chi_thi():
    assert _as_cp1252("Chỉ thị") == "Chá»‰ thá»‹"


@pytest.mark.parametrize("path,word,sentence", [SAMPLE_PROGRAM_DOC, BINHPHUOC])
def test_utf8_read_as_cp1252_is_repaired(tmp_path, path, word, sentence):
    original = path.read_text(encoding="utf-8")
    broken = _as_cp1252(original)
    assert _as_cp1252(word) in broken
    p = tmp_path / "mojibake.txt"
    p.write_text(broken, encoding="utf-8")
    src = read_document(p)
    assert src.source.encoding == "utf8-mojibake"
    text = normalize_document(src).text
    assert sentence in text
