"""Times inside a task's own sentence, settled after the walker (directive_nlp.tasks.timing.settle_clause_times).

Three facts of the genre: a sentence-final cycle belongs to its own ";"
clause; an ongoing or cycle adverb right before a task's verb (or right after
a light verb that opens it) is the task's time; a conditional event that
closes a task's clause wins over "thường xuyên". Each has positive and
negative examples, as functions and through the pipeline on small plans of
our own.
"""

from __future__ import annotations

import pytest

from directive_nlp.deadlines import load_vocabulary
from directive_nlp.models import Deadline, Task
from directive_nlp.pipeline import extract_text
from directive_nlp.tasks.timing import (applicability_condition, nearer_case, post_verb_time, settle_clause_times,
                                        task_head_time)


def plan(body: str) -> str:
    return (
        "ỦY BAN NHÂN DÂN TỈNH AN PHÚ\n\nKẾ HOẠCH\n\nThực hiện công tác phòng, chống ma túy\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n\nBảo đảm đồng bộ, hiệu quả.\n\n"
        f"II. NHIỆM VỤ, GIẢI PHÁP\n\n{body}\n"
    )


def deadlines(body: str) -> dict[str, tuple | None]:
    out = {}
    for t in extract_text(plan(body), "plan.md").tasks:
        d = t.deadline
        out[t.task] = None if d is None else (d.kind, d.date or d.frequency)
    return out


def find(ds: dict, words: str):
    hits = [v for k, v in ds.items() if words in k]
    assert hits, f"no task with {words!r} in {list(ds)}"
    return hits[0]


def test_light_verbs_are_vocabulary():
    assert "thực hiện" in load_vocabulary()["adverb_hosts"]


# --- a time adverb heads its predicate -------------------------------------

@pytest.mark.parametrize("sentence,task_start,kind", [
    ("phối hợp các sở, ngành liên quan thường xuyên tổ chức kiểm tra, xử lý vi phạm", "tổ chức", "ongoing"),
    ("phối hợp các sở, ngành liên quan thường xuyên tổ chức kiểm tra, xử lý vi phạm", "thường xuyên", "ongoing"),
    ("thực hiện thường xuyên, liên tục, đồng bộ các giải pháp phòng ngừa", "thực hiện", "ongoing"),
    ("chủ trì, phối hợp với Sở Tư pháp định kỳ hằng năm tổ chức sơ kết", "tổ chức", "recurring"),
])
def test_adverb_heading_the_task(sentence, task_start, kind):
    assert task_head_time(sentence, sentence.index(task_start)).kind == kind


@pytest.mark.parametrize("sentence,task_start", [
    ("bố trí kinh phí chi thường xuyên cho công tác phòng, chống ma túy", "cho"),  # a budget line
    ("thực hiện nhiệm vụ thường xuyên của ngành", "thực hiện"),  # the adverb is inside the object
    ("kiểm tra thường xuyên các cơ sở kinh doanh", "kiểm tra"),  # not a light verb: the analyser's call
    ("xếp loại cán bộ hằng năm, tổ chức tuyên truyền", "tổ chức"),  # a comma closes the earlier clause
    ("tổ chức tuyên truyền trước ngày 30/6/2026", "tổ chức"),  # a date is no adverb of the predicate
])
def test_no_adverb_heading_the_task(sentence, task_start):
    assert task_head_time(sentence, sentence.index(task_start)) is None


def test_adverb_before_the_verb_dates_the_task_and_leaves_its_text():
    ds = deadlines("1. Sở Y tế kiểm tra việc thực hiện quy chế chuyên môn; phối hợp các sở, ngành liên quan "
                   "thường xuyên tổ chức kiểm tra, xử lý những vi phạm liên quan.\n")
    assert find(ds, "tổ chức kiểm tra, xử lý") == ("ongoing", None)
    assert not any(k.startswith("thường xuyên") for k in ds)
    assert find(ds, "quy chế chuyên môn") is None


def test_adverb_after_a_light_verb_dates_the_task():
    ds = deadlines("1. Công an tỉnh thực hiện thường xuyên, liên tục các giải pháp phòng ngừa tội phạm.\n")
    assert find(ds, "các giải pháp phòng ngừa") == ("ongoing", None)


def test_adverb_inside_the_object_dates_nothing():
    ds = deadlines("1. Công an tỉnh thực hiện nhiệm vụ thường xuyên của ngành.\n\n"
                   "2. Sở Tài chính bố trí kinh phí chi thường xuyên cho công tác phòng, chống ma túy.\n")
    assert find(ds, "nhiệm vụ thường xuyên") is None
    assert find(ds, "bố trí kinh phí") is None


