"""Agreement between forms of one document, without gold: another form's tasks scored against the Markdown's.

For every ``NAME.md`` of the given folders that has ``rendered/NAME.pdf`` (and ``.docx``), the
Markdown form is extracted and so is each other form (``pdftext`` by default: the PDF's text
layer as a viewer's copy gives it, ``evaluation.as_pdf_text``; also ``pdf``, ``docx``,
``plain``); the other form's tasks are then scored with the project's scorer
(``evaluation.count``, score.py's logic, task match 0.5) with the Markdown output standing in
as the reference. The figure is *agreement*, not quality: 1.000 means the form gives the
Markdown's tasks, agencies and deadlines, right or wrong. Documents with gold and without are
treated alike (the gold is not read).

    python benchmarks/form_agreement.py ../shared/corpus/dev ../shared/corpus/extra \
        --forms pdftext,pdf,docx [--only 03,05,08,09,10,12] [--show]

``--show`` lists the task lines one form has and the other lacks, except for the measured
documents (``--measured``, default extra 11, 18, 19, 22, 23): their figures are printed,
never their texts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from directive_nlp.evaluation import GoldDocument, as_pdf_text, as_plain, count, is_measured, report

MEASURED = "11,18,19,22,23"
FORMS = ("pdftext", "pdf", "docx", "plain")


def documents(folders: list[Path], only: list[str]) -> list[tuple[str, Path]]:
    """``(NAME, NAME.md)`` for every Markdown document with a rendered PDF, optionally only
    those whose name starts with one of ``only``."""
    out = []
    for folder in folders:
        for md in sorted(Path(folder).glob("*.md")):
            name = md.stem
            if not (folder / "rendered" / f"{name}.pdf").exists():
                continue
            if only and not is_measured(name, only):
                continue
            out.append((name, md))
    return out


def form_file(name: str, md: Path, form: str, tmp: Path) -> Path:
    """The file read for ``form`` of document ``name`` (a temporary text for pdftext/plain)."""
    rendered = md.parent / "rendered"
    if form == "pdftext":
        return as_pdf_text(GoldDocument(name, rendered / f"{name}.pdf", md), tmp)
    if form == "plain":
        return as_plain(GoldDocument(name, md, md), tmp)
    if form in ("pdf", "docx"):
        return rendered / f"{name}.{form}"
    return md


def tasks_of(path: Path) -> list[dict]:
    from directive_nlp.pipeline import extract

    return [t.model_dump() for t in extract(path).tasks]


def line(task: dict) -> str:
    agencies = ", ".join(a.get("name", "") for a in task.get("agencies") or [])
    dl = (task.get("deadline") or {}).get("text", "") if task.get("deadline") else ""
    return f"{task.get('task', '')[:110]} | {agencies} | {dl}"


def show(name: str, ref: list[dict], other: list[dict]) -> None:
    a, b = Counter(map(line, ref)), Counter(map(line, other))
    for text in sorted((a - b).elements()):
        print(f"    md only   : {text}", file=sys.stderr)
    for text in sorted((b - a).elements()):
        print(f"    form only : {text}", file=sys.stderr)


def f1s(c: Counter) -> str:
    r = report(c)
    return " ".join(f"{k} {r[k]['f1']:.3f}" for k in ("task", "agency", "deadline", "triple"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--forms", default="pdftext")
    ap.add_argument("--only", default="", help="document-name prefixes, e.g. 03,05")
    ap.add_argument("--measured", default=MEASURED)
    ap.add_argument("--show", action="store_true", help="list differing task lines (never of measured documents)")
    args = ap.parse_args(argv)
    forms = [f for f in args.forms.split(",") if f]
    bad = [f for f in forms if f not in FORMS]
    if bad:
        print(f"error: unknown form {bad[0]!r}; use {', '.join(FORMS)}", file=sys.stderr)
        return 1
    measured = [m for m in args.measured.split(",") if m]
    docs = documents(args.folders, [o for o in args.only.split(",") if o])
    if not docs:
        print("error: no Markdown document with a rendered PDF under the given folders", file=sys.stderr)
        return 1
    pooled = {f: Counter() for f in forms}
    print("| document | " + " | ".join(f"{f} triple (task)" for f in forms) + " |")
    print("|---" * (len(forms) + 1) + "|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, md in docs:
            ref = tasks_of(md)
            cells = []
            for form in forms:
                other = tasks_of(form_file(name, md, form, Path(tmp)))
                c = count(ref, other)
                pooled[form] += c
                r = report(c)
                cells.append(f"{r['triple']['f1']:.3f} ({r['task']['f1']:.3f})")
                if args.show and not is_measured(name, measured):
                    print(f"  {name} [{form}]", file=sys.stderr)
                    show(name, ref, other)
            print(f"| {name[:40]} | " + " | ".join(cells) + " |", flush=True)
    for form in forms:
        print(f"pooled {form}: {f1s(pooled[form])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
