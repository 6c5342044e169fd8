"""Paths of the cross-check tests (a uniquely named module: every test folder
has a conftest, so `from conftest import` would be ambiguous)."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
DEV = HERE.parents[1] / "corpora" / "dev"
PROGRAM = "langson_ctr_hanh_dong_ct36"
PLAN = "binhphuoc_kh_so_ket_ct36"
