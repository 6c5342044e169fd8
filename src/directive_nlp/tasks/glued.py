"""A sub-heading glued to its first bullet.

Web pages saved as one long line lose the break between a sub-heading that
has no final stop and its first "-" bullet: "b) Nhóm ứng dụng, nền tảng số
cấp bộ, cấp tỉnh - Xây dựng, phát triển … cấp bộ." The reader cannot cut at
" - " (it joins the halves of names: "Phát thanh - Truyền hình", "Biên Hòa -
Vũng Tàu"), but the task extractor knows the verbs: when the text before the
dash is a heading (no verb, no body, no sentence end) and the text after it
opens with a verb, the task starts after the dash.
"""

from __future__ import annotations

import re

from .mentions import Ag
from .predicates import is_verb_start

__all__ = ["glued_heading_end"]

_UP = "A-ZÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"
_GLUED = re.compile(rf"\s*(?P<head>[{_UP}][^.;:!?()\n]{{2,160}}?)\s+[-–]\s+(?=[{_UP}])")


def glued_heading_end(text: str, start: int, mentions: list[Ag]) -> int:
    """Where the first bullet's text begins when ``text[start:]`` opens with a glued sub-heading, else ``start``."""
    m = _GLUED.match(text, start)
    if not m:
        return start
    head, rest = m.group("head"), text[m.end():]
    if is_verb_start(head) or not is_verb_start(rest):
        return start
    if any(start <= a.start < m.end() for a in mentions):
        return start  # "Sở Y tế - Chủ trì …": a body heading, read by the heading mechanisms
    return m.end()
