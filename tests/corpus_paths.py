"""Where the test corpora are, in one place (a uniquely named module: every
test folder may have its own conftest, so `from conftest import` is ambiguous).

The dev corpus ships in ``corpora/dev``; the extra corpus is third-party data
that stays in ``../shared`` and is never committed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "corpora" / "dev"
SHARED = Path(os.environ.get("DIRECTIVE_NLP_SHARED", ROOT.parent / "shared"))
EXTRA = SHARED / "corpus" / "extra"
TESTDATA = Path(__file__).resolve().parent / "data"
DEV_DOCS = ["langson_ctr_hanh_dong_ct36", "binhphuoc_kh_so_ket_ct36"]


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
