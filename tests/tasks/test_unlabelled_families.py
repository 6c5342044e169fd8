"""Families of misses found by reading random tasks of the unlabelled documents (docs/unlabelled-check.md).

Each mechanism has positive and negative examples, in small plans written for the test.
"""

from __future__ import annotations

from directive_nlp.pipeline import extract_text


def tasks_of(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP"):
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\n{heading}\n\n{body}\n"
    return extract_text(text, "plan.md").tasks


def texts(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP") -> list[str]:
    return [t.task for t in tasks_of(body, heading)]


# ------------------------------------------------------------------ verbs of monitoring and appraisal
def test_verbal_noun_list_after_viec_stays_one_task():
    # "việc quan trắc, giám sát khí thải": verbs of one object inside a noun phrase
    assert texts("1. Các doanh nghiệp thực hiện việc quan trắc, giám sát khí thải của nhà máy.") == [
        "thực hiện việc quan trắc, giám sát khí thải của nhà máy"]


def test_light_verb_with_verbal_nouns_stays_one_task():
    ts = texts("1. Sở Nội vụ tiến hành họp xét, đánh giá, đề nghị khen thưởng cho các tập thể, cá nhân tiêu biểu.")
    assert ts == ["tiến hành họp xét, đánh giá, đề nghị khen thưởng cho các tập thể, cá nhân tiêu biểu"]


def test_monitoring_verbs_with_their_own_objects_split():
    ts = texts("1. Sở Nông nghiệp và Môi trường quan trắc chất lượng nước vùng nuôi, cảnh báo sớm dịch bệnh cho người nuôi.")
    assert ts == ["quan trắc chất lượng nước vùng nuôi", "cảnh báo sớm dịch bệnh cho người nuôi"]


# ------------------------------------------------------------------ an inner heading of the present state
_STATE_PLAN = """1. Hiện trạng

Tỉnh hiện có nhiều khu công nghiệp với tốc độ lấp đầy nhanh, thu hút nhiều doanh nghiệp công nghệ cao.

2. Nhiệm vụ cụ thể

Xây dựng hạ tầng mạng 5G tại các khu công nghiệp."""


def test_state_subheading_under_a_content_part_holds_no_task():
    ts = texts(_STATE_PLAN, heading="II. NỘI DUNG THỰC HIỆN")
    assert ts == ["Xây dựng hạ tầng mạng 5G tại các khu công nghiệp"]


def test_state_subheading_keeps_an_explicit_request_to_a_named_body():
    body = _STATE_PLAN.replace("doanh nghiệp công nghệ cao.", "doanh nghiệp công nghệ cao. Đề nghị Sở Công Thương "
                               "rà soát nhu cầu hạ tầng số của các doanh nghiệp.")
    ts = texts(body, heading="II. NỘI DUNG THỰC HIỆN")
    assert "rà soát nhu cầu hạ tầng số của các doanh nghiệp" in ts


def test_heading_that_also_names_solutions_or_updates_the_state_still_holds_tasks():
    for sub in ("1. Thực trạng và giải pháp", "1. Cập nhật hiện trạng sử dụng đất"):
        body = f"{sub}\n\nRà soát quỹ đất dành cho các khu công nghiệp trên địa bàn."
        assert texts(body, heading="II. NỘI DUNG THỰC HIỆN") == [
            "Rà soát quỹ đất dành cho các khu công nghiệp trên địa bàn"], sub


# ------------------------------------------------------------------ breaks lost in a web page's layout cell
def _cell_paragraphs(body: str) -> list[str]:
    from directive_nlp.ingest.text import parse_text

    filler = "Các cơ quan, đơn vị bảo đảm tiến độ, chất lượng và hiệu quả của công tác chuyển đổi số. " * 12
    page = f"| Số: 12/KH-UBND | **KẾ HOẠCH** **I. MỤC TIÊU** {filler}**II. NHIỆM VỤ** {body} | **KT. CHỦ TỊCH** |\n"
    return [b.text for b in parse_text(page, markdown=True)]


def test_letter_item_and_plus_bullet_after_an_unstopped_heading_open_paragraphs():
    paras = _cell_paragraphs("1. Phát triển các nền tảng số dùng chung a) Nhóm nền tảng cấp tỉnh "
                             "+ Triển khai Cổng dịch vụ công của tỉnh. + Xây dựng kho dữ liệu dùng chung.")
    assert "a) Nhóm nền tảng cấp tỉnh" in paras
    assert "+ Triển khai Cổng dịch vụ công của tỉnh." in paras


def test_dash_between_capitalised_halves_of_a_name_opens_no_paragraph():
    paras = _cell_paragraphs("1. Đài Phát thanh - Truyền hình tỉnh tuyên truyền về chuyển đổi số "
                             "trên tuyến Biên Hòa - Vũng Tàu.")
    assert any("Đài Phát thanh - Truyền hình tỉnh tuyên truyền" in p and "Biên Hòa - Vũng Tàu" in p for p in paras)
    assert not any(p.startswith(("- Truyền hình", "- Vũng Tàu")) for p in paras)


def test_plus_between_capitalised_terms_opens_no_paragraph():
    paras = _cell_paragraphs("1. Triển khai hạ tầng 5G + IoT tại các khu công nghiệp của tỉnh.")
    assert any("hạ tầng 5G + IoT tại các khu công nghiệp" in p for p in paras)


# ------------------------------------------------------------------ a head with the places it names after a colon
def _agencies(body: str) -> list[tuple[str, list[str]]]:
    return [(t.task, [a.name for a in t.agencies]) for t in tasks_of(body)]


def test_place_list_after_a_level_head_belongs_to_the_body_not_the_task():
    assert _agencies("1. Ủy ban nhân dân các tỉnh: Lạng Sơn, Cao Bằng và Hà Giang tăng cường kiểm tra biên giới.") == [
        ("tăng cường kiểm tra biên giới", ["Ủy ban nhân dân các tỉnh: Lạng Sơn, Cao Bằng và Hà Giang"])]


def test_colon_list_of_departments_is_still_split():
    assert _agencies("1. Các sở: Nông nghiệp và Môi trường, Xây dựng, Nội vụ rà soát các thủ tục.") == [
        ("rà soát các thủ tục", ["Các sở: Nông nghiệp và Môi trường", "Xây dựng", "Nội vụ"])]


def test_lower_case_text_after_a_level_head_colon_is_no_place_list():
    from directive_nlp.tasks.mentions import find_agencies

    names = [m.name for m in find_agencies("Sở Xây dựng hướng dẫn Ủy ban nhân dân các xã: tổ chức kiểm tra.")]
    assert "Ủy ban nhân dân các xã" in names and not any(":" in n for n in names)


# ------------------------------------------------------------------ statements of procedure and of basis
def test_passive_statement_of_procedure_is_no_task():
    assert texts("1. Lựa chọn nhà thầu\n\nViệc lựa chọn nhà thầu được thực hiện theo quy định của Luật Đấu thầu.",
                 heading="II. NỘI DUNG") == []


def test_clause_giving_only_a_basis_is_no_task():
    ts = texts("1. Thiết chế văn hóa\n\nRà soát quy mô các thiết chế văn hóa cấp xã; đồng thời dựa trên nhu cầu "
               "thực tế sử dụng của người dân.", heading="II. NỘI DUNG")
    assert ts == ["Rà soát quy mô các thiết chế văn hóa cấp xã"]


def test_requirement_with_a_nominal_subject_and_an_action_stays_a_task():
    # as the gold settles it: "việc số hóa … phải bảo đảm tuân thủ …" is a task; "dựa trên" inside a task stays
    assert texts("1. Sở Nội vụ hướng dẫn số hóa tài liệu; việc số hóa tài liệu mật phải bảo đảm tuân thủ quy định "
                 "về bảo vệ bí mật nhà nước.") == [
        "hướng dẫn số hóa tài liệu",
        "việc số hóa tài liệu mật phải bảo đảm tuân thủ quy định về bảo vệ bí mật nhà nước"]
    assert texts("1. Rà soát quy mô các thiết chế văn hóa dựa trên nhu cầu thực tế của người dân.") == [
        "Rà soát quy mô các thiết chế văn hóa dựa trên nhu cầu thực tế của người dân"]


def test_verb_after_a_level_head_colon_is_the_bodys_work_not_a_place():
    ts = _agencies("1. Ủy ban nhân dân các xã, phường: Tổng hợp, phân tích giá thị trường trên địa bàn.")
    assert ts == [("Tổng hợp, phân tích giá thị trường trên địa bàn", ["Ủy ban nhân dân các xã, phường"])]
    from directive_nlp.tasks.mentions import find_agencies

    names = [m.name for m in find_agencies("Ủy ban nhân dân tỉnh: Căn cứ tình hình thực tế, chỉ đạo rà soát.")]
    assert names == ["Ủy ban nhân dân tỉnh"]


# ------------------------------------------------------------------ purpose words as data
def test_list_after_phuc_vu_is_the_purposes_object():
    assert texts("1. Đầu tư nâng cấp hạ tầng công nghệ thông tin phục vụ lưu trữ, xử lý, truyền tải và chia sẻ "
                 "dữ liệu của tỉnh.") == [
        "Đầu tư nâng cấp hạ tầng công nghệ thông tin phục vụ lưu trữ, xử lý, truyền tải và chia sẻ dữ liệu của tỉnh"]


def test_predicates_with_their_own_objects_still_split_without_a_purpose():
    assert texts("1. Xây dựng kho dữ liệu dùng chung của tỉnh, kiểm tra an toàn thông tin của các hệ thống.") == [
        "Xây dựng kho dữ liệu dùng chung của tỉnh", "kiểm tra an toàn thông tin của các hệ thống"]


def test_purpose_words_are_read_from_the_lexicon():
    from directive_nlp.tasks.lexicon import load_lexicon_data

    assert {"để", "nhằm", "phục vụ"} <= set(load_lexicon_data()["purpose_words"])


# ------------------------------------------------------------------ the role an actor acts in
def _roles(body: str):
    return [(t.task, [(a.name, a.role) for a in t.agencies]) for t in tasks_of(body)]


def test_role_apposition_between_subject_and_predicate_is_dropped():
    assert _roles("1. Sở Tư pháp với tư cách là cơ quan đầu mối, tổng hợp kết quả thực hiện của các sở.") == [
        ("tổng hợp kết quả thực hiện của các sở", [("Sở Tư pháp", "lead")])]


def test_role_named_as_an_object_stays_in_the_task():
    ts = _roles("1. Sở Tư pháp phát huy vai trò là cơ quan đầu mối, tổng hợp kết quả thực hiện của các sở.")
    assert ts[0] == ("phát huy vai trò là cơ quan đầu mối", [("Sở Tư pháp", "lead")])


# ------------------------------------------------------------------ field names shaped like verbs
def test_field_names_in_a_list_of_objects_open_no_task():
    assert texts("1. Đẩy mạnh phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trong các cơ quan "
                 "nhà nước.") == [
        "Đẩy mạnh phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trong các cơ quan nhà nước"]
    assert texts("1. Phổ biến thông tin về các nền tảng số, chính sách dữ liệu, chuyển đổi số đến người dân.") == [
        "Phổ biến thông tin về các nền tảng số, chính sách dữ liệu, chuyển đổi số đến người dân"]


def test_field_name_with_its_own_object_is_a_predicate():
    assert texts("1. Tuyên truyền về dữ liệu số, chuyển đổi số quy trình tiếp nhận hồ sơ.") == [
        "Tuyên truyền về dữ liệu số", "chuyển đổi số quy trình tiếp nhận hồ sơ"]


def test_nominal_compound_matcher():
    from directive_nlp.tasks.compounds import nominal_compound_only

    assert nominal_compound_only(" đổi mới sáng tạo.")
    assert nominal_compound_only("chuyển đổi số quốc gia")
    assert not nominal_compound_only("chuyển đổi số hồ sơ lưu trữ")
    assert not nominal_compound_only("đổi mới phương pháp dạy học")


# ------------------------------------------------------------------ a partner whose name opens with a verb's word
def test_partner_named_thanh_tra_continues_the_partner_list():
    ts = _roles("1. Sở Nội vụ phối hợp với Sở Tư pháp, Thanh tra tỉnh trong công tác kiểm tra, thanh tra về "
                "tín ngưỡng.")
    # the shared activity after "trong công tác" is the task (partner_activity_openers, bodies13)
    assert len(ts) == 1 and ts[0][0] == "kiểm tra, thanh tra về tín ngưỡng"
    assert ("Sở Tư pháp", "support") in ts[0][1]
    assert ("Thanh tra tỉnh", "support") in ts[0][1]


def test_verb_thanh_tra_after_a_comma_still_opens_a_task():
    assert texts("1. Sở Xây dựng rà soát các công trình xuống cấp, thanh tra việc quản lý chất lượng công trình.") == [
        "rà soát các công trình xuống cấp", "thanh tra việc quản lý chất lượng công trình"]


# ------------------------------------------------------------------ a sub-heading glued to its first "-" bullet
def test_glued_subheading_is_cut_from_its_first_bullet():
    body = ("1. Phát triển các nền tảng số\n\nb) Nhóm nền tảng cấp tỉnh - Xây dựng, hoàn thiện Hệ thống thông tin "
            "giải quyết thủ tục hành chính cấp tỉnh.\n\n- Phát triển Nền tảng tổng hợp dữ liệu cấp tỉnh.")
    ts = texts(body)
    assert "Xây dựng, hoàn thiện Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh" in ts
    assert not any(t.startswith("Nhóm nền tảng") for t in ts)


def test_dash_inside_a_name_or_after_a_verb_is_not_a_glued_heading():
    from directive_nlp.tasks.glued import glued_heading_end
    from directive_nlp.tasks.mentions import find_agencies

    for text in ("Đài Phát thanh - Truyền hình tỉnh tuyên truyền về chuyển đổi số.",
                 "Sở Y tế - Chủ trì tổ chức kiểm tra các cơ sở khám bệnh.",
                 "Bảo đảm kinh phí - Kinh phí được bố trí từ ngân sách tỉnh."):
        assert glued_heading_end(text, 0, find_agencies(text)) == 0, text


# ------------------------------------------------------------------ a verb-led title glued to the first of its bullets
def test_verb_led_title_is_cut_when_bullets_follow():
    body = ("3. Kiểm soát, giảm thiểu nguồn phát sinh khí thải từ hoạt động công nghiệp - Thực hiện kiểm kê khí "
            "thải công nghiệp toàn diện cấp trung ương và địa phương.\n\n- Giám sát công tác vận hành hệ thống "
            "quan trắc tự động tại các nguồn thải lớn.")
    ts = texts(body)
    assert "Thực hiện kiểm kê khí thải công nghiệp toàn diện cấp trung ương và địa phương" in ts
    assert not any(t.startswith("Kiểm soát, giảm thiểu") for t in ts)


def test_verb_led_title_is_cut_when_the_bullets_run_on_in_one_line():
    from directive_nlp.tasks.glued import glued_heading_end

    text = ("Hoàn thiện thể chế - Nghiên cứu, xây dựng Luật Chuyển đổi số. - Rà soát, sửa đổi các Nghị định "
            "hướng dẫn.")
    assert text[glued_heading_end(text, 0, []):].startswith("Nghiên cứu, xây dựng Luật")


def test_verb_led_text_with_a_dash_and_no_bullets_after_stays_whole():
    from directive_nlp.tasks.glued import glued_heading_end

    for text in ("Hoàn thiện thể chế - Nghiên cứu, xây dựng Luật Chuyển đổi số.",
                 "Xây dựng tuyến đường Biên Hòa - Vũng Tàu. - Khởi công trong năm 2026."):
        assert glued_heading_end(text, 0, []) == 0, text
    body = ("3. Tăng cường kiểm tra hoạt động vận tải tuyến Hà Nội - Hải Phòng theo quy định.\n\n"
            "4. Tổ chức tập huấn cho cán bộ quản lý.")
    assert texts(body)[0].startswith("Tăng cường kiểm tra hoạt động vận tải tuyến Hà Nội - Hải Phòng")


# ------------------------------------------------------------------ an inner heading of parameters
_SPEC_PLAN = """1. Quan trắc môi trường vùng nuôi

a) Địa điểm, số điểm quan trắc

- Số điểm quan trắc: 06 điểm tại các vùng nuôi tập trung của tỉnh.

b) Thông số, tần suất quan trắc

- Nhiệt độ, oxy hòa tan, độ mặn, pH; tần suất quan trắc: 2 đợt/tháng.

c) Báo cáo kết quả

- Tổng hợp kết quả quan trắc, gửi Sở Nông nghiệp và Môi trường hằng quý."""


def test_parameter_subheadings_hold_no_tasks():
    ts = texts(_SPEC_PLAN, heading="II. NỘI DUNG KẾ HOẠCH")
    assert not any("Nhiệt độ" in t or "Số điểm" in t for t in ts)
    assert any(t.startswith("Tổng hợp kết quả quan trắc") for t in ts)


def test_a_task_heading_that_mentions_parameters_later_still_holds_tasks():
    body = "1. Rà soát thông số quan trắc\n\n- Cập nhật danh mục thông số quan trắc theo quy chuẩn mới."
    assert texts(body, heading="II. NỘI DUNG KẾ HOẠCH") == ["Cập nhật danh mục thông số quan trắc theo quy chuẩn mới"]


# ------------------------------------------------------------------ a clause that is only a condition
def test_clause_that_is_only_a_condition_is_no_task():
    ts = texts("1. Quan trắc đột xuất\n\nThực hiện quan trắc đột xuất tại các vùng nuôi; khi khu vực nuôi xảy ra "
               "dịch bệnh; khi vùng nuôi có dấu hiệu ô nhiễm.")
    assert ts == ["Thực hiện quan trắc đột xuất tại các vùng nuôi"]


def test_condition_with_its_main_clause_stays_a_task():
    ts = texts("1. Sở Y tế báo cáo Ủy ban nhân dân tỉnh khi có dịch bệnh xảy ra; khi có yêu cầu thì cung cấp số liệu "
               "cho Sở Tài chính.")
    assert ts == ["báo cáo Ủy ban nhân dân tỉnh khi có dịch bệnh xảy ra",
                  "khi có yêu cầu thì cung cấp số liệu cho Sở Tài chính"]
    assert texts("1. Trường hợp phát sinh vướng mắc, các sở báo cáo Ủy ban nhân dân tỉnh.") == [
        "báo cáo Ủy ban nhân dân tỉnh"]


# ------------------------------------------------------------------ production and business establishments as actors
def test_production_establishments_are_the_actor_of_their_item():
    ts = _roles("1. Các cơ sở sản xuất tuân thủ các quy định về bảo vệ môi trường; thực hiện việc quan trắc, "
                "giám sát khí thải.")
    assert ts == [("tuân thủ các quy định về bảo vệ môi trường", [("Các cơ sở sản xuất", "lead")]),
                  ("thực hiện việc quan trắc, giám sát khí thải", [("Các cơ sở sản xuất", "lead")])]


def test_establishments_as_the_object_of_an_inspection_are_no_actor():
    assert _roles("1. Sở Y tế kiểm tra các cơ sở sản xuất thực phẩm trên địa bàn.") == [
        ("kiểm tra các cơ sở sản xuất thực phẩm trên địa bàn", [("Sở Y tế", "lead")])]


# ------------------------------------------------------------------ "chỉ đạo" directing an act, not an addressee
def test_chi_dao_followed_by_an_act_lets_later_predicates_open_tasks():
    ts = texts("1. Các huyện ủy lãnh đạo, chỉ đạo xây dựng kế hoạch thực hiện Nghị quyết, phát huy vai trò giám sát "
               "của Mặt trận Tổ quốc, tăng cường kiểm tra việc thực hiện Nghị quyết.")
    assert ts[0] == "lãnh đạo, chỉ đạo xây dựng kế hoạch thực hiện Nghị quyết"
    assert "tăng cường kiểm tra việc thực hiện Nghị quyết" in ts


def test_chi_dao_an_addressee_still_governs_its_commas():
    assert texts("1. Sở Y tế chỉ đạo các bệnh viện rà soát trang thiết bị, bổ sung thuốc thiết yếu.") == [
        "chỉ đạo các bệnh viện rà soát trang thiết bị, bổ sung thuốc thiết yếu"]


# ------------------------------------------------------------------ the subject after a fronted condition
def test_subject_after_a_fronted_condition_keeps_its_sector_qualifier():
    ts = _roles("1. Trường hợp phát sinh mặt hàng mới, các cơ quan chuyên môn quản lý ngành, lĩnh vực tiếp nhận "
                "kê khai giá gửi Sở Tài chính tổng hợp.")
    assert ts[0][1] == [("các cơ quan chuyên môn quản lý ngành, lĩnh vực", "lead")]
    assert ts[0][0].startswith("tiếp nhận kê khai giá")


def test_sector_qualifier_does_not_swallow_a_following_body():
    from directive_nlp.tasks.mentions import find_agencies

    names = [m.name for m in find_agencies("Sở Tài chính phối hợp với cơ quan quản lý ngành, lĩnh vực kiểm tra giá.")]
    assert names == ["Sở Tài chính", "cơ quan quản lý ngành, lĩnh vực"]


def test_production_enterprises_keep_their_qualifier():
    ts = _roles("1. Các doanh nghiệp sản xuất, kinh doanh chủ động kê khai giá theo quy định.")
    assert ts == [("chủ động kê khai giá theo quy định", [("Các doanh nghiệp sản xuất, kinh doanh", "lead")])]
    from directive_nlp.tasks.mentions import find_agencies

    assert [m.name for m in find_agencies("Các doanh nghiệp viễn thông bảo đảm thông tin liên lạc.")] == [
        "Các doanh nghiệp viễn thông"]


# ------------------------------------------------------------------ field names holding "và"
def test_field_name_with_va_ends_its_task_and_is_not_cut():
    ts = texts("1. Các tỉnh ủy bảo đảm đầy đủ nguồn lực đầu tư cho giáo dục và đào tạo, tăng cường kiểm tra việc "
               "thực hiện Nghị quyết tại địa phương.")
    assert ts == ["bảo đảm đầy đủ nguồn lực đầu tư cho giáo dục và đào tạo",
                  "tăng cường kiểm tra việc thực hiện Nghị quyết tại địa phương"]


def test_verb_dao_tao_waiting_for_its_object_still_shares_it():
    assert texts("1. Sở Nội vụ bồi dưỡng, đào tạo, cán bộ làm công tác văn thư của các cơ quan.") == [
        "bồi dưỡng, đào tạo, cán bộ làm công tác văn thư của các cơ quan"]


# ------------------------------------------------------------------ a purpose opened by "giúp" (issue 12, leftovers8)
def test_list_after_giup_inside_a_task_stays_one_task():
    ts = texts("1. Sở Xây dựng xây dựng bản đồ số quy hoạch tích hợp nền bản đồ số vệ tinh giúp trực quan hóa "
               "dữ liệu quy hoạch, hỗ trợ phân tích và ra quyết định.")
    assert ts == ["xây dựng bản đồ số quy hoạch tích hợp nền bản đồ số vệ tinh giúp trực quan hóa dữ liệu quy hoạch, "
                  "hỗ trợ phân tích và ra quyết định"]


def test_giup_do_is_a_verb_and_the_comma_after_it_still_splits():
    ts = texts("1. Bộ Quốc phòng phát huy tinh thần đoàn kết giúp đỡ lẫn nhau, chỉ đạo các quân khu hỗ trợ "
               "xe máy, thiết bị cho các dự án.")
    assert len(ts) == 2 and ts[1].startswith("chỉ đạo các quân khu")


def test_purpose_word_exceptions_are_in_the_lexicon():
    from directive_nlp.tasks.lexicon import load_lexicon_data
    data = load_lexicon_data()
    assert "giúp" in data["purpose_words"] and "giúp đỡ" in data["purpose_word_exceptions"]


# ------------------------------------------------------------------ a list closed by "..." inside a sentence (leftovers8)
def test_ellipsis_before_a_lower_case_purpose_does_not_end_the_sentence():
    # "đ" lies in the range À-Ỹ: the old sentence cut took "... để" for a sentence end and lost the purpose
    ts = texts("1. Ứng dụng công nghệ AI kết hợp dữ liệu từ quan trắc môi trường, nguồn thải... để phân tích, "
               "xác định rõ các nguyên nhân, dự báo ô nhiễm.")
    assert ts == ["Ứng dụng công nghệ AI kết hợp dữ liệu từ quan trắc môi trường, nguồn thải... để phân tích, "
                  "xác định rõ các nguyên nhân, dự báo ô nhiễm"]


def test_ellipsis_before_a_capital_still_ends_the_sentence():
    from directive_nlp.tasks.text import sentences
    text = "Đầu tư cơ sở vật chất phục vụ thi đấu, huấn luyện… đạt tiêu chuẩn quốc tế. Đẩy mạnh xã hội hóa… Đào tạo vận động viên."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Đầu tư cơ sở vật chất phục vụ thi đấu, huấn luyện… đạt tiêu chuẩn quốc tế.", "Đẩy mạnh xã hội hóa…",
        "Đào tạo vận động viên."]


# ------------------------------------------------------------------ the assigned subject runs on to a modal
def _bodies(body: str) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(t.task, [(a.name, a.role) for a in t.agencies]) for t in tasks_of(body)]


