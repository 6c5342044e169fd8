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
from typing import Callable, Iterable, Optional, Sequence, Union

from .errors import InputError
from .graph import agency_key, agency_type_of, dedupe_results, doc_keys
from .models import ExtractionResult

__all__ = ["Comparison", "compare", "NO_THEME", "NO_PROVINCE", "DEADLINE_KINDS", "resolve_themes", "choose_taxonomy"]

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
                   f"{sum(self.tasks.values())} nhiệm vụ; chủ đề: {self.taxonomy or 'theo kết quả trích xuất'}.")
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


def _province_functions() -> tuple[Optional[Callable], Optional[Callable]]:
    try:
        from . import provinces  # ingest-2: canonical names and the 2025 merger
    except ImportError:
        return None, None
    return getattr(provinces, "canonical_province", None), getattr(provinces, "merged_into", None)


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


def choose_taxonomy(results: list[ExtractionResult], taxonomy="auto"):
    """Decide which taxonomy to use; returns (spec or None, notes).

    ``"auto"``: None (keep the themes the tasks already carry, e.g. in
    hand-corrected JSON) when any task has themes; else ``"ct36"`` when at
    least half of the documents with tasks are about its subject
    (:meth:`Taxonomy.fits`: drugs, 36-CT/TW); else None with a note.
    Anything else is returned unchanged (a name, a YAML path, a reference
    document or a Taxonomy, for :func:`themes.load_taxonomy`).
    """
    from .themes import load_taxonomy

    if taxonomy != "auto":
        return taxonomy, []
    if any(t.themes for r in results for t in r.tasks):
        return None, []
    with_tasks = [r for r in results if r.tasks]
    if with_tasks:
        ct36 = load_taxonomy("ct36")
        if sum(1 for r in with_tasks if ct36.fits(r)) * 2 >= len(with_tasks):
            return "ct36", []
    if not with_tasks:
        return None, []
    return None, ["no theme taxonomy fits these documents (the tasks carry no themes and they are not about "
                  "Chỉ thị 36-CT/TW); give --taxonomy FILE.yaml or a reference document"]


def resolve_themes(results: list[ExtractionResult], taxonomy="auto") -> tuple[Optional[str], list[str], list[str]]:
    """Make sure tasks carry themes (see :func:`choose_taxonomy`); returns
    (taxonomy name or None, theme names in display order, notes)."""
    from .themes import assign_themes, load_taxonomy

    taxonomy, notes = choose_taxonomy(results, taxonomy)
    if taxonomy is None:
        names: list[str] = []
        for r in results:
            for t in r.tasks:
                for th in t.themes:
                    if th not in names:
                        names.append(th)
        return None, names, notes
    tax = load_taxonomy(taxonomy)
    assign_themes(results, tax, write=True)
    return tax.name, [t.name for t in tax.themes], notes


# --------------------------------------------------------------------------
# compare
# --------------------------------------------------------------------------


def compare(
    results: Iterable[ExtractionResult],
    by: str = "province",
    *,
    taxonomy="auto",
    merge_provinces: bool = False,
    merged_into: Optional[Callable[[str], Optional[str]]] = None,
    top_leads: int = 3,
) -> Comparison:
    """Count themes, agency types and deadlines per province or per document.

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
    tax_name, theme_names, tnotes = resolve_themes(results, taxonomy)
    notes += tnotes
    keys = doc_keys(results)
    canonical, merger = _province_functions()
    if merged_into is not None:
        merger = merged_into
    if by == "province" and merge_provinces and merger is None:
        notes.append("the 2025 merger table is not available (directive_nlp.provinces.merged_into is missing); "
                     "provinces are kept as written")

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
    for r, g in zip(results, group_of):
        prov = r.document.province
        for t in r.tasks:
            tasks[g] += 1
            task_themes = [th for th in t.themes if th in theme_tasks] or [NO_THEME]
            lead_keys = []
            for a in t.agencies:
                key = agency_key(a.name, prov)
                spelling[key][a.name] += 1
                typ = agency_type_of(a.name, a.type)
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
        notes=notes,
    )
