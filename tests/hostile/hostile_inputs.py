"""Hostile and unlucky inputs, made on demand at a chosen scale.

Each maker writes one input of its class into ``folder`` and returns its
path. ``scale`` 1 is the scaled-down version the test suite uses (seconds,
megabytes); ``benchmarks/hostile.py`` calls the same makers with the full
sizes of issue 16 (a 20 MB text, a 1 GB flate bomb, a thousand blank pages,
a million HTML elements). Special files (FIFOs, device nodes) are only ever
made inside ``folder``, never taken from the machine's ``/dev``.
"""

from __future__ import annotations

import json
import os
import stat
import zipfile
import zlib
from pathlib import Path

SENTENCE = ("Sở Tài chính chủ trì, phối hợp với các sở, ngành rà soát kinh phí thực hiện "
            "kế hoạch và báo cáo Ủy ban nhân dân tỉnh trước ngày 30/6/2026.")
PLAN = ("ỦY BAN NHÂN DÂN TỈNH AN BÌNH\nKẾ HOẠCH\nTriển khai công tác năm 2026\nI. NHIỆM VỤ\n"
        "1. Sở Tài chính chủ trì rà soát kinh phí thực hiện trước ngày 30/6/2026.\n"
        "2. Sở Y tế phối hợp với các huyện kiểm tra cơ sở y tế trong năm 2026.\n")


def plan_text(n: int = 1) -> str:
    """A small, ordinary plan whose items are numbered 1..n."""
    items = "".join(f"{i}. {SENTENCE}\n" for i in range(1, n + 1))
    return f"ỦY BAN NHÂN DÂN TỈNH AN BÌNH\nKẾ HOẠCH\nTriển khai công tác năm 2026\nI. NHIỆM VỤ\n{items}"


def big_text(folder: Path, chars: int) -> Path:
    """A plan of about ``chars`` characters (memory and time grow with it)."""
    n = max(1, chars // (len(SENTENCE) + 6))
    p = folder / "big.txt"
    p.write_text(plan_text(n), encoding="utf-8")
    return p


def long_line(folder: Path, chars: int) -> Path:
    """One line of ``chars`` characters: a file with no line breaks."""
    p = folder / "line.txt"
    body = (SENTENCE + " ") * max(1, chars // (len(SENTENCE) + 1))
    p.write_text("KẾ HOẠCH\n" + body + "\n", encoding="utf-8")
    return p


def many_appendices(folder: Path, n: int = 120) -> Path:
    """More than 99 appendices repeating one numbering (the section parser's ids)."""
    p = folder / "appendices.txt"
    parts = [plan_text(2)] + [f"PHỤ LỤC {k}\nI. NHIỆM VỤ\n1. {SENTENCE}\n" for k in range(1, n + 1)]
    p.write_text("".join(parts), encoding="utf-8")
    return p


def many_references(folder: Path, n: int) -> Path:
    """A text citing ``n`` documents (the metadata's reference search)."""
    p = folder / "refs.txt"
    refs = "".join(f"Căn cứ Quyết định số {k}/QĐ-UBND ngày 1/2/2024 của UBND tỉnh; theo số {k}/KH-UBND; "
                   for k in range(1, n + 1))
    p.write_text(plan_text(2) + refs + "\n", encoding="utf-8")
    return p


def html_paragraphs(folder: Path, n: int) -> Path:
    p = folder / "paragraphs.html"
    p.write_text("<html><body><h1>KẾ HOẠCH</h1>" + f"<p>{SENTENCE}</p>" * n + "</body></html>", encoding="utf-8")
    return p


def html_nested(folder: Path, depth: int) -> Path:
    p = folder / "nested.html"
    p.write_text("<html><body>" + "<div>" * depth + SENTENCE + "</div>" * depth + "</body></html>", encoding="utf-8")
    return p


def html_utf16_no_bom(folder: Path) -> Path:
    p = folder / "utf16.html"
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in plan_text(3).splitlines()) + "</body></html>"
    p.write_bytes(html.encode("utf-16-le"))
    return p


def docx_zip_bomb(folder: Path, inflated_mb: int) -> Path:
    """A real DOCX (python-docx) with one extra part of ``inflated_mb`` MB of zeros."""
    import docx

    p = folder / "bomb.docx"
    d = docx.Document()
    for line in plan_text(2).splitlines():
        d.add_paragraph(line)
    d.save(str(p))
    with zipfile.ZipFile(p, "a", compression=zipfile.ZIP_DEFLATED) as z:
        with z.open("word/media/filler.bin", "w", force_zip64=True) as f:
            block = b"\0" * (1 << 20)
            for _ in range(inflated_mb):
                f.write(block)
    return p


def _pdf(objs: list[bytes]) -> bytes:
    out, offs = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)


def pdf_flate_bomb(folder: Path, inflated_mb: int) -> Path:
    """A one-page PDF whose content stream inflates to ``inflated_mb`` MB of spaces."""
    c = zlib.compressobj(9)
    block = b" " * (1 << 20)
    comp = b"".join(c.compress(block) for _ in range(inflated_mb)) + c.flush()
    p = folder / "flate.pdf"
    p.write_bytes(_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(comp) + comp + b"\nendstream",
    ]))
    return p


def blank_pdf(folder: Path, pages: int) -> Path:
    from reportlab.pdfgen import canvas

    p = folder / "blank.pdf"
    c = canvas.Canvas(str(p))
    for _ in range(pages):
        c.showPage()
    c.save()
    return p


def pdf_marker_in_text(folder: Path) -> Path:
    p = folder / "note.txt"
    p.write_text("Ghi chú: tệp mẫu có chuỗi %PDF-1.7 trong nội dung.\n" + plan_text(3), encoding="utf-8")
    return p


def one_letter_text(folder: Path, n: int) -> Path:
    p = folder / "letters.txt"
    p.write_text(" ".join(["a"] * n) + "\n", encoding="utf-8")
    return p


def encrypted_docx(folder: Path) -> Path:
    """What Word writes for a password-protected DOCX: an OLE container
    holding an ``EncryptedPackage`` stream (header and directory entry)."""
    p = folder / "secret.docx"
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\0") + b"\x22\x00\x02" + b"\0" * 61
    p.write_bytes(header + entry + b"\0" * 4096)
    return p


def sparse_file(folder: Path, size: int) -> Path:
    p = folder / "sparse.txt"
    with open(p, "wb") as f:
        f.truncate(size)
    return p


def fifo(folder: Path) -> Path:
    p = folder / "pipe.txt"
    os.mkfifo(p)
    return p


def zero_device_link(folder: Path) -> Path:
    """A node like /dev/zero (char 1,5) made in ``folder``, behind a .txt symlink."""
    dev = folder / "zero-device"
    os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 5))
    link = folder / "zero.txt"
    link.symlink_to(dev)
    return link


def null_device(folder: Path) -> Path:
    """A node like /dev/null (char 1,3) made in ``folder``: an output target that must survive."""
    dev = folder / "null-device"
    os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return dev


def result_json(folder: Path, name: str, mutate) -> Path:
    """An ``extract`` result of a small plan, changed by ``mutate(obj)``."""
    from directive_nlp.pipeline import extract_text

    obj = json.loads(extract_text(plan_text(2), name="plan.txt").model_dump_json())
    mutate(obj)
    p = folder / name
    p.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    return p


def can_mknod(folder: Path) -> bool:
    try:
        os.mknod(folder / ".probe", 0o600 | 0o020000, os.makedev(1, 3))
    except (PermissionError, OSError):
        return False
    os.unlink(folder / ".probe")
    return True
