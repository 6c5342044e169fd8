"""Scanned copies against their born-digital PDFs: tasks and triple F1.

For each document, the born-digital rendering (``rendered/NAME.pdf``) and a
scan of it are extracted exactly as ``directive-nlp extract`` does, and both
are scored against ``NAME.gold.jsonl`` with the shared scorer
(``../shared/eval/score.py``). The scan is ``rendered/NAME.scanned.pdf`` when
the corpus ships one (extra 22), else one made here the way an office scanner
does it: every page rendered to a 200-dpi grey image, packed into an
image-only PDF (no text layer), so the whole document goes through OCR.

    python benchmarks/bench_scan.py [NAME ...] [--made] [--cache DIR]

Without names: extra 22's shipped scan, plus scans made of the documents of
the readable half (dev and extra 01, 02, 04, 06, 07, 13-17) with ``--made``.
``--cache DIR`` keeps Tesseract's output per page image in DIR (use a
folder under /tmp; OCR runs at about 0.2 pages/s on a busy machine).
Prints one line per document and the pooled triple F1 of each form.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIRECTIVE_NLP_SHARED", ROOT.parent / "shared"))
EXTRA, DEV = SHARED / "corpus" / "extra", SHARED / "corpus" / "dev"
SHIPPED = ["22_laichau-kh7360-luat-tieu-chuan-quy-chuan"]
READABLE = ["01", "02", "04", "06", "07", "13", "14", "15", "16", "17"]


def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def folder_of(name: str) -> Path:
    return EXTRA if name[:2].isdigit() else DEV


def made_scan(pdf: Path, dpi: int = 200) -> bytes:
    import pypdfium2 as pdfium

    from directive_nlp.ingest.ocr import render_page

    doc = pdfium.PdfDocument(pdf.read_bytes())
    images = [render_page(doc, n, dpi).convert("L") for n in range(1, len(doc) + 1)]
    doc.close()
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue()


def cache_ocr(folder: Path) -> None:
    """Keep pytesseract.image_to_data's answers in ``folder`` (keyed by the image)."""
    import pytesseract

    folder.mkdir(parents=True, exist_ok=True)
    original = pytesseract.image_to_data

    def cached(image, lang=None, config="", nice=0, output_type=pytesseract.Output.STRING, timeout=0, **kw):
        if output_type != pytesseract.Output.DICT:
            return original(image, lang=lang, config=config, nice=nice, output_type=output_type, timeout=timeout)
        key = hashlib.md5(image.tobytes() + f"{image.size}{image.mode}{lang}{config}".encode()).hexdigest()
        path = folder / f"{key}.json"
        if path.exists():
            return json.loads(path.read_text())
        data = original(image, lang=lang, config=config, nice=nice, output_type=output_type, timeout=timeout)
        path.write_text(json.dumps(data))
        return data

    pytesseract.image_to_data = cached


def score_one(score, name: str, path: Path, data: bytes | None) -> tuple[Counter, int, list[str]]:
    from directive_nlp.pipeline import extract

    res = extract(path, data)
    pred = json.loads(res.model_dump_json())["tasks"]
    gold = score.load_gold(folder_of(name) / f"{name}.gold.jsonl")
    return score.count(gold, pred), len(pred), res.source.warnings


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="document names (default: extra 22's scan)")
    ap.add_argument("--made", action="store_true", help="add scans made of the readable half")
    ap.add_argument("--cache", type=Path, help="keep Tesseract output here (a folder under /tmp)")
    args = ap.parse_args(argv)
    if args.cache:
        cache_ocr(args.cache)
    score = scorer()
    names = list(args.names) or list(SHIPPED)
    if args.made:
        names += ["binhphuoc_kh_so_ket_ct36", "langson_ctr_hanh_dong_ct36"]
        names += sorted(p.name[: -len(".gold.jsonl")] for p in EXTRA.glob("*.gold.jsonl") if p.name[:2] in READABLE)
    pooled = {"pdf": Counter(), "scan": Counter()}
    print(f"{'document':44} {'pdf tasks':>9} {'scan tasks':>10} {'pdf F1':>7} {'scan F1':>8} {'diff':>6}")
    for name in names:
        pdf = folder_of(name) / "rendered" / f"{name}.pdf"
        shipped = pdf.with_name(f"{name}.scanned.pdf")
        c1, n1, _ = score_one(score, name, pdf, None)
        if shipped.exists():
            c2, n2, warn = score_one(score, name, shipped, None)
        else:
            c2, n2, warn = score_one(score, name, pdf.with_name(f"{name}.made-scan.pdf"), made_scan(pdf))
        pooled["pdf"].update(c1)
        pooled["scan"].update(c2)
        f1, f2 = score.report(c1)["triple"]["f1"], score.report(c2)["triple"]["f1"]
        kind = "shipped" if shipped.exists() else "made"
        flag = " (warned: few tasks)" if any("few tasks" in w for w in warn) else ""
        print(f"{name[:36] + ' [' + kind + ']':44} {n1:9} {n2:10} {f1:7.3f} {f2:8.3f} {f2 - f1:+6.3f}{flag}")
    p, s = score.report(pooled["pdf"])["triple"]["f1"], score.report(pooled["scan"])["triple"]["f1"]
    print(f"{'pooled':44} {'':9} {'':10} {p:7.3f} {s:8.3f} {s - p:+6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
