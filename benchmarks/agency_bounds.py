"""Census of agency mention boundaries at every body head (bound17).

    python benchmarks/agency_bounds.py FOLDER... [--measured 11,18,19,22,23] [--list SHAPE]

For every phrase of the documents that starts with a typical body head
("Sở", "Ban", "Ủy ban"/"UBND", "Hội", "Trung tâm", "Cục", "Công an", "Bộ", ...
capitalised, or "các"/"những" + a generic noun) it compares the mention that
``agencies.find_agencies`` returns for the line and puts the head in one class:

* ``ok`` — a mention starts at the head and nothing suspicious follows it;
* ``missing`` — no mention covers the head;
* ``cut:cap`` — the mention ends right before a capitalised word of the same
  phrase (no punctuation between): a name cut short ("Sở Giáo dục | Đào tạo");
* ``cut:<word>`` — it ends before a word of ``CONTINUATIONS`` (a generic noun
  or level written on without a comma: "các bộ | ngành");
* ``tail:<words>`` — the lowercase words the mention ends on after its last
  capitalised word, printed so that a swallowed verb or object
  ("Sở Giáo dục chú trọng") shows in the table (a census, not a verdict).

It reads only the documents' text, never gold, and skips the measured half's
documents (``--measured``) altogether. Counts per shape and per document.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

from directive_nlp.agencies import find_agencies
from directive_nlp.normalize import normalize_text

HEADS = ["Ủy ban nhân dân", "Uỷ ban nhân dân", "Ủy ban", "UBND", "Hội đồng", "Hội", "Sở", "Ban", "Đài", "Báo",
         "Trung tâm", "Viện", "Trường", "Tổng cục", "Chi cục", "Cục", "Phòng", "Văn phòng", "Kho bạc", "Ngân hàng",
         "Tổng công ty", "Công ty", "Tập đoàn", "Liên đoàn", "Tỉnh đoàn", "Thành đoàn", "Đoàn", "Công an",
         "Bộ Chỉ huy", "Bộ đội Biên phòng", "Bộ", "Liên minh", "Mặt trận", "Cảng vụ", "Quỹ", "Hạt kiểm lâm",
         "Ban Quản lý", "Ban Chỉ đạo", "Bảo hiểm xã hội", "Thanh tra", "Cục Thuế", "Tòa án", "Viện kiểm sát"]
GENERIC = ["sở", "ban", "ngành", "cơ quan", "đơn vị", "địa phương", "tổ chức", "doanh nghiệp", "bộ", "đoàn thể",
           "hội", "lực lượng", "công ty", "trường", "trung tâm", "phòng", "ban ngành", "hội đoàn thể", "huyện",
           "xã", "phường", "ủy ban", "cấp ủy", "chi bộ", "hiệp hội", "ngân hàng", "tổ chức tín dụng", "viện"]
CONTINUATIONS = {"ngành", "đoàn", "thể", "ban", "liên", "quan", "tỉnh", "huyện", "thành", "phố", "xã", "phường",
                 "cấp", "trung", "ương", "địa", "phương", "chức", "năng", "đơn", "vị", "có", "khác", "thuộc",
                 "trực", "thị", "trấn", "quận", "khu", "vực", "cơ", "sở", "hội", "nghề", "nghiệp", "mặt", "trận"}
HEAD_RE = re.compile(r"(?<![\wÀ-ỹ])(?:" + "|".join(sorted((re.escape(h) for h in HEADS), key=len, reverse=True))
                     + r")(?![\wÀ-ỹ])")
GEN_RE = re.compile(r"(?<![\wÀ-ỹ])(?:[Cc]ác|[Nn]hững) (?:" + "|".join(sorted((re.escape(h) for h in GENERIC),
                    key=len, reverse=True)) + r")(?![\wÀ-ỹ])")
WORD = re.compile(r"[\wÀ-ỹ]+")


def _next_word(line: str, end: int) -> tuple[str, bool]:
    """The word right after ``end`` when only spaces stand between (else '')."""
    m = re.match(r"[ \t]+([\wÀ-ỹ]+)", line[end:])
    return (m.group(1), True) if m else ("", False)


def classify(line: str, start: int, mentions) -> str:
    cover = [m for m in mentions if m.start <= start < m.end]
    if not cover:
        return "missing"
    m = cover[0]
    nxt, _ = _next_word(line, m.end)
    if nxt and nxt[0].isupper() and not nxt.isupper():
        return "cut:cap"
    if nxt.lower() in CONTINUATIONS and nxt.islower():
        return "cut:" + nxt
    words = WORD.findall(m.name)
    last_cap = max((k for k, w in enumerate(words) if w[0].isupper()), default=-1)
    tail = words[last_cap + 2:]  # the first word after a capital is its compound's second syllable
    if last_cap >= 1 and tail and not m.name.startswith(("các", "những", "Các", "Những")):
        return "tail:" + " ".join(tail[-2:]).lower()
    return "ok"


def census(paths: list[Path]):
    shapes: Counter = Counter()
    per_doc: dict[str, Counter] = defaultdict(Counter)
    examples: dict[str, list[str]] = defaultdict(list)
    for p in paths:
        text = normalize_text(p.read_text(encoding="utf-8")).text
        for line in text.splitlines():
            if not line.strip():
                continue
            mentions = find_agencies(line)
            starts = [(h.start(), h.group(0)) for h in HEAD_RE.finditer(line)]
            starts += [(h.start(), h.group(0).split(" ", 1)[1]) for h in GEN_RE.finditer(line)]
            seen_mentions = set()
            for s, head in sorted(starts):
                cover = [m for m in mentions if m.start <= s < m.end]
                if cover and id(cover[0]) in seen_mentions:
                    continue  # one mention, counted once (at its first head)
                if cover:
                    seen_mentions.add(id(cover[0]))
                cls = classify(line, s, mentions)
                kind = "generic" if head[0].islower() else "named"
                key = f"{cls}"
                shapes[(kind, key)] += 1
                per_doc[p.name.split("_")[0]][cls.split(":")[0]] += 1
                m = cover[0] if cover else None
                shown = (line[max(0, s - 20):(m.end if m else s) + 30] if m else line[max(0, s - 20):s + 50])
                if m:
                    shown = line[max(0, m.start - 15):m.start] + "[" + m.name + "]" + line[m.end:m.end + 30]
                examples[key].append(f"{p.name.split('_')[0]}: {shown}")
    return shapes, per_doc, examples


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--measured", default="11,18,19,22,23")
    ap.add_argument("--list", default="", help="print the examples of the shapes starting with this")
    ap.add_argument("--min", type=int, default=2, help="print tail shapes seen at least this often")
    args = ap.parse_args()
    measured = [m for m in args.measured.split(",") if m]
    paths = sorted(p for f in args.folders for p in f.glob("*.md")
                   if p.name not in ("SOURCES.md",) and not any(p.name.startswith(x + "_") for x in measured))
    shapes, per_doc, examples = census(paths)
    print(f"{len(paths)} documents")
    tot = Counter()
    for (kind, key), n in shapes.items():
        tot[(kind, key.split(":")[0])] += n
    print("| head | ok | missing | cut | tail |")
    print("| --- | --- | --- | --- | --- |")
    for kind in ("named", "generic"):
        print(f"| {kind} | {tot[(kind, 'ok')]} | {tot[(kind, 'missing')]} | {tot[(kind, 'cut')]} | {tot[(kind, 'tail')]} |")
    print("\nshapes (cut / missing / tails seen >= --min):")
    for (kind, key), n in sorted(shapes.items(), key=lambda kv: -kv[1]):
        if key == "ok" or (key.startswith("tail:") and n < args.min):
            continue
        docs = {e.split(":")[0] for e in examples[key]}
        print(f"  {kind:7} {key:32} {n:4}  in {len(docs)} docs")
    if args.list:
        for key, ex in examples.items():
            if key.startswith(args.list):
                print(f"\n== {key}")
                for e in ex[:40]:
                    print("   ", e)


if __name__ == "__main__":
    main()
