"""Portal pages made from gold Markdown, and how well the HTML reader reads them.

Real directive documents are often saved from official web portals: the body
sits in one cell of a layout table, its lines separated by ``<br>``, headings
in ``<b>``, assignment tables as real ``<table>``s, and around it menus,
breadcrumbs, "Tin liên quan" lists and a footer, mostly without telling
class names. :func:`portal_page` builds such a page from a document's
Markdown (the gold form); :func:`compare` extracts tasks from the Markdown
and from the page and scores both against the gold with the vendored scorer
(:mod:`directive_nlp.evaluation`, score.py's sums, task match 0.5).

Usage::

    python benchmarks/html_portal.py [FOLDER ...] [--layout br|p|mixed|split|news] [--keep DIR]
    python benchmarks/html_portal.py --agree FOLDER [--layout ...]

FOLDER defaults to the shared dev and extra corpora (or ``tests/documents``
when they are absent); the read half and the measured half (extra 11, 18-23)
are pooled apart. ``--keep DIR`` writes the generated pages there.
``--agree FOLDER`` reads documents without gold (``FOLDER/*.md``) both ways
and prints how far the page's tasks agree with the Markdown's.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEASURED = ("11", "18", "19", "22", "23")

_TOP = """<div><a href="/">Trang chủ</a> | <a href="/gioi-thieu">Giới thiệu</a> | <a href="/tin-tuc">Tin tức - Sự kiện</a> |
<a href="/van-ban">Văn bản chỉ đạo điều hành</a> | <a href="/thu-tuc">Thủ tục hành chính</a> | <a href="/lien-he">Liên hệ</a></div>
<div><a href="/">Trang chủ</a> &raquo; <a href="/van-ban">Văn bản</a> &raquo; <a href="/van-ban/ke-hoach">Kế hoạch</a></div>
"""
_LEFT = """<td width="22%" valign="top"><b>DANH MỤC</b><br>
<a href="/1">Chỉ đạo điều hành</a><br><a href="/2">Văn bản quy phạm pháp luật</a><br>
<a href="/3">Quy hoạch - Kế hoạch</a><br><a href="/4">Thông tin tuyên truyền</a><br>
<a href="/5">Hỏi đáp trực tuyến</a><br><a href="/6">Lịch làm việc của lãnh đạo</a><br>
<b>Liên kết website</b><br><a href="/7">Cổng thông tin Chính phủ</a><br><a href="/8">Công báo tỉnh</a></td>
"""
_RELATED = """<div><b>Tin liên quan</b><ul>
<li><a href="/r1">Kế hoạch triển khai công tác cải cách hành chính năm 2026</a> (12/01/2026)</li>
<li><a href="/r2">Quyết định về việc kiện toàn Ban Chỉ đạo chuyển đổi số của tỉnh</a> (05/01/2026)</li>
<li><a href="/r3">Chỉ thị về tăng cường công tác phòng cháy, chữa cháy dịp Tết</a> (28/12/2025)</li>
</ul></div>
"""
_FOOTER = """<div><p>CỔNG THÔNG TIN ĐIỆN TỬ TỈNH - Cơ quan chủ quản: Văn phòng Ủy ban nhân dân tỉnh.</p>
<p>Địa chỉ: số 1 đường Trần Hưng Đạo; Điện thoại: 0200 3800 000; Email: congthongtin@example.vn</p>
<p>Ghi rõ nguồn khi phát hành lại thông tin từ trang này. Lượt truy cập: 1.234.567</p></div>
<script>var counter = 1234567;</script>
"""

_TABLE_SEP = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def inline(text: str) -> str:
    """Markdown emphasis to HTML (``**b**`` -> ``<b>``, ``*i*`` -> ``<i>``), text escaped."""
    out = html.escape(text, quote=False)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out, flags=re.S)
    out = re.sub(r"(?<![\w*])\*(?!\s)(.+?)\*(?![\w*])", r"<i>\1</i>", out, flags=re.S)
    return out.replace("*", "")


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", line)]


def _cell(text: str) -> str:
    """A cell's HTML. A cell as long as a page's layout cell is a web page's
    body flattened by its conversion to Markdown (every paragraph break
    lost): its paragraphs are restored as ``<p>`` where the Markdown reader
    finds the lost breaks, as the page itself had them."""
    from directive_nlp.ingest.text import _HEADING_RUN_RE, _LOST_BREAK_RE, LAYOUT_CELL_CHARS

    if len(text) < LAYOUT_CELL_CHARS:
        return inline(text)
    out: list[str] = []
    for piece in (p.strip() for p in _LOST_BREAK_RE.split(text) if p and p.strip()):
        head = _HEADING_RUN_RE.match(piece)
        parts = [piece[: head.end()], piece[head.end():]] if head else [piece]
        out.extend(f"<p>{inline(p.strip())}</p>" for p in parts if p.strip())
    return "".join(out)


def _table(lines: list[str]) -> str:
    rows = [_cells(l) for l in lines if not _TABLE_SEP.match(l.strip())]
    out = ['<table border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse">']
    for r in rows:
        out.append("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in r) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _blocks(md: str) -> list[tuple[str, str]]:
    """Markdown as ("table", rows) and ("para", text) blocks (a paragraph's
    soft line breaks joined: a portal renders one paragraph as one line)."""
    blocks: list[tuple[str, str]] = []
    para: list[str] = []
    table: list[str] = []

    def flush() -> None:
        if para:
            blocks.append(("para", " ".join(l.strip() for l in para)))
            para.clear()
        if table:
            blocks.append(("table", "\n".join(table)))
            table.clear()

    for line in md.splitlines():
        if line.strip().startswith("|") and not para:
            table.append(line)
            continue
        if table:
            flush()
        if not line.strip():
            flush()
            continue
        para.append(re.sub(r"^#+\s*", "", line))
    flush()
    return blocks


def _heading(text: str) -> str:
    """A paragraph written wholly in bold: the portal's heading style (<b> alone)."""
    return re.sub(r"^\s*\*\*(.+?)\*\*\s*$", r"\1", text, flags=re.S)


