"""Bodies in the "Tổ chức thực hiện" part of provincial plans (issue 12, docs/unlabelled-check.md, fifth sample).

Each mechanism has positive and negative examples, in small plans written for the test.
"""

from __future__ import annotations

from directive_nlp.pipeline import extract_text


def tasks_of(body: str, heading: str = "**V. TỔ CHỨC THỰC HIỆN**"):
    text = f"KẾ HOẠCH\n\nTriển khai phong trào thi đua năm 2026\n\n{heading}\n\n{body}\n"
    return extract_text(text, "plan.md").tasks


def pairs(body: str) -> list[tuple[str, list[str]]]:
    return [(t.task, [a.name for a in t.agencies]) for t in tasks_of(body)]


# ------------------------------------------------------------------ a scope that runs on over a document reference

def test_scope_with_a_document_reference_after_an_inline_subject():
    got = pairs("Các sở, ban, ngành thành phố căn cứ chức năng, nhiệm vụ được giao và Kế hoạch này, "
                "chủ động xây dựng kế hoạch triển khai Phong trào thi đua.")
    assert got == [("chủ động xây dựng kế hoạch triển khai Phong trào thi đua", ["Các sở, ban, ngành thành phố"])]


def test_scope_with_a_document_reference_after_a_label():
    got = pairs("**3. Các cơ quan, đơn vị, địa phương thuộc tỉnh: **Căn cứ chức năng, nhiệm vụ được giao và "
                "Kế hoạch này, chủ động xây dựng kế hoạch triển khai Phong trào thi đua với nội dung phù hợp.")
    assert got == [("chủ động xây dựng kế hoạch triển khai Phong trào thi đua với nội dung phù hợp",
                    ["Các cơ quan, đơn vị, địa phương thuộc tỉnh"])]


def test_scope_with_a_numbered_document_reference():
    got = pairs("Sở Y tế căn cứ chức năng, nhiệm vụ và Kế hoạch số 12/KH-UBND, hướng dẫn các cơ sở y tế triển khai.")
    assert got == [("hướng dẫn các cơ sở y tế triển khai", ["Sở Y tế"])]


def test_scope_with_a_document_reference_without_a_comma():
    got = pairs("Ủy ban nhân dân tỉnh giao Giám đốc các sở, các cơ quan liên quan theo chức năng, nhiệm vụ được giao "
                "tại kế hoạch này triển khai thực hiện đảm bảo mục đích, yêu cầu.")
    assert got[0][0] == "triển khai thực hiện đảm bảo mục đích, yêu cầu"
    assert ", ".join(got[0][1]) == "Giám đốc các sở, các cơ quan liên quan"


def test_scope_does_not_run_over_a_name_with_a_comma():
    got = pairs("**2. Các sở, ban, ngành khác**\n\nCăn cứ chức năng, nhiệm vụ, quyền hạn và theo quy định của Luật "
                "phòng, chống ma túy, các văn bản chỉ đạo của Chính phủ, phối hợp với các sở, ban, ngành được giao "
                "chủ trì để tham mưu và tổ chức thực hiện các dự án.")
    assert got == [("tham mưu và tổ chức thực hiện các dự án", ["Các sở, ban, ngành khác", "các sở, ban, ngành được giao chủ trì"])]


def test_scope_does_not_swallow_a_further_body():
    got = pairs("- Cơ quan thực hiện: Sở Nội vụ, các sở, ban, ngành tỉnh trong phạm vi chức năng, nhiệm vụ của mình "
                "và các cơ quan, tổ chức khác có liên quan.\n\n- Tổ chức kiểm tra việc thi hành Luật Việc làm.")
    assert not any(t.startswith("tổ chức khác") for t, _ in got)


# ------------------------------------------------------------------ bodies the recogniser knows inside an unknown partner list

def test_verb_shaped_word_inside_a_known_body_does_not_end_the_partner_list():
    got = pairs("**5. Sở Giáo dục và Đào tạo**\n\n- Phối hợp với doanh nghiệp, viện nghiên cứu, trường đại học tổ chức "
                "đào tạo theo nhu cầu xã hội.")
    assert got == [("tổ chức đào tạo theo nhu cầu xã hội",
                    ["Sở Giáo dục và Đào tạo", "doanh nghiệp", "viện nghiên cứu", "trường đại học"])]


