"""Theme taxonomies and theme assignment for tasks.

A *taxonomy* is a list of themes, each with a Vietnamese name, a short
description and keywords. It comes from one of three places:

* the task-area headings of a reference document
  (:func:`taxonomy_from_sections`: a program's "II. Nhiệm vụ và giải pháp"
  sections II.1 … II.7, with the tasks written under them as their text);
* a small YAML file (:func:`load_taxonomy_file`, format in ``README.md (reference: graph)``);
* the taxonomy shipped for Chỉ thị 36-CT/TW (``load_taxonomy("ct36")``).

Matching has to work across provinces and wordings, so a task is compared to
a theme in two ways and the two scores are added:

* TF-IDF cosine similarity (scikit-learn) over underthesea-segmented words
  (:func:`segment_words`), fitted on the themes and the tasks being
  assigned so that words every task shares ("ma túy") weigh little;
* the theme's keywords found in the task (on match keys, so case, tone
  placement and punctuation do not matter).

Each assignment keeps its reason (:class:`ThemeMatch`: matched keywords,
the words that carried the similarity, the scores), so a reader can check it.
The cross-check reuses :func:`segment_words`, :class:`TextSimilarity` and
:func:`taxonomy_from_sections`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence, Union

import numpy as np
import yaml
from pydantic import BaseModel, Field

from .errors import InputError
from .models import ExtractionResult, Task
from .normalize import match_key, tone_key

__all__ = [
    "Theme",
    "Taxonomy",
    "ThemeMatch",
    "TextSimilarity",
    "ThemeMatcher",
    "segment_words",
    "load_taxonomy",
    "load_taxonomy_file",
    "taxonomy_from_sections",
    "assign_themes",
    "task_text",
    "section_heading",
    "task_area_prefix",
    "taxonomy_from_tasks",
    "cluster_themes",
    "shared_citation",
    "central_in_inputs",
    "shipped_for_citation",
    "SHIPPED_TAXONOMIES",
]

SHIPPED_TAXONOMIES = {"ct36": "themes_ct36.yaml"}

# A theme is assigned when its score reaches MIN_SCORE and at least
# RELATIVE_SCORE of the task's best theme score (a task may be about two
# things, rarely about four).
MIN_SCORE = 0.12
RELATIVE_SCORE = 0.6
MAX_THEMES = 3
# weight of the keyword evidence against the TF-IDF cosine (0..1 each)
KEYWORD_WEIGHT = 0.5


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------


class Theme(BaseModel):
    """One theme of a taxonomy."""

    id: str = Field(description="Stable ASCII id, e.g. 'treatment' or 'II.4'.")
    name: str = Field(description="Vietnamese label written into tasks[].themes.")
    description: str = ""
    keywords: list[str] = Field(default_factory=list)
    exclude: list[str] = Field(default_factory=list, description="Phrases that are not evidence for this theme.")
    section: Optional[str] = Field(None, description="Section id of the reference document the theme came from.")
    text: str = Field("", description="Extra matching text (e.g. the tasks written under a section heading).")

    def matching_text(self) -> str:
        return " . ".join(x for x in [self.name, self.description, " , ".join(self.keywords), self.text] if x)


class Taxonomy(BaseModel):
    name: str
    title: str = ""
    source: str = Field("", description="Where it came from: 'shipped:ct36', a file path, or 'sections:<doc>'.")
    domain: list[str] = Field(default_factory=list, description="Phrases showing a document is about this subject.")
    cites: list[str] = Field(default_factory=list, description="Numbers of the central documents whose themes these are "
                                                             "(a document citing one is about this subject).")
    themes: list[Theme] = Field(default_factory=list)

    def fits(self, result: ExtractionResult, min_share: float = 0.2) -> bool:
        """Is the document about this taxonomy's subject? Its title or a
        reference names a domain phrase, or at least ``min_share`` of its
        task sentences do. Always true for a taxonomy without ``domain``."""
        if not self.domain:
            return True
        keys = [match_key(d) for d in self.domain]
        head = " ".join([result.document.title or ""] + [r.text + " " + (r.number or "") for r in result.document.references])
        if any(_contains(match_key(head), k) for k in keys):
            return True
        if not result.tasks:
            return False
        hits = sum(1 for t in result.tasks if any(_contains(match_key(t.sentence or t.task), k) for k in keys))
        return hits / len(result.tasks) >= min_share

    def theme(self, theme_id: str) -> Optional[Theme]:
        for t in self.themes:
            if t.id == theme_id or t.name == theme_id:
                return t
        return None


class ThemeMatch(BaseModel):
    """Why a task got a theme: the evidence a reader can check."""

    theme: str = Field(description="Theme id.")
    name: str = Field(description="Theme name (Vietnamese).")
    score: float = Field(description="similarity + KEYWORD_WEIGHT * keyword score.")
    similarity: float = Field(description="TF-IDF cosine between task and theme text.")
    keywords: list[str] = Field(default_factory=list, description="Theme keywords found in the task.")
    words: list[str] = Field(default_factory=list, description="Shared words that carried the similarity.")


# --------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    text = resources.files("directive_nlp.resources.vi").joinpath("themes_stopwords.txt").read_text("utf-8")
    return frozenset(match_key(l).replace(" ", "_") for l in text.splitlines() if l.strip() and not l.startswith("#"))


@lru_cache(maxsize=16384)
def _segment(text: str) -> tuple[str, ...]:
    """The package's one segmenter (:func:`directive_nlp.tokenizer.segment`) on the text with its tone
    placement unified first (hoà → hòa), so both spellings give the same words."""
    from .tokenizer import segment

    out = []
    for tok in segment(tone_key(text)):
        key = match_key(tok)
        if not key or not re.search(r"[^\W\d_]", key):
            continue  # punctuation, numbers
        out.append(key.replace(" ", "_"))
    return tuple(out)


def segment_words(text: str, *, stopwords: bool = True) -> list[str]:
    """Words of ``text`` as underthesea segments them, as match keys.

    Multi-syllable words are joined with "_" ("ma_túy", "cai_nghiện"), so a
    TF-IDF vector counts words, not syllables: "cai nghiện" and "nghiện"
    differ. Punctuation and numbers are dropped; with ``stopwords`` the
    function words of ``resources/vi/themes_stopwords.txt`` too. Cached:
    the same sentence is segmented once per process.
    """
    words = _segment(unicodedata.normalize("NFC", text or ""))
    if stopwords:
        stop = _stopwords()
        return [w for w in words if w not in stop]
    return list(words)


def tfidf_vectorizer(analyzer: Callable, **options: Any):
    """scikit-learn's ``TfidfVectorizer`` over the words ``analyzer`` gives: the one
    TF-IDF of the package (themes, clusters, cross-check)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=analyzer, **options)


