"""The public API: a few verbs in ``directive_nlp.__all__``, each importable, none
sharing a name with a module, each with an example that runs on corpora/sample."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import directive_nlp

ROOT = Path(__file__).resolve().parents[1]
VERBS = [n for n in directive_nlp.__all__ if n != "__version__"]


def _module_names() -> set[str]:
    return {m.name for m in pkgutil.iter_modules(directive_nlp.__path__)}


def test_every_verb_is_importable_and_callable():
    for name in VERBS:
        verb = getattr(importlib.import_module("directive_nlp"), name)
        assert callable(verb) and not isinstance(verb, type(directive_nlp)), name


def test_no_verb_shares_a_name_with_a_module():
    assert not set(VERBS) & _module_names()


def test_verbs_stay_verbs_after_every_module_is_imported():
    for name in _module_names():
        importlib.import_module(f"directive_nlp.{name}")
    for name in VERBS:
        assert callable(getattr(directive_nlp, name)), name
    assert directive_nlp.compare_results.__module__ == "directive_nlp.compare"
    assert directive_nlp.crosscheck_results.__module__ == "directive_nlp.crosscheck"


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'read_documents'"):
        directive_nlp.read_documents  # noqa: B018


def test_every_verb_has_an_example_and_the_examples_pass(monkeypatch):
    assert set(directive_nlp.__test__) == set(VERBS)
    if not (ROOT / "corpora" / "sample").is_dir():
        pytest.skip("corpora/sample is not beside the tests (not a source checkout)")
    monkeypatch.chdir(ROOT)
    failed, attempted = doctest.testmod(directive_nlp, optionflags=doctest.ELLIPSIS)
    assert attempted >= len(VERBS) and failed == 0
