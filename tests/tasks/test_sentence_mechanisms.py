"""The sentence-level mechanisms (docs/sentence-mechanisms.md), each with positive and negative examples.

Small synthetic sentences only: who acts (frames), whether a clause is a task,
where a task's text starts and ends, and how the agency recogniser cuts names.
"""

from __future__ import annotations

import pytest

from directive_nlp.agencies import find_agencies
from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.frames import frames, load_frames_data
from directive_nlp.vocab import VocabularyError, validate_vocabulary


def tasks_of(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP"):
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\n{heading}\n\n{body}\n"
    return extract_text(text, "plan.md").tasks


def roles(t):
    return [(a.name, a.role) for a in t.agencies]


def names(text):
    return [m.name for m in find_agencies(text)]


# ------------------------------------------------------------------ frames as data
def test_frames_vocabulary_is_validated():
    data = dict(load_frames_data())
    assert "chủ trì" in data["lead_words"] and "phối hợp" in data["support_words"]
    with pytest.raises(VocabularyError, match="unknown key"):
        from directive_nlp.tasks import frames as fr
        validate_vocabulary({**data, "lead_wrods": []}, source="frames.yaml", required=fr._KEYS)


@pytest.mark.parametrize("text, hit", [
    ("chủ trì, phối hợp với Sở A", True),
    ("chủ trì và phối hợp chặt chẽ với Sở A", True),
    ("chủ trì, tổ chức kiểm tra", False),          # lead only: no partner follows
    ("phối hợp với Sở A", False),                   # support without lead word
])
def test_lead_support_frame(text, hit):
    assert bool(frames().lead_support.match(text)) is hit


@pytest.mark.parametrize("text, hit", [
    ("chủ động phối hợp chặt chẽ với Sở A", True),
    ("kết hợp với Đoàn Thanh niên", True),
    ("công tác phối hợp với Sở A", False),          # nominal: the partner belongs to the object
])
def test_support_frame(text, hit):
    assert bool(frames().support.match(text)) is hit


@pytest.mark.parametrize("name, text, hit", [
    ("maybe_lead_support", " chủ trì, và phối hợp chặt chẽ với Sở A", True),
    ("maybe_lead_support", " phối hợp với Sở A", True),
    ("maybe_lead_support", " chủ trì thực hiện", False),            # no support word: no partner follows
    ("group_does", ", được phân công quản lý", True),
    ("group_does", " liên quannhau", False),                       # not a whole word
    ("paren_frame", "thực hiện chính, phối hợp với Sở B", True),
    ("paren_frame", "theo đề nghị của Sở B", False),
    ("paren_support_verb", "phối hợp thực hiện", True),
    ("paren_support_verb", "chủ trì", False),
    ("role_noun", "là cơ quan đầu mối, theo dõi việc thực hiện", True),
    ("role_noun", "là cơ quan quản lý nhà nước về du lịch", False),  # not a role in the plan
    ("predicate_opener", "định kỳ báo cáo kết quả", True),
    ("predicate_opener", "báo cáo kết quả", False),
    ("lead_at_end", "Sở A chủ trì", True),
    ("lead_at_end", "Sở A chủ trì, phối hợp", False),
])
def test_frames_from_frames_yaml(name, text, hit):
    """The chủ trì / phối hợp words of every frame come from resources/vi/frames.yaml."""
    pat = getattr(frames(), name)
    found = pat.search(text) if name == "lead_at_end" else pat.match(text)
    assert bool(found) is hit


def test_paren_hint_is_any_assignment_word():
    assert frames().paren_hint.search("Thời hạn: Quý II/2026")
    assert not frames().paren_hint.search("theo Nghị quyết số 36")


def test_subject_chu_tri_phoi_hop_gives_lead_and_support():
    ts = tasks_of("1. Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức kiểm tra các cơ sở khám bệnh.")
    assert [t.task for t in ts] == ["tổ chức kiểm tra các cơ sở khám bệnh"]
    assert roles(ts[0]) == [("Sở Y tế", "lead"), ("Sở Tài chính", "support")]


def test_de_nghi_frame_makes_lead_and_helped_body_is_not_an_agency():
    ts = tasks_of("1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tham mưu Ủy ban nhân dân tỉnh tổ chức hội nghị "
                  "đối thoại với nhân dân.")
    assert roles(ts[0]) == [("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead")]


def test_scope_qualifier_after_the_actor_is_dropped():
    ts = tasks_of("1. Các sở, ban, ngành theo chức năng, nhiệm vụ được giao, tổ chức rà soát các thủ tục hành chính.")
    assert [t.task for t in ts] == ["tổ chức rà soát các thủ tục hành chính"]
    assert roles(ts[0]) == [("Các sở, ban, ngành", "lead")]


def test_bodies_acting_together_are_all_lead():
    ts = tasks_of("1. Tăng cường phối hợp giữa Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh trong tuần tra biên giới.")
    assert roles(ts[0]) == [("Công an tỉnh", "lead"), ("Bộ Chỉ huy Quân sự tỉnh", "lead")]


@pytest.mark.parametrize("nominal", ["hiệu quả", "công tác", "cơ chế"])
def test_coordination_inside_a_noun_phrase_names_no_agency(nominal):
    ts = tasks_of(f"1. Nâng cao {nominal} phối hợp giữa các sở, ban, ngành, địa phương trong phòng, chống ma túy.")
    assert ts and roles(ts[0]) == []


def test_partners_named_after_phoi_hop_chat_che_support_every_task():
    ts = tasks_of("1. Công an tỉnh\n\na) Phối hợp chặt chẽ các lực lượng, sử dụng đồng bộ các biện pháp nghiệp vụ,"
                  " chủ động nắm chắc tình hình.", heading="III. TỔ CHỨC THỰC HIỆN")
    assert ts and all(("các lực lượng", "support") in roles(t) for t in ts)


# ------------------------------------------------------------------ task text boundaries
def test_partners_of_a_support_frame_leave_the_task_text():
    ts = tasks_of("2.1. Sở Tài chính\n\na) Phối hợp với Công an tỉnh tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí hằng năm.")
    assert ts[0].task.startswith("tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí")
    assert ("Công an tỉnh", "support") in roles(ts[0])


def test_partner_then_the_shared_activity_gives_the_activity():
    # "phối hợp với Y trong công tác VERB …": the activity opener (frames.yaml partner_activity_openers) is
    # dropped with the frame when a verb follows it (bodies13; before, the frame stayed in the text)
    ts = tasks_of("1. Sở Y tế phối hợp với Sở Tài chính trong công tác kiểm tra các cơ sở.")
    assert ts[0].task == "kiểm tra các cơ sở"
    assert ("Sở Tài chính", "support") in roles(ts[0])


def test_partner_without_a_predicate_after_it_stays_in_the_text():
    ts = tasks_of("1. Sở Y tế phối hợp với Sở Tài chính trong công tác này.")
    assert "Sở Tài chính" in ts[0].task or ts[0].task.startswith("trong công tác")


def test_va_phoi_hop_voi_opens_a_new_task_with_its_partners():
    ts = tasks_of("1. Sở Tài chính tổng hợp, trình cấp có thẩm quyền và phối hợp với các sở, ban, ngành "
                  "bố trí kinh phí thực hiện Kế hoạch.")
    assert len(ts) == 2
    assert ts[1].task.startswith("bố trí kinh phí")
    assert ("các sở, ban, ngành", "support") in roles(ts[1])
    assert ("các sở, ban, ngành", "support") not in roles(ts[0])


def test_deadline_phrase_leaves_the_task_text():
    ts = tasks_of("1. Sở Nội vụ hoàn thành việc rà soát biên chế trước ngày 30/6/2026.")
    assert "30/6/2026" not in ts[0].task and ts[0].deadline.date == "2026-06-30"


# ------------------------------------------------------------------ not tasks
def test_short_comma_group_is_not_a_task_alone():
    ts = tasks_of("1. Viện kiểm sát nhân dân tỉnh thực hiện tốt chức năng thực hành quyền công tố, xét xử.")
    assert [t.task for t in ts] == ["thực hiện tốt chức năng thực hành quyền công tố, xét xử"]


def test_short_group_shares_the_object_of_the_next():
    ts = tasks_of("1. Công an tỉnh nắm tình hình, kịp thời phát hiện, triệt phá các đường dây mua bán ma túy.")
    assert len(ts) == 1 and ts[0].task.startswith("nắm tình hình")


def test_predicates_with_their_own_objects_still_split():
    ts = tasks_of("1. Sở Y tế tổ chức tập huấn cho cán bộ y tế cơ sở, kiểm tra việc ghi chép sổ sách tại trạm y tế.")
    assert len(ts) == 2


def test_conditional_liability_tail_is_not_part_of_the_task():
    ts = tasks_of("1. Người đứng đầu cơ quan, đơn vị có trách nhiệm trực tiếp chỉ đạo công tác phòng, chống ma túy "
                  "và xem xét, xử lý kỷ luật nghiêm nếu để tình hình diễn biến phức tạp.")
    assert [t.task for t in ts] == ["trực tiếp chỉ đạo công tác phòng, chống ma túy"]


def test_unconditional_sanction_is_a_task():
    ts = tasks_of("1. Công an tỉnh kiểm tra, xử lý nghiêm các vi phạm về an toàn giao thông.")
    assert [t.task for t in ts] == ["kiểm tra, xử lý nghiêm các vi phạm về an toàn giao thông"]


def test_lead_in_introducing_items_is_not_a_task():
    ts = tasks_of("1. Các sở, ban, ngành tập trung thực hiện các nội dung sau:\n\n"
                  "a) Rà soát các văn bản quy phạm pháp luật của tỉnh.")
    assert [t.task for t in ts] == ["Rà soát các văn bản quy phạm pháp luật của tỉnh"]


# ------------------------------------------------------------------ agency recogniser
@pytest.mark.parametrize("text, expected", [
    # a merged body whose name holds a comma
    ("Báo và Phát thanh, Truyền hình tỉnh tăng thời lượng tuyên truyền.", ["Báo và Phát thanh, Truyền hình tỉnh"]),
    ("Báo và Phát thanh, Truyền hình Lào Cai xây dựng chuyên mục.", ["Báo và Phát thanh, Truyền hình Lào Cai"]),
    # coordinated bodies that each stand alone
    ("Chủ đầu tư, Bên mời thầu công khai thông tin.", ["Chủ đầu tư", "Bên mời thầu"]),
    # a level written with a number
    ("Kho bạc Nhà nước khu vực XI, Ngân hàng Nhà nước khu vực 8 thực hiện.",
     ["Kho bạc Nhà nước khu vực XI", "Ngân hàng Nhà nước khu vực 8"]),
    # Party bodies
    ("Ban Chấp hành Đảng bộ tỉnh lãnh đạo.", ["Ban Chấp hành Đảng bộ tỉnh"]),
    ("Ban Thường vụ Tỉnh ủy, các huyện ủy, thành ủy chỉ đạo.", ["Ban Thường vụ Tỉnh ủy", "các huyện ủy", "thành ủy"]),
    # one head with coordinated levels stays one
    ("UBND các huyện, thị xã, thành phố triển khai.", ["UBND các huyện, thị xã, thành phố"]),
    # a person head takes a bare class or group
    ("Đề nghị người đứng đầu cấp ủy; thủ trưởng cơ quan, đơn vị chỉ đạo.",
     ["người đứng đầu cấp ủy", "thủ trưởng cơ quan, đơn vị"]),
    # standing councils and boards whose names hold lower-case words, commas or verbs
    ("Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh tổ chức hội nghị.",
     ["Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh"]),
    ("Chi cục Dân số tỉnh, Ban Vì sự tiến bộ của phụ nữ tỉnh tham mưu.",
     ["Chi cục Dân số tỉnh", "Ban Vì sự tiến bộ của phụ nữ tỉnh"]),
    ("Tổ chuyên gia, Bên mời thầu đánh giá hồ sơ dự thầu.", ["Tổ chuyên gia", "Bên mời thầu"]),
    # a class named before a bracketed list of its members keeps its words; the members are bodies too
    ("Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý các khu công nghiệp) hướng dẫn nhà đầu tư.",
     ["Các cơ quan đăng ký đầu tư", "Sở Tài chính", "Ban quản lý các khu công nghiệp"]),
    ("Các cơ quan liên quan (nếu có) thực hiện.", ["Các cơ quan liên quan"]),
    # bodies of another province
    ("Sở Tài chính tỉnh Đồng Nai phối hợp với Sở Tài chính thành phố Cần Thơ.",
     ["Sở Tài chính tỉnh Đồng Nai", "Sở Tài chính thành phố Cần Thơ"]),
])
def test_agency_names_whole_and_split(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "Tổ chức truyền thông, tuyên truyền sâu rộng đến người dân.",   # the verb "tổ chức" and its object
    "a) Tổ chức quản lý, giúp đỡ người sau cai nghiện.",
    "Đơn vị chủ trì tham mưu thực hiện:",                           # a label, not a body
    "Cơ quan phối hợp:",
])
def test_not_agency_names(text):
    assert names(text) == []


