"""Write the options of every ``directive-nlp`` command into docs/cli.md.

    python benchmarks/cli_reference.py --write docs/cli.md

Runs ``directive-nlp COMMAND --help`` for each command (100 columns, no colour)
and puts the output between ``<!-- cli_help:begin -->`` and
``<!-- cli_help:end -->``, so the reference is what the program says, never
typed by hand.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from _blocks import replace_block

COMMANDS = ("text", "parse", "meta", "extract", "schema", "checklist", "graph", "compare", "crosscheck",
            "serve", "evaluate", "train")


def help_text(command: str) -> str:
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb")
    out = subprocess.run([sys.executable, "-m", "directive_nlp", command, "--help"], capture_output=True,
                         text=True, env=env, timeout=120, check=True).stdout
    return "\n".join(line.rstrip() for line in out.strip().splitlines())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", type=Path, help="replace the cli_help block of this Markdown file")
    args = ap.parse_args(argv)
    parts = [f"### `directive-nlp {c}`\n\n```\n{help_text(c)}\n```\n" for c in COMMANDS]
    text = "\n".join(parts)
    if args.write:
        replace_block(args.write, "cli_help", text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
