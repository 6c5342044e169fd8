"""What in a sentence is not a task (annotation rules T1 and T4, docs/tasks.md).

* a label and its value ("Tổ giúp việc Ban Chỉ đạo: Không quá 05 cá nhân"),
  a quota or a description after a name label — no action;
* a lead-in that only introduces the items below ("… các nội dung sau:")
  — no task and no actor (``lead_in_patterns``);
* a time label whose value is only a time ("Mốc thời gian tổng hợp số liệu:
  tính từ … đến …") — the work before the colon is the task, dated;
* a right ("… thì cơ quan chủ trì có quyền yêu cầu làm rõ", "…, có quyền yêu cầu
  các tổ chức bổ sung …") — what a body may do is no commitment (``right_phrases``);
* a statement of the present state ("Hiện nay tổng khối lượng hoàn thành của Dự án khoảng 61% …") — background,
  no work (``state_openers``);
* an estimate ("Dự kiến kinh phí thực hiện khoản 10% …", "Dự kiến khoảng 1.000 thuê bao …") — a figure, no work
  (``estimate_words``);
* an inclusion statement ("Hạ tầng số của tỉnh bao gồm hạ tầng viễn thông, …") — what a thing is made of or
  covers, no work (``inclusion_words``);
* a title or a slogan ("BẢNG PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ …" in capitals, "“Lập thành tích chào mừng Đại hội
  …”" wholly in quotation marks) — a name, no work (``title_or_slogan``);
* a composition ("… Sở Tư pháp, Sở Khoa học và Công nghệ và Công an tỉnh", "thường trực Ban Chỉ đạo là Công
  an tỉnh") — who belongs to a body, no work (``composition_joiners``, ``copula_words``).
"""

from __future__ import annotations

import re
from typing import Optional

from .ablation import on
from .lexicon import lexicon, opening_word, word_alt
from .mentions import Ag, Dl
from .text import trim, words

__all__ = ["label_value", "label_pair", "own_obligation", "action_label", "time_label_draft", "cut_lead_in", "passive_statement", "right_cut",
           "right_before", "composition_only", "state_statement", "estimate_statement", "result_sentence", "title_or_slogan",
           "inclusion_statement", "inclusion_member"]

_FILLER = re.compile(rf"^\s*(?:(?:{word_alt('lead_in_filler_openers')})"
                     rf"(?:\s+(?:{word_alt('lead_in_filler_steps')}|{word_alt('lead_in_filler_verbs')}))*"
                     rf"|(?:\s+(?:{word_alt('lead_in_filler_steps')}))*)\s*$", re.IGNORECASE)
_PASSIVE = re.compile(rf"(?<![\wÀ-ỹ])(?:(?:{word_alt('passive_aspects')})\s+)?(?:{word_alt('passive_markers')})\s+",
                      re.IGNORECASE)
_PASSIVE_SUBJECT_WORDS = 20
_NOMINALISER = re.compile(rf"(?<![\wÀ-ỹ])(?:{word_alt('passive_clause_nominalisers')})(?![\wÀ-ỹ])", re.IGNORECASE)
_TIME_NOUN = re.compile(r"\s*(?:mốc\s+)?(?:thời gian|thời hạn|thời điểm)\s+", re.IGNORECASE)


def _acts(text: str, p: int, e: int) -> bool:
    lx = lexicon()
    return bool(lx.verb_start.match(text[p:e]) or lx.modal_start.match(text[p:e]))


def own_obligation(value: str) -> bool:
    """"Trường hợp …: Sở quản lý ngành … có trách nhiệm trình …" — the value is a clause of its own: a body
    named, then a modal of obligation (``modals``) and a verb of the lexicon. Such a value is work, whatever
    the label before it (defect17)."""
    lx = lexicon()
    for m in lx.modal_any.finditer(value):
        if m.start() > 0 and words(value[:m.start()]) and lx.verb_start.match(value[m.end():]):
            return True
    return False


