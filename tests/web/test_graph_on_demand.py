"""The graph picture is drawn when the reader asks for it, never on upload.

Drawing cost 2.4 times the extraction (issue 17): an upload now shows a
link, the first request of the link draws the SVG, a second one is served
from the cache kept by result.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from directive_nlp import graph
from directive_nlp.io import dump_result
from directive_nlp.web import create_app
from directive_nlp.web.pictures import GraphPictures, result_key

from .conftest import message, needs_extract

PLAN = ("UBND TỈNH HÀ TĨNH\nSố: 12/KH-UBND\nKẾ HOẠCH\nThực hiện chuyển đổi số năm 2026\n"
        "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức kiểm tra các cơ sở y tế trước ngày 30/6/2026.\n"
        "2. Sở Nội vụ rà soát, sắp xếp bộ máy các đơn vị sự nghiệp, hoàn thành trong quý III năm 2026.\n")


@pytest.fixture()
def draws(monkeypatch) -> list[str]:
    """Every call of the drawing function, recorded (the real one still draws)."""
    calls: list[str] = []
    real = graph.draw_graph

    def counted(G, path, **kw):
        calls.append(str(path))
        return real(G, path, **kw)

    monkeypatch.setattr(graph, "draw_graph", counted)
    return calls


def _link(html: str) -> str:
    a = BeautifulSoup(html, "lxml").find(id="graph-link")
    assert a is not None, message(html)
    return a["href"]


def test_an_upload_does_not_draw_the_picture_and_the_link_draws_it_once(bp_json, draws):
    client = TestClient(create_app(), raise_server_exceptions=False)
    r = client.post("/extract", files={"file": (bp_json.name, bp_json.read_bytes(), "application/json")})
    assert r.status_code == 200, message(r.text)
    assert draws == [] and client.app.state.pictures.drawn == 0
    assert "data:image/svg+xml" not in r.text and 'id="graph-note"' not in r.text
    href = _link(r.text)
    assert re.fullmatch(r"/graph/[0-9a-f]{32}\.svg", href)

    first = client.get(href)
    assert first.status_code == 200 and first.headers["content-type"].startswith("image/svg+xml")
    assert b"<svg" in first.content[:2000] and len(draws) == 1
    again = client.get(href)  # a reload: served from the cache, not drawn again
    assert again.status_code == 200 and again.content == first.content and len(draws) == 1


@needs_extract
def test_a_document_upload_does_not_draw_the_picture(tmp_path, draws):
    client = TestClient(create_app(), raise_server_exceptions=False)
    r = client.post("/extract", files={"file": ("plan.txt", PLAN.encode("utf-8"), "text/plain")})
    assert r.status_code == 200, message(r.text)
    assert draws == [] and client.get(_link(r.text)).status_code == 200 and len(draws) == 1


def test_an_unknown_or_switched_off_picture_is_a_message_not_a_drawing(bp_json, draws):
    client = TestClient(create_app(), raise_server_exceptions=False)
    r = client.get("/graph/" + "0" * 32 + ".svg")
    assert r.status_code == 404 and "tải tệp lên lại" in message(r.text) and draws == []

    off = TestClient(create_app(graph=False), raise_server_exceptions=False)
    page = off.post("/extract", files={"file": (bp_json.name, bp_json.read_bytes(), "application/json")})
    assert page.status_code == 200 and 'id="graph-link"' not in page.text and 'id="graph-note"' in page.text
    assert draws == []


def test_a_result_without_agencies_gets_the_note_and_no_link(bp_json):
    from directive_nlp.io import parse_result

    result = parse_result(bp_json.read_text(encoding="utf-8"))
    bare = result.model_copy(update={"tasks": [t.model_copy(update={"agencies": []}) for t in result.tasks]})
    client = TestClient(create_app(), raise_server_exceptions=False)
    r = client.post("/extract", files={"file": ("bare.json", dump_result(bare).encode("utf-8"), "application/json")})
    assert r.status_code == 200 and 'id="graph-link"' not in r.text
    assert "chưa vẽ được sơ đồ" in BeautifulSoup(r.text, "lxml").find(id="graph-note").text


def test_the_store_keeps_the_most_recent_results_and_keys_them_by_content(bp_json):
    from directive_nlp.io import parse_result

    result = parse_result(bp_json.read_text(encoding="utf-8"))
    store = GraphPictures(keep=2)
    k1 = store.remember(result)
    assert k1 == result_key(result) == store.remember(result.model_copy())  # same content, same key
    k2 = store.remember(result.model_copy(update={"tasks": result.tasks[:1]}))
    k3 = store.remember(result.model_copy(update={"tasks": result.tasks[:2]}))
    assert len({k1, k2, k3}) == 3
    assert store.result(k1) is None and store.result(k3) is not None  # the oldest left first
    store.store(k3, b"<svg/>")
    assert store.cached(k3) == b"<svg/>" and store.cached(k2) is None and store.drawn == 1
