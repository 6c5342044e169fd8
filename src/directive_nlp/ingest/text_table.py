"""A table flattened line by line in a text copied out of a PDF, rebuilt into its rows.

A PDF viewer's copy (pdfplumber's ``extract_text``) joins the words of one printed line
across every cell of a table, so a row whose cells wrap over several lines comes out
interleaved::

    TT Nội Cơ quan Cơ quan Thời gian
    dung/nhiệ chủ trì phối hợp thực hiện
    m vụ
    1 Tổ chức Ban Quản Sở Khoa Quý III
    điều chỉnh, lý các khu học và Năm 2026
    bổ sung công nghệ Công nghệ
    …

Each printed line is the concatenation of one piece (maybe empty) of every cell, in the
columns' order. A cell's text was wrapped greedily at its column's width: every piece but
the cell's last is *full* (the cell's next word would not have fitted), no piece is wider
than the column, and a cell that has ended does not resume. :func:`flattened_tables` finds
the table by its header (the first word names the number column, the header's words name
two columns more: layout.yaml ``table_columns``) and its rows by their numbers (1, 2, 3 … at
a line's start), then, for each number of columns, estimates the columns' widths (from the
printed width of the words, :func:`word_width`) and cuts every line of every row where the
wrapping constraints are best met (:func:`_split_row`, a shortest path over the lines). The
number of columns kept is the one whose header cells are all column names. The rows come
back as table rows, cells in the columns' order, for the table reader to take over; a table
whose lines cannot be cut within the constraints is left as it was.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache
from typing import Optional

from ..models import Block, Location
from .text_signature import joined_cell

#: at most this many lines of column names before the first row
HEADER_LINES = 5
#: the number of cells a row may have beside its number
MIN_COLUMNS, MAX_COLUMNS = 2, 5
#: candidate cuts kept per line (the cheapest; all those of the least cost)
CUTS_KEPT = 24
#: width estimation rounds
ROUNDS = 4
#: a line this much wider than every line of the table so far is text below the table
WIDER = 1.3
#: a header is set in bold, wider than the rows' text
HEADER_SCALE = 1.1
#: a header's piece may be this much (relative) wider than its column's estimate
HEADER_SLACK = 0.1
#: a column's name has at most this many words
NAME_WORDS = 8
#: at most this many cuts of a header's lines are tried
HEADER_CUTS = 200_000
#: the quantile of a column's full pieces taken for its width (rounded down)
FULL_QUANTILE = 0.9
#: the cost of cutting between two words the document writes together
PAIR_COST = 0.3
#: a rebuilt table is kept when its mean cost per line stays under this
MAX_LINE_COST = 0.5

_NUMBER_RE = re.compile(r"^(\d{1,3})$")
_ROMAN_RE = re.compile(r"^(?:[IVXLC]{1,5}|[A-H])\.?$")
#: a row's number: "3", "3." or, under a group row, "1.3", "5.1.2" (the groups' numbers first)
_ROW_NUMBER_RE = re.compile(r"^\d{1,3}(?:\.\d{1,3}){0,3}\.?$")
_WORD_RE = re.compile(r"\S+")
#: two spaces or more between words: columns padded apart (``pdftotext -layout``), not flattened
_PADDED_RE = re.compile(r"\S {2,}\S")


@lru_cache(maxsize=4096)
def word_width(word: str) -> float:
    """A word's printed width in thousandths of an em, by the metrics of a Times face (the
    usual face of these documents) on its letters without their diacritics."""
    from pdfminer.fontmetrics import FONT_METRICS

    widths = FONT_METRICS["Times-Roman"][1]
    base = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return float(sum(widths.get(ch, 500) for ch in base if not unicodedata.combining(ch)))


SPACE = word_width(" ") or 250.0


def _words(line: str, base: int) -> list[tuple[str, int, float]]:
    return [(m.group(), base + m.start(), word_width(m.group())) for m in _WORD_RE.finditer(line)]


def _seg_width(words) -> float:
    return sum(w for _, _, w in words) + SPACE * max(0, len(words) - 1)


@lru_cache(maxsize=1)
def _column_patterns():
    from ..tasks.layout_vocab import layout_vocab

    return layout_vocab().columns


def _roles_in(text: str) -> set[str]:
    return {role for role, pat in _column_patterns() if role != "number" and pat.search(" ".join(text.split()))}


def _is_number_header(word: str) -> bool:
    number = dict(_column_patterns())["number"]
    return bool(number.search(word.strip(".:").lower()))


def _header(lines: list[str], start: int, skip: set[int]) -> Optional[list[int]]:
    """The header lines opened at ``start`` (a line whose first word names the number column
    and whose lines, to the first row, name two more columns), or None."""
    first = lines[start].split()
    if len(first) < 3 or not _is_number_header(first[0]):
        return None
    used = [start]
    for i in range(start + 1, min(len(lines), start + 1 + HEADER_LINES)):
        words = lines[i].split()
        if i in skip or not words:
            continue
        if len(words) > 1 and (_follows(words[0], None) or _ROMAN_RE.match(words[0]) and words[0][0] in "IA"):
            text = " ".join(lines[j] for j in used)
            return used if len(_roles_in(text)) >= 2 else None
        used.append(i)
    return None


def _rows(lines: list[str], after: int, skip: set[int], starts: list[int], header: list[int] = ()):
    """The rows below a header: (number, [line numbers]) from "1 …" on, a row per number in
    sequence (a Roman numeral opens a group row); lone numbers (page numbers) and page breaks
    are skipped (the numbers restart after a group row); the table ends at a blank line or,
    past its second numbered row, at a line ``WIDER`` than every line of the table so far."""
    rows: list[tuple[str, list[int]]] = []
    last, numbered, widest = None, 0, 0.0
    repeated = _repeated_header(lines, list(header))
    for i in range(after, len(lines)):
        body = lines[i].strip().lstrip("\f")
        words = body.split()
        if i in skip or i in repeated or len(words) == 1 and _NUMBER_RE.match(words[0]):
            continue
        if not words:
            if "\f" in lines[i]:
                continue
            break
        width = _seg_width(_words(body, 0))
        opens = len(words) > 1 and (_follows(words[0], last) or bool(_ROMAN_RE.match(words[0])))
        if numbered >= 2 and not opens and width > WIDER * widest:
            break
        widest = max(widest, width)
        if opens:
            rows.append((words[0], [i]))
            last = _number(words[0])  # None after a group row: the numbers restart
            numbered += last is not None
        elif not rows:
            break
        else:
            rows[-1][1].append(i)
    return rows if numbered >= 2 else []


def _number(word: str) -> Optional[tuple[int, ...]]:
    """A row number's parts ("5.1.2" → (5, 1, 2)), or None."""
    return tuple(int(p) for p in word.rstrip(".").split(".")) if _ROW_NUMBER_RE.match(word) else None