def document_frequencies(docs: Sequence[Iterable[str]]) -> dict[str, int]:
    """In how many of ``docs`` (each a collection of terms) each term occurs,
    counted by the TF-IDF vectorizer of :func:`tfidf_vectorizer`.

    >>> document_frequencies([["ma túy", "tỉnh"], ["rừng", "tỉnh", "tỉnh"]])["tỉnh"]
    2
    """
    docs = [list(d) for d in docs]
    if not any(docs):
        return {}
    vec = tfidf_vectorizer(lambda d: d, use_idf=False, norm=None, binary=True)
    counts = np.asarray(vec.fit_transform(docs).sum(axis=0)).ravel()
    return {str(t): int(c) for t, c in zip(vec.get_feature_names_out(), counts)}


class TextSimilarity:
    """TF-IDF over segmented words: vectors and cosine similarities.

    Fit it on every text that will be compared (themes and tasks, or a
    program and a plan), so inverse document frequency reflects the corpus
    at hand: a word every text shares weighs little.
    """

    def __init__(self, corpus: Sequence[str], *, sublinear_tf: bool = True, ngram_range: tuple[int, int] = (1, 1)):
        self.vectorizer = tfidf_vectorizer(
            lambda s: _ngrams(segment_words(s), ngram_range),
            sublinear_tf=sublinear_tf,
            norm="l2",
        )
        texts = [t for t in corpus if t and t.strip()] or ["_"]
        self.vectorizer.fit(texts)
        self.vocabulary = self.vectorizer.get_feature_names_out()

    def vectorize(self, texts: Sequence[str]):
        """Sparse TF-IDF rows, L2-normalised."""
        return self.vectorizer.transform(list(texts))

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """Cosine similarity matrix, ``len(a) × len(b)``."""
        return (self.vectorize(a) @ self.vectorize(b).T).toarray()

    def shared_terms(self, a: str, b: str, n: int = 5) -> list[str]:
        """Words of both texts that contribute most to their similarity."""
        va, vb = self.vectorize([a]), self.vectorize([b])
        prod = va.multiply(vb).tocoo()
        order = np.argsort(-prod.data)[:n]
        return [str(self.vocabulary[prod.col[i]]).replace("_", " ") for i in order if prod.data[i] > 0]


