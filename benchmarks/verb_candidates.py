"""Candidate action verbs the task lexicon lacks: words underthesea's POS tagger tags V at a segment's start.

Offline evidence for growing ``resources/vi/task_lexicon.yaml`` (``verbs``), never part of the pipeline::

    python benchmarks/verb_candidates.py ../shared/corpus/dev ../shared/corpus/extra ../shared/corpus/unlabelled \
        [--min-docs 3] [--contexts FILE]

A segment is a line of the Markdown text cut at ``; : . ,`` (a clause or a list item), its list marker
("a)", "-", "1.", "II.", "**") stripped. Its first word, when tagged V and not known to the lexicon (no word
of ``verbs``, ``weak_verbs``, ``governing_verbs``, ``aspect_words``, ``paired_verbs``, ``modals``,
``assign_words``, ``support_words``, ``report_words`` opens the segment), is a candidate. The table lists
the candidates seen in at least ``--min-docs`` documents: the count, the number of documents and the
documents' prefixes. Documents of the measured half (``--measured``, default extra 11,18,19,22,23) are
skipped unread. ``--contexts`` writes each candidate's segments to a file for reading (not for committing:
it holds corpus text).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from _halves import MEASURED

from directive_nlp.evaluation import is_measured
from directive_nlp.tasks.lexicon import load_lexicon_data

_KNOWN_LISTS = ("verbs", "weak_verbs", "governing_verbs", "aspect_words", "paired_verbs", "modals",
                "assign_words", "support_words", "report_words")
_MARKER = re.compile(r"^\s*(?:[#>|*+\-–•]+\s*|\(?[0-9IVXivxa-zđ]{1,4}[.)]\s*(?:[0-9]+[.)]\s*)*)+")
_CUT = re.compile(r"[;:.,|]")


def known_pattern() -> re.Pattern:
    d = load_lexicon_data()
    words = sorted({" ".join(str(w).lower().split()) for k in _KNOWN_LISTS for w in d.get(k) or ()}, key=len,
                   reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")(?![\wÀ-ỹ])", re.IGNORECASE)


def segments(text: str):
    for line in text.splitlines():
        for seg in _CUT.split(line):
            seg = _MARKER.sub("", seg).strip(" *_")
            if len(seg.split()) >= 3:
                yield seg


def documents(folders: list[Path], measured: list[str]):
    for folder in folders:
        for p in sorted(folder.glob("*.md")):
            if p.name.upper() in ("SOURCES.MD", "README.MD") or is_measured(p.name, measured):
                continue
            yield p


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--measured", default=MEASURED)
    ap.add_argument("--min-docs", type=int, default=3)
    ap.add_argument("--contexts", type=Path)
    args = ap.parse_args(argv)
    from underthesea import pos_tag

    measured = [m for m in args.measured.split(",") if m]
    known = known_pattern()
    count: Counter = Counter()
    docs: dict[str, set] = defaultdict(set)
    ctx: dict[str, list] = defaultdict(list)
    n_docs = n_segs = 0
    for p in documents(args.folders, measured):
        n_docs += 1
        tag = p.name.split("_")[0]
        for seg in segments(p.read_text(encoding="utf-8")):
            if known.match(seg):
                continue
            n_segs += 1
            tagged = pos_tag(" ".join(seg.split()[:6]))
            if not tagged or tagged[0][1] != "V":
                continue
            word = tagged[0][0].lower()
            count[word] += 1
            docs[word].add(tag)
            ctx[word].append(f"{tag}: {seg[:160]}")
    rows = [(w, c) for w, c in count.most_common() if len(docs[w]) >= args.min_docs]
    print(f"{n_docs} documents, {n_segs} segments not opened by a lexicon word; "
          f"{len(count)} V-tagged openers, {len(rows)} in >= {args.min_docs} documents\n")
    print("| word | segments | documents | where |\n|---|---|---|---|")
    for w, c in rows:
        print(f"| {w} | {c} | {len(docs[w])} | {', '.join(sorted(docs[w]))} |")
    if args.contexts:
        with args.contexts.open("w", encoding="utf-8") as f:
            for w, _ in rows:
                f.write(f"## {w}\n" + "\n".join(ctx[w]) + "\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
