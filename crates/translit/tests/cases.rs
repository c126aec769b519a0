//! Runs every case file `fixtures/translit/*.toml` (format:
//! `fixtures/translit/README.md`). The directory is read at test time, so a
//! new file is picked up without touching this loader. Every failing case is
//! reported (file, case name, input, got, expected), not just the first.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use polynorm_translit::{Mode, Options, Scheme};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    scheme: String,
    source: String,
    #[serde(default)]
    case: Vec<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    input: String,
    expect: String,
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    tones: Option<bool>,
    /// Also assert `reverse(expect) == input`.
    #[serde(default)]
    reverse: bool,
    /// `"reverse"`: `input` is in the target script, `expect` in the source.
    #[serde(default)]
    direction: Option<String>,
    #[serde(default)]
    #[allow(dead_code, reason = "documentation for readers of the case file")]
    note: Option<String>,
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/translit")
}

fn case_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures/translit exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

fn options(case: &Case) -> Result<Options, String> {
    let mut options = Options::new();
    match case.mode.as_deref() {
        None | Some("text") => {}
        Some("name") => options = options.mode(Mode::Name),
        Some(other) => return Err(format!("unknown mode {other:?}")),
    }
    if let Some(tones) = case.tones {
        options = options.tones(tones);
    }
    Ok(options)
}

/// Runs one case; `Err` describes the failure.
fn run(scheme: Scheme, case: &Case) -> Result<(), String> {
    let options = options(case)?;
    let reverse_of = |text: &str| {
        scheme
            .reverse(text, &options)
            .map(std::borrow::Cow::into_owned)
            .ok_or_else(|| format!("scheme {} has no reverse", scheme.name()))
    };
    match case.direction.as_deref() {
        None | Some("forward") => {
            let got = scheme.transliterate_with(&case.input, &options);
            if got != case.expect {
                return Err(format!(
                    "{:?} → {:?}, expected {:?}",
                    case.input, got, case.expect
                ));
            }
            if case.reverse {
                let back = reverse_of(&case.expect)?;
                if back != case.input {
                    return Err(format!(
                        "reverse {:?} → {back:?}, expected {:?}",
                        case.expect, case.input
                    ));
                }
            }
        }
        Some("reverse") => {
            let got = reverse_of(&case.input)?;
            if got != case.expect {
                return Err(format!(
                    "reverse {:?} → {got:?}, expected {:?}",
                    case.input, case.expect
                ));
            }
        }
        Some(other) => return Err(format!("unknown direction {other:?}")),
    }
    Ok(())
}

#[test]
fn every_case_file_passes() {
    let files = case_files();
    assert!(
        !files.is_empty(),
        "no case files in {}",
        fixtures_dir().display()
    );
    let mut failures = String::new();
    let mut total = 0;
    for path in &files {
        let file = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let text = std::fs::read_to_string(path).expect("readable case file");
        let parsed: CaseFile = match toml::from_str(&text) {
            Ok(parsed) => parsed,
            Err(e) => {
                let _ = writeln!(failures, "{file}: does not parse: {e}");
                continue;
            }
        };
        if parsed.source.trim().is_empty() || parsed.case.is_empty() {
            let _ = writeln!(failures, "{file}: needs a `source` and at least one case");
        }
        let scheme = match Scheme::from_name(&parsed.scheme) {
            Ok(s) => s,
            Err(e) => {
                let _ = writeln!(failures, "{file}: {e}");
                continue;
            }
        };
        let mut names = std::collections::BTreeSet::new();
        for case in &parsed.case {
            total += 1;
            if !names.insert(case.name.as_str()) {
                let _ = writeln!(failures, "{file}: case name {:?} used twice", case.name);
            }
            if let Err(why) = run(scheme, case) {
                let _ = writeln!(failures, "{file}: {}: {why}", case.name);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "failing cases ({} failures of {total} cases):\n{failures}",
        failures.lines().count()
    );
}
