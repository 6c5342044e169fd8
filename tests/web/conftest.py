"""Fixtures for the web tests: an in-process client, a real server on a free
127.0.0.1 port, a headless Debian Chromium, and test files (gold-based
extract JSON, a scanned PDF, a renamed executable)."""

from __future__ import annotations

import io
import socket
import threading
import time
from pathlib import Path

import pytest

from directive_nlp import pipeline
from directive_nlp.io import dump_result

from checklist.conftest import result_from_gold
from corpus_paths import DOCUMENTS, SAMPLE_PROGRAM
from own_renderings import render

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SMALL_CAP = 400_000  # bytes: the servers under test refuse larger uploads

#: uploads of documents need the extractor (tasks area); JSON uploads do not
needs_extract = pytest.mark.skipif(
    not hasattr(pipeline, "extract"),
    reason="waits for directive_nlp.pipeline.extract (tasks area); JSON uploads are tested meanwhile",
)


def form_fields(html: str, form_id: str = "checklist-form") -> dict[str, list[str]]:
    """What a browser would post for the form (rows in <template> excluded)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    form = soup.find("form", id=form_id)
    data: dict[str, list[str]] = {}
    for el in form.find_all(["input", "textarea", "select"]):
        if el.find_parent("template") or not el.get("name"):
            continue
        if el.name == "textarea":
            value = el.text
        elif el.name == "select":
            opt = el.find("option", selected=True) or el.find("option")
            value = opt.get("value", "") if opt else ""
        else:
            value = el.get("value", "")
        data.setdefault(el["name"], []).append(value)
    return data


def message(html: str) -> str:
    """The whole message box: the Vietnamese sentence and the English detail."""
    from bs4 import BeautifulSoup

    el = BeautifulSoup(html, "lxml").find(id="message")
    return el.get_text(" ", strip=True) if el else ""


def message_parts(html: str) -> tuple[str, str]:
    """(the Vietnamese sentence, the English detail line) of the message box."""
    from bs4 import BeautifulSoup

    el = BeautifulSoup(html, "lxml").find(id="message")
    if el is None:
        return "", ""
    vi, detail = el.find(class_="vi"), el.find(class_="detail")
    return (vi.get_text(" ", strip=True) if vi else "", detail.get_text(" ", strip=True) if detail else "")


@pytest.fixture(scope="session")
def sample_pdf(tmp_path_factory) -> Path:
    """The bundled sample programme as a real 2-page PDF (reportlab)."""
    return render(SAMPLE_PROGRAM, tmp_path_factory.mktemp("web"), "pdf")


@pytest.fixture(scope="session")
def own_json(tmp_path_factory) -> Path:
    """One of our gold documents (tests/documents) as an extract JSON file."""
    path = tmp_path_factory.mktemp("web") / "kehoach_so_ket_review.json"
    path.write_text(dump_result(result_from_gold(DOCUMENTS, "kehoach_so_ket_review")), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def bp_json(tmp_path_factory, dev_dir) -> Path:
    """The dev review plan's gold tasks as an extract JSON file."""
    path = tmp_path_factory.mktemp("web") / "binhphuoc_kh_so_ket_ct36.json"
    path.write_text(dump_result(result_from_gold(dev_dir, "binhphuoc_kh_so_ket_ct36")), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def ls_json(tmp_path_factory, dev_dir) -> Path:
    path = tmp_path_factory.mktemp("web") / "langson_ctr_hanh_dong_ct36.json"
    path.write_text(dump_result(result_from_gold(dev_dir, "langson_ctr_hanh_dong_ct36")), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def scanned_pdf(tmp_path_factory) -> Path:
    """A PDF whose only page is a picture of Vietnamese text (no text layer)."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 34)
    lines = ["KẾ HOẠCH", "Triển khai kiểm tra công tác phòng cháy", "1. Giao Sở Xây dựng chủ trì, báo cáo trước ngày 30/6/2025."]
    for i, line in enumerate(lines):
        draw.text((120, 150 + 60 * i), line, fill=0, font=font)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    path = tmp_path_factory.mktemp("web") / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 0, 0, width=A4[0], height=A4[1])
    c.save()
    return path


@pytest.fixture()
def no_ocr(monkeypatch):
    """Tesseract made unreachable, as on a machine without it."""
    import pytesseract

    from directive_nlp.ingest import ocr

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    ocr._check_tesseract.cache_clear()
    yield
    ocr._check_tesseract.cache_clear()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server():
    """The app served by uvicorn on 127.0.0.1 in a background thread."""
    import uvicorn

    from directive_nlp.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(max_upload_bytes=SMALL_CAP), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    else:  # pragma: no cover
        raise RuntimeError("the test server did not start")
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def download_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="session")
def browser(tmp_path_factory, download_dir):
    """Debian's headless Chromium driven by Selenium (no browser download)."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Debian chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", "--window-size=1400,1000",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(flag)
    opts.add_experimental_option("prefs", {
        "download.default_directory": str(download_dir),
        "download.prompt_for_download": False,
        "safebrowsing.enabled": False,
    })
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=opts)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(download_dir)})
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
