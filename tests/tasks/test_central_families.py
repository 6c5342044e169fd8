"""Families found reading central and Party texts (docs/unlabelled-check.md, fifth sample; issue 12).

Positive and negative examples in small texts written for the test.
"""

from __future__ import annotations

from directive_nlp.pipeline import extract_text


def _tasks(body: str, heading: str = "III. NHIỆM VỤ, GIẢI PHÁP"):
    text = f"QUYẾT ĐỊNH\n\nPhê duyệt Chương trình\n\n{heading}\n\n{body}\n"
    return [(t.task, [(a.name, a.role) for a in t.agencies]) for t in extract_text(text, "qd.md").tasks]


# ------------------------------------------------------------------ a ";" inside a list of beneficiaries
def test_bodies_with_no_verb_after_a_semicolon_continue_the_list():
    got = _tasks("6. Xây dựng chương trình bồi dưỡng, nâng cao nhận thức cho cán bộ lãnh đạo; cán bộ, công chức, "
                 "viên chức cơ quan nhà nước các cấp về Chính phủ số và an ninh mạng.")
    assert got == [("Xây dựng chương trình bồi dưỡng, nâng cao nhận thức cho cán bộ lãnh đạo; cán bộ, công chức, "
                    "viên chức cơ quan nhà nước các cấp về Chính phủ số và an ninh mạng", [])]


def test_bodies_with_their_own_verb_after_a_semicolon_open_a_clause():
    got = _tasks("6. Sở Nội vụ xây dựng chương trình bồi dưỡng cho cán bộ lãnh đạo; cán bộ, công chức, viên chức "
                 "chủ động tự học nâng cao kỹ năng số.")
    assert got[1] == ("chủ động tự học nâng cao kỹ năng số",
                      [("cán bộ", "lead"), ("công chức", "lead"), ("viên chức", "lead")])
    got = _tasks("7. Sở Y tế kiểm tra các cơ sở khám bệnh; Sở Tài chính bố trí kinh phí thực hiện.")
    assert got == [("kiểm tra các cơ sở khám bệnh", [("Sở Y tế", "lead")]),
                   ("bố trí kinh phí thực hiện", [("Sở Tài chính", "lead")])]


# ------------------------------------------------------------------ "Phương thức" parts of a guidance
_GUIDE = ("HƯỚNG DẪN\n\nVề việc đổi mới Bản tin sinh hoạt chi bộ\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao nhận thức.\n\n"
          "{H}\n\n1. Đẩy mạnh ứng dụng công nghệ thông tin trong biên soạn, phát hành Bản tin.\n\n"
          "IV. TỔ CHỨC THỰC HIỆN\n\n1. Ban Tuyên giáo chủ trì hướng dẫn thực hiện.\n")


def _guide_tasks(heading: str) -> list[str]:
    return [t.task for t in extract_text(_GUIDE.format(H=heading), "hd.md").tasks]


def test_a_part_on_the_way_of_doing_holds_tasks():
    for h in ("III. PHƯƠNG THỨC THỰC HIỆN", "III. PHƯƠNG THỨC, HÌNH THỨC CUNG CẤP VÀ SỬ DỤNG BẢN TIN"):
        assert "Đẩy mạnh ứng dụng công nghệ thông tin trong biên soạn, phát hành Bản tin" in _guide_tasks(h), h


def test_forms_and_ways_of_ranking_are_no_task_parts():
    # "Hình thức khen thưởng", "Cách thức xếp hạng" describe awards and scores: only a named body acting is a task
    for h in ("III. HÌNH THỨC KHEN THƯỞNG", "III. CÁCH THỨC XẾP HẠNG"):
        assert _guide_tasks(h) == ["hướng dẫn thực hiện"], h


