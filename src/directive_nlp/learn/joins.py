"""The learned ``join`` decision: are two neighbouring tasks of one sentence halves of one task?

The rules cut a sentence into tasks at commas, semicolons and "và" when a new
verb group starts there. How finely a list is cut is the commonest task miss
on every document read (docs/tasks.md, "Segmentation"): "Tổ chức truyền
thông | tuyên truyền sâu rộng …" is one task, "Rà soát hồ sơ …, tổ chức cắm
mốc …" two. A cut the rules made is a **candidate**: two tasks next to each
other in the same sentence and section, the second written right after the
first with only a comma, a semicolon or a conjunction between them.

Labels come from the gold (score.py's normalisation): each half is placed in
the gold task that holds most of its words; the pair is positive when both
halves lie in the same gold task, negative when they lie in two different
ones, and not used when either half lies in none.

Joining keeps the first task's id, rule and provenance; its text runs over
both halves in the sentence, its bodies, deadline, report_to and themes are
the first task's, completed by the second's.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ..evaluation import norm
from ..models import Task
from .features import TaskContext, _bin, _match, _words

__all__ = ["join_gap", "join_candidates", "join_features", "join_labels", "apply_joins", "COVER"]

#: share of a half's words that must lie in one gold task to place it there
COVER = 0.7
_GAP = re.compile(r"^\s*([,;])?\s*(và|hoặc|cũng như)?\s*$", re.IGNORECASE)
_DETERMINERS = ("các", "những", "mọi", "cả", "toàn bộ", "tất cả")


def join_gap(first: Task, second: Task) -> Optional[str]:
    """The separator between two tasks written side by side in one sentence (",", ";", "và", ", và" …), or None."""
    if first.sentence != second.sentence or first.section != second.section or not first.task or not second.task:
        return None
    sent = first.sentence or ""
    a = sent.find(first.task)
    if a < 0:
        return None
    b = sent.find(second.task, a + len(first.task))
    if b < 0:
        return None
    m = _GAP.match(sent[a + len(first.task):b])
    if m is None:
        return None
    kind = " ".join(p.lower() for p in m.groups() if p)
    return kind or "space"


def join_candidates(tasks: list[Task]) -> list[tuple[int, str]]:
    """(index of the first task, separator) of every pair of neighbouring tasks that could be one task."""
    out = []
    for i in range(len(tasks) - 1):
        gap = join_gap(tasks[i], tasks[i + 1])
        if gap is not None:
            out.append((i, gap))
    return out


def _side(task: Task, prefix: str, f: dict[str, float]) -> None:
    words = _words(task.task)
    f[prefix + "len=" + _bin(len(words), (2, 3, 4, 5, 6, 8, 12, 20))] = 1.0
    if words:
        f[prefix + "w1=" + words[0]] = 1.0
        f[prefix + "w12=" + " ".join(words[:2])] = 1.0
        f[prefix + "last=" + words[-1]] = 1.0
        f[prefix + "last2=" + " ".join(words[-2:])] = 1.0
    f[prefix + "verb_start"] = float(_match("verb_start", task.task))
    f[prefix + "report_word"] = float(_match("report", task.task))
    low = " " + " ".join(words) + " "
    f[prefix + "determiner"] = float(any(f" {d} " in low for d in _DETERMINERS))
    f[prefix + "has_agencies"] = float(bool(task.agencies))
    f[prefix + "has_deadline"] = float(task.deadline is not None)


def join_features(first: Task, second: Task, gap: str, ctx: TaskContext) -> dict[str, float]:
    """Features of "are these two neighbouring tasks halves of one task?"."""
    f: dict[str, float] = {"bias": 1.0, "gap=" + gap: 1.0, "rule=" + (first.rule or "none"): 1.0}
    f["same_rule"] = float(first.rule == second.rule)
    _side(first, "a_", f)
    _side(second, "b_", f)
    names_a = {norm(a.name) for a in first.agencies}
    names_b = {norm(a.name) for a in second.agencies}
    f["same_agencies"] = float(names_a == names_b)
    f["b_new_agencies"] = float(bool(names_b - names_a))
    f["deadlines_differ"] = float(first.deadline is not None and second.deadline is not None
                                  and first.deadline.text != second.deadline.text)
    f["per_sentence=" + _bin(ctx.per_sentence.get(first.sentence, 1), (2, 3, 5, 8))] = 1.0
    return f


def _cover(part: Counter, whole: Counter) -> float:
    return sum((part & whole).values()) / max(1, sum(part.values()))


def _place(text: str, gold: list[Counter]) -> Optional[int]:
    """The gold task holding most of ``text``'s words (at least :data:`COVER` of them), or None."""
    words = Counter(norm(text).split())
    if not words:
        return None
    best, where = 0.0, None
    for k, g in enumerate(gold):
        c = _cover(words, g)
        if c > best:
            best, where = c, k
    return where if best >= COVER else None


def join_labels(tasks: list[Task], gold: list[dict]) -> list[tuple[int, str, int]]:
    """(index, separator, label) of every candidate whose two halves are placed in the gold (see the module)."""
    bags = [Counter(norm(g.get("task") or "").split()) for g in gold]
    out = []
    for i, gap in join_candidates(tasks):
        a, b = _place(tasks[i].task, bags), _place(tasks[i + 1].task, bags)
        if a is not None and b is not None:
            out.append((i, gap, int(a == b)))
    return out


def _joined(first: Task, second: Task) -> Task:
    sent = first.sentence or ""
    a = sent.find(first.task)
    b = sent.find(second.task, a + len(first.task))
    out = first.model_copy(deep=True)
    out.task = sent[a:b + len(second.task)]
    seen = {norm(x.name) for x in out.agencies}
    out.agencies += [x.model_copy() for x in second.agencies if norm(x.name) not in seen]
    out.deadline = out.deadline or second.deadline
    out.report_to += [r for r in second.report_to if r not in out.report_to]
    out.themes += [t for t in second.themes if t not in out.themes]
    if first.span and second.span:
        out.span = (first.span[0], second.span[1])
    return out


def apply_joins(tasks: list[Task], decision, ctx: TaskContext) -> list[Task]:
    """Join every candidate pair the decision says is one task (a run of joins makes one task)."""
    if len(tasks) < 2:
        return tasks
    joins = {i for i, gap in join_candidates(tasks)
             if decision.prob(join_features(tasks[i], tasks[i + 1], gap, ctx)) >= decision.threshold}
    if not joins:
        return tasks
    out = [tasks[0]]
    for i in range(1, len(tasks)):
        out[-1:] = [_joined(out[-1], tasks[i])] if (i - 1) in joins else [out[-1], tasks[i]]
    return out
