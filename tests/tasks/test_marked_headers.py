"""Tables whose header cells carry footnote marks, whose header came as lines or glued onto the row before,
and that have a grouping column beside the task column (docs/layout-mechanisms.md, "Marked and glued
headers"; branch table17). Small Markdown, DOCX (python-docx) and HTML documents written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from directive_nlp.pipeline import extract, extract_text, load_text
from directive_nlp.tasks.tables import blank_body_marks, column_roles, realign_short_row, table_parts, unmarked


# ---------------------------------------------------------------- the marks themselves

@pytest.mark.parametrize("cell,name", [
    ("Cơ quan chủ trì[1]", "Cơ quan chủ trì"),
    ("Thuộc nhóm nhiệm vụ, hành động[12]", "Thuộc nhóm nhiệm vụ, hành động"),
    ("Nội dung nhiệm vụ¹", "Nội dung nhiệm vụ"),
    ("Thời hạn (2)", "Thời hạn"),
    ("Nội dung*", "Nội dung"),
    ("Thời hạn[1]*", "Thời hạn"),
    ("Cơ quan chủ trì1", "Cơ quan chủ trì"),  # a superscript run read as a digit glued to the last letter
])
def test_a_footnote_mark_closing_a_header_cell_is_no_part_of_its_name(cell, name):
    assert unmarked(cell) == name
    assert cell.startswith(unmarked(cell))  # a prefix: offsets into the cell stay as they were


@pytest.mark.parametrize("cell", ["Năm 2026", "Giai đoạn 2026 - 2030", "Quận 1", "Kinh phí (triệu đồng)",
                                  "Cơ quan chủ trì"])
def test_figures_that_are_no_mark_stay(cell):
    assert unmarked(cell) == cell


def test_a_mark_after_a_body_name_is_blanked_in_place():
    cell = "Bộ Tài chính[2]; Bộ Công an¹, Sở Y tế (3)."
    out = blank_body_marks(cell)
    assert len(out) == len(cell)
    assert [p.strip() for p in out.replace(".", "").replace(",", ";").split(";")] == [
        "Bộ Tài chính", "Bộ Công an", "Sở Y tế"]


@pytest.mark.parametrize("cell", [
    "(1) Sở Tư pháp; (2) Sở Nội vụ",  # list numbers before the names
    "Bộ Tài chính[1] chủ trì",  # a mark inside a phrase, not closing a name
    "Ủy ban nhân dân Quận 1",  # a name ending in a figure
])
def test_marks_that_close_no_name_stay(cell):
    assert blank_body_marks(cell) == cell


# ---------------------------------------------------------------- column roles

def test_marked_header_cells_name_their_columns():
    assert column_roles(["STT", "Nội dung nhiệm vụ¹", "Cơ quan chủ trì[2]", "Cơ quan phối hợp (3)", "Thời hạn*"]) == {
        "number": 0, "task": 1, "lead": 2, "support": 3, "time": 4}
    assert column_roles(["TT", "Nhiệm vụ1", "Cơ quan1", "Thời hạn2"]) == {"number": 0, "task": 1, "lead": 2, "time": 3}


def test_a_grouping_column_is_never_the_task_column():
    roles = column_roles(["STT", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thuộc nhóm nhiệm vụ, hành động[1]",
                          "Nội dung nhiệm vụ", "Chỉ tiêu đạt được", "Thời hạn hoàn thành"])
    assert roles["task"] == 4 and roles["group"] == 3
    assert column_roles(["Lĩnh vực", "Nhiệm vụ", "Đơn vị chủ trì"]) == {"group": 0, "task": 1, "lead": 2}
    # a table whose only task-like column groups the rows names no task column
    assert "task" not in column_roles(["STT", "Nhóm nhiệm vụ", "Cơ quan chủ trì"])
    # a task column that names the work stays the task column ("Tên nhiệm vụ", "Nội dung công việc")
    assert column_roles(["STT", "Tên nhiệm vụ", "Chủ trì"])["task"] == 1
    assert column_roles(["Nội dung công việc", "Đơn vị thực hiện"])["task"] == 0


# ---------------------------------------------------------------- short rows

_ROLES = column_roles(["STT", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thuộc nhóm nhiệm vụ", "Nội dung nhiệm vụ",
                       "Chỉ tiêu đạt được", "Thời hạn"])


def test_a_short_row_under_merged_group_cells_keeps_its_cells_together():
    # "STT | chủ trì | phối hợp | nhóm" merged down the rows of a group: the row's cells are the last three
    row = ["- Xây dựng quy chế phối hợp liên vùng.", "- Quy chế được ban hành.", "Trình Thủ tướng Chính phủ trong năm 2026"]
    assert realign_short_row(row, _ROLES, 7) == [None, None, None, None] + row
    # a row that lacks only its STT cell (dropped after a group row) keeps its bodies in the body columns
    row = ["Bộ Y tế", "Bộ Nông nghiệp và Môi trường", "Bảo vệ sức khỏe cộng đồng", "- Xây dựng hồ sơ sức khỏe.",
           "- Hồ sơ được lập.", "Giai đoạn 2026 - 2030"]
    assert realign_short_row(row, _ROLES, 7) == [None] + row


def test_a_sentence_naming_a_body_is_no_body_cell():
    # "Xây dựng trình Thủ tướng …" names a body but is work: it stays in the task column
    row = ["- Xây dựng trình Thủ tướng Chính phủ hồ sơ thành lập Ban Chỉ đạo.", "- Quyết định thành lập Ban Chỉ đạo.",
           "Năm 2026"]
    assert realign_short_row(row, _ROLES, 7)[4] == row[0]


# ---------------------------------------------------------------- whole documents

_HEAD = ("QUYẾT ĐỊNH\n\nPhê duyệt Kế hoạch hành động\n\nĐiều 1. Phê duyệt Kế hoạch hành động kèm theo Quyết định này.\n\n"
         "Điều 2. Quyết định này có hiệu lực từ ngày ký.\n\nPHỤ LỤC I\n\nBẢNG PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ\n\n")
_LINES = ("STT\n\nCơ quan chủ trì[1]\n\nCơ quan phối hợp\n\nThuộc nhóm nhiệm vụ, hành động[2]\n\nNội dung nhiệm vụ\n\n"
          "Chỉ tiêu đạt được\n\nThời hạn hoàn thành\n\n")
_ROWS = """| A. | BỘ TÀI CHÍNH |
| 1 | Bộ Tài chính | - Bộ Công Thương; - Bộ Xây dựng[3]. | Hoàn thiện chính sách tài chính xanh | - Xây dựng cơ chế ưu đãi thuế cho phương tiện điện. | - Nghị định được ban hành. | Năm 2026 |
| - Rà soát các khoản phí bảo vệ môi trường đối với khí thải. | - Biểu phí mới được áp dụng. | Giai đoạn 2026 - 2027 |
| B. | BỘ Y TẾ |
| Bộ Y tế | - Bộ Nông nghiệp và Môi trường; - Ủy ban nhân dân các tỉnh. | Bảo vệ sức khỏe cộng đồng | - Xây dựng hồ sơ theo dõi sức khỏe người dân vùng ô nhiễm. | - Hồ sơ được lập. | Giai đoạn 2026 - 2030 |
"""


def _rows(md: str):
    res = extract_text(_HEAD + md, "qd.md")
    return [(t.task, [(a.name, a.role) for a in t.agencies], t.deadline.text if t.deadline else None)
            for t in res.tasks if (t.rule or "").startswith("table-row")]


_EXPECTED = [
    ("Xây dựng cơ chế ưu đãi thuế cho phương tiện điện.",
     [("Bộ Tài chính", "lead"), ("Bộ Công Thương", "support"), ("Bộ Xây dựng", "support")], "Năm 2026"),
    ("Rà soát các khoản phí bảo vệ môi trường đối với khí thải.",
     [("Bộ Tài chính", "lead"), ("Bộ Công Thương", "support"), ("Bộ Xây dựng", "support")], "Giai đoạn 2026 - 2027"),
    ("Xây dựng hồ sơ theo dõi sức khỏe người dân vùng ô nhiễm.",
     [("Bộ Y tế", "lead"), ("Bộ Nông nghiệp và Môi trường", "support"), ("Ủy ban nhân dân các tỉnh", "support")],
     "Giai đoạn 2026 - 2030"),
]


def test_marked_header_lines_before_the_rows_head_them():
    # the header as lines (a web page's layout cell held it), marked, with a grouping and an unnamed column
    assert _rows(_LINES + _ROWS) == _EXPECTED


def test_lines_that_name_no_task_column_head_nothing():
    # without a column that names the work, the grouping column does not stand in for it
    lines = _LINES.replace("Nội dung nhiệm vụ\n\n", "Ghi chú\n\n")
    assert _rows(lines + _ROWS) == []
    # short lines with figures are no header either
    assert _rows(_LINES.replace("Chỉ tiêu đạt được", "Năm 2025").replace("Cơ quan phối hợp", "Tổng 12 đơn vị")
                 .replace("STT", "Quý 3") + _ROWS) == []


_GLUED = """| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |
|---|---|---|---|---|
| 1 | Xây dựng cơ sở dữ liệu về khí thải công nghiệp | Bộ Công Thương | Bộ Công an | Năm 2026 |
| Tổ chức tập huấn cho cán bộ quản lý môi trường | Bộ Tư pháp | Bộ Nội vụ | Năm 2027 | PHỤ LỤC II DANH MỤC CÁC DỰ ÁN ƯU TIÊN | STT | Tên dự án, nhiệm vụ | Nội dung chính | Cơ quan chủ trì[1] | Cơ quan phối hợp | Thời gian thực hiện | Nguồn lực thực hiện[2] |
| 1 | Xây dựng hệ thống cảnh báo ô nhiễm không khí | - Yêu cầu: kết nối dữ liệu quan trắc. | Bộ Xây dựng | Các cơ quan liên quan | 2026 - 2030 | I, II |
"""


def test_a_marked_header_glued_after_a_short_row_and_its_title_heads_the_rows_after_it():
    assert _rows(_GLUED) == [
        ("Xây dựng cơ sở dữ liệu về khí thải công nghiệp", [("Bộ Công Thương", "lead"), ("Bộ Công an", "support")],
         "Năm 2026"),
        ("Tổ chức tập huấn cho cán bộ quản lý môi trường", [("Bộ Tư pháp", "lead"), ("Bộ Nội vụ", "support")],
         "Năm 2027"),
        ("Xây dựng hệ thống cảnh báo ô nhiễm không khí",
         [("Bộ Xây dựng", "lead"), ("Các cơ quan liên quan", "support")], "2026 - 2030"),
    ]


def _parts(tmp_path, md: str):
    path = tmp_path / "qd.md"
    path.write_text(_HEAD + md, encoding="utf-8")
    doc = load_text(path)
    return [(h, len(rs)) for h, rs in table_parts(doc, [b for b in doc.blocks if b.kind == "table_row"])]


def test_the_glued_header_is_widened_past_the_rows_width_only_after_a_title(tmp_path):
    header = ["STT", "Tên dự án, nhiệm vụ", "Nội dung chính", "Cơ quan chủ trì", "Cơ quan phối hợp",
              "Thời gian thực hiện", "Nguồn lực thực hiện"]
    assert _parts(tmp_path, _GLUED) == [(None, 3), (header, 1)]
    # no title before "STT": the row's cells up to the table's width stay its own (a known limit: here the
    # short row keeps "STT" and the header loses it, docs/layout-mechanisms.md)
    md = _GLUED.replace("PHỤ LỤC II DANH MỤC CÁC DỰ ÁN ƯU TIÊN | ", "")
    assert _parts(tmp_path, md) == [(None, 3), (header[1:], 1)]


_HEADER = ["STT", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thuộc nhóm nhiệm vụ", "Nội dung nhiệm vụ", "Thời hạn"]
_BODY = [["1", "Bộ Tài chính", "Bộ Công Thương", "Hoàn thiện chính sách tài chính xanh",
          "Xây dựng cơ chế ưu đãi thuế cho phương tiện điện", "Năm 2026"],
         ["2", "Bộ Y tế", "Ủy ban nhân dân các tỉnh", "Bảo vệ sức khỏe cộng đồng",
          "Xây dựng hồ sơ theo dõi sức khỏe người dân vùng ô nhiễm", "Giai đoạn 2026 - 2030"]]
_TITLE = ["KẾ HOẠCH", "Thực hiện các nhiệm vụ bảo vệ môi trường không khí năm 2026", "II. NHIỆM VỤ VÀ PHÂN CÔNG THỰC HIỆN"]
_FORM_EXPECTED = [
    ("Xây dựng cơ chế ưu đãi thuế cho phương tiện điện", [("Bộ Tài chính", "lead"), ("Bộ Công Thương", "support")],
     "Năm 2026"),
    ("Xây dựng hồ sơ theo dõi sức khỏe người dân vùng ô nhiễm",
     [("Bộ Y tế", "lead"), ("Ủy ban nhân dân các tỉnh", "support")], "Giai đoạn 2026 - 2030"),
]


def _table_rows(path: Path):
    res = extract(path, model="none")
    return [(t.task, [(a.name, a.role) for a in t.agencies], t.deadline.text if t.deadline else None)
            for t in res.tasks if (t.rule or "").startswith("table-row")]


def _docx(path: Path, mark: str) -> Path:
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for line in _TITLE:
        d.add_paragraph(line)
    t = d.add_table(rows=1 + len(_BODY), cols=len(_HEADER))
    for i, h in enumerate(_HEADER):
        p = t.rows[0].cells[i].paragraphs[0]
        p.add_run(h).bold = True
        if i == 1 and mark:  # "Cơ quan chủ trì" with a footnote number typed as a superscript run
            p.add_run(mark).font.superscript = True
    for ri, row in enumerate(_BODY, 1):
        for i, v in enumerate(row):
            t.rows[ri].cells[i].text = v
    d.save(path)
    return path


def test_a_docx_header_with_a_superscript_mark(tmp_path):
    assert _table_rows(_docx(tmp_path / "marked.docx", "1")) == _FORM_EXPECTED
    assert _table_rows(_docx(tmp_path / "plain.docx", "")) == _FORM_EXPECTED


def _html(path: Path, mark: str) -> Path:
    th = "".join(f"<th>{h}{mark if i == 1 else ''}</th>" for i, h in enumerate(_HEADER))
    trs = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in r) + "</tr>" for r in _BODY)
    paras = "".join(f"<p>{line}</p>" for line in _TITLE)
    path.write_text(f"<html><body><div class='noidung'>{paras}<table><tr>{th}</tr>{trs}</table></div></body></html>",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("mark", ["<sup>1</sup>", "<sup>[1]</sup>", "[1]", ""])
def test_an_html_header_with_a_footnote_mark(tmp_path, mark):
    assert _table_rows(_html(tmp_path / "t.html", mark)) == _FORM_EXPECTED


@pytest.mark.parametrize("mark", ["<super>1</super>", "¹", ""])
def test_a_pdf_header_with_a_superscript_mark(tmp_path, monkeypatch, mark):
    pytest.importorskip("reportlab")
    import tasks_table_docs

    monkeypatch.setattr(tasks_table_docs, "HEADER", ["TT", "Nhiệm vụ", "Cơ quan chủ trì" + mark, "Cơ quan phối hợp",
                                                     "Thời hạn"])
    res = extract(tasks_table_docs.make_pdf(tmp_path / "t.pdf"), model="none")
    rows = [t for t in res.tasks if (t.rule or "").startswith("table-row")]
    assert len(rows) == 5
    assert [(a.name, a.role) for a in rows[0].agencies] == [("Sở Nông nghiệp và Môi trường", "lead"),
                                                            ("Ủy ban nhân dân các xã, phường", "support")]
