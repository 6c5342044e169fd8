"""Extraction quality per form, pooled and per half of the honest split.

Runs the same evaluation as ``directive-nlp evaluate`` (score.py's logic,
vendored; task match 0.5) on every gold document of the given folders, once
per form, and prints one Markdown table: pooled task / agency / deadline /
triple F1, the read half and the measured half apart, and the weakest
document. ``--write FILE`` replaces the block between
``<!-- quality:begin -->`` and ``<!-- quality:end -->`` in FILE with the
table (the README's figures come from here, never typed by hand).
The folders are given relative to the repository (``../shared/...``) so the
command written under the table is one a reader can run.

    python benchmarks/bench_quality.py ../shared/corpus/dev ../shared/corpus/extra \
        --forms md,txt,pdf,docx,badfont,scanned --write README.md

Forms: those of ``directive-nlp evaluate --form`` (md, txt, plain, plainpad, pdf, docx,
badfont, scanned); ``plain`` and ``plainpad`` are each NAME.md without its markup (table
cells joined by TABs, or padded with spaces), see ``directive_nlp.evaluation.as_plain``.

The measured half (default extra 11, 18, 19, 22, 23; 20 and 21 were moved to the read half on 2026-12-07, see the README) is the part of the gold whose
misses nobody read while writing the rules; the read half is the rest.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from directive_nlp.evaluation import evaluate

MEASURED = "11,18,19,22,23"


def _f1(rep: dict, key: str) -> str:
    return f"{rep[key]['f1']:.3f}"


def row(form: str, rep: dict) -> str:
    total = rep["total"]["tasks"]["0.5"]
    halves = rep.get("halves") or {}
    per_doc = {n: d["tasks"]["0.5"]["triple"]["f1"] for n, d in rep["documents"].items() if d.get("tasks")}
    worst = min(per_doc.items(), key=lambda kv: kv[1]) if per_doc else ("-", float("nan"))
    half = {k: (f"{v['triple']['f1']:.3f} / {v['deadline']['f1']:.3f}" if v["triple"]["gold"] else "-")
            for k, v in halves.items()}
    return (f"| {form} | {len(per_doc)} | {_f1(total, 'task')} | {_f1(total, 'agency')} | {_f1(total, 'deadline')} "
            f"| **{_f1(total, 'triple')}** | {half.get('read', '-')} | {half.get('measured', '-')} "
            f"| {worst[0][:24]} {worst[1]:.3f} | {len(rep['errors'])} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--forms", default="md,txt,pdf,docx")
    ap.add_argument("--measured", default=MEASURED)
    ap.add_argument("--write", type=Path, help="replace the quality block in this Markdown file")
    args = ap.parse_args(argv)
    halves = [m for m in args.measured.split(",") if m]
    lines = ["| form | docs | task F1 | agency F1 | deadline F1 | triple F1 | read half (triple / deadline) "
             "| measured half (triple / deadline) | weakest document | failed |", "|---|---|---|---|---|---|---|---|---|---|"]
    t0 = time.time()
    for form in args.forms.split(","):
        rep = evaluate(args.folders, form=form, tasks=True, baseline=False, measured=halves)
        lines.append(row(form, rep))
        print(lines[-1], file=sys.stderr)
    table = "\n".join(lines)
    stamp = (f"\n\n`python benchmarks/bench_quality.py {' '.join(str(f) for f in args.folders)} "
             f"--forms {args.forms}` ({time.strftime('%Y-%m-%d')}, {time.time() - t0:.0f} s); "
             f"task match 0.5, score.py's pooled sums; measured half = extra {args.measured}.")
    print(table + stamp)
    if args.write:
        text = args.write.read_text(encoding="utf-8")
        block = f"<!-- quality:begin -->\n{table}{stamp}\n<!-- quality:end -->"
        new, n = re.subn(r"<!-- quality:begin -->.*?<!-- quality:end -->", lambda _: block, text, flags=re.S)
        if n != 1:
            print(f"{args.write}: no quality block to replace", file=sys.stderr)
            return 1
        args.write.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
