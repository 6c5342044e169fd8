"""Draw time expressions from the task-bearing text of documents without gold (a recall audit).

docs/unlabelled-check.md, "Time expressions in task-bearing text". Reads the ``*.json`` results
that ``directive-nlp extract … -o OUT`` wrote and their sources (read again with the package's
reader, so task spans index the same normalised text). The *task-bearing parts* of a document are,
for each section holding tasks, the lines from the one before its first task to the one after its
last task (so a heading, a time label or a table's time column beside the tasks is inside). Every
time expression there is listed: the spans of the deadline recogniser
(``directive_nlp.deadlines.find_deadlines``) united with a broad pattern that shows what the
recogniser does not take (a year, a day/month, a quarter, a month, a cycle word, "thường xuyên",
a period noun with a year, "N ngày|tháng|tuần"; the words come from ``resources/vi/deadlines.yaml``).
Overlapping spans are one expression.

``--seed S --n N`` draws N expressions with ``random.seed(S)`` and prints each with its line, the
tasks of that line and their deadlines, for a person to judge: should it date a task (which)? did
we attach it there? ``--save FILE`` keeps the draw; ``--drawn FILE --compare LATER`` shows what a
later run holds at the same lines. The measured half (extra 11, 18-23) is never listed.

    python benchmarks/deadline_recall.py OUT --seed 20261221 --n 30 --save /tmp/expr.json
    python benchmarks/deadline_recall.py OUT --drawn /tmp/expr.json --compare LATER
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from deadline_audit import MEASURED, _dl, _doc_date, _load, source_texts

from directive_nlp.deadlines import _alt, find_deadlines, load_vocabulary


def broad_pattern() -> re.Pattern[str]:
    """Dates, years, quarters, months, cycles and periods, wider than the recogniser."""
    v = load_vocabulary()
    units = _alt(v["frequency_units"])
    parts = [
        r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
        r"\b(?:19|20)\d\d\b",
        _alt(v["quarter_words"]) + r"\s+(?:[IV]+|\d)\b",
        _alt(v["recurring_prefixes"]) + r"\s+" + units + r"\b",
        re.escape(v["periodic_word"]),
        _alt(v["ongoing"]) + r"\b",
        r"\b\d+\s+" + _alt(v["relative_units"]) + r"\b",
    ]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def task_bearing(text: str, tasks: list[dict]) -> list[tuple[int, int]]:
    """(start, end) line ranges around the tasks of each section, one line more on each side."""
    by_section: dict[str, list[tuple[int, int]]] = {}
    for t in tasks:
        by_section.setdefault(t.get("section") or "", []).append(tuple(t["span"]))
    out = []
    for spans in by_section.values():
        s, e = min(a for a, _ in spans), max(b for _, b in spans)
        s = text.rfind("\n", 0, max(0, text.rfind("\n", 0, s))) + 1
        e1 = text.find("\n", e)
        e2 = text.find("\n", e1 + 1) if e1 >= 0 else -1
        out.append((s, e2 if e2 >= 0 else len(text)))
    return _merge(out, 0)


def _merge(spans: list[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1] + gap:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def expressions(text: str, result: dict) -> list[dict]:
    """Every time expression of the task-bearing parts, with whether the recogniser found it."""
    pat, when, out = broad_pattern(), _doc_date(result), []
    for s, e in task_bearing(text, result["tasks"]):
        part = text[s:e]
        rec = [(m.start, m.end) for m in find_deadlines(part, doc_date=when)]
        wide = [(m.start(), m.end()) for m in pat.finditer(part)]
        for a, b in _merge(rec + wide, 1):
            found = any(x < b and y > a for x, y in rec)
            out.append({"span": [s + a, s + b], "text": part[a:b], "recogniser": found})
    return out


def _line(text: str, a: int, b: int) -> tuple[int, int]:
    return text.rfind("\n", 0, a) + 1, (text.find("\n", b) if text.find("\n", b) >= 0 else len(text))


def describe(doc: str, text: str, result: dict, ex: dict) -> dict:
    """An expression with its line and the tasks of that line (their deadlines)."""
    ls, le = _line(text, *ex["span"])
    tasks = [t for t in result["tasks"] if t["span"][0] < le and t["span"][1] > ls]
    lines = [f"expr «{ex['text']}» recogniser: {'yes' if ex['recogniser'] else 'no'}",
             f"line: {text[ls:le].strip()[:400]}"]
    lines += [f"{t['id']} [{t['section']}] {t['task'][:110]} | {_dl(t.get('deadline'))}" for t in tasks]
    return {"doc": doc, "span": [ls, le], "lines": lines}


def collect(results: dict[str, dict]) -> list[dict]:
    """Every expression of every document, described."""
    items = []
    for doc, result, text in source_texts(results):
        items += [describe(doc, text, result, ex) for ex in expressions(text, result)]
    return items


def _later(later: dict[str, dict], item: dict) -> list[str]:
    ls, le = item["span"]
    tasks = [t for t in later.get(item["doc"], {}).get("tasks", []) if t["span"][0] < le and t["span"][1] > ls]
    return [f"now {t['id']}: {t['task'][:100]} | {_dl(t.get('deadline'))}" for t in tasks] or ["now: no task"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="folder of extract results (*.json)")
    ap.add_argument("--seed", type=int, default=20261221)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--save", type=Path, help="write the drawn items here (JSON)")
    ap.add_argument("--drawn", type=Path, help="show the items saved by --save instead of drawing")
    ap.add_argument("--compare", type=Path, help="a later run on the same documents")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder of extract results", file=sys.stderr)
        return 1
    if args.drawn:
        shown = json.loads(args.drawn.read_text(encoding="utf-8"))
    else:
        items = collect(_load(args.folder, MEASURED))
        print(f"{len(items)} time expressions in task-bearing parts, "
              f"{sum('recogniser: yes' in i['lines'][0] for i in items)} found by the recogniser")
        random.seed(args.seed)
        shown = random.sample(items, min(args.n, len(items)))
    if args.save:
        args.save.write_text(json.dumps(shown, ensure_ascii=False, indent=1), encoding="utf-8")
    later = _load(args.compare, ()) if args.compare else {}
    for k, item in enumerate(shown, start=1):
        print(f"\n#{k} {item['doc']} line {item['span'][0]}-{item['span'][1]}")
        for line in item["lines"] + (_later(later, item) if args.compare else []):
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