def _ngrams(words: list[str], ngram_range: tuple[int, int]) -> list[str]:
    lo, hi = ngram_range
    if (lo, hi) == (1, 1):
        return words
    out = []
    for n in range(lo, hi + 1):
        out += [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
    return out


# --------------------------------------------------------------------------
# Taxonomies
# --------------------------------------------------------------------------


def load_taxonomy_file(path: Union[str, Path]) -> Taxonomy:
    """Read a YAML theme file (format: ``README.md (reference: graph)``, example:
    ``resources/vi/themes_ct36.yaml``)."""
    path = Path(path)
    if not path.exists():
        raise InputError("theme file not found; check the path", path=str(path))
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise InputError(f"not valid YAML ({str(e).splitlines()[0]})", path=str(path))
    return _taxonomy_from_data(data, source=str(path), path=str(path))


def _taxonomy_from_data(data, *, source: str, path: str) -> Taxonomy:
    if isinstance(data, list):
        data = {"themes": data}
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list) or not data["themes"]:
        raise InputError("a theme file needs a non-empty `themes:` list of {id, name, keywords}", path=path)
    from .vocab import VocabularyError, validate_vocabulary

    try:
        validate_vocabulary(data, source=path, required={"themes": list},
                            optional={"name": str, "title": str, "domain": list, "cites": list})
    except VocabularyError as e:
        raise InputError(str(e), path=path) from None
    themes = []
    for i, t in enumerate(data["themes"]):
        if isinstance(t, str):
            t = {"name": t}
        if not isinstance(t, dict) or not (t.get("name") or t.get("id")):
            raise InputError(f"theme #{i + 1} needs at least a `name`", path=path)
        kws = t.get("keywords") or []
        if isinstance(kws, str):
            kws = [k.strip() for k in kws.split(",")]
        themes.append(
            Theme(
                id=str(t.get("id") or t["name"]),
                name=str(t.get("name") or t["id"]),
                description=str(t.get("description") or ""),
                keywords=[str(k) for k in kws if str(k).strip()],
                exclude=[str(k) for k in (t.get("exclude") or [])],
                section=t.get("section"),
            )
        )
    ids = [t.id for t in themes]
    if len(set(ids)) != len(ids):
        raise InputError("theme ids must be unique", path=path)
    return Taxonomy(name=str(data.get("name") or Path(path).stem), title=str(data.get("title") or ""), source=source,
                    domain=[str(d) for d in (data.get("domain") or [])], cites=[str(c) for c in (data.get("cites") or [])],
                    themes=themes)


@lru_cache(maxsize=8)
def _shipped(name: str) -> Taxonomy:
    fname = SHIPPED_TAXONOMIES[name]
    text = resources.files("directive_nlp.resources.vi").joinpath(fname).read_text("utf-8")
    return _taxonomy_from_data(yaml.safe_load(text), source=f"shipped:{name}", path=fname)


def _heading_words(heading: str) -> list[str]:
    return segment_words(heading)


