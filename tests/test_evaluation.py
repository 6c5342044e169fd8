"""evaluate: the vendored scorer agrees with ../shared/eval/score.py; the command runs."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus_paths import DEV, DOCUMENTS, SCORE_PY, requires_dev
from directive_nlp import evaluation as ev


def load_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def score():
    if not SCORE_PY.exists():
        pytest.skip(f"{SCORE_PY} is absent (../shared)")
    spec = importlib.util.spec_from_file_location("shared_score", SCORE_PY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _perturbed(gold: list[dict], seed: int) -> list[dict]:
    """A plausible prediction: tasks dropped, cut, agencies renamed or moved, deadlines changed."""
    rnd = random.Random(seed)
    out = []
    for t in gold:
        if rnd.random() < 0.15:
            continue
        p = json.loads(json.dumps(t))
        words = p["task"].split()
        if rnd.random() < 0.3 and len(words) > 4:
            p["task"] = " ".join(words[: max(2, len(words) * 2 // 3)])
        if rnd.random() < 0.3 and p["agencies"]:
            p["agencies"][0]["name"] = "các " + p["agencies"][0]["name"].lower()
        if rnd.random() < 0.2 and p["agencies"]:
            p["agencies"][-1]["role"] = "support"
        if rnd.random() < 0.2:
            p["deadline"] = {"text": "hằng năm", "kind": "recurring", "frequency": "yearly"}
        out.append(p)
    out.append({"task": "một nhiệm vụ không có trong gold", "sentence": "x", "agencies": [{"name": "Sở Y tế"}]})
    return out


@requires_dev
@pytest.mark.parametrize("name", ["langson_ctr_hanh_dong_ct36", "binhphuoc_kh_so_ket_ct36"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_vendored_scorer_agrees_with_score_py(score, name, seed):
    gold = load_gold(DEV / f"{name}.gold.jsonl")
    pred = _perturbed(gold, seed)
    assert ev.count(gold, pred) == score.count(gold, pred)
    assert ev.report(ev.count(gold, pred)) == score.report(score.count(gold, pred))
    for a in ["UBND tỉnh", "Các Sở, ban, ngành", "Sở Văn hoá, Thể thao và Du lịch", "BCS đảng UBND tỉnh"]:
        assert ev.norm_agency(a) == score.norm_agency(a)


@requires_dev
def test_stricter_task_match_pairs_fewer_tasks():
    gold = load_gold(DEV / "binhphuoc_kh_so_ket_ct36.gold.jsonl")
    pred = _perturbed(gold, 7)
    assert ev.count(gold, pred, 0.7)["task_tp"] <= ev.count(gold, pred, 0.5)["task_tp"]


@requires_dev
def test_agency_and_deadline_only_figures_on_the_dev_gold():
    for name in ["langson_ctr_hanh_dong_ct36", "binhphuoc_kh_so_ket_ct36"]:
        gold = load_gold(DEV / f"{name}.gold.jsonl")
        ag = ev.agency_counts(gold)
        assert ag["found"] / ag["gold"] >= 0.9
        assert ag["boundary_tp"] / ag["boundary_pred"] >= 0.9
        dl = ev.deadline_counts(gold)
        assert dl["right"] == dl["gold"] > 0


@requires_dev
def test_evaluate_command_prints_the_figures():
    from directive_nlp.cli import app

    r = CliRunner().invoke(app, ["evaluate", str(DEV), "--no-tasks", "--no-baseline"])
    assert r.exit_code == 0, r.output
    assert "agency-only: recall" in r.output and "deadline-only: normalised right 1.000" in r.output
    r = CliRunner().invoke(app, ["evaluate", str(DEV), "--no-tasks", "--no-baseline", "--json"])
    rep = json.loads(r.stdout[r.stdout.index("{"):])
    assert set(rep["documents"]) == {"langson_ctr_hanh_dong_ct36", "binhphuoc_kh_so_ket_ct36"}
    assert rep["total"]["deadline_only"]["right"] == 1.0


def test_evaluate_bad_input_is_one_line(tmp_path):
    from directive_nlp.cli import app

    r = CliRunner().invoke(app, ["evaluate", str(tmp_path / "nowhere")])
    assert r.exit_code == 1
    r = CliRunner().invoke(app, ["evaluate", str(tmp_path)])
    assert r.exit_code == 1 and "no NAME.gold.jsonl" in r.output
    r = CliRunner().invoke(app, ["evaluate", str(DOCUMENTS), "--form", "odt"])
    assert r.exit_code == 1 and "unknown form" in r.output


def _twins() -> tuple[list[dict], list[dict]]:
    """Two gold tasks with the same text and sentence, given to different
    bodies under different headings, and a prediction of both."""
    sentence = "Tổ chức tuyên truyền về phòng, chống ma túy trong trường học."
    gold = [
        {"task": "Tổ chức tuyên truyền về phòng, chống ma túy trong trường học", "sentence": sentence,
         "agencies": [{"name": "Sở Giáo dục và Đào tạo", "role": "lead"}],
         "deadline": {"text": "hằng năm", "kind": "recurring", "frequency": "yearly"}},
        {"task": "Tổ chức tuyên truyền về phòng, chống ma túy trong trường học", "sentence": sentence,
         "agencies": [{"name": "Tỉnh đoàn", "role": "lead"}], "deadline": None},
    ]
    return gold, json.loads(json.dumps(gold))


def test_tie_between_identical_task_texts_is_broken_by_agencies(score):
    """The order of the predictions never changes a score (score.py breaks
    ties between identical task texts by their agencies; so must we)."""
    gold, pred = _twins()
    forward, backward = ev.count(gold, pred), ev.count(gold, list(reversed(pred)))
    assert forward == backward
    assert forward["agency_tp"] == 2 and forward["triple_tp"] == 2 and forward["deadline_tp"] == 1
    assert backward == score.count(gold, list(reversed(pred)))


@requires_dev
@pytest.mark.parametrize("name", ["langson_ctr_hanh_dong_ct36", "binhphuoc_kh_so_ket_ct36"])
def test_vendored_scorer_agrees_whatever_the_prediction_order(score, name):
    gold = load_gold(DEV / f"{name}.gold.jsonl")
    pred = _perturbed(gold, 11)
    for seed in (1, 2):
        shuffled = pred[:]
        random.Random(seed).shuffle(shuffled)
        assert ev.count(gold, shuffled) == score.count(gold, shuffled)


def _one_doc_folder(tmp_path: Path, name: str = "langson_ctr_hanh_dong_ct36") -> Path:
    folder = tmp_path / "corpus"
    (folder / "rendered").mkdir(parents=True)
    for suffix in (".md", ".gold.jsonl"):
        (folder / f"{name}{suffix}").write_bytes((DEV / f"{name}{suffix}").read_bytes())
    bad = DEV / "rendered" / f"{name}.badfont.pdf"
    (folder / "rendered" / bad.name).write_bytes(bad.read_bytes())
    return folder


@requires_dev
def test_form_txt_gives_the_tasks_of_form_md(tmp_path):
    """Each NAME.md read as NAME.txt (the markup sniffed) scores as the md."""
    folder = _one_doc_folder(tmp_path)
    md = ev.evaluate([folder], form="md", baseline=False)
    txt = ev.evaluate([folder], form="txt", baseline=False)
    assert txt["form"] == "txt" and not txt["errors"]
    assert txt["total"]["tasks"] == md["total"]["tasks"]
    assert md["total"]["tasks"]["0.5"]["triple"]["f1"] > 0.9
    assert list(folder.glob("*.txt")) == []  # the copy lives in a temporary folder


@requires_dev
def test_badfont_and_scanned_forms_take_only_the_documents_that_have_them(tmp_path):
    folder = _one_doc_folder(tmp_path)
    assert [d.name for d in ev.find_gold_documents([DEV], "badfont")] == ["langson_ctr_hanh_dong_ct36"]
    assert ev.find_gold_documents([DEV], "scanned") == []
    assert [d.path.name for d in ev.find_gold_documents([folder], "badfont")] == [
        "langson_ctr_hanh_dong_ct36.badfont.pdf"
    ]
    assert ev.find_gold_documents([folder], "pdf") == []  # no plain rendering copied


@requires_dev
def test_measured_half_is_reported_apart(tmp_path):
    from directive_nlp.cli import app

    r = CliRunner().invoke(app, ["evaluate", str(DEV), "--no-baseline", "--measured", "binhphuoc", "--json"])
    assert r.exit_code == 0, r.output
    rep = json.loads(r.stdout[r.stdout.index("{"):])
    assert rep["measured"] == ["binhphuoc_kh_so_ket_ct36"]
    assert rep["halves"]["measured"]["task"]["gold"] == len(load_gold(DEV / "binhphuoc_kh_so_ket_ct36.gold.jsonl"))
    assert rep["halves"]["read"]["task"]["gold"] == len(load_gold(DEV / "langson_ctr_hanh_dong_ct36.gold.jsonl"))
    r = CliRunner().invoke(app, ["evaluate", str(DEV), "--no-baseline", "--measured", "binhphuoc"])
    assert "measured half @0.5" in r.output and "read half @0.5" in r.output
    assert ev.is_measured("18_dongthap-kh617", ["18"]) and not ev.is_measured("180_x", ["18"])


def test_plain_line_strips_the_markup_a_plain_copy_has_not():
    assert ev.plain_line("| **TT** | *Nội dung* | Cơ quan chủ trì |") == "TT\tNội dung\tCơ quan chủ trì"
    assert ev.plain_line("|---|:---:|---|") is None
    assert ev.plain_line("## **I. NHIỆM VỤ**") == "I. NHIỆM VỤ"
    assert ev.plain_line("1.1. *Tiếp tục* tăng cường *(nếu cần) *sự lãnh đạo") == "1.1. Tiếp tục tăng cường (nếu cần) sự lãnh đạo"
    assert ev.plain_line("* Một gạch đầu dòng") == "* Một gạch đầu dòng"  # a bullet stays
    padded = ev.plain_line("| 1 | Mua vắc xin | Sở Y tế |", pad=True)
    assert padded.split() == ["1", "Mua", "vắc", "xin", "Sở", "Y", "tế"] and "\t" not in padded
    assert [c.strip() for c in padded.split("  ") if c.strip()] == ["1", "Mua vắc xin", "Sở Y tế"]


@requires_dev
@pytest.mark.parametrize("form", ["plain", "plainpad"])
def test_plain_forms_read_the_markdown_without_markup(tmp_path, form):
    """NAME.md without markup (tables TAB-separated or padded) scores as the md on Lạng Sơn."""
    folder = _one_doc_folder(tmp_path)
    md = ev.evaluate([folder], form="md", baseline=False)
    plain = ev.evaluate([folder], form=form, baseline=False)
    assert plain["form"] == form and not plain["errors"]
    assert plain["total"]["tasks"] == md["total"]["tasks"]
    assert list(folder.glob("*.txt")) == []


@requires_dev
def test_form_pdftext_reads_the_text_copied_out_of_the_rendered_pdf(tmp_path):
    """The PDF's text layer copied out as plain text: the same tasks found, a temporary copy."""
    folder = _one_doc_folder(tmp_path)
    pdf = DEV / "rendered" / "langson_ctr_hanh_dong_ct36.pdf"
    (folder / "rendered" / pdf.name).write_bytes(pdf.read_bytes())
    (doc,) = ev.find_gold_documents([folder], "pdftext")
    text_path = ev.as_pdf_text(doc, tmp_path)
    text = text_path.read_text(encoding="utf-8")
    assert "\f" in text and "**" not in text and "|" not in text
    rep = ev.evaluate([folder], form="pdftext", baseline=False)
    assert rep["form"] == "pdftext" and not rep["errors"]
    assert rep["total"]["tasks"]["0.5"]["triple"]["f1"] > 0.8
    assert not list(folder.glob("*.txt"))
