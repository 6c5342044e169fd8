"""Who acts in a sentence: the subject finder of the sentence analyser.

``find_subject`` tries the ways a directive sentence names its actor, in
order, and returns the first that fits:

1. a topic label before a colon is skipped ("Về …:", "Đối với các dự án …:");
2. "Do X VERB …" — the agent after "do";
3. the encourage frame "Khuyến khích X VERB …" opening the sentence (frames.yaml
   ``encourage_words``), then the assign frame "giao / đề nghị / yêu cầu X …" (``assign_words``);
4. leading adverbials are skipped ("Trên cơ sở …,", "nếu có …,");
5. a list of recognised bodies followed by a predicate, a name label
   ("Ban Chỉ đạo …: …"), or a qualifier that stays with the name;
6. "<noun phrase> cần|phải|có trách nhiệm VERB" — a subject the recogniser
   did not know;
7. "<body-headed phrase> VERB" ("Các phòng chuyên môn thuộc Sở …").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .frames import frames
from .lexicon import lexicon, load_lexicon_data, word_alt
from .mentions import Ag, agency_type, canonical, ag
from .predicates import is_verb_start, skip_ws
from .roles import AGENCY_HEAD, after_chain, chain_at, fallback_subject, starts_predicate
from .text import trim, words

__all__ = ["find_subject", "extra_conjunct", "synth_agents", "unknown_partners"]

Subject = tuple[list[Ag], int, str, bool]



@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """The subject finder's word patterns, built from the lexicon (mechanism here, words there)."""
    w = word_alt
    return {
        "not_subject_head": re.compile(rf"^\s*(?:{w('not_subject_heads')})\b", re.IGNORECASE),
        "case": re.compile(rf"\s*(?:{w('condition_openers')})(?=\s|$)", re.IGNORECASE),
        "scope": re.compile(rf"\s*(?:{w('scope_openers')})\s", re.IGNORECASE),
        "purpose": re.compile(rf"\s*(?:{w('purpose_openers')})\s", re.IGNORECASE),
        "then": re.compile(rf"(?:{w('consequence_words')})\s+", re.IGNORECASE),
        "then_inside": re.compile(rf"(?<![\wÀ-ỹ])(?:{w('consequence_words')})\s+", re.IGNORECASE),
        "qualifier": re.compile(rf"\s*(?:{w('subject_qualifiers')})\s", re.IGNORECASE),
        "name_qualifier": re.compile(rf"\s*(?:{w('name_qualifiers')})\b", re.IGNORECASE),
        "topic": re.compile(rf"\s*(?:{w('topic_openers')})\b[^:]{{0,600}}?:\s*"),
        "topic_label": re.compile(rf"\s*(?:{w('topic_label_words')})\b", re.IGNORECASE),
        "agent": re.compile(rf"\s*(?:{w('agent_markers')})\s+"),
        "determiner": re.compile(rf"^(?:(?:{w('list_determiners')}|{w('group_determiners')})\s+)+", re.IGNORECASE),
        "gap_determiner": re.compile(rf"(?<![\wÀ-ỹ])(?:{w('list_determiners')})\s", re.IGNORECASE),
        # "… thực hiện những nội dung sau:": text before a colon that ends so announces a list, it names no body
        "list_announced": re.compile(rf"(?<![\wÀ-ỹ])(?:{w('following_words')})\s*$", re.IGNORECASE),
    }

_AND = word_alt("conjunctions")
_BRACKETS = re.compile(r"\([^()]*\)")
_CAP_CONJUNCT = re.compile(rf"\s*,\s*([A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+(?:(?:{_AND})\s+)?[\wÀ-ỹ]+(?:\s*-\s*[\wÀ-ỹ]+)?){{0,5}})"
                           rf"(?=\s*[,;]|\s+(?:{_AND})\s)")
_LIST_SEP = re.compile(rf"\s*[,;]\s*(?:(?:{_AND})\s+)?|\s+(?:{_AND})\s+")
_FOCUS_START = re.compile(rf"(?:{word_alt('list_focus_words')})\s+", re.IGNORECASE)  # "…, nhất là ACV"
_AND_START = re.compile(rf"\s*(?:{_AND})\s")
_OPTIONAL_SEP = re.compile(rf"\s*(?:,|;)?\s*(?:(?:{_AND})\s+)?")
_NEXT_SEP = re.compile(rf"\s*(?:,|\b(?:{_AND})\b)\s*")
_SEP_END = re.compile(rf"\s*(?:,|\b(?:{_AND}))\s*$")  # a list separator right before a position