def _follows(word: str, last: Optional[tuple[int, ...]]) -> bool:
    """Whether ``word`` numbers the row after the row numbered ``last`` (None: the first row, or
    the first under a group row): "1" or a number ending in 1 ("1.1", "5.1") first, then the
    next number at the same level or one above ("3" → "4"; "5.1.5" → "5.1.6", "5.2", "6") or the
    first one level below ("5.1" → "5.1.1")."""
    parts = _number(word)
    if parts is None:
        return False
    if last is None:
        return parts[-1] == 1
    return parts == last + (1,) or any(parts == last[:j] + (last[j] + 1,) for j in range(len(last)))


def _repeated_header(lines: list[str], used: list[int]) -> set[int]:
    """The lines below the header (lines ``used``) that repeat it (a table printed over several
    pages repeats its header row on each page): runs of lines equal, one for one, to its lines."""
    header = [lines[i].strip().lstrip("\f").strip() for i in used]
    after = used[-1] + 1 if used else len(lines)
    out: set[int] = set()
    if not header:
        return out
    first = header[0]
    for i in range(after, len(lines)):
        if lines[i].strip().lstrip("\f").strip() != first:
            continue
        run = [j for j in range(i, min(len(lines), i + len(header)))
               if lines[j].strip().lstrip("\f").strip() == header[j - i]]
        if len(run) == len(header):
            out.update(run)
    return out


def _key(word: str) -> str:
    return word.strip(",;.:()\"'").lower()


def _pairs(lines: list[str]) -> frozenset:
    """The pairs of consecutive words of ``lines`` (the document's text around a table), no
    punctuation between them: a pair the document writes elsewhere is one phrase, seldom cut
    between two cells."""
    out = set()
    for line in lines:
        words = line.split()
        out.update((_key(a), _key(b)) for a, b in zip(words, words[1:]) if a[-1:] not in ",;.:")
    return frozenset(out)


