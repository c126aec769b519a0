#!/usr/bin/env python3
"""Generate a JSONL corpus of real-text records for the batch benchmark.

Python 3.11, stdlib only. Nothing generated here is committed: the output
goes under /tmp (default /tmp/polynorm-batch/).

Sources (all committed in the repository, real text, see their READMEs):

* fixtures/bench/{en,ru,zh,mixed,dirty}.txt — one paragraph per line
  (English, Russian, Chinese, 21 languages in 11 scripts, and lines of
  those with scraper damage);
* fixtures/eval/mixed-script/*.jsonl and fixtures/eval/mojibake/*.jsonl —
  the `input` sentence of every case (clean and damaged, 12 languages).

Each record looks like a scraped item:

    {"id":123,"lang":"ru","source":"bench/ru","url":"https://example.org/ru/123",
     "title":"…first words…","text":"…one to three paragraphs…",
     "meta":{"crawl":"2026-11","chars":456,"tags":["ru","doc"]}}

Paragraphs are drawn with a fixed seed, so the same size gives the same
file. By default every paragraph is drawn uniformly from all of the above
(the stress corpus: about two thirds of its paragraphs are evaluation
sentences, half of those damaged on purpose). `--damaged-share P` makes a
more typical scraped corpus instead: each paragraph is, with probability P,
a damaged evaluation input (one whose `input` differs from its `expect`),
and otherwise a paragraph of fixtures/bench (real text as scraped, dirty.txt's
stray invisible characters included). Usage:

    python3 scripts/make_batch_corpus.py --size-mb 1000 \
        --out /tmp/polynorm-batch/corpus-1000mb.jsonl
    python3 scripts/make_batch_corpus.py --size-mb 100 --damaged-share 0.05 \
        --out /tmp/polynorm-batch/typical-100mb.jsonl

The bench paragraphs are few (about 3,100), so a corpus of 100 MB repeats
each about a hundred times, and a cleaner that remembers what it has judged
finds most of its work done. `--with-gettext` adds the translated strings of
the gettext catalogues installed on the machine (/usr/share/locale, the text
of `scripts/audit_gettext.py`: about 374,000 distinct lines in nine languages
on the Debian image we use, written by people), joined five to fifteen
consecutive strings of one catalogue to a paragraph, to the clean pool
(46,403 paragraphs, about 22 MB). Paragraphs are still drawn with
replacement, so in 100 MB 29.4% of the text bytes are a paragraph's first
appearance (the script prints the share) and a paragraph appears about four
times, but a recurrence lies tens of thousands of paragraphs away: far
beyond the judge's per-thread memos (at most 16,384 entries each, emptied
when full), so it is judged afresh, as a real crawl's text is:

    python3 scripts/make_batch_corpus.py --size-mb 100 --damaged-share 0.05 \
        --with-gettext --out /tmp/polynorm-batch/novel-100mb.jsonl
"""

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def paragraphs(damaged_only_eval=False):
    """(lang, source, text) for every real paragraph we have; with
    `damaged_only_eval`, only the evaluation inputs that are damaged."""
    out = []
    for name, lang in [("en", "en"), ("ru", "ru"), ("zh", "zh"), ("mixed", "mul"), ("dirty", "mul")]:
        for line in (ROOT / "fixtures/bench" / f"{name}.txt").read_text(encoding="utf-8").split("\n"):
            if line.strip():
                out.append((lang, f"bench/{name}", line))
    for family in ["mixed-script", "mojibake"]:
        for path in sorted((ROOT / "fixtures/eval" / family).glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").split("\n"):
                if not line.strip():
                    continue
                case = json.loads(line)
                if damaged_only_eval and case["input"] == case.get("expect"):
                    continue
                out.append((case.get("lang", path.stem), f"eval/{family}", case["input"]))
    return out


def gettext_paragraphs(rng):
    """(lang, source, text) paragraphs of the installed gettext catalogues:
    five to fifteen consecutive strings of one language joined by spaces."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("audit_gettext", ROOT / "scripts/audit_gettext.py")
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    out = []
    for lang in ["ru", "uk", "sr", "bg", "be", "el", "de", "fr", "es"]:
        lines = audit.language_lines(lang)
        at = 0
        while at < len(lines):
            k = rng.randint(5, 15)
            out.append((lang, "gettext/" + lang, " ".join(lines[at : at + k])))
            at += k
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=float, required=True, help="stop after this many MB (10^6 bytes)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--damaged-share",
        type=float,
        default=None,
        help="share of paragraphs that are damaged evaluation inputs (0..1); the rest come "
        "from fixtures/bench. Default: draw uniformly from all paragraphs (the stress corpus)",
    )
    ap.add_argument(
        "--with-gettext",
        action="store_true",
        help="add the installed gettext catalogues' strings to the clean pool (see above)",
    )
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if args.damaged_share is None:
        pool = paragraphs()
        if args.with_gettext:
            pool += gettext_paragraphs(rng)

        def draw():
            return rng.choice(pool)

    else:
        if not 0.0 <= args.damaged_share <= 1.0:
            ap.error("--damaged-share must be between 0 and 1")
        everything = paragraphs(damaged_only_eval=True)
        clean = [p for p in everything if p[1].startswith("bench/")]
        if args.with_gettext:
            clean += gettext_paragraphs(rng)
        damaged = [p for p in everything if p[1].startswith("eval/")]
        pool = clean + damaged

        def draw():
            return rng.choice(damaged if rng.random() < args.damaged_share else clean)

    limit = int(args.size_mb * 1_000_000)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    n = 0
    # Text bytes of paragraphs drawn for the first time, and of all drawn.
    seen = set()
    first_bytes = all_bytes = 0
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        buf = []
        while written < limit:
            k = rng.choice((1, 1, 1, 2, 3))
            picks = [draw() for _ in range(k)]
            for p in picks:
                size = len(p[2].encode("utf-8"))
                all_bytes += size
                if p[2] not in seen:
                    seen.add(p[2])
                    first_bytes += size
            lang, source, _ = picks[0]
            text = "\n".join(p[2] for p in picks)
            title = " ".join(picks[0][2].split()[:8])
            record = {
                "id": n,
                "lang": lang,
                "source": source,
                "url": f"https://example.org/{lang}/{n}",
                "title": title,
                "text": text,
                "meta": {"crawl": "2026-11", "chars": len(text), "tags": [lang, source.split("/")[0]]},
            }
            line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
            buf.append(line)
            written += len(line.encode("utf-8"))
            n += 1
            if len(buf) >= 10_000:
                f.write("".join(buf))
                buf.clear()
        f.write("".join(buf))
    print(
        f"{args.out}: {n} records, {written} bytes, from {len(pool)} paragraphs; "
        f"{100 * first_bytes / max(all_bytes, 1):.1f}% of the text bytes are a paragraph's first appearance"
    )


if __name__ == "__main__":
    main()
