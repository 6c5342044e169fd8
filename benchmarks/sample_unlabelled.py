"""Draw random tasks from extracted documents for a manual check (docs/unlabelled-check.md).

Reads the ``*.json`` results that ``directive-nlp extract … -o OUT`` wrote,
makes one flat list of (document, task id) pairs (files in sorted name order,
tasks in file order), draws ``--n`` of them with ``random.seed(SEED)`` and
prints each with its sentence, section, agencies and deadline, so a person can
judge it against the source. ``--compare OTHER`` shows, for each drawn task,
what the results in OTHER (a later run on the same documents) hold for the same
source span, to re-judge the same sample after a change.

    directive-nlp extract ../shared/corpus/unlabelled/u*.md -o /tmp/before
    python benchmarks/sample_unlabelled.py /tmp/before --seed 20261208 --n 30
    python benchmarks/sample_unlabelled.py /tmp/before --seed 20261208 --compare /tmp/after
    python benchmarks/sample_unlabelled.py /tmp/before --seed 20261217 --with-agency   # bodies only
    python benchmarks/sample_unlabelled.py /tmp/before --seed 20261216 --split-only

``--units`` draws source units instead of tasks: the paragraphs, list items and table rows (headings of
parts with sub-parts left out) that lie in the task-bearing parts (zone "task" or "unknown",
``directive_nlp.tasks.zones``), each printed beside the tasks extracted from it (a task whose span
overlaps the unit), to judge what the extractor MISSES as well as what it outputs:

    python benchmarks/sample_unlabelled.py /tmp/before --units --seed 20261220 --n 30
    python benchmarks/sample_unlabelled.py /tmp/before --units --no-tables --seed 20261221 --n 30   # prose only

``--only u07,u08,12_`` keeps the documents whose file names start with one of the given prefixes (a
sample of one kind of document, drawn from a folder that holds more).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path


def _load(folder: Path, only: tuple[str, ...] = ()) -> dict[str, dict]:
    """The extraction results of a folder (other JSON files there, such as a run summary, are left out),
    only those whose names start with one of ``only`` when it is given."""
    out = {}
    for p in sorted(folder.glob("*.json")):
        if only and not p.stem.startswith(only):
            continue
        data = json.loads(p.read_text(encoding="utf-8"))
        if isinstance(data, dict) and isinstance(data.get("tasks"), list):
            out[p.stem] = data
    return out


def _split_ids(results: dict[str, dict]) -> set[tuple[str, str]]:
    """The (document, task id) pairs whose sentence yields two or more tasks (cut out of a longer sentence)."""
    count: dict[tuple[str, str], int] = {}
    for doc, r in results.items():
        for t in r.get("tasks", []):
            count[(doc, t["sentence"])] = count.get((doc, t["sentence"]), 0) + 1
    return {(doc, t["id"]) for doc, r in results.items() for t in r.get("tasks", []) if count[(doc, t["sentence"])] > 1}


def draw(results: dict[str, dict], seed: int, n: int, split_only: bool = False, *,
         with_agency: bool = False) -> list[tuple[str, str]]:
    """The drawn (document, task id) pairs, sorted by document and id order.

    ``split_only`` draws only among tasks whose sentence yields two or more tasks; ``with_agency`` only among
    the tasks that hold at least one body (to judge the bodies).
    """
    pairs = [(doc, t["id"]) for doc, r in results.items() for t in r.get("tasks", [])
             if t.get("agencies") or not with_agency]
    if split_only:
        keep = _split_ids(results)
        pairs = [p for p in pairs if p in keep]
    random.seed(seed)
    picked = random.sample(pairs, min(n, len(pairs)))
    order = {p: i for i, p in enumerate(pairs)}
    return sorted(picked, key=order.__getitem__)


def _units_of(result: dict, tables: bool = True) -> list[tuple[int, int, str, str]]:
    """(start, end, text, section id) of the units of one document's task-bearing parts, in reading order.

    The source is read again (``result["source"]["path"]``) with the pipeline's reader, normaliser and
    structure parser, so offsets are those of the tasks' spans. ``tables=False`` leaves table rows out (prose only)."""
    from directive_nlp.pipeline import load_text
    from directive_nlp.structure import parse_structure
    from directive_nlp.structure.metadata import extract_metadata
    from directive_nlp.tasks.zones import Zones, is_passage

    nd = load_text(result["source"]["path"], force=True)
    st = parse_structure(nd)
    zones = Zones(st, False, passage=is_passage(st, extract_metadata(nd, st)))
    info = {bi.block: bi for bi in st.blocks}
    parents = {sec.parent for sec in st.sections if sec.parent}
    out = []
    for b in nd.blocks:
        bi = info.get(b.index)
        if bi is None or zones.zone(bi.section) not in ("task", "unknown") or (b.kind == "table_row" and not tables):
            continue
        if bi.is_heading and bi.section in parents:
            continue  # the heading of a part with sub-parts: the units are below it
        text = nd.text[b.start:b.end].strip()
        if text:
            out.append((b.start, b.end, text, bi.section))
    return out