def _ag(text: str, a: int, b: int, kind: Optional[str] = None) -> Ag:
    return ag(a, b, text[a:b], canonical(text[a:b]), kind)


def _extend_colon_list(text: str, chain: list[Ag], cend: int, mentions: list[Ag], e: int) -> tuple[list[Ag], int]:
    """"Giám đốc các Sở: Tài chính, Xây dựng, Y tế; Chủ tịch …": the department names after the colon are bodies."""
    chain = list(chain)
    while True:
        m = _CAP_CONJUNCT.match(text, cend, e)
        if not m or any(x.start <= m.start(1) < x.end for x in mentions):
            break
        chain.append(_ag(text, m.start(1), m.end(1)))
        cend = m.end(1)
    sep = _LIST_SEP.match(text[cend:e])
    if sep and len(chain) > 1:
        more, mend = chain_at(text, cend + sep.end(), [x for x in mentions if x.start >= cend], e)
        if more:
            chain, cend = chain + more, mend
    return chain, cend


def extra_conjunct(text: str, t: int, limit: int, mentions: list[Ag]) -> Optional[Ag]:
    """A body-headed phrase of a few words right before the verb ("đảng bộ cơ sở"), else None."""
    if not AGENCY_HEAD.match(text[t:limit]) or lexicon().verb_start.match(text[t:limit]) or any(m.start == t for m in mentions):
        return None
    for wm in re.finditer(r"[\wÀ-ỹ]+", text[t:limit]):
        pos = t + wm.start()
        if pos == t:
            continue
        if any(c in text[t:pos] for c in ",;:"):
            return None
        if is_verb_start(text[pos:limit + 40]):
            a, b = trim(text, t, pos)
            return _ag(text, a, b) if 1 <= len(words(text[a:b])) <= 6 else None
    return None


def synth_agents(text: str, s: int, e: int, mentions: list[Ag]) -> list[Ag]:
    """Bodies of a subject phrase: the recogniser's names when they cover it, else the phrase split."""
    inside = [m for m in mentions if m.start >= s and m.end <= e]
    if inside and inside[0].start - s <= 12:
        return inside
    out = []
    for a, b in fallback_subject(text, s, e):
        a, b = trim(text, a, b)
        if b > a:
            out.append(_ag(text, a, b))
    return out


def _actor_opens(text: str, p: int, e: int, mentions: list[Ag]) -> bool:
    """Does a named body followed by its predicate start at ``p`` ("Ủy ban nhân dân xã phối hợp với …")?"""
    chain, cend = chain_at(text, p, mentions, e)
    return bool(chain) and starts_predicate(text, after_chain(text, cend, e), e)


def _skip_topic(text: str, masked: str, p: int, e: int, mentions: list[Ag]) -> int:
    """Past "Về …:" or a topic label before a colon ("Báo cáo tháng: Sở Tài chính …"); a longer label only when a
    named actor and its predicate open the text after the colon ("Thực hiện mở tài khoản: Ủy ban nhân dân xã phối
    hợp với … thực hiện …")."""
    m = _patterns()["topic"].match(masked[p:e])
    if m:
        return p + m.end()
    m = re.match(r"\s*([^:;]{1,250}?):\s+", masked[p:e])
    if m and (len(words(m.group(1))) <= 6 or _patterns()["topic_label"].match(m.group(1))
              or (len(words(m.group(1))) <= 20 and _actor_opens(text, p + m.end(), e, mentions))):
        chain, cend = chain_at(text, p, mentions, e)
        if not chain or cend < p + m.end(1) - 1:
            return p + m.end()
    return p


def _encouraged(text: str, p: int, e: int, mentions: list[Ag]) -> Optional[Subject]:
    """"Khuyến khích X VERB …" opening the sentence (frames.yaml ``encourage_words``): the encouraged body X acts,
    as after "Đề nghị"; only a recognised body of the Party, the state or a mass organisation right after the word
    (``encourage_body_types``), and only when a predicate follows it."""
    m = frames().encourage.match(text, p, e)
    if not m:
        return None
    chain, cend = chain_at(text, m.end(), mentions, e, max_skip=0)
    if not chain or (chain[0].type or agency_type(chain[0].name)) not in frames().encourage_types:
        return None  # "Khuyến khích các doanh nghiệp đầu tư …": the issuer's own policy, no body acts
    rest = after_chain(text, cend, e)
    return (chain, rest, "assign", True) if starts_predicate(text, rest, e) else None


