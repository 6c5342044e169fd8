"""spaCy components: registration, spans with provenance, save and load."""

from __future__ import annotations

import textwrap

TEXT = ("Giao Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tổng hợp, báo cáo "
        "Ủy ban nhân dân tỉnh trước ngày 30/6; định kỳ hằng quý kiểm tra.")


def test_pipeline_has_the_underthesea_tokenizer_and_recognisers(nlp):
    from directive_nlp.tokenizer import UndertheseaTokenizer

    assert isinstance(nlp.tokenizer, UndertheseaTokenizer)
    assert nlp.pipe_names[:2] == ["dnlp_agency_recognizer", "dnlp_deadline_recognizer"]


def test_spans_carry_type_canonical_and_rule(nlp):
    doc = nlp(TEXT)
    ag = doc.spans["dnlp_agency"]
    assert [s.text for s in ag] == ["Sở Tài chính", "các cơ quan liên quan", "Ủy ban nhân dân tỉnh"]
    assert [s.label_ for s in ag] == ["so", "group", "ubnd"]
    assert ag[1].kb_id_ == "cơ quan liên quan"
    assert all(s._.dnlp_rule and s.id_ == s._.dnlp_rule for s in ag)
    dl = doc.spans["dnlp_deadline"]
    assert [(s.text, s.label_) for s in dl] == [("trước ngày 30/6", "by"), ("định kỳ hằng quý", "recurring")]
    assert dl[0]._.deadline["date"] is None
    assert dl[1]._.deadline["frequency"] == "quarterly"


def test_document_date_anchors_a_date_without_year(nlp):
    doc = nlp.make_doc(TEXT)
    doc._.doc_date = "2026-03-02"
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert doc.spans["dnlp_deadline"][0]._.deadline["date"] == "2026-06-30"


def test_factories_are_registered_and_advertised():
    from importlib.metadata import entry_points

    from spacy.language import Language

    import directive_nlp.components as comps

    for name in ("dnlp_agency_recognizer", "dnlp_deadline_recognizer"):
        assert Language.has_factory(name)
    eps = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    for name, attr in [("dnlp_agency_recognizer", "make_agency_recognizer"),
                       ("dnlp_deadline_recognizer", "make_deadline_recognizer"),
                       ("dnlp_task_extractor", "make_task_extractor")]:
        assert eps[name] == f"directive_nlp.components:{attr}"
        assert callable(getattr(comps, attr))  # every advertised name must resolve, or no spaCy pipeline loads


def test_saved_pipeline_loads_with_spacy_load(tmp_path):
    import spacy

    from directive_nlp.nlp import build_nlp

    gz = tmp_path / "mine.yaml"
    gz.write_text(textwrap.dedent("""\
        bodies:
          - {name: Cảng vụ Hàng hải Nha Trang, type: other}
        """), encoding="utf-8")
    nlp = build_nlp(gz)
    nlp.to_disk(tmp_path / "pipe")
    gz.unlink()  # the saved pipeline carries its own copy
    loaded = spacy.load(tmp_path / "pipe")
    doc = loaded("Cảng vụ Hàng hải Nha Trang báo cáo hằng năm.")
    assert [s.text for s in doc.spans["dnlp_agency"]] == ["Cảng vụ Hàng hải Nha Trang"]
    assert [s.label_ for s in doc.spans["dnlp_deadline"]] == ["recurring"]
    assert doc.text == "Cảng vụ Hàng hải Nha Trang báo cáo hằng năm."


def test_load_nlp_is_cached():
    from directive_nlp.nlp import load_nlp

    assert load_nlp() is load_nlp()


def test_pipeline_cache_is_keyed_by_the_gazetteer_file_and_its_time(tmp_path):
    import os

    from directive_nlp.nlp import load

    gaz = tmp_path / "bodies.yaml"
    gaz.write_text("bodies:\n  - name: Nhóm Xanh Lam\n    type: other\n", encoding="utf-8")
    first = load(gaz)
    assert load(str(gaz)) is first  # the same file, by another spelling of its path
    assert _agencies(first, "Nhóm Xanh Lam kiểm tra.") == ["Nhóm Xanh Lam"]
    gaz.write_text("bodies:\n  - name: Nhóm Xanh Lục\n    type: other\n", encoding="utf-8")
    st = gaz.stat()
    os.utime(gaz, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # an edit the clock can see
    second = load(gaz)
    assert second is not first  # the edited file is read again
    assert _agencies(second, "Nhóm Xanh Lục kiểm tra.") == ["Nhóm Xanh Lục"]
    assert _agencies(second, "Nhóm Xanh Lam kiểm tra.") == []


def _agencies(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [s.text for s in doc.spans["dnlp_agency"]]


def test_missing_user_gazetteer_is_a_one_line_error(tmp_path):
    import pytest

    from directive_nlp.errors import InputError
    from directive_nlp.nlp import build_nlp

    nlp = build_nlp(tmp_path / "absent.yaml")
    with pytest.raises(InputError, match="gazetteer file not found"):
        nlp("Sở Y tế")


def test_task_extractor_joins_the_pipeline():
    from directive_nlp.nlp import build_nlp

    nlp = build_nlp(tasks=True)
    assert nlp.pipe_names == ["dnlp_document", "dnlp_agency_recognizer", "dnlp_deadline_recognizer",
                              "dnlp_task_extractor", "dnlp_learned_decisions"]
    doc = nlp("Giao Sở Tài chính chủ trì, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/6/2026.")
    assert {"dnlp_agency", "dnlp_deadline", "dnlp_task"} <= set(doc.spans)
