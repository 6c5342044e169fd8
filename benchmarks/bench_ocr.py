"""OCR speed and word recall on scanned copies of the shared renderings
(the dev PDFs of ../shared/corpus/dev, or ``$DIRECTIVE_NLP_SHARED``, by default).

Each page of a text PDF is rendered to a 200-dpi grey image (what an office
scanner gives), the images are packed into an image-only PDF, and
``ingest.ocr.ocr_pdf_pages`` reads it back (rendered again at 300 dpi,
Tesseract ``vie``). Word recall compares the OCR words with the words of the
PDF's own text layer (multiset intersection / reference words).

    .venv/bin/python benchmarks/bench_ocr.py [--pages 3] [PDF ...]

Prints one line per document and the total pages per second. Single
process; Tesseract uses its own threads (set OMP_THREAD_LIMIT=1 to pin one
core).
"""

from __future__ import annotations

import argparse
import collections
import io
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = Path(os.environ.get("DIRECTIVE_NLP_SHARED", ROOT.parent / "shared")) / "corpus" / "dev"
DEFAULT = [
    DEV / "rendered" / "binhphuoc_kh_so_ket_ct36.pdf",
    DEV / "rendered" / "langson_ctr_hanh_dong_ct36.pdf",
]


def scanned(pdf_bytes: bytes, pages: list[int], dpi: int = 200) -> bytes:
    import pypdfium2 as pdfium

    from directive_nlp.ingest.ocr import render_page

    pdf = pdfium.PdfDocument(pdf_bytes)
    images = [render_page(pdf, p, dpi).convert("L") for p in pages]
    pdf.close()
    buf = io.BytesIO()
    images[0].save(buf, format="PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return buf.getvalue()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def main(argv: list[str] | None = None) -> int:
    import pypdfium2 as pdfium

    from directive_nlp.ingest.ocr import ocr_pdf_pages, tesseract_available

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--pages", type=int, default=3, help="pages per document (from page 1)")
    ap.add_argument("--workers", type=int, default=None, help="Tesseract processes at once (default: cores, max 4)")
    args = ap.parse_args(argv)
    reason = tesseract_available("vie")
    if reason:
        print(reason, file=sys.stderr)
        return 1
    missing = [p for p in args.pdfs or DEFAULT if not p.is_file()]
    if missing:
        print(f"{missing[0]}: not found (the default PDFs are the dev corpus in ../shared; give PDFs)", file=sys.stderr)
        return 1
    total_pages = 0
    total_time = 0.0
    for path in args.pdfs or DEFAULT:
        data = path.read_bytes()
        src = pdfium.PdfDocument(data)
        pages = list(range(1, min(args.pages, len(src)) + 1))
        ref = collections.Counter()
        for p in pages:
            ref.update(words(src[p - 1].get_textpage().get_text_range()))
        src.close()
        scan = scanned(data, pages)
        t0 = time.perf_counter()
        blocks, conf = ocr_pdf_pages(scan, pages, "vie", workers=args.workers)
        dt = time.perf_counter() - t0
        got = collections.Counter()
        for p in pages:
            got.update(words(" ".join(b.text for b in blocks[p])))
        recall = sum((ref & got).values()) / max(1, sum(ref.values()))
        total_pages += len(pages)
        total_time += dt
        print(f"{path.name}: {len(pages)} pages in {dt:.1f} s ({len(pages) / dt:.2f} pages/s), "
              f"word recall {recall:.1%} of {sum(ref.values())} words, mean confidence {conf:.1f}")
    print(f"total: {total_pages} pages in {total_time:.1f} s = {total_pages / total_time:.2f} pages/s (300 dpi, vie)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
