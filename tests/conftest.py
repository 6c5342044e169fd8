"""Shared fixtures.

The dev corpus ships in ``corpora/dev``; the extra corpus is third-party data
that stays in ``../shared`` and is never committed: tests that need it use
the ``shared_extra`` fixture and skip with a reason when it is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_paths import DEV, DEV_DOCS, EXTRA, ROOT, SHARED, TESTDATA, extra_docs, load_gold  # noqa: E402,F401


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    return DEV


@pytest.fixture(scope="session")
def shared_extra() -> Path:
    if not EXTRA.is_dir():
        pytest.skip("../shared/corpus/extra is absent (third-party corpus, not committed)")
    return EXTRA


@pytest.fixture(scope="session")
def testdata() -> Path:
    return TESTDATA
