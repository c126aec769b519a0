"""Shared fixtures: the corpus, the `polynorm` binary, a Spark session, and
the JSON escaping of the command's output."""

import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BENCH = ROOT / "fixtures" / "bench"

#: Characters the command writes as \\u escapes in JSON output (besides the
#: C0 controls, quote and backslash that every JSON writer escapes): the
#: ranges of `is_invisible` in crates/cli/json.rs.
INVISIBLE = [
    (0x0080, 0x00A0), (0x00AD, 0x00AD), (0x034F, 0x034F), (0x0600, 0x0605),
    (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F), (0x0890, 0x0891),
    (0x08E2, 0x08E2), (0x115F, 0x1160), (0x1680, 0x1680), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x2000, 0x200F), (0x2028, 0x202F), (0x205F, 0x206F),
    (0x3000, 0x3000), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD), (0x110CD, 0x110CD),
    (0x13430, 0x1343F), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
]
_SHORT = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}


def _invisible(o: int) -> bool:
    return any(lo <= o <= hi for lo, hi in INVISIBLE)


def json_string(s: str) -> str:
    """`s` as a JSON string exactly as the `polynorm` command writes it:
    serde_json's compact escaping (\\" \\\\ \\b \\t \\n \\f \\r, other C0
    controls as lowercase \\u00xx, everything else as UTF-8) plus lowercase
    \\uxxxx escapes (UTF-16 surrogate pairs above U+FFFF) for the invisible
    characters of crates/cli/json.rs."""
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch in _SHORT:
            out.append(_SHORT[ch])
        elif o < 0x20:
            out.append("\\u%04x" % o)
        elif _invisible(o):
            if o > 0xFFFF:
                v = o - 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF)))
            else:
                out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def record_line(i: int, text) -> str:
    """One record of the test JSONL, `{"id":N,"text":"…"}`, in the
    command's own escaping (so a record it leaves alone, which it copies
    byte for byte, and a record it changes, whose field it re-encodes, are
    written alike)."""
    value = "null" if text is None else json_string(text)
    return '{"id":%d,"text":%s}\n' % (i, value)


def corpus_texts(minimum: int = 10_000) -> list:
    """At least `minimum` real-text values from fixtures/bench/*.txt: every
    line, every sentence of a line with several, and pairs and triples of
    consecutive lines joined by "\\n" or "\\r\\n" (values of several lines
    are one document to the cleaner). Deterministic."""
    lines = []
    for path in sorted(BENCH.glob("*.txt")):
        lines.extend(l for l in path.read_text(encoding="utf-8").split("\n") if l.strip())
    texts = list(lines)
    for line in lines:
        parts = [p for p in line.split(". ") if p.strip()]
        if len(parts) > 1:
            texts.extend(parts)
    for i in range(0, len(lines) - 1, 2):
        texts.append(lines[i] + "\n" + lines[i + 1])
    for i in range(0, len(lines) - 2, 3):
        texts.append(lines[i] + "\r\n" + lines[i + 1] + "\n" + lines[i + 2] + "\n")
    k = 0
    while len(texts) < minimum:
        texts.append(lines[k % len(lines)])
        k += 1
    return texts


def write_jsonl(path, texts):
    with open(path, "w", encoding="utf-8", newline="") as f:
        for i, t in enumerate(texts):
            f.write(record_line(i, t))
    return path


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    """(texts, path of the JSONL file): at least 10,000 records."""
    texts = corpus_texts()
    return texts, write_jsonl(tmp_path_factory.mktemp("corpus") / "records.jsonl", texts)


@pytest.fixture(scope="session")
def sample(tmp_path_factory):
    """(texts, path of the JSONL file): 2,000 records of the corpus, every
    kind (single lines, sentences, values of several lines)."""
    texts = corpus_texts()
    picked = texts[::5]
    return picked, write_jsonl(tmp_path_factory.mktemp("sample") / "records.jsonl", picked)


@pytest.fixture(scope="session")
def cli_clean(corpus, cli):
    """The command's output for `clean --input-format jsonl --field text` on the corpus."""
    return cli(["clean", "--input-format", "jsonl", "--field", "text", str(corpus[1])]).stdout


@pytest.fixture(scope="session")
def cleaned(corpus):
    """polynorm.clean of the corpus, as a list."""
    import polynorm

    return polynorm.clean(corpus[0])


def _find_binary() -> pathlib.Path:
    given = os.environ.get("POLYNORM_BIN")
    if given:
        return pathlib.Path(given)
    dirs = [pathlib.Path(os.environ["CARGO_TARGET_DIR"])] if os.environ.get("CARGO_TARGET_DIR") else []
    dirs.append(ROOT / "target")
    for d in dirs:
        for profile in ("release", "debug"):
            p = d / profile / "polynorm"
            if p.is_file():
                return p
    pytest.fail("no polynorm binary: build it (cargo build --release) or set POLYNORM_BIN")


@pytest.fixture(scope="session")
def cli():
    """Runs the `polynorm` command: cli(args, input_path) -> CompletedProcess."""
    binary = _find_binary()

    def run(args, *, stdin=None, check=True):
        return subprocess.run(
            [str(binary), *args], input=stdin, capture_output=True, check=check
        )

    return run


@pytest.fixture(scope="session")
def spark():
    """A real PySpark session: local[2], a small JVM heap, small Arrow
    batches so that each task sees several."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("polynorm-tests")
        .config("spark.driver.memory", "768m")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "1000")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def jsonl_values(data: bytes, field: str) -> list:
    """The `field` of every JSONL record in `data`."""
    return [json.loads(line)[field] for line in data.decode("utf-8").splitlines()]
