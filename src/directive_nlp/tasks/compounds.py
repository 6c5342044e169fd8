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

__all__ = ["nominal_compound_only"]

_W = r"[\wÀ-ỹ]"


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
