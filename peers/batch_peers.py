#!/usr/bin/env python3
"""The batch job a user would otherwise glue together in Python, for the
batch benchmark in BENCHMARKS.md: read JSONL, fix one field per record,
write JSONL, in input order, one process (single-threaded, as such scripts
are written).

Jobs:

* clean    — `ftfy.fix_text` on the field (ftfy's default configuration:
             mojibake, control characters, NFC, …): the peer of
             `polynorm clean --field text`.
* translit — `anyascii.anyascii` on the field: the peer of a
             transliteration batch.
* names    — `rapidfuzz.process.extractOne` of each record's title
             against the titles seen so far (capped at 1,000): the kind of
             fuzzy matching a user adds for name variants; reported for
             scale, not compared with any polynorm job yet.

Versions are pinned in peers/requirements-batch.txt. Usage:

    /work/peers-venv/bin/python peers/batch_peers.py --job clean \
        --field text IN.jsonl OUT.jsonl [--limit-mb 10]

Prints one JSON line: job, records, input bytes, seconds (wall) and CPU
seconds of the loop (imports and interpreter start excluded), MB/s,
MB per CPU second, records/s.
"""

import argparse
import json
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--job", choices=["clean", "translit", "names"], required=True)
    ap.add_argument("--field", default="text")
    ap.add_argument("--limit-mb", type=float, default=0, help="stop after this many input MB (a sample)")
    ap.add_argument("input")
    ap.add_argument("output")
    args = ap.parse_args()

    if args.job == "clean":
        import ftfy

        def fix(record):
            record[args.field] = ftfy.fix_text(record[args.field])
    elif args.job == "translit":
        from anyascii import anyascii

        def fix(record):
            record[args.field] = anyascii(record[args.field])
    else:
        from rapidfuzz import fuzz, process

        seen = []

        def fix(record):
            title = record.get("title", "")
            best = process.extractOne(title, seen, scorer=fuzz.token_sort_ratio) if seen else None
            record["match"] = best[0] if best and best[1] >= 90 else None
            if len(seen) < 1000:
                seen.append(title)

    limit = int(args.limit_mb * 1_000_000) if args.limit_mb else None
    records = 0
    size = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    with open(args.input, "rb") as f, open(args.output, "w", encoding="utf-8") as out:
        for raw in f:
            size += len(raw)
            record = json.loads(raw)
            fix(record)
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
            records += 1
            if limit and size >= limit:
                break
    secs = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    json.dump(
        {
            "job": args.job,
            "records": records,
            "bytes": size,
            "seconds": round(secs, 3),
            "cpu_seconds": round(cpu, 3),
            "mb_per_cpu_second": round(size / 1e6 / cpu, 3),
            "mb_per_second": round(size / 1e6 / secs, 3),
            "records_per_second": round(records / secs, 1),
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
