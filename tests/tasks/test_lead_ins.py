"""Lead-ins that hand an actor to the list below them, partner lists with unknown nouns, and the
label value "X chủ trì, phối hợp với Y" (docs/layout-mechanisms.md, "Lead-ins with their own actor").

Synthetic plans, not corpus text: a positive and a negative example each.
"""

from __future__ import annotations

import pytest

from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.labels import assign_bodies
from directive_nlp.tasks.mentions import find_agencies
from directive_nlp.tasks.roles import bridge_partners, chain_at
from directive_nlp.tasks.subject import find_subject
from directive_nlp.tasks.text import mask


def plan(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP"):
    return extract_text(f"KẾ HOẠCH\n\nTriển khai công tác năm 2026\n\n{heading}\n\n{body}\n", "plan.md").tasks


def roles_of(t):
    return [(a.name, a.role) for a in t.agencies]


# ------------------------------------------------------------------ paragraph lead-ins
def test_a_paragraph_lead_in_with_its_own_actor_carries_it_to_lettered_items():
    tasks = plan("1. Tổ chức các hoạt động\n\nSở Y tế chủ trì, phối hợp với Sở Tài chính thực hiện các nhiệm vụ sau:\n\n"
                 "a) Lồng ghép tổ chức Lễ phát động với hình thức phù hợp.\n\n"
                 "b) Tăng cường kiểm tra về bình đẳng giới trong tháng hành động.")
    assert len(tasks) == 2
    for t in tasks:
        assert roles_of(t) == [("Sở Y tế", "lead"), ("Sở Tài chính", "support")]


def test_a_paragraph_lead_in_carries_to_bullets_and_a_content_lead_in_too():
    tasks = plan("1. Công tác quản lý\n\nCác sở, ban, ngành thực hiện những nội dung sau:\n\n"
                 "- Thực hiện đầy đủ các quy định của pháp luật về đầu tư.\n\n- Tham gia kiểm tra vị trí đầu tư xây dựng.")
    assert [roles_of(t) for t in tasks] == [[("Các sở, ban, ngành", "lead")]] * 2


def test_a_lead_in_whose_colon_clause_has_no_actor_carries_nothing():
    # "Đề nghị X …; trong đó lưu ý các nội dung sau:": the colon clause introduces content (annotation rule A1)
    tasks = plan("1. Công tác lãnh đạo\n\nĐề nghị Thường trực Tỉnh ủy tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ; "
                 "trong đó lưu ý một số nội dung trọng tâm sau:\n\n- Đổi mới tư duy, tầm nhìn phát triển.\n\n"
                 "- Hỗ trợ phát triển doanh nghiệp.")
    items = [t for t in tasks if t.task.startswith(("Đổi mới", "Hỗ trợ"))]
    assert len(items) == 2 and all(t.agencies == [] for t in items)


def test_a_content_lead_in_asked_of_its_actor_carries_nothing():
    # "X cần tập trung vào các nội dung sau:": the items name their own actors or none (annotation rule A1)
    tasks = plan("1. Công tác lãnh đạo\n\nCác Ban cán sự Đảng cần tập trung vào các nội dung sau:\n\n"
                 "- Đổi mới tư duy, tầm nhìn phát triển.")
    assert [t.agencies for t in tasks if t.task.startswith("Đổi mới")] == [[]]


def test_an_item_with_its_own_actor_keeps_it_under_a_lead_in():
    tasks = plan("1. Tổ chức thực hiện\n\nCác sở, ban, ngành thực hiện các nhiệm vụ sau:\n\n"
                 "a) Sở Xây dựng rà soát quy hoạch đô thị.\n\nb) Tăng cường kiểm tra vị trí đầu tư xây dựng.")
    assert roles_of(tasks[0]) == [("Sở Xây dựng", "lead")]
    assert roles_of(tasks[1]) == [("Các sở, ban, ngành", "lead")]


# ------------------------------------------------------------------ role word as the verb
@pytest.mark.parametrize("text,expected", [
    ("Các cơ quan, đơn vị, địa phương phối hợp thực hiện các hoạt động sau:", ["Các cơ quan, đơn vị, địa phương"]),
    ("Các sở, ngành phối hợp triển khai kế hoạch", ["Các sở, ngành"]),
    # negatives: the role word names the body
    ("Cơ quan phối hợp có trách nhiệm trả lời bằng văn bản", ["Cơ quan phối hợp"]),
    ("phối hợp với cơ quan chủ trì thực hiện các nhiệm vụ", ["cơ quan chủ trì"]),  # role_name_after
    ("các cơ quan tham mưu xây dựng chính sách", ["các cơ quan tham mưu"]),  # only "phối hợp" takes the work
])
def test_a_role_word_followed_by_the_work_is_the_verb(text, expected):
    assert [m.name for m in find_agencies(text)] == expected


# ------------------------------------------------------------------ name labels
def test_text_before_a_colon_announcing_a_list_is_no_name_label():
    text = ("Các Sở, ngành, UBND cấp xã và các đơn vị có liên quan theo chức năng, nhiệm vụ, thẩm quyền quy định "
            "triển khai thực hiện những nội dung sau:")
    subject = find_subject(text, mask(text), 0, len(text), find_agencies(text))[0]
    assert [a.name for a in subject] == ["Các Sở, ngành", "UBND cấp xã", "các đơn vị có liên quan"]


def test_a_name_label_still_reads():
    text = "Ban Chỉ đạo bầu cử của tỉnh: chỉ đạo các địa phương tổ chức bầu cử."
    subject, _, how, _ = find_subject(text, mask(text), 0, len(text), find_agencies(text))
    assert how == "label" and subject[0].name.startswith("Ban Chỉ đạo")


# ------------------------------------------------------------------ partner lists
def _partners(text: str) -> list[str]:
    ms = find_agencies(text)
    start = text.index("với") + 4
    chain, cend = chain_at(text, start, ms, len(text))
    return [a.name for a in bridge_partners(text, chain, cend, len(text), ms)[0]]


def test_short_unknown_nouns_between_partner_names_are_partners():
    assert _partners("phối hợp với các sở, ngành, Ủy ban nhân dân các xã, báo, đài và các đơn vị có liên quan.") == [
        "các sở, ngành", "Ủy ban nhân dân các xã", "báo", "đài", "các đơn vị có liên quan"]


@pytest.mark.parametrize("text", [
    "phối hợp với các sở, ngành, xây dựng kế hoạch và báo cáo Sở Tài chính.",  # a verb and its object
    "phối hợp với các sở, ngành, báo, đài.",  # no name closes the list: the nouns stay out
])
def test_a_partner_list_does_not_run_over_work_or_past_its_last_name(text):
    assert _partners(text) == ["các sở, ngành"]


def test_a_label_value_with_a_role_frame_gives_lead_and_partners():
    leads, sups = assign_bodies("Sở Văn hóa và Thể thao chủ trì, phối hợp với các sở, ban, ngành, báo, đài và "
                                "các đơn vị có liên quan")
    assert [a.name for a in leads] == ["Sở Văn hóa và Thể thao"]
    assert [a.name for a in sups] == ["các sở, ban, ngành", "báo", "đài", "các đơn vị có liên quan"]


def test_a_labelled_block_whose_body_line_holds_no_work_gives_roles():
    tasks = plan("1. Tuyên truyền\n\n- Nội dung: Tuyên truyền về phòng ngừa bạo lực trên các phương tiện truyền thông.\n\n"
                 "- Cơ quan thực hiện: Sở Văn hóa và Thể thao chủ trì, phối hợp với Sở Y tế và các đơn vị có liên quan.")
    assert len(tasks) == 1
    assert roles_of(tasks[0]) == [("Sở Văn hóa và Thể thao", "lead"), ("Sở Y tế", "support"),
                                  ("các đơn vị có liên quan", "support")]


def test_a_lead_in_over_a_list_of_objects_carries_nothing():
    # "… chịu trách nhiệm cập nhật dữ liệu đối với:" then "a) Giá hàng hóa …": the items are objects, not work
    tasks = plan("2. Các cơ quan chuyên môn cấp tỉnh chịu trách nhiệm cập nhật dữ liệu vào Cơ sở dữ liệu về giá đối với:\n\n"
                 "a) Giá hàng hóa, dịch vụ thuộc thẩm quyền định giá của Ủy ban nhân dân tỉnh;\n\n"
                 "b) Danh sách các doanh nghiệp thực hiện kê khai giá.")
    assert all(t.agencies == [] for t in tasks if t.task.startswith(("Giá hàng", "Danh sách")))


# ------------------------------------------------------------------ work asked in a part that holds no tasks
def test_a_lead_in_asking_bodies_for_work_opens_tasks_under_a_goals_heading():
    tasks = plan("1. Tháng hành động\n\na) Các hoạt động chính\n\nCăn cứ tình hình thực tế, các cơ quan, đơn vị, địa phương "
                 "phối hợp thực hiện các hoạt động sau:\n\n- Lồng ghép tổ chức Lễ phát động với hình thức phù hợp.\n\n"
                 "- Tăng cường kiểm tra về bình đẳng giới trong tháng hành động.", heading="II. MỤC TIÊU CỦA KẾ HOẠCH")
    assert [t.task for t in tasks] == ["Lồng ghép tổ chức Lễ phát động với hình thức phù hợp",
                                       "Tăng cường kiểm tra về bình đẳng giới trong tháng hành động"]
    assert all(roles_of(t) == [("các cơ quan, đơn vị, địa phương", "lead")] for t in tasks)


def test_goals_and_indicator_lead_ins_stay_out_of_the_tasks():
    tasks = plan("1. Mục tiêu cụ thể\n\nPhấn đấu đến cuối năm 2025 đạt các mục tiêu, chỉ tiêu sau:\n\n"
                 "- 100% cơ quan, đơn vị được tuyên truyền về bình đẳng giới.\n\n"
                 "2. Các địa phương\n\nCác địa phương phấn đấu đạt các chỉ tiêu sau:\n\n- 90% hộ gia đình được phổ biến.",
                 heading="II. MỤC TIÊU CỦA KẾ HOẠCH")
    assert tasks == []


# ------------------------------------------------------------------ a window label and a later titled item
def test_a_window_label_does_not_date_a_later_titled_sibling():
    tasks = plan("2. Tháng hành động\n\na) Chủ đề Tháng hành động năm 2025\n\nb) Thời gian: Từ ngày 15/11/2025 đến ngày "
                 "15/12/2025.\n\nc) Các hoạt động chính\n\nCác cơ quan, đơn vị thực hiện các hoạt động sau:\n\n"
                 "- Lồng ghép tổ chức Lễ phát động với hình thức phù hợp.")
    assert [t.deadline for t in tasks if t.task.startswith("Lồng ghép")] == [None]


def test_a_time_label_still_dates_the_labelled_block():
    tasks = plan("2. Tuyên truyền\n\na) Nội dung: Tuyên truyền về bình đẳng giới trên báo, đài.\n\n"
                 "b) Cơ quan thực hiện: Sở Văn hóa và Thể thao.\n\nc) Thời gian: Từ ngày 15/11/2025 đến ngày 15/12/2025.")
    assert len(tasks) == 1 and tasks[0].deadline is not None and tasks[0].deadline.kind == "period"


def test_a_numbered_title_over_labelled_activity_blocks_is_no_task():
    tasks = plan("1. Nâng cao nhận thức của chính quyền các cấp về phòng ngừa bạo lực trên cơ sở giới\n\na) Hoạt động 1\n\n"
                 "- Nội dung: Triển khai Tháng hành động vì bình đẳng giới.\n\n"
                 "- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành.")
    assert [t.task for t in tasks] == ["Triển khai Tháng hành động vì bình đẳng giới"]


def test_a_numbered_task_over_plain_items_stays_a_task():
    tasks = plan("1. Sở Nội vụ tổ chức hội nghị tổng kết công tác bình đẳng giới năm 2025.\n\n"
                 "a) Xây dựng báo cáo tổng kết.")
    assert [t.task for t in tasks][:1] == ["tổ chức hội nghị tổng kết công tác bình đẳng giới năm 2025"]


# ------------------------------------------------------------------ an empty body label over assignment lines
def test_an_assignment_line_under_an_empty_body_label_gives_the_block_its_roles():
    tasks = plan("1. Tuyên truyền\n\n- Nội dung: Tuyên truyền về phòng ngừa bạo lực trên các phương tiện truyền thông.\n\n"
                 "- Cơ quan thực hiện:\n\n+ Sở Văn hóa và Thể thao chủ trì, phối hợp với Sở Y tế, báo, đài và các đơn vị "
                 "có liên quan.\n\n+ Sở Xây dựng đăng tải thông điệp truyền thông trên bảng quang báo của Thành phố.")
    assert [t.task for t in tasks] == ["Tuyên truyền về phòng ngừa bạo lực trên các phương tiện truyền thông",
                                       "đăng tải thông điệp truyền thông trên bảng quang báo của Thành phố"]
    assert roles_of(tasks[0]) == [("Sở Văn hóa và Thể thao", "lead"), ("Sở Y tế", "support"), ("báo", "support"),
                                  ("đài", "support"), ("các đơn vị có liên quan", "support")]
    assert roles_of(tasks[1]) == [("Sở Xây dựng", "lead")]


@pytest.mark.parametrize("line", ["Sở Xây dựng đăng tải thông điệp.", "Sở Y tế chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch."])
def test_a_line_with_work_of_its_own_is_no_assignment_line(line):
    from directive_nlp.tasks.extractor import _assignment_only
    assert _assignment_only(line) is None


# ------------------------------------------------------------------ a list of bodies named before a colon
@pytest.mark.parametrize("text,expected", [
    ("Các sở, ban, ngành, địa phương: Là cơ quan được lấy ý kiến thẩm định.", ["Các sở, ban, ngành, địa phương"]),
    ("Các sở, ngành: triển khai kế hoạch.", ["Các sở, ngành"]),
    # negatives: a role label opens a labelled block and names no body
    ("Cơ quan, đơn vị phối hợp: Sở Y tế", ["Sở Y tế"]),
    ("Đơn vị chủ trì:", []),
])
def test_a_list_of_group_nouns_before_a_colon_names_bodies(text, expected):
    assert [m.name for m in find_agencies(text)] == expected


def test_a_numbered_body_label_with_a_description_carries_to_the_items():
    tasks = plan("2. Các sở, ban, ngành, địa phương: Là các đơn vị được lấy ý kiến thẩm định, chịu trách nhiệm trước "
                 "UBND tỉnh các nội dung sau:\n\na) Đánh giá sự phù hợp của dự án đầu tư với quy hoạch tỉnh.")
    assert [roles_of(t) for t in tasks] == [[("Các sở, ban, ngành, địa phương", "lead")]]


# ------------------------------------------------------------------ the role frame opening a table's task cell
def test_a_task_cell_opening_with_the_role_frame_gives_its_partners():
    tasks = plan("| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |\n|---|---|---|---|\n"
                 "| 1 | Chủ trì phối hợp với Bộ Khoa học và Công nghệ xây dựng cẩm nang hướng dẫn kiến trúc dữ liệu "
                 "| Bộ Công an | 30/11/2025 |\n"
                 "| 2 | Xây dựng Trung tâm giám sát an ninh mạng | Bộ Công an | 31/12/2026 |")
    assert [t.task for t in tasks] == ["xây dựng cẩm nang hướng dẫn kiến trúc dữ liệu",
                                       "Xây dựng Trung tâm giám sát an ninh mạng"]
    assert roles_of(tasks[0]) == [("Bộ Công an", "lead"), ("Bộ Khoa học và Công nghệ", "support")]
    assert roles_of(tasks[1]) == [("Bộ Công an", "lead")]


def test_a_task_cell_opening_with_a_bare_partner_frame_gives_its_partners():
    # "Phối hợp với Y VERB …" (no "chủ trì") opening the task cell: Y support, the row's lead column the lead,
    # the task the work (clauses.opening_partners, as a sentence's segment is read; bodies13)
    tasks = plan("| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |\n|---|---|---|---|\n"
                 "| 1 | Phối hợp với Bộ Ngoại giao, Bộ Công an triển khai cấp giấy khai sinh trực tuyến | Bộ Tư pháp "
                 "| 31/10/2025 |\n"
                 "| 2 | Phối hợp với Bộ Công an | Bộ Tư pháp | 31/12/2026 |")
    assert tasks[0].task == "triển khai cấp giấy khai sinh trực tuyến"
    assert roles_of(tasks[0]) == [("Bộ Tư pháp", "lead"), ("Bộ Ngoại giao", "support"), ("Bộ Công an", "support")]
    # negative: no work after the partners, the cell stays as written and names no partner
    assert tasks[1].task == "Phối hợp với Bộ Công an"
    assert roles_of(tasks[1]) == [("Bộ Tư pháp", "lead")]


# ------------------------------------------------------------------ the role frame opening a ";" clause
def test_a_later_clause_opening_with_the_role_frame_gives_its_partners():
    tasks = plan("1. Đảng ủy Chính phủ lãnh đạo, chỉ đạo việc thể chế hóa Nghị quyết; chủ trì, phối hợp với Đảng ủy "
                 "Quốc hội kịp thời xem xét, quyết định các cơ chế, chính sách cần thiết.")
    last = tasks[-1]
    assert last.task.startswith("kịp thời xem xét")
    assert roles_of(last) == [("Đảng ủy Chính phủ", "lead"), ("Đảng ủy Quốc hội", "support")]


def test_a_partner_list_cut_short_leaves_the_clause_as_it_was():
    # the list does not reach a predicate ("…, Tập đoàn X, CMC khẩn trương …"): the frame is not read
    tasks = plan("1. Bộ Khoa học và Công nghệ trình Đề án; chủ trì, phối hợp với các bộ, ngành, CMC khẩn trương "
                 "hoàn thành Bộ công cụ theo dõi.")
    assert not any(t.task.startswith("CMC") for t in tasks)


# ------------------------------------------------------------------ a conclusion notice's lead-in asked of the province
def test_a_province_asked_to_act_before_a_content_lead_in_is_a_task_of_its_own():
    # "Để …, tỉnh X cần tiếp tục thực hiện …, trong đó lưu ý tập trung thực hiện một số nội dung trọng tâm sau:":
    # the clause before the filler is the province's task; the items carry no actor (extra 06 G4, rule A1);
    # the time inside the purpose ("trong năm 2025") dates the goal, not the work
    tasks = plan("Để tháo gỡ khó khăn, đạt được mục tiêu tăng trưởng 8% trong năm 2025 của Tỉnh, tỉnh Đắk Lắk cần "
                 "tiếp tục thực hiện quyết liệt các chủ trương của Đảng, trong đó lưu ý tập trung thực hiện một số "
                 "nội dung trọng tâm sau:\n\n1. Rà soát các chỉ tiêu phát triển kinh tế - xã hội được giao.\n\n"
                 "2. Đẩy mạnh giải ngân vốn đầu tư công.")
    head = [t for t in tasks if t.task.startswith("tiếp tục thực hiện")]
    assert len(head) == 1 and roles_of(head[0]) == [("tỉnh Đắk Lắk", "lead")] and head[0].deadline is None
    items = [t for t in tasks if t.task.startswith(("Rà soát", "Đẩy mạnh"))]
    assert len(items) == 2 and all(t.agencies == [] for t in items)


def test_a_verb_after_a_bare_comma_is_the_lead_ins_own_predicate():
    # no opener ("trong đó", "đặc biệt" …) before "thực hiện": the sentence stays one lead-in, no task of its own
    tasks = plan("Sở Y tế chủ trì, thực hiện các nhiệm vụ sau:\n\na) Tăng cường kiểm tra an toàn thực phẩm.\n\n"
                 "b) Tổ chức tiêm chủng mở rộng cho trẻ em.")
    assert [t.task for t in tasks] == ["Tăng cường kiểm tra an toàn thực phẩm", "Tổ chức tiêm chủng mở rộng cho trẻ em"]


def test_a_time_standing_alone_after_a_purpose_still_dates_the_work():
    tasks = plan("1. Công tác quy hoạch\n\nĐể phát huy lợi thế của Tỉnh, trong năm 2026, Sở Xây dựng rà soát, "
                 "điều chỉnh các quy hoạch đô thị.")
    assert len(tasks) == 1 and tasks[0].deadline is not None and "2026" in tasks[0].deadline.text