def test_verb_noun_keeps_a_body_with_its_own_modifier():
    assert names("Tổ chức chính trị - xã hội tỉnh tham gia giám sát.") == ["Tổ chức chính trị - xã hội tỉnh"]
    assert names("Các tổ chức đảng trực thuộc thực hiện.") == ["Các tổ chức đảng trực thuộc"]


# ------------------------------------------------------------------ subjects the recogniser did not know
def test_modal_subject_needs_a_body_head():
    ts = tasks_of("1. Thứ năm, việc giải ngân vốn đầu tư công phải được đẩy nhanh.")
    assert all(not t.agencies for t in ts)
    agents, _, how, _ = subject_of("Các trường trung học phổ thông phải rà soát hồ sơ tồn đọng.")
    assert how == "modal" and agents[0].name == "Các trường trung học phổ thông"
    # bound17: "phòng" is a generic noun and "thuộc Sở" its qualifier, so the recogniser reads this one itself
    agents, _, how, _ = subject_of("Các phòng chuyên môn thuộc Sở phải rà soát hồ sơ tồn đọng.")
    assert how == "subject" and agents[0].name == "Các phòng chuyên môn thuộc Sở"
    agents, _, how, _ = subject_of("Dứt khoát phải rà soát hồ sơ tồn đọng.")
    assert agents == []


def subject_of(sentence: str):
    from directive_nlp.tasks.mentions import find_agencies as mentions_of
    from directive_nlp.tasks.subject import find_subject
    from directive_nlp.tasks.text import mask

    return find_subject(sentence, mask(sentence), 0, len(sentence), mentions_of(sentence))


def test_de_nghi_with_an_unknown_body_headed_phrase():
    ts = tasks_of("1. Đề nghị các chi bộ trực thuộc tổ chức sinh hoạt chuyên đề về an toàn thông tin.")
    assert ts[0].agencies and ts[0].agencies[0].role == "lead"
    assert ts[0].task.startswith("tổ chức sinh hoạt chuyên đề")


def test_party_class_nouns_split_and_stop_before_the_verb():
    assert names("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương cụ thể hóa Nghị quyết.") == [
        "Các tỉnh ủy", "thành ủy", "đảng ủy trực thuộc Trung ương"]
    assert names("Đề nghị các đồng chí Bí thư cấp ủy cơ sở trực tiếp chỉ đạo.") == ["các đồng chí Bí thư cấp ủy cơ sở"]


def test_conditional_clause_then_its_actor():
    agents, _, how, _ = subject_of("Trường hợp phát sinh vướng mắc, thì Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh.")
    assert [a.name for a in agents] == ["Sở Tài chính"]
    agents, _, how, _ = subject_of("Trường hợp phát sinh vướng mắc thì kịp thời báo cáo Ủy ban nhân dân tỉnh.")
    assert agents == []


