"""Section ids against every `section` value of the dev and extra gold.

For each gold task, the block holding its `sentence` (found in the
normalised text) must carry exactly the gold section id. The share reached
per document is printed (``pytest -s``) and asserted to be 100 %.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import pytest

from directive_nlp.models import DocumentStructure, NormalizedDocument
from directive_nlp.pipeline import load_text
from directive_nlp.structure import parse_structure

from corpus_paths import DEV, DEV_DOCS, EXTRA, ROOT, SHARED, extra_docs, load_gold  # noqa: E402,F401


def _norm(s: str) -> str:
    return " ".join(s.replace("**", "").replace("*", "").split())


@lru_cache(maxsize=64)
def parsed(path: Path) -> tuple[NormalizedDocument, DocumentStructure]:
    """Read and parse once per test session (renderings are read by several tests)."""
    doc = load_text(path)
    return doc, parse_structure(doc)


def agreement(path: Path, gold_path: Path, *, prefix: int = 0) -> tuple[int, int, list[str]]:
    """(matching tasks, gold tasks, mismatch descriptions) for one document.

    ``prefix`` > 0 also looks a sentence up by its first ``prefix``
    characters (a rendering's reader may word a table cell differently; the
    section, not the reader, is under test here).
    """
    doc, structure = parsed(path)
    ok, misses = 0, []
    gold = load_gold(gold_path)
    for task in gold:
        sentence = _norm(task["sentence"])
        pos = doc.text.find(sentence)
        if pos < 0 and prefix:
            pos = doc.text.find(sentence[:prefix])
        if pos < 0:
            misses.append(f"{task['id']}: sentence not in the normalised text")
            continue
        block = doc.block_at(pos)
        got = structure.blocks[block.index].section
        if got == task["section"]:
            ok += 1
        else:
            misses.append(f"{task['id']}: gold {task['section']!r}, got {got!r} ({sentence[:50]}…)")
    return ok, len(gold), misses


@pytest.mark.parametrize("name", DEV_DOCS)
def test_dev_gold_sections(name: str) -> None:
    ok, total, misses = agreement(DEV / f"{name}.md", DEV / f"{name}.gold.jsonl")
    print(f"\n{name}: {ok}/{total} = {ok / total:.0%}")
    assert not misses, "\n".join(misses)


@pytest.mark.shared
@pytest.mark.parametrize("name", extra_docs(with_gold=True) or ["<absent>"])
def test_extra_gold_sections(name: str, shared_extra: Path) -> None:
    ok, total, misses = agreement(shared_extra / f"{name}.md", shared_extra / f"{name}.gold.jsonl")
    print(f"\n{name}: {ok}/{total} = {ok / total:.0%}")
    assert not misses, "\n".join(misses)


@pytest.mark.shared
@pytest.mark.parametrize("name", extra_docs() or ["<absent>"])
def test_every_extra_document_parses(name: str, shared_extra: Path) -> None:
    """All twelve layouts: one BlockInfo per block, ids unique, parents known."""
    doc, structure = parsed(shared_extra / f"{name}.md")
    assert [b.block for b in structure.blocks] == [b.index for b in doc.blocks]
    ids = [s.id for s in structure.sections]
    assert len(ids) == len(set(ids))
    known = set(ids)
    for s in structure.sections:
        assert s.parent is None or s.parent in known
    for info in structure.blocks:
        assert info.section in known
