"""Pairs written for these tests (tests/crosscheck/data): a provincial
program on digital transformation and a plan on forest protection, each
with a full review plan. Variants of the plan drop the review of k themes
(k = 0..3); the report must find exactly those."""

import pytest

from cc_build import load, load_text_variant, plan_variants
from conftest import DATA
from directive_nlp.crosscheck import crosscheck


@pytest.mark.parametrize("name", ["chuyen_doi_so", "bao_ve_rung"])
def test_full_plan_reviews_every_theme(name, pairs):
    pair = pairs[name]
    report = crosscheck(load(DATA / pair["program"]), load(DATA / pair["plan"]))
    assert set(report.coverage()) == set(pair["themes"])
    assert report.summary.not_covered == []


@pytest.mark.parametrize("name", ["chuyen_doi_so", "bao_ve_rung"])
def test_variants_without_k_themes_find_exactly_those(name, pairs):
    pair = pairs[name]
    program = load(DATA / pair["program"])
    plan_text = (DATA / pair["plan"]).read_text(encoding="utf-8")
    wrong, decisions = [], 0
    for removed, text, expected in plan_variants(pair, plan_text):
        report = crosscheck(program, load_text_variant(f"{name}_plan", text))
        got = set(report.summary.not_covered)
        decisions += len(report.themes)
        if got != expected:
            wrong.append((removed, sorted(expected), sorted(got)))
    assert decisions >= 10 * len(pair["themes"])
    assert wrong == []
