"""Cross-check: does a review plan review what a program asked for?

A provincial action program (chương trình hành động, kế hoạch thực hiện)
assigns tasks in numbered task-area sections ("II.1 … II.7", "III.1 …").
Years later a review plan (kế hoạch sơ kết / tổng kết) lists what will be
reviewed. :func:`crosscheck` reads the two extraction results and says, with
evidence a reader can check line by line:

* **themes** — each task-area section of the program is ``covered`` when at
  least one review item of the plan is about that section's subject;
* **tasks** — each program task is covered, partly covered or not, with its
  best plan item; plan items that match no program task;
* **agencies** — bodies that carry program tasks but are not asked to act or
  report in the plan, and the reverse; deadline conflicts.

How a theme is judged (see ``README.md (reference: crosscheck)``)
-------------------------------------------------
Texts are segmented into words (underthesea) and turned into TF-IDF vectors.
Three things keep a bag of words from matching the wrong theme:

1. Genre vocabulary carries no weight: review words ("sơ kết", "đánh giá",
   "báo cáo" …) and implementation/exhortation words ("triển khai", "tăng
   cường", "nâng cao" …) come from a data file
   (``resources/vi/crosscheck.yaml``) that names no subject.
2. The subject's own boilerplate ("phòng, chống ma túy" in a drug program,
   "chuyển đổi số" in a digital one) is found by document frequency: the IDF
   is computed over the program's task-area sections and the plan's items
   together, so a word every section uses weighs almost nothing.
3. A theme is its heading plus its tasks, the heading weighing as much as
   all the body together, and themes *compete*: a plan item supports the
   theme(s) it is closest to (within a ratio of the best), so an incidental
   word shared with a side remark of another section (II.7's "tổ chức sơ
   kết, tổng kết") does not make that section covered.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterable, Literal, Optional

from pydantic import BaseModel, Field

from .agencies import agency_key as _agency_key
from .agencies import find_agencies
from .errors import InputError
from .models import AgencyRef, Deadline, ExtractionResult, SectionOut, Task
from .normalize import match_key
from .themes import document_frequencies
from .themes import segment_words as themes_segment_words

CROSSCHECK_VERSION = "1"

#: default minimum similarity for a plan item to support a theme
DEFAULT_THRESHOLD = 0.10
#: a plan item supports every theme within this ratio of its best theme
DEFAULT_RATIO = 0.6
#: task level: at least this similarity is "covered", at least half of it "partial"
TASK_COVERED = 0.25
TASK_PARTIAL = 0.12

TaskStatus = Literal["covered", "partial", "not_covered"]


# --------------------------------------------------------------------------
# Vocabulary (data file)
# --------------------------------------------------------------------------


class Vocabulary(BaseModel):
    """Genre vocabulary from ``resources/vi/crosscheck.yaml`` (match keys)."""

    review_terms: list[str]
    generic_terms: list[str]
    stopwords: list[str]
    task_area_headings: list[str]
    non_task_headings: list[str]
    agency_qualifiers: list[str]
    plan_frame_headings: list[str] = Field(default_factory=list)
    plan_content_headings: list[str] = Field(default_factory=list)
    review_plan_titles: list[str] = Field(default_factory=list)

    def phrases(self) -> dict[tuple[str, ...], str]:
        """Phrase (as a syllable tuple) → class ("review", "generic", "stop")."""
        out: dict[tuple[str, ...], str] = {}
        for cls, items in (("stop", self.stopwords), ("generic", self.generic_terms), ("review", self.review_terms)):
            for p in items:
                key = tuple(match_key(p).split())
                if key:
                    out[key] = cls
        return out


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """Load the crosscheck vocabulary shipped with the package."""
    from .vocab import load_vocabulary as _load

    fields = Vocabulary.model_fields
    data = _load("crosscheck.yaml", required={k: list for k, f in fields.items() if f.is_required()},
                 optional={k: list for k, f in fields.items() if not f.is_required()})
    return Vocabulary.model_validate(data)


@lru_cache(maxsize=1)
def _phrase_table() -> tuple[dict[tuple[str, ...], str], int]:
    table = load_vocabulary().phrases()
    return table, max(len(k) for k in table)


# --------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def segment_words(text: str) -> tuple[str, ...]:
    """Vietnamese words of ``text`` as match keys (:func:`directive_nlp.themes.segment_words`,
    without its stop list: the cross-check's own genre lists apply), numbers dropped."""
    words = themes_segment_words(text, stopwords=False)
    out = []
    for w in words:
        k = match_key(str(w).replace("_", " "))
        if k and not k.replace(" ", "").isdigit():
            out.append(k)
    return tuple(out)


class Analysis(BaseModel):
    """Content terms of a text and whether it speaks of reviewing."""

    terms: dict[str, float]
    review: bool
    words: list[str] = Field(default_factory=list, description="Content words as found (for evidence).")


_SYLLABLE_WEIGHT = 0.5


@lru_cache(maxsize=8192)
def _analyze_cached(text: str) -> tuple[tuple[tuple[str, float], ...], bool, tuple[str, ...]]:
    table, longest = _phrase_table()
    words = segment_words(text)
    sylls = [w.split() for w in words]
    terms: Counter = Counter()
    review = False
    content: list[str] = []
    i = 0
    while i < len(words):
        # longest vocabulary phrase starting at word i and ending on a word boundary
        hit = None
        acc: list[str] = []
        for j in range(i, min(len(words), i + longest)):
            acc = acc + sylls[j]
            if len(acc) > longest:
                break
            cls = table.get(tuple(acc))
            if cls:
                hit = (j, cls)
        if hit:
            j, cls = hit
            review = review or cls == "review"
            i = j + 1
            continue
        w = words[i]
        if len(w) > 1 and any(ch.isalpha() for ch in w):
            terms[w] += 1.0
            content.append(w)
            parts = sylls[i]
            if len(parts) > 1:
                for s in parts:
                    if (s,) not in table and len(s) > 1:
                        terms["~" + s] += _SYLLABLE_WEIGHT
            if len(parts) > 2:
                # a word of three or more syllables is often two glued by the
                # segmenter ("quán triệt nghiêm"): its two-syllable parts count too
                for a, b in zip(parts, parts[1:]):
                    if (a, b) not in table:
                        terms[f"{a} {b}"] += _SYLLABLE_WEIGHT
        i += 1
    return tuple(sorted(terms.items())), review, tuple(content)


# document numbers and dates ("số 36-CT/TW", "39-CTr/TU", "01/2022/UBTVQH15",
# "ngày 16/8/2019") name other documents, not a subject
_REF_RE = re.compile(r"\b\d+(?:[/.-]\d+)*(?:[/-][A-Za-zĐđ][\w/.-]*)?")


def analyze(text: str) -> Analysis:
    """Content terms (words, plus their syllables at half weight) of ``text``;
    genre vocabulary removed, ``review`` set when a review word occurs."""
    terms, review, words = _analyze_cached(_REF_RE.sub(" ", text or ""))
    return Analysis(terms=dict(terms), review=review, words=list(words))


# --------------------------------------------------------------------------
# Agencies
# --------------------------------------------------------------------------

def agency_key(agency: AgencyRef | str) -> str:
    """Key on which agencies of the two documents are matched:
    :func:`directive_nlp.agencies.agency_key` with the place qualifiers of
    ``crosscheck.yaml`` ("… tỉnh", "… trực thuộc") dropped, since both
    documents speak of one province."""
    name = agency if isinstance(agency, str) else (agency.canonical or agency.name)
    return _agency_key(name, qualifiers=_qualifiers())


@lru_cache(maxsize=1)
def _qualifiers() -> tuple[str, ...]:
    return tuple(load_vocabulary().agency_qualifiers)


# --------------------------------------------------------------------------
# Report records
# --------------------------------------------------------------------------


class DocRef(BaseModel):
    path: str
    doc_type: Optional[str] = None
    title: Optional[str] = None
    province: Optional[str] = None
    sha256: Optional[str] = None
    tasks: int = 0


class Evidence(BaseModel):
    """One matched pair: a program text and a plan text, with the score."""

    program_ref: str = Field(description='Program section or task id, e.g. "II.3" or "T25".')
    program_text: str
    plan_ref: str = Field(description='Plan task id or "§<section>" for a plan heading.')
    plan_section: Optional[str] = None
    plan_text: str
    score: float
    terms: list[str] = Field(default_factory=list, description="Shared content words, heaviest first.")


class ThemeResult(BaseModel):
    """One task-area section of the program."""

    section: str
    heading: Optional[str] = None
    description: Optional[str] = Field(
        None, description="For a numbered item without a heading: the start of its text, so a reader knows it."
    )
    covered: bool
    score: float = Field(description="Best similarity of a plan item that supports this theme (0-1).")
    evidence: list[Evidence] = Field(default_factory=list)
    nearest: Optional[Evidence] = Field(
        None, description="When not covered: the closest plan item, and why it does not count."
    )
    key_terms: list[str] = Field(default_factory=list, description="What the theme is about (heaviest words).")
    tasks: int = 0
    tasks_covered: int = 0


class TaskResult(BaseModel):
    id: str
    section: str
    theme: Optional[str] = None
    task: str
    agencies: list[str] = Field(default_factory=list)
    status: TaskStatus
    score: float = Field(description="Best similarity to a plan item that reviews the task's theme (0-1).")
    best: Optional[Evidence] = None
    generic: bool = Field(False, description="The task has no subject words (only genre vocabulary).")


class PlanItemResult(BaseModel):
    id: str
    kind: Literal["task", "heading", "paragraph"]
    section: Optional[str] = None
    text: str
    review: bool
    frame: bool = Field(False, description="In a part that frames or organises the review (aims, timetable …).")
    themes: list[str] = Field(default_factory=list, description="Program themes this item supports.")
    best_task: Optional[str] = None
    score: float = 0.0
    generic: bool = False


class AgencyGap(BaseModel):
    key: str
    names: list[str]
    tasks: list[str] = Field(default_factory=list, description="Task ids (program or plan) naming this body.")


class DeadlineConflict(BaseModel):
    agency: str
    theme: Optional[str] = None
    program_task: str
    program_deadline: Deadline
    plan_item: str
    plan_deadline: Deadline
    reason: str


class AgencyReport(BaseModel):
    program_only: list[AgencyGap] = Field(default_factory=list)
    plan_only: list[AgencyGap] = Field(default_factory=list)
    both: list[str] = Field(default_factory=list)


class Summary(BaseModel):
    themes: int = 0
    themes_covered: int = 0
    not_covered: list[str] = Field(default_factory=list)
    tasks: int = 0
    tasks_covered: int = 0
    tasks_partial: int = 0
    tasks_not_covered: int = 0
    plan_items: int = 0
    plan_items_unmatched: int = 0


class SubjectCheck(BaseModel):
    """Is the plan about the program's subject at all?

    Theme matching compares a plan item with the program's areas; it cannot
    tell, by itself, that a plan on forests does not review a drug program
    (both "tuyên truyền", both "kiểm tra"). So the two documents are first
    checked for a common subject: a document both cite (the program's number
    or a directive it implements), or the program's pervasive words (those
    of most of its areas and of its title) occurring in the plan.
    """

    same_subject: bool
    shared_references: list[str] = Field(default_factory=list)
    subject_words: list[str] = Field(default_factory=list, description="The program's pervasive words, heaviest first.")
    score: float = Field(0.0, description="Weighted share of the plan's items using the program's pervasive words (0-1).")
    title_overlap: float = Field(0.0, description="Share of the program title's words in the plan title (0-1).")


class CrosscheckReport(BaseModel):
    """What :func:`crosscheck` found; ``model_dump_json`` is the JSON output."""

    crosscheck_version: str = CROSSCHECK_VERSION
    headline: str = Field("", description="What each document is; a warning when the second does not review the first.")
    reviews: Optional[bool] = Field(None, description="Does the plan review the program (None: nothing says)?")
    identity_program: Optional["DocumentIdentity"] = None
    identity_plan: Optional["DocumentIdentity"] = None
    program: DocRef
    plan: DocRef
    threshold: float
    ratio: float
    summary: Summary
    themes: list[ThemeResult]
    tasks: list[TaskResult]
    plan_items: list[PlanItemResult]
    unmatched_plan_items: list[str] = Field(default_factory=list, description="Ids of plan items matching no program task.")
    agencies: AgencyReport = Field(default_factory=AgencyReport)
    subject: Optional[SubjectCheck] = None
    deadline_conflicts: list[DeadlineConflict] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def theme(self, section: str) -> Optional[ThemeResult]:
        for t in self.themes:
            if t.section == section:
                return t
        return None

    def coverage(self) -> dict[str, bool]:
        """``{"II.1": True, …}`` — the theme-level answer."""
        return {t.section: t.covered for t in self.themes}


# --------------------------------------------------------------------------
# Sections → themes
# --------------------------------------------------------------------------

_SPECIAL = re.compile(r"^(preamble|closing|PL)", re.I)


def _parent_id(sid: str) -> Optional[str]:
    return sid.rsplit(".", 1)[0] if "." in sid else None


def _all_sections(result: ExtractionResult) -> dict[str, SectionOut]:
    """Sections by id; sections only named by tasks are added without heading."""
    secs: dict[str, SectionOut] = {s.id: s for s in result.sections}
    for t in result.tasks:
        sid = t.section
        while sid and sid not in secs:
            parent = _parent_id(sid)
            secs[sid] = SectionOut(id=sid, parent=parent, level=sid.count(".") + 1)
            sid = parent or ""
    return secs


def _is_ancestor(anc: str, sid: str, secs: dict[str, SectionOut]) -> bool:
    cur: Optional[str] = sid
    seen = set()
    while cur and cur not in seen:
        if cur == anc:
            return True
        seen.add(cur)
        s = secs.get(cur)
        cur = (s.parent if s and s.parent else _parent_id(cur))
    return False


def _heading_has(heading: Optional[str], phrases: Iterable[str]) -> bool:
    if not heading:
        return False
    k = " " + match_key(heading) + " "
    return any(" " + match_key(p) + " " in k for p in phrases)


def task_area_sections(result: ExtractionResult) -> tuple[list[SectionOut], list[str]]:
    """The numbered task-area sections of a program, and notes on the choice.

    The children of the parts whose heading names tasks ("Nhiệm vụ và giải
    pháp", "Tổ chức thực hiện"); failing headings, the children of the
    top-level numbered parts that hold tasks (parts stating aims —
    "Mục tiêu, yêu cầu" — excluded).
    """
    voc = load_vocabulary()
    secs = _all_sections(result)
    numbered = [s for s in secs.values() if not _SPECIAL.match(s.id)]
    notes: list[str] = []
    if not numbered:
        return [], ["the program has no numbered sections, so there are no task areas to check theme by theme; "
                    "only the task level and agencies are reported"]

    def children(pid: str) -> list[SectionOut]:
        return [s for s in numbered if (s.parent or _parent_id(s.id)) == pid]

    def has_tasks(sid: str) -> bool:
        return any(_is_ancestor(sid, t.section, secs) for t in result.tasks)

    tops = [s for s in numbered if not (s.parent or _parent_id(s.id)) or (s.parent or _parent_id(s.id)) not in secs]
    task_parts = [
        s for s in tops
        if _heading_has(s.heading, voc.task_area_headings) and not _heading_has(s.heading, voc.non_task_headings)
    ]
    if not task_parts:
        task_parts = [s for s in tops if has_tasks(s.id) and not _heading_has(s.heading, voc.non_task_headings)]
        if task_parts and any(s.heading for s in tops):
            notes.append("no part of the program is headed 'Nhiệm vụ …' or 'Tổ chức thực hiện'; "
                         "the numbered parts holding tasks are taken as task areas")
    themes: list[SectionOut] = []
    for part in task_parts:
        kids = [c for c in children(part.id) if has_tasks(c.id) or c.heading]
        if kids:
            themes.extend(kids)
        elif has_tasks(part.id):
            themes.append(part)
    if not themes:
        notes.append("no numbered task-area section of the program holds tasks; theme level left empty")
    order = {s.id: i for i, s in enumerate(result.sections)}
    themes.sort(key=lambda s: (order.get(s.id, 10**6), _sort_key(s.id)))
    return themes, notes


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _sort_key(sid: str) -> tuple:
    out = []
    for p in sid.split("."):
        if p.isdigit():
            out.append((1, int(p), ""))
        elif p and all(c in _ROMAN for c in p):
            out.append((0, sum(_ROMAN[c] for c in p), p))
        else:
            out.append((2, 0, p))
    return tuple(out)


# --------------------------------------------------------------------------
# Vectors
# --------------------------------------------------------------------------

Vector = dict[str, float]


def _add(a: Vector, b: Vector, w: float = 1.0) -> Vector:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0.0) + w * v
    return out


