"""Is any third-party data committed? Compares the repository with ../shared.

    python benchmarks/provenance.py [--shared ../shared] [--repo .] [--min-chars 45]

The corpora (``corpus/dev``, ``corpus/extra``, ``corpus/unlabelled``) and the
annotation spec (``spec/``) in ../shared are third-party data: they are read
where they are and never committed. This script looks for two kinds of copy:

* whole files: a repository file whose bytes equal a file of ../shared
  (a Markdown, gold, meta.json, PDF or DOCX copied in);
* passages: a sentence-sized piece of a shared text (split at line ends and
  at ``. ; : "``, markup and case ignored) of at least ``--min-chars``
  characters found verbatim in a repository text file.

Short overlaps are expected (agency names, titles of national legal texts,
deadline phrases used as test examples); a long one means pasted text. It
prints the counts and, per repository file, how many passages and the length
of the longest; never the text itself (part of ../shared is the measured half
that must not be read).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DIRECTIVE_NLP_SHARED", ROOT.parent / "shared"))
SHARED_PARTS = ("corpus/dev", "corpus/extra", "corpus/unlabelled", "spec")
TEXT_SUFFIXES = {".md", ".txt", ".json", ".jsonl", ".yaml", ".yml", ".py", ".html", ".htm", ".ipynb", ".cfg", ".toml"}
SKIP_DIRS = {".git", "models", "__pycache__", "node_modules"}
_MARKUP = re.compile(r"[*_`#|>\\]")
# The one sanctioned copy: the output contract is a specification, not corpus
# data, and the code's docstrings must point inside the repository, so
# docs/output-contract.md carries spec/OUTPUT.md verbatim under a header line.
SANCTIONED = frozenset({"docs/output-contract.md"})


def norm(text: str) -> str:
    """Lower case, markup and runs of white space made one space."""
    return " ".join(_MARKUP.sub(" ", text).split()).lower()


def pieces(path: Path) -> list[str]:
    """The sentence-sized pieces of a shared text file (gold: its sentences)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".jsonl":
        text = "\n".join(json.loads(line).get("sentence", "") for line in text.splitlines() if line.strip())
    return [norm(p) for p in re.split(r"[\n.;:\"]", text)]


def shared_files(shared: Path) -> list[Path]:
    return sorted(p for part in SHARED_PARTS if (shared / part).is_dir()
                  for p in (shared / part).rglob("*") if p.is_file() and "sealed" not in p.parts)


def repo_files(root: Path) -> list[Path]:
    """The files git tracks (what a commit ships); every file outside hidden
    folders and models/ when ``root`` is not a git work tree."""
    try:
        listed = subprocess.run(["git", "-C", str(root), "ls-files", "-z"], capture_output=True, check=True,
                                timeout=60).stdout.decode("utf-8").split("\0")
        return sorted(root / f for f in listed if f and f not in SANCTIONED and (root / f).is_file()
                      and not set(Path(f).parts) & SKIP_DIRS)
    except (OSError, subprocess.SubprocessError):
        pass
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.startswith((".venv", "."))]
        out += [Path(dirpath) / f for f in filenames
                if (Path(dirpath) / f).relative_to(root).as_posix() not in SANCTIONED]
    return sorted(out)


def whole_copies(shared: Path, root: Path) -> list[str]:
    """Repository files (relative paths) whose bytes equal a shared file."""
    digests = {hashlib.sha256(p.read_bytes()).hexdigest() for p in shared_files(shared)}
    return [str(p.relative_to(root)) for p in repo_files(root)
            if p.stat().st_size > 200 and hashlib.sha256(p.read_bytes()).hexdigest() in digests]


def passage_overlaps(shared: Path, root: Path, min_chars: int) -> dict[str, list[int]]:
    """{repository file: lengths of the shared passages found in it}."""
    passages = {p for f in shared_files(shared) if f.suffix in TEXT_SUFFIXES for p in pieces(f) if len(p) >= min_chars}
    found: dict[str, list[int]] = {}
    for path in repo_files(root):
        if path.suffix not in TEXT_SUFFIXES:
            continue
        try:
            text = norm(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:
            continue
        lengths = sorted((len(p) for p in passages if p in text), reverse=True)
        if lengths:
            found[str(path.relative_to(root))] = lengths
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--repo", type=Path, default=ROOT, help="the work tree to check (default: this one)")
    ap.add_argument("--min-chars", type=int, default=45)
    args = ap.parse_args(argv)
    root = args.repo.resolve()
    if not (args.shared / "corpus").is_dir():
        print(f"{args.shared}/corpus: not found (give --shared or set DIRECTIVE_NLP_SHARED)", file=sys.stderr)
        return 1
    copies = whole_copies(args.shared, root)
    overlaps = passage_overlaps(args.shared, root, args.min_chars)
    print(f"shared files: {len(shared_files(args.shared))}; repository files: {len(repo_files(root))}")
    print(f"whole-file copies of shared files: {len(copies)} {copies if copies else ''}")
    print(f"repository files holding a shared passage of >= {args.min_chars} chars: {len(overlaps)}")
    for name, lengths in sorted(overlaps.items(), key=lambda kv: -kv[1][0]):
        print(f"  {name}: {len(lengths)} passage(s), longest {lengths[0]} chars")
    return 0


if __name__ == "__main__":
    sys.exit(main())
