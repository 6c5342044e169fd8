"""Which parts and blocks hold tasks (tasks/zones.py, layout.yaml "which parts hold tasks").

Positive and negative examples of each block-level mechanism, written in the
genre's own forms, not copied from a corpus document.
"""

from __future__ import annotations

import pytest

from directive_nlp.pipeline import extract_text, load_text
from directive_nlp.structure import parse_structure
from directive_nlp.tasks.layout_vocab import layout_vocab
from directive_nlp.tasks.mentions import find_agencies
from directive_nlp.tasks.zones import Zones, self_reference_end


def plan(body: str, heading: str = "II. NỘI DUNG TRỌNG TÂM"):
    return extract_text(f"KẾ HOẠCH\n\nTriển khai công tác năm 2026\n\n{heading}\n\n{body}\n", "plan.md").tasks


# ------------------------------------------------------------- targets below a task heading
@pytest.mark.parametrize("heading", [
    "Chỉ tiêu chủ yếu đến năm 2030", "Các chỉ tiêu cụ thể", "Mục tiêu cụ thể đến năm 2027", "Mục đích",
    "Một số chỉ tiêu phấn đấu", "Kết quả cần đạt"])
def test_target_subheadings_are_recognised(heading):
    lv = layout_vocab()
    assert lv.target_sub.match(heading) and not lv.target_exception.search(heading)


@pytest.mark.parametrize("heading", [
    "Mục tiêu, nhiệm vụ cụ thể", "Chỉ tiêu và giải pháp thực hiện", "Nâng cao chất lượng chỉ tiêu thống kê",
    "Tổ chức thực hiện", "Kiểm tra việc thực hiện mục tiêu"])
def test_headings_that_do_not_open_a_target_part(heading):
    lv = layout_vocab()
    assert not (lv.target_sub.match(heading) and not lv.target_exception.search(heading))


def test_targets_under_an_inner_target_heading_are_not_tasks():
    ts = plan("1. Tăng cường công tác tuyên truyền\n\n- Tổ chức hội nghị quán triệt Luật mới.\n\n"
              "2. Chỉ tiêu chủ yếu đến năm 2030\n\n"
              "- Phấn đấu 100% xã, phường tổ chức tuyên truyền pháp luật cho người dân.\n\n"
              "- Trên 80% cơ sở giáo dục đưa nội dung phòng, chống tội phạm vào hoạt động ngoại khóa.")
    assert [t.task for t in ts] == ["Tổ chức hội nghị quán triệt Luật mới"]


def test_a_heading_naming_targets_and_tasks_still_holds_tasks():
    ts = plan("1. Mục tiêu, nhiệm vụ cụ thể\n\n- Tổ chức hội nghị quán triệt Luật mới.\n\n"
              "- Xây dựng kế hoạch kiểm tra liên ngành.")
    assert [t.task for t in ts] == ["Tổ chức hội nghị quán triệt Luật mới", "Xây dựng kế hoạch kiểm tra liên ngành"]


def test_items_after_a_target_part_are_tasks_again():
    ts = plan("1. Các chỉ tiêu cụ thể\n\n- Trên 90% hồ sơ được giải quyết đúng hạn.\n\n"
              "2. Phân công trách nhiệm\n\n- Sở Nội vụ chủ trì kiểm tra việc giải quyết hồ sơ.")
    assert [t.task for t in ts] == ["kiểm tra việc giải quyết hồ sơ"]


# ------------------------------------------------------------- a topic prefix before a part heading
def _zone_of_first_part(heading: str, tmp_path) -> str:
    p = tmp_path / "tb.md"
    p.write_text(f"THÔNG BÁO\n\nKết luận của Chủ tịch UBND tỉnh\n\nI. {heading}\n\n"
                 "Các sở, ngành đã triển khai nhiều nhiệm vụ.\n", encoding="utf-8")
    st = parse_structure(load_text(p, force=True))
    return Zones(st, False).zone("I")