def test_adverb_before_the_role_frame():
    ts = tasks_of("1. Bộ Xây dựng khẩn trương chủ trì, phối hợp với Bộ Tài chính, các cơ quan liên quan, hoàn thiện "
                  "hồ sơ trình Chính phủ.")
    assert [t.task for t in ts] == ["hoàn thiện hồ sơ trình Chính phủ"]
    assert roles(ts[0]) == [("Bộ Xây dựng", "lead"), ("Bộ Tài chính", "support"), ("các cơ quan liên quan", "support")]


def test_a_run_of_bare_verbs_shares_the_object_after_it():
    ts = tasks_of("1. Sở Công Thương\n\na) Chủ trì tổng hợp, phân tích, dự báo giá thị trường hằng quý.")
    assert [t.task for t in ts] == ["tổng hợp, phân tích, dự báo giá thị trường"]


@pytest.mark.parametrize("text, verb", [
    ("tổ chức hội nghị sơ kết", True), ("tổ chức tập huấn", True), ("tổ chức thực hiện Kế hoạch", True),
    ("tổ chức tôn giáo trên địa bàn", False), ("tổ chức, cá nhân", False), ("tổ chức đảng", False),
])
def test_to_chuc_verb_or_noun(text, verb):
    from directive_nlp.tasks.predicates import is_verb_start
    assert is_verb_start(text) is verb


def test_result_tail_stays_in_its_task():
    ts = tasks_of("1. Công an tỉnh tăng cường tuần tra, kiểm soát các tuyến biên giới, không để tội phạm lợi dụng "
                  "vận chuyển hàng cấm.")
    assert len(ts) == 1 and ts[0].task.endswith("không để tội phạm lợi dụng vận chuyển hàng cấm")
    ts = tasks_of("1. Công an tỉnh tăng cường tuần tra các tuyến biên giới; không để tội phạm lợi dụng vận chuyển hàng cấm.")
    assert len(ts) == 2  # after ";" it is a clause of its own


def test_segment_ending_in_a_verb_waits_for_the_object_after_the_comma():
    ts = tasks_of("1. Sở Tư pháp rà soát, kiến nghị cấp có thẩm quyền sửa đổi, bổ sung các văn bản quy phạm pháp luật.")
    assert len(ts) == 1
    # a verb that closes a noun phrase ("chủ đầu tư") does not wait
    ts = tasks_of("1. Sở Tài chính theo dõi tiến độ giải ngân của từng chủ đầu tư, hướng dẫn các chủ đầu tư hoàn thiện "
                  "hồ sơ thanh toán.")
    assert len(ts) == 2


def test_role_word_followed_by_its_partner_is_the_verb():
    assert names("Lực lượng Công an phối hợp với Sở Y tế kiểm tra.") == ["Lực lượng Công an", "Sở Y tế"]
    assert names("Các cơ quan phối hợp có trách nhiệm cung cấp thông tin.") == ["Các cơ quan phối hợp"]


def test_partners_named_first_serve_every_clause_of_the_sentence():
    ts = tasks_of("2.1. Sở Tài chính\n\na) Phối hợp với Công an tỉnh tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí hằng "
                  "năm; hướng dẫn các đơn vị thanh quyết toán kinh phí theo quy định.")
    assert len(ts) == 2
    assert all(("Công an tỉnh", "support") in roles(t) for t in ts)
    # not into the next sentence
    ts = tasks_of("2.1. Sở Tài chính\n\na) Phối hợp với Công an tỉnh tham mưu Ủy ban nhân dân tỉnh bố trí kinh phí hằng "
                  "năm. Hướng dẫn các đơn vị thanh quyết toán kinh phí theo quy định.")
    assert ("Công an tỉnh", "support") not in roles(ts[-1])


def test_unknown_body_between_known_names_of_one_subject_list():
    agents, _, how, _ = subject_of("Các sở, ban, ngành cấp tỉnh, cơ quan ngành dọc đóng trên địa bàn, Ủy ban nhân dân xã, "
                                   "phường xây dựng kế hoạch thực hiện.")
    assert [a.name for a in agents] == ["Các sở, ban, ngành cấp tỉnh", "cơ quan ngành dọc đóng trên địa bàn",
                                        "Ủy ban nhân dân xã, phường"]
    # a verb phrase between two names is no body
    agents, _, _, _ = subject_of("Sở Y tế, các trường học kiểm tra các cơ sở, Sở Tài chính bố trí kinh phí.")
    assert "Sở Tài chính" not in [a.name for a in agents]


def test_a_task_is_never_cut_inside_an_agency_name():
    ts = tasks_of("1. Công an tỉnh tổng hợp kết quả, gửi về Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng "
                  "phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh để theo dõi.")
    assert not any(t.task.startswith("xây dựng phong trào") for t in ts)
    ts = tasks_of("1. Sở Y tế phối hợp với Sở Văn hóa, Thể thao và Du lịch kiểm tra các cơ sở lưu trú, và tổ chức tập huấn "
                  "cho nhân viên.")
    assert not any(t.task.startswith(("Thể thao", "Du lịch")) for t in ts)


def test_open_lead_support_frame_is_a_lead_in_for_the_items():
    from directive_nlp.tasks.clauses import analyze_sentence
    from directive_nlp.tasks.mentions import find_agencies as mentions_of
    from directive_nlp.tasks.text import mask

    for line, is_open in (("Chủ trì, phối hợp", True), ("Chủ trì, phối hợp với:", True),
                          ("Chủ trì, phối hợp với Sở Tài chính rà soát các dự án.", False)):
        res = analyze_sentence(line, mask(line), 0, len(line), mentions_of(line), [], carried=[])
        assert res.open_support is is_open and (not is_open or not res.drafts)


def test_items_under_an_open_lead_support_frame_name_partners():
    from directive_nlp.tasks.clauses import analyze_sentence
    from directive_nlp.tasks.mentions import find_agencies as mentions_of
    from directive_nlp.tasks.text import mask

    item = "Sở Tài chính và các đơn vị có liên quan tham mưu Ủy ban nhân dân tỉnh bố trí ngân sách."
    lead = mentions_of("Công an tỉnh")
    res = analyze_sentence(item, mask(item), 0, len(item), mentions_of(item), [], carried=lead, partners=True)
    d = res.drafts[0]
    assert [a.name for a in d.leads] == ["Công an tỉnh"]
    assert [a.name for a in d.supports] == ["Sở Tài chính", "các đơn vị có liên quan"]
    # without the frame above it, the item's own subject leads
    res = analyze_sentence(item, mask(item), 0, len(item), mentions_of(item), [], carried=lead)
    assert [a.name for a in res.drafts[0].leads] == ["Sở Tài chính", "các đơn vị có liên quan"]


# ------------------------------------------------------------------ commas inside one phrase (check30 family 1)
@pytest.mark.parametrize("body, expected", [
    ("1. Sở Thông tin và Truyền thông tạo thị trường dữ liệu phát triển lành mạnh, an toàn, tuân thủ pháp luật.",
     "tạo thị trường dữ liệu phát triển lành mạnh, an toàn, tuân thủ pháp luật"),
    ("1. Sở Khoa học và Công nghệ xây dựng hệ thống thông tin theo hướng thống nhất, tự động, hiện đại, "
     "ứng dụng trí tuệ nhân tạo, đồng bộ.",
     "xây dựng hệ thống thông tin theo hướng thống nhất, tự động, hiện đại, ứng dụng trí tuệ nhân tạo, đồng bộ"),
])
def test_list_of_qualities_is_not_cut_into_tasks(body, expected):
    assert [t.task for t in tasks_of(body)] == [expected]


def test_a_verb_after_an_object_that_is_not_a_quality_still_splits():
    ts = tasks_of("1. Sở Y tế rà soát hồ sơ của các trạm y tế xã, phường, kiểm tra việc ghi chép sổ sách tại trạm y tế.")
    assert len(ts) == 2 and ts[1].task.startswith("kiểm tra")


