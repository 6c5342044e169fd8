"""The task rules on small sentences, as a reader of ANNOTATION.md would check them."""

from __future__ import annotations

from directive_nlp.pipeline import extract_text


def tasks_of(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP"):
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\n{heading}\n\n{body}\n"
    return extract_text(text, "plan.md").tasks


def roles(t):
    return [(a.name, a.role) for a in t.agencies]


def test_subject_is_lead_and_predicates_with_own_objects_split():
    ts = tasks_of("1. Sở Y tế tổ chức tập huấn cho cán bộ y tế cơ sở, kiểm tra việc ghi chép sổ sách tại trạm y tế.")
    assert [t.task for t in ts] == ["tổ chức tập huấn cho cán bộ y tế cơ sở", "kiểm tra việc ghi chép sổ sách tại trạm y tế"]
    assert all(roles(t) == [("Sở Y tế", "lead")] for t in ts)


def test_verbs_sharing_one_object_stay_one_task():
    ts = tasks_of("1. Sở Nội vụ hướng dẫn, theo dõi, kiểm tra, đôn đốc việc thực hiện Kế hoạch.")
    assert [t.task for t in ts] == ["hướng dẫn, theo dõi, kiểm tra, đôn đốc việc thực hiện Kế hoạch"]


def test_giao_chu_tri_phoi_hop_frame():
    ts = tasks_of("2. Giao Công an tỉnh chủ trì, phối hợp với Sở Tư pháp và các cơ quan liên quan hướng dẫn, "
                  "đôn đốc việc thực hiện; tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/6/2026.")
    assert [t.task for t in ts] == ["hướng dẫn, đôn đốc việc thực hiện", "tổng hợp, báo cáo Ủy ban nhân dân tỉnh"]
    for t in ts:
        assert roles(t) == [("Công an tỉnh", "lead"), ("Sở Tư pháp", "support"), ("các cơ quan liên quan", "support")]
        assert t.deadline and t.deadline.kind == "by" and t.deadline.date == "2026-06-30"  # sentence-final: every task
    assert ts[1].report_to == ["Ủy ban nhân dân tỉnh"]


def test_helped_or_advised_body_is_not_an_agency():
    ts = tasks_of("1. Sở Tài chính tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí cho các huyện.")
    assert roles(ts[0]) == [("Sở Tài chính", "lead")]
    assert ts[0].report_to == []


def test_directed_body_is_not_an_agency():
    ts = tasks_of("1. Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành xây dựng kế hoạch thực hiện.")
    assert roles(ts[0]) == [("Ban cán sự đảng Ủy ban nhân dân tỉnh", "lead")]


def test_report_to_skips_the_channel_after_qua():
    ts = tasks_of("1. Các huyện ủy gửi báo cáo sơ kết về Tỉnh ủy (qua Ban Tuyên giáo Tỉnh ủy) trước ngày 15/6/2026.")
    assert ts[0].report_to == ["Tỉnh ủy"]
    assert "(qua Ban Tuyên giáo Tỉnh ủy)" in ts[0].task


def test_bodies_acting_together_are_all_lead():
    ts = tasks_of("Phối hợp chặt chẽ giữa các lực lượng Công an, Biên phòng, Hải quan trong kiểm soát biên giới.")
    assert {r for _, r in roles(ts[0])} == {"lead"}
    assert len(ts[0].agencies) >= 2


def test_partner_inside_a_noun_phrase_is_not_support():
    ts = tasks_of("1. Sở Tư pháp đánh giá công tác phối hợp với các sở, ban, ngành liên quan trong việc góp ý văn bản.")
    assert roles(ts[0]) == [("Sở Tư pháp", "lead")]


def test_modal_is_dropped_and_accountability_stays():
    ts = tasks_of("1. Sở Xây dựng có trách nhiệm kiểm tra chất lượng công trình.\n\n"
                  "2. Sở Công Thương chịu trách nhiệm về số liệu báo cáo của ngành.")
    assert ts[0].task == "kiểm tra chất lượng công trình"
    assert ts[1].task == "chịu trách nhiệm về số liệu báo cáo của ngành"


def test_conditional_liability_is_not_a_task():
    ts = tasks_of("1. Thủ trưởng các cơ quan, đơn vị phải chịu trách nhiệm nếu để xảy ra vi phạm tại đơn vị mình.")
    assert ts == []


def test_colon_rule_keeps_only_the_action():
    ts = tasks_of("Tổ chức quán triệt Nghị quyết để thống nhất nhận thức: công tác này là nhiệm vụ trọng tâm; "
                  "mọi cán bộ phải gương mẫu.")
    assert [t.task for t in ts] == ["Tổ chức quán triệt Nghị quyết để thống nhất nhận thức"]


def test_lead_in_carries_no_actor_and_is_no_task():
    body = ("1. Các sở, ban, ngành khi xây dựng kế hoạch cần tập trung vào các nội dung sau:\n\n"
            "- Rà soát thủ tục hành chính thuộc thẩm quyền.\n\n- Công khai kết quả giải quyết hồ sơ.")
    ts = tasks_of(body)
    assert [t.task for t in ts] == ["Rà soát thủ tục hành chính thuộc thẩm quyền", "Công khai kết quả giải quyết hồ sơ"]
    assert all(t.agencies == [] for t in ts)


def test_actor_carried_over_semicolons_but_not_across_prose_sentences():
    ts = tasks_of("Mặt trận Tổ quốc tỉnh tổ chức phát động phong trào thi đua; vận động hội viên tham gia. "
                  "Xây dựng cơ chế khen thưởng kịp thời.")
    assert roles(ts[0]) == roles(ts[1]) == [("Mặt trận Tổ quốc tỉnh", "lead")]
    assert ts[2].agencies == []


def test_clause_initial_adverbial_dates_only_its_clause():
    ts = tasks_of("Hằng năm bố trí kinh phí cho công tác phòng cháy; nâng cấp trang thiết bị chữa cháy.")
    assert ts[0].deadline.kind == "recurring" and ts[0].deadline.frequency == "yearly"
    assert ts[1].deadline is None


def test_thuong_xuyen_inside_the_object_is_not_a_deadline():
    ts = tasks_of("1. Sở Nông nghiệp và Môi trường chỉ đạo lực lượng kiểm lâm thường xuyên tuần tra rừng.")
    assert ts[0].deadline is None
    assert "thường xuyên" in ts[0].task


def test_goals_requirements_and_recipients_are_not_tasks():
    text = ("KẾ HOẠCH\n\n**I. MỤC ĐÍCH, YÊU CẦU**\n\n1. Nâng cao nhận thức của cán bộ về chuyển đổi số.\n\n"
            "**II. MỤC TIÊU**\n\nSở Thông tin và Truyền thông phấn đấu 100% hồ sơ được xử lý trực tuyến.\n\n"
            "**III. NHIỆM VỤ**\n\n1. Sở Nội vụ rà soát quy chế làm việc.\n\n"
            "Nơi nhận:\n\n- Sở Nội vụ;\n- Lưu: VT.\n")
    ts = extract_text(text, "plan.md").tasks
    assert [t.task for t in ts] == ["rà soát quy chế làm việc"]


def test_review_plan_noun_phrase_items_are_tasks():
    text = ("KẾ HOẠCH\n\nSơ kết 05 năm thực hiện Chỉ thị số 10-CT/TU\n\n**II. NỘI DUNG SƠ KẾT**\n\n"
            "**1. Nội dung sơ kết**\n\n- Công tác quán triệt, tuyên truyền Chỉ thị; kết quả xây dựng mô hình điểm.\n")
    ts = extract_text(text, "plan.md").tasks
    assert [t.task for t in ts] == ["Công tác quán triệt, tuyên truyền Chỉ thị", "kết quả xây dựng mô hình điểm"]


def test_de_nghi_makes_the_body_lead():
    ts = tasks_of("3. Về thủ tục đầu tư: đề nghị Bộ Xây dựng hướng dẫn Tỉnh hoàn thiện hồ sơ trong tháng 12/2026.",
                  heading="II. KIẾN NGHỊ")
    assert roles(ts[0]) == [("Bộ Xây dựng", "lead")]
    assert ts[0].deadline.kind == "on" and ts[0].deadline.date == "2026-12-31"


def test_every_task_has_provenance_and_span():
    text = "KẾ HOẠCH\n\n**II. NHIỆM VỤ**\n\n1. Sở Y tế kiểm tra an toàn thực phẩm.\n"
    res = extract_text(text, "plan.md")
    t = res.tasks[0]
    assert t.rule and t.section == "II.1"
    # the span points at the sentence in the normalised text
    from directive_nlp.pipeline import load_text

    doc = load_text("plan.md", data=text.encode("utf-8"), force=True)
    assert doc.text[t.span[0]:t.span[1]] == t.sentence


def test_actor_paragraph_over_items_assigns_them():
    body = ("2. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Y tế:\n\n"
            "- Tổ chức khám sức khỏe định kỳ cho học sinh.\n\n- Kiểm tra bếp ăn bán trú tại các trường.\n\n"
            "3. Công an tỉnh thực hiện các nhiệm vụ sau:\n\n- Bảo đảm an ninh trật tự khu vực trường học.")
    ts = tasks_of(body)
    assert [t.task for t in ts] == ["Tổ chức khám sức khỏe định kỳ cho học sinh", "Kiểm tra bếp ăn bán trú tại các trường",
                                    "Bảo đảm an ninh trật tự khu vực trường học"]
    assert roles(ts[0]) == roles(ts[1]) == [("Sở Giáo dục và Đào tạo", "lead"), ("Sở Y tế", "support")]
    assert roles(ts[2]) == [("Công an tỉnh", "lead")]


def test_table_group_rows_and_merged_leads():
    body = ("| STT | Tên nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành | Sản phẩm |\n"
            "|---|---|---|---|---|---|\n"
            "| I | Nhóm nhiệm vụ về thể chế | | | | |\n"
            "| 1 | Ban hành quy chế phối hợp liên ngành | Sở Tư pháp | Sở Nội vụ | Quý III/2026 | Quyết định |\n"
            "| 2 | Rà soát thủ tục hành chính nội bộ | | | Quý IV/2026 | Báo cáo |\n"
            "| II | Nhóm nhiệm vụ về hạ tầng | | | | |\n"
            "| 1 | Nâng cấp mạng nội bộ | Sở Khoa học và Công nghệ | | Năm 2026 | Hệ thống |\n")
    ts = tasks_of(body)
    assert [t.task for t in ts] == ["Ban hành quy chế phối hợp liên ngành", "Rà soát thủ tục hành chính nội bộ",
                                    "Nâng cấp mạng nội bộ"]
    assert roles(ts[1]) == [("Sở Tư pháp", "lead"), ("Sở Nội vụ", "support")]
    assert roles(ts[2]) == [("Sở Khoa học và Công nghệ", "lead")]
    assert ts[0].deadline.date == "2026-09-30" and ts[1].deadline.date == "2026-12-31"
    assert all(" | " in t.sentence for t in ts)


def test_brackets_that_are_not_assignments_stay_in_the_task():
    from directive_nlp.tasks.inline import parse_assignment, trailing_paren

    assert parse_assignment("qua Phòng Quản lý du lịch") is None
    assert parse_assignment("nếu có") is None
    assert parse_assignment("khi có đề nghị của Sở Tài chính") is None
    text = "Gửi báo cáo về Sở Nội vụ (qua Văn phòng Sở)."
    assert trailing_paren(text, 0, len(text)) is None
    asg = parse_assignment("Sở Xây dựng chủ trì, phối hợp với Sở Tài chính; thời gian hoàn thành: Quý III/2026")
    assert [a.name for a in asg.leads] == ["Sở Xây dựng"] and [a.name for a in asg.supports] == ["Sở Tài chính"]
    assert asg.deadline.date == "2026-09-30"


def test_execution_article_with_a_colon_list_of_departments():
    text = ("QUYẾT ĐỊNH\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng chống dịch.\n\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Xây dựng, Y tế; Chủ tịch UBND các huyện "
            "và Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.\n")
    ts = extract_text(text, "qd.md").tasks
    assert [t.task for t in ts] == ["thi hành Quyết định này"]
    names = [a.name for a in ts[0].agencies]
    assert names[:4] == ["Chánh Văn phòng UBND tỉnh", "Giám đốc các Sở: Tài chính", "Xây dựng", "Y tế"]
    assert len(names) == 6 and ts[0].section == "Điều 3"
