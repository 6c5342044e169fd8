"""Provinces before and after the 2025 merger."""

from __future__ import annotations


from directive_nlp.provinces import (
    canonical_province,
    current_province,
    find_province,
    merged_from,
    merged_into,
    province_data,
    province_mentions,
)


def test_merger_table_matches_the_package_and_has_all_63_old_provinces():
    from vietnam_provinces import Province

    d = province_data()
    package = {p.name.replace("Thành phố ", "") for p in Province.iter_all()}
    assert set(d.members) == package and len(package) == 34
    assert len(d.old) == 63 and len(set(d.old)) == 63
    assert sum(len(v) for v in d.members.values()) == 63


def test_merged_into():
    assert merged_into("Bình Phước") == "Đồng Nai"
    assert merged_into("tỉnh Hà Giang") == "Tuyên Quang"
    assert merged_into("Bà Rịa - Vũng Tàu") == "Hồ Chí Minh"
    assert merged_into("Thừa Thiên Huế") == "Huế"
    assert merged_into("Đồng Nai") is None  # kept its name
    assert merged_into("Lạng Sơn") is None  # unchanged
    assert merged_into("Atlantis") is None
    assert current_province("Bình Phước") == "Đồng Nai" and current_province("Lạng Sơn") == "Lạng Sơn"
    assert merged_from("Ninh Bình") == ["Ninh Bình", "Hà Nam", "Nam Định"]


def test_canonical_names():
    assert canonical_province("THÀNH PHỐ HỒ CHÍ MINH") == "Hồ Chí Minh"
    assert canonical_province("TP.HCM") == "Hồ Chí Minh"
    assert canonical_province("Thanh Hoá") == "Thanh Hóa"  # old tone placement
    assert canonical_province("Đắc Lắc") == "Đắk Lắk"
    assert canonical_province("tỉnh Quảng Ngãi") == "Quảng Ngãi"
    assert canonical_province("Paris") is None


def test_find_province_needs_a_proper_name():
    assert find_province("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI") == "Quảng Ngãi"
    assert find_province("Thường trực Tỉnh ủy Thanh Hóa") == "Thanh Hóa"
    assert find_province("góp phần giữ vững hòa bình, ổn định") is None  # peace, not Hòa Bình
    assert find_province("Hoà Bình, ngày 2 tháng 3 năm 2020") == "Hòa Bình"
    # body text: only "tỉnh X"/"thành phố X" counts when asked
    assert find_province("xã Long An thuộc huyện", require_prefix=True) is None
    assert find_province("trên địa bàn tỉnh Long An", require_prefix=True) == "Long An"


def test_mentions_keep_offsets():
    text = "Cơ sở cai nghiện ma túy tỉnh Lạng Sơn và thành phố Cần Thơ."
    ms = province_mentions(text)
    assert [(m.name, text[m.start:m.end], m.prefixed) for m in ms] == [
        ("Lạng Sơn", "Lạng Sơn", True),
        ("Cần Thơ", "Cần Thơ", True),
    ]
