"""Rules of the source tree a newcomer relies on: no function longer than a
reader can hold (120 lines), and no import of the package's own modules under
``try/except ImportError`` (a broken install must fail loudly, not degrade)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "directive_nlp"
MAX_LINES = 120

# Known exceptions, each removed by another branch of the same work (issue 18's
# "tidy" part): this list may only shrink.
LONG_KNOWN: set[str] = set()
GUARDED_KNOWN: set[str] = set()


def _trees():
    for path in sorted(SRC.rglob("*.py")):
        yield path.relative_to(SRC).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _functions(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def long_functions() -> set[str]:
    return {f"{name}:{fn.name}" for name, tree in _trees() for fn in _functions(tree)
            if fn.end_lineno - fn.lineno + 1 > MAX_LINES}


def _own_import(node) -> bool:
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").startswith("directive_nlp")
    return isinstance(node, ast.Import) and any(a.name.startswith("directive_nlp") for a in node.names)


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError") for n in names)


def _guarded_tries(tree) -> list[tuple[str, ast.Try]]:
    """(enclosing function, try) for each ``try`` importing our own modules with an ImportError handler."""
    found: list[tuple[str, ast.Try]] = []

    def visit(node, where: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else where
            if (isinstance(child, ast.Try) and any(_catches_import_error(h) for h in child.handlers)
                    and any(_own_import(s) for s in child.body)):
                found.append((where, child))
            visit(child, inner)

    visit(tree, "<module>")
    return found


def guarded_own_imports() -> set[str]:
    return {f"{name}:{where}" for name, tree in _trees() for where, _ in _guarded_tries(tree)}


def test_no_function_is_longer_than_a_reader_can_hold():
    assert long_functions() == LONG_KNOWN


def test_no_own_module_is_imported_under_an_import_error_guard():
    assert guarded_own_imports() == GUARDED_KNOWN


def test_the_checks_see_what_they_look_for():
    guarded = ast.parse("def f():\n    try:\n        from .agencies import canonical\n    except ImportError:\n"
                        "        canonical = None\n")
    third_party = ast.parse("def f():\n    try:\n        import distributed\n    except ImportError:\n        pass\n")
    assert [where for where, _ in _guarded_tries(guarded)] == ["f"]
    assert _guarded_tries(third_party) == []


def test_no_merge_conflict_marker_is_left_in_the_tree():
    root = SRC.parents[1]
    markers = ("<" * 7 + " ", "=" * 7 + "\n", ">" * 7 + " ")
    left = []
    for folder in ("src", "docs", "tests", "benchmarks"):
        for p in (root / folder).rglob("*"):
            if p.suffix not in (".py", ".md", ".yaml", ".toml") or not p.is_file():
                continue
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(keepends=True), 1):
                if line.startswith(markers):
                    left.append(f"{p.relative_to(root)}:{n}")
    for name in ("README.md", "pyproject.toml"):
        text = (root / name).read_text(encoding="utf-8")
        left += [f"{name}:{n}" for n, line in enumerate(text.splitlines(keepends=True), 1) if line.startswith(markers)]
    assert not left, "merge conflict markers left: " + ", ".join(left)
