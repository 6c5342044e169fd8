"""Synthetic-corpus benchmark: every stage, the whole pipeline, 1 vs 2 workers,
Dask, and the floors a user could build by hand — one table from one run.

    python benchmarks/bench_synthetic.py                # ~500 documents, ~5,000 pages
    python benchmarks/bench_synthetic.py --docs 60      # a quicker run
    python benchmarks/bench_synthetic.py --write BENCHMARKS.md

(The figures on the real gold documents — end to end against underthesea,
the PDF reader against the release, cold start, memory over a long batch —
are ``bench_corpus.py``'s.) ``--write`` replaces the block between
``<!-- bench_synthetic:begin -->`` and ``<!-- bench_synthetic:end -->``.

The generated corpus is rendered to PDF with reportlab (DejaVuSans) from
:func:`directive_nlp.synth.make_plan`, so pages are real PDF pages. Stages are
timed on a sample of documents in this process; batch runs (1 worker, 2
workers, Dask LocalCluster with 2 workers) each run in a fresh subprocess so
their peak memory (max RSS of the worker processes) is measured apart.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _blocks import machine, replace_block

ROOT = Path(__file__).resolve().parents[1]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def render_pdf(markdown: str, path: Path) -> int:
    """Render a synthetic plan to PDF (paragraphs and the appendix table)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", FONT))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_BOLD))
    body = ParagraphStyle("b", fontName="DejaVu", fontSize=12, leading=16, spaceAfter=4)
    bold = ParagraphStyle("h", parent=body, fontName="DejaVu-Bold")
    cell = ParagraphStyle("c", parent=body, fontSize=9, leading=11)
    story: list = []
    rows: list[list] = []
    pages = {"n": 0}

    def flush_table() -> None:
        if rows:
            t = Table(rows, colWidths=[30, 170, 100, 100, 70], repeatRows=1)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(t)
            rows.clear()

    for line in markdown.splitlines():
        s = line.strip()
        if s.startswith("|") and s.endswith("|"):
            cells = [c.strip().replace("**", "").replace("*", "") for c in s.strip("|").split("|")]
            if len(cells) == 5:
                rows.append([Paragraph(escape(c), cell) for c in cells])
            else:
                story.append(Paragraph(escape("   ".join(cells)), body))
            continue
        flush_table()
        if not s:
            continue
        is_bold = s.startswith("**") and s.endswith("**")
        story.append(Paragraph(escape(s.replace("**", "").replace("*", "")), bold if is_bold else body))
    flush_table()
    story.append(Spacer(1, 4))

    def count(canvas, doc) -> None:
        pages["n"] += 1
        canvas.setFont("DejaVu", 9)
        canvas.drawCentredString(A4[0] / 2, 20, str(doc.page))

    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=60, rightMargin=50, topMargin=50, bottomMargin=50).build(
        story, onFirstPage=count, onLaterPages=count
    )
    return pages["n"]


def make_corpus(folder: Path, docs: int) -> tuple[list[Path], int]:
    from directive_nlp.synth import make_plan

    folder.mkdir(parents=True, exist_ok=True)
    paths, pages = [], 0
    for i in range(docs):
        md = make_plan(1000 + i, areas=7, items_per_area=9, table_rows=12)
        p = folder / f"doc{i:04d}.pdf"
        pages += render_pdf(md, p)
        paths.append(p)
    return paths, pages


def _timeit(fn, *a, **k):
    t = time.perf_counter()
    out = fn(*a, **k)
    return out, time.perf_counter() - t


def stage_table(sample: list[Path]) -> tuple[list[dict], dict]:
    """Time each stage on the sample (after a warm-up document)."""
    import pypdfium2 as pdfium
    from underthesea import word_tokenize

    from directive_nlp.ingest import read_document
    from directive_nlp.normalize import normalize_document
    from directive_nlp.pipeline import extract
    from directive_nlp.structure import parse_structure
    from directive_nlp.structure.metadata import extract_metadata
    from directive_nlp.tasks import extract_tasks

    extract(sample[0])  # warm-up: every model and cache loaded
    t = {k: 0.0 for k in ("pdfium", "read", "normalize", "structure", "metadata", "tasks", "extract", "wt")}
    pages = sentences = 0
    for p in sample:
        def pdfium_text() -> int:
            pdf = pdfium.PdfDocument(str(p))
            n = len(pdf)
            for i in range(n):
                page = pdf[i]
                tp = page.get_textpage()
                tp.get_text_range()
                tp.close()
                page.close()
            pdf.close()
            return n

        n, dt = _timeit(pdfium_text)
        t["pdfium"] += dt
        pages += n
        src, dt = _timeit(read_document, p)
        t["read"] += dt
        doc, dt = _timeit(normalize_document, src)
        t["normalize"] += dt
        st, dt = _timeit(parse_structure, doc)
        t["structure"] += dt
        meta, dt = _timeit(extract_metadata, doc, st)
        t["metadata"] += dt
        _, dt = _timeit(extract_tasks, doc, st, meta)
        t["tasks"] += dt
        _, dt = _timeit(extract, p)
        t["extract"] += dt
        lines = [l for l in doc.text.split("\n") if l.strip()]
        sentences += len(lines)
        _, dt = _timeit(lambda: [word_tokenize(l) for l in lines])
        t["wt"] += dt
    rows = [
        {"stage": "pypdfium2 text alone (floor)", "seconds": t["pdfium"]},
        {"stage": "read (PDF reader: text + layout)", "seconds": t["read"]},
        {"stage": "normalise", "seconds": t["normalize"]},
        {"stage": "section tree", "seconds": t["structure"]},
        {"stage": "metadata", "seconds": t["metadata"]},
        {"stage": "recognisers + tasks (on normalised text)", "seconds": t["tasks"]},
        {"stage": "underthesea word_tokenize alone (floor, same text)", "seconds": t["wt"]},
        {"stage": "whole pipeline (extract, end to end)", "seconds": t["extract"]},
    ]
    for r in rows:
        r["pages_per_s"] = pages / r["seconds"] if r["seconds"] else float("inf")
        r["sentences_per_s"] = sentences / r["seconds"] if r["seconds"] else float("inf")
    ratios = {
        "text_vs_word_tokenize": t["wt"] / t["tasks"] if t["tasks"] else 0.0,
        "end_to_end_vs_pdfium": t["pdfium"] / t["extract"] if t["extract"] else 0.0,
    }
    return rows, {"pages": pages, "sentences": sentences, "docs": len(sample), **ratios}