def test_assigned_list_takes_an_unknown_body_before_the_modal():
    # "Yêu cầu X, Y phải VERB": Y (not a recognised name) is a further assigned body, not the task's first words
    assert _bodies("1. Yêu cầu các bộ, ngành, địa phương, các thành viên của Ban Chỉ đạo phải tiếp tục nâng cao "
                   "trách nhiệm để hoàn thành nhiệm vụ.") == [
        ("tiếp tục nâng cao trách nhiệm để hoàn thành nhiệm vụ",
         [("các bộ, ngành, địa phương", "lead"), ("các thành viên của Ban Chỉ đạo", "lead")])]


def test_assigned_name_runs_on_to_the_modal():
    # "yêu cầu các bộ, ngành, cơ quan chủ quản, nhất là ACV cần VERB": the group keeps its qualifier ("chủ quản",
    # agencies.yaml qualifiers_open_object) and the body singled out by "nhất là" (list_focus_words) is a further
    # body of the list, named without the focus word
    assert _bodies("1. Yêu cầu các bộ, ngành, cơ quan chủ quản, nhất là ACV cần khẩn trương có giải pháp đẩy "
                   "nhanh tiến độ thi công.") == [
        ("khẩn trương có giải pháp đẩy nhanh tiến độ thi công",
         [("các bộ, ngành, cơ quan chủ quản", "lead"), ("ACV", "lead")])]
    # negative: without a focus word the unknown words after the comma are the body as written
    assert _bodies("1. Yêu cầu các bộ, ngành, các nhà đầu tư hạ tầng cần khẩn trương hoàn thành thủ tục.")[0][1] == [
        ("các bộ, ngành", "lead"), ("các nhà đầu tư hạ tầng", "lead")]


