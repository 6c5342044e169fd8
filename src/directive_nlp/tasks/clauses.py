"""One sentence (or list item) → task drafts: subject, clauses, predicates, deadlines.

The order of work follows how a Vietnamese directive sentence is built:

1. a frame that names who acts: "Giao X chủ trì, phối hợp với Y …",
   "Đề nghị X …", "X yêu cầu Y …", "X (cần|phải|có trách nhiệm) …", "X: …",
   or a plain subject "X VERB …" (X = a list of bodies the recogniser found);
2. the predicate part, cut at a colon that only explains (ANNOTATION.md) and
   past a lead-in that only introduces the items below ("… các nội dung sau:");
3. clauses at ";" (a ";" that only continues a list of objects does not cut);
4. tasks at "," where a new predicate with its own object starts (verbs that
   share one object stay one task: "hướng dẫn, theo dõi, kiểm tra việc …");
5. deadlines: a phrase at the start of a clause covers the clause, one at the
   end of the sentence covers the sentence, one elsewhere covers its task;
   the phrase is cut out of the task text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from ..models import Deadline
from .lexicon import lexicon, load_lexicon_data
from .mentions import Ag, Dl, canonical
from .roles import AGENCY_HEAD, after_chain, between_in, chain_at, fallback_subject, report_to_in, starts_predicate
from .text import split_at, trim, words

_WEAK = frozenset(" ".join(str(v).lower().split()) for v in load_lexicon_data()["weak_verbs"])
_ASPECT = {"tiếp tục", "tăng cường", "quan tâm", "chú trọng", "tập trung", "đẩy mạnh", "kịp thời", "thường xuyên",
           "chủ động", "tích cực", "khẩn trương", "nghiêm túc", "kiên quyết", "sớm", "phối hợp"}
_FILLER = re.compile(r"^\s*(?:trong đó|đặc biệt|lưu ý|chú trọng|chú ý|tập trung(?: vào)?|gồm|bao gồm|cụ thể|với|đó là|"
                     r"nhất là|và|một số|các)?(?:\s+(?:lưu ý|chú trọng|tập trung vào|vào|đến|tới))*\s*$", re.IGNORECASE)
_NOT_SUBJECT_HEAD = re.compile(
    r"^\s*(?:công tác|việc|kết quả|tình hình|hoạt động|nhiệm vụ|chương trình|kế hoạch|hệ thống|quá trình|"
    r"nội dung|kinh phí|nguồn|trong|khi|nếu|để|đối với|các nội dung|những|năm|giai đoạn|mục tiêu|sự|hiện nay|"
    r"trước|bên cạnh|với|tuy nhiên|do đó|vì vậy|theo|qua|sau)\b",
    re.IGNORECASE,
)
_NOUN_TOCHUC = re.compile(r"^\s*tổ chức\s*(?:đảng|chính trị|xã hội|cơ sở|đoàn thể|hội|quốc tế|tín dụng|kinh tế|cá nhân|,|và|;|$)",
                          re.IGNORECASE)
_TRAIL_PAREN = re.compile(r"\s*\((?:có|kèm|gửi|theo|chi tiết|xem|tại)\b[^()]*\)?\s*$", re.IGNORECASE)


@dataclass
class Draft:
    start: int
    end: int
    leads: list[Ag] = field(default_factory=list)
    supports: list[Ag] = field(default_factory=list)
    report_to: list[str] = field(default_factory=list)
    deadline: Optional[Deadline] = None
    deadline_prio: int = 0  # 3 task, 2 clause, 1 sentence, 0 none
    rule: str = "sentence"


@dataclass
class SentenceResult:
    drafts: list[Draft]
    subject: list[Ag]
    frame_supports: list[Ag]
    lead_in: bool = False
    explicit: bool = False  # the actor was asked explicitly (giao/đề nghị/cần/phải)


def _skip_ws(text: str, p: int, e: int) -> int:
    while p < e and (text[p].isspace() or text[p] in ",:"):
        p += 1
    return p


_ACCOUNT = re.compile(r"\s*(?:về|trước|nếu|với|đối với|toàn bộ)\b", re.IGNORECASE)


def strip_modal(text: str, p: int, e: int) -> int:
    """Skip a leading modal ("cần", "phải", "có trách nhiệm" + verb); "chịu trách nhiệm về/trước …" stays."""
    m = lexicon().modal_start.match(text[p:e])
    if not m:
        return p
    if "trách nhiệm" in m.group(0).lower() and _ACCOUNT.match(text[p + m.end():e]):
        return p
    return _skip_ws(text, p + m.end(), e)


def _match_at(pat: re.Pattern, text: str, p: int, e: int) -> Optional[re.Match]:
    return pat.match(text[p:e])


def is_verb_start(s: str) -> bool:
    lx = lexicon()
    if not lx.verb_start.match(s):
        return False
    if lx.weak_verb_start.match(s):
        return False
    if _NOUN_TOCHUC.match(s):
        return False
    return True


def _verb_only(s: str) -> bool:
    """A comma segment that is only a verb ("hướng dẫn", "Quan tâm củng cố") shares the next object."""
    lx = lexicon()
    w = words(re.sub(r"\s+(?:hơn nữa|mạnh mẽ|quyết liệt|tích cực|hiệu quả|chặt chẽ|thường xuyên|nghiêm túc)\s*$", "", s.lower()))
    if not w:
        return True
    rest = " ".join(w)
    first = None
    for n in (3, 2, 1):
        head = " ".join(w[:n])
        if head in lx.verbs or head in _ASPECT:
            first, rest = head, " ".join(w[n:])
            break
    if first is None:
        return False
    if not rest:
        return True
    if first in _ASPECT:
        return rest in lx.verbs
    # "Ưu tiên phát triển", "quản lý sử dụng", "Thực hiện khảo sát": a run of verbs still waits for its object
    # ("nghe báo cáo" is a verb and its object: "báo cáo" closing a run is a noun)
    ws = w
    i = 0
    last = None
    while i < len(ws):
        for n in (3, 2, 1):
            head = " ".join(ws[i:i + n])
            if len(ws[i:i + n]) == n and (head in lx.verbs or head in _WEAK):
                last = head
                i += n
                break
        else:
            return False
    return last != "báo cáo"


_QUALIFIER = re.compile(r"\s*(?:trong|trên|tại|thuộc|của|ở)\s", re.IGNORECASE)
_LIST_CONTINUATION = re.compile(
    r"(?:các|những|mọi|cả)\s|(?:Luật|Nghị định|Nghị quyết|Quyết định|Thông tư|Chỉ thị|Kế hoạch|Văn bản|Công văn|Pháp lệnh)\s"
)
_COORD_START = re.compile(r"\s*(?:phối hợp|kết hợp)(?:\s+chặt chẽ)?(?:\s+với|\s+cùng)?\s+", re.IGNORECASE)
_PAIRED = {"tuyên truyền", "phổ biến", "chỉ đạo", "điều hành", "xem xét", "nuôi dưỡng", "kiểm tra", "giám sát", "hướng dẫn", "theo dõi", "đôn đốc", "tập huấn",
           "bồi dưỡng", "quán triệt", "rà soát", "đánh giá", "tổng hợp", "thẩm định"}
_ADVERB_VERB = re.compile(r"\s*(?:kịp thời|chủ động|thường xuyên|khẩn trương|(?:báo cáo|gửi báo cáo)\s+(?:kết quả|tình hình|định kỳ))\s",
                          re.IGNORECASE)
_REPORT_START = re.compile(r"\s*(?:định kỳ\s+)?(?:tổng hợp,?\s+)?(?:báo cáo|gửi báo cáo|gửi)\s", re.IGNORECASE)
_PURPOSE = re.compile(r"\s(?:để|nhằm|trong đó|theo đó|bao gồm|gồm|theo quy định tại|tại (?:Kế hoạch|Quyết định|Nghị quyết|"
                      r"Văn bản|Chỉ thị|Thông tư|Nghị định|Luật|Công văn))\s", re.IGNORECASE)


def _governs(seg: str) -> bool:
    """After "tham mưu", "hướng dẫn X …", "chỉ đạo X …" or a purpose "để …", commas do not start tasks."""
    lx = lexicon()
    s2 = re.sub(r"^\s*(?:phối hợp|tiếp tục|tăng cường|chủ động|kịp thời)\s*,?\s*", "", seg, flags=re.IGNORECASE)
    return bool(lx.governing_start.match(seg) or lx.governing_start.match(s2) or _PURPOSE.search(" " + seg + " "))


_CAP_CONJUNCT = re.compile(r"\s*,\s*([A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+(?:và\s+)?[\wÀ-ỹ]+(?:\s*-\s*[\wÀ-ỹ]+)?){0,5})(?=\s*[,;]|\s+và\s)")


def _extend_colon_list(text: str, chain: list[Ag], cend: int, mentions: list[Ag], e: int) -> tuple[list[Ag], int]:
    """"Giám đốc các Sở: Tài chính, Xây dựng, Y tế; Chủ tịch …": the department names after the colon are bodies."""
    chain = list(chain)
    while True:
        m = _CAP_CONJUNCT.match(text, cend, e)
        if not m or any(x.start <= m.start(1) < x.end for x in mentions):
            break
        a, b = m.start(1), m.end(1)
        chain.append(Ag(a, b, text[a:b], canonical(text[a:b]), None))
        cend = b
    sep = re.match(r"\s*[,;]\s*(?:và\s+)?|\s+và\s+", text[cend:e])
    if sep and len(chain) > 1:
        more, mend = chain_at(text, cend + sep.end(), [x for x in mentions if x.start >= cend], e)
        if more:
            chain += more
            cend = mend
    return chain, cend


def _extra_conjunct(text: str, t: int, limit: int, mentions: list[Ag]) -> Optional[Ag]:
    """A body-headed phrase of a few words right before the verb ("đảng bộ cơ sở"), else None."""
    if not AGENCY_HEAD.match(text[t:limit]) or lexicon().verb_start.match(text[t:limit]) or any(m.start == t for m in mentions):
        return None
    for wm in re.finditer(r"[\wÀ-ỹ]+", text[t:limit]):
        pos = t + wm.start()
        if pos == t:
            continue
        if text[t:pos].count(",") or text[t:pos].count(";") or text[t:pos].count(":"):
            return None
        if is_verb_start(text[pos:limit + 40]) and not _NOUN_TOCHUC.match(text[pos:limit + 40]):
            a, b = trim(text, t, pos)
            if 1 <= len(words(text[a:b])) <= 6:
                return Ag(a, b, text[a:b], canonical(text[a:b]), None)
            return None
    return None


def _clause_subject(text: str, cs: int, ce: int, mentions: list[Ag]) -> list[Ag]:
    """A clause that names its own actor ("…; Sở Tư pháp và … chủ động tổ chức …")."""
    p = cs
    while p < ce and text[p].isspace():
        p += 1
    chain, cend = chain_at(text, p, mentions, ce)
    if not chain:
        return []
    t = after_chain(text, cend, ce)
    return chain if starts_predicate(text, t, ce) else []


def _purpose_verb_only(seg: str) -> bool:
    """"… để tổng hợp, báo cáo X": the report continues the purpose's bare verb."""
    m = _PURPOSE.search(" " + seg + " ")
    tail = (" " + seg + " ")[m.end():] if m else seg
    return _verb_only(tail) or not tail.strip()


