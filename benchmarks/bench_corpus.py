"""Speed on the real gold documents, measured the way a user meets it (issue 17).

    python benchmarks/bench_corpus.py                      # print the tables
    python benchmarks/bench_corpus.py --write BENCHMARKS.md
    python benchmarks/bench_corpus.py --release v0.1.0 --batch-docs 100
    python benchmarks/bench_corpus.py --parts be           # only the PDF reading and the bare libraries

One run measures, each in fresh processes, with CPU seconds beside wall
seconds and the machine's load average before and after each part (a loaded
machine shows as wall time well above CPU time and a load above the cores).
Before timing, both trees' bytecode is written (``compileall``), as pip writes
an installed package's and the compared libraries' own: a source tree run with
PYTHONDONTWRITEBYTECODE set would otherwise be compiled again in every process.
The parts:

a. end to end on the text (NAME.md) of the gold documents (the dev and extra
   corpora's documents that have NAME.gold.jsonl), start-up included:
   ``directive-nlp extract`` of all of them in one process, and one process
   per document; underthesea ``word_tokenize`` alone on the same lines, in
   one process; the ratio (word_tokenize time / extract time, target ≥ 0.5);
b. the PDF reading stage: ``directive_nlp.ingest.read_document`` on the rendered
   PDFs of those documents, this tree against the release (a git worktree of
   ``--release``, by default the commit where this branch left main) in the
   same run, rounds alternating so both meet the same load;
c. a cold ``directive-nlp extract`` of a 5-page text (the first ~15,000
   characters of a gold document), a fresh process each time (target ≤ 2 s);
d. peak memory (max RSS) of one batch process (``directive_nlp.batch.run_batch``,
   one worker) after document 50 and after document 500 of a stream that cycles
   the gold texts under distinct names (target: within 10 %);
e. the bare libraries on the same PDFs: pdfplumber alone, pypdfium2 alone;
f. the web page: CPU of uploads (this tree draws the graph only when its
   button is pressed; the release drew it on every upload).

Only the command line and the public Python API are called, so the script
stays valid whatever the pipeline's insides. A corpus that is not there is
skipped with a message. ``--write FILE`` replaces the block between
``<!-- bench_corpus:begin -->`` and ``<!-- bench_corpus:end -->`` in FILE.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from _blocks import machine, replace_block

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIRECTIVE_NLP_SHARED", ROOT.parent / "shared"))
CORPORA = (SHARED / "corpus" / "dev", SHARED / "corpus" / "extra")
FIVE_PAGES = 15_000  # characters: about five printed pages of a plan


@dataclass
class Timed:
    """One child process: wall and CPU seconds (its own and its children's), its output."""

    wall: float
    cpu: float
    out: str
    err: str
    code: int


def run_timed(cmd: list[str], src: Path, timeout: float = 1800) -> Timed:
    """Run ``cmd`` with ``src`` first on PYTHONPATH; CPU is the children's rusage delta."""
    env = dict(os.environ, PYTHONPATH=str(src) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timed(wall, cpu, r.stdout, r.stderr, r.returncode)


def checked(t: Timed, what: str) -> Timed:
    if t.code != 0:
        raise SystemExit(f"{what} failed (exit {t.code}): {t.err.strip().splitlines()[-1:] or ''}")
    return t


def load() -> str:
    """The 1-, 5- and 15-minute load averages."""
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def gold_documents() -> list[Path]:
    """NAME.md of every document with NAME.gold.jsonl in the dev and extra corpora."""
    found: list[Path] = []
    for folder in CORPORA:
        if not folder.is_dir():
            print(f"skipped: {folder} is not there (set DIRECTIVE_NLP_SHARED to the shared folder)", file=sys.stderr)
            continue
        found += sorted(p for p in folder.glob("*.md") if p.with_name(p.stem + ".gold.jsonl").is_file())
    return found


def rendered_pdfs(docs: list[Path]) -> list[Path]:
    """The rendered PDF of each gold document (rendered/NAME.pdf), where there is one."""
    pdfs = [d.parent / "rendered" / f"{d.stem}.pdf" for d in docs]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        print(f"skipped: {len(missing)} gold documents have no rendered PDF ({', '.join(missing[:3])} …)",
              file=sys.stderr)
    return [p for p in pdfs if p.is_file()]


CLI = [sys.executable, "-m", "directive_nlp"]

_TOKENIZE = """
import sys
from pathlib import Path
from underthesea import word_tokenize
for p in sys.argv[1:]:
    for line in Path(p).read_text(encoding="utf-8").splitlines():
        if line.strip():
            word_tokenize(line)
"""


def end_to_end(docs: list[Path], src: Path, work: Path) -> dict:
    """(a) extract all documents in one process, one process each, and word_tokenize alone."""
    chars = sum(len(d.read_text(encoding="utf-8")) for d in docs)
    load0 = load()
    names = [str(d) for d in docs]
    one = checked(run_timed(CLI + ["extract", *names, "-o", str(work / "e2e")], src), "extract (one process)")
    each = [checked(run_timed(CLI + ["extract", n, "-o", str(work / "each.json")], src), f"extract {n}")
            for n in names]
    wt = checked(run_timed([sys.executable, "-c", _TOKENIZE, *names], src), "word_tokenize")
    return {"docs": len(docs), "chars": chars, "one": one, "wt": wt, "load": (load0, load()),
            "each": Timed(sum(t.wall for t in each), sum(t.cpu for t in each), "", "", 0)}


_READ = """
import json, sys, time
mode, rounds, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def pages(p):
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(p); n = len(pdf); pdf.close(); return n

def read(p):
    if mode == "project":
        from directive_nlp.ingest import read_document
        read_document(p)
    elif mode == "pdfplumber":
        import pdfplumber
        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_text()
    else:
        import pypdfium2 as pdfium
        pdf = pdfium.PdfDocument(p)
        for i in range(len(pdf)):
            page = pdf[i]; tp = page.get_textpage(); tp.get_text_range(); tp.close(); page.close()
        pdf.close()

read(paths[0])  # warm-up: imports and caches, as in a long-running reader
best = None
for _ in range(rounds):
    w, c = time.perf_counter(), time.process_time()
    for p in paths:
        read(p)
    w, c = time.perf_counter() - w, time.process_time() - c
    if best is None or c < best[1]:
        best = (w, c)
print(json.dumps({"pages": sum(pages(p) for p in paths), "wall": best[0], "cpu": best[1]}))
"""


def reading(pdfs: list[Path], src: Path, release_src: Path | None, rounds: int) -> dict:
    """(b, e) the reader here and in the release, alternating; then the bare libraries."""
    load0 = load()
    runs = [("this tree", "project", src)] + ([("release", "project", release_src)] if release_src else [])
    runs += [("pdfplumber alone", "pdfplumber", src), ("pypdfium2 alone", "pypdfium2", src)]
    best: dict[str, dict] = {}
    for _ in range(rounds):  # alternate: every reader meets the same load
        for label, mode, tree in runs:
            t = checked(run_timed([sys.executable, "-c", _READ, mode, "1", *map(str, pdfs)], tree), label)
            r = json.loads(t.out.strip().splitlines()[-1])
            if label not in best or r["cpu"] < best[label]["cpu"]:
                best[label] = r
    return {"rows": best, "load": (load0, load()), "docs": len(pdfs)}


def five_page_text(docs: list[Path], work: Path) -> tuple[Path, str]:
    """The first ~15,000 characters (whole lines) of the first gold document that long."""
    for d in docs:
        text = d.read_text(encoding="utf-8")
        if len(text) >= FIVE_PAGES:
            cut = text.rfind("\n", 0, FIVE_PAGES) + 1 or FIVE_PAGES
            path = work / f"five-pages-{d.stem[:40]}.md"
            path.write_text(text[:cut], encoding="utf-8")
            return path, d.stem
    path = work / "five-pages.md"
    path.write_text(docs[0].read_text(encoding="utf-8"), encoding="utf-8")
    return path, docs[0].stem


def cold_start(docs: list[Path], trees: dict[str, Path], work: Path, runs: int) -> dict:
    """(c) a fresh ``directive-nlp extract`` of a 5-page text, ``runs`` times per tree, alternating."""
    path, origin = five_page_text(docs, work)
    load0 = load()
    times: dict[str, list[Timed]] = {label: [] for label in trees}
    for _ in range(runs):
        for label, src in trees.items():
            cmd = CLI + ["extract", str(path), "-o", str(work / f"cold-{label}.json")]
            times[label].append(checked(run_timed(cmd, src), f"cold extract ({label})"))
    return {"chars": len(path.read_text(encoding="utf-8")), "origin": origin, "times": times,
            "load": (load0, load())}


_BATCH = """
import json, os, resource, sys, time
from pathlib import Path
folder, out, marks = Path(sys.argv[1]), sys.argv[2], {int(m) for m in sys.argv[3].split(",")}
seen, at = [0], {}

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

def mark(_item=None):
    seen[0] += 1
    if seen[0] in marks:
        at[seen[0]] = {"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                       "rss_mb": rss_mb(), "seconds": time.perf_counter() - t0}

paths = sorted(folder.glob("*.md"))
t0 = time.perf_counter()
from directive_nlp.batch import run_batch
s = run_batch(paths, out, workers=1, on_item=mark)
print(json.dumps({"marks": at, "done": s.done, "failed": s.failed, "seconds": time.perf_counter() - t0}))
"""


def memory(docs: list[Path], src: Path, work: Path, count: int) -> dict:
    """(d) one batch process over ``count`` documents cycling the gold texts."""
    folder = work / "stream"
    folder.mkdir()
    for i in range(count):
        d = docs[i % len(docs)]
        shutil.copyfile(d, folder / f"{i:04d}-{d.stem[:48]}.md")
    marks = sorted({min(50, count), count})
    load0 = load()
    t = checked(run_timed([sys.executable, "-c", _BATCH, str(folder), str(work / "stream-out"),
                           ",".join(map(str, marks))], src), "batch")
    r = json.loads(t.out.strip().splitlines()[-1])
    return {**r, "marks": {int(k): v for k, v in r["marks"].items()}, "count": count, "cpu": t.cpu,
            "load": (load0, load())}


_WEB = """
import json, sys, time
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from directive_nlp.web import create_app

def posted(html):  # what the browser posts with the page's form
    form, out = BeautifulSoup(html, "lxml").find("form", id="checklist-form"), {}
    for el in form.find_all(["input", "textarea", "select"]):
        if not el.get("name") or el.find_parent("template"):
            continue
        pick = el.find("option", selected=True) or el.find("option") if el.name == "select" else None
        value = el.text if el.name == "textarea" else (pick.get("value", "") if pick else el.get("value", ""))
        out.setdefault(el["name"], []).append(value)
    return out

client = TestClient(create_app(), raise_server_exceptions=False)
paths, out = sys.argv[1:], {"upload": 0.0, "graph": 0.0, "drawn": 0}
client.post("/extract", files={"file": ("warm.md", open(paths[0], "rb").read(), "text/markdown")})
for p in paths:
    t = time.process_time()
    r = client.post("/extract", files={"file": (p.rsplit("/", 1)[-1], open(p, "rb").read(), "text/markdown")})
    out["upload"] += time.process_time() - t
    if 'id="graph-draw"' in r.text:  # this tree: the picture is drawn when the button is pressed
        t = time.process_time()
        client.post("/download", data={**posted(r.text), "fmt": "graph-view"})
        out["graph"] += time.process_time() - t
        out["drawn"] += 1
print(json.dumps(out))
"""


def web_upload(docs: list[Path], trees: dict[str, Path]) -> dict:
    """(f) the web page: CPU of an upload (extraction + page), and of the graph link when there is one."""
    load0 = load()
    sample = [str(d) for d in docs[:5]]
    rows = {label: json.loads(checked(run_timed([sys.executable, "-c", _WEB, *sample], src), f"web ({label})")
                              .out.strip().splitlines()[-1]) for label, src in trees.items()}
    return {"rows": rows, "docs": len(sample), "load": (load0, load())}


def report_web(f: dict, release_sha: str) -> list[str]:
    out = [f"**(f) Web page**: CPU seconds of {f['docs']} uploads of gold texts to the page (in process, "
           f"Starlette's test client, after one warm-up upload), and of pressing the page's \"draw\" button where "
           f"it has one; load {f['load'][0]} → {f['load'][1]}.", "",
           "| tree | uploads CPU s | graphs drawn on request | drawing CPU s |", "|---|---:|---:|---:|"]
    for label, r in f["rows"].items():
        name = "this tree" if label == "this tree" else f"release ({release_sha}; draws on every upload)"
        out.append(f"| {name} | {r['upload']:.2f} | {r['drawn']} | {r['graph']:.2f} |")
    return out


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True).stdout.strip()


def compile_bytecode(*srcs: Path | None) -> None:
    """Write the bytecode of both trees first, as ``pip install`` does for an installed package (and as the
    libraries compared against have theirs): with PYTHONDONTWRITEBYTECODE set (some sandboxes and CI), a
    source tree would otherwise be compiled again in every measured process."""
    for s in srcs:
        if s is not None:
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(s)], check=True, capture_output=True)


