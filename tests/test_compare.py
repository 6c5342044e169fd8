"""Province / document comparison: counts, the 2025 merger, outputs."""

from __future__ import annotations

import csv
import io

import pytest

from directive_nlp.errors import InputError


def test_dev_pair_by_province(langson, binhphuoc):
    from directive_nlp.compare import compare

    c = compare([langson, binhphuoc], by="province", taxonomy="ct36")
    assert c.groups == ["Lạng Sơn", "Bình Phước"]
    assert c.tasks == {"Lạng Sơn": 66, "Bình Phước": 60}
    assert c.theme_tasks["cai nghiện, quản lý sau cai"]["Lạng Sơn"] >= 7
    # the review plan is mostly about organising the review
    assert c.share("tổ chức thực hiện", "Bình Phước") > c.share("tổ chức thực hiện", "Lạng Sơn")
    leads = dict(c.theme_leads["tuyên truyền, vận động"]["Bình Phước"])
    assert leads, "lead agencies are named per theme and province"
    assert c.deadline_kinds["by"]["Bình Phước"] == 4 and c.deadline_years["2024"]["Bình Phước"] == 5
    assert c.type_agencies["sở, cơ quan chuyên môn"]["Bình Phước"] >= 5
    assert not {"so", "ubnd", "mass_org", "party"} & set(c.agency_types), "types in Vietnamese words, codes internal"


def test_tables_csv_and_markdown(langson, binhphuoc):
    from directive_nlp.compare import compare

    c = compare([langson, binhphuoc], taxonomy="ct36")
    rows = list(csv.reader(io.StringIO(c.to_csv("themes"))))
    assert rows[0][:3] == ["theme", "Lạng Sơn tasks", "Bình Phước tasks"]
    assert rows[-1][:3] == ["(all tasks)", "66", "60"]
    md = c.to_markdown()
    assert "| Chủ đề | Lạng Sơn | Bình Phước |" in md and "## Thời hạn" in md


def test_write_folder_and_single_files(tmp_path, langson, binhphuoc):
    from PIL import Image
    from directive_nlp.compare import compare

    c = compare([langson, binhphuoc], taxonomy="ct36")
    written = c.write(tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(
        ["themes.csv", "agency_types.csv", "deadlines.csv", "documents.csv", "comparison.md", "heatmap.png"])
    with Image.open(tmp_path / "out" / "heatmap.png") as im:
        w, h = c.heatmap_size()
        assert im.size == (int(w * 100), int(h * 100))
        assert im.convert("L").getextrema()[0] < 100
    assert c.write(tmp_path / "t.csv")[0].read_text(encoding="utf-8").startswith("theme,")
    assert c.write(tmp_path / "t.md")[0].read_text(encoding="utf-8").startswith("# So sánh")
    assert c.write(tmp_path / "t.svg")[0].stat().st_size > 1000
    with pytest.raises(InputError):
        c.write(tmp_path / "t.xlsx")


def test_merger_puts_binh_phuoc_2024_with_dong_nai_2026(binhphuoc2024, dongnai):
    from directive_nlp.compare import compare

    apart = compare([binhphuoc2024, dongnai], taxonomy="ct36")
    assert apart.groups == ["Bình Phước", "Đồng Nai"]
    merged = compare([binhphuoc2024, dongnai], taxonomy="ct36", merge_provinces=True)
    assert merged.groups == ["Đồng Nai"] and merged.tasks == {"Đồng Nai": 7}
    assert merged.documents["Đồng Nai"] == ["ct36_binhphuoc_2024", "ct36_dongnai_2026"]
    assert any("Bình Phước counted as Đồng Nai" in n for n in merged.notes)


def test_merger_function_can_be_given(binhphuoc2024, dongnai):
    from directive_nlp.compare import compare

    c = compare([binhphuoc2024, dongnai], merge_provinces=True, merged_into=lambda p: "X" if p == "Bình Phước" else None)
    assert c.groups == ["X", "Đồng Nai"]


def test_by_document_and_yaml_taxonomy(graph_data, thanhhoa, dongnai):
    from directive_nlp.compare import compare

    c = compare([thanhhoa, dongnai], by="document", taxonomy=graph_data / "themes_nuoc_sach.yaml")
    assert c.groups == ["kh_nuoc_sach_thanhhoa", "ct36_dongnai_2026"]
    assert c.themes[:4] == ["đầu tư công trình", "chất lượng, bảo vệ nguồn nước", "truyền thông", "tổ chức thực hiện"]
    assert c.theme_tasks["đầu tư công trình"]["kh_nuoc_sach_thanhhoa"] == 2


def test_reference_document_taxonomy(langson, binhphuoc):
    from directive_nlp.compare import compare

    c = compare([binhphuoc], taxonomy=langson)
    assert c.themes[0].startswith("Tăng cường sự lãnh đạo")


def test_auto_taxonomy_skips_ct36_for_another_subject(thanhhoa):
    """A clean-water plan cites no central document: its themes come from its own tasks."""
    from directive_nlp.compare import NO_THEME, compare

    c = compare([thanhhoa])
    assert c.method == "clusters" and c.taxonomy != "ct36"
    assert len([t for t in c.themes if t != NO_THEME]) >= 2
    assert not {"cai nghiện, quản lý sau cai", "tuyên truyền, vận động"} & set(c.themes)
    assert "phân cụm" in c.to_markdown() or "k-means" in c.to_markdown()
    assert any("one province" in n for n in c.notes)


def test_given_taxonomy_is_not_forced_on_another_subject(thanhhoa, langson):
    from directive_nlp.compare import NO_THEME, compare

    c = compare([thanhhoa, langson], by="document", taxonomy="ct36")
    assert c.theme_tasks[NO_THEME]["kh_nuoc_sach_thanhhoa"] == c.tasks["kh_nuoc_sach_thanhhoa"]
    assert any("not about" in n and "kh_nuoc_sach_thanhhoa" in n for n in c.notes)
    assert c.theme_tasks["cai nghiện, quản lý sau cai"]["langson_ctr_hanh_dong_ct36"] >= 5


def test_too_few_tasks_to_cluster_say_so(thanhhoa):
    from directive_nlp.compare import NO_THEME, compare

    r = thanhhoa.model_copy(deep=True)
    r.tasks = r.tasks[:3]
    c = compare([r])
    assert c.method == "none" and c.themes == [NO_THEME]
    assert any("too few tasks" in n for n in c.notes)


def test_auto_taxonomy_keeps_hand_corrected_themes(thanhhoa):
    from directive_nlp.compare import compare

    r = thanhhoa.model_copy(deep=True)
    for t in r.tasks:
        t.themes = ["nước sạch"]
    c = compare([r])
    assert c.themes == ["nước sạch"] and c.theme_tasks["nước sạch"]["Thanh Hóa"] == 8


def test_edge_cases_give_clear_answers(tmp_path, langson, empty_plan):
    from directive_nlp.compare import NO_THEME, compare

    one = compare([empty_plan])
    assert one.tasks == {"Lạng Sơn": 0} and one.share(NO_THEME, "Lạng Sơn") == 0.0
    assert any("no tasks found" in n for n in one.notes)
    assert one.write(tmp_path / "e")  # writes zeros, does not crash
    twice = compare([langson, langson.model_copy(deep=True)], taxonomy="ct36")
    assert twice.tasks == {"Lạng Sơn": 66} and any("same document" in n for n in twice.notes)
    with pytest.raises(InputError, match="no documents"):
        compare([])
    with pytest.raises(InputError, match="--by"):
        compare([langson], by="agency")
