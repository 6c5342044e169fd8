"""Where one task ends and the next begins: every "," / ";" / "và" boundary of the READ-half gold sentences.

    python benchmarks/split_decisions.py ../shared/corpus/dev ../shared/corpus/extra [--form md] [--examples 4]
    DIRECTIVE_NLP_MODEL=none python benchmarks/split_decisions.py …   # the rules alone

For every sentence of a read-half gold document, each separator (",", ";", "và") that lies
between two words both inside gold tasks is a decision the gold settles: **split** when the two
words belong to two gold tasks, **join** when one gold task holds both. Our decision is read the
same way from the predicted tasks of that sentence (a boundary with a word outside every predicted
task is ``none``: we dropped a side). Each boundary gets the features the splitter reads: the
separator, whether the right side opens with a verb (lexicon), is a bare verb, a report step, a
partner frame or a preposition, whether the left side is a bare verb, ends with one, is a verb
with its object or has a determiner, whether a list already runs before the boundary, whether
the object comes again after it (a shared object), the syllables of both comma segments, and the
first and last words around it.

The output: the confusion of gold against our decision, errors (``cut``: gold joins, we split;
``glued``: gold splits, we join) counted by feature pattern with examples, and the error count
per first word on the right. The measured half (``--measured``, default extra 11, 18, 19, 22,
23) is refused: its gold is never read here.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict

from _halves import MEASURED, gold_documents, measured_prefixes, miss_parser

from directive_nlp.evaluation import is_measured, norm
from directive_nlp.pipeline import extract
from directive_nlp.tasks.lexicon import lexicon, word_alt
from directive_nlp.tasks.predicates import ends_with_verb, is_verb_start, verb_only
from directive_nlp.tasks.text import words

_TOKEN = re.compile(r"[^\W_]+|[,;]")
_SEPARATORS = (",", ";", "và")
_DETERMINER = re.compile(rf"(?<![\wÀ-ỹ])(?:{word_alt('list_determiners')})(?![\wÀ-ỹ])", re.IGNORECASE)
_REPORT = re.compile(rf"\s*(?:{word_alt('report_start_verbs')})\s", re.IGNORECASE)


def tokens(sentence: str) -> list[str]:
    """The sentence as normalised words and the separators "," and ";"."""
    out = []
    for t in _TOKEN.findall(sentence):
        out.append(t if t in ",;" else norm(t))
    return [t for t in out if t]


def _find(seq: list[str], sub: list[str]) -> int:
    n = len(sub)
    for i in range(len(seq) - n + 1):
        if seq[i:i + n] == sub:
            return i
    return -1


def task_spans(word_list: list[str], tasks: list[str]) -> list[tuple[int, int]]:
    """Word spans [a, b) of each task inside the sentence's words (exact, else by its first and last three words)."""
    spans = []
    for t in tasks:
        tw = norm(t).split()
        if not tw:
            continue
        a = _find(word_list, tw)
        if a >= 0:
            spans.append((a, a + len(tw)))
            continue
        a, z = _find(word_list, tw[:3]), _find(word_list, tw[-3:])
        if a >= 0 and z >= a:
            spans.append((a, z + len(tw[-3:])))
    return spans


def decision(spans: list[tuple[int, int]], left: int, right: int) -> str | None:
    """"join" when one span holds both words, "split" when two spans hold them, None when a word is outside."""
    lefts = [i for i, (a, b) in enumerate(spans) if a <= left < b]
    rights = [i for i, (a, b) in enumerate(spans) if a <= right < b]
    if set(lefts) & set(rights):
        return "join"
    if lefts and rights:
        return "split"
    return None


def _segment(toks: list[str], k: int, step: int) -> str:
    """The words from separator ``k`` to the next separator in direction ``step`` (±1)."""
    out, i = [], k + step
    while 0 <= i < len(toks) and toks[i] not in _SEPARATORS:
        out.append(toks[i])
        i += step
    return " ".join(out if step > 0 else reversed(out))


def _bin(n: int) -> str:
    return "1-3" if n <= 3 else "4-5" if n <= 5 else "6-9" if n <= 9 else "10+"


_PREP = re.compile(rf"(?:{word_alt('complement_prepositions')})(?![\wÀ-ỹ])", re.IGNORECASE)


def _clause_words(toks: list[str], k: int, step: int) -> list[str]:
    """The words from separator ``k`` to the ";" (or the sentence end) in direction ``step``."""
    out, i = [], k + step
    while 0 <= i < len(toks) and toks[i] != ";":
        if toks[i] not in _SEPARATORS:
            out.append(toks[i])
        i += step
    return out if step > 0 else out[::-1]


def _shares_object(toks: list[str], k: int) -> bool:
    """A word pair of the clause before the boundary comes again after it ("tiếp nhận hồ sơ, kiểm tra … của hồ sơ")."""
    before, after = _clause_words(toks, k, -1), _clause_words(toks, k, 1)
    pairs = {" ".join(before[i:i + 2]) for i in range(len(before) - 1)}
    return any(" ".join(after[i:i + 2]) in pairs for i in range(len(after) - 1))


