"""Bodies the rules left out: every body named in the task's sentence that is not one of its agencies.

The rules choose a task's actors by a fixed order of preferences (subject,
label, heading, table column); a body named elsewhere in the sentence
("giao Sở Y tế …", "đề nghị Công an tỉnh …") may still be an actor. These
are the candidates of the learned ``add`` decision; each carries the same
features as the rules' own bodies plus ``cand=sentence``.
"""

from __future__ import annotations

from functools import lru_cache

from ..evaluation import same_agency
from ..models import AgencyRef, Task

__all__ = ["extra_candidates"]


@lru_cache(maxsize=4096)
def _mentions(sentence: str) -> tuple[tuple[str, str, str], ...]:
    from ..agencies import find_agencies

    return tuple((m.name, m.canonical, m.type or "") for m in find_agencies(sentence))


def extra_candidates(task: Task) -> list[AgencyRef]:
    """Bodies of ``task.sentence`` that are not (score.py's match) among ``task.agencies``, in text order."""
    out: list[AgencyRef] = []
    for name, canonical, kind in _mentions(task.sentence or ""):
        if any(same_agency(name, a.name) for a in list(task.agencies) + out):
            continue
        out.append(AgencyRef(name=name, canonical=canonical, role="lead", type=kind or None))
    return out
