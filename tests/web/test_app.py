"""The web app in process (Starlette's test client): uploads, corrections,
downloads and every kind of bad input ending as a message on the page."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from builders import web_client
from directive_nlp.models import Deadline

from .conftest import SMALL_CAP, form_fields, message, message_parts, needs_extract


@pytest.fixture(scope="module")
def client():
    return web_client(max_upload_bytes=SMALL_CAP, graph=False)


@pytest.fixture(scope="module")
def bp_page(client, bp_json):
    r = client.post("/extract", files={"file": (bp_json.name, bp_json.read_bytes(), "application/json")})
    assert r.status_code == 200, message(r.text)
    return r.text


def test_home_page_has_the_upload_form(client):
    r = client.get("/")
    assert r.status_code == 200 and 'id="upload-form"' in r.text and "20" not in message(r.text)
    assert client.get("/crosscheck").status_code == 200


def test_an_extract_json_upload_shows_metadata_and_tasks(bp_page):
    assert "binhphuoc_kh_so_ket_ct36.json" in bp_page
    fields = form_fields(bp_page)
    assert len(fields["t_task"]) == 60
    assert fields["m_issuer"] == ["Ban Thường vụ Tỉnh ủy"]
    k = fields["t_id"].index("G59")
    assert fields["t_lead"][k] == "Đảng ủy Công an tỉnh"
    assert fields["t_due"][k] == "2024-06-30" and fields["t_deadline_text"][k] == "trước ngày 30/6/2024"
    assert "Đảng ủy Công an tỉnh" in [o for o in bp_page.split('<option value="')[1:] if o.startswith("Đảng ủy Công an tỉnh")][0]


def test_corrections_reach_every_download(client, bp_page):
    from icalendar import Calendar
    from openpyxl import load_workbook

    fields = form_fields(bp_page)
    k = fields["t_id"].index("G59")
    fields["t_task"][k] = "hướng dẫn, đôn đốc, kiểm tra việc thực hiện"
    fields["t_due"][k] = "2024-07-05"
    drop = fields["t_id"].index("G1")
    for name in list(fields):
        if name.startswith("t_"):
            del fields[name][drop]
    for name, value in (("t_uid", ""), ("t_id", ""), ("t_section", "III.3"), ("t_task", "lập danh sách cơ sở cai nghiện"),
                        ("t_lead", "Sở Y tế; Sở Lao động - Thương binh và Xã hội"), ("t_support", "Công an tỉnh"),
                        ("t_deadline_text", "hằng quý"), ("t_due", ""), ("t_frequency", ""), ("t_report_to", "Tỉnh ủy"),
                        ("t_orig", "")):
        fields[name].append(value)
    fields["m_number"] = ["123-KH/TU"]
    fields["as_of"] = ["2024-06-01"]

    r = client.post("/download", data={**fields, "fmt": "extract-json"})
    assert r.status_code == 200 and r.headers["content-disposition"].endswith('.extract.json"')
    data = json.loads(r.content)
    assert data["document"]["number"] == "123-KH/TU"
    tasks = {t["id"]: t for t in data["tasks"]}
    assert "G1" not in tasks and len(tasks) == 60
    assert tasks["G59"]["task"] == "hướng dẫn, đôn đốc, kiểm tra việc thực hiện"
    assert tasks["G59"]["deadline"]["date"] == "2024-07-05" and tasks["G59"]["deadline"]["kind"] == "by"
    assert tasks["G59"]["sentence"].startswith("Giao Đảng ủy Công an tỉnh")  # kept from the extraction
    new = tasks["N1"]
    assert [(a["name"], a["role"]) for a in new["agencies"]] == [
        ("Sở Y tế", "lead"), ("Sở Lao động - Thương binh và Xã hội", "lead"), ("Công an tỉnh", "support")]
    assert new["deadline"]["kind"] == "recurring" and new["deadline"]["frequency"] == "quarterly"
    assert new["report_to"] == ["Tỉnh ủy"]

    r = client.post("/download", data={**fields, "fmt": "xlsx"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(r.content))["Tất cả"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    police = [row for row in rows if row[1] == "Đảng ủy Công an tỉnh" and row[12] == "G59"]
    assert police[0][3] == "hướng dẫn, đôn đốc, kiểm tra việc thực hiện" and police[0][6].date() == date(2024, 7, 5)
    for fmt in ("docx", "csv", "md", "json", "ics"):
        r = client.post("/download", data={**fields, "fmt": fmt, "lang": "en"})
        assert r.status_code == 200 and len(r.content) > 500, fmt
    png = client.post("/download", data={**fields, "fmt": "graph-png"})
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    svg = client.post("/download", data={**fields, "fmt": "graph-svg"})
    assert svg.status_code == 200 and b"<svg" in svg.content[:2000]
    cal = Calendar.from_ical(client.post("/download", data={**fields, "fmt": "ics"}).content)
    assert date(2024, 7, 5) in {e.decoded("dtstart") for e in cal.walk("VEVENT")}


def test_a_broken_download_form_is_a_message(client):
    r = client.post("/download", data={"fmt": "xlsx"})
    assert r.status_code == 400 and "upload the document again" in message(r.text)
    r = client.post("/download", data={"fmt": "xlsx", "result_json": "{not json"})
    assert r.status_code == 400 and message(r.text)


@pytest.mark.parametrize("name, data, expected", [
    ("empty.pdf", b"", "empty"),
    ("blank.txt", b"   \n\n ", "empty"),
    ("plan.pdf", b"MZ\x90\x00\x03" + b"\x00" * 400, "Windows executable"),
    ("plan.docx", b"\x7fELF\x02\x01\x01" + b"\x00" * 400, "executable"),
    ("plan.pdf", b"PK\x03\x04" + b"\x00" * 100, "corrupt"),
    ("photo.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "PNG image"),
    ("table.json", b'{"rows": []}', "not an `extract` result"),
])
def test_bad_uploads_give_a_message(client, name, data, expected):
    r = client.post("/extract", files={"file": (name, data, "application/octet-stream")})
    assert r.status_code in (400, 413)
    assert expected in message(r.text), message(r.text)
    assert "Traceback" not in r.text and "/tmp/" not in r.text


def test_a_too_large_upload_is_refused(client):
    big = b"%PDF-1.4\n" + b"0" * (SMALL_CAP + 10)
    r = client.post("/extract", files={"file": ("big.pdf", big, "application/pdf")})
    assert r.status_code == 413 and "larger than" in message(r.text)


def test_no_file_chosen(client):
    r = client.post("/extract", data={"x": "1"})
    assert r.status_code == 400 and "choose a file" in message(r.text)


def test_unknown_pages_and_methods_are_pages_not_errors(client):
    r = client.get("/nope")
    assert r.status_code == 404 and "not found" in message(r.text)
    r = client.get("/extract")
    assert r.status_code == 405 and message(r.text)


def test_the_browser_file_name_is_never_a_path():
    from directive_nlp.web.app import safe_display_name

    assert safe_display_name("../../etc/passwd") == "passwd"
    assert safe_display_name("C:\\Users\\x\\Kế hoạch 12.pdf") == "Kế hoạch 12.pdf"
    assert safe_display_name("<script>.pdf") == "_script_.pdf"
    assert safe_display_name("") == "document"


def test_rebuild_deadline_keeps_what_was_not_touched():
    from directive_nlp.web.app import rebuild_deadline

    period = Deadline(text="từ 15/12/2019 đến 15/6/2024", kind="period", start="2019-12-15", end="2024-06-15")
    assert rebuild_deadline(period, period.text, "2024-06-15", None, None) == period
    moved = rebuild_deadline(period, period.text, "2024-06-20", None, None)
    assert moved.kind == "by" and moved.date == "2024-06-20" and moved.start is None
    assert rebuild_deadline(period, "", None, None, None) is None
    yearly = Deadline(text="hằng năm", kind="recurring", frequency="yearly")
    assert rebuild_deadline(yearly, "hằng năm", None, "yearly", None) == yearly
    assert rebuild_deadline(None, "", "2025-03-31", None, None) == Deadline(text="31/03/2025", kind="by", date="2025-03-31")


@needs_extract
def test_a_pdf_upload_is_extracted(client, dev_dir):
    pdf = dev_dir / "rendered" / "binhphuoc_kh_so_ket_ct36.pdf"
    r = client.post("/extract", files={"file": (pdf.name, pdf.read_bytes(), "application/pdf")})
    assert r.status_code == 200, message(r.text)
    fields = form_fields(r.text)
    rows = [k for k, lead in enumerate(fields["t_lead"]) if "Đảng ủy Công an tỉnh" in lead]
    assert any(fields["t_due"][k] == "2024-06-30" for k in rows)


@needs_extract
def test_a_pdf_upload_of_the_sample_is_extracted(client, sample_pdf):
    r = client.post("/extract", files={"file": (sample_pdf.name, sample_pdf.read_bytes(), "application/pdf")})
    assert r.status_code == 200, message(r.text)
    fields = form_fields(r.text)
    rows = [k for k, lead in enumerate(fields["t_lead"]) if "Sở Khoa học và Công nghệ" in lead]
    assert any(fields["t_due"][k] == "2026-09-30" for k in rows)


@needs_extract
def test_a_scanned_pdf_without_ocr_is_a_message(client, scanned_pdf, no_ocr):
    r = client.post("/extract", files={"file": ("scan.pdf", scanned_pdf.read_bytes(), "application/pdf")})
    assert r.status_code == 400
    vi, detail = message_parts(r.text)
    assert "Tesseract" in vi and "ảnh quét" in vi  # Vietnamese first
    assert "tesseract" in detail.lower() and detail.startswith("scan.pdf:")  # the English line names the file


@needs_extract
def test_uploads_are_handled_in_a_temporary_folder_that_is_removed(client, scanned_pdf, no_ocr, tmp_path, monkeypatch):
    import tempfile

    from corpus_paths import SAMPLE_PLAN

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    text = SAMPLE_PLAN.read_bytes()
    r = client.post("/extract", files={"file": ("../../kế hoạch.txt", text, "text/plain")})
    assert r.status_code == 200, message(r.text)
    assert "kế hoạch.txt" in r.text and "../" not in r.text.split('id="source-name">')[1][:40]
    r = client.post("/extract", files={"file": ("scan.pdf", scanned_pdf.read_bytes(), "application/pdf")})
    assert r.status_code == 400
    assert list(tmp_path.iterdir()) == []


OWN_PLAN = [
    "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH",
    "KẾ HOẠCH",
    "Kiểm tra an toàn phòng cháy, chữa cháy tại các chợ năm 2025",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Phát hiện, khắc phục kịp thời các nguy cơ cháy, nổ tại các chợ trên địa bàn tỉnh.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Giao Công an tỉnh chủ trì, phối hợp với Sở Công Thương tổ chức kiểm tra các chợ hạng I, hạng II, hoàn thành trước ngày 30/9/2025.",
    "2. Ủy ban nhân dân các huyện, thành phố rà soát, lập danh sách các chợ có nguy cơ cháy cao, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/8/2025.",
]


def _own_docx() -> bytes:
    import io as _io

    from docx import Document

    doc = Document()
    for line in OWN_PLAN:
        doc.add_paragraph(line)
    buf = _io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _own_pdf() -> bytes:
    import io as _io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    buf = _io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("DejaVuSans", 10)
    y = 800
    for line in OWN_PLAN:
        while line:  # wrap at ~95 characters on word boundaries
            cut = line if len(line) <= 95 else line[: line.rfind(" ", 0, 95)]
            c.drawString(50, y, cut)
            y -= 16
            line = line[len(cut):].strip()
    c.save()
    return buf.getvalue()


@needs_extract
@pytest.mark.parametrize("name, make", [("ke-hoach.docx", _own_docx), ("ke-hoach.pdf", _own_pdf),
                                        ("ke-hoach.txt", lambda: "\n\n".join(OWN_PLAN).encode("utf-8"))])
def test_own_plan_in_every_upload_format(client, name, make):
    r = client.post("/extract", files={"file": (name, make(), "application/octet-stream")})
    assert r.status_code == 200, message(r.text)
    fields = form_fields(r.text)
    rows = list(zip(fields["t_lead"], fields["t_support"], fields["t_due"]))
    assert any("Công an tỉnh" in lead and "Sở Công Thương" in sup and due == "2025-09-30" for lead, sup, due in rows), rows
    assert any("huyện" in lead and due == "2025-08-15" for lead, _, due in rows), rows


@needs_extract
def test_a_pdf_longer_than_the_page_limit_is_refused(sample_pdf):
    short = web_client(graph=False, max_pages=1)
    pdf = sample_pdf
    r = short.post("/extract", files={"file": (pdf.name, pdf.read_bytes(), "application/pdf")})
    assert r.status_code == 413 and "more than the limit of 1" in message(r.text)


def test_serve_refuses_bad_options_as_usage_errors():
    from typer.testing import CliRunner

    from directive_nlp.cli import app

    for args, expected in ((["--port", "70000"], "not a port number"), (["--max-upload-mb", "0"], "at least 1"),
                           (["--max-pages", "0"], "at least 1")):
        r = CliRunner().invoke(app, ["serve", *args])
        assert r.exit_code == 2 and expected in r.output


def test_a_crash_while_processing_is_a_message_not_a_500(client, monkeypatch, own_json):
    from directive_nlp.web import app as web_app

    def boom(*a, **k):
        raise RuntimeError("bug")

    monkeypatch.setattr(web_app, "result_and_view_from_upload", boom)  # what /extract calls
    r = client.post("/extract", files={"file": ("x.json", own_json.read_bytes(), "application/json")})
    assert r.status_code == 422 and "Something went wrong" in message(r.text) and "Traceback" not in r.text


def test_a_chunked_upload_without_length_is_cut_off(client):
    boundary = "XyZ"

    def body():
        yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
               "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n").encode()
        for _ in range(200):  # 200 × 64 KB, far over the cap, never announced
            yield b"0" * 65536
        yield f"\r\n--{boundary}--\r\n".encode()

    r = client.post("/extract", content=body(), headers={"content-type": f"multipart/form-data; boundary={boundary}"})
    assert r.status_code == 413 and "the upload is larger than" in message(r.text)  # cut while reading


def test_tampered_table_cells_are_messages(client, bp_page):
    fields = form_fields(bp_page)
    bad_freq = {**fields, "t_frequency": ["fortnightly"] + fields["t_frequency"][1:], "fmt": "csv"}
    r = client.post("/download", data=bad_freq)
    assert r.status_code == 400 and "unknown frequency" in message(r.text)
    bad_date = {**fields, "t_due": ["31/12/2024"] + fields["t_due"][1:], "fmt": "csv"}
    r = client.post("/download", data=bad_date)
    assert r.status_code == 400 and "is not a date" in message(r.text)
    short = {**fields, "t_task": fields["t_task"][1:], "fmt": "csv"}
    r = client.post("/download", data=short)
    assert r.status_code == 400 and "incomplete" in message(r.text)
    r = client.post("/download", data={**fields, "fmt": "exe"})
    assert r.status_code == 400 and "unknown download format" in message(r.text)
