"""The dev pair: the Lạng Sơn program against the Bình Phước review plan.

``corpora/dev/crosscheck.gold.json``: II.1-II.6 and III.1-III.3 reviewed,
II.7 (research and science) not — although II.7 also says "tổ chức sơ kết,
tổng kết", which a bag of words would match in any sơ kết plan.
"""

import importlib.util

import pytest

from cc_paths import DEV, PLAN, PROGRAM
from directive_nlp.crosscheck import crosscheck
from directive_nlp.io import dump_result, parse_result


def test_markdown_pair_matches_gold(dev_report, dev_gold):
    assert dev_report.coverage() == dev_gold


def test_ii7_is_not_reviewed_and_says_why(dev_report):
    ii7 = dev_report.theme("II.7")
    assert not ii7.covered and ii7.evidence == []
    assert {"nghiên cứu", "khoa học"} <= set(ii7.key_terms)
    # the closest plan item shares only subject words, none of research
    assert ii7.nearest is None or not {"nghiên cứu", "khoa học", "công nghệ"} & set(ii7.nearest.terms)


def test_covered_themes_carry_checkable_evidence(dev_report):
    for t in dev_report.themes:
        if t.covered:
            assert t.evidence, t.section
            e = t.evidence[0]
            assert e.program_text and e.plan_text and e.score == pytest.approx(t.score, abs=1e-3)
            assert e.terms, t.section


def test_evidence_reads_like_the_gold(dev_report):
    def plan_text(sid):
        return " ".join(e.plan_text for e in dev_report.theme(sid).evidence).lower()

    assert "tuyên truyền" in plan_text("II.2")
    assert "cai nghiện" in plan_text("II.4")
    assert "nguồn lực" in plan_text("II.5")
    assert "hợp tác quốc tế" in plan_text("II.6")
    assert "ban cán sự đảng ubnd tỉnh" in plan_text("III.2")
    assert "đảng ủy công an tỉnh" in plan_text("III.3")


def test_json_input_gives_the_same_answer(dev_results, dev_gold):
    prog, plan = (parse_result(dump_result(r)) for r in dev_results)
    assert crosscheck(prog, plan).coverage() == dev_gold


def _readers_ready(fmt: str) -> bool:
    fmt = fmt.rsplit(".", 1)[-1]
    return (importlib.util.find_spec(f"directive_nlp.ingest.{fmt}") is not None
            and importlib.util.find_spec("directive_nlp.pipeline") is not None
            and hasattr(__import__("directive_nlp.pipeline", fromlist=["extract"]), "extract"))


@pytest.mark.parametrize("fmt", ["pdf", "docx", "badfont.pdf"])
def test_rendered_pair_matches_gold(fmt, dev_gold):
    if not _readers_ready(fmt):
        pytest.skip(f"the {fmt.rsplit('.', 1)[-1].upper()} reader or the extraction pipeline is not there yet")
    from directive_nlp.crosscheck import load_input

    prog, prog_doc = load_input(DEV / "rendered" / f"{PROGRAM}.{fmt}")
    plan, plan_doc = load_input(DEV / "rendered" / f"{PLAN}.{fmt.rsplit('.', 1)[-1]}")  # no badfont plan
    assert crosscheck(prog, plan).coverage() == dev_gold  # results alone
    report = crosscheck(prog, plan, program_doc=prog_doc, plan_doc=plan_doc)  # + untasked paragraphs
    assert report.coverage() == dev_gold
    assert report.program.path.endswith(f".{fmt}") or fmt.startswith("badfont")


def test_markdown_documents_with_paragraphs_match_gold(dev_gold):
    if not _readers_ready("text"):
        pytest.skip("the extraction pipeline is not there yet")
    from directive_nlp.crosscheck import load_input

    (prog, prog_doc), (plan, plan_doc) = load_input(DEV / f"{PROGRAM}.md"), load_input(DEV / f"{PLAN}.md")
    report = crosscheck(prog, plan, program_doc=prog_doc, plan_doc=plan_doc)
    assert report.coverage() == dev_gold


def test_tasks_of_the_unreviewed_area_are_not_covered(dev_report):
    """Even "tổ chức sơ kết, tổng kết …" of II.7: a review plan is not a review of research."""
    ii7 = [t for t in dev_report.tasks if t.theme == "II.7"]
    assert ii7 and all(t.status == "not_covered" for t in ii7)


def test_task_level_counts_add_up(dev_report):
    s = dev_report.summary
    assert s.tasks == len(dev_report.tasks) == s.tasks_covered + s.tasks_partial + s.tasks_not_covered
    assert s.tasks_covered >= s.tasks // 3  # most areas are reviewed, so many tasks are
    for t in dev_report.tasks:
        if t.status != "not_covered":
            assert t.best is not None and t.best.score >= 0.12
