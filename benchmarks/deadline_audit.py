"""Audit the deadlines of documents without gold (docs/unlabelled-check.md, "Deadlines on the
documents without gold").

Reads the ``*.json`` results that ``directive-nlp extract … -o OUT`` wrote and the source
files they name (read again with the package's reader, so spans index the same normalised
text), and lists per document:

(a) ``DATED`` — every predicted deadline, with its task text and where the phrase came from:
    ``own`` when the deadline's text is inside the task's sentence, ``layout@OFFSET`` with the
    line holding the nearest earlier occurrence of the phrase (a label, a heading, a table
    cell), ``?`` when the phrase is not found in the text;
(b) ``UNDATED`` — every sentence holding a time expression (a candidate of the deadline
    recogniser, ``directive_nlp.deadlines.find_deadlines``: dates, "năm 20xx", quý, tháng,
    hằng năm, định kỳ, trước ngày, trong thời hạn … ngày, giai đoạn, kể từ, sau khi …) some of
    whose tasks got no deadline.

``--sample`` draws, with ``random.seed(SEED)``, ``--n-dated`` items of (a) then ``--n-undated``
items of (b) and prints each for a person to judge against the source; ``--save FILE`` keeps the
drawn items (JSON). ``--compare LATER`` shows, for each drawn item, what a later run on the same
documents holds at the same source span (tasks overlapping it and their deadlines), to re-judge
the same sample after a change; give it ``--drawn FILE`` so that the items are those saved at the
draw (a changed recogniser finds other time phrases, so a new draw would differ).
Documents of the measured half (extra 11, 18-23: ``--measured``) are skipped, never listed.

    directive-nlp extract ../shared/corpus/unlabelled/u*.md -o /tmp/before
    python benchmarks/deadline_audit.py /tmp/before                      # full listing
    python benchmarks/deadline_audit.py /tmp/before --sample --seed 20261213 --save /tmp/drawn.json
    python benchmarks/deadline_audit.py /tmp/before --drawn /tmp/drawn.json --compare /tmp/after
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Optional

from directive_nlp.deadlines import find_deadlines
from directive_nlp.errors import InputError
from directive_nlp.pipeline import load_text

MEASURED = ("11", "18", "19", "22", "23")


@dataclass
class Item:
    """One listed item: a dated task (a) or an undated sentence with a time phrase (b)."""

    kind: str  # "DATED" or "UNDATED"
    doc: str
    span: tuple[int, int]
    lines: list[str]


def _load(folder: Path, measured: tuple[str, ...]) -> dict[str, dict]:
    """The extraction results of a folder, the measured half's documents left out."""
    out = {}
    for p in sorted(folder.glob("*.json")):
        if p.stem.split("_")[0] in measured:
            continue
        data = json.loads(p.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("tasks"), list):
            out[p.stem] = data
    return out


def _doc_date(result: dict) -> Optional[date]:
    issued = (result.get("document") or {}).get("issued_date")
    try:
        return date.fromisoformat(issued[:10]) if issued else None
    except ValueError:
        return None


def _dl(d: Optional[dict]) -> str:
    if not d:
        return "null"
    when = d.get("date") or (f"{d.get('start')}..{d.get('end')}" if d.get("start") or d.get("end") else "")
    freq = d.get("frequency") or ""
    return f"{d['kind']} {when or freq or '-'} «{d['text']}»".replace("  ", " ")


def _line_at(text: str, pos: int) -> str:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return text[s:e if e >= 0 else len(text)].strip()[:200]


def _origin(text: str, task: dict) -> str:
    """Where a task's deadline phrase was written: its own sentence, or the nearest earlier line."""
    phrase = task["deadline"]["text"]
    s0, s1 = task["span"]
    if phrase in task.get("sentence", "") or phrase in text[s0:s1]:
        return "own"
    at = text.rfind(phrase, 0, s1)
    if at < 0:
        at = text.find(phrase, s1)
    if at < 0:
        return "?"
    return f"layout@{at}: {_line_at(text, at)}"


def dated_items(doc: str, result: dict, text: str) -> list[Item]:
    """(a): every task with a deadline, with the place its phrase came from."""
    out = []
    for t in result["tasks"]:
        if t.get("deadline"):
            lines = [f"{t['id']} [{t['section']}] task: {t['task'][:160]}",
                     f"deadline: {_dl(t['deadline'])}", f"from: {_origin(text, t)}"]
            out.append(Item("DATED", doc, tuple(t["span"]), lines))
    return out