def _mixed(blocks: list[tuple[str, str]]) -> str:
    """The messiest common form: runs of up to four paragraphs typed into one
    ``<p>`` with ``<br>`` between them, ``&nbsp;`` indents, headings as
    ``<strong>`` or a bold ``<span>``, tables as they are."""
    parts: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            parts.append("<p>" + "<br>\n".join(run) + "</p>")
            run.clear()

    for i, (kind, text) in enumerate(blocks):
        if kind == "table":
            flush()
            parts.append(_table(text.splitlines()))
            continue
        stripped = _heading(text)
        if stripped != text:
            flush()
            tag = ('<strong>', '</strong>') if i % 2 else ('<span style="font-weight: bold">', '</span>')
            parts.append(f"<p>{tag[0]}{inline(stripped)}{tag[1]}</p>")
            continue
        run.append("&nbsp;&nbsp;&nbsp; " + inline(text))
        if len(run) == 4:
            flush()
    flush()
    return "\n".join(parts)


def body_html(md: str, layout: str = "br") -> str:
    """The document body as a portal types it: ``br`` = loose lines separated
    by ``<br>`` (headings in ``<b>``); ``p`` = one ``<p>`` per paragraph;
    ``mixed`` = see :func:`_mixed`."""
    if layout == "mixed":
        return _mixed(_blocks(md))
    parts: list[str] = []
    for kind, text in _blocks(md):
        if kind == "table":
            parts.append(_table(text.splitlines()))
            continue
        stripped = _heading(text)
        frag = f"<b>{inline(stripped)}</b>" if stripped != text else inline(text)
        parts.append(f"<p>{frag}</p>" if layout == "p" else frag + "<br>")
    return "\n".join(parts)


def portal_page(md: str, layout: str = "br", title: str = "Văn bản") -> str:
    """A portal page around the document (see :func:`_page_one_cell` and
    :func:`_page_rows`)."""
    if layout == "mixed":
        return _page_rows(md, title)
    if layout == "split":
        return _page_split(md, title)
    if layout == "news":
        return _page_news(md, title)
    return _page_one_cell(md, layout, title)


_TOOLS = """<div>In trang | Gửi email | Lượt xem: 321</div>
<div><b>Tin liên quan</b><br><a href="/r1">Kế hoạch cải cách hành chính năm 2026</a><br>
<a href="/r2">Quyết định kiện toàn Ban Chỉ đạo chuyển đổi số</a><br>
<a href="/r3">Chỉ thị tăng cường phòng cháy, chữa cháy dịp Tết</a></div>"""


