"""polynorm under a real PySpark session (local[2]): mapInArrow output equals
the `polynorm` command's on the same JSONL, byte for byte."""

import pandas as pd
import pyarrow as pa

import polynorm
import polynorm.spark as ps
from conftest import record_line


def frame(spark, texts):
    """A DataFrame (id, text) in at least two partitions, in input order."""
    pdf = pd.DataFrame({"id": range(len(texts)), "text": texts})
    df = spark.createDataFrame(pdf, "id long, text string").repartitionByRange(4, "id")
    assert df.rdd.getNumPartitions() >= 2
    return df


def to_jsonl(table: pa.Table, column: str = "text") -> bytes:
    """Spark's result as the command's JSONL: one `{"id":N,"text":"…"}`
    record per row in `id` order, the value escaped as the command escapes
    it (see conftest.json_string)."""
    table = table.sort_by("id")
    ids = table.column("id").to_pylist()
    values = table.column(column).to_pylist()
    return "".join(record_line(i, v) for i, v in zip(ids, values)).encode("utf-8")


def test_map_in_arrow_clean_equals_cli_byte_for_byte(spark, corpus, cli_clean):
    """What is compared: the command's whole standard output for
    `polynorm clean --input-format jsonl --field text records.jsonl`, and
    the JSONL rebuilt from Spark's rows. The input records are written in
    the command's own escaping, so the command copies unchanged records byte
    for byte and re-encodes changed fields the same way: the two outputs
    are equal only if every cleaned value is."""
    texts, _ = corpus
    assert len(texts) >= 10_000
    expected = cli_clean
    df = frame(spark, texts)
    out = df.mapInArrow(ps.clean_batches("text"), df.schema).toArrow()
    assert out.num_rows == len(texts)
    assert to_jsonl(out) == expected


def test_map_in_arrow_translit_and_detect(spark, sample):
    sample, _ = sample
    df = frame(spark, sample)
    out = df.mapInArrow(
        ps.translit_batches("text", "ru-icao", output="latin"), ps.with_column(df.schema, "latin")
    ).toArrow().sort_by("id")
    assert out.column("latin").to_pylist() == polynorm.translit(sample, "ru-icao")
    assert out.column("text").to_pylist() == sample
    detected = df.mapInArrow(ps.detect_batches("text"), ps.detect_schema(df.schema)).toArrow().sort_by("id")
    scripts = [d["dominant_script"] for d in detected.column("detect").to_pylist()]
    assert scripts == [d["dominant_script"] for d in polynorm.detect(sample)]


def test_pandas_udf_equals_map_in_arrow(spark, sample):
    sample = sample[0] + [None]
    df = frame(spark, sample)
    out = df.select("id", ps.clean_udf()("text").alias("text")).toArrow()
    assert out.sort_by("id").column("text").to_pylist() == polynorm.clean(sample)
    latin = df.select("id", ps.translit_udf("any-ascii")("text").alias("text")).toArrow()
    assert latin.sort_by("id").column("text").to_pylist() == polynorm.translit(sample, "any-ascii")


def test_a_configured_pipeline_travels_to_the_executors(spark):
    texts = ["\u201cquoted\u201d\u200b", "ＡＢＣ", None]
    p = polynorm.Pipeline(enable=["quotes", "fullwidth"], disable=["zero-width"])
    df = frame(spark, texts)
    out = df.mapInArrow(ps.clean_batches("text", pipeline=p, output="clean"), ps.with_column(df.schema, "clean"))
    got = out.toArrow().sort_by("id").column("clean").to_pylist()
    assert got == ['"quoted"\u200b', "ABC", None]
