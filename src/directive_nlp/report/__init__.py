"""Human-readable reports (Markdown, self-contained HTML) rendered with Jinja2.

Templates live in ``report/templates`` and ship with the package. The HTML
carries its CSS inline and loads nothing from the network, so a report can
be mailed or archived as one file and still read the same.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from jinja2 import Environment, FunctionLoader, StrictUndefined, select_autoescape


def _load(name: str) -> str:
    return resources.files("directive_nlp.report").joinpath("templates", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment: HTML templates autoescaped, Markdown not."""
    env = Environment(
        loader=FunctionLoader(_load),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pct"] = lambda x: f"{100 * float(x):.0f}%"
    env.filters["score"] = lambda x: f"{float(x):.2f}"
    env.filters["md"] = _md_cell
    return env


def _md_cell(text) -> str:
    """Text safe inside a Markdown table cell (one line, pipes escaped)."""
    return " ".join(str(text or "").split()).replace("|", "\\|")


def render(template: str, **context) -> str:
    return environment().get_template(template).render(**context)


from .crosscheck import render_crosscheck_html, render_crosscheck_markdown  # noqa: E402

__all__ = ["environment", "render", "render_crosscheck_html", "render_crosscheck_markdown"]
