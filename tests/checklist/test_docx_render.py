"""A picture of the DOCX checklist made by a real renderer (LibreOffice →
PDF, pypdfium2 → PNG) is not blank and has the table lines and text we expect.

Needs Debian's ``libreoffice-writer-nogui``; skipped with a reason without it.
Set ``DIRECTIVE_NLP_SCREENSHOTS=DIR`` to keep the PNG.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from directive_nlp.checklist import write_checklist

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def ink_share(img) -> float:
    """Share of pixels that are not (near) white."""
    gray = img.convert("L")
    hist = gray.histogram()
    return sum(hist[:200]) / float(gray.width * gray.height)


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
def test_docx_renders_to_a_non_blank_a4_page(gold_result, tmp_path):
    import pypdfium2 as pdfium

    result = gold_result("binhphuoc_kh_so_ket_ct36")
    docx = write_checklist(result, tmp_path / "checklist.docx", as_of=date(2024, 6, 1))
    profile = tmp_path / "lo-profile"
    proc = subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        capture_output=True, timeout=120,
    )
    pdf_path = tmp_path / "checklist.pdf"
    assert pdf_path.exists(), proc.stderr.decode(errors="replace")
    pdf = pdfium.PdfDocument(str(pdf_path))
    assert len(pdf) >= 2
    w, h = pdf[0].get_size()
    assert (round(w), round(h)) == (842, 595)  # A4 landscape in points
    text = pdf[0].get_textpage().get_text_range()
    # (the PDF's text layer puts stacked Vietnamese marks out of order, so
    # only marks-free words are compared)
    assert "DANH M" in text and "Trang 1" in text
    all_text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Công an" in all_text and "30/06/2024" in all_text
    assert f"Trang {len(pdf)}" in all_text  # the PAGE field was filled in
    img = pdf[0].render(scale=1.5).to_pil()
    share = ink_share(img)
    assert 0.01 < share < 0.5, f"page looks blank or black ({share:.1%} ink)"
    keep = os.environ.get("DIRECTIVE_NLP_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        img.save(Path(keep) / "checklist-docx-page1.png")
