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
from .task import TaskExtractor, make_task_extractor

__all__ = [
    "AgencyRecognizer",
    "DeadlineRecognizer",
    "DocumentReader",
    "LearnedDecisions",
    "TaskExtractor",
    "make_agency_recognizer",
    "make_deadline_recognizer",
    "make_document_reader",
    "make_learned_decisions",
    "make_task_extractor",
]
