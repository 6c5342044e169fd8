"""The section tree of a directive document.

Vietnamese directives are numbered in a few well-known ways: legal texts use
Phần/Chương/Mục/Điều with khoản "1." and điểm "a)"; plans and programmes use
Roman parts ("I." or "I-"), arabic items ("1.", "1.1.", "1.1.1."), letters
("a)", "a.") and bullets ("-", "+"). Every later stage needs to know, for each
block of the normalised text, which numbered part it sits in: a task's
``section`` is that part's id (``docs/output-contract.md``), an agency heading over a
list carries down to the items, and a heading is not itself a task.

The numbering rules are data (``resources/vi/sections.yaml``); this module
applies them in one pass over the blocks with a stack of open sections:

* a numbering marker closes every open section of the same or lower rank and
  opens a child of what is left (ranks: Phần < Chương < Mục < Điều <
  A. < I. < 1./1.1. < a)); dotted arabic numbers nest by their number of
  components, so "1.2." sits under "1." and is id "II.1.2" under part "II";
* ids are the labels from the top down joined by "." ("II.1", "III.2.a",
  "1.3.1.a"); an article is "Điều 2" wherever it sits (article numbers are
  unique in a legal text), its khoản "Điều 2.1", its điểm "Điều 2.1.a";
* text before the first marker is "preamble"; the recipients list
  ("Nơi nhận"), the signature and anything after the "./." that ends an
  administrative text are "closing"; an appendix ("PHỤ LỤC") is
  "PL" (or "PL1", "PL2" when numbered or several) and each data row of its
  tables "PL.row5" (rows are counted in order, header rows excluded);
* a document attached after the closing zone (the plan a Quyết định issues)
  gets its own preamble and restarts its numbering with plain ids, as the
  gold of the extra corpus does ("Điều 2" then "III.1");
* unnumbered paragraphs that close a document after a list (the "Ủy ban nhân
  dân ... yêu cầu ..." paragraph after the last item) belong to the last
  Roman part when the document has Roman parts, else to "closing"; their
  ``BlockInfo.zone`` is "trailing" (they may hold tasks), while recipients
  and signature are zone "closing".

Bullets and "(1)" enumerations never open sections; they are reported as
markers with a depth ("-" = 1, "+" = 2). Markers inside table rows are not
sections: a row is a section of its own only as a numbered row.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..models import BlockInfo, DocumentStructure, NormalizedDocument, Section, TextBlock
from ..vocab import read_yaml, validate_vocabulary

# Vietnamese upper-case letters, for the `{U}` placeholder of the rule file.
_UPPER = "A-Z" + "".join(
    ch
    for ch in map(chr, range(0xC0, 0x1F00))
    if ch.isupper() and unicodedata.name(ch, "").startswith("LATIN CAPITAL")
)

_GLUED_RE = re.compile(r"(?<=[^\W\d_])(?=(?:[IVX]{1,6}|\d{1,2}(?:\.\d{1,2}){0,4})[.)]\s*[" + _UPPER + "])")
_ROMAN_RE = re.compile(r"^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_PUNCT_AFTER_LABEL = set(".):-–—/")
_FINAL_STOP = set(".;!?")
_VI_ALPHABET = "abcdđeghiklmnopqrstuvxy"
_UPPER_ALPHABET = "ABCDEGHIKLMNOPQRSTUVXY"

#: Section kinds that hold the paragraphs closing a document (see module doc).
CONTAINER_KINDS = frozenset({"part", "chapter", "section", "upper_letter", "roman"})
#: Marker kinds that open sections (the rest are items: bullets, enumerations).
SECTION_KINDS = frozenset({"part", "chapter", "section", "article", "upper_letter", "roman", "arabic", "letter"})
SPECIAL_IDS = frozenset({"preamble", "closing"})
_STRONG_KINDS = frozenset({"part", "chapter", "article", "roman", "upper_letter"})


# --------------------------------------------------------------------------
# Rules (resources/vi/sections.yaml)
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class MarkerRule:
    """One numbering pattern of the rule file."""

    kind: str
    regex: re.Pattern
    rank: Optional[int] = None
    depth: int = 0
    no_period_requires_upper: bool = False
    not_followed_by: Optional[re.Pattern] = None


@dataclass(frozen=True)
class SectionRules:
    """The numbering rules, compiled."""

    markers: tuple[MarkerRule, ...]
    items: tuple[MarkerRule, ...]
    ordinals: dict[str, int]
    appendix: re.Pattern
    appendix_max_chars: int
    closing: tuple[re.Pattern, ...]
    formulas: tuple[re.Pattern, ...]
    signature: Optional[re.Pattern]
    signature_max_words: int
    attached_title: re.Pattern
    kem_theo: re.Pattern
    attached_max_chars: int
    labels: re.Pattern
    trailing: tuple[re.Pattern, ...]
    continuation: tuple[re.Pattern, ...]
    max_words: int
    max_words_formatted: int
    max_words_bullet: int


def _compile(pattern: str) -> re.Pattern:
    return re.compile(pattern.replace("{U}", _UPPER))


def _rule(entry: dict) -> MarkerRule:
    nf = entry.get("not_followed_by")
    return MarkerRule(
        kind=entry["kind"],
        regex=_compile(entry["regex"]),
        rank=entry.get("rank"),
        depth=int(entry.get("depth", 0)),
        no_period_requires_upper=bool(entry.get("no_period_requires_upper", False)),
        not_followed_by=_compile(nf) if nf else None,
    )


def rules_from_dict(data: dict) -> SectionRules:
    """Compile a parsed rule file (the shape of ``sections.yaml``)."""
    heads = data.get("headings", {})
    return SectionRules(
        markers=tuple(_rule(e) for e in data["markers"]),
        items=tuple(_rule(e) for e in data["items"]),
        ordinals={str(k).lower(): int(v) for k, v in data.get("ordinals", {}).items()},
        appendix=_compile(data["appendix"]["regex"]),
        appendix_max_chars=int(data["appendix"].get("max_heading_chars", 120)),
        closing=tuple(_compile(p) for p in data["closing"]["block_regex"]),
        formulas=tuple(_compile(p) for p in data["closing"].get("formula_regex", [])),
        signature=_compile(data["closing"]["signature_regex"]) if data["closing"].get("signature_regex") else None,
        signature_max_words=int(data["closing"].get("signature_max_words", 8)),
        attached_title=_compile(data["attached"]["title_regex"]),
        kem_theo=_compile(data["attached"]["kem_theo_regex"]),
        attached_max_chars=int(data["attached"].get("max_title_chars", 160)),
        labels=_compile(data["labels"]["regex"]),
        trailing=tuple(_compile(p) for p in data["closing"].get("trailing_regex", [])),
        continuation=tuple(_compile(p) for p in data["closing"].get("continuation_regex", [])),
        max_words=int(heads.get("max_words", 30)),
        max_words_formatted=int(heads.get("max_words_formatted", 45)),
        max_words_bullet=int(heads.get("max_words_bullet", 14)),
    )


_TOP_KEYS = {"markers": list, "items": list, "appendix": dict, "closing": dict, "attached": dict, "labels": dict}
_OPTIONAL_TOP = {"version": int, "ordinals": dict, "headings": dict}
_ENTRY_KEYS = {"kind": str, "regex": str}
_ENTRY_OPTIONAL = {"rank": int, "depth": int, "no_period_requires_upper": bool, "not_followed_by": str}
_SUB_KEYS = {
    "appendix": ({"regex": str}, {"max_heading_chars": int}),
    "closing": ({"block_regex": list}, {"formula_regex": list, "trailing_regex": list, "continuation_regex": list,
                                        "signature_regex": str, "signature_max_words": int}),
    "attached": ({"title_regex": str, "kem_theo_regex": str}, {"max_title_chars": int}),
    "labels": ({"regex": str}, {}),
}


def validate_rules(data: object, source: str = "sections.yaml") -> dict:
    """Check the shape of a section rule file: unknown, missing or mistyped
    keys are refused at load time, at every level (a typo such as
    ``trailing_regx`` would otherwise silently switch a rule off)."""
    data = validate_vocabulary(data, source=source, required=_TOP_KEYS, optional=_OPTIONAL_TOP)
    for key in ("markers", "items"):
        for n, entry in enumerate(data[key]):
            validate_vocabulary(entry, source=f"{source}: {key}[{n}]", required=_ENTRY_KEYS, optional=_ENTRY_OPTIONAL)
    for key, (required, optional) in _SUB_KEYS.items():
        validate_vocabulary(data[key], source=f"{source}: {key}", required=required, optional=optional)
    validate_vocabulary(data.get("headings") or {}, source=f"{source}: headings", required={},
                        optional={"max_words": int, "max_words_formatted": int, "max_words_bullet": int})
    return data


@lru_cache(maxsize=1)
def load_rules() -> SectionRules:
    """Load, validate and compile ``resources/vi/sections.yaml`` (cached)."""
    return rules_from_dict(validate_rules(read_yaml("sections.yaml")))


# --------------------------------------------------------------------------
# Markers
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Marker:
    """A numbering or list marker at the start of a block."""

    kind: str  # part|chapter|section|article|upper_letter|roman|arabic|letter|enum|bullet
    label: str  # normalised: "II", "1.2", "a", "2" (Điều 2), "-"
    written: str  # as written, without trailing spaces: "II-", "1.2.", "a)", "Điều 2."
    content: int  # offset in the block text where the content starts
    rank: Optional[int] = None
    depth: int = 0

    @property
    def opens_section(self) -> bool:
        return self.kind in SECTION_KINDS


def roman_to_int(label: str) -> Optional[int]:
    """Value of a well-formed Roman numeral, else None.

    >>> roman_to_int("XIV"), roman_to_int("IIII")
    (14, None)
    """
    if not label or not _ROMAN_RE.match(label):
        return None
    total, prev = 0, 0
    for ch in reversed(label):
        v = _ROMAN_VALUES[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _starts_upper(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return False
        if ch in "\"'“‘(«[*":
            continue
        return False
    return False


def _normal_label(kind: str, raw: str, rules: SectionRules) -> Optional[str]:
    raw = raw.strip()
    if kind == "part":
        words = raw.split()
        if len(words) == 2 and words[0].lower() == "thứ":
            n = rules.ordinals.get(words[1].lower())
            return str(n) if n else None
        if raw.isdigit():
            return str(int(raw))
        return raw.upper() if roman_to_int(raw.upper()) else None
    if kind in ("chapter", "section"):
        if raw.isdigit():
            return str(int(raw))
        return raw.upper() if roman_to_int(raw.upper()) else None
    if kind == "roman":
        return raw if roman_to_int(raw) else None
    if kind == "arabic":
        return ".".join(str(int(p)) for p in raw.split("."))
    if kind == "letter":
        return raw.lower()
    return raw


def match_marker(text: str, rules: Optional[SectionRules] = None) -> Optional[Marker]:
    """The numbering or list marker that opens ``text``, if any.

    >>> match_marker("II- NHIỆM VỤ VÀ GIẢI PHÁP").label
    'II'
    >>> match_marker("1.500 tỷ đồng được bố trí") is None
    True
    """
    rules = rules or load_rules()
    for rule in rules.markers:
        m = rule.regex.match(text)
        if not m:
            continue
        content = m.end()
        rest = text[content:]
        label = _normal_label(rule.kind, m.group("label"), rules)
        if label is None:
            continue
        written_tail = text[m.start("label") + len(m.group("label")) : content]
        has_punct = any(c in _PUNCT_AFTER_LABEL for c in written_tail)
        if rule.no_period_requires_upper and not has_punct and not _starts_upper(rest):
            continue
        if rule.not_followed_by is not None and not has_punct and rule.not_followed_by.match(rest):
            continue
        if rule.kind in ("roman", "upper_letter") and rest and not _starts_upper(rest):
            # "V/v: ..." (về việc) and other abbreviations are not parts
            continue
        if not rest.strip() and (rule.kind in ("letter", "upper_letter") or rule.kind == "arabic" and not has_punct):
            # a number alone on its line ("1." with the title on the next
            # line, as some PDFs lay it out) is a marker; a bare letter is not
            continue
        return Marker(
            kind=rule.kind,
            label=label,
            written=text[:content].rstrip(),
            content=content,
            rank=rule.rank,
        )
    for rule in rules.items:
        m = rule.regex.match(text)
        if m:
            return Marker(
                kind=rule.kind,
                label=m.group("label"),
                written=text[: m.end()].rstrip(),
                content=m.end(),
                depth=rule.depth,
            )
    return None


# --------------------------------------------------------------------------
# Parser
# --------------------------------------------------------------------------


@dataclass
class _Open:
    """A section on the stack of open sections."""

    sec: Section
    kind: str
    rank: int
    components: int = 0
    label: str = ""
    style: str = ""  # the closing punctuation of the marker: "." or ")"


@dataclass
class _BlockState:
    section: str
    role: str  # preamble|body|closing
    segment: int
    marker: Optional[Marker] = None
    opened: Optional[str] = None  # id of the section this block opened
    is_heading: bool = False
    plain: bool = False  # an unnumbered paragraph of the body
    label_line: bool = False
    table: bool = False
    glued: bool = False  # several headings glued into this block
    continues_heading: bool = False  # the rest of the heading of the block before (``continued_heading``)
    trailing: bool = False  # a paragraph closing the body after its last item


@dataclass
class _TablePlan:
    """How a table numbers its rows, from the first cells of its data rows.

    * ``numbered``: most rows carry a number in their first cell (the STT
      column); a row's id is its number ("PL.row7"), not its position, and
      a row without a number under a numbered one continues it ("PL.row7b").
    * ``grouped``: the rows are grouped under Roman-numbered group rows
      ("I | Hoàn thiện thể chế") and the numbering restarts in each group, so
      the group is part of the id ("PL.II.1"); when the numbering runs on
      across the groups the ids stay "PL.rowN".
    """

    numbered: bool = False
    grouped: bool = False
    group_id: Optional[str] = None
    last: Optional[str] = None
    suffix: str = "a"

    @classmethod
    def of(cls, firsts: list[str]) -> "_TablePlan":
        numbers = [int(f) for f in firsts if f.isdigit() and len(f) <= 3]
        groups = [f for f in firsts if _group_label(f)]
        numbered = len(numbers) >= 2 and len(numbers) >= (len(firsts) - len(groups)) / 2
        restarts = numbered and len(set(numbers)) < len(numbers)
        return cls(numbered=numbered, grouped=restarts and len(groups) >= 2)


@dataclass
class _Parser:
    doc: NormalizedDocument
    rules: SectionRules
    sections: list[Section] = field(default_factory=list)
    by_id: dict[str, Section] = field(default_factory=dict)
    states: list[_BlockState] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    mode: str = "preamble"
    segment: int = 0
    row_counts: dict[str, int] = field(default_factory=dict)
    appendix_ids: dict[int, str] = field(default_factory=dict)
    # attached documents whose numbering repeats an earlier one's get a
    # prefix (segment -> "PL2"); decided by a first pass (see run())
    prefixes: dict[int, str] = field(default_factory=dict)
    seg_prefix: Optional[str] = None
    sec_segment: dict[str, int] = field(default_factory=dict)
    collided: set[int] = field(default_factory=set)
    prev_text: str = ""
    tables: dict[tuple, "_TablePlan"] = field(default_factory=dict)
    # None until asked: whether some block carries formatting (bold, a Heading style)
    _has_formatting: Optional[bool] = None

    # ---- helpers -------------------------------------------------------

    def has_formatting(self) -> bool:
        """Whether any block of the document is bold or heading-styled. Plain text carries no
        formatting at all: there an unformatted numbered line is no evidence against a heading."""
        if self._has_formatting is None:
            self._has_formatting = any(
                b.bold or (b.style or "").lower().startswith(("heading", "title")) for b in self.doc.blocks
            )
        return self._has_formatting

    def text(self, b: TextBlock) -> str:
        return self.doc.text[b.start : b.end]

    def add(self, sec: Section) -> Section:
        """Register a section; a repeated id (a document that numbers two
        parts "III") keeps the first record and the blocks share it. A
        repeat across documents (a decision's "Điều 1" and an attached
        regulation's "Điều 1") is noted so the second pass can prefix it."""
        old = self.by_id.get(sec.id)
        if old is not None:
            if self.sec_segment.get(sec.id, self.segment) != self.segment and sec.kind not in SPECIAL_IDS:
                self.collided.add(self.segment)
            return old
        self.sections.append(sec)
        self.by_id[sec.id] = sec
        self.sec_segment[sec.id] = self.segment
        return sec

    def special(self, sid: str) -> str:
        if sid not in self.by_id:
            self.add(Section(id=sid, level=1, kind=sid))
        return sid

    def innermost(self) -> Optional[str]:
        return self.stack[-1].sec.id if self.stack else None

    def current(self) -> str:
        if self.mode == "closing":
            return self.special("closing")
        if self.mode == "preamble" or not self.stack:
            return self.special("preamble")
        return self.stack[-1].sec.id

    def is_closing(self, text: str) -> bool:
        if any(p.search(text) for p in self.rules.closing):
            return True
        sig = self.rules.signature
        t = text.strip()
        return bool(sig and len(t.split()) <= self.rules.signature_max_words and sig.match(t))

    def is_formula(self, text: str) -> bool:
        return any(p.search(text) for p in self.rules.formulas)

    def is_attached_title(self, text: str) -> bool:
        t = text.strip()
        return (
            len(t) <= self.rules.attached_max_chars
            and bool(self.rules.attached_title.match(t))
            and t.upper() == t
        )

    def appendix_match(self, text: str) -> Optional[re.Match]:
        m = self.rules.appendix.match(text)
        if not m:
            return None
        # "PHỤ LỤC" in capitals opens an appendix; "Phụ lục" in lower case
        # only as a short heading line, not a sentence citing an appendix
        if text[:7].isupper() or len(text) <= self.rules.appendix_max_chars:
            return m
        return None

    def new_segment(self, mode: str) -> None:
        self.segment += 1
        self.stack = []
        self.mode = mode
        self.seg_prefix = self.prefixes.get(self.segment)

    # ---- appendix numbering (needs the whole document) ----------------

    def number_appendices(self) -> None:
        found: list[tuple[int, Optional[str]]] = []
        for b in self.doc.blocks:
            if b.kind != "paragraph":
                continue
            m = self.appendix_match(self.text(b))
            if m:
                found.append((b.index, m.group("label")))
        if not found:
            return
        if len(found) == 1 and not found[0][1]:
            self.appendix_ids[found[0][0]] = "PL"
            return
        for n, (idx, label) in enumerate(found, start=1):
            if label:
                value = int(label) if label.isdigit() else (roman_to_int(label.upper()) or n)
            else:
                value = n
            self.appendix_ids[idx] = f"PL{value}"

    # ---- opening sections ---------------------------------------------

    def resolve_kind(self, marker: Marker) -> Marker:
        """Roman numeral or capital letter? "C." after "B." is a letter."""
        if marker.kind == "roman" and len(marker.label) == 1:
            prev = next((o for o in reversed(self.stack) if o.kind == "upper_letter"), None)
            if prev is not None:
                i = _UPPER_ALPHABET.find(prev.label)
                if 0 <= i < len(_UPPER_ALPHABET) - 1 and _UPPER_ALPHABET[i + 1] == marker.label:
                    return Marker("upper_letter", marker.label, marker.written, marker.content, rank=4)
        if marker.kind == "upper_letter" and marker.label in "IVXLC":
            prev = next((o for o in reversed(self.stack) if o.kind == "upper_letter"), None)
            i = _UPPER_ALPHABET.find(prev.label) if prev else -1
            if not (0 <= i < len(_UPPER_ALPHABET) - 1 and _UPPER_ALPHABET[i + 1] == marker.label):
                if marker.label in "IVX":
                    return Marker("roman", marker.label, marker.written, marker.content, rank=5)
        return marker

    def open_section(self, marker: Marker, block: TextBlock) -> Section:
        if self.seg_prefix and not self.stack:
            # the root of an attached document that repeats earlier numbering
            root = self.add(Section(id=self.seg_prefix, level=1, kind="appendix", start=block.start))
            self.stack = [_Open(root, "appendix", -1)]
        rank = marker.rank if marker.rank is not None else 9
        comps = marker.label.count(".") + 1 if marker.kind == "arabic" else 0
        style = marker.written[-1:]
        sub_item = False
        if marker.kind == "arabic" and comps == 1 and style == ")":
            # "1)" under "a)" under "1.": a third style is a deeper level
            letter_at = max((k for k, o in enumerate(self.stack) if o.kind == "letter"), default=-1)
            dotted_at = max(
                (k for k, o in enumerate(self.stack) if o.kind == "arabic" and o.style != ")"), default=-1
            )
            if 0 <= dotted_at < letter_at:
                rank, comps, sub_item = 8, 0, True
        popped: list[_Open] = []
        while self.stack:
            top = self.stack[-1]
            if top.kind == "appendix" or top.rank < rank:
                break
            if top.rank == rank == 6 and top.components < comps:
                break
            popped.append(self.stack.pop())
        if any(o.kind == marker.kind and o.rank == rank and o.label == marker.label for o in popped):
            marker = self.relabel_repeated(marker, block)
        parent = self.stack[-1] if self.stack else None
        kind = marker.kind
        in_article = any(o.kind == "article" for o in self.stack)
        if kind == "article":
            sid = f"Điều {marker.label}"
            if parent is not None and parent.kind == "appendix":
                sid = f"{parent.sec.id}.{sid}"
        elif kind == "part":
            sid = f"Phần {marker.label}"
        elif kind in ("chapter", "section"):
            word = "Chương" if kind == "chapter" else "Mục"
            sid = f"{parent.sec.id}.{word} {marker.label}" if parent else f"{word} {marker.label}"
        elif kind == "arabic" and not sub_item:
            base = next((o for o in reversed(self.stack) if o.kind != "arabic" or o.rank != 6), None)
            sid = f"{base.sec.id}.{marker.label}" if base else marker.label
        else:
            sid = f"{parent.sec.id}.{marker.label}" if parent else marker.label
        if self.seg_prefix and not sid.startswith(self.seg_prefix + "."):
            sid = f"{self.seg_prefix}.{sid}"
        sec_kind = kind
        if in_article and kind == "arabic":
            sec_kind = "clause"
        elif in_article and kind == "letter":
            sec_kind = "point"
        level = (parent.sec.level + 1) if parent else 1
        sec = self.add(
            Section(
                id=sid,
                number=marker.written,
                heading=None,
                level=level,
                parent=parent.sec.id if parent else None,
                kind=sec_kind,
                start=block.start,
            )
        )
        self.stack.append(_Open(sec, kind, rank, comps, marker.label, style))
        return sec

    def relabel_repeated(self, marker: Marker, block: TextBlock) -> Marker:
        """A marker that repeats the label of the sibling just closed ("IV."
        then "IV.", "b)" then "b)") is a numbering slip, and two sections
        may not share an id. When the next sibling carries the successor
        label ("b)", "b)", "c)") the repeat is a second "b": "b(2)";
        otherwise the writer skipped ahead: the repeat takes the successor
        ("IV.", "IV." → "V")."""
        successor = _successor(marker.kind, marker.label)
        if successor is None or marker.kind == "article":
            return marker
        label = f"{marker.label}(2)" if self.next_sibling_label(marker, block.index) == successor else successor
        return Marker(marker.kind, label, marker.written, marker.content, rank=marker.rank, depth=marker.depth)

    def next_sibling_label(self, marker: Marker, index: int) -> Optional[str]:
        """The label of the next marker of the same kind and level after
        block ``index`` (None when a higher level or the document ends first)."""
        for b in self.doc.blocks[index + 1 :]:
            if b.kind != "paragraph":
                continue
            m = match_marker(self.text(b), self.rules)
            if m is None or not m.opens_section:
                continue
            if m.kind == marker.kind and m.label.count(".") == marker.label.count("."):
                return m.label
            if (m.rank if m.rank is not None else 9) < (marker.rank if marker.rank is not None else 9):
                return None
        return None

    def open_appendix(self, sid: str, block: TextBlock, written: str) -> Section:
        self.new_segment("body")
        sec = self.add(Section(id=sid, number=written, level=1, kind="appendix", start=block.start))
        self.stack = [_Open(sec, "appendix", -1)]
        return sec

    # ---- the pass -----------------------------------------------------

    def run(self) -> DocumentStructure:
        self.number_appendices()
        for b in self.doc.blocks:
            self.states.append(self.step(b))
        if self.collided and not self.prefixes:
            # an attached document repeats the numbering of an earlier one:
            # parse again with an appendix prefix for it ("PL.Điều 1")
            used = set(self.appendix_ids.values())
            prefixes: dict[int, str] = {}
            for seg in sorted(self.collided):
                name = "PL" if "PL" not in used else next(f"PL{n}" for n in itertools.count(1) if f"PL{n}" not in used)
                used.add(name)
                prefixes[seg] = name
            return _Parser(self.doc, self.rules, prefixes=prefixes).run()
        self.close_trailing()
        self.mark_headings()
        return self.finish()

    def step(self, b: TextBlock) -> _BlockState:
        st = self._step(b)
        self.prev_text = self.text(b) if st.role == "body" and not st.table else ""
        return st

    def _step(self, b: TextBlock) -> _BlockState:
        text = self.text(b)
        if b.kind == "table_row":
            return self.step_row(b, text)
        # the appendix restarts everything
        if b.index in self.appendix_ids:
            m = self.appendix_match(text)
            sec = self.open_appendix(self.appendix_ids[b.index], b, text[: m.end()].rstrip() if m else text)
            st = _BlockState(sec.id, "body", self.segment, opened=sec.id)
            st.marker = Marker("appendix", sec.id, text[: m.end()].rstrip() if m else "", m.end() if m else 0)
            return st
        marker = match_marker(text, self.rules)
        if marker is not None and marker.opens_section:
            marker = self.resolve_kind(marker)
        closing_line = self.mode != "preamble" and self.is_closing(text)
        if self.mode == "body" and closing_line:
            self.mode = "closing"
        elif self.mode == "preamble" and b.index > 0 and self.rules.closing[0].match(text):
            # a document with no numbering at all still ends with "Nơi nhận"
            self.mode = "closing"
        if self.mode == "closing":
            if self.is_attached_title(text) or self.rules.kem_theo.match(text):
                self.new_segment("preamble")
                return _BlockState(self.special("preamble"), "preamble", self.segment, marker=None)
            if marker is not None and marker.kind in _STRONG_KINDS and not closing_line:
                # "Q. CHỦ TỊCH" is a signature, not part Q
                self.new_segment("body")
            else:
                return _BlockState(self.special("closing"), "closing", self.segment, marker=marker)
        if (
            self.mode == "body"
            and self.is_attached_title(text)
            and self.stack
            and self.stack[0].kind != "appendix"
            and self.kem_theo_follows(b.index)
        ):
            # an attached plan with no recipients list between (reading order)
            self.new_segment("preamble")
            return _BlockState(self.special("preamble"), "preamble", self.segment)
        if marker is not None and marker.opens_section:
            if self.mode == "preamble":
                self.mode = "body"
            glued = self.glued_markers(text, b, marker)
            sec = self.open_section(marker, b)
            if not glued:
                return _BlockState(sec.id, "body", self.segment, marker=marker, opened=sec.id)
            # "II. NỘI DUNG1. Nội dung sơ kết1.1. Công tác …": headings that a
            # converter glued into one paragraph open one section each; the
            # block belongs to the innermost
            bounds = [marker.content] + [off for off, _ in glued] + [len(text)]
            sec.heading = text[bounds[0] : bounds[1]].strip().rstrip(":") or None
            for n, (off, m2) in enumerate(glued, start=1):
                sec = self.open_section(self.resolve_kind(m2), b)
                sec.heading = text[off + m2.content : bounds[n + 1]].strip().rstrip(":") or None
            st = _BlockState(sec.id, "body", self.segment, marker=marker, opened=sec.id)
            st.glued = True
            return st
        if self.mode == "preamble":
            return _BlockState(self.special("preamble"), "preamble", self.segment, marker=marker)
        # body, not a section marker
        if marker is None and (self.is_formula(text) or _ends_document(self.prev_text)):
            # "… trân trọng thông báo./." or any paragraph after the "./."
            # that ends a Vietnamese administrative text
            self.mode = "closing"
            return _BlockState(self.special("closing"), "closing", self.segment)
        st = _BlockState(self.current(), "body", self.segment, marker=marker)
        st.plain = marker is None
        st.label_line = marker is None and bool(self.rules.labels.match(text))
        return st

    def glued_markers(self, text: str, b: TextBlock, first: Marker) -> list[tuple[int, Marker]]:
        """Numbering markers glued to the end of a previous heading inside
        one bold block ("TIẾN HÀNH1. Nội dung"): a letter immediately
        followed by a number and a capital. Only bold or heading-styled
        blocks are split; in running text such a pattern is a typo."""
        if not (b.bold or (b.style or "").lower().startswith("heading")) or first.kind in ("letter",):
            return []
        out: list[tuple[int, Marker]] = []
        for m in _GLUED_RE.finditer(text, first.content):
            mk = match_marker(text[m.start() :], self.rules)
            if mk is not None and mk.opens_section and mk.kind in ("roman", "arabic"):
                out.append((m.start(), mk))
        return out

    def kem_theo_follows(self, index: int) -> bool:
        for b in self.doc.blocks[index + 1 : index + 4]:
            if b.kind == "paragraph" and self.rules.kem_theo.match(self.text(b)):
                return True
        return False

    def step_row(self, b: TextBlock, text: str) -> _BlockState:
        cells = [self.doc.text[c.start : c.end] for c in b.cells] if b.cells else text.split(" | ")
        if self.mode == "body" and any(self.is_closing(c.strip()) for c in cells):
            self.mode = "closing"
        if self.mode == "closing":
            if any(self.rules.kem_theo.match(c.strip()) for c in cells):
                self.new_segment("preamble")
                return _BlockState(self.special("preamble"), "preamble", self.segment, table=True)
            return _BlockState(self.special("closing"), "closing", self.segment, table=True)
        if self.mode == "preamble" or not self.stack:
            return _BlockState(self.special("preamble"), "preamble", self.segment, table=True)
        parent = self.stack[-1].sec
        if b.is_header_row:
            return _BlockState(parent.id, "body", self.segment, table=True)
        first = cells[0].strip() if cells else ""
        filled = [c for c in cells[1:] if c.strip()]
        width = max(len(cells), len(b.header or []))
        # a group row ("I | NHÓM GIẢI PHÁP VỀ CƠ CHẾ", other cells empty or
        # merged away) heads the rows under it
        group = width > 2 and (
            (len(filled) == 1 and (roman_to_int(first) is not None or first == "" or _is_upper(filled[0])))
            or (not filled and _group_label(first) is not None)
        )
        plan = self.table_plan(b, parent.id)
        sid, heading = self.row_id(plan, parent, first, group)
        sec = self.by_id.get(sid)
        if sec is None:
            parent_id = plan.group_id if plan.group_id and sid != plan.group_id else parent.id
            sec = self.add(
                Section(
                    id=sid,
                    number=first if 0 < len(first) <= 8 else None,
                    level=self.by_id[parent_id].level + 1,
                    parent=parent_id,
                    kind="table_group" if heading else "table_row",
                    start=b.start,
                )
            )
        opened = sec.id if sec.start == b.start else None
        st = _BlockState(sec.id, "body", self.segment, opened=opened, table=True)
        st.is_heading = group
        return st

    def table_plan(self, b: TextBlock, parent_id: str) -> "_TablePlan":
        """How the rows of ``b``'s table are numbered (decided once per table
        from all its rows, see :class:`_TablePlan`)."""
        key = (b.table_id, parent_id)
        plan = self.tables.get(key)
        if plan is None:
            rows = [r for r in self.doc.blocks if r.kind == "table_row" and r.table_id == b.table_id]
            plan = self.tables[key] = _TablePlan.of([self._first_cell(r) for r in rows if not r.is_header_row])
        return plan

    def _first_cell(self, r: TextBlock) -> str:
        if r.cells:
            return self.doc.text[r.cells[0].start : r.cells[0].end].strip()
        return self.text(r).split(" | ")[0].strip()

    def row_id(self, plan: "_TablePlan", parent: Section, first: str, group: bool) -> tuple[str, bool]:
        """The id of one data row and whether it opens a group (see
        :class:`_TablePlan`)."""
        if group:
            plan.last = None
            label = _group_label(first)
            if plan.grouped and label:
                plan.group_id, plan.last = f"{parent.id}.{label}", None
                return plan.group_id, True
            return (plan.group_id or parent.id), False
        base = plan.group_id if plan.grouped and plan.group_id else None
        number = first if first.isdigit() and len(first) <= 3 else None
        if plan.numbered and number is None and plan.last is not None:
            # a row with no number under a numbered row: its continuation
            # (cells merged across rows), "PL.II.1b"
            plan.suffix = chr(ord(plan.suffix) + 1)
            return plan.last + plan.suffix, False
        if plan.numbered and number is not None:
            sid = f"{base}.{int(number)}" if base else f"{parent.id}.row{int(number)}"
            if sid == plan.last:
                plan.suffix = chr(ord(plan.suffix) + 1)  # a merged number cell copied down
                return sid + plan.suffix, False
            if sid not in self.by_id:
                plan.last, plan.suffix = sid, "a"
                return sid, False
        n = self.row_counts.get(parent.id, 0) + 1
        self.row_counts[parent.id] = n
        return f"{parent.id}.row{n}", False

    # ---- after the pass -----------------------------------------------

    def close_trailing(self) -> None:
        """Paragraphs after the last item of a document (before its closing
        zone) belong to the last Roman part, or to "closing" when the
        document is numbered from "1." (see the module doc)."""
        states = self.states
        n = len(states)
        i = 0
        while i < n:
            seg = states[i].segment
            j = i
            while j < n and states[j].segment == seg:
                j += 1
            # [i, j) is one segment; find its body end
            end = next((k for k in range(i, j) if states[k].role == "closing"), j)
            k = end - 1
            run: list[int] = []
            while k >= i and states[k].role == "body" and states[k].plain and not states[k].label_line:
                run.append(k)
                k -= 1
            if run and k >= i and states[k].role == "body":
                self.mark_trailing(k, sorted(run))
            i = j

    def mark_trailing(self, anchor_index: int, run: list[int]) -> None:
        """Move the unnumbered paragraphs ``run`` after the last item
        (``anchor_index``) to the part that holds it. From a closing formula
        on ("Trong quá trình thực hiện, nếu có khó khăn …", "Trên đây là …")
        the paragraphs close the document whatever precedes them; the ones
        before the formula continue the item above. Without a formula the
        whole run closes the document, unless the item is a heading (an
        agency heading's paragraphs are its content)."""
        states = self.states
        anchor = states[anchor_index]
        formula = next((r for r in run if self.is_trailing_formula(self.text(self.doc.blocks[r]))), None)
        if formula is not None:
            run = [r for r in run if r >= formula]
        elif anchor.opened is not None and self.heading_like(anchor_index):
            return
        else:
            # subjectless paragraphs right after the item ("Bố trí kinh phí
            # …", "Phối hợp với …") go on with the item's actor
            while run and self.continues_item(self.text(self.doc.blocks[run[0]])):
                run = run[1:]
        outer = self.outermost(anchor.section)
        if outer is None or outer.kind in ("appendix", "table_row"):
            return
        target = outer.id if outer.kind in CONTAINER_KINDS else self.special("closing")
        for r in run:
            states[r].section = target
            states[r].trailing = True

    def is_trailing_formula(self, text: str) -> bool:
        return any(p.match(text.strip()) for p in self.rules.trailing)

    def continues_item(self, text: str) -> bool:
        return any(p.match(text.strip()) for p in self.rules.continuation)

    def outermost(self, sid: str) -> Optional[Section]:
        sec = self.by_id.get(sid)
        while sec is not None and sec.parent:
            sec = self.by_id.get(sec.parent)
        return sec

    def heading_like(self, i: int) -> bool:
        """A numbered block that heads content: short, no final stop,
        followed by content of its own (not by a sibling)."""
        st = self.states[i]
        b = self.doc.blocks[i]
        text = self.text(b)
        m = st.marker
        content = text[m.content :].strip() if m else text.strip()
        if st.table:
            return st.is_heading
        if not content:
            return True
        formatted = b.bold or bool(b.style and b.style.lower().startswith(("heading", "title"))) or _is_upper(content)
        words = len(content.split())
        # a text without any formatting: a title as long as a bold one's, unless it leads in (":")
        plain_title = not self.has_formatting() and content[-1] != ":"
        limit = self.rules.max_words_formatted if formatted or plain_title else self.rules.max_words
        if content[-1] in _FINAL_STOP:
            # a title with a stray period ("3. Nâng cao chất lượng … khu công
            # nghiệp." over "a)", "b)"): one clause, no ";" or ":", and
            # numbered sub-items under it
            return (
                content[-1] == "."
                and words <= self.rules.max_words_formatted
                and not any(c in content[:-1] for c in ";:")
                and ". " not in content
                and self.followed_by_subsection(i)
            )
        if words > limit:
            return False
        if formatted and m is not None and m.kind in ("part", "chapter", "section", "article", "roman", "upper_letter"):
            return True
        return self.followed_by_content(i)

    def followed_by_subsection(self, i: int) -> bool:
        """The next block opens a section below this one (not a bullet)."""
        if i + 1 >= len(self.states):
            return False
        me, nxt = self.states[i], self.states[i + 1]
        if nxt.segment != me.segment or nxt.marker is None or me.marker is None:
            return False
        if not (nxt.marker.opens_section and me.marker.opens_section):
            return False
        r1, r2 = me.marker.rank or 0, nxt.marker.rank or 0
        return r2 > r1 or (r1 == r2 == 6 and nxt.marker.label.count(".") > me.marker.label.count("."))

    def followed_by_content(self, i: int) -> bool:
        if i + 1 >= len(self.states):
            return False
        me, nxt = self.states[i], self.states[i + 1]
        if nxt.role != "body" or nxt.segment != me.segment or nxt.trailing:
            return False
        if nxt.marker is None or nxt.table:
            return True
        if me.marker is None:
            return False
        if not nxt.marker.opens_section:
            if me.marker.opens_section:
                return True
            return nxt.marker.depth > me.marker.depth
        if not me.marker.opens_section:
            return False
        r1, r2 = me.marker.rank or 0, nxt.marker.rank or 0
        if r2 > r1:
            return True
        if r1 == r2 == 6:
            return nxt.marker.label.count(".") > me.marker.label.count(".")
        return False

    def mark_headings(self) -> None:
        for i, st in enumerate(self.states):
            b = self.doc.blocks[i]
            text = self.text(b)
            if st.table:
                continue
            m = st.marker
            if st.glued:
                st.is_heading = True
            elif st.opened is not None:
                st.is_heading = self.heading_like(i)
                sec = self.by_id.get(st.opened)
                if sec is not None and st.is_heading and sec.heading is None and sec.start == b.start:
                    content = text[m.content :].strip() if m else ""
                    if not content or m is not None and m.kind == "appendix":
                        content = self.title_after(i) or content
                    content = self.continued_heading(i, content)
                    sec.heading = content.rstrip(":").strip() or None
            elif m is not None and m.kind in ("bullet", "enum"):
                content = text[m.content :].strip()
                st.is_heading = (
                    bool(content)
                    and content[-1] not in _FINAL_STOP | {","}
                    and len(content.split()) <= self.rules.max_words_bullet
                    and self.followed_by_content(i)
                )
            elif st.role in ("body", "preamble") and m is None:
                t = text.strip()
                formatted = b.bold or _is_upper(t) or bool(b.style and b.style.lower().startswith(("heading", "title")))
                st.is_heading = st.is_heading or (  # True already: the title under "PHỤ LỤC"
                    formatted
                    and bool(t)
                    and t[-1] not in _FINAL_STOP | {","}
                    and len(t.split()) <= self.rules.max_words_bullet
                    and (st.role == "preamble" or self.followed_by_content(i))
                )

    def continued_heading(self, i: int, content: str) -> str:
        """A heading whose name runs over into the next block ("3. Đề nghị …, Hội Liên hiệp" | "Phụ nữ Thành
        phố và …"), as copies from PDF or DOCX often break it: the next block, unnumbered, formatted like the
        heading and with no final stop, continues it when the joined text holds an agency name across the
        joint. The two read as one heading; the continuation is no task of its own."""
        j = i + 1
        if not content or content[-1] in _FINAL_STOP | {":", ","} or j >= len(self.states):
            return content
        nxt, b = self.states[j], self.doc.blocks[j]
        t = self.text(b).strip()
        if nxt.marker is not None or nxt.table or not t or t[-1] in _FINAL_STOP or b.bold != self.doc.blocks[i].bold:
            return content
        if len(t.split()) > self.rules.max_words_bullet or not _name_across(content, t):
            return content
        nxt.is_heading = nxt.continues_heading = True
        return content + " " + t

    def title_after(self, i: int) -> Optional[str]:
        """The title line under a bare "PHỤ LỤC" / "CHƯƠNG I" line (a
        "(Kèm theo …)" line between them is skipped)."""
        for j in range(i + 1, min(i + 3, len(self.states))):
            nxt = self.states[j]
            t = self.text(self.doc.blocks[j]).strip()
            if nxt.marker is not None or nxt.table or nxt.section != self.states[i].section:
                return None
            if self.rules.kem_theo.match(t):
                continue
            if len(t.split()) <= 40 and t[-1:] not in _FINAL_STOP:
                nxt.is_heading = True
                return t
            return None
        return None

    def finish(self) -> DocumentStructure:
        infos: list[BlockInfo] = []
        for i, st in enumerate(self.states):
            b = self.doc.blocks[i]
            m = st.marker
            content = b.start + (m.content if m else 0)
            # skip spaces after the marker
            while content < b.end and self.doc.text[content] == " ":
                content += 1
            infos.append(
                BlockInfo(
                    block=b.index,
                    section=st.section,
                    is_heading=st.is_heading,
                    continues_heading=st.continues_heading,
                    marker=m.written if m else None,
                    marker_kind=self.marker_kind(st),
                    content_start=min(content, b.end),
                    depth=m.depth if m else 0,
                    zone="trailing" if st.trailing else st.role,
                )
            )
            # extents: the section and its ancestors cover the block
            sec = self.by_id.get(st.section)
            seen = 0
            while sec is not None and seen < 50:
                if sec.start is None or b.start < sec.start:
                    sec.start = b.start
                if sec.end is None or b.end > sec.end:
                    sec.end = b.end
                sec = self.by_id.get(sec.parent) if sec.parent else None
                seen += 1
        return DocumentStructure(sections=self.sections, blocks=infos)

    def marker_kind(self, st: _BlockState) -> Optional[str]:
        m = st.marker
        if m is None:
            return None
        if st.opened is not None:
            sec = self.by_id.get(st.opened)
            if sec is not None and sec.kind in ("clause", "point"):
                return sec.kind
        return m.kind


def _name_across(first: str, second: str) -> bool:
    """Whether "first second" holds a known body's name (a gazetteer entry) that starts in ``first`` and ends
    in ``second``, where ``first`` alone ends in a piece read by another rule ("Hội Liên hiệp" | "Phụ nữ tỉnh"),
    not in a whole name a capitalised word merely follows ("… Việt Nam tỉnh" | "Nhiệm vụ chung …")."""
    from ..agencies import find_agencies  # the structure stage only asks; the recogniser owns the names

    joint = len(first)
    piece = {m.rule for m in find_agencies(first) if m.end == joint}
    return any(m.start < joint < m.end and (m.rule or "").startswith("body:") and m.rule not in piece
               for m in find_agencies(first + " " + second))


def _successor(kind: str, label: str) -> Optional[str]:
    """The label after ``label`` in its numbering ("IV" → "V", "b" → "c",
    "2.3" → "2.4"); None when there is none."""
    if kind == "roman":
        n = roman_to_int(label)
        return _int_to_roman(n + 1) if n else None
    if kind in ("letter", "upper_letter"):
        alphabet = _VI_ALPHABET if kind == "letter" else _UPPER_ALPHABET
        i = alphabet.find(label)
        return alphabet[i + 1] if 0 <= i < len(alphabet) - 1 else None
    if kind == "arabic" and label.replace(".", "").isdigit():
        head, _, last = label.rpartition(".")
        return f"{head}.{int(last) + 1}" if head else str(int(last) + 1)
    return None


def _int_to_roman(n: int) -> str:
    out = []
    for value, numeral in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


_GROUP_RE = re.compile(r"^(?P<label>[IVX]{1,6})(?:[.\-–:)]\s*|\s+|$)")


def _group_label(cell: str) -> Optional[str]:
    """The Roman number of a table's group row ("II", "II. HOÀN THIỆN …")."""
    m = _GROUP_RE.match(cell.strip())
    return m.group("label") if m and roman_to_int(m.group("label")) else None


def _ends_document(text: str) -> bool:
    """The "./." mark that ends the body of an administrative text."""
    return text.rstrip().endswith(("./.", "./ .", "/."))


def _is_upper(text: str) -> bool:
    """At least three letters, all upper case (C loops: no Python call per character)."""
    letters = list(filter(str.isalpha, text))
    return len(letters) >= 3 and all(map(str.isupper, letters))


def parse_structure(doc: NormalizedDocument, rules: Optional[SectionRules] = None) -> DocumentStructure:
    """The section tree of ``doc`` and, for every block, its section.

    Returns one :class:`~directive_nlp.models.BlockInfo` per block of
    ``doc.blocks`` (same order) and the sections in document order. Never
    raises on odd input: a text with no numbering is all "preamble".
    """
    return _Parser(doc, rules or load_rules()).run()


def section_path(structure: DocumentStructure, section_id: str) -> list[Section]:
    """The chain of sections from the top down to ``section_id``."""
    by_id = {s.id: s for s in structure.sections}
    out: list[Section] = []
    sec = by_id.get(section_id)
    while sec is not None and len(out) < 50:
        out.append(sec)
        sec = by_id.get(sec.parent) if sec.parent else None
    return list(reversed(out))


def _snippet(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def outline_markdown(doc: NormalizedDocument, structure: DocumentStructure, *, snippet: int = 90) -> str:
    """The section tree as an indented Markdown outline.

    Headed sections show their heading; numbered paragraphs (list items) and
    table rows show the start of their text, in italics, so a reader can
    check the tree against the document.
    """
    first_block: dict[str, int] = {}
    for info in structure.blocks:
        first_block.setdefault(info.section, info.block)
    lines: list[str] = []
    for sec in structure.sections:
        indent = "  " * max(sec.level - 1, 0)
        if sec.heading:
            label = sec.heading
        else:
            bi = first_block.get(sec.id)
            if bi is None:
                label = ""
            else:
                info = structure.blocks[bi]
                b = doc.blocks[bi]
                label = "*" + _snippet(doc.text[info.content_start : b.end], snippet) + "*"
        number = f" `{sec.number}`" if sec.number and sec.kind not in ("table_row",) else ""
        lines.append(f"{indent}- **{sec.id}**{number} {label}".rstrip())
    return "\n".join(lines) + ("\n" if lines else "")