def _agent_or_assign(text: str, p: int, e: int, limit: int, mentions: list[Ag]) -> Optional[Subject]:
    """"Do X VERB …" (the agent) or "giao / đề nghị / yêu cầu X …" (the assign frame)."""
    dm = _patterns()["agent"].match(text[p:e])
    if dm:
        chain, cend = chain_at(text, p + dm.end(), mentions, e)
        if chain and starts_predicate(text, after_chain(text, cend, e), e):
            return chain, after_chain(text, cend, e), "subject", False
    found = _encouraged(text, p, e, mentions)
    if found:
        return found
    for hit in lexicon().assign.finditer(text, p, limit):
        if len(words(text[p:hit.start()])) > 40:
            break
        if not _assign_opens(text, p, hit.start(), mentions):
            continue
        chain, cend = chain_at(text, hit.end(), mentions, e, max_skip=0)
        if chain:
            tail = _assigned_tail(text, chain, cend, e, limit, mentions)
            return tail if tail else (chain, after_chain(text, cend, e), "assign", True)
        # "Đề nghị các chi bộ trực thuộc …": a body-headed phrase the recogniser did not know
        q = skip_ws(text, hit.end(), e)
        found = _head_noun_subject(text, q, e, limit, mentions)
        if found:
            return found[0], found[1], "assign", True
    return None


def _assigned_tail(text: str, chain: list[Ag], cend: int, e: int, limit: int, mentions: list[Ag]) -> Optional[Subject]:
    """"Yêu cầu các bộ, ngành, địa phương, các thành viên của Ban Chỉ đạo phải tiếp tục …", "yêu cầu các bộ, ngành,
    cơ quan chủ quản, nhất là ACV cần khẩn trương …": in the assign frame, words the recogniser did not know between
    the named bodies and a modal close by are still the assigned subject (``_modal_tail``); after a list separator
    they are a further body of the list (a word singling it out, ``list_focus_words``, left out of its name),
    else the last name runs on to the modal."""
    sep = _LIST_SEP.match(text, cend, e)
    t = sep.end() if sep and sep.end() > cend else skip_ws(text, cend, e)
    focus = _FOCUS_START.match(text, t, e) if t > cend else None
    t = focus.end() if focus else t
    found = _modal_tail(text, chain, t, e, limit, mentions)
    if not found:
        return None
    if text[cend:t].strip():  # a comma or "và" before the unknown words: a further body
        a, b = trim(text, t, found[1])
        if b <= a:
            return None
        return chain + synth_agents(text, a, b, mentions), found[1], "assign", True
    return found[0], found[1], "assign", True


def _assign_opens(text: str, p: int, at: int, mentions: list[Ag]) -> bool:
    """Does the "giao / đề nghị / yêu cầu" at ``at`` open a frame? Only at the start, after punctuation or a
    fronted adverbial ("Về …: giao X …", "Trong quá trình thực hiện, nếu có vướng mắc đề nghị X …") or after the issuing
    body ("Ủy ban nhân dân tỉnh yêu cầu X …"); inside a predicate it is the actor's own verb ("Tăng cường …, có
    biện pháp yêu cầu các chủ đầu tư lập …", "chủ động đề nghị X …", "có quyền yêu cầu …", "được giao …")."""
    before = text[p:at].rstrip()
    if _request_in_case(text, before, at):
        return False
    if not before or before[-1] in ",:;.)" or lexicon().adverbial_start.match(before):
        return True  # "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc đề nghị X …": after a fronted adverbial
    chain, cend = chain_at(text, p, mentions, at)
    return bool(chain) and skip_ws(text, cend, at) >= at


def _request_in_case(text: str, before: str, at: int) -> bool:
    """"Trường hợp đề nghị Cơ quan chủ trì chuyển nội dung … thì phải nêu rõ …": a request right after a case
    opener (``condition_openers``, no comma between) whose consequence ("thì", ``consequence_words``) follows in
    the clause is part of the case, not an assignment. Not "nếu có vướng mắc đề nghị X …" (no consequence word)."""
    if "," in before or not _patterns()["case"].fullmatch(before):
        return False
    stop = min(len(text), at + 300)
    semi = text.find(";", at, stop)
    th = _patterns()["then_inside"].search(text, at, semi if semi >= 0 else stop)
    return th is not None


