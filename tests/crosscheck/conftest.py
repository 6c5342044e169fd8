"""Fixtures of the cross-check tests: the dev pair and the synthetic pairs."""

from __future__ import annotations

import pytest
import yaml

from cc_build import load
from cc_paths import DATA, DEV, PLAN, PROGRAM  # noqa: F401
from corpus_paths import dev_or_skip


@pytest.fixture(scope="session")
def dev_gold() -> dict[str, bool]:
    import json

    gold = json.loads((dev_or_skip() / "crosscheck.gold.json").read_text(encoding="utf-8"))
    return {sid: v["covered"] for sid, v in gold["sections"].items()}


@pytest.fixture(scope="session")
def dev_results():
    dev = dev_or_skip()
    return load(dev / f"{PROGRAM}.md"), load(dev / f"{PLAN}.md")


@pytest.fixture(scope="session")
def dev_report(dev_results):
    from directive_nlp.crosscheck import crosscheck

    return crosscheck(*dev_results)


@pytest.fixture(scope="session")
def pairs() -> dict:
    return yaml.safe_load((DATA / "pairs.yaml").read_text(encoding="utf-8"))
