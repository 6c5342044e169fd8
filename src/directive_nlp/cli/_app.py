"""The typer application object and the error guard shared by all commands."""

from __future__ import annotations

import functools
import sys
from typing import Callable, TypeVar

import typer

from ..errors import EXIT_BAD_INPUT, EXIT_USAGE, DirectiveNLPError, InputError

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


def _print_version(value: bool) -> None:
    """``--version``: handled while the options are parsed, so it works
    without a command (``directive-nlp --version``), as in spaCy and pip."""
    if value:
        from .. import __version__

        typer.echo(f"directive-nlp {__version__}")
        raise typer.Exit(0)


def usage(message: str) -> None:
    """A wrong option value or combination: one line and exit 2, the code
    click gives its own usage errors (bad input files exit 1)."""
    fail(message, EXIT_USAGE)


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", help="Print the version and exit.", is_eager=True,
                                 callback=_print_version),
) -> None:
    """Read Vietnamese directive documents and extract who must do what by when."""
