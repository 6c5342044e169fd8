"""Pairs written for these tests (tests/crosscheck/data): a provincial
program on digital transformation, a plan on forest protection and one on
vocational training (written after tuning, held out), each with a full
review plan. Variants of the plan drop the review of k themes
(k = 0..3); the report must find exactly those."""

import pytest

from cc_build import load_doc, load_doc_text, plan_variants
from cc_paths import DATA
from directive_nlp.crosscheck import crosscheck


NAMES = ["chuyen_doi_so", "bao_ve_rung", "dao_tao_nghe"]


@pytest.mark.parametrize("name", NAMES)
def test_full_plan_reviews_every_theme(name, pairs):
    pair = pairs[name]
    prog, plan = load_doc(DATA / pair["program"]), load_doc(DATA / pair["plan"])
    report = crosscheck(prog, plan)
    assert set(report.coverage()) == set(pair["themes"])
    assert report.summary.not_covered == []


@pytest.mark.parametrize("name", NAMES)
def test_variants_without_k_themes_find_exactly_those(name, pairs):
    pair = pairs[name]
    program = load_doc(DATA / pair["program"])
    plan_text = (DATA / pair["plan"]).read_text(encoding="utf-8")
    wrong, decisions = [], 0
    for removed, text, expected in plan_variants(pair, plan_text):
        plan = load_doc_text(f"{name}_plan", text)
        report = crosscheck(program, plan)
        got = set(report.summary.not_covered)
        decisions += len(report.themes)
        if got != expected:
            wrong.append((removed, sorted(expected), sorted(got)))
    assert decisions >= 10 * len(pair["themes"])
    assert wrong == []
