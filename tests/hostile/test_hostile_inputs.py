"""Inputs that would exhaust time or memory, or that should be refused:
each class, scaled down, gives its exit code and one line of the error
table (docs/errors.md) — or, where the input is legitimate but large, an
answer within a safety time-out."""

from __future__ import annotations

import time

import pytest

import hostile_inputs as H
from hostile_inputs import can_mknod
from directive_nlp.errors import InputError, TooLargeError
from directive_nlp.ingest import read_document, sniff_format
from directive_nlp.ingest.limits import check_pdf_streams, split_long_blocks
from directive_nlp.models import Block


def one_error(run, fragment: str, code: int = 1) -> str:
    assert run.code == code, (run.code, run.stderr)
    lines = run.error_lines
    assert len(lines) == 1 and fragment in lines[0], run.stderr
    return lines[0]


# -- paths are checked before they are read ---------------------------------------------


def test_a_fifo_is_refused_without_hanging(cli, tmp_path):
    line = one_error(cli("extract", H.fifo(tmp_path), "-o", tmp_path / "o.json"), "named pipe (FIFO)")
    assert "pipe.txt" in line
    assert not (tmp_path / "o.json").exists()


def test_a_device_behind_a_symlink_is_refused_before_reading(cli, tmp_path):
    if not can_mknod(tmp_path):
        pytest.skip("device nodes need root (mknod)")
    one_error(cli("extract", H.zero_device_link(tmp_path)), "character device")


def test_a_sparse_file_over_the_size_cap_is_refused_by_its_size(cli, tmp_path):
    path = H.sparse_file(tmp_path, 3 * 1024 * 1024)
    t0 = time.perf_counter()
    run = cli("extract", path, env={"DIRECTIVE_NLP_MAX_FILE_MB": "1"})
    one_error(run, "more than the limit of 1 MB")
    assert time.perf_counter() - t0 < 30  # safety limit only


