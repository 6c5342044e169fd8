"""Compare documents or provinces: themes, agency types, deadlines.

:func:`compare` puts every document in a column (``by="document"``) or in
its province's column (``by="province"``, from ``document.province``; with
``merge_provinces`` the 2025 merger is applied, so a 2024 Bình Phước plan
and a 2026 Đồng Nai plan share the column "Đồng Nai") and counts:

* themes × columns: tasks, share of the column's tasks, top lead agencies;
* agency types × columns: distinct agencies and the tasks they lead or support;
* deadline profile × columns: kinds (by/on/period/recurring/ongoing/
  conditional/none) and the years of dated deadlines.

The :class:`Comparison` writes CSV, Markdown and a heatmap picture.
"""

from __future__ import annotations

import csv
import io as _io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional, Union

from .errors import InputError
from .graph import agency_display, agency_scope, agency_type_label, agency_type_of, dedupe_results, doc_keys
from .models import ExtractionResult

__all__ = ["Comparison", "compare", "NO_THEME", "NO_PROVINCE", "DEADLINE_KINDS", "resolve_themes", "choose_taxonomy", "ThemeChoice"]

NO_THEME = "(không chủ đề)"
NO_PROVINCE = "(không rõ tỉnh)"
DEADLINE_KINDS = ["by", "on", "period", "recurring", "ongoing", "conditional", "none"]


