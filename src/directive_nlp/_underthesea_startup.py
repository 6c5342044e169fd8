"""Import underthesea's word segmenter without the rest of underthesea: ~0.13 s CPU less per process.

``underthesea/__init__.py`` imports every pipeline of the package to offer its
names at the top (``chunk``, ``ner``, ``pos_tag``, ``sent_tokenize``, and,
through optional imports, ``classify``, ``lang_detect``, ``translate`` … with
joblib, requests and their models' modules). The project's tokenizer uses one
function, ``word_tokenize``.

:func:`install` (called by ``directive_nlp/__init__.py``) puts a finder on
``sys.meta_path`` that waits for the first ``import underthesea``. The package
module is then made without running its ``__init__``: its ``__path__``,
``__spec__`` and ``__version__`` are set, so submodules import as usual, and a
module ``__getattr__`` answers a top-level name on first use:

* ``word_tokenize``: from ``underthesea.pipeline.word_tokenize`` (its text
  normaliser imported first, the order underthesea's own ``__init__`` gives
  those two modules, which import each other);
* any other name (``pos_tag``, ``ner``, ``classify``, ``get_optional_import`` …):
  underthesea's own ``__init__`` is run in the module once, so every name it
  defines is there as if it had been imported whole; ``dir()`` does the same.

The function called is underthesea's own ``word_tokenize``, so the words are
the same (``tests/test_underthesea_startup.py``). If underthesea was imported
before ``directive_nlp``, nothing changes; the finder removes itself after one use.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

from ._import_hooks import OneShotFinder, WrappingLoader

__all__ = ["install", "uninstall"]

_PACKAGE = "underthesea"
#: top-level name -> the modules that give it, imported in this order (the last one holds the name)
_DIRECT = {"word_tokenize": ("underthesea.pipeline.text_normalize", "underthesea.pipeline.word_tokenize")}


def _complete(module: types.ModuleType) -> None:
    """Run underthesea's own ``__init__`` in ``module`` (once): every top-level name it defines."""
    if module.__dict__.get("_dnlp_complete"):
        return
    module._dnlp_complete = True  # type: ignore[attr-defined]
    module.__spec__.loader.exec_module(module)  # type: ignore[union-attr]


def _module_getattr(module: types.ModuleType):
    def __getattr__(name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if name in _DIRECT and not module.__dict__.get("_dnlp_complete"):
            for dotted in _DIRECT[name]:
                holder = importlib.import_module(dotted)
            value = getattr(holder, name)
        else:
            _complete(module)
            if name not in module.__dict__:
                raise AttributeError(f"module {_PACKAGE!r} has no attribute {name!r}")
            value = module.__dict__[name]
        setattr(module, name, value)
        return value

    def __dir__() -> list[str]:
        _complete(module)
        return sorted(module.__dict__)

    return __getattr__, __dir__


class _Loader(WrappingLoader):
    """underthesea's package, its ``__init__`` run only when a name needs it."""

    def exec_module(self, module: types.ModuleType) -> None:
        module.__loader__ = module.__spec__.loader = self.real  # underthesea's own, for _complete and reload
        module.__getattr__, module.__dir__ = _module_getattr(module)  # type: ignore[method-assign]
        module.__version__ = importlib.import_module("underthesea.version").__version__  # type: ignore[attr-defined]


_FINDER = OneShotFinder(_PACKAGE, _Loader)


def install() -> None:
    """Make the next ``import underthesea`` lazy (nothing if underthesea is already imported)."""
    _FINDER.install()


def uninstall() -> None:
    _FINDER.uninstall()
