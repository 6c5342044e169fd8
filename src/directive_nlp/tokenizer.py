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

Anything underthesea returns that cannot be aligned (it should not happen)
falls back to whitespace-separated words for the rest of the line, so the
invariant holds for any input: double spaces, tabs, newlines, NFD text,
emoji, "ð".
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import DummyTokenizer, get_words_and_spaces, registry

from .normalize import _nfc_with_map, is_clean

__all__ = ["UndertheseaTokenizer", "create_tokenizer", "segment"]

# underthesea compiles fixed_words into a re.VERBOSE pattern escaping only
# spaces (docs/pipeline.md, the tokenizer): pass only letters, digits and spaces
_SAFE_FIXED = re.compile(r"^[^\W_]+(?: [^\W_]+)*$")


def _clean_fixed_words(words: Optional[Iterable[str]]) -> list[str]:
    return sorted({w.strip() for w in (words or []) if w and _SAFE_FIXED.match(w.strip())}, key=len, reverse=True)


def _align_line(line: str, words: list[str]) -> list[tuple[int, int]]:
    """Character spans in ``line`` of underthesea ``words`` (see module doc)."""
    norm, omap = (line, range(len(line))) if is_clean(line) else _nfc_with_map(line)
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(norm)
    for w in words:
        start = end = None
        ok = True
        for syl in w.split():
            while pos < n and norm[pos].isspace():
                pos += 1
            if not norm.startswith(syl, pos):
                ok = False
                break
            if start is None:
                start = pos
            pos += len(syl)
            end = pos
        if not ok or start is None:
            # cannot align: give up on this line from here (caller falls back)
            return spans + [(-1, -1)]
        o_start = omap[start]
        o_end = omap[end] if end < n else len(line)
        # omap points each normalised char at its cluster start; the end is the
        # start of the next cluster, or the line end
        spans.append((o_start, o_end))
    return spans


def _word_or_parts(word: str) -> list[str]:
    """A word, or its syllables when one of them is only punctuation: underthesea sometimes
    joins a separator to the next syllable ("| Quý" in a table row), and a word must not cross
    a cell boundary or a "/" between two names."""
    parts = word.split()
    if len(parts) > 1 and any(not any(c.isalnum() for c in p) for p in parts):
        return parts
    return [word]


def segment(text: str, fixed_words: Optional[list[str]] = None) -> list[str]:
    """Words of ``text`` as substrings of it (whitespace between words excluded).

    >>> segment("Ủy ban  nhân dân tỉnh")
    ['Ủy', 'ban  nhân dân', 'tỉnh']
    """
    from underthesea import word_tokenize

    out: list[str] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            try:
                words = word_tokenize(line, use_token_normalize=False, fixed_words=fixed_words or None)
            except Exception:  # pragma: no cover - underthesea failing on odd input
                words = []
            spans = _align_line(line, words) if words else [(-1, -1)]
            last = 0
            for s, e in spans:
                if s < 0:
                    break
                # text skipped between words that is not whitespace (should not happen): keep it as words
                gap = line[last:s]
                out.extend(gap.split())
                if e > s:
                    out.extend(_word_or_parts(line[s:e]))
                last = max(last, e)
            out.extend(line[last:].split())
        offset += len(line) + 1
    return out


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
        words = segment(text, self.fixed_words)
        try:
            words, spaces = get_words_and_spaces(words, text)
        except ValueError:  # pragma: no cover - alignment is exact by construction
            words, spaces = get_words_and_spaces(text.split(), text)
        return Doc(self.vocab, words=words, spaces=spaces)

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
