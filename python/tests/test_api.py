"""The Python API against the `polynorm` command on the same records, and
the shapes it takes and gives back."""

import json
import pickle
import threading
import time

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import polynorm
from conftest import json_string, jsonl_values, record_line


# --- the same answers as the command -------------------------------------------------


def test_clean_list_equals_cli_jsonl_byte_for_byte(corpus, cli_clean, cleaned):
    texts, _ = corpus
    got = "".join(record_line(i, t) for i, t in enumerate(cleaned)).encode("utf-8")
    assert got == cli_clean
    # The corpus is not trivially clean: some values change.
    assert sum(a != b for a, b in zip(texts, cleaned)) > 50


def test_clean_arrow_equals_clean_list(corpus, cleaned, sample):
    assert polynorm.clean(pa.array(corpus[0])).to_pylist() == cleaned
    texts, _ = sample
    listed = cleaned[::5]
    for kind in (pa.large_string(), pa.string_view()):
        arr = pa.array(texts, type=kind)
        out = polynorm.clean(arr)
        assert out.type == kind
        assert out.to_pylist() == listed


def test_explain_equals_cli_explain(sample, cli):
    texts, path = sample
    out = cli(
        ["clean", "--explain", "--input-format", "jsonl", "--field", "text", str(path)]
    ).stdout
    expected = [c["text"] for c in jsonl_values(out, "changes")]
    got = polynorm.explain(texts)
    assert [changes for _, changes in got] == expected
    assert [text for text, _ in got] == polynorm.clean(texts)
    assert sum(1 for c in expected if c) > 20
    # The Arrow form carries the same lists as JSON text.
    arrow = polynorm.explain(pa.array(texts[:500]))
    assert [json.loads(c) for c in arrow.field("changes").to_pylist()] == expected[:500]


def test_detect_equals_cli_detect(sample, cli):
    texts, path = sample
    out = cli(["detect", "--input-format", "jsonl", "--field", "text", str(path)]).stdout
    expected = [d["text"] for d in jsonl_values(out, "detect")]
    assert polynorm.detect(texts) == expected
    arrow = polynorm.detect(pa.array(texts))
    rows = arrow.to_pylist()
    assert [json.loads(r["analysis"]) for r in rows] == expected
    for row, analysis in zip(rows, expected):
        assert row["dominant_script"] == analysis["dominant_script"]
        language = analysis["language"] or {}
        assert row["language"] == language.get("lang")
        assert row["reliable"] == language.get("reliable")


@pytest.mark.parametrize(
    "scheme,flags",
    [("ru-icao", []), ("any-ascii", []), ("zh-pinyin", ["--name", "--tones"]), ("ru-iso9", ["--reverse"])],
)
def test_translit_equals_cli_translit(sample, cli, scheme, flags):
    texts, path = sample
    out = cli(["translit", "--scheme", scheme, *flags, "--input-format", "jsonl", "--field", "text", str(path)]).stdout
    options = {"name": "--name" in flags, "tones": "--tones" in flags, "reverse": "--reverse" in flags}
    got = polynorm.translit(texts, scheme, **options)
    assert "".join(record_line(i, t) for i, t in enumerate(got)).encode("utf-8") == out
    assert polynorm.translit(pa.array(texts), scheme, **options).to_pylist() == got


def test_pipeline_options_equal_cli_flags(sample, cli):
    texts, path = sample
    args = ["--enable", "quotes", "--enable", "fullwidth", "--disable", "keyboard-layouts", "--normalize", "nfkc", "--min-confidence", "0.95"]
    expected = cli(["clean", *args, "--input-format", "jsonl", "--field", "text", str(path)]).stdout
    p = polynorm.Pipeline(enable=["quotes", "fullwidth"], disable=["keyboard-layouts"], normalize="nfkc", min_confidence=0.95)
    got = "".join(record_line(i, t) for i, t in enumerate(p.clean(texts))).encode("utf-8")
    assert got == expected


