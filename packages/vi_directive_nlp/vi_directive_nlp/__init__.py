"""``spacy.load("vi_directive_nlp")``: the directive-nlp pipeline as a spaCy package.

spaCy loads a pipeline by name when a *distribution* of that name is
installed (``spacy.util.is_package``) and its module has ``load(**overrides)``.
directive-nlp's ``pip install .`` installs this small distribution beside the
main one; the pipeline itself is :func:`directive_nlp.load` (one definition).
"""

from __future__ import annotations

from typing import Any, Iterable, Union

__version__ = "0.1.0"


def load(*, vocab: Any = True, disable: Union[str, Iterable[str]] = (), enable: Union[str, Iterable[str]] = (),
         exclude: Union[str, Iterable[str]] = (), config: Any = None, gazetteer: Any = None,
         model: Any = "default", **_: Any):
    """The directive-nlp pipeline (a new copy when spaCy's ``disable``/``exclude``/``enable`` are given).

    ``gazetteer`` and ``model`` are :func:`directive_nlp.load`'s options
    (``spacy.load("vi_directive_nlp", config=...)`` settings are not used:
    the pipeline is rules plus the shipped learned decisions).
    """
    import directive_nlp.nlp as dnlp

    names = lambda v: [v] if isinstance(v, str) else list(v or ())  # noqa: E731
    disable, enable, exclude = names(disable), names(enable), names(exclude)
    if not (disable or enable or exclude):
        return dnlp.load(gazetteer, model)
    nlp = dnlp.build_nlp(gazetteer, tasks=True, model=model)
    for name in exclude:
        nlp.remove_pipe(name)
    off = disable or ([n for n in nlp.pipe_names if n not in enable] if enable else [])
    for name in off:
        nlp.disable_pipe(name)
    return nlp
