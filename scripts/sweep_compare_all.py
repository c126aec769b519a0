#!/usr/bin/env python3
"""Run every sweep file for two polynorm binaries; print new and lost changes.

    python3 scripts/sweep_compare_all.py OLD_BIN NEW_BIN --sweeps DIR \
        [--gettext GDIR] [--out FILE] [--mode record|whole|both] \
        [--only caps,code,gettext-ru] [--no-gettext] [--no-bench] [--extra] [--jobs 2]

Files: DIR/*.txt (made by scripts/sweep_real_words.py, sweep_moji.py and
sweep_mixed_script.py; must not change, except fix-*.txt which SHOULD
change: their .expected file holds the right line), GDIR/*.txt when given
(scripts/audit_gettext.py --out GDIR: real catalogue lines; shown as
gettext-LANG), DIR/extra/*.txt with --extra, and the repo's
fixtures/bench/*.txt (bench-NAME).  Every input is generated, none committed.
Per record = `clean --explain --context-lines 1 F`; whole file =
`clean --explain F` (windows of 10,000 lines).  A change is keyed by
(line, start, before, after), as scripts/sweep_mixed_script.py compare does.

Prints one row per file and mode: changes OLD, NEW, +new, -lost, mixed
(homoglyph and keyboard_layout changes, OLD>NEW; the rest is hygiene and
mojibake), `bytes` = same/DIFF: is the whole --explain stdout byte-identical
(confidences and evidence included; an exact speed change needs `same`
everywhere), and for
fix-* files right/wrong/missed for each binary (right = the output equals
the binary's output on the expected line; missed = no homoglyph or
keyboard_layout change in the record; wrong = the rest).  Every new and
lost change (with its line) goes to --out, for reading.

Outputs are cached per (binary sha256, file, mode) under --cache (default
DIR/cache; only records with changes are kept), so the base binary runs
once for everybody.
"""

import argparse
import concurrent.futures
import gzip
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "fixtures" / "bench"
CACHE = None  # set by main() or by configure()
MIXED = {"homoglyph", "keyboard_layout"}


def configure(sweeps, cache=None):
    """Where run() keeps its cache: CACHE, default SWEEPS/cache."""
    global CACHE
    CACHE = Path(cache) if cache else Path(sweeps) / "cache"