def test_agent_noun_is_not_a_predicate():
    from directive_nlp.tasks.predicates import is_verb_start
    assert not is_verb_start("nghiên cứu viên trình độ tiến sĩ")
    assert not is_verb_start("nghiên cứu sinh")
    assert is_verb_start("nghiên cứu việc sửa đổi quy chế")
    ts = tasks_of("1. Sở Giáo dục và Đào tạo đẩy mạnh đào tạo đội ngũ giảng viên, nghiên cứu viên trình độ tiến sĩ.")
    assert len(ts) == 1 and "nghiên cứu viên" in ts[0].task


# ------------------------------------------------------------------ topic headings are not bodies (check30 family 3)
@pytest.mark.parametrize("text", ["Tổ chức, bộ máy", "Các ngành, lĩnh vực khác", "Tổ chức hội nghị sơ kết", "xây dựng bộ tiêu chí"])
def test_common_nouns_made_on_generic_nouns_are_not_agencies(text):
    assert names(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Các sở, ban, ngành", ["Các sở, ban, ngành"]),
    ("các cơ quan, đơn vị, địa phương", ["các cơ quan, đơn vị, địa phương"]),
    ("Bộ Công an", ["Bộ Công an"]),
])
def test_generic_groups_and_bodies_still_found(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("heading", ["1. Tổ chức, bộ máy", "7. Các ngành, lĩnh vực khác"])
def test_topic_heading_gives_no_actor(heading):
    ts = tasks_of(f"{heading}\n\nTổ chức các Tổ công nghệ số cộng đồng đến từng thôn, ấp.", "V. GIẢI PHÁP")
    assert ts and ts[0].agencies == []


def test_body_heading_still_gives_the_actor():
    ts = tasks_of("1. Sở Tài chính\n\nTổ chức các lớp tập huấn về quản lý giá.", "V. NHIỆM VỤ")
    assert ts and [a.name for a in ts[0].agencies] == ["Sở Tài chính"]


# ------------------------------------------------------------------ whole agency names (check30 family 3)
@pytest.mark.parametrize("text, expected", [
    ("Ban Quản lý các Khu công nghiệp, khu kinh tế triển khai chiến lược",
     ["Ban Quản lý các Khu công nghiệp, khu kinh tế"]),
    ("Các doanh nghiệp công nghệ số nâng cao năng suất", ["Các doanh nghiệp công nghệ số"]),
    ("Các cơ sở đào tạo đại học đẩy mạnh đào tạo", ["Các cơ sở đào tạo đại học"]),
])
def test_names_kept_whole(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a lower-case word after the comma that is not the name's noun ends the name
    ("Ban Quản lý các Khu công nghiệp, Sở Y tế", ["Ban Quản lý các Khu công nghiệp", "Sở Y tế"]),
    # "cơ sở" inside a verb phrase is not a class of bodies
    ("Sở Y tế xây dựng cơ sở dữ liệu", ["Sở Y tế"]),
])
def test_names_not_run_on(text, expected):
    assert names(text) == expected


def test_item_actor_with_a_class_noun_subject():
    ts = tasks_of("1. Các cơ sở đào tạo đại học đẩy mạnh đào tạo đội ngũ giảng viên, nghiên cứu viên trình độ tiến sĩ.")
    assert [a.name for a in ts[0].agencies] == ["Các cơ sở đào tạo đại học"]


# ------------------------------------------------------------------ actor of a bullet lead-in (check30 family 2)
_NESTED = ("m) Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:\n\n- Triển khai hệ thống giám sát môi trường.\n\n"
           "- Ủy ban nhân dân thành phố Hà Nội và Ủy ban nhân dân Thành phố Hồ Chí Minh cần tập trung:\n\n"
           "+ Xây dựng hệ thống quan trắc tự động.\n\n+ Kiểm soát nguồn thải từ giao thông.\n\n"
           "- Rà soát các dự án đầu tư có nguy cơ gây ô nhiễm.\n")


def test_plus_items_take_the_actor_of_their_bullet_lead_in():
    ts = {t.task: [a.name for a in t.agencies] for t in tasks_of(_NESTED, "III. NHIỆM VỤ")}
    city = ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân Thành phố Hồ Chí Minh"]
    outer = ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]
    assert ts["Xây dựng hệ thống quan trắc tự động"] == city
    assert ts["Kiểm soát nguồn thải từ giao thông"] == city
    # a sibling bullet after the nested items goes back to the outer actor
    assert ts["Triển khai hệ thống giám sát môi trường"] == outer
    assert ts["Rà soát các dự án đầu tư có nguy cơ gây ô nhiễm"] == outer
    assert "tập trung" not in ts  # a bare verb before the colon only leads in the items


def test_bullet_with_an_object_before_the_colon_is_still_a_task():
    ts = tasks_of("1. Sở Y tế:\n\n- Sở Tài chính bố trí kinh phí cho các nội dung:\n\n+ Mua sắm trang thiết bị y tế.\n",
                  "III. NHIỆM VỤ")
    assert any("bố trí kinh phí" in t.task for t in ts)


# ------------------------------------------------------------------ follow-on paragraph of a numbered item (check30 family 2)
def test_unnumbered_paragraph_continues_the_actor_of_its_numbered_item():
    ts = tasks_of("2. Sở Nội vụ chủ trì hướng dẫn triển khai kế hoạch này.\n\n"
                  "Chỉ đạo các phòng chuyên môn hỗ trợ đối với cán bộ cao tuổi.\n\n3. Sở Tài chính bố trí kinh phí.",
                  "III. TỔ CHỨC THỰC HIỆN")
    by = {t.task: [a.name for a in t.agencies] for t in ts}
    assert by["Chỉ đạo các phòng chuyên môn hỗ trợ đối với cán bộ cao tuổi"] == ["Sở Nội vụ"]


def test_actor_named_later_in_the_item_does_not_carry():
    ts = tasks_of("1.1. Tăng cường sự lãnh đạo của Đảng trong công tác phòng, chống ma túy. "
                  "Mỗi cán bộ, đảng viên phải gương mẫu thực hiện.\n\n"
                  "Tổ chức truyền thông sâu rộng đến các tầng lớp nhân dân.", "III. NHIỆM VỤ")
    by = {t.task: [a.name for a in t.agencies] for t in ts}
    assert by["Tổ chức truyền thông sâu rộng đến các tầng lớp nhân dân"] == []


# ------------------------------------------------------------------ fronted condition (check30 family 4)
def test_fronted_condition_is_not_a_task_alone():
    ts = tasks_of("1. Sở Công Thương bảo đảm nguồn hàng. Khi cấp phát tại khu vực nguy hiểm, bố trí lực lượng cảnh giới.")
    texts = [t.task for t in ts]
    assert "Khi cấp phát tại khu vực nguy hiểm" not in texts
    assert any(t.startswith("Khi cấp phát") and "bố trí lực lượng cảnh giới" in t for t in texts)


def test_a_condition_later_in_the_sentence_does_not_join_groups():
    ts = tasks_of("1. Sở Y tế tổ chức tập huấn cho cán bộ y tế cơ sở, kiểm tra việc ghi chép sổ sách khi có yêu cầu.")
    assert len(ts) == 2


def test_bare_chu_tri_phoi_hop_heading_makes_its_bullets_partners():
    body = ("1. Công an tỉnh\n\nb) Chủ trì, phối hợp\n\n"
            "- Sở Tài chính tham mưu Ủy ban nhân dân tỉnh bố trí ngân sách.\n\n"
            "c) Sở Nội vụ hướng dẫn thi đua khen thưởng.\n\n- Sở Tư pháp tổ chức tuyên truyền pháp luật.")
    ts = {t.task: roles(t) for t in tasks_of(body, heading="III. TỔ CHỨC THỰC HIỆN")}
    assert ts["tham mưu Ủy ban nhân dân tỉnh bố trí ngân sách"] == [("Công an tỉnh", "lead"), ("Sở Tài chính", "support")]
    # a bullet under any other heading keeps its own body as lead
    assert ts["tổ chức tuyên truyền pháp luật"] == [("Sở Tư pháp", "lead")]


