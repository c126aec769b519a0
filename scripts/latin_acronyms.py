#!/usr/bin/env python3
"""Build ``data/curated/acronyms/latin.txt``: Latin acronyms in capitals.

The mixed-script judge leaves a word in capitals of another script alone as
an acronym (`ТАСС` in a French line), which also lets a Latin acronym
respelled in Cyrillic or Greek lookalikes through (`ТСР`, `ΝΤΡ`, `ЈІТ`).
This list names the Latin acronyms in use, so that such a respelling can be
recognised (and one in mixed case, `КіВ` for `KiB`, which no Cyrillic or
Greek word is). One acronym a line, 3 to 6 ASCII letters, all capitals or a
capital after the first letter, sorted; the generator
family ``acronyms`` of ``polynorm-gen`` compiles it into
``crates/repair/src/tables/acronyms.rs``.

Sources (``README.md`` beside the list records versions and counts):

* The English originals (msgids) of the gettext catalogues installed under
  ``/usr/share/locale`` (read with ``scripts/audit_gettext.py``'s reader):
  a token of capitals (`TCP`, `MIME`, `JIT`), or in the mixed case of a
  technical acronym (a capital after the first letter and a small one:
  `KiB`, `MiB`, `TType`; since session 28), written so in at least
  ``MIN_CAPS`` distinct msgids, and so at least ``MIN_SHARE`` of the times
  the msgids write the word in any case (`KEY`, a placeholder, is mostly
  `key`; `TCP` mostly `TCP`).
* The entries in capitals of the Debian English hunspell dictionary
  (``en_US.dic``, SCOWL-based, permissively licensed) that it lists in no
  other case (`CPU`, `PPP`; not `AMP`, also listed as `amp`).

Left out, from either source: an acronym whose Cyrillic or Greek lookalike
spelling (capital by capital: `А` for `A`, `Ρ` for `P`) is written as a word
in the Cyrillic or Greek translations of the same catalogues, or is an entry,
in any case, of a hunspell dictionary of its script: every one installed
under ``/usr/share/hunspell`` (the Russian, Ukrainian, Belarusian, Bulgarian
and Serbian ones, and the Mongolian and Kazakh ones too: `САА`, a Mongolian
acronym of ``mn_MN``, read `CAA` in Latin lines before), and the
repository's Belarusian copy under ``data/hunspell``. That spelling is in
real use in its own script (`АРІ`, `ЕХЕ`, `ОЕМ` in Ukrainian catalogues;
`СРА`, `АРВ` in Serbian ones; `САА`, `ТОС` in Mongolian), and its appearance
in a Latin line says nothing. Only entries written wholly in Cyrillic or
Greek letters count (the Latin dictionaries add none), and not those with a
capital after a small letter: a unit symbol (`кСм`) is not written in
capitals, so it says nothing of a word in capitals (`КСМ` is `KCM`).

The repository's lexicons (``data/curated/lexicon``) are not asked here:
the judge asks them itself, for the script the word is written in, while
an entry left out of this list is left out for every script (a Belarusian
`міме` would unlist the Greek `ΜΙΜΕ`, which no Greek lexicon lists).

Only facts are taken (which short tokens are acronyms); nothing of the
catalogues' or dictionaries' text is copied. Which catalogues exist depends
on the packages installed, so the list is built once and committed.

    python3 scripts/latin_acronyms.py [--out data/curated/acronyms/latin.txt]

Python 3.11, stdlib only.
"""

import argparse
import collections
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit_gettext import catalogue_pairs  # noqa: E402  (the .mo reader)

LOCALE = Path("/usr/share/locale")
HUNSPELL = Path("/usr/share/hunspell")
ROOT = Path(__file__).resolve().parent.parent

MIN_LEN, MAX_LEN = 3, 6
MIN_CAPS = 2
MIN_SHARE = 0.5

# Capital lookalikes of Latin capitals, as the judge maps them
# (data/curated/confusables; Cyrillic `Ј Ѕ І` included).
CYRILLIC = dict(zip("АВЕКМНОРСТУХІЈЅ", "ABEKMHOPCTYXIJS"))
GREEK = dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX"))

