"""Task extraction: who (agency) must do what (task) by when (deadline).

``extract_tasks(doc, structure, meta)`` reads the normalised blocks and the
section tree and returns the ``tasks`` of docs/output-contract.md. The modules:

* :mod:`.extractor` — which parts hold tasks, layout-carried actors and times;
* :mod:`.clauses` — one sentence → subject, clauses, tasks, deadlines;
* :mod:`.roles` — lead / support / not an agency / report_to;
* :mod:`.tables` — assignment tables, one task per row;
* :mod:`.lexicon` — the vocabulary in ``resources/vi/task_lexicon.yaml``.
"""

from .extractor import extract_tasks

__all__ = ["extract_tasks"]