# --- a cycle ends its own clause ---------------------------------------------

def test_sentence_final_cycle_dates_only_its_clause():
    ds = deadlines("1. Sở Khoa học và Công nghệ xây dựng kế hoạch triển khai tại cơ quan; bảo đảm triển khai "
                   "nhiệm vụ đồng bộ, hiệu quả; báo cáo UBND tỉnh kết quả thực hiện trước ngày 15 hằng tháng.\n")
    assert find(ds, "báo cáo UBND tỉnh") == ("recurring", "monthly")
    assert find(ds, "xây dựng kế hoạch") is None
    assert find(ds, "bảo đảm triển khai") is None


def test_sentence_final_date_still_dates_the_whole_item():
    ds = deadlines("1. Sở Nội vụ xây dựng kế hoạch triển khai; báo cáo UBND tỉnh kết quả thực hiện "
                   "trong tháng 11/2025.\n")
    assert find(ds, "xây dựng kế hoạch") == ("on", "2025-11-30")
    assert find(ds, "báo cáo UBND tỉnh") == ("on", "2025-11-30")


def test_cycle_in_the_same_comma_clause_covers_its_tasks():
    ds = deadlines("1. Sở Y tế tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15 hằng tháng.\n")
    assert all(v == ("recurring", "monthly") for v in ds.values()), ds


def test_cycle_stays_when_no_later_task_holds_it():
    sent = "lập kế hoạch; hằng năm"
    cycle = Deadline(text="hằng năm", kind="recurring", frequency="yearly")
    t = Task(id="a", section="II.1", sentence=sent, task="lập kế hoạch", deadline=cycle, span=(0, len(sent)))
    assert settle_clause_times([t])[0].deadline == cycle


# --- a binding trigger beats "thường xuyên" ----------------------------------

def test_event_closing_the_clause_wins_over_ongoing():
    ds = deadlines("1. Giao Công an tỉnh chủ trì, phối hợp với các sở, ngành liên quan thường xuyên rà soát, "
                   "tham mưu Ủy ban nhân dân tỉnh điều chỉnh nội dung Kế hoạch này ngay sau khi Luật Phòng, "
                   "chống ma túy (sửa đổi) được Quốc hội thông qua.\n")
    assert find(ds, "rà soát") == ("conditional", None)


def test_event_of_another_clause_leaves_ongoing():
    ds = deadlines("1. Công an tỉnh thường xuyên rà soát, tham mưu điều chỉnh nội dung Kế hoạch; báo cáo "
                   "Ủy ban nhân dân tỉnh sau khi Bộ Công an có văn bản hướng dẫn.\n")
    assert find(ds, "rà soát") == ("ongoing", None)
    assert find(ds, "báo cáo") == ("conditional", None)


def test_closing_condition_of_applicability_leaves_ongoing():
    # "nếu vượt thẩm quyền" scopes the last verb ("báo cáo"), not the clause "thường xuyên" heads
    ds = deadlines("1. Chủ tịch Ủy ban nhân dân các xã phải thường xuyên, kịp thời thăm hỏi người lao động và tháo gỡ "
                   "khó khăn, vướng mắc theo thẩm quyền ngay tại cơ sở, kịp thời báo cáo nếu vượt thẩm quyền.\n")
    assert find(ds, "thăm hỏi") == ("ongoing", None)


def test_applicability_condition_is_told_from_an_event():
    cond = Deadline(text="nếu có khó khăn, vướng mắc", kind="conditional")
    case = Deadline(text="trường hợp vượt thẩm quyền", kind="conditional")
    event = Deadline(text="ngay sau khi Luật được Quốc hội thông qua", kind="conditional")
    assert applicability_condition(cond) and applicability_condition(case)
    assert not applicability_condition(event)
    assert not applicability_condition(Deadline(text="thường xuyên", kind="ongoing"))


# --- a bracketed time dates its clause ----------------------------------------

def test_bracketed_time_dates_its_clause_only():
    ds = deadlines("1. Các sở, ban, ngành xây dựng kế hoạch triển khai thực hiện (hoàn thành trong tháng 11/2025) "
                   "gửi về Công an tỉnh để tổng hợp; báo cáo Ủy ban nhân dân tỉnh theo quy định.\n")
    assert find(ds, "xây dựng kế hoạch") == ("on", "2025-11-30")
    assert find(ds, "báo cáo Ủy ban nhân dân tỉnh") is None