def test_assigned_body_then_predicate_is_left_alone():
    # a predicate right after the named body: the later modal belongs to the directed body, not to the subject
    assert _bodies("1. Đề nghị Ủy ban nhân dân các xã, phường chỉ đạo các trường học phải bảo đảm an toàn cho "
                   "học sinh.") == [
        ("chỉ đạo các trường học phải bảo đảm an toàn cho học sinh", [("Ủy ban nhân dân các xã, phường", "lead")])]
    assert _bodies("1. Yêu cầu Sở Y tế khẩn trương rà soát danh mục thuốc.") == [
        ("khẩn trương rà soát danh mục thuốc", [("Sở Y tế", "lead")])]


def test_assigned_subject_with_a_verb_before_the_modal_is_left_alone():
    # "Yêu cầu các sở, ngành, đơn vị triển khai …, phải …": a verb in the gap, so the gap is no name
    ts = _bodies("1. Yêu cầu các sở, ban, ngành, đơn vị tổ chức thực hiện nghiêm, cần bảo đảm tiến độ.")
    assert ts[0][1] == [("các sở, ban, ngành, đơn vị", "lead")]
    assert ts[0][0].startswith("tổ chức thực hiện nghiêm")


# ------------------------------------------------------------------ a relative phrase of a class noun before the modal
def test_relative_phrase_of_a_class_noun_runs_on_to_the_modal():
    # "cơ quan tổ chức lập đề án phải VERB": the bare class noun is qualified by a relative phrase up to the modal
    assert _bodies("1. Trong quá trình triển khai, cơ quan tổ chức lập đề án phải bảo đảm sự thống nhất với "
                   "quy hoạch chung.") == [
        ("bảo đảm sự thống nhất với quy hoạch chung", [("cơ quan tổ chức lập đề án", "lead")])]
    assert _bodies("2. Các cơ quan, đơn vị theo thẩm quyền quản lý ngành, lĩnh vực có trách nhiệm cung cấp "
                   "thông tin đầy đủ.") == [
        ("cung cấp thông tin đầy đủ", [("Các cơ quan, đơn vị theo thẩm quyền quản lý ngành, lĩnh vực", "lead")])]


