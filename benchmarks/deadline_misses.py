"""List the deadline misses of the READ half, one line each, grouped by class.

    python benchmarks/deadline_misses.py ../shared/corpus/dev ../shared/corpus/extra [--form md]

Pairs predicted and gold tasks as score.py does (task match 0.5) and prints,
per document, every task pair whose deadlines differ:

* ``MISS``  — the gold task has a deadline, its predicted task none;
* ``EXTRA`` — the predicted task has a deadline the gold task has not;
* ``WRONG`` — both have one, of another kind or date;
* ``NOTASK`` — a dated gold task that no predicted task matches;
* ``FALSETASK`` — a dated predicted task that matches no gold task.

The measured half (``--measured``, default extra 11, 18, 19, 22, 23, the split of
docs/deadlines.md) is skipped: its misses are never read to tune rules.
Exit 2 with one line when no gold document is found.
"""

from __future__ import annotations

from collections import Counter

from _halves import gold_documents, miss_parser

from directive_nlp.evaluation import deadline_key, pair_tasks
from directive_nlp.pipeline import extract



def _dl(t: dict) -> str:
    d = t.get("deadline") or {}
    return f"{deadline_key(d)} «{d.get('text')}»" if d else "None"


def document_misses(gold: list[dict], pred: list[dict]) -> list[tuple[str, str]]:
    """(class, line) for each deadline miss of one document."""
    pairs = dict(pair_tasks(gold, pred))
    paired = set(pairs.values())
    out: list[tuple[str, str]] = []
    for i, g in enumerate(gold):
        j = pairs.get(i)
        gk = deadline_key(g.get("deadline"))
        pk = deadline_key(pred[j].get("deadline")) if j is not None else None
        if gk == pk or (j is None and not gk):
            continue
        if j is None:
            out.append(("NOTASK", f"[{g.get('section')}] {g['task'][:90]} | gold {_dl(g)}"))
            continue
        cls = "WRONG" if gk and pk else ("MISS" if gk else "EXTRA")
        out.append((cls, f"[{pred[j].get('section')}] {pred[j]['task'][:90]} | gold {_dl(g)} | pred {_dl(pred[j])}"))
    for j, p in enumerate(pred):
        if j not in paired and deadline_key(p.get("deadline")):
            out.append(("FALSETASK", f"[{p.get('section')}] {p['task'][:90]} | pred {_dl(p)}"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = miss_parser(__doc__.split("\n")[0], "document-name prefixes of the measured half (skipped)")
    args = ap.parse_args(argv)
    docs = gold_documents(args)
    if docs is None:
        return 2
    totals: Counter = Counter()
    for d in docs:
        pred = [t.model_dump(mode="json") for t in extract(d.path).tasks]
        misses = document_misses(d.gold, pred)
        totals.update(c for c, _ in misses)
        print(f"== {d.name}: {len(misses)} misses")
        for cls, line in sorted(misses):
            print(f"  {cls:9} {line}")
    print("total:", ", ".join(f"{c} {n}" for c, n in sorted(totals.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
