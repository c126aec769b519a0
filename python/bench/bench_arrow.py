"""Per-row overhead of polynorm's Arrow path against the pure-Rust loop.

Builds 1,000,000 short strings from fixtures/bench/*.txt (runs of 2 to 7
words of real text, 10–60 bytes), writes them one per line, runs the
pure-Rust loop (`crates/python/examples/clean_loop.rs`: the same per-value
function over the same strings, no Python, no Arrow) and then the Python
calls on a pyarrow array of the same strings, each the best of N runs, and
prints one JSON object per measurement (and CSV rows with --csv FILE).
The Rust loop and the Arrow call run in alternation, --repeats times each,
and each keeps its best time.

    python python/bench/bench_arrow.py [--rows 1000000] [--repeats 5] [--csv benchmarks/record/DATE-python-arrow.csv]

Needs the `polynorm` wheel installed in the running Python (maturin develop
--release) and cargo on PATH; CARGO_TARGET_DIR is honoured.
"""

import argparse
import json
import os
import pathlib
import subprocess
import time

import pyarrow as pa

import polynorm

from _record import append_rows  # a sibling file: the benchmarks run as scripts

ROOT = pathlib.Path(__file__).resolve().parents[2]


def short_strings(rows: int) -> list:
    words = []
    for path in sorted((ROOT / "fixtures" / "bench").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words.extend(line.split())
    out, i, k = [], 0, 0
    while len(out) < rows:
        n = 2 + k % 6
        s = " ".join(words[(i + j) % len(words)] for j in range(n))
        while len(s.encode()) > 60 and " " in s:
            s = s.rsplit(" ", 1)[0]
        out.append(s)
        i += n
        k += 1
    return out


def best(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--csv")
    args = parser.parse_args()

    strings = short_strings(args.rows)
    work = pathlib.Path("/tmp/polynorm-bench")
    work.mkdir(exist_ok=True)
    listing = work / "short-strings.txt"
    listing.write_text("\n".join(strings) + "\n", encoding="utf-8")
    mean_bytes = sum(len(s.encode()) for s in strings) / len(strings)

    subprocess.run(
        ["cargo", "build", "--release", "-q", "-p", "polynorm-python", "--example", "clean_loop"],
        cwd=ROOT,
        check=True,
    )
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    loop = target / "release" / "examples" / "clean_loop"

    arr = pa.array(strings, type=pa.string())
    pipeline = polynorm.Pipeline()
    results = []
    for op, call in [
        ("clean", lambda a: pipeline.clean(a)),
        ("translit", lambda a: polynorm.translit(a, "any-ascii")),
    ]:
        out = call(arr)  # also the warm-up, as the Rust loop has its own
        assert len(out) == len(strings)
        assert out.to_pylist()[:1000] == call(strings[:1000])
        # The machine is shared: the two are measured in alternation, each
        # keeping its best, so that both see the same quiet moments.
        rust_runs, arrow_runs = [], []
        for _ in range(args.repeats):
            rust_runs.append(
                json.loads(subprocess.run([str(loop), str(listing), op, "1"], check=True, capture_output=True).stdout)
            )
            arrow_runs.append(best(lambda: call(arr), 1))
        rust = min(rust_runs, key=lambda r: r["ns_per_row"])
        arrow = min(arrow_runs)
        as_list = best(lambda: call(strings), max(1, args.repeats // 2))
        sample = strings[:100_000]
        per_str = best(lambda: [call(s) for s in sample], 1) * len(strings) / len(sample)
        n = len(strings)
        row = {
            "op": op,
            "rows": n,
            "mean_bytes": round(mean_bytes, 1),
            "changed": rust["changed"],
            "rust_ns_per_row": rust["ns_per_row"],
            "arrow_ns_per_row": round(arrow * 1e9 / n, 1),
            "arrow_overhead_ns_per_row": round(arrow * 1e9 / n - rust["ns_per_row"], 1),
            "list_ns_per_row": round(as_list * 1e9 / n, 1),
            "str_call_ns_per_row": round(per_str * 1e9 / n, 1),
        }
        results.append(row)
        print(json.dumps(row))
    if args.csv:
        keys = ("rust_ns_per_row", "arrow_ns_per_row", "arrow_overhead_ns_per_row", "list_ns_per_row", "str_call_ns_per_row")
        append_rows(
            args.csv,
            ["group", "function", "value", "unit"],
            [(f"python-arrow/{r['op']}/1M-short", key.removesuffix("_ns_per_row"), r[key], "ns/row") for r in results for key in keys],
        )


if __name__ == "__main__":
    main()
