#!/usr/bin/env python3
"""Builds fixtures/eval/mojibake/: real sentences and their mojibake.

Clean sentences: the ``clean`` records of fixtures/eval/mixed-script/ for
ru uk bg en de fr el (real sentences from packaged documents; sources and
licences in that set's README) and Turkish sentences from the Debian package
``manpages-tr`` 2.0.6-2 (GPL, see README).  Each sentence is then damaged
deterministically the ways text is damaged in the wild:

- ``utf8``: UTF-8 bytes decoded with a single-byte code page, once (level
  1), twice (2: the mojibake saved as UTF-8 and decoded wrongly again) or
  three times (3, for three pages);
- ``utf8-fffd``: as level 1, but bytes the page leaves undefined become
  U+FFFD (a strict decoder with replacement) instead of C1 controls;
- ``utf8-nbsp``: as level 1, then every no-break space turned into a space
  (a later clean-up step), so the byte 0xA0 is lost;
- ``utf8-mixed``: only some words damaged, the rest of the line correct;
- ``legacy``: text encoded in one 8-bit page decoded with another.

Undefined bytes decode as browsers decode them (the WHATWG Encoding Standard):
0x80..0x9F to the C1 control of the same value, others to U+FFFD.  Python's
codecs supply the tables (KOI8-U is RFC 2319's, which differs from the
WHATWG table at 0xAE and 0xBE).

    python3 scripts/make_mojibake_eval.py           # regenerate
    python3 scripts/make_mojibake_eval.py --check   # verify the committed files

Python 3.11, standard library only.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from corpus_common import clean_text, read_deb_files  # noqa: E402

OUT_DIR = REPO / "fixtures" / "eval" / "mojibake"
MIXED_DIR = REPO / "fixtures" / "eval" / "mixed-script"
DEFAULT_INPUT_DIRS = ["/tmp/debs"]
TR_DEB = "manpages-tr_2.0.6-2_all.deb"
TR_DEB_SHA256 = "babf3ded00dd7c30db8fb333c1ff482fd5a52483d2bffec7557e3f78ed77eef1"
SEED = "polynorm-mojibake-eval-1"
LANGS = ["ru", "uk", "bg", "en", "de", "fr", "tr", "el"]
CLEAN_PER_LANG = 300
PER_PAIR = 20      # sentences per language, page and level (1, 2)
PER_TRIPLE = 10    # sentences per language for level 3
PER_CHANNEL = 20   # fffd, nbsp, mixed, each legacy pair

# (page name, Python codec)
UTF8_PAGES = [
    ("windows-1252", "cp1252"),
    ("iso-8859-1", "latin-1"),
    ("windows-1251", "cp1251"),
    ("koi8-r", "koi8_r"),
    ("koi8-u", "koi8_u"),
    ("windows-1250", "cp1250"),
    ("windows-1253", "cp1253"),
    ("macintosh", "mac_roman"),
    ("ibm437", "cp437"),
]
TRIPLE_PAGES = ["windows-1252", "iso-8859-1", "windows-1251"]
CODEC = dict(UTF8_PAGES) | {"ibm866": "cp866", "iso-8859-5": "iso8859_5",
                            "windows-1254": "cp1254"}
# (written in, read as), per language
LEGACY = {
    "ru": [("windows-1251", "windows-1252"), ("koi8-r", "windows-1252"),
           ("koi8-r", "windows-1251"), ("windows-1251", "koi8-r"),
           ("ibm866", "windows-1251"), ("iso-8859-5", "windows-1251")],
    "bg": [("windows-1251", "windows-1252"), ("koi8-r", "windows-1252"),
           ("koi8-r", "windows-1251"), ("windows-1251", "koi8-r"),
           ("ibm866", "windows-1251"), ("iso-8859-5", "windows-1251")],
    "uk": [("windows-1251", "windows-1252"), ("koi8-u", "windows-1252"),
           ("koi8-u", "windows-1251"), ("windows-1251", "koi8-u"),
           ("iso-8859-5", "windows-1251")],
    "el": [("windows-1253", "windows-1252")],
}
# The page whose mojibake the ``utf8-mixed`` channel uses.
MIXED_PAGE = {"ru": "windows-1251", "uk": "windows-1251", "bg": "windows-1251",
              "el": "windows-1252"}


# --------------------------------------------------------------------------
# Decoding as browsers do
# --------------------------------------------------------------------------

def table(page: str, undefined_as_fffd: bool = False) -> list[str]:
    codec = CODEC[page]
    out = []
    for b in range(256):
        try:
            out.append(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            out.append("\ufffd" if undefined_as_fffd or b >= 0xA0 else chr(b))
    return out


def misdecode(text: str, page: str, fffd: bool = False) -> str:
    t = table(page, fffd)
    return "".join(t[b] for b in text.encode("utf-8"))


def legacy(text: str, written: str, read_as: str) -> str | None:
    try:
        raw = text.encode(CODEC[written])
    except UnicodeEncodeError:
        return None
    t = table(read_as)
    return "".join(t[b] for b in raw)


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------

def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def mixed_script_clean(lang: str) -> tuple[list[dict], str]:
    path = MIXED_DIR / f"{lang}.jsonl"
    data = path.read_bytes()
    out = []
    for line in data.decode("utf-8").splitlines():
        r = json.loads(line)
        if r["channel"] == "clean":
            out.append({"text": r["expect"], "source": r["id"]})
    return out, sha256(data)


_ROFF = [
    (r"\\f(?:\[[^\]]*\]|\(..|.)", ""), (r"\\s[-+]?\d", ""),
    (r"\\\(em|\\\[em\]", "—"), (r"\\\(en|\\\[en\]", "–"),
    (r"\\\(aq|\\\[aq\]", "'"), (r"\\\(dq|\\\[dq\]", '"'),
    (r"\\-", "-"), (r"\\[&|^,/c]", ""), (r"\\[ ~0]", " "),
]
TR_LETTERS = set("çğıöşüÇĞİÖŞÜ")
_EN_WORDS = {"the", "and", "of", "to", "is", "in", "for", "with", "that", "this"}


def tr_paragraphs(deb: Path) -> list[tuple[str, str]]:
    """Running text of the Turkish manual pages: sections after the first two
    (İSİM, KULLANIM), without .nf/.EX blocks, .TP tags and request lines."""
    files = read_deb_files(deb, lambda p: "/man/" in p and p.endswith(".gz"))
    out = []
    for name in sorted(files):
        text = gzip.decompress(files[name]).decode("utf-8", "replace")
        src = name.split("/man/", 1)[1][:-3]
        buf: list[str] = []
        section, nofill, tag_next = -1, False, False

        def flush():
            if buf and section >= 2:
                out.append((src, " ".join(buf)))
            buf.clear()

        for line in text.splitlines():
            if line.startswith((".", "'")):
                req = line[1:].split(None, 1)
                req_name = req[0] if req else ""
                if req_name in ("SH", "SS"):
                    flush()
                    if req_name == "SH":
                        section += 1
                        head = (req[1] if len(req) > 1 else "").strip('"').upper()
                        if "ÇEVİR" in head or "YAZAN" in head or "TELİF" in head:
                            section = -99
                elif req_name in ("nf", "EX"):
                    flush()
                    nofill = True
                elif req_name in ("fi", "EE"):
                    nofill = False
                elif req_name == "TP":
                    flush()
                    tag_next = True
                else:
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
        for pat, rep in _ROFF:
            para = re.sub(pat, rep, para)
        res.append((src, clean_text(para)))
    return res


def tr_sentences(deb: Path) -> list[dict]:
    out, seen = [], set()
    for src, para in tr_paragraphs(deb):
        for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÇĞİÖŞÜ])", para):
            s = s.strip()
            words = s.split()
            if not 6 <= len(words) <= 40 or s in seen:
                continue
            if not re.search(r"[.!?]$", s) or not s[0].isupper():
                continue
            if any(c in "\\{}<>|=_@#$%^~`*[]+" for c in s) or "://" in s:
                continue
            visible = [c for c in s if not c.isspace()]
            if sum(c.isalpha() for c in visible) < 0.75 * len(visible):
                continue
            if not TR_LETTERS & set(s):
                continue
            lower = [w.lower().strip(".,;:") for w in words]
            if sum(w in _EN_WORDS for w in lower) >= 2:
                continue
            if s != unicodedata.normalize("NFC", s):
                continue
            seen.add(s)
            out.append({"text": s, "source": f"manpages-tr {src}"})
    return out


# --------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------

def record(rid, lang, channel, inp, expect, note, **extra) -> dict:
    r = {"id": rid, "lang": lang, "channel": channel, "input": inp, "expect": expect}
    r.update(extra)
    r["note"] = note
    return r


def mixed_damage(text: str, page: str, rng: random.Random) -> str | None:
    """Damages about half of the words that hold non-ASCII letters."""
    tokens = text.split(" ")
    cand = [i for i, t in enumerate(tokens) if any(ord(c) > 127 for c in t)]
    if len(cand) < 2:
        return None
    pick = sorted(rng.sample(cand, max(1, len(cand) // 2)))
    for i in pick:
        tokens[i] = misdecode(tokens[i], page)
    return " ".join(tokens)


def build_lang(lang: str, sentences: list[dict]) -> list[dict]:
    rng = random.Random(f"{SEED}-{lang}")
    clean = sentences[:CLEAN_PER_LANG]
    recs = []
    for i, s in enumerate(clean):
        recs.append(record(f"{lang}-{i + 1:04d}-clean", lang, "clean", s["text"], s["text"],
                           s["source"]))
    numbered = list(enumerate(clean, 1))
    usable = [(n, s) for n, s in numbered if any(ord(c) > 127 for c in s["text"])]

    def sample(pool, k, salt):
        r = random.Random(f"{SEED}-{lang}-{salt}")
        pool = sorted(pool, key=lambda x: x[0])
        return sorted(r.sample(pool, min(k, len(pool))), key=lambda x: x[0])

    for page, _ in UTF8_PAGES:
        levels = [1, 2] + ([3] if page in TRIPLE_PAGES else [])
        for level in levels:
            k = PER_TRIPLE if level == 3 else PER_PAIR
            for n, s in sample(usable, k, f"utf8-{page}-{level}"):
                t = s["text"]
                for _ in range(level):
                    t = misdecode(t, page)
                recs.append(record(f"{lang}-{n:04d}-utf8-{page}-x{level}", lang, "utf8", t,
                                   s["text"], f"UTF-8 decoded as {page}, {level}×",
                                   decoded_as=page, level=level))
        # U+FFFD for undefined bytes, where that changes anything
        fffd = [(n, s) for n, s in usable
                if misdecode(s["text"], page, True) != misdecode(s["text"], page)]
        for n, s in sample(fffd, PER_CHANNEL // 4, f"fffd-{page}"):
            recs.append(record(f"{lang}-{n:04d}-utf8-fffd-{page}", lang, "utf8-fffd",
                               misdecode(s["text"], page, True), s["text"],
                               f"UTF-8 decoded as {page}, undefined bytes as U+FFFD",
                               decoded_as=page, level=1))
        nbsp = [(n, s) for n, s in usable if "\u00a0" in misdecode(s["text"], page)]
        for n, s in sample(nbsp, PER_CHANNEL // 4, f"nbsp-{page}"):
            recs.append(record(f"{lang}-{n:04d}-utf8-nbsp-{page}", lang, "utf8-nbsp",
                               misdecode(s["text"], page).replace("\u00a0", " "), s["text"],
                               f"UTF-8 decoded as {page}, no-break spaces then made spaces",
                               decoded_as=page, level=1))
    page = MIXED_PAGE.get(lang, "windows-1252")
    mixed = []
    for n, s in usable:
        d = mixed_damage(s["text"], page, random.Random(f"{SEED}-{lang}-mixed-{n}"))
        if d is not None and d != s["text"]:
            mixed.append((n, s, d))
    r = random.Random(f"{SEED}-{lang}-mixed")
    for n, s, d in sorted(r.sample(mixed, min(PER_CHANNEL, len(mixed))), key=lambda x: x[0]):
        recs.append(record(f"{lang}-{n:04d}-utf8-mixed", lang, "utf8-mixed", d, s["text"],
                           f"some words decoded as {page}, the rest correct",
                           decoded_as=page, level=1))
    for written, read_as in LEGACY.get(lang, []):
        ok = [(n, s, legacy(s["text"], written, read_as)) for n, s in usable]
        ok = [(n, s, d) for n, s, d in ok if d is not None and d != s["text"]]
        r = random.Random(f"{SEED}-{lang}-{written}-{read_as}")
        for n, s, d in sorted(r.sample(ok, min(PER_CHANNEL, len(ok))), key=lambda x: x[0]):
            recs.append(record(f"{lang}-{n:04d}-legacy-{written}-as-{read_as}", lang, "legacy",
                               d, s["text"], f"{written} text decoded as {read_as}",
                               written_in=written, decoded_as=read_as, level=1))
    del rng
    return recs


def find_input(name: str, dirs: list[str]) -> Path:
    for d in dirs:
        p = Path(d) / name
        if p.is_file():
            return p
    sys.exit(f"missing input {name} in {dirs}; see fixtures/eval/mojibake/README.md")


def build(args) -> tuple[dict[str, bytes], dict]:
    deb = find_input(TR_DEB, args.inputs)
    if sha256(deb.read_bytes()) != TR_DEB_SHA256:
        sys.exit(f"{deb}: unexpected checksum")
    outputs, stats = {}, {"inputs": {}, "counts": {}, "tr_pool": 0}
    for lang in LANGS:
        if lang == "tr":
            pool = tr_sentences(deb)
            stats["tr_pool"] = len(pool)
            sentences = sorted(random.Random(f"{SEED}-tr-pick").sample(
                pool, min(CLEAN_PER_LANG, len(pool))), key=lambda s: pool.index(s))
        else:
            sentences, digest = mixed_script_clean(lang)
            stats["inputs"][lang] = digest
        recs = build_lang(lang, sentences)
        outputs[f"{lang}.jsonl"] = "".join(
            json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in recs
        ).encode("utf-8")
        counts: dict[str, int] = {}
        for r in recs:
            key = r["channel"] if r["channel"] != "utf8" else f"utf8-x{r['level']}"
            counts[key] = counts.get(key, 0) + 1
        stats["counts"][lang] = counts
    outputs["README.md"] = render_readme(stats, outputs).encode("utf-8")
    return outputs, stats


def render_readme(stats: dict, outputs: dict[str, bytes]) -> str:
    chans = ["clean", "utf8-x1", "utf8-x2", "utf8-x3", "utf8-fffd", "utf8-nbsp", "utf8-mixed",
             "legacy"]
    rows = []
    for lang in LANGS:
        c = stats["counts"][lang]
        rows.append(f"| {lang} | " + " | ".join(str(c.get(k, 0)) for k in chans)
                    + f" | {len(outputs[lang + '.jsonl']):,} |")
    total = sum(len(outputs[f"{lang}.jsonl"]) for lang in LANGS)
    inputs = "\n".join(f"| `fixtures/eval/mixed-script/{lang}.jsonl` | `{d}` |"
                       for lang, d in stats["inputs"].items())
    pages = ", ".join(f"`{p}`" for p, _ in UTF8_PAGES)
    legacy_rows = "\n".join(f"| {lang} | " + ", ".join(f"`{w}` as `{r}`" for w, r in pairs) + " |"
                            for lang, pairs in LEGACY.items())
    return f"""# Mojibake evaluation set

