"""Pre-Unicode Vietnamese encodings: TCVN3 (ABC) and VNI, to and from Unicode.

Directives typed in the 1990s-2000s, and many still typed today with old
templates, use 8-bit "font encodings": the file stores Latin-1 code points
and a special font draws them as Vietnamese letters. Read without the font,
"Chương trình" shows as ``Ch­¬ng tr×nh`` (TCVN3) or ``Chöông trình`` (VNI).

* **TCVN3 / ABC** (fonts ``.VnTime``, ``.VnArial`` …): one byte per letter.
  It has codes for the plain capitals Ă Â Ê Ô Ơ Ư Đ but none for toned
  capitals; the "H" fonts (``.VnTimeH``, ``.VnArialH``) draw every code as
  a capital, so case comes from the font name (``upper=True``).
* **VNI** (fonts ``VNI-Times``, ``VNI-Helve`` …): a base letter followed by
  a modifier byte (``a`` + ``ù`` = á, ``a`` + ``á`` = ấ, ``a`` + ``ú`` = ẳ),
  plus single bytes for ơ ư đ and the i-vowels and ỵ.

The tables below are our own, written out for every letter and tone and
checked by a round-trip test over the whole alphabet (the ``viparse``
tables were seen to get VNI ẳ/Ẳ and ỵ/Ỵ wrong). Readers call
:func:`font_encoding` / :func:`convert` for runs whose font names give the
encoding away; plain-text files go through :func:`detect_and_convert`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional, Union

# --------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------

# Vowels and their five toned forms, in the order grave, hook, tilde, acute, dot
# (huyền, hỏi, ngã, sắc, nặng).
_TONED = {
    "a": "àảãáạ", "ă": "ằẳẵắặ", "â": "ầẩẫấậ", "e": "èẻẽéẹ", "ê": "ềểễếệ",
    "i": "ìỉĩíị", "o": "òỏõóọ", "ô": "ồổỗốộ", "ơ": "ờởỡớợ", "u": "ùủũúụ",
    "ư": "ừửữứự", "y": "ỳỷỹýỵ",
}

# TCVN3 (TCVN 5712:1993, VN3 as used by the ABC fonts): code point of each
# lower-case letter (plain form first, then grave, hook, tilde, acute, dot).
_TCVN3_LOWER = {
    "a": (None, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (None, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (None, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (None, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (None, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (None, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_EXTRA = {"đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}

# VNI (VNI-Windows fonts): modifier bytes after a base letter, lower case.
# Tones on a plain vowel (and on ơ/ư, themselves single bytes):
_VNI_TONE = {"grave": "ø", "hook": "û", "tilde": "õ", "acute": "ù", "dot": "ï"}
# circumflex (â ê ô) alone and with each tone
_VNI_CIRC = {None: "â", "grave": "à", "hook": "å", "tilde": "ã", "acute": "á", "dot": "ä"}
# breve (ă) alone and with each tone
_VNI_BREVE = {None: "ê", "grave": "è", "hook": "ú", "tilde": "ü", "acute": "é", "dot": "ë"}
# letters that are one byte in VNI
_VNI_SINGLE = {
    "ơ": "ô", "ư": "ö", "đ": "ñ",
    "ì": "ì", "ỉ": "æ", "ĩ": "ó", "í": "í", "ị": "ò",
    "ỵ": "î",
}
_TONES = ("grave", "hook", "tilde", "acute", "dot")


def _vni_lower_table() -> dict[str, str]:
    """Unicode lower-case letter -> VNI string."""
    table: dict[str, str] = dict(_VNI_SINGLE)
    for base, forms in _TONED.items():
        for tone, ch in zip(_TONES, forms):
            if ch in table:
                continue
            if base in ("a", "e", "o", "u", "y"):
                table[ch] = base + _VNI_TONE[tone]
            elif base in ("â", "ê", "ô"):
                plain = {"â": "a", "ê": "e", "ô": "o"}[base]
                table[ch] = plain + _VNI_CIRC[tone]
            elif base == "ă":
                table[ch] = "a" + _VNI_BREVE[tone]
            elif base in ("ơ", "ư"):
                table[ch] = _VNI_SINGLE[base] + _VNI_TONE[tone]
            elif base == "i":  # all five i forms are single bytes
                raise AssertionError(ch)
    for base, plain in (("â", "a"), ("ê", "e"), ("ô", "o")):
        table[base] = plain + _VNI_CIRC[None]
    table["ă"] = "a" + _VNI_BREVE[None]
    return table


def _upper_legacy(s: str) -> str:
    """Upper-case a legacy (Latin-1) string: VNI capitals are the Latin-1
    capitals of the same bytes (``ù`` -> ``Ù``)."""
    return s.upper()


@lru_cache(maxsize=None)
def _tables() -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    """(unicode -> legacy, legacy -> unicode) per encoding."""
    # TCVN3
    t_enc: dict[str, str] = {}
    for base, codes in _TCVN3_LOWER.items():
        forms = (base,) + tuple(_TONED[base])
        for ch, code in zip(forms, codes):
            if code is not None:
                t_enc[ch] = chr(code)
    for ch, code in _TCVN3_EXTRA.items():
        t_enc[ch] = chr(code)
    t_dec = {v: k for k, v in t_enc.items()}
    # VNI
    lower = _vni_lower_table()
    v_enc: dict[str, str] = {}
    for ch, seq in lower.items():
        v_enc[ch] = seq
        up = ch.upper()
        if up != ch:
            v_enc[up] = _upper_legacy(seq)
    v_dec: dict[str, str] = {}
    for ch, seq in v_enc.items():
        v_dec[seq] = ch
        if len(seq) == 2:
            # mixed case as some converters write it: the base letter decides the case
            base, mod = seq
            alt = base + (mod.lower() if mod.isupper() else mod.upper())
            v_dec.setdefault(alt, ch)
    return {"tcvn3": (t_enc, t_dec), "vni": (v_enc, v_dec)}


ENCODINGS = ("tcvn3", "vni")

# --------------------------------------------------------------------------
# Font names
# --------------------------------------------------------------------------

_SUBSET_RE = re.compile(r"^[A-Z]{6}\+")
_STYLE_RE = re.compile(r"(?:[,\-\s]*(?:bold|italic|oblique|regular|bolditalic|normal|bd|it|mt|ps))+$", re.I)


def font_encoding(fontname: Optional[str]) -> Optional[tuple[str, bool]]:
    """Which legacy encoding a font name gives away, and whether it is an
    all-capitals ("H") font.

    >>> font_encoding(".VnTime"), font_encoding(".VnTimeH"), font_encoding("ABCDEF+VNI-Times-Bold")
    (('tcvn3', False), ('tcvn3', True), ('vni', False))
    >>> font_encoding("Times New Roman") is None
    True
    """
    if not fontname:
        return None
    name = _SUBSET_RE.sub("", fontname.strip())
    low = name.lower()
    if low.startswith(("vni-", "vni ", "vni_")):
        return ("vni", False)
    if low.startswith((".vn", "vn")) and not low.startswith("vni"):
        # ".VnTime", "VnTimeH,Bold" (PDF drops the dot), ".VnArial NarrowH"
        core = _STYLE_RE.sub("", name.lstrip(".")).rstrip()
        if len(core) > 2 and core[:2].lower() == "vn" and core[2:3].isupper():
            return ("tcvn3", core.endswith("H"))
    return None


# --------------------------------------------------------------------------
# Conversion
# --------------------------------------------------------------------------

# bytes 0x80-0x9F as Windows-1252 shows them (a legacy file decoded as cp1252)
_CP1252_BACK = {}
for _b in range(0x80, 0xA0):
    try:
        _CP1252_BACK[bytes([_b]).decode("cp1252")] = chr(_b)
    except UnicodeDecodeError:
        pass


_C1_TO_CP1252 = {ord(v): k for k, v in _CP1252_BACK.items()}


def convert(text: str, encoding: str, upper: bool = False) -> str:
    """Legacy-encoded text (as Latin-1 code points) -> Unicode NFC.

    ``upper`` is for TCVN3 "H" fonts, which draw every code as a capital.
    Characters outside the table pass through unchanged.
    """
    enc = encoding.lower()
    if enc not in ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; use one of {ENCODINGS}")
    _, dec = _tables()[enc]
    # a file decoded as Latin-1 shows cp1252's dashes and quotes as C1
    # controls; neither encoding uses those bytes for letters
    text = text.translate(_C1_TO_CP1252)
    out: list[str] = []
    i, n = 0, len(text)
    if enc == "tcvn3":
        for ch in text:
            out.append(dec.get(ch, ch))
        res = "".join(out)
    else:
        while i < n:
            two = text[i : i + 2]
            if len(two) == 2 and two in dec:
                out.append(dec[two])
                i += 2
                continue
            ch = text[i]
            out.append(dec.get(ch, ch) if ch not in "aeiouyAEIOUY" else ch)
            i += 1
        res = "".join(out)
    if upper:
        res = res.upper()
    return unicodedata.normalize("NFC", res)


def encode(text: str, encoding: str, *, as_bytes: bool = False) -> Union[str, bytes]:
    """Unicode -> legacy encoding (our own encoder, used by the tests to make
    TCVN3/VNI files of real documents).

    Returns Latin-1 code points (what a reader sees without the font), or the
    bytes when ``as_bytes``. TCVN3 has no toned capitals: they are written
    with the lower-case code, as an ABC keyboard does in a plain ``.VnTime``
    run. Characters with no legacy form (e.g. "–", "“") are kept as they
    are, or become "?" in bytes.
    """
    enc = encoding.lower()
    if enc not in ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; use one of {ENCODINGS}")
    table, _ = _tables()[enc]
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in table:
            out.append(table[ch])
        elif enc == "tcvn3" and ch.lower() in table and ch.lower() != ch:
            out.append(table[ch.lower()])
        else:
            out.append(ch)
    s = "".join(out)
    if as_bytes:
        # cp1252 keeps dashes and quotes; neither encoding uses 0x80-0x9F for letters
        return s.encode("cp1252", errors="replace")
    return s


def restore_case(text: str) -> str:
    """TCVN3 in a plain ``.VnTime`` run loses the case of toned capitals
    ("KÕ HO¹CH" reads back as "Kế HOạCH"). Upper-case the toned lower-case
    letters of a word that is otherwise in capitals when the word has two
    capitals ("HOạCH") or stands between words written in capitals ("Kế"
    in "Kế HOẠCH"). Mixed-case words stay as they are: the text cannot tell
    "Ủy" from "ủy" there.
    """

    def kind(w: str) -> str:
        letters = [c for c in w if c.isalpha()]
        if not letters:
            return "-"
        if all(c.isupper() for c in letters):
            return "U"
        lows = [c for c in letters if c.islower()]
        if any(c.isupper() for c in letters) and all(not c.isascii() for c in lows):
            return "M2" if sum(1 for c in letters if c.isupper()) >= 2 else "M"
        return "L"

    out_lines = []
    for line in text.split("\n"):
        words = [m for m in re.finditer(r"\w+", line) if any(c.isalpha() for c in m.group(0))]
        kinds = [kind(m.group(0)) for m in words]
        if not any(k in ("M", "M2") for k in kinds):
            out_lines.append(line)
            continue
        caps = [
            (k == "U" and sum(c.isalpha() for c in m.group(0)) >= 2) or k == "M2"
            for m, k in zip(words, kinds)
        ]
        fix = [k == "M2" for k in kinds]
        i = 0
        while i < len(kinds):  # runs of "M" words between capital words
            if kinds[i] != "M":
                i += 1
                continue
            j = i
            while j < len(kinds) and kinds[j] == "M":
                j += 1
            near = ([caps[i - 1]] if i > 0 else []) + ([caps[j]] if j < len(kinds) else [])
            if near and all(near):
                for k in range(i, j):
                    fix[k] = True
            i = j
        parts = []
        last = 0
        for m, f in zip(words, fix):
            if f:
                parts.append(line[last : m.start()])
                parts.append(m.group(0).upper())
                last = m.end()
        parts.append(line[last:])
        out_lines.append("".join(parts))
    return "\n".join(out_lines)


# --------------------------------------------------------------------------
# Detection in plain text
# --------------------------------------------------------------------------

_VOWEL_CLUSTER = (
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|oo|ua|uâ|uê|ui|uô|uơ|ưa|ưi|ươ|ưu|uy|"
    "yê|iêu|oai|oay|oeo|uây|uôi|ươi|ươu|uya|uyê|uyu|yêu"
)
_SYLLABLE_RE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(?:" + _VOWEL_CLUSTER + r")"
    r"(?:ng|nh|ch|c|m|n|p|t|i|o|u|y)?$"
)


def _strip_tones(word: str) -> str:
    d = unicodedata.normalize("NFD", word.lower())
    # drop the five tone marks, keep breve/circumflex/horn
    d = re.sub("[\u0300\u0301\u0303\u0309\u0323]", "", d)
    return unicodedata.normalize("NFC", d)


def is_vietnamese_syllable(word: str) -> bool:
    """Rough check that ``word`` is one well-formed Vietnamese syllable."""
    w = _strip_tones(word)
    if not w or not w.isalpha():
        return False
    if "gi" == w[:2] and len(w) > 2:
        w2 = w[2:]
        if _SYLLABLE_RE.match("g" + w2) or _SYLLABLE_RE.match(w2) or _SYLLABLE_RE.match(w):
            return True
    return bool(_SYLLABLE_RE.match(w))


_WORD_RE = re.compile(r"[^\s\d.,;:!?()\[\]\"'/\\|*#<>=+_-]+")
_VI_UNICODE = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")


def _score(text: str, enc: str) -> tuple[int, int]:
    """(valid syllables, words) among the words that the conversion changes."""
    good = total = 0
    for m in _WORD_RE.finditer(text):
        w = m.group(0)
        if all(ord(c) < 0x80 for c in w):
            continue
        total += 1
        c = convert(w, enc)
        if is_vietnamese_syllable(c):
            good += 1
    return good, total


def _undo_mojibake(text: str) -> str:
    """UTF-8 bytes shown through cp1252 ("Chá»‰", also a legacy file decoded as
    Latin-1, saved as UTF-8 and decoded again) show "Ã"/"Â"/"á»" runs: undo
    one round. Bytes cp1252 leaves undefined come back as C1 controls, as
    browsers and most editors show them. Returns ``text`` itself when it is
    not that."""
    if text.count("Â") + text.count("Ã") + text.count("á»") < 10:
        return text
    out = bytearray()
    for c in text:
        o = ord(c)
        if o < 0x80:
            out.append(o)
            continue
        try:
            out.extend(c.encode("cp1252"))
        except UnicodeEncodeError:
            if o < 0x100:
                out.append(o)
            else:
                return text
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        return text


def detect_and_convert(text: str) -> Optional[tuple[str, str]]:
    """Detect TCVN3/VNI text read as Latin-1/cp1252 (or stored as those code
    points in a UTF-8 file) and convert it.

    Returns ``(unicode_text, "tcvn3"|"vni")`` or None when the text is not
    legacy Vietnamese (normal Unicode Vietnamese, English, other languages).
    Unicode Vietnamese that went through one wrong cp1252 decode
    ("Chá»‰ thá»‹") is repaired too and reported as ``"utf8-mojibake"``.
    The decision rests on how many changed words become well-formed
    Vietnamese syllables, so French or German accents do not trigger it.
    """
    if not text:
        return None
    fixed = _undo_mojibake(text)
    if fixed is not text and len(_VI_UNICODE.findall(fixed[:200000])) >= 10:
        # Unicode Vietnamese whose UTF-8 bytes were read as cp1252 ("Chá»‰ thá»‹")
        return fixed, "utf8-mojibake"
    text = fixed
    sample = text[:200000]
    high = sum(1 for c in sample if "\u00a0" <= c <= "\u00ff")
    if high < 5:
        return None
    if len(_VI_UNICODE.findall(sample)) > high * 0.2:
        return None  # real Unicode Vietnamese (its "à", "ô" are Latin-1 too)
    # a cp1252 decode turned bytes 0x80-0x9F into typographic signs; VNI
    # text never uses those bytes for letters, so leave them
    best: Optional[tuple[float, int, str]] = None
    for enc in ENCODINGS:
        good, total = _score(sample, enc)
        if total < 3:
            continue
        ratio = good / total
        if best is None or (ratio, good) > (best[0], best[1]):
            best = (ratio, good, enc)
    if best is None or best[0] < 0.75:
        return None
    enc = best[2]
    out = convert(text, enc)
    if enc == "tcvn3":
        out = restore_case(out)
    return out, enc


__all__ = [
    "ENCODINGS",
    "font_encoding",
    "convert",
    "encode",
    "detect_and_convert",
    "restore_case",
    "is_vietnamese_syllable",
]
