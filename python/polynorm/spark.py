"""polynorm on Apache Spark: functions for ``DataFrame.mapInArrow`` and
``pandas_udf``.

``mapInArrow`` hands each task an iterator of Arrow record batches; the
functions here clean (or transliterate, or analyse) one string column of
each batch with the Rust engine, reading the column's buffers in place and
releasing the GIL, and yield the batch with the column replaced (or a new
column added). Nothing is converted to Python strings.

>>> from pyspark.sql import SparkSession
>>> import polynorm.spark as ps
>>> spark = SparkSession.builder.master("local[2]").getOrCreate()
>>> df = spark.createDataFrame([(1, "Sergey\\u200b Shoigu"), (2, "Пpивет")], "id long, text string")
>>> df.mapInArrow(ps.clean_batches("text"), df.schema).collect()
[Row(id=1, text='Sergey Shoigu'), Row(id=2, text='Привет')]

The cleaning is the one ``polynorm clean --input-format jsonl --field text``
does: each value's lines are one document. A ``Pipeline`` passed in is
pickled by its settings and rebuilt once per task on the executors.

Names across partitions (:func:`resolve_names`: people per partition,
one registry from the summed keys, broadcast, then resolution per
partition) give the same entities as one machine would
(:func:`polynorm.names.resolve_documents`).
"""

import json
from typing import Callable, Iterable, Iterator

import pyarrow as pa

from . import Pipeline, _native, translit as _translit
from .names import Registry, build_registry

__all__ = [
    "clean_batches",
    "translit_batches",
    "detect_batches",
    "map_column",
    "with_column",
    "detect_schema",
    "clean_udf",
    "translit_udf",
    "names_people_batches",
    "names_people_schema",
    "names_registry",
    "names_resolve_batches",
    "resolve_names",
]

BatchFn = Callable[[Iterator[pa.RecordBatch]], Iterator[pa.RecordBatch]]


def _set(batch: pa.RecordBatch, column: str, output: str | None, values: pa.Array) -> pa.RecordBatch:
    """``batch`` with ``column`` replaced by ``values`` (or ``values`` added
    as ``output``)."""
    names = batch.schema.names
    arrays = list(batch.columns)
    target = output or column
    if target in names:
        i = names.index(target)
        arrays[i] = values
        fields = list(batch.schema)
        fields[i] = pa.field(target, values.type, nullable=True)
        return pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields, metadata=batch.schema.metadata))
    return pa.RecordBatch.from_arrays(
        arrays + [values],
        schema=batch.schema.append(pa.field(target, values.type, nullable=True)),
    )


