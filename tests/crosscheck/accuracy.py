"""Theme-level accuracy of the cross-check over the synthetic pairs.

    .venv/bin/python tests/crosscheck/accuracy.py [--sweep]

For each pair of ``data/pairs.yaml`` the full review plan and variants
without k = 1, 2, 3 themes are checked; a decision is one (variant, theme)
covered/not-covered answer. ``--sweep`` repeats it over thresholds and
ratios to show how much room the defaults have. Cross-subject pairs (a plan
of one pair against the program of another) must cover nothing.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import yaml

from cc_build import REAL_EXTRACT, load_doc, load_doc_text, plan_variants  # this folder: sys.path[0] of a script
from directive_nlp.crosscheck import DEFAULT_RATIO, DEFAULT_THRESHOLD, crosscheck

HERE = Path(__file__).resolve().parent

DATA = HERE / "data"


def run(threshold: float, ratio: float, cache: dict) -> tuple[int, int, dict[str, tuple[int, int]], list]:
    pairs = yaml.safe_load((DATA / "pairs.yaml").read_text(encoding="utf-8"))
    ok = total = 0
    per_pair: dict[str, tuple[int, int]] = {}
    errors = []
    for name, pair in pairs.items():
        prog = cache.setdefault(pair["program"], load_doc(DATA / pair["program"]))
        text = (DATA / pair["plan"]).read_text(encoding="utf-8")
        p_ok = p_tot = 0
        for removed, variant, expected in plan_variants(pair, text, n2=4, n3=4):
            key = (name, removed)
            if key not in cache:
                cache[key] = load_doc_text(f"{name}_plan", variant)
            plan = cache[key]
            report = crosscheck(prog, plan, threshold=threshold, ratio=ratio)
            for t in report.themes:
                right = t.covered == (t.section not in expected)
                p_ok += right
                p_tot += 1
                if not right:
                    errors.append((name, removed, t.section, t.covered, t.score))
        per_pair[name] = (p_ok, p_tot)
        ok += p_ok
        total += p_tot
    return ok, total, per_pair, errors


def cross_subject(cache: dict) -> tuple[int, int]:
    pairs = yaml.safe_load((DATA / "pairs.yaml").read_text(encoding="utf-8"))
    wrong = total = 0
    for a, pa in pairs.items():
        for b, pb in pairs.items():
            if a == b:
                continue
            prog = cache.setdefault(pa["program"], load_doc(DATA / pa["program"]))
            plan = cache.setdefault(pb["plan"], load_doc(DATA / pb["plan"]))
            r = crosscheck(prog, plan)
            wrong += r.summary.themes_covered
            total += r.summary.themes
    return wrong, total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sweep", action="store_true")
    args = ap.parse_args()
    cache: dict = {}
    print(f"extraction: {'pipeline.extract' if REAL_EXTRACT else 'test reader (no pipeline yet)'}")
    ok, total, per_pair, errors = run(DEFAULT_THRESHOLD, DEFAULT_RATIO, cache)
    for name, (o, t) in per_pair.items():
        print(f"  {name}: {o}/{t} = {o / t:.1%}")
    print(f"theme-level accuracy (threshold {DEFAULT_THRESHOLD}, ratio {DEFAULT_RATIO}): {ok}/{total} = {ok / total:.1%}")
    for e in errors:
        print("   wrong:", e)
    wrong, tot = cross_subject(cache)
    print(f"cross-subject pairs: {wrong} of {tot} themes wrongly covered")
    if args.sweep:
        for th in (0.05, 0.08, 0.10, 0.12, 0.15, 0.20):
            row = []
            for ratio in (0.4, 0.6, 0.8, 1.0):
                o, t, _, _ = run(th, ratio, cache)
                row.append(f"ratio {ratio}: {o / t:.1%}")
            print(f"threshold {th:.2f}  " + "  ".join(row))


if __name__ == "__main__":
    main()
