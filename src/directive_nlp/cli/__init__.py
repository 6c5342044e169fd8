"""The ``directive-nlp`` command line: a thin typer layer over the Python API.

Each command lives in its own module (``cli/<name>.py``) and registers itself
on :data:`app` with ``@app.command()``; this file only imports them. Bad input
never shows a traceback: :func:`guarded` turns an
:class:`~directive_nlp.errors.InputError` into one line on stderr and exit
code 1 (0 ok, 1 bad input, 2 usage, 3 some files of a batch failed).
"""

from __future__ import annotations

import gc
import sys
from importlib import import_module

from ._app import app, guarded  # noqa: F401

# one module per command group
_COMMAND_MODULES = [
    "parse",       # parse (section tree)
    "evaluate",    # evaluate
    "text",        # text
    "extract",     # extract, schema, evaluate
    "metadata",    # meta
    "graph",       # graph, compare
    "crosscheck",  # crosscheck
    "checklist",   # checklist
    "serve",       # serve
    "train",       # train (learned decisions)
]

for _name in _COMMAND_MODULES:
    import_module(f"{__name__}.{_name}")


#: the command line's cyclic-garbage thresholds: a document makes hundreds of thousands of small objects
#: (tokens' texts, mention records, features) that reference counting frees; with Python's (700, 10, 10)
#: the collector ran ~580 times over the 19 gold texts (0.25 s CPU), with these ~80 times (0.09 s)
GC_THRESHOLDS = (10_000, 10, 10)


def main() -> None:
    """Console-script entry point."""
    gc.set_threshold(*GC_THRESHOLDS)  # this process only: the library leaves its user's settings alone
    try:
        app(prog_name="directive-nlp")  # also under ``python -m directive_nlp``
    except KeyboardInterrupt:  # pragma: no cover
        sys.stderr.write("interrupted\n")
        sys.exit(130)
