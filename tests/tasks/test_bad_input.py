"""Bad or odd input: never a crash, never a silently empty result."""

from __future__ import annotations

import time

from directive_nlp.models import BlockInfo, CellSpan, DocumentStructure, NormalizedDocument, Section, SourceInfo, TextBlock
from directive_nlp.pipeline import extract_text
from directive_nlp.tasks import extract_tasks
from properties import property_test


def test_text_without_tasks_gives_empty_list_and_a_note():
    res = extract_text("Hôm nay trời nắng đẹp. Người dân đi chợ Tết rất đông vui.", "note.txt")
    assert res.tasks == []
    assert any("no tasks found" in n for n in res.notes)


def test_a_5000_character_sentence_is_handled_quickly():
    clause = "Sở Y tế kiểm tra, giám sát chặt chẽ các cơ sở khám chữa bệnh, nhà thuốc, phòng khám tư nhân"
    text = "KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n1. " + ", ".join([clause] * 55) + ".\n"
    assert len(text) > 5000
    t0 = time.perf_counter()
    res = extract_text(text, "long.md")
    assert time.perf_counter() - t0 < 10
    assert res.tasks and all(t.span for t in res.tasks)


def test_mixed_scripts_and_unbalanced_brackets():
    text = ("KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n1. Sở Ngoại vụ (phối hợp với 日本 JICA liên hệ đối tác [Korea KOICA "
            "triển khai dự án «hợp tác; đào tạo\n\n2. Sở Y tế )) báo cáo ]] Ủy ban nhân dân tỉnh (( trước ngày 30/6/2026.\n"
            "3. Русский текст; العربية; Sở Tài chính bố trí kinh phí.\n")
    res = extract_text(text, "mixed.md")
    assert isinstance(res.tasks, list)
    for t in res.tasks:
        assert t.task and t.sentence


def test_table_rows_with_missing_cells():
    text = ("KẾ HOẠCH\n\nII. NHIỆM VỤ\n\n"
            "| TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n|---|---|---|---|---|\n"
            "| 1 | Rà soát quy hoạch | Sở Xây dựng |\n"
            "| 2 | Cập nhật dữ liệu | | | Quý II/2026 |\n"
            "| 3 |\n"
            "| | | | | |\n")
    res = extract_text(text, "table.md")
    tasks = {t.task: t for t in res.tasks}
    assert "Rà soát quy hoạch" in tasks
    assert [a.name for a in tasks["Rà soát quy hoạch"].agencies] == ["Sở Xây dựng"]
    # the second row continues the lead of the first (a merged cell in the source)
    assert [a.name for a in tasks["Cập nhật dữ liệu"].agencies] == ["Sở Xây dựng"]


def test_structure_with_odd_offsets_does_not_crash():
    text = "1. Sở Y tế kiểm tra.\n| a | b"
    doc = NormalizedDocument(
        source=SourceInfo(path="x.txt", format="txt", sha256=""), text=text,
        blocks=[TextBlock(index=0, start=0, end=20), TextBlock(index=1, kind="table_row", start=21, end=26,
                                                              cells=[CellSpan(start=21, end=22), CellSpan(start=25, end=26)])])
    st = DocumentStructure(sections=[Section(id="1", heading=None)],
                           blocks=[BlockInfo(block=0, section="1", content_start=3),
                                   BlockInfo(block=1, section="missing-section", content_start=999)])
    tasks = extract_tasks(doc, st)
    assert [t.task for t in tasks] == ["kiểm tra"]


_PIECES = ["Sở Y tế", "chủ trì", ", phối hợp với", "Công an tỉnh", "báo cáo", "Ủy ban nhân dân tỉnh", "trước ngày 30/6/2026",
           "; ", ": ", ". ", "(", ")", "\"", "- ", "+ ", "a) ", "1. ", "II. NHIỆM VỤ\n", "\n", " | ", "hằng năm",
           "thường xuyên", "giao", "đề nghị", "các sở, ban, ngành", "kiểm tra", "xây dựng kế hoạch", "nội dung sau:",
           "Thời gian thực hiện: Quý II/2026", "Cơ quan chủ trì: Sở Tài chính", "日本", "Ω", "ـ", "✓", "  "]


@property_test(pieces=lambda st: st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40),
               max_examples=150, deadline=None, suppress=("too_slow",))
def test_random_directive_like_text_never_crashes(pieces):
    text = "KẾ HOẠCH\n\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n\n" + " ".join(pieces)
    res = extract_text(text, "random.md")
    for t in res.tasks:
        assert t.task and t.span and t.span[0] <= t.span[1]
        assert all(a.name for a in t.agencies)