def _phrase(a: str, b: str, pairs: frozenset) -> Optional[bool]:
    """Whether the document writes ``a b`` together (True), never (False), or there is no telling:
    after a punctuation mark anything may follow (None)."""
    if a[-1:] in ",;.:":
        return None
    return (_key(a), _key(b)) in pairs


def _candidates(words, k: int, W: list[float], pairs: frozenset):
    """The cuts of one line into ``k`` pieces, cheapest first: (cost, pieces). A piece wider than
    its column costs its overflow; a cut between two words the document writes together costs
    ``PAIR_COST``. Two words the document never writes together cost nothing for being left in
    one piece: its prose is short beside a table's vocabulary ("có liên quan", "trồng trọt"),
    and that penalty moved a cell's short words into the next column."""
    n = len(words)
    out = []
    for cut in itertools.combinations_with_replacement(range(n + 1), k - 1):
        bounds = (0,) + cut + (n,)
        pieces = [words[bounds[c]:bounds[c + 1]] for c in range(k)]
        cost = sum(max(0.0, _seg_width(p) - W[c]) / W[c] for c, p in enumerate(pieces))
        cost += PAIR_COST * sum(1 for b in set(cut) if 0 < b < n and _phrase(words[b - 1][0], words[b][0], pairs))
        out.append((cost, pieces))
    out.sort(key=lambda x: x[0])
    return out[:max(CUTS_KEPT, sum(1 for c, _ in out if c <= out[0][0]))]


def _step(prev, cur, W: list[float], pairs: frozenset) -> float:
    """The cost of ``cur``'s pieces following ``prev``'s: a cell resuming is impossible; a piece
    whose cell goes on must be full (the cell's next word would not have fitted), and its last
    word and the next piece's first are written together elsewhere or cost ``PAIR_COST``."""
    cost = 0.0
    for c, (p, q) in enumerate(zip(prev, cur)):
        if q and not p:
            return float("inf")
        if p and q:
            gap = W[c] - (_seg_width(p) + SPACE + q[0][2])
            cost += max(0.0, gap) / W[c]
            cost += PAIR_COST if _phrase(p[-1][0], q[0][0], pairs) is False else 0.0
    return cost


def _split_row(line_words: list, k: int, W: list[float], pairs: frozenset, first: Optional[list] = None):
    """The cheapest cut of every line of a row into ``k`` pieces (the first line's given as
    ``first``, if known): (cost, pieces per line)."""
    layer = [(0.0, [first])] if first else [(c, [p]) for c, p in _candidates(line_words[0], k, W, pairs)]
    for words in line_words[1:]:
        nxt = []
        for cost, pieces in _candidates(words, k, W, pairs):
            best = min(((pc + _step(path[-1], pieces, W, pairs), path) for pc, path in layer), key=lambda x: x[0])
            nxt.append((best[0] + cost, best[1] + [pieces]))
        layer = nxt
    return min(layer, key=lambda x: x[0])


def _widths(cut, W: list[float]) -> list[float]:
    """Each column's width re-estimated from the pieces a cut gave: the ``FULL_QUANTILE`` of the
    widths of its full pieces (those its cell goes on after), robust to a few wrong cuts."""
    full: list[list[float]] = [[] for _ in W]
    for _, lines in cut:
        for c in range(len(W)):
            pieces = [line[c] for line in lines if line[c]]
            full[c].extend(_seg_width(p) for p in pieces[:-1])
    return [_quantile(full[c]) or W[c] for c in range(len(W))]


def _quantile(widths: list[float]) -> float:
    if not widths:
        return 0.0
    return sorted(widths)[int(FULL_QUANTILE * (len(widths) - 1))]


def _fit(blocks: list[list], k: int, pairs: frozenset):
    """Column widths for ``k`` cells estimated in ``ROUNDS`` rounds (from one piece's widest
    word each, then :func:`_widths` of the cut found), and the rows cut with them: (mean cost
    per line, widths, cut rows)."""
    widest = max(w for block in blocks for line in block for _, _, w in line)
    W = [widest] * k
    cut = []
    for _ in range(ROUNDS):
        cut = [_split_row(block, k, W, pairs) for block in blocks]
        W = _widths(cut, W)
    cost = sum(c for c, _ in cut) / max(1, sum(len(b) for b in blocks))
    return cost, W, cut