def test_bracketed_time_stops_at_the_sentence_end():
    ds = deadlines("1. Các sở, ban, ngành xây dựng kế hoạch triển khai thực hiện (hoàn thành trong tháng 11/2025) "
                   "gửi về Công an tỉnh. Thực hiện chế độ thông tin, báo cáo kết quả về Công an tỉnh.\n")
    assert find(ds, "xây dựng kế hoạch") == ("on", "2025-11-30")
    assert find(ds, "chế độ thông tin") is None


@pytest.mark.parametrize("sentence", [
    "thực hiện Chương trình mục tiêu quốc gia (giai đoạn 2021 - 2025) trên địa bàn",  # a programme's span
    "triển khai Chỉ thị (số 36-CT/TW ngày 16/8/2019) của Bộ Chính trị",  # a cited document's date
    "báo cáo kết quả (nếu có) về Sở Tư pháp",
])
def test_brackets_that_hold_no_date_of_the_task(sentence):
    from directive_nlp.tasks.timing import bracketed_times
    assert bracketed_times(sentence) == []


def test_bracketed_cycle_dates_its_clause():
    ds = deadlines("1. Sở Khoa học và Công nghệ hướng dẫn các cơ quan triển khai Kế hoạch; kiểm tra, tổng hợp, "
                   "báo cáo UBND tỉnh tình hình thực hiện Kế hoạch (định kỳ hằng năm).\n")
    assert find(ds, "báo cáo UBND tỉnh") == ("recurring", "yearly")
    assert find(ds, "hướng dẫn các cơ quan") is None


def test_span_of_years_after_a_preposition_dates_the_task():
    ds = deadlines("1. Chuẩn hóa dữ liệu quy hoạch xuyên suốt 2025 - 2035.\n\n"
                   "2. Sở Xây dựng xây dựng cơ sở dữ liệu quy hoạch 2025 - 2026.")
    assert find(ds, "Chuẩn hóa dữ liệu quy hoạch") == ("period", None)
    assert find(ds, "xây dựng cơ sở dữ liệu quy hoạch") is None


@pytest.mark.parametrize("sentence,kind", [
    ("cập nhật thường xuyên số lượng, chủng loại hàng dự trữ", "ongoing"),
    ("Cập nhật liên tục tình hình ngập sâu, chia cắt", "ongoing"),
    ("Theo dõi, cập nhật thường xuyên các chỉ số phát triển Chính phủ số", "ongoing"),
    ("thiết lập, cập nhật định kỳ bản đồ rủi ro thiên tai", "recurring"),
    ("báo cáo định kỳ về tiến độ thực hiện", "recurring"),
])
def test_adverb_after_the_head_verbs(sentence, kind):
    assert post_verb_time(sentence, 0, len(sentence)).kind == kind


@pytest.mark.parametrize("sentence", [
    "đôn đốc, kiểm tra, định kỳ sơ kết việc thực hiện",  # before a later verb
    "chỉ đạo Báo Đắk Lắk thường xuyên tuyên truyền về phong trào",  # after a noun: the object's adverb
    "Giám sát công tác vận hành hệ thống quan trắc tự động liên tục",  # the adjective of a noun
    "kiểm tra định kỳ, đột xuất các cơ sở kinh doanh",  # the nature of the work (recogniser blocker)
    "bố trí kinh phí chi thường xuyên cho công tác phòng, chống ma túy",
])
def test_no_adverb_after_the_head_verbs(sentence):
    assert post_verb_time(sentence, 0, len(sentence)) is None


def test_adverb_after_the_head_verbs_through_the_pipeline():
    ds = deadlines("1. Sở Công Thương cập nhật thường xuyên số lượng hàng dự trữ tại các siêu thị.\n\n"
                   "2. Sở Xây dựng chỉ đạo các chủ đầu tư thường xuyên kiểm tra chất lượng công trình.")
    assert find(ds, "cập nhật thường xuyên số lượng") == ("ongoing", None)
    assert find(ds, "chỉ đạo các chủ đầu tư") is None


def test_two_times_side_by_side_keep_the_task():
    # the right side of the cycle is only another time: the task keeps its predicate side
    ds = deadlines("1. Các sở, ngành gửi Sở Tài chính báo cáo định kỳ 6 tháng trước ngày 10 tháng 6 hàng năm.")
    assert find(ds, "gửi Sở Tài chính báo cáo") == ("recurring", "yearly")


