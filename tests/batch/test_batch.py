"""Batch runs lose nothing: atomic outputs, resume after SIGKILL, errors
recorded, byte-for-byte determinism, and the Dask backend on a LocalCluster."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from directive_nlp.batch import (
    ERRORS_NAME,
    INDEX_NAME,
    SUMMARY_NAME,
    iter_inputs,
    output_names,
    run_batch,
)
from directive_nlp.synth import make_plan


def _corpus(folder: Path, n: int, *, junk: bool = True) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"plan{i:03d}.md"
        p.write_text(make_plan(i, areas=3, items_per_area=4, table_rows=3), encoding="utf-8")
        paths.append(p)
    if junk:
        (folder / "broken.txt").write_bytes(bytes(range(256)) * 8)
    return paths


def _outputs(outdir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(outdir.glob("*.json")) if not p.name.startswith("_")}


def test_names_follow_the_scorer_layout_and_stay_unique(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for d in (a, b):
        (d / "plan.md").write_text("x", encoding="utf-8")
    (a / "plan.pdf").write_bytes(b"%PDF-1.4")
    (a / "notes.gold.jsonl").write_text("{}", encoding="utf-8")
    paths = iter_inputs([tmp_path])
    assert all(p.suffix in (".md", ".pdf") for p in paths)
    names = sorted(output_names(paths).values())
    assert names == ["plan.json", "plan__2.json", "plan__3.json"]


def test_a_failing_file_is_recorded_and_the_rest_goes_on(tmp_path):
    _corpus(tmp_path / "in", 3)
    summary = run_batch([tmp_path / "in"], tmp_path / "out")
    assert (summary.done, summary.failed) == (3, 1)
    errors = [json.loads(l) for l in (tmp_path / "out" / ERRORS_NAME).read_text().splitlines()]
    assert errors[0]["code"] == "binary" and "broken.txt" in errors[0]["input"]
    assert json.loads((tmp_path / "out" / SUMMARY_NAME).read_text())["failed"] == 1
    for name, data in _outputs(tmp_path / "out").items():
        assert json.loads(data)["tasks"], name


def test_same_input_same_bytes(tmp_path):
    _corpus(tmp_path / "in", 2, junk=False)
    run_batch([tmp_path / "in"], tmp_path / "o1")
    run_batch([tmp_path / "in"], tmp_path / "o2")
    assert _outputs(tmp_path / "o1") == _outputs(tmp_path / "o2")


def test_restart_skips_what_is_done(tmp_path):
    _corpus(tmp_path / "in", 2, junk=False)
    first = run_batch([tmp_path / "in"], tmp_path / "out")
    again = run_batch([tmp_path / "in"], tmp_path / "out")
    assert (first.done, again.done, again.skipped) == (2, 0, 2)
    # an edited input is done again
    p = tmp_path / "in" / "plan000.md"
    p.write_text(p.read_text(encoding="utf-8") + "\n- Sở Y tế rà soát danh mục thuốc.\n", encoding="utf-8")
    third = run_batch([tmp_path / "in"], tmp_path / "out")
    assert (third.done, third.skipped) == (1, 1)


_RUNNER = """
import sys
from directive_nlp.batch import run_batch
s = run_batch([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]))
sys.exit(3 if s.failed else 0)
"""


@pytest.mark.slow
def test_sigkill_half_way_then_restart_completes_without_torn_or_duplicate_outputs(tmp_path):
    n = 24
    _corpus(tmp_path / "in", n, junk=False)
    out = tmp_path / "out"
    cmd = [sys.executable, "-c", _RUNNER, str(tmp_path / "in"), str(out), "2"]
    proc = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    while time.time() < deadline:
        done = len(_outputs(out)) if out.exists() else 0
        if done >= 4 or proc.poll() is not None:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be killed; make the corpus larger"
    os.killpg(proc.pid, signal.SIGKILL)  # the whole process group, pool workers included
    proc.wait()
    partial = _outputs(out)
    assert 0 < len(partial) < n
    for name, data in partial.items():  # what is there under a final name is whole
        json.loads(data)

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    final = _outputs(out)
    assert len(final) == n
    for name, data in final.items():
        assert json.loads(data)["tasks"], name
    assert not list(out.glob(".*.json.*")), "temporary files left behind"
    index = [json.loads(l) for l in (out / INDEX_NAME).read_text().splitlines() if l.strip().endswith("}")]
    outputs = [e["output"] for e in index]
    assert sorted(set(outputs)) == sorted(final)
    summary = json.loads((out / SUMMARY_NAME).read_text())
    assert summary["skipped"] + summary["done"] == n and summary["skipped"] >= len(partial) - 2
    # a killed-and-resumed run gives the same bytes as a clean one
    clean = tmp_path / "clean"
    run_batch([tmp_path / "in"], clean)
    assert _outputs(clean) == final


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_outputs(tmp_path):
    pytest.importorskip("distributed")
    _corpus(tmp_path / "in", 3)
    local = run_batch([tmp_path / "in"], tmp_path / "local")
    dask = run_batch([tmp_path / "in"], tmp_path / "dask", backend="dask", workers=2)
    assert (dask.done, dask.failed) == (local.done, local.failed) == (3, 1)
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "local")


def test_cli_batch_with_two_workers_writes_one_json_per_document_and_exits_3_on_a_failure(tmp_path):
    from typer.testing import CliRunner

    from directive_nlp.cli import app

    _corpus(tmp_path / "in", 3)
    res = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--workers", "2"])
    assert res.exit_code == 3
    assert sorted(_outputs(tmp_path / "out")) == ["plan000.json", "plan001.json", "plan002.json"]
    again = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert again.exit_code == 3 and "3 already done" in again.output
