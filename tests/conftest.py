"""Shared fixtures.

The dev and extra corpora are third-party data that stay in ``../shared`` and
are never committed: tests that need them use the ``dev_dir`` / ``shared_extra``
fixtures (or the ``requires_dev`` / ``requires_extra`` marks of
``corpus_paths``) and skip with a reason when they are absent.
The records built from gold files (``langson``, ``thanhhoa``, … fixtures)
live in ``record_fixtures`` and are registered here as a plugin.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_paths import (  # noqa: F401
    DEV, DEV_DOCS, EXTRA, EXTRA_ABSENT, HAS_EXTRA, ROOT, SHARED, TESTDATA, dev_or_skip, extra_docs, load_gold,
)

pytest_plugins = ["record_fixtures"]


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    return dev_or_skip()


@pytest.fixture(scope="session")
def shared_extra() -> Path:
    if not HAS_EXTRA:
        pytest.skip(EXTRA_ABSENT)
    return EXTRA


@pytest.fixture(scope="session")
def testdata() -> Path:
    return TESTDATA


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, built once per session."""
    from directive_nlp.nlp import load_nlp

    return load_nlp()
