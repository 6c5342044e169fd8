"""Output paths and the batch engine's bookkeeping: nothing written to the
wrong place, nothing lost, one line per refusal."""

from __future__ import annotations

import json
import os
import stat
import threading
import time

import pytest

import hostile_inputs as H
from hostile_inputs import can_mknod
from directive_nlp.batch import INDEX_NAME, run_batch
from directive_nlp.errors import BusyError, DiskFullError, OutputError
from directive_nlp.io import write_atomic, write_output


@pytest.fixture()
def plan(tmp_path):
    p = tmp_path / "plan.txt"
    p.write_text(H.plan_text(2), encoding="utf-8")
    return p


def docs(folder, n: int):
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(n):
        (folder / f"d{k:02d}.txt").write_text(H.plan_text(1 + k % 3).replace("30/6", f"{k % 27 + 1}/6"),
                                              encoding="utf-8")
    return folder


def test_output_onto_a_device_is_refused_and_the_device_kept(cli, plan, tmp_path):
    if not can_mknod(tmp_path):
        pytest.skip("device nodes need root (mknod)")
    dev = H.null_device(tmp_path)
    run = cli("extract", plan, "-o", dev)
    assert run.code == 1 and "character device" in run.error_lines[0] and "refusing" in run.error_lines[0]
    assert stat.S_ISCHR(os.stat(dev).st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".null-device")]  # no temporary left


def test_output_onto_a_fifo_is_refused(cli, plan, tmp_path):
    pipe = tmp_path / "out.json"
    os.mkfifo(pipe)
    run = cli("extract", plan, "-o", pipe)
    assert run.code == 1 and "named pipe" in run.error_lines[0]
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)


def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(cli, plan, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert cli("extract", plan, "-o", link).code == 0
    assert link.is_symlink() and json.loads(target.read_text())["tasks"]


@pytest.mark.parametrize("where,fragment", [
    ("under-a-file", "a part of the output path is a file"),
    ("a-folder", "this is a folder"),
    ("proc", "system path"),
])
def test_impossible_output_paths_are_one_line(cli, plan, tmp_path, where, fragment):
    out = {"under-a-file": plan / "x.json", "a-folder": tmp_path, "proc": "/proc/self/x.json"}[where]
    run = cli("extract", plan, "-o", out)
    assert run.code == 1 and len(run.error_lines) == 1 and fragment in run.error_lines[0], run.stderr


def test_dash_writes_to_standard_output(cli, plan, tmp_path):
    run = cli("extract", plan, "-o", "-")
    assert run.code == 0 and json.loads(run.stdout)["tasks"]
    assert not (tmp_path / "-").exists()


def test_outputs_honour_the_umask(plan, tmp_path):
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "a.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "a.json").st_mode) == 0o640
    os.chmod(tmp_path / "a.json", 0o604)
    write_atomic(tmp_path / "a.json", "{}")  # replacing keeps the file's own mode
    assert stat.S_IMODE(os.stat(tmp_path / "a.json").st_mode) == 0o604


def test_a_read_only_filesystem_is_one_line(cli, plan, tmpfs):
    ro = tmpfs(64, "ro", "ro")
    run = cli("extract", plan, "-o", ro / "out.json")
    assert run.code == 1 and "read-only" in run.error_lines[0]


def test_a_full_disk_is_disk_full_error(monkeypatch, tmp_path):
    """(simulated at the io layer too, for machines where tmpfs cannot be mounted)"""
    import errno

    real_fdopen = os.fdopen

    class Full:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *a):
            self.f.close()

        def fileno(self):
            return self.f.fileno()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self):
            pass

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    with pytest.raises(DiskFullError, match="the disk is full"):
        write_atomic(tmp_path / "x.json", "{}")
    assert list(tmp_path.iterdir()) == []  # the temporary file is gone


def test_a_batch_on_a_full_disk_stops_keeps_its_outputs_and_resumes(cli, tmp_path, tmpfs):
    src = docs(tmp_path / "in", 12)
    disk = tmpfs(1024)
    filler = disk / "filler"
    out = disk / "out"
    out.mkdir()
    (out / "x").write_text("x")
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    filler.write_bytes(b"\0" * (free - 5 * 4096 - 4096))  # room for a few outputs only
    (out / "x").unlink()
    run = cli("extract", src, "-o", out)
    assert run.code == 3, run.stderr
    assert any("the disk is full" in l for l in run.error_lines)
    done = sorted(p.name for p in out.glob("d*.json"))
    assert 0 < len(done) < 12
    for p in out.glob("d*.json"):
        json.loads(p.read_text())  # every kept output is whole
    filler.unlink()
    again = cli("extract", src, "-o", out)
    assert again.code == 0, again.stderr
    assert f"{len(done)} already done" in again.stderr or "already done" in again.stderr
    index = [json.loads(l) for l in (out / INDEX_NAME).read_text().splitlines() if l.strip().startswith("{")]
    assert sorted(e["output"] for e in index) == [f"d{k:02d}.json" for k in range(12)]


def test_two_batches_into_one_folder_do_the_work_once(tmp_path):
    src = docs(tmp_path / "in", 6)
    out = tmp_path / "out"
    notes: list[str] = []
    results = []
    first = threading.Thread(target=lambda: results.append(run_batch([src], out)))
    first.start()
    deadline = time.monotonic() + 60
    while not (out / "_lock").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    second = run_batch([src], out, notify=notes.append)
    first.join(120)
    index = [json.loads(l) for l in (out / INDEX_NAME).read_text().splitlines() if l.strip()]
    assert len(index) == 6 and len({e["output"] for e in index}) == 6
    assert results[0].done + second.done == 6 and second.skipped + second.done == 6


def test_a_busy_folder_can_be_refused_instead_of_waited_for(tmp_path):
    import fcntl

    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out / "_lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with pytest.raises(BusyError, match="another extract run"):
            run_batch([docs(tmp_path / "in", 1)], out, lock_wait=0.3)
    finally:
        os.close(fd)


def test_a_folder_scan_names_what_it_skipped(cli, tmp_path):
    src = docs(tmp_path / "in", 2)
    os.mkfifo(src / "pipe.txt")
    (src / "broken.md").symlink_to(src / "nowhere.md")
    (src / "table.xlsx").write_bytes(b"PK")
    run = cli("extract", src, "-o", tmp_path / "out")
    assert run.code == 0, run.stderr
    skipped = [l for l in run.stderr.splitlines() if l.startswith("skipped:")]
    assert len(skipped) == 3
    assert any("named pipe" in l for l in skipped) and any("broken symlink" in l for l in skipped)
    assert any("unsupported type '.xlsx'" in l for l in skipped)
    summary = json.loads((tmp_path / "out" / "_summary.json").read_text())
    assert len(summary["skipped_entries"]) == 3 and summary["done"] == 2


def test_a_fifo_named_in_a_batch_fails_alone(cli, tmp_path):
    src = docs(tmp_path / "in", 2)
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    run = cli("extract", src / "d00.txt", src / "d01.txt", pipe, "-o", tmp_path / "out")
    assert run.code == 3 and any("named pipe" in l for l in run.error_lines)
    assert (tmp_path / "out" / "d00.json").exists() and (tmp_path / "out" / "d01.json").exists()


def test_write_output_refuses_before_writing(tmp_path):
    with pytest.raises(OutputError):
        write_output(tmp_path, "x")
    assert list(tmp_path.iterdir()) == []


def test_the_cli_process_gives_one_line_for_an_output_under_a_file(cli_process, plan):
    run = cli_process("extract", plan, "-o", plan / "x.json")
    assert run.code == 1 and len(run.error_lines) == 1