def _row_block(number: tuple[str, int], cells: list[list], lines_used: list[int], starts, lines, index: int,
               header: bool = False) -> Block:
    texts, maps = [number[0]], [list(range(number[1], number[1] + len(number[0])))]
    for words in cells:
        text, cmap = joined_cell((t, off) for t, off, _ in words)
        texts.append(text)
        maps.append(cmap)
    last = lines_used[-1]
    return Block(kind="table_row", text=" | ".join(texts), cells=texts, cell_char_maps=maps, row_index=index,
                 is_header_row=header,
                 location=Location(paragraph=lines_used[0], row=index, raw_start=starts[lines_used[0]],
                                   raw_end=starts[last] + len(lines[last].rstrip("\r\n"))))


def _line_words(lines, starts, used: list[int]) -> tuple[tuple[str, int], list]:
    """The first word (the row's number) and the words of each line after it."""
    out = []
    for i in used:
        body = lines[i].rstrip("\r\n")
        lead = len(body) - len(body.lstrip("\f"))
        out.append(_words(body[lead:], starts[i] + lead))
    first = out[0][0]
    out[0] = out[0][1:]
    return (first[0], first[1]), [w for w in out if w]


def _capital_pieces(words: list) -> list[list]:
    """The first line of a header cut before each word in capitals ("Nội | Cơ quan | Cơ quan |
    Thời gian": every column name starts with a capital, its first line holds each name's first
    words); none when the line is all in capitals."""
    if all(t.isupper() or not t.isalpha() for t, _, _ in words):
        return []
    pieces: list[list] = []
    for word in words:
        if word[0][:1].isupper() or not pieces:
            pieces.append([])
        pieces[-1].append(word)
    return pieces


def _all_cuts(words, k: int) -> list[list]:
    n = len(words)
    return [[words[x:y] for x, y in zip((0,) + cut, cut + (n,))]
            for cut in itertools.combinations_with_replacement(range(n + 1), k - 1)]


def _header_cut(head_words: list, k: int, W: Optional[list[float]], pairs: frozenset = frozenset()):
    """The header's lines cut into ``k`` column names, or None: the first line before each
    capital when that gives ``k`` pieces (else every cut of it), every later line cut so that
    every cell names a column of its own role (layout.yaml ``table_columns``); among those, the
    cut with the fewest pieces wider than their column (``W``, ``HEADER_SCALE`` wider: bold, by
    more than ``HEADER_SLACK``), then the fewest cells naming two roles ("Cơ quan chủ trì phối
    hợp" is two names run together), then the most cells that are a whole label of layout.yaml
    ("Thời gian hoàn thành", "Sản phẩm đầu ra", "Cơ quan chủ trì", never "Cơ quan chủ trì đầu
    ra"), then whose cells go on over the lines by the fewest pairs of
    words the document never writes together, then the least overflowing."""
    first = _capital_pieces(head_words[0])
    options = [[first] if len(first) == k else _all_cuts(head_words[0], k)]
    options += [_all_cuts(words, k) for words in head_words[1:]]
    if _product_size(options) > HEADER_CUTS:
        return None
    widths = [HEADER_SCALE * w for w in W] if W else None
    best = None
    for path in itertools.product(*options):
        if any(q and not p for prev, cur in zip(path, path[1:]) for p, q in zip(prev, cur)):
            continue
        if not _names_columns([" ".join(t for t, _, _ in piece) for piece in _cells(list(path))]):
            continue
        over = [_seg_width(p) / widths[c] - 1 for line in path for c, p in enumerate(line)] if widths else [0.0]
        odd = sum(1 for prev, cur in zip(path, path[1:]) for p, q in zip(prev, cur)
                  if p and q and (_key(p[-1][0]), _key(q[0][0])) not in pairs)
        mixed = sum(1 for piece in _cells(list(path)) if len(_roles_in(" ".join(t for t, _, _ in piece))) > 1)
        partial = sum(1 for piece in _cells(list(path)) if not _whole_label(" ".join(t for t, _, _ in piece)))
        key = (sum(1 for o in over if o > HEADER_SLACK), mixed, partial, odd, sum(o for o in over if o > 0))
        if best is None or key < best[0]:
            best = (key, list(path))
    return best[1] if best else None


