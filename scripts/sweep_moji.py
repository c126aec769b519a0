#!/usr/bin/env python3
"""moji-cyr.txt: real Cyrillic catalogue lines with mojibake in them.

    python3 scripts/sweep_moji.py --out DIR/moji-cyr.txt [--seed 11]

Real ru/uk/bg/be/sr catalogue lines (no Latin letter; the catalogue reading of
scripts/sweep_real_words.py, `--locale` to point elsewhere) with one word, a
few words or the whole line in mojibake (UTF-8 read in a wrong page, once or
twice, and legacy 8-bit mix-ups), plain and with « » — № NBSP … around.  Not
a must-not-change set: it is for exact mojibake-scan speed changes, whose
`--explain` output must stay byte-identical to the base's
(scripts/sweep_compare_all.py).  The same seed on the same catalogues gives
the same bytes.  The output is generated (about 2.4 MB), never committed.
Stdlib only, Python 3.11+.
"""

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sweep_real_words as ms  # noqa: E402

PAGES = ["cp1251", "koi8_r", "koi8_u", "cp1252", "latin_1", "mac_cyrillic", "cp866", "cp1250", "cp1253", "mac_roman", "cp437", "iso8859_5"]
LEGACY = [("cp1251", "koi8_r"), ("koi8_r", "cp1251"), ("cp866", "cp1251"), ("cp1251", "cp866"), ("mac_cyrillic", "cp1251"),
          ("cp1251", "mac_cyrillic"), ("iso8859_5", "cp1251"), ("cp1251", "iso8859_5"), ("koi8_u", "cp1251"), ("cp1251", "koi8_u"),
          ("koi8_r", "cp866"), ("cp866", "koi8_r")]


def garble(rng, s):
    k = rng.random()
    try:
        if k < 0.45:
            return s.encode("utf-8").decode(rng.choice(PAGES))
        if k < 0.85:
            enc, dec = rng.choice(LEGACY)
            return s.encode(enc).decode(dec)
        p = rng.choice(["cp1251", "cp1252", "koi8_r"])
        return s.encode("utf-8").decode(p).encode("utf-8").decode(p)
    except (UnicodeError, LookupError):
        return None


def make(seed):
    rng = random.Random(seed)
    lines = []
    for lang in ["ru", "uk", "bg", "be", "sr"]:
        _o, trans, _h = ms.catalogue(lang)
        hosts = sorted(set(ms.cyrillic_sentences(trans)))
        for host in rng.sample(hosts, min(6000, len(hosts))):
            words = [m for m in re.finditer(r"\w+", host)]
            r = rng.random()
            if r < 0.6:
                m = rng.choice(words)
                a, b = m.start(), m.end()
            elif r < 0.9:
                i = rng.randrange(len(words))
                j = min(len(words) - 1, i + rng.randint(1, 3))
                a, b = words[i].start(), words[j].end()
            else:
                a, b = 0, len(host)
            g = garble(rng, host[a:b])
            if g is None or g == host[a:b] or "\n" in g or "\r" in g:
                continue
            line = host[:a] + g + host[b:]
            deco = rng.random()
            if deco < 0.15:
                line = "«" + line + "»"
            elif deco < 0.25:
                line = line + " — №" + str(rng.randint(1, 99))
            elif deco < 0.3:
                line = line.replace(" ", "\u00a0", 1) + "…"
            lines.append(line)
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True, type=Path, help="output file, e.g. DIR/moji-cyr.txt")
    ap.add_argument("--seed", type=int, default=11, help="default 11 (the session-11 file)")
    ap.add_argument("--locale", type=Path, default=ms.LOCALE, help=f"gettext catalogues (default {ms.LOCALE})")
    args = ap.parse_args()
    ms.LOCALE = args.locale
    args.out.parent.mkdir(parents=True, exist_ok=True)
    lines = make(args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")
    print(args.out, len(lines))


if __name__ == "__main__":
    main()