def test_named_body_or_new_noun_phrase_before_the_modal_is_left_alone():
    # a proper name acts itself; a determiner in the gap opens the modal's own subject; a comma opens a second predicate
    assert _bodies("1. Sở Xây dựng chỉ đạo lập quy hoạch phải bảo đảm tiến độ.")[0] == (
        "chỉ đạo lập quy hoạch phải bảo đảm tiến độ", [("Sở Xây dựng", "lead")])
    ts = _bodies("1. Các đơn vị chỉ đạo các trường học phải bảo đảm an toàn cho học sinh.")
    assert ts[0][1] == [("Các đơn vị", "lead")] and ts[0][0].startswith("chỉ đạo các trường học")
    ts = _bodies("1. Các đơn vị tổ chức thực hiện, cần bảo đảm tiến độ.")
    assert ts[0][1] == [("Các đơn vị", "lead")] and ts[0][0].startswith("tổ chức thực hiện")


# ------------------------------------------------------------------ a focus tail after a comma (branch tasks10)
def test_focus_on_a_noun_phrase_stays_in_its_task():
    # ", tập trung vào / ưu tiên / chú trọng tới + a noun phrase" narrows the object: one task
    assert texts("1. Sở Khoa học và Công nghệ phát triển hạ tầng số, tập trung vào một số hạ tầng cần nguồn "
                 "đầu tư lớn.") == ["phát triển hạ tầng số, tập trung vào một số hạ tầng cần nguồn đầu tư lớn"]
    assert texts("1. Sở Công Thương tổ chức cấp phát hàng đến vùng bị chia cắt, ưu tiên xã ngập sâu, đi lại "
                 "khó khăn.") == ["tổ chức cấp phát hàng đến vùng bị chia cắt, ưu tiên xã ngập sâu, đi lại khó khăn"]
    assert len(tasks_of("1. Sở Y tế phổ biến các hướng dẫn bảo vệ sức khỏe, chú trọng tới những đối tượng dễ bị "
                        "tổn thương.")) == 1
    # a preposition after the focus word: still a focus, even before a verb
    assert len(tasks_of("1. Sở Giáo dục và Đào tạo đổi mới phương pháp giảng dạy, tập trung vào nâng cao kỹ năng "
                        "số cho học sinh.")) == 1


