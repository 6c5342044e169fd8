"""Which task-making mechanisms are general: disable each alone, measure on the read half and the no-gold documents.

For every name of ``directive_nlp.tasks.ablation.MECHANISMS`` (and each ``non_task_patterns[i]``), the
mechanism is switched off alone and the corpus re-extracted in this process:

* per READ-half gold document (the measured half is never extracted here): the change of triple F1 at task
  match 0.5 and of the number of tasks, as ``value = F1(on) - F1(off)`` (positive: the mechanism helps);
* on the 25 no-gold documents (``unlabelled/u*.md`` and the extra documents without gold, rules only like
  /work/prompts/diffout.py): how many tasks change (removed + added, keyed by task, agencies, deadline,
  section), counts only; ``--detail FILE`` writes the changed tasks for reading.

No per-mechanism figure of the measured half is ever computed. ``--final a,b`` instead evaluates the whole
corpus once with those mechanisms off and prints only the pooled halves (as bench_quality.py does).

    python benchmarks/ablation.py ../shared/corpus/dev ../shared/corpus/extra --measured 11,18,19,22,23
    python benchmarks/ablation.py ../shared/corpus/dev ../shared/corpus/extra --final name1,name2
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from directive_nlp.evaluation import count, evaluate, find_gold_documents, is_measured, report
from directive_nlp.pipeline import extract_document, load_text
from directive_nlp.tasks import ablation
from directive_nlp.tasks.lexicon import lexicon

MEASURED = "11,18,19,22,23"


def no_gold_paths(folders: list[Path]) -> list[Path]:
    """The documents without gold: ``u*.md`` of an ``unlabelled`` folder next to the given ones, and every
    ``NAME.md`` of the given folders without ``NAME.gold.jsonl``."""
    out: list[Path] = []
    for f in folders:
        unl = f.parent / "unlabelled"
        out += sorted(unl.glob("u*.md")) if unl.is_dir() else []
        out += [p for p in sorted(f.glob("*.md")) if p.name != "SOURCES.md"
                and not p.with_name(p.name[:-3] + ".gold.jsonl").exists()]
    return sorted(set(out), key=lambda p: (p.parent.name != "unlabelled", p.name))


def _key(t: dict) -> str:
    ags = sorted(((a.get("name"), a.get("role")) for a in t["agencies"]), key=str)
    dl = t["deadline"].get("text") if isinstance(t["deadline"], dict) else t["deadline"]
    return json.dumps([t["task"], ags, dl, t["section"]], ensure_ascii=False)


class Corpus:
    """The read-half gold documents and the no-gold documents, read and normalised once."""

    def __init__(self, folders: list[Path], measured: list[str]) -> None:
        self.gold = [d for d in find_gold_documents(folders, "md") if not is_measured(d.name, measured)]
        self.gold_text = {d.name: load_text(d.gold_path.with_name(f"{d.name}.md"), force=True) for d in self.gold}
        self.free = {p.name[:-3]: load_text(p, force=True) for p in no_gold_paths(folders)}

    def run(self) -> tuple[dict[str, tuple[Counter, list[str]]], dict[str, list[str]]]:
        gold = {}
        for d in self.gold:
            pred = [t.model_dump() for t in extract_document(self.gold_text[d.name]).tasks]
            gold[d.name] = (count(d.gold, pred, 0.5), [t["task"] for t in pred])
        free = {n: [_key(t.model_dump()) for t in extract_document(doc, model=None).tasks]
                for n, doc in self.free.items()}
        return gold, free


def _triple(c: Counter) -> float:
    return report(c)["triple"]["f1"]


def _changed(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    ca, cb = Counter(a), Counter(b)
    return list((ca - cb).elements()), list((cb - ca).elements())


def names() -> list[str]:
    return list(ablation.MECHANISMS) + [f"non_task_patterns[{i}]" for i in range(len(lexicon().non_task))]


def ablate(corpus: Corpus, which: list[str], detail: dict) -> list[str]:
    base_gold, base_free = corpus.run()
    pooled = sum((c for c, _ in base_gold.values()), Counter())
    short = {n: n.split("_")[0] if n[:2].isdigit() else n.split("_")[0][:8] for n in base_gold}
    lines = [f"read half with everything on: triple {_triple(pooled):.3f}, "
             f"{sum(len(t) for _, t in base_gold.values())} tasks on {len(base_gold)} documents; no-gold: "
             f"{sum(map(len, base_free.values()))} tasks on {len(base_free)} documents", "",
             "| mechanism | read value (triple) | docs helped / hurt | per read document: value (tasks on − off) "
             "| no-gold tasks changed (docs) |", "|---|---|---|---|---|"]
    for name in which:
        with ablation.disabled(name):
            gold, free = corpus.run()
        off = sum((c for c, _ in gold.values()), Counter())
        per, helped, hurt = [], 0, 0
        for n, (c, tasks) in gold.items():
            v = _triple(base_gold[n][0]) - _triple(c)
            dn = len(base_gold[n][1]) - len(tasks)
            if abs(v) >= 0.0005 or dn:
                per.append(f"{short[n]} {v:+.3f} ({dn:+d})")
                helped, hurt = helped + (v >= 0.0005), hurt + (v <= -0.0005)
        ch_docs, ch_tasks = 0, 0
        det = detail.setdefault(name, {"read": {}, "free": {}})
        for n in base_free:
            rem, add = _changed(base_free[n], free[n])
            if rem or add:
                ch_docs, ch_tasks = ch_docs + 1, ch_tasks + len(rem) + len(add)
                det["free"][n] = {"removed": rem, "added": add}
        for n, (_, tasks) in gold.items():
            rem, add = _changed(base_gold[n][1], tasks)
            if rem or add:
                det["read"][n] = {"removed": rem, "added": add}
        lines.append(f"| {name} | {_triple(pooled) - _triple(off):+.4f} | {helped} / {hurt} | {'; '.join(per) or '—'} "
                     f"| {ch_tasks} ({ch_docs}) |")
        print(lines[-1], file=sys.stderr, flush=True)
    return lines


def final(folders: list[Path], measured: list[str], off: list[str]) -> list[str]:
    """The pooled halves (read, measured) with the mechanisms ``off`` disabled: no per-document figure."""
    with ablation.disabled(*off):
        rep = evaluate(folders, form="md", tasks=True, baseline=False, measured=measured)
    t = rep["total"]["tasks"]["0.5"]
    h = rep["halves"]
    return [f"off: {', '.join(off) or '(none)'}",
            f"md pooled triple {t['triple']['f1']:.3f} (task {t['task']['f1']:.3f}, agency {t['agency']['f1']:.3f}, "
            f"deadline {t['deadline']['f1']:.3f})",
            f"read half {h['read']['triple']['f1']:.3f} / deadline {h['read']['deadline']['f1']:.3f}; measured half "
            f"{h['measured']['triple']['f1']:.3f} / deadline {h['measured']['deadline']['f1']:.3f}"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--measured", default=MEASURED)
    ap.add_argument("--only", help="comma-separated mechanism names (default: all)")
    ap.add_argument("--detail", type=Path, help="write the changed tasks (read half, no-gold) as JSON here")
    ap.add_argument("--final", help="comma-separated names to disable together; prints the pooled halves only")
    args = ap.parse_args(argv)
    measured = [m for m in args.measured.split(",") if m]
    t0 = time.time()
    if args.final is not None:
        print("\n".join(final(args.folders, measured, [n for n in args.final.split(",") if n])))
        return 0
    which = args.only.split(",") if args.only else names()
    detail: dict = {}
    lines = ablate(Corpus(args.folders, measured), which, detail)
    print("\n".join(lines))
    print(f"\n`python benchmarks/ablation.py {' '.join(map(str, args.folders))}` ({time.strftime('%Y-%m-%d')}, "
          f"{time.time() - t0:.0f} s); value = triple F1 with the mechanism on minus off (read half, task match 0.5); "
          "no-gold: tasks removed + added, rules only.")
    if args.detail:
        args.detail.write_text(json.dumps(detail, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
