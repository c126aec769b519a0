//! Batch jobs (issue 7): JSONL, CSV and TSV records, with generated inputs
//! large enough to span many chunks and threads.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::util::{bin, run, stderr, stdout};

/// A fresh scratch directory for one test.
fn scratch(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("batch-{test}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn arg(path: &std::path::Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// Sentences that exercise every path of `clean`: clean ASCII, clean
/// Cyrillic and CJK, hygiene damage, a lookalike letter, a layout slip.
const TEXTS: [&str; 8] = [
    "Sergey Shoigu met Li Shangfu in Moscow.",
    "Министр обороны Сергей Шойгу провёл переговоры.",
    "国防部长李尚福与绍伊古会谈。",
    "zero\u{200B}width and no\u{00A0}break",
    "The сор said hello to Kоvalenko today.",
    "Он сказал ghbdtn и ушёл домой.",
    "soft\u{00AD}hyphen and a bidi \u{202E}override\u{202C}",
    "Nothing to change, \"quoted\" and escaped.",
];

/// A good JSONL record with some awkward formatting around its text.
fn good_record(i: usize) -> String {
    let text = serde_json::to_string(TEXTS[i % TEXTS.len()]).expect("JSON");
    match i % 3 {
        0 => format!("{{\"id\":{i},\"text\":{text},\"score\":1.50e2}}"),
        1 => format!("{{ \"id\" : {i} , \"meta\":{{\"n\":[1, 2]}}, \"text\" : {text} }}"),
        _ => format!("{{\"text\":{text},\"id\":{i},\"esc\":\"\\u00e9\\n\"}}"),
    }
}

/// Every kind of bad JSONL record, with its reason code.
fn bad_record(k: usize) -> (Vec<u8>, &'static str) {
    match k % 6 {
        0 => (b"{\"id\":1,\"text\":\"open".to_vec(), "malformed_json"),
        1 => (b"[1,2,3]".to_vec(), "not_an_object"),
        2 => (b"{\"id\":2,\"body\":\"x\"}".to_vec(), "missing_field"),
        3 => (b"{\"id\":3,\"text\":{\"a\":1}}".to_vec(), "not_a_string"),
        4 => (
            b"{\"id\":4,\"text\":\"bad \xC3\x28 byte\"}".to_vec(),
            "invalid_utf8",
        ),
        _ => (
            format!("{{\"text\":\"{}\"}}", "long ".repeat(400)).into_bytes(),
            "too_long",
        ),
    }
}

fn lines(bytes: &[u8]) -> Vec<&[u8]> {
    let mut v: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
    if v.last().is_some_and(|l| l.is_empty()) {
        v.pop();
    }
    v
}

fn read_json(path: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("stats")).expect("JSON")
}

#[test]
fn jsonl_records_in_equal_records_out_plus_rejects() {
    let dir = scratch("jsonl-accounting");
    let input = dir.join("in.jsonl");
    let (rejects, stats) = (dir.join("rejects.jsonl"), dir.join("stats.json"));
    let mut data = Vec::new();
    let mut expected_bad = Vec::new();
    let total = 9_000;
    for i in 0..total {
        if i % 97 == 13 {
            let (bytes, reason) = bad_record(expected_bad.len());
            data.extend_from_slice(&bytes);
            expected_bad.push((i + 1, reason));
        } else {
            data.extend_from_slice(good_record(i).as_bytes());
        }
        data.push(b'\n');
    }
    std::fs::write(&input, &data).expect("input");
    let out = run(
        &[
            "clean",
            "--jobs",
            "2",
            "--max-line-bytes",
            "1000",
            "--rejects",
            arg(&rejects),
            "--stats",
            arg(&stats),
            arg(&input),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let written = lines(&out.stdout).len();
    let rejected: Vec<serde_json::Value> = std::fs::read_to_string(&rejects)
        .expect("rejects")
        .lines()
        .map(|l| serde_json::from_str(l).expect("reject JSON"))
        .collect();
    assert_eq!(
        written + rejected.len(),
        total,
        "records in = out + rejects"
    );
    assert_eq!(rejected.len(), expected_bad.len());
    for (got, (line, reason)) in rejected.iter().zip(&expected_bad) {
        assert_eq!(got["line"], *line);
        assert_eq!(got["reason"], *reason);
        assert_eq!(got["file"], arg(&input));
        assert!(got["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    let stats = read_json(&stats);
    assert_eq!(stats["records_in"], total);
    assert_eq!(stats["records_out"], written);
    assert_eq!(stats["rejects"], expected_bad.len());
    assert_eq!(stats["complete"], true);
    assert_eq!(stats["bytes_in"], data.len());
    assert_eq!(stats["bytes_out"], out.stdout.len());
    for reason in [
        "malformed_json",
        "not_an_object",
        "missing_field",
        "not_a_string",
        "invalid_utf8",
        "too_long",
    ] {
        let n = expected_bad.iter().filter(|(_, r)| *r == reason).count();
        assert!(n > 0);
        assert_eq!(stats["rejects_by_reason"][reason], n, "{reason}");
    }
    assert_eq!(
        stderr(&out),
        format!(
            "polynorm: {} of {total} records rejected, written to {}\n",
            expected_bad.len(),
            arg(&rejects)
        )
    );
}

#[test]
fn csv_rows_in_equal_rows_out_plus_rejects() {
    let dir = scratch("csv-accounting");
    let input = dir.join("in.csv");
    let stats = dir.join("stats.json");
    let mut data = b"id,text,note\r\n".to_vec();
    let mut bad = 0;
    let total = 6_000;
    for i in 0..total {
        let row: Vec<u8> = match (i % 101 == 7, bad % 4) {
            (true, 0) => b"1,two,three,four".to_vec(),
            (true, 1) => b"2,\"closed\"then,x".to_vec(),
            (true, 2) => b"3,bad \xff,x".to_vec(),
            (true, _) => format!("4,{},x", "y".repeat(2000)).into_bytes(),
            (false, _) => {
                let text = TEXTS[i % TEXTS.len()].replace('"', "\"\"");
                format!("{i},\"{text}\",n{i}").into_bytes()
            }
        };
        bad += usize::from(i % 101 == 7);
        data.extend_from_slice(&row);
        data.extend_from_slice(b"\r\n");
    }
    std::fs::write(&input, &data).expect("input");
    let out = run(
        &[
            "clean",
            "-j2",
            "--max-line-bytes",
            "1000",
            "--stats",
            arg(&stats),
            arg(&input),
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let written = lines(&out.stdout).len() - 1; // the header
    let reported = stderr(&out).lines().count() - 1; // the summary
    assert_eq!(written + reported, total);
    assert_eq!(reported, bad);
    let stats = read_json(&stats);
    assert_eq!(stats["records_in"], total);
    assert_eq!(stats["rejects"], bad);
    for reason in [
        "wrong_column_count",
        "csv_syntax",
        "invalid_utf8",
        "too_long",
    ] {
        assert!(
            stats["rejects_by_reason"][reason].as_u64() > Some(0),
            "{reason}"
        );
    }
}

#[test]
fn output_order_is_input_order_with_two_jobs() {
    let dir = scratch("order");
    let input = dir.join("in.jsonl");
    let mut data = String::new();
    // Records of very different costs, so chunks finish out of order.
    for i in 0..10_000 {
        let text = match i % 3000 {
            0..10 => TEXTS[5].repeat(4),
            10..2000 => TEXTS[(i % 2) * 3].to_owned(),
            _ => TEXTS[(i % 3) * 2 + 1].to_owned(),
        };
        data.push_str(&format!(
            "{{\"id\":{i},\"text\":{}}}\n",
            serde_json::to_string(&text).expect("JSON")
        ));
    }
    std::fs::write(&input, &data).expect("input");
    let one = run(&["clean", "--jobs", "1", arg(&input)], b"");
    let two = run(&["clean", "--jobs", "2", arg(&input)], b"");
    assert_eq!(two.status.code(), Some(0), "{}", stderr(&two));
    assert!(
        one.stdout == two.stdout,
        "--jobs 2 output differs from --jobs 1"
    );
    let ids: Vec<u64> = stdout(&two)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            v["id"].as_u64().expect("id")
        })
        .collect();
    assert_eq!(ids, (0..10_000).collect::<Vec<u64>>());
}

#[test]
fn other_fields_pass_through_byte_for_byte() {
    let mut input = String::new();
    for i in 0..400 {
        input.push_str(&good_record(i));
        input.push('\n');
    }
    let out = run(
        &["clean", "--input-format", "jsonl", "-j2"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let outs: Vec<&str> = stdout(&out).lines().collect();
    assert_eq!(outs.len(), 400);
    for (i, (before, after)) in input.lines().zip(&outs).enumerate() {
        let original = TEXTS[i % TEXTS.len()];
        let literal = serde_json::to_string(original).expect("JSON");
        let cut = before.find(&literal).expect("literal in record");
        let (head, tail) = (&before[..cut], &before[cut + literal.len()..]);
        assert!(
            after.starts_with(head) && after.ends_with(tail),
            "{before}\n{after}"
        );
        let middle = &after[head.len()..after.len() - tail.len()];
        let cleaned: String = serde_json::from_str(middle).expect("a JSON string");
        if cleaned == original {
            assert_eq!(after, &before, "an unchanged record is written as read");
        }
    }
}

/// The same texts written with JSON escapes (`\uXXXX` for every non-ASCII
/// character, `\n`, a surrogate pair) and written plainly are read as the
/// same value and cleaned alike; unchanged records keep their escapes, and
/// a key spelled with an escape is still the field.
#[test]
fn escaped_and_plain_fields_are_read_and_spliced_alike() {
    fn escaped(text: &str) -> String {
        let mut out = String::from("\"");
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\n' => out.push_str("\\n"),
                ' '..='~' => out.push(c),
                _ => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        out.push_str(&format!("\\u{unit:04X}"));
                    }
                }
            }
        }
        out.push('"');
        out
    }
    let mut texts: Vec<String> = TEXTS.iter().map(|t| (*t).to_owned()).collect();
    texts.push("two lines\nwith an emoji 😀 and Kоvalenko".to_owned());
    let mut input = String::new();
    for text in &texts {
        let plain = serde_json::to_string(text).expect("JSON");
        let esc = escaped(text);
        input.push_str(&format!(
            "{{\"form\":\"plain\",\"text\":{plain},\"n\":1}}\n"
        ));
        input.push_str(&format!(
            "{{\"form\":\"escaped\",\"text\":{esc},\"n\":1}}\n"
        ));
        input.push_str(&format!(
            "{{\"form\":\"key\",\"te\\u0078t\":{esc} ,\"n\":1}}\n"
        ));
        input.push_str(&format!(
            "{{\"form\":\"nested\",\"m\":{{\"text\":{esc}}}}}\n"
        ));
    }
    // Each run rejects the records without its field (exit code 1).
    let top = run(&["clean", "--input-format", "jsonl"], input.as_bytes());
    assert_eq!(top.status.code(), Some(1));
    assert_eq!(
        stderr(&top).matches("missing field `text`").count(),
        texts.len()
    );
    let nested = run(
        &["clean", "--input-format", "jsonl", "--field", "m.text"],
        input.as_bytes(),
    );
    assert_eq!(nested.status.code(), Some(1));
    assert_eq!(
        stderr(&nested).matches("missing field `m.text`").count(),
        texts.len() * 3
    );
    let outs: Vec<&str> = stdout(&top).lines().collect();
    let nested_outs: Vec<&str> = stdout(&nested).lines().collect();
    assert_eq!(outs.len(), texts.len() * 3);
    assert_eq!(nested_outs.len(), texts.len());
    let ins: Vec<&str> = input.lines().collect();
    for (k, text) in texts.iter().enumerate() {
        let value = |line: &str, pointer: &str| -> String {
            let v: serde_json::Value = serde_json::from_str(line).expect("JSON out");
            v.pointer(pointer)
                .and_then(|s| s.as_str())
                .expect("text")
                .to_owned()
        };
        let plain = value(outs[3 * k], "/text");
        assert_eq!(value(outs[3 * k + 1], "/text"), plain, "{text:?}");
        assert_eq!(value(outs[3 * k + 2], "/text"), plain, "{text:?}");
        assert_eq!(value(nested_outs[k], "/m/text"), plain, "{text:?}");
        for (out, input) in [
            (outs[3 * k], ins[4 * k]),
            (outs[3 * k + 1], ins[4 * k + 1]),
            (outs[3 * k + 2], ins[4 * k + 2]),
            (nested_outs[k], ins[4 * k + 3]),
        ] {
            if plain == *text {
                assert_eq!(out, input, "unchanged: written as read");
            } else {
                assert!(out.ends_with(",\"n\":1}") || out.ends_with("}}"), "{out}");
                assert_ne!(out, input);
            }
        }
    }
}

/// Lines longer than a chunk (1 MiB) are kept whole when within
/// `--max-line-bytes`, and skipped to their end when not, wherever the
/// chunk boundaries fall; line numbers stay right after them.
#[test]
fn lines_longer_than_a_chunk() {
    let kept = format!("{{\"text\":\"{}\"}}", "kept words ".repeat(150_000));
    let dropped = format!("{{\"text\":\"{}\"}}", "too long ".repeat(300_000));
    let small = |i: usize| format!("{{\"id\":{i},\"text\":\"a\u{200B}b\"}}");
    let mut input = String::new();
    let mut expected = String::new();
    for i in 0..3000 {
        let line = match i % 1000 {
            10 => kept.clone(),
            500 => dropped.clone(),
            _ => small(i),
        };
        input.push_str(&line);
        input.push('\n');
        if i % 1000 != 500 {
            expected.push_str(&line.replace('\u{200B}', ""));
            expected.push('\n');
        }
    }
    let out = run(
        &[
            "clean",
            "--input-format",
            "jsonl",
            "-j2",
            "--max-line-bytes",
            "2000000",
        ],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out) == expected, "output differs");
    let err = stderr(&out);
    for line in [501, 1501, 2501] {
        assert!(
            err.contains(&format!("<stdin>:{line}: record longer than")),
            "{err}"
        );
    }
    assert_eq!(err.matches("record longer than").count(), 3, "{err}");
}

#[test]
fn stats_count_changes_by_kind() {
    let dir = scratch("stats");
    let stats = dir.join("stats.json");
    let input =
        "{\"text\":\"a\u{200B}b\u{200B}c\"}\n\n{\"text\":\"x\u{00A0}y\"}\n{\"text\":\"ok\"}\n";
    let out = run(
        &["clean", "--input-format", "jsonl", "--stats", arg(&stats)],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0));
    let stats = read_json(&stats);
    assert_eq!(stats["command"], "clean");
    assert_eq!(stats["input_format"], "jsonl");
    assert_eq!(stats["files"][0], "<stdin>");
    assert_eq!(stats["records_in"], 3);
    assert_eq!(stats["records_out"], 3);
    assert_eq!(stats["records_changed"], 2);
    assert_eq!(stats["blank_lines"], 1);
    assert_eq!(stats["rejects"], 0);
    assert_eq!(stats["bytes_in"], input.len());
    assert_eq!(
        stats["changes"],
        serde_json::json!({"space": 1, "zero_width": 2})
    );
    assert!(stats["elapsed_seconds"].as_f64().is_some());
}

#[test]
fn no_progress_output_when_stderr_is_not_a_terminal() {
    let dir = scratch("progress");
    let input = dir.join("in.jsonl");
    let data: String = (0..10_000).map(|i| good_record(i) + "\n").collect();
    std::fs::write(&input, data).expect("input");
    let out = run(&["clean", arg(&input)], b"");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "", "nothing on a piped stderr");
}

/// The other half: on a terminal (a pseudo-terminal from util-linux
/// `script`) the bar is drawn. Skipped where `script` is missing.
#[test]
fn progress_is_drawn_on_a_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        return;
    }
    let dir = scratch("progress-tty");
    let input = dir.join("in.jsonl");
    let data: String = (0..10_000).map(|i| good_record(i) + "\n").collect();
    std::fs::write(&input, data).expect("input");
    let command = format!(
        "{} clean {} -o {}",
        bin().display(),
        arg(&input),
        arg(&dir.join("out.jsonl"))
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .expect("script runs");
    assert_eq!(out.status.code(), Some(0));
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(screen.contains(" records"), "no progress bar in {screen:?}");
    assert!(screen.contains("MiB"), "no byte counts in {screen:?}");
}

