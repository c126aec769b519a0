#!/usr/bin/env python3
"""Build fixtures/bench/dirty.txt: real lines with realistic scraping damage.

Python 3.11, stdlib only.  Deterministic: the same clean corpora and seed
give a byte-identical file.

  python3 scripts/make_dirty_corpus.py            # defaults below
  python3 scripts/make_dirty_corpus.py --manifest /tmp/dirty.tsv

Input: the clean corpora fixtures/bench/{en,ru,zh,mixed}.txt (made by
scripts/extract_bench_corpora.py).  Lines are drawn in a seeded random order,
round-robin from the four files, until about --target-bytes of source text
are collected.  Then exactly round(n / 5) of the lines, chosen with the same
seeded RNG, get ONE kind of damage each; the kinds rotate so that each is
used about equally often (each damaged line gets the least-used kind that
can apply to it -- e.g. no soft hyphen in a Chinese line -- ties broken by a
seeded rotation; a line holding a Windows-1252 typographic character gets
c1 if that keeps the counts within one of each other):

  zwsp  U+200B ZERO WIDTH SPACE inserted between two letters of a word
  nbsp  1-3 ordinary spaces replaced by U+00A0 NO-BREAK SPACE
  shy   U+00AD SOFT HYPHEN inserted inside a word of >= 6 cased letters
  nfd   one word containing a precomposed character (é, й, ά, Hangul
        syllable, ...) rewritten in NFD (decomposed), rest of line NFC
  bom   U+FEFF (BOM) at the start of the line (concatenated files)
  bidi  a bidi control: U+200E LRM at line start, a word wrapped in
        U+202A LRE ... U+202C PDF or U+2067 RLI ... U+2069 PDI, or, in
        Arabic/Hebrew lines, U+200F RLM after a word
  c1    a C1 control: a typographic character replaced by the C1 code
        point it becomes when Windows-1252 text is decoded as Latin-1
        (’ -> U+0092, “ -> U+0093, ” -> U+0094, – -> U+0096, — -> U+0097,
        … -> U+0085, ...); lines without such a character get U+0085 (NEL)
        in place of a space

Undamaged lines are byte-identical to their source lines.  The result is NOT
NFC (the nfd lines) and contains U+0085, which Python's str.splitlines()
treats as a line break: split the file on "\\n" only.
"""

from __future__ import annotations

import argparse
import random
import unicodedata
from pathlib import Path

SEED = 20240229
SOURCES = ["en.txt", "ru.txt", "zh.txt", "mixed.txt"]
KINDS = ["zwsp", "nbsp", "shy", "nfd", "bom", "bidi", "c1"]

# Windows-1252 characters whose byte is in 0x80-0x9F: decoding that byte as
# Latin-1 yields the C1 control with the same number.
CP1252_TO_C1 = {
    "€": "\x80", "‚": "\x82", "ƒ": "\x83", "„": "\x84", "…": "\x85",
    "†": "\x86", "‡": "\x87", "ˆ": "\x88", "‰": "\x89", "Š": "\x8a",
    "‹": "\x8b", "Œ": "\x8c", "Ž": "\x8e", "‘": "\x91", "’": "\x92",
    "“": "\x93", "”": "\x94", "•": "\x95", "–": "\x96", "—": "\x97",
    "˜": "\x98", "™": "\x99", "š": "\x9a", "›": "\x9b", "œ": "\x9c",
    "ž": "\x9e", "Ÿ": "\x9f",
}


def read_lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def letter_gaps(line: str) -> list[int]:
    """Positions i with line[i-1] and line[i] both letters."""
    return [i for i in range(1, len(line)) if line[i - 1].isalpha() and line[i].isalpha()]


def words(line: str) -> list[tuple[int, int]]:
    """(start, end) spans of space-separated tokens."""
    spans, start = [], None
    for i, ch in enumerate(line + " "):
        if ch == " ":
            if start is not None:
                spans.append((start, i))
                start = None
        elif start is None:
            start = i
    return spans


def cased_runs(line: str, min_len: int) -> list[tuple[int, int]]:
    runs, start = [], None
    for i, ch in enumerate(line + " "):
        cased = ch.isalpha() and ch.lower() != ch.upper()
        if cased and start is None:
            start = i
        elif not cased and start is not None:
            if i - start >= min_len:
                runs.append((start, i))
            start = None
    return runs


def decomposable(ch: str) -> bool:
    return unicodedata.normalize("NFD", ch) != ch


def is_rtl(line: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in line)


def applies(kind: str, line: str) -> bool:
    """Whether ``damage(kind, line, rng)`` can change ``line``."""
    return damage(kind, line, random.Random(0)) is not None


