"""polynorm for Python: the Rust engine of the ``polynorm`` command.

Clean scraped multilingual text, analyse its scripts and languages, and
transliterate it, on a ``str``, a list of ``str`` (``None`` stays
``None``), or an Arrow string array (``pyarrow.Array``/``ChunkedArray``,
or anything with ``__arrow_c_array__``), and also on a Polars or pandas
``Series`` of strings. Each call gives back the same shape it was given.

Arrow input is read in place (zero-copy) and the Rust work runs with the
GIL released; an Arrow array in which no row changes comes back as the
very same array.

>>> import polynorm
>>> polynorm.clean("Sergey\\u200b Shoigu")
'Sergey Shoigu'
>>> polynorm.translit("Шойгу", "ru-icao")
'Shoigu'

Configuration mistakes raise ``ValueError`` (``OSError`` for an unreadable
lexicon file) with the ``polynorm`` command's own messages.
"""

from __future__ import annotations

import json
from typing import Any

from . import _native
from ._native import rules, schemes

__all__ = [
    "Pipeline",
    "clean",
    "explain",
    "detect",
    "translit",
    "schemes",
    "rules",
    "__version__",
]

__version__: str = _native.__version__


def _apply(fn, values: Any):
    """Runs ``fn`` (which takes a str, a list/tuple or an Arrow array) on
    ``values``, unwrapping and re-wrapping chunked arrays and Series."""
    if isinstance(values, (str, list, tuple)):
        return fn(values)
    module = type(values).__module__.split(".", 1)[0]
    if module == "pyarrow" and type(values).__name__ == "ChunkedArray":
        import pyarrow as pa

        chunks = [fn(c) for c in values.chunks]
        if not chunks:
            return values
        return pa.chunked_array(chunks)
    if module == "polars" and type(values).__name__ == "Series":
        import polars as pl

        out = _apply(fn, values.to_arrow())
        return pl.Series(values.name, out)
    if module == "pandas" and type(values).__name__ == "Series":
        import pandas as pd
        import pyarrow as pa

        arrow = pa.array(values, from_pandas=True)
        if not pa.types.is_string(arrow.type) and not pa.types.is_large_string(arrow.type):
            if len(arrow) == arrow.null_count:
                arrow = arrow.cast(pa.string())
        out = fn(arrow)
        if isinstance(values.dtype, pd.ArrowDtype):
            return pd.Series(out, index=values.index, name=values.name, dtype=pd.ArrowDtype(out.type))
        return pd.Series(out.to_pylist(), index=values.index, name=values.name, dtype=values.dtype)
    return fn(values)


def _loads(values):
    """Parses the JSON text that the native detect/explain return."""
    if isinstance(values, str):
        return json.loads(values)
    if isinstance(values, tuple):  # (text, changes)
        return values[0], json.loads(values[1])
    if isinstance(values, list):
        return [None if v is None else _loads(v) for v in values]
    return values


class Pipeline:
    """Every polynorm stage, configured like ``polynorm clean``.

    ``enable`` and ``disable`` take rule names as the command line does
    (``"zero-width"``, ``"quotes"``, ``"keyboard-layouts"``; see
    :func:`rules`), ``normalize`` one of ``nfc``, ``nfd``, ``nfkc``,
    ``nfkd``, ``none``; ``min_confidence`` is the least confidence (0–1) of
    a homoglyph or keyboard-layout repair; ``lexicon`` lists word-list files
    (one word per line, ``#`` comments) and ``words`` gives words directly:
    names, brands and jargon the mixed-script repair never changes.

    A ``Pipeline`` is immutable, thread-safe and picklable (by its
    settings, so it travels to Spark executors).
    """

    __slots__ = ("_native",)

    def __init__(
        self,
        *,
        enable=(),
        disable=(),
        normalize: str = "nfc",
        min_confidence: float = 0.9,
        lexicon=(),
        words=(),
    ) -> None:
        self._native = _native.Pipeline(
            enable=list(enable),
            disable=list(disable),
            normalize=normalize,
            min_confidence=min_confidence,
            lexicon=[str(p) for p in lexicon],
            words=list(words),
        )

    @classmethod
    def _wrap(cls, native: "_native.Pipeline") -> "Pipeline":
        self = cls.__new__(cls)
        self._native = native
        return self

    def __reduce__(self):
        return (Pipeline._wrap, (self._native,))

    def __repr__(self) -> str:
        return repr(self._native)

    def is_enabled(self, rule: str) -> bool:
        """Whether the rule (by its command-line name) is on."""
        return self._native.is_enabled(rule)

    def clean(self, values):
        """Cleans each value exactly as ``polynorm clean --input-format
        jsonl --field F`` cleans a record's field: the value's lines (split at
        ``\\n``, keeping ``\\n`` and ``\\r\\n``) form one document for the
        mixed-script judge. Unchanged values come back as the same objects."""
        return _apply(self._native.clean, values)

    def explain(self, values):
        """Cleans and says why: ``(text, changes)`` for a ``str``, a list of
        them for a list, where ``changes`` is the list of change dicts that
        ``polynorm clean --explain`` writes (``kind``, ``start``, ``end`` as
        UTF-8 byte offsets into the value, ``before``, ``after``,
        ``confidence``, ``evidence``). For Arrow input: a struct array with
        ``text`` and ``changes`` (the list as JSON text)."""
        return _loads(_apply(self._native.explain, values))

    def detect(self, values):
        """Scripts, runs, tokens, restriction levels, dominant script and
        language, as ``polynorm detect`` reports them (a dict per value; byte
        offsets). For Arrow input: a struct array with ``dominant_script``,
        ``language`` (ISO 639-3), ``confidence``, ``reliable`` and
        ``analysis`` (the dict as JSON text)."""
        return _loads(_apply(self._native.detect, values))


_DEFAULT: Pipeline | None = None


def _default() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def clean(values, pipeline: Pipeline | None = None):
    """Cleans with the default pipeline (or ``pipeline``); see
    :meth:`Pipeline.clean`."""
    return (pipeline or _default()).clean(values)


def explain(values, pipeline: Pipeline | None = None):
    """Cleans and says why; see :meth:`Pipeline.explain`."""
    return (pipeline or _default()).explain(values)


def detect(values):
    """Analyses scripts and languages; see :meth:`Pipeline.detect`."""
    return _default().detect(values)


def translit(values, scheme: str, *, name: bool = False, tones: bool = False, reverse: bool = False):
    """Transliterates each value by a named scheme, as ``polynorm translit
    --scheme NAME``: ``name`` for person names, ``tones`` for pinyin tone
    marks, ``reverse`` back into the scheme's source script (see
    :func:`schemes`). Text in other scripts passes through unchanged."""
    return _apply(
        lambda v: _native.translit(v, scheme, name=name, tones=tones, reverse=reverse),
        values,
    )
