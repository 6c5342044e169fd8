"""The typer application object and the error guard shared by all commands."""

from __future__ import annotations

import functools
import sys
from typing import Callable, TypeVar

import typer

from ..errors import EXIT_BAD_INPUT, DirectiveNLPError, InputError

app = typer.Typer(
    name="directive-nlp",
    help="Read Vietnamese directive documents and extract who must do what by when.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable)


def fail(message: str, code: int = EXIT_BAD_INPUT) -> None:
    """Print one line on stderr and exit with ``code``."""
    sys.stderr.write(f"error: {' '.join(str(message).split())}\n")
    raise typer.Exit(code)


def guarded(fn: F) -> F:
    """Decorator for commands: bad input becomes one line and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except InputError as e:
            fail(str(e), EXIT_BAD_INPUT)
        except DirectiveNLPError as e:
            fail(str(e), EXIT_BAD_INPUT)

    return wrapper  # type: ignore[return-value]


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    """Read Vietnamese directive documents and extract who must do what by when."""
    if version:
        from .. import __version__

        typer.echo(__version__)
        raise typer.Exit(0)
