"""The headline figures on the gold corpora (dev and extra, both read from ../shared; skipped when absent)."""

from __future__ import annotations

from collections import Counter

import pytest

from directive_nlp.evaluation import count, report
from directive_nlp.pipeline import extract


from corpus_paths import requires_dev
from tasks_helpers import DEV, DEV_DOCS, EXTRA, extra_docs, load_gold


def _pooled(folder, names):
    total = Counter()
    for n in names:
        res = extract(folder / f"{n}.md")
        total += count(load_gold(folder / f"{n}.gold.jsonl"), [t.model_dump(mode="json") for t in res.tasks])
    return report(total)


@requires_dev
def test_dev_gold_triple_f1():
    rep = _pooled(DEV, DEV_DOCS)
    assert rep["triple"]["f1"] >= 0.85, rep


def test_extra_gold_pooled(shared_extra):
    names = extra_docs(with_gold=True)
    if not names:
        pytest.skip("no extra gold")
    rep = _pooled(EXTRA, names)
    assert rep["triple"]["f1"] >= 0.80, rep
    assert rep["deadline"]["f1"] >= 0.85, rep


@requires_dev
@pytest.mark.parametrize("form", ["pdf", "docx"])
def test_rendered_forms_match_markdown(form):
    md = _pooled(DEV, DEV_DOCS)
    total = Counter()
    for n in DEV_DOCS:
        res = extract(DEV / "rendered" / f"{n}.{form}")
        total += count(load_gold(DEV / f"{n}.gold.jsonl"), [t.model_dump(mode="json") for t in res.tasks])
    rep = report(total)
    assert abs(rep["triple"]["f1"] - md["triple"]["f1"]) <= 0.02, (rep, md)
