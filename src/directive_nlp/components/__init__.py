"""spaCy components of directive-nlp.

Importing this package registers the factories (``@Language.factory``):

* ``dnlp_agency_recognizer`` (:mod:`.agency`) → ``doc.spans["agency"]``
* ``dnlp_deadline_recognizer`` (:mod:`.deadline`) → ``doc.spans["deadline"]``
* ``dnlp_task_extractor`` (:mod:`.task`, the tasks area)

The same names are advertised as ``spacy_factories`` entry points in
``pyproject.toml``, so ``spacy.load`` finds them without importing the
package first. spaCy loads *every* entry point whenever a ``Language`` is
created, so each name listed there must exist here, or no spaCy pipeline in
the environment can be built.
"""

from __future__ import annotations

from .agency import AgencyRecognizer, make_agency_recognizer
from .deadline import DeadlineRecognizer, make_deadline_recognizer

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
    "make_agency_recognizer",
    "make_deadline_recognizer",
    "make_task_extractor",
]