def _predicate_after_then(text: str, masked: str, p: int, e: int) -> Optional[int]:
    """"Trường hợp phát sinh vướng mắc … thì phải nêu rõ nội dung vướng mắc …": a case with no comma ends at its
    consequence word; when a modal or a verb follows it and no body is named, the carried actor
    acts from there (None otherwise: a named body is ``_actor_after_then``'s)."""
    lim = min(e, p + 300)
    th = _patterns()["then_inside"].search(masked, p, lim)
    if not th or any(ch in _BRACKETS.sub("", masked[p:th.start()]) for ch in ";,"):
        return None  # a comma outside brackets ends the case as before ("Trường hợp cần thiết, …")
    after = skip_ws(text, th.end(), e)
    if lexicon().modal_start.match(text[after:e]) or is_verb_start(text[after:e]):
        return after  # "thì phải nêu rõ …" (a modal opens the predicate), "thì báo cáo …"
    return None


def _connective_before_adverbial(text: str, p: int, e: int) -> int:
    """Past a sentence connective that a leading adverbial follows ("Tuy nhiên, bên cạnh những kết quả đã đạt
    được, tỉnh X cần …", "Đồng thời, trong quá trình triển khai, …"), else ``p``: the connective links to the
    sentence before, the adverbial is read after it as at a sentence start."""
    lx = lexicon()
    m = lx.connective_start.match(text[p:e])
    if not m:
        return p
    after = skip_ws(text, p + m.end(), e)
    if after < e and text[after] == ",":
        after = skip_ws(text, after + 1, e)
    return after if lx.adverbial_start.match(text[after:e]) else p


def _skip_connective(text: str, p: int, e: int, mentions: list[Ag]) -> int:
    """Past a sentence connective before a named actor ("Đồng thời, các địa phương chủ động …", "Mặt khác Sở X
    …"): the connective (task_lexicon.yaml ``connectives``) links to the sentence before; the body after it acts."""
    m = lexicon().connective_start.match(text[p:e])
    if not m:
        return p
    after = skip_ws(text, p + m.end(), e)
    if after < e and text[after] == ",":
        after = skip_ws(text, after + 1, e)
    return after if _actor_opens(text, after, e, mentions) else p


def _skip_adverbials(text: str, masked: str, p: int, e: int, mentions: list[Ag]) -> int:
    """Past leading adverbials ("Trên cơ sở …, ", "Trong quá trình …, nếu có …, ") and connectives."""
    lx = lexicon()
    q = _skip_connective(text, p, e, mentions)
    if q != p:
        return q
    q = _connective_before_adverbial(text, p, e)
    if q != p:
        p = q  # "Tuy nhiên, bên cạnh những kết quả …, tỉnh X cần …": the adverbials after the connective are skipped
    bm = frames().basis_purpose.match(text, p, e)
    if bm and is_verb_start(text[bm.end():e]) and not any(p <= m.start < bm.end() for m in mentions):
        return bm.end()  # "Căn cứ mục tiêu, nội dung, giải pháp của Đề án để cụ thể hóa …": the purpose is the action
    for _ in range(3):
        m = lx.adverbial_start.match(text[q:e])
        if not m:
            break
        then = _actor_after_then(text, masked, q + m.end(), e, mentions)
        if then is None and _patterns()["purpose"].match(text, q, e):
            then = _actor_after_purpose(text, masked, q + m.end(), e, mentions)
        if then is None and _patterns()["scope"].match(text, q, e):
            then = _actor_in_scope(text, q + m.end(), e, mentions)
        if then is None and _patterns()["scope"].match(text, q, e):
            then = _modal_after_scope(text, masked, q + m.end(), e)
        if then is None and _patterns()["case"].match(text, q, e):
            then = _predicate_after_then(text, masked, q + m.end(), e)
        if then is not None:
            q = then
            continue
        # the adverbial ends inside its own clause: a comma after the clause's ";" belongs to the next clause
        reach = min(_clause_end(masked, q, e), q + 300)
        comma = masked.find(",", q + m.end(), reach)
        if comma < 0:
            break
        nxt = skip_ws(text, comma + 1, e)
        # "nếu có phát sinh, vướng mắc, các cơ quan …": the adverbial runs to the comma before the actor
        probe = comma
        for _ in range(8):  # a basis may list many documents: "Căn cứ chức năng, nhiệm vụ, …, các văn bản của Bộ, ngành, …"
            after = skip_ws(text, probe + 1, e)
            th = _patterns()["then"].match(text, after, e)  # "Trường hợp …, thì các cơ quan …": the consequence names the actor
            after = th.end() if th else after
            chain, cend = chain_at(text, after, mentions, e)
            if (chain and (starts_predicate(text, after_chain(text, cend, e), e)
                           or _modal_tail(text, chain, after_chain(text, cend, e), e, e, mentions))) \
                    or is_verb_start(text[after:e]) or lx.adverbial_start.match(text[after:e]):
                nxt = after
                break
            probe = masked.find(",", probe + 1, reach)
            if probe < 0:
                break
        q = nxt
    return q


