//! The mojibake evaluation set (`fixtures/eval/mojibake/`): exact recovery
//! per encoding pair and level, and false changes on clean sentences, with
//! floors at the numbers reached (see `EVALUATION.md`).
//!
//! `cargo test -p polynorm-repair --release --test mojibake_eval -- --nocapture`
//! prints the table; `MOJIBAKE_EVAL_FAILURES=1` also prints every miss.

#![allow(clippy::print_stdout, clippy::print_stderr)] // a report is the point

use std::collections::BTreeMap;

use polynorm_repair::{Hygiene, Mojibake};

const FILES: [(&str, &str); 8] = [
    (
        "ru",
        include_str!("../../../fixtures/eval/mojibake/ru.jsonl"),
    ),
    (
        "uk",
        include_str!("../../../fixtures/eval/mojibake/uk.jsonl"),
    ),
    (
        "bg",
        include_str!("../../../fixtures/eval/mojibake/bg.jsonl"),
    ),
    (
        "en",
        include_str!("../../../fixtures/eval/mojibake/en.jsonl"),
    ),
    (
        "de",
        include_str!("../../../fixtures/eval/mojibake/de.jsonl"),
    ),
    (
        "fr",
        include_str!("../../../fixtures/eval/mojibake/fr.jsonl"),
    ),
    (
        "tr",
        include_str!("../../../fixtures/eval/mojibake/tr.jsonl"),
    ),
    (
        "el",
        include_str!("../../../fixtures/eval/mojibake/el.jsonl"),
    ),
];

#[derive(Default, Clone, Copy)]
struct Tally {
    n: usize,
    ok: usize,
}

impl Tally {
    fn rate(self) -> f64 {
        if self.n == 0 {
            1.0
        } else {
            self.ok as f64 / self.n as f64
        }
    }
}

/// The group a record counts in: `clean`, `utf8 <page> x<level>`,
/// `utf8-fffd`, `utf8-nbsp`, `utf8-mixed`, `legacy <from> as <to>`.
fn group(r: &serde_json::Value) -> String {
    let s = |k: &str| r[k].as_str().unwrap_or_default().to_owned();
    match s("channel").as_str() {
        "utf8" => format!("utf8 {} x{}", s("decoded_as"), r["level"]),
        "legacy" => format!("legacy {} as {}", s("written_in"), s("decoded_as")),
        other => other.to_owned(),
    }
}

fn run() -> (BTreeMap<String, Tally>, Vec<String>) {
    let stage = Mojibake::default();
    let hygiene = Hygiene::default();
    let show = std::env::var_os("MOJIBAKE_EVAL_FAILURES").is_some();
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    for (_, file) in FILES {
        for line in file.lines() {
            let r: serde_json::Value = serde_json::from_str(line).unwrap();
            let input = r["input"].as_str().unwrap();
            let expect = r["expect"].as_str().unwrap();
            let fixed = stage.apply(input);
            let ok = if r["channel"] == "clean" {
                !fixed.is_changed()
            } else {
                hygiene.apply(&fixed.text).text == expect
            };
            let t = tallies.entry(group(&r)).or_default();
            t.n += 1;
            t.ok += usize::from(ok);
            if !ok {
                failures.push(r["id"].as_str().unwrap().to_owned());
                if show {
                    eprintln!(
                        "MISS {}\n  in:  {input}\n  got: {}\n  exp: {expect}\n  {:?}",
                        r["id"],
                        fixed.text,
                        fixed
                            .changes
                            .iter()
                            .map(|c| (&c.before, &c.after, c.confidence))
                            .collect::<Vec<_>>()
                    );
                }
            }
        }
    }
    (tallies, failures)
}

#[test]
fn mojibake_eval() {
    let (tallies, failures) = run();
    for (name, t) in &tallies {
        println!("{name:40} {:5}/{:5} {:6.2}%", t.ok, t.n, 100.0 * t.rate());
    }
    println!("{} misses", failures.len());
    let get = |k: &str| tallies.get(k).copied().unwrap_or_default();
    assert_eq!(
        get("clean").ok,
        get("clean").n,
        "false changes on clean sentences"
    );
    // The targets: 99% exact recovery for single mojibake (a legacy
    // mix-up is one wrong reading) and 95% for double, on every pair; the
    // other channels at the levels reached.
    for (name, t) in &tallies {
        let floor = if name.ends_with(" x1") || name.starts_with("legacy") {
            0.99
        } else if name.ends_with(" x2") || name.ends_with(" x3") {
            0.95
        } else if name == "utf8-fffd" {
            0.75
        } else {
            0.95
        };
        assert!(
            t.rate() >= floor,
            "{name}: {:.2}% < {:.0}%",
            100.0 * t.rate(),
            100.0 * floor
        );
    }
    // And no more misses than when these floors were set.
    assert!(failures.len() <= 24, "{} misses", failures.len());
}

/// Clean real text in 21 languages and 11 scripts (the benchmark corpora):
/// the stage must leave every line alone.
#[test]
fn bench_corpora_are_left_alone() {
    let stage = Mojibake::default();
    let mut changed = Vec::new();
    for (name, text) in [
        ("en", include_str!("../../../fixtures/bench/en.txt")),
        ("ru", include_str!("../../../fixtures/bench/ru.txt")),
        ("zh", include_str!("../../../fixtures/bench/zh.txt")),
        ("mixed", include_str!("../../../fixtures/bench/mixed.txt")),
    ] {
        for (i, line) in text.lines().enumerate() {
            let r = stage.apply(line);
            if r.is_changed() {
                changed.push(format!("{name}:{}: {:?}", i + 1, r.changes));
            }
        }
    }
    assert!(changed.is_empty(), "{changed:#?}");
}

/// The cases of `fixtures/repair/mojibake.toml`, each also idempotent.
#[test]
fn case_file() {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Corpus {
        case: Vec<Case>,
    }
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Case {
        name: String,
        input: String,
        expect: String,
        stage: Option<String>,
        #[allow(dead_code)] // read by people
        note: Option<String>,
    }
    let corpus: Corpus =
        toml::from_str(include_str!("../../../fixtures/repair/mojibake.toml")).unwrap();
    let stage = Mojibake::default();
    let mut names = std::collections::HashSet::new();
    let mut failures = Vec::new();
    for case in &corpus.case {
        assert!(names.insert(case.name.clone()), "duplicate {}", case.name);
        let run = |text: &str| -> String {
            match case.stage.as_deref() {
                Some("escapes") => polynorm_repair::decode_escapes(text).text.into_owned(),
                None | Some("mojibake") => stage.apply(text).text.into_owned(),
                Some(other) => panic!("{}: unknown stage {other}", case.name),
            }
        };
        let once = run(&case.input);
        if once != case.expect {
            failures.push(format!(
                "{}: got {once:?}, expected {:?}",
                case.name, case.expect
            ));
        } else if run(&once) != once {
            failures.push(format!("{}: not idempotent", case.name));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
