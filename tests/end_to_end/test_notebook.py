"""The researchers' walkthrough runs top to bottom (so it never rots)."""

from __future__ import annotations

import re
from pathlib import Path

from corpus_paths import DEV_ABSENT, HAS_DEV

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "walkthrough.ipynb"


def test_walkthrough_notebook_executes():
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    # the walkthrough calls the Python API only: no shell escapes
    assert not any(c.source.lstrip().startswith(("!", "%")) for c in nb.cells if c.cell_type == "code")
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) == 2  # the graph picture and the heatmap
    texts = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    # the bundled sample (corpora/sample): its programme implements 749/QĐ-TTg; the
    # review plan leaves the programme's II.4 and III.* unreviewed
    chain = re.search(r"(\d+) tasks implement 749/QĐ-TTg", texts)
    assert chain and int(chain.group(1)) >= 15, texts[:2000]
    assert "not reviewed: ['II.4', 'III.1', 'III.2', 'III.3']" in texts
    assert "next deadlines: [('2028-06-30'" in texts and "checklist.xlsx" in texts
    # the analyst's part works on the data frame (one row per task and agency)
    code = "".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "to_dataframe(" in code and "against=program" in code
    assert "crosscheck(" in code and "write_checklist(" in code
    assert ", 27)" in texts  # df.shape printed: 27 columns
    # the dev documents (../shared) when present, a one-line note otherwise
    if HAS_DEV:
        assert "tasks implement 36-CT/TW" in texts and "cross-check as the gold: True" in texts
    else:
        assert "dev corpus absent" in texts, DEV_ABSENT
