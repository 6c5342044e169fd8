"""``extract`` JSON given to checklist and graph: validated with the pydantic
models, the wrong field named in one line, never coerced."""

from __future__ import annotations

import json

import pytest

import hostile_inputs as H
from directive_nlp.errors import InputError
from directive_nlp.io import parse_result, validate_result


def _set(path, value):
    def mutate(obj):
        target = obj
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return mutate


@pytest.mark.parametrize("command", ["checklist", "graph"])
def test_agencies_given_as_a_string_name_the_field(cli, tmp_path, command):
    bad = H.result_json(tmp_path, "bad.json", _set(["tasks", 0, "agencies"], "Sở Tài chính"))
    out = tmp_path / ("c.docx" if command == "checklist" else "g.svg")
    run = cli(command, bad, "-o", out)
    assert run.code == 1 and len(run.error_lines) == 1
    assert "tasks[0].agencies must be a list" in run.error_lines[0]
    assert not out.exists()


def test_a_task_whose_text_is_a_number_names_the_field(cli, tmp_path):
    bad = H.result_json(tmp_path, "num.json", _set(["tasks", 1, "task"], 12345))
    run = cli("checklist", bad, "-o", tmp_path / "c.md")
    assert run.code == 1 and "tasks[1].task: Input should be a valid string" in run.error_lines[0]


def test_deeply_nested_json_is_one_line(cli, tmp_path):
    p = tmp_path / "deep.json"
    p.write_text('{"tasks": ' + "[" * 50_000 + "]" * 50_000 + "}", encoding="utf-8")
    run = cli("checklist", p, "-o", tmp_path / "c.md")
    assert run.code == 1 and "nested" in run.error_lines[0]
    with pytest.raises(InputError, match="nested more than"):
        validate_result(json.loads('{"tasks": ' + "[" * 80 + "]" * 80 + "}"))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_json_in_utf16_or_with_a_bom_is_read(cli, tmp_path, encoding):
    good = H.result_json(tmp_path, "good.json", lambda obj: None)
    p = tmp_path / f"{encoding}.json"
    p.write_bytes(good.read_text(encoding="utf-8").encode(encoding))
    run = cli("checklist", p, "-o", tmp_path / "c.md")
    assert run.code == 0, run.stderr
    assert "Sở Tài chính" in (tmp_path / "c.md").read_text(encoding="utf-8")


def test_a_hand_corrected_result_may_omit_ids_and_canonical_names():
    r = parse_result(json.dumps({"tasks": [{"task": "Rà soát kinh phí", "agencies": ["Sở Tài chính"]}]}))
    assert r.tasks[0].id == "T1" and r.tasks[0].agencies[0].canonical == "sở tài chính"


@pytest.mark.parametrize("obj,fragment", [
    ({"tasks": "none"}, "tasks must be a list"),
    ({"tasks": [7]}, "tasks[0] must be an object"),
    ({"tasks": [{"task": "x", "agencies": [3]}]}, "tasks[0].agencies[0] must be a name or an object"),
    ({"tasks": [{"task": "x", "agencies": [{"name": 5}]}]}, "tasks[0].agencies[0].name"),
    ({"tasks": [], "document": {"issued_date": 5}}, "document.issued_date"),
    ({"no": "tasks"}, "no \"tasks\""),
])
def test_wrong_types_are_named_by_their_field(obj, fragment):
    with pytest.raises(InputError) as e:
        validate_result(obj, path="x.json")
    assert fragment in str(e.value) and "\n" not in str(e.value)
