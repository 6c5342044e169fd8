"""The numbering rules file (resources/vi/sections.yaml): it loads, and each
marker kind has positive and negative examples."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from directive_nlp.structure import load_rules, match_marker
from directive_nlp.structure.sections import roman_to_int, rules_from_dict


def test_rule_file_loads_from_the_package() -> None:
    ref = resources.files("directive_nlp") / "resources" / "vi" / "sections.yaml"
    data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    assert data["version"] == 1
    rules = load_rules()
    kinds = {r.kind for r in rules.markers}
    assert {"part", "chapter", "section", "article", "roman", "arabic", "letter"} <= kinds
    assert {r.kind for r in rules.items} == {"bullet", "enum"}
    # the file compiles the same way when read by hand
    assert len(rules_from_dict(data).markers) == len(rules.markers)


@pytest.mark.parametrize(
    "path, value",
    [
        (("closing", "trailing_regx"), []),  # a typo of a known key
        (("markers", 0, "rnak"), 3),  # a typo inside a marker entry
        (("colour",), "red"),  # an unknown top-level key
        (("labels", "regex"), ["a list, not a pattern"]),  # the wrong type
    ],
)
def test_rule_file_with_a_wrong_key_is_refused(path: tuple, value: object) -> None:
    import copy

    from directive_nlp.structure.sections import validate_rules
    from directive_nlp.vocab import VocabularyError, read_yaml

    data = copy.deepcopy(read_yaml("sections.yaml"))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(VocabularyError):
        validate_rules(data)
    validate_rules(read_yaml("sections.yaml"))  # the packaged file itself passes


@pytest.mark.parametrize(
    "text, kind, label, written",
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", "roman", "I", "I."),
        ("II- NHIỆM VỤ VÀ GIẢI PHÁP", "roman", "II", "II-"),
        ("IV – KINH PHÍ", "roman", "IV", "IV –"),
        ("IV/ TỔ CHỨC THỰC HIỆN", "roman", "IV", "IV/"),
        ("1. Tăng cường sự lãnh đạo", "arabic", "1", "1."),
        ("12) Sở Y tế chủ trì", "arabic", "12", "12)"),
        ("1.2. Kết quả triển khai", "arabic", "1.2", "1.2."),
        ("1.3.1. Đề nghị Ủy ban nhân dân các xã", "arabic", "1.3.1", "1.3.1."),
        ("2.1 Sở Tài chính:", "arabic", "2.1", "2.1"),
        ("a) Rà soát các văn bản", "letter", "a", "a)"),
        ("đ) Tham mưu Ủy ban nhân dân", "letter", "đ", "đ)"),
        ("b. Rà soát danh mục các dự án:", "letter", "b", "b."),
        ("c/ Sở Xây dựng hướng dẫn", "letter", "c", "c/"),
        ("b- Tăng cường kiểm tra", "letter", "b", "b-"),
        ("f) Chủ trì, phối hợp với Sở Nội vụ", "letter", "f", "f)"),  # a Latin letter, only with ")"
        ("1/ Công an tỉnh chủ trì", "arabic", "1", "1/"),
        ("Điều 1. Ban hành kèm theo Quyết định này", "article", "1", "Điều 1."),
        ("Điều 3 Chánh Văn phòng Ủy ban nhân dân tỉnh", "article", "3", "Điều 3"),
        ("Chương II", "chapter", "II", "Chương II"),
        ("CHƯƠNG 3. TỔ CHỨC THỰC HIỆN", "chapter", "3", "CHƯƠNG 3."),
        ("Mục 2. CÁC SỞ, NGÀNH", "section", "2", "Mục 2."),
        ("PHẦN THỨ HAI: NHIỆM VỤ", "part", "2", "PHẦN THỨ HAI:"),
        ("Phần I. ĐÁNH GIÁ", "part", "I", "Phần I."),
        ("B. NHIỆM VỤ CHỦ YẾU", "upper_letter", "B", "B."),
        ("- Công tác tuyên truyền", "bullet", "-", "-"),
        ("+ Sở Y tế đánh giá", "bullet", "+", "+"),
        ("(3). Tổng số gói thầu", "enum", "3", "(3)."),
    ],
)
def test_markers_found(text: str, kind: str, label: str, written: str) -> None:
    m = match_marker(text)
    assert m is not None
    assert (m.kind, m.label, m.written) == (kind, label, written)
    assert text[m.content :].strip() == text[len(written) :].strip()


def test_bullet_depths() -> None:
    assert match_marker("- Công tác tuyên truyền").depth == 1
    assert match_marker("+ Sở Y tế đánh giá").depth == 2
    assert match_marker("• Hội nghị trực tuyến").depth == 1


@pytest.mark.parametrize(
    "text",
    [
        "1.500 tỷ đồng được bố trí từ ngân sách tỉnh.",  # a number, not "1."
        "2.5 triệu người được hỗ trợ.",  # a decimal without closing punctuation
        "10/2025 là thời hạn cuối cùng.",  # a date
        "15 tháng 6 năm 2024 tổ chức hội nghị",  # no punctuation after the number
        "Mục tiêu chung",  # "Mục" is only a marker with a number
        "Mục đích: xác định rõ trách nhiệm",
        "Điều chỉnh quy hoạch khu công nghiệp",  # a verb, not an article
        "Điều 5 Luật Đất đai quy định rõ thẩm quyền.",  # a citation
        "V/v: đôn đốc giải ngân vốn đầu tư công",  # "về việc", not part V
        "V/V HỖ TRỢ NHU YẾU PHẨM KHẨN CẤP CHO NHÂN DÂN",  # the same in capitals
        "v.v. và các nội dung khác",
        "v/v đôn đốc thực hiện",
        "x-quang và siêu âm miễn phí",
        "f. Latin letters other than with a bracket",
        "w/ Sở Y tế",
        "Căn cứ Luật Tổ chức chính quyền địa phương",
        "Phấn đấu 100% xã đạt chuẩn",
    ],
)
def test_not_markers(text: str) -> None:
    m = match_marker(text)
    assert m is None or not m.opens_section, m


@pytest.mark.parametrize(
    "text, closes",
    [
        ("Nơi nhận:", True),
        ("NƠI NHẬN:", True),
        ("TM. ỦY BAN NHÂN DÂN", True),
        ("KT. CHỦ TỊCH", True),
        ("T/M BAN THƯỜNG VỤ", True),
        ("Nơi nhận hồ sơ là bộ phận một cửa", True),  # only ever at a block start in the closing zone
        ("Các nơi nhận văn bản", False),
        ("TM hóa dịch vụ công", False),
    ],
)
def test_closing_patterns(text: str, closes: bool) -> None:
    rules = load_rules()
    assert any(p.search(text) for p in rules.closing) is closes


def test_appendix_pattern() -> None:
    rules = load_rules()
    assert rules.appendix.match("PHỤ LỤC").group("label") is None
    assert rules.appendix.match("PHỤ LỤC II").group("label") == "II"
    assert rules.appendix.match("Phụ lục số 02").group("label") == "02"
    assert rules.appendix.match("Phụ lục hóa") is None


def test_roman_values() -> None:
    assert [roman_to_int(r) for r in ["I", "IV", "IX", "XII", "XL"]] == [1, 4, 9, 12, 40]
    assert roman_to_int("IIII") is None and roman_to_int("VX") is None and roman_to_int("") is None


@pytest.mark.parametrize(
    "text, closes",
    [
        ("PHÓ CHỦ TỊCH", True),
        ("GIÁM ĐỐC", True),
        ("PHÓ BÍ THƯ THƯỜNG TRỰC", True),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI KÝ BAN HÀNH QUYẾT ĐỊNH NÀY", False),  # too long
        ("Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo", False),  # a sentence, not a signature
    ],
)
def test_signature_positions(text: str, closes: bool) -> None:
    rules = load_rules()
    t = text.strip()
    assert (len(t.split()) <= rules.signature_max_words and bool(rules.signature.match(t))) is closes


def test_closing_formulas() -> None:
    rules = load_rules()
    assert any(p.search("Trân trọng./.") for p in rules.formulas)
    assert any(p.search("Văn phòng Chính phủ trân trọng thông báo để các cơ quan biết./.") for p in rules.formulas)
    assert not any(p.search("Đề nghị các cơ quan trân trọng ý kiến người dân.") for p in rules.formulas)