def features(toks: list[str], k: int) -> dict[str, object]:
    """The splitter's view of the boundary at token ``k``."""
    left, right = _segment(toks, k, -1), _segment(toks, k, 1)
    open_list = sum(1 for t in toks[max(0, k - 12):k] if t in (",", "và")) >= 2
    sep = toks[k] if not (toks[k] == "và" and k and toks[k - 1] == ",") else ", và"
    lx = lexicon()
    return {
        "sep": sep,
        "r_verb": is_verb_start(right),
        "r_bare": bool(right) and verb_only(right),
        "r_report": bool(_REPORT.match(right)),
        "r_partner": right.startswith("phối hợp"),
        "l_bare": bool(left) and verb_only(left),
        "l_ends_verb": ends_with_verb(left),
        "l_det": bool(_DETERMINER.search(left)),
        "l_object": is_verb_start(left) and not verb_only(left),   # a verb and its object on the left
        "l_list": open_list,                                       # a list already runs before the boundary
        "r_prep": bool(_PREP.match(right)),
        "shared": _shares_object(toks, k),                         # the object comes again after the boundary
        "l_len": _bin(len(words(left))),
        "r_len": _bin(len(words(right))),
        "r_w1": " ".join(right.split()[:2]) if lx.verb_start.match(right) else (right.split() or [""])[0],
        "l_last": (left.split() or [""])[-1],
        "left": left,
        "right": right,
    }


def pattern(f: dict[str, object]) -> str:
    flags = [n for n in ("r_verb", "r_bare", "r_report", "r_partner", "r_prep", "l_bare", "l_ends_verb", "l_det",
                         "l_object", "l_list", "shared") if f[n]]
    return f"{f['sep']:5} L{f['l_len']:4} R{f['r_len']:4} " + "+".join(flags)


def sentence_boundaries(sentence: str, gold: list[str], pred: list[str]):
    """(gold decision, our decision, features, context) for each separator of one sentence."""
    toks = tokens(sentence)
    word_idx = [i for i, t in enumerate(toks) if t not in ",;"]
    pos = {ti: wi for wi, ti in enumerate(word_idx)}
    wl = [toks[i] for i in word_idx]
    gs, ps = task_spans(wl, gold), task_spans(wl, pred)
    for k, t in enumerate(toks):
        if t not in _SEPARATORS:
            continue
        lk = next((i for i in range(k - 1, -1, -1) if toks[i] not in _SEPARATORS), None)
        rk = next((i for i in range(k + 1, len(toks)) if toks[i] not in _SEPARATORS), None)
        if lk is None or rk is None:
            continue
        g = decision(gs, pos[lk], pos[rk])
        if g is None:
            continue
        ours = decision(ps, pos[lk], pos[rk]) or "none"
        ctx = " ".join(toks[max(0, k - 8):k]) + " ‖ " + " ".join(toks[k:k + 9])
        yield g, ours, features(toks, k), ctx


def _by_sentence(tasks: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for t in tasks:
        out[norm(t.get("sentence") or "")].append(t.get("task") or "")
    return out


def collect(docs) -> list[tuple[str, str, str, dict, str]]:
    """(document, gold, ours, features, context) for every boundary of the read-half gold sentences."""
    rows = []
    for d in docs:
        pred = _by_sentence([t.model_dump(mode="json") for t in extract(d.path).tasks])
        gold: dict[str, tuple[str, list[str]]] = {}
        for t in d.gold:
            key = norm(t.get("sentence") or "")
            gold.setdefault(key, (t.get("sentence") or "", []))[1].append(t.get("task") or "")
        for key, (sentence, gtasks) in gold.items():
            ptasks = pred.get(key) or [p for s, ps in pred.items() if s and (s in key or key in s) for p in ps]
            for g, ours, f, ctx in sentence_boundaries(sentence, gtasks, ptasks):
                rows.append((d.name[:14], g, ours, f, ctx))
    return rows


def report(rows, examples: int) -> None:
    conf = Counter((g, o) for _, g, o, _, _ in rows)
    print(f"{len(rows)} boundaries settled by the gold (read half)")
    for g in ("split", "join"):
        print(f"  gold {g:5}: " + "  ".join(f"ours {o} {conf[(g, o)]:4}" for o in ("split", "join", "none")))
    errors = [(doc, "cut" if g == "join" else "glued", f, ctx) for doc, g, o, f, ctx in rows
              if o != "none" and o != g]
    by_pattern: dict[str, list] = defaultdict(list)
    for e in errors:
        by_pattern[f"{e[1]:5} {pattern(e[2])}"].append(e)
    right = Counter(f"{'cut' if g == 'join' else 'glued':5} {pattern(f)}" for _, g, o, f, _ in rows if o == g)
    print(f"\n{len(errors)} errors by pattern (error kind, separator, syllables left/right, flags)")
    for key, es in sorted(by_pattern.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(es):4} wrong / {right[key]:4} right  {key}")
        for doc, _, _, ctx in es[:examples]:
            print(f"        {doc} {ctx}")
    print("\nper document: boundaries, cut, glued, a side dropped by us (none)")
    for doc in sorted({r[0] for r in rows}):
        mine = [(g, o) for d, g, o, _, _ in rows if d == doc]
        kinds = Counter("none" if o == "none" else "cut" if g == "join" and o == "split"
                        else "glued" if g == "split" and o == "join" else "ok" for g, o in mine)
        print(f"  {doc:14} {len(mine):5} {kinds['cut']:4} {kinds['glued']:4} {kinds['none']:4}")
    print("\nerrors by the first word(s) on the right")
    for (kind, w), n in Counter((e[1], e[2]["r_w1"]) for e in errors).most_common(25):
        print(f"{n:4} {kind:5} {w}")


def main(argv: list[str] | None = None) -> int:
    ap = miss_parser(__doc__.splitlines()[0], "measured prefixes, refused (default: extra 11, 18, 19, 22, 23)")
    ap.add_argument("--examples", type=int, default=4)
    args = ap.parse_args(argv)
    docs = gold_documents(args)
    if docs is None:
        return 2
    refused = set(measured_prefixes(args)) | set(MEASURED.split(","))  # never read, whatever --measured says
    docs = [d for d in docs if not is_measured(d.name, sorted(refused))]
    if not docs:
        print("no gold document of the read half under the given folders", file=sys.stderr)
        return 2
    report(collect(docs), args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
