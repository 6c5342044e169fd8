"""Fixtures of the recogniser tests: the spaCy pipeline is built once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from directive_nlp.nlp import load_nlp

    return load_nlp()
