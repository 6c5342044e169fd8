"""Where a predicate starts, and whether a comma segment is only a verb.

Shared by the subject finder (``subject.py``), the clause and comma splitter
(``splitting.py``) and the sentence analyser (``clauses.py``). The verbs and
modals are data (``resources/vi/task_lexicon.yaml``: ``verbs``,
``weak_verbs``, ``modals``, ``aspect_words``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import lexicon, load_lexicon_data, word_alt
from .memo import per_document
from .text import words
from ..vocab import phrases

__all__ = ["is_verb_start", "quality_only", "strip_modal", "skip_ws", "verb_only", "ends_with_verb", "NOUN_TOCHUC"]



def _noun_tochuc() -> re.Pattern:
    """"tổ chức" as a noun ("tổ chức đảng", "tổ chức tôn giáo", "tổ chức, cá nhân") is not the verb "to organise"
    (``organisation_words`` in task_lexicon.yaml)."""
    ws = sorted(load_lexicon_data()["organisation_words"], key=len, reverse=True)
    alt = "|".join(r"\s+".join(map(re.escape, str(w).split())) for w in ws)
    return re.compile(rf"^\s*(?:{word_alt('organise_words')})\s*(?:(?:{alt})(?![\wÀ-ỹ])|,|(?:{word_alt('conjunctions')})\b|;|$)", re.IGNORECASE)


NOUN_TOCHUC = _noun_tochuc()
# "chịu trách nhiệm (trực tiếp / hoàn toàn) trước UBND tỉnh về …": an adverb may stand before the account word
_ACCOUNT = re.compile(rf"\s*(?:(?:{word_alt('account_adverbs') or '(?!)'})\s+)?(?:{word_alt('account_words')})\b",
                      re.IGNORECASE)
_MANNER_TAIL = re.compile(rf"\s+(?:{word_alt('manner_tails')})\s*$")
_NOMINAL_RUN = re.compile(rf"\b(?:{word_alt('nominal_run_heads')})\s+[\wÀ-ỹ]+(?:\s+[\wÀ-ỹ]+)?\s*$")
# verbs that also close a noun phrase ("báo cáo", "kế hoạch"): a run ending in them still has its object
_NOUN_LIKE_VERBS = ("báo cáo", "kế hoạch", "quản lý", "phát triển")


def _norm(v) -> str:
    return " ".join(str(v).lower().split())


@lru_cache(maxsize=1)
def _vocab() -> tuple[frozenset, frozenset, frozenset, frozenset]:
    d = load_lexicon_data()
    return (frozenset(_norm(v) for v in d["weak_verbs"]), frozenset(_norm(v) for v in d["aspect_words"]),
            frozenset(_norm(v) for v in d["paired_verbs"]), frozenset(_norm(v) for v in d.get("verb_final_nouns") or []))


def skip_ws(text: str, p: int, e: int) -> int:
    while p < e and (text[p].isspace() or text[p] in ",:"):
        p += 1
    return p


def strip_modal(text: str, p: int, e: int) -> int:
    """Skip a leading modal ("cần", "phải", "có trách nhiệm" + verb); "chịu trách nhiệm về/trước …" stays."""
    m = lexicon().modal_start.match(text[p:e])
    if not m:
        return p
    if "trách nhiệm" in m.group(0).lower() and _ACCOUNT.match(text[p + m.end():e]):
        return p
    return skip_ws(text, p + m.end(), e)


def _opening(*lists: list) -> re.Pattern:
    """A pattern for a phrase of each word list in turn, blanks between, at the start of a text and ending on a
    word boundary; it never matches when a list is empty."""
    if not all(lists):
        return re.compile(r"(?!)")
    body = r"\s+".join(f"(?:{phrases(words_)})" for words_ in lists)
    return re.compile(rf"^\s*{body}(?![\wÀ-ỹ])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _agent_noun() -> re.Pattern:
    """A verb and an agent suffix ("nghiên cứu viên", "nghiên cứu sinh") is a noun (``agent_noun_suffixes``)."""
    d = load_lexicon_data()
    return _opening(d["verbs"], d.get("agent_noun_suffixes") or [])


@lru_cache(maxsize=1)
def _noun_reading() -> re.Pattern:
    """A word that is a verb and a noun (``verb_like_nouns``: "ứng dụng") followed at once by a verb of the lexicon
    ("ứng dụng sử dụng …", "ứng dụng vận hành …") is the noun ("an application"), not an act."""
    d = load_lexicon_data()
    return _opening(d.get("verb_like_nouns") or [], d["verbs"] + d["weak_verbs"])


@lru_cache(maxsize=1)
def _verb_like_noun_start() -> re.Pattern:
    return _opening(load_lexicon_data().get("verb_like_nouns") or [])


def noun_item_then_verb_like_noun(prev: str, st: str) -> bool:
    """"Đầu tư trang thiết bị, phương tiện, ứng dụng khoa học …", "các mô hình mẫu, ứng dụng mẫu …": after a short
    bare noun item of a running list (no verb of the lexicon at its start, at most four syllables) a segment that
    opens with a verb-like noun (``verb_like_nouns``) is the next item of that list, not a new act."""
    lx = lexicon()
    return (bool(_verb_like_noun_start().match(st)) and 0 < len(words(prev)) <= 4
            and not lx.verb_start.match(prev.lstrip()) and not lx.weak_verb_start.match(prev.lstrip()))


def head_pair_then_verb_like_noun(prev: str, st: str) -> bool:
    """"nâng cao năng lực quản lý và | ứng dụng công nghệ", "cho các mô hình kinh doanh và | ứng dụng công nghệ mới":
    a verb-like noun after "và" within three words behind a noun head (``verb_like_noun_heads``) is the head's second
    member, not a new act; "… tới địa phương và ứng dụng …" is."""
    heads = [_norm(h) for h in load_lexicon_data().get("verb_like_noun_heads") or []]
    if not heads or not _verb_like_noun_start().match(st):
        return False
    tail = " ".join(words(prev.lower())[-5:])
    return any(re.search(rf"(?<![\wÀ-ỹ]){re.escape(h)}(?:\s+[\wÀ-ỹ]+){{1,3}}$", tail) for h in heads)


@lru_cache(maxsize=1)
def _qualities() -> frozenset:
    return frozenset(_norm(v) for v in load_lexicon_data().get("quality_words") or [])


def quality_only(seg: str) -> bool:
    """A comma segment that is only a quality ("an toàn", "hiện đại"): a list of modifiers goes on after it."""
    return " ".join(words(seg.lower())) in _qualities()


def manner_list(prev: str, nxt: str) -> bool:
    """"công bố đầy đủ, công khai thông tin …", "chi trả đầy đủ, kịp thời cho …": a segment that ends in a verb and
    a quality (``quality_words``) before a segment that opens with another quality lists the manners of one act;
    the object comes after the list. Not "… tuyên truyền hiệu quả, kiểm tra …" (the next segment opens a verb)."""
    pw, nw, q = words(prev.lower()), words(nxt.lower()), _qualities()
    heads = lexicon().verbs | _quality_list_heads()  # "theo hướng thống nhất, tập trung và mở": a head of qualities
    for n in (2, 1):
        if len(pw) > n and " ".join(pw[-n:]) in q and (" ".join(pw[-n - 1:-n]) in heads
                                                         or len(pw) > n + 1 and " ".join(pw[-n - 2:-n]) in heads):
            return any(" ".join(nw[:m]) in q for m in (1, 2) if len(nw) >= m)
    return False


@lru_cache(maxsize=1)
def _quality_list_heads() -> frozenset:
    return frozenset(_norm(v) for v in load_lexicon_data().get("quality_list_heads") or [])


@per_document
def is_verb_start(s: str) -> bool:
    lx = lexicon()
    if _WEAK_GOVERNING.match(s):
        return True  # "có giải pháp …", "có kế hoạch …": a governing phrase is an act though "có" alone is weak
    return (bool(lx.verb_start.match(s)) and not lx.weak_verb_start.match(s) and not NOUN_TOCHUC.match(s)
            and not _agent_noun().match(s) and not _noun_reading().match(s))


_WEAK_GOVERNING = re.compile(r"^\s*(?:" + "|".join(re.escape(v) for v in load_lexicon_data()["governing_verbs"]
                                                if v.split()[0] in load_lexicon_data()["weak_verbs"])
                             + r")(?![\wÀ-ỹ])", re.IGNORECASE)


def _verb_run(ws: list[str]) -> str | None:
    """The last verb of ``ws`` when ``ws`` is only a run of verbs, else None."""
    verbs, weak = lexicon().verbs, _vocab()[0]
    i, last = 0, None
    while i < len(ws):
        for n in (3, 2, 1):
            head = " ".join(ws[i:i + n])
            if len(ws[i:i + n]) == n and (head in verbs or head in weak):
                last, i = head, i + n
                break
        else:
            return None
    return last


@per_document
def verb_only(s: str) -> bool:
    """A comma segment that is only a verb ("hướng dẫn", "Quan tâm củng cố") shares the next object."""
    lx = lexicon()
    aspect = _vocab()[1]
    w = words(_MANNER_TAIL.sub("", s.lower()))
    if not w:
        return True
    first, rest = None, " ".join(w)
    for n in (3, 2, 1):
        head = " ".join(w[:n])
        if head in lx.verbs or head in aspect:
            first, rest = head, " ".join(w[n:])
            break
    if first is None:
        return False
    if not rest:
        return True
    if first in aspect:
        return rest in lx.verbs
    # "Ưu tiên phát triển", "quản lý sử dụng": a run of verbs still waits for its object
    # ("nghe báo cáo" is a verb and its object: "báo cáo" closing a run is a noun)
    last = _verb_run(w)
    return last is not None and last != "báo cáo"


def ends_with_verb(seg: str) -> bool:
    """"tổ chức tập huấn, hướng dẫn …": a segment ending in a bare verb shares the next object."""
    lx = lexicon()
    w = words(seg.lower())
    if len(w) < 2:
        return False
    if " ".join(w[-2:]) in _vocab()[2]:
        return True  # "… cơ quan báo chí tuyên truyền, phổ biến về …": verbs sharing what follows
    if _NOMINAL_RUN.search(seg.lower()) and (" ".join(w[-2:]) in lx.verbs or w[-1] in lx.verbs):
        return True
    for n in (2, 1):
        tail = " ".join(w[-n:])
        if any(" ".join(w[-k:]) in _vocab()[3] for k in range(n + 1, min(n + 2, len(w)) + 1)):
            break  # "… thực hiện Chương trình": "trình" closes the noun "chương trình", it is not the verb "trình";
            # "… Nền tảng kiến trúc mở": "mở" is the adjective of "kiến trúc mở", not the verb "mở"
        if tail in lx.verbs and tail not in _NOUN_LIKE_VERBS and tail not in _vocab()[0] and len(w) > n:
            # "kiến nghị cấp có thẩm quyền sửa đổi, bổ sung …": a segment that ends in a verb waits for the object
            # after the comma ("chủ đầu tư", "sử dụng": verbs that close noun phrases do not wait)
            return True
    return False
