#!/usr/bin/env python3
"""Build the extended lexicons in ``data/curated/lexicon/more/``.

The lexicons of ``scripts/lexicon.py`` hold the 20,000 most frequent words of
each language: too few for inflected languages, where a re-typed word is
often a form that list lacks (``разметку``, ``придруживања``). This script
writes, per language, the words *beyond* that lexicon that the mixed-script
judge should still recognise, as ``<lang>.tsv.gz`` (gzip, no timestamp):
lines ``word<TAB>zipf`` (two decimals), lowercase NFC, letters of the
language's alphabet (``'`` or ``-`` allowed between letters), sorted in
UTF-8 byte order, no word of ``data/curated/lexicon/<lang>.tsv``.

Sources per language (``SOURCES.md`` there records versions and counts), all
wordfreq data (CC BY-SA 4.0, see ``more/LICENSE``; no GPL-licensed hunspell
data, since the tables are compiled into an MIT/Apache-2.0 binary):

* ru uk en de fr es: the ``wordfreq`` "large" list, every word at or above
  ``FLOOR[lang]`` (zipf 3.0: the 2.5 floor doubled the tables for about half
  a point of layout recall).
* ru uk es, below that floor: the inflected forms a layout slip re-types
  into (``відокремлює``, ``preguntará``) are often rarer than zipf 3.0. Words
  of the same "large" list at or above ``BAND[lang]`` (2.7), of
  ``BAND_LETTERS`` (5) letters or more, that the Debian hunspell dictionary
  of the language accepts (``hunspell-ru`` ``ru_RU``, ``hunspell-uk``
  ``uk_UA``, ``hunspell-es`` ``es_ES``). Hunspell is only a spelling oracle
  here, as in ``scripts/lexicon.py``: it drops wordfreq's misspellings,
  names written in lower case and words of other languages, and every entry
  is a word of wordfreq's list with wordfreq's frequency (nothing is taken
  from the dictionaries). Short rare words are left out: they are what
  chance re-typings of short Latin words hit (`вебі`, `дуду`).
* el bg: the rest of the ``wordfreq`` "small" list (the only one).
* sr: the rest of the ``wordfreq`` "small" Bosnian/Croatian/Serbian list,
  which is stored in Latin letters, each word spelled in Serbian Cyrillic
  (``lj`` ``nj`` ``dž`` read as one letter). No Latin forms: a Latin word the
  judge knows as Serbian is left as it is.
* be: nothing (the generator family ``be_forms`` holds every hunspell-be form).

Zipf values are rounded to the nearest ``STEP`` (0.5): few distinct values
let the FST share word endings.

Setup and run (from the repository root)::

    /tmp/lexicon-venv/bin/pip install wordfreq==3.1.1
    /tmp/lexicon-venv/bin/python scripts/lexicon_more.py
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import lexicon as base  # noqa: E402  (the alphabets, filters and helpers)

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "data" / "curated" / "lexicon" / "more"
STEP = 0.5
FLOOR = {"ru": 3.0, "uk": 3.0, "en": 3.0, "de": 3.0, "fr": 3.0, "es": 3.0}
# Below FLOOR: (hunspell dictionary, lowest zipf) of the hunspell-checked band.
BAND = {"ru": ("ru_RU", 2.7), "uk": ("uk_UA", 2.7), "es": ("es_ES", 2.7)}
BAND_LETTERS = 5
BAND_PACKAGES = {"ru": "hunspell-ru", "uk": "hunspell-uk", "es": "hunspell-es"}


def wordfreq_words(lang: str, wordlist: str, floor: float, fixup=None) -> dict[str, float]:
    import wordfreq  # noqa: PLC0415

    wf_lang = "sh" if lang == "sr" else lang
    pat = base.word_re(base.ALPHABETS[lang])
    out: dict[str, float] = {}
    for raw, f in wordfreq.get_frequency_dict(wf_lang, wordlist=wordlist).items():
        w = base.normalize(raw)
        if fixup:
            w = fixup(w)
        z = base.zipf_of(f)
        if z < floor or not pat.fullmatch(w):
            continue
        out[w] = max(z, out.get(w, 0.0))
    return out


def quantize(z: float) -> float:
    """Zipf to the nearest ``STEP``: the judge needs no finer grain, and few
    distinct values let the FST share word endings (much smaller tables)."""
    return round(round(z / STEP) * STEP, 2)


def main() -> int:
    from importlib.metadata import version  # noqa: PLC0415

    if version("wordfreq") != base.WORDFREQ_VERSION:
        print(f"wordfreq {version('wordfreq')}, expected {base.WORDFREQ_VERSION}", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    readme_rows = []
    for lang in sys.argv[1:] or ["ru", "uk", "bg", "sr", "el", "en", "de", "fr", "es"]:
        main_words = {
            line.split("\t")[0]
            for line in (base.DEFAULT_OUT / f"{lang}.tsv").read_text(encoding="utf-8").splitlines()
        }
        entries: dict[str, float] = {}
        if lang in FLOOR:
            entries = wordfreq_words(lang, "large", FLOOR[lang])
            source = f"wordfreq {base.WORDFREQ_VERSION} large_{lang}, zipf >= {FLOOR[lang]}"
            if lang in BAND:
                dic, low = BAND[lang]
                band = {w: z for w, z in wordfreq_words(lang, "large", low).items()
                        if z < FLOOR[lang] and len(w) >= BAND_LETTERS}
                ok = base.hunspell_accepts(dic, sorted(band))
                entries.update({w: band[w] for w in ok})
                pkg = BAND_PACKAGES[lang]
                source += (f"; {low} <= zipf < {FLOOR[lang]}, {BAND_LETTERS}+ letters, accepted by"
                           f" {pkg} {base.dpkg_version(pkg)} ({dic}, hunspell"
                           f" {base.dpkg_version('hunspell')}): {len(ok)} words")
        elif lang in ("el", "bg"):
            fix = base.greek_final_sigma if lang == "el" else None
            entries = wordfreq_words(lang, "small", 0.0, fix)
            source = f"wordfreq {base.WORDFREQ_VERSION} small_{lang}"
        elif lang == "sr":
            # wordfreq's Serbian list is Latin: each word beyond the lexicon
            # gets one Cyrillic spelling (`lj` `nj` `dž` read as one letter).
            latin = wordfreq_words("sr", "small", 0.0)
            pat = base.word_re(base.SR_CYRILLIC)
            for w, z in latin.items():
                cands = base.sr_cyrillic_candidates(w)
                if cands and pat.fullmatch(cands[0]):
                    entries[cands[0]] = max(z, entries.get(cands[0], 0.0))
            source = (f"wordfreq {base.WORDFREQ_VERSION} small_sh, Latin words spelled in"
                      f" Cyrillic (digraphs as one letter)")
        entries = {w: quantize(z) for w, z in entries.items()}
        rows = sorted(((w, z) for w, z in entries.items() if w not in main_words),
                      key=lambda kv: kv[0].encode())
        text = "".join(f"{w}\t{z:.2f}\n" for w, z in rows).encode()
        path = OUT / f"{lang}.tsv.gz"
        with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
            gz.write(text)
        readme_rows.append(f"| {lang} | {len(rows)} | {path.stat().st_size} | {source} |")
        print(readme_rows[-1])
    # Rows of languages not rebuilt this time stay.
    sources = OUT / "SOURCES.md"
    done = {row.split("|")[1].strip() for row in readme_rows}
    if sources.exists():
        readme_rows += [row for row in sources.read_text(encoding="utf-8").splitlines()[2:]
                        if row.split("|")[1].strip() not in done]
    readme_rows.sort()
    sources.write_text(
        "| lang | words | bytes (gzip) | source |\n| --- | ---: | ---: | --- |\n"
        + "\n".join(readme_rows) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
