"""Count regular-expression literals in ``src/`` that spell Vietnamese words.

A literal counts when it is the first argument of a ``re`` call (compile,
search, match, sub, subn, findall, finditer, fullmatch, split) and contains a
Vietnamese letter (a Latin letter with a diacritic, or đ/Đ) outside a
character class: ``[\wÀ-ỹ]`` is a mechanism (the letters), not a word.  Issue 18's
"rules as data" asks that such word lists live in ``resources/vi/*.yaml``.

    python benchmarks/rules_in_code.py [SRC_DIR]

prints the count per file (largest first) and the total.
"""

from __future__ import annotations

import ast
import re
import sys
import unicodedata
from pathlib import Path

RE_CALLS = {"compile", "search", "match", "sub", "subn", "findall", "finditer", "fullmatch", "split"}


_CHAR_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")


def _is_vietnamese(text: str) -> bool:
    for ch in _CHAR_CLASS.sub("", text):
        if ch in "đĐ":
            return True
        if ord(ch) > 127 and unicodedata.category(ch).startswith("L"):
            base = unicodedata.normalize("NFD", ch)[0]
            if base.isascii() and base.isalpha():
                return True
    return False


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if left is not None or right is not None:
            return (left or "") + (right or "")
    return None


def _is_re_call(node: ast.Call) -> bool:
    func = node.func
    return (isinstance(func, ast.Attribute) and func.attr in RE_CALLS
            and isinstance(func.value, ast.Name) and func.value.id in {"re", "regex"})


def count_file(path: Path) -> int:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    n = 0
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_re_call(node) and node.args:
            text = _literal(node.args[0])
            if text is not None and _is_vietnamese(text):
                n += 1
    return n


def main(argv: list[str]) -> int:
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "src"
    counts = {p: count_file(p) for p in sorted(root.rglob("*.py"))}
    rows = sorted(((n, p) for p, n in counts.items() if n), key=lambda r: (-r[0], str(r[1])))
    for n, p in rows:
        print(f"{n:4d}  {p.relative_to(root)}")
    print(f"{sum(counts.values()):4d}  total")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
