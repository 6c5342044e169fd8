"""Where the time of one extraction goes, component by component, and the cold start of the CLI.

Reads every ``*.md`` document of the given folders once (reader: load_text),
then times the tokenizer (underthesea, lossless) and each component of
``directive_nlp.load()`` on each Doc, and prints a Markdown table: seconds
(CPU, this process) and share per stage. Then it runs ``directive-nlp
extract FILE -o OUT.json`` in a fresh process ``--cold`` times on a text of
about five pages (the first document, repeated or cut to ``--chars``) and
prints the median wall and CPU time. The machine's load average is printed
beside the figures, so a reader can tell a busy machine from a slow pipeline.

    python benchmarks/bench_pipeline.py ../shared/corpus/dev ../shared/corpus/extra
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _cpu() -> float:
    return time.process_time()


def stage_times(paths: list[Path]) -> tuple[dict[str, float], int]:
    """CPU seconds per stage (read, tokenizer, each component) over ``paths``; characters read."""
    import directive_nlp
    from directive_nlp.pipeline import load_text
    from directive_nlp.reader import attach_document

    nlp = directive_nlp.load()
    times = {"read": 0.0, "tokenizer": 0.0, "layout + sections + metadata": 0.0}
    times.update({name: 0.0 for name in nlp.pipe_names})
    chars = 0
    for p in paths:
        t = _cpu()
        ndoc = load_text(p)
        times["read"] += _cpu() - t
        chars += len(ndoc.text)
        t = _cpu()
        doc = nlp.make_doc(ndoc.text)
        times["tokenizer"] += _cpu() - t
        t = _cpu()
        attach_document(doc, ndoc)
        times["layout + sections + metadata"] += _cpu() - t
        for name, proc in nlp.pipeline:
            t = _cpu()
            doc = proc(doc)
            times[name] += _cpu() - t
    return times, chars


def cold_start(sample: Path, runs: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``directive-nlp extract sample -o out.json`` in a new process."""
    walls, cpus = [], []
    exe = [sys.executable, "-m", "directive_nlp", "extract", str(sample), "-o"]
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            subprocess.run(exe + [str(Path(tmp) / f"o{i}.json")], check=True, capture_output=True)
            walls.append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def five_pages(first: Path, chars: int, into: Path) -> Path:
    text = first.read_text(encoding="utf-8")
    while len(text) < chars:
        text += "\n" + text
    into.write_text(text[:chars].rsplit("\n", 1)[0] + "\n", encoding="utf-8")
    return into


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--cold", type=int, default=3, help="cold CLI runs (median)")
    ap.add_argument("--chars", type=int, default=15_000, help="size of the cold-start text (about five pages)")
    args = ap.parse_args()
    # the gold documents (NAME.md beside NAME.gold.jsonl)
    paths = sorted(p for f in args.folders for p in f.glob("*.md") if p.with_name(p.stem + ".gold.jsonl").exists())
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    times, chars = stage_times(paths)
    total = sum(times.values())
    print(f"\n{len(paths)} documents, {chars:,} characters, {total:.2f} s CPU ({chars / total:,.0f} characters/s)\n")
    print("| stage | CPU s | share |\n|---|---:|---:|")
    for name, s in times.items():
        print(f"| {name} | {s:.2f} | {s / total:.0%} |")
    with tempfile.TemporaryDirectory() as tmp:
        sample = five_pages(paths[0], args.chars, Path(tmp) / "five_pages.md")
        wall, cpu = cold_start(sample, args.cold)
    print(f"\ncold `directive-nlp extract` of a {args.chars:,}-character text: median wall {wall:.2f} s, "
          f"CPU {cpu:.2f} s ({args.cold} runs)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