def damage(kind: str, line: str, rng: random.Random) -> str | None:
    """Return the damaged line, or None if ``kind`` does not apply."""
    if kind == "zwsp":
        gaps = letter_gaps(line)
        if not gaps:
            return None
        i = rng.choice(gaps)
        return line[:i] + "\u200b" + line[i:]
    if kind == "nbsp":
        spaces = [i for i, ch in enumerate(line) if ch == " "]
        if not spaces:
            return None
        chosen = set(rng.sample(spaces, min(len(spaces), rng.randint(1, 3))))
        return "".join("\u00a0" if i in chosen else ch for i, ch in enumerate(line))
    if kind == "shy":
        runs = cased_runs(line, 6)
        if not runs:
            return None
        start, end = rng.choice(runs)
        i = rng.randint(start + 2, end - 2)
        return line[:i] + "\u00ad" + line[i:]
    if kind == "nfd":
        cands = [(s, e) for s, e in words(line) if any(decomposable(c) for c in line[s:e])]
        if not cands:
            return None
        s, e = rng.choice(cands)
        return line[:s] + unicodedata.normalize("NFD", line[s:e]) + line[e:]
    if kind == "bom":
        return "\ufeff" + line
    if kind == "bidi":
        spans = words(line)
        variants = ["lrm_start", "embed", "isolate"] + (["rlm_after"] * 2 if is_rtl(line) else [])
        variant = rng.choice(variants)
        if variant == "lrm_start" or not spans:
            return "\u200e" + line
        s, e = rng.choice(spans)
        if variant == "embed":
            return line[:s] + "\u202a" + line[s:e] + "\u202c" + line[e:]
        if variant == "isolate":
            return line[:s] + "\u2067" + line[s:e] + "\u2069" + line[e:]
        return line[:e] + "\u200f" + line[e:]
    if kind == "c1":
        hits = [i for i, ch in enumerate(line) if ch in CP1252_TO_C1]
        if hits:
            i = rng.choice(hits)
            return line[:i] + CP1252_TO_C1[line[i]] + line[i + 1:]
        spaces = [i for i, ch in enumerate(line) if ch == " "]
        if not spaces:
            return None
        i = rng.choice(spaces)
        return line[:i] + "\x85" + line[i + 1:]
    raise ValueError(kind)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench-dir", default="fixtures/bench")
    ap.add_argument("--out", default=None, help="default: BENCH_DIR/dirty.txt")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--target-bytes", type=int, default=100_000)
    ap.add_argument("--manifest", default=None,
                    help="optional TSV: line number (1-based), damage kind, source file:line")
    args = ap.parse_args()
    bench = Path(args.bench_dir)
    out = Path(args.out) if args.out else bench / "dirty.txt"
    rng = random.Random(args.seed)

    pools = []
    for name in SOURCES:
        lines = read_lines(bench / name)
        order = list(range(len(lines)))
        rng.shuffle(order)
        pools.append((name, lines, order))

    picked: list[tuple[str, int, str]] = []  # (source, 1-based line, text)
    size, r = 0, 0
    while size < args.target_bytes:
        name, lines, order = pools[r % len(pools)]
        if r // len(pools) < len(order):
            i = order[r // len(pools)]
            picked.append((name, i + 1, lines[i]))
            size += len(lines[i].encode("utf-8")) + 1
        r += 1

    n = len(picked)
    damaged = sorted(rng.sample(range(n), round(n / 5)))
    kinds = list(KINDS)
    rng.shuffle(kinds)
    result = [text for _, _, text in picked]
    manifest = []
    counts = {k: 0 for k in KINDS}
    for k, idx in enumerate(damaged):
        # least-used kind that applies to this line; ties -> rotation order
        rotation = [kinds[(k + t) % len(kinds)] for t in range(len(kinds))]
        usable = [kind for kind in rotation if applies(kind, result[idx])]
        if not usable:
            raise SystemExit(f"no damage applies to line {idx + 1}")
        kind = min(usable, key=lambda kd: counts[kd])
        # Prefer the realistic cp1252 variant of c1 where the line allows it.
        if ("c1" in usable and counts["c1"] <= counts[kind] + 1
                and any(ch in CP1252_TO_C1 for ch in result[idx])):
            kind = "c1"
        new = damage(kind, result[idx], rng)
        assert new is not None and new != result[idx] and "\n" not in new
        counts[kind] += 1
        result[idx] = new
        manifest.append((idx + 1, kind))

    out.write_text("\n".join(result) + "\n", encoding="utf-8", newline="\n")
    print(f"{out}: {n} lines, {out.stat().st_size} bytes, {len(manifest)} damaged: "
          + ", ".join(f"{k}={counts.get(k, 0)}" for k in KINDS))
    if args.manifest:
        kinds_by_line = dict(manifest)
        with open(args.manifest, "w", encoding="utf-8") as fh:
            fh.write("line\tkind\tsource\n")
            for no, (name, src_line, _) in enumerate(picked, 1):
                fh.write(f"{no}\t{kinds_by_line.get(no, 'clean')}\t{name}:{src_line}\n")


if __name__ == "__main__":
    main()
