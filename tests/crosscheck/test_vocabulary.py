"""The genre vocabulary data file and the word analysis built on it."""

from directive_nlp.crosscheck import agency_key, analyze, load_vocabulary


def test_vocabulary_file_loads_with_every_list():
    voc = load_vocabulary()
    assert "sơ kết" in voc.review_terms and "đánh giá" in voc.review_terms
    assert "triển khai" in voc.generic_terms and "tăng cường" in voc.generic_terms
    assert "nhiệm vụ" in voc.task_area_headings and "tổ chức thực hiện" in voc.task_area_headings
    assert "mục tiêu" in voc.non_task_headings
    assert "phương pháp" in voc.plan_frame_headings and "nội dung" in voc.plan_content_headings


def test_vocabulary_names_no_subject():
    """Subject boilerplate is found by document frequency, never listed."""
    voc = load_vocabulary()
    listed = set(voc.review_terms + voc.generic_terms + voc.stopwords)
    for subject_word in ("ma túy", "phòng chống", "chuyển đổi số", "rừng", "nghiên cứu", "khoa học"):
        assert subject_word not in listed


def test_review_words_mark_a_review_and_carry_no_weight():
    a = analyze("Tổ chức sơ kết, tổng kết, rút kinh nghiệm")
    assert a.review is True
    assert a.terms == {}


def test_subject_words_are_kept():
    a = analyze("Đẩy mạnh hoạt động nghiên cứu, ứng dụng và chuyển giao khoa học - công nghệ")
    assert a.review is False
    for w in ("nghiên cứu", "ứng dụng", "chuyển giao", "khoa học", "công nghệ"):
        assert w in a.terms
    assert "đẩy mạnh" not in a.terms  # exhortation, generic


def test_document_numbers_are_not_words():
    a = analyze("Thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 và Chương trình số 39-CTr/TU")
    assert not {"ct", "tw", "ctr", "tu"} & set(a.terms)


def test_agency_key_expands_abbreviations_and_drops_place_qualifiers():
    assert agency_key("Ban cán sự đảng UBND tỉnh") == agency_key("Ban cán sự đảng Ủy ban nhân dân tỉnh")
    assert agency_key("các ban cán sự đảng tỉnh") == agency_key("Ban cán sự đảng")
    assert agency_key("Sở Văn hoá, Thể thao và Du lịch") == agency_key("sở văn hóa thể thao và du lịch")
    assert agency_key("Sở Y tế") != agency_key("Sở Tài chính")