def _advises(seg: str) -> bool:
    return bool(re.match(r"\s*(?:\w+\s+)?(?:tham mưu|giúp)\b", seg, re.IGNORECASE))


def _ends_with_verb(seg: str) -> bool:
    """"tổ chức tập huấn, hướng dẫn …": a segment ending in a bare verb shares the next object."""
    lx = lexicon()
    w = words(seg.lower())
    if len(w) < 2:
        return False
    if " ".join(w[-2:]) in _PAIRED:
        return True  # "… cơ quan báo chí tuyên truyền, phổ biến về …": verbs sharing what follows
    if re.search(r"\b(?:công tác|việc|hoạt động|sự)\s+[\wÀ-ỹ]+(?:\s+[\wÀ-ỹ]+)?\s*$", seg.lower()):
        tail2 = " ".join(w[-2:])
        if tail2 in lx.verbs or w[-1] in lx.verbs:
            return True
    for n in (2, 1):
        tail = " ".join(w[-n:])
        if tail in lx.verbs and tail not in ("báo cáo", "kế hoạch", "quản lý", "phát triển") and len(w) > n:
            before = w[:-n]
            for k in (2, 1):
                if len(before) >= k and " ".join(before[-k:]) in lx.verbs:
                    return True
    return False


def _synth_agents(text: str, s: int, e: int, mentions: list[Ag]) -> list[Ag]:
    """Bodies of a subject phrase: the recogniser's names when they cover it, else the phrase split."""
    inside = [m for m in mentions if m.start >= s and m.end <= e]
    if inside and inside[0].start - s <= 12:
        return inside
    out = []
    for a, b in fallback_subject(text, s, e):
        a, b = trim(text, a, b)
        if b > a:
            name = text[a:b]
            out.append(Ag(a, b, name, canonical(name), None))
    return out


