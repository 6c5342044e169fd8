"""The responsibility graph: who must do what, by when, under which theme.

:func:`build_graph` turns one or many :class:`ExtractionResult` into one
``networkx.MultiDiGraph``:

======== ============================================ ==========================
node     id                                           key attributes
======== ============================================ ==========================
document ``doc:<key>``                                doc_type, number, province, title, cited
section  ``sec:<doc key>:<section id>``               section, heading, level
task     ``task:<doc key>:<task id>``                 text, sentence, section, themes, unassigned
agency   ``agency:<scope>:<canonical key>``           name, canonical, generic, type, province, lead, support, load
deadline ``deadline:<kind>:<value>``                  deadline_kind, date, start, end, frequency, month, year
theme    ``theme:<theme id>``                         name, tasks
======== ============================================ ==========================

Every node has ``kind`` (the category above) and ``label``; edges carry
``kind`` too and use it as their key:

* agency ``-lead->`` task, agency ``-support->`` task
* task ``-report_to->`` agency
* task ``-part_of->`` section ``-part_of->`` parent section … ``-part_of->`` document
* document ``-cites->`` cited document (from ``document.references``)
* task ``-due->`` deadline
* task ``-about->`` theme (``score``, ``keywords``)

Attributes are str/int/float/bool only (``None`` is left out, lists are
joined with "; "), so GraphML, GEXF and node-link JSON round-trip.

Agencies are resolved across documents. Within a province the same body
written differently is one node ("UBND tỉnh", "Ủy ban nhân dân tỉnh Lạng
Sơn"); the same kind of body in two provinces gives two nodes that share
``generic`` (the province-free key, e.g. "công an tỉnh") and ``type``.
Central bodies ("Bộ Công an", "Trung ương") are one node for everybody.
A document whose province is unknown scopes its agencies to itself: two
"UBND tỉnh" of unknown provinces are not assumed to be the same body.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

import networkx as nx

from .agencies import agency_key as _agency_key
from .agencies import agency_type, load_agency_types
from .agencies import canonical as agency_canonical
from .errors import InputError
from .models import Deadline, ExtractionResult, Reference
from .normalize import match_key

__all__ = [
    "build_graph",
    "agency_key",
    "agency_type_of",
    "agency_type_label",
    "agency_scope",
    "agency_display",
    "tasks_of",
    "agencies_by_load",
    "unassigned_tasks",
    "deadlines_by_month",
    "implementation_chain",
    "find_agencies",
    "theme_weights",
    "draw_graph",
    "write_graph",
    "read_graph",
    "GRAPH_FORMATS",
]

GRAPH_FORMATS = (".graphml", ".gexf", ".json", ".svg", ".png")

# --------------------------------------------------------------------------
# Agencies: canonical key, scope, type
# --------------------------------------------------------------------------

_CENTRAL_HEADS = ("bộ chính trị", "ban bí thư", "trung ương", "chính phủ", "thủ tướng", "quốc hội",
                  "văn phòng chính phủ", "ban chấp hành trung ương")


def _is_central(key: str, typ: Optional[str]) -> bool:
    if typ == "central":
        return True
    if key.startswith("bộ ") and not key.startswith(("bộ đội", "bộ chỉ huy")):
        return True
    return key.startswith(_CENTRAL_HEADS) or key.endswith(" trung ương")


def agency_type_of(name: str, given: Optional[str] = None) -> str:
    """Kind of body: :func:`directive_nlp.agencies.agency_type` (the recogniser's
    type, else a guess from the name's words), else the type stored in the
    result, else "state" (an empty name)."""
    return agency_type(name) or given or "state"


@lru_cache(maxsize=1)
def _type_labels() -> dict[str, str]:
    return {str(k): str(v) for k, v in load_agency_types()["labels"].items()}


def agency_type_label(code: Optional[str]) -> str:
    """The Vietnamese name of an agency type code ("so" → "sở, cơ quan
    chuyên môn"): outputs show these, the codes stay internal. A label
    given already is returned as it is."""
    labels = _type_labels()
    if code in labels:
        return labels[code]
    return code if code in labels.values() else labels["other"]


def agency_scope(name: str, province: Optional[str], typ: Optional[str] = None) -> tuple[str, Optional[str]]:
    """(province-free key, province the body belongs to or None for a
    central body). The province is the one the name states ("UBND tỉnh Bình
    Phước"), else the document's (its "Sở Tài chính" is its province's)."""
    stated = None
    try:
        from .provinces import find_province

        stated = find_province(name)
    except Exception:  # the province table is optional for this
        stated = None
    prov = stated or province
    key = agency_key(name, prov)
    if _is_central(key, typ or agency_type_of(name)):
        return key, None
    return key, prov


def agency_display(name: str, province: Optional[str]) -> str:
    """A body's name with its province when the name does not say it:
    "Sở Tài chính (Đồng Nai)" is not "Sở Tài chính (Cần Thơ)"."""
    if not province or match_key(province) in match_key(name):
        return name
    return f"{name} ({province})"


def agency_key(name: str, province: Optional[str] = None) -> str:
    """Province-free key of an agency (:func:`directive_nlp.agencies.agency_key`):
    a trailing "tỉnh <province>" reduced to "tỉnh"
    ("Ủy ban nhân dân tỉnh Lạng Sơn" → "ủy ban nhân dân tỉnh")."""
    return _agency_key(name, province=province)


# --------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _plain(attrs: dict) -> dict:
    """Attributes GraphML/GEXF/JSON can all store: None dropped, lists joined."""
    out = {}
    for k, v in attrs.items():
        if v is None:
            continue
        if isinstance(v, (list, tuple, set)):
            v = "; ".join(str(x) for x in v)
        elif not isinstance(v, (str, int, float, bool)):
            v = str(v)
        if isinstance(v, str):
            v = _XML_BAD.sub(" ", v)  # a stray control character from a PDF would break GraphML/GEXF
        out[k] = v
    return out


def _doc_fingerprint(r: ExtractionResult) -> str:
    if r.source.sha256:
        return r.source.sha256
    payload = json.dumps([t.model_dump(exclude={"themes"}) for t in r.tasks], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256((r.source.path + payload).encode()).hexdigest()


def _ref_key(ref: Reference) -> str:
    if ref.number:
        return match_key(ref.number).replace(" ", "-")
    return match_key(ref.text)[:60].replace(" ", "-")


def _deadline_node(d: Deadline) -> tuple[str, dict]:
    value = d.date or (f"{d.start or ''}..{d.end or ''}" if (d.start or d.end) else None) or d.frequency or ""
    if d.kind == "conditional" or (not value and d.kind not in ("ongoing",)):
        value = value or match_key(d.text)[:40]
    when = d.date or d.end or d.start
    attrs = {
        "kind": "deadline",
        "deadline_kind": d.kind,
        "label": d.text,
        "text": d.text,
        "date": d.date,
        "start": d.start,
        "end": d.end,
        "frequency": d.frequency,
        "month": when[:7] if when and len(when) >= 7 else None,
        "year": int(when[:4]) if when and when[:4].isdigit() else None,
    }
    return f"deadline:{d.kind}:{value}" if value else f"deadline:{d.kind}", attrs


def dedupe_results(results: Sequence[ExtractionResult]) -> tuple[list[ExtractionResult], list[str]]:
    """Drop inputs that are the same document (same sha256, or same path and
    tasks), keeping the first; returns the notes saying what was dropped."""
    seen: dict[str, str] = {}
    kept, notes = [], []
    for r in results:
        fp = _doc_fingerprint(r)
        if fp in seen:
            notes.append(f"{r.source.path} is the same document as {seen[fp]}; counted once")
            continue
        seen[fp] = r.source.path
        kept.append(r)
    return kept, notes


def doc_keys(results: Sequence[ExtractionResult]) -> list[str]:
    """A short unique key per document: the file stem (``#2`` on a clash)."""
    keys, used = [], Counter()
    for r in results:
        stem = Path(r.source.path).stem or "document"
        used[stem] += 1
        keys.append(stem if used[stem] == 1 else f"{stem}#{used[stem]}")
    return keys


def build_graph(
    results: Union[ExtractionResult, Iterable[ExtractionResult]],
    *,
    taxonomy=None,
    theme_matches: Optional[list[dict]] = None,
    dedupe: bool = True,
) -> nx.MultiDiGraph:
    """One graph for one or many documents (see the module docstring).

    Themes: with ``taxonomy`` (a name such as ``"ct36"``, a YAML path, a
    reference document or a :class:`~directive_nlp.themes.Taxonomy`) the tasks
    are assigned themes first (``themes.assign_themes``; the scores and
    keywords go on the ``about`` edges); otherwise the themes already in
    ``task.themes`` are used. Identical inputs are counted once
    (``G.graph["notes"]`` says so). An empty list of results is bad input.
    """
    if isinstance(results, ExtractionResult):
        results = [results]
    results = list(results)
    if not results:
        raise InputError("no documents given; pass at least one document or extract JSON")
    notes: list[str] = []
    if dedupe:
        results, notes = dedupe_results(results)
    results = [r.model_copy(deep=True) for r in results]
    tax_name = None
    if taxonomy is not None and theme_matches is None:
        from .themes import assign_themes, load_taxonomy

        tax = load_taxonomy(taxonomy)
        tax_name = tax.name
        theme_matches = assign_themes(results, tax, write=True)
    keys = doc_keys(results)

    G = nx.MultiDiGraph()
    docs_by_ref = {match_key(r.document.number).replace(" ", "-"): f"doc:{k}"
                   for r, k in zip(results, keys) if r.document.number}
    agency_names: dict[str, Counter] = defaultdict(Counter)
    for idx, (r, dk) in enumerate(zip(results, keys)):
        _add_document(G, r, dk, docs_by_ref)
        if not r.tasks:
            notes.append(f"{r.source.path}: no tasks found")
        sections = _Sections(G, r, dk)
        matches = theme_matches[idx] if theme_matches else {}
        for t in r.tasks:
            _add_task(G, t, dk, r.document.province, sections.node(t.section), matches, agency_names)
    _finish_agencies(G, agency_names)
    G.graph.update(_plain({
        "name": "directive-nlp responsibility graph",
        "documents": len(results),
        "taxonomy": tax_name,
        "notes": "\n".join(notes),  # one note per line
    }))
    return G


def _add_document(G: nx.MultiDiGraph, r: ExtractionResult, dk: str, docs_by_ref: dict[str, str]) -> None:
    """The document's node and its ``cites`` edges (a cited document not in the set gets a node of its own)."""
    d = r.document
    doc_id = f"doc:{dk}"
    G.add_node(doc_id, **_plain({
        "kind": "document", "label": d.title or d.number or dk, "doc": dk, "path": r.source.path,
        "doc_type": d.doc_type, "number": d.number, "issued_date": d.issued_date, "issuer": d.issuer,
        "province": d.province, "title": d.title, "cited": False, "tasks": len(r.tasks),
    }))
    for ref in d.references:
        rk = _ref_key(ref)
        target = docs_by_ref.get(rk, f"doc:ref:{rk}")
        if target == doc_id:
            continue
        if target not in G:
            G.add_node(target, **_plain({
                "kind": "document", "label": " ".join(x for x in [ref.kind, ref.number] if x) or ref.text[:60],
                "doc": target[4:], "doc_type": ref.kind, "number": ref.number, "issued_date": ref.date,
                "issuer": ref.issuer, "title": ref.text, "cited": True, "tasks": 0,
            }))
        if not G.has_edge(doc_id, target, key="cites"):
            G.add_edge(doc_id, target, key="cites", kind="cites", text=ref.text)


class _Sections:
    """The section nodes of one document and their ``part_of`` edges; a section a task
    names that the section list lacks gets a node (its parent guessed from its id)."""

    def __init__(self, G: nx.MultiDiGraph, r: ExtractionResult, dk: str) -> None:
        self.G, self.dk, self.doc_id = G, dk, f"doc:{dk}"
        self.parent = {s.id: s.parent for s in r.sections}
        for s in r.sections:
            G.add_node(f"sec:{dk}:{s.id}", **_plain({
                "kind": "section", "label": f"{s.id} {s.heading or ''}".strip(), "doc": dk, "section": s.id,
                "heading": s.heading, "level": s.level,
            }))
        for sid in list(self.parent):
            self.node(sid)
        for t in r.tasks:
            self.node(t.section)
        for sid, parent in list(self.parent.items()):
            pnode = self.node(parent) if parent else self.doc_id
            G.add_edge(f"sec:{dk}:{sid}", pnode, key="part_of", kind="part_of")

    def node(self, sid: str) -> str:
        node = f"sec:{self.dk}:{sid}" if sid else self.doc_id
        if sid and node not in self.G:
            parent = self.parent.get(sid) or (sid.rsplit(".", 1)[0] if "." in sid else None)
            self.G.add_node(node, **_plain({"kind": "section", "label": sid, "doc": self.dk, "section": sid,
                                            "level": sid.count(".") + 1}))
            self.parent.setdefault(sid, parent)
        return node


def _add_task(G: nx.MultiDiGraph, t, dk: str, province: Optional[str], section: str, matches: dict,
              agency_names: dict[str, Counter]) -> None:
    """A task's node and its edges: part_of its section, lead/support from bodies, report_to, due, about."""
    tid = f"task:{dk}:{t.id}"
    G.add_node(tid, **_plain({
        "kind": "task", "label": t.task[:80], "doc": dk, "task_id": t.id, "section": t.section,
        "text": t.task, "sentence": t.sentence, "themes": t.themes, "province": province,
        "unassigned": not any(a for a in t.agencies), "page": t.page,
        "deadline_kind": t.deadline.kind if t.deadline else None,
    }))
    G.add_edge(tid, section, key="part_of", kind="part_of")
    for a in t.agencies:
        aid = _add_agency(G, a.name, a.canonical, a.type, province, dk, agency_names)
        if not G.has_edge(aid, tid, key=a.role):
            G.add_edge(aid, tid, key=a.role, kind=a.role)
    for rt in t.report_to:
        aid = _add_agency(G, rt, None, None, province, dk, agency_names, count=False)
        if not G.has_edge(tid, aid, key="report_to"):
            G.add_edge(tid, aid, key="report_to", kind="report_to")
    if t.deadline:
        did, attrs = _deadline_node(t.deadline)
        if did not in G:
            G.add_node(did, **_plain(attrs))
        G.add_edge(tid, did, key="due", kind="due")
    by_name = {m.name: m for m in matches.get(t.id, [])}
    for name in t.themes:
        m = by_name.get(name)
        th_id = f"theme:{m.theme if m else name}"
        if th_id not in G:
            G.add_node(th_id, kind="theme", label=name, name=name, tasks=0)
        G.nodes[th_id]["tasks"] += 1
        G.add_edge(tid, th_id, key="about", kind="about", **_plain({
            "score": m.score if m else None, "keywords": m.keywords if m else None,
        }))


def _finish_agencies(G: nx.MultiDiGraph, agency_names: dict[str, Counter]) -> None:
    """Agency attributes known only at the end: the most frequent spelling, and the load."""
    for aid, names in agency_names.items():
        node = G.nodes[aid]
        node["name"] = names.most_common(1)[0][0]
        node["label"] = agency_display(node["name"], node.get("province"))
        node["names"] = "; ".join(sorted(names))
    for n, a in G.nodes(data=True):
        if a["kind"] == "agency":
            lead = sum(1 for _, _, k in G.out_edges(n, keys=True) if k == "lead")
            sup = sum(1 for _, _, k in G.out_edges(n, keys=True) if k == "support")
            a.update(lead=lead, support=sup, load=lead + sup)


def _add_agency(G: nx.MultiDiGraph, name: str, canonical: Optional[str], typ: Optional[str],
                province: Optional[str], dk: str, names: dict, count: bool = True) -> str:
    atype = agency_type_of(name, typ)
    key, prov = agency_scope(name, province, atype)
    central = _is_central(key, atype)
    scope = "central" if central else (prov or f"?{dk}")
    aid = f"agency:{scope}:{key}"
    if aid not in G:
        G.add_node(aid, **_plain({
            "kind": "agency", "label": agency_display(name, prov), "name": name,
            "canonical": canonical or agency_canonical(name), "generic": key, "type": agency_type_label(atype),
            "province": None if central else prov, "scope": scope, "lead": 0, "support": 0, "load": 0,
        }))
    names[aid][name] += 1
    return aid


# --------------------------------------------------------------------------
# Queries
# --------------------------------------------------------------------------


def _nodes(G: nx.MultiDiGraph, kind: str) -> list[str]:
    return [n for n, a in G.nodes(data=True) if a.get("kind") == kind]


def find_agencies(G: nx.MultiDiGraph, name: str, province: Optional[str] = None) -> list[str]:
    """Agency nodes for a name as written (any spelling, any province unless
    ``province`` is given), or the node id itself."""
    if name in G and G.nodes[name].get("kind") == "agency":
        return [name]
    out = []
    for n in _nodes(G, "agency"):
        a = G.nodes[n]
        if province and a.get("province") and match_key(a["province"]) != match_key(province):
            continue
        if agency_key(name, a.get("province")) == a.get("generic"):
            out.append(n)
    return out


def tasks_of(G: nx.MultiDiGraph, agency: str, province: Optional[str] = None) -> dict[str, list[str]]:
    """Tasks an agency leads and supports: ``{"lead": [task ids], "support": […]}``.

    ``agency`` is a node id or a name in any spelling; without ``province``
    the same body in every province is included (use it to compare)."""
    out: dict[str, list[str]] = {"lead": [], "support": []}
    for aid in find_agencies(G, agency, province):
        for _, t, k in G.out_edges(aid, keys=True):
            if k in out and t not in out[k]:
                out[k].append(t)
    return out


def agencies_by_load(G: nx.MultiDiGraph, province: Optional[str] = None, top: Optional[int] = None) -> list[dict]:
    """Agencies sorted by the number of tasks they lead or support (desc)."""
    rows = []
    for n in _nodes(G, "agency"):
        a = G.nodes[n]
        if province and a.get("province") and match_key(a["province"]) != match_key(province):
            continue
        if a.get("load", 0) == 0:
            continue  # only reported to
        rows.append({"agency": n, "name": a.get("name"), "province": a.get("province"), "type": a.get("type"),
                     "lead": a.get("lead", 0), "support": a.get("support", 0), "load": a.get("load", 0)})
    rows.sort(key=lambda r: (-r["load"], -r["lead"], r["name"] or ""))
    return rows[:top] if top else rows


def unassigned_tasks(G: nx.MultiDiGraph) -> list[str]:
    """Tasks whose text names nobody (no lead and no support agency)."""
    return [n for n in _nodes(G, "task")
            if not any(k in ("lead", "support") for _, _, k in G.in_edges(n, keys=True))]


def deadlines_by_month(G: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Tasks per deadline month ("2024-06"), in month order; tasks with a
    deadline but no date are listed under its kind ("ongoing",
    "recurring", "conditional"), tasks without deadline under "none"."""
    by: dict[str, list[str]] = defaultdict(list)
    for t in _nodes(G, "task"):
        dls = [d for _, d, k in G.out_edges(t, keys=True) if k == "due"]
        if not dls:
            by["none"].append(t)
        for d in dls:
            a = G.nodes[d]
            by[a.get("month") or a.get("deadline_kind", "none")].append(t)
    dated = sorted(k for k in by if re.match(r"\d{4}-\d{2}$", k))
    return {k: by[k] for k in dated + sorted(k for k in by if k not in dated)}


def implementation_chain(G: nx.MultiDiGraph, directive: str) -> list[dict]:
    """From a cited (central) directive down to the tasks that implement it.

    ``directive`` is a number ("36-CT/TW") or a node id. Follows ``cites``
    edges backwards (documents that cite it, and documents citing those),
    then each document's tasks. Returns one row per task:
    ``{"directive", "path": [documents from the directive down], "document",
    "section", "task", "text", "agencies": [lead names]}``."""
    target = directive if directive in G else None
    if target is None:
        want = match_key(directive).replace(" ", "-")
        for n in _nodes(G, "document"):
            num = G.nodes[n].get("number")
            if n.endswith(f":{want}") or (num and match_key(num).replace(" ", "-") == want):
                target = n
                break
    if target is None:
        return []
    rows = []
    # breadth-first down the citation tree (reverse cites)
    frontier, seen, paths = [target], {target}, {target: [target]}
    while frontier:
        nxt = []
        for node in frontier:
            for src, _, k in G.in_edges(node, keys=True):
                if k == "cites" and src not in seen:
                    seen.add(src)
                    paths[src] = paths[node] + [src]
                    nxt.append(src)
        frontier = nxt
    for doc in seen - {target}:
        dk = G.nodes[doc].get("doc")
        for t in _nodes(G, "task"):
            a = G.nodes[t]
            if a.get("doc") != dk:
                continue
            leads = [G.nodes[s].get("name") for s, _, k in G.in_edges(t, keys=True) if k == "lead"]
            rows.append({"directive": target, "path": paths[doc], "document": doc, "section": a.get("section"),
                         "task": t, "text": a.get("text"), "agencies": leads})
    rows.sort(key=lambda r: (r["document"], r["task"]))
    return rows


def theme_weights(G: nx.MultiDiGraph, by: str = "theme") -> dict[tuple[str, str], int]:
    """(agency, group) → number of tasks the agency leads or supports in
    that group. ``by="theme"``: tasks without a theme count under
    ``theme:(none)``; ``"document"`` or ``"section"`` (top two levels,
    "II.3") group by where the task is written instead."""
    groups = task_groups(G, by)
    w: dict[tuple[str, str], int] = Counter()
    for t, gs in groups.items():
        for a, _, k in G.in_edges(t, keys=True):
            if k in ("lead", "support"):
                for g in gs:
                    w[(a, g)] += 1
    return dict(w)


def task_groups(G: nx.MultiDiGraph, by: str = "theme") -> dict[str, list[str]]:
    """Task → the groups it belongs to: its theme nodes (``by="theme"``),
    its document node, or its section at the top two levels."""
    out = {}
    for t in _nodes(G, "task"):
        a = G.nodes[t]
        if by == "theme":
            out[t] = [th for _, th, k in G.out_edges(t, keys=True) if k == "about"] or ["theme:(none)"]
        elif by == "document":
            out[t] = [f"doc:{a.get('doc')}"]
        else:
            sid = ".".join(str(a.get("section") or "").split(".")[:2])
            out[t] = [f"sec:{a.get('doc')}:{sid}" if sid else f"doc:{a.get('doc')}"]
    return out


def _picture_grouping(G: nx.MultiDiGraph) -> str:
    """Themes when any task has one; else documents when there are several;
    else the sections of the one document."""
    if any(k == "about" for _, _, k in G.edges(keys=True)):
        return "theme"
    docs = {a.get("doc") for _, a in G.nodes(data=True) if a.get("kind") == "task"}
    return "document" if len(docs) > 1 else "section"


# --------------------------------------------------------------------------
# Export and picture
# --------------------------------------------------------------------------


def _group_sort_key(G: nx.MultiDiGraph, node: str) -> tuple:
    a = G.nodes[node] if node in G else {}
    if a.get("kind") == "section":
        return (a.get("doc", ""), [(0, int(p)) if p.isdigit() else (1, p) for p in str(a.get("section", "")).split(".")])
    return (str(node), [])


def _group_label(G: nx.MultiDiGraph, node: str) -> str:
    if node == "theme:(none)" or node not in G:
        return "(không chủ đề)"
    a = G.nodes[node]
    if a.get("kind") == "theme":
        return a.get("name", node)
    if a.get("kind") == "section":
        return f"{a.get('section')} {a.get('heading') or ''}".strip()
    bits = [a.get("doc_type"), a.get("number"), a.get("province")]
    return " · ".join(str(b) for b in bits if b) or str(a.get("doc", node))


def _interleave(items: list) -> list:
    """Reorder so that consecutive items of ``items`` (sorted by load) land
    far apart: position i*k mod n with k ≈ n/φ coprime to n."""
    import math

    n = len(items)
    if n < 3:
        return list(items)
    k = max(1, round(n / 1.618))
    while math.gcd(k, n) != 1:
        k += 1
    out = [None] * n
    for i, it in enumerate(items):
        out[(i * k) % n] = it
    return out


def _spread(angles: list[float]) -> list[float]:
    """Angles (increasing) moved half-way towards equal spacing, so
    neighbours stay in order and at least π/n apart (themes with small
    agency groups would otherwise overlap) while staying near their group."""
    import math

    n = len(angles)
    if n < 2:
        return list(angles)
    step = 2 * math.pi / n
    base = sum(a - k * step for k, a in enumerate(angles)) / n
    return [0.5 * a + 0.5 * (base + k * step) for k, a in enumerate(angles)]


def write_graph(G: nx.MultiDiGraph, path: Union[str, Path], **draw_options) -> Path:
    """Write ``G`` by extension: .graphml, .gexf, .json (node-link), .svg/.png (picture)."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in GRAPH_FORMATS:
        raise InputError(f"unknown output format {ext or '(none)'}; use one of {', '.join(GRAPH_FORMATS)}", path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    if ext == ".graphml":
        nx.write_graphml(G, path)
    elif ext == ".gexf":
        nx.write_gexf(G, path)
    elif ext == ".json":
        from .io import write_atomic

        try:
            data = nx.node_link_data(G, edges="edges")
        except TypeError:  # networkx < 3.4 names the edge list "links"
            data = nx.node_link_data(G)
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    else:
        draw_graph(G, path, **draw_options)
    return path


def read_graph(path: Union[str, Path]) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graph` (graphml, gexf, json)."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext == ".graphml":
        return nx.read_graphml(path, force_multigraph=True)
    if ext == ".gexf":
        return nx.MultiDiGraph(nx.read_gexf(path))
    if ext == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        try:
            return nx.node_link_graph(data, edges="edges" if "edges" in data else "links", multigraph=True, directed=True)
        except TypeError:  # networkx < 3.4
            return nx.node_link_graph(data, multigraph=True, directed=True)
    raise InputError(f"cannot read {ext}; use .graphml, .gexf or .json", path=str(path))


def draw_graph(
    G: nx.MultiDiGraph,
    path: Union[str, Path],
    *,
    size: tuple[float, float] = (14.0, 10.0),
    dpi: int = 100,
    label_top: int = 15,
    title: Optional[str] = None,
) -> Path:
    """Draw the agency ↔ theme picture to .svg or .png.

    A 200-task plan has too many task nodes to read, so the picture
    aggregates: themes sit on an inner ring, each agency on an outer ring
    next to the theme it works on most (agencies are grouped by theme),
    edge widths are the number of tasks an agency has in a theme, agency
    circles are sized by load (tasks led or supported) and coloured by
    type; the ``label_top`` busiest agencies are labelled. Tasks without a
    theme gather under "(không chủ đề)". The image is exactly
    ``size × dpi`` pixels (a PNG of 1400 × 1000 by default).
    """
    import math

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    path = Path(path)
    if path.suffix.lower() not in (".svg", ".png"):
        raise InputError("a picture must be .svg or .png", path=str(path))
    grouping = _picture_grouping(G)
    w = theme_weights(G, grouping)
    tgroups = task_groups(G, grouping)
    group_tasks = Counter(g for gs in tgroups.values() for g in gs)
    agencies = sorted({a for a, _ in w}, key=lambda a: (-G.nodes[a].get("load", 0), a))
    themes = sorted({t for _, t in w}, key=lambda t: (t == "theme:(none)", _group_sort_key(G, t)))
    fig = plt.figure(figsize=size, dpi=dpi)
    side = 0.34  # right-hand panel: the keys to the numbered agencies and lettered themes
    ax = fig.add_axes((0.0, 0.0, 1 - side, 0.93))
    panel = fig.add_axes((1 - side, 0.0, side, 0.93))
    for a_ in (ax, panel):
        a_.set_axis_off()
    half = 1.25
    aspect = (size[0] * (1 - side)) / (size[1] * 0.93)
    ax.set_xlim(-half * max(1.0, aspect), half * max(1.0, aspect))
    ax.set_ylim(-half / min(1.0, aspect), half / min(1.0, aspect))
    ax.set_aspect("equal")
    docs = [n for n, a in G.nodes(data=True) if a.get("kind") == "document" and not a.get("cited")]
    ntasks = sum(1 for _, a in G.nodes(data=True) if a.get("kind") == "task")
    fig.suptitle(title or f"{len(docs)} văn bản · {ntasks} nhiệm vụ · {len(agencies)} cơ quan chủ trì/phối hợp",
                 fontsize=13, y=0.985)
    if not agencies:
        ax.text(0, 0, "Không có nhiệm vụ nào được giao cho cơ quan\n(no task names an agency)",
                ha="center", va="center", fontsize=14)
        fig.savefig(path, dpi=dpi, format=path.suffix[1:].lower())
        plt.close(fig)
        return path
    # each theme owns a sector of the outer ring as wide as its group of
    # agencies (an agency goes to the theme it has most tasks in); the theme
    # sits on the inner ring near the middle of its sector
    main = {a: max(themes, key=lambda th: (w.get((a, th), 0), -themes.index(th))) for a in agencies}
    groups = {th: sorted([a for a in agencies if main[a] == th], key=lambda a: -G.nodes[a].get("load", 0)) for th in themes}
    total = len(agencies) + 0.6 * sum(1 for t in themes if not groups[t])
    apos, mids, slot = {}, {}, 0.0
    for th in themes:
        members = groups[th]
        width = max(len(members), 0.6)
        mids[th] = 2 * math.pi * (slot + width / 2) / total + math.pi / 2
        order = _interleave(members)  # big agencies spread over the sector, so their numbers do not collide
        for i, a in enumerate(order):
            ang = 2 * math.pi * (slot + i + 0.5) / total + math.pi / 2
            apos[a] = (math.cos(ang), math.sin(ang), ang)
        slot += width
    tpos = {th: (0.55 * math.cos(a), 0.55 * math.sin(a), a) for th, a in zip(themes, _spread([mids[t] for t in themes]))}
    wmax = max(w.values())
    for (a, th), val in w.items():
        x0, y0, _ = apos[a]
        x1, y1, _ = tpos[th]
        ax.plot([x0, x1], [y0, y1], color="#7f8c8d", alpha=0.2 + 0.5 * val / wmax, lw=0.5 + 4 * val / wmax, zorder=1)
    types = sorted({G.nodes[a].get("type", "other") for a in agencies})
    cmap = plt.get_cmap("tab10")
    colour = {t: cmap(i % 10) for i, t in enumerate(types)}
    lmax = max(G.nodes[a].get("load", 1) for a in agencies) or 1
    for a in agencies:
        x, y, _ = apos[a]
        ax.scatter([x], [y], s=30 + 700 * G.nodes[a].get("load", 0) / lmax, color=colour[G.nodes[a].get("type", "other")],
                   edgecolor="white", linewidth=0.8, zorder=3)
    several = len({G.nodes[a].get("province") for a in agencies}) > 1
    lines = ["Cơ quan (số nhiệm vụ chủ trì + phối hợp)"]
    for i, a in enumerate(agencies[:label_top], 1):
        x, y, _ = apos[a]
        r_lab = 1.09 + 0.07 * (i % 2)
        ax.text(r_lab * x, r_lab * y, str(i), ha="center", va="center", fontsize=9, fontweight="bold", zorder=4)
        name = G.nodes[a].get("name", a)
        name = name if len(name) <= 40 else name[:38] + "…"
        prov = G.nodes[a].get("province")
        lines.append(f"{i:>2}. {name} ({G.nodes[a].get('load', 0)})" + (f" · {prov}" if several and prov else ""))
    lines += ["", {"theme": "Chủ đề", "document": "Văn bản", "section": "Mục"}[grouping] + " (số nhiệm vụ)"]
    for k, (th, (x, y, _)) in enumerate(tpos.items()):
        letter = chr(ord("A") + k) if k < 26 else str(k)
        name = _group_label(G, th)
        tasks = group_tasks.get(th, 0)
        ax.scatter([x], [y], s=420, marker="s", color="#f5cba7", edgecolor="#935116", zorder=3)
        ax.text(x, y, letter, ha="center", va="center", fontsize=10, fontweight="bold", zorder=5)
        short = name if len(name) <= 44 else name[:42] + "…"
        lines.append(f" {letter}. {short} ({tasks})")
    panel.text(0.0, 1.0, "\n".join(lines), ha="left", va="top", fontsize=8.5, family="DejaVu Sans",
               transform=panel.transAxes, linespacing=1.45)
    handles = [plt.Line2D([], [], marker="o", ls="", color=colour[t], label=t) for t in types]
    ax.legend(handles=handles, title="loại cơ quan", loc="lower left", fontsize=8, title_fontsize=8, frameon=False)
    fig.savefig(path, dpi=dpi, format=path.suffix[1:].lower())
    plt.close(fig)
    return path
