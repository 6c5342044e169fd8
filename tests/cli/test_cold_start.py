"""A cold ``directive-nlp extract`` pays only for what extraction needs.

The command's fixed cost (imports and rule files read at start-up) was 85 %
of a small document's run (issue 17). These tests keep it down without
timing anything: the extract command must not import the libraries that only
other commands use, and the rule files parsed with libyaml's C loader must
give exactly what the pure-Python safe loader gives.
"""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
import yaml

import directive_nlp
from directive_nlp.provinces import province_data
from directive_nlp.vocab import read_yaml

SRC = str(Path(directive_nlp.__file__).resolve().parents[1])

#: libraries of other commands (graph picture, web page, checklists, the
#: province package whose ward tables the merger table makes unneeded)
NOT_FOR_EXTRACT = ("vietnam_provinces", "matplotlib", "pandas", "fastapi", "uvicorn", "starlette",
                   "openpyxl", "icalendar", "networkx")

_PROBE = """
import runpy, sys
sys.argv = ["directive-nlp", "extract", sys.argv[1], "-o", sys.argv[2]]
try:
    runpy.run_module("directive_nlp", run_name="__main__")
except SystemExit as e:
    if e.code:
        raise
print(" ".join(sorted({m.split(".")[0] for m in sys.modules})))
"""

PLAN = ("UBND TỈNH HÀ TĨNH\nKẾ HOẠCH\nThực hiện chuyển đổi số năm 2026\n"
        "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính tổ chức kiểm tra các cơ sở y tế trước ngày 30/6/2026.\n")


def _loaded_by_extract(tmp_path: Path) -> set[str]:
    src = tmp_path / "plan.txt"
    src.write_text(PLAN, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-c", _PROBE, str(src), str(tmp_path / "out.json")],
                       capture_output=True, text=True, timeout=180, env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    assert (tmp_path / "out.json").stat().st_size > 0
    return set(r.stdout.split())


def test_extract_imports_none_of_the_other_commands_libraries(tmp_path: Path) -> None:
    loaded = _loaded_by_extract(tmp_path)
    assert "directive_nlp" in loaded  # the probe saw the real run
    assert not loaded & set(NOT_FOR_EXTRACT), sorted(loaded & set(NOT_FOR_EXTRACT))


def _shipped_yaml() -> list[str]:
    folder = resources.files("directive_nlp").joinpath("resources/vi")
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))


@pytest.mark.parametrize("name", _shipped_yaml())
def test_the_c_loader_reads_every_shipped_rule_file_as_the_python_loader_does(name: str) -> None:
    text = resources.files("directive_nlp").joinpath(f"resources/vi/{name}").read_text(encoding="utf-8")
    assert read_yaml(name) == yaml.safe_load(text)


def test_the_c_loader_keeps_the_types_a_rule_file_may_hold() -> None:
    # positive: dates, numbers, booleans, nulls and Vietnamese keys come back typed as before
    text = "ngày: 2026-06-30\nsố: 15\nbật: true\nrỗng: ~\nhoà: [Hòa Bình, 'yes']\n"
    assert yaml.load(text, Loader=yaml.CSafeLoader) == yaml.safe_load(text)  # noqa: S506
    # negative: a Python tag is refused by both loaders, never executed
    with pytest.raises(yaml.YAMLError):
        yaml.load("!!python/object/apply:os.system ['true']", Loader=yaml.CSafeLoader)  # noqa: S506


def test_the_merger_table_alone_gives_the_34_units_without_the_province_package() -> None:
    d = province_data()
    assert len(d.new) == 34 and len(d.old) == 63
    assert "Đồng Nai" in d.new and "Bình Phước" not in d.new  # merged into Đồng Nai
    assert d.merged["Bình Phước"] == "Đồng Nai"


def test_the_command_line_collects_cyclic_garbage_less_often_and_the_library_does_not():
    """``main()`` raises the collector's thresholds for its own process (a document makes hundreds of
    thousands of short-lived objects); importing the package or the command line changes nothing."""
    from directive_nlp.cli import GC_THRESHOLDS

    probe = (
        "import gc, sys\n"
        "before = gc.get_threshold()\n"
        "import directive_nlp, directive_nlp.cli\n"
        "print(gc.get_threshold() == before)\n"
        "sys.argv = ['directive-nlp', '--help']\n"
        "try:\n    directive_nlp.cli.main()\nexcept SystemExit:\n    pass\n"
        "print(gc.get_threshold())\n"
    )
    env = dict(os.environ, PYTHONPATH=SRC + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=180, env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.strip().splitlines()
    assert lines[0] == "True" and lines[-1] == str(tuple(GC_THRESHOLDS))
    assert GC_THRESHOLDS[0] > 700  # fewer young collections than Python's default
