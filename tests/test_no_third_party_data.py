"""No third-party data in the repository: no file of ../shared (corpora,
spec) copied in, and no shared passage longer than a long sentence pasted
into a committed text (``benchmarks/provenance.py`` prints the details).

Short overlaps are expected and allowed: agency names, titles of national
legal texts and deadline phrases used as examples in tests and rule data.
"""

from __future__ import annotations

import provenance  # benchmarks/provenance.py
import pytest

from corpus_paths import ROOT, SHARED

LONGEST_ALLOWED = 150  # characters of one shared passage (a long sentence)

pytestmark = pytest.mark.skipif(not (SHARED / "corpus").is_dir(),
                                reason=f"{SHARED}/corpus is absent: nothing to compare the repository with")


def test_no_shared_file_is_committed():
    assert provenance.whole_copies(SHARED, ROOT) == []


def test_no_long_shared_passage_is_committed():
    found = provenance.passage_overlaps(SHARED, ROOT, LONGEST_ALLOWED + 1)
    assert found == {}, f"{sorted(found)}: see python benchmarks/provenance.py"


def test_only_the_vendored_output_contract_is_exempt():
    """The one sanctioned copy of the spec (a specification, not corpus data)."""
    assert provenance.SANCTIONED == {"docs/output-contract.md"}


def test_the_check_finds_a_copied_file_and_a_pasted_passage(tmp_path):
    """The check itself, on a small work tree made here (not a git tree)."""
    shared = tmp_path / "shared"
    (shared / "corpus" / "dev").mkdir(parents=True)
    sentence = ("Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các sở, ngành liên quan tổ chức "
                "kiểm tra việc thực hiện quy chế văn hóa công sở tại các cơ quan, đơn vị trên địa bàn tỉnh, "
                "báo cáo kết quả trước ngày 15 tháng 12 năm 2026")
    (shared / "corpus" / "dev" / "doc.md").write_text(f"**I. NHIỆM VỤ**\n\n{sentence}.\n" + "x" * 300, encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / "tests").mkdir(parents=True)
    (repo / "tests" / "copy.md").write_bytes((shared / "corpus" / "dev" / "doc.md").read_bytes())
    (repo / "tests" / "test_x.py").write_text(f'TEXT = """{sentence.upper()}"""\n', encoding="utf-8")
    (repo / "tests" / "own.md").write_text("Sở Văn hóa, Thể thao và Du lịch chủ trì.\n", encoding="utf-8")
    assert provenance.whole_copies(shared, repo) == ["tests/copy.md"]
    found = provenance.passage_overlaps(shared, repo, LONGEST_ALLOWED + 1)
    assert sorted(found) == ["tests/copy.md", "tests/test_x.py"]
