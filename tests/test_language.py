"""The language test judges each distinct word once; its shares must be what judging every word
gave (the former computation, kept here as the reference)."""

from __future__ import annotations

import unicodedata

import pytest

from corpus_paths import DEV, EXTRA, UNLABELLED
from directive_nlp.language import _DIACRITIC, _SYLLABLE_RE, _WORD_RE, vietnamese_shares
from properties import property_test


def reference(text: str) -> tuple[float, float, int]:
    words = [w.lower() for w in _WORD_RE.findall(unicodedata.normalize("NFC", text[:200_000]))]
    longer = [w for w in words if len(w) > 1 or w in _DIACRITIC]
    words = longer if len(longer) * 2 >= len(words) else words
    if not words:
        return 0.0, 0.0, 0
    syl = sum(1 for w in words if _SYLLABLE_RE.match(w))
    dia = sum(1 for w in words if any(c in _DIACRITIC for c in w))
    return syl / len(words), dia / len(words), len(words)


@pytest.mark.parametrize("text", [
    "", "123 456", "a b c d e f g h i", "a " * 1000 + "Sở Y tế", "The committee assigns the department.",
    "Ủy ban nhân dân tỉnh giao Sở Y tế chủ trì", "İSTANBUL İzmir", "ĐÀ NẴNG đà nẵng Đà Nẵng",
    "Hoà hòa HOÀ", "x" * 300_000,
])
def test_same_shares_as_every_word_judged(text):
    assert vietnamese_shares(text) == reference(text)


@property_test(text=lambda st: st.text(max_size=200), max_examples=200)
def test_any_text(text):
    assert vietnamese_shares(text) == reference(text)


def test_the_corpora():
    files = [p for f in (DEV, EXTRA, UNLABELLED) if f.is_dir() for p in sorted(f.glob("*.md"))]
    if not files:
        pytest.skip("the shared corpora are absent (third-party, read from ../shared)")
    for p in files:
        text = p.read_text("utf-8")
        assert vietnamese_shares(text) == reference(text), p.name
