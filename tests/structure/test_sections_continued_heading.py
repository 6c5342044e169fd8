"""A bold heading whose agency name runs over into the next bold block ("3. Đề nghị …, Hội Liên hiệp" |
"Phụ nữ tỉnh và …") is one heading, and its items keep the whole lead (structure.sections
``continued_heading``; docs/layout-mechanisms.md)."""

from __future__ import annotations

from pathlib import Path

from directive_nlp.pipeline import load_text
from directive_nlp.structure import parse_structure

ITEMS = ("\n\n- Tham gia phối hợp triển khai thực hiện Kế hoạch này.\n\n"
         "- Tuyên truyền kết quả thực hiện bình đẳng giới trong hội viên.\n\n")


def _plan(first: str, second: str) -> str:
    return (f"KẾ HOẠCH\n\n**IV. TỔ CHỨC THỰC HIỆN**\n\n**1. Sở Nội vụ**{ITEMS}"
            f"**2. {first}**\n\n**{second}**{ITEMS}**3. Sở Y tế**{ITEMS}")


def _parse(tmp_path: Path, text: str):
    path = tmp_path / "plan.md"
    path.write_text(text, encoding="utf-8")
    return parse_structure(load_text(path))


def _headings(tmp_path: Path, text: str) -> list[str]:
    return [s.heading for s in _parse(tmp_path, text).sections if s.heading]


def test_a_name_broken_over_two_bold_blocks_is_one_heading(tmp_path):
    text = _plan("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp", "Phụ nữ tỉnh và các hội thành viên")
    assert "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp Phụ nữ tỉnh và các hội thành viên" in (
        _headings(tmp_path, text))


def test_a_bold_line_that_joins_no_name_stays_apart(tmp_path):
    # negatives: the heading ends with a whole name, or the next block ends a sentence
    text = _plan("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Nhiệm vụ chung của các đoàn thể")
    assert "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" in _headings(tmp_path, text)
    text = _plan("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp", "Phụ nữ tỉnh phối hợp thực hiện.")
    assert "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp" in _headings(tmp_path, text)


def _continuations(tmp_path: Path, text: str) -> list[int]:
    return [bi.block for bi in _parse(tmp_path, text).blocks if bi.continues_heading]


def test_the_joined_block_is_recorded_for_later_stages(tmp_path):
    # the task walker reads BlockInfo.continues_heading instead of comparing heading texts again
    joined = _plan("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Liên hiệp", "Phụ nữ tỉnh và các hội thành viên")
    assert len(_continuations(tmp_path, joined)) == 1
    apart = _plan("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Nhiệm vụ chung của các đoàn thể")
    assert _continuations(tmp_path, apart) == []
