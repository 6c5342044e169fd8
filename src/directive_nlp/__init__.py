"""directive-nlp: who must do what by when, from Vietnamese directive documents.

The public API is a handful of verbs; each takes and returns the pydantic
records of :mod:`directive_nlp.models` (``ExtractionResult`` is the output
contract, ``docs/output-contract.md``)::

    import directive_nlp
    result = directive_nlp.extract("ke_hoach.pdf")        # who / what / by when
    for task in result.tasks:
        print(task.task, [a.name for a in task.agencies], task.deadline)

=====================  =====================================================
verb                   what it gives
=====================  =====================================================
``load``               the spaCy pipeline every extraction runs through
``extract``            the tasks of one document (PDF, DOCX, HTML, MD, TXT)
``extract_text``       the tasks of a text given as a string
``load_text``          the normalised text (with offsets back to the file)
``parse_structure``    the section tree of a normalised text
``extract_metadata``   type, number, date, issuer, province … of a document
``load_results``       results of documents, ``extract`` JSON and folders
``to_dataframe``       one row per task and agency (pandas)
``write_checklist``    a checklist: Word, Excel, CSV, Markdown, calendar, JSON
``build_graph``        the responsibility graph (networkx)
``compare_results``    themes, agency types and deadlines across provinces
``crosscheck_results`` does a review plan review what the program asked for?
=====================  =====================================================

The verbs are imported lazily, so ``import directive_nlp`` stays fast
(underthesea and spaCy load only when a verb needs them). The modules keep
their own names (``directive_nlp.compare``, ``directive_nlp.crosscheck`` …);
no verb shares a name with a module. Each verb has an example below, run on
the repository's sample documents (``corpora/sample``) by the test suite.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from . import _spacy_startup, _underthesea_startup

_spacy_startup.install()  # the first ``import spacy`` skips spacy.cli (see _spacy_startup)
_underthesea_startup.install()  # the first ``import underthesea`` runs its __init__ only when a name needs it

__version__ = "0.1.0"

#: verb -> (module, name in that module)
_API = {
    "load": ("directive_nlp.nlp", "load"),
    "extract": ("directive_nlp.pipeline", "extract"),
    "extract_text": ("directive_nlp.pipeline", "extract_text"),
    "load_text": ("directive_nlp.pipeline", "load_text"),
    "parse_structure": ("directive_nlp.structure", "parse_structure"),
    "extract_metadata": ("directive_nlp.structure.metadata", "extract_metadata"),
    "load_results": ("directive_nlp.io", "load_results"),
    "to_dataframe": ("directive_nlp.dataframe", "to_dataframe"),
    "write_checklist": ("directive_nlp.checklist", "write_checklist"),
    "build_graph": ("directive_nlp.graph", "build_graph"),
    "compare_results": ("directive_nlp.compare", "compare"),
    "crosscheck_results": ("directive_nlp.crosscheck", "crosscheck"),
}

__all__ = sorted(_API) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name in _API:
        module, attr = _API[name]
        return getattr(import_module(module), attr)
    raise AttributeError(f"module 'directive_nlp' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))


# One example per verb, run from the repository root on corpora/sample
# (tests/test_public_api.py; or ``python -m pytest --doctest-modules src/directive_nlp/__init__.py``).
__test__ = {
    "load": """
    >>> import directive_nlp
    >>> nlp = directive_nlp.load()
    >>> doc = nlp("Sở Y tế chủ trì, phối hợp với Sở Tài chính kiểm tra trước ngày 30/6/2026.")
    >>> [s.text for s in doc.spans["dnlp_task"]], [s.text for s in doc.spans["dnlp_agency"]]
    (['kiểm tra'], ['Sở Y tế', 'Sở Tài chính'])
    """,
    "extract": """
    >>> from directive_nlp import extract
    >>> result = extract("corpora/sample/kehoach_chuyen_doi_so_mau.md")
    >>> result.document.doc_type, result.document.number, len(result.tasks)
    ('Kế hoạch', '215/KH-UBND', 16)
    >>> task = result.tasks[0]
    >>> task.task
    'rà soát, đề xuất sửa đổi các văn bản của tỉnh không còn phù hợp với yêu cầu chuyển đổi số'
    >>> [(a.name, a.role) for a in task.agencies], task.deadline.date
    ([('Sở Khoa học và Công nghệ', 'lead'), ('Sở Tư pháp', 'support')], '2026-09-30')
    """,
    "extract_text": """
    >>> from directive_nlp import extract_text
    >>> result = extract_text("Sở Y tế chủ trì, phối hợp với Sở Tài chính kiểm tra trước ngày 30/6/2026.")
    >>> [(t.task, [a.role for a in t.agencies], t.deadline.kind) for t in result.tasks]
    [('kiểm tra', ['lead', 'support'], 'by')]
    """,
    "load_text": """
    >>> from directive_nlp import load_text
    >>> doc = load_text("corpora/sample/kehoach_chuyen_doi_so_mau.md")
    >>> doc.text.splitlines()[0]
    'ỦY BAN NHÂN DÂN TỈNH SÔNG HỒNG'
    """,
    "parse_structure": """
    >>> from directive_nlp import load_text, parse_structure
    >>> structure = parse_structure(load_text("corpora/sample/kehoach_chuyen_doi_so_mau.md"))
    >>> [s.id for s in structure.sections][:6]
    ['preamble', 'I', 'I.1', 'I.2', 'II', 'II.1']
    """,
    "extract_metadata": """
    >>> from directive_nlp import extract_metadata, load_text
    >>> meta = extract_metadata(load_text("corpora/sample/kehoach_chuyen_doi_so_mau.md"))
    >>> meta.doc_type, meta.number, meta.issued_date, meta.issuer
    ('Kế hoạch', '215/KH-UBND', '2026-03-12', 'Ủy ban nhân dân tỉnh Sông Hồng')
    """,
    "load_results": """
    >>> from directive_nlp import load_results
    >>> results = load_results(["corpora/sample"])
    >>> [(r.document.number, len(r.tasks)) for r in results]
    [('215/KH-UBND', 16), ('88/KH-UBND', 6)]
    """,
    "to_dataframe": """
    >>> from directive_nlp import to_dataframe
    >>> frame = to_dataframe("corpora/sample")
    >>> len(frame), {"task", "agency", "role", "deadline_kind"} <= set(frame.columns)
    (33, True)
    """,
    "write_checklist": """
    >>> import tempfile
    >>> from pathlib import Path
    >>> from directive_nlp import extract, write_checklist
    >>> result = extract("corpora/sample/kehoach_chuyen_doi_so_mau.md")
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = write_checklist(result, Path(tmp) / "danh_muc.xlsx")
    ...     path.name, path.stat().st_size > 0
    ('danh_muc.xlsx', True)
    """,
    "build_graph": """
    >>> from directive_nlp import build_graph, load_results
    >>> graph = build_graph(load_results(["corpora/sample"]))
    >>> sorted({kind for _, kind in graph.nodes(data="kind")})
    ['agency', 'deadline', 'document', 'section', 'task']
    """,
    "compare_results": """
    >>> from directive_nlp import compare_results, load_results
    >>> comparison = compare_results(load_results(["corpora/sample"]), by="document")
    >>> comparison.tasks
    {'kehoach_chuyen_doi_so_mau': 16, 'kehoach_so_ket_mau': 6}
    """,
    "crosscheck_results": """
    >>> from directive_nlp import crosscheck_results, extract
    >>> program = extract("corpora/sample/kehoach_chuyen_doi_so_mau.md")
    >>> review = extract("corpora/sample/kehoach_so_ket_mau.md")
    >>> report = crosscheck_results(program, review)
    >>> report.summary.tasks, report.summary.tasks_covered
    (16, 6)
    """,
}
