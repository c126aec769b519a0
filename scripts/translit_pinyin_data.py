#!/usr/bin/env python3
"""Builds data/curated/translit/zh-pinyin-{chars,phrases}.tsv from the data
files shipped in the PyPI package pypinyin (MIT), which carries mozillazg's
pinyin-data (single characters, from Unihan kHanyuPinyin/kMandarin/kXHC1983
and other sources) and phrase-pinyin-data (word readings, from CC-CEDICT and
other sources), both MIT.

Usage (from the repository root; standard library only):

    python3 -m venv /tmp/pinyin-venv
    /tmp/pinyin-venv/bin/pip install pypinyin==0.55.0
    python3 scripts/translit_pinyin_data.py \
        --pypinyin-dir /tmp/pinyin-venv/lib/python3*/site-packages/pypinyin

Output:
  zh-pinyin-chars.tsv    code point, character, most common reading (first
                         reading of pinyin-data), one Han character a line;
  zh-pinyin-phrases.tsv  word, readings: only the words whose reading differs
                         from their characters' first readings (after the
                         overrides in zh-pinyin-overrides.tsv), i.e. the
                         words that decide a polyphone. Differences that are
                         only the tone sandhi of 一 and 不 are not kept.
"""

import argparse
import json
import os
import unicodedata

OUT_DIR = os.path.join(os.path.dirname(__file__), "..", "data", "curated", "translit")
HEADER_SOURCE = "pypinyin 0.55.0 (PyPI, MIT) pinyin_dict.json / phrases_dict.json = mozillazg/pinyin-data and phrase-pinyin-data (MIT)"


def is_han(cp):
    return (
        0x3400 <= cp <= 0x4DBF
        or 0x4E00 <= cp <= 0x9FFF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x323AF
        or cp == 0x3007
    )


def strip_tone(s):
    out = []
    for c in unicodedata.normalize("NFD", s):
        if c in "\u0304\u0301\u030c\u0300":
            continue
        out.append(c)
    return unicodedata.normalize("NFC", "".join(out))


def read_overrides(path):
    over = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            ch, reading = line.rstrip("\n").split("\t")[:2]
            over[ch] = reading
    return over


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pypinyin-dir", required=True)
    args = ap.parse_args()
    with open(os.path.join(args.pypinyin_dir, "pinyin_dict.json"), encoding="utf-8") as f:
        chars = {int(k): v for k, v in json.load(f).items()}
    with open(os.path.join(args.pypinyin_dir, "phrases_dict.json"), encoding="utf-8") as f:
        phrases = json.load(f)
    overrides = read_overrides(os.path.join(OUT_DIR, "zh-pinyin-overrides.tsv"))

    first = {}
    for cp in sorted(chars):
        if not is_han(cp):
            continue
        reading = chars[cp].split(",")[0].strip()
        if not reading or not reading.isalpha():
            continue
        first[chr(cp)] = unicodedata.normalize("NFC", reading)
    default = dict(first)
    default.update(overrides)

    with open(os.path.join(OUT_DIR, "zh-pinyin-chars.tsv"), "w", encoding="utf-8") as f:
        f.write("# Han character -> most common Hanyu Pinyin reading, one fact per line. See README.md in this directory.\n")
        f.write(f"# Source: {HEADER_SOURCE}; built by scripts/translit_pinyin_data.py.\n")
        f.write("# codepoint<TAB>character<TAB>reading (tone marks, NFC). Sorted by code point.\n")
        for ch, reading in sorted(first.items(), key=lambda kv: ord(kv[0])):
            f.write(f"{ord(ch):04X}\t{ch}\t{reading}\n")

    kept = []
    for word, readings in phrases.items():
        if len(word) < 2 or len(word) != len(readings) or not all(c in default for c in word):
            continue
        rs = [unicodedata.normalize("NFC", r[0]) for r in readings]
        if not all(r.isalpha() for r in rs):
            continue
        ds = [default[c] for c in word]
        differs = False
        for c, r, d in zip(word, rs, ds):
            if r == d:
                continue
            if c in "一不" and strip_tone(r) == strip_tone(d):
                continue
            differs = True
        if differs:
            kept.append((word, " ".join(rs)))
    kept.sort()
    with open(os.path.join(OUT_DIR, "zh-pinyin-phrases.tsv"), "w", encoding="utf-8") as f:
        f.write("# Chinese words whose reading differs from their characters' default readings, one fact per line. See README.md in this directory.\n")
        f.write(f"# Source: {HEADER_SOURCE}; built by scripts/translit_pinyin_data.py.\n")
        f.write("# word<TAB>readings (space-separated, tone marks, NFC). Sorted by word (code point order).\n")
        for word, rs in kept:
            f.write(f"{word}\t{rs}\n")
    print(f"{len(first)} characters, {len(kept)} phrases")


if __name__ == "__main__":
    main()
