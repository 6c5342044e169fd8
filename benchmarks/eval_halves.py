"""Pooled task / agency / deadline / triple figures for the two halves of the honest split.

    python benchmarks/eval_halves.py                    # --form md
    python benchmarks/eval_halves.py --form pdf --form docx

Runs ``directive-nlp evaluate ../shared/corpus/dev ../shared/corpus/extra
--form F --no-baseline --json`` and pools score.py's counts (task match 0.5)
over the READ half (dev + extra 01, 02, 04, 06, 07, 13–17: the documents whose
misses were read while writing the rules) and the MEASURED half (extra 11,
18–23: run and reported, never read). Standard library only; prints one line
per half and form.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MEASURED = ("11_", "18_", "19_", "20_", "21_", "22_", "23_")
KINDS = ("task", "agency", "deadline", "triple")


def pooled(docs: dict, names: list[str]) -> dict[str, tuple[float, float, float]]:
    out = {}
    for k in KINDS:
        tp = sum(docs[n]["tasks"]["0.5"][k]["tp"] for n in names)
        pred = sum(docs[n]["tasks"]["0.5"][k]["pred"] for n in names)
        gold = sum(docs[n]["tasks"]["0.5"][k]["gold"] for n in names)
        p, r = (tp / pred if pred else 0.0), (tp / gold if gold else 0.0)
        out[k] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def run(form: str, corpus: Path) -> dict:
    cmd = [sys.executable, "-c", "import sys; from directive_nlp.cli import main; sys.exit(main())", "evaluate", str(corpus / "dev"), str(corpus / "extra"),
           "--form", form, "--no-baseline", "--json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if not proc.stdout.strip():
        sys.exit(f"evaluate --form {form} gave no output: {proc.stderr.strip()[-300:]}")
    return json.loads(proc.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--form", action="append", help="md (default), pdf or docx; repeatable")
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus", help="folder holding dev/ and extra/")
    args = ap.parse_args(argv)
    if not (args.corpus / "extra").is_dir():
        sys.exit(f"no corpus at {args.corpus} (expected dev/ and extra/ there)")
    for form in args.form or ["md"]:
        docs = {n: d for n, d in run(form, args.corpus)["documents"].items() if d.get("tasks")}
        halves = {"read": [n for n in docs if not n.startswith(MEASURED)],
                  "measured": [n for n in docs if n.startswith(MEASURED)]}
        halves["all"] = list(docs)
        for half, names in halves.items():
            figs = pooled(docs, names)
            cells = "  ".join(f"{k} {figs[k][2]:.3f}" for k in KINDS)
            print(f"{form:4s} {half:8s} ({len(names):2d} docs)  {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