@dataclass
class Comparison:
    """Counts per column (province or document); every table keeps zeros."""

    by: str
    groups: list[str]
    documents: dict[str, list[str]]
    tasks: dict[str, int]
    themes: list[str]
    theme_tasks: dict[str, dict[str, int]]
    theme_leads: dict[str, dict[str, list[tuple[str, int]]]]
    agency_types: list[str]
    type_agencies: dict[str, dict[str, int]]
    type_tasks: dict[str, dict[str, int]]
    deadline_kinds: dict[str, dict[str, int]]
    deadline_years: dict[str, dict[str, int]]
    taxonomy: Optional[str] = None
    method: str = "none"
    method_description: str = ""
    notes: list[str] = field(default_factory=list)

    # ---------------------------------------------------------------- tables

    def share(self, theme: str, group: str) -> float:
        """Share of the column's tasks that carry ``theme`` (0 when the
        column has no task). A task with two themes counts in both."""
        n = self.tasks.get(group, 0)
        return self.theme_tasks[theme][group] / n if n else 0.0

    def tables(self) -> dict[str, tuple[list[str], list[list]]]:
        """The tables as (header, rows), keyed by CSV file stem."""
        g = self.groups
        themes = (
            ["theme"] + [f"{x} tasks" for x in g] + [f"{x} share" for x in g] + [f"{x} lead agencies" for x in g],
            [[t] + [self.theme_tasks[t][x] for x in g] + [round(self.share(t, x), 4) for x in g]
             + ["; ".join(f"{a} ({n})" for a, n in self.theme_leads[t][x]) for x in g] for t in self.themes]
            + [["(all tasks)"] + [self.tasks[x] for x in g] + [1.0 if self.tasks[x] else 0.0 for x in g] + ["" for _ in g]],
        )
        types = (
            ["agency type"] + [f"{x} agencies" for x in g] + [f"{x} tasks" for x in g],
            [[t] + [self.type_agencies[t][x] for x in g] + [self.type_tasks[t][x] for x in g] for t in self.agency_types],
        )
        deadlines = (
            ["deadline"] + g,
            [[f"kind: {k}"] + [self.deadline_kinds[k][x] for x in g] for k in DEADLINE_KINDS]
            + [[f"year: {y}"] + [self.deadline_years[y][x] for x in g] for y in sorted(self.deadline_years)],
        )
        docs = (["group", "documents", "tasks"], [[x, "; ".join(self.documents[x]), self.tasks[x]] for x in g])
        return {"themes": themes, "agency_types": types, "deadlines": deadlines, "documents": docs}

    def to_csv(self, table: str = "themes") -> str:
        header, rows = self.tables()[table]
        buf = _io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)
        return buf.getvalue()

    def to_markdown(self) -> str:
        g = self.groups
        col = "Tỉnh" if self.by == "province" else "Văn bản"
        out = [f"# So sánh theo {'tỉnh' if self.by == 'province' else 'văn bản'}", ""]
        out.append(f"{len(g)} {'tỉnh' if self.by == 'province' else 'văn bản'}, "
                   f"{sum(self.tasks.values())} nhiệm vụ.")
        out.append("")
        out.append(f"Cách xác định chủ đề ({self.method}): {self.method_description or 'không có'}.")
        out.append("")
        for n in self.notes:
            out.append(f"> {n}")
        if self.notes:
            out.append("")
        out += [f"| {col} | Văn bản | Nhiệm vụ |", "|---|---|---:|"]
        out += [f"| {x} | {', '.join(self.documents[x])} | {self.tasks[x]} |" for x in g]
        out += ["", "## Chủ đề × " + col.lower(), "", "Số nhiệm vụ (tỷ lệ trong cột); cơ quan chủ trì nhiều nhất.", ""]
        out += ["| Chủ đề | " + " | ".join(g) + " |", "|---|" + "---|" * len(g)]
        for t in self.themes:
            cells = []
            for x in g:
                n = self.theme_tasks[t][x]
                leads = ", ".join(a for a, _ in self.theme_leads[t][x][:2])
                cells.append(f"{n} ({self.share(t, x):.0%})" + (f"<br>{_md(leads)}" if leads else ""))
            out.append(f"| {_md(t)} | " + " | ".join(cells) + " |")
        out += ["", "## Loại cơ quan × " + col.lower(), "", "Số cơ quan (số nhiệm vụ chủ trì hoặc phối hợp).", ""]
        out += ["| Loại | " + " | ".join(g) + " |", "|---|" + "---:|" * len(g)]
        for t in self.agency_types:
            out.append(f"| {t} | " + " | ".join(f"{self.type_agencies[t][x]} ({self.type_tasks[t][x]})" for x in g) + " |")
        out += ["", "## Thời hạn", ""]
        out += ["| Thời hạn | " + " | ".join(g) + " |", "|---|" + "---:|" * len(g)]
        for k in DEADLINE_KINDS:
            out.append(f"| {k} | " + " | ".join(str(self.deadline_kinds[k][x]) for x in g) + " |")
        for y in sorted(self.deadline_years):
            out.append(f"| năm {y} | " + " | ".join(str(self.deadline_years[y][x]) for x in g) + " |")
        return "\n".join(out) + "\n"

    # ---------------------------------------------------------------- picture

    def heatmap(self, path: Union[str, Path], *, dpi: int = 100) -> Path:
        """Themes × columns, coloured by share of the column's tasks,
        annotated "tasks (share)". Size grows with the table: the figure is
        ``heatmap_size()`` inches × ``dpi``."""
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import numpy as np

        path = Path(path)
        if path.suffix.lower() not in (".png", ".svg"):
            raise InputError("a heatmap must be .png or .svg", path=str(path))
        data = np.array([[self.share(t, x) for x in self.groups] for t in self.themes] or [[0.0]])
        wi, hi = self.heatmap_size()
        fig = plt.figure(figsize=(wi, hi), dpi=dpi)
        # margins in inches: theme names on the left (3 in), colour bar on the right
        left, right, bottom, top = 3.0 / wi, 1.0 / wi, 1.1 / hi, 0.6 / hi
        ax = fig.add_axes((left, bottom, 1 - left - right - 0.2 / wi, 1 - bottom - top))
        im = ax.imshow(data, cmap="YlOrRd", vmin=0, vmax=max(0.01, float(data.max())), aspect="auto")
        ax.set_xticks(range(len(self.groups)))
        ax.set_xticklabels([_short(x, 24) for x in self.groups], rotation=30, ha="right", fontsize=9)
        ax.set_yticks(range(len(self.themes)))
        ax.set_yticklabels([_short(t, 34) for t in self.themes], fontsize=9)
        for i, t in enumerate(self.themes):
            for j, x in enumerate(self.groups):
                v = data[i, j]
                ax.text(j, i, f"{self.theme_tasks[t][x]}\n{v:.0%}", ha="center", va="center", fontsize=8,
                        color="white" if v > 0.6 * data.max() and v > 0 else "black")
        cax = fig.add_axes((1 - right + 0.1 / wi, bottom, 0.15 / wi, 1 - bottom - top))
        fig.colorbar(im, cax=cax).set_label("tỷ lệ nhiệm vụ", fontsize=8)
        fig.suptitle(f"Chủ đề × {'tỉnh' if self.by == 'province' else 'văn bản'} ({sum(self.tasks.values())} nhiệm vụ)", fontsize=11)
        fig.savefig(path, dpi=dpi, format=path.suffix[1:].lower())
        plt.close(fig)
        return path

    def heatmap_size(self) -> tuple[float, float]:
        return (max(8.0, 4.5 + 1.3 * len(self.groups)), max(4.0, 2.0 + 0.55 * len(self.themes)))

    def write(self, out: Union[str, Path]) -> list[Path]:
        """Write by target: a folder gets every CSV, ``comparison.md`` and
        ``heatmap.png``; a ``.csv`` file gets the themes table; ``.md`` the
        Markdown; ``.png``/``.svg`` the heatmap."""
        from .io import write_atomic

        out = Path(out)
        ext = out.suffix.lower()
        if ext == ".csv":
            write_atomic(out, self.to_csv("themes"))
            return [out]
        if ext == ".md":
            write_atomic(out, self.to_markdown())
            return [out]
        if ext in (".png", ".svg"):
            out.parent.mkdir(parents=True, exist_ok=True)
            return [self.heatmap(out)]
        if ext:
            raise InputError(f"unknown output {ext}; give a folder, .csv, .md, .png or .svg", path=str(out))
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name in self.tables():
            write_atomic(out / f"{name}.csv", self.to_csv(name))
            written.append(out / f"{name}.csv")
        write_atomic(out / "comparison.md", self.to_markdown())
        written += [out / "comparison.md", self.heatmap(out / "heatmap.png")]
        return written


