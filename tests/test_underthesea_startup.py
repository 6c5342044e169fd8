"""``import underthesea`` after ``import directive_nlp`` loads only the word segmenter, and nothing is lost.

Each case runs in a fresh interpreter (the finder acts on the first ``import underthesea`` of a process).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import directive_nlp

SRC = str(Path(directive_nlp.__file__).resolve().parents[1])
SENTENCE = "Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức kiểm tra trước ngày 30/6/2026."


def _run(code: str) -> str:
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=180, env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout.strip()


def test_the_pipeline_segments_without_underthesea_s_other_pipelines() -> None:
    out = _run(
        "import sys, directive_nlp\n"
        "nlp = directive_nlp.load()\n"
        f"doc = nlp({SENTENCE!r})\n"
        "print([t.text for t in doc][:4])\n"
        "print(sorted(m for m in ('underthesea.pipeline.pos_tag', 'underthesea.pipeline.ner', "
        "'underthesea.pipeline.chunking', 'underthesea.pipeline.classification', 'requests') if m in sys.modules))\n"
    )
    assert out.splitlines() == ["['Sở', 'Y tế', 'chủ trì', ',']", "[]"]


def test_the_same_words_as_underthesea_imported_whole() -> None:
    code = (
        "{first}\n"
        "from underthesea import word_tokenize\n"
        f"print(word_tokenize({SENTENCE!r}, use_token_normalize=False))\n"
        "print(word_tokenize('Hoá đơn ðiện tử   UBND tỉnh Ðồng Nai'))\n"
    )
    lazy = _run(code.format(first="import directive_nlp"))
    whole = _run(code.format(first="import underthesea, directive_nlp"))
    assert lazy == whole and "'Y tế'" in lazy


def test_every_top_level_name_is_still_there_when_asked_for() -> None:
    out = _run(
        "import directive_nlp, underthesea, sys\n"
        "print('underthesea.pipeline.pos_tag' in sys.modules, underthesea.__version__ != '')\n"
        "print(callable(underthesea.pos_tag), 'pos_tag' in sys.modules['underthesea'].__dict__)\n"
        "from underthesea import sent_tokenize, word_tokenize, ner\n"
        "print(sent_tokenize('Một. Hai.'), 'lang_detect' in dir(underthesea), callable(underthesea.get_optional_import))\n"
        "try:\n    underthesea.no_such_name\nexcept AttributeError as e:\n    print('AttributeError')\n"
    )
    assert out.splitlines() == ["False True", "True True", "['Một.', 'Hai.'] True True", "AttributeError"]


def test_an_underthesea_imported_first_is_left_as_it_is() -> None:
    # negative: underthesea imported before directive_nlp is the whole package; the finder is not installed
    out = _run(
        "import sys, underthesea, directive_nlp\n"
        "from directive_nlp import _underthesea_startup\n"
        "print('underthesea.pipeline.pos_tag' in sys.modules, _underthesea_startup._FINDER in sys.meta_path)\n"
    )
    assert out == "True False"


def test_the_finder_leaves_other_imports_alone() -> None:
    out = _run(
        "import sys, directive_nlp\n"
        "from directive_nlp import _underthesea_startup\n"
        "import json, spacy\n"
        "print(_underthesea_startup._FINDER in sys.meta_path)\n"  # still waiting for underthesea
        "import underthesea\n"
        "print(_underthesea_startup._FINDER in sys.meta_path, type(underthesea.__spec__.loader).__name__)\n"
    )
    assert out.splitlines() == ["True", "False SourceFileLoader"]
