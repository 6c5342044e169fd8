"""Roles of the bodies named around a task: lead, support, report_to, or none.

The rules follow the annotation rules A3 and A4 (docs/tasks.md):

* lead: the grammatical subject ("Sở Y tế đánh giá …"), the body a sentence
  "giao" / "đề nghị" / "yêu cầu" the work to, the one that "chủ trì", the
  subject before "có trách nhiệm" / "chịu trách nhiệm", and the bodies that
  act together ("phối hợp giữa Công an, Biên phòng, Hải quan");
* support: the partners after a verbal "phối hợp (với/cùng)", "kết hợp với";
  a partner inside a noun phrase ("công tác phối hợp với …") is part of the
  object, not an agency;
* not an agency: a body that is helped, advised, directed or guided ("giúp
  Ban Thường vụ", "tham mưu UBND tỉnh", "chỉ đạo các sở", "hướng dẫn …") —
  everything named inside the predicate is object by default;
* report_to: the body after "báo cáo", "gửi (về)", "phản ánh về" — not the
  channel after "qua", and not the onward recipient of a purpose clause
  ("… để báo cáo Y").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .frames import frames
from .lexicon import lexicon, load_lexicon_data, word_alt
from .mentions import Ag, ag, canonical
from .predicates import is_verb_start

# what may stand between two names of one list of bodies
@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """The role finders' word patterns, built from the lexicon (mechanism here, words there)."""
    w = word_alt
    conj, focus = w("conjunctions"), w("list_focus_words")
    to = w("recipient_prepositions")
    return {
        # the end of a document reference: "… Kế hoạch này,", "… số 12/KH-UBND,"
        "ref_end": re.compile(rf"(?<=\s)(?:\S*\d\S*|{w('basis_ref_endings')})(?!\w)\s*,?\s*", re.IGNORECASE),
        # what may stand between two names of one list of bodies
        "gap": re.compile(rf"^\s*(?:,|;|{w('list_gap_words')}|,\s*(?:{conj})|,\s*(?:{focus})|(?:{focus})|"
                          rf"\([^()]*\)\s*(?:,|;|{conj})?|\([^()]*\)\s*,?\s*(?:{conj}))?\s*$", re.IGNORECASE),
        # "báo cáo [kết quả (thực hiện)] [bằng văn bản] [gửi] [về|cho] X"
        "report_object": re.compile(rf"\s*(?:(?:{w('report_objects')})(?:\s+(?:{w('report_object_qualifiers')}))?\s+)?"
                                    rf"(?:(?:{w('report_manners')})\s+)?(?:(?:{w('report_send_words')})\s+)?"
                                    rf"(?:{to})?\s*", re.IGNORECASE),
        "purpose_before": re.compile(rf"(?:{w('report_purpose_words')})\s*$"),
        "object_then_recipient": re.compile(rf"[^,;:()\n]{{0,60}}?\s(?:{to})\s+", re.IGNORECASE),
        "copy_to": re.compile(rf"(?:{w('copy_to_words')})\s+", re.IGNORECASE),
        "list_split": re.compile(rf",\s+|\s+(?:{conj})\s+"),
    }
_WORD = re.compile(r"[\wÀ-ỹ]+")
# "X là cơ quan đầu mối, theo dõi …": the subject's role in the plan, then its predicate
# head nouns of bodies: a phrase starting with one of them can be an actor the recogniser does not know


def _agency_head() -> re.Pattern:
    """Head nouns of bodies (``body_head_nouns``), minus the phrases that only look like one (``not_body_heads``)."""
    d = load_lexicon_data()

    def alt(ws) -> str:
        return "|".join(r"\s+".join(map(re.escape, str(w).split())) for w in sorted(ws, key=len, reverse=True))

    return re.compile(rf"^\s*(?:(?:{alt(d['group_determiners'])})\s+)?(?!(?:{alt(d['not_body_heads'])})\b)(?:{alt(d['body_head_nouns'])})\b",
                      re.IGNORECASE)


