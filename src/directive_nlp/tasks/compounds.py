"""Verb-shaped nouns inside a list of objects.

"phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số": the
names of policy fields ("đổi mới sáng tạo", "chuyển đổi số", "chuyển đổi
xanh") begin with a verb, yet in a comma list of objects they are nouns and
open no task of their own. A comma or "và" segment that is only such a name,
or the name and a qualifier or preposition ("chuyển đổi số quốc gia",
"chuyển đổi số đến người dân"), continues the list. Used with its object
("Chuyển đổi số quy trình nghiệp vụ …") the same words are a predicate.
The words are data: ``nominal_compounds`` and ``nominal_compound_followers``
in ``resources/vi/task_lexicon.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import load_lexicon_data

__all__ = ["nominal_compound_only", "mask_joined_fields", "ends_with_field"]

_W = r"(?-i:[\wÀ-ỹ])"  # a word character; (?-i:) spares IGNORECASE patterns the range's case closure at compile time (same characters: tests/test_vocab.py)


def _alt(words) -> str:
    items = sorted({" ".join(str(w).split()) for w in words if str(w).strip()}, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in items) + ")" if items else "(?!)"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    d = load_lexicon_data()
    names = _alt(d.get("nominal_compounds") or [])
    follow = _alt(d.get("nominal_compound_followers") or [])
    return re.compile(rf"^\s*{names}(?!{_W})(?:\s+{follow}(?!{_W}).*)?[\s.;:…]*$", re.IGNORECASE | re.DOTALL)


def nominal_compound_only(segment: str) -> bool:
    """Is ``segment`` a field name in a list ("đổi mới sáng tạo", "chuyển đổi số đến người dân"), not a predicate?"""
    return bool(_pattern().match(segment))


@lru_cache(maxsize=1)
def _joined() -> re.Pattern:
    """Field names that hold "và" or a comma ("giáo dục và đào tạo", "văn hóa, thể thao và du lịch")."""
    names = [w for w in load_lexicon_data().get("nominal_compounds") or [] if " và " in str(w) or "," in str(w)]
    return re.compile(rf"(?<!{_W}){_alt(names)}(?!{_W})", re.IGNORECASE)


def mask_joined_fields(text: str, masked: str, start: int, end: int) -> str:
    """``masked`` with the "và" and commas inside a field name of ``text[start:end]`` blanked, so a task is not cut
    inside "giáo dục và đào tạo" (as it is not cut inside a body's name)."""
    hits = list(_joined().finditer(text, start, end))
    if not hits:
        return masked
    chars = list(masked)
    for m in hits:
        for k in range(m.start() + 1, m.end()):
            chars[k] = "\x00" if chars[k] != " " else " "
    return "".join(chars)


@lru_cache(maxsize=1)
def _field_end() -> re.Pattern:
    return re.compile(rf"(?<!{_W}){_alt(load_lexicon_data().get('nominal_compounds') or [])}[\s.;:]*$", re.IGNORECASE)


def ends_with_field(segment: str) -> bool:
    """Does ``segment`` end in a field name ("… đầu tư cho giáo dục và đào tạo")? Its last word is then a noun, not a
    verb waiting for the object after the comma."""
    return bool(_field_end().search(segment))
