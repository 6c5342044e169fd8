"""Bad input through the CLI: one line on stderr saying what is wrong and what
to do, exit code 1, no traceback, never an empty result on stdout."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from directive_nlp.cli import app

from readers_docs import scanned_pdf, simple_pdf
from readers_docs import plan_docx, plan_pdf  # noqa: F401 (pytest fixtures)

runner = CliRunner()


def run_text(path: Path, *args: str):
    return runner.invoke(app, ["text", str(path), *args])


def assert_one_line_error(result, *needles: str) -> str:
    assert result.exit_code == 1, (result.exit_code, result.output)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert "Traceback" not in result.output
    for n in needles:
        assert n in lines[0], lines[0]
    return lines[0]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("name", ["empty.pdf", "empty.docx", "empty.txt", "empty.md"])
def test_empty_file(tmp_path, name) -> None:
    assert_one_line_error(run_text(_write(tmp_path, name, b"")), "empty")


def test_blank_text_file(tmp_path) -> None:
    assert_one_line_error(run_text(_write(tmp_path, "blank.txt", b"  \n\n\t \n")), "empty")


def test_unknown_extension(tmp_path) -> None:
    p = _write(tmp_path, "ke_hoach.xyz", "Kế hoạch triển khai".encode())
    assert_one_line_error(run_text(p), "unknown file type '.xyz'", "PDF, DOCX")


def test_corrupt_pdf(tmp_path) -> None:
    data = b"%PDF-1.7\n" + bytes(random.Random(1).randrange(256) for _ in range(3000)) + b"\n%%EOF\n"
    assert_one_line_error(run_text(_write(tmp_path, "hong.pdf", data)), "corrupt")


def test_truncated_pdf(tmp_path, plan_pdf) -> None:
    data = plan_pdf.read_bytes()
    assert_one_line_error(run_text(_write(tmp_path, "cut.pdf", data[: len(data) // 2])), "truncated")


def test_corrupt_docx(tmp_path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><w:body><w:p>broken")
    assert_one_line_error(run_text(_write(tmp_path, "hong.docx", buf.getvalue())), "DOCX")


def test_truncated_docx(tmp_path, plan_docx) -> None:
    data = plan_docx.read_bytes()
    assert_one_line_error(run_text(_write(tmp_path, "cut.docx", data[: len(data) // 2])), "truncated or corrupt")


def test_encrypted_pdf(tmp_path) -> None:
    p = simple_pdf(tmp_path / "mat.pdf", ["Kế hoạch của Ủy ban nhân dân tỉnh."], encrypt="matkhau")
    assert_one_line_error(run_text(p), "encrypted", "qpdf --decrypt")


def test_image_renamed_pdf(tmp_path) -> None:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buf, format="PNG")
    assert_one_line_error(run_text(_write(tmp_path, "scan.pdf", buf.getvalue())), "PNG image")


def test_jpeg_renamed_docx(tmp_path) -> None:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buf, format="JPEG")
    assert_one_line_error(run_text(_write(tmp_path, "anh.docx", buf.getvalue())), "JPEG image")


def test_binary_junk_renamed_txt(tmp_path) -> None:
    data = bytes(random.Random(7).randrange(256) for _ in range(4000))
    assert_one_line_error(run_text(_write(tmp_path, "rac.txt", data)), "binary")


def test_legacy_doc_renamed_docx(tmp_path) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    assert_one_line_error(run_text(_write(tmp_path, "cu.docx", data)), "legacy Word .doc", "convert")


def test_workbook_renamed_docx(tmp_path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "Nhiệm vụ"
    buf = io.BytesIO()
    wb.save(buf)
    assert_one_line_error(run_text(_write(tmp_path, "bang.docx", buf.getvalue())), "Excel")


ENGLISH = (
    "The city council approved the annual budget plan for the next fiscal year. Each department shall report "
    "its spending to the finance office before the end of June, and the mayor will review the results.\n"
)


def test_not_vietnamese_and_force(tmp_path) -> None:
    p = _write(tmp_path, "english.txt", ENGLISH.encode())
    msg = assert_one_line_error(run_text(p), "does not look Vietnamese", "--force")
    assert "60%" in msg  # the stated threshold
    forced = run_text(p, "--force")
    assert forced.exit_code == 0 and forced.stdout.startswith("The city council")


def test_max_pages(tmp_path) -> None:
    p = simple_pdf(tmp_path / "ba_trang.pdf", [f"Sở Nội vụ báo cáo kết quả tháng {i} năm 2026." for i in (1, 2, 3)])
    assert_one_line_error(run_text(p, "--max-pages", "2"), "3 pages", "--max-pages")
    cut = run_text(p, "--max-pages", "2", "--truncate")
    assert cut.exit_code == 0 and "tháng 2" in cut.stdout and "tháng 3" not in cut.stdout
    assert "first 2 of 3" in cut.stderr


def test_scanned_pdf_without_ocr(tmp_path, monkeypatch) -> None:
    """Tesseract made unreachable, as on a machine without it: one line that says what to install."""
    import pytesseract

    from directive_nlp.ingest import ocr

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    ocr._check_tesseract.cache_clear()
    try:
        assert_one_line_error(run_text(scanned_pdf(tmp_path / "scan.pdf")), "tesseract-ocr tesseract-ocr-vie")
    finally:
        ocr._check_tesseract.cache_clear()


def test_missing_file_and_folder(tmp_path) -> None:
    assert_one_line_error(run_text(tmp_path / "khong_co.pdf"), "not found")
    assert_one_line_error(run_text(tmp_path), "folder")


def test_real_process_prints_no_traceback(tmp_path) -> None:
    """The installed console script, not only the in-process runner."""
    exe = Path(sys.executable).parent / "directive-nlp"
    p = _write(tmp_path, "hong.pdf", b"%PDF-1.4\ngarbage\n%%EOF\n")
    proc = subprocess.run([str(exe), "text", str(p)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_rtf_and_opendocument_say_what_they_are(tmp_path) -> None:
    rtf = _write(tmp_path, "ke_hoach.doc", b"{\\rtf1\\ansi K\\'e1 ho\\'e1ch}")
    assert_one_line_error(run_text(rtf), "RTF", "DOCX or PDF")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    assert_one_line_error(run_text(_write(tmp_path, "ke_hoach.odt", buf.getvalue())), "OpenDocument")


def test_scan_with_ocr_never_and_a_bad_ocr_value(tmp_path) -> None:
    scan = scanned_pdf(tmp_path / "scan.pdf")
    assert_one_line_error(run_text(scan, "--ocr", "never"), "no text layer", "OCR is off")
    bad = run_text(scan, "--ocr", "sometimes")
    assert bad.exit_code == 2 and "Traceback" not in bad.output