def taxonomy_from_sections(
    result: ExtractionResult,
    section_prefix: str = "II",
    *,
    include_tasks: bool = True,
    name: Optional[str] = None,
) -> Taxonomy:
    """Themes from a reference document's own task-area sections.

    Each direct child of ``section_prefix`` (II.1, II.2 …, with its heading)
    becomes a theme whose id is the section id; its matching text is the
    heading plus (``include_tasks``) the tasks written under it. Keywords are
    the heading's words minus those every heading shares ("phòng chống ma
    túy" in a drug program), so they tell sections apart.
    Sections without a heading (hand-corrected JSON may lack them) are named
    by their id. Raises :class:`InputError` when the document has no such
    sections.
    """
    prefix = section_prefix.rstrip(".")
    children: dict[str, Optional[str]] = {}
    for s in result.sections:
        if s.parent == prefix or (s.parent is None and s.id.startswith(prefix + ".") and s.id.count(".") == prefix.count(".") + 1):
            children[s.id] = s.heading
    for t in result.tasks:  # sections known only through their tasks
        if t.section.startswith(prefix + "."):
            sid = ".".join(t.section.split(".")[: prefix.count(".") + 2])
            children.setdefault(sid, None)
    if not children:
        raise InputError(
            f"the reference document has no numbered sections under {prefix!r}; "
            "give a document with task-area headings, a YAML theme file or 'ct36'",
            path=result.source.path,
        )
    ids = sorted(children, key=_section_sort_key)
    return Taxonomy(
        name=name or f"sections {prefix} of {Path(result.source.path).stem}",
        title=result.document.title or "",
        source=f"sections:{result.source.path}#{prefix}",
        themes=_section_themes(result, ids, {sid: (children[sid] or "") for sid in ids}, include_tasks),
    )


def _headless_name(result: ExtractionResult, sid: str) -> str:
    """A numbered item without a heading is named by its id and the first
    words of its first task ("III.2: Ban cán sự đảng UBND tỉnh lãnh đạo …")."""
    first = next((t.sentence or t.task for t in result.tasks if t.section == sid or t.section.startswith(sid + ".")), "")
    words = first.split()
    return f"{sid}: " + " ".join(words[:8]) + ("…" if len(words) > 8 else "") if words else sid


def taxonomy_from_task_areas(result: ExtractionResult) -> Optional[Taxonomy]:
    """Themes from a central document's task areas, as the cross-check
    finds them (the children of "Nhiệm vụ …" and "Tổ chức thực hiện"
    parts, else of the numbered parts holding tasks); None without any."""
    from .crosscheck import task_area_sections

    secs, _ = task_area_sections(result)
    if len(secs) < 2:
        return None
    return Taxonomy(name=f"task areas of {Path(result.source.path).stem}", title=result.document.title or "",
                    source=f"sections:{result.source.path}",
                    themes=_section_themes(result, [s.id for s in secs], {s.id: s.heading or "" for s in secs}, True))


def _section_themes(result: ExtractionResult, ids: list[str], heads: dict[str, str], include_tasks: bool) -> list[Theme]:
    """One theme per section: its heading, keywords that tell it from the
    other headings, and (``include_tasks``) the tasks written under it."""
    word_sets = [set(_heading_words(h)) for h in heads.values() if h]
    common = set.intersection(*word_sets) if len(word_sets) > 1 else set()
    # words in more than half of the headings do not tell them apart either
    counts: dict[str, int] = {}
    for ws in word_sets:
        for w in ws:
            counts[w] = counts.get(w, 0) + 1
    common |= {w for w, c in counts.items() if len(word_sets) > 2 and c > len(word_sets) / 2}
    themes = []
    for sid in ids:
        heading = heads[sid]
        kws = []
        for w in _heading_words(heading):
            if w not in common and w.replace("_", " ") not in kws:
                kws.append(w.replace("_", " "))
        text = ""
        if include_tasks:
            text = " . ".join(t.task for t in result.tasks if t.section == sid or t.section.startswith(sid + "."))
        themes.append(Theme(id=sid, name=heading or _headless_name(result, sid), description="", keywords=kws,
                            section=sid, text=text))
    return themes


