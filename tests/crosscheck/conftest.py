"""Fixtures of the cross-check tests: the dev pair and the synthetic pairs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cc_build import load  # noqa: E402
from cc_paths import DATA, DEV, PLAN, PROGRAM  # noqa: E402,F401
from corpus_paths import dev_or_skip  # noqa: E402


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
