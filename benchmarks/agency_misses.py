"""Sort the READ half's agency errors into classes: where the gold body is written, what we did instead.

    python benchmarks/agency_misses.py ../shared/corpus/dev ../shared/corpus/extra [--form md] [--list]

Pairs predicted and gold tasks as score.py does (task match 0.5, the vendored
``evaluation.pair_tasks``) and, for every (task, agency) pair that is not a
true positive, records two things:

* **source** — where the body is written, found by looking for its name in
  the task's own sentence (``sentence``; ``sentence:frame`` when a "giao" /
  "đề nghị" / "yêu cầu" frame word stands before it), the label lines of the
  task's section or its parents (``label``), a table row (``table``), the
  heading of the section or of a parent (``heading:N``, N levels up), the
  lead-in paragraph of a parent above the list (``lead-in``), elsewhere in the
  document (``elsewhere``) or nowhere (``absent``);
* **error** — for a missed gold body: ``none`` (the predicted task has no
  body), ``partial`` (it has some of the gold bodies, not this one),
  ``wrong`` (it has bodies, none of them gold), ``list-vs-collective`` (we
  gave a generic group where the gold lists its members, or the reverse),
  ``notask`` (no predicted task is paired with the gold task); for an extra
  predicted body: ``extra-partner`` / ``extra-lead`` (the gold task has other
  bodies), ``implied`` (the gold task has none), ``heading-as-agency`` (the
  body is the text of a heading, not a name), ``falsetask`` (the predicted
  task matches no gold task). Role swaps on matched bodies are counted apart
  (they do not change agency F1).

Each error is also put in one **family** (``--families`` prints the counts
only): ``task-unmatched`` (notask / falsetask: bounded by task segmentation),
``surface-form`` (a missed gold body and an extra predicted body of the same
pair share words: one body written two ways, or a list "Sở A, B" against its
members), ``generic-kept`` / ``generic-dropped`` (a generic group such as "các
cơ quan, đơn vị liên quan" given against the gold, or missed), ``support-added``
/ ``support-missed`` (a partner), ``carried-added`` / ``carried-missed`` (a
lead that comes from a heading, label, table row, lead-in or "giao" frame),
``named-in-sentence`` (a lead written in the task's own sentence, missed or
added) and ``implied`` (a body given where the gold has none).

The measured half (``--measured``, default extra 11, 18, 19, 22, 23) is refused: its
misses are never read to tune rules. Exit 2 with one line when no gold
document of the read half is found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from _halves import gold_documents, miss_parser

from directive_nlp.agencies import agency_type, find_agencies
from directive_nlp.evaluation import (match_agencies, norm, norm_agency,
                                      pair_tasks, same_agency, token_f1)
from directive_nlp.pipeline import extract_doc, result_from_doc
from directive_nlp.tasks.labels import read_label

FRAME_WORDS = ("giao", "đề nghị", "yêu cầu", "chỉ đạo", "ủy quyền")
MARKER = re.compile(r"^\s*(?:[-+•*]|\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[IVXLC]+[.)])\s*")


def _agencies(task: dict) -> list[dict]:
    return [a for a in task.get("agencies") or [] if str(a.get("name") or "").strip()]


def name_in(name: str, text: str) -> bool:
    """Is the body ``name`` written in ``text`` (as the scorer would match it)?"""
    if not text:
        return False
    key = norm_agency(name)
    if key and f" {key} " in f" {norm(text)} ":
        return True
    return any(same_agency(name, m.name) for m in find_agencies(text))


@dataclass
class Context:
    """The document text and its section tree, to locate where a body is written."""
    text: str
    sections: dict

    def chain(self, section_id: str) -> list:
        """The section and its ancestors, innermost first."""
        out, cur = [], self.sections.get(section_id)
        while cur is not None:
            out.append(cur)
            cur = self.sections.get(cur.parent) if cur.parent else None
        return out

    def own_text(self, sec) -> str:
        """A section's text before its first child (its lead-in, labels written above its items)."""
        kids = [s.start for s in self.sections.values() if s.parent == sec.id and s.start is not None]
        end = min(kids) if kids else sec.end
        return self.text[sec.start or 0:end or 0]