def map_column(fn: Callable[[pa.Array], pa.Array], column: str, output: str | None = None) -> BatchFn:
    """A ``mapInArrow`` function that applies ``fn`` (Arrow array to Arrow
    array) to ``column`` of every batch, in place or into ``output``."""

    def run(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            yield _set(batch, column, output, fn(batch.column(column)))

    return run


def clean_batches(column: str = "text", *, pipeline: Pipeline | None = None, output: str | None = None) -> BatchFn:
    """``mapInArrow`` function: cleans ``column`` (in place, or into a new
    string column ``output``) with ``pipeline`` (default settings when
    ``None``). Output schema: the input's, or :func:`with_column` of it."""
    pipeline = pipeline or Pipeline()
    return map_column(pipeline.clean, column, output)


def translit_batches(
    column: str,
    scheme: str,
    *,
    name: bool = False,
    tones: bool = False,
    reverse: bool = False,
    output: str | None = None,
) -> BatchFn:
    """``mapInArrow`` function: transliterates ``column`` by ``scheme``, as
    ``polynorm translit --scheme NAME``. The scheme is checked here, on the
    driver, so a wrong name fails before any task runs."""
    _translit("", scheme, name=name, tones=tones, reverse=reverse)
    return map_column(
        lambda a: _translit(a, scheme, name=name, tones=tones, reverse=reverse),
        column,
        output,
    )


def detect_batches(column: str = "text", *, output: str = "detect") -> BatchFn:
    """``mapInArrow`` function: adds ``output``, a struct of
    ``dominant_script``, ``language`` (ISO 639-3), ``confidence``,
    ``reliable`` and ``analysis`` (``polynorm detect``'s JSON) for
    ``column``. Output schema: :func:`detect_schema`."""
    pipeline = Pipeline()
    return map_column(pipeline.detect, column, output)


def with_column(schema, output: str, data_type: str = "string"):
    """A Spark schema (``StructType``) with one more nullable column."""
    from pyspark.sql.types import StructField, StructType, _parse_datatype_string

    return StructType(list(schema.fields) + [StructField(output, _parse_datatype_string(data_type), True)])


DETECT_TYPE = (
    "struct<dominant_script:string,language:string,confidence:double,reliable:boolean,analysis:string>"
)


def detect_schema(schema, output: str = "detect"):
    """The schema of :func:`detect_batches`' output."""
    return with_column(schema, output, DETECT_TYPE)


def clean_udf(pipeline: Pipeline | None = None):
    """A ``pandas_udf`` (string to string) that cleans a column:
    ``df.select(clean_udf()("text"))``. Slower than :func:`clean_batches`
    (pandas Series go through pyarrow both ways), but usable in
    ``select``/``withColumn``."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    pipeline = pipeline or Pipeline()

    @pandas_udf("string")
    def polynorm_clean(values: pd.Series) -> pd.Series:
        return pipeline.clean(values)

    return polynorm_clean


def translit_udf(scheme: str, *, name: bool = False, tones: bool = False, reverse: bool = False):
    """A ``pandas_udf`` (string to string) that transliterates a column."""
    import pandas as pd
    from pyspark.sql.functions import pandas_udf

    _translit("", scheme, name=name, tones=tones, reverse=reverse)

    @pandas_udf("string")
    def polynorm_translit(values: pd.Series) -> pd.Series:
        return _translit(values, scheme, name=name, tones=tones, reverse=reverse)

    return polynorm_translit


# --- names across partitions -------------------------------------------------------


def names_people_batches(id_column: str = "id", text_column: str = "text") -> BatchFn:
    """Phase 1 under ``mapInArrow``: one row per person of each document,
    ``(id, person, name, mentions)``: the document's id, the person's index
    in it, the person's name (mentions linked within the document) and how
    often it is mentioned. Output schema: :func:`names_people_schema`."""

    def run(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            ids = batch.column(id_column)
            found = _native.names_mentions(batch.column(text_column))
            out_ids, persons, names, counts = [], [], [], []
            for doc_id, doc in zip(ids.to_pylist(), found.to_pylist()):
                if doc is None:
                    continue
                for j, person in enumerate(json.loads(doc)["people"]):
                    out_ids.append(doc_id)
                    persons.append(j)
                    names.append(person["name"])
                    counts.append(len(person["mentions"]))
            yield pa.RecordBatch.from_arrays(
                [
                    pa.array(out_ids, ids.type),
                    pa.array(persons, pa.int32()),
                    pa.array(names, pa.string()),
                    pa.array(counts, pa.int64()),
                ],
                names=[id_column, "person", "name", "mentions"],
            )

    return run


def names_people_schema(schema, id_column: str = "id"):
    """The schema of :func:`names_people_batches`' output."""
    from pyspark.sql.types import IntegerType, LongType, StringType, StructField, StructType

    return StructType(
        [
            schema[id_column],
            StructField("person", IntegerType(), False),
            StructField("name", StringType(), False),
            StructField("mentions", LongType(), False),
        ]
    )


def names_registry(people) -> Registry:
    """Phase 2, on the driver: the keys of every partition (people's names
    with their mention counts, summed by Spark) into one registry."""
    from pyspark.sql import functions as F

    keys = people.groupBy("name").agg(F.sum("mentions").alias("n")).collect()
    return build_registry((row["name"], row["n"]) for row in keys)


def names_resolve_batches(registry, name_column: str = "name") -> BatchFn:
    """Phase 3 under ``mapInArrow``: adds ``entity_id`` and ``canonical`` to
    each row by looking ``name_column`` up in ``registry`` (a
    :class:`~polynorm.names.Registry`, its JSON text, or a Spark broadcast
    of that text)."""

    def run(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        text = registry.value if hasattr(registry, "value") else registry
        known = text if isinstance(text, Registry) else Registry(text)
        for batch in batches:
            found = [known.lookup(n) if n is not None else None for n in batch.column(name_column).to_pylist()]
            ids = pa.array([f[0] if f else None for f in found], pa.string())
            canonical = pa.array([f[1] if f else None for f in found], pa.string())
            yield _set(_set(batch, name_column, "entity_id", ids), name_column, "canonical", canonical)

    return run


def resolve_names(df, id_column: str = "id", text_column: str = "text"):
    """The whole two-phase job: ``(people, registry)``, where ``people`` has
    one row per person of each document (``id, person, name, mentions,
    entity_id, canonical``) and ``registry`` is the
    :class:`~polynorm.names.Registry` built from every partition's keys and
    broadcast to the executors. Same entities as
    :func:`polynorm.names.resolve_documents` on one machine."""
    people_schema = names_people_schema(df.schema, id_column)
    people = df.mapInArrow(names_people_batches(id_column, text_column), people_schema).cache()
    registry = names_registry(people)
    shared = df.sparkSession.sparkContext.broadcast(registry.text)
    resolved = people.mapInArrow(
        names_resolve_batches(shared),
        with_column(with_column(people_schema, "entity_id"), "canonical"),
    )
    return resolved, registry
