"""The off switches of tasks/ablation.py (an experiment only, benchmarks/ablation.py; docs/tasks.md "Which
mechanisms are general"): with nothing disabled every mechanism runs, and disabling one name changes that
decision only. Small plans written for the test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from directive_nlp.pipeline import extract_text
from directive_nlp.tasks import ablation
from directive_nlp.tasks.ablation import MECHANISMS, disabled, on, pattern_on
from directive_nlp.tasks.lexicon import lexicon


def texts(body: str, heading: str = "II. NỘI DUNG") -> list[str]:
    text = f"KẾ HOẠCH\n\nThực hiện công tác năm 2026\n\n{heading}\n\n{body}\n"
    return [t.task for t in extract_text(text, "plan.md", model=None).tasks]


_EFFECT = next(i for i, p in enumerate(lexicon().non_task) if "có hiệu lực" in p.pattern)

# one example per switch: (its sentence, the tasks with everything on, the tasks with that switch off)
EXAMPLES = {
    "result_tail": ("1. Tổ chức tấn công, trấn áp tội phạm ma túy ở các địa bàn trọng điểm, kiên quyết không để hình "
                    "thành điểm tổ chức sử dụng trái phép chất ma túy.", 1, 2),
    "passive_statement": ("1. Bản tin\n\nBản tin sinh hoạt chi bộ thường kỳ và Bản tin sinh hoạt chuyên đề được kết "
                          "cấu theo hướng ngắn gọn, dễ hiểu.", 0, 1),
    "governed": ("1. Sở Nội vụ tham mưu Ủy ban nhân dân tỉnh ban hành quy chế, kiện toàn tổ chức bộ máy, sắp xếp "
                 "cán bộ.", 1, 2),
    "and_predicate": ("1. Sở Tài chính kiểm tra hoạt động đấu thầu và giám sát việc thực hiện các kết luận thanh "
                      "tra.", 2, 1),
    "result_sentence": ("- Tổ chức tập huấn kỹ năng số cho cán bộ cấp xã. Giúp doanh nghiệp giảm chi phí năng lượng.",
                        1, 2),
    f"non_task_patterns[{_EFFECT}]": ("1. Sở Y tế tăng cường kiểm tra các cơ sở kinh doanh thuốc.\n\n2. Kế hoạch này "
                                      "có hiệu lực thi hành kể từ ngày ký ban hành.", 1, 2),
}


def test_nothing_is_disabled_in_production():
    assert ablation.DISABLED == set()
    assert all(on(n) for n in MECHANISMS) and pattern_on("non_task_patterns", 0)


def test_every_switch_is_read_by_the_code():
    src = Path(ablation.__file__).parent
    code = "".join(p.read_text(encoding="utf-8") for p in src.glob("*.py") if p.name != "ablation.py")
    unread = [n for n in MECHANISMS if not re.search(rf'\bon\("{n}"\)', code)]
    assert unread == []


def test_disabled_restores_the_set_and_refuses_unknown_names():
    with disabled("governed", "non_task_patterns[3]"):
        assert not on("governed") and on("result_tail") and not pattern_on("non_task_patterns", 3)
        assert pattern_on("non_task_patterns", 4)
    assert ablation.DISABLED == set()
    with pytest.raises(KeyError, match="unknown mechanism"):
        with disabled("governd"):
            pass
    assert ablation.DISABLED == set()


@pytest.mark.parametrize("name", list(EXAMPLES))
def test_disabling_a_name_changes_that_decision_only(name):
    before = {k: texts(body) for k, (body, _, _) in EXAMPLES.items()}
    assert {k: len(v) for k, v in before.items()} == {k: n for k, (_, n, _) in EXAMPLES.items()}
    with disabled(name):
        after = {k: texts(body) for k, (body, _, _) in EXAMPLES.items()}
    assert len(after[name]) == EXAMPLES[name][2]  # positive: its own decision changes
    assert {k: v for k, v in after.items() if k != name} == {k: v for k, v in before.items() if k != name}  # negative