def test_unknown_partner_list_still_ends_at_the_verb():
    got = pairs("**5. Sở Giáo dục và Đào tạo**\n\n- Phối hợp với Ban đại diện cha mẹ học sinh tổ chức các hoạt động "
                "ngoại khóa.")
    assert got == [("tổ chức các hoạt động ngoại khóa", ["Sở Giáo dục và Đào tạo", "Ban đại diện cha mẹ học sinh"])]


def test_levels_joined_by_a_slash_under_a_heading():
    got = pairs("**3. UBND các xã/phường:**\n\n- Kiểm tra, xử lý các cơ sở vi phạm quy định bảo vệ môi trường.")
    assert got == [("Kiểm tra, xử lý các cơ sở vi phạm quy định bảo vệ môi trường", ["UBND các xã/phường"])]


# ------------------------------------------------------------------ a body-headed label the recogniser does not cover

def test_unknown_collective_label_before_a_verb_names_the_actor():
    got = pairs("**14. Doanh nghiệp, cộng đồng, tổ chức, cá nhân: **Quan tâm, đăng ký hỗ trợ nhu yếu phẩm cho nhân "
                "dân bị ảnh hưởng mưa lũ.")
    assert len(got) == 1
    assert got[0][0] == "Quan tâm, đăng ký hỗ trợ nhu yếu phẩm cho nhân dân bị ảnh hưởng mưa lũ"
    assert " ".join(got[0][1]) == "Doanh nghiệp cộng đồng, tổ chức, cá nhân"


def test_body_headed_label_before_a_value_names_no_actor():
    got = pairs("- Đơn vị, cá nhân được đề nghị khen thưởng: 15 tập thể và 20 cá nhân tiêu biểu.\n\n"
                "- Đơn vị, cá nhân tiêu biểu: Hội Nông dân tỉnh, Hội Cựu chiến binh tỉnh.\n\n"
                "- Tổ chức hội nghị sơ kết việc thực hiện Kế hoạch.")
    assert got == [("Tổ chức hội nghị sơ kết việc thực hiện Kế hoạch", [])]


# ------------------------------------------------------------------ where "giao / đề nghị / yêu cầu X" opens a frame

def test_request_inside_the_actors_own_predicate_is_no_frame():
    got = pairs("**6. Sở Xây dựng**\n\na) Tăng cường công tác chỉ đạo, rà soát, kiểm tra các dự án khu đô thị mới, có "
                "biện pháp yêu cầu các chủ đầu tư lập và phê duyệt đồ án quy hoạch các công trình dịch vụ.")
    assert got[0][0].startswith("Tăng cường công tác chỉ đạo, rà soát, kiểm tra các dự án khu đô thị mới")
    assert all(ags == ["Sở Xây dựng"] for _, ags in got)


def test_right_to_request_is_no_frame():
    got = pairs("Cơ quan tiếp nhận văn bản kê khai giá có trách nhiệm cập nhật thông tin vào cơ sở dữ liệu về giá, có "
                "quyền yêu cầu các tổ chức thực hiện kê khai giá bổ sung đầy đủ nội dung.")
    assert not any("các tổ chức" in ags for _, ags in got)


def test_request_after_a_fronted_condition_is_a_frame():
    got = pairs("Trong quá trình thực hiện Kế hoạch, nếu có khó khăn, vướng mắc đề nghị các sở, ban, ngành kịp thời "
                "phản ánh về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định.")
    assert got[0][1] == ["các sở, ban, ngành"]
    assert got[0][0].startswith("kịp thời phản ánh về Sở Nội vụ")


def test_issuer_then_request_is_a_frame():
    got = pairs("Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành triển khai thực hiện nghiêm túc Kế hoạch này.")
    assert got == [("triển khai thực hiện nghiêm túc Kế hoạch này", ["các sở, ban, ngành"])]


# ------------------------------------------------------------------ a later clause names its own actor after a condition

def test_clause_after_a_condition_names_its_own_actor():
    got = pairs("Trong quá trình thực hiện nếu có khó khăn, vướng mắc đề nghị các cơ quan, đơn vị và địa phương phản "
                "ánh về Sở Khoa học và Công nghệ để phối hợp giải quyết; trường hợp vượt thẩm quyền, Sở Khoa học và "
                "Công nghệ tổng hợp báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định.")
    assert got[0][1] == ["các cơ quan, đơn vị và địa phương"]
    assert got[-1] == ("tổng hợp báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định", ["Sở Khoa học và Công nghệ"])


