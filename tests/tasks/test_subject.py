"""The subject finder's word lists (task_lexicon.yaml): a positive and a negative example each."""

from __future__ import annotations

import pytest

from directive_nlp.tasks import subject
from directive_nlp.tasks.lexicon import load_lexicon_data

KEYS = ("not_subject_heads", "consequence_words", "subject_qualifiers", "name_qualifiers", "topic_openers",
        "topic_label_words", "agent_markers")


def test_the_subject_word_lists_are_in_the_lexicon():
    data = load_lexicon_data()
    for key in KEYS:
        assert data[key], key


@pytest.mark.parametrize("name, text, hit", [
    ("not_subject_head", "Công tác tuyên truyền được đẩy mạnh", True),  # not_subject_heads
    ("not_subject_head", "Sở Tài chính chủ trì", False),
    ("not_subject_head", "Việcx làm", False),  # a whole word only
    ("then", "thì các cơ quan", True),  # consequence_words
    ("then", "thìa", False),
    ("qualifier", " trong tỉnh", True),  # subject_qualifiers
    ("qualifier", " triển khai", False),
    ("name_qualifier", " có liên quan", True),  # name_qualifiers
    ("name_qualifier", " cấp tỉnh", True),
    ("name_qualifier", " chủ trì", False),
    ("topic", "Về công tác cán bộ: Sở Nội vụ", True),  # topic_openers
    ("topic", "Vềnh: x", False),
    ("topic", "Sở Nội vụ chủ trì", False),
    ("topic_label", "Đối với các dự án", True),  # topic_label_words
    ("topic_label", "Sở Xây dựng", False),
    ("agent", "Do Sở Y tế chủ trì", True),  # agent_markers
    ("agent", "Dođ", False),
    ("agent", "do đó", False),  # the agent marker is capitalised: the sentence starts with it
])
def test_subject_patterns_are_built_from_the_word_lists(name, text, hit):
    assert bool(subject._patterns()[name].match(text)) is hit


def test_conjunctions_separate_the_names_of_a_subject():
    assert subject._LIST_SEP.match(", và Sở Y tế").group(0) == ", và "  # conjunctions
    assert subject._LIST_SEP.match(" và Sở Y tế")
    assert not subject._LIST_SEP.match(" vào Sở Y tế")
    assert subject._AND_START.match(" và các")
    assert not subject._AND_START.match(" chủ trì")
    assert subject._NEXT_SEP.search("Sở Y tế và Sở Tài chính")
    assert not subject._NEXT_SEP.search("Sở Văn hóa")
    assert subject._CAP_CONJUNCT.match(", Sở Tài chính và Sở Y tế")
    assert not subject._CAP_CONJUNCT.match(", các sở chủ trì")


def _second_task(sentence: str):
    from directive_nlp.pipeline import extract_text
    text = f"KẾ HOẠCH\n\nTriển khai\n\nII. NHIỆM VỤ\n\n1. Sở Tài chính rà soát các quy định. {sentence}\n"
    return extract_text(text, "p.md").tasks[1]


@pytest.mark.parametrize("sentence, actor, task", [
    ("Đồng thời, các địa phương chủ động bố trí quỹ đất phù hợp.", "các địa phương", "chủ động bố trí quỹ đất phù hợp"),
    ("Mặt khác Công an tỉnh tăng cường tuần tra.", "Công an tỉnh", "tăng cường tuần tra"),
])
def test_a_connective_before_a_named_actor_is_skipped(sentence, actor, task):
    t = _second_task(sentence)
    assert [a.name for a in t.agencies] == [actor] and t.task == task


@pytest.mark.parametrize("sentence", [
    "Đồng thời tổ chức kiểm tra, giám sát các đơn vị.",  # no body after the connective: the actor carries on
    "Từ đó, đề xuất các giải pháp phù hợp.",
])
def test_a_connective_before_a_verb_keeps_the_carried_actor(sentence):
    assert [a.name for a in _second_task(sentence).agencies] == ["Sở Tài chính"]


def _item(line: str):
    from directive_nlp.pipeline import extract_text
    text = f"KẾ HOẠCH\n\nTriển khai\n\nIII. NỘI DUNG\n\n2. Quy trình\n\n{line}\n"
    return extract_text(text, "p.md").tasks