def _md(s: str) -> str:
    return s.replace("|", "\\|")


def _short(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


# --------------------------------------------------------------------------
# Provinces
# --------------------------------------------------------------------------


def _province_functions() -> tuple[Callable, Callable]:
    """The provinces' canonical names and the 2025 merger (:mod:`directive_nlp.provinces`)."""
    from .provinces import canonical_province, merged_into

    return canonical_province, merged_into


def _province_group(name: Optional[str], merge: bool, canonical: Optional[Callable], merged_into: Optional[Callable]) -> str:
    if not name:
        return NO_PROVINCE
    p = name
    if canonical is not None:
        try:
            p = canonical(name) or name
        except Exception:
            p = name
    if merge and merged_into is not None:
        try:
            p = merged_into(p) or p
        except Exception:
            pass
    return p


# --------------------------------------------------------------------------
# Themes
# --------------------------------------------------------------------------


@dataclass
class ThemeChoice:
    """Which themes a comparison or graph uses, and how they were found.

    ``method`` is one of ``results`` (the tasks already carry themes, e.g.
    hand-corrected JSON), ``against`` (the sections, or tasks, of a central
    document given with ``--against``), ``central`` (an input the others
    cite: its sections), ``citation`` (a shipped taxonomy made for the
    central document the inputs cite), ``subject`` (a shipped taxonomy whose
    subject most inputs are about), ``given`` (``--taxonomy``), ``clusters``
    (found from the documents themselves) or ``none``.
    """

    method: str
    description: str
    taxonomy: Optional[str] = None
    names: list[str] = field(default_factory=list)
    matches: Optional[list[dict]] = None
    notes: list[str] = field(default_factory=list)


def _names_in_tasks(results: list[ExtractionResult]) -> list[str]:
    names: list[str] = []
    for r in results:
        for t in r.tasks:
            for th in t.themes:
                if th not in names:
                    names.append(th)
    return names


def _apply(results: list[ExtractionResult], spec, method: str, description: str, notes: list[str]) -> ThemeChoice:
    """Assign ``spec``'s themes to the results that fit its subject."""
    from .themes import assign_themes, load_taxonomy

    tax = load_taxonomy(spec)
    fitting = [r for r in results if method != "given" or tax.fits(r)]
    for r in results:
        if r not in fitting and r.tasks:
            notes.append(f"{Path(r.source.path).stem}: not about {tax.title or tax.name}; its tasks get no theme")
            for t in r.tasks:
                t.themes = []
    per = assign_themes(fitting, tax, write=True) if fitting else []
    by_id = {id(r): m for r, m in zip(fitting, per)}
    matches = [by_id.get(id(r), {}) for r in results]
    return ThemeChoice(method, description, tax.name, [t.name for t in tax.themes], matches, notes)


def _auto_themes(results: list[ExtractionResult], notes: list[str]) -> ThemeChoice:
    from .themes import (MIN_CLUSTER_TASKS, central_in_inputs, cluster_themes, load_taxonomy, shared_citation,
                         shipped_for_citation)

    if any(t.themes for r in results for t in r.tasks):
        return ThemeChoice("results", "chủ đề có sẵn trong kết quả trích xuất", None, _names_in_tasks(results), None, notes)
    central = central_in_inputs(results)
    if central:
        r, n = central
        return _apply(results, r, "central", f"các mục của văn bản trung tâm {r.document.number} "
                      f"(được {n} văn bản khác trích dẫn)", notes)
    cited = shared_citation(results)
    shipped = shipped_for_citation(cited[0]) if cited else None
    if shipped:
        return _apply(results, shipped, "citation", f"bộ chủ đề {shipped} của văn bản {cited[0]} "
                      f"mà {cited[1]} văn bản cùng trích dẫn", notes)
    with_tasks = [r for r in results if r.tasks]
    ct36 = load_taxonomy("ct36")
    if with_tasks and sum(1 for r in with_tasks if ct36.fits(r)) * 2 >= len(with_tasks):
        return _apply(results, "ct36", "subject", f"bộ chủ đề ct36 ({ct36.title}): các văn bản cùng chủ đề", notes)
    if cited:
        notes.append(f"{cited[1]} documents cite {cited[0]}, which is not among the inputs; give it with "
                     f"--against FILE to use its sections as themes")
    if sum(len(r.tasks) for r in results) < MIN_CLUSTER_TASKS:
        if with_tasks:
            notes.append("no theme taxonomy fits these documents and they have too few tasks to cluster; "
                         "give --against CENTRAL or --taxonomy FILE.yaml")
        return ThemeChoice("none", "không có chủ đề", None, [], None, notes)
    tax, matches = cluster_themes(results)
    return ThemeChoice("clusters", f"{len(tax.themes)} cụm nhiệm vụ tìm từ chính các văn bản (TF-IDF, LSA, k-means), "
                       "mỗi cụm mang tên bằng những từ đặc trưng của nó", tax.name, [t.name for t in tax.themes],
                       matches, notes)


def resolve_themes(results: list[ExtractionResult], taxonomy="auto", *, against=None) -> ThemeChoice:
    """Give the tasks of ``results`` themes (in place: pass copies) and say how.

    ``against`` (a central document: path, or result) wins: its task-area
    sections, or its tasks, are the themes. ``taxonomy`` ``"auto"`` tries,
    in order: themes the tasks already carry; an input the others cite;
    a shipped taxonomy for the document they cite, or for their subject;
    clusters of the task texts. ``None`` keeps the tasks' themes as they
    are; anything else (``"ct36"``, a YAML file, a document) is applied to
    the documents that fit its subject.
    """
    notes: list[str] = []
    if against is not None:
        from .themes import load_taxonomy

        tax = load_taxonomy(against, section_prefix=None)
        return _apply(results, tax, "against", f"các mục của văn bản trung tâm {tax.title or tax.name} (--against)",
                      notes)
    if taxonomy is None:
        return ThemeChoice("none", "chủ đề có sẵn trong kết quả trích xuất", None, _names_in_tasks(results), None, notes)
    if taxonomy == "auto":
        return _auto_themes(results, notes)
    return _apply(results, taxonomy, "given", f"bộ chủ đề do người dùng chọn ({taxonomy if isinstance(taxonomy, str) else 'tài liệu'})",
                  notes)


def choose_taxonomy(results: list[ExtractionResult], taxonomy="auto"):
    """Compatibility: the theme choice for ``results`` without assigning
    (works on copies); returns (taxonomy name or None, notes)."""
    choice = resolve_themes([r.model_copy(deep=True) for r in results], taxonomy)
    return choice.taxonomy, choice.notes


# --------------------------------------------------------------------------
# compare
# --------------------------------------------------------------------------


def compare(
    results: Iterable[ExtractionResult],
    by: str = "province",
    *,
    taxonomy="auto",
    against=None,
    merge_provinces: bool = False,
    merged_into: Optional[Callable[[str], Optional[str]]] = None,
    top_leads: int = 3,
) -> Comparison:
    """Count themes, agency types and deadlines per province or per document.

    ``against`` (a central document) and ``taxonomy`` choose the themes
    (:func:`resolve_themes`; the comparison says which method it used).
    ``merged_into`` overrides ``provinces.merged_into`` (the 2025 merger)
    when given. Identical inputs are counted once and a note says so; a
    document without tasks keeps its column (all zeros) and a note.
    """
    if by not in ("province", "document"):
        raise InputError(f"--by must be 'province' or 'document', not {by!r}")
    results = list(results)
    if not results:
        raise InputError("no documents given; pass at least one document or extract JSON")
    results, notes = dedupe_results(results)
    results = [r.model_copy(deep=True) for r in results]
    choice = resolve_themes(results, taxonomy, against=against)
    tax_name, theme_names = choice.taxonomy, choice.names
    notes += choice.notes
    keys = doc_keys(results)
    canonical, merger = _province_functions()
    if merged_into is not None:
        merger = merged_into

    groups: list[str] = []
    documents: dict[str, list[str]] = defaultdict(list)
    group_of: list[str] = []
    for r, k in zip(results, keys):
        if by == "document":
            g = k
        else:
            g = _province_group(r.document.province, merge_provinces, canonical, merger)
            if merge_provinces and r.document.province and g != r.document.province:
                notes.append(f"{k}: {r.document.province} counted as {g} (2025 merger)")
        if g not in groups:
            groups.append(g)
        documents[g].append(k)
        group_of.append(g)
        if not r.tasks:
            notes.append(f"{k}: no tasks found")
    if by == "province" and len(groups) == 1:
        notes.append(f"all documents are from one province ({groups[0]}); use --by document to compare them")

    tasks = Counter()
    has_untagged = any(not t.themes for r in results for t in r.tasks)
    themes = list(theme_names) + ([NO_THEME] if has_untagged or not theme_names else [])
    theme_tasks = {t: {g: 0 for g in groups} for t in themes}
    leads: dict[str, dict[str, Counter]] = {t: {g: Counter() for g in groups} for t in themes}
    type_agencies: dict[str, dict[str, set]] = defaultdict(lambda: {g: set() for g in groups})
    type_tasks: dict[str, dict[str, int]] = defaultdict(lambda: {g: 0 for g in groups})
    kinds = {k: {g: 0 for g in groups} for k in DEADLINE_KINDS}
    years: dict[str, dict[str, int]] = defaultdict(lambda: {g: 0 for g in groups})
    spelling: dict[str, Counter] = defaultdict(Counter)
    several = len({r.document.province for r in results}) > 1  # names then carry their province
    for r, g in zip(results, group_of):
        prov = r.document.province
        for t in r.tasks:
            tasks[g] += 1
            task_themes = [th for th in t.themes if th in theme_tasks] or [NO_THEME]
            lead_keys = []
            for a in t.agencies:
                typ = agency_type_of(a.name, a.type)
                generic, aprov = agency_scope(a.name, prov, typ)
                key = f"{aprov or '*'}:{generic}"
                spelling[key][agency_display(a.name, aprov) if several else a.name] += 1
                typ = agency_type_label(typ)
                type_agencies[typ][g].add(key)
                type_tasks[typ][g] += 1
                if a.role == "lead":
                    lead_keys.append(key)
            for th in task_themes:
                theme_tasks[th][g] += 1
                for key in lead_keys:
                    leads[th][g][key] += 1
            d = t.deadline
            kinds[d.kind if d else "none"][g] += 1
            when = d and (d.date or d.end or d.start)
            if when and when[:4].isdigit():
                years[when[:4]][g] += 1
    theme_leads = {
        th: {g: [(spelling[k].most_common(1)[0][0], n) for k, n in leads[th][g].most_common(top_leads)] for g in groups}
        for th in themes
    }
    types = sorted(type_agencies)
    return Comparison(
        by=by,
        groups=groups,
        documents=dict(documents),
        tasks={g: tasks[g] for g in groups},
        themes=themes,
        theme_tasks=theme_tasks,
        theme_leads=theme_leads,
        agency_types=types,
        type_agencies={t: {g: len(type_agencies[t][g]) for g in groups} for t in types},
        type_tasks={t: dict(type_tasks[t]) for t in types},
        deadline_kinds=kinds,
        deadline_years=dict(years),
        taxonomy=tax_name,
        method=choice.method,
        method_description=choice.description,
        notes=notes,
    )
