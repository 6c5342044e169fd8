"""A text file written with Markdown markup is read as Markdown, whatever its
extension; plain text stays plain (issue 12, "sniff the markup")."""

from __future__ import annotations

from pathlib import Path

import pytest

from directive_nlp.ingest import read_document
from directive_nlp.ingest.text import looks_like_markdown
from directive_nlp.pipeline import load_text
from directive_nlp.structure import parse_structure

PLAN_MD = """ỦY BAN NHÂN DÂN TỈNH HÀ GIANG

**KẾ HOẠCH**

**Phòng chống dịch bệnh trên đàn gia súc năm 2026**

**I. MỤC ĐÍCH**

Chủ động phòng, chống dịch bệnh, không để dịch lây lan.

**II. NHIỆM VỤ**

**1. Sở Nông nghiệp và Môi trường**

- Tổ chức tiêm phòng vắc xin cho đàn gia súc trước ngày 30/4/2026.

**2. Ủy ban nhân dân các xã**

- Thống kê đàn gia súc trên địa bàn.

**PHỤ LỤC**

| TT | Nội dung | Cơ quan chủ trì |
|---|---|---|
| 1 | Mua vắc xin | Sở Nông nghiệp và Môi trường |
| 2 | Tập huấn thú y cơ sở | Ủy ban nhân dân các xã |
"""

PLAIN = """ỦY BAN NHÂN DÂN TỈNH HÀ GIANG

KẾ HOẠCH
Phòng chống dịch bệnh trên đàn gia súc năm 2026

I. MỤC ĐÍCH
Chủ động phòng, chống dịch bệnh (*), không để dịch lây lan.

II. NHIỆM VỤ
1. Sở Nông nghiệp và Môi trường
* Tổ chức tiêm phòng vắc xin cho đàn gia súc trước ngày 30/4/2026.
2. Ủy ban nhân dân các xã thống kê đàn gia súc | báo cáo hằng tháng.

(*) Theo Luật Thú y năm 2015.
"""


@pytest.mark.parametrize(
    "text",
    [
        PLAN_MD,
        "**I. NHIỆM VỤ**\n\n**1. Công an tỉnh**\n\nTuần tra.\n",
        "| TT | Nội dung |\n|---|---|\n| 1 | Tuần tra |\n",
        "| 1 | Tuần tra | Công an tỉnh |\n| 2 | Sơn vạch | Sở Xây dựng |\n| 3 | Kiểm tra | Sở Y tế |\n",
        "# KẾ HOẠCH\n\n## I. NHIỆM VỤ\n\nCác sở thực hiện.\n",
        "# KẾ HOẠCH\n\n**I. NHIỆM VỤ**\n\nCác sở thực hiện.\n",
    ],
)
def test_markup_is_recognised(text: str) -> None:
    assert looks_like_markdown(text)


@pytest.mark.parametrize(
    "text",
    [
        PLAIN,
        "I. NHIỆM VỤ\n1. Công an tỉnh\n- Tuần tra, kiểm soát.\n",
        "Điểm (*) ghi chú: số liệu 2 * 3 = 6.\n* Một ý gạch đầu dòng\n* Ý thứ hai\n",
        "Kết quả | năm 2025 tăng 5%.\nMục tiêu | năm 2026 tăng 7%.\n",
        "#1 trong cả nước về chỉ số cải cách hành chính.\n",
        "",
    ],
)
def test_plain_text_stays_plain(text: str) -> None:
    assert not looks_like_markdown(text)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_txt_with_markdown_reads_like_the_md(tmp_path: Path) -> None:
    as_md = load_text(_write(tmp_path, "plan.md", PLAN_MD))
    as_txt_src = read_document(_write(tmp_path, "plan.txt", PLAN_MD))
    assert as_txt_src.source.format == "md"
    assert any("Markdown" in w for w in as_txt_src.source.warnings)
    as_txt = load_text(tmp_path / "plan.txt")
    assert as_txt.text == as_md.text
    assert "**" not in as_txt.text
    ids = [s.id for s in parse_structure(as_txt).sections]
    assert ids == [s.id for s in parse_structure(as_md).sections]
    assert {"I", "II", "II.1", "II.2", "PL", "PL.row1", "PL.row2"} <= set(ids)


def test_a_plain_txt_is_not_read_as_markdown(tmp_path: Path) -> None:
    src = read_document(_write(tmp_path, "plan.txt", PLAIN))
    assert src.source.format == "txt"
    assert not any("Markdown" in w for w in src.source.warnings)
    doc = load_text(tmp_path / "plan.txt")
    # the footnote star and the bullet star survive: plain text keeps its characters
    assert "(*)" in doc.text and "* Tổ chức tiêm phòng" in doc.text
    assert not any(b.kind == "table_row" for b in doc.blocks)