def _section_sort_key(sid: str) -> list:
    return [(0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\s]", sid)]


def task_area_prefix(result: ExtractionResult) -> Optional[str]:
    """The section whose numbered children hold most of the tasks ("II" in
    a program whose "II. Nhiệm vụ và giải pháp" has II.1 … II.7; "Điều 2"
    or "1" elsewhere); None when no section has at least two children with
    tasks."""
    counts: dict[str, Counter] = {}
    for t in result.tasks:
        parts = t.section.split(".")
        if len(parts) >= 2:
            counts.setdefault(parts[0], Counter())[".".join(parts[:2])] += 1
    best = max(counts.items(), key=lambda kv: (len(kv[1]) >= 2, sum(kv[1].values())), default=None)
    if not best or len(best[1]) < 2:
        return None
    return best[0]


def load_taxonomy(spec: Union[str, Path, Taxonomy, ExtractionResult, None] = "ct36", *, section_prefix: Optional[str] = "II") -> Taxonomy:
    """A taxonomy from a name, a file or a reference document.

    ``spec`` is a :class:`Taxonomy` (returned as is), a shipped name
    (``"ct36"``), a ``.yaml``/``.yml`` theme file, an
    :class:`ExtractionResult` or a path to a document / ``extract`` JSON
    (its sections under ``section_prefix`` become the themes; when it has
    none there, or ``section_prefix`` is None, the section whose children
    hold most tasks: :func:`task_area_prefix`).
    """
    if spec is None:
        spec = "ct36"
    if isinstance(spec, Taxonomy):
        return spec
    if isinstance(spec, ExtractionResult):
        return _from_document(spec, section_prefix)
    s = str(spec)
    if s.lower() in SHIPPED_TAXONOMIES:
        return _shipped(s.lower()).model_copy(deep=True)
    p = Path(s)
    if p.suffix.lower() in (".yaml", ".yml"):
        return load_taxonomy_file(p)
    if not p.exists():
        raise InputError(
            f"unknown taxonomy; use one of {', '.join(SHIPPED_TAXONOMIES)}, a .yaml theme file or a reference document",
            path=s,
        )
    from .io import load_result

    return _from_document(load_result(p), section_prefix)


def _from_document(result: ExtractionResult, section_prefix: Optional[str]) -> Taxonomy:
    if section_prefix:
        try:
            return taxonomy_from_sections(result, section_prefix)
        except InputError:
            pass
    areas = taxonomy_from_task_areas(result)
    if areas is not None:
        return areas
    prefix = task_area_prefix(result)
    try:
        return taxonomy_from_sections(result, prefix or section_prefix or "II")
    except InputError:
        if not result.tasks:
            raise
        return taxonomy_from_tasks(result)


def taxonomy_from_tasks(result: ExtractionResult, *, limit: int = 40) -> Taxonomy:
    """Themes from a central document without task-area sections: each of
    its tasks (up to ``limit``) is a theme, named by its first words."""
    themes, used = [], set()
    for t in result.tasks[:limit]:
        words = (t.task or t.sentence).split()
        name = " ".join(words[:10]) + ("…" if len(words) > 10 else "")
        if name in used:
            continue
        used.add(name)
        themes.append(Theme(id=t.id, name=name, section=t.section, text=t.sentence or t.task))
    return Taxonomy(name=f"tasks of {Path(result.source.path).stem}", title=result.document.title or "",
                    source=f"tasks:{result.source.path}", themes=themes)


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------


def task_text(task: Task) -> str:
    """The text a task is matched on: the action, and the sentence it came
    from when the action is short (the sentence gives context words)."""
    if task.sentence and task.sentence != task.task and len(segment_words(task.task)) < 12:
        return f"{task.task} . {task.sentence}"
    return task.task or task.sentence


def section_heading(result: ExtractionResult, section_id: str) -> str:
    """The heading of a task's section, or of its nearest ancestor that has
    one ("II.1.4" → heading of "II.1.4", else "II.1", else "II")."""
    heads = {s.id: s.heading for s in result.sections if s.heading}
    parents = {s.id: s.parent for s in result.sections}
    sid: Optional[str] = section_id
    seen = set()
    while sid and sid not in seen:
        seen.add(sid)
        if sid in heads:
            return heads[sid] or ""
        sid = parents.get(sid) or (sid.rsplit(".", 1)[0] if "." in sid else None)
    return ""


def _contains(haystack_key: str, phrase_key: str) -> bool:
    return bool(phrase_key) and f" {phrase_key} " in f" {haystack_key} "


class ThemeMatcher:
    """Scores texts against a taxonomy (TF-IDF cosine + keywords).

    ``corpus`` are extra texts to fit inverse document frequencies on
    (normally the texts about to be matched).
    """

    def __init__(self, taxonomy: Taxonomy, corpus: Iterable[str] = (), *, min_score: float = MIN_SCORE,
                 relative: float = RELATIVE_SCORE, max_themes: int = MAX_THEMES,
                 keyword_weight: float = KEYWORD_WEIGHT):
        self.taxonomy = taxonomy
        self.min_score, self.relative, self.max_themes, self.keyword_weight = min_score, relative, max_themes, keyword_weight
        self._theme_texts = [t.matching_text() for t in taxonomy.themes]
        self.similarity = TextSimilarity(self._theme_texts + list(corpus))
        self._theme_vecs = self.similarity.vectorize(self._theme_texts)
        self._kw = [[(k, match_key(k)) for k in t.keywords] for t in taxonomy.themes]
        self._ex = [[match_key(k) for k in t.exclude] for t in taxonomy.themes]

    def _keyword_hits(self, i: int, key: str) -> list[str]:
        masked = key
        for ex in self._ex[i]:
            if ex:
                masked = f" {masked} ".replace(f" {ex} ", " # ").strip()
        hits = [k for k, kk in self._kw[i] if _contains(masked, kk)]
        # a keyword inside a longer matched keyword is not a second piece of evidence
        return [k for k in hits if not any(k != o and _contains(match_key(o), match_key(k)) for o in hits)]

    def score_texts(self, texts: Sequence[str]) -> list[list[ThemeMatch]]:
        """For each text, every theme with its score (best first)."""
        if not texts:
            return []
        sims = (self.similarity.vectorize(texts) @ self._theme_vecs.T).toarray()
        out = []
        for r, text in enumerate(texts):
            key = match_key(text)
            row = []
            for i, th in enumerate(self.taxonomy.themes):
                hits = self._keyword_hits(i, key)
                kw_score = 1.0 - 0.5 ** len(hits)
                sim = float(sims[r, i])
                score = sim + self.keyword_weight * kw_score
                row.append(ThemeMatch(theme=th.id, name=th.name, score=round(score, 4), similarity=round(sim, 4), keywords=hits))
            row.sort(key=lambda m: -m.score)
            out.append(row)
        return out

    def match_texts(self, texts: Sequence[str]) -> list[list[ThemeMatch]]:
        """For each text, the themes it is assigned (zero or more, best first), with reasons."""
        out = []
        for text, row in zip(texts, self.score_texts(texts)):
            best = row[0].score if row else 0.0
            chosen = [m for m in row if m.score >= self.min_score and m.score >= self.relative * best][: self.max_themes]
            for m in chosen:
                i = next(k for k, t in enumerate(self.taxonomy.themes) if t.id == m.theme)
                m.words = self.similarity.shared_terms(text, self._theme_texts[i], n=5)
            out.append(chosen)
        return out

    def match_text(self, text: str) -> list[ThemeMatch]:
        return self.match_texts([text])[0]


def assign_themes(
    results: Union[ExtractionResult, Sequence[ExtractionResult]],
    taxonomy: Union[str, Path, Taxonomy, ExtractionResult, None] = "ct36",
    *,
    write: bool = True,
    headings: bool = True,
    **matcher_options,
) -> list[dict[str, list[ThemeMatch]]]:
    """Give every task of ``results`` zero or more themes, with reasons.

    Returns, per result, ``{task_id: [ThemeMatch, …]}``. With ``write`` the
    theme names are also stored in ``task.themes`` (the field of the output
    contract), replacing what was there. The TF-IDF weights are fitted on all
    the tasks together, so the same wording scores the same in every
    province. With ``headings`` the heading of the task's section is added
    to its text: a plan says what a task is about in the heading it puts it
    under ("4. Nâng cao hiệu quả công tác cai nghiện …").
    """
    if isinstance(results, ExtractionResult):
        results = [results]
    tax = load_taxonomy(taxonomy)
    texts = [
        [task_text(t) + ((" . " + section_heading(r, t.section)) if headings else "") for t in r.tasks]
        for r in results
    ]
    matcher = ThemeMatcher(tax, [x for xs in texts for x in xs], **matcher_options)
    out: list[dict[str, list[ThemeMatch]]] = []
    for r, xs in zip(results, texts):
        matches = matcher.match_texts(xs)
        per: dict[str, list[ThemeMatch]] = {}
        for t, ms in zip(r.tasks, matches):
            per[t.id] = ms
            if write:
                t.themes = [m.name for m in ms]
        out.append(per)
    return out


# --------------------------------------------------------------------------
# Themes without a central document: clusters of task texts
# --------------------------------------------------------------------------

#: fewest tasks worth clustering (below, a theme per task says nothing)
MIN_CLUSTER_TASKS = 6
#: a word in more than this share of all tasks does not label a cluster
LABEL_MAX_SHARE = 0.3
LABEL_WORDS = 3


@lru_cache(maxsize=1)
def _genre_words() -> frozenset[str]:
    """Words of the genre that name no subject ("báo cáo", "triển khai",
    "ủy ban nhân dân"): the cross-check's vocabulary, as segmented words."""
    from .crosscheck import load_vocabulary as _crosscheck_vocabulary

    voc = _crosscheck_vocabulary()
    words = voc.review_terms + voc.generic_terms + voc.stopwords + ["ủy ban nhân dân", "kế hoạch", "chương trình"]
    return frozenset(match_key(w).replace(" ", "_") for w in words)


def _cluster_count(X, ks: range, seed: int) -> tuple[int, list[int]]:
    """The number of clusters with the best cosine silhouette, and its labels."""
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.metrics import silhouette_score
    from sklearn.preprocessing import Normalizer

    # latent semantic analysis first (as scikit-learn's text clustering example): k-means on
    # 100 dense dimensions is fast and groups tasks that share related, not only identical, words
    dims = min(100, X.shape[1] - 1, X.shape[0] - 1)
    if dims >= 2:
        X = Normalizer(copy=False).fit_transform(TruncatedSVD(n_components=dims, random_state=seed).fit_transform(X))
    from threadpoolctl import threadpool_limits

    best = (-2.0, ks.start, [0] * X.shape[0])
    with threadpool_limits(limits=1):  # small problems: OpenMP threads on a busy machine only slow it down
        for k in ks:
            labels = KMeans(n_clusters=k, n_init=4, random_state=seed).fit_predict(X)
            if len(set(labels)) < 2:
                continue
            s = float(silhouette_score(X, labels, metric="cosine"))
            if s > best[0]:
                best = (s, k, [int(x) for x in labels])
    return best[1], best[2]


def _cluster_label(X, members: list[int], vocabulary, share: np.ndarray, used: set[str]) -> str:
    """The words that set a cluster apart: highest mean TF-IDF in the cluster
    minus the mean over all tasks, among words not in most tasks."""
    mean_in = np.asarray(X[members].mean(axis=0)).ravel()
    mean_all = np.asarray(X.mean(axis=0)).ravel()
    genre = _genre_words()
    usable = np.array([share[i] <= LABEL_MAX_SHARE and str(w) not in genre for i, w in enumerate(vocabulary)])
    # a single syllable ("ban", "giao") is ambiguous in Vietnamese: compound words name a cluster better
    compound = np.array([1.0 if "_" in str(w) else 0.5 for w in vocabulary])
    score = np.where(usable, (mean_in - mean_all) * compound, -1.0)
    words = [str(vocabulary[i]).replace("_", " ") for i in np.argsort(-score)[: LABEL_WORDS + 2] if score[i] > 0]
    label = ", ".join(words[:LABEL_WORDS]) or "nhóm khác"
    base, n = label, 2
    while label in used:
        label, n = f"{base} ({n})", n + 1
    used.add(label)
    return label


def cluster_themes(results: Sequence[ExtractionResult], *, k: Optional[int] = None, seed: int = 0,
                   write: bool = True) -> tuple[Taxonomy, list[dict[str, list[ThemeMatch]]]]:
    """Themes found from the documents themselves, for documents that share
    no central document: their task texts (with the section heading each is
    written under) as TF-IDF vectors over underthesea words, reduced to 100
    dimensions (LSA) and grouped by k-means (scikit-learn); ``k`` (default: the best cosine silhouette
    between 3 and 12) clusters, each named by the words that set it apart.

    Returns the taxonomy of the clusters (each theme's ``text`` is empty,
    its ``keywords`` the label words) and, per result, ``{task_id: [match]}``;
    with ``write`` the label goes into ``task.themes``. Raises
    :class:`InputError` when there are fewer than :data:`MIN_CLUSTER_TASKS` tasks.
    """
    where = [(ri, t) for ri, r in enumerate(results) for t in r.tasks]
    if len(where) < MIN_CLUSTER_TASKS:
        raise InputError(f"too few tasks ({len(where)}) to find themes by clustering; "
                         f"give --against CENTRAL or a theme file")
    texts = [task_text(t) + " . " + section_heading(results[ri], t.section) for ri, t in where]
    vec = tfidf_vectorizer(segment_words, sublinear_tf=True, norm="l2", min_df=2 if len(texts) >= 30 else 1)
    try:
        X = vec.fit_transform(texts)
    except ValueError:  # no word occurs twice
        vec.set_params(min_df=1)
        X = vec.fit_transform(texts)
    vocabulary = vec.get_feature_names_out()
    share = np.asarray((X > 0).mean(axis=0)).ravel()
    hi = max(3, min(12, len(texts) // 8))
    ks = range(min(k, len(texts) - 1), min(k, len(texts) - 1) + 1) if k else range(min(3, hi), hi + 1)
    n, labels = _cluster_count(X, ks, seed)
    used: set[str] = set()
    names = {c: _cluster_label(X, [i for i, x in enumerate(labels) if x == c], vocabulary, share, used)
             for c in sorted(set(labels), key=lambda c: -labels.count(c))}
    themes = [Theme(id=f"C{j + 1}", name=names[c], keywords=names[c].split(", ")) for j, c in enumerate(names)]
    ids = {c: th.id for c, th in zip(names, themes)}
    out: list[dict[str, list[ThemeMatch]]] = [{} for _ in results]
    for (ri, t), c in zip(where, labels):
        out[ri][t.id] = [ThemeMatch(theme=ids[c], name=names[c], score=1.0, similarity=1.0)]
        if write:
            t.themes = [names[c]]
    tax = Taxonomy(name=f"clusters ({len(themes)})", title="chủ đề tìm từ chính các nhiệm vụ (phân cụm)",
                   source="clusters", themes=themes)
    return tax, out


# --------------------------------------------------------------------------
# The central document the inputs implement
# --------------------------------------------------------------------------


def _number_key(number: Optional[str]) -> str:
    return match_key(number or "").replace(" ", "")


def shared_citation(results: Sequence[ExtractionResult]) -> Optional[tuple[str, int]]:
    """The document number cited by most of the documents with tasks (at
    least two and at least half of them), with how many cite it; None
    when they share no citation."""
    docs = [r for r in results if r.tasks]
    counts: Counter = Counter()
    shown: dict[str, str] = {}
    for r in docs:
        keys = {_number_key(ref.number): ref.number for ref in r.document.references if ref.number}
        keys.pop(_number_key(r.document.number), None)  # a document does not implement itself
        for k, num in keys.items():
            if k:
                counts[k] += 1
                shown.setdefault(k, num)
    if not counts:
        return None
    key, n = counts.most_common(1)[0]
    if n >= 2 and n * 2 >= len(docs):
        return shown[key], n
    return None


def central_in_inputs(results: Sequence[ExtractionResult]) -> Optional[tuple[ExtractionResult, int]]:
    """An input that the other inputs cite (by its number), with how many
    cite it: the document they implement, whose sections are the themes."""
    best = None
    for r in results:
        key = _number_key(r.document.number)
        if not key:
            continue
        n = sum(1 for o in results if o is not r and any(_number_key(x.number) == key for x in o.document.references))
        if n and (best is None or n > best[1]):
            best = (r, n)
    return best


def shipped_for_citation(number: str) -> Optional[str]:
    """The shipped taxonomy made for a central document number, if any."""
    key = _number_key(number)
    for name in SHIPPED_TAXONOMIES:
        if any(_number_key(c) == key for c in _shipped(name).cites):
            return name
    return None