# ------------------------------------------------------------------ a basis ending at a document reference
@pytest.mark.parametrize("basis", ["căn cứ Kế hoạch này", "căn cứ Chỉ thị số 05/CT-TTg",
                                   "căn cứ Quyết định số 12/QĐ-UBND ngày 03/5/2025", "căn cứ chức năng của mình"])
def test_basis_ending_at_a_document_reference_leaves_the_verb_to_the_task(basis):
    tasks = tasks_of(f"1. Sở Y tế {basis} xây dựng kế hoạch của đơn vị, gửi Sở Nội vụ trước ngày 15/4/2026.")
    assert tasks[0].task.startswith("xây dựng kế hoạch của đơn vị"), [t.task for t in tasks]
    assert roles(tasks[0]) == [("Sở Y tế", "lead")]


@pytest.mark.parametrize("basis", ["căn cứ kết quả khảo sát thực tế", "căn cứ kết quả rà soát",
                                   "căn cứ hướng dẫn của Sở Tư pháp"])
def test_basis_without_a_document_reference_ends_at_its_comma(basis):
    tasks = tasks_of(f"1. Sở Y tế {basis}, xây dựng kế hoạch thực hiện trước ngày 15/4/2026.")
    assert [t.task for t in tasks] == ["xây dựng kế hoạch thực hiện"]


# ------------------------------------------------------------------ a ";" clause that only times the one before
@pytest.mark.parametrize("tail, kind", [("thực hiện thường xuyên", "ongoing"),
                                        ("hoàn thành trước ngày 30/9/2026", "by")])
def test_clause_of_only_a_time_times_the_clause_before(tail, kind):
    tasks = tasks_of(f"1. Công an tỉnh chủ trì, phối hợp với Sở Tư pháp làm sạch dữ liệu dân cư; {tail}.")
    assert [t.task for t in tasks] == ["làm sạch dữ liệu dân cư"]
    assert tasks[0].deadline is not None and tasks[0].deadline.kind == kind


def test_clause_with_its_own_object_after_thuc_hien_stays_a_task():
    tasks = tasks_of("1. Công an tỉnh làm sạch dữ liệu dân cư; thực hiện kiểm tra định kỳ hằng quý.")
    assert [t.task for t in tasks] == ["làm sạch dữ liệu dân cư", "thực hiện kiểm tra"]


def test_time_comma_group_after_a_report_joins_it():
    tasks = tasks_of("1. Ủy ban nhân dân các xã, phường tiếp nhận hồ sơ trên Hệ thống; báo cáo kết quả "
                     "định kỳ hằng quý, trước ngày 20 của tháng cuối quý.")
    assert [t.task for t in tasks] == ["tiếp nhận hồ sơ trên Hệ thống", "báo cáo kết quả"]
    assert tasks[1].deadline.kind == "recurring" and tasks[1].deadline.day == 20

# ------------------------------------------------------------------ the partner slot, open qualifiers, coordination as object
def test_unknown_partner_after_a_support_frame_is_a_body():
    # the slot after "phối hợp với" holds bodies: a body-headed phrase the recogniser does not know is the partner
    ts = tasks_of("1. Sở Giáo dục và Đào tạo\n\na) Phối hợp với Ban Đại diện cha mẹ học sinh thường xuyên "
                  "nhắc nhở, giáo dục học sinh.", heading="III. TỔ CHỨC THỰC HIỆN")
    # the partner leaves the text; "thường xuyên" before the verb is the task's time (docs/deadlines.md)
    assert ts[0].task.startswith("nhắc nhở") and ts[0].deadline.kind == "ongoing"
    assert ("Ban Đại diện cha mẹ học sinh", "support") in roles(ts[0])


def test_partner_slot_without_a_body_head_names_nobody():
    # "phối hợp nhịp nhàng …" / "phối hợp tuyên truyền …": no body-headed phrase after the frame
    ts = tasks_of("1. Sở Y tế\n\na) Phối hợp tuyên truyền, vận động nhân dân tham gia bảo hiểm y tế.",
                  heading="III. TỔ CHỨC THỰC HIỆN")
    assert all(r[1] == "lead" for t in ts for r in roles(t))


def test_intensifier_before_a_class_noun_opens_the_group():
    assert names("Phối hợp chặt chẽ lực lượng Công an và các lực lượng liên quan thực hiện") == [
        "lực lượng Công an", "các lực lượng liên quan"]
    # "chặt chẽ" alone does not make a body of a common noun after it
    assert names("quản lý chặt chẽ lực lượng lao động") == []


@pytest.mark.parametrize("stop", ["để", "nhằm"])
def test_open_qualifier_stops_before_a_purpose_clause(stop):
    assert names(f"phối hợp với các Sở, ban, ngành được giao chủ trì {stop} tham mưu tổ chức thực hiện các Dự án") == [
        "các Sở, ban, ngành được giao chủ trì"]
    # the open qualifier still runs on to the object it names
    assert names("Các đơn vị được giao nhiệm vụ Chủ đầu tư khẩn trương triển khai") == [
        "Các đơn vị được giao nhiệm vụ Chủ đầu tư"]


def test_coordination_governed_by_a_verb_under_an_actor_is_the_object():
    ts = tasks_of("1. Ủy ban nhân dân các xã, phường\n\na) Tăng cường phối hợp hiệu quả giữa chính quyền, "
                  "lực lượng Công an và gia đình trong quản lý người nghiện.", heading="III. TỔ CHỨC THỰC HIỆN")
    assert roles(ts[0]) == [("Ủy ban nhân dân các xã, phường", "lead")]
    # "Phối hợp giữa X, Y" opening the clause: X and Y act together, whoever the heading names
    ts = tasks_of("1. Ủy ban nhân dân các xã, phường\n\na) Phối hợp giữa Công an xã, Đồn Biên phòng trong tuần tra "
                  "khu vực biên giới.", heading="III. TỔ CHỨC THỰC HIỆN")
    assert ("Công an xã", "lead") in roles(ts[0])


def test_bare_nouns_coordinated_after_a_person_head_are_one_modifier():
    assert names("Người đứng đầu cấp ủy, chính quyền, cơ quan, tổ chức có trách nhiệm trực tiếp lãnh đạo") == [
        "Người đứng đầu cấp ủy, chính quyền, cơ quan, tổ chức"]
    # a name with a capital or a determiner after the comma is another body
    assert names("Người đứng đầu cấp ủy, Sở Y tế và các tổ chức chính trị - xã hội") == [
        "Người đứng đầu cấp ủy", "Sở Y tế", "các tổ chức chính trị - xã hội"]
    # without a person head the class nouns still split (ANNOTATION.md)
    assert names("Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy") == [
        "Các huyện ủy", "thành ủy", "đảng ủy trực thuộc Tỉnh ủy"]


@pytest.mark.parametrize("sentence", [
    "1. Công an tỉnh tổ chức tấn công, trấn áp, truy quét tội phạm ma túy tại các địa bàn trọng điểm.",
    "1. Công an tỉnh triển khai các kế hoạch, phương án đấu tranh, ngăn chặn, bắt giữ các loại tội phạm ma túy.",
    "1. Sở Nội vụ kịp thời biểu dương, khen thưởng những tập thể, cá nhân có thành tích.",
    "1. Công an tỉnh phối hợp tiến hành kiểm định, kiểm tra an ninh thiết bị điện tử trước khi đưa vào sử dụng.",
])
def test_paired_verbs_share_the_object_after_the_comma(sentence):
    # a comma group that ends in a verb pairing before a shared object (paired_verbs) does not close its task
    assert len(tasks_of(sentence)) == 1


def test_a_group_ending_in_its_object_still_splits_before_the_next_verb():
    ts = tasks_of("1. Công an tỉnh tăng cường tuần tra khu vực biên giới, phát hiện các đối tượng vận chuyển ma túy.")
    assert len(ts) == 2


