"""regex_prefix: the literal prefixes every match of a pattern starts with (the deadline prefilter)."""

import re

import pytest

from directive_nlp.regex_prefix import prefixes, trie_regex


def _words(pattern: str, flags: int = re.IGNORECASE, limit: int = 6):
    found = prefixes(re.compile(pattern, flags), limit)
    return None if found is None else sorted("".join(p) for p in found)


def test_alternatives_and_optional_words_give_each_beginning():
    assert _words(r"(?<!\w)(?:hằng|mỗi)\s+(?:tháng|năm)") == ["hằng", "mỗi"]
    assert _words(r"(?:định\s+kỳ\s+)?hằng\s+năm") == ["hằng", "định"]  # an optional word: both beginnings
    assert _words(r"trong\s+năm", limit=3) == ["tro"]  # cut at the limit
    assert _words(r"quý\s+[1-4]") == ["quý"]
    assert _words(r"\d{1,2}/\d{4}") == [r"[\d]"]  # a small class is one atom


@pytest.mark.parametrize("pattern", [
    r"\s*trước\s+ngày",     # may begin with a space: anything
    r"[^,;]+ngày",           # a negated class
    r".+năm",                # any character
    r"(?:năm)?",             # may match the empty string
])
def test_a_pattern_that_may_begin_with_anything_gives_no_prefix(pattern):
    assert _words(pattern) is None


def test_the_prefix_regex_accepts_every_match_position():
    pattern = re.compile(r"(?<![\wÀ-ỹ])(?:(?:định\s+kỳ\s+)?(?:hằng|mỗi)\s+(?:tháng|quý)|trước\s+ngày\s+\d{1,2})",
                         re.IGNORECASE)
    pre = re.compile("(?=" + trie_regex(prefixes(pattern)) + ")", re.IGNORECASE)
    text = "Báo cáo Định kỳ hằng quý, MỖI THÁNG và trước ngày 15; không trước hạn, không hằng ngày."
    starts = {m.start() for m in pre.finditer(text)}
    assert {m.start() for m in pattern.finditer(text)} <= starts
    assert text.index("trước hạn") in starts  # negative for the pattern, kept by the looser prefilter
    assert text.index("Báo") not in starts and text.index("không") not in starts


def test_trie_regex_writes_shared_beginnings_once():
    src = trie_regex([tuple("trong"), tuple("trước"), tuple("từ")])
    assert src == "t(?:r(?:ong|ước)|ừ)"
    assert [bool(re.fullmatch(src, w)) for w in ("trong", "trước", "từ", "tr", "tháng")] == [True, True, True, False, False]