def test_a_broken_symlink_says_so(cli, tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    one_error(cli("extract", tmp_path / "gone.txt"), "broken symlink")


# -- text size and shape -------------------------------------------------------------------


def test_a_text_over_the_character_cap_names_the_cap_and_the_flag(cli, tmp_path):
    path = H.big_text(tmp_path, 30_000)
    line = one_error(cli("extract", path, "--max-chars", "10000"), "more than the limit of 10,000")
    assert "--max-chars" in line and "DIRECTIVE_NLP_MAX_CHARS" in line
    one_error(cli("extract", path, env={"DIRECTIVE_NLP_MAX_CHARS": "10000"}), "more than the limit of 10,000")
    assert cli("extract", path, "--max-chars", "0").code == 0  # 0: no cap


def test_one_long_line_is_cut_into_sentences_with_offsets_kept():
    text = (H.SENTENCE + " ") * 600
    block = Block(text=text, char_map=list(range(7, 7 + len(text))))
    pieces = split_long_blocks([block], limit=5000)
    assert len(pieces) > 1 and all(len(p.text) <= 5000 for p in pieces)
    assert "".join(p.text for p in pieces) == text
    at = 0
    for p in pieces:
        assert p.char_map == list(range(7 + at, 7 + at + len(p.text)))
        at += len(p.text)
    assert all(p.text.endswith(". ") for p in pieces[:-1])  # cut after a sentence
    short = Block(text="Sở Y tế kiểm tra.")
    assert split_long_blocks([short], limit=5000) == [short]


def test_a_file_that_is_one_long_line_is_read_in_bounded_time(cli, tmp_path):
    path = H.long_line(tmp_path, 120_000)
    t0 = time.perf_counter()
    run = cli("extract", path, "-o", tmp_path / "o.json")
    assert run.code == 0, run.stderr
    assert time.perf_counter() - t0 < 60  # safety limit only


def test_more_than_99_appendices_do_not_crash_the_section_parser(cli, tmp_path):
    run = cli("extract", H.many_appendices(tmp_path, 110), "-o", tmp_path / "o.json")
    assert run.code == 0, run.stderr


def test_the_reference_search_is_linear_in_the_text():
    from directive_nlp.structure.metadata import find_references

    def timed(n: int) -> float:
        text = "".join(f"Căn cứ Quyết định số {k}/QĐ-UBND ngày 1/2/2024; theo số {k}/KH-UBND; "
                       for k in range(n)) + "Luật Đất đai " * n
        t0 = time.perf_counter()
        refs = find_references(text)
        assert len(refs) >= n
        return time.perf_counter() - t0

    timed(200)  # warm the compiled patterns
    small, large = timed(1500), timed(6000)
    assert large < 12 * small + 0.5  # 4x the text: linear is ~4x, quadratic ~16x


# -- formats ---------------------------------------------------------------------------------


def test_html_nested_too_deep_is_refused_quickly(cli, tmp_path):
    t0 = time.perf_counter()
    one_error(cli("extract", H.html_nested(tmp_path, 5000)), "nests elements more than")
    assert time.perf_counter() - t0 < 30


def test_html_with_too_many_elements_is_refused(tmp_path, monkeypatch):
    from directive_nlp.ingest import limits

    monkeypatch.setattr(limits, "MAX_HTML_ELEMENTS", 1000)
    with pytest.raises(TooLargeError, match="more than 1,000 elements"):
        read_document(H.html_paragraphs(tmp_path, 2000))


def test_an_ordinary_page_passes_the_html_scan(tmp_path):
    doc = read_document(H.html_paragraphs(tmp_path, 50))
    assert len(doc.blocks) >= 50


def test_utf16_html_without_a_bom_is_decoded_not_nul_filled(tmp_path):
    doc = read_document(H.html_utf16_no_bom(tmp_path))
    text = "\n".join(b.text for b in doc.blocks)
    assert "\x00" not in text and "Sở Tài chính" in text


def test_a_docx_zip_bomb_is_refused_from_its_headers(cli, tmp_path):
    t0 = time.perf_counter()
    one_error(cli("extract", H.docx_zip_bomb(tmp_path, 40)), "zip bomb")
    assert time.perf_counter() - t0 < 30


def test_a_pdf_flate_bomb_is_refused_before_it_is_inflated(cli, tmp_path, monkeypatch):
    from directive_nlp.ingest import limits

    path = H.pdf_flate_bomb(tmp_path, 80)
    with pytest.raises(TooLargeError, match="decompression bomb"):
        check_pdf_streams(path.read_bytes())
    monkeypatch.setattr(limits, "MAX_PDF_CONTENT_BYTES", 200 * 1024 * 1024)
    check_pdf_streams(path.read_bytes())  # under a higher cap it is a (blank) page
    monkeypatch.undo()
    one_error(cli("extract", path), "decompression bomb")


def test_an_ordinary_pdf_passes_the_stream_scan(tmp_path):
    from reportlab.pdfgen import canvas

    p = tmp_path / "ok.pdf"
    c = canvas.Canvas(str(p))  # reportlab compresses page streams with Flate
    c.drawString(72, 720, "Sở Tài chính")
    c.save()
    check_pdf_streams(p.read_bytes())


def test_percent_pdf_inside_prose_does_not_make_a_pdf(tmp_path):
    path = H.pdf_marker_in_text(tmp_path)
    assert sniff_format(path.read_bytes(), ".txt") == "txt"
    assert sniff_format(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", ".txt") == "pdf"
    assert sniff_format(b"\x00\x01junk\r\n%PDF-1.4\n", "") == "pdf"  # a binary prefix readers accept


def test_a_text_of_one_letter_words_is_not_vietnamese(cli, tmp_path):
    one_error(cli("extract", H.one_letter_text(tmp_path, 5000)), "does not look Vietnamese")


def test_a_plan_with_list_letters_is_still_vietnamese(cli, tmp_path):
    p = tmp_path / "letters-plan.txt"
    p.write_text(H.plan_text(3) + "a) Sở Y tế kiểm tra.\nb) Sở Nội vụ báo cáo.\n", encoding="utf-8")
    assert cli("extract", p, "-o", tmp_path / "o.json").code == 0


def test_a_password_protected_docx_is_called_so(cli, tmp_path):
    line = one_error(cli("extract", H.encrypted_docx(tmp_path)), "protected by a password")
    assert "legacy" not in line


def test_a_blank_pdf_of_many_pages_ends_fast_without_ocr_advice(cli, tmp_path):
    t0 = time.perf_counter()
    line = one_error(cli("extract", H.blank_pdf(tmp_path, 200)), "pages are blank")
    assert "install" not in line
    assert time.perf_counter() - t0 < 60  # safety limit only


def test_ocr_stops_at_its_page_budget_and_names_the_pages_left(tmp_path):
    from reportlab.pdfgen import canvas

    from directive_nlp.ingest.ocr_budget import budget_warnings, ocr_with_budget

    p = tmp_path / "ink.pdf"
    c = canvas.Canvas(str(p))
    for _ in range(4):
        for y in range(100, 700, 20):
            c.rect(72, y, 400, 3, fill=1)
        c.showPage()
    c.showPage()  # a blank fifth page
    c.save()
    calls = []

    def fake_ocr(data, pages, lang, dpi=300):
        calls.append((pages[0], dpi))
        return {pages[0]: []}, 90.0

    plan = ocr_with_budget(p.read_bytes(), [1, 2, 3, 4, 5], "vie", max_pages=2, seconds=60, ocr=fake_ocr)
    assert [n for n, _ in calls] == [1, 2] and all(d == 300 for _, d in calls)
    assert plan.blank == [5] and plan.over_budget == [3, 4]
    warnings = budget_warnings(plan, lambda ps: ", ".join(map(str, ps)))
    assert any("blank" in w and "5" in w for w in warnings)
    assert any("3, 4" in w and "more than 2 pages" in w for w in warnings)
    ticks = iter([0.0, 0.0, 100.0, 100.0, 100.0])
    calls.clear()
    plan = ocr_with_budget(p.read_bytes(), [1, 2, 3], "vie", max_pages=9, seconds=50, ocr=fake_ocr,
                           clock=lambda: next(ticks))
    assert len(calls) == 1 and plan.over_budget == [2, 3] and "time budget" in plan.reason


def test_read_errors_keep_the_input_error_shape(tmp_path):
    with pytest.raises(InputError) as e:
        read_document(tmp_path)
    assert e.value.code == "is_dir" and str(e.value).startswith(str(tmp_path))
