"""Character-level helpers: masking nested text, sentences, clauses, trimming.

Everything works on offsets into one string, so a task's text is always a
verbatim slice of its sentence (docs/output-contract.md requires it) and its span can be
given in the normalised document.

Why masking: ";" and "," inside "(…)" or quotes ("phong trào "Toàn dân …,
…"") do not separate clauses. ``mask`` replaces what is inside balanced
brackets and quotes by a neutral character of the same length, so splitting
can run on the mask and cut the original at the same offsets. An unbalanced
bracket is left unmasked (bad input must not swallow the rest of the text).
"""

from __future__ import annotations

import re

_OPEN = {"(": ")", "[": "]", "“": "”", "«": "»"}
_FILL = "\x00"

_SENT_END = re.compile(r"(?<=[.!?…])(?:\s*/\.)?\s+(?=[\"“(]?[A-ZÀ-ỸĐ0-9])")
_ABBREV_BEFORE = re.compile(r"(?:\b(?:TP|Tp|v\.v|TS|ThS|PGS|GS|ông|bà|đ/c|Đ/c|St|Q|K|số|Số)|\b[A-ZĐ])\.$")


_MASK_CHARS = re.compile('["' + re.escape("".join(_OPEN) + "".join(_OPEN.values())) + "]")


def mask(text: str) -> str:
    """``text`` with the inside of balanced (), [], “”, «» and "…" replaced by NULs.

    Only quotes and brackets change the state, so the scan jumps from one to the next (a text without any
    is returned as it is)."""
    out: list[str] | None = None
    stack: list[tuple[str, int]] = []
    quote_at = -1
    for m in _MASK_CHARS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == '"':
            if quote_at < 0:
                quote_at = i
            else:
                out = _fill(out, text, quote_at + 1, i)
                quote_at = -1
        elif ch in _OPEN:
            stack.append((_OPEN[ch], i))
        elif stack and ch == stack[-1][0]:
            _, start = stack.pop()
            if not stack:
                out = _fill(out, text, start + 1, i)
    return text if out is None else "".join(out)


def _fill(out: list[str] | None, text: str, a: int, b: int) -> list[str]:
    """``out`` (the characters of ``text``, made on first use) with ``[a, b)`` masked."""
    if out is None:
        out = list(text)
    if b > a:
        out[a:b] = _FILL * (b - a)
    return out


def _capital_after(m: str, p: int) -> bool:
    """The range À-Ỹ of ``_SENT_END`` also holds lower-case letters ("đ", "ể"): a list closed by "..." or "…"
    before a lower-case word ("nguồn thải... để phân tích …", "huấn luyện… đạt tiêu chuẩn") goes on."""
    ch = m[p + 1] if p < len(m) and m[p] in "\"“(" and p + 1 < len(m) else (m[p] if p < len(m) else "")
    return ch.isupper() or ch.isdigit() or ch == _FILL


def sentences(text: str, start: int = 0, end: int | None = None, masked: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]`` (split at ". " before a capital)."""
    end = len(text) if end is None else end
    m = masked if masked is not None else mask(text)
    spans, s = [], start
    for hit in _SENT_END.finditer(m, start, end):
        cut = hit.start()
        if _ABBREV_BEFORE.search(text[max(s, cut - 6):cut]) or not _capital_after(m, hit.end()):
            continue
        if text[s:cut].strip():
            spans.append((s, cut))
        s = hit.end()
    if text[s:end].strip():
        spans.append((s, end))
    return spans


def split_at(masked: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    """Spans of ``[start, end)`` cut at every occurrence of the regex ``sep`` (on the mask)."""
    spans, s = [], start
    for hit in re.finditer(sep, masked[start:end]):
        a, b = start + hit.start(), start + hit.end()
        spans.append((s, a))
        s = b
    spans.append((s, end))
    return [(a, b) for a, b in spans if b > a]


_TRIM_LEFT = " \t,;:.-–—+*•·/"
_TRIM_RIGHT = " \t,;:-–—+*•·/"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces and separators; drop a final full stop."""
    while start < end and text[start] in _TRIM_LEFT:
        start += 1
    while end > start and text[end - 1] in _TRIM_RIGHT:
        end -= 1
    # final "." / "./." / "..." of a sentence (keep "…" inside an enumeration)
    while end > start and text[end - 1] == "." and not text[start:end].endswith("..."):
        end -= 1
        while end > start and text[end - 1] in _TRIM_RIGHT:
            end -= 1
    # a dangling opening bracket or an unmatched closing one at the edges
    if end > start and text[end - 1] == "(":
        end -= 1
        while end > start and text[end - 1] in _TRIM_RIGHT:
            end -= 1
    return start, end


# an inline list number that opens a clause: "(1)", "(12)", "(iv)", "(a)"; not a bracketed word ("(VTV)")
_ENUMERATOR = re.compile(r"\((?:\d{1,2}|[ivx]{1,4}|[a-zđ])\)[ \t]+")


def past_enumerator(text: str, p: int, e: int) -> int:
    """The position after an inline list number at ``p`` ("…; (2) Bộ Công an chủ trì …": the clause, and its
    actor, start after the number), else ``p``."""
    m = _ENUMERATOR.match(text, p, e)
    return m.end() if m else p


_NUMBERED_CLAUSE = re.compile(r";\s*(\((?:\d{1,2}|[ivx]{1,4}|[a-zđ])\))[ \t]+")


def numbered_clause_starts(text: str, s: int, e: int) -> list[int]:
    """The offsets of the numbers that open a ";" clause in ``text[s:e]`` ("…; (2) Bộ Công an chủ trì …")."""
    return [m.start(1) for m in _NUMBERED_CLAUSE.finditer(text, s, e)]


def enumerator_kind(text: str, p: int) -> str:
    """"digit", "roman" or "letter" for the list number at ``p`` ("(2)", "(ii)", "(a)"), "" when there is none."""
    m = re.match(r"\((\d{1,2}|[ivx]{1,4}|[a-zđ])\)", text[p:p + 6])
    if not m:
        return ""
    g = m.group(1)
    return "digit" if g.isdigit() else ("roman" if set(g) <= set("ivx") else "letter")


_WORD = re.compile(r"[\wÀ-ỹ]+(?:[-/][\wÀ-ỹ]+)*")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def syllables(text: str) -> int:
    return len(words(text))
