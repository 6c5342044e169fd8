"""Vietnamese provinces before and after the 2025 merger.

Documents dated before 1 July 2025 name the 63 old provinces ("tỉnh Bình
Phước"); later ones name the 34 new units ("tỉnh Đồng Nai"). Both must be
recognised, and a user comparing documents across the merger needs to know
that Bình Phước is now part of Đồng Nai.

* The merger (which old provinces went into which new one) ships as
  ``resources/vi/meta_provinces_2025.yaml`` with its source (Nghị quyết
  202/2025/QH15) stated there; its keys are the 34 post-merger names.
* A test checks those keys against the maintained ``vietnam-provinces``
  package (data version 2025-08-02), which only knows the new units. The
  package is not imported at run time: its ward tables cost every command's
  start-up ~30 ms for 34 names the merger table already holds.

Names are returned in the short form used by ``docs/output-contract.md`` ("Hồ Chí
Minh", "Hà Nội", "Bình Phước"), without "tỉnh"/"thành phố". A province is
only recognised when written as a proper name (title case or capitals),
so "hòa bình" (peace) is not Hòa Bình.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml

from .normalize import match_key, tone_key


@dataclass(frozen=True)
class ProvinceData:
    new: tuple[str, ...]            # the 34 units after 1/7/2025
    old: tuple[str, ...]            # the 63 units before
    merged: dict[str, str]          # old name -> new unit
    members: dict[str, tuple[str, ...]]  # new unit -> old names
    by_key: dict[str, str]          # match_key of any spelling -> canonical name


class _MergerUnits:
    """The 34 post-merger units, read from the merger table's keys, in the
    shape of ``vietnam_provinces.Province`` (``iter_all()``, ``.name``), which a
    test holds them equal to."""

    def __init__(self, name: str) -> None:
        self.name = name

    @staticmethod
    def iter_all():
        return (_MergerUnits(name) for name in _provinces_yaml()["merger"])


def _short(name: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


@lru_cache(maxsize=1)
def _provinces_yaml() -> dict:
    """The merger table, read once (libyaml's C loader when built: same result, faster start)."""
    text = resources.files("directive_nlp.resources.vi").joinpath("meta_provinces_2025.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


@lru_cache(maxsize=1)
def province_data() -> ProvinceData:
    """Load the merger table: the 34 units and their 63 members (cached)."""
    Province = _MergerUnits  # not the package: see the module's docstring

    package_names = tuple(_short(p.name) for p in Province.iter_all())
    raw = _provinces_yaml()
    members = {new: tuple(olds) for new, olds in raw["merger"].items()}
    merged = {old: new for new, olds in members.items() for old in olds}
    old = tuple(merged)
    new = tuple(tone_key(n) for n in package_names)
    by_key: dict[str, str] = {}
    for name in set(old) | set(new):
        by_key[match_key(name)] = name
    for alias, target in (raw.get("aliases") or {}).items():
        by_key.setdefault(match_key(alias), target)
    return ProvinceData(new=new, old=old, merged=merged, members=members, by_key=by_key)


def all_names() -> list[str]:
    """Every province name known, old and new, plus aliases' targets."""
    d = province_data()
    return sorted(set(d.old) | set(d.new))


def canonical_province(name: Optional[str]) -> Optional[str]:
    """The canonical short name of a province written in any usual way.

    >>> canonical_province("TỈNH QUẢNG NGÃI"), canonical_province("Thành phố Hồ Chí Minh")
    ('Quảng Ngãi', 'Hồ Chí Minh')
    >>> canonical_province("Thanh Hoá"), canonical_province("Gotham") is None
    ('Thanh Hóa', True)
    """
    if not name:
        return None
    key = match_key(name)
    d = province_data()
    if key in d.by_key:
        return d.by_key[key]
    for prefix in ("tỉnh ", "thành phố ", "tp ", "tp. "):
        if key.startswith(prefix) and key[len(prefix):] in d.by_key:
            return d.by_key[key[len(prefix):]]
    return None


def merged_into(name: Optional[str]) -> Optional[str]:
    """The post-2025 unit an old province was merged into, or None when the
    name is a unit that kept its name (Đồng Nai, Hà Nội) or is unknown.

    >>> merged_into("Bình Phước"), merged_into("Hà Giang"), merged_into("Đồng Nai")
    ('Đồng Nai', 'Tuyên Quang', None)
    """
    canon = canonical_province(name)
    if canon is None:
        return None
    target = province_data().merged.get(canon)
    if target is None or target == canon:
        return None
    return target


def current_province(name: Optional[str]) -> Optional[str]:
    """The post-2025 unit covering ``name`` (itself when it kept its name)."""
    canon = canonical_province(name)
    if canon is None:
        return None
    return province_data().merged.get(canon, canon)


def merged_from(name: str) -> list[str]:
    """The pre-2025 provinces that make up a post-2025 unit."""
    canon = canonical_province(name)
    return list(province_data().members.get(canon or "", ()))


def _variants(name: str) -> set[str]:
    out = {name, name.upper()}
    if " - " in name:
        for sep in ("-", " -", "- ", " – "):
            out.add(name.replace(" - ", sep))
            out.add(name.upper().replace(" - ", sep))
    return out


@lru_cache(maxsize=1)
def _name_re() -> re.Pattern:
    d = province_data()
    raw = _provinces_yaml()
    forms: set[str] = set()
    for n in set(d.old) | set(d.new):
        forms |= _variants(n)
    for alias in (raw.get("aliases") or {}):
        forms |= _variants(tone_key(alias))
    alts = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w])")


_PREFIX_RE = re.compile(r"(?i:tỉnh ủy|tỉnh uỷ|thành ủy|thành uỷ|tỉnh|thành phố|tp\.?)\s+$")


@dataclass(frozen=True)
class ProvinceMention:
    name: str        # canonical
    start: int
    end: int
    prefixed: bool   # written after "tỉnh", "thành phố", "Tỉnh ủy", "TP."


def province_mentions(text: str) -> list[ProvinceMention]:
    """Every province name written as a proper name in ``text``, in order.

    ``prefixed`` says whether "tỉnh"/"thành phố"/"Tỉnh ủy"/"TP." stands right
    before it; body text should only trust prefixed mentions.
    """
    keyed = tone_key(text)
    if len(keyed) != len(text):  # NFC changed the length: positions are approximate
        text = keyed
    out: list[ProvinceMention] = []
    for m in _name_re().finditer(keyed):
        canon = canonical_province(m.group(1))
        if canon is None:
            continue
        before = keyed[max(0, m.start() - 12) : m.start()]
        out.append(ProvinceMention(canon, m.start(), m.end(), bool(_PREFIX_RE.search(before))))
    return out


def find_province(text: Optional[str], *, require_prefix: bool = False) -> Optional[str]:
    """The first province named in ``text`` (canonical short name), or None.

    For a short string (an issuer, a place) any proper-name mention counts;
    with ``require_prefix`` only "tỉnh X"/"thành phố X"/"Tỉnh ủy X" do.

    >>> find_province("ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI"), find_province("vì hòa bình") is None
    ('Quảng Ngãi', True)
    """
    if not text:
        return None
    for m in province_mentions(text):
        if m.prefixed or not require_prefix:
            return m.name
    return None


__all__ = [
    "ProvinceMention",
    "all_names",
    "canonical_province",
    "current_province",
    "find_province",
    "merged_from",
    "merged_into",
    "province_data",
    "province_mentions",
]
