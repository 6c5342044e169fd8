"""Features of the rules' candidates: one dict per task, one per (task, agency) pair.

The learned layer sits *after* the rule mechanisms and reads only what they
produce (the :class:`~directive_nlp.models.ExtractionResult`): the task's
provenance (``rule``), its section and the section's heading, its text and
sentence, its agencies and deadline, its place in the document. So the
mechanisms can change underneath (the lead retrains after merging them) and
the same features still describe their candidates.

Every feature is a string key with a float value (one-hot strings carry 1.0)
so that a linear model stored as plain JSON can score it without
scikit-learn at extraction time.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models import AgencyRef, ExtractionResult, Task
from ..normalize import match_key

__all__ = ["TaskContext", "task_features", "agency_features", "candidate_features", "context_of"]

_W = r"[\wÀ-ỹ]"
_ROMAN = re.compile(r"^[IVXLC]+$")
_DIGIT = re.compile(r"\d")
_MARKER = re.compile(r"^\s*(?:[IVXLC]+|\d+|[a-zđ])[.)\-]\s")
_SUPPORT_FALLBACK = re.compile(r"phối hợp|giúp|tham gia|cùng", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lex():
    """The task lexicon of the rules (verbs, role cues), or None when it cannot load."""
    try:
        from ..tasks.lexicon import lexicon

        return lexicon()
    except Exception:  # the features must not fail with a lexicon being rewritten
        return None


def _match(name: str, text: str) -> bool:
    pat = getattr(_lex(), name, None)
    return bool(pat is not None and pat.search(text))


def _bin(n: float, edges: tuple[float, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e:g}"
    return f">{edges[-1]:g}"


_WORDS = re.compile(rf"{_W}+")


def _words(text: str) -> list[str]:
    return _WORDS.findall((text or "").lower())


class TaskContext:
    """What the features need beyond the task: sections by id, tasks per sentence, document size."""

    def __init__(self, result: ExtractionResult):
        self.sections = {s.id: s for s in result.sections}
        self.n_tasks = max(1, len(result.tasks))
        self.per_sentence: dict[str, int] = {}
        for t in result.tasks:
            self.per_sentence[t.sentence] = self.per_sentence.get(t.sentence, 0) + 1
        self._headings: dict[str, list[str]] = {}

    def headings(self, section_id: str) -> list[str]:
        """Match keys of the headings of ``section_id`` and its ancestors (innermost first)."""
        if section_id not in self._headings:
            out, sid, seen = [], section_id, set()
            while sid and sid in self.sections and sid not in seen:
                seen.add(sid)
                s = self.sections[sid]
                if s.heading:
                    out.append(match_key(s.heading))
                sid = s.parent
            self._headings[section_id] = out
        return self._headings[section_id]


def context_of(result: ExtractionResult) -> TaskContext:
    return TaskContext(result)


def _section_kind(section_id: str) -> str:
    head = (section_id or "").split(".")[0]
    if head in ("preamble", "closing"):
        return head
    if head.startswith("PL"):
        return "appendix-row" if ".row" in section_id or section_id.startswith("PL.row") else "appendix"
    if head.startswith("Điều"):
        return "article"
    if _ROMAN.match(head):
        return "roman"
    return "arabic" if head[:1].isdigit() else "other"


def _shape(text: str, prefix: str, f: dict[str, float]) -> None:
    """Heading-likeness and target-likeness of a text."""
    words = text.split()
    letters = list(filter(str.isalpha, text))  # C loops: no Python call per character
    upper = sum(map(str.isupper, letters)) / max(1, len(letters))
    f[prefix + "upper_share"] = round(upper, 3)
    f[prefix + "all_caps"] = float(upper > 0.8 and len(letters) > 5)
    f[prefix + "ends_period"] = float(text.rstrip().endswith((".", ";", "./.")))
    f[prefix + "ends_colon"] = float(text.rstrip().endswith(":"))
    f[prefix + "has_digit"] = float(bool(_DIGIT.search(text)))
    f[prefix + "has_percent"] = float("%" in text)
    f[prefix + "marker"] = float(bool(_MARKER.match(text)))
    f[prefix + "len=" + _bin(len(words), (3, 6, 10, 20, 40, 80))] = 1.0


def task_features(task: Task, index: int, ctx: TaskContext) -> dict[str, float]:
    """Features of "is this extracted candidate a task?" (see the model card)."""
    text, sent = task.task or "", task.sentence or ""
    rule = task.rule or "none"
    f: dict[str, float] = {"bias": 1.0, "rule=" + rule: 1.0, "rule_head=" + rule.split(":")[0]: 1.0}
    depth = len((task.section or "").split("."))
    f["sec_depth=" + _bin(depth, (1, 2, 3))] = 1.0
    f["sec_kind=" + _section_kind(task.section)] = 1.0
    _shape(text, "t_", f)
    f["task_is_sentence"] = float(match_key(text) == match_key(sent.rstrip(" .;")))
    f["task_share=" + _bin(len(text) / max(1, len(sent)), (0.3, 0.6, 0.9))] = 1.0
    words = _words(text)
    if words:
        f["w1=" + words[0]] = 1.0
        f["w12=" + " ".join(words[:2])] = 1.0
    f["verb_start"] = float(_match("verb_start", text))
    f["weak_verb_start"] = float(_match("weak_verb_start", text))
    f["report_word"] = float(_match("report", text))
    n_ag = len(task.agencies)
    f["n_agencies=" + _bin(n_ag, (0, 1, 2, 4))] = 1.0
    f["has_deadline"] = float(task.deadline is not None)
    if task.deadline is not None:
        f["deadline_kind=" + task.deadline.kind] = 1.0
    f["has_report_to"] = float(bool(task.report_to))
    f["position"] = round(index / ctx.n_tasks, 3)
    f["per_sentence=" + _bin(ctx.per_sentence.get(sent, 1), (1, 2, 4))] = 1.0
    heads = ctx.headings(task.section)
    f["is_section_heading"] = float(bool(heads) and match_key(text.rstrip(" .:;")) == heads[0].rstrip(" .:;"))
    return f


def _place(name: str, task: Task) -> tuple[str, str, str]:
    """Where the body is written relative to the task (in the task text, before it, after it, elsewhere
    in the sentence, or not in the sentence: carried from a heading, a label or a table column), and the
    two and the four words before it (its frame word: "chủ trì", "phối hợp với", "giao", "đề nghị")."""
    sent, text, key = match_key(task.sentence), match_key(task.task), match_key(name)
    i = sent.find(key) if key else -1
    if i < 0:
        return "carried", "", ""
    words = sent[:i].split()
    t = sent.find(text) if text else -1
    if t < 0:
        where = "sentence"
    elif i < t:
        where = "before_task"
    elif i >= t + len(text):
        where = "after_task"
    else:
        where = "in_task"
    return where, " ".join(words[-2:]), " ".join(words[-4:])


def agency_features(task: Task, agency: AgencyRef, index: int, ctx: TaskContext) -> dict[str, float]:
    """Features of "is this candidate body an actor of this task, and in which role?"."""
    rule = task.rule or "none"
    f: dict[str, float] = {"bias": 1.0, "rule=" + rule: 1.0, "rule_head=" + rule.split(":")[0]: 1.0}
    f["rule_role=" + agency.role] = 1.0
    f["type=" + (agency.type or "none")] = 1.0
    where, before, frame = _place(agency.name, task)
    f["where=" + where] = 1.0
    if before:
        f["before=" + before] = 1.0
        f["before1=" + before.split()[-1]] = 1.0
    f["support_cue_before"] = float(bool(frame) and (bool(_SUPPORT_FALLBACK.search(frame)) or _match("support_any", frame)))
    key = match_key(agency.name)
    heads = ctx.headings(task.section)
    f["in_heading"] = float(any(key and key in h for h in heads))
    f["in_own_heading"] = float(bool(heads) and bool(key) and key in heads[0])
    n = len(task.agencies)
    f["n_candidates=" + _bin(n, (1, 2, 4, 8))] = 1.0
    f["order=" + _bin(index, (0, 1, 3))] = 1.0
    words = _words(agency.name)
    f["name_len=" + _bin(len(words), (2, 4, 7, 12))] = 1.0
    if words:
        f["name_w1=" + words[0]] = 1.0
    f["name_plural"] = float(bool(words) and words[0] in ("các", "những"))
    f["has_deadline"] = float(task.deadline is not None)
    f["task_verb_start"] = float(_match("verb_start", task.task or ""))
    return f


def candidate_features(task: Task, agency: AgencyRef, index: int, ctx: TaskContext) -> dict[str, float]:
    """Features of a body the rules did not give the task (see :mod:`directive_nlp.learn.candidates`)."""
    f = agency_features(task, agency, index, ctx)
    del f["rule_role=" + agency.role]
    f["cand=sentence"] = 1.0
    f["task_has_agencies"] = float(bool(task.agencies))
    return f