def action_label(label: str, value: str) -> bool:
    """"Lắp đặt các trạm BTS 5G: Đảm bảo độ phủ sóng …" — the value opens with the standard the work must meet
    (``label_standard_openers``, "đảm bảo …"), so the label names the work, even when its verb is not in the
    lexicon. A label that is a known label noun ("Mục tiêu", "Nội dung", "Thời gian" …, ``labels``,
    ``target_nouns``) or opens with a determiner ("Các …") is a name, never the work (defect17)."""
    lx = lexicon()
    if not opening_word("label_standard_openers", value, 0, len(value)):
        return False
    if opening_word("target_nouns", label, 0, len(label)) or opening_word("list_determiners", label, 0, len(label)):
        return False
    if lx.label.match(label.strip() + ":"):
        return False
    return len(words(label)) >= lx.data.get("min_task_syllables", 4)


def label_value(text: str, s: int, p: int, e: int, subject: list[Ag], how: str, review: bool) -> bool:
    """"X: Không quá 05 cá nhân" — after a name label, a quota or a description, not an action."""
    after_label = how == "label" or (not subject and text[s:p].rstrip().endswith(":"))
    return (after_label and not review and not _acts(text, p, e)
            and not (on("value_obligation") and own_obligation(text[p:e])))


def label_pair(text: str, masked: str, p: int, e: int, subject: list[Ag], review: bool) -> bool:
    """"Tổ giúp việc Ban Chỉ đạo: Không quá 05 cá nhân" — a short label and its value, not an action."""
    cpos = masked.find(":", p, e)
    if not (cpos >= 0 and not review and not subject and not _acts(text, p, e)
            and len(words(text[p:cpos])) <= 15):
        return False
    if on("value_obligation") and own_obligation(text[cpos + 1:e]):
        return False
    return not (on("action_label") and action_label(text[p:cpos], text[cpos + 1:e]))


def time_label_draft(text: str, masked: str, p: int, e: int, subject: list[Ag],
                     deadlines: list[Dl]) -> Optional[tuple[int, int, Dl]]:
    """"Mốc thời gian tổng hợp, thống kê số liệu: tính từ 15/12/2019 đến 15/6/2024" — the work, then its time."""
    cpos = masked.find(":", p, e)
    if cpos < 0 or subject:
        return None
    for d in deadlines:
        if d.start > cpos and len(words(text[cpos + 1:d.start])) <= 2 and not text[d.end:e].strip(" .;,/"):
            tm = _TIME_NOUN.match(text[p:cpos])
            a, b = trim(text, p + (tm.end() if tm else 0), cpos)
            if len(words(text[a:b])) >= 2:
                return a, b, d
    return None


def _clause_start(text: str, cs: int, ce: int) -> int:
    """Where the clause ``[cs, ce)`` starts once its leading spaces and opening brackets are set aside."""
    return cs + len(text[cs:ce]) - len(text[cs:ce].lstrip(" ("))


def passive_statement(text: str, cs: int, ce: int, mentions: list[Ag]) -> bool:
    """"Bản tin sinh hoạt chuyên đề sẽ được phát hành vào tuần cuối …": a thing as the subject, then a passive
    predicate — a statement of how something is done, no work given to anyone (task_lexicon.yaml
    ``passive_markers``). Not when the clause opens with a verb or a modal, names a body before the passive
    word, holds a modal, a break (",;:") or more than ``_PASSIVE_SUBJECT_WORDS`` (20) words before it, or the
    passive word assigns ("được giao …")."""
    lx = lexicon()
    p = _clause_start(text, cs, ce)
    clause = text[p:ce]
    if _acts(text, p, ce) or lx.weak_verb_start.match(clause):
        return False
    m = _PASSIVE.search(clause)
    if m is None or m.start() == 0:
        return False
    subject = clause[:m.start()]
    sw = words(subject.lower())
    heads = lx.verbs | set(lx.data.get("passive_compound_heads") or ())
    if sw and (sw[-1] in heads or " ".join(sw[-2:]) in heads or _NOMINALISER.search(subject, 1)):
        return False  # "Mức độ đạt được …" (a compound), "quy định rõ việc áp dụng … đã được …" (a complement)
    if (re.search(r"[,;:()]", subject) or len(words(subject)) > _PASSIVE_SUBJECT_WORDS or lx.modal_any.search(subject)
            or any(p <= a.start < p + m.start() for a in mentions)):
        return False
    return not lx.assign.match(clause, m.end())