def test_focus_word_before_a_verb_or_after_a_semicolon_opens_a_task():
    # a verb after the focus word (a weak one too): a predicate with its own object
    assert len(tasks_of("1. Sở Lao động lựa chọn đầu tư nâng cấp các cơ sở hoạt động hiệu quả, ưu tiên đầu tư "
                        "hiện đại cho một số trường cao đẳng.")) == 2
    assert len(tasks_of("1. Công an tỉnh kiểm soát chặt chẽ người sử dụng trái phép chất ma túy, tập trung ngăn "
                        "chặn sự gia tăng người nghiện mới.")) == 2
    # after ";" a clause of its own, as before
    assert len(tasks_of("1. Sở Tài chính đề xuất các giải pháp cải thiện môi trường đầu tư; ưu tiên các dự án "
                        "công nghệ cao.")) == 2


def test_focus_tail_vocabulary_is_data():
    from directive_nlp.tasks.lexicon import load_lexicon_data
    from directive_nlp.tasks.splitting import focus_tail
    data = load_lexicon_data()
    assert "tập trung" in data["focus_tails"] and "vào" in data["focus_prepositions"]
    assert focus_tail("tập trung vào các khu vực trọng điểm") and focus_tail("ưu tiên xã ngập sâu")
    assert not focus_tail("ưu tiên triển khai hoàn thiện 11 cơ sở dữ liệu") and not focus_tail("tăng cường kiểm tra")


# ------------------------------------------------------------------ an ongoing word among qualities (branch tasks10)
def test_ongoing_word_among_qualities_neither_dates_nor_cuts_the_task():
    ts = tasks_of("1. Sở Nội vụ xây dựng chương trình đào tạo, hỗ trợ kỹ thuật chuyên biệt và thường xuyên cho "
                  "đội ngũ cán bộ cấp xã.")
    assert len(ts) == 1 and ts[0].deadline is None and ts[0].task.endswith("cho đội ngũ cán bộ cấp xã")
    ts = tasks_of("1. Sở Nông nghiệp và Môi trường kết nối các trạm quan trắc tự động, liên tục theo Quy hoạch "
                  "tổng thể quan trắc môi trường.")
    assert len(ts) == 1 and ts[0].deadline is None and ts[0].task.startswith("kết nối các trạm")


def test_ongoing_adverb_before_a_verb_still_opens_a_task():
    ts = tasks_of("1. Sở Y tế theo dõi diễn biến dịch bệnh và thường xuyên báo cáo Ủy ban nhân dân tỉnh tình hình "
                  "dịch bệnh.")
    assert len(ts) == 2 and ts[1].deadline is not None and ts[1].deadline.kind == "ongoing"


# ------------------------------------------------------------------ a running list of bare activities (branch tasks10)
def test_verb_with_object_closes_a_running_list_of_bare_activities():
    # three bare activities after "về": the verb-led segment is the list's last item, sharing what follows
    ts = texts("1. Ủy ban nhân dân xã tăng cường kiểm tra việc chấp hành quy định về các hoạt động khoan, đào, "
               "thăm dò, khai thác nước dưới đất.")
    assert ts == ["tăng cường kiểm tra việc chấp hành quy định về các hoạt động khoan, đào, thăm dò, khai thác "
                  "nước dưới đất"]