def _clause_end(masked: str, q: int, e: int) -> int:
    """The end of the clause that starts at ``q``: its first ";" (or ``e``)."""
    semi = masked.find(";", q, e)
    return e if semi < 0 else semi


def _actor_after_purpose(text: str, masked: str, p: int, e: int, mentions: list[Ag]) -> Optional[int]:
    """"Để nâng cao hiệu quả …, tăng cường công tác kiểm tra …, các Sở, ngành … triển khai …": a purpose may
    list several verbs of its own, so its end is the comma before a named actor with a predicate (not the
    first comma before a verb). None when no comma of the sentence is followed by such an actor."""
    comma = masked.find(",", p, min(e, p + 400))
    while comma >= 0:
        after = skip_ws(text, comma + 1, e)
        chain, cend = chain_at(text, after, mentions, e)
        if chain and starts_predicate(text, after_chain(text, cend, e), e):
            return after
        comma = masked.find(",", comma + 1, min(e, p + 400))
    return None


def _actor_in_scope(text: str, p: int, e: int, mentions: list[Ag]) -> Optional[int]:
    """"Đối với các chủ đầu tư cần nhanh chóng dọn dẹp mặt bằng, khôi phục lại thi công": a scope that names a
    body straight before a modal addresses that body, which acts (its start, where the subject is read); None
    when no body opens the scope or no modal follows it ("Đối với những vấn đề vượt thẩm quyền phải báo cáo …",
    "Đối với các dự án …, có trách nhiệm …": ``_modal_after_scope``)."""
    chain, cend = chain_at(text, p, mentions, e)
    if not chain:
        return None
    rest = after_chain(text, cend, e)
    return skip_ws(text, p, e) if lexicon().modal_start.match(text[rest:e]) else None


def _modal_after_scope(text: str, masked: str, p: int, e: int) -> Optional[int]:
    """"Đối với các dự án có liên quan đến quy hoạch cấp quốc gia, quy hoạch vùng, … thì trong quá trình thẩm
    định, có trách nhiệm tham mưu …": a scope may list its objects, so it ends at the comma before a modal
    with its verb ("có trách nhiệm", "phải"; the actor is carried), not at the first comma before a word that
    can be a verb ("quy hoạch vùng"). None when no comma of the clause (up to ";") is followed by a modal."""
    limit = masked.find(";", p, e)
    limit = e if limit < 0 else limit
    lx = lexicon()
    comma = masked.find(",", p, limit)
    while comma >= 0:
        after = skip_ws(text, comma + 1, limit)
        mm = lx.modal_start.match(text[after:limit])
        if mm and is_verb_start(text[after + mm.end():limit]):
            return after
        comma = masked.find(",", comma + 1, limit)
    return None


def _actor_after_then(text: str, masked: str, p: int, e: int, mentions: list[Ag]) -> Optional[int]:
    """"Trường hợp chưa có quy định thì các cơ quan chuyên môn … tham mưu …": a case may end at its consequence
    word (task_lexicon.yaml ``consequence_words``) with no comma; when a named body and its predicate follow that
    first "thì" of the clause, the body acts (the start of the body, else None)."""
    lim = min(e, p + 300)
    th = _patterns()["then_inside"].search(masked, p, lim)
    if not th or ";" in masked[p:th.start()]:
        return None
    after = skip_ws(text, th.end(), e)
    chain, cend = chain_at(text, after, mentions, e)
    if chain and (starts_predicate(text, after_chain(text, cend, e), e)
                  or _modal_tail(text, chain, after_chain(text, cend, e), e, e, mentions)):
        return after
    return None


def _name_label(text: str, masked: str, chain: list[Ag], cend: int, limit: int) -> Optional[Subject]:
    """"Ban Chỉ đạo bầu cử của tỉnh: …", "Các cơ quan … còn lại có liên quan đến …: …" — a name label."""
    lx = lexicon()
    colon = masked.find(":", cend, min(limit, cend + 200))
    if colon <= cend:
        return None
    between = text[cend:colon]
    no_verb = not (is_verb_start(between.lstrip()) or lx.modal_start.match(between)
                   or lx.support_start.match(between) or frames().lead_only.match(between))
    if (between.strip() and ";" not in masked[cend:colon] and len(words(between)) <= 20
            and not _patterns()["list_announced"].search(between)
            and (no_verb or _patterns()["name_qualifier"].match(between))):
        a2, b2 = trim(text, chain[-1].start, colon)
        return chain[:-1] + [_ag(text, a2, b2, chain[-1].type)], colon + 1, "label", True
    return None


