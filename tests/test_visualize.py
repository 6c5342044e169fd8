"""displaCy view of a document's agencies, deadlines and tasks (notebook and web page)."""

from __future__ import annotations

import pytest

import directive_nlp

PLAN = ("KẾ HOẠCH\nII. NHIỆM VỤ\n"
        "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính kiểm tra an toàn thực phẩm trước ngày 30/6/2026.\n"
        "2. Tăng cường tuyên truyền <b>về</b> an toàn thực phẩm.\n")


def test_view_merges_the_three_groups_with_roles():
    from directive_nlp import extensions as ext
    from directive_nlp.visualize import AGENCY_LABEL, DEADLINE_LABEL, TASK_LABEL, VIEW_KEY, view_spans

    doc = directive_nlp.load()(PLAN)
    spans = view_spans(doc)
    assert [(s.start, s.end, s.label_) for s in doc.spans[VIEW_KEY]] == [(s.start, s.end, s.label_) for s in spans]
    labels = [s.label_ for s in spans]
    assert f"{AGENCY_LABEL}: chủ trì" in labels and f"{AGENCY_LABEL}: phối hợp" in labels
    assert labels.count(DEADLINE_LABEL) == len(doc.spans[ext.DEADLINE]) == 1
    assert labels.count(TASK_LABEL) == len(doc.spans[ext.TASK])


def test_render_shows_task_blocks_only_and_escapes_text():
    from bs4 import BeautifulSoup
    from directive_nlp.visualize import DEADLINE_LABEL, TASK_LABEL, render, render_text

    html = render_text(PLAN)
    text = " ".join(BeautifulSoup(html, "lxml").get_text(" ").split())
    assert "Tài chính" in text and TASK_LABEL in text and DEADLINE_LABEL in text
    assert "KẾ HOẠCH" not in text  # a block without a task is left out
    assert "<b>" not in html  # the document's text is escaped
    full = render(directive_nlp.load()(PLAN), only_tasks=False, page=True)
    assert full.startswith("<!DOCTYPE html>") and "KẾ HOẠCH" in full


def test_nothing_to_show_is_said():
    from directive_nlp.visualize import render_text

    assert "No task" in render_text("Trời hôm nay đẹp.")


@pytest.fixture()
def client():
    from fastapi.testclient import TestClient

    from directive_nlp.web.app import create_app

    with TestClient(create_app(graph=False)) as c:
        yield c


def test_the_result_page_has_the_view_section(client):
    from bs4 import BeautifulSoup
    from directive_nlp.visualize import TASK_LABEL

    r = client.post("/extract", files={"file": ("kh.txt", PLAN.encode("utf-8"), "text/plain")},
                    headers={"origin": "http://testserver"})
    assert r.status_code == 200, r.text[:500]
    view = BeautifulSoup(r.text, "lxml").find(id="view")
    text = " ".join(view.get_text(" ").split())
    assert "Y tế" in text and TASK_LABEL in text and "<b>về</b>" not in str(view)