def test_two_bare_items_or_no_list_head_leave_the_cut_alone():
    # only two bare items after the head: a verb with its own object is still a task of its own
    assert len(tasks_of("1. Sở Nội vụ kiểm tra việc thực hiện quy định về tuyển dụng, hợp đồng, xây dựng kế hoạch "
                        "đào tạo giáo viên mầm non.")) == 2
    # bare verbs without a list head before them: verbs sharing the object, one task, as before
    assert len(tasks_of("1. Sở Y tế tuyên truyền, vận động, hướng dẫn người dân phòng bệnh.")) == 1


# ------------------------------------------------------------------ a passive statement about a thing (branch tasks10)
def test_passive_statement_about_a_thing_is_no_task():
    assert texts("- Bản tin sinh hoạt chuyên đề sẽ được phát hành vào tuần cuối cùng của tháng thứ 3 trong quý.") == []
    assert texts("- Thông số môi trường được xử lý, đánh giá chất lượng môi trường theo chỉ số VN-WQI.") == []


def test_passive_after_a_modal_a_body_a_verb_or_a_semicolon_stays():
    # a modal before the passive: a requirement
    assert len(tasks_of("- Toàn bộ dữ liệu về hiện trạng công trình phải được số hóa, cập nhật lên hệ thống.")) >= 1
    # a ";" clause inside a task sentence (extra 14's gold keeps it)
    assert len(tasks_of("1. Công an tỉnh rà soát người nghiện ma túy trên địa bàn; tất cả các trường hợp được rà "
                        "soát, quản lý theo quy định.")) == 2
    from directive_nlp.agencies import find_agencies
    from directive_nlp.tasks.not_tasks import passive_statement

    def passive(s: str) -> bool:
        return passive_statement(s, 0, len(s), [])
    assert passive("Bản tin sinh hoạt chuyên đề sẽ được phát hành vào tuần cuối")
    assert not passive("Mức độ đạt được kết quả thực hiện mục tiêu")  # a compound, not a passive
    assert not passive("quy định rõ việc áp dụng BIM đã được pháp lý hóa")  # a verb's complement clause
    assert not passive("Tổ chức tập huấn cho cán bộ được giao nhiệm vụ")  # a verb first
    s = "Bản tin của Sở Văn hóa và Thể thao sẽ được phát hành hằng tháng"  # a body named before the passive
    assert passive_statement(s, 0, len(s), []) and not passive_statement(s, 0, len(s), list(find_agencies(s)))


# ------------------------------------------------------------------ notes and headings in capitals (branch tasks10)
def test_a_bracketed_note_pointing_to_an_appendix_is_no_task():
    ts = texts("1. Sở Xây dựng rà soát danh mục các dự án ưu tiên đầu tư.\n\n(Chi tiết danh mục các dự án tại Phụ lục "
               "kèm theo)")
    assert ts == ["rà soát danh mục các dự án ưu tiên đầu tư"]
    # a bracket at the end of a task sentence stays a trailing note of that task, the task is kept
    assert len(tasks_of("1. Sở Xây dựng rà soát danh mục các dự án ưu tiên đầu tư (chi tiết tại Phụ lục kèm theo).")) == 1


def test_a_heading_in_capitals_with_a_trailing_bracket_is_no_task():
    # a part numbered twice ("III." again) with a bracket after its heading is read as a paragraph, not a heading
    ts = texts("1. Sở Tài chính bố trí kinh phí thực hiện.\n\nIII. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU (chi tiết Phụ lục "
               "đính kèm)\n\nIV. TỔ CHỨC THỰC HIỆN\n\n1. Sở Nội vụ theo dõi việc thực hiện.",
               heading="III. LỘ TRÌNH THỰC HIỆN")
    assert ts == ["bố trí kinh phí thực hiện", "theo dõi việc thực hiện"]


def test_capitals_are_told_apart_with_vietnamese_marks():
    from directive_nlp.tasks.extractor import _in_capitals
    assert _in_capitals("NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU") and _in_capitals("TỔ CHỨC THỰC HIỆN")
    assert not _in_capitals("Nhiệm vụ và giải pháp chủ yếu") and not _in_capitals("2026 - 2030")


def test_lead_in_fillers_are_data_and_keep_the_clause_before_them():
    from directive_nlp.tasks.lexicon import load_lexicon_data
    data = load_lexicon_data()
    assert "trong đó" in data["lead_in_filler_openers"] and "lưu ý" in data["lead_in_filler_steps"]
    ts = texts("1. Đề nghị Ủy ban nhân dân tỉnh tập trung thực hiện các nhiệm vụ, giải pháp trên các lĩnh vực; trong đó "
               "lưu ý một số nội dung trọng tâm sau:\n\n- Đẩy mạnh cải cách thủ tục hành chính.")
    assert ts[0] == "tập trung thực hiện các nhiệm vụ, giải pháp trên các lĩnh vực"
    # without a filler before it, the whole sentence is a lead-in
    assert texts("1. Ủy ban nhân dân tỉnh thực hiện các nội dung sau:\n\n- Đẩy mạnh cải cách thủ tục hành chính.") == [
        "Đẩy mạnh cải cách thủ tục hành chính"]


# ------------------------------------------------------------------ a leading basis ends inside its own clause
_RULES_HEAD = "III. TỔ CHỨC THỰC HIỆN"


def _task_roles(t) -> list[tuple[str, str]]:
    return [(a.name, a.role) for a in t.agencies]


def test_a_basis_does_not_run_past_the_semicolon_of_its_clause():
    # the eleventh sample's family (docs/unlabelled-check.md): "Căn cứ …" with no comma before its verb, then a
    # ";" clause whose partner list holds a comma before a body: the basis must not end at that later comma
    body = ("1. Các cơ quan, đơn vị có liên quan\n\nCăn cứ chức năng quản lý, ngành, lĩnh vực, phạm vi quản lý thực hiện "
            "kiểm tra đối với tổ chức, cá nhân có hoạt động tôn giáo; phối hợp với Sở Dân tộc và Tôn giáo, Thanh tra "
            "tỉnh trong công tác kiểm tra, thanh tra khi cần thiết.")
    ts = tasks_of(body, heading=_RULES_HEAD)
    assert len(ts) == 2
    assert "thực hiện kiểm tra đối với tổ chức, cá nhân có hoạt động tôn giáo" in ts[0].task
    assert ts[1].task == "kiểm tra, thanh tra khi cần thiết"  # the shared activity (partner_activity_openers)
    assert ("Sở Dân tộc và Tôn giáo", "support") in _task_roles(ts[1]) and ("Thanh tra tỉnh", "support") in _task_roles(ts[1])


def test_a_basis_still_ends_at_the_comma_before_its_actor_or_verb():
    ts = tasks_of("1. Căn cứ chức năng, nhiệm vụ được giao, các sở, ngành xây dựng kế hoạch triển khai; báo cáo "
                  "kết quả về Sở Nội vụ.", heading=_RULES_HEAD)
    assert [t.task for t in ts][:1] == ["xây dựng kế hoạch triển khai"] and _task_roles(ts[0])[0][0] == "các sở, ngành"
    ts = tasks_of("1. Căn cứ tình hình thực tế, xây dựng kế hoạch kiểm tra, giám sát việc thực hiện; tổng hợp, báo "
                  "cáo kết quả.", heading=_RULES_HEAD)
    assert ts[0].task == "xây dựng kế hoạch kiểm tra, giám sát việc thực hiện"


