"""Tasks per 1,000 characters on the gold documents: the base of the low-yield warning.

For each gold document of the readable half (dev, extra 01, 02, 04, 06, 07,
13-17: the documents whose gold may be read), prints the number of gold
tasks, the length of the normalised text of its Markdown form, and the rate
of gold tasks per 1,000 characters, with the rate ``directive-nlp extract``
gives. ``directive_nlp.quality`` warns when a document yields less than half
the lowest gold rate (``LOWEST_GOLD_RATE``).

    python benchmarks/bench_task_yield.py
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIRECTIVE_NLP_SHARED", ROOT.parent / "shared"))
READABLE = ("01", "02", "04", "06", "07", "13", "14", "15", "16", "17")


def documents() -> list[Path]:
    dev = sorted((SHARED / "corpus" / "dev").glob("*.gold.jsonl"))
    extra = sorted(p for p in (SHARED / "corpus" / "extra").glob("*.gold.jsonl") if p.name[:2] in READABLE)
    return [p.with_name(p.name[: -len(".gold.jsonl")]) for p in dev + extra]


def main() -> int:
    from directive_nlp.pipeline import extract_document, load_text
    from directive_nlp.quality import LOWEST_GOLD_RATE, MIN_TASKS_PER_1000_CHARS

    rates = []
    print(f"{'document':40} {'gold':>5} {'chars':>7} {'gold/1000':>9} {'pred/1000':>9}")
    for base in documents():
        gold = sum(1 for line in base.with_suffix(".gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip())
        doc = load_text(base.with_suffix(".md"))
        pred = len(extract_document(doc).tasks)
        rate = 1000 * gold / len(doc.text)
        rates.append(rate)
        print(f"{base.name[:40]:40} {gold:5} {len(doc.text):7} {rate:9.2f} {1000 * pred / len(doc.text):9.2f}")
    print(f"gold rate: min {min(rates):.2f}, median {statistics.median(rates):.2f}, max {max(rates):.2f} tasks per 1,000 characters")
    print(f"quality.LOWEST_GOLD_RATE = {LOWEST_GOLD_RATE}; warning below {MIN_TASKS_PER_1000_CHARS} (half of it)")
    return 0 if LOWEST_GOLD_RATE <= min(rates) else 1


if __name__ == "__main__":
    sys.exit(main())
