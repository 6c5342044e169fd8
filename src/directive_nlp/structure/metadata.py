"""Document metadata: the ``document`` object of ``docs/output-contract.md``.

Vietnamese administrative documents follow a fixed layout (Nghị định
30/2020/NĐ-CP for the state, Hướng dẫn 36-HD/VPTW for the Party):

* a header, usually a two-column table: the issuing body on the left
  ("ỦY BAN NHÂN DÂN / TỈNH QUẢNG NGÃI", "TỈNH ỦY LẠNG SƠN / BAN THƯỜNG VỤ"),
  the national motto or "ĐẢNG CỘNG SẢN VIỆT NAM" on the right; below them the
  number and symbol ("Số: 1627/QĐ-UBND", "Số 39-CTr/TU") and the place and
  date ("Quảng Ngãi, ngày 21 tháng 11 năm 2025");
* the type in capitals ("KẾ HOẠCH") and the summary (trích yếu);
* at the end the recipients ("Nơi nhận:") beside the signature: capacity
  (TM., KT., Q., TL.), post in capitals and the signer's name. A letter
  (công văn) names its addressees after "Kính gửi:".

Every field is read from that layout, from whatever reader made the
:class:`NormalizedDocument` (Markdown, PDF, DOCX, HTML): table rows are read
cell by cell, paragraphs as they come. A field the text does not give is
None, never guessed: a document without a header has no number or date even
when its body cites other numbers; those go to ``references``.

Rule words (document types, capacity words, posts, body heads) are data in
``resources/vi/doc_types.yaml`` and ``resources/vi/meta_rules.yaml``.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional


from ..models import DocumentMeta, DocumentStructure, NormalizedDocument, Reference, Signer
from ..normalize import match_key, tone_key
from ..provinces import canonical_province, find_province, province_data, province_mentions
from ..vocab import load_vocabulary

# --------------------------------------------------------------------------
# Rule data
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class DocType:
    name: str
    codes: tuple[str, ...]
    heading: bool


@dataclass(frozen=True)
class MetaRules:
    doc_types: tuple[DocType, ...]
    capacities: tuple[str, ...]
    positions: tuple[str, ...]
    bodies: tuple[str, ...]
    party_sub_bodies: tuple[str, ...]
    party_committees: tuple[str, ...]
    central_markers: tuple[str, ...]
    proper_words: tuple[str, ...]
    unit_words: tuple[str, ...]
    motto: tuple[str, ...]
    recipients_markers: tuple[str, ...]
    addressee_markers: tuple[str, ...]
    recipient_drop: tuple[str, ...]
    body_openers: tuple[str, ...]
    body_opener_words: tuple[str, ...]
    body_opener_before_number: tuple[str, ...]
    section_words: tuple[str, ...]
    article_words: tuple[str, ...]
    authority_lines: tuple[str, ...]
    signed_marks: tuple[str, ...]
    recipient_notes: tuple[str, ...]
    state_actor_committees: tuple[str, ...]
    state_actor_councils: tuple[str, ...]
    state_actor_levels: tuple[str, ...]
    state_actor_verbs: tuple[str, ...]
    number_labels: tuple[str, ...]
    of_words: tuple[str, ...]
    surnames: tuple[str, ...]
    abbreviations: tuple[tuple[str, str], ...] = ()


_LIST_KEYS = ("capacities", "positions", "bodies", "party_sub_bodies", "party_committees", "central_markers",
              "proper_words", "unit_words", "motto", "recipients_markers", "addressee_markers", "recipient_drop",
              "body_openers", "body_opener_words", "body_opener_before_number", "section_words", "article_words",
              "authority_lines",
              "signed_marks", "recipient_notes", "state_actor_committees", "state_actor_councils",
              "state_actor_levels", "state_actor_verbs", "number_labels", "of_words", "surnames")


@lru_cache(maxsize=1)
def load_rules() -> MetaRules:
    """Load the metadata rule files through the validated loader (cached)."""
    dt = load_vocabulary("doc_types.yaml", required={"types": list})
    r = load_vocabulary("meta_rules.yaml", required={k: list for k in _LIST_KEYS}, optional={"abbreviations": dict})
    types = tuple(
        DocType(t["name"], tuple(t.get("codes") or ()), bool(t.get("heading", True))) for t in dt["types"]
    )
    return MetaRules(
        doc_types=types,
        **{k: tuple(r[k]) for k in _LIST_KEYS},
        abbreviations=tuple((k, v) for k, v in (r.get("abbreviations") or {}).items()),
    )


# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------

def _letter_class(upper: bool) -> str:
    """Regex class of the Latin letters (Vietnamese included) of one case;
    a plain range like "À-Ỹ" would mix both cases."""
    chars = [
        chr(c)
        for rng in ((0x41, 0x5B), (0x61, 0x7B), (0xC0, 0x250), (0x1E00, 0x1F00))
        for c in range(*rng)
        if chr(c).isalpha() and (chr(c).isupper() if upper else chr(c).islower())
    ]
    return "".join(re.escape(c) for c in chars)


_UP = _letter_class(True)
_LOW = _letter_class(False)


def _is_upper_word(w: str) -> bool:
    letters = [c for c in w if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _mostly_upper(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _is_title_word(w: str) -> bool:
    return len(w) >= 1 and w[0].isupper() and w[0].isalpha() and (len(w) == 1 or w[1:].islower()) and w.isalpha()


_RULE_RUN = re.compile(r"-{3,}|_{3,}|={3,}")


def _clean(s: str) -> str:
    s = s.replace("*", " ").replace("\\", "")
    if "---" in s or "___" in s or "===" in s:  # the only places the rule-line pattern can match
        s = _RULE_RUN.sub(" ", s)
    return " ".join(s.split()).strip()


def _iso(day: str, month: str, year: str) -> Optional[str]:
    try:
        y = int(year)
        if y < 100:
            y += 2000
        return _dt.date(y, int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


_DATE_NUM = r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})"
_DATE_WORDS = r"(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s+năm\s+(\d{4})"
_DATE_RE = re.compile(rf"(?:{_DATE_NUM}|{_DATE_WORDS})")


def _date_from(m: re.Match, first_group: int = 1) -> Optional[str]:
    g = m.groups()[first_group - 1 : first_group + 5]
    if g[0] is not None:
        return _iso(g[0], g[1], g[2])
    return _iso(g[3], g[4], g[5])


# number and symbol: "1627/QĐ-UBND", "39-CTr/TU", "10/2022/TT-BLĐTBXH", "71/NQ -CP", "10- CTr/TU"
_NUMBER = r"\d{1,5}(?:\.\d{1,3})?[a-z]?(?:(?:[/\-–]|\s[/\-–](?=\S)|[/\-–]\s(?=\S))[0-9A-Za-zĐđƯư&.]*[A-Za-zĐđ0-9])+"


def normalize_number(num: str) -> str:
    """Remove the spaces converters leave inside a symbol ("10- CTr/TU" -> "10-CTr/TU")."""
    n = re.sub(r"\s+", "", num).replace("–", "-").rstrip(".,;:")
    return n


def _has_letters(num: str) -> bool:
    return any(c.isalpha() for c in num)


def type_code(number: str) -> Optional[str]:
    """The type code inside a number/symbol: "1627/QĐ-UBND" -> "QĐ",
    "39-CTr/TU" -> "CTr", "10/2022/TT-BLĐTBXH" -> "TT", "123/UBND-VP" -> None
    (a state công văn carries the issuer, not a type)."""
    n = normalize_number(number)
    parts = n.split("/")
    if len(parts) >= 2 and "-" in parts[0]:  # party style: 39-CTr/TU
        return parts[0].split("-", 1)[1] or None
    rest = [p for p in parts[1:] if not p.isdigit()]
    if rest and "-" in rest[0]:  # state style: 1627/QĐ-UBND
        return rest[0].split("-", 1)[0] or None
    return None


def _type_for_code(code: Optional[str]) -> Optional[str]:
    if not code:
        return None
    for t in load_rules().doc_types:
        if code in t.codes:
            return t.name
    return None


# --------------------------------------------------------------------------
# Name casing: "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" -> "Ủy ban nhân dân tỉnh Quảng Ngãi"
# --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _casing_table() -> list[tuple[re.Pattern, str]]:
    r = load_rules()
    phrases = set(r.bodies) | set(r.proper_words) | set(r.positions)
    out = []
    for p in sorted(phrases, key=len, reverse=True):
        out.append((re.compile(r"(?<![\w])" + re.escape(p.lower()) + r"(?![\w])"), p))
    return out


@lru_cache(maxsize=1)
def _province_lower_re() -> tuple[re.Pattern, dict[str, str]]:
    d = province_data()
    names = {n.lower(): n for n in set(d.old) | set(d.new)}
    alts = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w])"), names


_HEADS_NEXT_CAP = ("sở", "bộ", "cục", "chi cục", "tổng cục", "vụ", "viện", "trung tâm", "ban", "phòng", "văn phòng", "học viện", "trường")


def case_name(text: str) -> str:
    """Running-text casing of a body or post written in capitals.

    Known phrases (bodies, posts, proper words) take their listed casing,
    province names their proper casing, the level words ("tỉnh", "thành
    phố") stay lower case except in "Thành phố Hồ Chí Minh", and the first
    word of the field after a head noun is capitalised ("Sở Tài chính",
    "Sở Nông nghiệp và Môi trường").
    """
    s = _clean(text)
    if not _mostly_upper(s):
        return s
    for abbr, full in load_rules().abbreviations:  # "UBND TỈNH X" -> "ỦY BAN NHÂN DÂN TỈNH X"
        s = re.sub(r"(?<![\w])" + re.escape(abbr) + r"(?![\w])", full.upper(), s)
    low = tone_key(s.lower())
    spans: list[tuple[int, int, str]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y, _ in spans)

    pre, names = _province_lower_re()
    for m in pre.finditer(low):
        if free(m.start(), m.end()):
            spans.append((m.start(), m.end(), names[m.group(1)]))
    for rx, rep in _casing_table():
        for m in rx.finditer(low):
            if free(m.start(), m.end()):
                spans.append((m.start(), m.end(), rep))
    spans.sort()
    out = []
    last = 0
    for a, b, rep in spans:
        out.append(low[last:a])
        out.append(rep)
        last = b
    out.append(low[last:])
    res = "".join(out)
    res = re.sub(r"(?<![\w])thành phố (?=Hồ Chí Minh)", "Thành phố ", res)
    # capitalise the field after a head noun that has no listed casing ("Sở tài chính")
    words = res.split(" ")
    i = 0
    while i < len(words) - 1:
        w = words[i]
        two = (w + " " + words[i + 1]).lower()
        head_len = 2 if two in _HEADS_NEXT_CAP else (1 if w.lower() in _HEADS_NEXT_CAP else 0)
        if head_len and w[:1].isupper():
            j = i + head_len
            if j < len(words) and words[j] and words[j][0].islower() and words[j] not in load_rules().unit_words:
                words[j] = words[j][0].upper() + words[j][1:]
                # "... và môi trường", "..., thể thao và du lịch"
                k = j + 1
                while k < len(words) - 1:
                    if words[k] == "và" or words[k].endswith(","):
                        nxt = k + 1
                        if words[nxt][:1].islower() and words[nxt] not in load_rules().unit_words:
                            words[nxt] = words[nxt][0].upper() + words[nxt][1:]
                        k = nxt + 1
                    else:
                        k += 1
            i = j
        else:
            i += 1
    res = _title_place(" ".join(words))
    return res[:1].upper() + res[1:]


def _title_place(res: str) -> str:
    """A place the province list does not know keeps the casing of a proper
    name after its level word at the end of the body's name: "ỦY BAN NHÂN DÂN
    HUYỆN ĐỒNG XANH" -> "… huyện Đồng Xanh" (not "huyện đồng xanh"). Only two
    to four lower-case words with no function word among them are a name."""
    r = load_rules()
    levels = sorted(list(r.unit_words) + list(r.party_committees), key=len, reverse=True)
    m = re.search(r"(?<![\w])(?:" + "|".join(map(re.escape, levels)) + r")((?: [^\W\d_]+){1,4})$", res,
                  re.IGNORECASE)
    if not m:
        return res
    tail = m.group(1).split()
    if any(not w.islower() or w in _PLACE_NAME_STOPS for w in tail):
        return res
    return res[:m.start(1)] + " " + " ".join(w[:1].upper() + w[1:] for w in tail)


#: words that never belong to a place's proper name ("ban chỉ đạo tỉnh về …")
_PLACE_NAME_STOPS = frozenset("ủy về và của các cho trong theo với tại là có thuộc trực".split())


def _case_position(text: str) -> str:
    key = match_key(text)
    for p in load_rules().positions:
        if match_key(p) == key:
            return p
    return case_name(text)


# --------------------------------------------------------------------------
# Units: paragraphs, and table rows cell by cell
# --------------------------------------------------------------------------


@dataclass
class Unit:
    block: int
    cell: Optional[int]
    text: str
    bold: bool = False
    centered: bool = False
    row_cells: int = 1


def _units(doc: NormalizedDocument) -> list[Unit]:
    out: list[Unit] = []
    for i, b in enumerate(doc.blocks):
        if b.kind == "table_row" and b.cells:
            for ci, c in enumerate(b.cells):
                t = doc.text[c.start : c.end].strip()
                if t:
                    out.append(Unit(i, ci, t, b.bold, b.centered, len(b.cells)))
        else:
            t = doc.text[b.start : b.end].strip()
            if t:
                out.append(Unit(i, None, t, b.bold, b.centered))
    return out


def _alts(words) -> str:
    """Alternation of literal words, the longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _body_start_re() -> re.Pattern:
    """A line that opens the body: an opener phrase, an opener word and a space, an opener before a number."""
    r = load_rules()
    return re.compile(rf"^(?:(?:{_alts(r.body_openers)})|(?:{_alts(r.body_opener_words)})\s"
                      rf"|(?:{_alts(r.body_opener_before_number)}) \d)")


@lru_cache(maxsize=1)
def _section_re() -> re.Pattern:
    """A numbered heading: "I.", "1.2)", "Điều 1", "Phần II", "a)"."""
    r = load_rules()
    return re.compile(rf"^(?:[IVXLC]+\s*[.\-–)]|\d+(?:\.\d+)*\s*[.)]|(?:{_alts(r.article_words)})\s+\d"
                      rf"|(?:{_alts(r.section_words)})\s+[IVX\d]|[a-zđ]\))\s")


@lru_cache(maxsize=1)
def _authority_line_re() -> re.Pattern:
    """The authority line of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN …")."""
    return re.compile(rf"^(?:{_alts(load_rules().authority_lines)})(?![\w])")


@lru_cache(maxsize=1)
def _signed_mark_re() -> re.Pattern:
    """A signature mark in brackets: "(Đã ký)", "(ký)"."""
    return re.compile(rf"\((?:{_alts(load_rules().signed_marks)})[^)]*\)")


def _header_end(units: list[Unit], structure: Optional[DocumentStructure]) -> int:
    """Index of the first unit past the header (number, date, type, title)."""
    limit = min(len(units), 25)
    if structure is not None and structure.blocks:
        pre = {bi.block for bi in structure.blocks if bi.section == "preamble"}
        for k, u in enumerate(units[:limit]):
            if u.block not in pre and k > 0:
                limit = k
                break
    for k, u in enumerate(units[:limit]):
        t = _clean(u.text)
        if k > 0 and (_section_re().match(t) or _body_start_re().match(t) or (len(t) > 300 and not _mostly_upper(t))):
            return k
    return limit


# --------------------------------------------------------------------------
# Number, place and date
# --------------------------------------------------------------------------

# the document's own number: "Số: 45/KH-UBND" with a capital S, not "Chỉ thị số 36-CT/TW"
def _cased(key: str, *, lower: bool = False, upper_only: bool = False) -> str:
    """The words of one meta_rules.yaml list as written and in capitals (and in lower case), as an alternation."""
    forms: list[str] = []
    for w in getattr(load_rules(), key):
        variants = [w.upper()] if upper_only else [w.lower()] * lower + [w, w.upper()]
        forms += [v for v in variants if v not in forms]
    return "|".join(re.escape(f) for f in forms)


_NUMBER_LABEL = _cased("number_labels")
_OWN_NUMBER_RE = re.compile(rf"(?<![\w])(?:{_NUMBER_LABEL})\s*[:.]?\s*(" + _NUMBER + r")")
_PLACE_DATE_RE = re.compile(
    r"([^\d|,;:()]{2,60}?)\s*,\s*ngày\s*(\d{0,2})\s*(?:tháng\s*(\d{0,2})\s*,?\s*năm\s*(\d{0,4})|[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}))",
    re.I,
)
_PLACE_OK_LOWER = {"phố", "xã", "thị", "trấn", "khu"}


def _clean_place(raw: str) -> Optional[str]:
    toks = _clean(raw).split()
    keep: list[str] = []
    for t in reversed(toks):
        if t in ("-", "–"):
            keep.append("-")
            continue
        if "/" in t or any(c.isdigit() for c in t):
            break
        if t.upper() in ("TP.", "TP"):
            keep.append(t)
            continue
        if _is_upper_word(t) and len([c for c in t if c.isalpha()]) >= 2 and not _is_title_word(t):
            break
        if t[:1].isupper() or t in _PLACE_OK_LOWER:
            keep.append(t)
            continue
        break
    while keep and keep[-1] in ("-",):
        keep.pop()
    place = " ".join(reversed(keep)).strip(" -")
    if not place or not place[0].isupper():
        return None
    return place


# a header line left open: "Số:" / "Số" whose number went to the next line,
# "Cần Thơ, ngày" / "…, ngày 17 tháng" / "Bắc Ninh," whose date did
_OPEN_NUMBER_RE = re.compile(rf"(?<![\w])(?:{_NUMBER_LABEL})\s*[:.]?\s*$")
_OPEN_DATE_RE = re.compile(
    r",\s*(?:ngày\s*(?:\d{1,2}\s*(?:tháng\s*(?:\d{1,2}\s*,?\s*(?:năm\s*)?)?)?)?)?$", re.I
)
_BARE_NUMBER_RE = re.compile(r"^" + _NUMBER + r"$")
_DATE_TAIL_RE = re.compile(r"^(?:ngày|tháng|năm|\d)", re.I)


def _header_lines(units: list[Unit]) -> list[str]:
    """The units' texts, each with the continuation lines of a label left
    open at its end (a converter or a narrow header cell broke the line after
    "Số:" or "ngày"): "Cần Thơ, ngày" + "17 tháng 11 năm 2025"."""
    texts = [_clean(u.text) for u in units]
    out: list[str] = []
    for k, t in enumerate(texts):
        joined = t
        for nxt in texts[k + 1 : k + 3]:
            if _OPEN_NUMBER_RE.search(joined) and nxt[:1].isdigit():
                joined += " " + nxt
            elif _OPEN_DATE_RE.search(joined) and _DATE_TAIL_RE.match(nxt):
                joined += " " + nxt
            else:
                break
        out.append(joined)
    return out


@lru_cache(maxsize=1)
def _cited_kind_re() -> re.Pattern:
    """A document kind (or "theo") right before "số": "QUYẾT ĐỊNH SỐ 06/QĐ-TTG"
    cites another document; the document's own number stands alone."""
    names = sorted({tone_key(t.name).upper() for t in load_rules().doc_types}, key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(n) for n in names) + r"|THEO|TẠI)\s*$")


