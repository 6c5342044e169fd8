"""Speed of the task extraction on normalised text, beside underthesea on the same text.

    python benchmarks/bench_extract.py                # dev + extra corpus (Markdown), 3 rounds
    python benchmarks/bench_extract.py --write docs/tasks.md   # the block on the tasks page

Measured on one core (the process is pinned to CPU 0 when the OS allows it),
after a warm-up run, on text that is already read and normalised (reading files
is measured apart, in bench_readers.py):

* ``extract``: structure + metadata + tasks (``pipeline.extract_document``);
* ``tasks only``: ``tasks.extract_tasks`` on a parsed structure;
* ``word_tokenize``: underthesea ``word_tokenize`` alone on every block;
* ``word_tokenize + pos_tag``: underthesea ``pos_tag`` (it tokenises itself) on every block;
* the CLI cold start: ``directive-nlp extract`` on one document, a fresh process.

Sentences are counted with underthesea ``sent_tokenize`` over the blocks, so
the rates of all rows share one denominator.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIRECTIVE_NLP_SHARED", ROOT.parent / "shared"))
SHARED_DEV = SHARED / "corpus" / "dev"
SHARED_EXTRA = SHARED / "corpus" / "extra"


def _pin() -> None:
    try:
        os.sched_setaffinity(0, {0})
    except (AttributeError, OSError):
        pass


def _docs(gold_only: bool = True):
    """The dev and extra Markdown documents; by default only those with gold
    beside them (the 19 gold documents the quality figures are measured on)."""
    from directive_nlp.pipeline import load_text

    paths = sorted(SHARED_DEV.glob("*.md"))  # third-party corpora, read in ../shared
    if SHARED_EXTRA.is_dir():
        paths += sorted(SHARED_EXTRA.glob("[0-9]*.md"))
    if gold_only:
        paths = [p for p in paths if p.with_name(p.stem + ".gold.jsonl").is_file()]
    return [(p, load_text(p)) for p in paths]


def _time(fn, rounds: int) -> float:
    fn()  # warm-up
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--all", action="store_true", help="every dev and extra document, not only those with gold")
    ap.add_argument("--write", type=Path, help="replace the bench_extract block of this Markdown file (docs/tasks.md)")
    args = ap.parse_args(argv)
    _pin()

    from underthesea import pos_tag, sent_tokenize, word_tokenize

    from directive_nlp.pipeline import extract_document
    from directive_nlp.structure import parse_structure
    from directive_nlp.tasks import extract_tasks

    docs = _docs(gold_only=not args.all)
    blocks = [d.text[b.start:b.end] for _, d in docs for b in d.blocks]
    n_docs = len(docs)
    n_sent = sum(len(sent_tokenize(t)) for t in blocks if t.strip())
    n_chars = sum(len(d.text) for _, d in docs)
    structures = [parse_structure(d) for _, d in docs]

    rows = []

    def run_extract():
        for _, d in docs:
            extract_document(d)

    def run_tasks():
        for (_, d), st in zip(docs, structures):
            extract_tasks(d, st)

    def run_wt():
        for t in blocks:
            if t.strip():
                word_tokenize(t, use_token_normalize=False)

    def run_pos():
        for t in blocks:
            if t.strip():
                pos_tag(t)

    for name, fn in (("extract (structure + metadata + tasks)", run_extract), ("tasks only", run_tasks),
                     ("underthesea word_tokenize", run_wt), ("underthesea word_tokenize + pos_tag", run_pos)):
        sec = _time(fn, args.rounds)
        rows.append((name, sec, n_docs / sec, n_sent / sec))

    one = next(p for p, _ in docs)
    exe = Path(sys.executable).with_name("directive-nlp")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c", "from directive_nlp.cli import main; main()"]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        subprocess.run(cmd + ["extract", str(one), "-o", str(Path(tmp) / "out.json")], check=True, capture_output=True)
        cold = time.perf_counter() - t0

    wt_rate = next(r for r in rows if r[0] == "underthesea word_tokenize")[3]
    ex_rate = rows[0][3]
    lines = [
        f"Corpus: {n_docs} documents (dev + extra Markdown, already normalised), {n_sent} sentences, "
        f"{n_chars:,} characters; one core, best of {args.rounds} after a warm-up.",
        "",
        "| pipeline | seconds | documents/s | sentences/s |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {n} | {s:.2f} | {d:.1f} | {se:,.0f} |" for n, s, d, se in rows]
    lines += [
        "",
        f"extract runs at {ex_rate / wt_rate:.2f}× the speed of `word_tokenize` alone (aim: ≥ 0.50×: "
        f"{'met' if ex_rate / wt_rate >= 0.5 else 'not met'}).",
        f"CLI cold start (`directive-nlp extract {one.name}`, fresh process): {cold:.2f} s.",
    ]
    text = "\n".join(lines)
    print(text)
    if args.write:
        md = args.write.read_text(encoding="utf-8") if args.write.exists() else ""
        start, end = "<!-- bench_extract:start -->", "<!-- bench_extract:end -->"
        block = f"{start}\n{text}\n{end}"
        if start in md and end in md:
            md = md[: md.index(start)] + block + md[md.index(end) + len(end):]
        else:
            md = md.rstrip() + "\n\n" + block + "\n"
        args.write.write_text(md, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
