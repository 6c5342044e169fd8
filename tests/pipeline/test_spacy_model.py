"""The assembled pipeline saved in models/ loads with spacy.load and writes doc.spans["dnlp_task"]."""

from __future__ import annotations

from pathlib import Path

MODEL = Path(__file__).resolve().parents[2] / "models" / "directive_nlp_vi"

TEXT = ("KẾ HOẠCH\nII. NHIỆM VỤ\n"
        "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính kiểm tra an toàn thực phẩm trước ngày 30/6/2026.")


def saved():
    """The pipeline saved in models/, through spacy.load (spaCy imported here, not at collection)."""
    import spacy

    return spacy.load(MODEL)


def test_saved_pipeline_loads_and_extracts():
    nlp = saved()
    assert nlp.pipe_names == ["dnlp_document", "dnlp_agency_recognizer", "dnlp_deadline_recognizer",
                              "dnlp_task_extractor", "dnlp_learned_decisions"]
    doc = nlp(TEXT)
    spans = doc.spans["dnlp_task"]
    assert [s.text for s in spans] == ["kiểm tra an toàn thực phẩm"]
    rec = spans[0]._.dnlp_task
    assert [(a["name"], a["role"]) for a in rec["agencies"]] == [("Sở Y tế", "lead"), ("Sở Tài chính", "support")]
    assert rec["deadline"]["date"] == "2026-06-30"
    assert [t.model_dump(mode="json") for t in doc._.dnlp_tasks] == [rec]


def test_component_on_text_without_tasks():
    nlp = saved()
    doc = nlp("Trời hôm nay đẹp.")
    assert list(doc.spans["dnlp_task"]) == []


def test_component_on_raw_markdown_maps_spans_back():
    nlp = saved()
    raw = "**KẾ HOẠCH**\n\n**II.  NHIỆM VỤ**\n\n1.  Sở Y tế   kiểm tra an toàn thực phẩm.\n"
    doc = nlp(raw)
    assert [s.text for s in doc.spans["dnlp_task"]] == ["kiểm tra an toàn thực phẩm"]
