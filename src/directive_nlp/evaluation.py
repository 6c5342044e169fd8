"""Measure the extraction against gold annotations (``directive-nlp evaluate``).

Three kinds of figures, per document and in total:

* **Task figures** — the logic of the corpus's scorer (``score.py``, described in
  docs/tasks.md, "How the scorer matches") vendored below
  (a test checks both agree on the same inputs): task, agency, deadline and
  triple precision/recall/F1 and role accuracy, on the output of
  :func:`directive_nlp.pipeline.extract`. They are printed at the scorer's
  task-match threshold (token F1 ≥ 0.5) and at a stricter 0.7, because at 0.5
  neighbouring gold tasks are within reach of each other
  (docs/tasks.md, "How the scorer matches").
* **Agency-only figures** — no task extraction needed: for every gold
  sentence, :func:`directive_nlp.agencies.find_agencies` runs on the sentence
  and its mentions are compared with the gold agency names written in that
  sentence (names carried in from a heading or a labelled block are counted
  apart, searched in the whole document). Recall; precision twice: *strict*
  (mentions that are a gold agency of the sentence, over all mentions — every
  other body named, a cited issuer or the object of "chỉ đạo", counts as
  wrong), *boundary* (mentions overlapping a gold name's place in the
  sentence that match it: splitting and extent) and *document* (mentions
  that the document's gold names as an actor or a report recipient somewhere).
* **Deadline-only figures** — for every gold task with a deadline, the
  phrase is looked up in its sentence (or, when carried from a labelled
  block, in the document line holding it); right when a found phrase overlaps
  it and normalises to the same (kind, date | start, end | frequency).
* **Baseline** — the recall of underthesea's own CRF ``ner`` (ORG spans) on
  the same gold agency names.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from .errors import InputError

__all__ = [
    "TASK_MATCH", "AGENCY_MATCH", "norm", "norm_agency", "token_f1", "same_agency", "deadline_key",
    "count", "report", "GoldDocument", "find_gold_documents", "agency_counts", "deadline_counts",
    "baseline_counts", "evaluate", "format_report",
]

# ---------------------------------------------------------------------------
# score.py, vendored (keep in step with the corpus's scorer; a test checks they agree)
# ---------------------------------------------------------------------------

TASK_MATCH = 0.5
AGENCY_MATCH = 0.8

_TONE_PAIRS = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_ABBREV = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân",
    "mttq": "mặt trận tổ quốc", "bcs": "ban cán sự", "btv": "ban thường vụ",
    "bch": "ban chấp hành", "bcđ": "ban chỉ đạo", "vksnd": "viện kiểm sát nhân dân",
    "tand": "tòa án nhân dân", "ca": "công an", "lđtbxh": "lao động thương binh và xã hội",
}
_LEADING = ("các ", "những ", "toàn thể ")


def norm(text: str) -> str:
    """NFC, lower case, new-style tone placement, punctuation dropped (score.py ``norm``)."""
    text = unicodedata.normalize("NFC", text or "").lower()
    for old, new in _TONE_PAIRS.items():
        text = re.sub(old + r"(?=\b|[^a-zà-ỹđ])", new, text)
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(text.split())


def norm_agency(name: str) -> str:
    words = [_ABBREV.get(w, w) for w in norm(name).split()]
    text = " ".join(words)
    for lead in _LEADING:
        if text.startswith(lead):
            text = text[len(lead):]
    return text


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(a.split()), Counter(b.split())
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(tb.values()), common / sum(ta.values())
    return 2 * p * r / (p + r)


def same_agency(a: str, b: str) -> bool:
    a, b = norm_agency(a), norm_agency(b)
    return a == b or token_f1(a, b) >= AGENCY_MATCH


def deadline_key(d: Optional[dict]):
    if not d or not isinstance(d, dict):
        return None
    kind = d.get("kind")
    if kind in ("by", "on"):
        return (kind, d.get("date"))
    if kind == "period":
        return (kind, d.get("start"), d.get("end"))
    if kind == "recurring":
        return (kind, d.get("frequency"))
    return (kind,)


def _agencies(task: dict) -> list[dict]:
    out = []
    for a in task.get("agencies") or []:
        a = {"name": a, "role": "lead"} if isinstance(a, str) else a
        if isinstance(a, dict) and str(a.get("name") or "").strip():
            out.append(a)
    return out


def pair_tasks(gold: list[dict], pred: list[dict], task_match: float = TASK_MATCH) -> list[tuple[int, int]]:
    """One-to-one pairs by descending similarity (score.py ``pair_tasks``, threshold as a parameter).

    As in score.py, the similarity of the source sentences breaks near-ties
    and the share of agencies in common breaks what is left (the same task
    text given to different bodies under different headings), so the order
    of the predictions never changes the score.
    """
    gn = [norm(str(g.get("task") or "")) for g in gold]
    pn = [norm(str(p.get("task") or "")) for p in pred]
    gs = [norm(str(g.get("sentence") or "")) for g in gold]
    ps = [norm(str(p.get("sentence") or "")) for p in pred]
    ga, pa = [_agencies(g) for g in gold], [_agencies(p) for p in pred]
    scored = []
    for i, g in enumerate(gn):
        for j, p in enumerate(pn):
            s = token_f1(g, p)
            if s >= task_match:
                shared = len(match_agencies(ga[i], pa[j])) / max(1, len(ga[i]), len(pa[j]))
                scored.append((s + 0.5 * token_f1(gs[i], ps[j]) + 0.01 * shared, i, j))
    scored.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in scored:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def match_agencies(ga: list[dict], pa: list[dict]) -> list[tuple[dict, dict]]:
    out, used = [], set()
    for g in ga:
        for j, p in enumerate(pa):
            if j not in used and same_agency(g["name"], p["name"]):
                used.add(j)
                out.append((g, p))
                break
    return out


def count(gold: list[dict], pred: list[dict], task_match: float = TASK_MATCH) -> Counter:
    """The scorer's counts for one document (score.py ``count``)."""
    c: Counter = Counter()
    c["gold_tasks"], c["pred_tasks"] = len(gold), len(pred)
    c["gold_agencies"] = sum(len(_agencies(g)) for g in gold)
    c["pred_agencies"] = sum(len(_agencies(p)) for p in pred)
    c["gold_deadlines"] = sum(1 for g in gold if deadline_key(g.get("deadline")))
    c["pred_deadlines"] = sum(1 for p in pred if deadline_key(p.get("deadline")))
    c["gold_triples"], c["pred_triples"] = c["gold_agencies"], c["pred_agencies"]
    for i, j in pair_tasks(gold, pred, task_match):
        g, p = gold[i], pred[j]
        c["task_tp"] += 1
        gk, pk = deadline_key(g.get("deadline")), deadline_key(p.get("deadline"))
        if gk and gk == pk:
            c["deadline_tp"] += 1
        for ag, ap in match_agencies(_agencies(g), _agencies(p)):
            c["agency_tp"] += 1
            c["role_ok"] += (ag.get("role") or "lead") == (ap.get("role") or "lead")
            if gk == pk:
                c["triple_tp"] += 1
    return c


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(c: Counter) -> dict:
    """score.py ``report``: P/R/F1 per family and role accuracy."""
    out: dict[str, Any] = {}
    for name in ("task", "agency", "deadline", "triple"):
        key = {"task": "tasks", "agency": "agencies", "deadline": "deadlines", "triple": "triples"}[name]
        p, r, f = prf(c[name + "_tp"], c["pred_" + key], c["gold_" + key])
        out[name] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                     "tp": c[name + "_tp"], "pred": c["pred_" + key], "gold": c["gold_" + key]}
    out["role_accuracy"] = round(c["role_ok"] / c["agency_tp"], 4) if c["agency_tp"] else 0.0
    return out