def test_stated_day_wins_over_a_cycle_naming_the_report():
    ds = deadlines("1. Các sở gửi Sở Tài chính báo cáo tổng thể hàng năm trước ngày 30 tháng 01 hàng năm.\n\n"
                   "2. Các sở báo cáo số liệu định kỳ hàng tháng về Sở Tài chính.")
    got = [t for t in extract_text(plan("1. Các sở gửi Sở Tài chính báo cáo tổng thể hàng năm trước ngày 30 tháng 01 "
                                        "hàng năm."), "plan.md").tasks]
    assert got[0].deadline.day == 30 and got[0].deadline.month == 1
    assert find(ds, "báo cáo số liệu") == ("recurring", "monthly")  # no stated day: the cycle stays


def test_adverbial_cycle_dates_its_task_and_stays_in_mid_span():
    got = deadlines("1. Công an tỉnh thực hiện chế độ thông tin, báo cáo theo định kỳ của Chương trình.")
    hits = {k: v for k, v in got.items() if "theo định kỳ của Chương trình" in k}
    assert hits and all(v and v[0] == "recurring" for v in hits.values())


def test_bare_cycle_after_a_noun_describes_the_work():
    got = deadlines("1. Sở Y tế tổ chức khám định kỳ cho người lao động tại các khu công nghiệp.")
    assert list(got.values()) == [None]


def test_adverbial_cycle_prefixes_are_in_the_vocabulary():
    assert "theo" in load_vocabulary()["cycle_adverb_prefixes"]


def test_day_without_its_year_belongs_to_the_cycle_in_the_frame():
    got = deadlines("1. Các sở, ngành định kỳ hằng năm gửi báo cáo Sở Nội vụ tình hình thực hiện trước ngày 15 tháng 12.")
    assert find(got, "gửi báo cáo Sở Nội vụ") == ("recurring", "yearly")


def test_day_with_its_year_or_a_cycle_in_another_clause_stays_a_date():
    got = deadlines("1. Sở Nội vụ gửi báo cáo định kỳ hằng năm về Bộ Nội vụ; hoàn thành kế hoạch trước ngày 15 tháng 12.")
    assert find(got, "hoàn thành kế hoạch")[0] == "by"
    from directive_nlp.tasks.timing import _cycle_for_a_yearless_day

    sentence = "Các sở, ngành định kỳ hằng năm gửi báo cáo Sở Nội vụ trước ngày 15 tháng 12 năm 2026"
    dated = Deadline(text="trước ngày 15 tháng 12 năm 2026", kind="by", date="2026-12-15")
    assert _cycle_for_a_yearless_day(sentence, (sentence.find("gửi"), len(sentence)), dated, None) is None
    yearless = Deadline(text="trước ngày 15 tháng 12", kind="by", date="2026-12-15")
    got = _cycle_for_a_yearless_day(sentence.replace(" năm 2026", ""), (sentence.find("gửi"), len(sentence) - 9), yearless, None)
    assert (got.frequency, got.day, got.month) == ("yearly", 15, 12)


# --- a target's year inside another task's object (timing.embedded_target_year) ---
def test_target_year_inside_an_object_dates_nothing():
    ds = deadlines("1. Sở Xây dựng nghiên cứu, thí điểm các giải pháp vật liệu để xây dựng công trình xanh, bảo đảm "
                   "mục tiêu đạt 1.200 công trình xanh trên địa bàn tỉnh vào năm 2030.\n\n"
                   "2. Công an tỉnh hướng dẫn các xã xây dựng lộ trình đạt mục tiêu ít nhất 50% xã không ma túy "
                   "vào năm 2030 và các mục tiêu đã đề ra.")
    assert find(ds, "thí điểm các giải pháp") is None
    assert find(ds, "hướng dẫn các xã") is None


def test_a_quantity_before_the_year_is_a_target_too():
    # vocabulary quantity_units: "500 km vào năm 2030" dates the list's target, not the task that uses the list
    assert "km" in load_vocabulary()["quantity_units"]
    ds = deadlines("1. Các sở, ngành tiếp tục rà soát quy hoạch, đăng ký nhu cầu vốn theo hướng dẫn của Sở Tài chính; "
                   "ưu tiên các dự án đường tỉnh trong danh mục hoàn thành 500 km vào năm 2030; không bố trí vốn "
                   "cho các dự án khác.\n")
    assert find(ds, "ưu tiên các dự án") is None


@pytest.mark.parametrize("body, words, expected", [
    # the task is the target (a target verb opens it): it keeps the year
    ("1. Sở Xây dựng hoàn thành 500 km đường giao thông nông thôn vào năm 2030.\n", "hoàn thành 500 km",
     ("on", "2030-12-31")),
    # the quantity is not right before the year: the year dates the work
    ("1. Sở Y tế chủ trì số hoá 100% hồ sơ sức khỏe điện tử trong năm 2026.\n", "hồ sơ sức khỏe",
     ("on", "2026-12-31")),
])
def test_a_quantity_leaves_the_year_of_a_target_task(body, words, expected):
    assert find(deadlines(body), words) == expected