def _find_number(units: list[Unit]) -> Optional[str]:
    cited = _cited_kind_re()
    for t in _header_lines(units):
        for m in _OWN_NUMBER_RE.finditer(t):
            if cited.search(tone_key(t[: m.start()]).upper().rstrip(" ,")):
                continue
            if _has_letters(m.group(1)):
                return normalize_number(m.group(1))
    return None


def _find_place_date(units: list[Unit]) -> tuple[Optional[str], Optional[str]]:
    for t in _header_lines(units):
        m = _PLACE_DATE_RE.search(t)
        if not m:
            continue
        place = _clean_place(m.group(1))
        day, month, year = m.group(2), m.group(3), m.group(4)
        if m.group(5):
            month, year = m.group(5), m.group(6)
        date = _iso(day, month, year) if day and month and year else None
        if place:  # "Hà Giang, ngày …": without a place it is a citation's date
            return place, date
    return None, None


# --------------------------------------------------------------------------
# Type and title
# --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _heading_re() -> re.Pattern:
    names = sorted((t.name for t in load_rules().doc_types if t.heading), key=len, reverse=True)
    alts = "|".join(re.escape(tone_key(n).upper()) for n in names)
    # a heading glued to the title by a converter ("KẾ HOẠCHSơ kết …") still counts
    return re.compile(r"^(?:" + alts + r")(?:(?![\w])|(?=[" + _UP + r"][" + _LOW + r"]))")


