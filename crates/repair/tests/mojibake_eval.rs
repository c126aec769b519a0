//! The mojibake evaluation set (`fixtures/eval/mojibake/`): exact recovery
//! per encoding pair and level, and false changes on clean sentences, with
//! floors at the numbers reached (see `EVALUATION.md`).
//!
//! `cargo test -p polynorm-repair --release --test mojibake_eval -- --nocapture`
//! prints the table; `MOJIBAKE_EVAL_FAILURES=1` also prints every miss.

use std::collections::BTreeMap;

use polynorm_repair::{Hygiene, Mojibake};

const FILES: [(&str, &str); 8] = [
    ("ru", include_str!("../../../fixtures/eval/mojibake/ru.jsonl")),
    ("uk", include_str!("../../../fixtures/eval/mojibake/uk.jsonl")),
    ("bg", include_str!("../../../fixtures/eval/mojibake/bg.jsonl")),
    ("en", include_str!("../../../fixtures/eval/mojibake/en.jsonl")),
    ("de", include_str!("../../../fixtures/eval/mojibake/de.jsonl")),
    ("fr", include_str!("../../../fixtures/eval/mojibake/fr.jsonl")),
    ("tr", include_str!("../../../fixtures/eval/mojibake/tr.jsonl")),
    ("el", include_str!("../../../fixtures/eval/mojibake/el.jsonl")),
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
    assert_eq!(get("clean").ok, get("clean").n, "false changes on clean sentences");
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
