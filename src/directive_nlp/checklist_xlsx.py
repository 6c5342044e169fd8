"""The Excel checklist, laid out to print on A4.

A clerk tracks progress in the workbook and prints it for a meeting, often
from LibreOffice. Without help a wrapped cell keeps the default row height
(its text then runs over the next rows in print) and a wide sheet is cut at
the page edge. So every sheet here gets:

* column widths that add up to about one landscape A4 page at a readable
  size, and "fit to one page wide" (as many pages long as needed);
* wrapped text in every cell and a row height computed from the wrapped
  text (a greedy word wrap at a conservative characters-per-width, so a
  wider fallback font still fits: the rows may be a little tall, never
  overlapping);
* landscape A4, the header row repeated on every printed page, small
  margins and the page number in the footer.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import TYPE_CHECKING, Iterable, Optional

if TYPE_CHECKING:  # pragma: no cover
    from openpyxl.worksheet.worksheet import Worksheet

    from .checklist import Checklist, ChecklistGroup

FONT = "Times New Roman"
SIZE = 11
#: characters of an 11-point font that fit in one unit of column width; kept
#: low so that a wider substitute font (DejaVu where Times is missing) fits
CHARS_PER_UNIT = 0.9
#: printed line height per point of font size (font ascent+descent and leading)
LINE_FACTOR = 1.22
#: columns of a task sheet (units of the width of "0"): 130 units, printed
#: at about 100 % on landscape A4 where the default font is Calibri and at
#: about 80 % where LibreOffice substitutes a wider one
TASK_WIDTHS = [4, 14, 7, 31, 6, 13, 10, 8, 14, 9, 9, 9, 5]
SUMMARY_WIDTHS = [26, 34, 50, 20]
INDEX_WIDTHS = [26, 56, 8, 8, 8]


def text_lines(value: object, width: float, size: float = SIZE, bold: bool = False) -> int:
    """Printed lines of ``value`` wrapped in a column ``width`` units wide."""
    if value is None or value == "":
        return 1
    if isinstance(value, (date, datetime)):
        return 1
    per_line = max(1, int(width * CHARS_PER_UNIT * SIZE / size * (0.92 if bold else 1.0)))
    lines = 0
    for para in str(value).split("\n"):
        used = 0
        lines += 1
        for word in para.split():
            n = len(word)
            if used and used + 1 + n > per_line:
                lines += 1
                used = 0
            while n > per_line:  # a word longer than the column breaks anywhere
                lines += 1
                n -= per_line
            used = used + 1 + n if used else n
    return lines


def fit_rows(ws: "Worksheet", widths: list[float], first: int = 1, last: Optional[int] = None) -> None:
    """Row heights from the wrapped text of each row (merged cells span
    the widths of their columns)."""
    spans = {}
    for rng in ws.merged_cells.ranges:
        spans[(rng.min_row, rng.min_col)] = sum(widths[c - 1] for c in range(rng.min_col, rng.max_col + 1)
                                                if c - 1 < len(widths))
    last = last or ws.max_row
    for r in range(first, last + 1):
        height = 0.0
        for c, w in enumerate(widths, 1):
            cell = ws.cell(r, c)
            size = cell.font.sz or SIZE
            lines = text_lines(cell.value, spans.get((r, c), w), size, bool(cell.font.b))
            height = max(height, lines * size * LINE_FACTOR + 4)
        ws.row_dimensions[r].height = round(min(height, 409), 1)  # 409 pt: the spreadsheet maximum


def print_setup(ws: "Worksheet", widths: list[float], *, title_rows: Optional[str] = None) -> None:
    """Column widths, landscape A4, one page wide, header rows repeated."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins

    for j, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(j)].width = w
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.5, right=0.4, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "&P / &N"
    if title_rows:
        ws.print_title_rows = title_rows


