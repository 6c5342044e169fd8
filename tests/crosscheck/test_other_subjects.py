"""A plan that reviews another subject reviews nothing of the program.

Administrative words ("tuyên truyền", "kiểm tra", "bố trí kinh phí") are in
every program; without the subject check a forest plan would "cover" most of
a digital-transformation program."""

import pytest

from cc_build import load
from cc_paths import DATA, DEV, PLAN, PROGRAM, requires_dev
from corpus_paths import dev_or_skip
from directive_nlp.crosscheck import crosscheck


@pytest.mark.parametrize("program,plan", [
    ("chuyen_doi_so_ctr.md", "bao_ve_rung_kh_tong_ket.md"),
    ("bao_ve_rung_ctr.md", "chuyen_doi_so_kh_so_ket.md"),
    pytest.param("dev", "chuyen_doi_so_kh_so_ket.md", marks=requires_dev),
    pytest.param("bao_ve_rung_ctr.md", "dev", marks=requires_dev),
])
def test_plan_on_another_subject_covers_nothing(program, plan):
    prog = load(DEV / f"{PROGRAM}.md") if program == "dev" else load(DATA / program)
    pl = load(DEV / f"{PLAN}.md") if plan == "dev" else load(DATA / plan)
    report = crosscheck(prog, pl)
    assert report.summary.themes_covered == 0
    assert report.subject is not None and not report.subject.same_subject
    assert any("does not look like a review of this program" in n or "does not review this program" in n
               for n in report.notes)
    assert all(t.status == "not_covered" for t in report.tasks)


def test_the_dev_pair_passes_the_subject_check(dev_report):
    assert dev_report.subject.same_subject and dev_report.subject.shared_references == ["36-CT/TW"]


def test_pairs_of_one_subject_pass_the_subject_check(pairs):
    for pair in pairs.values():
        report = crosscheck(load(DATA / pair["program"]), load(DATA / pair["plan"]))
        assert report.subject.same_subject


def test_extra_corpus_programs_against_the_dev_plan(shared_extra):
    """Twelve documents of other subjects and provinces: none is reviewed by the drug plan."""
    plan = load(dev_or_skip() / f"{PLAN}.md")
    checked = 0
    for md in sorted(shared_extra.glob("[0-9]*.md")):
        report = crosscheck(load(md), plan)
        assert report.summary.themes_covered == 0, md.name
        checked += 1
    assert checked >= 5
