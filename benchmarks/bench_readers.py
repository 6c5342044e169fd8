"""Reader speed and memory: ours (PDF, DOCX, Markdown) beside pdfplumber and
pypdfium2 alone.

    .venv/bin/python benchmarks/bench_readers.py [--shared ../shared] [--pages 100]

Each reader runs in a fresh child process over its whole file set, so the
peak memory is the process's own (``ru_maxrss``), shown both in total and
above the baseline measured after the imports. "pages" for DOCX and Markdown
are the page counts of the matching PDF renderings (those formats have no
pages of their own), so their rates compare with the PDF rows.

Sets: ``shared PDFs`` = shared/corpus/dev/rendered/*.pdf + shared/corpus/extra/rendered/*.pdf;
``generated 100-page`` = a plan of 100 A4 pages (justified paragraphs, a
running header and page numbers, a ruled table every ten pages) written with
reportlab at start-up.

This is a script, not a test: it prints a table and exits.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

CHILD = r"""
import json, resource, sys, time
kind, files = sys.argv[1], json.loads(sys.argv[2])
def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
if kind == "ours":
    from directive_nlp.ingest import read_document
    from directive_nlp.normalize import normalize_document
elif kind == "pdfplumber":
    import pdfplumber
elif kind == "pypdfium2":
    import pypdfium2 as pdfium
base = rss_mb()
t0 = time.perf_counter()
c0 = time.process_time()
pages = 0
for f, n in files:
    if kind == "ours":
        normalize_document(read_document(f))
    elif kind == "pdfplumber":
        with pdfplumber.open(f) as pdf:
            for p in pdf.pages:
                p.extract_text()
                p.close()
    else:
        pdf = pdfium.PdfDocument(f)
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close(); page.close()
        pdf.close()
    pages += n
dt = time.perf_counter() - t0
cpu = time.process_time() - c0
print(json.dumps({"pages": pages, "seconds": dt, "cpu": cpu, "peak_mb": rss_mb(), "base_mb": base}))
"""


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def make_big_pdf(path: Path, pages: int) -> Path:
    """A long plan: paragraphs, headings, a ruled table every ten pages."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVuSans", FONT))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", FONT_BOLD))
    body = ParagraphStyle("b", fontName="DejaVuSans", fontSize=11, leading=15, alignment=TA_JUSTIFY, firstLineIndent=28)
    head = ParagraphStyle("h", parent=body, fontName="DejaVuSans-Bold")
    cell = ParagraphStyle("c", fontName="DejaVuSans", fontSize=9, leading=11)
    para = (
        "Các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố tổ chức quán triệt, triển khai thực hiện "
        "nghiêm túc các nhiệm vụ được giao tại Kế hoạch này; định kỳ hằng quý báo cáo kết quả thực hiện về Sở "
        "Kế hoạch và Đầu tư để tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định. "
    ) * 2

    def on_page(c, d) -> None:
        c.setFont("DejaVuSans", 8)
        c.drawCentredString(A4[0] / 2, A4[1] - 30, "Ủy ban nhân dân tỉnh - Kế hoạch thực hiện năm 2026")
        c.drawCentredString(A4[0] / 2, 30, str(d.page))

    story = []
    for p in range(pages):
        story.append(Paragraph(f"{p + 1}. Nhiệm vụ nhóm {p + 1}", head))
        if p % 10 == 9:
            rows = [["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]] + [
                [str(i), "Rà soát, hoàn thiện cơ chế, chính sách hỗ trợ doanh nghiệp", "Sở Tài chính", "Các sở, ngành", "Quý IV/2026"]
                for i in range(1, 11)
            ]
            t = Table([[Paragraph(c, cell) for c in r] for r in rows], colWidths=[1.2 * cm, 6 * cm, 3 * cm, 3 * cm, 2.5 * cm])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            story.append(t)
        else:
            story += [Paragraph(para, body) for _ in range(4)]
        story.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=on_page, onLaterPages=on_page)
    return path


def run(kind: str, files: list[tuple[str, int]]) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, kind, json.dumps(files)], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--pages", type=int, default=100)
    args = ap.parse_args()

    rendered = sorted((args.shared / "corpus" / "dev" / "rendered").glob("*"))
    extra = args.shared / "corpus" / "extra" / "rendered"
    if extra.is_dir():
        rendered += sorted(extra.glob("*"))
    pdfs = [p for p in rendered if p.suffix == ".pdf"]
    counts = {p: pdf_pages(p) for p in pdfs}

    def pages_of(stem: str) -> int:
        for p, n in counts.items():
            if p.name.split(".")[0] == stem and ".badfont" not in p.name:
                return n
        return 0

    docx = [(str(p), pages_of(p.stem)) for p in rendered if p.suffix == ".docx"]
    mds = [(str(p.parent.parent / f"{p.stem}.md"), pages_of(p.stem)) for p in rendered if p.suffix == ".docx"]
    pdf_set = [(str(p), counts[p]) for p in pdfs]

    with tempfile.TemporaryDirectory() as tmp:
        big = make_big_pdf(Path(tmp) / "plan100.pdf", args.pages)
        big_set = [(str(big), pdf_pages(big))]
        rows = []
        for label, kind, files in [
            ("ours: PDF", "ours", pdf_set),
            ("pdfplumber alone (extract_text)", "pdfplumber", pdf_set),
            ("pypdfium2 alone (get_text_range)", "pypdfium2", pdf_set),
            ("ours: DOCX", "ours", docx),
            ("ours: Markdown", "ours", mds),
            (f"ours: PDF, generated {args.pages}-page", "ours", big_set),
            (f"pdfplumber alone, generated {args.pages}-page", "pdfplumber", big_set),
            (f"pypdfium2 alone, generated {args.pages}-page", "pypdfium2", big_set),
        ]:
            r = run(kind, files)
            rows.append((label, len(files), r["pages"], r["seconds"], r["cpu"], r["pages"] / max(r["cpu"], 1e-9), r["peak_mb"], r["peak_mb"] - r["base_mb"]))

    print(f"{'reader':44} {'files':>5} {'pages':>6} {'wall s':>7} {'CPU s':>7} {'pages/s':>8} {'peak MB':>8} {'+MB':>5}")
    for label, nf, pages, secs, cpu, rate, peak, delta in rows:
        print(f"{label:44} {nf:5d} {pages:6d} {secs:7.2f} {cpu:7.2f} {rate:8.1f} {peak:8.0f} {delta:5.0f}")
    print(
        f"\n(pages/s = pages per CPU second of the reading process, steadier than wall time on a shared "
        f"machine; peak MB = the child's max RSS; +MB = above its RSS after imports; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, Python {sys.version.split()[0]})"
    )


if __name__ == "__main__":
    main()
