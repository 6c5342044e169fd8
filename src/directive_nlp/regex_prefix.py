"""The literal prefixes every match of a regular expression starts with: a cheap prefilter.

A big union of patterns tried as a lookahead at every position of a text is
slow: the engine walks every alternative at every word. Most patterns begin
with one of a few words ("trong", "trước", "hằng", a digit), so a small trie of
those first few characters finds the only positions where the union can
match; the union is then tried there alone (:func:`directive_nlp.deadlines._starts`).

:func:`prefixes` reads a compiled pattern's parse tree (the ``re`` module's
own parser) and returns regex atoms (an escaped character or a small class
such as ``[\\d]``), up to ``limit`` of them per prefix, such that every match
of the pattern begins with one of the prefixes. It is conservative: what it
cannot read (a negated class, ``.``, a back reference) ends a prefix there,
zero-width assertions are skipped, a repeat is read once, and a pattern that
may begin with anything (or match the empty string) gives None: no prefilter.
Compiled with the pattern's flags plus IGNORECASE, the prefix regex can only
accept more positions than the pattern, never fewer.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

try:  # Python 3.11+: the parser is re._parser (sre_parse is its deprecated alias)
    from re import _constants as _C, _parser as _P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

__all__ = ["prefixes", "preceding_chars", "trie_regex"]

Prefix = tuple[str, ...]  # regex atoms, one per character

_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT} | ({_C.POSSESSIVE_REPEAT} if hasattr(_C, "POSSESSIVE_REPEAT") else set())
_ZERO_WIDTH = {_C.AT, _C.ASSERT, _C.ASSERT_NOT}


def _class_atom(items) -> Optional[str]:
    """A character class of literals, ranges and digits as one atom (None for anything else: a negated
    class, a category other than digits)."""
    out = []
    for op, av in items:
        if op is _C.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is _C.RANGE:
            out.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is _C.CATEGORY and av is _C.CATEGORY_DIGIT:
            out.append(r"\d")
        else:
            return None
    return "[" + "".join(out) + "]"


class _Reader:
    """Prefixes of a parsed pattern: ``open`` ones may still grow, ``closed`` ones are final."""

    def __init__(self, limit: int, spaces: bool = False):
        self.limit = limit
        self.spaces = spaces

    def seq(self, items, opened: set[Prefix]) -> tuple[set[Prefix], set[Prefix]]:
        closed: set[Prefix] = set()
        for op, av in items:
            opened, more = self.item(op, av, opened)
            closed |= more
            full = {p for p in opened if len(p) >= self.limit}
            closed |= full
            opened -= full
            if not opened:
                break
        return opened, closed

    def item(self, op, av, opened: set[Prefix]) -> tuple[set[Prefix], set[Prefix]]:
        if op in _ZERO_WIDTH:  # skipped: the prefixes only grow more permissive
            return opened, set()
        if op is _C.LITERAL:
            return {p + (re.escape(chr(av)),) for p in opened}, set()
        if op is _C.IN:
            atom = _class_atom(av)
            return (set(), set(opened)) if atom is None else ({p + (atom,) for p in opened}, set())
        if op is _C.SUBPATTERN:
            return self.seq(av[-1].data, opened)
        if op is _C.BRANCH:
            grown: set[Prefix] = set()
            closed: set[Prefix] = set()
            for branch in av[1]:
                o, c = self.seq(branch.data, set(opened))
                grown |= o
                closed |= c
            return grown, closed
        if op in _REPEATS:
            lo, hi, sub = av
            run = _space_run(lo, sub.data) if self.spaces and () not in opened else None
            if run is not None:  # the spaces between two words: one atom, and the prefix goes on
                return {p + (run,) for p in opened}, set()
            grown, closed = self.seq(sub.data, set(opened))
            if hi != 1:  # more repeats may follow the first: the prefix ends after it
                closed |= grown
                grown = set()
            return (grown | opened if lo == 0 else grown), closed
        return set(), set(opened)  # anything else ends the prefix here


def _space_run(lo: int, items) -> Optional[str]:
    """A repeat of one space class (``\\s+``, ``[^\\S\\n]*``, `` +``) as one atom, or None."""
    if len(items) != 1:
        return None
    op, av = items[0]
    if op is _C.LITERAL and av == 32:
        atom = " "
    elif op is _C.IN and list(av) == [(_C.CATEGORY, _C.CATEGORY_SPACE)]:
        atom = r"\s"
    elif op is _C.IN and list(av) == [(_C.NEGATE, None), (_C.CATEGORY, _C.CATEGORY_NOT_SPACE), (_C.LITERAL, 10)]:
        atom = r"[^\S\n]"
    else:
        return None
    return atom + ("+" if lo >= 1 else "*")


def prefixes(pattern: re.Pattern, limit: int = 6, *, spaces: bool = False) -> Optional[list[Prefix]]:
    """The prefixes (tuples of regex atoms) one of which starts every match of ``pattern``, the shortest
    ones only (a prefix of another covers it); None when a match may start with anything.

    ``spaces``: a run of spaces after the first character (``\\s+``, ``[^\\S\\n]+``, one atom ending
    in ``+`` or ``*``) does not end a prefix, so that it can reach the next word ("trong\\s+thời")."""
    try:
        parsed = _P.parse(pattern.pattern, pattern.flags)
        opened, closed = _Reader(limit, spaces).seq(parsed.data, {()})
    except Exception:  # pragma: no cover - a parse tree this reader does not know
        return None
    found = opened | closed
    if () in found:
        return None
    out: list[Prefix] = []
    for p in sorted(found, key=len):
        if not any(p[: len(q)] == q for q in out):
            out.append(p)
    return sorted(out)


def trie_regex(found: Iterable[Prefix]) -> str:
    """One regex source for a set of prefixes, shared beginnings written once ("t(?:r(?:ong|ước)|ừ)")."""
    words = sorted(set(found))
    if () in words:
        return ""
    groups: dict[str, list[Prefix]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    alts = [atom + trie_regex(rest) for atom, rest in groups.items()]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _behind_class(av, negative: bool) -> Optional[str]:
    """The characters a one-character lookbehind asks for before a match, as one class atom (None: not such a
    lookbehind). ``(?<=[;:])`` asks for ``[;:]``; ``(?<![^\\n|:])`` (not a character other than these) too."""
    direction, sub = av
    items = list(getattr(sub, "data", sub))
    if direction != -1 or len(items) != 1:
        return None
    op, inner = items[0]
    if op is _C.LITERAL:
        return None if negative else "[" + re.escape(chr(inner)) + "]"
    if op is not _C.IN:
        return None
    inner = list(inner)
    negated = bool(inner) and inner[0][0] is _C.NEGATE
    if negated != negative:  # (?<=[^…]) or (?<![…]): a class of everything but a few, no help
        return None
    return _class_atom(inner[1:] if negated else inner)


def preceding_chars(pattern: re.Pattern) -> Optional[tuple[str, bool]]:
    """``(class, at_start)`` when every match of ``pattern`` begins right after one of the class's characters,
    or (``at_start``) at the start of the text: the pattern opens with a one-character lookbehind
    (``(?<=\\()``, ``(?<![^\\n|:])``) or with ``(?:^|(?<=[…]))``. None for any other beginning. A scan for
    those characters finds the only positions where such a pattern may match, far fewer than all."""
    if pattern.flags & re.MULTILINE:
        return None  # "^" would also match after every line break
    try:
        items = list(_P.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # pragma: no cover - a parse tree this reader does not know
        return None
    if not items:
        return None
    op, av = items[0]
    if op is _C.SUBPATTERN and len(av[-1].data) == 1:
        op, av = av[-1].data[0]
    if op in (_C.ASSERT, _C.ASSERT_NOT):
        atom = _behind_class(av, op is _C.ASSERT_NOT)
        return None if atom is None else (atom, op is _C.ASSERT_NOT)
    if op is _C.BRANCH and len(av[1]) == 2:
        first, second = (list(b.data) for b in av[1])
        if first == [(_C.AT, _C.AT_BEGINNING)] and len(second) == 1 and second[0][0] is _C.ASSERT:
            atom = _behind_class(second[0][1], False)
            return None if atom is None else (atom, True)
    return None