def _find_doc_type(units: list[Unit], end: int) -> tuple[Optional[str], Optional[int], str]:
    """(type, unit index, rest of the heading after the type)."""
    rx = _heading_re()
    for k, u in enumerate(units[: max(end, 1) + 3]):
        t = tone_key(_clean(u.text))
        m = rx.match(t)
        if not m:
            continue
        glued = m.end() < len(t) and not t[m.end()].isspace() and t[m.end()] != ":"
        rest = t[m.end() :].strip(" :")
        if rest and not glued and not _mostly_upper(rest.split(" của ")[0][:40]) and len(rest) > 120:
            continue  # a sentence starting with the word, not a heading
        typ = next(
            (tt.name for tt in load_rules().doc_types if tone_key(tt.name).upper() == m.group(0)), None
        )
        return typ, k, rest
    return None, None, ""


_AUTHORITY_RE = re.compile(
    r"^(?:CHỦ TỊCH|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|BỘ TRƯỞNG|THỦ TƯỚNG|HỘI ĐỒNG NHÂN DÂN|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|GIÁM ĐỐC|CHÍNH PHỦ|QUỐC HỘI)(?![\w])"
)


def _find_title(units: list[Unit], type_idx: Optional[int], heading_rest: str, end: int) -> Optional[str]:
    if type_idx is None:
        for u in units[:end]:  # a letter's "V/v ..." under its number
            m = re.search(r"(?:(?<![\w/])(V/v|V/V)|^(Về việc))\s+(.+)$", _clean(u.text))
            if m:
                return _clean((m.group(1) or m.group(2)) + " " + m.group(3))
        return None
    parts: list[str] = []
    rest = heading_rest
    if rest and not re.match(rf"^(?:{_cased('of_words')})\s", rest):
        parts.append(rest)
    for k in range(type_idx + 1, min(len(units), type_idx + 5)):
        u = units[k]
        t = _clean(u.text)
        if not t:
            continue
        if re.match(rf"^(?:{_cased('of_words', upper_only=True)})\s", t) and _mostly_upper(t):
            continue  # "CỦA BAN THƯỜNG VỤ TỈNH ỦY" belongs to the heading
        if t.startswith(("(Kèm theo", "(Ban hành kèm", "Kính gửi")) or _section_re().match(t):
            break
        if _AUTHORITY_RE.match(t) or (_heading_re().fullmatch(tone_key(t).rstrip(" :")) is not None):
            break
        upper = _mostly_upper(t)
        nxt = _clean(units[k + 1].text) if k + 1 < len(units) else ""
        repeated = len(t) > 30 and nxt.startswith(t[: min(len(t), 60)])
        if (
            (upper and len(t) < 500)
            or t.startswith(("V/v", "Về ", "VỀ "))
            or ((u.bold or u.centered) and len(t) < 400 and not t.startswith("Căn cứ"))
            or repeated
        ):
            parts.append(t)
            if repeated:
                break
            continue
        break
    title = " ".join(parts).strip()
    return title or None