@pytest.mark.parametrize("heading,zone", [
    ("VỀ KẾT QUẢ ĐẠT ĐƯỢC", "background"), ("Về tồn tại, hạn chế và nguyên nhân", "background"),
    ("VỀ TÌNH HÌNH TRIỂN KHAI", "background"), ("Đối với mục tiêu đến năm 2030", "none")])
def test_a_topic_prefix_is_read_through_for_background_and_goal_parts(heading, zone, tmp_path):
    assert _zone_of_first_part(heading, tmp_path) == zone


@pytest.mark.parametrize("heading", ["VỀ CÔNG TÁC TUYÊN TRUYỀN", "Về nguồn lực", "VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH"])
def test_a_topic_prefix_before_other_headings_does_not_make_a_background_part(heading, tmp_path):
    assert _zone_of_first_part(heading, tmp_path) not in ("background", "none")


def test_a_report_of_work_done_in_a_prefixed_background_part_is_not_a_task():
    ts = extract_text("THÔNG BÁO\n\nKết luận của Chủ tịch UBND tỉnh\n\nI. VỀ KẾT QUẢ ĐẠT ĐƯỢC\n\n"
                      "Sở Tư pháp tổ chức tập huấn cho cán bộ cấp xã về thủ tục hành chính.\n\n"
                      "II. NHIỆM VỤ THỜI GIAN TỚI\n\nSở Nội vụ tổ chức kiểm tra công vụ.\n", "tb.md").tasks
    assert [t.task for t in ts] == ["tổ chức kiểm tra công vụ"]


# ------------------------------------------------------------- the closing formula "Trên đây là …"


@pytest.mark.parametrize("text,rest", [
    ("Trên đây là Kế hoạch phát động thi đua lập thành tích chào mừng Đại hội; tăng tốc, bứt phá, hoàn thành "
     "thắng lợi các mục tiêu; các cơ quan, đơn vị, địa phương nghiêm túc tổ chức thực hiện./.",
     "các cơ quan, đơn vị, địa phương nghiêm túc tổ chức thực hiện./."),
    ("Trên đây là Chỉ thị về tăng cường quản lý tài nguyên nước, yêu cầu Giám đốc các sở thực hiện nghiêm túc.",
     "yêu cầu Giám đốc các sở thực hiện nghiêm túc."),
    ("Trên đây là Kế hoạch giám sát Chương trình năm 2025. Trong quá trình thực hiện, nếu có vướng mắc, "
     "đề nghị các cơ quan phản ánh về Sở Nông nghiệp và Môi trường.",
     "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các cơ quan phản ánh về Sở Nông nghiệp và Môi trường."),
    ("Trên đây là Kế hoạch quan trắc môi trường nuôi trồng thủy sản giai đoạn 2026 - 2030./.", ""),
])
def test_the_closing_formula_names_the_document_before_its_request(text, rest):
    assert text[self_reference_end(text, 0, find_agencies(text)):] == rest


@pytest.mark.parametrize("text", [
    "Sở Nội vụ tổ chức tổng kết, báo cáo kết quả trên đây về UBND tỉnh.",
    "Các nội dung nêu trên đây là nhiệm vụ trọng tâm; các sở triển khai ngay.",
])
def test_paragraphs_without_the_closing_formula_are_read_whole(text):
    assert self_reference_end(text, 0, find_agencies(text)) == 0


def test_the_title_in_a_closing_formula_gives_no_task_and_its_request_keeps_its_actor():
    ts = extract_text("KẾ HOẠCH\n\nPhát động thi đua năm 2026\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
                      "1. Sở Nội vụ hướng dẫn, theo dõi việc thực hiện Kế hoạch.\n\n"
                      "Trên đây là Kế hoạch phát động thi đua lập thành tích chào mừng Đại hội; tăng tốc, bứt phá, "
                      "hoàn thành thắng lợi các mục tiêu; các cơ quan, đơn vị, địa phương nghiêm túc tổ chức, triển "
                      "khai thực hiện./.\n", "plan.md").tasks
    texts = [t.task for t in ts]
    assert not any(x.startswith(("tăng tốc", "hoàn thành thắng lợi")) for x in texts), texts
    closing = [t for t in ts if "triển khai thực hiện" in t.task]
    assert closing and [a.name for a in closing[0].agencies] == ["các cơ quan, đơn vị, địa phương"]


