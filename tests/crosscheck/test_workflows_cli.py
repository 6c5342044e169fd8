"""Analysts' workflows from files on disk, the way a user types them: one
input gives one answer whatever its form (Markdown, PDF, DOCX, extract
JSON) and wherever it is run (CLI or web page); the report's first line
says what each document is and warns when the second does not review the
first; ``--strict`` makes that an exit 1."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from builders import web_client
from cc_paths import DEV, PLAN, PROGRAM, requires_dev
from corpus_paths import SAMPLE_PLAN, SAMPLE_PROGRAM, dev_or_skip
from directive_nlp.cli import app
from own_renderings import render


def _run(*args):
    res = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in res.output, res.output
    return res


def _summary(*args) -> dict:
    res = _run("crosscheck", *args, "-f", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    return {k: data["summary"][k] for k in ("themes", "themes_covered", "not_covered", "tasks", "tasks_covered",
                                            "tasks_partial", "tasks_not_covered")}


@pytest.fixture(scope="module")
def sample_cli_summary():
    return _summary(SAMPLE_PROGRAM, SAMPLE_PLAN)


def test_the_sample_pair_gives_its_known_answer(sample_cli_summary):
    """The bundled sample: the review plan reviews II.1-II.3 and II.5, not the
    communes' duties (II.4) nor the programme's own arrangements (III)."""
    assert sample_cli_summary["themes"] == 8
    assert sample_cli_summary["not_covered"] == ["II.4", "III.1", "III.2", "III.3"]


def test_the_sample_in_four_forms_gives_the_same_counts(sample_cli_summary, tmp_path):
    """Markdown, PDF (reportlab), DOCX (python-docx) and the extract JSON of the PDFs: one answer."""
    pdf = tuple(render(p, tmp_path, "pdf") for p in (SAMPLE_PROGRAM, SAMPLE_PLAN))
    docx = tuple(render(p, tmp_path, "docx") for p in (SAMPLE_PROGRAM, SAMPLE_PLAN))
    jsons = []
    for p in pdf:
        out = tmp_path / f"{p.stem}.json"
        assert _run("extract", p, "-o", out).exit_code == 0
        jsons.append(out)
    assert _summary(*pdf) == sample_cli_summary
    assert _summary(*docx) == sample_cli_summary
    assert _summary(*jsons) == sample_cli_summary


def test_the_sample_review_plan_passes_strict_and_the_page_agrees(sample_cli_summary, tmp_path):
    res = _run("crosscheck", SAMPLE_PROGRAM, SAMPLE_PLAN, "--strict", "-o", tmp_path / "r.md")
    assert res.exit_code == 0, res.output
    first = (tmp_path / "r.md").read_text(encoding="utf-8").splitlines()[0]
    assert "second: review plan (Kế hoạch 88/KH-UBND) reviewing 215/KH-UBND" in first and "WARNING" not in first
    client = web_client(graph=False)
    files = {"program": (SAMPLE_PROGRAM.name, SAMPLE_PROGRAM.read_bytes(), "text/markdown"),
             "plan": (SAMPLE_PLAN.name, SAMPLE_PLAN.read_bytes(), "text/markdown")}
    page = client.post("/crosscheck", files=files)
    assert page.status_code == 200
    s = sample_cli_summary
    m = re.search(r'id="summary"><strong>(\d+)/(\d+)</strong>.*?(\d+) có, (\d+) một phần, (\d+) không', page.text, re.S)
    assert m, page.text[:2000]
    assert tuple(map(int, m.groups())) == (s["themes_covered"], s["themes"], s["tasks_covered"], s["tasks_partial"],
                                           s["tasks_not_covered"])


@pytest.fixture(scope="module")
def dev_cli_summary():
    dev_or_skip()
    return _summary(DEV / f"{PROGRAM}.md", DEV / f"{PLAN}.md")


def test_the_dev_pair_gives_its_known_answer(dev_cli_summary):
    assert dev_cli_summary["not_covered"] == ["II.7"] and dev_cli_summary["themes_covered"] == 9


def test_four_forms_give_the_same_counts(dev_cli_summary, tmp_path):
    """Markdown, PDF, DOCX and the extract JSON of the PDFs: one answer."""
    pdf = (DEV / "rendered" / f"{PROGRAM}.pdf", DEV / "rendered" / f"{PLAN}.pdf")
    docx = (DEV / "rendered" / f"{PROGRAM}.docx", DEV / "rendered" / f"{PLAN}.docx")
    jsons = []
    for p in pdf:
        out = tmp_path / f"{p.stem}.json"
        assert _run("extract", p, "-o", out).exit_code == 0
        jsons.append(out)
    assert _summary(*pdf) == dev_cli_summary
    assert _summary(*docx) == dev_cli_summary
    assert _summary(*jsons) == dev_cli_summary


def test_web_page_and_cli_give_the_same_counts(dev_cli_summary):
    client = web_client(graph=False)
    files = {"program": (f"{PROGRAM}.md", (DEV / f"{PROGRAM}.md").read_bytes(), "text/markdown"),
             "plan": (f"{PLAN}.md", (DEV / f"{PLAN}.md").read_bytes(), "text/markdown")}
    page = client.post("/crosscheck", files=files)
    assert page.status_code == 200
    s = dev_cli_summary
    m = re.search(r'id="summary"><strong>(\d+)/(\d+)</strong>.*?(\d+) có, (\d+) một phần, (\d+) không', page.text, re.S)
    assert m, page.text[:2000]
    assert tuple(map(int, m.groups())) == (s["themes_covered"], s["themes"], s["tasks_covered"], s["tasks_partial"],
                                           s["tasks_not_covered"])


def test_two_ordinary_plans_warn_in_the_first_line(shared_extra):
    a, b = sorted(shared_extra.glob("13_*.md"))[0], sorted(shared_extra.glob("14_*.md"))[0]
    res = _run("crosscheck", a, b)
    assert res.exit_code == 0, res.output
    first = res.stdout.splitlines()[0]
    assert first.startswith("# Cross-check: first: plan (Kế hoạch 182/KH-UBND")
    assert "second: plan (Kế hoạch 153/KH-UBND" in first
    assert "WARNING: the second does not review the first" in first and "not a review plan" in first
    strict = _run("crosscheck", a, b, "--strict")
    assert strict.exit_code == 1
    assert len(strict.output.strip().splitlines()) == 1 and "does not review the first" in strict.output


@requires_dev
def test_a_review_plan_of_the_programme_passes_strict(tmp_path):
    out = tmp_path / "r.md"
    res = _run("crosscheck", DEV / f"{PROGRAM}.md", DEV / f"{PLAN}.md", "--strict", "-o", out)
    assert res.exit_code == 0, res.output
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert "first: programme (Chương trình hành động, Lạng Sơn) implementing 36-CT/TW" in first
    assert "second: review plan (Kế hoạch, Bình Phước) reviewing 36-CT/TW" in first and "WARNING" not in first
