#!/usr/bin/env python3
"""Mojibake repair beside ftfy on fixtures/eval/mojibake/ (Python 3.11).

Scores, on every record of the evaluation set:

- polynorm: ``polynorm clean --disable homoglyphs --disable keyboard-layouts``
  (the mojibake stage and hygiene; the mixed-script repair is another issue's
  and has nothing to do on these sentences), one record per line;
- ftfy 6.3.1 ``fix_text`` with its default configuration;
- ftfy 6.3.1 ``fix_encoding`` (only its mojibake fixes);
- the identity (changes nothing): the floor.

A damaged record counts as recovered when the output equals ``expect``
exactly; a clean record counts as a false change when the output differs from
the input. Throughput: ftfy on fixtures/bench/*.txt one line per call (the
clean case batch jobs hit), beside polynorm's criterion medians for the same
files (``cargo bench -p polynorm-repair --bench mojibake`` first).

    python3 -m venv /work/peers-venv
    /work/peers-venv/bin/pip install -r peers/requirements.txt
    cargo build --release
    /work/peers-venv/bin/python peers/mojibake_peers.py \\
        --polynorm target/release/polynorm --criterion target/criterion

Writes peers/results/mojibake-peers.md; raw outputs go to
/tmp/polynorm-peers/mojibake/. Nothing here is part of the build.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import ftfy

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO / "fixtures" / "eval" / "mojibake"
BENCH = REPO / "fixtures" / "bench"
RAW = Path("/tmp/polynorm-peers/mojibake")
LANGS = ["ru", "uk", "bg", "en", "de", "fr", "tr", "el"]
CORPORA = ["en", "ru", "zh", "mixed", "dirty"]


def group(r: dict) -> str:
    if r["channel"] == "utf8":
        return f"utf8 {r['decoded_as']} x{r['level']}"
    if r["channel"] == "legacy":
        return f"legacy {r['written_in']} as {r['decoded_as']}"
    return r["channel"]


def load() -> list[dict]:
    out = []
    for lang in LANGS:
        # Not splitlines(): the records hold C1 controls such as U+0085 (NEL).
        for line in (EVAL / f"{lang}.jsonl").read_text(encoding="utf-8").split("\n"):
            if not line:
                continue
            out.append(json.loads(line))
    return out


def run_polynorm(binary: str, records: list[dict]) -> list[str]:
    # One record per line; the inputs hold no LF or CR.
    assert all("\n" not in r["input"] and "\r" not in r["input"] for r in records)
    data = "".join(r["input"] + "\n" for r in records).encode("utf-8")
    p = subprocess.run(
        [binary, "clean", "--disable", "homoglyphs", "--disable", "keyboard-layouts"],
        input=data, capture_output=True, check=False)
    if p.returncode not in (0, 1):
        sys.exit(f"polynorm failed: {p.stderr.decode()}")
    lines = p.stdout.decode("utf-8").split("\n")
    assert lines[-1] == "" and len(lines) == len(records) + 1, (len(lines), len(records))
    return lines[:-1]


def mbps(nbytes: int, seconds: float) -> float:
    return nbytes / seconds / 1e6


def time_python(fn, lines: list[str], repeat: int = 3) -> tuple[float, float]:
    """Best of `repeat` passes: (wall-clock seconds, CPU seconds of this thread)."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        t, c = time.perf_counter(), time.thread_time()
        for line in lines:
            fn(line)
        best_cpu = min(best_cpu, time.thread_time() - c)
        best_wall = min(best_wall, time.perf_counter() - t)
    return best_wall, best_cpu


