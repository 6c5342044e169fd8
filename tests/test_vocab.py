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
