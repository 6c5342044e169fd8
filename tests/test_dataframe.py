"""Results as a pandas data frame and a Parquet file: one row per task and
agency, from results, JSON files or a batch output folder."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from corpus_paths import DEV, SAMPLE_PLAN, requires_dev
from directive_nlp import to_dataframe
from directive_nlp.cli import app
from directive_nlp.dataframe import COLUMNS
from directive_nlp.errors import InputError
from directive_nlp.io import dump_result


def _expected_rows(result) -> int:
    return sum(max(1, len(t.agencies)) for t in result.tasks)


def test_one_row_per_task_and_agency(langson, binhphuoc):
    df = to_dataframe([langson, binhphuoc])
    assert list(df.columns) == COLUMNS
    assert len(df) == _expected_rows(langson) + _expected_rows(binhphuoc)
    assert df.groupby("document").task_id.nunique().to_dict() == {
        "langson_ctr_hanh_dong_ct36": len(langson.tasks), "binhphuoc_kh_so_ket_ct36": len(binhphuoc.tasks)}
    unassigned = [t.id for t in langson.tasks if not t.agencies]
    rows = df[(df.document == "langson_ctr_hanh_dong_ct36") & df.task_id.isin(unassigned)]
    assert len(rows) == len(unassigned) and rows.agency.isna().all()
    assert not set(df.agency_type.dropna()) & {"so", "ubnd", "mass_org", "party"}
    sotc = df[(df.document == "binhphuoc_kh_so_ket_ct36") & df.agency.str.startswith("Sở", na=False)]
    assert len(sotc) and (sotc.agency_province == "Bình Phước").all()  # its province, from the document
    from pandas.api.types import is_datetime64_any_dtype

    assert is_datetime64_any_dtype(df.deadline_date)
    dated = df[df.deadline_kind == "by"]
    assert dated.deadline_date.notna().all()


def test_from_a_batch_folder_skipping_bookkeeping(tmp_path, binhphuoc):
    (tmp_path / "binhphuoc.json").write_text(dump_result(binhphuoc), encoding="utf-8")
    (tmp_path / "_summary.json").write_text(json.dumps({"done": 1, "failed": 0}), encoding="utf-8")
    (tmp_path / "_index.jsonl").write_text('{"input": "x.md"}\n', encoding="utf-8")
    (tmp_path / "_errors.jsonl").write_text("", encoding="utf-8")
    df = to_dataframe(tmp_path)
    assert len(df) == _expected_rows(binhphuoc) and set(df.document) == {"binhphuoc_kh_so_ket_ct36"}


def test_bad_input_is_one_clear_error(tmp_path):
    with pytest.raises(InputError):
        to_dataframe(tmp_path)  # an empty folder
    with pytest.raises(InputError):
        to_dataframe([42])


@requires_dev
def test_extract_format_parquet(tmp_path):
    out = tmp_path / "dev.parquet"
    res = CliRunner().invoke(app, ["extract", str(DEV / "langson_ctr_hanh_dong_ct36.md"),
                                   str(DEV / "binhphuoc_kh_so_ket_ct36.md"), "--format", "parquet", "-o", str(out)])
    assert res.exit_code == 0, res.output
    import pandas as pd

    df = pd.read_parquet(out)
    assert list(df.columns) == COLUMNS and df.document.nunique() == 2 and len(df) > 100
    assert df.task_id.groupby(df.document).nunique().min() > 40
    again = to_dataframe([DEV / "binhphuoc_kh_so_ket_ct36.md"])
    assert len(df[df.document == "binhphuoc_kh_so_ket_ct36"]) == len(again)


def test_parquet_needs_an_output_file():
    res = CliRunner().invoke(app, ["extract", str(SAMPLE_PLAN), "--format", "parquet"])
    assert res.exit_code == 2 and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1
