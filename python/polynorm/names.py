"""Person names: parsing, matching, mentions in documents, clustering, and
the registry that resolves names the same way on one machine or many.

>>> from polynorm import names
>>> names.match("Sergey Shoigu", "Сергей Шойгу")["decision"]
'match'
>>> [p["name"] for p in names.mentions("Defense Minister Sergeн Shoigu met Li Shangfu.")["people"]]
['Sergey Shoigu', 'Li Shangfu']

Resolving the people of many documents takes two phases, so that it can
run on many workers (see :mod:`polynorm.spark`) and still give what one
machine gives:

1. :func:`people` on each document: its people (names linked within the
   document, ``Shoigu`` to ``Sergey Shoigu``) with how often each is
   mentioned. Summed over documents, the ``(name, count)`` pairs are the
   keys.
2. :func:`build_registry` on the summed keys: the names are clustered into
   entities (``P000001``, …). The registry depends only on the multiset of
   names, never on their order or on how documents were split.
3. :func:`resolve` maps each document's people to entities through the
   registry (every name is one of its variants).

:func:`resolve_documents` runs the three phases on one machine.
"""

import json
from collections import Counter
from typing import Iterable

from . import _apply, _loads
from . import _native

__all__ = [
    "parse",
    "match",
    "mentions",
    "cluster",
    "people",
    "build_registry",
    "Registry",
    "resolve",
    "resolve_documents",
]


def parse(values):
    """The parse of each name (parts with roles and keys, order, culture),
    as a dict per name; JSON text per row for Arrow input."""
    return _loads(_apply(_native.names_parse, values))


def _rows(values) -> list:
    """A list of the values of a list, tuple, Arrow array or Series."""
    if hasattr(values, "to_pylist"):
        return values.to_pylist()
    if hasattr(values, "to_list"):
        return values.to_list()
    return list(values)


def match(a, b):
    """Whether two names are one person: ``score``, ``decision``
    (``match``, ``possible``, ``no_match``) and the explanation, as a dict.

    With two lists (or Arrow arrays, Series) of the same length, the names
    are compared row by row: a list of dicts, or for Arrow input an Arrow
    string array of the results as JSON text (``None`` where a name is
    missing). Arrow input is copied into Python strings first."""
    if isinstance(a, str) and isinstance(b, str):
        return json.loads(_native.names_match(a, b))
    arrow = any(type(v).__module__.split(".", 1)[0] == "pyarrow" for v in (a, b))
    rows = _native.names_match_pairs(_rows(a), _rows(b))
    if arrow:
        import pyarrow as pa

        return pa.array(rows, type=pa.string())
    return [None if r is None else json.loads(r) for r in rows]


def mentions(values):
    """The person mentions and people of each document, as a dict with
    ``mentions`` (byte offsets, text, titles, parsed name, person index)
    and ``people``; JSON text per row for Arrow input."""
    return _loads(_apply(_native.names_mentions, values))


def cluster(names_: Iterable[str]) -> tuple:
    """Clusters names into people: ``(labels, canonical names)``, one label
    per input name, clusters numbered in order of first appearance."""
    return _native.names_cluster(list(names_))


def people(document: str) -> list:
    """Phase 1 on one document: ``[(name, mentions), …]``, its people in
    order of first mention."""
    found = mentions(document)
    return [(p["name"], len(p["mentions"])) for p in found["people"]]


class Registry:
    """People as entities (``id``, ``canonical``, ``variants`` with counts),
    held as the JSONL that ``polynorm names resolve --save`` writes and
    ``--registry`` reads (one entity per line), so the command and Python
    share registries."""

    def __init__(self, text: str) -> None:
        _native.names_check_registry(text)
        self.text = text
        self.entities = [json.loads(line) for line in text.splitlines() if line.strip()]
        self._by_variant = {}
        for e in self.entities:
            self._by_variant.setdefault(e["canonical"], (e["id"], e["canonical"]))
            for variant, _ in e["variants"]:
                self._by_variant[variant] = (e["id"], e["canonical"])

    @classmethod
    def load(cls, path) -> "Registry":
        """A registry file (``polynorm names resolve --save``)."""
        with open(path, encoding="utf-8") as f:
            return cls(f.read())

    def save(self, path) -> None:
        """Writes the registry where ``polynorm names resolve --registry`` reads it."""
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(self.text)

    def __len__(self) -> int:
        return len(self.entities)

    def lookup(self, name: str):
        """``(id, canonical)`` of the entity that holds ``name``, or ``None``."""
        return self._by_variant.get(name.strip())


def build_registry(keys) -> Registry:
    """Phase 2: the registry of ``keys``, ``(name, count)`` pairs (a name may
    come several times: counts are summed)."""
    pairs = list(keys.items()) if isinstance(keys, dict) else list(keys)
    return Registry(_native.names_registry([n for n, _ in pairs], [int(c) for _, c in pairs]))


def resolve(registry: Registry, names_: Iterable[str]) -> list:
    """Phase 3: ``(id, canonical)`` for each name (``None`` for a name the
    registry does not hold)."""
    return [registry.lookup(n) for n in names_]


def resolve_documents(documents: Iterable[str]):
    """All three phases on one machine: ``(rows, registry)`` where ``rows``
    has one ``(document_index, person_index, name, mentions, id,
    canonical)`` per person of each document."""
    found = [people(d) for d in documents]
    keys = Counter()
    for doc in found:
        for name, n in doc:
            keys[name] += n
    registry = build_registry(keys)
    rows = []
    for i, doc in enumerate(found):
        for j, (name, n) in enumerate(doc):
            entity = registry.lookup(name) or (None, None)
            rows.append((i, j, name, n, *entity))
    return rows, registry
