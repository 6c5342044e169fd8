"""Cut a predicate into clauses (at ";") and tasks (at "," / "và").

Annotation rule T3 (docs/tasks.md): one task per predicate that has its own object; verbs that
share one object stay one task ("hướng dẫn, theo dõi, kiểm tra việc …");
clauses joined by ";" with different objects are separate tasks, but a ";"
that only continues a list of objects ("…; các nhóm đối tượng …") does not
cut. After a governing verb ("tham mưu", "hướng dẫn X …", "chỉ đạo") or a
purpose ("để …", "nhằm …") a comma does not start a task.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .ablation import on
from .compounds import ends_with_field, mask_joined_fields, nominal_compound_only
from .frames import frames
from .lexicon import lexicon, load_lexicon_data, opening_word, word_alt
from .mentions import Ag, Dl
from .predicates import (NOUN_TOCHUC, ends_with_verb, head_pair_then_verb_like_noun, is_verb_start, manner_list,
                         noun_item_then_verb_like_noun,
                         quality_only, skip_ws, verb_only)
from .roles import after_chain, chain_at, starts_predicate
from .text import past_enumerator, split_at, words
from .timed_parts import own_time_cuts
from ..deadlines import load_vocabulary as load_deadline_vocabulary
from ..vocab import phrases

__all__ = ["merge_clauses", "comma_groups", "clause_subject"]



def _list_continuation() -> re.Pattern:
    """A ";" clause that only continues a list of objects: "các …", or the title of a cited document
    (``list_determiners``, ``document_titles`` in task_lexicon.yaml; titles match with their capital)."""
    d = load_lexicon_data()

    return re.compile(rf"(?i:(?:{phrases(d['list_determiners'])}))\s|(?:{phrases(d['document_titles'])})\s")


_LIST_CONTINUATION = _list_continuation()
# "Các chuyên đề về …; …": an item naming topics (``topic_list_heads``, after an optional determiner)
_TOPIC_LIST = re.compile(rf"(?:(?:{word_alt('list_determiners')})\s+)?(?:{word_alt('topic_list_heads')})\s",
                         re.IGNORECASE)
# "Khi …, bố trí …": a fronted condition joins the main clause (``condition_openers`` in task_lexicon.yaml)
_CONDITION = re.compile(r"\s*(?:" + phrases(load_lexicon_data().get("condition_openers") or ())
                        + r")(?![\wÀ-ỹ])", re.IGNORECASE)
# "trường hợp … thì X …": the word that opens the consequence of a case (``consequence_words``)
_THEN = re.compile(rf"(?<![\wÀ-ỹ])(?:{word_alt('consequence_words')})\s+", re.IGNORECASE)
_ACTION_OPENERS = ("không ", "chủ động", "kịp thời", "có ", "sớm", "kiên quyết")
_ADVERB_VERB = re.compile(rf"\s*(?:{word_alt('predicate_adverbs')}|(?:{word_alt('report_step_verbs')})\s+"
                          rf"(?:{word_alt('report_step_objects')}))\s", re.IGNORECASE)
# "… chuyên biệt và thường xuyên cho đội ngũ …": the adverb before a preposition is a quality, not a new predicate
_ADVERB_QUALITY = re.compile(rf"\s*(?:{word_alt('predicate_adverbs')})\s+(?:{word_alt('complement_prepositions')})(?![\wÀ-ỹ])",
                             re.IGNORECASE)
_REPORT_START = re.compile(rf"\s*(?:(?:{word_alt('report_start_adverbs')})\s+)?(?:(?:{word_alt('report_start_gather')}),?\s+)?"
                           rf"(?:{word_alt('report_start_verbs')})\s", re.IGNORECASE)
# "… để …", "… phục vụ lưu trữ, xử lý, truyền tải …": after a purpose (``purpose_words`` in task_lexicon.yaml) or a
# reference to a document, a comma does not start a task
_PURPOSE = re.compile(r"\s(?!(?:" + phrases(load_lexicon_data().get("purpose_word_exceptions") or ()) + r")\s)(?:"
                      + phrases(load_lexicon_data().get("purpose_words") or ())
    + rf"|(?:{word_alt('reference_prepositions')}) (?:{word_alt('reference_titles')}))\s", re.IGNORECASE)
# governing verbs that, followed straight by a verb, direct an act rather than an addressee ("chỉ đạo quán triệt …";
# ``act_governing_verbs`` in task_lexicon.yaml)
_ADDRESSEE_FIRST = re.compile(r"(?:" + phrases(load_lexicon_data().get("act_governing_verbs") or (), longest_first=False)
                              + r")\s*$", re.IGNORECASE)
_GOVERN_PREFIX = re.compile(r"^\s*(?:" + phrases(load_lexicon_data().get("governing_prefixes") or (), longest_first=False)
                            + r")\s*,?\s*", re.IGNORECASE)
# verbs that govern their commas only when they open the task (``opening_governing_verbs``: "Vận động X …")
_OPENING_GOVERN = re.compile(r"\s*(?:" + phrases(load_lexicon_data().get("opening_governing_verbs") or (),
                                                  longest_first=False) + r")(?![\wÀ-ỹ])", re.IGNORECASE)
# connectives that open a new predicate after a comma (``clause_connectives`` in task_lexicon.yaml): even in a
# content line whose commas do not split ("Nhiệm vụ: …, đồng thời …"); "từ đó, …" after a task
_CONNECTIVES = phrases(load_lexicon_data().get("clause_connectives") or ())
_NEW_CLAUSE = rf",\s*(?=(?:{_CONNECTIVES})[\s,])"
_REPORT_AFTER_VA = re.compile(rf"\s+(?:{word_alt('conjunctions')})\s+" + _REPORT_START.pattern.removeprefix(r"\s*"),
                              re.IGNORECASE)
_AND_GAP = re.compile(rf"\s*(?:{word_alt('conjunctions')})\s*")
_ADVISES = re.compile(rf"\s*(?:\w+\s+)?(?:{word_alt('advising_words')})\b", re.IGNORECASE)
_REVIEW_STEP = re.compile(rf"(?:{word_alt('review_step_words')})\b", re.IGNORECASE)
# a modal straight before a completion word is part of the time clause (", phải hoàn thành trước ngày …")
_TIME_MODALS = phrases(load_lexicon_data().get("time_clause_modals") or ("\x00",), longest_first=False)
_TIME_ONLY = re.compile(r"\b(?:(?:" + _TIME_MODALS + r")\s+(?=" + phrases(load_deadline_vocabulary()["completion_words"])
                        + r"))?(?:" + phrases(load_lexicon_data().get("time_clause_words") or (), longest_first=False)
                        + r")\b", re.IGNORECASE)


# "công tác thông tin, …", "quá trình đi công tác, …", "các kiến nghị, phản ánh, …": a list head and up to four
# syllables, or a determiner and one or two
_ACTIVITY_TAIL = re.compile(rf"(?<![\wÀ-ỹ])(?:(?:{word_alt('activity_list_heads')})\s+[\wÀ-ỹ]+(?:\s+[\wÀ-ỹ]+){{0,3}}"
                            rf"|(?:{word_alt('list_determiners')})\s+[\wÀ-ỹ]+(?:\s+[\wÀ-ỹ]+)?)\s*$", re.IGNORECASE)
_VERB_PREP = re.compile(rf"\s*(?:{phrases(load_lexicon_data()['verbs'])})\s+(?:{word_alt('complement_prepositions')})"
                        r"(?![\wÀ-ỹ])", re.IGNORECASE)


_OBJECT_HEAD = re.compile(rf"(?<![\wÀ-ỹ])(?:{word_alt('activity_object_heads')})\s+", re.IGNORECASE)
_ANY_LIST_HEAD = re.compile(rf"(?<![\wÀ-ỹ])(?:{word_alt('activity_object_heads')}|{word_alt('activity_list_heads')})\s+",
                            re.IGNORECASE)
# "trong công tác | lập hồ sơ …", "trong việc | phát triển …": read through to the activity (``object_head_nominalisers``)
# "trong | quan trắc, giám sát tài nguyên, …": a preposition whose verb-led list runs like a nominalised one
_VERB_LIST_PREP = re.compile(rf"(?:{word_alt('verb_list_prepositions')})", re.IGNORECASE)
_NOMINALISER = re.compile(rf"(?:{word_alt('object_head_nominalisers')})\s+(?=\S)", re.IGNORECASE)
_OBJECT_SYLLABLES = int(load_lexicon_data().get("activity_object_syllables") or 0)
_BARE_ITEM_SYLLABLES = 2
# heads named by a bare activity only ("nền tảng tích hợp, chia sẻ …"; ``bare_activity_heads``): "hệ thống quan
# trắc theo hướng hiện đại, kiểm tra …" has more than the activity after the head, and the next verb cuts
_BARE_HEAD = re.compile(rf"(?:{word_alt('bare_activity_heads')})\s*$", re.IGNORECASE)
_RUNNING_LIST_ITEMS = 3  # "về các hoạt động khoan, đào, thăm dò, khai thác nước …": a list already running
_GLOSS = re.compile(r"\([^()]*\)")
# "phấn đấu đến năm 2030 …", "mục tiêu đến …": a target horizon (``horizon_words`` in deadlines.yaml) is no list item
_FOCUS_TAIL = re.compile(rf"\s*(?:{word_alt('focus_tails')})(?![\wÀ-ỹ])\s*", re.IGNORECASE)
_FOCUS_PREP = re.compile(rf"(?:{word_alt('focus_prepositions')})(?![\wÀ-ỹ])", re.IGNORECASE)
_HORIZON = re.compile(rf"\s*(?:{phrases(load_deadline_vocabulary()['horizon_words'])})(?![\wÀ-ỹ])", re.IGNORECASE)


def _last(pattern: re.Pattern, text: str) -> Optional[re.Match]:
    last = None
    for last in pattern.finditer(text):
        pass
    return last


_DETERMINED_LIST = re.compile(rf"(?<![\wÀ-ỹ])(?:{word_alt('list_determiners')})\s+", re.IGNORECASE)


def _running_determined_list(group: str, st: str) -> bool:
    """"Tổ chức các diễn đàn, đối thoại, tọa đàm, hội thảo, | tập huấn, các cuộc thi …": after a determiner and a
    running list of bare items (three or more, at most two syllables each), a bare verb is one more item of the
    list; a verb with its object ("…, hội thảo, tổ chức tập huấn cho cán bộ") is not bare and still cuts."""
    det = _last(_DETERMINED_LIST, group)
    if det is None or not verb_only(st) or len(words(st)) > _BARE_ITEM_SYLLABLES:
        return False
    items = group[det.end():].split(",")
    return len(items) >= _RUNNING_LIST_ITEMS and all(1 <= len(words(i)) <= _BARE_ITEM_SYLLABLES for i in items)


def running_bare_lead(items: list[str]) -> bool:
    """"về các hoạt động khoan, đào, thăm dò, khai thác nước dưới đất, | quan trắc, …", "công tác quản lý, thăm dò,
    khai thác, sử dụng tài nguyên nước, hành nghề khoan …, | quan trắc, …": a list that opens with three or more bare
    activities after its head is a running list of activities; later items may carry their objects, and a bare verb
    after them is one more item (a bare verb is no task alone: it is an item or shares the next object)."""
    lead = items[:_RUNNING_LIST_ITEMS]
    return len(items) >= _RUNNING_LIST_ITEMS and all(1 <= len(words(i)) <= _BARE_ITEM_SYLLABLES for i in lead)


def continues_object_list(group: str, st: str) -> bool:
    """"truyền thông về bảo vệ môi trường, cải thiện chất lượng …", "theo nguyên tắc đánh giá mã nguồn, kiểm soát
    truy cập …": the last list-governing word of the ``group`` so far (``activity_object_heads``) is followed by
    one short verb-led phrase, so the verb-led segment ``st`` is the next item of that list, not a new task; after
    such a word or an activity head followed by a list of bare items ("về quản lý, thăm dò, …"), a bare verb or a
    verb straight before a preposition is the next item ("…, khai thác, sử dụng tài nguyên nước")."""
    if not is_verb_start(st) or _HORIZON.match(st):
        return False  # tested first: cheaper than finding the group's last list head
    if _running_determined_list(group, st):
        return True
    if _nominal_list_runs(group, st):
        return True
    head = _last(_ANY_LIST_HEAD, group)
    if head is None:
        return False
    items = group[head.end():].split(",")
    if len(items) > 1:  # a list of bare items goes on with a bare verb, or a verb straight before a preposition
        bare = verb_only(st) or bool(_VERB_PREP.match(st)) or len(items) >= _RUNNING_LIST_ITEMS
        if bare and all(1 <= len(words(i)) <= _BARE_ITEM_SYLLABLES for i in items):
            return True
        return verb_only(st) and running_bare_lead(items)
    last = _last(_OBJECT_HEAD, _GLOSS.sub(lambda m: " " * len(m.group(0)), group))  # not a head inside a gloss
    tail = _GLOSS.sub(" ", group[last.end():]) if last else ""  # "đánh giá mã nguồn (source code audit)"
    nominal = last and _NOMINALISER.match(group, last.start())  # "trong công tác lập …": an activity follows
    tail = _GLOSS.sub(" ", group[nominal.end():]) if nominal else tail
    limit = _BARE_ITEM_SYLLABLES if last and _BARE_HEAD.match(last.group(0)) else _OBJECT_SYLLABLES
    return bool(last) and "," not in tail and len(words(tail)) <= limit and (
        (bool(nominal) and not _determined_object(st)) or is_verb_start(tail) or verb_only(tail)
        or _listed_activity(tail, st))


def _nominal_list_runs(group: str, st: str) -> bool:
    """"Phối hợp … trong việc bảo đảm an toàn thông tin, an ninh mạng, | kịp thời ứng cứu sự cố …": after "trong" and a
    nominaliser (``object_head_nominalisers``), or "trong" and a verb-led activity ("áp dụng công nghệ hiện đại trong
    quan trắc, giám sát tài nguyên, môi trường, | cảnh báo thiên tai …"), the list of activities may hold noun items
    too; while it stays short (two object lengths), a verb-led segment without a determined object is its next item."""
    last = _last(_OBJECT_HEAD, _GLOSS.sub(lambda m: " " * len(m.group(0)), group))
    if not last or _determined_object(st):
        return False
    nominal = _NOMINALISER.match(group, last.start())
    if nominal:
        tail = _GLOSS.sub(" ", group[nominal.end():])
    elif _VERB_LIST_PREP.fullmatch(last.group(0).strip()):
        tail = _GLOSS.sub(" ", group[last.end():])
        first = tail.split(",")[0]
        if not (is_verb_start(first) or verb_only(first)):
            return False
    else:
        return False
    return "," in tail and len(words(tail)) <= 2 * _OBJECT_SYLLABLES


def _determined_object(st: str) -> bool:
    """"…, tạo ra các gói du lịch …": a verb whose object has a determiner (``list_determiners``) within its first
    words is a predicate with an object of its own, not the next bare activity of a nominalised list."""
    return bool(_DETERMINED_LIST.search(" " + " ".join(words(st)[:_BARE_ITEM_SYLLABLES + 2]) + " "))


_LISTED_ACTIVITY = re.compile(rf"\s*(?:{word_alt('listed_activity_nouns')})(?![\wÀ-ỹ])", re.IGNORECASE)


def _listed_activity(tail: str, st: str) -> bool:
    """"về kê khai, đăng ký, cấp phép …", "về giá, thẩm định giá của …": an activity the verb lists do not hold
    (``listed_activity_nouns``: "kê khai", "lưu trữ", "giao tiếp" …), or a short noun that the next item names
    again ("giá" … "thẩm định giá"), is the first item of the list, so the next item goes on with it."""
    if _LISTED_ACTIVITY.match(tail):
        return True
    tw = words(tail.lower())
    return 1 <= len(tw) <= 2 and tw[-1] in words(st.lower())[:4]


def continues_activities(prev: str, st: str) -> bool:
    """"Tăng cường công tác thông tin, tuyên truyền về …", "Thực hiện chế độ thông tin, báo cáo theo định kỳ":
    after a comma group ending in a list of activities (``activity_list_heads``), a bare verb or a verb
    straight before a preposition (``complement_prepositions``) is the next activity of the list."""
    return bool(_ACTIVITY_TAIL.search(prev)) and (verb_only(st) or bool(_VERB_PREP.match(st)))


def _after_case(text: str, p: int, ce: int) -> list[int]:
    """Where the actor may start after a fronted case: after its first comma, or after its consequence word
    when no comma comes first ("…; trường hợp chưa có quy định thì các cơ quan … tham mưu …")."""
    out = []
    comma = text.find(",", p, min(ce, p + 200))
    then = _THEN.search(text, p, min(ce, p + 200))
    for cut in sorted(x for x in (comma + 1 if comma > 0 else -1, then.end() if then else -1) if x > 0):
        while cut < ce and text[cut].isspace():
            cut += 1
        out.append(cut)
    return out


def clause_subject(text: str, cs: int, ce: int, mentions: list[Ag]) -> list[Ag]:
    """A clause that names its own actor ("…; Sở Tư pháp và … chủ động tổ chức …"), also after a fronted
    condition or adverbial ("…; trường hợp vượt thẩm quyền, Sở Khoa học và Công nghệ tổng hợp báo cáo …")."""
    p = cs
    while p < ce and text[p].isspace():
        p += 1
    p = past_enumerator(text, p, ce)
    chain, cend = chain_at(text, p, mentions, ce)
    if not chain and lexicon().adverbial_start.match(text[p:ce]):
        for q in _after_case(text, p, ce):
            chain, cend = chain_at(text, q, mentions, ce)
            if chain:
                break
    if not chain:
        return []
    return chain if starts_predicate(text, after_chain(text, cend, ce), ce) else []


_WORD_START = re.compile(r"(?<![\wÀ-ỹ])[\wÀ-ỹ]")


def _bodies_only(text: str, cs: int, ce: int, mentions: list[Ag]) -> bool:
    """Does the ";" clause open with bodies and hold no verb after them ("… bồi dưỡng cho cán bộ lãnh đạo; cán
    bộ, công chức, viên chức cơ quan nhà nước các cấp về …")? Then it continues a list of objects or
    beneficiaries, not a clause with its own actor."""
    p = cs
    while p < ce and text[p].isspace():
        p += 1
    chain, cend = chain_at(text, p, mentions, ce)
    if not chain:
        return False
    return not any(is_verb_start(text[m.start():ce]) for m in _WORD_START.finditer(text, cend, ce))


# "…; điểm a, b mục 7 Phần III Điều 1 …": a cited part (``reference_item_words``) and its number or letter
_REFERENCE_ITEM = re.compile(rf"(?:{word_alt('reference_item_words')})\s+(?:\d+|[a-zđ]|[IVXLC]+)(?![\wÀ-ỹ])",
                             re.IGNORECASE)
_OBJECT_LIST_OPENER = re.compile(rf"(?<![\wÀ-ỹ])(?:{word_alt('object_list_openers')})\s*:?\s+(?:{word_alt('list_determiners')})\s",
                                 re.IGNORECASE)


def _next_listed_object(prev: str, st: str) -> bool:
    """"chủ trì đối với các mặt hàng A, B; C; D": ``prev`` opens a determined list of objects ("đối với các …")
    and the ";" clause ``st`` holds no verb of its own, so it is the next object of that list."""
    if _CONDITION.match(st) or lexicon().modal_any.search(st):
        return False  # "…; nếu …, phải hướng dẫn …": a condition or a modal brings its own action
    return bool(_OBJECT_LIST_OPENER.search(prev)) and not is_verb_start(st) and not NOUN_TOCHUC.match(st)


_HEADLESS = re.compile(rf"\s*(?!(?:{word_alt('headless_opener_verbs') or '_'})(?![\wÀ-ỹ]))"
                       rf"((?:{word_alt('headless_clause_openers')}))(?![\wÀ-ỹ])", re.IGNORECASE)
_HEADLESS_TIME = re.compile(rf"\s*(?:\d|(?:{word_alt('headless_time_words')})(?![\wÀ-ỹ]))", re.IGNORECASE)


def _headless_clause(prev: str, st: str) -> bool:
    """"… tập huấn kỹ năng số cho công chức, viên chức; | cho người lao động trong các ngành", "… nguồn vốn giữa các
    chương trình …; | giữa các chương trình, dự án khác …": a ";" clause that opens with a preposition
    (``headless_clause_openers``) has no predicate of its own; it is one more complement of the clause ``prev`` and
    joins it. It stays apart when ``prev`` opens with the same word (parallel fronted scopes: "Đối với A, ưu tiên
    …; đối với B đẩy nhanh …"), when a verb follows a comma after the opener (a scope and its predicate: "…; về
    X, chủ trì …") and when a time follows the opener (``headless_time_words``, a number: "…; đến năm 2030 đạt
    …")."""
    if not word_alt("headless_clause_openers"):
        return False
    m = _HEADLESS.match(st)
    if m is None or is_verb_start(st) or _HEADLESS_TIME.match(st, m.end()):
        return False  # "…; đến năm 2030 đạt 100% …": a fronted time, its predicate follows
    if any(is_verb_start(part) for part in st[m.end():].split(",")[1:]):
        return False  # "…; về X, chủ trì …": a fronted scope, and the predicate after its comma
    head = prev.lstrip()
    head = head[past_enumerator(head, 0, len(head)):]
    pm = _HEADLESS.match(head)
    return not (pm and " ".join(words(pm.group(1).lower())) == " ".join(words(m.group(1).lower())))


def _clause_with_scope(text: str, p: int, merged: list[list[int]]) -> str:
    """The last clause so far; the first one with what its sentence fronted before ``p`` ("Đối với A, | ưu tiên
    …": the scope is cut off the task, but it opens the clause the next ";" clause runs parallel to)."""
    a, b = merged[-1]
    if len(merged) == 1:
        a = max(text.rfind("\n", 0, p), text.rfind(". ", 0, p)) + 1
    return text[a:b]


def merge_clauses(text: str, masked: str, p: int, pe: int, mentions: list[Ag], deadlines: list[Dl], *,
                  review: bool, split_commas: bool) -> list[list[int]]:
    """Clauses of ``[p, pe)`` at ";"; a ";" that only continues a list of objects joins."""
    lx = lexicon()
    merged: list[list[int]] = []
    topics = False  # the first clause names topics: the ";" parts after it are more of them
    for cs, ce in split_at(masked, p, pe, r";"):
        st = text[cs:ce].lstrip()
        numbered = past_enumerator(st, 0, len(st))  # "…; (3) các bộ, ngành …": a numbered clause is an item
        st = st[numbered:]
        starts_action = (
            lx.verb_start.match(st) or lx.connective_start.match(st) or lx.modal_start.match(st)
            or any(d.start >= cs and not text[cs:d.start].strip() for d in deadlines)
            or st.lower().startswith(_ACTION_OPENERS)
            or (split_commas and clause_subject(text, cs, ce, mentions))
        )
        # in a running sentence only a list continuation joins; a labelled content line keeps its ";" lists
        # "…; Các bộ, ngành, địa phương căn cứ … tổ chức rà soát …": bodies and their predicate open a clause
        actor = split_commas and bool(clause_subject(text, cs, ce, mentions)) and not _bodies_only(text, cs, ce, mentions)
        continues = not review and not numbered and (
            (on("list_continuation") and bool(_LIST_CONTINUATION.match(st) or _REFERENCE_ITEM.match(st)) and not actor)
            or (on("content_line_join") and not split_commas and not starts_action)
            or (on("bodies_only") and _bodies_only(text, cs, ce, mentions))
            or (merged and not starts_action and on("next_listed_object")
                and _next_listed_object(text[merged[-1][0]:merged[-1][1]], st))
            or (merged and not starts_action and on("headless_clause")
                and _headless_clause(_clause_with_scope(text, p, merged), st)))
        if not merged:
            topics = on("topic_list") and bool(_TOPIC_LIST.match(st)) and not starts_action and not review
        if merged and (continues or (topics and not actor)):
            merged[-1][1] = ce
        else:
            merged.append([cs, ce])
    return merged


def _governs(seg: str) -> bool:
    """After "tham mưu", "hướng dẫn X …", "chỉ đạo X …" or a purpose "để …", commas do not start tasks."""
    lx = lexicon()
    if _PURPOSE.search(" " + seg + " "):
        return True
    for s in (seg, _GOVERN_PREFIX.sub("", seg)):
        m = lx.governing_start.match(s)
        if m and _ADDRESSEE_FIRST.search(m.group(0)) and is_verb_start(s[m.end():].lstrip()):
            return False  # "lãnh đạo, chỉ đạo quán triệt, triển khai …": it directs an act, not an addressee
        if m:
            return True
    return False


def _purpose_verb_only(seg: str) -> bool:
    """"… để tổng hợp, báo cáo X": the report continues the purpose's bare verb."""
    m = _PURPOSE.search(" " + seg + " ")
    tail = (" " + seg + " ")[m.end():] if m else seg
    return verb_only(tail) or not tail.strip()


def _advises(seg: str) -> bool:
    return bool(_ADVISES.match(seg))


@dataclass
class _Group:
    """The comma segments of one task being built, and what its first words govern."""

    segs: list[tuple[int, int]] = field(default_factory=list)
    governed: bool = False
    advised: bool = False
    purposed: bool = False

    def open(self, seg: tuple[int, int], st: str) -> None:
        self.segs = [seg]
        self.governed = on("governed") and (_governs(st) or bool(_OPENING_GOVERN.match(_GOVERN_PREFIX.sub("", st))))
        self.advised, self.purposed = _advises(st), bool(_PURPOSE.search(" " + st + " "))

    def extend(self, seg: tuple[int, int], st: str) -> None:
        self.segs.append(seg)
        self.governed = self.governed or (on("governed") and _governs(st))
        self.advised = self.advised or _advises(st)
        self.purposed = self.purposed or bool(_PURPOSE.search(" " + st + " "))


def focus_tail(st: str) -> bool:
    """", tập trung vào các khu vực …", ", ưu tiên xã ngập sâu": a focus word before a noun phrase (or a
    preposition) narrows the task before it; before a verb, a weak one too (", ưu tiên đầu tư …"), it is a task
    of its own."""
    m = _FOCUS_TAIL.match(st)
    if not m:
        return False
    rest, lx = st[m.end():], lexicon()
    return bool(rest) and (bool(_FOCUS_PREP.match(rest))
                           or not (lx.verb_start.match(rest) or lx.weak_verb_start.match(rest)))


def _only_time(text: str, seg: tuple[int, int], deadlines: list[Dl]) -> bool:
    """", hoàn thành trong tháng 12", ", báo cáo trước ngày …": a time for the task before it."""
    seg_text = rest = text[seg[0]:seg[1]]
    for d in deadlines:
        if seg[0] <= d.start and d.end <= seg[1] + 1:
            rest = rest.replace(text[d.start:d.end], " ")
    return rest != seg_text and not words(_TIME_ONLY.sub(" ", rest))


def _after_partners(text: str, seg: tuple[int, int], ce: int, mentions: list[Ag]) -> str:
    """The words of a segment after a leading "phối hợp (với) Y": what it governs is read there."""
    st = text[seg[0]:seg[1]]
    sm = frames().support.match(st)
    if sm:
        chain, cend = chain_at(text, seg[0] + sm.end(), mentions, ce)
        if chain and cend < seg[1]:
            return text[after_chain(text, cend, seg[1]):seg[1]].lstrip()
    return st.lstrip()


def _after_bodies(text: str, seg: tuple[int, int], mentions: list[Ag]) -> str:
    """"Phối hợp Công an tỉnh | và các đơn vị liên quan tham mưu Ủy ban nhân dân tỉnh …": a segment that goes on
    with the list of bodies is read after the names, so the verb that governs the commas after it ("tham mưu") is
    seen as the group's."""
    chain, cend = chain_at(text, seg[0], mentions, seg[1])
    if chain and cend < seg[1]:
        return text[after_chain(text, cend, seg[1]):seg[1]].lstrip()
    return text[seg[0]:seg[1]].lstrip()


# "tổ chức" after a partner list may be one more partner ("…, Công an tỉnh, tổ chức …"): the cut is kept there
_ORGANISE = re.compile(rf"\s*(?:{word_alt('organise_words')})(?![\wÀ-ỹ])", re.IGNORECASE)


def partners_only(text: str, g: _Group, ce: int, mentions: list[Ag]) -> bool:
    """"Phối hợp với các sở, ngành, | triển khai …", "Phối hợp chặt chẽ với cấp ủy, chính quyền các cấp, | phát huy …":
    the group so far is only a partner frame (``support`` of frames.yaml) and its names, with no act of its own; the
    verb-led segment after it is the frame's predicate, not a new task (a partner alone is never a task)."""
    start, end = g.segs[0][0], g.segs[-1][1]
    sm = frames().support.match(text, start, end)
    if not sm:
        return False
    chain, cend = chain_at(text, sm.end(), mentions, ce)
    return bool(chain) and cend >= end - 1 and not text[cend:end].strip(" ,")


def _partners_then_verb(text: str, p: int, e: int, mentions: list[Ag]) -> bool:
    chain, cend = chain_at(text, p, mentions, e)
    return bool(chain) and is_verb_start(text[after_chain(text, cend, e):e].lstrip())


def _report_step(text: str, g: _Group, prev: str, seg: tuple[int, int], mentions: list[Ag]) -> bool:
    """"VERBS và (định kỳ) báo cáo X": verbs without an object of their own cannot share a recipient body, so the
    report to X after "và" is a task of its own (a purpose "để tổng hợp và báo cáo X" stays one)."""
    m = _REPORT_START.match(text, seg[0], seg[1])
    if not m or g.purposed or not (verb_only(prev) or ends_with_verb(prev)):
        return False
    return bool(chain_at(text, m.end(), mentions, seg[1])[0])


_LEADING_ADVERBS = re.compile(rf"\s*(?:(?:{word_alt('predicate_adverbs')})\s+)+", re.IGNORECASE)


def bare_after_adverb(seg: str) -> bool:
    """"chủ động nắm bắt | và giải quyết kịp thời …": a bare verb behind a manner adverb (``predicate_adverbs``)
    has no object yet and shares the one after "và", as a bare verb does."""
    m = _LEADING_ADVERBS.match(seg)
    return bool(m) and bool(seg[m.end():].strip()) and verb_only(seg[m.end():])


_POSSESSED_VERB = re.compile(rf"\s*(?:{phrases(load_lexicon_data()['verbs'])})\s+(?:{word_alt('possessive_words')})(?![\wÀ-ỹ])",
                             re.IGNORECASE)


def possessed_verb(seg: str) -> bool:
    """"…, xây dựng của nhà đầu tư": a verb followed straight by a possessive (``possessive_words``) is a noun, the
    last item of a list of fields, not a predicate ("xây dựng cơ sở dữ liệu của ngành" has an object first)."""
    return bool(_POSSESSED_VERB.match(seg))


_REPEATED_HEAD = re.compile(rf"\s*({word_alt('repeated_object_heads')})(?![\wÀ-ỹ])\s*", re.IGNORECASE)


_POSSESSED_RUN_ITEMS = 4  # bare verbs looked at after the segment, before one that a possessive follows


def possessed_run(text: str, seg: tuple[int, int], ce: int) -> bool:
    """"Phát huy vai trò lãnh đạo của các cấp ủy, | chỉ đạo, quản lý, điều hành của Thủ trưởng các cấp …": bare verbs
    running into a verb followed straight by a possessive are nouns of one list, each one possessed by the name
    after "của", not predicates (:func:`possessed_verb` for the last one). A bare verb followed by a verb with its
    object ("chỉ đạo, kiểm tra việc …") is not such a run."""
    parts = text[seg[0]:ce].split(",", _POSSESSED_RUN_ITEMS + 1)  # the first items only, not the whole clause
    for part in parts[:_POSSESSED_RUN_ITEMS + 1]:
        if possessed_verb(part):
            return True
        if not part.strip() or not verb_only(part) or len(words(part)) > _BARE_ITEM_SYLLABLES:
            return False
    return False


def parallel_object(text: str, prev: str, seg: tuple[int, int], mentions: list[Ag]) -> bool:
    """"gửi báo cáo công tác A | và báo cáo kết quả B về Sở Nội vụ": a segment that opens with a head that is both
    a verb and a noun (``repeated_object_heads``) already written after a verb in the segment before names a
    second object of that verb, not a new predicate; a body right after the head ("tổng hợp báo cáo kết quả,
    báo cáo Ủy ban nhân dân tỉnh", a report step) still cuts."""
    m = _REPEATED_HEAD.match(text, seg[0], seg[1])
    if not m or not words(text[m.end():seg[1]]):
        return False
    head = " ".join(words(m.group(1).lower()))
    pw = words(prev.lower())
    after_verb = any(" ".join(pw[i:i + len(head.split())]) == head and _verb_before(pw[:i]) for i in range(1, len(pw)))
    return after_verb and not chain_at(text, m.end(), mentions, seg[1])[0]


def _verb_before(ws: list[str]) -> bool:
    """``ws`` ends with a verb of the lexicon (the head after it is that verb's object)."""
    verbs = lexicon().verbs
    return any(len(ws) >= n and " ".join(ws[-n:]) in verbs for n in (1, 2, 3))


_ROLE_HEAD = re.compile(rf"\s*(?:\S+\s+){{1,3}}?(?:{word_alt('role_heads')})(?![\wÀ-ỹ])(?P<rest>.*)$",
                        re.IGNORECASE | re.DOTALL)
_ROLE_ATTRIBUTE_SYLLABLES = 2
_POSSESSIVE = re.compile(rf"(?<![\wÀ-ỹ])(?:{word_alt('possessive_words')})(?![\wÀ-ỹ])", re.IGNORECASE)


def _role_attribute(seg: str) -> bool:
    """One or two syllables with no possessive: an attribute of the role ("nòng cốt", "chuyên trách", "chủ trì")."""
    return len(words(seg)) <= _ROLE_ATTRIBUTE_SYLLABLES and not _POSSESSIVE.search(seg)


def role_open(text: str, g: _Group) -> bool:
    """"phát huy vai trò nòng cốt, chuyên trách, | chủ trì công tác … của lực lượng Công an", "Thực hiện chức năng
    thường trực, | tham mưu …", "Phát huy vai trò | và nâng cao trách nhiệm của …": a group that is a verb and a role
    noun (``role_heads``) named by at most two attribute syllables and short attribute segments has not said what
    the role is yet; the next segment says it, even when it opens with a verb, and is no task of its own. A role
    already given its holder or its content ("vai trò của Mặt trận, …", "chức năng chủ quản Chương trình tại địa
    phương, …") is closed: the comma after it cuts as before."""
    if not word_alt("role_heads"):
        return False
    m = _ROLE_HEAD.match(text[g.segs[0][0]:g.segs[0][1]])
    return bool(m) and _role_attribute(m.group("rest")) and all(
        _role_attribute(text[a:b]) for a, b in g.segs[1:])


_PAIRED_SCOPE = re.compile(rf"(?<![\wÀ-ỹ])(?:{word_alt('paired_scope_words')})(?![\wÀ-ỹ])", re.IGNORECASE)
_PAIRED_SCOPE_REACH = 120  # characters after the comma in which the pair's second word is looked for


def paired_scope(text: str, prev: str, seg: tuple[int, int], ce: int) -> bool:
    """"Phát động phong trào toàn dân bảo vệ an ninh Tổ quốc nói chung, | tham gia phòng, chống ma túy nói riêng":
    a segment closed by one word of a pair (``paired_scope_words``) and the other word of the pair soon after
    name one scope twice, the whole and its part; the segment between them is no task of its own."""
    if not word_alt("paired_scope_words"):
        return False
    last = _last(_PAIRED_SCOPE, prev)
    if last is None or prev[last.end():].strip(" ,"):
        return False
    first = " ".join(words(last.group(0).lower()))
    return any(" ".join(words(m.group(0).lower())) != first
               for m in _PAIRED_SCOPE.finditer(text, seg[0], min(ce, seg[0] + _PAIRED_SCOPE_REACH)))


def bare_run_item(text: str, g: _Group) -> bool:
    """"Chủ động, kịp thời phân tích, nhận diện, | dự báo chính xác tình hình …", "… trong khai thác, sử dụng, |
    chia sẻ dữ liệu …": a short segment (at most two syllables) right after a bare verb is one more item of that
    run of verbs, even when the lexicon does not know it as a verb ("nhận diện") or knows it as a weak one ("sử
    dụng"); the run still waits for its object, so the verb with an object after it shares it. After a verb
    with its object ("Đầu tư trang thiết bị, phương tiện, …") or a weak verb ("… trong sản xuất, kinh doanh, …":
    fields, ``weak_verbs``) the short item is a second object or field, as before."""
    if len(g.segs) < 2:
        return False
    a, b = g.segs[-1]
    before = text[g.segs[-2][0]:g.segs[-2][1]]
    if not 1 <= len(words(text[a:b])) <= _BARE_ITEM_SYLLABLES:
        return False
    return verb_only(before) or (_verb_before(words(before.lower())) and not ends_with_field(
        text[g.segs[0][0]:g.segs[-2][1]]))


def _trailing_verb(prev: str) -> tuple[str, int]:
    """The verb of the lexicon closing ``prev`` (two syllables tried first) and its number of syllables; ("", 0)
    when none."""
    lx = lexicon()
    w = words(prev.lower())
    for n in (2, 1):
        if len(w) > n and " ".join(w[-n:]) in lx.verbs:
            return " ".join(w[-n:]), n
    return "", 0


def closed_predicate(text: str, g: _Group, seg: tuple[int, int], mentions: list[Ag]) -> bool:
    """"Quản lý hoạt động xây dựng, | tăng cường vệ sinh …", "Thực hiện đưa tin kịp thời, | khuyến khích …": the
    segment before the comma already holds a verb and its object, and the verb's word that closes it belongs to
    that object ("hoạt động xây dựng", a noun) or qualifies it ("kịp thời", "khu dân cư tập trung"); it waits for
    no object, so the run-of-bare-verbs test does not hold the next predicate back (defect17). Two shapes:

    * the segment closes with an aspect word (``aspect_words``) after a word that is no verb nor an activity head
      ("công tác phối hợp, | hướng dẫn …": a list of activities, ``nominal_run_heads``), and the next segment opens
      with a verb that is no aspect word ("thông tin kịp thời, | thường xuyên về …": the manners go on): a qualifier;
    * the next segment opens a predicate of its own with an aspect word or a governing verb ("tăng cường …", "tham
      mưu …", ``governing_verbs``) and the closing verb is no aspect, governing or paired verb, follows a word that
      is neither a verb nor a joiner ("và", "hoặc", ``list_gap_words``) nor a body's name ("gửi Sở Tài chính tổng
      hợp, | trình …": the body's chain goes on)."""
    lx = lexicon()
    a, b = g.segs[-1]
    prev = text[a:b]
    pw = words(prev.lower())
    tail, n = _trailing_verb(prev)
    if not tail or len(pw) < n + 2 or verb_only(prev):
        return False
    before1 = pw[-n - 1]
    before2 = " ".join(pw[-n - 2:-n])
    joiners = set(lexicon().data.get("list_gap_words") or ())  # "và", "hoặc", "cùng" …
    if before1 in lx.verbs or before2 in lx.verbs or before1 in joiners or before2 in joiners:
        return False
    aspect = set(lexicon().data.get("aspect_words") or ())
    st = text[seg[0]:seg[1]]
    if tail in aspect:
        # "công tác phối hợp, | hướng dẫn …": after an activity head the word names an activity of a list;
        # "thông tin kịp thời, | thường xuyên về …": the manners go on, no predicate opens
        heads = set(lexicon().data.get("nominal_run_heads") or ())
        return (before1 not in heads and before2 not in heads and is_verb_start(st)
                and not opening_word("aspect_words", st, 0, len(st)))
    governing = set(lexicon().data.get("governing_verbs") or ())
    paired = set(lexicon().data.get("paired_verbs") or ())
    if tail in governing or tail in paired:
        return False
    opener = opening_word("aspect_words", st, 0, len(st)) or lx.governing_start.match(st)
    if not opener or len(words(st[opener.end():])) < 2:
        return False
    tail_start = a + len(prev.rstrip()) - len(" ".join(prev.rstrip().split()[-n:]))
    return not any(0 <= tail_start - m.end <= 1 for m in mentions)


def _starts_new(text: str, g: _Group, seg: tuple[int, int], ce: int, mentions: list[Ag], deadlines: list[Dl],
                review: bool) -> bool:
    """Does the comma segment ``seg`` start a new task after the group ``g``?"""
    seg_text = text[seg[0]:seg[1]]
    st = seg_text.lstrip()
    prev = text[g.segs[-1][0]:g.segs[-1][1]]
    gap = text[g.segs[-1][1]:seg[0]]
    if review:
        return bool(_REVIEW_STEP.match(st))
    if not _may_cut(text, g, seg, gap, st, prev, deadlines):
        return False  # no test below that says yes can: those that say no need not run (the result is the same)
    if on("paired_scope") and paired_scope(text, prev, seg, ce):
        return False  # "… an ninh Tổ quốc nói chung, | tham gia phòng, chống ma túy nói riêng": one scope, twice
    if on("role_open") and role_open(text, g):
        return False  # "phát huy vai trò nòng cốt, | chủ trì công tác …": the segment says what the role is
    if on("result_tail") and lexicon().result_tail.match(st):
        return False  # "…, không để …": a result tail stays in its task (annotation rule T3, docs/tasks.md)
    if on("partners_only") and is_verb_start(st) and not _ORGANISE.match(st) and partners_only(text, g, ce, mentions):
        return False  # "Phối hợp với các sở, ngành, | triển khai …": the partners' frame goes on with its predicate
    if on("focus_tail") and "," in gap and focus_tail(st) and not any(g.segs[-1][0] <= d.start < g.segs[-1][1] for d in deadlines):
        # "…, tập trung vào các khu vực …": a focus on part of the object stays in its task (not after a time
        # inside the clause: "tăng tần suất … từ tháng 10 đến tháng 4 năm sau, tập trung tại …" would lose its head)
        return False
    cm = frames().support_bare.match(seg_text)
    if on("support_cut") and cm and not g.purposed and _partners_then_verb(text, seg[0] + cm.end(), ce, mentions):
        return True  # "…, (và) phối hợp với Y bố trí …": a new task with its own partners
    if ((on("parallel_object") and parallel_object(text, prev, seg, mentions)) or (on("possessed_verb") and possessed_verb(st))
            or (on("possessed_run") and possessed_run(text, seg, ce))):
        return False  # "gửi báo cáo A và báo cáo B về …": one verb, two objects; "…, xây dựng của …": a noun
    and_gap = "," not in gap and bool(_AND_GAP.fullmatch(gap))  # "… và …": the segment joined by "và" alone
    if and_gap and on("report_step") and _report_step(text, g, prev, seg, mentions):
        return True  # "tham mưu sơ kết, tổng kết và định kỳ báo cáo UBND tỉnh": the report is a step of its own
    if and_gap and on("head_pair") and head_pair_then_verb_like_noun(prev, st):
        return False  # "nâng cao năng lực quản lý và ứng dụng công nghệ": the head's second member
    if and_gap and on("adverb_quality") and _ADVERB_QUALITY.match(st):
        return False  # "hỗ trợ kỹ thuật chuyên biệt và thường xuyên cho …": a quality, not a predicate
    if and_gap:
        # "… hoạt động đấu thầu và giám sát thực hiện các kết luận …": a second predicate with its own object
        return (on("and_predicate") and not g.purposed and not verb_only(prev) and not ends_with_verb(prev) and len(words(prev)) >= 3
                and not bare_after_adverb(prev)
                and ((not g.governed and is_verb_start(st)) or (bool(_ADVERB_VERB.match(st)) and not g.advised)))
    if on("connective_cut") and lexicon().connective_start.match(st) and re.match(rf"\s*(?:{_CONNECTIVES})\b", st,
                                                                               re.IGNORECASE):
        return not verb_only(prev)
    rm = _REPORT_START.match(seg_text)
    if (on("governed_report") and g.governed and not (g.purposed and _purpose_verb_only(prev)) and rm and not g.advised
            and chain_at(text, seg[0] + rm.end(), mentions, seg[1])[0]):
        return True
    if on("governed_support") and g.governed and not g.purposed and cm and chain_at(text, seg[0] + cm.end(), mentions,
                                                                                     seg[1])[0]:
        return True
    if on("cycle_cut") and _cycle_after_object(text, g, seg, gap, ce, mentions, deadlines):
        return True  # "tổ chức sơ, tổng kết, | định kỳ báo cáo Ban Thường vụ …": the cycle opens a task of its own
    lead_deadline = any(d.start == seg[0] + (len(seg_text) - len(st)) and d.deadline.kind in ("ongoing", "recurring")
                        for d in deadlines)
    if not _may_open(g, prev, st, lead_deadline):
        return False  # neither of the two last tests can say yes: the tests between only say no (a shortcut)
    if on("quality_only") and len(g.segs) > 1 and quality_only(prev):
        return False  # "theo hướng thống nhất, hiện đại, ứng dụng …": the list of qualities goes on
    if on("noun_item_verb_noun") and len(g.segs) > 1 and noun_item_then_verb_like_noun(prev, st):
        return False  # "Đầu tư trang thiết bị, phương tiện, ứng dụng khoa học …": the list of objects goes on
    if on("manner_list") and manner_list(prev, st):
        return False  # "công bố đầy đủ, công khai thông tin …": the manners of one act, then its object
    if on("nominal_compound") and nominal_compound_only(seg_text):
        return False  # "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số": a field name in the list
    if on("partner_name") and any(m.start == seg[0] + (len(seg_text) - len(st)) for m in mentions) and not clause_subject(
            text, seg[0], seg[1], mentions):
        return False  # "phối hợp với Sở X, Thanh tra tỉnh trong …": a partner's name that opens with a verb's word
    if ((on("continues_activities") and continues_activities(prev, st))
            or (on("object_list") and continues_object_list(text[g.segs[0][0]:g.segs[-1][1]], st))):
        return False
    waits = (on("waits_bare_run") and ((ends_with_verb(prev) and not ends_with_field(text[g.segs[0][0]:g.segs[-1][1]]))
                                       or bare_run_item(text, g))
             and not (on("closed_predicate") and closed_predicate(text, g, seg, mentions)))
    if (on("governed_adverb_cut") and g.governed and not g.purposed and not verb_only(prev) and not waits
            and _adverb_then_verb(text, seg, deadlines)):
        return True  # "hướng dẫn X tự kiểm tra …, thường xuyên cập nhật …": the adverb opens an act of its own
    return not g.governed and not verb_only(prev) and not waits and (is_verb_start(st)
                                                                     or (lead_deadline and on("lead_time_cut")))


def _may_cut(text: str, g: _Group, seg: tuple[int, int], gap: str, st: str, prev: str, deadlines: list[Dl]) -> bool:
    """Can a test of :func:`_starts_new` that says yes still say it? The cheap necessary condition of each one, read
    before the tests that can only say no: "và" alone before the segment, "phối hợp" opening it, a report step in a
    governed group, a connective, a leading cycle, or what :func:`_may_open` asks."""
    seg_text = text[seg[0]:seg[1]]
    if ("," not in gap and _AND_GAP.fullmatch(gap)) or lexicon().connective_start.match(st):
        return True
    if not g.purposed and frames().support_bare.match(seg_text):
        return True
    if g.governed and not g.advised and _REPORT_START.match(seg_text):
        return True
    if "," in gap and not g.purposed and _adverb_then_verb(text, seg, deadlines):
        return True
    lead = any(d.start == seg[0] + (len(seg_text) - len(st)) and d.deadline.kind in ("ongoing", "recurring")
               for d in deadlines)
    return _may_open(g, prev, st, lead)


def _may_open(g: _Group, prev: str, st: str, lead_deadline: bool) -> bool:
    """Can the last two tests of :func:`_starts_new` (an adverb opening an act in a governed group; a verb or a
    leading time in an ungoverned one) still say yes? Their cheap necessary conditions, read first: when they fail,
    the tests in between, which can only say no, are skipped (the result is the same)."""
    if verb_only(prev):
        return False
    return not g.purposed if g.governed else (lead_deadline or is_verb_start(st))


def _cycle_after_object(text: str, g: _Group, seg: tuple[int, int], gap: str, ce: int, mentions: list[Ag],
                        deadlines: list[Dl]) -> bool:
    """"tổ chức sơ, tổng kết, | định kỳ báo cáo Ban Thường vụ …", "kiểm tra việc thực hiện, | định kỳ báo cáo kết
    quả về …": a comma segment that opens with a bare cycle and a verb (ANNOTATION-DECISIONS 8: the adverb scopes
    over its own clause) starts a task of its own once the group before it holds more than verbs, even when that
    group ends with a verb ("… việc thực hiện"); after verbs only ("đôn đốc, kiểm tra, | định kỳ sơ kết …") the
    verbs share the object after the cycle, one task. Without the cut, the shorter side of the time phrase was
    dropped from the task text (clauses._cut_deadlines)."""
    if "," not in gap or g.purposed or not _adverb_then_verb(text, seg, deadlines):
        return False
    parts = [_after_partners(text, g.segs[0], ce, mentions)] + [text[a:b] for a, b in g.segs[1:]]
    return not all(verb_only(p) for p in parts)


def _adverb_then_verb(text: str, seg: tuple[int, int], deadlines: list[Dl]) -> bool:
    """A comma segment that opens with a bare cycle or "thường xuyên" and goes on with a verb (", định kỳ báo cáo
    …", ", thường xuyên cập nhật …"): ANNOTATION-DECISIONS 8, the adverb scopes over its own clause."""
    start = skip_ws(text, seg[0], seg[1])
    for d in deadlines:
        if d.start == start and d.end < seg[1] and d.deadline.kind in ("ongoing", "recurring"):
            return is_verb_start(text[d.end:seg[1]].lstrip())
    return False


def _mask_names(masked: str, mentions: list[Ag], cs: int, ce: int) -> str:
    """``masked`` with the inside of every agency name blanked: a task is never cut inside a name
    ("Sở Văn hóa, Thể thao và Du lịch", "Ban Chỉ đạo phòng, chống tội phạm, … và xây dựng phong trào …")."""
    inside = [m for m in mentions if m.start < ce and m.end > cs and m.end - m.start > 1]
    if not inside:
        return masked
    chars = list(masked)
    for m in inside:
        for k in range(m.start + 1, m.end):
            chars[k] = "\x00" if chars[k] not in " " else chars[k]
    return "".join(chars)


def comma_groups(text: str, masked: str, cs: int, ce: int, mentions: list[Ag], deadlines: list[Dl], *,
                 review: bool, split_commas: bool) -> tuple[list[list[tuple[int, int]]], dict[int, list[Ag]]]:
    """The tasks of a clause as groups of comma segments, and the groups that name their own subject."""
    masked = mask_joined_fields(text, _mask_names(masked, mentions, cs, ce), cs, ce)
    segs = (split_at(masked, cs, ce, r",\s*|\s+và\s+") if split_commas
            else split_at(masked, cs, ce, _NEW_CLAUSE))
    timed = own_time_cuts(text, masked, cs, ce) if on("timed_parts") else []
    if timed and not split_commas:  # a label's content value: cut only between activities timed apart
        segs = [part for seg in segs for part in _cut_at(seg, timed)]
    groups: list[list[tuple[int, int]]] = []
    own_subject: dict[int, list[Ag]] = {}
    g = _Group()
    for seg in segs:
        st = text[seg[0]:seg[1]].lstrip()
        if not g.segs:
            g.open(seg, _after_partners(text, seg, ce, mentions))
            continue
        if any(a < seg[0] and b > g.segs[-1][1] for a, b in timed):
            groups.append(g.segs)  # two activities, each with its own time (timed_parts.py)
            g = _Group()
            g.open(seg, _after_partners(text, seg, ce, mentions))
            continue
        if _only_time(text, seg, deadlines):
            g.segs.append(seg)
            continue
        subj = clause_subject(text, seg[0], seg[1], mentions)
        if on("own_subject_cut") and subj and lexicon().modal_any.match(text, after_chain(text, max(m.end for m in subj), seg[1])):
            groups.append(g.segs)
            own_subject[len(groups)] = subj
            g = _Group(segs=[seg])
            continue
        if _starts_new(text, g, seg, ce, mentions, deadlines, review):
            groups.append(g.segs)
            g = _Group()
            g.open(seg, _after_partners(text, seg, ce, mentions))
        else:
            g.extend(seg, _after_bodies(text, seg, mentions))
    if g.segs:
        groups.append(g.segs)
    return merge_fragments(text, groups, own_subject, deadlines, mentions)


def _cut_at(seg: tuple[int, int], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``seg`` cut at the separator spans ``cuts`` that lie inside it."""
    out, s = [], seg[0]
    for a, b in cuts:
        if seg[0] <= a and b <= seg[1]:
            out.append((s, a))
            s = b
    out.append((s, seg[1]))
    return [(a, b) for a, b in out if b > a]


def _syllables(text: str, g: list[tuple[int, int]], deadlines: list[Dl], mentions: Optional[list[Ag]] = None) -> int:
    a, b = g[0][0], g[-1][1]
    if mentions:  # a leading "phối hợp với X, Y" names who helps, not what is done
        a = b - len(_after_partners(text, (a, b), b, mentions))
    body = text[a:b]
    for d in deadlines:
        if a <= d.start and d.end <= b:
            body = body.replace(text[d.start:d.end], " ")
    return len(words(lexicon().connective_start.sub("", body)))


def _comma_between(text: str, a: int, b: int) -> bool:
    """The two groups ``…a)`` and ``[b…`` are separated by a comma alone (not "và")."""
    return text[a:b].strip() == ","


_DETERMINER = re.compile(rf"(?<![\wÀ-ỹ])(?:{word_alt('list_determiners')})(?![\wÀ-ỹ])", re.IGNORECASE)


def _bare_pair(text: str, g: list[tuple[int, int]], deadlines: list[Dl], mentions: Optional[list[Ag]] = None) -> bool:
    """A short comma group whose object is a bare noun ("Tổ chức truyền thông", "Tổ chức dạy nghề", "Có chính
    sách thăm hỏi") is one half of a pair with its neighbour ("…, tuyên truyền sâu rộng đến …"), not a task
    alone (``bare_pair_syllables`` in task_lexicon.yaml); a determined object ("chấp hành các quy định") is
    a whole task."""
    limit = lexicon().data.get("bare_pair_syllables") or 0
    return _syllables(text, g, deadlines, mentions) < limit and not _DETERMINER.search(text[g[0][0]:g[-1][1]])


def _joins_next(text: str, g: list[tuple[int, int]], nxt: list[tuple[int, int]], mentions: list[Ag]) -> bool:
    """A bare pair joins the group after it across a comma, unless that group opens with its own partners
    ("tăng cường lực lượng, phối hợp chặt chẽ với …") or a report to a body ("tổng hợp kết quả, báo cáo
    Ủy ban nhân dân tỉnh"): a step of its own."""
    if not _comma_between(text, g[-1][1], nxt[0][0]) or frames().support_bare.match(text, nxt[0][0]):
        return False
    rm = _REPORT_START.match(text, nxt[0][0], nxt[-1][1])
    return not (rm and chain_at(text, rm.end(), mentions, nxt[-1][1])[0])


def _is_short(text: str, groups: list[list[tuple[int, int]]], i: int, g: list[tuple[int, int]],
              deadlines: list[Dl], mentions: Optional[list[Ag]] = None) -> bool:
    """Too short to be a task alone (``min_task_syllables``), only a verb, or a fronted condition."""
    floor = lexicon().data.get("min_task_syllables") or 0
    # "tham mưu sơ kết, tổng kết | và định kỳ báo cáo UBND tỉnh": verbs before a report step keep their task
    report_next = i + 1 < len(groups) and _REPORT_AFTER_VA.match(text, g[-1][1], groups[i + 1][-1][1]) is not None
    if i > 0 and on("timed_apart") and _timed_apart(text, groups[i - 1], g):
        return False
    return ((on("short_syllables") and _syllables(text, g, deadlines, mentions) < floor)
            or (on("short_verb_only") and verb_only(text[g[0][0]:g[-1][1]]) and not report_next)
            or (i == 0 and on("short_condition") and _CONDITION.match(text, g[0][0]) is not None)
            or (i == 0 and on("short_encouraged") and _encouraged_bare_verb(text[g[0][0]:g[-1][1]])))


def _timed_apart(text: str, before: list[tuple[int, int]], g: list[tuple[int, int]]) -> bool:
    """"tổ chức sơ kết … vào năm 2028 | và tổng kết vào năm 2030": a short group cut off from the one before by
    :func:`timed_parts.own_time_cuts` (each activity closes with a time of its own) is an activity, not a
    fragment of the group before."""
    return any(before[-1][1] <= a and b <= g[0][0] + 1 for a, b in own_time_cuts(text, text, before[0][0], g[-1][1]))


def _encouraged_bare_verb(st: str) -> bool:
    """"Khuyến khích các doanh nghiệp đầu tư, | ứng dụng thiết bị IoT …": the issuer's encouragement (frames.yaml
    ``encourage_words``) of a group with one bare verb goes on into the next verb's object, one task."""
    m = frames().encourage.match(st)
    if not m:
        return False
    ws = list(re.finditer(r"[\wÀ-ỹ]+", st[m.end():]))
    return any(verb_only(st[m.end() + w.start():]) for w in ws[1:])


def merge_fragments(text: str, groups: list[list[tuple[int, int]]], own_subject: dict[int, list[Ag]],
                    deadlines: list[Dl], mentions: list[Ag]) -> tuple[list[list[tuple[int, int]]], dict[int, list[Ag]]]:
    """A comma group too short to hold a predicate and its object ("xét xử", "giữ vững", "Nắm tình hình")
    is not a task alone: it shares the object of the group after it, or closes the list of the one before
    (``min_task_syllables`` in task_lexicon.yaml). A short group with a bare object does the same across a
    comma (:func:`_bare_pair`)."""
    if len(groups) < 2:
        return groups, own_subject
    out: list[tuple[list[tuple[int, int]], Optional[list[Ag]]]] = []
    pending: list[tuple[int, int]] = []
    for i, g0 in enumerate(groups):
        g, sj = list(g0), own_subject.get(i)
        if pending and sj is None:
            g, pending = pending + g, []
        elif pending:
            out.append((pending, None)) if not out else out[-1][0].extend(pending)
            pending = []
        nxt = groups[i + 1] if i + 1 < len(groups) and (i + 1) not in own_subject else None
        short = sj is None and _is_short(text, groups, i, g, deadlines, mentions)
        bare = sj is None and not short and on("bare_pair") and _bare_pair(text, g, deadlines, mentions)
        if (short and nxt) or (bare and nxt and _joins_next(text, g, nxt, mentions)):
            pending = g
        elif out and (short or (bare and i + 1 == len(groups) and _comma_between(text, out[-1][0][-1][1], g[0][0]))):
            # a bare pair closes the list before it only as the clause's last group ("…, chuyển giao công nghệ")
            out[-1][0].extend(g)
        else:
            out.append((g, sj))
    if pending:
        out.append((pending, None)) if not out else out[-1][0].extend(pending)
    return [g for g, _ in out], {k: sj for k, (_, sj) in enumerate(out) if sj is not None}
