"""The responsibility graph: nodes, edges, agency resolution, queries,
exports that load back, and pictures that are real images."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from directive_nlp.errors import InputError
from directive_nlp.models import AgencyRef


def kinds(G) -> Counter:
    return Counter(a["kind"] for _, a in G.nodes(data=True))


def edge_kinds(G) -> Counter:
    return Counter(k for _, _, k in G.edges(keys=True))


def test_dev_pair_graph_has_every_node_and_edge_kind(langson, binhphuoc):
    from directive_nlp.graph import build_graph

    G = build_graph([langson, binhphuoc], taxonomy="ct36")
    k = kinds(G)
    assert k["task"] == 126 and k["theme"] == 8
    assert k["document"] == 3  # the two plans and the directive they cite
    assert {"lead", "support", "report_to", "part_of", "cites", "due", "about"} <= set(edge_kinds(G))
    assert G.graph["documents"] == 2 and G.graph["taxonomy"] == "ct36"


def test_attributes_are_plain_types(langson, thanhhoa):
    from directive_nlp.graph import build_graph

    G = build_graph([langson, thanhhoa], taxonomy="ct36")
    for _, a in G.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in a.values()), a
    for *_, a in G.edges(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in a.values()), a


def test_same_body_written_differently_is_one_node_per_province(dongnai, binhphuoc2024):
    from directive_nlp.graph import build_graph, find_agencies

    G = build_graph([dongnai, binhphuoc2024])
    ubnd = find_agencies(G, "UBND tỉnh", province="Đồng Nai")
    assert len(ubnd) == 1  # "UBND tỉnh" and "Ủy ban nhân dân tỉnh Đồng Nai"
    assert "Ủy ban nhân dân tỉnh Đồng Nai" in G.nodes[ubnd[0]]["names"]
    police = find_agencies(G, "Công an tỉnh")
    assert len(police) == 2  # Đồng Nai and Bình Phước
    a, b = (G.nodes[n] for n in police)
    assert {a["province"], b["province"]} == {"Đồng Nai", "Bình Phước"}
    assert a["type"] == b["type"] and a["generic"] == b["generic"] == "công an tỉnh"


def test_agencies_of_unknown_province_are_not_merged(dongnai):
    from directive_nlp.graph import build_graph, find_agencies

    a, b = dongnai.model_copy(deep=True), dongnai.model_copy(deep=True)
    for r, name in ((a, "x1.md"), (b, "x2.md")):
        r.document.province = None
        r.source.path, r.source.sha256 = name, name
    G = build_graph([a, b])
    assert len(find_agencies(G, "Công an tỉnh")) == 2


def test_tasks_of_an_agency_lead_and_support(dongnai):
    from directive_nlp.graph import build_graph, tasks_of

    G = build_graph(dongnai)
    got = tasks_of(G, "Công an tỉnh", province="Đồng Nai")
    assert got == {"lead": ["task:ct36_dongnai_2026:T1"], "support": ["task:ct36_dongnai_2026:T5"]}


def test_agencies_by_load_busiest_first(thanhhoa):
    from directive_nlp.graph import agencies_by_load, build_graph

    G = build_graph(thanhhoa)
    rows = agencies_by_load(G)
    assert rows[0]["name"] == "Sở Nông nghiệp và Môi trường" and rows[0]["load"] == 2
    assert [r["load"] for r in rows] == sorted((r["load"] for r in rows), reverse=True)
    # bodies that are only reported to carry no load
    assert all(r["load"] > 0 for r in rows)


def test_unassigned_tasks_and_deadlines_by_month(thanhhoa):
    from directive_nlp.graph import build_graph, deadlines_by_month, unassigned_tasks

    G = build_graph(thanhhoa)
    assert unassigned_tasks(G) == ["task:kh_nuoc_sach_thanhhoa:T5"]
    months = deadlines_by_month(G)
    assert list(months)[:3] == ["2025-06", "2025-12", "none"] or list(months)[:2] == ["2025-06", "2025-12"]
    assert months["2025-06"] == ["task:kh_nuoc_sach_thanhhoa:T1"]
    assert set(months["2025-12"]) == {"task:kh_nuoc_sach_thanhhoa:T2", "task:kh_nuoc_sach_thanhhoa:T7"}
    assert months["recurring"] == ["task:kh_nuoc_sach_thanhhoa:T3"]


def test_chain_from_central_directive_to_tasks(langson, binhphuoc, dongnai, thanhhoa):
    from directive_nlp.graph import build_graph, implementation_chain

    G = build_graph([langson, binhphuoc, dongnai, thanhhoa])
    rows = implementation_chain(G, "36-CT/TW")
    docs = {r["document"] for r in rows}
    assert docs == {"doc:langson_ctr_hanh_dong_ct36", "doc:binhphuoc_kh_so_ket_ct36", "doc:ct36_dongnai_2026"}
    assert len(rows) == 66 + 60 + 5
    r = next(r for r in rows if r["task"] == "task:ct36_dongnai_2026:T1")
    assert r["path"] == ["doc:ref:36-ct-tw", "doc:ct36_dongnai_2026"] and r["agencies"] == ["Công an tỉnh"]
    assert implementation_chain(G, "99-CT/TW") == []
    # the clean-water plan cites a decision of the Prime Minister instead
    assert len(implementation_chain(G, "1978/QĐ-TTg")) == 8


def test_a_loaded_document_that_is_cited_becomes_the_target(dongnai, binhphuoc2024):
    from directive_nlp.graph import build_graph

    cited = binhphuoc2024.model_copy(deep=True)
    cited.document.number = "36-CT/TW"
    G = build_graph([dongnai, cited])
    assert G.has_edge("doc:ct36_dongnai_2026", "doc:ct36_binhphuoc_2024", key="cites")


@pytest.mark.parametrize("ext", ["graphml", "gexf", "json"])
def test_exports_load_back_with_the_same_counts(tmp_path, langson, binhphuoc, thanhhoa, ext):
    import networkx as nx
    from directive_nlp.graph import build_graph, read_graph, write_graph

    G = build_graph([langson, binhphuoc, thanhhoa], taxonomy="ct36")
    path = write_graph(G, tmp_path / f"g.{ext}")
    H = read_graph(path)
    assert (H.number_of_nodes(), H.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert isinstance(H, nx.MultiDiGraph)
    n = "task:kh_nuoc_sach_thanhhoa:T1"
    assert H.nodes[n]["text"] == G.nodes[n]["text"]  # Vietnamese text survives


def test_png_picture_is_a_real_image_of_the_expected_size(tmp_path, langson, binhphuoc):
    from PIL import Image
    from directive_nlp.graph import build_graph, draw_graph

    G = build_graph([langson, binhphuoc], taxonomy="ct36")
    path = draw_graph(G, tmp_path / "g.png", size=(12, 8), dpi=80)
    with Image.open(path) as im:
        assert im.size == (960, 640)
        colours = im.convert("L").getextrema()
    assert colours[0] < 100 < colours[1]  # not blank


def test_svg_picture_is_valid_svg(tmp_path, thanhhoa):
    from directive_nlp.graph import build_graph, write_graph

    path = write_graph(build_graph(thanhhoa), tmp_path / "g.svg")
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg") and path.stat().st_size > 5000


def _big_plan(langson, n=200):
    """A 200-task plan: the program's tasks repeated with varied agencies."""
    r = langson.model_copy(deep=True)
    bodies = ["Sở Y tế", "Sở Tài chính", "Công an tỉnh", "Sở Giáo dục và Đào tạo", "Ủy ban nhân dân các huyện",
              "Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Sở Tư pháp", "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh"]
    tasks = []
    for i in range(n):
        t = langson.tasks[i % len(langson.tasks)].model_copy(deep=True)
        t.id = f"B{i + 1}"
        t.agencies = [AgencyRef(name=bodies[i % len(bodies)], canonical="", role="lead")] + (
            [AgencyRef(name=bodies[(i * 7 + 3) % len(bodies)], canonical="", role="support")] if i % 3 == 0 else [])
        tasks.append(t)
    r.tasks = tasks
    return r


