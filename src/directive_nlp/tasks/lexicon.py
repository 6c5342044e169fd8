"""The task extractor's vocabulary (``resources/vi/task_lexicon.yaml``), compiled once.

Why a data file: the words that open a task part ("Nhiệm vụ và giải pháp"),
the labels of a labelled block ("Cơ quan chủ trì:"), the verbs that start a
clause and the cue words of roles ("phối hợp với", "giúp", "báo cáo") vary
with the issuer and the subject; a user adapting the tool to another province
edits the YAML, not the code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

from ..vocab import load_vocabulary, phrases

__all__ = ["Lexicon", "lexicon", "load_lexicon_data", "word_alt"]

_W = r"(?-i:[\wÀ-ỹ])"  # a word character; (?-i:) spares IGNORECASE patterns the range's case closure at compile time (same characters: tests/test_vocab.py)


def _alt(words) -> str:
    return "(?:" + phrases(words) + ")"


def _words(words) -> re.Pattern:
    """Whole-word alternation, case-insensitive."""
    return re.compile(rf"(?<!{_W})" + _alt(words) + rf"(?!{_W})", re.IGNORECASE)


def _start(words) -> re.Pattern:
    """Alternation anchored at the start of a string (after spaces)."""
    return re.compile(r"^\s*" + _alt(words) + rf"(?!{_W})", re.IGNORECASE)


_LISTS = (
    "task_headings", "non_task_headings", "background_headings", "review_words", "heading_agency_prefixes",
    "assign_words", "modals", "connectives", "support_words", "nominal_before_support", "non_agency_words",
    "report_words", "channel_words", "verbs", "weak_verbs", "governing_verbs", "lead_in_patterns",
    "liability_patterns", "non_task_patterns", "leading_adverbials", "stop_blocks", "aspect_words", "paired_verbs",
    "body_head_nouns", "not_body_heads", "organisation_words", "list_determiners", "document_titles",
)
_OPTIONAL_LISTS = ("liability_tails", "result_tails", "focus_tails", "focus_prepositions", "passive_markers", "passive_aspects", "lead_in_filler_openers", "lead_in_filler_steps", "lead_in_filler_verbs", "list_introducer_tails", "passive_clause_nominalisers", "passive_compound_heads", "quality_words", "quality_list_heads", "agent_noun_suffixes", "verb_like_nouns", "verb_like_noun_heads", "place_levels",
                   "condition_openers", "purpose_words", "purpose_word_exceptions", "nominal_compounds", "nominal_compound_followers",
                   "act_governing_verbs", "verb_final_nouns", "clause_connectives", "governing_prefixes",
                   "time_clause_words", "time_clause_modals", "not_subject_heads", "consequence_words", "subject_qualifiers",
                   "name_qualifiers", "topic_openers", "topic_label_words", "agent_markers",
                   "conjunctions", "group_determiners", "heading_assign_words", "dash_role_heads",
                   "membership_words", "list_gap_words", "list_focus_words", "report_objects",
                   "report_object_qualifiers", "report_manners", "report_send_words", "recipient_prepositions",
                   "report_purpose_words", "copy_to_words", "generic_body_nouns", "relative_heads",
                   "content_nouns", "following_words", "body_opener_endings", "list_end_words",
                   "review_title_words", "predicate_adverbs", "report_step_verbs", "report_step_objects",
                   "report_start_adverbs", "report_start_gather", "report_start_verbs", "reference_prepositions",
                   "reference_titles", "advising_words", "review_step_words",
                   "trailing_note_words", "adjunct_openers", "basis_ref_endings", "between_words",
                   "organise_words", "account_words", "manner_tails", "nominal_run_heads",
                   "activity_list_heads", "complement_prepositions", "activity_object_heads", "object_list_openers", "reference_item_words",
                   "funding_headings", "review_heading_words", "review_content_openers", "review_part_openers",
                   "article_heads", "execution_verbs", "purpose_openers", "scope_openers", "right_phrases", "target_nouns", "target_qualifiers", "topic_list_heads")
_OPTIONAL_LISTS += ("repeated_object_heads", "possessive_words", "listed_activity_nouns")  # splitting.parallel_object, possessed_verb
_OPTIONAL_LISTS += ("role_heads", "paired_scope_words")  # splitting.role_open, paired_scope
_OPTIONAL_LISTS += ("composition_joiners", "copula_words")  # not_tasks.composition_only
_OPTIONAL_LISTS += ("label_standard_openers",)  # not_tasks.action_label
_OPTIONAL_LISTS += ("state_openers",)  # not_tasks.state_statement
_OPTIONAL_LISTS += ("titled_item_heads",)  # clauses.explaining_colon
_OPTIONAL_LISTS += ("estimate_words",)  # not_tasks.estimate_statement
_OPTIONAL_LISTS += ("result_sentence_openers",)  # not_tasks.result_sentence
_OPTIONAL_LISTS += ("inclusion_words",)  # not_tasks.inclusion_statement
_OPTIONAL_LISTS += ("premise_connectives",)  # clauses._premise
_OPTIONAL_LISTS += ("process_scope_openers",)  # clauses._past_process_scope
_OPTIONAL_LISTS += ("opening_governing_verbs", "bare_activity_heads")  # splitting._Group.open, continues_object_list
_OPTIONAL_LISTS += ("account_adverbs",)  # predicates.strip_modal
_OPTIONAL_LISTS += ("object_head_nominalisers", "verb_list_prepositions")  # splitting.continues_object_list
_OPTIONAL_LISTS += ("headless_clause_openers", "headless_opener_verbs", "headless_time_words")  # splitting.merge_clauses


@lru_cache(maxsize=1)
def load_lexicon_data() -> dict[str, Any]:
    """``task_lexicon.yaml``, validated (missing, unknown or mistyped keys refused)."""
    required: dict[str, type] = {k: list for k in _LISTS}
    required.update(labels=dict, table_columns=dict)
    optional: dict[str, type] = {k: list for k in _OPTIONAL_LISTS}
    optional["min_task_syllables"] = int
    optional["bare_pair_syllables"] = int
    optional["activity_object_syllables"] = int
    return load_vocabulary("task_lexicon.yaml", required=required, optional=optional)


def word_alt(key: str) -> str:
    """The words of one list of the lexicon as a regex alternation, in the file's order, spaces as written
    (no grouping: the caller's pattern holds the structure)."""
    return _alternation(tuple(load_lexicon_data().get(key) or ()))


@lru_cache(maxsize=256)
def _alternation(words: tuple[str, ...]) -> str:
    """``words`` escaped and joined with "|" (made once per list: rules ask for it at every clause)."""
    return "|".join(re.escape(w) for w in words)


def opening_word(key: str, text: str, start: int, end: int, after: str = "") -> Optional[re.Match]:
    """A word of the lexicon list ``key`` opening ``text[start:end]`` (blanks before it allowed), as a whole word
    and followed by the pattern ``after``; None when the list is empty or no word opens the span. The match's
    offsets are relative to ``start``."""
    alt = word_alt(key)
    if not alt:
        return None
    return re.match(rf"\s*(?:{alt})(?![\wÀ-ỹ]){after}", text[start:end], re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    data: dict
    task_heading: re.Pattern
    non_task_heading: re.Pattern
    background_heading: re.Pattern
    review: re.Pattern
    label: re.Pattern  # "Cơ quan chủ trì:" etc. at the start; group "lab"
    label_kind: dict
    heading_agency_prefix: re.Pattern
    assign: re.Pattern
    modal_start: re.Pattern
    modal_any: re.Pattern
    connective_start: re.Pattern
    support_start: re.Pattern
    support_any: re.Pattern
    nominal_before_support: re.Pattern
    report: re.Pattern
    channel: re.Pattern
    verb_start: re.Pattern
    weak_verb_start: re.Pattern
    governing_start: re.Pattern
    lead_in: list
    liability: list
    non_task: list
    liability_tail: list
    result_tail: re.Pattern
    adverbial_start: re.Pattern
    stop_block: list
    verbs: frozenset
    table_cols: dict


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    d = load_lexicon_data()
    labels = d["labels"]
    label_kind: dict[str, str] = {}
    for kind, words in labels.items():
        for w in words:
            label_kind.setdefault(" ".join(str(w).lower().split()), kind)
    label = re.compile(r"^\s*(?P<lab>" + _alt(label_kind) + r")\s*(?:\([^)]*\))?\s*:\s*", re.IGNORECASE)
    def heads(key: str) -> re.Pattern:
        plain = [w for w in d[key] if not re.search(r"[\\$^\[]", str(w))]
        regex = [str(w) for w in d[key] if re.search(r"[\\$^\[]", str(w))]
        alts = [_alt(plain) + rf"(?!{_W})"] + regex
        return re.compile(r"^\s*(?:" + "|".join(alts) + ")", re.IGNORECASE)

    return Lexicon(
        data=d,
        task_heading=heads("task_headings"),
        non_task_heading=heads("non_task_headings"),
        background_heading=heads("background_headings"),
        review=_words(d["review_words"]),
        label=label,
        label_kind=label_kind,
        heading_agency_prefix=_start(d["heading_agency_prefixes"]),
        assign=_words(d["assign_words"]),
        # "cần thiết" (necessary) is an adjective, not the modal "cần"
        modal_start=re.compile(r"^\s*(?!cần\s+thiết)" + _alt(d["modals"]) + rf"(?!{_W})", re.IGNORECASE),
        modal_any=re.compile(rf"(?<!{_W})(?!cần\s+thiết)" + _alt(d["modals"]) + rf"(?!{_W})", re.IGNORECASE),
        connective_start=_start(d["connectives"]),
        support_start=_start(d["support_words"]),
        support_any=_words(d["support_words"]),
        nominal_before_support=re.compile(_alt(d["nominal_before_support"]) + r"\s*$", re.IGNORECASE),
        report=_words(d["report_words"]),
        channel=_words(d["channel_words"]),
        verb_start=_start(d["verbs"]),
        weak_verb_start=_start(d["weak_verbs"]),
        governing_start=_start(d["governing_verbs"]),
        lead_in=[re.compile(p, re.IGNORECASE) for p in d["lead_in_patterns"]],
        liability=[re.compile(p, re.IGNORECASE) for p in d["liability_patterns"]],
        non_task=[re.compile(p, re.IGNORECASE) for p in d["non_task_patterns"]],
        liability_tail=[re.compile(p, re.IGNORECASE) for p in d.get("liability_tails") or []],
        result_tail=_start(d.get("result_tails") or ["(?!)"]),
        adverbial_start=_start(d["leading_adverbials"] + ["nếu", "nếu có", "trường hợp"]),
        stop_block=[re.compile(p, re.IGNORECASE) for p in d["stop_blocks"]],
        verbs=frozenset(" ".join(str(v).lower().split()) for v in d["verbs"]),
        table_cols={k: [" ".join(str(w).lower().split()) for w in v] for k, v in d["table_columns"].items()},
    )