def _qualified_name(text: str, masked: str, chain: list[Ag], t: int, e: int, limit: int,
                    mentions: list[Ag]) -> Optional[Subject]:
    """"các nhà đầu tư trong các khu công nghiệp, cụm công nghiệp chủ động …": the qualifier stays with the name;
    a further named body after it goes on the list ("Các sở, cơ quan trực thuộc tỉnh và các cơ quan liên quan
    trong phạm vi chức năng, nhiệm vụ của mình tổ chức …")."""
    lx = lexicon()
    if not _patterns()["qualifier"].match(text, t):
        return None
    for wm in re.finditer(r"[\wÀ-ỹ]+", text[t:min(limit, t + 160)]):
        pos = t + wm.start()
        if masked[t:pos].count(";") or masked[t:pos].count(":"):
            break
        if any(m.start < pos < m.end for m in mentions):
            continue  # "… của Sở Giáo dục và Đào tạo tổ chức …": not the verb "đào tạo"
        sep = _SEP_END.search(text, t, pos) if pos > t + 3 and any(m.start == pos for m in mentions) else None
        if sep:
            more, mend = chain_at(text, pos, mentions, e)
            after = after_chain(text, mend, e)
            if more and starts_predicate(text, after, e):
                a2, b2 = trim(text, chain[-1].start, sep.start())
                explicit = bool(lx.modal_start.match(text[skip_ws(text, after, e):e]))
                return chain[:-1] + [_ag(text, a2, b2, chain[-1].type)] + more, after, "subject", explicit
        if pos > t + 3 and (is_verb_start(text[pos:e]) or lx.modal_start.match(text[pos:e])):
            a2, b2 = trim(text, chain[-1].start, pos)
            return chain[:-1] + [_ag(text, a2, b2, chain[-1].type)], pos, "subject", bool(lx.modal_start.match(text[pos:e]))
        if len(words(text[t:pos])) > 16:
            break
    return None


def _chain_subject(text: str, masked: str, start: int, e: int, limit: int, mentions: list[Ag]) -> Optional[Subject]:
    """A list of recognised bodies at ``start`` followed by its predicate."""
    lx = lexicon()
    chain, cend = chain_at(text, start, mentions, e, max_skip=0)
    if chain and ":" in chain[-1].name:
        chain, cend = _extend_colon_list(text, chain, cend, mentions, e)
    if not chain:
        return None
    label = _name_label(text, masked, chain, cend, limit)
    if label:
        return label
    chain, cend = _bridge_unknown(text, chain, cend, limit, mentions)
    t = after_chain(text, cend, e)
    if "," in text[cend:t] or _AND_START.match(text[cend:t]):
        # "Các chi bộ, đảng bộ cơ sở tổ chức …": a further body the recogniser did not know
        extra = extra_conjunct(text, t, min(limit, t + 80), mentions)
        if extra is not None:
            chain, t = chain + [extra], skip_ws(text, extra.end, e)
    found = _modal_tail(text, chain, t, e, limit, mentions)
    if found:
        return found
    if starts_predicate(text, t, e):
        explicit = bool(lx.modal_start.match(text[skip_ws(text, t, e):e])) or text[t:e].lstrip().startswith(":")
        return chain, t, "subject", explicit
    return _qualified_name(text, masked, chain, t, e, limit, mentions)


def _modal_tail(text: str, chain: list[Ag], t: int, e: int, limit: int, mentions: list[Ag]) -> Optional[Subject]:
    """"Tổ chức, cá nhân sản xuất, kinh doanh hàng hóa, dịch vụ có trách nhiệm chấp hành …": the recognised name
    stops inside its qualifier (a lower-case noun only looks like a predicate); when no verb but a modal follows
    within a few words, the name runs to the modal."""
    lx = lexicon()
    rest = text[t:e].lstrip()
    if not rest or rest[0] == ":" or lx.modal_start.match(rest):
        return None
    hit = lx.modal_any.search(text, t, min(limit, t + 120))
    if not hit or any(c in text[t:hit.start()] for c in ";:()") or len(words(text[t:hit.start()])) > 10:
        return None
    verb = lx.verb_start.match(rest) or any(
        not any(m.start <= t + wm.start() < m.end for m in mentions) and is_verb_start(text[t + wm.start():e])
        for wm in re.finditer(r"[\wÀ-ỹ]+", text[t:hit.start()]))
    if verb and not _relative_gap(text, chain[-1], t, hit, e, mentions):
        return None
    a2, b2 = trim(text, chain[-1].start, _scope_before(text, t, hit.start()))
    return chain[:-1] + [_ag(text, a2, b2, chain[-1].type)], hit.start(), "subject", True


