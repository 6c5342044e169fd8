"""How long ``pytest --collect-only`` takes, in CPU and wall-clock seconds.

    python benchmarks/collect_time.py [--runs 3] [--heavy]

Runs ``python -m pytest --collect-only -q -p no:cacheprovider`` from the
repository root ``--runs`` times in a fresh process and prints, per run and as
the median, the wall time, the CPU time (user + system of the child process)
and the number of tests collected. Wall time on a shared machine grows with
its load; CPU time does not, so both are printed. ``--heavy`` also lists which
slow-to-import libraries collection imported (they belong inside the tests
that use them, not at module top level).

The budget (issue 18) is 5 s; ``PYTHONDONTWRITEBYTECODE`` is reported because
with it set pytest rewrites and compiles every test module on every run.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMAND = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
HEAVY = ("spacy", "pandas", "networkx", "fastapi", "starlette", "openpyxl", "hypothesis", "pytesseract", "docx",
         "icalendar", "bs4", "nbformat", "nbclient", "pdfplumber", "vietnam_provinces", "jinja2", "sklearn",
         "underthesea", "reportlab", "PIL", "pypdfium2", "httpx", "lxml", "matplotlib", "selenium")
PROBE = f"""
import sys, pytest
class Probe:
    def pytest_collection_finish(self, session):
        print("HEAVY", " ".join(k for k in {HEAVY!r} if k in sys.modules))
sys.exit(pytest.main({COMMAND[3:]!r}, plugins=[Probe()]))
"""


def run_once() -> tuple[float, float, int]:
    """One collection in a child process: (wall s, CPU s, tests collected)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(COMMAND, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if out.returncode != 0:
        raise SystemExit(f"collection failed (exit {out.returncode}): {out.stdout.strip().splitlines()[-1:]}")
    found = re.search(r"(\d+) tests? collected", out.stdout)
    return wall, cpu, int(found.group(1)) if found else 0


def heavy_imports() -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True)
    line = next((l for l in out.stdout.splitlines() if l.startswith("HEAVY")), "HEAVY")
    return line.split()[1:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="collections to time (default 3)")
    parser.add_argument("--heavy", action="store_true", help="list slow libraries imported by collection")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    runs = [run_once() for _ in range(args.runs)]
    for i, (wall, cpu, n) in enumerate(runs, 1):
        print(f"run {i}: wall {wall:.2f} s, CPU {cpu:.2f} s, {n} tests")
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    load = os.getloadavg()[0]
    print(f"median: wall {wall:.2f} s, CPU {cpu:.2f} s ({os.cpu_count()} cores, load {load:.1f}, "
          f"PYTHONDONTWRITEBYTECODE={'set' if os.environ.get('PYTHONDONTWRITEBYTECODE') else 'unset'})")
    if args.heavy:
        print("heavy imports at collection:", ", ".join(heavy_imports()) or "none")
    return 0


if __name__ == "__main__":
    sys.exit(main())