#[test]
fn strict_stops_at_the_first_bad_record_with_two_jobs() {
    let mut input = String::new();
    for i in 0..12_000 {
        if i == 9_000 {
            input.push_str("{\"id\":\"bad\"}\n");
        }
        input.push_str(&good_record(i));
        input.push('\n');
    }
    let out = run(
        &["clean", "--strict", "-j2", "--input-format", "jsonl"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(lines(&out.stdout).len(), 9_000);
    assert_eq!(
        stderr(&out),
        "polynorm: <stdin>:9001: missing field `text`\n\
         polynorm: stopped at the first bad record (--strict)\n"
    );
}

#[test]
fn gzip_and_zstd_round_trips() {
    let dir = scratch("compression");
    let data: String = (0..1000).map(|i| good_record(i) + "\n").collect();
    let plain = run(&["clean", "--input-format", "jsonl"], data.as_bytes());
    assert_eq!(plain.status.code(), Some(0));

    // gzip in, zstd out.
    let gz = dir.join("in.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data.as_bytes()).expect("gzip");
    std::fs::write(&gz, enc.finish().expect("gzip")).expect("write");
    let zst = dir.join("out.jsonl.zst");
    let out = run(&["clean", arg(&gz), "-o", arg(&zst)], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let back = zstd::decode_all(std::fs::File::open(&zst).expect("zst")).expect("zstd");
    assert!(back == plain.stdout, "gzip -> zstd changes nothing");

    // zstd in, gzip out.
    let zin = dir.join("in.jsonl.zst");
    std::fs::write(&zin, zstd::encode_all(data.as_bytes(), 1).expect("zstd")).expect("write");
    let gout = dir.join("out.jsonl.gz");
    let out = run(&["clean", arg(&zin), "--output", arg(&gout)], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut back = Vec::new();
    flate2::read::MultiGzDecoder::new(std::fs::File::open(&gout).expect("gz"))
        .read_to_end(&mut back)
        .expect("gunzip");
    assert!(back == plain.stdout, "zstd -> gzip changes nothing");

    // Text lines too.
    let tgz = dir.join("in.txt.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all("a\u{200B}b\n".as_bytes()).expect("gzip");
    std::fs::write(&tgz, enc.finish().expect("gzip")).expect("write");
    let out = run(&["clean", arg(&tgz)], b"");
    assert_eq!(stdout(&out), "ab\n");
}

#[test]
fn csv_round_trips_to_tsv_and_jsonl() {
    let csv_in = "id,text\r\n1,\"a, \"\"b\"\"\"\r\n2,\"multi\nline\"\r\n";
    let tsv = run(
        &["clean", "--input-format", "csv", "--output-format", "tsv"],
        csv_in.as_bytes(),
    );
    assert_eq!(
        stdout(&tsv),
        "id\ttext\r\n1\t\"a, \"\"b\"\"\"\r\n2\t\"multi\nline\"\r\n"
    );
    let back = run(
        &["clean", "--input-format", "tsv", "--output-format", "csv"],
        &tsv.stdout,
    );
    assert_eq!(
        stdout(&back),
        "id,text\r\n1,\"a, \"\"b\"\"\"\r\n2,\"multi\nline\"\r\n"
    );
    let json = run(
        &["clean", "--input-format", "csv", "--output-format", "jsonl"],
        csv_in.as_bytes(),
    );
    assert_eq!(
        stdout(&json),
        "{\"id\":\"1\",\"text\":\"a, \\\"b\\\"\"}\n{\"id\":\"2\",\"text\":\"multi\\nline\"}\n"
    );
}

#[test]
fn a_closed_pipe_ends_a_batch_job_quietly() {
    let data: String = (0..50_000).map(|i| good_record(i) + "\n").collect();
    let mut child = Command::new(bin())
        .args(["clean", "--input-format", "jsonl", "-j2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("polynorm starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(data.as_bytes());
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("one line");
    assert!(first.starts_with("{\"id\":0,"));
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let status = child.wait().expect("exit");
    writer.join().expect("writer");
    assert_eq!(status.code(), Some(0), "stderr: {err}");
    assert_eq!(err, "");
}

#[test]
fn a_byte_order_mark_is_kept_and_not_part_of_the_data() {
    let jsonl = "\u{feff}{\"text\":\"a\u{200B}b\"}\n\u{feff}{\"text\":\"same\"}\n";
    let out = run(&["clean", "--input-format", "jsonl"], jsonl.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "\u{feff}{\"text\":\"ab\"}\n\u{feff}{\"text\":\"same\"}\n"
    );
    let csv = "\u{feff}\"id\",text\r\n1,a\u{200B}b\r\n";
    let out = run(
        &["clean", "--input-format", "csv", "--field", "id"],
        csv.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), csv);
    let out = run(
        &["clean", "--input-format", "csv", "--output-format", "jsonl"],
        csv.as_bytes(),
    );
    assert_eq!(stdout(&out), "{\"id\":\"1\",\"text\":\"ab\"}\n");
}

#[test]
fn several_csv_files_make_one_table_with_one_header() {
    let dir = scratch("csv-files");
    let (a, b, stats) = (dir.join("a.csv"), dir.join("b.csv"), dir.join("stats.json"));
    std::fs::write(&a, "id,text\n1,x\u{200B}\n").expect("a");
    std::fs::write(&b, "id,text\n2,y\n").expect("b");
    let out = run(&["clean", arg(&a), arg(&b), "--stats", arg(&stats)], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "id,text\n1,x\n2,y\n");
    let stats = read_json(&stats);
    assert_eq!(stats["records_in"], 2);
    assert_eq!(
        stats["bytes_in"],
        2 * "id,text\n".len() + "1,x\u{200B}\n".len() + "2,y\n".len()
    );

    std::fs::write(&b, "id,text,extra\n2,y,z\n").expect("b");
    let out = run(&["clean", arg(&a), arg(&b)], b"");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "id,text\n1,x\n");
    assert!(
        stderr(&out).contains("differs from the first file's"),
        "{}",
        stderr(&out)
    );
}