_BATCH = """
import json, resource, sys, time
from directive_nlp.batch import run_batch
t = time.perf_counter()
s = run_batch([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]), backend=sys.argv[4])
secs = time.perf_counter() - t
print(json.dumps({"done": s.done, "failed": s.failed, "pages": s.pages, "seconds": secs,
                  "peak_mb_per_worker": s.peak_mb_per_worker}))
"""


def batch_run(folder: Path, workers: int, backend: str) -> dict:
    out = Path(tempfile.mkdtemp(prefix=f"bench-{backend}-{workers}-"))
    r = subprocess.run([sys.executable, "-c", _BATCH, str(folder), str(out), str(workers), backend],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(r.stderr[-3000:])
    # peak memory per worker: each worker reports its own max RSS with every document
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=500, help="documents to generate (default 500, ~5,000 pages)")
    ap.add_argument("--sample", type=int, default=20, help="documents for the per-stage timing")
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--write", type=Path, help="also write the report (Markdown) to this file")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    t0 = time.perf_counter()
    paths, pages = make_corpus(work / "in", args.docs)
    gen = time.perf_counter() - t0
    rows, info = stage_table(paths[: args.sample])
    runs = [("local", 1), ("local", 2)] + ([] if args.no_dask else [("dask", 2)])
    batch = {f"{b}x{w}": batch_run(work / "in", w, b) for b, w in runs}

    out: list[str] = []
    out.append(f"Machine: {machine()}  ")
    out.append(f"Corpus: {args.docs} generated PDF documents, {pages} pages (generated in {gen:.0f} s); "
               f"per-stage sample: {info['docs']} documents, {info['pages']} pages, {info['sentences']} sentences "
               f"(non-empty lines of normalised text).")
    out.append("")
    out.append("| stage (one core, after warm-up) | seconds | pages/s | sentences/s |")
    out.append("|---|---:|---:|---:|")
    for r in rows:
        out.append(f"| {r['stage']} | {r['seconds']:.2f} | {r['pages_per_s']:.1f} | {r['sentences_per_s']:.0f} |")
    out.append("")
    out.append(f"Ratio on text input, recognisers + tasks vs `word_tokenize` alone: {info['text_vs_word_tokenize']:.2f} "
               f"(target ≥ 0.5). End to end vs pypdfium2 text alone: {info['end_to_end_vs_pdfium']:.3f}.")
    out.append("")
    out.append("| batch run (whole corpus) | documents | failed | pages | seconds | pages/s | peak MB per worker |")
    out.append("|---|---:|---:|---:|---:|---:|---:|")
    for k, r in batch.items():
        out.append(f"| {k} | {r['done']} | {r['failed']} | {r['pages']} | {r['seconds']:.1f} | "
                   f"{r['pages'] / r['seconds']:.1f} | {r['peak_mb_per_worker']:.0f} |")
    base = batch["localx1"]["seconds"]
    out.append("")
    out.append(f"Speed-up 1 → 2 workers: {base / batch['localx2']['seconds']:.2f}× (target ≥ 1.8)"
               + (f"; Dask LocalCluster 2 workers: {base / batch['daskx2']['seconds']:.2f}×" if "daskx2" in batch else "")
               + ".")
    text = "\n".join(out) + "\n"
    print(text)
    if args.write:
        stamp = (f"Written by `python benchmarks/bench_synthetic.py --write {args.write}` "
                 f"(options: --docs {args.docs} --sample {args.sample}); never typed in.\n\n")
        replace_block(args.write, "bench_synthetic", stamp + text)


if __name__ == "__main__":
    main()
