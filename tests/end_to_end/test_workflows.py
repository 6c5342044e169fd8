"""Researchers' workflows run from files on disk, the way a user types them:
a batch output folder into ``graph`` and ``compare``; themes from a central
document, from citations or from the documents themselves; agency types in
Vietnamese words and agencies that keep their province."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from typer.testing import CliRunner

from corpus_paths import DEV, SAMPLE_PLAN, SAMPLE_PROGRAM, requires_dev
from directive_nlp.cli import app
from directive_nlp.models import AgencyRef, ExtractionResult, SourceInfo, Task

PROGRAM, PLAN = "langson_ctr_hanh_dong_ct36", "binhphuoc_kh_so_ket_ct36"
CODES = {"so", "ubnd", "mass_org", "party", "police_military", "group", "central", "other", "state", "mass", "head"}


def _run(*args: str):
    res = CliRunner().invoke(app, [str(a) for a in args])
    assert "Traceback" not in res.output, res.output
    return res


@pytest.fixture(scope="module")
def batch_folder(tmp_path_factory, graph_data):
    """``directive-nlp extract DIR -o OUT --workers 2`` on three documents (ours:
    the bundled sample programme and its review plan, and the Gia Lai plan)."""
    src = tmp_path_factory.mktemp("docs")
    for p in (SAMPLE_PROGRAM, SAMPLE_PLAN, graph_data / "kh_sot_xuat_huyet_gialai.md"):
        shutil.copy(p, src / p.name)
    out = tmp_path_factory.mktemp("batch") / "out"
    res = _run("extract", src, "-o", out, "--workers", "2")
    assert res.exit_code == 0, res.output
    return out


def test_batch_folder_holds_bookkeeping_beside_the_results(batch_folder):
    names = {p.name for p in batch_folder.iterdir()}
    assert {"_index.jsonl", "_summary.json"} <= names
    assert isinstance(json.loads((batch_folder / "_summary.json").read_text(encoding="utf-8")), dict)


def test_batch_folder_to_graph(batch_folder, tmp_path):
    from directive_nlp.graph import read_graph

    res = _run("graph", batch_folder, "-o", tmp_path / "g.graphml")
    assert res.exit_code == 0, res.output
    G = read_graph(tmp_path / "g.graphml")
    docs = [n for n, a in G.nodes(data=True) if a.get("kind") == "document" and not a.get("cited")]
    assert len(docs) == 3  # the three results, none of the bookkeeping files
    types = {a["type"] for _, a in G.nodes(data=True) if a.get("kind") == "agency"}
    assert types and not types & CODES, types
    assert "themes (" in res.output
    res = _run("graph", batch_folder, "-o", tmp_path / "g.png")
    assert res.exit_code == 0 and (tmp_path / "g.png").stat().st_size > 10000


def test_batch_folder_to_compare(batch_folder, tmp_path):
    res = _run("compare", batch_folder, "-o", tmp_path / "cmp")
    assert res.exit_code == 0, res.output
    assert "themes (" in res.stdout
    md = (tmp_path / "cmp" / "comparison.md").read_text(encoding="utf-8")
    assert "Cách xác định chủ đề" in md and "Gia Lai" in md
    types = (tmp_path / "cmp" / "agency_types.csv").read_text(encoding="utf-8")
    assert "sở, cơ quan chuyên môn" in types and not any(f"\n{c}," in types for c in CODES)


@requires_dev
def test_against_the_dev_programme_gives_its_sections_to_the_review_plan(tmp_path):
    """The themes of the review plan are the programme's task areas; those the
    gold says the plan reviews get its tasks, research (II.7) gets none."""
    from directive_nlp.compare import NO_THEME

    res = _run("compare", DEV / f"{PLAN}.md", "--by", "document", "--against", DEV / f"{PROGRAM}.md",
               "-o", tmp_path / "themes.csv")
    assert res.exit_code == 0, res.output
    assert "themes (against)" in res.stdout
    rows = list(csv.reader(io.StringIO((tmp_path / "themes.csv").read_text(encoding="utf-8"))))[1:]
    counts = {r[0]: int(r[1]) for r in rows if r[0] != "(all tasks)"}
    gold = json.loads((DEV / "crosscheck.gold.json").read_text(encoding="utf-8"))["sections"]
    names = [n for n in counts if n != NO_THEME]
    assert len(names) == len(gold)
    reviewed = [n > 0 for n in (counts[x] for x in names)]
    assert reviewed == [v["covered"] for v in gold.values()]


def test_central_document_among_the_inputs_is_recognised_from_citations(langson, binhphuoc):
    from directive_nlp.compare import compare
    from directive_nlp.models import Reference

    prog = langson.model_copy(deep=True)
    prog.document.number = "39-CTr/TU"
    plan = binhphuoc.model_copy(deep=True)  # the review plan cites the programme by its number
    plan.document.references.append(Reference(kind="Chương trình", number="39-CTr/TU", text="Chương trình số 39-CTr/TU"))
    c = compare([prog, plan], by="document")
    assert c.method == "central" and "39-CTr/TU" in c.method_description
    assert c.themes[0].startswith("Tăng cường sự lãnh đạo")


def test_shared_citation_picks_the_taxonomy_made_for_it(langson, binhphuoc):
    from directive_nlp.compare import compare

    c = compare([langson, binhphuoc])
    assert c.method == "citation" and c.taxonomy == "ct36" and "36-CT/TW" in c.method_description


def test_compare_extra_13_to_23_finds_themes_from_the_documents(shared_extra, tmp_path):
    from directive_nlp.compare import NO_THEME

    docs = tmp_path / "docs"
    docs.mkdir()
    for p in sorted(shared_extra.glob("[0-9]*.md")):
        if 13 <= int(p.name[:2]) <= 23:
            (docs / p.name).symlink_to(p)
    res = _run("compare", docs, "-o", tmp_path / "cmp.md")
    assert res.exit_code == 0, res.output
    assert "themes (clusters)" in res.stdout
    md = (tmp_path / "cmp.md").read_text(encoding="utf-8")
    themes = [line.split("|")[1].strip() for line in md.split("## Chủ đề")[1].split("##")[0].splitlines()
              if line.startswith("| ") and not line.startswith("| Chủ đề")]
    assert len([t for t in themes if t != NO_THEME]) >= 3, themes


def _result(path: str, province: str, names: list[str]) -> ExtractionResult:
    return ExtractionResult(
        source=SourceInfo(path=path, format="md", sha256=path), document={"province": province},
        tasks=[Task(id=f"T{i + 1}", section="II.1", sentence=f"{n} chủ trì việc {i}", task=f"việc {i}",
                    agencies=[AgencyRef(name=n, canonical=n.lower(), role="lead")]) for i, n in enumerate(names)])


def test_an_agency_keeps_its_province_in_the_graph_and_the_comparison():
    from directive_nlp.compare import compare
    from directive_nlp.graph import build_graph

    dn = _result("dongnai.json", "Đồng Nai", ["Sở Tài chính", "Bộ Công an", "Ủy ban nhân dân tỉnh Bình Phước"])
    ct = _result("cantho.json", "Cần Thơ", ["Sở Tài chính", "Bộ Công an"])
    G = build_graph([dn, ct])
    labels = {a["label"] for _, a in G.nodes(data=True) if a.get("kind") == "agency"}
    assert {"Sở Tài chính (Đồng Nai)", "Sở Tài chính (Cần Thơ)", "Bộ Công an"} <= labels
    bp = [a for _, a in G.nodes(data=True) if a.get("kind") == "agency" and "Bình Phước" in a["name"]]
    assert bp and bp[0]["province"] == "Bình Phước"  # the name says whose it is
    c = compare([dn, ct], by="document", taxonomy=None)
    leads = [a for t in c.themes for g in c.groups for a, _ in c.theme_leads[t][g]]
    assert "Sở Tài chính (Đồng Nai)" in leads and "Sở Tài chính (Cần Thơ)" in leads
    assert c.type_agencies["sở, cơ quan chuyên môn"] == {"dongnai": 1, "cantho": 1}


def test_agency_type_labels_are_data_and_cover_every_code():
    from directive_nlp.graph import agency_type_label
    from directive_nlp.agencies import AGENCY_TYPES
    from directive_nlp.vocab import VocabularyError, validate_vocabulary

    for code in AGENCY_TYPES:
        assert agency_type_label(code) != code
    assert agency_type_label("so") == "sở, cơ quan chuyên môn"
    assert agency_type_label("không có mã này") == "khác"
    assert agency_type_label("Ủy ban nhân dân") == "Ủy ban nhân dân"  # a label stays a label
    with pytest.raises(VocabularyError):
        validate_vocabulary({"labels": {}, "lables": {}}, source="agency_types.yaml", required={"labels": dict})


def test_graph_json_of_a_batch_folder_round_trips(batch_folder, tmp_path):
    import networkx as nx
    from directive_nlp.graph import read_graph

    res = _run("graph", batch_folder, "-o", tmp_path / "g.json")
    assert res.exit_code == 0, res.output
    G = read_graph(tmp_path / "g.json")
    assert isinstance(G, nx.MultiDiGraph) and G.number_of_nodes() > 100