def test_a_task_that_is_the_target_keeps_its_year():
    ds = deadlines("1. Công an tỉnh phấn đấu đạt mục tiêu xây dựng 20% xã không ma túy trong năm 2026.\n\n"
                   "2. Sở Giao thông vận tải bảo đảm mục tiêu 100% phương tiện giao thông công cộng sử dụng năng lượng sạch, "
                   "năng lượng xanh vào năm 2030.\n\n"
                   "3. Sở Nội vụ xây dựng bộ chỉ tiêu đánh giá cải cách hành chính, hoàn thành trước ngày 30 tháng 6 "
                   "năm 2026.")
    assert find(ds, "phấn đấu đạt mục tiêu") == ("on", "2026-12-31")
    assert find(ds, "bảo đảm mục tiêu") == ("on", "2030-12-31")
    assert find(ds, "xây dựng bộ chỉ tiêu") == ("by", "2026-06-30")  # a full date, not a target's year


def test_a_fronted_cycle_takes_a_yearless_day_without_the_documents_date():
    from directive_nlp.tasks.timing import _cycle_for_a_yearless_day

    sentence = ("Hàng năm, trước ngày 25 tháng 12, các cơ quan chủ trì gửi Bộ Nông nghiệp và Môi trường báo cáo "
                "tình hình triển khai các nhiệm vụ")
    task = "các cơ quan chủ trì gửi Bộ Nông nghiệp và Môi trường báo cáo tình hình triển khai các nhiệm vụ"
    start = sentence.find(task)
    day = Deadline(text="trước ngày 25 tháng 12", kind="by")  # no date: the document's date is unknown
    got = _cycle_for_a_yearless_day(sentence, (start, start + len(task)), day, None)
    assert (got.kind, got.frequency, got.day, got.month) == ("recurring", "yearly", 25, 12)
    # negative: no cycle before the day
    plain = "Trước ngày 25 tháng 12, các cơ quan chủ trì gửi báo cáo"
    assert _cycle_for_a_yearless_day(plain, (24, len(plain)), day, None) is None


@pytest.mark.parametrize("task, kind, text", [
    ("phấn đấu đạt 20% xã, phường “không ma túy” năm 2025, bảo đảm", "on", "năm 2025"),
    ("đến năm 2030 đạt 100% “xã, phường không ma túy”", "by", "đến năm 2030"),
    ("phấn đấu tới năm 2030 cung cấp miễn phí sách giáo khoa cho tất cả học sinh", "by", "tới năm 2030"),
    ("bảo đảm đến hết năm 2030 đạt 50% địa bàn cấp xã “không ma túy”", "by", "đến hết năm 2030"),
])
def test_a_target_task_takes_the_year_in_its_own_text(task, kind, text):
    from directive_nlp.tasks.timing import target_year

    d = target_year(task)
    assert (d.kind, d.text, d.date[:4]) == (kind, text, text[-4:])


@pytest.mark.parametrize("task", [
    "tổ chức tổng kết việc thực hiện Kế hoạch năm 2025",  # not a target: no target verb heads it
    "phấn đấu hoàn thành các chỉ tiêu của Nghị quyết Đại hội năm 2025",  # the year names the resolution
    "đến năm 2030 các xã hoàn thành việc số hóa",  # a year first, but no target verb after it
])
def test_no_target_year(task):
    from directive_nlp.tasks.timing import target_year

    assert target_year(task) is None


def test_a_target_year_wins_over_a_heading_period():
    ds = deadlines("1. Giai đoạn 2026 - 2030\n\n- Sở Công Thương hỗ trợ doanh nghiệp nhỏ và vừa ứng dụng công nghệ số, "
                   "phấn đấu đến năm 2030 đạt 30% doanh nghiệp nhỏ và vừa thực hiện.\n")
    assert find(ds, "hỗ trợ doanh nghiệp") == ("period", None)  # the heading's period (this helper shows no start)
    assert find(ds, "phấn đấu đến năm 2030") == ("by", "2030-12-31")