def test_picture_of_a_200_task_plan(tmp_path, langson):
    from PIL import Image
    from directive_nlp.graph import build_graph, draw_graph

    G = build_graph(_big_plan(langson), taxonomy="ct36")
    assert kinds(G)["task"] == 200
    path = draw_graph(G, tmp_path / "big.png")
    with Image.open(path) as im:
        assert im.size == (1400, 1000)


def test_one_document(thanhhoa):
    from directive_nlp.graph import build_graph

    G = build_graph(thanhhoa)
    assert kinds(G)["task"] == 8 and G.graph["documents"] == 1


def test_document_without_tasks_gives_a_clear_answer(tmp_path, empty_plan):
    from PIL import Image
    from directive_nlp.graph import agencies_by_load, build_graph, draw_graph, unassigned_tasks

    G = build_graph(empty_plan)
    assert kinds(G)["document"] == 1 and kinds(G)["task"] == 0
    assert "no tasks found" in G.graph["notes"]
    assert unassigned_tasks(G) == [] and agencies_by_load(G) == []
    with Image.open(draw_graph(G, tmp_path / "empty.png", size=(6, 4), dpi=50)) as im:
        assert im.size == (300, 200)


def test_two_identical_documents_are_counted_once(langson):
    from directive_nlp.graph import build_graph

    G1 = build_graph(langson)
    G2 = build_graph([langson, langson.model_copy(deep=True)])
    assert (G2.number_of_nodes(), G2.number_of_edges()) == (G1.number_of_nodes(), G1.number_of_edges())
    assert "same document" in G2.graph["notes"]


