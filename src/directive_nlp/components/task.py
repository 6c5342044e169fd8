"""``dnlp_task_extractor``: tasks of a whole document into ``doc.spans["task"]``.

The component reads the Doc's text as a document (Markdown or plain text:
it is normalised the way ``directive-nlp text`` prints it, and task spans are
mapped back to the Doc's own characters), parses its sections and runs
:func:`directive_nlp.tasks.extract_tasks` — the same rules as
``directive-nlp extract``. Each task becomes a span over its ``task`` text
(snapped to tokens), with

* ``span.label_`` — the role frame that produced it (``span._.dnlp_rule``);
* ``span.kb_id_`` — the canonical name of its first lead body ("" if none);
* ``span._.dnlp_task`` — the full task record (OUTPUT.md ``tasks[]`` item).

``doc._.dnlp_tasks`` holds the records in order. The component is rule-only
and keeps no state, so ``nlp.to_disk`` saves nothing for it but its config.
"""

from __future__ import annotations

from typing import Iterable, Union
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

DEFAULT_SPANS_KEY = "task"

if not Span.has_extension("dnlp_rule"):
    Span.set_extension("dnlp_rule", default=None)
if not Span.has_extension("dnlp_task"):
    Span.set_extension("dnlp_task", default=None)
if not Doc.has_extension("dnlp_tasks"):
    Doc.set_extension("dnlp_tasks", default=None)


class TaskExtractor:
    """Run the task rules on the Doc's text and store the tasks as spans."""

    def __init__(self, nlp: Language, name: str = "dnlp_task_extractor", *, spans_key: str = DEFAULT_SPANS_KEY) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from ..pipeline import extract_document, load_text

        text = doc.text
        spans: list[Span] = []
        records: list[dict] = []
        if text.strip():
            try:
                ndoc = load_text("document.txt", data=text.encode("utf-8"), force=True)
            except Exception:  # an empty or unreadable text gives no tasks, never a crash
                ndoc = None
            if ndoc is not None:
                same = ndoc.text == text
                offsets = ndoc.offsets if not same else None
                norm = ndoc.text
                result = extract_document(ndoc)
                for t in result.tasks:
                    rec = t.model_dump(mode="json")
                    records.append(rec)
                    if not t.span:
                        continue
                    s0, s1 = t.span
                    k = norm.find(t.task, s0, s1 + 1) if t.task else -1
                    a, b = (k, k + len(t.task)) if k >= 0 else (s0, s1)
                    if not same:
                        # the Doc holds raw text (markup, extra spaces): map normalised offsets back to it
                        if not offsets or b <= a or b - 1 >= len(offsets):
                            continue
                        a, b = offsets[a], offsets[b - 1] + 1
                    span = doc.char_span(a, b, label=(t.rule or "task").split(":")[0],
                                         kb_id=(t.agencies[0].canonical if t.agencies else ""),
                                         alignment_mode="expand")
                    if span is None:
                        continue
                    span._.dnlp_rule = t.rule
                    span._.dnlp_task = rec
                    spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.dnlp_tasks = records
        return doc

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> "TaskExtractor":
        return self


@Language.factory("dnlp_task_extractor", assigns=["doc.spans"], default_config={"spans_key": DEFAULT_SPANS_KEY})
def make_task_extractor(nlp: Language, name: str, spans_key: str) -> TaskExtractor:
    """Factory of ``dnlp_task_extractor`` (also the ``spacy_factories`` entry point)."""
    return TaskExtractor(nlp, name, spans_key=spans_key)
