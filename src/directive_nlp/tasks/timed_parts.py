"""Coordinated activities, each with its own time, are tasks of their own.

ANNOTATION-DECISIONS ("coordinated parts with different deadlines are separate tasks"): in
"Triển khai Tháng hành động (từ ngày 15/11 đến ngày 15/12) và hưởng ứng “Ngày Quốc tế …” (ngày
25/11)" the first activity closes with its time and the second carries a time of its own, so the
"và" (or ",") between them ends one task and starts the next, whatever verb opens the second: the
verb lexicon need not know "hưởng ứng". A time shared by the whole clause ("Tổ chức tuyên truyền và
hưởng ứng … trong tháng 11/2025"), a run of times ("trong tháng 6 và tháng 12"), or a left side that
is only a time ("Trong năm 2025, …") does not cut. The separators are ``conjunctions`` of
``task_lexicon.yaml`` and the comma.
"""

from __future__ import annotations

import re

from ..deadlines import find_deadlines
from .lexicon import word_alt
from .mentions import Dl
from .text import words

__all__ = ["own_time_cuts"]

_SEPARATOR = re.compile(rf"\s*(?:,\s*(?:(?:{word_alt('conjunctions')})\s+)?|(?:{word_alt('conjunctions')})\s+)",
                        re.IGNORECASE)
_CLOSERS = " \t)]"
_MIN_WORDS = 2  # words of an activity outside its time, on each side


def _content_words(text: str, a: int, b: int, deadlines: list[Dl]) -> int:
    """Words of ``text[a:b]`` outside every deadline phrase."""
    body = text[a:b]
    for d in deadlines:
        if a <= d.start and d.end <= b:
            body = body.replace(text[d.start:d.end], " ")
    return len(words(body.replace("(", " ").replace(")", " ")))


def own_time_cuts(text: str, masked: str, cs: int, ce: int) -> list[tuple[int, int]]:
    """Spans ``(a, b)`` of the separators in ``[cs, ce)`` between two activities that each carry a time of
    their own: the time closes the left side and another time lies in the right side, before the next cut.
    The times are read again here, bracketed ones too (the clause's own list leaves brackets out)."""
    deadlines = list(find_deadlines(text))
    inside = sorted((d for d in deadlines if cs <= d.start and d.end <= ce), key=lambda d: d.start)
    cuts: list[tuple[int, int]] = []
    left_start = cs
    for k, d in enumerate(inside[:-1]):
        p = d.end
        while p < ce and text[p] in _CLOSERS:
            p += 1
        m = _SEPARATOR.match(masked, p, ce)
        if not m or m.end() <= p or masked[p:m.end()].strip() == "":
            continue
        nxt = inside[k + 1]
        if nxt.start <= m.end():
            continue  # "trong tháng 6 và tháng 12": a run of times
        if _content_words(text, left_start, d.start, deadlines) < _MIN_WORDS:
            continue  # "Trong năm 2025, …": the time opens the clause
        if _content_words(text, m.end(), nxt.start, deadlines) < _MIN_WORDS:
            continue
        cuts.append((p, m.end()))
        left_start = m.end()
    return cuts