def release_tree(ref: str | None, work: Path) -> tuple[Path | None, str]:
    """A git worktree of the release (default: where HEAD left main); (src folder, short sha)."""
    try:
        sha = git("rev-parse", "--verify", f"{ref}^{{commit}}") if ref else git("merge-base", "HEAD", "main")
        tree = work / "release"
        git("worktree", "add", "--detach", str(tree), sha)
    except (subprocess.CalledProcessError, FileNotFoundError) as e:
        print(f"skipped: no release to compare with ({getattr(e, 'stderr', '') or e})".strip(), file=sys.stderr)
        return None, ""
    return tree / "src", sha[:10]


def drop_tree(src: Path | None) -> None:
    if src is not None:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(src.parent)],
                       capture_output=True)


def _rate(n: float, s: float) -> str:
    return f"{n / s:,.0f}" if s else "-"


def report_end_to_end(a: dict) -> list[str]:
    rows = [("`directive-nlp extract`, all documents in one process", a["one"]),
            ("`directive-nlp extract`, one process per document (sum)", a["each"]),
            ("underthesea `word_tokenize` alone, one process", a["wt"])]
    out = [f"**(a) End to end** on the text of {a['docs']} gold documents ({a['chars']:,} characters), "
           f"start-up included; load {a['load'][0]} → {a['load'][1]}.", "",
           "| run | wall s | CPU s | characters/s (wall) | characters/s (CPU) |", "|---|---:|---:|---:|---:|"]
    out += [f"| {name} | {t.wall:.2f} | {t.cpu:.2f} | {_rate(a['chars'], t.wall)} | {_rate(a['chars'], t.cpu)} |"
            for name, t in rows]
    one, wt = a["one"], a["wt"]
    out += ["", f"Ratio, `word_tokenize` alone / `extract` in one process: **{wt.cpu / one.cpu:.2f}** by CPU time, "
            f"{wt.wall / one.wall:.2f} by wall time (target ≥ 0.5: extract at least half as fast as the tokenizer)."]
    return out


