"""Headings of plain text (no bold, no Heading style anywhere in the document): a numbered
title may be as long as a bold one (``max_words_formatted``), since the absence of bold is
no evidence there; a long numbered line that leads in (":") stays an item (issue 12)."""

from __future__ import annotations

from pathlib import Path

from directive_nlp.pipeline import load_text
from directive_nlp.structure import parse_structure

# a numbered title of 31 words (over max_words, under max_words_formatted) over bullet items
TITLE = ("1. Hoàn thiện cơ chế, chính sách, tài liệu hướng dẫn tổ chức thực hiện nâng cao nhận thức "
         "cộng đồng và quản lý rủi ro thiên tai dựa vào cộng đồng trên địa bàn")
LEAD_IN = ("2. Giao Ban Quản lý các khu công nghiệp chỉ đạo các đơn vị kinh doanh hạ tầng khu chế "
           "xuất, khu công nghiệp, cụm công nghiệp trên địa bàn tỉnh có trách nhiệm thực hiện:")
BODY = "\n\n- Triển khai các văn bản hướng dẫn về quản lý rủi ro thiên tai.\n\n- Củng cố nguồn nhân lực.\n\n"


def _sections(tmp_path: Path, text: str, name: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc = load_text(path)
    structure = parse_structure(doc)
    return {s.heading or "" for s in structure.sections if s.heading}


def _doc(title: str, lead: str, bold: bool = False) -> str:
    head = "**III. NỘI DUNG**" if bold else "III. NỘI DUNG"
    return f"KẾ HOẠCH\n\n{head}\n\n{title}{BODY}{lead}{BODY}"


def test_a_long_numbered_title_of_plain_text_is_a_heading(tmp_path):
    titles = _sections(tmp_path, _doc(TITLE, LEAD_IN), "plan.txt")
    assert any(t.startswith("Hoàn thiện cơ chế") for t in titles)
    assert not any(t.startswith("Giao Ban Quản lý") for t in titles)  # a lead-in, not a title


def test_in_a_formatted_document_an_unformatted_long_line_stays_an_item(tmp_path):
    titles = _sections(tmp_path, _doc(TITLE, LEAD_IN, bold=True), "plan.md")
    assert not any(t.startswith("Hoàn thiện cơ chế") for t in titles)
