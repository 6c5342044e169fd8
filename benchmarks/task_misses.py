"""Task segmentation: counts for every gold document, misses by class for the READ half only.

    python benchmarks/task_misses.py ../shared/corpus/dev ../shared/corpus/extra [--form md] [--counts-only]

First a table for every gold document (both halves: aggregate counts only):
gold and predicted task counts, matched pairs (score.py's pairing, task match
0.5), task precision and recall, and the ratio predicted / gold (above 1:
over-splitting or tasks the gold does not have; below 1: under-splitting or
lost tasks). Pooled per half.

Then, for the read half only, every unmatched gold task (``LOST``) and every
unmatched predicted task (``FALSE``), one line each, sorted into classes:

* ``table``      — in a table row (section ``…rowN``);
* ``preamble``   — in the preamble (background, "Căn cứ …" bases);
* ``execution``  — under a "Tổ chức thực hiện" part;
* ``target``     — reads as a target or indicator ("Phấn đấu …", "…%", "đạt …");
* ``heading``    — the text ends in a colon or is its section's heading;
* ``oversplit``  — a lost gold task whose text holds two or more predicted tasks;
* ``fragment``   — a false task lying inside one gold task (split too finely);
* ``glued``      — a false task holding two or more gold tasks, or a lost gold
  task lying inside one predicted task (kept whole against the gold);
* ``short``/``long`` — the nearest counterpart overlaps 0.3–0.5 (text cut too
  short / run too long: the pair fails the 0.5 match);
* ``none``       — no counterpart at all (a task the gold has not, or one lost).

The measured half (``--measured``, default extra 11 and 18–23) is never listed:
its misses are not read to tune rules. Exit 2 with one line when no gold
document is found.
"""

from __future__ import annotations

import re
from collections import Counter

from _halves import gold_documents, measured_prefixes, miss_parser

from directive_nlp.evaluation import is_measured, norm, pair_tasks, token_f1
from directive_nlp.pipeline import extract

_TARGET = re.compile(r"^(phấn đấu|đạt|trên|dưới|tối thiểu|ít nhất|100|\d+ ?%)|\d ?%", re.I)
_EXECUTION = re.compile(r"tổ chức thực hiện|trách nhiệm thực hiện|phân công", re.I)


def _inside(small: str, big: str) -> float:
    """Share of ``small``'s syllables found in ``big`` (both normalised)."""
    s, b = Counter(small.split()), Counter(big.split())
    return sum((s & b).values()) / max(1, sum(s.values()))


def _section_titles(sections: list[dict]) -> dict[str, str]:
    """Section id → its heading and its ancestors' headings, joined (to find the part a task is in)."""
    by_id = {s["id"]: s for s in sections}
    out = {}
    for sid, s in by_id.items():
        parts, cur = [], s
        while cur is not None:
            parts.append(cur.get("heading") or "")
            cur = by_id.get(cur.get("parent") or "")
        out[sid] = " / ".join(reversed(parts))
    return out


def classify(t: dict, others: list[dict], titles: dict[str, str], lost: bool) -> str:
    """The class of one unmatched task ``t`` (a lost gold task when ``lost``) given the other side's tasks."""
    sec = str(t.get("section") or "")
    text = norm(t.get("task") or "")
    if re.search(r"row\d", sec):
        return "table"
    if sec.startswith("preamble"):
        return "preamble"
    if _TARGET.search(t.get("task") or ""):
        return "target"
    raw = (t.get("task") or "").rstrip()
    if raw.endswith(":") or norm(titles.get(sec, "").split(" / ")[-1]) == text:
        return "heading"
    others_n = [norm(o.get("task") or "") for o in others]
    held = [o for o in others_n if o and _inside(o, text) >= 0.8]
    if len(held) >= 2:
        return "oversplit" if lost else "glued"
    if any(o and _inside(text, o) >= 0.8 for o in others_n):
        return "glued" if lost else "fragment"
    best = max((token_f1(text, o) for o in others_n), default=0.0)
    if best >= 0.3:
        near = max(others_n, key=lambda o: token_f1(text, o))
        return "short" if len(text.split()) < len(near.split()) else "long"
    if _EXECUTION.search(titles.get(sec, "")):
        return "execution"
    return "none"


def document_misses(gold: list[dict], pred: list[dict], titles: dict[str, str]) -> list[tuple[str, str, str]]:
    """(side, class, line) for each unmatched gold (LOST) or predicted (FALSE) task.

    For a lost gold task the class is seen from the gold side ("short" = the gold
    text is shorter than its nearest prediction, so the prediction ran long)."""
    pairs = pair_tasks(gold, pred)
    g_used, p_used = {i for i, _ in pairs}, {j for _, j in pairs}
    out = []
    for i, g in enumerate(gold):
        if i not in g_used:
            out.append(("LOST", classify(g, pred, titles, True), f"[{g.get('section')}] {g['task'][:110]}"))
    for j, p in enumerate(pred):
        if j not in p_used:
            out.append(("FALSE", classify(p, gold, titles, False), f"[{p.get('section')}] {p['task'][:110]}"))
    return out


def counts_line(name: str, gold: list[dict], pred: list[dict]) -> tuple[str, Counter]:
    """One row of the counts table and its sums."""
    m = len(pair_tasks(gold, pred))
    c = Counter(gold=len(gold), pred=len(pred), match=m)
    return _row(name, c), c


def _row(name: str, c: Counter) -> str:
    p = c["match"] / c["pred"] if c["pred"] else 0.0
    r = c["match"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    ratio = c["pred"] / c["gold"] if c["gold"] else 0.0
    return f"{name[:44]:44} {c['gold']:5} {c['pred']:5} {c['match']:5}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  pred/gold {ratio:.2f}"


def _run(docs, measured: list[str], counts_only: bool) -> None:
    halves = {"read": Counter(), "measured": Counter()}
    classes: Counter = Counter()
    listing: list[str] = []
    print(f"{'document':44} {'gold':>5} {'pred':>5} {'match':>5}")
    for d in docs:
        res = extract(d.path)
        pred = [t.model_dump(mode="json") for t in res.tasks]
        row, c = counts_line(d.name, d.gold, pred)
        half = "measured" if is_measured(d.name, measured) else "read"
        halves[half].update(c)
        print(row + ("  (measured)" if half == "measured" else ""))
        if half == "read" and not counts_only:
            titles = _section_titles([s.model_dump(mode="json") for s in res.sections])
            misses = document_misses(d.gold, pred, titles)
            classes.update((side, cls) for side, cls, _ in misses)
            listing.append(f"== {d.name}: {len(misses)} unmatched")
            listing += [f"  {side:5} {cls:9} {line}" for side, cls, line in sorted(misses)]
    for half, c in halves.items():
        print(_row(f"POOLED {half} half", c))
    if counts_only:
        return
    print("\n".join(listing))
    print("classes (read half):", ", ".join(f"{s} {k} {n}" for (s, k), n in sorted(classes.items())))


def main(argv: list[str] | None = None) -> int:
    ap = miss_parser(__doc__.split("\n")[0], "document-name prefixes of the measured half (never listed)")
    ap.add_argument("--counts-only", action="store_true", help="only the counts table")
    args = ap.parse_args(argv)
    docs = gold_documents(args, read_half_only=False)
    if docs is None:
        return 2
    _run(docs, measured_prefixes(args), args.counts_only)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