# --------------------------------------------------------------------------
# Issuer
# --------------------------------------------------------------------------


def _unaccent(text: str) -> str:
    """Base letters, one per character (same length), lower case: OCR often
    gets a tone mark wrong ("CỘNG HOA XÃ HỌI"), never the whole word."""
    out = []
    for c in text:
        if c in "đĐ":
            out.append("d")
            continue
        d = unicodedata.normalize("NFD", c)
        out.append(d[0].lower() if d else c)
    return "".join(out)


@lru_cache(maxsize=1)
def _motto_res() -> tuple[re.Pattern, ...]:
    pats = []
    for phrase in load_rules().motto:
        words = [re.escape(w) for w in _unaccent(phrase).split() if w.strip("-")]
        pats.append(re.compile(r"[\s\-–]*".join(words)))
    return tuple(pats)


def _blank_motto(text: str) -> str:
    """``text`` with the motto phrases blanked (same length, line breaks kept)."""
    t = text
    base = _unaccent(t)
    for rx in _motto_res():
        for m in reversed(list(rx.finditer(base))):
            gap = "".join("\n" if c == "\n" else " " for c in t[m.start() : m.end()])
            t = t[: m.start()] + gap + t[m.end() :]
    return t


def _strip_motto_lines(texts: list[str]) -> list[str]:
    """Blank the motto across the header's lines: a header read line by line
    (the two columns stacked, or a narrow cell) breaks the motto anywhere
    ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN" / "VIỆT NAM"),
    and no single line holds the whole phrase."""
    flat = [" ".join(t.split()) for t in texts]
    return _blank_motto("\n".join(flat)).split("\n")


