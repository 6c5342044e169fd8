"""Statements that are not tasks, met on documents nobody tuned on (docs/unlabelled-check.md, "Statements that are
not tasks"; docs/sentence-mechanisms.md). Positive and negative examples in small plans written for the test."""

from __future__ import annotations

from directive_nlp.pipeline import extract_text


def texts(body: str, heading: str = "II. NỘI DUNG") -> list[str]:
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\n{heading}\n\n{body}\n"
    return [t.task for t in extract_text(text, "plan.md").tasks]


# ------------------------------------------------------------------ passive statements with a long noun subject
def test_passive_statement_with_a_long_noun_subject_is_no_task():
    # a subject of 15 words (over the former limit of 12) before "được": how the thing is made, no work given
    assert texts("1. Bản tin\n\nBản tin sinh hoạt chi bộ thường kỳ và Bản tin sinh hoạt chuyên đề được kết cấu theo "
                 "hướng ngắn gọn, dễ hiểu.") == []


def test_body_as_the_subject_before_the_passive_word_still_blocks_the_statement():
    from directive_nlp.tasks.mentions import find_agencies
    from directive_nlp.tasks.not_tasks import passive_statement

    body = "Ủy ban nhân dân các xã được hỗ trợ kinh phí để tổ chức tập huấn cho cán bộ."
    owner = "Tài liệu tập huấn của Ủy ban nhân dân các xã được biên soạn trước ngày 15 hằng tháng."
    assert not passive_statement(body, 0, len(body), find_agencies(body))
    # a body named as the owner blocks it too (tests/tasks/test_unlabelled_families.py keeps that decision)
    assert not passive_statement(owner, 0, len(owner), find_agencies(owner))


def test_verb_led_clause_with_a_passive_inside_stays_a_task():
    assert texts("1. Rà soát các thủ tục hành chính được thực hiện trực tuyến trên Cổng Dịch vụ công của tỉnh.") == [
        "Rà soát các thủ tục hành chính được thực hiện trực tuyến trên Cổng Dịch vụ công của tỉnh"]


def test_passive_subject_beyond_the_limit_is_not_read_as_a_statement():
    # more than 20 words before "được": too long to be sure it is the subject; left as it was
    subject = ("Hồ sơ đề nghị khen thưởng các tập thể và cá nhân có thành tích xuất sắc trong phong trào thi đua "
               "chuyển đổi số của tỉnh năm 2026 và giai đoạn 2021 - 2025")
    assert len(subject.split()) > 20
    assert texts(f"1. Hồ sơ\n\n{subject} được gửi về Sở Nội vụ trước ngày 15/12/2026.") != []


# ------------------------------------------------------------------ titles in capitals, slogans in quotation marks
def test_title_in_capitals_is_no_task():
    from directive_nlp.tasks.not_tasks import title_or_slogan

    s = ("BẢNG PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CỦA KẾ HOẠCH GIAI ĐOẠN 2026 - 2030 "
         "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh)")
    assert title_or_slogan(s, 0, len(s))


def test_slogan_in_quotation_marks_is_no_task():
    assert texts("1. Chủ đề thi đua\n\n“Đoàn kết, sáng tạo; tăng tốc, bứt phá, hoàn thành thắng lợi các nhiệm vụ "
                 "năm 2026”.", heading="II. NỘI DUNG THI ĐUA") == []


def test_acronyms_and_a_quoted_term_inside_a_task_leave_it_a_task():
    from directive_nlp.tasks.not_tasks import title_or_slogan

    for s in ("UBND TỈNH, UBND CẤP XÃ triển khai thực hiện Kế hoạch",  # lower-case words: a sentence
              "Triển khai phong trào “Bình dân học vụ số” đến từng thôn, tổ dân phố",
              "“Bình dân học vụ số” và “Tổ công nghệ số cộng đồng” được triển khai rộng khắp",
              "CNTT, AI"):  # too short for a title
        assert not title_or_slogan(s, 0, len(s)), s
    assert texts("1. Triển khai phong trào “Bình dân học vụ số” đến từng thôn, tổ dân phố.") == [
        "Triển khai phong trào “Bình dân học vụ số” đến từng thôn, tổ dân phố"]


