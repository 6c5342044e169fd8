"""The model card (``MODEL_DIR/README.md``): data, features, decisions, figures."""

from __future__ import annotations

from pathlib import Path

from .model import DECISIONS, LearnedModel

__all__ = ["write_card"]

_WHAT = {
    "task": "is this extracted candidate a task? (drops candidates below the threshold)",
    "agency": "is this body an actor of the task? (drops bodies below the threshold)",
    "role": "is the body's role 'support' rather than 'lead'? (sets the role)",
    "add": "is a body named in the sentence, not chosen by the rules, an actor? (adds it)",
    "join": "are two neighbouring tasks of one sentence halves of one task? (joins them)",
}

_FEATURES = """\
Task features: the rule that produced the candidate (provenance), section id depth and kind
(roman, arabic, article, appendix row, preamble), text length, first one and two words,
verb at the start (the task lexicon's verbs), number of agencies, deadline and its kind,
report recipients, heading-likeness (upper-case share, final colon/period, a list marker,
the text equals its section heading), digits and percent signs (targets), position in the
document, tasks sharing the sentence.
Agency features: where the body is written (before the task text, inside it, after it,
elsewhere in the sentence, or carried from a heading, label or table column), the two
words before it (its frame word), whether it is named in the section's headings, its
type, the rule's role, how many bodies the task has and its order, name length and
first word, whether the task has a deadline and starts with a verb.
Join features (two neighbouring tasks of one sentence): the separator (comma, semicolon,
"và"), the rule, for each half its length, first one and two words, last one and two
words, verb and report word at the start, a determiner, bodies and deadline; whether the
halves have the same bodies, differing deadlines, how many tasks share the sentence.
No underthesea word features: they did not pay for their time (see docs/learning.md)."""


def write_card(model: LearnedModel, folder: Path, figures: str = "") -> Path:
    """Write the model card beside ``model.json``; ``figures`` is the ``--cv`` table when measured."""
    meta = model.meta
    lines = ["# Learned decisions of directive-nlp (model card)", "",
             "Logistic regressions (scikit-learn, L2) stored as JSON weights; applied after the rule",
             "mechanisms by `directive_nlp.learn.apply_model`. Licence: GPL-3.0-or-later.", "",
             "## Data", "",
             f"Trained {meta.get('trained', '?')} on {len(meta.get('documents', []))} documents with gold "
             f"({meta.get('cpu_seconds', '?')} CPU seconds):", ""]
    lines += [f"- {name}" for name in meta.get("documents", [])]
    lines += ["", "Labels: the candidates of the rules, paired with the gold by score.py's own matching.", "",
              "| decision | question | candidates | positive | threshold | enabled |", "|---|---|---|---|---|---|"]
    counts = meta.get("candidates", {})
    for name in DECISIONS:
        d = model.decisions.get(name)
        if d is None:
            continue
        c = counts.get(name, {})
        lines.append(f"| {name} | {_WHAT[name]} | {c.get('candidates', '?')} | {c.get('positive', '?')} | "
                     f"{d.threshold} | {'yes' if d.enabled else 'no (rule kept; confidence only)'} |")
    lines += ["", "## Features", "", _FEATURES, "", "## Figures", "",
              figures or "See docs/learning.md (`directive-nlp evaluate … --cv`).", ""]
    target = Path(folder) / "README.md"
    target.write_text("\n".join(lines), encoding="utf-8")
    return target
