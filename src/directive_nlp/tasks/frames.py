"""Role frames of a directive sentence, compiled once from ``resources/vi/frames.yaml``.

A frame is a few words that say who acts and in which role:

* ``lead_support`` — "chủ trì, phối hợp (chặt chẽ) với Y": the subject leads,
  Y supports;
* ``lead_only`` — "chủ trì, VERB …": the subject leads;
* ``support`` — "(chủ động) phối hợp (chặt chẽ) (với|cùng) Y": Y supports;
* ``coordinate`` — "phối hợp … giữa X, Y": X and Y lead together;
* ``scope`` — "theo chức năng, nhiệm vụ (được giao)": a qualifier after the
  actor, skipped; ``scope_more`` — "và Kế hoạch này, ", "tại kế hoạch này": more of
  it, up to a document reference before the verb;
* ``basis`` — "căn cứ … để VERB", "trên cơ sở …,": the basis of the action,
  skipped;
* ``encourage`` — "Khuyến khích X VERB …" opening a sentence: X acts (as
  after "Đề nghị").

Each function returns a compiled pattern that matches at the start of the
string it is given (``pattern.match(text, pos, end)``), so the analyser can
step over the frame and find the bodies right after it with ``chain_at``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..vocab import VocabularyError, load_vocabulary, phrases

__all__ = ["Frames", "frames", "load_frames_data"]

_KEYS = {
    "lead_words": list, "lead_support_joiners": list, "support_words": list, "support_adverbs": list,
    "support_intensifiers": list, "support_prepositions": list, "coordinate_words": list,
    "scope_openers": list, "scope_nouns": list, "scope_tails": list, "role_appositions": list,
    "basis_openers": list, "basis_purpose": list, "basis_clauses": list, "frame_adverbs": list,
    "time_only_verbs": list, "group_predicates": list, "paren_lead_verbs": list, "paren_support_verbs": list,
    "paren_hints": list, "role_nouns": list, "role_noun_kinds": list, "role_noun_followers": list,
    "predicate_openers": list, "encourage_words": list,
    "encourage_body_types": list, "scope_continuers": list, "partner_activity_openers": list,
}
_W = r"(?-i:[\wÀ-ỹ])"  # a word character; (?-i:) spares IGNORECASE patterns the range's case closure at compile time (same characters: tests/test_vocab.py)


def _alt(words, *, whole: bool = True) -> str:
    """One alternation of ``words`` (longest first, any spacing between their
    syllables); ``whole``: they end on a word boundary, else they may be the
    start of a longer word."""
    alt = "(?:" + phrases(words) + ")"
    return alt + rf"(?!{_W})" if whole else alt


@lru_cache(maxsize=1)
def load_frames_data() -> dict:
    data = load_vocabulary("frames.yaml", required=_KEYS)
    from ..agencies import AGENCY_TYPES
    unknown = set(data["encourage_body_types"]) - set(AGENCY_TYPES)
    if unknown:
        raise VocabularyError(f"frames.yaml: encourage_body_types: unknown agency type(s) {sorted(unknown)}")
    return data


@dataclass(frozen=True)
class Frames:
    lead_support: re.Pattern   # "chủ trì, (và) phối hợp (chặt chẽ) (với) " — the partner follows
    lead_only: re.Pattern      # "chủ trì, " (a verb follows)
    lead_then_maybe_support: re.Pattern  # "chủ trì, (phối hợp (với) )?" inside a clause
    support: re.Pattern        # "(adverb ){0,2}phối hợp (intensifier)? (với|cùng)? " — the partner follows
    support_bare: re.Pattern   # "phối hợp (chặt chẽ) (với|cùng) " (no adverb before it)
    coordinate: re.Pattern     # "phối hợp (w){0,3} giữa " — the partners follow
    scope: re.Pattern          # "(…) theo chức năng, nhiệm vụ được giao, "
    scope_more: re.Pattern     # "và Kế hoạch này, ", "tại kế hoạch này": more of the scope after its nouns
    basis_purpose: re.Pattern  # "căn cứ … để "
    basis_clause: re.Pattern   # "trên cơ sở …, "
    basis_purpose_word: re.Pattern  # "để " (a purpose verb follows)
    partner_activity: re.Pattern  # "trong việc " after the partners (the shared activity, a verb follows)
    frame_adverb: re.Pattern   # "khẩn trương " before "chủ trì, phối hợp …"
    open_lead_support: re.Pattern  # "Chủ trì, phối hợp (với):" closing a line: the partners are the items below
    time_only: re.Pattern      # "thực hiện " (then only a time phrase): a clause that times the one before
    lead_word: re.Pattern      # "chủ trì" anywhere (a table header or label naming the lead role)
    lead_at_end: re.Pattern    # "… chủ trì" closing a cell
    maybe_lead_support: re.Pattern  # "(chủ trì, (và) )?phối hợp (chặt chẽ) (với) " — the partner follows
    group_does: re.Pattern     # ", chủ trì|quản lý|được giao …" after "Các Sở, ngành"
    paren_frame: re.Pattern    # "chủ trì|tham gia … (, phối hợp với REST)?" in brackets; groups "verb", "rest"
    paren_support_verb: re.Pattern  # "tham gia", "phối hợp thực hiện" (whole verb group)
    paren_hint: re.Pattern     # a word that makes a bracket an assignment
    role_noun: re.Pattern      # "là cơ quan đầu mối …, "
    predicate_opener: re.Pattern  # "chủ động", "định kỳ" … at the start of a predicate
    encourage: re.Pattern      # "Khuyến khích " opening a sentence — the encouraged body follows
    encourage_types: frozenset  # the agency types the encourage frame names as actor


@lru_cache(maxsize=1)
def frames() -> Frames:
    d = load_frames_data()
    lead, sup = _alt(d["lead_words"]), _alt(d["support_words"])
    join = _alt(d["lead_support_joiners"])
    intens = _alt(d["support_intensifiers"])
    prep = _alt(d["support_prepositions"])
    adv = _alt(d["support_adverbs"])
    partner = rf"(?:\s+{intens})?(?:\s+{prep})?\s+"
    scope = (rf"\s*(?:\([^()]*\)\s*)?(?:,\s*)?(?:{_alt(d['scope_openers'])}\s+{_alt(d['scope_nouns'])}"
             rf"(?:\s*,?\s*(?:và\s+)?{_alt(d['scope_nouns'])})*(?:\s+{_alt(d['scope_tails'])})?\s*,?\s*"
             # "Bộ Xây dựng với vai trò là cơ quan thường trực Ban Chỉ đạo, chủ động …": the role, up to its comma
             rf"|\s*,?\s*{_alt(d['role_appositions'])}\s[^,;:.()]{{1,100}}?,\s*)?")
    return Frames(
        lead_support=re.compile(rf"\s*{lead}\s*(?:,\s*|\s+)(?:{join}\s+)?{sup}{partner}", re.IGNORECASE),
        lead_only=re.compile(rf"\s*{lead}\s*,?\s*", re.IGNORECASE),
        lead_then_maybe_support=re.compile(rf"\s*{lead}\s*,?\s*(?:{sup}(?:\s+{prep})?\s+)?", re.IGNORECASE),
        support=re.compile(rf"\s*(?:{adv}\s*,?\s+){{0,2}}{sup}{partner}", re.IGNORECASE),
        support_bare=re.compile(rf"\s*{sup}{partner}", re.IGNORECASE),
        coordinate=re.compile(rf"{sup}(?:\s+{_W}+){{0,3}}?\s+{_alt(d['coordinate_words'])}\s+", re.IGNORECASE),
        scope=re.compile(scope, re.IGNORECASE),
        scope_more=re.compile(rf"\s*{_alt(d['scope_continuers'])}\s+[^,;:.()]{{1,100}}", re.IGNORECASE),
        basis_purpose=re.compile(rf"\s*{_alt(d['basis_openers'])}[^;:]{{0,250}}?\s{_alt(d['basis_purpose'])}\s+",
                                 re.IGNORECASE),
        basis_clause=re.compile(rf"\s*{_alt(d['basis_clauses'])}[^;:,]{{0,250}},\s*", re.IGNORECASE),
        basis_purpose_word=re.compile(rf"\s*{_alt(d['basis_purpose'])}\s+", re.IGNORECASE),
        partner_activity=re.compile(rf"\s*{_alt(d['partner_activity_openers'])}\s+", re.IGNORECASE),
        frame_adverb=re.compile(rf"\s*{_alt(d['frame_adverbs'])}\s*,?\s*", re.IGNORECASE),
        open_lead_support=re.compile(rf"\s*{lead}\s*(?:,\s*|\s+)(?:{join}\s+)?{sup}(?:\s+{prep})?\s*[:.]?\s*$",
                                     re.IGNORECASE),
        time_only=re.compile(rf"\s*(?:{_alt(d['time_only_verbs'])}\s*)?", re.IGNORECASE),
        lead_word=re.compile(rf"(?<!{_W}){lead}", re.IGNORECASE),
        lead_at_end=re.compile(rf"\s*{lead}\s*$", re.IGNORECASE),
        maybe_lead_support=re.compile(rf"\s*(?:{lead}\s*,?\s*(?:{join}\s+)?)?{sup}{partner}", re.IGNORECASE),
        group_does=re.compile(rf"\s*,?\s*{_alt(d['group_predicates'])}", re.IGNORECASE),
        paren_frame=re.compile(rf"\s*(?P<verb>{_alt([*d['paren_lead_verbs'], *d['paren_support_verbs']])})"
                               rf"(?:\s*,?\s*(?:{sup}(?:\s+{prep})?\s+(?P<rest>.*)))?", re.IGNORECASE | re.DOTALL),
        paren_support_verb=re.compile(rf"{_alt(d['paren_support_verbs'])}$", re.IGNORECASE),
        paren_hint=re.compile(_alt(d["paren_hints"], whole=False), re.IGNORECASE),
        role_noun=re.compile(rf"là\s+{_alt(d['role_nouns'])}\s+{_alt(d['role_noun_kinds'])}[^,;:]{{0,80}}?"
                             rf"(?:,|\s+(?={_alt(d['role_noun_followers'])}))\s*", re.IGNORECASE),
        predicate_opener=re.compile(_alt(d["predicate_openers"], whole=False)),
        encourage=re.compile(rf"\s*{_alt(d['encourage_words'])}\s+", re.IGNORECASE),
        encourage_types=frozenset(d["encourage_body_types"]),
    )
