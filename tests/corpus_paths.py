"""Where the test corpora are, in one place (a uniquely named module: every
test folder may have its own conftest, so `from conftest import` is ambiguous).

The gold corpora (dev and extra) and the unlabelled documents are third-party
data: they stay in ``../shared`` (or ``$DIRECTIVE_NLP_SHARED``) and are never
committed. Tests that need them skip with a reason when they are absent
(``requires_dev`` / ``requires_extra`` marks, the ``dev_dir`` / ``shared_extra``
fixtures). The project's own documents are ``tests/documents`` (with gold) and
``corpora/sample`` (a programme and its review plan, fictional province).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIRECTIVE_NLP_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "corpus" / "dev"
EXTRA = SHARED / "corpus" / "extra"
UNLABELLED = SHARED / "corpus" / "unlabelled"
SCORE_PY = SHARED / "eval" / "score.py"
TESTDATA = Path(__file__).resolve().parent / "data"
DOCUMENTS = Path(__file__).resolve().parent / "documents"
SAMPLE = ROOT / "corpora" / "sample"
SAMPLE_PROGRAM = SAMPLE / "kehoach_chuyen_doi_so_mau.md"
SAMPLE_PLAN = SAMPLE / "kehoach_so_ket_mau.md"
DEV_DOCS = ["langson_ctr_hanh_dong_ct36", "binhphuoc_kh_so_ket_ct36"]

HAS_DEV = (DEV / "meta.json").is_file()
HAS_EXTRA = EXTRA.is_dir()
DEV_ABSENT = f"{DEV} is absent (third-party dev corpus, read from ../shared, never committed)"
EXTRA_ABSENT = f"{EXTRA} is absent (third-party corpus, read from ../shared, never committed)"
requires_dev = pytest.mark.skipif(not HAS_DEV, reason=DEV_ABSENT)
requires_extra = pytest.mark.skipif(not HAS_EXTRA, reason=EXTRA_ABSENT)


def dev_or_skip() -> Path:
    """The dev corpus folder, or skip the calling test (for use inside tests/fixtures)."""
    if not HAS_DEV:
        pytest.skip(DEV_ABSENT)
    return DEV


def dev_files(pattern: str) -> list[str]:
    """Names (relative to DEV) of the dev files matching ``pattern``, to
    parametrise a test marked ``requires_dev``; one placeholder when ../shared
    is absent, so that the list still collects and the test skips."""
    if not HAS_DEV:
        return ["(dev corpus absent)"]
    return sorted(p.relative_to(DEV).as_posix() for p in DEV.glob(pattern))


def dev_meta() -> dict:
    """The dev corpus's meta.json ({} when ../shared is absent)."""
    return json.loads((DEV / "meta.json").read_text(encoding="utf-8")) if HAS_DEV else {}


def extra_docs(with_gold: bool = False) -> list[str]:
    """Names of the extra documents (empty when ../shared is absent)."""
    if not EXTRA.is_dir():
        return []
    names = sorted(p.stem for p in EXTRA.glob("[0-9]*.md"))
    if with_gold:
        names = [n for n in names if (EXTRA / f"{n}.gold.jsonl").exists()]
    return names


def load_gold(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
