#!/usr/bin/env python3
"""Build the per-language lexicons in ``data/curated/lexicon/``.

Python 3.11, standard library + the PyPI package ``wordfreq`` (pinned below),
plus Debian hunspell packages called as command-line tools.

Output: ``<lang>.tsv`` with lines ``word<TAB>zipf`` (zipf with two decimals),
lowercase, NFC, letters of the language's alphabet only (an apostrophe or
hyphen is allowed between letters), sorted by word in UTF-8 byte order, no
header or comment lines; plus ``README.md`` (provenance, counts, sizes) and
``LICENSE`` (CC BY-SA attribution), both generated here.

Sources per language:

* en ru uk bg de fr es el: the ``wordfreq`` word list ("best" = large where it
  exists, else small), top ``TOP_N`` words after filtering, ranked by
  frequency.  Casefolding inside wordfreq is undone where it loses
  information: Greek word-final ``σ`` becomes ``ς``; German ``ss`` becomes
  ``ß`` where the hunspell de_DE dictionary (``hunspell-de-de``) accepts the
  ``ß`` spelling (both spellings are kept when it accepts both).
* sr: wordfreq has one Bosnian/Croatian/Serbian list, stored in Latin script
  (Cyrillic text is transliterated before counting).  The top ``TOP_N`` Latin
  words are kept, and each gets its Serbian Cyrillic spelling(s) with the same
  zipf when the hunspell Serbian Cyrillic dictionary (``hunspell-sr``,
  ``sr_RS``) accepts one of the possible transliterations (``lj``/``nj``/``dž``
  can be one letter or two).
* be: wordfreq has no Belarusian.  Word forms come from ``hunspell-be``
  (``be_BY``), expanded with ``unmunch`` (``hunspell-tools``); there is no
  frequency, so every entry gets ``HUNSPELL_ONLY_ZIPF`` and the ``TOP_N``
  entries kept are the shortest forms (then byte order).

Setup and run (from the repository root)::

    apt-get install hunspell hunspell-tools hunspell-be hunspell-sr hunspell-de-de
    python3 -m venv /tmp/lexicon-venv
    /tmp/lexicon-venv/bin/pip install wordfreq==3.1.1
    /tmp/lexicon-venv/bin/python scripts/lexicon.py
"""

from __future__ import annotations

import argparse
import itertools
import math
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "data" / "curated" / "lexicon"

WORDFREQ_VERSION = "3.1.1"
TOP_N = 20_000
HUNSPELL_ONLY_ZIPF = 3.00
HUNSPELL_DIR = Path("/usr/share/hunspell")
DEBIAN_PACKAGES = ["hunspell", "hunspell-tools", "hunspell-be", "hunspell-sr", "hunspell-de-de"]
MAX_TOTAL_BYTES = 4_000_000
# wordfreq's own dependencies, recorded in the README for reproducibility
WORDFREQ_DEPS = ["ftfy", "langcodes", "msgpack", "regex", "locate"]

LANGS = ["en", "ru", "uk", "be", "bg", "sr", "de", "fr", "es", "el"]
NAMES = {
    "en": "English", "ru": "Russian", "uk": "Ukrainian", "be": "Belarusian",
    "bg": "Bulgarian", "sr": "Serbian", "de": "German", "fr": "French",
    "es": "Spanish", "el": "Greek",
}

_LATIN = "abcdefghijklmnopqrstuvwxyz"
SR_LATIN = "abcčćdđefghijklmnoprsštuvzž"
SR_CYRILLIC = "абвгдђежзијклљмнњопрстћуфхцчџш"
ALPHABETS: dict[str, str] = {
    "en": _LATIN,
    "de": _LATIN + "äöüß",
    "fr": _LATIN + "àâæçéèêëîïôœùûüÿ",
    "es": _LATIN + "áéíñóúü",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюяѝ",
    "sr": SR_LATIN + SR_CYRILLIC,
    "el": "αβγδεζηθικλμνξοπρστυφχψωςάέήίόύώϊϋΐΰ",
}
INNER_PUNCT = "'-"