def _page_rows(md: str, title: str) -> str:
    """The document in a three-row layout table (the body in one wide cell)
    with the page's tools and related links in the same column below it."""
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>
<body>
{_TOP}
<table width="100%"><tr>{_LEFT}<td valign="top">
<table width="100%" border="0"><tr><td colspan="2"><div>
{body_html(md, "mixed")}
</div></td></tr></table>
{_TOOLS}
</td></tr></table>
{_FOOTER}
</body></html>
"""


def _page_split(md: str, title: str) -> str:
    """The body (one ``<p>`` per paragraph) in a one-cell layout table that
    shares its column with the page's title line, tools and related links,
    none of them wrapped in a container of their own."""
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>
<body>
{_TOP}
<table width="100%"><tr>{_LEFT}<td valign="top">
<p><b>{html.escape(title)}</b></p><p>Ngày đăng: 15/12/2025 | Lượt xem: 321</p>
<table width="100%" cellpadding="6"><tr><td>
{body_html(md, "p")}
</td></tr></table>
<p>In trang | Gửi email | Lượt xem: 321</p>
<p><b>Tin liên quan</b></p>
<p><a href="/r1">Kế hoạch cải cách hành chính năm 2026</a></p>
<p><a href="/r2">Quyết định kiện toàn Ban Chỉ đạo chuyển đổi số</a></p>
</td></tr></table>
{_FOOTER}
</body></html>
"""


_TEASERS = [
    ("Hội nghị triển khai nhiệm vụ kinh tế - xã hội năm 2026",
     "Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội, bảo đảm "
     "quốc phòng, an ninh năm 2026 với sự tham dự của lãnh đạo các sở, ban, ngành và địa phương trong tỉnh."),
    ("Đoàn công tác của tỉnh thăm, chúc Tết các đơn vị lực lượng vũ trang",
     "Nhân dịp Tết Nguyên đán, đoàn công tác do đồng chí Phó Chủ tịch Ủy ban nhân dân tỉnh làm trưởng đoàn đã "
     "đến thăm, chúc Tết cán bộ, chiến sĩ các đơn vị lực lượng vũ trang đóng quân trên địa bàn tỉnh."),
    ("Tăng cường kiểm tra an toàn thực phẩm dịp cuối năm",
     "Các đoàn kiểm tra liên ngành đã kiểm tra hơn 300 cơ sở sản xuất, kinh doanh thực phẩm, phát hiện và xử lý "
     "nhiều trường hợp vi phạm, góp phần bảo đảm an toàn thực phẩm phục vụ nhân dân đón Tết."),
    ("Khánh thành công trình cầu dân sinh tại các xã vùng sâu",
     "Công trình được đầu tư từ nguồn vốn ngân sách tỉnh và xã hội hóa, giúp người dân đi lại thuận tiện hơn, "
     "nhất là trong mùa mưa lũ, góp phần phát triển kinh tế - xã hội của địa phương."),
]


def _page_news(md: str, title: str) -> str:
    """A news portal: the document (one ``<p>`` per paragraph) in a bare
    ``<div>`` between the article's title line and a long column of news
    teasers (a linked headline and a plain summary each), nothing named."""
    teasers = "\n".join(f'<div><a href="/t{i}"><b>{h}</b></a><p>{html.escape(t)}</p></div>'
                        for i, (h, t) in enumerate(_TEASERS * 2))
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>
<body>
{_TOP}
<div><div>
<h1>{html.escape(title)}</h1><p>Ngày đăng: 15/12/2025 | Lượt xem: 321</p>
<div>
{body_html(md, "p")}
</div>
<p>In trang | Gửi email | Lượt xem: 321</p>
</div>
<div><h3>Tin mới</h3>
{teasers}
</div></div>
{_FOOTER}
</body></html>
"""


def _page_one_cell(md: str, layout: str = "br", title: str = "Văn bản") -> str:
    """A whole portal page: top menu and breadcrumb, a two-column layout table
    (link column, content column), the document in a one-cell layout table
    inside the content column, "Tin liên quan" and a footer."""
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>td {{ font-family: Arial; }}</style></head>
<body>
{_TOP}
<table width="100%" cellpadding="0" cellspacing="0"><tr>
{_LEFT}<td valign="top">
<div><b>{html.escape(title)}</b> <span>Ngày đăng: 15/12/2025 | Lượt xem: 321</span></div>
<table width="100%" border="0"><tr><td>
{body_html(md, layout)}
</td></tr></table>
{_RELATED}</td></tr></table>
{_FOOTER}
</body></html>
"""