class Styles:
    """The few cell styles of the workbook (one object each, as openpyxl likes)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.plain = Font(name=FONT, size=SIZE)
        self.bold = Font(name=FONT, size=SIZE, bold=True)
        self.italic = Font(name=FONT, size=SIZE, italic=True)
        self.title = Font(name=FONT, size=14, bold=True)
        self.link = Font(name=FONT, size=SIZE, underline="single", color="0563C1")
        self.past_font = Font(name=FONT, size=SIZE, bold=True, color="9C0006")
        self.head_fill = PatternFill("solid", fgColor="D9E2F3")
        self.past_fill = PatternFill("solid", fgColor="F8D7DA")
        self.flag_fill = PatternFill("solid", fgColor="FFF3CD")
        thin = Side(style="thin", color="999999")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.head = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _put(ws, row: int, col: int, value, font, *, fill=None, align=None, border=None):
    from .checklist import sheet_text

    c = ws.cell(row, col, sheet_text(value))
    c.font = font
    if fill is not None:
        c.fill = fill
    if align is not None:
        c.alignment = align
    if border is not None:
        c.border = border
    return c


def _header(ws, row: int, labels: Iterable[str], st: Styles) -> None:
    for j, h in enumerate(labels, 1):
        _put(ws, row, j, h, st.bold, fill=st.head_fill, align=st.head, border=st.border)


def _summary_sheet(ws, cl: "Checklist", st: Styles) -> None:
    from .checklist import _doc_label, _summary_pairs, format_date

    L, s = cl.labels(), cl.summary
    ws.title = L["summary"]
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=4)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=4)
    _put(ws, 1, 1, L["title"], st.title, align=st.wrap)
    _put(ws, 2, 1, L["attached"].format(doc=_doc_label(s, cl.lang)), st.italic, align=st.wrap)
    r = 3
    for k, v in _summary_pairs(cl):
        r += 1
        ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=4)
        _put(ws, r, 1, k, st.bold, align=st.wrap)
        _put(ws, r, 2, v, st.plain, align=st.wrap)
    r += 2
    _put(ws, r, 1, L["counts"], st.bold, align=st.wrap)
    _header(ws, r + 1, [L["agency"], L["lead"], L["support"], L["total"]], st)
    r += 1
    for c in s.counts:
        r += 1
        fill = st.flag_fill if c.unassigned else None
        for j, v in enumerate((c.agency, c.lead, c.support, c.total), 1):
            _put(ws, r, j, v, st.plain, fill=fill, align=st.wrap, border=st.border)
    r += 2
    _put(ws, r, 1, L["next_deadlines"], st.bold, align=st.wrap)
    if not s.next_deadlines:
        ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=4)
        _put(ws, r + 1, 1, L["no_next"].format(as_of=format_date(s.as_of)), st.plain, align=st.wrap)
    else:
        _header(ws, r + 1, [L["due"], L["agency"], L["task"], L["deadline_text"]], st)
        r += 1
        for u in s.next_deadlines:
            r += 1
            _put(ws, r, 1, u.due, st.plain, align=st.wrap, border=st.border).number_format = "DD/MM/YYYY"
            for j, v in enumerate((", ".join(u.agencies) or L["unassigned"], u.task, u.deadline_text), 2):
                _put(ws, r, j, v, st.plain, align=st.wrap, border=st.border)
    print_setup(ws, SUMMARY_WIDTHS)
    fit_rows(ws, SUMMARY_WIDTHS)


def _index_sheet(wb, cl: "Checklist", names: list[str], st: Styles) -> None:
    L = cl.labels()
    idx = wb.create_sheet(L["index"])
    _header(idx, 1, [L["sheet"], L["full_name"], L["lead"], L["support"], L["total"]], st)
    for i, (g, sn) in enumerate(zip(cl.groups, names), 2):
        c = idx.cell(i, 1, sn)
        c.hyperlink = f"#'{sn}'!A1"
        c.style = "Hyperlink"  # first: a named style resets font, alignment and border
        c.font, c.alignment, c.border = st.link, st.wrap, st.border
        fill = st.flag_fill if g.unassigned else None
        _put(idx, i, 2, g.agency, st.plain, fill=fill, align=st.wrap, border=st.border)
        for j, v in enumerate((g.lead, g.support, len(g.items)), 3):
            _put(idx, i, j, v, st.plain, align=st.wrap, border=st.border)
    idx.freeze_panes = "A2"
    print_setup(idx, INDEX_WIDTHS, title_rows="1:1")
    fit_rows(idx, INDEX_WIDTHS)


def _status_choices(sh, cl: "Checklist", col: int, last: int, has_rows: bool) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from .checklist import STATUS_CHOICES

    L, choices = cl.labels(), STATUS_CHOICES[cl.lang]
    dv = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
    dv.error = dv.prompt = " / ".join(choices)
    dv.errorTitle = dv.promptTitle = L["status"]
    letter = get_column_letter(col)
    dv.add(f"{letter}2:{letter}{max(last, 1000 if has_rows else 2)}")
    sh.add_data_validation(dv)


def _task_sheet(wb, title: str, groups: list["ChecklistGroup"], cl: "Checklist", st: Styles) -> None:
    from openpyxl.utils import get_column_letter

    from .checklist import _flat_header, _flat_row

    L = cl.labels()
    header = _flat_header(L)
    due_col = header.index(L["due"]) + 1
    sh = wb.create_sheet(title)
    _header(sh, 1, header, st)
    n = 0
    for g in groups:
        for it in g.items:
            n += 1
            for j, v in enumerate(_flat_row(n, g, it, cl), 1):
                _put(sh, n + 1, j, v, st.plain, align=st.wrap, border=st.border)
            due = sh.cell(n + 1, due_col)
            due.number_format = "DD/MM/YYYY"
            if it.past:
                due.fill, due.font = st.past_fill, st.past_font
            if g.unassigned:
                sh.cell(n + 1, 2).fill = st.flag_fill
    sh.freeze_panes = "A2"
    last = max(n + 1, 2)
    sh.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last}"
    _status_choices(sh, cl, header.index(L["status"]) + 1, last, bool(n))
    print_setup(sh, TASK_WIDTHS, title_rows="1:1")
    fit_rows(sh, TASK_WIDTHS)


def to_xlsx(cl: "Checklist") -> bytes:
    """A workbook a clerk works in and prints.

    Sheets: summary, index (sheet name → full agency name, with links), all
    rows, then one sheet per agency. Every task sheet has one row per task
    and agency, a frozen header, filters, a status drop-down, real dates
    (dd/mm/yyyy) and dates before ``as_of`` filled in red.
    """
    from openpyxl import Workbook

    from .checklist import sheet_names

    L = cl.labels()
    st = Styles()
    wb = Workbook()
    _summary_sheet(wb.active, cl, st)
    names = sheet_names([g.agency for g in cl.groups], reserved=(L["summary"], L["index"], L["all"]))
    _index_sheet(wb, cl, names, st)
    _task_sheet(wb, L["all"], cl.groups, cl, st)
    for g, sn in zip(cl.groups, names):
        _task_sheet(wb, sn, [g], cl, st)
    wb.properties.creator = "directive-nlp"
    fixed = datetime(cl.as_of.year, cl.as_of.month, cl.as_of.day)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


__all__ = ["fit_rows", "print_setup", "text_lines", "to_xlsx"]