# Serbian Cyrillic -> Latin (official, one-to-one per letter).
SR_CYR2LAT = dict(zip(
    "абвгдђежзијклљмнњопрстћуфхцчџш",
    ["a", "b", "v", "g", "d", "đ", "e", "ž", "z", "i", "j", "k", "l", "lj", "m",
     "n", "nj", "o", "p", "r", "s", "t", "ć", "u", "f", "h", "c", "č", "dž", "š"],
))
SR_LAT2CYR_SINGLE = {lat: cyr for cyr, lat in SR_CYR2LAT.items() if len(lat) == 1}
SR_DIGRAPHS = {"lj": "љ", "nj": "њ", "dž": "џ"}


class LexiconError(Exception):
    pass


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def word_re(alphabet: str) -> re.Pattern[str]:
    cls = "[" + re.escape(alphabet) + "]"
    return re.compile(rf"{cls}+(?:[{re.escape(INNER_PUNCT)}]{cls}+)*")


def normalize(word: str) -> str:
    w = unicodedata.normalize("NFC", word)
    w = w.replace("\u2019", "'").replace("\u02bc", "'")
    return unicodedata.normalize("NFC", w.lower())


def zipf_of(freq: float) -> float:
    return round(math.log10(freq) + 9, 2)


def dpkg_version(pkg: str) -> str:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", pkg],
                             check=True, capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        out = ""
    if not out:
        raise LexiconError(f"Debian package {pkg!r} is missing: apt-get install {' '.join(DEBIAN_PACKAGES)}")
    return out


def hunspell_accepts(dic: str, words: list[str]) -> set[str]:
    """Words (exact strings) that ``hunspell -d <dic>`` accepts."""
    if not words:
        return set()
    proc = subprocess.run(
        ["hunspell", "-d", str(HUNSPELL_DIR / dic), "-i", "utf-8", "-G"],
        input="\n".join(words) + "\n", capture_output=True, text=True, check=True,
    )
    return set(proc.stdout.split("\n")) & set(words)


def greek_final_sigma(word: str) -> str:
    # wordfreq casefolds, which turns ς into σ; restore it at the end of a word.
    if len(word) > 1 and word.endswith("σ") and word[-2].isalpha():
        return word[:-1] + "ς"
    return word


@dataclass
class LangResult:
    lang: str
    entries: dict[str, float]
    source: str
    notes: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------
# wordfreq-based languages
# ---------------------------------------------------------------------------


def wordfreq_top(lang: str, alphabet: str, fixup=None) -> tuple[list[tuple[str, float]], str, int]:
    import wordfreq  # noqa: PLC0415  (only needed here; checked in main)

    info = wordfreq.available_languages("best")
    wf_lang = "sh" if lang == "sr" else lang
    path = Path(info[wf_lang])
    freqs = wordfreq.get_frequency_dict(wf_lang, wordlist="best")
    pat = word_re(alphabet)
    best: dict[str, float] = {}
    for raw, f in freqs.items():
        w = normalize(raw)
        if fixup:
            w = fixup(w)
        if not pat.fullmatch(w):
            continue
        if f > best.get(w, 0.0):
            best[w] = f
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0].encode()))
    return ranked[:TOP_N], path.name, len(freqs)


def build_wordfreq_lang(lang: str) -> LangResult:
    fix = greek_final_sigma if lang == "el" else None
    top, fname, total = wordfreq_top(lang, ALPHABETS[lang], fix)
    entries = {w: zipf_of(f) for w, f in top}
    res = LangResult(lang, entries, f"wordfreq {fname}")
    res.notes.append(f"{len(top)} most frequent of {total} wordfreq entries after filtering; "
                     f"lowest zipf kept {zipf_of(top[-1][1]):.2f}")
    if lang == "el":
        n = sum(1 for w in entries if w.endswith("ς"))
        res.notes.append(f"word-final σ restored to ς in {n} entries (wordfreq casefolds ς to σ)")
    if lang == "de":
        german_eszett(res)
    return res