def gold_folders() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus"
    found = [shared / "dev", shared / "extra"]
    found = [f for f in found if f.is_dir()]
    return found or [ROOT / "tests" / "documents"]


def compare(folders: list[Path], layout: str = "br", keep: Path | None = None,
            names: tuple[str, ...] | None = None) -> dict:
    """Score the Markdown and the portal page of every gold document in
    ``folders`` (optionally only those whose name starts with one of
    ``names``). Returns per-document triple F1 of both forms and the
    pooled reports of the read and the measured half."""
    from directive_nlp.evaluation import count, find_gold_documents, is_measured, report
    from directive_nlp.pipeline import extract

    docs = find_gold_documents(folders, "md")
    if names is not None:
        docs = [d for d in docs if is_measured(d.name, names)]
    pooled = {(h, f): Counter() for h in ("read", "measured") for f in ("md", "html")}
    per_doc: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="dnlp-portal-") as tmp:
        out = Path(keep) if keep else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for d in docs:
            page = out / f"{d.name}.html"
            page.write_text(portal_page(d.path.read_text(encoding="utf-8"), layout, d.name), encoding="utf-8")
            half = "measured" if is_measured(d.name, MEASURED) else "read"
            row = {"half": half}
            for form, path in (("md", d.path), ("html", page)):
                pred = [t.model_dump() for t in extract(path).tasks]
                c = count(d.gold, pred, 0.5)
                pooled[(half, form)] += c
                row[form] = report(c)["triple"]["f1"]
            per_doc[d.name] = row
    halves = {f"{h}/{f}": report(c) for (h, f), c in pooled.items() if c}
    return {"documents": per_doc, "pooled": halves}


def agreement(folder: Path, layout: str = "br") -> dict[str, float]:
    """For documents without gold (``folder/*.md``): triple F1 of the tasks
    extracted from the portal page scored against those extracted from the
    Markdown (1.0 = the same tasks, agencies and deadlines)."""
    from directive_nlp.evaluation import count, report
    from directive_nlp.pipeline import extract

    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="dnlp-portal-") as tmp:
        for md in sorted(Path(folder).glob("*.md")):
            if md.name.isupper() or md.stem.upper() == md.stem:
                continue  # SOURCES.md, README.md
            page = Path(tmp) / f"{md.stem}.html"
            page.write_text(portal_page(md.read_text(encoding="utf-8"), layout, md.stem), encoding="utf-8")
            ref = [t.model_dump() for t in extract(md).tasks]
            got = [t.model_dump() for t in extract(page).tasks]
            out[md.stem] = report(count(ref, got, 0.5))["triple"]["f1"] if ref or got else 1.0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path)
    ap.add_argument("--layout", choices=("br", "p", "mixed", "split", "news"), default="br")
    ap.add_argument("--keep", type=Path)
    ap.add_argument("--agree", type=Path, help="a folder of documents without gold: md/html agreement only")
    args = ap.parse_args(argv)
    if args.agree:
        agree = agreement(args.agree, args.layout)
        for name, f1 in agree.items():
            print(f"{name[:58]:58} {f1:6.3f}")
        print(f"documents {len(agree)}, mean md/html agreement (triple F1) {sum(agree.values()) / max(len(agree), 1):.3f}")
        return 0
    res = compare(args.folders or gold_folders(), args.layout, args.keep)
    print(f"{'document':58} {'half':8} {'md':>6} {'html':>6} {'diff':>6}")
    for name, r in res["documents"].items():
        print(f"{name[:58]:58} {r['half']:8} {r['md']:6.3f} {r['html']:6.3f} {r['html'] - r['md']:+6.3f}")
    for key, rep in res["pooled"].items():
        figs = " ".join(f"{k} {rep[k]['f1']:.3f}" for k in ("task", "agency", "deadline", "triple"))
        print(f"pooled {key:14} {figs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
