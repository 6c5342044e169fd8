"""The assignment table as a real DOCX and PDF (merged lead cell): same tasks as the Markdown form."""

from __future__ import annotations

import pytest

from directive_nlp.pipeline import extract

from tasks_helpers import DOCS, load_gold, score
from tasks_table_docs import make_docx, make_pdf


@pytest.mark.parametrize("maker,suffix", [(make_docx, ".docx"), (make_pdf, ".pdf")])
def test_table_document_forms(tmp_path, maker, suffix):
    path = maker(tmp_path / f"table{suffix}")
    result = extract(path)
    gold = load_gold(DOCS / "kehoach_assignment_table.gold.jsonl")
    rep = score(gold, result)
    assert rep["triple"]["f1"] == 1.0, rep
    rows = [t for t in result.tasks if t.rule and t.rule.startswith("table-row")]
    assert len(rows) == 5
    merged = next(t for t in rows if t.task.endswith("đợt 2"))
    # the row under the merged cell keeps the bodies of the cell above
    assert [(a.name, a.role) for a in merged.agencies] == [
        ("Sở Nông nghiệp và Môi trường", "lead"), ("Ủy ban nhân dân các xã, phường", "support")]
    assert merged.deadline.date == "2026-10-31"
    if suffix == ".pdf":
        assert all(t.page == 1 for t in result.tasks)


def test_md_docx_pdf_agree(tmp_path):
    md = extract(DOCS / "kehoach_assignment_table.md")
    docx = extract(make_docx(tmp_path / "t.docx"))
    pdf = extract(make_pdf(tmp_path / "t.pdf"))
    key = lambda r: [(t.task, tuple((a.name, a.role) for a in t.agencies), t.deadline and t.deadline.text) for t in r.tasks]  # noqa: E731
    assert key(md) == key(docx) == key(pdf)
