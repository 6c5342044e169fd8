"""The Markdown emphasis stripper (``ingest.text._strip_inline``) copies the text between markers
in pieces; it must give what the former character loop gave (kept here as the reference): the same
text, the same offsets into the file, the same all-bold flag."""

from __future__ import annotations

import pytest

from directive_nlp.ingest.text import _strip_inline
from corpus_paths import DEV, EXTRA, TESTDATA, UNLABELLED
from properties import property_test


def reference(line: str, base: int) -> tuple[str, list[int], bool]:
    """The former loop over every character."""
    out: list[str] = []
    omap: list[int] = []
    i, n = 0, len(line)
    bold_chars = plain_chars = 0
    in_bold = False
    while i < n:
        if line.startswith("**", i) or line.startswith("__", i):
            in_bold = not in_bold
            i += 2
            continue
        ch = line[i]
        if ch == "*" and not (i == 0 and line[1:2] == " "):
            i += 1
            continue
        if ch == "\\" and i + 1 < n and line[i + 1] in "*_|#-+.()[]`\\":
            i += 1
            ch = line[i]
        out.append(ch)
        omap.append(base + i)
        if not ch.isspace():
            if in_bold:
                bold_chars += 1
            else:
                plain_chars += 1
        i += 1
    return "".join(out), omap, bold_chars > 0 and plain_chars == 0


CASES = [
    "", " ", "plain text", "**Điều 1.** Ban hành", "**I. MỤC TIÊU**", "* gạch đầu dòng", "** bold",
    "*nghiêng* và **đậm**", "__đậm__ thường", "___", "x___y", "\\*không nghiêng\\*", "a\\b", "cuối\\",
    "\\\\**x**", "****", "**1.**** **Trên cơ sở", "*", "**", "* ", "snake_case_name", "**  **", "*  *x",
    "\\[1\\] \\(a\\) \\|", "**đậm** ", " **đậm**", "**a**b**c**", "\t**x**\t",
]


@pytest.mark.parametrize("line", CASES)
def test_same_as_the_character_loop(line):
    for base in (0, 17):
        assert _strip_inline(line, base) == reference(line, base)


def test_a_line_without_markers_is_itself():
    text, omap, bold = _strip_inline("Sở Y tế chủ trì", 5)
    assert (text, omap[0], omap[-1], bold) == ("Sở Y tế chủ trì", 5, 19, False)


def test_bold_only_when_every_character_is_bold():
    assert _strip_inline("**I. MỤC TIÊU**", 0)[2] is True
    assert _strip_inline("**I.** MỤC TIÊU", 0)[2] is False
    assert _strip_inline("* gạch", 0)[0] == "* gạch"  # a bullet star stays


@property_test(line=lambda st: st.text(alphabet="*_\\ ab|#-.đ\t", max_size=30), max_examples=300)
def test_any_marker_soup(line):
    assert _strip_inline(line, 3) == reference(line, 3)


def test_every_line_of_the_corpora():
    folders = [f for f in (DEV, EXTRA, UNLABELLED, TESTDATA) if f.is_dir()]
    lines = [l for f in folders for p in sorted(f.rglob("*.md")) for l in p.read_text("utf-8").splitlines()]
    assert lines
    for line in lines:
        assert _strip_inline(line, 0) == reference(line, 0)
