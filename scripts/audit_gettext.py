#!/usr/bin/env python3
"""Precision audit on real translated text: the gettext catalogues installed
on this machine.

Python 3.11, stdlib only; nothing it reads or writes is committed. Debian
packages ship their translations as compiled catalogues under
/usr/share/locale/LANG/LC_MESSAGES/*.mo: strings written by people in each
language, full of what `clean` must leave alone (format specifiers, option
names, acronyms, place names transliterated into Cyrillic or Greek, Latin
terms inside Cyrillic sentences) and, now and then, a real slip by a
translator (`cписок` with a Latin `c`). The evaluation sets hold long
sentences; these are mostly short, so they test precision where the sets do
not.

The script collects every distinct translated line of at least three
characters per language, runs `polynorm clean --explain --context-lines 1`
over each language's lines (each line its own document), and prints the
number of lines and of changes by kind, and with `--show KIND` every change of
that kind with its line, for reading by hand. Which catalogues exist depends
on the packages installed, so counts differ between machines; EVALUATION.md
records the run on the project's machine.

    python3 scripts/audit_gettext.py --polynorm target/release/polynorm \\
        [--langs ru,uk,sr,bg,be,el,de,fr,es] [--show keyboard_layout] \\
        [--out /tmp/polynorm-gettext]
"""

import argparse
import collections
import json
import struct
import subprocess
import sys
from pathlib import Path

LOCALE = Path("/usr/share/locale")


def catalogue_pairs(path):
    """(original, translation) of every entry of one .mo file, each a list of
    its strings (plural forms split; a string that is not UTF-8 left out)."""
    data = path.read_bytes()
    if len(data) < 20:
        return []
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">"
    count, originals, translations = struct.unpack(order + "III", data[8:20])
    out = []
    for i in range(count):
        pair = []
        for table in (originals, translations):
            at = table + 8 * i
            length, offset = struct.unpack(order + "II", data[at : at + 8])
            parts = []
            for part in data[offset : offset + length].split(b"\0"):
                try:
                    parts.append(part.decode("utf-8"))
                except UnicodeDecodeError:
                    pass
            pair.append(parts)
        out.append(pair)
    return out


def catalogue_strings(path):
    """Every translated string (msgstr, plural forms split) of one .mo file."""
    # The header entry (translation of the empty string) left out.
    return [
        text
        for _original, translation in catalogue_pairs(path)
        for text in translation
        if text and not text.startswith("Project-Id-Version")
    ]


def language_lines(lang):
    """Distinct stripped lines of at least three characters, in file order."""
    seen = set()
    lines = []
    for path in sorted((LOCALE / lang / "LC_MESSAGES").glob("*.mo")):
        for text in catalogue_strings(path):
            for line in text.split("\n"):
                line = line.strip()
                if len(line) >= 3 and line not in seen:
                    seen.add(line)
                    lines.append(line)
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polynorm", default="target/release/polynorm")
    parser.add_argument("--langs", default="ru,uk,sr,bg,be,el,de,fr,es")
    parser.add_argument("--show", action="append", default=[], metavar="KIND")
    parser.add_argument("--out", default="/tmp/polynorm-gettext")
    args = parser.parse_args()
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    totals = collections.Counter()
    print("| lang | lines | changes by kind |")
    print("| --- | ---: | --- |")
    for lang in args.langs.split(","):
        lines = language_lines(lang)
        source = out_dir / f"{lang}.txt"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = subprocess.run(
            [args.polynorm, "clean", "--explain", "--context-lines", "1", str(source)],
            capture_output=True,
            check=True,
        )
        kinds = collections.Counter()
        shown = []
        for record in result.stdout.decode("utf-8").splitlines():
            r = json.loads(record)
            for change in r["changes"]:
                kinds[change["kind"]] += 1
                if change["kind"] in args.show:
                    text = lines[r["line"] - 1]
                    shown.append(
                        f"{lang} {change['kind']} {change['confidence']:.2f} "
                        f"{change['before']!r} -> {change['after']!r} | {text[:100]}"
                    )
        totals.update(kinds)
        totals["lines"] += len(lines)
        summary = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none"
        print(f"| {lang} | {len(lines):,} | {summary} |")
        for entry in shown:
            print(entry, file=sys.stderr)
    lines = totals.pop("lines")
    summary = ", ".join(f"{k} {v}" for k, v in sorted(totals.items()))
    print(f"| all | {lines:,} | {summary} |")


if __name__ == "__main__":
    main()