def _strip_motto(text: str) -> str:
    """Remove the motto column ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập -
    Tự do - Hạnh phúc", "ĐẢNG CỘNG SẢN VIỆT NAM"), the number and the OCR
    debris of the rules under them."""
    t = _blank_motto(text)
    t = re.sub(rf"(?<![\w])(?:{_NUMBER_LABEL})\s*[:.]?\s*\S*", " ", t)
    t = re.sub(r"[=_~*]{2,}|-{3,}", " ", t)
    return _clean(t)


@lru_cache(maxsize=1)
def _body_head_re() -> re.Pattern:
    r = load_rules()
    heads = sorted({b.upper() for b in r.bodies} | {"UBND", "HĐND", "ĐẢNG BỘ", "BCH", "BTV"}, key=len, reverse=True)
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(tone_key(h)) for h in heads) + r")(?![\w])")


_CHILD_HEADS = {"BAN THƯỜNG VỤ", "BAN CHẤP HÀNH", "THƯỜNG TRỰC", "SỞ", "VĂN PHÒNG", "BAN", "CỤC", "CHI CỤC", "PHÒNG",
                "TRUNG TÂM", "CÔNG AN", "BỘ CHỈ HUY QUÂN SỰ", "BAN CHỈ ĐẠO", "BAN QUẢN LÝ", "ĐẢNG ỦY", "VỤ", "VIỆN",
                "TỔNG CỤC", "HỘI ĐỒNG NHÂN DÂN", "BTV", "BCH"}


def split_bodies(header: str) -> list[str]:
    """Split a header's left column into bodies, parent first:
    "TỈNH ỦY LẠNG SƠN BAN THƯỜNG VỤ" -> ["TỈNH ỦY LẠNG SƠN", "BAN THƯỜNG VỤ"];
    "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI" stays one body."""
    t = tone_key(_clean(header))
    names = [(p.start, p.end) for p in province_mentions(t)]  # never cut inside "HẢI PHÒNG"
    cuts = [0]
    for m in _body_head_re().finditer(t):
        if m.start() == 0 or m.group(1) not in _CHILD_HEADS:
            continue
        if any(a < m.start() < b for a, b in names):
            continue
        prev = t[cuts[-1] : m.start()].strip()
        pm = _body_head_re().match(prev)
        after_head = prev[pm.end() :].split() if pm else prev.split()
        if len(after_head) >= 2 or (pm and pm.group(1) in ("CHÍNH PHỦ", "QUỐC HỘI")):
            cuts.append(m.start())
    parts = [t[a:b].strip(" ,-") for a, b in zip(cuts, cuts[1:] + [len(t)])]
    return [p for p in parts if p]


def _issuer_from_header(units: list[Unit], type_idx: Optional[int], end: int) -> tuple[Optional[str], Optional[str]]:
    stop = type_idx if type_idx is not None else end
    chunks: list[str] = []
    head = units[: max(stop, 0)]
    for u, line in zip(head, _strip_motto_lines([u.text for u in head])):
        t = _strip_motto(line)
        t = re.sub(r"[^\w\s&\-,/]", " ", t)  # OCR debris: "QUẢNG: NGÃI"
        pm = _PLACE_DATE_RE.search(t)
        if pm:  # drop "Hà Giang, ngày …" but keep the header words before the place
            place = _clean_place(pm.group(1)) or ""
            cut = pm.group(1).rfind(place) if place else len(pm.group(1))
            t = t[: pm.start(1) + max(cut, 0)] + " " + t[pm.end() :]
        t = _clean(t)
        if not t or not _mostly_upper(t) or _capacity_re().match(t) or _BARE_NUMBER_RE.match(t):
            continue  # a bare "624/KH-UBND" is the number whose "Số:" ended the line above
        if chunks and _authority_line_re().match(t):
            continue  # the authority line of a decision, not the header
        words = [w for w in t.split() if any(c.isalpha() for c in w)]
        if len(words) < 1:
            continue
        chunks.append(t)
    if not chunks:
        return None, None
    bodies = split_bodies(" ".join(chunks))
    if not bodies:
        return None, None
    return _combine_bodies(bodies)


def _combine_bodies(bodies: list[str]) -> tuple[Optional[str], Optional[str]]:
    r = load_rules()
    issuer = bodies[-1]
    parent = bodies[-2] if len(bodies) >= 2 else None
    sub_keys = {match_key(s) for s in r.party_sub_bodies}
    if parent is not None and match_key(issuer) in sub_keys:
        # "TỈNH ỦY LẠNG SƠN / BAN THƯỜNG VỤ" -> "Ban Thường vụ Tỉnh ủy"
        pc = case_name(parent)
        committee = next((c for c in r.party_committees if pc.startswith(c)), None)
        if committee is None:  # "HĐND TỈNH X / THƯỜNG TRỰC" -> "Thường trực Hội đồng nhân dân tỉnh X"
            return f"{case_name(issuer)} {pc}", pc
        return f"{case_name(issuer)} {committee}", pc
    return case_name(issuer), case_name(parent) if parent else None


_OF_BODY_RE = re.compile(rf"^(?:{_cased('of_words')})\s+(.+)$")


def _issuer_from_heading(rest: str, next_unit: Optional[str]) -> Optional[str]:
    for cand in (rest, next_unit or ""):
        m = _OF_BODY_RE.match(_clean(cand))
        if m and _mostly_upper(m.group(1)):
            return case_name(m.group(1))
    return None


def _uy_spellings(word: str) -> set[str]:
    """Both tone placements of "uy" ("ủy" and "uỷ"), as documents write either."""
    return {word, word.replace("ủy", "uỷ"), word.replace("uỷ", "ủy")}


@lru_cache(maxsize=1)
def _party_body_re() -> re.Pattern:
    """"Ban Thường vụ Tỉnh ủy": a party sub-body, the committee's level word, its "ủy"."""
    r = load_rules()
    levels = {c.split()[0] for c in r.party_committees}
    tails = set().union(*(_uy_spellings(c.split()[-1]) for c in r.party_committees))
    return re.compile(rf"({_alts(r.party_sub_bodies)})\s+({_alts(levels)})\s+({_alts(tails)})", re.I)


@lru_cache(maxsize=1)
def _state_actor_re() -> re.Pattern:
    """"UBND tỉnh Quảng Ngãi yêu cầu": a state body, its level, a name in capitals, an issuing verb."""
    r = load_rules()
    bodies = _alts(r.state_actor_committees + r.state_actor_councils)
    return re.compile(rf"({bodies})\s+({_alts(r.state_actor_levels)})((?:\s+[{_UP}][\w]*)*)"
                      rf"\s+(?:{_alts(r.state_actor_verbs)})(?![\w])")


