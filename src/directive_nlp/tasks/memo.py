"""Answers of pure text tests remembered for one document's extraction, and no longer.

The walker reads a block more than once (as a block, as its sentences, as a label line, as a
heading), so a few pure tests of a text ("is this a label line?", "does it open with a verb?")
are asked again with the same text: 2,944 of 4,693 label reads and 2,233 of 4,986 verb-start
tests on the 19 gold documents. :func:`per_document` remembers such a function's answers in a
dict that :func:`document_memo` opens for one document (the task component does, around the
rules) and drops after it: a new document, or the same document read again, costs the same
work. Outside it (the rules called directly) nothing is remembered.

Only functions whose answer is a value nobody changes (a bool, a frozen record) may be
remembered: every caller gets the same object.
"""

from __future__ import annotations

import contextvars
import functools
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Optional, TypeVar

__all__ = ["document_memo", "per_document"]

F = TypeVar("F", bound=Callable[..., Any])

_memo: contextvars.ContextVar[Optional[dict]] = contextvars.ContextVar("dnlp_document_memo", default=None)


def per_document(fn: F) -> F:
    """``fn``'s answers remembered while a :func:`document_memo` is open (positional arguments only;
    a call with keywords is answered afresh)."""

    @functools.wraps(fn)
    def remembered(*args: Any, **kwargs: Any) -> Any:
        memo = _memo.get()
        if memo is None or kwargs:
            return fn(*args, **kwargs)
        key = (fn, args)
        if key in memo:
            return memo[key]
        out = memo[key] = fn(*args)
        return out

    return remembered  # type: ignore[return-value]


@contextmanager
def document_memo() -> Iterator[dict]:
    """Open a fresh memo for one document's extraction; it is dropped on exit."""
    memo: dict = {}
    token = _memo.set(memo)
    try:
        yield memo
    finally:
        _memo.reset(token)
