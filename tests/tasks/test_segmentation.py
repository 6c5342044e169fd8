"""Task segmentation on unseen layouts (issue 12): how finely a sentence is cut into tasks.

Each mechanism has positive and negative examples, in small plans written for the test
(docs/tasks.md, "Segmentation").
"""

from __future__ import annotations

import pytest

from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.lexicon import load_lexicon_data


def texts(body: str, heading: str = "II. NHIỆM VỤ VÀ GIẢI PHÁP") -> list[str]:
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\n{heading}\n\n{body}\n"
    return [t.task for t in extract_text(text, "plan.md").tasks]


# ------------------------------------------------------------------ a short group with a bare object pairs with its neighbour
def test_bare_pair_limit_is_data():
    assert load_lexicon_data()["bare_pair_syllables"] > load_lexicon_data()["min_task_syllables"]


@pytest.mark.parametrize("sentence, tasks", [
    # a verb and a bare noun, then a verb whose complement follows: one task
    ("1. Tổ chức truyền thông, tuyên truyền rộng rãi đến người dân về chính sách mới.",
     ["Tổ chức truyền thông, tuyên truyền rộng rãi đến người dân về chính sách mới"]),
    ("1. Tổ chức dạy nghề, tạo việc làm cho thanh niên sau khi hoàn thành nghĩa vụ quân sự.",
     ["Tổ chức dạy nghề, tạo việc làm cho thanh niên sau khi hoàn thành nghĩa vụ quân sự"]),
    # the bare group last in its clause closes the list before it
    ("1. Đẩy mạnh nghiên cứu ứng dụng vật liệu mới trong xây dựng, chuyển giao công nghệ.",
     ["Đẩy mạnh nghiên cứu ứng dụng vật liệu mới trong xây dựng, chuyển giao công nghệ"]),
])
def test_short_bare_group_joins_its_neighbour(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # a determined object ("các", "những") makes the short group a whole task
    ("1. Chấp hành các quy định, tăng cường việc dùng chung hạ tầng kỹ thuật giữa các doanh nghiệp.",
     ["Chấp hành các quy định", "tăng cường việc dùng chung hạ tầng kỹ thuật giữa các doanh nghiệp"]),
    # the next group opens with its own partners
    ("1. Tăng cường lực lượng, phối hợp chặt chẽ với chính quyền địa phương để bảo vệ rừng phòng hộ.",
     ["Tăng cường lực lượng", "phối hợp chặt chẽ với chính quyền địa phương để bảo vệ rừng phòng hộ"]),
    # the next group is a report to a body
    ("1. Sở Y tế tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trong tháng 12 năm 2026.",
     ["tổng hợp kết quả", "báo cáo Ủy ban nhân dân tỉnh"]),
    # a long enough group with its own object stays a task
    ("1. Rà soát hồ sơ đất đai của hộ dân, tổ chức cắm mốc ranh giới trên thực địa.",
     ["Rà soát hồ sơ đất đai của hộ dân", "tổ chức cắm mốc ranh giới trên thực địa"]),
])
def test_short_group_that_is_a_task_alone_stays(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ a list of activities after "công tác", "chế độ" …
def test_activity_list_words_are_data():
    data = load_lexicon_data()
    assert "công tác" in data["activity_list_heads"] and "về" in data["complement_prepositions"]


@pytest.mark.parametrize("sentence, tasks", [
    # a bare verb straight before a preposition continues the list of activities
    ("1. Tăng cường công tác thông tin, tuyên truyền về phòng, chống ma túy trong nhà trường.",
     ["Tăng cường công tác thông tin, tuyên truyền về phòng, chống ma túy trong nhà trường"]),
    ("1. Thực hiện chế độ thông tin, báo cáo theo định kỳ về tình hình thực hiện kế hoạch.",
     ["Thực hiện chế độ thông tin, báo cáo theo định kỳ về tình hình thực hiện kế hoạch"]),
    ("1. Đẩy mạnh hoạt động kiểm tra, giám sát việc chấp hành pháp luật của doanh nghiệp.",
     ["Đẩy mạnh hoạt động kiểm tra, giám sát việc chấp hành pháp luật của doanh nghiệp"]),
])
def test_activity_list_continues(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # the activity head is followed by more than two words: the comma closes a task
    ("1. Rà soát công tác quản lý đất đai, xây dựng kế hoạch sử dụng đất hằng năm của tỉnh.",
     ["Rà soát công tác quản lý đất đai", "xây dựng kế hoạch sử dụng đất hằng năm của tỉnh"]),
    # the next verb has its own object: a new task
    ("1. Tăng cường công tác thông tin, tổ chức hội nghị tập huấn cho cán bộ cơ sở.",
     ["Tăng cường công tác thông tin", "tổ chức hội nghị tập huấn cho cán bộ cơ sở"]),
])
def test_activity_list_does_not_swallow_a_new_task(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ a list of nouns after a determiner ("các", "những")
def test_determiners_open_lists_too():
    assert "các" in load_lexicon_data()["list_determiners"]


@pytest.mark.parametrize("sentence, tasks", [
    # "các kiến nghị, phản ánh, khiếu nại, tố cáo": words that are also verbs, listed after a determined noun
    ("1. Giải quyết các kiến nghị, phản ánh, khiếu nại, tố cáo liên quan đến đất đai.",
     ["Giải quyết các kiến nghị, phản ánh, khiếu nại, tố cáo liên quan đến đất đai"]),
    ("1. Tổng hợp những ý kiến, đề xuất về chính sách hỗ trợ doanh nghiệp.",
     ["Tổng hợp những ý kiến, đề xuất về chính sách hỗ trợ doanh nghiệp"]),
])
def test_determined_noun_list_continues(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # after the determined noun a verb with its own object: a new task
    ("1. Kiểm tra các cơ sở kinh doanh, xử lý nghiêm các hành vi vi phạm pháp luật về giá.",
     ["Kiểm tra các cơ sở kinh doanh", "xử lý nghiêm các hành vi vi phạm pháp luật về giá"]),
    # the determined noun phrase is longer than two syllables: the comma closes the task
    ("1. Rà soát các dự án đầu tư công chậm tiến độ, báo cáo về tình hình giải ngân vốn.",
     ["Rà soát các dự án đầu tư công chậm tiến độ", "báo cáo về tình hình giải ngân vốn"]),
])
def test_determined_noun_list_does_not_swallow_a_new_task(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ a scope qualifier opening a clause
def test_scope_words_are_data():
    from directive_nlp.tasks.frames import load_frames_data

    data = load_frames_data()
    assert "theo" in data["scope_openers"] and "chức năng" in data["scope_nouns"]


@pytest.mark.parametrize("sentence, tasks", [
    # "Theo chức năng, nhiệm vụ" straight before the verb: dropped whole, not cut at its comma
    ("1. Sở Văn hóa, Thể thao và Du lịch: Theo chức năng, nhiệm vụ tăng cường thông tin, tuyên truyền về kế "
     "hoạch hỗ trợ tại từng xã, phường.",
     ["tăng cường thông tin, tuyên truyền về kế hoạch hỗ trợ tại từng xã, phường"]),
    # no actor before it: the same
    ("1. Theo chức năng, nhiệm vụ được giao, tăng cường thông tin, tuyên truyền về kế hoạch hỗ trợ tại từng xã.",
     ["tăng cường thông tin, tuyên truyền về kế hoạch hỗ trợ tại từng xã"]),
    # a list number before the frame goes with it, so the role frame is read
    ("1. Sở Tài chính: (1) Chủ trì, phối hợp với Sở Nội vụ nghiên cứu, đề xuất cơ chế tài chính phù hợp.",
     ["nghiên cứu, đề xuất cơ chế tài chính phù hợp"]),
])
def test_scope_opener_is_dropped_before_the_verb(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # a parenthesis that names an actor is not a scope
    ("1. (Sở Y tế chủ trì) Xây dựng kế hoạch kiểm tra các cơ sở.",
     ["(Sở Y tế chủ trì) Xây dựng kế hoạch kiểm tra các cơ sở"]),
    # no verb after the qualifier: nothing is dropped
    ("1. Theo nhiệm vụ kỳ trước, các đơn vị đã hoàn thành.", ["Theo nhiệm vụ kỳ trước, các đơn vị đã hoàn thành"]),
])
def test_scope_is_not_dropped_without_a_verb_after_it(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ partners before a short group do not make it long
@pytest.mark.parametrize("sentence, tasks", [
    # "phối hợp với X, Y" names who helps: the group's own words are "nắm bắt tình hình", a bare pair
    ("1. Sở Y tế phối hợp với Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh nắm bắt tình hình, "
     "kịp thời tham mưu xử lý các vụ việc phức tạp.",
     ["nắm bắt tình hình, kịp thời tham mưu xử lý các vụ việc phức tạp"]),
])
def test_partners_are_not_counted_in_a_short_group(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # after the partners the group has a long object of its own: still a task alone
    ("1. Sở Y tế phối hợp với Công an tỉnh rà soát hồ sơ đất đai của hộ dân, "
     "tổ chức cắm mốc ranh giới trên thực địa.",
     ["rà soát hồ sơ đất đai của hộ dân", "tổ chức cắm mốc ranh giới trên thực địa"]),
])
def test_a_long_group_after_partners_stays_a_task(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ a list of activities after "về", "trong", "chính sách" …
def test_activity_object_words_are_data():
    data = load_lexicon_data()
    assert "chính sách" in data["activity_object_heads"] and "về" in data["activity_object_heads"]
    assert data["activity_object_syllables"] > 0


@pytest.mark.parametrize("sentence, tasks", [
    # after a head noun, a short verb-led phrase opens a list of activities: the next verb-led item joins it
    ("1. Rà soát, cụ thể hoá các cơ chế, chính sách khuyến khích xã hội hóa, thu hút đầu tư hỗ trợ đổi mới công nghệ của tỉnh.",
     ["Rà soát, cụ thể hoá các cơ chế, chính sách khuyến khích xã hội hóa, thu hút đầu tư hỗ trợ đổi mới công nghệ của tỉnh"]),
    ("1. Có các giải pháp tăng cường nguồn lực, huy động xã hội hóa bảo đảm các điều kiện thực hiện Chương trình.",
     ["Có các giải pháp tăng cường nguồn lực, huy động xã hội hóa bảo đảm các điều kiện thực hiện Chương trình"]),
    ("1. Triển khai cơ chế giám sát an ninh mạng theo nguyên tắc đánh giá mã nguồn, kiểm soát truy cập và bảo mật bên thứ ba.",
     ["Triển khai cơ chế giám sát an ninh mạng theo nguyên tắc đánh giá mã nguồn, kiểm soát truy cập và bảo mật bên thứ ba"]),
    # a parenthetical gloss does not lengthen the first item
    ("1. Triển khai cơ chế giám sát an ninh mạng theo nguyên tắc đánh giá mã nguồn (source code audit), kiểm soát truy "
     "cập và bảo mật bên thứ ba.",
     ["Triển khai cơ chế giám sát an ninh mạng theo nguyên tắc đánh giá mã nguồn (source code audit), kiểm soát truy "
      "cập và bảo mật bên thứ ba"]),
    # a noun-like verb after the head ("về quản lý", "cơ chế quản lý") opens the list too
    ("1. Phát hiện và xử lý các tổ chức, cá nhân vi phạm pháp luật về quản lý, khai thác và sử dụng tài nguyên nước.",
     ["Phát hiện và xử lý các tổ chức, cá nhân vi phạm pháp luật về quản lý, khai thác và sử dụng tài nguyên nước"]),
    ("1. Hoàn thiện dự thảo Nghị định quy định cơ chế quản lý, tổ chức thực hiện các chương trình mục tiêu quốc gia.",
     ["Hoàn thiện dự thảo Nghị định quy định cơ chế quản lý, tổ chức thực hiện các chương trình mục tiêu quốc gia"]),
    # after a head and a list of bare items, a bare verb (or a verb before a preposition) is the next item
    ("1. Thực hiện tốt công tác quản lý, thăm dò, khai thác, sử dụng tài nguyên nước dưới đất.",
     ["Thực hiện tốt công tác quản lý, thăm dò, khai thác, sử dụng tài nguyên nước dưới đất"]),
])
def test_activity_object_list_continues(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # after "cho" a noun (a beneficiary), not an activity: the verb after the comma is a task of its own
    ("1. Tổ chức tập huấn cho cán bộ cơ sở, kiểm tra việc thực hiện quy định về đất đai.",
     ["Tổ chức tập huấn cho cán bộ cơ sở", "kiểm tra việc thực hiện quy định về đất đai"]),
    # after "về" a noun phrase ("về công tác …"), not a bare activity
    ("1. Tổ chức tuyên truyền về công tác bảo vệ rừng, xử lý nghiêm các hành vi vi phạm pháp luật về lâm nghiệp.",
     ["Tổ chức tuyên truyền về công tác bảo vệ rừng", "xử lý nghiêm các hành vi vi phạm pháp luật về lâm nghiệp"]),
    # a noun after "về" ("an toàn giao thông") does not open a list of activities
    ("1. Tuyên truyền về an toàn giao thông cho học sinh trong nhà trường, kiểm tra việc chấp hành quy định của người dân.",
     ["Tuyên truyền về an toàn giao thông cho học sinh trong nhà trường", "kiểm tra việc chấp hành quy định của người dân"]),
    # after a list of bare items, a verb with an object of its own is a task
    ("1. Thực hiện chức năng quản lý nhà nước về y, dược, kiểm tra việc thực hiện quy chế chuyên môn trong các cơ sở y tế.",
     ["Thực hiện chức năng quản lý nhà nước về y, dược",
      "kiểm tra việc thực hiện quy chế chuyên môn trong các cơ sở y tế"]),
    # a target horizon ("phấn đấu đến năm 2030") is no item of the list
    ("1. Hỗ trợ các doanh nghiệp ứng dụng công nghệ số trong sản xuất, kinh doanh, phấn đấu đến năm 2030 đạt 30% "
     "doanh nghiệp thực hiện chuyển đổi số.",
     ["Hỗ trợ các doanh nghiệp ứng dụng công nghệ số trong sản xuất, kinh doanh",
      "phấn đấu đến năm 2030 đạt 30% doanh nghiệp thực hiện chuyển đổi số"]),
])
def test_task_after_a_non_activity_object_still_cuts(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ a ";" list of objects after "đối với các …", "bao gồm các …"
def test_object_list_openers_are_data():
    assert "đối với" in load_lexicon_data()["object_list_openers"]


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Sở Công Thương chủ trì đối với các mặt hàng xăng, dầu thành phẩm; khí dầu mỏ hóa lỏng (LPG); than đá.",
     ["chủ trì đối với các mặt hàng xăng, dầu thành phẩm; khí dầu mỏ hóa lỏng (LPG); than đá"]),
    ("1. Xây dựng bộ tiêu chuẩn kinh tế số bao gồm các tiêu chuẩn về kết nối thiết bị; dữ liệu mở; an toàn thông tin.",
     ["Xây dựng bộ tiêu chuẩn kinh tế số bao gồm các tiêu chuẩn về kết nối thiết bị; dữ liệu mở; an toàn thông tin"]),
])
def test_semicolon_list_of_objects_stays_one_task(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # a condition and a modal bring an action of their own
    ("1. Kiểm tra chất lượng nước sinh hoạt đối với các đơn vị kinh doanh nước sạch; nếu chất lượng nước không đạt "
     "tiêu chuẩn, phải yêu cầu các đơn vị khắc phục kịp thời.",
     ["Kiểm tra chất lượng nước sinh hoạt đối với các đơn vị kinh doanh nước sạch",
      "nếu chất lượng nước không đạt tiêu chuẩn, phải yêu cầu các đơn vị khắc phục kịp thời"]),
    # a verb after ";" opens a task
    ("1. Kiểm tra việc chấp hành quy định đối với các cơ sở kinh doanh; xử lý nghiêm các hành vi vi phạm.",
     ["Kiểm tra việc chấp hành quy định đối với các cơ sở kinh doanh", "xử lý nghiêm các hành vi vi phạm"]),
    # without a list opener a further object after ";" is a task (ANNOTATION-DECISIONS: 01 G16/G17)
    ("1. Phối hợp hướng dẫn chỉ tiêu, biểu mẫu kiểm kê; văn bản hướng dẫn kiểm kê tài sản công.",
     ["Phối hợp hướng dẫn chỉ tiêu, biểu mẫu kiểm kê", "văn bản hướng dẫn kiểm kê tài sản công"]),
])
def test_semicolon_clause_with_its_own_action_still_cuts(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ a ";" list of cited parts ("…; điểm a, b mục 7 …")
def test_reference_item_words_are_data():
    assert "khoản" in load_lexicon_data()["reference_item_words"]


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Bộ Xây dựng thực hiện các nhiệm vụ quy định tại các mục 1, 2, 3; điểm a, b mục 7 Phần III Điều 1 Quyết định này.",
     ["thực hiện các nhiệm vụ quy định tại các mục 1, 2, 3; điểm a, b mục 7 Phần III Điều 1 Quyết định này"]),
    ("1. Sở Tư pháp hướng dẫn thi hành các quy định tại Điều 5; khoản 2 Điều 7 của Nghị định.",
     ["hướng dẫn thi hành các quy định tại Điều 5; khoản 2 Điều 7 của Nghị định"]),
])
def test_semicolon_list_of_cited_parts_stays_one_task(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # "điều chỉnh" is a verb, not the cited "Điều 5"
    ("1. Sở Tài chính rà soát các quy định tại Điều 5; điều chỉnh dự toán ngân sách năm 2026 cho phù hợp.",
     ["rà soát các quy định tại Điều 5", "điều chỉnh dự toán ngân sách năm 2026 cho phù hợp"]),
])
def test_semicolon_clause_that_cites_nothing_still_cuts(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ an inline item number before a clause's own subject
def _tasks_with_agencies(body: str) -> list[tuple[str, list[str]]]:
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n\n{body}\n"
    return [(t.task, [a.name for a in t.agencies]) for t in extract_text(text, "plan.md").tasks]


def test_inline_item_number_before_a_subject():
    got = _tasks_with_agencies("1. Bộ Công an rà soát các cơ sở dữ liệu quốc gia; (2) các bộ, ngành, địa phương tổ chức "
                               "tổng rà soát hiện trạng cung cấp dịch vụ công trực tuyến.")
    assert got == [("rà soát các cơ sở dữ liệu quốc gia", ["Bộ Công an"]),
                   ("tổ chức tổng rà soát hiện trạng cung cấp dịch vụ công trực tuyến", ["các bộ, ngành, địa phương"])]


def test_inline_item_number_without_a_subject_keeps_the_actor():
    got = _tasks_with_agencies("1. Bộ Công an rà soát các cơ sở dữ liệu quốc gia; (2) tổ chức tổng rà soát hiện trạng "
                               "cung cấp dịch vụ công trực tuyến.")
    assert [names for _, names in got] == [["Bộ Công an"], ["Bộ Công an"]]


# ------------------------------------------------------------------ an activity named through a nominaliser after a list head
def test_object_head_nominalisers_are_data():
    data = load_lexicon_data()
    assert "trong công tác" in data["object_head_nominalisers"] and "trong việc" in data["object_head_nominalisers"]
    assert "về công tác" not in data["object_head_nominalisers"]  # a topic after "về", not an activity list


@pytest.mark.parametrize("sentence, tasks", [
    # "trong công tác | lập hồ sơ …": the head governs the activities as it governs bare verbs
    ("1. Phối hợp trong công tác lập hồ sơ cai nghiện, xét xử bảo đảm kịp thời, đúng quy định.",
     ["Phối hợp trong công tác lập hồ sơ cai nghiện, xét xử bảo đảm kịp thời, đúng quy định"]),
    ("1. Tuân thủ các quy chuẩn kỹ thuật trong việc phát triển hạ tầng, cung cấp dịch vụ viễn thông bảo đảm an toàn.",
     ["Tuân thủ các quy chuẩn kỹ thuật trong việc phát triển hạ tầng, cung cấp dịch vụ viễn thông bảo đảm an toàn"]),
    ("1. Hỗ trợ, chia sẻ kinh nghiệm trong công tác chi trả không dùng tiền mặt, chuyển đổi số cho người dân.",
     ["Hỗ trợ, chia sẻ kinh nghiệm trong công tác chi trả không dùng tiền mặt, chuyển đổi số cho người dân"]),
])
def test_activity_after_a_nominalised_head_continues(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # the list after "trong việc" holds a noun item too; a verb-led segment after it is still the list's
    ("1. Phối hợp với Sở Tài chính trong việc bảo đảm an toàn thông tin, an ninh mạng, kịp thời ứng cứu sự cố cho hệ "
     "thống.",
     ["Phối hợp với Sở Tài chính trong việc bảo đảm an toàn thông tin, an ninh mạng, kịp thời ứng cứu sự cố cho hệ "
      "thống"]),
    ("1. Hợp tác với các doanh nghiệp nước ngoài trong việc thu hút nguồn lực, tri thức, chuyển giao công nghệ số vào "
     "tỉnh.",
     ["Hợp tác với các doanh nghiệp nước ngoài trong việc thu hút nguồn lực, tri thức, chuyển giao công nghệ số vào "
      "tỉnh"]),
])
def test_nominalised_list_with_noun_items_runs(sentence, tasks):
    assert texts(sentence) == tasks


