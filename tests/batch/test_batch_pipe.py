"""The batch engine in one process streams documents through the same pipeline with `nlp.pipe`."""

from __future__ import annotations

import json

import directive_nlp
from directive_nlp.batch import ItemResult, _execute_in_process
from directive_nlp.pipeline import extract

GOOD = "KẾ HOẠCH\nII. NHIỆM VỤ\n1. Sở Y tế kiểm tra an toàn thực phẩm trước ngày 30/6/2026.\n"
BROKEN = "KẾ HOẠCH\nII. NHIỆM VỤ\n1. Sở Tài chính rà soát kinh phí (MARK-FAIL) trước ngày 30/9/2026.\n"


def fail_on_mark(doc):
    if "MARK-FAIL" in doc.text:
        raise RuntimeError("component bug")
    return doc


def _run(paths) -> list[ItemResult]:
    return list(_execute_in_process(paths, {}))


def test_in_process_batch_gives_what_extract_gives(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(GOOD, encoding="utf-8")
    b.write_text(GOOD.replace("Sở Y tế", "Sở Công Thương"), encoding="utf-8")
    items = _run([a, b])
    assert [i.ok for i in items] == [True, True]
    for item, path in zip(items, (a, b)):
        assert json.loads(item.json_text)["tasks"] == json.loads(extract(path).model_dump_json())["tasks"]


def test_a_bad_file_and_a_failing_component_fail_one_document_only(tmp_path):
    good, bad, broken = tmp_path / "a.txt", tmp_path / "b.pdf", tmp_path / "c.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_bytes(b"%PDF-1.4 not really")
    broken.write_text(BROKEN, encoding="utf-8")
    from spacy.language import Language

    if not Language.has_factory("test_fail_on_mark"):
        Language.component("test_fail_on_mark", func=fail_on_mark)
    nlp = directive_nlp.load()
    nlp.add_pipe("test_fail_on_mark", after="dnlp_task_extractor")
    try:
        items = _run([good, bad, broken, good])
    finally:
        nlp.remove_pipe("test_fail_on_mark")
    assert [i.ok for i in items] == [True, False, False, True]
    assert items[1].code != "internal" and items[2].code == "internal" and "component bug" in items[2].error
    assert nlp.default_error_handler.__name__ == "raise_error"  # the shared pipeline raises again


def test_iter_results_is_the_one_loop_extract_and_the_batch_share(tmp_path):
    """``batch.iter_results`` gives each input's result, or its failure, in order; the CLI's extract in
    every format and the batch engine's in-process path are built on it."""
    from directive_nlp.batch import iter_results
    from directive_nlp.models import ExtractionResult

    good = tmp_path / "plan.txt"
    good.write_text("II. NHIỆM VỤ\n\n1. Sở Y tế chủ trì tổ chức kiểm tra trước ngày 30/6/2026.\n", encoding="utf-8")
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    out = list(iter_results([good, bad], {"force": True}))
    assert [name for name, _ in out] == [str(good), str(bad)]
    assert isinstance(out[0][1], ExtractionResult) and out[0][1].tasks
    assert isinstance(out[1][1], ItemResult) and not out[1][1].ok and "\n" not in out[1][1].error