# ---------------------------------------------------------------------------
# gold documents
# ---------------------------------------------------------------------------

FORMS = ("md", "txt", "plain", "plainpad", "pdftext", "pdf", "docx", "badfont", "scanned")
#: the forms read from ``NAME.md`` beside the gold (``plain``/``plainpad``: its markup stripped, see :func:`as_plain`)
_FROM_MD = ("md", "txt", "plain", "plainpad")
#: where each rendered form lives beside the gold (``rendered/NAME…``); the
#: bad-font and scanned PDFs exist for a few documents only and are reported
#: apart, as forms of their own
_RENDERED = {
    "pdf": "{name}.pdf",
    "pdftext": "{name}.pdf",  # its text layer copied out as plain text (see as_pdf_text)
    "docx": "{name}.docx",
    "badfont": "{name}.badfont.pdf",
    "scanned": "{name}.scanned.pdf",
}


@dataclass
class GoldDocument:
    """One document with gold: its name, the file to read for ``form``, and the gold tasks."""

    name: str
    path: Path
    gold_path: Path
    gold: list[dict] = field(default_factory=list)


def load_gold(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (ValueError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: not a gold JSONL file ({type(e).__name__})", code="gold") from None


def iter_gold_files(dirs: Iterable[Path]) -> Iterator[tuple[Path, str, Path]]:
    """``(folder, NAME, folder/NAME.gold.jsonl)`` for every gold file in ``dirs``, sorted per folder;
    a path that is not a folder is one line (usage)."""
    for d in map(Path, dirs):
        if not d.is_dir():
            raise InputError(f"{d}: not a folder (give folders holding NAME.gold.jsonl files)", code="usage")
        for gp in sorted(d.glob("*.gold.jsonl")):
            yield d, gp.name[: -len(".gold.jsonl")], gp


def find_gold_documents(dirs: Iterable[Path], form: str = "md") -> list[GoldDocument]:
    """Every ``NAME.gold.jsonl`` under ``dirs`` with its document in ``form``.

    For ``md`` (and ``txt``, the same file read as plain text, see
    :func:`evaluate`) the document is ``NAME.md`` beside the gold; for
    ``pdf`` and ``docx`` it is ``rendered/NAME.pdf|docx``, for ``badfont``
    and ``scanned`` ``rendered/NAME.badfont.pdf`` / ``NAME.scanned.pdf``.
    A gold whose document is absent in that form is skipped.
    """
    if form not in FORMS:
        raise InputError(f"unknown form {form!r}; use one of {', '.join(FORMS)}", code="usage")
    docs: list[GoldDocument] = []
    for d, name, gp in iter_gold_files(dirs):
        if form in _FROM_MD:
            path = d / f"{name}.md"
        else:
            path = d / "rendered" / _RENDERED[form].format(name=name)
        if path.exists():
            docs.append(GoldDocument(name, path, gp, load_gold(gp)))
    return docs


def as_txt(doc: GoldDocument, folder: Path) -> Path:
    """``NAME.md`` copied into ``folder`` as ``NAME.txt``: the form a user
    hands over when the Markdown was saved from a word processor or a web
    page (the reader must sniff the markup, not trust the extension)."""
    target = Path(folder) / f"{doc.name}.txt"
    target.write_bytes(doc.path.read_bytes())
    return target


_MD_SEPARATOR_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
#: a ``*`` that is emphasis, not a bullet opening the line ("* Nội dung")
_MD_STAR_RE = re.compile(r"(?<!^)\*|^\*(?! )")


def plain_line(line: str, *, pad: bool = False) -> Optional[str]:
    """One Markdown line as a user's plain text has it (None: a table separator row, dropped).

    A row ``| a | b |`` becomes its cells joined by a TAB (what Word's copy writes), or with
    ``pad`` padded to the next multiple of 8 columns plus two spaces at least (what
    ``pdftotext -layout`` writes); ``**``/``__`` and ``*italic*`` markers (every ``*`` but a
    bullet opening the line) and leading ``#``s go."""
    s = line.replace("**", "").replace("__", "")
    s = _MD_STAR_RE.sub("", s)
    st = s.strip()
    if st.startswith("|") and st.endswith("|") and len(st) > 1:
        if _MD_SEPARATOR_RE.match(st):
            return None
        cells = [c.strip() for c in st[1:-1].split("|")]
        if not pad:
            return "\t".join(cells)
        out = ""
        for c in cells[:-1]:
            out += c + " " * (2 + (-(len(c) + 2)) % 8)
        return out + cells[-1]
    return re.sub(r"^#{1,6}\s+", "", s)


def as_plain(doc: GoldDocument, folder: Path, *, pad: bool = False) -> Path:
    """``NAME.md`` with its Markdown markup stripped (:func:`plain_line`), written into
    ``folder`` as ``NAME.txt``: the text a user copies out of Word (tables as TAB-separated
    lines) or out of a PDF (``pad``: cells padded with spaces), no bold, no ``#``."""
    lines = doc.path.read_text(encoding="utf-8").splitlines()
    kept = [p for p in (plain_line(line, pad=pad) for line in lines) if p is not None]
    target = Path(folder) / f"{doc.name}.txt"
    target.write_text("\n".join(kept) + "\n", encoding="utf-8")
    return target


def as_pdf_text(doc: GoldDocument, folder: Path) -> Path:
    """The text layer of ``rendered/NAME.pdf`` as a PDF viewer's copy gives it (pdfplumber's
    ``extract_text``: wrapped lines, no blank line between paragraphs, tables flattened), its
    pages joined by form feeds, written into ``folder`` as ``NAME.txt``."""
    import pdfplumber

    with pdfplumber.open(doc.path) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    target = Path(folder) / f"{doc.name}.txt"
    target.write_text("\n\f".join(pages) + "\n", encoding="utf-8")
    return target


def _form_path(doc: GoldDocument, form: str, folder: Path) -> Path:
    """The file ``evaluate`` reads for ``doc`` in ``form`` (a temporary copy for txt and plain)."""
    if form == "txt":
        return as_txt(doc, folder)
    if form in ("plain", "plainpad"):
        return as_plain(doc, folder, pad=form == "plainpad")
    if form == "pdftext":
        return as_pdf_text(doc, folder)
    return doc.path


# ---------------------------------------------------------------------------
# agency-only and deadline-only figures
# ---------------------------------------------------------------------------


def _sentences(gold: list[dict]) -> dict[str, dict[str, list[str]]]:
    """Gold agency names and report_to per distinct sentence."""
    out: dict[str, dict[str, list[str]]] = {}
    for t in gold:
        d = out.setdefault(t.get("sentence") or "", {"agencies": [], "report_to": []})
        for a in _agencies(t):
            if a["name"] not in d["agencies"]:
                d["agencies"].append(a["name"])
        for r in t.get("report_to") or []:
            if r not in d["report_to"]:
                d["report_to"].append(r)
    return out


def agency_counts(gold: list[dict], doc_text: str = "", *, finder: Optional[Callable] = None) -> Counter:
    """Agency-only counts for one document (see the module docstring).

    Keys: ``gold`` (names written in their sentence), ``found``, ``mentions``,
    ``strict_tp``, ``doc_tp`` (mentions that are an agency or report_to somewhere in
    the document's gold), ``boundary_pred``, ``boundary_tp``, ``carried`` (names not in
    their sentence), ``carried_found`` (found by the recogniser somewhere in the
    document text).
    """
    from .agencies import find_agencies

    finder = finder or find_agencies
    c: Counter = Counter()
    doc_mentions = None
    sents = _sentences(gold)
    doc_bodies = {n for d in sents.values() for n in d["agencies"] + d["report_to"]}
    for sent, d in sents.items():
        mentions = finder(sent)
        names = [m.name for m in mentions]
        written = [a for a in d["agencies"] if a in sent]
        for a in d["agencies"]:
            if a in sent:
                continue
            c["carried"] += 1
            if doc_text:
                if doc_mentions is None:
                    doc_mentions = {m.name for m in finder(doc_text)}
                c["carried_found"] += any(same_agency(a, n) for n in doc_mentions)
        c["gold"] += len(written)
        c["found"] += sum(1 for a in written if any(same_agency(a, n) for n in names))
        c["mentions"] += len(names)
        c["strict_tp"] += sum(1 for n in names if any(same_agency(a, n) for a in written))
        c["doc_tp"] += sum(1 for n in names if any(same_agency(a, n) for a in doc_bodies))
        # boundary precision: mentions overlapping where a gold name is written
        places = []
        for a in written:
            for m in re.finditer(re.escape(a), sent):
                places.append((m.start(), m.end(), a))
        for m in mentions:
            over = [a for s, e, a in places if m.start < e and s < m.end]
            if over:
                c["boundary_pred"] += 1
                c["boundary_tp"] += any(same_agency(a, m.name) for a in over)
    return c


def deadline_counts(gold: list[dict], doc_text: str = "", *, doc_date: Optional[date] = None) -> Counter:
    """Deadline-only counts for one document.

    Keys: ``gold`` (tasks with a deadline), ``found`` (a phrase found over the
    gold text), ``right`` (and normalised equal), ``sentences`` and
    ``extra`` (phrases found in gold sentences that are no gold deadline there).
    """
    from .deadlines import find_deadlines

    c: Counter = Counter()
    lines = doc_text.split("\n") if doc_text else []
    for t in gold:
        d = t.get("deadline")
        if not deadline_key(d):
            continue
        c["gold"] += 1
        where = t.get("sentence") or ""
        if d["text"] not in where:
            hits = [ln for ln in lines if d["text"] in ln]
            if not hits:
                hits = [ln for ln in lines if norm(d["text"]) in norm(ln)]
            where = hits[0] if hits else d["text"]
        i = where.find(d["text"])
        lo, hi = (i, i + len(d["text"])) if i >= 0 else (0, len(where))
        over = [m for m in find_deadlines(where, doc_date=doc_date) if m.start < hi and lo < m.end]
        c["found"] += bool(over)
        c["right"] += any(deadline_key(m.deadline.model_dump()) == deadline_key(d) for m in over)
    seen: dict[str, list[str]] = {}
    for t in gold:
        s = t.get("sentence") or ""
        texts = seen.setdefault(s, [])
        if t.get("deadline"):
            texts.append(t["deadline"]["text"])
    for s, texts in seen.items():
        c["sentences"] += 1
        for m in find_deadlines(s, doc_date=doc_date):
            if not any(m.start < s.find(x) + len(x) and s.find(x) < m.end for x in texts if x in s):
                c["extra"] += 1
    return c


def _ner_orgs(sentence: str) -> list[str]:
    """ORG spans of underthesea's CRF ``ner`` (B-ORG/I-ORG runs joined)."""
    from underthesea import ner

    spans: list[list[str]] = []
    for item in ner(sentence):
        word, tag = item[0], item[-1]
        if tag == "B-ORG" or (tag == "I-ORG" and not spans):
            spans.append([word])
        elif tag == "I-ORG":
            spans[-1].append(word)
    return [" ".join(s) for s in spans]


def baseline_counts(gold: list[dict]) -> Counter:
    """Recall of underthesea ``ner`` ORG spans on the gold agency names written in their sentence."""
    c: Counter = Counter()
    for sent, d in _sentences(gold).items():
        written = [a for a in d["agencies"] if a in sent]
        if not written:
            continue
        orgs = _ner_orgs(sent)
        c["gold"] += len(written)
        c["orgs"] += len(orgs)
        c["found"] += sum(1 for a in written if any(same_agency(a, o) for o in orgs))
    return c


# ---------------------------------------------------------------------------
# the whole evaluation
# ---------------------------------------------------------------------------


def _ratio(a: int, b: int) -> Optional[float]:
    return round(a / b, 4) if b else None


def _doc_date(meta: Any) -> Optional[date]:
    try:
        return date.fromisoformat(str(meta.issued_date)[:10]) if meta and meta.issued_date else None
    except ValueError:
        return None


def _summaries(ag: Counter, dl: Counter, bl: Counter) -> dict[str, Any]:
    return {
        "agency_only": {
            "recall": _ratio(ag["found"], ag["gold"]),
            "precision_strict": _ratio(ag["strict_tp"], ag["mentions"]),
            "precision_boundary": _ratio(ag["boundary_tp"], ag["boundary_pred"]),
            "precision_document": _ratio(ag["doc_tp"], ag["mentions"]),
            "gold": ag["gold"], "found": ag["found"], "mentions": ag["mentions"],
            "carried": ag["carried"], "carried_found": ag["carried_found"],
        },
        "deadline_only": {
            "right": _ratio(dl["right"], dl["gold"]),
            "found": _ratio(dl["found"], dl["gold"]),
            "gold": dl["gold"], "right_n": dl["right"], "extra_phrases": dl["extra"],
        },
        "baseline_ner": {"recall": _ratio(bl["found"], bl["gold"]), "gold": bl["gold"], "orgs": bl["orgs"]}
        if bl else None,
    }


def _recogniser_figures(d: GoldDocument, finder: Callable, baseline: bool) -> tuple[Counter, Counter, Counter]:
    """Agency-only, deadline-only and baseline counts of one document (read
    from its Markdown when there is one: these figures do not depend on the
    form)."""
    from .pipeline import load_text

    md_path = d.gold_path.with_name(f"{d.name}.md")
    ndoc = load_text(md_path if md_path.exists() else d.path, force=True)
    meta = None
    try:
        from .structure import parse_structure
        from .structure.metadata import extract_metadata

        meta = extract_metadata(ndoc, parse_structure(ndoc))
    except Exception:  # metadata is only the date anchor here
        meta = None
    ag = agency_counts(d.gold, ndoc.text, finder=finder)
    dl = deadline_counts(d.gold, ndoc.text, doc_date=_doc_date(meta))
    bl = baseline_counts(d.gold) if baseline else Counter()
    return ag, dl, bl


def _task_counts(extract: Callable, d: GoldDocument, path: Path, gazetteer: Optional[Path],
                 model: Any = "default") -> dict[float, Counter]:
    result = extract(path, gazetteer=gazetteer, model=model)
    pred = [t.model_dump() for t in result.tasks]
    return {th: count(d.gold, pred, th) for th in (0.5, 0.7)}


def is_measured(name: str, measured: Iterable[str]) -> bool:
    """Whether document ``name`` is in the measured half (its name starts
    with one of the ``measured`` prefixes, e.g. "18_" or "18")."""
    return any(name == m or name.startswith(m if m.endswith("_") else m + "_") for m in measured)


def evaluate(dirs: Iterable[Path], *, form: str = "md", tasks: bool = True, baseline: bool = True,
             gazetteer: Optional[Path] = None, progress: Optional[Callable[[str], None]] = None,
             measured: Iterable[str] = (), model: Any = "default") -> dict[str, Any]:
    """Evaluate every gold document under ``dirs`` (see the module docstring).

    Returns a JSON-able dict: ``documents`` (per name) and ``total``, each with
    ``tasks`` (score.py report at 0.5 and 0.7, or None with ``tasks=False``),
    ``agency_only``, ``deadline_only`` and
    ``baseline_ner``; ``errors`` lists documents that failed. With
    ``measured`` (document-name prefixes), ``halves`` holds the pooled task
    report at 0.5 of the read half (the others) and of the measured half.
    Form ``txt`` reads each ``NAME.md`` copied to a temporary ``NAME.txt``; ``plain`` and
    ``plainpad`` its markup stripped (:func:`as_plain`); ``pdftext`` the text copied out of
    ``rendered/NAME.pdf`` (:func:`as_pdf_text`).
    ``model``: the learned decisions used by the extractor ("default", None
    for rules only, or a model directory; see :mod:`directive_nlp.learn`).
    """
    import tempfile
    from functools import partial

    from .agencies import find_agencies, load_user_gazetteer

    docs = find_gold_documents(dirs, form)
    if not docs:
        raise InputError(f"no NAME.gold.jsonl with a {form} document under the given folders", code="usage")
    gz = load_user_gazetteer(gazetteer) if gazetteer else None
    finder = partial(find_agencies, gazetteer=gz) if gz else find_agencies
    notes: list[str] = []
    from .pipeline import extract as _extract

    extract = _extract if tasks else None
    measured = tuple(measured)
    totals = {0.5: Counter(), 0.7: Counter()}
    halves = {"read": Counter(), "measured": Counter()}
    ag_t, dl_t, bl_t = Counter(), Counter(), Counter()
    out_docs: dict[str, Any] = {}
    errors: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="dnlp-eval-") as tmp:
        for d in docs:
            if progress:
                progress(d.name)
            try:
                ag, dl, bl = _recogniser_figures(d, finder, baseline)
            except InputError as e:
                errors[d.name] = str(e)
                continue
            ag_t, dl_t, bl_t = ag_t + ag, dl_t + dl, bl_t + bl
            entry: dict[str, Any] = dict(_summaries(ag, dl, bl), tasks=None)
            if extract is not None:
                try:
                    path = _form_path(d, form, Path(tmp))
                    counts = _task_counts(extract, d, path, gazetteer, model)
                except InputError as e:
                    errors[d.name] = str(e)
                except Exception as e:  # one failing document must not stop the batch
                    errors[d.name] = f"extraction failed: {type(e).__name__}: {e}"
                else:
                    for th, c in counts.items():
                        totals[th] += c
                    halves["measured" if is_measured(d.name, measured) else "read"] += counts[0.5]
                    entry["tasks"] = {str(th): report(c) for th, c in counts.items()}
            out_docs[d.name] = entry
    total = _summaries(ag_t, dl_t, bl_t)
    total["tasks"] = {str(th): report(c) for th, c in totals.items()} if extract is not None else None
    rep = {"form": form, "documents": out_docs, "total": total, "errors": errors, "notes": notes}
    if measured and extract is not None:
        rep["halves"] = {k: report(c) for k, c in halves.items()}
        rep["measured"] = [n for n in out_docs if is_measured(n, measured)]
    return rep


def _f(x: Optional[float]) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def format_report(rep: dict[str, Any]) -> str:
    """The evaluation as aligned text (what ``directive-nlp evaluate`` prints)."""
    lines: list[str] = []
    w = max([len(n) for n in rep["documents"]] + [5])
    lines.append(f"form: {rep['form']}")
    head = (f"{'document':{w}s}  ag_R  ag_P(strict) ag_P(bound) dl_right ner_R | "
            f"task_F1 agency_F1 deadline_F1 triple_F1 role @0.5 | triple_F1 @0.7")
    lines.append(head)
    for name, e in list(rep["documents"].items()) + [("TOTAL", rep["total"])]:
        a, dl, b, t = e["agency_only"], e["deadline_only"], e["baseline_ner"], e["tasks"]
        s = (f"{name:{w}s} {_f(a['recall'])}    {_f(a['precision_strict'])}       {_f(a['precision_boundary'])}"
             f"     {_f(dl['right'])}   {_f(b['recall'] if b else None)} |")
        if t:
            r5, r7 = t["0.5"], t["0.7"]
            s += (f" {_f(r5['task']['f1'])}   {_f(r5['agency']['f1'])}     {_f(r5['deadline']['f1'])}      "
                  f"{_f(r5['triple']['f1'])}    {_f(r5['role_accuracy'])} | {_f(r7['triple']['f1'])}")
        else:
            s += " (no task figures)"
        lines.append(s)
    tot = rep["total"]
    a, dl = tot["agency_only"], tot["deadline_only"]
    lines.append("")
    lines.append(f"agency-only: recall {_f(a['recall'])} ({a['found']}/{a['gold']} names written in their sentence), "
                 f"precision strict {_f(a['precision_strict'])} ({a['mentions']} mentions), "
                 f"boundary {_f(a['precision_boundary'])}, document {_f(a['precision_document'])}; names carried from headings/blocks: "
                 f"{a['carried_found']}/{a['carried']} found in the document")
    lines.append(f"deadline-only: normalised right {_f(dl['right'])} ({dl['right_n']}/{dl['gold']}), "
                 f"phrase found {_f(dl['found'])}, {dl['extra_phrases']} other phrases in gold sentences")
    if tot["baseline_ner"]:
        b = tot["baseline_ner"]
        lines.append(f"baseline underthesea ner (ORG): recall {_f(b['recall'])} on {b['gold']} names ({b['orgs']} ORG spans)")
    if tot["tasks"]:
        for th in ("0.5", "0.7"):
            r = tot["tasks"][th]
            lines.append(f"tasks @{th}: " + "  ".join(
                f"{k} P={r[k]['precision']:.3f} R={r[k]['recall']:.3f} F1={r[k]['f1']:.3f}"
                for k in ("task", "agency", "deadline", "triple")) + f"  role_accuracy={r['role_accuracy']:.3f}")
        for half, r in (rep.get("halves") or {}).items():
            if not r["task"]["gold"]:
                lines.append(f"{half} half @0.5: no document of this half has this form")
                continue
            lines.append(f"{half} half @0.5: " + "  ".join(
                f"{k} F1={r[k]['f1']:.3f}" for k in ("task", "agency", "deadline", "triple"))
                + f"  ({r['task']['gold']} gold tasks)")
        lines.append(f"triple_f1={tot['tasks']['0.5']['triple']['f1']:.4f}")
    for n in rep.get("notes") or []:
        lines.append(f"note: {n}")
    for name, err in (rep.get("errors") or {}).items():
        lines.append(f"error: {name}: {err}")
    return "\n".join(lines)
