"""Helpers shared by the benchmark scripts: the measured block of a Markdown
file, and a line that says which machine measured it.

A script owns the text between ``<!-- NAME:begin -->`` and ``<!-- NAME:end -->``
and rewrites only that; the prose around it (what the figures mean, how to
run them) is written by hand and stays.
"""

from __future__ import annotations

import os
import platform
import re
from pathlib import Path


def replace_block(path: Path, name: str, text: str) -> None:
    """Put ``text`` between the ``name`` markers of ``path``; the block is
    appended (file created) when the markers are not there yet."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    block = f"{begin}\n{text.rstrip()}\n{end}"
    md = path.read_text(encoding="utf-8") if path.exists() else ""
    new, n = re.subn(re.escape(begin) + r".*?" + re.escape(end), lambda _: block, md, flags=re.S)
    if n == 0:
        new = (md.rstrip() + "\n\n" if md.strip() else "") + block + "\n"
    path.write_text(new, encoding="utf-8")


def machine() -> str:
    """OS, CPU model, cores, memory and Python, in one line."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{platform.system()} {platform.machine()}, {cpu or 'unknown CPU'}, {os.cpu_count()} cores, "
            f"{mem:.0f} GiB RAM, Python {platform.python_version()}")
