"""Is this text Vietnamese? A cheap, explainable test on syllables.

A file in another language must fail with a clear message instead of giving
an empty result. Vietnamese is written in syllables that follow a strict
shape (onset + vowel nucleus + coda) and most carry diacritics; English,
French or a mis-decoded file do not. The figures are stated so users can
judge a refusal (``--force`` overrides it):

* at least :data:`MIN_SYLLABLE_SHARE` of the words are well-formed Vietnamese
  syllables, and
* at least :data:`MIN_DIACRITIC_SHARE` of them carry a Vietnamese diacritic.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

MIN_SYLLABLE_SHARE = 0.60
MIN_DIACRITIC_SHARE = 0.15
MIN_WORDS = 8

_V = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ"
_SYLLABLE_RE = re.compile(
    rf"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[{_V}]{{1,3}}(?:ng|nh|ch|[cmnpt])?$"
)
_DIACRITIC = set("àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")
_WORD_RE = re.compile(r"[^\W\d_]+")


def vietnamese_shares(text: str) -> tuple[float, float, int]:
    """(share of words that are Vietnamese syllables, share with diacritics, words).

    Each distinct word is judged once (a document repeats a few thousand words)."""
    counts: Counter[str] = Counter()
    for w, n in Counter(_WORD_RE.findall(unicodedata.normalize("NFC", text[:200_000]))).items():
        counts[w.lower()] += n
    total = sum(counts.values())
    longer = {w: n for w, n in counts.items() if len(w) > 1 or w in _DIACRITIC}
    # one-letter tokens (list markers "a)", "b)") are left out of the shares,
    # unless they are most of the text: 100,000 "a" is not a Vietnamese document
    n_longer = sum(longer.values())
    words, n_words = (longer, n_longer) if n_longer * 2 >= total else (counts, total)
    if not n_words:
        return 0.0, 0.0, 0
    syl = sum(n for w, n in words.items() if _SYLLABLE_RE.match(w))
    dia = sum(n for w, n in words.items() if not _DIACRITIC.isdisjoint(w))
    return syl / n_words, dia / n_words, n_words


def is_syllable(word: str) -> bool:
    """One well-formed Vietnamese syllable ("triển" yes, "tếxã" no); used to
    tell a word hyphenated at a line end from a hyphenated compound."""
    return bool(_SYLLABLE_RE.match(unicodedata.normalize("NFC", word).lower()))


def looks_vietnamese(text: str) -> bool:
    syl, dia, n = vietnamese_shares(text)
    if n < MIN_WORDS:
        return True  # too short to judge: do not refuse
    return syl >= MIN_SYLLABLE_SHARE and dia >= MIN_DIACRITIC_SHARE