def _issuer_from_capacity(body_upper: str, text: str) -> Optional[str]:
    """"T/M BAN THƯỜNG VỤ" completed from the text ("Ban Thường vụ Tỉnh ủy xây dựng …")."""
    name = case_name(body_upper)
    if match_key(name) in {match_key(s) for s in load_rules().party_sub_bodies}:
        m = _party_body_re().search(text)
        if m and match_key(m.group(1)) == match_key(name):
            return f"{name} {m.group(2).capitalize()} ủy"
    if match_key(name) in ("ủy ban nhân dân", "hội đồng nhân dân"):
        # the level comes from the body acting in the text: "UBND Thành phố yêu cầu …"
        rules = load_rules()
        for m in _state_actor_re().finditer(text[:5000]):
            committee = m.group(1) in rules.state_actor_committees
            full = (rules.state_actor_committees if committee else rules.state_actor_councils)[0]
            if match_key(full) == match_key(name):
                return _clean(f"{full} {m.group(2)} {m.group(3) or ''}")
    return name


# --------------------------------------------------------------------------
# Signer
# --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _capacity_re() -> re.Pattern:
    caps = sorted(load_rules().capacities, key=len, reverse=True)
    return re.compile(r"(?<![\w/.])(" + "|".join(re.escape(c) for c in caps) + r")(?=\s*[" + _UP + r"])")




#: how many short units after the capacity line a signature may run over
SIGNATURE_UNITS = 5


def _find_signer(units: list[Unit], text: str) -> tuple[Optional[Signer], Optional[str]]:
    """(signer, body named after TM.) from the first signature block."""
    cap_rx = _capacity_re()
    for k, u in enumerate(units):
        t = _clean(u.text)
        m = cap_rx.search(t)
        if not m or not _mostly_upper(t[m.start() : m.start() + 30]):
            continue
        # the signature may run over the next short units (post, name)
        sig = t[m.start() :]
        # up to SIGNATURE_UNITS short units (a PDF's text copy cuts "TM. ỦY BAN NHÂN" / "DÂN" /
        # "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / the name), to the unit that opens with the name
        for v in units[k + 1 : k + 1 + SIGNATURE_UNITS]:
            vt = _clean(v.text)
            if len(vt) > 80 or vt.startswith(("-", "+", "Nơi nhận")):
                break
            sig += " " + vt
            if _first_name(vt) == (vt, 0) or _first_name(sig)[0]:
                break
        signer, tm_body = _parse_signature(sig)
        if signer is not None:
            return signer, tm_body
    # no capacity word: a post in capitals followed by a name, after "Nơi nhận"
    start = next((k for k, u in enumerate(units) if _clean(u.text).startswith(load_rules().recipients_markers)), None)
    if start is not None:
        pos_keys = {match_key(p) for p in load_rules().positions}
        for k in range(start, min(len(units), start + 40)):
            t = _clean(units[k].text)
            if match_key(t) in pos_keys and _mostly_upper(t):
                for v in units[k + 1 : k + 4]:
                    nm, at = _first_name(_clean(v.text))
                    if nm and at == 0:
                        return Signer(name=nm, position=_case_position(t), capacity=None), None
    return None, None


def _first_name(text: str) -> tuple[Optional[str], int]:
    """The first run of 2-5 title-case words (a person's name) and its offset."""
    words = list(re.finditer(r"\S+", text))
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and j - i < 5 and _is_title_word(words[j].group(0)):
            j += 1
        if j - i >= 2:
            return " ".join(w.group(0) for w in words[i:j]), words[i].start()
        i = max(j, i + 1)
    return None, len(text)


def _split_upper_name(after: str) -> tuple[str, Optional[str]]:
    """Split "PHÓ CHỦ TỊCH NGUYỄN VĂN AN" into the post and a title-cased
    name, when a listed post is followed by 2-5 capitalised words."""
    words = after.split()
    pos_keys = {match_key(p) for p in load_rules().positions}
    for end in range(len(words) - 2, 0, -1):
        tail = words[end:]
        tail_key = " " + match_key(" ".join(tail)) + " "
        if any(" " + k + " " in tail_key for k in pos_keys):
            continue  # "PHÓ CHỦ TỊCH" is a post, not a name
        if 2 <= len(tail) <= 5 and all(w.isalpha() and w.isupper() for w in tail):
            if match_key(" ".join(words[:end])) in pos_keys or any(
                match_key(" ".join(words[i:end])) in pos_keys for i in range(end)
            ):
                return " ".join(words[:end]), " ".join(w.capitalize() for w in tail)
    return after, None


def _parse_signature(sig: str) -> tuple[Optional[Signer], Optional[str]]:
    cap_rx = _capacity_re()
    name, name_start = _first_name(sig)
    upper_part = sig[:name_start] if name else sig
    upper_part = _signed_mark_re().sub(" ", upper_part)
    caps = list(cap_rx.finditer(upper_part))
    if not caps:
        return None, None
    capacity = caps[-1].group(1)
    tm_body = None
    first = caps[0]
    if first.group(1).replace(".", "").replace("/", "").upper() == "TM":
        end_first = caps[1].start() if len(caps) > 1 else len(upper_part)
        tm_body = _clean(upper_part[first.end() : end_first])
    after = _clean(upper_part[caps[-1].end() :])
    position = None
    if name is None and after:
        # a name in capitals after the post: "PHÓ CHỦ TỊCH NGUYỄN VĂN AN"
        after, name = _split_upper_name(after)
    if after:
        words = after.split()
        best = None
        pos_keys = {match_key(p): p for p in load_rules().positions}
        for i in range(len(words)):
            cand = " ".join(words[i:])
            if match_key(cand) in pos_keys:
                best = pos_keys[match_key(cand)]
                break
        if best is None and len(caps) == 1 and capacity.replace(".", "").replace("/", "").upper() == "TM":
            best = None  # "TM. ỦY BAN NHÂN DÂN" alone names the body, not a post
        elif best is None:
            best = _case_position(after)
        position = best
        if tm_body is not None and len(caps) == 1:
            # "T/M BAN THƯỜNG VỤ BÍ THƯ": the body is what precedes the post
            body_words = words[: len(words) - len(position.split())] if position else words
            tm_body = " ".join(body_words) or None
    if name is None and position is None:
        return None, None
    return Signer(name=name, position=position, capacity=capacity), tm_body