# ------------------------------------------------------------------ a basis between the actor and its verb
def test_a_basis_naming_a_body_ends_before_the_verb_after_the_body():
    assert _tasks("1. Các bộ, ngành, địa phương căn cứ hướng dẫn của Bộ Công an tổ chức rà soát, đánh giá chất lượng "
                  "các cơ sở dữ liệu.") == [("tổ chức rà soát, đánh giá chất lượng các cơ sở dữ liệu",
                                             [("Các bộ, ngành, địa phương", "lead")])]
    got = _tasks("2. Các bộ, ngành, địa phương căn cứ chức năng, nhiệm vụ được giao, thực trạng, hướng dẫn của Bộ Khoa "
                 "học và Công nghệ khẩn trương đăng ký nhu cầu kinh phí.")
    assert got == [("khẩn trương đăng ký nhu cầu kinh phí", [("Các bộ, ngành, địa phương", "lead")])]


def test_a_basis_without_a_body_or_a_verb_after_its_comma_is_unchanged():
    assert _tasks("3. Sở Tài chính căn cứ khả năng cân đối ngân sách, tham mưu bố trí kinh phí thực hiện.") == [
        ("tham mưu bố trí kinh phí thực hiện", [("Sở Tài chính", "lead")])]
    # "hướng dẫn các cơ sở" after the comma is the predicate (no "của"): the basis ended at the comma
    assert _tasks("4. Sở Y tế căn cứ chỉ đạo của Bộ Y tế, hướng dẫn các cơ sở khám bệnh thực hiện.") == [
        ("hướng dẫn các cơ sở khám bệnh thực hiện", [("Sở Y tế", "lead")])]


# ------------------------------------------------------------------ "; các …" with its own predicate
def test_a_semicolon_clause_of_bodies_and_their_verb_is_no_list_continuation():
    got = _tasks("5. Bộ Công an ban hành hướng dẫn đánh giá dữ liệu; hoàn thành việc ban hành hướng dẫn trong tháng 11 "
                 "năm 2025; các bộ, ngành, địa phương tổ chức rà soát các cơ sở dữ liệu thuộc phạm vi quản lý.")
    assert ("tổ chức rà soát các cơ sở dữ liệu thuộc phạm vi quản lý", [("các bộ, ngành, địa phương", "lead")]) in got


def test_a_semicolon_clause_of_objects_still_continues_the_list():
    got = _tasks("6. Sở Lao động tăng cường quản lý các địa bàn phức tạp; các nhóm đối tượng có nguy cơ cao.")
    assert [t for t, _ in got] == ["tăng cường quản lý các địa bàn phức tạp; các nhóm đối tượng có nguy cơ cao"]


# ------------------------------------------------------------------ the closing formula of a notice
def test_the_closing_formula_of_a_notice_is_no_task():
    for closing in ("Văn phòng Chính phủ xin thông báo để các bộ, ngành, địa phương và các cơ quan liên quan biết, "
                    "thực hiện./.", "Văn phòng Chính phủ trân trọng thông báo để các cơ quan biết và thực hiện."):
        assert _tasks("1. Bộ Xây dựng rà soát danh mục các tuyến cao tốc.\n\n" + closing) == [
            ("rà soát danh mục các tuyến cao tốc", [("Bộ Xây dựng", "lead")])], closing


def test_informing_people_of_something_stays_a_task():
    got = _tasks("2. Ủy ban nhân dân xã kịp thời thông báo cho người dân biết lịch tiêm chủng.")
    assert got == [("kịp thời thông báo cho người dân biết lịch tiêm chủng", [("Ủy ban nhân dân xã", "lead")])]


# ------------------------------------------------------------------ "…; do vậy, yêu cầu X:" leads in
def test_a_request_to_bodies_that_ends_the_sentence_leads_in():
    got = _tasks("Thời gian còn lại của năm rất ngắn; do vậy, yêu cầu các bộ, ngành, địa phương, đơn vị liên quan:\n\n"
                 "a) Các bộ khẩn trương hoàn thành các dự án.")
    assert [t for t, _ in got if "yêu cầu" in t] == []
    assert ("khẩn trương hoàn thành các dự án", [("Các bộ", "lead")]) in got


def test_a_request_with_its_own_predicate_stays_a_task():
    got = _tasks("1. Sở Y tế kiểm tra các cơ sở khám bệnh; đồng thời yêu cầu các cơ sở báo cáo kết quả khắc phục.")
    assert [t for t, _ in got] == ["kiểm tra các cơ sở khám bệnh", "yêu cầu các cơ sở báo cáo kết quả khắc phục"]


