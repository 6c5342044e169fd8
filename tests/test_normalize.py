"""Property tests of normalisation: idempotent, offsets map back, never raises.

Bounded (``max_examples``) so the whole file runs in a few seconds.
"""

from __future__ import annotations

import unicodedata

from directive_nlp.models import Block, SourceDocument, SourceInfo
from directive_nlp.normalize import clean_inline, match_key, normalize_document, normalize_text, tone_key
from properties import property_test

# Vietnamese letters in both composed and decomposed form, odd spaces,
# zero-width characters, combining marks on their own and a few other scripts.
VI = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ"
ODD = "\u00a0\u2009\u202f\u200b\ufeff\u00ad\t\r\n\x0b\x0c\u2028 ð Ð|*-"
MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"


def texts(st):
    alphabet = st.sampled_from(list(VI + ODD + MARKS + "Ủyọốữ.,;:()0123456789Zß漢Ωé"))
    return st.text(alphabet=alphabet, max_size=80) | st.text(max_size=40)


def _pieces(st):
    return st.lists(texts(st), max_size=5)


def _rows(st):
    return st.lists(st.lists(texts(st), max_size=4), max_size=3)


SETTINGS = {"max_examples": 300, "deadline": None}


@property_test(s=texts, **SETTINGS)
def test_normalize_text_is_idempotent(s: str) -> None:
    once = normalize_text(s).text
    assert normalize_text(once).text == once


@property_test(s=texts, **SETTINGS)
def test_normalize_text_is_nfc_and_trimmed(s: str) -> None:
    out = normalize_text(s).text
    assert unicodedata.normalize("NFC", out) == out
    for line in out.split("\n") if out else []:
        assert line == line.strip() and "  " not in line and line


@property_test(s=texts, **SETTINGS)
def test_offsets_map_back_to_the_source(s: str) -> None:
    res = normalize_text(s)
    assert len(res.offsets) == len(res.text)
    assert res.offsets == sorted(res.offsets)
    for ch, off in zip(res.text, res.offsets):
        assert 0 <= off < len(s)
        if ch.isalnum() and ch.isascii():
            # an ASCII letter or digit comes from the very same character
            assert s[off] == ch


@property_test(paras=_pieces, rows=_rows, **SETTINGS)
def test_normalize_document_never_raises_and_blocks_point_into_text(paras, rows) -> None:
    blocks = [Block(text=p) for p in paras] + [Block(kind="table_row", text=" | ".join(r), cells=r) for r in rows]
    src = SourceDocument(source=SourceInfo(path="x.txt", format="txt", sha256="0"), blocks=blocks)
    doc = normalize_document(src)
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= len(doc.text)
        assert "\n" not in doc.text[b.start : b.end]
        for c in b.cells or []:
            assert b.start <= c.start <= c.end <= b.end
    # normalising the normalised text again changes nothing
    again = normalize_document(
        SourceDocument(source=src.source, blocks=[Block(text=doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "paragraph"])
    )
    assert [again.text[b.start : b.end] for b in again.blocks] == [
        doc.text[b.start : b.end] for b in doc.blocks if b.kind == "paragraph"
    ] or len(again.blocks) <= len(doc.blocks)


@property_test(s=texts, **SETTINGS)
def test_keys_never_raise(s: str) -> None:
    assert match_key(match_key(s)) == match_key(s)
    assert tone_key(tone_key(s)) == tone_key(s)
    clean_inline(s)


def test_match_key_is_stable_after_a_dropped_combining_mark():
    """Hypothesis found it: a combining mark left after NFC ("oé" + U+0300) lies in the à-ỹ range that
    stops the tone rule; it is dropped as punctuation first, so a second pass changes nothing."""
    s = "o\u00e9\u0300"
    assert match_key(s) == match_key(match_key(s)) == "óe"
    assert match_key("Hoà, hòa") == "hòa hòa"


def test_char_map_read_through_the_cleaning_map():
    """normalize._through gives what the former per-index comprehension gave."""
    from directive_nlp.normalize import _through

    def reference(cm, m):
        return [cm[min(k, len(cm) - 1)] for k in m]

    cm = [3, 4, 5, 9, 10]
    for m in ([], [0], [0, 1, 2, 3, 4], [0, 0, 2, 4], [1, 3, 7], [6], [4, 4, 5, 6]):
        assert _through(cm, m) == reference(cm, m)


def test_match_key_maps_characters_as_the_character_map_says():
    """match_key applies _CHAR_MAP with str.translate: what the former per-character join gave."""
    from directive_nlp.normalize import _CHAR_MAP, match_key

    for text in ("Sở Tài chính", "Ðà Nẵng\u00a0ð", "Sở\u200bY\ufeff tế\u00ad", "a\u2009b\u202fc", "Hoá HÒA"):
        chars = "".join(_CHAR_MAP.get(c, c) for c in text)
        assert match_key(text) == match_key(chars)
    assert match_key("Ðà\u00a0Nẵng\u200b") == "đà nẵng"
