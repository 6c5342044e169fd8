"""End to end on real ``extract`` output: the dev corpus in its input
forms, the extra corpus (other provinces and subjects), and a document
written for these tests (Gia Lai, dengue fever)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus_paths import DEV, dev_or_skip, requires_dev
from directive_nlp.cli import app
from directive_nlp.io import load_results
from directive_nlp.themes import assign_themes, taxonomy_from_sections

AREAS = {"II.1": "leadership", "II.2": "propaganda", "II.3": "enforcement", "II.4": "treatment",
         "II.5": "resources", "II.6": "international", "II.7": "research", "III": "implementation"}


@pytest.fixture(scope="module")
def dev_extracted():
    dev_or_skip()
    return load_results([DEV / "langson_ctr_hanh_dong_ct36.md", DEV / "binhphuoc_kh_so_ket_ct36.md"])


@requires_dev
def test_dev_documents_from_every_input_form(tmp_path):
    """Markdown, PDF and DOCX of the dev pair give the same graph shape."""
    from directive_nlp.graph import build_graph, implementation_chain

    forms = {
        "md": [DEV / "langson_ctr_hanh_dong_ct36.md", DEV / "binhphuoc_kh_so_ket_ct36.md"],
        "pdf+docx": [DEV / "rendered" / "langson_ctr_hanh_dong_ct36.pdf", DEV / "rendered" / "binhphuoc_kh_so_ket_ct36.docx"],
    }
    shapes = {}
    for name, paths in forms.items():
        G = build_graph(load_results(paths), taxonomy="ct36")
        k = Counter(a["kind"] for _, a in G.nodes(data=True))
        shapes[name] = (k["task"], k["theme"])
        assert {r["document"] for r in implementation_chain(G, "36-CT/TW")} == {
            f"doc:{Path(p).stem}" for p in paths}
    assert shapes["md"][0] > 100 and shapes["md"][1] == 8
    assert abs(shapes["md"][0] - shapes["pdf+docx"][0]) <= 5


def test_themes_of_extracted_program_tasks_match_their_sections(dev_extracted):
    """Real extractor output (tasks and sections found by the pipeline)."""
    program = dev_extracted[0].model_copy(deep=True)
    res = assign_themes([program, dev_extracted[1].model_copy(deep=True)], "ct36")[0]
    scored = [t for t in program.tasks if (t.section in AREAS or t.section.split(".")[0] == "III")]
    hits = sum(1 for t in scored if res[t.id] and res[t.id][0].theme == AREAS.get(t.section, "implementation"))
    print(f"extracted program tasks with the theme of their section: {hits}/{len(scored)} = {hits / len(scored):.0%}")
    assert hits / len(scored) >= 0.85
    tax = taxonomy_from_sections(dev_extracted[0])
    assert [t.id for t in tax.themes] == [f"II.{i}" for i in range(1, 8)]
    assert tax.theme("II.7").name.startswith("Chú trọng nghiên cứu")


def test_dev_compare_by_province(dev_extracted, tmp_path):
    from directive_nlp.compare import compare

    c = compare(dev_extracted, taxonomy="auto")
    assert c.groups == ["Lạng Sơn", "Bình Phước"] and c.taxonomy == "ct36"
    written = c.write(tmp_path)
    assert {p.name for p in written} >= {"themes.csv", "comparison.md", "heatmap.png"}


def test_own_document_of_another_subject(graph_data, tmp_path):
    from directive_nlp.graph import build_graph, implementation_chain, read_graph, unassigned_tasks, write_graph

    (r,) = load_results([graph_data / "kh_sot_xuat_huyet_gialai.md"])
    assert r.document.province == "Gia Lai" and len(r.tasks) >= 6
    G = build_graph(r, taxonomy=r)  # its own sections II.1-II.3 as themes
    themes = {a["name"] for _, a in G.nodes(data=True) if a["kind"] == "theme"}
    assert {"Giám sát và xử lý ổ dịch", "Điều trị bệnh nhân", "Truyền thông phòng bệnh"} <= themes
    assert implementation_chain(G, "3711/QĐ-BYT")
    assert isinstance(unassigned_tasks(G), list)
    H = read_graph(write_graph(G, tmp_path / "gl.gexf"))
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())


def test_extra_corpus_graph_and_compare(shared_extra, tmp_path):
    from PIL import Image
    from directive_nlp.compare import NO_THEME, compare
    from directive_nlp.graph import build_graph, draw_graph, read_graph, write_graph

    paths = sorted(shared_extra.glob("[0-9]*.md"))
    results = load_results(paths)
    G = build_graph(results)
    assert sum(1 for _, a in G.nodes(data=True) if a["kind"] == "task") == sum(len(r.tasks) for r in results)
    # the same body in two documents of one province is one node (Cần Thơ 05 and 10, HCM 07 and 12)
    scopes = Counter(a["scope"] for _, a in G.nodes(data=True) if a["kind"] == "agency")
    assert "Cần Thơ" in scopes and "Hồ Chí Minh" in scopes
    for ext in ("graphml", "json"):
        H = read_graph(write_graph(G, tmp_path / f"x.{ext}"))
        assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    with Image.open(draw_graph(G, tmp_path / "x.png")) as im:
        assert im.size == (1400, 1000)
    c = compare(results, by="province")
    # plans of many subjects implementing no common central document: CT36 is not forced on them,
    # their themes are clusters of their own tasks, named by their words
    assert c.method == "clusters" and c.taxonomy != "ct36"
    assert len([t for t in c.themes if t != NO_THEME]) >= 3
    assert "Cần Thơ" in c.groups and c.tasks["Cần Thơ"] == sum(
        len(r.tasks) for r in results if r.document.province == "Cần Thơ")
    assert sum(c.tasks.values()) == sum(len(r.tasks) for r in results)


def test_extra_rendered_forms_through_the_cli(shared_extra, tmp_path):
    import networkx as nx

    rendered = shared_extra / "rendered"
    inputs = [rendered / "05_cantho-ct09-tai-nguyen-nuoc-duoi-dat.pdf", rendered / "10_cantho-kh160-giam-sat-giam-ngheo.docx",
              rendered / "07_hcm-kh172-luat-viec-lam.pdf"]
    res = CliRunner().invoke(app, ["compare", *map(str, inputs), "--by", "province", "-o", str(tmp_path / "c.md")])
    assert res.exit_code == 0, res.output
    md = (tmp_path / "c.md").read_text(encoding="utf-8")
    assert "| Cần Thơ |" in md and "| Hồ Chí Minh |" in md
    res = CliRunner().invoke(app, ["graph", *map(str, inputs), "-o", str(tmp_path / "g.graphml")])
    assert res.exit_code == 0, res.output
    assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() > 50
