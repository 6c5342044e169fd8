"""Extraction results for the cross-check tests.

The cross-check consumes :class:`ExtractionResult`. Once the pipeline's
``extract`` exists the tests use it; before that (the tasks developer is
writing it) a result is assembled from what is there:

* tasks from the gold file (``*.gold.jsonl``) when the document has one;
* sections from ``structure.parse_structure`` when it exists, else from the
  Markdown's bold numbered headings (a few lines below — test scaffolding,
  not an extractor);
* for the synthetic documents written for these tests (no gold), one task
  per list item or paragraph under a numbered heading, no agencies.

``REAL_EXTRACT`` says which path is in use so tests can report it.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Optional

from directive_nlp.models import ExtractionResult, SectionOut, SourceInfo, Task

try:  # the real pipeline, once written
    from directive_nlp.pipeline import extract as _extract  # type: ignore[attr-defined]

    REAL_EXTRACT = True
except ImportError:  # pragma: no cover - depends on the tasks developer's progress
    _extract = None
    REAL_EXTRACT = False


_ROMAN_RE = re.compile(r"^(?P<n>[IVX]+)\s*[.\-–]\s*(?P<h>.*)$")
_ARABIC_RE = re.compile(r"^(?P<n>\d+(?:\.\d+)*)\.?\s*(?P<h>.*)$")


def _md_lines(text: str) -> list[tuple[bool, str]]:
    """(is_bold_heading_candidate, text) per logical line; '****' splits glued bold runs."""
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        bold = line.startswith("#") or line.lstrip("#").strip().startswith("**")
        for part in re.split(r"\*\*\*\*", line) if bold else [line]:
            out.append((bold, part.strip().lstrip("#").strip()))
    return out


def _clean(s: str) -> str:
    return re.sub(r"[*_]", "", s).strip()


def sections_from_markdown(text: str) -> tuple[list[SectionOut], list[tuple[str, str]]]:
    """Numbered sections (roman parts, arabic children) and the body lines with their section."""
    sections: list[SectionOut] = []
    body: list[tuple[str, str]] = []
    roman: Optional[str] = None
    current = "preamble"
    for bold, line in _md_lines(text):
        plain = _clean(line)
        m = _ROMAN_RE.match(plain) if bold else None
        if m and m.group("h"):
            roman = m.group("n")
            current = roman
            sections.append(SectionOut(id=roman, number=f"{roman}.", heading=m.group("h").strip(), level=1))
            continue
        m = _ARABIC_RE.match(plain)
        starts_bold = line.startswith("**") or bold
        if m and roman and line[:1] in "*0123456789":
            num = m.group("n")
            sid = f"{roman}.{num}"
            parent = sid.rsplit(".", 1)[0]
            head_bold = re.match(r"^\*\*\s*\d+(?:\.\d+)*\.?\s*\*\*", line)
            # "**1. Heading**" is a heading; "**1.** Text" and "1. Text" are numbered paragraphs
            heading = None if (head_bold or not starts_bold) else m.group("h").strip() or None
            sections.append(SectionOut(id=sid, number=f"{num}.", heading=heading, level=sid.count(".") + 1, parent=parent))
            current = sid
            rest = _clean(re.sub(r"^\*\*\s*\d+(?:\.\d+)*\.?\s*\*\*", "", line)) if head_bold else ("" if heading else m.group("h").strip())
            if rest:
                body.append((current, rest))
            continue
        if plain.lower().startswith(("nơi nhận", "t/m", "tm.")):
            current = "closing"
        body.append((current, plain.lstrip("-+ ").strip()))
    return sections, body


def _source(path: Path, data: bytes) -> SourceInfo:
    return SourceInfo(path=str(path), format="md", sha256=hashlib.sha256(data).hexdigest())


def _structure_sections(path: Path) -> Optional[list[SectionOut]]:
    try:
        from directive_nlp.pipeline import load_text
        from directive_nlp.structure import parse_structure  # type: ignore[attr-defined]
    except ImportError:
        return None
    doc = load_text(path)
    st = parse_structure(doc)
    return [SectionOut(id=s.id, number=s.number, heading=s.heading, level=s.level, parent=s.parent) for s in st.sections]


def result_from_gold(md: Path, gold: Path) -> ExtractionResult:
    """Gold tasks + sections (parse_structure when there, else the Markdown headings)."""
    data = md.read_bytes()
    sections = _structure_sections(md)
    if sections is None:
        sections, _ = sections_from_markdown(data.decode("utf-8"))
    tasks = []
    for i, line in enumerate(gold.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        g = json.loads(line)
        g["agencies"] = [{"name": a["name"], "canonical": a.get("canonical") or a["name"].lower(),
                          "role": a.get("role", "lead")} for a in g.get("agencies", [])]
        tasks.append(Task.model_validate(g))
    return ExtractionResult(source=_source(md, data), sections=sections, tasks=tasks)


def result_from_markdown(md: Path, text: Optional[str] = None) -> ExtractionResult:
    """A synthetic test document: one task per item under a numbered heading."""
    text = md.read_text(encoding="utf-8") if text is None else text
    sections, body = sections_from_markdown(text)
    tasks = []
    for sid, line in body:
        if sid in ("preamble", "closing") or "." not in sid:
            continue
        tasks.append(Task(id=f"T{len(tasks) + 1}", section=sid, sentence=line, task=line))
    title = next((_clean(l) for b, l in _md_lines(text) if b), None)
    return ExtractionResult(source=_source(md, text.encode("utf-8")), sections=sections, tasks=tasks,
                            document={"title": title})


def load(md: Path) -> ExtractionResult:
    """The best result available for ``md``: real extract, else gold, else the synthetic reader."""
    if _extract is not None:
        return _extract(md)
    gold = md.with_name(md.stem + ".gold.jsonl")
    if gold.exists():
        return result_from_gold(md, gold)
    return result_from_markdown(md)


def load_text_variant(name: str, text: str) -> ExtractionResult:
    """A document given as Markdown text (a variant of a test document)."""
    return load_doc_text(name, text)


def load_doc(md: Path) -> ExtractionResult:
    """The result the CLI reads for a document (the extraction result only)."""
    if _extract is not None:
        from directive_nlp.crosscheck import load_input

        return load_input(md)
    return load(md)


def load_doc_text(name: str, text: str) -> ExtractionResult:
    """The result of Markdown given as text."""
    if _extract is not None:
        from directive_nlp.pipeline import extract_document, load_text

        return extract_document(load_text(f"{name}.md", data=text.encode("utf-8")))
    return result_from_markdown(Path(f"{name}.md"), text)


def plan_variants(pair: dict, plan_text: str, *, seed: int = 7, n2: int = 3, n3: int = 3):
    """Variants of a review plan without k themes (k = 0, 1, 2, 3).

    Yields ``(removed themes, variant text, themes expected NOT covered)``:
    every line listed under a removed theme is dropped; a theme is expected
    uncovered when all of its lines were dropped (a line may review several).
    """
    import random

    themes = list(pair["themes"])
    rng = random.Random(seed)
    variants = [()] + [(t,) for t in themes]
    variants += [tuple(sorted(rng.sample(themes, 2))) for _ in range(n2)]
    variants += [tuple(sorted(rng.sample(themes, 3))) for _ in range(n3)]
    for removed in dict.fromkeys(variants):
        drop = {line for t in removed for line in pair["themes"][t]}
        lines = [l for l in plan_text.splitlines() if not any(l.startswith(d) for d in drop)]
        expected = {t for t, ls in pair["themes"].items() if all(l in drop for l in ls)}
        yield removed, "\n".join(lines) + "\n", expected