def test_a_noun_ending_in_a_verb_syllable_closes_its_group():
    # "Chương trình" ends in "trình" (submit) but is a noun: the group has its object and the next verb splits
    ts = tasks_of("1. Công an tỉnh\n\na) Tổng hợp tình hình, kết quả thực hiện Chương trình, tham mưu Ủy ban nhân dân "
                  "tỉnh báo cáo theo quy định.", heading="III. TỔ CHỨC THỰC HIỆN")
    assert [t.task for t in ts] == ["Tổng hợp tình hình, kết quả thực hiện Chương trình",
                                    "tham mưu Ủy ban nhân dân tỉnh báo cáo theo quy định"]
    # a real verb at the end still waits for the object after the comma
    ts = tasks_of("1. Sở Tư pháp rà soát, kiến nghị cấp có thẩm quyền sửa đổi, bổ sung các văn bản quy phạm pháp luật.")
    assert len(ts) == 1


@pytest.mark.parametrize("tail", ["gắn với cuộc vận động xây dựng nông thôn mới", "góp phần nâng cao nhận thức của người dân"])
def test_result_and_manner_tails_stay_in_their_task(tail):
    ts = tasks_of(f"1. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phát động phong trào toàn dân tham gia phòng, chống ma túy, {tail}.")
    assert len(ts) == 1 and ts[0].task.endswith(tail)


def test_a_new_verb_after_the_comma_is_not_a_tail():
    ts = tasks_of("1. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phát động phong trào toàn dân tham gia phòng, chống ma túy, "
                  "giám sát việc thực hiện chính sách tại cơ sở.")
    assert len(ts) == 2


def test_dong_thoi_opens_a_new_task_inside_a_content_label():
    body = ("1. Xây dựng kiến trúc số\n\na) Nhiệm vụ: Lựa chọn kiến trúc sư trưởng về chuyển đổi số, đồng thời phối hợp "
            "Bộ Công an, Bộ Khoa học và Công nghệ để xây dựng Khung Kiến trúc số.\n\nb) Đơn vị chủ trì: Sở Khoa học và "
            "Công nghệ.\n\nc) Thời gian hoàn thành: Năm 2026.")
    ts = {t.task: roles(t) for t in tasks_of(body)}
    assert "Lựa chọn kiến trúc sư trưởng về chuyển đổi số" in ts
    # the partners leave the task text (the notes of the extra gold: the task starts at the verb after them)
    rest = [r for k, r in ts.items() if k.startswith("xây dựng Khung Kiến trúc số")]
    assert rest and ("Bộ Công an", "support") in rest[0] and ("Sở Khoa học và Công nghệ", "lead") in rest[0]
    # the other commas of a content line still do not split it
    body = ("1. Dữ liệu\n\na) Nhiệm vụ: Rà soát, chuẩn hóa, đồng bộ dữ liệu dân cư.\n\nb) Đơn vị chủ trì: Công an thành phố.")
    assert len(tasks_of(body)) == 1


def test_a_long_basis_runs_to_the_partner_frame_and_de_leads_to_the_task():
    body = ("1. Các Sở, ban, ngành khác\n\nCăn cứ chức năng, nhiệm vụ, quyền hạn và theo quy định của Luật Phòng, chống ma "
            "túy, các văn bản chỉ đạo của Chính phủ, Bộ, ngành và tỉnh, phối hợp với Sở Y tế để tham mưu và tổ chức "
            "thực hiện các dự án thành phần.")
    ts = tasks_of(body, heading="III. TỔ CHỨC THỰC HIỆN")
    assert [t.task for t in ts] == ["tham mưu và tổ chức thực hiện các dự án thành phần"]
    assert roles(ts[0]) == [("Các Sở, ban, ngành khác", "lead"), ("Sở Y tế", "support")]


def test_de_with_no_verb_after_it_keeps_the_partners_in_the_text():
    ts = tasks_of("1. Sở Tài chính phối hợp với Sở Nội vụ để kinh phí được bố trí kịp thời.")
    assert ts and "Sở Nội vụ" in ts[0].task


def test_report_to_a_body_after_va_is_a_step_of_its_own():
    ts = tasks_of("6. Giao Sở Tư pháp theo dõi, đôn đốc các cơ quan triển khai thực hiện Kế hoạch này; tham mưu sơ kết, "
                  "tổng kết và định kỳ báo cáo UBND tỉnh theo quy định.", heading="IV. TỔ CHỨC THỰC HIỆN")
    texts = [t.task for t in ts]
    assert "tham mưu sơ kết, tổng kết" in texts
    assert any(t.startswith("báo cáo UBND tỉnh") for t in texts)


def test_report_inside_a_purpose_stays_in_its_task():
    ts = tasks_of("1. Sở Tài chính thu thập số liệu để tổng hợp và báo cáo UBND tỉnh.")
    assert len(ts) == 1


def test_support_frame_after_bare_verbs_and_va_names_partners():
    ts = tasks_of("1. Chi cục Hải quan tỉnh\n\na) Phát hiện và phối hợp với lực lượng chức năng điều tra các vụ vận chuyển "
                  "trái phép chất ma túy.", heading="III. TỔ CHỨC THỰC HIỆN")
    assert ts[0].task.startswith("Phát hiện và phối hợp với lực lượng chức năng điều tra")
    assert ("lực lượng chức năng", "support") in roles(ts[0])
    # "và" after an object, not after bare verbs: the phrase is not read as a frame of the whole task
    ts = tasks_of("1. Sở Y tế\n\na) Kiểm tra các cơ sở điều trị và phối hợp giữa các bệnh viện trong tỉnh.",
                  heading="III. TỔ CHỨC THỰC HIỆN")
    assert all(r[1] == "lead" for t in ts for r in roles(t))


def test_a_lone_generic_noun_opening_a_list_of_bodies_is_a_body():
    assert names("Doanh nghiệp, nhà cung cấp dịch vụ viễn thông, nhà đầu tư bảo đảm kinh phí") == [
        "Doanh nghiệp", "nhà cung cấp dịch vụ viễn thông", "nhà đầu tư"]
    # not when no body follows the comma, and not inside a list of topics
    assert names("Doanh nghiệp, kinh tế tư nhân phát triển mạnh") == []
    assert names("Tổ chức, bộ máy") == []


def test_basis_with_a_purpose_gives_the_purpose_as_the_task():
    body = ("1. Ủy ban nhân dân các tỉnh\n\na) Căn cứ mục tiêu, nội dung, giải pháp của Đề án để cụ thể hóa thành các "
            "chương trình, kế hoạch chuyển đổi số hoạt động xây dựng, quản lý, khai thác kết cấu hạ tầng của địa phương.")
    ts = tasks_of(body, heading="III. TỔ CHỨC THỰC HIỆN")
    assert len(ts) == 1 and ts[0].task.startswith("cụ thể hóa thành các chương trình")


def test_partner_known_only_in_part_is_kept_as_written():
    ts = tasks_of("1. Sở Tài chính\n\na) Phối hợp với Bộ ngành Trung ương triển khai thực hiện các cơ chế chính sách.",
                  heading="III. TỔ CHỨC THỰC HIỆN")
    assert ("Bộ ngành Trung ương", "support") in roles(ts[0])


def test_innovation_and_digital_transformation_stays_one_noun_phrase():
    # "sáng tạo" ends in the verb "tạo" but is not in verb_final_nouns: "… sáng tạo và chuyển đổi số" is not cut at "và"
    ts = tasks_of("1. Sở Khoa học và Công nghệ phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số của tỉnh.")
    assert any("đổi mới sáng tạo và chuyển đổi số" in t.task for t in ts)


def test_new_lexicon_keys_are_validated():
    from directive_nlp.tasks.lexicon import load_lexicon_data
    data = dict(load_lexicon_data())
    assert "chương trình" in data["verb_final_nouns"] and "đồng thời" in data["clause_connectives"]
    assert "đấu tranh" in data["paired_verbs"] and "gắn với" in data["result_tails"]
    from directive_nlp.tasks import lexicon as lx
    required = {k: list for k in lx._LISTS}
    required.update(labels=dict, table_columns=dict)
    optional = {k: list for k in lx._OPTIONAL_LISTS}
    optional["min_task_syllables"] = int
    with pytest.raises(VocabularyError):
        validate_vocabulary({**data, "verb_final_nouns": "chương trình"}, source="task_lexicon.yaml",
                            required=required, optional=optional)
    with pytest.raises(VocabularyError, match="unknown key"):
        validate_vocabulary({**data, "clause_conectives": []}, source="task_lexicon.yaml",
                            required=required, optional=optional)


