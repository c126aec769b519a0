"""A local Spark job (local[2]) over 1,000,000 records: polynorm under
`mapInArrow` against plain Python UDFs doing the same job with ftfy
(cleaning) and anyascii (transliteration to ASCII).

The records are sentences of fixtures/bench/*.txt (cycled to the count),
written once to Parquet and read back in partitions of 8 MiB. Each job
reads them, transforms the `text` column and writes to Spark's `noop`
sink (everything is computed, nothing is stored); wall time is the best of
--repeats runs after one warm-up run on 10,000 rows.

    python python/bench/bench_spark.py [--rows 1000000] [--repeats 2] [--csv benchmarks/record/DATE-python-spark.csv]
"""

import argparse
import json
import os
import pathlib
import sys
import time

from _record import append_rows  # a sibling file: the benchmarks run as scripts

ROOT = pathlib.Path(__file__).resolve().parents[2]


def sentences(rows: int) -> list:
    parts = []
    for path in sorted((ROOT / "fixtures" / "bench").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            parts.extend(p for p in line.split(". ") if p.strip())
    return [parts[i % len(parts)] for i in range(rows)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--csv")
    parser.add_argument("--only", help="comma-separated job names")
    args = parser.parse_args()

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    import pyarrow as pa
    import pyarrow.parquet as pq
    from pyspark.sql import SparkSession
    from pyspark.sql.functions import udf

    import polynorm.spark as ps

    work = pathlib.Path("/tmp/polynorm-bench")
    work.mkdir(exist_ok=True)
    data = work / f"records-{args.rows}.parquet"
    texts = sentences(args.rows)
    if not data.exists():
        pq.write_table(pa.table({"id": pa.array(range(args.rows), pa.int64()), "text": texts}), data)
    mean_bytes = sum(len(t.encode()) for t in texts) / len(texts)

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("polynorm-bench")
        .config("spark.driver.memory", "2g")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.files.maxPartitionBytes", str(8 << 20))
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.read.parquet(str(data))
    partitions = df.rdd.getNumPartitions()

    def fix_text(s):
        import ftfy

        return None if s is None else ftfy.fix_text(s)

    def to_ascii(s):
        import anyascii

        return None if s is None else anyascii.anyascii(s)

    ftfy_udf = udf(fix_text, "string")
    anyascii_udf = udf(to_ascii, "string")
    jobs = {
        "mapInArrow identity (Spark's own cost)": lambda d: d.mapInArrow(lambda it: it, d.schema),
        "mapInArrow polynorm clean": lambda d: d.mapInArrow(ps.clean_batches("text"), d.schema),
        "mapInArrow polynorm translit any-ascii": lambda d: d.mapInArrow(ps.translit_batches("text", "any-ascii"), d.schema),
        "pandas_udf polynorm clean": lambda d: d.select("id", ps.clean_udf()("text").alias("text")),
        "Python UDF ftfy.fix_text": lambda d: d.select("id", ftfy_udf("text").alias("text")),
        "Python UDF anyascii": lambda d: d.select("id", anyascii_udf("text").alias("text")),
    }
    if args.only:
        wanted = args.only.split(",")
        jobs = {k: v for k, v in jobs.items() if any(w in k for w in wanted)}
    results = []
    for name, job in jobs.items():
        job(df.limit(10_000)).write.format("noop").mode("overwrite").save()
        times = []
        for _ in range(args.repeats):
            started = time.perf_counter()
            job(df).write.format("noop").mode("overwrite").save()
            times.append(time.perf_counter() - started)
        best = min(times)
        row = {
            "job": name,
            "rows": args.rows,
            "mean_bytes": round(mean_bytes, 1),
            "partitions": partitions,
            "seconds": round(best, 2),
            "rows_per_second": round(args.rows / best),
        }
        results.append(row)
        print(json.dumps(row), flush=True)
    spark.stop()
    if args.csv:
        append_rows(
            args.csv,
            ["group", "function", "seconds", "rows_per_second"],
            [(f"spark-local2/{args.rows}-records", r["job"], r["seconds"], r["rows_per_second"]) for r in results],
        )


if __name__ == "__main__":
    main()