def criterion_mbps(root: Path | None, group: str, corpus: str, bench: str,
                   nbytes: int) -> float | None:
    if root is None:
        return None
    p = root / f"{group}_{corpus}" / bench / "new" / "estimates.json"
    if not p.is_file():
        return None
    ns = json.loads(p.read_text())["median"]["point_estimate"]
    return nbytes / (ns / 1e9) / 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polynorm", default=str(REPO / "target" / "release" / "polynorm"))
    ap.add_argument("--criterion", type=Path, default=None,
                    help="criterion output directory (target/criterion) for polynorm's MB/s")
    ap.add_argument("--out", type=Path, default=REPO / "peers" / "results" / "mojibake-peers.md")
    args = ap.parse_args()
    RAW.mkdir(parents=True, exist_ok=True)

    records = load()
    t0 = time.perf_counter()
    poly = run_polynorm(args.polynorm, records)
    poly_s = time.perf_counter() - t0
    peers = {
        "polynorm": poly,
        "ftfy fix_text": [ftfy.fix_text(r["input"]) for r in records],
        "ftfy fix_encoding": [ftfy.fix_encoding(r["input"]) for r in records],
        "identity": [r["input"] for r in records],
    }
    names = list(peers)
    with open(RAW / "outputs.jsonl", "w", encoding="utf-8") as f:
        for i, r in enumerate(records):
            f.write(json.dumps({"id": r["id"], **{n: peers[n][i] for n in names}},
                               ensure_ascii=False) + "\n")

    tallies: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    by_lang: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for i, r in enumerate(records):
        g = group(r)
        for n in names:
            out = peers[n][i]
            ok = out == r["input"] if r["channel"] == "clean" else out == r["expect"]
            for table, key in ((tallies, g), (by_lang, r["lang"] if r["channel"] != "clean" else None)):
                if key is None:
                    continue
                table[key][n][0] += ok
                table[key][n][1] += 1

    def pct(t: list[int]) -> str:
        return f"{100 * t[0] / t[1]:.1f}%" if t[1] else "–"

    lines = []
    w = lines.append
    w("# Mojibake repair: polynorm beside ftfy")
    w("")
    w(f"Generated by `peers/mojibake_peers.py` on {datetime.date.today()} "
      f"({platform.machine()}, Python {platform.python_version()}, ftfy {ftfy.__version__}). "
      "Set: `fixtures/eval/mojibake/` (see its README). A damaged record counts when the "
      "output equals `expect` exactly; the `clean` row counts clean sentences left "
      "unchanged (typography included).")
    w("")
    w("polynorm: `polynorm clean --disable homoglyphs --disable keyboard-layouts` "
      "(mojibake repair, then hygiene). ftfy: `fix_text` (default configuration) and "
      "`fix_encoding`.")
    w("")
    w("## Per encoding pair and level")
    w("")
    w("| group | records | " + " | ".join(names) + " |")
    w("| --- | ---: | " + " | ".join("---:" for _ in names) + " |")

    def order(g: str) -> tuple:
        kind = 0 if g == "clean" else 1 if g.startswith("utf8 ") else 2 if g.startswith("utf8-") else 3
        return (kind, g)

    for g in sorted(tallies, key=order):
        t = tallies[g]
        w(f"| {g} | {t[names[0]][1]} | " + " | ".join(pct(t[n]) for n in names) + " |")
    w("")
    w("## Damaged records per language")
    w("")
    w("| lang | records | " + " | ".join(names) + " |")
    w("| --- | ---: | " + " | ".join("---:" for _ in names) + " |")
    for lang in LANGS:
        t = by_lang[lang]
        w(f"| {lang} | {t[names[0]][1]} | " + " | ".join(pct(t[n]) for n in names) + " |")
    w("")

    # Throughput on clean text, one line per call.
    loadavg = os.getloadavg()
    w("## Throughput on clean text (one line per call)")
    w("")
    w("ftfy timed here (best of 3 passes), polynorm from criterion medians of "
      "`cargo bench -p polynorm-repair --bench mojibake` (`stage`: the mojibake stage alone; "
      "`+hygiene`: mojibake then hygiene, the line stages of `clean` before the mixed-script "
      "repair). CPU time: ftfy's thread (`time.thread_time`), polynorm's benchmark thread "
      "(the `mojibake-cpu` groups); wall clock: `time.perf_counter` and the `mojibake` groups. "
      f"Load average when ftfy was timed: {loadavg[0]:.2f} {loadavg[1]:.2f} {loadavg[2]:.2f} "
      f"({os.cpu_count()} CPUs).")
    w("")
    rows = []
    for corpus in CORPORA:
        text = (BENCH / f"{corpus}.txt").read_text(encoding="utf-8")
        clines = text.splitlines()
        nbytes = len(text.encode("utf-8"))
        ft_wall, ft_cpu = time_python(ftfy.fix_text, clines)
        fe_wall, fe_cpu = time_python(ftfy.fix_encoding, clines)
        rows.append((corpus, nbytes, {
            "cpu": (mbps(nbytes, ft_cpu), mbps(nbytes, fe_cpu),
                    criterion_mbps(args.criterion, "mojibake-cpu", corpus, "stage", nbytes),
                    criterion_mbps(args.criterion, "mojibake-cpu", corpus, "mojibake+hygiene", nbytes)),
            "wall": (mbps(nbytes, ft_wall), mbps(nbytes, fe_wall),
                     criterion_mbps(args.criterion, "mojibake", corpus, "stage", nbytes),
                     criterion_mbps(args.criterion, "mojibake", corpus, "mojibake+hygiene", nbytes)),
        }))

    def f(x: float | None) -> str:
        return "–" if x is None else f"{x:,.1f} MB/s"

    def ratio(a: float | None, b: float) -> str:
        return "–" if a is None else f"{a / b:,.0f}×"

    for clock, title in (("cpu", "CPU time"), ("wall", "Wall clock")):
        w(f"### {title}")
        w("")
        w("| corpus | bytes | ftfy fix_text | ftfy fix_encoding | polynorm stage | polynorm +hygiene | stage / fix_encoding | +hygiene / fix_text |")
        w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for corpus, nbytes, clocks in rows:
            ft, fe, ps, ph = clocks[clock]
            w(f"| {corpus} | {nbytes:,} | {f(ft)} | {f(fe)} | {f(ps)} | {f(ph)} | "
              f"{ratio(ps, fe)} | {ratio(ph, ft)} |")
        w("")

    w(f"Scoring run: polynorm took {poly_s:.2f} s for {len(records):,} records "
      "(one process).")
    w("")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