# --------------------------------------------------------------------------
# Recipients
# --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _note_re() -> re.Pattern:
    """A purpose in brackets after a recipient: "(để báo cáo)", "(t/h)"."""
    notes = "|".join(re.escape(n) for n in load_rules().recipient_notes)  # in the file's order
    return re.compile(rf"\(\s*(?:để\s+)?(?:{notes})[^)]*\)", re.I)
_ITEM_SPLIT_RE = re.compile(r"(?:^|(?<=[;,.:)])|(?<=\|))\s*[-–•]\s+")


def _split_items(text: str) -> list[str]:
    parts = _ITEM_SPLIT_RE.split(text)
    out = []
    drop = tuple(load_rules().recipient_drop)
    for p in parts:
        p = p.replace(" + ", " ").replace("| ", " ")
        p = re.sub(r"^\+\s*", "", p.strip())
        p = _note_re().sub(" ", p)
        p = _clean(p).strip(" ;,.|")
        p = re.sub(r"\s+([;,.])", r"\1", p)
        p = re.sub(r"\s*\./\.$", "", p)
        if not p or p.startswith(drop) or p.lower().startswith("lưu"):
            continue
        if p.endswith(":") and len(p) < 12:
            continue
        out.append(p)
    return out


def _collect_after_marker(units: list[Unit], markers: tuple[str, ...]) -> list[str]:
    cap_rx = _capacity_re()
    marker_rx = re.compile(r"^(?:" + "|".join(re.escape(x) for x in markers) + r")\s*:?\s*", re.I)
    for k, u in enumerate(units):
        t = _clean(u.text)
        m = marker_rx.match(t)
        if not m:
            continue
        chunks = [t[m.end() :]]
        for v in units[k + 1 :]:
            vt = _clean(v.text)
            if not vt:
                continue
            same_row = v.block == u.block and v.cell is not None
            if same_row and cap_rx.search(vt) and not vt.startswith(("-", "+", "•")):
                break  # the signature cell beside "Nơi nhận"
            if vt.startswith(("-", "+", "•", "–")):
                chunks.append(vt)
                continue
            if same_row:
                chunks.append(vt)
                continue
            prev = chunks[-1] if chunks else ""
            if prev and not prev.rstrip().endswith((";", ",", ".", ":")) and vt[:1].islower() and len(vt) < 120:
                chunks.append(vt)  # a wrapped item
                continue
            break
        items: list[str] = []
        for c in chunks:
            c2 = c if c.lstrip().startswith(("-", "–", "•", "+")) else "- " + c
            items.extend(_split_items(c2))
        if items:
            return items
    return []


# --------------------------------------------------------------------------
# References
# --------------------------------------------------------------------------

_ISSUER_STOP = (
    r"về|v/v|phê duyệt|quy định|hướng dẫn|ban hành|sửa đổi|thông báo|thực hiện|triển khai|tổ chức|tăng cường|đã|được|"
    r"nhằm|để|trong|tại|đối với|theo|là|gồm|có|đến|ngày|với|cho|kết luận|công bố|phát động|giao|(?<!Ban\s)chỉ đạo|xây dựng|"
    r"lãnh đạo|đẩy mạnh|nâng cao|phát triển|tiếp tục|bổ sung|thành lập|kiện toàn|sắp xếp|quản lý|phân công"
)
_ISSUER = (
    rf"(?P<issuer>[{_UP}](?:(?!\s+(?:{_ISSUER_STOP})(?![\w]))[^,;:()\n|\"“”.])*?)"
    rf"(?=\s+(?:{_ISSUER_STOP})(?![\w])|\s*[,;:()\n|\"“”.]|\s+và\s+(?:các\s+)?(?:[{_UP}][\w]*\s+)?(?:số|Chỉ thị|Nghị quyết|Kế hoạch|Quyết định|Chương trình|Thông báo|Kết luận)|$)"
)


@lru_cache(maxsize=1)
def _ref_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    names = sorted({t.name for t in load_rules().doc_types}, key=len, reverse=True)
    kinds = "|".join(re.escape(n) for n in names) + "|" + "|".join(re.escape(n.upper()) for n in names)
    date = rf"(?:{_DATE_NUM}|{_DATE_WORDS})"
    numbered = re.compile(
        rf"(?<![\w])(?P<kind>{kinds})\s+(?:(?:{_cased('number_labels', lower=True)})\s*:?\s*)?(?P<num>{_NUMBER})"
        rf"(?:\s*,?\s*(?:ngày|Ngày|NGÀY)\s+(?P<date>{date}))?"
        rf"(?:\s*,?\s*(?:của|Của)\s+{_ISSUER})?"
    )
    named = re.compile(
        rf"(?<![\w])(?P<kind>Bộ luật|Luật|Pháp lệnh)\s+(?P<name>[{_UP}][^;,.()\n|]{{0,200}}?)\s+"
        rf"(?:(?:số|Số)\s*(?P<num>{_NUMBER})\s*,?\s*)?(?:(?:ngày|Ngày)\s+(?P<date>{date})|năm\s+(?P<year>(?:19|20)\d\d)(?![\d/]))"
    )
    bare = re.compile(
        rf"(?<![\w])(?:số|Số)\s*:?\s*(?P<num>{_NUMBER})"
        rf"(?:\s*,?\s*(?:ngày|Ngày)\s+(?P<date>{date}))?"
        rf"(?:\s*,?\s*(?:của|Của)\s+{_ISSUER})?"
    )
    return numbered, named, bare


def _ref_date(m: re.Match) -> Optional[str]:
    if not m.group("date"):
        return None
    dm = _DATE_RE.fullmatch(_clean(m.group("date")))
    return _date_from(dm) if dm else None


def _kind_name(kind: str) -> str:
    for t in load_rules().doc_types:
        if kind == t.name or kind == t.name.upper():
            return t.name
    return kind[:1].upper() + kind[1:].lower()


def _clean_issuer(s: Optional[str]) -> Optional[str]:
    if not s:
        return None
    s = _clean(s).rstrip(" ,;.")
    words = s.split()
    if len(words) > 14:
        return None
    return s or None


def _covered(spans: list[tuple[int, int]]):
    """``pos -> bool``: is ``pos`` inside one of ``spans``, for increasing
    positions (finditer order), in linear time overall (a reference search
    must stay linear in the text's length)."""
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    k = 0

    def inside(pos: int) -> bool:
        nonlocal k
        while k < len(merged) and merged[k][1] <= pos:
            k += 1
        return k < len(merged) and merged[k][0] <= pos

    return inside


