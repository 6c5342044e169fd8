"""One-shot import hooks: run a package's own loader in a different way, once.

Used by :mod:`._spacy_startup` and :mod:`._underthesea_startup`, which each make
the first import of a heavy library cheaper. A :class:`OneShotFinder` sits on
``sys.meta_path`` until that import, removes itself, finds the package as
Python would and wraps its loader in the module's :class:`WrappingLoader`
subclass, whose ``exec_module`` says what is done differently.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from typing import Any

__all__ = ["WrappingLoader", "OneShotFinder"]


class WrappingLoader(importlib.abc.Loader):
    """The package's own loader, wrapped; subclasses define ``exec_module``."""

    def __init__(self, real: importlib.abc.Loader) -> None:
        self.real = real

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def create_module(self, spec):
        return self.real.create_module(spec)


class OneShotFinder(importlib.abc.MetaPathFinder):
    """Waits for the first import of ``package`` and gives it ``loader_class`` around its own loader."""

    def __init__(self, package: str, loader_class: type[WrappingLoader]) -> None:
        self.package = package
        self.loader_class = loader_class

    def find_spec(self, fullname, path=None, target=None):
        if fullname != self.package:
            return None
        self.uninstall()
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = self.loader_class(spec.loader)
        return spec

    def install(self) -> None:
        """Wait for the next import of the package (nothing if it is already imported)."""
        if self.package not in sys.modules and self not in sys.meta_path:
            sys.meta_path.insert(0, self)

    def uninstall(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)
