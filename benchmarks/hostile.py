"""Hostile inputs at full size, and a load test of the web server.

    python benchmarks/hostile.py [--out docs/hostile-benchmark.md] [--skip-load] [--skip-sizes]

Three parts, each bounded in time and memory:

1. **Text size**: plans of growing length are extracted one at a time (one
   process each, CPU seconds and peak memory measured); the largest that
   stays within 60 CPU seconds and 1 GB is the basis of the text cap
   (``ingest.limits.DEFAULT_MAX_CHARS``).
2. **Hostile inputs at full size** (issue 16's sizes), each run as
   ``directive-nlp extract`` in its own process with a 60 s time-out and its
   peak memory measured: the exit code and the first line it printed.
3. **Load**: ``directive-nlp serve`` on 127.0.0.1 only, 200 uploads at
   concurrency 8 with hostile ones mixed in, while a probe asks for the page
   every 0.25 s; the slowest page answer and the server's memory (process
   tree) before and after. Bounded in count and in time (10 minutes).

The inputs come from ``tests/hostile/hostile_inputs.py`` (the makers the test
suite uses at small scale). Prints a Markdown table and writes it to ``--out``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_S = 60.0
BUDGET_MB = 1024.0
CLI = [sys.executable, "-c", "from directive_nlp.cli import main; main()"]


def _makers():
    spec = importlib.util.spec_from_file_location("hostile_inputs", ROOT / "tests" / "hostile" / "hostile_inputs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_limited(args: list[str], env: dict | None = None, timeout: float = BUDGET_S) -> dict:
    """Run a command; its exit code, wall and CPU seconds, peak memory (MB) and first stderr line.

    The command is started by GNU ``time`` (a small process), so its peak
    memory is its own and not the high-water mark this script reached while
    making the inputs (a forked child inherits that)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t0 = time.perf_counter()
        p = subprocess.Popen(["/usr/bin/time", "-f", "%M %U %S", "-o", tf.name, *args], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
        timer = threading.Timer(timeout, p.kill)
        timer.start()
        try:
            err = p.stderr.read().decode("utf-8", "replace")
            code = p.wait()
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        fields = (tf.read().split() or ["0", "0", "0"])[-3:]
    killed = code in (-9, 137) or wall >= timeout
    first = next((l for l in err.splitlines() if l.strip() and not l.startswith("Command ")), "")
    try:
        mb, cpu = int(fields[0]) / 1024, float(fields[1]) + float(fields[2])
    except ValueError:
        mb, cpu = float("nan"), float("nan")
    return {"code": code, "wall": wall, "cpu": cpu, "mb": mb, "line": first[:160], "timed_out": killed}


# -- 1. text size -----------------------------------------------------------------------------


def dense_text(folder: Path, H, chars: int) -> Path:
    """Text dense with citations and dates on one line (the costliest kind measured)."""
    n = max(1, chars // 90)
    p = folder / "dense.txt"
    p.write_text(H.plan_text(2) + "".join(f"Căn cứ Quyết định số {k}/QĐ-UBND ngày 1/2/2024 của UBND tỉnh; "
                                          f"theo số {k}/KH-UBND; " for k in range(1, n + 1)) + "\n", encoding="utf-8")
    return p


def measure_sizes(tmp: Path, H) -> list[dict]:
    rows = []
    kinds = (("plan text", lambda n: H.big_text(tmp, n), (500_000, 1_000_000, 2_000_000, 4_000_000)),
             ("dense citations, one line", lambda n: dense_text(tmp, H, n), (250_000, 500_000, 1_000_000, 1_500_000)))
    for kind, make, sizes in kinds:
        for chars in sizes:
            path = make(chars)
            r = run_limited(CLI + ["extract", str(path), "-o", str(tmp / "out.json"), "--max-chars", "0"],
                            timeout=3 * BUDGET_S)
            rows.append({"kind": kind, "chars": len(path.read_text(encoding="utf-8")), **r})
            print(f"  {kind} {rows[-1]['chars']:>10,} chars: {r['cpu']:.1f} CPU s, {r['wall']:.1f} s, "
                  f"{r['mb']:.0f} MB, exit {r['code']}", flush=True)
            if r["cpu"] > BUDGET_S or r["mb"] > BUDGET_MB or r["timed_out"]:
                break
    return rows


# -- 2. hostile inputs at full size -----------------------------------------------------------


def full_size_cases(tmp: Path, H) -> list[tuple[str, Path, list[str], dict]]:
    """(name, input, extra args, env) for every class, at issue 16's sizes."""
    d = tmp / "full"
    d.mkdir()
    cases = [
        ("20 MB text", H.big_text(d, 20_000_000), [], {}),
        ("one 5 MB line", H.long_line(d, 5_000_000), [], {}),
        ("3 GiB sparse file", H.sparse_file(d, 3 * 1024 ** 3), [], {}),
        ("FIFO", H.fifo(d), [], {}),
        ("1 GB DOCX zip bomb", H.docx_zip_bomb(d, 1024), [], {}),
        ("1 GB PDF flate bomb", H.pdf_flate_bomb(d, 1024), [], {}),
        ("1,000,000 HTML paragraphs", H.html_paragraphs(d, 1_000_000), [], {}),
        ("1,000,000 nested HTML elements", H.html_nested(d, 1_000_000), [], {}),
        ("UTF-16 HTML without BOM", H.html_utf16_no_bom(d), [], {}),
        ("blank PDF, 1,000 pages", H.blank_pdf(d, 1000), ["--max-pages", "1000"], {}),
        ("120 appendices (>99 numberings)", H.many_appendices(d, 120), [], {}),
        ("10,000 cited documents on one line", H.many_references(d, 10_000), [], {}),
        ("100,000 one-letter words", H.one_letter_text(d, 100_000), [], {}),
        ("%PDF- inside a text", H.pdf_marker_in_text(d), [], {}),
        ("password-protected DOCX", H.encrypted_docx(d), [], {}),
    ]
    try:
        cases.insert(4, ("/dev/zero-like node behind a symlink", H.zero_device_link(d), [], {}))
    except PermissionError:
        pass
    return cases


def run_full_size(tmp: Path, H) -> list[dict]:
    rows = []
    for name, path, extra, env in full_size_cases(tmp, H):
        r = run_limited(CLI + ["extract", str(path), "-o", str(tmp / "out.json"), *extra], env=env)
        ok = r["wall"] <= BUDGET_S and r["mb"] <= BUDGET_MB and not r["timed_out"]
        rows.append({"name": name, "ok": ok, **r})
        print(f"  {name}: exit {r['code']}, {r['wall']:.1f} s, {r['mb']:.0f} MB  {r['line'][:90]}", flush=True)
    return rows


# -- 3. load ------------------------------------------------------------------------------------


def _tree_rss_mb(pid: int) -> float:
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2 ** 20
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo += [int(x) for x in f.read().split()]
        except OSError:
            pass
    return total


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_uploads(tmp: Path, H) -> list[tuple[str, bytes]]:
    d = tmp / "load"
    d.mkdir()
    plan = H.plan_text(8).encode("utf-8")
    hostile = [
        ("bomb.docx", H.docx_zip_bomb(d, 64).read_bytes()),
        ("flate.pdf", H.pdf_flate_bomb(d, 128).read_bytes()),
        ("nested.html", H.html_nested(d, 20_000).read_bytes()),
        ("line.txt", H.long_line(d, 300_000).read_bytes()),
        ("letters.txt", H.one_letter_text(d, 20_000).read_bytes()),
        ("blank.pdf", H.blank_pdf(d, 100).read_bytes()),
        ("big.txt", b"x" * (21 * 1024 * 1024)),
        ("secret.docx", H.encrypted_docx(d).read_bytes()),
    ]
    uploads = []
    for k in range(200):
        uploads.append(hostile[(k // 4) % len(hostile)] if k % 4 == 3 else (f"plan{k}.txt", plan))
    return uploads


def run_load(tmp: Path, H, total_seconds: float = 600.0) -> dict:
    import httpx

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(CLI + ["serve", "--port", str(port), "--no-graph", "--time-limit", "60"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        stop_at = time.monotonic() + total_seconds
        while time.monotonic() < stop_at:
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        httpx.post(base + "/extract", files={"file": ("warm.txt", H.plan_text(3).encode())}, timeout=120)
        start_mb = _tree_rss_mb(server.pid)
        probes: list[float] = []
        done = threading.Event()

        def probe() -> None:
            with httpx.Client(timeout=10) as c:
                while not done.is_set() and time.monotonic() < stop_at:
                    t0 = time.perf_counter()
                    c.get(base + "/")
                    probes.append(time.perf_counter() - t0)
                    time.sleep(0.25)

        statuses: dict[int, int] = {}

        def upload(item: tuple[str, bytes]) -> None:
            if time.monotonic() > stop_at:
                return
            try:
                r = httpx.post(base + "/extract", files={"file": item}, timeout=90)
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
            except httpx.HTTPError:
                statuses[-1] = statuses.get(-1, 0) + 1

        t = threading.Thread(target=probe)
        t.start()
        t0 = time.perf_counter()
        peak = start_mb
        with ThreadPoolExecutor(8) as pool:
            futures = [pool.submit(upload, u) for u in load_uploads(tmp, H)]
            while not all(f.done() for f in futures):
                peak = max(peak, _tree_rss_mb(server.pid))
                time.sleep(0.5)
        seconds = time.perf_counter() - t0
        time.sleep(3)
        done.set()
        t.join()
        end_mb = _tree_rss_mb(server.pid)
        return {"uploads": sum(statuses.values()), "statuses": statuses, "seconds": seconds,
                "probe_max": max(probes) if probes else float("nan"), "probes": len(probes),
                "start_mb": start_mb, "peak_mb": peak, "end_mb": end_mb}
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()


# -- report -------------------------------------------------------------------------------------


def report(sizes: list[dict], full: list[dict], load: dict | None) -> str:
    lines = [f"Machine: {platform.machine()}, {os.cpu_count()} cores (shared), Python {platform.python_version()}; "
             f"budget per input {BUDGET_S:.0f} s and {BUDGET_MB:.0f} MB.", ""]
    if sizes:
        lines += ["### Text size (one process per size; basis of the text cap)", "",
                  "| text | characters | CPU s | wall s | peak MB | within budget |", "|---|---:|---:|---:|---:|---|"]
        for r in sizes:
            ok = r["cpu"] <= BUDGET_S and r["mb"] <= BUDGET_MB and r["code"] == 0
            lines.append(f"| {r['kind']} | {r['chars']:,} | {r['cpu']:.1f} | {r['wall']:.1f} | {r['mb']:.0f} | {'yes' if ok else 'no'} |")
        lines.append("")
    if full:
        lines += ["### Hostile inputs at full size (`directive-nlp extract`, one process each)", "",
                  "| input | exit | wall s | peak MB | within budget | first line |", "|---|---:|---:|---:|---|---|"]
        for r in full:
            line = r["line"].replace("|", "\\|")
            lines.append(f"| {r['name']} | {r['code']} | {r['wall']:.1f} | {r['mb']:.0f} | "
                         f"{'yes' if r['ok'] else '**no**'} | {line} |")
        lines.append("")
    if load:
        st = ", ".join(f"{k}: {v}" for k, v in sorted(load["statuses"].items()))
        lines += ["### Load: 200 uploads at concurrency 8 (one in four hostile), 127.0.0.1", "",
                  "| uploads | statuses | seconds | slowest page answer | probes | server MB start / peak / after |",
                  "|---:|---|---:|---:|---:|---|",
                  f"| {load['uploads']} | {st} | {load['seconds']:.0f} | {load['probe_max']:.3f} s | {load['probes']} | "
                  f"{load['start_mb']:.0f} / {load['peak_mb']:.0f} / {load['end_mb']:.0f} |", ""]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=None, help="Also write the table to this Markdown file.")
    ap.add_argument("--skip-sizes", action="store_true")
    ap.add_argument("--skip-full", action="store_true")
    ap.add_argument("--skip-load", action="store_true")
    args = ap.parse_args()
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    H = _makers()
    with tempfile.TemporaryDirectory(prefix="dnlp-hostile-") as t:
        tmp = Path(t)
        print("text size:", flush=True)
        sizes = [] if args.skip_sizes else measure_sizes(tmp, H)
        print("full-size hostile inputs:", flush=True)
        full = [] if args.skip_full else run_full_size(tmp, H)
        print("load:", flush=True)
        load = None if args.skip_load else run_load(tmp, H)
    text = report(sizes, full, load)
    print(text)
    if args.out:
        args.out.write_text("# Hostile-input benchmark\n\nMade by `python benchmarks/hostile.py`.\n\n" + text + "\n",
                            encoding="utf-8")


if __name__ == "__main__":
    main()
