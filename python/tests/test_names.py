"""Names: the Python API, and the two-phase job across Spark partitions
against one machine on the same documents."""

import json
import pathlib

import pytest

from polynorm import names
import polynorm.spark as ps
from conftest import ROOT
from test_spark import frame


def documents(corpus) -> list:
    """The corpus plus every news fixture, one document per file."""
    texts, _ = corpus
    news = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "news").glob("*.txt"))]
    return texts + news


def test_match_row_by_row_on_lists_and_arrow():
    pa = pytest.importorskip("pyarrow")
    a = ["Sergey Shoigu", "Li Qiang", None]
    b = ["Сергей Шойгу", "Li Keqiang", "Xi Jinping"]
    listed = names.match(a, b)
    assert [r["decision"] if r else None for r in listed] == ["match", "no_match", None]
    arrowed = names.match(pa.array(a), pa.array(b))
    assert isinstance(arrowed, pa.Array) and arrowed.null_count == 1
    assert json.loads(arrowed[0].as_py())["decision"] == "match"
    with pytest.raises(ValueError, match="as many on each side"):
        names.match(["a"], ["b", "c"])


def test_parse_match_mentions_cluster():
    assert names.match("Sergey Shoigu", "Сергей Шойгу")["decision"] == "match"
    assert names.match("Sergey Shoigu", "Li Shangfu")["decision"] == "no_match"
    parsed = names.parse(["Xi Jinping", None])
    assert parsed[1] is None and parsed[0]["input"] == "Xi Jinping"
    doc = "Defense Minister Sergeн Shoigu met Li Shangfu. Later Shoigu said Li agreed."
    assert names.people(doc) == [("Sergey Shoigu", 2), ("Li Shangfu", 2)]
    labels, canonical = names.cluster(["Sergey Shoigu", "Сергей Шойгу", "Li Qiang"])
    assert labels == [0, 0, 1] and canonical == ["Sergey Shoigu", "Li Qiang"]


def test_the_registry_depends_only_on_the_multiset_of_names():
    keys = [("Sergey Shoigu", 3), ("Li Shangfu", 1), ("Сергей Шойгу", 2), ("Sergei Shoygu", 1)]
    one = names.build_registry(keys)
    other = names.build_registry(list(reversed(keys)) + [("Li Shangfu", 0)])
    split = names.build_registry([("Sergey Shoigu", 1), ("Li Shangfu", 1), ("Сергей Шойгу", 2), ("Sergei Shoygu", 1), ("Sergey Shoigu", 2)])
    assert one.text == other.text == split.text
    assert one.lookup("Сергей Шойгу") == one.lookup("Sergei Shoygu") == one.lookup("Sergey Shoigu")
    assert one.lookup("Li Shangfu") != one.lookup("Sergey Shoigu")


def test_a_bad_registry_is_a_value_error():
    with pytest.raises(ValueError, match="used twice"):
        names.Registry('{"id":"P1","canonical":"A B","variants":[]}\n{"id":"P1","canonical":"C D","variants":[]}\n')
    with pytest.raises(ValueError, match="2: not a registry entity"):
        names.Registry('{"id":"P1","canonical":"A B","variants":[]}\n[1, 2]\n')


def test_the_registry_is_the_one_polynorm_names_resolve_saves(corpus, cli, tmp_path):
    """The command, given the same keys (each name as often as it is
    mentioned, names sorted), saves the very same registry file, and
    resolves every name to the entity the registry holds it in."""
    rows, registry = names.resolve_documents(documents(corpus))
    counts = {}
    for _, _, name, n, _, _ in rows:
        counts[name] = counts.get(name, 0) + n
    listing = "".join(f"{name}\n" * counts[name] for name in sorted(counts))
    saved = tmp_path / "registry.jsonl"
    out = cli(["names", "resolve", "--save", str(saved)], stdin=listing.encode()).stdout.decode()
    assert saved.read_text(encoding="utf-8") == registry.text
    for name, line in zip(listing.splitlines(), out.splitlines()):
        entity, canonical, _ = line.split("\t")
        assert registry.lookup(name) == (entity, canonical)
    again = names.Registry.load(saved)
    assert again.text == registry.text and len(again) == len(registry)


def test_two_phase_spark_job_equals_one_machine(spark, corpus):
    """Documents spread over four partitions: each extracts its people and
    keys, Spark sums the keys, the driver builds one registry, broadcast
    back, each partition resolves. Every row (document, person, name,
    mentions, entity id, canonical name) and the registry itself equal
    those of the same three phases run on one machine, in one process."""
    docs = documents(corpus)
    expected_rows, expected_registry = names.resolve_documents(docs)
    assert len(expected_rows) > 500 and len(expected_registry) > 50

    df = frame(spark, docs)
    resolved, registry = ps.resolve_names(df, "id", "text")
    table = resolved.toArrow().sort_by([("id", "ascending"), ("person", "ascending")])
    got = list(
        zip(
            *(table.column(c).to_pylist() for c in ("id", "person", "name", "mentions", "entity_id", "canonical"))
        )
    )
    assert registry.text == expected_registry.text
    assert got == expected_rows


def test_the_registry_groups_names_as_one_clustering_of_them_all(corpus):
    """The registry's entities group the names exactly as clustering every
    person name of every document, in document order, at once."""
    rows, registry = names.resolve_documents(documents(corpus))
    all_names = [name for _, _, name, n, _, _ in rows for _ in range(n)]
    labels, _ = names.cluster(all_names)
    by_label, by_entity = {}, {}
    for name, label in zip(all_names, labels):
        by_label.setdefault(label, set()).add(name)
        by_entity.setdefault(registry.lookup(name)[0], set()).add(name)
    assert sorted(map(sorted, by_label.values())) == sorted(map(sorted, by_entity.values()))
