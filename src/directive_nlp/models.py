"""Pydantic records that cross module boundaries.

Every stage of the pipeline hands the next one a record defined here, so a
notebook, the CLI and the web page all see the same shapes:

    read_document(path)        -> SourceDocument   (blocks as read, with locations)
    normalize_document(source) -> NormalizedDocument (one normalised text + block offsets)
    parse_structure(doc)       -> DocumentStructure (section tree, block -> section)
    extract_metadata(doc, ...) -> DocumentMeta
    extract(path)              -> ExtractionResult  (the JSON contract of docs/output-contract.md)

The output records (``ExtractionResult`` and what it holds) are the public
contract: field names and meanings follow ``docs/output-contract.md``; fields may be
added, never renamed.
"""

from __future__ import annotations

from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, model_serializer

SCHEMA_VERSION = "1"

InputFormat = Literal["pdf", "docx", "txt", "md", "html"]
BlockKind = Literal["paragraph", "table_row"]
Role = Literal["lead", "support"]
DeadlineKind = Literal["by", "on", "period", "recurring", "ongoing", "conditional"]
Frequency = Literal["daily", "weekly", "monthly", "quarterly", "semiannual", "yearly"]


# --------------------------------------------------------------------------
# Ingestion
# --------------------------------------------------------------------------


class Location(BaseModel):
    """Where a block (or a character) came from in the source file.

    Text formats give raw character offsets; PDF gives the page and box;
    DOCX gives the body paragraph index or the table cell.
    """

    model_config = ConfigDict(extra="forbid")

    page: Optional[int] = Field(None, description="1-based page number (PDF).")
    bbox: Optional[tuple[float, float, float, float]] = Field(
        None, description="x0, top, x1, bottom in PDF points, top-left origin."
    )
    paragraph: Optional[int] = Field(
        None, description="0-based index among the body paragraphs (DOCX) or source line (txt/md)."
    )
    table: Optional[int] = Field(None, description="0-based table index.")
    row: Optional[int] = Field(None, description="0-based row index inside the table.")
    cell: Optional[int] = Field(None, description="0-based cell index inside the row.")
    raw_start: Optional[int] = Field(None, description="Offset of the first character in the raw file text.")
    raw_end: Optional[int] = Field(None, description="Offset after the last character in the raw file text.")


class Block(BaseModel):
    """One paragraph or one table row, as a reader found it.

    ``text`` is the block's text with markup removed but whitespace and
    Unicode form as in the source; normalisation happens later, in one place.
    ``char_map`` (text formats only) gives the raw-file offset of every
    character of ``text`` so spans can be shown in the original file.
    """

    kind: BlockKind = "paragraph"
    text: str
    cells: Optional[list[str]] = Field(None, description="Cell texts of a table row (raw).")
    header: Optional[list[str]] = Field(
        None, description="Header cell texts of the table this row belongs to."
    )
    table_id: Optional[int] = None
    row_index: Optional[int] = None
    is_header_row: bool = False
    filled_cells: Optional[list[str]] = Field(
        None,
        description="Cells with vertically merged values copied down (what the row means); "
        "`cells` shows each merged text once, as printed. None when no cell is merged.",
    )
    style: Optional[str] = Field(None, description="Style hint, e.g. DOCX 'Heading 2' or 'Title'.")
    bold: bool = Field(False, description="The whole block is bold (a heading hint).")
    centered: bool = Field(False, description="The block is centred (a heading or header-block hint).")
    location: Location = Field(default_factory=Location)
    cell_locations: Optional[list[Location]] = None
    char_map: Optional[list[int]] = Field(
        None, description="Raw-file offset of each character of `text` (text formats)."
    )
    cell_char_maps: Optional[list[list[int]]] = Field(
        None, description="Raw-file offset of each character of each cell (text-format tables)."
    )


class SourceInfo(BaseModel):
    """The ``source`` object of the output: what was read and how."""

    path: str
    format: InputFormat
    pages: Optional[int] = None
    sha256: str
    ocr_pages: list[int] = Field(default_factory=list, description="Pages read by OCR (1-based).")
    ocr_confidence: Optional[float] = Field(None, description="Mean OCR word confidence, 0-100.")
    encoding: Optional[str] = Field(
        None, description="Legacy encoding converted to Unicode (e.g. 'tcvn3', 'vni'), or null."
    )
    warnings: list[str] = Field(default_factory=list)


