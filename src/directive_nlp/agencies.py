"""Find the names of public bodies (agencies) in Vietnamese directive text.

``find_agencies(text)`` returns one :class:`~directive_nlp.models.AgencyMention`
per body named, with lists split and group phrases kept whole as
annotation rule A5 says (docs/tasks.md):

* "Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy" → three mentions
  (class nouns that each name a body);
* "các sở, ban, ngành", "các cơ quan, đơn vị, địa phương" → one (a group
  phrase made only of generic nouns, with its qualifier);
* "Ủy ban nhân dân xã, phường, đặc khu" → one (one head with coordinated
  levels or places);
* "Sở Văn hoá, Thể thao và Du lịch" → one (the comma belongs to the name);
* "các Sở: Nông nghiệp và Môi trường, Xây dựng" → two, the head staying on
  the first ("các Sở: Nông nghiệp và Môi trường" + "Xây dựng").

How: the text is cut into word tokens (syllables, abbreviations such as
"LĐ-TB&XH" kept whole) with their character offsets, and a small grammar
runs over them — person head, party wrapper, named body, department after
"Sở"/"Bộ", free name after a head such as "Trung tâm", generic group, class
noun, then places, levels and qualifiers. The vocabulary is data
(``resources/vi/agencies.yaml``, ``resources/vi/abbreviations.yaml``, plus an
optional user gazetteer). Matching on words of the text itself, not on a
segmenter's tokens, keeps the result independent of word segmentation (which
is context dependent for Vietnamese: "Tỉnh ủy" is segmented differently alone
and inside a sentence; docs/agencies.md).

``canonical(name)`` gives the docs/output-contract.md canonical form (NFC, lower case, one
tone placement, abbreviations expanded, leading "các"/"những" dropped), the
same key the scorer's ``norm_agency`` compares.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional, Union

import yaml

from .errors import InputError
from .models import AgencyMention
from .normalize import match_key

__all__ = [
    "Gazetteer",
    "starts_common_noun",
    "find_agencies",
    "canonical",
    "agency_key",
    "agency_type",
    "default_gazetteer",
    "load_user_gazetteer",
    "load_agency_types",
    "AGENCY_TYPES",
]

AGENCY_TYPES = (
    "party", "ubnd", "hdnd", "so", "police_military", "judiciary", "mass_org",
    "central", "enterprise", "group", "head", "other",
)

# a word: letters/digits, with inner & or - kept ("LĐ-TB&XH", "NN&MT");
# anything else that is not a space is a one-character punctuation token
# "TP." before a name ("Ủy ban nhân dân TP. Hà Nội") is one token, the abbreviation "TP" with its dot
_TOKEN_RE = re.compile(r"TP\.(?=[ \t]*[A-ZĐÀ-Ỹ])|[^\W_]+(?:[&\-][^\W_]+)*|[^\w\s]|\n", re.UNICODE)
_DASHES = {"-", "–", "—"}
_NO_KEY = object()  # in no trie: what a punctuation token starts a walk with
PARTNER_WORDS = 6  # words a partner named by a bare generic or class noun may run on with (Partner slot)
_TOKEN_CACHE_SIZE = 100_000  # distinct token texts kept per gazetteer (words of the language: far fewer)
_NUMERAL = re.compile(r"\d+|[IVXLC]+")


# --------------------------------------------------------------------------
# gazetteer (data)
# --------------------------------------------------------------------------

Key = tuple[str, ...]


def _keys(phrase: str, abbreviations: dict[str, Key]) -> Key:
    """Matching keys of a phrase: words, lower case, tones unified, abbreviations expanded, dashes dropped."""
    out: list[str] = []
    for m in _TOKEN_RE.finditer(unicodedata.normalize("NFC", phrase)):
        tok = m.group(0)
        if tok in _DASHES:
            continue
        if not tok[0].isalnum():
            out.append("\x00" + tok)  # punctuation must match punctuation ("Văn hóa, Thể thao")
            continue
        exp = abbreviations.get(tok.rstrip(".")) if (tok.isupper() or "&" in tok) else None
        if exp:
            out.extend(exp)
            continue
        k = match_key(tok)
        if k:
            out.extend(k.split())
    return tuple(out)


class _Trie:
    """Longest-match dictionary over word keys."""

    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, key: Key, value: Any) -> None:
        if not key:
            return
        node = self.root
        for k in key:
            node = node.setdefault(k, {})
        node[None] = value

    def __bool__(self) -> bool:
        return bool(self.root)


@dataclass
class Gazetteer:
    """The compiled vocabulary of the recogniser (package data plus user additions).

    Build it with :func:`default_gazetteer` or :func:`load_user_gazetteer`;
    pass it to :func:`find_agencies` to use user bodies and abbreviations.
    """

    abbreviations: dict[str, Key] = field(default_factory=dict)
    abbreviation_text: dict[str, str] = field(default_factory=dict)
    bodies: _Trie = field(default_factory=_Trie)
    departments: _Trie = field(default_factory=_Trie)
    free_heads: _Trie = field(default_factory=_Trie)
    heads: _Trie = field(default_factory=_Trie)
    standalone_heads: _Trie = field(default_factory=_Trie)
    generic: _Trie = field(default_factory=_Trie)
    adjoining: _Trie = field(default_factory=_Trie)  # generic nouns that continue a group without a comma ...
    adjoining_after: set = field(default_factory=set)  # ... after one of these nouns
    modifiers: _Trie = field(default_factory=_Trie)
    classes: _Trie = field(default_factory=_Trie)
    levels: _Trie = field(default_factory=_Trie)
    head_levels: _Trie = field(default_factory=_Trie)
    qualifiers: _Trie = field(default_factory=_Trie)
    determiners: _Trie = field(default_factory=_Trie)
    stop: _Trie = field(default_factory=_Trie)
    open_stop: _Trie = field(default_factory=_Trie)
    open_references: _Trie = field(default_factory=_Trie)
    open_reference_tails: _Trie = field(default_factory=_Trie)
    open_reference_goes_on: _Trie = field(default_factory=_Trie)
    qualifiers_taking_body: set[Key] = field(default_factory=set)
    qualifiers_taking_level: set[Key] = field(default_factory=set)
    qualifiers_open: set[Key] = field(default_factory=set)
    qualifiers_open_object: set[Key] = field(default_factory=set)
    object_clause_words: _Trie = field(default_factory=_Trie)
    modifiers_taking_body: set[Key] = field(default_factory=set)
    group_openers: _Trie = field(default_factory=_Trie)
    province_verbs: _Trie = field(default_factory=_Trie)
    determiner_words: list[Key] = field(default_factory=list)
    numbered_levels: _Trie = field(default_factory=_Trie)
    verb_nouns: dict[Key, set[Key]] = field(default_factory=dict)
    label_tails: _Trie = field(default_factory=_Trie)
    role_modifiers: set[Key] = field(default_factory=set)
    role_verb_objects: dict[Key, _Trie] = field(default_factory=dict)
    role_name_after: set[Key] = field(default_factory=set)
    partner_openers: set[Key] = field(default_factory=set)
    partner_name_words: set[Key] = field(default_factory=set)
    catch_all_tails: set[Key] = field(default_factory=set)
    acronym_list_types: set[str] = field(default_factory=set)  # types whose named list goes on over bare acronyms
    compounds: _Trie = field(default_factory=_Trie)
    sources: list[str] = field(default_factory=list)
    #: token text -> (keys, capitalised, punctuation), filled by the scanner (cleared when entries are added)
    token_cache: dict[str, tuple[Key, bool, bool]] = field(default_factory=dict, repr=False, compare=False)

    # ---- building -------------------------------------------------------

    def add_abbreviation(self, short: str, full: str) -> None:
        self.token_cache.clear()
        self.abbreviation_text[short] = full
        self.abbreviations[short] = _keys(full, {})

    def k(self, phrase: str) -> Key:
        return _keys(phrase, self.abbreviations)

    def add_body(self, name: str, type_: str = "other", *, qualify: bool = True, wraps: bool = False,
                 needs_inner: bool = False, free: bool = False, aliases: Iterable[str] = (),
                 verb: bool = False) -> None:
        info = {"name": name, "type": type_, "qualify": qualify, "wraps": wraps,
                "needs_inner": needs_inner, "free": free, "verb": verb}
        for n in [name, *aliases]:
            self.bodies.add(self.k(n), info)

    def load(self, data: dict[str, Any], source: str) -> None:
        """Add the entries of one parsed YAML mapping (package or user file)."""
        for short, full in (data.get("abbreviations") or {}).items():
            self.add_abbreviation(str(short), str(full))
        for d in data.get("departments") or []:
            d = {"name": d} if isinstance(d, str) else d
            self.departments.add(self.k(d["name"]), dict(d))
            for a in d.get("aliases") or []:
                self.departments.add(self.k(a), dict(d))
        for b in data.get("bodies") or []:
            b = {"name": b} if isinstance(b, str) else b
            t = b.get("type", "other")
            if t not in AGENCY_TYPES:
                raise ValueError(f"{source}: unknown agency type {t!r} for {b['name']!r}; use one of {AGENCY_TYPES}")
            self.add_body(b["name"], t, qualify=b.get("qualify", True), wraps=b.get("wraps", False),
                          needs_inner=b.get("needs_inner", False), free=b.get("free", False),
                          aliases=b.get("aliases") or (), verb=b.get("verb", False))
        for h in data.get("free_heads") or []:
            h = {"name": h} if isinstance(h, str) else h
            self.free_heads.add(self.k(h["name"]), {"type": h.get("type", "other"), "lower_start": h.get("lower_start", False)})
        for h in data.get("heads") or []:
            self.heads.add(self.k(h), True)
        for h in data.get("standalone_heads") or []:
            self.standalone_heads.add(self.k(h), True)
        for w in data.get("generic_nouns") or []:
            self.generic.add(self.k(w), True)
        for w in data.get("adjoining_generic_nouns") or []:
            self.adjoining.add(self.k(w), True)
        self.adjoining_after.update(self.k(w) for w in data.get("adjoining_after") or [])
        self.acronym_list_types.update(data.get("acronym_list_types") or [])
        for w in data.get("generic_modifiers") or []:
            self.modifiers.add(self.k(w), True)
        for c in data.get("class_nouns") or []:
            c = {"name": c} if isinstance(c, str) else c
            self.classes.add(self.k(c["name"]), {"type": c.get("type", "other"), "free": c.get("free", False)})
        for w in data.get("levels") or []:
            self.levels.add(self.k(w), True)
        for w in data.get("head_levels") or []:
            self.head_levels.add(self.k(w), True)
        for w in data.get("qualifiers") or []:
            self.qualifiers.add(self.k(w), True)
        for w in data.get("qualifiers_taking_body") or []:
            self.qualifiers_taking_body.add(self.k(w))
        for w in data.get("qualifiers_taking_level") or []:
            self.qualifiers_taking_level.add(self.k(w))
        for w in data.get("qualifiers_open") or []:
            self.qualifiers_open.add(self.k(w))
        for w in data.get("object_clause_words") or []:
            self.object_clause_words.add(self.k(w), True)
        for w in data.get("qualifiers_open_object") or []:
            self.qualifiers_open.add(self.k(w))
            self.qualifiers_open_object.add(self.k(w))
        for w in data.get("province_verbs") or []:
            self.province_verbs.add(self.k(w), True)
        for w in data.get("group_openers") or []:
            self.group_openers.add(self.k(w), True)
        for w in data.get("modifiers_taking_body") or []:
            self.modifiers_taking_body.add(tuple(k for k in self.k(w) if not k.startswith("\x00")))
        for w in data.get("determiners") or []:
            self.determiners.add(self.k(w), True)
            self.determiner_words.append(self.k(w))
        for w in data.get("name_stop_words") or []:
            self.stop.add(self.k(w), True)
        for w in data.get("open_stop_words") or []:
            self.open_stop.add(self.k(w), True)
        for key, trie in (("open_reference_nouns", self.open_references),
                          ("open_reference_tails", self.open_reference_tails),
                          ("open_reference_goes_on", self.open_reference_goes_on)):
            for w in data.get(key) or []:
                trie.add(self.k(w), True)
        for w in data.get("numbered_levels") or []:
            self.numbered_levels.add(self.k(w), True)
        for noun, mods in (data.get("verb_nouns") or {}).items():
            self.verb_nouns[self.k(noun)] = {self.k(m) for m in mods or []}
        for w in data.get("label_tails") or []:
            self.label_tails.add(self.k(w), True)
        for w in data.get("role_modifiers") or []:
            self.role_modifiers.add(self.k(w))
        for role, verbs in (data.get("role_verb_objects") or {}).items():
            trie = self.role_verb_objects.setdefault(self.k(role), _Trie())
            for w in verbs:
                trie.add(self.k(w), True)
        for w in data.get("role_name_after") or []:
            self.role_name_after.add(self.k(w))
        for w in data.get("partner_openers") or []:
            self.partner_openers.add(self.k(w))
        for w in data.get("partner_name_words") or []:
            self.partner_name_words.add(self.k(w))
        for w in data.get("catch_all_tails") or []:
            self.catch_all_tails.add(self.k(w))
        for w in data.get("generic_compounds") or []:
            self.compounds.add(self.k(w), True)
        self.sources.append(source)


_PACKAGE_KEYS: dict[str, dict[str, type]] = {
    "abbreviations.yaml": {"abbreviations": dict},
    "agencies.yaml": {
        "departments": list, "bodies": list, "free_heads": list, "heads": list, "standalone_heads": list,
        "generic_nouns": list, "adjoining_generic_nouns": list, "adjoining_after": list, "generic_modifiers": list, "modifiers_taking_body": list,
        "class_nouns": list, "levels": list, "head_levels": list, "qualifiers": list, "qualifiers_taking_body": list, "qualifiers_taking_level": list,
        "open_stop_words": list, "open_reference_nouns": list, "open_reference_tails": list,
        "open_reference_goes_on": list,
        "qualifiers_open": list, "qualifiers_open_object": list, "object_clause_words": list, "group_openers": list, "province_verbs": list, "determiners": list,
        "name_stop_words": list, "numbered_levels": list, "verb_nouns": dict, "label_tails": list,
        "role_modifiers": list, "generic_compounds": list, "role_verb_objects": dict, "role_name_after": list,
        "partner_openers": list, "partner_name_words": list, "catch_all_tails": list, "acronym_list_types": list,
    },
}


def _read_resource(name: str) -> dict[str, Any]:
    """A packaged vocabulary, validated by :func:`directive_nlp.vocab.load_vocabulary` (unknown keys refused)."""
    from .vocab import load_vocabulary

    return load_vocabulary(name, required=_PACKAGE_KEYS[name])


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The package gazetteer (``resources/vi/abbreviations.yaml`` + ``agencies.yaml``), built once."""
    g = Gazetteer()
    g.load(_read_resource("abbreviations.yaml"), "abbreviations.yaml")
    g.load(_read_resource("agencies.yaml"), "agencies.yaml")
    return g