def test_a_sentence_final_cycle_before_an_adhoc_alternative_covers_its_sentence():
    ds = deadlines("1. Sở Văn hóa tổ chức đánh giá thực hiện Kế hoạch, báo cáo Ủy ban nhân dân tỉnh định kỳ hằng năm "
                   "hoặc đột xuất theo yêu cầu. Căn cứ báo cáo đánh giá, trình Ủy ban nhân dân tỉnh xem xét điều chỉnh "
                   "Kế hoạch.")
    assert find(ds, "tổ chức đánh giá") == ("recurring", "yearly")
    assert find(ds, "báo cáo Ủy ban") == ("recurring", "yearly")
    assert find(ds, "trình Ủy ban") is None  # the next sentence keeps its own time (none)


def test_an_adhoc_alternative_alone_is_no_time_of_the_sentence():
    from directive_nlp.deadlines import adhoc_tail

    assert adhoc_tail(" hoặc đột xuất theo yêu cầu.") and adhoc_tail(", đột xuất khi cần thiết")
    assert not adhoc_tail(" hoặc đột xuất theo yêu cầu của Sở Nội vụ về tình hình thực hiện.")
    assert not adhoc_tail(" về tình hình thực hiện Kế hoạch.")


def test_a_task_written_twice_in_its_item_is_found_in_reading_order():
    ds = deadlines("1. Các sở, ngành định kỳ hằng năm gửi báo cáo Sở Khoa học và Công nghệ tình hình thực hiện trước "
                   "ngày 15 tháng 12 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh; cập nhật tiến độ trên hệ thống. Sở Khoa "
                   "học và Công nghệ tổng hợp tình hình, báo cáo Ủy ban nhân dân tỉnh trước ngày 30 tháng 01 của năm "
                   "tiếp theo.")
    assert find(ds, "tổng hợp tình hình") == ("recurring", "yearly")
    later = [v for k, v in ds.items() if k == "báo cáo Ủy ban nhân dân tỉnh"]
    assert later and later[-1] == ("recurring", "yearly")  # the second sentence's report keeps its own cycle
    assert find(ds, "cập nhật tiến độ") is None


# --------------------------------------------------------------------------
# a case written right before a task's clause beats an earlier condition (branch dlaudit13)
# --------------------------------------------------------------------------

_CLOSING = ("Trong quá trình thực hiện nếu có khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo về Sở Y tế để "
            "xem xét giải quyết theo thẩm quyền, trường hợp vượt thẩm quyền, báo cáo Ủy ban nhân dân tỉnh xem "
            "xét, quyết định.")


def test_case_nouns_are_vocabulary():
    assert {"trường hợp", "trong trường hợp"} <= set(load_vocabulary()["case_openers"])


@pytest.mark.parametrize("sentence, task, case", [
    (_CLOSING, "báo cáo Ủy ban", "trường hợp vượt thẩm quyền"),
    ("Các sở phản ánh về Sở Khoa học và Công nghệ; trường hợp vượt thẩm quyền, Sở Khoa học và Công nghệ "
     "tổng hợp báo cáo Ủy ban nhân dân tỉnh", "tổng hợp báo cáo", "trường hợp vượt thẩm quyền"),
    ("Sở Tài chính thẩm định, trong trường hợp cần điều chỉnh giá, trình Ủy ban nhân dân tỉnh quyết định",
     "trình Ủy ban", "trong trường hợp cần điều chỉnh giá"),
])
def test_a_case_opens_the_clause_after_it(sentence, task, case):
    found = nearer_case(sentence, sentence.index(task))
    assert found is not None and found[1].kind == "conditional" and found[1].text == case


@pytest.mark.parametrize("sentence, task", [
    (_CLOSING, "báo cáo về Sở Y tế"),  # the case after the task is not its own
    ("Sở Tư pháp rà soát các trường hợp vi phạm, báo cáo Ủy ban nhân dân tỉnh", "báo cáo Ủy ban"),  # a noun
    ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, báo cáo Sở Y tế", "báo cáo Sở"),  # no case noun
    ("Trường hợp vượt thẩm quyền, báo cáo Sở Y tế; tổng hợp ý kiến các sở, gửi Bộ Y tế", "gửi Bộ"),  # a ";" between
])
def test_no_case_opening_the_clause(sentence, task):
    assert nearer_case(sentence, sentence.index(task)) is None


def test_a_case_in_mid_sentence_dates_its_own_clause_through_the_pipeline():
    ds = deadlines(f"1. Tổ chức thực hiện\n\n{_CLOSING}")
    assert find(ds, "báo cáo về Sở Y tế") == ("conditional", None)
    assert find(ds, "báo cáo Ủy ban") == ("conditional", None)
    texts = _case_texts(_CLOSING)
    assert texts["báo cáo về Sở Y tế"] == "nếu có khó khăn, vướng mắc"
    assert texts["báo cáo Ủy ban"] == "trường hợp vượt thẩm quyền"


