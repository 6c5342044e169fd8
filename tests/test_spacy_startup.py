"""``import spacy`` after ``import directive_nlp`` skips spaCy's command line, and nothing is lost.

Each case runs in a fresh interpreter (the finder acts on the first ``import spacy`` of a process).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import directive_nlp

SRC = str(Path(directive_nlp.__file__).resolve().parents[1])


def _run(code: str) -> str:
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180, env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout.strip()


def test_the_pipeline_runs_without_importing_spacys_command_line() -> None:
    out = _run(
        "import sys, directive_nlp\n"
        "nlp = directive_nlp.load()\n"
        "doc = nlp('Sở Y tế chủ trì, phối hợp với Sở Tài chính kiểm tra trước ngày 30/6/2026.')\n"
        "print([s.text for s in doc.spans['dnlp_agency']])\n"
        "print(sorted(m for m in ('spacy.cli', 'spacy.cli.info', 'weasel') if m in sys.modules))\n"
    )
    assert out.splitlines() == ["['Sở Y tế', 'Sở Tài chính']", "[]"]


def test_spacys_command_line_is_still_there_when_asked_for() -> None:
    out = _run(
        "import directive_nlp, spacy\n"
        "print(callable(spacy.cli.download))\n"  # attribute access imports the real package
        "import spacy.cli\n"
        "from spacy.cli import package\n"
        "from spacy.cli.info import info\n"
        "print(type(spacy.cli).__name__, spacy.cli.__name__, callable(package), callable(info))\n"
        "print(spacy.info(silent=True)['spacy_version'] == spacy.__version__)\n"
        "print(type(spacy.__spec__.loader).__name__)\n"
    )
    assert out.splitlines() == ["True", "module spacy.cli True True", "True", "SourceFileLoader"]


def test_a_spacy_imported_first_is_left_as_it_is() -> None:
    # negative: spaCy imported before directive_nlp keeps its command line; the finder is not installed
    out = _run(
        "import sys, spacy, directive_nlp\n"
        "from directive_nlp import _spacy_startup\n"
        "print('spacy.cli' in sys.modules, _spacy_startup._FINDER in sys.meta_path)\n"
    )
    assert out == "True False"


def test_the_finder_leaves_other_imports_alone() -> None:
    out = _run(
        "import sys, directive_nlp\n"
        "from directive_nlp import _spacy_startup\n"
        "import json, thinc\n"
        "print(_spacy_startup._FINDER in sys.meta_path)\n"  # still waiting for spaCy
        "import spacy\n"
        "print(_spacy_startup._FINDER in sys.meta_path, 'spacy.cli.info' in sys.modules)\n"
    )
    assert out.splitlines() == ["True", "False False"]
