"""The underthesea tokenizer: lossless for any input, registered, serialisable."""

from __future__ import annotations

import unicodedata

import pytest

from properties import property_test

# fmt: off
NAUGHTY = [
    "", " ", "  ", "\n", "\n\n\n \t", "\t\tỦy ban", "Ủy  ban\tnhân\u00a0dân tỉnh",
    "Sở Văn hoá, Thể thao và Du lịch.\n\n- Sở Y tế:  chủ trì ;",
    unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh Thanh Hoá"),
    "ð Ð đ", "😀 Sở Tài chính 🇻🇳", "a\u200bb", "\ufeffKế hoạch", "x\u00ady", "36-CT/TW ngày 16/8/2019",
    "| 1 | Sở Nội vụ | Quý III/2026 |", "trailing spaces   ", "   leading", "\r\nWindows\r\n",
    "Tỉnh ủy", "Ủy ban nhân dân", "hoá đơn thuỷ lợi",
]
# fmt: on


@pytest.mark.parametrize("text", NAUGHTY)
def test_round_trip_on_naughty_strings(nlp, text):
    from directive_nlp.extensions import doc_text

    doc = nlp.make_doc(text)
    assert doc.text == text
    assert doc.text_with_ws == text
    assert doc_text(doc) == text  # the text the tokenizer remembers is spaCy's join of the tokens


def test_words_keep_their_source_whitespace_and_tone_marks(nlp):
    doc = nlp.make_doc("Ủy ban  nhân dân tỉnh hoá đơn")
    assert "ban  nhân dân" in [t.text for t in doc]
    assert "hoá đơn" in [t.text for t in doc]  # not rewritten to "hóa đơn"


def test_no_word_crosses_a_line():
    from directive_nlp.tokenizer import segment

    assert all("\n" not in w for w in segment("Ủy ban nhân\ndân tỉnh"))


_ALPHABET = list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                   "ĐỦỦ ,.;:-/|()\n\t  0123456789ð😀\u0301\u00a0")


@property_test(text=lambda st: st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join),
               max_examples=60, deadline=None, suppress=("function_scoped_fixture",))
def test_round_trip_holds_for_any_text(nlp, text):
    from directive_nlp.extensions import doc_text

    doc = nlp.make_doc(text)
    assert doc.text == text == doc_text(doc)


def test_fixed_words_are_sanitised_and_serialised(tmp_path, nlp):
    from directive_nlp.tokenizer import UndertheseaTokenizer

    tok = UndertheseaTokenizer(nlp.vocab, fixed_words=["Sở Tài chính", "UBND tỉnh (Hà Nội)", "a.b"])
    assert tok.fixed_words == ["Sở Tài chính"]  # regex characters would corrupt underthesea's pattern
    doc = tok("Giao Sở Tài chính chủ trì")
    assert "Sở Tài chính" in [t.text for t in doc]
    tok.to_disk(tmp_path / "tok")
    again = UndertheseaTokenizer(nlp.vocab).from_disk(tmp_path / "tok")
    assert again.fixed_words == ["Sở Tài chính"]
    assert UndertheseaTokenizer(nlp.vocab).from_bytes(tok.to_bytes()).fixed_words == ["Sở Tài chính"]


def test_registered_in_the_spacy_registry_and_entry_point():
    from importlib.metadata import entry_points

    from spacy.util import registry

    from directive_nlp.tokenizer import create_tokenizer

    assert registry.tokenizers.get("directive_nlp.UndertheseaTokenizer.v1") is create_tokenizer
    eps = {ep.name: ep.value for ep in entry_points(group="spacy_tokenizers")}
    assert eps["directive_nlp.UndertheseaTokenizer.v1"] == "directive_nlp.tokenizer:create_tokenizer"


@pytest.mark.parametrize("text", NAUGHTY)
def test_words_and_spaces_in_one_pass_equal_spacys_search(text):
    # the tokenizer builds spaCy's words and spaces from the word spans; spaCy's own function
    # searches each word in the rest of the text and must give the same tokens
    from spacy.util import get_words_and_spaces

    from directive_nlp.tokenizer import segment, segment_spans, words_and_spaces

    spans = segment_spans(text)
    assert [text[s:e] for s, e in spans] == segment(text)
    assert all(e > s and text[e - 1:e].strip() and text[s].strip() for s, e in spans)  # no blank edges
    assert words_and_spaces(text, spans) == get_words_and_spaces(segment(text), text)


@property_test(text=lambda st: st.lists(st.sampled_from(_ALPHABET), max_size=40).map("".join),
               max_examples=60, deadline=None)
def test_words_and_spaces_equal_spacys_for_any_text(text):
    from spacy.util import get_words_and_spaces

    from directive_nlp.tokenizer import segment_spans, words_and_spaces

    spans = segment_spans(text)
    assert words_and_spaces(text, spans) == get_words_and_spaces([text[s:e] for s, e in spans], text)