def _scope_before(text: str, t: int, stop: int) -> int:
    """Where the name that runs to its modal ends: before a scope qualifier that fills the rest of the gap
    ("các Sở, ban, ngành quản lý quy hoạch | theo chức năng, nhiệm vụ được giao có trách nhiệm …", frames.yaml
    ``scope_openers`` …); the scope is no part of the name. ``stop`` when there is none."""
    scope = frames().scope
    for wm in re.finditer(r"[\wÀ-ỹ]+", text[t:stop]):
        m = scope.match(text, t + wm.start(), stop)
        if m and not text[m.end():stop].strip(" ,"):
            return t + wm.start()
    return stop


def _relative_gap(text: str, last: Ag, t: int, hit: re.Match, e: int, mentions: list[Ag]) -> bool:
    """"cơ quan tổ chức lập quy hoạch phải bảo đảm …", "Các cơ quan, đơn vị theo thẩm quyền quản lý ngành, lĩnh vực
    có trách nhiệm …": a bare class noun of bodies (task_lexicon.yaml ``relative_heads``) names no one until a
    relative phrase qualifies it; its verb-shaped words up to the modal belong to the subject. Not when a body is
    named inside the gap or a determiner opens a new noun phrase there ("… chỉ đạo các trường học phải …": the
    modal is that body's), nor when a comma opens a second predicate, nor when no verb follows the modal."""
    conjunct = re.split(r",|\s(?:%s)\s" % _AND, last.name)[-1]
    head = _patterns()["determiner"].sub("", conjunct.strip()).lower()
    if head not in _relative_heads():
        return False
    gap = text[t:hit.start()]
    if any(t <= m.start < hit.start() for m in mentions) or _patterns()["gap_determiner"].search(gap):
        return False
    if gap.rstrip().endswith(",") or any(is_verb_start(text[t + c.end():e]) for c in re.finditer(r",\s*", gap)):
        return False  # "Các đơn vị tổ chức thực hiện, cần …": the comma closes the body's own predicate
    return bool(lexicon().verb_start.match(text[hit.end():e]))


@lru_cache(maxsize=1)
def _relative_heads() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lexicon_data().get("relative_heads") or ())


def _bridge_unknown(text: str, chain: list[Ag], cend: int, limit: int, mentions: list[Ag]) -> tuple[list[Ag], int]:
    """"các Sở, ban, ngành, cơ quan ngành dọc đóng trên địa bàn, Ủy ban nhân dân xã, phường xây dựng …": a
    body-headed phrase the recogniser did not know, between two names of one subject list, is a body too."""
    for _ in range(3):
        sep = _OPTIONAL_SEP.match(text[cend:limit])
        t = cend + sep.end()
        if t == cend or not AGENCY_HEAD.match(text[t:limit]) or any(m.start == t for m in mentions):
            break
        nxt = _NEXT_SEP.search(text[t:min(limit, t + 80)])
        if not nxt:
            break
        a, b = trim(text, t, t + nxt.start())
        ws = list(re.finditer(r"[\wÀ-ỹ]+", text[a:b]))
        if not 2 <= len(ws) <= 8 or any(is_verb_start(text[a + w.start():b]) for w in ws[1:]):
            break
        more, mend = chain_at(text, t + nxt.end(), mentions, limit)
        if not more:
            break
        chain, cend = chain + [_ag(text, a, b)] + more, mend
    return chain, cend


def _modal_subject(text: str, q: int, e: int, limit: int, mentions: list[Ag]) -> Optional[Subject]:
    """"<noun phrase> (cần|phải|có trách nhiệm) VERB": a subject the recogniser missed."""
    for hit in lexicon().modal_any.finditer(text, q, min(limit, q + 220)):
        if hit.group(0)[0].isupper():
            continue  # "Cần Thơ" is a place, not the modal "cần"
        span_s, span_e = trim(text, q, hit.start())
        subj = text[span_s:span_e]
        if not subj or len(words(subj)) > 22 or ":" in subj or is_verb_start(subj) or _patterns()["not_subject_head"].match(subj):
            return None
        if not (subj[0].isupper() or subj.lower().startswith(("các ", "mỗi ", "những "))):
            return None
        if not (AGENCY_HEAD.match(subj) or any(span_s <= m.start < span_s + 12 and m.end <= span_e for m in mentions)):
            return None  # "Thứ năm, …", "Dứt khoát …", "Việc đẩy nhanh … là quan trọng": no body is named
        after = text[hit.end():e].lstrip().lower()
        if after.startswith(("được", "là", "có ")) and hit.group(0).lower() in ("cần", "phải"):
            return None
        agents = synth_agents(text, span_s, span_e, mentions)
        return (agents, hit.end(), "modal", True) if agents else None
    return None