def report_reading(b: dict, release_sha: str) -> list[str]:
    rows = b["rows"]
    out = [f"**(b, e) Reading the PDFs** ({b['docs']} rendered gold documents, "
           f"{next(iter(rows.values()))['pages']} pages; one process each, after one warm-up document, "
           f"best of the rounds by CPU; load {b['load'][0]} → {b['load'][1]}).", "",
           "| reader | wall s | CPU s | pages/s (wall) | pages/s (CPU) |", "|---|---:|---:|---:|---:|"]
    for label, r in rows.items():
        name = {"this tree": "`read_document`, this tree",
                "release": f"`read_document`, release ({release_sha})"}.get(label, label)
        out.append(f"| {name} | {r['wall']:.2f} | {r['cpu']:.2f} | {_rate(r['pages'], r['wall'])} "
                   f"| {_rate(r['pages'], r['cpu'])} |")
    if "release" in rows:
        here, rel = rows["this tree"], rows["release"]
        out += ["", f"This tree reads at **{rel['cpu'] / here['cpu']:.2f}×** the release's speed by CPU time "
                f"({rel['wall'] / here['wall']:.2f}× by wall time; target ≥ 1, no slower)."]
    return out


def report_cold(c: dict, release_sha: str) -> list[str]:
    runs = len(next(iter(c["times"].values())))
    out = [f"**(c) Cold start**: `directive-nlp extract` of a 5-page text ({c['chars']:,} characters, the start "
           f"of {c['origin']}), a fresh process each time, {runs} runs per tree, alternating; "
           f"load {c['load'][0]} → {c['load'][1]}. Target ≤ 2 s.", "",
           "| tree | wall s (each run) | median wall s | CPU s (each run) | median CPU s |", "|---|---|---:|---|---:|"]
    for label, times in c["times"].items():
        walls, cpus = [t.wall for t in times], [t.cpu for t in times]
        name = "this tree" if label == "this tree" else f"release ({release_sha})"
        out.append(f"| {name} | {', '.join(f'{w:.2f}' for w in walls)} | **{statistics.median(walls):.2f}** "
                   f"| {', '.join(f'{x:.2f}' for x in cpus)} | {statistics.median(cpus):.2f} |")
    return out