**Generated — do not edit by hand.** Real sentences in eight languages and
deterministic copies of them decoded with the wrong encoding. Use it to
measure exact recovery per encoding pair and level, and false changes on the
clean sentences.

```sh
python3 scripts/make_mojibake_eval.py           # regenerate (inputs: see below)
python3 scripts/make_mojibake_eval.py --check   # verify the committed files
```

## Format

`<lang>.jsonl`, UTF-8, one JSON object per line:

```json
{{"id":"ru-0007-utf8-windows-1251-x1","lang":"ru","channel":"utf8","input":"РџСЂРё …","expect":"При …","decoded_as":"windows-1251","level":1,"note":"UTF-8 decoded as windows-1251, 1×"}}
```

* `id` = `<lang>-<NNNN>-<channel…>`; `NNNN` numbers the clean sentence, and
  every damaged record of sentence `NNNN` has it as `expect`.
* `channel`:
  * `clean` — the sentence itself (`input` = `expect`): a repairer must
    leave it alone, typography included;
  * `utf8` — UTF-8 bytes decoded as `decoded_as`, `level` times (the result
    saved as UTF-8 and decoded wrongly again for levels 2 and 3);
  * `utf8-fffd` — level 1, with bytes the page leaves undefined decoded as
    U+FFFD instead of C1 controls (only sentences where that happens);
  * `utf8-nbsp` — level 1, then every U+00A0 made a space (the 0xA0 byte is
    lost; only sentences whose mojibake holds a no-break space);
  * `utf8-mixed` — about half of the words that hold non-ASCII letters
    decoded as `decoded_as`, the others correct, in one line;
  * `legacy` — the sentence encoded in `written_in` and decoded as
    `decoded_as` (8-bit text read with the wrong 8-bit page).