# ------------------------------------------------------------------ a list of qualities after "theo hướng"
def test_qualities_after_theo_huong_stay_in_their_task():
    # the eleventh sample's #21: "tập trung" is a quality here, not the verb "focus on"
    from directive_nlp.tasks.lexicon import load_lexicon_data
    assert "theo hướng" in load_lexicon_data()["quality_list_heads"]
    ts = texts("1. Xây dựng hệ thống quản lý tài sản kết cấu hạ tầng theo hướng thống nhất, tập trung và mở, bảo "
               "đảm liên thông từ trung ương tới địa phương.")
    assert ts == ["Xây dựng hệ thống quản lý tài sản kết cấu hạ tầng theo hướng thống nhất, tập trung và mở, bảo "
                  "đảm liên thông từ trung ương tới địa phương"]


def test_a_verb_with_its_object_after_theo_huong_still_opens_a_task():
    ts = texts("1. Phát triển hệ thống quan trắc theo hướng hiện đại, kiểm tra định kỳ các trạm quan trắc.")
    assert ts == ["Phát triển hệ thống quan trắc theo hướng hiện đại", "kiểm tra định kỳ các trạm quan trắc"]
    # a verb with its own object after the head's quality, joined by "và", is a second predicate too
    ts = texts("1. Phát triển hệ thống quan trắc theo hướng hiện đại và kiểm tra định kỳ các trạm quan trắc.")
    assert len(ts) == 2 and ts[1] == "kiểm tra định kỳ các trạm quan trắc"


# ------------------------------------------------------------------ a scope item under a line that ends in ":"
# the extra13 sample (docs/unlabelled-check.md, x05 8.d): "- Đối với các khu …, tiếp tục duy trì …" under
# "… chỉ đạo các đơn vị … có trách nhiệm:" was skipped as an object spelt out under the line above it
_SCOPE_ITEMS = ("1. Sở Xây dựng\n\na) Chỉ đạo các đơn vị kinh doanh hạ tầng khu công nghiệp có trách nhiệm:\n\n"
                "- Đối với các khu, cụm công nghiệp đã được cung cấp nước tập trung, tiếp tục duy trì hoạt động cấp "
                "nước; xây dựng giải pháp sử dụng nước tuần hoàn.\n\n"
                "- Vận động các doanh nghiệp thực hiện các giải pháp tiết kiệm nước.")


def test_a_scope_item_that_goes_on_with_a_verb_is_work():
    from directive_nlp.tasks.lexicon import load_lexicon_data
    assert "đối với" in load_lexicon_data()["scope_openers"]
    assert texts(_SCOPE_ITEMS) == ["tiếp tục duy trì hoạt động cấp nước", "xây dựng giải pháp sử dụng nước tuần hoàn",
                                   "Vận động các doanh nghiệp thực hiện các giải pháp tiết kiệm nước"]


def test_a_scope_item_without_a_verb_still_spells_out_an_object():
    body = ("1. Sở Xây dựng\n\na) Cập nhật dữ liệu quan trắc đối với:\n\n"
            "- Đối với các khu công nghiệp, cụm công nghiệp, khu chế xuất.\n\n"
            "- Đối với các cơ sở chế biến thủy sản, nhất là cơ sở quy mô lớn.")
    assert texts(body) == ["Cập nhật dữ liệu quan trắc đối với"]


# ------------------------------------------------------------------ a basis after the partner list
# the extra13 sample's #18 (x09 V.4): "Chủ trì, phối hợp với … căn cứ … để tham mưu …" kept the basis in the task
def test_a_basis_between_the_partners_and_the_predicate_leaves_the_text():
    ts = tasks_of("1. Sở Tài chính\n\nChủ trì, phối hợp với Sở Giáo dục và Đào tạo và các cơ quan, đơn vị liên quan căn "
                  "cứ các quy định hiện hành, khả năng cân đối ngân sách để tham mưu cấp có thẩm quyền phương án kinh "
                  "phí thực hiện.", heading=_RULES_HEAD)
    assert [t.task for t in ts] == ["tham mưu cấp có thẩm quyền phương án kinh phí thực hiện"]
    assert ("Sở Giáo dục và Đào tạo", "support") in _task_roles(ts[0])


def test_a_basis_after_the_predicate_stays_in_the_text():
    ts = tasks_of("1. Sở Tài chính\n\nChủ trì, phối hợp với Sở Giáo dục và Đào tạo rà soát định mức chi, căn cứ tình "
                  "hình thực tế để điều chỉnh cho phù hợp.", heading=_RULES_HEAD)
    assert ts[0].task.startswith("rà soát định mức chi")


# ------------------------------------------------------------------ the body before a modal and the colon owes the items
# the extra13 sample (x05 8.d; ANNOTATION-DECISIONS 6: the items under "X chỉ đạo Y …" name Y, not X)
def _directed(tail: str) -> str:
    return ("**KẾ HOẠCH**\n\n**II. TỔ CHỨC THỰC HIỆN**\n\n**1. Giám đốc Sở, Thủ trưởng cơ quan, ban, ngành**\n\n"
            "a) Giao Thanh tra thành phố tổ chức thanh tra việc chấp hành các quy định pháp luật về tài nguyên nước theo "
            "định kỳ hoặc đột xuất đối với các tổ chức khai thác tài nguyên nước.\n\n"
            "b) Giao Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ chỉ đạo các đơn vị kinh doanh hạ tầng khu chế "
            f"xuất, khu, cụm công nghiệp {tail}\n\n"
            "- Tiếp tục duy trì hoạt động cấp nước cho khu công nghiệp.\n\n- Vận động các doanh nghiệp tiết kiệm nước.\n")


def _roles_by_task(doc: str) -> dict[str, list[tuple[str, str]]]:
    return {t.task: _task_roles(t) for t in extract_text(doc, "plan.md").tasks}


def test_items_under_a_directed_body_with_a_modal_name_that_body():
    got = _roles_by_task(_directed("có trách nhiệm:"))
    units = [("các đơn vị kinh doanh hạ tầng khu chế xuất, khu, cụm công nghiệp", "lead")]
    assert got["Tiếp tục duy trì hoạt động cấp nước cho khu công nghiệp"] == units
    assert got["Vận động các doanh nghiệp tiết kiệm nước"] == units
    # the line's own clause stays the director's task
    assert got["chỉ đạo các đơn vị kinh doanh hạ tầng khu chế xuất, khu, cụm công nghiệp có trách nhiệm"] == [
        ("Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ", "lead")]
    # as a heading line (plain text, short siblings) too
    ts = tasks_of("1. Sở Xây dựng\n\na) Chỉ đạo các đơn vị kinh doanh hạ tầng khu công nghiệp có trách nhiệm:\n\n"
                  "- Tiếp tục duy trì hoạt động cấp nước cho khu công nghiệp.", heading=_RULES_HEAD)
    assert [_task_roles(t) for t in ts] == [[("các đơn vị kinh doanh hạ tầng khu công nghiệp", "lead")]]


