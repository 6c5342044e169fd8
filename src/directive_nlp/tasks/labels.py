"""Label lines and labelled blocks: which bodies and time a block's labels give to which tasks.

A plan often lays an assignment out as labelled lines around its tasks::

    1.2. Triển khai, phát triển dữ liệu:            <- the block's heading
    a) Nhiệm vụ:                                    <- a content label (its items are the tasks)
    - Rà soát, chuẩn hóa …
    b) Cơ quan thực hiện:                           <- a label holding labels
    - Đơn vị chủ trì: Sở X.                         <- lead label
    - Đơn vị phối hợp: Sở Y, UBND cấp xã.           <- support label
    c) Thời gian thực hiện: Hoàn thành trong năm 2025.

Three small mechanisms, each a function of text (so a spaCy component can
wrap them unchanged):

* :func:`read_label` reads one label line in any of its written forms (the
  phrase grammar comes from ``layout.yaml``: head noun, role words, fillers);
* :func:`label_bodies` reads the bodies of a label's value (never the label);
* :func:`cover` decides which tasks each run of labels covers: labels written
  after their tasks close the tasks since the previous run; labels written
  before any task of the block open the tasks that follow;
* :func:`apply_run` merges a run into one task (annotation rule A1, docs/tasks.md: the block's
  bodies apply to every task of the block; a task that names its own subject
  keeps it beside the block's leads, unless the subject is one of the block's
  partners acting on its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .frames import frames
from ..models import Deadline
from .layout_vocab import layout_vocab
from .memo import per_document
from .mentions import Ag, canonical, find_agencies, ag
from .roles import AGENCY_HEAD, fallback_subject
from .text import trim, words

__all__ = ["LabelLine", "LabelRun", "read_label", "label_kind", "label_segments", "label_bodies", "assign_bodies",
           "cover", "apply_run"]


@dataclass(frozen=True)
class LabelLine:
    """A label at the start of a text: its kind, its phrase and where its value begins."""
    kind: str  # "lead" | "support" | "assign" (both) | "time" | "content" | "ignore"
    label: str
    value_start: int


@dataclass
class LabelRun:
    """Consecutive label lines of one block (no task between them)."""
    leads: list[Ag] = field(default_factory=list)
    supports: list[Ag] = field(default_factory=list)
    deadline: Optional[Deadline] = None

    def __bool__(self) -> bool:
        return bool(self.leads or self.supports or self.deadline)


def label_kind(phrase: str) -> Optional[str]:
    """The kind of a label phrase ("Đơn vị chủ trì tham mưu thực hiện" → "lead"), or None."""
    v = layout_vocab()
    p = " ".join(phrase.lower().split())
    if v.time_label.match(p):
        return "time"
    if v.content_label.match(p):
        return "content"
    if v.ignore_label.match(p):
        return "ignore"
    if v.support_word.search(p):
        # "Đơn vị chủ trì / Đơn vị phối hợp: Sở A / Sở B" names both roles in one line
        return "assign" if frames().lead_word.search(p) else "support"
    if v.lead_word.search(p) or v.head_only.match(p):
        return "lead"
    return None


@per_document
def read_label(text: str, start: int = 0) -> Optional[LabelLine]:
    """The label line at ``text[start:]`` ("Đơn vị phối hợp thực hiện: …"), or None."""
    v = layout_vocab()
    m = v.label.match(text, start)
    if not m:
        return None
    phrase = m.group("lab")
    if len(words(phrase)) > v.data["label_max_words"]:
        return None
    kind = label_kind(phrase)
    if kind is None:
        return None
    return LabelLine(kind, phrase, m.end())


def label_segments(text: str, start: int = 0) -> list[tuple[LabelLine, int, int]]:
    """Every label of a line with its value's bounds: "Cơ quan chủ trì: Sở A; cơ quan phối hợp: Sở B; thời gian
    thực hiện: năm 2026." gives three segments. [] when the line does not start with a label."""
    first = read_label(text[start:])
    if first is None:
        return []
    found = [(first, start)]
    pos = start + first.value_start
    for m in re.finditer(r"[;.]\s+|\s+/\s+", text[pos:]):
        at = pos + m.end()
        lab = read_label(text[at:])
        if lab is not None and lab.kind != "content":
            found.append((lab, at))
    out = []
    for i, (lab, at) in enumerate(found):
        end = found[i + 1][1] if i + 1 < len(found) else len(text)
        out.append((LabelLine(lab.kind, lab.label, at + lab.value_start), at + lab.value_start, end))
    return out


