"""How often `directive-nlp meta` gives every field the shared meta.json states.

For each document of the shared gold corpora (``corpus/dev`` and
``corpus/extra`` by default) and each form (``md``, and the ``rendered/``
PDF and DOCX; ``scanned``, the shipped scans read by OCR, on request), the document is read exactly as ``directive-nlp meta`` reads
it (``pipeline.load_text``, ``structure.parse_structure``,
``structure.metadata.extract_metadata``) and every field present in the
folder's ``meta.json`` is compared (``doc_type``, ``number``,
``issued_date``, ``place``, ``province``, ``issuer``, and each key of
``signer``). A field meta.json sets to null must come out null. Fields the text does
not give (``NOT_IN_TEXT``) are listed apart, not counted.

    python benchmarks/bench_meta.py [CORPUS_DIR ...] [--forms md,pdf,docx,scanned] [--cli] [--show-misses]

Prints one line per document (fields right per form), then the share per
field and the overall share. ``--cli`` runs the real ``directive-nlp meta``
command in a subprocess for each file instead (slower: one Python start per
file; the figures are the same). ``--show-misses`` lists each wrong field
with what was read and what meta.json says. Exit status 0 when every field
matches, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIRECTIVE_NLP_SHARED", ROOT.parent / "shared"))
DEFAULT_DIRS = [SHARED / "corpus" / "dev", SHARED / "corpus" / "extra"]
FIELDS = ("doc_type", "number", "issued_date", "place", "province", "issuer")
# fields meta.json states although the source text does not give them (the
# same exception as tests/structure/test_metadata_shared.py): 11_hanoi is a
# Công văn whose page lacks the header table and never names the city.
NOT_IN_TEXT = {("11_hanoi-cv-quan-ly-dau-thau-43-cv-tu", "province")}


def source(folder: Path, name: str, form: str) -> Path:
    if form == "md":
        return folder / f"{name}.md"
    suffix = "scanned.pdf" if form == "scanned" else form  # the shipped scans go through OCR
    return folder / "rendered" / f"{name}.{suffix}"


def meta_in_process(path: Path) -> dict:
    """What `directive-nlp meta PATH` prints, without a subprocess."""
    from directive_nlp.pipeline import load_text
    from directive_nlp.structure import parse_structure
    from directive_nlp.structure.metadata import extract_metadata

    doc = load_text(path)
    return extract_metadata(doc, parse_structure(doc)).model_dump()


def meta_cli(path: Path) -> dict:
    exe = [sys.executable, "-c", "from directive_nlp.cli import main; main()", "meta", str(path)]
    out = subprocess.run(exe, capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip().splitlines()[-1] if out.stderr.strip() else f"exit {out.returncode}")
    return json.loads(out.stdout)


def compare(got: dict, want: dict) -> list[tuple[str, object, object]]:
    """(field, got, want) for every field meta.json states; right ones too."""
    rows = [(f, got.get(f), want[f]) for f in FIELDS if f in want]
    if "signer" in want:
        signer = got.get("signer") or {}
        for k, v in (want["signer"] or {}).items():
            rows.append((f"signer.{k}", signer.get(k), v))
    return rows


def run(dirs: list[Path], forms: list[str], use_cli: bool, show: bool) -> tuple[int, int]:
    per_field: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    right = total = 0
    skipped: list[str] = []
    reader = meta_cli if use_cli else meta_in_process
    print(f"{'document':58} " + " ".join(f"{f:>7}" for f in forms))
    for folder in dirs:
        meta_file = folder / "meta.json"
        if not meta_file.exists():
            print(f"(skipped {folder}: no meta.json)")
            continue
        expected = json.loads(meta_file.read_text(encoding="utf-8"))
        for name in sorted(expected):
            cells = []
            for form in forms:
                path = source(folder, name, form)
                if not path.exists():
                    cells.append(f"{'-':>7}")
                    continue
                try:
                    rows = compare(reader(path), expected[name])
                except Exception as e:  # a reader failure counts every field wrong
                    rows = [(f, f"error: {e}", v) for f, _, v in compare({}, expected[name])]
                skipped += [f"{name} [{form}] {f}: got {g!r}, want {w!r}" for f, g, w in rows if (name, f) in NOT_IN_TEXT]
                rows = [r for r in rows if (name, r[0]) not in NOT_IN_TEXT]
                ok = sum(g == w for _, g, w in rows)
                for f, g, w in rows:
                    per_field[f][0] += g == w
                    per_field[f][1] += 1
                    if show and g != w:
                        print(f"    miss {name} [{form}] {f}: got {g!r}, want {w!r}")
                right, total = right + ok, total + len(rows)
                cells.append(f"{ok:>3}/{len(rows):<3}")
            print(f"{folder.name + '/' + name:58.58} " + " ".join(cells))
    print()
    for f, (r, n) in sorted(per_field.items()):
        print(f"{f:20} {r:4}/{n:<4} {100.0 * r / n:6.1f} %")
    share = 100.0 * right / total if total else 0.0
    print(f"{'overall':20} {right:4}/{total:<4} {share:6.1f} %")
    if skipped:
        print(f"not counted (meta.json states them, the text does not give them): {len(skipped)}")
        for s in skipped:
            print(f"    {s}")
    return right, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS, help="folders with meta.json")
    ap.add_argument("--forms", default="md,pdf,docx", help="comma-separated: md, pdf, docx, scanned (OCR; slow)")
    ap.add_argument("--cli", action="store_true", help="run the directive-nlp meta command per file")
    ap.add_argument("--show-misses", action="store_true", help="list every wrong field")
    args = ap.parse_args(argv)
    forms = [f.strip() for f in args.forms.split(",") if f.strip()]
    right, total = run(args.dirs, forms, args.cli, args.show_misses)
    return 0 if total and right == total else 1


if __name__ == "__main__":
    sys.exit(main())