def test_a_content_lead_in_after_a_directed_body_keeps_the_director():
    got = _roles_by_task(_directed("thực hiện các nội dung sau:"))
    assert got["Tiếp tục duy trì hoạt động cấp nước cho khu công nghiệp"] == [
        ("Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ", "lead")]


# ------------------------------------------------------------------ the activity shared with the partners
def test_activity_opener_after_the_partners_is_dropped_before_a_verb():
    # "Chủ trì, phối hợp với Y trong việc VERB …": the task is the activity (frames.yaml partner_activity_openers)
    assert _bodies("1. Sở Công Thương chủ trì, phối hợp với các đơn vị điện lực trong việc rà soát khả năng cung "
                   "ứng điện cho các trạm viễn thông.") == [
        ("rà soát khả năng cung ứng điện cho các trạm viễn thông",
         [("Sở Công Thương", "lead"), ("các đơn vị điện lực", "support")])]
    # "Phối hợp với Y trong công tác VERB …" under an agency heading: the same
    ts = _bodies("1. Sở Y tế\n\na) Phối hợp với các cơ quan liên quan trong công tác kiểm tra an toàn thực phẩm "
                 "tại các chợ.")
    assert ts[0][0] == "kiểm tra an toàn thực phẩm tại các chợ"
    assert ("các cơ quan liên quan", "support") in ts[0][1]


def test_activity_opener_without_a_verb_is_kept():
    # negative: no verb after "trong việc" ("trong việc này"): the frame stays as it was
    ts = texts("1. Sở Công Thương chủ trì, phối hợp với các đơn vị điện lực trong việc này, bảo đảm tiến độ.")
    assert ts and ts[0].startswith("trong việc này")


# ------------------------------------------------------------------ tails17: "phối hợp với Y để VERB" (a purpose word is no task start)
def test_purpose_word_after_the_partners_is_dropped_before_a_verb():
    # "Chủ trì, phối hợp với Y để VERB …": the task is the work after "để" (partner_activity_openers), as the
    # read-half gold writes "phối hợp với các đơn vị liên quan để xem xét, làm rõ …" -> "xem xét, làm rõ …"
    assert _bodies("1. Sở Xây dựng chủ trì, phối hợp với các sở, ngành để triển khai, đầu tư xây dựng hệ thống xử lý "
                   "nước thải tại các đô thị.") == [
        ("triển khai, đầu tư xây dựng hệ thống xử lý nước thải tại các đô thị",
         [("Sở Xây dựng", "lead"), ("các sở, ngành", "support")])]


def test_purpose_word_after_the_partners_without_a_verb_is_kept():
    # negative: "để" followed by the beneficiary, not a verb ("để các doanh nghiệp tiếp cận …"): unchanged
    ts = texts("1. Sở Tài chính chủ trì, phối hợp với các đơn vị liên quan để các doanh nghiệp nhỏ tiếp cận vốn vay.")
    assert ts and ts[0].startswith("để các doanh nghiệp")
    # negative: "để" after an object, not after the partners, stays inside the task
    assert texts("1. Sở Nội vụ tổ chức tập huấn cho cán bộ để nâng cao năng lực chuyên môn.") == [
        "tổ chức tập huấn cho cán bộ để nâng cao năng lực chuyên môn"]


# ------------------------------------------------------------------ tails17: a sentence of result after a task sentence
def test_result_sentence_after_a_task_sentence_is_no_task():
    # "…. Giúp doanh nghiệp …", "…. Qua đó …", "…. Góp phần …" (result_sentence_openers): what the work before yields
    for tail in ("Giúp doanh nghiệp giảm chi phí năng lượng và phát triển bền vững.",
                 "Qua đó nâng cao năng lực ứng dụng công nghệ số của đội ngũ.",
                 "Góp phần bảo đảm an sinh xã hội trên địa bàn."):
        assert texts(f"- Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã. {tail}") == [
            "Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã"]


def test_result_word_that_opens_a_task_stays():
    # negative: the first sentence of an item ("Giúp doanh nghiệp nhỏ tiếp cận …" alone) is the work itself
    assert texts("- Giúp doanh nghiệp nhỏ tiếp cận các nền tảng thương mại điện tử.") == [
        "Giúp doanh nghiệp nhỏ tiếp cận các nền tảng thương mại điện tử"]
    # negative: "Giúp" before a body assists it ("Giúp Ủy ban nhân dân tỉnh theo dõi …"): a task
    assert texts("- Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã. Giúp Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc "
                 "thực hiện kế hoạch.")[1].startswith("Giúp Ủy ban nhân dân tỉnh")
    # negative: "giúp đỡ" is the verb "help" (purpose_word_exceptions)
    assert len(texts("- Tổ chức tập huấn cho cán bộ. Giúp đỡ người lao động mất việc làm tìm việc mới.")) == 2
    # negative: "Tạo điều kiện cho …" as the main verb of a task, and a leading purpose "Để …, các sở cần: …"
    assert texts("- Tổ chức tập huấn cho cán bộ. Tạo điều kiện cho doanh nghiệp tham gia các hội chợ.") == [
        "Tổ chức tập huấn cho cán bộ", "Tạo điều kiện cho doanh nghiệp tham gia các hội chợ"]


# ------------------------------------------------------------------ tails17: "tạo" + a noun of outcome is a result tail
def test_outcome_of_tao_stays_in_the_task_before():
    # ", tạo niềm tin / (sự) đồng thuận / động lực / sức … / chuyển biến …" (result_tails): what the work yields
    assert texts("- Triển khai hệ thống đánh giá tín nhiệm các cổng thông tin điện tử, tạo niềm tin cho người dân "
                 "trên môi trường số.") == [
        "Triển khai hệ thống đánh giá tín nhiệm các cổng thông tin điện tử, tạo niềm tin cho người dân trên môi "
        "trường số"]
    assert texts("- Tổ chức truyền thông, nâng cao nhận thức và tạo đồng thuận xã hội về chuyển đổi số trong quản lý "
                 "hạ tầng.") == [
        "Tổ chức truyền thông, nâng cao nhận thức và tạo đồng thuận xã hội về chuyển đổi số trong quản lý hạ tầng"]


def test_tao_before_a_thing_made_or_conditions_is_a_task():
    # negative: "tạo môi trường …", "tạo điều kiện cho …" are work of their own (06-style ";" list of tasks)
    assert texts("- Hỗ trợ phát triển doanh nghiệp nhỏ và vừa; tạo môi trường thuận lợi thu hút đầu tư.") == [
        "Hỗ trợ phát triển doanh nghiệp nhỏ và vừa", "tạo môi trường thuận lợi thu hút đầu tư"]
    assert texts("- Tổ chức tập huấn cho cán bộ. Tạo điều kiện cho doanh nghiệp tham gia các hội chợ.") == [
        "Tổ chức tập huấn cho cán bộ", "Tạo điều kiện cho doanh nghiệp tham gia các hội chợ"]
