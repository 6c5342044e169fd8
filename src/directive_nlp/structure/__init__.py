"""Document structure: the section tree (:func:`parse_structure`).

``parse_structure(doc)`` turns a :class:`~directive_nlp.models.NormalizedDocument`
into a :class:`~directive_nlp.models.DocumentStructure`: the numbered sections
with the ids of ``docs/output-contract.md`` ("II.1", "Điều 2.1", "PL.row5", "preamble",
"closing") and one :class:`~directive_nlp.models.BlockInfo` per block.
Document metadata lives in :mod:`directive_nlp.structure.metadata`.
"""

from .sections import (
    Marker,
    SectionRules,
    load_rules,
    match_marker,
    outline_markdown,
    parse_structure,
    section_path,
)

__all__ = ["Marker", "SectionRules", "load_rules", "match_marker", "outline_markdown", "parse_structure", "section_path"]