def test_verb_list_prepositions_are_data():
    assert "trong" in load_lexicon_data()["verb_list_prepositions"]
    assert "về" not in load_lexicon_data()["verb_list_prepositions"]  # a topic, not a list of activities


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Thúc đẩy áp dụng công nghệ hiện đại trong quan trắc, giám sát tài nguyên, môi trường, cảnh báo thiên tai và "
     "ứng phó biến đổi khí hậu.",
     ["Thúc đẩy áp dụng công nghệ hiện đại trong quan trắc, giám sát tài nguyên, môi trường, cảnh báo thiên tai và "
      "ứng phó biến đổi khí hậu"]),
])
def test_verb_led_list_after_trong_runs(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # "trong" names a place (no verb after it): the verb after the comma is a new task
    ("1. Xây dựng hạ tầng số trong các khu công nghiệp, khu kinh tế, thúc đẩy kết nối dữ liệu với hệ thống của tỉnh.",
     ["Xây dựng hạ tầng số trong các khu công nghiệp, khu kinh tế",
      "thúc đẩy kết nối dữ liệu với hệ thống của tỉnh"]),
])
def test_place_after_trong_does_not_run(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # the list after "trong việc" is longer than two object lengths: the comma closes the task
    ("1. Phối hợp trong việc rà soát quy hoạch sử dụng đất của các huyện miền núi phía tây, các xã biên giới phía "
     "bắc, kiểm tra việc thực hiện quy hoạch.",
     ["Phối hợp trong việc rà soát quy hoạch sử dụng đất của các huyện miền núi phía tây, các xã biên giới phía bắc",
      "kiểm tra việc thực hiện quy hoạch"]),
    # the verb after the list has a determined object of its own
    ("1. Phối hợp trong việc thu hút nguồn lực, tri thức, xây dựng các trung tâm đổi mới sáng tạo.",
     ["Phối hợp trong việc thu hút nguồn lực, tri thức", "xây dựng các trung tâm đổi mới sáng tạo"]),
])
def test_nominalised_list_with_noun_items_stops(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # the next verb has a determined object of its own: a new task
    ("1. Hỗ trợ doanh nghiệp đổi mới sáng tạo trong hoạt động kinh doanh du lịch, tạo ra các sản phẩm du lịch mới.",
     ["Hỗ trợ doanh nghiệp đổi mới sáng tạo trong hoạt động kinh doanh du lịch", "tạo ra các sản phẩm du lịch mới"]),
    # after "về" the nominalised phrase is a topic: the next verb with its object is a new task
    ("1. Tuyên truyền về công tác bảo vệ rừng, xử lý nghiêm hành vi phá rừng trái phép.",
     ["Tuyên truyền về công tác bảo vệ rừng", "xử lý nghiêm hành vi phá rừng trái phép"]),
    # no head before the nominaliser: "Tăng cường công tác X, VERB …" still cuts
    ("1. Tăng cường công tác quản lý đất đai tại cơ sở, xây dựng kế hoạch sử dụng đất hằng năm của tỉnh.",
     ["Tăng cường công tác quản lý đất đai tại cơ sở", "xây dựng kế hoạch sử dụng đất hằng năm của tỉnh"]),
])
def test_nominalised_head_does_not_swallow_a_new_task(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ a running list of bare activities, later items with objects
@pytest.mark.parametrize("sentence, tasks", [
    ("1. Kiểm tra việc chấp hành quy định về các hoạt động khoan, đào, thăm dò, khai thác nước dưới đất, quan trắc, "
     "giám sát nước dưới đất.",
     ["Kiểm tra việc chấp hành quy định về các hoạt động khoan, đào, thăm dò, khai thác nước dưới đất, quan trắc, "
      "giám sát nước dưới đất"]),
    ("1. Thực hiện tốt công tác quản lý, thăm dò, khai thác, sử dụng tài nguyên nước, hành nghề khoan nước dưới đất, "
     "quan trắc, phân tích chất lượng nguồn nước.",
     ["Thực hiện tốt công tác quản lý, thăm dò, khai thác, sử dụng tài nguyên nước, hành nghề khoan nước dưới đất, "
      "quan trắc, phân tích chất lượng nguồn nước"]),
])
def test_running_activity_list_takes_a_bare_verb(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # only two bare activities open the list: no running list, the verb with its object cuts
    ("1. Tăng cường công tác quản lý, kiểm tra đất đai tại cơ sở, xây dựng kế hoạch sử dụng đất của xã.",
     ["Tăng cường công tác quản lý, kiểm tra đất đai tại cơ sở", "xây dựng kế hoạch sử dụng đất của xã"]),
    # after the running list, a verb with its own object (not a bare verb) is a new task
    ("1. Thực hiện tốt công tác quản lý, thăm dò, khai thác, sử dụng tài nguyên nước dưới đất, tổ chức tập huấn "
     "cho cán bộ cơ sở.",
     ["Thực hiện tốt công tác quản lý, thăm dò, khai thác, sử dụng tài nguyên nước dưới đất",
      "tổ chức tập huấn cho cán bộ cơ sở"]),
])
def test_running_activity_list_does_not_swallow_a_new_task(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ a partner frame alone is no task: it goes on with its predicate
def test_partner_frame_and_organise_word_are_data():
    from directive_nlp.tasks.frames import frames
    assert frames().support.match("Phối hợp với các sở, ngành") and not frames().support.match("Triển khai các chương trình")
    assert "tổ chức" in load_lexicon_data()["organise_words"]


@pytest.mark.parametrize("sentence, tasks", [
    ("1. Phối hợp với các sở, ngành, triển khai các chương trình phát triển kinh tế số trong các ngành, lĩnh vực.",
     ["triển khai các chương trình phát triển kinh tế số trong các ngành, lĩnh vực"]),
    ("1. Phối hợp chặt chẽ với cấp ủy, chính quyền các cấp, phát huy khối đại đoàn kết toàn dân trong tuyên truyền.",
     ["phát huy khối đại đoàn kết toàn dân trong tuyên truyền"]),
])
def test_partner_frame_goes_on_with_its_predicate(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # "tổ chức" after the partner list may be one more partner: the cut stays
    ("1. Sở Y tế phối hợp với Sở Tài chính, Công an tỉnh, tổ chức kiểm tra các cơ sở kinh doanh.",
     ["phối hợp với Sở Tài chính, Công an tỉnh", "tổ chức kiểm tra các cơ sở kinh doanh"]),
    # the frame already has an act of its own ("trong …"): the next verb is a new task
    ("1. Phối hợp với Sở Tài chính trong công tác quản lý giá, xây dựng các kế hoạch kiểm tra hằng năm.",
     ["Phối hợp với Sở Tài chính trong công tác quản lý giá", "xây dựng các kế hoạch kiểm tra"]),
])
def test_partner_frame_with_more_than_names_keeps_its_cut(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ "kết nối" as the next item of a noun list
@pytest.mark.parametrize("sentence, tasks", [
    ("1. Mở rộng, nâng cao chất lượng hạ tầng số, trung tâm dữ liệu, kết nối băng rộng tốc độ cao tại vùng sản xuất.",
     ["Mở rộng, nâng cao chất lượng hạ tầng số, trung tâm dữ liệu, kết nối băng rộng tốc độ cao tại vùng sản xuất"]),
    # after a verb-led segment "kết nối" with its object is a new act
    ("1. Xây dựng cơ sở dữ liệu ngành nông nghiệp của tỉnh, kết nối dữ liệu với hệ thống thông tin quốc gia.",
     ["Xây dựng cơ sở dữ liệu ngành nông nghiệp của tỉnh", "kết nối dữ liệu với hệ thống thông tin quốc gia"]),
])
def test_connectivity_as_a_list_item(sentence, tasks):
    assert texts(sentence) == tasks


# ------------------------------------------------------------------ a ";" clause opened by a preposition is a complement
def test_headless_clause_openers_are_data():
    d = load_lexicon_data()
    assert {"cho", "đến", "giữa", "đối với"} <= set(d["headless_clause_openers"])
    assert "theo" not in d["headless_clause_openers"]  # "theo dõi" is a verb
    assert "để" not in d["headless_clause_openers"]  # a ";" purpose may carry its own actor (tried and dropped)
    assert "cho phép" in d["headless_opener_verbs"]
    assert "năm" in d["headless_time_words"]


@pytest.mark.parametrize("sentence, tasks", [
    # a second recipient of the same training: one task
    ("1. Tổ chức bồi dưỡng kỹ năng phòng cháy cho cán bộ, công chức cấp xã; cho học sinh các trường trung học.",
     ["Tổ chức bồi dưỡng kỹ năng phòng cháy cho cán bộ, công chức cấp xã; cho học sinh các trường trung học"]),
    # a second audience of the same dissemination
    ("1. Phổ biến các quy định mới về đất đai đến cán bộ thôn, tổ dân phố; đến hộ gia đình, cá nhân sử dụng đất.",
     ["Phổ biến các quy định mới về đất đai đến cán bộ thôn, tổ dân phố; đến hộ gia đình, cá nhân sử dụng đất"]),
    # a second pair of the same coordination
    ("1. Xây dựng cơ chế lồng ghép nguồn vốn giữa các chương trình của tỉnh; giữa các dự án đầu tư công khác.",
     ["Xây dựng cơ chế lồng ghép nguồn vốn giữa các chương trình của tỉnh; giữa các dự án đầu tư công khác"]),
])
def test_headless_clause_joins_the_clause_before(sentence, tasks):
    assert texts(sentence) == tasks


@pytest.mark.parametrize("sentence, tasks", [
    # parallel fronted scopes, each with its own predicate
    ("1. Đối với các trường học xây mới, ưu tiên bố trí quỹ đất; đối với các trường đang hoạt động cải tạo phòng học "
     "xuống cấp.",
     ["ưu tiên bố trí quỹ đất", "đối với các trường đang hoạt động cải tạo phòng học xuống cấp"]),
    # a verb that begins with an opener word
    ("1. Ưu tiên bố trí trụ sở dôi dư cho các cơ sở y tế; cho phép cho thuê tài sản công đối với cơ sở tư nhân.",
     ["Ưu tiên bố trí trụ sở dôi dư cho các cơ sở y tế", "cho phép cho thuê tài sản công đối với cơ sở tư nhân"]),
    # a fronted time: its predicate follows
    ("1. Triển khai mô hình thôn an toàn tại các xã biên giới; đến năm 2030 đạt 80% thôn được công nhận.",
     ["Triển khai mô hình thôn an toàn tại các xã biên giới", "đến năm 2030 đạt 80% thôn được công nhận"]),
    # a fronted scope, then its predicate after the comma
    ("1. Rà soát các cơ sở kinh doanh karaoke trên địa bàn; về công tác phòng cháy, kiểm tra định kỳ các cơ sở có "
     "nguy cơ cao.",
     ["Rà soát các cơ sở kinh doanh karaoke trên địa bàn",
      "về công tác phòng cháy, kiểm tra định kỳ các cơ sở có nguy cơ cao"]),
])
def test_clause_with_its_own_predicate_stays_apart(sentence, tasks):
    assert texts(sentence) == tasks