@pytest.mark.parametrize("text, rest", [
    ("tiếp tục, chỉ đạo các xã", "chỉ đạo các xã"),     # a governing prefix is read past
    ("chỉ đạo các xã", "chỉ đạo các xã"),               # none: unchanged
    ("thực hiện chỉ đạo các xã", "thực hiện chỉ đạo các xã"),  # not a governing prefix
])
def test_governing_prefixes_from_task_lexicon(text, rest):
    from directive_nlp.tasks.splitting import _GOVERN_PREFIX

    assert _GOVERN_PREFIX.sub("", text) == rest


@pytest.mark.parametrize("text, only_time", [
    ("hoàn thành xong", True),
    ("báo cáo kết quả", True),
    ("tổ chức hội nghị", False),
])
def test_time_clause_words_from_task_lexicon(text, only_time):
    from directive_nlp.tasks.splitting import _TIME_ONLY
    from directive_nlp.tasks.text import words

    assert (not words(_TIME_ONLY.sub(" ", text))) is only_time


def test_verb_like_noun_in_an_object_list_is_not_a_new_task():
    ts = tasks_of("1. Sở Thông tin và Truyền thông tổ chức giám sát an ninh mạng cho các nền tảng dữ liệu và "
                  "ứng dụng vận hành hạ tầng trọng yếu.")
    assert len(ts) == 1 and "ứng dụng vận hành" in ts[0].task
    ts = tasks_of("1. Sở Y tế xây dựng các cơ sở cai nghiện ma túy chất lượng cao, ứng dụng khoa học và công nghệ "
                  "hiện đại trong quản lý, điều trị.")
    assert len(ts) == 2 and ts[1].task.startswith("ứng dụng khoa học")


def test_verb_like_noun_after_a_bare_noun_item_joins_the_list():
    ts = tasks_of("1. Công an tỉnh đầu tư trang thiết bị, phương tiện, ứng dụng khoa học và công nghệ hiện đại.")
    assert len(ts) == 1 and "phương tiện, ứng dụng khoa học" in ts[0].task


def test_verb_like_noun_after_a_noun_head_pair_is_not_a_new_task():
    ts = tasks_of("1. Sở Nông nghiệp và Môi trường nâng cao năng lực quản lý và ứng dụng công nghệ trong sản xuất.")
    assert len(ts) == 1 and "quản lý và ứng dụng công nghệ" in ts[0].task


# ------------------------------------------------------------------ role brackets (tasks/members.py)
@pytest.mark.parametrize("body, expected", [
    # the subject: a group, then the members its bracket lists, all lead
    ("1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý các Khu công nghiệp tỉnh) tiếp nhận hồ sơ "
     "của nhà đầu tư.",
     [("Các cơ quan đăng ký đầu tư", "lead"), ("Sở Tài chính", "lead"),
      ("Ban Quản lý các Khu công nghiệp tỉnh", "lead")]),
    # the body a sentence "giao" the work to
    ("1. Giao các cơ quan chuyên môn (Sở Xây dựng, Sở Công Thương) kiểm tra chất lượng công trình.",
     [("các cơ quan chuyên môn", "lead"), ("Sở Xây dựng", "lead"), ("Sở Công Thương", "lead")]),
    # the body a sentence "đề nghị" the work to
    ("1. Đề nghị các tổ chức chính trị - xã hội (Hội Nông dân tỉnh, Hội Liên hiệp Phụ nữ tỉnh) tuyên truyền "
     "đến hội viên.",
     [("các tổ chức chính trị - xã hội", "lead"), ("Hội Nông dân tỉnh", "lead"),
      ("Hội Liên hiệp Phụ nữ tỉnh", "lead")]),
    # a partner after "phối hợp với": the members are partners too
    ("1. Sở Kế hoạch phối hợp chặt chẽ với các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý Khu kinh tế) "
     "giải quyết thủ tục.",
     [("Sở Kế hoạch", "lead"), ("các cơ quan đăng ký đầu tư", "support"), ("Sở Tài chính", "support"),
      ("Ban Quản lý Khu kinh tế", "support")]),
])
def test_role_bracket_members_in_a_sentence(body, expected):
    ts = tasks_of(body)
    assert len(ts) == 1 and roles(ts[0]) == expected


@pytest.mark.parametrize("body, expected", [
    # one named body with its parent in brackets: the parent is not an actor of the task
    ("1. Trung tâm Dịch vụ việc làm (Sở Nội vụ) tổ chức phiên giao dịch việc làm.",
     [("Trung tâm Dịch vụ việc làm", "lead")]),
    # members named by a shared head stay inside the group
    ("1. Các sở, ngành (gồm các Sở: Xây dựng, Công Thương) hướng dẫn kiểm kê tài sản.", [("Các sở, ngành", "lead")]),
    # a channel, not a member
    ("1. Các sở, ngành (qua Sở Tư pháp) báo cáo kết quả thực hiện.", [("Các sở, ngành", "lead")]),
    # a note after the group
    ("1. Các cơ quan liên quan (nếu có) cử cán bộ tham gia đoàn kiểm tra.", [("Các cơ quan liên quan", "lead")]),
])
def test_role_bracket_leaves_other_brackets(body, expected):
    ts = tasks_of(body)
    assert len(ts) == 1 and roles(ts[0]) == expected


# ------------------------------------------------------------------ defect17: label values that are work
def test_a_label_value_opening_with_a_standard_keeps_the_label_as_the_work():
    from directive_nlp.tasks.not_tasks import action_label
    assert action_label("Lắp đặt các trạm phát sóng", " Đảm bảo độ phủ sóng rộng khắp.")
    assert action_label("Vận hành thử hệ thống camera", " Bảo đảm hoạt động ổn định.")
    # a name label, a target or a determiner before the colon, or a value that is no standard: not the work
    assert not action_label("Mục tiêu chung", " Đảm bảo 100% số xã có sóng.")
    assert not action_label("Thời gian thực hiện", " Đảm bảo đúng tiến độ.")
    assert not action_label("Các trạm phát sóng mới", " Đảm bảo độ phủ sóng.")
    assert not action_label("Tổ giúp việc Ban Chỉ đạo", " Không quá 05 cá nhân.")
    tasks = [t.task for t in tasks_of("- Lắp đặt các trạm phát sóng, cột ăng ten: Đảm bảo độ phủ sóng rộng khắp trong "
                                      "các khu dân cư.\n\n- Tổ giúp việc Ban Chỉ đạo: Không quá 05 cá nhân.")]
    assert tasks == ["Lắp đặt các trạm phát sóng, cột ăng ten"]


def test_a_label_value_with_its_own_body_and_obligation_is_work():
    from directive_nlp.tasks.not_tasks import own_obligation
    assert own_obligation(" Sở quản lý ngành có trách nhiệm trình Ủy ban nhân dân tỉnh ban hành văn bản.")
    assert own_obligation(" Các đơn vị phải gửi báo cáo trước ngày 15/12.")
    assert not own_obligation(" Không quá 05 cá nhân.")
    assert not own_obligation(" Có trách nhiệm của cả hệ thống.")     # no body before the modal
    assert not own_obligation(" Mỗi đơn vị cần thiết có 01 cán bộ.")   # "cần thiết" is no modal
    tasks = [t.task for t in tasks_of("1. Trường hợp hàng hóa do một cấp định giá: Sở quản lý ngành có trách nhiệm "
                                      "trình Ủy ban nhân dân tỉnh ban hành văn bản định giá.\n\n"
                                      "2. Tổ giúp việc Ban Chỉ đạo: Không quá 05 cá nhân.")]
    assert len(tasks) == 1 and "ban hành văn bản định giá" in tasks[0]


