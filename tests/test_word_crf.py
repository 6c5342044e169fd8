"""word_crf: underthesea's word CRF scored in Python gives the model's own tags, or None (the model decides)."""

from __future__ import annotations

import random

import pytest


@pytest.fixture(scope="module")
def model():
    from underthesea import word_tokenize  # first: underthesea's modules import each other in this order

    import underthesea.pipeline.word_tokenize as pkg

    word_tokenize("Sở Y tế", use_token_normalize=False)  # the model is loaded
    return pkg.word_tokenize_model


@pytest.fixture(scope="module")
def scorer(model):
    from directive_nlp import word_crf

    found = word_crf.scorer(model)
    assert found is not None  # the installed underthesea's model is the known kind
    return found


def _sylls(line):
    """underthesea's syllables with its default patterns (its module-level ``patterns`` keeps the fixed
    words of the last ``word_tokenize(fixed_words=…)`` call, which another test may have made)."""
    import re

    from underthesea.pipeline.word_tokenize import regex_tokenize

    pattern = re.compile("(" + "|".join(regex_tokenize.regex_patterns) + ")", re.VERBOSE | re.UNICODE)
    return [m.group() for m in pattern.finditer(line)]


LINES = [
    "Ủy ban nhân dân tỉnh chủ trì, phối hợp với Sở Tài chính kiểm tra trước ngày 30/6/2026.",
    "- Giao Sở Nông nghiệp và Môi trường (NN&MT) theo dõi, đôn đốc việc thực hiện;",
    "| 1 | Sở Y tế | Quý III/2026 | Thực hiện thường xuyên |",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Căn cứ Nghị định số 123/2024/NĐ-CP ngày 15/9/2024 của Chính phủ;",
    "Các sở, ban, ngành; UBND các huyện, thị xã, thành phố báo cáo kết quả về Sở Nội vụ trước ngày 15 hằng tháng.",
    "Tổng kinh phí: 3.442.104 nghìn đồng (10% vốn đối ứng).",
    "a", "2026", "Hà Nội", "./.",
    "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
]


@pytest.mark.parametrize("line", LINES)
def test_tags_are_the_models_tags(scorer, model, line):
    sylls = _sylls(line)
    scorer.new_document()
    assert scorer.tags(sylls) == model.predict([[s] for s in sylls])


def test_tags_on_shuffled_lines_are_the_models_tags(scorer, model):
    """Syllables of the lines above in random order, case and length: every line the scorer answers is the
    model's answer, and it answers nearly all of them."""
    rnd = random.Random(17)
    vocab = [s for line in LINES for s in _sylls(line)]
    answered = 0
    for _ in range(400):
        sylls = [rnd.choice(vocab) for _ in range(rnd.randint(1, 25))]
        sylls = [s.upper() if rnd.random() < 0.1 else s.capitalize() if rnd.random() < 0.2 else s for s in sylls]
        got = scorer.tags(sylls)
        if got is not None:
            answered += 1
            assert got == model.predict([[s] for s in sylls]), sylls
    assert answered >= 380


def test_a_near_tie_or_an_unchecked_script_is_left_to_the_model(scorer):
    # a run of marks gives two Viterbi choices of the same score: None, underthesea's model decides
    assert scorer.tags(_sylls("# # # # * * Nơi nhận : * *")) is None
    # Greek and Cyrillic letters: their case rules are not checked against underthesea_core's
    assert scorer.tags(["Sở", "Ωμέγα"]) is None
    assert scorer.tags(["Москва", "tỉnh"]) is None
    assert scorer.tags([]) is None
    # a fixed word ("Sở Tài chính" given as fixed_words) is one syllable with spaces: the model decides
    assert scorer.tags(["Sở Tài chính", "chủ", "trì"]) is None
    # the same line in Vietnamese letters is scored
    assert scorer.tags(["Sở", "Omega"]) is not None


def test_the_tokenizer_gives_the_same_words_with_or_without_the_scorer(monkeypatch):
    from directive_nlp import tokenizer, word_crf

    lines = ["# # # # * * Nơi nhận : * *", "Ủy ban nhân dân tỉnh Ωμέγα chủ trì", *LINES]
    with_scorer = [tokenizer._line_spans.__wrapped__(line, ()) for line in lines]
    monkeypatch.setattr(word_crf, "scorer", lambda model: None)
    assert with_scorer == [tokenizer._line_spans.__wrapped__(line, ()) for line in lines]


def _featurizer():
    from pathlib import Path

    import joblib
    import underthesea.pipeline.word_tokenize as pkg
    from underthesea_core import CRFFeaturizer

    from directive_nlp.word_crf import MODEL_DIR

    folder = Path(pkg.__file__).parent.joinpath(*MODEL_DIR)
    dictionary = joblib.load(folder / "dictionary.bin")
    return CRFFeaturizer(joblib.load(folder / "features.bin"), dictionary), dictionary


