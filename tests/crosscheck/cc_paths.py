"""Paths of the cross-check tests (a uniquely named module: every test folder
has a conftest, so `from conftest import` would be ambiguous)."""

from pathlib import Path

from corpus_paths import DEV, HAS_DEV, requires_dev  # noqa: F401  (the one definition: ../shared/corpus/dev)

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
PROGRAM = "langson_ctr_hanh_dong_ct36"
PLAN = "binhphuoc_kh_so_ket_ct36"
