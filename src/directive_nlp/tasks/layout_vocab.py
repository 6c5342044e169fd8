"""The layout vocabulary (``resources/vi/layout.yaml``), validated and compiled once.

Why a data file: the words by which a plan's layout hands bodies and times to
its tasks (label lines, table headers, the articles of a Quyết định) differ
from one issuer to the next ("Cơ quan chủ trì", "Đơn vị chủ trì tham mưu thực
hiện", "Chủ trì:"). A user adapting the tool to another province edits the
YAML; the mechanisms in :mod:`labels`, :mod:`headings`, :mod:`tables` and
:mod:`decisions` only read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..vocab import load_vocabulary, phrases

__all__ = ["LayoutVocab", "layout_vocab", "REQUIRED_KEYS"]

_W = r"(?-i:[\wÀ-ỹ])"  # a word character; (?-i:) spares IGNORECASE patterns the range's case closure at compile time (same characters: tests/test_vocab.py)

REQUIRED_KEYS: dict[str, type] = {
    "label_heads": list, "label_lead_words": list, "label_support_words": list, "label_fillers": list,
    "bare_head_is_lead": bool, "time_labels": list, "content_labels": list, "ignore_labels": list,
    "label_max_words": int, "member_list_openers": list, "theme_heading_prefixes": list, "proper_name_heads": list,
    "table_columns": dict, "execution_clause": list, "non_task_articles": list, "official_titles": list,
    "target_subheadings": list, "target_subheading_exceptions": list, "heading_topic_prefixes": list,
    "state_subheadings": list, "spec_subheadings": list,
    "self_reference_openers": list, "self_reference_request_words": list,
    "relative_heading_nouns": list, "relative_heading_links": list, "relative_heading_lead_tails": list,
    "relative_heading_support_tails": list, "assignment_line_words": list, "role_class_words": list,
    "coordinated_content_words": list, "table_group_columns": list, "table_header_marks": list,
    "table_body_marks": list,
}


def _alt(words) -> str:
    """Longest-first alternation of phrases, inner spaces matching any whitespace."""
    return "(?:" + phrases(str(w).lower() for w in words) + ")"


def _column_pattern(words: list) -> re.Pattern:
    """A header-cell matcher: plain phrases match as whole words anywhere, ``^…`` items are regexes."""
    plain = [w for w in words if not str(w).startswith("^")]
    regex = [str(w) for w in words if str(w).startswith("^")]
    alts = ([rf"(?<!{_W}){_alt(plain)}(?!{_W})"] if plain else []) + regex
    return re.compile("|".join(alts), re.IGNORECASE)


def _any(patterns: list) -> str:
    """One group matching any of a list of regexes (the footnote marks of ``table_header_marks``)."""
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"


@dataclass(frozen=True)
class LayoutVocab:
    data: dict
    label: re.Pattern          # a label phrase + colon at the start of a text; group "lab"
    lead_word: re.Pattern
    support_word: re.Pattern
    time_label: re.Pattern     # whole-phrase matchers on the normalised label phrase
    content_label: re.Pattern
    ignore_label: re.Pattern
    head_only: re.Pattern
    member_opener: re.Pattern
    theme_prefix: re.Pattern
    proper_head: re.Pattern    # group "next": the character after the head and its space
    columns: tuple             # ((role, pattern), …) in the order of the YAML
    group_column: re.Pattern   # a header naming a grouping column ("Thuộc nhóm nhiệm vụ"): never the task column
    header_marks: re.Pattern   # the footnote marks closing a header cell ("Cơ quan chủ trì[1]"), all of them
    body_marks: re.Pattern     # a footnote mark closing a name in a body cell ("Bộ Tài chính[2];")
    execution: tuple
    non_task_article: tuple
    official: re.Pattern
    target_sub: re.Pattern     # an inner heading that opens a part of targets ("Chỉ tiêu chủ yếu đến năm 2030")
    target_exception: re.Pattern  # … unless it also names tasks ("Mục tiêu, nhiệm vụ cụ thể")
    state_sub: re.Pattern      # an inner heading of the present state ("1. Hiện trạng" under "II. NỘI DUNG")
    spec_sub: re.Pattern       # an inner heading of parameters ("c. Thông số, tần suất quan trắc")
    topic_prefix: re.Pattern   # "Về …", "Đối với …" before a part heading
    self_reference: re.Pattern  # "Trên đây là …" opening a closing formula
    self_reference_request: re.Pattern  # "yêu cầu", "đề nghị": where its request begins
    relative_opener: re.Pattern  # "Nội dung (do) " before the bodies of a relative-clause agency heading
    relative_tail: re.Pattern    # "có trách nhiệm chủ trì" closing it; group "lead" or "support"
    role_class_end: re.Pattern   # a role word ending a body's name ("Cơ quan chủ trì")
    content_sub: re.Pattern      # an inner heading that opens with that content word ("2. Nội dung thi đua")


@lru_cache(maxsize=1)
def layout_vocab() -> LayoutVocab:
    d = load_vocabulary("layout.yaml", required=REQUIRED_KEYS)
    role = _alt(d["label_lead_words"] + d["label_support_words"])
    filler = _alt(d["label_fillers"] + d["label_lead_words"] + d["label_support_words"])
    head = _alt(d["label_heads"])
    fixed = _alt(d["time_labels"] + d["content_labels"] + d["ignore_labels"])
    filler = rf"(?:{filler}(?!{_W})|\([^()]{{1,40}}\))"  # "Đơn vị chủ trì (tham mưu) thực hiện"
    # "Đơn vị chủ trì / Đơn vị phối hợp", "Cơ quan chủ trì, phối hợp", "chủ trì và phối hợp"
    joint = rf"(?:\s*[/,]\s*(?:{head}\s+)?|\s+(?:và\s+)?|\s*(?=\())"
    role_phrase = rf"(?:(?:các\s+)?{head}\s+)?{role}(?:{joint}{filler}){{0,4}}"
    head_phrase = rf"(?:các\s+)?{head}" if d["bare_head_is_lead"] else r"(?!)"
    mark = r"[*_]*"  # bold or italic markup left around a label in a text file
    label = re.compile(
        rf"^\s*(?:[-+•]\s*)?{mark}\s*(?:[-+•]\s*)?(?P<lab>{fixed}|{role_phrase}|{head_phrase})(?!{_W})\s*"
        rf"(?:\([^)]{{0,60}}\))?\s*{mark}\s*:\s*{mark}\s*",
        re.IGNORECASE)

    def whole(words) -> re.Pattern:
        return re.compile(rf"^{_alt(words)}$", re.IGNORECASE)

    cols = tuple((k, _column_pattern(v)) for k, v in d["table_columns"].items())
    unknown = set(d["table_columns"]) - {"number", "task", "lead", "support", "time"}
    if unknown:
        from ..vocab import VocabularyError
        raise VocabularyError(f"layout.yaml: unknown table column role(s) {', '.join(sorted(unknown))}")
    return LayoutVocab(
        data=d,
        label=label,
        lead_word=re.compile(rf"(?<!{_W}){_alt(d['label_lead_words'])}(?!{_W})", re.IGNORECASE),
        support_word=re.compile(rf"(?<!{_W}){_alt(d['label_support_words'])}(?!{_W})", re.IGNORECASE),
        time_label=whole(d["time_labels"]),
        content_label=whole(d["content_labels"]),
        ignore_label=whole(d["ignore_labels"]),
        head_only=re.compile(rf"^(?:các\s+)?{head}$", re.IGNORECASE),
        member_opener=re.compile(rf"^\s*{_alt(d['member_list_openers'])}(?!{_W})\s*:?\s*", re.IGNORECASE),
        proper_head=re.compile(rf"^\s*{_alt(d['proper_name_heads'])}(?!{_W})\s*(?P<next>\S)",
                               re.IGNORECASE),
        theme_prefix=re.compile(rf"^\s*{_alt(d['theme_heading_prefixes'])}(?!{_W})", re.IGNORECASE),
        columns=cols,
        group_column=_column_pattern(d["table_group_columns"]),
        header_marks=re.compile(rf"(?:\s*{_any(d['table_header_marks'])})+\s*$"),
        body_marks=re.compile(rf"(?<=[^\W\d_])\s*{_any(d['table_body_marks'])}(?=\s*(?:[;,.\n]|$))"),
        execution=tuple(re.compile(p, re.IGNORECASE) for p in d["execution_clause"]),
        non_task_article=tuple(re.compile(p, re.IGNORECASE) for p in d["non_task_articles"]),
        official=re.compile(rf"(?<!{_W}){_alt(d['official_titles'])}(?!{_W})", re.IGNORECASE),
        target_sub=re.compile(rf"^\s*{_alt(d['target_subheadings'])}(?!{_W})", re.IGNORECASE),
        state_sub=re.compile(rf"^\s*{_alt(d['state_subheadings'])}(?!{_W})", re.IGNORECASE),
        spec_sub=re.compile(rf"^\s*{_alt(d['spec_subheadings'])}(?!{_W})", re.IGNORECASE),
        self_reference=re.compile(rf"^\s*{_alt(d['self_reference_openers'])}(?!{_W})", re.IGNORECASE),
        self_reference_request=re.compile(rf"(?<!{_W}){_alt(d['self_reference_request_words'])}(?!{_W})",
                                          re.IGNORECASE),
        topic_prefix=re.compile(rf"^\s*{_alt(d['heading_topic_prefixes'])}(?!{_W})\s*", re.IGNORECASE),
        target_exception=re.compile(rf"(?<!{_W}){_alt(d['target_subheading_exceptions'])}(?!{_W})", re.IGNORECASE),
        role_class_end=re.compile(rf"(?<!{_W}){_alt(d['role_class_words'])}$", re.IGNORECASE),
        content_sub=re.compile(rf"^\s*{_alt(d['coordinated_content_words'])}(?!{_W})", re.IGNORECASE),
        relative_opener=re.compile(rf"^\s*{_alt(d['relative_heading_nouns'])}\s+"
                                   rf"(?:{_alt(d['relative_heading_links'])}\s+)?", re.IGNORECASE),
        relative_tail=re.compile(rf"^\s*(?:(?P<lead>{_alt(d['relative_heading_lead_tails'])})|"
                                 rf"(?P<support>{_alt(d['relative_heading_support_tails'])}))\s*[:.]?\s*$",
                                 re.IGNORECASE),
    )