# ------------------------------------------------------------------ inclusion statements after a noun subject
def test_inclusion_words_vocabulary():
    from directive_nlp.tasks.lexicon import lexicon

    words = lexicon().data["inclusion_words"]
    for w in ("bao gồm", "gồm có", "gồm", "tập trung vào"):
        assert w in words
    for w in ("tập trung", "là", "bao gồm cả"):  # "tập trung" alone is a verb of work; "là" is the copula list's
        assert w not in words


def test_inclusion_statement_is_no_task():
    assert texts("1. Hạ tầng số\n\nHạ tầng số của tỉnh bao gồm hạ tầng viễn thông, hạ tầng dữ liệu và các nền tảng "
                 "số dùng chung.", heading="II. NHIỆM VỤ") == []


def test_the_list_after_an_inclusion_statement_goes_with_it():
    assert texts("1. Hợp tác quốc tế\n\nCác lĩnh vực hợp tác ưu tiên tập trung vào công nghệ BIM, GIS trong quản lý "
                 "công trình; công nghệ vật liệu mới cho đường, cầu; giải pháp phát triển hạ tầng số.",
                 heading="II. NHIỆM VỤ") == []


def test_inclusion_word_after_a_verb_or_a_body_stays_a_task():
    assert texts("1. Tập trung vào rà soát, cắt giảm thủ tục hành chính trong lĩnh vực đất đai.",
                 heading="II. NHIỆM VỤ") == ["Tập trung vào rà soát, cắt giảm thủ tục hành chính trong lĩnh vực đất đai"]
    assert texts("1. Cải cách hành chính\n\nCác sở, ban, ngành tập trung vào rà soát, cắt giảm thủ tục hành chính "
                 "trong lĩnh vực đất đai.", heading="II. NHIỆM VỤ") != []


def test_a_clause_with_its_own_verb_after_an_inclusion_statement_stays_a_task():
    ts = texts("1. Hệ thống thông tin\n\nHệ thống thông tin quy hoạch gồm ba phân hệ; Sở Xây dựng hướng dẫn vận hành "
               "các phân hệ của hệ thống.", heading="II. NHIỆM VỤ")
    assert ts == ["hướng dẫn vận hành các phân hệ của hệ thống"]


# ------------------------------------------------------------------ "ưu tiên sử dụng" is an instruction
def test_a_priority_of_use_is_a_task():
    # "ưu tiên sử dụng X" asks for an act (use X first); it was once listed among the non-task openers
    # and dropped real tasks (u08 II, "…; ưu tiên sử dụng vật liệu mới thay thế vật liệu truyền thống")
    assert texts("1. Ưu tiên sử dụng vật liệu mới thay thế vật liệu truyền thống trong các công trình xây dựng.") == [
        "Ưu tiên sử dụng vật liệu mới thay thế vật liệu truyền thống trong các công trình xây dựng"]


def test_a_pointer_to_the_rules_stays_no_task():
    # the neighbouring opener of the list ("thực hiện theo quy định tại …") is still a pointer, not a task
    assert texts("1. Thực hiện theo quy định tại Nghị định số 15/2025/NĐ-CP.") == []


# ------------------------------------------------------------------ a notice's courtesy formula (prune17)
def test_courtesy_notice_formula_is_no_task():
    body = ("1. Sở Y tế tăng cường kiểm tra các cơ sở kinh doanh thuốc.\n\n"
            "Văn phòng Ủy ban nhân dân tỉnh trân trọng thông báo.")
    assert texts(body) == ["tăng cường kiểm tra các cơ sở kinh doanh thuốc"]
    assert texts("1. Văn phòng Ủy ban nhân dân tỉnh xin thông báo đến các sở, ngành.") == []


def test_notify_with_its_object_is_a_task():
    # a bare "thông báo" is a verb with its object: the work of telling someone something
    assert texts("1. Sở Nội vụ thông báo kết quả xét tuyển viên chức cho các đơn vị trước ngày 30/6/2026.") == [
        "thông báo kết quả xét tuyển viên chức cho các đơn vị"]
    assert texts("1. Ủy ban nhân dân cấp xã thông báo rộng rãi địa điểm, thời gian tiếp nhận hàng cứu trợ.") == [
        "thông báo rộng rãi địa điểm, thời gian tiếp nhận hàng cứu trợ"]