def german_eszett(res: LangResult) -> None:
    """wordfreq casefolds ß to ss; put ß back where hunspell de_DE wants it."""
    cands: dict[str, list[str]] = {}
    for w in res.entries:
        if "ss" not in w or "'" in w:
            continue
        spans = [m.start() for m in re.finditer("(?=ss)", w)]
        variants = set()
        for r in range(1, len(spans) + 1):
            for combo in itertools.combinations(spans, r):
                if any(b - a < 2 for a, b in zip(combo, combo[1:])):
                    continue  # overlapping "sss"
                chars = list(w)
                for p in reversed(combo):
                    chars[p : p + 2] = ["ß"]
                variants.add("".join(chars))
        cands[w] = sorted(variants)
    probe: list[str] = []
    for w, vs in cands.items():
        for x in [w, *vs]:
            probe += [x, x[:1].upper() + x[1:]]
    ok = hunspell_accepts("de_DE", sorted(set(probe)))

    def accepted(x: str) -> bool:
        return x in ok or (x[:1].upper() + x[1:]) in ok

    replaced = both = 0
    for w, vs in cands.items():
        good = [v for v in vs if accepted(v)]
        if not good:
            continue
        z = res.entries[w]
        if accepted(w):
            both += 1
        else:
            del res.entries[w]
            replaced += 1
        for v in good:
            res.entries[v] = max(z, res.entries.get(v, 0.0))
    res.notes.append(
        f"ß restored (wordfreq casefolds ß to ss) using hunspell de_DE: {replaced} entries respelled "
        f"with ß, {both} entries valid with both ss and ß kept in both spellings (same zipf)"
    )


def build_serbian() -> LangResult:
    top, fname, total = wordfreq_top("sr", SR_LATIN)
    entries = {w: zipf_of(f) for w, f in top}
    res = LangResult("sr", entries, f"wordfreq {fname} (code sh) + hunspell sr_RS")
    res.notes.append(f"{len(top)} most frequent Latin-script words of {total} wordfreq 'sh' entries "
                     f"after filtering; lowest zipf kept {zipf_of(top[-1][1]):.2f}")
    cands: dict[str, list[str]] = {w: sr_cyrillic_candidates(w) for w in entries}
    probe = sorted({x for cs in cands.values() for c in cs for x in (c, c[:1].upper() + c[1:])})
    ok = hunspell_accepts("sr_RS", probe)
    added = 0
    cyr: dict[str, float] = {}
    for w, cs in cands.items():
        for c in cs:
            if c in ok or (c[:1].upper() + c[1:]) in ok:
                cyr[c] = max(entries[w], cyr.get(c, 0.0))
    for c, z in cyr.items():
        if c not in entries:
            entries[c] = z
            added += 1
    res.notes.append(f"{added} Cyrillic entries: Serbian Cyrillic spellings of those Latin words that "
                     f"hunspell sr_RS accepts, with the Latin word's zipf")
    return res


def sr_cyrillic_candidates(latin: str) -> list[str]:
    """All Cyrillic spellings whose official transliteration is ``latin``."""
    out: list[str] = []

    def rec(i: int, acc: str) -> None:
        if i == len(latin):
            out.append(acc)
            return
        for dg, cy in SR_DIGRAPHS.items():
            if latin.startswith(dg, i):
                rec(i + len(dg), acc + cy)
        ch = latin[i]
        if ch in SR_LAT2CYR_SINGLE:
            rec(i + 1, acc + SR_LAT2CYR_SINGLE[ch])
        elif ch in INNER_PUNCT:
            rec(i + 1, acc + ch)

    rec(0, "")
    return out