def cut_lead_in(text: str, masked: str, p: int, pe: int) -> tuple[int, bool]:
    """(new end, whole sentence is a lead-in)."""
    seg = text[p:pe]
    for pat in lexicon().lead_in:
        m = pat.search(seg)
        if not m:
            continue
        L = p + m.start()
        cut = max(masked.rfind(",", p, L), masked.rfind(";", p, L))
        if cut < 0:
            return p, True
        if _FILLER.match(text[cut + 1:L]) and len(words(text[p:cut])) >= 2:
            return cut, False
        return p, True
    return pe, False


def _right() -> re.Pattern:
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{word_alt('right_phrases')})(?![\wÀ-ỹ])", re.IGNORECASE)


_THEN = re.compile(rf"(?<![\wÀ-ỹ])(?:{word_alt('consequence_words')})\s", re.IGNORECASE)


def right_cut(text: str, masked: str, cs: int, ce: int, opened: int = -1) -> tuple[Optional[int], int]:
    """(end of the clause ``[cs, ce)`` without the right it states, or None when nothing of it is a task;
    where the right begins, or ``opened``).

    "Cơ quan X có quyền yêu cầu …" and "Trường hợp …, thì cơ quan X có quyền yêu cầu bổ sung, làm rõ" (a right,
    or a right as a case's consequence) are no task, nor the comma parts that go on with it (``opened``: a right
    earlier in the same ";" clause); in "… có trách nhiệm cập nhật dữ liệu, có quyền yêu cầu …" the work before
    the comma stays. Annotation notes 04-07-08 (hard decision 1): rights are not tasks."""
    if 0 <= opened < cs and ";" not in masked[opened:cs]:
        return None, opened
    if not word_alt("right_phrases"):
        return ce, -1
    m = _right().search(text, cs, ce)
    if m is None:
        return ce, -1
    comma = masked.rfind(",", cs, m.start())
    if _THEN.search(masked, cs, m.start()) or comma < 0 or not text[cs:comma].strip():
        return None, m.start()
    return comma, m.start()


def right_before(text: str, s: int, p: int) -> int:
    """Where a right begins in the words the subject finder stepped over (``[s, p)``: "Trường hợp …, thì Cơ quan X
    có quyền yêu cầu bổ sung, làm rõ" leaves only "làm rõ"), or -1: the comma parts after it go on with it."""
    if not word_alt("right_phrases"):
        return -1
    found = [m.start() for m in _right().finditer(text, s, p)]
    return found[-1] if found else -1


_STRAY_SYLLABLES = 2  # words of a long list of names the recogniser left out ("Phòng Hành chính, Lưu trữ thuộc …")
_LONG_NAME_LIST = 3


def _joiners_only(text: str, stray: int = 0) -> bool:
    """Nothing but joining words (``composition_joiners``: "và", "các", "thuộc" …) and punctuation, save at most
    ``stray`` other words."""
    joiners = {w.lower() for w in lexicon().data.get("composition_joiners") or ()}
    return sum(w.lower() not in joiners for w in words(text)) <= stray


def _blank_names(text: str, cs: int, ce: int, inside: list[Ag]) -> str:
    """The clause ``[cs, ce)`` with every body name in ``inside`` replaced by spaces."""
    chars = list(text[cs:ce])
    for m in inside:
        chars[m.start - cs:m.end - cs] = " " * (m.end - m.start)
    return "".join(chars)


