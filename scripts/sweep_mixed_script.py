#!/usr/bin/env python3
"""Template sweeps over real words for the mixed-script judge's precision.

Lines that must NOT change, built from real words, and a comparison of two
`polynorm` binaries on them (the changes one makes that the other does not).
These sweeps found the wrong rules of sessions 9 and 10 that the dev and
held-out sets missed (EVALUATION.md, "Session 10").

    python3 scripts/audit_gettext.py --polynorm BIN --out /tmp/polynorm-gettext
    python3 scripts/sweep_mixed_script.py make caps  --audit /tmp/polynorm-gettext --out caps.txt
    python3 scripts/sweep_mixed_script.py make srmix --audit /tmp/polynorm-gettext --out srmix.txt
    python3 scripts/sweep_mixed_script.py make latcyr --audit /tmp/polynorm-gettext --out latcyr.txt
    python3 scripts/sweep_mixed_script.py make codekey --audit /tmp/polynorm-gettext --out codekey.txt
    python3 scripts/sweep_mixed_script.py compare caps.txt OLD_BIN NEW_BIN [--whole]

`caps`: every Cyrillic and Greek word of the gettext catalogues (and of the
Bulgarian, Belarusian and Serbian hunspell dictionaries when installed) in
capitals, Greek without the tonos capitals drop, in Latin sentences.
`srmix`: real Serbian Latin catalogue lines, each with one real Serbian
Cyrillic word of the Serbian catalogues put in (issue 3: Serbian text using
both alphabets is never changed).
`latcyr`: real German, French and Spanish catalogue lines, each with one real
Serbian or Bulgarian Cyrillic word of the catalogues put in (`Филтер` in a
German line: the Serbian layout types `Filter` so, but a word of the
language written in its own script is a quoted word, not a slip).
`codekey`: real Cyrillic catalogue lines (ru, uk, be, bg, sr), each with one
real code token of the running Python's standard library sources whose parts are
glued by a layout key, `, ; . [ ] ' \``, put in (`c,str`, `sys.argv[1]`).
Every change in any of these files is wrong.
Inputs come from the machine (installed catalogues and dictionaries); the
outputs are generated, never committed.
"""

import argparse
import json
import random
import re
import subprocess
import sys
import sysconfig
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import audit_gettext  # noqa: E402  (catalogue_strings)

CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff]{3,}$")
GREEK_WORD = re.compile(r"^[\u0370-\u03ff\u1f00-\u1fff]{3,}$")
TEMPLATES = [
    "The newspaper {} reported the news on Monday.",
    "Die Zeitung {} berichtete am Montag darüber.",
    "Le journal {} a publié la nouvelle lundi.",
    "El periódico {} publicó la noticia el lunes.",
    "Roman {} je objavljen u Beogradu prošle godine.",
    "See also: {} (band), a group from the nineties.",
    "{} is the name printed on the label.",
    "He shouted {} and left the room.",
]
HUNSPELL = [("bg", "bg_BG"), ("be", "be_BY"), ("sr", "sr_RS")]


def words_of(path, pattern):
    with open(path, encoding="utf-8") as f:
        for line in f:
            for w in re.findall(r"\w+", line):
                if pattern.match(w):
                    yield w


def greek_capitals(word):
    """Greek in capitals drops the tonos."""
    decomposed = unicodedata.normalize("NFD", word.upper()).replace("\u0301", "")
    return unicodedata.normalize("NFC", decomposed)


def make_caps(audit, rng):
    found = {}
    for lang in ["el", "ru", "uk", "be", "bg", "sr"]:
        path = Path(audit) / f"{lang}.txt"
        if path.exists():
            pattern = GREEK_WORD if lang == "el" else CYRILLIC_WORD
            found.setdefault(lang, set()).update(words_of(path, pattern))
    for lang, dic in HUNSPELL:
        path = Path("/usr/share/hunspell") / f"{dic}.dic"
        if path.exists():
            with open(path, encoding="utf-8", errors="ignore") as f:
                next(f, None)  # the word count
                for line in f:
                    w = line.split("/")[0].strip()
                    if CYRILLIC_WORD.match(w):
                        found.setdefault(lang, set()).add(w)
    for lang in sorted(found):
        for w in sorted(found[lang]):
            capitals = greek_capitals(w) if lang == "el" else w.upper()
            yield rng.choice(TEMPLATES).format(capitals)
            if capitals != w.upper():
                yield rng.choice(TEMPLATES).format(w.upper())


