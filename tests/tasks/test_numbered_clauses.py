"""Inline numbered clauses of conclusions and central plans: "…; (2) Bộ Công an chủ trì …; (3) …" and
"X tập trung: (i) Sửa đổi …; (ii) Rà soát …" (docs/tasks.md, "Inline numbered clauses").

Positive and negative examples in small texts written for the test.
"""

from __future__ import annotations

from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.text import past_enumerator


def _tasks(body: str):
    text = f"THÔNG BÁO\n\nKết luận của Phó Thủ tướng Chính phủ\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n{body}\n"
    return [(t.task, [(a.name, a.role) for a in t.agencies]) for t in extract_text(text, "tb.md").tasks]


def test_enumerator_shapes():
    for s in ("(1) Bộ Công an", "(12) rà soát", "(iv) Rà soát", "(a) Xây dựng", "(đ) Xây dựng"):
        assert past_enumerator(s, 0, len(s)) == s.index(")") + 2, s
    for s in ("(VTV) chủ trì", "(Sở Y tế chủ trì)", "(2)Bộ", "Bộ (1) ", "(123) văn bản"):
        assert past_enumerator(s, 0, len(s)) == 0, s


def test_a_numbered_clause_names_its_own_actor():
    got = _tasks("1. Bộ Tư pháp ban hành quy chế quản lý dữ liệu; (2) Bộ Công an chủ trì, phối hợp các bộ, cơ quan "
                 "liên quan ban hành hướng dẫn đánh giá chất lượng các cơ sở dữ liệu; (3) các bộ, ngành, địa phương "
                 "tổ chức rà soát các cơ sở dữ liệu thuộc phạm vi quản lý.")
    assert got == [
        ("ban hành quy chế quản lý dữ liệu", [("Bộ Tư pháp", "lead")]),
        ("ban hành hướng dẫn đánh giá chất lượng các cơ sở dữ liệu",
         [("Bộ Công an", "lead"), ("các bộ, cơ quan liên quan", "support")]),
        ("tổ chức rà soát các cơ sở dữ liệu thuộc phạm vi quản lý", [("các bộ, ngành, địa phương", "lead")]),
    ]


def test_a_numbered_clause_without_an_actor_keeps_the_sentence_actor():
    got = _tasks("1. Bộ Công an: (1) Tiếp tục mở rộng Trung tâm dữ liệu quốc gia; (2) Tham mưu ban hành Nghị định "
                 "về phát triển công dân số.")
    assert got == [("Tiếp tục mở rộng Trung tâm dữ liệu quốc gia", [("Bộ Công an", "lead")]),
                   ("Tham mưu ban hành Nghị định về phát triển công dân số", [("Bộ Công an", "lead")])]


def test_a_list_determiner_after_a_number_opens_a_clause():
    # without the number, "; các …" continues a list of objects; with it, it is the next item
    got = _tasks("1. Sở Y tế kiểm tra các cơ sở khám bệnh; (2) các sở, ngành rà soát quy trình tiếp nhận hồ sơ.")
    assert [t for t, _ in got] == ["kiểm tra các cơ sở khám bệnh", "rà soát quy trình tiếp nhận hồ sơ"]
    joined = _tasks("1. Sở Y tế kiểm tra các cơ sở khám bệnh; các phòng khám tư nhân trên địa bàn.")
    assert [t for t, _ in joined] == ["kiểm tra các cơ sở khám bệnh; các phòng khám tư nhân trên địa bàn"]


def test_numbered_actions_after_a_lead_in_colon_are_tasks_of_its_actor():
    got = _tasks("1. Các bộ, ngành, địa phương tập trung: (i) Sửa đổi, bổ sung các văn bản quy phạm pháp luật; "
                 "(ii) Rà soát, sửa đổi các quy định không phù hợp.")
    assert got == [("Sửa đổi, bổ sung các văn bản quy phạm pháp luật", [("Các bộ, ngành, địa phương", "lead")]),
                   ("Rà soát, sửa đổi các quy định không phù hợp", [("Các bộ, ngành, địa phương", "lead")])]


def test_a_title_before_numbered_actions_that_name_their_actors_is_no_task():
    got = _tasks("1. Khẩn trương xây dựng chiến lược dữ liệu: (1) Bộ Tư pháp ban hành chiến lược dữ liệu của ngành; "
                 "(2) Bộ Công an hướng dẫn đánh giá chất lượng các cơ sở dữ liệu.")
    assert got == [("ban hành chiến lược dữ liệu của ngành", [("Bộ Tư pháp", "lead")]),
                   ("hướng dẫn đánh giá chất lượng các cơ sở dữ liệu", [("Bộ Công an", "lead")])]