def find_subject(text: str, masked: str, s: int, e: int, mentions: list[Ag]) -> tuple[list[Ag], int, str, bool]:
    """(bodies, predicate start, how, explicit) for the sentence ``[s, e)``."""
    lx = lexicon()
    p = _skip_ws(text, s, e)
    m = re.match(r"\s*Về\b[^:]{0,600}?:\s*", masked[p:e])
    if m:
        p += m.end()
    else:
        # "Báo cáo tháng: Sở Tài chính …", "Đối với các dự án …: Khẩn trương …": a topic label, not the actor
        m = re.match(r"\s*([^:;]{1,250}?):\s+", masked[p:e])
        if m and (len(words(m.group(1))) <= 6 or re.match(r"\s*(?:đối với|về|trường hợp)\b", m.group(1), re.IGNORECASE)):
            lab_s, lab_e = p, p + m.end(1)
            chain, cend = chain_at(text, lab_s, mentions, e)
            if not chain or cend < lab_e - 1:
                p += m.end()
    first_semi = masked.find(";", p, e)
    limit = e if first_semi < 0 else first_semi
    # 0. "Do các doanh nghiệp đầu tư …": the agent after "do"
    dm = re.match(r"\s*Do\s+", text[p:e])
    if dm:
        chain, cend = chain_at(text, p + dm.end(), mentions, e)
        if chain and starts_predicate(text, after_chain(text, cend, e), e):
            return chain, after_chain(text, cend, e), "subject", False
    # 1. "giao / đề nghị / yêu cầu X …"
    for hit in lx.assign.finditer(text, p, limit):
        before = text[p:hit.start()]
        if len(words(before)) > 40:
            break
        chain, cend = chain_at(text, hit.end(), mentions, e, max_skip=0)
        if chain:
            q = after_chain(text, cend, e)
            return chain, q, "assign", True
    # 2. leading adverbials ("Trên cơ sở …, ", "Trong quá trình …, nếu có …, ")
    q = p
    for _ in range(3):
        m = _match_at(lx.adverbial_start, text, q, e)
        if not m:
            break
        comma = masked.find(",", q + m.end(), min(e, q + 300))
        if comma < 0:
            break
        nxt = _skip_ws(text, comma + 1, e)
        # "nếu có phát sinh, vướng mắc, các cơ quan …": the adverbial runs to the comma before the actor
        probe = comma
        for _ in range(4):
            after = _skip_ws(text, probe + 1, e)
            if chain_at(text, after, mentions, e)[0] or is_verb_start(text[after:e]) or lx.adverbial_start.match(text[after:e]):
                nxt = after
                break
            probe = masked.find(",", probe + 1, min(e, q + 300))
            if probe < 0:
                break
        q = nxt
    for start in ([p, q] if q != p else [p]):
        chain, cend = chain_at(text, start, mentions, e, max_skip=0)
        if chain and ":" in chain[-1].name:
            chain, cend = _extend_colon_list(text, chain, cend, mentions, e)
        if chain:
            # "Ban Chỉ đạo bầu cử của tỉnh: …", "Các cơ quan … còn lại có liên quan đến …: chọn …" — a name label
            colon = masked.find(":", cend, min(limit, cend + 200))
            if colon > cend:
                between = text[cend:colon]
                no_verb = not (is_verb_start(between.lstrip()) or lx.modal_start.match(between)
                               or lx.support_start.match(between) or re.match(r"\s*chủ trì\b", between, re.IGNORECASE))
                qualifier = re.match(r"\s*(?:còn lại|có liên quan|liên quan|thuộc|trực thuộc|của|cấp|tại|trên)\b", between,
                                     re.IGNORECASE)
                if between.strip() and ";" not in masked[cend:colon] and len(words(between)) <= 20 and (no_verb or qualifier):
                    last = chain[-1]
                    a2, b2 = trim(text, last.start, colon)
                    ext = Ag(a2, b2, text[a2:b2], canonical(text[a2:b2]), last.type)
                    return chain[:-1] + [ext], colon + 1, "label", True
            t = after_chain(text, cend, e)
            if "," in text[cend:t] or re.match(r"\s*và\s", text[cend:t]):
                # "Các chi bộ, đảng bộ cơ sở tổ chức …": a further body the recogniser did not know
                extra = _extra_conjunct(text, t, min(limit, t + 80), mentions)
                if extra is not None:
                    chain = chain + [extra]
                    t = _skip_ws(text, extra.end, e)
            if starts_predicate(text, t, e):
                explicit = bool(lx.modal_start.match(text[_skip_ws(text, t, e):e])) or text[t:e].lstrip().startswith(":")
                return chain, t, "subject", explicit
            # "các nhà đầu tư trong các khu công nghiệp, cụm công nghiệp chủ động …": the qualifier stays with the name
            if _QUALIFIER.match(text, t):
                for wm in re.finditer(r"[\wÀ-ỹ]+", text[t:min(limit, t + 160)]):
                    pos = t + wm.start()
                    if masked[t:pos].count(";") or masked[t:pos].count(":"):
                        break
                    if pos > t + 3 and (is_verb_start(text[pos:e]) or lx.modal_start.match(text[pos:e])):
                        last = chain[-1]
                        a2, b2 = trim(text, last.start, pos)
                        ext = Ag(a2, b2, text[a2:b2], canonical(text[a2:b2]), last.type)
                        return chain[:-1] + [ext], pos, "subject", bool(lx.modal_start.match(text[pos:e]))
                    if len(words(text[t:pos])) > 16:
                        break
    # 3. "<noun phrase> (cần|phải|có trách nhiệm) VERB": a subject the recogniser missed
    for hit in lx.modal_any.finditer(text, q, min(limit, q + 220)):
        if hit.group(0)[0].isupper():
            continue  # "Cần Thơ" is a place, not the modal "cần"
        span_s, span_e = trim(text, q, hit.start())
        subj = text[span_s:span_e]
        if not subj or len(words(subj)) > 22 or ":" in subj:
            break
        if is_verb_start(subj) or _NOT_SUBJECT_HEAD.match(subj):
            break
        if not (subj[0].isupper() or subj.lower().startswith(("các ", "mỗi ", "những "))):
            break
        after = text[hit.end():e].lstrip().lower()
        if after.startswith(("được", "là", "có ")) and hit.group(0).lower() in ("cần", "phải"):
            break
        agents = _synth_agents(text, span_s, span_e, mentions)
        if agents:
            return agents, hit.end(), "modal", True
        break
    # 4. "<Các phòng chuyên môn thuộc Sở, các trường …> VERB": a body-headed phrase the recogniser missed
    if (AGENCY_HEAD.match(text[q:e]) and not any(m.start == q for m in mentions)
            and not lx.verb_start.match(text[q:e])):
        for wm in re.finditer(r"[\wÀ-ỹ]+", text[q:min(limit, q + 160)]):
            pos = q + wm.start()
            if pos == q:
                continue
            if text[q:pos].count(":"):
                break
            if is_verb_start(text[pos:e]) and not _NOUN_TOCHUC.match(text[pos:e]):
                span_s, span_e = trim(text, q, pos)
                if len(words(text[span_s:span_e])) >= 2:
                    agents = _synth_agents(text, span_s, span_e, mentions)
                    if agents:
                        return agents, pos, "head-noun", False
                break
    return [], q, "none", False


