"""The recipients' list and the signature block of a text copied out of a PDF.

A PDF sets "Nơi nhận:" and its list in the left column and the signature (capacity,
post in capitals, the signer's name) in the right one; a PDF viewer's copy joins the
two columns line by line::

    Nơi nhận: - Bộ Khoa học và TM. ỦY BAN NHÂN DÂN KT.
    Công nghệ; - Thường trực Thành CHỦ TỊCH PHÓ CHỦ TỊCH
    ủy; - Thường trực HĐND Thành Trương Việt Dũng
    phố; - Chủ tịch UBND Thành
    …

The right column is known text: a signing capacity (meta_rules.yaml ``capacities``)
then words of posts and bodies in capitals (``positions``, ``bodies``), then a name in
title case starting at a family name (``surnames``). :func:`signature_block` cuts each
line's right part off and gives one table row of two cells, the recipients and the
signature, as the Markdown and DOCX renderings give it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..models import Block, Location

#: how many lines after "Nơi nhận" the signature column may span
SIGNATURE_LINES = 6


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[tuple[str, ...], tuple[str, ...], frozenset[str], frozenset[str]]:
    """(recipients markers, capacities, words of posts and bodies in capitals, family names)."""
    from ..structure.metadata import load_rules

    rules = load_rules()
    title_words = {w.upper().strip(",.") for p in rules.positions + rules.bodies for w in p.split()}
    return (tuple(rules.recipients_markers), tuple(rules.capacities), frozenset(title_words),
            frozenset(rules.surnames))


def _is_upper_title(word: str, title_words: frozenset[str]) -> bool:
    w = word.strip(",.")
    return bool(w) and w.isupper() and w in title_words


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() and word[1:].islower() and word.isalpha()


def _first_cut(body: str, capacities: tuple[str, ...], title_words: frozenset[str]) -> Optional[int]:
    """Where the signature starts on the "Nơi nhận:" line: a capacity word followed by
    post/body words in capitals (or nothing: "… TM. ỦY BAN NHÂN DÂN KT.")."""
    words = list(re.finditer(r"\S+", body))
    caps = {c.upper() for c in capacities}
    for k, w in enumerate(words[1:], start=1):
        if w.group(0).upper() not in caps:
            continue
        rest = words[k + 1:]
        if all(x.group(0).upper() in caps or _is_upper_title(x.group(0), title_words) for x in rest):
            return w.start()
    return None


def _right_part(body: str, title_words: frozenset[str], surnames: frozenset[str],
                caps: frozenset[str]) -> tuple[Optional[int], bool]:
    """Where the right column starts on a line below the first (its trailing words in
    capitals of posts and bodies, then a name from a family name on), and whether the name
    was found (the signature ends there). (None, False) when the line has no right part."""
    words = list(re.finditer(r"\S+", body))
    j = len(words)
    while j > 0 and _is_name_word(words[j - 1].group(0)):
        j -= 1
    run = words[j:]
    start = next((k for k, w in enumerate(run) if w.group(0) in surnames and 1 <= len(run) - k - 1 <= 3), None)
    named = start is not None
    i = j + start if named else len(words)
    if not named and run:
        return None, False  # title-case words that are no name: the left column's
    while i > 0 and (_is_upper_title(words[i - 1].group(0), title_words) or words[i - 1].group(0).upper() in caps):
        i -= 1
    if i == len(words) or i == 0:
        return None, False
    return words[i].start(), named


def signature_block(lines: list[str], skip: set[int]) -> Optional[tuple[list[int], Block]]:
    """The recipients' list and the signature as a PDF's text copy interleaves them, rebuilt:
    the line numbers used and a row of two cells (recipients, signature), or None (no such
    block; a list whose lines carry no signature; a text whose TABs part the columns)."""
    markers, capacities, title_words, surnames = _vocabulary()
    caps = frozenset(c.upper() for c in capacities)
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line)
    first = next((i for i, l in enumerate(lines) if i not in skip and l.lstrip("\f").startswith(markers)), None)
    if first is None or "\t" in lines[first]:
        return None
    body = lines[first].rstrip("\r\n")
    cut = _first_cut(body, capacities, title_words)
    if cut is None:
        return None
    left = [(body[:cut].rstrip(), starts[first])]
    right = [(body[cut:].rstrip(), starts[first] + cut)]
    used, named = [first], False
    for lineno in range(first + 1, min(len(lines), first + 1 + SIGNATURE_LINES)):
        body = lines[lineno].rstrip("\r\n")
        at, named = _right_part(body, title_words, surnames, caps)
        used.append(lineno)
        if at is None:  # the room left for the handwritten signature: a line of the list alone
            left.append((body.rstrip(), starts[lineno]))
            continue
        left.append((body[:at].rstrip(), starts[lineno]))
        right.append((body[at:].rstrip(), starts[lineno] + at))
        if named:
            break
    if not named:
        return None
    for lineno in _list_rest(lines, used[-1] + 1, skip):
        used.append(lineno)
        left.append((lines[lineno].rstrip("\r\n").lstrip("\f"), starts[lineno] + (lines[lineno][:1] == "\f")))
    return used, two_cell_row(left, right, used, starts, lines)


#: how many lines the recipients' list may run on below the signature
LIST_LINES = 30


def _list_rest(lines: list[str], start: int, skip: set[int]) -> list[int]:
    """The lines of the recipients' list below the signature, to its filing entry ("Lưu: VT,
    …", meta_rules.yaml ``recipient_drop``) and the line that ends it with a stop; none when no
    filing entry closes the list within ``LIST_LINES`` lines."""
    from ..structure.metadata import load_rules

    drop = tuple(load_rules().recipient_drop)
    found = []
    end = start + LIST_LINES
    for lineno in range(start, min(len(lines), end)):
        body = lines[lineno].strip().lstrip("\f")
        if lineno in skip or "\f" in lines[lineno] and not body:
            continue  # a page break, a page number or running header between the list's pages
        if not body:
            return []
        found.append(lineno)
        words = re.findall(r"[^\s:;,.-]+", body)
        if any(" ".join(words[k:k + len(d.split())]) == d for d in drop for k in range(len(words))):
            if not body.endswith((".", "./.")):
                nxt = lineno + 1
                if nxt < len(lines) and lines[nxt].strip().endswith("."):
                    found.append(nxt)
            return found
    return []


def joined_cell(pieces) -> tuple[str, list[int]]:
    """A cell's text from its (word, offset) pieces joined by single spaces, and the offset in the copied text of
    each of its characters (a space maps to the character before the next word)."""
    text, cmap = "", []
    for t, b in pieces:
        if not t:
            continue
        if text:
            text += " "
            cmap.append(b - 1)
        text += t
        cmap.extend(range(b, b + len(t)))
    return text, cmap


def two_cell_row(left, right, used, starts, lines) -> Block:
    """One table row of two cells from the (text, offset) pieces of each column on the lines ``used``
    (joined by a space, each character mapped to its offset in the text): how a PDF copy's interleaved
    columns (the header's issuer and motto, the recipients and the signature) become the row the
    Markdown and DOCX forms give."""
    cells, maps = [], []
    for pieces in (left, right):
        text, cmap = joined_cell(pieces)
        cells.append(text)
        maps.append(cmap)
    return Block(kind="table_row", text=" | ".join(cells), cells=cells, cell_char_maps=maps, row_index=0,
                 location=Location(paragraph=used[0], row=0, raw_start=starts[used[0]],
                                   raw_end=starts[used[-1]] + len(lines[used[-1]].rstrip("\r\n"))))