def composition_only(text: str, cs: int, ce: int, mentions: list[Ag]) -> bool:
    """Does the clause only say who belongs to a body? A list of body names with nothing but joining words
    between them ("Sở Tư pháp, Sở Khoa học và Công nghệ và Phòng An ninh chính trị nội bộ Công an tỉnh", the
    members of a Ban Chỉ đạo cut off by a full stop; in a list of three names or more, two syllables the
    recogniser left out may remain: "Phòng Hành chính, Lưu trữ thuộc Văn phòng Tỉnh ủy"), or a role with no verb before a copula (``copula_words``)
    and only bodies after it ("thường trực Ban Chỉ đạo là Công an tỉnh"). "Sở Y tế là cơ quan thường trực, chủ trì
    …" and "thực hiện tốt vai trò là Cơ quan Thường trực …" (work after the copula, a verb before it) are tasks."""
    inside = [m for m in mentions if cs <= m.start and m.end <= ce]
    if not inside:
        return False
    blank = _blank_names(text, cs, ce, inside)
    if _joiners_only(blank, _STRAY_SYLLABLES if len(inside) >= _LONG_NAME_LIST else 0):
        return True
    if not word_alt("copula_words"):
        return False
    cm = re.search(rf"(?<![\wÀ-ỹ])(?:{word_alt('copula_words')})(?![\wÀ-ỹ])", blank, re.IGNORECASE)
    if cm is None or not words(blank[:cm.start()]) or not _joiners_only(blank[cm.end():]):
        return False
    before = blank[:cm.start()]  # names blanked: "Ban Chỉ đạo" holds a verb's syllables, no verb
    return not any(_acts(before, w.start(), len(before)) for w in re.finditer(r"(?<![\wÀ-ỹ])[\wÀ-ỹ]", before))


def state_statement(text: str, cs: int, ce: int) -> bool:
    """"Hiện nay tổng khối lượng hoàn thành của Dự án khoảng 61% …", "Thời gian qua, các chính sách … đã được bảo
    đảm": a clause that opens with a word of the present or the recent past (``state_openers``) describes the
    situation, unless it asks for something: a modal ("Hiện nay, các sở cần …") or a request word ("…, đề nghị
    Bộ …") keeps it. "Thời gian tới" (the future) is no such opener."""
    if opening_word("state_openers", text, cs, ce) is None:
        return False
    lx = lexicon()
    clause = text[cs:ce]
    return not (lx.modal_any.search(clause) or lx.assign.search(clause))


def estimate_statement(text: str, cs: int, ce: int) -> bool:
    """"Dự kiến kinh phí thực hiện khoản 10% …", "Dự kiến khoảng 1.000 thuê bao di động nhận tin nhắn …": an
    estimate word (``estimate_words``) opening the clause before a noun or a number gives a figure, no work;
    before a verb it plans one ("Dự kiến tổ chức Hội nghị sơ kết vào tháng 6" is a task)."""
    m = opening_word("estimate_words", text, cs, ce, after=r"\s*")
    if m is None:
        return False
    rest = text[cs + m.end():ce]
    return bool(rest.strip()) and not _acts(rest, 0, len(rest)) and not lexicon().weak_verb_start.match(rest)



def result_sentence(text: str, cs: int, ce: int, mentions: list[Ag]) -> bool:
    """"… tối ưu hóa việc sử dụng năng lượng. Giúp doanh nghiệp giảm chi phí …": a sentence opening with a word of
    result (``result_sentence_openers``) says what the work of the sentence before yields (annotation rule T3: a
    purpose or result belongs to its task); the caller asks only for a sentence after one that gave tasks in
    the same item. "Giúp" before a body ("Giúp Ủy ban nhân dân tỉnh theo dõi …") assists: a task; "giúp đỡ"
    (``purpose_word_exceptions``) is the verb "help"."""
    m = opening_word("result_sentence_openers", text, cs, ce)
    if m is None:
        return False
    rest = text[cs + m.end():ce]
    if opening_word("purpose_word_exceptions", text, cs, ce) is not None:
        return False
    at = cs + m.end() + (len(rest) - len(rest.lstrip()))
    return not any(a.start == at for a in mentions)

