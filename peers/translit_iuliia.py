#!/usr/bin/env python3
"""Compare polynorm-translit's Russian schemes with iuliia, and time both.

Run from the repository root (see peers/README.md):

    python3 -m venv /work/peers-venv
    /work/peers-venv/bin/pip install -r peers/requirements-translit.txt
    cargo bench -p polynorm-translit --bench cyrillic      # optional: our MB/s
    /work/peers-venv/bin/python peers/translit_iuliia.py --target-dir /tmp/polynorm-peers-target

Our outputs come from `peers/translit-eval` (built here with cargo, release);
our MB/s from criterion's saved estimates under `--criterion-dir`
(default: `$CARGO_TARGET_DIR/criterion` or `target/criterion`).

The word list (written to /tmp/polynorm-peers/translit-ru-words.txt, never
committed) is real Russian text:
  * every word of data/curated/lexicon/ru.tsv (20,000 most frequent Russian
    words, wordfreq 3.1.1, lowercase; see that directory's README), and
  * Russian person names from the PyPI package russian-names 0.1.2 (MIT):
    all its first names and patronymics, and every k-th surname so that
    20,000 surnames are taken, in Title case as names are written.

For each of our schemes that iuliia also has, the script counts exact
agreement per entry, groups every difference by cause (rules below, each a
documented deliberate difference or a known iuliia data quirk), and writes
peers/results/translit-cyrillic.md. Criterion numbers for our side are
read from target/criterion if present (`cargo bench -p polynorm-translit
--bench cyrillic`), and iuliia is timed on fixtures/bench/ru.txt.
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RAW = "/tmp/polynorm-peers"
WORDS = f"{RAW}/translit-ru-words.txt"
OURS = f"{RAW}/translit-ru-ours.tsv"
OUT = os.path.join(ROOT, "peers/results/translit-cyrillic.md")
SURNAMES = 20_000

# ours -> iuliia schema name
PAIRS = [
    ("ru-icao", "icao_doc_9303"),
    ("ru-bgn-pcgn", "bgn_pcgn"),
    ("ru-gost-7.79-b", "gost_779_alt"),
    ("ru-iso9", "gost_779"),
    ("ru-gost-16876", "gost_16876"),
    ("ru-ala-lc", "ala_lc"),
    ("ru-ungegn", "ungegn_1987"),
    ("ru-scholarly", "scientific"),
    ("ru-press", "wikipedia"),
]

VOWELS = set("аеёиоуыэюя")
CONSONANTS = set("бвгджзклмнпрстфхцчшщ")
CYRILLIC = set(chr(c) for c in range(0x400, 0x530))


def build_words() -> list[str]:
    words = []
    with open(os.path.join(ROOT, "data/curated/lexicon/ru.tsv"), encoding="utf-8") as f:
        for line in f:
            word = line.split("\t", 1)[0]
            if word and all(c in CYRILLIC or c in "-'" for c in word):
                words.append(word)
    import russian_names  # noqa: PLC0415 (only needed here)

    data = zipfile.ZipFile(
        os.path.join(os.path.dirname(russian_names.__file__), "_data.zip")
    ).read("base.txt").decode("utf-8").splitlines()
    # Sections (see russian_names/names.py): 0 rare male names, 1 male names,
    # 2 rare male patronymics, 3 male patronymics, 4 male surnames, 5-9 the same
    # for women.
    names = set()
    for i in (0, 1, 3, 5, 6, 8):
        names.update(data[i].split())
    surnames = sorted(set(data[4].split()) | set(data[9].split()))
    step = max(1, len(surnames) // SURNAMES)
    names.update(surnames[::step][:SURNAMES])
    names = sorted(n for n in names if all(c in CYRILLIC or c == "-" for c in n))
    seen = set(words)
    return words + [n for n in names if n not in seen]


def cause(ours_name: str, word: str, ours: str, theirs: str) -> str:
    """The reason a difference exists, from the documented list."""
    lower = word.lower()
    if any(c in CYRILLIC for c in theirs):
        return "iuliia leaves ё in Cyrillic (its table maps ё to ё); the standard has ë"
    if ours_name == "ru-press":
        if "ее" in lower:
            return "е after е: ours ye (WP:RUS: ye after every vowel letter, Alekseyev), iuliia e"
        if any(a == "й" and b in CONSONANTS for a, b in zip(lower, lower[1:])):
            return "й before a consonant: ours i (press: Shoigu, Baikal), iuliia y"
        if len(lower) <= 2 and lower.endswith(("ий", "ый")):
            return "two-letter word ending ий/ый: iuliia applies its ending rule only to longer words"
    if ours_name == "ru-bgn-pcgn":
        if "ё" in lower and any(a in VOWELS | set("йъь") and b == "ё" for a, b in zip(lower, lower[1:])):
            return "ё after a vowel, й, ъ, ь: ours yë, iuliia y + Cyrillic ё"
    if ours_name == "ru-scholarly" and ("йа" in lower or "йу" in lower):
        return "йа/йу: ours j·a/j·u (the middle dot keeps the scheme reversible: ja is я), iuliia ja/ju"
    if ours_name == "ru-gost-7.79-b" and "цэ" in lower:
        return "ц before э: the standard's c-before-e rule (ours c), iuliia cz"
    return "other"


def run_ours(words: list[str], target_dir: str) -> dict[tuple[str, str], str]:
    """Our output for every (word, scheme), through peers/translit-eval."""
    keys = [(w, ours) for ours, _ in PAIRS for w in words]
    stdin = "".join(f"{scheme}\ttext\t{w}\n" for w, scheme in keys)
    done = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--manifest-path",
         os.path.join(ROOT, "peers/translit-eval/Cargo.toml"), "--target-dir", target_dir],
        input=stdin, capture_output=True, text=True, check=True,
    )
    lines = done.stdout.split("\n")
    with open(OURS, "w", encoding="utf-8") as f:
        for (w, scheme), out in zip(keys, lines):
            f.write(f"{w}\t{scheme}\t{out}\n")
    return {key: out for key, out in zip(keys, lines)}


def time_iuliia(schema, lines: list[str], repeat: int) -> float:
    """Median CPU seconds of this thread for one pass over `lines` (as our
    criterion benchmark measures thread CPU time, so a busy machine does not
    skew the comparison)."""
    runs = []
    for _ in range(repeat):
        start = time.thread_time()
        for line in lines:
            schema.translate(line)
        runs.append(time.thread_time() - start)
    return statistics.median(runs)


def criterion_mbps(criterion_dir: str, scheme: str, size: int) -> float | None:
    """Our MB/s (10^6 bytes/s) from criterion's saved median, if a bench run
    left one; the bytes per iteration are the benchmark's declared throughput
    (an iteration may run over the corpus several times), else `size`."""
    base = os.path.join(criterion_dir, "cyrillic_ru.txt", scheme, "new")
    try:
        with open(os.path.join(base, "estimates.json"), encoding="utf-8") as f:
            ns = json.load(f)["median"]["point_estimate"]
        with open(os.path.join(base, "benchmark.json"), encoding="utf-8") as f:
            size = (json.load(f).get("throughput") or {}).get("Bytes") or size
    except (OSError, KeyError, ValueError):
        return None
    return size / (ns / 1e9) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target-dir", default="/tmp/polynorm-peers-target")
    parser.add_argument(
        "--criterion-dir",
        default=os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "criterion"),
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args()
    os.makedirs(RAW, exist_ok=True)

    words = build_words()
    with open(WORDS, "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    print(f"{len(words)} entries -> {WORDS}", file=sys.stderr)

    import iuliia  # noqa: PLC0415

    ours = run_ours(words, args.target_dir)
    n_lex = sum(1 for w in words if w == w.lower())
    rows = []
    details = []
    for ours_name, theirs_name in PAIRS:
        schema = iuliia.schemas.get(theirs_name)
        agree = 0
        nfd_only = 0
        causes: dict[str, list[tuple[str, str, str]]] = collections.defaultdict(list)
        for word in words:
            mine = ours[(word, ours_name)]
            raw = schema.translate(word)
            # iuliia's tables write some letters decomposed (z + U+030C); ours
            # are NFC. Compare in NFC and count how often only that differed.
            theirs = unicodedata.normalize("NFC", raw)
            if mine == theirs:
                agree += 1
                nfd_only += raw != theirs
            else:
                causes[cause(ours_name, word, mine, theirs)].append((word, mine, theirs))
        explained = sum(len(v) for k, v in causes.items() if k != "other")
        rows.append((ours_name, theirs_name, agree, len(words), explained, nfd_only))
        details.append((ours_name, theirs_name, causes))

    bench_lines = open(os.path.join(ROOT, "fixtures/bench/ru.txt"), encoding="utf-8").read().splitlines()
    bench_bytes = sum(len(l.encode()) for l in bench_lines)
    timings = []
    for ours_name, theirs_name in PAIRS:
        schema = iuliia.schemas.get(theirs_name)
        secs = time_iuliia(schema, bench_lines, args.repeat)
        timings.append((
            ours_name, theirs_name, bench_bytes / secs / 1e6,
            criterion_mbps(args.criterion_dir, ours_name, bench_bytes),
        ))

    version = subprocess.run(
        [sys.executable, "-m", "pip", "show", "iuliia"], capture_output=True, text=True
    ).stdout
    iuliia_version = next((l.split()[1] for l in version.splitlines() if l.startswith("Version:")), "?")
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass

    out = []
    out.append("# Cyrillic transliteration: polynorm-translit vs. iuliia\n")
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(
        ["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    out.append(
        f"Generated by `peers/translit_iuliia.py` on {datetime.date.today()} — polynorm at {commit} "
        f"(+ working tree), {rustc}; iuliia {iuliia_version}, CPython {platform.python_version()}; "
        f"{cpu}, {os.cpu_count()} cores, Linux.\n"
    )
    out.append("## Agreement on real Russian words and names\n")
    out.append(
        f"{len(words):,} entries: {n_lex:,} lowercase words of `data/curated/lexicon/ru.tsv` (wordfreq 3.1.1) "
        f"and {len(words) - n_lex:,} Title-case Russian first names, patronymics and surnames from the PyPI "
        "package russian-names 0.1.2 (MIT). An entry agrees when both outputs are identical strings. "
        "Outputs are compared in NFC (iuliia writes ž, č, š, ŝ, û, â … decomposed in some schemes; the column "
        "*NFD only* counts entries that were equal only after that). "
        "Every difference is assigned a cause below; *explained* counts the differences with a documented cause.\n"
    )
    out.append("| ours | iuliia | agree | % | NFD only | differences | explained | % agree or explained |")
    out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for ours_name, theirs_name, agree, total, explained, nfd_only in rows:
        out.append(
            f"| `{ours_name}` | `{theirs_name}` | {agree:,} | {100 * agree / total:.2f} | {nfd_only:,} | "
            f"{total - agree:,} | {explained:,} | {100 * (agree + explained) / total:.2f} |"
        )
    out.append("")
    out.append("### Differences by cause\n")
    for ours_name, theirs_name, causes in details:
        if not causes:
            out.append(f"**`{ours_name}` / `{theirs_name}`**: none.\n")
            continue
        out.append(f"**`{ours_name}` / `{theirs_name}`**\n")
        for why, items in sorted(causes.items(), key=lambda kv: -len(kv[1])):
            ex = "; ".join(f"{w} → ours `{m}`, iuliia `{t}`" for w, m, t in items[:4])
            out.append(f"- {len(items):,} × {why}. E.g. {ex}")
        out.append("")
    out.append("### Notes on the causes\n")
    out.append(
        "- **ё left in Cyrillic.** iuliia's tables for bgn_pcgn, gost_779, gost_16876, ala_lc, ungegn_1987 and "
        "scientific map ё to the Cyrillic letter ё itself (U+0451), so its output keeps a Cyrillic letter; every "
        "one of these standards writes ë (BGN/PCGN yë after vowels). We follow the standards. It accounts for every "
        "entry of the list that has ё, and it is the only difference for bgn_pcgn, gost_779, gost_16876, ala_lc "
        "and ungegn_1987; icao_doc_9303 and gost_779_alt (which write ё as e and yo) agree on every entry.\n"
        "- **NFD letters.** iuliia's JSON tables store some letters decomposed (z + U+030C for ž); ours are NFC. "
        "Counted as agreement (column *NFD only*).\n"
        "- **`ru-press` vs. `wikipedia`.** Two deliberate choices. (1) й before a consonant is *i*, as the English "
        "press and Wikipedia article titles write it (Shoigu, Baikal, Tchaikovsky, Altai, Khabarovsk Krai); "
        "iuliia's table always writes y (Shoygu). (2) е after е is *ye*, as WP:RUS prescribes after every vowel "
        "letter and as names are spelled in English (Alekseyev, Andreyev, Sergeyev); iuliia's previous-letter "
        "list leaves out е (Alekseev). Without these two rules the outputs are identical on the whole list but "
        "for one two-letter non-word (ый).\n"
        "- **`ru-scholarly` vs. `scientific`.** йа and йу are written j·a and j·u so that ja and ju can only be "
        "я and ю and the scheme stays exactly reversible (Brajan → braj·an).\n"
    )
    out.append("## Throughput on `fixtures/bench/ru.txt` (one core)\n")
    out.append(
        f"{bench_bytes:,} bytes, {len(bench_lines)} lines, one call per line; MB/s = 10^6 bytes per second "
        f"of the thread's CPU time. iuliia: median of {args.repeat} passes of `schema.translate(line)` "
        "(`time.thread_time`). Ours: criterion median of `cargo bench -p polynorm-translit --bench cyrillic`, "
        "whose measurement is the thread's CPU time (`/proc/thread-self/schedstat`), release build.\n"
    )
    out.append("| ours | MB/s | iuliia | MB/s | ratio |")
    out.append("| --- | ---: | --- | ---: | ---: |")
    for ours_name, theirs_name, theirs_mbps, ours_mbps in timings:
        o = f"{ours_mbps:.0f}" if ours_mbps else "—"
        r = f"{ours_mbps / theirs_mbps:.0f}×" if ours_mbps else "—"
        out.append(f"| `{ours_name}` | {o} | `{theirs_name}` | {theirs_mbps:.2f} | {r} |")
    out.append("")
    out.append("All Cyrillic schemes of polynorm-translit (criterion medians, same corpus; the reverse rows "
               "read the scheme's own Latin output, the last row is English text with nothing to change):\n")
    out.append("| group | scheme | MB/s |")
    out.append("| --- | --- | ---: |")
    en_bytes = sum(len(l.encode()) for l in open(os.path.join(ROOT, "fixtures/bench/en.txt"), encoding="utf-8").read().splitlines())
    for group, size in (("cyrillic_ru.txt", bench_bytes), ("cyrillic-reverse_ru.txt", None), ("cyrillic_en.txt", en_bytes)):
        gdir = os.path.join(args.criterion_dir, group)
        if not os.path.isdir(gdir):
            continue
        for bench in sorted(os.listdir(gdir)):
            path = os.path.join(gdir, bench, "new", "estimates.json")
            bpath = os.path.join(gdir, bench, "new", "benchmark.json")
            try:
                ns = json.load(open(path))["median"]["point_estimate"]
                tp = json.load(open(bpath)).get("throughput") or {}
                nbytes = tp.get("Bytes") or size
            except (OSError, KeyError, ValueError):
                continue
            if bench == "report" or not nbytes:
                continue
            out.append(f"| {group.replace('_', '/', 1)} | `{bench}` | {nbytes / (ns / 1e9) / 1e6:.0f} |")
    out.append("")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
