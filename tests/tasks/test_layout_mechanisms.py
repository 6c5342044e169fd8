"""The layout mechanisms, each with positive and negative examples (synthetic plans, not corpus text).

Label lines, labelled blocks, agency headings with member lists, table
columns by header words and the articles of a Quyết định (docs/layout-mechanisms.md).
"""

from __future__ import annotations

import pytest

from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.decisions import article_kind, execution_clause
from directive_nlp.tasks.headings import agency_heading
from directive_nlp.tasks.labels import (LabelRun, apply_run, assign_bodies, cover, label_bodies, label_segments,
                                        read_label)
from directive_nlp.tasks.layout_vocab import REQUIRED_KEYS, layout_vocab
from directive_nlp.tasks.mentions import ag
from directive_nlp.tasks.tables import column_roles, realign_short_row
from directive_nlp.vocab import VocabularyError, validate_vocabulary


def plan(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP"):
    return extract_text(f"KẾ HOẠCH\n\nTriển khai công tác năm 2026\n\n{heading}\n\n{body}\n", "plan.md").tasks


def names(t, role=None):
    return [a.name for a in t.agencies if role is None or a.role == role]


# ------------------------------------------------------------------ vocabulary
def test_layout_vocabulary_loads_and_refuses_unknown_keys():
    v = layout_vocab()
    assert set(REQUIRED_KEYS) <= set(v.data)
    bad = dict(v.data, lable_words=["x"])
    with pytest.raises(VocabularyError, match="lable_words"):
        validate_vocabulary(bad, source="layout.yaml", required=REQUIRED_KEYS)


# ------------------------------------------------------------------ label lines
@pytest.mark.parametrize("line,kind", [
    ("Cơ quan chủ trì: Sở Công Thương.", "lead"),
    ("Đơn vị chủ trì tham mưu thực hiện: Sở Nội vụ.", "lead"),
    ("Đơn vị chủ trì (tham mưu) thực hiện: Sở Nội vụ.", "lead"),
    ("- Đơn vị phối hợp: Sở Tài chính, UBND các xã.", "support"),
    ("Đơn vị phối hợp thực hiện: Sở Tư pháp.", "support"),
    ("Chủ trì: Công an tỉnh", "lead"),
    ("Phối hợp: Sở Y tế", "support"),
    ("Cơ quan thực hiện:", "lead"),
    ("Thời gian hoàn thành: Quý III/2026.", "time"),
    ("Nội dung thực hiện: Rà soát các quy định.", "content"),
    ("Sản phẩm: Báo cáo tổng kết.", "ignore"),
])
def test_label_lines_in_their_written_forms(line, kind):
    lab = read_label(line)
    assert lab is not None and lab.kind == kind


@pytest.mark.parametrize("line", [
    "Sở Y tế: chủ trì tổ chức tập huấn.",          # an agency heading, not a label
    "Các sở, ngành có trách nhiệm phối hợp: tổ chức kiểm tra.",  # a sentence before a colon
    "Tổ chức hội nghị sơ kết vào tháng 6.",
    "Cơ quan chủ trìa: Sở X",                     # not a whole word
])
def test_texts_that_are_not_label_lines(line):
    assert read_label(line) is None


def test_label_values_give_bodies_never_the_label():
    lab = read_label("Đơn vị phối hợp: Sở Tài chính; Sở Xây dựng.")
    got = [a.name for a in label_bodies("Đơn vị phối hợp: Sở Tài chính; Sở Xây dựng."[lab.value_start:])]
    assert got == ["Sở Tài chính", "Sở Xây dựng"]
    assert label_bodies("  ") == []
    assert label_bodies("triệu đồng") == []  # "Đơn vị: triệu đồng" names a unit, not a body
    assert read_label("Đơn vị tính: triệu đồng").kind == "ignore"


# ------------------------------------------------------------------ which tasks a run covers
def test_runs_after_tasks_close_them_and_runs_before_tasks_open_them():
    lead_a, lead_b = LabelRun(leads=[ag(0, 0, "Sở A", "sở a", None)]), LabelRun(leads=[ag(0, 0, "Sở B", "sở b", None)])
    closing = [("task", 0), ("task", 1), ("label", lead_a), ("task", 2), ("label", lead_b)]
    assert [(r.leads[0].name, idx) for r, idx in cover(closing)] == [("Sở A", [0, 1]), ("Sở B", [3])]
    opening = [("label", lead_a), ("task", 0), ("label", lead_b), ("task", 1)]
    assert [(r.leads[0].name, idx) for r, idx in cover(opening)] == [("Sở A", [1]), ("Sở B", [3])]
    assert cover([("task", 0)]) == []


def test_own_subject_is_kept_beside_the_block_lead_unless_it_is_a_block_partner():
    run = LabelRun(leads=[ag(0, 0, "Sở A", "sở a", None)], supports=[ag(0, 0, "Sở B", "sở b", None)])
    own = [ag(0, 0, "UBND các xã", "ubnd các xã", None)]
    leads, sups = apply_run(own, [], True, run)
    assert [a.name for a in leads] == ["UBND các xã", "Sở A"] and [a.name for a in sups] == ["Sở B"]
    partner = [ag(0, 0, "Sở B", "sở b", None)]
    assert [a.name for a in apply_run(partner, [], True, run)[0]] == ["Sở B"]
    assert [a.name for a in apply_run([], [], False, run)[0]] == ["Sở A"]


# ------------------------------------------------------------------ labelled blocks in documents
def test_label_sub_items_belong_to_their_parent_block():
    ts = plan("1. Về dữ liệu dân cư\n\n"
              "a) Nhiệm vụ:\n\n"
              "- Rà soát, làm sạch dữ liệu dân cư trên địa bàn.\n\n"
              "- Cập nhật thông tin hộ tịch vào hệ thống.\n\n"
              "b) Cơ quan thực hiện:\n\n"
              "- Đơn vị chủ trì: Công an tỉnh.\n\n"
              "- Đơn vị phối hợp: Sở Tư pháp, UBND các xã.\n\n"
              "c) Thời gian thực hiện: Hoàn thành trong năm 2026.\n\n"
              "2. Về hạ tầng số\n\n"
              "- Nâng cấp đường truyền cho các điểm cầu.\n\n"
              "Đơn vị chủ trì thực hiện: Sở Khoa học và Công nghệ.\n\n"
              "Thời gian thực hiện: Quý IV/2026.")
    assert [t.task for t in ts] == ["Rà soát, làm sạch dữ liệu dân cư trên địa bàn",
                                    "Cập nhật thông tin hộ tịch vào hệ thống",
                                    "Nâng cấp đường truyền cho các điểm cầu"]
    for t in ts[:2]:
        assert names(t, "lead") == ["Công an tỉnh"] and names(t, "support") == ["Sở Tư pháp", "UBND các xã"]
        assert t.deadline is not None and t.deadline.date == "2026-12-31"
    assert names(ts[2]) == ["Sở Khoa học và Công nghệ"] and ts[2].deadline.date == "2026-12-31"
    assert all("Đơn vị" not in n for t in ts for n in names(t))  # labels never come out as agencies


def test_labels_before_their_tasks_open_them():
    ts = plan("1. Kiểm tra an toàn thực phẩm\n\n"
              "Cơ quan chủ trì: Sở Y tế.\n\n"
              "Cơ quan phối hợp: Sở Công Thương.\n\n"
              "- Kiểm tra các bếp ăn tập thể.\n\n"
              "- Xử lý nghiêm các cơ sở vi phạm.")
    assert [names(t) for t in ts] == [["Sở Y tế", "Sở Công Thương"]] * 2


def test_block_without_content_line_makes_its_heading_the_task():
    ts = plan("3. Tổ chức tập huấn nghiệp vụ cho cán bộ cấp xã\n\n"
              "Cơ quan chủ trì: Sở Nội vụ.\n\nThời gian thực hiện: Quý II/2026.")
    assert [t.task for t in ts] == ["Tổ chức tập huấn nghiệp vụ cho cán bộ cấp xã"]
    assert names(ts[0]) == ["Sở Nội vụ"] and ts[0].deadline.date == "2026-06-30"


def test_a_time_line_alone_does_not_invent_an_actor():
    ts = plan("1. Tuyên truyền, phổ biến pháp luật\n\n- Tổ chức hội nghị phổ biến Luật mới.\n\n"
              "Thời gian thực hiện: Quý I/2026.")
    assert [t.task for t in ts] == ["Tổ chức hội nghị phổ biến Luật mới"]
    assert ts[0].agencies == [] and ts[0].deadline.date == "2026-03-31"


# ------------------------------------------------------------------ agency headings
def test_group_heading_with_members_gives_the_group_and_each_member():
    hb = agency_heading("Các cơ quan quản lý đầu tư (Sở Tài chính, Ban Quản lý Khu kinh tế tỉnh):")
    assert [a.name for a in hb.leads] == ["Các cơ quan quản lý đầu tư", "Sở Tài chính", "Ban Quản lý Khu kinh tế tỉnh"]
    ts = plan("1. Các cơ quan quản lý đầu tư (Sở Tài chính, Ban Quản lý Khu kinh tế tỉnh):\n\n"
              "a) Hướng dẫn nhà đầu tư hoàn thiện hồ sơ.\n\nb) Công khai thủ tục trên cổng thông tin.")
    assert all(names(t, "lead") == ["Các cơ quan quản lý đầu tư", "Sở Tài chính", "Ban Quản lý Khu kinh tế tỉnh"]
               for t in ts) and len(ts) == 2


@pytest.mark.parametrize("heading,expected", [
    ("Sở Y tế:", ["Sở Y tế"]),
    ("Các lực lượng vũ trang gồm Công an tỉnh và Bộ Chỉ huy Quân sự tỉnh:",  # members without brackets
     ["Các lực lượng vũ trang", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"]),
    ("Viện Khoa học, Công nghệ và Môi trường tỉnh", ["Viện Khoa học, Công nghệ và Môi trường tỉnh"]),  # longer name
    ("Đề nghị Ủy ban MTTQ tỉnh:", ["Ủy ban MTTQ tỉnh"]),
    ("Sở Tài chính (cơ quan thường trực)", ["Sở Tài chính"]),  # an apposition, not members
    ("Hội Nông dân tỉnh", ["Hội Nông dân tỉnh"]),
    ("Các trường trung học cơ sở", ["Các trường trung học cơ sở"]),  # a plural group needs no capital
    ("Các cơ quan quản lý ngành (gồm các Sở: Xây dựng, Công Thương)", None),  # shared head: one body
])
def test_agency_headings(heading, expected):
    hb = agency_heading(heading)
    if expected is None:
        assert hb is None or len(hb.leads) == 1
    else:
        assert [a.name for a in hb.leads] == expected


@pytest.mark.parametrize("heading", [
    "Tổ chức hội nghị, hội thảo trong công tác cải cách hành chính",
    "Về nguồn lực thực hiện",
    "Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ của Kế hoạch.",
    "Công an tỉnh tăng cường tuần tra, kiểm soát",
    "Hội nhập quốc tế",            # a head word that starts a common word: themes
    "Phòng, chống tham nhũng, tiêu cực",
    "Sở hữu trí tuệ",
    "Đoàn kết dân tộc",
])
def test_theme_headings_and_sentences_are_not_agency_headings(heading):
    assert agency_heading(heading) is None


# ------------------------------------------------------------------ tables
@pytest.mark.parametrize("header,expected", [
    (["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
     {"number": 0, "task": 1, "lead": 2, "support": 3, "time": 4}),
    (["Số TT", "Tên đề án, văn bản", "Cơ quan đầu mối", "Cơ quan tham gia", "Thời hạn trình"],
     {"number": 0, "task": 1, "lead": 2, "support": 3, "time": 4}),
    (["TT", "Hoạt động", "Đơn vị thực hiện", "Lộ trình"], {"number": 0, "task": 1, "lead": 2, "time": 3}),
])
def test_table_columns_by_header_words(header, expected):
    assert column_roles(header) == expected


def test_a_statistics_table_has_no_lead_column():
    assert "lead" not in column_roles(["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2026"])


def test_table_with_other_column_names_gives_one_task_per_row():
    ts = plan("PHỤ LỤC\n\n| TT | Hoạt động | Đơn vị thực hiện | Đơn vị tham gia | Lộ trình |\n|---|---|---|---|---|\n"
              "| 1 | Xây dựng cơ sở dữ liệu đất đai | Sở Nông nghiệp và Môi trường | Sở Tài chính | Năm 2026 |\n"
              "| 2 | Số hóa hồ sơ địa chính | Sở Nông nghiệp và Môi trường | UBND các xã | Năm 2027 |",
              heading="IV. TỔ CHỨC THỰC HIỆN")
    rows = [t for t in ts if t.rule.startswith("table-row")]
    assert [t.task for t in rows] == ["Xây dựng cơ sở dữ liệu đất đai", "Số hóa hồ sơ địa chính"]
    assert names(rows[0], "support") == ["Sở Tài chính"] and rows[1].deadline.date == "2027-12-31"


# a short row of a text table continues the vertically merged cells of the row above (notes 04-07-08 §5)
LEFT = ("| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Kết quả |\n|---|---|---|---|---|---|\n"
        "| 1 | Xây dựng cơ sở dữ liệu quy hoạch tỉnh | Sở Xây dựng | Sở Tài chính | Năm 2026 | Cơ sở dữ liệu |\n"
        "| Vận hành, cập nhật cơ sở dữ liệu quy hoạch | Sở Nông nghiệp và Môi trường |\n"
        "| 2 | Rà soát thủ tục hành chính về quy hoạch | Sở Tư pháp | Các sở, ngành | Quý IV/2025 | Báo cáo |")
RIGHT = ("| STT | Cơ quan chủ trì | Cơ quan phối hợp | Nhiệm vụ | Kết quả | Thời hạn hoàn thành |\n|---|---|---|---|---|---|\n"
         "| 1 | Sở Xây dựng | Sở Tài chính | Xây dựng cơ sở dữ liệu quy hoạch tỉnh | Cơ sở dữ liệu | Năm 2026 |\n"
         "| Vận hành, cập nhật cơ sở dữ liệu quy hoạch | Hệ thống vận hành | Giai đoạn 2026 - 2030 |\n"
         "| **II** | **NHÓM NHIỆM VỤ VỀ THỂ CHẾ** |\n"
         "| 2 | Sở Tư pháp | Các sở, ngành | Rà soát thủ tục hành chính về quy hoạch | Báo cáo | Quý IV/2025 |")


def table_rows(body):
    return {t.task: t for t in plan("PHỤ LỤC\n\n" + body, heading="IV. TỔ CHỨC THỰC HIỆN") if t.rule.startswith("table-row")}


def test_short_row_missing_its_trailing_cells_inherits_them():
    rows = table_rows(LEFT)
    sub = rows["Vận hành, cập nhật cơ sở dữ liệu quy hoạch"]
    assert names(sub, "lead") == ["Sở Nông nghiệp và Môi trường"] and names(sub, "support") == ["Sở Tài chính"]
    assert (sub.deadline.kind, sub.deadline.date, sub.rule) == ("on", "2026-12-31", "table-row+merged")
    assert rows["Rà soát thủ tục hành chính về quy hoạch"].deadline.date == "2025-12-31"


def test_short_row_missing_its_leading_cells_inherits_them():
    rows = table_rows(RIGHT)
    sub = rows["Vận hành, cập nhật cơ sở dữ liệu quy hoạch"]
    assert names(sub, "lead") == ["Sở Xây dựng"] and sub.deadline.kind == "period"
    assert not any("NHÓM" in t for t in rows)  # a group row is no continuation


@pytest.mark.parametrize("cells", [["**I**", "**NHÓM NHIỆM VỤ VỀ THỂ CHẾ**"], ["A", "Nhóm nhiệm vụ về thể chế"],
                                   ["Sở Tài chính", "Sở Nội vụ"]])
def test_rows_that_are_no_continuation(cells):
    roles = {"number": 0, "task": 1, "lead": 2, "support": 3, "time": 4}
    assert realign_short_row(cells, roles, 5) is None


# ------------------------------------------------------------------ Điều-structured decisions
def test_articles_of_a_decision():
    assert article_kind("Điều 1", "Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai.") == "act"
    assert article_kind("Điều 2", "Quyết định này có hiệu lực kể từ ngày ký.") == "act"
    assert article_kind("Điều 3", "Giám đốc Sở Xây dựng chịu trách nhiệm thi hành Quyết định này./.") == "execution"
    assert article_kind("II.1", "Giám đốc Sở Xây dựng chịu trách nhiệm thi hành Quyết định này.") is None
    assert article_kind("Điều 2", "Giao Sở Xây dựng hướng dẫn các địa phương triển khai.") is None


def test_execution_article_is_one_task_with_every_official():
    text = ("Chánh Văn phòng UBND tỉnh; Giám đốc Sở Nông nghiệp và Môi trường; Chủ tịch UBND các xã, phường và "
            "Thủ trưởng các cơ quan có liên quan chịu trách nhiệm thi hành Quyết định này./.")
    ts, te, leads = execution_clause(text)
    assert text[ts:te] == "thi hành Quyết định này"
    assert [a.name for a in leads] == ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Nông nghiệp và Môi trường",
                                       "Chủ tịch UBND các xã, phường", "Thủ trưởng các cơ quan có liên quan"]
    assert execution_clause("Sở Xây dựng tổ chức kiểm tra các công trình.") is None


def test_decision_issuing_article_is_not_a_task():
    text = ("QUYẾT ĐỊNH\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm tra công vụ năm 2026.\n\n"
            "Điều 2. Giao Sở Nội vụ hướng dẫn, kiểm tra việc thực hiện Kế hoạch.\n\n"
            "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.\n")
    ts = extract_text(text, "qd.md").tasks
    assert [t.task for t in ts] == ["hướng dẫn, kiểm tra việc thực hiện Kế hoạch", "thi hành Quyết định này"]
    assert names(ts[0]) == ["Sở Nội vụ"]
    assert names(ts[1]) == ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Nội vụ"]


# ------------------------------------------------------------------ more written forms
@pytest.mark.parametrize("line,kind", [
    ("**Cơ quan chủ trì:** Sở Công Thương.", "lead"),        # bold markup left in a text file
    ("*Đơn vị phối hợp*: Sở Xây dựng.", "support"),          # italics
    ("Đơn vị chủ trì / Đơn vị phối hợp: Sở A / Sở B.", "assign"),
    ("Cơ quan chủ trì, phối hợp: Sở A chủ trì, phối hợp với Sở B.", "assign"),
])
def test_labels_with_markup_and_both_roles(line, kind):
    assert read_label(line).kind == kind


def test_several_labels_in_one_line_split_at_each_label():
    line = "Cơ quan chủ trì: Sở Y tế; cơ quan phối hợp: Sở Tài chính, Sở Nội vụ; thời gian thực hiện: năm 2026."
    assert [(lab.kind, line[a:b].strip(" ;.")) for lab, a, b in label_segments(line)] == [
        ("lead", "Sở Y tế"), ("support", "Sở Tài chính, Sở Nội vụ"), ("time", "năm 2026")]
    assert label_segments("Sở Y tế tổ chức kiểm tra; thời gian thực hiện: năm 2026.") == []


def test_one_line_with_both_roles_gives_leads_and_supports():
    leads, sups = assign_bodies("Sở Y tế / Sở Tài chính, Sở Xây dựng")
    assert [a.name for a in leads] == ["Sở Y tế"] and [a.name for a in sups] == ["Sở Tài chính", "Sở Xây dựng"]
    ts = plan("1. Phòng, chống dịch bệnh\n\n- Giám sát dịch tại các cửa khẩu.\n\n"
              "Cơ quan chủ trì: Sở Y tế; cơ quan phối hợp: Công an tỉnh; thời gian thực hiện: năm 2026.")
    assert names(ts[0], "lead") == ["Sở Y tế"] and names(ts[0], "support") == ["Công an tỉnh"]
    assert ts[0].deadline.date == "2026-12-31"


def test_table_with_a_two_row_header_and_a_joint_column():
    ts = plan("| TT | Nội dung | Cơ quan thực hiện | | Thời gian |\n|---|---|---|---|---|\n"
              "| | | Chủ trì | Phối hợp | |\n"
              "| 1 | Kiểm kê rừng trồng | Sở Nông nghiệp và Môi trường | Sở Tài chính | Năm 2026 |", heading="PHỤ LỤC")
    assert [(t.task, names(t, "lead"), names(t, "support")) for t in ts] == [
        ("Kiểm kê rừng trồng", ["Sở Nông nghiệp và Môi trường"], ["Sở Tài chính"])]
    ts = plan("| TT | Nhiệm vụ | Đơn vị chủ trì/ phối hợp | Thời hạn |\n|---|---|---|---|\n"
              "| 1 | Số hóa hồ sơ địa chính | Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp | Năm 2027 |", heading="PHỤ LỤC")
    assert names(ts[0], "lead") == ["Sở Nội vụ"] and names(ts[0], "support") == ["Sở Tư pháp"]


def test_items_of_an_ignore_label_are_not_tasks_and_body_items_of_an_empty_label_are_bodies():
    ts = plan("1. Rà soát thủ tục hành chính\n\n- Rà soát, đơn giản hóa thủ tục cấp phép.\n\n"
              "Cơ quan thực hiện:\n\n- Sở Tư pháp.\n\n- Văn phòng UBND tỉnh.\n\n"
              "Sản phẩm:\n\n- Báo cáo kết quả rà soát.")
    assert [t.task for t in ts] == ["Rà soát, đơn giản hóa thủ tục cấp phép"]
    assert names(ts[0], "lead") == ["Sở Tư pháp", "Văn phòng UBND tỉnh"]


def test_a_header_repeated_inside_the_table_is_not_a_task():
    ts = plan("| STT | Nhiệm vụ | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện |\n|---|---|---|---|---|\n"
              "| 1 | Triển khai nền tảng hóa đơn điện tử | Thuế tỉnh | Sở Tài chính | Năm 2026 |\n"
              "| Nội dung | Đơn vị thực hiện | Đơn vị phối hợp | Thời gian thực hiện |\n"
              "| 2 | Hỗ trợ hợp tác xã bán hàng trực tuyến | Sở Công Thương | Liên minh Hợp tác xã tỉnh | Năm 2027 |",
              heading="PHỤ LỤC")
    assert [t.task for t in ts] == ["Triển khai nền tảng hóa đơn điện tử", "Hỗ trợ hợp tác xã bán hàng trực tuyến"]
    assert all("Đơn vị phối hợp" not in names(t) for t in ts)


def test_heading_ending_with_its_verb_makes_each_object_item_a_task():
    ts = plan("2. Sở Tài chính:\n\na) Tham mưu Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh quyết định:\n\n"
              "- Phương án phân bổ vốn sự nghiệp giai đoạn 2026 - 2030.\n\n"
              "- Nguyên tắc, tiêu chí phân bổ vốn ngân sách địa phương.")
    assert [t.task for t in ts][-1] == "Nguyên tắc, tiêu chí phân bổ vốn ngân sách địa phương"
    assert all(names(t) == ["Sở Tài chính"] for t in ts) and len(ts) == 2


def test_heading_naming_its_object_stays_the_task_over_its_list():
    ts = plan("1. Quán triệt các văn bản của Trung ương về phòng, chống ma túy:\n\n- Luật Phòng, chống ma túy năm 2021."
              "\n\n- Nghị định số 105/2021/NĐ-CP.")
    assert [t.task for t in ts] == ["Quán triệt các văn bản của Trung ương về phòng, chống ma túy"]


def test_a_part_numbered_twice_keeps_each_heading_for_its_own_items():
    ts = plan("1. Công an tỉnh:\n\na) Tổ chức tuần tra các tuyến trọng điểm.\n\n"
              "IV. TỔ CHỨC THỰC HIỆN\n\n1. Các sở, ban, ngành và Ủy ban nhân dân các xã:\n\n"
              "a) Xây dựng kế hoạch triển khai tại đơn vị.", heading="IV. PHÂN CÔNG NHIỆM VỤ")
    assert [names(t) for t in ts] == [["Công an tỉnh"], ["Các sở, ban, ngành", "Ủy ban nhân dân các xã"]]


def test_label_after_a_list_of_one_paragraph_items_labels_the_list():
    ts = plan("1. Sở Y tế:\n\na) Tổ chức tiêm chủng mở rộng.\n\nb) Kiểm tra an toàn thực phẩm.\n\n"
              "Đơn vị phối hợp: Sở Công Thương.")
    assert [names(t, "support") for t in ts] == [["Sở Công Thương"], ["Sở Công Thương"]]
    assert all(names(t, "lead") == ["Sở Y tế"] for t in ts)


def test_time_line_after_each_item_dates_that_item_only():
    ts = plan("1. Công tác tập huấn\n\na) Tổ chức tập huấn cho cán bộ cấp xã.\n\nThời gian thực hiện: Quý I/2026.\n\n"
              "b) Tổ chức hội thi tìm hiểu pháp luật.\n\nThời gian thực hiện: Quý II/2026.")
    assert [t.deadline.date for t in ts] == ["2026-03-31", "2026-06-30"]


def test_short_item_headings_with_their_own_labels_are_each_a_task():
    ts = plan("1. Công tác tập huấn\n\na) Tổ chức tập huấn\n\nCơ quan chủ trì: Sở Tư pháp.\n\nb) Tổ chức hội thi\n\n"
              "Cơ quan chủ trì: Sở Nội vụ.")
    assert [(t.task, names(t)) for t in ts] == [("Tổ chức tập huấn", ["Sở Tư pháp"]), ("Tổ chức hội thi", ["Sở Nội vụ"])]


def test_funding_heading_over_a_cost_list_is_not_a_task_without_an_actor():
    ts = plan("III. DỰ TOÁN KINH PHÍ THỰC HIỆN:\n\n1. Dự toán kinh phí quan trắc năm 2026:\n\n"
              "- Chi phí lấy mẫu: 120 triệu đồng.\n\n- Chi phí phân tích: 80 triệu đồng.", heading="II. NỘI DUNG")
    assert ts == []


# ------------------------------------------------- a lone body among topic headings
_TOPICS = """**1. Phát triển nền tảng số**

**a) Thể chế**

- Rà soát các quy định về kinh tế số.

**b) Hạ tầng số**

- Đẩy nhanh tốc độ phủ mạng cáp quang.

**c) {third}**

- Xây dựng chương trình hỗ trợ chuyển đổi số.

**d) Nhân lực số**

- Tổ chức tập huấn kỹ năng số.
"""


def test_a_head_noun_heading_among_topics_is_a_topic():
    """"c) Doanh nghiệp số" between "b) Hạ tầng số" and "d) Nhân lực số": no body for its items."""
    tasks = plan(_TOPICS.format(third="Doanh nghiệp số"))
    t = next(t for t in tasks if t.task.startswith("Xây dựng chương trình hỗ trợ"))
    assert t.agencies == []
    assert all(not names(t) for t in tasks)


@pytest.mark.parametrize("third,lead", [
    ("Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"),      # a recognised name is a body anywhere
    ("Đề nghị các chi bộ trực thuộc", "các chi bộ trực thuộc"),      # a request names its addressee
])
def test_a_named_or_requested_body_among_topics_stays_a_body(third, lead):
    tasks = plan(_TOPICS.format(third=third))
    t = next(t for t in tasks if t.task.startswith("Xây dựng chương trình hỗ trợ"))
    assert names(t, "lead") == [lead]


def test_a_head_noun_heading_among_agency_headings_stays_a_body():
    body = ("**1. Sở Tài chính**\n\n- Bố trí kinh phí thực hiện.\n\n**2. Sở Nội vụ**\n\n- Hướng dẫn công tác thi đua.\n\n"
            "**3. Doanh nghiệp nhà nước**\n\n- Xây dựng kế hoạch chuyển đổi số.\n")
    tasks = plan(body, heading="IV. TỔ CHỨC THỰC HIỆN")
    t = next(t for t in tasks if t.task.startswith("Xây dựng kế hoạch chuyển đổi số"))
    assert names(t, "lead") == ["Doanh nghiệp nhà nước"]


# ------------------------------------------ a collective with its qualifier "có trách nhiệm"
@pytest.mark.parametrize("heading,leads", [
    ("Các đơn vị cấp nước sạch trên địa bàn tỉnh có trách nhiệm", ["Các đơn vị cấp nước sạch trên địa bàn tỉnh"]),
    ("Các đơn vị cấp nước sạch trên địa bàn tỉnh có trách nhiệm:", ["Các đơn vị cấp nước sạch trên địa bàn tỉnh"]),
    ("Các tổ chức, cá nhân khai thác nước dưới đất trên địa bàn chịu trách nhiệm",
     ["Các tổ chức, cá nhân khai thác nước dưới đất trên địa bàn"]),
    ("Sở Y tế có trách nhiệm", ["Sở Y tế"]),                       # a named body, as before
])
def test_a_collective_closed_by_a_modal_of_responsibility_is_the_body(heading, leads):
    hb = agency_heading(heading)
    assert hb is not None and [a.name for a in hb.leads] == leads


@pytest.mark.parametrize("heading", [
    "Các doanh nghiệp thực hiện nghiêm và chịu trách nhiệm",     # the modal is coordinated: a sentence
    "Các sở, ngành phối hợp với Sở Y tế có trách nhiệm",          # a partner frame before the modal
    "Tăng cường trách nhiệm của người đứng đầu",                  # no body opens it
])
def test_not_a_collective_closed_by_a_modal(heading):
    hb = agency_heading(heading)
    assert hb is None or all("trách nhiệm" not in a.name for a in hb.leads)


def test_the_items_under_a_responsible_collective_take_it_as_lead():
    body = ("**1. Sở Nông nghiệp và Môi trường**\n\na) Chủ trì kiểm tra việc khai thác nước dưới đất.\n\n"
            "**2. Các đơn vị cấp nước sạch trên địa bàn tỉnh có trách nhiệm**\n\n"
            "a) Tiếp tục đầu tư mở rộng mạng lưới cấp nước.\n\nb) Hạn chế khoan mới các giếng khai thác nước.\n")
    tasks = plan(body, heading="IV. TỔ CHỨC THỰC HIỆN")
    for start in ("Tiếp tục đầu tư", "Hạn chế khoan"):
        t = next(t for t in tasks if t.task.startswith(start))
        assert names(t, "lead") == ["Các đơn vị cấp nước sạch trên địa bàn tỉnh"]


# ------------------------------------------ bullets under a numbered item that names its actor
def _item_with_bullets(first_end: str) -> list:
    body = ("1. Các cơ quan, đơn vị, địa phương xây dựng kế hoạch thực hiện đợt thi đua" + first_end + "\n\n"
            "- Khen thưởng theo thẩm quyền các tập thể có thành tích tiêu biểu.\n\n"
            "- Báo cáo kết quả đợt thi đua về Sở Nội vụ.\n\n"
            "2. Sở Nội vụ hướng dẫn, theo dõi việc thực hiện Kế hoạch.\n")
    return plan(body, heading="IV. TỔ CHỨC THỰC HIỆN")


@pytest.mark.parametrize("first_end", [".", ", tập trung các nhiệm vụ sau:"])
def test_bullets_after_a_numbered_item_with_an_actor_carry_it(first_end):
    tasks = _item_with_bullets(first_end)
    for start in ("Khen thưởng theo thẩm quyền", "Báo cáo kết quả đợt thi đua"):
        t = next(t for t in tasks if t.task.startswith(start))
        assert names(t, "lead") == ["Các cơ quan, đơn vị, địa phương"]


def test_a_paragraph_running_on_into_its_bullet_does_not_carry_its_actor():
    """"… báo cáo kết quả về" + "- Cơ quan thường trực …": the bullet continues the sentence (no stop before it)."""
    tasks = _item_with_bullets(" và báo cáo kết quả về")
    t = next((t for t in tasks if t.task.startswith("Khen thưởng theo thẩm quyền")), None)
    assert t is None or names(t, "lead") != ["Các cơ quan, đơn vị, địa phương"]


# ------------------------------------------ a requested collective with its qualifier
@pytest.mark.parametrize("heading,leads", [
    ("Đề nghị các tổ chức cung cấp dịch vụ chi trả", ["các tổ chức cung cấp dịch vụ chi trả"]),
    ("Trách nhiệm của các đơn vị cung cấp dịch vụ công trực tuyến", ["các đơn vị cung cấp dịch vụ công trực tuyến"]),
])
def test_a_requested_collective_with_its_qualifier_is_the_body(heading, leads):
    hb = agency_heading(heading)
    assert hb is not None and [a.name for a in hb.leads] == leads


@pytest.mark.parametrize("heading", [
    "Đề nghị các tổ chức thực hiện các nội dung sau:",   # a lead-in: its verb before the colon
    "Các doanh nghiệp kiểm tra các cơ sở trên địa bàn",  # no request, an object with its own determiner: a sentence
    "Đề nghị các doanh nghiệp cần chủ động chuyển đổi số.",  # a sentence
])
def test_not_a_requested_collective(heading):
    hb = agency_heading(heading)
    assert hb is None or all(len(a.name.split()) <= 3 for a in hb.leads)


# ------------------------------------------ a collective named by a short relative qualifier (no prefix)
@pytest.mark.parametrize("heading", [
    "Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp",
    "Các doanh nghiệp thứ cấp đang hoạt động trong khu công nghiệp",
])
def test_a_collective_with_a_relative_qualifier_is_the_body_as_written(heading):
    hb = agency_heading(heading)
    assert hb is not None and [a.name for a in hb.leads] == [heading]


@pytest.mark.parametrize("heading", [
    "Các sở, ngành tăng cường kiểm tra",                         # a predicate opener: a sentence
    "Các doanh nghiệp chủ động xây dựng phương án sản xuất",     # a predicate opener
    "Các doanh nghiệp cần xây dựng phương án sản xuất",          # a modal
    "Các doanh nghiệp xây dựng phương án sản xuất, kinh doanh",  # a comma in the qualifier
    "Các doanh nghiệp xây dựng phương án sản xuất.",             # a full stop
    "Các doanh nghiệp thực hiện các nội dung sau:",              # a lead-in
])
def test_a_sentence_with_a_collective_subject_is_no_qualified_body(heading):
    hb = agency_heading(heading)
    assert hb is None or all(len(a.name.split()) <= 3 for a in hb.leads)


def test_items_under_a_qualified_collective_heading_take_it_as_lead():
    from directive_nlp.pipeline import extract_text

    text = ("KẾ HOẠCH\n\nPhát triển hạ tầng 5G trong khu công nghiệp\n\nIV. TỔ CHỨC THỰC HIỆN\n\n"
            "1. Sở Khoa học và Công nghệ\n\n- Theo dõi, đôn đốc việc thực hiện Kế hoạch.\n\n"
            "2. Các chủ đầu tư xây dựng và kinh doanh hạ tầng khu công nghiệp\n\n"
            "- Tạo điều kiện về mặt bằng cho việc lắp đặt thiết bị 5G.\n\n"
            "- Đầu tư hạ tầng bảo đảm triển khai ứng dụng 5G trong khu công nghiệp.\n")
    ts = [t for t in extract_text(text, "plan.md").tasks if t.section == "IV.2"]
    assert len(ts) == 2 and all([(a.name, a.role) for a in t.agencies] == [
        ("Các chủ đầu tư xây dựng và kinh doanh hạ tầng khu công nghiệp", "lead")] for t in ts)


def _docx_table(path, rows):
    from docx import Document

    d = Document()
    for line in ("ỦY BAN NHÂN DÂN TỈNH AN PHÚ", "KẾ HOẠCH", "Triển khai hệ thống thông tin quy hoạch",
                 "IV. TỔ CHỨC THỰC HIỆN"):
        d.add_paragraph(line)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            t.cell(i, j).text = v
    d.save(path)
    return path


def test_padded_short_row_of_a_docx_table_continues_the_row_above(tmp_path):
    """A converter that pads a short row with empty cells at its end ("| Vận hành … | Sở X | | | | |")."""
    from directive_nlp.pipeline import extract

    head = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Kết quả"]
    rows = [head,
            ["1", "Xây dựng cơ sở dữ liệu quy hoạch tỉnh", "Sở Xây dựng", "Sở Tài chính", "Năm 2026", "Dữ liệu"],
            ["Vận hành, cập nhật cơ sở dữ liệu quy hoạch", "Sở Nông nghiệp và Môi trường", "", "", "", ""],
            ["2", "Rà soát thủ tục hành chính về quy hoạch", "Sở Tư pháp", "", "", ""]]
    got = {t.task: t for t in extract(_docx_table(tmp_path / "plan.docx", rows)).tasks}
    sub = got["Vận hành, cập nhật cơ sở dữ liệu quy hoạch"]
    assert names(sub, "lead") == ["Sở Nông nghiệp và Môi trường"] and sub.deadline.date == "2026-12-31"
    # a row whose cells fit their own columns keeps its own empty cells: no time inherited
    assert got["Rà soát thủ tục hành chính về quy hoạch"].deadline is None


# a body column's ";" part the recogniser has no name for is still a body, kept whole beside the known names
# (the extra13 sample, docs/unlabelled-check.md: x03's appendix "Viện, Trường; Doanh nghiệp; Sở, ban, ngành …")
_BODY_CELLS = ("PHỤ LỤC\n\n| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian |\n|---|---|---|---|---|\n"
               "| 1 | Xây dựng chương trình đào tạo nhân lực công nghệ cao | Sở Giáo dục và Đào tạo | {sup} | 2026 |")


def test_an_unnamed_part_of_a_body_cell_is_kept_whole():
    row = [t for t in plan(_BODY_CELLS.format(sup="Viện, Trường; Sở Tài chính; Sở, ban, ngành có liên quan"),
                           heading="IV. TỔ CHỨC THỰC HIỆN") if t.rule.startswith("table-row")][0]
    assert names(row, "support") == ["Viện, Trường", "Sở Tài chính", "Sở, ban, ngành có liên quan"]


@pytest.mark.parametrize("sup,expected", [
    ("Sở Tài chính; Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"]),   # known names only: as before
    ("Sở Tài chính; (nếu có)", ["Sở Tài chính"]),                  # a note is no body
    ("Sở Tài chính; theo chức năng, nhiệm vụ", ["Sở Tài chính"]),  # a lower-case remainder is no name as written
])
def test_notes_beside_known_names_are_not_bodies(sup, expected):
    row = [t for t in plan(_BODY_CELLS.format(sup=sup), heading="IV. TỔ CHỨC THỰC HIỆN")
           if t.rule.startswith("table-row")][0]
    assert names(row, "support") == expected


# ------------------------------------------------------------------ a heading broken over two blocks
def test_a_heading_broken_inside_a_name_keeps_its_whole_lead():
    body = ("**1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp**\n\n"
            "**Phụ nữ tỉnh và các hội thành viên**\n\n"
            "- Tham gia phối hợp triển khai thực hiện Kế hoạch này.\n\n"
            "**2. Sở Y tế**\n\n- Tổ chức khám sức khỏe định kỳ cho phụ nữ.\n")
    tasks = plan(body, "**IV. TỔ CHỨC THỰC HIỆN**")
    texts = [t.task for t in tasks]
    assert not any(x.startswith("Phụ nữ tỉnh") for x in texts)  # the continuation is no task
    first = next(t for t in tasks if t.task.startswith("Tham gia phối hợp"))
    assert "Hội Liên hiệp Phụ nữ tỉnh" in names(first, "lead")


def test_a_bold_line_after_a_whole_name_is_read_as_before():
    # negative: "… Sở Y tế" is whole; the next bold line is its own sub-heading, not the name's end
    body = ("**1. Sở Y tế**\n\n**Nhiệm vụ chung của ngành**\n\n"
            "- Tổ chức khám sức khỏe định kỳ cho phụ nữ.\n")
    tasks = plan(body, "**IV. TỔ CHỨC THỰC HIỆN**")
    assert [names(t, "lead") for t in tasks if t.task.startswith("Tổ chức khám")] == [["Sở Y tế"]]