def test_an_action_before_the_colon_stays_a_task():
    got = _tasks("1. Bộ Tài chính rà soát các dự án đầu tư công: (1) Xây dựng kế hoạch vốn năm 2026; "
                 "(2) Báo cáo Thủ tướng Chính phủ kết quả rà soát.")
    assert [t for t, _ in got] == ["rà soát các dự án đầu tư công", "Xây dựng kế hoạch vốn năm 2026",
                                   "Báo cáo Thủ tướng Chính phủ kết quả rà soát"]


def test_numbered_nouns_after_a_colon_stay_the_object():
    # "(1) Định danh tàu thuyền; (2) …" name the parts of the object, not actions: the colon content is dropped
    got = _tasks("1. Bộ Tài chính hoàn thành các nhiệm vụ phục vụ chuyển đổi số, gồm: (1) hệ thống định danh tàu "
                 "thuyền; (2) cơ sở dữ liệu địa điểm.")
    # (the list's opening word "gồm" stays with the list: task_lexicon.yaml list_introducer_tails)
    assert [t for t, _ in got] == ["hoàn thành các nhiệm vụ phục vụ chuyển đổi số"]


def test_a_colon_inside_a_numbered_clause_cuts_only_that_clause():
    got = _tasks("a) Bộ Khoa học và Công nghệ: (1) trình Thủ tướng Chính phủ Chương trình quốc gia; (2) Khẩn trương "
                 "trình cấp có thẩm quyền ban hành: Chương trình chuyển đổi số, Đề án hỗ trợ doanh nghiệp; (3) đôn đốc "
                 "các doanh nghiệp viễn thông phủ sóng 5G trên phạm vi toàn quốc.")
    assert [t for t, _ in got] == ["trình Thủ tướng Chính phủ Chương trình quốc gia",
                                   "Khẩn trương trình cấp có thẩm quyền ban hành",
                                   "đôn đốc các doanh nghiệp viễn thông phủ sóng 5G trên phạm vi toàn quốc"]


def test_numbers_of_another_kind_after_an_explaining_colon_are_its_parts():
    got = _tasks("b) Bộ Công an: (1) Tham mưu ban hành Nghị định về công dân số; (2) Phát triển VNeID thành nền tảng "
                 "số quốc gia với 05 chức năng chính: (i) Lưu trữ dữ liệu số của công dân; (ii) Định danh xác thực "
                 "điện tử; (iii) Thực hiện dịch vụ công trực tuyến.")
    assert [t for t, _ in got] == ["Tham mưu ban hành Nghị định về công dân số",
                                   "Phát triển VNeID thành nền tảng số quốc gia với 05 chức năng chính"]


def _deadlines(body: str):
    text = f"THÔNG BÁO\n\nKết luận của Phó Thủ tướng Chính phủ\n\nIII. NHIỆM VỤ, GIẢI PHÁP\n\n{body}\n"
    return [(t.task, t.deadline.text if t.deadline else None) for t in extract_text(text, "tb.md").tasks]


def test_a_time_that_ends_numbered_clauses_closes_the_last_one():
    got = _deadlines("a) Bộ Khoa học và Công nghệ: (1) trình Thủ tướng Chính phủ Chương trình quốc gia, hoàn thành "
                     "trong tháng 11 năm 2025; (2) đôn đốc các doanh nghiệp viễn thông phủ sóng 5G; (3) chủ trì hướng "
                     "dẫn các bộ, ngành rà soát nguồn vốn, hoàn thành trước ngày 10 tháng 12 năm 2025.")
    assert got == [("trình Thủ tướng Chính phủ Chương trình quốc gia", "hoàn thành trong tháng 11 năm 2025"),
                   ("đôn đốc các doanh nghiệp viễn thông phủ sóng 5G", None),
                   ("chủ trì hướng dẫn các bộ, ngành rà soát nguồn vốn", "hoàn thành trước ngày 10 tháng 12 năm 2025")]


def test_a_time_that_ends_clauses_without_numbers_dates_the_whole_item():
    got = _deadlines("a) Bộ Khoa học và Công nghệ trình Thủ tướng Chính phủ Chương trình quốc gia; đôn đốc các doanh "
                     "nghiệp viễn thông phủ sóng 5G, hoàn thành trước ngày 10 tháng 12 năm 2025.")
    assert got == [("trình Thủ tướng Chính phủ Chương trình quốc gia", "hoàn thành trước ngày 10 tháng 12 năm 2025"),
                   ("đôn đốc các doanh nghiệp viễn thông phủ sóng 5G", "hoàn thành trước ngày 10 tháng 12 năm 2025")]
