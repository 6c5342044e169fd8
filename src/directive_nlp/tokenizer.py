"""A spaCy tokenizer that segments Vietnamese words with underthesea, losslessly.

underthesea's ``word_tokenize`` groups syllables into words ("Ủy ban nhân
dân"), which is what a Vietnamese pipeline needs, but its output is not a
substring sequence of its input: it joins a word's syllables with one space,
NFC-normalises, maps a few characters (ð → đ) and, by default, rewrites tone
placement (hoá → hóa). spaCy needs ``doc.text == text``.

So this tokenizer:

1. segments each line on its own (no word crosses a line break);
2. calls ``word_tokenize(line, use_token_normalize=False)`` (tone marks as written);
3. aligns every word back to the line: it locates the word's syllables in
   order in the NFC/character-mapped line, whose characters map back to the
   original ones, and takes the original slice from the first syllable's start
   to the last one's end, inner whitespace included (as spaCy's own
   ``lang/vi`` tokenizer does);
4. lets :func:`spacy.util.get_words_and_spaces` rebuild the spaces.

A line already in underthesea's character form (the reader's normalised text:
every line of the corpora) takes a shorter road to the same words
(:func:`_tagged_spans`): underthesea's own syllable regex gives the syllables'
spans in the line, its own CRF model tags them, and a syllable tagged ``I-W``
joins the word before it, exactly as ``word_tokenize`` joins them; the words
are never made as strings and searched back. The tags themselves come from
:mod:`directive_nlp.word_crf`, which scores underthesea's CRF model from its
own files without underthesea's featuriser (the model's tags on every line it
answers; a line it does not answer is tagged by ``model.predict``). Wherever the two roads could
differ (``word_tokenize`` wrapped or replaced, the model not loaded yet,
``fixed_words`` given, a line underthesea would rewrite, syllables not one
space apart) ``word_tokenize`` itself is called, as above.

Anything underthesea returns that cannot be aligned (it should not happen)
falls back to whitespace-separated words for the rest of the line, so the
invariant holds for any input: double spaces, tabs, newlines, NFD text,
emoji, "ð".
"""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import DummyTokenizer, registry

from .extensions import remember_text
from . import word_crf
from .normalize import _nfc_with_map, is_clean

__all__ = ["UndertheseaTokenizer", "create_tokenizer", "segment", "segment_spans", "words_and_spaces"]

# underthesea compiles fixed_words into a re.VERBOSE pattern escaping only
# spaces (docs/pipeline.md, the tokenizer): pass only letters, digits and spaces
_SAFE_FIXED = re.compile(r"^[^\W_]+(?: [^\W_]+)*$")


def _clean_fixed_words(words: Optional[Iterable[str]]) -> list[str]:
    return sorted({w.strip() for w in (words or []) if w and _SAFE_FIXED.match(w.strip())}, key=len, reverse=True)


def _align_word(norm: str, w: str, pos: int) -> tuple[int, int]:
    """Start and end in ``norm`` of underthesea word ``w`` at or after ``pos`` (whitespace skipped
    before each syllable), or (-1, pos) when the syllables are not there in order."""
    n = len(norm)
    while pos < n and norm[pos].isspace():
        pos += 1
    if w and not w[0].isspace() and not w[-1].isspace() and norm.startswith(w, pos):
        return pos, pos + len(w)  # the common case: the word as written, its own spaces inside
    start = -1
    for syl in w.split():
        while pos < n and norm[pos].isspace():
            pos += 1
        if not norm.startswith(syl, pos):
            return -1, pos
        if start < 0:
            start = pos
        pos += len(syl)
    return start, pos


def _align_line(line: str, words: list[str]) -> list[tuple[int, int]]:
    """Character spans in ``line`` of underthesea ``words`` (see module doc); a span (-1, -1) ends
    the list where a word cannot be aligned (the caller falls back to whitespace)."""
    clean = is_clean(line)
    norm, omap = (line, None) if clean else _nfc_with_map(line)
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(norm)
    for w in words:
        start, end = _align_word(norm, w, pos)
        if start < 0:
            return spans + [(-1, -1)]
        pos = end
        if omap is None:
            spans.append((start, end))
        else:
            # omap points each normalised char at its cluster start; the end is the
            # start of the next cluster, or the line end
            spans.append((omap[start], omap[end] if end < n else len(line)))
    return spans


_NON_SPACE = re.compile(r"\S+")
_TWO_PARTS = re.compile(r"\S\s+\S")  # str.split gives two parts or more
_BARE_PART = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")  # a part with no alnum character ([\W_] only)
_SPACE = re.compile(r"\s")