# head nouns of bodies: a phrase starting with one of them can be an actor the recogniser does not know
AGENCY_HEAD = _agency_head()
# words that continue a noun phrase: a name followed by them is not a subject
_NOT_PREDICATE = {"của", "trong", "tại", "về", "đối", "là", "được", "thuộc", "và", "với", "theo", "trên", "nhằm", "để",
                  "cho", "do", "từ", "đến", "ở", "hoặc", "như", "cùng", "gồm", "bao", "trực", "có", "các", "những",
                  "thì", "mà", "nên", "vì", "khi", "nếu", "qua", "sau", "trước", "đã", "đang", "sẽ", "tỉnh", "thành",
                  "huyện", "xã", "phường", "nhân", "năm", "số", "ngày", "tháng"}


def chain_at(text: str, pos: int, mentions: list[Ag], end: int, *, max_skip: int = 0) -> tuple[list[Ag], int]:
    """The list of bodies that starts at ``pos`` (``[]`` when no name starts there).

    ``max_skip`` allows that many characters of other text before the first
    name (e.g. "Đối với ").
    """
    while pos < end and text[pos].isspace():
        pos += 1
    first = None
    for m in mentions:
        if m.start >= pos and m.start <= pos + max_skip and m.end <= end:
            first = m
            break
        if m.start > pos + max_skip:
            break
    if first is None:
        return [], pos
    out = [first]
    cur = first.end
    for m in mentions:
        if m.start < cur or m.end > end:
            continue
        gap = text[cur:m.start]
        if _patterns()["gap"].match(gap):
            out.append(m)
            cur = m.end
        else:
            break
    return out, cur


_PARTNER_SEP = re.compile(rf"\s*,\s*(?:(?:{word_alt('conjunctions')})\s+)?|\s+(?:{word_alt('conjunctions')})\s+", re.IGNORECASE)
_PARTNER_WORDS = re.compile(r"[\wÀ-ỹ]+(?:\s+[\wÀ-ỹ]+){0,3}")


def bridge_partners(text: str, chain: list[Ag], cend: int, e: int, mentions: list[Ag]) -> tuple[list[Ag], int]:
    """"phối hợp với các sở, ngành, UBND phường, xã, báo, đài và các đơn vị có liên quan": short nouns the
    recogniser does not know ("báo", "đài"), between names of one partner list, are partners too. The
    list must go on to a recognised name; a verb ends it ("…, tổ chức hội nghị")."""
    out, cur = list(chain), cend
    pending: list[Ag] = []
    for _ in range(6):
        sep = _PARTNER_SEP.match(text, cur, e)
        if not sep:
            break
        t = sep.end()
        more, mend = chain_at(text, t, mentions, e)
        if more:
            out, cur, pending = out + pending + more, mend, []
            continue
        stop = _PARTNER_SEP.search(text, t, e)
        end = stop.start() if stop else -1
        wm = _PARTNER_WORDS.fullmatch(text, t, end) if end > t else None
        if not wm or any(m.start < end and t < m.end for m in mentions):
            break  # the phrase runs on past four words, or holds a name: not a bare noun of the list
        if " " in text[t:end].strip() and is_verb_start(text[t:e]):
            break  # "…, tổ chức hội nghị": a verb and its object (a lone "báo" before a comma is the press)
        pending.append(ag(t, end, text[t:end], canonical(text[t:end]), None))
        cur = end
    return out, (out[-1].end if out else cend)


def after_chain(text: str, pos: int, end: int) -> int:
    """Skip a qualifier after a subject list ("theo chức năng, nhiệm vụ được giao"). It runs on over a
    document reference right before the verb ("căn cứ chức năng, nhiệm vụ được giao và Kế hoạch này, chủ động
    …", "… được giao tại kế hoạch này triển khai …"), not over a second predicate or a body ("… và tổ chức
    triển khai …, …")."""
    fr = frames()
    m = fr.scope.match(text, pos, end)
    if not m:
        return pos
    q = m.end()
    more = fr.scope_more.match(text, q, end) if text[pos:q].strip(" ,") else None
    if more and not text[pos:q].rstrip().endswith(","):
        for ref in _patterns()["ref_end"].finditer(text, q, min(end, more.end() + 2)):  # + its comma
            if _verb_or_modal(text[ref.end():end]):
                return ref.end()
    return q