class SourceDocument(BaseModel):
    """A file read into blocks, before normalisation."""

    source: SourceInfo
    blocks: list[Block]
    raw_text: Optional[str] = Field(
        None, description="The decoded file text for text formats (txt, md, html); offsets refer to it."
    )


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------


class CellSpan(BaseModel):
    start: int
    end: int


class TextBlock(BaseModel):
    """A block placed in the normalised text: ``text[start:end]``."""

    index: int
    kind: BlockKind = "paragraph"
    start: int
    end: int
    cells: Optional[list[CellSpan]] = Field(None, description="Cell offsets in the normalised text.")
    header: Optional[list[str]] = None
    table_id: Optional[int] = None
    row_index: Optional[int] = None
    is_header_row: bool = False
    filled_cells: Optional[list[str]] = Field(
        None, description="Normalised cells with vertically merged values copied down (see Block.filled_cells)."
    )
    style: Optional[str] = None
    bold: bool = False
    centered: bool = False
    location: Location = Field(default_factory=Location)
    merged_from: list[int] = Field(
        default_factory=list, description="Indexes of source blocks joined into this one (page breaks)."
    )


class NormalizedDocument(BaseModel):
    """The one normalised text every later stage works on.

    Blocks are separated by a single newline; inside a block whitespace is
    collapsed to single spaces. A table row's cells are joined with " | ".
    ``offsets[i]`` is the raw-file offset of ``text[i]`` for text formats
    (None for PDF/DOCX, whose blocks carry page/box or paragraph/cell).
    """

    source: SourceInfo
    text: str
    blocks: list[TextBlock]
    offsets: Optional[list[int]] = None

    def block_text(self, block: TextBlock) -> str:
        return self.text[block.start : block.end]

    def block_at(self, offset: int) -> Optional[TextBlock]:
        """The block containing character ``offset`` (binary search)."""
        lo, hi = 0, len(self.blocks) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            b = self.blocks[mid]
            if offset < b.start:
                hi = mid - 1
            elif offset >= b.end + 1:  # +1: the newline after a block belongs to it
                lo = mid + 1
            else:
                return b
        return None

    def page_at(self, offset: int) -> Optional[int]:
        b = self.block_at(offset)
        return b.location.page if b else None


class NormalizedText(BaseModel):
    """Result of :func:`directive_nlp.normalize.normalize_text` on a bare string."""

    text: str
    offsets: list[int] = Field(description="Offset in the input string of each output character.")


# --------------------------------------------------------------------------
# Structure
# --------------------------------------------------------------------------


class Section(BaseModel):
    """One node of the section tree (``sections[]`` of the output)."""

    id: str = Field(description='Labels from the top down joined by ".", e.g. "II.1", "PL1.row5", "preamble".')
    number: Optional[str] = Field(None, description='The marker as written, e.g. "1.", "II-", "a)", "Điều 2".')
    heading: Optional[str] = None
    level: int = 0
    parent: Optional[str] = None
    kind: Optional[str] = Field(
        None, description="part|chapter|section|article|clause|point|roman|arabic|letter|appendix|table_row|preamble|closing"
    )
    start: Optional[int] = Field(None, description="Offset where the section starts in the normalised text.")
    end: Optional[int] = None


class BlockInfo(BaseModel):
    """What the structure parser says of one normalised block."""

    block: int
    section: str = Field(description="Id of the innermost section the block belongs to.")
    is_heading: bool = False
    continues_heading: bool = Field(
        False, description="The block is the rest of the heading of the block before it (a name broken by a line); "
        "the section's heading holds both.")
    marker: Optional[str] = Field(None, description='List/number marker at the start, e.g. "a)", "-", "+", "1.2."')
    marker_kind: Optional[str] = None
    content_start: int = Field(description="Offset (normalised text) where the content after the marker begins.")
    depth: int = Field(0, description="Nesting depth of bullets ('-' = 1, '+' = 2) inside the section.")
    zone: Optional[str] = Field(
        None,
        description="preamble | body | trailing (paragraphs closing the body after its last item; may hold "
        "tasks) | closing (recipients, signature, text after './.'; never tasks).",
    )


class DocumentStructure(BaseModel):
    sections: list[Section]
    blocks: list[BlockInfo]

    def section(self, section_id: str) -> Optional[Section]:
        for s in self.sections:
            if s.id == section_id:
                return s
        return None


