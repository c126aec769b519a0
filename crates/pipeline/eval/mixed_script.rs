//! Scores `Pipeline::clean` on the mixed-script evaluation sets
//! (`fixtures/eval/mixed-script/` and its held-out split
//! `fixtures/eval/mixed-script-heldout/`, see their READMEs): per channel and
//! language, recall (corrupted sentences restored exactly), precision
//! (changed sentences that are now exactly right) and, on clean sentences,
//! false changes per 20,000 tokens. Shared by the `eval_mixed_script`
//! example (which prints the tables in EVALUATION.md) and the regression
//! test that guards them.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The evaluation sets by name, and their directories under `fixtures/eval/`.
/// The judge's rules are tuned on `dev`; `heldout` shares no sentence or
/// paragraph with it and is only for measuring.
pub(crate) const SETS: &[(&str, &str)] =
    &[("dev", "mixed-script"), ("heldout", "mixed-script-heldout")];

/// The directory of the set called `name` (see [`SETS`]), or `None`.
pub(crate) fn set_dir(name: &str) -> Option<PathBuf> {
    SETS.iter().find(|(n, _)| *n == name).map(|(_, dir)| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures/eval")
            .join(dir)
    })
}

use polynorm_pipeline::Pipeline;

/// Counts for one channel (or one language × channel cell).
#[derive(Clone, Debug, Default)]
pub(crate) struct Cell {
    pub(crate) records: u64,
    /// Output differs from input.
    pub(crate) changed: u64,
    /// Output equals the expected text (for clean records: unchanged).
    pub(crate) exact: u64,
    /// Whitespace tokens in the expected text.
    pub(crate) tokens: u64,
    /// Tokens that differ between output and expected text.
    pub(crate) wrong_tokens: u64,
}

impl Cell {
    pub(crate) fn recall(&self) -> f64 {
        ratio(self.exact, self.records)
    }

    pub(crate) fn precision(&self) -> f64 {
        ratio(self.exact, self.changed)
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Channel → cell, and (language, channel) → cell.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub(crate) by_channel: BTreeMap<String, Cell>,
    pub(crate) by_lang: BTreeMap<(String, String), Cell>,
    /// Sample of failures: (id, input, expected, output).
    pub(crate) failures: Vec<(String, String, String, String)>,
}

fn field<'a>(record: &'a serde_json::Value, name: &str, file: &str, line: usize) -> &'a str {
    record[name]
        .as_str()
        .unwrap_or_else(|| panic!("{file}:{line}: field {name:?} missing or not a string"))
}

/// Runs the pipeline on every record under `dir`.
pub(crate) fn run(dir: &Path, pipeline: &Pipeline) -> Report {
    let mut report = Report::default();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    for path in files {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        for (i, line) in text.lines().enumerate() {
            let record: serde_json::Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{name}:{}: {e}", i + 1));
            let (id, lang, channel) = (
                field(&record, "id", &name, i + 1),
                field(&record, "lang", &name, i + 1),
                field(&record, "channel", &name, i + 1),
            );
            let (input, expect) = (
                field(&record, "input", &name, i + 1),
                field(&record, "expect", &name, i + 1),
            );
            let output = pipeline.clean(input).text;
            let out_tokens: Vec<&str> = output.split_whitespace().collect();
            let exp_tokens: Vec<&str> = expect.split_whitespace().collect();
            let wrong = if out_tokens.len() == exp_tokens.len() {
                out_tokens
                    .iter()
                    .zip(&exp_tokens)
                    .filter(|(a, b)| a != b)
                    .count()
            } else {
                exp_tokens.len()
            } as u64;
            for cell in [
                report.by_channel.entry(channel.to_owned()).or_default(),
                report
                    .by_lang
                    .entry((lang.to_owned(), channel.to_owned()))
                    .or_default(),
            ] {
                cell.records += 1;
                cell.changed += u64::from(output != input);
                cell.exact += u64::from(output == expect);
                cell.tokens += exp_tokens.len() as u64;
                cell.wrong_tokens += wrong;
            }
            if output != expect {
                report.failures.push((
                    id.to_owned(),
                    input.to_owned(),
                    expect.to_owned(),
                    output.into_owned(),
                ));
            }
        }
    }
    report
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "| channel | records | changed | exactly right | recall | precision |"
        )?;
        writeln!(f, "| --- | ---: | ---: | ---: | ---: | ---: |")?;
        for (channel, c) in &self.by_channel {
            if channel == "clean" {
                continue;
            }
            writeln!(
                f,
                "| {channel} | {} | {} | {} | {:.1}% | {:.1}% |",
                c.records,
                c.changed,
                c.exact,
                100.0 * c.recall(),
                100.0 * c.precision()
            )?;
        }
        if let Some(c) = self.by_channel.get("clean") {
            writeln!(f)?;
            writeln!(
                f,
                "Clean sentences: {} of {} changed; {} of {} tokens changed = {:.2} false changes per 20,000 tokens.",
                c.changed,
                c.records,
                c.wrong_tokens,
                c.tokens,
                20_000.0 * c.wrong_tokens as f64 / c.tokens.max(1) as f64
            )?;
        }
        writeln!(f)?;
        let channels: Vec<&String> = self.by_channel.keys().collect();
        write!(f, "| lang |")?;
        for ch in &channels {
            write!(f, " {ch} |")?;
        }
        writeln!(f)?;
        write!(f, "| --- |")?;
        for _ in &channels {
            write!(f, " ---: |")?;
        }
        writeln!(f)?;
        let langs: std::collections::BTreeSet<&String> =
            self.by_lang.keys().map(|(l, _)| l).collect();
        for lang in langs {
            write!(f, "| {lang} |")?;
            for ch in &channels {
                match self.by_lang.get(&(lang.clone(), (*ch).clone())) {
                    Some(c) if *ch == "clean" => {
                        write!(f, " {} / {} changed |", c.changed, c.records)?;
                    }
                    Some(c) => write!(
                        f,
                        " {}/{} right, {} wrong |",
                        c.exact,
                        c.records,
                        c.changed - c.exact.min(c.changed)
                    )?,
                    None => write!(f, " – |")?,
                }
            }
            writeln!(f)?;
        }
        Ok(())
    }
}
