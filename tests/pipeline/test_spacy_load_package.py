"""`spacy.load("vi_directive_nlp")`: the installed spaCy package is the pipeline the CLI runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from corpus_paths import DEV  # the dev documents (skipped when absent)

ROOT = Path(__file__).resolve().parents[2]
DOCS = sorted(DEV.glob("*.md")) if DEV.is_dir() else []
SENTENCE = "Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức kiểm tra … trước ngày 30/6/2026."

try:
    metadata.distribution("vi_directive_nlp")
    INSTALLED = True
except metadata.PackageNotFoundError:
    INSTALLED = False

pytestmark = pytest.mark.skipif(not INSTALLED, reason="vi-directive-nlp is not installed (pip install . installs it)")

SCRIPT = r"""
import json, sys
import spacy
from directive_nlp.reader import read_doc
nlp = spacy.load("vi_directive_nlp")
out = {"pipes": nlp.pipe_names}
doc = nlp(sys.argv[1])
out["sentence"] = [s._.dnlp_task for s in doc.spans["dnlp_task"]]
out["agencies"] = [(s.text, s.kb_id_) for s in doc.spans["dnlp_agency"]]
out["deadlines"] = [s._.deadline for s in doc.spans["dnlp_deadline"]]
out["docs"] = {}
for path in sys.argv[2:]:
    d = nlp(read_doc(nlp, path))
    out["docs"][path] = [t.model_dump(mode="json") for t in d._.dnlp_tasks]
print(json.dumps(out, ensure_ascii=False))
"""


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=300, env=os.environ.copy(),
                          cwd=str(ROOT.parent))


@pytest.fixture(scope="module")
def loaded() -> dict:
    r = _run("-c", SCRIPT, SENTENCE, *[str(p) for p in DOCS])
    assert r.returncode == 0, r.stderr[-2000:]
    return json.loads(r.stdout)


def test_spacy_load_by_name_gives_the_whole_pipeline(loaded):
    assert loaded["pipes"] == ["dnlp_document", "dnlp_agency_recognizer", "dnlp_deadline_recognizer",
                               "dnlp_task_extractor", "dnlp_learned_decisions"]


def test_the_sentence_gives_the_task_both_agencies_and_the_deadline(loaded):
    (task,) = loaded["sentence"]
    assert task["task"].startswith("tổ chức kiểm tra")
    assert [(a["name"], a["role"]) for a in task["agencies"]] == [("Sở Y tế", "lead"), ("Sở Tài chính", "support")]
    assert task["deadline"]["date"] == "2026-06-30"
    assert [a for a, _ in loaded["agencies"]] == ["Sở Y tế", "Sở Tài chính"]
    assert [d["date"] for d in loaded["deadlines"]] == ["2026-06-30"]


@pytest.mark.skipif(not DOCS, reason=f"the dev documents are absent ({DEV})")
@pytest.mark.parametrize("name", [p.name for p in DOCS] or ["-"])
def test_same_tasks_as_the_cli_on_the_dev_documents(loaded, name):
    path = str(DEV / name)
    r = _run("-m", "directive_nlp", "extract", path)
    assert r.returncode == 0, r.stderr[-2000:]
    cli = json.loads(r.stdout)["tasks"]
    assert cli and loaded["docs"][path] == cli
