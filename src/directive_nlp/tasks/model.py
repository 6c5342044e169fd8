"""Save the assembled spaCy pipeline (tokenizer + recognisers + task extractor) to ``models/``.

``python -m directive_nlp.tasks.model [FOLDER]`` writes ``models/directive_nlp_vi``
with ``nlp.to_disk``; ``spacy.load("models/directive_nlp_vi")`` then rebuilds
it through the entry points of pyproject.toml (the components are rules: the
folder holds configuration, no trained weights — see README.md (reference: tasks) for why no
trained component ships).
"""

from __future__ import annotations

import sys
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[3] / "models" / "directive_nlp_vi"


def save_pipeline(path: Path = DEFAULT_DIR) -> Path:
    from ..nlp import build_nlp

    nlp = build_nlp(tasks=True)
    nlp.meta.update({
        "name": "directive_nlp_vi",
        "version": "0.1.0",
        "description": "Vietnamese directives: underthesea tokenizer, agency and deadline recognisers, task extractor (rules)",
        "license": "GPL-3.0-or-later",
    })
    path = Path(path)
    nlp.to_disk(path)
    return path


if __name__ == "__main__":  # pragma: no cover
    print(save_pipeline(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DIR))
