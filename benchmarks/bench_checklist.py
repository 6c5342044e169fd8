"""How much of a plan's gold reaches the checklist office staff get.

    python benchmarks/bench_checklist.py                      # dev + extra gold documents, Markdown
    python benchmarks/bench_checklist.py --form docx --write /tmp/checklist-share.md

For every document with gold (``NAME.gold.jsonl``), the document is read
and extracted as a user would (``pipeline.extract`` on NAME.md, or on
``rendered/NAME.pdf|docx``), the checklist is built from the result
(``checklist.build_checklist``), and two shares are counted against the gold:

* **lead agencies**: of the gold (task, lead agency) pairs, those whose
  agency is a lead of the checklist row of the same task ("in its row":
  tasks paired as ``score.py`` pairs them, task-text token F1 >= 0.5, agency
  names compared as ``score.py`` compares them), and those whose agency
  leads some row of the checklist at all ("anywhere");
* **dated deadlines**: of the gold tasks with a date (``by``/``on`` date, a
  period's end), those whose checklist row carries that date as its due date
  ("in its row"), and those whose date is the due date of some row
  ("anywhere").

The gold documents are split as the project reads them: misses may be read
on dev and extra 01, 02, 04, 06, 07, 13-17 (the "read" half); extra 11 and
18-23 are only measured (the "measured" half, reported apart).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIRECTIVE_NLP_SHARED", ROOT.parent / "shared"))
MEASURED = ("11_", "18_", "19_", "22_", "23_")
AS_OF = date(2025, 1, 1)


def half(name: str) -> str:
    return "measured" if name.startswith(MEASURED) else "read"


def gold_date(deadline: dict | None) -> str | None:
    """The date a gold deadline fixes (a by/on date, a period's end), else None."""
    if not isinstance(deadline, dict):
        return None
    if deadline.get("kind") in ("by", "on"):
        return deadline.get("date")
    if deadline.get("kind") == "period":
        return deadline.get("end")
    return None


def checklist_tasks(cl) -> list[dict]:
    """The checklist's rows folded back into one record per task (the shape
    the scorer pairs): its text, sentence, agencies with roles, due date."""
    tasks: dict[str, dict] = {}
    for it in cl.rows():
        t = tasks.setdefault(it.task_id, {"task": it.task, "sentence": it.sentence, "agencies": [],
                                          "due": it.due.isoformat() if it.due else None})
        if it.agency:
            t["agencies"].append({"name": it.agency, "role": it.role or "lead"})
    return list(tasks.values())


def count_document(gold: list[dict], rows: list[dict]) -> Counter:
    from directive_nlp.evaluation import _agencies, pair_tasks, same_agency

    c: Counter = Counter()
    pairs = dict(pair_tasks(gold, rows))
    all_leads = [a["name"] for r in rows for a in r["agencies"] if a["role"] == "lead"]
    all_dues = {r["due"] for r in rows if r["due"]}
    for i, g in enumerate(gold):
        row = rows[pairs[i]] if i in pairs else None
        for a in _agencies(g):
            if a.get("role", "lead") != "lead":
                continue
            c["lead_gold"] += 1
            leads = [p["name"] for p in (row["agencies"] if row else []) if p["role"] == "lead"]
            c["lead_row"] += any(same_agency(a["name"], p) for p in leads)
            c["lead_any"] += any(same_agency(a["name"], p) for p in all_leads)
        d = gold_date(g.get("deadline"))
        if d:
            c["date_gold"] += 1
            c["date_row"] += bool(row and row["due"] == d)
            c["date_any"] += d in all_dues
    return c


def share(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "—"


def line(name: str, c: Counter) -> str:
    return (f"| {name} | {c['lead_gold']} | {share(c['lead_row'], c['lead_gold'])} | "
            f"{share(c['lead_any'], c['lead_gold'])} | {c['date_gold']} | {share(c['date_row'], c['date_gold'])} | "
            f"{share(c['date_any'], c['date_gold'])} |")


def run(form: str) -> str:
    from directive_nlp.checklist import build_checklist
    from directive_nlp.evaluation import find_gold_documents
    from directive_nlp.pipeline import extract

    dirs = [d for d in (SHARED / "corpus" / "dev", SHARED / "corpus" / "extra") if d.is_dir()]
    docs = find_gold_documents(dirs, form)
    out = [f"Checklist share of the gold ({form}, {len(docs)} documents with gold, as of {AS_OF}):", "",
           "| document | gold leads | in its row | anywhere | gold dates | in its row | anywhere |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    pooled = {"read": Counter(), "measured": Counter()}
    t0 = time.perf_counter()
    for doc in docs:
        try:
            cl = build_checklist(extract(doc.path), as_of=AS_OF)
        except Exception as e:  # a document that fails counts as nothing found
            print(f"{doc.name}: {type(e).__name__}: {e}", file=sys.stderr)
            cl = None
        c = count_document(doc.gold, checklist_tasks(cl) if cl else [])
        pooled[half(doc.name)].update(c)
        out.append(line(f"{doc.name} ({half(doc.name)})", c))
    out.append(line("**pooled, read half**", pooled["read"]))
    out.append(line("**pooled, measured half**", pooled["measured"]))
    out.append(line("**pooled, all**", pooled["read"] + pooled["measured"]))
    out += ["", f"({time.perf_counter() - t0:.0f} s; `python benchmarks/bench_checklist.py --form {form}`)"]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--form", default="md", choices=("md", "pdf", "docx"))
    ap.add_argument("--write", type=Path, help="also write the table to this Markdown file")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    text = run(args.form)
    print(text, end="")
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
