"""Agreement between a document's forms without gold (benchmarks/form_agreement.py): the figures
of every document, the task lines of no measured document. Documents written for the test (a
Markdown file and its PDF made with reportlab); nothing of the corpus is read."""

from __future__ import annotations

from pathlib import Path

import pytest

import form_agreement as fa  # benchmarks/form_agreement.py

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"
LINES = ["KẾ HOẠCH", "Triển khai công tác chuyển đổi số năm 2026",
         "1. Sở Khoa học và Công nghệ chủ trì xây dựng cơ sở dữ liệu, hoàn thành trong Quý II năm 2026.",
         "2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch, hoàn thành trước ngày 30/6/2026."]


def _document(folder: Path, name: str, lines: list[str]) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if not Path(FONT).exists():
        pytest.skip("DejaVu Serif is not installed")
    pdfmetrics.registerFont(TTFont("DVS", FONT))
    (folder / f"{name}.md").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    (folder / "rendered").mkdir(exist_ok=True)
    style = ParagraphStyle("b", fontName="DVS", fontSize=12, leading=15)
    SimpleDocTemplate(str(folder / "rendered" / f"{name}.pdf")).build([Paragraph(t, style) for t in lines])


def test_figures_for_every_document_task_lines_for_none_of_the_measured(tmp_path, capsys):
    _document(tmp_path, "18_measured", LINES)
    _document(tmp_path, "03_free", LINES[:2] + ["1. Sở Tài chính bố trí kinh phí thực hiện."])
    assert fa.main([str(tmp_path), "--forms", "pdftext,pdf", "--show"]) == 0
    out, err = capsys.readouterr()
    assert "| 18_measured |" in out and "| 03_free |" in out and "pooled pdftext:" in out
    assert "18_measured [" not in err and "Sở Khoa học" not in err  # no text of a measured document
    assert "03_free [pdftext]" in err


def test_an_unknown_form_or_an_empty_folder_is_one_line(tmp_path, capsys):
    assert fa.main([str(tmp_path), "--forms", "scanned"]) == 1
    assert fa.main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and err.startswith("error:")