def _norm(v: Vector) -> float:
    return math.sqrt(sum(x * x for x in v.values()))


def _unit(v: Vector) -> Vector:
    n = _norm(v)
    return {k: x / n for k, x in v.items()} if n else {}


def _cos(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(x * b.get(k, 0.0) for k, x in a.items())
    na, nb = _norm(a), _norm(b)
    return dot / (na * nb) if na and nb else 0.0


def _shared(a: Vector, b: Vector, n: int = 6) -> list[str]:
    both = [(a[k] * b[k], k) for k in a if k in b and not k.startswith("~")]
    both.sort(reverse=True)
    top = both[0][0] if both else 0.0
    return [k.lstrip("@") for w, k in both[:n] if w >= 0.1 * top]


@lru_cache(maxsize=8192)
def _agency_mentions(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with the names of bodies blanked out, and their keys.

    Bodies are matched as bodies (by canonical name), not through the words
    of their names: "Ban Thường vụ Tỉnh ủy" and "Chương trình … của Tỉnh ủy"
    must not look alike because both say "tỉnh ủy". Uses the recognisers'
    ``agencies.find_agencies``.
    """
    chars = list(text)
    keys = []
    for m in find_agencies(text):
        for i in range(max(m.start, 0), min(m.end, len(chars))):
            chars[i] = " "
        keys.append(agency_key(m.canonical or m.name))
    return "".join(chars), tuple(keys)


class _Unit:
    """A piece of text with its raw term counts (weighted later by IDF).

    The bodies that act enter as agency terms ("@ủy ban nhân dân"), together
    weighing as one word: a list of seven bodies must not outweigh the task.
    """

    def __init__(self, ref: str, text: str, agencies: Iterable[str] = (), context: Optional[str] = None):
        self.ref = ref
        self.text = text
        bare, named = _agency_mentions(text)
        a = analyze(bare)
        self.review = a.review or analyze(text).review
        self.raw: Vector = dict(a.terms)
        if context and context != text:
            # a clause is read in the sentence it came from, at half weight
            # ("diện tích rừng được cấp chứng chỉ FSC" belongs to the sentence on planting)
            c = analyze(_agency_mentions(context)[0])
            self.review = self.review or c.review
            for k, v in c.terms.items():
                self.raw[k] = self.raw.get(k, 0.0) + 0.5 * v
        ags = sorted({ag for ag in [*agencies, *named] if ag})
        for ag in ags:
            self.raw["@" + ag] = self.raw.get("@" + ag, 0.0) + 1.0 / math.sqrt(len(ags))
        self.vec: Vector = {}


def _idf(areas: list[Vector], units: list[Vector]) -> dict[str, float]:
    """IDF over the program's areas times IDF over all units of both documents.

    The frequencies are counted by scikit-learn (:func:`directive_nlp.themes.document_frequencies`);
    the IDF is ln((n + 1) / (df + 0.5)), not scikit-learn's ln((n + 1) / (df + 1)):
    with its smoothing a program of one task area would weigh every word 0.
    """
    def idf(docs: list[Vector]) -> dict[str, float]:
        n = max(len(docs), 1)
        return {k: math.log((n + 1) / (df + 0.5)) for k, df in document_frequencies(docs).items()}

    idf_a, idf_u = idf(areas), idf(units)
    n_a = max(len(areas), 1)
    return {k: max(idf_a.get(k, math.log((n_a + 1) / 0.5)), 0.0) * max(w, 0.0) for k, w in idf_u.items()}


def _tfidf(raw: Vector, idf: dict[str, float]) -> Vector:
    return {k: (1.0 + math.log(v)) * idf.get(k, 0.0) if v >= 1 else v * idf.get(k, 0.0)
            for k, v in raw.items() if idf.get(k, 0.0) > 0}


# --------------------------------------------------------------------------
# The cross-check
# --------------------------------------------------------------------------


def _untasked_items(result: ExtractionResult) -> list[tuple[str, str]]:
    """``(section id, text)`` of numbered items that gave no task.

    A review plan often lists what to report as noun phrases ("1.2. Tình hình
    sắp xếp các trung tâm …", "Kết quả hỗ trợ chi phí học nghề …"): nobody
    is told to act, so the extraction finds no task, yet each is a review
    item. The result keeps their first line (``sections[].text``).
    """
    tasked = {t.section for t in result.tasks}
    return [(s.id, s.text) for s in result.sections
            if s.text and not s.heading and s.id not in tasked and len(s.text.split()) >= 4]


def load_input(path, **extract_kwargs) -> ExtractionResult:
    """A cross-check input: a document (PDF, DOCX, MD …) or its ``extract``
    JSON. Only the extraction result is used, so a document and its JSON
    give the same answer, in the CLI and in the web page alike."""
    from .io import load_result

    return load_result(path, **extract_kwargs)


def _doc_ref(r: ExtractionResult) -> DocRef:
    return DocRef(path=r.source.path, doc_type=r.document.doc_type, title=r.document.title,
                  province=r.document.province, sha256=r.source.sha256 or None, tasks=len(r.tasks))


def _task_agencies(t: Task) -> list[str]:
    return [agency_key(a) for a in t.agencies]


def _deadline_end(d: Optional[Deadline]) -> Optional[date]:
    if d is None or d.kind not in ("by", "on", "period"):
        return None
    s = d.date or d.end
    try:
        return date.fromisoformat(s) if s else None
    except ValueError:
        return None


def _same_document(a: ExtractionResult, b: ExtractionResult) -> bool:
    if a.source.sha256 and a.source.sha256 == b.source.sha256:
        return True
    sa = [match_key(t.sentence) for t in a.tasks]
    return bool(sa) and sa == [match_key(t.sentence) for t in b.tasks]


#: least subject score (or title overlap) for two documents citing nothing in common
SUBJECT_MIN = 0.07
TITLE_MIN = 0.2
_NUMBER_RE = re.compile(r"\b\d+(?:/\d+)*[-/][A-ZĐ][\w/.-]*", re.UNICODE)


def _numbers(*texts: Optional[str]) -> set[str]:
    out: set[str] = set()
    for t in texts:
        for m in _NUMBER_RE.finditer(t or ""):
            out.add(m.group(0).upper().rstrip("./-"))
    return out


def _content_words(text: Optional[str]) -> set[str]:
    bare = _agency_mentions(text or "")[0]
    return {k for k in analyze(bare).terms if not k.startswith("~")}


class DocumentIdentity(BaseModel):
    """What a document is, from its metadata: the first line of a report."""

    role: Literal["programme", "plan", "review plan", "document"]
    doc_type: Optional[str] = None
    number: Optional[str] = None
    province: Optional[str] = None
    subject: Optional[str] = Field(None, description="The title (what the document is about).")
    implements: list[str] = Field(default_factory=list, description="Numbers the document implements or reviews "
                                                                    "(those of its title, else its first citation).")
    cites: list[str] = Field(default_factory=list, description="Numbers of the documents it cites.")

    def describe(self) -> str:
        name = " ".join(x for x in [self.doc_type, self.number] if x) or "type unknown"
        out = f"{self.role} ({name}" + (f", {self.province})" if self.province else ")")
        if self.implements:
            out += (" reviewing " if self.role == "review plan" else " implementing ") + ", ".join(self.implements)
        others = [c for c in self.cites if c not in self.implements]
        if others:
            out += f", citing {', '.join(others[:4])}" + (" …" if len(others) > 4 else "")
        if self.subject:
            subj = " ".join(self.subject.split())
            out += " «" + (subj if len(subj) <= 90 else subj[:88].rstrip() + "…") + "»"
        return out


def _is_review_plan(result: ExtractionResult) -> Optional[bool]:
    """A review plan by its title or type; without a title, by a top-level
    heading ("II. NỘI DUNG SƠ KẾT"); None when nothing says either way."""
    phrases = load_vocabulary().review_plan_titles
    head = " ".join(x for x in [result.document.doc_type, result.document.title] if x)
    if _heading_has(head, phrases):
        return True
    if result.document.title:
        return False
    tops = [x.heading for x in result.sections if x.heading and x.level <= 1 and not _SPECIAL.match(x.id)]
    return True if any(_heading_has(h, phrases) for h in tops) else None


def identify(result: ExtractionResult) -> DocumentIdentity:
    """Programme, plan, review plan or other document, with what it cites."""
    d = result.document
    review = _is_review_plan(result)
    kind = match_key(d.doc_type or "")
    role = ("review plan" if review else "programme" if kind.startswith("chương trình")
            else "plan" if kind.startswith("kế hoạch") else "document")
    implements = sorted(_numbers(d.title) - _numbers(d.number))
    if not implements:  # what it implements is then its first citation
        implements = [r.number for r in d.references[:1] if r.number]
    cites = list(dict.fromkeys(r.number for r in d.references if r.number))
    return DocumentIdentity(role=role, doc_type=d.doc_type, number=d.number, province=d.province,
                            subject=d.title, implements=implements, cites=cites)


class ReviewRelation(BaseModel):
    """Does the second document review the first? (None: nothing says.)"""

    reviews: Optional[bool] = None
    reason: str = ""


def review_relation(program: ExtractionResult, plan: ExtractionResult) -> ReviewRelation:
    """The second reviews the first when it is a review plan and what it
    reviews (the numbers of its title, else all it cites) names the first
    document or what the first implements (the numbers of its title, else
    its first citation). Two ordinary plans, or a review of another
    directive, do not."""
    second = identify(plan)
    if _is_review_plan(plan) is False:
        return ReviewRelation(reviews=False, reason=f"the second document is a {second.role}, not a review plan "
                                                    "(sơ kết / tổng kết)")
    reviewed = _numbers(plan.document.title) if plan.document.title else set()
    reviewed = reviewed or _numbers(*[r.number or "" for r in plan.document.references])
    reviewed -= _numbers(plan.document.number)
    implemented = _numbers(program.document.number, program.document.title)
    if not _numbers(program.document.title):  # what it implements is then its first citation
        implemented |= _numbers(*[r.number or "" for r in program.document.references[:1]])
    if not reviewed or not implemented:
        return ReviewRelation(reviews=None, reason="neither document names what it implements or reviews")
    shared = sorted(reviewed & implemented)
    if shared:
        return ReviewRelation(reviews=True, reason=f"the review concerns {', '.join(shared)}")
    return ReviewRelation(reviews=False, reason=f"the second reviews {', '.join(sorted(reviewed))}, the first "
                                                f"{'is' if program.document.number else 'implements'} "
                                                f"{', '.join(sorted(implemented))}")


def headline(program: ExtractionResult, plan: ExtractionResult, relation: ReviewRelation) -> str:
    """The report's first line: what each document is, and a warning when
    the second does not review the first."""
    line = f"first: {identify(program).describe()}; second: {identify(plan).describe()}"
    if relation.reviews is False:
        return f"{line} — WARNING: the second does not review the first: {relation.reason}"
    return line + (f" — {relation.reason}" if relation.reviews else "")


def _subject_check(program: ExtractionResult, plan: ExtractionResult, areas: list[Vector],
                   plan_texts: list[str]) -> SubjectCheck:
    prog_refs = _numbers(program.document.number, program.document.title,
                         *[r.number or r.text for r in program.document.references])
    plan_refs = _numbers(plan.document.number, plan.document.title,
                         *[r.number or r.text for r in plan.document.references])
    shared = sorted(prog_refs & plan_refs)
    # the program's pervasive words: in most of its areas, or in its title
    n = max(len(areas), 1)
    df: Counter = Counter()
    for a in areas:
        df.update(k for k in a if not k.startswith(("~", "@")))
    weight = {k: c / n for k, c in df.items() if c >= max(2, 0.3 * n)}
    title_words = _content_words(program.document.title)
    for k in title_words:
        weight[k] = 1.0
    items = [_content_words(t) for t in plan_texts if t]
    score = 0.0
    if weight and items:
        score = sum(w * sum(1 for it in items if k in it) / len(items) for k, w in weight.items()) / sum(weight.values())
    overlap = len(title_words & _content_words(plan.document.title)) / len(title_words) if title_words else 0.0
    same = bool(shared) or not weight or score >= SUBJECT_MIN or overlap >= TITLE_MIN
    words = [k for k, _ in sorted(weight.items(), key=lambda kv: -kv[1])][:8]
    return SubjectCheck(same_subject=same, shared_references=shared, subject_words=words,
                        score=round(score, 3), title_overlap=round(overlap, 3))


@dataclass
class _ProgramUnits:
    """The program as units: task areas (heading + body) and tasks."""

    themes: list[SectionOut]
    tasks: dict[str, _Unit] = field(default_factory=dict)
    task_theme: dict[str, Optional[str]] = field(default_factory=dict)
    heads: dict[str, _Unit] = field(default_factory=dict)
    bodies: dict[str, _Unit] = field(default_factory=dict)
    theme_vec: dict[str, Vector] = field(default_factory=dict)


@dataclass
class _PlanUnits:
    """The plan as units (its tasks, headings and untasked paragraphs) with what
    is known of each ("kind", "section", "sentence", "task", "review", "frame")."""

    units: dict[str, _Unit] = field(default_factory=dict)
    meta: dict[str, dict] = field(default_factory=dict)


def _check_inputs(program: ExtractionResult, plan: ExtractionResult) -> None:
    if not program.tasks and not [s for s in program.sections if not _SPECIAL.match(s.id)]:
        raise InputError("the program has no tasks and no numbered sections; nothing to cross-check "
                         "(is it the right file? run `directive-nlp extract` on it to see)",
                         code="empty_program", path=program.source.path)
    if _same_document(program, plan):
        raise InputError("PROGRAM and PLAN are the same document; give the action program first and "
                         "the review (sơ kết/tổng kết) plan second", code="same_document", path=plan.source.path)


def _theme_of(section: str, themes: list[SectionOut], secs: dict[str, SectionOut]) -> Optional[str]:
    for th in themes:
        if _is_ancestor(th.id, section, secs):
            return th.id
    return None


def _program_units(program: ExtractionResult, themes: list[SectionOut]) -> _ProgramUnits:
    secs = _all_sections(program)
    pu = _ProgramUnits(themes=themes)
    for t in program.tasks:
        pu.tasks[t.id] = _Unit(t.id, t.task or t.sentence, _task_agencies(t))
        pu.task_theme[t.id] = _theme_of(t.section, themes, secs)
    untasked = _untasked_items(program)
    for th in themes:
        pu.heads[th.id] = _Unit(th.id, th.heading or "")
        # the body is what the tasks ask (``task``: the action without the
        # agency and deadline); the bodies that act enter once each, as agency terms
        sentences: list[str] = []
        agencies: list[str] = []
        for t in program.tasks:
            if pu.task_theme[t.id] == th.id:
                text = t.task or t.sentence
                if text not in sentences:
                    sentences.append(text)
                agencies.extend(_task_agencies(t))
        for sid, text in untasked:
            if _theme_of(sid, themes, secs) == th.id and text not in sentences:
                sentences.append(text)
        pu.bodies[th.id] = _Unit(th.id, "\n".join(sentences), sorted(set(agencies)))
    return pu


def _ancestors_review(section: Optional[str], secs: dict[str, SectionOut]) -> bool:
    cur = section
    while cur:
        s = secs.get(cur)
        if s and s.heading and analyze(s.heading).review:
            return True
        cur = (s.parent if s and s.parent else _parent_id(cur))
    return False


def _in_frame(section: Optional[str], secs: dict[str, SectionOut], voc: Vocabulary) -> bool:
    cur = section
    while cur:
        s = secs.get(cur)
        if s and s.heading:
            frame = _heading_has(s.heading, voc.plan_frame_headings)
            content = _heading_has(s.heading, voc.plan_content_headings)
            if frame != content:
                return frame
        cur = (s.parent if s and s.parent else _parent_id(cur))
    return False


def _plan_units(plan: ExtractionResult) -> _PlanUnits:
    pl = _PlanUnits()
    secs = _all_sections(plan)
    title_review = analyze(" ".join(filter(None, [plan.document.title, plan.document.doc_type]))).review
    for s in plan.sections:
        if s.heading and not _SPECIAL.match(s.id):
            ref = f"§{s.id}"
            pl.units[ref] = _Unit(ref, s.heading)
            pl.meta[ref] = {"kind": "heading", "section": s.id, "sentence": s.heading, "task": None}
    for t in plan.tasks:
        pl.units[t.id] = _Unit(t.id, t.task or t.sentence, _task_agencies(t), context=t.sentence)
        pl.meta[t.id] = {"kind": "task", "section": t.section, "sentence": t.sentence, "task": t}
    voc = load_vocabulary()
    for sid, text in _untasked_items(plan):
        pl.units[f"§{sid}"] = _Unit(f"§{sid}", text)
        pl.meta[f"§{sid}"] = {"kind": "paragraph", "section": sid, "sentence": text, "task": None}
    for ref, u in pl.units.items():
        m = pl.meta[ref]
        m["review"] = bool(u.review or title_review or _ancestors_review(m["section"], secs)
                           or (m["task"] is not None and m["task"].report_to))
        m["frame"] = _in_frame(m["section"], secs, voc)
    return pl


def _weigh(pu: _ProgramUnits, pl: _PlanUnits) -> list[Vector]:
    """TF-IDF vectors of every unit and the themes' vectors; returns the task areas' raw terms.

    Two document frequencies: over the program's task areas (a word every
    area uses is the subject's boilerplate and tells no area from another)
    and over all units of both documents (a word every plan item uses is
    the plan's boilerplate). The weight is their product.
    """
    areas = [_add(pu.heads[k].raw, pu.bodies[k].raw) for k in pu.heads] or [u.raw for u in pu.tasks.values()]
    idf = _idf(areas, areas + [u.raw for u in pl.units.values()])
    program_units = [*pu.tasks.values(), *pu.heads.values(), *pu.bodies.values()]
    for u in [*program_units, *pl.units.values()]:
        u.vec = _tfidf(u.raw, idf)
    # A plan item is compared on the program's vocabulary: the statistics and
    # details a review adds (numbers of cases, forms of report) say nothing
    # about which program area it reviews and would only lower every score.
    prog_vocab: set[str] = set()
    for u in program_units:
        prog_vocab.update(u.vec)
    for u in pl.units.values():
        u.vec = {k: v for k, v in u.vec.items() if k in prog_vocab}
    # A theme is its body (unit length) plus its heading, the heading scaled
    # by the typical heading mass: a heading of distinctive words weighs as
    # much as the whole body, one of boilerplate words ("… phòng, chống và
    # kiểm soát ma túy") is not blown up to that weight.
    head_norms = [_norm(u.vec) for u in pu.heads.values() if u.vec]
    ref_norm = sorted(head_norms)[len(head_norms) // 2] if head_norms else 1.0
    for th in pu.themes:
        h, b = pu.heads[th.id].vec, _unit(pu.bodies[th.id].vec)
        hn = _norm(h)
        pu.theme_vec[th.id] = _unit(_add(b, h, 1.0 / max(hn, ref_norm))) if hn else b
    return areas


def _review_items(plan: ExtractionResult, pl: _PlanUnits, notes: list[str]) -> list[str]:
    """What the plan reviews: its review items outside the parts that only
    frame or organise the review (aims, method, timetable, who reports
    where); if it has nothing else, those parts are all there is."""
    meta = pl.meta
    review_items = [r for r in pl.units if meta[r]["review"] and not meta[r]["frame"]]
    if not review_items and any(meta[r]["review"] for r in pl.units):
        review_items = [r for r in pl.units if meta[r]["review"]]
        notes.append("the plan has no review content outside its aims and organisation parts; those are used")
    if not plan.tasks and not plan.sections:
        notes.append("the plan has no items (no tasks, no sections): it reviews nothing")
    elif not review_items:
        notes.append("no item of the plan asks to review or report (no sơ kết, tổng kết, đánh giá, báo cáo …): "
                     "the plan reviews nothing of the program")
    return review_items


def _subject_and_relation(program: ExtractionResult, plan: ExtractionResult, areas: list[Vector],
                          pl: _PlanUnits, review_items: list[str],
                          notes: list[str]) -> tuple[SubjectCheck, ReviewRelation]:
    subject = _subject_check(program, plan, areas,
                             [plan.document.title or ""] + [m["sentence"] for m in pl.meta.values()])
    relation = review_relation(program, plan)
    if relation.reviews is not None:
        subject.same_subject = relation.reviews
    if relation.reviews is False:
        notes.append(f"the plan does not review this program ({relation.reason}); it reviews nothing of it — "
                     "the closest items are shown for checking")
    elif not subject.same_subject and review_items:
        notes.append(
            "the plan does not look like a review of this program: they cite no document in common and the "
            f"program's pervasive words ({', '.join(subject.subject_words[:5])}) are rare in the plan "
            f"(score {subject.score:.2f} < {SUBJECT_MIN}); nothing is counted as reviewed — the closest items "
            "are shown for checking")
    return subject, relation


@dataclass
class _Support:
    """Theme level: which plan items support which themes, and the similarities."""

    sims: dict[str, dict[str, float]]
    supports: dict[str, list[str]]
    item_themes: dict[str, list[str]]


def _support(pu: _ProgramUnits, pl: _PlanUnits, review_items: list[str], same_subject: bool,
             threshold: float, ratio: float) -> _Support:
    """Plan items support the theme(s) they are closest to.

    A numbered item of "Tổ chức thực hiện" without a heading assigns work
    to named bodies, usually restating a task area; it is reviewed when the
    plan asks one of those bodies (shared agency) or when an item is closer
    to it than to any other theme, not by echoing a task area's words.
    """
    sims = {r: {th.id: _cos(pu.theme_vec[th.id], pl.units[r].vec) for th in pu.themes} for r in review_items}
    supports: dict[str, list[str]] = defaultdict(list)  # theme -> plan refs
    item_themes: dict[str, list[str]] = defaultdict(list)
    theme_agencies = {th.id: {k for k in pu.bodies[th.id].raw if k.startswith("@")} for th in pu.themes}
    headed = {th.id for th in pu.themes if pu.heads[th.id].vec}
    for r, row in sims.items():
        if not row:
            continue
        best = max(row.values())
        item_agencies = {k for k in pl.units[r].raw if k.startswith("@")}
        for tid, s in row.items():
            if s < threshold:
                continue
            near = s >= (ratio * best if tid in headed else best)
            if same_subject and (near or (theme_agencies[tid] & item_agencies)):
                supports[tid].append(r)
                item_themes[r].append(tid)
    return _Support(sims, supports, item_themes)


class _TaskSimilarity:
    """Cosine of a task and a plan item, the task's norm floored at half the
    median task norm: a task left with only a few light words cannot score high."""

    def __init__(self, pu: _ProgramUnits):
        norms = sorted(_norm(u.vec) for u in pu.tasks.values() if u.vec)
        self.floor = 0.5 * norms[len(norms) // 2] if norms else 0.0

    def __call__(self, tv: Vector, pv: Vector) -> float:
        n, m = _norm(tv), _norm(pv)
        if not n or not m:
            return 0.0
        return sum(x * pv.get(k, 0.0) for k, x in tv.items()) / (max(n, self.floor) * m)


def _task_results(program: ExtractionResult, pu: _ProgramUnits, pl: _PlanUnits, review_items: list[str],
                  sup: _Support, same_subject: bool, task_sim: _TaskSimilarity) -> list[TaskResult]:
    """A task of an area the plan does not review is not covered (a stray
    shared word does not make it so); the others are judged against every review item."""
    out: list[TaskResult] = []
    for t in program.tasks:
        tv = pu.tasks[t.id].vec
        th = pu.task_theme[t.id]
        candidates = review_items if same_subject and (th is None or sup.supports.get(th)) else []
        best_s, best_r = 0.0, None
        for r in candidates:
            s = task_sim(tv, pl.units[r].vec)
            if s > best_s:
                best_s, best_r = s, r
        status: TaskStatus = "covered" if best_s >= TASK_COVERED else "partial" if best_s >= TASK_PARTIAL else "not_covered"
        ev = None
        if best_r:
            m = pl.meta[best_r]
            ev = Evidence(program_ref=t.id, program_text=t.task or t.sentence, plan_ref=best_r,
                          plan_section=m["section"], plan_text=m["sentence"], score=round(best_s, 3),
                          terms=_shared(tv, pl.units[best_r].vec))
        out.append(TaskResult(
            id=t.id, section=t.section, theme=th, task=t.task or t.sentence,
            agencies=[a.name for a in t.agencies], status=status, score=round(best_s, 3), best=ev,
            generic=not tv))
    return out


def _best_program_text(program: ExtractionResult, pu: _ProgramUnits, pl: _PlanUnits,
                       tid: str, r: str) -> tuple[str, str]:
    """The heading or task of theme ``tid`` closest to plan item ``r``."""
    pv = pl.units[r].vec
    head = pu.heads[tid]
    cands = [(_cos(head.vec, pv) * 1.0001, tid, head.text)] if head.text else []
    for t in program.tasks:
        if pu.task_theme[t.id] == tid:
            cands.append((_cos(pu.tasks[t.id].vec, pv), t.id, t.task or t.sentence))
    if not cands:
        return tid, pu.bodies[tid].text[:300]
    _, ref, text = max(cands, key=lambda c: c[0])
    return ref, text


def _evidence(program: ExtractionResult, pu: _ProgramUnits, pl: _PlanUnits, tid: str, r: str,
              score: float) -> Evidence:
    pref, ptext = _best_program_text(program, pu, pl, tid, r)
    m = pl.meta[r]
    return Evidence(program_ref=pref, program_text=ptext, plan_ref=r, plan_section=m["section"],
                    plan_text=m["sentence"], score=round(score, 3), terms=_shared(pu.theme_vec[tid], pl.units[r].vec))


def _theme_results(program: ExtractionResult, pu: _ProgramUnits, pl: _PlanUnits, sup: _Support,
                   task_results: list[TaskResult]) -> list[ThemeResult]:
    sims = sup.sims
    themes: list[ThemeResult] = []
    for th in pu.themes:
        refs = sorted(sup.supports.get(th.id, []), key=lambda r: -sims[r][th.id])
        ev = [_evidence(program, pu, pl, th.id, r, sims[r][th.id]) for r in refs[:4]]
        nearest = None
        if not refs and sims:
            r = max(sims, key=lambda r: sims[r][th.id])
            if sims[r][th.id] > 0:
                nearest = _evidence(program, pu, pl, th.id, r, sims[r][th.id])
        tv = pu.theme_vec[th.id]
        key_terms = [k.lstrip("@") for k, _ in sorted(tv.items(), key=lambda kv: -kv[1]) if not k.startswith("~")][:8]
        in_theme = [tr for tr in task_results if tr.theme == th.id]
        first = next((t.sentence for t in program.tasks if pu.task_theme[t.id] == th.id), None)
        description = None if th.heading or not first else (first if len(first) <= 160 else first[:157].rstrip() + "…")
        themes.append(ThemeResult(
            section=th.id, heading=th.heading, description=description, covered=bool(refs),
            score=round(sims[refs[0]][th.id], 3) if refs else round(nearest.score if nearest else 0.0, 3),
            evidence=ev, nearest=nearest, key_terms=key_terms, tasks=len(in_theme),
            tasks_covered=sum(1 for tr in in_theme if tr.status != "not_covered")))
    return themes


def _plan_item_results(program: ExtractionResult, pu: _ProgramUnits, pl: _PlanUnits, sup: _Support,
                       task_sim: _TaskSimilarity) -> tuple[list[PlanItemResult], list[str]]:
    """Each plan item with its closest task; the task items that match nothing (unmatched)."""
    plan_items: list[PlanItemResult] = []
    unmatched: list[str] = []
    for r, u in pl.units.items():
        m = pl.meta[r]
        best_s, best_t = 0.0, None
        for t in program.tasks:
            s = task_sim(pu.tasks[t.id].vec, u.vec)
            if s > best_s:
                best_s, best_t = s, t.id
        generic = not u.vec
        item = PlanItemResult(id=r, kind=m["kind"], section=m["section"], text=m["sentence"], review=m["review"],
                              frame=m["frame"], themes=sup.item_themes.get(r, []), best_task=best_t,
                              score=round(best_s, 3), generic=generic)
        plan_items.append(item)
        if m["kind"] == "task" and not generic and not item.themes and best_s < TASK_PARTIAL:
            unmatched.append(r)
    return plan_items, unmatched


def _agency_gaps(result: ExtractionResult) -> dict[str, AgencyGap]:
    gaps: dict[str, AgencyGap] = {}
    for t in result.tasks:
        for a in t.agencies:
            k = agency_key(a)
            g = gaps.setdefault(k, AgencyGap(key=k, names=[]))
            if a.name not in g.names:
                g.names.append(a.name)
            if t.id not in g.tasks:
                g.tasks.append(t.id)
    return gaps


def _agency_report(program: ExtractionResult, plan: ExtractionResult) -> AgencyReport:
    prog_ag, plan_ag = _agency_gaps(program), _agency_gaps(plan)
    return AgencyReport(
        program_only=[g for k, g in prog_ag.items() if k not in plan_ag],
        plan_only=[g for k, g in plan_ag.items() if k not in prog_ag],
        both=sorted(k for k in prog_ag if k in plan_ag),
    )


def _deadline_conflicts(program: ExtractionResult, plan: ExtractionResult, pu: _ProgramUnits, pl: _PlanUnits,
                        sup: _Support) -> list[DeadlineConflict]:
    """Same agency and theme, the review due before the work."""
    conflicts: list[DeadlineConflict] = []
    plan_tasks = {t.id: t for t in plan.tasks}
    for t in program.tasks:
        pend = _deadline_end(t.deadline)
        if pend is None or not t.agencies:
            continue
        keys = set(_task_agencies(t))
        th = pu.task_theme[t.id]
        cands = list(sup.supports.get(th, [])) if th else []
        cands += [r for r in plan_tasks if pl.meta[r]["frame"] and r not in cands]
        for r in cands:
            pt = plan_tasks.get(r)
            if pt is None or pt.deadline is None:
                continue
            rend = _deadline_end(pt.deadline)
            shared = keys & set(_task_agencies(pt))
            if rend and shared and rend < pend:
                conflicts.append(DeadlineConflict(
                    agency=sorted(shared)[0], theme=th, program_task=t.id, program_deadline=t.deadline,
                    plan_item=r, plan_deadline=pt.deadline,
                    reason=f"the plan asks for the review by {rend.isoformat()}, before the task itself is due "
                           f"({pend.isoformat()})"))
    return conflicts


def _summary(themes: list[ThemeResult], task_results: list[TaskResult], plan_items: list[PlanItemResult],
             unmatched: list[str]) -> Summary:
    return Summary(
        themes=len(themes), themes_covered=sum(1 for t in themes if t.covered),
        not_covered=[t.section for t in themes if not t.covered],
        tasks=len(task_results), tasks_covered=sum(1 for t in task_results if t.status == "covered"),
        tasks_partial=sum(1 for t in task_results if t.status == "partial"),
        tasks_not_covered=sum(1 for t in task_results if t.status == "not_covered"),
        plan_items=len(plan_items), plan_items_unmatched=len(unmatched))


def crosscheck(
    program: ExtractionResult,
    plan: ExtractionResult,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    ratio: float = DEFAULT_RATIO,
) -> CrosscheckReport:
    """Check that ``plan`` (a review plan) reviews what ``program`` asked for.

    ``threshold`` is the least similarity (0-1, cosine of TF-IDF vectors) for
    a plan item to count as reviewing a theme; ``ratio`` lets one item
    support several themes when they are nearly as close as its best one.
    The answer depends on the two results only (one input, one answer:
    a PDF, its DOCX, its Markdown and its JSON agree when they extract alike).
    Raises :class:`InputError` when the program has nothing to check or the
    two inputs are the same document.
    """
    _check_inputs(program, plan)
    theme_secs, notes = task_area_sections(program)
    notes = list(notes)
    pu = _program_units(program, theme_secs)
    pl = _plan_units(plan)
    areas = _weigh(pu, pl)
    review_items = _review_items(plan, pl, notes)
    subject, relation = _subject_and_relation(program, plan, areas, pl, review_items, notes)
    sup = _support(pu, pl, review_items, subject.same_subject, threshold, ratio)
    task_sim = _TaskSimilarity(pu)
    task_results = _task_results(program, pu, pl, review_items, sup, subject.same_subject, task_sim)
    themes = _theme_results(program, pu, pl, sup, task_results)
    plan_items, unmatched = _plan_item_results(program, pu, pl, sup, task_sim)
    if not program.tasks:
        notes.append("no tasks were found in the program; themes are judged from their headings only")
    return CrosscheckReport(
        program=_doc_ref(program), plan=_doc_ref(plan), threshold=threshold, ratio=ratio,
        summary=_summary(themes, task_results, plan_items, unmatched),
        themes=themes, tasks=task_results, plan_items=plan_items, unmatched_plan_items=unmatched,
        agencies=_agency_report(program, plan), subject=subject,
        deadline_conflicts=_deadline_conflicts(program, plan, pu, pl, sup), notes=notes,
        identity_program=identify(program), identity_plan=identify(plan), reviews=relation.reviews,
        headline=headline(program, plan, relation))


CrosscheckReport.model_rebuild()
