"""A sub-heading glued to its first bullet.

Web pages saved as one long line lose the break between a sub-heading that
has no final stop and its first "-" bullet: "b) Nhóm ứng dụng, nền tảng số
cấp bộ, cấp tỉnh - Xây dựng, phát triển … cấp bộ." The reader cannot cut at
" - " (it joins the halves of names: "Phát thanh - Truyền hình", "Biên Hòa -
Vũng Tàu"), but the task extractor knows the verbs: when the text before the
dash is a heading (no verb, no body, no sentence end) and the text after it
opens with a verb, the task starts after the dash.

A heading may open with a verb too, as the titles of task groups do ("3. Kiểm
soát, giảm thiểu nguồn phát sinh khí thải từ hoạt động công nghiệp - Thực
hiện kiểm kê … . - Giám sát …"): then the dash is a bullet only when more
"-" bullets follow the first, in the same text after a sentence end or as the
next blocks of the section (``bullets_follow``): the item is a list of bullets,
so the words before the first one are its title. A single "Xây dựng X - Y …"
stays whole.
"""

from __future__ import annotations

import re

from .mentions import Ag
from .predicates import is_verb_start

__all__ = ["glued_heading_end"]

_UP = "A-ZÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÉÈẺẼẸÊẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÚÙỦŨỤƯỨỪỬỮỰÝỲỶỸỴ"
_GLUED = re.compile(rf"\s*(?P<head>[{_UP}][^.;:!?()\n]{{2,160}}?)\s+[-–]\s+(?=[{_UP}])")
_NEXT_BULLET = re.compile(rf"[.;]\s+[-–]\s+[{_UP}]")


def _titled_list(rest: str) -> bool:
    """A verb-led head before a dash is a title only when the text after it is a list of "-" bullets."""
    nxt = _NEXT_BULLET.search(rest)
    return bool(nxt) and is_verb_start(rest[nxt.end() - 1:])


def glued_heading_end(text: str, start: int, mentions: list[Ag], bullets_follow: bool = False) -> int:
    """Where the first bullet's text begins when ``text[start:]`` opens with a glued sub-heading, else ``start``
    (``bullets_follow``: the blocks after this one are "-" bullets of the same section)."""
    m = _GLUED.match(text, start)
    if not m:
        return start
    head, rest = m.group("head"), text[m.end():]
    if not is_verb_start(rest) or (is_verb_start(head) and not (bullets_follow or _titled_list(rest))):
        return start
    if any(start <= a.start < m.end() for a in mentions):
        return start  # "Sở Y tế - Chủ trì …": a body heading, read by the heading mechanisms
    return m.end()