# ---------------------------------------------------------------------------
# Belarusian from hunspell-be
# ---------------------------------------------------------------------------


def build_belarusian() -> LangResult:
    dic, aff = HUNSPELL_DIR / "be_BY.dic", HUNSPELL_DIR / "be_BY.aff"
    proc = subprocess.run(["unmunch", str(dic), str(aff)], capture_output=True, check=True)
    forms = proc.stdout.decode("utf-8").split("\n")
    pat = word_re(ALPHABETS["be"])
    words: set[str] = set()
    abbrev = 0
    for raw in forms:
        raw = raw.strip()
        if not raw:
            continue
        letters = [c for c in raw if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            abbrev += 1  # abbreviations such as ААН: not words once lowercased
            continue
        w = normalize(raw)
        if pat.fullmatch(w):
            words.add(w)
    ranked = sorted(words, key=lambda w: (len(w), w.encode()))
    top = ranked[:TOP_N]
    if len(top) < TOP_N:
        raise LexiconError(f"be: only {len(top)} word forms from hunspell-be")
    res = LangResult("be", {w: HUNSPELL_ONLY_ZIPF for w in top}, "hunspell-be be_BY (unmunch)")
    res.notes.append(
        f"{len(words)} distinct lowercase word forms from unmunch ({abbrev} all-capital abbreviations "
        f"dropped); no frequency data, so the {TOP_N} shortest forms (ties: byte order) are kept, "
        f"longest kept form has {len(top[-1])} letters; every zipf is the fixed value {HUNSPELL_ONLY_ZIPF:.2f}"
    )
    return res


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------


def render_tsv(entries: dict[str, float]) -> str:
    return "".join(f"{w}\t{z:.2f}\n" for w, z in sorted(entries.items(), key=lambda kv: kv[0].encode()))


def validate(res: LangResult) -> None:
    pat = word_re(ALPHABETS[res.lang])
    for w, z in res.entries.items():
        if not pat.fullmatch(w) or unicodedata.normalize("NFC", w) != w or w != w.lower():
            raise LexiconError(f"{res.lang}: bad entry {w!r}")
        if not 0 < z < 9:
            raise LexiconError(f"{res.lang}: bad zipf {z} for {w!r}")
    must = {
        "en": ["the", "keyboard"], "ru": ["привет", "и"], "uk": ["привіт", "п'ять"],
        "be": ["і", "ў"], "bg": ["здравей", "на"], "sr": ["je", "zdravo", "здраво", "љубав"],
        "de": ["straße", "dass", "groß"], "fr": ["bonjour", "aujourd'hui"],
        "es": ["hola", "año"], "el": ["της", "και"],
    }[res.lang]
    missing = [w for w in must if w not in res.entries]
    if missing:
        raise LexiconError(f"{res.lang}: expected words missing: {missing}")


def render_readme(results: list[LangResult], sizes: dict[str, int], versions: dict[str, str]) -> str:
    rows = []
    for r in results:
        zs = list(r.entries.values())
        if len(set(zs)) > 1:
            head = sorted(r.entries.items(), key=lambda kv: (-kv[1], kv[0].encode()))[:5]
            top = ", ".join(f"`{w}` {z:.2f}" for w, z in head)
        else:
            top = "– (no frequencies)"
        rows.append(
            f"| `{r.lang}.tsv` | {NAMES[r.lang]} | {r.source} | {len(r.entries):,} | "
            f"{sizes[r.lang]:,} | {min(zs):.2f}–{max(zs):.2f} | {top} |"
        )
    alphabets = "\n".join(f"* `{lang}`: {ALPHABETS[lang]}" for lang in LANGS)
    deps = ", ".join(f"{p} {versions[p]}" for p in WORDFREQ_DEPS)
    notes = "\n".join(f"* **{r.lang}**: " + "; ".join(r.notes) + "." for r in results)
    total = sum(sizes.values())
    v = versions
    return f"""# Lexicons

Per-language word lists with frequencies, used to judge candidate repairs of
keyboard-layout slips and homoglyph substitutions (is `привет` a Russian
word? is `Sergey` more plausible than `Sergeн`?).

**Generated — do not edit by hand.** Regenerate with (from the repository root):

```sh
apt-get install hunspell hunspell-tools hunspell-be hunspell-sr hunspell-de-de
python3 -m venv /tmp/lexicon-venv
/tmp/lexicon-venv/bin/pip install wordfreq=={WORDFREQ_VERSION}
/tmp/lexicon-venv/bin/python scripts/lexicon.py
```

(`--check` regenerates in memory and fails if the files here differ.)

## Format

`<lang>.tsv`, UTF-8, one entry per line: `word<TAB>zipf`, e.g. `привет\\t{results[LANGS.index("ru")].entries["привет"]:.2f}`.

* `zipf` is the Zipf frequency, log10 of occurrences per billion words, with
  two decimals (7 ≈ "the", 3 ≈ once per million words). For Belarusian (no
  frequency source) every entry has the fixed value **{HUNSPELL_ONLY_ZIPF:.2f}**, which
  means "a dictionary word of unknown frequency", not a measured frequency.
* Words are lowercase, Unicode NFC, made only of the letters of the
  language's alphabet (listed in `scripts/lexicon.py`, `ALPHABETS`);
  an apostrophe (always U+0027 `'`; map `’`/`ʼ` to it before lookup) or a
  hyphen may stand between letters (`п'ять`, `aujourd'hui`). Digits, other
  scripts and foreign letters are dropped, so e.g. `en` has no `café` and `ru`
  has no Latin words.
* Lines are sorted by word in UTF-8 byte order; there is no header or comment
  line. Provenance is in this file and in `LICENSE`.
* Up to {TOP_N:,} words per language, the most frequent ones after filtering
  (see the notes for `de`, `sr` and `be`, which differ).

## Files

| file | language | source | entries | bytes | zipf range | most frequent |
| --- | --- | --- | --- | --- | --- | --- |
{chr(10).join(rows)}

Total: {total:,} bytes.

Letters allowed per language (besides `'` and `-` between letters):

{alphabets}

### Per-language notes

{notes}

Serbian (`sr.tsv`) has **both scripts**: wordfreq's list for `sr` is a
shared Bosnian/Croatian/Serbian list (`sh`) stored in Latin script (wordfreq
transliterates Serbian Cyrillic to Latin before counting, so one frequency
covers both spellings). The Latin entries are that list's most frequent
words and can include Croatian- or Bosnian-only forms, names and a few
English words written with Serbian letters (`of`, `john`). Cyrillic entries
exist only for Latin words whose Cyrillic spelling the Serbian hunspell
dictionary accepts, and carry the Latin word's zipf. That check drops
foreign words, Latin-only names and abbreviations; it is not a strict
Serbian-versus-Croatian filter (the dictionary also has ijekavian forms such
as `вријеме`, and accepts e.g. `тисућа`, `тједан`).

## Sources and versions

* **wordfreq {v['wordfreq']}** (PyPI package `wordfreq`; project home
  <https://github.com/rspeer/wordfreq>), by Robyn Speer and contributors; its "best" list per language
  (`large_*.msgpack.gz` where it exists, else `small_*`): en, ru, uk, de, fr,
  es large; bg, el, sh small. Code: Apache-2.0. Word-frequency data: CC BY-SA
  4.0, as stated in the "License" section of the package README (the
  package's PyPI description / `METADATA`), built from Wikipedia, OPUS
  OpenSubtitles 2018, SUBTLEX, NewsCrawl, GlobalVoices, Google Books Ngrams,
  OSCAR, ParaCrawl, Twitter and Reddit; see `LICENSE` for the attribution.
  Installed with its dependencies {deps}; no other PyPI package is used.
* **hunspell-be {v['hunspell-be']}** (Debian), Belarusian hunspell dictionary,
  academic (official) orthography, by Mikalai Udodau (spell-be project).
  License: the dictionary's `.aff` header says "Creative Commons
  Attribution-ShareAlike … by-sa/3.0" and Debian's copyright file labels it
  `CC-BY-SA` (the text reproduced there is headed "Attribution 3.0
  Unported"); treated here as CC BY-SA 3.0, whose share-alike clause allows
  the adaptation to be licensed under CC BY-SA 4.0. Expanded with `unmunch`
  from **hunspell-tools {v['hunspell-tools']}**.
* **hunspell-sr {v['hunspell-sr']}** (Debian, from libreoffice-dictionaries;
  Serbian dictionary by Goran Rakic, Milos Popovic, Aleksandar Urosevic;
  GPL-2+ or LGPL-2.1 or MPL-1.1) and **hunspell-de-de {v['hunspell-de-de']}**
  (Debian, igerman98 by Björn Jacke; GPL-2+), run through the `hunspell`
  **{v['hunspell']}** command line only as a spelling oracle: they choose
  between spellings of a word that wordfreq supplies (`ss`/`ß`; `lj` = `љ` or
  `лј`) and decide which Serbian words get a Cyrillic entry. Every `de`/`sr`
  entry is a word of wordfreq's list, at most respelled (`ß`, Cyrillic);
  nothing else is taken from these two dictionaries.

## License

The `.tsv` files are adaptations of CC BY-SA material and are distributed
under **CC BY-SA 4.0**; see [`LICENSE`](LICENSE) for the license pointer,
attribution and the list of changes.
"""


LICENSE_TEXT = """The lexicon files in this directory (*.tsv) are licensed under the
Creative Commons Attribution-ShareAlike 4.0 International License
(CC BY-SA 4.0): https://creativecommons.org/licenses/by-sa/4.0/legalcode
Human-readable summary: https://creativecommons.org/licenses/by-sa/4.0/

They are adapted from the following material.

1. wordfreq {wordfreq} word-frequency data
   (en.tsv, ru.tsv, uk.tsv, bg.tsv, sr.tsv, de.tsv, fr.tsv, es.tsv, el.tsv)
   Creator: Robyn Speer and the wordfreq contributors.
   Source: the PyPI package "wordfreq", version {wordfreq};
     project home https://github.com/rspeer/wordfreq
   Citation: Robyn Speer. (2022). rspeer/wordfreq: v3.0 (v3.0.2). Zenodo.
     https://doi.org/10.5281/zenodo.7199437
   License: the data is distributed under CC BY-SA 4.0
     (https://creativecommons.org/licenses/by-sa/4.0/); wordfreq's code is
     Apache-2.0 (no wordfreq code is included here).
   wordfreq's data is in turn derived from, and credits:
   - Wikipedia, the free encyclopedia (https://www.wikipedia.org), CC BY-SA;
   - the Leeds Internet Corpus, University of Leeds Centre for Translation
     Studies (http://corpus.leeds.ac.uk/list.html);
   - ParaCrawl (https://paracrawl.eu);
   - OPUS OpenSubtitles 2018 (http://opus.nlpl.eu/OpenSubtitles.php), data
     originating from the OpenSubtitles project (http://www.opensubtitles.org/);
   - SUBTLEX word lists (SUBTLEX-US, SUBTLEX-UK, SUBTLEX-CH, SUBTLEX-DE,
     SUBTLEX-NL) by Marc Brysbaert et al., freely available at
     http://crr.ugent.be/programs-data/subtitle-frequencies ;
   - Google Books Ngram Viewer (http://books.google.com/ngrams);
   - NewsCrawl 2014 (WMT), GlobalVoices, OSCAR (Ortiz Suárez et al. 2019),
     and word counts from Twitter and Reddit.

2. hunspell-be {hunspell_be} (Debian package), Belarusian hunspell dictionary
   (be.tsv)
   Creator: Mikalai Udodau, 2010-2012 (spell-be, http://spell-be.sourceforge.net/)
   License: Creative Commons Attribution-ShareAlike 3.0
     (https://creativecommons.org/licenses/by-sa/3.0/), as stated in be_BY.aff;
     the adaptation is licensed under CC BY-SA 4.0 as that license allows.

Changes made (all files): words lowercased and NFC-normalised; entries with
characters outside the language's alphabet dropped; limited to the 20,000
most frequent remaining words (be: 20,000 shortest word forms, as it has no
frequencies); frequencies converted to Zipf values rounded to 0.01 (be: a
fixed value of {zipf:.2f}); sorted by word. el: word-final sigma restored (ς).
de: ss respelled ß where the hunspell de_DE dictionary (hunspell-de-de,
igerman98, GPL-2+) accepts only/also the ß spelling. sr: Serbian Cyrillic
spellings added for Latin words whose transliteration the hunspell-sr
dictionary (GPL-2+ or LGPL-2.1 or MPL-1.1) accepts. be: word forms generated
from the dictionary with unmunch; all-capital abbreviations dropped.
The two GPL/LGPL/MPL dictionaries were used only as spelling checkers; no
word list content was copied from them.

No warranties are given. The creators listed above do not endorse this
adaptation.
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the files on disk differ")
    args = ap.parse_args(argv)

    try:
        from importlib.metadata import version

        try:
            wf_ver = version("wordfreq")
        except Exception:  # noqa: BLE001
            raise LexiconError("the PyPI package wordfreq is not installed in this Python; see --help")
        if wf_ver != WORDFREQ_VERSION:
            raise LexiconError(f"wordfreq {wf_ver} installed, this script pins {WORDFREQ_VERSION}")
        versions = {"wordfreq": wf_ver, **{p: dpkg_version(p) for p in DEBIAN_PACKAGES}}
        for dep in WORDFREQ_DEPS:
            versions[dep] = version(dep)

        results: list[LangResult] = []
        for lang in LANGS:
            if lang == "be":
                r = build_belarusian()
            elif lang == "sr":
                r = build_serbian()
            else:
                r = build_wordfreq_lang(lang)
            validate(r)
            results.append(r)
            print(f"{lang}: {len(r.entries)} entries", file=sys.stderr)
    except (LexiconError, subprocess.CalledProcessError, OSError) as e:
        print(f"lexicon: error: {e}", file=sys.stderr)
        return 2

    files: dict[str, str] = {}
    sizes: dict[str, int] = {}
    for r in results:
        text = render_tsv(r.entries)
        files[f"{r.lang}.tsv"] = text
        sizes[r.lang] = len(text.encode("utf-8"))
    files["README.md"] = render_readme(results, sizes, versions)
    files["LICENSE"] = LICENSE_TEXT.format(
        wordfreq=versions["wordfreq"], hunspell_be=versions["hunspell-be"], zipf=HUNSPELL_ONLY_ZIPF
    )
    total = sum(len(c.encode("utf-8")) for c in files.values())
    if total > MAX_TOTAL_BYTES:
        print(f"lexicon: error: output is {total} bytes, over the {MAX_TOTAL_BYTES} budget", file=sys.stderr)
        return 2

    if args.check:
        stale = [n for n, c in files.items()
                 if not (args.out / n).is_file() or (args.out / n).read_text(encoding="utf-8") != c]
        if stale:
            print("lexicon: out of date: " + ", ".join(stale), file=sys.stderr)
            return 1
        print(f"lexicon: {len(files)} files up to date")
        return 0

    args.out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (args.out / name).write_text(content, encoding="utf-8")
    for r in results:
        print(f"{r.lang}: {len(r.entries)} entries, {sizes[r.lang]} bytes")
    print(f"wrote {len(files)} files ({total} bytes) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
