"""Metadata of every shared document matches its meta.json, from every input form.

Dev documents come from ``../shared/corpus/dev`` (Markdown and the PDF/DOCX
renderings; skipped when absent); the extra documents are read from
``../shared`` through the ``shared_extra`` fixture (skipped when absent). A field is compared only when meta.json gives
it; 11_hanoi (a Công văn whose page lacks the header table and never names the
city) is the documented exception for its province, see README.md (reference: tests/structure).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_paths import DEV, EXTRA, ROOT, dev_meta, requires_dev
from directive_nlp.ingest import read_document
from directive_nlp.normalize import normalize_document
from directive_nlp.structure.metadata import extract_metadata

SRC = ROOT / "src" / "directive_nlp" / "ingest"

FIELDS = ("doc_type", "number", "issued_date", "place", "province", "issuer")
# fields the source text does not give, although meta.json states them
NOT_IN_TEXT = {("11_hanoi-cv-quan-ly-dau-thau-43-cv-tu", "province")}


def _reader_ready(form: str) -> bool:
    return form == "md" or (SRC / f"{form}.py").exists()


def _path(base: Path, name: str, form: str) -> Path:
    return base / f"{name}.md" if form == "md" else base / "rendered" / f"{name}.{form}"


def mismatches(path: Path, name: str, expected: dict) -> list[str]:
    meta = extract_metadata(normalize_document(read_document(path)))
    got = meta.model_dump()
    bad = []
    for field in FIELDS:
        if field in expected and (name, field) not in NOT_IN_TEXT and got[field] != expected[field]:
            bad.append(f"{field}: got {got[field]!r}, want {expected[field]!r}")
    if "signer" in expected:
        s = got["signer"] or {}
        for k, v in expected["signer"].items():
            if s.get(k) != v:
                bad.append(f"signer.{k}: got {s.get(k)!r}, want {v!r}")
    return bad


DEV_META = dev_meta()


@requires_dev
@pytest.mark.parametrize("form", ["md", "pdf", "docx"])
@pytest.mark.parametrize("name", sorted(DEV_META) or ["(dev corpus absent)"])
def test_dev_metadata_matches_meta_json(name, form):
    if not _reader_ready(form):
        pytest.skip(f"ingest/{form}.py (readers area) does not exist yet")
    assert mismatches(_path(DEV, name, form), name, DEV_META[name]) == []


def _extra_names() -> list[str]:
    if not (EXTRA / "meta.json").exists():
        return ["(absent)"]
    return sorted(json.loads((EXTRA / "meta.json").read_text(encoding="utf-8")))


@pytest.mark.shared
@pytest.mark.parametrize("form", ["md", "pdf", "docx"])
@pytest.mark.parametrize("name", _extra_names())
def test_extra_metadata_matches_meta_json(shared_extra, name, form):
    if not _reader_ready(form):
        pytest.skip(f"ingest/{form}.py (readers area) does not exist yet")
    if name == "(absent)":
        pytest.skip("../shared/corpus/extra/meta.json is absent")
    expected = json.loads((shared_extra / "meta.json").read_text(encoding="utf-8"))[name]
    assert mismatches(_path(shared_extra, name, form), name, expected) == []


@requires_dev
def test_dev_metadata_from_the_actualtext_pdf():
    """The LibreOffice rendering whose fonts lack Vietnamese letters (text in ActualText)."""
    if not _reader_ready("pdf"):
        pytest.skip("ingest/pdf.py (readers area) does not exist yet")
    name = "langson_ctr_hanh_dong_ct36"
    assert mismatches(DEV / "rendered" / f"{name}.badfont.pdf", name, DEV_META[name]) == []
