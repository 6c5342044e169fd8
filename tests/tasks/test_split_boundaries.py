"""Where one task ends and the next begins (issue 12, branch split20): boundaries the read-half gold settles
the other way than the rules did (benchmarks/split_decisions.py), with positive and negative examples in
small plans written for the test (docs/tasks.md, "Boundaries learned from the gold")."""

from __future__ import annotations

import pytest

from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.frames import load_frames_data
from directive_nlp.tasks.lexicon import lexicon, load_lexicon_data
from directive_nlp.tasks.predicates import is_verb_start
from directive_nlp.tasks.splitting import bare_after_adverb, possessed_verb
from directive_nlp.tasks import subject


def texts(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP") -> list[str]:
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\n{heading}\n\n{body}\n"
    return [t.task for t in extract_text(text, "plan.md").tasks]


# ------------------------------------------------------------------ an adverb and a bare verb before "và"
def test_adverbs_and_verb_are_data():
    assert "chủ động" in load_lexicon_data()["predicate_adverbs"]
    assert "nắm bắt" in lexicon().verbs


@pytest.mark.parametrize("seg, bare", [
    ("chủ động nắm bắt", True),
    ("kịp thời phát hiện", True),
    ("chủ động nắm bắt tình hình", False),  # the verb has its object
    ("nắm bắt", False),                     # no adverb: verb_only decides, as before
    ("chủ động", False),
])
def test_bare_after_adverb(seg, bare):
    assert bare_after_adverb(seg) is bare


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Sở Nội vụ chủ động nắm bắt và giải quyết kịp thời các vướng mắc của cán bộ, công chức.",
     ["chủ động nắm bắt và giải quyết kịp thời các vướng mắc của cán bộ, công chức"]),
])
def test_adverb_and_bare_verb_share_the_object_after_va(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # the verb before "và" has an object of its own: two tasks
    ("1. Sở Nội vụ chủ động nắm bắt tình hình cán bộ nữ và giải quyết kịp thời các vướng mắc phát sinh.",
     ["chủ động nắm bắt tình hình cán bộ nữ", "giải quyết kịp thời các vướng mắc phát sinh"]),
])
def test_adverb_verb_with_its_object_still_cuts(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ a second object with the same head
def test_repeated_object_heads_are_data():
    assert "báo cáo" in load_lexicon_data()["repeated_object_heads"]
    assert "thực hiện" not in load_lexicon_data()["repeated_object_heads"]


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Các sở, ngành gửi báo cáo công tác bình đẳng giới năm 2026 và báo cáo kết quả thực hiện Tháng hành động "
     "về Sở Nội vụ.",
     ["gửi báo cáo công tác bình đẳng giới năm 2026 và báo cáo kết quả thực hiện Tháng hành động về Sở Nội vụ"]),
    ("1. Sở Tài chính xây dựng kế hoạch vốn năm 2026, kế hoạch vốn trung hạn giai đoạn 2026 - 2030 của tỉnh.",
     ["xây dựng kế hoạch vốn năm 2026, kế hoạch vốn trung hạn giai đoạn 2026 - 2030 của tỉnh"]),
])
def test_second_object_with_the_same_head_stays_one_task(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # a body right after the repeated head: a report step of its own
    ("1. Sở Y tế tổng hợp báo cáo kết quả thực hiện của các huyện, báo cáo Ủy ban nhân dân tỉnh xem xét.",
     ["tổng hợp báo cáo kết quả thực hiện của các huyện", "báo cáo Ủy ban nhân dân tỉnh xem xét"]),
    # a repeated verb, not a repeated object ("thực hiện" is not a head of the list)
    ("1. Sở Xây dựng tiếp tục thực hiện hiệu quả chương trình cấp nước an toàn, thực hiện tốt các phương án "
     "cấp nước cho sinh hoạt của người dân.",
     ["tiếp tục thực hiện hiệu quả chương trình cấp nước an toàn",
      "thực hiện tốt các phương án cấp nước cho sinh hoạt của người dân"]),
])
def test_repeated_verb_or_report_to_a_body_still_cuts(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ "Trong phạm vi, lĩnh vực quản lý của mình, …"
def test_scope_words_are_data():
    d = load_frames_data()
    assert "trong" in d["scope_openers"] and "lĩnh vực quản lý" in d["scope_nouns"]


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Các sở, ban, ngành:\n\n- Trong phạm vi, lĩnh vực quản lý của mình, chủ động phối hợp với các cơ quan "
     "liên quan thực hiện các nhiệm vụ được giao tại Kế hoạch này.",
     ["thực hiện các nhiệm vụ được giao tại Kế hoạch này"]),  # the partner frame is dropped, as before
])
def test_scope_with_a_field_is_not_a_task(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # "trong" with no scope noun after it is a place or time, kept in the task
    ("1. Sở Y tế tổ chức kiểm tra trong phạm vi toàn tỉnh các cơ sở kinh doanh thực phẩm.",
     ["tổ chức kiểm tra trong phạm vi toàn tỉnh các cơ sở kinh doanh thực phẩm"]),
])
def test_trong_without_a_scope_noun_stays(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ "thông qua" names the means
def test_means_word_is_data():
    assert "thông qua" in load_lexicon_data()["purpose_words"]


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Tăng cường hợp tác quốc tế trong lĩnh vực phòng chống bạo lực thông qua các hoạt động hỗ trợ kỹ thuật, "
     "hỗ trợ nguồn lực, giao lưu, chia sẻ kinh nghiệm với các tổ chức quốc tế.",
     ["Tăng cường hợp tác quốc tế trong lĩnh vực phòng chống bạo lực thông qua các hoạt động hỗ trợ kỹ thuật, "
      "hỗ trợ nguồn lực, giao lưu, chia sẻ kinh nghiệm với các tổ chức quốc tế"]),
])
def test_verbs_after_a_means_word_are_the_means(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # without the means word the second verb with its object is a task of its own
    ("1. Tăng cường hợp tác quốc tế trong lĩnh vực phòng chống bạo lực, tổ chức hội thảo chia sẻ kinh nghiệm "
     "với các tổ chức quốc tế.",
     ["Tăng cường hợp tác quốc tế trong lĩnh vực phòng chống bạo lực",
      "tổ chức hội thảo chia sẻ kinh nghiệm với các tổ chức quốc tế"]),
])
def test_without_a_means_word_a_new_verb_still_cuts(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ "Trường hợp … thì phải VERB …"
@pytest.mark.parametrize("text, task", [
    ("Trường hợp phát sinh vướng mắc do quy định (chưa có quy định, quy định chưa rõ ràng) thì phải nêu rõ nội dung.",
     "nêu rõ nội dung"),
    ("Trường hợp các cơ quan có ý kiến khác nhau thì tổ chức họp để thống nhất.", "tổ chức họp để thống nhất"),
])
def test_the_task_after_a_case_starts_at_its_verb(text, task):
    # subject._predicate_after_then: the case ends at "thì", the heading's actor does the work after it
    assert texts(f"1. Các sở, ban, ngành:\n\n- {text}") == [task]


def test_case_with_its_consequence_is_two_tasks_with_the_case_as_condition():
    body = ("1. Các sở, ban, ngành:\n\n- Trường hợp phát sinh vướng mắc do quy định của pháp luật chuyên ngành "
            "(chưa có quy định, quy định chưa rõ ràng) thì phải nêu rõ nội dung vướng mắc và đề xuất hướng xử lý.")
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n\n{body}\n"
    tasks = extract_text(text, "plan.md").tasks
    assert [t.task for t in tasks] == ["nêu rõ nội dung vướng mắc", "đề xuất hướng xử lý"]
    assert all(t.deadline is not None and t.deadline.kind == "conditional" for t in tasks)


# ------------------------------------------------------------------ a request written inside a case
def inside_case(text: str) -> bool:
    at = text.index("đề nghị")
    return subject._request_in_case(text, text[:at].rstrip(), at)


def test_request_inside_a_case_is_no_assign_frame():
    text = ("Trường hợp đề nghị Cơ quan chủ trì chuyển nội dung thẩm định cho Cơ quan chuyên môn khác thì phải nêu rõ "
            "căn cứ pháp lý")
    assert inside_case(text)


@pytest.mark.parametrize("text", [
    # no consequence word: the request after the fronted condition is the frame
    "Trong quá trình thực hiện, nếu có vướng mắc đề nghị Sở Tài chính tổng hợp báo cáo",
    # no case opener
    "Ủy ban nhân dân tỉnh đề nghị Sở Tài chính tổng hợp báo cáo thì cần sớm",
    # the consequence word is in the next clause
    "Trường hợp cần, đề nghị Sở Tài chính tổng hợp; nếu chưa có thì báo cáo",
])
def test_request_outside_a_case_still_assigns(text):
    assert not inside_case(text)


def test_case_with_a_request_keeps_the_heading_actor():
    body = ("1. Các sở, ban, ngành:\n\n- Trường hợp đề nghị Cơ quan chủ trì chuyển nội dung thẩm định cho Cơ quan "
            "chuyên môn khác thì phải nêu rõ căn cứ pháp lý.")
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n\n{body}\n"
    tasks = extract_text(text, "plan.md").tasks
    assert [t.task for t in tasks] == ["nêu rõ căn cứ pháp lý"]
    assert "Cơ quan chủ trì" not in [a.name for a in tasks[0].agencies]


# ------------------------------------------------------------------ a verb before a possessive is a noun
def test_possessive_words_are_data():
    assert "của" in load_lexicon_data()["possessive_words"]
    assert "đầy đủ" in load_lexicon_data()["manner_tails"]


@pytest.mark.parametrize("seg, possessed", [
    ("xây dựng của nhà đầu tư tại địa phương", True),
    ("quản lý của các cơ quan nhà nước", True),
    ("xây dựng cơ sở dữ liệu của ngành", False),   # an object before the possessive: a predicate
    ("các hoạt động của nhà đầu tư", False),       # no verb first
])
def test_possessed_verb(seg, possessed):
    assert possessed_verb(seg) is possessed


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Sở Tài chính kiểm tra việc chấp hành pháp luật về đất đai, môi trường, xây dựng của nhà đầu tư tại "
     "địa phương.",
     ["kiểm tra việc chấp hành pháp luật về đất đai, môi trường, xây dựng của nhà đầu tư tại địa phương"]),
    # a verb and its manner share the object after the comma
    ("1. Sở Xây dựng phối hợp công bố đầy đủ, công khai thông tin về quy hoạch đô thị trên cổng thông tin.",
     ["phối hợp công bố đầy đủ, công khai thông tin về quy hoạch đô thị trên cổng thông tin"]),
])
def test_noun_verbs_and_manner_do_not_cut(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Sở Xây dựng công bố quy hoạch đầy đủ, xây dựng cơ sở dữ liệu của ngành xây dựng.",
     ["công bố quy hoạch đầy đủ", "xây dựng cơ sở dữ liệu của ngành xây dựng"]),
])
def test_verb_with_an_object_before_the_possessive_still_cuts(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ "bảo vệ, phát huy …" share one object
def test_protect_pairs_with_the_next_verb():
    assert "bảo vệ" in load_lexicon_data()["paired_verbs"]
    assert texts("1. Sở Văn hóa thẩm định sự phù hợp của dự án với yêu cầu bảo vệ, phát huy giá trị của di sản "
                 "văn hóa.") == ["thẩm định sự phù hợp của dự án với yêu cầu bảo vệ, phát huy giá trị của di sản văn hóa"]


def test_protect_with_its_object_still_cuts():
    assert texts("1. Hạt Kiểm lâm tăng cường lực lượng bảo vệ rừng phòng hộ, tổ chức tuần tra các khu vực trọng điểm.") \
        == ["tăng cường lực lượng bảo vệ rừng phòng hộ", "tổ chức tuần tra các khu vực trọng điểm"]


# ------------------------------------------------------------------ "nguồn gốc" is an origin, not a source of money
def test_origin_of_the_land_is_an_item_of_the_assessment():
    assert texts("1. Sở Nông nghiệp và Môi trường:\n\n- Đánh giá hiện trạng sử dụng đất; nguồn gốc đất, đối tượng sử "
                 "dụng đất; cơ cấu sử dụng đất tại khu vực dự án.") == [
        "Đánh giá hiện trạng sử dụng đất", "nguồn gốc đất, đối tượng sử dụng đất",
        "cơ cấu sử dụng đất tại khu vực dự án"]


def test_a_funding_source_is_still_no_task():
    assert texts("1. Sở Tài chính tham mưu bố trí kinh phí thực hiện; nguồn ngân sách tỉnh theo phân cấp hiện hành.") \
        == ["tham mưu bố trí kinh phí thực hiện"]


# ------------------------------------------------------------------ a power is no duty
def test_right_phrases_are_data():
    assert "có quyền yêu cầu" in load_lexicon_data()["right_phrases"]  # not_tasks.right_cut reads them


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Trường hợp các đơn vị có ý kiến khác nhau, cơ quan chủ trì có trách nhiệm phối hợp với các đơn vị liên "
     "quan để xem xét, làm rõ nội dung; nếu các đơn vị vẫn chưa có ý kiến rõ ràng thì cơ quan chủ trì có quyền yêu "
     "cầu làm rõ trước khi tham mưu cấp có thẩm quyền quyết định.",
     ["xem xét, làm rõ nội dung"]),
    ("1. Sở Tài chính có trách nhiệm cập nhật dữ liệu về giá, có quyền yêu cầu các tổ chức kê khai giá bổ sung.",
     ["cập nhật dữ liệu về giá"]),
])
def test_a_power_gives_no_task(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # "thẩm quyền" (authority) is no power word: the task stays
    ("1. Sở Tài chính trình cấp có thẩm quyền phê duyệt phương án giá trước ngày 30 tháng 6 năm 2026.",
     ["trình cấp có thẩm quyền phê duyệt phương án giá"]),
])
def test_authority_is_not_a_power(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ "có giải pháp …" is an act
@pytest.mark.parametrize("s, verb", [
    ("có giải pháp không để tái phức tạp", True),
    ("có kế hoạch triển khai cụ thể", True),
    ("có ý kiến về nhóm dự án", False),   # "có" alone stays weak
    ("có hiệu quả", False),
])
def test_weak_governing_phrase_starts_a_predicate(s, verb):
    assert is_verb_start(s) is verb


def test_a_governing_phrase_after_a_comma_is_a_task_of_its_own():
    assert texts("1. Công an tỉnh tập trung triệt phá các tụ điểm phức tạp về ma túy, có giải pháp không để tái "
                 "phức tạp trở lại.") == ["tập trung triệt phá các tụ điểm phức tạp về ma túy",
                                          "có giải pháp không để tái phức tạp trở lại"]


# ------------------------------------------------------------------ "và từng bước VERB …" is a step of its own
def test_gradually_opens_a_step_after_va():
    assert "từng bước" in load_lexicon_data()["predicate_adverbs"]
    assert texts("1. Công an tỉnh xây dựng văn hóa bài trừ ma túy trong cộng đồng và từng bước đẩy lùi ma túy ra "
                 "khỏi đời sống xã hội.") == ["xây dựng văn hóa bài trừ ma túy trong cộng đồng",
                                             "từng bước đẩy lùi ma túy ra khỏi đời sống xã hội"]


def test_gradually_after_a_bare_verb_still_shares_the_object():
    assert texts("1. Sở Y tế nghiên cứu và từng bước áp dụng mô hình quản lý mới tại các cơ sở y tế.") == [
        "nghiên cứu và từng bước áp dụng mô hình quản lý mới tại các cơ sở y tế"]


# ------------------------------------------------------------------ "áp dụng" is a verb of the genre
def test_apply_is_a_verb():
    assert "áp dụng" in lexicon().verbs
    assert texts("1. Sở Tư pháp thực hiện cơ chế đặc thù, áp dụng chế độ thù lao cho người làm công tác pháp chế.") \
        == ["thực hiện cơ chế đặc thù", "áp dụng chế độ thù lao cho người làm công tác pháp chế"]


def test_apply_after_a_bare_verb_shares_its_object():
    assert texts("1. Sở Khoa học và Công nghệ nghiên cứu, áp dụng các tiến bộ khoa học vào sản xuất nông nghiệp.") \
        == ["nghiên cứu, áp dụng các tiến bộ khoa học vào sản xuất nông nghiệp"]


# ------------------------------------------------------------------ an object list after "về" whose first item the verb lists miss
@pytest.mark.parametrize("sentence, task", [
    ("1. Sở Tài chính kiểm tra việc chấp hành pháp luật về giá, thẩm định giá của các tổ chức kinh doanh.",
     "kiểm tra việc chấp hành pháp luật về giá, thẩm định giá của các tổ chức kinh doanh"),  # the noun again
    ("1. Các tổ chức chấp hành nghiêm quy định về kê khai, đăng ký, cấp phép khai thác tài nguyên nước.",
     "chấp hành nghiêm quy định về kê khai, đăng ký, cấp phép khai thác tài nguyên nước"),  # listed_activity_nouns
    ("1. Sở Xây dựng xây dựng chính sách ưu đãi, hỗ trợ cho người dân chuyển đổi phương tiện.",
     "xây dựng chính sách ưu đãi, hỗ trợ cho người dân chuyển đổi phương tiện"),  # "ưu đãi": one policy noun
])
def test_an_object_list_after_ve_stays_one_task(sentence, task):
    assert texts(sentence) == [task]


def test_a_preference_without_a_measure_head_still_cuts():
    # "ưu đãi" opens a list only right after a measure head (activity_object_heads) and with no object of its own
    assert texts("1. Sở Tài chính thực hiện ưu đãi thuế cho doanh nghiệp nhỏ và vừa, hỗ trợ doanh nghiệp vay vốn "
                 "ngân hàng thương mại.") == [
        "thực hiện ưu đãi thuế cho doanh nghiệp nhỏ và vừa", "hỗ trợ doanh nghiệp vay vốn ngân hàng thương mại"]
    assert texts("1. Sở Tài chính xây dựng chính sách ưu đãi đầu tư cho doanh nghiệp nhỏ và vừa, hỗ trợ doanh nghiệp "
                 "vay vốn ngân hàng thương mại.") == [
        "xây dựng chính sách ưu đãi đầu tư cho doanh nghiệp nhỏ và vừa",
        "hỗ trợ doanh nghiệp vay vốn ngân hàng thương mại"]


def test_a_noun_after_ve_and_new_work_still_cut():
    assert texts("1. Sở Y tế thanh tra về an toàn thực phẩm, xử lý nghiêm các cơ sở vi phạm.") == [
        "thanh tra về an toàn thực phẩm", "xử lý nghiêm các cơ sở vi phạm"]
    # the short noun is not named again by the next item: a new task
    assert texts("1. Sở Tài chính hướng dẫn về giá, tổng hợp báo cáo Ủy ban nhân dân tỉnh.") == [
        "hướng dẫn về giá", "tổng hợp báo cáo Ủy ban nhân dân tỉnh"]
    assert "kê khai" in load_lexicon_data()["listed_activity_nouns"]



# ------------------------------------------------------------------ a verb that moves others to act governs when it opens
def test_a_mobilising_verb_that_opens_the_task_governs_its_commas():
    # "vận động X VERB A, VERB B": both acts are the firms' (opening_governing_verbs)
    assert "vận động" in load_lexicon_data()["opening_governing_verbs"]
    assert texts("1. Sở Công Thương vận động các doanh nghiệp trong khu công nghiệp thực hiện các giải pháp tiết kiệm "
                 "năng lượng, ứng dụng công nghệ tiên tiến nhằm giảm chi phí sản xuất.") == [
        "vận động các doanh nghiệp trong khu công nghiệp thực hiện các giải pháp tiết kiệm năng lượng, ứng dụng công "
        "nghệ tiên tiến nhằm giảm chi phí sản xuất"]


def test_a_mobilising_verb_inside_a_list_does_not_govern():
    assert texts("1. Hội Nông dân tỉnh tuyên truyền, vận động hội viên thực hiện tốt các chính sách của Nhà nước, tổ "
                 "chức kiểm tra định kỳ các mô hình sản xuất của hội viên.") == [
        "tuyên truyền, vận động hội viên thực hiện tốt các chính sách của Nhà nước",
        "tổ chức kiểm tra định kỳ các mô hình sản xuất của hội viên"]
    # another verb before the addressee does not govern: the second act is a task of its own
    assert texts("1. Sở Công Thương tuyên truyền các doanh nghiệp thực hiện các giải pháp tiết kiệm năng lượng, ứng "
                 "dụng công nghệ tiên tiến nhằm giảm chi phí sản xuất.") == [
        "tuyên truyền các doanh nghiệp thực hiện các giải pháp tiết kiệm năng lượng",
        "ứng dụng công nghệ tiên tiến nhằm giảm chi phí sản xuất"]


# ------------------------------------------------------------------ a platform or system named by its activities
@pytest.mark.parametrize("sentence, task", [
    ("1. Sở Khoa học và Công nghệ phát triển nền tảng tích hợp, chia sẻ dữ liệu dùng chung của tỉnh.",
     "phát triển nền tảng tích hợp, chia sẻ dữ liệu dùng chung của tỉnh"),  # "tích hợp": listed_activity_nouns
    ("1. Sở Xây dựng xây dựng hệ thống quản lý, điều hành tập trung dựa trên dữ liệu hạ tầng.",
     "xây dựng hệ thống quản lý, điều hành tập trung dựa trên dữ liệu hạ tầng"),
    ("1. Sở Xây dựng ban hành cơ chế quản trị, thu thập và chia sẻ dữ liệu hạ tầng.",
     "ban hành cơ chế quản trị, thu thập và chia sẻ dữ liệu hạ tầng"),  # "quản trị": listed_activity_nouns
])
def test_a_platform_named_by_its_activities_stays_one_task(sentence, task):
    assert {"nền tảng", "hệ thống"} <= set(load_lexicon_data()["activity_object_heads"])
    assert texts(sentence) == [task]


def test_a_platform_with_an_object_or_in_a_gloss_still_cuts():
    # the head's own words are no activity ("hệ thống thông tin của tỉnh"): the next act is a task
    assert texts("1. Sở Khoa học và Công nghệ nâng cấp hệ thống thông tin của tỉnh, chia sẻ dữ liệu với các bộ, "
                 "ngành trung ương.") == ["nâng cấp hệ thống thông tin của tỉnh",
                                          "chia sẻ dữ liệu với các bộ, ngành trung ương"]
    # a head inside a bracketed gloss opens no list
    assert texts("1. Sở Giao thông vận tải vận hành cửa khẩu số (nền tảng vận hành) cho các cửa khẩu, chuyển đổi "
                 "hoạt động của các cảng theo hướng hiện đại.") == [
        "vận hành cửa khẩu số (nền tảng vận hành) cho các cửa khẩu",
        "chuyển đổi hoạt động của các cảng theo hướng hiện đại"]