def report_memory(d: dict) -> list[str]:
    marks = d["marks"]
    out = [f"**(d) Memory over a long batch**: one process (`run_batch`, one worker) over {d['count']} documents "
           f"cycling the gold texts under distinct names; {d['done']} done, {d['failed']} failed, "
           f"{d['seconds']:.0f} s wall, {d['cpu']:.0f} s CPU; load {d['load'][0]} → {d['load'][1]}.", "",
           "| after document | peak RSS MB | current RSS MB | seconds |", "|---:|---:|---:|---:|"]
    out += [f"| {n} | {m['peak_mb']:.0f} | {m['rss_mb']:.0f} | {m['seconds']:.0f} |" for n, m in sorted(marks.items())]
    if len(marks) == 2:
        first, last = (marks[k] for k in sorted(marks))
        growth = (last["peak_mb"] - first["peak_mb"]) / first["peak_mb"] * 100
        out += ["", f"Peak after document {max(marks)} vs after document {min(marks)}: **{growth:+.1f} %** "
                "(target within 10 %)."]
    return out


ALL_PARTS = "abcdef"


def run_parts(parts: set[str], args, docs: list[Path], src: Path, work: Path,
              release_src: Path | None, release_sha: str) -> list[str]:
    """The report lines of the parts asked for, in order, a blank line between parts."""
    trees = {"this tree": src, **({"release": release_src} if release_src else {})}
    pdfs = rendered_pdfs(docs) if parts & {"b", "e"} else []
    steps = [
        ("a", lambda: report_end_to_end(end_to_end(docs, src, work))),
        ("be", lambda: report_reading(reading(pdfs, src, release_src, args.rounds), release_sha) if pdfs else []),
        ("c", lambda: report_cold(cold_start(docs, trees, work, args.cold_runs), release_sha)),
        ("d", lambda: report_memory(memory(docs, src, work, args.batch_docs))),
        ("f", lambda: report_web(web_upload(docs, trees), release_sha)),
    ]
    lines: list[str] = []
    for letters, step in steps:
        if parts & set(letters):
            part = step()
            lines += ([""] if lines and part else []) + part
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--release", help="git commit or tag of the release (default: merge-base of HEAD and main)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds of the PDF reading (best kept)")
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--batch-docs", type=int, default=500)
    ap.add_argument("--write", type=Path, help="replace the bench_corpus block of this Markdown file")
    ap.add_argument("--parts", default=ALL_PARTS,
                    help="the parts to run, as letters (default abcdef; b and e run together: --parts be)")
    args = ap.parse_args(argv)
    parts = set(args.parts.lower())
    if not parts or parts - set(ALL_PARTS):
        ap.error(f"--parts takes letters among {ALL_PARTS}, e.g. --parts be")
    if args.write and parts != set(ALL_PARTS):
        ap.error("--write replaces the whole block: run every part (leave out --parts)")
    docs = gold_documents()
    if not docs:
        print("skipped: no gold documents found; nothing measured", file=sys.stderr)
        return 0
    src, work, started = ROOT / "src", Path(tempfile.mkdtemp(prefix="bench-corpus-")), time.time()
    release_src, release_sha = release_tree(args.release, work)
    compile_bytecode(src, release_src)
    load0 = load()
    try:
        lines = run_parts(parts, args, docs, src, work, release_src, release_sha)
    finally:
        drop_tree(release_src)
        shutil.rmtree(work, ignore_errors=True)
    flags = (f" --write {args.write}" if args.write else "") + (f" --parts {args.parts}" if parts != set(ALL_PARTS) else "")
    head = [f"Written by `python benchmarks/bench_corpus.py{flags}` "
            f"on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(started))} ({time.time() - started:.0f} s), "
            f"commit {git('rev-parse', '--short=10', 'HEAD')}; never typed in.  ",
            f"Machine: {machine()}; load average (1/5/15 min) {load0} at the start, {load()} at the end. "
            "Both trees' bytecode is compiled before timing, as an installed package's is.", ""]
    text = "\n".join(head + lines) + "\n"
    print(text)
    if args.write:
        replace_block(args.write, "bench_corpus", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