def test_zone_heading_words_come_from_the_lexicon():
    from directive_nlp.tasks import zones
    assert zones._FUNDING_HEADING.match("Nguồn kinh phí thực hiện")  # funding_headings
    assert not zones._FUNDING_HEADING.match("Nhiệm vụ và giải pháp")
    assert zones._REVIEW.search("Tổ chức sơ kết 5 năm")  # review_heading_words
    assert not zones._REVIEW.search("Tổ chức thực hiện")
    assert zones._REVIEW_CONTENT.match("Nội dung sơ kết")  # review_content_openers
    assert not zones._REVIEW_CONTENT.match("Thời gian sơ kết")
    assert zones._REVIEW_PART.match("Kết quả đạt được")  # review_part_openers
    assert not zones._REVIEW_PART.match("Nhiệm vụ trọng tâm")


# ------------------------------------------------------------- the plan's span and scope
@pytest.mark.parametrize("heading", ["II. THỜI GIAN VÀ PHẠM VI", "II. Thời gian, phạm vi thực hiện",
                                     "III. THỜI GIAN VÀ ĐỊA BÀN THỰC HIỆN"])
def test_a_part_naming_the_plans_span_and_scope_holds_no_tasks(heading):
    ts = plan("1. Thời gian: từ nay đến năm 2030.\n\n"
              "2. Phạm vi: triển khai thực hiện trên toàn địa bàn Thành phố; ưu tiên tập trung cho các xã vùng sâu.",
              heading)
    assert ts == []


def test_a_time_part_alone_may_hold_a_roadmap():
    ts = plan("1. Năm 2026: Sở Nội vụ xây dựng kho lưu trữ số.\n\n2. Năm 2027: Sở Nội vụ số hóa hồ sơ lưu trữ.",
              "IV. THỜI GIAN THỰC HIỆN")
    assert [t.task for t in ts] == ["xây dựng kho lưu trữ số", "số hóa hồ sơ lưu trữ"]


# ------------------------------------------------------------- a part between two task parts (branch tasks10)
def _doc(parts: str):
    return extract_text("KẾ HOẠCH\n\nPhát triển kinh tế số năm 2026\n\nI. MỤC TIÊU\n\nPhấn đấu 100% hồ sơ trực tuyến.\n\n"
                        + parts, "plan.md").tasks


SECTOR_PART = ("IV. KINH TẾ SỐ NGÀNH, LĨNH VỰC\n\n1. Nông nghiệp\n\na) Xây dựng nền tảng dữ liệu số nông nghiệp của tỉnh.\n\n"
               "b) Triển khai nền tảng truy xuất nguồn gốc nông sản.\n\n")


def test_a_part_between_two_task_parts_holds_tasks():
    ts = _doc("III. NHIỆM VỤ TRỌNG TÂM\n\n1. Hoàn thiện thể chế về kinh tế số.\n\n" + SECTOR_PART
              + "V. GIẢI PHÁP\n\n1. Bố trí nguồn lực thực hiện.\n")
    assert any(t.task.startswith("Xây dựng nền tảng dữ liệu số nông nghiệp") for t in ts)
    assert any(t.task.startswith("Triển khai nền tảng truy xuất") for t in ts)