def undated_items(doc: str, result: dict) -> list[Item]:
    """(b): sentences holding a recogniser candidate where some task got no deadline."""
    by_sentence: dict[str, list[dict]] = {}
    for t in result["tasks"]:
        by_sentence.setdefault(t.get("sentence", ""), []).append(t)
    out, when = [], _doc_date(result)
    for sentence, tasks in by_sentence.items():
        bare = [t for t in tasks if not t.get("deadline")]
        found = find_deadlines(sentence, doc_date=when) if bare else []
        if not found:
            continue
        lines = [f"sentence: {sentence[:400]}",
                 "times: " + "; ".join(_dl(m.deadline.model_dump()) for m in found)]
        lines += [f"undated {t['id']} [{t['section']}]: {t['task'][:140]}" for t in bare]
        out.append(Item("UNDATED", doc, tuple(bare[0]["span"]), lines))
    return out


def source_texts(results: dict[str, dict]):
    """(document, result, source text) of each result whose source can be read; a one-line message for the others."""
    for doc, result in results.items():
        try:
            text = load_text(result["source"]["path"], force=True).text
        except (InputError, OSError) as e:
            print(f"{doc}: cannot read its source: {e}", file=sys.stderr)
            continue
        yield doc, result, text


def audit(results: dict[str, dict]) -> list[Item]:
    """Every item of (a) and (b), documents in name order."""
    items: list[Item] = []
    for doc, result, text in source_texts(results):
        items += dated_items(doc, result, text) + undated_items(doc, result)
    return items


def draw(items: list[Item], seed: int, n_dated: int, n_undated: int) -> list[Item]:
    """The sample: n_dated of (a), then n_undated of (b), each in listing order."""
    random.seed(seed)
    picked = []
    for kind, n in (("DATED", n_dated), ("UNDATED", n_undated)):
        pool = [i for i in items if i.kind == kind]
        chosen = set(map(id, random.sample(pool, min(n, len(pool)))))
        picked += [i for i in pool if id(i) in chosen]
    return picked


def _now(later: dict[str, dict], item: Item) -> list[str]:
    s0, s1 = item.span
    tasks = [t for t in later.get(item.doc, {}).get("tasks", [])
             if t["span"][0] < s1 and t["span"][1] > s0]
    if not tasks:
        return ["now: no task at this span"]
    return [f"now {t['id']}: {t['task'][:100]} | {_dl(t.get('deadline'))}" for t in tasks]


def _save(items: list[Item], path: Path) -> None:
    rows = [{"kind": i.kind, "doc": i.doc, "span": list(i.span), "lines": i.lines} for i in items]
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


def _drawn(path: Path) -> list[Item]:
    return [Item(r["kind"], r["doc"], tuple(r["span"]), r["lines"]) for r in json.loads(path.read_text("utf-8"))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="folder of extract results (*.json)")
    ap.add_argument("--sample", action="store_true", help="print a random sample only")
    ap.add_argument("--seed", type=int, default=20261213)
    ap.add_argument("--n-dated", type=int, default=40)
    ap.add_argument("--n-undated", type=int, default=20)
    ap.add_argument("--compare", type=Path, help="a later run on the same documents")
    ap.add_argument("--measured", default=",".join(MEASURED), help="name prefixes skipped")
    ap.add_argument("--save", type=Path, help="write the drawn items here (JSON)")
    ap.add_argument("--drawn", type=Path, help="show the items saved by --save instead of drawing")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder of extract results", file=sys.stderr)
        return 1
    items = _drawn(args.drawn) if args.drawn else audit(_load(args.folder, tuple(args.measured.split(","))))
    later = _load(args.compare, ()) if args.compare else {}
    shown = draw(items, args.seed, args.n_dated, args.n_undated) if args.sample and not args.drawn else items
    if args.save:
        _save(shown, args.save)
    counts = {k: sum(i.kind == k for i in items) for k in ("DATED", "UNDATED")}
    print(f"{counts['DATED']} dated tasks, {counts['UNDATED']} undated sentences with a time phrase")
    for k, item in enumerate(shown, start=1):
        print(f"\n#{k} {item.kind} {item.doc} span {item.span[0]}-{item.span[1]}")
        for line in item.lines + (_now(later, item) if args.compare else []):
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