def sha(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()[:16]


def files(args):
    out = []
    for p in sorted(args.sweeps.glob("*.txt")):
        out.append((p.stem, p))
    if not args.no_gettext and args.gettext:
        for p in sorted(args.gettext.glob("*.txt")):
            out.append((f"gettext-{p.stem}", p))
    if args.extra:
        for p in sorted((args.sweeps / "extra").glob("*.txt")):
            out.append((p.stem, p))
    if not args.no_bench:
        for p in sorted(args.bench.glob("*.txt")):
            out.append((f"bench-{p.stem}", p))
    if args.only:
        keep = set(args.only.split(","))
        out = [f for f in out if f[0] in keep]
    return out


def run(binary, bin_sha, path, whole):
    """({line: record} for records with changes, sha256 of the whole stdout); cached."""
    CACHE.mkdir(parents=True, exist_ok=True)
    st = path.stat()
    key = f"{bin_sha}-{path.parent.name}-{path.name}-{st.st_size}-{int(st.st_mtime)}-{'whole' if whole else 'record'}.v2.jsonl.gz"
    cached = CACHE / key
    if cached.exists():
        with gzip.open(cached, "rt", encoding="utf-8") as f:
            digest = json.loads(f.readline())["_stdout_sha256"]
            recs = [json.loads(line) for line in f]
        return {r["line"]: r for r in recs}, digest
    cmd = [binary, "clean", "--explain"] + ([] if whole else ["--context-lines", "1"]) + [str(path)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    recs = {}
    h = hashlib.sha256()
    for raw in proc.stdout:
        h.update(raw)
        if b'"changes":[]' in raw:
            continue
        r = json.loads(raw)
        if r["changes"]:
            recs[r["line"]] = r
    if proc.wait() != 0:
        sys.exit(f"{cmd} failed")
    fd, tmp = tempfile.mkstemp(dir=CACHE, suffix=".tmp")
    with gzip.open(os.fdopen(fd, "wb"), "wt", encoding="utf-8") as f:
        f.write(json.dumps({"_stdout_sha256": h.hexdigest()}) + "\n")
        for r in recs.values():
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    os.replace(tmp, cached)
    return recs, h.hexdigest()


def read_lines(path):
    """Lines split on \\n only, as polynorm counts them (not str.splitlines)."""
    return path.read_text(encoding="utf-8").removesuffix("\n").split("\n")


def keyed(recs):
    return {(n, c["start"], c["before"], c["after"]): (c, r["text"]) for n, r in recs.items() for c in r["changes"]}


def mixed(changes):
    """How many of the keyed changes are homoglyph or keyboard_layout repairs."""
    return sum(1 for c, _text in changes.values() if c["kind"] in MIXED)


def score(recs_mod, recs_exp, mod_lines, exp_lines):
    right = wrong = missed = 0
    for i, (m, e) in enumerate(zip(mod_lines, exp_lines), start=1):
        # A record's "text" is the cleaned line (changes may nest, so they are not re-applied).
        out = recs_mod[i]["text"] if i in recs_mod else m
        want = recs_exp[i]["text"] if i in recs_exp else e
        if out == want:
            right += 1
        elif i not in recs_mod or not any(c["kind"] in MIXED for c in recs_mod[i]["changes"]):
            missed += 1
        else:
            wrong += 1
    return right, wrong, missed


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--sweeps", required=True, type=Path, help="directory of the sweep files (DIR/*.txt)")
    ap.add_argument("--gettext", type=Path, default=None, help="directory of audit_gettext.py's LANG.txt files (left out if not given)")
    ap.add_argument("--cache", type=Path, default=None, help="cache directory (default SWEEPS/cache)")
    ap.add_argument("--bench", type=Path, default=BENCH, help="bench files (default the repo's fixtures/bench)")
    ap.add_argument("--out", default=None, help="file for every new/lost change (default TMPDIR/sweeps-cmp-TIME.txt)")
    ap.add_argument("--mode", default="both", choices=["record", "whole", "both"])
    ap.add_argument("--only", default=None, help="comma-separated names (caps, code, gettext-ru, ...)")
    ap.add_argument("--no-gettext", action="store_true")
    ap.add_argument("--extra", action="store_true", help="also extra/*.txt (codekey.txt, 176,211 lines, 20 MB)")
    ap.add_argument("--no-bench", action="store_true", help="leave out the bench files")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    # A mistyped directory would otherwise compare nothing and print
    # "+0 new, -0 lost": an exactness "proof" over the bench files alone.
    if not sorted(args.sweeps.glob("*.txt")):
        ap.error(f"--sweeps {args.sweeps}: no sweep files (*.txt) there")
    if args.gettext is not None and not args.no_gettext and not sorted(args.gettext.glob("*.txt")):
        ap.error(f"--gettext {args.gettext}: no gettext files (*.txt) there")
    if args.extra and not sorted((args.sweeps / "extra").glob("*.txt")):
        ap.error(f"--extra: no files {args.sweeps}/extra/*.txt")
    configure(args.sweeps, args.cache)
    out_path = Path(args.out or Path(tempfile.gettempdir()) / f"sweeps-cmp-{time.strftime('%H%M%S')}.txt")
    bins = [(args.old, sha(args.old)), (args.new, sha(args.new))]
    modes = {"record": [False], "whole": [True], "both": [False, True]}[args.mode]
    todo = []
    for name, path in files(args):
        paths = [path]
        exp = path.with_suffix(".expected")
        if name.startswith("fix-") and exp.exists():
            paths.append(exp)
        for whole in modes:
            for b, s in bins:
                for p in paths:
                    todo.append((b, s, p, whole))
    results, digests = {}, {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = {ex.submit(run, *t): t for t in todo}
        for fut in concurrent.futures.as_completed(futs):
            results[futs[fut]], digests[futs[fut]] = fut.result()
    total_new = total_lost = total_diff = 0
    with open(out_path, "w", encoding="utf-8") as out:
        print(f"# old {args.old} ({bins[0][1]})  new {args.new} ({bins[1][1]})")
        print(f"{'file':<20} {'mode':<6} {'lines':>7} {'old':>6} {'new':>6} {'+new':>5} {'-lost':>5} {'mixed':>11} bytes  fix right/wrong/missed old -> new")
        for name, path in files(args):
            n_lines = path.read_bytes().count(b"\n")
            for whole in modes:
                mode = "whole" if whole else "record"
                before = keyed(results[(bins[0][0], bins[0][1], path, whole)])
                after = keyed(results[(bins[1][0], bins[1][1], path, whole)])
                added = sorted(set(after) - set(before))
                lost = sorted(set(before) - set(after))
                total_new += len(added)
                total_lost += len(lost)
                fix = ""
                exp = path.with_suffix(".expected")
                if name.startswith("fix-") and exp.exists():
                    ml = read_lines(path)
                    el = read_lines(exp)
                    sc = [score(results[(b, s, path, whole)], results[(b, s, exp, whole)], ml, el) for b, s in bins]
                    fix = f"  {'/'.join(map(str, sc[0]))} -> {'/'.join(map(str, sc[1]))}"
                same = digests[(bins[0][0], bins[0][1], path, whole)] == digests[(bins[1][0], bins[1][1], path, whole)]
                total_diff += not same
                print(f"{name:<20} {mode:<6} {n_lines:>7} {len(before):>6} {len(after):>6} {len(added):>5} {len(lost):>5} {mixed(before):>5}>{mixed(after):<5} {'same' if same else 'DIFF'}{fix}")
                for k in added:
                    c, text = after[k]
                    out.write(f"{name} {mode} + L{k[0]} {c['kind']} {k[2]!r} -> {k[3]!r} {c['confidence']:.2f} | {text[:200]}\n")
                for k in lost:
                    c, text = before[k]
                    out.write(f"{name} {mode} - L{k[0]} {c['kind']} {k[2]!r} -> {k[3]!r} {c['confidence']:.2f} | {text[:200]}\n")
    print(f"# total +{total_new} new, -{total_lost} lost; {total_diff} runs whose --explain bytes differ; changed lines in {out_path}")


if __name__ == "__main__":
    main()