def _head_noun_subject(text: str, q: int, e: int, limit: int, mentions: list[Ag]) -> Optional[Subject]:
    """"<Các phòng chuyên môn thuộc Sở, các trường …> VERB": a body-headed phrase the recogniser missed."""
    if not AGENCY_HEAD.match(text[q:e]) or any(m.start == q for m in mentions) or lexicon().verb_start.match(text[q:e]):
        return None
    for wm in re.finditer(r"[\wÀ-ỹ]+", text[q:min(limit, q + 160)]):
        pos = q + wm.start()
        if pos == q:
            continue
        if text[q:pos].count(":"):
            return _head_noun_label(text, q, text.find(":", q, pos), e, mentions)
        if any(m.start < pos < m.end for m in mentions):
            continue  # "doanh nghiệp, viện nghiên cứu, trường đại học tổ chức …": a verb-shaped word inside a body's name
        if is_verb_start(text[pos:e]):
            if text.count("(", q, pos) > text.count(")", q, pos):
                return None  # "địa phương … được cộng điểm (sau khi được | ban hành)": a name holds no open bracket
            span_s, span_e = trim(text, q, pos)
            if len(words(text[span_s:span_e])) >= 2:
                agents = synth_agents(text, span_s, span_e, mentions)
                if agents:  # "cơ quan tổ chức lập quy hoạch phải …": a relative phrase runs on to the modal
                    return _modal_tail(text, agents, pos, e, limit, mentions) or (agents, pos, "head-noun", False)
            return None
    return None


def _head_noun_label(text: str, q: int, colon: int, e: int, mentions: list[Ag]) -> Optional[Subject]:
    """"14. Doanh nghiệp, cộng đồng, tổ chức, cá nhân: Quan tâm, đăng ký …": a body-headed phrase without a
    verb, the recogniser's names not covering it, labels the item when a verb follows its colon."""
    span_s, span_e = trim(text, q, colon)
    if not 2 <= len(words(text[span_s:span_e])) <= 12 or not is_verb_start(text[colon + 1:e].lstrip()):
        return None
    agents = synth_agents(text, span_s, span_e, mentions)
    return (agents, colon + 1, "label", True) if agents else None


def unknown_partners(text: str, q: int, e: int, mentions: list[Ag]) -> Optional[tuple[list[Ag], int]]:
    """"phối hợp (với) <Ban Đại diện cha mẹ học sinh> VERB …": the slot after a support frame holds bodies, so a
    body-headed phrase the recogniser did not know, before the predicate, names the partners: (bodies, end)."""
    found = _head_noun_subject(text, q, e, e, mentions)
    if not found:
        return None
    pos = found[1]
    span_s, span_e = trim(text, q, pos)
    if any(m.start == span_s for m in mentions):
        return found[0], pos
    # a name the recogniser knows only in part ("Bộ ngành Trung ương", "cơ quan Công an"): the phrase as written
    agents = [_ag(text, *trim(text, a, b)) for a, b in fallback_subject(text, span_s, span_e)]
    return (agents, pos) if agents else None


def find_subject(text: str, masked: str, s: int, e: int, mentions: list[Ag]) -> Subject:
    """(bodies, predicate start, how, explicit) for the sentence ``[s, e)``."""
    p = _skip_topic(text, masked, skip_ws(text, s, e), e, mentions)
    first_semi = masked.find(";", p, e)
    limit = e if first_semi < 0 else first_semi
    found = _agent_or_assign(text, p, e, limit, mentions)
    if found:
        return found
    q = _skip_adverbials(text, masked, p, e, mentions)
    for start in ([p, q] if q != p else [p]):
        found = _chain_subject(text, masked, start, e, limit, mentions)
        if found:
            return found
    found = _modal_subject(text, q, e, limit, mentions) or _head_noun_subject(text, q, e, limit, mentions)
    return found if found else ([], q, "none", False)
