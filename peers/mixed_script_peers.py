#!/usr/bin/env python3
"""Score peers on the mixed-script repair evaluation set.

Peer comparison only: not part of polynorm, never built or run by CI.
Python 3.11; needs ``ftfy`` (pinned in ``peers/requirements.txt``, installed
into a venv under /tmp, see ``peers/README.md``).

Tools scored on ``fixtures/eval/mixed-script/*.jsonl``:

* ``identity``            -- returns the input unchanged (baseline);
* ``ftfy default``        -- ``ftfy.fix_text(text)``, default configuration;
* ``ftfy encoding-only``  -- ``ftfy.fix_text(text, config)`` with only the
                             mojibake fixes on (``fix_encoding`` and its
                             helpers) and every cosmetic fix and the
                             normalization off: the one part of ftfy that
                             re-reads characters as other characters;
* ``decancer``            -- ``decancer::cure(text, Options::default())``,
                             run by the Rust tool in ``peers/decancer-eval/``
                             (this script only reads its output).

Metrics (one error per corrupted record; see the evaluation set's README):

* recall    -- corrupted records with ``output == expect`` / corrupted records;
* precision -- records with ``output == expect`` among the records the tool
               changed (``output != input``); a changed clean record counts
               as a wrong change;
* clean     -- share of clean sentences changed, and changed tokens per
               20,000 tokens (tokens = whitespace-split words of the input; a
               token is changed when the output token at the same index
               differs; when the token count changed, every input token of
               that sentence counts as changed);
* decancer only -- whether ``cure(input) == cure(expect)`` (plain string
               equality, and decancer's own similar-character comparison):
               could a user MATCH the corrupted text to the right text.

Speed: each tool's function alone over every record's ``input`` (no I/O, no
JSON inside the timed loop), ``--repeat`` passes, median pass reported.

Usage (from the repository root; see peers/README.md for the whole recipe):

  /tmp/polynorm-peers-venv/bin/python peers/mixed_script_peers.py

Writes ``peers/results/mixed-script-peers.md`` (``--out``) and raw per-record
outputs under ``/tmp/polynorm-peers/`` (``--raw-dir``; never committed).
"""

from __future__ import annotations

import argparse
import collections
import datetime
import difflib
import hashlib
import importlib.metadata
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

try:
    import ftfy
except ImportError:  # pragma: no cover - guidance only
    sys.exit(
        "ftfy is not installed: create the venv first (see peers/README.md):\n"
        "  python3.11 -m venv /tmp/polynorm-peers-venv\n"
        "  /tmp/polynorm-peers-venv/bin/pip install -r peers/requirements.txt"
    )

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "peers"
LANG_ORDER = ["en", "ru", "uk", "be", "bg", "sr", "de", "fr", "es", "el"]
CHANNELS = [
    "clean",
    "homoglyph",
    "homoglyph-word",
    "layout-inword",
    "layout-word",
    "layout-line",
]
CORRUPTED = CHANNELS[1:]
TOKENS_PER = 20_000

FTFY_ENCODING_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

# Only used to explain ftfy's default changes in the caveats.
NO_UNCURL = ftfy.TextFixerConfig(uncurl_quotes=False)

PY_TOOLS: list[tuple[str, str, Callable[[str], str]]] = [
    # (name, raw-output file stem, function)
    ("identity", "identity", lambda s: s),
    ("ftfy default", "ftfy-default", ftfy.fix_text),
    (
        "ftfy encoding-only",
        "ftfy-encoding-only",
        lambda s: ftfy.fix_text(s, FTFY_ENCODING_ONLY),
    ),
]
DECANCER = "decancer"


# ---------------------------------------------------------------- loading