def test_documents_of_one_province_only(langson, empty_plan):
    from directive_nlp.graph import build_graph

    G = build_graph([langson, empty_plan])
    provinces = {a.get("province") for _, a in G.nodes(data=True) if a["kind"] == "agency"} - {None}
    assert provinces == {"Lạng Sơn"}


def test_no_documents_is_bad_input():
    import networkx as nx
    from directive_nlp.graph import build_graph, write_graph

    with pytest.raises(InputError, match="no documents"):
        build_graph([])
    with pytest.raises(InputError, match="unknown output format"):
        write_graph(nx.MultiDiGraph(), "out.xlsx")


def test_without_themes_the_picture_groups_by_document_or_section(tmp_path, thanhhoa, dongnai):
    from PIL import Image
    from directive_nlp.graph import build_graph, draw_graph
    from directive_nlp.graph import _picture_grouping, task_groups, theme_weights

    G = build_graph([thanhhoa, dongnai])  # no taxonomy, no task themes
    assert _picture_grouping(G) == "document"
    w = theme_weights(G, "document")
    assert w[("agency:Thanh Hóa:sở tài chính", "doc:kh_nuoc_sach_thanhhoa")] == 2
    G1 = build_graph(thanhhoa)
    assert _picture_grouping(G1) == "section"
    assert task_groups(G1, "section")["task:kh_nuoc_sach_thanhhoa:T3"] == ["sec:kh_nuoc_sach_thanhhoa:II.2"]
    with Image.open(draw_graph(G1, tmp_path / "s.png", size=(8, 6), dpi=50)) as im:
        assert im.size == (400, 300)


def test_control_characters_do_not_break_xml_exports(tmp_path, dongnai):
    from directive_nlp.graph import build_graph, read_graph, write_graph

    r = dongnai.model_copy(deep=True)
    r.tasks[0].sentence = "Công an tỉnh\x0c đánh giá\x00 kết quả"
    G = build_graph(r)
    for ext in ("graphml", "gexf"):
        H = read_graph(write_graph(G, tmp_path / f"c.{ext}"))
        assert H.nodes["task:ct36_dongnai_2026:T1"]["sentence"] == "Công an tỉnh  đánh giá  kết quả"