def test_clause_after_a_condition_without_a_body_keeps_the_carried_actor():
    got = pairs("**2. Sở Tài chính**\n\n- Thẩm định dự toán kinh phí; trường hợp vượt thẩm quyền, báo cáo Ủy ban nhân "
                "dân tỉnh xem xét, quyết định.")
    assert all(ags == ["Sở Tài chính"] for _, ags in got)


# ------------------------------------------------------------------ a qualified name and a further body

def test_further_body_after_a_qualified_name_joins_the_subject():
    got = pairs("Các sở, cơ quan trực thuộc tỉnh và các cơ quan liên quan trong phạm vi chức năng, nhiệm vụ của mình "
                "tổ chức triển khai thực hiện Kế hoạch.")
    # generic groups closed by a catch-all group are one agency (agencies.yaml catch_all_tails)
    assert got == [("tổ chức triển khai thực hiện Kế hoạch", ["Các sở, cơ quan trực thuộc tỉnh và các cơ quan liên quan"])]
    got = pairs("Các sở, cơ quan trực thuộc tỉnh và Công an tỉnh trong phạm vi chức năng, nhiệm vụ của mình "
                "tổ chức triển khai thực hiện Kế hoạch.")
    assert got == [("tổ chức triển khai thực hiện Kế hoạch", ["Các sở, cơ quan trực thuộc tỉnh", "Công an tỉnh"])]


def test_body_inside_the_qualifier_stays_in_the_name():
    got = pairs("Các cơ sở giáo dục thuộc phạm vi quản lý của Sở Giáo dục và Đào tạo tổ chức tuyên truyền cho học sinh.")
    assert got == [("tổ chức tuyên truyền cho học sinh",
                    ["Các cơ sở giáo dục thuộc phạm vi quản lý của Sở Giáo dục và Đào tạo"])]


# ------------------------------------------------------------------ specification sentences are no tasks

def test_sentences_that_specify_content_form_time_or_place_are_no_tasks():
    got = pairs("a) Ủy ban nhân dân xã, phường tổ chức tuyên truyền, vận động đến từng đối tượng. Hình thức tuyên truyền "
                "trực tiếp như đến hộ gia đình, họp nhóm. Nội dung tuyên truyền về lợi ích của việc mở thẻ.\n\n"
                "b) Thời gian, địa điểm do Ủy ban nhân dân xã, phường và ngân hàng thỏa thuận.")
    assert got == [("tổ chức tuyên truyền, vận động đến từng đối tượng", ["Ủy ban nhân dân xã, phường"])]


def test_tasks_about_content_and_form_stay_tasks():
    got = [t for t, _ in pairs("- Đổi mới nội dung, hình thức tuyên truyền về phòng, chống ma túy.\n\n"
                               "- Tuyên truyền nội dung về lợi ích của việc mở thẻ.")]
    assert got == ["Đổi mới nội dung, hình thức tuyên truyền về phòng, chống ma túy",
                   "Tuyên truyền nội dung về lợi ích của việc mở thẻ"]


# ------------------------------------------------------------------ a name that runs to its modal

def test_name_runs_to_its_modal_over_lower_case_nouns():
    got = pairs("3. Tổ chức, cá nhân sản xuất, kinh doanh hàng hóa, dịch vụ có trách nhiệm chấp hành biện pháp bình ổn "
                "giá được công bố.")
    assert got == [("chấp hành biện pháp bình ổn giá được công bố",
                    ["Tổ chức, cá nhân sản xuất, kinh doanh hàng hóa, dịch vụ"])]


def test_name_that_runs_to_its_modal_ends_before_a_scope():
    got = pairs("1. Các sở, ban, ngành quản lý quy hoạch theo chức năng, nhiệm vụ được giao có trách nhiệm công bố "
                "thông tin về quy hoạch.")
    assert got == [("công bố thông tin về quy hoạch", ["Các sở, ban, ngành quản lý quy hoạch"])]
    got = pairs("2. Các sở, ban, ngành quản lý quy hoạch theo thẩm quyền có trách nhiệm công bố quy hoạch.")
    assert got == [("công bố quy hoạch", ["Các sở, ban, ngành quản lý quy hoạch"])]
    # a scope in the middle of the name, with more of the name after it, is left in the name
    got = pairs("3. Tổ chức, cá nhân sản xuất, kinh doanh theo chức năng, nhiệm vụ được giao hàng hóa, dịch vụ có trách "
                "nhiệm chấp hành biện pháp bình ổn giá.")
    assert got[0][1] == ["Tổ chức, cá nhân sản xuất, kinh doanh theo chức năng, nhiệm vụ được giao hàng hóa, dịch vụ"]


