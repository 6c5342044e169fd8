"""Task figures of the layout mechanisms on the honest split (docs/layout-mechanisms.md).

The gold documents are split once: the READ half (dev + extra 01, 02, 04, 06,
07, 13-17), whose misses were read while writing the rules, and the MEASURED
half (extra 11, 18-23), which nobody read: its figure is the estimate of how
the rules do on documents of other provinces. Prints score.py's pooled task,
agency, deadline and triple F1 (task match 0.5) per half and per form.

    python benchmarks/layout_split.py [--form md|pdf|docx ...] [--shared ../shared]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from directive_nlp.evaluation import evaluate, prf

MEASURED = ("11_", "18_", "19_", "20_", "21_", "22_", "23_")


def pooled(docs: dict, names: list[str]) -> dict[str, float]:
    """score.py's sums over ``names``: F1 per family."""
    out = {}
    for fam in ("task", "agency", "deadline", "triple"):
        tp = sum(docs[n]["tasks"]["0.5"][fam]["tp"] for n in names)
        pred = sum(docs[n]["tasks"]["0.5"][fam]["pred"] for n in names)
        gold = sum(docs[n]["tasks"]["0.5"][fam]["gold"] for n in names)
        out[fam] = prf(tp, pred, gold)[2]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--form", action="append", choices=["md", "pdf", "docx"])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared")
    args = ap.parse_args()
    dirs = [args.shared / "corpus" / "dev", args.shared / "corpus" / "extra"]
    for form in args.form or ["md"]:
        rep = evaluate(dirs, form=form, baseline=False)
        docs = {n: d for n, d in rep["documents"].items() if d.get("tasks")}
        halves = {"read": [n for n in docs if not n.startswith(MEASURED)],
                  "measured": [n for n in docs if n.startswith(MEASURED)]}
        for half, names in halves.items():
            f = pooled(docs, names)
            print(f"{form:5s} {half:9s} ({len(names):2d} docs)  task {f['task']:.3f}  agency {f['agency']:.3f}  "
                  f"deadline {f['deadline']:.3f}  triple {f['triple']:.3f}")
        for n in docs:
            print(f"      {n[:52]:52s} triple {docs[n]['tasks']['0.5']['triple']['f1']:.3f}")


if __name__ == "__main__":
    main()