def test_blank_and_empty_lines_are_not_segmented(monkeypatch):
    # underthesea runs once per line that has a word, never on blank lines
    import underthesea

    from directive_nlp.tokenizer import segment

    seen = []
    real = underthesea.word_tokenize

    def spy(line, **kw):
        seen.append(line)
        return real(line, **kw)

    monkeypatch.setattr(underthesea, "word_tokenize", spy)
    assert segment("Sở Y tế\n\n  \t\nchủ trì\n") == ["Sở", "Y tế", "chủ trì"]
    assert seen == ["Sở Y tế", "chủ trì"]


def test_word_or_parts_as_the_character_test_said():
    """_word_or_parts finds a part with no letter or digit by regex ([^\\W_] is str.isalnum) and passes a
    word without whitespace as it is; the same spans as the former per-character test."""
    from directive_nlp.tokenizer import _pieces, _word_or_parts

    def reference(text, s, e, out):
        parts = text[s:e].split()
        if len(parts) > 1 and any(not any(c.isalnum() for c in p) for p in parts):
            _pieces(text, s, e, out)
        else:
            out.append((s, e))

    texts = ["Ủy ban nhân dân", "| Quý", "Sở Y tế / Sở Nội vụ", "a _ b", "x\u00b2 ²", "Ⅳ ½", "— –", "hoà\tbình",
             "_ _", "2026", "./.", "Hà Nội"]
    for text in texts:
        for s in range(len(text)):
            for e in range(s + 1, len(text) + 1):
                got, want = [], []
                _word_or_parts(text, s, e, got)
                reference(text, s, e, want)
                assert got == want, (text, s, e)


def test_a_repeated_line_is_segmented_once_and_the_same():
    """_line_spans remembers a few documents' lines: a line met again is not segmented again, and its
    spans are what segmenting it gives; the cache is bounded (no gain for a benchmark's later round)."""
    from directive_nlp import tokenizer as T

    line = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    text = "\n".join([line, "Sở Y tế chủ trì.", line, "", line])
    T._line_spans.cache_clear()
    spans = T.segment_spans(text)
    info = T._line_spans.cache_info()
    assert (info.hits, info.misses) == (2, 2)
    assert T._line_spans(line, ()) == T._line_spans.__wrapped__(line, ())
    n = len(T.segment_spans(line))
    assert [text[s:e] for s, e in spans[:n]] == [text[s:e] for s, e in spans[-n:]]
    assert 0 < info.maxsize <= 1024


def _spans_through_word_tokenize(line):
    """The spans of a line the general way: underthesea's word strings, found back in the line."""
    from underthesea import word_tokenize

    from directive_nlp import tokenizer as T

    words = word_tokenize(line, use_token_normalize=False)
    fast = T._written_words(line, words) if words and T.is_clean(line) else None
    return fast if fast is not None else T._line_words(line, T._align_line(line, words) if words else [(-1, -1)])


def test_tagged_spans_are_the_spans_of_word_tokenize():
    """_tagged_spans reads underthesea's syllables and tags without making word strings: the same spans as
    word_tokenize's words found in the line; None (the general path) where the two could differ."""
    from underthesea import word_tokenize

    from directive_nlp import tokenizer as T

    word_tokenize("Sở Y tế", use_token_normalize=False)  # the model is loaded
    lines = ["Ủy ban nhân dân tỉnh chủ trì, phối hợp với Sở Tài chính.", "| Quý III/2026 | Sở Y tế |",
             "Hoàn thành trước ngày 30/6/2026; báo cáo UBND tỉnh.", "a _ b", "./.", "Sở Y tế / Sở Nội vụ",
             "- Giao Sở Nông nghiệp và Môi trường (NN&MT) theo dõi", "Ngày 5-3-2026, 10% kinh phí"]
    for line in lines:
        got = T._tagged_spans(line, word_tokenize)
        assert got is not None, line
        assert got == _spans_through_word_tokenize(line), line
    for odd in ["Sở Y tế  chủ trì", "UBND tỉnh Ðồng Nai", "Hoá đơn\tđiện tử", "e\u0301 x"]:
        assert T._tagged_spans(odd, word_tokenize) is None, odd  # double space, "Ð", tab, NFD: general path
        assert T._line_spans.__wrapped__(odd, ()) == _spans_through_word_tokenize(odd)


def test_tagged_spans_leave_a_wrapped_word_tokenize_alone():
    from underthesea import word_tokenize

    from directive_nlp import tokenizer as T

    def wrapped(line, **kw):
        return word_tokenize(line, **kw)

    assert T._tagged_spans("Sở Y tế chủ trì", wrapped) is None