def test_name_does_not_run_over_a_verb_to_a_later_modal():
    got = pairs("Các sở, ngành tỉnh triển khai thực hiện Kế hoạch này, cần bảo đảm tiến độ.")
    assert got[0][0].startswith("triển khai thực hiện Kế hoạch này")
    assert got[0][1] == ["Các sở, ngành tỉnh"]


# ------------------------------------------------------------------ statements of where a list or a procedure is laid down

def test_statement_of_where_a_list_is_laid_down_is_no_task():
    got = pairs("a) Danh mục hàng hóa, dịch vụ do Ủy ban nhân dân tỉnh định giá được quy định tại Phụ lục I kèm theo "
                "Quyết định này.\n\nb) Sở Tài chính có trách nhiệm lấy ý kiến của cơ quan, đơn vị có liên quan.")
    assert got == [("lấy ý kiến của cơ quan, đơn vị có liên quan", ["Sở Tài chính"])]


def test_work_on_a_list_stays_a_task():
    got = [t for t, _ in pairs("- Rà soát danh mục hàng hóa, dịch vụ được quy định tại Phụ lục I.")]
    assert got == ["Rà soát danh mục hàng hóa, dịch vụ được quy định tại Phụ lục I"]


def test_name_runs_to_its_modal_after_a_fronted_condition():
    got = pairs("Trường hợp cần thiết điều chỉnh danh mục hàng hóa, dịch vụ do Nhà nước định giá, Sở quản lý ngành, lĩnh "
                "vực đối với hàng hóa, dịch vụ có trách nhiệm tham mưu Ủy ban nhân dân tỉnh theo quy định.")
    assert got == [("tham mưu Ủy ban nhân dân tỉnh theo quy định", ["Sở quản lý ngành, lĩnh vực đối với hàng hóa, dịch vụ"])]


# ------------------------------------------------------------------ a list of activities after "yêu cầu"

def test_activities_after_a_requirement_noun_stay_one_task():
    got = [t for t, _ in pairs("- Triển khai các chương trình đổi mới công nghệ trong sản xuất nông nghiệp; gắn với yêu "
                               "cầu quản lý, khai thác, sử dụng hiệu quả tài nguyên đất, nước và môi trường.")]
    assert got[-1] == "gắn với yêu cầu quản lý, khai thác, sử dụng hiệu quả tài nguyên đất, nước và môi trường"


def test_verb_with_its_own_object_after_a_requirement_noun_is_a_task():
    got = [t for t, _ in pairs("- Đáp ứng yêu cầu quản lý, nâng cao hiệu quả sử dụng tài nguyên.")]
    assert got == ["Đáp ứng yêu cầu quản lý", "nâng cao hiệu quả sử dụng tài nguyên"]


# ------------------------------------------------------------------ quotas are no tasks

def test_quota_lines_under_a_collective_are_no_tasks():
    got = pairs("a) Các cơ quan, đơn vị cấp tỉnh có liên quan đến công tác bầu cử:\n\n"
                "- Ủy ban bầu cử của tỉnh: Không quá 05 cá nhân;\n\n"
                "- Ban bầu cử đại biểu Quốc hội: 01 cá nhân/01 ban;\n\n"
                "- Đoàn Kiểm tra giám sát bầu cử của tỉnh: Mỗi đoàn xét chọn 01 cá nhân/01 đoàn;")
    assert got == []


def test_work_that_names_a_number_of_people_stays_a_task():
    got = [t for t, _ in pairs("- Chọn cử 05 cán bộ tham gia lớp tập huấn nghiệp vụ.")]
    assert got == ["Chọn cử 05 cán bộ tham gia lớp tập huấn nghiệp vụ"]


# ------------------------------------------------------------------ a subject qualified by "được giao …" up to a reference

def test_a_subject_qualified_up_to_a_document_reference_leaves_the_work_to_the_task():
    got = pairs("Các đơn vị được giao thực hiện các nhiệm vụ thuộc Kế hoạch lập dự toán kinh phí thực hiện.")
    assert got == [("lập dự toán kinh phí thực hiện", ["Các đơn vị được giao thực hiện các nhiệm vụ thuộc Kế hoạch"])]
    # no reference: the qualifier runs as before, to the modal
    got = pairs("Các đơn vị được giao chủ trì có trách nhiệm lập dự toán kinh phí thực hiện.")
    assert got == [("lập dự toán kinh phí thực hiện", ["Các đơn vị được giao chủ trì"])]
