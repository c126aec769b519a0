//! Command-line behaviour: the trycmd cases in `fixtures/cli/`, plus the
//! guarantees that need generated input (line counts, pipes, huge lines).

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

use crate::util::{bin, fixture, run, stderr, stdout};

#[test]
fn trycmd_cases() {
    trycmd::TestCases::new()
        .register_bin("polynorm", bin())
        .case("fixtures/cli/*.toml");
}

/// Lines that stress line handling: empty lines, CRLF, characters that are
/// line breaks to someone (VT, FF, CR, NEL, U+2028, U+2029), invalid UTF-8.
fn awkward_input() -> Vec<u8> {
    let mut input = Vec::new();
    let lines: [&[u8]; 12] = [
        b"plain ascii",
        b"",
        "Sergeн Shoigu\u{2028}said".as_bytes(),
        b"vertical\x0btab and form\x0cfeed",
        b"lone\rcarriage return",
        "next\u{85}line and para\u{2029}graph".as_bytes(),
        b"bad \xff\xfe bytes",
        "zero\u{200B}width\u{00A0}nbsp".as_bytes(),
        b"\xef\xbb\xbfbom line",
        b"crlf line\r",
        "Ше\u{0301}лк e\u{301}".as_bytes(),
        b"\t\t",
    ];
    for line in lines {
        input.extend_from_slice(line);
        input.push(b'\n');
    }
    input.extend_from_slice(b"last line without newline");
    input
}

#[test]
fn clean_writes_exactly_one_line_per_input_line() {
    let input = awkward_input();
    let in_lines = input.split(|&b| b == b'\n').count();
    for args in [
        &["clean"][..],
        &["clean", "--explain"],
        &[
            "clean",
            "--normalize",
            "nfkc",
            "--enable",
            "quotes",
            "--enable",
            "fullwidth",
        ],
        &["detect"],
    ] {
        let out = run(args, &input);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{args:?}: invalid UTF-8 makes status 1"
        );
        let text = stdout(&out);
        // Text output mirrors the input's terminators (the last line has
        // none); JSON output is one newline-terminated record per line.
        let out_lines = if args.len() > 1 && args[1] == "--explain" || args[0] == "detect" {
            text.lines().count()
        } else {
            text.split('\n').count()
        };
        assert_eq!(out_lines, in_lines, "{args:?}:\n{text}");
    }
}

#[test]
fn clean_keeps_line_terminators() {
    let out = run(&["clean"], b"a\r\nb\nc");
    assert_eq!(out.stdout, b"a\r\nb\nc");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn clean_output_is_clean() {
    let first = run(&["clean"], &awkward_input());
    let second = run(&["clean"], &first.stdout);
    assert_eq!(second.status.code(), Some(0), "{}", stderr(&second));
    assert_eq!(
        stdout(&second),
        stdout(&first),
        "clean(clean(x)) == clean(x)"
    );
}

#[test]
fn invalid_utf8_is_reported_with_file_line_and_byte() {
    let out = run(&["clean", "-"], b"fine\nbad \xff\xfe bytes\n");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "fine\nbad \u{FFFD}\u{FFFD} bytes\n");
    assert_eq!(
        stderr(&out),
        "polynorm: <stdin>:2:5: invalid UTF-8 sequence FF, replaced with U+FFFD\n\
         polynorm: <stdin>:2:6: invalid UTF-8 sequence FE, replaced with U+FFFD\n"
    );
}

#[test]
fn a_missing_file_is_an_error_but_the_others_are_read() {
    let clean = fixture("cli/clean-hygiene.stdout");
    let clean = clean.to_str().expect("UTF-8 path");
    let out = run(&["clean", "does/not/exist.txt", clean], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("polynorm: does/not/exist.txt: "),
        "{}",
        stderr(&out)
    );
    let expected = std::fs::read_to_string(clean).expect("fixture");
    assert_eq!(stdout(&out), expected);
}

#[test]
fn over_long_lines_pass_through_and_count_as_bad_input() {
    let long = "x\u{200B}".repeat(40);
    let input = format!("short\u{200B}\n{long}\nnext\u{200B}\n");
    let out = run(&["clean", "--max-line-bytes", "32"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), format!("short\n{long}\nnext\n"));
    assert!(stderr(&out).contains("<stdin>:2: line longer than 32 bytes"));

    let out = run(
        &["clean", "--explain", "--max-line-bytes", "32"],
        input.as_bytes(),
    );
    let lines: Vec<&str> = stdout(&out).lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[1].starts_with(r#"{"line":2,"error":"line longer than 32 bytes"#));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Enough output that polynorm is still writing when the reader goes away.
    let line = "Sergey\u{200B} Shoigu met Li Shangfu in Moscow.\n".repeat(200_000);
    let mut child = Command::new(bin())
        .arg("clean")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("polynorm starts");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = std::io::Write::write_all(&mut stdin, line.as_bytes());
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("one line");
    // Dropping the reader closes the pipe, like `| head -1`.
    assert_eq!(first, "Sergey Shoigu met Li Shangfu in Moscow.\n");
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
fn contradictory_flags_are_a_usage_error() {
    let out = run(
        &["clean", "--enable", "quotes", "--disable", "quotes"],
        b"x\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("contradict"));
    let out = run(&["clean", "--disable", "nonsense"], b"x\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("possible values"), "{}", stderr(&out));
}

#[test]
fn detect_document_mode_reports_each_file() {
    let seed = fixture("news/shoigu-li-shangfu.txt");
    let out = run(
        &[
            "detect",
            "--document",
            seed.to_str().expect("UTF-8 path"),
            "-",
        ],
        "Сергей Шойгу провёл переговоры с министром обороны Китая Ли Шанфу в Москве.\n".as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let reports: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["dominant_script"], "Latin");
    assert_eq!(reports[0]["language"]["lang"], "eng");
    assert_eq!(reports[0]["lines"], 12);
    assert_eq!(reports[1]["file"], "<stdin>");
    assert_eq!(reports[1]["dominant_script"], "Cyrillic");
    assert_eq!(reports[1]["language"]["lang"], "rus");
}