def _case_texts(body: str) -> dict[str, str | None]:
    out = {}
    for t in extract_text(plan(f"1. Tổ chức thực hiện\n\n{body}"), "plan.md").tasks:
        for key in ("báo cáo về Sở Y tế", "báo cáo Ủy ban"):
            if t.task.startswith(key):
                out[key] = t.deadline.text if t.deadline else None
    return out


# --- a sentence of dated steps: the final date closes its own clauses -------------

_STEPS = ("1. Bộ Công an chủ trì ban hành hướng dẫn rà soát cơ sở dữ liệu; hoàn thành việc ban hành hướng dẫn "
          "trước ngày 25 tháng 11 năm 2025; các sở, ngành tổ chức rà soát cơ sở dữ liệu thuộc phạm vi quản lý; "
          "gửi kết quả về Bộ Công an trước ngày 10 tháng 12 năm 2025; Bộ Công an tổng hợp, đánh giá lại chất "
          "lượng cơ sở dữ liệu; công bố kết quả trong năm 2026.\n")


def test_an_undated_step_takes_the_date_of_the_next_dated_step():
    ds = deadlines(_STEPS)
    assert find(ds, "ban hành hướng dẫn rà soát") == ("by", "2025-11-25")
    assert find(ds, "tổ chức rà soát") == ("by", "2025-12-10")


def test_the_final_date_closes_the_steps_after_the_last_dated_one():
    ds = deadlines(_STEPS)
    assert find(ds, "đánh giá lại") == ("on", "2026-12-31")
    assert find(ds, "công bố kết quả") == ("on", "2026-12-31")


@pytest.mark.parametrize("body", [
    # no earlier dated ";" clause: the final date is written once for the item
    "1. Sở Nội vụ xây dựng kế hoạch triển khai; tổ chức tập huấn cho cán bộ; báo cáo UBND tỉnh kết quả "
    "thực hiện trong tháng 12/2025.\n",
    # the earlier time is a cycle, not a date of its own step
    "1. Sở Nội vụ xây dựng kế hoạch triển khai; báo cáo UBND tỉnh hằng tháng; tổ chức tổng kết, đánh giá "
    "việc thực hiện trong tháng 12/2025.\n",
])
def test_a_final_date_with_no_dated_step_before_it_dates_the_whole_item(body):
    assert find(deadlines(body), "xây dựng kế hoạch") == ("on", "2025-12-31")


# --- a time in mid-span before the recipient: the task keeps its verb ------------

def tasks_of(body: str) -> dict[str, object]:
    return {t.task: t for t in extract_text(plan(body), "plan.md").tasks}


@pytest.mark.parametrize("body, task, to", [
    ("1. Các sở, ngành định kỳ báo cáo kết quả thực hiện trước ngày 20/11 về Sở Y tế để tổng hợp.\n",
     "báo cáo kết quả thực hiện", "Sở Y tế"),
    ("1. Các sở, ngành gửi báo cáo tình hình thực hiện trong tháng 12/2025 cho Sở Nội vụ để tổng hợp, "
     "báo cáo UBND tỉnh.\n", "gửi báo cáo tình hình thực hiện", "Sở Nội vụ"),
])
def test_a_recipient_after_a_mid_span_time_leaves_the_verb_in_the_task(body, task, to):
    ts = tasks_of(body)
    assert task in ts, list(ts)
    assert to in ts[task].report_to
    assert not any(k.startswith(("về ", "cho ")) for k in ts), list(ts)


def test_a_topic_after_a_mid_span_time_is_not_a_recipient():
    # "về công tác …" (no named body) is what the work is about: the longer side stays the task
    ts = tasks_of("1. Sở Y tế tuyên truyền trong năm 2026 về công tác dân số và kế hoạch hóa gia đình.\n")
    assert any("công tác dân số" in k for k in ts), list(ts)


# --- a time that opens the sentence scopes over its own ";" clause ---------------

@pytest.mark.parametrize("body, first, second, value", [
    ("1. Hằng năm, Sở Y tế tổ chức Tháng hành động vì người cao tuổi; Sở Lao động tổ chức thăm hỏi người "
     "cao tuổi.\n", "Tháng hành động", "thăm hỏi", ("recurring", "yearly")),
    ("1. Trong tháng 12/2025, Sở Y tế tổ chức hội nghị tổng kết; Sở Nội vụ tổ chức khen thưởng.\n",
     "hội nghị tổng kết", "khen thưởng", ("on", "2025-12-31")),
])
def test_an_opening_time_dates_its_own_clause_only(body, first, second, value):
    ds = deadlines(body)
    assert find(ds, first) == value
    assert find(ds, second) is None