def make_srmix(audit, rng):
    lines = set()
    for locale in ["sr@latin", "sr@Latn"]:
        for mo in sorted((Path("/usr/share/locale") / locale / "LC_MESSAGES").glob("*.mo")):
            try:
                strings = audit_gettext.catalogue_strings(mo)
            except Exception:  # a catalogue the reader cannot parse
                continue
            lines.update(
                s
                for s in strings
                if 20 <= len(s) < 200
                and "\n" not in s
                and s.count(" ") >= 3
                and not re.search("[\u0400-\u04ff]", s)
            )
    lines = sorted(lines)
    cyrillic = set()
    with open(Path(audit) / "sr.txt", encoding="utf-8") as f:
        for line in f:
            cyrillic.update(re.findall(r"[\u0400-\u04ff]{2,}", line))
    if not lines:
        sys.exit("no Serbian Latin catalogues under /usr/share/locale")
    for w in sorted(cyrillic):
        yield put_in(rng, rng.choice(lines), w)


def latin_catalogue_lines(audit, langs):
    """Real catalogue lines of sentence length with no Cyrillic or Greek letter."""
    lines = set()
    for lang in langs:
        with open(Path(audit) / f"{lang}.txt", encoding="utf-8") as f:
            lines.update(
                s
                for s in (line.rstrip("\n") for line in f)
                if 20 <= len(s) < 200
                and s.count(" ") >= 3
                and not re.search("[\u0370-\u03ff\u0400-\u04ff]", s)
            )
    return sorted(lines)


def put_in(rng, line, word):
    at = rng.choice([m.start() for m in re.finditer(" ", line)])
    return line[: at + 1] + word + " " + line[at + 1 :]


def make_latcyr(audit, rng):
    lines = latin_catalogue_lines(audit, ["de", "fr", "es"])
    for lang in ["sr", "bg"]:
        for w in sorted(set(words_of(Path(audit) / f"{lang}.txt", CYRILLIC_WORD))):
            yield put_in(rng, rng.choice(lines), w)


CODE_TOKEN = re.compile(
    r"(?<![\w.,;\[\]'`])[A-Za-z][A-Za-z0-9_]*(?:[,;.\[\]'`][A-Za-z][A-Za-z0-9_]*)+\]?(?!\w)"
)
CONTRACTION = re.compile(r"^[A-Za-z]+'(?:t|s|re|ll|ve|d|m)$")


def make_codekey(audit, rng):
    tokens = set()
    for source in sorted(Path(sysconfig.get_paths()["stdlib"]).rglob("*.py")):
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        tokens.update(t for t in CODE_TOKEN.findall(text) if not CONTRACTION.match(t))
    lines = []
    for lang in ["ru", "uk", "be", "bg", "sr"]:
        with open(Path(audit) / f"{lang}.txt", encoding="utf-8") as f:
            lines.extend(
                s
                for s in (line.rstrip("\n") for line in f)
                if 20 <= len(s) < 200
                and s.count(" ") >= 3
                and re.search("[\u0400-\u04ff]", s)
                and not re.search("[A-Za-z]", s)
            )
    lines = sorted(set(lines))
    for t in sorted(tokens):
        yield put_in(rng, rng.choice(lines), t)


def changes(binary, path, whole):
    args = [binary, "clean", "--explain"] + ([] if whole else ["--context-lines", "1"]) + [path]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    records = [json.loads(line) for line in out.splitlines()]
    return {
        (r["line"], c["start"], c["before"], c["after"]): (c, r["text"])
        for r in records
        for c in r["changes"]
    }


def compare(path, old, new, whole):
    before, after = changes(old, path, whole), changes(new, path, whole)
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    for key in added:
        change, text = after[key]
        print(f"+ L{key[0]} {key[2]} -> {key[3]} {change['confidence']} | {text[:150]}")
    for key in removed:
        print(f"- L{key[0]} {key[2]} -> {key[3]} | {before[key][1][:150]}")
    mode = "whole file" if whole else "per record"
    print(
        f"# {path} ({mode}): {len(before)} changes before, {len(after)} after; "
        f"+{len(added)} new, -{len(removed)} gone",
        file=sys.stderr,
    )


MAKERS = {"caps": make_caps, "srmix": make_srmix, "latcyr": make_latcyr, "codekey": make_codekey}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("make", help="write a sweep file")
    make.add_argument("sweep", choices=sorted(MAKERS))
    make.add_argument("--audit", default="/tmp/polynorm-gettext", help="audit_gettext.py --out directory")
    make.add_argument("--out", required=True)
    make.add_argument("--seed", type=int, default=10)
    cmp = sub.add_parser("compare", help="changes one binary makes that the other does not")
    cmp.add_argument("file")
    cmp.add_argument("old")
    cmp.add_argument("new")
    cmp.add_argument("--whole", action="store_true", help="the file as one document")
    args = parser.parse_args()
    if args.command == "make":
        rng = random.Random(args.seed)
        lines = MAKERS[args.sweep](args.audit, rng)
        n = 0
        with open(args.out, "w", encoding="utf-8") as out:
            for line in lines:
                out.write(line + "\n")
                n += 1
        print(f"{args.out}: {n} lines", file=sys.stderr)
    else:
        compare(args.file, args.old, args.new, args.whole)


if __name__ == "__main__":
    main()