# ------------------------------------------------------------------ an item naming topics
def test_the_semicolon_parts_of_a_topic_item_are_more_topics():
    got = _tasks("- Các chuyên đề về công tác xây dựng Đảng; nâng cao chất lượng học tập nghị quyết; Điều lệ và các quy "
                 "định của Đảng.", heading="II. NỘI DUNG BẢN TIN")
    assert [t for t, _ in got] == ["Các chuyên đề về công tác xây dựng Đảng; nâng cao chất lượng học tập nghị quyết; "
                                   "Điều lệ và các quy định của Đảng"]


def test_an_action_item_or_a_topic_part_with_its_actor_still_splits():
    got = _tasks("- Tuyên truyền về công tác xây dựng Đảng; nâng cao chất lượng học tập nghị quyết.",
                 heading="II. NỘI DUNG BẢN TIN")
    assert [t for t, _ in got] == ["Tuyên truyền về công tác xây dựng Đảng", "nâng cao chất lượng học tập nghị quyết"]
    got = _tasks("- Các chuyên đề về chuyển đổi số; Sở Nội vụ biên soạn tài liệu hướng dẫn.",
                 heading="II. NỘI DUNG BẢN TIN")
    assert ("biên soạn tài liệu hướng dẫn", [("Sở Nội vụ", "lead")]) in got


# ------------------------------------------------------------------ the closing formula of a Party text
def test_the_circulation_formula_of_a_party_text_is_no_task():
    for closing in ("Nghị quyết này phổ biến đến chi bộ.", "Chỉ thị này được phổ biến tới chi bộ, đảng viên."):
        got = _tasks("IV. TỔ CHỨC THỰC HIỆN\n\n1. Các tỉnh ủy, thành ủy lãnh đạo, chỉ đạo quán triệt Nghị quyết.\n\n"
                     + closing, heading="")
        assert [t for t, _ in got] == ["lãnh đạo, chỉ đạo quán triệt Nghị quyết"], closing


def test_circulating_a_text_as_the_verb_stays_a_task():
    got = _tasks("IV. TỔ CHỨC THỰC HIỆN\n\n1. Các tỉnh ủy, thành ủy lãnh đạo, chỉ đạo quán triệt Nghị quyết.\n\n"
                 "2. Ban Tuyên giáo phổ biến Nghị quyết này đến chi bộ, đảng viên.", heading="")
    assert [t for t, _ in got][-1] == "phổ biến Nghị quyết này đến chi bộ, đảng viên"


# ------------------------------------------------------------------ a conclusion notice's assessment part
def _notice(paragraph: str):
    text = ("THÔNG BÁO\n\nKết luận của Phó Thủ tướng\n\nI. ĐÁNH GIÁ CHUNG\n\nTrong 10 tháng năm 2025, tỉnh đã đạt được "
            f"nhiều kết quả tích cực.\n\n{paragraph}\n\nII. NHIỆM VỤ\n\n1. Rà soát các chỉ tiêu phát triển kinh tế.\n")
    return [(t.task, [(a.name, a.role) for a in t.agencies]) for t in extract_text(text, "tb.md").tasks
            if t.section.startswith("I") and not t.section.startswith("II")]


def test_a_connective_then_an_adverbial_before_the_province_asked_to_act():
    # "Tuy nhiên," (task_lexicon.yaml connectives) then "bên cạnh …," (leading_adverbials): the province acts
    assert _notice("Tuy nhiên, bên cạnh những kết quả đã đạt được, tỉnh Đắk Lắk cần tiếp tục có những giải pháp "
                   "quyết liệt để khắc phục những hạn chế.") == [
        ("tiếp tục có những giải pháp quyết liệt để khắc phục những hạn chế", [("tỉnh Đắk Lắk", "lead")])]
    assert _notice("Tuy nhiên, Tỉnh Đắk Lắk cần khẩn trương khắc phục những hạn chế.") == [
        ("khẩn trương khắc phục những hạn chế", [("Tỉnh Đắk Lắk", "lead")])]