def test_an_opening_time_without_a_later_clause_dates_the_sentence():
    ds = deadlines("1. Hằng năm, Sở Y tế tổ chức Tháng hành động vì người cao tuổi, tổ chức thăm hỏi người cao tuổi.\n")
    assert all(v == ("recurring", "yearly") for v in ds.values()), ds


def test_an_opening_case_sets_up_every_clause_after_it():
    ds = deadlines("1. Trường hợp phát sinh vướng mắc, Sở Y tế tổng hợp ý kiến của các cơ quan; báo cáo UBND tỉnh "
                   "xem xét, quyết định.\n")
    assert find(ds, "tổng hợp ý kiến") == ("conditional", None)
    assert find(ds, "báo cáo UBND tỉnh") == ("conditional", None)


# --- a year that ends a target clause is that target's horizon -------------------

def test_a_target_clause_keeps_its_year_from_the_clauses_before():
    ds = deadlines("1. Ủy ban nhân dân các tỉnh tăng cường giám sát chặt chẽ các công trường thi công xây dựng; "
                   "đảm bảo mục tiêu về công trình xanh: mỗi tỉnh có tối thiểu 20 công trình xây dựng xanh vào "
                   "năm 2030.\n")
    assert find(ds, "đảm bảo mục tiêu") == ("on", "2030-12-31")
    assert find(ds, "tăng cường giám sát") is None


@pytest.mark.parametrize("body", [
    # no target noun: "hoàn thành việc di dời … vào năm 2030" is a date written for the item
    "1. Ủy ban nhân dân các tỉnh rà soát các cơ sở gây ô nhiễm; hoàn thành việc di dời các cơ sở vào năm 2030.\n",
    # a date, not a year alone: a time written for the item
    "1. Ủy ban nhân dân các tỉnh rà soát các cơ sở gây ô nhiễm; đảm bảo mục tiêu di dời các cơ sở trong tháng "
    "12 năm 2030.\n",
])
def test_a_final_year_outside_a_target_clause_dates_the_whole_item(body):
    assert find(deadlines(body), "rà soát các cơ sở") is not None


# --- a time column that repeats the task cell's own dated phrase -----------------

_TABLE = ("| TT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn hoàn thành |\n|---|---|---|---|\n"
          "| 1 | {task} | Sở Y tế | {time} |\n")


def _row_deadline(task: str, time: str):
    body = "1. Các sở, ngành thực hiện các nhiệm vụ tại bảng sau.\n\n" + _TABLE.format(task=task, time=time)
    rows = [t for t in extract_text(plan(body), "plan.md").tasks if (t.rule or "").startswith("table-row")]
    assert rows, "no table row read"
    d = rows[0].deadline
    return d and (d.kind, d.date)


def test_the_cell_cue_gives_the_kind_of_the_column_date():
    assert _row_deadline("Xây dựng kế hoạch triển khai, gửi về Sở Nội vụ trước ngày 18/10/2025",
                         "18/10/2025") == ("by", "2025-10-18")


@pytest.mark.parametrize("task, time, value", [
    # no cue in the cell: the column's date is a day (OUTPUT.md "ngày 15/6/2024" → on)
    ("Xây dựng kế hoạch triển khai", "18/10/2025", ("on", "2025-10-18")),
    # the cell's phrase names another date: the column wins
    ("Xây dựng kế hoạch triển khai, gửi về Sở Nội vụ trước ngày 10/10/2025", "18/10/2025", ("on", "2025-10-18")),
])
def test_the_column_date_stays_without_the_same_cue_in_the_cell(task, time, value):
    assert _row_deadline(task, time) == value


# --- two activities, each with its own time: a short second one is no fragment ------

def test_a_short_activity_with_its_own_time_stays_a_task():
    ds = deadlines("1. Sở Y tế tổ chức sơ kết việc thực hiện Kế hoạch vào năm 2028 và tổng kết vào năm 2030.\n")
    assert find(ds, "sơ kết việc thực hiện Kế hoạch") == ("on", "2028-12-31")
    assert ds.get("tổng kết") == ("on", "2030-12-31"), ds


def test_a_time_shared_by_short_verbs_keeps_them_one_task():
    ds = deadlines("1. Sở Y tế tổ chức tuyên truyền, phổ biến trong tháng 11/2025.\n")
    assert ds == {"tổ chức tuyên truyền, phổ biến": ("on", "2025-11-30")}, ds
