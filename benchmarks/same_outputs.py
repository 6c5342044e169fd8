"""Does a speed change leave the extraction alone? Save the outputs once, compare after each step.

    python benchmarks/same_outputs.py --save /tmp/ref        # before: the JSON of every document
    python benchmarks/same_outputs.py --against /tmp/ref     # after: compare, exit 1 on any difference

Runs ``directive-nlp extract`` (one process, the batch engine writing OUT/NAME.json) on the text of
the gold documents of the dev and extra corpora and on the unlabelled corpus (``NAME.md``), with this
tree's ``src`` first on ``PYTHONPATH``. The comparison is of the whole JSON of each document (tasks,
agencies, deadlines, sections, metadata, notes) except the reader's timing; it prints the first
differing path of each document that differs. The shared corpora are found in ``../shared`` or
``DIRECTIVE_NLP_SHARED``; a corpus that is not there is skipped with a line saying so.
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
SHARED = Path(os.environ.get("DIRECTIVE_NLP_SHARED", ROOT.parent / "shared"))
VOLATILE = {"elapsed", "seconds", "duration", "extracted_at", "generated_at"}


def documents() -> list[Path]:
    """The gold texts of dev + extra and every text of the unlabelled corpus."""
    found: list[Path] = []
    for name, gold_only in (("dev", True), ("extra", True), ("unlabelled", False)):
        folder = SHARED / "corpus" / name
        if not folder.is_dir():
            print(f"skipped: {folder} is not there", file=sys.stderr)
            continue
        found += sorted(p for p in folder.glob("*.md") if p.name != "SOURCES.md"
                        and (not gold_only or p.with_name(p.stem + ".gold.jsonl").is_file()))
    return found


def extract_all(docs: list[Path], out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable, "-m", "directive_nlp", "extract", *map(str, docs), "-o", str(out)]
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise SystemExit(f"extract failed (exit {r.returncode}): {r.stderr.strip().splitlines()[-1:]}")


def stable(value):
    """The JSON without the fields that change from run to run."""
    if isinstance(value, dict):
        return {k: stable(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [stable(v) for v in value]
    return value


def first_difference(a, b, path: str = "") -> str | None:
    if type(a) is not type(b):
        return f"{path or '/'}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}/{k}: only in {'new' if k in b else 'reference'}"
            d = first_difference(a[k], b[k], f"{path}/{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items vs {len(b)}"
        return next((d for i, (x, y) in enumerate(zip(a, b)) if (d := first_difference(x, y, f"{path}[{i}]"))), None)
    return None if a == b else f"{path}: {str(a)[:80]!r} vs {str(b)[:80]!r}"


def compare(ref: Path, new: Path) -> int:
    names = sorted(p.name for p in ref.glob("*.json") if not p.name.startswith("_"))
    bad = 0
    for name in names:
        if not (new / name).is_file():
            print(f"{name}: missing in the new run")
            bad += 1
            continue
        a = stable(json.loads((ref / name).read_text(encoding="utf-8")))
        b = stable(json.loads((new / name).read_text(encoding="utf-8")))
        diff = first_difference(a, b)
        if diff:
            print(f"{name}: {diff}")
            bad += 1
    print(f"{len(names) - bad} of {len(names)} documents identical")
    return 1 if bad or not names else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the reference outputs into this folder")
    group.add_argument("--against", type=Path, help="compare this tree's outputs with the reference folder")
    args = ap.parse_args(argv)
    docs = documents()
    if not docs:
        print("skipped: no documents found; nothing compared", file=sys.stderr)
        return 0
    if args.save:
        extract_all(docs, args.save)
        print(f"saved the outputs of {len(docs)} documents in {args.save}")
        return 0
    if not args.against.is_dir():
        print(f"error: {args.against} is not a folder of saved outputs (run with --save first)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="same-outputs-") as tmp:
        extract_all(docs, Path(tmp))
        return compare(args.against, Path(tmp))


if __name__ == "__main__":
    sys.exit(main())
