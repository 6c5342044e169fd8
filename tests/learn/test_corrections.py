"""Corrections as gold: a corrected result becomes NAME.gold.jsonl lines that score.py and train read."""

from __future__ import annotations

import json
from pathlib import Path


from builders import web_client
from directive_nlp.evaluation import count, load_gold, report
from directive_nlp.learn.corrections import corrections_to_gold, corrections_to_jsonl
from directive_nlp.learn.data import find_training_documents
from directive_nlp.models import AgencyRef, Deadline, ExtractionResult, SourceInfo, Task

DOC = Path(__file__).resolve().parents[1] / "documents" / "kehoach_inline_assignments.md"


def _corrected() -> ExtractionResult:
    return ExtractionResult(source=SourceInfo(path="kh.md", format="md", sha256="0" * 64), tasks=[
        Task(id="T1", section="II.1", sentence="Sở Tư pháp chủ trì rà soát văn bản; hoàn thành trong Quý II/2026.",
             task="rà soát văn bản", confidence=0.4,
             agencies=[AgencyRef(name="Sở Tư pháp", canonical="sở tư pháp", role="lead", confidence=0.9),
                       AgencyRef(name=" ", canonical="", role="support")],
             deadline=Deadline(text="Quý II/2026", kind="on", date="2026-06-30")),
        Task(id="T2", section="II.2", sentence="", task="tổ chức hội nghị sơ kết",
             agencies=[AgencyRef(name="Sở Nội vụ", canonical="sở nội vụ", role="support")], report_to=["UBND tỉnh"]),
        Task(id="T3", section="II.3", sentence="(row deleted by the user)", task="  "),
    ])


def test_gold_lines_follow_the_annotation_shape():
    lines = corrections_to_gold(_corrected())
    assert [g["id"] for g in lines] == ["G1", "G2"]  # a task without text is no task
    g1, g2 = lines
    assert set(g1) == {"id", "section", "sentence", "task", "agencies", "deadline", "report_to"}
    assert g1["agencies"] == [{"name": "Sở Tư pháp", "role": "lead"}]  # the emptied name is gone
    assert g1["deadline"] == {"text": "Quý II/2026", "kind": "on", "date": "2026-06-30", "start": None,
                              "end": None, "frequency": None}
    assert g2["sentence"] == "tổ chức hội nghị sơ kết" and g2["deadline"] is None and g2["report_to"] == ["UBND tỉnh"]
    assert "confidence" not in json.dumps(lines)


def test_the_gold_scores_its_own_result_perfectly_and_is_found_for_training(tmp_path):
    result = _corrected()
    (tmp_path / "kh.gold.jsonl").write_text(corrections_to_jsonl(result), encoding="utf-8")
    (tmp_path / "kh.md").write_text("Sở Tư pháp chủ trì rà soát văn bản.\n", encoding="utf-8")
    gold = load_gold(tmp_path / "kh.gold.jsonl")
    rep = report(count(gold, [t.model_dump() for t in result.tasks if t.task.strip()]))
    assert rep["triple"]["f1"] == 1.0 and rep["task"]["f1"] == 1.0
    docs = find_training_documents([tmp_path])
    assert [d.name for d in docs] == ["kh"] and len(docs[0].gold) == 2


def _form(html: str) -> dict[str, list[str]]:
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "lxml").find("form", id="checklist-form")
    data: dict[str, list[str]] = {}
    for el in form.find_all(["input", "textarea", "select"]):
        if el.find_parent("template") or not el.get("name"):
            continue
        if el.name == "select":
            opt = el.find("option", selected=True) or el.find("option")
            value = opt.get("value", "") if opt else ""
        else:
            value = el.text if el.name == "textarea" else el.get("value", "")
        data.setdefault(el["name"], []).append(value)
    return data


def test_the_web_page_downloads_the_corrections_as_gold():
    client = web_client(graph=False)
    page = client.post("/extract", files={"file": (DOC.name, DOC.read_bytes(), "text/markdown")})
    assert page.status_code == 200 and 'value="gold-jsonl"' in page.text
    fields = _form(page.text)
    fields["t_lead"][0] = "Sở Du lịch"  # the user corrects the first row's lead
    r = client.post("/download", data={**fields, "fmt": "gold-jsonl"})
    assert r.status_code == 200
    assert r.headers["content-disposition"].endswith('kehoach_inline_assignments.gold.jsonl"')
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert len(lines) == len(fields["t_task"])
    assert {"name": "Sở Du lịch", "role": "lead"} in lines[0]["agencies"]