def test_lexicon_words_are_left_alone(tmp_path, cli):
    lexicon = tmp_path / "words.txt"
    lexicon.write_text("# brands\nКоvalenko\n", encoding="utf-8")
    text = "The cop met Коvalenko and Kоvalenko today."
    p = polynorm.Pipeline(lexicon=[lexicon])
    expected = cli(["clean", "--lexicon", str(lexicon)], stdin=(text + "\n").encode()).stdout.decode()
    assert p.clean(text) + "\n" == expected
    assert polynorm.Pipeline(words=["Коvalenko"]).clean(text) == p.clean(text)


# --- errors carry the command's messages ------------------------------------------


def cli_error(cli, args) -> str:
    result = cli(args, stdin=b"", check=False)
    assert result.returncode == 2
    return result.stderr.decode()


@pytest.mark.parametrize(
    "kwargs,args",
    [
        ({"enable": ["quotes"], "disable": ["quotes"]}, ["--enable", "quotes", "--disable", "quotes"]),
        ({"enable": ["normalization"], "normalize": "none"}, ["--enable", "normalization", "--normalize", "none"]),
    ],
)
def test_pipeline_errors_are_the_cli_messages(cli, kwargs, args):
    with pytest.raises(ValueError) as e:
        polynorm.Pipeline(**kwargs)
    assert cli_error(cli, ["clean", *args]) == f"polynorm: {e.value}\n"


def test_unknown_rule_and_form_name_the_cli_flag_and_values(cli):
    with pytest.raises(ValueError) as e:
        polynorm.Pipeline(enable=["nonsense"])
    message = str(e.value)
    assert message.startswith("invalid value 'nonsense' for '--enable <RULE>'")
    stderr = cli_error(cli, ["clean", "--enable", "nonsense"])
    assert "invalid value 'nonsense' for '--enable <RULE>'" in stderr
    for rule, _, _ in polynorm.rules():
        assert rule in message and rule in stderr
    with pytest.raises(ValueError, match=r"invalid value 'nfx' for '--normalize <FORM>'"):
        polynorm.Pipeline(normalize="nfx")
    with pytest.raises(ValueError, match="is not between 0 and 1"):
        polynorm.Pipeline(min_confidence=1.5)


def test_translit_errors_are_the_cli_messages(cli):
    with pytest.raises(ValueError) as e:
        polynorm.translit("x", "ru-nonsense")
    assert cli_error(cli, ["translit", "--scheme", "ru-nonsense"]) == f"polynorm: {e.value}\n"
    with pytest.raises(ValueError) as e:
        polynorm.translit("x", "ru-icao", reverse=True)
    assert cli_error(cli, ["translit", "--scheme", "ru-icao", "--reverse"]) == f"polynorm: {e.value}\n"


def test_missing_lexicon_is_an_os_error():
    with pytest.raises(OSError, match="/nonexistent/words.txt: "):
        polynorm.Pipeline(lexicon=["/nonexistent/words.txt"])


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError, match="expected a str, a list of str or an Arrow string array, got int"):
        polynorm.clean(5)
    with pytest.raises(TypeError, match="item 1: expected a str or None, got bytes"):
        polynorm.clean(["a", b"b"])
    with pytest.raises(TypeError, match="expected an Arrow string array"):
        polynorm.clean(pa.array([1, 2]))


# --- shapes ---------------------------------------------------------------------------