_TITLE_MIN_LETTERS = 12
_TITLE_MIN_WORDS = 3
_OPEN_QUOTES, _CLOSE_QUOTES = "“\"«", "”\"»"


def title_or_slogan(text: str, cs: int, ce: int) -> bool:
    """"BẢNG PHÂN CÔNG THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP … (Kèm theo Quyết định số …)", "“Lập thành tích chào mừng Đại hội …; tăng tốc, bứt phá
    …”": a clause written wholly in capitals (at least three words, no lower-case letter) is a title, and one wholly
    inside quotation marks is a slogan or a name (a parenthesis after a title is set aside); neither gives work to anyone. Acronyms inside a sentence
    ("UBND tỉnh") and a quoted term inside a task ("phong trào “Bình dân học vụ số”") leave the clause a task."""
    clause = text[cs:ce].strip(" \t.;,:/")
    letters = [c for c in re.sub(r"\([^()]*\)", " ", clause) if c.isalpha()]  # "(Kèm theo Quyết định …)" aside
    if (len(letters) >= _TITLE_MIN_LETTERS and len(words(clause)) >= _TITLE_MIN_WORDS
            and not any(c.islower() for c in letters)):
        return True
    return (len(clause) > 2 and clause[0] in _OPEN_QUOTES and clause[-1] in _CLOSE_QUOTES
            and not any(c in _CLOSE_QUOTES for c in clause[1:-1] if c != '"'))


_INCLUSION_SUBJECT_WORDS = 30


def inclusion_statement(text: str, cs: int, ce: int, mentions: list[Ag]) -> bool:
    """"Hạ tầng số của tỉnh bao gồm hạ tầng viễn thông, hạ tầng dữ liệu …", "Các lĩnh vực hợp tác ưu tiên tập trung
    vào …": a noun subject, then a word of inclusion or scope (task_lexicon.yaml ``inclusion_words``) — what a thing
    is made of or covers, no work given to anyone. Not when the clause opens with a verb or a modal, names a body
    before the word ("Các sở, ngành tập trung vào …"), holds a modal or a ";:" before it, or the subject runs over
    ``_INCLUSION_SUBJECT_WORDS`` words."""
    alt = word_alt("inclusion_words")
    if not alt:
        return False
    lx = lexicon()
    p = _clause_start(text, cs, ce)
    clause = text[p:ce]
    if _acts(text, p, ce) or lx.weak_verb_start.match(clause):
        return False
    m = re.search(rf"(?<![\wÀ-ỹ])(?:{alt})(?![\wÀ-ỹ])", clause, re.IGNORECASE)
    if m is None or m.start() == 0:
        return False
    subject = clause[:m.start()]
    return not (re.search(r"[;:]", subject) or len(words(subject)) > _INCLUSION_SUBJECT_WORDS
                or lx.modal_any.search(subject) or any(p <= a.start < p + m.start() for a in mentions))


def inclusion_member(text: str, cs: int, ce: int, mentions: list[Ag]) -> bool:
    """After an inclusion statement, does the ";" clause ``[cs, ce)`` go on with its list ("Các lĩnh vực hợp tác ưu
    tiên tập trung vào …; công nghệ vật liệu mới …; giải pháp phát triển hạ tầng số")? It opens with neither a verb,
    a modal nor a body."""
    lx = lexicon()
    p = _clause_start(text, cs, ce)
    if p >= ce or _acts(text, p, ce) or lx.weak_verb_start.match(text[p:ce]):
        return False
    return not any(a.start == p for a in mentions)
