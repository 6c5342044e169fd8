"""Train on two of the repository's gold documents, evaluate on a third (runs without ../shared).

Keeps `train`, `extract --model`, `evaluate --model` and `evaluate --cv`
working end to end; the whole file runs in well under a minute.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from directive_nlp.cli import app
from directive_nlp.evaluation import count, load_gold, report
from directive_nlp.learn import apply_model, load_model
from directive_nlp.learn.train import train
from directive_nlp.pipeline import extract

DOCS = Path(__file__).resolve().parents[1] / "documents"
TRAIN = ("kehoach_inline_assignments", "kehoach_labelled_blocks")
HELD = "kehoach_assignment_table"
runner = CliRunner()


def _copy(names, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in names:
        for suffix in (".md", ".gold.jsonl"):
            shutil.copy(DOCS / f"{n}{suffix}", folder / f"{n}{suffix}")
    return folder


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    root = tmp_path_factory.mktemp("learn")
    return _copy(TRAIN, root / "train"), _copy([HELD], root / "held"), root


@pytest.fixture(scope="module")
def trained(folders):
    train_dir, _, root = folders
    model, errors = train([train_dir], root / "model")
    assert not errors
    return root / "model"


def test_training_writes_a_json_model_and_its_card(trained):
    data = json.loads((trained / "model.json").read_text(encoding="utf-8"))
    assert set(data["decisions"]) == {"task", "agency", "role", "add", "join"}
    assert data["meta"]["documents"] == sorted(TRAIN)
    card = (trained / "README.md").read_text(encoding="utf-8")
    assert "## Data" in card and "## Features" in card and "kehoach_labelled_blocks" in card


def test_the_trained_model_scores_a_third_document(trained):
    gold = load_gold(DOCS / f"{HELD}.gold.jsonl")
    rules = extract(DOCS / f"{HELD}.md", model=None)
    learned = apply_model(rules, load_model(trained))
    assert all(t.confidence is None for t in rules.tasks)
    assert learned.tasks and all(0.0 <= t.confidence <= 1.0 for t in learned.tasks)
    assert all(0.0 <= a.confidence <= 1.0 for t in learned.tasks for a in t.agencies)
    rep = report(count(gold, [t.model_dump() for t in learned.tasks]))
    assert rep["task"]["f1"] > 0.5  # the layout is read; the model only trims and scores


def test_cli_train_extract_and_evaluate_with_the_model(folders, tmp_path):
    train_dir, held_dir, _ = folders
    out = tmp_path / "m"
    r = runner.invoke(app, ["train", str(train_dir), "-o", str(out), "--enable", "task,role"])
    assert r.exit_code == 0, r.output
    assert "trained on 2 documents" in r.output and "enabled: task, role" in r.output
    r = runner.invoke(app, ["extract", str(held_dir / f"{HELD}.md"), "--model", str(out)])
    assert r.exit_code == 0, r.output
    tasks = json.loads(r.stdout)["tasks"]
    assert tasks and all(isinstance(t["confidence"], float) for t in tasks)
    r = runner.invoke(app, ["extract", str(held_dir / f"{HELD}.md"), "--model", "none"])
    assert all(t["confidence"] is None for t in json.loads(r.stdout)["tasks"])
    r = runner.invoke(app, ["evaluate", str(held_dir), "--model", str(out), "--no-baseline"])
    assert r.exit_code == 0, r.output
    assert "triple_f1=" in r.stdout


def test_cli_evaluate_cv_prints_both_columns(folders):
    train_dir, held_dir, _ = folders
    r = runner.invoke(app, ["evaluate", str(train_dir), str(held_dir), "--cv", "--measured", "kehoach_assignment"])
    assert r.exit_code == 0, r.output
    assert "rules:" in r.stdout and "trained:" in r.stdout
    assert "measured half" in r.stdout and "read half" in r.stdout
    for name in TRAIN + (HELD,):
        assert name in r.stdout


def test_cli_cv_needs_two_documents(folders):
    _, held_dir, _ = folders
    r = runner.invoke(app, ["evaluate", str(held_dir), "--cv"])
    assert r.exit_code != 0 and "at least two" in r.output and "Traceback" not in r.output


def test_cli_bad_model_and_bad_training_folder_are_one_line(tmp_path):
    (tmp_path / "doc.md").write_text("Sở Tư pháp chủ trì rà soát văn bản.\n", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(tmp_path / "doc.md"), "--model", str(tmp_path / "absent")])
    assert r.exit_code == 1 and "model.json" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["train", str(tmp_path), "-o", str(tmp_path / "m")])
    assert r.exit_code == 1 and "gold.jsonl" in r.output
    r = runner.invoke(app, ["train", str(tmp_path / "nowhere"), "-o", str(tmp_path / "m")])
    assert r.exit_code == 1 and "not a folder" in r.output


def test_hold_out_leaves_documents_out_of_the_written_model(folders):
    train_dir, held_dir, root = folders
    out = root / "model-held"
    res = runner.invoke(app, ["train", str(train_dir), str(held_dir), "-o", str(out), "--hold-out", HELD])
    assert res.exit_code == 0, res.output
    data = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert data["meta"]["documents"] == sorted(TRAIN)  # the held-out document is not fitted


def test_holding_out_everything_is_one_line(folders):
    train_dir, _, root = folders
    res = runner.invoke(app, ["train", str(train_dir), "-o", str(root / "none"), "--hold-out", "kehoach"])
    assert res.exit_code != 0 and "held out" in res.output.splitlines()[-1]
