"""Off switches for the decision mechanisms that make more or fewer tasks (an experiment only).

``DISABLED`` is empty in production and every mechanism runs: outputs are those of the code without this
module. ``benchmarks/ablation.py`` adds one name at a time to measure what that mechanism does (on the read
half and the no-gold documents, docs/tasks.md "Which mechanisms are general"). A disabled decision behaves as
if its test never fired: a test that says "no new task" lets the next test decide, a test that says "new task"
(or "not a task") is skipped. ``MECHANISMS`` lists the names and where they live.
"""

from __future__ import annotations

__all__ = ["DISABLED", "MECHANISMS", "on", "disabled"]

# name -> (module.function, what it decides)
MECHANISMS: dict[str, str] = {
    # splitting._starts_new: tests that keep a comma / "và" segment in the task before it
    "paired_scope": "splitting.paired_scope: 'nói chung, … nói riêng' one scope, no cut",
    "role_open": "splitting.role_open: 'phát huy vai trò nòng cốt, | chủ trì …' no cut",
    "result_tail": "lexicon result_tail: ', không để …' stays, no cut",
    "partners_only": "splitting.partners_only: 'Phối hợp với các sở, | triển khai …' no cut",
    "focus_tail": "splitting.focus_tail: ', tập trung vào …' no cut",
    "parallel_object": "splitting.parallel_object: 'báo cáo A và báo cáo B' no cut",
    "possessed_verb": "splitting.possessed_verb: ', xây dựng của …' a noun, no cut",
    "possessed_run": "splitting.possessed_run: bare verbs before a possessed verb, no cut",
    "head_pair": "predicates.head_pair_then_verb_like_noun: 'năng lực quản lý và ứng dụng' no cut",
    "adverb_quality": "splitting._ADVERB_QUALITY: 'và thường xuyên cho …' a quality, no cut",
    "quality_only": "predicates.quality_only: 'thống nhất, hiện đại, …' no cut",
    "noun_item_verb_noun": "predicates.noun_item_then_verb_like_noun: 'trang thiết bị, phương tiện, ứng dụng' no cut",
    "manner_list": "predicates.manner_list: 'công bố đầy đủ, công khai …' no cut",
    "nominal_compound": "compounds.nominal_compound_only: a field name in the list, no cut",
    "partner_name": "splitting: a segment opening with a partner's name, no cut",
    "continues_activities": "splitting.continues_activities: 'công tác thông tin, tuyên truyền' no cut",
    "object_list": "splitting.continues_object_list: the next item of a list after a list head, no cut",
    "waits_bare_run": "splitting.bare_run_item / ends_with_verb: a run of bare verbs waits for its object",
    "closed_predicate": "splitting.closed_predicate: 'Quản lý hoạt động xây dựng, | tăng cường …' the segment does not wait",
    "governed": "splitting._governs: after 'tham mưu', 'hướng dẫn X', 'để …' commas do not cut",
    # splitting._starts_new: tests that cut
    "support_cut": "splitting: ', (và) phối hợp với Y + verb' cuts",
    "report_step": "splitting._report_step: 'VERBS và báo cáo X' cuts",
    "and_predicate": "splitting: '… và VERB OBJECT' after a predicate with its object cuts",
    "connective_cut": "splitting: ', đồng thời …' (clause_connectives) cuts",
    "governed_report": "splitting: a report step to a body cuts inside a governed group",
    "governed_support": "splitting: 'phối hợp với Y' cuts inside a governed group",
    "cycle_cut": "splitting._cycle_after_object: ', định kỳ báo cáo …' after an object cuts",
    "governed_adverb_cut": "splitting._adverb_then_verb: ', thường xuyên cập nhật …' cuts in a governed group",
    "lead_time_cut": "splitting: a segment opening with an ongoing/recurring time cuts",
    # splitting.comma_groups
    "timed_parts": "timed_parts.own_time_cuts: activities each with a time of their own are cut apart",
    "own_subject_cut": "splitting.comma_groups: a comma segment naming its own actor and a modal cuts",
    # splitting.merge_clauses: ';' clauses that join the one before
    "list_continuation": "splitting._LIST_CONTINUATION / _REFERENCE_ITEM: '; các …', '; điểm a …' joins",
    "content_line_join": "splitting.merge_clauses: in a label's content line a ';' clause without action joins",
    "bodies_only": "splitting._bodies_only: '; cán bộ, công chức …' (bodies, no verb) joins",
    "next_listed_object": "splitting._next_listed_object: 'đối với các mặt hàng A; B' joins",
    "headless_clause": "splitting._headless_clause: '; cho người lao động …' (a preposition) joins",
    "topic_list": "splitting._TOPIC_LIST: 'Các chuyên đề về …; …' joins",
    # splitting.merge_fragments: short groups join a neighbour
    "short_syllables": "splitting._is_short: fewer than min_task_syllables, joins",
    "short_verb_only": "splitting._is_short: a verb alone, joins",
    "short_condition": "splitting._is_short: a fronted condition first, joins",
    "short_encouraged": "splitting._encouraged_bare_verb: 'Khuyến khích … đầu tư, | ứng dụng' joins",
    "timed_apart": "splitting._timed_apart: a short group timed apart stays a task",
    "bare_pair": "splitting._bare_pair: 'Tổ chức truyền thông, | tuyên truyền …' joins",
    # not_tasks and clauses: what is not a task
    "request_only": "clauses._request_only: 'yêu cầu các bộ, ngành:' a lead-in, no task",
    "right_cut": "not_tasks.right_cut: 'có quyền yêu cầu …' a right, no task",
    "liability_patterns": "lexicon liability_patterns: no task",
    "title_or_slogan": "not_tasks.title_or_slogan: capitals or quotes, no task",
    "passive_statement": "not_tasks.passive_statement: 'Bản tin … sẽ được phát hành' no task",
    "inclusion_statement": "not_tasks.inclusion_statement: '… bao gồm …' no task",
    "inclusion_member": "not_tasks.inclusion_member: '; công nghệ …' after an inclusion, no task",
    "state_statement": "not_tasks.state_statement: 'Hiện nay …' no task",
    "estimate_statement": "not_tasks.estimate_statement: 'Dự kiến kinh phí …' no task",
    "result_sentence": "not_tasks.result_sentence: '…. Giúp doanh nghiệp giảm chi phí …' after a task sentence, no task",
    "composition_only": "not_tasks.composition_only: a list of body names, no task",
    "label_value": "not_tasks.label_value / label_pair: 'X: Không quá 05 cá nhân' no task",
    "value_obligation": "not_tasks.own_obligation: 'Trường hợp …: Sở X có trách nhiệm trình …' a task, not a label value",
    "action_label": "not_tasks.action_label: 'Lắp đặt các trạm …: Đảm bảo …' the label is the work, not a label value",
    "time_label": "not_tasks.time_label_draft: 'Mốc thời gian …: từ … đến …' the work, dated",
    "lead_in": "not_tasks.cut_lead_in: '… các nội dung sau:' no task",
}

DISABLED: set[str] = set()


def on(name: str) -> bool:
    """Is the mechanism ``name`` enabled? Always, unless an experiment disabled it."""
    return not DISABLED or name not in DISABLED


def pattern_on(key: str, i: int) -> bool:
    """Is the ``i``-th pattern of the vocabulary list ``key`` enabled (named ``key[i]`` in ``DISABLED``)?"""
    return not DISABLED or f"{key}[{i}]" not in DISABLED


class disabled:
    """``with disabled("name", …):`` runs the block with those mechanisms off, then restores the set."""

    def __init__(self, *names: str) -> None:
        unknown = [n for n in names if n not in MECHANISMS and "[" not in n]
        if unknown:
            raise KeyError(f"unknown mechanism(s): {', '.join(unknown)}")
        self.names = names
        self.saved: set[str] = set()

    def __enter__(self) -> "disabled":
        self.saved = set(DISABLED)
        DISABLED.update(self.names)
        return self

    def __exit__(self, *exc: object) -> None:
        DISABLED.clear()
        DISABLED.update(self.saved)
