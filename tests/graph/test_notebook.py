"""The researchers' walkthrough runs top to bottom (so it never rots)."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "walkthrough.ipynb"


def test_walkthrough_notebook_executes():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # the walkthrough calls the Python API only: no shell escapes
    assert not any(c.source.lstrip().startswith(("!", "%")) for c in nb.cells if c.cell_type == "code")
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2  # the graph picture and the heatmap
    texts = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "tasks implement 36-CT/TW" in texts
    # the analyst's part works on the data frame (one row per task and agency)
    code = "".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "to_dataframe(" in code and "against=program" in code
    assert ", 27)" in texts  # df.shape printed: 27 columns
