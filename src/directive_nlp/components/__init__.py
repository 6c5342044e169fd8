"""spaCy components of directive-nlp.

Importing this package registers the factories (``@Language.factory``), in
the order the pipeline runs them (span keys and extensions: :mod:`directive_nlp.extensions`):

* ``dnlp_document`` (:mod:`.document`) → the document, sections and metadata of a Doc made from a string
* ``dnlp_agency_recognizer`` (:mod:`.agency`) → ``doc.spans["dnlp_agency"]``
* ``dnlp_deadline_recognizer`` (:mod:`.deadline`) → ``doc.spans["dnlp_deadline"]``
* ``dnlp_task_extractor`` (:mod:`.task`) → ``doc.spans["dnlp_task"]``, ``doc._.dnlp_tasks``
* ``dnlp_learned_decisions`` (:mod:`.learned`) → the trained decisions applied to those tasks

The same names are advertised as ``spacy_factories`` entry points in
``pyproject.toml``, so ``spacy.load`` finds them without importing the
package first. spaCy loads *every* entry point whenever a ``Language`` is
created, so each name listed there must exist here, or no spaCy pipeline in
the environment can be built.
"""

from __future__ import annotations

from .agency import AgencyRecognizer, make_agency_recognizer
from .deadline import DeadlineRecognizer, make_deadline_recognizer
from .document import DocumentReader, make_document_reader
from .learned import LearnedDecisions, make_learned_decisions

# ---------------------------------------------------------------------------
# Task extractor (owned by the tasks area: components/task.py).
# Imported when that module exists; until then the name still resolves (see
# the module docstring for why it must), and using it says what is missing.
# ---------------------------------------------------------------------------
try:
    from .task import make_task_extractor  # noqa: F401
except ModuleNotFoundError as _e:  # pragma: no cover - only while components/task.py is absent
    if _e.name != f"{__name__}.task":
        raise

    def make_task_extractor(nlp, name, **config):  # type: ignore[no-redef]
        """Raise: the task extractor module (components/task.py) is not installed."""
        raise RuntimeError(
            "dnlp_task_extractor is not available: directive_nlp.components.task is missing from this install"
        )

__all__ = [
    "AgencyRecognizer",
    "DeadlineRecognizer",
    "DocumentReader",
    "LearnedDecisions",
    "make_agency_recognizer",
    "make_deadline_recognizer",
    "make_document_reader",
    "make_learned_decisions",
    "make_task_extractor",
]