def _verb_or_modal(s: str) -> bool:
    lx = lexicon()
    return bool(lx.modal_start.match(s) or (lx.verb_start.match(s) and not lx.weak_verb_start.match(s)))


def starts_predicate(text: str, pos: int, end: int) -> bool:
    """Does a predicate (modal, verb, ':' label, role word) start at ``pos``?"""
    lx = lexicon()
    rest = text[pos:end]
    stripped = rest.lstrip()
    if not stripped:
        return False
    if stripped[0] == ":":
        return True
    for pat in (lx.modal_start, lx.verb_start, lx.support_start, lx.assign):
        m = pat.match(rest) if pat is not lx.assign else re.match(r"\s*" + pat.pattern, rest, re.IGNORECASE)
        if m:
            return True
    low = stripped.lower()
    if frames().role_noun.match(stripped):
        return True
    w = _WORD.match(stripped)
    if w and w.group(0)[0].islower() and w.group(0) not in _NOT_PREDICATE:
        return True
    return bool(frames().predicate_opener.match(low))


def between_in(text: str, s: int, e: int, mentions: list[Ag]) -> list[Ag]:
    """Bodies acting together: "phối hợp (chặt chẽ) giữa X, Y, Z" → all lead."""
    hit = frames().coordinate.search(text[s:e])
    if not hit:
        return []
    before = text[max(s, s + hit.start() - 20):s + hit.start()]
    if lexicon().nominal_before_support.search(before.rstrip() + " "):
        return []  # "công tác / hiệu quả phối hợp giữa X, Y": the bodies are part of the object
    pos = s + hit.end()
    out: list[Ag] = []
    for m in mentions:
        if m.start < pos or m.end > e:
            continue
        gap = text[pos:m.start]
        if out and not _patterns()["gap"].match(gap):
            break
        if not out and len(gap.strip()) > 20:
            break
        out.append(m)
        pos = m.end
    return out


def report_to_in(text: str, s: int, e: int, mentions: list[Ag]) -> list[str]:
    """Bodies a result is reported or sent to, inside ``[s, e)``."""
    lx = lexicon()
    out: list[str] = []
    for hit in lx.report.finditer(text, s, e):
        pos = hit.end()
        # "báo cáo [kết quả (thực hiện)] [về|cho] X"
        m = _patterns()["report_object"].match(text[pos:e])
        if m:
            pos += m.end()
        before = text[max(s, hit.start() - 8):hit.start()].lower()
        if _patterns()["purpose_before"].search(before):
            continue
        if out:
            break  # "phản ánh về X tổng hợp, báo cáo Y": Y is X's onward recipient, not this task's
        chain, cend = chain_at(text, pos, mentions, e)
        if not chain:
            # "gửi báo cáo sơ kết về Tỉnh ủy": the object first, then "về/cho X"
            vm = _patterns()["object_then_recipient"].match(text[pos:e])
            if vm:
                chain, cend = chain_at(text, pos + vm.end(), mentions, e)
        for a in chain:
            if a.name not in out:
                out.append(a.name)
        # "(đồng gửi X …)": an extra recipient inside the brackets
    for hit in _patterns()["copy_to"].finditer(text[s:e]):
        pos = s + hit.end()
        chain, _ = chain_at(text, pos, mentions, e)
        for a in chain:
            if a.name not in out:
                out.append(a.name)
    return out


def fallback_subject(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split a subject phrase no recogniser knew into bodies.

    Kept whole when the conjuncts are generic nouns ("Các cơ quan, đơn vị được
    giao chủ trì"); split at ", " / " và " otherwise ("Mỗi cán bộ, đảng viên").
    """
    generic = set(load_lexicon_data().get("generic_body_nouns") or ())
    parts: list[tuple[int, int]] = []
    cur = s
    for hit in _patterns()["list_split"].finditer(text[s:e]):
        a, b = s + hit.start(), s + hit.end()
        nxt = text[b:e]
        first = _WORD.findall(nxt.lower())[:2]
        one = first[0] if first else ""
        two = " ".join(first[:2])
        if one in generic or two in generic:
            continue
        parts.append((cur, a))
        cur = b
    parts.append((cur, e))
    return [(a, b) for a, b in parts if text[a:b].strip()]
