"""Import spaCy without its command line: about a quarter of a second less at every start.

``spacy/__init__.py`` imports ``spacy.cli.info`` for the one name ``spacy.info``,
and with it the whole ``spacy.cli`` package: every ``spacy`` command, weasel,
requests, httpx and a YAML file read by ``init_config`` (``python -X importtime``:
about 0.24 s of CPU, a third of ``import spacy``). The pipeline never runs a
``spacy`` command.

:func:`install` (called by ``directive_nlp/__init__.py``) puts a finder on
``sys.meta_path`` that waits for the first ``import spacy``. While spaCy's
``__init__`` runs, ``spacy.cli`` and ``spacy.cli.info`` are small stand-ins; when
it is done they are taken out of ``sys.modules`` again, so that a later
``import spacy.cli`` (or ``from spacy.cli import …``) imports the real package as
usual. Meanwhile ``spacy.info`` and the attribute ``spacy.cli`` forward to the
real ones, importing them on first use. If spaCy was imported before
``directive_nlp``, nothing changes; the finder removes itself after one use.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

from ._import_hooks import OneShotFinder, WrappingLoader

__all__ = ["install"]

_STANDINS = ("spacy.cli.info", "spacy.cli")


def _real_cli() -> types.ModuleType:
    return importlib.import_module("spacy.cli")


class _DeferredCli(types.ModuleType):
    """``spacy.cli`` until someone uses it: any attribute imports the real package."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name != "__path__":
            raise AttributeError(name)
        return getattr(_real_cli(), name)


def info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, imported when called."""
    from spacy.cli.info import info as real

    return real(*args, **kwargs)


def _standins() -> dict[str, types.ModuleType]:
    cli = _DeferredCli("spacy.cli")
    cli.__path__ = []  # a package while spaCy's __init__ imports "spacy.cli.info" from it
    cli_info = types.ModuleType("spacy.cli.info")
    cli_info.info = info  # type: ignore[attr-defined]
    return {"spacy.cli": cli, "spacy.cli.info": cli_info}


class _Loader(WrappingLoader):
    """spaCy's own loader, run with the stand-ins in place."""

    def exec_module(self, module: types.ModuleType) -> None:
        standins = _standins()
        sys.modules.update(standins)
        try:
            self.real.exec_module(module)  # type: ignore[attr-defined]
        finally:
            for name in _STANDINS:
                if sys.modules.get(name) is standins[name]:
                    del sys.modules[name]
            module.__loader__ = module.__spec__.loader = self.real
            cli = standins["spacy.cli"]
            del cli.__path__  # from now on a submodule import loads the real package
            if "spacy.cli" not in sys.modules:
                module.cli = cli  # ``spacy.cli.x`` forwards to the real package (see _DeferredCli)


_FINDER = OneShotFinder("spacy", _Loader)


def install() -> None:
    """Make the next ``import spacy`` skip ``spacy.cli`` (nothing if spaCy is already imported)."""
    _FINDER.install()


def uninstall() -> None:
    _FINDER.uninstall()