def test_every_shape_gives_the_same_answer():
    texts = ["Sergey\u200b Shoigu", None, "Пpивет всем, как дела?", "ok", "", "a\u00a0b\r\nc\u200bd\n"]
    expected = [None if t is None else polynorm.clean(t) for t in texts]
    assert expected[0] == "Sergey Shoigu" and expected[2] == "Привет всем, как дела?"
    assert polynorm.clean(texts) == expected
    assert polynorm.clean(tuple(texts)) == expected
    assert polynorm.clean(pa.array(texts)).to_pylist() == expected
    chunked = pa.chunked_array([texts[:3], texts[3:]])
    out = polynorm.clean(chunked)
    assert isinstance(out, pa.ChunkedArray) and out.to_pylist() == expected
    series = polynorm.clean(pl.Series("t", texts))
    assert isinstance(series, pl.Series) and series.name == "t" and series.to_list() == expected
    frame = pd.Series(texts, index=range(10, 16), name="t")
    out = polynorm.clean(frame)
    assert list(out.index) == list(range(10, 16)) and out.name == "t"
    assert [None if pd.isna(v) else v for v in out] == expected
    arrow_backed = pd.Series(texts, dtype=pd.ArrowDtype(pa.string()))
    out = polynorm.clean(arrow_backed)
    assert isinstance(out.dtype, pd.ArrowDtype)
    assert [None if pd.isna(v) else v for v in out] == expected


def test_unchanged_values_come_back_as_the_same_objects():
    s = "nothing to do here"
    assert polynorm.clean(s) is s
    items = [s, "x\u200by"]
    out = polynorm.clean(items)
    assert out[0] is s and out[1] == "xy"
    arr = pa.array(["clean", None, "text"])
    assert polynorm.clean(arr) is arr
    assert polynorm.translit(arr, "ru-icao") is arr


def test_nulls_stay_null_in_every_output():
    arr = pa.array(["x\u200by", None])
    assert polynorm.clean(arr).to_pylist() == ["xy", None]
    assert polynorm.detect(arr).to_pylist()[1] is None
    assert polynorm.explain(arr).to_pylist()[1] is None
    assert polynorm.detect(["Сергей", None])[1] is None
    assert polynorm.explain([None]) == [None]


def test_explain_offsets_are_bytes_of_the_value():
    text, changes = polynorm.explain("ok\nx\u200by")
    assert text == "ok\nxy"
    assert [(c["kind"], c["start"], c["end"]) for c in changes] == [("zero_width", 4, 7)]


def test_pipeline_pickles_by_its_settings(tmp_path):
    lexicon = tmp_path / "w.txt"
    lexicon.write_text("Коvalenko\n", encoding="utf-8")
    p = polynorm.Pipeline(enable=["quotes"], disable=["zero-width"], normalize="nfd", lexicon=[lexicon])
    lexicon.unlink()  # the words travel with the pipeline, not the file
    q = pickle.loads(pickle.dumps(p))
    assert repr(q) == repr(p)
    for text in ["\u201chi\u201d\u200b", "Cafe\u0301", "The cop met Коvalenko."]:
        assert q.clean(text) == p.clean(text)
    assert q.is_enabled("quotes") and not q.is_enabled("zero-width")


def test_schemes_and_rules_are_listed():
    names = [s[0] for s in polynorm.schemes()]
    assert "ru-icao" in names and "any-ascii" in names
    rules = {name: default for name, _, default in polynorm.rules()}
    assert rules["zero-width"] and not rules["quotes"]


def test_the_gil_is_released_while_rust_runs():
    """Another Python thread keeps running while a big Arrow array is
    cleaned: the longest pause it sees is a small part of the call."""
    texts = pa.array(["Sergey\u200b Shoigu said the cooperation is strong."] * 1_000_000)
    polynorm.clean(texts[:10])
    state = {"running": True, "gaps": []}

    def watch():
        last = time.perf_counter()
        while state["running"]:
            now = time.perf_counter()
            state["gaps"].append(now - last)
            last = now

    started = time.perf_counter()
    watcher = threading.Thread(target=watch)
    watcher.start()
    polynorm.clean(texts)
    took = time.perf_counter() - started
    state["running"] = False
    watcher.join()
    assert took > 0.1, "the call must be long enough to tell"
    assert max(state["gaps"]) < took / 2
