"""Appendix tables whose header a text converter glued onto the row before (docs/layout-mechanisms.md,
"Tables by header words": glued headers and group rows). Small Markdown texts written for the test."""

from __future__ import annotations

from directive_nlp.pipeline import extract_text, load_text
from directive_nlp.tasks.tables import lost_header_blocks, table_parts

_HEAD = "THÔNG BÁO\n\nKết luận của Phó Thủ tướng Chính phủ\n\nI. NHIỆM VỤ\n\n1. Các bộ khẩn trương thực hiện các nhiệm vụ tại Phụ lục.\n\nPHỤ LỤC\n\n"


def _rows(md: str):
    res = extract_text(_HEAD + md, "tb.md")
    return [(t.task, [a.name for a in t.agencies], t.deadline.date if t.deadline else None)
            for t in res.tasks if t.rule and t.rule.startswith("table-row")]


_GLUED = """| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |
| 1. | Xây dựng kế hoạch chuyển đổi số của ngành | Bộ Tài chính | 30/09/2025 |
| 2. | Ban hành quy chế quản lý dữ liệu | Bộ Công an | 31/10/2025 | 2. Các nhiệm vụ về dữ liệu quá hạn | STT | Tên nhiệm vụ | Đơn vị chủ trì | Thời hạn | Kết quả thực hiện |
| 1 | Hoàn thiện cơ sở dữ liệu về nhà ở | Bộ Xây dựng | 31/12/2025 | Đang thực hiện |
| 2 | Kết nối cơ sở dữ liệu đất đai | Bộ Nông nghiệp và Môi trường | 30/11/2025 | Đã hoàn thành |
"""


def test_a_header_glued_onto_a_row_heads_the_rows_after_it():
    assert _rows(_GLUED) == [
        ("Xây dựng kế hoạch chuyển đổi số của ngành", ["Bộ Tài chính"], "2025-09-30"),
        ("Ban hành quy chế quản lý dữ liệu", ["Bộ Công an"], "2025-10-31"),
        ("Hoàn thiện cơ sở dữ liệu về nhà ở", ["Bộ Xây dựng"], "2025-12-31"),
        ("Kết nối cơ sở dữ liệu đất đai", ["Bộ Nông nghiệp và Môi trường"], "2025-11-30"),
    ]


def _parts(tmp_path, md: str):
    path = tmp_path / "tb.md"
    path.write_text(_HEAD + md, encoding="utf-8")
    doc = load_text(path)
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    return [(h, len(rs)) for h, rs in table_parts(doc, rows)]


def test_the_glued_header_splits_the_run_of_rows(tmp_path):
    assert _parts(tmp_path, _GLUED) == [(None, 3), (["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời hạn",
                                                     "Kết quả thực hiện"], 2)]


def test_trailing_cells_that_name_no_columns_stay_the_rows_own(tmp_path):
    # a wide row whose extra cells are data (a note, a cited letter), not column names: one table
    md = _GLUED.replace("| 2. Các nhiệm vụ về dữ liệu quá hạn | STT | Tên nhiệm vụ | Đơn vị chủ trì | Thời hạn "
                        "| Kết quả thực hiện |", "| Ghi chú | Đã có dự thảo | Chờ ý kiến | Bộ Tư pháp |")
    assert _parts(tmp_path, md) == [(None, 5)]
    assert ("Ban hành quy chế quản lý dữ liệu", ["Bộ Công an"], "2025-10-31") in _rows(md)


_GROUPS = """| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |
| | Nhiệm vụ giao Bộ trưởng Bộ Công an chỉ đạo | | |
| 1 | Vận hành Trung tâm dữ liệu quốc gia | Bộ Công an | 31/12/2025 |
| III.1 | Nhóm nền tảng số quy mô quốc gia |
| 2 | Phát triển Cổng dịch vụ công quốc gia | Văn phòng Chính phủ | 30/06/2026 |
| | Tổ chức tập huấn cho cán bộ các bộ, ngành | | |
"""


def test_group_rows_are_no_tasks_and_carry_nothing():
    got = _rows(_GROUPS)
    assert [t for t, _, _ in got] == ["Vận hành Trung tâm dữ liệu quốc gia", "Phát triển Cổng dịch vụ công quốc gia",
                                      "Tổ chức tập huấn cho cán bộ các bộ, ngành"]
    # an action alone in a row continues the merged cells above it (a task, with the bodies of the row above)
    assert got[-1][1] == ["Văn phòng Chính phủ"]


def test_column_names_written_as_lines_before_the_rows_head_them():
    md = ("Các nhiệm vụ quá hạn chưa hoàn thành\n\nSTT\n\nNhiệm vụ\n\nCơ quan chủ trì thực hiện\n\nThời hạn hoàn thành\n\n"
          "| 1. | Rà soát các quy định pháp luật về dữ liệu | Các bộ, ngành | 30/06/2025 |\n"
          "| 2. | Xây dựng Luật Thuế thu nhập cá nhân | Bộ Tài chính | 31/10/2025 |\n")
    assert _rows(md) == [("Rà soát các quy định pháp luật về dữ liệu", ["Các bộ, ngành"], "2025-06-30"),
                         ("Xây dựng Luật Thuế thu nhập cá nhân", ["Bộ Tài chính"], "2025-10-31")]
    # without the lines of column names the rows assign nothing (no header names a task or body column)
    assert _rows(md.replace("STT\n\nNhiệm vụ\n\nCơ quan chủ trì thực hiện\n\nThời hạn hoàn thành\n\n", "")) == []


def test_the_title_and_the_header_lines_of_such_a_table_are_no_tasks(tmp_path):
    md = ("Các nhiệm vụ về chuyển đổi số quá hạn chưa hoàn thành\n\nSTT\n\nNhiệm vụ\n\nCơ quan chủ trì thực hiện\n\n"
          "Thời hạn hoàn thành\n\n| 1. | Rà soát các quy định pháp luật về dữ liệu | Các bộ, ngành | 30/06/2025 |\n")
    tasks = [t.task for t in extract_text(_HEAD + md, "tb.md").tasks]
    assert "Rà soát các quy định pháp luật về dữ liệu" in tasks
    assert not any("quá hạn chưa hoàn thành" in t for t in tasks)
    # the same line before an ordinary table with its header row stays what the rules make of it
    md2 = md.replace("STT\n\nNhiệm vụ\n\nCơ quan chủ trì thực hiện\n\nThời hạn hoàn thành\n\n",
                     "| STT | Nhiệm vụ | Cơ quan chủ trì thực hiện | Thời hạn hoàn thành |\n")
    path = tmp_path / "tb.md"
    path.write_text(_HEAD + md2, encoding="utf-8")
    assert lost_header_blocks(load_text(path)) == set()