def draw_units(results: dict[str, dict], seed: int, n: int,
               tables: bool = True) -> list[tuple[str, tuple[int, int, str, str]]]:
    """``n`` (document, unit) pairs drawn with ``random.seed(seed)`` from all units, in reading order."""
    pool = [(doc, u) for doc, r in results.items() for u in _units_of(r, tables)]
    random.seed(seed)
    picked = random.sample(range(len(pool)), min(n, len(pool)))
    print(f"seed {seed}: {len(picked)} of {len(pool)} units in {len(results)} documents")
    return [pool[i] for i in sorted(picked)]


def _print_units(results: dict[str, dict], later: dict[str, dict], seed: int, n: int, tables: bool = True) -> None:
    for k, (doc, (s0, s1, text, sid)) in enumerate(draw_units(results, seed, n, tables), start=1):
        print(f"\n#{k} {doc} [{sid}] {s0}-{s1}\n  unit: {text[:900]}")
        for label, res in (("", results), ("now ", later)) if later else (("", results),):
            got = [t for t in res.get(doc, {}).get("tasks", []) if t["span"][0] < s1 and t["span"][1] > s0]
            for t in got:
                print(f"  {label}" + _line(t).replace("\n", "\n  "))
            print(f"  {label}{len(got)} task(s) from this unit")


def _line(t: dict) -> str:
    ags = ", ".join(f"{a['name']} ({a['role']})" for a in t.get("agencies", [])) or "[]"
    dl = t.get("deadline")
    dls = f"{dl['kind']}: {dl['text']}" if dl else "null"
    return f"{t['id']} [{t['section']}] task: {t['task']}\n    agencies: {ags}\n    deadline: {dls}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path, help="folder of extract results (*.json)")
    ap.add_argument("--seed", type=int, default=20261208)
    ap.add_argument("--n", type=int, default=30)
    ap.add_argument("--compare", type=Path, help="a later run on the same documents")
    ap.add_argument("--only", default="", help="comma-separated prefixes of the document names to draw from")
    ap.add_argument("--split-only", action="store_true", help="draw only tasks whose sentence yields two or more tasks")
    ap.add_argument("--units", action="store_true",
                    help="draw source units of the task-bearing parts and show the tasks extracted from each")
    ap.add_argument("--no-tables", action="store_true", help="with --units: leave table rows out (prose units only)")
    ap.add_argument("--with-agency", action="store_true", help="draw only tasks with at least one body")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder of extract results", file=sys.stderr)
        return 1
    only = tuple(x for x in args.only.split(",") if x)
    results = _load(args.folder, only)
    later = _load(args.compare, only) if args.compare else {}
    if args.units:
        _print_units(results, later, args.seed, args.n, not args.no_tables)
        return 0
    picked = draw(results, args.seed, args.n, args.split_only, with_agency=args.with_agency)
    tasks = [t for r in results.values() for t in r.get("tasks", [])]
    total = sum(1 for t in tasks if t.get("agencies") or not args.with_agency)
    kind = "tasks with a body" if args.with_agency else "tasks"
    pool = f" ({len(_split_ids(results))} cut out of a longer sentence)" if args.split_only else ""
    print(f"seed {args.seed}: {len(picked)} of {total} {kind}{pool} in {len(results)} documents")
    for k, (doc, tid) in enumerate(picked, start=1):
        t = next(x for x in results[doc]["tasks"] if x["id"] == tid)
        print(f"\n#{k} {doc}\n  sentence: {t['sentence'][:600]}\n  {_line(t)}")
        if args.compare:
            s0, s1 = t["span"]
            now = [x for x in later.get(doc, {}).get("tasks", []) if x["span"][0] < s1 and x["span"][1] > s0]
            for x in now:
                print("  now " + _line(x).replace("\n", "\n  "))
            if not now:
                print("  now: no task at this span")
    return 0


if __name__ == "__main__":
    sys.exit(main())
