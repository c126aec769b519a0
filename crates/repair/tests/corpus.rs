//! Runs the hygiene cases of `fixtures/repair/hygiene.toml`.

use std::borrow::Cow;
use std::collections::HashSet;

use polynorm_repair::{Hygiene, HygieneOptions, LineSeparatorMode, NormalizationForm};
use serde::Deserialize;

const CASES: &str = include_str!("../../../fixtures/repair/hygiene.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Corpus {
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    input: String,
    expect: String,
    kinds: Option<Vec<String>>,
    #[serde(default)]
    options: Vec<String>,
    #[allow(dead_code)] // read by people
    note: Option<String>,
}

fn load() -> Vec<Case> {
    let corpus: Corpus = toml::from_str(CASES).expect("hygiene.toml parses");
    corpus.case
}

/// The default options changed by a case's `options` list.
fn options(case: &Case) -> HygieneOptions {
    let mut o = HygieneOptions::default();
    for spec in &case.options {
        let spec = spec.as_str();
        if spec == "all" {
            o = HygieneOptions::all();
        } else if spec == "none" {
            o = HygieneOptions::none();
        } else if let Some(form) = spec.strip_prefix("normalization=") {
            o.normalization = match form {
                "none" => None,
                name => Some(name.parse::<NormalizationForm>().expect("form")),
            };
        } else if let Some(mode) = spec.strip_prefix("line_separators=") {
            o.line_separators = match mode {
                "space" => LineSeparatorMode::Space,
                "newline" => LineSeparatorMode::Newline,
                "keep" => LineSeparatorMode::Keep,
                other => panic!("{}: unknown line separator mode {other}", case.name),
            };
        } else {
            let (on, rule) = match spec.split_at(1) {
                ("+", rule) => (true, rule),
                ("-", rule) => (false, rule),
                _ => panic!("{}: bad option {spec:?}", case.name),
            };
            let flag = match rule {
                "controls" => &mut o.controls,
                "bom" => &mut o.bom,
                "soft_hyphens" => &mut o.soft_hyphens,
                "zero_width" => &mut o.zero_width,
                "bidi_controls" => &mut o.bidi_controls,
                "spaces" => &mut o.spaces,
                "html_entities" => &mut o.html_entities,
                "fullwidth" => &mut o.fullwidth,
                "quotes" => &mut o.quotes,
                other => panic!("{}: unknown rule {other}", case.name),
            };
            *flag = on;
        }
    }
    o
}

#[test]
fn names_are_unique_and_there_are_cases() {
    let cases = load();
    assert!(cases.len() >= 50, "only {} cases", cases.len());
    let mut seen = HashSet::new();
    for case in &cases {
        assert!(
            seen.insert(case.name.as_str()),
            "duplicate case {}",
            case.name
        );
    }
}

#[test]
fn every_case() {
    let mut failures = Vec::new();
    for case in load() {
        let hygiene = Hygiene::new(options(&case));
        let r = hygiene.apply(&case.input);
        if r.text != case.expect {
            failures.push(format!(
                "{}: expected {:?}, got {:?}",
                case.name, case.expect, r.text
            ));
            continue;
        }
        if let Some(kinds) = &case.kinds {
            let got: Vec<&str> = r.changes.iter().map(|c| c.kind.as_str()).collect();
            if &got != kinds {
                failures.push(format!("{}: kinds {kinds:?}, got {got:?}", case.name));
            }
        }
        if (r.text == case.input) != matches!(r.text, Cow::Borrowed(_)) {
            failures.push(format!("{}: borrowed only when unchanged", case.name));
        }
        let again = hygiene.apply(&r.text);
        if again.is_changed() {
            failures.push(format!(
                "{}: not idempotent, second pass gives {:?}",
                case.name, again.text
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
