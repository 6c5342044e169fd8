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


def test_spaces_between_words_let_a_prefix_reach_the_next_word():
    pattern = r"(?<!\w)(?:trong|vào)[^\S\n]+(?:tháng|quý)\s*\d"
    assert _words(pattern) == ["trong", "vào"]  # by default the spaces end the prefix
    found = prefixes(re.compile(pattern, re.IGNORECASE), 20, spaces=True)
    assert sorted("".join(p) for p in found) == [r"trong[^\S\n]+quý\s*[\d]", r"trong[^\S\n]+tháng\s*[\d]",
                                                  r"vào[^\S\n]+quý\s*[\d]", r"vào[^\S\n]+tháng\s*[\d]"]
    optional = prefixes(re.compile(r"hằng {0,3}năm"), 12, spaces=True)
    assert ["".join(p) for p in optional] == ["hằng *năm"]  # a run that may be empty: "*"


def test_spaces_mode_keeps_a_pattern_that_begins_with_spaces_unread():
    assert prefixes(re.compile(r"\s*trước\s+ngày", re.IGNORECASE), 12, spaces=True) is None
    assert prefixes(re.compile(r"[^\S\n]*(?:19|20)\d\d", re.IGNORECASE), 12, spaces=True) is None


def test_the_spaces_prefix_regex_accepts_every_match_position_and_fewer_others():
    pattern = re.compile(r"(?<![\wÀ-ỹ])(?:trong|trước)[^\S\n]+(?:tháng|ngày)[^\S\n]+\d{1,2}", re.IGNORECASE)
    loose = re.compile("(?=" + trie_regex(prefixes(pattern)) + ")", re.IGNORECASE)
    tight = re.compile("(?=" + trie_regex(prefixes(pattern, 12, spaces=True)) + ")", re.IGNORECASE)
    text = "Trong  tháng 6 hoàn thành; trong khi chờ, trước ngày 15\ntrước\nngày 3 và trong năm tới."
    starts = {m.start() for m in tight.finditer(text)}
    assert {m.start() for m in pattern.finditer(text)} <= starts
    assert starts < {m.start() for m in loose.finditer(text)}
    assert text.index("trong khi") not in starts and text.index("trong năm") not in starts
    assert text.index("trước\nngày") not in starts  # "[^\S\n]" keeps a line break out, as the pattern does


@pytest.mark.parametrize("pattern, expected", [
    (r"(?<=\()\s*\d", ("[\\(]", False)),                      # a mark before: after it only
    (r"(?<![^\n|:])[^\S\n]*\d", ("[\\\n\\|:]", True)),         # "not a character but these": the start too
    (r"(?:^|(?<=[\n.;,]))\s*trong", ("[\\\n\\.;,]", True)),
])
def test_preceding_chars_reads_a_one_character_lookbehind(pattern, expected):
    from directive_nlp.regex_prefix import preceding_chars

    assert preceding_chars(re.compile(pattern, re.IGNORECASE)) == expected


@pytest.mark.parametrize("pattern", [
    r"(?<![\wÀ-ỹ])trong",   # negative: "not a letter before" allows almost every character
    r"(?<=[^a])b",          # negative: a negated class
    r"(?<=ab)c",            # negative: two characters
    r"trước\s+ngày",        # negative: no lookbehind
])
def test_preceding_chars_gives_nothing_for_other_beginnings(pattern):
    from directive_nlp.regex_prefix import preceding_chars

    assert preceding_chars(re.compile(pattern, re.IGNORECASE)) is None
    assert preceding_chars(re.compile(r"(?:^|(?<=;))x", re.MULTILINE)) is None  # "^" after every line break


def test_a_scan_of_the_marks_finds_every_match_position():
    from directive_nlp.regex_prefix import preceding_chars

    pattern = re.compile(r"(?:^|(?<=[\n;(]))[^\S\n]*(?:ngày\s+)?\d{1,2}/\d{4}", re.IGNORECASE)
    chars, at_start = preceding_chars(pattern)
    scan = re.compile(chars + "(?=" + pattern.pattern + ")", re.IGNORECASE)
    text = "6/2026 xong; 7/2026\n ngày 8/2026 (9/2026) và 10/2026"
    found = {m.end() for m in scan.finditer(text)} | ({0} if at_start else set())
    assert {m.start() for m in pattern.finditer(text)} == found
    assert text.index("10/2026") not in found  # after "và ", no mark: the pattern cannot start there
