"""The one validated vocabulary loader: missing, unknown and mistyped keys are refused."""

import pytest

from directive_nlp.vocab import VocabularyError, load_vocabulary, read_yaml, validate_vocabulary


def test_packaged_file_loads():
    data = load_vocabulary("deadlines.yaml", required={"ongoing": list}, strict=False)
    assert "thường xuyên" in data["ongoing"]


def test_unknown_key_refused():
    with pytest.raises(VocabularyError, match="unknown key.*lable_words"):
        validate_vocabulary({"labels": [], "lable_words": []}, source="x.yaml", required={"labels": list})


def test_missing_key_refused():
    with pytest.raises(VocabularyError, match="missing key.*labels"):
        validate_vocabulary({}, source="x.yaml", required={"labels": list})


def test_wrong_type_refused():
    with pytest.raises(VocabularyError, match="'labels' must be a list"):
        validate_vocabulary({"labels": "Cơ quan chủ trì"}, source="x.yaml", required={"labels": list})


def test_optional_key_accepted():
    assert validate_vocabulary({"a": [], "b": {}}, source="x", required={"a": list}, optional={"b": dict})


def test_user_file_by_path(tmp_path):
    p = tmp_path / "mine.yaml"
    p.write_text("labels:\n  - Đơn vị chủ trì\n", encoding="utf-8")
    assert read_yaml(p) == {"labels": ["Đơn vị chủ trì"]}


def test_meta_rules_go_through_the_validated_loader(monkeypatch):
    from directive_nlp.structure import metadata

    rules = metadata.load_rules()
    assert "Nơi nhận" in rules.recipients_markers and "Kính gửi" not in rules.recipients_markers
    good = read_yaml("meta_rules.yaml")
    typo = {("recipent_drop" if k == "recipient_drop" else k): v for k, v in good.items()}
    monkeypatch.setattr("directive_nlp.vocab.read_yaml",
                        lambda name: typo if name == "meta_rules.yaml" else read_yaml(name))
    metadata.load_rules.cache_clear()
    try:
        with pytest.raises(VocabularyError, match="meta_rules.yaml: missing key.*recipient_drop"):
            metadata.load_rules()
    finally:
        monkeypatch.undo()
        metadata.load_rules.cache_clear()


def test_phrases_is_the_one_alternation_builder():
    import re

    from directive_nlp.vocab import phrases

    assert re.fullmatch(phrases(["phối hợp", "phối hợp chặt chẽ"]), "phối hợp  chặt chẽ")
    assert re.match(phrases(["a", "a b"], longest_first=False), "a b").group(0) == "a"
    assert re.search(phrases([]), "bất kỳ") is None


def test_word_character_without_case_folding_is_the_same_class():
    """The rule modules write a word character as (?-i:[\\wÀ-ỹ]) so that an IGNORECASE pattern does not
    build the case closure of À-ỹ (7,700 code points, about 0.4 ms per occurrence) when it is compiled:
    over every code point it matches exactly what [\\wÀ-ỹ] matches under IGNORECASE."""
    import re
    import sys

    from directive_nlp import deadlines
    from directive_nlp.tasks import compounds, frames, layout_vocab, lexicon

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    folded = re.compile(r"[\wÀ-ỹ]", re.IGNORECASE).findall(every)
    for module in (compounds, frames, layout_vocab, lexicon):
        assert re.compile(module._W, re.IGNORECASE).findall(every) == folded, module.__name__
    assert deadlines._B == f"(?<!{lexicon._W})" and deadlines._E == f"(?!{lexicon._W})"