def _pieces(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """The whitespace-separated pieces of ``text[start:end]``, as spans (``str.split``'s pieces)."""
    if end > start and not text[start:end].isspace():
        out.extend(m.span() for m in _NON_SPACE.finditer(text, start, end))


def _word_or_parts(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    """A word, or its syllables when one of them is only punctuation: underthesea sometimes
    joins a separator to the next syllable ("| Quý" in a table row), and a word must not cross
    a cell boundary or a "/" between two names."""
    if _SPACE.search(text, s, e) is None:  # one syllable (most words): itself
        out.append((s, e))
        return
    word = text[s:e]
    if _TWO_PARTS.search(word) and _BARE_PART.search(word):  # str.split's parts: two or more, one without alnum
        _pieces(text, s, e, out)
    else:
        out.append((s, e))


@lru_cache(maxsize=256)
def _line_spans(line: str, fixed_words: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """The words of one line as spans into it: underthesea's where they align (:func:`_align_line`),
    split where a part is only punctuation (:func:`_line_words`). Made once per distinct line: a document
    or a batch repeats its header, motto and signature lines. Bounded to a few documents' lines, so that a
    benchmark reading the same documents in rounds gains nothing from an earlier round."""
    from underthesea import word_tokenize

    fast = None if fixed_words else _tagged_spans(line, word_tokenize)
    if fast is not None:
        return fast
    try:
        words = word_tokenize(line, use_token_normalize=False, fixed_words=list(fixed_words) or None)
    except Exception:  # pragma: no cover - underthesea failing on odd input
        words = []
    fast = _written_words(line, words) if words and is_clean(line) else None
    if fast is not None:
        return fast
    return _line_words(line, _align_line(line, words) if words else [(-1, -1)])


def _segmenter(word_tokenize) -> Optional[tuple[Any, Any]]:
    """underthesea's syllable regex module and word model, when ``word_tokenize`` is underthesea's own
    function over them (not wrapped or replaced) and the model is loaded; else None."""
    pkg = sys.modules.get("underthesea.pipeline.word_tokenize")
    rt = sys.modules.get("underthesea.pipeline.word_tokenize.regex_tokenize")
    if pkg is None or rt is None or getattr(pkg, "word_tokenize", None) is not word_tokenize:
        return None
    model = getattr(pkg, "word_tokenize_model", None)
    if model is None or getattr(pkg, "tokenize", None) is not getattr(rt, "tokenize", None):
        return None
    return rt, model


def _tagged_spans(line: str, word_tokenize) -> Optional[tuple[tuple[int, int], ...]]:
    """What :func:`_written_words` gives for ``line``, read from underthesea's own steps without making
    the word strings: its syllable regex gives the syllables' spans in the line (the line is already in
    underthesea's character form), its CRF model tags them, and a syllable tagged ``I-W`` joins the word
    before it, as ``word_tokenize`` joins them. None when that cannot be done the same way (underthesea
    wrapped or not loaded yet, a line underthesea would rewrite, syllables not one space apart): the
    caller then calls ``word_tokenize`` itself."""
    found = _segmenter(word_tokenize)
    if found is None or not is_clean(line):
        return None
    rt, model = found
    try:
        if rt.normalize_characters_in_text(line) != line:
            return None
        sylls = [m.span() for m in rt.patterns.finditer(line)]
        if not sylls:
            return None
        words = [line[s:e] for s, e in sylls]
        scored = word_crf.scorer(model)
        tags = scored.tags(words) if scored is not None else None
        if tags is None:
            tags = model.predict([[w] for w in words])
    except Exception:  # pragma: no cover - underthesea failing on odd input: the general path decides
        return None
    return _joined_spans(line, sylls, tags)


def _joined_spans(line: str, sylls: list[tuple[int, int]], tags: list[str]) -> Optional[tuple[tuple[int, int], ...]]:
    """The word spans of :func:`_tagged_spans` (None where :func:`_written_words` would give up)."""
    out: list[tuple[int, int]] = []
    pos, i, n = 0, 0, len(sylls)
    while i < n:
        s, e = sylls[i]
        if e <= s or not (s == pos or (s == pos + 1 and line[pos] == " ")):
            return None
        i += 1
        single = True
        while i < n and tags[i] == "I-W":
            s2, e2 = sylls[i]
            if s2 != e + 1 or line[e] != " " or e2 <= s2:
                return None
            e, single = e2, False
            i += 1
        if single and _SPACE.search(line, s, e) is None:
            out.append((s, e))
        else:
            _word_or_parts(line, s, e, out)
        pos = e
    _pieces(line, pos, len(line), out)
    return tuple(out)


def _written_words(line: str, words: list[str]) -> Optional[tuple[tuple[int, int], ...]]:
    """What :func:`_line_words` gives for a normalised line whose underthesea words are written in it as they
    are, one space or none apart (nearly every line), in one pass; None at the first word that is not (the
    caller then aligns the line the general way)."""
    out: list[tuple[int, int]] = []
    append = out.append
    pos = 0
    for w in words:
        if not w or w[0].isspace() or w[-1].isspace():
            return None
        if not line.startswith(w, pos):
            if line.startswith(" ", pos) and line.startswith(w, pos + 1):
                pos += 1
            else:
                return None
        end = pos + len(w)
        if w.isalnum() or _SPACE.search(w) is None:  # one syllable (most words): itself
            append((pos, end))
        else:
            _word_or_parts(line, pos, end, out)
        pos = end
    _pieces(line, pos, len(line), out)
    return tuple(out)


def _line_words(line: str, aligned: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """The word spans of ``line`` from underthesea's aligned words (a (-1, -1) ends them: the rest of the
    line is split at whitespace)."""
    out: list[tuple[int, int]] = []
    last = 0
    for s, e in aligned:
        if s < 0:
            break
        if s > last:  # text skipped between words that is not whitespace (should not happen): keep it as words
            _pieces(line, last, s, out)
        if e > s:
            if _SPACE.search(line, s, e) is None:  # one syllable (most words): itself
                out.append((s, e))
            else:
                _word_or_parts(line, s, e, out)
        last = max(last, e)
    _pieces(line, last, len(line), out)
    return tuple(out)


def _segment_line(text: str, start: int, end: int, fixed_words: tuple[str, ...], out: list[tuple[int, int]]) -> None:
    """The words of the line ``text[start:end]`` (spans into ``text``)."""
    spans = _line_spans(text[start:end], fixed_words)
    if start:
        out.extend([(start + s, start + e) for s, e in spans])
    else:
        out.extend(spans)


def segment_spans(text: str, fixed_words: Optional[list[str]] = None) -> list[tuple[int, int]]:
    """The words of ``text`` as (start, end) character spans, in order (whitespace between them).

    Each non-blank line is segmented once by underthesea; no word crosses a line break.
    """
    out: list[tuple[int, int]] = []
    start = 0
    fixed = tuple(fixed_words or ())
    word_crf.new_document()
    for line in text.split("\n"):
        end = start + len(line)
        if not line.isspace() and line:
            _segment_line(text, start, end, fixed, out)
        start = end + 1
    return out


def segment(text: str, fixed_words: Optional[list[str]] = None) -> list[str]:
    """Words of ``text`` as substrings of it (whitespace between words excluded).

    >>> segment("Ủy ban  nhân dân tỉnh")
    ['Ủy', 'ban  nhân dân', 'tỉnh']
    """
    return [text[s:e] for s, e in segment_spans(text, fixed_words)]


def words_and_spaces(text: str, spans: list[tuple[int, int]]) -> tuple[list[str], list[bool]]:
    """spaCy's words and spaces for words at ``spans`` whose gaps are whitespace: what
    :func:`spacy.util.get_words_and_spaces` returns for them, in one pass (it searches each
    word in the rest of the text)."""
    words: list[str] = []
    spaces: list[bool] = []
    pos, n = 0, len(text)
    for s, e in spans:
        if s > pos:
            words.append(text[pos:s])
            spaces.append(False)
        words.append(text[s:e])
        if e < n and text[e] == " ":
            spaces.append(True)
            pos = e + 1
        else:
            spaces.append(False)
            pos = e
    if pos < n:
        words.append(text[pos:])
        spaces.append(False)
    return words, spaces


class UndertheseaTokenizer(DummyTokenizer):
    """spaCy tokenizer wrapping underthesea ``word_tokenize`` (lossless).

    Args:
        vocab: the pipeline's vocab.
        fixed_words: phrases underthesea must keep as one word (letters,
            digits and spaces only; others are dropped, see module doc).
    """

    def __init__(self, vocab, fixed_words: Optional[list[str]] = None) -> None:
        self.vocab = vocab
        self.fixed_words = _clean_fixed_words(fixed_words)

    def __call__(self, text: str) -> Doc:
        words, spaces = words_and_spaces(text, segment_spans(text, self.fixed_words))
        doc = Doc(self.vocab, words=words, spaces=spaces)
        remember_text(doc, text)  # doc.text is text: the words and spaces cover it exactly, in order
        return doc

    # --- serialisation (the config travels with the pipeline) ------------

    def _cfg(self) -> dict[str, Any]:
        return {"fixed_words": self.fixed_words}

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        return json.dumps(self._cfg(), ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "UndertheseaTokenizer":
        self.fixed_words = _clean_fixed_words(json.loads(data.decode("utf-8")).get("fixed_words"))
        return self

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> None:
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        (p / "cfg.json").write_text(json.dumps(self._cfg(), ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = tuple()) -> "UndertheseaTokenizer":
        cfg = Path(path) / "cfg.json"
        if cfg.exists():
            self.from_bytes(cfg.read_bytes())
        return self


@registry.tokenizers("directive_nlp.UndertheseaTokenizer.v1")
def create_tokenizer(fixed_words: Optional[list[str]] = None) -> Callable[[Language], UndertheseaTokenizer]:
    """Registered tokenizer factory (``@tokenizers = "directive_nlp.UndertheseaTokenizer.v1"``)."""

    def make(nlp: Language) -> UndertheseaTokenizer:
        return UndertheseaTokenizer(nlp.vocab, fixed_words=fixed_words)

    return make
