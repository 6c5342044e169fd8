"""Who acts in a Chỉ thị's duty lists (issue 12, branch ``agency20``; docs/agencies.md, "Who acts in a
Chỉ thị's duty lists"): a purpose clause that lists verbs before the actor, and role-class headings.

Synthetic sentences and plans in our own words, not corpus text: a positive and a negative example each.
"""

from __future__ import annotations

from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.mentions import find_agencies
from directive_nlp.tasks.subject import find_subject
from directive_nlp.tasks.text import mask


def plan(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP"):
    return extract_text(f"CHỈ THỊ\n\nVề công tác quản lý đầu tư năm 2026\n\n{heading}\n\n{body}\n", "ct.md").tasks


def roles_of(t):
    return [(a.name, a.role) for a in t.agencies]


def subject_of(sentence: str) -> tuple[list[str], str]:
    bodies, p, _how, _explicit = find_subject(sentence, mask(sentence), 0, len(sentence), find_agencies(sentence))
    return [a.name for a in bodies], sentence[p:]


# ------------------------------------------------------------------ a purpose that lists its own verbs
def test_a_purpose_listing_verbs_ends_at_the_named_actor():
    s = ("Để nâng cao hiệu quả quản lý về đầu tư, tăng cường công tác kiểm tra các dự án, các Sở, ngành và "
         "UBND cấp xã triển khai thực hiện những nội dung sau:")
    bodies, rest = subject_of(s)
    assert bodies and bodies[0] == "các Sở, ngành" and rest.startswith("triển khai")


def test_a_purpose_opened_by_nham_ends_at_the_named_actor_too():
    s = "Nhằm khắc phục tồn tại, đẩy nhanh tiến độ giải ngân, Sở Tài chính chủ trì rà soát các dự án chậm tiến độ."
    bodies, rest = subject_of(s)
    assert bodies == ["Sở Tài chính"] and rest.startswith("chủ trì")


def test_a_purpose_without_a_named_actor_still_ends_at_its_first_verb():
    # no actor after any comma: the action after the purpose is the task, as before
    s = "Để nâng cao hiệu quả quản lý, tăng cường kiểm tra, giám sát các dự án đầu tư của doanh nghiệp."
    bodies, rest = subject_of(s)
    assert bodies == [] and rest.startswith("tăng cường")


def test_bodies_inside_a_purpose_object_are_not_its_actor():
    # "… của các Sở, ngành" is inside the purpose: no predicate follows the name, so it is not the actor
    s = "Để nâng cao trách nhiệm của các Sở, ngành, tăng cường phối hợp trong thẩm định dự án."
    bodies, rest = subject_of(s)
    assert bodies == [] and rest.startswith("tăng cường")


def test_a_purpose_lead_in_carries_its_actor_to_the_lettered_items():
    tasks = plan("5. Để nâng cao hiệu lực quản lý nhà nước, tăng cường công tác giám sát các dự án, các Sở, ngành, "
                 "UBND cấp xã theo chức năng, nhiệm vụ triển khai thực hiện những nội dung sau:\n\n"
                 "a) Thực hiện nghiêm các quy định của pháp luật về đầu tư.\n\n"
                 "b) Tham gia kiểm tra, khảo sát vị trí đầu tư xây dựng.")
    items = [t for t in tasks if t.task.startswith(("Thực hiện nghiêm", "Tham gia"))]
    assert len(items) == 2
    for t in items:
        assert ("các Sở, ngành", "lead") in roles_of(t) and ("UBND cấp xã", "lead") in roles_of(t)


# ------------------------------------------------------------------ a role class qualified by its work
def _heading_leads(text: str):
    from directive_nlp.tasks.headings import agency_heading
    h = agency_heading(text)
    return None if h is None else [a.name for a in h.leads]


def test_a_role_class_heading_with_its_work_is_the_body_as_written():
    assert _heading_leads("Cơ quan chủ trì thẩm định hồ sơ dự án") == ["Cơ quan chủ trì thẩm định hồ sơ dự án"]
    assert _heading_leads("Đơn vị phối hợp kiểm tra hiện trường") == ["Đơn vị phối hợp kiểm tra hiện trường"]


def test_a_role_class_sentence_or_a_named_lead_is_not_such_a_heading():
    # a full stop makes a sentence; a named body with "chủ trì" is a subject and its predicate
    assert _heading_leads("Cơ quan chủ trì tổng hợp kết quả thẩm định.") is None
    assert _heading_leads("Sở Tài chính chủ trì thẩm định hồ sơ dự án") is None
    # a modal makes the role class a subject of its own ("Cơ quan phối hợp có trách nhiệm …"), not the long name
    assert _heading_leads("Cơ quan phối hợp có trách nhiệm trả lời bằng văn bản") != [
        "Cơ quan phối hợp có trách nhiệm trả lời bằng văn bản"]


def test_a_role_class_heading_gives_its_lettered_items_their_lead():
    tasks = plan("3. Cơ quan chủ trì thẩm định hồ sơ dự án\n\n"
                 "a) Hướng dẫn nhà đầu tư hoàn thiện hồ sơ theo quy định.\n\n"
                 "b) Tổng hợp ý kiến của các đơn vị, trình cấp có thẩm quyền xem xét.")
    items = [t for t in tasks if t.task.startswith(("Hướng dẫn", "Tổng hợp"))]
    assert items and all(("Cơ quan chủ trì thẩm định hồ sơ dự án", "lead") in roles_of(t) for t in items)


# ------------------------------------------------------------------ a scope that lists its objects
def test_a_scope_listing_objects_ends_at_the_comma_before_a_modal():
    s = ("Đối với các dự án có liên quan đến quy hoạch cấp tỉnh, quy hoạch vùng, quy hoạch đô thị, "
         "có trách nhiệm tham mưu UBND tỉnh lấy ý kiến cơ quan lập quy hoạch.")
    bodies, rest = subject_of(s)
    assert bodies == [] and rest.startswith("có trách nhiệm tham mưu")


def test_a_scope_without_a_modal_still_ends_at_its_first_comma():
    # no modal after any comma: the verb after the first comma starts the task, as before
    s = "Đối với các dự án chậm tiến độ, rà soát, đánh giá nguyên nhân và đề xuất hướng xử lý."
    bodies, rest = subject_of(s)
    assert bodies == [] and rest.startswith("rà soát")


def test_a_scope_modal_after_a_semicolon_is_another_clause():
    # the modal after ";" belongs to the next clause: the scope ends at its own first comma
    s = "Đối với các dự án chậm tiến độ, rà soát nguyên nhân; có trách nhiệm báo cáo UBND tỉnh."
    bodies, rest = subject_of(s)
    assert rest.startswith("rà soát")


# ------------------------------------------------------------------ a case closed by "thì" with no actor after it
def test_a_case_ends_at_then_before_a_modal_and_the_carried_actor_acts():
    s = "Trường hợp phát sinh vướng mắc (chưa có quy định, quy định còn chồng chéo) thì phải nêu rõ nội dung vướng mắc."
    bodies, rest = subject_of(s)
    assert bodies == [] and rest.startswith("phải nêu rõ")


def test_a_case_with_a_comma_or_a_named_actor_after_then_is_left_as_before():
    s = "Trường hợp cần thiết, tổ chức kiểm tra đột xuất thì báo cáo kết quả."
    assert subject_of(s)[1].startswith("tổ chức kiểm tra")
    s = "Trường hợp chưa có quy định thì Sở Tư pháp hướng dẫn thực hiện."
    bodies, rest = subject_of(s)
    assert bodies == ["Sở Tư pháp"] and rest.startswith("hướng dẫn")


def test_a_request_inside_a_case_is_not_an_assignment():
    s = "Trường hợp đề nghị Sở Tư pháp chuyển hồ sơ cho cơ quan khác thì phải nêu rõ căn cứ pháp lý."
    bodies, rest = subject_of(s)
    assert bodies == [] and rest.startswith("phải nêu rõ")


def test_a_request_after_a_case_without_a_consequence_still_assigns():
    s = "Trong quá trình thực hiện, nếu có vướng mắc đề nghị Sở Tư pháp tổng hợp, báo cáo UBND tỉnh."
    bodies, rest = subject_of(s)
    assert bodies == ["Sở Tư pháp"]


# ------------------------------------------------------------------ "nguồn gốc" (origin) is no funding source
def test_an_origin_object_after_a_semicolon_is_a_task_a_funding_source_is_not():
    tasks = plan("1. Sở Nông nghiệp và Môi trường\n\n"
                 "- Đánh giá hiện trạng sử dụng đất; nguồn gốc đất, đối tượng sử dụng đất tại khu vực dự án.\n\n"
                 "- Tổ chức kiểm tra hiện trường; nguồn kinh phí do ngân sách tỉnh bố trí.")
    texts = [t.task for t in tasks]
    assert any(x.startswith("nguồn gốc đất") for x in texts)
    assert not any(x.startswith("nguồn kinh phí") for x in texts)


# ------------------------------------------------------------------ a right is no commitment
def _drafts(sentence: str):
    from directive_nlp.tasks.clauses import analyze_sentence
    from directive_nlp.tasks.mentions import ag
    carried = [ag(0, 0, "Sở Tư pháp", "sở tư pháp", "so")]
    res = analyze_sentence(sentence, mask(sentence), 0, len(sentence), find_agencies(sentence), [], carried=carried)
    return [sentence[d.start:d.end] for d in res.drafts]


def test_a_right_after_the_work_is_cut_off_and_the_work_stays():
    s = "Có trách nhiệm cập nhật dữ liệu vào hệ thống, có quyền yêu cầu các tổ chức bổ sung hồ sơ còn thiếu."
    assert _drafts(s) == ["cập nhật dữ liệu vào hệ thống"]


def test_a_right_as_the_consequence_of_a_case_is_no_task_nor_its_comma_parts():
    s = "Trường hợp hồ sơ chưa rõ, chưa đầy đủ, thì cơ quan tiếp nhận có quyền yêu cầu bổ sung, làm rõ."
    assert _drafts(s) == []


def test_a_right_in_one_semicolon_clause_leaves_the_next_clause_a_task():
    s = "Cơ quan tiếp nhận có quyền yêu cầu bổ sung hồ sơ; tổng hợp kết quả, báo cáo UBND tỉnh."
    assert _drafts(s) and all("có quyền" not in d for d in _drafts(s))
    assert any(d.startswith("tổng hợp") for d in _drafts(s))


def test_a_land_use_right_is_an_object_not_a_right_clause():
    s = "Rà soát các tổ chức có quyền sử dụng đất trên địa bàn."
    assert _drafts(s) == ["Rà soát các tổ chức có quyền sử dụng đất trên địa bàn"]


# ------------------------------------------------------------------ "bảo vệ, phát huy": a pair before one object
def test_protect_and_promote_share_their_object():
    s = "Đánh giá sự phù hợp của dự án với yêu cầu bảo vệ, phát huy giá trị của di sản văn hóa."
    assert _drafts(s) == ["Đánh giá sự phù hợp của dự án với yêu cầu bảo vệ, phát huy giá trị của di sản văn hóa"]


def test_protect_with_its_own_object_still_closes_its_task():
    # "bảo vệ môi trường" has its object: the segment ends in a noun, the next verb opens a task
    s = "Đánh giá sự phù hợp của dự án với yêu cầu bảo vệ môi trường, phát huy giá trị của di sản văn hóa."
    assert _drafts(s) == ["Đánh giá sự phù hợp của dự án với yêu cầu bảo vệ môi trường",
                          "phát huy giá trị của di sản văn hóa"]


# ------------------------------------------------------------------ manners of one act before its object
def test_a_list_of_manners_after_the_verb_keeps_the_act_whole():
    s = "Phối hợp công bố đầy đủ, công khai thông tin về quy hoạch và danh mục dự án thu hút đầu tư."
    assert _drafts(s) == ["Phối hợp công bố đầy đủ, công khai thông tin về quy hoạch và danh mục dự án thu hút đầu tư"]


def test_a_manner_before_a_new_verb_still_closes_its_task():
    from directive_nlp.tasks.predicates import manner_list
    assert manner_list("công bố đầy đủ", "công khai thông tin")
    assert not manner_list("tổ chức tuyên truyền hiệu quả", "kiểm tra việc thực hiện")
    assert not manner_list("xây dựng hệ thống đầy đủ", "công khai thông tin")  # a noun before the quality
