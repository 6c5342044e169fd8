"""displaCy view of a document: its agencies, deadlines and tasks on the text.

``view_spans(doc)`` merges the three span groups the pipeline writes into one
group, ``doc.spans["dnlp_view"]``, labelled ``CƠ QUAN:lead`` … so that
``displacy.render(doc, style="span", options={"spans_key": "dnlp_view"})``
shows them at once (displaCy's span style draws overlapping spans stacked).

``render(doc)`` does that block by block — by default only the blocks that
hold a task, so a 40-page plan stays a readable page — and returns HTML (the
web page's "view" section, the notebook). Text is escaped by displaCy.

    >>> from directive_nlp.reader import read_doc
    >>> import directive_nlp
    >>> nlp = directive_nlp.load()
    >>> html = render(nlp(read_doc(nlp, "plan.pdf")))   # doctest: +SKIP
"""

from __future__ import annotations

from typing import Iterable, Optional

from spacy import displacy
from spacy.tokens import Doc, Span

from . import extensions as ext

__all__ = ["VIEW_KEY", "COLORS", "view_spans", "render", "render_text"]

VIEW_KEY = "dnlp_view"
TASK_LABEL = "NHIỆM VỤ"
AGENCY_LABEL = "CƠ QUAN"
DEADLINE_LABEL = "THỜI HẠN"
COLORS = {TASK_LABEL: "#cfe8ff", AGENCY_LABEL: "#ffd9a8", f"{AGENCY_LABEL}: chủ trì": "#ffb870",
          f"{AGENCY_LABEL}: phối hợp": "#ffe3bf", DEADLINE_LABEL: "#c9f2c7"}
_ROLE = {"lead": "chủ trì", "support": "phối hợp"}


def _agency_roles(doc: Doc) -> dict[tuple[int, int], str]:
    """Role of each agency span the tasks name (by character range), lead first."""
    roles: dict[tuple[int, int], str] = {}
    text = ext.doc_text(doc)
    for task in doc.spans.get(ext.TASK, []):
        rec = task._.dnlp_task or {}
        sentence = rec.get("sentence") or ""
        start = rec.get("span", [task.start_char])[0] if rec.get("span") else task.start_char
        for a in rec.get("agencies") or []:
            k = text.find(a.get("name") or "\0", start, start + len(sentence) + 1)
            if k >= 0:
                roles.setdefault((k, k + len(a["name"])), _ROLE.get(a.get("role"), ""))
    return roles


def view_spans(doc: Doc) -> list[Span]:
    """Agencies (with their role where a task names them), deadlines and tasks in one span group."""
    roles = _agency_roles(doc)
    spans: list[Span] = []
    for s in doc.spans.get(ext.AGENCY, []):
        role = roles.get(s._.dnlp_chars or (s.start_char, s.end_char))
        spans.append(Span(doc, s.start, s.end, label=f"{AGENCY_LABEL}: {role}" if role else AGENCY_LABEL))
    spans += [Span(doc, s.start, s.end, label=DEADLINE_LABEL) for s in doc.spans.get(ext.DEADLINE, [])]
    spans += [Span(doc, s.start, s.end, label=TASK_LABEL) for s in doc.spans.get(ext.TASK, [])]
    spans.sort(key=lambda s: (s.start, -s.end))
    doc.spans[VIEW_KEY] = spans
    return spans


def _lines(doc: Doc) -> list[Span]:
    """The Doc's lines as spans (a Doc made from a raw string has no block spans)."""
    out, pos = [], 0
    for line in ext.doc_text(doc).split("\n"):
        span = doc.char_span(pos, pos + len(line), alignment_mode="expand") if line.strip() else None
        if span is not None and (not out or span.start >= out[-1].end):
            out.append(span)
        pos += len(line) + 1
    return out


def _parts(doc: Doc, spans: list[Span], only_tasks: bool) -> Iterable[dict]:
    """displaCy's manual span input, one part per block (the whole Doc when it has no blocks)."""
    blocks = list(doc.spans.get(ext.BLOCK, [])) or _lines(doc)
    for b in blocks:
        inside = [s for s in spans if s.start >= b.start and s.end <= b.end]
        if only_tasks and not any(s.label_ == TASK_LABEL for s in inside):
            continue
        tokens = [t.text for t in b]
        if not tokens:
            continue
        yield {"text": b.text, "tokens": tokens,
               "spans": [{"start_token": s.start - b.start, "end_token": s.end - b.start, "label": s.label_}
                         for s in inside]}


def render(doc: Doc, *, only_tasks: bool = True, page: bool = False, max_parts: Optional[int] = None) -> str:
    """HTML of the document's agencies, deadlines and tasks (displaCy span style), block by block.

    Args:
        doc: a Doc the pipeline ran on.
        only_tasks: show only the blocks that hold a task.
        page: a whole HTML page instead of a fragment.
        max_parts: at most this many blocks (None: all).
    """
    parts = list(_parts(doc, view_spans(doc), only_tasks))
    if max_parts is not None:
        parts = parts[:max_parts]
    if not parts:
        return "<p>Không có nhiệm vụ để hiển thị. · No task to show.</p>"
    return displacy.render(parts, style="span", manual=True, page=page, jupyter=False,
                           options={"colors": COLORS})


def render_text(text: str, *, nlp=None, **options) -> str:
    """Run the pipeline on a string (a passage or a whole document's text) and render it."""
    if nlp is None:
        from .nlp import load

        nlp = load()
    return render(nlp(text), **options)