# Locales whose catalogues are Cyrillic or Greek translations.
OWN_LOCALES = ["ru", "uk", "be", "bg", "sr", "el"]
# Hunspell dictionaries whose Cyrillic and Greek entries remove an acronym:
# every installed one (mn_MN and kk_KZ as well as the ru/uk/be/bg/sr ones)
# and the repository's copy.
OWN_DICTIONARY_GLOBS = [(HUNSPELL, "*.dic"), (ROOT / "data/hunspell", "*/*.dic")]

WORD = re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z]+(?![A-Za-z0-9_])")
OWN_WORD = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]+")


def acronym_shape(token):
    """All capitals (`TCP`), or mixed case with a capital after the first
    letter (`KiB`, `PPPoE`, `TType`); not `Key`, `key`."""
    return token.isupper() or (
        any(c.islower() for c in token) and any(c.isupper() for c in token[1:])
    )


def msgid_acronyms():
    """Tokens of an acronym's shape in the msgids, by the rule in the module doc."""
    exact, folded = collections.Counter(), collections.Counter()
    seen = set()
    for mo in sorted(LOCALE.glob("*/LC_MESSAGES/*.mo")):
        for originals, _ in catalogue_pairs(mo):
            for text in originals:
                if text in seen:
                    continue
                seen.add(text)
                for token in WORD.findall(text):
                    exact[token] += 1
                    folded[token.upper()] += 1
    return {
        t
        for t, n in exact.items()
        if MIN_LEN <= len(t) <= MAX_LEN
        and acronym_shape(t)
        and n >= MIN_CAPS
        and n / folded[t.upper()] >= MIN_SHARE
    }


def hunspell_words(path):
    with open(path, encoding="utf-8", errors="ignore") as f:
        next(f, None)  # the word count
        return [line.split("/")[0].strip() for line in f]


def hunspell_acronyms():
    words = hunspell_words(HUNSPELL / "en_US.dic")
    listed = set(words)
    return {
        w
        for w in words
        if re.fullmatch(r"[A-Z]{%d,%d}" % (MIN_LEN, MAX_LEN), w)
        and w.lower() not in listed
        and w.capitalize() not in listed
    }


def latin_reading(word):
    """The Latin capitals a Cyrillic or Greek word in capitals looks like."""
    for table in (CYRILLIC, GREEK):
        if all(c in table for c in word):
            return "".join(table[c] for c in word)
    return None


def own_spellings():
    """Latin readings of the capital spellings the own-script sources write."""
    found = set()

    def add(word):
        # Capitals drop the Greek tonos.
        upper = "".join(
            c for c in unicodedata.normalize("NFD", word.upper()) if not unicodedata.combining(c)
        )
        if MIN_LEN <= len(upper) <= MAX_LEN:
            reading = latin_reading(unicodedata.normalize("NFC", upper))
            if reading:
                found.add(reading)

    for lang in OWN_LOCALES:
        for mo in sorted((LOCALE / lang / "LC_MESSAGES").glob("*.mo")):
            for _, translations in catalogue_pairs(mo):
                for text in translations:
                    for word in OWN_WORD.findall(text):
                        add(word)
    for folder, pattern in OWN_DICTIONARY_GLOBS:
        for path in sorted(folder.glob(pattern)):
            for word in hunspell_words(path):
                # Small letters, a capital first, or all capitals: not a
                # unit symbol such as `кСм`.
                cased = word.islower() or word.isupper() or word[1:].islower()
                if OWN_WORD.fullmatch(word) and cased:
                    add(word)
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "data/curated/acronyms/latin.txt"))
    args = ap.parse_args()
    msgid, hunspell = msgid_acronyms(), hunspell_acronyms()
    own = own_spellings()
    # (`own` holds capitals: a mixed-case acronym goes when its lookalike
    # spelling is written in any case, as a capitals one does.)
    kept = sorted(t for t in msgid | hunspell if t.upper() not in own)
    Path(args.out).write_text("".join(f"{a}\n" for a in kept), encoding="ascii")
    print(
        f"msgids {len(msgid)}, hunspell {len(hunspell)}, union {len(msgid | hunspell)}, "
        f"written in their own script {len(msgid | hunspell) - len(kept)}, kept {len(kept)}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
