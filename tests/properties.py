"""Property tests that import hypothesis when they run, not when pytest collects.

``@given`` needs its strategies when the module is imported, and importing
hypothesis costs about a second of collection. ``property_test`` takes each
strategy as a function of the ``hypothesis.strategies`` module and builds the
``@settings``/``@given`` test on the first call::

    @property_test(text=lambda st: st.text(max_size=60), max_examples=40)
    def test_any_unicode(nlp, text): ...

Parameters named by a strategy are drawn by hypothesis; the others (``nlp``,
``tmp_path``, …) stay pytest fixtures. ``suppress`` names health checks
(``"too_slow"``, …); every other keyword goes to ``hypothesis.settings``.
"""

from __future__ import annotations

import functools
import inspect
from typing import Any, Callable

Strategy = Callable[[Any], Any]  # hypothesis.strategies -> a SearchStrategy


def property_test(*, suppress: tuple[str, ...] = (), **options: Any) -> Callable[[Callable], Callable]:
    """Decorator: a hypothesis test whose strategies (the callable keywords) are made at run time."""
    strategies = {k: v for k, v in options.items() if callable(v)}
    settings_kw = {k: v for k, v in options.items() if k not in strategies}

    def decorate(fn: Callable) -> Callable:
        signature = inspect.signature(fn)
        unknown = set(strategies) - set(signature.parameters)
        if unknown:
            raise TypeError(f"{fn.__name__} has no parameter {sorted(unknown)}")
        built: list[Callable] = []

        @functools.wraps(fn)
        def run(**fixtures: Any) -> None:
            if not built:
                built.append(_build(fn, strategies, settings_kw, suppress))
            built[0](**fixtures)

        run.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[p for name, p in signature.parameters.items() if name not in strategies])
        del run.__wrapped__  # pytest reads __signature__, not the wrapped function's parameters
        return run

    return decorate


def _build(fn: Callable, strategies: dict[str, Strategy], settings_kw: dict, suppress: tuple[str, ...]) -> Callable:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    checks = [getattr(HealthCheck, name) for name in suppress]
    made = {name: make(st) for name, make in strategies.items()}
    return settings(suppress_health_check=checks, **settings_kw)(given(**made)(fn))
