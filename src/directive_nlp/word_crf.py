"""underthesea's word-segmentation CRF, scored in Python from its own model files.

underthesea's ``word_tokenize`` tags each syllable of a line ``B-W`` (starts a
word) or ``I-W`` (joins the word before) with a linear-chain CRF: its Rust
featuriser (``underthesea_core.CRFFeaturizer``) writes 43 attribute strings per
syllable ("T[-1,0].lower=ủy ban", "T[0].is_in_dict=True" …), and its Rust
tagger adds the attributes' weights and runs Viterbi. Making the 43 strings
and handing them to Python and back is about 85 % of an extraction's
tokenizer time (1.2 of 1.5 s on the 19 gold texts, docs/tasks.md, speed17).

This module reads the same model (the CRFsuite file ``models.bin``, the
attribute templates ``features.bin`` and the word list ``dictionary.bin`` of
underthesea's ``ws_crf_vlsp2013_20230727``) and gives the same tags without
making the strings per syllable:

* an attribute depends on one syllable (``T[k]``, ``T[k].lower``, ``.isdigit``,
  ``.istitle``, ``.is_in_dict``), on two adjacent ones (``T[k,k+1]`` …) or on
  three (``T[k,k+2]`` …); the sum of weights a syllable, a pair or a triple
  brings at each offset is worked out once per document (:class:`Scorer`'s
  caches, emptied by :func:`new_document`) and a position's score is the sum of
  twelve such numbers;
* most pairs and triples are in the model neither as written nor lower-cased:
  what they bring then depends only on their title and dictionary tests, four
  sums made once; a pair's lower case and title are its syllables' joined;
* with two labels, only the difference of a position's two label scores
  matters to Viterbi (a constant added to both labels at one position adds the
  same to every path), so one number per position is kept;
* Viterbi is underthesea_core's: the best path over ``state + transition``.

The sums are added in another order than underthesea_core adds them (its
path score is the plain float64 sum in the attribute order), so two scores
can differ in the last bits. Wherever a Viterbi choice is closer than
:data:`EPS` (1e-6; the differences are around 1e-13), :meth:`Scorer.tags`
answers None and the caller asks underthesea's own model: the tags are the
model's on every line (equal on all 4,575 lines of the read and no-gold
corpora; about 1 % of lines, runs of "#", "*" or "|", go to the model).

The attribute semantics are underthesea_core's, checked against its featuriser
(``tests/test_word_crf.py``): ``lower`` is ``str.lower``; ``isdigit`` is "every
character an ASCII digit"; ``istitle`` is "every space-separated part's first
character is its own upper case" ("2024", "(" and "NĐ-CP" are title);
``is_in_dict`` looks the lower-cased text up in the word list; a window
reaching before the line is ``BOS``, after it ``EOS`` (``BOS`` first). A
syllable with a character outside :data:`_SAFE` (other scripts, whose case
rules may differ between Python's Unicode and Rust's) or with whitespace is
not scored here: None, the model decides.

:func:`scorer` builds the scorer once per process from the files of the
loaded underthesea, only when the templates are the 43 known ones, the model
file reads as a two-label CRFsuite model and a self-check on four lines
gives the model's own tags and, at every position, the featuriser's own
attribute strings (:func:`attributes`, so a later underthesea_core whose tests
differ is noticed); otherwise it returns None and nothing changes.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Optional

__all__ = ["Scorer", "scorer", "new_document", "attributes", "TEMPLATES", "EPS"]

#: underthesea's word-segmentation templates (features.bin), in its order; any other list: no scorer
TEMPLATES = (
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]",
    "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]", "T[-2,0]", "T[-1,1]", "T[0,2]",
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[-2,-1].lower", "T[-1,0].lower", "T[0,1].lower", "T[1,2].lower",
    "T[-1].isdigit", "T[0].isdigit", "T[1].isdigit",
    "T[-2].istitle", "T[-1].istitle", "T[0].istitle", "T[1].istitle", "T[2].istitle",
    "T[0,1].istitle", "T[0,2].istitle",
    "T[-2].is_in_dict", "T[-1].is_in_dict", "T[0].is_in_dict", "T[1].is_in_dict", "T[2].is_in_dict",
    "T[-2,-1].is_in_dict", "T[-1,0].is_in_dict", "T[0,1].is_in_dict", "T[1,2].is_in_dict",
    "T[-2,0].is_in_dict", "T[-1,1].is_in_dict", "T[0,2].is_in_dict",
)
MODEL_DIR = ("models", "ws_crf_vlsp2013_20230727")  # beside underthesea.pipeline.word_tokenize
EPS = 1e-6  # a Viterbi choice closer than this is left to underthesea's model

# Characters whose lower case, digit and title tests are the same in Python and in underthesea_core
# (checked one by one in tests/test_word_crf.py): Latin (U+019B, whose case changed in Unicode 16, left
# out), the combining accents, Vietnamese letters, punctuation and symbols, full-width forms; no whitespace.
_SAFE = re.compile(
    "[\u0021-\u007e\u00a1-\u019a\u019c-\u024f\u0300-\u036f\u1e00-\u1eff\u200b-\u2027\u2030-\u205e"
    "\u2060-\u2bff\uff01-\uffef]+"
)

_cache: dict = {}
_ABSENT = "\x00"  # a value no attribute of the model has (checked when the scorer is built)


def _values(weights: dict[str, float], templates: tuple[str, ...]) -> frozenset[str]:
    """The values the model knows for ``templates`` (what follows "=" in its attribute strings)."""
    heads = tuple(t + "=" for t in templates)
    return frozenset(k.split("=", 1)[1] for k in weights if k.startswith(heads))


def _title(text: str) -> str:
    return str(all(p[:1].upper() == p[:1] for p in text.split(" ")))


def _digits(text: str) -> str:
    return str(bool(text) and all("0" <= c <= "9" for c in text))


_TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(\w+))?")
_TESTS = {None: lambda t: t, "lower": str.lower, "isdigit": _digits, "istitle": _title}


def attributes(sylls: list[str], i: int, dictionary) -> list[str]:
    """The attribute strings of position ``i``, written out the way underthesea_core's featuriser writes
    them (slow: for the build's self-check and the tests; the scorer never makes them)."""
    out = []
    for name in TEMPLATES:
        a, b, test = _TEMPLATE.fullmatch(name).groups()
        lo, hi = i + int(a), i + int(b if b is not None else a)
        if lo < 0:
            value = "BOS"
        elif hi >= len(sylls):
            value = "EOS"
        else:
            text = " ".join(sylls[lo:hi + 1])
            value = str(text.lower() in dictionary) if test == "is_in_dict" else _TESTS[test](text)
        out.append(f"{name}={value}")
    return out


def _read_crfsuite(data: bytes) -> tuple[dict[str, float], tuple[float, float, float, float]]:
    """A two-label CRFsuite model (B-W, I-W): each attribute's weight for I-W minus its weight for B-W,
    and the transitions (B→B, B→I, I→B, I→I). Raises ValueError on any other file."""
    magic, _size, kind, _ver, _nf, n_labels, _na, off_feat, off_labels, off_attrs = struct.unpack_from(
        "<4sI4sIIIIIII", data, 0)
    if magic != b"lCRF" or kind != b"FOMC" or n_labels != 2:
        raise ValueError("not a two-label CRFsuite model")
    labels, attrs = _read_cqdb(data, off_labels), _read_cqdb(data, off_attrs)
    if labels != {0: "B-W", 1: "I-W"}:
        raise ValueError(f"labels {labels}")
    chunk, _csize, n = struct.unpack_from("<4sII", data, off_feat)
    if chunk != b"FEAT":
        raise ValueError("no feature chunk")
    import numpy as np

    feats = np.frombuffer(data, dtype=np.dtype([("kind", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")]),
                          count=n, offset=off_feat + 12)
    if not np.isin(feats["kind"], (0, 1)).all():
        raise ValueError("unknown feature type")
    state, moves = feats[feats["kind"] == 0], feats[feats["kind"] == 1]
    diff = np.zeros(len(attrs))
    np.add.at(diff, state["src"], np.where(state["dst"] == 1, state["w"], -state["w"]))
    weights = dict(zip([attrs[i] for i in range(len(attrs))], diff.tolist()))
    trans = [0.0, 0.0, 0.0, 0.0]
    for src, dst, w in zip(moves["src"].tolist(), moves["dst"].tolist(), moves["w"].tolist()):
        trans[2 * src + dst] = w
    return weights, (trans[0], trans[1], trans[2], trans[3])


def _read_cqdb(data: bytes, off: int) -> dict[int, str]:
    """CRFsuite's string table (CQDB) at ``off``: id → string, from its backward array."""
    chunk, _size, _flag, _order, n, bwd = struct.unpack_from("<4sIIIII", data, off)
    if chunk != b"CQDB":
        raise ValueError("no string table")
    out: dict[int, str] = {}
    for (rec,) in struct.iter_unpack("<I", data[off + bwd:off + bwd + 4 * n]):
        if rec:
            rid, size = struct.unpack_from("<II", data, off + rec)
            out[rid] = data[off + rec + 8:off + rec + 7 + size].decode("utf-8")
    return out


class Scorer:
    """Tags of a line's syllables as underthesea's word model gives them (see the module doc).

    Args:
        weights: attribute string → its I-W weight minus its B-W weight.
        transitions: B→B, B→I, I→B, I→I.
        dictionary: underthesea's word list (the ``is_in_dict`` attributes).
    """

    def __init__(self, weights: dict[str, float], transitions: tuple[float, float, float, float],
                 dictionary) -> None:
        self.w = weights
        self.trans = transitions
        self.dictionary = dictionary
        self._uni: dict[str, Optional[tuple]] = {}
        self._bi: dict[str, tuple] = {}
        self._tri: dict[str, tuple] = {}
        # what a window before the line (BOS) or after it (EOS) brings, per offset
        self.uni_bos = self._uni_sum("BOS", "BOS", "BOS", "BOS", "BOS")
        self.uni_eos = self._uni_sum("EOS", "EOS", "EOS", "EOS", "EOS")
        self.bi_bos, self.bi_eos = self._bi_sum("BOS", "BOS", "BOS", "BOS"), self._bi_sum("EOS", "EOS", "EOS", "EOS")
        self.tri_bos, self.tri_eos = self._tri_sum("BOS", "BOS", "BOS"), self._tri_sum("EOS", "EOS", "EOS")
        # most pairs and triples of a document are not in the model as written nor lower-cased: what they
        # bring then depends only on their title and dictionary tests (the same sums, with the absent
        # attributes' 0.0)
        self._bi_raw = _values(weights, ("T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]"))
        self._bi_low = _values(weights, ("T[-2,-1].lower", "T[-1,0].lower", "T[0,1].lower", "T[1,2].lower"))
        self._tri_raw = _values(weights, ("T[-2,0]", "T[-1,1]", "T[0,2]"))
        self._bi_plain = {(tit, ind): self._bi_sum(_ABSENT, _ABSENT, tit, ind)
                          for tit in ("True", "False") for ind in ("True", "False")}
        self._tri_plain = {(tit, ind): self._tri_sum(_ABSENT, tit, ind)
                           for tit in ("True", "False") for ind in ("True", "False")}

    def new_document(self) -> None:
        """Forget the sums remembered for the last document's syllables, pairs and triples."""
        self._uni.clear()
        self._bi.clear()
        self._tri.clear()

    # --- the sums one syllable, pair or triple brings at each offset --------

    def _uni_sum(self, s: str, lo: str, dig: str, tit: str, ind: str) -> tuple[float, ...]:
        g = self.w.get
        return (
            g("T[-2]=" + s, 0.0) + g("T[-2].lower=" + lo, 0.0) + g("T[-2].istitle=" + tit, 0.0)
            + g("T[-2].is_in_dict=" + ind, 0.0),
            g("T[-1]=" + s, 0.0) + g("T[-1].lower=" + lo, 0.0) + g("T[-1].isdigit=" + dig, 0.0)
            + g("T[-1].istitle=" + tit, 0.0) + g("T[-1].is_in_dict=" + ind, 0.0),
            g("T[0]=" + s, 0.0) + g("T[0].lower=" + lo, 0.0) + g("T[0].isdigit=" + dig, 0.0)
            + g("T[0].istitle=" + tit, 0.0) + g("T[0].is_in_dict=" + ind, 0.0),
            g("T[1]=" + s, 0.0) + g("T[1].lower=" + lo, 0.0) + g("T[1].isdigit=" + dig, 0.0)
            + g("T[1].istitle=" + tit, 0.0) + g("T[1].is_in_dict=" + ind, 0.0),
            g("T[2]=" + s, 0.0) + g("T[2].lower=" + lo, 0.0) + g("T[2].istitle=" + tit, 0.0)
            + g("T[2].is_in_dict=" + ind, 0.0),
        )

    def _bi_sum(self, s: str, lo: str, tit: str, ind: str) -> tuple[float, ...]:
        g = self.w.get
        return (
            g("T[-2,-1]=" + s, 0.0) + g("T[-2,-1].lower=" + lo, 0.0) + g("T[-2,-1].is_in_dict=" + ind, 0.0),
            g("T[-1,0]=" + s, 0.0) + g("T[-1,0].lower=" + lo, 0.0) + g("T[-1,0].is_in_dict=" + ind, 0.0),
            g("T[0,1]=" + s, 0.0) + g("T[0,1].lower=" + lo, 0.0) + g("T[0,1].istitle=" + tit, 0.0)
            + g("T[0,1].is_in_dict=" + ind, 0.0),
            g("T[1,2]=" + s, 0.0) + g("T[1,2].lower=" + lo, 0.0) + g("T[1,2].is_in_dict=" + ind, 0.0),
        )

    def _tri_sum(self, s: str, tit: str, ind: str) -> tuple[float, ...]:
        g = self.w.get
        return (
            g("T[-2,0]=" + s, 0.0) + g("T[-2,0].is_in_dict=" + ind, 0.0),
            g("T[-1,1]=" + s, 0.0) + g("T[-1,1].is_in_dict=" + ind, 0.0),
            g("T[0,2]=" + s, 0.0) + g("T[0,2].istitle=" + tit, 0.0) + g("T[0,2].is_in_dict=" + ind, 0.0),
        )

    def _syllable(self, s: str) -> Optional[tuple]:
        """The five offsets' sums of syllable ``s``, then its lower case and its title test (a pair's or a
        triple's are their syllables' joined: no character of :data:`_SAFE` lower-cases by context, and
        ``istitle`` reads each space-separated part); None for a syllable not scored here."""
        if _SAFE.fullmatch(s) is None:
            return None
        lo = s.lower()
        tit = _title(s)
        return self._uni_sum(s, lo, _digits(s), tit, str(lo in self.dictionary)) + (lo, tit == "True")

    def _pair(self, s: str, a: tuple, b: tuple) -> tuple:
        lo = a[5] + " " + b[5]
        tit, ind = str(a[6] and b[6]), str(lo in self.dictionary)
        if s in self._bi_raw or lo in self._bi_low:
            out = self._bi_sum(s, lo, tit, ind)
        else:
            out = self._bi_plain[tit, ind]
        self._bi[s] = out
        return out

    def _triple(self, s: str, a: tuple, b: tuple, c: tuple) -> tuple:
        tit = str(a[6] and b[6] and c[6])
        ind = str(a[5] + " " + b[5] + " " + c[5] in self.dictionary)
        out = self._tri_sum(s, tit, ind) if s in self._tri_raw else self._tri_plain[tit, ind]
        self._tri[s] = out
        return out

    # --- tags ---------------------------------------------------------------

    def tags(self, sylls: list[str]) -> Optional[list[str]]:
        """The tags (``"B-W"``/``"I-W"``) of ``sylls``, one line's syllables; None when a syllable is not
        scored here or a Viterbi choice is a near tie (the caller asks underthesea's model)."""
        n = len(sylls)
        if not n:
            return None
        uni, bi, tri = self._uni, self._bi, self._tri
        U = [self.uni_bos, self.uni_bos]
        for s in sylls:
            e = uni.get(s, False)
            if e is False:
                e = uni[s] = self._syllable(s)
            if e is None:
                return None
            U.append(e)
        U += (self.uni_eos, self.uni_eos)
        B = [self.bi_bos, self.bi_bos]
        for j in range(n - 1):
            k = sylls[j] + " " + sylls[j + 1]
            B.append(bi.get(k) or self._pair(k, U[j + 2], U[j + 3]))
        B += (self.bi_eos, self.bi_eos)
        T = [self.tri_bos, self.tri_bos]
        for j in range(n - 2):
            k = sylls[j] + " " + sylls[j + 1] + " " + sylls[j + 2]
            T.append(tri.get(k) or self._triple(k, U[j + 2], U[j + 3], U[j + 4]))
        T += (self.tri_eos,) * (3 if n >= 2 else 2)
        return self._viterbi(n, U, B, T)

    def _viterbi(self, n: int, U: list, B: list, T: list) -> Optional[list[str]]:
        """Best B-W/I-W path; the state score of I-W minus B-W at position i is the twelve window sums
        (U padded by two BOS before and two EOS after; B and T padded as their windows reach out)."""
        bb, bi_, ib, ii = self.trans
        s0 = 0.0
        s1 = U[0][0] + U[1][1] + U[2][2] + U[3][3] + U[4][4] + B[0][0] + B[1][1] + B[2][2] + B[3][3] \
            + T[0][0] + T[1][1] + T[2][2]
        back = []
        eps = EPS
        for i in range(1, n):
            d = U[i][0] + U[i + 1][1] + U[i + 2][2] + U[i + 3][3] + U[i + 4][4] + B[i][0] + B[i + 1][1] \
                + B[i + 2][2] + B[i + 3][3] + T[i][0] + T[i + 1][1] + T[i + 2][2]
            a, c, x, y = s0 + bb, s1 + ib, s0 + bi_, s1 + ii
            if -eps < a - c < eps or -eps < x - y < eps:
                return None
            from_b0, from_b1 = a > c, x > y
            back.append((from_b0, from_b1))
            s0 = a if from_b0 else c
            s1 = (x if from_b1 else y) + d
        if -eps < s0 - s1 < eps:
            return None
        label = 0 if s0 > s1 else 1
        out = [label]
        for from_b0, from_b1 in reversed(back):
            label = 0 if (from_b0 if label == 0 else from_b1) else 1
            out.append(label)
        out.reverse()
        return ["B-W" if t == 0 else "I-W" for t in out]


_CHECK = (
    "Ủy ban nhân dân tỉnh chủ trì, phối hợp với Sở Tài chính kiểm tra trước ngày 30/6/2026.",
    "Giao Sở Nông nghiệp và Môi trường (NN&MT) theo dõi, đôn đốc; báo cáo UBND tỉnh.",
    "| 1 | Sở Y tế | Quý III/2026 | Thực hiện thường xuyên |",
    "Nghị định 45/2024/NĐ-CP: DỌN dẹp, 2024 x² ǅa İ ß ủY.",
)


def scorer(model) -> Optional[Scorer]:
    """The scorer for underthesea's loaded word model ``model`` (built once), or None when its files are
    not the known kind or the self-check on a few lines disagrees with ``model.predict``."""
    if "scorer" in _cache and _cache.get("model") is model:
        return _cache["scorer"]
    found = None
    try:
        found = _build(model)
    except Exception:  # any file or format surprise: underthesea's model does the tagging
        found = None
    _cache.update(scorer=found, model=model)
    return found


def _unpickle(path: Path):
    """A file underthesea wrote with ``joblib.dump`` and reads with ``joblib.load``: a list or a set is a
    plain pickle, read here without joblib's wrapper (a quarter of its time)."""
    import pickle

    with open(path, "rb") as f:
        return pickle.load(f)  # noqa: S301 - underthesea's own installed model files, which it unpickles too


def _build(model) -> Optional[Scorer]:
    import underthesea.pipeline.word_tokenize as pkg
    from underthesea.pipeline.word_tokenize import regex_tokenize

    folder = Path(pkg.__file__).parent.joinpath(*MODEL_DIR)
    if tuple(_unpickle(folder / "features.bin")) != TEMPLATES:
        return None
    weights, trans = _read_crfsuite((folder / "models.bin").read_bytes())
    if any(_ABSENT in k for k in weights):
        return None
    found = Scorer(weights, trans, frozenset(_unpickle(folder / "dictionary.bin")))
    # underthesea's default syllable patterns (its module-level ``patterns`` keeps the fixed words of the
    # last ``word_tokenize(fixed_words=…)`` call, whose syllables hold spaces and are not scored here)
    syllable = re.compile("(" + "|".join(regex_tokenize.regex_patterns) + ")", re.VERBOSE | re.UNICODE)
    for line in _CHECK:
        sylls = [m.group() for m in syllable.finditer(line)]
        items = [[s] for s in sylls]
        if found.tags(sylls) != model.predict(items):
            return None
        # the attribute tests as underthesea_core's featuriser makes them, here, at every position
        if model.featurizer.process([items])[0] != [attributes(sylls, i, found.dictionary) for i in range(len(sylls))]:
            return None
    found.new_document()
    return found


def new_document() -> None:
    """Start a document: the built scorer forgets its remembered sums (a benchmark's later round, or the
    next document, gains nothing from the last one)."""
    found = _cache.get("scorer")
    if found is not None:
        found.new_document()
