"""Property tests: any sequence of blocks parses, one BlockInfo per block,
every id known, extents cover their blocks (bounded examples, fast)."""

from __future__ import annotations

from directive_nlp.models import Block, SourceDocument, SourceInfo
from directive_nlp.normalize import normalize_document
from directive_nlp.structure import parse_structure
from properties import property_test

PIECES = [
    "I.", "II-", "III.", "1.", "2.", "1.1.", "1.2.", "2.1.3.", "a)", "b.", "đ)", "-", "+", "(1)", "1)",
    "Điều 1.", "Điều 2", "Chương I", "Mục 1.", "PHẦN THỨ HAI", "PHỤ LỤC", "PHỤ LỤC II", "A.", "B.",
    "Nơi nhận:", "KT. CHỦ TỊCH", "KẾ HOẠCH", "(Kèm theo Quyết định số 1/QĐ-UBND)", "./.", "V/v",
]
WORDS = ["Sở Y tế", "chủ trì", "báo cáo", "TỔ CHỨC THỰC HIỆN", "trước ngày 15/6/2026", "1.500 tỷ", ":", ";", "."]



def documents(st):
    line = st.builds(
        lambda head, body: f"{head} {body}".strip(),
        st.sampled_from(PIECES + [""]),
        st.lists(st.sampled_from(WORDS), max_size=6).map(" ".join),
    )

    @st.composite
    def document(draw):
        blocks = []
        for text in draw(st.lists(line, max_size=25)):
            if draw(st.booleans()) and draw(st.integers(0, 5)) == 0:
                cells = [text, draw(st.sampled_from(WORDS))]
                blocks.append(Block(kind="table_row", text=" | ".join(cells), cells=cells, table_id=0))
            else:
                blocks.append(Block(text=text, bold=draw(st.booleans())))
        src = SourceDocument(source=SourceInfo(path="x.txt", format="txt", sha256="0"), blocks=blocks)
        return normalize_document(src)

    return document()


@property_test(doc=documents, max_examples=80, deadline=None)
def test_any_document_parses(doc) -> None:
    structure = parse_structure(doc)
    assert [b.block for b in structure.blocks] == [b.index for b in doc.blocks]
    ids = [s.id for s in structure.sections]
    assert len(ids) == len(set(ids))
    by_id = {s.id: s for s in structure.sections}
    for s in structure.sections:
        assert s.parent is None or s.parent in by_id
    for b, info in zip(doc.blocks, structure.blocks):
        sec = by_id[info.section]
        assert sec.start <= b.start and b.end <= sec.end
        assert b.start <= info.content_start <= b.end


def test_is_upper_judges_each_distinct_character_as_every_character_was():
    from directive_nlp.structure.sections import _is_upper

    def reference(text):
        letters = [c for c in text if c.isalpha()]
        return len(letters) >= 3 and all(c.isupper() for c in letters)

    for text in ("", "AB", "ABC", "I. MỤC ĐÍCH", "I. Mục đích", "ĐẨY MẠNH 2026", "Ab", "ª BC", "ǅ AB", "x" * 500,
                 "NHIỆM VỤ, GIẢI PHÁP:", "1.2.3", "AAB c"):
        assert _is_upper(text) == reference(text), text
