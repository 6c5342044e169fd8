"""The responsibility graph picture, drawn when a reader asks for it.

Drawing the graph (networkx layout + matplotlib) cost 2.4 times the
extraction itself, and the page drew it on every upload, whether anyone
looked at it or not. The page now offers a button: it posts the
table as shown (corrections included, as the downloads do) and the server
draws the picture then. Pictures are kept by a key made from the result's
JSON in a small bounded store (least recently used out first), so asking
again for the same table (a second click, another tab) draws nothing.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Optional

from ..models import ExtractionResult

#: pictures kept; an SVG is ~100-300 kB, so 64 hold at most ~20 MB
DEFAULT_KEEP = 64


def has_graph(result: ExtractionResult) -> bool:
    """Whether the result has anything to draw: the graph links agencies to tasks."""
    return any(t.agencies for t in result.tasks)


def result_key(result: ExtractionResult) -> str:
    """A key that names one result's content (same result, same key)."""
    return hashlib.sha256(result.model_dump_json().encode("utf-8")).hexdigest()[:32]


class GraphPictures:
    """The SVG pictures drawn so far, by result key (bounded, least recently used out first)."""

    def __init__(self, keep: int = DEFAULT_KEEP) -> None:
        self.keep = keep
        self._svg: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.drawn = 0  # pictures put here so far (the cache's misses)

    def get(self, key: str) -> Optional[bytes]:
        """The picture of ``key`` if it was drawn already."""
        with self._lock:
            svg = self._svg.get(key)
            if svg is not None:
                self._svg.move_to_end(key)
            return svg

    def put(self, key: str, svg: bytes) -> None:
        with self._lock:
            self._svg[key] = svg
            self._svg.move_to_end(key)
            while len(self._svg) > self.keep:
                self._svg.popitem(last=False)
            self.drawn += 1
