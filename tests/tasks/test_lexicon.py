"""resources/vi/task_lexicon.yaml: loads, and says what the rules expect of it."""

from __future__ import annotations

from directive_nlp.tasks.lexicon import lexicon, load_lexicon_data


def test_the_file_loads_with_every_key():
    data = load_lexicon_data()
    assert {"task_headings", "non_task_headings", "labels", "verbs", "weak_verbs", "modals"} <= set(data)
    assert len(data["verbs"]) > 100


def test_headings_of_task_and_non_task_parts():
    lx = lexicon()
    for h in ("NHIỆM VỤ VÀ GIẢI PHÁP", "Tổ chức thực hiện", "Nội dung sơ kết", "Yêu cầu chung", "Về một số kiến nghị"):
        assert lx.task_heading.match(h), h
    for h in ("MỤC ĐÍCH, YÊU CẦU", "Mục tiêu cụ thể", "Yêu cầu", "Căn cứ xây dựng Kế hoạch", "Phạm vi, đối tượng"):
        assert lx.non_task_heading.match(h), h
    assert not lx.non_task_heading.match("Yêu cầu chung")
    assert lx.background_heading.match("ĐÁNH GIÁ CHUNG") and not lx.task_heading.match("Đánh giá chung")


def test_labels_of_a_labelled_block():
    lx = lexicon()
    kind = lambda s: lx.label_kind[" ".join(lx.label.match(s).group("lab").lower().split())]  # noqa: E731
    assert kind("Cơ quan chủ trì: Sở Y tế") == "lead"
    assert kind("Cơ quan phối hợp: Sở Tài chính") == "support"
    assert kind("Thời gian hoàn thành: Quý II/2026") == "time"
    assert kind("Nội dung thực hiện: Tổ chức tập huấn") == "content"
    assert lx.label.match("Sở Y tế chủ trì thực hiện") is None


def test_verbs_weak_verbs_and_modals():
    lx = lexicon()
    assert lx.verb_start.match("tăng cường kiểm tra") and lx.verb_start.match("Xây dựng kế hoạch")
    assert not lx.verb_start.match("công tác tuyên truyền")
    assert lx.weak_verb_start.match("lấn chiếm đất lâm nghiệp")  # a verb inside noun phrases: no split before it
    assert lx.modal_start.match("có trách nhiệm kiểm tra") and lx.modal_start.match("cần tập trung")
    assert not lx.modal_start.match("cần thiết phải")  # whole words only
    assert any(p.search("… cần tập trung vào các nội dung sau:") for p in lx.lead_in)
    assert not any(p.search("… báo cáo Ủy ban nhân dân tỉnh.") for p in lx.lead_in)


def test_word_alt_keeps_the_file_order_and_escapes_the_words():
    from directive_nlp.tasks.lexicon import word_alt
    assert word_alt("group_determiners") == "các|những"
    assert word_alt("report_purpose_words").split("|") == ["để", "nhằm"]
    assert word_alt("no_such_list") == ""  # an absent optional list gives an empty alternation
