"""``directive-nlp graph`` and ``directive-nlp compare`` on extract JSON
(hand-written and from gold), folders, and bad input."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from directive_nlp.cli import app
from directive_nlp.io import dump_result

runner = CliRunner()


def _json_inputs(tmp_path, *results):
    paths = []
    for r in results:
        p = tmp_path / "in" / (r.source.path.rsplit(".", 1)[0] + ".json")
        p.parent.mkdir(exist_ok=True)
        p.write_text(dump_result(r), encoding="utf-8")
        paths.append(str(p))
    return paths


def test_graph_command_writes_node_link_json(tmp_path, langson, binhphuoc):
    """graphml, gexf and svg go through the same writer (tested in test_graph.py)."""
    import networkx as nx

    inputs = _json_inputs(tmp_path, langson, binhphuoc)
    res = runner.invoke(app, ["graph", *inputs, "-o", str(tmp_path / "g.json")])
    assert res.exit_code == 0, res.output
    assert "task: 126" in res.output
    G = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text(encoding="utf-8")), edges="edges")
    assert sum(1 for _, a in G.nodes(data=True) if a["kind"] == "theme") == 8  # auto → ct36 (drug plans)


def test_graph_command_draws_a_picture(tmp_path, dongnai, binhphuoc2024):
    from PIL import Image

    inputs = _json_inputs(tmp_path, dongnai, binhphuoc2024)
    res = runner.invoke(app, ["graph", *inputs, "-o", str(tmp_path / "g.png"), "--label-top", "5"])
    assert res.exit_code == 0, res.output
    with Image.open(tmp_path / "g.png") as im:
        assert im.size == (1400, 1000)


def test_graph_command_on_a_folder_and_another_subject(tmp_path, graph_data):
    import networkx as nx

    res = runner.invoke(app, ["graph", str(graph_data), "-o", str(tmp_path / "g.graphml"), "--taxonomy", "none"])
    assert res.exit_code == 0, res.output
    G = nx.read_graphml(tmp_path / "g.graphml")
    assert sum(1 for _, a in G.nodes(data=True) if a["kind"] == "document" and a.get("cited") is False) == 5  # 4 JSON + the Gia Lai Markdown


def test_compare_command_outputs(tmp_path, graph_data, langson, binhphuoc):
    inputs = _json_inputs(tmp_path, langson, binhphuoc)
    res = runner.invoke(app, ["compare", *inputs, "--by", "province", "-o", str(tmp_path / "cmp")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "cmp" / "themes.csv").exists() and (tmp_path / "cmp" / "heatmap.png").exists()
    res = runner.invoke(app, ["compare", str(graph_data / "ct36_binhphuoc_2024.json"),
                              str(graph_data / "ct36_dongnai_2026.json"), "--merge-provinces", "-o", str(tmp_path / "m.md")])
    assert res.exit_code == 0, res.output
    assert "| Đồng Nai | ct36_binhphuoc_2024, ct36_dongnai_2026 | 7 |" in (tmp_path / "m.md").read_text(encoding="utf-8")
    res = runner.invoke(app, ["compare", str(graph_data / "kh_nuoc_sach_thanhhoa.json"), "--by", "document",
                              "--taxonomy", str(graph_data / "themes_nuoc_sach.yaml"), "-o", str(tmp_path / "t.csv")])
    assert res.exit_code == 0, res.output
    assert "đầu tư công trình,2" in (tmp_path / "t.csv").read_text(encoding="utf-8")


def test_bad_input_is_one_line_and_exit_1(tmp_path, graph_data):
    cases = [
        ["graph", str(tmp_path / "missing.json"), "-o", str(tmp_path / "g.json")],
        ["graph", str(graph_data / "ct36_dongnai_2026.json"), "-o", str(tmp_path / "g.xlsx")],
        ["compare", str(graph_data / "ct36_dongnai_2026.json"), "--by", "agency", "-o", str(tmp_path / "c")],
        ["compare", str(graph_data / "ct36_dongnai_2026.json"), "--taxonomy", "ct99", "-o", str(tmp_path / "c")],
        ["compare", str(graph_data / "themes_nuoc_sach.yaml"), "-o", str(tmp_path / "c")],
    ]
    for args in cases:
        res = runner.invoke(app, args)
        assert res.exit_code == 1, (args, res.output)
        assert "Traceback" not in res.output and res.output.count("error:") == 1, res.output


def test_a_batch_with_one_bad_file_writes_the_rest_and_exits_3(tmp_path, graph_data):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    out = tmp_path / "c.md"
    res = runner.invoke(app, ["compare", str(graph_data / "ct36_dongnai_2026.json"), str(broken), "-o", str(out)])
    assert res.exit_code == 3, res.output
    assert out.exists() and "broken.json" in res.output and "Traceback" not in res.output


def test_a_folder_skips_files_that_are_not_results(tmp_path, graph_data):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("ct36_dongnai_2026.json", "kh_nuoc_sach_thanhhoa.json"):
        (folder / name).write_text((graph_data / name).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "meta.json").write_text('{"x": {"province": "Huế"}}', encoding="utf-8")
    (folder / "x.gold.jsonl").write_text('{"id": "G1"}\n', encoding="utf-8")
    res = runner.invoke(app, ["compare", str(folder), "--by", "document", "-o", str(tmp_path / "c.csv")])
    assert res.exit_code == 0, res.output
    assert "2 documents" in res.output
