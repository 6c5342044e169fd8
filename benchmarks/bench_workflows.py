"""Figures of docs/workflows.md: the researchers' and analysts' workflows
run on real documents, as a user would run them.

    python benchmarks/bench_workflows.py [--shared ../shared] [--out /tmp/wf-bench]

1. Cross-check of the dev pair from each document form (Markdown, PDF,
   DOCX) and from each form's extract JSON: theme answer against
   ``../shared/corpus/dev/crosscheck.gold.json`` and the task counts.
2. Cross-check of extra 13 against extra 14 (two ordinary plans): the
   report's first line.
3. ``compare`` of extra 13-23 without ``--against``: the method and themes.
4. ``compare`` of the dev review plan ``--against`` the dev programme:
   the themes with tasks against the reviewed sections of the gold.
5. The batch folder of extra 13-23 as a data frame: rows, documents, agency types.

Only outputs are printed (counts, methods, theme names); no gold or text of
the measured half of the extra corpus is shown.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIRECTIVE_NLP_SHARED", ROOT.parent / "shared"))
PROGRAM, PLAN = "langson_ctr_hanh_dong_ct36", "binhphuoc_kh_so_ket_ct36"


def _counts(report) -> str:
    s = report.summary
    return (f"themes {s.themes_covered}/{s.themes} (not reviewed: {', '.join(s.not_covered) or '-'}), "
            f"tasks {s.tasks_covered}/{s.tasks_partial}/{s.tasks_not_covered} covered/partial/not")


def dev_pair_forms(dev: Path, out: Path) -> None:
    from directive_nlp.crosscheck import crosscheck, load_input
    from directive_nlp.io import dump_result

    gold = {k: v["covered"] for k, v in json.loads((dev / "crosscheck.gold.json").read_text())["sections"].items()}
    forms = {"md": (dev / f"{PROGRAM}.md", dev / f"{PLAN}.md"),
             "pdf": (dev / "rendered" / f"{PROGRAM}.pdf", dev / "rendered" / f"{PLAN}.pdf"),
             "docx": (dev / "rendered" / f"{PROGRAM}.docx", dev / "rendered" / f"{PLAN}.docx")}
    print("## 1. dev pair, every form (theme answer vs gold; task counts)")
    for name, (a, b) in forms.items():
        prog, plan = load_input(a), load_input(b)
        rep = crosscheck(prog, plan)
        files = []
        for r, stem in ((prog, "prog"), (plan, "plan")):
            f = out / f"{name}-{stem}.json"
            f.write_text(dump_result(r), encoding="utf-8")
            files.append(f)
        rep_json = crosscheck(*(load_input(f) for f in files))
        print(f"- {name:5} gold match: {rep.coverage() == gold}; {_counts(rep)}")
        print(f"- {name:5}-JSON same counts as {name}: {rep_json.summary == rep.summary}")


def two_ordinary_plans(shared: Path) -> None:
    from directive_nlp.crosscheck import crosscheck, load_input

    extra = shared / "corpus" / "extra"
    a, b = sorted(extra.glob("13_*.md"))[0], sorted(extra.glob("14_*.md"))[0]
    rep = crosscheck(load_input(a), load_input(b))
    print("\n## 2. extra 13 against extra 14")
    print(f"- first line: {rep.headline}")
    print(f"- reviews: {rep.reviews}; {_counts(rep)}")


def compare_13_23(shared: Path, out: Path) -> None:
    from directive_nlp.compare import NO_THEME, compare
    from directive_nlp.io import load_results

    extra = shared / "corpus" / "extra"
    paths = [p for p in sorted(extra.glob("[0-9]*.md")) if 13 <= int(p.name[:2]) <= 23]
    t0 = time.time()
    results = load_results(paths)
    c = compare(results, by="province")
    print(f"\n## 3. compare extra 13-23 without --against ({len(paths)} documents, {sum(c.tasks.values())} tasks, "
          f"{time.time() - t0:.0f} s)")
    print(f"- method: {c.method} — {c.method_description}")
    named = [t for t in c.themes if t != NO_THEME]
    print(f"- {len(named)} themes: " + " | ".join(named))
    from directive_nlp.dataframe import to_dataframe

    df = to_dataframe(results)
    print(f"\n## 5. data frame of extra 13-23: {len(df)} rows (task × agency), {df.document.nunique()} documents, "
          f"{df.task_id.groupby(df.document).nunique().sum()} tasks")
    print("- agency types: " + ", ".join(f"{k} {v}" for k, v in df.agency_type.value_counts().items()))


def against_dev_programme(dev: Path) -> None:
    from directive_nlp.compare import compare
    from directive_nlp.io import load_result

    gold = json.loads((dev / "crosscheck.gold.json").read_text())["sections"]
    c = compare([load_result(dev / f"{PLAN}.md")], by="document", against=load_result(dev / f"{PROGRAM}.md"))
    print("\n## 4. dev review plan --against the dev programme")
    print(f"- method: {c.method}")
    ok = 0
    for th, sid in zip(c.themes, gold):
        n = next(iter(c.theme_tasks[th].values()))
        ok += (n > 0) == gold[sid]["covered"]
        print(f"  - {sid}: {n} plan tasks (gold reviewed: {gold[sid]['covered']}) — {th[:60]}")
    print(f"- sections whose having plan tasks agrees with the gold: {ok}/{len(gold)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="wf-bench-"))
    out.mkdir(parents=True, exist_ok=True)
    dev = args.shared / "corpus" / "dev"
    if (dev / "crosscheck.gold.json").is_file():
        dev_pair_forms(dev, out)
    else:
        print(f"(no {dev}: sections 1 and 4 skipped)", file=sys.stderr)
    if (args.shared / "corpus" / "extra").is_dir():
        two_ordinary_plans(args.shared)
        compare_13_23(args.shared, out)
    else:
        print(f"(no {args.shared}/corpus/extra: sections 2, 3 and 5 skipped)", file=sys.stderr)
    if (dev / "crosscheck.gold.json").is_file():
        against_dev_programme(dev)


if __name__ == "__main__":
    main()
