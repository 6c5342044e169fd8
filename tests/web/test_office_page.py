"""What office staff meet on the web page: Vietnamese error messages (with
the English line as the detail), whole section ids in the "Mục" column, and
a progress indicator while a document is read (10-40 s)."""

from __future__ import annotations

import json
import time

import pytest


from builders import web_client

from .conftest import SMALL_CAP, message_parts

SECTIONS = ["III.1", "III.1.a", "PL1.row12", "Điều 2.1", "preamble"]


def plan_json() -> bytes:
    tasks = [{"id": f"T{i}", "section": s, "task": f"việc số {i}", "agencies": ["Sở Tư pháp"]}
             for i, s in enumerate(SECTIONS, 1)]
    return json.dumps({"document": {"doc_type": "Kế hoạch"}, "tasks": tasks}, ensure_ascii=False).encode("utf-8")


@pytest.fixture(scope="module")
def client():
    return web_client(max_upload_bytes=SMALL_CAP, graph=False)


@pytest.mark.parametrize("name, data, vi, en", [
    ("trong.pdf", b"", "Tệp trống", "empty"),
    ("ke-hoach.pdf", b"MZ\x90\x00\x03\x00" + bytes(range(256)) * 4, "Không đọc được loại tệp này", "executable"),
    ("to.txt", b"x" * (SMALL_CAP + 10), "Tệp quá lớn", "larger than"),
])
def test_bad_uploads_are_explained_in_vietnamese(client, name, data, vi, en):
    r = client.post("/extract", files={"file": (name, data, "application/octet-stream")})
    assert r.status_code in (400, 413)
    sentence, detail = message_parts(r.text)
    assert vi in sentence, sentence
    assert en in detail.lower() or en in detail, detail


def test_no_file_a_missing_page_and_a_crash_are_in_vietnamese(client, monkeypatch):
    r = client.post("/extract", data={"x": "1"})
    assert "Hãy chọn một tệp" in message_parts(r.text)[0]
    r = client.get("/no-such-page")
    assert r.status_code == 404 and message_parts(r.text)[0] == "Không tìm thấy trang."
    from directive_nlp.web import app as web_app

    def boom(*a, **k):
        raise RuntimeError("bug")

    monkeypatch.setattr(web_app, "result_and_view_from_upload", boom)  # what /extract calls
    r = client.post("/extract", files={"file": ("kh.json", plan_json(), "application/json")})
    sentence, detail = message_parts(r.text)
    assert r.status_code == 422 and sentence.startswith("Đã có lỗi") and "RuntimeError" in detail


def test_a_broken_download_form_is_in_vietnamese(client):
    r = client.post("/download", data={"fmt": "docx"})
    assert r.status_code == 400 and message_parts(r.text)[0] == "Trang đã mất dữ liệu: hãy tải văn bản lên lại."


def test_the_section_column_is_as_wide_as_the_longest_id(client):
    from bs4 import BeautifulSoup

    r = client.post("/extract", files={"file": ("kh.json", plan_json(), "application/json")})
    assert r.status_code == 200, message_parts(r.text)
    soup = BeautifulSoup(r.text, "lxml")
    boxes = [el for el in soup.select("#task-table tbody input.section")]
    assert [b["value"] for b in boxes] == SECTIONS
    widest = max(len(s) for s in SECTIONS)
    assert all(int(b["size"]) >= widest and f"min-width: {b['size']}ch" in b["style"] for b in boxes)


def test_the_upload_forms_announce_a_progress_panel(client):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get("/").text, "lxml")
    assert page.select_one("form#upload-form")["data-progress"]
    panel = page.select_one("#progress")
    assert panel.has_attr("hidden") and panel["role"] == "status" and "10–40 giây" in panel.get_text()
    assert page.find("script", src=lambda s: s and s.endswith("progress.js"))
    assert BeautifulSoup(client.get("/crosscheck").text, "lxml").select_one("form#crosscheck-form")["data-progress"]


# --------------------------------------------------------------------------- in a real browser


@pytest.mark.slow
def test_in_the_browser_section_ids_show_whole(browser, live_server, tmp_path):
    from selenium.webdriver.common.by import By

    from .test_browser import upload

    path = tmp_path / "kh.json"
    path.write_bytes(plan_json())
    upload(browser, live_server, path)
    boxes = browser.find_elements(By.CSS_SELECTOR, "#task-table tbody input.section")
    assert [b.get_attribute("value") for b in boxes] == SECTIONS
    for b in boxes:  # the text fits its box: nothing scrolled out of sight ("III." for "III.1")
        assert browser.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", b), \
            b.get_attribute("value")


@pytest.mark.slow
def test_in_the_browser_a_progress_panel_shows_while_reading(browser, live_server, tmp_path):
    from selenium.webdriver.common.by import By

    path = tmp_path / "kh.json"
    path.write_bytes(plan_json())
    browser.get(live_server + "/")
    assert not browser.find_element(By.ID, "progress").is_displayed()
    # hold the page where it is after the submit handlers ran, as if the server were still reading
    browser.execute_script("document.getElementById('upload-form').addEventListener('submit', "
                           "function (e) { e.preventDefault(); })")
    browser.find_element(By.ID, "file").send_keys(str(path))
    browser.find_element(By.ID, "upload").click()
    panel = browser.find_element(By.ID, "progress")
    assert panel.is_displayed() and "Đang đọc văn bản" in panel.text
    first = browser.find_element(By.ID, "progress-elapsed").text
    time.sleep(2.2)
    later = browser.find_element(By.ID, "progress-elapsed").text
    assert first != later and later.endswith("giây")
    assert browser.find_element(By.ID, "upload").get_attribute("disabled")