def test_a_long_topic_label_before_a_named_actor_is_skipped():
    ts = _item("b) Thực hiện mở tài khoản và phát hành thẻ cho đối tượng: Ủy ban nhân dân xã phối hợp với các "
               "ngân hàng thương mại thực hiện mở tài khoản cho đối tượng.")
    assert [(a.name, a.role) for a in ts[0].agencies] == [("Ủy ban nhân dân xã", "lead"),
                                                          ("các ngân hàng thương mại", "support")]


def test_a_long_label_before_a_colon_without_a_named_actor_stays_the_task():
    ts = _item("b) Tăng cường công tác kiểm tra, giám sát việc chấp hành pháp luật về giá: kiểm tra định kỳ, "
               "đột xuất các cơ sở kinh doanh.")
    assert ts[0].task.startswith("Tăng cường công tác kiểm tra") and ts[0].agencies == []


# A case that ends at "thì" with no comma (issue 12, branch agency7; docs/tasks.md)
@pytest.mark.parametrize("line, actor, task", [
    ("c) Trường hợp phát hiện sai phạm thì các sở, ngành báo cáo Ủy ban nhân dân tỉnh xem xét.",
     ["các sở, ngành"], "báo cáo Ủy ban nhân dân tỉnh xem xét"),
    ("c) Giá dịch vụ thực hiện theo quy định hiện hành; trường hợp chưa có quy định thì các cơ quan chuyên "
     "môn quản lý ngành, lĩnh vực tham mưu Ủy ban nhân dân tỉnh ban hành giá dịch vụ.",
     ["các cơ quan chuyên môn quản lý ngành, lĩnh vực"], "tham mưu Ủy ban nhân dân tỉnh ban hành giá dịch vụ"),
    ("c) Trường hợp phát hiện sai phạm, thì Sở Tài chính báo cáo Ủy ban nhân dân tỉnh xem xét.",
     ["Sở Tài chính"], "báo cáo Ủy ban nhân dân tỉnh xem xét"),
])
def test_the_body_after_the_consequence_word_of_a_case_acts(line, actor, task):
    ts = _item(line)
    assert [a.name for a in ts[-1].agencies] == actor and ts[-1].task == task


@pytest.mark.parametrize("line, task, actor", [
    # no body after "thì": the body inside the case ("các cơ quan") is not the actor
    ("c) Trường hợp các cơ quan có ý kiến khác nhau thì tổ chức họp để thống nhất.", "tổ chức họp để thống nhất",
     []),
    # a "thì" after the first ";" belongs to another clause: the comma before it ends the case
    ("c) Trường hợp cần thiết, Sở Y tế tổ chức kiểm tra; nếu có vi phạm thì xử lý theo quy định.",
     "tổ chức kiểm tra", ["Sở Y tế"]),
])
def test_no_body_after_the_consequence_word_gives_no_actor_from_it(line, task, actor):
    ts = _item(line)
    assert ts[0].task == task and [a.name for a in ts[0].agencies] == actor


def _under_body(*bullets: str):
    from directive_nlp.pipeline import extract_text
    body = "\n\n".join(f"- {b}" for b in bullets)
    text = f"KẾ HOẠCH\n\nTriển khai\n\nVI. TỔ CHỨC THỰC HIỆN\n\n1. Sở Khoa học và Công nghệ\n\n{body}\n"
    return extract_text(text, "p.md").tasks


def test_a_bullet_opening_with_the_carried_bodys_role_keeps_its_work():
    # issue 12 (branch agency7): "Là cơ quan thường trực, …" under an agency heading is the heading body's role
    ts = _under_body("Là cơ quan thường trực, chủ trì tham mưu Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực "
                     "hiện Kế hoạch.")
    assert [t.task for t in ts] == ["tham mưu Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch"]
    assert [(a.name, a.role) for a in ts[0].agencies] == [("Sở Khoa học và Công nghệ", "lead")]


def test_a_role_with_no_work_after_it_is_no_task():
    assert _under_body("Là cơ quan thường trực của Ban Chỉ đạo.") == []


def _conclusion(item: str):
    from directive_nlp.pipeline import extract_text
    text = f"THÔNG BÁO\n\nKết luận\n\nIII. NHIỆM VỤ\n\n{item}\n"
    return [(t.task, [(a.name, a.role) for a in t.agencies]) for t in extract_text(text, "p.md").tasks]


