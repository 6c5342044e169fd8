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
    """(share of words that are Vietnamese syllables, share with diacritics, words)."""
    words = [w.lower() for w in _WORD_RE.findall(unicodedata.normalize("NFC", text[:200_000]))]
    longer = [w for w in words if len(w) > 1 or w in _DIACRITIC]
    # one-letter tokens (list markers "a)", "b)") are left out of the shares,
    # unless they are most of the text: 100,000 "a" is not a Vietnamese document
    words = longer if len(longer) * 2 >= len(words) else words
    if not words:
        return 0.0, 0.0, 0
    syl = sum(1 for w in words if _SYLLABLE_RE.match(w))
    dia = sum(1 for w in words if any(c in _DIACRITIC for c in w))
    return syl / len(words), dia / len(words), len(words)


def is_syllable(word: str) -> bool:
    """One well-formed Vietnamese syllable ("triển" yes, "tếxã" no); used to
    tell a word hyphenated at a line end from a hyphenated compound."""
    return bool(_SYLLABLE_RE.match(unicodedata.normalize("NFC", word).lower()))


def looks_vietnamese(text: str) -> bool:
    syl, dia, n = vietnamese_shares(text)
    if n < MIN_WORDS:
        return True  # too short to judge: do not refuse
    return syl >= MIN_SYLLABLE_SHARE and dia >= MIN_DIACRITIC_SHARE