_USER_KEYS = {"bodies", "abbreviations", "departments", "class_nouns", "generic_nouns", "free_heads",
              "heads", "levels", "qualifiers", "generic_modifiers", "name_stop_words"}


def load_user_gazetteer(path: Union[str, Path]) -> Gazetteer:
    """The package gazetteer extended with a user YAML file.

    The file may hold any of these keys (see ``README.md (reference: recognizers)``)::

        bodies:                      # named bodies
          - name: Ban Quản lý Khu kinh tế Vân Phong
            type: other              # one of AGENCY_TYPES
            aliases: [BQL KKT Vân Phong]
            qualify: true            # a place/level may follow
        abbreviations:               # short form: full words
          BQL KKT: Ban Quản lý Khu kinh tế
        departments: [Ngoại vụ]      # names after "Sở"/"Bộ"
        class_nouns: [{name: tổ dân phố, type: other}]

    Raises :class:`~directive_nlp.errors.InputError` (one line) when the file
    is missing, not YAML, or has unknown keys.
    """
    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"gazetteer file not found: {p}", code="gazetteer") from None
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise InputError(f"{p}: not a YAML gazetteer ({type(e).__name__})", code="gazetteer") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{p}: a gazetteer is a mapping with keys such as 'bodies' and 'abbreviations'", code="gazetteer")
    unknown = set(data) - _USER_KEYS
    if unknown:
        raise InputError(f"{p}: unknown gazetteer keys {sorted(unknown)}; allowed: {sorted(_USER_KEYS)}", code="gazetteer")
    g = Gazetteer()  # a fresh copy: the cached package gazetteer stays untouched
    g.load(_read_resource("abbreviations.yaml"), "abbreviations.yaml")
    g.load(_read_resource("agencies.yaml"), "agencies.yaml")
    try:
        g.load(data, str(p))
    except (KeyError, TypeError, AttributeError) as e:
        raise InputError(f"{p}: malformed gazetteer entry ({e})", code="gazetteer") from None
    except ValueError as e:
        raise InputError(str(e), code="gazetteer") from None
    return g


