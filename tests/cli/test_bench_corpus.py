"""The corpus benchmark (benchmarks/bench_corpus.py) writes only its own block,
skips a corpus it cannot find with a message, cuts the 5-page text at a line,
and computes its ratios the right way round. Nothing here is timed."""

from __future__ import annotations

from pathlib import Path

import _blocks as blocks  # benchmarks/_blocks.py
import bench_corpus as bench  # benchmarks/bench_corpus.py
import pytest


def test_the_block_is_replaced_and_the_prose_around_it_kept(tmp_path: Path) -> None:
    md = tmp_path / "BENCHMARKS.md"
    md.write_text("# Benchmarks\n\nWhat the figures mean.\n\n<!-- bench_corpus:begin -->\nold\n"
                  "<!-- bench_corpus:end -->\n\n## Other section\n<!-- other:begin -->\nkeep\n<!-- other:end -->\n",
                  encoding="utf-8")
    blocks.replace_block(md, "bench_corpus", "| new | table |\n")
    text = md.read_text(encoding="utf-8")
    assert "old" not in text and "| new | table |" in text
    assert text.startswith("# Benchmarks\n\nWhat the figures mean.") and "keep" in text and "## Other section" in text
    blocks.replace_block(md, "bench_corpus", "| new | table |\n")  # idempotent
    assert md.read_text(encoding="utf-8") == text


def test_a_missing_block_is_appended_and_a_missing_file_created(tmp_path: Path) -> None:
    md = tmp_path / "NEW.md"
    blocks.replace_block(md, "bench_corpus", "figures")
    assert md.read_text(encoding="utf-8") == "<!-- bench_corpus:begin -->\nfigures\n<!-- bench_corpus:end -->\n"
    blocks.replace_block(md, "other", "more")
    assert md.read_text(encoding="utf-8").count(":begin -->") == 2


def test_corpora_that_are_not_there_are_skipped_with_a_message(monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setattr(bench, "CORPORA", (tmp_path / "absent-dev", tmp_path / "absent-extra"))
    assert bench.gold_documents() == []
    err = capsys.readouterr().err
    assert err.count("skipped:") == 2 and "absent-dev" in err


def test_only_documents_with_gold_are_taken(monkeypatch, tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "a.gold.jsonl").write_text("{}", encoding="utf-8")
    (tmp_path / "b.md").write_text("no gold", encoding="utf-8")
    monkeypatch.setattr(bench, "CORPORA", (tmp_path,))
    assert [p.name for p in bench.gold_documents()] == ["a.md"]


def test_the_five_page_text_ends_at_a_line(tmp_path: Path) -> None:
    doc = tmp_path / "long.md"
    doc.write_text(("Sở Y tế chủ trì kiểm tra các cơ sở trước ngày 30/6/2026.\n" * 600), encoding="utf-8")
    path, origin = bench.five_page_text([doc], tmp_path)
    text = path.read_text(encoding="utf-8")
    assert origin == "long" and text.endswith("\n") and 14_000 < len(text) <= bench.FIVE_PAGES


def test_the_ratio_is_tokenizer_time_over_extract_time() -> None:
    t = bench.Timed
    a = {"docs": 2, "chars": 1000, "load": ("1.0/1.0/1.0", "1.0/1.0/1.0"),
         "one": t(4.0, 2.0, "", "", 0), "each": t(10.0, 8.0, "", "", 0), "wt": t(2.0, 1.0, "", "", 0)}
    text = "\n".join(bench.report_end_to_end(a))
    assert "**0.50** by CPU time, 0.50 by wall time" in text


def test_memory_growth_is_measured_from_the_first_mark() -> None:
    d = {"count": 500, "done": 500, "failed": 0, "seconds": 100.0, "cpu": 90.0, "load": ("1", "1"),
         "marks": {50: {"peak_mb": 200.0, "rss_mb": 190.0, "seconds": 10.0},
                   500: {"peak_mb": 210.0, "rss_mb": 195.0, "seconds": 100.0}}}
    assert "**+5.0 %**" in "\n".join(bench.report_memory(d))


@pytest.mark.parametrize("ref", ["no-such-commit-xyz"])
def test_an_unknown_release_is_skipped_with_a_message(ref, capsys, tmp_path: Path) -> None:
    src, sha = bench.release_tree(ref, tmp_path)
    assert src is None and sha == "" and "skipped: no release" in capsys.readouterr().err


def test_only_the_parts_asked_for_run(monkeypatch, tmp_path: Path) -> None:
    ran = []
    for name, lines in (("end_to_end", "report_end_to_end"), ("reading", "report_reading"), ("cold_start", "report_cold"),
                        ("memory", "report_memory"), ("web_upload", "report_web")):
        monkeypatch.setattr(bench, name, lambda *a, _n=name: ran.append(_n))
        monkeypatch.setattr(bench, lines, lambda *a, _n=lines: [_n])
    monkeypatch.setattr(bench, "rendered_pdfs", lambda docs: [tmp_path / "a.pdf"])
    args = type("Args", (), {"rounds": 1, "cold_runs": 1, "batch_docs": 1})()
    lines = bench.run_parts(set("be"), args, [tmp_path / "a.md"], tmp_path, tmp_path, None, "")
    assert ran == ["reading"] and lines == ["report_reading"]
    ran.clear()
    lines = bench.run_parts(set("acf"), args, [tmp_path / "a.md"], tmp_path, tmp_path, None, "")
    assert ran == ["end_to_end", "cold_start", "web_upload"]
    assert lines == ["report_end_to_end", "", "report_cold", "", "report_web"]


@pytest.mark.parametrize("argv", [["--parts", "bx"], ["--parts", ""], ["--parts", "be", "--write", "B.md"]])
def test_bad_parts_are_refused_before_anything_runs(argv, capsys) -> None:
    with pytest.raises(SystemExit) as e:
        bench.main(argv)
    assert e.value.code == 2 and "--parts" in capsys.readouterr().err