def _frame_before(name: str, sentence: str) -> bool:
    low = norm(sentence)
    key = norm_agency(name)
    at = low.find(key) if key else -1
    return at > 0 and any(w in low[max(0, at - 40):at] for w in FRAME_WORDS)


def _label_values(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        body = MARKER.sub("", line.replace("*", "").replace("_", "")).strip()
        lab = read_label(body)
        if lab and lab.kind in ("lead", "support", "assign"):
            out.append(body[lab.value_start:])
    return out


def locate(name: str, task: dict, ctx: Context) -> str:
    """Where the body ``name`` of ``task`` is written (the classes of the module docstring)."""
    sentence = str(task.get("sentence") or "")
    if name_in(name, sentence):
        return "sentence:frame" if _frame_before(name, sentence) else "sentence"
    section = str(task.get("section") or "")
    if ".row" in section or "row" in section.split(".")[-1]:
        return "table"
    chain = ctx.chain(section)
    for sec in chain:
        if any(name_in(name, v) for v in _label_values(ctx.own_text(sec))):
            return "label"
    for depth, sec in enumerate(chain):
        if sec.heading and name_in(name, sec.heading):
            return f"heading:{depth}"
    for sec in chain[1:]:
        if name_in(name, ctx.own_text(sec)):
            return "lead-in"
    return "elsewhere" if name_in(name, ctx.text) else "absent"


def _heading_like(name: str, task: dict, ctx: Context) -> bool:
    return any(sec.heading and norm(name) and norm(sec.heading).startswith(norm(name)) and len(name.split()) > 6
               for sec in ctx.chain(str(task.get("section") or "")))


def _collective(missed: dict, extras: list[dict]) -> bool:
    """A generic group given where the gold names a member, or a member where the gold has the group."""
    if agency_type(missed["name"]) == "group":
        return any(agency_type(e["name"]) != "group" for e in extras)
    return any(agency_type(e["name"]) == "group" for e in extras)


def _missed(g: dict, p: dict | None, ctx: Context) -> list[tuple[str, str, str]]:
    ga, pa = _agencies(g), _agencies(p) if p else []
    matched = match_agencies(ga, pa)
    hit_g = {id(x) for x, _ in matched}
    hit_p = {id(y) for _, y in matched}
    extras = [a for a in pa if id(a) not in hit_p]
    out = []
    for a in ga:
        if id(a) in hit_g:
            continue
        if p is None:
            err = "notask"
        elif not pa:
            err = "none"
        elif _collective(a, extras):
            err = "list-vs-collective"
        else:
            err = "partial" if matched else "wrong"
        out.append((err, locate(a["name"], g, ctx), f"{a['name']} ({a.get('role')})"))
    return out


def _extra(g: dict | None, p: dict, ctx: Context) -> list[tuple[str, str, str]]:
    ga, pa = _agencies(g) if g else [], _agencies(p)
    hit_p = {id(y) for _, y in match_agencies(ga, pa)}
    out = []
    for a in pa:
        if id(a) in hit_p:
            continue
        if g is None:
            err = "falsetask"
        elif _heading_like(a["name"], p, ctx):
            err = "heading-as-agency"
        elif not ga:
            err = "implied"
        else:
            err = "extra-partner" if a.get("role") == "support" else "extra-lead"
        out.append((err, locate(a["name"], p, ctx), f"{a['name']} ({a.get('role')})"))
    return out


CARRIED = ("heading", "label", "table", "lead-in", "sentence:frame")
NEAR = 0.34  # token F1 of two bodies that share a head or a member


def _near(name: str, others: list[str]) -> bool:
    key = norm_agency(name)
    return any(NEAR <= token_f1(key, norm_agency(o)) for o in others)


def family(side: str, err: str, src: str, body: str, near: bool) -> str:
    """The family of one agency error (the classes of the module docstring)."""
    if err in ("notask", "falsetask"):
        return "task-unmatched"
    if near:
        return "surface-form"
    if err == "implied":
        return "implied"
    verb = "added" if side == "EXTRA" else "missed"
    if agency_type(body.rsplit(" (", 1)[0]) == "group":
        return "generic-kept" if side == "EXTRA" else "generic-dropped"
    if body.endswith("(support)"):
        return f"support-{verb}"
    if src.startswith(CARRIED):
        return f"carried-{verb}"
    return "named-in-sentence"


def families(gold: list[dict], pred: list[dict], errors: list[tuple]) -> Counter:
    """Count ``errors`` (of :func:`document_errors`) by family; a miss and an extra of the same
    paired task that share words are one surface-form error each."""
    names: dict[str, list[str]] = {}
    for side, _err, _src, body, task in errors:
        names.setdefault(task, []).append(f"{side}|{body.rsplit(' (', 1)[0]}")
    out: Counter = Counter()
    for side, err, src, body, task in errors:
        if side == "ROLE":
            continue
        other = "EXTRA" if side == "MISS" else "MISS"
        peers = [n.split("|", 1)[1] for n in names.get(task, []) if n.startswith(other + "|")]
        out[family(side, err, src, body, _near(body.rsplit(" (", 1)[0], peers))] += 1
    return out


def document_errors(gold: list[dict], pred: list[dict], ctx: Context) -> list[tuple[str, str, str, str, str]]:
    """(side, error, source, body, task) for each agency error of one document."""
    pairs = dict(pair_tasks(gold, pred))
    out = []
    for i, g in enumerate(gold):
        p = pred[pairs[i]] if i in pairs else None
        key = g["task"][:80]
        out += [("MISS", e, s, b, key) for e, s, b in _missed(g, p, ctx)]
        if p is not None:
            for ag_, ap in match_agencies(_agencies(g), _agencies(p)):
                if (ag_.get("role") or "lead") != (ap.get("role") or "lead"):
                    out.append(("ROLE", "swap", locate(ap["name"], p, ctx), ap["name"], g["task"][:80]))
    inverse = {j: i for i, j in pairs.items()}
    for j, p in enumerate(pred):
        g = gold[inverse[j]] if j in inverse else None
        key = g["task"][:80] if g is not None else p["task"][:80]
        out += [("EXTRA", e, s, b, key) for e, s, b in _extra(g, p, ctx)]
    return out


def _run(path: Path) -> tuple[list[dict], Context]:
    doc = extract_doc(path)
    res = result_from_doc(doc)
    pred = [t.model_dump(mode="json") for t in res.tasks]
    return pred, Context(doc._.dnlp_source.text, {s.id: s for s in doc._.dnlp_structure.sections})


def main(argv: list[str] | None = None) -> int:
    ap = miss_parser(__doc__.split("\n")[0], "document-name prefixes of the measured half (refused)")
    ap.add_argument("--list", action="store_true", help="print every error, not only the class counts")
    ap.add_argument("--families", action="store_true", help="print only the family counts")
    args = ap.parse_args(argv)
    docs = gold_documents(args)
    if docs is None:
        return 2
    totals: Counter = Counter()
    fams: Counter = Counter()
    for d in docs:
        pred, ctx = _run(d.path)
        errors = document_errors(d.gold, pred, ctx)
        totals.update((side, err, src) for side, err, src, _, _ in errors)
        fams.update(families(d.gold, pred, errors))
        if args.families:
            continue
        print(f"== {d.name}: {sum(1 for e in errors if e[0] != 'ROLE')} agency errors")
        if args.list:
            for side, err, src, body, task in sorted(errors):
                print(f"  {side:5} {err:18} {src:14} {body[:50]:50} | {task}")
    print("\nfamily counts, read half:")
    for fam, n in fams.most_common():
        print(f"  {n:4}  {fam}")
    if args.families:
        return 0
    print("\nclass counts (side, error, source), read half:")
    for (side, err, src), n in totals.most_common():
        print(f"  {n:4}  {side:5} {err:18} {src}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