# --------------------------------------------------------------------------
# tokens
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    keys: Key  # empty for punctuation; several for an expanded abbreviation
    cap: bool
    punct: bool


_PUNCT_INFO: tuple[Key, bool, bool] = ((), False, True)


def _token_info(t: str, g: "Gazetteer") -> tuple[Key, bool, bool]:
    """(keys, capitalised, punctuation) of one token text."""
    if not t[0].isalnum():
        return _PUNCT_INFO
    # abbreviations are written in capitals ("UBND", "LĐ-TB&XH", "NN&MT")
    exp = g.abbreviations.get(t.rstrip(".")) if (t.isupper() or "&" in t) else None
    if exp:
        return exp, t[0].isupper(), False
    k = match_key(t)
    return (tuple(k.split()) if k else ()), t[0].isupper(), False


def _tokenize(text: str, g: Gazetteer) -> list[_Tok]:
    cache = g.token_cache
    toks: list[_Tok] = []
    append = toks.append
    for m in _TOKEN_RE.finditer(text):
        t = m.group()
        info = cache.get(t)
        if info is None:
            info = _token_info(t, g)
            if len(cache) < _TOKEN_CACHE_SIZE:
                cache[t] = info
        s, e = m.span()
        append(_Tok(t, s, e, *info))
    return toks