def test_a_connective_before_a_statement_of_the_assessment_is_no_task():
    assert _notice("Tuy nhiên, bên cạnh những kết quả đã đạt được, công tác giải ngân vốn đầu tư công còn chậm.") == []
    assert _notice("Tuy nhiên, tốc độ tăng trưởng kinh tế của tỉnh Đắk Lắk chưa đạt kế hoạch.") == []


# ------------------------------------------------------------------ "Đối với X cần …": the scope names who acts
def test_a_scope_naming_a_body_before_a_modal_addresses_it():
    got = _tasks("1. Đối với các chủ đầu tư cần nhanh chóng dọn dẹp mặt bằng, khôi phục lại thi công.")
    assert got == [("nhanh chóng dọn dẹp mặt bằng, khôi phục lại thi công", [("các chủ đầu tư", "lead")])]


def test_a_scope_naming_no_body_or_followed_by_a_comma_keeps_its_reading():
    assert _tasks("1. Đối với những vấn đề vượt thẩm quyền phải báo cáo cơ quan có thẩm quyền xem xét.") == [
        ("báo cáo cơ quan có thẩm quyền xem xét", [])]
    assert _tasks("1. Đối với các dự án chậm tiến độ, Sở Xây dựng phải kiểm tra, xử lý.") == [
        ("kiểm tra, xử lý", [("Sở Xây dựng", "lead")])]


# ------------------------------------------------------------------ "Về X, …": a topic before the work
def test_a_topic_before_the_actor_or_the_frame_is_dropped():
    assert _tasks("1. Về cơ sở dữ liệu đất đai, Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính "
                  "rà soát danh mục dữ liệu.") == [
        ("rà soát danh mục dữ liệu", [("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Tài chính", "support")])]


def test_a_topic_in_a_table_cell_before_the_role_frame():
    text = ("THÔNG BÁO\n\nKết luận\n\nII. NHIỆM VỤ\n\n| TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |\n|---|---|---|---|\n"
            "| 1 | Về cơ sở dữ liệu đất đai, chủ trì, phối hợp với Sở Tài chính rà soát danh mục dữ liệu. | "
            "Sở Nông nghiệp và Môi trường | 30/9/2025 |\n"
            "| 2 | Về công tác tuyên truyền, đẩy mạnh tuyên truyền về chuyển đổi số. | Sở Y tế | 30/9/2025 |\n")
    got = [(t.task, [(a.name, a.role) for a in t.agencies]) for t in extract_text(text, "tb.md").tasks]
    assert got[0] == ("rà soát danh mục dữ liệu.", [("Sở Nông nghiệp và Môi trường", "lead"), ("Sở Tài chính", "support")])
    # no frame after the topic: the cell is kept as written
    assert got[1] == ("Về công tác tuyên truyền, đẩy mạnh tuyên truyền về chuyển đổi số.", [("Sở Y tế", "lead")])


def test_a_topic_closed_by_a_colon_keeps_its_reading():
    got = _tasks("1. Về đề nghị bố trí vốn cho dự án: giao Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh.")
    assert got[0][1] == [("Sở Tài chính", "lead")] and not got[0][0].startswith("Về")


# ------------------------------------------------------------------ the word that introduces a list after a colon
def test_a_task_ending_at_a_colon_leaves_the_list_word_out():
    got = _tasks("1. Sở Công Thương ưu tiên triển khai các giải pháp tiết kiệm năng lượng như: lắp đặt đèn LED, "
                 "điện mặt trời mái nhà.")
    assert got[0] == ("ưu tiên triển khai các giải pháp tiết kiệm năng lượng", [("Sở Công Thương", "lead")])


def test_a_list_word_inside_the_task_stays():
    got = _tasks("1. Sở Công Thương hỗ trợ doanh nghiệp như hợp tác xã, hộ kinh doanh tiếp cận vốn.")
    assert got[0][0] == "hỗ trợ doanh nghiệp như hợp tác xã, hộ kinh doanh tiếp cận vốn"
