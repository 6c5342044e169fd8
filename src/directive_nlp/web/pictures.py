"""The responsibility graph picture, drawn when a reader asks for it.

Drawing the graph (networkx layout + matplotlib) cost 2.4 times the
extraction itself, and the page drew it on every upload, whether anyone
looked at it or not (issue 17). The page now shows a link; the picture is
drawn the first time that link is followed and kept, so asking again (a
reload, a second tab) costs nothing.

The results of recent uploads are kept by a key made from their JSON, in a
small bounded store (least recently used first out): the server stays
stateless enough for one worker process, and a picture of a result that has
left the store is a "not found" that asks for the upload again.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from typing import Optional

from ..models import ExtractionResult

#: results (and their pictures) kept for the on-demand link; an extract
#: result is tens of kB and an SVG ~100-300 kB, so 64 stay well under 50 MB
DEFAULT_KEEP = 64


def has_graph(result: ExtractionResult) -> bool:
    """Whether the result has anything to draw: the graph links agencies to tasks."""
    return any(t.agencies for t in result.tasks)


def result_key(result: ExtractionResult) -> str:
    """A key that names one result's content (same result, same key)."""
    return hashlib.sha256(result.model_dump_json().encode("utf-8")).hexdigest()[:32]


class GraphPictures:
    """Recent results by key, and the SVG of each once it has been drawn."""

    def __init__(self, keep: int = DEFAULT_KEEP) -> None:
        self.keep = keep
        self._items: OrderedDict[str, tuple[ExtractionResult, Optional[bytes]]] = OrderedDict()
        self._lock = threading.Lock()
        self.drawn = 0  # pictures drawn so far (the cache's misses)

    def remember(self, result: ExtractionResult) -> str:
        """Keep ``result`` for a later picture; return its key. Draws nothing."""
        key = result_key(result)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
            else:
                self._items[key] = (result, None)
                while len(self._items) > self.keep:
                    self._items.popitem(last=False)
        return key

    def result(self, key: str) -> Optional[ExtractionResult]:
        with self._lock:
            item = self._items.get(key)
            return item[0] if item else None

    def cached(self, key: str) -> Optional[bytes]:
        """The picture of ``key`` if it was drawn already."""
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[1]

    def store(self, key: str, svg: bytes) -> None:
        with self._lock:
            if key in self._items:
                self._items[key] = (self._items[key][0], svg)
            self.drawn += 1
