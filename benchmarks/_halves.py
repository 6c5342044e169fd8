"""The honest split, for the benchmark scripts: which gold documents are the measured half.

The miss scripts (``agency_misses.py``, ``deadline_misses.py``, ``task_misses.py``)
list errors only on the read half; :func:`gold_documents` gives them the documents
and refuses the measured half unless a script asks for both halves' counts.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from directive_nlp.errors import InputError
from directive_nlp.evaluation import find_gold_documents, is_measured

MEASURED = "11,18,19,22,23"


def miss_parser(description: str, measured_help: str) -> argparse.ArgumentParser:
    """``folders``, ``--form`` and ``--measured``: the arguments every miss script takes."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--form", default="md", choices=["md", "pdf", "docx"])
    ap.add_argument("--measured", default=MEASURED, help=measured_help)
    return ap


def measured_prefixes(args: argparse.Namespace) -> list[str]:
    return [m for m in args.measured.split(",") if m]


def gold_documents(args: argparse.Namespace, read_half_only: bool = True) -> list | None:
    """The gold documents under ``args.folders`` (the read half's only, by default); None after
    printing why there are none."""
    measured = measured_prefixes(args)
    try:
        docs = [d for d in find_gold_documents(args.folders, args.form)
                if not (read_half_only and is_measured(d.name, measured))]
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return None
    if not docs:
        half = "of the read half " if read_half_only else ""
        print(f"no gold document {half}under the given folders", file=sys.stderr)
        return None
    return docs