def _names_columns(cells: list[str]) -> bool:
    """Whether every header cell names a column of a role of its own, as the table reader
    (tasks/tables.py ``column_roles``) will read them: at most ``NAME_WORDS`` words, no ";", no
    final colon."""
    from ..tasks.tables import column_roles

    if any(len(c.split()) > NAME_WORDS or ";" in c or c.rstrip().endswith(":") for c in cells):
        return False  # a sentence, not a column's name
    named = [c for c in cells if not _other_column(c)]
    return len(named) >= 2 and all(_roles_in(c) for c in named) and len(set(column_roles(named).values())) == len(named)


def _whole_label(cell: str) -> bool:
    """Whether a header cell is, whole, a label of layout.yaml (what the labelled-block reader
    takes before a colon: a time, content, other label or a body's role, "Cơ quan chủ trì")."""
    from ..tasks.layout_vocab import layout_vocab

    text = " ".join(cell.split()) + ":"
    m = layout_vocab().label.match(text)
    return bool(m) and m.end() == len(text)


def _other_column(cell: str) -> bool:
    """Whether a header cell names a column the table reader leaves aside (layout.yaml
    ``ignore_labels``: "Sản phẩm đầu ra", "Kết quả dự kiến", "Kinh phí", "Ghi chú"): a task table
    often carries one beside its task, lead, partner and time columns."""
    from ..tasks.layout_vocab import layout_vocab

    return bool(layout_vocab().ignore_label.search(" ".join(cell.split())))


def _product_size(options: list[list]) -> int:
    size = 1
    for o in options:
        size *= len(o)
    return size


def _table_at(lines, start, skip, starts) -> Optional[tuple[list[int], list[Block]]]:
    """The table whose header opens at line ``start``, rebuilt, or None (see the module's doc)."""
    header = _header(lines, start, skip)
    rows = _rows(lines, header[-1] + 1, skip, starts, header) if header else []
    if not rows or any(_PADDED_RE.search(lines[i]) for i in header):
        return None  # a header whose columns keep their padding is a padded table, not a flattened one
    head_number, head_words = _line_words(lines, starts, header)
    # the most columns whose names the header's words make, each of a role of its own
    k = next((k for k in range(MAX_COLUMNS, MIN_COLUMNS - 1, -1) if _header_cut(head_words, k, None)), None)
    if k is None:
        return None
    parts = [_line_words(lines, starts, used) for _, used in rows]
    pairs = _pairs(lines[:start] + lines[rows[-1][1][-1] + 1:])
    numbered = [w for (number, _), (_, w) in zip(rows, parts) if not _ROMAN_RE.match(number)]
    cost, W, cut = _fit(numbered, k, pairs)
    if cost > MAX_LINE_COST:
        return None
    blocks = [_row_block(head_number, _cells(_header_cut(head_words, k, W, pairs)), header, starts, lines, 0,
                         header=True)]
    cut = iter(cut)
    for r, ((number, used), (num, words)) in enumerate(zip(rows, parts), start=1):
        # a group row ("I", "II" …) is one cell merged across the table
        cells = [list(itertools.chain(*words))] if _ROMAN_RE.match(number) else _cells(next(cut)[1])
        blocks.append(_row_block(num, cells, used, starts, lines, r))
    return header + [i for _, used in rows for i in used], blocks


def _cells(line_pieces: list) -> list[list]:
    """A row's cells: each column's pieces over the lines, in order."""
    return [list(itertools.chain(*(line[c] for line in line_pieces))) for c in range(len(line_pieces[0]))]


def flattened_tables(lines: list[str], skip: set[int]) -> list[tuple[list[int], list[Block]]]:
    """Every table of a PDF's text copy whose rows were flattened line by line, rebuilt: for each,
    the line numbers it used and its rows (the header first). Text whose lines carry TABs (a
    Word copy keeps its cells apart) has none."""
    if any("\t" in line for line in lines):
        return []
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line)
    found, i = [], 0
    while i < len(lines):
        table = None if i in skip else _table_at(lines, i, skip, starts)
        if table:
            found.append(table)
            i = max(table[0]) + 1
        else:
            i += 1
    return found
