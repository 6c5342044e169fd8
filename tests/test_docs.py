"""The documentation a newcomer reads: a README that is a front page, links
that lead somewhere, the blocks the benchmark scripts rewrite where the
scripts write them, and docstrings that point inside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
PAGES = [README, ROOT / "BENCHMARKS.md", *sorted(DOCS.glob("*.md"))]
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)


def relative_links(text: str) -> list[str]:
    """Targets of the Markdown links outside code blocks that point to a file
    of the repository (not a web address, not an anchor of the same page)."""
    text = _FENCE.sub("", text)
    text = re.sub(r"`[^`\n]*`", "", text)
    targets = [m.group(1) for m in _LINK.finditer(text)]
    return [t for t in targets if not re.match(r"[a-z][a-z0-9+.-]*:", t) and not t.startswith("#")]


def test_relative_links_finds_file_links_only():
    text = ("[a](docs/a.md) [b](https://example.org) [c](#here) [d](../x.md#part) `[e](f.md)`\n"
            "```\n[g](h.md)\n```\n![pic](p.png)")
    assert relative_links(text) == ["docs/a.md", "../x.md#part"]


def test_readme_is_a_front_page():
    assert README.stat().st_size <= 25_000
    text = README.read_text(encoding="utf-8")
    assert "(issue " not in text and "/work/" not in text
    assert "Hướng dẫn nhanh" in text


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(page):
    missing = [t for t in relative_links(page.read_text(encoding="utf-8"))
               if not (page.parent / t.split("#", 1)[0]).exists()]
    assert missing == [], f"{page.name} links to files that do not exist: {missing}"


def test_the_index_lists_every_page():
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    listed = {t.split("#", 1)[0] for t in relative_links(index)}
    pages = {p.name for p in DOCS.glob("*.md")} - {"index.md"}
    assert pages - listed == set()


def test_readme_test_command_is_the_one_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = "pip install -q -e '.[test]' && python -m pytest -q"
    assert command in ci
    assert command in README.read_text(encoding="utf-8").splitlines()[12]


@pytest.mark.parametrize("page, block", [("README.md", "quality"), ("docs/tasks.md", "bench_extract"),
                                         ("docs/cli.md", "cli_help"), ("BENCHMARKS.md", "bench_corpus")])
def test_script_blocks_are_where_the_scripts_write_them(page, block):
    text = (ROOT / page).read_text(encoding="utf-8")
    begin = "start" if block == "bench_extract" else "begin"
    end = "end"
    assert text.count(f"<!-- {block}:{begin} -->") == 1 and text.count(f"<!-- {block}:{end} -->") == 1


def test_docstrings_point_inside_the_repository():
    outside = re.compile(r"\.\./shared|spec/(OUTPUT|ANNOTATION|TOOLCHAIN)|(?<![\w/-])(OUTPUT|ANNOTATION[\w-]*|TOOLCHAIN)\.md")
    found = [f"{p.relative_to(ROOT)}:{i}" for p in sorted((ROOT / "src").rglob("*"))
             if p.suffix in {".py", ".yaml", ".j2"}
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if outside.search(line)]
    assert found == []
    assert (DOCS / "output-contract.md").is_file()