# --------------------------------------------------------------------------
# Metadata (the ``document`` object of the output)
# --------------------------------------------------------------------------


class Signer(BaseModel):
    name: Optional[str] = None
    position: Optional[str] = None
    capacity: Optional[str] = Field(None, description="TM., KT., Q., TL., TUQ. as written, or null.")


class Reference(BaseModel):
    kind: Optional[str] = None
    number: Optional[str] = None
    date: Optional[str] = None
    issuer: Optional[str] = None
    text: str


class DocumentMeta(BaseModel):
    doc_type: Optional[str] = None
    number: Optional[str] = None
    issued_date: Optional[str] = None
    place: Optional[str] = None
    issuer: Optional[str] = None
    issuer_parent: Optional[str] = None
    province: Optional[str] = None
    title: Optional[str] = None
    signer: Optional[Signer] = None
    recipients: list[str] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)


# --------------------------------------------------------------------------
# Extraction output
# --------------------------------------------------------------------------


class Deadline(BaseModel):
    text: str
    kind: DeadlineKind
    date: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None
    frequency: Optional[Frequency] = None
    # The stated day (and month) of a recurring deadline: "hằng năm, trước ngày
    # 15 tháng 11" -> day 15, month 11; "hằng tháng, trước ngày 20" -> day 20.
    # `date` stays null for recurring deadlines. Added fields; docs/output-contract.md's names stay.
    day: Optional[int] = Field(None, ge=1, le=31, description="Stated day of month of a recurring deadline.")
    month: Optional[int] = Field(None, ge=1, le=12, description="Stated month of a yearly recurring deadline.")


class AgencyRef(BaseModel):
    name: str
    canonical: str
    role: Role = "lead"
    type: Optional[str] = Field(None, description="Kind of body (e.g. 'so', 'ubnd', 'party', 'group').")
    confidence: Optional[float] = Field(
        None, ge=0.0, le=1.0, description="Learned probability that this body is an actor of the task (null: rules only)."
    )


class Task(BaseModel):
    id: str
    section: str
    sentence: str
    task: str
    agencies: list[AgencyRef] = Field(default_factory=list)
    deadline: Optional[Deadline] = None
    report_to: list[str] = Field(default_factory=list)
    themes: list[str] = Field(default_factory=list)
    span: Optional[tuple[int, int]] = None
    page: Optional[int] = None
    rule: Optional[str] = Field(None, description="Which rule or layout produced the task (provenance).")
    confidence: Optional[float] = Field(
        None, ge=0.0, le=1.0, description="Learned probability that this candidate is a task (null: rules only)."
    )


class SectionOut(BaseModel):
    id: str
    number: Optional[str] = None
    heading: Optional[str] = None
    level: int = 0
    parent: Optional[str] = None
    text: Optional[str] = Field(None, description="A numbered item without a heading: its first line (at most 300 "
                                                  "characters), e.g. a review topic written as a noun phrase. "
                                                  "Written only when present.")

    @model_serializer(mode="wrap")
    def _drop_absent_text(self, handler):
        """Sections without ``text`` keep the five keys of the output contract."""
        data = handler(self)
        if isinstance(data, dict) and data.get("text") is None:
            data.pop("text", None)
        return data


class ExtractionResult(BaseModel):
    """One document's extraction: the JSON written by ``directive-nlp extract``."""

    schema_version: str = SCHEMA_VERSION
    source: SourceInfo
    document: DocumentMeta = Field(default_factory=DocumentMeta)
    sections: list[SectionOut] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Human-readable remarks, e.g. 'no tasks found'.")


# --------------------------------------------------------------------------
# Recogniser mentions (spans in the normalised text)
# --------------------------------------------------------------------------


class AgencyMention(BaseModel):
    """An agency name found in text: ``text[start:end] == name``."""

    start: int
    end: int
    name: str
    canonical: str
    type: Optional[str] = Field(
        None, description="party|ubnd|hdnd|so|police_military|judiciary|mass_org|central|enterprise|group|head|other"
    )
    rule: Optional[str] = Field(None, description="Gazetteer entry or pattern that matched (provenance).")


class DeadlineMention(BaseModel):
    """A deadline phrase found in text: ``text[start:end] == deadline.text``."""

    start: int
    end: int
    deadline: Deadline
    rule: Optional[str] = None
