//! The case corpus `fixtures/script/*.toml`, read through one loader.

use polynorm_script::{
    dominant_script, is_single_script, resolved_script_set, restriction_level, runs, tokens,
    RestrictionLevel, Script, ScriptSet,
};
use serde::Deserialize;

/// The corpus files, compiled in so the tests need no file access at run time.
const FILES: &[(&str, &str)] = &[
    (
        "names.toml",
        include_str!("../../../../fixtures/script/names.toml"),
    ),
    (
        "runs.toml",
        include_str!("../../../../fixtures/script/runs.toml"),
    ),
    (
        "restriction.toml",
        include_str!("../../../../fixtures/script/restriction.toml"),
    ),
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    case: Vec<Case>,
}

/// One `[[case]]`; every expectation is optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    input: String,
    note: String,
    runs: Option<Vec<(String, String)>>,
    scripts: Option<Vec<String>>,
    single_script: Option<bool>,
    restriction: Option<String>,
    tokens: Option<Vec<String>>,
    dominant: Option<String>,
}

fn script_named(code: &str, case: &str) -> Script {
    Script::from_name(code).unwrap_or_else(|| panic!("case {case}: unknown script {code:?}"))
}

/// Every case of every file, with its file name.
fn load() -> Vec<(&'static str, Case)> {
    let mut all = Vec::new();
    for (file, text) in FILES {
        let parsed: File = toml::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
        for case in parsed.case {
            all.push((*file, case));
        }
    }
    all
}

/// Checks one case; returns a line per failed expectation.
fn check(file: &str, case: &Case) -> Vec<String> {
    let mut failures = Vec::new();
    let id = format!("{file}: {} ({:?})", case.name, case.input);
    let text = case.input.as_str();
    if let Some(expected) = &case.runs {
        let expected: Vec<(Script, &str)> = expected
            .iter()
            .map(|(s, t)| (script_named(s, &case.name), t.as_str()))
            .collect();
        let got: Vec<(Script, &str)> = runs(text)
            .map(|r| (r.script, &text[r.start..r.end]))
            .collect();
        if got != expected {
            failures.push(format!("{id}: runs {got:?}, expected {expected:?}"));
        }
    }
    if let Some(expected) = &case.scripts {
        let expected: ScriptSet = if expected == &["All"] {
            ScriptSet::ALL
        } else {
            expected
                .iter()
                .map(|s| script_named(s, &case.name))
                .collect()
        };
        let got = resolved_script_set(text);
        if got != expected {
            failures.push(format!("{id}: resolved {got:?}, expected {expected:?}"));
        }
    }
    if let Some(expected) = case.single_script {
        let got = is_single_script(text);
        if got != expected {
            failures.push(format!("{id}: single_script {got}, expected {expected}"));
        }
    }
    if let Some(expected) = &case.restriction {
        let level = RestrictionLevel::from_name(expected)
            .unwrap_or_else(|| panic!("{id}: unknown restriction {expected:?}"));
        let got = restriction_level(text);
        if got != level {
            failures.push(format!("{id}: restriction {got}, expected {level}"));
        }
    }
    if let Some(expected) = &case.tokens {
        let got: Vec<&str> = tokens(text).map(|t| t.text).collect();
        if got != *expected {
            failures.push(format!("{id}: tokens {got:?}, expected {expected:?}"));
        }
    }
    if let Some(expected) = &case.dominant {
        let expected = (expected != "none").then(|| script_named(expected, &case.name));
        let got = dominant_script(text);
        if got != expected {
            failures.push(format!("{id}: dominant {got:?}, expected {expected:?}"));
        }
    }
    failures
}

#[test]
fn corpus() {
    let cases = load();
    assert!(cases.len() >= 30, "corpus shrank to {} cases", cases.len());
    let failures: Vec<String> = cases.iter().flat_map(|(f, c)| check(f, c)).collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn corpus_is_well_formed() {
    let mut names = std::collections::BTreeSet::new();
    for (file, case) in load() {
        assert!(
            !case.note.trim().is_empty(),
            "{file}: {} has no note",
            case.name
        );
        assert!(
            names.insert((file, case.name.clone())),
            "{file}: duplicate case {}",
            case.name
        );
        let checks = [
            case.runs.is_some(),
            case.scripts.is_some(),
            case.single_script.is_some(),
            case.restriction.is_some(),
            case.tokens.is_some(),
            case.dominant.is_some(),
        ];
        assert!(
            checks.contains(&true),
            "{file}: {} expects nothing",
            case.name
        );
    }
}

#[test]
fn required_cases_are_present() {
    let inputs: Vec<String> = load().into_iter().map(|(_, c)| c.input).collect();
    for required in [
        "Sergeн",
        "Сергей",
        "Li said Сергей",
        "abc",
        "東京abc",
        "Серг",
    ] {
        assert!(
            inputs.iter().any(|i| i == required),
            "missing case for {required:?}"
        );
    }
}
