"""Every shared rendering (PDF, DOCX) reads to the words of its Markdown.

How we compare: both sides go through our own readers and normalisation
(the Markdown through the Markdown reader, which removes ``**``, ``#``,
``|`` …); the word sequence is the list of ``\\w+`` runs (Unicode letters and
digits, case kept) of the NFC text, so punctuation and table bars do not
count but every word and its order do. Agreement is difflib's ratio of the
two sequences (2 × matching words / total words); 1.0 means identical.
Paragraphs are checked too: at least 90 % of the Markdown's blocks must come
out as exactly one of our blocks (measured: 1.0 but for binhphuoc, 0.917,
and the Hà Nội PDF, 0.989).

Measured (docs/reading.md): 1.0 on every rendering except
``binhphuoc_kh_so_ket_ct36`` (0.998: its Markdown glues headings with
``****``, which the renderings print without a space, "HÀNH1. Nội dung")
and the Hà Nội plan's PDF (0.9996: a table header cell wraps inside a word,
"nhiệ" / "m vụ", which no reader can tell from two words).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

import pytest

from corpus_paths import DEV, EXTRA, dev_files, requires_dev
from directive_nlp.ingest import read_document
from directive_nlp.normalize import normalize_document

DEV_RENDERED = DEV / "rendered"
EXTRA_RENDERED = EXTRA / "rendered"
MIN_AGREEMENT = 0.995
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text))


MIN_PARAGRAPHS = 0.9


def agreement(rendering: Path) -> tuple[float, list[str], list[str]]:
    ratio, ours, ref, _ = _compare(rendering)
    return ratio, ours, ref


def _compare(rendering: Path) -> tuple[float, list[str], list[str], float]:
    """Word agreement, both word lists, and the share of the Markdown's
    paragraphs that come out as exactly one of our blocks (same words)."""
    md = rendering.parent.parent / (rendering.name.split(".")[0] + ".md")
    doc = normalize_document(read_document(rendering))
    ref_doc = normalize_document(read_document(md))
    ours, ref = words(doc.text), words(ref_doc.text)
    ratio = difflib.SequenceMatcher(None, ours, ref, autojunk=False).ratio()
    our_blocks = {tuple(words(doc.block_text(b))) for b in doc.blocks}
    ref_blocks = [tuple(words(ref_doc.block_text(b))) for b in ref_doc.blocks]
    found = sum(1 for k in ref_blocks if k in our_blocks) / max(len(ref_blocks), 1)
    return ratio, ours, ref, found


def _diff(a: list[str], b: list[str]) -> str:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return "; ".join(
        f"{op}: {' '.join(a[i1:i2])[:60]!r} -> {' '.join(b[j1:j2])[:60]!r}"
        for op, i1, i2, j1, j2 in sm.get_opcodes()
        if op != "equal"
    )[:1500]


@requires_dev
@pytest.mark.parametrize("name", [n.removeprefix("rendered/") for n in dev_files("rendered/*")])
def test_dev_rendering_has_the_words_of_its_markdown(name: str) -> None:
    ratio, ours, ref, paragraphs = _compare(DEV_RENDERED / name)
    assert ratio >= MIN_AGREEMENT, _diff(ours, ref)
    assert paragraphs >= MIN_PARAGRAPHS


ISSUE_12 = "Generalise, part 1: layout and deadlines as general mechanisms, measured on documents nobody read"


def _extra_params() -> list:
    """Every shared rendering. The scanned PDF is read by Tesseract, whose
    word errors ("chi" read "chỉ", "chức" read "chúc": word agreement 0.992)
    stay under the 0.995 a text layer reaches; it is an expected failure
    until OCR does better (strict: a pass is reported)."""
    if not EXTRA_RENDERED.is_dir():
        return ["(absent)"]
    out: list = []
    for name in sorted(p.name for p in EXTRA_RENDERED.iterdir()):
        if name.endswith(".scanned.pdf"):
            out.append(pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=ISSUE_12)))
        else:
            out.append(name)
    return out


_EXTRA = _extra_params()


@pytest.mark.shared
@pytest.mark.parametrize("name", _EXTRA)
def test_extra_rendering_has_the_words_of_its_markdown(name: str, shared_extra: Path) -> None:
    ratio, ours, ref, paragraphs = _compare(shared_extra / "rendered" / name)
    assert ratio >= MIN_AGREEMENT, _diff(ours, ref)
    assert paragraphs >= MIN_PARAGRAPHS


@requires_dev
def test_bad_font_pdf_reads_right_where_pdfplumber_does_not() -> None:
    """LibreOffice wrote this PDF with fonts that lack precomposed Vietnamese
    letters; the text is only right through ActualText (pypdfium2)."""
    import pdfplumber

    pdf = DEV_RENDERED / "langson_ctr_hanh_dong_ct36.badfont.pdf"
    ratio, ours, ref = agreement(pdf)
    assert ratio == 1.0
    doc = normalize_document(read_document(pdf))
    assert "nâng cao hiệu quả công tác phòng, chống và kiểm soát ma túy" in doc.text
    assert "(cid:" not in doc.text and "**" not in doc.text
    with pdfplumber.open(pdf) as p:
        plumber_words = words(p.pages[0].extract_text() or "")
    first_page = ref[: len(plumber_words)]
    plumber_ratio = difflib.SequenceMatcher(None, plumber_words, first_page, autojunk=False).ratio()
    assert plumber_ratio < 0.9  # the case this reader exists for