def find_references(text: str, own_number: Optional[str] = None) -> list[Reference]:
    """Every document the text cites, first mention first, one entry per
    document (later mentions fill a missing date or issuer). The document's
    own number is not a reference."""
    numbered, named, bare = _ref_res()
    own = normalize_number(own_number).upper() if own_number else None
    found: dict[str, Reference] = {}
    first_at: dict[str, int] = {}
    taken: list[tuple[int, int]] = []

    def add(key: str, ref: Reference, span: tuple[int, int]) -> None:
        taken.append(span)
        if key in found:
            old = found[key]
            if old.number and ref.number and old.number.isupper() and not ref.number.isupper():
                old.number = ref.number  # a title in capitals wrote "06/QĐ-TTG" for "06/QĐ-TTg"
            if old.date is None and ref.date:
                old.date = ref.date
            if old.issuer is None and ref.issuer:
                old.issuer = ref.issuer
                old.text = ref.text if len(ref.text) > len(old.text) else old.text
            return
        found[key] = ref
        first_at[key] = span[0]

    for m in numbered.finditer(text):
        num = normalize_number(m.group("num"))
        if not _has_letters(num) or (own and num.upper() == own):
            taken.append(m.span())
            continue
        kind = _kind_name(m.group("kind"))
        issuer = _clean_issuer(m.groupdict().get("issuer"))
        end = m.end("issuer") if issuer else m.end()
        ref = Reference(kind=kind, number=num, date=_ref_date(m), issuer=issuer, text=_clean(text[m.start() : end]))
        add(num.upper(), ref, m.span())
    covered = _covered(taken)
    for m in named.finditer(text):
        if covered(m.start()):
            continue
        num = normalize_number(m.group("num")) if m.group("num") else None
        kind = _kind_name(m.group("kind"))
        key = num.upper() if num else match_key(kind + " " + m.group("name"))
        ref = Reference(kind=kind, number=num, date=_ref_date(m), issuer=None, text=_clean(m.group(0)))
        add(key, ref, m.span())
    covered = _covered(taken)
    for m in bare.finditer(text):
        if covered(m.start()):
            continue
        num = normalize_number(m.group("num"))
        if not _has_letters(num) or (own and num.upper() == own) or "/" not in num:
            continue
        if num.upper() in found:
            taken.append(m.span())
            continue
        kind = _type_for_code(type_code(num))
        issuer = _clean_issuer(m.groupdict().get("issuer"))
        end = m.end("issuer") if issuer else m.end()
        start = m.start()
        label = _clean(text[start:end])
        if kind and not label.lower().startswith(kind.lower()):
            label = f"{kind} {label[0].lower()}{label[1:]}"
        add(num.upper(), Reference(kind=kind, number=num, date=_ref_date(m), issuer=issuer, text=label), m.span())
    return [found[k] for k in sorted(found, key=lambda k: first_at[k])]


# --------------------------------------------------------------------------
# Province
# --------------------------------------------------------------------------


def _is_central(issuer: Optional[str]) -> bool:
    if not issuer:
        return False
    if find_province(issuer):
        return False
    key = match_key(issuer)
    for marker in load_rules().central_markers:
        mk = match_key(marker)
        if key == mk or key.startswith(mk + " ") or key.endswith(" " + mk):
            return True
    return False


def _province(issuer: Optional[str], parent: Optional[str], place: Optional[str], header: str, text: str) -> Optional[str]:
    for src in (issuer, parent):
        p = find_province(src)
        if p:
            return p
    if _is_central(issuer) or _is_central(parent):
        return None
    p = find_province(header)
    if p:
        return p
    if place:
        p = canonical_province(place)
        if p:
            return p
    counts: dict[str, int] = {}
    for m in province_mentions(text):
        if m.prefixed:
            counts[m.name] = counts.get(m.name, 0) + 1
    if counts:
        best = max(counts, key=lambda k: counts[k])
        if counts[best] >= 0.6 * sum(counts.values()):
            return best
    return None


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def extract_metadata(doc: NormalizedDocument, structure: Optional[DocumentStructure] = None) -> DocumentMeta:
    """Read the ``document`` object of docs/output-contract.md from a normalised document.

    ``structure`` (from :func:`directive_nlp.structure.parse_structure`) is
    optional; when given, its "preamble" bounds the header search.
    """
    units = _units(doc)
    if not units:
        return DocumentMeta()
    end = _header_end(units, structure)
    header_units = units[:end]
    doc_type, type_idx, heading_rest = _find_doc_type(units, end)
    number = _find_number(units[: (type_idx if type_idx is not None else end) + 1] or header_units)
    if number is None and type_idx is not None:
        number = _find_number(units[type_idx : type_idx + 3])
    place, issued = _find_place_date(units[: max(end, (type_idx or 0) + 1)])
    if doc_type is None and number:
        doc_type = _type_for_code(type_code(number))
        if doc_type is None and "-" in number and "/" in number and type_code(number) is None:
            doc_type = "Công văn"
    addressees = _collect_after_marker(units[:40], load_rules().addressee_markers)
    if doc_type is None and addressees:
        doc_type = "Công văn"
    title = _find_title(units, type_idx, heading_rest, end)

    issuer, parent = _issuer_from_header(units, type_idx, end)
    if issuer is None and type_idx is not None:
        nxt = units[type_idx + 1].text if type_idx + 1 < len(units) else None
        issuer = _issuer_from_heading(heading_rest, nxt)
    signer, tm_body = _find_signer(units, doc.text)
    if issuer is None and tm_body:
        issuer = _issuer_from_capacity(tm_body, doc.text)

    recipients = addressees + [
        r for r in _collect_after_marker(units, load_rules().recipients_markers) if r not in addressees
    ]
    references = find_references(doc.text, number)
    header_text = " ".join(u.text for u in units[: (type_idx if type_idx is not None else end)])
    province = _province(issuer, parent, place, _strip_motto(header_text), doc.text)
    return DocumentMeta(
        doc_type=doc_type,
        number=number,
        issued_date=issued,
        place=place,
        issuer=issuer,
        issuer_parent=parent,
        province=province,
        title=title,
        signer=signer,
        recipients=recipients,
        references=references,
    )


__all__ = [
    "extract_metadata",
    "find_references",
    "case_name",
    "split_bodies",
    "type_code",
    "normalize_number",
    "load_rules",
]