* Undefined bytes decode as the WHATWG Encoding Standard decodes them: 0x80
  to 0x9F as the C1 control of that value, other bytes as U+FFFD. Tables are
  Python's codecs (KOI8-U is RFC 2319's: 0xAE `╝` and 0xBE `╬`, where the
  WHATWG table has `ў` and `Ў`).
* Only sentences with at least one non-ASCII character are damaged (English
  has few), at most {PER_PAIR} per language, page and level ({PER_TRIPLE}
  for level 3), {PER_CHANNEL // 4} per language and page for `utf8-fffd`
  and `utf8-nbsp`, {PER_CHANNEL} for `utf8-mixed` and each legacy pair.

UTF-8 pages: {pages}; level 3 for {", ".join(f"`{p}`" for p in TRIPLE_PAGES)}.
`utf8-mixed` uses windows-1251 for ru, uk and bg and windows-1252 for the
others. Legacy pairs (a sentence the written-in page cannot encode is
skipped):

| lang | pairs |
| --- | --- |
{legacy_rows}

## Counts

| lang | clean | utf8 ×1 | utf8 ×2 | utf8 ×3 | fffd | nbsp | mixed | legacy | bytes |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
{chr(10).join(rows)}

Total: {total:,} bytes.

## Sources and licences

| lang | source | licence |
| --- | --- | --- |
| ru uk bg en de fr el | the `clean` records (300 per language) of `fixtures/eval/mixed-script/`, themselves real sentences from Debian packages and the UDHR: see `fixtures/eval/mixed-script/README.md` | as listed there (GPL-2, GPL-3+, GPL-1+, public domain, UDHR) |
| tr | Turkish manual pages, Debian `manpages-tr` 2.0.6-2 (`/usr/share/man/tr/`), running text after the NAME and SYNOPSIS sections, translator and copyright sections skipped; sentences of 6–40 words with at least one of `ç ğ ı ö ş ü`, no markup, not English; {CLEAN_PER_LANG} drawn with a fixed seed from {stats["tr_pool"]} | GNU GPL (Debian copyright file: files without their own notice are under the GNU GPL; © 2003-2023 Turkish Linux Documentation WG) |

Inputs: the `.deb` (the script refuses another checksum) and the
mixed-script files as they were when this set was built (only their `clean`
records are read; a regenerated mixed-script set with other sentences gives
another set here):

| file | sha256 |
| --- | --- |
| `{TR_DEB}` | `{TR_DEB_SHA256}` |
{inputs}

```sh
cd /tmp/debs && apt-get download manpages-tr=2.0.6-2
cd /work/main && python3 scripts/make_mojibake_eval.py
```
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", nargs="+", default=DEFAULT_INPUT_DIRS)
    ap.add_argument("--out", type=Path, default=OUT_DIR)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    outputs, _ = build(args)
    if args.check:
        bad = [n for n, d in sorted(outputs.items())
               if not (args.out / n).is_file() or (args.out / n).read_bytes() != d]
        if bad:
            sys.exit(f"out of date: {', '.join(bad)}")
        print(f"{args.out}: {len(outputs)} files up to date")
        return
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in sorted(outputs.items()):
        (args.out / name).write_bytes(data)
        print(f"{args.out / name}: {len(data):,} bytes")


if __name__ == "__main__":
    main()