class _Scanner:
    """The grammar over one text's tokens."""

    def __init__(self, text: str, g: Gazetteer):
        self.text = text
        self.g = g
        self.toks = _tokenize(text, g)
        # flat key stream (dashes between words are transparent)
        self.flat: list[tuple[str, int, bool]] = []
        self.flat_at: list[int] = []
        flat, flat_at = self.flat, self.flat_at
        for i, t in enumerate(self.toks):
            flat_at.append(len(flat))
            if t.punct:
                if t.text not in _DASHES:
                    flat.append(("\x00" + t.text, i, True))
                continue
            keys = t.keys
            if len(keys) == 1:
                flat.append((keys[0], i, True))
                continue
            last = len(keys) - 1
            for n, k in enumerate(keys):
                flat.append((k, i, n == last))
        flat_at.append(len(flat))
        # the key a trie walk from token i starts with (none for punctuation, which starts nothing)
        self.first = [flat[flat_at[i]][0] if not t.punct and flat_at[i] < len(flat) else _NO_KEY
                      for i, t in enumerate(self.toks)]
        self.n = len(self.toks)

    # ---- helpers --------------------------------------------------------

    def match(self, trie: _Trie, i: int) -> Optional[tuple[int, Any]]:
        """Longest entry of ``trie`` starting at token ``i``: (end token, value)."""
        if i >= self.n:
            return None
        node = trie.root.get(self.first[i])
        if node is None:  # most calls: no entry starts with this word
            return None
        flat = self.flat
        f = self.flat_at[i]
        _, ti, last = flat[f]
        best = (ti + 1, node[None]) if last and None in node else None
        f += 1
        n = len(flat)
        while f < n:
            key, ti, last = flat[f]
            node = node.get(key)
            if node is None:
                break
            if last and None in node:
                best = (ti + 1, node[None])
            f += 1
        return best

    def is_punct(self, i: int, chars: str) -> bool:
        return i < self.n and self.toks[i].punct and self.toks[i].text in chars

    def word(self, i: int) -> bool:
        return i < self.n and not self.toks[i].punct

    def det(self, i: int) -> int:
        m = self.match(self.g.determiners, i)
        return m[0] if m else i

    def starts_agency(self, i: int) -> bool:
        j = self.det(i)
        return bool(
            self.match(self.g.bodies, j) or self.match(self.g.generic, j) or self.match(self.g.classes, j)
            or (self.word(j) and self.toks[j].cap and self.match(self.g.free_heads, j))
            or self.match(self.g.heads, j)
        )

    def proper_name(self, i: int) -> int:
        """Capitalised words (a place name after a level: "tỉnh Thanh Hóa", "đặc khu Cồn Cỏ",
        "tỉnh Bà Rịa - Vũng Tàu")."""
        j = self._proper_name(i)
        while j > i and self.is_punct(j, "-–") and self.word(j + 1) and self.toks[j + 1].cap:
            k = self._proper_name(j + 1)
            if k == j + 1:
                break
            j = k
        return j

    def _proper_name(self, i: int) -> int:
        j = i
        while self.word(j) and self.toks[j].cap and not self.toks[j].text.isupper() or (
            self.word(j) and self.toks[j].text.isupper() and len(self.toks[j].text) <= 3 and j > i
        ):
            if j > i and self.starts_agency(j):
                break
            if j == i and (self.match(self.g.bodies, j) or self.match(self.g.free_heads, j) or self.match(self.g.heads, j)):
                break
            j += 1
        return j

    # ---- grammar --------------------------------------------------------

    def levels(self, i: int) -> int:
        """("các")? LEVEL Name? ((","|"/"|"và") ("các")? LEVEL Name?)*  ("UBND các xã/phường": one head, its levels);
        a head level (``head_levels``: "Ủy ban nhân dân các địa phương") only right after the head, never as a
        further level of the list ("Công an tỉnh, các địa phương" are two bodies)."""
        j = i
        first = True
        while True:
            k = j
            if not first:
                if self.is_punct(k, ",/") or (self.word(k) and self.toks[k].keys == ("và",)):
                    k += 1
                else:
                    break
            k2 = k
            if self.word(k2) and self.toks[k2].keys == ("các",):
                k2 += 1
            elif first and self.word(k2) and self.toks[k2].text.isdigit():
                k2 += 1  # a count for "các": "UBND 06 thành phố trực thuộc trung ương" is one head, its places
            m = self.match(self.g.levels, k2) or (self.match(self.g.head_levels, k2) if first else None)
            if not m:
                break
            if not first and self.toks[k2].cap and (b := self.match(self.g.bodies, k2)) and b[0] > m[0]:
                break  # ", Tỉnh Đoàn" / ", Thành ủy" start another body, not another level
            j = self.proper_name(m[0])
            if k2 > k and j > m[0]:
                j = self.more_places(j)  # "các tỉnh Nghệ An, Hà Tĩnh và Quảng Bình": one level, its named places
            first = False
        return j

    def province_after(self, j: int) -> int:
        """The end of a province or city name right after token ``j`` ("Thuế Đồng Nai"), else ``j``: a body of
        another kind that takes a place ("Thuế", "Bảo hiểm xã hội", "Kho bạc Nhà nước") takes it by a level
        ("tỉnh Đồng Nai") or by the bare name of a province, never another capitalised word."""
        end = self.proper_name(j)
        if end > j and _is_province(" ".join(t.text for t in self.toks[j:end])):
            return end
        return j

    def more_places(self, j: int) -> int:
        """After a plural level and its first place ("các tỉnh Nghệ An"), the further provinces or cities of
        the list (", Hà Tĩnh", "và Quảng Bình"); a body ("Sở Y tế") or a word that is no province ends it."""
        while self.is_punct(j, ",") or (self.word(j) and self.toks[j].keys == ("và",)):
            nxt = j + 1
            end = self.proper_name(nxt)
            if end == nxt or self.starts_agency(nxt) or not _is_province(" ".join(t.text for t in self.toks[nxt:end])):
                break
            j = end
        return j

    def numbered_level(self, i: int) -> int:
        """"khu vực XI", "khu vực 8": a level written with a number after it."""
        m = self.match(self.g.numbered_levels, i)
        if m and self.word(m[0]) and _NUMERAL.fullmatch(self.toks[m[0]].text):
            return m[0] + 1
        return i

    def qualifiers(self, i: int, *, levels: bool = True) -> int:
        j = i
        while True:
            if levels:
                k = max(self.levels(j), self.numbered_level(j))
                if k > j:
                    j = k
                    continue
            m = self.match(self.g.qualifiers, j)
            if not m:
                break
            end, _ = m
            key = tuple(k for t in self.toks[j:end] for k in t.keys)
            if key in self.g.qualifiers_open:
                # "các đơn vị chủ quản | chỉ đạo …": a qualifier that takes an object is complete before a verb
                verb_next = key in self.g.qualifiers_open_object and self.match(self.g.stop, end)
                stop = None if verb_next else self.open_run(end, objects=key in self.g.qualifiers_open_object)
                if stop is None:
                    # "Các cơ quan, đơn vị được giao chủ trì có trách nhiệm …": the qualifier is complete
                    if end >= len(self.toks) or self.toks[end].punct or self.match(self.g.open_stop, end) or verb_next:
                        j = end
                    break
                j = stop
                break
            if key in self.g.qualifiers_taking_level:
                # "chi nhánh tỉnh", "chi nhánh khu vực 14": the branch only with its level or place
                k = max(self.levels(end), self.numbered_level(end), self.proper_name(end))
                if k == end:
                    break
                j = k
                continue
            if key in self.g.qualifiers_taking_body:
                inner = self.body(end, allow_heads=False)
                if inner:
                    j = inner[0]
                    continue
                lv = self.levels(end)
                if lv > end:
                    j = lv
                    continue
                gm = self.match(self.g.generic, end) if end < len(self.toks) and self.toks[end].cap else None
                if gm and (gm[0] >= len(self.toks) or self.toks[gm[0]].punct or not self.toks[gm[0]].cap):
                    # "các phòng chuyên môn thuộc Sở", "các đơn vị trực thuộc Bộ": a capitalised generic
                    # head names the issuing body itself (bound17)
                    j = gm[0]
                    continue
                # bare "trực thuộc" closing the phrase ("đảng ủy trực thuộc")
                if end >= len(self.toks) or self.toks[end].punct or self.match(self.g.stop, end):
                    j = end
                break
            if key and key[0] == "trên":
                # "trên địa bàn" + place
                k = self.levels(end)
                j = self.proper_name(k) if k > end else self.proper_name(end)
                if j == end and key == ("trên", "địa", "bàn"):
                    break
                continue
            j = end
        return j

    def verb_list_after(self, i: int) -> bool:
        """Does a list of verbs go on at token ``i`` (", kiểm tra", "và giám sát")? A bare body name that is also a
        verb ("Thanh tra, kiểm tra, giám sát …") is then the first verb of the list, not a body."""
        if i >= len(self.toks) or not (self.is_punct(i, ",") or self.toks[i].keys == ("và",)):
            return False
        return bool(self.match(self.g.stop, i + 1))

    def open_run(self, i: int, objects: bool = False) -> Optional[int]:
        """End of an open qualifier ("được giao nhiệm vụ Chủ đầu tư …") before a stop word or punctuation;
        with ``objects`` (a qualifier that takes only its object: "chủ quản Chương trình MTQG | tổ chức …")
        also before a lower-case name stop word, the body's work, unless an aspect word opened a clause on
        the object ("chủ quản các dự án đang triển khai thi công | tiếp tục …")."""
        j = i
        limit = i + 14
        while j < len(self.toks) and j < limit:
            t = self.toks[j]
            if t.punct and t.text not in _DASHES:
                return j if j > i else None
            ref_noun = self.match(self.g.open_references, j) if objects else None
            if ref_noun:
                # "Chương trình", "Kế hoạch": a named object, its "trình" no verb
                j = ref_noun[0]
                continue
            if objects and j > i and self.match(self.g.object_clause_words, j):
                objects = False
            elif objects and j > i and not t.cap and self.match(self.g.stop, j):
                return j
            if self.match(self.g.open_stop, j):
                return j if j > i else None
            ref = self.reference_end(j) if j > i else None
            if ref is not None:
                return ref
            j += 1
        return j if j >= len(self.toks) and j > i else None

    def reference_end(self, j: int) -> Optional[int]:
        """End of a capitalised reference to a document or its part at ``j`` ("Kế hoạch", "Điều này") when
        a lower-case word of work follows it (a name stop word: "lập", "định kỳ", "xây dựng") that does not
        carry the reference on ("số", "và"): an open qualifier ends there. A title after the reference
        ("Chương trình mục tiêu quốc gia …") does not end it."""
        if not (self.word(j) and self.toks[j].cap):
            return None
        m = self.match(self.g.open_references, j)
        if not m:
            return None
        end = m[0]
        tail = self.match(self.g.open_reference_tails, end)
        end = tail[0] if tail else end
        if not self.word(end) or self.toks[end].cap or self.match(self.g.open_reference_goes_on, end):
            return None
        return end if self.match(self.g.stop, end) else None

    def _repeats_name_noun(self, i: int, comma: int) -> bool:
        """After the comma at ``comma``, a word that repeats a capitalised noun of the name begun at ``i``
        ("các Khu công nghiệp, khu kinh tế") coordinates inside the name."""
        n = comma + 1
        if not self.word(n) or self.toks[n].cap or self.match(self.g.stop, n):
            return False
        return any(self.toks[k].cap and self.toks[k].keys == self.toks[n].keys for k in range(i, comma))

    def _name_goes_on(self, j: int) -> bool:
        """After "và" inside a free name: a word that starts no body and is no stop word, or one
        written with a capital ("Trung tâm Xúc tiến Thương mại và Đầu tư": a capital inside a
        sentence marks a part of the name, even on a word that is a verb elsewhere)."""
        if not self.word(j) or self.starts_agency(j):
            return False
        return self.toks[j].cap or not self.match(self.g.stop, j)

    def free_name(self, i: int, lower_start: bool = False) -> int:
        """A name after a free head: capitalised words and lower-case non-stop words."""
        if not self.word(i):
            return i
        if not (self.toks[i].cap or lower_start):
            return i
        if not self.toks[i].cap and self.match(self.g.stop, i):
            return i
        j = i
        limit = i + 12
        last_good = i
        while j < len(self.toks) and j < limit:
            t = self.toks[j]
            if t.punct:
                if t.text in _DASHES and self.word(j + 1) and self.toks[j + 1].cap:
                    j += 1
                    continue
                if t.text == "," and self._repeats_name_noun(i, j):
                    j += 1  # "Ban Quản lý các Khu công nghiệp, khu kinh tế": the name's noun again
                    continue
                break
            if j > i and not t.cap and self.match(self.g.stop, j):
                if t.keys == ("và",) and self._name_goes_on(j + 1):
                    j += 1
                    continue
                break
            if j > i and t.cap and self.starts_agency(j) and not self.match(self.g.levels, j):
                break
            j += 1
            last_good = j
        # do not end on a determiner
        while last_good > i and self.toks[last_good - 1].keys in (("các",), ("những",)):
            last_good -= 1
        if not lower_start:
            # a name ends on a capitalised word or a level ("… Việt Nam", "… tỉnh"): a lower-case
            # tail is the rest of the clause ("Tập đoàn Điện lực Việt Nam đầu tư …")
            def ends_well(k: int) -> bool:
                t = self.toks[k - 1]
                if t.cap or t.punct:
                    return True
                return any((m := self.match(self.g.levels, s)) and m[0] == k for s in (k - 1, k - 2) if s >= i)

            k = last_good
            while k > i and not ends_well(k):
                k -= 1
            if k > i and k < last_good and not (k - 2 >= i and self.toks[k - 1].cap and self.toks[k - 2].cap):
                # lower-case words after a name part ("Phòng Giáo dục phổ thông", "Quân đội") belong to
                # the name; after a proper name in capitals ("… Việt Nam đầu tư") they do not
                k = last_good
            last_good = k if k > i else last_good
        return last_good

    def body(self, i: int, *, allow_heads: bool = True) -> Optional[tuple[int, str, str]]:
        """Parse a body at token ``i``: (end, type, rule)."""
        if not self.word(i):
            return None
        cands: list[tuple[int, str, str]] = []
        t = self.toks[i]
        # named bodies and party wrappers
        m = self.match(self.g.bodies, i)
        if m and (t.cap or t.text.isupper()):
            end, info = m
            typ, rule = info["type"], "body:" + info["name"]
            if info.get("free"):
                end = self.free_name(end) if self.word(end) and self.toks[end].cap else end
            if info["wraps"]:
                inner = self.body(end, allow_heads=False)
                if not inner and self.det(end) > end:
                    # "Đảng ủy các cơ quan Đảng tỉnh", "Ban Thường vụ các huyện ủy"
                    inner = self.group(end)
                if inner:
                    cands.append((inner[0], typ, rule + "+" + inner[2]))
                q = self.qualifiers(end) if info["qualify"] else end
                if q > end or not info["needs_inner"]:
                    cands.append((q, typ, rule))
            else:
                q = self.qualifiers(end) if info["qualify"] else end
                if q == end and info["qualify"] and typ in ("party", "ubnd", "hdnd", "police_military", "mass_org"):
                    q = self.proper_name(end)  # "Thành ủy Nha Trang", "Công an Hà Nội"
                elif q == end and info["qualify"]:
                    q = self.province_after(end)  # "Thuế Đồng Nai", "Bảo hiểm xã hội Hà Nội": only a province
                if not (info["verb"] and q == end and self.verb_list_after(end)):
                    cands.append((q, typ, rule))
        # "Sở"/"Bộ" + department
        if t.keys in (("sở",), ("bộ",)):
            if self.is_punct(i + 1, ":"):
                d = self.match(self.g.departments, i + 2)
                if d:
                    cands.append((d[0], "so" if t.keys == ("sở",) else "central", "dept_list"))
            d = self.match(self.g.departments, i + 1)
            if d and (t.cap or self.toks[i + 1].cap):
                plural_place = self.word(d[0]) and self.toks[d[0]].keys == ("các",) and self.match(self.g.levels, d[0] + 1)
                q = d[0] if t.keys == ("bộ",) and plural_place else self.qualifiers(d[0])
                # a ministry serves no list of provinces: "Bộ Quốc phòng | các tỉnh Ninh Bình, Hưng Yên …"
                cands.append((q, "so" if t.keys == ("sở",) else "central", "department"))
        # free heads ("Trung tâm …", "Tập đoàn …")
        fh = self.match(self.g.free_heads, i)
        if fh and any(c[2] in ("department", "dept_list") for c in cands):
            fh = None  # "Sở Xây dựng hoàn thành …": a known department ends the name
        if fh and m and not m[1].get("free") and m[0] >= fh[0]:
            fh = None  # a named body ("Hội Nông dân") wins over a free name after its head ("Hội …")
        if fh and t.cap and not (len(t.text) > 1 and t.text.isupper() and t.text not in self.g.abbreviations):
            # an all-capitals word is a heading ("BÁO CÁO", "XÃ HỘI CHỦ NGHĨA"), not a head noun
            end, info = fh
            if self.is_punct(end, ":"):
                n = self.free_name(end + 1)
                if n > end + 1:
                    cands.append((n, info["type"], "free_list"))
            n = self.free_name(end, info.get("lower_start", False))
            if n > end:
                cands.append((n, info["type"], "free_head"))
        if t.keys == ("các",) and (clause_start_at(self, i) or self.is_punct(i - 1, ",") or (
                i > 0 and self.toks[i - 1].keys == ("và",)) or self._ends_ministry(i)):
            lv = self.match(self.g.levels, i + 1)
            end = self.levels(i) if lv else i
            if lv and end > lv[0] and _is_province(" ".join(x.text for x in self.toks[lv[0]:self.proper_name(lv[0])])):
                cands.append((end, "ubnd", "localities"))  # "Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương …"
        if t.cap and t.keys in (("tỉnh",), ("thành", "phố")) or (t.cap and t.keys == ("thành",) and self.word(i + 1) and self.toks[i + 1].keys == ("phố",)):
            end = i + 1 if t.keys == ("tỉnh",) or len(t.keys) == 2 else i + 2
            prev = self.toks[i - 1] if i > 0 else None
            clause_start = clause_start_at(self, i)  # also after a list marker: "b) Thành phố Hà Nội và …"
            name_end = self.proper_name(end)
            if clause_start and name_end > end:
                cands.append((name_end, "ubnd", "locality"))
            elif prev is not None and prev.keys in (("với",), ("giữa",), ("cùng",)) and not (self.word(end) and self.toks[end].cap):
                cands.append((end, "ubnd", "locality"))
        if t.cap and (clause_start_at(self, i) or self.is_punct(i - 1, ",")) and not self.match(self.g.bodies, i):
            # a province acting by name at the start of a clause: "Thanh Hóa cần tiếp tục …"
            n = self._proper_name(i)
            if n - i >= 2 and self.match(self.g.province_verbs, n) and _is_province(self.text[self.toks[i].start:self.toks[n - 1].end]):
                cands.append((n, "ubnd", "province"))
        n = self._addressed_province(i)
        if n:
            cands.append((n, "ubnd", "province"))
        if allow_heads:
            h = self.match(self.g.heads, i)
            if h and not (t.cap or self.match(self.g.standalone_heads, i) or h[0] - i >= 2):
                h = None  # "trưởng" inside "Bộ trưởng", "Cục trưởng" (a two-word head may be written in lower case)
            if h:
                k = self.det(h[0])
                inner = self.body(k, allow_heads=False) or self.group(h[0], after_head=True)
                if inner:
                    cands.append((inner[0], "head", "head+" + inner[2]))
                elif self.match(self.g.standalone_heads, i) or self._heads_listed(h[0]):
                    cands.append((h[0], "head", "head"))
        if not cands:
            return None
        return max(cands, key=lambda c: c[0])

    def _addressed_province(self, i: int) -> int:
        """The end of "tỉnh Đắk Lắk" / "thành phố Cần Thơ" written in lower case as the subject of a clause
        that a conclusion notice addresses to the province ("Tuy nhiên, …, tỉnh Đắk Lắk cần tiếp tục có những
        giải pháp …", "Để …, tỉnh Đắk Lắk cần tiếp tục thực hiện …"), else 0: after a comma or at a clause start,
        the level, a province name and one of ``province_verbs`` ("cần", "phải", "tiếp tục" …). "của tỉnh Đắk
        Lắk" or "tỉnh Đắk Lắk đã đạt được …" (no verb of duty) are no actor."""
        t = self.toks[i]
        if t.cap:
            return 0
        if t.keys in (("tỉnh",), ("thành", "phố")):
            end = i + 1
        elif t.keys == ("thành",) and self.word(i + 1) and self.toks[i + 1].keys == ("phố",):
            end = i + 2
        else:
            return 0
        if not (clause_start_at(self, i) or self.is_punct(i - 1, ",")):
            return 0  # the level's own test first: it is cheap and rarely true, the clause test is not
        n = self.proper_name(end)
        if n == end or not _is_province(self.text[self.toks[end].start:self.toks[n - 1].end]):
            return 0
        return n if self.match(self.g.province_verbs, n) else 0

    def _heads_listed(self, j: int) -> bool:
        """Does another head follow a head that names no body ("Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ,
        …, Chủ tịch Ủy ban nhân dân các tỉnh": the heads of a list addressed together)? Then the head stands alone."""
        if self.is_punct(j, ","):
            j += 1
        elif self.word(j) and self.toks[j].keys == ("và",):
            j += 1
        else:
            return False
        return self.word(j) and self.toks[j].cap and bool(self.match(self.g.heads, j))

    def modifier(self, i: int, partner: bool = False) -> Optional[tuple[int, Any]]:
        """A modifier after a generic or class noun ("chức năng", "chủ trì"); a role word ("phối hợp", "chủ trì",
        "tham mưu") followed by its partner or the body it advises ("lực lượng Công an phối hợp với Sở Y tế", "các
        sở, ngành tham mưu cho UBND tỉnh"), or by the work it does ("phối hợp thực hiện", ``role_verb_objects``),
        is the verb, not a modifier; not so for a ``partner`` group ("phối hợp với cơ quan chủ trì thực hiện …")."""
        mm = self.match(self.g.modifiers, i)
        role = tuple(k for t in self.toks[i:mm[0]] for k in t.keys) if mm else None
        if not mm or role not in self.g.role_modifiers:
            return mm
        nxt = mm[0]
        verbs = self.g.role_verb_objects.get(role)
        if self.word(nxt) and (self.toks[nxt].keys in (("với",), ("cùng",), ("chặt",), ("cho",)) or self.starts_agency(nxt)
                               or (not partner and verbs is not None and self.match(verbs, nxt))):
            return None  # "các cơ quan, đơn vị phối hợp thực hiện các hoạt động sau": the verb and the work
        return mm

    def _verb_noun(self, i: int, end: int) -> bool:
        """A generic noun that is also a verb ("tổ chức"), at a clause start, before a word that is not
        one of the modifiers that keep it a body."""
        keep = self.g.verb_nouns.get(tuple(k for t in self.toks[i:end] for k in t.keys))
        if keep is None or not clause_start_at(self, i) or not self.word(end):
            return False
        mm = self.modifier(end)
        return not (mm and tuple(k for t in self.toks[end:mm[0]] for k in t.keys) in keep)

    def _compound_free(self, i: int) -> bool:
        """True when token ``i`` does not continue a word before it ("xã hội", "Đại hội", "cơ hội")."""
        return i == 0 or self.toks[i - 1].punct or bool(self.match(self.g.group_openers, i - 1)) or (
            i >= 2 and bool(self.match(self.g.group_openers, i - 2)) and self.match(self.g.group_openers, i - 2)[0] == i
        )

    def _common_compound(self, i: int) -> bool:
        """A generic noun at ``i`` that opens a common noun (``generic_compounds``: "bộ máy", "hội nghị")."""
        cm = self.match(self.g.compounds, i)
        gm = self.match(self.g.generic, i)
        return bool(cm and gm and cm[0] > gm[0])

    def _adjoins(self, k: int) -> bool:
        """The group's last noun, before ``k``, is one after which a generic noun goes on without a comma."""
        keys = tuple(key for t in self.toks[max(0, k - 2):k] for key in t.keys)
        return any(keys[-len(w):] == w for w in self.g.adjoining_after)

    def group(self, i: int, lone_ok: bool = False, after_head: bool = False) -> Optional[tuple[int, str, str]]:
        """A generic group ("các sở, ban, ngành tỉnh") or a class noun ("Các huyện ủy"); after a person head
        ("người đứng đầu cấp ủy", "thủ trưởng cơ quan, đơn vị") the noun needs no determiner."""
        j = self.det(i)
        has_det = j > i or after_head
        partner = i > 0 and self.word(i - 1) and self.toks[i - 1].keys in self.g.role_name_after
        c = self.match(self.g.classes, j)
        gm = self.match(self.g.generic, j)
        if gm and not has_det and not self._compound_free(i):
            gm = None  # "xã hội", "Đại hội Đảng", "cơ hội": a generic noun inside a compound
        if gm and not has_det and self._verb_noun(i, gm[0]):
            gm = None  # "Tổ chức truyền thông …" at a clause start: the verb and its object
        if gm and self._common_compound(j):
            gm = None  # "bộ máy", "hội nghị", "các ngành, lĩnh vực": a common noun, not a body
        cands: list[tuple[int, str, str]] = []
        if c and (has_det or self._compound_free(i)):
            end, info = c
            if info.get("free"):
                while self.word(end) and self.toks[end].cap:
                    end += 1
            mm = self.modifier(end, partner)
            if mm:
                end = mm[0]
            elif after_head:
                end = self.head_objects(end)
            cands.append((self.qualifiers(end), info["type"], "class"))
        if gm:
            end = gm[0]
            mm = self.modifier(end, partner)
            if mm:
                q = mm[0]
                mkey = tuple(k for t in self.toks[end:q] for k in t.keys)
                if any(mkey[-len(w):] == w for w in self.g.modifiers_taking_body if w):
                    inner = self.body(q, allow_heads=False)
                    if inner:
                        q = inner[0]
                q = self.qualifiers(q)
                cands.append((q, "group", "group_modified"))
            else:
                items = 1
                while True:
                    k = end
                    adj = self.match(self.g.adjoining, k) if self.word(k) else None
                    if adj and not self._common_compound(k) and self._adjoins(k):
                        end = adj[0]  # "các bộ ngành", "các sở ngành tỉnh": the next noun without a comma
                        items += 1
                        continue
                    if self.is_punct(k, ",") or (self.word(k) and self.toks[k].keys in (("và",), ("hoặc",))):
                        k2 = self.det(k + 1)
                        if k2 > k + 1 and items >= 3:
                            break  # "các sở, ban, ngành, các Tổng công ty …": a new group starts
                        if self._common_compound(k2):
                            return None  # "Tổ chức, bộ máy": a list of topics, not of bodies
                        nxt = self.match(self.g.generic, k2)
                        if nxt and not self.match(self.g.classes, k2) or (nxt and self.match(self.g.classes, k2)[0] <= nxt[0]):
                            end = nxt[0]
                            items += 1
                            mm = self.modifier(end, partner)
                            if mm:
                                end = mm[0]
                                break
                            continue
                    break
                q = self.member_list_name(self.qualifiers(end))
                # a lone generic noun without determiner, list or qualifier is a common noun
                # ("tổ chức thực hiện", "địa phương"), not an agency -- unless it fills a
                # table cell or a list slot on its own ("| Doanh nghiệp |", "Doanh nghiệp viễn thông, tổ chức")
                alone = end >= len(self.toks) or self.is_punct(end, "|;\n") or self.text[self.toks[end - 1].end:self.toks[end].start].count("\n") > 0
                cell_start = i > 0 and self.is_punct(i - 1, "|") or (
                    # "Doanh nghiệp, nhà cung cấp dịch vụ, nhà đầu tư …": the first item of a list of bodies
                    clause_start_at(self, i) and self.is_punct(end, ",") and self.starts_agency(end + 1))
                if has_det or items > 1 or q > end or alone or ((lone_ok or cell_start) and (self.is_punct(end, ",.") or (lone_ok and bool(self.match(self.g.stop, end))))):
                    if has_det or items > 1 or q > end or self._compound_free(i):
                        cands.append((q, "group", "group"))
        if not cands:
            return None
        return max(cands, key=lambda c: c[0])

    def after_opener(self, i: int) -> bool:
        """Does a partner opener ("phối hợp với", "phối hợp chặt chẽ") end just before token ``i``?"""
        keys: Key = ()
        for k in range(i - 1, max(-1, i - 6), -1):
            if self.toks[k].punct:
                return False
            keys = self.toks[k].keys + keys
            if keys in self.g.partner_openers:
                return True
        return False

    def partner(self, i: int) -> Optional[tuple[int, str, str]]:
        """In the partner slot: a bare generic or class noun and the words that name it, up to the slot's
        end ("phối hợp với doanh nghiệp đồng hành để …", "phối hợp lực lượng xung kích hỗ trợ …"). The run
        must close on punctuation or a name stop word within PARTNER_WORDS words; a qualifier, level or
        modifier leaves the phrase to :meth:`group`; a noun that is also a verb ("tổ chức") needs its
        modifier."""
        j = self.det(i)
        c = self.match(self.g.classes, j)
        m = c or self.match(self.g.generic, j)
        if not m or self._common_compound(j) or tuple(k for t in self.toks[j:m[0]] for k in t.keys) in self.g.verb_nouns:
            return None
        typ = c[1]["type"] if c else "group"
        end = m[0]
        for k in range(end, end + PARTNER_WORDS + 1):
            if k >= self.n or self.toks[k].punct or self._partner_stop(k):
                return (k, typ, "partner") if k > end or c is None else None
            if (self.det(k) > k or self.match(self.g.qualifiers, k) or self.match(self.g.levels, k)
                    or self.modifier(k)):
                return None
        return None

    def _partner_stop(self, k: int) -> bool:
        """A name stop word ends a partner's name, except a ``partner_name_words`` word not followed by a
        number ("doanh nghiệp phát triển hạ tầng số" goes on; "số 49/…" stops)."""
        if not (self.match(self.g.stop, k) or self.match(self.g.open_stop, k)):
            return False
        return not (self.toks[k].keys in self.g.partner_name_words
                    and not (k + 1 < self.n and self.toks[k + 1].text[:1].isdigit()))

    def head_objects(self, end: int) -> int:
        """"Người đứng đầu cấp ủy, chính quyền, cơ quan, tổ chức": after a person head, bare class or generic
        nouns coordinated with "," or "và" are the head's one modifier (no determiner, no capital)."""
        while self.is_punct(end, ",") or (self.word(end) and self.toks[end].keys == ("và",)):
            k = end + 1
            if not self.word(k) or self.toks[k].cap or self.det(k) > k or self._common_compound(k):
                break
            nxt = self.match(self.g.classes, k) or self.match(self.g.generic, k)
            if not nxt:
                break
            end = nxt[0]
        return end

    def member_list_name(self, i: int) -> int:
        """"Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý …)": a few words naming the class before a
        bracketed list of its members belong to the group's name."""
        j = i
        while j < len(self.toks) and j - i < 6 and self.word(j) and not self.toks[j].cap:
            j += 1
        if j == i or not self.is_punct(j, "(") or not self.starts_agency(j + 1):
            return i
        return j

    def _plain_group_list(self, i: int, end: int) -> bool:
        """Does ``[i, end)`` list several group nouns ("Các sở, ban, ngành") with no role word among them?"""
        commas = sum(1 for t in self.toks[i:end] if t.punct and t.text == ",")
        roles = any(self.match(self.g.modifiers, k) and tuple(x for t in self.toks[k:self.match(self.g.modifiers, k)[0]]
                                                              for x in t.keys) in self.g.role_modifiers
                    for k in range(i, end))
        return commas >= 1 and not roles

    def _label_tail(self, i: int) -> int:
        """Past the words that may end a label ("Đơn vị chủ trì tham mưu thực hiện:")."""
        m = self.match(self.g.label_tails, i)
        return m[0] if m else i

    def bare_list_item(self, i: int, prev_rule: str) -> Optional[tuple[int, str, str]]:
        """After "các Sở: A" or "Sở A, B": a bare department or free name B."""
        if prev_rule in ("dept_list", "department"):
            d = self.match(self.g.departments, i)
            if d:
                return (d[0], "so", "dept_item")
            if prev_rule == "dept_list" and self.word(i) and self.toks[i].cap:
                n = self.free_name(i)
                if n > i:
                    return (n, "so", "dept_item")
        if prev_rule == "free_list" and self.word(i) and self.toks[i].cap:
            n = self.free_name(i)
            if n > i:
                return (n, "other", "free_item")
        return None

    def listed_acronym(self, i: int, prev_end: int, prev_rule: str, prev_type: str) -> Optional[tuple[int, str, str]]:
        """"Tập đoàn FPT, CMC", "Tổng công ty VEC và ACV": after an enterprise named by its head, a bare upper-case
        acronym joined by "," or "và" is a further enterprise of the same list (the head is shared, as in "các Tập
        đoàn: A, B"). Only an acronym the abbreviation list does not expand ("CSDL", "UBND" are words), only where
        the list ends or a lower-case word follows ("KH-UBND" goes on with "-"), only after such a name."""
        if (prev_type not in self.g.acronym_list_types or prev_rule not in ("free_head", "acronym_item")
                or not self._joined(prev_end, i)):
            return None
        t = self.toks[i]
        word = t.text
        if not (word.isalpha() and word.isupper() and 2 <= len(word) <= 8) or word in self.g.abbreviations:
            return None
        nxt = self.toks[i + 1] if i + 1 < len(self.toks) else None
        if nxt is not None and not ((nxt.punct and nxt.text in ",;.)\n|") or (not nxt.punct and not nxt.cap)):
            return None
        return (i + 1, prev_type, "acronym_item")

    def start_keys(self) -> frozenset[str]:
        """The first words an agency can begin with: what a lower-case token must be for
        :meth:`body`, :meth:`group` or a determiner before them to find anything at it."""
        g = self.g
        keys: set[str] = {"sở", "bộ", "tỉnh", "thành"}
        for trie in (g.bodies, g.free_heads, g.heads, g.determiners, g.classes, g.generic):
            keys.update(k for k in trie.root if k is not None)
        return frozenset(keys)

    def _ends_ministry(self, i: int) -> bool:
        """Does a ministry's name ("Bộ" + department) end right before token ``i``?"""
        for k in range(max(0, i - 7), i - 1):
            if self.toks[k].keys == ("bộ",) and (d := self.match(self.g.departments, k + 1)) and d[0] == i:
                return True
        return False

    def plural_head(self, k: int) -> Optional[tuple[int, str, str]]:
        """After a determiner, a person head with no body after it names the holders of the office:
        "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ", "các đồng chí Chủ tịch" (not "các Bộ")."""
        h = self.match(self.g.heads, k)
        if h and self.toks[k].cap and h[0] - k >= 2:
            return (h[0], "head", "head")
        return None

    def _joined(self, prev_end: int, i: int) -> bool:
        """Are tokens ``prev_end``..``i`` only a "," or "và" between two list members?"""
        gap = self.toks[prev_end:i] if prev_end >= 0 else []
        return len(gap) == 1 and (self.is_punct(prev_end, ",") or gap[0].keys == ("và",))

    def scan(self) -> list[tuple[int, int, str, str]]:
        out: list[tuple[int, int, str, str]] = []
        i = 0
        n = len(self.toks)
        prev_end, prev_rule, prev_type, prev_slot = -1, "", "other", False
        starts = self.start_keys()
        lists = ("dept_list", "department", "free_list", "dept_item", "free_item")
        while i < n:
            t = self.toks[i]
            if t.punct or (not t.cap and t.keys and t.keys[0] not in starts
                           and not (prev_end >= 0 and prev_rule in lists)):
                i += 1  # no rule can start on this word (start_keys); nothing to try
                continue
            item = None
            if prev_end >= 0 and prev_rule in lists:
                gap = self.toks[prev_end:i]
                if all(g.punct and g.text == "," or (not g.punct and g.keys == ("và",)) for g in gap) and gap:
                    rule = {"dept_item": "dept_list", "free_item": "free_list"}.get(prev_rule, prev_rule)
                    item = self.bare_list_item(i, rule)
                    if item:
                        item = (item[0], prev_type, item[2])
            after_mention = prev_end >= 0 and i == prev_end + 1 and self.is_punct(prev_end, ",")
            cands = [c for c in (self.body(i), self.group(i, lone_ok=after_mention)) if c]
            k = self.det(i)
            if k > i:
                # "các Tập đoàn: …", "các lực lượng Công an", "các đồng chí Bí thư cấp ủy": the determiner
                # stays in the name
                inner = self.body(k, allow_heads=True) or self.plural_head(k)
                if inner:
                    cands.append(inner)
            if item:
                cands.append(item)
            acronym = self.listed_acronym(i, prev_end, prev_rule, prev_type)
            if acronym:
                cands.append(acronym)
            in_slot = self.after_opener(i) or (prev_slot and self._joined(prev_end, i))
            if in_slot and not cands:
                # only where no other rule reads a body: a name found another way is kept as it is
                slot = self.partner(i)
                if slot:
                    cands.append(slot)
            if not cands:
                i += 1
                continue
            end, typ, rule = max(cands, key=lambda c: c[0])
            if rule in ("group", "group_modified") and self.is_punct(self._label_tail(end), ":") and (
                i == 0 or self.is_punct(i - 1, "\n|")
            ) and self.toks[i].cap and not self._plain_group_list(i, end):
                # "Cơ quan chủ trì:", "Đơn vị phối hợp:" open a labelled block; they name no body ("Các sở, ban,
                # ngành, địa phương:" names bodies: a list of plain group nouns, no role word)
                i = end
                continue
            # trim trailing punctuation/determiners
            while end > i and (self.toks[end - 1].punct or self.toks[end - 1].keys in (("các",), ("và",), ("của",))):
                end -= 1
            if end <= i:
                i += 1
                continue
            if self._owner_place(i, end):
                i = end  # "các thành phố trực thuộc Trung ương": the level a place belongs to, no body
                continue
            out.append((i, end, typ, rule))
            prev_end, prev_rule, prev_type, prev_slot = end, rule, typ, in_slot
            i = end
        return self._merge_group_lists(out)

    def _owner_place(self, i: int, end: int) -> bool:
        """Is the mention ``toks[i:end]`` a bare level (``levels``: "Trung ương") right after a word that takes a
        body as owner ("trực thuộc", ``qualifiers_taking_body``) with no body before it? "Các thành phố trực
        thuộc Trung ương", "các tỉnh, thành phố trực thuộc Trung ương" name the places, not the central bodies;
        after a body the qualifier is read with it ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương")."""
        lv = self.match(self.g.levels, i)
        if not lv or lv[0] != end:
            return False
        return any(i - len(q) >= 0 and tuple(k for t in self.toks[i - len(q):i] for k in t.keys) == q
                   for q in self.g.qualifiers_taking_body)

    def _merge_group_lists(self, found: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """Generic groups listed together and closed by a catch-all group ("các sở, ban, ngành, đoàn thể Thành
        phố và các đơn vị có liên quan", "các sở, ban, ngành Thành phố, các cơ quan, tổ chức khác có liên
        quan"; ``catch_all_tails``) are ONE agency, as one group is. A list that also names a body ("Sở Y tế,
        các sở, ban, ngành và các đơn vị liên quan"), holds a group with a modifier ("các doanh nghiệp viễn
        thông") or ends on a group of its own ("các sở, ban, ngành, các Tổng công ty, công ty") stays apart."""
        out: list[tuple[int, int, str, str]] = []
        k = 0
        while k < len(found):
            j = k
            while j + 1 < len(found) and self._joined(found[j][1], found[j + 1][0]):
                j += 1
            run = found[k:j + 1]
            if len(run) > 1 and all(r[3] == "group" for r in run) and self._catch_all_end(run[-1][1]):
                out.append((run[0][0], run[-1][1], "group", "group"))
            else:
                out.extend(run)
            k = j + 1
        return out

    def _catch_all_end(self, end: int) -> bool:
        """Does the mention ending before token ``end`` close on a catch-all tail ("có liên quan", "khác")?"""
        keys: Key = ()
        for t in reversed(self.toks[max(0, end - 4):end]):
            keys = t.keys + keys
            if keys in self.g.catch_all_tails:
                return True
        return False

def clause_start_at(sc: "_Scanner", i: int) -> bool:
    """True when token ``i`` opens a line, a cell, a list item or a sentence."""
    if i == 0:
        return True
    prev = sc.toks[i - 1]
    if prev.punct and prev.text in "\n|;:.":
        return True
    # after a list marker at the start of a line ("1.", "a)", "-")
    k = i - 1
    while k >= 0 and (sc.toks[k].punct and sc.toks[k].text in ".)-–+•" or sc.toks[k].text.isdigit() or len(sc.toks[k].text) == 1):
        k -= 1
        if k < 0 or sc.toks[k].text == "\n":
            return True
    return False


@lru_cache(maxsize=4096)
def starts_common_noun(text: str, *, gazetteer: Optional[Gazetteer] = None) -> bool:
    """Does ``text`` open with a common noun made on a generic noun ("bộ máy", "hội nghị"; ``generic_compounds``)?"""
    sc = _Scanner(text, gazetteer or default_gazetteer())
    j = sc.det(0) if sc.toks else 0
    return bool(sc.toks) and sc._common_compound(j)


def _is_province(name: str) -> bool:
    """A province or city name ("Thanh Hóa", "Hà Nội"; :mod:`directive_nlp.provinces`)."""
    from .provinces import canonical_province

    try:
        return canonical_province(name) is not None
    except Exception:  # pragma: no cover
        return False


# --------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------


def find_agencies(text: str, *, gazetteer: Optional[Gazetteer] = None) -> list[AgencyMention]:
    """Find agency names in ``text``.

    Args:
        text: normalised text (NFC), a sentence or a whole document.
        gazetteer: vocabulary to use (default: the package gazetteer; see
            :func:`load_user_gazetteer` to add bodies and abbreviations).

    Returns:
        Mentions in text order with ``text[m.start:m.end] == m.name``, a
        canonical name, a coarse type and the rule that matched.

    >>> [m.name for m in find_agencies("Sở Y tế, Sở Tài chính và các cơ quan liên quan")]
    ['Sở Y tế', 'Sở Tài chính', 'các cơ quan liên quan']
    """
    if not text:
        return []
    g = gazetteer or default_gazetteer()
    work, back = _nfc_view(text)
    sc = _Scanner(work, g)
    out = []
    for i, j, typ, rule in sc.scan():
        s, e = back(sc.toks[i].start, sc.toks[j - 1].end)
        name = text[s:e]
        out.append(AgencyMention(start=s, end=e, name=name, canonical=canonical(name, gazetteer=g), type=typ, rule=rule))
    return out


def _nfc_view(text: str):
    """The text to match on (NFC, underthesea's character map) and a map of spans back.

    Normalised input (the project's contract) passes through unchanged; other
    input (NFD, "ð", zero-width characters) is matched in normal form and the
    spans are mapped back, so ``text[m.start:m.end]`` is still the name as written.
    """
    from .normalize import _nfc_with_map, is_clean

    if is_clean(text):  # the pipeline's text is normalised once, by the reader
        return text, lambda s, e: (s, e)
    work, omap = _nfc_with_map(text)
    if work == text:
        return text, lambda s, e: (s, e)

    def back(s: int, e: int) -> tuple[int, int]:
        return omap[s], (omap[e] if e < len(omap) else len(text))

    return work, back


def canonical(name: str, *, gazetteer: Optional[Gazetteer] = None) -> str:
    """The canonical form of an agency name (``docs/output-contract.md``).

    NFC, lower case, one tone-mark placement, punctuation dropped,
    abbreviations expanded, a leading "các"/"những"/"toàn thể" dropped —
    equal to the scorer's ``norm_agency`` for the names it knows.

    >>> canonical("Các Sở, ban, ngành")
    'sở ban ngành'
    >>> canonical("UBND tỉnh")
    'ủy ban nhân dân tỉnh'
    >>> canonical("Sở Văn hoá, Thể thao và Du lịch")
    'sở văn hóa thể thao và du lịch'
    """
    g = gazetteer or default_gazetteer()
    words: list[str] = []
    for m in _TOKEN_RE.finditer(unicodedata.normalize("NFC", name or "")):
        tok = m.group(0)
        exp = g.abbreviations.get(tok.rstrip(".")) if (tok.isupper() or "&" in tok) else None
        if exp:
            words.extend(k for k in exp if not k.startswith("\x00"))
        else:
            k = match_key(tok)
            if k:
                words.extend(k.split())
    for lead in (("các",), ("những",), ("toàn", "thể")):
        if tuple(words[: len(lead)]) == lead:
            words = words[len(lead):]
            break
    return " ".join(words)


def _lower_abbreviations(g: Gazetteer) -> dict[str, str]:
    """Abbreviations of three letters or more as match keys ("ubnd" → "ủy ban
    nhân dân"): a name typed in lower case still names the body; two-letter
    ones ("ca") are left alone, they collide with words."""
    return {match_key(short): " ".join(k for k in g.abbreviations[short] if not k.startswith("\x00"))
            for short in g.abbreviations if len(short) >= 3 and match_key(short) and " " not in match_key(short)}


@lru_cache(maxsize=1)
def _default_lower_abbreviations() -> dict[str, str]:
    return _lower_abbreviations(default_gazetteer())


def _drop_province(key: str, province: str) -> str:
    p = match_key(province)
    for unit in ("tỉnh", "thành phố"):
        if key.endswith(f" {unit} {p}"):
            key = key[: -len(p) - 1]
    if key.endswith(f" {p}") and key != p:
        key = key[: -len(p) - 1]
    return key.strip()


def _drop_qualifiers(key: str, qualifiers: Iterable[str]) -> str:
    quals = sorted((match_key(q) for q in qualifiers), key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for q in quals:
            if key.endswith(" " + q) and len(key) > len(q) + 1:
                key = key[: -len(q) - 1].strip()
                changed = True
    return key


def agency_key(name: str, *, province: Optional[str] = None, qualifiers: Iterable[str] = (),
               gazetteer: Optional[Gazetteer] = None) -> str:
    """The one key on which two mentions of a body are matched (graph, cross-check,
    checklists, comparison): :func:`canonical`, abbreviations typed in lower
    case expanded and a leading "mỗi" dropped too; with ``province``, a trailing
    "tỉnh <province>" reduced to "tỉnh"; with ``qualifiers``, trailing place
    qualifiers ("tỉnh", "trực thuộc") dropped.

    >>> agency_key("UBND tỉnh Lạng Sơn", province="Lạng Sơn")
    'ủy ban nhân dân tỉnh'
    >>> agency_key("các ubnd huyện")
    'ủy ban nhân dân huyện'
    >>> agency_key("Sở Tài chính tỉnh", qualifiers=["tỉnh"])
    'sở tài chính'
    """
    g = gazetteer or default_gazetteer()
    key = match_key(canonical(name, gazetteer=g))
    lower = _lower_abbreviations(g) if gazetteer else _default_lower_abbreviations()
    key = " ".join(lower.get(w, w) for w in key.split())
    key = re.sub(r"^(các|những|mỗi|toàn thể)\s+", "", key)
    if province:
        key = _drop_province(key, province)
    if qualifiers:
        key = _drop_qualifiers(key, qualifiers)
    return key.strip()


def load_agency_types() -> dict:
    """``resources/vi/agency_types.yaml`` through the validated loader: the
    labels of the type codes and the hints that guess a type from words."""
    from .vocab import load_vocabulary

    return load_vocabulary("agency_types.yaml", required={"labels": dict, "type_hints": list})


@lru_cache(maxsize=1)
def _type_hints() -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for h in load_agency_types()["type_hints"]:
        alt = "|".join(re.escape(match_key(w)) for w in sorted(h["words"], key=len, reverse=True))
        # at_start: the words open the name, whole; elsewhere: the words anywhere, as written
        pat = rf"^(?:{alt})\b" if h.get("at_start") else rf"(?:{alt})"
        out.append((str(h["type"]), re.compile(pat)))
    return tuple(out)


def agency_type(name: str, *, gazetteer: Optional[Gazetteer] = None) -> Optional[str]:
    """A coarse type of an agency name, for grouping (one of :data:`AGENCY_TYPES`).

    The recogniser's own type when the whole name is recognised, else a
    keyword guess; None for an empty name.

    >>> agency_type("Sở Tài chính"), agency_type("các cơ quan liên quan"), agency_type("Công an tỉnh")
    ('so', 'group', 'police_military')
    """
    if not name or not name.strip():
        return None
    found = find_agencies(name, gazetteer=gazetteer)
    if found:
        best = max(found, key=lambda m: m.end - m.start)
        if best.end - best.start >= 0.6 * len(name.strip()):
            return best.type
    key = canonical(name, gazetteer=gazetteer)
    for typ, pat in _type_hints():
        if pat.search(key):
            return typ
    return "other"
