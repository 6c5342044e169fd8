"""Case clauses of procedure texts (quy chế, chỉ thị on procedures) date the tasks they open.

A clause that opens with a case ("Trường hợp …: Sở X làm …", "Trường hợp …,
Sở X làm …") makes its tasks `conditional` (annotation notes 02-05-06 §3,
04-07-08 §8); a case that is nothing but need ("trường hợp cần thiết") is no
deadline, while a need with its event ("Trường hợp cần điều chỉnh …") is a
case. A passive whose agent is named ("khi được Chủ tịch UBND tỉnh giao") is
someone else's act, as "khi Bộ X ban hành" is. Through the pipeline on a
small regulation of our own (the recogniser's own examples are in
tests/test_deadlines.py).
"""

from __future__ import annotations

from directive_nlp.deadlines import load_vocabulary
from directive_nlp.pipeline import extract_text

RULES = """ỦY BAN NHÂN DÂN TỈNH AN PHÚ

QUY CHẾ

Phối hợp quản lý giá trên địa bàn tỉnh

Điều 4. Trách nhiệm của các cơ quan

1. Sở Tài chính chủ trì thẩm định phương án giá theo quy định.

2. Trường hợp hàng hóa, dịch vụ do một cấp định giá: Sở Công Thương có trách nhiệm trình Ủy ban nhân dân tỉnh ban hành văn bản định giá.

3. Trường hợp cần điều chỉnh Danh mục hàng hóa bình ổn giá: Sở Xây dựng đề xuất điều chỉnh Danh mục, gửi Sở Tài chính tổng hợp.

4. Sở Y tế tổ chức kiểm tra giá thuốc trong trường hợp cần thiết.

5. Sở Tư pháp thẩm định dự thảo văn bản. Trường hợp dự thảo chưa đủ hồ sơ, Sở Tư pháp trả lại hồ sơ cho cơ quan soạn thảo.

6. Sở Nội vụ thực hiện nhiệm vụ khác khi được Chủ tịch Ủy ban nhân dân tỉnh giao.

7. Sở Nông nghiệp và Môi trường cung cấp số liệu khi được yêu cầu.

8. Sở Công Thương có ý kiến trong thời hạn quy định về phương án giá, gửi Sở Tài chính.

9. Sở Giáo dục và Đào tạo gửi ý kiến bằng văn bản về mức thu học phí trong thời hạn quy định.

10. Đối với những nội dung vượt thẩm quyền, Sở Tài chính báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định.

11. Sở Tư pháp báo cáo cấp có thẩm quyền đối với những vấn đề vượt thẩm quyền, bảo đảm kịp thời, đúng quy định.
"""


def kinds() -> dict[str, str | None]:
    out = {}
    for t in extract_text(RULES, "quy-che.md").tasks:
        out[t.task] = t.deadline.kind if t.deadline else None
    return out


def kind_of(ks: dict, words: str):
    hits = [v for k, v in ks.items() if words in k]
    assert hits, f"no task with {words!r} in {list(ks)}"
    return hits


def test_vocabulary_keys():
    v = load_vocabulary()
    assert "cần" in v["case_blockers"] and "được" in v["agent_passives"]


def test_case_closed_by_a_colon_dates_its_task():
    assert kind_of(kinds(), "trình Ủy ban nhân dân tỉnh ban hành văn bản định giá") == ["conditional"]


def test_need_with_its_event_dates_every_task_of_the_item():
    ks = kinds()
    assert kind_of(ks, "đề xuất điều chỉnh Danh mục") == ["conditional"]
    assert kind_of(ks, "gửi Sở Tài chính tổng hợp") == ["conditional"]


def test_case_in_the_second_sentence_dates_only_its_sentence():
    ks = kinds()
    assert kind_of(ks, "thẩm định dự thảo văn bản") == [None]
    assert kind_of(ks, "trả lại hồ sơ") == ["conditional"]


def test_statutory_limit_dates_its_task_and_stays_in_mid_span():
    ks = kinds()
    assert kind_of(ks, "có ý kiến trong thời hạn quy định về phương án giá") == ["conditional"]
    # at the end of the span the limit is cut from the task, as any time is
    hits = [k for k in ks if "mức thu học phí" in k]
    assert hits and all("thời hạn" not in k for k in hits) and kind_of(ks, "mức thu học phí") == ["conditional"]


def test_scope_preposition_is_a_condition_only_at_the_head_of_its_clause():
    ks = kinds()
    assert kind_of(ks, "báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định") == ["conditional"]
    assert kind_of(ks, "báo cáo cấp có thẩm quyền đối với những vấn đề vượt thẩm quyền, bảo đảm kịp thời") == [None]


def test_vocabulary_keys_of_statutory_limits_and_agent_links():
    v = load_vocabulary()
    assert "trong thời hạn quy định" in v["statutory_limits"] and "của" in v["agent_links"]


def test_agent_passive_dates_its_task():
    assert kind_of(kinds(), "thực hiện nhiệm vụ khác") == ["conditional"]


def test_no_deadline_without_a_case_of_its_own():
    ks = kinds()
    assert kind_of(ks, "thẩm định phương án giá") == [None]
    assert kind_of(ks, "tổ chức kiểm tra giá thuốc") == [None]  # a bare need
    assert kind_of(ks, "cung cấp số liệu") == [None]  # a passive with no agent


DIRECTIVE = """ỦY BAN NHÂN DÂN TỈNH AN PHÚ

CHỈ THỊ

Về thủ tục đầu tư

I. NHIỆM VỤ

1. Sở Tài chính

a) Trường hợp các cơ quan có ý kiến khác nhau thì tổ chức họp để thống nhất và báo cáo Ủy ban nhân dân tỉnh.

b) Chủ trì thẩm định hồ sơ dự án; trường hợp cần cơ quan chuyên môn khác tham gia thì gửi văn bản lấy ý kiến.

c) Trường hợp phát sinh vướng mắc, kịp thời báo cáo Ủy ban nhân dân tỉnh; đồng thời đề xuất phương án xử lý.
"""


def test_case_opening_the_clause_dates_its_task_and_leaves_its_text():
    tasks = {t.task: t.deadline.kind if t.deadline else None for t in extract_text(DIRECTIVE, "chi-thi.md").tasks}
    assert tasks.get("tổ chức họp để thống nhất và báo cáo Ủy ban nhân dân tỉnh") == "conditional"
    assert tasks.get("gửi văn bản lấy ý kiến") == "conditional"  # "thì" is not the task's
    assert kind_of(tasks, "kịp thời báo cáo Ủy ban nhân dân tỉnh") == ["conditional"]


def test_case_of_another_clause_dates_nothing():
    tasks = {t.task: t.deadline.kind if t.deadline else None for t in extract_text(DIRECTIVE, "chi-thi.md").tasks}
    assert kind_of(tasks, "thẩm định hồ sơ dự án") == [None]
    assert kind_of(tasks, "đề xuất phương án xử lý") == [None]  # after the ";" the case is over