def assign_bodies(value: str) -> tuple[list[Ag], list[Ag]]:
    """(leads, supports) of a label naming both roles: "Sở A / Sở B, Sở C", or "Sở A chủ trì, phối hợp với Sở B"."""
    if "/" in value:
        lead, sup = value.split("/", 1)
        return label_bodies(lead), label_bodies(sup)
    from .inline import parse_assignment  # inline reads labels too
    asg = parse_assignment(value)
    if asg is not None and asg.leads:
        return list(asg.leads), list(asg.supports)
    return label_bodies(value), []


def label_bodies(value: str) -> list[Ag]:
    """The bodies named in a label's value: the recogniser's names, else the value split at , ; và."""
    value = value.strip().rstrip(".;")
    if not value:
        return []
    ms = [m for m in find_agencies(value) if read_label(m.name) is None]
    if ms:
        return ms
    out: list[Ag] = []
    for part in re.split(r"\s*;\s*", value):
        s, e = trim(part, 0, len(part))
        for a, b in fallback_subject(part, s, e):
            a, b = trim(part, a, b)
            # a name the recogniser does not know: a head noun of bodies or a capital ("Đơn vị: triệu đồng" is not)
            if b > a and len(words(part[a:b])) <= 12 and (AGENCY_HEAD.match(part[a:b]) or part[a].isupper()):
                out.append(ag(a, b, part[a:b], canonical(part[a:b]), None))
    return out


def cover(events: list[tuple[str, object]]) -> list[tuple[LabelRun, list[int]]]:
    """Which task events each label run covers.

    ``events`` is the block's reading order: ("task", x), ("fixed", x) — a
    clause of a label line, which keeps its own bodies and does not split a
    run of labels — or ("label", LabelRun). When the block's first task or
    label is a label, its labels open the tasks after them (a run that opens
    nothing completes the run before it); otherwise each run closes the tasks
    since the previous run.
    """
    firsts = [k for k, _ in events if k != "fixed"]
    opening = bool(firsts) and firsts[0] == "label"
    runs: list[tuple[LabelRun, list[int]]] = []
    current: Optional[LabelRun] = None
    waiting: list[int] = []
    prev_label = False
    for i, (kind, val) in enumerate(events):
        if kind == "label":
            if prev_label and current is not None:
                _merge(current, val)  # same run
            else:
                current = LabelRun(list(val.leads), list(val.supports), val.deadline)
                runs.append((current, [] if opening else waiting))
                waiting = []
            prev_label = True
            continue
        if kind == "task":
            prev_label = False
        if opening and runs:
            runs[-1][1].append(i)
        else:
            waiting.append(i)
    if opening and len(runs) > 1 and not runs[-1][1]:
        last, _ = runs.pop()  # labels written after the tasks of an opening block complete it
        _fill(runs[-1][0], last)
    return runs


def _fill(run: LabelRun, more: LabelRun) -> None:
    run.leads = run.leads or list(more.leads)
    run.supports = run.supports or list(more.supports)
    run.deadline = run.deadline or more.deadline


def _merge(run: LabelRun, more: LabelRun) -> None:
    run.leads += [a for a in more.leads if all(a.name != b.name for b in run.leads)]
    run.supports += [a for a in more.supports if all(a.name != b.name for b in run.supports)]
    run.deadline = more.deadline or run.deadline


def _same(a: Ag, b: Ag) -> bool:
    return a.name.lower() == b.name.lower() or bool(a.canonical and a.canonical == b.canonical)


def apply_run(leads: list[Ag], supports: list[Ag], own_subject: bool, run: LabelRun) -> tuple[list[Ag], list[Ag]]:
    """The (leads, supports) of a task after its block's labels.

    A task without its own subject takes the block's leads. A task naming its
    own subject keeps it and adds the block's leads, unless that subject is
    one of the block's partners (then the sentence says what the partner does).
    """
    if own_subject and leads:
        if any(_same(a, s) for a in leads for s in run.supports):
            return leads, supports
        new_leads = leads + [a for a in run.leads if not any(_same(a, b) for b in leads)]
    else:
        new_leads = list(run.leads) or leads
    new_sup = [s for s in run.supports + supports if not any(_same(s, b) for b in new_leads)]
    out_sup: list[Ag] = []
    for s in new_sup:
        if not any(_same(s, b) for b in out_sup):
            out_sup.append(s)
    return new_leads, out_sup
