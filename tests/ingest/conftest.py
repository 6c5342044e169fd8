"""Fixtures of the readers' tests: the plan as PDF and DOCX, built once per
session from :mod:`readers_docs`."""

from __future__ import annotations

from pathlib import Path

import pytest

from readers_docs import LONG, build_plan_docx, build_plan_pdf, page_texts


@pytest.fixture(scope="session")
def plan_pdf(tmp_path_factory) -> Path:
    path = build_plan_pdf(tmp_path_factory.mktemp("pdf") / "ke_hoach.pdf")
    pages = page_texts(path)
    # the test is only meaningful if LONG really runs over the page break
    assert LONG[:40] in pages[0] and "sáu tháng một lần" in pages[1], "adjust the spacer"
    return path


@pytest.fixture(scope="session")
def plan_docx(tmp_path_factory) -> Path:
    return build_plan_docx(tmp_path_factory.mktemp("docx") / "ke_hoach.docx")


