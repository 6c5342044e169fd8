"""The web page end to end in a real headless browser (Debian's Chromium and
chromedriver by explicit paths, Selenium, a uvicorn server on 127.0.0.1).

Upload the dev review plan's PDF, find "Đảng ủy Công an tỉnh" with its
30/6/2024 deadline, filter, correct a row, delete one, add one, download the
XLSX and find the corrections in it with openpyxl; bad uploads show a message.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from .conftest import SMALL_CAP, needs_extract

pytestmark = pytest.mark.slow


def wait_for(predicate, timeout: float = 30.0, step: float = 0.1):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError("timed out waiting")


def upload(browser, base: str, path: Path, page: str = "/"):
    from selenium.webdriver.common.by import By

    browser.get(base + page)
    browser.find_element(By.ID, "file").send_keys(str(path))
    browser.find_element(By.ID, "upload").click()
    return wait_for(lambda: browser.find_elements(By.ID, "message") or browser.find_elements(By.ID, "task-table"), timeout=60)


def page_message(browser) -> str:
    from selenium.webdriver.common.by import By

    els = browser.find_elements(By.ID, "message")
    return els[0].text if els else ""


def ink_share(png: bytes) -> tuple[float, int]:
    """Share of non-white pixels and number of distinct colours of a screenshot."""
    import io

    from PIL import Image

    img = Image.open(io.BytesIO(png)).convert("RGB")
    gray = img.convert("L")
    hist = gray.histogram()
    colours = len(img.getcolors(maxcolors=1 << 20) or [])
    return sum(hist[:235]) / float(gray.width * gray.height), colours


def rows_with(browser, agency: str):
    from selenium.webdriver.common.by import By

    return [r for r in browser.find_elements(By.CSS_SELECTOR, "#task-table tbody tr.task-row")
            if agency in r.find_element(By.CSS_SELECTOR, "textarea.lead").get_attribute("value")]


@needs_extract
def test_upload_correct_and_download_xlsx(browser, live_server, dev_dir, download_dir):
    from openpyxl import load_workbook
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    pdf = dev_dir / "rendered" / "binhphuoc_kh_so_ket_ct36.pdf"
    upload(browser, live_server, pdf)
    assert not page_message(browser), page_message(browser)
    assert "binhphuoc_kh_so_ket_ct36.pdf" in browser.find_element(By.ID, "source-name").text
    police = rows_with(browser, "Đảng ủy Công an tỉnh")
    dated = [r for r in police if r.find_element(By.CSS_SELECTOR, "input.due").get_attribute("value") == "2024-06-30"]
    assert dated, "no 'Đảng ủy Công an tỉnh' row with the 30/6/2024 deadline"
    assert "30/6/2024" in dated[0].find_element(By.CSS_SELECTOR, "input.deadline-text").get_attribute("value")

    # filter by agency: only rows naming the agency stay visible
    total = len(browser.find_elements(By.CSS_SELECTOR, "#task-table tbody tr.task-row"))
    Select(browser.find_element(By.ID, "filter-agency")).select_by_value("Đảng ủy Công an tỉnh")
    visible = [r for r in browser.find_elements(By.CSS_SELECTOR, "#task-table tbody tr.task-row") if r.is_displayed()]
    assert 0 < len(visible) < total and all("Đảng ủy Công an tỉnh" in r.text or r in police for r in visible)
    Select(browser.find_element(By.ID, "filter-agency")).select_by_value("")
    Select(browser.find_element(By.ID, "filter-deadline")).select_by_value("dated")
    visible = [r for r in browser.find_elements(By.CSS_SELECTOR, "#task-table tbody tr.task-row") if r.is_displayed()]
    assert 0 < len(visible) < total
    Select(browser.find_element(By.ID, "filter-deadline")).select_by_value("")

    # correct one row: new task wording (typed) and a new date
    row = dated[0]
    task_box = row.find_element(By.CSS_SELECTOR, "textarea.task")
    task_box.clear()
    task_box.send_keys("hướng dẫn, đôn đốc và kiểm tra việc thực hiện (đã sửa)")
    due = row.find_element(By.CSS_SELECTOR, "input.due")
    browser.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", due, "2024-07-05")
    # delete the first row, add a new one
    first = browser.find_element(By.CSS_SELECTOR, "#task-table tbody tr.task-row")
    first_task = first.find_element(By.CSS_SELECTOR, "textarea.task").get_attribute("value")
    first.find_element(By.CSS_SELECTOR, "button.delete-row").click()
    browser.find_element(By.ID, "add-row").click()
    new = browser.find_elements(By.CSS_SELECTOR, "#task-table tbody tr.task-row")[-1]
    new.find_element(By.CSS_SELECTOR, "textarea.task").send_keys("lập danh sách điểm nguy cơ")
    new.find_element(By.CSS_SELECTOR, "textarea.lead").send_keys("Công an tỉnh")
    browser.execute_script("arguments[0].value = '2024-09-30'", new.find_element(By.CSS_SELECTOR, "input.due"))
    browser.execute_script("document.getElementById('as-of').value = '2024-06-20'")

    shot = browser.get_screenshot_as_png()
    share, colours = ink_share(shot)
    assert share > 0.02 and colours > 20, f"the page screenshot looks blank ({share:.1%} ink, {colours} colours)"
    keep = os.environ.get("DIRECTIVE_NLP_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        (Path(keep) / "web-result-page.png").write_bytes(shot)

    before = set(download_dir.glob("*.xlsx"))
    browser.find_element(By.ID, "dl-xlsx").click()
    xlsx = wait_for(lambda: [p for p in download_dir.glob("*.xlsx") if p not in before
                             and not Path(str(p) + ".crdownload").exists() and p.stat().st_size > 0], timeout=30)[0]
    time.sleep(0.2)
    wb = load_workbook(xlsx)
    rows = list(wb["Tất cả"].iter_rows(min_row=2, values_only=True))
    fixed = [r for r in rows if r[3] == "hướng dẫn, đôn đốc và kiểm tra việc thực hiện (đã sửa)"]
    assert fixed and fixed[0][1] == "Đảng ủy Công an tỉnh" and fixed[0][6].date().isoformat() == "2024-07-05"
    assert any(r[3] == "lập danh sách điểm nguy cơ" and r[1] == "Công an tỉnh" for r in rows)
    assert first_task not in {r[3] for r in rows}
    assert "binhphuoc" in xlsx.name


def test_bad_uploads_show_a_message(browser, live_server, tmp_path, scanned_pdf, no_ocr):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (SMALL_CAP + 1000))
    exe = tmp_path / "ke-hoach.pdf"
    exe.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(range(256)) * 4)
    cases = [(empty, "empty"), (big, "larger than"), (exe, "Windows executable")]
    if hasattr(__import__("directive_nlp.pipeline", fromlist=["x"]), "extract"):
        cases.append((scanned_pdf, "tesseract"))
    for path, expected in cases:
        upload(browser, live_server, path)
        msg = page_message(browser)
        assert expected.lower() in msg.lower(), (path.name, msg)
        assert "Internal Server Error" not in browser.page_source
    shot = browser.get_screenshot_as_png()
    assert ink_share(shot)[0] > 0.01


def test_crosscheck_page_with_two_files(browser, live_server, ls_json, bp_json):
    from selenium.webdriver.common.by import By

    browser.get(live_server + "/crosscheck")
    browser.find_element(By.ID, "program").send_keys(str(ls_json))
    browser.find_element(By.ID, "plan").send_keys(str(bp_json))
    browser.find_element(By.ID, "run-crosscheck").click()
    wait_for(lambda: browser.find_elements(By.ID, "message") or browser.find_elements(By.ID, "report"), timeout=60)
    assert not page_message(browser), page_message(browser)
    summary = browser.find_element(By.ID, "summary").text
    assert "/" in summary
    assert len(browser.find_elements(By.CSS_SELECTOR, "#themes tbody tr")) >= 5
