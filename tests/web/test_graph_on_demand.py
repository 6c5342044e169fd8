"""The graph picture is drawn when the reader asks for it, never on upload.

Drawing cost 2.4 times the extraction (issue 17): an upload now shows a
"draw" button; it posts the table as shown (``fmt=graph-view``), the server
draws the SVG then, and the same table asked again is served from the cache
kept by result.
"""

from __future__ import annotations

import pytest

from builders import web_client
from directive_nlp.io import dump_result, parse_result

from .conftest import form_fields, message, needs_extract

PLAN = ("UBND TỈNH HÀ TĨNH\nSố: 12/KH-UBND\nKẾ HOẠCH\nThực hiện chuyển đổi số năm 2026\n"
        "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức kiểm tra các cơ sở y tế trước ngày 30/6/2026.\n"
        "2. Sở Nội vụ rà soát, sắp xếp bộ máy các đơn vị sự nghiệp, hoàn thành trong quý III năm 2026.\n")


@pytest.fixture()
def draws(monkeypatch) -> list[str]:
    """Every call of the drawing function, recorded (the real one still draws)."""
    from directive_nlp import graph

    calls: list[str] = []
    real = graph.draw_graph

    def counted(G, path, **kw):
        calls.append(str(path))
        return real(G, path, **kw)

    monkeypatch.setattr(graph, "draw_graph", counted)
    return calls


def _upload_json(client, path) -> str:
    r = client.post("/extract", files={"file": (path.name, path.read_bytes(), "application/json")})
    assert r.status_code == 200, message(r.text)
    return r.text


def _draw_button(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "lxml").find(id="graph-draw")


def test_an_upload_does_not_draw_the_picture_and_the_button_draws_it_once(bp_json, draws):
    client = web_client()
    page = _upload_json(client, bp_json)
    assert draws == [] and client.app.state.pictures.drawn == 0
    assert "data:image/svg+xml" not in page and 'id="graph-note"' not in page
    button = _draw_button(page)
    assert button["form"] == "checklist-form" and button["value"] == "graph-view"

    fields = {**form_fields(page), "fmt": "graph-view"}
    first = client.post("/download", data=fields)
    assert first.status_code == 200 and first.headers["content-type"].startswith("image/svg+xml")
    assert "attachment" not in first.headers.get("content-disposition", "")  # shown, not saved
    assert b"<svg" in first.content[:2000] and len(draws) == 1
    again = client.post("/download", data=fields)  # the same table: from the cache, not drawn again
    assert again.status_code == 200 and again.content == first.content and len(draws) == 1
    assert client.app.state.pictures.drawn == 1


def test_a_corrected_table_is_drawn_anew(bp_json, draws):
    client = web_client()
    fields = {**form_fields(_upload_json(client, bp_json)), "fmt": "graph-view"}
    assert client.post("/download", data=fields).status_code == 200 and len(draws) == 1
    fields["t_lead"] = ["Sở Ngoại vụ"] + list(fields["t_lead"][1:])  # a corrected lead agency
    assert client.post("/download", data=fields).status_code == 200 and len(draws) == 2


@needs_extract
def test_a_document_upload_does_not_draw_the_picture(draws):
    client = web_client()
    r = client.post("/extract", files={"file": ("plan.txt", PLAN.encode("utf-8"), "text/plain")})
    assert r.status_code == 200, message(r.text)
    assert draws == [] and _draw_button(r.text) is not None


def test_a_switched_off_graph_is_a_note_and_a_refusal_never_a_drawing(bp_json, draws):
    off = web_client(graph=False)
    page = _upload_json(off, bp_json)
    assert _draw_button(page) is None and "tắt chức năng vẽ sơ đồ" in page
    r = off.post("/download", data={**form_fields(page), "fmt": "graph-view"})
    assert r.status_code == 400 and "tắt chức năng vẽ sơ đồ" in message(r.text) and draws == []


def test_a_result_without_agencies_gets_the_note_and_no_button(bp_json):
    from bs4 import BeautifulSoup

    result = parse_result(bp_json.read_text(encoding="utf-8"))
    bare = result.model_copy(update={"tasks": [t.model_copy(update={"agencies": []}) for t in result.tasks]})
    client = web_client()
    r = client.post("/extract", files={"file": ("bare.json", dump_result(bare).encode("utf-8"), "application/json")})
    assert r.status_code == 200 and _draw_button(r.text) is None
    assert "chưa vẽ được sơ đồ" in BeautifulSoup(r.text, "lxml").find(id="graph-note").text


def test_the_store_keeps_the_most_recent_pictures_by_content(bp_json):
    from directive_nlp.web.pictures import GraphPictures, result_key

    result = parse_result(bp_json.read_text(encoding="utf-8"))
    k1 = result_key(result)
    assert k1 == result_key(result.model_copy())  # same content, same key
    k2 = result_key(result.model_copy(update={"tasks": result.tasks[:1]}))
    k3 = result_key(result.model_copy(update={"tasks": result.tasks[:2]}))
    assert len({k1, k2, k3}) == 3
    store = GraphPictures(keep=2)
    for k in (k1, k2, k3):
        store.put(k, f"<svg id='{k}'/>".encode())
    assert store.get(k1) is None and store.get(k3) == f"<svg id='{k3}'/>".encode()  # the oldest left first
    assert store.drawn == 3