# ------------------------------------------------------------------ defect17: a predicate with its object waits for none
@pytest.mark.parametrize("body, n", [
    # the closing verb belongs to the object, the next segment opens a predicate of its own: two tasks
    ("1. Sở Xây dựng quản lý hoạt động xây dựng, tăng cường vệ sinh các khu vực công cộng.", 2),
    ("1. Sở Tài chính xây dựng các nội dung triển khai, đề xuất giải pháp với các sở, ngành.", 2),
    # the closing aspect word qualifies the object
    ("1. Đài Phát thanh thực hiện đưa tin kịp thời, khuyến khích người dân sử dụng nước tiết kiệm.", 2),
    # negatives: a run of bare verbs, an activity list, a body's chain, paired verbs: one task
    ("1. Sở Nội vụ tăng cường công tác phối hợp, hướng dẫn tổ chức các hoạt động tại cộng đồng.", 1),
    ("1. Sở Tư pháp tham mưu, đề xuất giải quyết các kiến nghị của người dân.", 1),
    ("1. Các sở gửi Sở Tài chính tổng hợp, trình Ủy ban nhân dân tỉnh ban hành danh sách.", 1),
    ("1. Sở Y tế tổ chức các lớp đào tạo, tập huấn cho đội ngũ y tế cơ sở.", 1),
])
def test_a_segment_with_verb_and_object_does_not_wait(body, n):
    assert len(tasks_of(body)) == n, [t.task for t in tasks_of(body)]


def test_closed_predicate_is_the_switch_it_names():
    from directive_nlp.tasks.ablation import disabled
    body = "1. Sở Xây dựng quản lý hoạt động xây dựng, tăng cường vệ sinh các khu vực công cộng."
    with disabled("closed_predicate"):
        assert len(tasks_of(body)) == 1


# ------------------------------------------------------------------ verbs17: action verbs grown with POS-tagger evidence
@pytest.mark.parametrize("body, tasks, actor", [
    # positives: a new verb after a comma opens the next task; before a verb it ends the subject
    ("1. Sở Y tế xây dựng hồ sơ sức khỏe điện tử, tích hợp với cơ sở dữ liệu quốc gia về dân cư.",
     ["xây dựng hồ sơ sức khỏe điện tử", "tích hợp với cơ sở dữ liệu quốc gia về dân cư"], "Sở Y tế"),
    ("1. Sở Du lịch hỗ trợ các doanh nghiệp lữ hành, quảng bá sản phẩm du lịch của tỉnh ra thị trường quốc tế.",
     ["hỗ trợ các doanh nghiệp lữ hành", "quảng bá sản phẩm du lịch của tỉnh ra thị trường quốc tế"], "Sở Du lịch"),
    ("1. Sở Giáo dục tổ chức tập huấn cho giáo viên, phổ cập kỹ năng số cho học sinh phổ thông.",
     ["tổ chức tập huấn cho giáo viên", "phổ cập kỹ năng số cho học sinh phổ thông"], "Sở Giáo dục"),
    ("1. Sở Kế hoạch rà soát danh mục dự án, kêu gọi đầu tư vào khu công nghiệp.",
     ["rà soát danh mục dự án", "kêu gọi đầu tư vào khu công nghiệp"], "Sở Kế hoạch"),
    ("1. Các ngân hàng thương mại tiên phong, dẫn dắt việc chuyển đổi số trong thanh toán.",
     ["tiên phong, dẫn dắt việc chuyển đổi số trong thanh toán"], "Các ngân hàng thương mại"),
    # negatives: the same words inside a noun phrase ("vai trò … tiên phong", "giải pháp tích hợp") cut nothing
    ("1. Phát huy vai trò nêu gương, tiên phong của cán bộ, đảng viên trong thực hiện nhiệm vụ.",
     ["Phát huy vai trò nêu gương, tiên phong của cán bộ, đảng viên trong thực hiện nhiệm vụ"], None),
    ("1. Hoàn thiện giải pháp tích hợp, chia sẻ dữ liệu giữa các sở, ngành.",
     ["Hoàn thiện giải pháp tích hợp, chia sẻ dữ liệu giữa các sở, ngành"], None),
])
def test_verbs17_new_action_verbs(body, tasks, actor):
    got = tasks_of(body)
    assert [t.task for t in got] == tasks
    assert all([a.name for a in t.agencies] == ([actor] if actor else []) for t in got)


def test_verbs17_noun_compounds_left_out_of_the_lexicon():
    """Words the tagger reads as verbs that the lexicon leaves out: each is a noun in a common compound
    ("hợp tác xã", "liên kết vùng", "hạ tầng lưu trữ, tính toán", "sao lưu, phục hồi dữ liệu", "thông tin, tư vấn"),
    or an item of a funding list ("bố trí kinh phí cho các nội dung: + Mua sắm …",
    test_bullet_with_an_object_before_the_colon_is_still_a_task)."""
    from directive_nlp.tasks.lexicon import lexicon
    lx = lexicon()
    for word in ("tích hợp", "quảng bá", "thí điểm", "tiên phong", "lắp đặt", "phổ cập", "kêu gọi", "bám sát"):
        assert lx.verb_start.match(word + " các giải pháp"), word
    for phrase in ("hợp tác xã tái chế", "liên kết vùng", "tính toán đạt tiêu chuẩn", "tư vấn, dự báo",
                   "kiến nghị xử lý", "phục hồi dữ liệu", "mua sắm trang thiết bị"):
        assert not lx.verb_start.match(phrase), phrase


@pytest.mark.parametrize("body, n", [
    # "mở" closing a noun of verb_final_nouns ("kiến trúc mở", "dữ liệu mở") is the adjective: the segment has
    # its object and the next predicate is a task of its own
    ("1. Sở Khoa học và Công nghệ xây dựng nền tảng dùng chung theo kiến trúc mở, khuyến khích doanh nghiệp "
     "phát triển ứng dụng trên nền tảng.", 2),
    ("1. Sở Khoa học và Công nghệ công bố danh mục dữ liệu mở, hướng dẫn doanh nghiệp khai thác dữ liệu phục vụ "
     "sản xuất.", 2),
    # negatives: the bare verb "mở" in a run of verbs still waits for the shared object
    ("1. Sở Công Thương hỗ trợ các doanh nghiệp đăng ký, mở, quản lý các gian hàng trên sàn thương mại điện tử.", 1),
    ("1. Sở Công Thương hỗ trợ các hợp tác xã xây dựng và mở, duy trì các điểm bán hàng tiện lợi tại nông thôn.", 1),
])
def test_verbs17_open_noun_closes_its_segment(body, n):
    assert len(tasks_of(body)) == n, [t.task for t in tasks_of(body)]


@pytest.mark.parametrize("body, n", [
    # genre verbs seen in two documents: after a comma or "và" with an object before, a task of their own
    ("1. Sở Giáo dục và Đào tạo tổ chức tập huấn giáo viên và trang bị đủ thiết bị dạy học cho các trường.", 2),
    ("1. Sở Xây dựng rà soát các công trình nằm trong hành lang an toàn, di dời công trình có nguy cơ sạt lở.", 2),
    ("1. Sở Tài chính xây dựng dự thảo thỏa thuận, ký kết với các ngân hàng thương mại về chi trả an sinh xã hội.", 2),
    # negatives: the same words as nouns of a list ("phục vụ thi đấu, huấn luyện", "cơ chế điều phối, chia sẻ")
    ("1. Sở Văn hóa đầu tư cơ sở vật chất phục vụ thi đấu, huấn luyện vận động viên thành tích cao.", 1),
    ("1. Sở Khoa học và Công nghệ xây dựng cơ chế điều phối, chia sẻ dữ liệu giữa các sở, ngành.", 1),
])
def test_verbs17_genre_verbs_of_two_documents(body, n):
    assert len(tasks_of(body)) == n, [t.task for t in tasks_of(body)]
