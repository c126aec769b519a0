#!/usr/bin/env python3
"""Right, wrong or missed lines of one fix-* sweep file for one binary.

    python3 scripts/sweep_fix_report.py BIN fix-onelatin --sweeps DIR \
        [--mode record|whole] [--show wrong|missed|right] [-n 20] [--cache CDIR]

DIR holds fix-NAME.txt and fix-NAME.expected (scripts/sweep_real_words.py;
generated, never committed).  Scores as scripts/sweep_compare_all.py does
(right = the output equals the binary's output on the expected line; missed
= no homoglyph or keyboard_layout change in the record; wrong = the rest),
reading and filling the same cache (default DIR/cache), and prints a
shuffled sample of the chosen kind with the line in, out and wanted.
Stdlib only, Python 3.11+.
"""

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sweep_compare_all as ca  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("bin")
    ap.add_argument("name", help="fix-onelatin, fix-lookalike, fix-layout-cyr or fix-layout-latin")
    ap.add_argument("--sweeps", required=True, type=Path, help="directory of the sweep files")
    ap.add_argument("--cache", type=Path, default=None, help="cache directory (default SWEEPS/cache)")
    ap.add_argument("--mode", default="record", choices=["record", "whole"])
    ap.add_argument("--show", default="wrong", choices=["wrong", "missed", "right"])
    ap.add_argument("-n", type=int, default=20)
    a = ap.parse_args()
    ca.configure(a.sweeps, a.cache)
    path = a.sweeps / f"{a.name}.txt"
    exp = path.with_suffix(".expected")
    s = ca.sha(a.bin)
    whole = a.mode == "whole"
    rm, re_ = ca.run(a.bin, s, path, whole)[0], ca.run(a.bin, s, exp, whole)[0]
    M, E = ca.read_lines(path), ca.read_lines(exp)
    rows = []
    for i, (m, e) in enumerate(zip(M, E), 1):
        out = rm[i]["text"] if i in rm else m
        want = re_[i]["text"] if i in re_ else e
        st = "right" if out == want else ("missed" if i not in rm or not any(c["kind"] in ca.MIXED for c in rm[i]["changes"]) else "wrong")
        if st == a.show:
            rows.append(f"L{i} | in: {m[:110]}\n      out: {out[:110]}\n     want: {want[:110]}")
    random.Random(1).shuffle(rows)
    print(f"{len(rows)} {a.show}")
    print("\n".join(rows[: a.n]))


if __name__ == "__main__":
    main()