def test_a_part_not_between_two_task_parts_needs_a_named_body():
    # after the goals and before a task part, or the last part: its unnamed items are not tasks
    ts = _doc(SECTOR_PART.replace("IV.", "II.") + "III. NHIỆM VỤ TRỌNG TÂM\n\n1. Hoàn thiện thể chế về kinh tế số.\n")
    assert not any("nền tảng dữ liệu số nông nghiệp" in t.task for t in ts)
    ts = _doc("III. NHIỆM VỤ TRỌNG TÂM\n\n1. Hoàn thiện thể chế về kinh tế số.\n\n" + SECTOR_PART)
    assert not any("nền tảng dữ liệu số nông nghiệp" in t.task for t in ts)
    # a funding part between task parts keeps its own rule (a task only where a body is named)
    ts = _doc("III. NHIỆM VỤ TRỌNG TÂM\n\n1. Hoàn thiện thể chế về kinh tế số.\n\nIV. KINH PHÍ THỰC HIỆN\n\n"
              "Kinh phí thực hiện từ ngân sách nhà nước và các nguồn hợp pháp khác.\n\nV. TỔ CHỨC THỰC HIỆN\n\n"
              "1. Sở Tài chính bố trí kinh phí thực hiện.\n")
    assert not any(t.task.lower().startswith("kinh phí thực hiện từ") for t in ts)


# ------------------------------------------------------------- a goal or scope part that coordinates a content word
# the extra13 sample (docs/unlabelled-check.md, x08 II): "II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA" opened with a scope word,
# so its "2. Nội dung thi đua" (the work of the emulation) was read as holding no task
_MIXED = ("1. Đối tượng thi đua\n\nCác cơ quan, đơn vị cấp tỉnh; Ủy ban nhân dân các xã, phường.\n\n"
          "2. Nội dung thi đua\n\na) Thi đua thực hiện tốt công tác bảo đảm an ninh trật tự trong thời gian bầu cử.\n\n"
          "b) Tăng cường ứng dụng công nghệ thông tin trong tuyên truyền, quản lý phục vụ bầu cử.")


def test_a_content_subpart_of_a_goal_or_scope_part_holds_tasks():
    assert "nội dung" in layout_vocab().data["coordinated_content_words"]
    ts = plan(_MIXED, heading="II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA")
    assert [t.task for t in ts] == [
        "Thi đua thực hiện tốt công tác bảo đảm an ninh trật tự trong thời gian bầu cử",
        "Tăng cường ứng dụng công nghệ thông tin trong tuyên truyền, quản lý phục vụ bầu cử"]
    assert all(t.section.startswith("II.2") and not t.agencies for t in ts)  # the part heading names no body


@pytest.mark.parametrize("heading,inner", [
    # the heading names no content word: its inner parts stay closed
    ("II. ĐỐI TƯỢNG THI ĐUA", "2. Nội dung thi đua"),
    # a content word, but no inner heading opens with it ("Thời gian" is not one of them)
    ("II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA", "2. Thời gian thi đua"),
    ("II. ĐỐI TƯỢNG VÀ THỜI GIAN THI ĐUA", "2. Thời gian thi đua"),
])
def test_goal_or_scope_parts_stay_closed_without_a_coordinated_content_subpart(heading, inner):
    body = _MIXED.replace("2. Nội dung thi đua", inner)
    assert plan(body, heading=heading) == []


def test_a_goal_part_with_tasks_coordinated_by_a_conjunction_and_its_targets():
    body = ("1. Mục tiêu\n\nPhấn đấu 100% cơ sở giáo dục được kiểm tra.\n\n2. Nhiệm vụ\n\n"
            "a) Tổ chức kiểm tra an toàn các cơ sở giáo dục.\n\nb) Chỉ tiêu cụ thể\n\n- 100% cơ sở được kiểm tra định kỳ.")
    ts = plan(body, heading="II. MỤC TIÊU VÀ NHIỆM VỤ")
    # the inner "Nhiệm vụ" part holds its task; its targets and the goal part hold none
    assert [t.task for t in ts] == ["Tổ chức kiểm tra an toàn các cơ sở giáo dục"]