def load_records(eval_dir: Path) -> tuple[list[dict], str]:
    """Records of every ``*.jsonl`` in name order, and a SHA-256 over the files."""
    files = sorted(eval_dir.glob("*.jsonl"))
    if not files:
        sys.exit(f"{eval_dir}: no *.jsonl files")
    digest = hashlib.sha256()
    records = []
    for f in files:
        data = f.read_bytes()
        digest.update(data)
        for n, line in enumerate(data.decode("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            r = json.loads(line)
            for key in ("id", "lang", "channel", "input", "expect"):
                if not isinstance(r.get(key), str):
                    sys.exit(f"{f}:{n}: missing string field {key!r}")
            if r["channel"] not in CHANNELS:
                sys.exit(f"{f}:{n}: unknown channel {r['channel']!r}")
            records.append(r)
    return records, digest.hexdigest()


def load_decancer(path: Path, records: list[dict]) -> tuple[list[dict], dict]:
    """Per-record rows written by peers/decancer-eval, checked against the set."""
    meta_path = Path(f"{path}.meta.json")
    if not path.is_file() or not meta_path.is_file():
        sys.exit(
            f"{path} (or its .meta.json) is missing: run the Rust tool first "
            "(see peers/README.md) or pass --no-decancer"
        )
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    if [r["id"] for r in rows] != [r["id"] for r in records]:
        sys.exit(f"{path}: record ids differ from the evaluation set (stale output?)")
    meta = json.loads(meta_path.read_text("utf-8"))
    for row, rec in zip(rows, records):
        if row["output"] is None:  # cure() failed: count as unchanged
            row["output"] = rec["input"]
    return rows, meta


# ---------------------------------------------------------------- metrics


def changed_tokens(inp: str, out: str) -> int:
    a, b = inp.split(), out.split()
    if len(a) != len(b):
        return len(a)
    return sum(x != y for x, y in zip(a, b))


class Tally:
    """Counts for one (tool, group of records)."""

    def __init__(self) -> None:
        self.corrupted = 0
        self.hits = 0  # corrupted, output == expect
        self.changed = 0  # any record, output != input
        self.changed_hits = 0  # changed and output == expect
        self.clean = 0
        self.clean_changed = 0
        self.tokens = 0
        self.tokens_changed = 0
        self.match_strict = 0  # decancer: cure(input) == cure(expect)
        self.match_similar = 0

    def add(self, rec: dict, out: str, extra: dict | None = None) -> None:
        changed = out != rec["input"]
        hit = out == rec["expect"]
        self.changed += changed
        self.changed_hits += changed and hit
        if rec["channel"] == "clean":
            self.clean += 1
            self.clean_changed += changed
            self.tokens += len(rec["input"].split())
            self.tokens_changed += changed_tokens(rec["input"], out)
        else:
            self.corrupted += 1
            self.hits += hit
            if extra is not None:
                self.match_strict += bool(extra["match_strict"])
                self.match_similar += bool(extra["match_similar"])


def pct(num: int, den: int) -> str:
    return "—" if den == 0 else f"{100 * num / den:.1f} %"


def rp_cell(t: Tally, *, with_recall: bool = True) -> str:
    """'recall / precision (changed)'."""
    recall = pct(t.hits, t.corrupted) if with_recall else "—"
    return f"{recall} / {pct(t.changed_hits, t.changed)} ({t.changed})"


def per20k(t: Tally) -> str:
    return "—" if t.tokens == 0 else f"{TOKENS_PER * t.tokens_changed / t.tokens:,.1f}"


def show(s: str) -> str:
    """`s` (U+XXXX…) for a report; ∅ for the empty string."""
    if not s:
        return "∅"
    return f"`{s}` ({' '.join(f'U+{ord(c):04X}' for c in s)})"


def substitutions(records: list[dict], outputs: list[str], top: int = 8) -> list[tuple[str, int]]:
    """Most frequent character edits (input → output) over changed records."""
    edits: collections.Counter[str] = collections.Counter()
    for rec, out in zip(records, outputs):
        if out == rec["input"]:
            continue
        sm = difflib.SequenceMatcher(None, rec["input"], out, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op != "equal":
                edits[f"{show(rec['input'][i1:i2])} → {show(out[j1:j2])}"] += 1
    return edits.most_common(top)


# ---------------------------------------------------------------- timing


def time_tool(fn: Callable[[str], str], inputs: list[str], repeat: int) -> list[float]:
    passes = []
    for _ in range(repeat):
        start = time.perf_counter()
        for s in inputs:
            fn(s)
        passes.append(time.perf_counter() - start)
    return passes


def speed_row(name: str, runs_on: str, n: int, nbytes: int, passes: list[float]) -> str:
    med = statistics.median(passes)
    return (
        f"| {name} | {runs_on} | {n / med:,.0f} | {nbytes / med / 1e6:,.2f} "
        f"| {med * 1e3:,.1f} ms | {min(passes) * 1e3:,.1f} ms | {len(passes)} |"
    )


# ---------------------------------------------------------------- environment


def cargo_lock_version(lock: Path, package: str) -> str:
    text = lock.read_text("utf-8") if lock.is_file() else ""
    m = re.search(rf'name = "{re.escape(package)}"\nversion = "([^"]+)"', text)
    return m.group(1) if m else "?"


def command_version(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    osname = platform.system()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                osname = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return f"{os.cpu_count()} × {cpu} ({platform.machine()}), {osname}, one thread used"


# ---------------------------------------------------------------- report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval-dir", type=Path, default=ROOT / "fixtures/eval/mixed-script")
    ap.add_argument("--decancer-output", type=Path, default=Path("/tmp/polynorm-peers/decancer.jsonl"))
    ap.add_argument("--no-decancer", action="store_true", help="score the Python tools only")
    ap.add_argument("--raw-dir", type=Path, default=Path("/tmp/polynorm-peers"))
    ap.add_argument("--out", type=Path, default=PEERS / "results/mixed-script-peers.md")
    ap.add_argument("--repeat", type=int, default=5, help="timed passes per tool (median reported)")
    args = ap.parse_args()

    records, digest = load_records(args.eval_dir)
    inputs = [r["input"] for r in records]
    input_bytes = sum(len(s.encode("utf-8")) for s in inputs)
    langs = [l for l in LANG_ORDER if any(r["lang"] == l for r in records)]
    langs += sorted({r["lang"] for r in records} - set(langs))
    args.raw_dir.mkdir(parents=True, exist_ok=True)

    # outputs[tool] = list of output strings; extras[tool] = per-record extra rows
    outputs: dict[str, list[str]] = {}
    extras: dict[str, list[dict] | None] = {}
    passes: dict[str, list[float]] = {}
    for name, stem, fn in PY_TOOLS:
        outs = [fn(s) for s in inputs]
        outputs[name], extras[name] = outs, None
        with open(args.raw_dir / f"{stem}.jsonl", "w", encoding="utf-8") as f:
            for r, o in zip(records, outs):
                row = {"id": r["id"], "lang": r["lang"], "channel": r["channel"], "output": o}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        passes[name] = time_tool(fn, inputs, args.repeat)

    meta: dict = {}
    if not args.no_decancer:
        rows, meta = load_decancer(args.decancer_output, records)
        outputs[DECANCER] = [row["output"] for row in rows]
        extras[DECANCER] = rows
        passes[DECANCER] = list(meta["pass_seconds"])
    tools = list(outputs)

    def tally(tool: str, keep: Callable[[dict], bool]) -> Tally:
        t = Tally()
        ex = extras[tool]
        for i, (rec, out) in enumerate(zip(records, outputs[tool])):
            if keep(rec):
                t.add(rec, out, ex[i] if ex is not None else None)
        return t

    n_clean = sum(r["channel"] == "clean" for r in records)
    lock = PEERS / "decancer-eval/Cargo.lock"
    versions = {
        "ftfy": ftfy.__version__,
        "wcwidth": importlib.metadata.version("wcwidth"),
        "python": platform.python_version(),
        "decancer": cargo_lock_version(lock, "decancer"),
        "serde_json": cargo_lock_version(lock, "serde_json"),
        "rustc": command_version("rustc", "--version"),
    }
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()

    L: list[str] = []
    w = L.append
    w("# Mixed-script repair: peers on `fixtures/eval/mixed-script/`")
    w("")
    w(f"Generated by `peers/mixed_script_peers.py` on {today} (UTC); do not edit by hand, rerun it")
    w("(recipe: `peers/README.md`). Nothing here is built or run by CI.")
    w("")
    w(
        f"- **Set:** {len(records):,} records in {len(langs)} languages: {n_clean:,} clean sentences, "
        f"{len(records) - n_clean:,} corrupted copies (one error each); "
        f"{input_bytes / 1e6:.2f} MB of `input` text. SHA-256 of the `*.jsonl` files "
        f"concatenated in name order: `{digest[:16]}…`."
    )
    w(
        f"- **Peers:** ftfy {versions['ftfy']} (wcwidth {versions['wcwidth']}) on CPython "
        f"{versions['python']}; decancer {versions['decancer']} (Rust crate, release build, "
        f"serde_json {versions['serde_json']}, {versions['rustc']}); identity baseline."
    )
    w(f"- **Machine:** {machine()}.")
    w("- **Configurations:**")
    w("  - *ftfy default*: `ftfy.fix_text(text)`.")
    w(
        "  - *ftfy encoding-only*: `ftfy.fix_text(text, TextFixerConfig(...))` with `fix_encoding`, "
        "`restore_byte_a0`, `replace_lossy_sequences`, `decode_inconsistent_utf8`, "
        "`fix_c1_controls` on and `unescape_html`, `remove_terminal_escapes`, "
        "`fix_latin_ligatures`, `fix_character_width`, `uncurl_quotes`, `fix_line_breaks`, "
        "`fix_surrogates`, `remove_control_chars` off, `normalization=None`. ftfy has no "
        "homoglyph or keyboard-layout fix; its mojibake decoder is the only part that re-reads "
        "characters as other characters, so this is the \"only the relevant fixes\" setting."
    )
    w(
        "  - *decancer*: `decancer::cure(text, Options::default())`; its output is the cured "
        "string (lower-case, diacritics removed, Cyrillic and Greek mapped to Latin lookalikes)."
    )
    w("")
    w("Definitions: **recall** = corrupted records whose output equals `expect`; **precision** =")
    w("among records the tool changed (output ≠ input), the share whose output equals `expect`")
    w("(a changed clean record is a wrong change); a cell `R / P (n)` gives recall, precision and")
    w("the number of records changed; `—` = undefined (nothing to count).")
    w("")

    # -- table 1: by channel
    w("## Repair by channel")
    w("")
    w("Cell: recall / precision (records changed).")
    w("")
    w("| channel | N | " + " | ".join(tools) + " |")
    w("| --- | ---: | " + " | ".join("---" for _ in tools) + " |")
    for ch in CHANNELS:
        row = [ch, str(sum(r["channel"] == ch for r in records))]
        for tool in tools:
            row.append(rp_cell(tally(tool, lambda r, ch=ch: r["channel"] == ch), with_recall=ch != "clean"))
        w("| " + " | ".join(row) + " |")
    row = ["**all corrupted**", str(len(records) - n_clean)]
    row += [rp_cell(tally(t, lambda r: r["channel"] != "clean")) for t in tools]
    w("| " + " | ".join(row) + " |")
    row = ["**all records**", str(len(records))]
    row += [rp_cell(tally(t, lambda r: True), with_recall=False) for t in tools]
    w("| " + " | ".join(row) + " |")
    w("")

    # -- table 2: clean
    w("## False changes on the clean sentences")
    w("")
    n_tokens = tally("identity", lambda r: r["channel"] == "clean").tokens
    w(f"{n_clean:,} clean sentences, {n_tokens:,} whitespace tokens.")
    w("")
    w("| tool | sentences changed | share | tokens changed | per 20,000 tokens |")
    w("| --- | ---: | ---: | ---: | ---: |")
    for tool in tools:
        t = tally(tool, lambda r: r["channel"] == "clean")
        w(f"| {tool} | {t.clean_changed:,} | {pct(t.clean_changed, t.clean)} | {t.tokens_changed:,} | {per20k(t)} |")
    w("")
    for tool in tools:
        if tool == DECANCER:
            continue
        subs = substitutions(records, outputs[tool])
        if subs:
            w(f"What *{tool}* changed (character edits over all changed records, most frequent first):")
            w(", ".join(f"{s} ×{n}" for s, n in subs) + ".")
            w("")

    # -- table 3: per language
    w("## Per language")
    w("")
    w(
        "Cell: recall on the language's corrupted records / precision over all its records "
        "(records changed, clean ones included)."
    )
    w("")
    w("| lang | N corrupted | " + " | ".join(tools) + " |")
    w("| --- | ---: | " + " | ".join("---" for _ in tools) + " |")
    for lang in langs:
        cor = tally("identity", lambda r, l=lang: r["lang"] == l and r["channel"] != "clean").corrupted
        row = [lang, str(cor)]
        for tool in tools:
            tc = tally(tool, lambda r, l=lang: r["lang"] == l and r["channel"] != "clean")
            ta = tally(tool, lambda r, l=lang: r["lang"] == l)
            row.append(f"{pct(tc.hits, tc.corrupted)} / {pct(ta.changed_hits, ta.changed)} ({ta.changed})")
        w("| " + " | ".join(row) + " |")
    w("")
    w("Clean sentences — cell: sentences changed (share) · changed tokens per 20,000.")
    w("")
    w("| lang | N clean | tokens | " + " | ".join(tools) + " |")
    w("| --- | ---: | ---: | " + " | ".join("---" for _ in tools) + " |")
    for lang in langs:
        base = tally("identity", lambda r, l=lang: r["lang"] == l and r["channel"] == "clean")
        row = [lang, str(base.clean), f"{base.tokens:,}"]
        for tool in tools:
            t = tally(tool, lambda r, l=lang: r["lang"] == l and r["channel"] == "clean")
            row.append(f"{t.clean_changed} ({pct(t.clean_changed, t.clean)}) · {per20k(t)}")
        w("| " + " | ".join(row) + " |")
    w("")

    # -- table 4: decancer as a matcher
    if DECANCER in outputs:
        w("## decancer: not a repair tool, but does it let you match?")
        w("")
        w("decancer rewrites every string into a lower-case Latin skeleton, so exact repair is")
        w("impossible by design. The useful question is whether `cure(input) == cure(expect)`:")
        w("would a user who cures both sides find the corrupted text equal to the right one.")
        w("*string* = the two cured strings are byte-equal; *similar* = decancer's own")
        w("`CuredString == &str` comparison (similar characters, leetspeak). For the clean")
        w("channel the cells show how often `cure` changes the text at all.")
        w("")
        w("| channel | N | exact (`cure(input) == expect`) | match: string | match: similar |")
        w("| --- | ---: | ---: | ---: | ---: |")
        for ch in CHANNELS:
            t = tally(DECANCER, lambda r, ch=ch: r["channel"] == ch)
            if ch == "clean":
                w(
                    f"| clean | {t.clean} | changed: {pct(t.clean_changed, t.clean)} of sentences, "
                    f"{per20k(t)} tokens per 20,000 | — | — |"
                )
            else:
                w(
                    f"| {ch} | {t.corrupted} | {pct(t.hits, t.corrupted)} | "
                    f"{pct(t.match_strict, t.corrupted)} | {pct(t.match_similar, t.corrupted)} |"
                )
        t = tally(DECANCER, lambda r: r["channel"] != "clean")
        w(
            f"| **all corrupted** | {t.corrupted} | {pct(t.hits, t.corrupted)} | "
            f"{pct(t.match_strict, t.corrupted)} | {pct(t.match_similar, t.corrupted)} |"
        )
        w("")
        w("Match rate (string) per language and channel:")
        w("")
        w("| lang | " + " | ".join(CORRUPTED) + " | all corrupted |")
        w("| --- | " + " | ".join("---:" for _ in CORRUPTED) + " | ---: |")
        for lang in langs:
            row = [lang]
            for ch in CORRUPTED + ["*"]:
                t = tally(
                    DECANCER,
                    lambda r, l=lang, ch=ch: r["lang"] == l
                    and r["channel"] != "clean"
                    and (ch == "*" or r["channel"] == ch),
                )
                row.append(pct(t.match_strict, t.corrupted))
            w("| " + " | ".join(row) + " |")
        w("")
        pairs: collections.Counter[tuple[str, bool]] = collections.Counter()
        for rec, ex in zip(records, extras[DECANCER] or []):
            if rec["channel"].startswith("layout-"):
                pairs[("→".join(rec.get("layouts") or []), bool(ex["match_strict"]))] += 1
        hit_pairs = sorted(
            {p for p, ok in pairs if ok}, key=lambda p: (-pairs[(p, True)], p)
        )
        if hit_pairs:
            w(
                "Layout-channel matches (string) by `typed-on→intended` pair, where any: "
                + ", ".join(
                    f"`{p}` {pairs[(p, True)]}/{pairs[(p, True)] + pairs[(p, False)]}" for p in hit_pairs
                )
                + ". These are coincidences where the key typed gives a letter whose decancer "
                "skeleton is that of the intended letter (mostly phonetic layouts), not layout repair."
            )
            w("")
        w(
            f"The price of matching is false matches. The {meta['clean_word_types']:,} distinct "
            f"lower-cased words of the clean sentences (edges trimmed of punctuation) cure to "
            f"{meta['cured_word_types']:,} forms; {meta['word_types_sharing_cured_form']:,} words share "
            f"a cured form with another word, and {meta['cross_script_word_types']:,} words in "
            f"{meta['cross_script_cured_forms']:,} cured forms collide across scripts (or with digits), "
            "e.g. "
            + ", ".join(" = ".join(f"`{x}`" for x in g) for g in meta["cross_script_examples"][:8])
            + "."
        )
        if meta.get("errors"):
            w("")
            w(f"`cure` returned an error for {meta['errors']} records (scored as unchanged).")
        w("")

    # -- table 5: speed
    w("## Speed")
    w("")
    w(
        f"Each tool's function alone over all {len(records):,} `input` strings "
        f"({input_bytes / 1e6:.2f} MB UTF-8; MB = 10⁶ bytes), one call per record, one thread; "
        "median of the passes (best pass beside it). The Python tools are timed in-process by "
        "this script, decancer by its Rust tool (release build, `cure` only)."
    )
    w("")
    w("| tool | runs on | records/s | MB/s | median pass | best pass | passes |")
    w("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for tool in tools:
        runs_on = f"CPython {versions['python']}" if tool != DECANCER else "Rust (native)"
        if tool == "identity":
            runs_on += " (loop overhead only)"
        w(speed_row(tool, runs_on, len(records), input_bytes, passes[tool]))
    w("")

    # -- caveats
    w("## Caveats")
    w("")
    w(
        "- The corruptions are synthetic (real sentences, one simulated error per record) and a "
        "record is scored on the whole line: a tool that also changes anything else in the line "
        "misses it and the change counts against its precision."
    )
    w(
        "- ftfy fixes mojibake and typography; it makes no claim about homoglyphs or keyboard "
        f"layouts, so its {pct(tally('ftfy default', lambda r: r['channel'] != 'clean').hits, len(records) - n_clean)} recall is out of scope, not a defect. Its *default* changes on this "
        "set are the character edits listed under the clean table"
        + (
            " (all by design: `uncurl_quotes`; with it off the default changes nothing here)"
            if all(ftfy.fix_text(s, NO_UNCURL) == s for s in inputs)
            else ""
        )
        + ", which this set counts as false changes."
        + (
            " Most are cosmetic, but `ʼ` U+02BC is a letter (the apostrophe inside Ukrainian and "
            "Belarusian words), so turning it into ASCII `'` does alter words."
            if any("\u02bc" in r["input"] and o != r["input"] for r, o in zip(records, outputs["ftfy default"]))
            else ""
        )
        + (
            " With only the mojibake fixes on, ftfy changed no record: it does not mistake "
            "homoglyphs or text typed on the wrong layout for mojibake, and does not repair them "
            "either."
            if tally("ftfy encoding-only", lambda r: True).changed == 0
            else " With only the mojibake fixes on, ftfy still changed "
            f"{tally('ftfy encoding-only', lambda r: True).changed} records (see the tables)."
        )
    )
    if DECANCER in outputs:
        dc = tally(DECANCER, lambda r: r["channel"] != "clean")
        dk = tally(DECANCER, lambda r: r["channel"] == "clean")
        misses = il_only = 0
        for rec, ex in zip(records, extras[DECANCER] or []):
            if rec["channel"].startswith("homoglyph") and not ex["match_strict"]:
                misses += 1
                a, b = ex["output"], ex["cured_expect"]
                il_only += len(a) == len(b) and all(
                    x == y or {x, y} == {"i", "l"} for x, y in zip(a, b)
                )
        w(
            "- decancer is a moderation/matching normaliser, not a repair tool: its output is a "
            "lower-case skeleton, not the original text, so its exact recall is "
            f"{pct(dc.hits, dc.corrupted)} and it changes {pct(dk.clean_changed, dk.clean)} of the "
            "clean sentences. As "
            f"a matcher it handles homoglyphs: of its {misses} string-equality misses on the two "
            f"homoglyph channels, {il_only} differ only by `i` vs `l` (Cyrillic `ӏ` U+04CF cures "
            "to `i`, Latin `l` stays `l`), which its similar-character comparison accepts. It does "
            "nothing for keyboard-layout slips beyond the coincidences noted above, and its "
            "skeletons merge unrelated words across scripts (see the collision count)."
        )
    w(
        "- Speed: a 2-core virtual machine, one thread, in-process loops (no process start-up, no "
        "I/O); Python (ftfy) and native Rust (decancer) are not like for like. Timings vary by a "
        "few per cent between runs; the recall/precision numbers are deterministic."
    )
    w("")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(L).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {args.out}; raw outputs in {args.raw_dir}/", file=sys.stderr)


if __name__ == "__main__":
    main()