def test_a_numbered_item_written_inline_names_its_own_actor_and_partners():
    # issue 12 (branch agency7): "…; (2) Bộ Công an chủ trì …" is an item of its own
    got = _conclusion("4. Bộ Tài chính: (1) Chủ trì, phối hợp với Bộ Xây dựng nghiên cứu, đề xuất cơ chế tài chính; "
                      "(2) Phân bổ đủ vốn cho hoạt động khoa học; (3) Bộ Công an chủ trì, phối hợp với các bộ liên "
                      "quan ban hành hướng dẫn.")
    assert got == [("nghiên cứu, đề xuất cơ chế tài chính", [("Bộ Tài chính", "lead"), ("Bộ Xây dựng", "support")]),
                   ("Phân bổ đủ vốn cho hoạt động khoa học", [("Bộ Tài chính", "lead")]),
                   ("ban hành hướng dẫn", [("Bộ Công an", "lead"), ("các bộ liên quan", "support")])]


def test_without_an_inline_number_the_frame_partners_serve_every_clause():
    got = _conclusion("5. Bộ Xây dựng chủ trì, phối hợp với Bộ Tài chính rà soát các dự án; đề xuất phương án xử lý.")
    assert [ags for _, ags in got] == [[("Bộ Xây dựng", "lead"), ("Bộ Tài chính", "support")]] * 2


@pytest.mark.parametrize("item, tasks", [
    # issue 12 (branch agency7): a basis listing what it rests on runs to the comma before the predicate
    ("4. Các doanh nghiệp công nghệ số căn cứ vào nội dung, nhiệm vụ và giải pháp của Chương trình, xây dựng các "
     "nội dung triển khai.", ["xây dựng các nội dung triển khai"]),
    # a verb after the first comma: the basis ends there, as before
    ("4. Các sở, ngành căn cứ chức năng, nhiệm vụ được giao, tổ chức thực hiện Kế hoạch này.",
     ["tổ chức thực hiện Kế hoạch này"]),
    ("4. Các sở, ngành căn cứ kết quả khảo sát, xây dựng kế hoạch của đơn vị.", ["xây dựng kế hoạch của đơn vị"]),
])
def test_a_basis_after_the_actor_is_not_a_task(item, tasks):
    from directive_nlp.pipeline import extract_text
    ts = extract_text(f"KẾ HOẠCH\n\nTriển khai\n\nIV. TỔ CHỨC THỰC HIỆN\n\n{item}\n", "p.md").tasks
    assert [t.task for t in ts] == tasks and all(t.agencies for t in ts)


@pytest.mark.parametrize("item, actor, task", [
    # issue 12 (branch agency7): two time phrases before the actor, one after the other
    ("5. Hằng năm, trước ngày 15 tháng 12, các sở, ngành gửi báo cáo về Sở Tài chính.", ["các sở, ngành"],
     "gửi báo cáo về Sở Tài chính"),
    ("5. Hằng năm, các sở, ngành gửi báo cáo về Sở Tài chính.", ["các sở, ngành"], "gửi báo cáo về Sở Tài chính"),
    # no body after the time phrases: the heading's body acts
    ("5. Hằng năm, trước ngày 15 tháng 12, gửi báo cáo về Sở Tài chính.", [], "gửi báo cáo về Sở Tài chính"),
])
def test_the_body_after_fronted_time_phrases_acts(item, actor, task):
    from directive_nlp.pipeline import extract_text
    ts = extract_text(f"KẾ HOẠCH\n\nTriển khai\n\nIV. TỔ CHỨC THỰC HIỆN\n\n{item}\n", "p.md").tasks
    assert [t.task for t in ts] == [task] and [a.name for a in ts[0].agencies] == actor
    assert ts[0].deadline is not None and ts[0].deadline.kind == "recurring"


def test_a_body_name_found_by_its_head_noun_holds_no_open_bracket():
    # issue 12 (branch agency7): "(sau khi được | ban hành)" — the verb inside a bracket ends no name
    ts = _item("b) Ngoài ra, địa phương có thành tích xuất sắc sẽ được cộng điểm vào thi đua của Sở Y tế (sau khi "
               "được ban hành).")
    assert all(not a.name.startswith("địa phương có thành tích") for t in ts for a in t.agencies)
    assert all(t.task != "ban hành)" for t in ts)


def test_a_body_name_found_by_its_head_noun_may_hold_a_closed_bracket():
    ts = _item("b) Ban đại diện cha mẹ học sinh (các trường) tổ chức vận động phụ huynh.")
    assert [a.name for a in ts[0].agencies] == ["Ban đại diện cha mẹ học sinh (các trường)"]
