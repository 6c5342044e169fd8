"""Families of false tasks of the read half (docs/tasks.md, "Tasks we invent", branch false13).

Each mechanism has positive and negative examples, in small plans written for the test.
"""

from __future__ import annotations

from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.lexicon import load_lexicon_data


def texts(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP") -> list[str]:
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\n{heading}\n\n{body}\n"
    return [t.task for t in extract_text(text, "plan.md").tasks]


# ------------------------------------------------------------------ F2: a role phrase and what the role is
def test_role_with_short_attributes_keeps_its_content():
    ts = texts("1. Công an tỉnh phát huy vai trò nòng cốt, chuyên trách, chủ trì công tác phòng ngừa tội phạm "
               "của lực lượng Công an; đẩy mạnh tuyên truyền pháp luật.")
    assert ts[0] == ("phát huy vai trò nòng cốt, chuyên trách, chủ trì công tác phòng ngừa tội phạm "
                     "của lực lượng Công an")


def test_function_named_in_two_syllables_keeps_the_advice_after_it():
    ts = texts("1. Sở Tư pháp thực hiện chức năng thường trực, tham mưu Hội đồng phổ biến pháp luật tỉnh "
               "chỉ đạo công tác tuyên truyền.")
    assert ts == ["thực hiện chức năng thường trực, tham mưu Hội đồng phổ biến pháp luật tỉnh chỉ đạo công tác "
                  "tuyên truyền"]


def test_bare_role_joins_the_responsibility_after_va():
    ts = texts("1. Phát huy vai trò và nâng cao trách nhiệm của cấp ủy, chính quyền các cấp trong công tác "
               "phòng, chống ma túy.")
    assert len(ts) == 1 and ts[0].startswith("Phát huy vai trò và nâng cao trách nhiệm")


def test_role_with_its_holder_or_a_long_content_is_closed():
    # "vai trò của Mặt trận": the holder closes the role; the verb after the comma opens a task
    ts = texts("1. Phát huy vai trò của Mặt trận Tổ quốc, tổ chức tuyên truyền pháp luật cho Nhân dân.")
    assert ts == ["Phát huy vai trò của Mặt trận Tổ quốc", "tổ chức tuyên truyền pháp luật cho Nhân dân"]
    # "chức năng chủ quản Chương trình tại địa phương": more than two syllables name the role
    ts = texts("1. Sở Y tế thực hiện chức năng chủ quản Chương trình tại địa phương, xây dựng kế hoạch thực hiện.")
    assert ts == ["thực hiện chức năng chủ quản Chương trình tại địa phương", "xây dựng kế hoạch thực hiện"]


def test_role_attribute_with_a_preposition_ends_the_role():
    ts = texts("1. Đoàn viên phát huy vai trò tiên phong, gương mẫu trong phòng, chống ma túy, tuyên truyền, vận "
               "động gia đình thực hiện tốt quy định.")
    assert len(ts) == 2 and ts[1].startswith("tuyên truyền, vận động gia đình")


def test_role_heads_are_read_from_the_lexicon():
    assert {"vai trò", "chức năng", "đầu mối"} <= set(load_lexicon_data()["role_heads"])


# ------------------------------------------------------------------ F5/F4: an exemption, a deemed consent
def test_exemption_opening_its_clause_is_no_task():
    ts = texts("1. Cơ quan đăng ký đầu tư chịu trách nhiệm về nội dung thẩm định của cơ quan mình; không chịu trách "
               "nhiệm về những nội dung đã được cơ quan khác chấp thuận, thẩm định, phê duyệt trước đó.")
    assert len(ts) == 1 and not any("không chịu trách nhiệm" in t or "phê duyệt trước đó" in t for t in ts)


def test_not_answering_inside_an_object_stays_in_its_task():
    ts = texts("1. Sở Nội vụ kiên quyết xử lý cán bộ né tránh, không chịu trách nhiệm trong thi hành công vụ.")
    assert ts == ["kiên quyết xử lý cán bộ né tránh, không chịu trách nhiệm trong thi hành công vụ"]


def test_deemed_consent_after_a_case_is_no_task():
    ts = texts("2. Các sở, ngành có ý kiến bằng văn bản trong 05 ngày làm việc. Trường hợp văn bản không kết luận cụ "
               "thể, thì xem như thống nhất chủ trương đầu tư dự án.")
    assert ts == ["có ý kiến bằng văn bản trong 05 ngày làm việc"]
    ts = texts("2. Quá thời hạn trên mà các cơ quan không có ý kiến thì coi như đồng ý với dự thảo.")
    assert ts == []


def test_agreeing_as_an_act_is_still_a_task():
    ts = texts("2. Các sở, ngành xem xét, thống nhất chủ trương đầu tư dự án; coi trọng công tác thẩm định.")
    assert ts == ["xem xét, thống nhất chủ trương đầu tư dự án", "coi trọng công tác thẩm định"]


# ------------------------------------------------------------------ F6: "qua đó" says what the work yields
def test_qua_do_result_stays_in_its_task():
    ts = texts("1. Tổ chức rà soát, đánh giá các nhiệm vụ bảo vệ bí mật nhà nước, qua đó làm rõ nội dung còn yếu, "
               "tồn tại để khắc phục.")
    assert ts == ["Tổ chức rà soát, đánh giá các nhiệm vụ bảo vệ bí mật nhà nước, qua đó làm rõ nội dung còn yếu, "
                  "tồn tại để khắc phục"]


def test_tu_do_and_dong_thoi_still_open_a_step_of_their_own():
    ts = texts("1. Tổ chức sơ kết, tổng kết rút kinh nghiệm từng lĩnh vực, từ đó đề ra các giải pháp nâng cao hiệu quả "
               "công tác.")
    assert len(ts) == 2 and ts[1].startswith("đề ra các giải pháp")
    ts = texts("1. Sở Tư pháp rà soát các văn bản quy phạm pháp luật, đồng thời đề xuất sửa đổi các quy định chưa phù hợp.")
    assert len(ts) == 2 and ts[1].startswith("đề xuất sửa đổi")


def test_qua_do_is_a_purpose_word_not_a_clause_connective():
    data = load_lexicon_data()
    assert "qua đó" in data["purpose_words"] and "qua đó" not in data["clause_connectives"]


# ------------------------------------------------------------------ F6: a scope named twice, the whole and its part
def test_whole_and_part_scope_pair_is_one_task():
    ts = texts("1. Phát động phong trào toàn dân bảo vệ an ninh Tổ quốc nói chung, tham gia phòng, chống ma túy nói "
               "riêng, phát hiện, tố giác tội phạm với chính quyền.")
    assert ts[0] == ("Phát động phong trào toàn dân bảo vệ an ninh Tổ quốc nói chung, tham gia phòng, chống ma túy "
                     "nói riêng")


def test_part_then_whole_scope_pair_is_one_task():
    ts = texts("1. Bảo vệ môi trường các vùng nuôi trồng thủy sản nói riêng, bảo vệ các vùng đầm, vịnh, biển nói chung.")
    assert len(ts) == 1


def test_scope_word_without_its_pair_still_ends_the_task():
    ts = texts("1. Tuyên truyền về tác hại của ma túy nói chung, tổ chức tập huấn kỹ năng cho cán bộ cơ sở.")
    assert ts == ["Tuyên truyền về tác hại của ma túy nói chung", "tổ chức tập huấn kỹ năng cho cán bộ cơ sở"]


# ------------------------------------------------------------------ F4: a composition, who belongs to a body
_COMPOSITION = ("5. Kiện toàn Ban Chỉ đạo công tác bảo vệ bí mật nhà nước tỉnh, bao gồm: Trưởng Ban Chỉ đạo là Chủ "
                "tịch UBND tỉnh; thành viên gồm đại diện lãnh đạo Sở Nội vụ, Sở Tài chính. Sở Tư pháp, Sở Khoa học và "
                "Công nghệ và Công an tỉnh; thường trực Ban Chỉ đạo là Công an tỉnh.")


def test_members_and_a_standing_body_are_no_tasks():
    ts = texts(_COMPOSITION)
    assert len(ts) == 1 and ts[0].startswith("Kiện toàn Ban Chỉ đạo") and "Công an tỉnh" not in ts[0]


def test_copula_with_work_after_it_or_a_verb_before_it_is_a_task():
    assert texts("1. Công an tỉnh thực hiện tốt vai trò là cơ quan thường trực Ban Chỉ đạo tỉnh.") == [
        "thực hiện tốt vai trò là cơ quan thường trực Ban Chỉ đạo tỉnh"]
    assert texts("1. Sở Y tế là cơ quan thường trực, chủ trì tổ chức kiểm tra các cơ sở khám chữa bệnh.") == [
        "tổ chức kiểm tra các cơ sở khám chữa bệnh"]


def test_bodies_after_a_verb_are_its_partners_not_a_composition():
    assert texts("1. Phối hợp với Sở Tư pháp, Sở Tài chính và Công an tỉnh kiểm tra việc thi hành pháp luật.") == [
        "kiểm tra việc thi hành pháp luật"]


def test_composition_words_are_read_from_the_lexicon():
    data = load_lexicon_data()
    assert "là" in data["copula_words"] and "và" in data["composition_joiners"]


# ------------------------------------------------------------------ F1: a short item in a run of bare verbs
def test_unknown_verb_in_a_run_of_bare_verbs_shares_the_object():
    ts = texts("1. Chủ động, kịp thời phân tích, nhận diện, dự báo chính xác tình hình tội phạm ma túy nổi lên.")
    assert ts == ["Chủ động, kịp thời phân tích, nhận diện, dự báo chính xác tình hình tội phạm ma túy nổi lên"]


def test_weak_verb_in_a_run_after_a_verb_shares_the_object():
    ts = texts("1. Nâng cao hiệu quả trong khai thác, sử dụng, chia sẻ dữ liệu chuyên ngành phục vụ phát triển kinh tế.")
    assert len(ts) == 1


def test_short_item_after_a_verb_with_its_object_is_a_second_object():
    ts = texts("1. Đầu tư trang thiết bị, phương tiện, ứng dụng khoa học và công nghệ trong công tác phòng, chống ma túy.")
    # "phương tiện" is the verb's second object; the verb-like noun after it goes on with the list (extra 13's gold
    # keeps "Đầu tư trang thiết bị, phương tiện, ứng dụng khoa học và công nghệ, …" as one task; branch nounverb14)
    assert ts[0].startswith("Đầu tư trang thiết bị, phương tiện, ứng dụng khoa học và công nghệ")


def test_short_field_after_a_weak_verb_does_not_carry_a_target_clause():
    ts = texts("1. Hỗ trợ các doanh nghiệp ứng dụng công nghệ số trong sản xuất, kinh doanh, phấn đấu đến năm 2030 đạt "
               "30% doanh nghiệp thực hiện.")
    assert len(ts) == 2 and ts[1].startswith("phấn đấu")


def test_verb_with_moi_still_waits_for_the_shared_object():
    ts = texts("1. Rà soát, kiến nghị cấp có thẩm quyền sửa đổi, bổ sung, xây dựng mới, hoàn thiện các văn bản quy phạm "
               "pháp luật về phòng, chống ma túy.")
    assert len(ts) == 1


def test_moi_after_a_noun_does_not_make_a_bare_verb():
    ts = texts("1. Xây dựng mô hình nông thôn mới, tổ chức tập huấn cho cán bộ cơ sở.")
    assert ts == ["Xây dựng mô hình nông thôn mới", "tổ chức tập huấn cho cán bộ cơ sở"]


# ------------------------------------------------------------------ F1: a governing verb after a partner list cut by "và"
_PARTNERS = ("II. NHIỆM VỤ VÀ GIẢI PHÁP\n\n1. Sở Nội vụ\n\nPhối hợp Công an tỉnh và các đơn vị liên quan {verb} Ủy ban "
             "nhân dân tỉnh quy định về phân cấp quản lý, tổ chức thực hiện Chương trình trên địa bàn.")


def test_advice_after_a_partner_list_with_va_governs_its_commas():
    text = "KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\n" + _PARTNERS.format(verb="tham mưu") + "\n"
    ts = [t.task for t in extract_text(text, "plan.md").tasks]
    assert ts == ["tham mưu Ủy ban nhân dân tỉnh quy định về phân cấp quản lý, tổ chức thực hiện Chương trình trên "
                  "địa bàn"]


def test_a_plain_verb_after_a_partner_list_still_splits_at_its_commas():
    text = ("KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n\n1. Sở Nội vụ\n\nPhối hợp Công an "
            "tỉnh và các đơn vị liên quan rà soát quy định về phân cấp quản lý, tổ chức tập huấn cho cán bộ cơ sở.\n")
    ts = [t.task for t in extract_text(text, "plan.md").tasks]
    assert len(ts) == 2 and ts[1] == "tổ chức tập huấn cho cán bộ cơ sở"


# ------------------------------------------------------------------ F4: a statement of the present state
def test_present_state_statement_is_no_task():
    ts = texts("a) Hiện nay tổng khối lượng hoàn thành của Dự án khoảng 61%, khối lượng còn lại rất lớn. Yêu cầu các "
               "bộ, ngành khẩn trương có giải pháp đẩy nhanh tiến độ thi công.")
    assert ts == ["khẩn trương có giải pháp đẩy nhanh tiến độ thi công"]


def test_present_state_opener_with_a_modal_or_a_request_is_a_task():
    assert "rà soát lại danh mục dự án đầu tư công" in texts(
        "1. Hiện nay, các sở, ngành cần rà soát lại danh mục dự án đầu tư công.")
    ts = texts("1. Hiện nay tiến độ giải ngân còn chậm, đề nghị Sở Tài chính tổng hợp các khó khăn, vướng mắc.")
    assert "tổng hợp các khó khăn, vướng mắc" in ts


def test_future_time_opener_is_no_state_statement():
    assert texts("1. Thời gian tới, Sở Y tế tổ chức kiểm tra các cơ sở khám chữa bệnh.") == [
        "tổ chức kiểm tra các cơ sở khám chữa bệnh"]


# ------------------------------------------------------------------ F1: a list of activities after "quá trình"
def test_activity_after_qua_trinh_continues_the_list():
    ts = texts("1. Nâng cao ý thức của cán bộ trong quá trình tiếp xúc, làm việc với người nước ngoài.")
    assert ts == ["Nâng cao ý thức của cán bộ trong quá trình tiếp xúc, làm việc với người nước ngoài"]


def test_verb_with_its_own_object_after_qua_trinh_still_opens_a_task():
    ts = texts("1. Theo dõi quá trình thực hiện kế hoạch, tổ chức kiểm tra định kỳ các cơ quan, đơn vị.")
    assert len(ts) == 2 and ts[1].startswith("tổ chức kiểm tra")


# ------------------------------------------------------------------ F3: the title after a programme item's colon
def test_title_after_a_numbered_programme_item_stays_in_the_task():
    ts = texts("1. Liên đoàn Lao động tỉnh chủ trì tổ chức thực hiện Tiểu dự án 4: Nâng cao hiệu quả công tác tuyên "
               "truyền cho công nhân lao động các khu công nghiệp.")
    assert ts == ["tổ chức thực hiện Tiểu dự án 4: Nâng cao hiệu quả công tác tuyên truyền cho công nhân lao động các "
                  "khu công nghiệp"]


def test_an_explaining_colon_still_ends_the_task():
    ts = texts("1. Sở Tài chính chủ trì xây dựng dự án mới với các nội dung chính: quy mô, địa điểm, kinh phí.")
    assert ts == ["xây dựng dự án mới với các nội dung chính"]


def test_titled_item_heads_are_read_from_the_lexicon():
    assert {"dự án", "tiểu dự án"} <= set(load_lexicon_data()["titled_item_heads"])


def test_resolute_result_tail_stays_in_its_task():
    ts = texts("1. Tổ chức tấn công, trấn áp tội phạm ma túy ở các địa bàn trọng điểm, kiên quyết không để hình thành "
               "điểm tổ chức sử dụng trái phép chất ma túy.")
    assert len(ts) == 1 and ts[0].endswith("chất ma túy")


def test_a_resolute_prohibition_without_de_is_not_a_result_tail():
    ts = texts("1. Sở Y tế tăng cường kiểm tra các cơ sở kinh doanh thuốc, kiên quyết đình chỉ các cơ sở vi phạm.")
    assert len(ts) == 2


# ------------------------------------------------------------------ F4: a bare condition, an estimate
def test_bare_condition_with_a_bracketed_list_is_no_task():
    ts = texts("1. Quan trắc đột xuất\n\nThực hiện quan trắc đột xuất tại các vùng nuôi. Khi môi trường có diễn biến "
               "bất thường (mưa, nắng nóng kéo dài); khi khu vực nuôi xảy ra dịch bệnh.")
    assert ts == ["Thực hiện quan trắc đột xuất tại các vùng nuôi"]


def test_condition_with_a_main_clause_after_its_bracket_stays_a_task():
    ts = texts("1. Khi môi trường có diễn biến bất thường (mưa, nắng nóng kéo dài), Sở Nông nghiệp và Môi trường tổ "
               "chức quan trắc đột xuất.")
    assert ts and ts[-1].endswith("quan trắc đột xuất")


def test_estimate_of_a_figure_is_no_task():
    ts = texts("1. Thông tin kết quả quan trắc đến người dân qua tin nhắn. Dự kiến khoảng 1.000 thuê bao di động nhận "
               "tin nhắn kết quả quan trắc. Dự kiến kinh phí thực hiện khoảng 10% kinh phí quan trắc thường xuyên.")
    assert ts == ["Thông tin kết quả quan trắc đến người dân qua tin nhắn"]


def test_planned_work_after_du_kien_is_a_task():
    assert texts("1. Dự kiến tổ chức Hội nghị sơ kết việc thực hiện Kế hoạch vào tháng 6 năm 2026.") == [
        "Dự kiến tổ chức Hội nghị sơ kết việc thực hiện Kế hoạch"]


def test_long_member_list_with_a_name_part_left_out_is_no_task():
    ts = texts("5. Kiện toàn Ban Chỉ đạo công tác bảo vệ bí mật nhà nước tỉnh, bao gồm: Trưởng Ban là Chủ tịch UBND tỉnh. "
               "Sở Tư pháp, Sở Khoa học và Công nghệ, Phòng Hành chính, Lưu trữ thuộc Văn phòng Tỉnh ủy và Công an "
               "tỉnh.")
    assert len(ts) == 1 and ts[0].startswith("Kiện toàn Ban Chỉ đạo")


def test_two_names_and_an_unknown_predicate_are_not_a_composition():
    ts = texts("1. Sở Tư pháp và Công an tỉnh thẩm tra hồ sơ.")
    assert ts == ["thẩm tra hồ sơ"]


# ------------------------------------------------------------------ F4: the reason given before a request
def test_premise_before_do_vay_yeu_cau_is_no_task():
    ts = texts("1. Một số dự án hiện còn khối lượng công việc lớn; do vậy, yêu cầu các bộ, ngành khẩn trương đẩy nhanh "
               "tiến độ thi công các dự án.")
    assert len(ts) == 1 and ts[0].endswith("đẩy nhanh tiến độ thi công các dự án")


def test_clause_before_do_do_without_a_request_stays_a_task():
    ts = texts("1. Sở Tài chính rà soát nguồn vốn đầu tư công; do đó, cần tổng hợp nhu cầu vốn của các địa phương.")
    assert ts[0] == "rà soát nguồn vốn đầu tư công"


# ------------------------------------------------------------------ a process scope before a modal
def test_process_scope_running_into_a_modal_is_cut_from_the_task():
    text = ("KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n\n16. Các sở, ban, ngành thành phố\n\n"
            "Quá trình tổ chức thực hiện cần phối hợp chặt chẽ, thực hiện hiệu quả các dự án của Chương trình.\n")
    ts = [t.task for t in extract_text(text, "plan.md").tasks]
    assert ts == ["phối hợp chặt chẽ, thực hiện hiệu quả các dự án của Chương trình"]


def test_process_as_an_object_stays_in_the_task():
    ts = texts("1. Sở Nội vụ theo dõi quá trình tổ chức thực hiện kế hoạch, báo cáo Ủy ban nhân dân tỉnh kết quả.")
    assert ts[0] == "theo dõi quá trình tổ chức thực hiện kế hoạch"


# ------------------------------------------------------------------ a target state: what each one has
def test_what_each_one_has_is_a_target_not_a_task():
    ts = texts("c) Xây dựng các tiêu chuẩn về hồ sơ học tập. Mỗi học sinh đều có một hồ sơ học tập số trong suốt quá "
               "trình học tập.")
    assert ts == ["Xây dựng các tiêu chuẩn về hồ sơ học tập"]


def test_each_body_with_a_duty_or_a_plan_is_a_task():
    assert texts("1. Mỗi đơn vị có trách nhiệm cử cán bộ tham gia tập huấn.") == ["cử cán bộ tham gia tập huấn"]
    ts = texts("1. Mỗi xã xây dựng ít nhất một mô hình điểm về chuyển đổi số.")
    assert ts and ts[-1].endswith("mô hình điểm về chuyển đổi số")


# ------------------------------------------------------------------ F1: bare verbs running into a possessive
def test_bare_verbs_running_into_a_possessive_are_one_list_of_nouns():
    ts = texts("1. Phát huy vai trò lãnh đạo của các cấp ủy, tổ chức Đảng, chỉ đạo, quản lý, điều hành của Thủ trưởng "
               "các cấp, các ngành trong công tác phòng, chống ma túy.")
    assert len(ts) == 1


def test_bare_verb_before_a_verb_with_its_object_still_opens_a_task():
    ts = texts("1. Sở Y tế rà soát các cơ sở khám bệnh, chỉ đạo, kiểm tra việc thực hiện quy chế chuyên môn của các "
               "bệnh viện.")
    assert ts == ["rà soát các cơ sở khám bệnh", "chỉ đạo, kiểm tra việc thực hiện quy chế chuyên môn của các bệnh viện"]


# ------------------------------------------------------------------ F2: the focal point of a list of activities
def test_focal_point_governs_its_list_of_activities():
    ts = texts("1. Sở Tài chính\n\na) Là đầu mối chủ trì, tiếp nhận hồ sơ, tổ chức lấy ý kiến thẩm định và lập báo cáo "
               "thẩm định đối với các dự án đầu tư.")
    assert len(ts) == 1 and ts[0].startswith("Là đầu mối chủ trì, tiếp nhận hồ sơ, tổ chức lấy ý kiến")


def test_report_to_a_body_after_a_focal_point_is_still_a_step_of_its_own():
    ts = texts("1. Sở Nội vụ\n\na) Làm đầu mối tổng hợp tình hình thực hiện Chương trình, báo cáo Ủy ban nhân dân tỉnh "
               "kết quả.")
    assert ts == ["Làm đầu mối tổng hợp tình hình thực hiện Chương trình", "báo cáo Ủy ban nhân dân tỉnh kết quả"]


def test_programme_item_opening_its_line_is_a_label():
    # "Dự án 1: …" opening the item labels it: its colon explains, no title is carried into a task
    assert texts("1. Dự án 1: Phòng ngừa, đấu tranh tội phạm về ma túy có tổ chức.") == []


# ------------------------------------------------------------------ F1: an activity head named by up to four syllables
def test_bare_activity_after_a_longer_activity_continues_the_list():
    ts = texts("1. Nâng cao ý thức của cán bộ trong quá trình đi công tác, học tập, làm việc ở nước ngoài.")
    assert len(ts) == 1


def test_bare_verb_after_a_determined_object_of_three_syllables_or_more_opens_a_task():
    ts = texts("1. Hoàn thiện hệ thống cây xanh đa tầng dọc các tuyến đường giao thông, nghiên cứu, chuyển giao giống cây "
               "có khả năng hấp thu bụi, khí thải.")
    assert len(ts) == 2 and ts[1].startswith("nghiên cứu, chuyển giao giống cây")


# ------------------------------------------------------------------ F1: a bare verb inside a running list of events
def test_bare_verb_in_a_running_determined_list_is_an_item():
    ts = texts("1. Tổ chức các diễn đàn, đối thoại, tọa đàm, hội thảo, tập huấn, các cuộc thi về bình đẳng giới.")
    assert len(ts) == 1


def test_verb_with_its_object_after_a_running_list_still_cuts():
    ts = texts("1. Tổ chức các diễn đàn, đối thoại, tọa đàm, hội thảo, xây dựng tài liệu hướng dẫn cho cán bộ cơ sở.")
    assert len(ts) == 2 and ts[1].startswith("xây dựng tài liệu")


# ------------------------------------------------------------------ an account with an adverb is no modal
def test_account_with_an_adverb_keeps_chiu_trach_nhiem():
    ts = texts("1. Chủ tịch Ủy ban nhân dân xã chịu trách nhiệm trực tiếp trước Chủ tịch Ủy ban nhân dân tỉnh về tình "
               "hình tội phạm tại địa phương.")
    assert ts == ["chịu trách nhiệm trực tiếp trước Chủ tịch Ủy ban nhân dân tỉnh về tình hình tội phạm tại địa phương"]


def test_chiu_trach_nhiem_before_a_verb_is_still_a_modal():
    assert texts("1. Sở Nội vụ chịu trách nhiệm trực tiếp tổ chức triển khai Kế hoạch này.") == [
        "trực tiếp tổ chức triển khai Kế hoạch này"]
    assert texts("1. Sở Nội vụ chịu trách nhiệm triển khai Kế hoạch này.") == ["triển khai Kế hoạch này"]
