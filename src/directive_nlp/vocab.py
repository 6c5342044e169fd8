"""One validated loader for the rule vocabularies in ``resources/vi/``.

Every rule mechanism reads its words from a YAML file, never from literals in
code. A vocabulary declares its keys once (``required`` and ``optional``); a
file with a missing key, an unknown key (a typo such as ``lable_words``) or a
key of the wrong shape is refused at load time with one line naming the file
and the key, as medspaCy's rule objects refuse unknown fields.

    >>> data = load_vocabulary("deadlines.yaml", required={"ongoing": list}, optional=None, strict=False)
    >>> "thường xuyên" in data["ongoing"]
    True
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping, Optional

import yaml

__all__ = ["VocabularyError", "load_vocabulary", "read_yaml", "validate_vocabulary"]

try:  # libyaml's C loader gives the same result, several times faster
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class VocabularyError(ValueError):
    """A vocabulary file is missing a key, has an unknown key, or a value of the wrong type."""


def phrases(words, *, longest_first: bool = True) -> str:
    """A regex alternation (no group) of the phrases ``words``, each escaped, the spaces inside a phrase
    matching any whitespace; the longest first unless ``longest_first`` is False (then in the given order).
    An empty list gives a pattern that never matches.

    >>> import re; bool(re.fullmatch(phrases(["sở", "sở ban  ngành"]), "sở ban ngành"))
    True
    """
    items = [str(w) for w in words if str(w).strip()]
    if longest_first:
        items.sort(key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in items) or "(?!)"


@lru_cache(maxsize=64)
def _read_packaged(name: str) -> Any:
    text = resources.files("directive_nlp").joinpath(f"resources/vi/{name}").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


def read_yaml(name_or_path: str | Path) -> Any:
    """Parse a packaged vocabulary (by file name) or a user's YAML file (by path)."""
    p = Path(name_or_path)
    if p.is_absolute() or p.exists():
        return yaml.load(p.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    return _read_packaged(str(name_or_path))


def validate_vocabulary(data: Any, *, source: str, required: Mapping[str, type],
                        optional: Optional[Mapping[str, type]] = None, strict: bool = True) -> dict:
    """Check ``data`` against the declared keys; return it unchanged.

    ``required`` and ``optional`` map each key to the Python type its value
    must have (``list``, ``dict``, ``str`` …). With ``strict`` (the default),
    keys that are declared neither way are refused.
    """
    if not isinstance(data, dict):
        raise VocabularyError(f"{source}: expected a mapping of keys at the top level")
    optional = dict(optional or {})
    missing = sorted(set(required) - set(data))
    if missing:
        raise VocabularyError(f"{source}: missing key(s) {', '.join(missing)}")
    if strict:
        unknown = sorted(set(data) - set(required) - set(optional))
        if unknown:
            raise VocabularyError(f"{source}: unknown key(s) {', '.join(unknown)}")
    for key, kind in {**optional, **required}.items():
        if key in data and data[key] is not None and not isinstance(data[key], kind):
            raise VocabularyError(
                f"{source}: key {key!r} must be a {kind.__name__}, not {type(data[key]).__name__}")
    return data


def load_vocabulary(name: str, *, required: Mapping[str, type], optional: Optional[Mapping[str, type]] = None,
                    strict: bool = True) -> dict:
    """Load ``resources/vi/NAME`` (or a path) and validate it (see :func:`validate_vocabulary`)."""
    return validate_vocabulary(read_yaml(name), source=str(name), required=required, optional=optional,
                               strict=strict)