def _cut_lead_in(text: str, masked: str, p: int, pe: int) -> tuple[int, bool]:
    """(new end, whole sentence is a lead-in)."""
    lx = lexicon()
    seg = text[p:pe]
    for pat in lx.lead_in:
        m = pat.search(seg)
        if not m:
            continue
        L = p + m.start()
        seps = [masked.rfind(",", p, L), masked.rfind(";", p, L)]
        cut = max(seps)
        if cut < 0:
            return p, True
        between = text[cut + 1:L]
        if _FILLER.match(between) and len(words(text[p:cut])) >= 2:
            return cut, False
        return p, True
    return pe, False


def analyze_sentence(
    text: str,
    masked: str,
    s: int,
    e: int,
    mentions: list[Ag],
    deadlines: list[Dl],
    *,
    carried: Optional[list[Ag]] = None,
    carried_supports: Optional[list[Ag]] = None,
    review: bool = False,
    split_commas: bool = True,
) -> SentenceResult:
    """Task drafts of the sentence ``text[s:e]`` (offsets in ``text``)."""
    lx = lexicon()
    deadlines = [d for d in deadlines if s <= d.start < e and masked[d.start] != "\x00"]
    subject, p, how, explicit = find_subject(text, masked, s, e, mentions)
    frame_supports: list[Ag] = []
    if subject and (text[:p].rstrip().endswith(":") or text[p:e].lstrip().startswith(":")):
        # "Các sở: A, B và C: Các Sở, ngành, có ý kiến …" — a resumptive subject after the label
        q2 = _skip_ws(text, p, e)
        again, aend = chain_at(text, q2, mentions, e)
        if again:
            t2 = after_chain(text, aend, e)
            if starts_predicate(text, t2, e):
                p = t2
    p = _skip_ws(text, p, e)
    p2 = strip_modal(text, p, e)
    if p2 != p:
        p = p2
        explicit = explicit or bool(subject)
    if subject:
        # "X căn cứ … để VERB": the frame before "để" only says on what basis
        bm = re.match(r"\s*(?:căn cứ|trên cơ sở|dựa trên|dựa vào)\b[^;:]{0,250}?\s(?:để)\s+", text[p:e], re.IGNORECASE)
        if bm:
            p = _skip_ws(text, p + bm.end(), e)
        else:
            bm = re.match(r"\s*(?:căn cứ|trên cơ sở|theo (?:quy định|chức năng|nhiệm vụ|đề nghị|chỉ đạo|hướng dẫn))\b[^;:,]{0,250},\s*",
                              masked[p:e], re.IGNORECASE)
            if bm:
                p = _skip_ws(text, p + bm.end(), e)
    if subject:
        from .roles import _ROLE_NOUN

        rm = _ROLE_NOUN.match(text, p, e)
        if rm:
            p = strip_modal(text, _skip_ws(text, rm.end(), e), e)
    if subject or carried:
        fm = re.match(r"\s*chủ trì\s*(?:,\s*|\s+)(?:(?:và|tiếp tục|chủ động)\s+)?phối hợp(?:\s+chặt chẽ)?(?:\s+với|\s+cùng)?\s+", text[p:e], re.IGNORECASE)
        if fm:
            chain, cend = chain_at(text, p + fm.end(), mentions, e)
            if chain:
                frame_supports = chain
                p = _skip_ws(text, after_chain(text, cend, e), e)
            else:
                p = _skip_ws(text, p + fm.end(), e)
        else:
            cm = re.match(r"\s*chủ trì\s*,?\s*", text[p:e], re.IGNORECASE)
            if cm and is_verb_start(text[p + cm.end():e]):
                p = p + cm.end()
            pm = re.match(r"\s*phối hợp(?:\s+với|\s+cùng)?\s+", text[p:e], re.IGNORECASE)
            if pm:
                chain, cend = chain_at(text, p + pm.end(), mentions, e)
                if chain and text[cend:e].lstrip().startswith(":"):
                    frame_supports = chain
                    p = _skip_ws(text, cend, e)
        p = strip_modal(text, p, e)
    after_label = how == "label" or (not subject and text[s:p].rstrip().endswith(":"))
    if after_label and not review and not (lx.verb_start.match(text[p:e]) or lx.modal_start.match(text[p:e])):
        # "X: Không quá 05 cá nhân" — a quota or a description, not an action
        return SentenceResult([], subject, frame_supports, explicit=explicit)
    leads = subject or list(carried or [])
    supports_all = frame_supports or ([] if subject else list(carried_supports or []))

    # predicate region: cut at an explaining colon and past a lead-in
    cpos = masked.find(":", p, e)
    if cpos >= 0 and not subject:
        # "Mốc thời gian tổng hợp, thống kê số liệu: tính từ 15/12/2019 đến 15/6/2024" — the work, then its time
        for d in deadlines:
            if d.start > cpos and len(words(text[cpos + 1:d.start])) <= 2 and not text[d.end:e].strip(" .;,/"):
                tm = re.match(r"\s*(?:mốc\s+)?(?:thời gian|thời hạn|thời điểm)\s+", text[p:cpos], re.IGNORECASE)
                a, b = trim(text, p + (tm.end() if tm else 0), cpos)
                if len(words(text[a:b])) >= 2:
                    return SentenceResult([Draft(a, b, leads=list(carried or []), deadline=d.deadline, deadline_prio=1,
                                                 rule="sentence:time-label")], subject, frame_supports, explicit=explicit)
    if (cpos >= 0 and not review and not subject and not lx.verb_start.match(text[p:e])
            and not lx.modal_start.match(text[p:e]) and len(words(text[p:cpos])) <= 15):
        # "Tổ giúp việc Ban Chỉ đạo: Không quá 05 cá nhân" — a label and its value, not an action
        return SentenceResult([], subject, frame_supports, explicit=explicit)
    pe = cpos if cpos >= 0 else e
    lead_end, lead_in = _cut_lead_in(text, masked, p, (cpos + 1) if cpos >= 0 else e)
    if lead_in:
        return SentenceResult([], subject, frame_supports, lead_in=True, explicit=explicit)
    pe = min(pe, lead_end)
    if pe <= p:
        return SentenceResult([], subject, frame_supports, explicit=explicit)

    # sentence-level deadlines (in the frame before the predicate, or at the very end)
    sent_dl: Optional[Dl] = None
    for d in deadlines:
        if s <= d.start < p and d.end <= e:
            sent_dl = d
        elif p <= d.start < e and not text[d.end:e].strip(" .;,/") and d.deadline.kind != "ongoing":
            sent_dl = d

    drafts: list[Draft] = []
    clauses = split_at(masked, p, pe, r";")
    merged: list[list[int]] = []
    for cs, ce in clauses:
        st = text[cs:ce].lstrip()
        low = st.lower()
        # a ";" that only continues a list of objects ("…; các nhóm đối tượng …", "…; Nghị định số …")
        starts_action = (
            lx.verb_start.match(st)
            or lx.connective_start.match(st)
            or lx.modal_start.match(st)
            or any(d.start >= cs and not text[cs:d.start].strip() for d in deadlines)
            or low.startswith(("không ", "chủ động", "kịp thời", "có ", "sớm", "kiên quyết"))
            or (split_commas and _clause_subject(text, cs, ce, mentions))
        )
        # in a running sentence only a list continuation joins; a labelled content line keeps its ";" lists
        continues = not review and (bool(_LIST_CONTINUATION.match(st)) or (not split_commas and not starts_action))
        if merged and continues:
            merged[-1][1] = ce
        else:
            merged.append([cs, ce])

    for ci, (cs, ce) in enumerate(merged):
        cs = _skip_ws(text, cs, ce)
        if ci > 0 and split_commas:
            own = _clause_subject(text, cs, ce, mentions)
            if own:
                chain_end = max(m.end for m in own)
                leads, supports_all = own, []
                cs = _skip_ws(text, after_chain(text, chain_end, ce), ce)
                cs = strip_modal(text, cs, ce)
                fm = re.match(r"\s*chủ trì\s*,?\s*(?:phối hợp(?:\s+với|\s+cùng)?\s+)?", text[cs:ce], re.IGNORECASE)
                if fm and fm.group(0).strip():
                    chain2, c2 = chain_at(text, cs + fm.end(), mentions, ce)
                    if chain2 and "phối hợp" in fm.group(0).lower():
                        supports_all = chain2
                        cs = _skip_ws(text, after_chain(text, c2, ce), ce)
                    elif is_verb_start(text[cs + fm.end():ce]):
                        cs = cs + fm.end()
        for _ in range(3):
            m = lx.connective_start.match(text[cs:ce])
            if m:
                cs = _skip_ws(text, cs + m.end(), ce)
                continue
            c2 = strip_modal(text, cs, ce)
            if c2 == cs:
                break
            cs = c2
        clause_dl: Optional[Dl] = None
        for d in deadlines:
            if cs <= d.start <= cs + 1 and d.end <= ce:
                clause_dl = d
                cs = _skip_ws(text, d.end, ce)
                break
        ctext = text[cs:ce]
        if any(p_.search(ctext) for p_ in lx.liability):
            continue
        if any(p_.search(ctext.strip()) for p_ in lx.non_task):
            continue
        clause_leads = between_in(text, cs, ce, mentions)
        # comma groups
        segs = split_at(masked, cs, ce, r",\s*|\s+và\s+") if split_commas else [(cs, ce)]
        groups: list[list[tuple[int, int]]] = []
        group_subject: dict[int, list[Ag]] = {}
        cur: list[tuple[int, int]] = []
        governed = advised = purposed = False
        for seg in segs:
            seg_text = text[seg[0]:seg[1]]
            st = seg_text.lstrip()
            if not cur:
                cur = [seg]
                governed = _governs(st)
                advised = _advises(st)
                purposed = bool(_PURPOSE.search(" " + st + " "))
                continue
            # ", hoàn thành trong tháng 12", ", báo cáo trước ngày …": a time for the task before it
            rest_words = seg_text
            for d in deadlines:
                if seg[0] <= d.start and d.end <= seg[1] + 1:
                    rest_words = rest_words.replace(text[d.start:d.end], " ")
            if rest_words != seg_text and len(words(re.sub(r"\b(?:hoàn thành|xong|báo cáo|kết quả|thực hiện)\b", " ",
                                                            rest_words, flags=re.IGNORECASE))) == 0:
                cur.append(seg)
                continue
            seg_subj = _clause_subject(text, seg[0], seg[1], mentions)
            if seg_subj and lx.modal_any.match(text, after_chain(text, max(m.end for m in seg_subj), seg[1]) ):
                groups.append(cur)
                cur = [seg]
                group_subject[len(groups)] = seg_subj
                governed = advised = purposed = False
                continue
            prev_text = text[cur[-1][0]:cur[-1][1]]
            gap = text[cur[-1][1]:seg[0]]
            by_va = "," not in gap and bool(re.fullmatch(r"\s*và\s*", gap))
            if review:
                new = bool(re.match(r"đánh giá\b", st, re.IGNORECASE))
            elif by_va:
                # "… hoạt động đấu thầu và giám sát thực hiện các kết luận …": a second predicate with its own object
                new = (not purposed and not _verb_only(prev_text) and not _ends_with_verb(prev_text)
                       and len(words(prev_text)) >= 3
                       and ((not governed and is_verb_start(st))
                            or (bool(_ADVERB_VERB.match(st)) and not advised)))
            elif lx.connective_start.match(st) and re.match(r"\s*(?:từ đó|đồng thời|qua đó)\b", st, re.IGNORECASE):
                new = not _verb_only(prev_text)
            elif (governed and not (purposed and _purpose_verb_only(text[cur[-1][0]:cur[-1][1]]))
                  and _REPORT_START.match(seg_text) and not advised
                  and chain_at(text, seg[0] + _REPORT_START.match(seg_text).end(), mentions, seg[1])[0]):
                new = True
            elif (governed and not purposed and _COORD_START.match(seg_text)
                  and chain_at(text, seg[0] + _COORD_START.match(seg_text).end(), mentions, seg[1])[0]):
                new = True
            else:
                new = (
                    not governed
                    and not _verb_only(text[cur[-1][0]:cur[-1][1]])
                    and not _ends_with_verb(text[cur[-1][0]:cur[-1][1]])
                    and (is_verb_start(st) or any(d.start == seg[0] + (len(seg_text) - len(st))
                                                   and d.deadline.kind in ("ongoing", "recurring") for d in deadlines))
                )
            if new:
                groups.append(cur)
                cur = [seg]
                governed = _governs(st)
                advised = _advises(st)
                purposed = bool(_PURPOSE.search(" " + st + " "))
            else:
                cur.append(seg)
                governed = governed or _governs(st)
                advised = advised or _advises(st)
                purposed = purposed or bool(_PURPOSE.search(" " + st + " "))
        if cur:
            groups.append(cur)
        clause_supports: list[Ag] = []
        for gi, g in enumerate(groups):
            gs, ge = g[0][0], g[-1][1]
            gs = _skip_ws(text, gs, ge)
            g_subject = group_subject.get(gi)
            if g_subject:
                gs = _skip_ws(text, after_chain(text, max(m.end for m in g_subject), ge), ge)
            for _ in range(2):
                m = lx.connective_start.match(text[gs:ge])
                if m:
                    gs = _skip_ws(text, gs + m.end(), ge)
                    continue
                g2 = strip_modal(text, gs, ge)
                if g2 == gs:
                    break
                gs = g2
            # deadline inside this task
            task_dl: Optional[Dl] = None
            for d in deadlines:
                if gs <= d.start and d.end <= ge + 1:
                    bare = d.deadline.kind == "ongoing" or (d.deadline.kind == "recurring" and d.deadline.frequency is None)
                    before = text[gs:d.start].strip()
                    if bare and before and not before.endswith((",", ";")):
                        continue  # "thường xuyên", "khám định kỳ" inside the object describe the work
                    if sent_dl is not None and d is sent_dl:
                        continue
                    task_dl = d
            a, b = gs, ge
            for d in [x for x in (task_dl, sent_dl, clause_dl) if x is not None]:
                if a <= d.start and d.end <= b + 1:
                    left = trim(text, a, d.start)
                    right = trim(text, d.end, b)
                    lw = len(words(text[left[0]:left[1]]))
                    rw = len(words(text[right[0]:right[1]]))
                    adjunct = re.match(r"\s*(?:theo|tại|trên|qua|thông qua|để|nhằm|đối với|cho|bằng|trong|của)\b",
                                       text[right[0]:right[1]], re.IGNORECASE)
                    if lw == 0 and rw == 0:
                        a, b = left
                    elif rw > lw and not (adjunct and lw >= 2):
                        a, b = right
                    else:
                        a, b = left
            a, b = trim(text, a, b)
            mt = _TRAIL_PAREN.search(text[a:b])
            if mt and mt.start() > 0:
                a, b = trim(text, a, a + mt.start())
            if b <= a or len(words(text[a:b])) < 2:
                continue
            # supports: a verbal "phối hợp (với)" at the start of the task (or of the clause)
            seg_supports: list[Ag] = []
            sm = re.match(r"\s*(?:(?:chủ động|tích cực|tăng cường|thường xuyên|tiếp tục|khẩn trương|kịp thời|trao đổi|cùng)\s*,?\s+){0,2}"
                          r"(?:phối hợp|kết hợp)(?:\s+(?:chặt chẽ|tốt|hiệu quả|thường xuyên|đồng bộ))?(?:\s+với|\s+cùng)?\s+",
                          text[a:b], re.IGNORECASE)
            if sm and not re.match(r"\s*giữa\b", text[a + sm.end():b], re.IGNORECASE):
                chain, _ = chain_at(text, a + sm.end(), mentions, b)
                seg_supports = chain
                if gi == 0:
                    clause_supports = chain
            elif gi > 0:
                seg_supports = list(clause_supports)
            dl, prio = None, 0
            if task_dl is not None:
                dl, prio = task_dl.deadline, 3
            elif clause_dl is not None:
                dl, prio = clause_dl.deadline, 2
            elif sent_dl is not None:
                dl, prio = sent_dl.deadline, 1
            d_leads = list(clause_leads) if clause_leads else list(g_subject or leads)
            d_sup = [x for x in supports_all + seg_supports if all(x.name != y.name for y in d_leads)]
            uniq: list[Ag] = []
            for x in d_sup:
                if all(x.name != y.name for y in uniq):
                    uniq.append(x)
            drafts.append(Draft(
                start=a, end=b, leads=d_leads, supports=uniq,
                report_to=report_to_in(text, a, b, mentions),
                deadline=dl, deadline_prio=prio,
                rule=f"sentence:{how}" if subject else ("sentence:carried" if leads else "sentence:no-actor"),
            ))
    return SentenceResult(drafts, subject, frame_supports, explicit=explicit)
