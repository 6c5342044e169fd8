"""Records built from gold files (a pytest plugin registered by tests/conftest.py). Build ExtractionResults from the gold files, for tests that must not
depend on the extractor's current quality.

The gold lines carry tasks; the document object comes from ``meta.json``.
Sections (ids and headings) are read from the Markdown headings with a small
pattern that only knows the corpus Markdown ("**II- …**", "### **1. …**"):
enough for fixtures, not a structure parser.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from corpus_paths import DEV, dev_or_skip  # noqa: F401  (../shared/corpus/dev)
from directive_nlp.io import load_result, parse_result
from directive_nlp.models import ExtractionResult

_ROMAN = re.compile(r"^(?:#+\s*)?\*\*\s*([IVX]+)\s*[-.]\s*(.+?)\*\*\s*$")
_ARABIC = re.compile(r"^(?:#+\s*)?\*\*\s*(\d+)\.\s*(.+?)\*\*\s*$")
CT36_REF = {
    "kind": "Chỉ thị", "number": "36-CT/TW", "date": "2019-08-16", "issuer": "Bộ Chính trị",
    "text": "Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị",
}


def md_sections(md: str) -> list[dict]:
    out, roman = [], None
    for line in md.splitlines():
        line = line.strip()
        m = _ROMAN.match(line)
        if m:
            roman = m.group(1)
            out.append({"id": roman, "number": f"{roman}-", "heading": m.group(2).strip(), "level": 1, "parent": None})
            continue
        m = _ARABIC.match(line)
        if m and roman:
            out.append({"id": f"{roman}.{m.group(1)}", "number": f"{m.group(1)}.", "heading": m.group(2).strip(),
                        "level": 2, "parent": roman})
    return out


def gold_result(corpus: Path, name: str) -> ExtractionResult:
    meta = json.loads((corpus / "meta.json").read_text(encoding="utf-8")).get(name, {})
    md_path = corpus / f"{name}.md"
    md = md_path.read_text(encoding="utf-8") if md_path.exists() else ""
    tasks = [json.loads(l) for l in (corpus / f"{name}.gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    sections = md_sections(md)
    known = {s["id"] for s in sections}
    for t in tasks:  # sections known only through their tasks (e.g. "II.1.4")
        parts = t["section"].split(".")
        for k in range(1, len(parts) + 1):
            sid = ".".join(parts[:k])
            if sid and sid not in known:
                known.add(sid)
                sections.append({"id": sid, "level": k, "parent": ".".join(parts[: k - 1]) or None})
    document = {k: v for k, v in meta.items() if k in ("doc_type", "number", "issued_date", "place", "province", "issuer", "title", "signer")}
    document["references"] = [CT36_REF] if "36-CT/TW" in md[:3000] else []
    return parse_result({
        "source": {"path": f"{name}.md", "format": "md", "sha256": hashlib.sha256(md.encode()).hexdigest()},
        "document": document,
        "sections": sections,
        "tasks": tasks,
    }, path=str(md_path))


# --------------------------------------------------------------------------
# fixtures
# --------------------------------------------------------------------------

DATA = Path(__file__).resolve().parent / "data"  # our own result files


@pytest.fixture(scope="session")
def graph_data() -> Path:
    return DATA


@pytest.fixture()
def langson() -> ExtractionResult:
    """The dev program (Lạng Sơn), from its gold tasks."""
    return gold_result(dev_or_skip(), "langson_ctr_hanh_dong_ct36")


@pytest.fixture()
def binhphuoc() -> ExtractionResult:
    """The dev review plan (Bình Phước), from its gold tasks."""
    return gold_result(dev_or_skip(), "binhphuoc_kh_so_ket_ct36")


@pytest.fixture()
def thanhhoa() -> ExtractionResult:
    """Own test plan: rural clean water, Thanh Hóa 2025 (another subject)."""
    return load_result(DATA / "kh_nuoc_sach_thanhhoa.json")


@pytest.fixture()
def dongnai() -> ExtractionResult:
    """Own test plan: CT36 review, Đồng Nai 2026 (after the merger)."""
    return load_result(DATA / "ct36_dongnai_2026.json")


@pytest.fixture()
def binhphuoc2024() -> ExtractionResult:
    """Own test plan: CT36 inspection, Bình Phước 2024 (before the merger)."""
    return load_result(DATA / "ct36_binhphuoc_2024.json")


@pytest.fixture()
def empty_plan() -> ExtractionResult:
    return load_result(DATA / "empty_plan.json")
