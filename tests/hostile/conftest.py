"""Fixtures for the hostile-input tests: the CLI run in-process or as a
real process, and a small tmpfs when this machine lets us mount one."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from directive_nlp.cli import app


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def error_lines(self) -> list[str]:
        return [l for l in self.stderr.splitlines() if l.startswith("error:")]


@pytest.fixture()
def cli():
    """``cli(*args, env=...)`` runs ``directive-nlp`` in-process; no traceback may reach the user."""
    runner = CliRunner()

    def run(*args, env: dict | None = None) -> Run:
        r = runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=True)
        if r.exception is not None and not isinstance(r.exception, SystemExit):
            raise r.exception
        out = Run(r.exit_code, r.stdout, r.stderr)
        assert "Traceback" not in out.stderr
        return out

    return run


@pytest.fixture()
def cli_process():
    """``cli_process(*args, env=..., timeout=...)``: the real console entry point in a child process."""

    def run(*args, env: dict | None = None, timeout: float = 120, cwd=None) -> Run:
        full = {**os.environ, **(env or {})}
        p = subprocess.run([sys.executable, "-c", "from directive_nlp.cli import main; main()",
                            *[str(a) for a in args]],
                           capture_output=True, text=True, env=full, timeout=timeout, cwd=cwd)
        out = Run(p.returncode, p.stdout, p.stderr)
        assert "Traceback" not in out.stderr
        return out

    return run


@pytest.fixture()
def tmpfs(tmp_path):
    """``tmpfs(size_kb)`` mounts a small tmpfs (root only) and returns its path; unmounted at the end."""
    mounted: list[Path] = []

    def mount(size_kb: int, name: str = "disk", options: str = "") -> Path:
        point = tmp_path / name
        point.mkdir(exist_ok=True)
        opts = f"size={size_kb}k" + (f",{options}" if options else "")
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(point)], capture_output=True)
        if r.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here ({r.stderr.decode(errors='replace').strip()[:80]})")
        mounted.append(point)
        return point

    yield mount
    for point in reversed(mounted):
        subprocess.run(["umount", "-l", str(point)], capture_output=True)
