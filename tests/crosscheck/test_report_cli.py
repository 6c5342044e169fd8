"""Markdown, HTML (rendered by a real browser) and the command line."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from directive_nlp.cli import app
from directive_nlp.io import dump_result

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def dev_json(tmp_path_factory, dev_results):
    d = tmp_path_factory.mktemp("cc")
    paths = []
    for name, r in zip(("program", "plan"), dev_results):
        p = d / f"{name}.json"
        p.write_text(dump_result(r), encoding="utf-8")
        paths.append(p)
    return paths


def test_markdown_has_a_row_per_theme_and_names_the_gap(dev_report):
    from directive_nlp.report import render_crosscheck_markdown

    md = render_crosscheck_markdown(dev_report)
    for t in dev_report.themes:
        assert f"| {t.section} |" in md
    assert "not reviewed: II.7" in md
    assert "| II.7 |" in md and "**NO**" in md
    assert "## Tasks" in md and "## Agencies" in md and "## Deadline conflicts" in md


def test_html_is_self_contained(dev_report):
    from directive_nlp.report import render_crosscheck_html

    html = render_crosscheck_html(dev_report)
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    for external in ("<link", "<script", "src=\"http", "href=\"http", "url("):
        assert external not in html
    assert "II.7" in html and "nghiên cứu" in html


def test_html_escapes_document_text(dev_report):
    from directive_nlp.report import render_crosscheck_html

    r = dev_report.model_copy(deep=True)
    r.themes[0].heading = "<b>x</b> & y"
    html = render_crosscheck_html(r)
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in html


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
def test_html_renders_in_headless_chromium(dev_report, tmp_path):
    from directive_nlp.report import render_crosscheck_html
    from PIL import Image

    page = tmp_path / "report.html"
    page.write_text(render_crosscheck_html(dev_report), encoding="utf-8")
    shot = tmp_path / "shot.png"
    profile = tmp_path / "profile"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
           f"--user-data-dir={profile}", f"--screenshot={shot}", "--window-size=1200,1600", page.as_uri()]
    env = dict(os.environ, HOME=str(tmp_path))
    subprocess.run(cmd, check=True, timeout=60, capture_output=True, env=env)
    img = Image.open(shot).convert("L")
    assert img.size == (1200, 1600)
    dark = sum(img.histogram()[:200])
    assert dark > 5000, f"screenshot looks blank ({dark} non-white pixels)"


def test_cli_json_md_html(dev_json, dev_gold, tmp_path):
    runner = CliRunner()
    prog, plan = map(str, dev_json)
    res = runner.invoke(app, ["crosscheck", prog, plan, "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert {t["section"]: t["covered"] for t in data["themes"]} == dev_gold
    for t in data["themes"]:
        assert {"section", "heading", "covered", "score", "evidence"} <= set(t)
    out = tmp_path / "r.html"
    res = runner.invoke(app, ["crosscheck", prog, plan, "-o", str(out)])
    assert res.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    res = runner.invoke(app, ["crosscheck", prog, plan])
    assert res.exit_code == 0 and res.stdout.startswith("# Cross-check")


def test_cli_on_documents(dev_gold):
    from cc_paths import DEV, PLAN, PROGRAM

    res = CliRunner().invoke(app, ["crosscheck", str(DEV / f"{PROGRAM}.md"), str(DEV / f"{PLAN}.md"), "-f", "json"])
    assert res.exit_code == 0, res.output
    assert {t["section"]: t["covered"] for t in json.loads(res.stdout)["themes"]} == dev_gold


def test_cli_bad_input_is_one_line(dev_json, tmp_path):
    runner = CliRunner()
    prog, plan = map(str, dev_json)
    for args in (["crosscheck", prog, prog],
                 ["crosscheck", prog, plan, "--format", "xml"],
                 ["crosscheck", prog, str(tmp_path / "missing.json")],
                 ["crosscheck", prog, plan, "--threshold", "3"]):
        res = runner.invoke(app, args)
        assert res.exit_code == 1, args
        assert "Traceback" not in res.output
    bad = tmp_path / "bad.json"
    bad.write_text("{\"hello\": 1}", encoding="utf-8")
    res = runner.invoke(app, ["crosscheck", prog, str(bad)])
    assert res.exit_code == 1 and "extract" in res.output