def test_attribute_tests_are_underthesea_cores_on_every_safe_character():
    """lower, isdigit, istitle and is_in_dict as the scorer computes them equal underthesea_core's
    featuriser on every character :data:`_SAFE` lets through (alone, after a letter, before one)."""
    from directive_nlp.word_crf import _SAFE, _digits, _title

    featurizer, dictionary = _featurizer()
    chars = [chr(c) for c in range(0x21, 0x10000) if _SAFE.fullmatch(chr(c))]
    assert len(chars) > 4000 and not any(c.isspace() for c in chars)
    tokens = [t for c in chars for t in (c, c + "a", "A" + c)] + ["Ủy ban", "NĐ-CP 2024", "2024", "DỌN dẹp"]
    for tok in tokens:
        feats = dict(a.split("=", 1) for a in featurizer.process([[[tok]]])[0][0])
        lo = tok.lower()
        assert (feats["T[0].lower"], feats["T[0].isdigit"], feats["T[0].istitle"], feats["T[0].is_in_dict"]) == (
            lo, _digits(tok), _title(tok), str(lo in dictionary)), tok


def test_no_scorer_for_other_templates_or_files(model, monkeypatch):
    from directive_nlp import word_crf

    monkeypatch.setattr(word_crf, "TEMPLATES", word_crf.TEMPLATES[:-1])
    monkeypatch.setattr(word_crf, "_cache", {})
    assert word_crf.scorer(model) is None
    with pytest.raises(ValueError):
        word_crf._read_crfsuite(b"lCRF" + bytes(60))
    with pytest.raises(Exception):
        word_crf._read_crfsuite(b"not a model")


def test_new_document_forgets_the_sums(scorer):
    scorer.tags(_sylls("Sở Y tế chủ trì"))
    assert scorer._uni and scorer._bi and scorer._tri
    scorer.new_document()
    assert not scorer._uni and not scorer._bi and not scorer._tri


def test_pair_and_triple_shortcuts_give_the_full_sums(scorer):
    """A pair or triple the model does not know is summed from its title and dictionary tests alone, and
    its lower case and title come from its syllables: the same numbers as the full sums of the joined text."""
    from directive_nlp.word_crf import _title

    sylls = [s for line in LINES for s in _sylls(line)] + ["Qzx", "vwq", "ỦY", "BAN", "dọn", "dẹp"]
    known = unknown = 0
    for a, b, c in zip(sylls, sylls[1:], sylls[2:]):
        scorer.new_document()
        ua, ub, uc = scorer._syllable(a), scorer._syllable(b), scorer._syllable(c)
        pair, triple = a + " " + b, a + " " + b + " " + c
        lo2, lo3 = pair.lower(), triple.lower()
        assert scorer._pair(pair, ua, ub) == scorer._bi_sum(pair, lo2, _title(pair), str(lo2 in scorer.dictionary))
        assert scorer._triple(triple, ua, ub, uc) == scorer._tri_sum(triple, _title(triple),
                                                                     str(lo3 in scorer.dictionary))
        if pair in scorer._bi_raw or lo2 in scorer._bi_low:
            known += 1
        else:
            unknown += 1
    assert known > 20 and unknown > 20  # both roads are taken ("Ủy ban" is known, "Qzx vwq" is not)


def test_the_scorer_is_built_after_a_fixed_words_call(model, monkeypatch):
    """underthesea keeps the last fixed words in its syllable patterns; the self-check reads its default
    patterns, so a pipeline with fixed words still gets the scorer (the fixed words' lines go to the model)."""
    from underthesea import word_tokenize

    from directive_nlp import word_crf

    word_tokenize("Sở Tài chính chủ trì", use_token_normalize=False, fixed_words=["Sở Tài chính"])
    monkeypatch.setattr(word_crf, "_cache", {})
    assert word_crf.scorer(model) is not None


def test_attributes_are_the_featurisers_strings():
    """Every attribute string (windows, joins, BOS/EOS, the four tests) as underthesea_core writes it, at
    every position of the lines above and of lines with short edges (one and two syllables)."""
    from directive_nlp.word_crf import attributes

    featurizer, dictionary = _featurizer()
    lines = [_sylls(line) for line in LINES] + [["Sở"], ["Sở", "2024"], ["(", "NĐ-CP", ")"]]
    for sylls in lines:
        want = featurizer.process([[[s] for s in sylls]])[0]
        assert [attributes(sylls, i, dictionary) for i in range(len(sylls))] == want, sylls


def test_no_scorer_when_an_attribute_test_disagrees(model, monkeypatch):
    """Python's own str.istitle is not underthesea_core's ("2024", "NĐ-CP" are title there): the build's
    check of the attribute strings refuses the scorer."""
    from directive_nlp import word_crf

    monkeypatch.setattr(word_crf, "_TESTS", dict(word_crf._TESTS, istitle=lambda t: str(t.istitle())))
    monkeypatch.setattr(word_crf, "_cache", {})
    assert word_crf.scorer(model) is None
